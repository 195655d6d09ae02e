"""What every window shows the same way: headings (the window's own font, larger and bold), named
labels that wrap, and a form dialog's buttons, its rows and its column of parts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

V = TypeVar("V", bound=QTableView)


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


def explanation(text: str) -> QLabel:
    """A window's line or two of what to do, wrapped to its width."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def named_label(name: str, text: str = "", *, font: QFont | None = None) -> QLabel:
    """A label that wraps to its width, named `name` (tests and style sheets find it by it)."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    if font is not None:
        label.setFont(font)
    return label


def add_rows(form: QFormLayout, *rows: tuple[str, QWidget]) -> list[QLabel]:
    """Caption and field, one row each; the caption's Alt+letter puts the cursor in its field."""
    captions = []
    for caption, field in rows:
        label = QLabel(caption)
        label.setBuddy(field)
        form.addRow(label, field)
        captions.append(label)
    return captions


def accept_buttons(dialog: QDialog, action: QPushButton, accepted: Callable[[], None]) -> QDialogButtonBox:
    """The dialog's action button (`accepted` when pressed) and Cancel (Esc)."""
    buttons = QDialogButtonBox()
    buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(accepted)
    buttons.rejected.connect(dialog.reject)
    return buttons


def action_buttons(dialog: QDialog, action: QPushButton, submit: Callable[[], None]) -> QDialogButtonBox:
    """The dialog's action button and Cancel. Neither takes Enter: Enter moves through the fields
    and the last one submits."""
    buttons = accept_buttons(dialog, action, submit)
    action.setAutoDefault(False)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
    return buttons


def side_by_side(*left: QWidget, right: Sequence[QWidget] = ()) -> QHBoxLayout:
    """Parts side by side from the left edge, then room, then `right` against the right edge."""
    layout = QHBoxLayout()
    for part in left:
        layout.addWidget(part)
    layout.addStretch(1)
    for part in right:
        layout.addWidget(part)
    return layout


def column(dialog: QWidget, *parts: QWidget | QLayout, grow: QWidget | None = None) -> QVBoxLayout:
    """The dialog's parts one under another, top to bottom; `grow` (one of them) takes the room left."""
    layout = QVBoxLayout(dialog)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part, 1 if part is grow else 0)
    return layout


def rows_to_choose(table: V, name: str, *, tab_leaves: bool = True) -> V:
    """A list to choose from: one whole row at a time, nothing edited, one line a row, no row numbers;
    Tab leaves the table (unless not `tab_leaves`: then it moves from cell to cell)."""
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if tab_leaves:
        table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    return table


def read_only(table: V, name: str, model: QAbstractItemModel) -> V:
    """A list of rows to read: whole rows chosen, nothing edited, Tab leaves the table, no row numbers."""
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    return table


def sorted_as_listed(table: QTableView) -> None:
    """A click on a heading sorts by it; a third click puts the rows back in the order listed."""
    header = table.horizontalHeader()
    header.setSortIndicatorClearable(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)


def one_row_at_a_time(table: QTableView) -> None:
    """Chosen one row at a time, striped, one line a row, each column as wide as its content."""
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
