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


# -- import-payments -------------------------------------------------------------------------------

PASSWORD = "a-long-password-1"
LOCKBOX = "account,amount,check_number,payer\n1000000017,73.15,1042,John Smith\n1000000033,10.00,5501,Ana Garcia\n"


@pytest.fixture
def city(small_city: Path) -> Path:
    """The small city with a cashier who may import payments."""
    from cashdesk.config import Settings
    from cashdesk.domain.security import Role
    from cashdesk.services.context import ServiceContext, command_line_operator
    from cashdesk.services.users import add_user

    context = ServiceContext.open(small_city, settings=Settings())
    try:
        add_user(context, command_line_operator(), "jcashier", Role.CASHIER, PASSWORD, must_change_password=False)
    finally:
        context.close()
    return small_city


def import_payments(db: Path, path: Path, count: int = 2, total: str = "83.15") -> subprocess.CompletedProcess[str]:
    return cashdesk("--db", str(db), "import-payments", str(path), "--control-count", str(count),
                    "--control-total", total, "--user", "jcashier", "--password-stdin", "--no-progress",
                    stdin=PASSWORD + "\n")  # fmt: skip


def limits(rows: int = 500_000, megabytes: int = 100) -> None:
    Path(os.environ["CASHDESK_CONFIG"]).parent.mkdir(parents=True, exist_ok=True)
    Path(os.environ["CASHDESK_CONFIG"]).write_text(
        f"[imports]\npayments_max_rows = {rows}\npayments_max_megabytes = {megabytes}\n", encoding="utf-8"
    )


def test_import_payments_refuses_a_fifo_a_device_a_folder_and_a_socket_before_reading(
    city: Path, odd_paths: list[tuple[Path, str]]
) -> None:
    before = table_counts(city)
    for path, said in odd_paths:
        done = import_payments(city, path)  # a FIFO opened for reading would wait for a writer: timeout
        assert done.returncode == 2, (path, done.stderr)
        assert f"{path} {said}." in done.stderr and "Nothing was changed." in done.stderr
        assert "Traceback" not in done.stderr
    assert table_counts(city) == before


def test_import_payments_refuses_a_file_past_the_size_limit_in_words(city: Path, tmp_path: Path) -> None:
    limits(megabytes=1)
    path = tmp_path / "big.csv"
    path.write_text(LOCKBOX + "1000000033,1.00,7,P\n" * 60_000, encoding="utf-8")  # 1.2 MB

    done = import_payments(city, path)

    assert done.returncode == 2
    assert done.stderr.strip() == (
        "cashdesk: big.csv is 1.2 MB; a payments file may be at most 1 MB "
        "(the setting imports.payments_max_megabytes). Nothing was changed. "
        "Split the file, or ask the administrator to raise the limit."
    )
    assert table_counts(city)["mail_batches"] == 0


def test_import_payments_refuses_a_file_past_the_row_limit_in_words(city: Path, tmp_path: Path) -> None:
    limits(rows=2)
    path = tmp_path / "three.csv"
    path.write_text(LOCKBOX + "1000000033,1.00,7,P\n", encoding="utf-8")  # one past the limit
    done = import_payments(city, path, 3, "84.15")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "cashdesk: three.csv has more than 2 payments; a payments file may hold at most that many (the setting "
        "imports.payments_max_rows). Nothing was changed. Split the file, or ask the administrator to raise the limit."
    )
    assert table_counts(city)["mail_batches"] == 0

    path.write_text(LOCKBOX + "garbage\n" * 2, encoding="utf-8")  # bad rows count toward the limit
    assert "three.csv has more than 2 payments" in import_payments(city, path).stderr

    path.write_text(LOCKBOX, encoding="utf-8")  # at the limit: taken
    done = import_payments(city, path)
    assert done.returncode == 0, done.stderr
    assert table_counts(city)["mail_items"] == 2


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_import_payments_reads_a_file_by_its_byte_order_mark(city: Path, tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "lockbox.csv"
    mark = "\ufeff" if encoding == "utf-16-be" else ""
    path.write_bytes((mark + LOCKBOX.replace("Ana Garcia", "Ana García")).encode(encoding))

    done = import_payments(city, path)

    assert done.returncode == 0, done.stderr
    assert "2 remittances for $83.15" in done.stdout and "ready to post" in done.stdout
    con = sqlite3.connect(city)
    try:
        assert con.execute("SELECT payer FROM mail_items ORDER BY seq").fetchall() == [("John Smith",), ("Ana García",)]
    finally:
        con.close()


def test_import_payments_refuses_utf16_without_a_mark_in_one_sentence(city: Path, tmp_path: Path) -> None:
    path = tmp_path / "lockbox.csv"
    path.write_bytes(LOCKBOX.encode("utf-16-le"))

    done = import_payments(city, path)

    assert done.returncode == 1
    assert done.stderr.splitlines()[:2] == [
        "lockbox.csv was not imported: 1 problem on 1 line.",
        "line 1: it is saved as UTF-16 text without a byte-order mark; save it as UTF-8 "
        '(in Excel: Save As, "CSV UTF-8 (Comma delimited)") and import it again',
    ]
    assert table_counts(city)["mail_batches"] == 0


def test_import_payments_names_the_line_that_is_not_utf8(city: Path, tmp_path: Path) -> None:
    path = tmp_path / "lockbox.csv"
    path.write_bytes(LOCKBOX.encode() + b"1000000033,2.00,77,Caf\xe9\n")

    done = import_payments(city, path, 3, "85.15")

    assert done.returncode == 1
    assert "line 4: the text is not UTF-8" in done.stderr
    assert table_counts(city)["mail_batches"] == 0


@pytest.mark.parametrize("payer", ["John\x1bSmith", "John\x00Smith", "John\u202eSmith"])
def test_import_payments_refuses_control_characters_in_the_payer(city: Path, tmp_path: Path, payer: str) -> None:
    path = tmp_path / "lockbox.csv"
    path.write_text(LOCKBOX.replace("John Smith", f'"{payer}"'), encoding="utf-8", newline="")

    done = import_payments(city, path)

    assert done.returncode == 1
    assert "line 2: the payer holds " in done.stderr and "which cannot be printed or kept" in done.stderr
    assert table_counts(city)["mail_batches"] == 0


def test_import_payments_keeps_a_payer_over_two_lines_as_one_line(city: Path, tmp_path: Path) -> None:
    """A bank's payer cell over two lines is joined with a space (domain/mail.py), so no line break
    reaches the batch, the proof list or the deposit file."""
    path = tmp_path / "lockbox.csv"
    path.write_text(LOCKBOX.replace("John Smith", '"John\r\nSmith"'), encoding="utf-8", newline="")

    done = import_payments(city, path)

    assert done.returncode == 0, done.stderr
    con = sqlite3.connect(city)
    try:
        assert con.execute("SELECT payer FROM mail_items WHERE seq = 1").fetchone() == ("John Smith",)
    finally:
        con.close()
