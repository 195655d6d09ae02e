"""A supervisor's change to an answer or a referral (from the answers window: Ctrl+E, Ctrl+N, Ctrl+R),
and the versions an answer has had (Ctrl+H). Everything by the keyboard: Tab or Enter moves on, the
text takes Enter as a new paragraph, Ctrl+S saves (a new version, audited), Esc leaves it unchanged.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QWidget,
)

from cashdesk.domain.answer_rules import FIRST_VERSION, TITLE_LIMIT, field_shown, keywords_from, slug_from, topics_from
from cashdesk.domain.answers import TOPICS, Answer, Referral
from cashdesk.domain.dates import parse_day
from cashdesk.services.answers import AnswerVersion, AnswerView, answer_history, save_answer, save_referral
from cashdesk.ui.answer_text import answer_html
from cashdesk.ui.credentials import message_label, show_message
from cashdesk.ui.formatting import date_text
from cashdesk.ui.i18n import translate
from cashdesk.ui.labels import accept_buttons, add_rows, column, explanation, heading
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext

SAVE_KEY = "Ctrl+S"


def _line(name: str, text: str = "", limit: int = 300, placeholder: str = "") -> QLineEdit:
    field = QLineEdit(text)
    field.setObjectName(name)
    field.setMaxLength(limit)
    if placeholder:
        field.setPlaceholderText(placeholder)
    return field


def _text(name: str, text: str) -> QPlainTextEdit:
    field = QPlainTextEdit(text)
    field.setObjectName(name)
    field.setTabChangesFocus(True)  # Tab moves on, as in every other field; Enter starts a new line
    field.setMinimumHeight(90)
    return field


class EntryEditDialog(QDialog):
    """An answer's or a referral's parts, to change (a new version) or to fill in (a new one)."""

    def __init__(self, ctx: ServiceContext, operator: Operator, *, answer: AnswerView | None = None,
                 referral: Referral | None = None, kind: str = "answer",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._ctx = ctx
        self._operator = operator
        self.kind = "referral" if referral is not None else ("answer" if answer is not None else kind)
        self.is_new = answer is None and referral is None
        self._based_on = answer.version if answer is not None else 0
        self._sample = answer.answer.sample if answer else bool(referral and referral.sample)
        #: After a save: what the answers window says and searches for.
        self.saved_slug = ""
        self.saved_title = ""
        self.saved_version = 0
        self.setObjectName("answerEditDialog")
        what = "answer" if self.kind == "answer" else "referral"
        title = (
            translate("answer_edit", "A new {what}").format(what=what)
            if self.is_new
            else translate("answer_edit", "Change the {what}").format(what=what)
        )
        self.setWindowTitle(title)
        form = QFormLayout()
        if self.kind == "answer":
            self.lines, self.body = self._answer_fields(form, answer.answer if answer else None)
        else:
            self.lines, self.body = self._referral_fields(form, referral)
        slug = answer.answer.slug if answer else referral.slug if referral else ""
        self.id_field = _line(
            "entryId",
            slug,
            80,
            translate("answer_edit", "empty: made from the ") + ("title" if what == "answer" else "name"),
        )
        self.id_field.setReadOnly(not self.is_new)  # the id names its files and versions: kept
        add_rows(form, (translate("answer_edit", "&Id:"), self.id_field))
        self.lines.append(self.id_field)
        self.message = message_label("answerEditMessage")
        self.save_button = QPushButton(translate("answer_edit", "&Save ({SAVE_KEY})").format(SAVE_KEY=SAVE_KEY))
        self.save_button.setObjectName("saveEntry")
        self.save_button.setAutoDefault(False)  # Enter moves between fields; Ctrl+S saves
        buttons = accept_buttons(self, self.save_button, self.save)
        hint = explanation(
            translate(
                "answer_edit",
                "Tab or Enter: the next field; in the text, Enter starts a new line. {SAVE_KEY} saves it "
                "as a new version (kept and audited); Esc leaves it as it was.",
            ).format(SAVE_KEY=SAVE_KEY)
        )
        column(self, heading(self, title), hint, form, self.message, buttons, grow=None)
        QShortcut(QKeySequence(SAVE_KEY), self).activated.connect(self.save)
        for field in self.lines:
            field.returnPressed.connect(lambda field=field: self._next_from(field))
        self.setMinimumWidth(720)  # the text reads as it will on a handout; fits a 1024×768 screen
        self.resize(760, 640)
        self.lines[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _answer_fields(self, form: QFormLayout, a: Answer | None) -> tuple[list[QLineEdit], QPlainTextEdit]:
        self.title_field = _line(
            "answerTitle", a.title if a else "", TITLE_LIMIT, translate("answer_edit", "what it is about, for the list")
        )
        self.question_field = _line(
            "answerQuestion",
            a.question if a else "",
            300,
            translate("answer_edit", "as customers ask it: Why was my water turned off?"),
        )
        body = _text("answerBody", a.body if a else "")
        self.citation_field = _line(
            "answerCitation", a.citation if a else "", 300, translate("answer_edit", "Municipal Code § 13.08.140")
        )
        self.link_field = _line("answerLink", a.link if a else "", 300, "https://…")
        self.effective_field = _line("answerEffective", date_text(a.effective_on) if a else "", 10, "MM/DD/YYYY")
        self.review_field = _line("answerReview", date_text(a.review_on) if a else "", 10, "MM/DD/YYYY")
        self.department_field = _line("answerDepartment", a.department if a else "", TITLE_LIMIT)
        self.keywords_field = _line("answerKeywords", ", ".join(a.keywords) if a else "", 1000,
                                    translate("answer_edit", "customers' own words, separated by commas"))  # fmt: skip
        self.topics_field = _line("answerTopics", " ".join(a.applies_to) if a else "", 200, " ".join(TOPICS))
        add_rows(
            form,
            (translate("answer_edit", "&Title:"), self.title_field),
            (translate("answer_edit", "&Question:"), self.question_field),
            (translate("answer_edit", "Te&xt:"), body),
            (translate("answer_edit", "&Rests on:"), self.citation_field),
            (translate("answer_edit", "&Link:"), self.link_field),
            (translate("answer_edit", "&Effective:"), self.effective_field),
            (translate("answer_edit", "Re&view on:"), self.review_field),
            (translate("answer_edit", "&Department:"), self.department_field),
            (translate("answer_edit", "&Keywords:"), self.keywords_field),
            (translate("answer_edit", "Beside &accounts:"), self.topics_field),
        )
        lines = [self.title_field, self.question_field, self.citation_field, self.link_field, self.effective_field,
                 self.review_field, self.department_field, self.keywords_field, self.topics_field]  # fmt: skip
        return lines, body

    def _referral_fields(self, form: QFormLayout, r: Referral | None) -> tuple[list[QLineEdit], QPlainTextEdit]:
        self.name_field = _line(
            "referralName", r.name if r else "", TITLE_LIMIT, translate("answer_edit", "the department or agency")
        )
        body = _text("referralHandles", r.handles if r else "")
        self.phone_field = _line("referralPhone", r.phone if r else "", 40, "(303) 555-0100")
        self.address_field = _line("referralAddress", r.address if r else "", 300)
        self.hours_field = _line(
            "referralHours", r.hours if r else "", 300, translate("answer_edit", "Mon-Fri 8:00-5:00")
        )
        self.web_field = _line("referralWeb", r.web if r else "", 300, "https://…")
        self.keywords_field = _line("referralKeywords", ", ".join(r.keywords) if r else "", 1000,
                                    translate("answer_edit", "customers' own words, separated by commas"))  # fmt: skip
        add_rows(
            form,
            (translate("answer_edit", "&Name:"), self.name_field),
            (translate("answer_edit", "What it &handles:"), body),
            (translate("answer_edit", "&Phone:"), self.phone_field),
            (translate("answer_edit", "Add&ress:"), self.address_field),
            (translate("answer_edit", "H&ours:"), self.hours_field),
            (translate("answer_edit", "&Web:"), self.web_field),
            (translate("answer_edit", "&Keywords:"), self.keywords_field),
        )
        lines = [self.name_field, self.phone_field, self.address_field, self.hours_field, self.web_field,
                 self.keywords_field]  # fmt: skip
        return lines, body

    def _next_from(self, field: QLineEdit) -> None:
        """Enter: the next field down (the text after the first line or two), Ctrl+S after the last."""
        before_text = 2 if self.kind == "answer" else 1  # the title and the question; a referral's name
        order: list[QWidget] = [*self.lines[:before_text], self.body, *self.lines[before_text:]]
        later = [f for f in order[order.index(field) + 1 :] if f.isEnabled() and not _read_only(f)]
        if later:
            later[0].setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.save()

    # -- saving ----------------------------------------------------------------------------------

    def _entry(self) -> Answer | Referral:
        """What the fields say, tidied; ValueError in words for a date that is not one."""
        body = self.body.toPlainText().replace("\r\n", "\n").strip()
        if self.kind == "referral":
            name = self.name_field.text().strip()
            return Referral(self._slug(name), name, body, self.phone_field.text().strip(),
                            self.address_field.text().strip(), self.hours_field.text().strip(),
                            self.web_field.text().strip(), keywords_from(self.keywords_field.text()),
                            self._sample)  # fmt: skip
        title = self.title_field.text().strip()
        return Answer(
            self._slug(title),
            title,
            self.question_field.text().strip(),
            body,
            self.citation_field.text().strip(),
            self.link_field.text().strip(),
            _day(self.effective_field, translate("answer_edit", "effective date")),
            _day(self.review_field, translate("answer_edit", "review date")),
            self.department_field.text().strip(),
            keywords_from(self.keywords_field.text()),
            topics_from(self.topics_field.text()),
            self._sample,
        )

    def _slug(self, title: str) -> str:
        return self.id_field.text().strip() or slug_from(title)

    def save(self) -> None:
        try:
            entry = self._entry()
        except ValueError as exc:
            show_message(self.message, translate("answer_edit", "{exc} Nothing was saved.").format(exc=exc), error=True)
            return
        if isinstance(entry, Answer):
            answer = entry
            saving = Operation(self, lambda: save_answer(self._ctx, self._operator, answer, based_on=self._based_on))
            version = saving.failure(self._refused).run_now()
            if version is None:
                return
            self.saved_slug, self.saved_title, self.saved_version = answer.slug, answer.title, version
        else:
            place = entry
            done = Operation(self, lambda: save_referral(self._ctx, self._operator, place, new=self.is_new))
            done.failure(self._refused).run_now()
            if done.failed:
                return
            self.saved_slug, self.saved_title = place.slug, place.name
        self.accept()

    def _refused(self, text: str) -> None:
        show_message(self.message, text, error=True)


def _read_only(field: QWidget) -> bool:
    return isinstance(field, QLineEdit) and field.isReadOnly()


def _day(field: QLineEdit, what: str) -> dt.date | None:
    text = field.text().strip()
    if not text:
        return None
    try:
        return parse_day(text)
    except ValueError as exc:
        raise ValueError(translate("answer_edit", "The {what}: {exc}").format(what=what, exc=exc)) from None


# -- the versions of an answer ---------------------------------------------------------------------


class AnswerHistoryDialog(QDialog):
    """Every version of an answer, newest first: who saved it, when, what it changed; the text of the
    version chosen beside the list. ↑/↓ choose, Esc closes."""

    def __init__(self, ctx: ServiceContext, operator: Operator, slug: str, *,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("answerHistoryDialog")
        self.setWindowTitle(translate("answer_edit", "Versions of the answer"))
        self._zone = ZoneInfo(ctx.settings.city.time_zone)
        self.versions: list[AnswerVersion] = []
        self.list = QListWidget()
        self.list.setObjectName("answerVersions")
        self.text = QTextBrowser()
        self.text.setObjectName("answerVersionText")
        self.text.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.message = message_label("answerHistoryMessage")
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(self.text)
        split.setSizes([340, 520])
        hint = explanation(
            translate("answer_edit", "Newest first. ↑/↓ choose a version: its text shows beside the list. Esc closes.")
        )
        self.heading = heading(self, translate("answer_edit", "Versions"))
        column(self, self.heading, hint, split, self.message, grow=split)
        self.setMinimumWidth(760)  # a version's line whole beside its text; fits a 1024×768 screen
        self.resize(900, 560)
        self.list.currentRowChanged.connect(self._show)
        found = Operation(self, lambda: answer_history(ctx, operator, slug)).failure(self._refused).run_now()
        if found:
            self.versions = found
            self.heading.setText(translate("answer_edit", "Versions of “{title}”").format(title=found[0].answer.title))
            for entry in found:
                self.list.addItem(QListWidgetItem(self.line(entry)))
            self.list.setCurrentRow(0)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def line(self, entry: AnswerVersion) -> str:
        """ "Version 2 · 12/01/2026 09:30 AM · super2", then on its own line "changed: text, keywords"."""
        at = entry.changed_at.replace(tzinfo=dt.UTC).astimezone(self._zone)
        what = ", ".join(map(field_shown, entry.changed)) or translate("answer_edit", "nothing (saved again as it was)")
        what = (
            what if entry.changed == (FIRST_VERSION,) else translate("answer_edit", "changed: {what}").format(what=what)
        )
        return translate("answer_edit", "Version {version} · {at:%m/%d/%Y %I:%M %p} · {changed_by}\n{what}").format(
            version=entry.version, at=at, changed_by=entry.changed_by, what=what
        )

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.versions):
            entry = self.versions[row]
            self.text.setHtml(answer_html(AnswerView(entry.answer, entry.version, entry.changed_by,
                                                     entry.changed_at, review_due=False)))  # fmt: skip

    def _refused(self, text: str) -> None:
        show_message(self.message, text, error=True)
