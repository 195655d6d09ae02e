"""Sales and use tax returns at the window, keyboard first (the Mail menu opens them):

TaxReturnDialog         account, period, date received, then each figure the business wrote;
                        the computed figures beside them as they type, differences in words;
                        a return for a period already filed (here or in the billing history)
                        said to be an amended return before it is filed;
                        Enter moves on, the last Enter (or F12) files after showing the differences

The delinquent filers (active sales tax accounts with a period due and no return) are
ui/delinquent_filers.py.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cashdesk.domain.dates import parse_day
from cashdesk.domain.money import Money, MoneyError
from cashdesk.domain.tax_return import AMENDED_ONLY, INPUT_LINES, LINES, ReturnFigures, line_shown
from cashdesk.services.context import ServiceError
from cashdesk.services.tax_returns import (
    FiledReturn,
    ReturnPreview,
    file_return,
    preview_return,
)
from cashdesk.ui.credentials import message_label, show_message
from cashdesk.ui.fields import CARD_NUMBER_REFUSED, CardNumberGuard, EnterChain, ask, focus_and_select
from cashdesk.ui.focus_marks import keep_in_view, mark_focus
from cashdesk.ui.formatting import date_text
from cashdesk.ui.i18n import translate
from cashdesk.ui.labels import explanation, heading
from cashdesk.ui.operator_dialog import OperatorDialog

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext

log = logging.getLogger(__name__)

FILE_KEY = "F12"
_DIFFERENT_STYLE = "background: #fde2e2; color: #8b0000; font-weight: bold;"
_COMPUTED_STYLE = "color: #1b5e20;"
_AMENDMENT_STYLE = "background: #fff4ce; color: #5c4400; font-weight: bold; padding: 4px;"


class TaxReturnDialog(OperatorDialog):
    """One return typed from the business's form; `result_filed` once it is filed."""

    def __init__(self, ctx: ServiceContext, operator: Operator, parent: QWidget | None = None,
                 account: str = "") -> None:  # fmt: skip
        super().__init__(ctx, operator, "taxReturnDialog", translate("tax_return", "Sales and use tax return"), parent)
        self.result_filed: FiledReturn | None = None
        self.preview: ReturnPreview | None = None
        self.question: QMessageBox | None = None

        explain = explanation(
            translate(
                "tax_return",
                "Type the account, the period (2026-09, 2026-Q3 or 2026) and the day the return was "
                "received, then each figure as the business wrote it (leave a line empty when the business "
                "left it empty). The return's own arithmetic shows beside each line. Enter moves on; the "
                "last Enter or {FILE_KEY} files the return after showing the differences. Esc closes.",
            ).format(FILE_KEY=FILE_KEY)
        )
        head = self._build_head(account)
        scroll = self._build_lines()
        self.differences_label = message_label("taxDifferences")
        self.message_label = message_label("taxMessage")
        buttons = self._build_buttons()

        self.setMinimumSize(760, 600)  # fits a 1024×768 screen; the lines scroll, the focused one kept in view
        mark_focus(self)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self, translate("tax_return", "Sales and use tax return")))
        layout.addWidget(explain)
        layout.addLayout(head)
        layout.addWidget(self.amendment_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.differences_label)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)

        self._wire_keys()
        self._amended_toggled(False)
        focus_and_select(self.period_field if account else self.account_field)

    def _build_head(self, account: str) -> QFormLayout:
        """The account, the period and the day received; the account's name and the amendment box."""
        head = QFormLayout()
        self.account_field = self._line(
            "taxAccount", 20, account, translate("tax_return", "The sales tax account number")
        )
        self.period_field = self._line("taxPeriod", 10, "", translate("tax_return", "2026-09, 2026-Q3 or 2026"))
        self.received_field = self._line("taxReceived", 10, date_text(self._ctx.today()), "MM/DD/YYYY")
        self.amended_box = QCheckBox(translate("tax_return", "This return &amends one already filed"))
        self.amended_box.setObjectName("taxAmended")
        self.name_label = QLabel("")
        self.name_label.setObjectName("taxAccountName")
        # Said before the figures: a return for a period already filed is an amended return.
        self.amendment_label = QLabel("")
        self.amendment_label.setObjectName("taxAmendment")
        self.amendment_label.setWordWrap(True)
        self.amendment_label.setVisible(False)
        for text, widget in ((translate("tax_return", "A&ccount:"), self.account_field),
                             (translate("tax_return", "&Period:"), self.period_field),
                             (translate("tax_return", "&Received on:"), self.received_field)):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(widget)
            head.addRow(label, widget)
        head.addRow("", self.name_label)
        head.addRow("", self.amended_box)
        return head

    def _build_lines(self) -> QScrollArea:
        """The return's lines: what the business wrote, what it computes to, and the difference."""
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        for column, title in enumerate(
            (
                translate("tax_return", "Line"),
                translate("tax_return", "Written by the business"),
                translate("tax_return", "Computed"),
                translate("tax_return", "Difference"),
            )
        ):
            header = QLabel(f"<b>{title}</b>")
            grid.addWidget(header, 0, column)
        self.written: dict[str, QLineEdit] = {}
        self.computed: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}
        self._row_widgets: dict[str, tuple[QWidget, ...]] = {}
        for row, (name, _label) in enumerate(LINES, start=1):
            caption = QLabel(f"{row}. {line_shown(name)}")
            field = self._line(
                f"line_{name}",
                16,
                "",
                "" if name in INPUT_LINES else translate("tax_return", "as written"),
            )
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            caption.setBuddy(field)
            computed = QLabel("")
            computed.setObjectName(f"computed_{name}")
            computed.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            computed.setStyleSheet(_COMPUTED_STYLE)
            note = QLabel("")
            note.setObjectName(f"note_{name}")
            grid.addWidget(caption, row, 0)
            grid.addWidget(field, row, 1)
            grid.addWidget(computed, row, 2)
            grid.addWidget(note, row, 3)
            self.written[name] = field
            self.computed[name] = computed
            self.notes[name] = note
            self._row_widgets[name] = (caption, field, computed, note)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        self.lines_scroll = keep_in_view(scroll)  # Enter to line 15 scrolls it into view
        return scroll

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.file_button = QPushButton(
            translate("tax_return", "&File the return ({FILE_KEY})").format(FILE_KEY=FILE_KEY)
        )
        self.file_button.setObjectName("taxFileButton")
        self.file_button.setAutoDefault(False)
        self.file_button.clicked.connect(self.submit)
        buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        return buttons

    def _wire_keys(self) -> None:
        """Card numbers refused; Tab and Enter go through the fields in order; every figure recomputes."""
        self._guard = CardNumberGuard(self)
        self._guard.watch(self.account_field, self.period_field, *self.written.values())
        self._guard.refused.connect(
            lambda _field: show_message(self.message_label, translate("fields", CARD_NUMBER_REFUSED), error=True)
        )
        order: list[QWidget] = [self.account_field, self.period_field, self.received_field, self.amended_box,
                                *self.written.values()]  # fmt: skip
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._chain = EnterChain(order, self.submit, self)
        # Enter from "Received on" goes past the check box (Tab or Alt+A reach it) to line 1: an amount
        # typed next lands in a field, never on a box that drops the keys.
        self._chain.on_enter(self.received_field, self._enter_from_received)
        for stop in order:
            if isinstance(stop, QLineEdit):
                stop.textChanged.connect(self.recompute)
        self._amended_lines = False
        self.amended_box.toggled.connect(self._amended_toggled)
        shortcut = QShortcut(QKeySequence(FILE_KEY), self)
        shortcut.activated.connect(self.submit)

    def _enter_from_received(self) -> bool:
        focus_and_select(self.written[LINES[0][0]])
        return True

    def _line(self, name: str, max_length: int, text: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(text)
        field.setObjectName(name)
        field.setMaxLength(max_length)
        field.setPlaceholderText(placeholder)
        return field

    def _amended_toggled(self, on: bool) -> None:
        self._show_amended_lines(on)
        self.recompute()

    def _show_amended_lines(self, on: bool) -> None:
        self._amended_lines = on
        for name in AMENDED_ONLY:
            for widget in self._row_widgets[name]:
                widget.setVisible(on)

    # -- reading the form -------------------------------------------------------------------

    def _money(self, name: str) -> Money | None:
        text = self.written[name].text().strip()
        if not text:
            return None
        return Money.parse(text)

    def _read(self) -> tuple[ReturnFigures, dict[str, Money]]:
        """The figures and what the business wrote; MoneyError names the line."""
        amounts: dict[str, Money] = {}
        written: dict[str, Money] = {}
        for number, (name, _label) in enumerate(LINES, start=1):
            if name in AMENDED_ONLY and not (self.amended_box.isChecked() or self._amended_lines):
                continue
            try:
                amount = self._money(name)
            except MoneyError as exc:
                raise MoneyError(
                    translate("tax_return", "Line {number}, {label}: {exc}").format(
                        number=number, label=line_shown(name), exc=exc
                    )
                ) from None
            if amount is None:
                continue
            if name in INPUT_LINES:
                amounts[name] = amount
            else:
                written[name] = amount
        return ReturnFigures.from_lines(amounts), written

    def _call_preview(self) -> ReturnPreview:
        figures, written = self._read()
        received = parse_day(self.received_field.text())
        return preview_return(self._ctx, self._operator, self.account_field.text(), self.period_field.text(),
                              figures, written, received, self._kind())  # fmt: skip

    def _kind(self) -> str:
        return "amended" if self.amended_box.isChecked() else "original"

    def recompute(self, *_args: object) -> None:
        """The return's arithmetic beside what was typed, and the differences in words."""
        if self.result_filed is not None:
            return
        self.preview = None
        if not self.account_field.text().strip() or not self.period_field.text().strip():
            self._show(None)
            show_message(self.message_label, translate("tax_return", "Type the account and the period."))
            return
        try:
            self.preview = self._call_preview()
        except (MoneyError, ValueError, ServiceError) as exc:
            self._show(None)
            show_message(self.message_label, str(exc), error=True)
            return
        self._show(self.preview)
        show_message(self.message_label, self._summary(self.preview))

    def _summary(self, preview: ReturnPreview) -> str:
        ret = preview.ret
        due_on = date_text(preview.period.due)
        if ret.amended:
            # Never "received late": an amended return owes penalty and interest only on an increase
            # (lines 21 and 22 show them).
            if preview.due_now.cents >= 0:
                due = translate("tax_return", "Difference due {due_now}.").format(due_now=preview.due_now.display())
            else:
                due = translate("tax_return", "Credit {Money}.").format(Money=Money(-preview.due_now.cents).display())
            return translate("tax_return", "Amended return {label} for {account_name}. {due}").format(
                label=preview.period.label, account_name=preview.account_name, due=due
            )
        months = translate("tax_return", "{months_late} month{value2}").format(
            months_late=ret.months_late, value2="s" if ret.months_late != 1 else ""
        )
        late = (
            translate("tax_return", " Received {months} late (due {due_on}).").format(months=months, due_on=due_on)
            if ret.late
            else translate("tax_return", " Due {due_on}.").format(due_on=due_on)
        )
        kind = {"zero": "Zero return", "original": "Return"}.get(preview.kind, "Return")
        return translate("tax_return", "{kind} {label} for {account_name}.{late} Total due {total_due}.").format(
            kind=kind,
            label=preview.period.label,
            account_name=preview.account_name,
            late=late,
            total_due=ret.total_due.display(),
        )

    def _show(self, preview: ReturnPreview | None) -> None:
        self.name_label.setText(preview.account_name if preview else "")
        amendment = preview.amendment if preview else ""
        self.amendment_label.setText(amendment)
        self.amendment_label.setStyleSheet(_AMENDMENT_STYLE if amendment else "")
        self.amendment_label.setVisible(bool(amendment))
        if preview is not None:
            self._show_amended_lines(self.amended_box.isChecked() or preview.ret.amended)
        different = {x.name: x for x in preview.differences} if preview else {}
        for name, label in self.computed.items():
            label.setText(preview.ret[name].display() if preview else "")
            note = self.notes[name]
            field = self.written[name]
            if name in different:
                off = different[name].difference
                note.setText(
                    translate("tax_return", "wrote {Money} {value3}").format(
                        Money=Money(abs(off.cents)).display(), value3="more" if off.cents > 0 else "less"
                    )
                )
                note.setStyleSheet(_DIFFERENT_STYLE)
                field.setStyleSheet(_DIFFERENT_STYLE)
                field.setToolTip(different[name].shown)
            else:
                note.setText("")
                note.setStyleSheet("")
                field.setStyleSheet("")
                field.setToolTip("")
        if preview and preview.differences:
            self.differences_label.setText(
                translate("tax_return", "The business's figures differ from the return's arithmetic:\n")
                + "\n".join(x.shown for x in preview.differences)
            )
            self.differences_label.setStyleSheet(_DIFFERENT_STYLE)
        else:
            self.differences_label.setText("")
            self.differences_label.setStyleSheet("")

    # -- filing -------------------------------------------------------------------------------

    def submit(self) -> None:
        if self.result_filed is not None:
            self.accept()
            return
        if self.question is not None or self._guard.check_now():
            return
        self.recompute()
        preview = self.preview
        if preview is None:
            return
        if preview.differences:
            text = translate(
                "tax_return",
                "The business's figures differ on {differences} line{value3}. File the return with the "
                "computed figures?",
            ).format(differences=len(preview.differences), value3="s" if len(preview.differences) != 1 else "")
            informative = "\n".join(x.shown for x in preview.differences)
        else:
            text = translate("tax_return", "Every figure the business wrote agrees with the return. File it?")
            informative = ""
        if preview.amendment:
            text = f"{preview.amendment}\n\n{text}"
        informative = (informative + "\n\n" if informative else "") + self._summary(preview)
        self.question = ask(
            self,
            translate("tax_return", "File the tax return"),
            text,
            self._answered,
            default_yes=not preview.differences,
            name="taxFileQuestion",
            informative=informative,
        )

    def _answered(self, yes: bool) -> None:
        self.question = None
        if not yes:
            show_message(
                self.message_label, translate("tax_return", "Not filed. Correct the figures, or file when ready.")
            )
            return
        try:
            figures, written = self._read()
            received = parse_day(self.received_field.text())
            filed = file_return(self._ctx, self._operator, self.account_field.text(), self.period_field.text(),
                                figures, written, received, self._kind())  # fmt: skip
        except (MoneyError, ValueError, ServiceError) as exc:
            show_message(self.message_label, str(exc), error=True)
            return
        except Exception as exc:  # the database failed: nothing was filed
            log.exception("filing a tax return failed")
            show_message(
                self.message_label,
                translate(
                    "tax_return",
                    "The return could not be filed ({exc}). Nothing was saved; try again or call your supervisor.",
                ).format(exc=exc),
                error=True,
            )
            return
        self.result_filed = filed
        log.info("%s filed the %s return %s for %s", self._operator.user_id, filed.kind, filed.period.label,
                 filed.account)  # fmt: skip
        for field in (self.account_field, self.period_field, self.received_field, *self.written.values()):
            field.setReadOnly(True)
        self.amended_box.setEnabled(False)
        self.close_button.setVisible(False)  # one Close: the file button becomes it
        self.differences_label.setText("")  # filed with the computed figures: nothing differs any more
        self.differences_label.setStyleSheet("")
        self.file_button.setText(translate("tax_return", "&Close"))
        self.file_button.setAutoDefault(True)
        self.file_button.setDefault(True)
        show_message(self.message_label, self.filed_text(filed))
        # After the question has closed and given the keyboard back: Enter now closes.
        QTimer.singleShot(0, self._focus_close)

    def _focus_close(self) -> None:
        if self.isVisible():
            self.activateWindow()
            self.file_button.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def filed_text(filed: FiledReturn) -> str:
        parts = [
            translate("tax_return", "Filed: {kind} return {label} for {account} {account_name}.").format(
                kind=filed.kind, label=filed.period.label, account=filed.account, account_name=filed.account_name
            )
        ]
        if filed.charges:
            parts.append(
                translate("tax_return", "Added ")
                + ", ".join(f"{code} {amount.display()}" for code, amount in filed.charges)
                + "."
            )
        if filed.reductions:
            parts.append(
                translate("tax_return", "Lowered ")
                + ", ".join(f"{code} {amount.display()}" for code, amount in filed.reductions)
                + "."
            )
        if filed.credit:
            parts.append(
                translate("tax_return", "Credit on the account {credit}.").format(credit=filed.credit.display())
            )
        if filed.account_owes.cents > 0:
            parts.append(
                translate("tax_return", "The account now owes {account_owes}: take the payment at the counter.").format(
                    account_owes=filed.account_owes.display()
                )
            )
        elif filed.account_owes.cents < 0:
            parts.append(
                translate("tax_return", "The account has a credit of {Money}.").format(
                    Money=Money(-filed.account_owes.cents).display()
                )
            )
        else:
            parts.append(translate("tax_return", "The account owes nothing."))
        return " ".join(parts)


__all__ = ["TaxReturnDialog", "parse_day"]
