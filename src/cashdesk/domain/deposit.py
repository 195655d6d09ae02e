"""The daily deposit and what the finance office posts from it, as pure data and CSV bytes.

A closed business day gives: the deposit (cash by denomination, each check and money
order, the card terminals' settlements) with a control trailer; the general-ledger
cash-receipts journal, which always balances; and posting files for the billing and
sales-tax systems. Layouts are in docs/formats.md. The same data gives the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from cashdesk.domain.anchors import Anchor
from cashdesk.domain.cash import BY_CODE, DENOMINATIONS
from cashdesk.domain.change_fund import DrawerFloat
from cashdesk.domain.money import Money
from cashdesk.words import translate

# -- CSV conventions shared by every file ----------------------------------------------------

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """UTF-8, comma-separated, minimal quoting, \\n line ends (no byte-order mark)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _money(amount: Money) -> str:
    return amount.to_file()


def _date(day: dt.date) -> str:
    return day.isoformat()


def fund_of(gl_account: str) -> str:
    """The fund of a Fund-Department-Object GL string: its first segment ("505-000-344100" -> "505")."""
    return gl_account.split("-", 1)[0].strip()


def account_for_fund(pattern: str, fund: str) -> str:
    """A per-fund GL account from a setting like "{fund}-000-101000"."""
    return pattern.replace("{fund}", fund)


# -- the deposit ---------------------------------------------------------------------------------

TENDER_ORDER = ("cash", "check", "money_order", "card")


@dataclass(frozen=True, slots=True)
class DepositedItem:
    """A check or money order going to the bank."""

    kind: str  # "check" or "money_order"
    number: str
    payer: str
    amount: Money
    receipt_number: str

    def __post_init__(self) -> None:
        if self.kind not in ("check", "money_order"):
            raise ValueError(f"a deposited item is a check or a money order, not {self.kind!r}")
        if self.amount.cents <= 0:
            raise ValueError("a deposited item is more than $0.00")

    @property
    def sort_key(self) -> tuple[int, str, str, int, str]:
        return (TENDER_ORDER.index(self.kind), self.receipt_number, self.number, self.amount.cents, self.payer)


@dataclass(frozen=True, slots=True)
class CardSettlement:
    """One drawer's card-terminal settlement total (the card company pays it to the bank)."""

    station: str
    drawer_id: int
    cashier: str
    amount: Money

    @property
    def reference(self) -> str:
        return f"{self.station} drawer {self.drawer_id} {self.cashier}"


@dataclass(frozen=True, slots=True)
class Deposit:
    """Everything a closed business day sends to the bank."""

    business_date: dt.date
    cash: Mapping[str, int] = field(default_factory=dict)  # pieces by denomination code (drops + drawer closes)
    items: tuple[DepositedItem, ...] = ()
    cards: tuple[CardSettlement, ...] = ()
    # What is worked out of the items once (sorted, by kind, totals): the slip, the deposit file and
    # the close's figures each ask, and a busy day has 24,000 checks. Not part of the deposit's value.
    _in_order: list[tuple[DepositedItem, ...]] = field(default_factory=list, init=False, repr=False, compare=False)
    _totals: dict[str, Money] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for code, pieces in self.cash.items():
            if code not in BY_CODE:
                raise ValueError(f"unknown denomination {code!r}")
            if type(pieces) is not int or pieces < 0:
                raise ValueError(f"{BY_CODE[code].label}: pieces are a whole number, never negative")

    def cash_lines(self) -> list[tuple[str, str, str, int, Money]]:
        """(form, code, label, pieces, amount) in drawer order: bills first, then coin and rolls."""
        return [
            ("currency" if d.form == "bill" else "coin", d.code, d.label, self.cash[d.code],
             Money(d.cents * self.cash[d.code]))
            for d in DENOMINATIONS
            if self.cash.get(d.code)
        ]  # fmt: skip

    @property
    def currency(self) -> Money:
        return Money.total(line[4] for line in self.cash_lines() if line[0] == "currency")

    @property
    def coin(self) -> Money:
        return Money.total(line[4] for line in self.cash_lines() if line[0] == "coin")

    @property
    def cash_total(self) -> Money:
        return self.currency + self.coin

    def _sorted(self) -> tuple[DepositedItem, ...]:
        if not self._in_order:
            self._in_order.append(tuple(sorted(self.items, key=lambda item: item.sort_key)))
        return self._in_order[0]

    def sorted_items(self) -> list[DepositedItem]:
        return list(self._sorted())

    def items_of(self, kind: str) -> list[DepositedItem]:
        return [item for item in self._sorted() if item.kind == kind]

    def _total_of(self, kind: str) -> Money:
        made = self._totals.get(kind)
        if made is None:
            made = self._totals[kind] = Money(sum(item.amount.cents for item in self.items if item.kind == kind))
        return made

    @property
    def checks_total(self) -> Money:
        return self._total_of("check")

    @property
    def money_orders_total(self) -> Money:
        return self._total_of("money_order")

    @property
    def bank_total(self) -> Money:
        """What goes in the bag: cash, checks and money orders (the deposit ticket's total)."""
        return self.cash_total + self.checks_total + self.money_orders_total

    @property
    def card_total(self) -> Money:
        return Money.total(card.amount for card in self.cards)

    @property
    def total(self) -> Money:
        """The bag and the card settlements: the daily deposit file's control total."""
        return self.bank_total + self.card_total


def joined_deposit(day: dt.date, deposits: Iterable[Deposit]) -> Deposit:
    """Several deposits of one day as one (an office's windows): the cash added up
    by denomination, every item and card settlement kept (a receipt number and a settlement's
    reference name their station, so none is mistaken for another)."""
    cash: dict[str, int] = defaultdict(int)
    items: list[DepositedItem] = []
    cards: list[CardSettlement] = []
    for deposit in deposits:
        for code, pieces in deposit.cash.items():
            cash[code] += pieces
        items += deposit.items
        cards += deposit.cards
    return Deposit(day, cash=dict(cash), items=tuple(items), cards=tuple(cards))


DEPOSIT_HEADER = ("record", "business_date", "line", "kind", "denomination", "pieces", "number", "payer",
                  "reference", "amount")  # fmt: skip


@dataclass(frozen=True, slots=True)
class DepositFile:
    data: bytes
    count: int
    total: Money
    sha256: str  # of the detail rows' bytes, as written


def deposit_rows(deposit: Deposit) -> list[list[str]]:
    """The detail rows of the deposit file, in file order (see docs/formats.md)."""
    day = _date(deposit.business_date)
    rows: list[list[str]] = []

    def add(kind: str, denomination: str, pieces: str, number: str, payer: str, reference: str, amount: Money) -> None:
        rows.append(["D", day, str(len(rows) + 1), kind, denomination, pieces, neutralise(number), neutralise(payer),
                     neutralise(reference), _money(amount)])  # fmt: skip

    for form, code, _label, pieces, amount in deposit.cash_lines():
        add(form, code, str(pieces), "", "", "", amount)
    for item in deposit.sorted_items():
        add(item.kind, "", "", item.number, item.payer, item.receipt_number, item.amount)
    for card in sorted(deposit.cards, key=lambda c: (c.station, c.drawer_id)):
        if card.amount:
            add("card_settlement", "", "", "", "", card.reference, card.amount)
    return rows


def deposit_file(deposit: Deposit, anchor: Anchor | None = None) -> DepositFile:
    """The deposit detail CSV: header, detail rows, and the control trailer

    T,<business date>,<count>,<total>,<SHA-256 of the detail rows' bytes>[,<anchor event>,<anchor hash>]

    `anchor`: the audit chain's head as the day was closed (domain/anchors.py), in full.
    """
    rows = deposit_rows(deposit)
    header = csv_bytes(DEPOSIT_HEADER, [])
    everything = csv_bytes(DEPOSIT_HEADER, rows)
    detail = everything[len(header) :]
    digest = hashlib.sha256(detail).hexdigest()
    total = Money.total(Money.from_file(row[-1]) for row in rows)
    assert total == deposit.total, (total, deposit.total)
    fields = ["T", _date(deposit.business_date), str(len(rows)), _money(total), digest]
    if anchor is not None:
        fields += [str(anchor.seq), anchor.hash]
    trailer = csv_bytes(fields, [])
    return DepositFile(everything + trailer, len(rows), total, digest)


def trailer_anchor(data: bytes, source: str = "") -> Anchor | None:
    """The audit anchor in a deposit file's control trailer; None in a file written before anchors.

    Raises ValueError when the last line is not a control trailer."""
    lines = data.decode("utf-8", errors="replace").rstrip("\n").rsplit("\n", 1)
    fields = next(csv.reader([lines[-1]]), [])
    if len(fields) not in (5, 7) or fields[0] != "T":
        raise ValueError("its last line is not a deposit file's control trailer (T,date,count,total,sha256,…)")
    if len(fields) == 5:
        return None
    try:
        if len(fields[6]) not in (52, 64):  # a file carries the whole hash (base32, or hex before issue 13)
            raise ValueError
        return Anchor(int(fields[5]), fields[6], source)
    except ValueError:
        raise ValueError("the audit anchor in its control trailer is not an event number and a hash") from None


# -- the general-ledger cash-receipts journal -------------------------------------------------


class JournalOutOfBalance(ValueError):
    """Debits and credits differ: nothing may be exported."""


@dataclass(frozen=True, slots=True)
class RevenueEntry:
    """Money received for one GL account (a revenue code's, or the customer-credit account)."""

    gl_account: str
    label: str  # e.g. "WATER Water service" or "Customer credit"
    amount: Money


@dataclass(frozen=True, slots=True)
class PaidOutEntry:
    """Cash paid out of a drawer, charged to a GL account (usually the customer-credit account)."""

    gl_account: str
    label: str
    amount: Money


@dataclass(frozen=True, slots=True)
class OverShortEntry:
    """One closed drawer's over/short: counted - expected (negative = short)."""

    drawer: str  # e.g. "W01 drawer 12 jcashier"
    amount: Money


@dataclass(frozen=True, slots=True)
class JournalLine:
    date: dt.date
    reference: str
    fund: str
    gl_account: str
    debit: Money
    credit: Money
    description: str

    def row(self) -> list[str]:
        return [_date(self.date), neutralise(self.reference), neutralise(self.fund), neutralise(self.gl_account),
                _money(self.debit), _money(self.credit), neutralise(self.description)]  # fmt: skip


JOURNAL_HEADER = ("date", "reference", "fund", "gl_account", "debit", "credit", "description")


def journal_reference(day: dt.date) -> str:
    return f"CR-{day.isoformat()}"


def _positive(amount: Money, what: str) -> None:
    if amount.cents < 0:
        raise ValueError(f"{what} is never negative")


def _by_account(
    entries: Iterable[RevenueEntry | PaidOutEntry], what: str
) -> tuple[dict[str, Money], dict[str, str], dict[str, Money]]:
    """Money summed by GL account, each account's labels joined ("; ", sorted), and the same
    money summed by fund. Zero entries are left out; a negative one raises ValueError."""
    by_account: dict[str, Money] = defaultdict(Money.zero)
    labels: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        _positive(entry.amount, what)
        if entry.amount:
            by_account[entry.gl_account] += entry.amount
            labels[entry.gl_account].add(entry.label)
    by_fund: dict[str, Money] = defaultdict(Money.zero)
    for gl, amount in by_account.items():
        by_fund[fund_of(gl)] += amount
    return by_account, {gl: "; ".join(sorted(names)) for gl, names in labels.items()}, by_fund


_Line = Callable[[str, Money, Money, str], None]  # (GL account, debit, credit, description)


def _over_short_lines(line: _Line, over_short: Iterable[OverShortEntry], os_cash: str, over_short_account: str) -> None:
    """Each drawer's over/short against cash in bank: a short is an expense, less cash in the bank."""
    zero = Money(0)
    for variance in sorted(over_short, key=lambda v: v.drawer):
        if variance.amount.is_negative:  # short: an expense, less cash in the bank
            short = -variance.amount
            line(over_short_account, short, zero, f"Short: {variance.drawer}")
            line(os_cash, zero, short, f"Cash in bank: short, {variance.drawer}")
        elif variance.amount:
            line(os_cash, variance.amount, zero, f"Cash in bank: over, {variance.drawer}")
            line(over_short_account, zero, variance.amount, f"Over: {variance.drawer}")


def _float_lines(line: _Line, floats: Iterable[DrawerFloat], cash_account: str, change_fund_account: str) -> None:
    """A float kept smaller than it opened with sent the rest to the bank with the deposit; a
    larger one kept some of the day's cash back from it. Either way the change fund moved."""
    zero = Money(0)
    for drawer in sorted(floats, key=lambda f: f.drawer):
        moved = drawer.to_bank
        if not moved:
            continue
        if not change_fund_account:
            raise ValueError("a float kept other than it opened needs the change-fund GL account")
        fund_cash = account_for_fund(cash_account, fund_of(change_fund_account))
        kept = f"Change fund: float kept {drawer.kept.display()} of {drawer.opened.display()}, {drawer.drawer}"
        if moved.is_negative:
            line(change_fund_account, -moved, zero, kept)
            line(fund_cash, zero, -moved, f"Cash in bank: float kept over its opening, {drawer.drawer}")
        else:
            line(fund_cash, moved, zero, f"Cash in bank: float not kept, {drawer.drawer}")
            line(change_fund_account, zero, moved, kept)


def build_journal(
    day: dt.date,
    *,
    revenue: Iterable[RevenueEntry],
    paid_outs: Iterable[PaidOutEntry] = (),
    over_short: Iterable[OverShortEntry] = (),
    floats: Iterable[DrawerFloat] = (),
    cash_account: str,
    over_short_account: str,
    change_fund_account: str = "",
) -> tuple[JournalLine, ...]:
    """Cash in bank per fund against revenue by GL account, paid-outs, over/short and the change fund.

    Order: cash debits by fund, revenue credits by GL account; paid-out debits by GL
    account, cash credits by fund; then each drawer's over/short with its cash line; then
    each drawer whose float kept differs from the one it opened with, against the change
    fund. Cash in bank then nets to the deposit: receipts - paid-outs + over/short + floats
    not kept. Raises JournalOutOfBalance if debits and credits ever differed.
    """
    reference = journal_reference(day)
    zero = Money(0)
    lines: list[JournalLine] = []

    def line(gl: str, debit: Money, credit: Money, description: str) -> None:
        lines.append(JournalLine(day, reference, fund_of(gl), gl, debit, credit, description))

    received, labels, cash_in = _by_account(revenue, "revenue")
    for fund in sorted(cash_in):
        line(account_for_fund(cash_account, fund), cash_in[fund], zero, "Cash in bank: receipts")
    for gl in sorted(received):
        line(gl, zero, received[gl], "Revenue: " + labels[gl])

    paid, paid_labels, cash_out = _by_account(paid_outs, "a paid-out")
    for gl in sorted(paid):
        line(gl, paid[gl], zero, "Paid-out: " + paid_labels[gl])
    for fund in sorted(cash_out):
        line(account_for_fund(cash_account, fund), zero, cash_out[fund], "Cash in bank: paid-outs")

    _over_short_lines(line, over_short, account_for_fund(cash_account, fund_of(over_short_account)),
                      over_short_account)  # fmt: skip
    _float_lines(line, floats, cash_account, change_fund_account)
    check_balanced(lines)
    return tuple(lines)


def check_balanced(lines: Sequence[JournalLine]) -> None:
    debits = Money.total(x.debit for x in lines)
    credits = Money.total(x.credit for x in lines)
    if debits != credits:
        raise JournalOutOfBalance(
            translate("deposit", "The journal does not balance: debits {debits}, credits {credits}.").format(
                debits=debits.display(), credits=credits.display()
            )
        )
    for x in lines:
        if x.debit.is_negative or x.credit.is_negative or bool(x.debit) == bool(x.credit):
            raise JournalOutOfBalance(
                translate("deposit", "A journal line must be a debit or a credit, not both: {line}").format(line=x)
            )


def cash_in_bank(lines: Iterable[JournalLine], cash_account: str) -> Money:
    """What the journal puts in the bank: its debits less its credits on the funds' cash accounts
    (`cash_account` as the setting gives it, "{fund}-000-101000")."""
    return Money.total(x.debit - x.credit for x in lines if x.gl_account == account_for_fund(cash_account, x.fund))


def journal_csv(lines: Sequence[JournalLine]) -> bytes:
    check_balanced(lines)
    return csv_bytes(JOURNAL_HEADER, [x.row() for x in lines])


# -- posting files for the billing and sales-tax systems ----------------------------------------


@dataclass(frozen=True, slots=True)
class BillingPayment:
    """A payment on a utility account, for the billing system."""

    account: str
    amount: Money
    receipt_number: str
    line_no: int
    tender: str  # the receipt's tender kinds joined by "+", e.g. "cash" or "cash+check"


BILLING_HEADER = ("account", "amount", "date", "receipt_number", "tender")


def tender_label(kinds: Iterable[str]) -> str:
    found = set(kinds)
    return "+".join(kind for kind in TENDER_ORDER if kind in found)


def billing_csv(day: dt.date, payments: Iterable[BillingPayment]) -> bytes:
    # A busy day has 80,000 of these: the date, each tender label and each amount written once.
    ordered = sorted(payments, key=attrgetter("receipt_number", "line_no", "account"))
    date = _date(day)
    tenders: dict[str, str] = {}
    amounts: dict[int, str] = {}
    rows = []
    for p in ordered:
        tender = tenders.get(p.tender)
        if tender is None:
            tender = tenders[p.tender] = neutralise(p.tender)
        cents = p.amount.cents
        amount = amounts.get(cents)
        if amount is None:
            amount = amounts[cents] = _money(p.amount)
        rows.append([neutralise(p.account), amount, date, neutralise(p.receipt_number), tender])
    return csv_bytes(BILLING_HEADER, rows)


@dataclass(frozen=True, slots=True)
class SalesTaxPayment:
    """Money on a sales-tax account for one tax period ("" for credit kept on the account)."""

    account: str
    period: str
    amount: Money
    receipt_number: str
    line_no: int


SALES_TAX_HEADER = ("account", "period", "amount", "receipt_number")


def sales_tax_csv(payments: Iterable[SalesTaxPayment]) -> bytes:
    ordered = sorted(payments, key=lambda p: (p.receipt_number, p.line_no, p.account, p.period))
    return csv_bytes(SALES_TAX_HEADER, [
        [neutralise(p.account), neutralise(p.period), _money(p.amount), neutralise(p.receipt_number)]
        for p in ordered
    ])  # fmt: skip
