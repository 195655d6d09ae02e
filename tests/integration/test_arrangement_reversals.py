"""Payment arrangements and the money that comes back: a void, a mail reversal or a returned check of
a payment that paid the down payment or installments takes it off them again and moves the
arrangement back (kept -> active -> requested), audited; and a mail payment pays an arrangement
as a counter payment does, with no statement more for an account without one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from cashdesk.domain.arrangements import ArrangementState
from cashdesk.domain.money import Money
from cashdesk.domain.security import OverrideAction, Role
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services import arrangements as arr
from cashdesk.services import auth, shutoff
from cashdesk.services.audit import verify_audit
from cashdesk.services.context import ServiceContext, command_line_operator
from cashdesk.services.mail_batches import add_remittance, balance_batch, open_batch, post_batch
from cashdesk.services.mail_reversal import reverse_item
from cashdesk.services.overrides import approve
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from cashdesk.services.returned_checks import record_returned_check
from cashdesk.services.users import add_user
from cashdesk.services.voids import void_receipt
from tests.integration.test_arrangements import (  # noqa: F401  (fixtures)
    ADAMS,
    CASHIER,
    SUPERVISOR,
    TUESDAY,
    clock,
    ctx,
    path,
    pay,
    rows,
)

PASSWORD = "supervisor password 1"


@pytest.fixture(autouse=True)
def _supervisor(ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    add_user(ctx, command_line_operator(), "ssuper", Role.SUPERVISOR, PASSWORD, must_change_password=False)


def void(ctx: ServiceContext, number: str) -> None:
    approval = approve(ctx, action=OverrideAction.VOID, requested_by=CASHIER, supervisor_id="ssuper",
                       password=PASSWORD, object=number)  # fmt: skip
    void_receipt(ctx, CASHIER, number, "keyed the wrong account", approval_id=approval.id)


def paid(ctx: ServiceContext) -> tuple[ArrangementState, list[int]]:
    [made] = arr.find_arrangements(ctx, CASHIER, account=ADAMS)
    return made.state, [i.paid.cents for i in made.installments]


def flag(path: Path) -> int:
    [(on,)] = rows(path, "SELECT on_arrangement FROM accounts WHERE number = ?", (ADAMS,))
    return int(on)  # type: ignore[call-overload]


def taken_back(path: Path) -> list[dict[str, object]]:
    found = rows(path, "SELECT details FROM audit_events WHERE event_type = 'arrangement' ORDER BY seq")
    return [d for d in (json.loads(str(r[0])) for r in found) if d["action"] == "taken_back"]


def owed(path: Path) -> int:
    [(cents,)] = rows(path, "SELECT sum(o.amount_cents - o.paid_cents) FROM open_items o "
                      "JOIN accounts a ON a.id = o.account_id WHERE a.number = ?", (ADAMS,))  # fmt: skip
    return int(cents)  # type: ignore[call-overload]


def test_voiding_the_payment_that_kept_it_then_the_down_payment_moves_it_back_to_requested(
    ctx: ServiceContext, path: Path
) -> None:
    made = arr.create(ctx, CASHIER, ADAMS, down="10.00", installments=3)
    down = pay(ctx, ADAMS, 1000)
    rest = pay(ctx, ADAMS, 12000)  # the $40.00 current bill and every installment
    assert paid(ctx) == (ArrangementState.KEPT, [1000, 2666, 2666, 2668]) and flag(path) == 0

    void(ctx, rest.number)
    assert paid(ctx) == (ArrangementState.ACTIVE, [1000, 0, 0, 0])
    assert flag(path) == 1  # on an arrangement again: the next payment pays what it has due first
    assert owed(path) == 12000
    due = arr.due_now(ctx, CASHIER, ADAMS)
    assert due is not None and due.words == f"Arrangement {made.id} (active): $80.00 left; next $26.66 due 2027-01-07."

    void(ctx, down.number)
    assert paid(ctx) == (ArrangementState.REQUESTED, [0, 0, 0, 0])
    assert owed(path) == 13000
    assert ADAMS in [line.account for line in shutoff.preview(ctx, CASHIER, TUESDAY).lines]  # no longer held
    assert [(d["from"], d["to"], d["receipt"], d["taken_cents"]) for d in taken_back(path)] == [
        ("kept", "active", rest.number, 8000), ("active", "requested", down.number, 1000)]  # fmt: skip
    assert rows(path, "SELECT sum(cents) FROM arrangement_payments") == [(0,)]  # nothing deleted: negative rows
    assert rows(path, "SELECT count(*) FROM arrangement_payments WHERE reverses_id IS NOT NULL") == [(2,)]
    assert verify_audit(ctx).ok


def test_voiding_an_earlier_payment_keeps_what_stays_paid_in_order(ctx: ServiceContext, path: Path) -> None:
    """$10.00 down, then $50.00 ($40.00 current bill, $10.00 on installment 1): voiding the down payment
    leaves $10.00 on the arrangement, which is the down payment's, so it stays active."""
    arr.create(ctx, CASHIER, ADAMS, down="10.00", installments=3)
    down = pay(ctx, ADAMS, 1000)
    pay(ctx, ADAMS, 5000)
    assert paid(ctx) == (ArrangementState.ACTIVE, [1000, 1000, 0, 0])
    void(ctx, down.number)
    assert paid(ctx) == (ArrangementState.ACTIVE, [1000, 0, 0, 0])
    assert verify_audit(ctx).ok


def test_a_receipt_that_paid_no_arrangement_voids_as_before(ctx: ServiceContext, path: Path) -> None:
    arr.create(ctx, CASHIER, ADAMS, down="10.00", installments=3)
    other = pay(ctx, "3000000029", 1000)
    void(ctx, other.number)
    assert paid(ctx) == (ArrangementState.REQUESTED, [0, 0, 0, 0]) and taken_back(path) == []
    assert verify_audit(ctx).ok


def test_a_returned_check_takes_its_payment_off_the_installments(ctx: ServiceContext, path: Path) -> None:
    arr.create(ctx, CASHIER, ADAMS, down="10.00", installments=3)
    check = post_receipt(ctx, CASHIER, Cart((AccountPayment(ADAMS, Money(3000)),)),
                         [Tender(TenderKind.CHECK, Money(3000), "1042")])  # fmt: skip
    assert paid(ctx) == (ArrangementState.ACTIVE, [1000, 0, 0, 0])  # $10.00 down, $20.00 on the current bill
    record_returned_check(ctx, SUPERVISOR, check.number, "1042")
    assert paid(ctx) == (ArrangementState.REQUESTED, [0, 0, 0, 0])
    assert owed(path) == 13000 + 3000  # the payment off, the NSF fee on
    assert [(d["from"], d["to"], d["taken_cents"]) for d in taken_back(path)] == [("active", "requested", 1000)]
    assert verify_audit(ctx).ok


def test_a_returned_check_that_paid_part_of_a_receipt_takes_off_only_what_it_took_back(
    ctx: ServiceContext, path: Path
) -> None:
    """$16.66 in cash and a $50.00 check: $10.00 down, the $40.00 current bill, $16.66 on installment 1.
    The check comes back: its $50.00 comes off the latest allocations, the current bill's $40.00 and
    then $10.00 of what the arrangement's bills took; the installments lose those $10.00, latest first,
    and keep what its bills keep."""
    arr.create(ctx, CASHIER, ADAMS, down="10.00", installments=3)
    tenders = [Tender(TenderKind.CASH, Money(1666)), Tender(TenderKind.CHECK, Money(5000), "77")]
    split = post_receipt(ctx, CASHIER, Cart((AccountPayment(ADAMS, Money(6666)),)), tenders)
    assert paid(ctx) == (ArrangementState.ACTIVE, [1000, 1666, 0, 0])
    record_returned_check(ctx, SUPERVISOR, split.number, "77")
    assert paid(ctx) == (ArrangementState.ACTIVE, [1000, 666, 0, 0])
    assert [d["taken_cents"] for d in taken_back(path)] == [1000]
    assert rows(path, "SELECT sum(o.paid_cents) FROM open_items o JOIN accounts a ON a.id = o.account_id "
                "WHERE a.number = ? AND o.due_date < '2026-12-07'", (ADAMS,)) == [(1666,)]  # fmt: skip


def mail(ctx: ServiceContext, account: str, cents: int, check: str) -> tuple[int, int, str]:
    batch = open_batch(ctx, CASHIER, control_count=1, control_total=Money(cents))
    add_remittance(ctx, CASHIER, batch.id, account=account, amount=Money(cents), check_number=check, payer="A")
    balance_batch(ctx, CASHIER, batch.id)
    posted = post_batch(ctx, CASHIER, batch.id)
    [item] = posted.view.items
    return batch.id, item.id, posted.receipts[0]


def test_a_mail_payment_pays_what_the_arrangement_has_due_first_and_a_reversal_takes_it_back(
    ctx: ServiceContext, path: Path
) -> None:
    made = arr.create(ctx, CASHIER, ADAMS, down="10.00", installments=3)
    batch_id, item_id, number = mail(ctx, ADAMS, 5000, "301")
    # The down payment first, then the current bill: as at the counter.
    assert paid(ctx) == (ArrangementState.ACTIVE, [1000, 0, 0, 0])
    note = f"Arrangement {made.id}: $10.00 paid, $80.00 left, next $26.66 due 2027-01-07"
    assert rows(path, "SELECT l.memo FROM receipt_lines l JOIN receipts r ON r.id = l.receipt_id "
                "WHERE r.number = ?", (number,)) == [(note,)]  # fmt: skip
    assert rows(path, "SELECT paid_cents FROM open_items o JOIN accounts a ON a.id = o.account_id "
                "WHERE a.number = ? AND o.due_date = '2026-12-10'", (ADAMS,)) == [(4000,)]  # fmt: skip
    assert ADAMS not in [line.account for line in shutoff.preview(ctx, CASHIER, TUESDAY).lines]  # held

    approval = approve(ctx, action=OverrideAction.MAIL_REVERSAL, requested_by=CASHIER, supervisor_id="ssuper",
                       password=PASSWORD, object=number)  # fmt: skip
    reverse_item(ctx, CASHIER, batch_id, item_id, "keyed to the wrong account", approval_id=approval.id)
    assert paid(ctx) == (ArrangementState.REQUESTED, [0, 0, 0, 0])
    assert [(d["from"], d["to"], d["receipt"]) for d in taken_back(path)] == [("active", "requested", number)]
    assert verify_audit(ctx).ok


def test_two_mail_payments_in_one_batch_pay_on_from_where_the_first_left_off(ctx: ServiceContext) -> None:
    arr.create(ctx, CASHIER, ADAMS, down="10.00", installments=3)
    batch = open_batch(ctx, CASHIER, control_count=2, control_total=Money(1000 + 7000))
    add_remittance(ctx, CASHIER, batch.id, account=ADAMS, amount=Money(1000), check_number="1", payer="A")
    add_remittance(ctx, CASHIER, batch.id, account=ADAMS, amount=Money(7000), check_number="2", payer="A")
    balance_batch(ctx, CASHIER, batch.id)
    post_batch(ctx, CASHIER, batch.id)
    # $10.00 down; then the $40.00 current bill and $30.00 on the installments.
    assert paid(ctx) == (ArrangementState.ACTIVE, [1000, 2666, 334, 0])


def test_a_mail_payment_on_an_account_without_an_arrangement_costs_no_statement_more(
    ctx: ServiceContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cashdesk.store.driver import Driver

    arr.create(ctx, CASHIER, ADAMS, down="10.00", installments=3)  # another account has one
    batch = open_batch(ctx, CASHIER, control_count=1, control_total=Money(1000))
    add_remittance(ctx, CASHIER, batch.id, account="3000000029", amount=Money(1000), check_number="9", payer="B")
    balance_batch(ctx, CASHIER, batch.id)
    seen: list[str] = []
    for name in ("one", "all", "run", "many", "insert"):
        method = getattr(Driver, name)

        def spy(self: Driver, sql: str, *args: object, _method=method) -> object:  # type: ignore[no-untyped-def]
            seen.append(sql)
            return _method(self, sql, *args)

        monkeypatch.setattr(Driver, name, spy)
    post_batch(ctx, CASHIER, batch.id)
    assert seen and not [sql for sql in seen if "arrangement" in sql.replace("on_arrangement", "")]
