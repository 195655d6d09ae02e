"""A station that posts payments and prints, over and over, until it is killed (the kill loop).

    python -m tests.support.crash_worker DB PRINTER_SPEC SEED
    python -m tests.support.crash_worker --fork-server DB PRINTER_SPEC

Run from the project folder. The first form is one worker. The second imports everything
once and forks a fresh worker process on each request (see `fork_server`), so the kill loop
(tests/integration/test_kill_loop.py) spends its time killing workers, not starting Python.
A worker, through the services only and for ever: counter payments of every tender (cash with change, check, card,
split, misc items, an overpayment kept as credit), now and then a mail batch opened, keyed,
balanced and posted, a cash drop when the drawer holds too much, and rounds of
`deliver_queued` to the printer named by PRINTER_SPEC (the printer emulator).
"""

from __future__ import annotations

import random
import sys

from cashdesk.config import Settings
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import Role
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.drawers import current_drawer, open_drawer
from cashdesk.services.payments import AccountPayment, Cart, CartLine, MiscItem, post_receipt
from cashdesk.services.printing import deliver_queued, station_printer
from cashdesk.services.shift import cash_drop, cash_position
from tests.support.fork_server import fork, reap

try:  # the mail batches service, where this version has it
    from cashdesk.services import mail_batches
except ImportError:  # pragma: no cover - older trees
    mail_batches = None  # type: ignore[assignment]

CASHIER = Operator("crash1", Role.CASHIER)
#: The accounts the parent writes: ACCOUNT_PREFIX + two digits, 00 to ACCOUNTS - 1.
ACCOUNT_PREFIX = "30000000"
ACCOUNTS = 12
FLOAT = CashCount({"B20": 5, "B10": 5, "B5": 10, "B1": 50})  # $250.00
DROP_ABOVE_CENTS = 40_000
MISC_CODES = ("COPIES", "PARKING", "BLDGPRMT", "COURT")


def settings(spec: str) -> Settings:
    return Settings({"printer.spec": spec})


def account(rng: random.Random) -> str:
    return f"{ACCOUNT_PREFIX}{rng.randrange(ACCOUNTS):02d}"


def counter_payment(ctx: ServiceContext, rng: random.Random) -> None:
    """One customer at the counter, paying with one of the tenders in one of the ways people do."""
    cents = rng.randrange(100, 30_000)
    amount = Money(cents)
    way = rng.choice(("cash_change", "check", "card", "split", "misc", "overpay", "money_order"))
    lines: list[CartLine] = [AccountPayment(account(rng), amount, keep_excess_as_credit=True)]
    if way == "misc":
        lines = [
            MiscItem(rng.choice(MISC_CODES), amount, memo="kill loop"),
            AccountPayment(account(rng), Money(rng.randrange(100, 5_000)), keep_excess_as_credit=True),
        ]
    elif way == "overpay":
        lines = [AccountPayment(account(rng), Money(cents + 500_000), keep_excess_as_credit=True)]
    total = sum(line.amount.cents for line in lines)
    check = str(rng.randrange(1, 10**6))
    if way == "cash_change":
        tenders = [Tender(TenderKind.CASH, Money((total // 2000 + 1) * 2000))]
    elif way in ("check", "overpay"):
        tenders = [Tender(TenderKind.CHECK, Money(total), check)]
    elif way == "money_order":
        tenders = [Tender(TenderKind.MONEY_ORDER, Money(total), f"MO-{check}")]
    elif way == "card":
        tenders = [Tender(TenderKind.CARD, Money(total), "A1B2C3", card_brand="VISA", card_last4="4242")]
    elif way == "split":
        card = total // 2
        tenders = [Tender(TenderKind.CARD, Money(card), "Z9Y8", card_brand="MASTERCARD", card_last4="0005"),
                   Tender(TenderKind.CASH, Money(total - card + 375))]  # fmt: skip
    else:
        tenders = [Tender(TenderKind.CASH, Money(total))]
    post_receipt(ctx, CASHIER, Cart(tuple(lines), payer="Kill Loop"), tenders)


def mail_batch(ctx: ServiceContext, rng: random.Random) -> None:
    """The morning's mail: two checks keyed against the tape, balanced, posted."""
    assert mail_batches is not None
    amounts = [rng.randrange(500, 20_000) for _ in range(2)]
    batch = mail_batches.open_batch(ctx, CASHIER, control_count=2, control_total=Money(sum(amounts)))
    for cents in amounts:
        mail_batches.add_remittance(ctx, CASHIER, batch.id, account=account(rng), amount=Money(cents),
                                    check_number=str(rng.randrange(1, 10**6)), payer="Mail Payer")  # fmt: skip
    mail_batches.balance_batch(ctx, CASHIER, batch.id)
    mail_batches.post_batch(ctx, CASHIER, batch.id)


def drop_if_full(ctx: ServiceContext) -> None:
    """A drop to the safe before the drawer reaches the limit that refuses cash."""
    position = cash_position(ctx, CASHIER)
    assert position is not None
    if position.cash.cents > DROP_ABOVE_CENTS:
        cash_drop(ctx, CASHIER, CashCount({"B20": (position.cash.cents - FLOAT.total.cents) // 2000}))


def print_round(ctx: ServiceContext) -> None:
    printer = station_printer(ctx)
    try:
        deliver_queued(ctx, printer)
    finally:
        printer.close()


def work(db: str, spec: str, seed: int) -> None:
    """Take payments and print until killed."""
    rng = random.Random(seed)
    ctx = ServiceContext.open(db, settings=settings(spec), quick_check=False)
    if current_drawer(ctx, CASHIER) is None:
        open_drawer(ctx, CASHIER, FLOAT)
    print_round(ctx)  # what the last worker left queued
    while True:
        pick = rng.random()
        if pick < 0.12 and mail_batches is not None:
            mail_batch(ctx, rng)
        else:
            counter_payment(ctx, rng)
        drop_if_full(ctx)
        if rng.random() < 0.6:
            print_round(ctx)


def warm_up() -> None:
    """Load what the first payment would load (python-escpos, the receipt layout, the ORM
    mappers), so a worker starts taking payments at once. Touches no database."""
    from sqlalchemy.orm import configure_mappers

    from cashdesk.devices.receipt import preload

    preload()
    configure_mappers()


def fork_server(db: str, spec: str) -> int:
    """Start workers on request, forked from this process, which has imported everything once.

    stdin: "go SEED" starts a worker and answers "started PID"; "reap PID" waits for that
    worker (killed by the parent) and answers "reaped PID RETURNCODE" (-9 for SIGKILL).
    A worker is a whole process of its own: it opens the database after the fork.
    """
    warm_up()
    print("ready", flush=True)
    for line in sys.stdin:
        command, arg = line.split()
        if command == "go":
            fork(lambda arg=arg: work(db, spec, int(arg)) or 1, failed=1)  # a worker only ends by our kill
        elif command == "reap":
            reap(int(arg))
    return 0


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--fork-server":
        return fork_server(argv[1], argv[2])
    db, spec, seed = argv[0], argv[1], int(argv[2])
    work(db, spec, seed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
