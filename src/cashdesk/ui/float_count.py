"""Opening a drawer: the cashier counts the starting float by denomination, at the keyboard.

One row per denomination (bills, coins, rolls) with the count typed and its amount; the
running total underneath. Enter or Tab goes to the next row; Enter on the last row goes to
the button, and Enter there opens the drawer through `services.drawers.open_drawer`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cashdesk.domain.cash import DENOMINATIONS, CashCount, CountError, parse_pieces
from cashdesk.domain.money import Money
from cashdesk.ui.credentials import message_label, show_message
from cashdesk.ui.fields import EnterChain, ask, focus_and_select

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.drawers import DrawerView

log = logging.getLogger(__name__)

_BAD_FIELD_STYLE = "background: #fde2e2; border: 2px solid #b00020;"
_FORMS = {"bill": "Bills", "coin": "Coins", "roll": "Rolled coin"}


def _big(widget: QWidget, scale: float) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    return font


class FloatCountScreen(QWidget):
    """The starting float, counted piece by piece; `drawer_opened(DrawerView)` once it is open."""

    drawer_opened = Signal(object)
    #: Esc: not now; the cashier looks up accounts without a drawer for the moment.
    declined = Signal()

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("floatCountScreen")
        self._ctx = ctx
        self._operator: Operator | None = None
        self._busy = False

        heading = QLabel("Open your drawer: count the starting float")
        heading.setObjectName("floatHeading")
        heading.setFont(_big(self, 1.5))
        heading.setWordWrap(True)
        self.who_label = QLabel()
        self.who_label.setObjectName("floatFor")
        self.who_label.setWordWrap(True)
        explain = QLabel(
            "Type how many of each you counted (leave a row empty for none). Enter or Tab goes to the next "
            "row; Enter on the last row, then Enter on the button opens the drawer. Esc: not now (look up "
            "accounts only)."
        )
        explain.setWordWrap(True)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        self.count_fields: dict[str, QLineEdit] = {}
        self.amount_labels: dict[str, QLabel] = {}
        row = 0
        form = ""
        for d in DENOMINATIONS:
            if d.form != form:
                form = d.form
                caption = QLabel(_FORMS[form])
                caption.setFont(_big(self, 1.05))
                grid.addWidget(caption, row, 0, 1, 3)
                row += 1
            label = QLabel(d.label)
            field = QLineEdit()
            field.setObjectName(f"count{d.code}")
            field.setMaxLength(6)
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.setFixedWidth(90)
            field.setAccessibleName(d.label)
            label.setBuddy(field)
            amount = QLabel(Money(0).display())
            amount.setObjectName(f"amount{d.code}")
            amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            amount.setMinimumWidth(110)
            grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1)
            grid.addWidget(amount, row, 2)
            self.count_fields[d.code] = field
            self.amount_labels[d.code] = amount
            field.textChanged.connect(self._recount)
            row += 1
        grid.setColumnStretch(3, 1)

        table = QWidget()
        table.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidget(table)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        total_caption = QLabel("Starting float")
        self.total_label = QLabel(Money(0).display())
        self.total_label.setObjectName("floatTotal")
        self.total_label.setFont(_big(self, 2.2))
        self.message_label = message_label("floatMessage")
        self.open_button = QPushButton("Open the drawer")
        self.open_button.setObjectName("openDrawerButton")
        self.open_button.setAutoDefault(True)  # Enter on the button presses it, as in a dialog
        self.open_button.clicked.connect(self.confirm)

        total_row = QHBoxLayout()
        total_row.addWidget(total_caption)
        total_row.addWidget(self.total_label)
        total_row.addStretch(1)
        total_row.addWidget(self.open_button)

        panel = QFrame()
        panel.setObjectName("floatPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMaximumWidth(640)
        layout = QVBoxLayout(panel)
        for widget in (heading, self.who_label, explain):
            layout.addWidget(widget)
        layout.addWidget(scroll, 1)
        layout.addLayout(total_row)
        layout.addWidget(self.message_label)

        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 3)
        outer.addStretch(1)

        fields = list(self.count_fields.values())
        for first, second in zip(fields, fields[1:]):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(fields[-1], self.open_button)
        self._chain = EnterChain([*fields, self.open_button], self.confirm, self)
        self._chain.on_enter(self.open_button, self._enter_on_button)
        self.setFocusProxy(fields[0])

    # -- what the main window calls ------------------------------------------------------------

    @property
    def first_field(self) -> QLineEdit:
        return self.count_fields[DENOMINATIONS[0].code]

    def start_for(self, operator: Operator) -> None:
        """Empty rows, the cursor on the first; for `operator`'s drawer at this station."""
        self._operator = operator
        self.who_label.setText(f"{operator.user_id} at station {self._ctx.station}")
        for field in self.count_fields.values():
            field.setText("")
        show_message(self.message_label, "")
        self._recount()
        focus_and_select(self.first_field)

    def count(self) -> CashCount:
        """What has been typed; raises CountError (in the cashier's words) on the first bad row."""
        pieces: dict[str, int] = {}
        for code, field in self.count_fields.items():
            number = parse_pieces(code, field.text())
            if number:
                pieces[code] = number
        return CashCount(pieces)

    # -- the running total -----------------------------------------------------------------------

    def _recount(self, *_: object) -> None:
        problem = ""
        total = 0
        for d in DENOMINATIONS:
            field = self.count_fields[d.code]
            try:
                pieces = parse_pieces(d.code, field.text())
            except CountError as exc:
                problem = problem or str(exc)
                field.setStyleSheet(_BAD_FIELD_STYLE)
                self.amount_labels[d.code].setText("—")
                continue
            field.setStyleSheet("")
            self.amount_labels[d.code].setText(Money(pieces * d.cents).display())
            total += pieces * d.cents
        if problem:
            self.total_label.setText("—")
            show_message(self.message_label, problem, error=True)
            self.open_button.setText("Open the drawer")
        else:
            self.total_label.setText(Money(total).display())
            show_message(self.message_label, "")
            self.open_button.setText(f"Open the drawer with {Money(total).display()}")

    # -- opening -------------------------------------------------------------------------------

    def _enter_on_button(self) -> bool:
        self.confirm()
        return True

    def confirm(self) -> None:
        if self._busy or self._operator is None:
            return
        try:
            count = self.count()
        except CountError as exc:
            show_message(self.message_label, str(exc), error=True)
            self._focus_first_bad()
            return
        if count.total.cents == 0:
            self._busy = True
            ask(
                self,
                "No starting float",
                "Nothing was counted. Open the drawer with no starting float ($0.00)?",
                self._zero_answered,
                name="zeroFloatQuestion",
            )
            return
        self._open(count)

    def _zero_answered(self, yes: bool) -> None:
        self._busy = False
        self.window().activateWindow()
        if yes:
            self._open(CashCount({}))
        else:
            focus_and_select(self.first_field)

    def _open(self, count: CashCount) -> None:
        from cashdesk.services.context import ServiceError
        from cashdesk.services.drawers import open_drawer

        assert self._operator is not None
        try:
            drawer: DrawerView = open_drawer(self._ctx, self._operator, count)
        except ServiceError as exc:
            show_message(self.message_label, str(exc), error=True)
            return
        except Exception as exc:  # the database failed; say so and keep the count typed
            log.exception("opening the drawer failed")
            show_message(self.message_label, f"The drawer could not be opened ({exc}). Call your supervisor.", error=True)
            return
        log.info("%s opened drawer %s with %s", self._operator.user_id, drawer.id, count.total.display())
        self.drawer_opened.emit(drawer)

    def _focus_first_bad(self) -> None:
        for code, field in self.count_fields.items():
            try:
                parse_pieces(code, field.text())
            except CountError:
                focus_and_select(field)
                return

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            event.accept()
            self.declined.emit()
            return
        super().keyPressEvent(event)
