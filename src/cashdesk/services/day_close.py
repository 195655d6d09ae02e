"""Closing the business day: a supervisor closes it once every drawer of the day is closed.

A closed day takes no more postings; drawers opened afterwards, and so their payments,
belong to the next open business day (services/business_day.py). The day's status and its
close say where the change fund stands: floats counted out beyond what it held, what the
floats kept sent to the bank, and a fund left short of its authorised amount.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cashdesk.domain.anchors import Anchor
from cashdesk.domain.balancing import over_short_words
from cashdesk.domain.change_fund import ChangeFundDay
from cashdesk.domain.money import Money
from cashdesk.domain.security import Permission
from cashdesk.services import anchors, audit
from cashdesk.services.business_day import open_business_date
from cashdesk.services.closing_record import keep_closing_record
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.day_money import DayMoney, day_money, deposit_so_far
from cashdesk.services.deposit import ExportResult, check_numbers, export_at_close
from cashdesk.services.drawers import change_fund
from cashdesk.store import sealed
from cashdesk.store.models import BusinessDayRow, DrawerCloseRow, DrawerRow, MailBatchRow, ReceiptRow
from cashdesk.store.posting import driver
from cashdesk.words import translate

if TYPE_CHECKING:
    from cashdesk.services.backup import DayCloseBackup


class DayCloseRefused(ServiceError):
    pass


@dataclass(frozen=True, slots=True)
class DrawerRef:
    id: int
    station: str
    cashier: str
    over_short: Money | None = None  # closed drawers only

    def describe(self) -> str:
        return translate("day_close", "station {station}, {cashier}, drawer {drawer}").format(
            station=self.station, cashier=self.cashier, drawer=self.id
        )


@dataclass(frozen=True, slots=True)
class MailBatchRef:
    number: str
    owner: str
    status: str  # open, balanced or posted
    total: Money = Money(0)  # its control total (posted: what it took)

    def describe(self) -> str:
        if self.status == "open":
            said = translate("day_close", "{number} (open, {owner})")
        elif self.status == "balanced":
            said = translate("day_close", "{number} (balanced, {owner})")
        elif self.status == "posted":
            said = translate("day_close", "{number} (posted, {owner})")
        else:
            said = "{number} ({status}, {owner})"
        return said.format(number=self.number, status=self.status, owner=self.owner)


@dataclass(frozen=True, slots=True)
class DayStatus:
    business_date: dt.date
    closed: bool
    closed_by: str
    closed_at: dt.datetime | None  # UTC, naive as stored
    open_drawers: tuple[DrawerRef, ...]
    closed_drawers: tuple[DrawerRef, ...]
    receipts: int  # posted, voids excluded
    receipts_total: Money
    over_short: Money  # of the closed drawers
    ticket_number: str = ""
    bag_number: str = ""
    unposted_mail: tuple[MailBatchRef, ...] = ()  # open or balanced mail batches of the day
    change_fund: ChangeFundDay | None = None
    anchor: Anchor | None = None  # a closed day's: its day_close event (services/anchors.py)
    posted_mail: tuple[MailBatchRef, ...] = ()  # the mail batches of the day already posted
    deposit_total: Money = Money(0)  # put aside for the bank so far, card settlements included
    bank_total: Money = Money(0)  # of it, what goes in the bag: cash, checks, money orders

    @property
    def can_close(self) -> bool:
        return not self.closed and not self.open_drawers and not self.unposted_mail

    def describe_change_fund(self) -> str:
        """The change fund as the supervisor needs to hear it ("" when there is nothing to say)."""
        return change_fund_words(self.change_fund, closed=self.closed) if self.change_fund else ""


def change_fund_words(fund: ChangeFundDay, *, closed: bool) -> str:
    """Floats counted out beyond what the fund held; once the day is closed, what the floats
    kept moved to or from the bank, and a fund left short of its authorised amount."""
    said: list[str] = []
    if fund.beyond and fund.held_at_start is not None:
        if fund.since is not None:
            beyond = translate(
                "day_close",
                "The floats counted out on {day} went {beyond} beyond what the change fund held after the close "
                "of {since}, {held}: find where that cash came from and make the fund whole.",
            )
        else:
            beyond = translate(
                "day_close",
                "The floats counted out on {day} went {beyond} beyond what the change fund held (its authorised "
                "amount), {held}: find where that cash came from and make the fund whole.",
            )
        said.append(beyond.format(day=fund.business_date, beyond=fund.beyond.display(), since=fund.since,
                                  held=fund.held_at_start.display()))  # fmt: skip
    if closed and fund.to_bank:
        if fund.to_bank.cents > 0:
            moved = translate(
                "day_close",
                "Floats: {opened} opened, {kept} kept: {to_bank} of the floats went to the bank with the deposit "
                "(booked against the change fund in the GL journal).",
            )
        else:
            moved = translate(
                "day_close",
                "Floats: {opened} opened, {kept} kept: {to_bank} of the day's cash stayed in the floats instead of "
                "going to the bank (booked against the change fund in the GL journal).",
            )
        to_bank = fund.to_bank if fund.to_bank.cents > 0 else -fund.to_bank
        said.append(moved.format(opened=fund.opened.display(), kept=fund.kept.display(), to_bank=to_bank.display()))
    if closed and fund.short_tonight:
        said.append(
            translate(
                "day_close",
                "The change fund holds {held} after this close, {short} short of its authorised {authorised}: get "
                "change from the bank before the next floats are counted out.",
            ).format(
                held=fund.held_tonight.display(),
                short=fund.short_tonight.display(),
                authorised=fund.authorised.display(),
            )  # fmt: skip
        )
    return " ".join(said)


@dataclass(frozen=True, slots=True)
class DayClosedResult:
    business_date: dt.date
    closed_by: str
    drawers: int
    receipts: int
    receipts_total: Money
    over_short: Money
    deposit_total: Money  # cash, checks, money orders and card settlements
    bank_total: Money  # what goes in the bag
    next_business_date: dt.date
    backup: DayCloseBackup | None = None  # the automatic backup, under way in the background after the close
    change_fund: ChangeFundDay | None = None
    anchor: Anchor | None = None  # the audit trail's head as the day closed: its day_close event

    def describe(self) -> str:
        said = [
            translate(
                "day_close",
                "The business day {day} is closed: {drawers} drawers, {receipts} receipts for {receipts_total}, "
                "drawers: {over_short}, deposit {bank_total} in the bag ({deposit_total} with card settlements). "
                "Payments from now on belong to {next_day}.",
            ).format(
                day=self.business_date,
                drawers=self.drawers,
                receipts=self.receipts,
                receipts_total=self.receipts_total.display(),
                over_short=over_short_words(self.over_short),
                bank_total=self.bank_total.display(),
                deposit_total=self.deposit_total.display(),
                next_day=self.next_business_date,
            )  # fmt: skip
        ]
        if self.anchor:
            said.append(
                translate(
                    "day_close",
                    "Audit anchor {printed} (event {seq} of the audit trail; the deposit file carries it too).",
                ).format(printed=self.anchor.printed, seq=self.anchor.seq)
            )
        if self.change_fund and (fund := change_fund_words(self.change_fund, closed=True)):
            said.append(fund)
        if self.backup:
            said.append(
                translate("day_close", "Backing up to {target} in the background.").format(target=self.backup.target)
            )
        return " ".join(said)


def _drawers(s: Session, day: dt.date) -> tuple[list[DrawerRef], list[DrawerRef]]:
    opened: list[DrawerRef] = []
    closed: list[DrawerRef] = []
    rows = s.execute(
        select(DrawerRow, DrawerCloseRow.over_short_cents)
        .outerjoin(DrawerCloseRow, DrawerCloseRow.drawer_id == DrawerRow.id)
        .where(DrawerRow.business_date == day)
        .order_by(DrawerRow.station, DrawerRow.cashier, DrawerRow.id)
    ).all()  # fmt: skip
    for drawer, over_short in rows:
        if drawer.status == "open":
            opened.append(DrawerRef(drawer.id, drawer.station, drawer.cashier))
        else:
            closed.append(DrawerRef(drawer.id, drawer.station, drawer.cashier, Money(over_short or 0)))
    return opened, closed


def _status(s: Session, ctx: ServiceContext, day: dt.date, *, with_deposit: bool = False) -> DayStatus:
    """The day as it stands; `with_deposit`: its deposit so far too (the close reads its own)."""
    opened, closed = _drawers(s, day)
    count, total = s.execute(
        select(func.count(ReceiptRow.id), func.coalesce(func.sum(ReceiptRow.total_cents), 0))
        .where(ReceiptRow.business_date == day, ReceiptRow.status == "posted")
    ).one()  # fmt: skip
    row = s.get(BusinessDayRow, day)
    is_closed = row is not None and row.status == "closed"
    batches = [MailBatchRef(number, owner, status, Money(cents)) for number, owner, status, cents in s.execute(
        select(MailBatchRow.number, MailBatchRow.owner, MailBatchRow.status, MailBatchRow.control_total_cents)
        .where(MailBatchRow.business_date == day, MailBatchRow.status.in_(("open", "balanced", "posted")))
        .order_by(MailBatchRow.number))]  # fmt: skip
    deposit = deposit_so_far(s, day) if with_deposit else None
    return DayStatus(
        business_date=day, closed=is_closed, closed_by=row.closed_by if row else "",
        closed_at=row.closed_at if row else None, open_drawers=tuple(opened), closed_drawers=tuple(closed),
        receipts=int(count), receipts_total=Money(int(total)),
        over_short=Money.total(d.over_short or Money(0) for d in closed),
        ticket_number=row.ticket_number if row else "", bag_number=row.bag_number if row else "",
        unposted_mail=tuple(b for b in batches if b.status != "posted"),
        posted_mail=tuple(b for b in batches if b.status == "posted"),
        change_fund=change_fund(s, ctx, day),
        anchor=anchors.day_anchor(s, day) if is_closed else None,
        deposit_total=deposit.total if deposit else Money(0), bank_total=deposit.bank_total if deposit else Money(0),
    )  # fmt: skip


def day_status(ctx: ServiceContext, day: dt.date) -> DayStatus:
    """Where a business day stands: its open and closed drawers, its receipts, closed or not."""
    with ctx.db.unit_of_work(write=False) as uow:
        return _status(uow.session, ctx, day, with_deposit=True)


def _listed(waiting: tuple[DrawerRef, ...] | tuple[MailBatchRef, ...]) -> str:
    return "; ".join(w.describe() for w in waiting)


def close_day(ctx: ServiceContext, operator: Operator, day: dt.date) -> DayClosedResult:
    """Close a business day: every drawer of the day must be closed first."""
    closed, _money = _close(ctx, operator, day)
    return replace(closed, backup=_automatic_backup(ctx, operator, day))


@dataclass(frozen=True, slots=True)
class DayClosedAndExported:
    """The close, and its deposit written or why not (the day stays closed either way: the
    export can be run again, as `export_deposit`)."""

    closed: DayClosedResult
    exported: ExportResult | None
    export_refused: str = ""


def close_and_export(ctx: ServiceContext, operator: Operator, day: dt.date, folder: Path, *,
                     ticket_number: str = "", bag_number: str = "") -> DayClosedAndExported:  # fmt: skip
    """The supervisor's one Enter in the day-close window: close the day, write its deposit from the
    money the close read (services/deposit.py `export_at_close`: the day is read once), then begin
    the automatic backup. Ticket and bag numbers are checked before anything is closed."""
    operator.require(Permission.CLOSE_DAY, translate("day_close", "prepare the deposit"))
    ticket_number, bag_number = check_numbers(ticket_number, bag_number)
    closed, money = _close(ctx, operator, day)
    try:
        exported, refused = export_at_close(ctx, operator, money, folder, ticket_number=ticket_number,
                                            bag_number=bag_number), ""  # fmt: skip
    except ServiceError as exc:
        exported, refused = None, str(exc)
    closed = replace(closed, backup=_automatic_backup(ctx, operator, day))  # after the files: not in their way
    return DayClosedAndExported(closed, exported, refused)


def _close(ctx: ServiceContext, operator: Operator, day: dt.date) -> tuple[DayClosedResult, DayMoney]:
    """The close's own transaction, and the money it read (what its figures were kept of)."""
    operator.require(Permission.CLOSE_DAY, translate("day_close", "close the business day"))
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        status = _status(s, ctx, day)
        if status.closed:
            raise DayCloseRefused(
                translate("day_close", "The business day {day} is already closed (by {closed_by}).").format(
                    day=day, closed_by=status.closed_by
                )
            )
        current = open_business_date(s, ctx)
        if day > current:
            raise DayCloseRefused(
                translate(
                    "day_close", "The business day {day} has not begun: the open business day is {current}."
                ).format(day=day, current=current)
            )
        if status.open_drawers:
            raise DayCloseRefused(
                (
                    translate(
                        "day_close",
                        "The business day {day} cannot close: this drawer is still open: {listed}. Each cashier "
                        "balances and closes their drawer first.",
                    )
                    if len(status.open_drawers) == 1
                    else translate(
                        "day_close",
                        "The business day {day} cannot close: these drawers are still open: {listed}. Each cashier "
                        "balances and closes their drawer first.",
                    )
                ).format(day=day, listed=_listed(status.open_drawers))
            )
        if status.unposted_mail:
            raise DayCloseRefused(
                (
                    translate(
                        "day_close",
                        "The business day {day} cannot close: this mail batch is not posted: {listed}. Balance and "
                        "post each batch, or reject it, first.",
                    )
                    if len(status.unposted_mail) == 1
                    else translate(
                        "day_close",
                        "The business day {day} cannot close: these mail batches are not posted: {listed}. Balance "
                        "and post each batch, or reject it, first.",
                    )
                ).format(day=day, listed=_listed(status.unposted_mail))
            )
        money = day_money(s, ctx, day)  # the journal must balance before the day may close
        _mark_closed(s, day, now, operator, status, money)
        keep_closing_record(s, ctx, day, money)  # what its exports print and are checked against
        following = open_business_date(s, ctx)  # where drawers opened from now on belong
        _audit_close(s, ctx, operator, now, day, status, money)
        anchor = anchors.day_anchor(s, day)
        uow.commit()
    anchors.keep_beside(ctx)
    result = DayClosedResult(day, operator.user_id, len(status.closed_drawers), status.receipts, status.receipts_total,
                             status.over_short, money.deposit.total, money.deposit.bank_total, following,
                             change_fund=status.change_fund, anchor=anchor)  # fmt: skip
    return result, money


def _mark_closed(s: Session, day: dt.date, now: dt.datetime, operator: Operator, status: DayStatus,
                 money: DayMoney) -> None:  # fmt: skip
    row = s.get(BusinessDayRow, day)
    if row is None:
        row = BusinessDayRow(business_date=day)
        s.add(row)
    row.status = "closed"
    row.closed_at = now.replace(tzinfo=None)
    row.closed_by = operator.user_id
    row.over_short_cents = status.over_short.cents
    row.deposit_total_cents = money.deposit.total.cents
    s.flush()


def _audit_close(s: Session, ctx: ServiceContext, operator: Operator, now: dt.datetime, day: dt.date,
                 status: DayStatus, money: DayMoney) -> None:  # fmt: skip
    details: dict[str, object] = {
        "business_date": day.isoformat(), "drawers": len(status.closed_drawers), "receipts": status.receipts,
        "receipts_cents": status.receipts_total.cents, "over_short_cents": status.over_short.cents,
        "deposit_cents": money.deposit.total.cents, "bag_cents": money.deposit.bank_total.cents,
    }  # fmt: skip
    details |= sealed.digests(driver(s), "day_close", f"business day {day}", details)
    audit.record(s, user=operator.user_id, station=ctx.station, event_type="day_close",
                 object=f"business day {day}", details=details, at=now)  # fmt: skip


def _automatic_backup(ctx: ServiceContext, operator: Operator, day: dt.date) -> DayCloseBackup | None:
    """After the close is committed, on its own thread: the supervisor is not kept waiting for the
    copy, and a failed one is said (its outcome) and does not reopen the day."""
    from cashdesk.services.backup import DayCloseBackup

    if not ctx.settings.backup.at_day_close:
        return None
    return DayCloseBackup.start(ctx, operator.user_id, day)
