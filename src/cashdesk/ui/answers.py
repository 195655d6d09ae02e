"""Answers at the counter (F1): type a few of the customer's words, Enter, and the answers and
referrals come up best first; the one chosen shows beside them, to read out, print on the receipt
printer (Ctrl+P) or save as a PDF handout (Ctrl+D). Opened with an account shown, it starts with
the answers that belong beside that account."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QSplitter, QTextBrowser, QWidget

from cashdesk.domain.answers import Referral
from cashdesk.services.answer_files import answer_handout, print_answer
from cashdesk.services.answers import AnswerView, answer_view, answers_for_account, referral, search_answers
from cashdesk.services.z_report import reports_folder
from cashdesk.ui.credentials import message_label, show_message
from cashdesk.ui.labels import column, explanation, heading
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.services.answers import Found
    from cashdesk.services.context import Operator, ServiceContext

PRINT_KEY = "Ctrl+P"
HANDOUT_KEY = "Ctrl+D"
REVIEW_MARK = "  [review due]"


class _SearchBox(QLineEdit):
    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class AnswersDialog(QDialog):
    """The search box, the answers and referrals found, and the one chosen. Esc closes it."""

    #: A print job was queued: the window's print queue should run.
    printing_wanted = Signal()

    def __init__(self, ctx: ServiceContext, operator: Operator, *, account: tuple[str, str, int] | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("answersDialog")
        self.setWindowTitle("Answers and referrals")
        self._ctx = ctx
        self._operator = operator
        self.found: list[Found] = []
        self.search_field = _SearchBox()
        self.search_field.setObjectName("answersSearch")
        self.search_field.setMaxLength(200)
        self.search_field.setPlaceholderText("A few of the customer's words, like: water shut off")
        self.results = QListWidget()
        self.results.setObjectName("answersResults")
        self.text = QTextBrowser()
        self.text.setObjectName("answerText")
        self.text.setOpenExternalLinks(False)
        self.text.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.message = message_label("answersMessage")
        split = QSplitter()
        split.addWidget(self.results)
        split.addWidget(self.text)
        split.setSizes([320, 560])
        hint = explanation(f"Enter searches; ↓ goes to the answers found; {PRINT_KEY} prints the answer on the "
                           f"receipt printer, {HANDOUT_KEY} saves it as a PDF handout; Esc closes.")  # fmt: skip
        column(self, heading(self, "Answers and referrals"), hint, self.search_field, split, self.message, grow=split)
        self.resize(900, 560)
        self.search_field.returnPressed.connect(self.search)
        self.search_field.down_pressed.connect(self._into_results)
        self.results.currentRowChanged.connect(self._show)
        for key, slot in ((PRINT_KEY, self.print_answer), (HANDOUT_KEY, self.save_handout)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(slot)
        if account is not None:
            self._for_account(*account)
        self.search_field.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- finding ---------------------------------------------------------------------------------

    def _for_account(self, kind: str, status: str, past_due_cents: int) -> None:
        found = Operation(self, lambda: answers_for_account(self._ctx, self._operator, kind=kind, status=status,
                                                            past_due_cents=past_due_cents))  # fmt: skip
        listed = found.failure(self._say_error).run_now()
        if listed:
            self._list(listed, "Answers for the account shown; type to search for others.")

    def search(self) -> None:
        query = self.search_field.text()
        found = Operation(self, lambda: search_answers(self._ctx, self._operator, query)).failure(self._say_error)
        listed = found.run_now()
        if listed is None:
            return
        if not listed:
            self._list([], f"Nothing matches {query.strip()!r}: try other words, or fewer.")
            return
        self._list(listed, f"{len(listed)} found, best first. ↓ to read them.")

    def _list(self, found: list[Found], said: str) -> None:
        self.found = found
        self.results.clear()
        for entry in found:
            prefix = "" if entry.kind == "answer" else "Referral: "
            item = QListWidgetItem(f"{prefix}{entry.title}{REVIEW_MARK if entry.review_due else ''}")
            item.setToolTip(entry.summary)
            self.results.addItem(item)
        show_message(self.message, said)
        if found:
            self.results.setCurrentRow(0)
        else:
            self.text.clear()

    def _into_results(self) -> None:
        if self.results.count():
            self.results.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def current(self) -> Found | None:
        row = self.results.currentRow()
        return self.found[row] if 0 <= row < len(self.found) else None

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.found):
            return
        entry = self.found[row]
        if entry.kind == "answer":
            view = Operation(self, lambda: answer_view(self._ctx, self._operator, entry.slug)).run_now()
            if view is not None:
                self.text.setHtml(_answer_html(view))
        else:
            place = Operation(self, lambda: referral(self._ctx, self._operator, entry.slug)).run_now()
            if place is not None:
                self.text.setHtml(_referral_html(place))

    # -- on paper --------------------------------------------------------------------------------

    def print_answer(self) -> None:
        entry = self.current
        if entry is None or entry.kind != "answer":
            show_message(self.message, "Choose an answer first (↓ from the search box).", error=True)
            return
        job = Operation(self, lambda: print_answer(self._ctx, self._operator, entry.slug)).failure(self._say_error)
        if job.run_now() is not None:
            show_message(self.message, f"“{entry.title}” is going to the receipt printer.")
            self.printing_wanted.emit()

    def save_handout(self) -> None:
        entry = self.current
        if entry is None or entry.kind != "answer":
            show_message(self.message, "Choose an answer first (↓ from the search box).", error=True)
            return
        saved = Operation(self, lambda: answer_handout(self._ctx, self._operator, entry.slug,
                                                       reports_folder(self._ctx))).failure(self._say_error)  # fmt: skip
        path = saved.run_now()
        if path is not None:
            show_message(self.message, f"The handout is saved: {path}")

    def _say_error(self, text: str) -> None:
        show_message(self.message, text, error=True)


def _answer_html(view: AnswerView) -> str:
    a = view.answer
    parts = [f"<h2>{html.escape(a.title)}</h2>"]
    if view.review_due:
        parts.append(f"<p style='color:#b00020;font-weight:bold'>Due for review since {a.review_on:%m/%d/%Y}: "
                     "check it with a supervisor before relying on it.</p>")  # fmt: skip
    if a.question:
        parts.append(f"<p><i>“{html.escape(a.question)}”</i></p>")
    parts += [f"<p>{html.escape(p)}</p>" for p in a.body.split("\n\n") if p.strip()]
    facts = [("Rests on", a.citation), ("Link", a.link), ("Department", a.department),
             ("Effective", f"{a.effective_on:%m/%d/%Y}" if a.effective_on else ""),
             ("Version", f"{view.version}, by {view.changed_by}")]  # fmt: skip
    parts += [f"<p><b>{label}:</b> {html.escape(value)}</p>" for label, value in facts if value]
    return "".join(parts)


def _referral_html(place: Referral) -> str:
    parts = [f"<h2>{html.escape(place.name)}</h2>"]
    parts += [f"<p>{html.escape(p)}</p>" for p in place.handles.split("\n\n") if p.strip()]
    facts = [("Phone", place.phone), ("Address", place.address), ("Hours", place.hours), ("Web", place.web)]
    parts += [f"<p><b>{label}:</b> {html.escape(value)}</p>" for label, value in facts if value]
    return "".join(parts)
