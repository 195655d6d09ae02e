"""`cashdesk --self-test`'s money part: a day at the window in a temporary folder, through the services.

A tiny demo city in a new database, a cashier's drawer opened, a cash payment posted and its
receipt printed to a `pdf:` printer, the drawer balanced by a blind count, the day closed and
its deposit exported, then the files read back against the deposit manifest and the audit trail
verified. Each step has a name; the first that fails stops the test with that name and why.
Nothing outside the folder is read or written: the settings, printer and database are its own.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cashdesk.config import Settings
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.context import Operator, ServiceContext, ServiceError

#: The demo city's size: enough for an account that owes, small enough to build in a second.
ACCOUNTS = 12
FLOAT = CashCount({"B20": 5, "B5": 4, "C25": 40})  # $130.00
TICKET, BAG = "SELFTEST1", "SELFTEST1"


class SelfTestFailed(ServiceError):
    """A step did not do what it should; the message names the step."""


@dataclass
class _Day:
    """What the steps hand on to each other."""

    ctx: ServiceContext
    folder: Path
    cashier: Operator | None = None
    supervisor: Operator | None = None
    receipt: str = ""
    paid: Money = Money(0)
    deposit_cash: Money = Money(0)  # what the drawer's close sent to the deposit


@contextmanager
def _own_environment(folder: Path) -> Iterator[None]:
    """The folder's settings file and PDF printer for the length of the test, whatever the station's are."""
    (folder / "cashdesk.toml").write_text(
        f'[printer]\nspec = "pdf:{(folder / "receipts").as_posix()}"\n'
        f'[reports]\nfolder = "{(folder / "reports").as_posix()}"\n'
        "[backup]\nat_day_close = false\n"
        "[receipt]\nlogo = true\n",
        encoding="utf-8",
    )
    wanted = {"CASHDESK_CONFIG": str(folder / "cashdesk.toml"), "CASHDESK_PRINTER": f"pdf:{folder / 'receipts'}"}
    saved = {key: os.environ.get(key) for key in (*wanted, "CASHDESK_DB")}
    os.environ.update(wanted)
    os.environ.pop("CASHDESK_DB", None)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run_self_test(folder: Path, say: Callable[[str], None], *, window: Callable[[Path], str] | None = None) -> None:
    """Run every step in `folder` (empty, kept by the caller), saying each as it passes; then
    `window(database)`, the caller's check of the window on the same database and settings.
    SelfTestFailed names the step that failed."""
    from cashdesk.services.demo import generate_demo_city

    db = folder / "self-test.sqlite3"
    with _own_environment(folder):
        _step("demo city", say, lambda: generate_demo_city(db, accounts=ACCOUNTS, seed=1, workers=0).describe())
        ctx = ServiceContext.open(db, settings=Settings.load())
        try:
            day = _Day(ctx, folder)
            for name, step in STEPS:
                _step(name, say, functools.partial(step, day))
        finally:
            ctx.close()
        if window is not None:
            _step("window", say, functools.partial(window, db))


def _step(name: str, say: Callable[[str], None], action: Callable[[], str]) -> None:
    try:
        detail = action()
    except SelfTestFailed:
        raise
    except Exception as exc:  # any failure is the step's: said in words, never a traceback
        raise SelfTestFailed(f"{name}: {type(exc).__name__}: {exc}") from exc
    say(f"ok  {name}: {detail}")


def _check(condition: bool, step: str, problem: str) -> None:
    if not condition:
        raise SelfTestFailed(f"{step}: {problem}")


def _sign_in(day: _Day) -> str:
    from cashdesk.services.auth import sign_in
    from cashdesk.services.demo import DEMO_PASSWORD

    day.cashier = sign_in(day.ctx, "cashier1", DEMO_PASSWORD).operator
    day.supervisor = sign_in(day.ctx, "super1", DEMO_PASSWORD).operator
    return "cashier1 and super1 signed in"


def _open_drawer(day: _Day) -> str:
    from cashdesk.services.drawers import open_drawer

    assert day.cashier is not None
    drawer = open_drawer(day.ctx, day.cashier, FLOAT)
    return f"drawer {drawer.id} with a float of {FLOAT.total.display()}"


def _post_payment(day: _Day) -> str:
    from cashdesk.services.accounts import search_accounts
    from cashdesk.services.payments import AccountPayment, Cart, post_receipt

    assert day.cashier is not None
    owing = [a for a in search_accounts(day.ctx, "1") if a.status == "active" and a.balance.cents > 0]
    _check(bool(owing), "payment", "the demo city has no account that owes")
    account = owing[0]
    cash = Money(-(-account.balance.cents // 2000) * 2000)  # the next $20 up: change is given
    posted = post_receipt(day.ctx, day.cashier, Cart((AccountPayment(account.account, account.balance),)),
                          [Tender(TenderKind.CASH, cash)])  # fmt: skip
    day.receipt, day.paid = posted.number, posted.total
    paid, change = posted.total.display(), posted.change.display()
    return f"receipt {posted.number}, {paid} to account {account.account}, change {change}"


def _print_receipt(day: _Day) -> str:
    from cashdesk.services.printing import deliver_queued, station_printer
    from cashdesk.services.receipt_jobs import receipt_logo

    _check(bool(receipt_logo(day.ctx)), "receipt printed", "the receipt logo could not be read (see the log)")
    printer = station_printer(day.ctx)
    try:
        delivered = deliver_queued(day.ctx, printer)
    finally:
        printer.close()
    _check(not delivered.problem, "receipt printed", delivered.problem)
    pdf = day.folder / "receipts" / f"{day.receipt}.pdf"
    _check(pdf.is_file(), "receipt printed", f"no {pdf.name} in {pdf.parent}")
    data = pdf.read_bytes()
    _check(data.startswith(b"%PDF-") and b"%%EOF" in data[-32:], "receipt printed", f"{pdf.name} is not a whole PDF")
    _check(day.receipt.encode() in data and day.paid.display().encode() in data, "receipt printed",
           f"{pdf.name} does not show the receipt number and the amount")  # fmt: skip
    return f"{delivered.delivered} print job(s) delivered with the logo; {pdf.name} shows {day.paid.display()}"


def _balance_drawer(day: _Day) -> str:
    from cashdesk.services.balancing import CountInput, close_drawer, record_count
    from cashdesk.services.shift import x_report
    from cashdesk.services.simulate import greedy_count

    assert day.cashier is not None
    expected = x_report(day.ctx, day.cashier).expected_cash
    counted = record_count(day.ctx, day.cashier, CountInput(greedy_count(expected), frozenset()))
    _check(counted.over_short == Money(0), "drawer balanced", f"a count of {expected.display()} is "
           f"{counted.over_short.display()} over/short")  # fmt: skip
    closed = close_drawer(day.ctx, day.cashier, count_id=counted.count_id, float_kept=counted.suggested_float)
    day.deposit_cash = closed.deposit_cash
    over_short, deposit = closed.over_short.display(), closed.deposit_cash.display()
    return f"counted {expected.display()}, over/short {over_short}, {deposit} to deposit"


def _close_and_export(day: _Day) -> str:
    from cashdesk.services.day_close import close_and_export

    assert day.supervisor is not None
    done = close_and_export(day.ctx, day.supervisor, day.ctx.today(), day.folder / "deposit", ticket_number=TICKET,
                            bag_number=BAG)  # fmt: skip
    _check(done.exported is not None, "deposit exported", done.export_refused)
    assert done.exported is not None
    total = done.exported.deposit_total
    _check(total == day.deposit_cash, "deposit exported",
           f"the deposit is {total.display()}, not the drawer's {day.deposit_cash.display()}")  # fmt: skip
    return done.exported.describe()


def _check_files(day: _Day) -> str:
    """Every file the manifest lists is there, whole: its size and SHA-256 as listed."""
    manifests = sorted((day.folder / "deposit").glob("deposit-manifest-*.json"))
    _check(len(manifests) == 1, "deposit files", f"{len(manifests)} manifests in {day.folder / 'deposit'}")
    listed = json.loads(manifests[0].read_bytes())["files"]
    for entry in listed:
        path = day.folder / "deposit" / entry["name"]
        _check(path.is_file(), "deposit files", f"{entry['name']} is missing")
        data = path.read_bytes()
        _check(len(data) == entry["size"] and hashlib.sha256(data).hexdigest() == entry["sha256"], "deposit files",
               f"{entry['name']} is not the file the manifest lists")  # fmt: skip
    return f"{len(listed)} files match {manifests[0].name}"


def _verify_audit(day: _Day) -> str:
    from cashdesk.services.audit import verify_audit

    trail = verify_audit(day.ctx)
    _check(trail.ok, "audit trail", trail.problem)
    return f"{trail.events} events chained, {trail.money_events} money events match their rows"


STEPS: tuple[tuple[str, Callable[[_Day], str]], ...] = (
    ("sign-in", _sign_in),
    ("drawer opened", _open_drawer),
    ("payment", _post_payment),
    ("receipt printed", _print_receipt),
    ("drawer balanced", _balance_drawer),
    ("deposit exported", _close_and_export),
    ("deposit files", _check_files),
    ("audit trail", _verify_audit),
)

__all__ = ["STEPS", "SelfTestFailed", "run_self_test"]
