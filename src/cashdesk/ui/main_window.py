"""The main window: the inquiry screen, the keyboard hints, and the database check at start."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from cashdesk.ui.background import BackgroundCall
from cashdesk.ui.inquiry import InquiryScreen

if TYPE_CHECKING:
    from cashdesk.services.context import ServiceContext

log = logging.getLogger(__name__)

#: What the status bar shows; docs/keyboard.md has the full map.
KEY_HINTS = "F2 Find  ·  Enter Search  ·  ↓ Into the results  ·  ↑ ↓ Another account  ·  Esc Back to search"

HealthCheck = Callable[["ServiceContext"], "str | None"]

_BANNER_STYLE = "background: #b00020; color: white; font-weight: bold; font-size: 12pt; padding: 8px;"


def window_title(ctx: ServiceContext) -> str:
    return f"cashdesk — {ctx.settings['city.name']} — Station {ctx.settings['station.id']}"


class MainWindow(QMainWindow):
    #: After the background database check: None when sound, else the message shown.
    database_checked = Signal(object)

    def __init__(
        self, ctx: ServiceContext, *, health_check: HealthCheck | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._ctx = ctx
        self._health_check = health_check
        self._check: BackgroundCall | None = None
        self.database_problem: str | None = None

        self.setWindowTitle(window_title(ctx))
        self.resize(1280, 800)

        self.banner = QLabel()
        self.banner.setObjectName("databaseBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(_BANNER_STYLE)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()

        self.inquiry = InquiryScreen(ctx)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.inquiry, 1)
        self.setCentralWidget(central)

        self.hints_label = QLabel(KEY_HINTS)
        self.hints_label.setObjectName("keyHints")
        self.statusBar().addWidget(self.hints_label, 1)

        find = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        find.setContext(Qt.ShortcutContext.WindowShortcut)
        find.activated.connect(self.inquiry.focus_search)
        self.setFocusProxy(self.inquiry.search_field)
        self.inquiry.search_field.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def search_field(self) -> QWidget:
        return self.inquiry.search_field

    # -- the database check at start ----------------------------------------------------------

    def start_database_check(self) -> None:
        """Runs `check_database` off the GUI thread; the window stays usable meanwhile."""
        if self._check is not None:
            return
        check = self._health_check
        if check is None:
            from cashdesk.services.health import check_database

            check = check_database
        ctx = self._ctx
        self._check = BackgroundCall(lambda: check(ctx), what="database check", parent=self)
        self._check.succeeded.connect(self._database_checked)
        self._check.failed.connect(self._database_check_failed)
        self._check.start()

    def _database_checked(self, message: object) -> None:
        if message:
            self.show_database_problem(str(message))
        else:
            log.info("database check passed")
        self.database_checked.emit(message or None)

    def _database_check_failed(self, error: str) -> None:
        message = (
            f"The database could not be checked ({error}). Stop taking payments and call your supervisor: "
            "the database may need to be restored from the latest backup."
        )
        self.show_database_problem(message)
        self.database_checked.emit(message)

    def show_database_problem(self, message: str) -> None:
        log.error("database problem: %s", message)
        self.database_problem = message
        self.banner.setText(message)
        self.banner.show()
        self.inquiry.set_search_enabled(False, "Searching is off: the database failed its check.")
        QMessageBox.critical(self, "The database failed its check", message)

    def wait_for_background(self) -> None:
        if self._check is not None:
            self._check.wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.wait_for_background()  # a running QThread must not outlive its window
        super().closeEvent(event)
