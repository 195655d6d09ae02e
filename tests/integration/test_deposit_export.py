"""Exporting the deposit of a closed day: the five files read back, to the cent, byte for byte."""

import csv
import datetime as dt
import hashlib
import io
import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from pypdf import PdfReader

from cashdesk.config import Settings, SettingsError
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import OverrideAction, Role
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services import auth
from cashdesk.services.balancing import CountInput, ExtraItem, close_drawer, items_to_verify, record_count
from cashdesk.services.context import Operator, PermissionDenied, ServiceContext, command_line_operator
from cashdesk.services.day_close import close_day
from cashdesk.services.deposit import ExportRefused, export_deposit
from cashdesk.services.drawers import current_drawer, open_drawer
from cashdesk.services.overrides import approve
from cashdesk.services.payments import AccountPayment, Cart, MiscItem, post_receipt
from cashdesk.services.shift import cash_drop, drawer_object, paid_out
from cashdesk.services.users import add_user
from cashdesk.services.voids import void_receipt

NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)  # 10:00 in Denver
DAY = dt.date(2026, 11, 26)
CASHIER = Operator("jcashier", Role.CASHIER)
SUPERVISOR = Operator("msuper", Role.SUPERVISOR)
PASSWORD = "a-long-password-1"
FLOAT = CashCount({"B20": 5, "C25": 40})  # $110.00
FORMULA_PAYER = "=cmd|' /C calc'!A0"


def make_ctx(db: Path, **settings: object) -> ServiceContext:
    context = ServiceContext.open(db, settings=Settings({"reports.folder": str(db.parent / "reports"), **settings}))
    context.clock = lambda: NOW
    return context


def add_people(ctx: ServiceContext) -> None:
    admin = command_line_operator()
    for user_id, role in (("jcashier", Role.CASHIER), ("bteller", Role.CASHIER), ("msuper", Role.SUPERVISOR),
                          ("ksuper", Role.SUPERVISOR)):  # fmt: skip
        add_user(ctx, admin, user_id, role, PASSWORD, must_change_password=False)


def cash(cents: int) -> Tender:
    return Tender(TenderKind.CASH, Money(cents))


def close_my_drawer(ctx: ServiceContext, cashier: Operator, pieces: CashCount, *, card: int = 0,
                    kept: CashCount = FLOAT, missing: tuple[str, ...] = ()) -> int:  # fmt: skip
    """Count (blind) and close the cashier's drawer; every check and money order present unless named missing."""
    present = frozenset(i.tender_id for i in items_to_verify(ctx, cashier) if i.number not in missing)
    counted = record_count(ctx, cashier, CountInput(pieces, present, card_settlement=Money(card)))
    closed = close_drawer(ctx, cashier, count_id=counted.count_id, float_kept=kept)
    return closed.drawer_id


def a_full_day(ctx: ServiceContext) -> dict[str, str]:
    """Cash with change, a credit kept, a sales-tax check, a permit by money order, a card, a void,
    a drop, a paid-out of a credit, and a drawer $1.25 short. Returns receipt numbers by name."""
    open_drawer(ctx, CASHIER, FLOAT)
    numbers: dict[str, str] = {}
    numbers["cash"] = post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(3490)),)),
                                   [cash(4000)]).number  # fmt: skip
    numbers["credit"] = post_receipt(
        ctx, CASHIER, Cart((AccountPayment("1000000025", Money(6000), keep_excess_as_credit=True),)), [cash(6000)]
    ).number
    numbers["check"] = post_receipt(ctx, CASHIER, Cart((AccountPayment("2000000019", Money(137500)),)),
                                    [Tender(TenderKind.CHECK, Money(137500), "5001")]).number  # fmt: skip
    numbers["money_order"] = post_receipt(
        ctx,
        CASHIER,
        Cart((MiscItem("BLDGPRMT", Money(12500), "Fence permit"),), payer=FORMULA_PAYER),
        [Tender(TenderKind.MONEY_ORDER, Money(12500), "MO-778")],
    ).number
    numbers["card"] = post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(2000)),)),
                                   [Tender(TenderKind.CARD, Money(2000), "A1B2C3", "VISA", "4242")]).number  # fmt: skip
    numbers["void"] = post_receipt(ctx, CASHIER, Cart((MiscItem("COPIES", Money(300)),)), [cash(300)]).number
    void_approval = approve(ctx, action=OverrideAction.VOID, requested_by=CASHIER, supervisor_id="msuper",
                            password=PASSWORD, object=numbers["void"])  # fmt: skip
    void_receipt(ctx, CASHIER, numbers["void"], "keyed twice", approval_id=void_approval.id)
    cash_drop(ctx, CASHIER, CashCount({"B20": 2}))
    drawer = current_drawer(ctx, CASHIER)
    assert drawer is not None
    out = approve(ctx, action=OverrideAction.PAID_OUT, requested_by=CASHIER, supervisor_id="msuper",
                  password=PASSWORD, object=drawer_object(drawer.id))  # fmt: skip
    paid_out(ctx, CASHIER, amount=Money(1000), reason="refund of an overpayment", account="1000000033",
             approval_id=out.id)  # fmt: skip
    # Expected cash: 110.00 + 40.00 - 5.10 + 60.00 (+3.00 - 3.00 void) - 40.00 drop - 10.00 paid-out = 154.90.
    # Counted 153.65: $1.25 short.
    close_my_drawer(ctx, CASHIER, CashCount({"B20": 7, "B1": 3, "C25": 42, "C10": 1, "C5": 1}), card=2000)
    return numbers


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def ctx(small_city: Path):  # type: ignore[no-untyped-def]
    context = make_ctx(small_city)
    add_people(context)
    yield context
    context.close()


@pytest.fixture
def closed_day(ctx: ServiceContext) -> dict[str, str]:
    numbers = a_full_day(ctx)
    close_day(ctx, SUPERVISOR, DAY)
    return numbers


def read_csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert b"\r" not in data and data.endswith(b"\n")
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def db_file(ctx: ServiceContext) -> Path:
    return Path(str(ctx.db.engine.url.database))


def rows(db: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


NAMES = ("deposit-2026-11-26.csv", "deposit-slip-2026-11-26.pdf", "gl-journal-2026-11-26.csv",
         "billing-payments-2026-11-26.csv", "sales-tax-payments-2026-11-26.csv")  # fmt: skip
MANIFEST = "deposit-manifest-2026-11-26.json"


def test_the_deposit_file_lists_what_went_to_the_bank(ctx: ServiceContext, closed_day: dict[str, str],
                                                      tmp_path: Path) -> None:  # fmt: skip
    out = tmp_path / "out"
    result = export_deposit(ctx, SUPERVISOR, DAY, out, ticket_number="T-1001", bag_number="B-77")
    assert sorted(p.name for p in out.iterdir()) == sorted((*NAMES, MANIFEST))  # no temporary files left behind
    table = read_csv(out / "deposit-2026-11-26.csv")
    detail, trailer = table[1:-1], table[-1]
    # Cash: the drop (2 x $20) and the drawer's deposit (counted less the $110.00 float kept).
    assert [(r[3], r[4], r[5], r[9]) for r in detail if r[3] in ("currency", "coin")] == [
        ("currency", "B20", "4", "80.00"), ("currency", "B1", "3", "3.00"),
        ("coin", "C25", "2", "0.50"), ("coin", "C10", "1", "0.10"), ("coin", "C5", "1", "0.05")]  # fmt: skip
    items = [(r[3], r[6], r[7], r[8], r[9]) for r in detail if r[3] not in ("currency", "coin")]
    assert items == [
        ("check", "5001", "MAIN STREET BAKERY LLC", closed_day["check"], "1375.00"),
        ("money_order", "MO-778", "'" + FORMULA_PAYER, closed_day["money_order"], "125.00"),
        ("card_settlement", "", "", "W01 drawer 1 jcashier", "20.00"),
    ]
    assert trailer[:4] == ["T", "2026-11-26", "8", "1603.65"]
    data = (out / "deposit-2026-11-26.csv").read_bytes()
    body = data.split(b"\n", 1)[1].rsplit(b"\n", 2)[0] + b"\n"
    assert hashlib.sha256(body).hexdigest() == trailer[4]
    assert result.bank_total == Money(158365) and result.deposit_total == Money(160365) and result.check_count == 1


def test_the_journal_balances_and_nets_to_the_deposit(ctx: ServiceContext, closed_day: dict[str, str],
                                                      tmp_path: Path) -> None:  # fmt: skip
    export_deposit(ctx, SUPERVISOR, DAY, tmp_path)
    table = read_csv(tmp_path / "gl-journal-2026-11-26.csv")
    assert table[0] == ["date", "reference", "fund", "gl_account", "debit", "credit", "description"]
    lines = table[1:]
    debit = sum(Money.from_file(r[4]).cents for r in lines)
    credit = sum(Money.from_file(r[5]).cents for r in lines)
    assert debit == credit
    by_account: dict[str, int] = {}
    for r in lines:
        by_account[r[3]] = by_account.get(r[3], 0) + Money.from_file(r[4]).cents - Money.from_file(r[5]).cents
    assert by_account == {
        "100-000-101000": 150000 - 1000 - 125,  # tax and permit; less the paid-out and the short
        "505-000-101000": 3490 + 6000 + 2000,  # utility receipts
        "505-000-359100": -500,
        "505-000-344100": -(2990 + 2000),
        "505-000-344920": -5000,  # late fee, water, recon
        "505-000-220500": -1000,  # the overpayment kept as credit (fund of the account's service)
        "100-150-313100": -125000,
        "100-150-319100": -12500,  # sales tax and its penalty
        "100-310-322100": -12500,  # the permit
        "100-000-220500": 1000,  # the paid-out of a credit (an account with no open items: the general fund)
        "100-150-369300": 125,  # short: a debit to over/short
    }
    assert all(r[0] == "2026-11-26" and r[1] == "CR-2026-11-26" and r[2] == r[3].split("-")[0] for r in lines)
    assert "100-150-341900" not in by_account  # the voided copies fee is not revenue
    # Cash in bank nets to what the deposit file says went to the bank (the float was kept whole).
    assert by_account["100-000-101000"] + by_account["505-000-101000"] == 160365


def test_posting_files_for_billing_and_sales_tax(ctx: ServiceContext, closed_day: dict[str, str],
                                                 tmp_path: Path) -> None:  # fmt: skip
    export_deposit(ctx, SUPERVISOR, DAY, tmp_path)
    assert read_csv(tmp_path / "billing-payments-2026-11-26.csv") == [
        ["account", "amount", "date", "receipt_number", "tender"],
        ["1000000017", "34.90", "2026-11-26", closed_day["cash"], "cash"],
        ["1000000025", "60.00", "2026-11-26", closed_day["credit"], "cash"],
        ["1000000017", "20.00", "2026-11-26", closed_day["card"], "card"],
    ]
    assert read_csv(tmp_path / "sales-tax-payments-2026-11-26.csv") == [
        ["account", "period", "amount", "receipt_number"],
        ["2000000019", "2026-09", "1375.00", closed_day["check"]],
    ]


def test_the_deposit_slip_reads_back_with_the_database_s_totals(ctx: ServiceContext, closed_day: dict[str, str],
                                                               tmp_path: Path) -> None:  # fmt: skip
    export_deposit(ctx, SUPERVISOR, DAY, tmp_path, ticket_number="T-1001", bag_number="B-77")
    text = pdf_text(tmp_path / "deposit-slip-2026-11-26.pdf")
    for expected in ("First National Bank of Aurelia", "DEPOSIT TICKET", "000123456789", "102000021",
                     "2026-11-26", "T-1001", "B-77", "$20 bills", "$80.00", "Total currency", "$83.00",
                     "Total coin", "$0.65", "5001", "MAIN STREET BAKERY LLC", "$1,375.00", "MO-778", "$125.00",
                     "Number of checks: 1", "Number of money orders: 1", "TOTAL DEPOSIT", "$1,583.65",
                     "card settlements $20.00"):  # fmt: skip
        assert expected in text, expected
    # The database agrees with the slip.
    assert rows(db_file(ctx), "SELECT deposit_total_cents, ticket_number, bag_number, status FROM business_days") == [
        (160365, "T-1001", "B-77", "closed")]  # fmt: skip


def test_exporting_twice_gives_the_same_bytes_and_both_are_registered(ctx: ServiceContext, closed_day: dict[str, str],
                                                                      tmp_path: Path) -> None:  # fmt: skip
    first = export_deposit(ctx, SUPERVISOR, DAY, tmp_path / "a", ticket_number="T-1001", bag_number="B-77")
    ctx.clock = lambda: NOW + dt.timedelta(days=1, hours=3)  # later, nothing in the files depends on it
    second = export_deposit(ctx, SUPERVISOR, DAY, tmp_path / "b")  # the ticket and bag are remembered
    for name in NAMES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert second.changed == () and second.ticket_number == "T-1001" and second.bag_number == "B-77"
    assert [f.sha256 for f in first.files] == [f.sha256 for f in second.files]
    db = db_file(ctx)
    registered = rows(db, "SELECT name, sha256, size, exported_by FROM exported_files ORDER BY id")
    assert len(registered) == 10
    for name, sha, size, who in registered:
        data = (tmp_path / "a" / name).read_bytes()
        assert (sha, size, who) == (hashlib.sha256(data).hexdigest(), len(data), "msuper")
    assert [r[0] for r in rows(db, "SELECT event_type FROM audit_events WHERE event_type = 'deposit_export'")] == [
        "deposit_export", "deposit_export"]  # fmt: skip


def test_a_changed_re_export_is_reported_and_audited(ctx: ServiceContext, closed_day: dict[str, str],
                                                     tmp_path: Path) -> None:  # fmt: skip
    export_deposit(ctx, SUPERVISOR, DAY, tmp_path, ticket_number="T-1001", bag_number="B-77")
    again = export_deposit(ctx, SUPERVISOR, DAY, tmp_path, ticket_number="T-1002")
    assert [f.name for f in again.changed] == ["deposit-slip-2026-11-26.pdf"]
    assert "As asked, these replace the ones exported before for this day (ticket T-1002, bag B-77)" in again.describe()
    assert "T-1002" in pdf_text(tmp_path / "deposit-slip-2026-11-26.pdf")
    manifest = {f["name"]: f["sha256"] for f in json.loads((tmp_path / MANIFEST).read_bytes())["files"]}
    assert manifest == {f.name: f.sha256 for f in again.files}  # the manifest lists the new slip
    db = db_file(ctx)
    details = rows(db, "SELECT details FROM audit_events WHERE event_type = 'deposit_export' ORDER BY seq")
    assert '"changed":{}' in details[0][0]
    assert '"changed":{"deposit-slip-2026-11-26.pdf":[' in details[1][0]


def test_only_a_closed_day_exports_and_only_a_supervisor(ctx: ServiceContext, tmp_path: Path) -> None:
    a_full_day(ctx)
    out = tmp_path / "deposit"
    with pytest.raises(ExportRefused, match="2026-11-26 is not closed yet. Close the day first"):
        export_deposit(ctx, SUPERVISOR, DAY, out)
    close_day(ctx, SUPERVISOR, DAY)
    with pytest.raises(PermissionDenied):
        export_deposit(ctx, CASHIER, DAY, out)
    with pytest.raises(PermissionDenied):
        export_deposit(ctx, command_line_operator(), DAY, out)
    with pytest.raises(ExportRefused, match="up to 20 letters"):
        export_deposit(ctx, SUPERVISOR, DAY, out, ticket_number="4111 1111 1111 1111")
    assert not out.exists()
    db = db_file(ctx)
    assert rows(db, "SELECT count(*) FROM exported_files") == [(0,)]


def test_a_folder_that_cannot_be_written_registers_nothing(ctx: ServiceContext, closed_day: dict[str, str],
                                                          tmp_path: Path) -> None:  # fmt: skip
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(ExportRefused, match="could not be written"):
        export_deposit(ctx, SUPERVISOR, DAY, blocker / "out")
    db = db_file(ctx)
    assert rows(db, "SELECT count(*) FROM exported_files") == [(0,)]


def test_a_missing_check_stays_out_of_the_bag_and_an_extra_money_order_goes_in(ctx: ServiceContext,
                                                                              tmp_path: Path) -> None:  # fmt: skip
    open_drawer(ctx, CASHIER, FLOAT)
    post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(2500)),)),
                 [Tender(TenderKind.CHECK, Money(2500), "311")])  # fmt: skip
    post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(1500)),)),
                 [Tender(TenderKind.CHECK, Money(1500), "312")])  # fmt: skip
    approval = approve(ctx, action=OverrideAction.VARIANCE, requested_by=CASHIER, supervisor_id="msuper",
                       password=PASSWORD, object="drawer 1")  # fmt: skip
    present = frozenset(i.tender_id for i in items_to_verify(ctx, CASHIER) if i.number == "311")
    extra = (ExtraItem("money_order", "MO-9", Money(700)),)
    counted = record_count(ctx, CASHIER, CountInput(FLOAT, present, extra), approval_id=approval.id)
    close_drawer(ctx, CASHIER, count_id=counted.count_id, float_kept=FLOAT, reason="check 312 lost")
    close_day(ctx, SUPERVISOR, DAY)
    export_deposit(ctx, SUPERVISOR, DAY, tmp_path)
    table = read_csv(tmp_path / "deposit-2026-11-26.csv")
    assert [(r[3], r[6], r[7], r[8], r[9]) for r in table[1:-1]] == [
        ("check", "311", "SMITH, JOHN", "W01-2026-000001", "25.00"),
        ("money_order", "MO-9", "(found in the drawer, not recorded)", "drawer 1", "7.00"),
    ]
    journal = read_csv(tmp_path / "gl-journal-2026-11-26.csv")
    assert ["2026-11-26", "CR-2026-11-26", "100", "100-150-369300", "8.00", "0.00",
            "Short: W01 drawer 1 jcashier"] in journal  # fmt: skip


def test_a_long_slip_runs_over_pages_and_lists_every_check(ctx: ServiceContext, tmp_path: Path) -> None:
    open_drawer(ctx, CASHIER, FLOAT)
    for n in range(60):
        post_receipt(ctx, CASHIER, Cart((MiscItem("PARKING", Money(2500 + n)),), payer=f"Payer {n:02d}"),
                     [Tender(TenderKind.CHECK, Money(2500 + n), str(7000 + n))])  # fmt: skip
    close_my_drawer(ctx, CASHIER, FLOAT)
    close_day(ctx, SUPERVISOR, DAY)
    export_deposit(ctx, SUPERVISOR, DAY, tmp_path)
    reader = PdfReader(tmp_path / "deposit-slip-2026-11-26.pdf")
    assert len(reader.pages) >= 2
    text = pdf_text(tmp_path / "deposit-slip-2026-11-26.pdf")
    assert all(str(7000 + n) in text and f"Payer {n:02d}" in text for n in range(60))
    assert "Number of checks: 60" in text and "$1,517.70" in text  # 60 x $25.00 + 0.01 x (0 + … + 59)
    assert "(continued)" in reader.pages[1].extract_text()


def test_the_deposit_files_have_the_mode_the_settings_name(ctx: ServiceContext, closed_day: dict[str, str],
                                                          tmp_path: Path) -> None:  # fmt: skip
    """Mode 600 unless set; "0640" lets the finance group read every file, the manifest too, whatever the umask."""
    export_deposit(ctx, SUPERVISOR, DAY, tmp_path / "own", ticket_number="T-1001", bag_number="B-77")
    written = sorted((tmp_path / "own").iterdir())
    assert len(written) == len(NAMES) + 1  # the files and their manifest
    assert {oct(stat.S_IMODE(os.stat(p).st_mode)) for p in written} == {"0o600"}
    group = make_ctx(db_file(ctx), **{"deposit.file_mode": "0640"})
    old_umask = os.umask(0o077)  # a strict umask does not take the group's read away
    try:
        export_deposit(group, SUPERVISOR, DAY, tmp_path / "finance")
    finally:
        os.umask(old_umask)
        group.close()
    written = sorted((tmp_path / "finance").iterdir())
    assert len(written) == len(NAMES) + 1 and not list((tmp_path / "finance").glob(".*"))
    assert {oct(stat.S_IMODE(os.stat(p).st_mode)) for p in written} == {"0o640"}


@pytest.mark.parametrize(
    ("mode", "said"),
    [("0666", "others may read at most"), ("0440", "the owner needs 6"), ("rw-r-----", "octal digits"),
     ("0x1a0", "octal digits")],
)  # fmt: skip
def test_a_file_mode_that_is_not_one_is_refused_in_words(mode: str, said: str) -> None:
    with pytest.raises(SettingsError, match=said):
        Settings({"deposit.file_mode": mode})
