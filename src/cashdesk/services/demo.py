"""A fictional city for training, demonstrations and benchmarks: `cashdesk demo-data`.

The city is made by simulating a year of bills, payments, late fees, door tags, shut-offs,
returned checks and tax returns, so what is left open on each account is what its history
says it owes: the history's amounts (bills and fees up, payments down) add up to the
balance (open items less credit).

Each block of accounts has its own random generator seeded from the seed and the block's
number, so the same seed and date give the same city however many processes build it.
demo-data only fills a database that has no accounts yet; it refuses any other. A database
without users also gets five demo users (cashier1, cashier2, super1, super2, admin1) whose
password, demo-password, is public: for training only.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace

from cashdesk.config import Settings
from cashdesk.domain.money import Money
from cashdesk.domain.security import Role
from cashdesk.services import audit
from cashdesk.services.auth import hash_password
from cashdesk.services.context import Operator, ServiceContext, ServiceError, command_line_operator
from cashdesk.services.demo_accounts import Block, Calendar, build_block
from cashdesk.services.demo_orders import add_demo_orders
from cashdesk.services.demo_supplies import add_demo_answers_and_supplies
from cashdesk.services.setup import init_database
from cashdesk.store import bulk
from cashdesk.store import users as user_store
from cashdesk.store.models import UserRow
from cashdesk.words import translate

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

#: Accounts per block: the unit of randomness, of work for a process, and of progress.
BLOCK = 4000
#: Below this many accounts one process is quicker than starting helpers.
PARALLEL_FROM = 40_000
#: Account numbers are 10 digits; far more than any city this is for.
MAX_ACCOUNTS = 10_000_000


ACCOUNT_COLUMNS = (
    "id", "number", "kind", "name", "service_address", "mailing_address", "phone", "phone_digits",
    "status", "cash_only", "deposit_held_cents", "licence_number", "filing_frequency", "credit_cents",
    "created_at", "updated_at",
)  # fmt: skip
ITEM_COLUMNS = (
    "account_id", "revenue_code", "description", "period", "bill_date", "due_date", "amount_cents", "paid_cents",
)  # fmt: skip
HISTORY_COLUMNS = ("account_id", "on_date", "kind", "description", "amount_cents", "reference")
TABLES = ("accounts", "open_items", "account_history")


@dataclass(frozen=True, slots=True)
class DemoResult:
    location: str
    seed: int
    as_of: dt.date
    accounts: int
    utility: int
    sales_tax: int
    open_items: int
    history: int
    owed: Money  # open items less credits, over the whole city
    seconds: float
    users: tuple[str, ...] = ()  # demo users added (none when the database had users)

    def describe(self) -> str:
        text = (
            f"Built a demo city of {self.accounts:,} accounts ({self.utility:,} utility, {self.sales_tax:,} sales tax) "
            f"with {self.open_items:,} open items ({self.owed.display()} owed) and {self.history:,} history entries, "
            f"as of {self.as_of.isoformat()} (seed {self.seed}), in {self.seconds:.1f} s, at {self.location}."
        )
        if self.users:
            text += (
                f" Demo users {', '.join(self.users)} (cashiers, supervisors, an administrator) "
                f"sign in with the password {DEMO_PASSWORD}."
            )
        return text


#: Demo users, added when the database has none. Their password is public: training only.
DEMO_USERS: tuple[tuple[str, Role, str], ...] = (
    ("cashier1", Role.CASHIER, "Demo Cashier One"),
    ("cashier2", Role.CASHIER, "Demo Cashier Two"),
    ("super1", Role.SUPERVISOR, "Demo Supervisor One"),
    ("super2", Role.SUPERVISOR, "Demo Supervisor Two"),
    ("admin1", Role.ADMINISTRATOR, "Demo Administrator"),
)
DEMO_PASSWORD = "demo-password"


def _add_demo_users(ctx: ServiceContext, actor: Operator, result: DemoResult) -> tuple[str, ...]:
    """The demo users (when there are none yet) and the "demo_data" audit event, in one transaction."""
    password_hash = hash_password(DEMO_PASSWORD)  # one hash for all: the password is public anyway
    now = ctx.now().astimezone(dt.UTC).replace(tzinfo=None)
    added: list[str] = []
    with ctx.db.unit_of_work() as uow:
        if not user_store.any_users(uow.session):
            for user_id, role, name in DEMO_USERS:
                uow.session.add(
                    UserRow(
                        user_id=user_id, full_name=name, role=role.value, password_hash=password_hash,
                        must_change_password=False, failed_attempts=0, disabled=False, disabled_reason="",
                        password_changed_at=now, created_at=now,
                    )
                )  # fmt: skip
                audit.record(
                    uow.session, user=actor.user_id, station=ctx.station, event_type="user_add", object=user_id,
                    details={"role": role.value, "must_change": False, "demo": True}, at=ctx.now(),
                )  # fmt: skip
                added.append(user_id)
        audit.record(
            uow.session, user=actor.user_id, station=ctx.station, event_type="demo_data", object="",
            details={"accounts": result.accounts, "seed": result.seed, "as_of": result.as_of.isoformat(),
                     "users_added": len(added)},
            at=ctx.now(),
        )  # fmt: skip
        uow.commit()
    return tuple(added)


# -- the use case ----------------------------------------------------------------------------


def _blocks(accounts: int) -> Iterator[tuple[int, int, int]]:
    for block, start in enumerate(range(0, accounts, BLOCK)):
        yield block, start, min(BLOCK, accounts - start)


def _built_blocks(seed: int, accounts: int, cal: Calendar, workers: int) -> Iterator[Block]:
    """Blocks in order. With helpers, a few blocks are built ahead while the last is written."""
    if workers <= 1:
        for block, start, count in _blocks(accounts):
            yield build_block(seed, block, cal, start, count)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: list[Future[Block]] = []
        for block, start, count in _blocks(accounts):
            pending.append(pool.submit(build_block, seed, block, cal, start, count))
            if len(pending) > workers + 1:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()


def _refuse_unless_empty(ctx: ServiceContext, location: str) -> None:
    have = bulk.row_counts(ctx.db, TABLES)
    if have["accounts"]:
        raise ServiceError(
            translate(
                "demo",
                "The database {location} already has {accounts:,} accounts. demo-data only fills an "
                "empty database, so nothing was changed. Give it a new file: cashdesk --db demo.sqlite3 "
                "demo-data",
            ).format(location=location, accounts=have["accounts"])
        )
    if not ctx.db.is_sqlite:
        raise ServiceError(translate("demo", "demo-data fills SQLite database files only; give it a file with --db."))


@dataclass(frozen=True, slots=True)
class _Written:
    utility: int
    sales_tax: int
    owed_cents: int
    inserted: Mapping[str, int]  # rows by table


def _write_city(ctx: ServiceContext, cal: Calendar, seed: int, accounts: int, workers: int,
                progress: Progress | None) -> _Written:  # fmt: skip
    """Build the city's blocks and load them into the empty tables, reporting progress by block."""
    utility = sales_tax = owed = 0
    done = 0
    if progress:
        progress(0, accounts)
    with bulk.bulk_load(ctx.db, TABLES) as load:
        for block in _built_blocks(seed, accounts, cal, workers):
            load.insert("accounts", ACCOUNT_COLUMNS, block.accounts)
            load.insert("open_items", ITEM_COLUMNS, block.items)
            load.insert("account_history", HISTORY_COLUMNS, block.history)
            utility += block.utility
            sales_tax += block.sales_tax
            owed += block.owed_cents
            done += len(block.accounts)
            if progress and done < accounts:
                progress(done, accounts)
    if progress:
        progress(accounts, accounts)
    return _Written(utility, sales_tax, owed, dict(load.inserted))


def generate_demo_city(
    db: str | os.PathLike[str] | None,
    *,
    accounts: int,
    seed: int,
    progress: Progress | None = None,
    as_of: dt.date | None = None,
    workers: int | None = None,
    actor: Operator | None = None,
) -> DemoResult:
    """Fill an empty database with a fictional city of `accounts` accounts.

    as_of: the day the city's history ends (default: today in the city's time zone).
    workers: processes that build accounts while this one writes them (default: one per
    CPU for large cities, none for small ones). It never changes what is built. They are
    spawned, so a script that calls this needs the `if __name__ == "__main__":` guard.
    actor: who asked, for the audit trail (default: the administrator at the command line).
    A database without users also gets the demo users (DEMO_USERS, password DEMO_PASSWORD).
    """
    if not 1 <= accounts <= MAX_ACCOUNTS:
        raise ServiceError(
            translate("demo", "A demo city has from 1 to {MAX_ACCOUNTS:,} accounts.").format(MAX_ACCOUNTS=MAX_ACCOUNTS)
        )
    started = time.perf_counter()
    init_database(db)
    ctx = ServiceContext.open(db, settings=Settings.load(), quick_check=False)
    try:
        as_of = as_of or ctx.today()
        location = str(ctx.db.path or ctx.db.url)
        _refuse_unless_empty(ctx, location)
        if workers is None:
            workers = min(os.cpu_count() or 1, 4) if accounts >= PARALLEL_FROM else 0
        city = _write_city(ctx, Calendar.build(as_of), seed, accounts, workers, progress)
        result = DemoResult(
            location=location,
            seed=seed,
            as_of=as_of,
            accounts=accounts,
            utility=city.utility,
            sales_tax=city.sales_tax,
            open_items=city.inserted.get("open_items", 0),
            history=city.inserted.get("account_history", 0),
            owed=Money(city.owed_cents),
            seconds=time.perf_counter() - started,
        )
        users = _add_demo_users(ctx, actor or command_line_operator(), result)
        add_demo_answers_and_supplies(ctx, actor or command_line_operator())
        add_demo_orders(ctx, actor or command_line_operator())
        result = replace(result, users=users, seconds=time.perf_counter() - started)
        log.info("%s", result.describe())
        return result
    finally:
        ctx.close()
