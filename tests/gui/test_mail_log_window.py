"""The mail log at the keyboard (Ctrl+Shift+G): documents logged one after the other, a card
number wiped, and the day's log saved as a PDF (read back with pypdf)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from gui_support import Keyboard, wait_for_keyboard
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_counter import CTRL_SHIFT, rows

from cashdesk.ui.fields import CARD_NUMBER_REFUSED
from cashdesk.ui.mail_log import MailLogDialog, MailLogModel

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier


def open_mail_log(keyboard: Keyboard, qtbot: Any, window: Any) -> MailLogDialog:
    keyboard.press(Key.Key_G, CTRL_SHIFT)
    dialog = window.mail_dialog
    assert isinstance(dialog, MailLogDialog)
    wait_for_keyboard(qtbot, dialog.type_field)
    return dialog


def log_one(keyboard: Keyboard, dialog: MailLogDialog, *fields: str) -> None:
    """Type, from, reference, division (its first letters), notes: each then Enter."""
    for text in fields:
        keyboard.type(text)
        keyboard.press(Key.Key_Return)
    assert QApplication.focusWidget() is dialog.type_field, dialog.message_label.text()


def test_documents_are_logged_by_keyboard_and_the_days_log_is_saved_as_a_pdf(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path
) -> None:
    dialog = open_mail_log(keyboard, qtbot, window)
    assert dialog.date_field.text() == "03/16/2026"
    assert dialog.day_label.text() == "0 documents logged as received on 03/16/2026"

    # "Cou" completes to the type the window offers.
    log_one(keyboard, dialog, "Cou", "Aurelia County Court", "CV-2026-0142", "Mun", "Summons, original")
    assert "Logged no. 1: Court document from Aurelia County Court, routed to Municipal Court" in (
        dialog.message_label.text()
    )
    assert dialog.sender_field.text() == "" and dialog.division_field.text() == ""
    log_one(keyboard, dialog, "Correspondence", "Ann Lee", "", "Util", "")
    assert dialog.day_label.text() == "2 documents logged as received on 03/16/2026"
    assert dialog.model.rowCount() == 2
    assert rows(city_db, "SELECT doc_type, sender, reference, routed_to, notes, logged_by, received_on "
                         "FROM mail_log ORDER BY id") == [
        ("Court document", "Aurelia County Court", "CV-2026-0142", "Municipal Court", "Summons, original",
         "cashier1", "2026-03-16"),
        ("Correspondence", "Ann Lee", "", "Utility Billing", "", "cashier1", "2026-03-16"),
    ]  # fmt: skip
    assert rows(city_db, "SELECT count(*) FROM audit_events WHERE event_type = 'mail_logged'") == [(2,)]

    # A document without its sender is not logged: the cursor waits in the field.
    keyboard.type("Application")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Return)
    assert QApplication.focusWidget() is dialog.sender_field
    assert dialog.message_label.text() == "Type who sent it."

    # A card number typed into the notes is wiped, and nothing is logged.
    keyboard.type("Bakery LLC")
    for _ in range(2):
        keyboard.press(Key.Key_Return)
    keyboard.type("Bu")  # Building and Permits
    keyboard.press(Key.Key_Return)
    keyboard.type("4111 1111 1111 1111")
    keyboard.press(Key.Key_Return)
    assert dialog.notes_field.text() == ""
    assert dialog.message_label.text() == CARD_NUMBER_REFUSED
    assert rows(city_db, "SELECT count(*) FROM mail_log") == [(2,)]
    keyboard.type("Needs a new meter")
    keyboard.press(Key.Key_Return)
    assert rows(city_db, "SELECT routed_to, notes FROM mail_log WHERE id = 3") == [
        ("Building and Permits", "Needs a new meter")
    ]

    # Alt+P: the day's log as a PDF, in the reports folder beside the database.
    keyboard.press(Key.Key_P, ALT)
    qtbot.waitUntil(lambda: dialog.saved_to is not None, timeout=2000)  # a button's mnemonic clicks it shortly
    expected = city_db.parent / "reports" / "mail-log-2026-03-16.pdf"
    assert dialog.saved_to == expected, dialog.message_label.text()
    assert str(expected) in dialog.message_label.text()
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(expected.read_bytes())).pages)
    assert "DAILY MAIL LOG" in text and "Documents: 3" in text
    assert "Municipal Court (1)" in text and "Utility Billing (1)" in text and "Building and Permits (1)" in text
    assert "Aurelia County Court" in text and "Notes: Needs a new meter" in text

    # Esc closes it; the counter has the keyboard again.
    keyboard.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: window.mail_dialog is None, timeout=2000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_field, timeout=2000)


def test_a_back_dated_document_and_a_bad_date(window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path) -> None:
    dialog = open_mail_log(keyboard, qtbot, window)
    keyboard.press(Key.Key_D, ALT)
    assert QApplication.focusWidget() is dialog.date_field
    keyboard.type("13/45/2026")
    keyboard.press(Key.Key_Return)
    assert "month/day/year" in dialog.message_label.text()
    assert QApplication.focusWidget() is dialog.date_field
    keyboard.type("3/13/26")
    keyboard.press(Key.Key_Return)
    assert dialog.date_field.text() == "03/13/2026"
    assert QApplication.focusWidget() is dialog.type_field
    log_one(keyboard, dialog, "Legal notice", "Smith & Jones, Attorneys", "", "City A", "")
    assert rows(city_db, "SELECT received_on, routed_to FROM mail_log") == [("2026-03-13", "City Attorney")]
    assert dialog.day_label.text() == "1 document logged as received on 03/13/2026"


def test_the_mail_menu_is_not_offered_to_an_administrator(signed_out_window: Any, keyboard: Keyboard) -> None:
    from gui_support import sign_in

    sign_in(keyboard, signed_out_window, "admin1")
    assert not signed_out_window.menus.mail_menu.menuAction().isVisible()
    keyboard.press(Key.Key_G, CTRL_SHIFT)
    assert signed_out_window.mail_dialog is None


def test_the_mail_log_model_passes_qt_model_checks(qtmodeltester: Any) -> None:
    import datetime as dt

    from cashdesk.services.mail_log import MailLogEntry

    model = MailLogModel(dt.UTC)
    model.set_rows([MailLogEntry(1, dt.date(2026, 3, 16), "Court document", "Court", "CV-1", "Municipal Court", "",
                                 "cashier1", dt.datetime(2026, 3, 16, 19, 0, tzinfo=dt.UTC))])  # fmt: skip
    qtmodeltester.check(model)
