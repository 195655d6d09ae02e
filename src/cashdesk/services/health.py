"""Checks a station makes on its database while it runs."""

from __future__ import annotations

from cashdesk.services.context import ServiceContext


def check_database(ctx: ServiceContext) -> str | None:
    """None when the database is sound; else a message for the cashier (and the supervisor)."""
    problems = ctx.db.quick_check()
    if not problems:
        return None
    return (
        "The database failed its check (" + "; ".join(problems) + "). Stop taking payments and call "
        "your supervisor: the database must be restored from the latest backup."
    )
