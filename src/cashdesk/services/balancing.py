"""The end of a shift: the blind count of a drawer, a supervisor's second count, the close and the Z report
(services/z_report.py; the drawer's checks and money orders are in services/drawer_items.py).

Expected figures are recomputed from the payment rows (receipts, tenders, drops, paid-outs)
at every count; when DrawerRow.cash_cents disagrees, the rows win and the count's audit event
says so. Every count attempt is kept and audited. Approvals for drawer work name the object
`drawer N` (services.shift.drawer_object).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from cashdesk.domain import balancing as bal
from cashdesk.domain.cards import contains_card_number
from cashdesk.domain.cash import CashCount, CountError
from cashdesk.domain.money import Money
from cashdesk.domain.security import OverrideAction, Permission, Role, can
from cashdesk.services import anchors, audit
from cashdesk.services.business_day import closed_by_office_refusal
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.drawer_items import BalancingRefused as BalancingRefused
from cashdesk.services.drawer_items import DrawerItem as DrawerItem
from cashdesk.services.drawer_items import drawer_items
from cashdesk.services.drawers import require_open_drawer
from cashdesk.services.shift import (
    ShiftReport,
    drawer_figures,
    drawer_object,
    pieces_json,
    queue_slip,
)
from cashdesk.services.z_report import over_short_text, save_z_pdf, z_report_slip
from cashdesk.services.z_report import reports_folder as reports_folder
from cashdesk.services.z_report import save_report as save_report
from cashdesk.services.z_report import z_report_pdf as z_report_pdf
from cashdesk.store import sealed
from cashdesk.store.models import ApprovalRow, DrawerCloseRow, DrawerCountRow, DrawerRow, ReceiptRow, TenderRow
from cashdesk.store.posting import driver
from cashdesk.words import translate

log = logging.getLogger(__name__)


def items_to_verify(ctx: ServiceContext, operator: Operator, *, drawer_id: int | None = None) -> tuple[DrawerItem, ...]:
    """Every check and money order taken in the drawer (voided receipts excluded), oldest first.

    Without `drawer_id`: this cashier's open drawer. Another cashier's drawer needs a supervisor
    (for a second count).
    """
    operator.require(Permission.TAKE_PAYMENTS, translate("balancing", "see the checks in a drawer"))
    with ctx.db.unit_of_work(write=False) as uow:
        drawer: DrawerRow | None
        if drawer_id is None:
            drawer = require_open_drawer(uow.session, ctx, operator)
        else:
            drawer = uow.session.get(DrawerRow, drawer_id)
            if drawer is None:
                raise BalancingRefused(
                    translate("balancing", "There is no drawer {drawer_id}.").format(drawer_id=drawer_id)
                )
            if drawer.cashier != operator.user_id and not operator.can(Permission.SECOND_COUNT):
                raise BalancingRefused(
                    translate(
                        "balancing", "Drawer {drawer_id} is {cashier}'s: only a supervisor may see its items."
                    ).format(drawer_id=drawer_id, cashier=drawer.cashier)
                )
        return drawer_items(uow.session, drawer.id)


# -- counting ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExtraItem:
    kind: str
    number: str
    amount: Money


@dataclass(frozen=True, slots=True)
class CountInput:
    pieces: CashCount
    present: frozenset[int]  # tender ids ticked present
    extra: tuple[ExtraItem, ...] = ()
    card_settlement: Money = Money(0)  # the card terminal's settlement total


@dataclass(frozen=True, slots=True)
class TenderBalance:
    kind: str
    expected: Money
    counted: Money
    over_short: Money


@dataclass(frozen=True, slots=True)
class CountResult:
    count_id: int
    drawer_id: int
    attempt: int
    counted_by: str
    role: str
    lines: tuple[TenderBalance, ...]  # cash, check, money_order, card (in that order)
    over_short: Money  # total counted - expected (negative = short)
    missing: tuple[DrawerItem, ...]
    extra: tuple[ExtraItem, ...]
    limit: Money
    needs_approval: bool  # abs(over_short) > limit
    suggested_float: CashCount  # pieces to keep for the next shift
    approved_by: str = ""  # a variance approval given with the count (record_count's approval_id)


def _limit(ctx: ServiceContext) -> Money:
    return Money(ctx.settings.balancing.variance_limit_cents)


def _money_json(amounts: dict[str, Money]) -> str:
    return json.dumps({kind: amounts[kind].cents for kind in sorted(amounts)}, separators=(",", ":"))


def _check_input(count: CountInput) -> None:
    if not isinstance(count.pieces, CashCount):
        raise BalancingRefused(translate("balancing", "Count the cash by denomination."))
    if count.card_settlement.cents < 0:
        raise BalancingRefused(translate("balancing", "The card settlement total cannot be negative."))
    for item in count.extra:
        if item.kind not in bal.ITEM_KINDS:
            raise BalancingRefused(translate("balancing", "An extra item is a check or a money order."))
        if item.amount.cents <= 0:
            raise BalancingRefused(translate("balancing", "An extra item must be more than $0.00."))
        if contains_card_number(item.number):
            raise BalancingRefused(
                translate("balancing", "Never type a card number. Give the check or money order number.")
            )
        if len(item.number.strip()) > 20:
            raise BalancingRefused(translate("balancing", "A check or money order number is at most 20 characters."))


@contextmanager
def _work(ctx: ServiceContext, approval_id: int | None, *, required: bool = False, action: OverrideAction,
          requested_by: str, object: str) -> Iterator[tuple[Any, Any]]:  # fmt: skip
    """A unit of work, with the approval used in it when one is given or required (a missing or
    invalid approval is refused and audited by services.overrides.require_approval)."""
    if approval_id is None and not required:
        with ctx.db.unit_of_work() as uow:
            yield uow, None
        return
    from cashdesk.services.overrides import require_approval

    with require_approval(ctx, approval_id, action=action, requested_by=requested_by, object=object) as (uow, granted):
        yield uow, granted


def _recorded_items(session: Session, drawer_id: int, count: CountInput) -> list[bal.RecordedItem]:
    """The drawer's checks and money orders as recorded; refused when the count ticks another."""
    # Plain tuples for the (maybe thousands of) items; DrawerItem only for the missing ones.
    rows = session.execute(
        select(TenderRow.id, TenderRow.kind, TenderRow.amount_cents)
        .join(ReceiptRow, ReceiptRow.id == TenderRow.receipt_id)
        .where(ReceiptRow.drawer_id == drawer_id, ReceiptRow.status == "posted",
               TenderRow.kind.in_(bal.ITEM_KINDS))
        .order_by(TenderRow.id)
    ).all()  # fmt: skip
    recorded = [bal.RecordedItem(tid, kind, Money(cents)) for tid, kind, cents in rows]
    if bal.unknown_ticks(recorded, count.present):
        raise BalancingRefused(
            translate(
                "balancing",
                "An item ticked present is not among this drawer's checks and money orders. Start the count again.",
            )
        )
    return recorded


def _cash_from_rows(drawer: DrawerRow, expected_cash: Money) -> dict[str, Any]:
    """The rows are the record: a running cash figure that differs is corrected, and the trail says so."""
    if expected_cash.cents == drawer.cash_cents:
        return {}
    log.warning("drawer %s: cash_cents %s differs from its rows (%s); the rows win",
                drawer.id, drawer.cash_cents, expected_cash.cents)  # fmt: skip
    was, drawer.cash_cents = drawer.cash_cents, expected_cash.cents
    return {"cash_cents_was": was, "cash_cents_from_rows": expected_cash.cents}


def _count(session: Session, ctx: ServiceContext, drawer: DrawerRow, count: CountInput, *, counted_by: str,
           role: str, user: str, approved_by: str = "", approval: int | None = None) -> CountResult:  # fmt: skip
    recorded = _recorded_items(session, drawer.id, count)
    figures = drawer_figures(session, drawer)
    expected = figures.expected()
    counted = bal.counted_by_tender(count.pieces.total, recorded, count.present,
                                    [bal.FoundItem(e.kind, e.amount) for e in count.extra],
                                    count.card_settlement)  # fmt: skip
    lines = bal.balance(expected, counted)
    over_short = bal.total_over_short(lines)
    limit = _limit(ctx)
    gone = {item.id for item in recorded if item.id not in count.present}
    missing = tuple(i for i in drawer_items(session, drawer.id) if i.tender_id in gone) if gone else ()
    attempt = (session.scalar(select(func.max(DrawerCountRow.attempt)).where(DrawerCountRow.drawer_id == drawer.id))
               or 0) + 1  # fmt: skip
    now = ctx.now()
    extra = tuple(ExtraItem(e.kind, e.number.strip(), e.amount) for e in count.extra)
    items_json: dict[str, Any] = {
        "present": sorted(count.present), "missing": [i.tender_id for i in missing],
        "extra": [{"kind": e.kind, "number": e.number, "amount_cents": e.amount.cents} for e in extra],
        "activity": _activity(session, drawer.id),
    }  # fmt: skip
    if approved_by:
        items_json |= {"approved_by": approved_by, "approval": approval}
    row = DrawerCountRow(
        drawer_id=drawer.id, attempt=attempt, counted_by=counted_by, role=role, counted_at=now.replace(tzinfo=None),
        pieces=pieces_json(count.pieces), cash_cents=count.pieces.total.cents,
        items=json.dumps(items_json, separators=(",", ":"), sort_keys=True),
        card_settlement_cents=count.card_settlement.cents, expected=_money_json(expected),
        counted=_money_json(counted), over_short_cents=over_short.cents, reason="",
    )  # fmt: skip
    session.add(row)
    session.flush()
    approved = {"approved_by": approved_by, "approval": approval} if approved_by else {}
    details: dict[str, Any] = {
        "count": row.id, "attempt": attempt, "role": role, "counted_by": counted_by,
        "over_short_cents": over_short.cents, "by_tender": {t.kind: t.over_short.cents for t in lines},
        "missing": [f"{i.kind} {i.number}" for i in missing], "extra": [f"{e.kind} {e.number}" for e in extra],
        "needs_approval": bal.needs_approval(over_short, limit),
    }  # fmt: skip
    details |= _cash_from_rows(drawer, figures.expected_cash)
    details |= approved
    session.flush()
    details |= sealed.digests(driver(session), "drawer_count", drawer_object(drawer.id), details)
    audit.record(session, user=user, station=ctx.station, event_type="drawer_count", object=drawer_object(drawer.id),
                 details=details, at=now)  # fmt: skip
    opening = CashCount(json.loads(drawer.opening_count or "{}"))
    return CountResult(
        count_id=row.id, drawer_id=drawer.id, attempt=attempt, counted_by=counted_by, role=role,
        lines=tuple(TenderBalance(t.kind, t.expected, t.counted, t.over_short) for t in lines),
        over_short=over_short, missing=missing, extra=extra, limit=limit,
        needs_approval=bal.needs_approval(over_short, limit),
        suggested_float=bal.suggested_float(opening, count.pieces), approved_by=approved_by,
    )  # fmt: skip


def record_count(ctx: ServiceContext, operator: Operator, count: CountInput, *,
                 approval_id: int | None = None) -> CountResult:  # fmt: skip
    """The cashier's count of their open drawer: every attempt (recounts too) is kept and audited.

    The count is blind: nothing about the expected amount is given out before this returns.
    `approval_id`, when given, is an OverrideAction.VARIANCE approval for `drawer N` used up
    with this count; close_drawer then accepts the count's variance without another one.
    """
    operator.require(Permission.TAKE_PAYMENTS, translate("balancing", "count a drawer"))
    _check_input(count)
    with ctx.db.unit_of_work(write=False) as uow:
        drawer_id = require_open_drawer(uow.session, ctx, operator).id
    with _work(ctx, approval_id, action=OverrideAction.VARIANCE, requested_by=operator.user_id,
               object=drawer_object(drawer_id)) as (uow, granted):  # fmt: skip
        drawer = require_open_drawer(uow.session, ctx, operator)
        closed_by_office_refusal(uow.session, drawer)
        result = _count(uow.session, ctx, drawer, count, counted_by=operator.user_id, role="cashier",
                        user=operator.user_id, approved_by=granted.approved_by if granted else "",
                        approval=granted.id if granted else None)  # fmt: skip
        uow.commit()
        return result


def record_second_count(ctx: ServiceContext, operator: Operator, count: CountInput, *, approval_id: int) -> CountResult:
    """A supervisor's count of the cashier's (`operator`'s) open drawer, beside the cashier's.

    `approval_id` is an OverrideAction.SECOND_COUNT approval for `drawer N`; the supervisor who
    gave it is the one who counted (counted_by, role "supervisor").
    """
    from cashdesk.store import users as user_store

    operator.require(Permission.TAKE_PAYMENTS, translate("balancing", "have a drawer counted"))
    _check_input(count)
    with ctx.db.unit_of_work(write=False) as uow:
        drawer_id = require_open_drawer(uow.session, ctx, operator).id
    with _work(ctx, approval_id, required=True, action=OverrideAction.SECOND_COUNT, requested_by=operator.user_id,
               object=drawer_object(drawer_id)) as (uow, granted):  # fmt: skip
        supervisor = user_store.find_user(uow.session, granted.approved_by)
        if supervisor is None or not can(Role(supervisor.role), Permission.SECOND_COUNT):
            raise BalancingRefused(
                translate("balancing", "{approved_by} may not make a second count. A supervisor must.").format(
                    approved_by=granted.approved_by
                )
            )
        drawer = require_open_drawer(uow.session, ctx, operator)
        result = _count(uow.session, ctx, drawer, count, counted_by=granted.approved_by, role="supervisor",
                        user=granted.approved_by)  # fmt: skip
        uow.commit()
        return result


# -- closing ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DrawerClosed:
    drawer_id: int
    over_short: Money
    float_kept: Money
    deposit_cash: Money
    print_job_ids: tuple[int, ...]
    pdf: Path | None
    report: ShiftReport
    pdf_problem: str = ""  # why the PDF copy was not saved, for the window ("" when saved)


def _latest_cashier_count(session: Session, drawer_id: int) -> DrawerCountRow | None:
    return session.scalars(select(DrawerCountRow).where(DrawerCountRow.drawer_id == drawer_id,
                                                        DrawerCountRow.role == "cashier")
                           .order_by(DrawerCountRow.attempt.desc()).limit(1)).first()  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Plan:
    drawer_id: int
    needs_approval: bool
    approved_with_count: str


def _plan(session: Session, ctx: ServiceContext, operator: Operator, count_id: int, float_kept: CashCount,
          reason: str, second_count_id: int | None, *, final: bool = True) -> _Plan:  # fmt: skip
    drawer = require_open_drawer(session, ctx, operator)
    count = session.get(DrawerCountRow, count_id) if type(count_id) is int else None
    if count is None or count.drawer_id != drawer.id or count.role != "cashier":
        raise BalancingRefused(
            translate("balancing", "That count is not a count of your open drawer. Count the drawer first.")
        )
    latest = _latest_cashier_count(session, drawer.id)
    if latest is None or latest.id != count.id:
        raise BalancingRefused(
            translate("balancing", "The drawer was counted again since: finish with the latest count.")
        )
    counted_at = json.loads(count.items or "{}").get("activity")
    if final and counted_at is not None and counted_at != _activity(session, drawer.id):
        raise BalancingRefused(
            translate(
                "balancing",
                "Money moved in this drawer after the count (a payment, void, drop or paid-out): count "
                "the drawer again (Recount) before closing it.",
            )
        )
    if second_count_id is not None:
        second = session.get(DrawerCountRow, second_count_id) if type(second_count_id) is int else None
        if second is None or second.drawer_id != drawer.id or second.role != "supervisor":
            raise BalancingRefused(
                translate("balancing", "That second count is not a supervisor's count of this drawer.")
            )
    try:
        bal.deposit_pieces(CashCount(json.loads(count.pieces)), float_kept)
    except CountError as exc:
        raise BalancingRefused(str(exc)) from None
    needs = bal.needs_approval(Money(count.over_short_cents), _limit(ctx))
    approved = str(json.loads(count.items or "{}").get("approved_by", ""))
    if needs and not reason:
        said = over_short_text(Money(count.over_short_cents)).lower()
        raise BalancingRefused(
            translate(
                "balancing",
                "The drawer is {said}, beyond the limit of {limit}: give the reason and ask a supervisor to approve.",
            ).format(said=said, limit=_limit(ctx).display())
        )
    return _Plan(drawer.id, needs, approved if needs else "")


def _activity(session: Session, drawer_id: int) -> list[int]:
    """What has happened in the drawer so far, cheaply: the last receipt, the number of voids, the
    last drop and paid-out. A count stands only while this stays the same."""
    row = session.execute(text(
        "SELECT coalesce((SELECT max(id) FROM receipts WHERE drawer_id = :d), 0), "
        "(SELECT count(*) FROM receipts WHERE drawer_id = :d AND status = 'void'), "
        "coalesce((SELECT max(id) FROM cash_drops WHERE drawer_id = :d), 0), "
        "coalesce((SELECT max(id) FROM paid_outs WHERE drawer_id = :d), 0)"), {"d": drawer_id}).one()  # fmt: skip
    return [int(v) for v in row]


def _close_reason(text: str) -> str:
    reason = text.strip()
    if len(reason) > 200:
        raise BalancingRefused(translate("balancing", "Keep the reason under 200 characters."))
    if contains_card_number(reason):
        raise BalancingRefused(translate("balancing", "Never type a card number. Give the reason in words."))
    return reason


def _audit_close(s: Session, ctx: ServiceContext, operator: Operator, now: dt.datetime, close: DrawerCloseRow,
                 attempt: int, granted: ApprovalRow | None) -> None:  # fmt: skip
    details: dict[str, Any] = {
        "drawer": close.drawer_id, "count": close.count_id, "attempt": attempt,
        "over_short_cents": close.over_short_cents, "float_kept_cents": close.float_kept_cents,
        "deposit_cash_cents": close.deposit_cash_cents, "business_date": f"{close.business_date:%Y-%m-%d}",
    }  # fmt: skip
    if close.second_count_id is not None:
        details["second_count"] = close.second_count_id
    if close.reason:
        details["reason"] = close.reason
    if close.approved_by:
        details["approved_by"] = close.approved_by
    if granted is not None:
        details["approval"] = granted.id
    details |= sealed.digests(driver(s), "drawer_close", drawer_object(close.drawer_id), details)
    audit.record(s, user=operator.user_id, station=ctx.station, event_type="drawer_close",
                 object=drawer_object(close.drawer_id), details=details, at=now)  # fmt: skip


def close_drawer(ctx: ServiceContext, operator: Operator, *, count_id: int, float_kept: CashCount, reason: str = "",
                 approval_id: int | None = None, second_count_id: int | None = None) -> DrawerClosed:  # fmt: skip
    """Close this cashier's open drawer on its latest count: no more payments after this.

    A variance beyond `balancing.variance_limit_cents` needs a reason and an
    OverrideAction.VARIANCE approval for `drawer N` (given here, or with the count). The float
    kept must be among the counted pieces; the rest is the deposit. The Z report is queued on
    the printer, and a PDF copy saved in the reports folder; a failure to save the PDF does not
    undo the close (`pdf` is None and `pdf_problem` says why; z_report_pdf makes it again).
    An approval given when none is needed is left unused.
    """
    operator.require(Permission.TAKE_PAYMENTS, translate("balancing", "close a drawer"))
    reason = _close_reason(reason)
    if not isinstance(float_kept, CashCount):
        raise BalancingRefused(translate("balancing", "Count the float to keep by denomination."))
    with ctx.db.unit_of_work(write=False) as uow:
        # A first look, to know whether to ask for the approval; the close itself checks it all again.
        plan = _plan(uow.session, ctx, operator, count_id, float_kept, reason, second_count_id, final=False)
    required = plan.needs_approval and not plan.approved_with_count
    now = ctx.now()
    with _work(ctx, approval_id if required else None, required=required, action=OverrideAction.VARIANCE,
               requested_by=operator.user_id, object=drawer_object(plan.drawer_id)) as (uow, granted):  # fmt: skip
        s = uow.session
        again = _plan(s, ctx, operator, count_id, float_kept, reason, second_count_id)  # nothing moved meanwhile
        drawer = s.get(DrawerRow, again.drawer_id)
        count = s.get(DrawerCountRow, count_id)
        assert drawer is not None and count is not None
        counted_pieces = CashCount(json.loads(count.pieces))
        deposit = bal.deposit_pieces(counted_pieces, float_kept)
        closed_by_office_refusal(s, drawer, over_short_cents=count.over_short_cents, deposit_cents=deposit.total.cents)
        approved_by = granted.approved_by if granted is not None else plan.approved_with_count
        close = DrawerCloseRow(
            drawer_id=drawer.id, count_id=count.id, second_count_id=second_count_id,
            closed_at=now.replace(tzinfo=None), closed_by=operator.user_id, business_date=drawer.business_date,
            expected=count.expected, counted=count.counted, over_short_cents=count.over_short_cents,
            float_kept=pieces_json(float_kept), float_kept_cents=float_kept.total.cents,
            deposit_pieces=pieces_json(deposit), deposit_cash_cents=deposit.total.cents,
            card_settlement_cents=count.card_settlement_cents or 0, reason=reason, approved_by=approved_by,
        )  # fmt: skip
        s.add(close)
        drawer.status = "closed"
        drawer.closed_at = now.replace(tzinfo=None)
        s.flush()
        _audit_close(s, ctx, operator, now, close, count.attempt, granted)
        # After the close's event: the Z report prints it as its anchor.
        report, doc = z_report_slip(s, ctx, drawer, close)
        job = queue_slip(s, ctx, "z_report", doc)
        uow.commit()
        result = {"drawer_id": drawer.id, "over_short": Money(count.over_short_cents), "float_kept": float_kept.total,
                  "deposit_cash": deposit.total, "print_job_ids": (job,), "report": report}  # fmt: skip
    anchors.keep_beside(ctx)
    try:
        return DrawerClosed(**result, pdf=save_z_pdf(ctx, operator, result["drawer_id"], None, report=report))
    except (ServiceError, OSError) as exc:
        log.warning("drawer %s closed; the Z report PDF was not saved: %s", result["drawer_id"], exc)
        return DrawerClosed(**result, pdf=None, pdf_problem=str(exc))
