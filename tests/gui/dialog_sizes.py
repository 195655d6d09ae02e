"""The two screens city workstations run, and a dialog sized as it would be on each of them."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

#: 1024×768 and 1280×800: every dialog must be usable on both.
SCREENS = ((1024, 768), (1280, 800))
#: What the title bar and the taskbar take from a screen's height.
_FRAME = 80


def fit_to_screen(dialog: QWidget, screen: tuple[int, int]) -> None:
    """The dialog as large as it may open on `screen`, no larger (the window manager would cut it)."""
    width, height = screen
    dialog.resize(min(dialog.sizeHint().width(), width - 40), height - _FRAME)
    assert dialog.height() <= height - _FRAME, f"the dialog does not fit a {width}×{height} screen"


def shows_colour(widget: QWidget, colour: str) -> bool:
    """Whether the widget, drawn as it is now, has a pixel of `colour` (a focus frame, say)."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    wanted = QColor(colour).rgb()
    return any(image.pixel(x, y) == wanted for y in range(image.height()) for x in range(image.width()))
