"""The form where one remittance of a mail batch is keyed: the stub or account, the amount, the check
number (or the check reader's MICR line), the payer and the kind. Enter moves on; what each Enter
does is `ui.mail_batch_keying.BatchKeying`'s. Its texts keep the "mail_batches" translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from cashdesk.ui.fields import CardNumberGuard, EnterChain, line_field
from cashdesk.ui.i18n import translate
from cashdesk.ui.labels import heading_font as _font
from cashdesk.ui.mail_batch_tables import TENDERS

if TYPE_CHECKING:
    from cashdesk.ui.mail_batches import MailBatchesDialog


def guarded_line(guard: CardNumberGuard, name: str, max_length: int, *, align_right: bool = False) -> QLineEdit:
    """A line field that `guard` watches for a card number typed into it."""
    field = line_field(QLineEdit(), name, max_length, align_right=align_right)
    guard.watch(field)
    return field


def form_row(form: QFormLayout, caption: str, field: QWidget) -> QLabel:
    """A row of `form`: its caption, whose mnemonic (Alt+letter) goes to `field`."""
    label = QLabel(caption)
    label.setBuddy(field)
    form.addRow(label, field)
    return label


class RemittanceEntry(QFrame):
    """The remittance being keyed: stub or account, amount, check number, payer, kind."""

    def __init__(self, dialog: MailBatchesDialog) -> None:
        super().__init__()
        self.setObjectName("remittanceEntry")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        keying = dialog.keying
        self.scan_field = guarded_line(dialog.guard, "remittanceScan", 40)
        self.scan_field.setPlaceholderText(translate("mail_batches", "Scan the stub, or type the account number"))
        self.scan_field.setFont(_font(dialog, 1.2, bold=False))
        self.amount_field = guarded_line(dialog.guard, "remittanceAmount", 20, align_right=True)
        self.amount_field.setFont(_font(dialog, 1.2, bold=False))
        self.check_field = guarded_line(dialog.guard, "remittanceCheck", 64)
        self.check_field.setPlaceholderText(
            translate("mail_batches", "The check number, or run the check through the reader")
        )
        self.payer_field = guarded_line(dialog.guard, "remittancePayer", 120)
        self.payer_field.setPlaceholderText(
            translate("mail_batches", "As printed on the check (empty: the account's name)")
        )
        self.tender_combo = QComboBox()
        self.tender_combo.setObjectName("remittanceKind")
        for code, name in TENDERS:
            self.tender_combo.addItem(name, code)
        self.account_label = QLabel()
        self.account_label.setObjectName("remittanceAccount")
        self.account_label.setWordWrap(True)
        self.account_label.setStyleSheet("color: #1f4e79; font-weight: bold;")
        form = QFormLayout()
        form_row(form, translate("mail_batches", "&Scan or account:"), self.scan_field)
        form.addRow("", self.account_label)
        form_row(form, translate("mail_batches", "A&mount:"), self.amount_field)
        self.check_caption = form_row(form, translate("mail_batches", "&Check number:"), self.check_field)
        form_row(form, translate("mail_batches", "Pa&yer:"), self.payer_field)
        form_row(form, translate("mail_batches", "Kind (Alt+&T):"), self.tender_combo)
        entry_hint = QLabel(
            translate(
                "mail_batches",
                "Enter moves on: stub or account, amount, check number (or the reader's MICR line), "
                "payer; Enter on the payer adds the remittance.",
            )
        )
        entry_hint.setWordWrap(True)
        entry_hint.setStyleSheet("color: #555555;")
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(entry_hint)
        self._chain = EnterChain([self.scan_field, self.amount_field, self.check_field, self.payer_field],
                                 keying.add_remittance, dialog)  # fmt: skip
        self._chain.on_enter(self.scan_field, keying.enter_in_scan)
        self._chain.on_enter(self.amount_field, keying.enter_in_amount)
        self._chain.on_enter(self.check_field, keying.enter_in_check)
        self.scan_field.textEdited.connect(keying.scan_edited)
        self.check_field.textEdited.connect(lambda _text: keying.forget_micr())
        self.tender_combo.currentIndexChanged.connect(keying.tender_changed)
        for first, second in ((self.scan_field, self.amount_field), (self.amount_field, self.check_field),
                              (self.check_field, self.payer_field), (self.payer_field, self.tender_combo)):  # fmt: skip
            QWidget.setTabOrder(first, second)
