"""Lockbox and payments files: all or nothing, every bad row named, the batch balanced or left open."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from cashdesk.cli import main
from cashdesk.config import Settings
from cashdesk.domain.money import Money
from cashdesk.domain.security import Role
from cashdesk.services import auth
from cashdesk.services.context import Operator, ServiceContext, command_line_operator
from cashdesk.services.mail_batches import MailRefused, balance_batch, post_batch
from cashdesk.services.payment_imports import PaymentsImportRefused, import_payments
from cashdesk.services.users import add_user

NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)
CASHIER = Operator("jcashier", Role.CASHIER)
PASSWORD = "a-long-password-1"

GOOD = """\
lockbox,account,payer,check_number,amount,deposit_date
77,1000000017,John Smith,1042,73.15,2026-11-26
77,1000000033,"GARCIA, ANA",5501,"$1,000.00",2026-11-26
77,2000000019,Main Street Bakery,9001,1375.00,2026-11-26
"""
GOOD_TOTAL = Money(7315 + 100000 + 137500)


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def ctx(small_city: Path) -> Iterator[ServiceContext]:
    context = ServiceContext.open(small_city, settings=Settings())
    context.clock = lambda: NOW
    add_user(context, command_line_operator(), "jcashier", Role.CASHIER, PASSWORD, must_change_password=False)
    yield context
    context.close()


def write(tmp_path: Path, text: str, name: str = "lockbox.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def counts(db: Path) -> tuple[int, int, int]:
    con = sqlite3.connect(db)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[return-value]
                     for t in ("mail_batches", "mail_items", "receipts"))  # fmt: skip
    finally:
        con.close()


def test_a_good_file_makes_a_balanced_batch_ready_to_post(
    ctx: ServiceContext, small_city: Path, tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    result = import_payments(ctx, CASHIER, write(tmp_path, GOOD), control_count=3, control_total=GOOD_TOTAL,
                             progress=lambda done, total: seen.append((done, total)))  # fmt: skip
    assert result.balanced and result.rows == 3
    view = result.view
    assert (view.number, view.status, view.source, view.source_file) == ("M-20261126-01", "balanced", "lockbox",
                                                                          "lockbox.csv")  # fmt: skip
    assert [(i.seq, i.account, i.amount, i.check_number, i.payer, i.source_line) for i in view.items] == [
        (1, "1000000017", Money(7315), "1042", "John Smith", 2),
        (2, "1000000033", Money(100000), "5501", "GARCIA, ANA", 3),
        (3, "2000000019", Money(137500), "9001", "Main Street Bakery", 4),
    ]
    assert seen[-1] == (3, 3)
    assert result.describe() == ("Imported lockbox.csv as batch M-20261126-01: 3 remittances for $2,448.15. "
                                 "It balances to the tape and is ready to post.")  # fmt: skip
    posted = post_batch(ctx, CASHIER, view.id)
    assert posted.total == GOOD_TOTAL and len(posted.receipts) == 3
    assert counts(small_city) == (1, 3, 3)


def test_a_file_that_does_not_match_the_tape_is_left_open_with_the_differences(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    result = import_payments(ctx, CASHIER, write(tmp_path, GOOD), control_count=4, control_total=Money(250000))
    assert not result.balanced and result.view.status == "open"
    assert result.describe().endswith(
        "It does not balance and is left open: 1 item fewer than the tape (3 entered, the tape counts 4); "
        "$51.85 less than the tape ($2,448.15 entered, the tape says $2,500.00)."
    )


def test_a_file_with_bad_rows_changes_nothing_and_names_each_row(
    ctx: ServiceContext, small_city: Path, tmp_path: Path
) -> None:
    text = GOOD + (
        "77,9999999999,Nobody,1,10.00,2026-11-26\n"  # line 5: unknown account
        "77,1000000041,Someone,2,ten,2026-11-26\n"  # line 6: bad amount
        "77,1000000017,John Smith,1042,5.00,2026-11-26\n"  # line 7: the same check as line 2
        "77,1000000025,Mary,3,5.00,2026-11-26\n"  # line 8: a cash-only account
        "77,1000000041,Someone\n"
    )  # line 9: cells missing
    before = counts(small_city)
    with pytest.raises(PaymentsImportRefused) as refused:
        import_payments(ctx, CASHIER, write(tmp_path, text), control_count=8, control_total=Money(1))
    assert [(p.line, p.reason) for p in refused.value.problems] == [
        (5, "unknown account 9999999999"),
        (6, 'bad amount "ten": write it like 123.45 or $1,234.56'),
        (7, "duplicate: check 1042 of account 1000000017 is also on line 2"),
        (8, "account 1000000025 is cash only: its check cannot be taken"),
        (9, "the row has 3 cells; the header has 6"),
    ]
    message = str(refused.value)
    assert message.startswith("lockbox.csv was not imported: 5 problems on 5 lines.")
    assert "line 5: unknown account 9999999999" in message
    assert message.endswith("Nothing was changed. Correct the file and import it again.")
    assert counts(small_city) == before


def test_a_duplicate_of_a_posted_item_is_refused(ctx: ServiceContext, small_city: Path, tmp_path: Path) -> None:
    first = import_payments(ctx, CASHIER, write(tmp_path, GOOD), control_count=3, control_total=GOOD_TOTAL)
    post_batch(ctx, CASHIER, first.view.id)
    with pytest.raises(MailRefused, match="lockbox.csv was imported already, as batch M-20261126-01"):
        import_payments(ctx, CASHIER, write(tmp_path, GOOD), control_count=3, control_total=GOOD_TOTAL)
    again = "account,amount,check_number,payer\n1000000041,5.00,77,X\n1000000033,12.00,5501,GARCIA\n"
    with pytest.raises(PaymentsImportRefused) as refused:
        import_payments(ctx, CASHIER, write(tmp_path, again, "next.csv"), control_count=2, control_total=Money(1700))
    assert [(p.line, p.reason) for p in refused.value.problems] == [
        (3, "duplicate: check 5501 of account 1000000033 was already taken (batch M-20261126-01, item 2)")
    ]
    assert counts(small_city) == (1, 3, 3)


def test_a_big_file_reports_progress_and_balances(ctx: ServiceContext, tmp_path: Path) -> None:
    lines = ["account,amount,check_number,payer"] + [f"1000000033,1.00,{n},P{n}" for n in range(1, 1201)]
    seen: list[tuple[int, int]] = []
    result = import_payments(ctx, CASHIER, write(tmp_path, "\n".join(lines) + "\n"), control_count=1200,
                             control_total=Money(120000), progress=lambda d, t: seen.append((d, t)))  # fmt: skip
    assert result.balanced and result.view.count == 1200
    assert seen == [(500, 1200), (1000, 1200), (1200, 1200)]
    balance = balance_batch  # the batch is already balanced: it cannot be balanced again
    with pytest.raises(MailRefused, match="already balanced"):
        balance(ctx, CASHIER, result.view.id)


# -- the command -------------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_exit_codes_and_messages(
    ctx: ServiceContext, small_city: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    base = ("--db", str(small_city), "import-payments")
    who = ("--user", "jcashier", "--password-stdin")
    bad = write(tmp_path, GOOD + "77,9999999999,Nobody,1,10.00,2026-11-26\n", "bad.csv")
    code, out, err = run(
        capsys, monkeypatch, *base, str(bad), "--control-count", "4", "--control-total", "2458.15", *who
    )
    assert code == 1 and out == ""
    assert "bad.csv was not imported: 1 problem on 1 line." in err
    assert "line 5: unknown account 9999999999" in err
    assert counts(small_city)[0] == 0

    good = write(tmp_path, GOOD)
    code, out, err = run(capsys, monkeypatch, *base, str(good), "--control-count", "3", "--control-total", "$2,448.00",
                         *who)  # fmt: skip
    assert code == 3
    assert "It does not balance and is left open: $0.15 more than the tape" in out

    other = write(tmp_path, GOOD.replace("1042", "1043").replace("5501", "5502").replace("9001", "9002"), "two.csv")
    code, out, err = run(capsys, monkeypatch, *base, str(other), "--control-count", "3", "--control-total", "2448.15",
                         *who)  # fmt: skip
    assert code == 0
    assert "as batch M-20261126-02" in out and "ready to post" in out
    assert "\n1 suspect remittance to look at before posting:\n" in out  # Garcia's $1,000.00 (one, not "remittances")

    code, out, err = run(capsys, monkeypatch, *base, str(other), "--control-count", "3", "--control-total", "abc", *who)
    assert code == 2 and "--control-total" in err
    code, out, err = run(capsys, monkeypatch, *base, str(tmp_path / "missing.csv"), "--control-count", "3",
                         "--control-total", "1.00", *who)  # fmt: skip
    assert code == 2 and "Cannot read" in err


def test_the_command_prints_progress_lines_for_a_big_file(
    ctx: ServiceContext, small_city: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    lines = ["account,amount,check_number,payer"] + [f"1000000033,1.00,{n},P" for n in range(1, 4001)]
    path = write(tmp_path, "\n".join(lines) + "\n", "big.csv")
    code, out, err = run(capsys, monkeypatch, "--db", str(small_city), "import-payments", str(path),
                         "--control-count", "4000", "--control-total", "4000.00", "--user", "jcashier",
                         "--password-stdin")  # fmt: skip
    assert code == 0
    assert "Checking payments: 2,000 of 4,000 rows" in err and "Checking payments: 4,000 of 4,000 rows" in err


def test_a_check_taken_while_the_file_was_checked_is_refused_at_the_write(
    ctx: ServiceContext, small_city: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rows are checked outside the write lock; a cashier keying the same check into a batch in
    between must not make it two items: the write looks again and refuses the file."""
    from cashdesk.services import payment_imports
    from cashdesk.services.mail_batches import add_remittance, open_batch

    checked = payment_imports._check

    def check_then_key_the_same_check(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = checked(*args, **kwargs)
        keyed = open_batch(ctx, CASHIER, control_count=1, control_total=Money(7315))
        add_remittance(ctx, CASHIER, keyed.id, account="1000000017", amount=Money(7315), check_number="1042",
                       payer="John Smith")  # fmt: skip
        return result

    monkeypatch.setattr(payment_imports, "_check", check_then_key_the_same_check)
    with pytest.raises(PaymentsImportRefused) as refused:
        import_payments(ctx, CASHIER, write(tmp_path, GOOD), control_count=3, control_total=GOOD_TOTAL)
    assert [(p.line, p.reason) for p in refused.value.problems] == [
        (2, "duplicate: check 1042 of account 1000000017 was already taken (batch M-20261126-01, item 1, "
            "not posted yet)")
    ]  # fmt: skip
    assert counts(small_city) == (1, 1, 0)  # the keyed batch and its one item; nothing of the file
