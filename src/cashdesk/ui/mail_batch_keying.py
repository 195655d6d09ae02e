"""Keying one remittance of a mail batch, at the keyboard, against the adding-machine tape.

Scan the stub (or type the account), Enter → the amount (the stub's, selected), Enter → the check
number or the check reader's MICR line, Enter → the payer, Enter: the remittance is added and the
cursor is back for the next stub. Delete takes the item chosen out. The widgets are the batch
page's (`ui.mail_batches.MailBatchesDialog`); what is decided is `services.mail_batches`'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cashdesk.domain import micr, scanline
from cashdesk.domain.accounts import FlagSeverity
from cashdesk.domain.mail import BatchStatus
from cashdesk.domain.money import Money, MoneyError
from cashdesk.ui.credentials import show_message
from cashdesk.ui.fields import focus_and_select
from cashdesk.ui.i18n import translate
from cashdesk.ui.tender_entry import looks_like_micr

if TYPE_CHECKING:
    from cashdesk.services.accounts import AccountDetail
    from cashdesk.services.mail_batches import BatchItem
    from cashdesk.ui.mail_batches import MailBatchesDialog


class BatchKeying:
    """The entry line of the batch page: what was scanned and found for the remittance being keyed."""

    def __init__(self, owner: MailBatchesDialog) -> None:
        self._owner = owner
        self._stub: scanline.ScanLine | None = None
        self._stub_account = ""  # the stub's account as the city writes it (its zeros off, when so on file)
        self._account = ""  # the account found for what is in the scan field
        self._micr = ""

    def forget_micr(self) -> None:
        """The check number was typed over: it is no longer what the reader read."""
        self._micr = ""

    def clear_entry(self) -> None:
        self._stub = None
        self._stub_account = ""
        self._account = ""
        self._micr = ""
        for field in (
            self._owner.scan_field,
            self._owner.amount_field,
            self._owner.check_field,
            self._owner.payer_field,
        ):
            field.clear()
        self._owner.account_label.clear()
        focus_and_select(self._owner.scan_field)

    def scan_edited(self, _text: str) -> None:
        self._stub = None  # typed over: no longer the stub that was scanned
        self._stub_account = ""
        self._account = ""

    def tender_changed(self, _index: int) -> None:
        code = self._owner.tender_combo.currentData()
        self._owner.check_caption.setText(
            translate("mail_batch_keying", "&Check number:")
            if code == "check"
            else translate("mail_batch_keying", "S&erial number:")
        )

    def enter_in_scan(self) -> bool:
        from cashdesk.services.accounts import account_detail
        from cashdesk.services.context import ServiceError

        if self._owner.guard.check_now():
            return True
        text = self._owner.scan_field.text().strip()
        if not text:
            self._owner.refuse(
                translate("mail_batch_keying", "Scan the stub, or type the account number."), self._owner.scan_field
            )
            return True
        self._stub = None
        self._stub_account = self._account = ""
        candidates = self._numbers_scanned(text)
        if candidates is None:
            return True
        detail = None
        for number in candidates:
            try:
                detail = account_detail(self._owner.ctx, number)
                break
            except ServiceError:
                continue
        if detail is None:
            self._stub = None
            self._owner.account_label.clear()
            shown = candidates[-1]
            self._owner.refuse(
                translate(
                    "mail_batch_keying",
                    "No account {shown} on file. Check the number on the stub, or set the remittance aside.",
                ).format(shown=shown),
                self._owner.scan_field,
            )
            return True
        self._show_account(detail)
        return False

    def _numbers_scanned(self, text: str) -> list[str] | None:
        """The account numbers `text` may be: a scanned stub's (as printed, and without the zeros the
        billing system pads it with), or what was typed; None when a stub could not be read (said)."""
        candidates = [text]
        if text.isascii() and text.isdigit() and len(text) >= 20:
            try:
                stub = scanline.parse(text)
            except scanline.ScanLineError as exc:
                self._owner.scan_field.clear()
                self._owner.refuse(str(exc), self._owner.scan_field)
                return None
            candidates = [stub.account]
            if stub.account.lstrip("0") and stub.account.lstrip("0") != stub.account:
                candidates.append(stub.account.lstrip("0"))  # the billing system pads the number to 10 digits
            self._stub = stub
        return candidates

    def _show_account(self, detail: AccountDetail) -> None:
        """The account found, beside the scan: its name and balance, the stub's amount (taken), its flags."""
        account = detail.account
        self._account = account.number
        note = translate("mail_batch_keying", "Account {number} — {name}: balance {balance}").format(
            number=account.number, name=account.name, balance=detail.balance.display()
        )
        if self._stub is not None:
            self._stub_account = account.number
            self._owner.amount_field.setText(self._stub.amount_due.plain())
            note += translate("mail_batch_keying", "; the stub asks {amount_due}, due {due_date:%m/%d/%Y}").format(
                amount_due=self._stub.amount_due.display(), due_date=self._stub.due_date
            )
        flags = [flag.shown for flag in detail.flag_list if flag.severity > FlagSeverity.INFO]
        if flags:
            note += "  ·  " + "  ·  ".join(flag.upper() for flag in flags)
        self._owner.account_label.setText(note)
        show_message(
            self._owner.batch_message,
            translate("mail_batch_keying", "Enter keeps the amount; type the check's amount if it differs."),
        )

    def enter_in_amount(self) -> bool:
        if self._owner.guard.check_now():
            return True
        if self._owner.tender_combo.currentData() == "check" and looks_like_micr(self._owner.amount_field.text()):
            # The reader ran the check while the cursor was in the amount: read it, keep the stub's amount.
            self._owner.check_field.setText(self._owner.amount_field.text())
            self._owner.amount_field.setText(self._stub.amount_due.plain() if self._stub is not None else "")
            self._read_micr()
            if not self._owner.amount_field.text():
                self._owner.refuse(
                    translate("mail_batch_keying", "The check is read: now type its amount."), self._owner.amount_field
                )
            return True
        try:
            Money.parse(self._owner.amount_field.text(), allow_zero=False)
        except MoneyError as exc:
            self._owner.refuse(str(exc), self._owner.amount_field)
            return True
        return False

    def enter_in_check(self) -> bool:
        if self._owner.guard.check_now():
            return True
        if self._owner.tender_combo.currentData() == "check" and looks_like_micr(self._owner.check_field.text()):
            self._read_micr()
            return True
        if not self._owner.check_field.text().strip():
            what = (
                translate("mail_batch_keying", "check number")
                if self._owner.tender_combo.currentData() == "check"
                else translate("mail_batch_keying", "money order's serial number")
            )
            self._owner.refuse(
                translate("mail_batch_keying", "Type the {what} (or run the check through the reader).").format(
                    what=what
                ),
                self._owner.check_field,
            )
            return True
        return False

    def _read_micr(self) -> bool:
        try:
            read = micr.parse(self._owner.check_field.text())
        except micr.MicrError as exc:
            self._owner.check_field.clear()
            self._micr = ""
            self._owner.refuse(str(exc), self._owner.check_field)
            return True
        self._micr = self._owner.check_field.text().strip()
        self._owner.check_field.setText(read.check_number)
        show_message(
            self._owner.batch_message,
            translate(
                "mail_batch_keying", "Read from the check: routing {routing}, account {account}, check {check_number}."
            ).format(routing=read.routing, account=read.account, check_number=read.check_number),
        )
        focus_and_select(self._owner.payer_field)
        return True

    def add_remittance(self) -> None:
        from cashdesk.services.mail_batches import add_remittance

        if self._owner.view is None or not self._owner.takes_entries or self._owner.guard.check_now():
            return
        if not self._account and self.enter_in_scan():
            return
        if self.enter_in_amount():
            return
        if self.enter_in_check():
            return
        amount = Money.parse(self._owner.amount_field.text(), allow_zero=False)
        tender = str(self._owner.tender_combo.currentData())
        stub = self._stub
        number = self._owner.check_field.text().strip()
        # A stub whose padded number is on file goes in as scanned (the service checks it against the stub);
        # one the city writes without the zeros goes in by its account, at the amount the stub filled in.
        scanned = stub is not None and self._stub_account == stub.account
        account = "" if scanned else self._account
        batch = self._owner.view
        view = self._owner.call(
            translate("mail_batch_keying", "adding the remittance"),
            lambda: add_remittance(
                self._owner.ctx,
                self._owner.operator,
                batch.id,
                scan_line=self._owner.scan_field.text().strip() if scanned else "",
                account=account,
                amount=amount,
                check_number=number,
                payer=self._owner.payer_field.text(),
                micr=self._micr if tender == "check" else "",
                tender=tender,
            ),
            self._owner.scan_field,
        )
        if view is None:
            return
        assert view.items
        added = view.items[-1]
        warn = (
            translate("mail_batch_keying", " Look at it: {problem}").format(problem=added.problem)
            if added.problem
            else ""
        )
        self._owner.show_batch(
            view,
            translate(
                "mail_batch_keying", "Item {seq} added: account {account}, {amount}.{warn} Scan the next stub."
            ).format(seq=added.seq, account=added.account, amount=added.amount.display(), warn=warn),
            error=bool(added.problem),
        )
        self._owner.items_table.scrollToBottom()

    def remove_chosen(self) -> None:
        from cashdesk.services.mail_batches import remove_remittance

        item = self.chosen_item()
        if item is None or self._owner.view is None:
            return
        if not self._owner.takes_entries:
            self._owner.refuse(
                translate(
                    "mail_batch_keying", "Batch {number} is {status}: items come out of open batches only."
                ).format(number=self._owner.view.number, status=BatchStatus(self._owner.view.status).shown.lower())
                + (
                    translate("mail_batch_keying", " A posted item is reversed (Alt+V).")
                    if self._owner.view.status == "posted"
                    else ""
                ),
                self._owner.items_table,
            )
            return
        batch, row = self._owner.view, self._owner.items_table.current_row()
        view = self._owner.call(
            translate("mail_batch_keying", "taking the item out"),
            lambda: remove_remittance(self._owner.ctx, self._owner.operator, batch.id, item.id),
            self._owner.items_table,
        )
        if view is None:
            return
        self._owner.show_batch(
            view,
            translate(
                "mail_batch_keying",
                "Item {seq} taken out (account {account}, {amount}). Scan the next stub, or F9 to balance.",
            ).format(seq=item.seq, account=item.account, amount=item.amount.display()),
        )
        self._owner.items_table.choose(min(row, len(view.items) - 1))

    def chosen_item(self) -> BatchItem | None:
        row = self._owner.items_table.current_row()
        if row < 0 or self._owner.view is None or row >= len(self._owner.view.items):
            self._owner.refuse(
                translate("mail_batch_keying", "Choose an item first: Alt+I goes to the items, ↑ ↓ chooses."),
                self._owner.items_table,
            )
            return None
        return self._owner.items_model.row_object(row)
