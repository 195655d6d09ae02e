"""The delinquency run on a real SQLite file: each fee by formula with the example docs/delinquency.md
works, the preview equal to the commit, once per date, door tags through the service orders, the notice
letters and the list read back, bad input refused in words."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from pypdf import PdfReader

from cashdesk import clock
from cashdesk.cli import main
from cashdesk.config import Settings
from cashdesk.domain.cash import CashCount
from cashdesk.domain.delinquency import LateFeeRule, Step, late_fee
from cashdesk.domain.money import Money
from cashdesk.domain.security import Role
from cashdesk.domain.service_orders import (
    DepositRule,
    HoldKind,
    OrderStatus,
    OrderType,
    average_bill,
    reconnect_fee,
    start_deposit,
)
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services import auth, delinquency, shutoff
from cashdesk.services import service_orders as so
from cashdesk.services.audit import verify_audit
from cashdesk.services.context import Operator, PermissionDenied, ServiceContext
from cashdesk.services.drawers import open_drawer
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from cashdesk.services.returned_checks import record_returned_check
from tests.integration import delinquency_city
from tests.integration.test_deposit_export import PASSWORD, add_people

MONDAY = dt.datetime(2026, 12, 7, 17, 0, tzinfo=dt.UTC)  # 10:00 in Denver
ON = MONDAY.date()
CASHIER = Operator("jcashier", Role.CASHIER)
SUPERVISOR = Operator("ssuper", Role.SUPERVISOR)


@pytest.fixture
def path(db_path: Path) -> Path:
    return delinquency_city.build(db_path)


@pytest.fixture
def ctx(path: Path, tmp_path: Path) -> Iterator[ServiceContext]:
    context = ServiceContext.open(path, settings=Settings({"delinquency.notices_folder": str(tmp_path / "notices")}))
    context.clock = lambda: MONDAY
    yield context
    context.close()


def rows(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def steps_of(shown: delinquency.RunPreview) -> dict[str, list[tuple[str, int]]]:
    return {a.account: [(x.step.value, x.fee.cents) for x in a.actions] for a in shown.accounts}


# -- the fees by formula, each with the example docs/delinquency.md works ------------------------------

RULE = LateFeeRule(basis_points=500, minimum_cents=500, cap_cents=5000)


def test_the_late_fee_is_a_percent_of_the_past_due_rounded_half_up_between_its_minimum_and_cap() -> None:
    assert late_fee(Money(12345), RULE) == Money(617)  # $123.45 x 5% = $6.1725 -> $6.17
    assert late_fee(Money(12350), RULE) == Money(618)  # $6.175 -> $6.18 (half up)
    assert late_fee(Money(4000), RULE) == Money(500)  # $2.00 -> the $5.00 minimum
    assert late_fee(Money(200000), RULE) == Money(5000)  # $100.00 -> the $50.00 cap
    assert late_fee(Money(200000), dataclasses.replace(RULE, cap_cents=0)) == Money(10000)  # no cap
    assert late_fee(Money(0), RULE) == Money(0)


def test_door_tag_reconnect_and_deposit_fees_by_their_documented_examples() -> None:
    s = Settings().orders
    assert Money(s.door_tag_fee_cents) == Money(3000)  # each door tag: $30.00
    hours = {"opens_hour": s.opens_hour, "closes_hour": s.closes_hour, "business_cents": s.reconnect_fee_cents,
             "after_hours_cents": s.after_hours_fee_cents}  # fmt: skip
    tuesday_10 = dt.datetime(2026, 12, 8, 10, 0)
    assert reconnect_fee(tuesday_10, **hours).fee == Money(5000)
    assert reconnect_fee(tuesday_10.replace(hour=17), **hours).fee == Money(10000)  # 5 p.m. is after hours
    assert reconnect_fee(dt.datetime(2026, 12, 12, 10, 0), **hours).fee == Money(10000)  # a Saturday
    assert reconnect_fee(tuesday_10, holidays={tuesday_10.date()}, **hours).fee == Money(10000)
    assert start_deposit(DepositRule.FIXED, fixed_cents=15000, multiple=2, average_bill=Money(0)) == Money(15000)
    bills = average_bill([Money(4500), Money(5000), Money(5001)])  # $48.336... -> $48.33, rounded down
    assert bills == Money(4833)
    assert start_deposit(DepositRule.MULTIPLE, fixed_cents=15000, multiple=2, average_bill=bills) == Money(9666)


def test_the_nsf_fee_by_its_documented_example(ctx: ServiceContext, path: Path) -> None:
    open_drawer(ctx, CASHIER, CashCount({"B20": 5}))
    posted = post_receipt(ctx, CASHIER, Cart((AccountPayment("4000000010", Money(8500), True),)),
                          [Tender(TenderKind.CHECK, Money(8500), "1042")])  # fmt: skip
    returned = record_returned_check(ctx, SUPERVISOR, posted.number, "1042")
    assert returned.fee == Money(3000)  # nsf.fee_cents
    assert rows(
        path,
        "SELECT SUM(o.amount_cents - o.paid_cents) FROM open_items o JOIN accounts a "
        "ON a.id = o.account_id WHERE a.number = '4000000010'",
    ) == [(15345,)]  # $123.45 + $30.00


# -- the run -------------------------------------------------------------------------------------------


def test_the_preview_lists_each_account_and_what_each_step_would_do(ctx: ServiceContext, path: Path) -> None:
    # A medical certificate keeps EVANS from door tags and disconnects, not from the rest.
    shutoff.hold_account(ctx, SUPERVISOR, "4000000051", HoldKind.MEDICAL, ON, None, "certificate")
    shown = delinquency.preview(ctx, CASHIER, ON)
    assert steps_of(shown) == {
        "4000000010": [("reminder", 0), ("late_fee", 617)],
        "4000000028": [("reminder", 0), ("late_fee", 500)],
        "4000000036": [("reminder", 0), ("late_fee", 5000), ("door_tag", 3000), ("disconnect", 0)],
        "4000000051": [("reminder", 0), ("late_fee", 500)],
        "5000000018": [("tax_notice", 0), ("tax_penalty", 6500)],
        "5000000026": [("tax_notice", 0), ("tax_penalty", 800), ("tax_referral", 0)],
    }
    by = {a.account: a for a in shown.accounts}
    assert by["4000000010"].next_step == (Step.DOOR_TAG, dt.date(2026, 12, 16))
    assert by["4000000028"].next_step is None  # $40.00 owed: no door tag will come of it by itself
    assert by["5000000018"].next_step == (Step.TAX_REFERRAL, dt.date(2026, 12, 19))
    assert by["5000000018"].amount_due == Money(56500)
    assert "3 month(s) late" in by["5000000018"].actions[1].note
    assert shown.held == ("4000000051",)
    assert shown.committed == "" and shown.fees == Money(617 + 500 + 5000 + 3000 + 500 + 6500 + 800)
    assert rows(path, "SELECT COUNT(*) FROM work_orders") == [(0,)]  # a preview writes nothing
    assert rows(path, "SELECT COUNT(*) FROM delinquency_runs") == [(0,)]


def test_preview_equals_commit_and_a_second_commit_changes_nothing_and_says_so(
    ctx: ServiceContext, path: Path, tmp_path: Path
) -> None:
    shown = delinquency.preview(ctx, SUPERVISOR, ON)
    done = delinquency.commit(ctx, SUPERVISOR, ON)
    assert done.repeated == ""
    blank = [dataclasses.replace(a, actions=tuple(dataclasses.replace(x, work_order="") for x in a.actions))
             for a in done.accounts]  # fmt: skip
    assert tuple(blank) == shown.accounts
    assert done.fees == shown.fees
    assert rows(path, "SELECT a.number, o.revenue_code, o.amount_cents, o.period FROM open_items o "
                "JOIN accounts a ON a.id = o.account_id WHERE o.bill_date = '2026-12-07' ORDER BY o.id") == [
        ("4000000010", "LATEFEE", 617, ""), ("4000000028", "LATEFEE", 500, ""),
        ("4000000036", "LATEFEE", 5000, ""), ("4000000036", "DOORTAG", 3000, ""),
        ("4000000051", "LATEFEE", 500, ""), ("4000000051", "DOORTAG", 3000, ""),
        ("5000000018", "TAXPEN", 5000, "2026-08"),
        ("5000000018", "TAXINT", 1500, "2026-08"), ("5000000026", "TAXINT", 800, "2026-06")]  # fmt: skip
    history = rows(path, "SELECT h.kind, h.description, h.amount_cents FROM account_history h JOIN accounts a "
                   "ON a.id = h.account_id WHERE a.number = '4000000010' ORDER BY h.id")  # fmt: skip
    assert history == [("note", "Reminder (notice sent)", 0), ("bill", "Late fee 5% of $123.45", 617)]
    before = rows(path, "SELECT COUNT(*), SUM(amount_cents) FROM open_items")
    again = delinquency.commit(ctx, SUPERVISOR, ON)
    assert again.accounts == () and again.folder is None
    assert again.repeated.startswith("The delinquency run for 2026-12-07 was committed by ssuper at 2026-12-07 17:00")
    assert "nothing was changed" in again.repeated
    assert rows(path, "SELECT COUNT(*), SUM(amount_cents) FROM open_items") == before
    assert "committed by ssuper" in delinquency.preview(ctx, CASHIER, ON).committed
    assert rows(path, "SELECT event_type, object FROM audit_events WHERE event_type = 'delinquency_run'") == [
        ("delinquency_run", "2026-12-07")]  # fmt: skip
    assert verify_audit(ctx).ok


def test_door_tags_and_disconnects_go_through_the_service_orders_and_are_never_doubled(
    ctx: ServiceContext, path: Path
) -> None:
    listed = shutoff.commit(ctx, SUPERVISOR, dt.date(2026, 12, 8))  # the shut-off list tags EVANS and CHAVEZ first
    assert len(listed.door_tags) == 2
    shown = delinquency.preview(ctx, SUPERVISOR, ON)
    assert [x.step for a in shown.accounts for x in a.actions if x.step in (Step.DOOR_TAG, Step.DISCONNECT)] == []
    ctx.settings = ctx.settings.with_values(orders__door_tag_fee_cents=2500)
    for number in listed.door_tags:  # hung by mistake: their disconnects go with them
        so.cancel(ctx, SUPERVISOR, number, "error")
    done = delinquency.commit(ctx, SUPERVISOR, ON)
    chavez = next(a for a in done.accounts if a.account == "4000000036")
    tag, cut = (x.work_order for x in chavez.actions if x.step in (Step.DOOR_TAG, Step.DISCONNECT))
    made_tag, made_cut = so.get_order(ctx, CASHIER, tag), so.get_order(ctx, CASHIER, cut)
    assert (made_tag.type, made_tag.status, made_tag.scheduled, made_tag.fee) == (
        OrderType.DOOR_TAG, OrderStatus.PENDING, ON, Money(2500))  # fmt: skip
    assert (made_cut.type, made_cut.depends_on, made_cut.scheduled) == (OrderType.DISCONNECT, tag, None)
    assert rows(path, "SELECT COUNT(*) FROM audit_events WHERE event_type = 'work_order' AND object = ?", (tag,)) == [
        (1,)]  # fmt: skip


def test_a_later_run_orders_the_disconnect_after_the_door_tag_hung_and_charges_each_fee_once(
    ctx: ServiceContext, path: Path
) -> None:
    ctx.settings = ctx.settings.with_values(delinquency__disconnect_days=90)
    first = delinquency.commit(ctx, SUPERVISOR, ON)
    chavez = next(a for a in first.accounts if a.account == "4000000036")
    assert [x.step for x in chavez.actions] == [Step.REMINDER, Step.LATE_FEE, Step.DOOR_TAG]
    tag = chavez.actions[2].work_order
    so.dispatch(ctx, CASHIER, tag)
    so.complete(ctx, CASHIER, tag, result="hung")
    later = dt.datetime(2026, 12, 21, 17, 0, tzinfo=dt.UTC)  # 92 days after the bill
    ctx.clock = lambda: later
    done = delinquency.commit(ctx, SUPERVISOR, later.date())
    steps = {a.account: [x.step for x in a.actions] for a in done.accounts}
    assert steps["4000000036"] == [Step.DISCONNECT]  # no second reminder, late fee or door tag
    cut = so.get_order(ctx, CASHIER, done.accounts[[a.account for a in done.accounts].index("4000000036")]
                       .actions[0].work_order)  # fmt: skip
    assert (cut.depends_on, cut.scheduled) == (tag, dt.date(2026, 12, 21))
    assert steps["4000000010"] == [Step.DOOR_TAG]  # 50 days now; its late fee was charged on the 7th
    assert steps["5000000018"] == [Step.TAX_PENALTY, Step.TAX_REFERRAL]  # a fourth month's interest
    garcia = next(a for a in done.accounts if a.account == "5000000018")
    assert garcia.actions[0].fee == Money(500) and "4 month(s)" in garcia.actions[0].note


def test_the_notice_letters_and_the_list_are_written_and_read_back(ctx: ServiceContext, tmp_path: Path) -> None:
    done = delinquency.commit(ctx, SUPERVISOR, ON)
    assert done.folder == tmp_path / "notices" / "delinquency-2026-12-07"
    names = sorted(p.name for p in done.folder.iterdir())
    assert names == sorted([*(f"notice-{a.account}.pdf" for a in done.accounts), "notices-2026-12-07.pdf",
                            "delinquency-2026-12-07.csv"])  # fmt: skip
    text = "\n".join(page.extract_text() for page in PdfReader(done.folder / "notice-4000000010.pdf").pages)
    for said in ("City of Aurelia", "ALLEN, ANA", "PO Box 010", "a late fee has been charged", "$123.45",
                 "Late fee charged", "$6.17", "Amount due now", "$129.62", "Door tag (shut-off notice) on 2026-12-16",
                 "payment plan"):  # fmt: skip
        assert said in text, said
    tax = "\n".join(page.extract_text() for page in PdfReader(done.folder / "notice-5000000026.pdf").pages)
    assert "referred to collections" in tax and "$225.00" in tax  # $217.00 owed + $8.00 interest
    whole = PdfReader(done.folder / "notices-2026-12-07.pdf")
    assert len(whole.pages) == len(done.accounts)
    listed = list(csv.DictReader(io.StringIO((done.folder / "delinquency-2026-12-07.csv").read_text("utf-8"))))
    assert list(listed[0]) == list(delinquency.CSV_HEADER)
    assert [(r["account"], r["step"], r["fee_cents"]) for r in listed][:2] == [
        ("4000000010", "reminder", "0"), ("4000000010", "late_fee", "617")]  # fmt: skip
    tagged = next(r for r in listed if r["step"] == "door_tag")
    assert tagged["work_order"].startswith("WO-2026-") and tagged["notice_file"] == "notice-4000000036.pdf"
    assert sum(int(r["fee_cents"]) for r in listed) == done.fees.cents


def test_bad_input_is_refused_in_words_and_changes_nothing(ctx: ServiceContext, path: Path, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        delinquency.commit(ctx, CASHIER, ON)
    with pytest.raises(delinquency.DelinquencyRefused, match=r"committed for today \(2026-12-07\), not for 2026-12-08"):
        delinquency.commit(ctx, SUPERVISOR, dt.date(2026, 12, 8))
    ctx.settings = ctx.settings.with_values(delinquency__door_tag_days=70)
    with pytest.raises(delinquency.DelinquencyRefused, match="set delinquency.disconnect_days to at least 70"):
        delinquency.preview(ctx, CASHIER, ON)
    ctx.settings = ctx.settings.with_values(delinquency__door_tag_days=45, delinquency__late_fee_cap_cents=100)
    with pytest.raises(delinquency.DelinquencyRefused, match=r"cap \(\$1.00\) is under its minimum"):
        delinquency.commit(ctx, SUPERVISOR, ON)
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    ctx.settings = ctx.settings.with_values(delinquency__late_fee_cap_cents=5000)
    with pytest.raises(delinquency.DelinquencyRefused, match="could not be written"):
        delinquency.commit(ctx, SUPERVISOR, ON, blocked)
    assert rows(path, "SELECT COUNT(*) FROM delinquency_runs") == [(0,)]
    assert rows(path, "SELECT COUNT(*) FROM open_items WHERE bill_date = '2026-12-07'") == [(0,)]


def test_the_command_previews_as_json_commits_once_and_says_so(
    path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    previous = clock.set_source(clock.starting_at(MONDAY))  # the command reads the program's one clock
    request.addfinalizer(lambda: clock.set_source(previous))
    people = ServiceContext.open(path, settings=Settings())
    try:
        add_people(people)
    finally:
        people.close()

    def run(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
        code = main(["--db", str(path), "delinquency", "run", "--date", "2026-12-07", *args])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run("--json")
    shown = json.loads(out)
    assert code == 0 and list(shown[0]) == list(delinquency.CSV_HEADER)
    assert {**shown[1], "name": ""} == {**shown[1], "name": "", "step": "late_fee", "fee_cents": 617,
                                        "amount_due_cents": 12962, "next_step": "door_tag"}  # fmt: skip
    code, out, _ = run()
    assert code == 0 and "6 account(s)" in out and "4000000036" in out
    code, _, err = run("--commit")
    assert code == 2 and "give --user SUPERVISOR" in err
    code, _, err = run("--commit", "--user", "jcashier", "--password-stdin")
    assert code == 2 and "may not commit the delinquency run" in err
    notices = tmp_path / "letters"
    code, out, err = run("--commit", "--user", "msuper", "--password-stdin", "--notices", str(notices))
    assert err == ""
    assert code == 0 and "6 account(s)" in out and str(notices / "delinquency-2026-12-07") in out
    code, out, _ = run("--commit", "--user", "msuper", "--password-stdin")
    assert code == 0 and "nothing was changed" in out


def test_an_arrangement_being_kept_holds_its_account_and_a_broken_one_is_back_at_its_step(
    ctx: ServiceContext, path: Path
) -> None:
    from cashdesk.domain.arrangements import ArrangementState
    from cashdesk.services import arrangements

    made = arrangements.create(ctx, CASHIER, "4000000036", down="200.00", installments=3)
    open_drawer(ctx, CASHIER, CashCount({"B20": 5}))
    post_receipt(ctx, CASHIER, Cart((AccountPayment("4000000036", Money(20000), True),)),
                 [Tender(TenderKind.CASH, Money(20000))])  # fmt: skip
    [kept] = arrangements.find_arrangements(ctx, CASHIER, account="4000000036")
    assert kept.id == made.id and kept.state is ArrangementState.ACTIVE
    shown = delinquency.preview(ctx, SUPERVISOR, ON)
    assert "4000000036" not in steps_of(shown) and "4000000036" in shown.held
    # The first installment (2027-01-07) unpaid past its 5 grace days: the run breaks the arrangement
    # first, and the account is back at its steps, in the preview as in the commit.
    later = dt.datetime(2027, 1, 13, 17, 0, tzinfo=dt.UTC)
    ctx.clock = lambda: later
    shown = delinquency.preview(ctx, SUPERVISOR, later.date())
    assert [step for step, _ in steps_of(shown)["4000000036"]][-2:] == ["door_tag", "disconnect"]
    done = delinquency.commit(ctx, SUPERVISOR, later.date())
    blank = [dataclasses.replace(a, actions=tuple(dataclasses.replace(x, work_order="") for x in a.actions))
             for a in done.accounts]  # fmt: skip
    assert tuple(blank) == shown.accounts
    [broken] = arrangements.find_arrangements(ctx, CASHIER, account="4000000036")
    assert broken.state is ArrangementState.BROKEN
    assert rows(path, "SELECT on_arrangement FROM accounts WHERE number = '4000000036'") == [(0,)]
    assert verify_audit(ctx).ok
