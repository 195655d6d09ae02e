"""The window's language: a menu choice saved as the station's `ui.language` setting, and the whole
of one payment at the counter in Spanish, by keyboard (docs/translations.md)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from gui_support import PASSWORDS, Keyboard, sign_in, wait_for
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from cashdesk.config import Settings
from cashdesk.ui.main_window import MainWindow


def _open_language_menu(keyboard: Keyboard) -> QMenu:
    keyboard.press(Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    wait_for(lambda: isinstance(QApplication.activePopupWidget(), QMenu), "the Language menu")
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu) and menu.objectName() == "languageMenu"
    return menu


#: The offscreen platform says so when a window shows or a menu pops up; it is not our warning.
MENU_NOISE = r"^This plugin does not support (raise\(\)|grabbing the keyboard|propagateSizeHints\(\))$"


@pytest.mark.qt_log_ignore(MENU_NOISE)
def test_the_language_menu_saves_the_choice_for_the_next_start(window: Any, keyboard: Keyboard) -> None:
    settings_file = Path(os.environ["CASHDESK_CONFIG"])
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text('# this station\n[station]\nid = "W01"\n', encoding="utf-8")
    assert [a.text() for a in window.menus.language_menu.actions()] == ["English", "Español"]
    assert window.menus.language_actions["en"].isChecked()

    menu = _open_language_menu(keyboard)
    assert menu.activeAction() is window.menus.language_actions["en"]  # the first has the keyboard
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Return):
        keyboard._qtbot.keyClick(menu, key)
    wait_for(lambda: window.menus.language_actions["es"].isChecked(), "Español chosen")

    assert Settings.load(settings_file).ui.language == "es"
    assert settings_file.read_text(encoding="utf-8").startswith('# this station\n[station]\nid = "W01"\n')
    assert window.statusBar().currentMessage() == (
        "Saved: the window will be in Español from the next start of cashdesk."
    )
    assert window.windowTitle().startswith("cashdesk — City of Aurelia")  # nothing changes before then

    window.menus.choose_language("en")
    assert Settings.load(settings_file).ui.language == "en"
    assert window.statusBar().currentMessage() == "The window stays in English."


def test_one_whole_payment_in_spanish_by_keyboard(spanish_window: MainWindow, keyboard: Keyboard) -> None:
    window = spanish_window
    assert window.width() <= 1024 and window.height() <= 768
    assert window.windowTitle() == "cashdesk — City of Aurelia — Estación W01"
    assert window.user_label.text() == "Nadie ha iniciado sesión"
    assert window.hints_label.text().startswith("Escriba su usuario, Intro, su contraseña, Intro")

    sign_in(keyboard, window, "cashier1")
    assert window.user_label.text().startswith("Sesión iniciada: cashier1")
    assert window.hints_label.text().startswith("F2 Buscar  ·  Intro Pagar / Añadir")
    assert [action.text() for action in window.menuBar().actions()][:2] == ["&Estación", "Super&visor"]
    assert window.inquiry.search_field.placeholderText() == (
        "Número de cuenta, nombre, dirección de servicio o teléfono"
    )

    keyboard.press(Qt.Key.Key_F2)
    keyboard.type("alvarez maria")
    keyboard.press(Qt.Key.Key_Return)
    assert "coinciden con “alvarez maria”" in window.inquiry.message_label.text() or (
        "1 cuenta coincide" in window.inquiry.message_label.text()
    )
    results = window.inquiry.results_view.model()
    assert results.headerData(0, Qt.Orientation.Horizontal) == "Cuenta"
    keyboard.press(Qt.Key.Key_Down)
    keyboard.press(Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.counter.pay_strip.amount_field
    keyboard.press(Qt.Key.Key_Return)  # the amount due, on the receipt
    assert "Cuenta 1001" in window.counter.message_label.text()

    keyboard.press(Qt.Key.Key_F5)
    assert window.counter.tender_entry.title_label.text() == "Efectivo (F5)"
    keyboard.type("100")
    keyboard.press(Qt.Key.Key_Return)
    assert "Cambio a devolver" in window.counter.message_label.text()

    keyboard.press(Qt.Key.Key_F12)
    assert window.ready_for_next, window.counter.message_label.text()
    number = window.counter.last_receipt
    assert number is not None
    assert window.counter.message_label.text().startswith(f"Registrado {number}. Siguiente cliente")
    shown = " ".join(label.text() for label in window.counter.change_box.findChildren(QLabel))
    assert "Cambio a devolver" in shown


def test_a_refusal_from_the_services_is_said_in_spanish(spanish_window: MainWindow, keyboard: Keyboard) -> None:
    """A wrong password is refused by the sign-in service (cashdesk.words), not by the window: the
    cashier still reads it in Spanish, and so a refusal from the domain at the counter."""
    window = spanish_window
    form = window.sign_in_screen.form
    sign_in(keyboard, window, "cashier1", "not-my-password")
    assert form.message_label.text() == "El usuario o la contraseña no son correctos."

    keyboard.type(PASSWORDS["cashier1"])
    keyboard.press(Qt.Key.Key_Return)
    assert window.user_label.text().startswith("Sesión iniciada: cashier1")
    keyboard.press(Qt.Key.Key_F2)
    keyboard.type("alvarez maria")
    keyboard.press(Qt.Key.Key_Return)
    keyboard.press(Qt.Key.Key_Down)
    keyboard.press(Qt.Key.Key_Return)
    keyboard.press(Qt.Key.Key_Return)  # the amount due, on the receipt
    keyboard.press(Qt.Key.Key_F5)
    keyboard.type("12.345")
    keyboard.press(Qt.Key.Key_Return)
    assert window.counter.tender_entry.message_label.text() == (
        "Un importe tiene como máximo dos dígitos después del punto decimal."
    )
