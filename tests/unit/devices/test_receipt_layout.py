"""The receipt layout: what the printer bytes say, read back out of them, and what a receipt refuses."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from cashdesk.devices.escpos_text import read_escpos
from cashdesk.devices.receipt import (
    AccountLine,
    Letterhead,
    MiscLine,
    ReceiptDoc,
    TenderKind,
    TenderLine,
    check_profile,
    render_escpos,
    render_text,
)
from cashdesk.domain.money import Money

CARD = "4111 1111 1111 1111"  # a Luhn-valid test card number


def counter_receipt(**changes: object) -> ReceiptDoc:
    """Two utility accounts and a permit, paid with cash, a check and a card."""
    doc = ReceiptDoc(
        letterhead=Letterhead(
            "City of Aurora", "Finance Department", ("15151 E Alameda Pkwy", "Aurora, CO 80012"), "(303) 739-7000"
        ),
        receipt_number="W01-2026-000123",
        local_time="2026-11-26 10:42",
        station="W01",
        cashier="jdoe",
        payer="Mary Smith",
        accounts=(
            AccountLine("0001234567", "SMITH, JOHN & MARY", Money(12550), Money(0)),
            AccountLine("0009876543", "ACME WIDGETS LLC", Money(5000), Money(-2000)),
        ),
        misc=(MiscLine("4410", "Building permit", Money(7500), memo="Deck at 123 Main St"),),
        tenders=(
            TenderLine(TenderKind.CASH, Money(20000)),
            TenderLine(TenderKind.CHECK, Money(5000), number="1042"),
            TenderLine(TenderKind.CARD, Money(1000), card_brand="Visa", card_last4="1234", auth_code="A1B2C3"),
        ),
        total=Money(25050),
        cash_tendered=Money(20000),
        change=Money(950),
        footer=("Thank you.",),
    )
    return replace(doc, **changes) if changes else doc


def printed(doc: ReceiptDoc, **options: object) -> str:
    out = read_escpos(render_escpos(doc, **options))  # type: ignore[arg-type]
    assert len(out.receipts) == 1 and not out.pending
    return out.receipts[0]


def test_the_bytes_print_the_whole_receipt() -> None:
    text = printed(counter_receipt())
    for expected in (
        "City of Aurora",
        "Finance Department",
        "15151 E Alameda Pkwy",
        "(303) 739-7000",
        "RECEIPT",
        "W01-2026-000123",
        "2026-11-26 10:42",
        "W01",
        "jdoe",
        "Mary Smith",
        "SMITH, JOHN & MARY",
        "Building permit",
        "Deck at 123 Main St",
        "Thank you.",
    ):
        assert expected in text
    assert "REPRINT" not in text and "VOID" not in text


def test_money_lines_are_flush_right_at_the_paper_edge() -> None:
    lines = printed(counter_receipt()).splitlines()
    expected = {
        "Account 0001234567": "$125.50",
        "Account 0009876543": "$50.00",
        "  Balance left": None,
        "4410 Building permit": "$75.00",
        "TOTAL": "$250.50",
        "Check #1042": "$50.00",
        "VISA ****1234": "$10.00",
        "Cash tendered": "$200.00",
        "Change": "$9.50",
    }
    for label, amount in expected.items():
        matches = [line for line in lines if line.startswith(label + " ")]
        assert matches, label
        for line in matches:
            assert len(line) == 42, line
            if amount:
                assert line.endswith(" " + amount)
    assert any(line.endswith("$20.00 CR") for line in lines)  # a credit left on the account


def test_a_split_receipt_says_the_cash_once() -> None:
    """Cash, a check and a card: "Cash tendered $200.00" is the one line for the cash, no "Cash $200.00" above it."""
    lines = printed(counter_receipt()).splitlines()
    assert [line for line in lines if "$200.00" in line] == ["Cash tendered" + " " * 22 + "$200.00"]
    tenders = [line.split(" ")[0] for line in lines[lines.index(next(x for x in lines if x.startswith("TOTAL"))) + 1 :]]
    assert tenders[:5] == ["Cash", "Check", "VISA", "", "Change"]  # in the order tendered, then the change


@pytest.mark.parametrize("doc", [counter_receipt(), counter_receipt(reprint=True, void=True, void_reason="Duplicate")])
def test_the_printed_text_is_the_plain_text_layout(doc: ReceiptDoc) -> None:
    out = read_escpos(render_escpos(doc), width=42)
    assert out.receipts[0] + "\n" == render_text(doc)


def test_the_same_receipt_gives_the_same_bytes() -> None:
    assert render_escpos(counter_receipt()) == render_escpos(counter_receipt())
    assert render_escpos(counter_receipt(), profile="TM-T88V") == render_escpos(counter_receipt(), profile="TM-T88V")


def test_the_job_resets_the_printer_selects_a_code_page_and_cuts() -> None:
    data = render_escpos(counter_receipt(), profile="TM-T88V")
    assert data.startswith(b"\x1b@\x1bt\x00")
    assert data.endswith(b"\x1dV\x01")  # partial cut
    assert b"\x1bp" not in data  # the drawer kick is a job of its own


def test_a_barcode_of_the_receipt_number() -> None:
    data = render_escpos(counter_receipt(), profile="TM-T88V")
    assert b"\x1dkI\x11{BW01-2026-000123" in data  # GS k 73 (CODE128), length, code set B
    assert read_escpos(data).barcodes == ["W01-2026-000123"]


@pytest.mark.parametrize("profile", ["TM-U220", "simple", "POS-5890"])
def test_a_printer_without_barcodes_prints_the_number_instead(profile: str) -> None:
    data = render_escpos(counter_receipt(), profile=profile)
    out = read_escpos(data)
    assert out.barcodes == []
    assert b"\x1dk" not in data
    assert (out.receipts + [out.pending])[0].count("W01-2026-000123") == 2


def test_narrow_paper_skips_a_barcode_too_wide_for_it() -> None:
    data = render_escpos(counter_receipt(), profile="ZJ-5870", width_chars=32)
    assert b"\x1dk" not in data
    lines = read_escpos(data).pending.splitlines()
    assert max(len(line) for line in lines) <= 32
    assert any(line.startswith("TOTAL") and line.endswith("$250.50") and len(line) == 32 for line in lines)


def test_card_tenders_show_brand_and_last_four_only() -> None:
    text = printed(counter_receipt())
    card_lines = [line for line in text.splitlines() if "****" in line]
    assert card_lines == ["VISA ****1234" + " " * 23 + "$10.00"]
    assert re.sub(r"\D", "", card_lines[0].split("$")[0]) == "1234"
    assert not re.search(r"\d{13,}", text.replace(" ", ""))


@pytest.mark.parametrize(
    "field",
    ["payer", "void_reason", "cashier", "footer", "letterhead", "account name", "misc memo", "check number"],
)
def test_a_card_number_anywhere_is_refused_and_not_echoed(field: str) -> None:
    doc = counter_receipt()
    with pytest.raises(ValueError) as caught:
        if field == "payer":
            replace(doc, payer=f"paid with {CARD}")
        elif field == "void_reason":
            replace(doc, void=True, void_reason=CARD)
        elif field == "cashier":
            replace(doc, cashier=CARD.replace(" ", ""))
        elif field == "footer":
            replace(doc, footer=("Thanks", CARD))
        elif field == "letterhead":
            replace(doc, letterhead=Letterhead("City", phone=CARD.replace(" ", "-")))
        elif field == "account name":
            replace(doc, accounts=(AccountLine("0001234567", CARD, Money(12550), Money(0)), doc.accounts[1]))
        elif field == "misc memo":
            replace(doc, misc=(MiscLine("4410", "Building permit", Money(7500), memo=CARD),))
        else:
            replace(
                doc, tenders=(doc.tenders[0], TenderLine(TenderKind.CHECK, Money(5000), number=CARD), doc.tenders[2])
            )
    assert "card number" in str(caught.value)
    assert "1111" not in str(caught.value)


def test_a_card_tender_keeps_only_four_digits() -> None:
    with pytest.raises(ValueError, match="last four"):
        TenderLine(TenderKind.CARD, Money(100), card_brand="VISA", card_last4="411111")
    with pytest.raises(ValueError, match="brand"):
        TenderLine(TenderKind.CARD, Money(100), card_brand="4111", card_last4="1111")
    with pytest.raises(ValueError, match="Only a card"):
        TenderLine(TenderKind.CASH, Money(100), card_last4="1111")
    with pytest.raises(ValueError, match="check number"):
        TenderLine(TenderKind.CHECK, Money(100))


def test_reprint_and_void_banners() -> None:
    reprint = printed(counter_receipt(reprint=True)).splitlines()
    assert "REPRINT" in [line.strip() for line in reprint]
    void = printed(counter_receipt(void=True, void_reason="Wrong account keyed")).splitlines()
    assert "VOID" in [line.strip() for line in void]
    assert "Void reason: Wrong account keyed" in void
    both = printed(counter_receipt(void=True, void_reason="Duplicate", reprint=True))
    assert "VOID" in both and "REPRINT" in both


def test_banners_are_printed_large_and_inverted() -> None:
    data = render_escpos(counter_receipt(void=True, void_reason="Duplicate"))
    void_at = data.index(b" VOID ")
    before = data[:void_at]
    assert before.rfind(b"\x1dB\x01") > before.rfind(b"\x1dB\x00")  # white on black
    assert before.rfind(b"\x1b!0") > before.rfind(b"\x1b!\x00")  # double width and height


def test_a_receipt_that_does_not_balance_is_refused() -> None:
    with pytest.raises(ValueError, match="not the sum of its lines"):
        counter_receipt(total=Money(25000))
    with pytest.raises(ValueError, match="does not balance"):
        counter_receipt(change=Money(900))
    with pytest.raises(ValueError, match="Change comes only from cash"):
        counter_receipt(
            tenders=(TenderLine(TenderKind.CHECK, Money(26000), number="1"),), cash_tendered=Money(0), change=Money(950)
        )
    with pytest.raises(ValueError, match="Cash tendered"):
        counter_receipt(cash_tendered=Money(19000))
    with pytest.raises(ValueError, match="reason"):
        counter_receipt(void=True)


def test_control_characters_in_names_never_reach_the_printer() -> None:
    sneaky = counter_receipt(
        accounts=(
            AccountLine("0001234567", "SMITH\x1bp\x00\x19\xfa", Money(12550), Money(0)),
            counter_receipt().accounts[1],
        )
    )
    data = render_escpos(sneaky)
    assert b"\x1bp" not in data
    assert read_escpos(data).drawer_kicks == 0


def test_long_text_wraps_or_shortens_within_the_line() -> None:
    doc = counter_receipt(
        accounts=(
            AccountLine(
                "0001234567",
                "A VERY LONG ACCOUNT HOLDER NAME THAT GOES ON AND ON PAST THE EDGE",
                Money(12550),
                Money(0),
            ),
            counter_receipt().accounts[1],
        ),
        misc=(MiscLine("4410", "A permit description far too long for one receipt line", Money(7500)),),
    )
    for line in printed(doc).splitlines():
        assert len(line) <= 42
    assert any(line.startswith("4410 A permit") and line.endswith("$75.00") for line in printed(doc).splitlines())


def test_accented_letters_print_in_code_page_437() -> None:
    doc = counter_receipt(letterhead=Letterhead("Cañon City", "Finance"))
    data = render_escpos(doc)
    assert "Cañon City".encode("cp437") in data
    assert "Cañon City" in printed(doc)


def test_an_unknown_profile_is_named_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match='"TM-X1" is not a printer profile. Known profiles: .*TM-T88V'):
        render_escpos(counter_receipt(), profile="TM-X1")
    assert check_profile("TM-T88V") == "TM-T88V"


def test_too_narrow_paper_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 24"):
        render_text(counter_receipt(), width_chars=20)
