"""The main window: its title, the keyboard hints, and the database check at start."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cashdesk.config import Settings
from cashdesk.services.context import ServiceContext
from cashdesk.store.db import Database
from cashdesk.ui.counter_widgets import KEY_LEGEND
from cashdesk.ui.main_window import MainWindow
from cashdesk.ui.window_hints import KEY_HINTS, STATION_HINTS


def test_title_names_the_city_and_the_station(qtbot: Any, city_db: Path) -> None:
    settings = Settings({"city.name": "City of Testville", "station.id": "W07"})
    context = ServiceContext(Database.open(city_db, quick_check=False), settings)
    try:
        window = MainWindow(context)
        qtbot.addWidget(window)
        assert window.windowTitle() == "cashdesk — City of Testville — Station W07"
    finally:
        context.close()


def test_keyboard_hints_and_who_is_signed_in_are_on_screen(window: Any) -> None:
    assert window.windowTitle() == "cashdesk — City of Aurelia — Station W01 — cashier1 (Cashier)"
    assert window.user_label.isVisible()
    assert window.user_label.text() == "Signed in: cashier1 (cashier)"
    assert window.hints_label.isVisible()
    assert window.hints_label.text() == f"{KEY_HINTS}  ·  {STATION_HINTS}"
    for hint in ("F2", "Enter", "F4", "F5", "F6", "F7", "F8", "F12", "Esc"):
        assert hint in KEY_HINTS
    legend = dict(KEY_LEGEND)  # under the receipt, on screen
    assert {"F2", "Enter", "F4", "F5", "F6", "F7", "F8", "F12", "Esc", "Del", "Ctrl+P", "Ctrl+Shift+V"} <= set(legend)
    for hint in ("Ctrl+L Lock", "Ctrl+Shift+Q Sign out"):
        assert hint in STATION_HINTS


def test_a_sound_database_passes_its_check_quietly(
    window: Any, qtbot: Any, critical_boxes: list[str], keyboard: Any
) -> None:
    with qtbot.waitSignal(window.database_checked, timeout=5000) as checked:
        window.start_database_check()
    assert checked.args == [None]
    assert not window.banner.isVisible()
    assert window.inquiry.search_field.isEnabled()
    assert critical_boxes == []
    # The check's connection went back to the pool from another thread; searching still works.
    keyboard.type("chen")
    keyboard.press(Qt.Key.Key_Return)
    assert window.inquiry.pane.account_number == "1003"


def test_the_check_runs_off_the_gui_thread(qtbot: Any, ctx: ServiceContext, critical_boxes: list[str]) -> None:
    threads: list[threading.Thread] = []

    def check(context: ServiceContext) -> None:
        threads.append(threading.current_thread())

    window = MainWindow(ctx, health_check=check)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.database_checked, timeout=5000):
        window.start_database_check()
    assert threads and threads[0] is not threading.main_thread()


def test_a_failed_check_shows_a_red_banner_and_stops_searching(
    qtbot: Any, ctx: ServiceContext, critical_boxes: list[str], keyboard: Any
) -> None:
    problem = "The database failed its check (page 13). Call your supervisor."
    window = MainWindow(ctx, health_check=lambda context: problem)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.database_checked, timeout=5000) as checked:
        window.start_database_check()

    assert checked.args == [problem]
    assert window.banner.isVisible()
    assert window.banner.text() == problem
    assert critical_boxes == [problem]
    field = window.inquiry.search_field
    assert not field.isEnabled()
    assert "Searching is off" in field.placeholderText()
    assert window.inquiry.message_label.text() == "Searching is off: the database failed its check."
    window.inquiry.search()  # even when called directly, nothing is searched
    assert window.inquiry.results_model.rowCount() == 0


def test_a_check_that_cannot_run_is_a_failure_too(qtbot: Any, ctx: ServiceContext, critical_boxes: list[str]) -> None:
    def check(context: ServiceContext) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    window = MainWindow(ctx, health_check=check)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.database_checked, timeout=5000) as checked:
        window.start_database_check()
    assert "could not be checked (database disk image is malformed)" in checked.args[0]
    assert not window.banner.isHidden()
    assert not window.inquiry.search_field.isEnabled()
    assert window.counter.blocked.startswith("No payments: the database failed its check.")


def test_a_damaged_database_file_fails_the_real_check(
    qtbot: Any, city_db: Path, tmp_path: Path, critical_boxes: list[str]
) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    shutil.copy(city_db, damaged)
    with sqlite3.connect(damaged) as con:
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        root = con.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_account_history_account_date'"
        ).fetchone()[0]
    con.close()
    with damaged.open("r+b") as f:  # an index page no start-up query reads
        f.seek((root - 1) * page_size)
        f.write(b"\xff" * page_size)

    context = ServiceContext(Database.open(damaged, quick_check=False), Settings())
    try:
        window = MainWindow(context)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.database_checked, timeout=10_000) as checked:
            window.start_database_check()
        message = checked.args[0]
        assert message.startswith("The database failed its check")
        assert "restored from the latest backup" in message
        assert window.banner.text() == message
        assert critical_boxes == [message]
        assert not window.inquiry.search_field.isEnabled()
        window.close()
    finally:
        context.close()


def test_closing_waits_for_the_check(qtbot: Any, ctx: ServiceContext, critical_boxes: list[str]) -> None:
    release = threading.Event()

    def slow_check(context: ServiceContext) -> None:
        release.wait(5)

    window = MainWindow(ctx, health_check=slow_check)
    qtbot.addWidget(window)
    window.start_database_check()
    threading.Timer(0.05, release.set).start()
    window.close()  # must not destroy a running thread
    assert release.is_set()
    QApplication.processEvents()
    assert window.inquiry.search_field.isEnabled()
