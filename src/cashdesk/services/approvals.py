"""The approval row and its "override" audit event, written when a supervisor approves.

Both `overrides.approve` (an approval to be used by the action it approves) and
`auth.unlock_station` (a supervisor unlocking another user's station, used at once) write it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from cashdesk.clock import naive_utc
from cashdesk.domain.cards import mask
from cashdesk.domain.security import OverrideAction
from cashdesk.services import audit
from cashdesk.services.context import ServiceContext
from cashdesk.store.models import ApprovalRow


def grant_approval(
    session: Session,
    ctx: ServiceContext,
    *,
    action: OverrideAction,
    requested_by: str,
    approved_by: str,
    object: str = "",
    reason: str = "",
    used: bool = False,
) -> ApprovalRow:
    """Write an approval and its "override" audit event (the supervisor is already checked)."""
    now = naive_utc(ctx.now())
    comment = mask(reason.strip())[:200]
    row = ApprovalRow(
        action=action.value, object=object, requested_by=requested_by, approved_by=approved_by,
        station=ctx.station, reason=comment, approved_at=now, used_at=now if used else None,
    )  # fmt: skip
    session.add(row)
    session.flush()
    details: dict[str, Any] = {
        "action": action.value, "requested_by": requested_by, "approved_by": approved_by, "approval": row.id,
    }  # fmt: skip
    if comment:
        details["comment"] = comment
    audit.record(
        session, user=approved_by, station=ctx.station, event_type="override", object=object,
        details=details, at=ctx.now(),
    )  # fmt: skip
    return row


__all__ = ["grant_approval"]
