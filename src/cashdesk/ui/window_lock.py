"""Signing out (Ctrl+Shift+Q) and locking the station (Ctrl+L, or by itself when nobody has used it
for a while): the work stays behind the lock, with the cursor where it was, until the cashier or
a supervisor unlocks it. The window is `ui.main_window.MainWindow`; the lock screen `ui.sign_in.LockScreen`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

from cashdesk.ui.i18n import translate
from cashdesk.ui.operations import Operation
from cashdesk.ui.window_mode import Mode

if TYPE_CHECKING:
    from cashdesk.services.context import Operator
    from cashdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class StationLock:
    """Signs the person out, or locks the station and puts everything back as it was after unlocking."""

    def __init__(self, owner: MainWindow) -> None:
        self._owner = owner
        #: The widget that had the keyboard when the station locked, and a line edit's cursor and selection.
        self._focus_before_lock: tuple[QWidget, tuple[int, int, int] | None] | None = None

    def sign_out(self) -> None:
        """Back to the sign-in screen; the next person starts with an empty screen."""
        operator = self._owner.operator
        if self._owner.mode is not Mode.WORKING or operator is None:
            return
        if self._owner.counter.payment_in_progress:
            self._owner.counter.say(
                translate(
                    "window_lock", "Finish this payment (F12) or cancel it (Esc in the search box) before signing out."
                ),
                error=True,
            )
            return
        self._close_dialogs()
        self.call_sign_out(operator)
        self._owner.counter.stop()
        self._owner.show_sign_in(translate("window_lock", "{user_id} signed out.").format(user_id=operator.user_id))
        self._owner.signed_out.emit()

    def call_sign_out(self, operator: Operator) -> None:
        from cashdesk.services.auth import sign_out

        # The person leaves either way; the log says what failed.
        Operation(
            self._owner,
            lambda: sign_out(self._owner.ctx, operator),
            log_as=f"recording the sign-out of {operator.user_id} failed",
        ).run_now()

    def lock(self, *, idle: bool = False) -> None:
        """Cover the work: by hand (Ctrl+L) or after the idle time. Only a password uncovers it."""
        operator = self._owner.operator
        if self._owner.mode is not Mode.WORKING or operator is None:
            return
        from cashdesk.services.auth import lock_station

        self._owner.idle_watcher.stop()
        self._remember_focus()
        self._close_dialogs()
        # The station locks even when the audit event cannot be written; the log says what failed.
        Operation(
            self._owner,
            lambda: lock_station(self._owner.ctx, operator, idle=idle),
            log_as=f"recording the lock for {operator.user_id} failed",
        ).run_now()
        self._owner.set_mode(Mode.LOCKED)
        self._owner.lock_screen.lock_for(operator, idle=idle, at=self._owner.ctx.now())
        log.info("station locked for %s (%s)", operator.user_id, "idle" if idle else "by hand")
        self._owner.locked.emit()

    def back_from_lock(self, operator: Operator) -> None:
        if self._owner.mode is not Mode.LOCKED:
            return
        self._owner.operator = operator
        self._owner.set_mode(Mode.WORKING)
        self._restore_focus()
        self._owner.idle_watcher.start()
        self._owner.unlocked.emit(operator)

    def _remember_focus(self) -> None:
        widget = QApplication.focusWidget()
        if widget is None or not self._owner.work.isAncestorOf(widget):
            self._focus_before_lock = None
            return
        selection = None
        if isinstance(widget, QLineEdit):  # hiding it drops the selection; put it back after
            selection = (widget.cursorPosition(), widget.selectionStart(), widget.selectionLength())
        self._focus_before_lock = (widget, selection)

    def _restore_focus(self) -> None:
        remembered, self._focus_before_lock = self._focus_before_lock, None
        try:
            if remembered is not None and self._owner.work.isAncestorOf(remembered[0]) and remembered[0].isVisible():
                widget, selection = remembered
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                if isinstance(widget, QLineEdit) and selection is not None:
                    cursor, start, length = selection
                    if length > 0:
                        widget.setSelection(start, length)
                    else:
                        widget.setCursorPosition(cursor)
                return
        except RuntimeError:  # the widget is gone
            pass
        current = self._owner.work.currentWidget()
        if current is not None:
            current.setFocus(Qt.FocusReason.OtherFocusReason)

    def _close_dialogs(self) -> None:
        """Whatever was open on top of the work goes too: nothing shows past the lock."""
        for dialog in self._owner.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
