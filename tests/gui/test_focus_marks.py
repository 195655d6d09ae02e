"""Every focused widget shows focus: in the dialogs that use `ui.focus_marks`, a button or a check
box with the keyboard is drawn with the focus frame, and without it before. And the mail dialogs
open whole on a 1024×768 screen."""

from __future__ import annotations

from typing import Any

from dialog_support import SCREENS, fit_to_screen, shows_colour
from gui_support import operator, show_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from cashdesk.services.context import ServiceContext
from cashdesk.ui.float_count import FloatCountScreen
from cashdesk.ui.focus_marks import FOCUS_COLOUR
from cashdesk.ui.mail_batches import MailBatchesDialog
from cashdesk.ui.mail_log import MailLogDialog


def shows_focus_only_with_the_keyboard(qtbot: Any, dialog: QWidget, button: QPushButton) -> None:
    qtbot.addWidget(dialog)
    show_window(qtbot, dialog)
    other = QApplication.focusWidget()
    assert other is not button
    assert not shows_colour(button, FOCUS_COLOUR)
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button, timeout=2000)
    assert shows_colour(button, FOCUS_COLOUR)


def test_the_mail_batches_buttons_show_focus(qtbot: Any, ctx: ServiceContext, tmp_path: Any) -> None:
    dialog = MailBatchesDialog(ctx, operator("cashier1"), reports=tmp_path, receipts=tmp_path)
    shows_focus_only_with_the_keyboard(qtbot, dialog, dialog.new_button)


def test_the_mail_log_buttons_show_focus(qtbot: Any, ctx: ServiceContext, tmp_path: Any) -> None:
    dialog = MailLogDialog(ctx, operator("cashier1"), folder=tmp_path)
    shows_focus_only_with_the_keyboard(qtbot, dialog, dialog.pdf_button)


def test_the_mail_dialogs_fit_a_1024_by_768_screen(qtbot: Any, ctx: ServiceContext, tmp_path: Any) -> None:
    for dialog in (MailBatchesDialog(ctx, operator("cashier1"), reports=tmp_path, receipts=tmp_path),
                   MailLogDialog(ctx, operator("cashier1"), folder=tmp_path)):  # fmt: skip
        qtbot.addWidget(dialog)
        fit_to_screen(dialog, SCREENS[0])


def test_the_float_counts_button_shows_focus(qtbot: Any, ctx: ServiceContext) -> None:
    screen = FloatCountScreen(ctx)
    shows_focus_only_with_the_keyboard(qtbot, screen, screen.open_button)
