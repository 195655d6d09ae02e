"""During the shift: the cash limits, drops to the safe, paid-outs and the X report, on a real database."""

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from cashdesk.config import Settings
from cashdesk.devices.escpos_text import read_escpos
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import OverrideAction, Role
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.context import Operator, ServiceContext, command_line_operator
from cashdesk.services.drawers import NoOpenDrawer, current_drawer, open_drawer
from cashdesk.services.overrides import OverrideRefused, approve
from cashdesk.services.payments import AccountPayment, Cart, MiscItem, cash_limit_refusal, post_receipt
from cashdesk.services.printing import deliver_queued, station_printer
from cashdesk.services.shift import (
    ShiftRefused,
    cash_drop,
    cash_position,
    paid_out,
    x_report,
)
from cashdesk.services.users import add_user
from cashdesk.services.voids import void_receipt
from cashdesk.store.models import DrawerRow

NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)  # 10:00 in Denver
CASHIER = Operator("jcashier", Role.CASHIER)
SUPERVISOR = Operator("msuper", Role.SUPERVISOR)
PASSWORD = "a-long-password-1"


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    return tmp_path / "printer.bin"


def make_ctx(path: Path, paper: Path, **settings: object) -> ServiceContext:
    context = ServiceContext.open(path, settings=Settings({"printer.spec": f"file:{paper}", **settings}))
    context.clock = lambda: NOW
    return context


@pytest.fixture
def ctx(small_city: Path, paper: Path):  # type: ignore[no-untyped-def]
    context = make_ctx(small_city, paper)
    admin = command_line_operator()
    add_user(context, admin, "jcashier", Role.CASHIER, PASSWORD, must_change_password=False)
    add_user(context, admin, "msuper", Role.SUPERVISOR, PASSWORD, must_change_password=False)
    open_drawer(context, CASHIER, CashCount({"B20": 5}))  # $100.00 float
    yield context
    context.close()


def rows(path: Path, sql: str, *args: object) -> list[tuple]:  # type: ignore[type-arg]
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def events(path: Path, event_type: str) -> list[tuple[str, str, bool, dict]]:  # type: ignore[type-arg]
    return [(user, obj, bool(ok), json.loads(details)) for user, obj, ok, details in rows(
        path, "SELECT user, object, success, details FROM audit_events WHERE event_type = ? ORDER BY seq",
        event_type)]  # fmt: skip


def job_text(path: Path, job_id: int) -> tuple[str, str]:
    ((kind, payload),) = rows(path, "SELECT kind, payload FROM print_jobs WHERE id = ?", job_id)
    (page,) = read_escpos(bytes(payload)).receipts
    return kind, page


def drawer_cash(path: Path) -> int:
    ((cents,),) = rows(path, "SELECT cash_cents FROM drawers WHERE cashier = 'jcashier'")
    return int(cents)


def cash(cents: int) -> Tender:
    return Tender(TenderKind.CASH, Money(cents))


def pay_cash(ctx: ServiceContext, cents: int, tendered: int | None = None) -> str:
    return post_receipt(ctx, CASHIER, Cart((MiscItem("COPIES", Money(cents)),)), [cash(tendered or cents)]).number


def drawer_id(ctx: ServiceContext) -> int:
    view = current_drawer(ctx, CASHIER)
    assert view is not None
    return view.id


# -- the cash limits ------------------------------------------------------------------------------------------


def test_the_cashier_is_warned_then_cash_is_refused_until_a_drop(small_city: Path, paper: Path) -> None:
    ctx = make_ctx(small_city, paper, **{"cash.warn_limit_cents": 20_000, "cash.block_limit_cents": 30_000})
    open_drawer(ctx, CASHIER, CashCount({"B20": 5}))
    assert cash_position(ctx, SUPERVISOR) is None  # no drawer of their own
    position = cash_position(ctx, CASHIER)
    assert position is not None and (position.level, position.message, position.cash) == ("ok", "", Money(10_000))
    pay_cash(ctx, 12_000)
    position = cash_position(ctx, CASHIER)
    assert position is not None and position.level == "warn" and "make a cash drop" in position.message
    pay_cash(ctx, 8000)  # exactly at the block limit
    position = cash_position(ctx, CASHIER)
    assert position is not None and position.level == "block" and "Cash is refused" in position.message
    with ctx.db.unit_of_work(write=False) as uow:
        drawer = uow.session.get(DrawerRow, position.drawer_id)
        assert drawer is not None
        refusal = cash_limit_refusal(ctx, drawer.cash_cents, 1)
        assert "$300.01" in refusal and "$300.00" in refusal and "cash drop" in refusal
        assert cash_limit_refusal(ctx, drawer.cash_cents, 0) == ""  # a check or card adds no cash
    drop = cash_drop(ctx, CASHIER, CashCount({"B100": 2}))
    assert drop.position.level == "ok" and drop.position.cash == Money(10_000)
    with ctx.db.unit_of_work(write=False) as uow:
        drawer = uow.session.get(DrawerRow, position.drawer_id)
        assert drawer is not None and cash_limit_refusal(ctx, drawer.cash_cents, 20_000) == ""
    ctx.close()


def test_a_limit_of_zero_is_off(small_city: Path, paper: Path) -> None:
    ctx = make_ctx(small_city, paper, **{"cash.warn_limit_cents": 0, "cash.block_limit_cents": 0})
    open_drawer(ctx, CASHIER, CashCount({"B100": 90}))
    position = cash_position(ctx, CASHIER)
    assert position is not None and position.level == "ok"
    with ctx.db.unit_of_work(write=False) as uow:
        drawer = uow.session.get(DrawerRow, position.drawer_id)
        assert drawer is not None and cash_limit_refusal(ctx, drawer.cash_cents, 10**8) == ""
    ctx.close()


# -- drops --------------------------------------------------------------------------------------------------------


def test_a_drop_leaves_the_drawer_prints_a_slip_for_the_witness_and_is_audited(
    ctx: ServiceContext, small_city: Path, paper: Path
) -> None:
    pay_cash(ctx, 45_000, 50_000)  # $50.00 change
    assert drawer_cash(small_city) == 10_000 + 45_000
    drop = cash_drop(ctx, CASHIER, CashCount({"B100": 3, "B20": 5, "C25": 8}))
    assert drop.amount == Money(40_200)
    assert drawer_cash(small_city) == 55_000 - 40_200
    ((did, pieces, amount, cashier),) = rows(
        small_city, "SELECT drawer_id, pieces, amount_cents, cashier FROM cash_drops"
    )
    assert (did, json.loads(pieces), amount, cashier) == (drawer_id(ctx), {"B100": 3, "B20": 5, "C25": 8}, 40_200,
                                                         "jcashier")  # fmt: skip
    assert pieces == '{"B100":3,"B20":5,"C25":8}'  # sorted keys, compact
    ((user, obj, ok, details),) = events(small_city, "cash_drop")
    assert (user, obj, ok) == ("jcashier", f"drawer {drawer_id(ctx)}", True)
    assert details["amount_cents"] == 40_200 and details["cash_after_cents"] == 14_800
    kind, slip = job_text(small_city, drop.print_job_ids[0])
    assert kind == "drop_slip"
    for text in ("City of Aurelia", "CASH DROP", "W01", "jcashier", f"Drawer {drawer_id(ctx)}".split()[0],
                 "2026-11-26 10:00", "3 x $100 bills", "$300.00", "5 x $20 bills", "8 x 25¢ coins", "$2.00",
                 "TOTAL DROPPED", "$402.00", "Witness", "________"):  # fmt: skip
        assert text in slip, text
    # The printer gets it like any other job.
    printer = station_printer(ctx)
    try:
        assert deliver_queued(ctx, printer).problem == ""
    finally:
        printer.close()
    assert any("CASH DROP" in page for page in read_escpos(paper.read_bytes()).receipts)


def test_drops_are_refused_when_empty_too_big_or_without_a_drawer(ctx: ServiceContext, small_city: Path) -> None:
    with pytest.raises(ShiftRefused, match=r"\$0.00"):
        cash_drop(ctx, CASHIER, CashCount({"B20": 0}))
    with pytest.raises(ShiftRefused, match=r"should hold only \$100.00"):
        cash_drop(ctx, CASHIER, CashCount({"B100": 1, "C1": 1}))
    with pytest.raises(NoOpenDrawer):
        cash_drop(ctx, SUPERVISOR, CashCount({"B20": 1}))
    assert rows(small_city, "SELECT count(*) FROM cash_drops") == [(0,)]
    assert drawer_cash(small_city) == 10_000
    assert events(small_city, "cash_drop") == []


# -- paid-outs --------------------------------------------------------------------------------------------------------


def approval(ctx: ServiceContext, action: OverrideAction) -> int:
    return approve(ctx, action=action, requested_by=CASHIER, supervisor_id="msuper", password=PASSWORD,
                   object=f"drawer {drawer_id(ctx)}").id  # fmt: skip


def test_a_refund_of_an_accounts_credit_needs_a_reason_and_a_supervisor(ctx: ServiceContext, small_city: Path) -> None:
    garcia = "1000000033"  # holds a $25.00 credit
    with pytest.raises(ShiftRefused, match="reason"):
        paid_out(ctx, CASHIER, amount=Money(2000), reason="  ", account=garcia, approval_id=None)
    with pytest.raises(OverrideRefused, match="supervisor's approval"):
        paid_out(ctx, CASHIER, amount=Money(2000), reason="Overpaid in October", account=garcia, approval_id=None)
    (refusal,) = events(small_city, "override_use")
    assert refusal[2] is False and refusal[3]["action"] == "paid_out" and refusal[3]["reason"] == "no_approval"
    with pytest.raises(ShiftRefused, match=r"credit of \$25.00"):
        paid_out(ctx, CASHIER, amount=Money(2600), reason="Overpaid", account=garcia,
                 approval_id=approval(ctx, OverrideAction.PAID_OUT))  # fmt: skip
    assert rows(small_city, "SELECT count(*) FROM paid_outs") == [(0,)]
    assert rows(small_city, "SELECT credit_cents FROM accounts WHERE number = ?", garcia) == [(2500,)]

    result = paid_out(ctx, CASHIER, amount=Money(2000), reason="Overpaid in October", account=garcia,
                      approval_id=approval(ctx, OverrideAction.PAID_OUT))  # fmt: skip
    assert (result.amount, result.account) == (Money(2000), garcia)
    assert rows(small_city, "SELECT credit_cents FROM accounts WHERE number = ?", garcia) == [(500,)]
    assert drawer_cash(small_city) == 8000
    ((account_id, payee, amount, reason, approved_by, code),) = rows(
        small_city, "SELECT account_id, payee, amount_cents, reason, approved_by, revenue_code FROM paid_outs"
    )
    assert (payee, amount, reason, approved_by, code) == ("GARCIA, ANA", 2000, "Overpaid in October", "msuper", None)
    assert rows(
        small_city,
        "SELECT kind, amount_cents, reference FROM account_history WHERE account_id = ? AND kind = 'refund'",
        account_id,
    ) == [("refund", 2000, f"paid-out {result.id}")]
    ((user, obj, ok, details),) = events(small_city, "paid_out")
    assert (user, ok, details["approved_by"], details["account"], details["credit_after_cents"]) == (
        "jcashier",
        True,
        "msuper",
        garcia,
        500,
    )
    kind, slip = job_text(small_city, result.print_job_ids[0])
    assert kind == "paid_out_slip"
    for text in ("PAID-OUT", garcia, "GARCIA, ANA", "Overpaid in October", "msuper", "$20.00", "Received by"):
        assert text in slip, text


def test_a_refund_without_an_account_names_the_revenue_code_and_the_payee(
    ctx: ServiceContext, small_city: Path
) -> None:
    with pytest.raises(ShiftRefused, match="revenue code"):
        paid_out(ctx, CASHIER, amount=Money(500), reason="Copies not made", payee="Pat Doe", approval_id=None)
    with pytest.raises(ShiftRefused, match="payee"):
        paid_out(ctx, CASHIER, amount=Money(500), reason="Copies not made", revenue_code="COPIES", approval_id=None)
    result = paid_out(ctx, CASHIER, amount=Money(500), reason="Copies not made", payee="Pat Doe",
                      revenue_code="copies", approval_id=approval(ctx, OverrideAction.PAID_OUT))  # fmt: skip
    assert result.account is None
    assert rows(small_city, "SELECT revenue_code, payee, account_id FROM paid_outs") == [("COPIES", "Pat Doe", None)]
    assert drawer_cash(small_city) == 9500
    _, slip = job_text(small_city, result.print_job_ids[0])
    assert "COPIES" in slip and "Pat Doe" in slip and "$5.00" in slip


def test_a_paid_out_is_refused_when_the_drawer_holds_less_cash(ctx: ServiceContext, small_city: Path) -> None:
    cash_drop(ctx, CASHIER, CashCount({"B20": 4}))  # $20.00 left
    approval_id = approval(ctx, OverrideAction.PAID_OUT)
    with pytest.raises(ShiftRefused, match=r"should hold only \$20.00"):
        paid_out(ctx, CASHIER, amount=Money(2500), reason="Overpaid", account="1000000033", approval_id=approval_id)
    assert rows(small_city, "SELECT used_at IS NULL FROM approvals WHERE id = ?", approval_id) == [(1,)]  # still unused
    assert rows(small_city, "SELECT count(*) FROM paid_outs") == [(0,)]


# -- the X report --------------------------------------------------------------------------------------------------


def test_the_x_report_shows_the_totals_by_tender_and_revenue_code(ctx: ServiceContext, small_city: Path) -> None:
    post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(3490)),)), [cash(4000)])  # $5.10 change
    post_receipt(ctx, CASHIER, Cart((MiscItem("BLDGPRMT", Money(12_500)),)),
                 [Tender(TenderKind.CHECK, Money(2500), "1042"),
                  Tender(TenderKind.CARD, Money(10_000), "A1B2C3", "VISA", "4242")])  # fmt: skip
    post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000025", Money(6000), keep_excess_as_credit=True),)),
                 [cash(6000)])  # $50.00 owed, $10.00 kept as credit  # fmt: skip
    voided = pay_cash(ctx, 700)
    void_receipt(ctx, CASHIER, voided, "keyed twice", approval_id=approve(
        ctx, action=OverrideAction.VOID, requested_by=CASHIER, supervisor_id="msuper", password=PASSWORD,
        object=voided).id)  # fmt: skip
    cash_drop(ctx, CASHIER, CashCount({"B20": 2}))

    report = x_report(ctx, CASHIER)
    assert report.title == "X REPORT" and report.cashier == "jcashier" and report.station == "W01"
    assert report.by_tender == (("cash", 2, Money(3490 + 6000)), ("check", 1, Money(2500)),
                                ("money_order", 0, Money(0)), ("card", 1, Money(10_000)))  # fmt: skip
    by_code = {code: amount for code, _, amount in report.by_revenue_code}
    assert by_code["BLDGPRMT"] == Money(12_500) and by_code["CREDIT"] == Money(1000)
    assert by_code["RECON"] == Money(5000)
    assert sum(by_code.values(), Money(0)) == Money.total(a for _, _, a in report.by_tender)
    assert (report.receipts, report.voids, report.voided_total) == (3, 1, Money(700))
    assert (report.change_given, report.drops, report.expected_cash) == (
        Money(510),
        Money(4000),
        Money(10_000 + 10_000 - 510 - 4000),
    )
    assert report.expected_cash.cents == drawer_cash(small_city)
    assert "X REPORT" in [line.strip() for line in report.lines] and any(
        "Expected cash" in line and "$154.90" in line for line in report.lines
    )
    assert rows(small_city, "SELECT count(*) FROM print_jobs WHERE kind = 'x_report'") == [(0,)]  # not asked to print
    x_report(ctx, CASHIER, print_it=True)
    ((job_id,),) = rows(small_city, "SELECT id FROM print_jobs WHERE kind = 'x_report'")
    _, page = job_text(small_city, job_id)
    for text in ("X REPORT", "BY TENDER", "Check (1)", "$25.00", "BY REVENUE CODE", "BLDGPRMT", "$125.00",
                 "CREDIT", "$10.00", "Voided (1)", "$7.00", "Drops to the safe", "-$40.00", "$154.90"):  # fmt: skip
        assert text in page, text
    assert [e[3]["printed"] for e in events(small_city, "x_report")] == [False, True]
