"""The card-data scan (tests/support/card_scan.py, run after every test session by tests/conftest.py)
finds a planted card number in each kind of file, so it cannot pass by seeing nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from tests.support.card_scan import INPUT_MARK, scan, scan_file

CARD = "4111 1111 1111 1111"  # the card brands' test Visa number


def _pdf(path: Path, text: str, *, compress: bool) -> Path:
    page = canvas.Canvas(str(path), pagesize=letter, pageCompression=1 if compress else 0)
    page.drawString(72, 700, text)
    page.showPage()
    page.save()
    return path


def _sqlite(path: Path, text: str) -> Path:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE receipts (id INTEGER PRIMARY KEY, payer TEXT, memo BLOB)")
    con.execute("INSERT INTO receipts (payer, memo) VALUES (?, ?)", ("JANE DOE", text.encode()))
    con.commit()
    con.close()
    return path


@pytest.mark.parametrize(
    ("kind", "write", "where"),
    [
        ("sqlite", lambda p: _sqlite(p / "cashdesk.sqlite3", f"card {CARD}"), "table receipts, column memo, row 1"),
        ("log", lambda p: (p / "cashdesk.log").write_text(f"2026-11-26 INFO posted for {CARD}\n") and
         p / "cashdesk.log", "byte"),
        ("csv", lambda p: (p / "deposit.csv").write_text(f"D,2026-11-26,1,check,,,1042,{CARD},W01,10.00\n") and
         p / "deposit.csv", "byte"),
        ("pdf text", lambda p: _pdf(p / "receipt.pdf", f"Paid by {CARD}", compress=True), "page 1 of the text"),
        ("pdf bytes", lambda p: _pdf(p / "receipt.pdf", f"Paid by {CARD}", compress=False), "byte"),
        ("escpos receipt", lambda p: (p / "job.bin").write_bytes(b"\x1b@JANE DOE\n" + CARD.encode() + b"\n\x1dV\x00")
         and p / "job.bin", "byte 11"),
    ],
)  # fmt: skip
def test_a_planted_card_number_is_found(kind: str, write, where: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path)
    found = [f.where for f in scan_file(path)]
    assert any(w.startswith(where) for w in found), (kind, found)
    assert all(CARD.replace(" ", "") not in f.describe().replace(" ", "") for f in scan([tmp_path]))  # never echoed
    path.unlink()  # planted: it must not fail the scan of this very run


@pytest.mark.parametrize(
    "text",
    [
        "011000000017202612100000123453",  # a bill stub's 30-digit scan line
        "W01-2026-000123",  # a receipt number
        "(303) 555-0142 3035550142",  # a phone number beside its digits
        "4111 1111 1111 1112",  # fails Luhn
        "hash 0b3f4111111111111111a9c2d7e5f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2",  # inside a hex digest
        "0000000514 00000 n",  # a PDF cross-reference entry: Luhn-valid, but no brand starts with 0
        "(D:20261126132004",  # a PDF's creation date: Luhn-valid, but no brand issues 14 digits on 20
        "T011000015T 7575610592432O 1042",  # a check's MICR line, its account Luhn-valid
        "/exports/20261204080000/deposit.csv",  # a timestamp folder, Luhn-valid
        "4111 1111 1111 1111 222",  # a Visa prefix, Luhn-valid, but 19 digits that fail Luhn at 19
        "3782 8224 6310 0051",  # the Amex test number with a digit more: 16 digits, Amex has 15
        "3782822463 10005 n",  # a PDF cross-reference entry, 3.7 GB in (only in a PDF)
    ],
)
def test_what_is_not_a_card_number_is_not_reported(text: str, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(text)
    found = scan_file(path)
    if text.startswith("3782822463"):
        assert found  # outside a PDF, fifteen digits that a brand issues are a possible card
        pdf = _pdf(tmp_path / "x.pdf", "nothing here", compress=True)
        assert scan_file(pdf) == []
    else:
        assert found == []
    path.unlink()


def test_inputs_named_as_inputs_are_left_out(tmp_path: Path) -> None:
    planted = tmp_path / f"accounts{INPUT_MARK}csv"
    planted.write_text(f"account,name\n1,{CARD}\n")
    assert scan([tmp_path]) == []
    planted.unlink()


def test_a_checks_account_number_is_not_a_finding_but_the_same_digits_elsewhere_are(tmp_path: Path) -> None:
    path = tmp_path / "cashdesk.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE tenders (id INTEGER PRIMARY KEY, routing TEXT, bank_account TEXT, reference TEXT)")
    con.execute("INSERT INTO tenders (routing, bank_account, reference) VALUES ('011000015', ?, '1042')",
                (CARD.replace(" ", ""),))  # fmt: skip
    con.execute("INSERT INTO tenders (routing, bank_account, reference) VALUES ('011000015', '1', ?)", (CARD,))
    con.commit()
    con.close()
    assert [f.where for f in scan_file(path)] == ["table tenders, column reference, row 2"]
    path.unlink()
