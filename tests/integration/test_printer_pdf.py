"""The pdf: virtual printer: each receipt in a job becomes a PDF named by its number; a slip by what it is."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pypdf  # noqa: E402  (reads the PDF back)

from cashdesk.devices.delivery import deliver
from cashdesk.devices.drawer import drawer_kick
from cashdesk.devices.receipt import render_escpos, render_text, sample_receipt
from cashdesk.devices.spec import open_printer
from cashdesk.documents.receipt_pdf import receipt_pdf


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_a_receipt_becomes_a_pdf_named_by_its_number(tmp_path: Path) -> None:
    folder = tmp_path / "receipts"
    doc = replace(sample_receipt(), receipt_number="W01-2026-000123")
    printer = open_printer(f"pdf:{folder}", "TM-T88V", pdf_writer=receipt_pdf)
    assert deliver(render_escpos(doc, profile="TM-T88V"), printer).delivered
    path = folder / "W01-2026-000123.pdf"
    assert [p.name for p in folder.iterdir()] == [path.name]
    # What the printer read out of the job is the receipt's text, centred as on paper.
    assert path.read_bytes() == receipt_pdf(render_text(doc))
    text = pdf_text(path)
    for expected in ("City of Example", "W01-2026-000123", "VISA ****0000", "$150.50", "Change"):
        assert expected in text


def test_a_reprint_gets_a_file_of_its_own_and_a_drawer_kick_none(tmp_path: Path) -> None:
    doc = replace(sample_receipt(), receipt_number="W01-2026-000124")
    printer = open_printer(f"pdf:{tmp_path}", pdf_writer=receipt_pdf)
    assert deliver(render_escpos(doc), printer).delivered
    assert deliver(drawer_kick(), printer).delivered
    assert deliver(render_escpos(replace(doc, reprint=True)), printer).delivered
    assert sorted(p.name for p in tmp_path.iterdir()) == ["W01-2026-000124-2.pdf", "W01-2026-000124.pdf"]
    assert "REPRINT" in pdf_text(tmp_path / "W01-2026-000124-2.pdf")
    assert "REPRINT" not in pdf_text(tmp_path / "W01-2026-000124.pdf")


def test_a_folder_that_cannot_be_made_is_not_delivered(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = deliver(render_escpos(sample_receipt()), open_printer(f"pdf:{blocker / 'sub'}", pdf_writer=receipt_pdf))
    assert result.failed and "cannot make" in result.reason


def test_a_void_slip_is_named_as_the_void_of_its_receipt(tmp_path: Path) -> None:
    doc = replace(sample_receipt(), receipt_number="W01-2026-000125")
    printer = open_printer(f"pdf:{tmp_path}", "TM-T88V", pdf_writer=receipt_pdf)
    assert deliver(render_escpos(doc, profile="TM-T88V"), printer).delivered
    slip = replace(doc, void=True, void_reason="Wrong account")
    assert deliver(render_escpos(slip, profile="TM-T88V"), printer).delivered
    assert sorted(p.name for p in tmp_path.iterdir()) == ["W01-2026-000125-void.pdf", "W01-2026-000125.pdf"]
    assert "Wrong account" in pdf_text(tmp_path / "W01-2026-000125-void.pdf")
