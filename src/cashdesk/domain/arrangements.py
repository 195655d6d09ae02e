"""Payment arrangements: the down payment, the schedule of installments, who may have one, and how
a payment, the calendar and the grace days move an arrangement through its states.

Pure rules: no database, no clock. docs/arrangements.md says the same in a clerk's words.

- The down payment is an amount, or a percent of the debt rounded UP to the cent (the city is never
  short a cent).
- Interest (when the settings charge it) is simple: the amount financed × basis points a month ×
  the number of installments, rounded DOWN to the cent.
- The installments split what is financed (the debt less the down payment, plus any interest) in
  equal whole cents; the LAST installment takes the odd cents, so the schedule sums exactly.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from cashdesk.domain.accounts import OpenItem
from cashdesk.domain.allocation import Allocation, allocate
from cashdesk.domain.money import Money
from cashdesk.words import QT_TRANSLATE_NOOP, translate

NOTHING = Money(0)


class ArrangementState(enum.StrEnum):
    REQUESTED = "requested"  # made; waits for its down payment
    ACTIVE = "active"  # the down payment paid
    KEPT = "kept"  # every installment paid
    BROKEN = "broken"  # an installment (or a current bill) past due by the grace days
    CANCELLED = "cancelled"
    DENIED = "denied"  # the down payment not paid by its due date

    @property
    def label(self) -> str:
        return {
            "requested": QT_TRANSLATE_NOOP("arrangements", "Requested"),
            "active": QT_TRANSLATE_NOOP("arrangements", "Active"),
            "kept": QT_TRANSLATE_NOOP("arrangements", "Kept"),
            "broken": QT_TRANSLATE_NOOP("arrangements", "Broken"),
            "cancelled": QT_TRANSLATE_NOOP("arrangements", "Cancelled"),
            "denied": QT_TRANSLATE_NOOP("arrangements", "Denied"),
        }[self.value]

    @property
    def shown(self) -> str:
        """The label in the window's language."""
        return translate("arrangements", self.label)

    @property
    def is_open(self) -> bool:
        """Requested or active: the account is on an arrangement (accounts.on_arrangement is set)."""
        return self in (ArrangementState.REQUESTED, ArrangementState.ACTIVE)


@dataclass(frozen=True, slots=True)
class ArrangementRule:
    """The settings' `arrangements.*`, as the rules need them."""

    max_count: int  # at most this many arrangements …
    within_months: int  # … made in this many months
    max_months: int  # the last installment at most this many months after the arrangement is made
    max_installments: int
    down_minimum_percent: int  # of the debt
    down_days: int  # the down payment is due this many days after the arrangement is made
    grace_days: int  # an installment unpaid this many days after its date breaks the arrangement
    interest_basis_points: int  # a month, on the amount financed; 0: no interest
    allow_with_disconnect: bool  # while a disconnect is dispatched …
    disconnect_down_percent: int  # … only with at least this percent down
    current_bills_required: bool  # a current bill past its due date by the grace days breaks it too


@dataclass(frozen=True, slots=True)
class Installment:
    seq: int  # 0 is the down payment, then 1, 2, …
    due: dt.date
    amount: Money
    paid: Money = Money(0)

    @property
    def left(self) -> Money:
        return self.amount - self.paid

    @property
    def label(self) -> str:
        return "Down payment" if self.seq == 0 else f"Installment {self.seq}"

    @property
    def shown(self) -> str:
        """The label in the window's language."""
        if self.seq == 0:
            return translate("arrangements", "Down payment")
        return translate("arrangements", "Installment {seq}").format(seq=self.seq)


# -- the schedule ------------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the 31st becomes the month's last day (Jan 31 -> Feb 28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def percent_of(debt: Money, percent: int) -> Money:
    """`percent` of the debt, rounded up to the cent."""
    return Money(-(-debt.cents * percent // 100))


def interest_on(financed: Money, basis_points_a_month: int, months: int) -> Money:
    """Simple interest on what is financed, rounded down to the cent."""
    return Money(financed.cents * basis_points_a_month * months // 10_000)


def split(total: Money, count: int) -> tuple[Money, ...]:
    """`count` equal whole-cent parts of `total`; the last takes the odd cents."""
    each = total.cents // count
    return (*(Money(each) for _ in range(count - 1)), Money(total.cents - each * (count - 1)))


@dataclass(frozen=True, slots=True)
class Plan:
    """A schedule as it is shown before it is saved."""

    debt: Money
    down: Money
    down_due: dt.date
    interest: Money
    installments: tuple[Installment, ...]  # the down payment first (seq 0), then each installment

    @property
    def financed(self) -> Money:
        return self.debt - self.down + self.interest

    @property
    def total(self) -> Money:
        return Money.total(i.amount for i in self.installments)


def make_plan(debt: Money, down: Money, count: int, starts: dt.date, rule: ArrangementRule,
              first: dt.date | None = None) -> Plan:  # fmt: skip
    """The down payment due `rule.down_days` after `starts`, then `count` monthly installments from
    `first` (a month after the arrangement is made when not given). Call `plan_refusal` first."""
    down_due = starts + dt.timedelta(days=rule.down_days)
    first = first or add_months(starts, 1)
    financed = debt - down
    interest = interest_on(financed, rule.interest_basis_points, count)
    parts = split(financed + interest, count)
    rows = [Installment(0, down_due, down)] if down.cents else []
    rows += [Installment(seq, add_months(first, seq - 1), part) for seq, part in enumerate(parts, start=1)]
    return Plan(debt, down, down_due, interest, tuple(rows))


# -- who may have one --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Standing:
    """What the office knows of the account when an arrangement is asked for."""

    account: str
    past_due: Money  # what the arrangement would cover
    current: Money  # bills not yet due: not covered, paid as billed
    open_arrangement: bool
    made_recently: int  # arrangements made (not denied or cancelled) within rule.within_months
    disconnect_dispatched: bool


def down_refusal(text: str, debt: Money) -> tuple[Money | None, str]:
    """The down payment as typed: an amount (50.00) or a percent of the debt (25%)."""
    raw = text.strip()
    if raw.endswith("%"):
        digits = raw[:-1].strip()
        if not digits.isdigit() or not 0 <= int(digits) <= 100:
            return None, translate(
                "arrangements", '"{raw}" is not a percent: type a whole number from 0 to 100, like 25%.'
            ).format(raw=raw[:20])
        return percent_of(debt, int(digits)), ""
    try:
        return Money.parse(raw), ""
    except ValueError as exc:
        return None, translate("arrangements", "{exc} Or type a percent of the debt, like 25%.").format(exc=exc)


def plan_refusal(standing: Standing, down: Money, count: int, starts: dt.date, first: dt.date | None,
                 rule: ArrangementRule) -> str:  # fmt: skip
    """Why this account may not have this arrangement, in the cashier's words; "" if it may."""
    acct = standing.account
    if standing.open_arrangement:
        return translate(
            "arrangements", "Account {acct} already has an arrangement. Cancel it first, or take payments on it."
        ).format(acct=acct)
    if standing.past_due.cents <= 0:
        if standing.current.cents > 0:
            return translate(
                "arrangements",
                "Nothing on account {acct} is past due: current bills ({current}) are paid as billed, not arranged.",
            ).format(acct=acct, current=standing.current.display())
        return translate("arrangements", "Account {acct} owes nothing: there is nothing to arrange.").format(acct=acct)
    if standing.made_recently >= rule.max_count:
        return translate(
            "arrangements",
            "Account {acct} has had {made_recently} arrangement(s) in the last {within_months} "
            "months; at most {max_count} are allowed. A new one can be made later.",
        ).format(
            acct=acct, made_recently=standing.made_recently, within_months=rule.within_months, max_count=rule.max_count
        )
    if not 1 <= count <= rule.max_installments:
        return translate("arrangements", "Give from 1 to {max_installments} installments.").format(
            max_installments=rule.max_installments
        )
    if first is not None and first <= starts:
        return translate("arrangements", "The first installment must fall after today ({starts}).").format(
            starts=starts.isoformat()
        )
    last = add_months(first or add_months(starts, 1), count - 1)
    if last > add_months(starts, rule.max_months):
        return translate(
            "arrangements",
            "An arrangement may last at most {max_months} months: the last installment would fall on "
            "{last}. Give fewer installments or an earlier first date.",
        ).format(max_months=rule.max_months, last=last.isoformat())
    if down.is_negative or down.cents >= standing.past_due.cents:
        return translate(
            "arrangements",
            "The down payment must be less than the past-due amount ({past_due}); a payment of all "
            "of it needs no arrangement.",
        ).format(past_due=standing.past_due.display())
    if standing.disconnect_dispatched:
        if not rule.allow_with_disconnect:
            return translate(
                "arrangements",
                "A disconnect is out with a crew for account {acct}: no arrangement while it is "
                "dispatched. The customer pays the past-due amount to stop it.",
            ).format(acct=acct)
        needed = percent_of(standing.past_due, rule.disconnect_down_percent)
        if down.cents < needed.cents:
            return translate(
                "arrangements",
                "A disconnect is out with a crew for account {acct}: the down payment must be at least "
                "{needed} ({disconnect_down_percent}% of the past-due amount).",
            ).format(acct=acct, needed=needed.display(), disconnect_down_percent=rule.disconnect_down_percent)
    needed = percent_of(standing.past_due, rule.down_minimum_percent)
    if down.cents < needed.cents:
        return translate(
            "arrangements",
            "The down payment must be at least {needed} ({down_minimum_percent}% of the past-due amount).",
        ).format(needed=needed.display(), down_minimum_percent=rule.down_minimum_percent)
    return ""


# -- what is due, and a payment ----------------------------------------------------------------


def due_now(installments: Iterable[Installment], on: dt.date) -> Money:
    """The down payment (due from the day the arrangement is made; its date is the last day to pay it)
    and the installments dated on or before `on`, less what was paid on them."""
    return Money.total(i.left for i in installments if i.seq == 0 or i.due <= on)


def left(installments: Iterable[Installment]) -> Money:
    return Money.total(i.left for i in installments)


def next_due(installments: Iterable[Installment]) -> Installment | None:
    """The first installment (or the down payment) with something left to pay."""
    return next((i for i in sorted(installments, key=lambda i: i.seq) if i.left.cents > 0), None)


def pay_installments(installments: Sequence[Installment], amount: Money) -> tuple[tuple[Installment, ...], Money]:
    """`amount` on the installments in order (the down payment first, the earliest next); the new
    installments and what was taken (never more than is left on them)."""
    rest = amount.cents
    paid: list[Installment] = []
    for inst in sorted(installments, key=lambda i: i.seq):
        take = min(rest, inst.left.cents)
        rest -= take
        paid.append(replace(inst, paid=inst.paid + Money(take)) if take else inst)
    return tuple(paid), Money(amount.cents - rest)


def unpay_installments(installments: Sequence[Installment], amount: Money) -> tuple[tuple[Installment, ...], Money]:
    """A payment taken back (a void, a mail reversal, a returned check): `amount` comes off the
    installments from the latest paid backwards, so what stays paid still fills them in order (the
    down payment first). The new installments and what was taken off (never more than was paid)."""
    rest = amount.cents
    by_seq = {i.seq: i for i in installments}
    for inst in sorted(installments, key=lambda i: i.seq, reverse=True):
        take = min(rest, inst.paid.cents)
        rest -= take
        if take:
            by_seq[inst.seq] = replace(inst, paid=inst.paid - Money(take))
    return tuple(by_seq[i.seq] for i in installments), Money(amount.cents - rest)


def after_reversal(state: ArrangementState, installments: Iterable[Installment]) -> ArrangementState:
    """A payment taken back moves the arrangement back: kept becomes active again once something is
    left to pay, and active (or kept) becomes requested when the down payment is no longer paid.
    Broken, denied and cancelled stay as they are (their installments still show what was paid)."""
    if state not in (ArrangementState.KEPT, ArrangementState.ACTIVE):
        return state
    rows = list(installments)
    if any(i.left.cents for i in rows if i.seq == 0):
        return ArrangementState.REQUESTED
    if left(rows).cents:
        return ArrangementState.ACTIVE
    return state


def allocate_on_arrangement(amount: Money, items: Sequence[OpenItem], priority: Callable[[OpenItem], int],
                            covered: Callable[[OpenItem], bool], due: Money) -> tuple[Allocation, Money]:  # fmt: skip
    """A payment on an account with an arrangement pays, in this order: what the arrangement has due now
    (on the items it covers), the current bills (the items it does not cover), then the next
    installments (the covered items again); any rest is credit. The allocation, and what went on the
    arrangement's items."""
    mine = [i for i in items if covered(i)]
    others = [i for i in items if not covered(i)]
    first = allocate(amount.min(due) if due.cents > 0 else Money(0), mine, priority)
    second = allocate(amount - first.applied, others, priority)
    taken = dict(first.lines)
    mine = [replace(i, paid=i.paid + taken[i.id]) if i.id in taken else i for i in mine]
    third = allocate(second.credit, mine, priority)
    merged: dict[int, int] = {}
    for item_id, part in (*first.lines, *second.lines, *third.lines):
        merged[item_id] = merged.get(item_id, 0) + part.cents
    lines = tuple((item_id, Money(cents)) for item_id, cents in merged.items())
    return Allocation(amount, lines, third.credit), first.applied + third.applied


def after_payment(state: ArrangementState, installments: Iterable[Installment]) -> ArrangementState:
    """Requested becomes active once the down payment is paid; kept once everything is."""
    rows = list(installments)
    if state.is_open and left(rows).cents == 0:
        return ArrangementState.KEPT
    if state is ArrangementState.REQUESTED and all(i.left.cents == 0 for i in rows if i.seq == 0):
        return ArrangementState.ACTIVE
    return state


@dataclass(frozen=True, slots=True)
class Lapse:
    state: ArrangementState  # denied or broken
    why: str


def lapse_on(state: ArrangementState, installments: Iterable[Installment], on: dt.date, rule: ArrangementRule,
             current_overdue: Money = NOTHING) -> Lapse | None:  # fmt: skip
    """Whether an open arrangement is denied (its down payment unpaid after its due date) or broken
    (an installment, or a current bill when the settings say so, unpaid `grace_days` after its date)
    on `on`; None when it stands. `current_overdue`: current bills past due by the grace days."""
    rows = sorted(installments, key=lambda i: i.seq)
    if state is ArrangementState.REQUESTED:
        down = next((i for i in rows if i.seq == 0), None)
        if down is not None and down.left.cents and on > down.due:
            return Lapse(ArrangementState.DENIED, f"Down payment of {down.amount.display()} not paid by "
                                                  f"{down.due.isoformat()}")  # fmt: skip
        return None
    if state is not ArrangementState.ACTIVE:
        return None
    for inst in rows:
        if inst.left.cents and on > inst.due + dt.timedelta(days=rule.grace_days):
            why = f"{inst.label} of {inst.amount.display()} due {inst.due.isoformat()} not paid"
            return Lapse(ArrangementState.BROKEN, f"{why} ({inst.left.display()} left)")
    if rule.current_bills_required and current_overdue.cents > 0:
        return Lapse(ArrangementState.BROKEN, f"Current bills not paid ({current_overdue.display()} past due)")
    return None


def receipt_note(arrangement_id: int, state: ArrangementState, installments: Sequence[Installment],
                 paid: Money) -> str:  # fmt: skip
    """What the receipt says under the account's line: what this payment put on the arrangement,
    what is left and the next date."""
    if state is ArrangementState.KEPT:
        return f"Arrangement {arrangement_id} paid in full ({paid.display()} today): kept"
    nxt = next_due(installments)
    rest = f"{left(installments).display()} left"
    if nxt is not None:
        rest += f", next {nxt.left.display()} due {nxt.due.isoformat()}"
    return f"Arrangement {arrangement_id}: {paid.display()} paid, {rest}"


def reversal_note(arrangement_id: int, state: ArrangementState, installments: Sequence[Installment],
                  taken: Money, receipt: str) -> str:  # fmt: skip
    """What the void slip, the history and the audit say when a reversal takes a payment off."""
    words = (
        f"Arrangement {arrangement_id}: {taken.display()} of {receipt} taken back, {left(installments).display()} left"
    )
    return f"{words} ({state.value})"


@dataclass(frozen=True, slots=True)
class Arrangement:
    """One arrangement as the screens, the command line and the payment see it."""

    id: int
    account: str
    account_name: str
    state: ArrangementState
    debt: Money
    down: Money
    interest: Money
    starts: dt.date
    down_due: dt.date
    installments: tuple[Installment, ...]  # the down payment (seq 0) first when there is one
    made_by: str
    made_at: dt.datetime
    reason: str  # why it was cancelled, denied or broken

    @property
    def left(self) -> Money:
        return left(self.installments)

    def due_on(self, on: dt.date) -> Money:
        return due_now(self.installments, on)

    @property
    def next(self) -> Installment | None:
        return next_due(self.installments)

    def as_json(self) -> dict[str, object]:
        """The keys of `cashdesk arrangements --json` (docs/formats.md)."""
        down = next((i for i in self.installments if i.seq == 0), None)
        return {
            "id": self.id, "account": self.account, "state": self.state.value, "debt_cents": self.debt.cents,
            "down_cents": self.down.cents, "down_due": self.down_due.isoformat(),
            "down_paid_cents": down.paid.cents if down else 0, "interest_cents": self.interest.cents,
            "installments": [{"due": i.due.isoformat(), "amount_cents": i.amount.cents, "paid_cents": i.paid.cents}
                             for i in self.installments if i.seq > 0],
        }  # fmt: skip
