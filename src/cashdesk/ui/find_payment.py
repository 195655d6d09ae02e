"""Find payment (Ctrl+Shift+F): "did my payment come in?". One line of criteria, as the customer
remembers it (`check 1234`, `amount 50..60 from 11/01/2026`, `card 4242 on 11/03/2026`, a name);
Enter shows the receipts that match, newest first. On a receipt, F9 prints a copy (REPRINT, the
counter's reprint rule) and F6 shows its account: balance, open items and the last entries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QTableView, QWidget

from cashdesk.domain.research import CriteriaError, parse_criteria
from cashdesk.ui.credentials import message_label, show_message
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from cashdesk.ui.labels import column, explanation, named_label, one_row_at_a_time, read_only
from cashdesk.ui.operations import Operation
from cashdesk.ui.operator_dialog import OperatorDialog

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.research import PaymentHit

REPRINT_KEY = "F9"
ACCOUNT_KEY = "F6"
HEADINGS = (
    QT_TRANSLATE_NOOP("find_payment", "Receipt"),
    QT_TRANSLATE_NOOP("find_payment", "Business day"),
    QT_TRANSLATE_NOOP("find_payment", "Channel"),
    QT_TRANSLATE_NOOP("find_payment", "Amount"),
    QT_TRANSLATE_NOOP("find_payment", "Status"),
    QT_TRANSLATE_NOOP("find_payment", "Account"),
    QT_TRANSLATE_NOOP("find_payment", "Payer"),
    QT_TRANSLATE_NOOP("find_payment", "Tenders"),
)
Index = QModelIndex | QPersistentModelIndex


class HitsModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hits: tuple[PaymentHit, ...] = ()

    def set_hits(self, hits: tuple[PaymentHit, ...]) -> None:
        self.beginResetModel()
        self.hits = hits
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's names
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADINGS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        h = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                h.receipt,
                h.business_date.strftime("%m/%d/%Y"),
                h.channel,
                h.total.display(),
                h.status,
                h.account,
                h.who,
                h.describe_tenders(),
            )[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and section < len(HEADINGS):
            return translate("find_payment", HEADINGS[section])
        return None


class FindPaymentDialog(OperatorDialog):
    def __init__(self, ctx: ServiceContext, operator: Operator, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            operator,
            "findPaymentDialog",
            translate("find_payment", "Find a payment — Station {station}").format(station=ctx.station),
            parent,
        )
        self.resize(1000, 560)
        self.criteria = QLineEdit()
        self.criteria.setObjectName("findCriteria")
        self.criteria.setPlaceholderText(
            translate(
                "find_payment",
                "check 1234   amount 50..60   from 11/01/2026   card 4242 on 11/03/2026   "
                "payer garcia   account 1000000017   channel mail",
            )
        )
        self.criteria.returnPressed.connect(self.search)
        self.message_label: QLabel = message_label("findMessage")
        self.model = HitsModel(self)
        self.table = read_only(QTableView(), "findHits", self.model)
        one_row_at_a_time(self.table)
        self.account_label = named_label("findAccount")
        self.account_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)  # Enter never closes it
        keys = explanation(
            translate(
                "find_payment",
                "Enter: find.  Down: the receipts.  {REPRINT_KEY}: print a copy of the receipt.  "
                "{ACCOUNT_KEY}: its account.  Esc: close.",
            ).format(REPRINT_KEY=REPRINT_KEY, ACCOUNT_KEY=ACCOUNT_KEY)
        )
        column(self, self.criteria, self.message_label, self.table, self.account_label, keys, buttons, grow=self.table)
        QShortcut(QKeySequence(REPRINT_KEY), self, self.reprint)
        QShortcut(QKeySequence(ACCOUNT_KEY), self, self.show_account)
        self.criteria.installEventFilter(self)
        self.criteria.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            watched is self.criteria
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.model.hits
        ):
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    @property
    def chosen(self) -> PaymentHit | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.hits[rows[0].row()] if rows else (self.model.hits[0] if len(self.model.hits) == 1 else None)

    def search(self) -> None:
        from cashdesk.services.research import PaymentSearch, find_payments

        try:
            criteria = parse_criteria(self.criteria.text())
        except CriteriaError as exc:
            show_message(self.message_label, str(exc), error=True)
            return

        def found(search: PaymentSearch) -> None:
            self.model.set_hits(search.hits)
            self.account_label.clear()
            n = len(search.hits)
            if not n:
                show_message(
                    self.message_label,
                    translate(
                        "find_payment", "No payment matches. Widen the dates or the amount, or try the payer's name."
                    ),
                )
                return
            more = translate("find_payment", " Only the newest are shown: narrow the criteria.") if search.more else ""
            show_message(
                self.message_label,
                translate("find_payment", "{n} payment{value2} found, newest first.{more}").format(
                    n=n, value2="s" if n != 1 else "", more=more
                ),
            )
            self.table.selectRow(0)

        Operation(
            self,
            lambda: find_payments(self._ctx, self._operator, criteria),
            failed=translate("find_payment", "Payments could not be searched ({exc})."),
            log_as="finding payments failed",
        ).success(found).failure(lambda text: show_message(self.message_label, text, error=True)).run_now()

    def reprint(self) -> None:
        from cashdesk.services.printing import reprint_receipt

        hit = self.chosen
        if hit is None:
            show_message(
                self.message_label,
                translate("find_payment", "Choose a receipt first (Down, then the arrows)."),
                error=True,
            )
            return
        done = Operation(
            self,
            lambda: reprint_receipt(self._ctx, self._operator, hit.receipt),
            failed=translate("find_payment", "The copy could not be printed ({exc}). Call your supervisor."),
            log_as="reprinting a found receipt failed",
        )
        done.failure(lambda text: show_message(self.message_label, text, error=True)).run_now()
        if not done.failed:
            show_message(
                self.message_label,
                translate("find_payment", "A copy of {receipt} marked REPRINT is printing.").format(
                    receipt=hit.receipt
                ),
            )

    def show_account(self) -> None:
        from cashdesk.services.accounts import AccountDetail, account_detail

        hit = self.chosen
        if hit is None or not hit.account:
            show_message(
                self.message_label,
                translate("find_payment", "Choose a receipt that paid an account first."),
                error=True,
            )
            return

        def shown(detail: AccountDetail) -> None:
            a = detail.account
            last = "; ".join(f"{h.on_date:%m/%d/%Y} {h.kind} {h.amount.display()}" for h in detail.history[:4])
            self.account_label.setText(
                translate(
                    "find_payment",
                    "Account {number}  {name}  —  balance {balance} (past due {past_due}), {items} open "
                    "item(s). Latest: {last}",
                ).format(
                    number=a.number,
                    name=a.name,
                    balance=detail.balance.display(),
                    past_due=detail.past_due.display(),
                    items=len(detail.items),
                    last=last,
                )
            )

        Operation(self, lambda: account_detail(self._ctx, hit.account), log_as="showing an account failed").success(
            shown
        ).failure(lambda text: show_message(self.message_label, text, error=True)).run_now()
