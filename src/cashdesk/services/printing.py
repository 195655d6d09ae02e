"""The print queue: receipts, slips and drawer kicks stored with the payment, delivered later.

Jobs are written in the same transaction as the payment they belong to (a counter receipt as
its document, rendered here just before it goes out: services/receipt_jobs.py); a worker delivers
them with short timeouts and marks each printed only after the printer took it. A printer
that is off, out of paper or silent leaves jobs queued: the payment is already safe.
A job is marked "printing" in its own committed transaction just before its bytes go out;
one found "printing" later was cut off by a crash: it is not sent again by itself, a person
checks the printer and retries or dismisses it (docs/printers.md).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import os
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from cashdesk.config import Settings
from cashdesk.devices.delivery import deliver
from cashdesk.devices.drawer import drawer_kick
from cashdesk.devices.printers import Printer
from cashdesk.devices.spec import open_printer
from cashdesk.devices.status import PrinterStatus
from cashdesk.domain.security import OverrideAction, Permission
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext, ServiceError

# Where the other services have long found them (the receipts as printed moved to receipt_jobs).
from cashdesk.services.receipt_jobs import _add_job as _add_job
from cashdesk.services.receipt_jobs import _letterhead as _letterhead
from cashdesk.services.receipt_jobs import _local as _local
from cashdesk.services.receipt_jobs import _render, render_stored
from cashdesk.services.receipt_jobs import queue_void_slip as queue_void_slip
from cashdesk.services.receipt_jobs import receipt_doc as receipt_doc
from cashdesk.store import supplies as supplies_store
from cashdesk.store.db import UnitOfWork
from cashdesk.store.models import AuditEventRow, PrintJobRow, ReceiptRow
from cashdesk.words import translate

log = logging.getLogger(__name__)

#: Jobs that carry a receipt (the banner counts these as receipts; the rest are slips and kicks).
RECEIPT_KINDS = ("receipt", "reprint", "void_slip")


def printer_spec(ctx: ServiceContext) -> str:
    return _spec(ctx.settings)


def _spec(settings: Settings) -> str:
    return os.environ.get("CASHDESK_PRINTER") or settings.printer.spec


def station_printer(ctx: ServiceContext) -> Printer:
    return _printer(ctx.settings)


def _printer(settings: Settings) -> Printer:
    from cashdesk.documents.receipt_pdf import receipt_pdf

    return open_printer(_spec(settings), settings.printer.profile, pdf_writer=receipt_pdf)


# -- reprints (receipts as printed: services/receipt_jobs.py) ----------------------------------------


class ReprintRefused(ServiceError):
    pass


def _receipt_numbered(session: Session, number: str) -> ReceiptRow:
    """The receipt of that number, as the cashier typed it; refused in words when there is none."""
    receipt = session.scalars(select(ReceiptRow).where(ReceiptRow.number == number.strip().upper())).one_or_none()
    if receipt is None:
        raise ReprintRefused(translate("printing", "There is no receipt {number}.").format(number=number.strip()))
    return receipt


def last_receipt_number(ctx: ServiceContext, operator: Operator) -> str | None:
    """The receipt this cashier posted last at this station (for Ctrl+P after a restart or sign-in)."""
    operator.require(Permission.TAKE_PAYMENTS, translate("printing", "reprint receipts"))
    with ctx.db.unit_of_work(write=False) as uow:
        return uow.session.scalar(
            select(ReceiptRow.number).where(ReceiptRow.station == ctx.station, ReceiptRow.cashier == operator.user_id)
            .order_by(ReceiptRow.id.desc()).limit(1)
        )  # fmt: skip


def reprint_receipt(
    ctx: ServiceContext, operator: Operator, number: str, *, approval_id: int | None = None
) -> tuple[int, ...]:
    """Queue a copy marked REPRINT. The first reprint is free; later ones need a supervisor."""
    operator.require(Permission.TAKE_PAYMENTS, translate("printing", "reprint receipts"))
    with ctx.db.unit_of_work() as uow:
        receipt = _receipt_numbered(uow.session, number)
        receipt_id, receipt_number, needs_approval = receipt.id, receipt.number, receipt.reprints >= 1
    if needs_approval:
        from cashdesk.services.overrides import require_approval

        with require_approval(ctx, approval_id, action=OverrideAction.REPRINT, requested_by=operator.user_id,
                              object=receipt_number) as (uow, approval):  # fmt: skip
            return _reprint(uow, ctx, operator, receipt_id, approval.approved_by)
    with ctx.db.unit_of_work() as uow:
        return _reprint(uow, ctx, operator, receipt_id, "")


def _reprint(
    uow: UnitOfWork, ctx: ServiceContext, operator: Operator, receipt_id: int, approved_by: str
) -> tuple[int, ...]:
    s = uow.session
    receipt = s.get(ReceiptRow, receipt_id)
    assert receipt is not None  # nothing is deleted
    if receipt.reprints >= 1 and not approved_by:  # another station reprinted it meanwhile
        raise ReprintRefused(
            translate("printing", "This receipt was reprinted already: a further copy needs a supervisor's approval.")
        )
    receipt.reprints += 1
    void = receipt.status == "void"
    doc = receipt_doc(s, ctx, receipt, reprint=True, void=void,
                      approved_by=_void_approver(s, receipt.number) if void else "")  # fmt: skip
    ids = (_add_job(s, ctx, "reprint", _render(ctx, doc), receipt.id),)
    details: dict[str, object] = {"copy": receipt.reprints}
    if approved_by:
        details["approved_by"] = approved_by
    audit.record(s, user=operator.user_id, station=ctx.station, event_type="reprint", object=receipt.number,
                 details=details, at=ctx.now())  # fmt: skip
    uow.commit()
    return ids


def _void_approver(session: Session, number: str) -> str:
    """Who approved the void of receipt `number`, as its audit event says (a reprint of the slip names them)."""
    details = session.scalar(select(AuditEventRow.details).where(
        AuditEventRow.event_type == "void", AuditEventRow.object == number, AuditEventRow.success.is_(True))
        .order_by(AuditEventRow.seq.desc()).limit(1))  # fmt: skip
    return str(json.loads(details).get("approved_by", "")) if details else ""


# -- the worker's side ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QueueState:
    waiting: int  # jobs not yet printed at this station
    receipts_waiting: int
    uncertain: int = 0  # jobs cut off by a crash while they were being sent: a person decides
    receipts_uncertain: int = 0


@dataclass(frozen=True, slots=True)
class DeliveryRound:
    delivered: int
    waiting: int
    problem: str  # why delivery stopped, for the banner; "" when everything went out
    status: PrinterStatus | None


def queue_state(ctx: ServiceContext) -> QueueState:
    with ctx.db.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT status, kind, count(*) FROM print_jobs WHERE station = ? AND status IN ('queued', 'printing') "
            "GROUP BY status, kind"
            if conn.dialect.name == "sqlite" else
            "SELECT status, kind, count(*) FROM print_jobs WHERE station = %s AND status IN ('queued', 'printing') "
            "GROUP BY status, kind",
            (ctx.station,),
        ).all()  # fmt: skip
    queued = {kind: int(n) for status, kind, n in rows if status == "queued"}
    printing = {kind: int(n) for status, kind, n in rows if status == "printing" and kind != "drawer_kick"}
    return QueueState(sum(queued.values()), sum(queued.get(k, 0) for k in RECEIPT_KINDS),
                      sum(printing.values()), sum(printing.get(k, 0) for k in RECEIPT_KINDS))  # fmt: skip


def _settle_interrupted_kicks(ctx: ServiceContext) -> None:
    """A drawer kick cut off by a crash is never sent again: the drawer may have opened already,
    and a drawer that springs open later, in front of the next customer, is worse than a key."""
    with ctx.db.unit_of_work() as uow:
        # An UPDATE's result is a CursorResult (it has rowcount); Session.execute is typed as any Result.
        done = cast(CursorResult[Any], uow.session.execute(
            update(PrintJobRow)
            .where(PrintJobRow.station == ctx.station, PrintJobRow.status == "printing",
                   PrintJobRow.kind == "drawer_kick")
            .values(status="failed",
                    last_error="Interrupted while sent; not sent again (open the drawer with the key).")
        )).rowcount  # fmt: skip
        uow.commit()
    if done:
        log.warning("%d drawer kick(s) interrupted by a stop; not sent again", done)


def deliver_queued(ctx: ServiceContext, printer: Printer, *, limit: int = 20) -> DeliveryRound:
    """Send this station's queued jobs in order; stop at the first the printer cannot take.

    Once the printer says it is ready, the job is marked "printing" and committed; then its
    bytes go out; then it is marked printed (or queued again, with the reason, when the printer
    did not take it), each in its own transaction. A stop between the two leaves the job
    "printing": it is not sent again by itself (see `retry_uncertain`, `dismiss_uncertain`);
    so does a job that went out whole with no answer from the printer after it.
    One worker delivers for a station at a time (the window runs one round after another).
    """
    _settle_interrupted_kicks(ctx)
    delivered = 0
    problem = ""
    status: PrinterStatus | None = None
    for _ in range(limit):
        job = _next_job(ctx)
        if job is None:
            break
        job_id, stored, stale = job
        if stale:
            _expire_kick(ctx, job_id)
            continue
        try:
            payload = render_stored(ctx, stored)  # a counter receipt is queued as its document
        except ValueError as exc:
            _fail_unprintable(ctx, job_id, str(exc))
            problem = translate(
                "printing", "A receipt could not be printed ({why}): the payment is saved; reprint it (Ctrl+P)."
            ).format(why=exc)
            continue
        # The bytes about to go out are stored with the mark when they were rendered just now,
        # so the job holds what the printer got.
        mark_printing = functools.partial(_mark_printing, ctx, job_id, payload if payload != stored else None)
        result = deliver(payload, printer, before_send=mark_printing)
        status = result.status or status
        with ctx.db.unit_of_work() as uow:
            row = uow.session.get(PrintJobRow, job_id)
            assert row is not None
            row.attempts += 1
            if result.delivered:
                row.status = "printed"
                row.printed_at = ctx.now().replace(tzinfo=None)
                row.last_error = ""
                if lines := payload.count(b"\n"):  # the paper it took (services/supplies.paper_state)
                    supplies_store.paper_printed(uow.rows, ctx.station, lines)
            elif result.uncertain:
                # The whole job went out and no answer came: it stays "printing", for a person.
                row.last_error = result.reason[:200]
            else:
                # The printer refused or broke off in front of us: not an interruption, the job waits.
                row.status = "queued"
                row.last_error = result.reason[:200]
            uow.commit()
        if not result.delivered:
            problem = result.reason or translate("printing", "The printer did not take the job.")
            break
        delivered += 1
    return DeliveryRound(delivered, queue_state(ctx).waiting, problem, status)


def _next_job(ctx: ServiceContext) -> tuple[int, bytes, bool] | None:
    """This station's next queued job: (id, payload as stored, whether it is a stale drawer kick)."""
    with ctx.db.unit_of_work(write=False) as uow:
        job = uow.session.scalars(
            select(PrintJobRow).where(PrintJobRow.station == ctx.station, PrintJobRow.status == "queued")
            .order_by(PrintJobRow.id).limit(1)
        ).first()  # fmt: skip
        if job is None:
            return None
        return job.id, bytes(job.payload), job.kind == "drawer_kick" and _kick_is_stale(ctx, job.created_at)


def _mark_printing(ctx: ServiceContext, job_id: int, rendered: bytes | None) -> None:
    values: dict[str, object] = {"status": "printing"}
    if rendered is not None:
        values["payload"] = rendered
    with ctx.db.unit_of_work() as uow:
        uow.session.execute(update(PrintJobRow).where(PrintJobRow.id == job_id).values(values))
        uow.commit()


def _fail_unprintable(ctx: ServiceContext, job_id: int, reason: str) -> None:
    """A receipt that cannot be rendered with this station's printer settings is set aside (the
    payment is saved; a reprint after the settings are fixed prints it), not retried forever."""
    log.warning("print job %d cannot be rendered: %s", job_id, reason)
    with ctx.db.unit_of_work() as uow:
        uow.session.execute(update(PrintJobRow).where(PrintJobRow.id == job_id)
                            .values(status="failed", last_error=f"Could not be printed: {reason}"[:200]))  # fmt: skip
        uow.commit()


def _kick_is_stale(ctx: ServiceContext, created_at: dt.datetime | None) -> bool:
    """A drawer kick that waited behind a down printer longer than `drawer.kick_expiry_seconds`
    would spring the drawer open later, in front of someone else: it is not sent."""
    limit = ctx.settings.drawer.kick_expiry_seconds
    if not limit or created_at is None:
        return False
    return (ctx.now().replace(tzinfo=None) - created_at).total_seconds() > limit


def _expire_kick(ctx: ServiceContext, job_id: int) -> None:
    with ctx.db.unit_of_work() as uow:
        row = uow.session.get(PrintJobRow, job_id)
        assert row is not None
        row.status = "failed"
        row.last_error = "Not sent: it waited too long behind the printer (the cashier opens the drawer with the key)."
        receipt = uow.session.get(ReceiptRow, row.receipt_id) if row.receipt_id is not None else None
        audit.record(uow.session, user="system", station=ctx.station, event_type="drawer_kick_expired",
                     object=receipt.number if receipt is not None else f"job {job_id}",
                     details={"job": job_id, "seconds": ctx.settings.drawer.kick_expiry_seconds},
                     at=ctx.now())  # fmt: skip
        uow.commit()


def _uncertain_jobs(session: Session, ctx: ServiceContext) -> list[PrintJobRow]:
    return list(session.scalars(
        select(PrintJobRow).where(PrintJobRow.station == ctx.station, PrintJobRow.status == "printing",
                                  PrintJobRow.kind != "drawer_kick").order_by(PrintJobRow.id)
    ))  # fmt: skip


def _job_names(session: Session, jobs: list[PrintJobRow]) -> list[str]:
    names = []
    for job in jobs:
        receipt = session.get(ReceiptRow, job.receipt_id) if job.receipt_id is not None else None
        names.append(f"{job.kind} {receipt.number}" if receipt is not None else f"{job.kind} job {job.id}")
    return names


def retry_uncertain(ctx: ServiceContext, operator: Operator, *, job_ids: Collection[int] | None = None) -> int:
    """The cashier looked at the printer and the receipt is not there: send the same job again.

    The receipt is the same receipt (same bytes, no REPRINT banner); the payment is not touched.
    All of this station's uncertain jobs, or those of `job_ids`. Returns how many go back in the queue.
    """
    return _settle_uncertain(ctx, operator, job_ids, retry=True)


def dismiss_uncertain(ctx: ServiceContext, operator: Operator, *, job_ids: Collection[int] | None = None) -> int:
    """The cashier found the receipt in the printer: mark the job printed without sending it again."""
    return _settle_uncertain(ctx, operator, job_ids, retry=False)


def _settle_uncertain(ctx: ServiceContext, operator: Operator, job_ids: Collection[int] | None, *, retry: bool) -> int:
    operator.require(Permission.TAKE_PAYMENTS, translate("printing", "look after the printer"))
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        jobs = [j for j in _uncertain_jobs(s, ctx) if job_ids is None or j.id in job_ids]
        if not jobs:
            return 0
        for job in jobs:
            if retry:
                job.status = "queued"
                job.last_error = "Sent again after an interruption."
            else:
                job.status = "printed"
                job.printed_at = now.replace(tzinfo=None)
                job.last_error = f"Interrupted; {operator.user_id} found it printed."[:200]
        audit.record(s, user=operator.user_id, station=ctx.station,
                     event_type="print_retry" if retry else "print_dismiss", object=f"station {ctx.station}",
                     details={"jobs": [j.id for j in jobs], "what": _job_names(s, jobs)}, at=now)  # fmt: skip
        uow.commit()
        return len(jobs)


# -- setting up a station ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PrinterCheck:
    spec: str
    description: str
    status: PrinterStatus
    delivered: bool = False
    problem: str = ""


def printer_status(settings: Settings) -> PrinterCheck:
    """What the configured printer reports (DLE EOT), without printing anything. Needs only the
    settings: a station whose database is not set up yet can check its printer."""
    spec = _spec(settings)
    printer = _open_or_refuse(settings, spec)
    try:
        return PrinterCheck(spec, printer.description, printer.status())
    finally:
        printer.close()


def printer_test(ctx: ServiceContext) -> PrinterCheck:
    """Print a sample receipt and open the drawer; no payment is recorded (the audit says so)."""
    from cashdesk.devices.receipt import sample_receipt

    spec = printer_spec(ctx)
    printer = _open_or_refuse(ctx.settings, spec)
    try:
        doc = sample_receipt(
            _letterhead(ctx), station=ctx.station, local_time=_local(ctx, ctx.now().replace(tzinfo=None))
        )
        result = deliver(_render(ctx, doc), printer)
        kick = deliver(drawer_kick(ctx.settings.drawer.pin), printer) if result.delivered else result
        with ctx.db.unit_of_work() as uow:
            audit.record(uow.session, user=_os_user(), station=ctx.station, event_type="printer_test",
                         object=spec, success=result.delivered and kick.delivered,
                         details={"drawer_opened": kick.delivered}, at=ctx.now())  # fmt: skip
            uow.commit()
        status = result.status or printer.status()
        return PrinterCheck(spec, printer.description, status, result.delivered and kick.delivered,
                            result.reason or kick.reason)  # fmt: skip
    finally:
        printer.close()


def _os_user() -> str:
    from cashdesk.services.context import command_line_operator

    return command_line_operator().user_id


def _open_or_refuse(settings: Settings, spec: str) -> Printer:
    try:
        return _printer(settings)
    except ValueError as exc:
        raise ServiceError(
            translate("printing", "The printer setting {spec!r} cannot be used: {exc}").format(spec=spec, exc=exc)
        ) from None


def receipt_pdf_copy(ctx: ServiceContext, operator: Operator, number: str, folder: Path) -> Path:
    """A PDF copy of a receipt (marked COPY-style as a reprint, or VOID), written to `folder`."""
    from cashdesk.devices.receipt import render_text
    from cashdesk.documents.receipt_pdf import receipt_pdf

    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("printing", "copy receipts"))
    with ctx.db.unit_of_work() as uow:
        receipt = _receipt_numbered(uow.session, number)
        doc = receipt_doc(uow.session, ctx, receipt, reprint=True, void=receipt.status == "void")
        data = receipt_pdf(render_text(doc, width_chars=ctx.settings.printer.width), title=receipt.number)
        target = folder / f"receipt-{receipt.number}.pdf"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".part")
            partial.write_bytes(data)
            partial.replace(target)
        except OSError as exc:
            raise ServiceError(
                translate("printing", "Could not save the PDF in {folder}: {strerror}.").format(
                    folder=folder, strerror=exc.strerror or exc
                )
            ) from None
        audit.record(uow.session, user=operator.user_id, station=ctx.station, event_type="receipt_pdf",
                     object=receipt.number, details={"file": target.name}, at=ctx.now())  # fmt: skip
        uow.commit()
    return target
