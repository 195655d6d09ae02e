"""A closed drawer's Z report: the slip printed at the close (counts by tender, over/short, the
float kept and the deposit, every count attempt, the audit anchor) and its PDF copy in the reports
folder, made again on request with the same bytes."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cashdesk.devices.slips import BLANK, RULE, SlipLine
from cashdesk.domain import balancing as bal
from cashdesk.domain.balancing import over_short_words
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import Permission
from cashdesk.domain.tenders import TenderKind
from cashdesk.services import anchors, audit
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.drawer_items import BalancingRefused, drawer_items
from cashdesk.services.printing import _local
from cashdesk.services.shift import (
    ShiftReport,
    drawer_object,
    shift_report,
)
from cashdesk.store.models import DrawerCloseRow, DrawerCountRow, DrawerRow
from cashdesk.words import translate

log = logging.getLogger(__name__)

#: Over/short as every screen and slip says it ("Short $10.00"): one rule, in domain/balancing.py.
over_short_text = over_short_words


def _kind_label(kind: str) -> str:
    return TenderKind(kind).label


def _pieces_lines(pieces: CashCount) -> list[SlipLine]:
    return [SlipLine(f"  {n} x {d.label}", amount.display()) for d, n, amount in pieces.lines()]


def z_report_slip(
    session: Session, ctx: ServiceContext, drawer: DrawerRow, close: DrawerCloseRow
) -> tuple[ShiftReport, Any]:
    """The Z report of a closed drawer, from its close and count rows (the same every time)."""
    count = session.get(DrawerCountRow, close.count_id)
    assert count is not None
    expected, counted = json.loads(close.expected), json.loads(close.counted)
    lines: list[SlipLine] = [RULE, SlipLine("COUNT", bold=True), SlipLine("Counted by", count.counted_by),
                             SlipLine("Attempt", str(count.attempt)),
                             SlipLine("Closed", _local(ctx, close.closed_at))]  # fmt: skip
    for kind in bal.TENDER_KINDS:
        e, c = Money(int(expected.get(kind, 0))), Money(int(counted.get(kind, 0)))
        lines += [SlipLine(_kind_label(kind), bold=True), SlipLine("  Expected", e.display()),
                  SlipLine("  Counted", c.display()), SlipLine("  Over/short", over_short_text(c - e))]  # fmt: skip
    lines.append(SlipLine("OVER/SHORT", over_short_text(Money(close.over_short_cents)), bold=True))
    if close.reason:
        lines.append(SlipLine(f"Reason: {close.reason}"))
    if close.approved_by:
        lines.append(SlipLine("Variance approved by", close.approved_by))
    items = json.loads(count.items or "{}")
    missing = set(items.get("missing", []))
    for item in drawer_items(session, drawer.id) if missing else ():  # a big drawer's list is read only when needed
        if item.tender_id in missing:
            lines.append(SlipLine(f"MISSING {_kind_label(item.kind)} #{item.number}", item.amount.display()))
    for extra in items.get("extra", []):
        lines.append(SlipLine(f"EXTRA {_kind_label(extra['kind'])} #{extra['number']}",
                              Money(int(extra["amount_cents"])).display()))  # fmt: skip
    lines += [RULE, SlipLine("Float kept", Money(close.float_kept_cents).display(), bold=True),
              *_pieces_lines(CashCount(json.loads(close.float_kept))),
              SlipLine("Deposit cash", Money(close.deposit_cash_cents).display(), bold=True),
              *_pieces_lines(CashCount(json.loads(close.deposit_pieces)))]  # fmt: skip
    if close.second_count_id is not None:
        second = session.get(DrawerCountRow, close.second_count_id)
        assert second is not None
        lines += [RULE, SlipLine("SECOND COUNT", bold=True), SlipLine("Counted by", second.counted_by),
                  SlipLine("Cash counted", Money(second.cash_cents).display()),
                  SlipLine("Over/short", over_short_text(Money(second.over_short_cents)))]  # fmt: skip
    lines += [RULE, SlipLine("COUNT ATTEMPTS", bold=True)]
    for attempt in session.scalars(select(DrawerCountRow).where(DrawerCountRow.drawer_id == drawer.id)
                                   .order_by(DrawerCountRow.attempt)):  # fmt: skip
        lines.append(SlipLine(f"#{attempt.attempt} {attempt.role} {attempt.counted_by}",
                              over_short_text(Money(attempt.over_short_cents))))  # fmt: skip
    anchor = anchors.drawer_anchor(session, drawer.id)
    if anchor is not None:  # the audit trail's head at the close: `cashdesk audit verify --anchor` checks it
        lines += [RULE, SlipLine("Audit anchor", anchor.printed, bold=True)]
    lines += [BLANK, SlipLine("Cashier", signature=True), SlipLine("Supervisor", signature=True)]
    return shift_report(session, ctx, drawer, title="Z REPORT", printed_at=close.closed_at, closing=tuple(lines))


def reports_folder(ctx: ServiceContext) -> Path:
    """`reports.folder`, or a `reports` folder beside the database (the user data folder otherwise)."""
    configured = ctx.settings.reports.folder.strip()
    if configured:
        return Path(configured).expanduser()
    path = ctx.db.path
    if path is not None:
        return path.parent / "reports"
    from platformdirs import user_data_path

    return user_data_path("cashdesk", appauthor=False) / "reports"


def save_report(where: Path, name: str, data: bytes) -> Path:
    """Write a report into `where` whole or not at all: a crash leaves the old file or a stray
    .part file, never half a PDF under the report's name. OSError when it cannot be written."""
    target = where / name
    where.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    partial.replace(target)
    return target


def z_report_name(station: str, drawer_id: int) -> str:
    return f"z-report-{station}-{drawer_id}.pdf"


def save_z_pdf(ctx: ServiceContext, operator: Operator, drawer_id: int, folder: Path | None, *,
                report: ShiftReport | None = None) -> Path:  # fmt: skip
    """`report`: the Z report close_drawer has just made from the same rows (not read again)."""
    from cashdesk.documents.receipt_pdf import receipt_pdf

    with ctx.db.unit_of_work() as uow:
        s = uow.session
        drawer = s.get(DrawerRow, drawer_id) if type(drawer_id) is int else None
        if drawer is None:
            raise BalancingRefused(translate("z_report", "There is no drawer {drawer_id}.").format(drawer_id=drawer_id))
        if drawer.cashier != operator.user_id and not operator.can(Permission.CLOSE_DAY):
            raise BalancingRefused(
                translate(
                    "z_report", "Drawer {drawer_id} is {cashier}'s: only a supervisor may copy its Z report."
                ).format(drawer_id=drawer_id, cashier=drawer.cashier)
            )
        close = s.get(DrawerCloseRow, drawer.id)
        if drawer.status != "closed" or close is None:
            raise BalancingRefused(
                translate("z_report", "Drawer {drawer_id} is still open: its Z report comes when it is closed.").format(
                    drawer_id=drawer_id
                )
            )
        if report is None or report.drawer_id != drawer.id:
            report, _ = z_report_slip(s, ctx, drawer, close)
        data = receipt_pdf(report.lines, title=f"Z report {drawer.station} drawer {drawer.id}")
        where = folder if folder is not None else reports_folder(ctx)
        try:
            target = save_report(where, z_report_name(drawer.station, drawer.id), data)
        except OSError as exc:
            raise BalancingRefused(
                translate("z_report", "Could not save the Z report PDF in {where}: {strerror}.").format(
                    where=where, strerror=exc.strerror or exc
                )
            ) from None
        audit.record(s, user=operator.user_id, station=ctx.station, event_type="z_report_pdf",
                     object=drawer_object(drawer.id), details={"file": target.name, "folder": str(where)},
                     at=ctx.now())  # fmt: skip
        uow.commit()
        return target


def z_report_pdf(ctx: ServiceContext, operator: Operator, drawer_id: int, folder: Path | None = None) -> Path:
    """Save (again) the PDF copy of a closed drawer's Z report, as z-report-<station>-<drawer id>.pdf
    in `folder` or the reports folder. The same drawer gives the same bytes."""
    operator.require(Permission.TAKE_PAYMENTS, translate("z_report", "copy a Z report"))
    return save_z_pdf(ctx, operator, drawer_id, folder)
