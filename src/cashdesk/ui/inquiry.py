"""The inquiry screen: find an account and answer "what do I owe?", from the keyboard.

The same search box takes a bill stub: a keyboard-wedge scanner types the stub's 30-digit
scan line and Enter, and the stub's account opens with the amount the stub says is due.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cashdesk.domain import scanline
from cashdesk.ui.account_pane import AccountPane
from cashdesk.ui.columns import FitColumns, SecondLine
from cashdesk.ui.credentials import ENTER_KEYS, message_label, show_message
from cashdesk.ui.fields import CARD_NUMBER_REFUSED, CardNumberGuard
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from cashdesk.ui.labels import one_row_at_a_time, read_only, sorted_as_listed
from cashdesk.ui.models import SearchResultsModel
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.services.context import ServiceContext

PLACEHOLDER = QT_TRANSLATE_NOOP("inquiry", "Account number, name, service address or phone")


class SearchField(QLineEdit):
    """The search box; the Down arrow hands the keyboard to the results."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if event.key() == Qt.Key.Key_Down and plain:
            self.down_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ResultsView(QTableView):
    """Search results; Esc goes back to the search box, Enter takes the account shown."""

    escape_pressed = Signal()
    enter_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape_pressed.emit()
            event.accept()
            return
        if event.key() in ENTER_KEYS:
            self.enter_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class InquiryScreen(QWidget):
    """Search field, results and the account pane. Calls the account services directly:
    a search is a few milliseconds of indexed SQL, so it runs on Enter in the GUI thread."""

    #: The account a search or an arrow key brought into the pane.
    account_shown = Signal(str)
    #: Enter (or a double click) on a result: the counter opens the account for payment.
    account_chosen = Signal(str)
    #: A bill stub was scanned and its account shown: (account number, amount due on the stub).
    stub_scanned = Signal(str, object)

    def __init__(
        self, ctx: ServiceContext, parent: QWidget | None = None, *, guard: CardNumberGuard | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inquiryScreen")
        self._ctx = ctx
        self._last_query = ""
        self.guard = guard or CardNumberGuard(self)

        self.message_label = message_label("inquiryMessage")

        self.results_view = self._build_results()
        self.pane = AccountPane()

        top = self._build_search_row()

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("inquirySplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.results_view)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.pane.setMinimumWidth(380)  # an open item's due date and five-digit amounts in full

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message_label)
        layout.addWidget(splitter, 1)

        self.setTabOrder(self.search_field, self.results_view)
        self.setTabOrder(self.results_view, self.pane.items_view)
        self.setTabOrder(self.pane.items_view, self.pane.history_view)

        self.guard.watch(self.search_field)
        self.guard.refused.connect(self._card_number_refused)
        self.search_field.returnPressed.connect(self.enter_in_search)
        self.search_button.clicked.connect(self.search)
        self.search_field.down_pressed.connect(self.enter_results)
        self.results_view.escape_pressed.connect(self.focus_search)
        self.results_view.enter_pressed.connect(self._choose_current)
        self.results_view.doubleClicked.connect(self._choose_current)
        self.results_view.selectionModel().currentRowChanged.connect(self._current_row_changed)

    def _build_search_row(self) -> QHBoxLayout:
        """Find (F2): the search box and its button (Enter in the box searches)."""
        self.search_field = SearchField()
        self.search_field.setObjectName("searchField")
        self.search_field.setPlaceholderText(translate("inquiry", PLACEHOLDER))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMaxLength(200)  # the service says what is too long, in words
        search_label = QLabel(translate("inquiry", "&Find (F2):"))
        search_label.setBuddy(self.search_field)
        self.search_button = QPushButton(translate("inquiry", "Search"))
        self.search_button.setObjectName("searchButton")
        self.search_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter in the field does it

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search_field, 1)
        top.addWidget(self.search_button)
        return top

    def _build_results(self) -> ResultsView:
        self.results_model = SearchResultsModel(self)
        view = read_only(ResultsView(), "results", self.results_model)
        one_row_at_a_time(view)
        # The name with the service address under it, both in full however narrow the list; the status,
        # the account number, then the balance give way (the account pane shows them, the tooltip too).
        view.setItemDelegateForColumn(1, SecondLine(2, view))
        view.setColumnHidden(2, True)
        rows = view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(2 * view.fontMetrics().lineSpacing() + 8)
        self._fit_results = FitColumns(view, optional=(3, 0, 4), stretch=1)
        view.setMinimumWidth(260)  # a name or an address of some 30 letters
        sorted_as_listed(view)  # best match first
        return view

    # -- keyboard moves ---------------------------------------------------------------------

    def focus_search(self) -> None:
        """F2 and Esc: the cursor goes to the search box with its text selected to type over."""
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def enter_results(self) -> None:
        if self.results_model.rowCount() == 0:
            return
        if not self.results_view.currentIndex().isValid():
            self._select_row(0)
        self.results_view.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- searching ----------------------------------------------------------------------------

    def enter_in_search(self) -> None:
        """Enter in the search box: a scanned stub opens its account; anything else searches."""
        if not self.search_field.isEnabled() or self.guard.check_now():
            return
        text = self.search_field.text().strip()
        if scanline.looks_like_scan_line(text) or (len(text) >= 20 and text.isascii() and text.isdigit()):
            self.scan(text)
            return
        if text and text == self._last_query and self.pane.account_number:
            # Enter again on the same search: take the account shown (the keyboard contract's
            # "Enter adds the open account"), so a typed account number is two Enters.
            self.account_chosen.emit(self.pane.account_number)
            return
        self.search()

    def scan(self, text: str) -> None:
        """A bill stub's scan line: check it, open its account, say what the stub asks for."""
        from cashdesk.services.accounts import account_detail
        from cashdesk.services.context import ServiceError

        self.search_field.selectAll()  # the next scan replaces it
        try:
            stub = scanline.parse(text)
        except scanline.ScanLineError as exc:
            self.show_message(str(exc), error=True)
            return
        # Stubs carry the account zero-padded to 10 digits; the city may write it shorter.
        candidates = [stub.account]
        if stub.account.lstrip("0") and stub.account.lstrip("0") != stub.account:
            candidates.append(stub.account.lstrip("0"))
        detail = None
        for number in candidates:
            try:
                detail = account_detail(self._ctx, number)
                break
            except ServiceError:
                continue
        if detail is None:
            self.results_model.clear()
            self.pane.clear(
                translate("inquiry", "No account {value1} for this stub.").format(
                    value1=stub.account.lstrip("0") or stub.account
                )
            )
            self.show_message(
                translate(
                    "inquiry",
                    "The stub is for account {account}, which is not in cashdesk. Check the stub, or search by "
                    "name or address.",
                ).format(account=stub.account),
                error=True,
            )
            return
        mismatch = scanline.kind_mismatch(stub, detail.account.number, detail.account.kind)
        if mismatch:
            self.show_message(mismatch, error=True)
            return
        self._last_query = text
        self.results_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.results_model.clear()
        self.pane.show_detail(detail)
        number = detail.account.number
        self.show_message(
            translate("inquiry", "Bill stub for account {number}: {amount_due} due {due_date:%m/%d/%Y}.").format(
                number=number, amount_due=stub.amount_due.display(), due_date=stub.due_date
            )
        )
        self.account_shown.emit(number)
        self.stub_scanned.emit(number, stub.amount_due)

    def _card_number_refused(self, field: object) -> None:
        if field is self.search_field:
            self.show_message(translate("fields", CARD_NUMBER_REFUSED), error=True)

    def search(self) -> None:
        from cashdesk.services.accounts import search_accounts

        if not self.search_field.isEnabled() or self.guard.check_now():
            return
        query = self.search_field.text().strip()
        if not query:
            self.show_message(
                translate(
                    "inquiry", "Type an account number, a name, a service address or a phone number, then press Enter."
                )
            )
            return
        # On the GUI thread (an indexed query, milliseconds): the ↓ or the pay key typed next finds the results.
        results = Operation(self, lambda: search_accounts(self._ctx, query),
                            failed=translate("inquiry", "The search could not be done ({exc}). Call your supervisor."),
                            log_as="searching accounts failed")\
            .failure(lambda text: self.show_message(text, error=True)).run_now()  # fmt: skip
        if results is None:
            return
        self._last_query = query
        self.results_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.results_model.set_rows(results)
        if not results:
            self.pane.clear(translate("inquiry", "No account matches “{query}”.").format(query=query))
            self.show_message(
                translate(
                    "inquiry",
                    "No account matches “{query}”. Check the spelling, or try the account number, the street "
                    "or the phone number.",
                ).format(query=query),
                error=True,
            )
            return
        limit = self._ctx.settings.search.limit
        if len(results) == 1:
            text = translate("inquiry", "1 account matches “{query}”.").format(query=query)
        elif len(results) >= limit:
            text = translate(
                "inquiry", "The first {results} accounts matching “{query}”. Type more to narrow the search."
            ).format(results=len(results), query=query)
        else:
            text = translate("inquiry", "{results} accounts match “{query}”. Press ↓ to go through them.").format(
                results=len(results), query=query
            )
        self.show_message(text)
        self._select_row(0)

    def show_message(self, text: str, *, error: bool = False) -> None:
        show_message(self.message_label, text, error=error)

    def reset(self) -> None:
        """Back to an empty screen, for the next person who signs in."""
        self.search_field.clear()
        self._last_query = ""
        self.results_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.results_model.clear()
        self.pane.clear()
        if self.search_field.isEnabled():
            self.show_message("")

    def set_search_enabled(self, enabled: bool, reason: str = "") -> None:
        """Off when the database cannot be trusted; the reason shows in the search box."""
        self.search_field.setEnabled(enabled)
        self.search_button.setEnabled(enabled)
        self.search_field.setPlaceholderText(
            translate("inquiry", PLACEHOLDER) if enabled else reason or translate("inquiry", "Searching is off.")
        )
        if not enabled:
            self.show_message(reason or translate("inquiry", "Searching is off."), error=True)

    # -- the account pane -----------------------------------------------------------------------

    def show_account(self, number: str) -> None:
        from cashdesk.services.accounts import account_detail

        def said(text: str) -> None:
            self.pane.clear(text)
            self.show_message(text, error=True)

        detail = Operation(self, lambda: account_detail(self._ctx, number),
                           failed=translate("inquiry", "The account could not be read ({exc}). Call your supervisor."),
                           log_as="reading an account failed").failure(said).run_now()  # fmt: skip
        if detail is None:
            return
        self.pane.show_detail(detail)
        self.account_shown.emit(detail.account.number)

    def _select_row(self, row: int) -> None:
        # On the name, which is never hidden: the arrow keys do not move from a hidden column.
        self.results_view.setCurrentIndex(self.results_model.index(row, 1))

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        self.show_account(self.results_model.row_object(current.row()).account)

    def _choose_current(self, *_: object) -> None:
        if self.pane.account_number:
            self.account_chosen.emit(self.pane.account_number)
