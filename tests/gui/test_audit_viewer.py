"""The audit viewer: for supervisors and administrators, filtered by date, user and event type."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from gui_support import NOW, PASSWORDS, Keyboard, open_drawers, operator, sign_in, wait_for, wait_for_keyboard
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from cashdesk.config import Settings
from cashdesk.services.audit import AuditFilter, list_events
from cashdesk.services.auth import SignInRefused
from cashdesk.services.auth import sign_in as service_sign_in
from cashdesk.services.context import PermissionDenied, ServiceContext
from cashdesk.store.db import Database
from cashdesk.ui.audit_viewer import AuditDialog
from cashdesk.ui.main_window import Mode
from cashdesk.ui.models import AuditEventsModel
from cashdesk.ui.window_hints import AUDIT_HINT

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
DISPLAY = Qt.ItemDataRole.DisplayRole
COLUMNS = ["Seq", "Time", "User", "Station", "Event", "Object", "Success", "Details"]


def rows(dialog: AuditDialog) -> list[dict[str, str]]:
    wait_for(lambda: not dialog.waiting, "the audit trail to be read")  # it is read off the GUI thread
    model = dialog.model
    return [
        {COLUMNS[c]: model.index(r, c).data(DISPLAY) for c in range(model.columnCount())}
        for r in range(model.rowCount())
    ]


def a_cashiers_morning(window: Any, keyboard: Keyboard) -> None:
    """cashier1 signs in, does not open a drawer yet, looks up an account, locks, mistypes,
    unlocks, signs out."""
    sign_in(keyboard, window, "cashier1")
    assert window.work.currentWidget() is window.float_screen
    keyboard.press(Key.Key_Escape)  # not now: look up accounts only
    keyboard.type("alvarez")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_L, CTRL)
    keyboard.type("not-my-password")
    keyboard.press(Key.Key_Return)
    keyboard.type(PASSWORDS["cashier1"])
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Q, CTRL_SHIFT)
    assert window.mode is Mode.SIGNED_OUT


def test_a_supervisor_reads_the_trail_by_user_and_by_type(
    signed_out_window: Any, keyboard: Keyboard, qtbot: Any, ctx: ServiceContext
) -> None:
    window = signed_out_window
    a_cashiers_morning(window, keyboard)
    open_drawers(ctx, "super1")
    sign_in(keyboard, window, "super1")
    assert window.menus.audit_action.isVisible() and window.menus.audit_action.isEnabled()
    assert AUDIT_HINT in window.hints_label.text()

    keyboard.press(Key.Key_A, CTRL_SHIFT)
    dialog = window.audit_dialog
    assert dialog is not None and dialog.isVisible()
    wait_for_keyboard(qtbot, dialog.from_edit)
    assert dialog.start == dt.date(2026, 3, 10) and dialog.end == dt.date(2026, 3, 16)  # the last week
    everything = rows(dialog)
    assert everything[0]["Event"] == "Sign in" and everything[0]["User"] == "super1"  # latest first
    assert [int(r["Seq"]) for r in everything] == sorted((int(r["Seq"]) for r in everything), reverse=True)
    assert dialog.message_label.text() == f"{len(everything)} events match, latest first."
    # 19:00 UTC is 1 p.m. in Aurelia (mountain daylight time).
    assert {r["Time"] for r in everything} == {"03/16/2026 01:00:00 PM"}
    assert {r["Station"] for r in everything} == {"W01"}

    keyboard.press(Key.Key_U, ALT)
    assert QApplication.focusWidget() is dialog.user_field
    keyboard.type("cashier1")
    keyboard.press(Key.Key_Return)  # Enter in any filter shows what matches
    by_cashier = rows(dialog)
    assert {r["User"] for r in by_cashier} == {"cashier1"}
    assert [r["Event"] for r in reversed(by_cashier)] == ["Sign in", "Lock", "Unlock", "Unlock", "Sign out"]

    dialog.select_event_type("unlock")
    unlocks = rows(dialog)
    assert [(r["Success"], r["Object"]) for r in unlocks] == [("Yes", "cashier1"), ("No", "cashier1")]
    assert unlocks[1]["Details"] == "failures: 1, reason: wrong_password"
    assert dialog.model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # a failure stands out
    assert dialog.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert dialog.message_label.text() == "2 events match, latest first."

    keyboard.press(Key.Key_U, ALT)
    keyboard.press(Key.Key_A, CTRL)
    keyboard.press(Key.Key_Delete)
    keyboard.press(Key.Key_Return)
    assert rows(dialog) == unlocks  # nobody else unlocked
    dialog.select_event_type("")
    assert rows(dialog) == everything
    keyboard.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: window.audit_dialog is None, timeout=2000)
    wait_for_keyboard(qtbot, window.inquiry.search_field)


def test_the_dates_are_business_dates_in_the_city(
    signed_out_window: Any, keyboard: Keyboard, qtbot: Any, city_db: Any, ctx: ServiceContext
) -> None:
    ten_days_ago = ServiceContext(
        Database.open(city_db, quick_check=False), Settings(), clock=lambda: NOW - dt.timedelta(days=10)
    )
    try:
        service_sign_in(ten_days_ago, "cashier2", PASSWORDS["cashier2"])
    finally:
        ten_days_ago.close()
    window = signed_out_window
    open_drawers(ctx, "super1")
    sign_in(keyboard, window, "super1")
    keyboard.press(Key.Key_A, CTRL_SHIFT)
    dialog = window.audit_dialog
    wait_for_keyboard(qtbot, dialog.from_edit)
    assert "cashier2" not in {r["User"] for r in rows(dialog)}

    dialog.from_edit.setDate(QDate(2026, 3, 6))
    keyboard.press(Key.Key_Return)
    # Before the clocks went forward on March 8: 19:00 UTC was noon, mountain standard time.
    assert [r["Time"] for r in rows(dialog) if r["User"] == "cashier2"] == ["03/06/2026 12:00:00 PM"]

    dialog.from_edit.setDate(QDate(2026, 3, 17))
    keyboard.press(Key.Key_Return)
    assert dialog.message_label.text() == "The 'from' date is after the 'to' date."
    assert dialog.message_label.property("error") is True
    assert dialog.model.rowCount() == 0


def test_a_cashier_is_not_offered_the_audit_trail(window: Any, keyboard: Keyboard, ctx: ServiceContext) -> None:
    assert not window.menus.audit_action.isVisible()
    assert not window.menus.supervisor_menu.menuAction().isVisible()
    assert AUDIT_HINT not in window.hints_label.text()
    keyboard.press(Key.Key_A, CTRL_SHIFT)
    assert window.audit_dialog is None
    window.dialogs.open_audit_viewer()  # even asked directly
    assert window.audit_dialog is None
    with pytest.raises(PermissionDenied):  # and the service refuses anyway
        list_events(ctx, operator("cashier1"), AuditFilter())


def test_the_viewer_shows_the_services_refusal(qtbot: Any, ctx: ServiceContext) -> None:
    dialog = AuditDialog(ctx, operator("cashier1"))
    qtbot.addWidget(dialog)
    assert dialog.waiting  # it opens at once; the trail is read off the GUI thread
    assert dialog.message_label.text() == "Reading the audit trail…"
    assert rows(dialog) == []  # once the service has answered
    assert dialog.message_label.text() == (
        "cashier1 (cashier) may not view the audit trail. Ask a supervisor or administrator."
    )


def test_an_administrator_is_offered_the_audit_trail(signed_out_window: Any, keyboard: Keyboard) -> None:
    sign_in(keyboard, signed_out_window, "admin1")
    assert signed_out_window.menus.audit_action.isVisible()
    assert signed_out_window.menus.supervisor_menu.menuAction().isVisible()


def test_the_audit_model_passes_qt_model_checks(qtmodeltester: Any, ctx: ServiceContext) -> None:
    with pytest.raises(SignInRefused):  # a failure too, to show in red
        service_sign_in(ctx, "cashier1", "wrong-password-here")
    events = list_events(ctx, operator("super1"), AuditFilter())
    model = AuditEventsModel(ZoneInfo("America/Denver"))
    model.set_rows(events)
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in range(model.columnCount())] == COLUMNS
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 0).data(DISPLAY) == "1"
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)


def test_times_show_in_the_citys_time_zone(ctx: ServiceContext) -> None:
    events = list_events(ctx, operator("super1"), AuditFilter(limit=1))
    assert events[0].at.startswith("2026-03-16T19:00:00")
    assert AuditEventsModel(ZoneInfo("America/Denver")).columns[1].text(events[0]) == "03/16/2026 01:00:00 PM"
    assert AuditEventsModel(ZoneInfo("America/New_York")).columns[1].text(events[0]) == "03/16/2026 03:00:00 PM"
