"""Mail batches at the keyboard (Ctrl+Shift+M): a batch keyed from stubs and a check reader against
the adding-machine tape, the running figures, an unbalanced batch that refuses to post and names the
difference and the suspect item, fixed, balanced and posted (receipts in the database), the proof
list and a mail receipt as PDFs (read back with pypdf), a receipt printed on the TCP printer
emulator, and a supervisor's reversal."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from gui_support import Keyboard, wait_for_keyboard
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_counter import CTRL_SHIFT, MICR_LINE, STUB, rows, supervisor_approves

from cashdesk.domain.money import Money
from cashdesk.ui import counter_extras
from cashdesk.ui.fields import CARD_NUMBER_REFUSED
from cashdesk.ui.mail_batches import BatchesModel, ItemsModel, MailBatchesDialog
from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
BATCH = "M-20260316-01"


@pytest.fixture
def settings_values(printer_emulator: PrinterEmulator) -> dict[str, Any]:  # noqa: F811
    return {"printer.spec": printer_emulator.spec}


@pytest.fixture
def receipts_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cashdesk receipts"
    monkeypatch.setattr(counter_extras, "receipts_folder", lambda: folder)
    return folder


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def open_batches(keyboard: Keyboard, qtbot: Any, window: Any) -> MailBatchesDialog:
    keyboard.press(Key.Key_M, CTRL_SHIFT)
    dialog = window.mail_dialog
    assert isinstance(dialog, MailBatchesDialog)
    wait_for_keyboard(qtbot, dialog.batches_table)
    return dialog


def new_batch(keyboard: Keyboard, dialog: MailBatchesDialog, count: str, total: str) -> None:
    """N, the tape's count, Enter, its total, Enter: the batch opens with the cursor in the scan field."""
    keyboard.press(Key.Key_N)
    assert QApplication.focusWidget() is dialog.control_count_field
    keyboard.type(count)
    keyboard.press(Key.Key_Return)
    keyboard.type(total)
    keyboard.press(Key.Key_Return)
    assert QApplication.focusWidget() is dialog.scan_field, dialog.list_message.text()


def key_remittance(keyboard: Keyboard, dialog: MailBatchesDialog, scan: str, amount: str | None, check: str,
                   payer: str) -> None:  # fmt: skip
    """Stub or account, Enter; the amount (None keeps the stub's), Enter; check or MICR, Enter; payer, Enter."""
    keyboard.type(scan)
    keyboard.press(Key.Key_Return)
    assert QApplication.focusWidget() is dialog.amount_field, dialog.batch_message.text()
    if amount is not None:
        keyboard.type(amount)
    keyboard.press(Key.Key_Return)
    keyboard.type(check)
    keyboard.press(Key.Key_Return)
    assert QApplication.focusWidget() is dialog.payer_field, dialog.batch_message.text()
    keyboard.type(payer)
    keyboard.press(Key.Key_Return)
    assert QApplication.focusWidget() is dialog.scan_field, dialog.batch_message.text()


def figures(dialog: MailBatchesDialog) -> tuple[str, str, str]:
    return dialog.tape_label.text(), dialog.entered_label.text(), dialog.difference_label.text()


def test_a_batch_keyed_from_stubs_refuses_to_post_unbalanced_then_balances_and_posts(
    window: Any,
    keyboard: Keyboard,
    qtbot: Any,
    city_db: Path,
    receipts_folder: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    dialog = open_batches(keyboard, qtbot, window)
    assert dialog.list_message.text() == "No mail batches yet today. Press N to start one from the tape."

    # The tape: two remittances for $176.80 (Maria Alvarez's stub, $91.80; Brown Hardware, $85.00).
    new_batch(keyboard, dialog, "2", "176.80")
    assert dialog.batch_heading.text() == f"Batch {BATCH} — cashier1 — Open"
    assert figures(dialog) == ("Tape: 2 items, $176.80", "Entered: 0 items, $0.00", "Difference: −2 items, −$176.80")

    # A stub: the scan fills the account and the amount (selected: Enter keeps it).
    keyboard.type(STUB)
    keyboard.press(Key.Key_Return)
    assert dialog.amount_field.text() == "91.80" and dialog.amount_field.selectedText() == "91.80"
    assert "Account 1001 — ALVAREZ, MARIA" in dialog.account_label.text()
    assert "the stub asks $91.80" in dialog.account_label.text()
    keyboard.press(Key.Key_Return)
    keyboard.type("1042")
    keyboard.press(Key.Key_Return)
    keyboard.type("MARIA ALVAREZ")
    keyboard.press(Key.Key_Return)
    assert QApplication.focusWidget() is dialog.scan_field
    assert dialog.scan_field.text() == "" and dialog.amount_field.text() == ""
    assert figures(dialog) == ("Tape: 2 items, $176.80", "Entered: 1 item, $91.80", "Difference: −1 item, −$85.00")

    # The same stub and check keyed a second time by mistake.
    key_remittance(keyboard, dialog, STUB, None, "1042", "")
    # An account typed, the amount, and the check reader's MICR line into the check number.
    key_remittance(keyboard, dialog, "2001", "85", MICR_LINE, "BROWN HARDWARE LLC")
    assert figures(dialog) == ("Tape: 2 items, $176.80", "Entered: 3 items, $268.60", "Difference: +1 item, +$91.80")
    assert dialog.difference_label.property("balanced") is False
    assert rows(city_db, "SELECT seq, account_typed, amount_cents, check_number, payer, routing, status "
                         "FROM mail_items ORDER BY seq") == [
        (1, "1001", 9180, "1042", "MARIA ALVAREZ", "", "entered"),
        (2, "1001", 9180, "1042", "", "", "entered"),
        (3, "2001", 8500, "1042", "BROWN HARDWARE LLC", "111000025", "entered"),
    ]  # fmt: skip

    # F12: it does not balance, so nothing posts; the difference and the suspect item, in words.
    keyboard.press(Key.Key_F12)
    message = dialog.batch_message.text()
    assert f"Batch {BATCH} does not balance" in message
    assert "1 item more than the tape" in message and "$91.80 more than the tape" in message
    assert "item 2 (Check 1042 of this account is also item 1 of this batch)" in message
    assert dialog.suspects_label.isVisible()
    assert (
        "Item 2: account 1001 (ALVAREZ, MARIA), $91.80, check 1042 — Check 1042 of this account is also item 1"
        in dialog.suspects_label.text()
    )
    suspect = dialog.items_model.index(1, 0)
    assert dialog.items_model.data(suspect, Qt.ItemDataRole.BackgroundRole) is not None  # shaded red
    assert dialog.items_model.data(dialog.items_model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert rows(city_db, "SELECT status FROM mail_batches") == [("open",)]
    assert rows(city_db, "SELECT count(*) FROM receipts") == [(0,)]

    # Fixed: Alt+I to the items (on the last one), ↑ to item 2, Delete takes it out.
    keyboard.press(Key.Key_I, ALT)
    assert QApplication.focusWidget() is dialog.items_table
    keyboard.press(Key.Key_Up)
    assert dialog.items_table.current_row() == 1
    keyboard.press(Key.Key_Delete)
    assert "Item 2 taken out" in dialog.batch_message.text()
    assert figures(dialog)[2] == "Balanced with the tape"
    assert dialog.difference_label.property("balanced") is True
    assert not dialog.suspects_label.isVisible()

    # F9 balances, F12 posts: one receipt per remittance, allocated like a counter payment.
    keyboard.press(Key.Key_F9)
    assert dialog.batch_message.text() == (f"Batch {BATCH} balances to the tape: 2 items, $176.80. F12 posts it.")
    keyboard.press(Key.Key_F12)
    qtbot.waitUntil(lambda: not dialog.posting, timeout=5000)  # posted off the GUI thread
    assert f"Batch {BATCH} is posted: 2 items, $176.80, receipts W01-2026-000001 to W01-2026-000002" in (
        dialog.batch_message.text()
    )
    assert dialog.batch_heading.text() == f"Batch {BATCH} — cashier1 — Posted"
    assert rows(city_db, "SELECT status, posted_by FROM mail_batches") == [("posted", "cashier1")]
    assert rows(city_db, "SELECT number, channel, total_cents, payer, status FROM receipts ORDER BY number") == [
        ("W01-2026-000001", "mail", 9180, "MARIA ALVAREZ", "posted"),
        ("W01-2026-000002", "mail", 8500, "BROWN HARDWARE LLC", "posted"),
    ]
    assert rows(city_db, "SELECT kind, amount_cents, reference FROM tenders ORDER BY id") == [
        ("check", 9180, "1042"),
        ("check", 8500, "1042"),
    ]
    # Maria's $91.80 paid her open items (nothing left owing).
    assert rows(
        city_db,
        "SELECT sum(amount_cents - paid_cents) FROM open_items o JOIN accounts a "
        "ON a.id = o.account_id WHERE a.number = '1001'",
    ) == [(0,)]
    assert [dialog.items_model.row_object(r).receipt_number for r in range(2)] == ["W01-2026-000001", "W01-2026-000002"]

    # Alt+L: the proof list, in the reports folder beside the database.
    keyboard.press(Key.Key_L, ALT)
    qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=2000)
    proof = dialog.saved_to
    assert proof is not None and proof.parent == city_db.parent / "reports"
    text = pdf_text(proof)
    for part in (BATCH, "ALVAREZ, MARIA", "BROWN HARDWARE LLC", "1042", "$91.80", "$85.00", "$176.80"):
        assert part in text, part

    # Receipts only on request: the item chosen (Brown Hardware's) as a PDF, then printed.
    assert printer_emulator.receipts_text() == []
    keyboard.press(Key.Key_D, ALT)
    qtbot.waitUntil(lambda: dialog.saved_to != proof, timeout=2000)
    assert dialog.saved_to == receipts_folder / "receipt-W01-2026-000002.pdf"
    assert "W01-2026-000002" in pdf_text(dialog.saved_to) and "$85.00" in pdf_text(dialog.saved_to)
    keyboard.press(Key.Key_R, ALT)
    qtbot.waitUntil(lambda: "is printing" in dialog.batch_message.text(), timeout=2000)
    qtbot.waitUntil(lambda: any("W01-2026-000002" in t for t in printer_emulator.receipts_text()), timeout=10_000)

    # Esc: back to the list, the batch on it; Esc again closes and the counter has the keyboard.
    keyboard.press(Key.Key_Escape)
    assert QApplication.focusWidget() is dialog.batches_table
    batch = dialog.batches_model.row_object(0)
    assert (batch.number, batch.status, batch.count, batch.total) == (BATCH, "posted", 2, Money(17680))
    keyboard.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: window.mail_dialog is None, timeout=2000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_field, timeout=2000)


def test_refusals_while_keying_say_why_and_a_card_number_is_wiped(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path
) -> None:
    dialog = open_batches(keyboard, qtbot, window)
    new_batch(keyboard, dialog, "1", "50")
    keyboard.type("99999")
    keyboard.press(Key.Key_Return)
    assert "No account 99999" in dialog.batch_message.text()
    assert QApplication.focusWidget() is dialog.scan_field
    bad_stub = STUB[:-1] + str((int(STUB[-1]) + 1) % 10)
    keyboard.type(bad_stub)
    keyboard.press(Key.Key_Return)
    assert "check digit is wrong" in dialog.batch_message.text() and dialog.scan_field.text() == ""

    keyboard.type("1001")
    keyboard.press(Key.Key_Return)
    keyboard.type("0")
    keyboard.press(Key.Key_Return)
    assert QApplication.focusWidget() is dialog.amount_field  # $0.00 is not a remittance
    keyboard.type("50")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Return)  # no check number
    assert dialog.batch_message.text().startswith("Type the check number")
    keyboard.type("777")
    keyboard.press(Key.Key_Return)
    keyboard.type("4111 1111 1111 1111")
    keyboard.press(Key.Key_Return)
    assert dialog.payer_field.text() == "" and dialog.batch_message.text() == CARD_NUMBER_REFUSED
    assert rows(city_db, "SELECT count(*) FROM mail_items") == [(0,)]
    keyboard.press(Key.Key_Return)  # the payer may stay empty
    assert figures(dialog)[2] == "Balanced with the tape"
    assert rows(city_db, "SELECT account_typed, amount_cents, check_number FROM mail_items") == [("1001", 5000, "777")]

    # Alt+T: a money order instead of a check; it asks its serial number.
    keyboard.press(Key.Key_T, ALT)
    assert QApplication.focusWidget() is dialog.tender_combo
    keyboard.press(Key.Key_Down)
    assert dialog.tender_combo.currentData() == "money_order"
    keyboard.press(Key.Key_S, ALT)
    key_remittance(keyboard, dialog, "2001", "20", "MO-5521", "")
    assert rows(city_db, "SELECT tender, check_number FROM mail_items WHERE seq = 2") == [("money_order", "MO-5521")]


def test_a_supervisor_reverses_a_posted_item_with_a_reason(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path
) -> None:
    dialog = open_batches(keyboard, qtbot, window)
    new_batch(keyboard, dialog, "1", "91.80")
    key_remittance(keyboard, dialog, STUB, None, "1042", "MARIA ALVAREZ")
    keyboard.press(Key.Key_F12)  # balances, then posts
    qtbot.waitUntil(lambda: not dialog.posting, timeout=5000)  # posted off the GUI thread
    assert "is posted" in dialog.batch_message.text()
    assert QApplication.focusWidget() is dialog.items_table

    keyboard.press(Key.Key_V, ALT)
    qtbot.waitUntil(lambda: dialog.side_dialog is not None, timeout=2000)
    reason = dialog.side_dialog
    wait_for_keyboard(qtbot, reason.reason_field)
    keyboard.type("Keyed to the wrong account")
    keyboard.press(Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.side_dialog is not None and dialog.side_dialog is not reason, timeout=2000)
    approval = dialog.side_dialog
    assert approval.objectName() == "approvalDialog"
    assert approval.object_label.text() == "W01-2026-000001"
    supervisor_approves(qtbot, keyboard, approval)
    qtbot.waitUntil(lambda: "is reversed" in dialog.batch_message.text(), timeout=2000)
    assert "approved by super1" in dialog.batch_message.text()
    assert rows(city_db, "SELECT status, reversed_by, reverse_reason FROM mail_items") == [
        ("reversed", "cashier1", "Keyed to the wrong account")
    ]
    assert rows(city_db, "SELECT status FROM receipts") == [("void",)]
    assert dialog.items_model.row_object(0).status == "reversed"


def test_the_batch_models_pass_qt_model_checks(window: Any, keyboard: Keyboard, qtbot: Any,
                                               qtmodeltester: Any) -> None:  # fmt: skip
    dialog = open_batches(keyboard, qtbot, window)
    new_batch(keyboard, dialog, "2", "100")
    key_remittance(keyboard, dialog, "1001", "40", "501", "")
    assert dialog.view is not None
    items = ItemsModel()
    items.set_rows(dialog.view.items)
    qtmodeltester.check(items)
    batches = BatchesModel()
    batches.set_rows((dialog.view,))
    qtmodeltester.check(batches)
