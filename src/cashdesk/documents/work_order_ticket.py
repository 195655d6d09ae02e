"""A work-order ticket for the crew as a letter-size PDF: the order's lines, then what the crew
fills in by hand (meter reading, result, who and when). The same order gives the same bytes."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from cashdesk.documents.pages import WIDTH, Pages, cut

SIZE = 11.0
LEADING = 18.0
MARGIN = 0.8 * inch
VALUE_X = MARGIN + 1.8 * inch
FILL_IN = ("Meter reading", "Result (done / not done, why)", "Crew member", "Date and time")


def ticket_pdf(city: str, title: str, lines: Sequence[tuple[str, str]]) -> bytes:
    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=LETTER, invariant=1, pageCompression=0)
    pdf.setTitle(title)
    pdf.setAuthor("cashdesk")
    pdf.setCreator("cashdesk")
    pdf.setSubject("Work order")
    page = Pages(pdf, title, size=SIZE, leading=LEADING, margin=MARGIN)
    page.text(city, bold=True, size=13)
    page.text(title, bold=True, size=16)
    page.gap()
    page.rule()
    for label, value in lines:
        page.text(f"{label}:", bold=True)
        page.y += LEADING
        page.text(cut(value, 70), x=VALUE_X)
    page.gap()
    page.rule()
    page.text("For the crew", bold=True)
    for label in FILL_IN:
        page.gap(0.8)
        page.text(f"{label}:")
        pdf.line(VALUE_X + inch, page.y + LEADING - 2, WIDTH - MARGIN, page.y + LEADING - 2)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
