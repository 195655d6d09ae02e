"""Accounts the city bills, what they owe (open items), and the revenue codes behind them."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from cashdesk.domain.money import Money
from cashdesk.words import QT_TRANSLATE_NOOP, named, translate


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
        """What a cashier must notice before taking money, in English (the command line, the JSON)."""
        return tuple(flag.text for flag in self.flag_list)

    @property
    def flag_list(self) -> tuple[Flag, ...]:
        """What a cashier must notice before taking money: how much each matters, and its words."""
        out: list[Flag] = []
        if self.cash_only:
            if self.cash_only_until:
                out.append(_flag(FlagSeverity.CAUTION, QT_TRANSLATE_NOOP("accounts", "Cash only until {day:%m/%d/%Y}"),
                                 day=self.cash_only_until))  # fmt: skip
            else:
                out.append(_flag(FlagSeverity.CAUTION, QT_TRANSLATE_NOOP("accounts", "Cash only")))
        if self.status is AccountStatus.SHUT_OFF:
            out.append(_flag(FlagSeverity.STOP, QT_TRANSLATE_NOOP("accounts", "Shut off")))
        elif self.status is AccountStatus.FINAL:
            out.append(_flag(FlagSeverity.CAUTION, QT_TRANSLATE_NOOP("accounts", "Final bill")))
        elif self.status is AccountStatus.CLOSED:
            out.append(_flag(FlagSeverity.STOP, QT_TRANSLATE_NOOP("accounts", "Closed")))
        if self.deposit_held:
            out.append(_flag(FlagSeverity.INFO, QT_TRANSLATE_NOOP("accounts", "Deposit held {amount}"),
                             amount=self.deposit_held.display()))  # fmt: skip
        if self.credit:
            out.append(_flag(FlagSeverity.INFO, QT_TRANSLATE_NOOP("accounts", "Credit {amount}"),
                             amount=self.credit.display()))  # fmt: skip
        return tuple(out)


#: What a line of an account's history is, as the window names it (a kind a billing file brings that
#: is not here is shown as it came).
_HISTORY_KINDS = {
    "bill": QT_TRANSLATE_NOOP("accounts", "Bill"),
    "payment": QT_TRANSLATE_NOOP("accounts", "Payment"),
    "adjustment": QT_TRANSLATE_NOOP("accounts", "Adjustment"),
    "refund": QT_TRANSLATE_NOOP("accounts", "Refund"),
    "return": QT_TRANSLATE_NOOP("accounts", "Return"),
    "void": QT_TRANSLATE_NOOP("accounts", "Void"),
    "note": QT_TRANSLATE_NOOP("accounts", "Note"),
}


def history_kind_shown(kind: str) -> str:
    """A history line's kind in the window's language ("payment" -> "Payment", "Pago")."""
    return named("accounts", _HISTORY_KINDS, kind)


class FlagSeverity(enum.IntEnum):
    """How much a flag matters at the window, least first: colours follow it, never the flag's mere presence."""

    INFO = 0  # for the cashier's information: a deposit held, a credit on the account
    CAUTION = 1  # changes how the payment is taken: cash only, a final bill
    STOP = 2  # the account is shut off or closed: look before taking money


@dataclass(frozen=True, slots=True)
class Flag:
    """One thing a cashier must notice before taking money: how much it matters (code decides by
    that, never by the words), `text` in English and `shown` in the window's language."""

    severity: FlagSeverity
    text: str
    shown: str

    def __str__(self) -> str:
        return self.text


def _flag(severity: FlagSeverity, english: str, **values: object) -> Flag:
    return Flag(severity, english.format(**values), translate("accounts", english).format(**values))


def worst_severity(flags: Iterable[Flag]) -> FlagSeverity:
    """The severity a line with these flags is shown at (INFO when it has none)."""
    return max((flag.severity for flag in flags), default=FlagSeverity.INFO)


def is_cash_only(flag: bool, until: dt.date | None, day: dt.date) -> bool:
    """Whether the account takes only cash on `day`: for good (the flag), or on a day up to
    and including the last day of a returned check's cash-only period (`until`)."""
    return bool(flag) or (until is not None and until >= day)
