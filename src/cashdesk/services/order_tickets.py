"""The crew's work-order ticket: a PDF in a folder, or a slip on the station's receipt printer
(queued like every slip; the print worker delivers it)."""

from __future__ import annotations

from pathlib import Path

from cashdesk.devices.slips import BLANK, RULE, SlipDoc, SlipLine
from cashdesk.documents.work_order_ticket import ticket_pdf
from cashdesk.domain.service_orders import ticket_lines
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.files import write_atomically
from cashdesk.services.service_orders import get_order
from cashdesk.services.shift import queue_slip


def ticket_file(ctx: ServiceContext, operator: Operator, number: str, folder: Path) -> Path:
    """work-order-WO-2026-00017.pdf in `folder`, written whole."""
    order = get_order(ctx, operator, number)
    path = folder / f"work-order-{order.number}.pdf"
    write_atomically(path, ticket_pdf(ctx.settings.city.name, f"Work order {order.number}", ticket_lines(order)))
    with ctx.db.unit_of_work() as uow:
        audit.record_on(uow.rows, user=operator.user_id, station=ctx.station, event_type="work_order_ticket",
                        object=order.number, details={"file": str(path)}, at=ctx.now())  # fmt: skip
        uow.commit()
    return path


def ticket_slip(ctx: ServiceContext, operator: Operator, number: str) -> int:
    """The ticket queued for the receipt printer; the job's id."""
    order = get_order(ctx, operator, number)
    lines = [SlipLine(label, value) if len(label) + len(value) < 38 else SlipLine(f"{label}: {value}")
             for label, value in ticket_lines(order)]  # fmt: skip
    lines += [RULE, SlipLine("Meter reading", "________"), BLANK, SlipLine("Result", "________"),
              SlipLine("Crew member", signature=True)]  # fmt: skip
    doc = SlipDoc(None, f"WORK ORDER {order.number}", tuple(lines))
    with ctx.db.unit_of_work() as uow:
        job = queue_slip(uow.session, ctx, "work_order", doc)
        audit.record(uow.session, user=operator.user_id, station=ctx.station, event_type="work_order_ticket",
                     object=order.number, details={"print_job": job}, at=ctx.now())  # fmt: skip
        uow.commit()
    return job
