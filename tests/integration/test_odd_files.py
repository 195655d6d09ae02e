"""Import files of any kind and encoding, as the administrator or cashier meets them at the command line:
anything but a regular file is refused in words before a byte is read, UTF-16 is read by its
byte-order mark, line breaks in one-line fields are refused, and a lockbox file past the limits in
the settings is refused; each time with no traceback, exit code 1 or 2, and nothing changed."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
ACCOUNTS = (
    'account,kind,name,service_address,mailing_address\n1000017,utility,Maria Lopez,120 Elm St,"PO Box 5\nAurelia"\n'
)


def cashdesk(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run([sys.executable, "-m", "cashdesk", *args], input=stdin, capture_output=True, text=True,
                          env=env, timeout=60, check=False)  # fmt: skip


def table_counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("accounts", "open_items", "mail_batches", "mail_items")}  # fmt: skip
    finally:
        con.close()


@pytest.fixture
def odd_paths(tmp_path: Path) -> Iterator[list[tuple[Path, str]]]:
    """A FIFO, a folder, a device and a socket, each with what the refusal must call it. The FIFO and
    the socket are removed afterwards: the card-data scan at the end of the run reads every file left."""
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    folder = tmp_path / "a-folder.csv"
    folder.mkdir()
    sock_path = tmp_path / "s.csv"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    yield [(fifo, "is a named pipe (FIFO), not a file"), (folder, "is a folder, not a file"),
           (Path("/dev/zero"), "is a device, not a file"), (sock_path, "is a socket, not a file")]  # fmt: skip
    sock.close()
    fifo.unlink()
    sock_path.unlink()


# -- import-accounts -------------------------------------------------------------------------------


def test_import_accounts_says_what_a_path_that_is_not_a_file_is(
    db_path: Path, odd_paths: list[tuple[Path, str]]
) -> None:
    before = table_counts(db_path)
    for path, said in odd_paths:
        done = cashdesk("--db", str(db_path), "import-accounts", str(path), "--no-progress")
        assert done.returncode == 2, (path, done.stderr)
        assert f"{path} {said}. Name the CSV file to import." in done.stderr
        assert "Traceback" not in done.stderr
    assert table_counts(db_path) == before


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_import_accounts_reads_a_file_by_its_byte_order_mark(db_path: Path, tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "accounts.csv"
    text = ACCOUNTS.replace("Maria Lopez", "María López")
    mark = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(encoding, "")
    path.write_bytes((mark + text).encode(encoding))

    done = cashdesk("--db", str(db_path), "import-accounts", str(path), "--no-progress")

    assert done.returncode == 0, done.stderr
    assert "1 account added" in done.stdout
    found = cashdesk("--db", str(db_path), "search", "López")
    assert "María López" in found.stdout and "\x00" not in found.stdout


def test_import_accounts_refuses_utf16_without_a_mark_in_one_sentence(db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "accounts.csv"
    path.write_bytes(ACCOUNTS.encode("utf-16-le"))

    done = cashdesk("--db", str(db_path), "import-accounts", str(path), "--no-progress")

    assert done.returncode == 1
    assert done.stderr.splitlines()[:2] == [
        "accounts.csv was not imported: 1 problem.",
        "The file cannot be read: it is saved as UTF-16 text without a byte-order mark; save it as UTF-8 "
        '(in Excel: Save As, "CSV UTF-8 (Comma delimited)") and import it again.',
    ]
    assert "\x00" not in done.stderr
    assert table_counts(db_path)["accounts"] == 0


ONE_LINE_CASES = [("name", "Maria\rLopez"), ("name", "Maria\nLopez"), ("service_address", "120 Elm St\nApt 4"),
                  ("phone", "303\t555")]  # fmt: skip


@pytest.mark.parametrize(("column", "value"), ONE_LINE_CASES)
def test_import_accounts_refuses_line_breaks_in_one_line_fields(
    db_path: Path, tmp_path: Path, column: str, value: str
) -> None:
    path = tmp_path / "accounts.csv"
    cells = {"account": "1000017", "kind": "utility", "name": "Maria Lopez", "service_address": "1 Elm", "phone": ""}
    cells[column] = value
    path.write_text("account,kind,name,service_address,phone\n1000018,utility,Ann Ng,2 Elm,\n"
                    + ",".join(f'"{v}"' for v in cells.values()) + "\n", encoding="utf-8", newline="")  # fmt: skip

    done = cashdesk("--db", str(db_path), "import-accounts", str(path), "--no-progress")

    assert done.returncode == 1
    assert f"line 3, column {column}: holds a control character (like a tab, a line break, NUL or ESC)" in done.stderr
    assert table_counts(db_path)["accounts"] == 0
