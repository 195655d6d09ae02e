"""The day-close dialog on either screen shows the whole day, nothing cut off (each drawer with its
over/short, the receipts, the mail batches, the deposit), and Enter on the bag number asks first,
repeating the key figures: Esc goes back to the bag number, Enter (or Y) closes the day."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from dialog_support import SCREENS, answer, fit_to_screen, question_asked
from gui_support import Keyboard, open_drawers, operator, sign_in, wait_for_keyboard
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cashdesk.domain.money import Money
from cashdesk.services.context import ServiceContext
from cashdesk.ui.focus_marks import shown_in_viewport

Key = Qt.Key
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def pay_and_close(ctx: ServiceContext, user_id: str, account: str, cents: int, short_cents: int) -> None:
    """A cash payment, then the drawer balanced `short_cents` short (the float kept)."""
    from cashdesk.domain.tenders import Tender, TenderKind
    from cashdesk.services.balancing import CountInput, close_drawer, items_to_verify, record_count
    from cashdesk.services.payments import AccountPayment, Cart, post_receipt
    from cashdesk.services.shift import x_report
    from cashdesk.services.simulate import greedy_count

    cashier = operator(user_id)
    post_receipt(ctx, cashier, Cart((AccountPayment(account, Money(cents)),)), [Tender(TenderKind.CASH, Money(cents))])
    expected = x_report(ctx, cashier).expected_cash
    present = frozenset(item.tender_id for item in items_to_verify(ctx, cashier))
    counted = record_count(ctx, cashier, CountInput(greedy_count(expected - Money(short_cents)), present))
    close_drawer(ctx, cashier, count_id=counted.count_id, float_kept=counted.suggested_float)


def post_mail(ctx: ServiceContext) -> str:
    """A mail batch of one $20.00 check for Maria Alvarez, balanced and posted; its number."""
    from cashdesk.services.mail_batches import add_remittance, balance_batch, open_batch, post_batch

    cashier = operator("cashier1")
    batch = open_batch(ctx, cashier, control_count=1, control_total=Money(2000))
    add_remittance(ctx, cashier, batch.id, account="1001", amount=Money(2000), check_number="501")
    balance_batch(ctx, cashier, batch.id)
    post_batch(ctx, cashier, batch.id)
    return batch.number


def is_day_closed(city_db: Path) -> bool:
    con = sqlite3.connect(city_db)
    try:
        return con.execute("SELECT count(*) FROM business_days WHERE status = 'closed'").fetchone()[0] == 1
    finally:
        con.close()


@pytest.mark.parametrize("screen", SCREENS)
def test_the_whole_day_shows_and_the_close_is_confirmed(
    signed_out_window: Any, keyboard: Keyboard, qtbot: Any, ctx: ServiceContext, city_db: Path, tmp_path: Path,
    screen: tuple[int, int],
) -> None:  # fmt: skip
    window = signed_out_window
    window.deposits_folder = tmp_path / "deposits"
    ctx.settings = ctx.settings.with_values(station__tills=2)  # two cashiers' drawers, one till each
    open_drawers(ctx, "cashier1", "cashier2")
    pay_and_close(ctx, "cashier1", "1001", 4500, 0)
    pay_and_close(ctx, "cashier2", "1002", 12000, 200)  # $2.00 short
    batch = post_mail(ctx)
    sign_in(keyboard, window, "super1")
    keyboard.press(Key.Key_E, CTRL_SHIFT)
    dialog = window.extra_dialog
    assert dialog is not None
    fit_to_screen(dialog, screen)
    wait_for_keyboard(qtbot, dialog.date_field)
    keyboard.press(Key.Key_Return)  # the day as it stands
    said = dialog.status_label.text()
    mail = f"Mail batches posted: 1 for $20.00 ({batch})."
    for line in (
        "Closed drawers: 2.",
        "station W01, cashier1, drawer 1: Balanced",
        "station W01, cashier2, drawer 2: Short $2.00",
        "Receipts: 3 for $185.00.",
        "Over/short: Short $2.00.",
        mail,
        "Deposit so far: $200.00, $200.00 in the bag.",
    ):  # $185.00 − $2.00 short + $17.00 of the floats
        assert line in said, line
    qtbot.wait(50)  # the panel lays the text out
    label, panel = dialog.status_label, dialog.status_scroll
    assert label.height() >= label.heightForWidth(label.width())  # no line cut off
    assert shown_in_viewport(label, panel)  # and all of it in view, the over/short too

    keyboard.type("D-1001")
    keyboard.press(Key.Key_Return)
    keyboard.type("BAG-77")
    keyboard.press(Key.Key_Return)  # asks first
    box = question_asked(qtbot, "dayCloseQuestion")
    assert f"Close the business day {ctx.today():%A %d %B %Y}?" in box.text()
    figures = box.informativeText()
    for line in ("Drawers closed: 2, over/short: Short $2.00.", "Receipts: 3 for $185.00.", mail,
                 "Deposit ticket D-1001, bag BAG-77.", "Enter or Y: close the day.  Esc: go back."):  # fmt: skip
        assert line in figures, line
    answer(qtbot, "dayCloseQuestion", Key.Key_Escape)
    assert not is_day_closed(city_db) and not dialog.working
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.bag_field, timeout=2000)  # back on the bag
    assert "Not closed" in dialog.message_label.text()

    keyboard.press(Key.Key_Return)
    answer(qtbot, "dayCloseQuestion", Key.Key_Y)
    qtbot.waitUntil(lambda: dialog.exported is not None, timeout=5000)
    assert is_day_closed(city_db)
    assert "is closed (super1)" in dialog.status_label.text()
    assert "Deposit: $200.00, $200.00 in the bag." in dialog.status_label.text()  # what went to the bank
    qtbot.waitUntil(lambda: dialog.backup_progress.outcome is not None, timeout=20000)
    keyboard.press(Key.Key_Escape)
