"""The window's language: a menu choice saved as the station's `ui.language` setting, and the whole
of one payment at the counter in Spanish, by keyboard (docs/translations.md)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from gui_support import Keyboard, wait_for
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from cashdesk.config import Settings


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
    assert [a.text() for a in window.language_menu.actions()] == ["English", "Español"]
    assert window.language_actions["en"].isChecked()

    menu = _open_language_menu(keyboard)
    assert menu.activeAction() is window.language_actions["en"]  # the first has the keyboard
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Return):
        keyboard._qtbot.keyClick(menu, key)
    wait_for(lambda: window.language_actions["es"].isChecked(), "Español chosen")

    assert Settings.load(settings_file).ui.language == "es"
    assert settings_file.read_text(encoding="utf-8").startswith('# this station\n[station]\nid = "W01"\n')
    assert window.statusBar().currentMessage() == (
        "Saved: the window will be in Español from the next start of cashdesk."
    )
    assert window.windowTitle().startswith("cashdesk — City of Aurelia")  # nothing changes before then

    window.choose_language("en")
    assert Settings.load(settings_file).ui.language == "en"
    assert window.statusBar().currentMessage() == "The window stays in English."
