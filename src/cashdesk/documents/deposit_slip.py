"""The bank deposit ticket as a PDF: currency and coin on their own lines, each check and
money order listed, the number of checks, the totals; the ticket and bag numbers identify it.

The same deposit gives the same bytes (a fixed creation date and document id).
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from cashdesk.documents.pages import BOLD, FONT, WIDTH, Pages, latin
from cashdesk.domain.deposit import Deposit

SIZE = 10.0
LEADING = 14.0
MARGIN = 0.75 * inch
# Columns of the item list: kind, number, payer, amount (right edge).
COL_KIND = MARGIN
COL_NUMBER = MARGIN + 1.3 * inch
COL_PAYER = MARGIN + 2.7 * inch
COL_AMOUNT = WIDTH - MARGIN
PAYER_CHARS = 42
_number = functools.lru_cache(maxsize=4096)(fp_str)  # the few column and line positions, formatted once
#: Printable ASCII that a PDF string takes as it is (escapePDF leaves it unchanged).
_PLAIN = frozenset(chr(c) for c in range(32, 127)) - {"\\", "(", ")"}


@functools.lru_cache(maxsize=8192)
def _width(text: str, font: str) -> float:
    """An amount's width, to right-align it: a day's slip repeats many amounts."""
    return float(stringWidth(text, font, SIZE))


@dataclass(frozen=True, slots=True)
class SlipHeading:
    bank_name: str
    account: str
    routing: str
    depositor: str  # the city (and department)
    ticket_number: str = ""
    bag_number: str = ""


def _kind(kind: str) -> str:
    return {"check": "Check", "money_order": "Money order"}[kind]


class _Page(Pages):
    def __init__(self, pdf: Canvas, continued: str) -> None:
        super().__init__(pdf, continued, size=SIZE, leading=LEADING, margin=MARGIN)
        self._font_code: dict[str, str] = {}  # font -> the operator setFont(font, SIZE) writes

    def columns(self, cells: tuple[tuple[float, str], ...], amount: str, *, bold: bool = False) -> None:
        self.need()
        font = BOLD if bold else FONT
        self._font(font)
        for x, cell in cells:
            self._string(x, latin(cell))
        self._string(COL_AMOUNT - _width(amount, font), amount)
        self.y -= LEADING

    def _font(self, font: str) -> None:
        """Canvas.setFont(font, SIZE), byte for byte: when the canvas is already in that font and
        size, only the operator it writes again, made once (setFont costs a font lookup and two
        numbers formatted, on each of thousands of rows)."""
        pdf = self.pdf
        code = getattr(pdf, "_code", None)
        again = self._font_code.get(font)
        if code is not None and again is not None and (pdf._fontname, pdf._fontsize, pdf._leading) == (
            font, SIZE, SIZE * 1.2
        ):  # fmt: skip
            code.append(again)
            return
        before = len(code) if code is not None else -1
        pdf.setFont(font, SIZE)
        if code is not None and len(code) == before + 1:
            self._font_code[font] = code[-1]

    def _string(self, x: float, text: str) -> None:
        """What Canvas.drawString writes for `text` in a standard font, byte for byte, without its
        text-object machinery: a day's slip lists thousands of checks. Text that is not plain
        printable ASCII goes through drawString itself."""
        code = getattr(self.pdf, "_code", None)
        if code is None or not self.pdf.bottomup or not (text.isascii() and text.isprintable()):
            self.pdf.drawString(x, self.y, text)
            return
        # Printable ASCII needs escaping only for a backslash or a parenthesis.
        plain = text if _PLAIN.issuperset(text) else escapePDF(text.encode("ascii"))
        shown = f"({plain}) Tj" if text else ""
        code.append(f"BT 1 0 0 1 {_number(x)} {_number(self.y)} Tm {shown} T* ET")


def deposit_slip_pdf(deposit: Deposit, heading: SlipHeading) -> bytes:
    """Letter-size pages; the first holds the heading and the totals, then currency, coin and each item."""
    day = deposit.business_date.isoformat()
    buffer = io.BytesIO()
    # invariant=1: a fixed creation date and document id, so exporting twice gives the same bytes.
    pdf = Canvas(buffer, pagesize=LETTER, invariant=1, pageCompression=0)
    pdf.setTitle(f"Deposit ticket {day}")
    pdf.setAuthor("cashdesk")
    pdf.setCreator("cashdesk")
    pdf.setSubject(f"Deposit ticket {heading.ticket_number or '-'}, bag {heading.bag_number or '-'}")
    page = _Page(pdf, f"Deposit ticket {heading.ticket_number or ''} {day}".replace("  ", " "))
    _heading(page, heading, day)
    _summary(page, deposit)
    _cash(page, deposit)
    _items(page, deposit)
    pdf.setFont(FONT, 8)
    pdf.drawRightString(WIDTH - MARGIN, MARGIN / 2, f"Page {page.page}, last")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _heading(page: _Page, heading: SlipHeading, day: str) -> None:
    pdf = page.pdf
    pdf.setFont(BOLD, 16)
    pdf.drawString(MARGIN, page.y, latin(heading.bank_name))
    pdf.drawRightString(COL_AMOUNT, page.y, "DEPOSIT TICKET")
    page.y -= LEADING * 1.6
    page.text("For deposit to the account of", heading.depositor)
    page.text(f"Account number: {heading.account}", f"Routing number: {heading.routing}")
    page.text(f"Date: {day}", f"Deposit ticket number: {heading.ticket_number or '-'}")
    page.text("", f"Bag number: {heading.bag_number or '-'}")
    page.gap()


def _summary(page: _Page, deposit: Deposit) -> None:
    page.text("Summary", bold=True)
    page.text("Currency", deposit.currency.display())
    page.text("Coin", deposit.coin.display())
    page.text(f"Checks ({len(deposit.items_of('check'))})", deposit.checks_total.display())
    page.text(f"Money orders ({len(deposit.items_of('money_order'))})", deposit.money_orders_total.display())
    page.rule()
    page.text("TOTAL DEPOSIT", deposit.bank_total.display(), bold=True)
    if deposit.card_total:
        page.gap()
        page.text(f"Not in this bag: card settlements {deposit.card_total.display()}, paid by the card processor.")
    page.gap()


def _cash(page: _Page, deposit: Deposit) -> None:
    """Currency, then coin: each denomination's count and amount."""
    lines = deposit.cash_lines()
    for wanted, title, total in (("currency", "Currency", deposit.currency), ("coin", "Coin", deposit.coin)):
        page.text(title, bold=True)
        for form, _code, label, pieces, amount in lines:
            if form == wanted:
                page.columns(((COL_KIND + 12, label), (COL_PAYER, f"{pieces:,} x")), amount.display())
        page.rule()
        page.text(f"Total {wanted}", total.display(), bold=True)
        page.gap()


def _items(page: _Page, deposit: Deposit) -> None:
    """Each check and money order with its number, payer and amount, then their counts and totals."""
    checks = deposit.items_of("check")
    orders = deposit.items_of("money_order")
    page.text("Checks and money orders", bold=True)
    page.columns(((COL_KIND, "Kind"), (COL_NUMBER, "Number"), (COL_PAYER, "Payer")), "Amount", bold=True)
    for item in checks + orders:
        payer = latin(item.payer)
        payer = payer if len(payer) <= PAYER_CHARS else payer[: PAYER_CHARS - 1] + "…"
        page.columns(((COL_KIND, _kind(item.kind)), (COL_NUMBER, item.number), (COL_PAYER, payer)),
                     item.amount.display())  # fmt: skip
    page.rule()
    page.text(f"Number of checks: {len(checks)}", deposit.checks_total.display())
    page.text(f"Number of money orders: {len(orders)}", deposit.money_orders_total.display())
    page.text("Total checks and money orders", (deposit.checks_total + deposit.money_orders_total).display(),
              bold=True)  # fmt: skip
    page.gap()
