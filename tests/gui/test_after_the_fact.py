"""What the screen says after the fact, at 1024×768 and 1280×800, by keyboard: a void takes the
change panel away and says what to hand back; the supervisor's approval shows what is approved, in
money and accounts; a cash drop and a drawer close take the last customer's change off the screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from gui_support import Keyboard, sign_in, wait_for_keyboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_balancing_wizard import BALANCED, SHORT, count_all, day, finish, open_wizard  # noqa: F401
from test_counter import CTRL_SHIFT, STUB, find_and_open, post, rows, scan, supervisor_approves

from cashdesk.services.context import ServiceContext
from tests.support.city import add_account, add_item
from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401

Key = Qt.Key
SIZES = [(1024, 768), (1280, 800)]


@pytest.fixture
def settings_values(printer_emulator: PrinterEmulator) -> dict[str, Any]:  # noqa: F811
    return {"printer.spec": printer_emulator.spec}


@pytest.fixture(params=SIZES, ids=["1024x768", "1280x800"])
def sized(request: pytest.FixtureRequest, window: Any, qtbot: Any) -> Any:
    """The signed-in window at the screen size of a city workstation."""
    window.resize(*request.param)
    qtbot.wait(10)
    return window


def pay_with_a_hundred(keyboard: Keyboard, window: Any) -> str:
    """Maria Alvarez's $91.80 stub paid with a $100 bill: $8.20 change on the green panel."""
    scan(keyboard, STUB)
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_F5)
    keyboard.type("100")
    keyboard.press(Key.Key_Return)
    number = post(keyboard, window)
    assert window.counter.change_box.isVisible() and window.counter.change_label.text() == "$8.20"
    return number


def shown(dialog: Any) -> str:
    """The approval as the supervisor reads it: what is approved, visible and in full."""
    label = dialog.details_label
    assert label.isVisible() and label.wordWrap()
    assert dialog.width() <= dialog.screen().availableGeometry().width()
    return str(label.text())


def test_a_void_shows_the_supervisor_the_money_then_says_what_to_hand_back(
    sized: Any,
    keyboard: Keyboard,
    qtbot: Any,
    city_db: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    window = sized
    number = pay_with_a_hundred(keyboard, window)
    qtbot.waitUntil(lambda: printer_emulator.drawer_kicks() == 1, timeout=10_000)

    keyboard.press(Key.Key_V, CTRL_SHIFT)
    dialog = window.void_dialog
    wait_for_keyboard(qtbot, dialog.reason_field)
    keyboard.type("wrong account")
    keyboard.press(Key.Key_Return)
    approval = dialog.approval_dialog
    assert approval is not None
    assert shown(approval).splitlines() == [
        f"Receipt {number}: $91.80, taken by cashier1",
        "  Account 1001 ALVAREZ, MARIA: $91.80",
        "Paid by Cash $100.00; change $8.20",
        "Hand back $91.80 cash.",
    ]
    supervisor_approves(qtbot, keyboard, approval, "super1")
    qtbot.waitUntil(lambda: window.void_dialog is None, timeout=2000)

    assert not window.counter.change_box.isVisible()  # "Change due $8.20" is no longer true
    assert window.counter.message_label.text() == (
        f"Receipt {number} is void (approved by super1). Hand back $91.80 cash. The void slip is printing."
    )
    assert window.counter.message_label.isVisible()
    qtbot.waitUntil(lambda: printer_emulator.drawer_kicks() == 2, timeout=10_000)  # open for the cash
    qtbot.waitUntil(lambda: any("VOID" in t for t in printer_emulator.receipts_text()), timeout=10_000)
    (slip,) = [t for t in printer_emulator.receipts_text() if "VOID" in t]
    assert "Voided" in slip and "Approved by" in slip and "super1" in slip
    wait_for_keyboard(qtbot, window.inquiry.search_field)


def test_a_receipt_that_cannot_be_voided_is_refused_before_a_supervisor_is_called(
    sized: Any, keyboard: Keyboard, qtbot: Any
) -> None:
    window = sized
    keyboard.press(Key.Key_V, CTRL_SHIFT)
    dialog = window.void_dialog
    wait_for_keyboard(qtbot, dialog.number_field)
    keyboard.type("W01-2026-999999")
    keyboard.press(Key.Key_Return)
    keyboard.type("keyed twice")
    keyboard.press(Key.Key_Return)
    assert dialog.approval_dialog is None
    assert dialog.message_label.text() == "There is no receipt W01-2026-999999. Check the number on the receipt."


def test_a_paid_out_shows_the_amount_the_payee_and_the_revenue_code(sized: Any, keyboard: Keyboard, qtbot: Any) -> None:
    window = sized
    keyboard.press(Key.Key_P, CTRL_SHIFT)
    dialog = window.counter.shift.dialog
    wait_for_keyboard(qtbot, dialog.account_field)
    keyboard.press(Key.Key_Return)  # no account: charged to a revenue code
    keyboard.type("bldgprmt")
    keyboard.press(Key.Key_Return)
    keyboard.type("Ana Diaz")
    keyboard.press(Key.Key_Return)
    keyboard.type("25")
    keyboard.press(Key.Key_Return)
    keyboard.type("permit withdrawn")
    keyboard.press(Key.Key_Return)
    approval = dialog.approval_dialog
    assert approval is not None
    assert shown(approval).splitlines() == [
        f"Pay out $25.00 cash from drawer {window.counter.drawer.id} to Ana Diaz",
        "  Charged to revenue code BLDGPRMT",
    ]
    keyboard.press(Key.Key_Escape)


def test_a_no_sale_says_no_money_moves(sized: Any, keyboard: Keyboard, qtbot: Any) -> None:
    window = sized
    keyboard.press(Key.Key_O, CTRL_SHIFT)
    dialog = window.extra_dialog
    wait_for_keyboard(qtbot, dialog.reason_field)
    keyboard.type("change for the safe")
    keyboard.press(Key.Key_Return)
    approval = dialog.approval_dialog
    assert approval is not None
    assert shown(approval) == f"Open drawer {dialog.drawer_id} with no sale: no money is taken in or paid out"
    keyboard.press(Key.Key_Escape)


def test_a_variance_shows_the_short_and_the_drawer(sized: Any, keyboard: Keyboard, qtbot: Any, day: str) -> None:
    window = sized  # the day: Maria's stub paid with a $100 bill, Brown Hardware's check, money order and card
    wizard = open_wizard(keyboard, qtbot, window)
    count_all(keyboard, qtbot, wizard, SHORT, [0, 1])
    keyboard.type("gave too much change")
    keyboard.press(Key.Key_Return)
    approval = wizard.approval_dialog
    assert approval is not None
    assert shown(approval).splitlines() == [
        f"Drawer {wizard.drawer_id} (counted by cashier1): Short $11.80, beyond the limit of $5.00",
        "  Cash: expected $251.80, counted $240.00, Short $11.80",
    ]
    assert "over/short" not in shown(approval).lower()
    keyboard.press(Key.Key_Escape)


def test_a_cash_drop_takes_the_last_customers_change_off_the_screen(sized: Any, keyboard: Keyboard, qtbot: Any) -> None:
    window = sized
    pay_with_a_hundred(keyboard, window)
    keyboard.press(Key.Key_C, CTRL_SHIFT)
    dialog = window.counter.shift.dialog
    wait_for_keyboard(qtbot, dialog.count_widget.first_field)
    keyboard.press(Key.Key_Return)  # no $100 bills
    keyboard.type("1")  # one $50 bill
    while QApplication.focusWidget() is not dialog.drop_button:
        keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Return)
    qtbot.waitUntil(lambda: window.counter.shift.dialog is None, timeout=2000)
    assert window.counter.message_label.text().startswith("Cash drop ")
    assert not window.counter.change_box.isVisible()


def test_a_drawer_close_takes_the_last_customers_change_off_the_screen(
    sized: Any, keyboard: Keyboard, qtbot: Any, city_db: Path, day: str
) -> None:
    window = sized  # the day ends with Maria's $8.20 change on the green panel
    wizard = open_wizard(keyboard, qtbot, window)
    assert window.counter.change_box.isVisible() and window.counter.change_label.text() == "$8.20"
    count_all(keyboard, qtbot, wizard, BALANCED, [0, 1])
    finish(keyboard, qtbot, window, wizard)
    assert window.counter.message_label.text().startswith(f"Drawer {wizard.drawer_id} is closed (balanced)")
    assert not window.counter.change_box.isVisible()
    assert rows(city_db, "SELECT status FROM drawers") == [("closed",)]

    wait_for_keyboard(qtbot, window.inquiry.search_field)
    keyboard.press(Key.Key_D, CTRL_SHIFT)  # the next drawer: nothing of the last one's receipts on screen
    screen = window.float_screen
    assert window.work.currentWidget() is screen
    wait_for_keyboard(qtbot, screen.first_field)
    keyboard.press(Key.Key_Return)  # no $100 bills
    keyboard.press(Key.Key_Return)  # no $50 bills
    keyboard.type("5")  # five $20 bills
    while QApplication.focusWidget() is not screen.open_button:
        keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Return)
    assert window.work.currentWidget() is window.counter
    assert "Drawer open with a float of $100.00" in window.counter.message_label.text()
    assert not window.counter.change_box.isVisible()


def test_a_deposit_held_is_not_painted_like_a_shut_off(
    sized: Any, keyboard: Keyboard, qtbot: Any, ctx: ServiceContext
) -> None:
    window = sized
    with ctx.db.unit_of_work() as uow:  # an account in good standing that only holds a deposit
        kim = add_account(uow, "1004", "KIM, SORA", "3 Ash St", deposit_held_cents=15000)
        add_item(uow, kim, "WATER", "Water, February", dt.date(2026, 3, 1), dt.date(2026, 3, 25), 4000)
        uow.commit()
    for query in ("1004", "1002"):  # Sora Kim: deposit held; Jose Alvarez: shut off, cash only, deposit held
        find_and_open(keyboard, window, query)
        keyboard.type("10")
        keyboard.press(Key.Key_Return)
    pane = window.inquiry.pane
    assert {label.text(): label.property("severity") for label in pane.flag_labels} == {
        "Cash only": "caution",
        "Shut off": "stop",
        "Deposit held $150.00": "info",
    }
    lines = window.counter.lines_model
    assert [lines.index(row, 0).data() for row in range(2)] == [
        "Account 1004 — KIM, SORA",
        "Account 1002 — ALVAREZ, JOSE",
    ]
    assert lines.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None  # plain: nothing to stop for
    assert lines.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Deposit held $150.00"
    red = lines.index(1, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert red is not None and red.color().name() == "#b00020"


def test_a_second_cashier_at_a_one_till_station_is_told_why_the_drawer_will_not_open(
    sized: Any, keyboard: Keyboard, qtbot: Any, city_db: Path
) -> None:
    window = sized  # cashier1's drawer is open at W01
    window.station_lock.sign_out()
    sign_in(keyboard, window, "cashier2")
    screen = window.float_screen
    assert window.work.currentWidget() is screen
    keyboard.press(Key.Key_Return)  # no $100 bills
    keyboard.press(Key.Key_Return)  # no $50 bills
    keyboard.type("5")  # five $20 bills
    while QApplication.focusWidget() is not screen.open_button:
        keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Return)
    assert window.work.currentWidget() is screen  # still counting: no drawer opened
    said = screen.message_label.text()
    assert said.startswith("Station W01 has one till and drawer ") and "(cashier1) is open in it already" in said
    assert "Close that drawer first" in said and screen.message_label.isVisible()
    assert rows(city_db, "SELECT cashier FROM drawers") == [("cashier1",)]
