"""A thin Qt model over a report (domain/report_def.Report): the cells as the report shows them,
amounts right-aligned, the totals line last in bold; the raw value under Qt.UserRole for sorting."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from cashdesk.domain.report_def import Cell, Column, Report

Index = QModelIndex | QPersistentModelIndex


class ReportTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: tuple[Column, ...] = ()
        self._rows: list[tuple[Cell, ...]] = []
        self._totals: tuple[Cell, ...] | None = None

    def set_report(self, report: Report | None) -> None:
        self.beginResetModel()
        self._columns = report.definition.columns if report else ()
        self._rows = list(report.rows) if report else []
        self._totals = report.totals if report and report.has_totals and report.rows else None
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's names
        return 0 if parent.isValid() else len(self._rows) + (1 if self._totals else 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def _cell(self, row: int, column: int) -> Cell:
        values = self._rows[row] if row < len(self._rows) else self._totals
        assert values is not None
        return values[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        value = self._cell(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return column.shown(value)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and index.row() >= len(self._rows):
            bold = QFont()
            bold.setBold(True)
            return bold
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self._columns):
            return self._columns[section].title
        return None
