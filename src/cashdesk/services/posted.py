"""A receipt as it was just posted: what the counter's posting returns and its printed copy shows.

Its own module so that payments (which posts) and printing (which renders it) both use it
without importing each other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cashdesk.domain.money import Money
from cashdesk.domain.tenders import Tender


@dataclass(frozen=True, slots=True)
class PostedLine:
    kind: str  # account or misc
    reference: str  # account number or revenue code
    name: str  # account name or revenue code description
    amount: Money
    credit: Money  # kept as account credit
    balance_left: Money | None  # what the account still owes after this payment
    parts: tuple[tuple[str, Money], ...] = ()  # a tax account's: what it paid, by period and kind
    notes: tuple[str, ...] = ()  # what the payment did to the account's service orders


@dataclass(frozen=True, slots=True)
class PostedReceipt:
    id: int
    number: str
    posted_at: dt.datetime  # UTC
    business_date: dt.date
    station: str
    cashier: str
    payer: str
    total: Money
    tendered: Money
    change: Money
    lines: tuple[PostedLine, ...]
    tenders: tuple[Tender, ...]
    drawer_kick: bool = False
    print_job_ids: tuple[int, ...] = field(default=())
    language: str = "en"  # what its receipt printed in (domain/printed_text.py; receipts.language)
