"""Mail batches: keyed and scanned remittances balance to the tape, post as receipts, reverse with approval."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from argon2 import PasswordHasher

from cashdesk.config import Settings
from cashdesk.devices.escpos_text import read_escpos
from cashdesk.domain import scanline
from cashdesk.domain.accounts import AccountKind
from cashdesk.domain.money import Money
from cashdesk.domain.security import OverrideAction, Role
from cashdesk.services import auth
from cashdesk.services.context import Operator, PermissionDenied, ServiceContext, command_line_operator
from cashdesk.services.mail_batches import (
    BatchUnbalanced,
    MailRefused,
    add_remittance,
    balance_batch,
    batch_view,
    list_batches,
    mail_receipt,
    open_batch,
    post_batch,
    proof_list_pdf,
    reject_batch,
    remove_remittance,
    reverse_item,
)
from cashdesk.services.overrides import OverrideRefused, approve
from cashdesk.services.users import add_user

NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)  # 10:00 in Denver
DAY = dt.date(2026, 11, 26)
CASHIER = Operator("jcashier", Role.CASHIER)
OTHER = Operator("kcashier", Role.CASHIER)
SUPERVISOR = Operator("msuper", Role.SUPERVISOR)
PASSWORD = "supervisor password 1"
SMITH_STUB = scanline.build(AccountKind.UTILITY, "1000000017", dt.date(2026, 12, 10), Money(7315))
MICR = "T102000021T 12345678O 1043"  # routing 102000021, account 12345678, check 1043


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def ctx(small_city: Path) -> Iterator[ServiceContext]:
    context = ServiceContext.open(small_city, settings=Settings())
    context.clock = lambda: NOW
    add_user(context, command_line_operator(), "msuper", Role.SUPERVISOR, PASSWORD, must_change_password=False)
    yield context
    context.close()


def rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:  # type: ignore[type-arg]
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def keyed_batch(ctx: ServiceContext, *, control_count: int = 2, control_total: int = 7315 + 5000) -> int:
    """Smith's stub with his check, and Garcia's check keyed with a MICR line."""
    batch = open_batch(ctx, CASHIER, control_count=control_count, control_total=Money(control_total))
    add_remittance(ctx, CASHIER, batch.id, scan_line=SMITH_STUB, check_number="1042", payer="John Smith")
    add_remittance(ctx, CASHIER, batch.id, account="1000000033", amount=Money(5000), micr=MICR, payer="Ana Garcia")
    return batch.id


def test_a_keyed_batch_shows_its_running_count_and_total_against_the_tape(ctx: ServiceContext) -> None:
    batch = open_batch(ctx, CASHIER, control_count=2, control_total=Money(12315))
    assert batch.number == "M-20261126-01" and batch.status == "open" and batch.business_date == DAY
    assert (batch.count, batch.total, batch.count_difference, batch.total_difference) == (
        0,
        Money(0),
        -2,
        Money(-12315),
    )
    view = add_remittance(ctx, CASHIER, batch.id, scan_line=SMITH_STUB, check_number="1042", payer="John Smith")
    (smith,) = view.items
    assert (smith.seq, smith.account, smith.account_name, smith.amount) == (1, "1000000017", "SMITH, JOHN", Money(7315))
    assert (view.count, view.total, view.count_difference, view.total_difference) == (1, Money(7315), -1, Money(-5000))
    view = add_remittance(ctx, CASHIER, batch.id, account="1000000033", amount=Money(5000), micr=MICR)
    garcia = view.items[1]
    assert garcia.check_number == "1043" and garcia.tender == "check"
    assert view.balanced and view.suspects == ()
    assert rows(ctx.db.path, "SELECT routing, bank_account, scan_line FROM mail_items ORDER BY seq") == [  # type: ignore[arg-type]
        ("", "", SMITH_STUB), ("102000021", "12345678", "")]  # fmt: skip
    assert open_batch(ctx, CASHIER, control_count=1, control_total=Money(1)).number == "M-20261126-02"


def test_a_typed_amount_wins_over_the_stub_and_the_difference_is_a_suspect(ctx: ServiceContext) -> None:
    batch = open_batch(ctx, CASHIER, control_count=1, control_total=Money(7000))
    view = add_remittance(ctx, CASHIER, batch.id, scan_line=SMITH_STUB, amount=Money(7000), check_number="1042")
    assert view.items[0].amount == Money(7000)
    assert view.suspects[0].problem == "The stub says $73.15 but $70.00 was keyed."


def test_entry_refuses_what_cannot_be_taken_and_changes_nothing(ctx: ServiceContext, small_city: Path) -> None:
    batch = open_batch(ctx, CASHIER, control_count=1, control_total=Money(100))
    bad_stub = SMITH_STUB[:-1] + str((int(SMITH_STUB[-1]) + 1) % 10)
    cases = [
        ({"account": "9999999999", "amount": Money(100), "check_number": "1"}, "No account 9999999999"),
        ({"scan_line": bad_stub, "check_number": "1"}, "check digit is wrong"),
        ({"scan_line": SMITH_STUB, "account": "1000000033", "check_number": "1"}, "stub is for account 1000000017"),
        ({"account": "1000000017", "amount": Money(0), "check_number": "1"}, "more than \\$0.00"),
        ({"account": "1000000017", "check_number": "1"}, "Type the amount"),
        ({"account": "1000000017", "amount": Money(100)}, "check needs its check number"),
        ({"account": "1000000017", "amount": Money(100), "check_number": "1", "payer": "4111 1111 1111 1111"},
         "Never type a card number"),
        ({"account": "1000000017", "amount": Money(100), "micr": "T123456789T 1O 1"}, "routing number 123456789"),
        ({"account": "1000000025", "amount": Money(100), "check_number": "1"}, "cash only"),
    ]  # fmt: skip
    for fields, message in cases:
        with pytest.raises(MailRefused, match=message):
            add_remittance(ctx, CASHIER, batch.id, **fields)  # type: ignore[arg-type]
    assert rows(small_city, "SELECT count(*) FROM mail_items") == [(0,)]
    with pytest.raises(PermissionDenied):
        open_batch(ctx, command_line_operator(), control_count=1, control_total=Money(100))
    with pytest.raises(MailRefused, match="belongs to jcashier"):
        add_remittance(ctx, OTHER, batch.id, account="1000000017", amount=Money(100), check_number="1")


def test_a_balanced_batch_posts_each_remittance_as_a_mail_receipt(ctx: ServiceContext, small_city: Path) -> None:
    batch_id = keyed_batch(ctx)
    assert balance_batch(ctx, CASHIER, batch_id).status == "balanced"
    posted = post_batch(ctx, CASHIER, batch_id)
    assert posted.receipts == ("W01-2026-000001", "W01-2026-000002")
    assert posted.total == Money(12315)
    assert posted.view.status == "posted" and posted.view.posted_by == "jcashier"
    assert [i.receipt_number for i in posted.view.items] == list(posted.receipts)
    assert [i.status for i in posted.view.items] == ["posted", "posted"]
    assert rows(small_city, "SELECT number, channel, drawer_id, business_date, cashier, payer, total_cents, "
                            "tendered_cents, change_cents, status FROM receipts ORDER BY id") == [
        ("W01-2026-000001", "mail", None, "2026-11-26", "jcashier", "John Smith", 7315, 7315, 0, "posted"),
        ("W01-2026-000002", "mail", None, "2026-11-26", "jcashier", "Ana Garcia", 5000, 5000, 0, "posted")]  # fmt: skip
    assert rows(small_city, "SELECT kind, amount_cents, reference, routing, bank_account FROM tenders ORDER BY id") == [
        ("check", 7315, "1042", "", ""), ("check", 5000, "1043", "102000021", "12345678")]  # fmt: skip
    # Smith's payment is allocated like a counter payment: late fee, then the oldest due first.
    assert rows(small_city, "SELECT o.revenue_code, o.due_date, a.amount_cents FROM allocations a "
                            "JOIN open_items o ON o.id = a.open_item_id ORDER BY a.id") == [
        ("LATEFEE", "2026-10-01", 500), ("WATER", "2026-09-10", 2990), ("WATER", "2026-12-10", 3825)]  # fmt: skip
    # Garcia owes nothing: the whole check is kept as credit.
    assert rows(small_city, "SELECT credit_cents FROM accounts WHERE number = '1000000033'") == [(2500 + 5000,)]
    assert rows(small_city, "SELECT credit_cents FROM receipt_lines ORDER BY id") == [(0,), (5000,)]
    assert rows(small_city, "SELECT kind, description, amount_cents, reference FROM account_history "
                            "WHERE description LIKE '%by mail%' ORDER BY id") == [
        ("payment", "Payment by mail, batch M-20261126-01", -7315, "W01-2026-000001"),
        ("payment", "Payment by mail, batch M-20261126-01", -5000, "W01-2026-000002")]  # fmt: skip
    assert rows(small_city, "SELECT count(*) FROM print_jobs") == [(0,)]  # receipts only on request
    events = rows(
        small_city, "SELECT event_type, object, details FROM audit_events WHERE event_type = 'mail_batch_post'"
    )
    assert len(events) == 1  # one event for the batch, not one per item
    assert events[0][1] == "M-20261126-01"
    assert json.loads(events[0][2])["count"] == 2 and json.loads(events[0][2])["total_cents"] == 12315
    with pytest.raises(MailRefused, match="already posted"):
        post_batch(ctx, CASHIER, batch_id)


def test_two_remittances_for_one_account_pay_on_from_where_the_first_left_off(
    ctx: ServiceContext, small_city: Path
) -> None:
    batch = open_batch(ctx, CASHIER, control_count=2, control_total=Money(10805 + 1000))
    add_remittance(ctx, CASHIER, batch.id, account="1000000017", amount=Money(10000), check_number="1")
    add_remittance(ctx, CASHIER, batch.id, account="1000000017", amount=Money(1805), check_number="2")
    balance_batch(ctx, CASHIER, batch.id)
    post_batch(ctx, CASHIER, batch.id)
    assert rows(small_city, "SELECT sum(amount_cents - paid_cents) FROM open_items o JOIN accounts a "
                            "ON a.id = o.account_id WHERE a.number = '1000000017'") == [(0,)]  # fmt: skip
    assert rows(small_city, "SELECT credit_cents FROM accounts WHERE number = '1000000017'") == [(1000,)]


def test_an_unbalanced_batch_refuses_to_post_naming_the_difference_and_the_suspects(
    ctx: ServiceContext, small_city: Path
) -> None:
    batch = open_batch(ctx, CASHIER, control_count=3, control_total=Money(20000))
    add_remittance(ctx, CASHIER, batch.id, scan_line=SMITH_STUB, amount=Money(7351), check_number="1042")
    add_remittance(ctx, CASHIER, batch.id, account="1000000041", amount=Money(50000), check_number="9")
    with pytest.raises(BatchUnbalanced) as refused:
        balance_batch(ctx, CASHIER, batch.id)
    message = str(refused.value)
    assert "Batch M-20261126-01 does not balance" in message
    assert "1 item fewer than the tape (2 entered, the tape counts 3)" in message
    assert "$373.51 more than the tape ($573.51 entered, the tape says $200.00)" in message
    assert "item 1 (The stub says $73.15 but $73.51 was keyed)" in message
    assert "item 2 ($500.00 is far above the $0.00 due)" in message
    assert [i.seq for i in refused.value.view.suspects] == [1, 2]
    with pytest.raises(BatchUnbalanced, match="cannot post: it does not balance: 1 item fewer"):
        post_batch(ctx, CASHIER, batch.id)
    assert rows(small_city, "SELECT count(*) FROM receipts") == [(0,)]
    assert rows(small_city, "SELECT status FROM mail_batches") == [("open",)]
    # Fixed: the wrong amount taken out and keyed again, the missing one added.
    view = remove_remittance(ctx, CASHIER, batch.id, refused.value.view.items[0].id)
    assert [i.seq for i in view.items] == [2]
    add_remittance(ctx, CASHIER, batch.id, scan_line=SMITH_STUB, check_number="1042")
    with pytest.raises(BatchUnbalanced, match="1 item fewer"):
        balance_batch(ctx, CASHIER, batch.id)


def test_a_check_already_posted_for_the_account_is_a_suspect(ctx: ServiceContext) -> None:
    first = keyed_batch(ctx)
    balance_batch(ctx, CASHIER, first)
    post_batch(ctx, CASHIER, first)
    second = open_batch(ctx, CASHIER, control_count=1, control_total=Money(100))
    view = add_remittance(ctx, CASHIER, second.id, account="1000000033", amount=Money(100), check_number="1043")
    assert view.suspects[0].problem == ("Check 1043 of this account was already posted (batch M-20261126-01, item 2).")


def test_a_rejected_batch_never_posts(ctx: ServiceContext, small_city: Path) -> None:
    batch_id = keyed_batch(ctx)
    balance_batch(ctx, CASHIER, batch_id)
    with pytest.raises(MailRefused, match="reason"):
        reject_batch(ctx, CASHIER, batch_id, "  ")
    view = reject_batch(ctx, CASHIER, batch_id, "tape added twice")
    assert view.status == "rejected" and view.reject_reason == "tape added twice"
    with pytest.raises(MailRefused, match="cannot post: it was rejected"):
        post_batch(ctx, CASHIER, batch_id)
    assert rows(small_city, "SELECT count(*) FROM receipts") == [(0,)]
    assert [(b.number, b.status, b.count, b.items) for b in list_batches(ctx, CASHIER)] == [
        ("M-20261126-01", "rejected", 2, ())]  # fmt: skip


def test_a_supervisor_reverses_one_posted_remittance_with_a_reason(ctx: ServiceContext, small_city: Path) -> None:
    batch_id = keyed_batch(ctx)
    balance_batch(ctx, CASHIER, batch_id)
    posted = post_batch(ctx, CASHIER, batch_id)
    smith, garcia = posted.view.items
    with pytest.raises(OverrideRefused, match="needs a supervisor's approval"):
        reverse_item(ctx, CASHIER, batch_id, smith.id, "keyed to the wrong account", approval_id=None)
    approval = approve(ctx, action=OverrideAction.MAIL_REVERSAL, requested_by=CASHIER, supervisor_id="msuper",
                       password=PASSWORD, object=smith.receipt_number)  # fmt: skip
    view = reverse_item(ctx, CASHIER, batch_id, smith.id, "keyed to the wrong account", approval_id=approval.id)
    assert [i.status for i in view.items] == ["reversed", "posted"]
    assert view.reversed_count == 1 and view.reversed_total == Money(7315)
    assert rows(small_city, "SELECT status, void_reason, voided_by FROM receipts ORDER BY id") == [
        ("void", "keyed to the wrong account", "jcashier"), ("posted", "", "")]  # fmt: skip
    # Every allocation is reversed by one that points back; Smith owes what he owed before.
    assert rows(small_city, "SELECT sum(a.amount_cents) FROM allocations a JOIN receipt_lines l "
                            "ON l.id = a.receipt_line_id WHERE l.receipt_id = 1") == [(0,)]  # fmt: skip
    assert rows(small_city, "SELECT count(*) FROM allocations WHERE reverses_id IS NOT NULL") == [(3,)]
    assert rows(small_city, "SELECT sum(amount_cents - paid_cents) FROM open_items WHERE account_id = 1") == [(10805,)]
    assert rows(small_city, "SELECT reversed_by, reverse_reason FROM mail_items WHERE seq = 1") == [
        ("jcashier", "keyed to the wrong account")]  # fmt: skip
    details = json.loads(rows(small_city, "SELECT details FROM audit_events WHERE event_type = 'mail_reversal'")[0][0])
    assert details["approved_by"] == "msuper" and details["batch"] == "M-20261126-01"
    with pytest.raises(MailRefused, match="already reversed"):
        reverse_item(ctx, CASHIER, batch_id, smith.id, "again", approval_id=None)
    # Garcia's check left credit on her account: reversing takes the credit back.
    void_approval = approve(ctx, action=OverrideAction.VOID, requested_by=CASHIER, supervisor_id="msuper",
                            password=PASSWORD, object=garcia.receipt_number)  # fmt: skip
    reverse_item(ctx, CASHIER, batch_id, garcia.id, "check was for another city", approval_id=void_approval.id)
    assert rows(small_city, "SELECT credit_cents FROM accounts WHERE number = '1000000033'") == [(2500,)]


def test_a_remittance_whose_check_came_back_is_not_reversed_too(ctx: ServiceContext, small_city: Path) -> None:
    """The returned check took Smith's payment off his bills: a reversal would take it off twice."""
    from cashdesk.services.returned_checks import record_returned_check

    batch_id = keyed_batch(ctx)
    balance_batch(ctx, CASHIER, batch_id)
    smith, _ = post_batch(ctx, CASHIER, batch_id).view.items
    record_returned_check(ctx, SUPERVISOR, smith.receipt_number, "1042")
    owed = rows(small_city, "SELECT sum(amount_cents - paid_cents) FROM open_items WHERE account_id = 1")
    approval = approve(ctx, action=OverrideAction.MAIL_REVERSAL, requested_by=CASHIER, supervisor_id="msuper",
                       password=PASSWORD, object=smith.receipt_number)  # fmt: skip
    with pytest.raises(MailRefused, match=f"Receipt {smith.receipt_number} has a returned check recorded"):
        reverse_item(ctx, CASHIER, batch_id, smith.id, "keyed to the wrong account", approval_id=approval.id)
    assert rows(small_city, "SELECT sum(amount_cents - paid_cents) FROM open_items WHERE account_id = 1") == owed
    assert rows(small_city, "SELECT status FROM mail_items WHERE seq = 1") == [("posted",)]


def test_an_unposted_item_is_removed_not_reversed(ctx: ServiceContext) -> None:
    batch_id = keyed_batch(ctx)
    item = batch_view(ctx, CASHIER, batch_id).items[0]
    with pytest.raises(MailRefused, match="not posted"):
        reverse_item(ctx, CASHIER, batch_id, item.id, "wrong", approval_id=None)


def test_the_proof_list_lists_every_item_with_totals_and_differences(ctx: ServiceContext, tmp_path: Path) -> None:
    batch = open_batch(ctx, CASHIER, control_count=3, control_total=Money(12315))
    add_remittance(ctx, CASHIER, batch.id, scan_line=SMITH_STUB, amount=Money(7351), check_number="1042",
                   payer="John Smith")  # fmt: skip
    add_remittance(ctx, CASHIER, batch.id, account="1000000033", amount=Money(5000), micr=MICR, payer="Ana Garcia")
    path = proof_list_pdf(ctx, CASHIER, batch.id, tmp_path / "proof")
    assert path.name == "proof-list-M-20261126-01.pdf"
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    for expected in ("M-20261126-01", "2026-11-26", "jcashier", "Control count (tape): 3",
                     "Control total (tape): $123.15", "1000000017", "SMITH, JOHN", "1042", "John Smith", "$73.51",
                     "1000000033", "GARCIA, ANA", "1043", "Ana Garcia", "$50.00",
                     "Problem: The stub says $73.15 but $73.51 was keyed.", "Count: 2", "Total: $123.51",
                     "Count difference: -1", "Total difference: $0.36",
                     "1 item fewer than the tape"):  # fmt: skip
        assert expected in text, expected
    first = path.read_bytes()
    assert proof_list_pdf(ctx, CASHIER, batch.id, tmp_path / "proof").read_bytes() == first  # deterministic


def test_a_posted_batch_proof_list_shows_its_receipt_numbers_and_says_the_count_agrees(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    batch_id = keyed_batch(ctx)
    before = "\n".join(
        p.extract_text() for p in pypdf.PdfReader(proof_list_pdf(ctx, CASHIER, batch_id, tmp_path)).pages
    )
    assert "W01-2026-" not in before  # no receipt yet
    balance_batch(ctx, CASHIER, batch_id)
    post_batch(ctx, CASHIER, batch_id)
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(proof_list_pdf(ctx, CASHIER, batch_id, tmp_path)).pages)
    # Each remittance's row, cell after cell as the page reads: its receipt number before its amount.
    smith, garcia = text.index("SMITH, JOHN"), text.index("GARCIA, ANA")
    assert smith < text.index("W01-2026-000001") < text.index("$73.15", smith) < garcia
    assert garcia < text.index("W01-2026-000002") < text.index("$50.00", garcia)
    assert "Count agrees with the tape" in text and "Total agrees with the tape" in text
    assert "+0" not in text and "difference" not in text.lower()


def test_a_long_proof_list_runs_over_pages(ctx: ServiceContext, tmp_path: Path) -> None:
    batch = open_batch(ctx, CASHIER, control_count=120, control_total=Money(120 * 100))
    for n in range(120):
        add_remittance(ctx, CASHIER, batch.id, account="1000000033", amount=Money(100), check_number=str(n + 1))
    reader = pypdf.PdfReader(proof_list_pdf(ctx, CASHIER, batch.id, tmp_path))
    assert len(reader.pages) > 1
    assert "Balanced to the tape." in reader.pages[-1].extract_text()


def test_a_mail_receipt_prints_or_saves_only_on_request(ctx: ServiceContext, small_city: Path, tmp_path: Path) -> None:
    batch_id = keyed_batch(ctx)
    item = batch_view(ctx, CASHIER, batch_id).items[0]
    with pytest.raises(MailRefused, match="not posted yet"):
        mail_receipt(ctx, CASHIER, item.id, print_it=True)
    balance_batch(ctx, CASHIER, batch_id)
    post_batch(ctx, CASHIER, batch_id)
    with pytest.raises(MailRefused, match="print the receipt or to save it"):
        mail_receipt(ctx, CASHIER, item.id)
    assert mail_receipt(ctx, CASHIER, item.id, print_it=True) is None
    (payload,) = rows(small_city, "SELECT payload FROM print_jobs WHERE kind = 'receipt'")
    (receipt,) = read_escpos(payload[0]).receipts
    for text in ("W01-2026-000001", "1000000017", "SMITH, JOHN", "$73.15", "1042", "John Smith"):
        assert text in receipt, text
    pdf = mail_receipt(ctx, CASHIER, item.id, folder=tmp_path)
    assert pdf is not None and pdf.name == "receipt-W01-2026-000001.pdf"
    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "W01-2026-000001" in text and "SMITH, JOHN" in text and "$73.15" in text
    assert rows(small_city, "SELECT count(*) FROM print_jobs WHERE kind = 'drawer_kick'") == [(0,)]


def test_a_stub_pays_an_account_whose_number_is_shorter_than_the_stubs(ctx: ServiceContext, small_city: Path) -> None:
    from cashdesk.store.db import Database
    from tests.support import city

    db = Database.open(small_city)
    with db.unit_of_work() as uow:
        short = city.add_account(uow, "1001", "SHORT, NUMBER", "1 Short St", "")
        city.add_item(uow, short, "WATER", "Water", dt.date(2026, 11, 1), dt.date(2026, 12, 1), 2500, 0, "")
        uow.commit()
    db.dispose()
    stub = scanline.build(AccountKind.UTILITY, "0000001001", dt.date(2026, 12, 1), Money(2500))
    batch = open_batch(ctx, CASHIER, control_count=1, control_total=Money(2500))
    view = add_remittance(ctx, CASHIER, batch.id, scan_line=stub, check_number="501", payer="N. Short")
    assert [(i.account, i.amount, i.problem) for i in view.items] == [("1001", Money(2500), "")]
    with pytest.raises(MailRefused, match="The stub is for account 0000001001, not 1002"):
        add_remittance(ctx, CASHIER, batch.id, scan_line=stub, account="1002", check_number="502")
