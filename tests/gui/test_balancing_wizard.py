"""The end of a shift at the keyboard: the balancing wizard (Ctrl+Shift+B) on a drawer that took cash, a
check, a money order and a card; the Z report on the TCP printer emulator and its PDF read back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gui_support import Keyboard, operator, wait_for_keyboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QTableWidget, QWidget
from test_counter import CTRL_SHIFT, STUB, answer, post, rows, scan, supervisor_approves

from cashdesk.domain.money import Money
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services.context import ServiceContext, ServiceError
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from cashdesk.ui.main_window import Mode
from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier

#: What the drawer holds after the day below: the $160.00 float and $91.80 of cash kept.
BALANCED = {"B50": "1", "B20": "7", "B10": "3", "B5": "4", "B1": "1", "C25": "43", "C5": "1"}  # $251.80
#: $240.00 counted: $11.80 short, beyond the $5.00 limit.
SHORT = {"B100": "1", "B20": "5", "B10": "3", "B5": "2"}


@pytest.fixture
def settings_values(request: pytest.FixtureRequest, printer_emulator: PrinterEmulator,  # noqa: F811
                    tmp_path: Path) -> dict[str, Any]:  # fmt: skip
    values: dict[str, Any] = {"printer.spec": printer_emulator.spec}
    if getattr(request, "param", None):  # a reports folder under a file: it cannot be made
        values["reports.folder"] = str(tmp_path / "blocked" / "z")
    return values


@pytest.fixture
def day(window: Any, keyboard: Keyboard, ctx: ServiceContext) -> str:
    """Maria's stub paid with a $100 bill at the window ($8.20 change); then, through the service, Brown
    Hardware's $550.00: check #1042 for $300.00, money order MO-5551 for $200.00, $50.00 on a Visa card."""
    scan(keyboard, STUB)
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_F5)
    keyboard.type("100")
    keyboard.press(Key.Key_Return)
    post(keyboard, window)
    posted = post_receipt(
        ctx, operator("cashier1"), Cart((AccountPayment("2001", Money(55_000)),), payer="BROWN HARDWARE LLC"),
        [Tender(TenderKind.CHECK, Money(30_000), "1042"), Tender(TenderKind.MONEY_ORDER, Money(20_000), "MO-5551"),
         Tender(TenderKind.CARD, Money(5_000), "A1B2C3", "VISA", "4242")],
    )  # fmt: skip
    return posted.number


def open_wizard(keyboard: Keyboard, qtbot: Any, window: Any) -> Any:
    keyboard.press(Key.Key_B, CTRL_SHIFT)
    wizard = window.counter.shift.dialog
    assert wizard is not None and wizard.objectName() == "balancingWizard"
    wait_for_keyboard(qtbot, wizard.count_page.count_widget.first_field)
    return wizard


def count_cash(keyboard: Keyboard, wizard: Any, pieces: dict[str, str]) -> None:
    """Row by row from the $100 bills, Enter after each; Enter on the last row goes on."""
    page = wizard.currentPage()
    for code, field in page.count_widget.count_fields.items():
        assert QApplication.focusWidget() is field, code
        if code in pieces:
            keyboard.type(pieces[code])
        keyboard.press(Key.Key_Return)


def tick(keyboard: Keyboard, wizard: Any, rows_present: list[int]) -> None:
    """On the list of checks and money orders: ↓ to each row, Space ticks it; Enter goes on."""
    table = wizard.items_page.table
    assert QApplication.focusWidget() is table and table.currentRow() == 0
    for row in range(table.rowCount()):
        if row:
            keyboard.press(Key.Key_Down)
        if row in rows_present:
            keyboard.press(Key.Key_Space)
    keyboard.press(Key.Key_Return)


def settle_cards(keyboard: Keyboard, qtbot: Any, wizard: Any, total: str) -> None:
    wait_for_keyboard(qtbot, wizard.card_page.total_field)
    keyboard.type(total)
    keyboard.press(Key.Key_Return)


def count_all(keyboard: Keyboard, qtbot: Any, wizard: Any, pieces: dict[str, str], present: list[int],
              cards: str = "50") -> None:  # fmt: skip
    count_cash(keyboard, wizard, pieces)
    assert wizard.currentPage() is wizard.items_page
    tick(keyboard, wizard, present)
    settle_cards(keyboard, qtbot, wizard, cards)
    assert wizard.currentPage() is wizard.summary_page, wizard.card_page.message_label.text()


def visible_text(wizard: Any) -> str:
    """Everything the wizard shows right now: labels, fields, buttons, tables, the title."""
    parts = [wizard.windowTitle()]
    for widget in wizard.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QLineEdit, QAbstractButton)):
            parts.append(widget.text())
        elif isinstance(widget, QTableWidget):
            parts += [widget.item(r, c).text() for r in range(widget.rowCount()) for c in range(widget.columnCount())
                      if widget.item(r, c) is not None]  # fmt: skip
    return "\n".join(parts)


def finish(keyboard: Keyboard, qtbot: Any, window: Any, wizard: Any) -> None:
    """Enter on the summary, Enter on the float page (closes the drawer), Enter on Finish."""
    if wizard.currentPage() is wizard.summary_page:
        keyboard.press(Key.Key_Return)
    assert wizard.currentPage() is wizard.float_page, wizard.summary_page.message_label.text()
    wait_for_keyboard(qtbot, wizard.button(wizard.WizardButton.CommitButton))
    keyboard.press(Key.Key_Return)
    assert wizard.currentPage() is wizard.closed_page, wizard.float_page.message_label.text()
    wait_for_keyboard(qtbot, wizard.button(wizard.WizardButton.FinishButton))
    keyboard.press(Key.Key_Return)
    qtbot.waitUntil(lambda: window.counter.shift.dialog is None, timeout=2000)


# -- a balanced close ----------------------------------------------------------------------------------


def test_a_balanced_close_prints_the_z_report_saves_its_pdf_and_takes_no_more_payments(
    window: Any,
    keyboard: Keyboard,
    qtbot: Any,
    city_db: Path,
    day: str,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    from pypdf import PdfReader

    wizard = open_wizard(keyboard, qtbot, window)
    count_cash(keyboard, wizard, BALANCED)
    table = wizard.items_page.table
    assert [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())] == [
        ["Check", "1042", "BROWN HARDWARE LLC", "$300.00", day],
        ["Money order", "MO-5551", "BROWN HARDWARE LLC", "$200.00", day],
    ]
    tick(keyboard, wizard, [0, 1])
    settle_cards(keyboard, qtbot, wizard, "50")

    summary = wizard.summary_page
    assert wizard.currentPage() is summary
    assert summary.over_short_label.text() == "Balanced"
    assert not summary.flags_label.isVisible() and not summary.reason_field.isVisible()
    balance = summary.table
    assert [[balance.item(r, c).text() for c in range(4)] for r in range(balance.rowCount())] == [
        ["Cash", "$251.80", "$251.80", "Balanced"],
        ["Check", "$300.00", "$300.00", "Balanced"],
        ["Money order", "$200.00", "$200.00", "Balanced"],
        ["Card", "$50.00", "$50.00", "Balanced"],
        ["Total", "$801.80", "$801.80", "Balanced"],
    ]
    keyboard.press(Key.Key_Return)
    float_page = wizard.float_page
    assert wizard.currentPage() is float_page
    assert float_page.count_widget.total_label.text() == "$160.00"  # the opening float, suggested
    assert float_page.deposit_label.text() == "Cash to the deposit: $91.80"
    finish(keyboard, qtbot, window, wizard)

    ((drawer_id, status),) = rows(city_db, "SELECT id, status FROM drawers")
    assert status == "closed"
    assert rows(
        city_db, "SELECT over_short_cents, float_kept_cents, deposit_cash_cents, closed_by FROM drawer_closes"
    ) == [(0, 16_000, 9_180, "cashier1")]
    pdf = city_db.parent / "reports" / f"z-report-W01-{drawer_id}.pdf"
    assert pdf.exists()
    pdf_text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Z REPORT" in pdf_text and "$251.80" in pdf_text

    def z_printed() -> bool:
        return any("Z REPORT" in text for text in printer_emulator.receipts_text())

    qtbot.waitUntil(z_printed, timeout=10_000)
    (z_text,) = [t for t in printer_emulator.receipts_text() if "Z REPORT" in t]
    for part in ("cashier1", "Expected cash", "$251.80", "Money order", "OVER/SHORT", "Float kept"):
        assert part in z_text, part
    assert rows(city_db, "SELECT kind FROM print_jobs WHERE kind = 'z_report'") == [("z_report",)]

    counter = window.counter
    assert counter.drawer is None and counter.drawer_label.text() == "No drawer open"
    assert counter.message_label.text() == (
        f"Drawer {drawer_id} is closed (balanced); the Z report is printing. No drawer is open: open a new one "
        "with Ctrl+Shift+D (count the float)."
    )
    wait_for_keyboard(qtbot, window.inquiry.search_field)
    scan(keyboard, STUB)  # the next customer: no payment without a drawer, the float count comes up
    assert window.mode is Mode.WORKING and window.work.currentWidget() is window.float_screen
    assert rows(city_db, "SELECT count(*) FROM receipts") == [(2,)]


@pytest.mark.parametrize("settings_values", ["reports in a folder that cannot be made"], indirect=True)
def test_a_pdf_that_cannot_be_saved_does_not_undo_the_close_and_is_saved_again(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path, day: str, tmp_path: Path
) -> None:
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the reports folder should be")
    wizard = open_wizard(keyboard, qtbot, window)
    count_all(keyboard, qtbot, wizard, BALANCED, [0, 1])
    keyboard.press(Key.Key_Return)
    wait_for_keyboard(qtbot, wizard.button(wizard.WizardButton.CommitButton))
    keyboard.press(Key.Key_Return)

    closed = wizard.closed_page
    assert wizard.currentPage() is closed
    assert rows(city_db, "SELECT status FROM drawers") == [("closed",)]
    assert closed.pdf_label.text().startswith("The PDF copy of the Z report could not be saved (Could not save")
    assert closed.pdf_button.isVisible()
    blocker.unlink()
    keyboard.press(Key.Key_A, ALT)  # a button's Alt key clicks it a moment later, as a click shows
    saved = blocker / "z" / f"z-report-W01-{wizard.drawer_id}.pdf"
    qtbot.waitUntil(saved.exists, timeout=2000)
    assert closed.pdf_label.text() == f"A PDF copy of the Z report is saved: {saved}"
    assert saved.exists() and not closed.pdf_button.isVisible()
    wait_for_keyboard(qtbot, wizard.button(wizard.WizardButton.FinishButton))
    keyboard.press(Key.Key_Escape)  # closed already: Esc just closes
    qtbot.waitUntil(lambda: window.counter.shift.dialog is None, timeout=2000)


# -- the blind count -------------------------------------------------------------------------------


def test_the_count_page_never_shows_what_the_drawer_should_hold(
    window: Any, keyboard: Keyboard, qtbot: Any, day: str
) -> None:
    wizard = open_wizard(keyboard, qtbot, window)
    assert wizard.currentPage() is wizard.count_page
    expected = ("251.80", "251", "801.80", "160.00")  # the cash, all tenders, the float
    shown = visible_text(wizard)
    assert "Counted by cashier1" in shown
    for figure in expected:
        assert figure not in shown, figure
    keyboard.press(Key.Key_Return)
    keyboard.type("1")  # one $50 bill: still nothing about what is expected
    shown = visible_text(wizard)
    assert "$50.00" in shown
    for figure in expected:
        assert figure not in shown, figure

    keyboard.press(Key.Key_Escape)  # a count was typed: asks first
    answer(qtbot, Key.Key_N)
    assert wizard.isVisible()
    wait_for_keyboard(qtbot, wizard.count_page.count_widget.count_fields["B50"])
    keyboard.press(Key.Key_Escape)
    answer(qtbot, Key.Key_Y)
    qtbot.waitUntil(lambda: window.counter.shift.dialog is None, timeout=2000)
    assert window.counter.drawer is not None  # the drawer stays open


def test_the_card_page_does_not_show_the_card_payments_recorded(
    window: Any, keyboard: Keyboard, qtbot: Any, day: str, city_db: Path
) -> None:
    wizard = open_wizard(keyboard, qtbot, window)
    count_cash(keyboard, wizard, BALANCED)
    tick(keyboard, wizard, [0, 1])
    assert wizard.currentPage() is wizard.card_page
    assert "50.00" not in visible_text(wizard)
    assert rows(city_db, "SELECT count(*) FROM drawer_counts") == [(0,)]  # nothing recorded before the summary


# -- a variance over the limit --------------------------------------------------------------------


def test_a_variance_over_the_limit_needs_a_reason_and_a_supervisor(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path, day: str, ctx: ServiceContext
) -> None:
    from cashdesk.services.balancing import close_drawer

    wizard = open_wizard(keyboard, qtbot, window)
    count_all(keyboard, qtbot, wizard, SHORT, [0, 1])
    summary = wizard.summary_page
    assert summary.over_short_label.text() == "Short $11.80"
    assert summary.limit_label.text() == (
        "Short $11.80 is beyond the limit of $5.00: recount (Alt+R), or give the reason and a supervisor approves "
        "it when you go on."
    )
    assert QApplication.focusWidget() is summary.reason_field
    keyboard.press(Key.Key_Return)  # no reason
    assert summary.message_label.text() == "Give the reason for the variance, or recount (Alt+R)."
    assert wizard.currentPage() is summary

    keyboard.type("gave too much change")
    keyboard.press(Key.Key_Return)
    approval = wizard.approval_dialog
    assert approval is not None and approval.object_label.text() == f"drawer {wizard.drawer_id}"
    assert approval.action_label.text() == "Accept a drawer variance over the limit"
    wait_for_keyboard(qtbot, approval.form.user_field)
    keyboard.press(Key.Key_Escape)  # the supervisor does not approve
    qtbot.waitUntil(lambda: wizard.approval_dialog is None, timeout=2000)
    assert summary.message_label.text() == "Accept a drawer variance over the limit: not approved, nothing done."
    assert wizard.currentPage() is summary
    with pytest.raises(ServiceError):  # the service refuses the close without the approval too
        close_drawer(ctx, operator("cashier1"), count_id=wizard.result.count_id,
                     float_kept=wizard.result.suggested_float, reason="gave too much change")  # fmt: skip
    assert rows(city_db, "SELECT status FROM drawers") == [("open",)]

    wait_for_keyboard(qtbot, summary.reason_field)
    keyboard.press(Key.Key_Return)
    supervisor_approves(qtbot, keyboard, wizard.approval_dialog, "super1")
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.float_page, timeout=2000)
    finish(keyboard, qtbot, window, wizard)

    assert rows(city_db, "SELECT status FROM drawers") == [("closed",)]
    assert rows(city_db, "SELECT over_short_cents, reason, approved_by FROM drawer_closes") == [
        (-1180, "gave too much change", "super1")
    ]
    assert "short $11.80" in window.counter.message_label.text()


# -- missing and extra items -----------------------------------------------------------------------


def test_a_missing_check_and_an_extra_money_order_are_flagged_on_the_summary(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path, day: str
) -> None:
    wizard = open_wizard(keyboard, qtbot, window)
    count_cash(keyboard, wizard, BALANCED)
    items = wizard.items_page
    table = items.table
    keyboard.press(Key.Key_Down)  # the check is not in the drawer: only the money order is ticked
    keyboard.press(Key.Key_Space)
    assert items.ticked_label.text() == "1 of 2 ticked present."
    keyboard.press(Key.Key_I, ALT)  # the item found: a money order nobody recorded
    assert QApplication.focusWidget() is items.kind_box
    keyboard.press(Key.Key_Down)  # Check -> Money order
    assert items.kind_box.currentText() == "Money order"
    keyboard.press(Key.Key_Return)
    assert QApplication.focusWidget() is items.number_field
    keyboard.type("777")
    keyboard.press(Key.Key_Return)
    keyboard.type("20")
    keyboard.press(Key.Key_Return)
    assert items.extra_list.count() == 1 and items.extra_list.item(0).text() == "Money order #777, $20.00"
    assert QApplication.focusWidget() is table
    keyboard.press(Key.Key_Return)
    settle_cards(keyboard, qtbot, wizard, "50")

    summary = wizard.summary_page
    assert wizard.currentPage() is summary
    assert summary.flags_label.isVisible()
    assert summary.flags_label.text() == (
        f"MISSING: check #1042 from BROWN HARDWARE LLC, $300.00 (receipt {day}) is not in the drawer.\n"
        "EXTRA: money order #777, $20.00 is in the drawer but was not recorded."
    )
    assert summary.over_short_label.text() == "Short $280.00"
    assert rows(city_db, "SELECT attempt, over_short_cents FROM drawer_counts") == [(1, -28_000)]


# -- recount and the second count -------------------------------------------------------------------


def test_a_recount_is_recorded_as_attempt_2_and_the_close_uses_it(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path, day: str
) -> None:
    wizard = open_wizard(keyboard, qtbot, window)
    count_all(keyboard, qtbot, wizard, SHORT, [0, 1])
    assert wizard.summary_page.attempt_label.text().startswith(f"Drawer {wizard.drawer_id}: attempt 1")
    keyboard.press(Key.Key_R, ALT)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.count_page, timeout=2000)
    wait_for_keyboard(qtbot, wizard.count_page.count_widget.first_field)
    assert wizard.count_page.count_widget.total_label.text() == "$0.00"  # a new count from the start
    count_all(keyboard, qtbot, wizard, BALANCED, [0, 1])
    summary = wizard.summary_page
    assert summary.attempt_label.text() == f"Drawer {wizard.drawer_id}: attempt 2, counted by cashier1."
    assert summary.over_short_label.text() == "Balanced"
    finish(keyboard, qtbot, window, wizard)

    counts = rows(city_db, "SELECT id, attempt, role, over_short_cents FROM drawer_counts ORDER BY attempt")
    assert [(a, role, cents) for _, a, role, cents in counts] == [(1, "cashier", -1180), (2, "cashier", 0)]
    assert rows(city_db, "SELECT count_id, over_short_cents FROM drawer_closes") == [(counts[1][0], 0)]
    assert rows(city_db, "SELECT count(*) FROM audit_events WHERE event_type = 'drawer_count'") == [(2,)]


def test_a_supervisor_counts_a_second_time_and_the_summary_shows_both(
    window: Any, keyboard: Keyboard, qtbot: Any, city_db: Path, day: str
) -> None:
    wizard = open_wizard(keyboard, qtbot, window)
    count_all(keyboard, qtbot, wizard, BALANCED, [0, 1])
    keyboard.press(Key.Key_S, ALT)
    qtbot.waitUntil(lambda: wizard.approval_dialog is not None, timeout=2000)
    approval = wizard.approval_dialog
    assert approval is not None and approval.action_label.text() == "Count a cashier's drawer a second time"
    supervisor_approves(qtbot, keyboard, approval, "super2")
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.count_page, timeout=2000)
    assert wizard.count_page.who_label.text() == "Second count by super2 (supervisor)"
    wait_for_keyboard(qtbot, wizard.count_page.count_widget.first_field)
    count_all(keyboard, qtbot, wizard, {**BALANCED, "C5": ""}, [0, 1])  # the supervisor finds 5¢ less

    summary = wizard.summary_page
    assert summary.over_short_label.text() == "Balanced"  # the cashier's count
    assert summary.second_label.isVisible()
    assert summary.second_label.text() == "Second count by super2 (supervisor), attempt 2: Short $0.05"
    finish(keyboard, qtbot, window, wizard)

    assert rows(city_db, "SELECT attempt, counted_by, role, over_short_cents FROM drawer_counts ORDER BY attempt") == [
        (1, "cashier1", "cashier", 0), (2, "super2", "supervisor", -5)]  # fmt: skip
    ((second_id,),) = rows(city_db, "SELECT id FROM drawer_counts WHERE role = 'supervisor'")
    assert rows(city_db, "SELECT second_count_id FROM drawer_closes") == [(second_id,)]
