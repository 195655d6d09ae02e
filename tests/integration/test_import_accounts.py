"""`cashdesk import-accounts`: what an administrator sees after importing the billing system's file."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from cashdesk.cli import main
from cashdesk.config import Settings
from cashdesk.domain.money import Money
from cashdesk.services import imports
from cashdesk.services.accounts import account_detail, search_accounts
from cashdesk.services.context import ServiceContext, ServiceError
from cashdesk.services.imports import ImportRefused, import_accounts
from cashdesk.store import unit_of_work
from cashdesk.store.db import DatabaseError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLE = FIXTURES / "billing-accounts.csv"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "formats.md"

HEADER = "account,kind,name,status,service_address,phone,item_id,revenue_code,bill_date,due_date,amount,paid"


@pytest.fixture
def ctx(db_path: Path) -> Iterator[ServiceContext]:
    context = ServiceContext.open(db_path, settings=Settings.load())
    yield context
    context.close()


def write(tmp_path: Path, text: str, name: str = "accounts.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def rows_of(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the tables an import may touch, plus what the search index finds."""
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return {
            table: con.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("accounts", "open_items", "account_history", "revenue_codes")
        } | {"fts": con.execute("SELECT rowid, name, service_address FROM account_fts ORDER BY rowid").fetchall()}
    finally:
        con.close()


def item_by_code(detail: object, code: str) -> object:
    items = [i for i in detail.items if i.revenue_code == code]  # type: ignore[attr-defined]
    assert len(items) == 1, items
    return items[0]


# -- a good file ---------------------------------------------------------------------------


def test_a_billing_file_imports_and_the_accounts_show_what_it_said(ctx: ServiceContext) -> None:
    result = import_accounts(ctx, SAMPLE)

    assert result.describe() == (
        "Imported 5 rows: 3 accounts added, 0 changed, 0 unchanged; 4 open items added, 0 changed, 0 unchanged."
    )
    maria = account_detail(ctx, "1000017")
    a = maria.account
    assert (a.name, a.kind.value, a.status.value) == ("Maria Lopez", "utility", "active")
    assert a.service_address == "120 Elm St"
    assert a.mailing_address == "PO Box 5\nAurelia, CO 80010"
    assert a.phone == "(303) 555-0142"
    assert maria.flags == ("Deposit held $150.00",)
    water = item_by_code(maria, "WATER")
    assert (water.description, water.period, str(water.bill_date), str(water.due_date)) == (  # type: ignore[attr-defined]
        "Water service",  # an empty description takes the revenue code's
        "2026-01",
        "2026-01-05",
        "2026-01-25",
    )
    sewer = item_by_code(maria, "SEWER")
    assert (sewer.description, sewer.amount, sewer.paid, sewer.open_amount) == (  # type: ignore[attr-defined]
        "Sewer January",
        Money(3100),
        Money(1000),
        Money(2100),
    )
    assert item_by_code(maria, "LATEFEE").amount == Money(240000)  # type: ignore[attr-defined]
    assert maria.owed == Money(4820 + 2100 + 240000)

    bakery = account_detail(ctx, "st00042")
    assert bakery.account.name == "Corner Bakery, LLC"
    assert (bakery.account.licence_number, bakery.account.filing_frequency.value) == ("LIC-88", "monthly")  # type: ignore[union-attr]
    assert bakery.flags == ("Cash only", "Credit $25.00")
    assert bakery.balance == Money(123450 - 2500)

    dale = account_detail(ctx, "1000025")
    assert dale.account.status.value == "shut_off"
    assert dale.flags == ("Shut off",)
    assert dale.items == ()

    assert [r.account for r in search_accounts(ctx, "elm")] == ["1000017"]
    assert [r.account for r in search_accounts(ctx, "corner bakery")] == ["ST00042"]
    assert [r.account for r in search_accounts(ctx, "(303) 555-0199")] == ["ST00042"]
    assert [r.account for r in search_accounts(ctx, "720 555 0101")] == ["1000025"]  # the +1 is dropped


def test_the_example_in_the_format_documentation_imports(ctx: ServiceContext, tmp_path: Path) -> None:
    example = re.search(r"### Example\s+```csv\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert example is not None
    result = import_accounts(ctx, write(tmp_path, example.group(1)))
    assert result.describe() == (
        "Imported 4 rows: 3 accounts added, 0 changed, 0 unchanged; 3 open items added, 0 changed, 0 unchanged."
    )


def test_importing_the_same_file_again_changes_nothing(ctx: ServiceContext, db_path: Path) -> None:
    import_accounts(ctx, SAMPLE)
    before = rows_of(db_path)

    again = import_accounts(ctx, SAMPLE)

    assert again.describe() == (
        "Imported 5 rows: 0 accounts added, 0 changed, 3 unchanged; 0 open items added, 0 changed, 4 unchanged."
    )
    assert not again.changed_anything
    assert rows_of(db_path) == before  # not even the accounts' updated_at moved


def test_an_updated_file_updates_what_changed_and_deletes_nothing(
    ctx: ServiceContext, db_path: Path, tmp_path: Path
) -> None:
    first = write(
        tmp_path,
        f"""{HEADER}
1000017,utility,Maria Lopez,active,120 Elm St,303-555-0142,W1,WATER,2026-01-05,2026-01-25,48.20,
1000017,utility,Maria Lopez,active,120 Elm St,303-555-0142,S1,SEWER,2026-01-05,2026-01-25,31.00,
2000001,utility,Oscar Baker,active,7 Pine Rd,,W1,WATER,2026-01-05,2026-01-25,20.00,
3000001,utility,Ruth Khan,active,9 Cedar Ln,,W1,WATER,2026-01-05,2026-01-25,15.00,
""",
        "january.csv",
    )
    import_accounts(ctx, first)
    untouched_before = [r for r in rows_of(db_path)["accounts"] if r[1] == "3000001"]

    # February: Maria married and moved, her water bill was partly paid, sewer is not in the file,
    # a new trash item; Oscar is unchanged; Ruth is not in the file; a new account.
    second = write(
        tmp_path,
        f"""{HEADER}
1000017,utility,Maria Olsen,final,44 Maple Dr,720 555 0199,W1,WATER,2026-01-05,2026-01-25,48.20,20.00
1000017,utility,Maria Olsen,final,44 Maple Dr,720 555 0199,T2,TRASH,2026-02-05,2026-02-25,18.00,
2000001,utility,Oscar Baker,active,7 Pine Rd,,W1,WATER,2026-01-05,2026-01-25,20.00,
4000001,sales_tax,New Shop,active,1 Main St,,T1,SALESTAX,2026-02-01,2026-02-20,99.99,
""",
        "february.csv",
    )
    result = import_accounts(ctx, second)

    assert result.describe() == (
        "Imported 4 rows: 1 account added, 1 changed, 1 unchanged; 2 open items added, 1 changed, 1 unchanged. "
        "1 open item of these accounts was not in the file and was left as before."
    )
    maria = account_detail(ctx, "1000017")
    assert (maria.account.name, maria.account.service_address, maria.account.phone) == (
        "Maria Olsen",
        "44 Maple Dr",
        "720 555 0199",
    )
    assert maria.flags == ("Final bill",)
    assert item_by_code(maria, "WATER").open_amount == Money(2820)  # type: ignore[attr-defined]
    assert item_by_code(maria, "SEWER").open_amount == Money(3100)  # not in the file: left as it was
    assert item_by_code(maria, "TRASH").amount == Money(1800)  # type: ignore[attr-defined]
    assert [r.account for r in search_accounts(ctx, "olsen maple")] == ["1000017"]
    assert search_accounts(ctx, "lopez") == []  # the search index forgot the old name
    assert [r.account for r in search_accounts(ctx, "720555")] == ["1000017"]
    assert account_detail(ctx, "4000001").balance == Money(9999)
    assert [r for r in rows_of(db_path)["accounts"] if r[1] == "3000001"] == untouched_before


def test_a_column_left_out_of_the_file_leaves_that_detail_as_it_was(ctx: ServiceContext, tmp_path: Path) -> None:
    import_accounts(ctx, SAMPLE)
    names_only = write(tmp_path, "account,kind,name\n1000017,utility,Maria L. Lopez\n")

    result = import_accounts(ctx, names_only)

    assert result.describe() == (
        "Imported 1 row: 0 accounts added, 1 changed, 0 unchanged; 0 open items added, 0 changed, 0 unchanged."
    )
    maria = account_detail(ctx, "1000017")
    assert maria.account.name == "Maria L. Lopez"
    assert (maria.account.service_address, maria.account.phone) == ("120 Elm St", "(303) 555-0142")
    assert maria.flags == ("Deposit held $150.00",)
    assert len(maria.items) == 3


def test_what_spreadsheets_leave_behind_is_forgiven(ctx: ServiceContext, tmp_path: Path) -> None:
    # Windows line ends, blank and empty rows, a trailing comma, lower-case letters, spaced values.
    path = tmp_path / "excel.csv"
    path.write_bytes(
        b"Account , KIND,Name,Cash-Only\r\n"
        b"\r\n"
        b"ab12,utility, Ann Ng ,Y,\r\n"
        b",,,\r\n"
        b"  ,  ,,\r\n"
        b"cd34,Sales Tax,Shop,false\r\n"
    )

    result = import_accounts(ctx, path)

    assert result.describe() == (
        "Imported 2 rows: 2 accounts added, 0 changed, 0 unchanged; 0 open items added, 0 changed, 0 unchanged."
    )
    ann = account_detail(ctx, "AB12")
    assert (ann.account.name, ann.flags) == ("Ann Ng", ("Cash only",))
    assert account_detail(ctx, "cd34").account.kind.value == "sales_tax"


def test_thousands_of_rows_cross_the_batches_and_report_progress(ctx: ServiceContext, tmp_path: Path) -> None:
    lines = [HEADER]
    for n in range(6000):
        for k in range(2):
            lines.append(f"A{n},utility,Customer {n},active,{n} Elm St,,I{k},WATER,2026-01-05,2026-01-25,{n}.{k}5,")
    path = write(tmp_path, "\n".join(lines) + "\n")
    calls: list[tuple[int, int]] = []

    result = import_accounts(ctx, path, progress=lambda done, total: calls.append((done, total)))

    assert result.describe() == (
        "Imported 12,000 rows: 6,000 accounts added, 0 changed, 0 unchanged; "
        "12,000 open items added, 0 changed, 0 unchanged."
    )
    assert len(calls) > 2
    assert calls[-1] == (12000, 12000)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert all(done < total for done, total in calls[:-1])
    assert account_detail(ctx, "A5999").owed == Money(599905 + 599915)


# -- refused files -------------------------------------------------------------------------


BAD_ROWS = f"""{HEADER},licence_number
1000017,utility,Maria Lopez,active,120 Elm St,,W1,WATER,2026-01-05,2026-01-25,48.20,,
1000017,utility,Maria Lopes,active,120 Elm St,,W2,WATER,2026-01-05,2026-01-25,10.00,,
1000017,utility,Maria Lopez,active,120 Elm St,,W1,SEWER,2026-01-05,2026-01-25,5.00,,
100-0018,utility,Ann Ng,active,,,W1,WATER,2026-01-05,2026-01-25,-5.00,,
1000019,gas,,closed?,,,W1,WATRE,2026-02-05,2026-01-25,12.345,,
1000020,utility,Bo Yu,active,,,,WATER,2026/01/05,,12.00,13.00,LIC-1
1000021,utility,Cy Po
"""


def test_a_file_with_bad_rows_is_refused_line_by_line_and_nothing_changes(
    ctx: ServiceContext, db_path: Path, tmp_path: Path
) -> None:
    import_accounts(ctx, SAMPLE)
    ctx.close()
    before_rows = rows_of(db_path)
    bad = write(tmp_path, BAD_ROWS, "bad.csv")

    ctx2 = ServiceContext.open(db_path, settings=Settings.load())
    try:
        with pytest.raises(ImportRefused) as refused:
            import_accounts(ctx2, bad)
    finally:
        ctx2.close()

    message = str(refused.value).splitlines()
    assert message[0] == "bad.csv was not imported: 16 problems on 6 lines."
    assert message[-1] == "Nothing was changed. Correct the file and import it again."
    expected = [
        "line 3, column name: differs from line 2 for account 1000017.",
        "line 4, column item_id: account 1000017 already has this item id on line 2.",
        "line 5, column account: an account number is 1 to 20 letters and digits",
        "line 5, column amount: the amount cannot be negative.",
        'line 6, column kind: "gas" is not an account kind; use one of: utility, sales_tax.',
        "line 6, column name: the account name is missing",
        'line 6, column status: "closed?" is not a status',
        'line 6, column revenue_code: there is no revenue code "WATRE" in cashdesk.',
        "line 6, column amount: an amount has at most two digits after the decimal point.",
        "line 6, column due_date: the due date 2026-01-25 is before the bill date 2026-02-05.",
        "line 7, column item_id: the item id is missing; a row with an open item needs one.",
        'line 7, column bill_date: "2026/01/05" is not a date; write dates as YYYY-MM-DD',
        "line 7, column due_date: the due date is missing",
        "line 7, column paid: the amount paid ($13.00) is more than the amount billed ($12.00).",
        "line 7, column licence_number: is only for sales-tax accounts",
        "line 8: has 3 values but the header names 13 columns.",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in message), start
    assert len(message) == 1 + 16 + 1  # the first line, one line per problem, the last line

    assert rows_of(db_path) == before_rows
    # The one thing written is the refusal, in the audit trail.
    con = sqlite3.connect(db_path)
    try:
        last = con.execute("SELECT event_type, object, success, details FROM audit_events ORDER BY seq DESC LIMIT 1")
        assert last.fetchone() == ("import_accounts", "bad.csv", 0, '{"problems":16}')
    finally:
        con.close()


@pytest.mark.parametrize(
    "cell",
    [
        "4111111111111111",
        "4111 1111 1111 1111",
        "card 5500-0000-0000-0004 exp 12/29",
        "378282246310005",
    ],
)
def test_card_numbers_are_refused_and_never_repeated(
    ctx: ServiceContext, db_path: Path, tmp_path: Path, cell: str
) -> None:
    path = write(
        tmp_path,
        f'account,kind,name,mailing_address\n1000017,utility,Maria Lopez,\n1000018,utility,Ann Ng,"{cell}"\n',
    )
    before = rows_of(db_path)

    with pytest.raises(ImportRefused) as refused:
        import_accounts(ctx, path)

    text = str(refused.value)
    assert "line 3, column mailing_address: looks like a payment card number" in text
    digits = re.sub(r"\D", "", cell)
    assert digits[-4:] not in re.sub(r"\D", "", text.split("\n", 1)[1])  # no part of the digits comes back
    assert rows_of(db_path) == before
    logs = "".join(p.read_text(errors="replace") for p in Path.home().rglob("*.log"))
    assert digits not in re.sub(r"\D", "", logs)


def test_long_numbers_that_are_not_card_numbers_import(ctx: ServiceContext, tmp_path: Path) -> None:
    # 4111111111111112 fails the check digit; 20 digits is no card; a phone is too short.
    path = write(
        tmp_path,
        "account,kind,name,phone,mailing_address\n"
        '1000017,utility,Maria Lopez,+1 (303) 555-0142,"Ref 4111111111111112, 12345678901234567890"\n',
    )
    assert import_accounts(ctx, path).accounts_added == 1


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "The file is empty. It needs a header row"),
        (b"\xef\xbb\xbf\n\n", "The file is empty."),
        (b"account,kind,name\n", "The file has a header but no rows: nothing to import."),
        (
            b"account,kind,name,license_number\n",
            "line 1, column license_number: is not a column cashdesk knows. Did you mean licence_number?",
        ),
        (b"account,kind\n", "line 1, column name: is missing from the header; every file needs it."),
        (b"account,kind,name,Name\n", "line 1, column name: is named twice in the header (columns 3 and 4)."),
        (
            b"account,kind,name,amount\n",
            "line 1, column item_id: is missing from the header; a file with open items needs "
            "item_id, revenue_code, due_date and amount.",
        ),
        (b"account;kind;name\n1;utility;A\n", "line 1: the columns must be separated by commas"),
        (
            b"account,kind,name\n1000017,utility,Caf\xe9 Noir\n",
            "line 2, column name: has characters that are not UTF-8",
        ),
        (b'account,kind,name\n1000017,utility,"Open quote\n', "line 2: the quotes are not right"),
        (
            b"account,kind,name\n1000017,sales_tax,Shop\n1000017,utility,Shop\n",
            "line 3, column kind: differs from line 2",
        ),
    ],
)
def test_files_that_cannot_be_read_are_refused_with_the_reason(
    ctx: ServiceContext, db_path: Path, tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "file.csv"
    path.write_bytes(content)
    before = rows_of(db_path)

    with pytest.raises(ImportRefused) as refused:
        import_accounts(ctx, path)

    assert expected in str(refused.value)
    assert str(refused.value).endswith("Nothing was changed. Correct the file and import it again.")
    assert rows_of(db_path) == before


def test_an_account_cannot_change_kind(ctx: ServiceContext, tmp_path: Path) -> None:
    import_accounts(ctx, SAMPLE)
    path = write(tmp_path, "account,kind,name\nx,utility,Other\nST00042,utility,Corner Bakery\n")

    with pytest.raises(ImportRefused) as refused:
        import_accounts(ctx, path)

    assert (
        "line 3, column kind: account ST00042 is a sales tax account in cashdesk; "
        "an import cannot make it a utility account."
    ) in str(refused.value)
    assert search_accounts(ctx, "other") == []


def test_a_long_list_of_problems_is_cut_short_with_a_count(
    ctx: ServiceContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imports, "MAX_LISTED", 3)
    path = write(tmp_path, "account,kind,name\n" + "".join(f"{n},gas,Name\n" for n in range(10)))

    with pytest.raises(ImportRefused) as refused:
        import_accounts(ctx, path)

    lines = str(refused.value).splitlines()
    assert lines[0] == "accounts.csv was not imported: 10 problems."
    assert lines[1:4] == [
        f'line {n}, column kind: "gas" is not an account kind; use one of: utility, sales_tax.' for n in (2, 3, 4)
    ]
    assert lines[4] == "… and 7 more problems not listed."


def test_a_busy_database_is_named_and_the_import_can_be_tried_again(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(unit_of_work, "BUSY_TIMEOUT_MS", 100)
    context = ServiceContext.open(db_path, settings=Settings.load())
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another station in the middle of posting
        with pytest.raises(DatabaseError, match="Another window or program is writing to the database"):
            import_accounts(context, SAMPLE)
        other.execute("ROLLBACK")
        assert import_accounts(context, SAMPLE).accounts_added == 3
    finally:
        other.close()
        context.close()


def test_a_missing_file_is_named(ctx: ServiceContext, tmp_path: Path) -> None:
    with pytest.raises(ServiceError, match="There is no file .*nowhere.csv"):
        import_accounts(ctx, tmp_path / "nowhere.csv")


# -- the command ----------------------------------------------------------------------------


def test_the_command_prints_the_summary(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--db", str(db_path), "import-accounts", str(SAMPLE), "--no-progress"])

    out, err = capsys.readouterr()
    assert code == 0
    assert out == (
        "Imported 5 rows: 3 accounts added, 0 changed, 0 unchanged; 4 open items added, 0 changed, 0 unchanged.\n"
    )
    assert err == ""
    assert main(["--db", str(db_path), "search", "lopez"]) == 0
    assert "1000017" in capsys.readouterr().out


def test_the_command_lists_the_problems_and_fails(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path, BAD_ROWS, "bad.csv")

    code = main(["--db", str(db_path), "import-accounts", str(bad), "--no-progress"])

    out, err = capsys.readouterr()
    assert code == 1
    assert out == ""
    assert err.startswith("bad.csv was not imported: 16 problems on 6 lines.\nline 3, column name: differs")
    assert err.endswith("Nothing was changed. Correct the file and import it again.\n")
    assert main(["--db", str(db_path), "search", "maria"]) == 1


def test_the_command_names_a_missing_file(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--db", str(db_path), "import-accounts", str(tmp_path / "nowhere.csv"), "--no-progress"])

    assert code == 2
    assert "There is no file" in capsys.readouterr().err


def test_written_a_line_per_transaction_the_accounts_and_counts_are_the_same(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big file is written in chunks of lines, each its own write transaction (a station posting beside
    it waits for one chunk); chunks of one line give the same accounts, items and counts as one chunk."""
    import shutil

    chunked_db = tmp_path / "chunked.sqlite3"
    shutil.copy(db_path, chunked_db)
    changed = SAMPLE.read_text(encoding="utf-8-sig").replace("Maria Lopez", "Maria Olsen").replace("48.20", "50.00")
    second = write(tmp_path, changed.replace(",B-2026-01-S,", ",B-2026-02-S,"), "second.csv")
    results = []
    for path, rows in ((db_path, 1_000_000), (chunked_db, 1)):
        monkeypatch.setattr(imports, "WRITE_ROWS", rows)
        context = ServiceContext.open(path, settings=Settings.load())
        try:
            results.append((import_accounts(context, SAMPLE).describe(), import_accounts(context, second).describe()))
        finally:
            context.close()
    assert results[0] == results[1]
    assert "1 changed" in results[1][1] and "not in the file" in results[1][1]
    assert without_times(rows_of(db_path)) == without_times(rows_of(chunked_db))


def without_times(tables: dict[str, list[tuple[object, ...]]]) -> dict[str, list[tuple[object, ...]]]:
    """The rows without their created/updated times (the test clock moves between the two imports)."""
    stamp = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
    return {t: [tuple(v for v in r if not (isinstance(v, str) and stamp.fullmatch(v[:19]))) for r in rows]
            for t, rows in tables.items()}  # fmt: skip
