"""The counter's own widgets: the receipt's lines and tenders (Delete removes the one chosen), the
pay strip, where the account opened for payment shows its flags and the amount to pay, and the
legend of the counter's keys under the receipt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cashdesk.domain.accounts import AccountStatus, FlagSeverity
from cashdesk.domain.money import Money
from cashdesk.ui.credentials import message_label, show_message
from cashdesk.ui.fields import CardNumberGuard, focus_and_select, line_field
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from cashdesk.ui.labels import heading_font as _font
from cashdesk.ui.labels import rows_to_choose, side_by_side

if TYPE_CHECKING:
    from cashdesk.services.accounts import AccountDetail


#: Said when someone who does not take payments tries to (a payment key, a reprint).
NOT_A_CASHIER = QT_TRANSLATE_NOOP(
    "counter_widgets", "You can look up accounts. Payments are taken by cashiers and supervisors."
)

_FLAG_STYLE = "background: #b00020; color: white; font-weight: bold; font-size: 13pt; padding: 4px 8px;"
_PANEL_STYLE = "QFrame#payStrip { border: 2px solid #1f4e79; border-radius: 4px; }"


#: The counter's keys, under the receipt (docs/keyboard.md has the full contract).
KEY_LEGEND = (
    ("F2", QT_TRANSLATE_NOOP("counter_widgets", "Find · scan")),
    ("Enter", QT_TRANSLATE_NOOP("counter_widgets", "Pay · add")),
    ("F3", QT_TRANSLATE_NOOP("counter_widgets", "Payer")),
    ("F4", QT_TRANSLATE_NOOP("counter_widgets", "Misc item")),
    ("F5", QT_TRANSLATE_NOOP("counter_widgets", "Cash")),
    ("F6", QT_TRANSLATE_NOOP("counter_widgets", "Check")),
    ("F7", QT_TRANSLATE_NOOP("counter_widgets", "Card")),
    ("F8", QT_TRANSLATE_NOOP("counter_widgets", "Money order")),
    ("F12", QT_TRANSLATE_NOOP("counter_widgets", "Post")),
    ("Esc", QT_TRANSLATE_NOOP("counter_widgets", "Back · cancel")),
    ("Del", QT_TRANSLATE_NOOP("counter_widgets", "Remove")),
    ("Ctrl+P", QT_TRANSLATE_NOOP("counter_widgets", "Reprint last")),
    ("Ctrl+Shift+V", QT_TRANSLATE_NOOP("counter_widgets", "Void")),
    ("Ctrl+Shift+O", QT_TRANSLATE_NOOP("counter_widgets", "No sale")),
    ("Ctrl+Shift+S", QT_TRANSLATE_NOOP("counter_widgets", "PDF copy")),
    ("Ctrl+Shift+C", QT_TRANSLATE_NOOP("counter_widgets", "Cash drop")),
    ("Ctrl+Shift+P", QT_TRANSLATE_NOOP("counter_widgets", "Paid-out")),
    ("Ctrl+Shift+X", QT_TRANSLATE_NOOP("counter_widgets", "X report")),
    ("Ctrl+Shift+B", QT_TRANSLATE_NOOP("counter_widgets", "End shift")),
    ("Ctrl+Shift+L", QT_TRANSLATE_NOOP("counter_widgets", "Language")),
)


def key_legend() -> QFrame:
    """The counter's keys, two to a row, under the receipt."""
    legend = QGridLayout()
    legend.setHorizontalSpacing(6)
    legend.setVerticalSpacing(0)
    for row, (key, what) in enumerate(KEY_LEGEND):
        key_label = QLabel(f"<b>{key}</b>")
        what_label = QLabel(translate("counter_widgets", what))
        what_label.setStyleSheet("color: #444444;")
        legend.addWidget(key_label, row // 2, (row % 2) * 2)
        legend.addWidget(what_label, row // 2, (row % 2) * 2 + 1)
    legend_box = QFrame()
    legend_box.setObjectName("keyLegend")
    legend_box.setLayout(legend)
    small = QFont(legend_box.font())  # a little smaller: two keys a row fit the receipt side at 1024 wide
    small.setPointSizeF(small.pointSizeF() * 0.85)
    legend_box.setFont(small)
    return legend_box


class CartView(QTableView):
    """The receipt's lines or tenders; Delete removes the one chosen."""

    delete_pressed = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentIndex().isValid():
            event.accept()
            self.delete_pressed.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


def cart_view(name: str) -> CartView:
    return rows_to_choose(CartView(), name)


class PayStrip(QFrame):
    """The account opened for payment: its flags, large, and the amount to pay (Enter adds it)."""

    def __init__(self, guard: CardNumberGuard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payStrip")
        self.setStyleSheet(_PANEL_STYLE)
        self.detail: AccountDetail | None = None
        self.title_label = QLabel()
        self.title_label.setObjectName("payTitle")
        self.title_label.setFont(_font(self, 1.2))
        self.title_label.setWordWrap(True)
        self.flags_label = QLabel()
        self.flags_label.setObjectName("payFlags")
        self.flags_label.setStyleSheet(_FLAG_STYLE)
        self.flags_label.setWordWrap(True)
        # 40: room for a stub scanned here by mistake: it is read as a scan
        self.amount_field = line_field(QLineEdit(), "payAmount", 40, align_right=True)
        self.amount_field.setFont(_font(self, 1.4))
        self.amount_field.setMaximumWidth(220)
        caption = QLabel(translate("counter_widgets", "&Amount to pay:"))
        caption.setBuddy(self.amount_field)
        self.message_label = message_label("payMessage")
        hint = QLabel(
            translate(
                "counter_widgets",
                "Enter adds it to the receipt (change the amount for a partial payment); F5 adds it and takes "
                "cash, F6 a check, F7 a card, F8 a money order. Esc: back.",
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.flags_label)
        layout.addLayout(side_by_side(caption, self.amount_field))
        layout.addWidget(self.message_label)
        layout.addWidget(hint)
        guard.watch(self.amount_field)

    def open_for(self, detail: AccountDetail, amount: Money, note: str = "") -> None:
        self.detail = detail
        a = detail.account
        self.title_label.setText(
            translate("counter_widgets", "Pay on account {number} — {name}   (balance {balance})").format(
                number=a.number, name=a.name, balance=detail.balance.display()
            )
        )
        warnings = [flag.shown.upper() for flag in detail.flag_list if flag.severity > FlagSeverity.INFO]
        if a.status is AccountStatus.CLOSED:
            warnings.append(translate("counter_widgets", "A SUPERVISOR APPROVES A PAYMENT ON A CLOSED ACCOUNT"))
        self.flags_label.setText("  ·  ".join(warnings))
        self.flags_label.setVisible(bool(warnings))
        self.amount_field.setText(amount.plain())
        show_message(self.message_label, note)
        self.show()
        focus_and_select(self.amount_field)

    def refuse(self, text: str) -> None:
        show_message(self.message_label, text, error=True)
        focus_and_select(self.amount_field)

    def close_strip(self) -> None:
        self.detail = None
        self.hide()
