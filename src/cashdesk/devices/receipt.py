"""The receipt as plain data, and its layout: ESC/POS bytes for the printer, plain text for PDFs and tests.

A `ReceiptDoc` holds only what is printed. A card tender has a brand and the last four
digits and nothing more, and any text that looks like a whole card number is refused, so a
receipt can never carry one to paper, a PDF or a print-job table.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any, NamedTuple

from cashdesk.devices.escpos_import import load_escpos
from cashdesk.devices.escpos_profiles import check_profile as check_profile  # found here by the settings, tests
from cashdesk.devices.escpos_profiles import cp437_bytes
from cashdesk.devices.receipt_card_check import refuse_card_numbers
from cashdesk.domain.money import Money
from cashdesk.domain.printed_text import ENGLISH, check, maybe, phrase, say, words
from cashdesk.domain.tenders import TenderKind

DEFAULT_WIDTH = 42  # characters of font A on 80 mm paper
MIN_WIDTH = 24

# Font A is 12 dots wide on Epson-style printers; used when a profile does not say how many
# dots a line has.
_DOTS_PER_CHAR = 12
_BARCODE_MODULE_DOTS = 2  # the narrowest CODE128 bar ESC/POS allows
_BARCODE_HEIGHT_DOTS = 64


@dataclass(frozen=True, slots=True)
class Letterhead:
    """Who took the money: printed centred at the top of every receipt."""

    city: str
    department: str = ""
    address: tuple[str, ...] = ()
    phone: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "address", tuple(self.address))


@dataclass(frozen=True, slots=True)
class PartLine:
    """What part of an account's payment paid: "2026-09 Sales tax", "2026-09 Penalty"."""

    label: str
    amount: Money


@dataclass(frozen=True, slots=True)
class AccountLine:
    """A payment applied to one account, and what the account still owes after it. A tax
    account's payment shows what it paid, by period, tax, penalty and interest (`parts`)."""

    account_number: str
    name: str
    applied: Money
    balance_left: Money  # negative when the account is left with a credit
    parts: tuple[PartLine, ...] = ()
    notes: tuple[str, ...] = ()  # service orders the payment cancelled or caused

    def __post_init__(self) -> None:
        object.__setattr__(self, "parts", tuple(self.parts))
        if Money.total(p.amount for p in self.parts) > self.applied:
            raise ValueError(f"The breakdown of account {self.account_number} is more than the {self.applied} paid.")


@dataclass(frozen=True, slots=True)
class MiscLine:
    """A departmental receipt (permit, fee, fine) under its revenue code."""

    revenue_code: str
    description: str
    amount: Money
    memo: str = ""


@dataclass(frozen=True, slots=True)
class TenderLine:
    """How the customer paid. A card is its brand and last four digits, nothing more."""

    kind: TenderKind
    amount: Money
    number: str = ""  # check number or money-order serial
    card_brand: str = ""
    card_last4: str = ""
    auth_code: str = ""  # the card terminal's authorization code

    def __post_init__(self) -> None:
        kind = TenderKind(self.kind)
        object.__setattr__(self, "kind", kind)
        if kind is TenderKind.CARD:
            brand = self.card_brand.strip()
            if not brand or len(brand) > 20 or not all(ch.isalpha() or ch in " -&" for ch in brand):
                raise ValueError("A card tender needs the card brand in letters, like VISA.")
            if len(self.card_last4) != 4 or not self.card_last4.isascii() or not self.card_last4.isdigit():
                raise ValueError("A card tender keeps exactly the last four digits of the card.")
            if self.auth_code and (
                len(self.auth_code) > 12 or not self.auth_code.isascii() or not self.auth_code.isalnum()
            ):
                raise ValueError("The authorization code is up to 12 letters and digits from the card terminal.")
            if self.number:
                raise ValueError("A card tender has no check number.")
        else:
            if self.card_brand or self.card_last4 or self.auth_code:
                raise ValueError("Only a card tender has a card brand, last four digits or authorization code.")
            if kind is TenderKind.CHECK and not self.number.strip():
                raise ValueError("A check tender needs the check number.")

    def label(self, language: str = ENGLISH) -> str:
        """The tender as the receipt names it: "Cash", "Check #1042", "VISA ****1234"."""
        if self.kind is TenderKind.CASH:
            return say(language, "Cash")
        if self.kind is TenderKind.CHECK:
            return say(language, "Check #{number}", number=self.number.strip())
        if self.kind is TenderKind.MONEY_ORDER:
            number = self.number.strip()
            return say(language, "Money order #{number}", number=number) if number else say(language, "Money order")
        return f"{self.card_brand.strip().upper()} ****{self.card_last4}"


@dataclass(frozen=True, slots=True, kw_only=True)
class ReceiptDoc:
    """Everything a receipt shows, already decided: the layout only arranges it.

    It must balance: total = applied to accounts + misc items, tenders − change = total,
    change comes only from cash and never exceeds the cash tendered. A void slip shows the
    amounts of the receipt it voids.
    """

    letterhead: Letterhead
    receipt_number: str
    local_time: str  # "2026-11-26 10:42", in the city's time zone
    station: str
    cashier: str
    accounts: tuple[AccountLine, ...] = ()
    misc: tuple[MiscLine, ...] = ()
    tenders: tuple[TenderLine, ...] = ()
    total: Money
    cash_tendered: Money = Money(0)
    change: Money = Money(0)
    payer: str = ""
    footer: tuple[str, ...] = ()
    title: str = "RECEIPT"
    reprint: bool = False
    void: bool = False
    void_reason: str = ""
    void_time: str = ""  # when it was voided, like local_time
    void_approver: str = ""  # the supervisor who approved the void
    # The customer's language (domain/printed_text.py): the fixed texts, the notes and the tax lines
    # are printed in it; names, the footer and `local_time` come already decided.
    language: str = ENGLISH

    def __post_init__(self) -> None:
        check(self.language)
        for name in ("accounts", "misc", "tenders", "footer"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        refuse_card_numbers(self)
        if not self.receipt_number.strip():
            raise ValueError("A receipt needs its receipt number.")
        if not self.accounts and not self.misc:
            raise ValueError("A receipt needs at least one account or misc item.")
        lines = Money.total([a.applied for a in self.accounts] + [m.amount for m in self.misc])
        if lines != self.total:
            raise ValueError(f"The receipt total {self.total} is not the sum of its lines, {lines}.")
        cash = Money.total(t.amount for t in self.tenders if t.kind is TenderKind.CASH)
        if cash != self.cash_tendered:
            raise ValueError(f"Cash tendered {self.cash_tendered} is not the cash tenders, {cash}.")
        if self.change.is_negative or self.change > self.cash_tendered:
            raise ValueError("Change comes only from cash and never exceeds the cash tendered.")
        tendered = Money.total(t.amount for t in self.tenders)
        if tendered - self.change != self.total:
            raise ValueError(
                f"The receipt does not balance: tenders {tendered} less change {self.change} "
                f"is not the total {self.total}."
            )
        if self.void and not self.void_reason.strip():
            raise ValueError("A void slip needs the reason for the void.")


# -- layout ---------------------------------------------------------------------------------


class _Row(NamedTuple):
    text: str
    center: bool = False
    bold: bool = False
    big: bool = False  # double width and height: half as many characters fit
    invert: bool = False
    barcode: str = ""  # a CODE128 barcode of this text instead of text


def _layout(doc: ReceiptDoc, width: int) -> list[_Row]:
    """The receipt's rows, top to bottom, on paper `width` characters wide."""
    if width < MIN_WIDTH:
        raise ValueError(f"A receipt needs at least {MIN_WIDTH} characters a line, not {width}.")
    w = words(doc.language)
    rows = _heading_rows(doc, width)
    rule = _Row("-" * width)
    rows.append(rule)
    rows.extend(_paid_rows(doc, width))
    rows.append(rule)
    rows.extend(_tender_rows(doc, width))
    rows.append(rule)
    if doc.void:
        rows.extend(_Row(line) for line in _wrap(w("Void reason: {reason}", reason=doc.void_reason), width))
        if doc.void_time:
            rows.append(_Row(_two(w("Voided"), doc.void_time, width)))
        if doc.void_approver.strip():
            rows.append(_Row(_two(w("Approved by"), doc.void_approver, width)))
    rows.append(_Row(""))
    rows.append(_Row(doc.receipt_number, center=True, barcode=doc.receipt_number))
    for text in doc.footer:
        rows.extend(_Row(line, center=True) for line in _wrap(text, width))
    return rows


def _heading_rows(doc: ReceiptDoc, width: int) -> list[_Row]:
    """The letterhead, the title (VOID, REPRINT), and the receipt's number, date, station, cashier, payer."""
    rows: list[_Row] = []
    w = words(doc.language)
    head = doc.letterhead
    for line in _wrap(head.city, width):
        rows.append(_Row(line, center=True, bold=True))
    for text in (head.department, *head.address, head.phone):
        rows.extend(_Row(line, center=True) for line in _wrap(text, width))
    rows.append(_Row(""))
    for line in _wrap(maybe(doc.language, doc.title), width // 2):
        rows.append(_Row(line, center=True, bold=True, big=True))
    if doc.void:
        rows.append(_Row(f" {w('VOID')} ", center=True, bold=True, big=True, invert=True))
    if doc.reprint:
        rows.append(_Row(f" {w('REPRINT')} ", center=True, bold=True, big=True, invert=True))
    rows.append(_Row(""))
    rows.append(_Row(_two(w("Receipt"), doc.receipt_number, width)))
    rows.append(_Row(_two(w("Date"), doc.local_time, width)))
    rows.append(_Row(_two(w("Station"), doc.station, width)))
    rows.append(_Row(_two(w("Cashier"), doc.cashier, width)))
    if doc.payer.strip():
        rows.append(_Row(_two(w("Payer"), doc.payer, width)))
    return rows


def _paid_rows(doc: ReceiptDoc, width: int) -> list[_Row]:
    """What was paid: each account (its parts, the balance left, its notes), then the misc items."""
    rows: list[_Row] = []
    w = words(doc.language)
    for acct in doc.accounts:
        rows.append(_Row(_two(w("Account {number}", number=acct.account_number.strip()), acct.applied.display(),
                              width)))  # fmt: skip
        rows.extend(_Row(line) for line in _wrap(acct.name, width, indent="  "))
        rows.extend(_Row(_two(f"  {phrase(doc.language, part.label.strip())}", part.amount.display(), width))
                    for part in acct.parts)  # fmt: skip
        rows.append(_Row(_two(f"  {w('Balance left')}", _balance(acct.balance_left, doc.language), width)))
        rows.extend(_Row(line) for note in acct.notes for line in _wrap(phrase(doc.language, note), width,
                                                                           indent="  "))  # fmt: skip
    for item in doc.misc:
        rows.append(_Row(_two(f"{item.revenue_code.strip()} {item.description.strip()}", item.amount.display(), width)))
        rows.extend(_Row(line) for line in _wrap(item.memo, width, indent="  "))
    return rows


def _tender_rows(doc: ReceiptDoc, width: int) -> list[_Row]:
    """The total, the tenders (cash once, as tendered), and the change."""
    rows: list[_Row] = []
    w = words(doc.language)
    rows.append(_Row(_two(w("TOTAL"), doc.total.display(), width), bold=True))
    cash_shown = False
    for tender in doc.tenders:
        if tender.kind is TenderKind.CASH:
            # One line for the cash, in the tenders' order: "Cash" and "Cash tendered" both said it twice.
            if not cash_shown:
                rows.append(_Row(_two(w("Cash tendered"), doc.cash_tendered.display(), width)))
            cash_shown = True
            continue
        rows.append(_Row(_two(tender.label(doc.language), tender.amount.display(), width)))
        if tender.auth_code:
            rows.append(_Row(f"  {w('Auth {code}', code=tender.auth_code)}"))
    if doc.cash_tendered:
        rows.append(_Row(_two(w("Change"), doc.change.display(), width), bold=True))
    return rows


def _clean(text: str) -> str:
    """Printable text only: a control character in a name must not become a printer command."""
    if text.isprintable():  # nearly always: no need to look at each character
        return text
    return "".join(ch if ch.isprintable() else " " for ch in text)


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    text = _clean(text).strip()
    if not text:
        return []
    if len(indent) + len(text) <= width:  # one line: what textwrap gives, without its regular expressions
        return [indent + text]
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False) or [""]


def _two(left: str, right: str, width: int) -> str:
    """A label on the left and an amount flush right, on one line."""
    left, right = _clean(left).rstrip(), _clean(right).strip()
    room = max(width - len(right) - 1, 0)
    left = left[:room].rstrip()
    return left + " " * (width - len(left) - len(right)) + right


def _balance(amount: Money, language: str = ENGLISH) -> str:
    return say(language, "{amount} CR", amount=(-amount).display()) if amount.is_negative else amount.display()


def render_text(doc: ReceiptDoc, *, width_chars: int = DEFAULT_WIDTH) -> str:
    """The receipt as plain lines, centred as printed; the barcode is shown as its number."""
    return _plain(_layout(doc, width_chars), width_chars)


def _plain(rows: list[_Row], width_chars: int) -> str:
    """Laid-out rows as the lines the paper shows, centred rows centred (receipts and slips)."""
    out = [row.text.strip().center(width_chars).rstrip() if row.center else row.text.rstrip() for row in rows]
    return "\n".join(out) + "\n"


# -- ESC/POS ----------------------------------------------------------------------------------


def _restyle(printer: Any, style: tuple[bool, bool, bool, bool], row: _Row) -> tuple[bool, bool, bool, bool]:
    """Send only the style changes `row` needs over `style` (center, bold, big, invert), the
    style in force; returns the row's style, in force after it (receipts and slips)."""
    wanted = (row.center, row.bold, row.big, row.invert)
    if wanted == style:
        return style
    center, bold, big, invert = wanted
    if big != style[2]:
        # A size change resets bold (ESC ! 0), so bold is always sent after it.
        printer.set(double_width=big, double_height=big, normal_textsize=not big)
        printer.set(bold=bold)
    elif bold != style[1]:
        printer.set(bold=bold)
    if center != style[0]:
        printer.set(align="center" if center else "left")
    if invert != style[3]:
        printer.set(invert=invert)
    return wanted


def render_escpos(
    doc: ReceiptDoc, *, profile: str = "default", width_chars: int = DEFAULT_WIDTH, logo: bytes = b""
) -> bytes:
    """The receipt as one print job for an ESC/POS printer of the given capability profile.

    `logo` is the logo's raster command (devices/logo.py), printed above the letterhead where the
    profile prints raster graphics and left out where it does not.

    The same receipt and profile always give the same bytes. The job starts by resetting the
    printer (ESC @) and selecting code page 437, so nothing left over from an earlier job
    changes how it prints, and ends with a feed and a cut where the profile has a cutter.
    """
    load_escpos()
    from escpos.printer import Dummy

    rows = _layout(doc, width_chars)
    check_profile(profile)
    printer = Dummy(profile=profile)
    printer._raw(b"\x1b@")  # initialise: clears styles left by a previous job
    cp437 = "CP437" in printer.profile.get_code_pages()
    if cp437:
        printer.charcode("CP437")  # fixed code page: no guessing per character, same bytes every time
    if logo and printer.profile.supports("bitImageRaster"):
        printer._raw(logo)
    style: tuple[bool, bool, bool, bool] = (False, False, False, False)  # center, bold, big, invert
    for row in rows:
        if row.barcode and _barcode_fits(printer.profile, row.barcode, width_chars):
            # The hardware renderer directly: Escpos.barcode() prints which renderer it chose.
            printer._hw_barcode(
                "{B" + row.barcode,
                "CODE128",
                _BARCODE_HEIGHT_DOTS,
                _BARCODE_MODULE_DOTS,
                "BELOW",
                "A",
                True,
                "B",
                True,
            )
            style = (True, style[1], style[2], style[3])  # it centres, and leaves it so
            continue
        # A barcode this printer cannot print falls through: its number is printed as text in its place.
        style = _restyle(printer, style, row)
        text = row.text if row.center else row.text.rstrip()
        if cp437:
            # Python's codec gives the bytes python-escpos's encoder would, at a tenth of the time.
            printer._raw(cp437_bytes(text) + b"\n")
        else:
            printer.textln(text)
    if style != (False, False, False, False):
        printer.set(align="left", bold=False, invert=False, normal_textsize=True)
    printer.cut(mode="PART")  # a partial cut leaves the receipt hanging until it is taken
    receipt: bytes = printer.output
    return receipt


def _barcode_fits(profile: Any, code: str, width_chars: int) -> bool:
    """CODE128 with hardware support, printable ASCII, and narrow enough for the paper."""
    if not profile.supports("barcodeB"):
        return False
    if not (1 <= len(code) <= 40) or not all(" " <= ch <= "~" and ch != "{" for ch in code):
        return False
    try:
        dots = int(profile.profile_data["media"]["width"]["pixels"])
    except (KeyError, TypeError, ValueError):
        dots = width_chars * _DOTS_PER_CHAR
    # start, data, check and stop symbols of code set B
    modules = 11 * (len(code) + 2) + 13
    return modules * _BARCODE_MODULE_DOTS <= dots


def sample_receipt(
    letterhead: Letterhead | None = None,
    *,
    station: str = "W01",
    cashier: str = "setup",
    local_time: str = "2026-01-01 09:00",
) -> ReceiptDoc:
    """A receipt for setting up a station (`cashdesk printer test`): every kind of line, no real payment."""
    return ReceiptDoc(
        letterhead=letterhead or Letterhead("City of Example", "Finance Department", ("1 Civic Center Plaza",), ""),
        receipt_number=f"{station}-TEST-000000",
        local_time=local_time,
        station=station,
        cashier=cashier,
        title="TEST PRINT",
        accounts=(AccountLine("0000000000", "SAMPLE ACCOUNT", Money(12550), Money(0)),),
        misc=(MiscLine("0000", "Sample fee", Money(2500), memo="Not a payment"),),
        tenders=(
            TenderLine(TenderKind.CASH, Money(12000)),
            TenderLine(TenderKind.CARD, Money(5000), card_brand="VISA", card_last4="0000"),
        ),
        total=Money(15050),
        cash_tendered=Money(12000),
        change=Money(1950),
        footer=("This is a test print. No money was taken.",),
    )


def preload() -> None:
    """Load python-escpos before the first receipt is posted (0.1–0.3 s once per start).

    Call it from a background thread at start-up, so the first payment of the day does not
    pay for it inside its transaction.
    """
    render_escpos(sample_receipt())
