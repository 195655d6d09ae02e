"""The deposit slip writes its check list without ReportLab's text objects: the same PDF operators."""

import datetime as dt
import io

import pypdf
from reportlab.pdfgen.canvas import Canvas

from cashdesk.documents.deposit_slip import BOLD, FONT, SIZE, SlipHeading, _Page, deposit_slip_pdf
from cashdesk.domain.deposit import Deposit, DepositedItem
from cashdesk.domain.money import Money

TEXTS = ["", "Check", "1042", "SMITH, JOHN & MARY", "O'Brien (trust)", "back\\slash", "100% (paid)",
         "Zoë Müller", "tab\there", "$1,234.56", "  spaced  ", "…"]  # fmt: skip


def _drawn(font: str, x: float, y: float, text: str) -> list[str]:
    pdf = Canvas(io.BytesIO(), invariant=1)
    pdf.setFont(font, SIZE)
    pdf.drawString(x, y, text)
    return list(pdf._code)


def _written(font: str, x: float, y: float, text: str) -> list[str]:
    pdf = Canvas(io.BytesIO(), invariant=1)
    pdf.setFont(font, SIZE)
    page = _Page(pdf, "Deposit ticket")
    page.y = y
    page._string(x, text)
    return list(pdf._code)


def test_each_cell_is_written_as_drawstring_writes_it() -> None:
    for font in (FONT, BOLD):
        for x, y in ((54.0, 700.0), (147.6, 379.6), (248.4, 81.20000000000005), (512.33, 14.0)):
            for text in TEXTS:
                assert _written(font, x, y, text) == _drawn(font, x, y, text), (font, x, y, text)


def test_a_long_slip_reads_back_and_gives_the_same_bytes() -> None:
    items = tuple(
        DepositedItem("check" if n % 3 else "money_order", str(1000 + n), TEXTS[n % len(TEXTS)] or "(none)",
                      Money(100 + n), f"W01-2026-{n:06d}")
        for n in range(300)
    )  # fmt: skip
    deposit = Deposit(dt.date(2026, 11, 26), cash={"B20": 3}, items=items, cards=())
    heading = SlipHeading("First Bank", "123456", "102000021", "City of Aurora, Finance", "T1", "B1")
    data = deposit_slip_pdf(deposit, heading)
    assert data == deposit_slip_pdf(deposit, heading)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    for needle in ("O'Brien (trust)", "back\\slash", "Zoë Müller", "1299", "$3.99"):
        assert needle in text
