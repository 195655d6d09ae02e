"""Administering users through the services and `cashdesk init` / `cashdesk user …`."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from cashdesk.cli import main
from cashdesk.config import Settings
from cashdesk.domain.security import Role
from cashdesk.services import auth, users
from cashdesk.services.auth import PasswordRejected
from cashdesk.services.context import Operator, PermissionDenied, ServiceContext, ServiceError, command_line_operator
from cashdesk.services.demo import DEMO_PASSWORD, generate_demo_city

T0 = dt.datetime(2026, 11, 26, 16, 0, tzinfo=dt.UTC)
ADMIN = command_line_operator()
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def ctx(db_path: Path) -> Iterator[ServiceContext]:
    context = ServiceContext.open(db_path, settings=Settings())
    context.clock = lambda: T0
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


# -- the services --------------------------------------------------------------------------


def test_an_administrator_adds_a_user(ctx: ServiceContext, db_path: Path) -> None:
    assert users.has_users(ctx) is False
    view = users.add_user(ctx, ADMIN, "JSmith", Role.CASHIER, "correct horse battery", full_name="  Jan   Smith ")
    assert (view.user_id, view.full_name, view.role, view.must_change_password) == (
        "jsmith", "Jan Smith", Role.CASHIER, True,
    )  # fmt: skip
    assert (view.disabled, view.locked_until, view.last_sign_in_at, view.created_at) == (False, None, None, T0)
    assert users.has_users(ctx) is True
    (event,) = events(db_path, "user_add")
    assert (event["user"], event["station"], event["object"]) == (ADMIN.user_id, "W01", "jsmith")
    assert event["details"] == {"role": "cashier", "must_change": True}
    con = sqlite3.connect(db_path)
    try:
        (stored,) = con.execute("SELECT password_hash FROM users").fetchone()
    finally:
        con.close()
    assert stored.startswith("$argon2id$") and "correct horse" not in stored


def test_user_ids_are_unique_and_well_formed(ctx: ServiceContext) -> None:
    users.add_user(ctx, ADMIN, "jsmith", Role.CASHIER, "correct horse battery")
    with pytest.raises(ServiceError, match="^There is already a user jsmith.$"):
        users.add_user(ctx, ADMIN, "jsmith", Role.SUPERVISOR, "another long password")
    with pytest.raises(ServiceError, match="2 to 32 characters"):
        users.add_user(ctx, ADMIN, "j smith", Role.CASHIER, "correct horse battery")
    with pytest.raises(ServiceError, match="no role 'boss'"):
        users.add_user(ctx, ADMIN, "boss", "boss", "correct horse battery")


def test_a_new_password_follows_the_rules(ctx: ServiceContext) -> None:
    with pytest.raises(PasswordRejected, match="at least 12 characters"):
        users.add_user(ctx, ADMIN, "jsmith", Role.CASHIER, "too short")
    with pytest.raises(PasswordRejected, match="user id"):
        users.add_user(ctx, ADMIN, "jsmith", Role.CASHIER, "i-am-jsmith-ok")
    assert users.has_users(ctx) is False


@pytest.mark.parametrize("role", [Role.CASHIER, Role.SUPERVISOR])
def test_only_an_administrator_manages_users(ctx: ServiceContext, role: Role) -> None:
    users.add_user(ctx, ADMIN, "jsmith", Role.CASHIER, "correct horse battery")
    someone = Operator("someone", role)
    for attempt in (
        lambda: users.add_user(ctx, someone, "jdoe", Role.CASHIER, "correct horse battery"),
        lambda: users.disable_user(ctx, someone, "jsmith"),
        lambda: users.enable_user(ctx, someone, "jsmith"),
        lambda: users.unlock_user(ctx, someone, "jsmith"),
        lambda: users.reset_password(ctx, someone, "jsmith", "correct horse battery"),
        lambda: users.change_role(ctx, someone, "jsmith", Role.SUPERVISOR),
    ):
        with pytest.raises(PermissionDenied, match=f"someone \\({role.value}\\) may not"):
            attempt()
    if role is Role.CASHIER:
        with pytest.raises(PermissionDenied):
            users.list_users(ctx, someone)
    else:  # a supervisor picks users in the audit viewer
        assert [v.user_id for v in users.list_users(ctx, someone)] == ["jsmith"]


def test_disable_enable_and_change_role_are_audited(ctx: ServiceContext, db_path: Path) -> None:
    users.add_user(ctx, ADMIN, "jsmith", Role.CASHIER, "correct horse battery")
    assert users.disable_user(ctx, ADMIN, "jsmith", "left the department").disabled_reason == "left the department"
    assert users.disable_user(ctx, ADMIN, "jsmith").disabled  # again: nothing to do, nothing audited
    assert users.enable_user(ctx, ADMIN, "jsmith").disabled is False
    assert users.change_role(ctx, ADMIN, "jsmith", "supervisor").role is Role.SUPERVISOR
    trail = [(e["event_type"], e["object"], e["details"]) for e in events(db_path)[1:]]
    assert trail == [
        ("user_disable", "jsmith", {"reason": "left the department"}),
        ("user_enable", "jsmith", {}),
        ("permission_change", "jsmith", {"from": "cashier", "to": "supervisor"}),
    ]
    with pytest.raises(ServiceError, match="There is no user 'nobody'"):
        users.disable_user(ctx, ADMIN, "nobody")


def test_the_last_active_administrator_stays(ctx: ServiceContext) -> None:
    users.add_user(ctx, ADMIN, "admin1", Role.ADMINISTRATOR, "admin password 1")
    me = Operator("admin1", Role.ADMINISTRATOR)
    with pytest.raises(ServiceError, match="admin1 is the last active administrator"):
        users.disable_user(ctx, me, "admin1")
    with pytest.raises(ServiceError, match="last active administrator, so they cannot be made cashier"):
        users.change_role(ctx, me, "admin1", Role.CASHIER)
    users.add_user(ctx, ADMIN, "admin2", Role.ADMINISTRATOR, "admin password 2")
    users.change_role(ctx, me, "admin1", Role.SUPERVISOR)
    with pytest.raises(ServiceError, match="admin2 is the last active administrator"):
        users.disable_user(ctx, ADMIN, "admin2")


def test_user_states_in_words(ctx: ServiceContext) -> None:
    users.add_user(ctx, ADMIN, "jsmith", Role.CASHIER, "correct horse battery", must_change_password=False)
    users.add_user(ctx, ADMIN, "jdoe", Role.CASHIER, "correct horse battery")
    users.add_user(ctx, ADMIN, "gone", Role.CASHIER, "correct horse battery")
    users.disable_user(ctx, ADMIN, "gone", "retired")
    for _ in range(10):
        with pytest.raises(auth.SignInRefused):
            auth.sign_in(ctx, "jsmith", "wrong password!")
    views = {v.user_id: v for v in users.list_users(ctx, ADMIN)}
    zone = "America/Denver"
    assert views["jsmith"].state(T0, zone) == "locked until 09:30"
    assert views["jsmith"].state(T0 + dt.timedelta(minutes=30), zone) == "active"
    assert views["jdoe"].state(T0, zone) == "must change password"
    assert views["gone"].state(T0, zone) == "disabled (retired)"


# -- the command line ----------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str, stdin: str | None = None,
        monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[int, str, str]:  # fmt: skip
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_plain_init_without_a_terminal_notes_the_missing_administrator(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "new.sqlite3")
    code, out, _ = run(capsys, "--db", db, "init", stdin="", monkeypatch=monkeypatch)
    assert code == 0
    assert out.splitlines()[-1] == "No administrator yet: run `cashdesk init --admin USER --password-stdin`."
    (event,) = events(tmp_path / "new.sqlite3", "init")
    assert event["user"] == ADMIN.user_id and event["details"]["from"] == ""


def test_init_adds_the_first_administrator_from_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "new.sqlite3"
    code, out, err = run(capsys, "--db", str(db), "init", "--admin", "boss", "--password-stdin",
                         stdin="the chief password\n", monkeypatch=monkeypatch)  # fmt: skip
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == "Added boss, administrator. Sign in with that user id to add the others."
    ctx = ServiceContext.open(db, settings=Settings())
    try:
        result = auth.sign_in(ctx, "boss", "the chief password")
        assert (result.operator.role, result.must_change_password) == (Role.ADMINISTRATOR, False)
    finally:
        ctx.close()
    assert [e["event_type"] for e in events(db)] == ["init", "user_add", "sign_in"]

    # Again: the same administrator is there already; another is refused.
    code, out, _ = run(capsys, "--db", str(db), "init", "--admin", "boss", "--password-stdin",
                       stdin="the chief password\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 0 and "boss is already an administrator" in out
    code, _, err = run(capsys, "--db", str(db), "init", "--admin", "other", "--password-stdin",
                       stdin="the other password\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 2 and "There are users already" in err and "cashdesk user add other --role administrator" in err


def test_init_refuses_a_weak_or_missing_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "new.sqlite3")
    code, _, err = run(capsys, "--db", db, "init", "--admin", "boss", "--password-stdin", stdin="short\n",
                       monkeypatch=monkeypatch)  # fmt: skip
    assert code == 2 and err == "cashdesk: The password must be at least 12 characters long.\n"
    code, _, err = run(capsys, "--db", db, "init", "--admin", "boss", "--password-stdin", stdin="",
                       monkeypatch=monkeypatch)  # fmt: skip
    assert code == 2 and "No password on standard input" in err
    code, _, err = run(capsys, "--db", db, "init", "--admin", "boss", stdin="", monkeypatch=monkeypatch)
    assert code == 2 and "--password-stdin" in err
    code, _, err = run(capsys, "--db", db, "init", "--password-stdin", stdin="x\n", monkeypatch=monkeypatch)
    assert code == 2 and "--password-stdin goes with --admin" in err


def test_init_at_a_terminal_asks_for_the_administrator(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = iter(["typed password 1", "typed password 1"])
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "chief")
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(typed))
    code, out, _ = run(capsys, "--db", str(tmp_path / "new.sqlite3"), "init")
    assert code == 0 and "Added chief, administrator." in out

    mismatch = iter(["typed password 1", "typed password 2"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(mismatch))
    code, _, err = run(capsys, "--db", str(tmp_path / "new.sqlite3"), "user", "add", "jdoe", "--role", "cashier")
    assert code == 2 and "The two passwords differ" in err


def test_the_user_commands(db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(db_path)
    code, out, _ = run(capsys, "--db", db, "user", "list")
    assert code == 0 and "There are no users yet" in out
    code, out, _ = run(capsys, "--db", db, "user", "add", "jsmith", "--role", "cashier", "--name", "Jan Smith",
                       "--password-stdin", stdin="correct horse battery\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 0 and out.startswith("Added jsmith, cashier.")
    run(capsys, "--db", db, "user", "add", "admin1", "--role", "administrator", "--password-stdin",
        stdin="admin password 1\n", monkeypatch=monkeypatch)  # fmt: skip

    code, out, _ = run(capsys, "--db", db, "user", "list")
    assert code == 0
    assert out.splitlines() == [
        "user    name       role           state                 last sign-in",
        "admin1  -          administrator  must change password  never",
        "jsmith  Jan Smith  cashier        must change password  never",
    ]
    assert run(capsys, "--db", db, "user", "disable", "jsmith", "--reason", "on leave")[:2] == (
        0, "jsmith is disabled (on leave).\n",
    )  # fmt: skip
    assert "disabled (on leave)" in run(capsys, "--db", db, "user", "list")[1]
    assert run(capsys, "--db", db, "user", "enable", "jsmith")[:2] == (0, "jsmith is enabled.\n")
    assert run(capsys, "--db", db, "user", "role", "jsmith", "supervisor")[:2] == (0, "jsmith is supervisor.\n")
    code, out, _ = run(capsys, "--db", db, "user", "reset-password", "jsmith", "--password-stdin",
                       stdin="temporary pass 9\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 0 and "must choose a new one" in out

    ctx = ServiceContext.open(db_path, settings=Settings())
    try:
        assert auth.sign_in(ctx, "jsmith", "temporary pass 9").must_change_password is True
        for _ in range(10):
            with pytest.raises(auth.SignInRefused):
                auth.sign_in(ctx, "jsmith", "wrong password!")
    finally:
        ctx.close()
    assert "locked until" in run(capsys, "--db", db, "user", "list")[1]
    assert run(capsys, "--db", db, "user", "unlock", "jsmith")[:2] == (0, "jsmith is unlocked.\n")
    assert "locked until" not in run(capsys, "--db", db, "user", "list")[1]

    types = [e["event_type"] for e in events(db_path) if e["user"] == ADMIN.user_id]
    assert types == ["user_add", "user_add", "user_disable", "user_enable", "permission_change", "password_reset",
                     "user_unlock"]  # fmt: skip


def test_user_command_errors_exit_2_on_stderr(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(db_path)
    assert run(capsys, "--db", db, "user", "disable", "nobody") == (
        2, "", "cashdesk: There is no user 'nobody'. See `cashdesk user list`.\n",
    )  # fmt: skip
    run(capsys, "--db", db, "user", "add", "jsmith", "--role", "cashier", "--password-stdin",
        stdin="correct horse battery\n", monkeypatch=monkeypatch)  # fmt: skip
    code, _, err = run(capsys, "--db", db, "user", "add", "jsmith", "--role", "cashier", "--password-stdin",
                       stdin="correct horse battery\n", monkeypatch=monkeypatch)  # fmt: skip
    assert (code, err) == (2, "cashdesk: There is already a user jsmith.\n")
    code, _, err = run(capsys, "--db", db, "user", "add", "jdoe", "--role", "cashier", stdin="",
                       monkeypatch=monkeypatch)  # fmt: skip
    assert code == 2 and "There is no terminal to ask for the password" in err
    code, _, err = run(capsys, "--db", db, "user", "add", "J Smith", "--role", "cashier")  # asks no password
    assert code == 2 and "2 to 32 characters" in err
    with pytest.raises(SystemExit):
        main(["--db", db, "user", "role", "jsmith", "boss"])


# -- other commands that write the trail ---------------------------------------------------


def test_import_accounts_is_audited(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_path), "import-accounts", str(FIXTURES / "billing-accounts.csv"), "--no-progress"]) == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("account,kind,name\n1,gas,X\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import-accounts", str(bad), "--no-progress"]) == 1
    good, refused = events(db_path, "import_accounts")
    assert (good["user"], good["object"], good["success"]) == (ADMIN.user_id, "billing-accounts.csv", 1)
    assert good["details"]["accounts_added"] == 3 and good["details"]["rows"] > 0
    assert (refused["object"], refused["success"], refused["details"]) == ("bad.csv", 0, {"problems": 1})
    assert main(["--db", str(db_path), "audit", "verify"]) == 0
    capsys.readouterr()


def test_demo_data_adds_demo_users_and_is_audited(tmp_path: Path) -> None:
    path = tmp_path / "city.sqlite3"
    result = generate_demo_city(path, accounts=30, seed=3, as_of=dt.date(2026, 11, 26))
    assert result.users == ("cashier1", "cashier2", "super1", "super2", "admin1")
    assert "sign in with the password demo-password" in result.describe()
    ctx = ServiceContext.open(path, settings=Settings())
    try:
        roles = {v.user_id: v.role for v in users.list_users(ctx, ADMIN)}
        assert roles == {"cashier1": Role.CASHIER, "cashier2": Role.CASHIER, "super1": Role.SUPERVISOR,
                         "super2": Role.SUPERVISOR, "admin1": Role.ADMINISTRATOR}  # fmt: skip
        signed_in = auth.sign_in(ctx, "super1", DEMO_PASSWORD)
        assert signed_in.must_change_password is False
    finally:
        ctx.close()
    (event,) = events(path, "demo_data")
    assert event["details"] == {"accounts": 30, "seed": 3, "as_of": "2026-11-26", "users_added": 5}
    assert len(events(path, "user_add")) == 5


def test_demo_data_leaves_existing_users_alone(db_path: Path, ctx: ServiceContext) -> None:
    users.add_user(ctx, ADMIN, "boss", Role.ADMINISTRATOR, "the chief password")
    result = generate_demo_city(db_path, accounts=10, seed=1, as_of=dt.date(2026, 11, 26))
    assert result.users == ()
    assert "demo-password" not in result.describe()
    assert [v.user_id for v in users.list_users(ctx, ADMIN)] == ["boss"]


# -- docs/permissions.md -------------------------------------------------------------------


def test_the_permissions_document_matches_the_roles() -> None:
    from cashdesk.domain.security import ROLE_PERMISSIONS, OverrideAction, Permission

    text = (Path(__file__).resolve().parents[2] / "docs" / "permissions.md").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if line.startswith("| `") and line.count("|") == 5:
            cells = [c.strip() for c in line.strip("|").split("|")]
            if set(cells[1:]) <= {"yes", "—"}:
                table[cells[0].strip("`")] = cells[1:]
    assert set(table) == {p.value for p in Permission}
    for permission in Permission:
        assert table[permission.value] == ["yes" if permission in ROLE_PERMISSIONS[r] else "—" for r in Role]
    for action in OverrideAction:
        assert f"| `{action.value}` | {action.label}" in text


def test_a_new_user_chooses_their_own_password_at_the_command_line(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(db_path)
    run(capsys, "--db", db, "user", "add", "jsmith", "--role", "cashier", "--password-stdin",
        stdin="temporary pass 1\n", monkeypatch=monkeypatch)  # fmt: skip
    code, _, err = run(capsys, "--db", db, "user", "password", "jsmith", "--password-stdin",
                       stdin="not the password\nmy own password 7\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 2 and err.startswith("cashdesk: ") and "Traceback" not in err
    code, _, err = run(capsys, "--db", db, "user", "password", "jsmith", "--password-stdin",
                       stdin="temporary pass 1\nshort\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 2 and err.startswith("cashdesk: ")
    code, out, _ = run(capsys, "--db", db, "user", "password", "jsmith", "--password-stdin",
                       stdin="temporary pass 1\nmy own password 7\n", monkeypatch=monkeypatch)  # fmt: skip
    assert (code, out) == (0, "The password of jsmith is changed.\n")

    ctx = ServiceContext.open(db_path, settings=Settings())
    try:
        signed_in = auth.sign_in(ctx, "jsmith", "my own password 7")
        assert signed_in.must_change_password is False  # they can work now, at the window and the command
        with pytest.raises(auth.SignInRefused):
            auth.sign_in(ctx, "jsmith", "temporary pass 1")
    finally:
        ctx.close()
    outcomes = [(e["event_type"], e["success"]) for e in events(db_path) if e["event_type"] == "password_change"]
    assert outcomes == [("password_change", False), ("password_change", False), ("password_change", True)]
