"""The standard reports: one definition each (domain/report_def.py), read by services/report_rows.py,
drawn on screen by the Reports window, as a PDF (documents/report_pdf.py) and as CSV.

`cashdesk report --list` and the window list `available_reports`: a report whose tables do not
exist in this database (arrangements, for one) is not offered until they do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from cashdesk.documents.charts import svg
from cashdesk.documents.report_pdf import report_pdf
from cashdesk.domain.accounts import OpenItem
from cashdesk.domain.aging import BUCKETS, bucket_of
from cashdesk.domain.arrangements import ArrangementState
from cashdesk.domain.dates import stored_day
from cashdesk.domain.deposit import fund_of
from cashdesk.domain.money import Money
from cashdesk.domain.report_def import Cell, Chart, Column, Kind, Report, ReportDefinition, Series, summed
from cashdesk.domain.security import Permission, Role
from cashdesk.domain.service_orders import OrderStatus, OrderType
from cashdesk.services import report_rows as q
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.files import write_atomically
from cashdesk.services.tax_returns import delinquent_filers
from cashdesk.services.z_report import reports_folder
from cashdesk.store.driver import Driver, driver
from cashdesk.words import QT_TRANSLATE_NOOP, translate

T, M, N = Kind.TEXT, Kind.MONEY, Kind.COUNT
MOST_DAYS = 3 * 366
REPORTS = Operator("reports", Role.SUPERVISOR)  # the reports' own reads, once the caller is checked


# fmt: off
def _cols(*columns: tuple[str, str] | tuple[str, str, Kind]) -> tuple[Column, ...]:
    """Columns from (key, title[, kind]); money and counts are totalled. Each title is marked
    where it is written (QT_TRANSLATE_NOOP) and said in the reader's language by `run_report`."""
    return tuple(Column(c[0], c[1], c[2] if len(c) == 3 else T, total=len(c) == 3 and c[2] is not T)
                 for c in columns)


def _define(name: str, title: str, description: str, columns: tuple[Column, ...], *, needs: tuple[str, ...] = (),
            dated: bool = True) -> ReportDefinition:
    return ReportDefinition(name, title, description, columns, needs, dated)


_AMOUNT = ("amount", QT_TRANSLATE_NOOP("reports", "Amount"), M)
_RECEIPTS_BY = (("receipts", QT_TRANSLATE_NOOP("reports", "Receipts"), N), _AMOUNT,
                ("voided", QT_TRANSLATE_NOOP("reports", "Voided"), N))
BY_CODE = _define("receipts-by-revenue-code", QT_TRANSLATE_NOOP("reports", "Cash receipts by revenue code"),
                  "What was received for each revenue code, with its GL account",
                  _cols(("code", QT_TRANSLATE_NOOP("reports", "Code")),
                        ("description", QT_TRANSLATE_NOOP("reports", "Description")),
                        ("gl_account", QT_TRANSLATE_NOOP("reports", "GL account")),
                        ("items", QT_TRANSLATE_NOOP("reports", "Items"), N), _AMOUNT))
BY_GL = _define("receipts-by-gl-account", QT_TRANSLATE_NOOP("reports", "Cash receipts by GL account"),
                "Revenue by GL account, as the GL journals of the days book it",
                _cols(("gl_account", QT_TRANSLATE_NOOP("reports", "GL account")),
                      ("fund", QT_TRANSLATE_NOOP("reports", "Fund")), _AMOUNT))
BY_FUND = _define("receipts-by-fund", QT_TRANSLATE_NOOP("reports", "Cash receipts by fund"), "Revenue by fund",
                  _cols(("fund", QT_TRANSLATE_NOOP("reports", "Fund")), _AMOUNT))
BY_CASHIER = _define("receipts-by-cashier", QT_TRANSLATE_NOOP("reports", "Cash receipts by cashier"),
                     "Posted receipts by cashier",
                     _cols(("cashier", QT_TRANSLATE_NOOP("reports", "Cashier")), *_RECEIPTS_BY))
BY_STATION = _define("receipts-by-station", QT_TRANSLATE_NOOP("reports", "Cash receipts by station"),
                     "Posted receipts by station",
                     _cols(("station", QT_TRANSLATE_NOOP("reports", "Station")), *_RECEIPTS_BY))
BY_CHANNEL = _define("receipts-by-channel", QT_TRANSLATE_NOOP("reports", "Cash receipts by channel"),
                     "Posted receipts by channel",
                     _cols(("channel", QT_TRANSLATE_NOOP("reports", "Channel")), *_RECEIPTS_BY))
BY_TENDER = _define("receipts-by-tender", QT_TRANSLATE_NOOP("reports", "Cash receipts by tender"),
                    "Tenders taken, cash net of change, with receipts per day by tender",
                    _cols(("tender", QT_TRANSLATE_NOOP("reports", "Tender")),
                          ("tenders", QT_TRANSLATE_NOOP("reports", "Tenders"), N), _AMOUNT))
OVER_SHORT = _define("over-short-history", QT_TRANSLATE_NOOP("reports", "Over/short history"),
                     "Each drawer's close: expected, counted and over/short, by cashier over time",
                     _cols(("date", QT_TRANSLATE_NOOP("reports", "Date")),
                           ("cashier", QT_TRANSLATE_NOOP("reports", "Cashier")),
                           ("station", QT_TRANSLATE_NOOP("reports", "Station")),
                           ("drawer", QT_TRANSLATE_NOOP("reports", "Drawer")),
                           ("expected", QT_TRANSLATE_NOOP("reports", "Expected"), M),
                           ("counted", QT_TRANSLATE_NOOP("reports", "Counted"), M),
                           ("over_short", QT_TRANSLATE_NOOP("reports", "Over/short"), M),
                           ("reason", QT_TRANSLATE_NOOP("reports", "Reason")),
                           ("approved_by", QT_TRANSLATE_NOOP("reports", "Approved by"))))
DEPOSITS = _define("deposit-history", QT_TRANSLATE_NOOP("reports", "Deposit history"),
                   "Each closed day's deposit; the bank's confirmation columns are filled in later",
                   _cols(("date", QT_TRANSLATE_NOOP("reports", "Date")),
                         ("closed_by", QT_TRANSLATE_NOOP("reports", "Closed by")),
                         ("receipts", QT_TRANSLATE_NOOP("reports", "Receipts"), M),
                         ("over_short", QT_TRANSLATE_NOOP("reports", "Over/short"), M),
                         ("deposit", QT_TRANSLATE_NOOP("reports", "Deposit"), M),
                         ("ticket", QT_TRANSLATE_NOOP("reports", "Ticket")),
                         ("bag", QT_TRANSLATE_NOOP("reports", "Bag")),
                         ("bank_confirmed", QT_TRANSLATE_NOOP("reports", "Bank confirmed")),
                         ("bank_amount", QT_TRANSLATE_NOOP("reports", "Bank amount")),
                         ("difference", QT_TRANSLATE_NOOP("reports", "Difference"))))
EXCEPTIONS = _define("voids-nsf-overrides", QT_TRANSLATE_NOOP("reports", "Voids, NSF and overrides"),
                     "Voided receipts, returned checks and supervisor overrides: who approved what",
                     _cols(("date", QT_TRANSLATE_NOOP("reports", "Date")),
                           ("what", QT_TRANSLATE_NOOP("reports", "What")),
                           ("reference", QT_TRANSLATE_NOOP("reports", "Reference")), _AMOUNT,
                           ("requested_by", QT_TRANSLATE_NOOP("reports", "Requested by")),
                           ("approved_by", QT_TRANSLATE_NOOP("reports", "Approved by")),
                           ("reason", QT_TRANSLATE_NOOP("reports", "Reason"))),
                     needs=("approvals", "returned_checks"))
TAX_FILINGS = _define("sales-tax-filings", QT_TRANSLATE_NOOP("reports", "Sales-tax filings"),
                      "Returns filed (on time or late, with penalty and interest) and returns missing",
                      _cols(("account", QT_TRANSLATE_NOOP("reports", "Account")),
                            ("name", QT_TRANSLATE_NOOP("reports", "Name")),
                            ("period", QT_TRANSLATE_NOOP("reports", "Period")),
                            ("due", QT_TRANSLATE_NOOP("reports", "Due")),
                            ("filed_on", QT_TRANSLATE_NOOP("reports", "Filed on")),
                            ("status", QT_TRANSLATE_NOOP("reports", "Status")),
                            ("total_due", QT_TRANSLATE_NOOP("reports", "Total due"), M),
                            ("penalty", QT_TRANSLATE_NOOP("reports", "Penalty"), M),
                            ("interest", QT_TRANSLATE_NOOP("reports", "Interest"), M)),
                      needs=("tax_returns",))
_BUCKET_TITLES = {"current": QT_TRANSLATE_NOOP("reports", "current"), "30": "30", "60": "60", "90+": "90+"}
AGING = _define("aging-by-bucket", QT_TRANSLATE_NOOP("reports", "Delinquency aging by bucket"),
                "What accounts owe, by service type and days since billed (current, 30, 60, 90+)",
                _cols(("service", QT_TRANSLATE_NOOP("reports", "Service type")),
                      *((f"days_{b}", _BUCKET_TITLES[b], M) for b in BUCKETS),
                      ("total", QT_TRANSLATE_NOOP("reports", "Total"), M)),
                dated=False)
BACKLOG = _define("service-order-backlog", QT_TRANSLATE_NOOP("reports", "Service-order backlog"),
                  "Open service orders (pending, dispatched) by type and status: how many, the oldest and its age, "
                  "and how many are overdue (scheduled before the report's day)",
                  _cols(("type", QT_TRANSLATE_NOOP("reports", "Type")),
                        ("status", QT_TRANSLATE_NOOP("reports", "Status")),
                        ("orders", QT_TRANSLATE_NOOP("reports", "Orders"), N),
                        ("oldest", QT_TRANSLATE_NOOP("reports", "Oldest requested"))) +
                  (Column("age_days", QT_TRANSLATE_NOOP("reports", "Age (days)"), N),
                   *_cols(("overdue", QT_TRANSLATE_NOOP("reports", "Overdue"), N))),
                  needs=("work_orders",), dated=False)
class Labelled(Protocol):
    """A name from the domain: its English `label` and its `shown` words."""

    @property
    def label(self) -> str: ...

    @property
    def shown(self) -> str: ...


def _label_words(labelled: Iterable[Labelled]) -> Callable[[str], str]:
    """A domain name's English (its `label`, as a report's row keeps it) -> its `shown` words."""
    members = tuple(labelled)

    def said(label: str) -> str:
        return next((member.shown for member in members if member.label == label), label)

    return said


def _with_words(definition: ReportDefinition, **words: Callable[[str], str]) -> ReportDefinition:
    return replace(definition, columns=tuple(replace(c, words=words.get(c.key)) for c in definition.columns))


ARRANGEMENTS = _define("arrangements-by-state", QT_TRANSLATE_NOOP("reports", "Payment arrangements by state"),
                      "Arrangements made in the dates, by state: how many, the debt they cover, what was "
                      "scheduled (down payment and installments), paid and is left",
                      _cols(("state", QT_TRANSLATE_NOOP("reports", "State")),
                            ("arrangements", QT_TRANSLATE_NOOP("reports", "Arrangements"), N),
                            ("debt", QT_TRANSLATE_NOOP("reports", "Debt covered"), M),
                            ("scheduled", QT_TRANSLATE_NOOP("reports", "Scheduled"), M),
                            ("paid", QT_TRANSLATE_NOOP("reports", "Paid"), M),
                            ("left", QT_TRANSLATE_NOOP("reports", "Left"), M)),
                      needs=("arrangements", "arrangement_installments"))
BACKLOG = _with_words(BACKLOG, type=_label_words(OrderType), status=_label_words(OrderStatus))
ARRANGEMENTS = _with_words(ARRANGEMENTS, state=_label_words(ArrangementState))
AGES = ((QT_TRANSLATE_NOOP("reports", "0-7 days"), 7), (QT_TRANSLATE_NOOP("reports", "8-30 days"), 30),
        (QT_TRANSLATE_NOOP("reports", "31-60 days"), 60), (QT_TRANSLATE_NOOP("reports", "61+ days"), None))
# fmt: on


def _revenue(db: Driver, ctx: ServiceContext, start: dt.date, end: dt.date) -> Report:
    return Report(BY_CODE, start, end, tuple(q.revenue_by_code(db, start, end)))


def _gl(db: Driver, ctx: ServiceContext, start: dt.date, end: dt.date) -> Report:
    rows = q.revenue_by_code(db, start, end)
    by_gl = summed([(r[2] or q.CREDIT, r[4]) for r in rows], 0, 1)
    return Report(
        BY_GL,
        start,
        end,
        tuple(
            (gl, fund_of(str(gl)) if gl != q.CREDIT else "", cents)
            for gl, cents in sorted(by_gl.items(), key=lambda x: str(x[0]))
        ),
    )


def _fund(db: Driver, ctx: ServiceContext, start: dt.date, end: dt.date) -> Report:
    rows = q.revenue_by_code(db, start, end)
    by_fund = summed([(fund_of(str(r[2])) if r[2] else q.CREDIT, r[4]) for r in rows], 0, 1)
    return Report(BY_FUND, start, end, tuple(sorted(by_fund.items(), key=lambda x: str(x[0]))))


def _receipts_by(definition: ReportDefinition, column: str) -> Builder:
    def build(db: Driver, ctx: ServiceContext, start: dt.date, end: dt.date) -> Report:
        return Report(definition, start, end, tuple(q.receipts_by(db, column, start, end)))

    return build


def _tender(db: Driver, ctx: ServiceContext, start: dt.date, end: dt.date) -> Report:
    per_day = q.tenders_by_day(db, start, end)
    kinds = sorted({kind for _day, kind in per_day})
    rows = tuple(
        (
            kind,
            sum(n for (_d, k), (n, _c) in per_day.items() if k == kind),
            sum(c for (_d, k), (_n, c) in per_day.items() if k == kind),
        )
        for kind in kinds
    )
    days = tuple(sorted({day for day, _kind in per_day}))
    chart = Chart(
        "bars",
        QT_TRANSLATE_NOOP("reports", "Receipts per day by tender"),
        days,
        tuple(Series(kind, tuple(per_day.get((d, kind), (0, 0))[1] for d in days)) for kind in kinds),
    )
    return Report(BY_TENDER, start, end, rows, chart if days else None)


def _over_short(db: Driver, ctx: ServiceContext, start: dt.date, end: dt.date) -> Report:
    rows = q.over_short(db, start, end)
    days = tuple(sorted({r[0] for r in rows}))
    cashiers = sorted({r[1] for r in rows})
    series = []
    for cashier in cashiers:
        per_day = summed([r for r in rows if r[1] == cashier], 0, 6)
        series.append(Series(cashier, tuple(per_day.get(d, 0) for d in days)))
    chart = Chart("lines", QT_TRANSLATE_NOOP("reports", "Over/short by cashier"), days, tuple(series)) if days else None
    return Report(OVER_SHORT, start, end, tuple(rows), chart)


def _deposits(db: Driver, ctx: ServiceContext, start: dt.date, end: dt.date) -> Report:
    return Report(DEPOSITS, start, end, tuple((*r, None, None, None) for r in q.deposits(db, start, end)))


def _exceptions(db: Driver, ctx: ServiceContext, start: dt.date, end: dt.date) -> Report:
    return Report(EXCEPTIONS, start, end, tuple(q.exceptions(db, start, end, ctx.settings.city.time_zone)))


def _tax(db: Driver, ctx: ServiceContext, start: dt.date, end: dt.date) -> Report:
    rows: list[tuple[Cell, ...]] = [
        (n, name, p, due, filed, f"{kind}, {'late' if filed > due else 'on time'}", total, pen, inte)
        for n, name, p, due, filed, kind, total, pen, inte in q.tax_filings(db, start, end)
    ]
    # Missing: returns due within the range and not received by its last day (the delinquent filers' rule).
    missing = [
        (f.account, f.name, p.label, p.due.isoformat(), None, "missing", None, None, None)
        for f in delinquent_filers(ctx, REPORTS, end + dt.timedelta(days=1))
        for p in f.missing
        if start <= p.due <= end
    ]
    return Report(TAX_FILINGS, start, end, tuple(rows + sorted(missing, key=lambda r: (str(r[3]), str(r[0])))))


def _aging(db: Driver, ctx: ServiceContext, start: dt.date, end: dt.date) -> Report:
    sums: dict[str, dict[str, int]] = {}
    for kind, bill, due, cents in q.open_by_start(db):
        item = OpenItem(0, "", "", stored_day(bill), stored_day(due) or end, Money(int(cents)), Money(0))
        by_bucket = sums.setdefault(str(kind), dict.fromkeys(BUCKETS, 0))
        by_bucket[bucket_of(item, end)] += int(cents)
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (kind.replace("_", " "), *(b[x] for x in BUCKETS), sum(b.values())) for kind, b in sorted(sums.items())
    )
    chart = Chart(
        "bars",
        QT_TRANSLATE_NOOP("reports", "What is owed by age"),
        tuple(translate("reports", _BUCKET_TITLES[x]) for x in BUCKETS),
        (Series(translate("reports", "all accounts"), tuple(sum(b[x] for b in sums.values()) for x in BUCKETS)),),
    )
    return Report(AGING, start, end, rows, chart if rows else None)


def _age_bucket(days: int) -> str:
    return next(name for name, most in AGES if most is None or days <= most)


def _backlog(db: Driver, ctx: ServiceContext, start: dt.date, end: dt.date) -> Report:
    """The orders open now that were asked for by `end`, aged to `end` (the day they were asked for,
    in the city's time zone); an order scheduled before `end` and still open is overdue."""
    zone = ctx.settings.city.time_zone
    groups: dict[tuple[OrderType, OrderStatus], list[tuple[dt.date, dt.date | None]]] = {}
    for kind, status, requested, scheduled in q.open_orders(db, end, zone):
        asked = dt.date.fromisoformat(q.local_day(requested, zone))
        groups.setdefault((OrderType(kind), OrderStatus(status)), []).append((asked, stored_day(scheduled)))
    types, statuses = list(OrderType), list(OrderStatus)
    rows: list[tuple[Cell, ...]] = []
    by_age: dict[OrderType, dict[str, int]] = {}
    for (kind, status), found in sorted(groups.items(), key=lambda g: (types.index(g[0][0]), statuses.index(g[0][1]))):
        oldest = min(asked for asked, _s in found)
        overdue = sum(1 for _a, on in found if on is not None and on < end)
        rows.append((kind.label, status.label, len(found), oldest.isoformat(), (end - oldest).days, overdue))
        ages = by_age.setdefault(kind, dict.fromkeys((name for name, _most in AGES), 0))
        for asked, _s in found:
            ages[_age_bucket((end - asked).days)] += 1
    chart = Chart(
        "bars",
        QT_TRANSLATE_NOOP("reports", "Open orders by age"),
        tuple(translate("reports", name) for name, _most in AGES),
        tuple(Series(kind.shown, tuple(ages.values())) for kind, ages in by_age.items()),
        unit=N,
    )
    return Report(BACKLOG, start, end, tuple(rows), chart if rows else None)


def _arrangements(db: Driver, ctx: ServiceContext, start: dt.date, end: dt.date) -> Report:
    """The arrangements made from `start` to `end`, by state in the order of their life."""
    found = {state: (count, debt, scheduled, paid) for state, count, debt, scheduled, paid in
             q.arrangements_by_state(db, start, end)}  # fmt: skip
    states = [state for state in ArrangementState if state.value in found]
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (state.label, count, debt, scheduled, paid, scheduled - paid)
        for state in states
        for count, debt, scheduled, paid in (found[state.value],)
    )
    chart = Chart("bars", QT_TRANSLATE_NOOP("reports", "Arrangements by state"), tuple(state.shown for state in states),
                  (Series(translate("reports", "arrangements"), tuple(found[state.value][0] for state in states)),),
                  unit=N)  # fmt: skip
    return Report(ARRANGEMENTS, start, end, rows, chart if rows else None)


Builder = Callable[[Driver, ServiceContext, dt.date, dt.date], Report]
STANDARD: tuple[tuple[ReportDefinition, Builder], ...] = (
    (BY_CODE, _revenue),
    (BY_GL, _gl),
    (BY_FUND, _fund),
    (BY_CASHIER, _receipts_by(BY_CASHIER, "cashier")),
    (BY_STATION, _receipts_by(BY_STATION, "station")),
    (BY_TENDER, _tender),
    (BY_CHANNEL, _receipts_by(BY_CHANNEL, "channel")),
    (OVER_SHORT, _over_short),
    (DEPOSITS, _deposits),
    (EXCEPTIONS, _exceptions),
    (TAX_FILINGS, _tax),
    (AGING, _aging),
    (BACKLOG, _backlog),
    (ARRANGEMENTS, _arrangements),
)
_BY_NAME = {d.name: (d, b) for d, b in STANDARD}


def _require(operator: Operator) -> None:
    operator.require(Permission.VIEW_AUDIT, translate("reports", "run reports"))


def available_reports(ctx: ServiceContext, operator: Operator) -> tuple[ReportDefinition, ...]:
    """The standard reports whose tables exist here, in the order they are listed."""
    _require(operator)
    with ctx.db.unit_of_work(write=False) as uow:
        have = q.tables(driver(uow.session))
    return tuple(d for d, _b in STANDARD if set(d.needs) <= have)


def check_range(start: dt.date | None, end: dt.date | None) -> tuple[dt.date, dt.date]:
    if start is None or end is None:
        raise ServiceError(translate("reports", "Give the first and the last day of the report (--from and --to)."))
    if start > end:
        raise ServiceError(
            translate("reports", "The report's first day, {start}, is after its last day, {end}.").format(
                start=start, end=end
            )
        )
    if (end - start).days > MOST_DAYS:
        raise ServiceError(translate("reports", "A report covers at most three years: choose a shorter range."))
    return start, end


def run_report(
    ctx: ServiceContext, operator: Operator, name: str, start: dt.date | None, end: dt.date | None
) -> Report:
    """The report `name` over start..end (the aging report: as of `end`)."""
    _require(operator)
    if name not in _BY_NAME:
        raise ServiceError(
            translate("reports", "There is no report called {name!r}. `cashdesk report --list` names them.").format(
                name=name
            )
        )
    first, last = check_range(start, end)
    definition, build = _BY_NAME[name]
    with ctx.db.unit_of_work(write=False) as uow:
        db = driver(uow.session)
        if not set(definition.needs) <= q.tables(db):
            raise ServiceError(
                translate(
                    "reports", "The {definition_title} report needs data this database does not hold yet."
                ).format(definition_title=translate("reports", definition.title).lower())
            )
        return for_reader(build(db, ctx, first, last))


def for_reader(report: Report) -> Report:
    """The report headed in the reader's language: its title, its columns' titles and its chart's
    title (cashdesk.words: the window's language; English on the command line). Its rows are the
    data as they are, and the CSV's header is the columns' keys, the same in every language."""
    definition = report.definition
    headed = replace(
        definition,
        title=translate("reports", definition.title),
        columns=tuple(replace(column, title=translate("reports", column.title)) for column in definition.columns),
    )
    chart = replace(report.chart, title=translate("reports", report.chart.title)) if report.chart else None
    return replace(report, definition=headed, chart=chart)


@dataclass(frozen=True, slots=True)
class WrittenReport:
    path: Path
    rows: int


def write_report(ctx: ServiceContext, report: Report, folder: Path | None, fmt: str) -> WrittenReport:
    """The report as `fmt` (pdf or csv) in `folder` (None: the reports folder, made if need be),
    written whole or not at all."""
    if fmt not in ("pdf", "csv"):
        raise ServiceError(translate("reports", "A report is written as pdf or csv, not {fmt!r}.").format(fmt=fmt))
    if folder is None:
        folder = reports_folder(ctx)
        folder.mkdir(parents=True, exist_ok=True)
    if not folder.is_dir():
        raise ServiceError(
            translate(
                "reports", "The folder {folder} does not exist. Make it first, or name another with --out."
            ).format(folder=folder)
        )
    data = report_pdf(report, ctx.settings.city.name) if fmt == "pdf" else report.csv()
    path = folder / report.file_name(fmt)
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise ServiceError(
            translate("reports", "The report could not be written to {folder}: {strerror}.").format(
                folder=folder, strerror=exc.strerror or exc
            )
        ) from None
    return WrittenReport(path, len(report.rows))


def chart_svg(report: Report) -> bytes | None:
    """The report's chart as SVG for the window: the drawing the PDF places."""
    return svg(report.chart) if report.chart is not None else None


__all__ = ["STANDARD", "WrittenReport", "available_reports", "chart_svg", "check_range", "run_report", "write_report"]
