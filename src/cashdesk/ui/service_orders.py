"""Service orders (Ctrl+Shift+W): create, find, dispatch, complete and cancel the orders that send a
crew to a meter, print a crew's ticket; a supervisor previews and commits the shut-off list.

    account, Enter → type (first letters), Enter → date, Enter → notes, Enter  creates the order
    Alt+F  find (an account or order number; empty: every open order), Enter shows them
    Up/Down in the list chooses the order the keys below act on
    Alt+R  the reason, result or why not done        Alt+G  the meter reading
    Alt+D  dispatch   Alt+C  complete   Alt+X  cancel (reason: paid, customer request, arrangement,
    error)   Alt+O  not done   Alt+P  print the ticket   Alt+K  the ticket as a PDF
    Alt+S  the shut-off date, Enter previews it; Alt+M commits it (a supervisor)      Esc closes

The services (`services.service_orders`, `services.shutoff`, `services.order_tickets`) decide and
record everything; a refusal shows here in their words and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QDialogButtonBox, QFormLayout, QHeaderView, QLineEdit, QTableView, QWidget

from cashdesk.domain.dates import parse_day
from cashdesk.domain.security import Permission
from cashdesk.domain.service_orders import OrderType, WorkOrder
from cashdesk.services.shutoff import ShutoffCommitted, ShutoffLine
from cashdesk.ui.credentials import message_label
from cashdesk.ui.fields import EnterChain, focus_and_select, line_field
from cashdesk.ui.focus_marks import mark_focus
from cashdesk.ui.formatting import date_text
from cashdesk.ui.i18n import translate
from cashdesk.ui.labels import add_rows, column, explanation, heading, read_only
from cashdesk.ui.models import Column, RowsModel, money_column
from cashdesk.ui.operations import Operation
from cashdesk.ui.work_screen import WorkScreen

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext

T = TypeVar("T")
#: What a clerk orders here; door tags and disconnects come from the shut-off list.
CLERK_TYPES = (OrderType.START, OrderType.STOP, OrderType.REREAD, OrderType.METER_CHECK, OrderType.TRANSFER,
               OrderType.RECONNECT)  # fmt: skip


class OrdersModel(RowsModel[WorkOrder]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column(translate("service_orders", "Order"), lambda o: o.number, lambda o: o.number),
            Column(translate("service_orders", "Type"), lambda o: o.type.shown, lambda o: o.type.value),
            Column(translate("service_orders", "Account"), lambda o: o.account, lambda o: o.account),
            Column(translate("service_orders", "Status"), lambda o: o.status.shown, lambda o: o.status.value),
            Column(
                translate("service_orders", "Scheduled"),
                lambda o: date_text(o.scheduled) if o.scheduled else "—",
                lambda o: o.scheduled or dt.date.max,
            ),  # fmt: skip
            money_column(translate("service_orders", "Fee"), lambda o: o.fee),
            Column(translate("service_orders", "Reason"), lambda o: o.reason, lambda o: o.reason),
        )


class ShutoffModel(RowsModel[ShutoffLine]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column(translate("service_orders", "Account"), lambda s: s.account, lambda s: s.account),
            Column(translate("service_orders", "Name"), lambda s: s.name, lambda s: s.name),
            Column(
                translate("service_orders", "Service address"), lambda s: s.service_address, lambda s: s.service_address
            ),
            money_column(translate("service_orders", "Past due"), lambda s: s.past_due),
        )


class ServiceOrdersDialog(WorkScreen):
    log_as = "a service order failed"

    def __init__(self, ctx: ServiceContext, operator: Operator, parent: QWidget | None = None, *,
                 folder: Path | None = None) -> None:  # fmt: skip
        super().__init__(ctx, operator, "serviceOrdersDialog", translate("service_orders", "Service orders"), parent)
        self._asking_office = False  # a shut-off list waits for the office's answer
        self._folder = folder or Path.home()
        title = heading(self, translate("service_orders", "Service orders — crews sent to a meter"))
        explain = explanation(
            translate(
                "service_orders",
                "New order: account, type, date, notes, each then Enter. Alt+F finds orders; Up/Down chooses one; "
                "Alt+D dispatch, Alt+C complete, Alt+X cancel, Alt+O not done, Alt+P print its ticket. Esc closes.",
            )
        )
        self.message_label = message_label("serviceOrdersMessage")
        self.model = OrdersModel(self)
        self.table = read_only(QTableView(), "serviceOrdersList", self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.shutoff_model = ShutoffModel(self)
        self.shutoff_table = read_only(QTableView(), "shutoffPreview", self.shutoff_model)
        self.shutoff_table.horizontalHeader().setStretchLastSection(True)
        self.shutoff_table.setVisible(False)
        self.setMinimumSize(900, 600)
        mark_focus(self)
        column(self, title, explain, self._build_form(), self.message_label, self.table, self.shutoff_table,
               self._build_buttons(), grow=self.table)  # fmt: skip
        self._chain = EnterChain([self.account_field, self.type_field, self.date_field, self.notes_field],
                                 self.add_order, self)  # fmt: skip
        self._chain.on_enter(self.type_field, lambda: self._order_type() is None and self._refuse_type())
        self._find_chain = EnterChain([self.find_field], self.show_orders, self)
        self._shutoff_chain = EnterChain([self.shutoff_field], self.preview, self)
        self.show_orders()
        self.account_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _line(self, name: str, max_length: int, text: str = "", placeholder: str = "") -> QLineEdit:
        return line_field(QLineEdit(), name, max_length, text=text, placeholder=placeholder)

    def _build_form(self) -> QWidget:
        self.account_field = self._line("orderAccount", 20, placeholder=translate("service_orders", "Account number"))
        self.type_field = self._line(
            "orderType", 30, placeholder=translate("service_orders", "Start service, stop service, meter re-read…")
        )
        completer = QCompleter([t.shown for t in CLERK_TYPES], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.type_field.setCompleter(completer)
        self.date_field = self._line("orderDate", 10, date_text(self._ctx.today()))
        self.notes_field = self._line("orderNotes", 300)
        self.find_field = self._line(
            "orderFind", 20, placeholder=translate("service_orders", "Account or order number; empty: all open")
        )
        self.detail_field = self._line(
            "orderDetail", 120, placeholder=translate("service_orders", "paid, customer request, no access, done…")
        )
        self.reading_field = self._line("orderReading", 20)
        self.shutoff_field = self._line("shutoffDate", 10, placeholder="MM/DD/YYYY")
        left, right = QFormLayout(), QFormLayout()
        add_rows(
            left,
            (translate("service_orders", "&Account:"), self.account_field),
            (translate("service_orders", "&Type:"), self.type_field),
            (translate("service_orders", "Sch&eduled:"), self.date_field),
            (translate("service_orders", "&Notes:"), self.notes_field),
        )
        add_rows(
            right,
            (translate("service_orders", "&Find:"), self.find_field),
            (translate("service_orders", "&Reason / result:"), self.detail_field),
            (translate("service_orders", "Meter readin&g:"), self.reading_field),
            (translate("service_orders", "&Shut-off date:"), self.shutoff_field),
        )
        return self.side_by_side(left, right)

    def _build_buttons(self) -> QDialogButtonBox:
        supervisor = self._operator.can(Permission.APPROVE_OVERRIDES)
        actions = (
            ("dispatch", translate("service_orders", "&Dispatch"), self.dispatch),
            ("complete", translate("service_orders", "&Complete"), self.complete),
            ("cancel", translate("service_orders", "Cancel (&X)"), self.cancel),
            ("not_done", translate("service_orders", "N&ot done"), self.not_done),
            ("print", translate("service_orders", "&Print ticket"), self.print_ticket),
            ("pdf", translate("service_orders", "Tic&ket PDF"), self.ticket_pdf),
            ("preview", translate("service_orders", "Pre&view shut-offs"), self.preview),
            ("commit", translate("service_orders", "Co&mmit shut-offs"), self.commit),
        )
        return self.action_row("order", actions, hidden=() if supervisor else ("commit",))

    # -- the services, by keyboard ------------------------------------------------------------------

    def _order_type(self) -> OrderType | None:
        typed = self.type_field.text().strip().casefold()
        found = [t for t in CLERK_TYPES if typed in (t.shown.casefold(), t.label.casefold(), t.value)]
        starting = [t for t in CLERK_TYPES if typed and t.shown.casefold().startswith(typed)]
        return found[0] if found else starting[0] if len(starting) == 1 else None

    def _refuse_type(self) -> bool:
        self.refuse(
            translate("service_orders", "Choose the type: {join}.").format(
                join=", ".join(t.shown for t in CLERK_TYPES)
            ),
            self.type_field,
        )
        return True

    def add_order(self) -> None:
        from cashdesk.services.service_orders import create_order

        kind = self._order_type()
        if kind is None:
            self._refuse_type()
            return
        try:
            day = parse_day(self.date_field.text())
        except ValueError as exc:
            self.refuse(str(exc), self.date_field)
            return
        account, notes = self.account_field.text(), self.notes_field.text()
        made = self._call(lambda: create_order(self._ctx, self._operator, account, kind, scheduled=day, notes=notes),
                          self.account_field)  # fmt: skip
        if made is None:
            return
        fee = (
            translate("service_orders", "; {fee} charged as an open item").format(fee=made.fee.display())
            if made.fee.cents
            else ""
        )
        self.say(
            translate("service_orders", "Order {number} created: {label} for {account}{fee}.").format(
                number=made.order.number, label=made.order.type.shown, account=made.order.account, fee=fee
            )
        )
        for field in (self.account_field, self.type_field, self.notes_field):
            field.clear()
        self.find_field.setText(made.order.account)
        self.show_orders()
        focus_and_select(self.account_field)

    def show_orders(self) -> None:
        from cashdesk.services.service_orders import find_orders

        text = self.find_field.text().strip().upper()
        if text.startswith("WO-"):
            work = lambda: [o for o in find_orders(self._ctx, self._operator) if o.number == text]  # noqa: E731
        elif text:
            work = lambda: find_orders(self._ctx, self._operator, account=text)  # noqa: E731
        else:
            work = lambda: [o for o in find_orders(self._ctx, self._operator) if o.status.is_open]  # noqa: E731
        found = self._call(work, self.find_field)
        if found is None:
            return
        self.shutoff_table.setVisible(False)
        self.model.set_rows(found)
        if found:
            self.table.selectRow(0)

    def chosen(self) -> WorkOrder | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def _act(self, act: Callable[[WorkOrder], object], said: str) -> None:
        order = self.chosen()
        if order is None:
            self.refuse(
                translate("service_orders", "Choose an order in the list first (Alt+F, then Up/Down)."), self.find_field
            )
            return
        row = self.table.currentIndex().row()
        done = self._call(lambda: act(order), self.detail_field)
        if done is None:
            return
        self.say(said.format(number=order.number, done=done))
        self.show_orders()
        self.table.selectRow(max(0, min(row, self.model.rowCount() - 1)))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def dispatch(self) -> None:
        from cashdesk.services.service_orders import dispatch

        self._act(lambda o: dispatch(self._ctx, self._operator, o.number, self.detail_field.text()),
                  translate("service_orders", "{number} dispatched."))  # fmt: skip

    def complete(self) -> None:
        from cashdesk.services.service_orders import complete

        self._act(
            lambda o: complete(
                self._ctx, self._operator, o.number, result=self.detail_field.text(), reading=self.reading_field.text()
            ),
            translate("service_orders", "{number} completed."),
        )

    def cancel(self) -> None:
        from cashdesk.services.service_orders import cancel

        self._act(lambda o: cancel(self._ctx, self._operator, o.number, self.detail_field.text().strip().lower()),
                  "{done.words}")  # fmt: skip

    def not_done(self) -> None:
        from cashdesk.services.service_orders import not_done

        self._act(lambda o: not_done(self._ctx, self._operator, o.number, self.detail_field.text()),
                  translate("service_orders", "{number} recorded as not done."))  # fmt: skip

    def print_ticket(self) -> None:
        from cashdesk.services.order_tickets import ticket_slip

        self._act(lambda o: ticket_slip(self._ctx, self._operator, o.number),
                  translate("service_orders", "The ticket of {number} is going to the receipt printer."))  # fmt: skip

    def ticket_pdf(self) -> None:
        from cashdesk.services.order_tickets import ticket_file

        self._act(lambda o: ticket_file(self._ctx, self._operator, o.number, self._folder),
                  translate("service_orders", "The ticket of {number} is saved: {done}"))  # fmt: skip

    def _shutoff_day(self) -> dt.date | None:
        try:
            return parse_day(self.shutoff_field.text())
        except ValueError as exc:
            self.refuse(str(exc), self.shutoff_field)
            return None

    def preview(self) -> None:
        from cashdesk.services.shutoff import preview

        day = self._shutoff_day()
        shown = None if day is None else self._call(lambda: preview(self._ctx, self._operator, day), self.shutoff_field)
        if shown is None:
            return
        self.shutoff_model.set_rows(shown.lines)
        self.shutoff_table.setVisible(True)
        held = (
            translate("service_orders", "; {held} held (medical, hold, arrangement)").format(held=len(shown.held))
            if shown.held
            else ""
        )
        said = translate(
            "service_orders", "Shut-off list for {date_text}: {lines} account(s), {total} past due{held}."
        ).format(date_text=date_text(shown.on), lines=len(shown.lines), total=shown.total.display(), held=held)
        self.say(said + (f" {shown.refusal}" if shown.refusal else ""), error=bool(shown.refusal))

    def commit(self) -> None:
        from cashdesk.services.office import office_state
        from cashdesk.services.shutoff import commit

        day = self._shutoff_day()
        if day is None or self.waiting:
            return
        work = lambda: commit(self._ctx, self._operator, day)  # noqa: E731
        if self._call(lambda: office_state(self._ctx), self.shutoff_field) is None:
            done = self._call(work, self.shutoff_field)  # a window alone: a few milliseconds, here
            if done is not None:
                self._committed(done)
            return
        # A window of an office asks the office first (its balances, another window's list): off the
        # GUI thread, as the office may take seconds to answer or not answer at all.
        self._asking_office = True
        self.shutoff_field.setReadOnly(True)
        self.say(
            translate(
                "service_orders",
                "Asking the office first: its balances, and whether another window committed this day's list…",
            )
        )
        Operation(self, work, log_as=self.log_as).success(self._committed).failure(self._not_committed) \
            .run_in_background()  # fmt: skip

    @property
    def waiting(self) -> bool:
        """True while a shut-off list waits for the office's answer."""
        return self._asking_office

    def _not_committed(self, text: str) -> None:
        self._asking_office = False
        self.shutoff_field.setReadOnly(False)
        self.refuse(text, self.shutoff_field)

    def _committed(self, done: ShutoffCommitted) -> None:
        self._asking_office = False
        self.shutoff_field.setReadOnly(False)
        self.say(
            translate(
                "service_orders",
                "{door_tags} door tag(s) for {date_text}, {fees} in fees; each disconnect waits for its "
                "tag and the notice period.",
            ).format(door_tags=len(done.door_tags), date_text=date_text(done.on), fees=done.fees.display())
        )
        self.find_field.clear()
        self.show_orders()
