"""The window in Spanish shows no English it has a Spanish text for: the counter with accounts on it,
and every screen its menus open, looked at whole (docs/translations.md).

Each text a person can read (labels, buttons, titles, placeholders, tabs, lists, table headers and
cells, menus, the status bar) is compared with the English of the .ts file: a text that is one of its
English sources (or a sentence of one, its {placeholders} filled in) while the Spanish differs means a
marked text shown without translate(), or a name from the domain shown as it is stored.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from gui_support import Keyboard, open_drawers, sign_in, wait_for
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from cashdesk.ui.main_window import MainWindow

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "cashdesk_es.ts"
MENU_NOISE = r"^This plugin does not support (raise\(\)|grabbing the keyboard|propagateSizeHints\(\))$"
#: Menu actions that open no screen of their own, or end the session the sweep runs in.
NOT_SCREENS = {"lock_action", "sign_out_action", "retry_print_action", "reprint_action"}


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]*>", " ", text).replace("&nbsp;", " ")
    text = re.sub(r"&(?=\w)", "", text)  # a menu's Alt+letter
    return " ".join(text.split())


def _pattern(text: str) -> re.Pattern[str]:
    """A source with its {placeholders} as wildcards."""
    parts = re.split(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}", _plain(text))
    return re.compile(".+?".join(re.escape(part) for part in parts), re.S)


@cache
def _english_with_spanish() -> tuple[set[str], list[re.Pattern[str]], set[str], list[re.Pattern[str]]]:
    """The sources whose Spanish differs: whole texts, sentences with placeholders (at least three words
    of their own), and the Spanish alike, to let a text pass that reads the same in both."""
    whole, sentences, spanish, spanish_sentences = set(), [], set(), []
    for context in ElementTree.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            source, translation = message.findtext("source") or "", message.findtext("translation") or ""
            if _plain(source) == _plain(translation) or not re.search("[A-Za-z]{2}", source):
                continue
            if "{" in source:
                own_words = re.sub(r"\{[^{}]*\}", " ", source).split()
                if len([w for w in own_words if re.search("[A-Za-z]{2}", w)]) >= 3:
                    sentences.append(_pattern(source))
                    spanish_sentences.append(_pattern(translation))
            else:
                whole.add(_plain(source))
                spanish.add(_plain(translation))
    return whole, sentences, spanish, spanish_sentences


def english_in(texts: list[str], data: frozenset[str] = frozenset()) -> list[str]:
    """The texts that are English the .ts has Spanish for; `data` (what the database holds, shown as
    it is in every language) excepted."""
    whole, sentences, spanish, spanish_sentences = _english_with_spanish()
    found = []
    for text in dict.fromkeys(_plain(t) for t in texts if t):
        if text in data or text in spanish or any(p.fullmatch(text) for p in spanish_sentences):
            continue
        if text in whole or any(p.fullmatch(text) for p in sentences):
            found.append(text)
    return found


def stored_words(ctx: Any) -> frozenset[str]:
    """The words the city's database holds and the window shows as they are: bill and history
    descriptions, revenue codes' descriptions, names and addresses."""
    con = sqlite3.connect(ctx.db.path)
    try:
        return frozenset(str(row[0]) for sql in (
            "SELECT description FROM open_items", "SELECT description FROM account_history",
            "SELECT description FROM revenue_codes", "SELECT name FROM accounts",
            "SELECT service_address FROM accounts") for row in con.execute(sql))  # fmt: skip
    finally:
        con.close()


def _cells(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    root = QModelIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list's model keeps its one column to itself
        columns = 1
    said = [str(model.headerData(column, Qt.Orientation.Horizontal) or "") for column in range(columns)]
    for row in range(min(model.rowCount(root), 30)):
        said += [str(model.data(model.index(row, column, root)) or "") for column in range(columns)]
    return said


def texts_of(widget: QWidget) -> list[str]:
    """Every text a person can read in `widget` and its visible children."""
    said = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisible():
            continue
        if isinstance(child, QLabel | QAbstractButton):
            said.append(child.text())
        elif isinstance(child, QGroupBox):
            said.append(child.title())
        elif isinstance(child, QLineEdit):
            said.append(child.placeholderText())
        elif isinstance(child, QTextEdit):
            said.append(child.toPlainText())
        elif isinstance(child, QComboBox):
            said += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QTabWidget):
            said += [child.tabText(i) for i in range(child.count())]
        if isinstance(child, QAbstractItemView):
            said += _cells(child)
        said.append(child.toolTip())
    return said


def _menu_texts(menu: QMenu) -> list[str]:
    said = [menu.title()]
    for action in menu.actions():
        said.append(action.text())
        if action.menu() is not None:
            said += _menu_texts(action.menu())
    return said


@pytest.fixture
def spanish_supervisor(spanish_main: MainWindow, ctx: Any, keyboard: Keyboard) -> MainWindow:
    """The window built in Spanish on a 1024×768 screen, super1 signed in with a drawer open."""
    open_drawers(ctx, "super1")
    sign_in(keyboard, spanish_main, "super1")
    return spanish_main


def test_the_check_finds_english_shown_in_a_spanish_window() -> None:
    shown = ["&Sign out", "Cerrar sesión", "Cuenta", "ALVAREZ, MARIA", "Payment", "Late fee",
             "The business day 2026-03-16 is closed: it takes no more postings."]  # fmt: skip
    assert english_in(shown, frozenset({"Late fee"})) == [
        "Sign out",
        "Payment",
        "The business day 2026-03-16 is closed: it takes no more postings.",
    ]


@pytest.mark.qt_log_ignore(MENU_NOISE)
def test_the_counter_shows_no_english_in_spanish(spanish_supervisor: MainWindow, keyboard: Keyboard) -> None:
    window = spanish_supervisor
    keyboard.press(Qt.Key.Key_F2)
    keyboard.type("alvarez")
    keyboard.press(Qt.Key.Key_Return)
    wait_for(lambda: window.inquiry.results_view.model().rowCount() >= 2, "the accounts found")
    shown = texts_of(window)
    for row in range(window.inquiry.results_view.model().rowCount()):  # each account's pane in turn
        window.inquiry.results_view.setCurrentIndex(window.inquiry.results_view.model().index(row, 0))
        QApplication.processEvents()
        shown += texts_of(window)
    shown += [text for menu in window.menuBar().findChildren(QMenu) for text in _menu_texts(menu)]
    shown.append(window.statusBar().currentMessage())
    assert english_in(shown, stored_words(window.ctx)) == []


@pytest.mark.qt_log_ignore(MENU_NOISE)
def test_every_screen_the_menus_open_shows_no_english_in_spanish(
    spanish_supervisor: MainWindow, keyboard: Keyboard, qtbot: Any
) -> None:
    window = spanish_supervisor
    keyboard.press(Qt.Key.Key_F2)
    keyboard.type("1001")
    keyboard.press(Qt.Key.Key_Return)  # an account on screen, for the screens that start from it
    actions = {name: action for name, action in vars(window.menus).items()
               if isinstance(action, QAction) and name.endswith("_action") and name not in NOT_SCREENS}  # fmt: skip
    assert len(actions) >= 15, sorted(actions)
    english: dict[str, list[str]] = {}
    data = stored_words(window.ctx)
    for name, action in sorted(actions.items()):
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        action.trigger()
        qtbot.wait(300)  # its first list is read off the GUI thread
        opened = [w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in before]
        shown = [text for screen in opened for text in texts_of(screen)]
        if found := english_in(shown, data):
            english[name] = found
        for screen in opened:
            if isinstance(screen, QDialog):
                screen.reject()
            else:
                screen.close()
        wait_for(lambda shut=opened: not any(w.isVisible() for w in shut), f"{name}'s screen closed")
    assert english == {}
