"""The balancing wizard's last pages: the summary (4), the float to keep (5) and closed (6).

Each page asks its wizard (`ui.balancing_wizard.BalancingWizard`) to call the services; the page
shows what came back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
)

from cashdesk.domain.cash import DENOMINATIONS, CountError, parse_pieces
from cashdesk.domain.money import Money
from cashdesk.ui.balancing_entry import KIND_LABELS, WizardStep, flags_text, over_short_text
from cashdesk.ui.credentials import ERROR_STYLE, message_label, show_message
from cashdesk.ui.fields import EnterChain, focus_and_select, line_field
from cashdesk.ui.float_count import CashCountWidget
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from cashdesk.ui.labels import column, explanation, named_label
from cashdesk.ui.labels import heading_font as _heading_font

if TYPE_CHECKING:
    from cashdesk.services.balancing import CountResult
    from cashdesk.ui.balancing_wizard import BalancingWizard


# -- 4 the summary ------------------------------------------------------------------------------------

NO_REASON = QT_TRANSLATE_NOOP("balancing_result", "Give the reason for the variance, or recount (Alt+R).")


def _balance_table(name: str) -> QTableWidget:
    table = QTableWidget(0, 4)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(
        [
            translate("balancing_result", "Tender"),
            translate("balancing_result", "Expected"),
            translate("balancing_result", "Counted"),
            "Over/short",
        ]
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _fill_balance(table: QTableWidget, result: CountResult) -> None:
    table.setRowCount(len(result.lines) + 1)
    rows = [
        (
            translate("balancing_entry", KIND_LABELS.get(line.kind, line.kind)),
            line.expected,
            line.counted,
            line.over_short,
        )
        for line in result.lines
    ]
    expected = Money.total(line.expected for line in result.lines)
    counted = Money.total(line.counted for line in result.lines)
    rows.append((translate("balancing_result", "Total"), expected, counted, result.over_short))
    for row, (kind, exp, cnt, diff) in enumerate(rows):
        for column_index, text in enumerate((kind, exp.display(), cnt.display(), over_short_text(diff))):
            cell = QTableWidgetItem(text)
            if column_index:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column_index, cell)
    table.resizeRowsToContents()  # every line shows, the total too, without scrolling
    header = table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(header + table.verticalHeader().length() + 2 * table.frameWidth())


class SummaryPage(WizardStep):
    def __init__(self, wizard: BalancingWizard) -> None:
        super().__init__(wizard, "summaryPage", translate("balancing_result", "Summary: expected and counted"))
        self.attempt_label = QLabel()
        self.attempt_label.setObjectName("summaryAttempt")
        self.table = _balance_table("balanceTable")
        self.over_short_label = QLabel()
        self.over_short_label.setObjectName("summaryOverShort")
        self.over_short_label.setFont(_heading_font(self, 1.8))
        self.flags_label = QLabel()
        self.flags_label.setObjectName("summaryFlags")
        self.flags_label.setWordWrap(True)
        self.flags_label.setStyleSheet(ERROR_STYLE)
        self.second_label = QLabel()
        self.second_label.setObjectName("secondCountHeading")
        self.second_table = _balance_table("secondCountTable")
        self.second_flags = QLabel()
        self.second_flags.setObjectName("secondCountFlags")
        self.second_flags.setWordWrap(True)
        self.second_flags.setStyleSheet(ERROR_STYLE)

        reason_row = self._build_reason_row()
        buttons = self._build_buttons(wizard)
        self.message_label = message_label("summaryMessage")

        layout = QVBoxLayout(self)
        layout.addWidget(self.attempt_label)
        layout.addWidget(self.table)
        layout.addWidget(self.over_short_label)
        layout.addWidget(self.flags_label)
        layout.addWidget(self.second_label)
        layout.addWidget(self.second_table)
        layout.addWidget(self.second_flags)
        layout.addWidget(self.limit_label)
        layout.addLayout(reason_row)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        layout.addStretch(1)

    def _build_reason_row(self) -> QHBoxLayout:
        """Over the limit: why, in the cashier's words (a supervisor approves it)."""
        self.limit_label = named_label("varianceLimit")
        self.reason_field = line_field(
            QLineEdit(),
            "varianceReason",
            200,
            placeholder=translate("balancing_result", "For example: gave $10 too much change to a customer"),
        )
        self.reason_caption = QLabel(translate("balancing_result", "R&eason for the variance:"))
        self.reason_caption.setBuddy(self.reason_field)
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reason_caption)
        reason_row.addWidget(self.reason_field, 1)
        self.reason_field.textChanged.connect(self._reason_typed)
        return reason_row

    def _reason_typed(self, text: str) -> None:
        """Once a reason is typed, the refusal asking for one is no longer true: it goes."""
        if text.strip() and self.message_label.text() == translate("balancing_result", NO_REASON):
            show_message(self.message_label, "")

    def _build_buttons(self, wizard: BalancingWizard) -> QHBoxLayout:
        self.recount_button = QPushButton(translate("balancing_result", "&Recount"))
        self.recount_button.setObjectName("recountButton")
        self.recount_button.setAutoDefault(False)
        self.recount_button.clicked.connect(wizard.recount)
        self.second_button = QPushButton(translate("balancing_result", "Second count by a &supervisor…"))
        self.second_button.setObjectName("secondCountButton")
        self.second_button.setAutoDefault(False)
        self.second_button.clicked.connect(wizard.ask_second_count)
        buttons = QHBoxLayout()
        buttons.addWidget(self.recount_button)
        buttons.addWidget(self.second_button)
        buttons.addStretch(1)
        return buttons

    def initializePage(self) -> None:
        wizard = self._wizard
        result = wizard.result
        assert result is not None
        self.attempt_label.setText(
            translate("balancing_result", "Drawer {drawer_id}: attempt {attempt}, counted by {counted_by}.").format(
                drawer_id=result.drawer_id, attempt=result.attempt, counted_by=result.counted_by
            )
        )
        _fill_balance(self.table, result)
        self.over_short_label.setText(over_short_text(result.over_short))
        flags = flags_text(result)
        self.flags_label.setText("\n".join(flags))
        self.flags_label.setVisible(bool(flags))
        second = wizard.second
        for widget in (self.second_label, self.second_table, self.second_flags):
            widget.setVisible(second is not None)
        if second is not None:
            self.second_label.setText(
                translate(
                    "balancing_result",
                    "Second count by {counted_by} (supervisor), attempt {attempt}: {over_short_text}",
                ).format(
                    counted_by=second.counted_by,
                    attempt=second.attempt,
                    over_short_text=over_short_text(second.over_short),
                )
            )
            _fill_balance(self.second_table, second)
            second_flags = flags_text(second)
            self.second_flags.setText("\n".join(second_flags))
            self.second_flags.setVisible(bool(second_flags))
        needs = result.needs_approval
        if needs:
            self.limit_label.setText(
                translate(
                    "balancing_result",
                    "{over_short_text} is beyond the limit of {limit}: recount (Alt+R), or give the reason and "
                    "a supervisor approves it when you go on.",
                ).format(over_short_text=over_short_text(result.over_short), limit=result.limit.display())
            )
            self.limit_label.setStyleSheet(ERROR_STYLE)
        else:
            self.limit_label.setText(
                translate("balancing_result", "Within the limit of {limit}. Enter goes on to the float.").format(
                    limit=result.limit.display()
                )
            )
            self.limit_label.setStyleSheet("")
        for part in (self.reason_caption, self.reason_field):
            part.setVisible(needs)
        self.reason_field.setText(wizard.reason)
        show_message(self.message_label, "")
        wizard.focus_target = self.reason_field if needs else wizard.button(QWizard.WizardButton.NextButton)

    def refuse(self, text: str) -> None:
        show_message(self.message_label, text, error=True)
        if self.reason_field.isVisible():
            focus_and_select(self.reason_field)

    def validatePage(self) -> bool:
        wizard = self._wizard
        result = wizard.result
        assert result is not None
        if not result.needs_approval:
            return True
        wizard.reason = self.reason_field.text().strip()
        if not wizard.reason:
            self.refuse(translate("balancing_result", NO_REASON))
            return False
        if wizard.variance_approval_id is None:
            wizard.ask_variance_approval()
            return False
        return True


# -- 5 the float to keep ------------------------------------------------------------------------------


class FloatPage(WizardStep):
    def __init__(self, wizard: BalancingWizard) -> None:
        super().__init__(wizard, "floatKeepPage", translate("balancing_result", "The float to keep for the next shift"))
        self.setCommitPage(True)
        explain = explanation(
            translate(
                "balancing_result",
                "These pieces stay in the drawer for the next shift; the rest of the cash goes to the deposit. "
                "Enter closes the drawer with this float. Alt+K goes to the rows to change it.",
            )
        )
        self.count_widget = CashCountWidget(translate("balancing_result", "Float to keep"), name="keep")
        keep = QLabel(translate("balancing_result", "Change the float to &keep (first row: $100 bills):"))
        keep.setBuddy(self.count_widget.first_field)
        self.deposit_label = QLabel()
        self.deposit_label.setObjectName("depositCash")
        self.deposit_label.setFont(_heading_font(self, 1.1))
        self.message_label = message_label("floatKeepMessage")
        column(self, explain, keep, self.count_widget, self.deposit_label, self.message_label, grow=self.count_widget)
        self._chain = EnterChain(self.count_widget.fields, wizard.next, self)
        for field in self.count_widget.fields:  # a row keeping what was not counted: Enter stays on it
            self._chain.on_enter(field, self._refuse_not_counted)
        self.count_widget.recounted.connect(self._recounted)

    def initializePage(self) -> None:
        result = self._wizard.result
        assert result is not None
        self.count_widget.set_count(result.suggested_float)
        show_message(self.message_label, "")
        self._wizard.focus_target = self._wizard.button(QWizard.WizardButton.CommitButton)

    def _recounted(self, total: object, problem: str) -> None:
        counted = self._wizard.pieces.total
        if problem or not isinstance(total, Money):
            self.deposit_label.setText(translate("balancing_result", "To the deposit: —"))
            show_message(self.message_label, problem, error=True)
            return
        refused = self._not_counted()
        if refused is not None:  # said at once, as it is typed
            self.deposit_label.setText(translate("balancing_result", "To the deposit: —"))
            show_message(self.message_label, refused[0], error=True)
            return
        show_message(self.message_label, "")
        self.deposit_label.setText(
            translate("balancing_result", "Cash to the deposit: {value1}").format(value1=(counted - total).display())
        )

    def _not_counted(self) -> tuple[str, QLineEdit] | None:
        """The first row keeping more pieces than the count found: what to say, and its field."""
        counted = self._wizard.pieces.pieces
        for d in DENOMINATIONS:
            field = self.count_widget.count_fields[d.code]
            try:
                keep = parse_pieces(d.code, field.text())
            except CountError:
                continue  # said by the count itself
            have = counted.get(d.code, 0)
            if keep > have:
                return (
                    translate(
                        "balancing_result",
                        "{label}: {keep:,} to keep, but {have:,} counted. Keep only pieces that are in the drawer.",
                    ).format(label=d.shown, keep=keep, have=have),
                    field,
                )
        return None

    def _refuse_not_counted(self) -> bool:
        """Enter with a row keeping what was not counted: the cursor goes to that row (True: Enter is taken)."""
        refused = self._not_counted()
        if refused is None:
            return False
        show_message(self.message_label, refused[0], error=True)
        focus_and_select(refused[1])
        return True

    def validatePage(self) -> bool:
        keep = self.count_widget.count_or_say(self.message_label)
        if keep is None:
            return False
        if self._refuse_not_counted():
            return False
        problem = self._wizard.close_drawer(keep)
        if problem:
            show_message(self.message_label, problem, error=True)
            return False
        return True


# -- 6 closed -----------------------------------------------------------------------------------------


class ClosedPage(WizardStep):
    def __init__(self, wizard: BalancingWizard) -> None:
        super().__init__(wizard, "closedPage", translate("balancing_result", "The drawer is closed"))
        self.setFinalPage(True)
        self.over_short_label = QLabel()
        self.over_short_label.setObjectName("closedOverShort")
        self.over_short_label.setFont(_heading_font(self, 1.8))
        self.details_label = QLabel()
        self.details_label.setObjectName("closedDetails")
        self.details_label.setWordWrap(True)
        self.pdf_label = QLabel()
        self.pdf_label.setObjectName("closedPdf")
        self.pdf_label.setWordWrap(True)
        self.pdf_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pdf_button = QPushButton(translate("balancing_result", "Save the PDF &again"))
        self.pdf_button.setObjectName("savePdfAgain")
        self.pdf_button.setAutoDefault(False)
        self.pdf_button.clicked.connect(wizard.save_pdf_again)
        layout = QVBoxLayout(self)
        layout.addWidget(self.over_short_label)
        layout.addWidget(self.details_label)
        layout.addWidget(self.pdf_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def initializePage(self) -> None:
        closed = self._wizard.closed
        assert closed is not None
        self.over_short_label.setText(over_short_text(closed.over_short))
        self.details_label.setText(
            translate(
                "balancing_result",
                "Drawer {drawer_id} is closed: it takes no more payments. Float kept for the next shift: "
                "{float_kept}; cash to the deposit: {deposit_cash}.\nThe Z report was sent to the receipt "
                "printer.",
            ).format(
                drawer_id=closed.drawer_id,
                float_kept=closed.float_kept.display(),
                deposit_cash=closed.deposit_cash.display(),
            )
        )
        self.show_pdf(closed.pdf_problem)
        self._wizard.setOption(QWizard.WizardOption.NoCancelButton, True)  # closed: nothing left to cancel
        self._wizard.focus_target = self._wizard.button(QWizard.WizardButton.FinishButton)

    def show_pdf(self, problem: str = "") -> None:
        pdf = self._wizard.pdf
        if pdf is not None:
            self.pdf_label.setText(
                translate("balancing_result", "A PDF copy of the Z report is saved: {pdf}").format(pdf=pdf)
            )
            self.pdf_label.setStyleSheet("")
            self.pdf_button.hide()
            return
        why = f" ({problem})" if problem else ""
        self.pdf_label.setText(
            translate(
                "balancing_result",
                "The PDF copy of the Z report could not be saved{why}. The drawer is closed all the same: "
                "Save the PDF again (Alt+A), or call your supervisor.",
            ).format(why=why)
        )
        self.pdf_label.setStyleSheet(ERROR_STYLE)
        self.pdf_button.show()
