"""A report as letter-size PDF pages: the city and the title, the period, the chart (ReportLab's
own, drawn natively), then the table with its header repeated on each page and the totals line.
The same report gives the same bytes (a fixed creation date and document id)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.graphics import renderPDF
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas

from cashdesk.documents.charts import HEIGHT as CHART_HEIGHT
from cashdesk.documents.charts import drawing
from cashdesk.documents.pages import BOLD, FONT, WIDTH, Pages, cut, latin
from cashdesk.domain.printed_text import ENGLISH, date_text, maybe, say
from cashdesk.domain.report_def import Column, Report

MARGIN = 0.6 * inch
MOST_CHARS = 34  # a column is never wider than this many characters


class _Table(Pages):
    def __init__(self, pdf: Canvas, report: Report, size: float, language: str = ENGLISH) -> None:
        super().__init__(pdf, f"{report.title}, {_period(report, language)}", size=size, leading=size + 4,
                         margin=MARGIN, language=language)  # fmt: skip
        self.columns = report.definition.columns
        self.lefts, self.widths = _layout(self.columns, report.shown_rows() + [[c.title for c in self.columns]],
                                          size)  # fmt: skip

    def after_break(self) -> None:
        self.gap()
        self.row([c.title for c in self.columns], bold=True)
        self.rule()

    def row(self, cells: Sequence[str], *, bold: bool = False) -> None:
        self.need()
        self.pdf.setFont(BOLD if bold else FONT, self.size)
        for column, cell, left, width in zip(self.columns, cells, self.lefts, self.widths, strict=True):
            text = cut(cell, max(3, int(width / (self.size * 0.5))))
            if column.numeric:
                self.pdf.drawRightString(left + width - 4, self.y, text)
            else:
                self.pdf.drawString(left, self.y, text)
        self.y -= self.leading


def _layout(columns: Sequence[Column], rows: list[list[str]], size: float) -> tuple[list[float], list[float]]:
    chars = [min(MOST_CHARS, max(len(r[i]) for r in rows)) + 2 for i in range(len(columns))]
    scale = (WIDTH - 2 * MARGIN) / sum(chars)
    widths = [c * scale for c in chars]
    lefts = [MARGIN + sum(widths[:i]) for i in range(len(widths))]
    return lefts, widths


def _period(report: Report, language: str) -> str:
    """The report's period; a customer's paper in Spanish writes its dates as Spanish does."""
    if language == ENGLISH or not report.definition.dated:
        return report.period
    if report.start == report.end:
        return date_text(language, report.end)
    return say(language, "{start} to {end}", start=date_text(language, report.start),
               end=date_text(language, report.end))  # fmt: skip


def report_pdf(report: Report, city: str, *, language: str = ENGLISH) -> bytes:
    """The report's pages. `language` is a customer's (the account statement): its fixed words and dates
    in it; the report's own titles and rows come already in it (services/statement.py)."""
    buffer = io.BytesIO()
    period = _period(report, language)
    pdf = Canvas(buffer, pagesize=LETTER, invariant=1, pageCompression=0)
    pdf.setTitle(f"{report.title}, {period}")
    pdf.setAuthor("cashdesk")
    pdf.setCreator("cashdesk")
    pdf.setSubject(report.definition.description)
    size = 8.0 if len(report.definition.columns) <= 6 else 7.0
    table = _Table(pdf, report, size, language)
    pdf.setFont(BOLD, 14)
    pdf.drawString(MARGIN, table.y, latin(city))
    pdf.drawRightString(WIDTH - MARGIN, table.y, latin(report.title.upper()))
    table.y -= 22
    count = say(language, "({count} row)" if len(report.rows) == 1 else "({count} rows)", count=len(report.rows))
    table.text(f"{period}   {count}", bold=True)
    table.text(report.definition.description)
    for note in report.notes:
        table.text(note)
    if report.chart is not None:
        picture = drawing(report.chart)
        table.y -= CHART_HEIGHT + 4
        renderPDF.draw(picture, pdf, MARGIN, table.y)
        table.gap()
    table.after_break()
    if not report.rows:
        table.text(say(language, "Nothing in this period."))
    for cells in report.shown_rows():
        table.row(cells)
    if report.has_totals:
        table.rule()
        table.row([maybe(language, cell) for cell in report.shown_totals()], bold=True)
    pdf.setFont(FONT, 8)
    pdf.drawRightString(WIDTH - MARGIN, MARGIN / 2, say(language, "Page {page}, last", page=table.page))
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


__all__ = ["report_pdf"]
