"""Every focused widget shows focus; every Enter moves to a field the cashier can see.

Two helpers the form dialogs share (the tax return, the day close, the cash count of the float,
the drop and the balancing wizard):

- `keep_in_view(scroll)`: whenever the keyboard moves to a widget inside `scroll` (Enter, Tab,
  Alt+letter, a refusal putting the cursor back), the scroll area scrolls so that widget is shown.
  Without it Enter walks the cursor below the bottom edge and figures are typed unseen.
- `mark_focus(widget)`: a focus style for `widget` and its children. A check box or a button
  drawn by the platform's style shows focus only as a thin dotted line, or not at all on some
  styles; with this they show a blue frame and a pale yellow ground while they have the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from shiboken6 import isValid

#: The colour of the focus frame (a dark blue, readable on the pale grounds the forms use).
FOCUS_COLOUR = "#1565c0"

#: The focus style: only widgets with the keyboard are touched, everything else keeps its look.
FOCUS_STYLE = (
    f"QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {FOCUS_COLOUR}; background: #fff4ce; }}\n"
    f"QPushButton:focus {{ border: 2px solid {FOCUS_COLOUR}; background: #fff4ce; padding: 4px 12px; }}\n"
)

#: Room kept around the focused widget when it is scrolled into view, so its caption shows too.
_MARGIN = 24


class _KeepInView(QObject):
    """Scrolls its scroll area to whichever of its widgets gets the keyboard."""

    def __init__(self, scroll: QScrollArea) -> None:
        super().__init__(scroll)
        self._scroll = scroll
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not isValid(self._scroll):
            return  # the dialog has gone; the application outlives it
        inner = self._scroll.widget()
        if new is None or inner is None or not inner.isAncestorOf(new):
            return
        # Not ensureWidgetVisible: for a text field it shows only the text cursor, and the field's
        # lower edge (and the figure in it) may stay cut off. The whole widget, with room around it.
        centre = new.mapTo(inner, new.rect().center())
        self._scroll.ensureVisible(centre.x(), centre.y(), new.width() // 2 + _MARGIN, new.height() // 2 + _MARGIN)


def keep_in_view(scroll: QScrollArea) -> QScrollArea:
    """The widget with the keyboard inside `scroll` is always scrolled into view; returns `scroll`."""
    _KeepInView(scroll)
    return scroll


def mark_focus(widget: QWidget) -> None:
    """Give `widget` and its children the focus style, added to any style sheet it has."""
    if FOCUS_STYLE not in widget.styleSheet():
        widget.setStyleSheet(widget.styleSheet() + "\n" + FOCUS_STYLE)


def shown_in_viewport(widget: QWidget, scroll: QScrollArea) -> bool:
    """Whether the whole of `widget` lies inside the part of `scroll` on screen (used by the tests,
    and by a dialog that wants to know a figure can be read)."""
    viewport = scroll.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    bottom_right = widget.mapTo(viewport, widget.rect().bottomRight())
    return viewport.rect().contains(top_left) and viewport.rect().contains(bottom_right)


__all__ = ["FOCUS_STYLE", "keep_in_view", "mark_focus", "shown_in_viewport"]
