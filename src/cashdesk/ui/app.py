"""Starting the window: open the database, show the sign-in screen, check the database behind it.

Start-up stays lean: nothing slow runs before the window shows; the database check runs
in a background thread, the password hashing is imported on the first sign-in, and the
account services on the first search.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from cashdesk.resource_files import ResourceMissing, icon_files
from cashdesk.ui.i18n import current_language, install_language, translate

if TYPE_CHECKING:
    from cashdesk.services.context import ServiceContext
    from cashdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Printed on stdout when the window is up and the sign-in user id has the keyboard
#: (`--quit-after` uses it; the start-up benchmark waits for it).
READY = "cashdesk-ready"
#: If the window never gets the keyboard (no window manager giving focus), give up.
READY_TIMEOUT_MS = 15_000


def run(db: str | os.PathLike[str] | None = None, quit_after_ms: int | None = None) -> int:
    """Run the window until it closes. Returns the exit status: 0, or 2 when it cannot start."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("cashdesk")
    app.setApplicationDisplayName("cashdesk")
    app.setWindowIcon(application_icon())

    from cashdesk.logs import setup_logging

    setup_logging()
    from cashdesk.config import SettingsError, language_in_file
    from cashdesk.services.context import DatabaseError, ServiceContext

    # Before anything is read: a refusal to start (a missing database, a mistake in the settings) is
    # said in the station's language, and every window is built in it.
    install_language(language_in_file())
    try:
        ctx = ServiceContext.open(db, quick_check=False)  # the check runs once the window shows
    except (DatabaseError, SettingsError) as exc:
        message = str(exc)
        log.error("cannot start: %s", message)
        print(f"cashdesk: {message}", file=sys.stderr, flush=True)
        QMessageBox.critical(None, translate("app", "cashdesk cannot start"), message)
        return 2

    if ctx.settings.ui.language != current_language():  # a file that writes it another way
        install_language(ctx.settings.ui.language)
    from cashdesk.ui.main_window import MainWindow

    try:
        window = MainWindow(ctx)
        window.show()
        window.activateWindow()
        window.start_database_check_later()  # once the window is up: it loads the database layer
        # Settings are a file edited outside the program: record what changed since last time,
        # shortly after the window is up so start-up does not wait for it.
        QTimer.singleShot(SETTINGS_AUDIT_DELAY_MS, lambda: _audit_settings(ctx))
        status = [0]
        stop_watching = _quit_when_ready(app, window, quit_after_ms, status) if quit_after_ms is not None else None
        code = app.exec()
        if stop_watching is not None:
            stop_watching()
        window.close()  # waits for the background check
        window.deleteLater()  # now, not at some later garbage collection
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return status[0] or code
    finally:
        ctx.close()


SETTINGS_AUDIT_DELAY_MS = 500


def application_icon() -> QIcon:
    """The icon of every window and of the task bar, each size drawn for itself (resources/icons).

    A missing file leaves Qt's default icon and a line in the log: a window without its icon still
    takes payments."""
    icon = QIcon()
    try:
        for path in icon_files():
            icon.addFile(str(path))
    except ResourceMissing as exc:
        log.warning("%s", exc)
    return icon


def _audit_settings(ctx: ServiceContext) -> None:
    from cashdesk.services.settings_audit import audit_settings_changes

    try:
        changed = audit_settings_changes(ctx)
    except Exception:  # a busy or read-only database must not stop the window
        log.exception("could not record setting changes in the audit trail")
        return
    if changed:
        log.info("settings changed since the last start: %s", ", ".join(sorted(changed)))


def _quit_when_ready(
    app: QApplication, window: MainWindow, quit_after_ms: int, status: list[int]
) -> Callable[[], None]:
    """Print READY once the sign-in user id has the keyboard, then quit `quit_after_ms` later.

    Returns what stops the watching, for when the event loop has ended.
    """
    done = False
    watching = True

    def stop_watching() -> None:
        nonlocal watching
        if watching:
            watching = False
            app.focusChanged.disconnect(check)
            timeout.stop()

    def check(*_: object) -> None:
        nonlocal done
        if done or not window.isVisible() or not window.ready_field.hasFocus():
            return
        done = True
        stop_watching()
        print(READY, flush=True)
        # exit(), not quit(): Qt 6's quit() is a request to close every window, and it
        # leaves the application refusing to activate windows afterwards (tests run on).
        QTimer.singleShot(max(0, quit_after_ms), lambda: app.exit(0))

    def give_up() -> None:
        stop_watching()
        if not done:
            print(
                f"cashdesk: the window did not get the keyboard within {READY_TIMEOUT_MS // 1000} s.",
                file=sys.stderr,
                flush=True,
            )
            status[0] = 1
            app.exit(1)

    app.focusChanged.connect(check)
    QTimer.singleShot(0, check)
    timeout = QTimer(window)
    timeout.setSingleShot(True)
    timeout.timeout.connect(give_up)
    timeout.start(READY_TIMEOUT_MS)
    return stop_watching


__all__ = ["READY", "application_icon", "run"]
