"""The delinquency run at the keyboard (Ctrl+Shift+K, Supervisor → Delinquency run…), on the city's
1024×768 and 1280×800 screens: a supervisor previews a date (nothing written), commits today's run
after answering Y to what it will do, and a second commit is refused in words; N changes nothing;
a cashier is not offered the screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from dialog_support import answer, fit_to_screen, question_asked
from gui_support import Keyboard, open_drawers, sign_in, wait_for_keyboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_counter import CTRL_SHIFT, rows

from cashdesk.ui.delinquency import DelinquencyRunDialog, RunModel

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
SIZES = [(1024, 768), (1280, 800)]


def open_run(keyboard: Keyboard, qtbot: Any, window: Any) -> DelinquencyRunDialog:
    keyboard.press(Key.Key_K, CTRL_SHIFT)
    dialog = window.extra_dialog
    assert isinstance(dialog, DelinquencyRunDialog)
    wait_for_keyboard(qtbot, dialog.date_field)
    return dialog


def listed(dialog: DelinquencyRunDialog) -> list[tuple[str, ...]]:
    m = dialog.model
    return [tuple(m.index(r, c).data() for c in range(m.columnCount())) for r in range(m.rowCount())]


def said_after(qtbot: Any, dialog: DelinquencyRunDialog, before: str) -> str:
    qtbot.waitUntil(lambda: dialog.message_label.text() != before, timeout=2000)
    return str(dialog.message_label.text())


@pytest.fixture
def settings_values() -> dict[str, Any]:
    return {"delinquency.door_tag_past_due_cents": 4000}  # Maria Alvarez's $49.50 past due earns a door tag


@pytest.fixture
def supervisor(signed_out_window: Any, keyboard: Keyboard, ctx: Any) -> Any:
    open_drawers(ctx, "super1")
    sign_in(keyboard, signed_out_window, "super1")
    return signed_out_window


@pytest.mark.parametrize("screen", SIZES, ids=["1024x768", "1280x800"])
def test_a_supervisor_previews_then_commits_todays_run_once(
    supervisor: Any, keyboard: Keyboard, qtbot: Any, city_db: Path, qtmodeltester: Any, screen: tuple[int, int]
) -> None:
    qtmodeltester.check(RunModel())
    assert (
        supervisor.menus.delinquency_action.isVisible()
        and supervisor.menus.delinquency_action.shortcut().toString() == "Ctrl+Shift+K"
    )
    dialog = open_run(keyboard, qtbot, supervisor)
    fit_to_screen(dialog, screen)
    assert dialog.date_field.text() == "03/16/2026"  # today
    dialog.date_field.selectAll()
    keyboard.type("13/45/2026")
    keyboard.press(Key.Key_Return)
    assert dialog.message_label.text() == '"13/45/2026" is not a date. Type it as month/day/year, like 03/16/2026.'
    assert dialog.model.rowCount() == 0
    dialog.date_field.selectAll()
    keyboard.type("03/16/2026")
    keyboard.press(Key.Key_Return)
    assert dialog.message_label.text() == (
        "Delinquency run for 03/16/2026: 2 account(s), $35.00 in fees (1 reminder, 1 late fee, "
        "1 door tag (shut-off notice), 1 delinquency notice)."
    )
    assert listed(dialog) == [
        ("1001", "ALVAREZ, MARIA", "Reminder, Late fee, Door tag (shut-off notice)", "$35.00", "$126.80", "—"),
        ("2001", "BROWN HARDWARE LLC", "Delinquency notice", "$0.00", "$1,358.02", "Penalty and interest, 03/22/2026"),
    ]
    assert rows(city_db, "SELECT count(*) FROM delinquency_runs") == [(0,)]  # a preview writes nothing
    assert QApplication.focusWidget() is dialog.date_field

    before = dialog.message_label.text()
    keyboard.press(Key.Key_M, ALT)
    asked = question_asked(qtbot, "commitDelinquencyRun").text()
    answer(qtbot, "commitDelinquencyRun", Key.Key_Y)
    assert asked.startswith("Commit the delinquency run for 03/16/2026? 2 account(s), $35.00 in fees charged, "
                                 "1 door tag(s) and 0 disconnect(s) ordered")  # fmt: skip
    said = said_after(qtbot, dialog, before)
    assert said.startswith("Delinquency run for 03/16/2026 committed: 2 account(s), $35.00 in fees"), said
    assert listed(dialog)[0][2] == "Reminder, Late fee, Door tag (shut-off notice) WO-2026-00001"
    assert rows(city_db, "SELECT type, status FROM work_orders") == [("door_tag", "pending")]
    assert rows(city_db, "SELECT on_date, committed_by FROM delinquency_runs") == [("2026-03-16", "super1")]

    before = dialog.message_label.text()
    keyboard.press(Key.Key_M, ALT)  # again: no question, the refusal in words
    said = said_after(qtbot, dialog, before)
    assert "was committed by super1" in said and "nothing was changed" in said, said
    assert rows(city_db, "SELECT count(*) FROM delinquency_runs") == [(1,)]
    keyboard.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: supervisor.extra_dialog is None, timeout=2000)


def test_no_to_the_question_commits_nothing_and_another_day_is_refused(
    supervisor: Any, keyboard: Keyboard, qtbot: Any, city_db: Path
) -> None:
    dialog = open_run(keyboard, qtbot, supervisor)
    fit_to_screen(dialog, (1024, 768))
    before = dialog.message_label.text()
    keyboard.press(Key.Key_M, ALT)
    answer(qtbot, "commitDelinquencyRun", Key.Key_N)
    assert said_after(qtbot, dialog, before) == "Not committed: nothing was changed."
    wait_for_keyboard(qtbot, dialog.date_field)
    dialog.date_field.selectAll()
    keyboard.type("03/17/2026")
    before = dialog.message_label.text()
    keyboard.press(Key.Key_M, ALT)
    said = said_after(qtbot, dialog, before)
    assert "is committed for today (2026-03-16), not for 2026-03-17" in said, said
    assert rows(city_db, "SELECT count(*) FROM delinquency_runs") == [(0,)]


def test_a_cashier_is_not_offered_the_run(window: Any, keyboard: Keyboard, qtbot: Any) -> None:
    assert not window.menus.delinquency_action.isVisible()
    keyboard.press(Key.Key_K, CTRL_SHIFT)
    assert window.extra_dialog is None


def test_the_preview_names_the_accounts_held_and_why_no_door_tags() -> None:
    import datetime as dt

    from cashdesk.services.delinquency import RunPreview
    from cashdesk.ui.delinquency import preview_text

    held = tuple(f"100{n}" for n in range(7))
    shown = RunPreview(dt.date(2026, 3, 20), (), held, "No shut-offs on a Friday.", "")
    assert preview_text(shown) == (
        "Delinquency run for 03/20/2026: 0 account(s), $0.00 in fees. Held from door tags and disconnects: "
        "1000, 1001, 1002, 1003, 1004 and 2 more. No door tags or disconnects: No shut-offs on a Friday."
    )
