"""The checks and money orders a drawer took, as a count ticks them present and a Z report lists
the missing ones; and the refusal every part of balancing a drawer gives (services/balancing.py)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cashdesk.domain import balancing as bal
from cashdesk.domain.money import Money
from cashdesk.services.context import ServiceError
from cashdesk.store.models import ReceiptRow, TenderRow


class BalancingRefused(ServiceError):
    pass


@dataclass(frozen=True, slots=True)
class DrawerItem:
    tender_id: int
    kind: str
    number: str
    payer: str
    amount: Money
    receipt_number: str


def drawer_items(session: Session, drawer_id: int) -> tuple[DrawerItem, ...]:
    rows = session.execute(
        select(TenderRow.id, TenderRow.kind, TenderRow.reference, ReceiptRow.payer, TenderRow.amount_cents,
               ReceiptRow.number)
        .join(ReceiptRow, ReceiptRow.id == TenderRow.receipt_id)
        .where(ReceiptRow.drawer_id == drawer_id, ReceiptRow.status == "posted",
               TenderRow.kind.in_(bal.ITEM_KINDS))
        .order_by(TenderRow.id)
    )  # fmt: skip
    return tuple(
        DrawerItem(tid, kind, ref, payer, Money(cents), number) for tid, kind, ref, payer, cents, number in rows
    )
