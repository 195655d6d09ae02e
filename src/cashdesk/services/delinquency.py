"""The delinquency run: a preview of what each collection step would do to which account on a date
(fees included), then a supervisor's commit that does it in one transaction, once per date: late fees,
penalty and interest as open items, reminders and notices recorded, door tags and disconnects through
the service orders, referrals to collections, the notice letters and the run's list (docs/delinquency.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from cashdesk.config import Settings
from cashdesk.domain.delinquency import (
    SHUTOFF_STEPS,
    TAX_STEPS,
    UTILITY_STEPS,
    CollectionRules,
    LateFeeRule,
    NoticeLetter,
    Step,
    StepRule,
    UnpaidPeriod,
    late_fee,
    next_step,
    notice_letter,
    reached,
    tax_charge,
)
from cashdesk.domain.deposit import csv_bytes
from cashdesk.domain.money import Money
from cashdesk.domain.printed_text import SPANISH
from cashdesk.domain.security import Permission
from cashdesk.domain.service_orders import OrderStatus, OrderType, disconnect_due, shutoff_date_refusal
from cashdesk.domain.tax_return import TaxRates
from cashdesk.services import arrangements, audit
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.files import write_atomically
from cashdesk.services.service_orders import local_date, new_order
from cashdesk.services.shutoff import rule_of
from cashdesk.services.tax_returns import rates_from
from cashdesk.store import arrangements as arrangement_rows
from cashdesk.store import delinquency as store
from cashdesk.store import posting
from cashdesk.store import service_orders as orders
from cashdesk.store.driver import Driver
from cashdesk.words import translate

EVENT = "delinquency_run"
CSV_HEADER = ("run_date", "account", "kind", "name", "step", "past_due_cents", "fee_cents", "work_order",
              "amount_due_cents", "next_step", "next_date", "notice_file", "note")  # fmt: skip


class DelinquencyRefused(ServiceError):
    pass


@dataclass(frozen=True, slots=True)
class Action:
    step: Step
    past_due: Money  # what the step acted on (the late fee: the bills it is charged on)
    fee: Money  # charged as open items ($0.00: none)
    note: str = ""  # the formula in words, the order it waits for, the periods charged
    work_order: str = ""  # door tags and disconnects: the order's number, once committed


@dataclass(frozen=True, slots=True)
class AccountSteps:
    """What a run does to one account."""

    account: str
    kind: str  # utility or sales_tax
    name: str
    address: str
    since: dt.date  # the oldest unpaid charge
    owed: Money  # everything open before the run
    actions: tuple[Action, ...]
    next_step: tuple[Step, dt.date] | None
    language: str = "en"  # the account's: its notice letter prints in it

    @property
    def fees(self) -> Money:
        return Money.total(a.fee for a in self.actions)

    @property
    def amount_due(self) -> Money:
        return self.owed + self.fees

    @property
    def past_due(self) -> Money:
        return max((a.past_due for a in self.actions if a.step is not Step.LATE_FEE), default=self.actions[0].past_due)

    def as_rows(self, on: dt.date, notice_file: str = "") -> list[dict[str, object]]:
        """One row per action: the keys of `--json` and the columns of the run's list (docs/formats.md)."""
        step, day = self.next_step if self.next_step else (None, None)
        return [{"run_date": on.isoformat(), "account": self.account, "kind": self.kind, "name": self.name,
                 "step": a.step.value, "past_due_cents": a.past_due.cents, "fee_cents": a.fee.cents,
                 "work_order": a.work_order, "amount_due_cents": self.amount_due.cents,
                 "next_step": step.value if step else "", "next_date": day.isoformat() if day else "",
                 "notice_file": notice_file, "note": a.note} for a in self.actions]  # fmt: skip


@dataclass(frozen=True, slots=True)
class RunPreview:
    on: dt.date
    accounts: tuple[AccountSteps, ...]
    held: tuple[str, ...]  # accounts kept from door tags and disconnects by a hold or an arrangement
    shutoff_refusal: str  # why no door tags or disconnects on this date ("" if they may be)
    committed: str  # the run of this date already committed, in words ("" if not)

    @property
    def fees(self) -> Money:
        return Money.total(a.fees for a in self.accounts)

    def count(self, step: Step) -> int:
        return sum(1 for a in self.accounts for x in a.actions if x.step is step)


@dataclass(frozen=True, slots=True)
class RunCommitted:
    on: dt.date
    accounts: tuple[AccountSteps, ...]  # as the preview showed them, with the orders' numbers
    folder: Path | None  # the notices and the list (None: a repeated run wrote nothing)
    repeated: str  # a second commit for the date: what it says ("" for the run that did it)

    @property
    def fees(self) -> Money:
        return Money.total(a.fees for a in self.accounts)


def rules_of(ctx: ServiceContext) -> CollectionRules:
    return rules_of_settings(ctx.settings)


def rules_of_settings(settings: Settings) -> CollectionRules:
    """The collection steps and the late fee as the settings declare them (delinquency.*)."""
    s = settings.delinquency
    return CollectionRules(
        utility=(StepRule(Step.REMINDER, s.reminder_days, s.reminder_past_due_cents),
                 StepRule(Step.LATE_FEE, s.late_fee_days, s.late_fee_past_due_cents),
                 StepRule(Step.DOOR_TAG, s.door_tag_days, s.door_tag_past_due_cents),
                 StepRule(Step.DISCONNECT, s.disconnect_days, s.disconnect_past_due_cents)),
        tax=(StepRule(Step.TAX_NOTICE, s.tax_notice_days, s.tax_notice_past_due_cents),
             StepRule(Step.TAX_PENALTY, s.tax_penalty_days, s.tax_penalty_past_due_cents),
             StepRule(Step.TAX_REFERRAL, s.tax_referral_days, s.tax_referral_past_due_cents)),
        late_fee=LateFeeRule(s.late_fee_basis_points, s.late_fee_minimum_cents, s.late_fee_cap_cents),
    )  # fmt: skip


def notices_folder(ctx: ServiceContext) -> Path:
    """`delinquency.notices_folder`, or a `notices` folder beside the database."""
    configured = ctx.settings.delinquency.notices_folder.strip()
    if configured:
        return Path(configured).expanduser()
    if ctx.db.path is not None:
        return ctx.db.path.parent / "notices"
    from platformdirs import user_data_path

    return user_data_path("cashdesk", appauthor=False) / "notices"


# -- the plan: what each step would do, read in one transaction ---------------------------------------


@dataclass(frozen=True, slots=True)
class _Planned:
    preview: RunPreview
    ids: dict[str, int]  # account number -> id


def _said(record: store.RunOnRecord) -> str:
    return translate(
        "delinquency",
        "The delinquency run for {day} was committed by {committed_by} at {committed_at:%Y-%m-%d %H:%M} UTC "
        "({accounts} account(s), {fees} in fees): nothing was changed.",
    ).format(day=record.on.isoformat(), committed_by=record.committed_by, committed_at=record.committed_at,
             accounts=record.accounts, fees=Money(record.fees_cents).display())  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Lookups:
    """What each account's steps are decided against, read once for the run."""

    on: dt.date
    rules: CollectionRules
    done: dict[tuple[int, str, dt.date], store.DoneStep]  # (account id, step, since) -> the step taken
    open_orders: dict[tuple[int, str], tuple[int, str]]  # (account id, type) -> the open order
    held_ids: set[int]  # accounts kept off the shut-off list on the day
    shutoff_refusal: str  # why no shut-off may be done on the day ("": it may)
    tag_fee: Money

    def undone(self, account_id: int, step: Step, since: dt.date) -> bool:
        earlier = self.done.get((account_id, step.value, since))
        if earlier is None:
            return True
        # A door tag or disconnect cancelled or not done is no step taken: the run may order it again.
        return earlier.order_status in (OrderStatus.CANCELLED.value, OrderStatus.NOT_DONE.value)


def _plan(db: Driver, ctx: ServiceContext, on: dt.date) -> _Planned:
    rules = rules_of(ctx)
    problem = rules.problem()
    if problem:
        raise DelinquencyRefused(problem)
    record = store.run_on(db, on)
    shutoff_refusal = shutoff_date_refusal(on, rule_of(ctx), orders.shutoff_hold_days(db))
    # An arrangement being kept holds its account from every step; one that lapses on this day (the
    # commit marks it broken first) does not: the account is back at the step it had reached.
    lapses = {account_id for _, account_id, _ in arrangements.lapsing(db, ctx, on)}
    arranged = arrangement_rows.active_accounts(db) - lapses
    utility = store.utility_owing(db, [r.cutoff(on) for r in rules.utility])
    tax = store.tax_owing(db, [r.cutoff(on) for r in rules.tax])
    oldest = min((a.oldest for a in (*utility, *tax)), default=on)
    done = {(d.account_id, d.step, d.since): d for d in store.done_steps(db, oldest)}
    k = _Lookups(on, rules, done, store.open_collection_orders(db), orders.holds_on(db, on), shutoff_refusal,
                 Money(ctx.settings.orders.door_tag_fee_cents))  # fmt: skip
    out: list[AccountSteps] = []
    ids: dict[str, int] = {}
    held: list[str] = []
    for a in utility:
        if a.account_id in arranged:
            held.append(a.number)
            continue
        actions, steps = _utility_actions(k, a, held)
        if actions:
            ids[a.number] = a.account_id
            out.append(_account_steps(a, "utility", actions, rules.utility, steps, on))
    periods = _unpaid_periods(db, rules, on) if tax else {}
    rates = rates_from(ctx.settings)
    for a in tax:
        if a.account_id in arranged:
            held.append(a.number)
            continue
        actions, steps = _tax_actions(k, a, periods.get(a.account_id, []), rates)
        if actions:
            ids[a.number] = a.account_id
            out.append(_account_steps(a, "sales_tax", actions, rules.tax, steps, on))
    preview = RunPreview(on, tuple(out), tuple(held), shutoff_refusal, _said(record) if record else "")
    return _Planned(preview, ids)


def _utility_actions(k: _Lookups, a: store.AccountOwing, held: list[str]) -> tuple[list[Action], tuple[Step, ...]]:
    """A utility account's actions on the day and the steps it has reached; an account held off the
    shut-off list is added to `held` (once)."""
    amounts = dict(zip(UTILITY_STEPS, (Money(c) for c in a.by_step), strict=True))
    amounts[Step.LATE_FEE] = Money(a.late_base)
    steps = reached(k.rules.utility, amounts)
    fee_rule = k.rules.late_fee
    actions: list[Action] = []
    for step in steps:
        if step is Step.LATE_FEE:
            fee = late_fee(amounts[step], fee_rule)
            actions.append(Action(step, amounts[step], fee, _late_words(amounts[step], fee, fee_rule)))
            continue
        if not k.undone(a.account_id, step, a.oldest):
            continue
        if step in SHUTOFF_STEPS:
            if k.shutoff_refusal:
                continue
            if a.account_id in k.held_ids:
                if a.number not in held:
                    held.append(a.number)
                continue
            if (a.account_id, step.value) in k.open_orders:
                continue  # already tagged (or a disconnect waiting): never twice
            note = ""
            if step is Step.DISCONNECT:
                note = _waits_for(a.account_id, a.oldest, actions, k.done, k.open_orders)
            actions.append(Action(step, amounts[step], k.tag_fee if step is Step.DOOR_TAG else Money(0), note))
            continue
        actions.append(Action(step, amounts[step], Money(0)))
    return actions, steps


def _unpaid_periods(db: Driver, rules: CollectionRules, on: dt.date) -> dict[int, list[UnpaidPeriod]]:
    """Each tax account's unpaid periods past the penalty step's cutoff."""
    periods: dict[int, list[UnpaidPeriod]] = {}
    for account_id, period, due, unpaid, penalties, interest in store.unpaid_tax_periods(
        db, rules.rule(Step.TAX_PENALTY).cutoff(on)
    ):
        periods.setdefault(account_id, []).append(UnpaidPeriod(period, due, Money(unpaid), penalties > 0,
                                                               Money(interest)))  # fmt: skip
    return periods


def _tax_actions(k: _Lookups, a: store.AccountOwing, periods: list[UnpaidPeriod],
                 rates: TaxRates) -> tuple[list[Action], tuple[Step, ...]]:  # fmt: skip
    """A sales-tax account's actions on the day (penalty and interest by period) and the steps it has reached."""
    amounts = dict(zip(TAX_STEPS, (Money(c) for c in a.by_step), strict=True))
    steps = reached(k.rules.tax, amounts)
    actions: list[Action] = []
    for step in steps:
        if step is Step.TAX_PENALTY:
            charges = [c for p in periods if (c := tax_charge(p, rates, k.on)).penalty.cents or c.interest.cents]
            if charges:
                fee = Money.total(c.penalty + c.interest for c in charges)
                note = "; ".join(f"{c.period}: penalty {c.penalty.display()}, interest {c.interest.display()} "
                                 f"({c.months} month(s) late)" for c in charges)  # fmt: skip
                actions.append(Action(step, amounts[step], fee, note))
        elif k.undone(a.account_id, step, a.oldest):
            actions.append(Action(step, amounts[step], Money(0)))
    return actions, steps


def _account_steps(a: store.AccountOwing, kind: str, actions: list[Action], rules: Sequence[StepRule],
                   steps: tuple[Step, ...], on: dt.date) -> AccountSteps:  # fmt: skip
    return AccountSteps(a.number, kind, a.name, a.mailing_address or a.service_address, a.oldest, Money(a.owed),
                        tuple(actions), next_step(rules, steps, a.oldest, on, Money(a.owed)), a.language)  # fmt: skip


def _late_words(past_due: Money, fee: Money, rule: LateFeeRule) -> str:
    words = f"{rule.basis_points / 100:g}% of {past_due.display()}"
    if fee.cents == rule.minimum_cents and fee.cents:
        words += ", the minimum"
    elif rule.cap_cents and fee.cents == rule.cap_cents:
        words += ", the cap"
    return words


def _waits_for(account_id: int, since: dt.date, actions: list[Action], done: dict[tuple[int, str, dt.date],
               store.DoneStep], open_orders: dict[tuple[int, str], tuple[int, str]]) -> str:  # fmt: skip
    if any(x.step is Step.DOOR_TAG for x in actions):
        return "waits for this run's door tag"
    tag = open_orders.get((account_id, OrderType.DOOR_TAG.value))
    if tag is not None:
        return f"waits for door tag {tag[1]}"
    earlier = done.get((account_id, Step.DOOR_TAG.value, since))
    if earlier is not None and earlier.order_status == OrderStatus.COMPLETED.value:
        return f"after door tag {earlier.work_order}"
    return "waits for its door tag"


def preview(ctx: ServiceContext, operator: Operator, on: dt.date) -> RunPreview:
    """What a run on `on` would do, account by account; nothing is written."""
    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("delinquency", "see the delinquency run"))
    with ctx.db.unit_of_work(write=False) as uow:
        return _plan(uow.rows, ctx, on).preview


# -- the commit ------------------------------------------------------------------------------------


def _arrangements_broken_on(db: Driver, ctx: ServiceContext, on: dt.date, user: str) -> None:
    """First in the run's transaction: an arrangement whose down payment or installment is past its
    grace days is denied or broken (services/arrangements.py), so that its account is back at the
    step it had reached. The preview leaves those accounts unheld the same way (`_plan`)."""
    arrangements.mark_broken_arrangements(db, ctx, on, user=user)


def commit(ctx: ServiceContext, supervisor: Operator, on: dt.date, folder: Path | None = None) -> RunCommitted:
    """A supervisor runs the steps for today, all or nothing, once per date: a second commit the same
    date changes nothing and says so. The notice letters and the run's list are written in the run's
    transaction (a file that cannot be written leaves the run undone)."""
    supervisor.require(Permission.APPROVE_OVERRIDES, translate("delinquency", "commit the delinquency run"))
    now = ctx.now()
    today = local_date(ctx, now)
    if on != today:
        raise DelinquencyRefused(
            translate(
                "delinquency",
                "A delinquency run is committed for today ({today}), not for {on}: preview other dates. "
                "Nothing was changed.",
            ).format(today=today.isoformat(), on=on.isoformat())
        )
    where = (folder or notices_folder(ctx)) / f"delinquency-{on.isoformat()}"
    with ctx.db.unit_of_work() as uow:
        db = uow.rows
        record = store.run_on(db, on)
        if record is not None:
            return RunCommitted(on, (), None, _said(record))
        _arrangements_broken_on(db, ctx, on, supervisor.user_id)
        planned = _plan(db, ctx, on)
        run_id = store.insert_run(db, on, supervisor.user_id, now.replace(tzinfo=None), str(where))
        done = tuple(_act(db, ctx, supervisor.user_id, run_id, planned.ids[a.account], a, now)
                     for a in planned.preview.accounts)  # fmt: skip
        fees = Money.total(a.fees for a in done)
        store.finish_run(db, run_id, len(done), fees.cents)
        _write_files(ctx, where, on, done)
        audit.record_on(db, user=supervisor.user_id, station=ctx.station, event_type=EVENT, object=on.isoformat(),
                        details={"accounts": len(done), "fees_cents": fees.cents, "folder": str(where),
                                 **{step.value: planned.preview.count(step) for step in Step}}, at=now)  # fmt: skip
        uow.commit()
    return RunCommitted(on, done, where, "")


def _act(db: Driver, ctx: ServiceContext, user: str, run_id: int, account_id: int, steps: AccountSteps,
         now: dt.datetime) -> AccountSteps:  # fmt: skip
    on = local_date(ctx, now)
    done: list[Action] = []
    tag: tuple[int, str] | None = None
    for action in steps.actions:
        number = ""
        items: list[int] = []
        if action.step is Step.LATE_FEE:
            items = store.late_fee_items(db, account_id, rules_of(ctx).rule(Step.LATE_FEE).cutoff(on))
            description = f"Late fee {action.note}"[:120]
            store.add_charge(db, account_id, "LATEFEE", description, action.fee.cents, on)
            posting.add_history(db, account_id, on, "bill", description, action.fee.cents, f"DQ-{on.isoformat()}")
        elif action.step is Step.TAX_PENALTY:
            _charge_tax(db, ctx, account_id, on)
        elif action.step is Step.DOOR_TAG:
            address = store.service_address(db, account_id)
            tag = new_order(db, ctx, user, account_id, address, OrderType.DOOR_TAG, now,
                            reason=f"Past due {action.past_due.display()}", scheduled=on, priority=2,
                            fee=("DOORTAG", "Shut-off notice (door tag)", action.fee.cents))  # fmt: skip
            number = tag[1]
        elif action.step is Step.DISCONNECT:
            number = _disconnect(db, ctx, user, account_id, steps.since, tag, now)
        action_id = store.insert_action(db, run_id, account_id, action.step.value, steps.since,
                                        action.past_due.cents, action.fee.cents, number, action.note)  # fmt: skip
        if action.step is Step.LATE_FEE:
            store.mark_late_items(db, action_id, items)
        if action.step in (Step.REMINDER, Step.TAX_NOTICE, Step.TAX_REFERRAL):
            posting.add_history(db, account_id, on, "note", f"{action.step.label} ({_letter_word(action.step)})", 0,
                                f"DQ-{on.isoformat()}")  # fmt: skip
        done.append(replace(action, work_order=number))
    return replace(steps, actions=tuple(done))


def _letter_word(step: Step) -> str:
    return "referred, notice sent" if step is Step.TAX_REFERRAL else "notice sent"


def _charge_tax(db: Driver, ctx: ServiceContext, account_id: int, on: dt.date) -> None:
    rates = rates_from(ctx.settings)
    cutoff = rules_of(ctx).rule(Step.TAX_PENALTY).cutoff(on)
    for acct, period, due, unpaid, penalties, interest in store.unpaid_tax_periods(db, cutoff):
        if acct != account_id:
            continue
        charge = tax_charge(UnpaidPeriod(period, due, Money(unpaid), penalties > 0, Money(interest)), rates, on)
        for code, label, amount in (("TAXPEN", "Penalty", charge.penalty), ("TAXINT", "Interest", charge.interest)):
            if amount.cents:
                text = f"{label} {period} ({charge.months} month(s) late)"
                store.add_charge(db, account_id, code, text, amount.cents, on, period)
                posting.add_history(db, account_id, on, "bill", text, amount.cents, f"DQ-{on.isoformat()}")


def _disconnect(db: Driver, ctx: ServiceContext, user: str, account_id: int, since: dt.date,
                tag: tuple[int, str] | None, now: dt.datetime) -> str:  # fmt: skip
    """A disconnect that waits for its door tag: this run's, an open one, or one hung since the oldest
    charge went unpaid (then it is scheduled after the notice period)."""
    scheduled = None
    depends = tag[0] if tag else None
    if depends is None:
        found = store.open_collection_orders(db).get((account_id, OrderType.DOOR_TAG.value))
        depends = found[0] if found else None
    if depends is None:
        for d in store.done_steps(db, since):
            if (d.account_id, d.step, d.since) == (account_id, Step.DOOR_TAG.value, since) and d.order_id:
                depends = d.order_id
                if d.order_status == OrderStatus.COMPLETED.value and d.completed_at is not None:
                    due = disconnect_due(d.completed_at, ctx.settings.orders.notice_hours)
                    scheduled = max(local_date(ctx, due.replace(tzinfo=dt.UTC)), local_date(ctx, now))
    address = store.service_address(db, account_id)
    _, number = new_order(db, ctx, user, account_id, address, OrderType.DISCONNECT, now, reason="Non-payment",
                          priority=2, depends_on=depends, scheduled=scheduled)  # fmt: skip
    return number


# -- the files -------------------------------------------------------------------------------------


def _letter(ctx: ServiceContext, on: dt.date, steps: AccountSteps) -> NoticeLetter:
    c, d = ctx.settings.city, ctx.settings.delinquency
    return notice_letter(city=(c.name, c.department, c.address, c.phone), on=on, account=steps.account,
                         name=steps.name, address=steps.address,
                         steps=[(a.step, a.fee, a.work_order or a.note) for a in steps.actions],
                         past_due=steps.past_due, amount_due=steps.amount_due, next_one=steps.next_step,
                         how_to_pay=d.how_to_pay_es if steps.language == SPANISH else d.how_to_pay,
                         language=steps.language)  # fmt: skip


def notice_name(account: str) -> str:
    return f"notice-{account}.pdf"


def _write_files(ctx: ServiceContext, where: Path, on: dt.date, done: tuple[AccountSteps, ...]) -> None:
    """A PDF per account, every letter in one PDF, and the list as CSV, each written whole."""
    from cashdesk.documents.notice_letter import notices_pdf  # deferred: ReportLab

    try:
        where.mkdir(parents=True, exist_ok=True)
        letters = []
        for steps in done:
            letter = _letter(ctx, on, steps)
            letters.append(letter)
            write_atomically(where / notice_name(steps.account), notices_pdf([letter], f"Notice {steps.account}"))
        write_atomically(where / f"notices-{on.isoformat()}.pdf",
                         notices_pdf(letters, f"Delinquency notices {on.isoformat()}"))  # fmt: skip
        rows = [[str(row[k]) for k in CSV_HEADER] for steps in done
                for row in steps.as_rows(on, notice_name(steps.account))]  # fmt: skip
        write_atomically(where / f"delinquency-{on.isoformat()}.csv", csv_bytes(CSV_HEADER, rows))
    except OSError as exc:
        raise DelinquencyRefused(
            translate(
                "delinquency",
                "The notices could not be written in {where} ({strerror}): nothing was changed. Choose "
                "another folder or free some space, then commit again.",
            ).format(where=where, strerror=exc.strerror or exc)
        ) from None
