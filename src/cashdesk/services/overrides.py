"""Supervisor overrides: an approval given with the supervisor's password, used once.

The rule lives here, not in the window: an action that needs approval calls
`consume_approval` (or opens its unit of work with `require_approval`), which refuses a
missing, unknown, used, expired or mismatched approval whatever the caller did before.

    approval = approve(ctx, action=OverrideAction.VOID, requested_by=cashier,
                       supervisor_id="super1", password=typed, object="W01-2026-000042")
    # ... then, in the void service:
    with require_approval(ctx, approval_id, action=OverrideAction.VOID,
                          requested_by=cashier.user_id, object=receipt) as (uow, granted):
        ...  # the void itself, its audit event naming granted.approved_by
        uow.commit()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from cashdesk.clock import aware_utc, naive_utc
from cashdesk.domain.security import OverrideAction, Permission, Role, can
from cashdesk.services import audit
from cashdesk.services.approvals import grant_approval
from cashdesk.services.auth import UNKNOWN_USER, check_password, password_checked
from cashdesk.services.context import Operator, PermissionDenied, ServiceContext
from cashdesk.store import users as user_store
from cashdesk.store.db import UnitOfWork
from cashdesk.store.models import ApprovalRow
from cashdesk.words import translate


class OverrideRefused(PermissionDenied):
    """No valid approval: the action does not happen. `reason` is the code the audit trail keeps."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Approval:
    id: int
    action: OverrideAction
    object: str
    requested_by: str
    approved_by: str
    approved_at: dt.datetime  # aware, UTC

    @classmethod
    def of(cls, row: ApprovalRow) -> Approval:
        approved_at = aware_utc(row.approved_at)
        assert approved_at is not None
        return cls(row.id, OverrideAction(row.action), row.object, row.requested_by, row.approved_by, approved_at)


def approve(
    ctx: ServiceContext,
    *,
    action: OverrideAction,
    requested_by: Operator,
    supervisor_id: str,
    password: str,
    object: str = "",
    reason: str = "",
) -> Approval:
    """A supervisor approves `action` for `requested_by`, in person, with their password.

    Failures count toward the supervisor's lockout; a refusal is audited and committed
    before OverrideRefused is raised.
    """
    action = OverrideAction(action)
    with password_checked(ctx, supervisor_id, password) as (uow, row, checked):
        user = row.user_id if row is not None else UNKNOWN_USER
        base: dict[str, Any] = {"action": action.value, "requested_by": requested_by.user_id}

        def refuse(reason_code: str, message: str, **more: Any) -> OverrideRefused:
            audit.record(
                uow.session, user=user, station=ctx.station, event_type="override", object=object, success=False,
                details={**base, "reason": reason_code, **more}, at=ctx.now(),
            )  # fmt: skip
            uow.commit()
            return OverrideRefused(message, reason_code)

        if row is not None and row.user_id == requested_by.user_id and ctx.settings.overrides.separate_supervisor:
            raise refuse(
                "own_action",
                translate("overrides", "You cannot approve your own action; another supervisor must."),
            )
        refusal = check_password(ctx, row, checked)
        if refusal is not None:
            raise refuse(refusal.reason, refusal.message, **refusal.details)
        assert row is not None
        role = Role(row.role)
        if not can(role, Permission.APPROVE_OVERRIDES):
            raise refuse(
                "not_supervisor",
                translate(
                    "overrides", "{user_id} ({role_label}) may not approve overrides. A supervisor must approve."
                ).format(user_id=row.user_id, role_label=role.shown.lower()),
            )
        granted = grant_approval(
            uow.session, ctx, action=action, requested_by=requested_by.user_id, approved_by=row.user_id,
            object=object, reason=reason,
        )  # fmt: skip
        uow.commit()
        return Approval.of(granted)


def consume_approval(
    session: Session,
    ctx: ServiceContext,
    approval_id: int | None,
    *,
    action: OverrideAction,
    requested_by: str,
    object: str = "",
) -> ApprovalRow:
    """Use an approval inside the unit of work of the action it approves, or refuse.

    Marks it used in the same transaction: if the action rolls back, the approval is unused.
    Writes nothing before refusing, so the caller may audit the refusal and commit.
    """
    action = OverrideAction(action)
    if approval_id is None:
        raise OverrideRefused(translate("overrides", "This needs a supervisor's approval."), "no_approval")
    if type(approval_id) is not int:
        raise OverrideRefused(
            translate("overrides", "That approval is not on record. Ask a supervisor to approve it again."),
            "unknown_approval",
        )
    row = user_store.approval_for_update(session, approval_id)
    if row is None:
        raise OverrideRefused(
            translate("overrides", "That approval is not on record. Ask a supervisor to approve it again."),
            "unknown_approval",
        )
    if row.used_at is not None:
        raise OverrideRefused(
            translate("overrides", "That approval was already used. Ask a supervisor to approve again."), "already_used"
        )
    if row.action != action.value or row.requested_by != requested_by or row.object != object:
        raise OverrideRefused(
            translate(
                "overrides",
                "That approval was for something else ({label} for {requested_by}). Ask a supervisor to "
                "approve this action.",
            ).format(label=OverrideAction(row.action).shown.lower(), requested_by=row.requested_by),
            "mismatch",
        )
    if row.station != ctx.station:
        raise OverrideRefused(
            translate(
                "overrides", "That approval was given at station {station}. Ask a supervisor to approve it here."
            ).format(station=row.station),
            "other_station",
        )
    minutes = ctx.settings.overrides.approval_minutes
    now = naive_utc(ctx.now())
    if not dt.timedelta(0) <= now - row.approved_at <= dt.timedelta(minutes=minutes):
        raise OverrideRefused(
            translate(
                "overrides",
                "That approval has expired (an approval is good for {minutes} minutes). Ask a supervisor "
                "to approve again.",
            ).format(minutes=minutes),
            "expired",
        )
    row.used_at = now
    session.flush()
    return row


def record_refusal(
    session: Session,
    ctx: ServiceContext,
    refused: OverrideRefused,
    *,
    approval_id: int | None,
    action: OverrideAction,
    requested_by: str,
    object: str = "",
) -> None:
    """Audit an action refused for want of a valid approval (the caller commits)."""
    details: dict[str, Any] = {"action": OverrideAction(action).value, "requested_by": requested_by,
                                  "reason": refused.reason}  # fmt: skip
    if type(approval_id) is int:
        details["approval"] = approval_id
    audit.record(
        session, user=requested_by, station=ctx.station, event_type="override_use", object=object,
        success=False, details=details, at=ctx.now(),
    )  # fmt: skip


@contextmanager
def require_approval(
    ctx: ServiceContext,
    approval_id: int | None,
    *,
    action: OverrideAction,
    requested_by: str,
    object: str = "",
) -> Iterator[tuple[UnitOfWork, ApprovalRow]]:
    """The unit of work of an action that needs approval, with the approval already used.

    A refusal is audited and committed, then OverrideRefused is raised; the block does not run.
    The block commits (or not: then the approval stays unused).
    """
    with ctx.db.unit_of_work() as uow:
        try:
            granted = consume_approval(
                uow.session, ctx, approval_id, action=action, requested_by=requested_by, object=object
            )
        except OverrideRefused as refused:
            record_refusal(
                uow.session, ctx, refused, approval_id=approval_id, action=action, requested_by=requested_by,
                object=object,
            )  # fmt: skip
            uow.commit()
            raise
        yield uow, granted


__all__ = ["Approval", "OverrideRefused", "approve", "consume_approval", "record_refusal", "require_approval"]
