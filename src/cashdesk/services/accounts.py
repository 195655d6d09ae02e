"""Looking up accounts: the search the window and `cashdesk search` share, and the account view."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cashdesk.domain.accounts import Account, Flag, normalize_account_number
from cashdesk.domain.aging import Aging, age
from cashdesk.domain.allocation import paying_order, priority_by
from cashdesk.domain.money import Money
from cashdesk.domain.service_orders import WorkOrder
from cashdesk.services.arrangements import pane_arrangement
from cashdesk.services.context import ServiceContext, ServiceError
from cashdesk.services.order_hooks import pane_orders
from cashdesk.store import accounts as account_store
from cashdesk.store import search as search_store
from cashdesk.words import translate

MAX_QUERY_LENGTH = 100


@dataclass(frozen=True, slots=True)
class AccountSummary:
    """One line of search results."""

    account: str
    kind: str
    name: str
    address: str
    phone: str
    status: str
    balance: Money

    def as_json(self) -> dict[str, object]:
        return {
            "account": self.account,
            "kind": self.kind,
            "name": self.name,
            "address": self.address,
            "phone": self.phone,
            "status": self.status,
            "balance_cents": self.balance.cents,
            "balance": self.balance.to_file(),
        }


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    on_date: dt.date
    kind: str  # bill, payment, adjustment, note
    description: str
    amount: Money
    reference: str


@dataclass(frozen=True, slots=True)
class OpenItemView:
    revenue_code: str
    description: str
    period: str
    bill_date: dt.date | None
    due_date: dt.date
    amount: Money
    paid: Money
    open_amount: Money
    past_due: bool


@dataclass(frozen=True, slots=True)
class AccountDetail:
    """Everything the account pane and `cashdesk account` show: "what do I owe?"."""

    account: Account
    as_of: dt.date
    owed: Money  # sum of open items
    balance: Money  # owed less credit
    past_due: Money
    aging: Aging
    items: tuple[OpenItemView, ...]  # in the order a payment would pay them
    history: tuple[HistoryEntry, ...]
    orders: tuple[WorkOrder, ...] = ()  # the account's service orders, newest first (issue 16)
    reconnect_note: str = ""  # what a payment would add on a disconnected account, said before posting
    arrangement_note: str = ""  # the account's payment arrangement and what it has due now (issue 17)

    @property
    def flags(self) -> tuple[str, ...]:
        return self.account.flags

    @property
    def flag_list(self) -> tuple[Flag, ...]:
        return self.account.flag_list

    def as_json(self) -> dict[str, object]:
        a = self.account
        return {
            "account": a.number,
            "kind": a.kind.value,
            "name": a.name,
            "status": a.status.value,
            "service_address": a.service_address,
            "mailing_address": a.mailing_address,
            "phone": a.phone,
            "licence_number": a.licence_number,
            "filing_frequency": a.filing_frequency.value if a.filing_frequency else None,
            "language": a.language,
            "flags": list(self.flags),
            "cash_only": a.cash_only,
            "deposit_held_cents": a.deposit_held.cents,
            "credit_cents": a.credit.cents,
            "as_of": self.as_of.isoformat(),
            "owed_cents": self.owed.cents,
            "balance_cents": self.balance.cents,
            "past_due_cents": self.past_due.cents,
            "aging": {bucket: amount.cents for bucket, amount in self.aging.as_pairs()},
            "open_items": [
                {
                    "revenue_code": i.revenue_code,
                    "description": i.description,
                    "period": i.period,
                    "bill_date": i.bill_date.isoformat() if i.bill_date else None,
                    "due_date": i.due_date.isoformat(),
                    "amount_cents": i.amount.cents,
                    "paid_cents": i.paid.cents,
                    "open_cents": i.open_amount.cents,
                }
                for i in self.items
            ],
            "history": [
                {
                    "date": h.on_date.isoformat(),
                    "kind": h.kind,
                    "description": h.description,
                    "amount_cents": h.amount.cents,
                    "reference": h.reference,
                }
                for h in self.history
            ],
        }


def search_accounts(ctx: ServiceContext, query: str, *, limit: int | None = None) -> list[AccountSummary]:
    """Best matches first: exact account number, number prefix, phone, then name and address."""
    if len(query) > MAX_QUERY_LENGTH:
        raise ServiceError(
            translate(
                "accounts", "A search is at most {MAX_QUERY_LENGTH} characters. Type less of the name or address."
            ).format(MAX_QUERY_LENGTH=MAX_QUERY_LENGTH)
        )
    limit = ctx.settings.search.limit if limit is None else limit
    if limit < 1:
        raise ServiceError(translate("accounts", "The number of results must be at least 1."))
    with ctx.db.read() as conn:
        rows = search_store.search(conn, query, limit)
    return [
        AccountSummary(r.number, r.kind, r.name, r.service_address, r.phone, r.status, Money(r.balance_cents))
        for r in rows
    ]


def account_detail(
    ctx: ServiceContext, number: str, *, as_of: dt.date | None = None, history_limit: int = 100
) -> AccountDetail:
    as_of = as_of or ctx.today()
    wanted = normalize_account_number(number)
    if not wanted:
        raise ServiceError(translate("accounts", "Type an account number."))
    with ctx.db.unit_of_work(write=False) as uow:
        account = account_store.load_account(uow.session, wanted, today=as_of)
        if account is None:
            raise ServiceError(
                translate("accounts", "No account {number}. Check the number or search by name or address.").format(
                    number=number.strip()
                )
            )
        codes = account_store.revenue_codes(uow.session)
        history = tuple(
            HistoryEntry(h.on_date, h.kind, h.description, Money(h.amount_cents), h.reference)
            for h in account_store.load_history(uow.session, wanted, history_limit)
        )
        orders, reconnect_note = pane_orders(uow.rows, ctx, account)
        arrangement_note = pane_arrangement(uow.rows, ctx, account.number, as_of)
    ordered = paying_order(account.items, priority_by(codes, ctx.settings.allocation.priorities))
    owed = Money.total(i.open_amount for i in ordered)
    return AccountDetail(
        account=account,
        as_of=as_of,
        owed=owed,
        balance=owed - account.credit,
        past_due=Money.total(i.open_amount for i in ordered if i.due_date < as_of),
        aging=age(ordered, as_of),
        items=tuple(
            OpenItemView(
                revenue_code=i.revenue_code,
                description=i.description,
                period=i.period,
                bill_date=i.bill_date,
                due_date=i.due_date,
                amount=i.amount,
                paid=i.paid,
                open_amount=i.open_amount,
                past_due=i.due_date < as_of,
            )
            for i in ordered
        ),
        history=history,
        orders=orders,
        reconnect_note=reconnect_note,
        arrangement_note=arrangement_note,
    )
