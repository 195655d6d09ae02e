"""What the dialogs' tests share: the two screens city workstations run (a dialog sized as it
would open on each), a colour looked for in what a widget draws, and a question answered by key."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

#: 1024×768 and 1280×800: every dialog must be usable on both.
SCREENS = ((1024, 768), (1280, 800))
#: What the title bar and the taskbar take from a screen's height.
_FRAME = 80


def fit_to_screen(dialog: QWidget, screen: tuple[int, int]) -> None:
    """The dialog as large as it may open on `screen`, no larger (the window manager would cut it)."""
    width, height = screen
    dialog.resize(min(dialog.sizeHint().width(), width - 40), height - _FRAME)
    fits = dialog.width() <= width and dialog.height() <= height - _FRAME
    assert fits, f"the dialog ({dialog.width()}×{dialog.height()}) does not fit a {width}×{height} screen"


def shows_colour(widget: QWidget, colour: str) -> bool:
    """Whether the widget, drawn as it is now, has a pixel of `colour` (a focus frame, say)."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    wanted = QColor(colour).rgb()
    return any(image.pixel(x, y) == wanted for y in range(image.height()) for x in range(image.width()))


def question_asked(qtbot: Any, name: str) -> QMessageBox:
    """Wait until the question `name` is over its dialog with the keyboard in it; return it."""

    def asking() -> bool:
        box, focus = QApplication.activeModalWidget(), QApplication.focusWidget()
        return isinstance(box, QMessageBox) and focus is not None and box.isAncestorOf(focus)

    qtbot.waitUntil(asking, timeout=2000)
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and box.objectName() == name
    return box


def answer(qtbot: Any, name: str, key: Qt.Key) -> QMessageBox:
    """Answer the question `name` with `key` (Enter, Y, N, Esc) as a cashier would; return it."""
    box = question_asked(qtbot, name)
    qtbot.keyClick(QApplication.focusWidget(), key)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not box, timeout=2000)
    # The keyboard comes back to the window behind the question once it is active again (the
    # platform does that a moment later), as the cashier sees the cursor come back before typing on.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    return box
