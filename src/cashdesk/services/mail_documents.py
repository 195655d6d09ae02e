"""Mail receipts and proof lists, only on request: a posted remittance's receipt queued for the
printer or saved as a PDF, and a batch's proof list against the tape."""

from __future__ import annotations

from pathlib import Path

from cashdesk.domain.security import Permission
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.mail_views import MailRefused, batch_row, read_view
from cashdesk.store import posting as rows
from cashdesk.store import print_jobs
from cashdesk.store.models import MailItemRow, ReceiptRow
from cashdesk.words import translate


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as exc:
        raise MailRefused(
            translate("mail_documents", "Could not save the PDF in {parent}: {strerror}.").format(
                parent=path.parent, strerror=exc.strerror or exc
            )
        ) from None


def mail_receipt(ctx: ServiceContext, operator: Operator, item_id: int, *, folder: Path | None = None,
                 print_it: bool = False) -> Path | None:  # fmt: skip
    """The receipt of a posted remittance, on request: queued for the printer and/or saved as a PDF
    in `folder` (the PDF's path is returned)."""
    from cashdesk.devices.receipt import render_escpos, render_text
    from cashdesk.documents.receipt_pdf import receipt_pdf
    from cashdesk.services.printing import receipt_doc

    operator.require(Permission.TAKE_PAYMENTS, translate("mail_documents", "print mail receipts"))
    if folder is None and not print_it:
        raise MailRefused(translate("mail_documents", "Choose to print the receipt or to save it as a PDF."))
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        item = s.get(MailItemRow, item_id) if type(item_id) is int else None
        if item is None:
            raise MailRefused(translate("mail_documents", "There is no such mail remittance."))
        if item.receipt_id is None:
            raise MailRefused(
                translate(
                    "mail_documents", "Item {seq} is not posted yet: its receipt exists once the batch posts."
                ).format(seq=item.seq)
            )
        receipt = s.get(ReceiptRow, item.receipt_id)
        assert receipt is not None
        doc = receipt_doc(s, ctx, receipt, void=receipt.status == "void")
        target: Path | None = None
        if folder is not None:
            data = receipt_pdf(render_text(doc, width_chars=ctx.settings.printer.width), title=receipt.number)
            target = Path(folder) / f"receipt-{receipt.number}.pdf"
            _write(target, data)
        job = None
        if print_it:
            payload = render_escpos(doc, profile=ctx.settings.printer.profile,
                                    width_chars=ctx.settings.printer.width)  # fmt: skip
            job = print_jobs.add(rows.driver(s), ctx.station, "receipt", receipt.id, payload,
                                 now.replace(tzinfo=None))  # fmt: skip
        details: dict[str, object] = {"printed": job is not None}
        if target is not None:
            details["file"] = target.name
        audit.record(s, user=operator.user_id, station=ctx.station, event_type="mail_receipt", object=receipt.number,
                     details=details, at=now)  # fmt: skip
        uow.commit()
    return target


def proof_list_pdf(ctx: ServiceContext, operator: Operator, batch_id: int, folder: Path) -> Path:
    """The batch's proof list (every item, the count and total against the tape) as a PDF in `folder`."""
    from cashdesk.documents.proof_list import ProofItem, ProofList, render_proof_list

    operator.require(Permission.TAKE_PAYMENTS, translate("mail_documents", "print mail proof lists"))
    with ctx.db.unit_of_work(write=False) as uow:
        view = read_view(uow.session, batch_row(uow.session, batch_id))
    data = render_proof_list(ProofList(
        number=view.number, business_date=view.business_date, owner=view.owner, status=view.status,
        source=view.source_file or view.source, control_count=view.control_count, control_total=view.control_total,
        count=view.count, total=view.total, differences=view.differences(),
        city=f"{ctx.settings.city.name}, {ctx.settings.city.department}",
        items=tuple(ProofItem(i.seq, i.account, i.account_name, i.tender, i.check_number, i.payer, i.amount,
                              i.problem or ("reversed" if i.status == "reversed" else ""), i.receipt_number)
                    for i in view.items),
    ))  # fmt: skip
    target = Path(folder) / f"proof-list-{view.number}.pdf"
    _write(target, data)
    return target
