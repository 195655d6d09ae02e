"""End of shift: the balancing wizard proves the drawer with a blind count, then closes it.

    1 Count     the cash by denomination; what the drawer should hold is not shown
    2 Items     every check and money order taken, ticked present (Space); items found added
    3 Card      the card terminal's settlement total      → services.balancing.record_count
    4 Summary   expected against counted per tender, over/short, missing and extra items;
                over the limit: a reason and a supervisor; Recount (Alt+R); a second count
    5 Float     the float to keep for the next shift      → services.balancing.close_drawer
    6 Closed    over/short, the Z report printing, where its PDF copy went

Nothing about the expected amounts reaches the window before the count is recorded (the
service returns them with the count). Enter moves on, Esc cancels (asking first once a
count is typed), Alt+R recounts from the summary.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from cashdesk.domain.cash import CashCount, CountError
from cashdesk.domain.money import Money, MoneyError
from cashdesk.domain.security import OverrideAction
from cashdesk.ui.approval import ApprovalDialog
from cashdesk.ui.credentials import EnterLineEdit, message_label, show_message
from cashdesk.ui.fields import CARD_NUMBER_REFUSED, CardNumberGuard, EnterChain, ask, focus_and_select
from cashdesk.ui.float_count import CashCountWidget
from cashdesk.ui.labels import heading_font as _heading_font
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.services.balancing import CountResult, DrawerClosed, DrawerItem, ExtraItem
    from cashdesk.services.context import Operator, ServiceContext

log = logging.getLogger(__name__)

T = TypeVar("T")

PAGE_COUNT, PAGE_ITEMS, PAGE_CARD, PAGE_SUMMARY, PAGE_FLOAT, PAGE_CLOSED = range(6)

#: How the window names a tender kind.
KIND_LABELS = {"cash": "Cash", "check": "Check", "money_order": "Money order", "card": "Card"}
_ERROR_STYLE = "color: #b00020; font-weight: bold;"


def over_short_text(amount: Money) -> str:
    """ "Over $2.00", "Short $7.00" or "Balanced": what a cashier calls it."""
    if amount.cents > 0:
        return f"Over {amount.display()}"
    if amount.cents < 0:
        return f"Short {(-amount).display()}"
    return "Balanced"


def item_text(item: DrawerItem) -> str:
    kind = KIND_LABELS.get(item.kind, item.kind).lower()
    payer = f" from {item.payer}" if item.payer else ""
    return f"{kind} #{item.number}{payer}, {item.amount.display()} (receipt {item.receipt_number})"


def extra_text(item: ExtraItem) -> str:
    return f"{KIND_LABELS.get(item.kind, item.kind).lower()} #{item.number}, {item.amount.display()}"


def flags_text(result: CountResult) -> list[str]:
    """Missing and extra items and a card settlement that differs, in words."""
    lines = [f"MISSING: {item_text(item)} is not in the drawer." for item in result.missing]
    lines += [f"EXTRA: {extra_text(item)} is in the drawer but was not recorded." for item in result.extra]
    for line in result.lines:
        if line.kind == "card" and line.over_short.cents:
            lines.append(
                f"CARD: the terminal's settlement ({line.counted.display()}) differs from the card payments "
                f"recorded ({line.expected.display()}): {over_short_text(line.over_short).lower()}."
            )
    return lines


@dataclass
class _Counting:
    """Who counts this attempt: the cashier, or a supervisor's second count (with its approval)."""

    by: str
    second_approval_id: int | None = None

    @property
    def second(self) -> bool:
        return self.second_approval_id is not None


# -- 1 the blind count --------------------------------------------------------------------------------


class CountPage(QWizardPage):
    def __init__(self, wizard: BalancingWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setObjectName("countPage")
        self.setTitle("Count the cash in the drawer")
        self.who_label = QLabel()
        self.who_label.setObjectName("countBy")
        self.who_label.setFont(_heading_font(self, 1.1))
        explain = QLabel(
            "A blind count: count every bill, coin and roll and type how many of each (an empty row counts as "
            "none). What the drawer should hold is shown only after the count is recorded. Enter goes to the "
            "next row; Enter on the last row goes on to the checks and money orders."
        )
        explain.setWordWrap(True)
        self.count_widget = CashCountWidget("Cash counted", name="blind")
        self.message_label = message_label("countMessage")
        layout = QVBoxLayout(self)
        layout.addWidget(self.who_label)
        layout.addWidget(explain)
        layout.addWidget(self.count_widget, 1)
        layout.addWidget(self.message_label)
        self._chain = EnterChain(self.count_widget.fields, wizard.next, self)
        self.count_widget.recounted.connect(self._recounted)
        self._zero_warned = False

    def initializePage(self) -> None:
        counting = self._wizard.counting
        if counting.second:
            self.who_label.setText(f"Second count by {counting.by} (supervisor)")
        else:
            self.who_label.setText(f"Counted by {counting.by}")
        self.count_widget.clear()
        show_message(self.message_label, "")
        self._zero_warned = False
        focus_and_select(self.count_widget.first_field)

    def _recounted(self, _total: object, problem: str) -> None:
        self._zero_warned = False
        show_message(self.message_label, problem, error=bool(problem))

    def validatePage(self) -> bool:
        try:
            count = self.count_widget.count()
        except CountError as exc:
            show_message(self.message_label, str(exc), error=True)
            self.count_widget.focus_first_bad()
            return False
        if count.total.cents == 0 and not self._zero_warned:
            self._zero_warned = True
            show_message(self.message_label, "Nothing was counted. Type the pieces in the drawer, or press Enter "
                         "again to go on with no cash ($0.00).", error=True)  # fmt: skip
            return False
        self._wizard.pieces = count
        return True


# -- 2 checks and money orders ------------------------------------------------------------------------


class ItemsTable(QTableWidget):
    """Every check and money order taken; Space ticks the current one present."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            item = self.item(self.currentRow(), 0)
            if item is not None:
                ticked = item.checkState() == Qt.CheckState.Checked
                item.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)
            event.accept()
            return
        super().keyPressEvent(event)


class ItemsPage(QWizardPage):
    COLUMNS = ("Present", "Number", "Payer", "Amount", "Receipt")

    def __init__(self, wizard: BalancingWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setObjectName("itemsPage")
        self.setTitle("Checks and money orders")
        self.items: tuple[DrawerItem, ...] = ()
        self.extra: list[ExtraItem] = []
        explain = QLabel(
            "Tick each check and money order that is in the drawer: ↑ ↓ move, Space ticks. An item in the drawer "
            'that is not on the list: type it under "Item found" and Enter. Enter on the list goes on.'
        )
        explain.setWordWrap(True)
        self.table = ItemsTable(0, len(self.COLUMNS))
        self.table.setObjectName("itemsTable")
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._ticked)
        self.none_label = QLabel("No checks or money orders were taken in this drawer.")
        self.none_label.setObjectName("noItems")
        self.ticked_label = QLabel()
        self.ticked_label.setObjectName("itemsTicked")

        self.kind_box = QComboBox()
        self.kind_box.setObjectName("extraKind")
        self.kind_box.addItem("Check", "check")
        self.kind_box.addItem("Money order", "money_order")
        self.number_field = EnterLineEdit()
        self.number_field.setObjectName("extraNumber")
        self.number_field.setMaxLength(20)
        self.number_field.setPlaceholderText("Number")
        self.amount_field = EnterLineEdit()
        self.amount_field.setObjectName("extraAmount")
        self.amount_field.setMaxLength(16)
        self.amount_field.setPlaceholderText("Amount")
        self.add_button = QPushButton("A&dd the item found")
        self.add_button.setObjectName("addExtra")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_extra)
        found = QLabel("&Item found:")
        found.setBuddy(self.kind_box)
        row = QHBoxLayout()
        row.addWidget(found)
        row.addWidget(self.kind_box)
        row.addWidget(self.number_field)
        row.addWidget(self.amount_field)
        row.addWidget(self.add_button)
        self.extra_list = QListWidget()
        self.extra_list.setObjectName("extraList")
        self.extra_list.setMaximumHeight(80)
        self.message_label = message_label("itemsMessage")

        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.none_label)
        layout.addWidget(self.ticked_label)
        layout.addLayout(row)
        layout.addWidget(self.extra_list)
        layout.addWidget(self.message_label)

        self._guard = CardNumberGuard(self)
        self._guard.watch(self.number_field, self.amount_field)
        self._guard.refused.connect(lambda field: self._refuse(CARD_NUMBER_REFUSED, field))
        self._chain = EnterChain([self.kind_box, self.number_field, self.amount_field], self.add_extra, self)

    @property
    def present(self) -> frozenset[int]:
        ticked = set()
        for row, item in enumerate(self.items):
            cell = self.table.item(row, 0)
            if cell is not None and cell.checkState() == Qt.CheckState.Checked:
                ticked.add(item.tender_id)
        return frozenset(ticked)

    def initializePage(self) -> None:
        from cashdesk.services.balancing import items_to_verify

        show_message(self.message_label, "")
        self.extra = []
        self.extra_list.clear()
        self.number_field.clear()
        self.amount_field.clear()
        # A refusal or the database: the page says it in the same sentence, Back and Next try again.
        failed = "The checks and money orders could not be listed ({exc}). Call your supervisor."
        wizard = self._wizard
        items = Operation(self, lambda: items_to_verify(wizard.ctx, wizard.operator), failed=failed,
                          log_as="could not list the drawer's checks and money orders")\
            .refused(lambda text: self._refuse(failed.format(exc=text))).failure(self._refuse).run_now()  # fmt: skip
        self.items = items if items is not None else ()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            present = QTableWidgetItem(KIND_LABELS.get(item.kind, item.kind))
            present.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            present.setCheckState(Qt.CheckState.Unchecked)
            cells = [present, QTableWidgetItem(item.number), QTableWidgetItem(item.payer),
                     QTableWidgetItem(item.amount.display()), QTableWidgetItem(item.receipt_number)]  # fmt: skip
            cells[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, cell in enumerate(cells):
                if column:
                    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, cell)
        self.table.blockSignals(False)
        self.table.setVisible(bool(self.items))
        self.none_label.setVisible(not self.items)
        self._ticked()
        if self.items:
            self.table.setCurrentCell(0, 0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.kind_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def _ticked(self, *_: object) -> None:
        self.ticked_label.setText(f"{len(self.present)} of {len(self.items)} ticked present.")

    def add_extra(self) -> None:
        from cashdesk.services.balancing import ExtraItem

        if self._guard.check_now():
            return
        number = self.number_field.text().strip()
        if not number:
            self._refuse("Type the number of the item found (printed on the check or money order).",
                         self.number_field)  # fmt: skip
            return
        try:
            amount = Money.parse(self.amount_field.text(), allow_zero=False)
        except MoneyError as exc:
            self._refuse(str(exc), self.amount_field)
            return
        extra = ExtraItem(str(self.kind_box.currentData()), number, amount)
        self.extra.append(extra)
        self.extra_list.addItem(extra_text(extra)[:1].upper() + extra_text(extra)[1:])
        self.number_field.clear()
        self.amount_field.clear()
        show_message(self.message_label, f"Added: {extra_text(extra)}. It shows as extra on the summary.")
        if self.items:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.kind_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def _refuse(self, text: str, field: QWidget | None = None) -> None:
        show_message(self.message_label, text, error=True)
        if field is not None:
            focus_and_select(field)

    def validatePage(self) -> bool:
        if self._guard.check_now():
            return False
        if self.number_field.text().strip() or self.amount_field.text().strip():
            self._refuse("Finish the item found first: its number and amount, then Enter (or clear them).",
                         self.number_field)  # fmt: skip
            return False
        return True


# -- 3 the card terminal ------------------------------------------------------------------------------


class CardPage(QWizardPage):
    def __init__(self, wizard: BalancingWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setObjectName("cardPage")
        self.setTitle("Card terminal settlement")
        explain = QLabel(
            "Settle the batch on the card terminal and type the total it prints (0 when no card was taken). "
            "Enter records your count and shows the summary."
        )
        explain.setWordWrap(True)
        self.total_field = QLineEdit()
        self.total_field.setObjectName("cardSettlement")
        self.total_field.setMaxLength(16)
        self.total_field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.total_field.setMaximumWidth(200)
        caption = QLabel("Settlement &total:")
        caption.setBuddy(self.total_field)
        row = QHBoxLayout()
        row.addWidget(caption)
        row.addWidget(self.total_field)
        row.addStretch(1)
        self.message_label = message_label("cardMessage")
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        self._guard = CardNumberGuard(self)
        self._guard.watch(self.total_field)
        self._guard.refused.connect(lambda _field: show_message(self.message_label, CARD_NUMBER_REFUSED, error=True))

    def initializePage(self) -> None:
        self.total_field.clear()
        show_message(self.message_label, "")
        focus_and_select(self.total_field)

    def validatePage(self) -> bool:
        if self._guard.check_now():
            return False
        text = self.total_field.text().strip()
        try:
            settlement = Money.parse(text) if text else Money(0)
        except MoneyError as exc:
            show_message(self.message_label, str(exc), error=True)
            focus_and_select(self.total_field)
            return False
        problem = self._wizard.record(settlement)
        if problem:
            show_message(self.message_label, problem, error=True)
            focus_and_select(self.total_field)
            return False
        return True


# -- 4 the summary ------------------------------------------------------------------------------------


def _balance_table(name: str) -> QTableWidget:
    table = QTableWidget(0, 4)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(["Tender", "Expected", "Counted", "Over/short"])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _fill_balance(table: QTableWidget, result: CountResult) -> None:
    table.setRowCount(len(result.lines) + 1)
    rows = [(KIND_LABELS.get(line.kind, line.kind), line.expected, line.counted, line.over_short)
            for line in result.lines]  # fmt: skip
    expected = Money.total(line.expected for line in result.lines)
    counted = Money.total(line.counted for line in result.lines)
    rows.append(("Total", expected, counted, result.over_short))
    for row, (kind, exp, cnt, diff) in enumerate(rows):
        for column, text in enumerate((kind, exp.display(), cnt.display(), over_short_text(diff))):
            cell = QTableWidgetItem(text)
            if column:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, cell)
    table.resizeRowsToContents()  # every line shows, the total too, without scrolling
    header = table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(header + table.verticalHeader().length() + 2 * table.frameWidth())


class SummaryPage(QWizardPage):
    def __init__(self, wizard: BalancingWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setObjectName("summaryPage")
        self.setTitle("Summary: expected and counted")
        self.attempt_label = QLabel()
        self.attempt_label.setObjectName("summaryAttempt")
        self.table = _balance_table("balanceTable")
        self.over_short_label = QLabel()
        self.over_short_label.setObjectName("summaryOverShort")
        self.over_short_label.setFont(_heading_font(self, 1.8))
        self.flags_label = QLabel()
        self.flags_label.setObjectName("summaryFlags")
        self.flags_label.setWordWrap(True)
        self.flags_label.setStyleSheet(_ERROR_STYLE)
        self.second_label = QLabel()
        self.second_label.setObjectName("secondCountHeading")
        self.second_table = _balance_table("secondCountTable")
        self.second_flags = QLabel()
        self.second_flags.setObjectName("secondCountFlags")
        self.second_flags.setWordWrap(True)
        self.second_flags.setStyleSheet(_ERROR_STYLE)

        self.limit_label = QLabel()
        self.limit_label.setObjectName("varianceLimit")
        self.limit_label.setWordWrap(True)
        self.reason_field = QLineEdit()
        self.reason_field.setObjectName("varianceReason")
        self.reason_field.setMaxLength(200)
        self.reason_field.setPlaceholderText("For example: gave $10 too much change to a customer")
        self.reason_caption = QLabel("R&eason for the variance:")
        self.reason_caption.setBuddy(self.reason_field)
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reason_caption)
        reason_row.addWidget(self.reason_field, 1)

        self.recount_button = QPushButton("&Recount")
        self.recount_button.setObjectName("recountButton")
        self.recount_button.setAutoDefault(False)
        self.recount_button.clicked.connect(wizard.recount)
        self.second_button = QPushButton("Second count by a &supervisor…")
        self.second_button.setObjectName("secondCountButton")
        self.second_button.setAutoDefault(False)
        self.second_button.clicked.connect(wizard.ask_second_count)
        buttons = QHBoxLayout()
        buttons.addWidget(self.recount_button)
        buttons.addWidget(self.second_button)
        buttons.addStretch(1)
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

    def initializePage(self) -> None:
        wizard = self._wizard
        result = wizard.result
        assert result is not None
        self.attempt_label.setText(
            f"Drawer {result.drawer_id}: attempt {result.attempt}, counted by {result.counted_by}."
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
                f"Second count by {second.counted_by} (supervisor), attempt {second.attempt}: "
                f"{over_short_text(second.over_short)}"
            )
            _fill_balance(self.second_table, second)
            second_flags = flags_text(second)
            self.second_flags.setText("\n".join(second_flags))
            self.second_flags.setVisible(bool(second_flags))
        needs = result.needs_approval
        if needs:
            self.limit_label.setText(
                f"{over_short_text(result.over_short)} is beyond the limit of {result.limit.display()}: recount "
                "(Alt+R), or give the reason and a supervisor approves it when you go on."
            )
            self.limit_label.setStyleSheet(_ERROR_STYLE)
        else:
            self.limit_label.setText(f"Within the limit of {result.limit.display()}. Enter goes on to the float.")
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
            self.refuse("Give the reason for the variance, or recount (Alt+R).")
            return False
        if wizard.variance_approval_id is None:
            wizard.ask_variance_approval()
            return False
        return True


# -- 5 the float to keep ------------------------------------------------------------------------------


class FloatPage(QWizardPage):
    def __init__(self, wizard: BalancingWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setObjectName("floatKeepPage")
        self.setTitle("The float to keep for the next shift")
        self.setCommitPage(True)
        explain = QLabel(
            "These pieces stay in the drawer for the next shift; the rest of the cash goes to the deposit. "
            "Enter closes the drawer with this float. Alt+K goes to the rows to change it."
        )
        explain.setWordWrap(True)
        self.count_widget = CashCountWidget("Float to keep", name="keep")
        keep = QLabel("Change the float to &keep (first row: $100 bills):")
        keep.setBuddy(self.count_widget.first_field)
        self.deposit_label = QLabel()
        self.deposit_label.setObjectName("depositCash")
        self.deposit_label.setFont(_heading_font(self, 1.1))
        self.message_label = message_label("floatKeepMessage")
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(keep)
        layout.addWidget(self.count_widget, 1)
        layout.addWidget(self.deposit_label)
        layout.addWidget(self.message_label)
        self._chain = EnterChain(self.count_widget.fields, wizard.next, self)
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
            self.deposit_label.setText("To the deposit: —")
            show_message(self.message_label, problem, error=True)
            return
        show_message(self.message_label, "")
        self.deposit_label.setText(f"Cash to the deposit: {(counted - total).display()}")

    def validatePage(self) -> bool:
        try:
            keep = self.count_widget.count()
        except CountError as exc:
            show_message(self.message_label, str(exc), error=True)
            self.count_widget.focus_first_bad()
            return False
        problem = self._wizard.close_drawer(keep)
        if problem:
            show_message(self.message_label, problem, error=True)
            return False
        return True


# -- 6 closed -----------------------------------------------------------------------------------------


class ClosedPage(QWizardPage):
    def __init__(self, wizard: BalancingWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setObjectName("closedPage")
        self.setTitle("The drawer is closed")
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
        self.pdf_button = QPushButton("Save the PDF &again")
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
            f"Drawer {closed.drawer_id} is closed: it takes no more payments. Float kept for the next shift: "
            f"{closed.float_kept.display()}; cash to the deposit: {closed.deposit_cash.display()}.\n"
            "The Z report was sent to the receipt printer."
        )
        self.show_pdf(closed.pdf_problem)
        self._wizard.focus_target = self._wizard.button(QWizard.WizardButton.FinishButton)

    def show_pdf(self, problem: str = "") -> None:
        pdf = self._wizard.pdf
        if pdf is not None:
            self.pdf_label.setText(f"A PDF copy of the Z report is saved: {pdf}")
            self.pdf_label.setStyleSheet("")
            self.pdf_button.hide()
            return
        why = f" ({problem})" if problem else ""
        self.pdf_label.setText(
            f"The PDF copy of the Z report could not be saved{why}. The drawer is closed all the same: "
            "Save the PDF again (Alt+A), or call your supervisor."
        )
        self.pdf_label.setStyleSheet(_ERROR_STYLE)
        self.pdf_button.show()


# -- the wizard ---------------------------------------------------------------------------------------


class BalancingWizard(QWizard):
    """The cashier's end of shift on their open drawer; `drawer_closed(DrawerClosed)` once closed."""

    drawer_closed = Signal(object)

    def __init__(self, ctx: ServiceContext, operator: Operator, drawer_id: int, *,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("balancingWizard")
        self.setWindowTitle(f"Balance drawer {drawer_id} — end of shift")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Close the drawer")
        self.ctx = ctx
        self.operator = operator
        self.drawer_id = drawer_id
        self.counting = _Counting(operator.user_id)
        self.pieces = CashCount({})
        # The cashier's latest attempt. It hides QDialog.result(), which nothing here calls; tests read it.
        self.result: CountResult | None = None  # type: ignore[assignment]
        self.second: CountResult | None = None  # a supervisor's second count
        self.reason = ""
        self.variance_approval_id: int | None = None
        self.closed: DrawerClosed | None = None
        self.pdf: Path | None = None
        self.approval_dialog: ApprovalDialog | None = None
        self._asking = False
        #: Where the keyboard goes once the page shows (QWizard gives it to the page's first field itself).
        self.focus_target: QWidget | None = None
        self.currentIdChanged.connect(self._page_shown)

        self.count_page = CountPage(self)
        self.items_page = ItemsPage(self)
        self.card_page = CardPage(self)
        self.summary_page = SummaryPage(self)
        self.float_page = FloatPage(self)
        self.closed_page = ClosedPage(self)
        for page_id, page in enumerate((self.count_page, self.items_page, self.card_page, self.summary_page,
                                        self.float_page, self.closed_page)):  # fmt: skip
            self.setPage(page_id, page)
        self.setStartId(PAGE_COUNT)
        cancel = self.button(QWizard.WizardButton.CancelButton)
        cancel.clicked.disconnect()
        cancel.clicked.connect(self.cancel)
        self.resize(760, 720)

    def _page_shown(self, _page_id: int) -> None:
        target, self.focus_target = self.focus_target, None
        if target is not None:
            focus_and_select(target)

    # -- what the pages ask for -------------------------------------------------------------------

    def record(self, card_settlement: Money) -> str:
        """Record this attempt (the cashier's, or the supervisor's second count); what went wrong, or ""."""
        from cashdesk.services.balancing import CountInput, record_count, record_second_count

        count = CountInput(pieces=self.pieces, present=self.items_page.present, extra=tuple(self.items_page.extra),
                           card_settlement=card_settlement)  # fmt: skip
        counting = self.counting
        approval_id = counting.second_approval_id

        def work() -> CountResult:
            if approval_id is not None:
                return record_second_count(self.ctx, self.operator, count, approval_id=approval_id)
            return record_count(self.ctx, self.operator, count)

        result, problem = self._now(work, failed="The count could not be recorded ({exc}). Try again, or call your "
                                    "supervisor.", log_as="recording the count failed")  # fmt: skip
        if result is None:  # nothing was recorded
            return problem
        if counting.second:
            self.second = result
            self.counting = _Counting(self.operator.user_id)  # the approval is used
        else:
            self.result = result
            self.reason = ""
            self.variance_approval_id = None  # an approval was for the attempt before
        log.info("drawer %s: count attempt %s by %s, %s", result.drawer_id, result.attempt, result.counted_by,
                 over_short_text(result.over_short))  # fmt: skip
        return ""

    def recount(self) -> None:
        """Alt+R on the summary: back to the count, a new attempt."""
        if self.closed is not None or self.approval_dialog is not None:
            return
        self.counting = _Counting(self.operator.user_id)
        self.restart()

    def ask_second_count(self) -> None:
        """A supervisor approves, then counts the same drawer on the same pages."""
        if self.closed is not None or self.approval_dialog is not None:
            return
        self._approve(OverrideAction.SECOND_COUNT, "", self._second_count_approved)

    def _second_count_approved(self, approval_id: int, approved_by: str) -> None:
        self.counting = _Counting(approved_by, approval_id)
        self.restart()

    def ask_variance_approval(self) -> None:
        self._approve(OverrideAction.VARIANCE, self.reason, self._variance_approved)

    def _variance_approved(self, approval_id: int, _approved_by: str) -> None:
        self.variance_approval_id = approval_id
        self.next()

    def _approve(self, action: OverrideAction, reason: str, then: Callable[[int, str], None]) -> None:
        dialog = ApprovalDialog(self.ctx, action=action, requested_by=self.operator,
                                object=f"drawer {self.drawer_id}", reason=reason, parent=self)  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(_result: int) -> None:
            self.approval_dialog = None
            if not self.isVisible():
                return  # the wizard went (the station locked)
            self.activateWindow()
            approval = dialog.approval
            if approval is None:
                self.summary_page.refuse(f"{action.label}: not approved, nothing done.")
                return
            then(approval.id, approval.approved_by)

        dialog.finished.connect(finished)
        self.approval_dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def close_drawer(self, keep: CashCount) -> str:
        from cashdesk.services.balancing import close_drawer

        result = self.result
        assert result is not None
        closed, problem = self._now(
            lambda: close_drawer(
                self.ctx, self.operator, count_id=result.count_id, float_kept=keep, reason=self.reason,
                approval_id=self.variance_approval_id,
                second_count_id=self.second.count_id if self.second is not None else None,
            ),
            failed="The drawer could not be closed ({exc}). It is still open: try again, or call your supervisor.",
            log_as="closing the drawer failed",
        )  # fmt: skip
        if closed is None:  # the drawer is still open
            return problem
        self.closed = closed
        self.pdf = closed.pdf
        log.info("drawer %s closed by %s: %s", closed.drawer_id, self.operator.user_id,
                 over_short_text(closed.over_short))  # fmt: skip
        self.drawer_closed.emit(closed)
        return ""

    def save_pdf_again(self) -> None:
        from cashdesk.services.balancing import z_report_pdf

        if self.closed is None:
            return
        drawer_id = self.closed.drawer_id
        pdf, problem = self._now(lambda: z_report_pdf(self.ctx, self.operator, drawer_id), failed="{exc}",
                                 log_as="saving the Z report PDF failed")  # fmt: skip
        if pdf is None:  # a folder that cannot be written: said, the button stays
            self.closed_page.show_pdf(problem)
            return
        self.pdf = pdf
        self.closed_page.show_pdf()

    def _now(self, work: Callable[[], T], *, failed: str, log_as: str) -> tuple[T | None, str]:
        """The service's answer on the GUI thread (the pages move on with it), or what went wrong, in words."""
        said: list[str] = []
        result = Operation(self, work, failed=failed, log_as=log_as).failure(said.append).run_now()
        return result, "".join(said)

    # -- Esc ----------------------------------------------------------------------------------------

    @property
    def count_entered(self) -> bool:
        return self.result is not None or self.count_page.count_widget.entered

    def cancel(self) -> None:
        """Esc or Cancel: once closed, just close; with a count typed, ask first."""
        if self._asking or self.approval_dialog is not None:
            return
        if self.closed is not None:
            self.accept()
            return
        if not self.count_entered:
            self.reject()
            return
        self._asking = True
        focus = QApplication.focusWidget()

        def answered(yes: bool) -> None:
            self._asking = False
            if yes:
                self.reject()
            elif self.isVisible():
                self.activateWindow()  # the keyboard goes back where it was
                if focus is not None and self.isAncestorOf(focus):
                    focus.setFocus(Qt.FocusReason.OtherFocusReason)

        ask(self, "Stop balancing?",
            "Stop balancing the drawer? What you typed is dropped (counts already recorded stay on record) "
            "and the drawer stays open.", answered, name="stopBalancingQuestion",
            informative="Y: yes, stop.  N: no, go on counting.")  # fmt: skip

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            event.accept()
            self.cancel()
            return
        super().keyPressEvent(event)


__all__ = ["BalancingWizard", "flags_text", "over_short_text"]
