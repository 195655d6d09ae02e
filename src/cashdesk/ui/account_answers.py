"""The answers that belong beside the account shown (issue 19): named under its flags, F1 reads them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cashdesk.services.answers import answers_for_account
from cashdesk.ui.i18n import translate
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.ui.counter import CounterScreen

ANSWERS_KEY = "F1"  # the Counter menu of ui/main_window.py binds it


class AccountAnswers:
    """The answers that belong beside the account shown, named under its flags ("F1 to read them")."""

    def __init__(self, counter: CounterScreen) -> None:
        self._counter = counter
        counter.inquiry.account_shown.connect(self.refresh)

    def refresh(self, _number: str = "") -> None:
        pane = self._counter.inquiry.pane
        detail, operator = pane.detail, self._counter.operator
        if detail is None or operator is None:
            pane.answers_label.setText("")
            return
        a = detail.account
        past_due = detail.past_due.cents
        asked = Operation(
            pane,
            lambda: answers_for_account(
                self._counter.ctx, operator, kind=a.kind.value, status=a.status.value, past_due_cents=past_due
            ),
        )
        found = asked.run_now()
        titles = " · ".join(f.title for f in found or [])
        pane.answers_label.setText(
            translate("account_answers", "Answers for this account ({ANSWERS_KEY}): {titles}").format(
                ANSWERS_KEY=ANSWERS_KEY, titles=titles
            )
            if titles
            else ""
        )
