"""The bad-input corpus (tests/corpus/bad_inputs.py) through the real services, files and command line.

Each case must be refused with a message in the cashier's words (no traceback, no SQL or Python
words, no card number echoed back) and must leave the database as it was: the full `iterdump`
before and after is compared. The only rows a refusal may add are the ones the program records
on purpose (AUDITED_SURFACES): a failed sign-in or approval is audited and counts toward the
user's lockout (audit_events, users); a refused account or lockbox import, and the audit export,
are audited (audit_events).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from cashdesk.config import Settings, SettingsError
from cashdesk.domain import micr as micr_rules
from cashdesk.domain import scanline
from cashdesk.domain.cards import contains_card_number
from cashdesk.domain.cash import CashCount, CountError
from cashdesk.domain.money import Money, MoneyError
from cashdesk.domain.security import OverrideAction, Role
from cashdesk.domain.tax_return import Deduction, ReturnFigures
from cashdesk.domain.tenders import Tender, TenderError, TenderKind
from cashdesk.services import auth
from cashdesk.services.accounts import account_detail, search_accounts
from cashdesk.services.audit import export_events
from cashdesk.services.context import Operator, ServiceContext, ServiceError, command_line_operator
from cashdesk.services.drawers import open_drawer
from cashdesk.services.imports import import_accounts
from cashdesk.services.mail_batches import add_remittance, open_batch, reject_batch
from cashdesk.services.mail_log import log_document
from cashdesk.services.overrides import approve
from cashdesk.services.payment_imports import import_payments
from cashdesk.services.payments import AccountPayment, Cart, MiscItem, post_receipt
from cashdesk.services.setup import init_database
from cashdesk.services.shift import cash_drop, paid_out
from cashdesk.services.tax_returns import file_return
from cashdesk.services.users import add_user
from cashdesk.store.db import Database
from tests.corpus import bad_inputs as corpus
from tests.corpus.bad_inputs import Bad
from tests.support import city

NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)  # 10:00 in Denver
TODAY = dt.date(2026, 11, 26)
CASHIER = Operator("jcashier", Role.CASHIER)
ADMIN = command_line_operator()
SUPERVISOR_PASSWORD = "supervisor password 1"
CASHIER_PASSWORD = "cashier password 1"
CHEAP = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)

AUDITED_SURFACES = {
    "sign_in": ("audit_events", "users"),
    "approve": ("audit_events", "users"),
    "account_csv": ("audit_events",),
    "lockbox": ("audit_events",),
    "audit_export": ("audit_events",),
    "cli": ("audit_events", "users"),  # the supervisor's sign-in for close-day and export-deposit
}

# -- what a clear message is -----------------------------------------------------------------------

_JARGON = re.compile(
    r"Traceback|File \"|[A-Z][A-Za-z]+(Error|Exception|Refused)\b|sqlite|sqlalchemy|\bSQL\b|"
    r"\b(SELECT|INSERT|UPDATE|DELETE|WHERE|DROP|TABLE|UNIQUE|CONSTRAINT|NULL)\b|NoneType|\bNone\b|"
    r"\b(int|str|float|bool|dict|tuple|bytes)\b|codec|\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|0x[0-9a-fA-F]+|"
    r"errno|Errno|__\w+__|object at|\bstrict\b|field limit|_csv|\bnext\(\)"
)


def _echo_variants(value: object) -> list[str]:
    """Ways a message may legitimately quote what was typed (whole, stripped, shortened)."""
    if isinstance(value, dict):
        return sorted({e for v in value.values() for e in _echo_variants(v)}, key=len, reverse=True)
    if isinstance(value, list):
        return sorted({e for v in value for e in _echo_variants(v)}, key=len, reverse=True)
    if not isinstance(value, str):
        return []
    out = []
    for text in (value, value.strip(), value.strip().upper()):
        out += [text, repr(text), *(text[:n] for n in (12, 19, 20, 40))]
    return sorted({v for v in out if len(v) >= 2}, key=len, reverse=True)


def assert_clear(message: str, value: object = None) -> None:
    assert message.strip(), "an empty message"
    assert not contains_card_number(message), f"the message echoes a card number: {message!r}"
    said = message
    for echo in _echo_variants(value):
        said = said.replace(echo, "")
    said = re.sub(r"\"[^\"]*\"|“[^”]*”", "", said)  # quoted: what the person typed or the file held
    found = _JARGON.search(said)
    assert found is None, f"jargon {found.group()!r} in the message: {message!r}"


# -- a small city in a real file, copied for every case ------------------------------------------------


@dataclass
class Env:
    ctx: ServiceContext
    path: Path
    folder: Path
    batch_id: int
    receipt: str


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    path = tmp_path_factory.mktemp("bad-input-template") / "cashdesk.sqlite3"
    init_database(path)
    db = Database.open(path)
    with db.unit_of_work() as uow:
        smith = city.add_account(uow, "1000000017", "SMITH, JOHN", "1200 N Main St", "(303) 555-0142")
        city.add_item(uow, smith, "WATER", "Water", dt.date(2026, 11, 20), dt.date(2026, 12, 10), 4210)
        city.add_item(uow, smith, "SEWER", "Sewer", dt.date(2026, 11, 20), dt.date(2026, 12, 10), 3105)
        city.add_account(uow, "1000000033", "GARCIA, ANA", "1200 S Main St", "(303) 555-0777", credit_cents=2500)
        city.add_account(uow, "2000000019", "MAIN STREET BAKERY LLC", "301 Main St", "(303) 555-0300",
                         kind="sales_tax", licence_number="BL-2019-0042", filing_frequency="monthly")  # fmt: skip
        uow.commit()
    db.dispose()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(auth, "HASHER", CHEAP)
        ctx = ServiceContext.open(path, settings=Settings())
        ctx.clock = lambda: NOW
        add_user(ctx, ADMIN, "msuper", Role.SUPERVISOR, SUPERVISOR_PASSWORD, must_change_password=False)
        add_user(ctx, ADMIN, "jcashier", Role.CASHIER, CASHIER_PASSWORD, must_change_password=False)
        open_drawer(ctx, CASHIER, CashCount({"B20": 5, "C25": 40}))
        posted = post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(1000)),)),
                              [Tender(TenderKind.CASH, Money(1000))])  # fmt: skip
        batch = open_batch(ctx, CASHIER, control_count=2, control_total=Money(10000))
        ctx.close()
    return path, batch.id, posted.number


@pytest.fixture
def env(template: tuple[Path, int, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Env]:
    monkeypatch.setattr(auth, "HASHER", CHEAP)
    source, batch_id, receipt = template
    path = tmp_path / "cashdesk.sqlite3"
    shutil.copyfile(source, path)
    ctx = ServiceContext.open(path, settings=Settings())
    ctx.clock = lambda: NOW
    folder = tmp_path / "work"
    folder.mkdir()
    yield Env(ctx, path, folder, batch_id, receipt)
    ctx.close()


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def _without(lines: list[str], tables: tuple[str, ...]) -> list[str]:
    prefixes = tuple(f'INSERT INTO "{t}"' for t in (*tables, "sqlite_sequence")) if tables else ()
    return [line for line in lines if not (prefixes and line.startswith(prefixes))]


# -- the surfaces: how each kind of input reaches the program ------------------------------------------


def _money(value: object) -> Money | None:
    return None if value is None else Money(value) if isinstance(value, int) else value  # type: ignore[return-value]


def _receipt(env: Env, *, account: str = "1000000017", amount: int = 1000, payer: str = "", memo: str | None = None,
             tenders: list[Tender] | None = None) -> None:  # fmt: skip
    line: AccountPayment | MiscItem = (
        MiscItem("BLDGPRMT", Money(amount), memo)
        if memo is not None
        else AccountPayment(account, Money(amount), keep_excess_as_credit=True)
    )
    post_receipt(
        env.ctx, CASHIER, Cart((line,), payer=payer), tenders or [Tender(TenderKind.CASH, Money(max(amount, 1)))]
    )


def _tender(env: Env, v: dict[str, Any]) -> None:
    fields = dict(v)
    kind = TenderKind(fields.pop("kind"))
    tender = Tender(kind, Money(fields.pop("amount", 1000)), **fields)
    _receipt(env, tenders=[tender])


def _paid_out(env: Env, v: dict[str, Any]) -> None:
    base: dict[str, Any] = {"amount": 500, "reason": "Refund of overpayment", "account": "1000000033", "payee": "",
                            "revenue_code": ""}  # fmt: skip
    if v.get("revenue_code"):
        base.update(account="", payee="Jane Doe")
    base.update(v)
    paid_out(env.ctx, CASHIER, amount=Money(base["amount"]), reason=base["reason"], account=base["account"] or None,
             payee=base["payee"], revenue_code=base["revenue_code"] or None, approval_id=None)  # fmt: skip


def _remittance(env: Env, v: dict[str, Any]) -> None:
    base: dict[str, Any] = {"account": "1000000017", "amount": 1000, "check_number": "1043", "payer": "SMITH JOHN",
                            "tender": "check", "scan_line": "", "micr": ""}  # fmt: skip
    base.update(v)
    base["amount"] = _money(base["amount"])
    add_remittance(env.ctx, CASHIER, env.batch_id, **base)


def _mail_log(env: Env, v: dict[str, Any]) -> None:
    base: dict[str, Any] = {"doc_type": "Correspondence", "sender": "Jane Doe", "routed_to": "City Clerk",
                            "reference": "", "notes": "", "received_on": None}  # fmt: skip
    base.update(v)
    base["received_on"] = {"tomorrow": TODAY + dt.timedelta(days=1), "long ago": TODAY - dt.timedelta(days=400),
                           None: None}[base["received_on"]]  # fmt: skip
    log_document(env.ctx, CASHIER, **base)


def _tax_return(env: Env, v: dict[str, Any]) -> None:
    base: dict[str, Any] = {"account": "2000000019", "period": "2026-10", "filed_on": None, "kind": "original",
                            "gross_sales": 100_000, "deduction": 0}  # fmt: skip
    base.update(v)
    figures = ReturnFigures(
        gross_sales=Money(base["gross_sales"]),
        deductions={Deduction.RESALE: Money(base["deduction"])} if base["deduction"] else {},
    )
    filed = TODAY + dt.timedelta(days=1) if base["filed_on"] == "tomorrow" else None
    file_return(env.ctx, CASHIER, base["account"], base["period"], figures, filed_on=filed, kind=base["kind"])


def _approve(env: Env, v: dict[str, Any]) -> None:
    approve(env.ctx, action=OverrideAction.VOID, requested_by=CASHIER, supervisor_id=v["user"],
            password=v["password"], object=env.receipt, reason="wrong account")  # fmt: skip


def _audit_export(env: Env, v: dict[str, Any]) -> None:
    start = dt.date.fromisoformat(v.get("start", "2026-11-01"))
    end = dt.date.fromisoformat(v.get("end", "2026-11-30"))
    export_events(env.ctx, ADMIN, start, end, env.folder / v.get("out", "audit.csv"))


def _file(env: Env, data: bytes, name: str) -> Path:
    path = env.folder / name
    path.write_bytes(data)
    return path


@contextlib.contextmanager
def _input_file(env: Env, data: object, name: str) -> Iterator[Path]:
    """An input file that is removed afterwards: it is what came in, not what the program wrote,
    so the card-data scan of the test run must not see the card numbers planted in it."""
    assert isinstance(data, bytes)
    path = _file(env, data, name)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def _settings(env: Env, data: object) -> None:
    with _input_file(env, data, "cashdesk.toml") as path:
        Settings.load(path)


def _account_csv(env: Env, data: object) -> None:
    with _input_file(env, data, "accounts.csv") as path:
        import_accounts(env.ctx, path)


def _lockbox(env: Env, data: object) -> None:
    with _input_file(env, data, "lockbox.csv") as path:
        import_payments(env.ctx, CASHIER, path, control_count=1, control_total=Money(7315))


SURFACES: dict[str, Callable[[Env, Any], object]] = {
    "money": lambda env, v: Money.parse(v),
    "receipt_amount": lambda env, v: _receipt(env, amount=v),
    "receipt_account": lambda env, v: _receipt(env, account=v),
    "receipt_payer": lambda env, v: _receipt(env, payer=v),
    "receipt_memo": lambda env, v: _receipt(env, memo=v),
    "tender": _tender,
    "cash_drop": lambda env, v: cash_drop(env.ctx, CASHIER, CashCount(v)),
    "paid_out": _paid_out,
    "remittance": _remittance,
    "scan_line": lambda env, v: _remittance(env, {"scan_line": v, "account": "", "amount": None}),
    "micr": lambda env, v: _remittance(env, {"micr": v, "check_number": ""}),
    "void": lambda env, v: __import__("cashdesk.services.voids", fromlist=["void_receipt"]).void_receipt(
        env.ctx, CASHIER, v.get("number", env.receipt), v.get("reason", "Wrong account keyed"), approval_id=None
    ),
    "open_batch": lambda env, v: open_batch(
        env.ctx, CASHIER, control_count=v.get("count", 2), control_total=Money(v.get("total", 10000))
    ),
    "reject_batch": lambda env, v: reject_batch(env.ctx, CASHIER, env.batch_id, v),
    "mail_log": _mail_log,
    "tax_return": _tax_return,
    "search": lambda env, v: search_accounts(env.ctx, v),
    "account_detail": lambda env, v: account_detail(env.ctx, v),
    "user_id": lambda env, v: add_user(env.ctx, ADMIN, v, Role.CASHIER, "a good password 1"),
    "password": lambda env, v: add_user(env.ctx, ADMIN, "newcashier", Role.CASHIER, v),
    "user_name": lambda env, v: add_user(env.ctx, ADMIN, "newcashier", Role.CASHIER, "a good password 1", full_name=v),
    "sign_in": lambda env, v: auth.sign_in(env.ctx, v["user"], v["password"]),
    "approve": _approve,
    "audit_export": _audit_export,
    "settings": _settings,
    "account_csv": _account_csv,
    "lockbox": _lockbox,
}
REFUSALS = (ServiceError, MoneyError, TenderError, CountError, SettingsError, scanline.ScanLineError,
            micr_rules.MicrError)  # fmt: skip


def _run_cli(env: Env, argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    from cashdesk.cli import main

    monkeypatch.setenv("CASHDESK_DB", str(env.path))
    monkeypatch.chdir(env.folder)
    monkeypatch.setattr(sys, "stdin", io.StringIO(SUPERVISOR_PASSWORD + "\n"))
    env.ctx.close()
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse: a usage line and the problem
        code = exc.code
    out = capsys.readouterr()
    assert code not in (0, None), f"the command was not refused: {out.out}"
    return out.err


# Found by the corpus and not fixed here (the files were being changed by others): see docs/bad-input.md.
#: Cases the program does not handle yet (strict xfail: a fix shows up as a failure until removed here).
KNOWN: dict[str, str] = {}


def _cases() -> list[Any]:
    return [pytest.param(b, id=b.id, marks=pytest.mark.xfail(reason=KNOWN[b.id], strict=True)) if b.id in KNOWN
            else pytest.param(b, id=b.id) for b in corpus.ALL]  # fmt: skip


@pytest.mark.parametrize("bad", _cases())
def test_bad_input_is_refused_clearly_and_changes_nothing(
    bad: Bad, env: Env, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = dump(env.path)
    if bad.surface == "cli":
        message = _run_cli(env, bad.value, monkeypatch, capsys)  # type: ignore[arg-type]
        message = re.sub(r"^usage:.*?\n(?=cashdesk)", "", message, flags=re.S)  # argparse's usage lines
        echoed: object = bad.value
    else:
        with pytest.raises(REFUSALS) as refused:
            SURFACES[bad.surface](env, bad.value)
        message, echoed = str(refused.value), bad.value
        env.ctx.close()
    assert re.search(bad.expect, message, re.IGNORECASE), f"expected /{bad.expect}/ in: {message!r}"
    assert_clear(message, echoed)
    tables = AUDITED_SURFACES.get(bad.surface, ())
    assert _without(dump(env.path), tables) == _without(before, tables), "the refusal changed the database"


def test_the_corpus_is_big_enough_and_covers_every_surface() -> None:
    assert len(corpus.ALL) >= 150
    assert {b.surface for b in corpus.ALL} == set(SURFACES) | {"cli"}
    assert len({b.id for b in corpus.ALL}) == len(corpus.ALL), "two cases share an id"


@pytest.mark.parametrize("text", corpus.GOOD_TEXTS)
def test_names_in_any_script_are_taken_and_kept_exactly(text: str, env: Env) -> None:
    """Not bad input: a payer's name in any script, or a hostile-looking string, is kept as typed."""
    _receipt(env, payer=text)
    con = sqlite3.connect(env.path)
    try:
        assert con.execute("SELECT payer FROM receipts ORDER BY id DESC LIMIT 1").fetchone() == (text.strip(),)
        assert con.execute("SELECT count(*) FROM accounts").fetchone() == (3,)  # no injection ran
    finally:
        con.close()


# -- spreadsheet formulas in the CSV files the program writes ------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _formula_cells(data: bytes) -> list[str]:
    """Cells a spreadsheet would run as a formula: a formula start that is not a plain number."""
    import csv

    rows = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    return [cell for row in rows for cell in row
            if cell.startswith(FORMULA_START) and not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", cell)]  # fmt: skip


def test_every_csv_written_neutralises_formulas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Payers, memos, a revenue code's description, a mail log sender and a typed user id that start
    with = + - @ tab or CR go through posting, day close, the deposit export (deposit file, GL journal,
    billing and sales-tax posting files) and the audit export; every file is read back."""
    from cashdesk.services.balancing import CountInput, close_drawer, items_to_verify, record_count
    from cashdesk.services.day_close import close_day
    from cashdesk.services.deposit import export_deposit

    monkeypatch.setattr(auth, "HASHER", CHEAP)
    path = tmp_path / "cashdesk.sqlite3"
    init_database(path)
    con = sqlite3.connect(path)
    con.execute("UPDATE revenue_codes SET description = ? WHERE code = 'BLDGPRMT'", ('=HYPERLINK("http://x")',))
    con.commit()
    con.close()
    db = Database.open(path)
    with db.unit_of_work() as uow:
        bakery = city.add_account(uow, "2000000019", "@BAKERY", "301 Main St", kind="sales_tax",
                                  filing_frequency="monthly")  # fmt: skip
        city.add_item(uow, bakery, "SALESTAX", "Sales tax", None, dt.date(2026, 10, 20), 5000, period="=2026-09")
        uow.commit()
    db.dispose()
    ctx = ServiceContext.open(path, settings=Settings({"reports.folder": str(tmp_path / "reports")}))
    ctx.clock = lambda: NOW
    try:
        add_user(ctx, ADMIN, "msuper", Role.SUPERVISOR, SUPERVISOR_PASSWORD, must_change_password=False)
        add_user(ctx, ADMIN, "jcashier", Role.CASHIER, CASHIER_PASSWORD, must_change_password=False)
        supervisor = Operator("msuper", Role.SUPERVISOR)
        float_count = CashCount({"B20": 5, "C25": 40})
        open_drawer(ctx, CASHIER, float_count)
        for n, text in enumerate(corpus.CSV_INJECTIONS, start=1):
            post_receipt(ctx, CASHIER, Cart((MiscItem("BLDGPRMT", Money(1000 + n), text),), payer=text),
                         [Tender(TenderKind.MONEY_ORDER, Money(1000 + n), f"MO-{n}")])  # fmt: skip
        post_receipt(ctx, CASHIER, Cart((AccountPayment("2000000019", Money(5000)),), payer="-1+1"),
                     [Tender(TenderKind.CHECK, Money(5000), "5001")])  # fmt: skip
        log_document(ctx, CASHIER, doc_type="Correspondence", sender="=cmd|' /C calc'!A0", routed_to="City Clerk")
        with pytest.raises(ServiceError):
            auth.sign_in(ctx, "@SUM(1+1)", "x")
        present = frozenset(i.tender_id for i in items_to_verify(ctx, CASHIER))
        counted = record_count(ctx, CASHIER, CountInput(float_count, present))
        close_drawer(ctx, CASHIER, count_id=counted.count_id, float_kept=float_count)
        close_day(ctx, supervisor, TODAY)
        out = tmp_path / "exports"
        out.mkdir()
        export_deposit(ctx, supervisor, TODAY, out)
        export_events(ctx, ADMIN, TODAY, TODAY, out / "audit.csv")
    finally:
        ctx.close()
    written = {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}
    assert len(written) == 5, sorted(written)  # deposit, GL journal, billing, sales tax, audit
    for name, data in written.items():
        assert _formula_cells(data) == [], name
    deposit = next(d for n, d in written.items() if n.startswith("deposit-")).decode("utf-8")
    for text in corpus.CSV_INJECTIONS:
        assert "'" + text.strip() in deposit  # kept, with the apostrophe a spreadsheet shows as text
    audit_text = written["audit.csv"].decode("utf-8")
    assert "'@SUM(1+1)" in audit_text or "@SUM" not in audit_text
