"""The main window's menus and their keys: Station, Supervisor, Counter, Mail and Language, and
which of them the person at work may see. The window is `ui.main_window.MainWindow`; what each
action opens is `window_dialogs`, signing out and locking `window_lock`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from cashdesk.domain.security import Permission
from cashdesk.ui.i18n import LANGUAGES, current_language, translate

if TYPE_CHECKING:
    from cashdesk.services.context import Operator
    from cashdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

LOCK_KEY = "Ctrl+L"
SIGN_OUT_KEY = "Ctrl+Shift+Q"
AUDIT_KEY = "Ctrl+Shift+A"
REPRINT_KEY = "Ctrl+P"
VOID_KEY = "Ctrl+Shift+V"
OPEN_DRAWER_KEY = "Ctrl+Shift+D"
RETRY_PRINT_KEY = "Ctrl+Shift+R"
NO_SALE_KEY = "Ctrl+Shift+O"
RETURNED_CHECK_KEY = "Ctrl+Shift+N"
CLOSE_DAY_KEY = "Ctrl+Shift+E"  # ui.day_close
PDF_COPY_KEY = "Ctrl+Shift+S"
MAIL_BATCHES_KEY = "Ctrl+Shift+M"
MAIL_LOG_KEY = "Ctrl+Shift+G"
TAX_RETURN_KEY = "Ctrl+Shift+T"
FIND_PAYMENT_KEY, REPORTS_KEY = "Ctrl+Shift+F", "Ctrl+Shift+Y"  # issue 18
ANSWERS_KEY = "F1"  # ui.answers
SUPPLIES_KEY = "Ctrl+Shift+U"  # ui.supplies
SERVICE_ORDERS_KEY = "Ctrl+Shift+W"  # ui.service_orders
STATEMENT_KEY = "Ctrl+Shift+H"  # ui.statement: the account shown, its history as a statement
ARRANGEMENTS_KEY = "Ctrl+Shift+I"  # ui.arrangements: installments
DELINQUENCY_KEY = "Ctrl+Shift+K"  # ui.delinquency: the delinquency run (collections)

#: How long the status bar says where the language choice went.
LANGUAGE_MESSAGE_MS = 20_000


class WindowMenus:
    """Builds the menu bar's actions (their keys work with the menu bar closed) and shows each
    menu only to those who may use it. Their texts keep the "main_window" translation context."""

    def __init__(self, owner: MainWindow) -> None:
        self._owner = owner
        self._build_station_menus()
        self._build_counter_menu()
        self._build_mail_menu()
        self._build_language_menu()
        self._work_actions = (self.change_password_action, self.pdf_copy_action, self.lock_action, self.sign_out_action,
                              self.audit_action, self.returned_check_action, self.close_day_action,
                              self.delinquency_action,
                              self.find_payment_action, self.reports_action,
                              *self._counter_actions,
                              *self._mail_actions)  # fmt: skip
        for action in self._work_actions:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self._owner.addAction(action)  # the keys work with the menu bar closed

    def show_for(self, operator: Operator | None, *, working: bool) -> None:
        """The menus and keys of what `operator` may do while at work; none while signed out or locked."""

        def may(permission: Permission) -> bool:
            return working and operator is not None and operator.can(permission)

        takes_payments, may_audit = may(Permission.TAKE_PAYMENTS), may(Permission.VIEW_AUDIT)
        may_approve, may_close = may(Permission.APPROVE_OVERRIDES), may(Permission.CLOSE_DAY)
        for action in self._work_actions:
            action.setEnabled(working)
        for actions, shown in ((self._counter_actions, takes_payments), (self._mail_actions, takes_payments),
                               ((self.audit_action, self.reports_action), may_audit),
                               ((self.returned_check_action, self.delinquency_action), may_approve),
                               ((self.close_day_action,), may_close)):  # fmt: skip
            for action in actions:
                action.setVisible(shown)
                action.setEnabled(shown)
        self.counter_menu.menuAction().setVisible(takes_payments)
        self.mail_menu.menuAction().setVisible(takes_payments)
        self.supervisor_menu.menuAction().setVisible(may_audit or may_approve or may_close)
        self._owner.menuBar().setVisible(working)

    def _action(self, text: str, key: str, triggered: Callable[[], object]) -> QAction:
        action = QAction(text, self._owner)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(triggered)
        return action

    def _menu(
        self, title: str, name: str, actions: Sequence[QAction], *, separator_before: QAction | None = None
    ) -> QMenu:
        menu = self._owner.menuBar().addMenu(title)
        menu.setObjectName(name)
        for action in actions:
            menu.addAction(action)
        if separator_before is not None:
            menu.insertSeparator(separator_before)
        return menu

    def _build_station_menus(self) -> None:
        """The Station menu (password, PDF copy, lock, sign out) and the Supervisor menu."""
        dialogs, station_lock = self._owner.dialogs, self._owner.station_lock
        self.change_password_action = self._action(
            translate("main_window", "&Change my password…"), "", dialogs.change_password
        )
        self.lock_action = self._action(
            translate("main_window", "&Lock the station"), LOCK_KEY, lambda: station_lock.lock(idle=False)
        )
        self.sign_out_action = self._action(translate("main_window", "Sign &out"), SIGN_OUT_KEY, station_lock.sign_out)
        self.pdf_copy_action = self._action(translate("main_window", "Save a &PDF copy of a receipt…"), PDF_COPY_KEY,
                                            dialogs.open_pdf_copy_dialog)  # fmt: skip
        self._menu(
            translate("main_window", "&Station"),
            "stationMenu",
            (self.change_password_action, self.pdf_copy_action, self.lock_action, self.sign_out_action),
            separator_before=self.lock_action,
        )

        self.audit_action = self._action(
            translate("main_window", "&Audit trail…"), AUDIT_KEY, dialogs.open_audit_viewer
        )
        self.returned_check_action = self._action(
            translate("main_window", "Returned check (&NSF)…"), RETURNED_CHECK_KEY, dialogs.open_returned_check_dialog
        )
        self.close_day_action = self._action(
            translate("main_window", "&Close the day and export the deposit…"),
            CLOSE_DAY_KEY,
            dialogs.open_day_close_dialog,
        )
        self.find_payment_action = self._action(
            translate("main_window", "&Find a payment…"), FIND_PAYMENT_KEY, dialogs.open_find_payment
        )
        self.reports_action = self._action(translate("main_window", "&Reports…"), REPORTS_KEY, dialogs.open_reports)
        self.delinquency_action = self._action(
            translate("main_window", "&Delinquency run…"), DELINQUENCY_KEY, dialogs.open_delinquency_run
        )
        supervisor_actions = (self.audit_action, self.reports_action, self.returned_check_action,
                              self.delinquency_action, self.close_day_action)  # fmt: skip
        self.supervisor_menu = self._menu(translate("main_window", "Super&visor"), "supervisorMenu", supervisor_actions)

    def _build_counter_menu(self) -> None:
        self.open_drawer_action = self._action(
            translate("main_window", "&Open my drawer (count the float)…"), OPEN_DRAWER_KEY, self._owner.ask_for_float
        )
        self.reprint_action = self._action(translate("main_window", "&Reprint the last receipt"), REPRINT_KEY,
                                           lambda: self._owner.counter.undo.reprint_last())  # fmt: skip
        self.void_action = self._action(
            translate("main_window", "&Void a receipt…"), VOID_KEY, self._owner.dialogs.open_void_dialog
        )
        self.retry_print_action = self._action(
            translate("main_window", "Retry &printing"), RETRY_PRINT_KEY, self._owner.banners.retry_printing
        )
        self.no_sale_action = self._action(
            translate("main_window", "&No sale (open drawer)…"), NO_SALE_KEY, self._owner.dialogs.open_no_sale_dialog
        )
        self.answers_action = self._action(
            translate("main_window", "&Answers and referrals…"), ANSWERS_KEY, self._owner.dialogs.open_answers
        )
        self.supplies_action = self._action(
            translate("main_window", "S&upplies and forms…"), SUPPLIES_KEY, self._owner.dialogs.open_supplies
        )
        self.service_orders_action = self._action(translate("main_window", "&Service orders…"), SERVICE_ORDERS_KEY,
                                                  self._owner.dialogs.open_service_orders)  # fmt: skip
        self.statement_action = self._action(
            translate("main_window", "Account s&tatement…"), STATEMENT_KEY, self._owner.dialogs.open_statement
        )
        self.arrangements_action = self._action(translate("main_window", "Pay&ment arrangements…"), ARRANGEMENTS_KEY,
                                                self._owner.dialogs.open_arrangements)  # fmt: skip
        self._counter_actions = (self.open_drawer_action, self.reprint_action, self.void_action,
                                 self.no_sale_action, self.service_orders_action, self.arrangements_action,
                                 self.find_payment_action, self.statement_action,
                                 self.retry_print_action, self.answers_action, self.supplies_action)  # fmt: skip
        self.counter_menu = self._menu(translate("main_window", "C&ounter"), "counterMenu", self._counter_actions,
                                       separator_before=self.retry_print_action)  # fmt: skip

    def _build_mail_menu(self) -> None:
        dialogs = self._owner.dialogs
        self.mail_batches_action = self._action(
            translate("main_window", "Mail &batches…"), MAIL_BATCHES_KEY, dialogs.open_mail_batches
        )
        self.mail_log_action = self._action(translate("main_window", "Mail &log…"), MAIL_LOG_KEY, dialogs.open_mail_log)
        self.tax_return_action = self._action(
            translate("main_window", "Sales &tax return…"), TAX_RETURN_KEY, dialogs.open_tax_return
        )
        self.delinquent_filers_action = self._action(
            translate("main_window", "&Delinquent filers…"), "", dialogs.open_delinquent_filers
        )
        self._mail_actions = (self.mail_batches_action, self.mail_log_action, self.tax_return_action,
                              self.delinquent_filers_action)  # fmt: skip
        self.mail_menu = self._menu(
            translate("main_window", "&Mail"), "mailMenu", self._mail_actions, separator_before=self.tax_return_action
        )

    def _build_language_menu(self) -> None:
        """Language: the station's window in English or Español (the `ui.language` setting), from the
        next start: every screen sets its texts as it is built, and the work on them stays as it is."""
        self.language_menu = self._owner.menuBar().addMenu(translate("main_window", "&Language"))
        self.language_menu.setObjectName("languageMenu")
        group = QActionGroup(self._owner)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():  # each language named in itself: not translated
            action = QAction(name, self._owner)
            action.setCheckable(True)
            action.setChecked(code == self._owner.ctx.settings.ui.language)
            action.triggered.connect(lambda _checked=False, code=code: self.choose_language(code))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

    def choose_language(self, code: str) -> None:
        """Save `code` as this station's window language; it applies at the next start (said so)."""
        from cashdesk.config import SettingsError, save_setting

        name = LANGUAGES[code]
        try:
            path = save_setting("ui.language", code, self._owner.ctx.settings.path)
        except (SettingsError, OSError) as exc:
            log.warning("could not save the window's language: %s", exc)
            self.language_actions[self._owner.ctx.settings.ui.language].setChecked(True)
            self._owner.statusBar().showMessage(
                translate("main_window", "The language could not be saved: {problem}").format(problem=exc)
            )
            return
        log.info("window language %s saved in %s", code, path)
        if code == current_language():
            said = translate("main_window", "The window stays in {language}.").format(language=name)
        else:
            said = translate(
                "main_window", "Saved: the window will be in {language} from the next start of cashdesk."
            ).format(language=name)
        self._owner.statusBar().showMessage(said, LANGUAGE_MESSAGE_MS)
