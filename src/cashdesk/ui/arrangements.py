"""Payment arrangements (Ctrl+Shift+I): the schedule shown before it is saved, the account's
arrangements, and a supervisor's cancel.

    account, Enter → down payment (50.00 or 25%), Enter → installments, Enter → first date (empty:
    a month from today), Enter → the schedule is shown, nothing saved yet
    Alt+S  saves the schedule shown          Alt+F  find (an account; empty: every open arrangement)
    Up/Down in the list chooses one; Alt+R the reason, Alt+X cancels it (a supervisor)    Esc closes

The services (`services.arrangements`) decide and record everything; a refusal shows here in their
words and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QHeaderView, QLineEdit, QTableView, QWidget

from cashdesk.domain.arrangements import Arrangement, Installment
from cashdesk.domain.dates import parse_day
from cashdesk.domain.security import Permission
from cashdesk.ui.credentials import message_label
from cashdesk.ui.fields import EnterChain, focus_and_select, line_field
from cashdesk.ui.focus_marks import mark_focus
from cashdesk.ui.formatting import date_text
from cashdesk.ui.i18n import translate
from cashdesk.ui.labels import add_rows, column, explanation, heading, read_only
from cashdesk.ui.models import Column, RowsModel, money_column
from cashdesk.ui.work_screen import WorkScreen

if TYPE_CHECKING:
    from cashdesk.services.arrangements import Proposal
    from cashdesk.services.context import Operator, ServiceContext

T = TypeVar("T")


class ScheduleModel(RowsModel[Installment]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column(translate("arrangements", "Payment"), lambda i: i.shown, lambda i: i.seq),
            Column(translate("arrangements", "Due"), lambda i: date_text(i.due), lambda i: i.due),
            money_column(translate("arrangements", "Amount"), lambda i: i.amount),
            money_column(translate("arrangements", "Paid"), lambda i: i.paid),
        )


class ArrangementsModel(RowsModel[Arrangement]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column(translate("arrangements", "No."), lambda a: str(a.id), lambda a: a.id),
            Column(translate("arrangements", "Account"), lambda a: a.account, lambda a: a.account),
            Column(translate("arrangements", "State"), lambda a: a.state.shown, lambda a: a.state.value),
            money_column(translate("arrangements", "Debt"), lambda a: a.debt),
            money_column(translate("arrangements", "Down"), lambda a: a.down),
            money_column(translate("arrangements", "Left"), lambda a: a.left),
            Column(
                translate("arrangements", "Next due"),
                lambda a: date_text(a.next.due) if a.next is not None and a.state.is_open else "—",
                lambda a: a.next.due if a.next is not None else dt.date.max,
            ),  # fmt: skip
        )


class ArrangementsDialog(WorkScreen):
    log_as = "a payment arrangement failed"

    def __init__(self, ctx: ServiceContext, operator: Operator, parent: QWidget | None = None, *,
                 account: str = "") -> None:  # fmt: skip
        super().__init__(ctx, operator, "arrangementsDialog", translate("arrangements", "Payment arrangements"), parent)
        title = heading(
            self, translate("arrangements", "Payment arrangements — a down payment, then monthly installments")
        )
        explain = explanation(
            translate(
                "arrangements",
                "Account, down payment (50.00 or 25%), installments, first date, each then Enter: the schedule is "
                "shown. Alt+S saves it. Alt+F finds arrangements; Alt+X cancels the one chosen (a supervisor). "
                "Esc closes.",
            )
        )
        self.message_label = message_label("arrangementsMessage")
        self.schedule_model = ScheduleModel(self)
        self.schedule_table = read_only(QTableView(), "arrangementSchedule", self.schedule_model)
        self.schedule_table.horizontalHeader().setStretchLastSection(True)
        self.model = ArrangementsModel(self)
        self.table = read_only(QTableView(), "arrangementsList", self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.proposal: Proposal | None = None
        self._shown_for: tuple[str, ...] = ()
        self.setMinimumSize(760, 560)
        mark_focus(self)
        column(self, title, explain, self._build_form(), self.message_label, self.schedule_table, self.table,
               self._build_buttons(), grow=self.schedule_table)  # fmt: skip
        fields = [self.account_field, self.down_field, self.count_field, self.first_field]
        self._chain = EnterChain(fields, self.show_schedule, self)
        self._find_chain = EnterChain([self.find_field], self.show_arrangements, self)
        self.account_field.setText(account)
        self.find_field.setText(account)
        self.show_arrangements()
        focus_and_select(self.account_field)

    def _line(self, name: str, max_length: int, placeholder: str = "") -> QLineEdit:
        return line_field(QLineEdit(), name, max_length, placeholder=placeholder)

    def _build_form(self) -> QWidget:
        self.account_field = self._line("arrangementAccount", 20, translate("arrangements", "Account number"))
        self.down_field = self._line("arrangementDown", 14, translate("arrangements", "50.00 or 25%"))
        self.count_field = self._line("arrangementCount", 2, "3")
        self.first_field = self._line(
            "arrangementFirst", 10, translate("arrangements", "MM/DD/YYYY; empty: in a month")
        )
        self.find_field = self._line("arrangementFind", 20, translate("arrangements", "Account; empty: all open"))
        self.reason_field = self._line("arrangementReason", 120, translate("arrangements", "customer request, error…"))
        left, right = QFormLayout(), QFormLayout()
        add_rows(
            left,
            (translate("arrangements", "&Account:"), self.account_field),
            (translate("arrangements", "&Down payment:"), self.down_field),
            (translate("arrangements", "&Installments:"), self.count_field),
            (translate("arrangements", "First da&te:"), self.first_field),
        )
        add_rows(
            right,
            (translate("arrangements", "&Find:"), self.find_field),
            (translate("arrangements", "&Reason:"), self.reason_field),
        )
        return self.side_by_side(left, right)

    def _build_buttons(self) -> QDialogButtonBox:
        supervisor = self._operator.can(Permission.APPROVE_OVERRIDES)
        actions = (
            ("save", translate("arrangements", "&Save the schedule"), self.save),
            ("cancel", translate("arrangements", "Cancel it (&X)"), self.cancel),
        )
        return self.action_row("arrangement", actions, hidden=() if supervisor else ("cancel",))

    # -- the services, by keyboard ------------------------------------------------------------------

    def _inputs(self) -> tuple[str, ...]:
        return (self.account_field.text().strip(), self.down_field.text().strip(), self.count_field.text().strip(),
                self.first_field.text().strip())  # fmt: skip

    def _typed(self) -> tuple[int, dt.date | None] | None:
        count = self.count_field.text().strip()
        if not count.isdigit():
            self.refuse(translate("arrangements", "Type the number of monthly installments, like 3."), self.count_field)
            return None
        first = None
        if self.first_field.text().strip():
            try:
                first = parse_day(self.first_field.text())
            except ValueError as exc:
                self.refuse(str(exc), self.first_field)
                return None
        return int(count), first

    def show_schedule(self) -> None:
        """The schedule the arrangement would have; nothing is saved."""
        from cashdesk.services.arrangements import propose

        typed = self._typed()
        if typed is None:
            return
        account, down = self.account_field.text(), self.down_field.text()
        shown = self._call(lambda: propose(self._ctx, self._operator, account, down=down, installments=typed[0],
                                           first=typed[1]), self.account_field)  # fmt: skip
        self.proposal = shown
        self._shown_for = self._inputs() if shown is not None else ()
        self.schedule_model.set_rows(shown.plan.installments if shown is not None else [])
        if shown is None:
            return
        plan = shown.plan
        interest = (
            translate("arrangements", " with {interest} interest").format(interest=plan.interest.display())
            if plan.interest.cents
            else ""
        )
        current = (
            translate("arrangements", " Current bills ({current}) are paid as billed.").format(
                current=shown.current.display()
            )
            if shown.current.cents
            else ""
        )
        count = len([i for i in plan.installments if i.seq])
        self.say(
            translate(
                "arrangements",
                "Schedule for {account} ({name}): {debt} past due, {down} down by {date_text}, {count} "
                "installment(s){interest}.{current} Alt+S saves it.",
            ).format(
                account=shown.account,
                name=shown.name,
                debt=plan.debt.display(),
                down=plan.down.display(),
                date_text=date_text(plan.down_due),
                count=count,
                interest=interest,
                current=current,
            )
        )
        self.action_buttons["save"].setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        from cashdesk.services.arrangements import create

        if self.proposal is None or self._shown_for != self._inputs():
            self.refuse(
                translate(
                    "arrangements", "Show the schedule first: Enter in the fields, then Alt+S saves what is shown."
                ),
                self.account_field,
            )
            return
        typed = self._typed()
        if typed is None:
            return
        account, down = self.account_field.text(), self.down_field.text()
        made = self._call(lambda: create(self._ctx, self._operator, account, down=down, installments=typed[0],
                                         first=typed[1]), self.account_field)  # fmt: skip
        if made is None:
            return
        self.proposal, self._shown_for = None, ()
        self.say(
            translate(
                "arrangements",
                "Arrangement {id} saved for {account}: {label}; {down} down by {date_text}. Take the down "
                "payment at the counter.",
            ).format(
                id=made.id,
                account=made.account,
                label=made.state.shown.lower(),
                down=made.down.display(),
                date_text=date_text(made.down_due),
            )
        )
        self.schedule_model.set_rows(made.installments)
        for field in (self.down_field, self.count_field, self.first_field):
            field.clear()
        self.find_field.setText(made.account)
        self.show_arrangements()
        focus_and_select(self.account_field)

    def show_arrangements(self) -> None:
        from cashdesk.services.arrangements import find_arrangements

        text = self.find_field.text().strip()
        if text:
            work = lambda: find_arrangements(self._ctx, self._operator, account=text)  # noqa: E731
        else:
            work = lambda: [a for a in find_arrangements(self._ctx, self._operator) if a.state.is_open]  # noqa: E731
        found = self._call(work, self.find_field)
        if found is None:
            return
        self.model.set_rows(found)
        if found:
            self.table.selectRow(0)

    def chosen(self) -> Arrangement | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def cancel(self) -> None:
        from cashdesk.services.arrangements import cancel

        chosen = self.chosen()
        if chosen is None:
            self.refuse(
                translate("arrangements", "Choose an arrangement in the list first (Alt+F, then Up/Down)."),
                self.find_field,
            )
            return
        reason = self.reason_field.text()
        done = self._call(lambda: cancel(self._ctx, self._operator, chosen.id, reason), self.reason_field)
        if done is None:
            return
        self.say(
            translate("arrangements", "Arrangement {id} for {account} cancelled.").format(
                id=done.id, account=done.account
            )
        )
        self.show_arrangements()
