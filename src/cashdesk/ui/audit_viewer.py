"""The audit viewer: who did what, when, at which station, for supervisors and administrators.

Filters by business date (the city's time zone), user and event type. The service decides
who may look (Permission.VIEW_AUDIT); the window only leaves the entry out for the rest.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cashdesk.ui.credentials import message_label, show_message
from cashdesk.ui.fields import CARD_NUMBER_REFUSED, CardNumberGuard
from cashdesk.ui.formatting import event_text
from cashdesk.ui.i18n import translate
from cashdesk.ui.labels import one_row_at_a_time, read_only, sorted_as_listed
from cashdesk.ui.models import AuditEventsModel
from cashdesk.ui.operations import Operation
from cashdesk.ui.operator_dialog import OperatorDialog

if TYPE_CHECKING:
    from cashdesk.domain.audit import AuditRecord
    from cashdesk.services.context import Operator, ServiceContext

log = logging.getLogger(__name__)

#: The most events one look shows; the message says when there were more.
LIMIT = 1000
#: The viewer opens on the last week.
DEFAULT_DAYS = 7
_DETAILS_COLUMN = 7


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _as_date(day: QDate) -> dt.date:
    # QDate.toPython() gives the same date, but PySide6 types it as object.
    return dt.date(day.year(), day.month(), day.day())


def _date_edit(name: str, day: dt.date) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setObjectName(name)
    edit.setDisplayFormat("MM/dd/yyyy")
    edit.setCalendarPopup(True)
    return edit


class AuditDialog(OperatorDialog):
    """Filters on top, the events below, latest first. Enter shows what matches; Esc closes."""

    def __init__(self, ctx: ServiceContext, operator: Operator, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            operator,
            "auditDialog",
            translate("audit_viewer", "Audit trail — Station {station}").format(station=ctx.station),
            parent,
        )
        self.resize(1100, 600)
        today = ctx.today()

        filters = self._build_filters(today)

        self.message_label: QLabel = message_label("auditMessage")
        self.model = AuditEventsModel(ZoneInfo(ctx.settings.city.time_zone), self)
        self.table = self._build_table()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.message_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

        self._asked = self._shown = 0  # which look was asked for last, and which is on screen
        self._fill_event_types()
        self.show_button.clicked.connect(self.refresh)
        self.type_combo.currentIndexChanged.connect(self.refresh)  # a type chosen shows at once
        self.from_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refresh()

    def _build_filters(self, today: dt.date) -> QHBoxLayout:
        """From, to, user and event type, side by side; Enter in any of them shows what matches."""
        self.from_edit = _date_edit("auditFrom", today - dt.timedelta(days=DEFAULT_DAYS - 1))
        self.to_edit = _date_edit("auditTo", today)
        self.user_field = QLineEdit()
        self.user_field.setObjectName("auditUser")
        self.user_field.setPlaceholderText(translate("audit_viewer", "everyone"))
        self.user_field.setClearButtonEnabled(True)
        self.user_field.setMaxLength(40)
        self._guard = CardNumberGuard(self)
        self._guard.watch(self.user_field)
        self._guard.refused.connect(
            lambda _field: show_message(self.message_label, translate("fields", CARD_NUMBER_REFUSED), error=True)
        )
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("auditEventType")
        self.show_button = QPushButton(translate("audit_viewer", "&Show"))
        self.show_button.setObjectName("auditShow")
        self.show_button.setDefault(True)  # Enter in any filter shows what matches

        filters = QHBoxLayout()
        for caption, widget in (
            (translate("audit_viewer", "&From:"), self.from_edit),
            (translate("audit_viewer", "&To:"), self.to_edit),
            (translate("audit_viewer", "&User:"), self.user_field),
            (translate("audit_viewer", "&Event:"), self.type_combo),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget, 1 if widget is self.user_field else 0)
        filters.addWidget(self.show_button)
        return filters

    def _build_table(self) -> QTableView:
        """The events, latest first; a click on a heading sorts by it, a third click puts it back."""
        table = read_only(QTableView(), "auditEvents", self.model)
        one_row_at_a_time(table)
        header = table.horizontalHeader()
        header.setSectionResizeMode(_DETAILS_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        sorted_as_listed(table)  # latest first, as listed
        return table

    def _fill_event_types(self) -> None:
        from cashdesk.services.audit import event_types

        self.type_combo.addItem(translate("audit_viewer", "All events"), "")
        # The list is a convenience; the viewer works without it, and a failure is logged.
        # Off the GUI thread: the types come from the whole trail.
        self._types_pending = True
        listing = Operation(self, lambda: event_types(self._ctx), log_as="could not list the audit event types")
        listing.success(self._add_event_types).failure(lambda _text: self._add_event_types([])).run_in_background()

    def _add_event_types(self, types: list[str]) -> None:
        self._types_pending = False
        for event_type in types:
            self.type_combo.addItem(event_text(event_type), event_type)

    @property
    def waiting(self) -> bool:
        """True while the event types or the events asked for last are being read."""
        return self._types_pending or self._asked != self._shown

    # -- what is asked ----------------------------------------------------------------------

    @property
    def start(self) -> dt.date:
        return _as_date(self.from_edit.date())

    @property
    def end(self) -> dt.date:
        return _as_date(self.to_edit.date())

    def select_event_type(self, event_type: str) -> None:
        """Choose an event type by its stored name ("" for all); what matches shows at once."""
        index = self.type_combo.findData(event_type)
        if index < 0:
            raise ValueError(
                translate("audit_viewer", "no event type {event_type!r} in the list").format(event_type=event_type)
            )
        if index == self.type_combo.currentIndex():
            self.refresh()
        else:
            self.type_combo.setCurrentIndex(index)

    def refresh(self) -> None:
        from cashdesk.services.audit import AuditFilter, list_events

        if self._guard.check_now():
            return

        where = AuditFilter(
            start=self.start,
            end=self.end,
            user=self.user_field.text().strip(),
            event_type=str(self.type_combo.currentData() or ""),
            limit=LIMIT,
        )

        # Off the GUI thread: a week of a busy trail takes a while to read. Only the latest look
        # is shown: Enter, then another filter, must not end with the first one's rows.
        self._asked += 1
        asked = self._asked

        def said(text: str) -> None:
            if asked == self._asked:
                self._shown = asked
                self.model.clear()
                show_message(self.message_label, text, error=True)

        def read(events: list[AuditRecord]) -> None:
            if asked == self._asked:
                self._shown = asked
                self._show_events(events)

        show_message(self.message_label, translate("audit_viewer", "Reading the audit trail…"))
        Operation(self, lambda: list_events(self._ctx, self._operator, where),
                  failed=translate("audit_viewer", "The audit trail could not be read ({exc})."),
                  log_as="listing audit events failed").success(read).failure(said).run_in_background()  # fmt: skip

    def _show_events(self, events: list[AuditRecord]) -> None:
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.model.set_rows(events)
        if not events:
            show_message(
                self.message_label,
                translate("audit_viewer", "No events match. Try other dates, another user or all events."),
            )
        elif len(events) >= LIMIT:
            show_message(
                self.message_label,
                translate(
                    "audit_viewer",
                    "The latest {events} events that match. Choose fewer days, a user or an event type to see "
                    "older ones.",
                ).format(events=len(events)),
            )
        else:
            plural = (
                translate("audit_viewer", "event matches")
                if len(events) == 1
                else translate("audit_viewer", "events match")
            )
            show_message(
                self.message_label,
                translate("audit_viewer", "{events} {plural}, latest first.").format(events=len(events), plural=plural),
            )
