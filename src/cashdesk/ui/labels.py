"""Headings every window shows the same way: the window's own font, larger and bold."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget


def heading_font(widget: QWidget, scale: float = 1.3, *, bold: bool = True) -> QFont:
    """The widget's font scaled (so it follows the station's font size), bold unless told."""
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font


def heading(widget: QWidget, text: str) -> QLabel:
    """A window's heading label."""
    label = QLabel(text)
    label.setFont(heading_font(widget))
    return label
