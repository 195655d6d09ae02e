"""Opening a drawer: the cashier counts the starting float by denomination, at the keyboard.

`CashCountWidget` is the count itself (rows, amounts, total); the cash drop and the balancing
wizard's blind count use it too.

One row per denomination (bills, coins, rolls) with the count typed and its amount; the
running total underneath. Enter or Tab goes to the next row; Enter on the last row goes to
the button, and Enter there opens the drawer through `services.drawers.open_drawer`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
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
from cashdesk.ui.focus_marks import keep_in_view, mark_focus
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from cashdesk.ui.labels import explanation, heading_font, named_label, side_by_side
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.drawers import DrawerView

log = logging.getLogger(__name__)

_BAD_FIELD_STYLE = "background: #fde2e2; border: 2px solid #b00020;"
_FORMS = {
    "bill": QT_TRANSLATE_NOOP("float_count", "Bills"),
    "coin": QT_TRANSLATE_NOOP("float_count", "Coins"),
    "roll": QT_TRANSLATE_NOOP("float_count", "Rolled coin"),
}


class CashCountWidget(QWidget):
    """Rows of pieces by denomination with each row's amount and the running total.

    The float count, the cash drop and the balancing wizard's blind count all count this way.
    The owner chains Enter through `fields` (and on to its own button) and shows `problem`.
    """

    #: The count changed: the total (Money) or None while a row is wrong, and what is wrong ("" when fine).
    recounted = Signal(object, str)

    def __init__(self, total_caption: str, *, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        grid = self._build_grid()

        table = QWidget()
        table.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidget(table)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rows_scroll = keep_in_view(scroll)  # Enter down to the rolls scrolls them into view

        self.total_caption = QLabel(total_caption)
        self.total_label = QLabel(Money(0).display())
        self.total_label.setObjectName(f"{name}Total" if name else "countTotal")
        self.total_label.setFont(heading_font(self, 2.2))
        self.total_row = side_by_side(self.total_caption, self.total_label)  # a dialog may add its button at the right

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(self.total_row)

        self.fields = list(self.count_fields.values())
        for first, second in zip(self.fields, self.fields[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(self.fields[0])
        self.total: Money | None = Money(0)
        self.problem = ""

    def _build_grid(self) -> QGridLayout:
        """One row for each denomination, under the heading of its form: the count typed, its amount."""
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        self.count_fields: dict[str, QLineEdit] = {}
        self.amount_labels: dict[str, QLabel] = {}
        row = 0
        form = ""
        for d in DENOMINATIONS:
            if d.form != form:
                form = d.form
                caption = QLabel(translate("float_count", _FORMS[form]))
                caption.setFont(heading_font(self, 1.05))
                grid.addWidget(caption, row, 0, 1, 3)
                row += 1
            label = QLabel(d.shown)
            field = QLineEdit()
            field.setObjectName(f"count{d.code}")
            field.setMaxLength(6)
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.setFixedWidth(90)
            field.setAccessibleName(d.shown)
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
        return grid

    @property
    def first_field(self) -> QLineEdit:
        return self.fields[0]

    @property
    def last_field(self) -> QLineEdit:
        return self.fields[-1]

    @property
    def entered(self) -> bool:
        """Something has been typed in a row."""
        return any(field.text().strip() for field in self.fields)

    def clear(self) -> None:
        self.set_count(CashCount({}))

    def set_count(self, count: CashCount) -> None:
        """Rows filled in from `count` (empty for none)."""
        for code, field in self.count_fields.items():
            pieces = count.pieces.get(code, 0)
            field.setText(str(pieces) if pieces else "")
        self._recount()

    def count(self) -> CashCount:
        """What has been typed; raises CountError (in the cashier's words) on the first bad row."""
        pieces: dict[str, int] = {}
        for code, field in self.count_fields.items():
            number = parse_pieces(code, field.text())
            if number:
                pieces[code] = number
        return CashCount(pieces)

    def count_or_say(self, message_label: QLabel) -> CashCount | None:
        """The count; or None, once `message_label` says what is wrong and the cursor is on that row."""
        try:
            return self.count()
        except CountError as exc:
            show_message(message_label, str(exc), error=True)
            self.focus_first_bad()
            return None

    def focus_first_bad(self) -> None:
        for code, field in self.count_fields.items():
            try:
                parse_pieces(code, field.text())
            except CountError:
                focus_and_select(field)
                return

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
        self.problem = problem
        self.total = None if problem else Money(total)
        self.total_label.setText("—" if self.total is None else self.total.display())
        self.recounted.emit(self.total, problem)


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

        heading = named_label(
            "floatHeading",
            translate("float_count", "Open your drawer: count the starting float"),
            font=heading_font(self, 1.5),
        )
        self.who_label = named_label("floatFor")
        explain = explanation(
            translate(
                "float_count",
                "Type how many of each you counted (leave a row empty for none). Enter or Tab goes to the next "
                "row; Enter on the last row, then Enter on the button opens the drawer. Esc: not now (look up "
                "accounts only).",
            )
        )

        self.count_widget = CashCountWidget(translate("float_count", "Starting float"), name="float")
        self.count_fields = self.count_widget.count_fields
        self.amount_labels = self.count_widget.amount_labels
        self.total_label = self.count_widget.total_label
        self.message_label = message_label("floatMessage")
        self.open_button = QPushButton(translate("float_count", "Open the drawer"))
        self.open_button.setObjectName("openDrawerButton")
        self.open_button.setAutoDefault(True)  # Enter on the button presses it, as in a dialog
        self.open_button.clicked.connect(self.confirm)
        self.count_widget.total_row.addWidget(self.open_button)
        self.count_widget.recounted.connect(self._recounted)

        panel = QFrame()
        panel.setObjectName("floatPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMaximumWidth(640)
        layout = QVBoxLayout(panel)
        for widget in (heading, self.who_label, explain):
            layout.addWidget(widget)
        layout.addWidget(self.count_widget, 1)
        layout.addWidget(self.message_label)

        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(panel, 3)
        outer.addStretch(1)

        fields = self.count_widget.fields
        QWidget.setTabOrder(fields[-1], self.open_button)
        self._chain = EnterChain([*fields, self.open_button], self.confirm, self)
        self._chain.on_enter(self.open_button, self._enter_on_button)
        self.setFocusProxy(fields[0])
        mark_focus(self)  # Enter on the last row goes to the button: it shows it has the keyboard

    # -- what the main window calls ------------------------------------------------------------

    @property
    def first_field(self) -> QLineEdit:
        return self.count_widget.first_field

    def start_for(self, operator: Operator) -> None:
        """Empty rows, the cursor on the first; for `operator`'s drawer at this station."""
        self._operator = operator
        self.who_label.setText(
            translate("float_count", "{user_id} at station {station}").format(
                user_id=operator.user_id, station=self._ctx.station
            )
        )
        self.count_widget.clear()
        show_message(self.message_label, "")
        focus_and_select(self.first_field)

    def count(self) -> CashCount:
        """What has been typed; raises CountError (in the cashier's words) on the first bad row."""
        return self.count_widget.count()

    def _recounted(self, total: object, problem: str) -> None:
        if problem:
            show_message(self.message_label, problem, error=True)
            self.open_button.setText(translate("float_count", "Open the drawer"))
        else:
            assert isinstance(total, Money)
            show_message(self.message_label, "")
            self.open_button.setText(
                translate("float_count", "Open the drawer with {total}").format(total=total.display())
            )

    # -- opening -------------------------------------------------------------------------------

    def _enter_on_button(self) -> bool:
        self.confirm()
        return True

    def confirm(self) -> None:
        if self._busy or self._operator is None:
            return
        count = self.count_widget.count_or_say(self.message_label)
        if count is None:
            return
        if count.total.cents == 0:
            self._busy = True
            ask(
                self,
                translate("float_count", "No starting float"),
                translate("float_count", "Nothing was counted. Open the drawer with no starting float ($0.00)?"),
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
        from cashdesk.services.drawers import open_drawer

        operator = self._operator
        assert operator is not None
        # On the GUI thread: the counter takes over the keys as soon as the drawer is open.
        drawer: DrawerView | None = (
            Operation(
                self,
                lambda: open_drawer(self._ctx, operator, count),
                failed=translate(
                    "float_count", "The drawer could not be opened ({exc}). Call your supervisor."
                ),  # the count stays typed
                log_as="opening the drawer failed",
            )
            .failure(lambda text: show_message(self.message_label, text, error=True))
            .run_now()
        )
        if drawer is None:
            return
        log.info("%s opened drawer %s with %s", operator.user_id, drawer.id, count.total.display())
        self.drawer_opened.emit(drawer)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            event.accept()
            self.declined.emit()
            return
        super().keyPressEvent(event)
