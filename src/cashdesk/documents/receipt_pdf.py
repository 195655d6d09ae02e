"""A PDF copy of a receipt: the printed lines on a page as narrow as the paper roll.

It takes the receipt's text (`cashdesk.devices.receipt.render_text`, or what a `pdf:`
printer read out of a print job), because documents and devices do not import each other;
the services layer joins the two. The same text gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

FONT = "Courier"
FONT_SIZE = 8.0
LEADING = 10.0
MARGIN = 4 * mm
_CHAR_WIDTH = 0.6  # Courier's advance, as a share of the font size


def receipt_pdf(text: str | Sequence[str], *, title: str = "Receipt") -> bytes:
    """One page, 80 mm wide (wider only for lines longer than 46 characters), as tall as the receipt."""
    lines = text.splitlines() if isinstance(text, str) else [str(line) for line in text]
    while lines and not lines[-1].strip():
        lines.pop()
    columns = max([42, *(len(line) for line in lines)])
    width = max(80 * mm, columns * FONT_SIZE * _CHAR_WIDTH + 2 * MARGIN)
    height = max(len(lines), 1) * LEADING + 2 * MARGIN
    buffer = io.BytesIO()
    # invariant=1: a fixed creation date and document id, so the same receipt gives the same bytes.
    pdf = Canvas(buffer, pagesize=(width, height), invariant=1, pageCompression=0)
    pdf.setTitle(title)
    pdf.setAuthor("cashdesk")
    pdf.setCreator("cashdesk")
    pdf.setSubject("Receipt copy")
    left = (width - columns * FONT_SIZE * _CHAR_WIDTH) / 2
    body = pdf.beginText(left, height - MARGIN - FONT_SIZE)
    body.setFont(FONT, FONT_SIZE, LEADING)
    for line in lines:
        body.textLine(line.rstrip())
    pdf.drawText(body)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
