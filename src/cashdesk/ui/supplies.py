"""Supplies and forms (Ctrl+Shift+U): what is on hand, what to reorder, the receipt paper left at
this station; F5 receives, F6 issues, F7 counts, F8 writes off as damaged the item chosen, Ctrl+S
saves the count sheet. Everything by the keyboard: ↑/↓ choose the item, the key asks how many,
Enter records it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from cashdesk.domain.supplies import MovementKind, StockLevel
from cashdesk.services.supplies import count_sheet, move, paper_state, stock_levels
from cashdesk.services.z_report import reports_folder
from cashdesk.ui.credentials import message_label, show_message
from cashdesk.ui.fields import line_field
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from cashdesk.ui.labels import column, explanation, heading, named_label
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext

COLUMNS = (
    QT_TRANSLATE_NOOP("supplies", "Item"),
    QT_TRANSLATE_NOOP("supplies", "Name"),
    QT_TRANSLATE_NOOP("supplies", "On hand"),
    QT_TRANSLATE_NOOP("supplies", "Unit"),
    QT_TRANSLATE_NOOP("supplies", "Minimum"),
    QT_TRANSLATE_NOOP("supplies", "Daily use"),
    QT_TRANSLATE_NOOP("supplies", "Reorder"),
)
KEYS = {"F5": MovementKind.RECEIVED, "F6": MovementKind.ISSUED, "F7": MovementKind.COUNTED,
        "F8": MovementKind.DAMAGED}  # fmt: skip
ASKS = {
    MovementKind.RECEIVED: QT_TRANSLATE_NOOP("supplies", "How many received?"),
    MovementKind.ISSUED: QT_TRANSLATE_NOOP("supplies", "How many issued?"),
    MovementKind.COUNTED: QT_TRANSLATE_NOOP("supplies", "How many did the count find?"),
    MovementKind.DAMAGED: QT_TRANSLATE_NOOP("supplies", "How many damaged?"),
}


class SuppliesDialog(QDialog):
    def __init__(self, ctx: ServiceContext, operator: Operator, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suppliesDialog")
        self.setWindowTitle(translate("supplies", "Supplies and forms"))
        self._ctx = ctx
        self._operator = operator
        self.levels: list[StockLevel] = []
        self.kind: MovementKind | None = None
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("suppliesTable")
        self.table.setHorizontalHeaderLabels([translate("supplies", title) for title in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.paper_label = named_label("paperWarning")
        self.ask_label = QLabel("")
        self.quantity_field = line_field(QLineEdit(), "supplyQuantity", 9, align_right=True)
        self.quantity_field.setEnabled(False)
        self.quantity_field.returnPressed.connect(self.record)
        ask = QHBoxLayout()
        ask.addWidget(self.ask_label)
        ask.addWidget(self.quantity_field, 1)
        self.message = message_label("suppliesMessage")
        hint = explanation(
            translate(
                "supplies",
                "↑/↓ choose an item. F5 received, F6 issued (a paper roll: into this station's "
                "printer), F7 counted, F8 damaged; type how many, Enter. Ctrl+S saves the count "
                "sheet. Esc closes.",
            )
        )
        column(
            self,
            heading(self, translate("supplies", "Supplies and forms")),
            hint,
            self.paper_label,
            self.table,
            ask,
            self.message,
            grow=self.table,
        )
        self.resize(900, 520)
        for key, kind in KEYS.items():
            QShortcut(QKeySequence(key), self).activated.connect(lambda kind=kind: self.ask(kind))
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.save_count_sheet)
        self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        levels = Operation(self, lambda: stock_levels(self._ctx, self._operator)).failure(self._error).run_now()
        if levels is None:
            return
        row_before = max(self.table.currentRow(), 0)
        self.levels = levels
        self.table.setRowCount(len(levels))
        for row, level in enumerate(levels):
            daily = f"{level.daily_use_hundredths // 100}.{level.daily_use_hundredths % 100:02d}"
            cells = (level.code, level.name, str(level.on_hand), level.unit, str(level.minimum), daily,
                     str(level.reorder) if level.reorder else "")  # fmt: skip
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (2, 4, 5, 6):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        if levels:
            self.table.selectRow(min(row_before, len(levels) - 1))
        warning = paper_state(self._ctx).warning
        self.paper_label.setText(warning)
        self.paper_label.setStyleSheet("color: #b00020; font-weight: bold;" if warning else "")

    @property
    def current(self) -> StockLevel | None:
        row = self.table.currentRow()
        return self.levels[row] if 0 <= row < len(self.levels) else None

    def ask(self, kind: MovementKind) -> None:
        level = self.current
        if level is None:
            show_message(
                self.message,
                translate("supplies", "There are no supplies yet: add them with `cashdesk supplies add`."),
                error=True,
            )
            return
        self.kind = kind
        self.ask_label.setText(f"{level.code}: {translate('supplies', ASKS[kind])}")
        self.quantity_field.setEnabled(True)
        self.quantity_field.clear()
        self.quantity_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def record(self) -> None:
        level, kind, text = self.current, self.kind, self.quantity_field.text().strip()
        if level is None or kind is None:
            return
        if not text.isdigit():
            show_message(self.message, translate("supplies", "Type how many as a whole number, like 12."), error=True)
            return
        moved = Operation(self, lambda: move(self._ctx, self._operator, level.code, kind, int(text)))
        done = moved.failure(self._error).run_now()
        if done is None:
            return
        show_message(self.message, done.describe())
        self.kind = None
        self.ask_label.setText("")
        self.quantity_field.clear()
        self.quantity_field.setEnabled(False)
        self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_count_sheet(self) -> None:
        saved = Operation(self, lambda: count_sheet(self._ctx, self._operator, reports_folder(self._ctx)))
        path = saved.failure(self._error).run_now()
        if path is not None:
            show_message(self.message, translate("supplies", "The count sheet is saved: {path}").format(path=path))

    def _error(self, text: str) -> None:
        show_message(self.message, text, error=True)
