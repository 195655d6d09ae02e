"""The account pane: who the account is, what it owes, what to watch out for, what happened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cashdesk.domain.accounts import Flag, FlagSeverity
from cashdesk.domain.printed_text import ENGLISH, LANGUAGE_NAMES
from cashdesk.ui.columns import FitColumns
from cashdesk.ui.formatting import date_text, kind_text
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from cashdesk.ui.labels import heading_font, rows_to_choose
from cashdesk.ui.models import HistoryModel, OpenItemsModel

if TYPE_CHECKING:
    from cashdesk.services.accounts import AccountDetail

EMPTY_TEXT = QT_TRANSLATE_NOOP("account_pane", "Find an account to see what it owes.")

# A flag's colour says how much it matters (domain/accounts.py): red stops, amber changes the payment, blue informs.
_FLAG_STYLE = "background: {}; color: white; font-weight: bold; padding: 3px 8px; border-radius: 3px;"
_FLAG_STYLES = {FlagSeverity.STOP: _FLAG_STYLE.format("#b00020"), FlagSeverity.CAUTION: _FLAG_STYLE.format("#8a5300"),
                FlagSeverity.INFO: _FLAG_STYLE.format("#1f4e79")}  # fmt: skip
_PAST_DUE_STYLE = "color: #b00020; font-weight: bold;"
_AGING_TITLES = {
    "current": QT_TRANSLATE_NOOP("account_pane", "Current"),
    "30": QT_TRANSLATE_NOOP("account_pane", "30 days"),
    "60": QT_TRANSLATE_NOOP("account_pane", "60 days"),
    "90+": QT_TRANSLATE_NOOP("account_pane", "90+ days"),
}


def _value_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


def _read_only_table(name: str, model: QAbstractItemModel, *, stretch: int) -> QTableView:
    """A table to read, not edit; column `stretch` takes the width left over."""
    table = rows_to_choose(QTableView(), name, tab_leaves=False)
    table.setModel(model)  # before the header's sections are set up: they come from the model
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class AccountPane(QWidget):
    """Shows one `AccountDetail`; holds no data of its own beyond what it was given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountPane")
        self._detail: AccountDetail | None = None

        self._stack = QStackedWidget()
        self.empty_label = QLabel(translate("account_pane", EMPTY_TEXT))
        self.empty_label.setObjectName("accountPaneEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #555555; font-size: 14pt;")
        self._stack.addWidget(self.empty_label)
        self._stack.addWidget(self._build_detail())

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)

    def _build_detail(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 0, 0, 0)

        self.title_label = _value_label("accountTitle")
        self.title_label.setFont(heading_font(self, 1.4))
        self.kind_label = _value_label("accountKind")
        layout.addWidget(self.title_label)
        layout.addWidget(self.kind_label)

        self._flags_box = QWidget()
        self._flags_box.setObjectName("accountFlags")
        self._flags_layout = QHBoxLayout(self._flags_box)
        self._flags_layout.setContentsMargins(0, 4, 0, 4)
        self.flag_labels: list[QLabel] = []
        layout.addWidget(self._flags_box)
        self.answers_label = _value_label("accountAnswers")  # set by ui/answers.AccountAnswers
        layout.addWidget(self.answers_label)

        layout.addLayout(self._build_money())
        layout.addLayout(self._build_aging())
        layout.addLayout(self._build_addresses())
        self.orders_label = _value_label("serviceOrders")  # the account's open service orders (issue 16)
        self.orders_label.setWordWrap(True)
        layout.addWidget(self.orders_label)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)

        self.items_caption = QLabel(translate("account_pane", "Open items, in the order a payment pays them"))
        self.items_caption.setObjectName("openItemsCaption")
        self.items_caption.setWordWrap(True)  # a narrow pane wraps it rather than grow the window
        layout.addWidget(self.items_caption)
        self.items_model = OpenItemsModel(self)
        self.items_view = _read_only_table("openItems", self.items_model, stretch=2)  # the description
        # Amount, paid and open always in full: the period, then the code, give way on a narrow pane.
        self._fit_items = FitColumns(self.items_view, optional=(3, 1), stretch=2)
        layout.addWidget(self.items_view, 3)

        layout.addWidget(QLabel(translate("account_pane", "History, latest first")))
        self.history_model = HistoryModel(self)
        self.history_view = _read_only_table("history", self.history_model, stretch=2)
        self._fit_history = FitColumns(self.history_view, optional=(4, 1), stretch=2)  # the reference, what
        layout.addWidget(self.history_view, 2)
        return page

    def _build_money(self) -> QGridLayout:
        """The balance, large, the past due beside it, and as of when."""
        money = QGridLayout()
        balance_caption = QLabel(translate("account_pane", "Balance"))
        past_due_caption = QLabel(translate("account_pane", "Past due"))
        self.balance_label = _value_label("balance")
        self.balance_label.setWordWrap(False)
        self.balance_label.setFont(heading_font(self, 2.4))
        self.past_due_label = _value_label("pastDue")
        self.past_due_label.setWordWrap(False)
        past_due_font = QFont(self.font())
        past_due_font.setPointSizeF(past_due_font.pointSizeF() * 1.4)
        self.past_due_label.setFont(past_due_font)
        self.as_of_label = _value_label("asOf")
        money.addWidget(balance_caption, 0, 0)
        money.addWidget(past_due_caption, 0, 1)
        money.addWidget(self.balance_label, 1, 0)
        money.addWidget(self.past_due_label, 1, 1, Qt.AlignmentFlag.AlignBottom)
        money.addWidget(self.as_of_label, 2, 0, 1, 2)
        money.setColumnStretch(2, 1)
        return money

    def _build_aging(self) -> QGridLayout:
        """What is owed by how long since it was billed: two to a line, so a narrow pane shows all four."""
        aging = QGridLayout()
        aging.setHorizontalSpacing(16)
        aging.setVerticalSpacing(0)
        self.aging_labels: dict[str, QLabel] = {}
        for n, (bucket, title) in enumerate(_AGING_TITLES.items()):
            title = translate("account_pane", title)
            label = _value_label(f"aging{bucket.replace('+', 'Plus')}")
            label.setWordWrap(False)
            label.setToolTip(translate("account_pane", "Owed: {title} since billed").format(title=title.lower()))
            self.aging_labels[bucket] = label
            aging.addWidget(label, n // 2, n % 2)
        aging.setColumnStretch(2, 1)
        return aging

    def _build_addresses(self) -> QFormLayout:
        form = QFormLayout()
        form.setContentsMargins(0, 4, 0, 4)
        self.service_address_label = _value_label("serviceAddress")
        self.mailing_address_label = _value_label("mailingAddress")
        self.phone_label = _value_label("phone")
        self.licence_label = _value_label("licence")
        self.filing_label = _value_label("filing")
        form.addRow(translate("account_pane", "Service address:"), self.service_address_label)
        form.addRow(translate("account_pane", "Mailing address:"), self.mailing_address_label)
        form.addRow(translate("account_pane", "Phone:"), self.phone_label)
        form.addRow(translate("account_pane", "Sales tax licence:"), self.licence_label)
        form.addRow(translate("account_pane", "Filing:"), self.filing_label)
        self._form = form
        return form

    # -- what the inquiry screen calls ------------------------------------------------------

    @property
    def account_number(self) -> str | None:
        return self._detail.account.number if self._detail else None

    @property
    def detail(self) -> AccountDetail | None:
        return self._detail

    def clear(self, text: str = EMPTY_TEXT) -> None:
        self._detail = None
        self.empty_label.setText(translate("account_pane", text))
        self.items_model.clear()
        self.history_model.clear()
        self._stack.setCurrentIndex(0)

    def show_detail(self, detail: AccountDetail) -> None:
        self._detail = detail
        a = detail.account
        self.title_label.setText(f"{a.number} — {a.name}")
        kind = translate("account_pane", "{kind_text} account · {label}").format(
            kind_text=kind_text(a.kind.value), label=a.status.shown
        )
        if a.language != ENGLISH:  # English is every account's unless the billing file says otherwise
            kind += translate("account_pane", " · prints in {language}").format(language=LANGUAGE_NAMES[a.language])
        self.kind_label.setText(kind)
        self._show_flags(detail.flag_list)

        self.balance_label.setText(detail.balance.display())
        self.past_due_label.setText(detail.past_due.display())
        self.past_due_label.setStyleSheet(_PAST_DUE_STYLE if detail.past_due.cents > 0 else "")
        self.as_of_label.setText(
            translate("account_pane", "as of {date_text}").format(date_text=date_text(detail.as_of))
        )
        for bucket, amount in detail.aging.as_pairs():
            self.aging_labels[bucket].setText(f"{translate('account_pane', _AGING_TITLES[bucket])}: {amount.display()}")

        self._set_row(self.service_address_label, a.service_address or "—")
        self._set_row(
            self.mailing_address_label, a.mailing_address or translate("account_pane", "Same as service address")
        )
        self._set_row(self.phone_label, a.phone or "—")
        is_tax = a.kind.value == "sales_tax" or bool(a.licence_number)
        self._set_row(self.licence_label, a.licence_number or "—", visible=is_tax)
        filing = a.filing_frequency.value.capitalize() if a.filing_frequency else "—"
        self._set_row(self.filing_label, filing, visible=is_tax)

        past_due_count = sum(1 for i in detail.items if i.past_due)
        caption = translate("account_pane", "Open items, in the order a payment pays them")
        if not detail.items:
            caption = translate("account_pane", "No open items")
        elif past_due_count:
            caption += translate("account_pane", " — {past_due_count} past due").format(past_due_count=past_due_count)
        self.items_caption.setText(caption)
        self.items_model.set_rows(detail.items)
        self.history_model.set_rows(detail.history)
        self.orders_label.setText(orders_text(detail))
        self.orders_label.setVisible(bool(self.orders_label.text()))
        self._stack.setCurrentIndex(1)

    def _set_row(self, label: QLabel, text: str, *, visible: bool = True) -> None:
        label.setText(text)
        self._form.setRowVisible(label, visible)

    def _show_flags(self, flags: tuple[Flag, ...]) -> None:
        for label in self.flag_labels:
            self._flags_layout.removeWidget(label)
            label.setParent(None)  # gone now, not at the next event loop turn
        self.flag_labels = []
        while self._flags_layout.count():  # the stretch from last time
            self._flags_layout.takeAt(0)
        for flag in flags:
            label = QLabel(flag.shown)
            label.setObjectName("flag")
            label.setStyleSheet(_FLAG_STYLES[flag.severity])
            label.setProperty("severity", flag.severity.name.lower())
            self._flags_layout.addWidget(label)
            self.flag_labels.append(label)
        self._flags_layout.addStretch(1)
        self._flags_box.setVisible(bool(flags))

    def flag_texts(self) -> list[str]:
        return [label.text() for label in self.flag_labels]


def orders_text(detail: AccountDetail) -> str:
    """The open service orders, one a line, and what a payment would add on a disconnected account."""
    lines = [f"{o.number} {o.type.shown} — {o.status.shown.lower()}"
             + (f", {date_text(o.scheduled)}" if o.scheduled else "")
             for o in detail.orders if o.status.is_open]  # fmt: skip
    if lines:
        lines.insert(0, translate("account_pane", "Service orders:"))
    if detail.reconnect_note:
        lines.append(detail.reconnect_note)
    if detail.arrangement_note:
        lines.append(detail.arrangement_note)
    return "\n".join(lines)
