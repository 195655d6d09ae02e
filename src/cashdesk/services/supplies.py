"""The office's supplies and forms (issue 19): items, movements (received, issued, counted,
damaged), what is on hand, daily use, the reorder list, the count sheet, and the receipt paper
left in each station's printer."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from cashdesk.documents.answer_pdf import CountLine, count_sheet_pdf
from cashdesk.domain.security import Permission
from cashdesk.domain.supplies import (
    USE_DAYS,
    MovementKind,
    StockLevel,
    lines_per_roll,
    paper_left_percent,
    rolls_used_hundredths,
    signed_quantity,
)
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.files import write_atomically
from cashdesk.store import supplies as store
from cashdesk.store.models_answers import SupplyItemRow
from cashdesk.words import translate

_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,39}$")
MAX_QUANTITY = 1_000_000


@dataclass(frozen=True, slots=True)
class Moved:
    item: str
    kind: str
    quantity: int  # signed: what it added to on hand
    on_hand: int

    def describe(self) -> str:
        if self.kind == "counted":
            said = translate(
                "supplies", "{item}: counted {on_hand} (a difference of {quantity:+d}); on hand {on_hand}."
            )
        elif self.kind == "received":
            said = translate("supplies", "{item}: received {moved}; on hand {on_hand}.")
        elif self.kind == "issued":
            said = translate("supplies", "{item}: issued {moved}; on hand {on_hand}.")
        elif self.kind == "damaged":
            said = translate("supplies", "{item}: damaged {moved}; on hand {on_hand}.")
        else:
            said = "{item}: {kind} {moved}; on hand {on_hand}."
        return said.format(item=self.item, kind=self.kind, quantity=self.quantity, moved=abs(self.quantity),
                           on_hand=self.on_hand)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PaperState:
    station: str
    lines_printed: int
    lines_per_roll: int
    percent_left: int
    warning: str  # "" while there is paper enough

    @property
    def rolls_used_hundredths(self) -> int:
        return rolls_used_hundredths(self.lines_printed, self.lines_per_roll)


def item_json(level: StockLevel) -> dict[str, object]:
    return {"item": level.code, "name": level.name, "unit": level.unit, "on_hand": level.on_hand,
            "minimum": level.minimum, "maximum": level.maximum, "lead_days": level.lead_days,
            "daily_use": f"{level.daily_use_hundredths // 100}.{level.daily_use_hundredths % 100:02d}",
            "reorder": level.reorder}  # fmt: skip


def _code(text: str) -> str:
    code = text.strip().upper()
    if not _CODE.match(code):
        raise ServiceError(
            translate("supplies", "{text!r} is not an item code: letters, digits and dashes, like PAPER-ROLL.").format(
                text=text.strip()
            )
        )
    return code


def add_item(ctx: ServiceContext, operator: Operator, code: str, name: str, *, unit: str = "each",
             minimum: int = 0, maximum: int = 0, lead_days: int = 0, supplier: str = "") -> str:  # fmt: skip
    operator.require(Permission.KEEP_SUPPLIES, translate("supplies", "keep the supplies"))
    code = _code(code)
    if not name.strip():
        raise ServiceError(translate("supplies", "Give the item a name, like Receipt paper roll 80 mm."))
    if min(minimum, maximum, lead_days) < 0 or (maximum and maximum < minimum):
        raise ServiceError(
            translate(
                "supplies", "Minimum, maximum and lead days are 0 or more, and the maximum is at least the minimum."
            )
        )
    with ctx.db.unit_of_work() as uow:
        if store.item_by_code(uow.session, code) is not None:
            raise ServiceError(translate("supplies", "There is an item {code} already.").format(code=code))
        row = SupplyItemRow(code=code, name=name.strip(), unit=unit.strip() or "each", minimum=minimum,
                            maximum=maximum, lead_days=lead_days, supplier=supplier.strip(),
                            created_at=ctx.now().replace(tzinfo=None))  # fmt: skip
        store.add_item(uow.session, row)
        audit.record(uow.session, user=operator.user_id, station=ctx.station, event_type="supply_item_added",
                     object=code, details={"name": name.strip(), "unit": unit, "minimum": minimum,
                                           "maximum": maximum, "lead_days": lead_days}, at=ctx.now())  # fmt: skip
        uow.commit()
    return code


def move(ctx: ServiceContext, operator: Operator, code: str, kind: MovementKind, quantity: int,
         note: str = "") -> Moved:  # fmt: skip
    """Receive, issue, damage (that many) or count (that many found); on hand after it."""
    operator.require(Permission.KEEP_SUPPLIES, translate("supplies", "keep the supplies"))
    code = _code(code)
    if not 0 <= quantity <= MAX_QUANTITY:
        raise ServiceError(
            translate("supplies", "A quantity is a whole number from 0 to {MAX_QUANTITY:,}.").format(
                MAX_QUANTITY=MAX_QUANTITY
            )
        )
    at = ctx.now().replace(tzinfo=None)
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        item = store.item_by_code(s, code)
        if item is None:
            raise ServiceError(
                translate("supplies", "There is no item {code}: `cashdesk supplies list` shows them.").format(code=code)
            )
        have = store.on_hand(s, item.id)
        try:
            signed = signed_quantity(kind, quantity, have)
        except ValueError as exc:
            raise ServiceError(
                translate("supplies", "{code}: {exc}. Nothing was changed.").format(code=code, exc=exc)
            ) from None
        store.add_movement(s, item.id, kind.value, signed, quantity if kind is MovementKind.COUNTED else None,
                           user=operator.user_id, station=ctx.station, at=at, note=note.strip()[:200])  # fmt: skip
        if kind is MovementKind.ISSUED and code == _code(ctx.settings.supplies.paper_item):
            store.new_roll(s, ctx.station, at)  # a roll issued at a station goes into its printer
        audit.record(s, user=operator.user_id, station=ctx.station, event_type="supply_movement", object=code,
                     details={"kind": kind.value, "quantity": signed, "counted": quantity if kind is
                              MovementKind.COUNTED else None, "on_hand": have + signed}, at=ctx.now())  # fmt: skip
        uow.commit()
    return Moved(code, kind.value, signed, have + signed)


def stock_levels(ctx: ServiceContext, operator: Operator) -> list[StockLevel]:
    """Every item: on hand, and what was used (issued, damaged) over the last 30 days."""
    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("supplies", "see the supplies"))
    since = ctx.now().replace(tzinfo=None) - dt.timedelta(days=USE_DAYS)
    with ctx.db.unit_of_work(write=False) as uow:
        return [StockLevel(i.code, i.name, i.unit, have, i.minimum, i.maximum, i.lead_days, used)
                for i, have, used in store.levels(uow.session, since)]  # fmt: skip


def reorder_list(ctx: ServiceContext, operator: Operator) -> list[StockLevel]:
    return [level for level in stock_levels(ctx, operator) if level.needs_reorder]


def count_sheet(ctx: ServiceContext, operator: Operator, folder: Path) -> Path:
    levels = stock_levels(ctx, operator)
    day = ctx.today().isoformat()
    data = count_sheet_pdf(ctx.settings.city.name, day, [CountLine(v.code, v.name, v.unit, v.on_hand)
                                                          for v in levels])  # fmt: skip
    target = folder / f"supplies-count-{day}.pdf"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(target, data)
    except OSError as exc:
        raise ServiceError(
            translate("supplies", "Could not save the count sheet in {folder}: {strerror}.").format(
                folder=folder, strerror=exc.strerror or exc
            )
        ) from None
    return target


def paper_state(ctx: ServiceContext) -> PaperState:
    """The receipt paper left on this station's roll, estimated from the lines printed on it."""
    settings = ctx.settings.supplies
    per_roll = lines_per_roll(settings.roll_length_m, settings.line_height_tenths_mm)
    with ctx.db.unit_of_work(write=False) as uow:
        row = store.paper_roll(uow.session, ctx.station)
        printed = row.lines_printed if row is not None else 0
    left = paper_left_percent(printed, per_roll)
    warning = ""
    if settings.paper_warn_percent and left < settings.paper_warn_percent:
        warning = translate(
            "supplies",
            "The receipt paper roll at {station} is nearly used up (about {left}% left): put in a new roll soon and "
            "issue it here (supplies issue {paper_item} 1).",
        ).format(station=ctx.station, left=left, paper_item=settings.paper_item)
    return PaperState(ctx.station, printed, per_roll, left, warning)
