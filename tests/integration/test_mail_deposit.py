"""Mail in the day's close and deposit: unposted batches hold the close; posted checks go to the bank."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from pypdf import PdfReader

from cashdesk.config import Settings
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import OverrideAction, Role
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services import auth
from cashdesk.services.balancing import CountInput, close_drawer, items_to_verify, record_count
from cashdesk.services.context import Operator, ServiceContext, command_line_operator
from cashdesk.services.day_close import DayCloseRefused, close_day, day_status
from cashdesk.services.deposit import export_deposit
from cashdesk.services.drawers import open_drawer
from cashdesk.services.mail_batches import (
    MailRefused,
    add_remittance,
    balance_batch,
    open_batch,
    post_batch,
    reject_batch,
    reverse_item,
)
from cashdesk.services.overrides import approve
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from cashdesk.services.users import add_user

NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)
DAY = dt.date(2026, 11, 26)
CASHIER = Operator("jcashier", Role.CASHIER)
SUPERVISOR = Operator("msuper", Role.SUPERVISOR)
PASSWORD = "a-long-password-1"
FLOAT = CashCount({"B20": 5})


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def ctx(small_city: Path) -> Iterator[ServiceContext]:
    context = ServiceContext.open(small_city, settings=Settings({"reports.folder": str(small_city.parent / "reports"),
                                                                "backup.at_day_close": False}))  # fmt: skip
    context.clock = lambda: NOW
    for user_id, role in (("jcashier", Role.CASHIER), ("msuper", Role.SUPERVISOR)):
        add_user(context, command_line_operator(), user_id, role, PASSWORD, must_change_password=False)
    yield context
    context.close()


def mail_batch(ctx: ServiceContext, *, post: bool = True) -> int:
    """Smith by check, Garcia by money order, Nguyễn by check (reversed later), Bakery by check."""
    batch = open_batch(ctx, CASHIER, control_count=4, control_total=Money(7315 + 2000 + 1500 + 137500))
    add_remittance(ctx, CASHIER, batch.id, account="1000000017", amount=Money(7315), check_number="3101",
                   payer="John Smith")  # fmt: skip
    add_remittance(ctx, CASHIER, batch.id, account="1000000033", amount=Money(2000), check_number="MO-55",
                   tender="money_order", payer="Ana Garcia")  # fmt: skip
    add_remittance(ctx, CASHIER, batch.id, account="1000000041", amount=Money(1500), check_number="3102")
    add_remittance(ctx, CASHIER, batch.id, account="2000000019", amount=Money(137500), check_number="8800",
                   payer="Main Street Bakery")  # fmt: skip
    if post:
        balance_batch(ctx, CASHIER, batch.id)
        post_batch(ctx, CASHIER, batch.id)
    return batch.id


def counter_day(ctx: ServiceContext) -> None:
    """One cash payment at the counter and the drawer closed even."""
    open_drawer(ctx, CASHIER, FLOAT)
    post_receipt(
        ctx, CASHIER, Cart((AccountPayment("1000000017", Money(1000)),)), [Tender(TenderKind.CASH, Money(1000))]
    )
    present = frozenset(i.tender_id for i in items_to_verify(ctx, CASHIER))
    counted = record_count(ctx, CASHIER, CountInput(CashCount({"B20": 5, "B10": 1}), present))
    close_drawer(ctx, CASHIER, count_id=counted.count_id, float_kept=FLOAT)


def test_a_day_with_an_open_or_balanced_mail_batch_refuses_to_close_naming_them(ctx: ServiceContext) -> None:
    first = open_batch(ctx, CASHIER, control_count=1, control_total=Money(500))
    second = mail_batch(ctx, post=False)
    balance_batch(ctx, CASHIER, second)
    assert [b.number for b in day_status(ctx, DAY).unposted_mail] == ["M-20261126-01", "M-20261126-02"]
    assert not day_status(ctx, DAY).can_close
    with pytest.raises(DayCloseRefused) as refused:
        close_day(ctx, SUPERVISOR, DAY)
    assert str(refused.value) == (
        "The business day 2026-11-26 cannot close: these mail batches are not posted: "
        "M-20261126-01 (open, jcashier); M-20261126-02 (balanced, jcashier). "
        "Balance and post each batch, or reject it, first."
    )
    reject_batch(ctx, CASHIER, first.id, "empty envelope")
    with pytest.raises(DayCloseRefused, match="this mail batch is not posted: M-20261126-02 \\(balanced"):
        close_day(ctx, SUPERVISOR, DAY)
    post_batch(ctx, CASHIER, second)
    assert day_status(ctx, DAY).can_close
    result = close_day(ctx, SUPERVISOR, DAY)
    assert result.receipts == 4 and result.receipts_total == Money(148315)
    # The closed day takes no more mail: a batch opened now belongs to the next day.
    assert open_batch(ctx, CASHIER, control_count=1, control_total=Money(1)).business_date == DAY + dt.timedelta(days=1)


def test_posted_mail_checks_go_in_the_deposit_and_the_journal_and_a_reversal_leaves_both(
    ctx: ServiceContext, tmp_path: Path
) -> None:
    counter_day(ctx)
    batch_id = mail_batch(ctx)
    from cashdesk.services.mail_batches import batch_view

    nguyen = batch_view(ctx, CASHIER, batch_id).items[2]
    approval = approve(ctx, action=OverrideAction.MAIL_REVERSAL, requested_by=CASHIER, supervisor_id="msuper",
                       password=PASSWORD, object=nguyen.receipt_number)  # fmt: skip
    reverse_item(ctx, CASHIER, batch_id, nguyen.id, "check returned unsigned", approval_id=approval.id)
    close_day(ctx, SUPERVISOR, DAY)
    result = export_deposit(ctx, SUPERVISOR, DAY, tmp_path / "out")
    assert result.bank_total == Money(1000 + 7315 + 2000 + 137500)
    assert result.check_count == 2

    deposit = list(csv.reader(io.StringIO((tmp_path / "out" / "deposit-2026-11-26.csv").read_text())))
    items = [(r[3], r[6], r[7], r[9]) for r in deposit[1:] if r[0] == "D" and r[3] in ("check", "money_order")]
    assert items == [
        ("check", "3101", "John Smith", "73.15"),
        ("check", "8800", "Main Street Bakery", "1375.00"),
        ("money_order", "MO-55", "Ana Garcia", "20.00"),
    ]  # the reversed check 3102 is not in the bag
    assert deposit[-1][0] == "T" and deposit[-1][3] == "1478.15"

    slip = "".join(page.extract_text() for page in PdfReader(tmp_path / "out" / "deposit-slip-2026-11-26.pdf").pages)
    for text in ("3101", "John Smith", "$73.15", "8800", "$1,375.00", "MO-55", "$20.00", "Checks (2)"):
        assert text in slip, text
    assert "3102" not in slip

    journal = list(csv.DictReader(io.StringIO((tmp_path / "out" / "gl-journal-2026-11-26.csv").read_text())))
    debits = sum(Money.from_file(line["debit"]).cents for line in journal)
    credits = sum(Money.from_file(line["credit"]).cents for line in journal)
    assert debits == credits == 1000 + 7315 + 2000 + 137500
    assert any(line["description"].startswith("Cash in bank") for line in journal)
    assert any("SALESTAX" in line["description"] for line in journal)  # the bakery's check paid its tax

    # The deposit is made: the day's remittances can no longer be reversed.
    smith = batch_view(ctx, CASHIER, batch_id).items[0]
    with pytest.raises(MailRefused, match="closed and its deposit made"):
        reverse_item(ctx, CASHIER, batch_id, smith.id, "too late", approval_id=None)
