"""The standard reports: one definition each (domain/report_def.py), read by services/report_rows.py,
drawn on screen by the Reports window, as a PDF (documents/report_pdf.py) and as CSV.

`cashdesk report --list` and the window list `available_reports`: a report whose tables do not
exist in this database (arrangements, for one) is not offered until they do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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
from cashdesk.words import translate

T, M, N = Kind.TEXT, Kind.MONEY, Kind.COUNT
MOST_DAYS = 3 * 366
REPORTS = Operator("reports", Role.SUPERVISOR)  # the reports' own reads, once the caller is checked


# fmt: off
def _cols(spec: str) -> tuple[Column, ...]:
    """Columns from "key:Title" pairs separated by "|"; a title ending in " $" is money, " #" a count;
    both are totalled."""
    columns = []
    for part in spec.split("|"):
        key, title = part.strip().split(":")
        kind = {"$": M, "#": N}.get(title[-1], T) if title[-2:] in (" $", " #") else T
        columns.append(Column(key, title[:-2] if kind is not T else title, kind, total=kind is not T))
    return tuple(columns)


def _define(name: str, title: str, description: str, spec: str, *, needs: tuple[str, ...] = (),
            dated: bool = True) -> ReportDefinition:
    return ReportDefinition(name, title, description, _cols(spec), needs, dated)


BY_CODE = _define("receipts-by-revenue-code", "Cash receipts by revenue code",
                  "What was received for each revenue code, with its GL account",
                  "code:Code|description:Description|gl_account:GL account|items:Items #|amount:Amount $")
BY_GL = _define("receipts-by-gl-account", "Cash receipts by GL account",
                "Revenue by GL account, as the GL journals of the days book it",
                "gl_account:GL account|fund:Fund|amount:Amount $")
BY_FUND = _define("receipts-by-fund", "Cash receipts by fund", "Revenue by fund", "fund:Fund|amount:Amount $")


def _by(name: str) -> ReportDefinition:
    return _define(f"receipts-by-{name}", f"Cash receipts by {name}", f"Posted receipts by {name}",
                   f"{name}:{name.capitalize()}|receipts:Receipts #|amount:Amount $|voided:Voided #")


BY_CASHIER, BY_STATION, BY_CHANNEL = _by("cashier"), _by("station"), _by("channel")
BY_TENDER = _define("receipts-by-tender", "Cash receipts by tender",
                    "Tenders taken, cash net of change, with receipts per day by tender",
                    "tender:Tender|tenders:Tenders #|amount:Amount $")
OVER_SHORT = _define("over-short-history", "Over/short history",
                     "Each drawer's close: expected, counted and over/short, by cashier over time",
                     "date:Date|cashier:Cashier|station:Station|drawer:Drawer|expected:Expected $|counted:Counted $|"
                     "over_short:Over/short $|reason:Reason|approved_by:Approved by")
DEPOSITS = _define("deposit-history", "Deposit history",
                   "Each closed day's deposit; the bank's confirmation columns are filled in later",
                   "date:Date|closed_by:Closed by|receipts:Receipts $|over_short:Over/short $|deposit:Deposit $|"
                   "ticket:Ticket|bag:Bag|bank_confirmed:Bank confirmed|bank_amount:Bank amount|difference:Difference")
EXCEPTIONS = _define("voids-nsf-overrides", "Voids, NSF and overrides",
                     "Voided receipts, returned checks and supervisor overrides: who approved what",
                     "date:Date|what:What|reference:Reference|amount:Amount $|requested_by:Requested by|"
                     "approved_by:Approved by|reason:Reason", needs=("approvals", "returned_checks"))
TAX_FILINGS = _define("sales-tax-filings", "Sales-tax filings",
                      "Returns filed (on time or late, with penalty and interest) and returns missing",
                      "account:Account|name:Name|period:Period|due:Due|filed_on:Filed on|status:Status|"
                      "total_due:Total due $|penalty:Penalty $|interest:Interest $", needs=("tax_returns",))
AGING = _define("aging-by-bucket", "Delinquency aging by bucket",
                "What accounts owe, by service type and days since billed (current, 30, 60, 90+)",
                "service:Service type|" + "|".join(f"days_{b}:{b} $" for b in BUCKETS) + "|total:Total $",
                dated=False)
BACKLOG = ReportDefinition(
    "service-order-backlog", "Service-order backlog",
    "Open service orders (pending, dispatched) by type and status: how many, the oldest and its age, "
    "and how many are overdue (scheduled before the report's day)",
    (*_cols("type:Type|status:Status|orders:Orders #|oldest:Oldest requested"),
     Column("age_days", "Age (days)", N), *_cols("overdue:Overdue #")),
    needs=("work_orders",), dated=False)
ARRANGEMENTS = _define("arrangements-by-state", "Payment arrangements by state",
                      "Arrangements made in the dates, by state: how many, the debt they cover, what was "
                      "scheduled (down payment and installments), paid and is left",
                      "state:State|arrangements:Arrangements #|debt:Debt covered $|scheduled:Scheduled $|"
                      "paid:Paid $|left:Left $", needs=("arrangements", "arrangement_installments"))
AGES = (("0-7 days", 7), ("8-30 days", 30), ("31-60 days", 60), ("61+ days", None))
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
        "Receipts per day by tender",
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
    chart = Chart("lines", "Over/short by cashier", days, tuple(series)) if days else None
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
        "What is owed by age",
        BUCKETS,
        (Series("all accounts", tuple(sum(b[x] for b in sums.values()) for x in BUCKETS)),),
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
        "Open orders by age",
        tuple(name for name, _most in AGES),
        tuple(Series(kind.label, tuple(ages.values())) for kind, ages in by_age.items()),
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
    chart = Chart("bars", "Arrangements by state", tuple(state.label for state in states),
                  (Series("arrangements", tuple(found[state.value][0] for state in states)),), unit=N)  # fmt: skip
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
                ).format(definition_title=definition.title.lower())
            )
        return build(db, ctx, first, last)


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
