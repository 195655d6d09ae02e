"""A day at the window is thousands of key presses; the Qt bindings must not leak toward a crash."""

from __future__ import annotations

import gc
import sys
from typing import Any

from PySide6.QtCore import Qt

Key = Qt.Key


def a_cashier_looks_up_two_accounts(keyboard: Any) -> None:
    keyboard.press(Key.Key_F2)
    keyboard.type("alvarez")
    keyboard.press(Key.Key_Return)
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_Down)
    keyboard.press(Key.Key_Up)
    keyboard.press(Key.Key_Escape)


def test_looking_up_accounts_does_not_run_down_none(window: Any, keyboard: Any) -> None:
    for _ in range(5):  # caches fill on the first rounds
        a_cashier_looks_up_two_accounts(keyboard)
    gc.collect()
    before = sys.getrefcount(None)
    rounds = 30
    for _ in range(rounds):
        a_cashier_looks_up_two_accounts(keyboard)
    gc.collect()
    lost = before - sys.getrefcount(None)
    assert lost < rounds, f"{lost} references to None lost in {rounds} rounds of searching"
