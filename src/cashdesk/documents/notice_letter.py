"""Delinquency notice letters as letter-size PDFs: one account's letter, or every letter of a run in one
file (a page or more per account). The same letters give the same bytes."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from cashdesk.documents.pages import Pages, cut
from cashdesk.domain.delinquency import NoticeLetter
from cashdesk.domain.printed_text import long_date, say

SIZE = 11.0
LEADING = 16.0
MARGIN = 0.9 * inch
VALUE_X = MARGIN + 3.2 * inch


def notices_pdf(letters: Sequence[NoticeLetter], title: str) -> bytes:
    """Each letter from a new page."""
    buffer = io.BytesIO()
    pdf = Canvas(buffer, pagesize=LETTER, invariant=1, pageCompression=0)
    pdf.setTitle(title)
    pdf.setAuthor("cashdesk")
    pdf.setCreator("cashdesk")
    pdf.setSubject("Delinquency notice")
    for letter in letters:
        _letter(pdf, letter)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _letter(pdf: Canvas, letter: NoticeLetter) -> None:
    page = Pages(pdf, f"{say(letter.language, 'Account')} {letter.account}", size=SIZE, leading=LEADING, margin=MARGIN,
                 language=letter.language)  # fmt: skip
    for i, line in enumerate(letter.city):
        page.text(cut(line, 90), bold=i == 0, size=13 if i == 0 else SIZE)
    page.gap()
    page.text(long_date(letter.language, letter.on))
    page.gap()
    page.text(cut(letter.name, 70))
    for line in letter.address.split("\n"):
        if line.strip():
            page.text(cut(line.strip(), 70))
    page.gap()
    page.text(cut(letter.heading, 80), bold=True, size=14)
    page.rule()
    for label, value in letter.lines:
        page.text(cut(label, 55))
        page.y += LEADING
        page.text(cut(value, 44), x=VALUE_X)  # a Spanish step and its date: 42
    page.rule()
    for paragraph in letter.paragraphs:
        page.gap(0.5)
        for line in textwrap.wrap(paragraph, 88):
            page.text(cut(line, 90))
