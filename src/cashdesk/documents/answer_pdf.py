"""Handouts for the customer and the supplies count sheet, as letter-size PDFs.

The same content gives the same bytes (a fixed creation date and document id).
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from cashdesk.documents.pages import BOLD, WIDTH, Pages, cut, latin

SIZE = 11.0
LEADING = 15.0
MARGIN = 0.8 * inch
WRAP = 88  # characters of 11-point Helvetica across the page


@dataclass(frozen=True, slots=True)
class Handout:
    city: str
    department: str
    title: str
    question: str
    paragraphs: tuple[str, ...]
    citation: str
    link: str
    effective: str  # "Effective 01/01/2026", or ""
    contact: str  # the city's phone


def _canvas(buffer: io.BytesIO, title: str) -> Canvas:
    pdf = Canvas(buffer, pagesize=LETTER, invariant=1, pageCompression=0)
    pdf.setTitle(latin(title))
    pdf.setAuthor("cashdesk")
    pdf.setCreator("cashdesk")
    return pdf


def handout_pdf(handout: Handout) -> bytes:
    """The answer on a page to take home: who says it, the answer, what it rests on."""
    buffer = io.BytesIO()
    pdf = _canvas(buffer, handout.title)
    page = Pages(pdf, cut(handout.title, 60), size=SIZE, leading=LEADING, margin=MARGIN)
    pdf.setFont(BOLD, 15)
    pdf.drawString(MARGIN, page.y, latin(handout.city))
    page.y -= LEADING * 1.3
    page.text(handout.department)
    page.rule()
    page.gap()
    page.text(handout.title, bold=True, size=13)
    if handout.question:
        page.text(f"“{handout.question}”")
    page.gap()
    for paragraph in handout.paragraphs:
        for line in textwrap.wrap(paragraph, WRAP) or [""]:
            page.text(line)
        page.gap(0.5)
    page.rule()
    for label, value in (("Rests on", handout.citation), ("Read it at", handout.link), ("", handout.effective),
                         ("Questions", handout.contact)):  # fmt: skip
        if value:
            page.text(f"{label}: {value}" if label else value)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@dataclass(frozen=True, slots=True)
class CountLine:
    code: str
    name: str
    unit: str
    on_hand: int


def count_sheet_pdf(city: str, day: str, lines: Sequence[CountLine]) -> bytes:
    """A sheet to count the supplies on: each item with what the records say and a box for the count."""
    buffer = io.BytesIO()
    pdf = _canvas(buffer, f"Supplies count sheet {day}")
    page = Pages(pdf, f"Supplies count sheet {day}", size=10, leading=20, margin=0.6 * inch)
    pdf.setFont(BOLD, 14)
    pdf.drawString(page.margin, page.y, latin(city))
    pdf.drawRightString(WIDTH - page.margin, page.y, "SUPPLIES COUNT SHEET")
    page.y -= 24
    page.text(f"Counted on {day} by ______________________", "Enter each count: cashdesk supplies count ITEM N")
    page.gap()
    columns = (page.margin, page.margin + 1.3 * inch, page.margin + 4.6 * inch, page.margin + 5.4 * inch)
    page.need()
    pdf.setFont(BOLD, 10)
    for x, title in zip(columns, ("Item", "Name", "Unit", "On record"), strict=True):
        pdf.drawString(x, page.y, title)
    pdf.drawRightString(WIDTH - page.margin, page.y, "Counted")
    page.y -= 20
    for line in lines:
        page.need()
        pdf.setFont("Helvetica", 10)
        for x, cell in zip(columns, (cut(line.code, 18), cut(line.name, 48), cut(line.unit, 12), str(line.on_hand)),
                           strict=True):  # fmt: skip
            pdf.drawString(x, page.y, cell)
        pdf.line(WIDTH - page.margin - 1.1 * inch, page.y - 2, WIDTH - page.margin, page.y - 2)
        page.y -= 20
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
