"""The main window: sign-in first, then the float count (a cashier without an open drawer)
and the counter; the lock screen covers the work when the station is left alone or locked by
hand; the database check at start; the print queue working in the background.

The counter and the float count are built at the first sign-in (or when first asked for),
not before the window shows: start-up stays as lean as the sign-in screen.

The window keeps one of three states: nobody signed in, someone working, locked for
someone. Everything behind the sign-in and lock screens is hidden, so neither the keyboard
(Tab, F2, mnemonics) nor the menus reach it; the work itself is left exactly as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cashdesk.domain.security import Permission
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from cashdesk.ui.idle import IdleWatcher
from cashdesk.ui.office_sender import OfficeBanner, OfficeSender
from cashdesk.ui.operations import Operation, wait_for_operations
from cashdesk.ui.paper_warning import PaperBanner
from cashdesk.ui.sign_in import LockScreen, SignInScreen
from cashdesk.ui.window_banners import Banners
from cashdesk.ui.window_dialogs import WindowDialogs
from cashdesk.ui.window_hints import state_text, window_title
from cashdesk.ui.window_lock import StationLock
from cashdesk.ui.window_menus import WindowMenus
from cashdesk.ui.window_mode import Mode
from cashdesk.ui.window_size import fit_to_screen

if TYPE_CHECKING:
    from cashdesk.services.auth import SignIn
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.drawers import DrawerView
    from cashdesk.ui.counter import CounterScreen
    from cashdesk.ui.float_count import FloatCountScreen
    from cashdesk.ui.inquiry import InquiryScreen
    from cashdesk.ui.print_queue import PrintQueue, PrintRound

log = logging.getLogger(__name__)

#: The checks that start with the window (users, database) wait this long after it shows, so
#: the database layer they load does not hold back the sign-in screen (docs/performance.md).
BACKGROUND_DELAY_MS = 200

NO_DRAWER = QT_TRANSLATE_NOOP(
    "main_window", "No drawer open: you can look up accounts. Open your drawer (Ctrl+Shift+D) to take payments."
)

HealthCheck = Callable[["ServiceContext"], "str | None"]


class MainWindow(QMainWindow):
    #: After the background database check: None when sound, else the message shown.
    database_checked = Signal(object)
    #: Someone started work (after any forced password change): the Operator.
    signed_in = Signal(object)
    signed_out = Signal()
    locked = Signal()
    #: The station is unlocked; the Operator now at work.
    unlocked = Signal(object)
    # The printer banner's parts, made by `Banners.build_printer_banner`.
    printer_banner_label: QLabel
    printer_banner_detail: QLabel
    retry_button: QPushButton
    dismiss_button: QPushButton

    def __init__(
        self,
        ctx: ServiceContext,
        *,
        health_check: HealthCheck | None = None,
        idle_lock_ms: int | None = None,
        print_retry_ms: int | None = None,
        office_ms: tuple[int, int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self._health_check = health_check
        self.database_problem: str | None = None
        self.mode = Mode.SIGNED_OUT
        self.operator: Operator | None = None
        self.pending: Operator | None = None  # signed in, still to change their password
        self.password_dialog: QDialog | None = None
        self.audit_dialog: QDialog | None = None
        self.find_payment_dialog: QDialog | None = None
        self.reports_dialog: QDialog | None = None

        self.setWindowTitle(window_title(ctx))
        fit_to_screen(self)  # 1280×800, or all of a smaller screen

        self._build_banners()
        self._office_sender: OfficeSender | None = None
        self._office_ms = office_ms

        self._counter: CounterScreen | None = None  # built when first needed (see `counter`)
        self._float_screen: FloatCountScreen | None = None
        self._print_queue: PrintQueue | None = None
        self._print_retry_ms = print_retry_ms
        self._build_pages()

        self._build_central()
        self._build_status_bar()

        self.void_dialog: QDialog | None = None
        #: Where the day close writes the deposit files (None: "cashdesk deposits" in the documents folder).
        self.deposits_folder: Path | None = None
        self.extra_dialog: QDialog | None = None  # a returned check, a no sale or a PDF copy
        self.mail_dialog: QDialog | None = None  # mail batches, the mail log, a tax return, delinquent filers
        self.dialogs = WindowDialogs(self)
        self.station_lock = StationLock(self)

        self.menus = WindowMenus(self)  # their keys and what each opens

        self._watch_idle(idle_lock_ms)

        self.sign_in_screen.signed_in.connect(self._signed_in)
        self.lock_screen.unlocked.connect(self.station_lock.back_from_lock)
        self.show_sign_in()

    def _build_banners(self) -> None:
        """The banners over the pages: the database check, the printer, the office, the paper roll."""
        self.banners = Banners(self)
        self.banner = self.banners.build_database_banner()

        self.printer_banner = self.banners.build_printer_banner()
        self.office_banner = OfficeBanner()
        self.paper_banner = PaperBanner(self.ctx)  # the receipt paper roll nearly used up (ui/paper_warning.py)

    def _watch_idle(self, idle_lock_ms: int | None) -> None:
        """Lock the station when nobody has used it for `idle_lock_ms` (None: the security setting's minutes)."""
        minutes = self.ctx.settings.security.idle_lock_minutes
        self.idle_watcher = IdleWatcher(idle_lock_ms if idle_lock_ms is not None else minutes * 60_000, self)
        self.idle_watcher.idle.connect(lambda: self.station_lock.lock(idle=True))

    def _build_pages(self) -> None:
        """The three states' pages: the sign-in screen, the work (built when first needed), the lock."""
        self.sign_in_screen = SignInScreen(self.ctx)
        self.work = QStackedWidget()
        self.work.setObjectName("work")
        self.lock_screen = LockScreen(self.ctx)
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        for page in (self.sign_in_screen, self.work, self.lock_screen):
            self.pages.addWidget(page)

    def _build_central(self) -> None:
        """The banners over the pages: sign-in, the work, the lock."""
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.printer_banner)
        layout.addWidget(self.office_banner)
        layout.addWidget(self.paper_banner)
        layout.addWidget(self.pages, 1)
        # The keys to press, on their own line above the status bar: wrapped, never cut off.
        self.hints_label = QLabel()
        self.hints_label.setObjectName("keyHints")
        self.hints_label.setWordWrap(True)
        self.hints_label.setStyleSheet("QLabel#keyHints { border-top: 1px solid #c0c0c0; padding: 2px 6px; }")
        layout.addWidget(self.hints_label)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        """The printer and who is signed in (the keys to press are on the line above)."""
        self.printer_label = QLabel()
        self.printer_label.setObjectName("printerStatus")
        self.statusBar().addPermanentWidget(self.printer_label)
        self.user_label = QLabel()
        self.user_label.setObjectName("signedInUser")
        self.statusBar().addPermanentWidget(self.user_label)

    @property
    def search_field(self) -> QLineEdit:
        return self.inquiry.search_field

    # -- the work, built when first needed -------------------------------------------------------

    @property
    def counter(self) -> CounterScreen:
        return self._work_screens()[0]

    @property
    def inquiry(self) -> InquiryScreen:
        return self.counter.inquiry

    @property
    def float_screen(self) -> FloatCountScreen:
        return self._work_screens()[1]

    def _work_screens(self) -> tuple[CounterScreen, FloatCountScreen]:
        if self._counter is None or self._float_screen is None:
            self._build_work()
        assert self._counter is not None and self._float_screen is not None
        return self._counter, self._float_screen

    @property
    def print_queue(self) -> PrintQueue:
        if self._print_queue is None:
            from cashdesk.ui.print_queue import PrintQueue

            retry = {"retry_ms": self._print_retry_ms} if self._print_retry_ms else {}
            self._print_queue = PrintQueue(self.ctx, self, **retry)
            self._print_queue.round_done.connect(self.banners.printing_reported)
            # A receipt's lines count against the roll once it is marked printed: the roll may have crossed.
            self._print_queue.round_done.connect(lambda _round: self.paper_banner.check())
        return self._print_queue

    @property
    def office_sender(self) -> OfficeSender:
        """Sends this window's payments to its office and takes in the office's changes (docs/office.md)."""
        if self._office_sender is None:
            every = {"sync_ms": self._office_ms[0], "retry_ms": self._office_ms[1]} if self._office_ms else {}
            self._office_sender = OfficeSender(self.ctx, self, **every)
            self._office_sender.round_done.connect(self.office_banner.show_state)
        return self._office_sender

    @property
    def last_print_round(self) -> PrintRound | None:
        """What the print queue's last round reported (None before the queue has started one)."""
        return self._print_queue.last if self._print_queue is not None else None

    def _build_work(self) -> None:
        from cashdesk.ui.counter import CounterScreen
        from cashdesk.ui.float_count import FloatCountScreen

        counter = CounterScreen(self.ctx)
        float_screen = FloatCountScreen(self.ctx)
        self._counter, self._float_screen = counter, float_screen
        self.work.addWidget(counter)
        self.work.addWidget(float_screen)
        # The counter owns F2: while it is hidden (signed out, locked, counting the float) the key does nothing.
        find = QShortcut(QKeySequence(Qt.Key.Key_F2), counter)
        find.setContext(Qt.ShortcutContext.WindowShortcut)
        find.activated.connect(counter.inquiry.focus_search)
        float_screen.drawer_opened.connect(self._drawer_opened)
        float_screen.declined.connect(self._float_declined)
        counter.drawer_needed.connect(self.ask_for_float)
        counter.posted.connect(lambda _posted: self.print_queue.kick())
        counter.posted.connect(lambda _posted: self.office_sender.kick())
        counter.posted.connect(lambda _posted: self.paper_banner.check())
        counter.printing_wanted.connect(lambda: self.print_queue.kick())
        if self.database_problem:
            self.banners.block_work(self.database_problem)

    @property
    def ready_for_next(self) -> bool:
        """The counter is ready for the next customer: an empty receipt, the keyboard in the search box."""
        return self.mode is Mode.WORKING and self.counter.ready_for_next

    @property
    def ready_field(self) -> QWidget:
        """What has the keyboard once the window is ready for a person: the sign-in user id."""
        return self.sign_in_screen.user_field

    # -- the three states -------------------------------------------------------------------------

    def set_mode(self, mode: Mode) -> None:
        self.mode = mode
        page = {Mode.SIGNED_OUT: self.sign_in_screen, Mode.WORKING: self.work, Mode.LOCKED: self.lock_screen}[mode]
        self.pages.setCurrentWidget(page)
        working = mode is Mode.WORKING
        operator = self.operator
        self.menus.show_for(operator, working=working)
        self.paper_banner.set_working(working and operator is not None and operator.can(Permission.TAKE_PAYMENTS))

        counting_float = self._float_screen is not None and self.work.currentWidget() is self._float_screen
        text = state_text(self.ctx, operator, working=working, counting_float=counting_float)
        self.user_label.setText(text.user)
        self.setWindowTitle(text.title)
        self.hints_label.setText(text.hints)

    def show_sign_in(self, message: str = "") -> None:
        self.idle_watcher.stop()
        self.operator = None
        self.pending = None
        self.set_mode(Mode.SIGNED_OUT)
        self.sign_in_screen.start(message)

    def _signed_in(self, result: SignIn) -> None:
        if result.must_change_password:
            self.pending = result.operator
            self.dialogs.ask_for_new_password()
            return
        self.start_work(result.operator)

    def start_work(self, operator: Operator) -> None:
        self.operator = operator
        drawer = self._drawer_of(operator) if operator.can(Permission.TAKE_PAYMENTS) else None
        self.work.setCurrentWidget(self.counter)
        self.set_mode(Mode.WORKING)
        self.counter.start_for(operator, drawer)
        self.office_sender.start()  # a window that has not joined an office learns it in its first round
        if operator.can(Permission.TAKE_PAYMENTS):
            self.paper_banner.check()  # at the start of work, before the first receipt
            self.print_queue.start()  # also prints what waited from before (a restart, a fault)
            if drawer is None:
                self.ask_for_float()
        self.idle_watcher.start()
        log.info("%s signed in", operator.user_id)
        self.signed_in.emit(operator)

    def _drawer_of(self, operator: Operator) -> DrawerView | None:
        from cashdesk.services.drawers import current_drawer

        # Only logged when it fails: the float count says what is wrong when it tries to open one.
        return Operation(self, lambda: current_drawer(self.ctx, operator),
                         log_as=f"could not look up the drawer of {operator.user_id}").run_now()  # fmt: skip

    # -- the drawer ---------------------------------------------------------------------------------

    def ask_for_float(self) -> None:
        """The float count, for someone who takes payments and has no drawer open here."""
        operator = self.operator
        if self.mode is not Mode.WORKING or operator is None or not operator.can(Permission.TAKE_PAYMENTS):
            return
        if self.counter.drawer is not None:
            self.counter.say(
                translate("main_window", "Your drawer is open already ({drawer_label}).").format(
                    drawer_label=self.counter.drawer_label.text()
                )
            )
            return
        self.work.setCurrentWidget(self.float_screen)
        self.set_mode(Mode.WORKING)  # the hints follow the page
        self.float_screen.start_for(operator)

    def _drawer_opened(self, drawer: DrawerView) -> None:
        self.counter.set_drawer(drawer)
        self.work.setCurrentWidget(self.counter)
        self.set_mode(Mode.WORKING)
        self.counter.say(
            translate(
                "main_window", "Drawer open with a float of {opening_float}. Scan a bill stub or search for an account."
            ).format(opening_float=drawer.opening_float.display())
        )
        self.inquiry.focus_search()

    def _float_declined(self) -> None:
        self.work.setCurrentWidget(self.counter)
        self.set_mode(Mode.WORKING)
        self.inquiry.show_message(translate("main_window", NO_DRAWER), error=True)
        self.inquiry.focus_search()

    # The banners are `banners` (window_banners), signing out and locking `station_lock` (window_lock),
    # the other windows and the password change `dialogs` (window_dialogs).

    # -- the database check at start ----------------------------------------------------------

    def start_database_check(self) -> None:
        """Runs `check_database` off the GUI thread; the window stays usable meanwhile."""
        self.banners.start_database_check(self._health_check)

    def wait_for_background(self) -> None:
        """The database check, the user check and the windows' service calls: all run on the pool."""
        wait_for_operations()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.mode is Mode.SIGNED_OUT:
            # Once (later calls do nothing), and a moment after the window shows: the check loads
            # the database layer, which would otherwise hold back the sign-in field's first paint.
            self._while_shown_later(self.sign_in_screen.check_for_users_in_background)

    def start_database_check_later(self) -> None:
        """`start_database_check` once the window has been up for a moment (ui/app.py at start)."""
        self._while_shown_later(self.start_database_check)

    def _while_shown_later(self, start: Callable[[], None]) -> None:
        """Run `start` BACKGROUND_DELAY_MS from now if the window is still shown then: a
        background thread started after the window closed would outlive it."""

        def go() -> None:
            if self.isVisible():
                start()

        QTimer.singleShot(BACKGROUND_DELAY_MS, self, go)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle_watcher.stop()
        if self._print_queue is not None:
            self._print_queue.stop()
        if self._office_sender is not None:
            self._office_sender.stop()
        operator = self.operator or self.pending
        self.operator = self.pending = None
        if operator is not None:  # closing the window ends the session, on the record
            self.station_lock.call_sign_out(operator)
        self.wait_for_background()  # a running thread must not outlive its window
        super().closeEvent(event)
