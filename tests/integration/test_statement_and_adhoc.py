"""The account statement (its running balance read back from the PDF) and the ad hoc report builder:
whitelisted fields only, saved under a name, run again later with the same sums as the rows."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from cashdesk.domain.adhoc import SUBJECTS, AdhocDefinition, AdhocError, Filter, parse_filters
from cashdesk.domain.money import Money
from cashdesk.domain.security import Role
from cashdesk.domain.service_orders import OrderType
from cashdesk.services.adhoc import run_adhoc, run_saved, save_adhoc, saved_reports
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.service_orders import complete, create_order, dispatch
from cashdesk.services.statement import account_statement, write_statement
from tests.integration.test_deposit_export import make_ctx

SUPERVISOR = Operator("msuper", Role.SUPERVISOR)
CASHIER = Operator("jcashier", Role.CASHIER)


@pytest.fixture
def ctx(small_city: Path):  # type: ignore[no-untyped-def]
    context = make_ctx(small_city)
    yield context
    context.close()


def test_a_statement_brings_the_balance_forward_and_runs_it_through_the_range(ctx: ServiceContext,
                                                                               tmp_path: Path) -> None:  # fmt: skip
    statement = account_statement(ctx, CASHIER, "1000-0000-17", dt.date(2026, 10, 1), dt.date(2026, 11, 30))
    assert statement.opening == Money(0)
    assert [(line[0], line[1], line[4], line[5], line[6]) for line in statement.lines] == [
        ("2026-10-05", "payment", None, 1000, -1000),
        ("2026-11-01", "bill", 7315, None, 6315),
    ]
    assert statement.closing == Money(6315)
    later = account_statement(ctx, CASHIER, "1000000017", dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert later.opening == Money(-1000) and later.closing == Money(6315)  # the payment brought forward
    path = write_statement(ctx, statement, tmp_path)
    assert path.name == "statement-1000000017-2026-10-01-2026-11-30.pdf"
    text = PdfReader(path).pages[0].extract_text()
    for seen in ("ACCOUNT STATEMENT", "SMITH, JOHN", "November bill", "$73.15", "$63.15",
                 "Balance brought forward on 2026-10-01: $0.00"):  # fmt: skip
        assert seen in text


def add_history(path: Path, account: str, *entries: tuple[str, str, str, int, str]) -> None:
    """(day, kind, description, cents, reference) lines of an account's history, as the services write them."""
    con = sqlite3.connect(path)
    with con:
        (account_id,) = con.execute("SELECT id FROM accounts WHERE number = ?", (account,)).fetchone()
        con.executemany(
            "INSERT INTO account_history (account_id, on_date, kind, description, amount_cents, reference) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(account_id, *entry) for entry in entries],
        )
    con.close()


def test_a_statement_shows_fees_adjustments_voids_refunds_and_returns(ctx: ServiceContext, small_city: Path,
                                                                     tmp_path: Path) -> None:  # fmt: skip
    add_history(
        small_city, "1000000017",
        ("2026-11-03", "adjustment", "Returned check 1042 on W01-2026-000007", 1000, "W01-2026-000007"),
        ("2026-11-03", "bill", "Returned check (NSF) fee", 3000, "W01-2026-000007"),
        ("2026-11-04", "adjustment", "Leak adjustment", -1250, "ADJ-17"),
        ("2026-11-05", "payment", "Payment at the counter, W01", -2000, "W01-2026-000009"),
        ("2026-11-05", "void", "Void of W01-2026-000009", 2000, "W01-2026-000009"),
        ("2026-11-06", "refund", "Credit refunded, paid-out 3", 500, "paid-out 3"),
        ("2026-11-07", "note", "Customer called about the leak", 0, ""),
    )  # fmt: skip
    statement = account_statement(ctx, CASHIER, "1000000017", dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert statement.opening == Money(-1000)  # October's payment, brought forward
    assert [(line[1], line[4], line[5], line[6]) for line in statement.lines] == [
        ("bill", 7315, None, 6315),
        ("adjustment", 1000, None, 7315),
        ("fee", 3000, None, 10315),
        ("adjustment", None, 1250, 9065),
        ("payment", None, 2000, 7065),
        ("payment void", 2000, None, 9065),
        ("payment refund", 500, None, 9565),
    ]  # the note is not money: left out
    assert statement.closing == Money(9565) == Money(-1000 + 7315 + 1000 + 3000 - 1250 - 2000 + 2000 + 500)
    assert statement.report.totals[4:6] == (7315 + 1000 + 3000 + 2000 + 500, 1250 + 2000)
    text = PdfReader(write_statement(ctx, statement, tmp_path)).pages[0].extract_text()
    for seen in ("Returned check (NSF) fee", "Leak adjustment", "payment void", "payment refund", "$95.65"):
        assert seen in text
    assert "Customer called" not in text


def test_the_statement_command_writes_the_pdf_and_refuses_in_words(small_city: Path, tmp_path: Path) -> None:
    cashdesk = [sys.executable, "-m", "cashdesk", "--db", str(small_city), "statement"]
    out = tmp_path / "statements"
    out.mkdir()
    done = subprocess.run([*cashdesk, "1000-0000-17", "--from", "2026-10-01", "--to", "2026-11-30", "--out",
                           str(out)], capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    path = out / "statement-1000000017-2026-10-01-2026-11-30.pdf"
    assert done.stdout.strip() == f"Statement of 1000000017 (2 entries, closing balance $63.15): {path}"
    text = PdfReader(path).pages[0].extract_text()
    assert "SMITH, JOHN" in text and "Balance on 2026-11-30: $63.15" in text
    for args, said in (
        (["999", "--from", "2026-10-01", "--to", "2026-11-30", "--out", str(out)], "no account '999'"),
        (["1000000017", "--from", "2026-12-01", "--to", "2026-11-30", "--out", str(out)], "after its last day"),
        (["1000000017", "--from", "2026-10-01", "--to", "2026-11-30", "--out", str(out / "no")],
         "does not exist"),
    ):  # fmt: skip
        refused = subprocess.run([*cashdesk, *args], capture_output=True, text=True)
        assert refused.returncode == 2 and said in refused.stderr and "Traceback" not in refused.stderr, args
    assert [p.name for p in out.iterdir()] == [path.name]


def test_a_statement_refuses_what_it_cannot_make(ctx: ServiceContext, tmp_path: Path) -> None:
    with pytest.raises(ServiceError, match="no account"):
        account_statement(ctx, CASHIER, "999", dt.date(2026, 1, 1), dt.date(2026, 1, 2))
    with pytest.raises(ServiceError, match="after its last day"):
        account_statement(ctx, CASHIER, "1000000017", dt.date(2026, 2, 1), dt.date(2026, 1, 2))


def test_an_ad_hoc_report_groups_totals_and_is_saved_to_run_later(ctx: ServiceContext, small_city: Path) -> None:
    open_by_kind = AdhocDefinition("open_items", parse_filters("open > 0"), "kind", ("open",))
    report = run_adhoc(ctx, SUPERVISOR, open_by_kind, dt.date(2026, 1, 1), dt.date(2027, 12, 31))
    con = sqlite3.connect(small_city)
    try:
        want = con.execute("SELECT a.kind, count(*), sum(o.amount_cents - o.paid_cents) FROM open_items o JOIN "
                           "accounts a ON a.id = o.account_id WHERE o.amount_cents - o.paid_cents > 0 "
                           "GROUP BY a.kind ORDER BY a.kind").fetchall()  # fmt: skip
    finally:
        con.close()
    assert [tuple(r) for r in report.rows] == want
    assert report.totals[1:] == (sum(r[1] for r in want), sum(r[2] for r in want))
    assert save_adhoc(ctx, SUPERVISOR, "Open-By-Kind", open_by_kind) is True
    assert save_adhoc(ctx, SUPERVISOR, "open-by-kind", open_by_kind) is False  # saved again, replaced
    assert saved_reports(ctx, SUPERVISOR) == ["open-by-kind"]
    again = run_saved(ctx, SUPERVISOR, "open-by-kind", dt.date(2026, 1, 1), dt.date(2027, 12, 31))
    assert again.rows == report.rows and again.title == "open-by-kind"
    smiths = run_adhoc(ctx, SUPERVISOR, AdhocDefinition("accounts", (Filter("name", "contains", "smith"),)),
                       None, None)  # fmt: skip
    assert [r[1] for r in smiths.rows] == ["SMITH, JOHN", "SMITHSON, MARY"]


def test_nothing_but_whitelisted_fields_reaches_the_database(ctx: ServiceContext) -> None:
    for definition, said in (
        (AdhocDefinition("users"), "no subject 'users'"),
        (AdhocDefinition("accounts", (Filter("password_hash", "=", "x"),)), "no field 'password_hash'"),
        (AdhocDefinition("accounts", (Filter("name", "; DROP", "x"),)), "compares with one of"),
        (AdhocDefinition("accounts", group_by="1; DELETE FROM accounts"), "no field"),
        (AdhocDefinition("accounts", totals=("name",)), "Only amounts are totalled"),
        (AdhocDefinition("open_items", (Filter("amount", ">", "lots"),)), "not an amount"),
        (AdhocDefinition("orders", group_by="requested_at"), "group by another field"),
        (AdhocDefinition("orders", (Filter("scheduled", ">", "someday"),)), "is not a date"),
        (AdhocDefinition("orders", (Filter("requested_at", "<", "someday"),)), "is not a date"),
    ):
        with pytest.raises(ServiceError, match=said):
            run_adhoc(ctx, SUPERVISOR, definition, dt.date(2026, 1, 1), dt.date(2026, 1, 2))
    with pytest.raises(AdhocError, match="like amount >= 100"):
        parse_filters("amount about 100")
    with pytest.raises(ServiceError, match="lower-case letters"):
        save_adhoc(ctx, SUPERVISOR, "no spaces allowed", AdhocDefinition("accounts"))
    with pytest.raises(ServiceError, match="may not run reports"):
        run_adhoc(ctx, CASHIER, AdhocDefinition("accounts"), None, None)


def test_service_orders_are_an_ad_hoc_subject_by_the_citys_days(ctx: ServiceContext, small_city: Path) -> None:
    assert "orders" in [s.name for s in SUBJECTS if s.fields]  # offered in the builder
    start = create_order(ctx, SUPERVISOR, "1000000017", OrderType.START, scheduled=dt.date(2026, 11, 30)).order
    reread = create_order(ctx, SUPERVISOR, "1000000033", OrderType.REREAD, scheduled=dt.date(2026, 11, 27)).order
    dispatch(ctx, SUPERVISOR, reread.number, crew="crew 2")
    complete(ctx, SUPERVISOR, reread.number, result="read again")
    ctx.clock = lambda: dt.datetime(2026, 11, 27, 5, 30, tzinfo=dt.UTC)  # 10:30 p.m. on the 26th in the city
    late = create_order(ctx, SUPERVISOR, "1000000041", OrderType.METER_CHECK).order
    day = dt.date(2026, 11, 26)
    report = run_adhoc(ctx, SUPERVISOR, AdhocDefinition("orders", totals=("fee",)), day, day)
    assert [c.key for c in report.definition.columns] == [
        "number",
        "account",
        "type",
        "status",
        "reason",
        "requested_at",
        "scheduled",
        "fee",
        "crew",
        "completed_at",
    ]
    con = sqlite3.connect(small_city)
    try:
        raw = con.execute(
            "SELECT w.number, a.number, w.type, w.status, w.reason, w.scheduled, w.fee_cents, w.crew "
            "FROM work_orders w JOIN accounts a ON a.id = w.account_id ORDER BY w.number"
        ).fetchall()
        by_status = con.execute("SELECT status, count(*), sum(fee_cents) FROM work_orders GROUP BY status "
                                "ORDER BY status").fetchall()  # fmt: skip
    finally:
        con.close()
    assert [r[:5] + r[6:9] for r in report.rows] == raw and len(raw) == 3
    times = {r[0]: (r[5], r[9]) for r in report.rows}
    assert times[late.number] == ("2026-11-26 22:30", None)  # the city's clock, the city's day
    assert times[reread.number] == ("2026-11-26 10:00", "2026-11-26 10:00")
    assert report.totals[7] == sum(r[6] for r in raw) == start.fee.cents > 0
    assert run_adhoc(ctx, SUPERVISOR, AdhocDefinition("orders"), day + dt.timedelta(days=1),
                     day + dt.timedelta(days=1)).rows == ()  # fmt: skip
    grouped = run_adhoc(ctx, SUPERVISOR, AdhocDefinition("orders", group_by="status", totals=("fee",)), day, day)
    assert [tuple(r) for r in grouped.rows] == by_status
    for filters, numbers in (
        ("completed_at = 11/26/2026", [reread.number]),
        ("requested_at > 2026-11-25; status not completed", [start.number, late.number]),
        ("requested_at < 2026-11-26", []),
        ("scheduled >= 2026-11-28", [start.number]),
        ("crew contains CREW", [reread.number]),
    ):
        found = run_adhoc(ctx, SUPERVISOR, AdhocDefinition("orders", parse_filters(filters)), day, day)
        assert [r[0] for r in found.rows] == numbers, filters
