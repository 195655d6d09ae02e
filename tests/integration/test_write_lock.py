"""Waiting for the write lock: argon2 never runs while it is held, a writer waits for it within
a bound (store/unit_of_work.py WRITE_WAIT_SECONDS), and past the bound the cashier reads what holds the
database, in words, with nothing half-written. The load test is test_load_locks.py."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from cashdesk.cli import main
from cashdesk.config import Settings
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import OverrideAction, Role
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services import auth, overrides, users
from cashdesk.services.auth import SignInRefused
from cashdesk.services.context import Operator, ServiceContext, command_line_operator
from cashdesk.services.drawers import open_drawer
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from cashdesk.store import lock_holders, unit_of_work
from cashdesk.store.db import DatabaseBusy

ADMIN = command_line_operator()
CASHIER = Operator("jsmith", Role.CASHIER)
PASSWORD = "correct horse battery"
SUPERVISOR_PASSWORD = "supervisor pass 1"


class LockWatchingHasher(PasswordHasher):
    """A cheap argon2 that notes, at every hash and check, whether the write lock is held then
    (by trying to take it from a connection of its own, without waiting)."""

    def __init__(self, path: Path) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1)
        self.path = path
        self.calls: list[tuple[str, bool]] = []

    def _note(self, what: str) -> None:
        con = sqlite3.connect(self.path, timeout=0, isolation_level=None)
        try:
            con.execute("BEGIN IMMEDIATE")
            con.execute("ROLLBACK")
            self.calls.append((what, False))
        except sqlite3.OperationalError:
            self.calls.append((what, True))
        finally:
            con.close()

    def hash(self, password: str | bytes, *, salt: bytes | None = None) -> str:
        self._note("hash")
        return super().hash(password, salt=salt)

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self._note("verify")
        return super().verify(hash, password)


@pytest.fixture
def ctx(small_city: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ServiceContext]:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    context = ServiceContext.open(small_city, settings=Settings())
    users.add_user(context, ADMIN, "jsmith", Role.CASHIER, PASSWORD, must_change_password=False)
    users.add_user(context, ADMIN, "super1", Role.SUPERVISOR, SUPERVISOR_PASSWORD, must_change_password=False)
    yield context
    context.close()


@pytest.fixture
def watcher(ctx: ServiceContext, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> LockWatchingHasher:
    hasher = LockWatchingHasher(db_path)
    monkeypatch.setattr(auth, "HASHER", hasher)
    return hasher


# -- argon2 outside the write transaction ---------------------------------------------------


def _wrong_sign_in(ctx: ServiceContext) -> None:
    with pytest.raises(SignInRefused):
        auth.sign_in(ctx, "jsmith", "not the password")


def _unknown_sign_in(ctx: ServiceContext) -> None:
    with pytest.raises(SignInRefused):
        auth.sign_in(ctx, "nobody", "not the password")


USE_CASES: dict[str, Any] = {
    "sign in": lambda ctx: auth.sign_in(ctx, "jsmith", PASSWORD),
    "wrong password": _wrong_sign_in,
    "unknown user": _unknown_sign_in,
    "unlock by a supervisor": lambda ctx: auth.unlock_station(ctx, CASHIER, "super1", SUPERVISOR_PASSWORD),
    "approval": lambda ctx: overrides.approve(
        ctx, action=OverrideAction.VOID, requested_by=CASHIER, supervisor_id="super1", password=SUPERVISOR_PASSWORD
    ),  # fmt: skip
    "own password": lambda ctx: auth.change_password(ctx, "jsmith", PASSWORD, "a brand new password 2"),
    "reset": lambda ctx: users.reset_password(ctx, ADMIN, "jsmith", "temporary pass 77"),
    "add user": lambda ctx: users.add_user(ctx, ADMIN, "jdoe", Role.CASHIER, "another cashier pw"),
}


@pytest.mark.parametrize("use_case", USE_CASES)
def test_passwords_are_checked_and_hashed_with_the_write_lock_free(
    use_case: str, ctx: ServiceContext, watcher: LockWatchingHasher
) -> None:
    USE_CASES[use_case](ctx)
    assert watcher.calls, "the use case checked no password"
    assert [what for what, locked in watcher.calls if locked] == []


def test_a_password_changed_while_it_was_checked_is_checked_again(
    ctx: ServiceContext, watcher: LockWatchingHasher, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another station resets the password between the check and the write: the old password
    signs in no more; the check is made again against the new hash."""
    check_outside = auth.check_outside
    resets = []

    def reset_meanwhile(ctx_: ServiceContext, row: Any, password: str) -> auth.Checked:
        checked = check_outside(ctx_, row, password)
        if not resets:
            resets.append(users.reset_password(ctx, ADMIN, "jsmith", "temporary pass 77"))
        return checked

    monkeypatch.setattr(auth, "check_outside", reset_meanwhile)
    with pytest.raises(SignInRefused, match="The user id or password is not right"):
        auth.sign_in(ctx, "jsmith", PASSWORD)
    assert auth.sign_in(ctx, "jsmith", "temporary pass 77").must_change_password is True


# -- the bound ------------------------------------------------------------------------------


@pytest.fixture
def short_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """A busy timeout and a bound short enough for a test (the program's are 5 s and 10 s)."""
    monkeypatch.setattr(unit_of_work, "BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr(unit_of_work, "WRITE_WAIT_SECONDS", 1.5)


@pytest.fixture
def counter(ctx: ServiceContext, short_bound: None) -> ServiceContext:
    """A fresh context (its connections take the short busy timeout) with an open drawer."""
    assert ctx.db.path is not None
    context = ServiceContext.open(ctx.db.path, settings=Settings({"printer.spec": "none"}))
    open_drawer(context, CASHIER, CashCount({"B20": 5}))
    return context


def test_a_payment_waits_for_a_lock_held_longer_than_the_busy_timeout(counter: ServiceContext, db_path: Path) -> None:
    other = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # an import's chunk, say: 0.6 s, six busy timeouts
    threading.Timer(0.6, lambda: other.execute("COMMIT")).start()
    try:
        posted = pay(counter)
    finally:
        counter.close()
    assert posted.startswith("W01-")
    other.close()


def test_a_lock_held_past_the_bound_refuses_the_payment_in_words_naming_the_holder(
    counter: ServiceContext, db_path: Path
) -> None:
    with holding_the_write_lock(db_path) as holder, pytest.raises(DatabaseBusy) as busy:
        pay(counter)
    said = str(busy.value)
    assert said.startswith("The database is busy: another program on this station is writing to it")
    if sys.platform.startswith("linux"):
        assert f"process {holder.pid}" in said
    assert "no payment was taken" in said and "try again in a moment" in said
    assert "locked" not in said and "sqlite" not in said.lower() and "BEGIN" not in said
    assert receipts(db_path) == 0  # nothing half-posted
    try:
        assert pay(counter).startswith("W01-")  # the holder is gone: the same payment posts
    finally:
        counter.close()
    assert receipts(db_path) == 1


def test_a_spanish_window_reads_the_busy_refusal_in_spanish(counter: ServiceContext, db_path: Path, qapp: Any) -> None:
    from cashdesk.ui.i18n import install_language

    assert install_language("es")
    try:
        with holding_the_write_lock(db_path) as holder, pytest.raises(DatabaseBusy) as busy:
            pay(counter)
    finally:
        install_language("en")
        counter.close()
    said = str(busy.value)
    assert said.startswith("La base de datos está ocupada: otro programa de esta estación está escribiendo en ella")
    if sys.platform.startswith("linux"):
        assert f"proceso {holder.pid}" in said
    assert "no se tomó ningún pago" in said and "The database" not in said
    assert receipts(db_path) == 0


def test_the_command_line_says_a_busy_database_in_words(
    ctx: ServiceContext, db_path: Path, short_bound: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SignInRefused):
        auth.sign_in(ctx, "jsmith", "not the password")  # something for `user unlock` to write
    with holding_the_write_lock(db_path):
        code = main(["--db", str(db_path), "user", "unlock", "jsmith"])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.startswith("cashdesk: The database is busy: another program on this station is writing to it")
    assert "Traceback" not in err and "OperationalError" not in err


def test_the_window_says_a_busy_database_as_written() -> None:
    from cashdesk.ui.operations import sentence

    busy = DatabaseBusy("The database is busy: … try again in a moment.")
    assert sentence(busy, failed="The list could not be read ({exc}).") == str(busy)


# -- helpers --------------------------------------------------------------------------------


def pay(ctx: ServiceContext) -> str:
    cart = Cart((AccountPayment("1000000017", Money(1000)),))
    return post_receipt(ctx, CASHIER, cart, [Tender(TenderKind.CASH, Money(1000))]).number


def receipts(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM receipts").fetchone()[0])
    finally:
        con.close()


@contextmanager
def holding_the_write_lock(path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """Another program on this station, writing: it holds the write lock until the block ends."""
    code = (f"import sqlite3, time\ncon = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
            "con.execute('BEGIN IMMEDIATE'); print('holding', flush=True); time.sleep(60)")  # fmt: skip
    with subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE) as holder:
        assert holder.stdout is not None and holder.stdout.readline() == b"holding\n"
        try:
            yield holder
        finally:
            holder.kill()


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        ([b"/usr/bin/python3", b"-m", b"cashdesk", b"--db", b"/srv/c.sqlite3", b"import-payments", b"x.csv"],
         "cashdesk import-payments"),
        ([b"/opt/cashdesk/bin/cashdesk", b"--db=/srv/c.sqlite3", b"backup", b"/mnt/usb"], "cashdesk backup"),
        ([b"/opt/cashdesk/bin/cashdesk"], "the cashdesk window"),
        ([b"/usr/bin/sqlite3", b"/srv/c.sqlite3"], "sqlite3"),
    ],
)  # fmt: skip
def test_the_holder_is_named_by_its_command(argv: list[bytes], words: str) -> None:
    assert lock_holders.program_words(argv) == words
