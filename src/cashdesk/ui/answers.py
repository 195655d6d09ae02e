"""Answers at the counter (F1): type a few of the customer's words, Enter, and the answers and
referrals come up best first; the one chosen shows beside them, to read out, print on the receipt
printer (Ctrl+P) or save as a PDF handout (Ctrl+D), its versions (Ctrl+H). Opened with an account
shown, it starts with the answers that belong beside that account. A supervisor changes the one
chosen (Ctrl+E) or writes a new answer (Ctrl+N) or referral (Ctrl+R): ui/answer_edit.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLineEdit, QListWidget, QListWidgetItem, QSplitter, QTextBrowser, QWidget

from cashdesk.domain.security import Permission
from cashdesk.services.answer_files import answer_handout, print_answer
from cashdesk.services.answers import answer_view, answers_for_account, referral, search_answers
from cashdesk.services.z_report import reports_folder
from cashdesk.ui.answer_edit import AnswerHistoryDialog, EntryEditDialog
from cashdesk.ui.answer_text import answer_html, referral_html
from cashdesk.ui.credentials import message_label, show_message
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from cashdesk.ui.labels import column, explanation, heading
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.services.answers import Found
    from cashdesk.services.context import Operator, ServiceContext

PRINT_KEY = "Ctrl+P"
HANDOUT_KEY = "Ctrl+D"
HISTORY_KEY = "Ctrl+H"
SEARCH_KEY = "F2"  # as at the counter: back to the search box
#: A supervisor's keys: change the entry chosen, a new answer, a new referral.
EDIT_KEY, NEW_ANSWER_KEY, NEW_REFERRAL_KEY = "Ctrl+E", "Ctrl+N", "Ctrl+R"
REVIEW_MARK = QT_TRANSLATE_NOOP("answers", "  [review due]")


class _SearchBox(QLineEdit):
    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def _hint_text(*, may_edit: bool) -> str:
    """The keys of the window, said under its heading; a supervisor's include the editing keys."""
    editing = (
        (
            translate(
                "answers",
                " {EDIT_KEY} changes the answer or referral chosen, {NEW_ANSWER_KEY} writes a new answer, "
                "{NEW_REFERRAL_KEY} a new referral.",
            ).format(EDIT_KEY=EDIT_KEY, NEW_ANSWER_KEY=NEW_ANSWER_KEY, NEW_REFERRAL_KEY=NEW_REFERRAL_KEY)
        )
        if may_edit
        else ""
    )
    return translate(
        "answers",
        "Enter searches; ↓ goes to the answers found, {SEARCH_KEY} back to the search; {PRINT_KEY} "
        "prints the answer on the receipt printer, {HANDOUT_KEY} saves it as a PDF handout, "
        "{HISTORY_KEY} shows its versions.{editing} Esc closes.",
    ).format(
        SEARCH_KEY=SEARCH_KEY,
        PRINT_KEY=PRINT_KEY,
        HANDOUT_KEY=HANDOUT_KEY,
        HISTORY_KEY=HISTORY_KEY,
        editing=editing,
    )


class AnswersDialog(QDialog):
    """The search box, the answers and referrals found, and the one chosen. Esc closes it."""

    #: A print job was queued: the window's print queue should run.
    printing_wanted = Signal()

    def __init__(self, ctx: ServiceContext, operator: Operator, *, account: tuple[str, str, int] | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("answersDialog")
        self.setWindowTitle(translate("answers", "Answers and referrals"))
        self._ctx = ctx
        self._operator = operator
        self.found: list[Found] = []
        self.search_field = _SearchBox()
        self.search_field.setObjectName("answersSearch")
        self.search_field.setMaxLength(200)
        self.search_field.setPlaceholderText(
            translate("answers", "A few of the customer's words, like: water shut off")
        )
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
        #: Supervisors change the answers and the referrals; a cashier searches and prints them.
        self.may_edit = operator.can(Permission.EDIT_ANSWERS)
        #: The change or the history open over this window (one at a time).
        self.side_dialog: QDialog | None = None
        self.hint = explanation(_hint_text(may_edit=self.may_edit))
        column(
            self,
            heading(self, translate("answers", "Answers and referrals")),
            self.hint,
            self.search_field,
            split,
            self.message,
            grow=split,
        )
        self.resize(900, 560)
        self.search_field.returnPressed.connect(self.search)
        self.search_field.down_pressed.connect(self._into_results)
        self.results.currentRowChanged.connect(self._show)
        self._bind_keys()
        if account is not None:
            self._for_account(*account)
        self.search_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _bind_keys(self) -> None:
        """The window's keys: search, print, handout, history; a supervisor's also change and write."""
        keys = [
            (SEARCH_KEY, self.focus_search),
            (PRINT_KEY, self.print_answer),
            (HANDOUT_KEY, self.save_handout),
            (HISTORY_KEY, self.show_history),
        ]
        if self.may_edit:  # a cashier's window has no such keys at all
            keys += [(EDIT_KEY, self.edit_current), (NEW_ANSWER_KEY, lambda: self.write_new("answer")),
                     (NEW_REFERRAL_KEY, lambda: self.write_new("referral"))]  # fmt: skip
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(slot)

    # -- finding ---------------------------------------------------------------------------------

    def _for_account(self, kind: str, status: str, past_due_cents: int) -> None:
        found = Operation(self, lambda: answers_for_account(self._ctx, self._operator, kind=kind, status=status,
                                                            past_due_cents=past_due_cents))  # fmt: skip
        listed = found.failure(self._say_error).run_now()
        if listed:
            self._list(listed, translate("answers", "Answers for the account shown; type to search for others."))

    def search(self) -> None:
        query = self.search_field.text()
        found = Operation(self, lambda: search_answers(self._ctx, self._operator, query)).failure(self._say_error)
        listed = found.run_now()
        if listed is None:
            return
        if not listed:
            self._list(
                [],
                translate("answers", "Nothing matches {query!r}: try other words, or fewer.").format(
                    query=query.strip()
                ),
            )
            return
        self._list(
            listed, translate("answers", "{listed} found, best first. ↓ to read them.").format(listed=len(listed))
        )

    def _list(self, found: list[Found], said: str) -> None:
        self.found = found
        self.results.clear()
        for entry in found:
            prefix = "" if entry.kind == "answer" else translate("answers", "Referral: ")
            item = QListWidgetItem(
                f"{prefix}{entry.title}{translate('answers', REVIEW_MARK) if entry.review_due else ''}"
            )
            item.setToolTip(entry.summary)
            self.results.addItem(item)
        show_message(self.message, said)
        if found:
            self.results.setCurrentRow(0)
        else:
            self.text.clear()

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

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
                self.text.setHtml(answer_html(view))
        else:
            place = Operation(self, lambda: referral(self._ctx, self._operator, entry.slug)).run_now()
            if place is not None:
                self.text.setHtml(referral_html(place))

    # -- on paper --------------------------------------------------------------------------------

    def print_answer(self) -> None:
        entry = self.current
        if entry is None or entry.kind != "answer":
            show_message(
                self.message, translate("answers", "Choose an answer first (↓ from the search box)."), error=True
            )
            return
        job = Operation(self, lambda: print_answer(self._ctx, self._operator, entry.slug)).failure(self._say_error)
        if job.run_now() is not None:
            show_message(
                self.message,
                translate("answers", "“{title}” is going to the receipt printer.").format(title=entry.title),
            )
            self.printing_wanted.emit()

    def save_handout(self) -> None:
        entry = self.current
        if entry is None or entry.kind != "answer":
            show_message(
                self.message, translate("answers", "Choose an answer first (↓ from the search box)."), error=True
            )
            return
        saved = Operation(self, lambda: answer_handout(self._ctx, self._operator, entry.slug,
                                                       reports_folder(self._ctx))).failure(self._say_error)  # fmt: skip
        path = saved.run_now()
        if path is not None:
            show_message(self.message, translate("answers", "The handout is saved: {path}").format(path=path))

    # -- a supervisor's changes, and the versions -------------------------------------------------

    def edit_current(self) -> None:
        entry = self.current
        if entry is None:
            show_message(
                self.message,
                translate("answers", "Choose the answer or referral to change first (↓ from the search box)."),
                error=True,
            )
            return
        if entry.kind == "answer":
            view = Operation(self, lambda: answer_view(self._ctx, self._operator, entry.slug))
            answer = view.failure(self._say_error).run_now()
            if answer is not None:
                self._open_side(EntryEditDialog(self._ctx, self._operator, answer=answer, parent=self))
        else:
            found = Operation(self, lambda: referral(self._ctx, self._operator, entry.slug))
            place = found.failure(self._say_error).run_now()
            if place is not None:
                self._open_side(EntryEditDialog(self._ctx, self._operator, referral=place, parent=self))

    def write_new(self, kind: str) -> None:
        self._open_side(EntryEditDialog(self._ctx, self._operator, kind=kind, parent=self))

    def show_history(self) -> None:
        entry = self.current
        if entry is None or entry.kind != "answer":
            show_message(
                self.message,
                translate(
                    "answers",
                    "Choose an answer first (↓ from the search box): referrals keep no versions; "
                    "their changes are in the audit trail.",
                ),
                error=True,
            )
            return
        self._open_side(AnswerHistoryDialog(self._ctx, self._operator, entry.slug, parent=self))

    def _open_side(self, dialog: QDialog) -> None:
        if self.side_dialog is not None:
            dialog.deleteLater()
            self.side_dialog.raise_()
            self.side_dialog.activateWindow()
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._side_closed(dialog, result))
        self.side_dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def _side_closed(self, dialog: QDialog, result: int) -> None:
        self.side_dialog = None
        if not self.isVisible():
            return
        self.activateWindow()
        if isinstance(dialog, EntryEditDialog):
            if result == QDialog.DialogCode.Accepted:
                self._saved(dialog)
            else:
                show_message(self.message, translate("answers", "Nothing was changed."))
        focus = self.results if self.results.count() else self.search_field
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _saved(self, dialog: EntryEditDialog) -> None:
        """The change is in: search again (for its title, when nothing was searched for) so the list and
        the text show it, the entry chosen."""
        if not self.search_field.text().strip():
            self.search_field.setText(dialog.saved_title)
        self.search()
        row = next((n for n, f in enumerate(self.found) if f.slug == dialog.saved_slug and f.kind == dialog.kind), -1)
        if row >= 0:
            self.results.setCurrentRow(row)
        what = (
            translate("answers", "version {saved_version}").format(saved_version=dialog.saved_version)
            if dialog.kind == "answer"
            else translate("answers", "the referral directory")
        )
        show_message(
            self.message,
            translate("answers", "Saved: “{saved_title}”, {what}.").format(saved_title=dialog.saved_title, what=what),
        )

    def _say_error(self, text: str) -> None:
        show_message(self.message, text, error=True)
