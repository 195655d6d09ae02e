"""The one way supplies are written: items, their append-only movements, and each station's
receipt paper roll (the print path's hook, `paper_printed`: one statement per printed job)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from cashdesk.store.driver import Driver
from cashdesk.store.models_answers import PaperRollRow, SupplyItemRow, SupplyMovementRow

PAPER_SQL = (
    "INSERT INTO paper_rolls (station, lines_printed, lines_total, loaded_at) VALUES (?, ?, ?, NULL) "
    "ON CONFLICT (station) DO UPDATE SET lines_printed = lines_printed + excluded.lines_printed, "
    "lines_total = lines_total + excluded.lines_total"
)


def paper_printed(db: Driver, station: str, lines: int) -> None:
    """A job of `lines` lines went out at `station`: on the transaction that marks it printed."""
    db.run(PAPER_SQL, (station, lines, lines))


def new_roll(session: Session, station: str, at: dt.datetime) -> None:
    row = session.get(PaperRollRow, station)
    if row is None:
        session.add(PaperRollRow(station=station, lines_printed=0, lines_total=0, loaded_at=at))
    else:
        row.lines_printed, row.loaded_at = 0, at


def paper_roll(session: Session, station: str) -> PaperRollRow | None:
    return session.get(PaperRollRow, station)


def item_by_code(session: Session, code: str) -> SupplyItemRow | None:
    return session.scalars(select(SupplyItemRow).where(SupplyItemRow.code == code)).one_or_none()


def add_item(session: Session, row: SupplyItemRow) -> SupplyItemRow:
    session.add(row)
    session.flush()
    return row


def on_hand(session: Session, item_id: int) -> int:
    total = session.scalar(select(func.coalesce(func.sum(SupplyMovementRow.quantity), 0))
                           .where(SupplyMovementRow.item_id == item_id))  # fmt: skip
    return int(total or 0)


def add_movement(session: Session, item_id: int, kind: str, quantity: int, counted: int | None, *,
                 user: str, station: str, at: dt.datetime, note: str = "") -> SupplyMovementRow:  # fmt: skip
    row = SupplyMovementRow(item_id=item_id, kind=kind, quantity=quantity, counted=counted, at=at, user=user,
                            station=station, note=note)  # fmt: skip
    session.add(row)
    session.flush()
    return row


def levels(session: Session, since: dt.datetime) -> list[tuple[SupplyItemRow, int, int]]:
    """Every item with (on hand, used since `since`: issued and damaged), by code."""
    used = case((SupplyMovementRow.kind.in_(("issued", "damaged")) & (SupplyMovementRow.at >= since),
                 -SupplyMovementRow.quantity), else_=0)  # fmt: skip
    rows = session.execute(
        select(SupplyItemRow, func.coalesce(func.sum(SupplyMovementRow.quantity), 0), func.coalesce(func.sum(used), 0))
        .outerjoin(SupplyMovementRow, SupplyMovementRow.item_id == SupplyItemRow.id)
        .group_by(SupplyItemRow.id).order_by(SupplyItemRow.code)
    ).all()  # fmt: skip
    return [(item, int(have), int(spent)) for item, have, spent in rows]


def movements(session: Session, item_id: int) -> list[SupplyMovementRow]:
    return list(session.scalars(select(SupplyMovementRow).where(SupplyMovementRow.item_id == item_id)
                                .order_by(SupplyMovementRow.id)))  # fmt: skip
