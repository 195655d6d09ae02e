"""Typing a tender (F5 cash, F6 check, F7 card, F8 money order) or a misc item (F4) at the counter.

Each opens inline under the receipt, with the remaining amount filled in and selected: typing
an amount and Enter applies it (a check, card or money order asks for its number first).
A check reader's MICR line typed into the check number field is read into routing, account
and check number, and the check applied at once: a reader types the line in a burst, so a pause
after something that looks like a MICR line ends it, with no Enter (a reader's own Enter does
too). A card is taken as brand, last four digits and the terminal's approval code.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QLabel, QLineEdit, QVBoxLayout, QWidget

from cashdesk.domain import micr
from cashdesk.domain.money import Money, MoneyError
from cashdesk.domain.tenders import CARD_BRANDS, Tender, TenderError, TenderKind
from cashdesk.ui.credentials import message_label, show_message
from cashdesk.ui.fields import CardNumberGuard, EnterChain, focus_and_select
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from cashdesk.ui.labels import add_rows, heading_font

_TITLES = {
    TenderKind.CASH: QT_TRANSLATE_NOOP("tender_entry", "Cash (F5)"),
    TenderKind.CHECK: QT_TRANSLATE_NOOP("tender_entry", "Check (F6)"),
    TenderKind.CARD: QT_TRANSLATE_NOOP("tender_entry", "Card (F7) — from the card terminal's slip"),
    TenderKind.MONEY_ORDER: QT_TRANSLATE_NOOP("tender_entry", "Money order (F8)"),
}
_MICR_SYMBOLS = frozenset("TtAaOoCcDd⑆⑈⑉⑇ -")
#: A check reader types a line's characters milliseconds apart; this long with no key ends the line.
MICR_PAUSE_MS = 250


def parse_amount(text: str) -> Money:
    """An amount as typed; raises MoneyError in the cashier's words."""
    return Money.parse(text, allow_zero=False)


def looks_like_micr(text: str) -> bool:
    """More than a check number: the reader's symbols, or more digits than a check number has."""
    raw = text.strip()
    if not raw:
        return False
    if raw.isdigit():
        return len(raw) > 10
    return all(ch.isdigit() or ch in _MICR_SYMBOLS for ch in raw) and sum(ch.isdigit() for ch in raw) >= 9


class TenderEntry(QFrame):
    """One tender being typed. `submitted(Tender)`; the counter applies it or calls `refuse`."""

    submitted = Signal(object)

    def __init__(self, guard: CardNumberGuard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tenderEntry")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.kind = TenderKind.CASH
        self._routing = ""
        self._bank_account = ""
        self._remaining = Money(0)

        self.title_label = QLabel()
        self.title_label.setObjectName("tenderTitle")
        self.title_label.setFont(heading_font(self, 1.2))
        self.amount_field = QLineEdit()
        self.amount_field.setObjectName("tenderAmount")
        self.amount_field.setMaxLength(64)  # room for a MICR line read into the wrong field
        self.amount_field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.number_field = QLineEdit()
        self.number_field.setObjectName("tenderNumber")
        self.number_field.setMaxLength(64)  # a MICR line is long; the check number itself is short
        self.brand_combo = QComboBox()
        self.brand_combo.setObjectName("cardBrand")
        for brand in CARD_BRANDS:
            self.brand_combo.addItem(brand.title() if brand != "AMEX" else "Amex", brand)
        self.brand_combo.setPlaceholderText(translate("tender_entry", "Choose: V, M, A, Di, De"))
        self.last4_field = QLineEdit()
        self.last4_field.setObjectName("cardLast4")
        self.last4_field.setMaxLength(4)
        self.auth_field = QLineEdit()
        self.auth_field.setObjectName("cardAuth")
        self.auth_field.setMaxLength(12)
        self.micr_label = QLabel()
        self.micr_label.setObjectName("micrRead")
        self.micr_label.setWordWrap(True)
        self.message_label = message_label("tenderMessage")
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #555555;")

        self.form = self._build_form()

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(self.form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.hint_label)

        fields = [self.amount_field, self.number_field, self.brand_combo, self.last4_field, self.auth_field]
        for first, second in zip(fields, fields[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._chain = EnterChain(fields, self.submit, self)
        self._chain.on_enter(self.amount_field, self._enter_in_amount)
        self._chain.on_enter(self.number_field, self._enter_in_number)
        self._chain.on_enter(self.brand_combo, self._enter_in_brand)
        guard.watch(self.amount_field, self.number_field, self.last4_field, self.auth_field)
        self._micr_pause = QTimer(self, singleShot=True, interval=MICR_PAUSE_MS)
        self._micr_pause.timeout.connect(self._micr_line_ended)
        for field in (self.amount_field, self.number_field):
            field.textEdited.connect(lambda _text: self._micr_pause.start() if self.kind is TenderKind.CHECK else None)

    def _build_form(self) -> QFormLayout:
        """Every field a tender may ask for; `open_for` shows the ones its kind needs."""
        form = QFormLayout()
        self.amount_caption, self.number_caption, *_ = add_rows(
            form,
            (translate("tender_entry", "&Amount:"), self.amount_field),
            (translate("tender_entry", "Check &number:"), self.number_field),
            (translate("tender_entry", "&Brand:"), self.brand_combo),
            (translate("tender_entry", "&Last four digits:"), self.last4_field),
            (translate("tender_entry", "Approval co&de:"), self.auth_field),
        )
        form.addRow("", self.micr_label)
        return form

    # -- opening ---------------------------------------------------------------------------------

    def open_for(self, kind: TenderKind, remaining: Money) -> None:
        """Show the fields `kind` needs; the remaining amount filled in and selected."""
        self.kind = kind
        self._remaining = remaining
        self._routing = self._bank_account = ""
        self.title_label.setText(translate("tender_entry", _TITLES[kind]))
        check, card, money_order = kind is TenderKind.CHECK, kind is TenderKind.CARD, kind is TenderKind.MONEY_ORDER
        self.number_caption.setText(
            translate("tender_entry", "Check &number:") if check else translate("tender_entry", "S&erial number:")
        )
        self.form.setRowVisible(self.number_field, check or money_order)
        for field in (self.brand_combo, self.last4_field, self.auth_field):
            self.form.setRowVisible(field, card)
        self.form.setRowVisible(self.micr_label, check)
        self.amount_field.setText(remaining.plain())
        for field in (self.number_field, self.last4_field, self.auth_field):
            field.setText("")
        self.brand_combo.setCurrentIndex(-1)
        self.micr_label.setText(
            translate("tender_entry", "Run the check through the reader, or type the check number.") if check else ""
        )
        show_message(self.message_label, "")
        hints = {
            TenderKind.CASH: translate(
                "tender_entry",
                "Type the cash handed over (or keep the amount due). F12 takes it and posts; Enter "
                "applies it. Esc cancels.",
            ),
            TenderKind.CHECK: translate(
                "tender_entry", "Enter goes to the check number; Enter there applies the check. Esc cancels."
            ),
            TenderKind.CARD: translate(
                "tender_entry",
                "Enter moves on: brand (type its first letter), last four digits, approval code; "
                "Enter on the code applies it. Never type the whole card number. Esc cancels.",
            ),
            TenderKind.MONEY_ORDER: translate(
                "tender_entry", "Enter goes to the serial number; Enter there applies it. Esc cancels."
            ),
        }
        self.hint_label.setText(hints[kind])
        self.show()
        focus_and_select(self.amount_field)

    # -- Enter -------------------------------------------------------------------------------------

    def _enter_in_amount(self) -> bool:
        if self.kind is TenderKind.CHECK and looks_like_micr(self.amount_field.text()):
            # The reader typed the check's MICR line where the amount was: read it, keep the amount due.
            line = self.amount_field.text()
            self.amount_field.setText(self._remaining.plain())
            self.number_field.setText(line)
            return self._read_micr()
        try:
            parse_amount(self.amount_field.text())
        except MoneyError as exc:
            self.refuse(str(exc), self.amount_field)
            return True
        if self.kind is TenderKind.CASH:
            self.submit()
            return True
        return False  # on to the next field

    def _enter_in_number(self) -> bool:
        if self.kind is TenderKind.CHECK and looks_like_micr(self.number_field.text()):
            return self._read_micr()
        return False

    def _enter_in_brand(self) -> bool:
        if self.brand_combo.currentIndex() < 0:
            choices = ", ".join(self.brand_combo.itemText(i) for i in range(self.brand_combo.count()))
            self.refuse(
                translate("tender_entry", "Choose the card brand: type its first letter ({choices}).").format(
                    choices=choices
                ),
                self.brand_combo,
            )
            return True
        return False

    def _micr_line_ended(self) -> None:
        """The reader stopped typing: a MICR line in either field is read and applied, as Enter would."""
        if not self.isVisible() or self.kind is not TenderKind.CHECK:
            return
        if looks_like_micr(self.amount_field.text()):
            self._enter_in_amount()
        elif looks_like_micr(self.number_field.text()):
            self._read_micr()

    def _read_micr(self) -> bool:
        self._micr_pause.stop()  # read once: the reader's own Enter and the pause after it are one line
        try:
            read = micr.parse(self.number_field.text())
        except micr.MicrError as exc:
            self.number_field.setText("")
            self.refuse(str(exc), self.number_field)
            return True
        self._routing, self._bank_account = read.routing, read.account
        self.number_field.setText(read.check_number)
        self.micr_label.setText(
            translate(
                "tender_entry", "Read from the check: routing {routing}, account {account}, check {check_number}"
            ).format(routing=read.routing, account=read.account, check_number=read.check_number)
        )
        self.submit()
        return True

    # -- applying ------------------------------------------------------------------------------

    def tender(self) -> Tender:
        """The tender typed; raises MoneyError or TenderError in the cashier's words."""
        amount = parse_amount(self.amount_field.text())
        if self.kind is TenderKind.CASH:
            return Tender(TenderKind.CASH, amount)
        if self.kind is TenderKind.CARD:
            brand = self.brand_combo.currentData() or ""
            return Tender(TenderKind.CARD, amount, self.auth_field.text().strip(), str(brand),
                          self.last4_field.text().strip())  # fmt: skip
        number = self.number_field.text().strip()
        if self.kind is TenderKind.CHECK:
            return Tender(TenderKind.CHECK, amount, number, routing=self._routing, bank_account=self._bank_account)
        return Tender(TenderKind.MONEY_ORDER, amount, number)

    def submit(self) -> None:
        try:
            tender = self.tender()
        except MoneyError as exc:
            self.refuse(str(exc), self.amount_field)
            return
        except TenderError as exc:
            self.refuse(str(exc), self._field_for(exc.field))
            return
        self.submitted.emit(tender)

    def _field_for(self, field: str) -> QWidget:
        """The entry a TenderError is about (its `field`: the message itself may be in Spanish)."""
        if field == "brand":
            return self.brand_combo
        if field == "last4":
            return self.last4_field
        if field == "approval":
            return self.auth_field
        if field == "number":
            return self.number_field
        return self.amount_field

    def refuse(self, text: str, field: QWidget | None = None) -> None:
        show_message(self.message_label, text, error=True)
        focus_and_select(field or self.amount_field)


class MiscEntry(QFrame):
    """F4: a departmental receipt (permit, licence, fine, copies): revenue code, amount, memo."""

    submitted = Signal(str, object, str)  # code, Money, memo

    def __init__(self, guard: CardNumberGuard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("miscEntry")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(translate("tender_entry", "Misc item (F4): permit, licence, fine, copies"))
        title.setFont(heading_font(self, 1.2))
        self.code_combo = QComboBox()
        self.code_combo.setObjectName("miscCode")
        self.code_combo.setPlaceholderText(translate("tender_entry", "Type the first letters of the code"))
        self.amount_field = QLineEdit()
        self.amount_field.setObjectName("miscAmount")
        self.amount_field.setMaxLength(20)
        self.amount_field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.memo_field = QLineEdit()
        self.memo_field.setObjectName("miscMemo")
        self.memo_field.setMaxLength(200)
        self.memo_field.setPlaceholderText(translate("tender_entry", "Permit number, case number, what it is for"))
        self.message_label = message_label("miscMessage")
        hint = QLabel(
            translate("tender_entry", "Enter moves on: code, amount, memo; Enter on the memo adds it. Esc cancels.")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")

        form = QFormLayout()
        add_rows(
            form,
            (translate("tender_entry", "Revenue &code:"), self.code_combo),
            (translate("tender_entry", "&Amount:"), self.amount_field),
            (translate("tender_entry", "&Memo:"), self.memo_field),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(hint)

        QWidget.setTabOrder(self.code_combo, self.amount_field)
        QWidget.setTabOrder(self.amount_field, self.memo_field)
        self._chain = EnterChain([self.code_combo, self.amount_field, self.memo_field], self.submit, self)
        self._chain.on_enter(self.code_combo, self._enter_in_code)
        self._chain.on_enter(self.amount_field, self._enter_in_amount)
        guard.watch(self.amount_field, self.memo_field)

    @property
    def has_codes(self) -> bool:
        return self.code_combo.count() > 0

    def set_codes(self, codes: list[tuple[str, str]]) -> None:
        """(code, description) pairs, shown as "BLDGPRMT — Building permit"."""
        self.code_combo.clear()
        for code, description in codes:
            self.code_combo.addItem(f"{code} — {description}", code)

    def start(self) -> None:
        """Empty fields, the cursor on the revenue code."""
        self.code_combo.setCurrentIndex(-1)
        self.amount_field.setText("")
        self.memo_field.setText("")
        show_message(self.message_label, "")
        self.show()
        self.code_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _enter_in_code(self) -> bool:
        if self.code_combo.currentIndex() < 0:
            self.refuse(
                translate("tender_entry", "Choose the revenue code: type its first letters (B for building permit)."),
                self.code_combo,
            )
            return True
        return False

    def _enter_in_amount(self) -> bool:
        try:
            parse_amount(self.amount_field.text())
        except MoneyError as exc:
            self.refuse(str(exc), self.amount_field)
            return True
        return False

    def submit(self) -> None:
        if self._enter_in_code() or self._enter_in_amount():
            return
        code = str(self.code_combo.currentData())
        self.submitted.emit(code, parse_amount(self.amount_field.text()), self.memo_field.text().strip())

    def description_of(self, code: str) -> str:
        index = self.code_combo.findData(code)
        text = self.code_combo.itemText(index) if index >= 0 else code
        return text.split(" — ", 1)[-1]

    def refuse(self, text: str, field: QWidget | None = None) -> None:
        show_message(self.message_label, text, error=True)
        focus_and_select(field or self.amount_field)
