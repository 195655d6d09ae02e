"""The checks and money orders a drawer took, as a count ticks them present and a Z report lists
the missing ones; and the refusal every part of balancing a drawer gives (services/balancing.py)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cashdesk.domain import balancing as bal
from cashdesk.domain.money import Money
from cashdesk.services.context import ServiceError
from cashdesk.store.models import AccountRow, ReceiptLineRow, ReceiptRow, TenderRow


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
    account_name: str = ""  # the name on the receipt's first account line (who paid, when no payer was typed)

    @property
    def paid_by(self) -> str:
        """Who paid: the payer typed at the counter, else the account's name, as the deposit slip says."""
        return self.payer or self.account_name


def drawer_items(session: Session, drawer_id: int) -> tuple[DrawerItem, ...]:
    first_account = (
        select(AccountRow.name).join(ReceiptLineRow, ReceiptLineRow.account_id == AccountRow.id)
        .where(ReceiptLineRow.receipt_id == ReceiptRow.id).order_by(ReceiptLineRow.line_no).limit(1)
        .scalar_subquery()
    )  # fmt: skip
    rows = session.execute(
        select(TenderRow.id, TenderRow.kind, TenderRow.reference, ReceiptRow.payer, TenderRow.amount_cents,
               ReceiptRow.number, first_account)
        .join(ReceiptRow, ReceiptRow.id == TenderRow.receipt_id)
        .where(ReceiptRow.drawer_id == drawer_id, ReceiptRow.status == "posted",
               TenderRow.kind.in_(bal.ITEM_KINDS))
        .order_by(TenderRow.id)
    )  # fmt: skip
    return tuple(
        DrawerItem(tid, kind, ref, payer, Money(cents), number, name or "")
        for tid, kind, ref, payer, cents, number, name in rows
    )
