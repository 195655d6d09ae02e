"""The trail protects the money: each money event's digests, `audit verify` naming the rows that
no longer match, the database's guards on posted rows, and a verify that never crashes.

One business day with every money event (drawer open, counter posts, a void, a drop, a paid-out,
a count and a close, a mail batch posted and one remittance reversed, a returned check, the day
close) is built once through the services, with the guards in place; each test works on a copy
and changes it the way someone with the file and plain sqlite3 could.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from cashdesk.cli import main
from cashdesk.config import Settings
from cashdesk.domain import scanline
from cashdesk.domain.accounts import AccountKind
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import OverrideAction, Role
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services import auth
from cashdesk.services.audit import verify_audit
from cashdesk.services.balancing import CountInput, close_drawer, items_to_verify, record_count
from cashdesk.services.context import Operator, ServiceContext, command_line_operator
from cashdesk.services.day_close import close_day
from cashdesk.services.drawers import open_drawer
from cashdesk.services.mail_batches import add_remittance, balance_batch, open_batch, post_batch, reverse_item
from cashdesk.services.overrides import approve
from cashdesk.services.payments import AccountPayment, Cart, MiscItem, post_receipt
from cashdesk.services.returned_checks import record_returned_check
from cashdesk.services.setup import init_database
from cashdesk.services.shift import cash_drop, cash_position, paid_out
from cashdesk.services.users import add_user
from cashdesk.services.voids import void_receipt
from cashdesk.store import guards
from cashdesk.store.db import Database
from tests.support import city

NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)  # 10:00 in Denver
DAY = dt.date(2026, 11, 26)
CASHIER = Operator("jcashier", Role.CASHIER)
SUPERVISOR = Operator("msuper", Role.SUPERVISOR)
PASSWORD = "supervisor password 1"
SMITH, GARCIA = "1000000017", "1000000033"
BATCH = "M-20261126-01"
# The day's receipts, in the order the day posts them.
CHECK_PAYMENT, PERMIT, VOIDED, MAIL_SMITH, MAIL_GARCIA = (f"W01-2026-00000{n}" for n in range(1, 6))


def _build_day(path: Path) -> None:
    init_database(path)
    db = Database.open(path)
    with db.unit_of_work() as uow:
        smith = city.add_account(uow, SMITH, "SMITH, JOHN", "1200 N Main St")
        city.add_item(uow, smith, "WATER", "Water", dt.date(2026, 11, 20), dt.date(2026, 12, 10), 4210)
        city.add_item(uow, smith, "SEWER", "Sewer", dt.date(2026, 11, 20), dt.date(2026, 12, 10), 3105)
        city.add_item(uow, smith, "WATER", "Water", dt.date(2026, 8, 20), dt.date(2026, 9, 10), 3990)
        city.add_account(uow, GARCIA, "GARCIA, ANA", "1200 S Main St", credit_cents=2500)
        uow.commit()
    db.dispose()
    ctx = ServiceContext.open(path, settings=Settings({"backup.at_day_close": False, "nsf.fee_cents": 3500}))
    ctx.clock = lambda: NOW
    try:
        add_user(ctx, command_line_operator(), "msuper", Role.SUPERVISOR, PASSWORD, must_change_password=False)

        def approval(action: OverrideAction, obj: str) -> int:
            return approve(ctx, action=action, requested_by=CASHIER, supervisor_id="msuper", password=PASSWORD,
                           object=obj).id  # fmt: skip

        open_drawer(ctx, CASHIER, CashCount({"B20": 10}))
        post_receipt(ctx, CASHIER, Cart((AccountPayment(SMITH, Money(7315)),)),
                     [Tender(TenderKind.CHECK, Money(5000), "1042"), Tender(TenderKind.CASH, Money(2315))])  # fmt: skip
        post_receipt(ctx, CASHIER, Cart((MiscItem("BLDGPRMT", Money(2500), "deck permit"),), payer="Lee Builders"),
                     [Tender(TenderKind.CASH, Money(3000))])  # fmt: skip
        post_receipt(ctx, CASHIER, Cart((AccountPayment(SMITH, Money(1000)),)), [Tender(TenderKind.CASH, Money(1000))])
        void_receipt(ctx, CASHIER, VOIDED, "keyed the wrong amount", approval_id=approval(OverrideAction.VOID, VOIDED))
        cash_drop(ctx, CASHIER, CashCount({"B20": 5}))
        paid_out(ctx, CASHIER, amount=Money(1000), reason="refund of an overpayment", account=GARCIA,
                 approval_id=approval(OverrideAction.PAID_OUT, "drawer 1"))  # fmt: skip
        batch = open_batch(ctx, CASHIER, control_count=2, control_total=Money(7315 + 5000))
        stub = scanline.build(AccountKind.UTILITY, SMITH, dt.date(2026, 12, 10), Money(7315))
        add_remittance(ctx, CASHIER, batch.id, scan_line=stub, check_number="1043", payer="John Smith")
        add_remittance(ctx, CASHIER, batch.id, account=GARCIA, amount=Money(5000), micr="T102000021T 12345678O 1044",
                       payer="Ana Garcia")  # fmt: skip
        balance_batch(ctx, CASHIER, batch.id)
        posted = post_batch(ctx, CASHIER, batch.id)
        garcia = posted.view.items[1]
        reverse_item(ctx, CASHIER, batch.id, garcia.id, "check was for another city",
                     approval_id=approval(OverrideAction.MAIL_REVERSAL, garcia.receipt_number))  # fmt: skip
        position = cash_position(ctx, CASHIER)
        assert position is not None
        checks = frozenset(item.tender_id for item in items_to_verify(ctx, CASHIER))
        count = record_count(ctx, CASHIER, CountInput(CashCount({"C1": position.cash.cents}), checks))
        close_drawer(ctx, CASHIER, count_id=count.count_id, float_kept=CashCount({"C1": 10000}))
        record_returned_check(ctx, SUPERVISOR, CHECK_PAYMENT, "1042")
        close_day(ctx, SUPERVISOR, DAY)
    finally:
        ctx.close()


@pytest.fixture(scope="module")
def day_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("money-day") / "day.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        home = tmp_path_factory.mktemp("money-day-home")
        patch.setenv("CASHDESK_CONFIG", str(home / "cashdesk.toml"))
        patch.setenv("CASHDESK_LOG_DIR", str(home / "logs"))
        _build_day(path)
    yield path


@pytest.fixture
def day(day_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "day.sqlite3"
    shutil.copy2(day_template, path)
    return path


def query(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def tamper(path: Path, *statements: str, put_back: bool = True) -> None:
    """Someone with the file and plain sqlite3: drops every guard, changes rows, and (a careful
    one) puts the guards back, so only the digests tell."""
    con = sqlite3.connect(path)
    saved = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                        "AND name NOT LIKE '%fts%'").fetchall()  # fmt: skip
    for name, _ in saved:
        con.execute(f'DROP TRIGGER "{name}"')
    for sql in statements:
        con.execute(sql)
    if put_back:
        for _, sql in saved:
            con.execute(sql)
    con.commit()
    con.close()


def verify(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--db", str(path), "audit", "verify"])
    return code, capsys.readouterr().out


def event(path: Path, event_type: str, obj: str | None = None) -> int:
    """The sequence number of the (last) event of that type, on that object."""
    sql = "SELECT max(seq) FROM audit_events WHERE event_type = ?" + (" AND object = ?" if obj else "")
    ((seq,),) = query(path, sql, (event_type, obj) if obj else (event_type,))
    assert seq is not None
    return int(seq)  # type: ignore[call-overload]


SEALED_TYPES = ("drawer_open", "post", "void", "cash_drop", "paid_out", "mail_batch_post", "mail_reversal",
                "drawer_count", "drawer_close", "returned_check", "day_close")  # fmt: skip


def test_a_whole_day_verifies_and_every_money_event_carries_its_digests(
    day: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    money = query(day, f"SELECT event_type, details FROM audit_events WHERE event_type IN "
                       f"({', '.join('?' * len(SEALED_TYPES))})", SEALED_TYPES)  # fmt: skip
    assert {t for t, _ in money} == set(SEALED_TYPES)
    assert all(json.loads(details)["digests"] for _, details in money)
    code, out = verify(day, capsys)
    assert code == 0, out
    assert out.splitlines()[1] == f"The rows of {len(money)} money events match what each recorded."


# -- the cases ------------------------------------------------------------------------------


def test_a_changed_payment_is_named(day: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A posted payment's amount changed in receipts and tenders passed verify before."""
    tamper(day, f"UPDATE tenders SET amount_cents = 500 WHERE kind = 'cash' AND receipt_id = "
                f"(SELECT id FROM receipts WHERE number = '{PERMIT}')",
           f"UPDATE receipts SET tendered_cents = 500, change_cents = 0, total_cents = 500 WHERE number = '{PERMIT}'",
           f"UPDATE receipt_lines SET amount_cents = 500 WHERE receipt_id = (SELECT id FROM receipts "
           f"WHERE number = '{PERMIT}')")  # fmt: skip
    code, out = verify(day, capsys)
    post = event(day, "post", PERMIT)
    assert code == 1
    assert out.splitlines() == [
        f"The audit trail's {event(day, 'day_close')} events hash correctly, but the database does not hold up:",
        f"- Receipt {PERMIT}: its amounts, payer, date or drawer no longer match what was posted (event {post}).",
        f"- Receipt {PERMIT}: its lines no longer match what was posted (event {post}).",
        f"- Receipt {PERMIT}: its tenders no longer match what was posted (event {post}).",
    ]


def test_removed_last_events_are_found_and_init_puts_the_dropped_trigger_back(
    day: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The delete trigger dropped and the last events removed passed verify, and init left the
    trigger out."""
    last_post = event(day, "post")
    tamper(day, f"DELETE FROM audit_events WHERE seq >= {last_post}", put_back=False)
    code, out = verify(day, capsys)
    assert code == 1
    assert f"- Receipt {VOIDED} is not in the audit trail: no event posted it (it was written outside cashdesk)." in out
    assert (
        "- The guard that keeps the audit trail from being deleted is missing (trigger audit_events_no_delete): "
        "someone took it out of the database file; `cashdesk init` or the window's start puts it back."
    ) in out
    assert "receipts from being deleted is missing (trigger receipts_no_delete)" in out

    assert main(["--db", str(day), "init"]) == 0
    said = capsys.readouterr().out
    assert f"Put back {len(guards.GUARDS)} guards that someone had taken out of the file or changed" in said
    con = sqlite3.connect(day)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("DELETE FROM audit_events")
    con.close()
    ((details,),) = query(day, "SELECT details FROM audit_events WHERE event_type = 'guards_restored'")
    assert set(json.loads(details)["triggers"]) == {g.name for g in guards.GUARDS}
    code, out = verify(day, capsys)
    assert code == 1  # the rows still tell: the receipt whose event was removed
    assert "the guard" not in out
    restored = event(day, "guards_restored")
    assert f"Note: event {restored} (2026-11-26, os:" in out and "put back guards that were missing or changed" in out


def _cashdesk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    return subprocess.run([sys.executable, "-m", "cashdesk", *args], capture_output=True, text=True, env=env,
                          timeout=120, check=False)  # fmt: skip


def test_a_garbled_details_cell_is_named_without_a_traceback(day: Path) -> None:
    tamper(day, "UPDATE audit_events SET details = '{\"total_cents\": 18' WHERE seq = 2")
    done = _cashdesk("--db", str(day), "audit", "verify")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert done.stdout.splitlines()[0] == (
        "The audit trail is broken at event 2: event 2 cannot be read: its details are not valid JSON."
    )


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("CAST(x'7b22ff223a317d' AS TEXT)", "its details are not valid text"),  # not UTF-8
        ("'[1, 2]'", "its details are not a JSON object"),
        ("x'00'", "its details are not valid JSON"),
    ],
)
def test_other_unreadable_cells_are_named(day: Path, capsys: pytest.CaptureFixture[str], cell: str, said: str) -> None:
    seq = event(day, "post", PERMIT)
    tamper(day, f"UPDATE audit_events SET details = {cell} WHERE seq = {seq}")
    code, out = verify(day, capsys)
    assert code == 1
    assert out.splitlines()[0] == f"The audit trail is broken at event {seq}: event {seq} cannot be read: {said}."


# -- each digest catches its rows ----------------------------------------------------------------------

_RECEIPT_ID = "(SELECT id FROM receipts WHERE number = '{}')"


@pytest.mark.parametrize(
    ("change", "event_type", "obj", "said"),
    [
        (
            f"UPDATE receipts SET payer = 'Somebody Else' WHERE number = '{PERMIT}'",
            "post",
            PERMIT,
            f"Receipt {PERMIT}: its amounts, payer, date or drawer no longer match what was posted",
        ),
        (
            f"UPDATE receipt_lines SET memo = 'fence permit' WHERE receipt_id = {_RECEIPT_ID.format(PERMIT)}",
            "post",
            PERMIT,
            f"Receipt {PERMIT}: its lines no longer match what was posted",
        ),
        (
            f"UPDATE tenders SET reference = '9042' WHERE kind = 'check' AND receipt_id = "
            f"{_RECEIPT_ID.format(CHECK_PAYMENT)}",
            "post",
            CHECK_PAYMENT,
            f"Receipt {CHECK_PAYMENT}: its tenders no longer match what was posted",
        ),
        (
            "UPDATE allocations SET amount_cents = amount_cents - 1 WHERE reverses_id IS NULL "
            "AND id = (SELECT min(a.id) FROM allocations a JOIN receipt_lines l ON l.id = a.receipt_line_id "
            "WHERE l.receipt_id = "
            f"{_RECEIPT_ID.format(CHECK_PAYMENT)})",
            "post",
            CHECK_PAYMENT,
            f"Receipt {CHECK_PAYMENT}: what it paid on each bill no longer matches what was posted",
        ),
        (
            f"DELETE FROM tenders WHERE receipt_id = {_RECEIPT_ID.format(PERMIT)}",
            "post",
            PERMIT,
            f"Receipt {PERMIT}: its tenders are gone",
        ),
        (
            f"UPDATE receipts SET number = 'W01-2026-000099' WHERE number = '{PERMIT}'",
            "post",
            PERMIT,
            f"Receipt {PERMIT} is gone",
        ),
        (
            f"UPDATE receipts SET status = 'posted', void_reason = '', voided_by = '', voided_at = NULL "
            f"WHERE number = '{VOIDED}'",
            "void",
            VOIDED,
            f"Receipt {VOIDED}: its void (status, reason, who and when) no longer matches what the void recorded",
        ),
        (
            f"UPDATE allocations SET amount_cents = 0 WHERE reverses_id IN (SELECT a.id FROM allocations a JOIN "
            f"receipt_lines l ON l.id = a.receipt_line_id WHERE l.receipt_id = {_RECEIPT_ID.format(VOIDED)})",
            "void",
            VOIDED,
            f"Receipt {VOIDED}: the reversal of what it paid no longer matches what the void recorded",
        ),
        (
            "UPDATE drawers SET opening_float_cents = 10000",
            "drawer_open",
            "drawer 1",
            "Drawer 1: its opening float and count no longer match what was counted when it opened",
        ),
        (
            "UPDATE cash_drops SET amount_cents = 8000",
            "cash_drop",
            "drawer 1",
            "Cash drop 1 (drawer 1): its amount, pieces or time no longer match what the drop recorded",
        ),
        (
            "UPDATE paid_outs SET payee = 'Someone Else'",
            "paid_out",
            "drawer 1",
            "Paid-out 1 (drawer 1): its amount, payee, reason or approval no longer match what the paid-out recorded",
        ),
        (
            "UPDATE drawer_counts SET over_short_cents = 500",
            "drawer_count",
            "drawer 1",
            "Count 1 of drawer 1: its counted and expected figures no longer match what was counted",
        ),
        (
            "UPDATE drawer_closes SET deposit_cash_cents = deposit_cash_cents - 100",
            "drawer_close",
            "drawer 1",
            "Drawer 1: its close (over/short, float kept, deposit) no longer matches what the close recorded",
        ),
        (
            "UPDATE drawers SET status = 'open', closed_at = NULL",
            "drawer_close",
            "drawer 1",
            "Drawer 1: its status and closing time no longer match what the close recorded",
        ),
        (
            "UPDATE mail_batches SET control_total_cents = 1",
            "mail_batch_post",
            BATCH,
            f"Mail batch {BATCH}: its controls, status or who posted it no longer match what was posted",
        ),
        (
            "UPDATE mail_items SET check_number = '1' WHERE seq = 1",
            "mail_batch_post",
            BATCH,
            f"Mail batch {BATCH}: its remittances no longer match what was posted",
        ),
        (
            f"UPDATE tenders SET routing = '999999999' WHERE receipt_id = {_RECEIPT_ID.format(MAIL_SMITH)}",
            "mail_batch_post",
            BATCH,
            f"Receipt {MAIL_SMITH} (mail batch {BATCH}): its tenders no longer match what was posted",
        ),
        (
            "UPDATE mail_items SET reverse_reason = 'no reason' WHERE status = 'reversed'",
            "mail_reversal",
            MAIL_GARCIA,
            f"Receipt {MAIL_GARCIA}: its remittance's reversal no longer matches what the reversal recorded",
        ),
        (
            "UPDATE returned_checks SET amount_cents = 100",
            "returned_check",
            CHECK_PAYMENT,
            f"The returned check #1042 on receipt {CHECK_PAYMENT}: its record no longer matches what was recorded",
        ),
        (
            "UPDATE open_items SET amount_cents = 100 WHERE revenue_code = 'NSF'",
            "returned_check",
            CHECK_PAYMENT,
            f"The returned check #1042 on receipt {CHECK_PAYMENT}: its NSF fee no longer matches what was recorded",
        ),
        (
            "UPDATE business_days SET deposit_total_cents = 0",
            "day_close",
            "business day 2026-11-26",
            "Business day 2026-11-26: its close (who, when, over/short, deposit total) "
            "no longer matches what the close recorded",
        ),
        (
            "UPDATE day_close_records SET lookups = lookups || ' '",
            "day_close",
            "business day 2026-11-26",
            "Business day 2026-11-26: its frozen record (names, GL codes, figures) no longer "
            "matches what the close recorded",
        ),
        (
            "DELETE FROM day_close_records",
            "day_close",
            "business day 2026-11-26",
            "Business day 2026-11-26: its frozen record (names, GL codes, figures) is gone",
        ),
    ],
)
def test_each_digest_names_the_rows_that_no_longer_match(
    day: Path, capsys: pytest.CaptureFixture[str], change: str, event_type: str, obj: str, said: str
) -> None:
    seq = event(day, event_type, obj)
    tamper(day, change)
    code, out = verify(day, capsys)
    assert code == 1
    assert f"- {said} (event {seq}).\n" in out or f"- {said} (event {seq} wrote it).\n" in out, out


def test_a_receipt_a_void_and_a_reversal_written_by_hand_are_named(
    day: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tamper(day, "INSERT INTO receipts (number, station, drawer_id, cashier, channel, business_date, posted_at, payer, "
                "total_cents, tendered_cents, change_cents, status, void_reason, voided_by, reprints) VALUES "
                "('W01-2026-000099', 'W01', 1, 'jcashier', 'counter', '2026-11-26', '2026-11-26 17:00:00.000000', "
                "'', 100, 100, 0, 'posted', '', '', 0)",
           f"UPDATE receipts SET status = 'void' WHERE number = '{PERMIT}'",
           "UPDATE mail_items SET status = 'reversed' WHERE status = 'posted'")  # fmt: skip
    code, out = verify(day, capsys)
    assert code == 1
    assert (
        "- Receipt W01-2026-000099 is not in the audit trail: no event posted it (it was written outside cashdesk)."
    ) in out
    assert f"- Receipt {PERMIT} is marked void, but no void of it is in the audit trail." in out
    assert (
        f"- Remittance 1 of mail batch {BATCH} is marked reversed, but no reversal of it is in the audit trail."
    ) in out


# -- the guards -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE tenders SET amount_cents = 1",
        "DELETE FROM tenders",
        "UPDATE receipts SET total_cents = 1, tendered_cents = 1, change_cents = 0",
        "UPDATE receipts SET payer = 'x'",
        "DELETE FROM receipts",
        f"UPDATE receipts SET status = 'posted' WHERE number = '{VOIDED}'",
        f"UPDATE receipts SET void_reason = 'other' WHERE number = '{VOIDED}'",
        f"UPDATE receipts SET voided_by = 'x' WHERE number = '{PERMIT}'",
        "UPDATE receipts SET reprints = reprints - 1 WHERE reprints > 0 OR 1",
        "UPDATE receipt_lines SET amount_cents = 1",
        "DELETE FROM receipt_lines",
        "UPDATE allocations SET amount_cents = 0",
        "DELETE FROM allocations",
        "UPDATE drawers SET opening_float_cents = 0",
        "UPDATE drawers SET cash_cents = 0",
        "UPDATE drawers SET status = 'open'",
        "DELETE FROM drawers",
        "UPDATE cash_drops SET amount_cents = 1",
        "DELETE FROM cash_drops",
        "UPDATE paid_outs SET amount_cents = 1",
        "DELETE FROM paid_outs",
        "UPDATE drawer_counts SET over_short_cents = 0",
        "DELETE FROM drawer_counts",
        "UPDATE drawer_closes SET deposit_cash_cents = 0",
        "DELETE FROM drawer_closes",
        "UPDATE returned_checks SET amount_cents = 1",
        "DELETE FROM returned_checks",
        "UPDATE mail_batches SET control_total_cents = 1",
        "DELETE FROM mail_batches",
        "UPDATE mail_items SET amount_cents = 1",
        "UPDATE mail_items SET status = 'posted' WHERE status = 'reversed'",
        "DELETE FROM mail_items",
        "UPDATE business_days SET deposit_total_cents = 0",
        "DELETE FROM business_days",
        "UPDATE day_close_records SET figures = '{}'",
        "DELETE FROM day_close_records",
    ],
)
def test_the_guards_refuse_to_change_or_delete_posted_money(day: Path, sql: str) -> None:
    con = sqlite3.connect(day)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="posted money rows are never changed or deleted"):
            con.execute(sql)
    finally:
        con.close()


def test_the_services_own_changes_still_pass_the_guards(day: Path) -> None:
    """What the day did under the guards (a void, a mail reversal, a returned check, the close) is
    there; what the services still change later is let through."""
    assert query(day, "SELECT number, status FROM receipts WHERE status = 'void' ORDER BY number") == [
        (VOIDED, "void"), (MAIL_GARCIA, "void")]  # fmt: skip
    assert query(day, "SELECT count(*) FROM returned_checks") == [(1,)]
    con = sqlite3.connect(day)
    try:
        con.execute("UPDATE business_days SET ticket_number = '000123', bag_number = 'B-77'")  # the deposit export
        con.execute(f"UPDATE receipts SET reprints = reprints + 1 WHERE number = '{PERMIT}'")  # a reprint
        con.execute("UPDATE open_items SET paid_cents = paid_cents + 1 WHERE revenue_code = 'NSF'")  # a bill paid
        con.commit()
    finally:
        con.close()


def test_a_fresh_or_upgraded_database_has_every_guard(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.sqlite3"
    init_database(fresh)
    old = tmp_path / "old.sqlite3"
    shutil.copy2(Path(__file__).parents[1] / "fixtures" / "schema-0001.sqlite3", old)
    init_database(old)
    for path in (fresh, old):
        have = dict(query(path, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
        for guard in guards.GUARDS:
            assert " ".join(str(have[guard.name]).split()) == guard.sql, guard.name


def test_init_puts_back_a_changed_guard_and_verify_names_it(day: Path, capsys: pytest.CaptureFixture[str]) -> None:
    con = sqlite3.connect(day)
    con.execute("DROP TRIGGER tenders_no_update")
    con.execute("CREATE TRIGGER tenders_no_update BEFORE UPDATE OF amount_cents ON tenders WHEN 0 BEGIN SELECT 1; END")
    con.execute("DROP TRIGGER drawer_closes_no_delete")
    con.commit()
    con.close()
    code, out = verify(day, capsys)
    assert code == 1
    assert out.splitlines()[1:] == [
        "- The guard that keeps tenders from being changed is not the one cashdesk wrote (trigger tenders_no_update): "
        "someone took it out of the database file; `cashdesk init` or the window's start puts it back.",
        "- The guard that keeps drawer closes from being deleted is missing (trigger drawer_closes_no_delete): "
        "someone took it out of the database file; `cashdesk init` or the window's start puts it back.",
    ]
    assert main(["--db", str(day), "init"]) == 0
    assert (
        "Put back 2 guards that someone had taken out of the file or changed (tenders_no_update, "
        "drawer_closes_no_delete); the audit trail records it."
    ) in capsys.readouterr().out
    con = sqlite3.connect(day)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            con.execute("UPDATE tenders SET amount_cents = 1")
    finally:
        con.close()
    ((details,),) = query(day, "SELECT details FROM audit_events WHERE event_type = 'guards_restored'")
    details = json.loads(str(details))
    assert details == {"triggers": ["tenders_no_update", "drawer_closes_no_delete"], "changed": ["tenders_no_update"]}
    code, out = verify(day, capsys)
    assert code == 0, out
    ctx = ServiceContext.open(day)
    try:
        assert verify_audit(ctx).notes[0].endswith("put back guards that were missing or changed: tenders_no_update, "
                                                   "drawer_closes_no_delete")  # fmt: skip
    finally:
        ctx.close()
