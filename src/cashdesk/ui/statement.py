"""An account statement for the customer at the window (Ctrl+Shift+H): the account shown in the
inquiry pane, a first and a last day; Enter moves on and saves the PDF in the reports folder from
the last field. The service (services/statement.py) reads the history and refuses in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from cashdesk.domain.research import CriteriaError, parse_date
from cashdesk.ui.counter_extras import FormDialog
from cashdesk.ui.credentials import EnterLineEdit
from cashdesk.ui.fields import focus_and_select
from cashdesk.ui.formatting import date_text
from cashdesk.ui.i18n import translate

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.statement import Statement


def first_day_shown(today: dt.date) -> dt.date:
    """The first of the month two months back: this month and the two before it."""
    months = today.year * 12 + today.month - 1 - 2
    return dt.date(months // 12, months % 12 + 1, 1)


class StatementDialog(FormDialog):
    """Account, from, to: the statement's PDF is saved (`saved_to`, and `said` for the counter)."""

    def __init__(self, ctx: ServiceContext, operator: Operator, *, account: str = "",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(
            "statementDialog",
            translate("statement", "Account statement"),
            translate(
                "statement",
                "Bills, payments, fees and adjustments between the two days, with the running balance, saved as a "
                "PDF in the reports folder.",
            ),
            translate("statement", "&Save"),
            parent,
        )
        self._ctx = ctx
        self._operator = operator
        self.saved_to: Path | None = None
        self.said = ""
        today = ctx.today()
        self.account_field = self._field(
            "statementAccount",
            translate("statement", "&Account:"),
            text=account,
            placeholder=translate("statement", "The account number on the bill"),
        )
        self.from_field = self._field(
            "statementFrom",
            translate("statement", "&From:"),
            text=date_text(first_day_shown(today)),
            placeholder="MM/DD/YYYY",
        )
        self.to_field = self._field(
            "statementTo", translate("statement", "&To:"), text=date_text(today), placeholder="MM/DD/YYYY"
        )
        focus_and_select(self.account_field)

    def missing(self, fields: Sequence[EnterLineEdit]) -> tuple[str, EnterLineEdit] | None:
        if self.account_field in fields and not self.account_field.text().strip():
            return translate("statement", "Type the account number (it is on the bill, top right)."), self.account_field
        for field in (self.from_field, self.to_field):
            if field in fields:
                try:
                    parse_date(field.text().strip())
                except CriteriaError as exc:
                    return str(exc), field
        return None

    def submit(self) -> None:
        if not self._checked():
            return
        from cashdesk.services.statement import account_statement, write_statement

        account = self.account_field.text().strip()
        start, end = parse_date(self.from_field.text().strip()), parse_date(self.to_field.text().strip())

        def save() -> tuple[Statement, Path]:
            statement = account_statement(self._ctx, self._operator, account, start, end)
            return statement, write_statement(self._ctx, statement)

        done = self._call(translate("statement", "saving the statement"), save, self.account_field)
        if done is None:
            return
        statement, self.saved_to = done
        self.said = translate(
            "statement",
            "The statement of account {account} ({lines} entries, balance {closing} on {date_text}) is "
            "saved: {saved_to}",
        ).format(
            account=statement.account,
            lines=len(statement.lines),
            closing=statement.closing.display(),
            date_text=date_text(end),
            saved_to=self.saved_to,
        )
        self.accept()
