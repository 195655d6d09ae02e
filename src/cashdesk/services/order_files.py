"""The field's files: the crew sheet (the day's orders, CSV) and the completions file back from the
crews, taken all or nothing with each bad row named (docs/formats.md)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from cashdesk.domain.deposit import csv_bytes, neutralise
from cashdesk.domain.security import Permission
from cashdesk.domain.service_orders import OrderStatus, WorkOrder
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.files import NotAFile, UnreadableText, open_regular_file, open_text, write_atomically
from cashdesk.services.service_orders import OrderRefused, change_on
from cashdesk.store import service_orders as orders
from cashdesk.words import translate

CREW_HEADER = ("number", "type", "account", "name", "service_address", "scheduled", "priority", "depends_on",
               "fee_cents", "notes")  # fmt: skip
COMPLETIONS_HEADER = ("number", "outcome", "meter_reading", "remarks")
OUTCOMES = {"completed": OrderStatus.COMPLETED, "not done": OrderStatus.NOT_DONE, "not_done": OrderStatus.NOT_DONE}
MAX_ROWS = 10_000
MAX_BYTES = 5_000_000


@dataclass(frozen=True, slots=True)
class CrewSheet:
    path: Path
    orders: tuple[WorkOrder, ...]  # on the sheet, now dispatched
    waiting: tuple[str, ...]  # scheduled that day but not yet allowed out (a disconnect in its notice)


def _crew_row(order: WorkOrder) -> list[str]:
    return [order.number, order.type.label, order.account, neutralise(order.account_name),
            neutralise(order.service_address), order.scheduled.isoformat() if order.scheduled else "",
            str(order.priority), order.depends_on or "", str(order.fee.cents), neutralise(order.notes)]  # fmt: skip


def export_crew_sheet(ctx: ServiceContext, operator: Operator, on: dt.date, out: Path, crew: str = "") -> CrewSheet:
    """The orders scheduled for `on`, pending or dispatched, to a CSV for the crews. Exporting is
    dispatching: the pending ones on the sheet are dispatched in the same transaction; a disconnect
    still in its notice period stays off the sheet (and is said)."""
    operator.require(Permission.WORK_ORDERS, translate("order_files", "export the crew sheet"))
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        db = uow.rows
        shown, waiting = [], []
        for order in sorted(orders.find(db, scheduled=on, limit=MAX_ROWS), key=lambda o: (o.priority, o.number)):
            if order.status is OrderStatus.PENDING:
                try:
                    change_on(db, ctx, operator.user_id, order.number, OrderStatus.DISPATCHED, now, crew=crew)
                except OrderRefused:
                    waiting.append(order.number)
                    continue
            if order.status.is_open:
                shown.append(order)
        write_atomically(out, csv_bytes(CREW_HEADER, [_crew_row(o) for o in shown]))
        audit.record_on(db, user=operator.user_id, station=ctx.station, event_type="crew_sheet", object=on.isoformat(),
                        details={"file": str(out), "orders": len(shown), "waiting": len(waiting)}, at=now)  # fmt: skip
        uow.commit()
    return CrewSheet(out, tuple(shown), tuple(waiting))


@dataclass(frozen=True, slots=True)
class Completions:
    completed: tuple[str, ...]
    not_done: tuple[str, ...]


class CompletionsRefused(OrderRefused):
    def __init__(self, path: Path, problems: list[str]) -> None:
        shown = problems[:20] + ([f"… and {len(problems) - 20} more"] if len(problems) > 20 else [])
        super().__init__(f"{path.name}: nothing was changed. Fix these rows and take the file again:\n  "
                         + "\n  ".join(shown))  # fmt: skip
        self.problems = problems


def _read_rows(path: Path) -> list[dict[str, str]]:
    try:
        with open_regular_file(path) as raw:
            data = raw.read(MAX_BYTES + 1)
    except NotAFile as exc:
        raise OrderRefused(str(exc)) from None
    except OSError as exc:
        raise OrderRefused(
            translate("order_files", "{path} cannot be read ({strerror}). Check the name.").format(
                path=path, strerror=exc.strerror or exc
            )
        ) from None
    if len(data) > MAX_BYTES:
        raise OrderRefused(
            translate(
                "order_files", "{path_name} is larger than {MAX_BYTES:,} bytes: it is not a completions file."
            ).format(path_name=path.name, MAX_BYTES=MAX_BYTES)
        )
    try:
        text = open_text(io.BytesIO(data)).read()
    except (UnreadableText, UnicodeDecodeError) as exc:
        raise OrderRefused(
            translate("order_files", "{path_name} cannot be read: {exc}").format(path_name=path.name, exc=exc)
        ) from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COMPLETIONS_HEADER if c not in (reader.fieldnames or [])]
    if missing:
        raise OrderRefused(
            translate(
                "order_files", "{path_name} has no {missing} column: the first line must be {completions_header}."
            ).format(path_name=path.name, missing=", ".join(missing), completions_header=",".join(COMPLETIONS_HEADER))
        )
    rows = list(reader)
    if len(rows) > MAX_ROWS:
        raise OrderRefused(
            translate("order_files", "{path_name} has more than {MAX_ROWS:,} rows.").format(
                path_name=path.name, MAX_ROWS=MAX_ROWS
            )
        )
    return [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in rows]


def take_completions(ctx: ServiceContext, operator: Operator, path: Path) -> Completions:
    """Every row, or none: a bad row is named by its line and nothing is changed."""
    operator.require(Permission.WORK_ORDERS, translate("order_files", "take the completions file"))
    rows = _read_rows(path)
    now = ctx.now()
    problems: list[str] = []
    completed: list[str] = []
    not_done: list[str] = []
    seen: set[str] = set()
    with ctx.db.unit_of_work() as uow:
        db = uow.rows
        for line, row in enumerate(rows, start=2):
            number, outcome = row["number"].upper(), OUTCOMES.get(row["outcome"].lower())
            if outcome is None:
                problems.append(f'line {line}: outcome {row["outcome"]!r} is not "completed" or "not done"')
                continue
            if number in seen:
                problems.append(f"line {line}: {number} is in the file twice")
                continue
            seen.add(number)
            try:
                why = row["remarks"] if outcome is OrderStatus.NOT_DONE else ""
                change_on(db, ctx, operator.user_id, number, outcome, now, reason=why, result=row["remarks"][:200],
                          reading=row["meter_reading"])  # fmt: skip
            except OrderRefused as refused:
                problems.append(f"line {line}: {refused}")
                continue
            (completed if outcome is OrderStatus.COMPLETED else not_done).append(number)
        if problems:
            raise CompletionsRefused(path, problems)  # the unit of work rolls back every row
        audit.record_on(db, user=operator.user_id, station=ctx.station, event_type="completions", object=path.name,
                        details={"file": str(path), "completed": len(completed), "not_done": len(not_done)},
                        at=now)  # fmt: skip
        uow.commit()
    return Completions(tuple(completed), tuple(not_done))
