"""Standard reports on simulated days: each one's sums against the rows computed independently, and
cash receipts by revenue code against the GL journals the day closes wrote for the same days."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from cashdesk.domain.money import Money
from cashdesk.domain.report_def import Report
from cashdesk.domain.security import Role
from cashdesk.domain.service_orders import OrderStatus, OrderType
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.reports import STANDARD, available_reports, run_report, write_report
from cashdesk.services.returned_checks import record_returned_check
from cashdesk.services.simulate import SimulatedDay
from tests.integration import reports_city

SUPERVISOR = Operator("reports.super", Role.SUPERVISOR)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[SimulatedDay]]:
    return reports_city.build(tmp_path_factory.mktemp("reports"))


@pytest.fixture
def ctx(built: tuple[Path, list[SimulatedDay]]):  # type: ignore[no-untyped-def]
    context = reports_city.open_city(built[0])
    yield context
    context.close()


def span(built: tuple[Path, list[SimulatedDay]]) -> tuple[dt.date, dt.date]:
    days = built[1]
    return days[0].business_date, days[-1].business_date


def rows(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple]:  # type: ignore[type-arg]
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def by_first(report: Report, value: int) -> dict[object, int]:
    out: dict[object, int] = defaultdict(int)
    for r in report.rows:
        out[r[0]] += int(r[value] or 0)
    return dict(out)


def revenue_booked(built: tuple[Path, list[SimulatedDay]]) -> dict[str, int]:
    """GL account -> cents credited on the `Revenue:` lines of the GL journals the day closes wrote."""
    exports = built[0].parent / "exports"
    booked: dict[str, int] = defaultdict(int)
    for day in built[1]:
        journal = exports / f"gl-journal-{day.business_date.isoformat()}.csv"
        header, *lines = list(csv.reader(io.StringIO(journal.read_text(encoding="utf-8"))))
        at = {name: i for i, name in enumerate(header)}
        for line in lines:
            if line[at["description"]].startswith("Revenue: "):
                booked[line[at["gl_account"]]] += Money.from_file(line[at["credit"]]).cents
    return dict(booked)


def test_receipts_by_revenue_code_tie_to_the_gl_journals_of_the_same_days(ctx: ServiceContext, built) -> None:  # type: ignore[no-untyped-def]
    start, end = span(built)
    booked = revenue_booked(built)
    report = run_report(ctx, SUPERVISOR, "receipts-by-revenue-code", start, end)
    by_gl: dict[str, int] = defaultdict(int)
    for _code, _description, gl, _items, cents in report.rows:
        by_gl[str(gl) if gl else "credit"] += int(cents)  # type: ignore[call-overload]
    credit_lines = {gl: c for gl, c in booked.items() if gl not in by_gl}
    assert {gl: c for gl, c in booked.items() if gl in by_gl} == {gl: c for gl, c in by_gl.items() if gl != "credit"}
    assert sum(credit_lines.values()) == by_gl.get("credit", 0)
    assert len(by_gl) >= 3 and all(by_gl.values())
    assert report.totals[-1] == sum(booked.values()) == sum(d.total.cents for d in built[1])
    gl_report = run_report(ctx, SUPERVISOR, "receipts-by-gl-account", start, end)
    assert gl_report.totals[-1] == report.totals[-1]
    assert run_report(ctx, SUPERVISOR, "receipts-by-fund", start, end).totals[-1] == report.totals[-1]


def test_the_gl_account_and_fund_reports_match_the_journals_line_by_line(ctx: ServiceContext, built) -> None:  # type: ignore[no-untyped-def]
    start, end = span(built)
    booked = revenue_booked(built)
    revenue_gls = {str(r[0]) for r in rows(built[0], "SELECT gl_account FROM revenue_codes")}
    credit = sum(c for gl, c in booked.items() if gl not in revenue_gls)  # the customer-credit liability lines
    assert credit > 0 and len(booked) - 1 >= 3
    gl_report = run_report(ctx, SUPERVISOR, "receipts-by-gl-account", start, end)
    assert {r[0]: r[2] for r in gl_report.rows} == {**{gl: c for gl, c in booked.items() if gl in revenue_gls},
                                                    "(credit kept)": credit}  # fmt: skip
    assert all(r[1] == str(r[0]).split("-")[0] for r in gl_report.rows if r[0] != "(credit kept)")
    assert [r[0] for r in gl_report.rows] == sorted(str(r[0]) for r in gl_report.rows)
    by_fund: dict[str, int] = defaultdict(int)
    for gl, cents in booked.items():
        by_fund[gl.split("-")[0] if gl in revenue_gls else "(credit kept)"] += cents
    fund_report = run_report(ctx, SUPERVISOR, "receipts-by-fund", start, end)
    assert dict(fund_report.rows) == by_fund and len(by_fund) >= 3  # type: ignore[arg-type]


def aging_from_rows(path: Path, as_of: dt.date) -> dict[str, list[int]]:
    """Service type -> cents owed current, 30, 60, 90+ days since billed (or due, when never billed)."""
    want: dict[str, list[int]] = {}
    for kind, days, cents in rows(
        path,
        "SELECT a.kind, julianday(?) - julianday(coalesce(o.bill_date, o.due_date)), o.amount_cents - o.paid_cents "
        "FROM open_items o JOIN accounts a ON a.id = o.account_id WHERE o.amount_cents > o.paid_cents",
        (as_of.isoformat(),),
    ):
        bucket = 0 if days < 30 else 1 if days < 60 else 2 if days < 90 else 3
        want.setdefault(kind.replace("_", " "), [0, 0, 0, 0])[bucket] += cents
    return want


def test_aging_by_bucket_sums_the_open_items_by_kind_and_age(ctx: ServiceContext, built) -> None:  # type: ignore[no-untyped-def]
    _start, end = span(built)
    owed = rows(built[0], "SELECT sum(amount_cents - paid_cents) FROM open_items WHERE amount_cents > paid_cents")
    shown = []
    for as_of in (end, end - dt.timedelta(days=45)):  # as of --to: the same debts, younger
        aging = run_report(ctx, SUPERVISOR, "aging-by-bucket", as_of - dt.timedelta(days=30), as_of)
        want = aging_from_rows(built[0], as_of)
        assert {r[0]: list(r[1:5]) for r in aging.rows} == want
        assert all(r[5] == sum(r[1:5]) for r in aging.rows)  # type: ignore[arg-type]
        assert aging.totals[5] == owed[0][0]
        assert aging.chart is not None and aging.chart.series[0].values == tuple(aging.totals[1:5])
        shown.append(aging.totals[1:5])
    assert sum(1 for cents in shown[0] if cents) >= 3  # the demo city's debts reach three buckets
    assert shown[0] != shown[1]


def test_receipts_by_cashier_station_channel_and_tender_sum_the_receipts(ctx: ServiceContext, built) -> None:  # type: ignore[no-untyped-def]
    start, end = span(built)
    path = built[0]
    days = (start.isoformat(), end.isoformat())
    for name, column in (("cashier", "cashier"), ("station", "station"), ("channel", "channel")):
        report = run_report(ctx, SUPERVISOR, f"receipts-by-{name}", start, end)
        want = dict(
            rows(
                path,
                f"SELECT {column}, sum(total_cents) FROM receipts WHERE status = 'posted' AND "
                "business_date BETWEEN ? AND ? GROUP BY 1",
                days,
            )
        )
        assert by_first(report, 2) == want
        voided = rows(
            path, "SELECT count(*) FROM receipts WHERE status = 'void' AND business_date BETWEEN ? AND ?", days
        )
        assert report.totals[3] == voided[0][0]
    tender = run_report(ctx, SUPERVISOR, "receipts-by-tender", start, end)
    tendered = dict(
        rows(
            path,
            "SELECT t.kind, sum(t.amount_cents) FROM tenders t JOIN receipts r ON r.id = t.receipt_id "
            "WHERE r.status = 'posted' AND r.business_date BETWEEN ? AND ? GROUP BY 1",
            days,
        )
    )
    change = rows(
        path, "SELECT sum(change_cents) FROM receipts WHERE status = 'posted' AND business_date BETWEEN ? AND ?", days
    )[0][0]
    tendered["cash"] -= change
    assert by_first(tender, 2) == tendered
    assert tender.chart is not None and len(tender.chart.categories) == len(built[1])
    assert sum(sum(s.values) for s in tender.chart.series) == tender.totals[-1]


def test_over_short_deposits_and_exceptions_come_from_their_rows(ctx: ServiceContext, built) -> None:  # type: ignore[no-untyped-def]
    start, end = span(built)
    path, days = built
    over = run_report(ctx, SUPERVISOR, "over-short-history", start, end)
    assert over.totals[6] == sum(d.over_short.cents for d in days)
    assert len(over.rows) == rows(path, "SELECT count(*) FROM drawer_closes")[0][0]
    assert over.chart is not None and over.chart.kind == "lines"
    deposits = run_report(ctx, SUPERVISOR, "deposit-history", start, end)
    assert [r[0] for r in deposits.rows] == [d.business_date.isoformat() for d in days]
    assert deposits.totals[4] == rows(path, "SELECT sum(deposit_total_cents) FROM business_days")[0][0]
    assert all(r[7] is None and r[8] is None and r[9] is None for r in deposits.rows)  # the bank's, for later
    exceptions = run_report(ctx, SUPERVISOR, "voids-nsf-overrides", start, end)
    voids = [r for r in exceptions.rows if r[1] == "void"]
    assert len(voids) == sum(d.voids for d in days) and all(r[5] for r in voids)  # each names its approver


def exceptions_from_rows(path: Path, start: dt.date, end: dt.date, zone: str) -> list[tuple[object, ...]]:
    """Voids, returned checks and other overrides of the city's days start..end, from the raw rows."""
    tz = ZoneInfo(zone)

    def day(at: str) -> str:
        return dt.datetime.fromisoformat(at).replace(tzinfo=dt.UTC).astimezone(tz).date().isoformat()

    days = (start.isoformat(), end.isoformat())
    approvers = dict(rows(path, "SELECT object, approved_by FROM approvals WHERE action = 'void'"))
    voided = rows(
        path,
        "SELECT business_date, number, total_cents, cashier, voided_by, void_reason FROM receipts "
        "WHERE status = 'void' AND business_date BETWEEN ? AND ?",
        days,
    )
    returned = rows(
        path,
        "SELECT c.recorded_at, r.number, c.amount_cents, c.recorded_by, c.reason FROM returned_checks c "
        "JOIN receipts r ON r.id = c.receipt_id",
    )
    approved = rows(
        path,
        "SELECT approved_at, action, object, requested_by, approved_by, reason FROM approvals WHERE action <> 'void'",
    )
    voids = [(d, "void", n, -cents, by, approvers.get(n, voider), why) for d, n, cents, by, voider, why in voided]
    nsf = [(day(at), "returned check (NSF)", n, -cents, by, "", why) for at, n, cents, by, why in returned]
    overrides = [(day(at), f"override: {what.replace('_', ' ')}", obj, None, asked, ok, why)
                 for at, what, obj, asked, ok, why in approved]  # fmt: skip
    return sorted(r for r in voids + nsf + overrides if days[0] <= str(r[0]) <= days[1])


def test_returned_checks_and_overrides_are_listed_by_the_citys_day(built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    start, end = span(built)
    path = reports_city.copy_of(built[0], tmp_path / "nsf.sqlite3")
    checks = rows(path, "SELECT r.number, t.reference, t.amount_cents FROM tenders t JOIN receipts r ON r.id = "
                  "t.receipt_id WHERE t.kind = 'check' AND r.status = 'posted' AND EXISTS (SELECT 1 FROM receipt_lines "
                  "l WHERE l.receipt_id = r.id AND l.kind = 'account') ORDER BY r.id LIMIT 3")  # fmt: skip
    ctx = reports_city.open_city(path)
    try:
        # In the city (UTC-7): the 19th at 10 p.m., the last day at 11:30 p.m., and the day after the range.
        for (receipt, check, _cents), moment in zip(checks, (dt.datetime(2026, 11, 20, 5, 0, tzinfo=dt.UTC),
                                                               dt.datetime(2026, 11, 26, 6, 30, tzinfo=dt.UTC),
                                                               dt.datetime(2026, 11, 27, 7, 30, tzinfo=dt.UTC)),
                                                     strict=True):  # fmt: skip
            ctx.clock = lambda moment=moment: moment  # type: ignore[misc]
            record_returned_check(ctx, Operator("super1", Role.SUPERVISOR), receipt, check, "Returned NSF")
        report = run_report(ctx, SUPERVISOR, "voids-nsf-overrides", start, end)
        assert sorted(report.rows) == exceptions_from_rows(path, start, end, ctx.settings.city.time_zone)
        nsf = [r for r in report.rows if r[1] == "returned check (NSF)"]
        assert [(r[0], r[2], r[3], r[4]) for r in nsf] == [
            ("2026-11-19", checks[0][0], -checks[0][2], "super1"),
            (end.isoformat(), checks[1][0], -checks[1][2], "super1"),
        ]
        overrides = [r for r in report.rows if str(r[1]).startswith("override: ")]
        assert overrides and all(r[4] and r[5] and r[4] != r[5] for r in overrides)  # who asked, who approved
        assert {r[1] for r in report.rows} >= {"void", "returned check (NSF)", "override: variance"}
        assert report.totals[3] == sum(int(r[3] or 0) for r in report.rows) < 0
    finally:
        ctx.close()


def test_every_standard_report_writes_a_pdf_and_a_csv_with_the_same_totals(
    ctx: ServiceContext,
    built,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    start, end = span(built)
    names = [d.name for d in available_reports(ctx, SUPERVISOR)]
    assert names == [d.name for d, _b in STANDARD]
    for name in names:
        report = run_report(ctx, SUPERVISOR, name, start, end)
        pdf = write_report(ctx, report, tmp_path, "pdf").path
        text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert report.title.upper() in text
        made = write_report(ctx, report, tmp_path, "csv").path
        header, *lines = list(csv.reader(io.StringIO(made.read_text(encoding="utf-8"))))
        assert header == [c.key for c in report.definition.columns]
        if report.has_totals and report.rows:
            assert lines[-1] == [c.filed(v) for c, v in zip(report.definition.columns, report.totals, strict=True)]
            assert report.shown_totals()[-1] in text or not report.definition.columns[-1].total


def test_refusals_say_what_to_do(ctx: ServiceContext, tmp_path: Path) -> None:
    day = dt.date(2026, 11, 2)
    for call, said in (
        (lambda: run_report(ctx, SUPERVISOR, "nonsense", day, day), "report --list"),
        (lambda: run_report(ctx, SUPERVISOR, "receipts-by-tender", day, day - dt.timedelta(days=1)), "after its last"),
        (lambda: run_report(ctx, SUPERVISOR, "receipts-by-tender", None, day), "--from and --to"),
        (lambda: run_report(ctx, Operator("c", Role.CASHIER), "receipts-by-tender", day, day), "may not run reports"),
        (
            lambda: write_report(
                ctx, run_report(ctx, SUPERVISOR, "receipts-by-tender", day, day), tmp_path / "no", "pdf"
            ),
            "does not exist",
        ),
    ):
        with pytest.raises(ServiceError, match=said):
            call()
    assert list(tmp_path.iterdir()) == []


def test_the_command_lists_and_writes_reports(built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    start, end = span(built)
    cashdesk = [sys.executable, "-m", "cashdesk", "--db", str(built[0])]
    listed = subprocess.run([*cashdesk, "report", "--list"], capture_output=True, text=True)
    assert listed.returncode == 0 and "receipts-by-revenue-code" in listed.stdout
    done = subprocess.run(
        [
            *cashdesk,
            "report",
            "receipts-by-revenue-code",
            "--from",
            str(start),
            "--to",
            str(end),
            "--format",
            "csv",
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / f"receipts-by-revenue-code-{start}-{end}.csv").exists()
    bad = subprocess.run(
        [*cashdesk, "report", "receipts-by-tender", "--from", str(end), "--to", str(start)],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "after its last day" in bad.stderr and "Traceback" not in bad.stderr


def backlog_from_rows(path: Path, end: dt.date, zone: str) -> dict[tuple[str, str], tuple[int, str, int, int]]:
    """(type, status) -> (orders, oldest requested day, its age in days, overdue), from the raw rows."""
    tz = ZoneInfo(zone)
    found: dict[tuple[str, str], list[tuple[dt.date, str | None]]] = defaultdict(list)
    for kind, status, requested, scheduled in rows(
        path, "SELECT type, status, requested_at, scheduled FROM work_orders WHERE status IN ('pending', 'dispatched')"
    ):
        day = dt.datetime.fromisoformat(requested).replace(tzinfo=dt.UTC).astimezone(tz).date()
        if day <= end:
            found[(OrderType(kind).label, OrderStatus(status).label)].append((day, scheduled))
    return {
        key: (
            len(orders),
            min(d for d, _s in orders).isoformat(),
            (end - min(d for d, _s in orders)).days,
            sum(1 for _d, s in orders if s is not None and s < end.isoformat()),
        )
        for key, orders in found.items()
    }


def test_the_service_order_backlog_counts_ages_and_overdue_orders_as_the_rows_do(built, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = reports_city.copy_of(built[0], tmp_path / "orders.sqlite3")
    con = sqlite3.connect(path)
    with con:  # older orders still open: the demo's door tags never hung, a disconnect asked for late at night
        con.execute("UPDATE work_orders SET status = 'pending', requested_at = '2026-09-01 18:00:00.000000', "
                    "scheduled = '2026-09-10' WHERE type = 'door_tag'")  # fmt: skip
        con.execute("UPDATE work_orders SET status = 'dispatched', requested_at = '2026-10-20 05:30:00.000000', "
                    "scheduled = NULL WHERE id = (SELECT min(id) FROM work_orders "
                    "WHERE type = 'disconnect')")  # fmt: skip
    con.close()
    ctx = reports_city.open_city(path)
    try:
        zone = ctx.settings.city.time_zone
        end = reports_city.NOW.date()
        report = run_report(ctx, SUPERVISOR, "service-order-backlog", end - dt.timedelta(days=30), end)
        shown = {(r[0], r[1]): (r[2], r[3], r[4], r[5]) for r in report.rows}
        assert shown == backlog_from_rows(path, end, zone)
        assert shown[("Door tag", "Pending")] == (4, "2026-09-01", 86, 4)
        assert shown[("Disconnect", "Dispatched")] == (1, "2026-10-19", 38, 0)  # 23:30 in the city, not the 20th
        assert [r[0] for r in report.rows][:2] == ["Door tag", "Disconnect"]  # in the order types are listed
        open_now = rows(path, "SELECT count(*) FROM work_orders WHERE status IN ('pending', 'dispatched')")[0][0]
        assert report.totals[2] == open_now and report.totals[5] == sum(v[3] for v in shown.values()) >= 5
        assert report.period == f"as of {end}"
        assert report.chart is not None and report.chart.categories[-1] == "61+ days"
        by_age = {s.name: s.values for s in report.chart.series}
        assert by_age["Door tag"] == (0, 0, 0, 4) and by_age["Disconnect"] == (0, 0, 1, 0)
        assert sum(sum(v) for v in by_age.values()) == report.totals[2]
        earlier = end - dt.timedelta(days=2)  # what was asked for since is left out, the rest aged to that day
        before = run_report(ctx, SUPERVISOR, "service-order-backlog", earlier, earlier)
        assert {(r[0], r[1]): (r[2], r[3], r[4], r[5]) for r in before.rows} == backlog_from_rows(path, earlier, zone)
        assert before.totals[2] < report.totals[2]
    finally:
        ctx.close()


def test_every_standard_report_runs_from_the_command_line_as_from_the_services(
    built: tuple[Path, list[SimulatedDay]], ctx: ServiceContext, tmp_path: Path
) -> None:
    from cashdesk.cli import main

    start, end = span(built)
    offered = available_reports(ctx, SUPERVISOR)
    assert {d.name for d in offered} == {d.name for d, _build in STANDARD}  # every table exists here
    for definition in offered:
        assert main(["--db", str(built[0]), "report", definition.name, "--from", str(start), "--to", str(end),
                     "--format", "csv", "--out", str(tmp_path)]) == 0  # fmt: skip
        written = tmp_path / f"{definition.name}-{start}-{end}.csv"
        assert written.read_bytes() == run_report(ctx, SUPERVISOR, definition.name, start, end).csv(), definition.name
        header = next(csv.reader(io.StringIO(written.read_text(encoding="utf-8"))))
        assert header == [c.key for c in definition.columns]


def test_a_report_run_from_a_spanish_window_is_headed_in_spanish_and_files_the_same_csv(
    ctx: ServiceContext, built: tuple[Path, list[SimulatedDay]], tmp_path: Path, qapp: object
) -> None:
    from cashdesk.ui.i18n import install_language

    start, end = span(built)
    english = run_report(ctx, SUPERVISOR, "receipts-by-cashier", start, end)
    aging_english = run_report(ctx, SUPERVISOR, "aging-by-bucket", start, end)
    assert install_language("es")
    try:
        spanish = run_report(ctx, SUPERVISOR, "receipts-by-cashier", start, end)
        aging = run_report(ctx, SUPERVISOR, "aging-by-bucket", start, end)
        periods = spanish.period, aging.period  # said when read, as the window reads them
    finally:
        install_language("en")
    assert english.title == "Cash receipts by cashier"
    assert spanish.title == "Cobros por cajero"
    assert [c.title for c in spanish.definition.columns] == ["Cajero", "Recibos", "Importe", "Anulados"]
    assert periods == (f"{start.isoformat()} a {end.isoformat()}", f"al {end.isoformat()}")
    assert aging_english.period == f"as of {end.isoformat()}"
    assert aging.chart is not None and aging.chart.title == "Lo adeudado por antigüedad"
    # The data and the file are the same in every language: the CSV's header is the columns' keys.
    assert spanish.rows == english.rows
    assert spanish.csv() == english.csv()
    assert spanish.csv().startswith(b"cashier,receipts,amount,voided")


def test_a_report_s_names_from_the_domain_are_shown_in_spanish_and_filed_in_english(
    ctx: ServiceContext, built: tuple[Path, list[SimulatedDay]], qapp: object
) -> None:
    from cashdesk.ui.i18n import install_language

    start, end = span(built)
    english = run_report(ctx, SUPERVISOR, "service-order-backlog", start, end)
    assert english.rows, "the simulated days leave open orders"
    labels = {t.label: t for t in OrderType} | {s.label: s for s in OrderStatus}
    assert install_language("es")
    try:
        spanish = run_report(ctx, SUPERVISOR, "service-order-backlog", start, end)
        shown = [row[:2] for row in spanish.shown_rows()]
        expected = [[labels[str(row[0])].shown, labels[str(row[1])].shown] for row in english.rows]
        categories = spanish.chart.categories if spanish.chart else ()
    finally:
        install_language("en")
    assert shown == expected
    assert all(a != b for a, b in zip(shown, [[str(r[0]), str(r[1])] for r in english.rows], strict=True))
    assert spanish.rows == english.rows and spanish.csv() == english.csv()  # the file keeps the English
    assert categories == ("0-7 días", "8-30 días", "31-60 días", "61+ días")
