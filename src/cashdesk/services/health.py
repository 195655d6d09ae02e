"""Checks a station makes on its database while it runs (the window, just after it starts)."""

from __future__ import annotations

import logging

from cashdesk.services.context import DatabaseError, ServiceContext, command_line_operator

log = logging.getLogger(__name__)


def check_database(ctx: ServiceContext) -> str | None:
    """None when the database is sound; else a message for the cashier (and the supervisor).

    A sound file also gets back any guard someone took out of it (store/guards.py), recorded
    in the audit trail under the station's login."""
    problems = ctx.db.quick_check()
    if not problems:
        put_back_guards(ctx)
        return None
    return (
        "The database failed its check (" + "; ".join(problems) + "). Stop taking payments and call "
        "your supervisor: the database must be restored from the latest backup."
    )


def put_back_guards(ctx: ServiceContext) -> tuple[str, ...]:
    """`audit.restore_guards` for this station; a file that refuses the write is logged, not raised
    (the window goes on, and its payments meet the same refusal in words)."""
    from cashdesk.services.audit import restore_guards

    try:
        return restore_guards(ctx.db, user=command_line_operator().user_id, station=ctx.station, at=ctx.now())
    except DatabaseError as exc:
        log.error("could not put back the database's guards: %s", exc)
        return ()
