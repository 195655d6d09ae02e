"""The window's size on the screen it opens on: 1280×800 where the screen has room for it with its
frame, else the whole of the screen's free area (maximized), so that on the city's 1024×768 and
1366×768 workstations nothing that matters (the totals, the change, the status bar) opens off screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget

#: The size the window is laid out for when the screen is larger.
PREFERRED = QSize(1280, 800)
#: Room for a title bar and borders, before the window has a frame to measure.
FRAME = QSize(16, 40)


def fit_to_screen(window: QWidget, screen: QScreen | None = None) -> None:
    """Size and place `window` (not shown yet) on `screen` (the one it would open on by default)."""
    if screen is None:
        screen = window.screen()
    else:
        window.setScreen(screen)
    area = screen.availableGeometry()
    if area.width() >= PREFERRED.width() + FRAME.width() and area.height() >= PREFERRED.height() + FRAME.height():
        window.resize(PREFERRED)
        window.move(
            area.x() + (area.width() - PREFERRED.width()) // 2, area.y() + (area.height() - PREFERRED.height()) // 2
        )
        return
    # Smaller: the whole free area. Maximized, the window system fits the frame in; restored, it still fits.
    window.resize(area.size() - FRAME)
    window.move(area.topLeft())
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
