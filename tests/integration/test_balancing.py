"""The end of a shift on a real database: blind counts, recounts, a second count, the close and the Z report."""

import datetime as dt
import io
import json
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from cashdesk.config import Settings
from cashdesk.devices.escpos_text import read_escpos
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import OverrideAction, Role
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.balancing import (
    BalancingRefused,
    CountInput,
    ExtraItem,
    close_drawer,
    items_to_verify,
    record_count,
    record_second_count,
    z_report_pdf,
)
from cashdesk.services.context import Operator, ServiceContext, command_line_operator
from cashdesk.services.drawers import NoOpenDrawer, current_drawer, open_drawer
from cashdesk.services.overrides import OverrideRefused, approve
from cashdesk.services.payments import Cart, MiscItem, post_receipt
from cashdesk.services.shift import cash_drop, paid_out
from cashdesk.services.users import add_user
from cashdesk.services.voids import void_receipt

NOW = dt.datetime(2026, 11, 26, 23, 30, tzinfo=dt.UTC)  # 16:30 in Denver
CASHIER = Operator("jcashier", Role.CASHIER)
SUPERVISOR = Operator("msuper", Role.SUPERVISOR)
PASSWORD = "a-long-password-1"
FLOAT = CashCount({"B20": 3, "B10": 2, "B5": 2, "B1": 10})  # $100.00


@pytest.fixture
def ctx(small_city: Path):  # type: ignore[no-untyped-def]
    context = ServiceContext.open(small_city, settings=Settings({"printer.spec": "none"}))
    context.clock = lambda: NOW
    admin = command_line_operator()
    add_user(context, admin, "jcashier", Role.CASHIER, PASSWORD, must_change_password=False)
    add_user(context, admin, "msuper", Role.SUPERVISOR, PASSWORD, must_change_password=False)
    add_user(context, admin, "asuper", Role.SUPERVISOR, PASSWORD, must_change_password=False)
    open_drawer(context, CASHIER, FLOAT)
    yield context
    context.close()


def rows(path: Path, sql: str, *args: object) -> list[tuple]:  # type: ignore[type-arg]
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def events(path: Path, event_type: str) -> list[tuple[str, bool, dict]]:  # type: ignore[type-arg]
    return [
        (user, bool(ok), json.loads(details))
        for user, ok, details in rows(
            path, "SELECT user, success, details FROM audit_events WHERE event_type = ? ORDER BY seq", event_type
        )
    ]


def pay(ctx: ServiceContext, cents: int, *tenders: Tender) -> str:
    return post_receipt(ctx, CASHIER, Cart((MiscItem("BLDGPRMT", Money(cents)),), payer="Pat Doe"),
                        list(tenders)).number  # fmt: skip


def cash(cents: int) -> Tender:
    return Tender(TenderKind.CASH, Money(cents))


def check(cents: int, number: str) -> Tender:
    return Tender(TenderKind.CHECK, Money(cents), number)


def drawer_id(ctx: ServiceContext) -> int:
    view = current_drawer(ctx, CASHIER)
    assert view is not None
    return view.id


def approval(ctx: ServiceContext, action: OverrideAction, supervisor: str = "msuper") -> int:
    return approve(ctx, action=action, requested_by=CASHIER, supervisor_id=supervisor, password=PASSWORD,
                   object=f"drawer {drawer_id(ctx)}").id  # fmt: skip


@pytest.fixture
def day(ctx: ServiceContext) -> dict[str, int]:
    """A shift: cash with change, two checks, a money order, a card, a void, a drop and a paid-out.

    Expected cash: 100.00 float + 240.00 cash in − 15.00 change − 100.00 drop − 5.00 paid-out = 220.00.
    """
    pay(ctx, 4500, cash(6000))  # $15.00 change
    pay(ctx, 2500, check(2500, "1042"))
    pay(ctx, 18_000, cash(18_000))
    pay(ctx, 4000, Tender(TenderKind.MONEY_ORDER, Money(4000), "MO-778"))
    pay(ctx, 7500, Tender(TenderKind.CARD, Money(7500), "A1B2C3", "VISA", "4242"))
    pay(ctx, 10_000, check(10_000, "2001"))
    voided = pay(ctx, 900, check(900, "555"))
    void_receipt(ctx, CASHIER, voided, "wrong amount", approval_id=approve(
        ctx, action=OverrideAction.VOID, requested_by=CASHIER, supervisor_id="msuper", password=PASSWORD,
        object=voided).id)  # fmt: skip
    cash_drop(ctx, CASHIER, CashCount({"B20": 5}))
    paid_out(ctx, CASHIER, amount=Money(500), reason="Copies not made", payee="Pat Doe", revenue_code="COPIES",
             approval_id=approval(ctx, OverrideAction.PAID_OUT))  # fmt: skip
    return {item.number: item.tender_id for item in items_to_verify(ctx, CASHIER)}


KEPT = CashCount({"B100": 1})
COUNTED_CASH = CashCount({"B100": 1, "B20": 3, "B10": 3, "B5": 4, "B1": 10})  # $220.00


def all_present(items: dict[str, int], **kw: object) -> CountInput:
    return CountInput(COUNTED_CASH, frozenset(items.values()), card_settlement=Money(7500), **kw)  # type: ignore[arg-type]


def job_text(path: Path, kind: str) -> str:
    ((payload,),) = rows(path, "SELECT payload FROM print_jobs WHERE kind = ?", kind)
    (page,) = read_escpos(bytes(payload)).receipts
    return page


def test_the_items_to_verify_are_the_drawers_checks_and_money_orders_oldest_first(
    ctx: ServiceContext, day: dict[str, int]
) -> None:
    items = items_to_verify(ctx, CASHIER)
    assert [(i.kind, i.number, i.amount, i.payer) for i in items] == [
        ("check", "1042", Money(2500), "Pat Doe"), ("money_order", "MO-778", Money(4000), "Pat Doe"),
        ("check", "2001", Money(10_000), "Pat Doe"),
    ]  # the voided check 555 is not in the drawer  # fmt: skip
    assert all(i.receipt_number.startswith("W01-2026-") for i in items)
    with pytest.raises(NoOpenDrawer):
        items_to_verify(ctx, SUPERVISOR)
    assert items_to_verify(ctx, SUPERVISOR, drawer_id=drawer_id(ctx)) == items
    with pytest.raises(BalancingRefused, match="only a supervisor"):
        items_to_verify(ctx, Operator("other", Role.CASHIER), drawer_id=drawer_id(ctx))


def test_a_drawer_that_balances_closes_prints_its_z_report_and_saves_the_pdf(
    ctx: ServiceContext, day: dict[str, int], small_city: Path
) -> None:
    result = record_count(ctx, CASHIER, all_present(day))
    assert [(line.kind, line.expected, line.counted, line.over_short) for line in result.lines] == [
        ("cash", Money(22_000), Money(22_000), Money(0)), ("check", Money(12_500), Money(12_500), Money(0)),
        ("money_order", Money(4000), Money(4000), Money(0)), ("card", Money(7500), Money(7500), Money(0)),
    ]  # fmt: skip
    assert (result.over_short, result.needs_approval, result.missing, result.attempt) == (Money(0), False, (), 1)
    assert result.suggested_float == FLOAT  # the count holds the opening float's pieces
    closed = close_drawer(ctx, CASHIER, count_id=result.count_id, float_kept=result.suggested_float)
    assert (closed.over_short, closed.float_kept, closed.deposit_cash) == (Money(0), Money(10_000), Money(12_000))

    ((status, closed_at),) = rows(small_city, "SELECT status, closed_at FROM drawers")
    assert status == "closed" and closed_at is not None
    ((count_id, over_short, float_kept, deposit, deposit_cents, expected, card),) = rows(
        small_city, "SELECT count_id, over_short_cents, float_kept, deposit_pieces, deposit_cash_cents, expected, "
                    "card_settlement_cents FROM drawer_closes")  # fmt: skip
    assert (count_id, over_short, deposit_cents, card) == (result.count_id, 0, 12_000, 7500)
    assert json.loads(float_kept) == {"B1": 10, "B10": 2, "B20": 3, "B5": 2}
    assert json.loads(deposit) == {"B100": 1, "B10": 1, "B5": 2}
    assert json.loads(expected) == {"card": 7500, "cash": 22_000, "check": 12_500, "money_order": 4000}
    (close_event,) = events(small_city, "drawer_close")
    assert close_event[0] == "jcashier" and close_event[2]["deposit_cash_cents"] == 12_000

    z = job_text(small_city, "z_report")
    for text in ("City of Aurelia", "Z REPORT", "jcashier", "2026-11-26", "Cash (net of change) (2)", "$225.00",
                 "Check (2)", "$125.00", "Money order (1)", "$40.00", "Card (1)", "$75.00", "BLDGPRMT",
                 "$465.00", "Voided (1)", "$9.00", "Drops to the safe", "-$100.00", "Paid-outs", "-$5.00",
                 "Expected cash", "$220.00", "OVER/SHORT", "Balanced", "Float kept", "$100.00",
                 "Deposit cash", "$120.00", "1 x $100 bills", "COUNT ATTEMPTS", "#1 cashier jcashier"):  # fmt: skip
        assert text in z, text
    assert closed.report.title == "Z REPORT" and "\n".join(closed.report.lines).count("Z REPORT") == 1

    assert closed.pdf == small_city.parent / "reports" / f"z-report-W01-{closed.drawer_id}.pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(closed.pdf.read_bytes())).pages)
    for needle in ("Z REPORT", "Expected cash", "$220.00", "Deposit cash", "$120.00", "COUNT ATTEMPTS"):
        assert needle in text, needle
    first = closed.pdf.read_bytes()
    again = z_report_pdf(ctx, CASHIER, closed.drawer_id)
    assert again == closed.pdf and again.read_bytes() == first  # the same drawer gives the same bytes
    assert not list(closed.pdf.parent.glob("*.part"))
    assert [e[2]["file"] for e in events(small_city, "z_report_pdf")] == [closed.pdf.name] * 2


def test_a_closed_drawer_takes_no_payments_drops_or_counts(ctx: ServiceContext, day: dict[str, int]) -> None:
    result = record_count(ctx, CASHIER, all_present(day))
    close_drawer(ctx, CASHIER, count_id=result.count_id, float_kept=FLOAT)
    assert current_drawer(ctx, CASHIER) is None
    with pytest.raises(NoOpenDrawer):
        pay(ctx, 1000, cash(1000))
    with pytest.raises(NoOpenDrawer):
        cash_drop(ctx, CASHIER, CashCount({"B20": 1}))
    with pytest.raises(NoOpenDrawer):
        record_count(ctx, CASHIER, all_present(day))
    with pytest.raises(NoOpenDrawer):
        close_drawer(ctx, CASHIER, count_id=result.count_id, float_kept=FLOAT)


def test_money_that_moves_after_the_count_needs_a_recount_before_the_close(
    ctx: ServiceContext, day: dict[str, int], small_city: Path
) -> None:
    counted = record_count(ctx, CASHIER, all_present(day))
    pay(ctx, 2000, check(2000, "3003"))  # another customer, after the count
    with pytest.raises(BalancingRefused, match="Money moved in this drawer after the count"):
        close_drawer(ctx, CASHIER, count_id=counted.count_id, float_kept=FLOAT)
    assert rows(small_city, "SELECT status FROM drawers") == [("open",)]
    now_there = {item.number: item.tender_id for item in items_to_verify(ctx, CASHIER)}
    assert set(now_there) == set(day) | {"3003"}
    recount = record_count(ctx, CASHIER, all_present(now_there))
    assert recount.over_short == Money(0)  # the new check is among the items now
    close_drawer(ctx, CASHIER, count_id=recount.count_id, float_kept=FLOAT)
    assert rows(small_city, "SELECT status FROM drawers") == [("closed",)]


def test_a_missing_check_is_flagged_and_a_recount_is_attempt_two(
    ctx: ServiceContext, day: dict[str, int], small_city: Path
) -> None:
    missing_one = CountInput(COUNTED_CASH, frozenset(day.values()) - {day["2001"]}, card_settlement=Money(7500))
    first = record_count(ctx, CASHIER, missing_one)
    assert [(i.kind, i.number, i.amount) for i in first.missing] == [("check", "2001", Money(10_000))]
    assert first.lines[1].over_short == Money(-10_000) and first.over_short == Money(-10_000)
    assert first.needs_approval and first.limit == Money(500)
    second = record_count(ctx, CASHIER, all_present(day))
    assert (second.attempt, second.missing, second.over_short) == (2, (), Money(0))
    assert rows(
        small_city, "SELECT attempt, role, counted_by, over_short_cents FROM drawer_counts ORDER BY attempt"
    ) == [(1, "cashier", "jcashier", -10_000), (2, "cashier", "jcashier", 0)]
    ((items,),) = rows(small_city, "SELECT items FROM drawer_counts WHERE attempt = 1")
    assert json.loads(items)["missing"] == [day["2001"]]
    audited = events(small_city, "drawer_count")
    assert [(e[2]["attempt"], e[2]["over_short_cents"], e[2]["missing"]) for e in audited] == [
        (1, -10_000, ["check 2001"]), (2, 0, [])]  # fmt: skip
    with pytest.raises(BalancingRefused, match="counted again"):
        close_drawer(ctx, CASHIER, count_id=first.count_id, float_kept=FLOAT)
    close_drawer(ctx, CASHIER, count_id=second.count_id, float_kept=FLOAT)
    z = job_text(small_city, "z_report")
    assert "#1 cashier jcashier" in z and "Short $100.00" in z and "#2 cashier jcashier" in z


def test_a_variance_over_the_limit_needs_a_reason_and_a_supervisor(
    ctx: ServiceContext, day: dict[str, int], small_city: Path
) -> None:
    short = CountInput(CashCount({"B100": 1, "B20": 3, "B10": 3, "B5": 3, "B1": 9}), frozenset(day.values()),
                       extra=(ExtraItem("check", "3003", Money(150)),), card_settlement=Money(7500))  # fmt: skip
    result = record_count(ctx, CASHIER, short)
    assert result.lines[0].over_short == Money(-600) and result.lines[1].over_short == Money(150)
    assert result.over_short == Money(-450) and not result.needs_approval  # within $5.00 either way overall
    short = CountInput(CashCount({"B100": 1, "B20": 3, "B10": 3, "B5": 3, "B1": 9}), frozenset(day.values()),
                       card_settlement=Money(7500))  # fmt: skip
    result = record_count(ctx, CASHIER, short)
    assert result.over_short == Money(-600) and result.needs_approval
    with pytest.raises(BalancingRefused, match=r"short \$6.00.*reason"):
        close_drawer(ctx, CASHIER, count_id=result.count_id, float_kept=KEPT)
    with pytest.raises(OverrideRefused, match="approval"):
        close_drawer(ctx, CASHIER, count_id=result.count_id, float_kept=KEPT, reason="Gave too much change")
    assert events(small_city, "override_use")[-1][2]["action"] == "variance"
    assert rows(small_city, "SELECT status FROM drawers") == [("open",)]
    closed = close_drawer(ctx, CASHIER, count_id=result.count_id, float_kept=KEPT, reason="Gave too much change",
                          approval_id=approval(ctx, OverrideAction.VARIANCE))  # fmt: skip
    assert closed.over_short == Money(-600) and closed.deposit_cash == Money(21_400 - 10_000)
    assert rows(small_city, "SELECT reason, approved_by, over_short_cents FROM drawer_closes") == [
        ("Gave too much change", "msuper", -600)]  # fmt: skip
    z = job_text(small_city, "z_report")
    for text in ("Short $6.00", "Gave too much change", "Variance approved by", "msuper", "#1 cashier jcashier",
                 "Short $4.50"):  # fmt: skip
        assert text in z, text
    ((items,),) = rows(small_city, "SELECT items FROM drawer_counts WHERE attempt = 1")
    assert json.loads(items)["extra"] == [{"amount_cents": 150, "kind": "check", "number": "3003"}]


def test_a_variance_approved_with_the_count_closes_with_a_reason(
    ctx: ServiceContext, day: dict[str, int], small_city: Path
) -> None:
    over = CountInput(CashCount({"B100": 2, "B20": 3}), frozenset(day.values()), card_settlement=Money(7500))
    result = record_count(ctx, CASHIER, over, approval_id=approval(ctx, OverrideAction.VARIANCE))
    assert result.over_short == Money(4000) and result.needs_approval and result.approved_by == "msuper"
    with pytest.raises(BalancingRefused, match="reason"):
        close_drawer(ctx, CASHIER, count_id=result.count_id, float_kept=CashCount({"B20": 3}))
    close_drawer(ctx, CASHIER, count_id=result.count_id, float_kept=CashCount({"B20": 3}), reason="Customer left cash")
    assert rows(small_city, "SELECT approved_by, float_kept_cents, deposit_cash_cents FROM drawer_closes") == [
        ("msuper", 6000, 20_000)]  # fmt: skip


def test_the_float_kept_must_be_among_the_counted_pieces(ctx: ServiceContext, day: dict[str, int]) -> None:
    result = record_count(ctx, CASHIER, all_present(day))
    with pytest.raises(BalancingRefused, match=r"more \$50 bills than were counted"):
        close_drawer(ctx, CASHIER, count_id=result.count_id, float_kept=CashCount({"B50": 2}))
    assert current_drawer(ctx, CASHIER) is not None


def test_a_supervisor_counts_the_drawer_a_second_time(
    ctx: ServiceContext, day: dict[str, int], small_city: Path
) -> None:
    mine = record_count(ctx, CASHIER, all_present(day))
    with pytest.raises(OverrideRefused):
        record_second_count(ctx, CASHIER, all_present(day), approval_id=approval(ctx, OverrideAction.VARIANCE))
    theirs = record_second_count(ctx, CASHIER, CountInput(CashCount({"B100": 2, "B20": 1}), frozenset(day.values()),
                                                          card_settlement=Money(7500)),
                                 approval_id=approval(ctx, OverrideAction.SECOND_COUNT))  # fmt: skip
    assert (theirs.counted_by, theirs.role, theirs.attempt, theirs.over_short) == ("msuper", "supervisor", 2, Money(0))
    with pytest.raises(BalancingRefused, match="not a count of your open drawer"):
        close_drawer(ctx, CASHIER, count_id=theirs.count_id, float_kept=FLOAT)  # the cashier closes on their own
    with pytest.raises(BalancingRefused, match="second count"):
        close_drawer(ctx, CASHIER, count_id=mine.count_id, float_kept=FLOAT, second_count_id=mine.count_id)
    close_drawer(ctx, CASHIER, count_id=mine.count_id, float_kept=FLOAT, second_count_id=theirs.count_id)
    assert rows(small_city, "SELECT count_id, second_count_id FROM drawer_closes") == [(mine.count_id, theirs.count_id)]
    (_, second_event) = events(small_city, "drawer_count")
    assert second_event[0] == "msuper" and second_event[2]["role"] == "supervisor"
    z = job_text(small_city, "z_report")
    assert "SECOND COUNT" in z and "#2 supervisor msuper" in z


def test_the_rows_win_over_the_running_cash_figure(ctx: ServiceContext, day: dict[str, int], small_city: Path) -> None:
    con = sqlite3.connect(small_city)
    con.execute("UPDATE drawers SET cash_cents = cash_cents + 1234")
    con.commit()
    con.close()
    result = record_count(ctx, CASHIER, all_present(day))
    assert result.lines[0].expected == Money(22_000)
    (event,) = events(small_city, "drawer_count")
    assert (event[2]["cash_cents_was"], event[2]["cash_cents_from_rows"]) == (22_000 + 1234, 22_000)
    assert rows(small_city, "SELECT cash_cents FROM drawers") == [(22_000,)]


def test_a_pdf_that_cannot_be_written_does_not_undo_the_close(
    small_city: Path, tmp_path: Path, day: dict[str, int], ctx: ServiceContext
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the reports folder should be")
    ctx.settings = Settings({"printer.spec": "none", "reports.folder": str(blocked)})
    result = record_count(ctx, CASHIER, all_present(day))
    closed = close_drawer(ctx, CASHIER, count_id=result.count_id, float_kept=FLOAT)
    assert closed.pdf is None and "Could not save the Z report PDF" in closed.pdf_problem
    assert rows(small_city, "SELECT status FROM drawers") == [("closed",)]
    copy = z_report_pdf(ctx, SUPERVISOR, closed.drawer_id, tmp_path / "copies")
    assert copy.name == f"z-report-W01-{closed.drawer_id}.pdf" and copy.read_bytes().startswith(b"%PDF")
    with pytest.raises(BalancingRefused, match="only a supervisor"):
        z_report_pdf(ctx, Operator("other", Role.CASHIER), closed.drawer_id, tmp_path / "copies")


def test_the_pdf_printer_names_a_drop_slip_and_a_z_report_by_what_they_are(small_city: Path, tmp_path: Path) -> None:
    """The demo `pdf:` printer: a drop slip and a Z report are files a person can tell apart, not `receipt.pdf`."""
    from cashdesk.services.printing import deliver_queued, station_printer

    folder = tmp_path / "printed"
    ctx = ServiceContext.open(small_city, settings=Settings({"printer.spec": f"pdf:{folder}"}))
    ctx.clock = lambda: NOW
    try:
        add_user(ctx, command_line_operator(), "jcashier", Role.CASHIER, PASSWORD, must_change_password=False)
        open_drawer(ctx, CASHIER, FLOAT)
        drawer = drawer_id(ctx)
        drop = cash_drop(ctx, CASHIER, CashCount({"B20": 2}))
        counted = record_count(
            ctx, CASHIER, CountInput(CashCount({"B20": 1, "B10": 2, "B5": 2, "B1": 10}), frozenset())
        )
        close_drawer(
            ctx, CASHIER, count_id=counted.count_id, float_kept=CashCount({"B20": 1, "B10": 2, "B5": 2, "B1": 10})
        )
        printer = station_printer(ctx)
        while deliver_queued(ctx, printer).delivered:
            pass
    finally:
        ctx.close()
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([f"drop-slip-{drop.id}.pdf", f"z-report-W01-drawer-{drawer}.pdf"]), names
    assert "CASH DROP" in PdfReader(folder / f"drop-slip-{drop.id}.pdf").pages[0].extract_text()
    assert "Z REPORT" in PdfReader(folder / f"z-report-W01-drawer-{drawer}.pdf").pages[0].extract_text()
