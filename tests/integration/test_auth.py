"""Signing in, lockout, inactivity, password changes and the station lock, in a real file."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from cashdesk.config import Settings
from cashdesk.domain.security import Role
from cashdesk.services import auth, users
from cashdesk.services.auth import PasswordRejected, SignInRefused
from cashdesk.services.context import Operator, ServiceContext, command_line_operator

T0 = dt.datetime(2026, 11, 26, 16, 0, tzinfo=dt.UTC)  # 09:00 in Denver
ADMIN = command_line_operator()
CASHIER_PASSWORD = "correct horse battery"
SUPERVISOR_PASSWORD = "supervisor pass 1"
WRONG_PASSWORD = "Tr0ub4dor&3-wrong"
WRONG = "The user id or password is not right."


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2's default cost is right for the window and too slow for hundreds of checks."""
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
def ctx(db_path: Path, clock: Clock) -> Iterator[ServiceContext]:
    context = ServiceContext.open(db_path, settings=Settings())
    context.clock = clock
    users.add_user(context, ADMIN, "jsmith", Role.CASHIER, CASHIER_PASSWORD, full_name="Jan Smith",
                   must_change_password=False)  # fmt: skip
    users.add_user(context, ADMIN, "jdoe", Role.CASHIER, "another cashier pw", must_change_password=False)
    users.add_user(context, ADMIN, "super1", Role.SUPERVISOR, SUPERVISOR_PASSWORD, must_change_password=False)
    users.add_user(context, ADMIN, "admin1", Role.ADMINISTRATOR, "admin password 1", must_change_password=False)
    yield context
    context.close()


def events(db_path: Path, event_type: str | None = None) -> list[dict[str, object]]:
    con = sqlite3.connect(db_path)
    con.row_factory = sqlite3.Row
    try:
        rows = con.execute("SELECT * FROM audit_events ORDER BY seq").fetchall()
    finally:
        con.close()
    out = [dict(r) | {"details": json.loads(r["details"])} for r in rows]
    return [e for e in out if event_type is None or e["event_type"] == event_type]


def user_row(db_path: Path, user_id: str) -> sqlite3.Row:
    con = sqlite3.connect(db_path)
    con.row_factory = sqlite3.Row
    try:
        return con.execute("SELECT * FROM users WHERE user_id = ?", (user_id,)).fetchone()
    finally:
        con.close()


def file_bytes(db_path: Path) -> bytes:
    """The database file and its write-ahead log, where recent pages live."""
    wal = db_path.with_name(db_path.name + "-wal")
    return db_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def refused(ctx: ServiceContext, user_id: str, password: str) -> str:
    with pytest.raises(SignInRefused) as caught:
        auth.sign_in(ctx, user_id, password)
    return str(caught.value)


# -- signing in ----------------------------------------------------------------------------


def test_the_right_password_signs_in_and_is_audited(ctx: ServiceContext, db_path: Path) -> None:
    result = auth.sign_in(ctx, " JSmith ", CASHIER_PASSWORD)
    assert result.operator == Operator("jsmith", Role.CASHIER, "Jan Smith")
    assert result.must_change_password is False
    assert user_row(db_path, "jsmith")["last_sign_in_at"].startswith("2026-11-26 16:00:00")
    (event,) = events(db_path, "sign_in")
    assert (event["user"], event["object"], event["success"], event["station"]) == ("jsmith", "jsmith", 1, "W01")
    assert event["at"] == "2026-11-26T16:00:00.000000Z"


def test_a_wrong_password_and_an_unknown_user_get_the_same_answer(ctx: ServiceContext) -> None:
    assert refused(ctx, "jsmith", WRONG_PASSWORD) == WRONG
    assert refused(ctx, "nobody", CASHIER_PASSWORD) == WRONG
    assert refused(ctx, "", "") == WRONG


def test_failed_sign_ins_are_audited_without_what_was_typed(ctx: ServiceContext, db_path: Path) -> None:
    refused(ctx, "jsmith", WRONG_PASSWORD)
    # Someone types their password into the user id box: it must not land in the trail either.
    refused(ctx, CASHIER_PASSWORD, "")
    auth.sign_in(ctx, "jsmith", CASHIER_PASSWORD)
    wrong, unknown, right = events(db_path, "sign_in")
    assert (wrong["user"], wrong["object"], wrong["success"]) == ("jsmith", "jsmith", 0)
    assert wrong["details"] == {"reason": "wrong_password", "failures": 1}
    assert (unknown["user"], unknown["object"], unknown["success"]) == ("?", "", 0)
    assert unknown["details"] == {"reason": "unknown_user"}
    assert right["success"] == 1

    con = sqlite3.connect(db_path)
    try:
        columns = [r[1] for r in con.execute("PRAGMA table_info(audit_events)")]
        for column in columns:
            for secret in (WRONG_PASSWORD, CASHIER_PASSWORD, "correct horse"):
                hits = con.execute(f"SELECT count(*) FROM audit_events WHERE instr({column}, ?) > 0", (secret,))
                assert hits.fetchone()[0] == 0, (column, secret)
    finally:
        con.close()
    assert WRONG_PASSWORD.encode() not in file_bytes(db_path)


def test_a_disabled_user_cannot_sign_in_even_with_the_right_password(ctx: ServiceContext, db_path: Path) -> None:
    users.disable_user(ctx, ADMIN, "jsmith", "left the department")
    assert refused(ctx, "jsmith", CASHIER_PASSWORD) == "This user is disabled. See an administrator."
    assert events(db_path, "sign_in")[-1]["details"] == {"reason": "disabled"}
    users.enable_user(ctx, ADMIN, "jsmith")
    assert auth.sign_in(ctx, "jsmith", CASHIER_PASSWORD).operator.user_id == "jsmith"


def test_a_weaker_hash_is_replaced_at_the_next_sign_in(
    ctx: ServiceContext, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = user_row(db_path, "jsmith")["password_hash"]
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
    auth.sign_in(ctx, "jsmith", CASHIER_PASSWORD)
    after = user_row(db_path, "jsmith")["password_hash"]
    assert after != before and "t=2" in after
    assert auth.sign_in(ctx, "jsmith", CASHIER_PASSWORD).operator.user_id == "jsmith"


# -- lockout -------------------------------------------------------------------------------


def test_ten_failures_lock_the_user_for_thirty_minutes(ctx: ServiceContext, clock: Clock, db_path: Path) -> None:
    for _ in range(9):
        assert refused(ctx, "jsmith", WRONG_PASSWORD) == WRONG
        clock.advance(seconds=20)
    tenth = refused(ctx, "jsmith", WRONG_PASSWORD)  # at 09:03 in Denver
    assert tenth == (
        "The user id or password is not right. This user is now locked until 09:33 after too many failed "
        "sign-ins. An administrator can unlock it."
    )
    assert user_row(db_path, "jsmith")["locked_until"].startswith("2026-11-26 16:33:00")
    assert events(db_path, "sign_in")[-1]["details"] == {
        "reason": "wrong_password", "failures": 10, "locked_until": "2026-11-26T16:33:00.000000Z",
    }  # fmt: skip

    # The right password does not help while the lock lasts.
    clock.advance(minutes=29, seconds=59)
    assert refused(ctx, "jsmith", CASHIER_PASSWORD) == (
        "This user is locked until 09:33 after too many failed sign-ins. An administrator can unlock it."
    )
    assert events(db_path, "sign_in")[-1]["details"] == {"reason": "locked"}
    # Other users are not affected.
    assert auth.sign_in(ctx, "jdoe", "another cashier pw").operator.user_id == "jdoe"

    clock.advance(seconds=1)
    assert auth.sign_in(ctx, "jsmith", CASHIER_PASSWORD).operator.user_id == "jsmith"
    row = user_row(db_path, "jsmith")
    assert (row["failed_attempts"], row["locked_until"]) == (0, None)


def test_after_a_lock_lifts_a_user_has_a_fresh_set_of_attempts(ctx: ServiceContext, clock: Clock) -> None:
    for _ in range(10):
        refused(ctx, "jsmith", WRONG_PASSWORD)
    clock.advance(minutes=30)
    assert refused(ctx, "jsmith", WRONG_PASSWORD) == WRONG  # one failure, not the eleventh
    assert auth.sign_in(ctx, "jsmith", CASHIER_PASSWORD).operator.user_id == "jsmith"


def test_a_success_resets_the_count(ctx: ServiceContext, db_path: Path) -> None:
    for _ in range(9):
        refused(ctx, "jsmith", WRONG_PASSWORD)
    auth.sign_in(ctx, "jsmith", CASHIER_PASSWORD)
    assert user_row(db_path, "jsmith")["failed_attempts"] == 0
    for _ in range(9):
        assert refused(ctx, "jsmith", WRONG_PASSWORD) == WRONG


def test_the_lockout_follows_the_settings(ctx: ServiceContext, clock: Clock) -> None:
    ctx.settings = Settings({"security.lockout_attempts": 3, "security.lockout_minutes": 45})
    refused(ctx, "jsmith", WRONG_PASSWORD)
    refused(ctx, "jsmith", WRONG_PASSWORD)
    assert "locked until 09:45" in refused(ctx, "jsmith", WRONG_PASSWORD)
    clock.advance(minutes=44)
    assert "locked until 09:45" in refused(ctx, "jsmith", CASHIER_PASSWORD)
    clock.advance(minutes=1)
    auth.sign_in(ctx, "jsmith", CASHIER_PASSWORD)


def test_an_administrator_unlocks_a_locked_user(ctx: ServiceContext, db_path: Path) -> None:
    for _ in range(10):
        refused(ctx, "jsmith", WRONG_PASSWORD)
    view = users.unlock_user(ctx, ADMIN, "jsmith")
    assert view.locked_until is None
    assert auth.sign_in(ctx, "jsmith", CASHIER_PASSWORD).operator.user_id == "jsmith"
    (event,) = events(db_path, "user_unlock")
    assert (event["user"], event["object"], event["details"]) == (ADMIN.user_id, "jsmith", {"was_locked": True})


# -- unused users --------------------------------------------------------------------------


def test_a_user_unused_for_90_days_is_disabled_at_the_next_attempt(
    ctx: ServiceContext, clock: Clock, db_path: Path
) -> None:
    clock.advance(days=89)
    auth.sign_in(ctx, "jsmith", CASHIER_PASSWORD)  # 89 days after creation: fine, and the clock restarts
    clock.advance(days=90)
    assert refused(ctx, "jsmith", CASHIER_PASSWORD) == (
        "This user was not used for 90 days and is now disabled. See an administrator."
    )
    row = user_row(db_path, "jsmith")
    assert (row["disabled"], row["disabled_reason"]) == (1, "unused for 90 days")
    assert events(db_path, "sign_in")[-1]["details"] == {"reason": "inactive", "days": 90}
    assert refused(ctx, "jsmith", CASHIER_PASSWORD) == "This user is disabled. See an administrator."

    # Enabling a dormant user needs a new password; the reset enables them.
    with pytest.raises(users.ServiceError, match="Reset their password"):
        users.enable_user(ctx, ADMIN, "jsmith")
    view = users.reset_password(ctx, ADMIN, "jsmith", "temporary pass 7")
    assert (view.disabled, view.must_change_password) == (False, True)
    assert auth.sign_in(ctx, "jsmith", "temporary pass 7").must_change_password is True
    assert events(db_path, "password_reset")[-1]["details"] == {"enabled": True}


def test_a_user_disabled_by_hand_long_ago_needs_a_new_password_then_enabling(ctx: ServiceContext, clock: Clock) -> None:
    users.disable_user(ctx, ADMIN, "jsmith", "on leave")
    clock.advance(days=200)
    with pytest.raises(users.ServiceError, match="Reset their password first, then enable them"):
        users.enable_user(ctx, ADMIN, "jsmith")
    assert users.reset_password(ctx, ADMIN, "jsmith", "temporary pass 7").disabled is True  # still on leave
    assert users.enable_user(ctx, ADMIN, "jsmith").disabled is False
    assert auth.sign_in(ctx, "jsmith", "temporary pass 7").must_change_password is True


def test_a_user_who_never_signed_in_is_disabled_90_days_after_being_added(ctx: ServiceContext, clock: Clock) -> None:
    clock.advance(days=90)
    assert "not used for 90 days" in refused(ctx, "jdoe", "another cashier pw")


def test_an_unknown_id_is_refused_the_same_way_after_90_days(ctx: ServiceContext, clock: Clock) -> None:
    clock.advance(days=400)
    assert refused(ctx, "nobody", "whatever it is") == WRONG


# -- passwords -----------------------------------------------------------------------------


def test_a_user_changes_their_password(ctx: ServiceContext, db_path: Path) -> None:
    auth.change_password(ctx, "jsmith", CASHIER_PASSWORD, "a new long password")
    assert refused(ctx, "jsmith", CASHIER_PASSWORD) == WRONG
    assert auth.sign_in(ctx, "jsmith", "a new long password").operator.user_id == "jsmith"
    (event,) = events(db_path, "password_change")
    assert (event["user"], event["object"], event["success"]) == ("jsmith", "jsmith", 1)


def test_a_new_password_follows_the_rules(ctx: ServiceContext, db_path: Path) -> None:
    with pytest.raises(PasswordRejected, match="at least 12 characters"):
        auth.change_password(ctx, "jsmith", CASHIER_PASSWORD, "short one")
    with pytest.raises(PasswordRejected, match="cannot contain the user id"):
        auth.change_password(ctx, "jsmith", CASHIER_PASSWORD, "jsmith-forever-1")
    ctx.settings = Settings({"security.password_min_length": 16})
    with pytest.raises(PasswordRejected, match="at least 16 characters"):
        auth.change_password(ctx, "jsmith", CASHIER_PASSWORD, "fifteen chars!!")
    assert [e["details"]["reason"] for e in events(db_path, "password_change")] == ["rules"] * 3
    assert auth.sign_in(ctx, "jsmith", CASHIER_PASSWORD)  # unchanged


def test_the_last_four_passwords_cannot_be_used_again(ctx: ServiceContext) -> None:
    p1, p2, p3, p4, p5 = (
        CASHIER_PASSWORD,
        "second password!",
        "third password!!",
        "fourth password!",
        "fifth password!!",
    )
    auth.change_password(ctx, "jsmith", p1, p2)
    auth.change_password(ctx, "jsmith", p2, p3)
    auth.change_password(ctx, "jsmith", p3, p4)
    for old in (p1, p2, p3, p4):
        with pytest.raises(PasswordRejected, match="must differ from your last 4 passwords"):
            auth.change_password(ctx, "jsmith", p4, old)
    auth.change_password(ctx, "jsmith", p4, p5)
    auth.change_password(ctx, "jsmith", p5, p1)  # five back: allowed again
    assert auth.sign_in(ctx, "jsmith", p1)


def test_a_wrong_old_password_counts_toward_the_lockout(ctx: ServiceContext, db_path: Path) -> None:
    for _ in range(9):
        refused(ctx, "jsmith", WRONG_PASSWORD)
    with pytest.raises(SignInRefused, match="now locked until"):
        auth.change_password(ctx, "jsmith", WRONG_PASSWORD, "a new long password")
    assert events(db_path, "password_change")[-1]["details"]["reason"] == "wrong_password"
    assert WRONG_PASSWORD.encode() not in file_bytes(db_path)


def test_after_a_reset_the_user_must_change_the_password(ctx: ServiceContext, db_path: Path) -> None:
    users.reset_password(ctx, ADMIN, "jsmith", "temporary pass 7")
    assert refused(ctx, "jsmith", CASHIER_PASSWORD) == WRONG
    first = auth.sign_in(ctx, "jsmith", "temporary pass 7")
    assert first.must_change_password is True
    assert events(db_path, "sign_in")[-1]["details"] == {"must_change": True}
    with pytest.raises(PasswordRejected, match="must differ"):
        auth.change_password(ctx, "jsmith", "temporary pass 7", "temporary pass 7")
    auth.change_password(ctx, "jsmith", "temporary pass 7", "my own password")
    assert auth.sign_in(ctx, "jsmith", "my own password").must_change_password is False


# -- the station lock ----------------------------------------------------------------------


def test_lock_and_sign_out_are_audited(ctx: ServiceContext, db_path: Path) -> None:
    me = auth.sign_in(ctx, "jsmith", CASHIER_PASSWORD).operator
    auth.lock_station(ctx, me, idle=True)
    auth.lock_station(ctx, me, idle=False)
    auth.sign_out(ctx, me)
    assert [(e["event_type"], e["user"], e["details"]) for e in events(db_path)[-3:]] == [
        ("lock", "jsmith", {"idle": True}),
        ("lock", "jsmith", {"idle": False}),
        ("sign_out", "jsmith", {}),
    ]


def test_the_same_user_unlocks_their_station(ctx: ServiceContext, db_path: Path) -> None:
    me = auth.sign_in(ctx, "jsmith", CASHIER_PASSWORD).operator
    auth.lock_station(ctx, me, idle=True)
    assert auth.unlock_station(ctx, me, "jsmith", CASHIER_PASSWORD) is me
    (event,) = events(db_path, "unlock")
    assert (event["user"], event["object"], event["success"], event["details"]) == ("jsmith", "jsmith", 1, {})


def test_a_supervisor_unlocks_another_users_station_as_an_override(ctx: ServiceContext, db_path: Path) -> None:
    me = auth.sign_in(ctx, "jsmith", CASHIER_PASSWORD).operator
    assert auth.unlock_station(ctx, me, "super1", SUPERVISOR_PASSWORD) is me  # the session stays jsmith's
    unlock = events(db_path, "unlock")[-1]
    assert (unlock["user"], unlock["success"], unlock["details"]["by"]) == ("jsmith", 1, "super1")
    override = events(db_path, "override")[-1]
    assert override["details"] == {
        "action": "unlock_station", "requested_by": "jsmith", "approved_by": "super1",
        "approval": unlock["details"]["approval"],
    }  # fmt: skip
    con = sqlite3.connect(db_path)
    try:
        row = con.execute("SELECT action, requested_by, approved_by, station, used_at IS NOT NULL FROM approvals")
        assert row.fetchall() == [("unlock_station", "jsmith", "super1", "W01", 1)]
    finally:
        con.close()


@pytest.mark.parametrize("other", ["jdoe", "admin1", "nobody"])
def test_nobody_else_unlocks_a_station(ctx: ServiceContext, db_path: Path, other: str) -> None:
    me = auth.sign_in(ctx, "jsmith", CASHIER_PASSWORD).operator
    with pytest.raises(SignInRefused, match="^Only jsmith or a supervisor can unlock this station.$"):
        auth.unlock_station(ctx, me, other, "admin password 1")
    event = events(db_path, "unlock")[-1]
    assert (event["success"], event["details"]["reason"]) == (0, "not_allowed")
    assert "nobody" not in json.dumps(event)


def test_a_wrong_unlock_password_counts_toward_that_users_lockout(ctx: ServiceContext, db_path: Path) -> None:
    me = auth.sign_in(ctx, "jsmith", CASHIER_PASSWORD).operator
    with pytest.raises(SignInRefused, match=WRONG):
        auth.unlock_station(ctx, me, "jsmith", WRONG_PASSWORD)
    with pytest.raises(SignInRefused, match=WRONG):
        auth.unlock_station(ctx, me, "super1", WRONG_PASSWORD)
    assert user_row(db_path, "jsmith")["failed_attempts"] == 1
    assert user_row(db_path, "super1")["failed_attempts"] == 1
    assert [(e["success"], e["details"]["reason"]) for e in events(db_path, "unlock")] == [
        (0, "wrong_password"), (0, "wrong_password"),
    ]  # fmt: skip
    for _ in range(9):
        with pytest.raises(SignInRefused):
            auth.unlock_station(ctx, me, "jsmith", WRONG_PASSWORD)
    with pytest.raises(SignInRefused, match="locked until"):
        auth.unlock_station(ctx, me, "jsmith", CASHIER_PASSWORD)
    # A supervisor still can.
    assert auth.unlock_station(ctx, me, "super1", SUPERVISOR_PASSWORD) is me


def test_a_user_disabled_while_the_station_was_locked_cannot_unlock_it(ctx: ServiceContext) -> None:
    me = auth.sign_in(ctx, "jsmith", CASHIER_PASSWORD).operator
    users.disable_user(ctx, ADMIN, "jsmith")
    with pytest.raises(SignInRefused, match="disabled"):
        auth.unlock_station(ctx, me, "jsmith", CASHIER_PASSWORD)
