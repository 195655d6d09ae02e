"""Mail batch rules: states, balancing to the tape, suspects, and the lockbox file reader."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cashdesk.domain.mail import (
    REQUIRED_COLUMNS,
    BatchStateError,
    BatchStatus,
    LockboxRow,
    Remittance,
    balance,
    can_move,
    check_controls,
    far_above,
    parse_lockbox,
    require_move,
    suspects,
    write_lockbox,
)
from cashdesk.domain.money import Money

# -- states ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "target", "allowed"),
    [
        ("open", "balanced", True),
        ("open", "rejected", True),
        ("open", "posted", False),
        ("balanced", "posted", True),
        ("balanced", "rejected", True),
        ("posted", "rejected", False),
        ("posted", "balanced", False),
        ("rejected", "posted", False),
        ("rejected", "open", False),
    ],
)
def test_allowed_moves(current: str, target: str, allowed: bool) -> None:
    assert can_move(current, target) is allowed


def test_an_open_batch_cannot_post_and_says_why() -> None:
    with pytest.raises(BatchStateError, match="M-20261126-01 cannot post: it is not balanced yet"):
        require_move("M-20261126-01", BatchStatus.OPEN, BatchStatus.POSTED)
    with pytest.raises(BatchStateError, match="reverses its items one by one"):
        require_move("M-20261126-01", "posted", "rejected")
    require_move("M-20261126-01", "balanced", "posted")  # allowed: no error


# -- balance ------------------------------------------------------------------------------------------


def test_a_batch_that_adds_up_to_the_tape_balances() -> None:
    result = balance(3, Money(15000), [Money(5000), Money(4000), Money(6000)])
    assert result.balanced
    assert result.count_difference == 0 and result.total_difference == Money(0)
    assert result.describe() == ""


def test_the_differences_are_entered_minus_tape_in_words() -> None:
    result = balance(3, Money(15000), [Money(5000), Money(4000)])
    assert not result.balanced
    assert result.count_difference == -1
    assert result.total_difference == Money(-6000)
    assert result.describe() == (
        "1 item fewer than the tape (2 entered, the tape counts 3); "
        "$60.00 less than the tape ($90.00 entered, the tape says $150.00)"
    )
    over = balance(1, Money(100), [Money(100), Money(250)])
    assert over.describe().startswith("1 item more than the tape")
    assert "$2.50 more than the tape" in over.describe()


def test_the_same_count_with_a_keying_error_shows_only_the_total() -> None:
    assert balance(2, Money(1000), [Money(500), Money(600)]).describe() == (
        "$1.00 more than the tape ($11.00 entered, the tape says $10.00)"
    )


@given(st.lists(st.integers(min_value=1, max_value=10**8), max_size=50), st.integers(0, 60),
       st.integers(1, 10**9))  # fmt: skip
def test_balanced_exactly_when_both_differences_are_zero(cents: list[int], count: int, total: int) -> None:
    result = balance(count, Money(total), [Money(c) for c in cents])
    assert result.count_difference == len(cents) - count
    assert result.total_difference == Money(sum(cents) - total)
    assert result.balanced == (len(cents) == count and sum(cents) == total)
    assert (result.describe() == "") == result.balanced


def test_controls_must_be_positive() -> None:
    with pytest.raises(ValueError, match="control count"):
        check_controls(0, Money(100))
    with pytest.raises(ValueError, match="control total"):
        check_controls(1, Money(0))
    check_controls(1, Money(1))


# -- suspects ------------------------------------------------------------------------------------------


def r(seq: int, account: str = "1000000017", cents: int = 5000, **fields) -> Remittance:  # type: ignore[no-untyped-def]
    return Remittance(seq=seq, account=account, account_known=fields.pop("known", True), amount=Money(cents),
                      **fields)  # fmt: skip


def test_a_clean_batch_has_no_suspects() -> None:
    assert suspects([r(1, check_number="101", amount_due=Money(5000)), r(2, "1000000025", check_number="101")]) == {}


def test_each_suspect_rule_in_the_cashiers_words() -> None:
    found = suspects(
        [
            r(1, "9999999999", known=False),
            r(2, stub_amount=Money(4210), cents=4120),
            r(3, check_number="1042"),
            r(4, check_number="1042"),
            r(5, "1000000033", check_number="77"),
            r(6, "1000000041", cents=90000, amount_due=Money(4500)),
        ],
        posted_checks={("1000000033", "77"): "batch M-20261125-01, item 4"},
    )
    assert found == {
        1: "Account 9999999999 is not on file.",
        2: "The stub says $42.10 but $41.20 was keyed.",
        4: "Check 1042 of this account is also item 3 of this batch.",
        5: "Check 77 of this account was already posted (batch M-20261125-01, item 4).",
        6: "$900.00 is far above the $45.00 due.",
    }


def test_reasons_of_one_item_are_joined() -> None:
    found = suspects([r(1, check_number="5"), r(2, check_number="5", stub_amount=Money(1), cents=2)])
    assert found[2] == "The stub says $0.01 but $0.02 was keyed; check 5 of this account is also item 1 of this batch."


@pytest.mark.parametrize(
    ("amount", "due", "far"),
    [(2000, 500, False), (10_001 + 500, 500, True), (30_000, 10_000, False), (30_001, 10_000, True), (10_000, 0, False),
     (10_001, 0, True), (10_001, -5000, True)],
)  # fmt: skip
def test_far_above_the_amount_due(amount: int, due: int, far: bool) -> None:
    assert far_above(Money(amount), Money(due)) is far


# -- the lockbox file --------------------------------------------------------------------------------


def test_columns_in_any_order_with_others_allowed() -> None:
    text = ("Batch,Payer,Amount,Check_Number,Account,Posted\n"
            "7,\"SMITH, JOHN\",\"$1,234.56\",001042,1000-0000-17,x\n"
            "7,ANA GARCIA,123.45,2001,1000000033,\n")  # fmt: skip
    parsed = parse_lockbox(text)
    assert parsed.problems == ()
    assert parsed.rows == (
        LockboxRow(2, "1000000017", Money(123456), "1042", "SMITH, JOHN"),
        LockboxRow(3, "1000000033", Money(12345), "2001", "ANA GARCIA"),
    )


def test_every_bad_row_with_its_line_and_reason() -> None:
    text = (
        "account,amount,check_number,payer,tender\n"
        "1000000017,12.345,1,A,\n"  # 2: three decimals
        "1000000017,abc,2,B,\n"  # 3: not an amount
        ",10.00,3,C,\n"  # 4: no account
        "1000000017,0.00,4,D,\n"  # 5: zero
        "1000000017,-5.00,5,E,\n"  # 6: negative
        "1000000017,5.00,,F,\n"  # 7: no check number
        "1000000017,5.00,12AB,G,\n"  # 8: a check number is digits
        "1000000017,5.00,MO-77,H,money_order\n"  # 9: fine
        "1000000017,5.00,9,I,wire\n"  # 10: unknown tender
        "1000000017,5.00,9\n"  # 11: too few cells
        "\n"  # 12: blank, skipped
        "4111111111111111,5.00,10,J,\n"
    )  # 13: a card number
    parsed = parse_lockbox(text)
    by_line: dict[int, list[str]] = {}
    for problem in parsed.problems:
        by_line.setdefault(problem.line, []).append(problem.reason)
    assert sorted(by_line) == [2, 3, 4, 5, 6, 7, 8, 10, 11, 13]
    assert by_line[2] == ['bad amount "12.345": an amount has at most two digits after the decimal point']
    assert by_line[3] == ['bad amount "abc": write it like 123.45 or $1,234.56']
    assert by_line[4] == ["the account is missing"]
    assert by_line[5] == ['bad amount "0.00": the amount must be more than $0.00']
    assert by_line[6] == ['bad amount "-5.00": the amount cannot be negative']
    assert by_line[7] == ["the check number is missing"]
    assert by_line[8] == ['bad check number "12AB": up to 10 digits']
    assert by_line[10] == ['the tender "wire" is not check or money_order']
    assert by_line[11] == ["the row has 3 cells; the header has 5"]
    assert "card number" in by_line[13][0] and "4111" not in by_line[13][0]
    assert [row.line for row in parsed.rows] == [9]
    assert parsed.rows[0].tender == "money_order" and parsed.rows[0].check_number == "MO-77"
    assert parsed.problems[0].describe().startswith("line 2: bad amount")


def test_a_header_without_the_needed_columns() -> None:
    parsed = parse_lockbox("account,amount,payer\n1000000017,5.00,A\n")
    assert [p.describe() for p in parsed.problems] == [
        "line 1: the header has no column check_number (it needs account, amount, check_number, payer, in any order)"
    ]
    assert parsed.rows == ()
    assert parse_lockbox("").problems[0].reason.startswith("the file is empty")
    assert (
        parse_lockbox("account,amount,check_number,payer\n").problems[0].reason
        == "the file has a header but no payments"
    )
    assert "twice: amount" in parse_lockbox("account,amount,check_number,payer,amount\n").problems[0].reason


def test_a_quoted_cell_over_two_lines_is_one_row_and_lines_stay_right() -> None:
    text = 'account,amount,check_number,payer\n1000000017,5.00,1,"TWO\nLINES"\n1000000017,xx,2,B\n'
    parsed = parse_lockbox(text)
    assert parsed.rows[0].payer == "TWO LINES"
    assert [p.line for p in parsed.problems] == [4]


def test_a_byte_order_mark_and_crlf_line_ends_are_fine() -> None:
    parsed = parse_lockbox("\ufeffaccount,amount,check_number,payer\r\n1000000017,5.00,1,A\r\n")
    assert parsed.ok and parsed.rows[0].amount == Money(500)


# -- properties of the reader ------------------------------------------------------------------------

_cells = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)


@settings(max_examples=300)
@given(st.text(max_size=400))
def test_the_reader_never_crashes_on_any_text(text: str) -> None:
    parsed = parse_lockbox(text)
    assert parsed.ok == (not parsed.problems)
    for problem in parsed.problems:
        assert problem.line >= 1 and problem.reason


@settings(max_examples=200)
@given(st.lists(st.lists(_cells, min_size=0, max_size=6), max_size=8), st.permutations(REQUIRED_COLUMNS + ("x",)))
def test_the_reader_never_crashes_on_csv_of_any_cells(cells: list[list[str]], header: list[str]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(cells)
    parsed = parse_lockbox(buffer.getvalue())
    assert len(parsed.rows) <= len(cells)


_rows = st.builds(
    LockboxRow,
    line=st.just(0),
    # At most 12 characters: a longer run of digits could pass the card check and be refused.
    account=st.text("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=1, max_size=12),
    amount=st.integers(1, 999_999_999).map(Money),
    check_number=st.from_regex(r"[1-9][0-9]{0,9}", fullmatch=True),
    payer=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp", "Nd")), max_size=40),
    tender=st.just("check"),
)


@settings(max_examples=200)
@given(
    st.lists(_rows, min_size=1, max_size=20),
    st.permutations(("account", "amount", "check_number", "payer", "memo")),
    st.booleans(),
)
def test_valid_rows_round_trip(rows: list[LockboxRow], columns: list[str], dollar_signs: bool) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        amount = f"${row.amount.display()[1:]}" if dollar_signs else row.amount.to_file()
        values = {"account": row.account, "amount": amount, "check_number": row.check_number, "payer": row.payer,
                  "memo": "anything, at all"}  # fmt: skip
        writer.writerow([values[c] for c in columns])
    parsed = parse_lockbox(buffer.getvalue())
    assert parsed.problems == ()
    assert [(r.account, r.amount, r.check_number, r.payer) for r in parsed.rows] == [
        (r.account, r.amount, r.check_number, r.payer) for r in rows]  # fmt: skip


@settings(max_examples=100)
@given(st.lists(_rows, min_size=1, max_size=20))
def test_write_lockbox_reads_back(rows: list[LockboxRow]) -> None:
    parsed = parse_lockbox(write_lockbox(rows))
    assert parsed.problems == ()
    assert [r.line for r in parsed.rows] == list(range(2, len(rows) + 2))
    assert [(r.account, r.amount, r.check_number) for r in parsed.rows] == [(r.account, r.amount, r.check_number)
                                                                            for r in rows]  # fmt: skip
