"""The balancing wizard's first pages, where the cashier counts: the blind count (1), the checks and
money orders (2) and the card terminal's settlement (3); and how the wizard words over/short and items.

Each page asks its wizard (`ui.balancing_wizard.BalancingWizard`) to record what was typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    QWizardPage,
)

from cashdesk.domain.balancing import over_short_shown
from cashdesk.domain.money import Money, MoneyError
from cashdesk.ui.credentials import EnterLineEdit, message_label, show_message
from cashdesk.ui.fields import CARD_NUMBER_REFUSED, CardNumberGuard, EnterChain, focus_and_select, line_field
from cashdesk.ui.float_count import CashCountWidget
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from cashdesk.ui.labels import column, explanation, side_by_side
from cashdesk.ui.labels import heading_font as _heading_font
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.services.balancing import CountResult, DrawerItem, ExtraItem
    from cashdesk.ui.balancing_wizard import BalancingWizard


#: How the window names a tender kind.
KIND_LABELS = {
    "cash": QT_TRANSLATE_NOOP("balancing_entry", "Cash"),
    "check": QT_TRANSLATE_NOOP("balancing_entry", "Check"),
    "money_order": QT_TRANSLATE_NOOP("balancing_entry", "Money order"),
    "card": QT_TRANSLATE_NOOP("balancing_entry", "Card"),
}
#: Over/short as every screen says it ("Short $10.00"), in the window's language (slips keep the
#: English): one rule, in domain/balancing.py.
over_short_text = over_short_shown


def item_text(item: DrawerItem) -> str:
    kind = translate("balancing_entry", KIND_LABELS.get(item.kind, item.kind)).lower()
    payer = translate("balancing_entry", " from {payer}").format(payer=item.payer) if item.payer else ""
    return translate("balancing_entry", "{kind} #{number}{payer}, {amount} (receipt {receipt_number})").format(
        kind=kind, number=item.number, payer=payer, amount=item.amount.display(), receipt_number=item.receipt_number
    )


def extra_text(item: ExtraItem) -> str:
    kind = translate("balancing_entry", KIND_LABELS.get(item.kind, item.kind)).lower()
    return f"{kind} #{item.number}, {item.amount.display()}"


def flags_text(result: CountResult) -> list[str]:
    """Missing and extra items and a card settlement that differs, in words."""
    lines = [
        translate("balancing_entry", "MISSING: {item_text} is not in the drawer.").format(item_text=item_text(item))
        for item in result.missing
    ]
    lines += [
        translate("balancing_entry", "EXTRA: {extra_text} is in the drawer but was not recorded.").format(
            extra_text=extra_text(item)
        )
        for item in result.extra
    ]
    for line in result.lines:
        if line.kind == "card" and line.over_short.cents:
            lines.append(
                translate(
                    "balancing_entry",
                    "CARD: the terminal's settlement ({counted}) differs from the card payments recorded "
                    "({expected}): {over_short_text}.",
                ).format(
                    counted=line.counted.display(),
                    expected=line.expected.display(),
                    over_short_text=over_short_text(line.over_short).lower(),
                )
            )
    return lines


class WizardStep(QWizardPage):
    """A page of the balancing wizard (`ui.balancing_wizard`), named for tests and titled for the cashier."""

    def __init__(self, wizard: BalancingWizard, name: str, title: str) -> None:
        super().__init__()
        self._wizard = wizard
        self.setObjectName(name)
        self.setTitle(title)


# -- 1 the blind count --------------------------------------------------------------------------------


class CountPage(WizardStep):
    def __init__(self, wizard: BalancingWizard) -> None:
        super().__init__(wizard, "countPage", translate("balancing_entry", "Count the cash in the drawer"))
        self.who_label = QLabel()
        self.who_label.setObjectName("countBy")
        self.who_label.setFont(_heading_font(self, 1.1))
        explain = explanation(
            translate(
                "balancing_entry",
                "A blind count: count every bill, coin and roll and type how many of each (an empty row counts as "
                "none). What the drawer should hold is shown only after the count is recorded. Enter goes to the "
                "next row; Enter on the last row goes on to the checks and money orders.",
            )
        )
        self.count_widget = CashCountWidget(translate("balancing_entry", "Cash counted"), name="blind")
        self.message_label = message_label("countMessage")
        column(self, self.who_label, explain, self.count_widget, self.message_label, grow=self.count_widget)
        self._chain = EnterChain(self.count_widget.fields, wizard.next, self)
        self.count_widget.recounted.connect(self._recounted)
        self._zero_warned = False

    def initializePage(self) -> None:
        counting = self._wizard.counting
        if counting.second:
            self.who_label.setText(
                translate("balancing_entry", "Second count by {by} (supervisor)").format(by=counting.by)
            )
        else:
            self.who_label.setText(translate("balancing_entry", "Counted by {by}").format(by=counting.by))
        self.count_widget.clear()
        show_message(self.message_label, "")
        self._zero_warned = False
        focus_and_select(self.count_widget.first_field)

    def _recounted(self, _total: object, problem: str) -> None:
        self._zero_warned = False
        show_message(self.message_label, problem, error=bool(problem))

    def validatePage(self) -> bool:
        count = self.count_widget.count_or_say(self.message_label)
        if count is None:
            return False
        if count.total.cents == 0 and not self._zero_warned:
            self._zero_warned = True
            show_message(
                self.message_label,
                translate(
                    "balancing_entry",
                    "Nothing was counted. Type the pieces in the drawer, or press Enter "
                    "again to go on with no cash ($0.00).",
                ),
                error=True,
            )
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


class ItemsPage(WizardStep):
    COLUMNS = (
        QT_TRANSLATE_NOOP("balancing_entry", "Present"),
        QT_TRANSLATE_NOOP("balancing_entry", "Number"),
        QT_TRANSLATE_NOOP("balancing_entry", "Payer"),
        QT_TRANSLATE_NOOP("balancing_entry", "Amount"),
        QT_TRANSLATE_NOOP("balancing_entry", "Receipt"),
    )

    def __init__(self, wizard: BalancingWizard) -> None:
        super().__init__(wizard, "itemsPage", translate("balancing_entry", "Checks and money orders"))
        self.items: tuple[DrawerItem, ...] = ()
        self.extra: list[ExtraItem] = []
        explain = explanation(
            translate(
                "balancing_entry",
                "Tick each check and money order that is in the drawer: ↑ ↓ move, Space ticks. An item in the drawer "
                'that is not on the list: type it under "Item found" and Enter. Enter on the list goes on.',
            )
        )
        self.table = ItemsTable(0, len(self.COLUMNS))
        self.table.setObjectName("itemsTable")
        self.table.setHorizontalHeaderLabels([translate("balancing_entry", title) for title in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._ticked)
        self.none_label = QLabel(translate("balancing_entry", "No checks or money orders were taken in this drawer."))
        self.none_label.setObjectName("noItems")
        self.ticked_label = QLabel()
        self.ticked_label.setObjectName("itemsTicked")

        row = self._build_found_row()
        self.extra_list = QListWidget()
        self.extra_list.setObjectName("extraList")
        self.extra_list.setMaximumHeight(80)
        self.message_label = message_label("itemsMessage")

        column(self, explain, self.table, self.none_label, self.ticked_label, row, self.extra_list,
               self.message_label, grow=self.table)  # fmt: skip

        self._guard = CardNumberGuard(self)
        self._guard.watch(self.number_field, self.amount_field)
        self._guard.refused.connect(lambda field: self._refuse(translate("fields", CARD_NUMBER_REFUSED), field))
        self._chain = EnterChain([self.kind_box, self.number_field, self.amount_field], self.add_extra, self)

    def _build_found_row(self) -> QHBoxLayout:
        """An item in the drawer that is not on the list: its kind, number and amount, and Add."""
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("extraKind")
        self.kind_box.addItem(translate("balancing_entry", "Check"), "check")
        self.kind_box.addItem(translate("balancing_entry", "Money order"), "money_order")
        self.number_field = EnterLineEdit()
        self.number_field.setObjectName("extraNumber")
        self.number_field.setMaxLength(20)
        self.number_field.setPlaceholderText(translate("balancing_entry", "Number"))
        self.amount_field = EnterLineEdit()
        self.amount_field.setObjectName("extraAmount")
        self.amount_field.setMaxLength(16)
        self.amount_field.setPlaceholderText(translate("balancing_entry", "Amount"))
        self.add_button = QPushButton(translate("balancing_entry", "A&dd the item found"))
        self.add_button.setObjectName("addExtra")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_extra)
        found = QLabel(translate("balancing_entry", "&Item found:"))
        found.setBuddy(self.kind_box)
        row = QHBoxLayout()
        row.addWidget(found)
        row.addWidget(self.kind_box)
        row.addWidget(self.number_field)
        row.addWidget(self.amount_field)
        row.addWidget(self.add_button)
        return row

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
        failed = translate(
            "balancing_entry", "The checks and money orders could not be listed ({exc}). Call your supervisor."
        )
        wizard = self._wizard
        items = Operation(self, lambda: items_to_verify(wizard.ctx, wizard.operator), failed=failed,
                          log_as="could not list the drawer's checks and money orders")\
            .refused(lambda text: self._refuse(failed.format(exc=text))).failure(self._refuse).run_now()  # fmt: skip
        self.items = items if items is not None else ()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            present = QTableWidgetItem(translate("balancing_entry", KIND_LABELS.get(item.kind, item.kind)))
            present.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            present.setCheckState(Qt.CheckState.Unchecked)
            cells = [present, QTableWidgetItem(item.number), QTableWidgetItem(item.paid_by),
                     QTableWidgetItem(item.amount.display()), QTableWidgetItem(item.receipt_number)]  # fmt: skip
            cells[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column_index, cell in enumerate(cells):
                if column_index:
                    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column_index, cell)
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
        self.ticked_label.setText(
            translate("balancing_entry", "{present} of {items} ticked present.").format(
                present=len(self.present), items=len(self.items)
            )
        )

    def add_extra(self) -> None:
        from cashdesk.services.balancing import ExtraItem

        if self._guard.check_now():
            return
        number = self.number_field.text().strip()
        if not number:
            self._refuse(
                translate(
                    "balancing_entry", "Type the number of the item found (printed on the check or money order)."
                ),
                self.number_field,
            )
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
        show_message(
            self.message_label,
            translate("balancing_entry", "Added: {extra_text}. It shows as extra on the summary.").format(
                extra_text=extra_text(extra)
            ),
        )
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
            self._refuse(
                translate(
                    "balancing_entry", "Finish the item found first: its number and amount, then Enter (or clear them)."
                ),
                self.number_field,
            )
            return False
        return True


# -- 3 the card terminal ------------------------------------------------------------------------------


class CardPage(WizardStep):
    def __init__(self, wizard: BalancingWizard) -> None:
        super().__init__(wizard, "cardPage", translate("balancing_entry", "Card terminal settlement"))
        explain = explanation(
            translate(
                "balancing_entry",
                "Settle the batch on the card terminal and type the total it prints (0 when no card was taken). "
                "Enter records your count and shows the summary.",
            )
        )
        self.total_field = line_field(QLineEdit(), "cardSettlement", 16, align_right=True)
        self.total_field.setMaximumWidth(200)
        caption = QLabel(translate("balancing_entry", "Settlement &total:"))
        caption.setBuddy(self.total_field)
        self.message_label = message_label("cardMessage")
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(side_by_side(caption, self.total_field))
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        self._guard = CardNumberGuard(self)
        self._guard.watch(self.total_field)
        self._guard.refused.connect(
            lambda _field: show_message(self.message_label, translate("fields", CARD_NUMBER_REFUSED), error=True)
        )

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
