"""The card-data scan: no card number in what the program wrote.

The rule is the program's own (cashdesk.domain.cards.contains_card_number): a whole run of 13 to
19 digits, whole or in groups split by one space or dash, with a card brand's issuer prefix and
length, that passes the Luhn check. A check's account number (the columns `bank_account`, read
from its MICR line) is the bank's number, never a card, and is not scanned. Scanned:
SQLite files cell by cell (every text and blob of every table), logs, receipts, CSV and other
exports as raw bytes, and PDFs both as text extracted with pypdf and as raw bytes. A finding
names the file and where in it, never the digits.

SQLite files (and their -wal and -journal page images) are not scanned byte by byte: a record
keeps its columns side by side with no separator, so a phone number next to its digits-only
copy ("555-0300" + "3035550300") reads as one 17-digit run that passes Luhn one time in ten.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cashdesk.domain.cards import contains_card_number

_SQLITE_MAGIC = b"SQLite format 3\x00"
# The same runs as cashdesk.domain.cards, on bytes: digits with one space or dash between groups.
_RUN = re.compile(rb"(?<![0-9])[0-9](?:[ -]?[0-9]){12,}(?![0-9])")
# A hex digest (the audit chain's SHA-256, a file's checksum): the program computes it, and one
# time in ten thousand or so its digits fall in a Luhn-valid run of 13 to 19. Blanked first.
_HEX_DIGEST = re.compile(rb"(?<![0-9A-Za-z])(?=[0-9]*[a-f])[0-9a-f]{32,128}(?![0-9A-Za-z])")
_XREF_ENTRY = re.compile(rb"(?m)^[0-9]{10} [0-9]{5} [nf]")
_PDF_DATE = re.compile(rb"\(D:[0-9]{14}")  # /CreationDate (D:20261126132004+00'00')
#: Files the tests wrote as *input* to the program (a CSV with a planted card number that the
#: import must refuse) carry this in their name; they are not what the program wrote.
INPUT_MARK = ".input."
#: Columns that hold a check's account number from its MICR line: any digits the bank chose.
_CHECK_ACCOUNT_COLUMNS = frozenset({"bank_account"})


@dataclass(frozen=True, slots=True)
class Finding:
    path: Path
    where: str  # "byte 1234", "page 2 of the text", "table receipts, column payer, row 7"

    def describe(self) -> str:
        return f"{self.path}: {self.where}"


def _is_card(digits: bytes) -> bool:
    return contains_card_number(digits.decode("ascii"))


def _blank(pattern: re.Pattern[bytes], data: bytes) -> bytes:
    return pattern.sub(lambda m: b" " * len(m.group()), data)


def scan_bytes(data: bytes) -> Iterator[int]:
    """Offsets of card numbers in raw bytes (hex digests aside)."""
    for match in _RUN.finditer(_blank(_HEX_DIGEST, data)):
        if _is_card(match.group()):
            yield match.start()


def _scan_sqlite_cells(path: Path) -> Iterator[str]:
    uri = f"file:{path}?mode=ro&immutable=1"
    try:
        con = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            try:
                cursor = con.execute(f'SELECT rowid, * FROM "{table}"')
            except sqlite3.Error:
                cursor = con.execute(f'SELECT NULL, * FROM "{table}"')
            columns = [d[0] for d in cursor.description][1:]
            for row in cursor:
                for column, value in zip(columns, row[1:], strict=True):
                    if column in _CHECK_ACCOUNT_COLUMNS:
                        continue
                    if isinstance(value, bytes):
                        value = value.decode("latin-1")
                    if isinstance(value, str) and any(True for _ in scan_bytes(value.encode("utf-8"))):
                        yield f"table {table}, column {column}, row {row[0]}"
    except sqlite3.DatabaseError:
        return
    finally:
        con.close()


def _scan_pdf_text(path: Path) -> Iterator[str]:
    import logging

    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception:  # noqa: BLE001 - a half-written PDF is not this scan's business
        return
    for number, text in enumerate(pages, start=1):
        if contains_card_number(text):
            yield f"page {number} of the text"


def scan_file(path: Path) -> list[Finding]:
    try:
        data = path.read_bytes()
    except OSError:
        return []
    if data.startswith(_SQLITE_MAGIC):
        return [Finding(path, where) for where in _scan_sqlite_cells(path)]
    if path.name.endswith(("-wal", "-journal", "-shm")):
        return []  # page images of a database: its cells are scanned in the database file
    if data.startswith(b"%PDF"):
        # The cross-reference table's entries ("0000000514 00000 n", 10 + 5 digits split by a space)
        # and the 14-digit creation and change dates are the PDF's own structure: blanked, offsets kept.
        data = _blank(_PDF_DATE, _blank(_XREF_ENTRY, data))
    found = [Finding(path, f"byte {offset}") for offset in scan_bytes(data)]
    if data.startswith(b"%PDF"):
        found += [Finding(path, where) for where in _scan_pdf_text(path)]
    return found


def files_under(folders: Iterable[Path]) -> Iterator[Path]:
    seen: set[Path] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        for root, _dirs, names in os.walk(folder):
            for name in names:
                path = Path(root) / name
                if path in seen or INPUT_MARK in name or path.is_symlink():
                    continue
                seen.add(path)
                yield path


def scan(folders: Iterable[Path]) -> list[Finding]:
    return [finding for path in files_under(folders) for finding in scan_file(path)]
