"""The receipt being built at the counter: its lines and tenders, and what is still to pay.

`CartState` is plain Python (what the window keeps until F12); the two table models show it.
Nothing here touches the database: `to_cart()` hands the service plain values.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor

from cashdesk.domain.accounts import Flag, FlagSeverity, worst_severity
from cashdesk.domain.money import Money
from cashdesk.domain.printed_text import ENGLISH, other
from cashdesk.domain.receipts import MAX_LINES
from cashdesk.domain.tenders import Tender, TenderError, TenderKind, remaining, settle
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from cashdesk.ui.models import Column, RowsModel, money_column

if TYPE_CHECKING:
    from cashdesk.services.payments import Cart

__all__ = ["MAX_LINES", "AccountLine", "CartLinesModel", "CartState", "Line", "MiscLine", "TendersModel"]


@dataclass(frozen=True, slots=True)
class AccountLine:
    """A payment on an account, with what the cashier must notice about it."""

    number: str
    name: str
    amount: Money
    owed: Money  # open items, before this payment
    flags: tuple[Flag, ...] = ()
    cash_only: bool = False
    closed: bool = False
    keep_excess_as_credit: bool = False
    language: str = ENGLISH  # the account's: what the receipt prints in unless the counter chose another

    @property
    def excess(self) -> Money:
        over = self.amount - self.owed
        return over if over.cents > 0 else Money(0)

    @property
    def what(self) -> str:
        text = translate("cart", "Account {number} — {name}").format(number=self.number, name=self.name)
        if self.keep_excess_as_credit and self.excess:
            text += translate("cart", " (credit {excess})").format(excess=self.excess.display())
        return text


@dataclass(frozen=True, slots=True)
class MiscLine:
    """A departmental receipt: a permit, a fine, copies."""

    code: str
    description: str
    amount: Money
    memo: str = ""

    @property
    def what(self) -> str:
        text = f"{self.code} — {self.description}"
        return f"{text}: {self.memo}" if self.memo else text


Line = AccountLine | MiscLine


class CartState:
    """Lines and tenders of one customer's receipt, in the order they were added."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.tenders: list[Tender] = []
        self.language: str | None = None  # chosen for this receipt only (Ctrl+Shift+L); None: the account's

    # -- reading ------------------------------------------------------------------------------

    @property
    def empty(self) -> bool:
        return not self.lines and not self.tenders

    @property
    def total(self) -> Money:
        return Money.total(line.amount for line in self.lines)

    @property
    def tendered(self) -> Money:
        return Money.total(t.amount for t in self.tenders)

    @property
    def remaining(self) -> Money:
        return remaining(self.total, self.tenders)

    @property
    def change(self) -> Money | None:
        """The change due once the tenders cover the total; None while they do not (or cannot)."""
        if not self.lines or self.tendered < self.total:
            return None
        try:
            return settle(self.total, self.tenders).change
        except TenderError:
            return None

    @property
    def account_language(self) -> str:
        """The first account's language (English for misc items alone): what the receipt prints in unless chosen."""
        return next((line.language for line in self.lines if isinstance(line, AccountLine)), ENGLISH)

    @property
    def receipt_language(self) -> str:
        return self.language or self.account_language

    def switch_language(self) -> str:
        """This receipt in the other language (back to the account's own: no choice left). Returns the new one."""
        wanted = other(self.receipt_language)
        self.language = None if wanted == self.account_language else wanted
        return wanted

    @property
    def cash_only_accounts(self) -> list[str]:
        return [line.number for line in self.lines if isinstance(line, AccountLine) and line.cash_only]

    @property
    def closed_accounts(self) -> list[str]:
        return [line.number for line in self.lines if isinstance(line, AccountLine) and line.closed]

    @property
    def non_cash(self) -> Money:
        return Money.total(t.amount for t in self.tenders if t.kind is not TenderKind.CASH)

    def account_line(self, number: str) -> int | None:
        for index, line in enumerate(self.lines):
            if isinstance(line, AccountLine) and line.number == number:
                return index
        return None

    # -- changing ----------------------------------------------------------------------------

    def put_account(self, line: AccountLine) -> bool:
        """Add the account, or change its amount if it is on the receipt already (True then)."""
        index = self.account_line(line.number)
        if index is None:
            self.lines.append(line)
            return False
        self.lines[index] = line
        return True

    def add_misc(self, line: MiscLine) -> None:
        self.lines.append(line)

    def keep_excess(self, number: str) -> None:
        index = self.account_line(number)
        if index is not None:
            line = self.lines[index]
            assert isinstance(line, AccountLine)
            self.lines[index] = replace(line, keep_excess_as_credit=True)

    def add_tender(self, tender: Tender) -> None:
        self.tenders.append(tender)

    def remove_line(self, index: int) -> Line:
        return self.lines.pop(index)

    def remove_tender(self, index: int) -> Tender:
        return self.tenders.pop(index)

    def clear(self) -> None:
        self.lines.clear()
        self.tenders.clear()
        self.language = None

    def to_cart(self, payer: str = "") -> Cart:
        from cashdesk.services.payments import AccountPayment, Cart, MiscItem

        return Cart(
            tuple(
                AccountPayment(line.number, line.amount, keep_excess_as_credit=line.keep_excess_as_credit)
                if isinstance(line, AccountLine)
                else MiscItem(line.code, line.amount, line.memo)
                for line in self.lines
            ),
            payer=payer,
            language=self.language,
        )


# A line's colour says how much its worst flag matters (domain/accounts.py): a deposit held stays plain.
_FLAGGED = {FlagSeverity.STOP: QColor("#b00020"), FlagSeverity.CAUTION: QColor("#8a5300")}


class CartLinesModel(RowsModel[Line]):
    """What the customer pays for."""

    columns = (
        Column(
            QT_TRANSLATE_NOOP("columns", "On this receipt"), lambda line: line.what, lambda line: line.what.casefold()
        ),
        money_column(QT_TRANSLATE_NOOP("columns", "Amount"), lambda line: line.amount),
    )

    def row_foreground(self, item: Line) -> QColor | None:
        return _FLAGGED.get(worst_severity(item.flags)) if isinstance(item, AccountLine) else None

    def row_tooltip(self, item: Line) -> str | None:
        if isinstance(item, AccountLine) and item.flags:
            return " · ".join(flag.shown for flag in item.flags)
        return None


class TendersModel(RowsModel[Tender]):
    """How the customer pays. A card shows its brand and last four digits, nothing more."""

    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "Tender"), lambda t: t.shown, lambda t: t.describe()),
        money_column(QT_TRANSLATE_NOOP("columns", "Amount"), lambda t: t.amount),
    )
