"""The daily mail log as a PDF: the documents received that day that are not payments, grouped
by the city division they were routed to, with a count per division and for the day.

The same day's entries give the same bytes (a fixed creation date and document id).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from cashdesk.documents.pages import BOLD, FONT, WIDTH, Pages, cut, latin
from cashdesk.domain.mail_log import MailLogEntry, group_by_division

SIZE = 9.0
LEADING = 13.0
MARGIN = 0.6 * inch
# Columns of an entry: entry number, time logged, type, from, reference, logged by.
COL_NO = MARGIN
COL_TIME = MARGIN + 0.45 * inch
COL_TYPE = MARGIN + 1.2 * inch
COL_FROM = MARGIN + 2.6 * inch
COL_REFERENCE = MARGIN + 4.7 * inch
COL_BY = MARGIN + 6.3 * inch
NOTES_CHARS = 110


class _Page(Pages):
    def __init__(self, pdf: Canvas, continued: str) -> None:
        super().__init__(pdf, continued, size=SIZE, leading=LEADING, margin=MARGIN)

    def columns(self, cells: Sequence[tuple[float, str]], *, bold: bool = False) -> None:
        self.need()
        self.pdf.setFont(BOLD if bold else FONT, SIZE)
        for x, cell in cells:
            self.pdf.drawString(x, self.y, cell)
        self.y -= LEADING


def mail_log_pdf(day: dt.date, city: str, lines: Sequence[MailLogEntry], divisions: Sequence[str] = (),
                 zone: dt.tzinfo = dt.UTC) -> bytes:  # fmt: skip
    """Letter-size pages: the heading, the count per division, then each division's entries, each
    with the time it was logged in the city's time zone (`zone`)."""
    buffer = io.BytesIO()
    # invariant=1: a fixed creation date and document id, so printing the day twice gives the same bytes.
    pdf = Canvas(buffer, pagesize=LETTER, invariant=1, pageCompression=0)
    title = f"Mail log {day.isoformat()}"
    pdf.setTitle(title)
    pdf.setAuthor("cashdesk")
    pdf.setCreator("cashdesk")
    pdf.setSubject(f"Documents received by mail on {day:%m/%d/%Y} (not payments)")
    page = _Page(pdf, title)

    pdf.setFont(BOLD, 15)
    pdf.drawString(MARGIN, page.y, latin(city))
    pdf.drawRightString(WIDTH - MARGIN, page.y, "DAILY MAIL LOG")
    page.y -= LEADING * 1.6
    page.text(f"Documents received on {day:%A, %B} {day.day}, {day.year} ({day:%m/%d/%Y})",
              f"Documents: {len(lines)}", bold=True)  # fmt: skip
    page.text("Court documents, applications, correspondence and other mail that is not a payment, by the "
              "division it was routed to.")  # fmt: skip
    page.gap()

    groups = group_by_division(lines, divisions)
    if not groups:
        page.text("No documents were logged on this day.")
    else:
        page.text("Count by division", bold=True)
        for division, entries in groups:
            page.text(f"    {division}", f"{len(entries)}")
        page.rule()
        page.text("Total documents", f"{len(lines)}", bold=True)
        page.gap()

    for division, entries in groups:
        _division(page, division, entries, zone)

    page.gap()
    page.text("Received and routed by: ______________________        Date: ____________")

    pdf.setFont(FONT, 8)
    pdf.drawRightString(WIDTH - MARGIN, MARGIN / 2, f"Page {page.page}, last")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _division(page: _Page, division: str, entries: Sequence[MailLogEntry], zone: dt.tzinfo) -> None:
    """A division's entries under its heading, and their count."""
    page.need(4)
    page.text(f"{division} ({len(entries)})", bold=True, size=SIZE + 2)
    page.columns(((COL_NO, "No."), (COL_TIME, "Time"), (COL_TYPE, "Type"), (COL_FROM, "From"),
                  (COL_REFERENCE, "Reference"), (COL_BY, "Logged by")), bold=True)  # fmt: skip
    for line in entries:
        page.need(2 if line.notes else 1)
        time = line.logged_at.astimezone(zone).strftime("%I:%M %p")
        page.columns(((COL_NO, str(line.id)), (COL_TIME, time), (COL_TYPE, cut(line.doc_type, 26)),
                      (COL_FROM, cut(line.sender, 40)), (COL_REFERENCE, cut(line.reference, 28)),
                      (COL_BY, cut(line.logged_by, 16))))  # fmt: skip
        if line.notes:
            page.text(f"Notes: {cut(line.notes, NOTES_CHARS)}", x=COL_TYPE)
    page.rule()
    page.text(f"{division}: {len(entries)} document{'s' if len(entries) != 1 else ''}", bold=True)
    page.gap()


__all__ = ["mail_log_pdf"]
