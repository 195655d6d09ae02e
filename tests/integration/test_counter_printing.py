"""Receipts, drawer kicks, void slips and reprints: queued with the payment, printed after."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from cashdesk.config import Settings
from cashdesk.devices.escpos_text import read_escpos
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.domain.security import OverrideAction, Role
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.context import Operator, ServiceContext, command_line_operator
from cashdesk.services.drawers import open_drawer
from cashdesk.services.overrides import OverrideRefused, approve
from cashdesk.services.payments import AccountPayment, Cart, MiscItem, post_receipt
from cashdesk.services.printing import ReprintRefused, deliver_queued, queue_state, reprint_receipt, station_printer
from cashdesk.services.users import add_user
from cashdesk.services.voids import VoidRefused, void_receipt

NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)  # 10:00 in Denver
CASHIER = Operator("jcashier", Role.CASHIER)
PASSWORD = "a-long-password-1"


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    return tmp_path / "printer.bin"


@pytest.fixture
def ctx(small_city: Path, paper: Path):  # type: ignore[no-untyped-def]
    settings = Settings({"printer.spec": f"file:{paper}", "city.name": "City of Aurelia"})
    context = ServiceContext.open(small_city, settings=settings)
    context.clock = lambda: NOW
    admin = command_line_operator()
    add_user(context, admin, "jcashier", Role.CASHIER, PASSWORD, must_change_password=False)
    add_user(context, admin, "msuper", Role.SUPERVISOR, PASSWORD, must_change_password=False)
    open_drawer(context, CASHIER, CashCount({"B20": 5}))
    yield context
    context.close()


def print_all(ctx: ServiceContext) -> None:
    printer = station_printer(ctx)
    try:
        result = deliver_queued(ctx, printer)
    finally:
        printer.close()
    assert result.problem == "" and result.waiting == 0


def test_a_cash_payment_prints_its_receipt_then_opens_the_drawer(ctx: ServiceContext, paper: Path) -> None:
    posted = post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(3490)),), payer="John Smith"),
                          [Tender(TenderKind.CASH, Money(4000))])  # fmt: skip
    assert queue_state(ctx).waiting == 2  # the payment is committed before anything prints
    assert not paper.exists()
    print_all(ctx)
    printout = read_escpos(paper.read_bytes())
    assert printout.drawer_kicks == 1
    (receipt,) = printout.receipts
    for text in ("City of Aurelia", "RECEIPT", posted.number, "1000000017", "SMITH, JOHN", "$34.90", "$40.00",
                 "$5.10", "jcashier", "W01", "2026-11-26 10:00"):  # fmt: skip
        assert text in receipt, text
    assert posted.number in printout.barcodes
    print_all(ctx)  # nothing left: printed once
    assert read_escpos(paper.read_bytes()).receipts == [receipt]


def test_a_check_payment_does_not_open_the_drawer_and_a_card_shows_only_the_last_four(
    ctx: ServiceContext, paper: Path
) -> None:
    post_receipt(ctx, CASHIER, Cart((MiscItem("BLDGPRMT", Money(12500), "Fence permit"),)),
                 [Tender(TenderKind.CHECK, Money(2500), "1042"),
                  Tender(TenderKind.CARD, Money(10000), "A1B2C3", "VISA", "4242")])  # fmt: skip
    print_all(ctx)
    printout = read_escpos(paper.read_bytes())
    assert printout.drawer_kicks == 0
    (receipt,) = printout.receipts
    assert "BLDGPRMT" in receipt and "Fence permit" in receipt and "Check #1042" in receipt
    assert "VISA ****4242" in receipt


def test_a_void_needs_a_supervisor_reverses_everything_and_prints_a_slip(
    ctx: ServiceContext, paper: Path, small_city: Path
) -> None:
    posted = post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000025", Money(6000), keep_excess_as_credit=True),)),
                          [Tender(TenderKind.CASH, Money(6000))])  # fmt: skip
    with pytest.raises(OverrideRefused, match="needs a supervisor's approval"):
        void_receipt(ctx, CASHIER, posted.number, "wrong account", approval_id=None)
    approval = approve(ctx, action=OverrideAction.VOID, requested_by=CASHIER, supervisor_id="msuper",
                       password=PASSWORD, object=posted.number)  # fmt: skip
    with pytest.raises(VoidRefused, match="reason"):
        void_receipt(ctx, CASHIER, posted.number, "  ", approval_id=approval.id)
    result = void_receipt(ctx, CASHIER, posted.number, "wrong account", approval_id=approval.id)
    assert result.approved_by == "msuper"
    con = sqlite3.connect(small_city)
    try:
        assert con.execute("SELECT status, void_reason FROM receipts").fetchall() == [("void", "wrong account")]
        assert con.execute("SELECT sum(amount_cents) FROM allocations").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM allocations WHERE reverses_id IS NOT NULL").fetchone() == (1,)
        assert con.execute("SELECT paid_cents FROM open_items WHERE revenue_code = 'RECON'").fetchone() == (0,)
        assert con.execute("SELECT credit_cents FROM accounts WHERE number = '1000000025'").fetchone() == (0,)
        # The cash went back to the customer: the drawer should hold its float again.
        assert con.execute("SELECT cash_cents FROM drawers").fetchone() == (10_000,)
    finally:
        con.close()
    with pytest.raises(VoidRefused, match="already void"):
        void_receipt(ctx, CASHIER, posted.number, "again", approval_id=approval.id)
    print_all(ctx)
    slips = read_escpos(paper.read_bytes()).receipts
    assert len(slips) == 2 and "VOID" in slips[1] and "wrong account" in slips[1] and posted.number in slips[1]


def test_the_first_reprint_is_free_and_later_ones_need_a_supervisor(ctx: ServiceContext, paper: Path) -> None:
    posted = post_receipt(ctx, CASHIER, Cart((MiscItem("COPIES", Money(250)),)), [Tender(TenderKind.CASH, Money(250))])
    reprint_receipt(ctx, CASHIER, posted.number)
    with pytest.raises(OverrideRefused):
        reprint_receipt(ctx, CASHIER, posted.number)
    approval = approve(ctx, action=OverrideAction.REPRINT, requested_by=CASHIER, supervisor_id="msuper",
                       password=PASSWORD, object=posted.number)  # fmt: skip
    reprint_receipt(ctx, CASHIER, posted.number, approval_id=approval.id)
    with pytest.raises(ReprintRefused, match="no receipt"):
        reprint_receipt(ctx, CASHIER, "W01-2026-999999")
    print_all(ctx)
    pages = read_escpos(paper.read_bytes()).receipts
    assert len(pages) == 3
    assert "REPRINT" not in pages[0] and "REPRINT" in pages[1] and "REPRINT" in pages[2]


def test_a_no_sale_needs_a_reason_and_a_supervisor_and_opens_the_drawer(ctx: ServiceContext, paper: Path) -> None:
    from cashdesk.services.audit import AuditFilter, list_events
    from cashdesk.services.drawers import no_sale

    with pytest.raises(OverrideRefused, match="needs a supervisor's approval"):
        no_sale(ctx, CASHIER, "change for the safe", approval_id=None)
    with pytest.raises(Exception, match="Say why"):
        no_sale(ctx, CASHIER, " ", approval_id=None)
    drawer = "drawer 1"
    approval = approve(ctx, action=OverrideAction.NO_SALE, requested_by=CASHIER, supervisor_id="msuper",
                       password=PASSWORD, object=drawer)  # fmt: skip
    no_sale(ctx, CASHIER, "change for the safe", approval_id=approval.id)
    print_all(ctx)
    printout = read_escpos(paper.read_bytes())
    assert printout.drawer_kicks == 1 and printout.receipts == []
    (event,) = list_events(ctx, Operator("msuper", Role.SUPERVISOR), AuditFilter(event_type="no_sale"))
    assert event.details == {"reason": "change for the safe", "approved_by": "msuper"}


def test_a_payment_on_a_closed_account_needs_a_supervisor(ctx: ServiceContext, small_city: Path) -> None:
    from cashdesk.services.payments import PaymentRefused

    con = sqlite3.connect(small_city)
    con.execute("UPDATE accounts SET status = 'closed' WHERE number = '1000000033'")
    con.commit()
    con.close()
    cart = Cart((AccountPayment("1000000033", Money(1000), keep_excess_as_credit=True),))
    with pytest.raises(OverrideRefused, match="needs a supervisor's approval"):
        post_receipt(ctx, CASHIER, cart, [Tender(TenderKind.CASH, Money(1000))])
    other = approve(ctx, action=OverrideAction.CLOSED_ACCOUNT, requested_by=CASHIER, supervisor_id="msuper",
                    password=PASSWORD, object="1000000017")  # fmt: skip
    with pytest.raises(OverrideRefused, match="for something else"):
        post_receipt(ctx, CASHIER, cart, [Tender(TenderKind.CASH, Money(1000))], approval_id=other.id)
    approval = approve(ctx, action=OverrideAction.CLOSED_ACCOUNT, requested_by=CASHIER, supervisor_id="msuper",
                       password=PASSWORD, object="1000000033")  # fmt: skip
    posted = post_receipt(ctx, CASHIER, cart, [Tender(TenderKind.CASH, Money(1000))], approval_id=approval.id)
    assert posted.number == "W01-2026-000001"
    with pytest.raises(PaymentRefused, match="not for anything on this receipt"):
        open_cart = Cart((AccountPayment("1000000017", Money(100)),))
        third = approve(ctx, action=OverrideAction.CLOSED_ACCOUNT, requested_by=CASHIER, supervisor_id="msuper",
                        password=PASSWORD, object="1000000017")  # fmt: skip
        post_receipt(ctx, CASHIER, open_cart, [Tender(TenderKind.CASH, Money(100))], approval_id=third.id)
    from cashdesk.services.audit import AuditFilter, list_events

    refusals = list_events(ctx, Operator("msuper", Role.SUPERVISOR), AuditFilter(event_type="override_use"))
    assert [(e.object, e.success) for e in refusals] == [("1000000033", False), ("1000000033", False)]


def test_a_pdf_copy_of_a_receipt_reads_back(ctx: ServiceContext, tmp_path: Path) -> None:
    import pypdf

    from cashdesk.services.printing import receipt_pdf_copy

    posted = post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(3490)),)),
                          [Tender(TenderKind.CASH, Money(3490))])  # fmt: skip
    path = receipt_pdf_copy(ctx, CASHIER, posted.number, tmp_path / "copies")
    assert path.name == f"receipt-{posted.number}.pdf"
    text = "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    for expected in ("City of Aurelia", posted.number, "1000000017", "$34.90", "REPRINT"):
        assert expected in text, expected
    again = receipt_pdf_copy(ctx, CASHIER, posted.number, tmp_path / "again")
    assert again.read_bytes() == path.read_bytes()  # deterministic


def test_a_card_number_in_a_reason_is_refused_in_plain_words(ctx: ServiceContext, small_city: Path) -> None:
    from cashdesk.services.drawers import no_sale
    from cashdesk.services.returned_checks import ReturnedCheckRefused, record_returned_check

    posted = post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(500)),)),
                          [Tender(TenderKind.CHECK, Money(500), "12")])  # fmt: skip
    card = "4111 1111 1111 1111"
    with pytest.raises(VoidRefused, match="Never type a card number"):
        void_receipt(ctx, CASHIER, posted.number, f"paid by {card}", approval_id=None)
    with pytest.raises(Exception, match="Never type a card number"):
        no_sale(ctx, CASHIER, card, approval_id=None)
    with pytest.raises(ReturnedCheckRefused, match="Never type a card number"):
        record_returned_check(ctx, Operator("msuper", Role.SUPERVISOR), posted.number, "12", card)
    con = sqlite3.connect(small_city)
    try:
        dump = "\n".join(con.iterdump())
    finally:
        con.close()
    assert "4111" not in dump


def test_ctrl_p_finds_the_cashiers_last_receipt_at_this_station_after_a_restart(
    ctx: ServiceContext, small_city: Path, paper: Path
) -> None:
    from cashdesk.services.printing import last_receipt_number

    assert last_receipt_number(ctx, CASHIER) is None
    post_receipt(ctx, CASHIER, Cart((MiscItem("COPIES", Money(250)),)), [Tender(TenderKind.CASH, Money(250))])
    second = post_receipt(ctx, CASHIER, Cart((MiscItem("COPIES", Money(300)),)), [Tender(TenderKind.CASH, Money(300))])
    other_station = ServiceContext(ctx.db, ctx.settings.with_values(station__id="W02"), ctx.clock)
    assert last_receipt_number(other_station, CASHIER) is None
    restarted = ServiceContext.open(small_city, settings=ctx.settings)
    try:
        assert last_receipt_number(restarted, CASHIER) == second.number
        assert last_receipt_number(restarted, Operator("msuper", Role.SUPERVISOR)) is None
    finally:
        restarted.close()


def test_a_slip_station_endorses_each_check_for_deposit_only(small_city: Path, paper: Path) -> None:
    settings = Settings({"printer.spec": f"file:{paper}", "printer.slip_station": True,
                         "bank.account": "000123456789"})  # fmt: skip
    ctx = ServiceContext.open(small_city, settings=settings)
    ctx.clock = lambda: NOW
    try:
        open_drawer(ctx, CASHIER, CashCount({"B20": 5}))
        posted = post_receipt(
            ctx,
            CASHIER,
            Cart((AccountPayment("1000000017", Money(7315)),)),
            [
                Tender(TenderKind.CHECK, Money(5000), "1042"),
                Tender(TenderKind.CHECK, Money(2315), "77"),
            ],
        )
        cash_only = post_receipt(ctx, CASHIER, Cart((MiscItem("COPIES", Money(250)),)),
                                 [Tender(TenderKind.CASH, Money(250))])  # fmt: skip
        print_all(ctx)
    finally:
        ctx.close()
    printout = read_escpos(paper.read_bytes())
    assert [r.splitlines()[0] for r in printout.receipts] == ["City of Aurelia", "City of Aurelia"]
    assert len(printout.slips) == 2  # one per check, none for the cash receipt
    first, second = printout.slips
    assert first.splitlines()[0] == "FOR DEPOSIT ONLY"
    assert posted.number in first and "Check 1042" in first and "...6789" in first
    assert "Check 77" in second
    assert cash_only.number not in "".join(printout.slips)


def test_a_void_says_what_to_hand_back_opens_the_drawer_and_its_slip_names_time_and_approver(
    ctx: ServiceContext, paper: Path
) -> None:
    permit = Cart((MiscItem("BLDGPRMT", Money(9631), "Fence permit"),))
    tenders = [Tender(TenderKind.CHECK, Money(5000), "1042"), Tender(TenderKind.CASH, Money(5000))]
    posted = post_receipt(ctx, CASHIER, permit, tenders)
    print_all(ctx)
    before = read_escpos(paper.read_bytes()).drawer_kicks
    ctx.clock = lambda: NOW + dt.timedelta(minutes=7)
    approval = approve(ctx, action=OverrideAction.VOID, requested_by=CASHIER, supervisor_id="msuper",
                       password=PASSWORD, object=posted.number)  # fmt: skip
    result = void_receipt(ctx, CASHIER, posted.number, "wrong account", approval_id=approval.id)
    assert result.hand_back == "Hand back $46.31 cash and check #1042."
    assert result.drawer_kick
    print_all(ctx)
    printout = read_escpos(paper.read_bytes())
    assert printout.drawer_kicks == before + 1  # the drawer opens for the cash handed back
    slip = printout.receipts[-1]
    assert "VOID" in slip and "2026-11-26 10:07" in slip and "msuper" in slip, slip
    reprint_receipt(ctx, CASHIER, posted.number)  # a copy of the void says the same
    print_all(ctx)
    copy = read_escpos(paper.read_bytes()).receipts[-1]
    assert "REPRINT" in copy and "VOID" in copy and "2026-11-26 10:07" in copy and "msuper" in copy, copy


def test_a_card_only_void_keeps_the_drawer_shut_and_says_to_refund_on_the_terminal(
    ctx: ServiceContext, paper: Path
) -> None:
    posted = post_receipt(ctx, CASHIER, Cart((MiscItem("COPIES", Money(2000)),)),
                          [Tender(TenderKind.CARD, Money(2000), "A1B2C3", "VISA", "4242")])  # fmt: skip
    approval = approve(ctx, action=OverrideAction.VOID, requested_by=CASHIER, supervisor_id="msuper",
                       password=PASSWORD, object=posted.number)  # fmt: skip
    result = void_receipt(ctx, CASHIER, posted.number, "wrong item", approval_id=approval.id)
    assert result.hand_back == "Refund $20.00 to VISA ****4242 on the card terminal."
    assert not result.drawer_kick
    print_all(ctx)
    assert read_escpos(paper.read_bytes()).drawer_kicks == 0
