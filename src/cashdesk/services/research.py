"""Payment research at the counter: "did my payment come in?". find_payments is what the Find
payment screen and `cashdesk payments find` share; each hit names its receipt (reprinted as a
copy by services/printing.reprint_receipt) and its account (services/accounts.account_detail)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cashdesk.domain.dates import stored_day
from cashdesk.domain.money import Money
from cashdesk.domain.research import CriteriaError, PaymentCriteria
from cashdesk.domain.security import Permission
from cashdesk.domain.tenders import TenderKind
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.store.driver import driver
from cashdesk.store.research import HitRow, find_sql
from cashdesk.words import translate

MOST_HITS = 200


@dataclass(frozen=True, slots=True)
class TenderSeen:
    kind: str
    reference: str  # a check or money-order number
    card: str  # "VISA 4242"
    amount: Money

    def describe(self) -> str:
        label = TenderKind(self.kind).shown if self.kind in TenderKind.__members__.values() else self.kind
        shown = self.card if self.kind == TenderKind.CARD else self.reference  # a card's reference is its authorization
        detail = f" {shown}" if shown else ""
        return f"{label}{detail} {self.amount.display()}"


@dataclass(frozen=True, slots=True)
class PaymentHit:
    """One receipt that matches: what the cashier reads to the customer."""

    receipt: str
    business_date: dt.date
    posted_at: str
    channel: str  # counter, mail, lockbox
    station: str
    cashier: str
    payer: str
    total: Money
    status: str  # posted or void
    tenders: tuple[TenderSeen, ...]
    accounts: tuple[str, ...]
    account_name: str

    @property
    def account(self) -> str:
        return self.accounts[0] if self.accounts else ""

    @property
    def who(self) -> str:
        return self.payer or self.account_name

    def describe_tenders(self) -> str:
        return ", ".join(t.describe() for t in self.tenders)

    def as_json(self) -> dict[str, object]:
        return {
            "receipt": self.receipt, "business_date": self.business_date.isoformat(), "posted_at": self.posted_at,
            "channel": self.channel, "station": self.station, "cashier": self.cashier, "payer": self.who,
            "total_cents": self.total.cents, "total": self.total.to_file(), "status": self.status,
            "tenders": [{"kind": t.kind, "reference": t.reference, "card": t.card, "amount_cents": t.amount.cents}
                        for t in self.tenders],
            "accounts": list(self.accounts),
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class PaymentSearch:
    criteria: PaymentCriteria
    hits: tuple[PaymentHit, ...]
    more: bool  # more receipts matched than are shown: narrow the criteria


def _tenders(text: str | None) -> tuple[TenderSeen, ...]:
    seen = []
    for part in (text or "").split("|"):
        if not part:
            continue
        words = part.split(" ")  # a reference may hold spaces: the other fields never do
        kind, reference, brand, last4, cents = words[0], " ".join(words[1:-3]), *words[-3:]
        card = f"{brand} {last4}".strip()
        seen.append(TenderSeen(kind, reference, card, Money(int(cents))))
    return tuple(seen)


def _hit(row: HitRow) -> PaymentHit:
    day = stored_day(row.business_date)
    assert day is not None
    posted = str(row.posted_at)[:16]
    channel = "lockbox" if row.lockbox else row.channel
    return PaymentHit(
        row.number, day, posted, channel, row.station, row.cashier, row.payer, Money(row.total_cents), row.status,
        _tenders(row.tenders), tuple(sorted((row.accounts or "").split(","))) if row.accounts else (),
        row.account_name or "",
    )  # fmt: skip


def find_payments(ctx: ServiceContext, operator: Operator, criteria: PaymentCriteria, *,
                  limit: int = MOST_HITS) -> PaymentSearch:  # fmt: skip
    """The receipts matching every criterion given, newest first; CriteriaError as a ServiceError."""
    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("research", "look up payments"))
    try:
        criteria = criteria.checked()
    except CriteriaError as exc:
        raise ServiceError(str(exc)) from None
    with ctx.db.unit_of_work(write=False) as uow:
        db = driver(uow.session)
        sql, params = find_sql(criteria, limit + 1, sqlite=db.is_sqlite, date=db.value)
        rows = [HitRow._make(r) for r in db.all(sql, params)]
    hits = tuple(_hit(r) for r in rows[:limit])
    return PaymentSearch(criteria, hits, len(rows) > limit)


__all__ = ["MOST_HITS", "PaymentHit", "PaymentSearch", "TenderSeen", "find_payments"]
