"""The PDF copy of a receipt: the same lines, the same bytes every time, a page as narrow as the roll."""

import io

import pypdf  # noqa: E402  (reads the PDF back)

from cashdesk.devices.receipt import render_text, sample_receipt
from cashdesk.documents.receipt_pdf import receipt_pdf


def test_the_pdf_holds_the_receipt_text() -> None:
    text = render_text(sample_receipt())
    reader = pypdf.PdfReader(io.BytesIO(receipt_pdf(text)))
    assert len(reader.pages) == 1
    extracted = reader.pages[0].extract_text()
    for line in text.splitlines():
        if line.strip():
            assert line.strip() in extracted
    width_mm = float(reader.pages[0].mediabox.width) / 72 * 25.4
    assert 79 < width_mm < 81


def test_the_same_receipt_gives_the_same_bytes() -> None:
    text = render_text(sample_receipt())
    assert receipt_pdf(text) == receipt_pdf(text)
    assert receipt_pdf(text) != receipt_pdf(text.replace("$19.50", "$19.51"))


def test_lines_as_a_list_and_a_title() -> None:
    pdf = receipt_pdf(["RECEIPT", "W01-2026-000123"], title="Receipt W01-2026-000123")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None and reader.metadata.title == "Receipt W01-2026-000123"
    assert "W01-2026-000123" in reader.pages[0].extract_text()
