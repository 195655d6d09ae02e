"""A supervisor closes the business day and exports its deposit at the keyboard (Ctrl+Shift+E)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pypdf
from dialog_support import answer
from gui_support import TODAY, Keyboard, open_drawers, operator, sign_in, wait_for_keyboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cashdesk.services.context import ServiceContext

Key = Qt.Key
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def close_drawer_of(ctx: ServiceContext, user_id: str) -> None:
    """The cashier balanced: counted exactly what the drawer should hold, kept the float."""
    from cashdesk.services.balancing import CountInput, close_drawer, items_to_verify, record_count
    from cashdesk.services.shift import x_report

    cashier = operator(user_id)
    report = x_report(ctx, cashier)
    from cashdesk.services.simulate import greedy_count

    present = frozenset(item.tender_id for item in items_to_verify(ctx, cashier))
    counted = record_count(ctx, cashier, CountInput(greedy_count(report.expected_cash), present))
    close_drawer(ctx, cashier, count_id=counted.count_id, float_kept=counted.suggested_float)


def test_the_day_closes_only_when_every_drawer_is_closed_then_the_deposit_is_saved(
    signed_out_window: Any, keyboard: Keyboard, qtbot: Any, ctx: ServiceContext, city_db: Path, tmp_path: Path
) -> None:
    window = signed_out_window
    window.deposits_folder = tmp_path / "deposits"
    open_drawers(ctx, "cashier1")
    sign_in(keyboard, window, "super1")
    assert window.menus.close_day_action.isVisible()
    keyboard.press(Key.Key_E, CTRL_SHIFT)
    dialog = window.extra_dialog
    assert dialog is not None
    wait_for_keyboard(qtbot, dialog.date_field)
    assert dialog.date_field.text() == TODAY.isoformat()
    keyboard.press(Key.Key_Return)  # the day as it stands
    assert "Still open: station W01, cashier1" in dialog.status_label.text()
    assert QApplication.focusWidget() is dialog.ticket_field
    keyboard.type("D-1001")
    keyboard.press(Key.Key_Return)
    keyboard.type("BAG-77")
    keyboard.press(Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.working, timeout=3000)  # the day closes off the GUI thread
    assert "cannot close" in dialog.message_label.text() and "cashier1" in dialog.message_label.text()
    assert not (tmp_path / "deposits").exists()

    close_drawer_of(ctx, "cashier1")  # the cashier balances meanwhile
    assert QApplication.focusWidget() is dialog.date_field  # the refusal put the cursor back on the date
    for _ in range(3):  # date, ticket, bag: the numbers typed are still there
        keyboard.press(Key.Key_Return)
    answer(qtbot, "dayCloseQuestion", Key.Key_Return)  # the question repeats the day: Enter closes it
    qtbot.waitUntil(lambda: dialog.exported is not None, timeout=3000)
    assert f"Exported the deposit of {TODAY}" in dialog.message_label.text()
    assert "is closed (super1)" in dialog.status_label.text()
    con = sqlite3.connect(city_db)
    try:
        assert con.execute("SELECT status, closed_by, ticket_number, bag_number FROM business_days").fetchall() == [
            ("closed", "super1", "D-1001", "BAG-77")]  # fmt: skip
    finally:
        con.close()
    slip = tmp_path / "deposits" / f"deposit-slip-{TODAY}.pdf"
    text = "".join(page.extract_text() for page in pypdf.PdfReader(slip).pages)
    assert "D-1001" in text and "BAG-77" in text
    assert len(list((tmp_path / "deposits").iterdir())) == 6  # the five files and their manifest, written last
    # The backup the close started follows in the background, shown with a bar, and says how it ended.
    progress = dialog.backup_progress
    assert progress.isVisible()
    qtbot.waitUntil(lambda: progress.outcome is not None, timeout=20000)
    assert f"Backed up to {progress.outcome.path}." == progress.label.text() and progress.outcome.path.is_file()
    keyboard.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: window.extra_dialog is None, timeout=2000)


def test_a_cashier_has_no_day_close(window: Any, keyboard: Keyboard) -> None:
    assert not window.menus.close_day_action.isVisible()
    keyboard.press(Key.Key_E, CTRL_SHIFT)
    assert window.extra_dialog is None


def test_an_unposted_mail_batch_keeps_the_day_open(
    signed_out_window: Any, keyboard: Keyboard, qtbot: Any, ctx: ServiceContext, tmp_path: Path
) -> None:
    from cashdesk.domain.money import Money
    from cashdesk.services.mail_batches import open_batch

    batch = open_batch(ctx, operator("cashier1"), control_count=2, control_total=Money(5000))
    window = signed_out_window
    window.deposits_folder = tmp_path / "deposits"
    sign_in(keyboard, window, "super1")
    keyboard.press(Key.Key_E, CTRL_SHIFT)
    dialog = window.extra_dialog
    assert dialog is not None
    wait_for_keyboard(qtbot, dialog.date_field)
    keyboard.press(Key.Key_Return)
    assert f"Still open: mail batch {batch.number} (open, cashier1)" in dialog.status_label.text()
