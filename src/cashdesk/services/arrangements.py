"""Payment arrangements: the schedule shown before it is saved, making one, cancelling one, what an
account has due now, and the nightly step that denies and breaks them (docs/arrangements.md).

Who may: a cashier or a supervisor makes one (Permission.TAKE_PAYMENTS: the job description's
"arranging payment schedules" is the representative's own duty, within the limits the settings
set); only a supervisor cancels one (Permission.APPROVE_OVERRIDES). Every change of state is an audit
event ("arrangement") with who, when, from and to, and why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cashdesk.domain.accounts import normalize_account_number
from cashdesk.domain.arrangements import (
    Arrangement,
    ArrangementRule,
    ArrangementState,
    Lapse,
    Plan,
    Standing,
    add_months,
    down_refusal,
    lapse_on,
    make_plan,
    plan_refusal,
)
from cashdesk.domain.money import Money
from cashdesk.domain.security import Permission
from cashdesk.domain.text import text_problem
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.service_orders import local_date
from cashdesk.store import arrangements as store
from cashdesk.store import posting
from cashdesk.store import service_orders as orders
from cashdesk.store.driver import Driver
from cashdesk.words import translate

EVENT = "arrangement"


class ArrangementRefused(ServiceError):
    pass


def rule_of(ctx: ServiceContext) -> ArrangementRule:
    s = ctx.settings.arrangements
    return ArrangementRule(
        max_count=s.max_count, within_months=s.within_months, max_months=s.max_months,
        max_installments=s.max_installments, down_minimum_percent=s.down_minimum_percent, down_days=s.down_days,
        grace_days=s.grace_days, interest_basis_points=s.interest_basis_points,
        allow_with_disconnect=s.allow_with_disconnect, disconnect_down_percent=s.disconnect_down_percent,
        current_bills_required=s.current_bills_required,
    )  # fmt: skip


def _record(db: Driver, ctx: ServiceContext, user: str, arrangement_id: int, account: str, at: dt.datetime,
            **details: object) -> None:  # fmt: skip
    audit.record_on(db, user=user, station=ctx.station, event_type=EVENT, object=f"{account}#{arrangement_id}",
                    details=details, at=at)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Proposal:
    """A schedule as it would be saved: shown to the customer before it is."""

    account: str
    name: str
    plan: Plan
    current: Money  # current bills, not covered: paid as billed


def _standing(db: Driver, ctx: ServiceContext, account: str, starts: dt.date) -> tuple[int, str, Standing]:
    row = orders.account_of(db, normalize_account_number(account))
    if row is None:
        raise ArrangementRefused(
            translate("arrangements", "No utility account {account}. Check the number.").format(
                account=account.strip()[:20]
            )
        )
    account_id, number, name = row[0], row[1], row[2]
    items = posting.open_items(db, account_id)
    past_due = Money.total(i.open_amount for i in items if i.due_date < starts)
    current = Money.total(i.open_amount for i in items if i.due_date >= starts)
    since = add_months(starts, -ctx.settings.arrangements.within_months)
    standing = Standing(
        account=number, past_due=past_due, current=current, open_arrangement=store.open_of(db, account_id) is not None,
        made_recently=store.made_since(db, account_id, since),
        disconnect_dispatched=store.disconnect_dispatched(db, account_id),
    )  # fmt: skip
    return account_id, name, standing


def _proposal(db: Driver, ctx: ServiceContext, account: str, down: str, installments: int,
              first: dt.date | None, starts: dt.date) -> tuple[int, Proposal]:  # fmt: skip
    account_id, name, standing = _standing(db, ctx, account, starts)
    rule = rule_of(ctx)
    amount, refusal = down_refusal(down, standing.past_due)
    if amount is None:
        raise ArrangementRefused(refusal)
    refusal = plan_refusal(standing, amount, installments, starts, first, rule)
    if refusal:
        raise ArrangementRefused(refusal)
    plan = make_plan(standing.past_due, amount, installments, starts, rule, first)
    return account_id, Proposal(standing.account, name, plan, standing.current)


def propose(ctx: ServiceContext, operator: Operator, account: str, *, down: str, installments: int,
            first: dt.date | None = None) -> Proposal:  # fmt: skip
    """The schedule an arrangement would have, refused in words when the account may not have it.
    Nothing is written. `down` as typed: an amount (50.00) or a percent of the debt (25%)."""
    operator.require(Permission.TAKE_PAYMENTS, translate("arrangements", "make payment arrangements"))
    starts = local_date(ctx, ctx.now())
    with ctx.db.unit_of_work(write=False) as uow:
        return _proposal(uow.rows, ctx, account, down, installments, first, starts)[1]


def create(ctx: ServiceContext, operator: Operator, account: str, *, down: str, installments: int,
           first: dt.date | None = None, note: str = "") -> Arrangement:  # fmt: skip
    """Make the arrangement: requested until its down payment is paid (active at once with none).
    Any interest is charged as an open item it covers."""
    operator.require(Permission.TAKE_PAYMENTS, translate("arrangements", "make payment arrangements"))
    problem = text_problem(note.strip(), translate("arrangements", "note"))
    if problem:
        raise ArrangementRefused(problem)
    now = ctx.now()
    starts = local_date(ctx, now)
    with ctx.db.unit_of_work() as uow:
        db = uow.rows
        account_id, shown = _proposal(db, ctx, account, down, installments, first, starts)
        plan = shown.plan
        interest_item = None
        if plan.interest.cents:
            code = ctx.settings.arrangements.interest_code
            if posting.revenue_code(db, code) is None:
                raise ArrangementRefused(
                    translate(
                        "arrangements",
                        "The interest's revenue code {code} is not set up: ask an administrator "
                        "(arrangements.interest_code).",
                    ).format(code=code)
                )
            interest_item = store.add_interest_item(db, account_id, code, plan.interest.cents, starts)
            posting.add_history(db, account_id, starts, "bill", "Arrangement interest", plan.interest.cents, "")
        state = ArrangementState.REQUESTED if plan.down.cents else ArrangementState.ACTIVE
        arrangement_id = store.insert(
            db, account_id=account_id, debt_cents=plan.debt.cents, down_cents=plan.down.cents,
            interest_cents=plan.interest.cents, interest_item_id=interest_item, starts=starts, down_due=plan.down_due,
            installments=plan.installments, state=state, by=operator.user_id, at=now.replace(tzinfo=None),
        )  # fmt: skip
        _record(db, ctx, operator.user_id, arrangement_id, shown.account, now, action="create", to=state.value,
                debt_cents=plan.debt.cents, down_cents=plan.down.cents, interest_cents=plan.interest.cents,
                installments=[[i.due.isoformat(), i.amount.cents] for i in plan.installments if i.seq],
                note=note.strip()[:200])  # fmt: skip
        made = store.get(db, arrangement_id)
        uow.commit()
    assert made is not None
    return made[0]


def cancel(ctx: ServiceContext, supervisor: Operator, arrangement_id: int, reason: str) -> Arrangement:
    """A supervisor ends a requested or active arrangement (the customer asked, it was a mistake)."""
    supervisor.require(Permission.APPROVE_OVERRIDES, translate("arrangements", "cancel payment arrangements"))
    why = reason.strip()
    if not why:
        raise ArrangementRefused(
            translate("arrangements", "Say why the arrangement is cancelled (for example: customer request).")
        )
    problem = text_problem(why, translate("arrangements", "reason"))
    if problem:
        raise ArrangementRefused(problem)
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        db = uow.rows
        found = store.get(db, arrangement_id)
        if found is None:
            raise ArrangementRefused(
                translate("arrangements", "There is no arrangement {arrangement_id}. Check the number.").format(
                    arrangement_id=arrangement_id
                )
            )
        arrangement, account_id = found
        if not arrangement.state.is_open:
            raise ArrangementRefused(
                translate(
                    "arrangements", "Arrangement {arrangement_id} is already {state}: it cannot be cancelled."
                ).format(arrangement_id=arrangement_id, state=arrangement.state.value)
            )
        store.set_state(db, arrangement_id, account_id, ArrangementState.CANCELLED, by=supervisor.user_id,
                        at=now.replace(tzinfo=None), reason=why[:200])  # fmt: skip
        _record(db, ctx, supervisor.user_id, arrangement_id, arrangement.account, now, action="cancel",
                **{"from": arrangement.state.value, "to": "cancelled", "reason": why[:200]})  # fmt: skip
        done = store.get(db, arrangement_id)
        uow.commit()
    assert done is not None
    return done[0]


def find_arrangements(ctx: ServiceContext, operator: Operator, *, state: str | None = None,
                      account: str | None = None) -> list[Arrangement]:  # fmt: skip
    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("arrangements", "see payment arrangements"))
    if state is not None and state not in set(ArrangementState):
        raise ArrangementRefused(
            translate("arrangements", "There is no state {state!r}: use {states}.").format(
                state=state[:20], states=", ".join(s.value for s in ArrangementState)
            )
        )
    with ctx.db.unit_of_work(write=False) as uow:
        return store.find(uow.rows, state=state,
                          account=normalize_account_number(account) if account else None)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DueNow:
    arrangement: Arrangement
    due: Money  # the down payment and installments dated today or before, unpaid
    words: str  # what the inquiry pane says


def due_now_of(db: Driver, ctx: ServiceContext, account_id: int, on: dt.date) -> DueNow | None:
    """The account's open arrangement and what it has due on `on` (the inquiry pane's line)."""
    found = store.open_of(db, account_id)
    if found is None:
        return None
    arrangement = found[0]
    due = arrangement.due_on(on)
    nxt = arrangement.next
    said = {"id": arrangement.id, "state": arrangement.state.shown.lower(), "left": arrangement.left.display()}
    if due.cents:
        words = translate("arrangements", "Arrangement {id} ({state}): {left} left; {due} due now.").format(
            **said, due=due.display()
        )
    elif nxt is not None:
        words = translate(
            "arrangements", "Arrangement {id} ({state}): {left} left; next {next} due {next_due}."
        ).format(**said, next=nxt.left.display(), next_due=nxt.due.isoformat())
    else:
        words = translate("arrangements", "Arrangement {id} ({state}): {left} left.").format(**said)
    return DueNow(arrangement, due, words)


def pane_arrangement(db: Driver, ctx: ServiceContext, number: str, on: dt.date) -> str:
    """What the inquiry pane says of the account's open arrangement ("" when it has none)."""
    row = orders.account_of(db, number)
    shown = None if row is None else due_now_of(db, ctx, row[0], on)
    return shown.words if shown is not None else ""


def due_now(ctx: ServiceContext, operator: Operator, account: str) -> DueNow | None:
    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("arrangements", "look up accounts"))
    with ctx.db.unit_of_work(write=False) as uow:
        db = uow.rows
        row = orders.account_of(db, normalize_account_number(account))
        if row is None:
            return None
        return due_now_of(db, ctx, row[0], local_date(ctx, ctx.now()))


@dataclass(frozen=True, slots=True)
class Lapsed:
    id: int
    account: str
    state: ArrangementState  # denied or broken
    why: str


def lapsing(db: Driver, ctx: ServiceContext, on: dt.date) -> list[tuple[Arrangement, int, Lapse]]:
    """(arrangement, account id, what becomes of it) of each requested arrangement whose down payment
    was not paid by its due date and each active one with an installment (or, when the settings say
    so, a current bill) unpaid past the grace days on `on`; nothing is written (the delinquency
    run's preview asks this too)."""
    rule = rule_of(ctx)
    grace = dt.timedelta(days=rule.grace_days)
    out: list[tuple[Arrangement, int, Lapse]] = []
    for arrangement_id, account_id in store.open_ids(db):
        found = store.get(db, arrangement_id)
        assert found is not None
        arrangement = found[0]
        overdue = Money(0)
        if arrangement.state is ArrangementState.ACTIVE and rule.current_bills_required:
            overdue = Money(store.overdue_before(db, account_id, arrangement.starts, on - grace, None))
        lapse = lapse_on(arrangement.state, arrangement.installments, on, rule, overdue)
        if lapse is not None:
            out.append((arrangement, account_id, lapse))
    return out


def mark_broken_arrangements(db: Driver, ctx: ServiceContext, on: dt.date, *,
                             user: str = "delinquency run") -> list[Lapsed]:  # fmt: skip
    """In the caller's transaction: deny or break each arrangement `lapsing` names. Each change is
    audited; the accounts lose their flag, and are back on the shut-off list. What changed, in
    arrangement order."""
    now = ctx.now()
    lapsed: list[Lapsed] = []
    for arrangement, account_id, lapse in lapsing(db, ctx, on):
        store.set_state(db, arrangement.id, account_id, lapse.state, by=user, at=now.replace(tzinfo=None),
                        reason=lapse.why)  # fmt: skip
        _record(db, ctx, user, arrangement.id, arrangement.account, now, action=lapse.state.value, on=on.isoformat(),
                **{"from": arrangement.state.value, "to": lapse.state.value, "reason": lapse.why})  # fmt: skip
        lapsed.append(Lapsed(arrangement.id, arrangement.account, lapse.state, lapse.why))
    return lapsed
