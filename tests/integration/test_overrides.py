"""Supervisor overrides are enforced by the services: no window, no approval, no action."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from cashdesk.config import Settings
from cashdesk.domain.security import OverrideAction, Role
from cashdesk.services import auth, users
from cashdesk.services.context import Operator, PermissionDenied, ServiceContext, command_line_operator
from cashdesk.services.overrides import Approval, OverrideRefused, approve, consume_approval, require_approval

T0 = dt.datetime(2026, 11, 26, 16, 0, tzinfo=dt.UTC)
ADMIN = command_line_operator()
CASHIER = Operator("jsmith", Role.CASHIER)
SUPER1 = Operator("super1", Role.SUPERVISOR)
PASSWORDS = {"jsmith": "cashier password", "super1": "supervisor one!", "super2": "supervisor two!",
             "admin1": "admin password 1"}  # fmt: skip
RECEIPT = "W01-2026-000042"


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
def ctx(db_path: Path, clock: Clock) -> Iterator[ServiceContext]:
    context = ServiceContext.open(db_path, settings=Settings())
    context.clock = clock
    roles = {"jsmith": Role.CASHIER, "super1": Role.SUPERVISOR, "super2": Role.SUPERVISOR, "admin1": Role.ADMINISTRATOR}
    for user_id, role in roles.items():
        users.add_user(context, ADMIN, user_id, role, PASSWORDS[user_id], must_change_password=False)
    yield context
    context.close()


def void_approval(ctx: ServiceContext, *, by: str = "super1", requested_by: Operator = CASHIER) -> Approval:
    return approve(ctx, action=OverrideAction.VOID, requested_by=requested_by, supervisor_id=by,
                   password=PASSWORDS[by], object=RECEIPT, reason="customer paid twice")  # fmt: skip


def void(ctx: ServiceContext, approval_id: int | None, *, requested_by: str = "jsmith", obj: str = RECEIPT) -> None:
    """What issue 4's void service will do: the approval is used in the void's unit of work."""
    with require_approval(ctx, approval_id, action=OverrideAction.VOID, requested_by=requested_by,
                          object=obj) as (uow, granted):  # fmt: skip
        assert granted.approved_by
        uow.commit()


def events(db_path: Path, event_type: str) -> list[dict[str, object]]:
    con = sqlite3.connect(db_path)
    con.row_factory = sqlite3.Row
    try:
        rows = con.execute("SELECT * FROM audit_events WHERE event_type = ? ORDER BY seq", (event_type,)).fetchall()
    finally:
        con.close()
    return [dict(r) | {"details": json.loads(r["details"])} for r in rows]


def approvals(db_path: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db_path)
    try:
        return con.execute(
            "SELECT id, action, object, requested_by, approved_by, station, reason, used_at IS NOT NULL FROM approvals"
        ).fetchall()
    finally:
        con.close()


# -- approving -----------------------------------------------------------------------------


def test_a_supervisor_approves_with_their_password_and_both_names_are_recorded(
    ctx: ServiceContext, db_path: Path
) -> None:
    approval = void_approval(ctx)
    assert (approval.action, approval.object, approval.requested_by, approval.approved_by) == (
        OverrideAction.VOID, RECEIPT, "jsmith", "super1",
    )  # fmt: skip
    assert approval.approved_at == T0
    assert approvals(db_path) == [(approval.id, "void", RECEIPT, "jsmith", "super1", "W01", "customer paid twice", 0)]
    (event,) = events(db_path, "override")
    assert (event["user"], event["object"], event["success"]) == ("super1", RECEIPT, 1)
    assert event["details"] == {"action": "void", "requested_by": "jsmith", "approved_by": "super1",
                                "approval": approval.id, "comment": "customer paid twice"}  # fmt: skip


def test_a_wrong_supervisor_password_is_refused_audited_and_counted(ctx: ServiceContext, db_path: Path) -> None:
    with pytest.raises(OverrideRefused, match="The user id or password is not right."):
        approve(ctx, action=OverrideAction.VOID, requested_by=CASHIER, supervisor_id="super1",
                password="not the password", object=RECEIPT)  # fmt: skip
    (event,) = events(db_path, "override")
    assert (event["user"], event["success"], event["details"]["reason"]) == ("super1", 0, "wrong_password")
    assert approvals(db_path) == []
    for _ in range(9):
        with pytest.raises(OverrideRefused):
            approve(ctx, action=OverrideAction.VOID, requested_by=CASHIER, supervisor_id="super1", password="nope")
    with pytest.raises(OverrideRefused, match="locked until"):
        void_approval(ctx)  # the right password, but the supervisor is locked
    assert approvals(db_path) == []


def test_a_disabled_supervisor_cannot_approve(ctx: ServiceContext) -> None:
    users.disable_user(ctx, ADMIN, "super1")
    with pytest.raises(OverrideRefused, match="disabled"):
        void_approval(ctx)


@pytest.mark.parametrize("who", ["jsmith", "admin1"])
def test_a_cashier_or_an_administrator_can_never_approve(ctx: ServiceContext, db_path: Path, who: str) -> None:
    requester = Operator("super2", Role.SUPERVISOR)
    with pytest.raises(OverrideRefused, match=f"^{who} .* may not approve overrides"):
        void_approval(ctx, by=who, requested_by=requester)
    assert events(db_path, "override")[-1]["details"]["reason"] == "not_supervisor"
    assert approvals(db_path) == []


def test_a_supervisor_cannot_approve_their_own_action_when_another_is_required(
    ctx: ServiceContext, db_path: Path
) -> None:
    assert ctx.settings.overrides.separate_supervisor is True
    with pytest.raises(OverrideRefused, match="^You cannot approve your own action; another supervisor must.$"):
        void_approval(ctx, by="super1", requested_by=SUPER1)
    event = events(db_path, "override")[-1]
    assert (event["success"], event["details"]["reason"]) == (0, "own_action")
    assert void_approval(ctx, by="super2", requested_by=SUPER1).approved_by == "super2"


def test_with_the_setting_off_a_supervisor_approves_their_own_action(ctx: ServiceContext) -> None:
    ctx.settings = Settings({"overrides.separate_supervisor": False})
    approval = void_approval(ctx, by="super1", requested_by=SUPER1)
    assert (approval.requested_by, approval.approved_by) == ("super1", "super1")
    void(ctx, approval.id, requested_by="super1")


def test_an_override_refusal_is_a_permission_refusal(ctx: ServiceContext) -> None:
    with pytest.raises(PermissionDenied):
        void(ctx, None)


# -- using an approval ---------------------------------------------------------------------


def test_an_approval_is_used_once(ctx: ServiceContext, db_path: Path) -> None:
    approval = void_approval(ctx)
    void(ctx, approval.id)
    assert approvals(db_path)[0][-1] == 1
    with pytest.raises(OverrideRefused, match="already used"):
        void(ctx, approval.id)


def test_without_an_approval_the_action_is_refused_and_audited(ctx: ServiceContext, db_path: Path) -> None:
    with pytest.raises(OverrideRefused, match="^This needs a supervisor's approval.$"):
        void(ctx, None)
    (event,) = events(db_path, "override_use")
    assert (event["user"], event["object"], event["success"]) == ("jsmith", RECEIPT, 0)
    assert event["details"] == {"action": "void", "requested_by": "jsmith", "reason": "no_approval"}


def test_a_forged_approval_id_is_refused(ctx: ServiceContext, db_path: Path) -> None:
    with pytest.raises(OverrideRefused, match="not on record"):
        void(ctx, 4242)
    with pytest.raises(OverrideRefused, match="not on record"):
        void(ctx, "1")  # type: ignore[arg-type]
    assert [e["details"]["reason"] for e in events(db_path, "override_use")] == ["unknown_approval"] * 2


def test_an_approval_expires(ctx: ServiceContext, clock: Clock) -> None:
    approval = void_approval(ctx)
    clock.now = T0 + dt.timedelta(minutes=5, seconds=1)
    with pytest.raises(OverrideRefused, match="expired"):
        void(ctx, approval.id)
    ctx.settings = Settings({"overrides.approval_minutes": 10})
    void(ctx, approval.id)


@pytest.mark.parametrize(
    ("action", "requested_by", "obj"),
    [
        (OverrideAction.REFUND, "jsmith", RECEIPT),  # approved for a void, used for a refund
        (OverrideAction.VOID, "jdoe", RECEIPT),  # another cashier
        (OverrideAction.VOID, "jsmith", "W01-2026-000043"),  # another receipt
    ],
)
def test_an_approval_for_something_else_is_refused(
    ctx: ServiceContext, db_path: Path, action: OverrideAction, requested_by: str, obj: str
) -> None:
    approval = void_approval(ctx)
    with (
        pytest.raises(OverrideRefused, match="for something else"),
        require_approval(ctx, approval.id, action=action, requested_by=requested_by, object=obj),
    ):
        pytest.fail("the action ran without its approval")
    assert approvals(db_path)[0][-1] == 0  # still unused, for the action it was meant for
    void(ctx, approval.id)


def test_an_approval_from_another_station_is_refused(ctx: ServiceContext) -> None:
    approval = void_approval(ctx)
    ctx.settings = Settings({"station.id": "W02"})
    with pytest.raises(OverrideRefused, match="given at station W01"):
        void(ctx, approval.id)


def test_an_action_that_rolls_back_leaves_its_approval_unused(ctx: ServiceContext, db_path: Path) -> None:
    approval = void_approval(ctx)
    with (
        pytest.raises(RuntimeError),
        require_approval(ctx, approval.id, action=OverrideAction.VOID, requested_by="jsmith", object=RECEIPT),
    ):
        raise RuntimeError("the printer caught fire before the commit")
    assert approvals(db_path)[0][-1] == 0
    void(ctx, approval.id)


def test_consume_approval_inside_the_callers_own_unit_of_work(ctx: ServiceContext, db_path: Path) -> None:
    approval = void_approval(ctx)
    with ctx.db.unit_of_work() as uow:
        with pytest.raises(OverrideRefused):
            consume_approval(uow.session, ctx, None, action=OverrideAction.VOID, requested_by="jsmith", object=RECEIPT)
        row = consume_approval(uow.session, ctx, approval.id, action=OverrideAction.VOID, requested_by="jsmith",
                               object=RECEIPT)  # fmt: skip
        assert row.used_at is not None
        with pytest.raises(OverrideRefused, match="already used"):
            consume_approval(uow.session, ctx, approval.id, action=OverrideAction.VOID, requested_by="jsmith",
                             object=RECEIPT)  # fmt: skip
        uow.commit()
    assert approvals(db_path)[0][-1] == 1


def test_every_override_action_needs_its_own_approval(ctx: ServiceContext) -> None:
    for action in OverrideAction:
        with (
            pytest.raises(OverrideRefused, match="needs a supervisor's approval"),
            require_approval(ctx, None, action=action, requested_by="jsmith", object=RECEIPT),
        ):
            pytest.fail("ran without approval")
