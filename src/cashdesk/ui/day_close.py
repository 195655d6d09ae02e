"""Closing the business day and exporting its deposit, for a supervisor, keyboard first.

    Supervisor ▸ Close the day and export the deposit…   (Ctrl+Shift+E)

The date (today's filled in), then Enter shows the day: its drawers, which are still open,
its receipts and over/short, and the change fund (floats counted out beyond what it held;
once closed, what the floats kept sent to the bank and a fund left short). The deposit ticket
and bag numbers follow; the last Enter closes the day (when it is not closed yet) and writes
the deposit files into the deposits folder. A refusal (a drawer still open, a mail batch not
posted) is said in the dialog, which stays open. The services decide everything
(`services.day_close`, `services.deposit`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from cashdesk.domain.balancing import over_short_words
from cashdesk.domain.dates import parse_day
from cashdesk.ui.backup_progress import BackupProgress
from cashdesk.ui.counter_extras import _FormDialog
from cashdesk.ui.credentials import EnterLineEdit, show_message
from cashdesk.ui.fields import focus_and_select

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.day_close import DayClosedResult, DayStatus
    from cashdesk.services.deposit import ExportResult

log = logging.getLogger(__name__)


def deposits_folder() -> Path:
    """Where the deposit files go: "cashdesk deposits" in the user's documents folder."""
    from platformdirs import user_documents_path

    return user_documents_path() / "cashdesk deposits"


class DayCloseDialog(_FormDialog):
    """Date, deposit ticket, bag: close the business day, then export its deposit (`exported`)."""

    def __init__(self, ctx: ServiceContext, supervisor: Operator, *, folder: Path | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        self._folder = folder if folder is not None else deposits_folder()
        super().__init__(
            "dayCloseDialog", "Close the day and export the deposit",
            "Every drawer of the day must be balanced and closed, and every mail batch posted, first. "
            "The deposit slip, the deposit file, "
            f"the GL journal and the posting files are saved in {self._folder}.",
            "Close and e&xport", parent,
        )  # fmt: skip
        self._ctx = ctx
        self._supervisor = supervisor
        self.status: DayStatus | None = None
        self.exported: ExportResult | None = None
        self.working = False  # closing or exporting in the background
        self.date_field = self._field("dayCloseDate", "Business &date:", text=ctx.today().isoformat(), max_length=10,
                                      placeholder="YYYY-MM-DD")  # fmt: skip
        self.status_label = QLabel("")
        self.status_label.setObjectName("dayCloseStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._form.addRow(self.status_label)
        self.ticket_field = self._field("dayCloseTicket", "Deposit &ticket number:", max_length=20)
        self.bag_field = self._field("dayCloseBag", "&Bag number:", max_length=20)
        self.backup_progress = BackupProgress()  # the backup the close starts, taken in the background
        self._form.addRow(self.backup_progress)
        self.date_field.enter_pressed.connect(self.show_status)
        focus_and_select(self.date_field)

    def _date(self) -> dt.date | None:
        try:
            return parse_day(self.date_field.text())
        except ValueError as exc:
            self.refuse(str(exc), self.date_field)
            return None

    def missing(self, fields: Sequence[EnterLineEdit]) -> tuple[str, EnterLineEdit] | None:
        if self.date_field in fields and not self.date_field.text().strip():
            return "Type the business date to close, like 2026-11-26.", self.date_field
        return None

    def show_status(self) -> DayStatus | None:
        """The day as it stands: closed or not, its drawers (open ones named), receipts, over/short."""
        from cashdesk.services.day_close import day_status

        day = self._date()
        if day is None:
            return None
        status = self._call("reading the day", lambda: day_status(self._ctx, day), self.date_field)
        if status is None:
            return None
        self.status = status
        self.status_label.setText(describe_status(self.status))
        self.adjustSize()
        return self.status

    def submit(self) -> None:
        """Close the day (when it is open), then export its deposit: both off the GUI thread, as
        the export writes five files and a manifest; the dialog says each step's answer."""
        if not self._checked() or self.working:
            return
        from cashdesk.services.day_close import close_day

        status = self.show_status()
        if status is None:
            return
        day = status.business_date
        self._set_working(True)
        if status.closed:
            self._export(day)
            return

        def closed(result: DayClosedResult) -> None:
            log.info("%s closed the business day %s", self._supervisor.user_id, day)
            if result.backup is not None:
                self.backup_progress.follow(result.backup)
            self._export(day)

        def refused(text: str) -> None:
            self._set_working(False)
            self.refuse(text, self.date_field)

        self._operation("closing the day", lambda: close_day(self._ctx, self._supervisor, day), self.date_field)\
            .success(closed).failure(refused).run_in_background()  # fmt: skip

    def _export(self, day: dt.date) -> None:
        from cashdesk.services.deposit import export_deposit

        ctx, supervisor, folder = self._ctx, self._supervisor, self._folder
        ticket, bag = self.ticket_field.text(), self.bag_field.text()

        def exported(result: ExportResult) -> None:
            self._set_working(False)
            self.show_status()
            self.exported = result
            show_message(self.message_label, result.describe(), error=bool(result.changed))
            self.action_button.setText("E&xport again")
            self.adjustSize()

        def refused(text: str) -> None:
            self._set_working(False)
            self.refuse(text, self.ticket_field)
            self.show_status()

        self._operation(
            "exporting the deposit",
            lambda: export_deposit(ctx, supervisor, day, folder, ticket_number=ticket, bag_number=bag),
            self.ticket_field,
        ).success(exported).failure(refused).run_in_background()

    def _set_working(self, working: bool) -> None:
        """While the day closes and exports, Enter and the button wait for the answer."""
        self.working = working
        self.action_button.setEnabled(not working)


def describe_status(status: DayStatus) -> str:
    day = f"{status.business_date:%A %d %B %Y}"
    if status.closed:
        head = f"{day} is closed ({status.closed_by})."
        if status.anchor is not None:
            head += f" Audit anchor {status.anchor.printed}."
    elif status.open_drawers or status.unposted_mail:
        waiting = [d.describe() for d in status.open_drawers]
        waiting += [f"mail batch {b.describe()}" for b in status.unposted_mail]
        head = f"{day} is open. Still open: " + "; ".join(waiting) + "."
    else:
        head = f"{day} is open; every drawer is closed and every mail batch posted, so it can be closed."
    fund = status.describe_change_fund()  # floats beyond the fund; what they sent to the bank; a fund left short
    return (f"{head} {len(status.closed_drawers)} closed drawers, {status.receipts} receipts for "
            f"{status.receipts_total.display()}, drawers: {over_short_words(status.over_short)}."
            + (f" {fund}" if fund else ""))  # fmt: skip
