"""Payment arrangements on a real SQLite file: the schedule to the cent, each refusal in words, the life
of an arrangement through active, kept, broken and denied, a counter payment that pays the
installment due first and says so on the receipt, the shut-off list, and the audit trail."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cashdesk.devices.escpos_text import read_escpos
from cashdesk.domain.arrangements import ArrangementState
from cashdesk.domain.money import Money
from cashdesk.services import arrangements as arr
from cashdesk.services import service_orders as so
from cashdesk.services import shutoff
from cashdesk.services.audit import verify_audit
from cashdesk.services.context import PermissionDenied, ServiceContext
from cashdesk.services.printing import reprint_receipt
from tests.integration.orders_city import (  # noqa: F401  (fixtures: path, clock, ctx)
    CASHIER,
    MONDAY,
    SUPERVISOR,
    TUESDAY,
    Clock,
    clock,
    ctx,
    path,
    pay,
    rows,
)

ADAMS = "3000000011"  # $90.00 past due (billed in August), $40.00 current (due 2026-12-10)


def on(ctx: ServiceContext, day: dt.date) -> list[arr.Lapsed]:
    """The delinquency run's step, in its own transaction."""
    with ctx.db.unit_of_work() as uow:
        lapsed = arr.mark_broken_arrangements(uow.rows, ctx, day)
        uow.commit()
    return lapsed


def test_the_schedule_sums_to_the_cent_the_last_installment_taking_the_odd_cents(ctx: ServiceContext) -> None:
    shown = arr.propose(ctx, CASHIER, ADAMS, down="10.00", installments=3)
    assert shown.plan.debt == Money(9000) and shown.current == Money(4000)  # the current bill is not covered
    assert [(i.seq, i.due.isoformat(), i.amount.cents) for i in shown.plan.installments] == [
        (0, "2026-12-10", 1000), (1, "2027-01-07", 2666), (2, "2027-02-07", 2666), (3, "2027-03-07", 2668)]  # fmt: skip
    assert shown.plan.total == Money(9000)
    assert arr.find_arrangements(ctx, CASHIER) == []  # shown, not saved
    by_percent = arr.propose(ctx, CASHIER, ADAMS, down="33%", installments=2, first=dt.date(2027, 1, 31))
    assert by_percent.plan.down == Money(2970)  # 33% of $90.00
    assert [(i.due.isoformat(), i.amount.cents) for i in by_percent.plan.installments[1:]] == [
        ("2027-01-31", 3015), ("2027-02-28", 3015)]  # fmt: skip
    ctx.settings = ctx.settings.with_values(arrangements__interest_basis_points=100)  # 1% a month
    made = arr.create(ctx, CASHIER, ADAMS, down="10.00", installments=3)
    assert made.interest == Money(240)  # $80.00 x 1% x 3, rounded down
    assert [i.amount.cents for i in made.installments] == [1000, 2746, 2746, 2748]
    assert sum(i.amount.cents for i in made.installments) == 9000 + 240
    assert made.as_json()["installments"] == [
        {"due": "2027-01-07", "amount_cents": 2746, "paid_cents": 0},
        {"due": "2027-02-07", "amount_cents": 2746, "paid_cents": 0},
        {"due": "2027-03-07", "amount_cents": 2748, "paid_cents": 0}]  # fmt: skip
    json.dumps(made.as_json())


@pytest.mark.parametrize(
    ("account", "down", "count", "first", "said"),
    [
        ("3000000045", "0", 2, None, "Nothing on account 3000000045 is past due: current bills ($90.00) are paid"),
        (ADAMS, "5.00", 3, None, "The down payment must be at least $9.00 (10% of the past-due amount)."),
        (ADAMS, "90.00", 3, None, "The down payment must be less than the past-due amount ($90.00)"),
        (ADAMS, "10.00", 3, dt.date(2027, 5, 1), "at most 6 months: the last installment would fall on 2027-07-01"),
        (ADAMS, "10.00", 7, None, "Give from 1 to 6 installments."),
        (ADAMS, "ten", 3, None, '"ten" is not an amount'),
        (ADAMS, "120%", 3, None, "is not a percent"),
        ("9999999999", "10", 3, None, "No utility account 9999999999."),
    ],
)
def test_each_refusal_is_in_words_and_nothing_is_saved(
    ctx: ServiceContext, path: Path, account: str, down: str, count: int, first: dt.date | None, said: str
) -> None:
    with pytest.raises(arr.ArrangementRefused, match=said.replace("(", r"\(").replace(")", r"\)").replace("$", r"\$")):
        arr.create(ctx, CASHIER, account, down=down, installments=count, first=first)
    assert rows(path, "SELECT COUNT(*) FROM arrangements") == [(0,)]
    assert rows(path, "SELECT COUNT(*) FROM audit_events WHERE event_type = 'arrangement'") == [(0,)]


def test_at_most_n_arrangements_in_m_months_and_one_at_a_time(ctx: ServiceContext, clock: Clock) -> None:
    ctx.settings = ctx.settings.with_values(arrangements__max_count=1)
    made = arr.create(ctx, CASHIER, ADAMS, down="10.00", installments=3)
    with pytest.raises(arr.ArrangementRefused, match="already has an arrangement"):
        arr.create(ctx, CASHIER, ADAMS, down="10.00", installments=3)
    pay(ctx, ADAMS, 1000)
    clock.at = dt.datetime(2027, 1, 13, 17, 0, tzinfo=dt.UTC)
    assert [(lapse.id, lapse.state) for lapse in on(ctx, dt.date(2027, 1, 13))] == [(made.id, ArrangementState.BROKEN)]
    with pytest.raises(arr.ArrangementRefused, match=r"has had 1 arrangement\(s\) in the last 12 months; at most 1"):
        arr.create(ctx, CASHIER, ADAMS, down="20.00", installments=2)
    clock.at = dt.datetime(2027, 12, 8, 17, 0, tzinfo=dt.UTC)  # a year on: allowed again
    assert arr.create(ctx, CASHIER, ADAMS, down="20.00", installments=2).state is ArrangementState.REQUESTED


def test_none_while_a_disconnect_is_dispatched_unless_the_settings_allow_it_with_more_down(
    ctx: ServiceContext, clock: Clock
) -> None:
    shutoff.commit(ctx, SUPERVISOR, TUESDAY)
    clock.at = MONDAY + dt.timedelta(days=1)
    so.dispatch(ctx, CASHIER, "WO-2026-00001")
    so.complete(ctx, CASHIER, "WO-2026-00001", result="hung")
    clock.at += dt.timedelta(hours=49)
    so.dispatch(ctx, CASHIER, "WO-2026-00002", "crew 4")
    with pytest.raises(arr.ArrangementRefused, match="A disconnect is out with a crew for account 3000000011: no"):
        arr.create(ctx, CASHIER, ADAMS, down="10.00", installments=3)
    ctx.settings = ctx.settings.with_values(arrangements__allow_with_disconnect=True)
    # $120.00 past due now (the $30.00 door tag fee and the bill that came due on the 10th are in it)
    with pytest.raises(arr.ArrangementRefused, match=r"at least \$60.00 \(50% of the past-due amount\)"):
        arr.create(ctx, CASHIER, ADAMS, down="10.00", installments=3)
    assert arr.create(ctx, CASHIER, ADAMS, down="50%", installments=3).down == Money(6000)


def test_only_a_supervisor_cancels_and_every_change_is_audited(ctx: ServiceContext, path: Path) -> None:
    made = arr.create(ctx, CASHIER, ADAMS, down="10.00", installments=3, note="lost hours at work")
    with pytest.raises(PermissionDenied):
        arr.cancel(ctx, CASHIER, made.id, "customer request")
    with pytest.raises(arr.ArrangementRefused, match="Say why"):
        arr.cancel(ctx, SUPERVISOR, made.id, " ")
    done = arr.cancel(ctx, SUPERVISOR, made.id, "customer request")
    assert (done.state, done.reason) == (ArrangementState.CANCELLED, "customer request")
    with pytest.raises(arr.ArrangementRefused, match="already cancelled"):
        arr.cancel(ctx, SUPERVISOR, made.id, "again")
    assert rows(path, "SELECT on_arrangement FROM accounts WHERE number = ?", (ADAMS,)) == [(0,)]
    events = rows(path, "SELECT user, object FROM audit_events WHERE event_type = 'arrangement' ORDER BY seq")
    assert events == [("jcashier", f"{ADAMS}#{made.id}"), ("ssuper", f"{ADAMS}#{made.id}")]
    assert verify_audit(ctx).ok


def test_the_life_of_an_arrangement_paid_at_the_counter_until_it_is_kept(
    ctx: ServiceContext, path: Path, clock: Clock
) -> None:
    assert ADAMS in [line.account for line in shutoff.preview(ctx, CASHIER, TUESDAY).lines]
    made = arr.create(ctx, CASHIER, ADAMS, down="10.00", installments=3)
    assert made.state is ArrangementState.REQUESTED
    assert rows(path, "SELECT on_arrangement FROM accounts WHERE number = ?", (ADAMS,)) == [(1,)]
    assert ADAMS in [line.account for line in shutoff.preview(ctx, CASHIER, TUESDAY).lines]  # not active yet
    due = arr.due_now(ctx, CASHIER, ADAMS)
    assert due is not None and due.due == Money(1000)
    assert due.words == f"Arrangement {made.id} (requested): $90.00 left; $10.00 due now."

    down = pay(ctx, ADAMS, 1000)
    note = f"Arrangement {made.id}: $10.00 paid, $80.00 left, next $26.66 due 2027-01-07"
    assert down.lines[0].notes == (note,)
    assert rows(path, "SELECT memo FROM receipt_lines WHERE receipt_id = ?", (down.id,)) == [(note,)]
    [job] = reprint_receipt(ctx, CASHIER, down.number)
    [(copy,)] = rows(path, "SELECT payload FROM print_jobs WHERE id = ?", (job,))
    assert "$80.00 left" in " ".join(read_escpos(bytes(copy)).pages)  # type: ignore[arg-type]
    assert arr.find_arrangements(ctx, CASHIER)[0].state is ArrangementState.ACTIVE
    shown = shutoff.preview(ctx, CASHIER, TUESDAY)
    assert ADAMS not in [line.account for line in shown.lines] and shown.held == (
        ADAMS,
    )  # an active arrangement keeps it off the list

    # Nothing due on the arrangement now: the current bill first, then the next installment.
    more = pay(ctx, ADAMS, 5000)
    assert more.lines[0].notes == (f"Arrangement {made.id}: $10.00 paid, $70.00 left, next $16.66 due 2027-01-07",)
    assert rows(path, "SELECT paid_cents FROM open_items o JOIN accounts a ON a.id = o.account_id "
                "WHERE a.number = ? AND o.due_date = '2026-12-10'", (ADAMS,)) == [(4000,)]  # fmt: skip

    clock.at = dt.datetime(2027, 1, 8, 17, 0, tzinfo=dt.UTC)
    assert on(ctx, dt.date(2027, 1, 8)) == []  # inside the grace days
    last = pay(ctx, ADAMS, 7000)
    assert last.lines[0].notes == (f"Arrangement {made.id} paid in full ($70.00 today): kept",)
    kept = arr.find_arrangements(ctx, CASHIER, state="kept")
    assert [a.id for a in kept] == [made.id]
    assert [i.paid.cents for i in kept[0].installments] == [1000, 2666, 2666, 2668]
    assert rows(path, "SELECT on_arrangement FROM accounts WHERE number = ?", (ADAMS,)) == [(0,)]
    actions = [json.loads(r[0])["action"] for r in rows(
        path, "SELECT details FROM audit_events WHERE event_type = 'arrangement' ORDER BY seq")]  # fmt: skip
    assert actions == ["create", "active", "kept"]


def test_an_installment_past_its_grace_days_breaks_it_and_the_account_is_back_on_the_list(
    ctx: ServiceContext, path: Path, clock: Clock
) -> None:
    made = arr.create(ctx, CASHIER, ADAMS, down="10.00", installments=3)
    pay(ctx, ADAMS, 5000)  # the down payment, the current bill
    clock.at = dt.datetime(2027, 1, 12, 17, 0, tzinfo=dt.UTC)
    assert on(ctx, dt.date(2027, 1, 12)) == []  # 2027-01-07 + 5 grace days
    lapsed = on(ctx, dt.date(2027, 1, 13))
    assert [(lapse.id, lapse.state, lapse.why) for lapse in lapsed] == [(made.id, ArrangementState.BROKEN,
        "Installment 1 of $26.66 due 2027-01-07 not paid ($26.66 left)")]  # fmt: skip
    assert on(ctx, dt.date(2027, 1, 14)) == []  # once
    assert rows(path, "SELECT on_arrangement FROM accounts WHERE number = ?", (ADAMS,)) == [(0,)]
    assert ADAMS in [line.account for line in shutoff.preview(ctx, CASHIER, dt.date(2027, 1, 19)).lines]
    after = pay(ctx, ADAMS, 1000)
    assert after.lines[0].notes == ()  # a broken arrangement takes no payments


def test_a_current_bill_unpaid_past_the_grace_days_breaks_it_too(ctx: ServiceContext, clock: Clock) -> None:
    made = arr.create(ctx, CASHIER, ADAMS, down="10.00", installments=3)
    pay(ctx, ADAMS, 1000)  # the down payment only: the $40.00 bill due 2026-12-10 stays open
    clock.at = dt.datetime(2026, 12, 16, 17, 0, tzinfo=dt.UTC)
    assert [(lapse.id, lapse.why) for lapse in on(ctx, dt.date(2026, 12, 16))] == [
        (made.id, "Current bills not paid ($40.00 past due)")]  # fmt: skip


def test_a_down_payment_not_paid_by_its_date_denies_it(ctx: ServiceContext, path: Path, clock: Clock) -> None:
    made = arr.create(ctx, CASHIER, ADAMS, down="10.00", installments=3)
    assert on(ctx, dt.date(2026, 12, 10)) == []
    lapsed = on(ctx, dt.date(2026, 12, 11))
    assert [(lapse.id, lapse.state, lapse.why) for lapse in lapsed] == [
        (made.id, ArrangementState.DENIED, "Down payment of $10.00 not paid by 2026-12-10")]  # fmt: skip
    assert rows(path, "SELECT state, changed_by FROM arrangements") == [("denied", "delinquency run")]
    assert rows(path, "SELECT on_arrangement FROM accounts WHERE number = ?", (ADAMS,)) == [(0,)]
    assert verify_audit(ctx).ok


def test_a_payment_on_an_account_without_an_arrangement_costs_no_statement_more(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cashdesk.store.driver import Driver

    seen: list[str] = []
    for name in ("one", "all", "run", "many"):
        method = getattr(Driver, name)

        def spy(self: Driver, sql: str, *args: object, _method=method) -> object:  # type: ignore[no-untyped-def]
            seen.append(sql)
            return _method(self, sql, *args)

        monkeypatch.setattr(Driver, name, spy)
    pay(ctx, "3000000029", 1000)
    assert seen and not [sql for sql in seen if "arrangement" in sql.replace("on_arrangement", "")]
    assert sum("FROM accounts WHERE number" in sql for sql in seen) == 1  # the flag comes with the account


def test_the_arrangements_report_counts_them_by_state_as_their_rows_do(ctx: ServiceContext, path: Path) -> None:
    from cashdesk.services.reports import run_report

    made = arr.create(ctx, CASHIER, ADAMS, down="10.00", installments=3)
    pay(ctx, ADAMS, 1500)  # the down payment ($10.00; the rest pays the current bill): active
    arr.create(ctx, CASHIER, "3000000037", down="20.00", installments=2)  # requested
    shown = run_report(ctx, SUPERVISOR, "arrangements-by-state", MONDAY.date(), MONDAY.date())
    by_state: dict[str, list[int]] = {}
    for state, debt, amount, paid in rows(path, "SELECT a.state, a.debt_cents, i.amount_cents, i.paid_cents FROM "
                                                 "arrangements a JOIN arrangement_installments i ON "
                                                 "i.arrangement_id = a.id ORDER BY a.id, i.seq"):  # fmt: skip
        sums = by_state.setdefault(str(state).capitalize(), [0, 0, 0, 0])
        sums[1] = int(debt)  # one arrangement of each state here
        sums[2] += int(amount)
        sums[3] += int(paid)
    for state in by_state:
        by_state[state][0] = 1
    assert [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in shown.rows] == [
        ("Requested", 1, *by_state["Requested"][1:], by_state["Requested"][2] - by_state["Requested"][3]),
        ("Active", 1, *by_state["Active"][1:], by_state["Active"][2] - by_state["Active"][3])]  # fmt: skip
    assert shown.rows[1][2] == made.debt.cents == 9000 and shown.rows[1][4] == 1000
    assert shown.chart is not None
    earlier = run_report(ctx, SUPERVISOR, "arrangements-by-state", dt.date(2026, 11, 1), dt.date(2026, 12, 6))
    assert earlier.rows == ()  # made on the 7th: not in November's report
