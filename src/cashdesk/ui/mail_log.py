"""The mail log (Ctrl+Shift+G): documents received by mail that are not payments, logged by
keyboard one after the other, and the day's log saved as a PDF to print.

    type (first letters complete it), Enter → from, Enter → reference, Enter →
    routed to (first letters choose the division), Enter → notes, Enter  logs it; the cursor
    goes back to the type for the next document
    Alt+D  the date received (today unless changed)          Alt+P  the day's log as a PDF
    Esc    closes

The service (`services.mail_log`) checks and records each entry; a refusal shows here.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from cashdesk.domain.dates import parse_day
from cashdesk.ui.credentials import message_label, show_message
from cashdesk.ui.fields import CARD_NUMBER_REFUSED, CardNumberGuard, EnterChain, focus_and_select, line_field
from cashdesk.ui.focus_marks import mark_focus
from cashdesk.ui.formatting import date_text
from cashdesk.ui.i18n import translate
from cashdesk.ui.labels import add_rows, column, explanation, heading, read_only
from cashdesk.ui.models import Column, RowsModel
from cashdesk.ui.operations import Operation
from cashdesk.ui.operator_dialog import OperatorDialog

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.mail_log import MailLogEntry

log = logging.getLogger(__name__)


class MailLogModel(RowsModel["MailLogEntry"]):
    """The day's entries, in the order they were logged."""

    def __init__(self, zone: dt.tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column(translate("mail_log", "No."), lambda e: str(e.id), lambda e: e.id),
            Column(
                translate("mail_log", "Time"),
                lambda e: e.logged_at.astimezone(zone).strftime("%I:%M %p"),
                lambda e: e.logged_at,
            ),
            Column(translate("mail_log", "Type"), lambda e: e.doc_type, lambda e: e.doc_type),
            Column(translate("mail_log", "From"), lambda e: e.sender, lambda e: e.sender),
            Column(translate("mail_log", "Reference"), lambda e: e.reference, lambda e: e.reference),
            Column(translate("mail_log", "Routed to"), lambda e: e.routed_to, lambda e: e.routed_to),
            Column(translate("mail_log", "Notes"), lambda e: e.notes, lambda e: e.notes),
            Column(translate("mail_log", "Logged by"), lambda e: e.logged_by, lambda e: e.logged_by),
        )


class MailLogDialog(OperatorDialog):
    """Log the documents of the day's mail; `logged` holds the entries made in this dialog."""

    def __init__(self, ctx: ServiceContext, operator: Operator, parent: QWidget | None = None, *,
                 folder: Path | None = None) -> None:  # fmt: skip
        from cashdesk.services.mail_log import DOCUMENT_TYPES, divisions

        super().__init__(ctx, operator, "mailLogDialog", translate("mail_log", "Mail log"), parent)
        self._folder = folder
        self.logged: list[MailLogEntry] = []
        self.saved_to: Path | None = None

        title = heading(self, translate("mail_log", "Mail log — documents that are not payments"))
        explain = explanation(
            translate(
                "mail_log",
                "Court documents, applications, correspondence: type what it is, who sent it, its reference, the "
                "division it goes to and any notes. Enter moves on; Enter on the notes logs it and starts the next "
                "one. "
                "Alt+D changes the date received; Alt+P saves the day's log as a PDF to print; Esc closes.",
            )
        )

        form = self._build_form(divisions(ctx), DOCUMENT_TYPES)

        self.message_label = message_label("mailLogMessage")
        self.day_label = heading(self, "")
        self.day_label.setObjectName("mailLogDay")
        zone = ZoneInfo(ctx.settings.city.time_zone)
        self.model = MailLogModel(zone, self)
        self.table = read_only(QTableView(), "mailLogEntries", self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        buttons = self._build_buttons()

        self.setMinimumSize(860, 620)
        mark_focus(self)  # a button or box with the keyboard shows it
        column(self, title, explain, form, self.message_label, self.day_label, self.table, buttons, grow=self.table)

        self._wire_keys()
        self._day = ctx.today()
        self.refresh()
        self.type_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_form(self, divisions: Sequence[str], document_types: Sequence[str]) -> QFormLayout:
        """The entry's fields, in the order Enter goes through them."""
        self.date_field = self._line("mailLogDate", 10, date_text(self._ctx.today()))
        self.type_field = self._line(
            "mailLogType", 30, placeholder=translate("mail_log", "Court document, application, correspondence…")
        )
        self.type_field.setCompleter(self._completer([translate("mail_log", kind) for kind in document_types]))
        self.sender_field = self._line(
            "mailLogFrom", 120, placeholder=translate("mail_log", "A person, a business, a court")
        )
        self.reference_field = self._line(
            "mailLogReference", 60, placeholder=translate("mail_log", "Case, account or application number")
        )
        self._divisions = divisions
        self.division_field = self._line(
            "mailLogDivision", 60, placeholder=translate("mail_log", "Type the first letters of the division")
        )
        self.division_field.setCompleter(self._completer(self._divisions))
        self.notes_field = self._line("mailLogNotes", 300)

        form = QFormLayout()
        add_rows(
            form,
            (translate("mail_log", "&Date received:"), self.date_field),
            (translate("mail_log", "&Type:"), self.type_field),
            (translate("mail_log", "&From:"), self.sender_field),
            (translate("mail_log", "&Reference:"), self.reference_field),
            (translate("mail_log", "Routed t&o:"), self.division_field),
            (translate("mail_log", "&Notes:"), self.notes_field),
        )
        return form

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.log_button = QPushButton(translate("mail_log", "&Log it"))
        self.log_button.setObjectName("mailLogAdd")
        self.pdf_button = QPushButton(translate("mail_log", "&Print the day's log (PDF)"))
        self.pdf_button.setObjectName("mailLogPdf")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        for button in (self.log_button, self.pdf_button, close):
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons.addButton(self.log_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.log_button.clicked.connect(self.submit)
        self.pdf_button.clicked.connect(self.save_pdf)

        return buttons

    def _wire_keys(self) -> None:
        """Card numbers refused in every field; Tab and Enter go through the fields in order."""
        self._guard = CardNumberGuard(self)
        self._guard.watch(self.date_field, self.type_field, self.sender_field, self.reference_field,
                          self.division_field, self.notes_field)  # fmt: skip
        self._guard.refused.connect(lambda field: self.refuse(translate("fields", CARD_NUMBER_REFUSED), field))
        self._entry_fields = [self.type_field, self.sender_field, self.reference_field, self.division_field,
                              self.notes_field]  # fmt: skip
        for first, second in zip([self.date_field, *self._entry_fields], self._entry_fields, strict=False):
            QWidget.setTabOrder(first, second)
        self._chain = EnterChain([self.date_field, *self._entry_fields], self.submit, self)
        self._chain.on_enter(self.date_field, self._enter_in_date)
        self._chain.on_enter(
            self.type_field,
            lambda: self._required(
                self.type_field, translate("mail_log", "Type what the document is (court document, application, …).")
            ),
        )
        self._chain.on_enter(
            self.sender_field, lambda: self._required(self.sender_field, translate("mail_log", "Type who sent it."))
        )
        self._chain.on_enter(self.division_field, self._enter_in_division)

    def _completer(self, words: Sequence[str]) -> QCompleter:
        """Typing the first letters completes the word in the field (the rest selected, so typing goes on)."""
        completer = QCompleter(list(words), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        return completer

    def _line(self, name: str, max_length: int, text: str = "", *, placeholder: str = "") -> QLineEdit:
        return line_field(QLineEdit(), name, max_length, text=text, placeholder=placeholder)

    # -- Enter ---------------------------------------------------------------------------------------

    def _enter_in_date(self) -> bool:
        try:
            day = parse_day(self.date_field.text())
        except ValueError as exc:
            self.refuse(str(exc), self.date_field)
            return True
        self.date_field.setText(date_text(day))
        if day != self._day:
            self._day = day
            self.refresh()
        return False

    def _required(self, field: QLineEdit, text: str) -> bool:
        if self._guard.check_now():
            return True
        if not field.text().strip():
            self.refuse(text, field)
            return True
        return False

    def division(self) -> str | None:
        """The division typed: its whole name, or first letters that only it starts with."""
        typed = " ".join(self.division_field.text().split()).casefold()
        if not typed:
            return None
        exact = [d for d in self._divisions if d.casefold() == typed]
        starting = [d for d in self._divisions if d.casefold().startswith(typed)]
        return exact[0] if exact else starting[0] if len(starting) == 1 else None

    def _enter_in_division(self) -> bool:
        division = self.division()
        if division is None:
            self.refuse(
                translate("mail_log", "Choose the division it goes to: {join}. Type its first letters.").format(
                    join=", ".join(self._divisions)
                ),
                self.division_field,
            )
            return True
        self.division_field.setText(division)
        return False

    # -- logging ---------------------------------------------------------------------------------------

    def submit(self) -> None:
        from cashdesk.services.context import ServiceError
        from cashdesk.services.mail_log import log_document

        if self._guard.check_now():
            return
        if self._enter_in_date():
            return
        steps: tuple[Callable[[], bool], ...] = (
            lambda: self._required(self.type_field, translate("mail_log", "Type what the document is.")),
            lambda: self._required(self.sender_field, translate("mail_log", "Type who sent it.")),
            self._enter_in_division,
        )
        for step in steps:
            if step():
                return
        try:
            entry = log_document(
                self._ctx, self._operator, doc_type=self.type_field.text(), sender=self.sender_field.text(),
                routed_to=self.division() or "", reference=self.reference_field.text(),
                notes=self.notes_field.text(), received_on=parse_day(self.date_field.text()),
            )  # fmt: skip
        except ServiceError as exc:
            self.refuse(str(exc), self.type_field)
            return
        except Exception as exc:  # the database failed: nothing was logged
            log.exception("logging the mail failed")
            self.refuse(
                translate("mail_log", "The document could not be logged ({exc}). Call your supervisor.").format(
                    exc=exc
                ),
                self.type_field,
            )
            return
        self.logged.append(entry)
        show_message(
            self.message_label,
            translate(
                "mail_log",
                "Logged no. {id}: {doc_type} from {sender}, routed to {routed_to}. Next document: type what it is.",
            ).format(id=entry.id, doc_type=entry.doc_type, sender=entry.sender, routed_to=entry.routed_to),
        )
        for field in (self.type_field, self.sender_field, self.reference_field, self.notes_field):
            field.clear()
        self.division_field.clear()
        self.refresh()
        focus_and_select(self.type_field)

    def refresh(self) -> None:
        from cashdesk.services.mail_log import entries_for

        # A help, not a gate: logging still works. A refusal is said in the same sentence.
        failed = translate("mail_log", "The day's log could not be read ({exc}).")
        entries = Operation(self, lambda: entries_for(self._ctx, self._operator, self._day), failed=failed,
                            log_as="reading the mail log failed")\
            .refused(lambda text: show_message(self.message_label, failed.format(exc=text), error=True))\
            .failure(lambda text: show_message(self.message_label, text, error=True)).run_now()  # fmt: skip
        if entries is None:
            return
        self.model.set_rows(entries)
        count = len(entries)
        self.day_label.setText(
            translate("mail_log", "{count} document{value2} logged as received on {date_text}").format(
                count=count, value2="s" if count != 1 else "", date_text=date_text(self._day)
            )
        )
        if count:
            self.table.scrollToBottom()

    def save_pdf(self) -> None:
        """The day's log as a PDF, written off the GUI thread; logging goes on meanwhile."""
        from cashdesk.services.mail_log import daily_log_pdf

        try:
            day = parse_day(self.date_field.text())
        except ValueError as exc:
            self.refuse(str(exc), self.date_field)
            return
        ctx, operator, folder = self._ctx, self._operator, self._folder

        def saved(path: Path) -> None:
            self.saved_to = path
            show_message(
                self.message_label,
                translate(
                    "mail_log",
                    "The mail log of {date_text} is saved: {path}. Print it and keep it with the day's papers.",
                ).format(date_text=date_text(day), path=path),
            )
            focus_and_select(self.type_field)

        Operation(self, lambda: daily_log_pdf(ctx, operator, day, folder),
                  failed=translate("mail_log", "The day's log could not be saved ({exc}). Call your supervisor."),
                  log_as="saving the mail log PDF failed")\
            .success(saved).failure(self.refuse).run_in_background()  # fmt: skip

    def refuse(self, text: str, field: QWidget | None = None) -> None:
        show_message(self.message_label, text, error=True)
        if field is not None:
            focus_and_select(field)


__all__ = ["MailLogDialog", "MailLogModel", "parse_day"]
