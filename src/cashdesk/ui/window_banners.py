"""The main window's banners. The database banner, red: the database failed its check at start
(run from here, off the GUI thread), so searching and payments are off. The printer banner: what
the printer is doing, and a receipt that went out with no answer after it (uncertain), which the
cashier retries (Ctrl+Shift+R) or dismisses once found in the printer. The print worker is
`ui.print_queue.PrintQueue`; the window is `ui.main_window.MainWindow`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout

from cashdesk.ui.i18n import translate
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.ui.main_window import HealthCheck, MainWindow
    from cashdesk.ui.print_queue import PrintRound

log = logging.getLogger(__name__)

_DATABASE_BANNER_STYLE = "background: #b00020; color: white; font-weight: bold; font-size: 12pt; padding: 8px;"
_PRINTER_BANNER_STYLE = "QFrame#printerBanner { background: #e65100; } QLabel { color: white; }"


class Banners:
    """Builds the banners; answers the database check, the printer banner's buttons and the print worker."""

    def __init__(self, owner: MainWindow) -> None:
        self._owner = owner
        self._check: Operation[str | None] | None = None  # the database check at start, once started

    def build_printer_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("printerBanner")
        banner.setStyleSheet(_PRINTER_BANNER_STYLE)
        self._owner.printer_banner_label = QLabel()
        self._owner.printer_banner_label.setObjectName("printerBannerText")
        font = self._owner.printer_banner_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self._owner.printer_banner_label.setFont(font)
        self._owner.printer_banner_detail = QLabel()
        self._owner.printer_banner_detail.setObjectName("printerBannerDetail")
        self._owner.printer_banner_detail.setWordWrap(True)
        self._owner.retry_button = QPushButton(translate("window_banners", "&Retry printing (Ctrl+Shift+R)"))
        self._owner.retry_button.setObjectName("retryPrinting")
        self._owner.retry_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays with the work
        self._owner.retry_button.clicked.connect(self.retry_printing)
        # Only for a job cut off by a crash: the cashier found it printed, so it is not sent again.
        self._owner.dismiss_button = QPushButton(translate("window_banners", "Dismiss (it printed)"))
        self._owner.dismiss_button.setObjectName("dismissPrinting")
        self._owner.dismiss_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._owner.dismiss_button.clicked.connect(self.dismiss_uncertain_printing)
        self._owner.dismiss_button.hide()
        text = QVBoxLayout()
        text.addWidget(self._owner.printer_banner_label)
        text.addWidget(self._owner.printer_banner_detail)
        row = QHBoxLayout(banner)
        row.addLayout(text, 1)
        row.addWidget(self._owner.retry_button)
        row.addWidget(self._owner.dismiss_button)
        banner.hide()
        return banner

    def retry_printing(self) -> None:
        """Retry: jobs cut off by a crash are sent again (the cashier found them missing), then a round."""
        last = self._owner.last_print_round
        if last is not None and last.uncertain and not self._settle_uncertain(retry=True):
            return
        self._owner.printer_banner_detail.setText(translate("window_banners", "Trying the printer again…"))
        self._owner.print_queue.start()

    def dismiss_uncertain_printing(self) -> None:
        """Dismiss: the jobs cut off by a crash did print; they are marked printed, not sent again."""
        if self._settle_uncertain(retry=False):
            self._owner.printer_banner_detail.setText(translate("window_banners", "Marked printed."))
            self._owner.print_queue.start()

    def _settle_uncertain(self, *, retry: bool) -> bool:
        from cashdesk.services.printing import dismiss_uncertain, retry_uncertain

        operator = self._owner.operator
        if operator is None:
            return False
        # A refusal or a database fault: said on the banner, the jobs stay as they are.
        settling = Operation(
            self._owner,
            lambda: (retry_uncertain if retry else dismiss_uncertain)(self._owner.ctx, operator),
            failed="{exc}",
            log_as="could not settle the interrupted print jobs",
        )
        settling.failure(self._owner.printer_banner_detail.setText).run_now()
        return not settling.failed

    def printing_reported(self, result: PrintRound) -> None:
        self._owner.printer_label.setText(
            translate("window_banners", "Printer: {status_label}").format(
                status_label=translate("status", result.status_label)
            )
        )
        headline = result.headline
        self._owner.dismiss_button.setVisible(bool(result.uncertain))
        if not headline:
            self._owner.printer_banner.hide()
            return
        self._owner.printer_banner_label.setText(headline)
        why = f"{result.problem} " if result.problem else ""
        if result.uncertain:
            waiting = (
                translate("window_banners", " {value1} more waiting for the printer.").format(
                    value1=result.receipts_waiting or result.waiting
                )
                if result.waiting
                else ""
            )
            self._owner.printer_banner_detail.setText(
                translate(
                    "window_banners",
                    "It was being sent when the program stopped or the printer stopped answering, so it may or may "
                    "not be on paper. The payment is saved. "
                    "Look in the printer: if it is not there, Retry prints it again; if it is, Dismiss.",
                )
                + waiting
            )
        elif not result.waiting:
            self._owner.printer_banner_detail.setText(result.problem)
        else:
            self._owner.printer_banner_detail.setText(
                translate(
                    "window_banners",
                    "{why}The payments are saved; the receipts print when the printer is back. Fix the printer "
                    "(power, cable, paper, cover), then Retry. Reprint a receipt for a customer who cannot "
                    "wait.",
                ).format(why=why)
            )
        self._owner.printer_banner.show()

    # -- the database that failed its check ------------------------------------------------------

    def build_database_banner(self) -> QLabel:
        banner = QLabel()
        banner.setObjectName("databaseBanner")
        banner.setWordWrap(True)
        banner.setStyleSheet(_DATABASE_BANNER_STYLE)
        banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        banner.hide()
        return banner

    def start_database_check(self, health_check: HealthCheck | None) -> None:
        """Runs `health_check` (`check_database` unless given) off the GUI thread, once."""
        if self._check is not None:
            return
        check = health_check
        if check is None:
            from cashdesk.services.health import check_database

            check = check_database
        ctx = self._owner.ctx
        self._check = Operation(self._owner, lambda: check(ctx), failed="{exc}", log_as="database check failed")
        self._check.success(self.database_checked).failure(self.database_check_failed).run_in_background()

    def database_checked(self, message: object) -> None:
        if message:
            self.show_database_problem(str(message))
        else:
            log.info("database check passed")
        self._owner.database_checked.emit(message or None)

    def database_check_failed(self, error: str) -> None:
        message = translate(
            "window_banners",
            "The database could not be checked ({error}). Stop taking payments and call your "
            "supervisor: the database may need to be restored from the latest backup.",
        ).format(error=error)
        self.show_database_problem(message)
        self._owner.database_checked.emit(message)

    def show_database_problem(self, message: str) -> None:
        log.error("database problem: %s", message)
        self._owner.database_problem = message
        self._owner.banner.setText(message)
        self._owner.banner.show()
        self.block_work(message)
        QMessageBox.critical(self._owner, translate("window_banners", "The database failed its check"), message)

    def block_work(self, _message: str) -> None:
        self._owner.inquiry.set_search_enabled(
            False, translate("window_banners", "Searching is off: the database failed its check.")
        )
        self._owner.counter.blocked = translate(
            "window_banners", "No payments: the database failed its check. Call your supervisor."
        )
