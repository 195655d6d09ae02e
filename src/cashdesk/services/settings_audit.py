"""Setting changes in the audit trail.

Settings live in a TOML file that an administrator edits outside the program, so the
program notices a change when it next starts: it compares the effective settings with
those the audit trail last recorded, and records a `setting_change` event naming each
changed key with its old and new value.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from cashdesk.services import audit
from cashdesk.services.context import ServiceContext, command_line_operator
from cashdesk.store.models import AuditEventRow

EVENT = "setting_change"


def effective_settings(ctx: ServiceContext) -> dict[str, Any]:
    return ctx.settings.flat()


def audit_settings_changes(ctx: ServiceContext, *, user: str | None = None) -> dict[str, list[Any]]:
    """Record what changed since the last recorded settings; returns {key: [old, new]}."""
    current = json.loads(json.dumps(effective_settings(ctx)))  # as the trail stores it
    with ctx.db.unit_of_work() as uow:
        last = uow.session.scalars(
            select(AuditEventRow.details).where(AuditEventRow.event_type == EVENT)
            .order_by(AuditEventRow.seq.desc()).limit(1)
        ).first()  # fmt: skip
        before: dict[str, Any] = json.loads(last)["values"] if last else {}
        changed = {key: [before.get(key), value] for key, value in current.items() if before.get(key) != value}
        if not changed:
            return {}
        audit.record(
            uow.session, user=user or command_line_operator().user_id, station=ctx.station, event_type=EVENT,
            object=str(ctx.settings.path or "defaults"), details={"changed": changed, "values": current},
            at=ctx.now(),
        )  # fmt: skip
        uow.commit()
    return changed
