"""Closing the business day and exporting its deposit, for a supervisor, keyboard first.

    Supervisor ▸ Close the day and export the deposit…   (Ctrl+Shift+E)

The date (today's filled in), then Enter shows the whole day, one line each, in a panel that
scrolls rather than cuts it off: which drawers are still open, each closed drawer with its
over/short, the receipts, the mail batches, the deposit so far and the change fund (floats
counted out beyond what it held; once closed, what the floats kept sent to the bank and a fund
left short). The deposit ticket and bag numbers follow; Enter on the bag number asks first,
repeating the key figures (Enter or Y closes the day, Esc goes back to the bag number), then
the day closes and the deposit files are written into the deposits folder. A day closed already
is only exported again. A refusal (a drawer still open, a mail batch not posted) is said in the
dialog, which stays open. The services decide everything (`services.day_close`, `services.deposit`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QMessageBox, QScrollArea, QSizePolicy, QWidget

from cashdesk.domain.balancing import over_short_shown
from cashdesk.domain.dates import parse_day
from cashdesk.domain.money import Money
from cashdesk.ui.backup_progress import BackupProgress
from cashdesk.ui.counter_extras import FormDialog
from cashdesk.ui.credentials import EnterLineEdit, show_message
from cashdesk.ui.fields import ask, focus_and_select
from cashdesk.ui.focus_marks import mark_focus
from cashdesk.ui.i18n import translate

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.day_close import DayClosedAndExported, DayStatus
    from cashdesk.services.deposit import ExportResult

log = logging.getLogger(__name__)


def deposits_folder() -> Path:
    """Where the deposit files go: "cashdesk deposits" in the user's documents folder."""
    from platformdirs import user_documents_path

    return user_documents_path() / "cashdesk deposits"


class DayCloseDialog(FormDialog):
    """Date, deposit ticket, bag: close the business day, then export its deposit (`exported`)."""

    def __init__(self, ctx: ServiceContext, supervisor: Operator, *, folder: Path | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        self._folder = folder if folder is not None else deposits_folder()
        super().__init__(
            "dayCloseDialog",
            translate("day_close", "Close the day and export the deposit"),
            translate(
                "day_close",
                "Every drawer of the day must be balanced and closed, and every mail batch posted, first. "
                "The deposit slip, the deposit file, the GL journal and the posting files are saved in "
                "{folder}.",
            ).format(folder=self._folder),
            translate("day_close", "Close and e&xport"),
            parent,
        )
        self._ctx = ctx
        self._supervisor = supervisor
        self.status: DayStatus | None = None
        self.exported: ExportResult | None = None
        self.working = False  # closing or exporting in the background
        self.question: QMessageBox | None = None  # "Close the business day …?" while it is asked
        self.date_field = self._field(
            "dayCloseDate",
            translate("day_close", "Business &date:"),
            text=ctx.today().isoformat(),
            max_length=10,
            placeholder="YYYY-MM-DD",
        )
        self._form.addRow(self._build_status())
        self.ticket_field = self._field(
            "dayCloseTicket", translate("day_close", "Deposit &ticket number:"), max_length=20
        )
        self.bag_field = self._field("dayCloseBag", translate("day_close", "&Bag number:"), max_length=20)
        self.backup_progress = BackupProgress()  # the backup the close starts, taken in the background
        self._form.addRow(self.backup_progress)
        self.date_field.enter_pressed.connect(self.show_status)
        self.setMinimumSize(640, 560)  # fits a 1024×768 screen; a long day scrolls in its panel
        mark_focus(self)
        focus_and_select(self.date_field)

    def _build_status(self) -> QScrollArea:
        """The day, one line each, in a panel that grows with the dialog and scrolls when it must."""
        self.status_label = QLabel("")
        self.status_label.setObjectName("dayCloseStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_scroll = QScrollArea()
        self.status_scroll.setObjectName("dayCloseStatusPanel")
        self.status_scroll.setWidgetResizable(True)
        self.status_scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.status_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.status_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.status_scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.status_scroll.setMinimumHeight(200)
        self.status_scroll.setWidget(self.status_label)
        return self.status_scroll

    def _date(self) -> dt.date | None:
        try:
            return parse_day(self.date_field.text())
        except ValueError as exc:
            self.refuse(str(exc), self.date_field)
            return None

    def missing(self, fields: Sequence[EnterLineEdit]) -> tuple[str, EnterLineEdit] | None:
        if self.date_field in fields and not self.date_field.text().strip():
            return translate("day_close", "Type the business date to close, like 2026-11-26."), self.date_field
        return None

    def show_status(self) -> DayStatus | None:
        """The day as it stands: closed or not, its drawers (open ones named), receipts, over/short."""
        from cashdesk.services.day_close import day_status

        day = self._date()
        if day is None:
            return None
        status = self._call(
            translate("day_close", "reading the day"), lambda: day_status(self._ctx, day), self.date_field
        )
        if status is None:
            return None
        self.status = status
        self.status_label.setText(describe_status(self.status))
        return self.status

    def submit(self) -> None:
        """Close the day (when it is open), then export its deposit: both off the GUI thread, as
        the export writes five files and a manifest; the dialog says each step's answer."""
        if not self._checked() or self.working or self.question is not None:
            return
        status = self.show_status()
        if status is None:
            return
        if status.can_close:  # the day closes for good: say what closes, and ask
            self.question = ask(self, translate("day_close", "Close the business day"), confirmation_text(status),
                                lambda yes: self._answered(status, yes), default_yes=True, name="dayCloseQuestion",
                                informative=confirmation_figures(status, self.ticket_field.text(),
                                                                 self.bag_field.text()))  # fmt: skip
            return
        self._close(status)  # closed already: exported again; still open: the service says what waits

    def _answered(self, status: DayStatus, yes: bool) -> None:
        self.question = None
        if not self.isVisible():
            return  # the dialog went (the station locked)
        self.activateWindow()
        if not yes:
            show_message(
                self.message_label,
                translate("day_close", "Not closed. Check the day, then Enter on the bag number again."),
            )
            focus_and_select(self.bag_field)
            return
        self._close(status)

    def _close(self, status: DayStatus) -> None:
        from cashdesk.services.day_close import close_and_export

        day = status.business_date
        self._set_working(True)
        if status.closed:
            self._export(day)
            return
        ctx, supervisor, folder = self._ctx, self._supervisor, self._folder
        ticket, bag = self.ticket_field.text(), self.bag_field.text()

        def closed(both: DayClosedAndExported) -> None:
            log.info("%s closed the business day %s", self._supervisor.user_id, day)
            if both.closed.backup is not None:
                self.backup_progress.follow(both.closed.backup)
            if both.exported is not None:
                self._exported(both.exported)
            else:  # closed, not exported: Enter exports again once the cause is fixed
                self._export_refused(both.export_refused)

        def refused(text: str) -> None:
            self._set_working(False)
            self.refuse(text, self.date_field)

        self._operation(
            translate("day_close", "closing the day"),
            lambda: close_and_export(ctx, supervisor, day, folder, ticket_number=ticket, bag_number=bag),
            self.date_field,
        ).success(closed).failure(refused).run_in_background()

    def _export(self, day: dt.date) -> None:
        from cashdesk.services.deposit import export_deposit

        ctx, supervisor, folder = self._ctx, self._supervisor, self._folder
        ticket, bag = self.ticket_field.text(), self.bag_field.text()
        self._operation(
            translate("day_close", "exporting the deposit"),
            lambda: export_deposit(ctx, supervisor, day, folder, ticket_number=ticket, bag_number=bag),
            self.ticket_field,
        ).success(self._exported).failure(self._export_refused).run_in_background()

    def _exported(self, result: ExportResult) -> None:
        self._set_working(False)
        self.show_status()
        self.exported = result
        show_message(self.message_label, result.describe(), error=bool(result.changed))
        self.action_button.setText(translate("day_close", "E&xport again"))

    def _export_refused(self, text: str) -> None:
        self._set_working(False)
        self.refuse(text, self.ticket_field)
        self.show_status()

    def _set_working(self, working: bool) -> None:
        """While the day closes and exports, Enter and the button wait for the answer."""
        self.working = working
        self.action_button.setEnabled(not working)


def describe_status(status: DayStatus) -> str:
    """The whole day, a line each: closed or not and what keeps it open, the drawers with their
    over/short, the receipts, the mail batches, the deposit so far and the change fund."""
    day = translate("day_close", "{day:%A %d %B %Y}").format(
        day=status.business_date
    )  # Spanish: 11/26/2026, as the window writes dates
    if status.closed:
        head = translate("day_close", "{day} is closed ({closed_by}).").format(day=day, closed_by=status.closed_by)
        if status.anchor is not None:
            head += translate("day_close", " Audit anchor {printed}.").format(printed=status.anchor.printed)
    elif status.open_drawers or status.unposted_mail:
        waiting = [d.describe() for d in status.open_drawers]
        waiting += [
            translate("day_close", "mail batch {describe}").format(describe=b.describe()) for b in status.unposted_mail
        ]
        head = translate("day_close", "{day} is open. Still open: ").format(day=day) + "; ".join(waiting) + "."
    else:
        head = translate(
            "day_close", "{day} is open; every drawer is closed and every mail batch posted, so it can be closed."
        ).format(day=day)
    lines = [
        head,
        translate("day_close", "Closed drawers: {closed_drawers}.").format(closed_drawers=len(status.closed_drawers)),
    ]
    lines += [f"   {d.describe()}: {over_short_shown(d.over_short or Money(0))}" for d in status.closed_drawers]
    lines += [
        translate("day_close", "Receipts: {receipts} for {receipts_total}.").format(
            receipts=status.receipts, receipts_total=status.receipts_total.display()
        ),
        translate("day_close", "Over/short: {over_short_words}.").format(
            over_short_words=over_short_shown(status.over_short)
        ),
        _mail_line(status),
        _deposit_line(status),
    ]
    fund = status.describe_change_fund()  # floats beyond the fund; what they sent to the bank; a fund left short
    if fund:
        lines.append(translate("day_close", "Change fund: {fund}").format(fund=fund))
    return "\n".join(lines)


def _mail_line(status: DayStatus) -> str:
    posted = status.posted_mail
    if not posted:
        return translate("day_close", "Mail batches posted: none.")
    total = Money.total(b.total for b in posted)
    return translate("day_close", "Mail batches posted: {posted} for {total} ({join}).").format(
        posted=len(posted), total=total.display(), join=", ".join(b.number for b in posted)
    )


def _deposit_line(status: DayStatus) -> str:
    cards = status.deposit_total - status.bank_total
    so_far = "" if status.closed else translate("day_close", " so far")
    return translate("day_close", "Deposit{so_far}: {deposit_total}, {bank_total} in the bag").format(
        so_far=so_far, deposit_total=status.deposit_total.display(), bank_total=status.bank_total.display()
    ) + (
        translate("day_close", " and {cards} in card settlements.").format(cards=cards.display())
        if cards.cents
        else "."
    )


def confirmation_text(status: DayStatus) -> str:
    """The question before the close: what closes, and that it is for good."""
    return translate(
        "day_close",
        "Close the business day {business_date:%A %d %B %Y}? It then takes no more payments and "
        "its deposit is exported.",
    ).format(business_date=status.business_date)


def confirmation_figures(status: DayStatus, ticket: str, bag: str) -> str:
    """The key figures repeated under the question, and the keys that answer it."""
    return "\n".join((
        translate("day_close", "Drawers closed: {closed}, over/short: {over_short}.").format(
            closed=len(status.closed_drawers), over_short=over_short_shown(status.over_short)),
        translate("day_close", "Receipts: {receipts} for {receipts_total}.").format(
            receipts=status.receipts, receipts_total=status.receipts_total.display()),
        _mail_line(status),
        _deposit_line(status),
        translate("day_close", "Deposit ticket {ticket}, bag {bag}.").format(ticket=ticket.strip(), bag=bag.strip()),
        "",
        translate("day_close", "Enter or Y: close the day.  Esc: go back."),
    ))  # fmt: skip
