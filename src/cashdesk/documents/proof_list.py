"""A mail batch's proof list as a PDF: the batch, its tape controls, every remittance with any
problem (and its receipt number once the batch is posted), the count and total entered and the
differences from the tape.

The same batch gives the same bytes (a fixed creation date and document id).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from cashdesk.documents.pages import BOLD, FONT, WIDTH, Pages, cut, latin
from cashdesk.domain.money import Money

SIZE = 8.5
LEADING = 11.5
MARGIN = 0.6 * inch
COL_SEQ = MARGIN
COL_ACCOUNT = MARGIN + 0.4 * inch
COL_NAME = MARGIN + 1.3 * inch
COL_CHECK = MARGIN + 3.1 * inch
COL_PAYER = MARGIN + 3.9 * inch
COL_RECEIPT = MARGIN + 5.6 * inch  # a receipt number, W01-2026-000123, before the amount
COL_AMOUNT = WIDTH - MARGIN
NAME_CHARS = 30
PAYER_CHARS = 26
PROBLEM_CHARS = 110


@dataclass(frozen=True, slots=True)
class ProofItem:
    seq: int
    account: str
    name: str
    tender: str  # check, money_order, cash
    check_number: str
    payer: str
    amount: Money
    problem: str = ""  # why it is suspect, or "reversed"
    receipt_number: str = ""


@dataclass(frozen=True, slots=True)
class ProofList:
    number: str
    business_date: dt.date
    owner: str
    status: str
    source: str  # keyed, or the lockbox file's name
    control_count: int
    control_total: Money
    count: int
    total: Money
    differences: str  # "" when it balances
    items: tuple[ProofItem, ...]
    city: str = ""


def _differences(proof: ProofList) -> tuple[str, str]:
    """The count and the total against the tape; a figure that agrees says so, not "+0"."""
    count_diff = proof.count - proof.control_count
    total_diff = proof.total - proof.control_total
    count = f"Count difference: {count_diff:+d}" if count_diff else "Count agrees with the tape"
    total = f"Total difference: {total_diff.display()}" if total_diff else "Total agrees with the tape"
    return count, total


def _check(item: ProofItem) -> str:
    if item.tender == "cash":
        return "cash"
    return ("MO " if item.tender == "money_order" else "") + item.check_number


class _Page(Pages):
    def __init__(self, pdf: Canvas, heading: str) -> None:
        super().__init__(pdf, heading, size=SIZE, leading=LEADING, margin=MARGIN, footer_size=7)

    def after_break(self) -> None:
        self.header()

    def header(self) -> None:
        self.row(("#", "Account", "Name", "Check", "Payer", "Receipt"), "Amount", bold=True)

    def row(self, cells: tuple[str, str, str, str, str, str], amount: str, *, bold: bool = False) -> None:
        self.need()
        self.pdf.setFont(BOLD if bold else FONT, SIZE)
        for x, cell in zip((COL_SEQ, COL_ACCOUNT, COL_NAME, COL_CHECK, COL_PAYER, COL_RECEIPT), cells, strict=True):
            self.pdf.drawString(x, self.y, cell)
        self.pdf.drawRightString(COL_AMOUNT, self.y, amount)
        self.y -= LEADING


def render_proof_list(proof: ProofList) -> bytes:
    """Letter-size pages: the heading and controls, one line per remittance (a second line for a
    problem), then the count and total against the tape."""
    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=LETTER, invariant=1, pageCompression=0)
    pdf.setTitle(f"Proof list {proof.number}")
    pdf.setAuthor("cashdesk")
    pdf.setCreator("cashdesk")
    pdf.setSubject(f"Mail batch {proof.number}, business day {proof.business_date.isoformat()}")
    page = _Page(pdf, f"Proof list {proof.number}")

    pdf.setFont(BOLD, 14)
    pdf.drawString(MARGIN, page.y, latin(f"Mail batch proof list {proof.number}"))
    page.y -= LEADING * 1.6
    if proof.city:
        page.text(proof.city)
    page.text(f"Business date: {proof.business_date.isoformat()}", f"Status: {proof.status}")
    page.text(f"Owner: {proof.owner}", f"Source: {proof.source}")
    page.text(f"Control count (tape): {proof.control_count}", f"Control total (tape): {proof.control_total.display()}")
    page.y -= LEADING * 0.5
    page.header()
    page.rule()
    for item in proof.items:
        page.need(2 if item.problem else 1)
        page.row((str(item.seq), item.account, cut(item.name, NAME_CHARS), _check(item), cut(item.payer, PAYER_CHARS),
                  item.receipt_number), item.amount.display())  # fmt: skip
        if item.problem:
            page.text(cut(f"Problem: {item.problem}", PROBLEM_CHARS), x=COL_ACCOUNT)
    page.rule()
    page.text(f"Count: {proof.count}", f"Total: {proof.total.display()}", bold=True)
    page.text(f"Tape: {proof.control_count}", f"Tape: {proof.control_total.display()}")
    page.text(*_differences(proof))
    page.text(f"Differences: {proof.differences}" if proof.differences else "Balanced to the tape.", bold=True)
    problems = sum(1 for i in proof.items if i.problem)
    if problems:
        page.text(f"Items with a problem: {problems}")

    pdf.setFont(FONT, 7)
    pdf.drawRightString(WIDTH - MARGIN, MARGIN / 2, f"Page {page.page}, last")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
