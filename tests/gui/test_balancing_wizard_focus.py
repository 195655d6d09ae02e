"""The balancing wizard at the keyboard on either screen: the count's rows (the rolls too) scroll
into view as Enter reaches them; the checks page names who paid each check; the refusal asking for
a reason goes once one is typed; a float piece that was not counted is refused as it is typed, the
cursor on its row; the finished page offers no Cancel."""

from __future__ import annotations

from typing import Any

import pytest
from dialog_support import SCREENS, fit_to_screen, shows_colour
from gui_support import Keyboard, operator, wait_for_keyboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_balancing_wizard import count_cash, open_wizard, settle_cards, tick, visible_text

from cashdesk.domain.money import Money
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.context import ServiceContext
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from cashdesk.ui.balancing_result import NO_REASON
from cashdesk.ui.focus_marks import FOCUS_COLOUR, shown_in_viewport

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
#: The $160.00 float and Maria's $45.00 in cash: what the drawer holds.
EXACT = {"B20": "9", "B10": "2", "B5": "1"}


@pytest.fixture
def checks(window: Any, ctx: ServiceContext) -> Any:
    """Brown Hardware pays by check #2210 with no payer typed; Maria pays $45.00 in cash."""
    cashier = operator("cashier1")
    post_receipt(ctx, cashier, Cart((AccountPayment("2001", Money(30_000)),)),
                 [Tender(TenderKind.CHECK, Money(30_000), "2210")])  # fmt: skip
    post_receipt(ctx, cashier, Cart((AccountPayment("1001", Money(4_500)),)), [Tender(TenderKind.CASH, Money(4_500))])
    return window


def opened(keyboard: Keyboard, qtbot: Any, window: Any, screen: tuple[int, int]) -> Any:
    wizard = open_wizard(keyboard, qtbot, window)
    assert wizard.width() <= screen[0] and wizard.height() <= screen[1] - 80  # it opens whole on the screen
    fit_to_screen(wizard, screen)
    qtbot.wait(20)
    return wizard


@pytest.mark.parametrize("screen", SCREENS)
def test_every_row_of_the_count_is_in_view_and_the_checks_name_their_payer(
    checks: Any, keyboard: Keyboard, qtbot: Any, screen: tuple[int, int]
) -> None:
    wizard = opened(keyboard, qtbot, checks, screen)
    count = wizard.count_page.count_widget
    for code, field in count.count_fields.items():
        assert QApplication.focusWidget() is field, code
        assert shown_in_viewport(field, count.rows_scroll), f"the {code} row is typed unseen"
        keyboard.type(EXACT.get(code, ""))
        keyboard.press(Key.Key_Return)
    assert count.rows_scroll.verticalScrollBar().value() > 0  # the rolls were below: it scrolled
    assert wizard.currentPage() is wizard.items_page
    table = wizard.items_page.table
    assert [table.item(0, c).text() for c in range(1, 4)] == ["2210", "BROWN HARDWARE LLC", "$300.00"]


def test_the_reason_refusal_goes_once_a_reason_is_typed(checks: Any, keyboard: Keyboard, qtbot: Any) -> None:
    wizard = opened(keyboard, qtbot, checks, SCREENS[0])
    count_cash(keyboard, wizard, {"B20": "5"})  # $100.00 of $205.00: short beyond the limit
    tick(keyboard, wizard, [0])
    settle_cards(keyboard, qtbot, wizard, "0")
    summary = wizard.summary_page
    assert QApplication.focusWidget() is summary.reason_field
    keyboard.press(Key.Key_Return)
    assert summary.message_label.text() == NO_REASON
    keyboard.type("miscounted the twenties")
    assert summary.message_label.text() == ""
    assert NO_REASON not in visible_text(wizard)


def test_a_float_piece_not_counted_is_refused_at_once_and_the_finished_page_has_no_cancel(
    checks: Any, keyboard: Keyboard, qtbot: Any
) -> None:
    wizard = opened(keyboard, qtbot, checks, SCREENS[0])
    count_cash(keyboard, wizard, EXACT)
    tick(keyboard, wizard, [0])
    settle_cards(keyboard, qtbot, wizard, "0")
    assert wizard.summary_page.over_short_label.text() == "Balanced"
    keyboard.press(Key.Key_Return)
    page = wizard.float_page
    assert wizard.currentPage() is page
    commit = wizard.button(wizard.WizardButton.CommitButton)
    wait_for_keyboard(qtbot, commit)
    assert shows_colour(commit, FOCUS_COLOUR)  # the button Enter presses shows it has the keyboard
    keyboard.press(Key.Key_K, ALT)  # to the rows: the $100 bills, none counted
    hundreds = page.count_widget.count_fields["B100"]
    assert QApplication.focusWidget() is hundreds
    keyboard.type("1")
    assert page.message_label.text() == "$100 bills: 1 to keep, but 0 counted. Keep only pieces that are in the drawer."
    keyboard.press(Key.Key_Return)  # Enter does not go on past it
    assert QApplication.focusWidget() is hundreds  # the cursor goes back to the row refused
    assert wizard.currentPage() is page
    keyboard.press(Key.Key_Backspace)
    assert page.message_label.text() == ""
    for _ in page.count_widget.count_fields:
        if wizard.currentPage() is not page:
            break
        keyboard.press(Key.Key_Return)
    assert wizard.currentPage() is wizard.closed_page, page.message_label.text()
    assert not wizard.button(wizard.WizardButton.CancelButton).isVisible()
    assert "Cancel" not in visible_text(wizard)
