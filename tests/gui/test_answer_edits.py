"""A supervisor changes the answers and the referrals from the answers window (F1), by keyboard, on
the city's 1024×768 and 1280×800 screens: a refusal said in words, the change found by the next
search, the versions listed with who, when and what changed; a cashier gets no such keys."""

from __future__ import annotations

from typing import Any

import pytest
import shiboken6
from dialog_support import SCREENS, fit_to_screen
from gui_support import Keyboard, open_drawers, sign_in, wait_for_keyboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cashdesk.domain.security import Role
from cashdesk.services import answer_files
from cashdesk.services.answers import answer_versions, referral
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.ui.answer_edit import AnswerHistoryDialog, EntryEditDialog
from cashdesk.ui.answers import AnswersDialog
from cashdesk.ui.window_mode import Mode

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SUPERVISOR = Operator("super1", Role.SUPERVISOR)
NEW_TEXT = "A bill not paid by its due date gets a late fee of 5%. There is a ten-day courtesy window first."


@pytest.fixture
def answered(ctx: ServiceContext) -> ServiceContext:
    answer_files.load_starter_set(ctx, SUPERVISOR)
    return ctx


@pytest.fixture(params=SCREENS, ids=["1024x768", "1280x800"])
def screen(request: pytest.FixtureRequest) -> tuple[int, int]:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def supervisor_window(signed_out_window: Any, keyboard: Keyboard, answered: ServiceContext) -> Any:
    """super1 at the counter with a drawer open, the cursor in the account search."""
    open_drawers(answered, "super1")
    sign_in(keyboard, signed_out_window, "super1")
    return signed_out_window


def open_answers(keyboard: Keyboard, qtbot: Any, window: Any, screen: tuple[int, int]) -> AnswersDialog:
    window.resize(*screen)
    keyboard.press(Key.Key_F1)
    dialog = window.mail_dialog
    assert isinstance(dialog, AnswersDialog)
    fit_to_screen(dialog, screen)
    wait_for_keyboard(qtbot, dialog.search_field)
    return dialog


def search(keyboard: Keyboard, dialog: AnswersDialog, words: str) -> list[str]:
    dialog.search_field.selectAll()
    keyboard.type(words)
    keyboard.press(Key.Key_Return)
    return [f.slug for f in dialog.found]


def side_dialog(qtbot: Any, dialog: AnswersDialog, kind: type[Any], screen: tuple[int, int]) -> Any:
    qtbot.waitUntil(lambda: isinstance(dialog.side_dialog, kind), timeout=2000)
    side = dialog.side_dialog
    fit_to_screen(side, screen)
    return side


def replace_text(keyboard: Keyboard, text: str) -> None:
    """Ctrl+A in the field the cursor is in, then type over it."""
    keyboard.press(Key.Key_A, CTRL)
    keyboard.type(text)


def test_a_supervisor_changes_an_answer_finds_it_and_reads_its_versions(
    supervisor_window: Any, keyboard: Keyboard, qtbot: Any, screen: tuple[int, int], answered: ServiceContext
) -> None:
    dialog = open_answers(keyboard, qtbot, supervisor_window, screen)
    assert "Ctrl+E changes the answer or referral chosen" in dialog.hint.text()
    assert search(keyboard, dialog, "late fee")[0] == "late-fee-utility"
    keyboard.press(Key.Key_Down)
    assert QApplication.focusWidget() is dialog.results

    keyboard.press(Key.Key_E, CTRL)
    edit = side_dialog(qtbot, dialog, EntryEditDialog, screen)
    wait_for_keyboard(qtbot, edit.title_field)
    assert edit.title_field.text() == "Late fee on a utility bill" and edit.id_field.isReadOnly()

    keyboard.press(Key.Key_E, Qt.KeyboardModifier.AltModifier)  # the effective date
    assert QApplication.focusWidget() is edit.effective_field
    replace_text(keyboard, "13/45/2026")
    keyboard.press(Key.Key_S, CTRL)
    assert edit.message.text() == ('The effective date: "13/45/2026" is not a date. Type it as month/day/year, '
                                   "like 03/16/2026. Nothing was saved.")  # fmt: skip
    replace_text(keyboard, "01/01/2026")
    keyboard.press(Key.Key_T, Qt.KeyboardModifier.AltModifier)
    keyboard.press(Key.Key_A, CTRL)
    keyboard.press(Key.Key_Backspace)  # no title: refused in words, the dialog stays, nothing saved
    keyboard.press(Key.Key_S, CTRL)
    assert edit.message.text() == ("Give the answer a title: what it is about, as the list shows it. "
                                   "Nothing was saved.")  # fmt: skip
    assert dialog.side_dialog is edit and edit.isVisible()
    keyboard.type("Late fee on a utility bill")
    keyboard.press(Key.Key_Tab)  # the question
    keyboard.press(Key.Key_Tab)  # the text
    assert QApplication.focusWidget() is edit.body
    replace_text(keyboard, NEW_TEXT)
    keyboard.press(Key.Key_S, CTRL)

    qtbot.waitUntil(lambda: dialog.side_dialog is None, timeout=2000)
    assert dialog.message.text() == "Saved: “Late fee on a utility bill”, version 2."
    assert "ten-day courtesy window" in dialog.text.toPlainText()
    assert "Version: 2, by super1" in dialog.text.toPlainText()
    wait_for_keyboard(qtbot, dialog.results)  # back in the list, on the answer changed

    keyboard.press(Key.Key_F2)  # back to the search box, its words selected
    assert QApplication.focusWidget() is dialog.search_field
    assert search(keyboard, dialog, "courtesy window")[0] == "late-fee-utility"  # the new text is found
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_H, CTRL)
    history = side_dialog(qtbot, dialog, AnswerHistoryDialog, screen)
    wait_for_keyboard(qtbot, history.list)
    lines = [history.list.item(n).text() for n in range(history.list.count())]
    assert lines == ["Version 2 · 03/16/2026 01:00 PM · super1\nchanged: text",
                     "Version 1 · 03/16/2026 01:00 PM · super1\nfirst version"]  # fmt: skip
    assert "ten-day courtesy window" in history.text.toPlainText()
    keyboard.press(Key.Key_Down)
    assert "late fee of 5% of the past-due amount on the next bill" in history.text.toPlainText()
    assert "courtesy" not in history.text.toPlainText()
    keyboard.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.side_dialog is None, timeout=2000)
    assert [v[0] for v in answer_versions(answered, SUPERVISOR, "late-fee-utility")] == [1, 2]


def test_a_supervisor_adds_a_referral_after_a_refusal(
    supervisor_window: Any, keyboard: Keyboard, qtbot: Any, screen: tuple[int, int], answered: ServiceContext
) -> None:
    dialog = open_answers(keyboard, qtbot, supervisor_window, screen)
    keyboard.press(Key.Key_R, CTRL)
    edit = side_dialog(qtbot, dialog, EntryEditDialog, screen)
    wait_for_keyboard(qtbot, edit.name_field)
    assert edit.kind == "referral" and edit.is_new
    keyboard.type("Aurelia Animal Services")
    keyboard.press(Key.Key_Return)  # Enter: on to what it handles
    assert QApplication.focusWidget() is edit.body
    keyboard.type("Dog and cat licences, lost pets, kennel permits.")
    keyboard.press(Key.Key_S, CTRL)
    assert edit.message.text().startswith("Give a phone number, an address or a web address")
    keyboard.press(Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is edit.phone_field
    keyboard.type("(303) 555-0177")
    keyboard.press(Key.Key_S, CTRL)

    qtbot.waitUntil(lambda: dialog.side_dialog is None, timeout=2000)
    assert dialog.message.text() == "Saved: “Aurelia Animal Services”, the referral directory."
    assert dialog.current is not None and dialog.current.slug == "aurelia-animal-services"  # listed, chosen
    wait_for_keyboard(qtbot, dialog.results)
    keyboard.press(Key.Key_F2)
    assert search(keyboard, dialog, "kennel permit")[0] == "aurelia-animal-services"
    assert dialog.results.item(0).text() == "Referral: Aurelia Animal Services"
    assert "(303) 555-0177" in dialog.text.toPlainText()
    assert referral(answered, SUPERVISOR, "aurelia-animal-services").phone == "(303) 555-0177"


def test_a_cashier_searches_and_reads_the_versions_but_gets_no_edit_keys(
    window: Any, keyboard: Keyboard, qtbot: Any, answered: ServiceContext
) -> None:
    dialog = open_answers(keyboard, qtbot, window, SCREENS[0])
    assert not dialog.may_edit and "Ctrl+E" not in dialog.hint.text()
    assert "Ctrl+H shows its versions" in dialog.hint.text()
    search(keyboard, dialog, "late fee")
    keyboard.press(Key.Key_Down)
    for key in (Key.Key_E, Key.Key_N, Key.Key_R):
        keyboard.press(key, CTRL)
        assert dialog.side_dialog is None
    assert QApplication.focusWidget() is dialog.results
    keyboard.press(Key.Key_H, CTRL)
    history = side_dialog(qtbot, dialog, AnswerHistoryDialog, SCREENS[0])
    wait_for_keyboard(qtbot, history.list)
    assert history.list.count() == 1 and history.list.item(0).text().endswith("super1\nfirst version")
    keyboard.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.side_dialog is None, timeout=2000)


def test_the_idle_lock_closes_a_change_half_typed_and_keeps_nothing_of_it(
    supervisor_window: Any, keyboard: Keyboard, qtbot: Any, answered: ServiceContext
) -> None:
    dialog = open_answers(keyboard, qtbot, supervisor_window, SCREENS[0])
    search(keyboard, dialog, "late fee")
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_E, CTRL)
    edit = side_dialog(qtbot, dialog, EntryEditDialog, SCREENS[0])
    wait_for_keyboard(qtbot, edit.title_field)
    keyboard.type(" (half typed)")
    supervisor_window.station_lock.lock(idle=True)  # the station was left alone
    qtbot.waitUntil(lambda: supervisor_window.mail_dialog is None, timeout=2000)
    assert not shiboken6.isValid(edit) or not edit.isVisible()
    assert supervisor_window.mode is Mode.LOCKED
    assert [v[0] for v in answer_versions(answered, SUPERVISOR, "late-fee-utility")] == [1]
