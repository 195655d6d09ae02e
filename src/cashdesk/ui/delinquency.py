"""The delinquency run (Ctrl+Shift+K, Supervisor → Delinquency run…): a supervisor previews what a run
on a date would do to each past-due account (the steps, the fees, the next step, the accounts held),
then commits it for today, after saying yes to what it will do.

    the date, Enter (or Alt+V)  previews it: nothing is written
    Alt+M  commits today's run: a Yes/No question with the counts and the fees first (Y commits,
           N or Esc goes back); a second commit for the date changes nothing and says so
    Up/Down in the list reads the accounts; Esc closes

The services (`services.delinquency`) decide and record everything; a refusal shows here in their
words and changes nothing. docs/delinquency.md has the rules.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QHeaderView, QLineEdit, QTableView, QWidget

from cashdesk.domain.dates import parse_day
from cashdesk.domain.delinquency import Step
from cashdesk.services.delinquency import AccountSteps, RunPreview
from cashdesk.ui.credentials import message_label
from cashdesk.ui.fields import EnterChain, ask, focus_and_select, line_field
from cashdesk.ui.focus_marks import mark_focus
from cashdesk.ui.formatting import date_text
from cashdesk.ui.i18n import translate
from cashdesk.ui.labels import add_rows, column, explanation, heading, read_only
from cashdesk.ui.models import Column, RowsModel, money_column
from cashdesk.ui.work_screen import WorkScreen

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from cashdesk.services.context import Operator, ServiceContext

T = TypeVar("T")


def _steps(a: AccountSteps) -> str:
    return ", ".join(x.work_order and f"{x.step.shown} {x.work_order}" or x.step.shown for x in a.actions)


def _next(a: AccountSteps) -> str:
    return f"{a.next_step[0].shown}, {date_text(a.next_step[1])}" if a.next_step else "—"


class RunModel(RowsModel[AccountSteps]):
    """One row per account the run takes a step on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column(translate("delinquency", "Account"), lambda a: a.account, lambda a: a.account),
            Column(translate("delinquency", "Name"), lambda a: a.name, lambda a: a.name),
            Column(translate("delinquency", "Steps"), _steps, _steps),
            money_column(translate("delinquency", "Fees"), lambda a: a.fees),
            money_column(translate("delinquency", "Due after"), lambda a: a.amount_due),
            Column(
                translate("delinquency", "Next step"), _next, lambda a: a.next_step[1] if a.next_step else dt.date.max
            ),
        )


def preview_text(shown: RunPreview) -> str:
    """What the preview says: the counts and fees, the accounts held, why no door tags, a run done."""
    steps = ", ".join(f"{shown.count(step)} {step.shown.lower()}" for step in Step if shown.count(step))
    said = (
        translate("delinquency", "Delinquency run for {date_text}: {accounts} account(s), {fees} in fees").format(
            date_text=date_text(shown.on), accounts=len(shown.accounts), fees=shown.fees.display()
        )
        + (f" ({steps})" if steps else "")
        + "."
    )
    if shown.held:
        more = (
            translate("delinquency", " and {value1} more").format(value1=len(shown.held) - 5)
            if len(shown.held) > 5
            else ""
        )
        said += translate("delinquency", " Held from door tags and disconnects: {join}{more}.").format(
            join=", ".join(shown.held[:5]), more=more
        )
    if shown.shutoff_refusal:
        said += translate("delinquency", " No door tags or disconnects: {shutoff_refusal}").format(
            shutoff_refusal=shown.shutoff_refusal
        )
    if shown.committed:
        said += f" {shown.committed}"
    return said


class DelinquencyRunDialog(WorkScreen):
    log_as = "the delinquency run failed"

    def __init__(self, ctx: ServiceContext, operator: Operator, parent: QWidget | None = None) -> None:
        super().__init__(ctx, operator, "delinquencyRunDialog", translate("delinquency", "Delinquency run"), parent)
        title = heading(self, translate("delinquency", "Delinquency run — collection steps on past-due accounts"))
        explain = explanation(
            translate(
                "delinquency",
                "Type the date and press Enter to preview the run: nothing is written. Alt+M commits today's run "
                "after you answer Y to what it will do (once a day). Up/Down reads the accounts. Esc closes.",
            )
        )
        self.message_label = message_label("delinquencyMessage")
        self.model = RunModel(self)
        self.table = read_only(QTableView(), "delinquencyPreview", self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.date_field = line_field(QLineEdit(), "delinquencyDate", 10, text=date_text(ctx.today()),
                                     placeholder="MM/DD/YYYY")  # fmt: skip
        form = QFormLayout()
        add_rows(form, (translate("delinquency", "&Date:"), self.date_field))
        self.setMinimumSize(760, 480)
        mark_focus(self)
        column(self, title, explain, form, self.message_label, self.table, self._build_buttons(), grow=self.table)
        self._chain = EnterChain([self.date_field], self.preview, self)
        self.question: QMessageBox | None = None
        self.preview_shown: RunPreview | None = None
        focus_and_select(self.date_field)

    def _build_buttons(self) -> QDialogButtonBox:
        return self.action_row("delinquency", (
            ("preview", translate("delinquency", "Pre&view"), self.preview),
            ("commit", translate("delinquency", "Co&mmit today's run"), self.commit),
        ))  # fmt: skip

    def _day(self) -> dt.date | None:
        try:
            return parse_day(self.date_field.text())
        except ValueError as exc:
            self.refuse(str(exc))
            return None

    def _preview(self) -> RunPreview | None:
        from cashdesk.services.delinquency import preview

        day = self._day()
        shown = None if day is None else self._call(lambda: preview(self._ctx, self._operator, day))
        if shown is not None:
            self.preview_shown = shown
            self.model.set_rows(shown.accounts)
            if shown.accounts:
                self.table.selectRow(0)
            self.say(preview_text(shown), error=bool(shown.committed))
        return shown

    def preview(self) -> None:
        self._preview()
        focus_and_select(self.date_field)

    def commit(self) -> None:
        """Preview first (the question carries today's numbers), then ask; a date already run, or not
        today, goes straight to the service, whose refusal says why and changes nothing."""
        shown = self._preview()
        if shown is None:
            return
        if shown.committed or shown.on != self._ctx.today():
            self._commit(shown.on)
            return
        tags, cuts = shown.count(Step.DOOR_TAG), shown.count(Step.DISCONNECT)
        text = translate(
            "delinquency",
            "Commit the delinquency run for {date_text}? {accounts} account(s), {fees} in fees "
            "charged, {tags} door tag(s) and {cuts} disconnect(s) ordered, and a notice letter written "
            "for each account. It is done once for the date.",
        ).format(
            date_text=date_text(shown.on), accounts=len(shown.accounts), fees=shown.fees.display(), tags=tags, cuts=cuts
        )
        self.question = ask(self, translate("delinquency", "Commit the delinquency run"), text,
                            lambda yes: self._answered(yes, shown.on), name="commitDelinquencyRun")  # fmt: skip

    def _answered(self, yes: bool, day: dt.date) -> None:
        self.question = None
        self.activateWindow()  # the keyboard comes back from the question
        if yes:
            self._commit(day)
        else:
            self.say(translate("delinquency", "Not committed: nothing was changed."))
            focus_and_select(self.date_field)

    def _commit(self, day: dt.date) -> None:
        from cashdesk.services.delinquency import commit

        done = self._call(lambda: commit(self._ctx, self._operator, day))
        if done is None:
            return
        if done.repeated:
            self.refuse(done.repeated)
            return
        self.model.set_rows(done.accounts)
        self.say(
            translate(
                "delinquency",
                "Delinquency run for {date_text} committed: {accounts} account(s), {fees} in fees; the "
                "notices and the list are in {folder}.",
            ).format(
                date_text=date_text(done.on), accounts=len(done.accounts), fees=done.fees.display(), folder=done.folder
            )
        )
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def refuse(self, text: str, field: QWidget | None = None) -> None:
        super().refuse(text, field or self.date_field)  # the date is what a refusal asks to change
