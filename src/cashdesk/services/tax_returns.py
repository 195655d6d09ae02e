"""Sales and use tax returns received at the window or by mail: checked against the business's
own figures, filed, and turned into open items (SALESTAX, USETAX, TAXPEN, TAXINT) that a counter
payment or a mail remittance then pays through the normal allocation. Also the list of
delinquent filers: accounts with a period due and no return.

A period counts as filed when a return for it was filed here or when the account's history from
the billing system shows one (`cashdesk.domain.tax_filings`, the one rule for both). A second
return for a period filed either way is an amended return, whatever box was ticked: it owes the
difference from the return it amends, never the penalty and interest of a new late original.

An amended return supersedes the return it amends. What it adds becomes new open items; what it
takes off comes off the unpaid part of that period's items of the same code (newest first), and
whatever was already paid beyond the lower figure becomes a credit on the account.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from cashdesk.config import Settings
from cashdesk.domain.accounts import AccountKind, AccountStatus, FilingFrequency, normalize_account_number
from cashdesk.domain.money import Money
from cashdesk.domain.security import Permission
from cashdesk.domain.tax_filings import (
    RETURN_KIND,
    FiledAt,
    PeriodFiled,
    ReturnOnRecord,
    filed_periods,
    period_filed,
    return_in_history,
)
from cashdesk.domain.tax_return import (
    ITEM_CODES,
    LABELS,
    FilingPeriod,
    LineDifference,
    ReturnFigures,
    TaxRates,
    TaxReturn,
    TaxReturnError,
    add_months,
    amounts_by_code,
    compute_return,
    months_late,
    periods_due_between,
    restore_return,
)
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.store.models import AccountRow, HistoryRow, OpenItemRow, TaxReturnRow
from cashdesk.words import translate

KINDS = ("original", "amended", "zero")
_ITEM_LABELS = dict(ITEM_CODES)


class TaxReturnRefused(ServiceError):
    pass


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkedReturn:
    """A return worked out for an account and a period: what a preview and a filed return share."""

    account: str
    account_name: str
    kind: str  # original, amended, zero (an original with nothing on it is filed as a zero return)
    period: FilingPeriod
    ret: TaxReturn
    differences: tuple[LineDifference, ...]
    amends_id: int | None = None

    @property
    def due_now(self) -> Money:
        return self.ret.due_now


@dataclass(frozen=True, slots=True, kw_only=True)
class ReturnPreview(WorkedReturn):
    """A return worked out but not filed: what the window shows before the cashier files it."""

    filed_before: PeriodFiled | None = None  # for an amended return: the returns already on record

    @property
    def amendment(self) -> str:
        """For an amended return, what it is in words; empty for any other."""
        return amendment_text(self.period, self.filed_before) if self.filed_before else ""


def amendment_text(period: FilingPeriod, filed: PeriodFiled) -> str:
    """ "An amended return for 2026-09; the original was filed on 10/15/2026 …" """
    if filed.original.filed_at is FiledAt.HISTORY:
        said = translate(
            "tax_returns",
            "An amended return for {period}; the original was filed on {filed_on:%m/%d/%Y} (in the account's history "
            "from billing: {description}). It owes the difference from the return it amends.",
        )
    else:
        said = translate(
            "tax_returns",
            "An amended return for {period}; the original was filed on {filed_on:%m/%d/%Y} (at the window). It owes "
            "the difference from the return it amends.",
        )
    return said.format(period=period.label, filed_on=filed.filed_on, description=filed.original.description)


@dataclass(frozen=True, slots=True, kw_only=True)
class FiledReturn(WorkedReturn):
    id: int
    charges: tuple[tuple[str, Money], ...]  # open items added, by revenue code
    reductions: tuple[tuple[str, Money], ...]  # taken off open items by an amended return
    credit: Money  # put on the account by an amended return that lowers what was paid
    account_owes: Money  # what the account owes now, all open items less its credit
    amendment: str = ""  # an amended return in words (ReturnPreview.amendment)


@dataclass(frozen=True, slots=True)
class DelinquentFiler:
    account: str
    name: str
    phone: str
    frequency: FilingFrequency
    missing: tuple[FilingPeriod, ...]


def rates_from(settings: Settings) -> TaxRates:
    """The city's tax rules from the settings (tax.*)."""
    return TaxRates(
        rate_basis_points=settings.tax.rate_basis_points,
        vendor_fee_basis_points=settings.tax.vendor_fee_basis_points,
        vendor_fee_cap=Money(settings.tax.vendor_fee_cap_cents),
        penalty_basis_points=settings.tax.penalty_basis_points,
        penalty_minimum=Money(settings.tax.penalty_minimum_cents),
        interest_basis_points_per_month=settings.tax.interest_basis_points_per_month,
    )


def _period_of(row: TaxReturnRow) -> FilingPeriod:
    return FilingPeriod(row.period_start, row.period_end, row.period, FilingFrequency(row.frequency), row.due_date)


def _restore(row: TaxReturnRow) -> TaxReturn:
    amounts = {name: Money(int(cents)) for name, cents in json.loads(row.figures).items() if name in LABELS}
    return restore_return(_period_of(row), row.filed_on, amounts, months_late(row.due_date, row.filed_on))


def _window_record(row: TaxReturnRow) -> ReturnOnRecord:
    return ReturnOnRecord(row.filed_on, row.period, FiledAt.WINDOW, Money(row.total_due_cents))


def _history_records(s: Session, accounts: list[int] | Select[tuple[int]],
                     since: dt.date | None = None) -> list[tuple[int, ReturnOnRecord]]:  # fmt: skip
    """The returns the accounts' history shows (`accounts`: ids, or a query of them), each with its
    account id."""
    query = select(
        HistoryRow.account_id, HistoryRow.kind, HistoryRow.description, HistoryRow.on_date, HistoryRow.amount_cents,
        HistoryRow.reference,
    ).where(HistoryRow.kind == RETURN_KIND, HistoryRow.account_id.in_(accounts))  # fmt: skip
    if since is not None:
        query = query.where(HistoryRow.on_date >= since)
    out: list[tuple[int, ReturnOnRecord]] = []
    for account_id, kind, description, on_date, cents, reference in s.execute(query):
        record = return_in_history(kind, description or "", on_date, Money(int(cents or 0)), reference or "")
        if record is not None:
            out.append((account_id, record))
    return out


@dataclass(frozen=True, slots=True)
class _Prepared:
    account: AccountRow
    preview: ReturnPreview
    prior: TaxReturnRow | None  # the return filed here that an amended return supersedes
    amends: TaxReturn | None  # what an amended return amends (from `prior`, or from the history)


def _sales_tax_account(s: Session, account: str) -> AccountRow:
    number = normalize_account_number(account)
    if not number:
        raise TaxReturnRefused(translate("tax_returns", "Type the sales tax account number from the return."))
    row = s.scalars(select(AccountRow).where(AccountRow.number == number)).one_or_none()
    if row is None:
        raise TaxReturnRefused(
            translate("tax_returns", "No account {account}. Check the number on the return.").format(
                account=account.strip()
            )
        )
    if row.kind != AccountKind.SALES_TAX.value:
        raise TaxReturnRefused(
            translate(
                "tax_returns",
                "Account {number} ({row_name}) is a utility account. A tax return is filed on the "
                "business's sales tax account.",
            ).format(number=row.number, row_name=row.name)
        )
    return row


def _filing_period(row: AccountRow, period: str | FilingPeriod, due_day: int) -> FilingPeriod:
    try:
        filing = period if isinstance(period, FilingPeriod) else FilingPeriod.parse(period, due_day)
    except TaxReturnError as exc:
        raise TaxReturnRefused(str(exc)) from None
    if row.filing_frequency and filing.frequency.value != row.filing_frequency:
        example = {
            "monthly": translate("tax_returns", "a month like 2026-09"),
            "quarterly": translate("tax_returns", "a quarter like 2026-Q3"),
            "annual": translate("tax_returns", "a year like 2026"),
        }[row.filing_frequency]
        raise TaxReturnRefused(
            translate(
                "tax_returns", "Account {number} files {filing_frequency}: type {example}, not {filing_label}."
            ).format(
                number=row.number, filing_frequency=row.filing_frequency, example=example, filing_label=filing.label
            )
        )
    return filing


def _received_on(filing: FilingPeriod, filed_on: dt.date | None, today: dt.date) -> dt.date:
    filed = filed_on or today
    if filed > today:
        raise TaxReturnRefused(
            translate("tax_returns", "The return cannot be received on {filed:%m/%d/%Y}, a day still to come.").format(
                filed=filed
            )
        )
    if filed < filing.start:
        raise TaxReturnRefused(
            translate(
                "tax_returns",
                "A return for {filing_label} cannot be received before the period starts "
                "({start:%m/%d/%Y}). Check the date received.",
            ).format(filing_label=filing.label, start=filing.start)
        )
    return filed


@dataclass(frozen=True, slots=True)
class _OnRecord:
    """The returns already on record for the period, and what a new one amends."""

    filing: FilingPeriod  # an amended return's is the return it amends (its due date)
    prior: TaxReturnRow | None  # the latest return filed here for the period
    filed_before: PeriodFiled | None
    amends: TaxReturn | None


def _on_record(s: Session, row: AccountRow, filing: FilingPeriod, kind: str) -> _OnRecord:
    window = s.scalars(
        select(TaxReturnRow)
        .where(TaxReturnRow.account_id == row.id, TaxReturnRow.period == filing.label,
               TaxReturnRow.status.in_(("filed", "superseded")))
        .order_by(TaxReturnRow.id)
    ).all()  # fmt: skip
    prior = next((r for r in reversed(window) if r.status == "filed"), None)
    filed_before = period_filed(
        filing.label, [*map(_window_record, window), *(r for _a, r in _history_records(s, [row.id]))]
    )
    amends: TaxReturn | None = None
    if filed_before is None:
        if kind == "amended":
            raise TaxReturnRefused(
                translate(
                    "tax_returns",
                    "Account {number} has no return for {filing_label} to amend. File it as an original return.",
                ).format(number=row.number, filing_label=filing.label)
            )
    elif prior is not None:
        # A second return for a period filed here amends the latest one, under its due date.
        filing = _period_of(prior)
        amends = _restore(prior)
    elif filed_before.history:
        amends = filed_before.history_return(filing)
    else:  # only superseded returns and no filed one: the books are broken, not the cashier's input
        raise TaxReturnRefused(
            translate(
                "tax_returns",
                "Account {number}'s returns for {filing_label} cannot be read. Call your supervisor; "
                "nothing was filed.",
            ).format(number=row.number, filing_label=filing.label)
        )
    return _OnRecord(filing, prior, filed_before, amends)


def _prepare(s: Session, ctx: ServiceContext, account: str, period: str | FilingPeriod, figures: ReturnFigures,
             as_written: Mapping[str, Money] | None, filed_on: dt.date | None, kind: str) -> _Prepared:  # fmt: skip
    if kind not in KINDS:
        raise TaxReturnRefused(
            translate("tax_returns", 'A return is original, amended or zero, not "{kind}".').format(kind=kind)
        )
    row = _sales_tax_account(s, account)
    filing = _filing_period(row, period, ctx.settings.tax.due_day)
    filed = _received_on(filing, filed_on, ctx.today())
    if kind == "zero" and not figures.is_zero:
        raise TaxReturnRefused(
            translate(
                "tax_returns",
                "A zero return reports no sales and no purchases. Clear the figures, or file it as an original return.",
            )
        )
    record = _on_record(s, row, filing, kind)
    filing, amends = record.filing, record.amends
    try:
        ret = compute_return(figures, filing, filed, rates_from(ctx.settings), amends=amends)
        differences = ret.differences(dict(as_written or {}))
    except TaxReturnError as exc:
        raise TaxReturnRefused(str(exc)) from None
    except KeyError as exc:
        raise TaxReturnRefused(
            translate("tax_returns", "The return has no such line: {line}.").format(line=exc.args[0])
        ) from None
    stored = "amended" if amends is not None else ("zero" if figures.is_zero else "original")
    prior = record.prior if amends is not None else None
    preview = ReturnPreview(account=row.number, account_name=row.name, kind=stored, period=filing, ret=ret,
                            differences=differences, amends_id=prior.id if prior else None,
                            filed_before=record.filed_before if amends is not None else None)  # fmt: skip
    return _Prepared(row, preview, prior, amends)


def preview_return(ctx: ServiceContext, operator: Operator, account: str, period: str | FilingPeriod,
                   figures: ReturnFigures, as_written: Mapping[str, Money] | None = None,
                   filed_on: dt.date | None = None, kind: str = "original") -> ReturnPreview:  # fmt: skip
    """Work the return out and compare it with what the business wrote; nothing is saved."""
    operator.require(Permission.TAKE_PAYMENTS, translate("tax_returns", "file tax returns"))
    with ctx.db.unit_of_work(write=False) as uow:
        return _prepare(uow.session, ctx, account, period, figures, as_written, filed_on, kind).preview


@dataclass(slots=True)
class _Adjusted:
    """What filing did to the account's open items and credit."""

    charges: list[tuple[str, Money]] = field(default_factory=list)  # open items added, by code
    reductions: list[tuple[str, Money]] = field(default_factory=list)  # taken off unpaid items
    credit: int = 0  # cents paid beyond the lower figure of an amended return
    first_item: int | None = None


def _take_off(s: Session, acct: AccountRow, code: str, period: str, cents: int) -> int:
    """Take `cents` off the unpaid part of the period's items of the code, newest first; what
    could not be taken off (already paid) is returned."""
    left = cents
    items = s.scalars(select(OpenItemRow).where(
        OpenItemRow.account_id == acct.id, OpenItemRow.revenue_code == code,
        OpenItemRow.period == period).order_by(OpenItemRow.id.desc()))  # fmt: skip
    for item in items:
        take = min(left, item.amount_cents - item.paid_cents)
        if take > 0:
            item.amount_cents -= take
            left -= take
        if left == 0:
            break
    return left


def _adjust_items(s: Session, acct: AccountRow, row: TaxReturnRow, filing: FilingPeriod, ret: TaxReturn,
                  amends: TaxReturn | None, station: str) -> _Adjusted:  # fmt: skip
    """Open items for what the return charges beyond what it amends; less off them for what it lowers.
    Their external id names the station: the windows of an office number their returns each alone."""
    new = amounts_by_code(ret)
    old = amounts_by_code(amends) if amends is not None else {code: Money(0) for code in new}
    done = _Adjusted()
    for code, _label in ITEM_CODES:
        change = new[code].cents - old[code].cents
        if change > 0:
            item = OpenItemRow(
                account_id=acct.id, external_id=f"{station}-TR{row.id}-{code}", revenue_code=code,
                description=f"{_ITEM_LABELS[code]} {filing.label}{', amended' if amends is not None else ''}",
                period=filing.label, bill_date=ret.filed_on, due_date=filing.due, amount_cents=change,
                paid_cents=0,
            )  # fmt: skip
            s.add(item)
            s.flush()
            done.first_item = done.first_item or item.id
            done.charges.append((code, Money(change)))
        elif change < 0:
            left = _take_off(s, acct, code, filing.label, -change)
            if -change - left:
                done.reductions.append((code, Money(-change - left)))
            done.credit += left
    return done


def _return_row(
    acct: AccountRow,
    preview: ReturnPreview,
    prior: TaxReturnRow | None,
    as_written: Mapping[str, Money] | None,
    operator: Operator,
    now: dt.datetime,
) -> TaxReturnRow:
    ret, filing = preview.ret, preview.period
    written = {name: amount.cents for name, amount in (as_written or {}).items()}
    return TaxReturnRow(
        account_id=acct.id, period=filing.label, frequency=filing.frequency.value, period_start=filing.start,
        period_end=filing.end, due_date=filing.due, filed_on=ret.filed_on, kind=preview.kind,
        amends_id=prior.id if prior else None,
        figures=json.dumps({n: a.cents for n, a in ret.amounts().items()}, sort_keys=True),
        as_written=json.dumps(written, sort_keys=True), total_due_cents=ret.total_due.cents, paid_cents=0,
        status="filed", entered_by=operator.user_id, entered_at=now.replace(tzinfo=None),
    )  # fmt: skip


def _add_history(s: Session, acct: AccountRow, row: TaxReturnRow, preview: ReturnPreview, credit: int) -> None:
    ret, label = preview.ret, preview.period.label
    what = {"amended": "Amended return", "zero": "Zero return"}.get(preview.kind, "Return")
    # An amended return is not late itself: what lateness costs is in its penalty and interest.
    late = ""
    if ret.late and not ret.amended:
        late = f", {ret.months_late} month{'s' if ret.months_late != 1 else ''} late"
    s.add(HistoryRow(account_id=acct.id, on_date=ret.filed_on, kind="return",
                     description=f"{what} {label} received{late}",
                     amount_cents=ret.due_now.cents + credit, reference=f"TR-{row.id}"))  # fmt: skip
    if credit:
        s.add(HistoryRow(account_id=acct.id, on_date=ret.filed_on, kind="adjustment",
                         description=f"Credit from the amended return {label}", amount_cents=-credit,
                         reference=f"TR-{row.id}"))  # fmt: skip


def _audit_filed(s: Session, ctx: ServiceContext, operator: Operator, now: dt.datetime, row: TaxReturnRow,
                 prepared: _Prepared, done: _Adjusted) -> None:  # fmt: skip
    preview, ret = prepared.preview, prepared.preview.ret
    # An amended return of a return only the billing history shows names those entries.
    amends_history = ([[r.filed_on.isoformat(), r.description] for r in preview.filed_before.history]
                      if prepared.prior is None and preview.filed_before is not None else [])  # fmt: skip
    audit.record(
        s, user=operator.user_id, station=ctx.station, event_type="tax_return",
        object=f"{prepared.account.number} {preview.period.label}",
        details={"return": row.id, "kind": preview.kind, "filed_on": ret.filed_on.isoformat(),
                 "months_late": ret.months_late, "total_due_cents": ret.total_due.cents,
                 "due_now_cents": ret.due_now.cents, "amends": row.amends_id,
                 "amends_history": amends_history,
                 "charges": [[c, m.cents] for c, m in done.charges],
                 "reductions": [[c, m.cents] for c, m in done.reductions], "credit_cents": done.credit,
                 "differences": [d.name for d in preview.differences]},
        at=now,
    )  # fmt: skip


def file_return(ctx: ServiceContext, operator: Operator, account: str, period: str | FilingPeriod,
                figures: ReturnFigures, as_written: Mapping[str, Money] | None = None,
                filed_on: dt.date | None = None, kind: str = "original") -> FiledReturn:  # fmt: skip
    """File the return: kept with its figures and what the business wrote, and what it charges
    becomes open items on the account (or, for an amended return, adjusts them)."""
    operator.require(Permission.TAKE_PAYMENTS, translate("tax_returns", "file tax returns"))
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        prepared = _prepare(s, ctx, account, period, figures, as_written, filed_on, kind)
        acct, preview, prior = prepared.account, prepared.preview, prepared.prior
        row = _return_row(acct, preview, prior, as_written, operator, now)
        s.add(row)
        s.flush()
        if prior is not None:
            prior.status = "superseded"
        done = _adjust_items(s, acct, row, preview.period, preview.ret, prepared.amends, ctx.station)
        if done.credit:
            acct.credit_cents += done.credit
        row.open_item_id = done.first_item
        _add_history(s, acct, row, preview, done.credit)
        _audit_filed(s, ctx, operator, now, row, prepared, done)
        s.flush()
        open_cents = s.scalar(select(func.coalesce(func.sum(OpenItemRow.amount_cents - OpenItemRow.paid_cents), 0))
                              .where(OpenItemRow.account_id == acct.id))  # fmt: skip
        result = FiledReturn(
            id=row.id, account=acct.number, account_name=acct.name, kind=preview.kind, period=preview.period,
            ret=preview.ret, differences=preview.differences, charges=tuple(done.charges),
            reductions=tuple(done.reductions), credit=Money(done.credit),
            account_owes=Money(int(open_cents or 0) - acct.credit_cents), amends_id=row.amends_id,
            amendment=preview.amendment,
        )  # fmt: skip
        uow.commit()
    return result


def delinquent_filers(
    ctx: ServiceContext, operator: Operator, as_of: dt.date | None = None
) -> tuple[DelinquentFiler, ...]:
    """Active sales tax accounts with a period whose return was due (in the last 12 months, and
    not for a period that ended before the account was opened) and has not been received."""
    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("tax_returns", "list delinquent filers"))
    day = as_of or ctx.today()
    due_day = ctx.settings.tax.due_day
    first_due, last_due = add_months(day, -12), day - dt.timedelta(days=1)
    windows = {f: periods_due_between(f, first_due, last_due, due_day) for f in FilingFrequency}
    out: list[DelinquentFiler] = []
    with ctx.db.unit_of_work(write=False) as uow:
        s = uow.session
        listed = (AccountRow.kind == AccountKind.SALES_TAX.value, AccountRow.status == AccountStatus.ACTIVE.value,
                  AccountRow.filing_frequency.is_not(None))  # fmt: skip
        accounts = s.execute(
            select(AccountRow.id, AccountRow.number, AccountRow.name, AccountRow.phone, AccountRow.filing_frequency,
                   AccountRow.created_at).where(*listed).order_by(AccountRow.number)
        ).all()  # fmt: skip
        oldest = min((p.start for ps in windows.values() for p in ps), default=day)
        on_record: dict[int, list[ReturnOnRecord]] = {}
        for window_row in s.scalars(select(TaxReturnRow).where(TaxReturnRow.status != "void",
                                                               TaxReturnRow.period_end >= oldest)):  # fmt: skip
            on_record.setdefault(window_row.account_id, []).append(_window_record(window_row))
        # A return is received after its period starts: older history cannot be for a period listed.
        for account_id, record in _history_records(s, select(AccountRow.id).where(*listed), oldest):
            on_record.setdefault(account_id, []).append(record)
    for account_id, number, name, phone, frequency, created_at in accounts:
        try:
            freq = FilingFrequency(frequency)
        except ValueError:
            continue
        opened = created_at.date() if created_at else dt.date.min
        filed = filed_periods(on_record.get(account_id, ()))
        missing = tuple(p for p in windows[freq] if p.end >= opened and p.label not in filed)
        if missing:
            out.append(DelinquentFiler(number, name, phone or "", freq, missing))
    return tuple(out)


__all__ = [
    "DelinquentFiler", "FiledReturn", "ReturnPreview", "TaxReturnRefused", "delinquent_filers", "file_return",
    "preview_return", "rates_from",
]  # fmt: skip
