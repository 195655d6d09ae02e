"""Table columns that stay readable on a small screen: what matters is shown in full, what can
wait gives way.

`FitColumns` hides a table's optional columns, least needed first, while the table is too narrow
to show every column's text in full, and shows them again when there is room, so a name, an
address or an amount is never cut to "…" nor pushed behind a horizontal scroll bar.
`SecondLine` draws another column's text under a cell's own (a name with its address below), so
two columns share one width.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTableView

#: Room a column needs beyond its text: the cell's margins as Qt's item delegate draws them (3 a side).
TEXT_MARGIN = 6


def column_width_needed(table: QTableView, column: int) -> int:
    """How wide `column` must be for its heading and every row's text to show in full."""
    header = table.horizontalHeader()
    widest = header.sectionSizeHint(column)
    model = table.model()
    delegate = table.itemDelegateForColumn(column) or table.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(table.viewport())
    option.font = table.font()
    for row in range(model.rowCount()):
        widest = max(widest, delegate.sizeHint(option, model.index(row, column)).width())
    return widest


class FitColumns(QObject):
    """Keeps `table`'s columns readable: `optional` columns (least needed first) are hidden while the
    others' texts would not fit in full. The `stretch` column takes the width left over."""

    def __init__(self, table: QTableView, *, optional: Sequence[int], stretch: int) -> None:
        super().__init__(table)
        self._table = table
        self._optional = tuple(optional)
        self._fitting = False
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.installEventFilter(self)
        model = table.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
            signal.connect(self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._table and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.fit()
        return False

    def fit(self) -> None:
        if self._fitting:
            return
        self._fitting = True
        try:
            table = self._table
            room = table.viewport().width()
            if table.verticalScrollBar().isHidden():
                room -= table.verticalScrollBar().sizeHint().width()  # rows to come may bring it
            for column in self._optional:
                table.setColumnHidden(column, False)  # measured as shown: a hidden column measures short
            hidden = {c for c in range(table.model().columnCount()) if table.isColumnHidden(c)}
            widths = {c: column_width_needed(table, c) for c in range(table.model().columnCount()) if c not in hidden}
            for column in self._optional:
                if sum(w for c, w in widths.items() if c not in hidden) <= room:
                    break
                table.setColumnHidden(column, True)
                hidden.add(column)
        finally:
            self._fitting = False


class SecondLine(QStyledItemDelegate):
    """A cell shows its text with `column`'s text of the same row on a second line."""

    def __init__(self, column: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._column = column

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        second = index.model().index(index.row(), self._column, index.parent()).data()
        if second:
            option.text = f"{option.text}\u2028{second}"  # a line break, as the delegate draws one
