"""A simulated city day, run through the same services the window uses.

For every business day: the simulated staff sign in, each cashier opens a drawer with a
counted float, takes counter payments of every tender (cash with change, checks, money
orders, cards, split tenders, misc items, overpayments kept as credit), drops cash to the
safe when the drawer passes its warning limit, a supervisor approves the odd void; at the
end of the shift each cashier balances the drawer (a blind count, now and then a little
over or short, rarely beyond the limit with a reason and a supervisor), a supervisor
closes the day and the deposit files are exported.

The staff are users of their own (`sim.cashier1`, `sim.cashier2`, `sim.super1`,
`sim.super2`), given a fresh random password at every run: nobody signs in as them. The
receipts of simulated days are marked printed ("simulated") so a station does not print
a history at start. The same seed on the same database gives the same days.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update

from cashdesk.domain.accounts import is_cash_only
from cashdesk.domain.cash import DENOMINATIONS, CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import OverrideAction, Permission, Role
from cashdesk.domain.tenders import CARD_BRANDS, Tender, TenderKind
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.demo_orders import simulate_orders
from cashdesk.store.models import AccountRow, BusinessDayRow, OpenItemRow, PrintJobRow
from cashdesk.words import translate

if TYPE_CHECKING:
    from cashdesk.services.payments import Cart

CASHIERS = ("sim.cashier1", "sim.cashier2")
SUPERVISORS = ("sim.super1", "sim.super2")
STATIONS = ("W01", "W02")
FLOAT = CashCount({"B20": 5, "B10": 5, "B5": 6, "B1": 10, "C25": 40, "C10": 30, "C5": 20, "C1": 50})  # $204.50
MAX_DAYS = 370
_GREEDY = [d for d in DENOMINATIONS if d.form != "roll" and d.code not in ("B2", "C50", "C100")]


@dataclass(frozen=True, slots=True)
class SimulatedDay:
    business_date: dt.date
    receipts: int
    total: Money
    voids: int
    drops: int
    over_short: Money
    files: tuple[str, ...]


class _Clock:
    """The simulated moment: a business day's morning in the city, moving on with each step."""

    def __init__(self, zone: str) -> None:
        self.zone = ZoneInfo(zone)
        self.moment = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)

    def morning(self, day: dt.date) -> None:
        self.moment = dt.datetime.combine(day, dt.time(8, 0), self.zone).astimezone(dt.UTC)

    def advance(self, minutes: float) -> None:
        self.moment += dt.timedelta(minutes=minutes)

    def __call__(self) -> dt.datetime:
        return self.moment


def business_days_to_run(ctx: ServiceContext, days: int) -> list[dt.date]:
    """`days` weekdays in the past, so today stays open for the people at the window: the ones
    after the last closed business day, or, on a database with none, the ones ending yesterday."""
    if not 1 <= days <= MAX_DAYS:
        raise ServiceError(
            translate("simulate", "Simulate from 1 to {MAX_DAYS} days at a time.").format(MAX_DAYS=MAX_DAYS)
        )
    with ctx.db.unit_of_work(write=False) as uow:
        last = uow.session.scalar(
            select(func.max(BusinessDayRow.business_date)).where(BusinessDayRow.status == "closed")
        )
    today = ctx.today()
    out: list[dt.date] = []
    if last is None:
        day = today
        while len(out) < days:
            day -= dt.timedelta(days=1)
            if day.weekday() < 5:
                out.append(day)
        return sorted(out)
    day = last + dt.timedelta(days=1)
    while len(out) < days and day < today:
        if day.weekday() < 5:
            out.append(day)
        day += dt.timedelta(days=1)
    if len(out) < days:
        raise ServiceError(
            translate(
                "simulate",
                "Only {weekdays} weekdays lie between the last closed business day ({last:%Y-%m-%d}) "
                "and today: simulated days are always in the past. Simulate fewer days, or start from a "
                "new database.",
            ).format(weekdays=len(out), last=last)
        )
    return out


def greedy_count(amount: Money) -> CashCount:
    """Pieces that make `amount`, largest bills first ($20s rather than $100s: a cash drawer)."""
    left = amount.cents
    pieces: dict[str, int] = {}
    for d in _GREEDY:
        if d.cents > 2000 or left < d.cents:
            continue
        pieces[d.code], left = divmod(left, d.cents)
    return CashCount({k: v for k, v in pieces.items() if v})


def simulate(
    ctx: ServiceContext,
    admin: Operator,
    *,
    days: int,
    seed: int = 1,
    out: Path,
    payments_per_drawer: tuple[int, int] = (25, 45),
    on_day: Callable[[SimulatedDay], None] | None = None,
) -> list[SimulatedDay]:
    """Run `days` business days; returns what each did. `out` receives each day's deposit files."""
    admin.require(Permission.MANAGE_USERS, translate("simulate", "set up the simulated staff"))
    dates = business_days_to_run(ctx, days)
    clock = _Clock(ctx.settings.city.time_zone)
    clock.morning(dates[0])
    # No automatic backup at each simulated day's close: a year at city scale would copy the file 250 times.
    contexts = {station: ServiceContext(ctx.db, ctx.settings.with_values(station__id=station,
                                                                         backup__at_day_close=False), clock)
                for station in STATIONS}  # fmt: skip
    main = contexts[STATIONS[0]]
    passwords = _staff(main, admin)
    numbers = _AccountPicker(main, seed)
    results = []
    for index, day in enumerate(dates):
        rng = random.Random(f"{seed}:{day.isoformat()}")
        clock.morning(day)
        result = _run_day(contexts, clock, passwords, numbers, rng, day, out, payments_per_drawer, index)
        results.append(result)
        if on_day is not None:
            on_day(result)
    return results


def _staff(ctx: ServiceContext, admin: Operator) -> dict[str, str]:
    """The simulated users, each with a new random password known only to this run."""
    from cashdesk.services.auth import change_password
    from cashdesk.services.users import add_user, enable_user, get_user, reset_password, unlock_user

    passwords: dict[str, str] = {}
    for user_id, role in [*((c, Role.CASHIER) for c in CASHIERS), *((s, Role.SUPERVISOR) for s in SUPERVISORS)]:
        password = secrets.token_urlsafe(18)
        try:
            existing = get_user(ctx, admin, user_id)
        except ServiceError:
            existing = None
        if existing is None:
            add_user(ctx, admin, user_id, role, password, full_name=f"Simulated {role.label.lower()}",
                     must_change_password=False)  # fmt: skip
        else:
            if existing.disabled:
                enable_user(ctx, admin, user_id)
            unlock_user(ctx, admin, user_id)
            temporary = secrets.token_urlsafe(18)
            reset_password(ctx, admin, user_id, temporary)
            change_password(ctx, user_id, temporary, password)
        passwords[user_id] = password
    return passwords


class _AccountPicker:
    """Accounts that owe something, picked at random, never a closed one."""

    def __init__(self, ctx: ServiceContext, seed: int) -> None:
        self.ctx = ctx
        with ctx.db.unit_of_work(write=False) as uow:
            low, high = uow.session.execute(select(func.min(AccountRow.id), func.max(AccountRow.id))).one()
        self.low, self.high = low or 0, high or 0

    def pick(self, rng: random.Random) -> tuple[str, int, bool] | None:
        """(number, amount owed, cash only) of an account that owes, or None when the city has none."""
        if not self.high:
            return None
        with self.ctx.db.unit_of_work(write=False) as uow:
            for _ in range(40):
                wanted = rng.randint(self.low, self.high)
                row = uow.session.execute(
                    select(AccountRow.number, AccountRow.status, AccountRow.cash_only, AccountRow.cash_only_until,
                           func.coalesce(func.sum(OpenItemRow.amount_cents - OpenItemRow.paid_cents), 0))
                    .join(OpenItemRow, OpenItemRow.account_id == AccountRow.id)
                    .where(AccountRow.id == wanted).group_by(AccountRow.id)
                ).first()  # fmt: skip
                if row is None or row[1] == "closed" or row[4] <= 0:
                    continue
                cash_only = is_cash_only(row[2], row[3], self.ctx.today())
                return str(row[0]), int(row[4]), cash_only
        return None


_MISC = (("BLDGPRMT", 7500, "Fence permit"), ("COPIES", 250, "Copies of a bill"), ("BUSLIC", 5000, "Business licence"),
         ("PARKING", 3500, "Parking ticket"), ("COURT", 12500, "Court fine"))  # fmt: skip


def _tenders(rng: random.Random, total: Money, cash_only: bool, sequence: Iterator[int]) -> list[Tender]:
    roll = rng.random()
    if cash_only or roll < 0.45:
        step = rng.choice((100, 500, 1000, 2000))
        paid = -(-total.cents // step) * step  # the next whole bill up: change comes back
        return [Tender(TenderKind.CASH, Money(paid))]
    if roll < 0.72:
        return [Tender(TenderKind.CHECK, total, str(next(sequence)))]
    if roll < 0.77:
        return [Tender(TenderKind.MONEY_ORDER, total, f"{rng.randint(10**9, 10**10 - 1)}")]
    if roll < 0.93:
        return [Tender(TenderKind.CARD, total, f"{rng.randint(0, 999999):06d}", card_brand=rng.choice(CARD_BRANDS),
                       card_last4=f"{rng.randint(0, 9999):04d}")]  # fmt: skip
    if total.cents < 200:
        return [Tender(TenderKind.CASH, total)]
    cash = Money(rng.randint(1, total.cents // 100) * 100 if total.cents >= 200 else total.cents)
    if cash >= total:
        return [Tender(TenderKind.CASH, total)]
    return [Tender(TenderKind.CHECK, total - cash, str(next(sequence))), Tender(TenderKind.CASH, cash)]


def _customer_cart(rng: random.Random, picker: _AccountPicker) -> tuple[Cart, bool]:
    """What the next customer pays: one or two accounts (in full, in part or more), now and then a
    misc item; and whether one of the accounts takes cash only."""
    from cashdesk.services.payments import AccountPayment, Cart, MiscItem

    lines: list[AccountPayment | MiscItem] = []
    cash_only = False
    for _ in range(1 if rng.random() < 0.9 else 2):
        picked = picker.pick(rng)
        if picked is None:
            break
        number, owed, only_cash = picked
        cash_only = cash_only or only_cash
        kind = rng.random()
        amount = owed if kind < 0.75 else max(1, owed // rng.randint(2, 4)) if kind < 0.95 else owed + 1000
        lines.append(AccountPayment(number, Money(amount), keep_excess_as_credit=amount > owed))
    if not lines or rng.random() < 0.08:
        code, cents, memo = rng.choice(_MISC)
        lines.append(MiscItem(code, Money(cents), memo))
    return Cart(tuple(lines)), cash_only


def _balance_drawer(ctx: ServiceContext, cashier: Operator, rng: random.Random,
                    approval: Callable[[OverrideAction, Operator, str, str], int]) -> Money:  # fmt: skip
    """The end of a shift: the X report, a count (now and then off), the close; returns the over/short."""
    from cashdesk.services.balancing import CountInput, close_drawer, items_to_verify, record_count
    from cashdesk.services.shift import x_report

    report = x_report(ctx, cashier)
    expected_cash = report.expected_cash
    roll = rng.random()
    variance = 0 if roll < 0.8 else rng.choice((-1, 1)) * rng.randint(1, 300) if roll < 0.97 else -1250
    if expected_cash.cents + variance < FLOAT.total.cents:
        variance = 0
    cards = sum((amount for kind, _, amount in report.by_tender if kind == "card"), Money(0))
    present = frozenset(item.tender_id for item in items_to_verify(ctx, cashier))
    counted = record_count(ctx, cashier, CountInput(greedy_count(Money(expected_cash.cents + variance)), present,
                                                    card_settlement=cards))  # fmt: skip
    reason, granted_id = "", None
    if counted.needs_approval:
        reason = "Short: a $10 bill and change not found after a recount"
        granted_id = approval(OverrideAction.VARIANCE, cashier, f"drawer {counted.drawer_id}", reason)
    closed = close_drawer(ctx, cashier, count_id=counted.count_id, float_kept=counted.suggested_float,
                          reason=reason, approval_id=granted_id)  # fmt: skip
    return closed.over_short


def _run_day(contexts: dict[str, ServiceContext], clock: _Clock, passwords: dict[str, str], picker: _AccountPicker,
             rng: random.Random, day: dt.date, out: Path, per_drawer: tuple[int, int],
             index: int) -> SimulatedDay:  # fmt: skip
    from cashdesk.services.auth import sign_in
    from cashdesk.services.day_close import close_day
    from cashdesk.services.deposit import export_deposit
    from cashdesk.services.drawers import open_drawer
    from cashdesk.services.overrides import approve
    from cashdesk.services.voids import void_receipt

    main = contexts[STATIONS[0]]
    staff = {user: sign_in(main, user, passwords[user]).operator for user in (*CASHIERS, *SUPERVISORS)}
    supervisor = SUPERVISORS[index % 2]
    receipts = voids = drops = 0
    total = Money(0)
    over_short = Money(0)
    check_numbers = iter(range(1000 + index * 500, 10**9))

    def approval(action: OverrideAction, requested_by: Operator, object: str, reason: str = "") -> int:
        return approve(main if requested_by.user_id == CASHIERS[0] else contexts[STATIONS[1]], action=action,
                       requested_by=requested_by, supervisor_id=supervisor, password=passwords[supervisor],
                       object=object, reason=reason).id  # fmt: skip

    for station, cashier_id in zip(STATIONS, CASHIERS, strict=True):
        ctx, cashier = contexts[station], staff[cashier_id]
        first_job = _next_job_id(ctx)
        clock.morning(day)
        open_drawer(ctx, cashier, FLOAT)
        served, taken, made_drops, last_number = _serve_customers(ctx, cashier, clock, rng, picker, per_drawer,
                                                                  check_numbers)  # fmt: skip
        receipts += served
        total += taken
        drops += made_drops
        if last_number and rng.random() < 0.3:
            clock.advance(2)
            granted = approval(OverrideAction.VOID, cashier, last_number)
            voided = void_receipt(ctx, cashier, last_number, "Customer paid the wrong account", approval_id=granted)
            voids += 1
            total -= voided.total
        clock.advance(30)
        over_short += _balance_drawer(ctx, cashier, rng, approval)
        _mark_printed(ctx, station, first_job)
    simulate_orders(main, staff[CASHIERS[0]], rng, day)  # the field's work of the day (services/demo_orders.py)
    clock.advance(20)
    close_day(main, staff[supervisor], day)
    exported = export_deposit(main, staff[supervisor], day, out, ticket_number=f"{day:%y%m%d}01",
                              bag_number=f"B{day:%m%d}")  # fmt: skip
    return SimulatedDay(day, receipts, total, voids, drops, over_short,
                        tuple(f.name for f in exported.files))  # fmt: skip


def _serve_customers(ctx: ServiceContext, cashier: Operator, clock: _Clock, rng: random.Random,
                     picker: _AccountPicker, per_drawer: tuple[int, int],
                     check_numbers: Iterator[int]) -> tuple[int, Money, int, str]:  # fmt: skip
    """A drawer's customers, each paying at the counter, with a drop to the safe when the cash runs
    high: (receipts, their total, drops, the last receipt's number)."""
    from cashdesk.services.payments import PaymentRefused, post_receipt
    from cashdesk.services.shift import cash_drop, cash_position

    receipts = drops = 0
    total = Money(0)
    last_number = ""
    for _ in range(rng.randint(*per_drawer)):
        clock.advance(rng.uniform(2, 9))
        cart, cash_only = _customer_cart(rng, picker)
        try:
            posted = post_receipt(ctx, cashier, cart, _tenders(rng, cart.total, cash_only, check_numbers))
        except PaymentRefused:
            continue  # e.g. the drawer is past its limit: the next customer pays otherwise
        receipts += 1
        total += posted.total
        last_number = posted.number
        position = cash_position(ctx, cashier)
        if position is not None and position.level != "ok":
            clock.advance(3)
            cash_drop(ctx, cashier, greedy_count(position.cash - FLOAT.total))
            drops += 1
    return receipts, total, drops, last_number


def _next_job_id(ctx: ServiceContext) -> int:
    with ctx.db.unit_of_work(write=False) as uow:
        return int(uow.session.scalar(select(func.coalesce(func.max(PrintJobRow.id), 0))) or 0) + 1


def _mark_printed(ctx: ServiceContext, station: str, first_job: int) -> None:
    """The simulated shift's receipts, slips and reports never go to a printer (only its own jobs)."""
    with ctx.db.unit_of_work() as uow:
        uow.session.execute(update(PrintJobRow).where(PrintJobRow.station == station, PrintJobRow.status == "queued",
                                                      PrintJobRow.id >= first_job)
                            .values(status="printed", printed_at=ctx.now().replace(tzinfo=None),
                                    last_error="simulated: not printed"))  # fmt: skip
        uow.commit()
