"""Thin Qt table models over service results: search results, open items, account history,
audit events.

Money is formatted only in `data()` for the display role; the raw value (cents, dates,
plain strings) stays under `SORT_ROLE` so that sorting never compares formatted text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from cashdesk.domain.accounts import history_kind_shown
from cashdesk.domain.money import Money
from cashdesk.ui.formatting import date_text, details_text, event_text, moment_text, status_text, utc_text_to_local
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from datetime import tzinfo

    from cashdesk.domain.audit import AuditRecord
    from cashdesk.services.accounts import AccountSummary, HistoryEntry, OpenItemView

T = TypeVar("T")

SORT_ROLE = Qt.ItemDataRole.UserRole
_MONEY_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_PAST_DUE_BACKGROUND = QColor("#fde2e2")
_PAST_DUE_FOREGROUND = QColor("#8b0000")

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Column(Generic[T]):
    title: str
    text: Callable[[T], str]
    key: Callable[[T], Any]  # the raw value, for sorting
    money: bool = False


def money_column(title: str, amount: Callable[[T], Money]) -> Column[T]:
    return Column(title, lambda row: amount(row).display(), lambda row: amount(row).cents, money=True)


class RowsModel(QAbstractTableModel, Generic[T]):
    """A read-only table of frozen result objects, one per row, in the order the service gave."""

    columns: Sequence[Column[T]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._given: list[T] = []  # the service's order (best match or paying order)
        self._rows: list[T] = []  # the order shown

    # -- filling --------------------------------------------------------------------

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._given = list(rows)
        self._rows = list(self._given)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows(())

    def row_object(self, row: int) -> T:
        return self._rows[row]

    # -- hooks for subclasses ---------------------------------------------------------

    def row_foreground(self, item: T) -> QColor | None:
        return None

    def row_background(self, item: T) -> QColor | None:
        return None

    def row_tooltip(self, item: T) -> str | None:
        return None

    # -- QAbstractTableModel ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self.columns)):
            return None
        item = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == SORT_ROLE:
            return column.key(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.money:
            return _MONEY_ALIGNMENT
        if role == Qt.ItemDataRole.ForegroundRole:
            color = self.row_foreground(item)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.BackgroundRole:
            color = self.row_background(item)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.row_tooltip(item)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self.columns)):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("columns", column.title)  # a constant column's title is marked, not translated
        if role == Qt.ItemDataRole.TextAlignmentRole and column.money:
            return _MONEY_ALIGNMENT
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the raw values; a column of -1 goes back to the service's order."""
        if 0 <= column < len(self.columns):
            key = self.columns[column].key
            order_of = sorted(
                range(len(self._given)),
                key=lambda i: key(self._given[i]),
                reverse=order == Qt.SortOrder.DescendingOrder,
            )
        else:
            order_of = list(range(len(self._given)))
        self.layoutAboutToBeChanged.emit()
        old_position = {id(item): row for row, item in enumerate(self._rows)}
        new_rows = [self._given[i] for i in order_of]
        new_position = {id(item): row for row, item in enumerate(new_rows)}
        moves: dict[int, int] = {old_position[id(item)]: new_position[id(item)] for item in new_rows}
        self._rows = new_rows
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(moves[p.row()], p.column()) if p.isValid() else p for p in persistent]
        )
        self.layoutChanged.emit()


class SearchResultsModel(RowsModel["AccountSummary"]):
    """The accounts a search found, best match first."""

    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "Account"), lambda r: r.account, lambda r: r.account),
        Column(QT_TRANSLATE_NOOP("columns", "Name"), lambda r: r.name, lambda r: r.name.casefold()),
        Column(QT_TRANSLATE_NOOP("columns", "Service address"), lambda r: r.address, lambda r: r.address.casefold()),
        Column(QT_TRANSLATE_NOOP("columns", "Status"), lambda r: status_text(r.status), lambda r: r.status),
        money_column(QT_TRANSLATE_NOOP("columns", "Balance"), lambda r: r.balance),
    )

    def row_foreground(self, item: AccountSummary) -> QColor | None:
        return QColor("#555555") if item.status == "closed" else None

    def row_tooltip(self, item: AccountSummary) -> str | None:
        """All of the row, whatever columns a narrow list leaves out."""
        status = status_text(item.status)
        return translate("models", "{name}\n{address}\nAccount {account} · {status} · {balance}").format(
            name=item.name, address=item.address, account=item.account, status=status, balance=item.balance.display()
        )


def _due_text(item: OpenItemView) -> str:
    return (
        translate("models", "{date_text} (past due)").format(date_text=date_text(item.due_date))
        if item.past_due
        else date_text(item.due_date)
    )


class OpenItemsModel(RowsModel["OpenItemView"]):
    """What an account owes, in the order a payment pays it; past-due rows stand out."""

    columns = (
        Column(QT_TRANSLATE_NOOP("columns", "Due date"), _due_text, lambda i: i.due_date),
        Column(QT_TRANSLATE_NOOP("columns", "Code"), lambda i: i.revenue_code, lambda i: i.revenue_code),
        Column(
            QT_TRANSLATE_NOOP("columns", "Description"), lambda i: i.description, lambda i: i.description.casefold()
        ),
        Column(QT_TRANSLATE_NOOP("columns", "Period"), lambda i: i.period, lambda i: i.period),
        money_column(QT_TRANSLATE_NOOP("columns", "Amount"), lambda i: i.amount),
        money_column(QT_TRANSLATE_NOOP("columns", "Paid"), lambda i: i.paid),
        money_column(QT_TRANSLATE_NOOP("columns", "Open"), lambda i: i.open_amount),
    )

    def row_foreground(self, item: OpenItemView) -> QColor | None:
        return _PAST_DUE_FOREGROUND if item.past_due else None

    def row_background(self, item: OpenItemView) -> QColor | None:
        return _PAST_DUE_BACKGROUND if item.past_due else None

    def row_tooltip(self, item: OpenItemView) -> str | None:
        return (
            translate("models", "Past due since {date_text}").format(date_text=date_text(item.due_date))
            if item.past_due
            else None
        )


class HistoryModel(RowsModel["HistoryEntry"]):
    """Bills, payments, adjustments and notes on an account, latest first."""

    columns: Sequence[Column[HistoryEntry]] = (
        Column(QT_TRANSLATE_NOOP("columns", "Date"), lambda h: date_text(h.on_date), lambda h: h.on_date),
        Column(QT_TRANSLATE_NOOP("columns", "What"), lambda h: history_kind_shown(h.kind), lambda h: h.kind),
        Column(
            QT_TRANSLATE_NOOP("columns", "Description"), lambda h: h.description, lambda h: h.description.casefold()
        ),
        money_column(QT_TRANSLATE_NOOP("columns", "Amount"), lambda h: h.amount),
        Column(QT_TRANSLATE_NOOP("columns", "Reference"), lambda h: h.reference, lambda h: h.reference),
    )


_FAILED_FOREGROUND = QColor("#b00020")


class AuditEventsModel(RowsModel["AuditRecord"]):
    """Audit events as the service lists them (latest first); times in the city's time zone.

    The stored UTC text sorts the time column: it is ISO 8601, so text order is time order.
    """

    def __init__(self, zone: tzinfo, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column(translate("models", "Seq"), lambda e: str(e.seq), lambda e: e.seq),
            Column(translate("models", "Time"), lambda e: moment_text(utc_text_to_local(e.at, zone)), lambda e: e.at),
            Column(translate("models", "User"), lambda e: e.user, lambda e: e.user),
            Column(translate("models", "Station"), lambda e: e.station, lambda e: e.station),
            Column(translate("models", "Event"), lambda e: event_text(e.event_type), lambda e: e.event_type),
            Column(translate("models", "Object"), lambda e: e.object, lambda e: e.object),
            Column(
                translate("models", "Success"),
                lambda e: translate("models", "Yes") if e.success else translate("models", "No"),
                lambda e: e.success,
            ),
            Column(
                translate("models", "Details"), lambda e: details_text(e.details), lambda e: details_text(e.details)
            ),
        )

    def row_foreground(self, item: AuditRecord) -> QColor | None:
        return None if item.success else _FAILED_FOREGROUND

    def row_tooltip(self, item: AuditRecord) -> str | None:
        return translate("models", "Event {seq}, {at} UTC").format(seq=item.seq, at=item.at)
