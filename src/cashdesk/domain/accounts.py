"""Accounts the city bills, what they owe (open items), and the revenue codes behind them."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from cashdesk.domain.money import Money
from cashdesk.words import QT_TRANSLATE_NOOP, translate


class AccountKind(enum.StrEnum):
    UTILITY = "utility"
    SALES_TAX = "sales_tax"


class AccountStatus(enum.StrEnum):
    ACTIVE = "active"
    SHUT_OFF = "shut_off"
    FINAL = "final"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return {
            "active": QT_TRANSLATE_NOOP("accounts", "Active"),
            "shut_off": QT_TRANSLATE_NOOP("accounts", "Shut off"),
            "final": QT_TRANSLATE_NOOP("accounts", "Final"),
            "closed": QT_TRANSLATE_NOOP("accounts", "Closed"),
        }[self.value]

    @property
    def shown(self) -> str:
        """The label in the window's language."""
        return translate("accounts", self.label)


class FilingFrequency(enum.StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"


class RevenueCategory(enum.StrEnum):
    """What kind of money a revenue code brings in; drives the default allocation order."""

    FEE = "fee"  # late fee, NSF fee, reconnection, door tag
    PENALTY = "penalty"  # tax penalty and interest
    TAX = "tax"  # sales / use tax due
    SERVICE = "service"  # water, sewer, trash, stormwater
    DEPOSIT = "deposit"  # utility deposit
    DEPARTMENTAL = "departmental"  # permits, licences, fines, copies, misc.


#: Lower pays first. Fees and penalties before the charges they sit on (DESIGN.md).
DEFAULT_PRIORITY: dict[RevenueCategory, int] = {
    RevenueCategory.FEE: 10,
    RevenueCategory.PENALTY: 20,
    RevenueCategory.TAX: 30,
    RevenueCategory.SERVICE: 40,
    RevenueCategory.DEPOSIT: 50,
    RevenueCategory.DEPARTMENTAL: 60,
}


ACCOUNT_NUMBER_MAX = 20


def normalize_account_number(text: str) -> str:
    """An account number as the city writes it: digits and letters, no spaces or dashes."""
    return "".join(ch for ch in text.strip().upper() if ch.isascii() and ch.isalnum())


@dataclass(frozen=True, slots=True)
class RevenueCode:
    code: str
    description: str
    gl_account: str  # Fund-Department-Object, e.g. 505-000-344100
    category: RevenueCategory
    priority: int | None = None  # None: the category's default

    @property
    def effective_priority(self) -> int:
        return self.priority if self.priority is not None else DEFAULT_PRIORITY[self.category]


@dataclass(frozen=True, slots=True)
class OpenItem:
    """One charge on an account: a water bill line, a late fee, a tax period due."""

    id: int
    revenue_code: str
    description: str
    bill_date: dt.date | None
    due_date: dt.date
    amount: Money
    paid: Money = Money(0)
    period: str = ""  # filing period for tax, e.g. 2026-09 or 2026-Q3

    @property
    def open_amount(self) -> Money:
        return self.amount - self.paid


@dataclass(frozen=True, slots=True)
class Account:
    number: str
    kind: AccountKind
    name: str  # customer for utility, business for sales tax
    status: AccountStatus = AccountStatus.ACTIVE
    service_address: str = ""
    mailing_address: str = ""
    phone: str = ""
    cash_only: bool = False  # in force now: set for good, or until cash_only_until
    cash_only_until: dt.date | None = None  # a returned check's cash-only period
    deposit_held: Money = Money(0)
    licence_number: str = ""
    filing_frequency: FilingFrequency | None = None
    credit: Money = Money(0)  # money the city holds for the account, unapplied
    items: tuple[OpenItem, ...] = field(default=())
    language: str = "en"  # what its receipts, statement and letters print in (domain/printed_text.py)

    @property
    def flags(self) -> tuple[str, ...]:
        """What a cashier must notice before taking money, in their words."""
        out: list[str] = []
        if self.cash_only:
            out.append(f"Cash only until {self.cash_only_until:%m/%d/%Y}" if self.cash_only_until else "Cash only")
        if self.status is AccountStatus.SHUT_OFF:
            out.append("Shut off")
        elif self.status is AccountStatus.FINAL:
            out.append("Final bill")
        elif self.status is AccountStatus.CLOSED:
            out.append("Closed")
        if self.deposit_held:
            out.append(f"Deposit held {self.deposit_held.display()}")
        if self.credit:
            out.append(f"Credit {self.credit.display()}")
        return tuple(out)


class FlagSeverity(enum.IntEnum):
    """How much a flag matters at the window, least first: colours follow it, never the flag's mere presence."""

    INFO = 0  # for the cashier's information: a deposit held, a credit on the account
    CAUTION = 1  # changes how the payment is taken: cash only, a final bill
    STOP = 2  # the account is shut off or closed: look before taking money


_SEVERITY_BY_START = (
    ("Shut off", FlagSeverity.STOP),
    ("Closed", FlagSeverity.STOP),
    ("Cash only", FlagSeverity.CAUTION),
    ("Final bill", FlagSeverity.CAUTION),
)


def flag_severity(flag: str) -> FlagSeverity:
    """The severity of one of `Account.flags` (the flag as shown: "Deposit held $150.00" is INFO)."""
    for start, severity in _SEVERITY_BY_START:
        if flag.startswith(start):
            return severity
    return FlagSeverity.INFO


def worst_severity(flags: Iterable[str]) -> FlagSeverity:
    """The severity a line with these flags is shown at (INFO when it has none)."""
    return max((flag_severity(flag) for flag in flags), default=FlagSeverity.INFO)


def is_cash_only(flag: bool, until: dt.date | None, day: dt.date) -> bool:
    """Whether the account takes only cash on `day`: for good (the flag), or on a day up to
    and including the last day of a returned check's cash-only period (`until`)."""
    return bool(flag) or (until is not None and until >= day)
