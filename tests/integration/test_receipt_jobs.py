"""A counter receipt is queued as its document and rendered as it goes out: the same paper, the bytes kept."""

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from cashdesk.devices.receipt import AccountLine, Letterhead, MiscLine, PartLine, ReceiptDoc, TenderLine, render_escpos
from cashdesk.domain.money import Money
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.context import ServiceContext
from cashdesk.services.payments import AccountPayment, Cart, MiscItem, post_receipt
from cashdesk.services.printing import DeliveryRound, deliver_queued, station_printer
from cashdesk.services.receipt_jobs import UNRENDERED, posted_doc, posted_payload, stored_doc, unrendered
from tests.support.print_station import CASHIER, NOW, ctx  # noqa: F401  (the fixture)
from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401


def jobs(path: Path) -> list[tuple[str, str, bytes]]:
    con = sqlite3.connect(path)
    try:
        return [(k, s, bytes(p)) for k, s, p in con.execute("SELECT kind, status, payload FROM print_jobs ORDER BY id")]
    finally:
        con.close()


def deliver(ctx: ServiceContext) -> DeliveryRound:
    printer = station_printer(ctx)
    try:
        return deliver_queued(ctx, printer)
    finally:
        printer.close()


def test_the_receipt_prints_as_posted_and_its_job_keeps_the_bytes_the_printer_got(
    ctx: ServiceContext,
    small_city: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    cart = Cart((AccountPayment("1000000017", Money(500)),))
    posted = post_receipt(ctx, CASHIER, cart, [Tender(TenderKind.CASH, Money(2000))])
    as_posted = render_escpos(posted_doc(ctx, posted), profile=ctx.settings.printer.profile,
                              width_chars=ctx.settings.printer.width)  # fmt: skip
    (kind, status, payload), _kick = jobs(small_city)
    # Queued: the document, not yet its bytes (the posting did not wait for the rendering).
    assert (kind, status) == ("receipt", "queued") and payload.startswith(UNRENDERED)
    deliver(ctx)
    (kind, status, payload), _kick = jobs(small_city)
    assert (kind, status) == ("receipt", "printed")
    assert payload == as_posted  # the bytes sent are kept: a retry after a crash sends these
    assert as_posted in printer_emulator.received()
    (text,) = [r for r in printer_emulator.receipts_text() if posted.number in r]
    assert "$20.00" in text and "$15.00" in text  # tendered, and the change


def test_a_receipt_that_cannot_be_rendered_is_set_aside_and_the_next_one_prints(
    ctx: ServiceContext,
    small_city: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    cart = Cart((AccountPayment("1000000017", Money(500)),))
    first = post_receipt(ctx, CASHIER, cart, [Tender(TenderKind.CASH, Money(500))])
    con = sqlite3.connect(small_city)
    con.execute("UPDATE print_jobs SET payload = ? WHERE kind = 'receipt'", (UNRENDERED + b"[1, 2",))
    con.commit()
    con.close()
    second = post_receipt(ctx, CASHIER, cart, [Tender(TenderKind.CASH, Money(500))])
    round_ = deliver(ctx)
    # The cashier is told, though nothing waits: the window's banner shows the round's problem.
    assert round_.waiting == 0 and "could not be printed" in round_.problem and "reprint" in round_.problem
    assert print_round_headline(round_) == "A receipt did not print"
    assert [(k, s) for k, s, _ in jobs(small_city)] == [
        ("receipt", "failed"), ("drawer_kick", "printed"), ("receipt", "printed"), ("drawer_kick", "printed"),
    ]  # fmt: skip
    printed = printer_emulator.receipts_text()
    assert sum(second.number in r for r in printed) == 1 and not any(first.number in r for r in printed)


def test_the_stored_document_is_the_receipt_posted() -> None:
    doc = ReceiptDoc(
        letterhead=Letterhead("City of Ñandú", "Finance", ("1 Main St", "Suite 2"), "555-0100"),
        receipt_number="W01-2026-000042", local_time="2026-11-26 10:42", station="W01", cashier="jcashier",
        accounts=(AccountLine("1000000017", "SMITH, JOHN", Money(9180), Money(-120)),),
        misc=(MiscLine("PERMIT", "Building permit", Money(2500), "garage \"B\""),),
        tenders=(TenderLine(TenderKind.CASH, Money(10000)), TenderLine(TenderKind.CHECK, Money(1680), number="1042"),
                 TenderLine(TenderKind.CARD, Money(1000), card_brand="VISA", card_last4="1234", auth_code="A1B2")),
        total=Money(11680), cash_tendered=Money(10000), change=Money(1000), payer="José Smith",
        footer=("Thank you", "Keep this receipt"), reprint=True, void=True, void_reason="keyed twice",
    )  # fmt: skip
    assert stored_doc(unrendered(doc)) == doc
    taxed = replace(doc, accounts=(AccountLine("2000000035", "CORNER HARDWARE INC", Money(9180), Money(0),
                                               (PartLine("2026-09 Sales tax", Money(9000)),
                                                PartLine("2026-09 Interest", Money(180)))),))  # fmt: skip
    assert stored_doc(unrendered(taxed)) == taxed
    # A job queued before receipts had breakdowns (four fields an account) still prints.
    old = unrendered(doc).replace(b',[]]],[["PERMIT"', b']],[["PERMIT"')
    assert old != unrendered(doc) and stored_doc(old) == doc


def test_the_posting_queues_the_document_it_would_have_made_for_every_kind_of_receipt(
    ctx: ServiceContext, small_city: Path
) -> None:
    carts = [
        (Cart((AccountPayment("1000000017", Money(4210)), MiscItem("BLDGPRMT", Money(2500), "Fence permit 2026-118")),
              payer="José Public"), [Tender(TenderKind.CHECK, Money(1710), "1042"),
                                     Tender(TenderKind.CARD, Money(3000), "A1B2", card_brand="VISA", card_last4="1234"),
                                     Tender(TenderKind.MONEY_ORDER, Money(1000), "MO77"),
                                     Tender(TenderKind.CASH, Money(2000))]),
        (Cart((AccountPayment("2000000019", Money(60000)),), language="es"),
         [Tender(TenderKind.CHECK, Money(60000), "2044")]),
        (Cart((AccountPayment("1000000033", Money(900), keep_excess_as_credit=True),)),
         [Tender(TenderKind.CASH, Money(900))]),
    ]  # fmt: skip
    for cart, tenders in carts:
        posted = post_receipt(ctx, CASHIER, cart, tenders)
        (payload,) = [p for k, _, p in jobs(small_city) if k == "receipt" and posted.number.encode() in p]
        # The bytes written from the posting are the document's own, and read back as it.
        assert payload == posted_payload(ctx, posted) == unrendered(posted_doc(ctx, posted))
        assert stored_doc(payload) == posted_doc(ctx, posted)
    assert any(line.parts for line in posted_doc(ctx, post_receipt(ctx, CASHIER, *carts[1])).accounts)


def test_a_card_number_in_an_accounts_name_refuses_the_payment_and_names_the_field(
    ctx: ServiceContext, small_city: Path
) -> None:
    con = sqlite3.connect(small_city)
    con.execute("UPDATE accounts SET name = 'VISA 4111 1111 1111 1111' WHERE number = '1000000017'")
    con.commit()
    con.close()
    cart = Cart((AccountPayment("1000000017", Money(500)),))
    with pytest.raises(ValueError, match="The name on receipt looks like a card number"):
        post_receipt(ctx, CASHIER, cart, [Tender(TenderKind.CASH, Money(500))])
    assert jobs(small_city) == []  # nothing of the payment was written
    con = sqlite3.connect(small_city)  # the name put right (and the card number gone from the file)
    con.execute("UPDATE accounts SET name = 'SMITH, JOHN' WHERE number = '1000000017'")
    con.commit()
    con.close()
    assert post_receipt(ctx, CASHIER, cart, [Tender(TenderKind.CASH, Money(500))]).total == Money(500)


def print_round_headline(result: DeliveryRound) -> str:
    """What the window's printer banner heads with after such a round."""
    from cashdesk.ui.print_queue import PrintRound

    return PrintRound(result.delivered, result.waiting, 0, result.problem, "Online").headline
