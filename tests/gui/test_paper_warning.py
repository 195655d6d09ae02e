"""The receipt paper warning where the cashier looks: over the counter at the start of work when the
roll is nearly used up, as soon as a printed receipt takes it under its level, gone once a new roll
is issued on the supplies screen; on the city's 1024×768 and 1280×800 screens, on a real TCP ESC/POS
printer (the emulator). A 1 m roll (263 lines at 3.8 mm) keeps the numbers small."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from dialog_support import SCREENS
from gui_support import Keyboard, open_drawers, sign_in, wait_for_keyboard
from PySide6.QtCore import Qt
from test_counter import CTRL_SHIFT, STUB, post, printed, rows, scan

from cashdesk.domain.security import Role
from cashdesk.domain.supplies import MovementKind
from cashdesk.services import supplies
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.store import supplies as supplies_store
from cashdesk.ui.supplies import SuppliesDialog
from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401

Key = Qt.Key
SUPERVISOR = Operator("super1", Role.SUPERVISOR)
LINES_PER_ROLL = 263  # 1 m of paper at 3.8 mm a line


@pytest.fixture
def settings_values(printer_emulator: PrinterEmulator) -> dict[str, Any]:  # noqa: F811
    return {"printer.spec": printer_emulator.spec, "supplies.roll_length_m": 1}


@pytest.fixture(params=SCREENS, ids=["1024x768", "1280x800"])
def screen(request: pytest.FixtureRequest) -> tuple[int, int]:
    return request.param  # type: ignore[no-any-return]


def roll_with(ctx: ServiceContext, lines: int) -> None:
    """A new roll went into W01's printer (issued from stock), and `lines` lines were printed on it."""
    supplies.add_item(ctx, SUPERVISOR, "PAPER-ROLL", "Receipt paper roll", unit="roll", minimum=2)
    supplies.move(ctx, SUPERVISOR, "PAPER-ROLL", MovementKind.RECEIVED, 6)
    supplies.move(ctx, SUPERVISOR, "PAPER-ROLL", MovementKind.ISSUED, 1)
    with ctx.db.unit_of_work() as uow:
        supplies_store.paper_printed(uow.rows, ctx.station, lines)
        uow.commit()


def start_work(window: Any, keyboard: Keyboard, ctx: ServiceContext, screen: tuple[int, int]) -> None:
    window.resize(*screen)
    open_drawers(ctx, "cashier1")
    sign_in(keyboard, window, "cashier1")
    assert window.ready_for_next


def test_a_nearly_used_roll_is_shown_at_the_start_of_work_until_a_new_one_is_issued(
    signed_out_window: Any, keyboard: Keyboard, qtbot: Any, ctx: ServiceContext, screen: tuple[int, int]
) -> None:
    roll_with(ctx, 250)  # 95% used: 5% left, under the 10% warning level
    assert not signed_out_window.paper_banner.isVisible()  # nobody at work: nothing said yet
    start_work(signed_out_window, keyboard, ctx, screen)
    banner = signed_out_window.paper_banner
    assert banner.isVisible() and banner.text() == (
        "Receipt paper low at W01: about 5% of the roll is left. Put in a new roll soon, then record it: "
        "Supplies (Ctrl+Shift+U), PAPER-ROLL, F6 issued, 1."
    )
    assert banner.width() <= screen[0] and not signed_out_window.search_field.visibleRegion().isEmpty()
    wait_for_keyboard(qtbot, signed_out_window.search_field)  # the banner takes no keys

    keyboard.press(Key.Key_U, CTRL_SHIFT)  # the supplies screen: issue the new roll put in
    dialog = signed_out_window.mail_dialog
    assert isinstance(dialog, SuppliesDialog)
    wait_for_keyboard(qtbot, dialog.table)
    assert "nearly used up (about 5% left)" in dialog.paper_label.text()
    keyboard.press(Key.Key_F6)
    keyboard.type("1")
    keyboard.press(Key.Key_Return)
    assert dialog.message.text() == "PAPER-ROLL: issued 1; on hand 4."
    assert dialog.paper_label.text() == ""
    keyboard.press(Key.Key_Escape)
    qtbot.waitUntil(lambda: signed_out_window.mail_dialog is None, timeout=2000)
    assert not banner.isVisible() and banner.warning == ""
    wait_for_keyboard(qtbot, signed_out_window.search_field)


def test_the_warning_comes_up_when_a_printed_receipt_takes_the_roll_under_its_level(
    signed_out_window: Any,
    keyboard: Keyboard,
    qtbot: Any,
    ctx: ServiceContext,
    city_db: Path,
    screen: tuple[int, int],
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    roll_with(ctx, 237)  # 10% left: at the level, not under it
    window = signed_out_window
    start_work(window, keyboard, ctx, screen)
    assert not window.paper_banner.isVisible()

    scan(keyboard, STUB)
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_F5)
    keyboard.press(Key.Key_Return)
    number = post(keyboard, window)
    printed(qtbot, printer_emulator, number)
    qtbot.waitUntil(lambda: window.paper_banner.isVisible(), timeout=10_000)
    ((lines,),) = rows(city_db, "SELECT lines_printed FROM paper_rolls WHERE station = 'W01'")
    assert lines > 237
    left = 100 - lines * 100 // LINES_PER_ROLL
    assert window.paper_banner.text().startswith(f"Receipt paper low at W01: about {left}% of the roll is left.")
    assert window.ready_for_next  # the warning takes no keys: the next customer goes on

    keyboard.press(Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # locked: the work and its banner hidden
    assert not window.paper_banner.isVisible()
