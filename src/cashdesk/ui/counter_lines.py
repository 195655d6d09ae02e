"""What goes on the counter's receipt: the accounts paid (scanned from a stub, or opened from the
search and paid from the pay strip), miscellaneous items (F4), and the tenders that pay it (F5-F8),
each refused in the cashier's words when it may not go on. The counter is `ui.counter.CounterScreen`;
what is decided is `ui.cart.CartState` and the services'.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from cashdesk.domain.accounts import AccountStatus, FlagSeverity
from cashdesk.domain.money import Money, MoneyError
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.ui.cart import MAX_LINES, AccountLine, MiscLine
from cashdesk.ui.i18n import translate
from cashdesk.ui.operations import Operation
from cashdesk.ui.tender_entry import parse_amount

if TYPE_CHECKING:
    from cashdesk.ui.counter import CounterScreen


class CounterLines:
    """Puts accounts, miscellaneous items and tenders on the receipt, and takes them off."""

    def __init__(self, owner: CounterScreen) -> None:
        self._owner = owner

    def stub_scanned(self, number: str, amount_due: object) -> None:
        assert isinstance(amount_due, Money)
        self.open_for_payment(number, amount_due, note=translate("counter_lines", "Amount from the bill stub."))

    def open_for_payment(self, number: str, amount: Money | None = None, note: str = "") -> None:
        """Enter on an account: it opens for payment with the amount due (or the stub's) filled in."""
        if not self._owner.may_pay():
            return
        detail = self._owner.inquiry.pane.detail
        if detail is None or detail.account.number != number:
            self._owner.inquiry.show_account(number)
            detail = self._owner.inquiry.pane.detail
            if detail is None:
                return
        index = self._owner.cart.account_line(number)
        if amount is None:
            if index is not None:
                amount = self._owner.cart.lines[index].amount
                note = note or translate(
                    "counter_lines", "This account is on the receipt already: Enter keeps the new amount."
                )
            else:
                amount = detail.balance if detail.balance.cents > 0 else Money(0)
        self._owner.tender_entry.hide()
        self._owner.misc_entry.hide()
        self._owner.pay_strip.open_for(detail, amount, note)

    def add_account(self, then: Callable[[], None] | None = None) -> None:
        """Enter in the amount to pay: the account goes on the receipt; `then()` once it is on."""
        strip = self._owner.pay_strip
        detail = strip.detail
        if detail is None or self._owner.guard.check_now() or not self._owner.may_pay():
            return
        typed = strip.amount_field.text().strip()
        if len(typed) >= 20 and typed.isascii() and typed.isdigit():
            # The next stub was scanned before Enter: it goes where a scan belongs.
            strip.close_strip()
            self._owner.inquiry.search_field.setText(typed)
            self._owner.inquiry.focus_search()
            self._owner.inquiry.scan(typed)
            return
        try:
            amount = parse_amount(strip.amount_field.text())
        except MoneyError as exc:
            strip.refuse(str(exc))
            return
        a = detail.account
        line = AccountLine(
            number=a.number,
            name=a.name,
            amount=amount,
            owed=detail.owed,
            flags=detail.flag_list,
            cash_only=a.cash_only,
            closed=a.status is AccountStatus.CLOSED,
            language=a.language,
        )
        refusal = self._refusal(line)
        if refusal is not None:
            strip.refuse(refusal)
            return
        if line.excess.cents:
            self._ask_keep_excess(line, then)
            return
        self._put_account(line, then)

    def _refusal(self, line: AccountLine) -> str | None:
        """Why `line` may not go on this receipt (too many lines, cash only beside another tender, a
        second closed account), in the cashier's words; None when it may."""
        cart = self._owner.cart
        new = cart.account_line(line.number) is None
        if new and len(cart.lines) >= MAX_LINES:
            return translate(
                "counter_lines", "A receipt holds at most {MAX_LINES} lines. Post this one (F12) and start another."
            ).format(MAX_LINES=MAX_LINES)
        if line.cash_only and cart.non_cash.cents:
            return translate(
                "counter_lines",
                "Account {number} is cash only, and this receipt already has a check, card or money order. "
                "Post that one first, or Esc to start over.",
            ).format(number=line.number)
        others_closed = [n for n in cart.closed_accounts if n != line.number]
        if line.closed and others_closed:
            return translate(
                "counter_lines",
                "Account {others_closed} is closed too: one receipt takes one closed account (each needs a "
                "supervisor). Post this receipt first.",
            ).format(others_closed=others_closed[0])
        return None

    def _ask_keep_excess(self, line: AccountLine, then: Callable[[], None] | None) -> None:
        def answered(yes: bool) -> None:
            if yes:
                from dataclasses import replace

                self._put_account(replace(line, keep_excess_as_credit=True), then)
                return
            owed = line.owed
            self._owner.pay_strip.amount_field.setText(owed.plain())
            self._owner.pay_strip.refuse(
                translate("counter_lines", "Account {number} owes {owed}. Change the amount, Enter adds it.").format(
                    number=line.number, owed=owed.display()
                )
            )

        self._owner.ask_yes_no(
            translate("counter_lines", "More than is owed"),
            translate(
                "counter_lines",
                "{amount} is more than account {number} owes ({owed}).\n\nKeep {excess} as a credit on the account?",
            ).format(
                amount=line.amount.display(), number=line.number, owed=line.owed.display(), excess=line.excess.display()
            ),
            answered,
            name="keepCreditQuestion",
            informative=translate("counter_lines", "Y: yes, keep it as a credit.  N: no, change the amount."),
        )

    def _put_account(self, line: AccountLine, then: Callable[[], None] | None = None) -> None:
        self._owner.starting_new()
        changed = self._owner.cart.put_account(line)
        self._owner.refresh()
        self._owner.pay_strip.close_strip()
        text = translate("counter_lines", "Account {number}: {amount}").format(
            number=line.number, amount=line.amount.display()
        ) + (translate("counter_lines", " (amount changed).") if changed else translate("counter_lines", " added."))
        if line.keep_excess_as_credit and line.excess.cents:
            text += translate("counter_lines", " {excess} is kept as a credit.").format(excess=line.excess.display())
        warnings = [flag.shown for flag in line.flags if flag.severity > FlagSeverity.INFO]
        if warnings:
            text += translate("counter_lines", " Note: ") + ", ".join(warnings).lower() + "."
        if line.cash_only:
            text += translate("counter_lines", " Take cash only.")
        if line.closed:
            text += translate("counter_lines", " A supervisor approves it when you post.")
        self._owner.say(
            text
            + translate("counter_lines", " Still to pay: {remaining}.").format(
                remaining=self._owner.cart.remaining.display()
            ),
            error=bool(warnings),
        )
        self._owner.home()
        if then is not None:
            then()

    def remove_line(self, row: int) -> None:
        if not (0 <= row < len(self._owner.cart.lines)) or self._owner.asking:
            return
        line = self._owner.cart.remove_line(row)
        self._owner.refresh()
        self._owner.say(
            translate("counter_lines", "Removed: {what}, {amount}.").format(
                what=line.what, amount=line.amount.display()
            )
        )
        if self._owner.cart.lines:
            self._owner.lines_view.setCurrentIndex(
                self._owner.lines_model.index(min(row, len(self._owner.cart.lines) - 1), 0)
            )
        else:
            self._owner.home()

    def open_misc(self) -> None:
        if not self._owner.may_pay():
            return
        if not self._owner.misc_entry.has_codes:
            from cashdesk.services.revenue import list_revenue_codes

            failed = translate("counter_lines", "The revenue codes could not be read ({exc}). Call your supervisor.")
            codes = (
                Operation(
                    self._owner,
                    lambda: list_revenue_codes(self._owner.ctx, category="departmental"),
                    failed=failed,
                    log_as="could not list the revenue codes",
                )
                .refused(lambda text: self._owner.say(failed.format(exc=text), error=True))
                .failure(lambda text: self._owner.say(text, error=True))
                .run_now()
            )
            if codes is None:
                return
            self._owner.misc_entry.set_codes([(c.code, c.description) for c in codes])
        self._owner.tender_entry.hide()
        self._owner.pay_strip.close_strip()
        self._owner.misc_entry.start()

    def add_misc(self, code: str, amount: object, memo: str) -> None:
        assert isinstance(amount, Money)
        if self._owner.guard.check_now():
            return
        if len(self._owner.cart.lines) >= MAX_LINES:
            self._owner.misc_entry.refuse(
                translate(
                    "counter_lines", "A receipt holds at most {MAX_LINES} lines. Post this one (F12) first."
                ).format(MAX_LINES=MAX_LINES)
            )
            return
        self._owner.starting_new()
        line = MiscLine(code, self._owner.misc_entry.description_of(code), amount, memo)
        self._owner.cart.add_misc(line)
        self._owner.refresh()
        self._owner.misc_entry.hide()
        self._owner.say(
            translate("counter_lines", "{what}: {amount} added. Still to pay: {remaining}.").format(
                what=line.what, amount=amount.display(), remaining=self._owner.cart.remaining.display()
            )
        )
        self._owner.home()

    def open_tender(self, kind: TenderKind) -> None:
        if not self._owner.may_pay():
            return
        if self._owner.pay_strip.detail is not None:
            # The amount to pay goes on the receipt first, as its Enter would: a stub is scan, F5, F12.
            self.add_account(then=lambda: self.open_tender(kind))
            return
        cart = self._owner.cart
        if not cart.lines:
            self._owner.say(
                translate(
                    "counter_lines",
                    "Nothing to pay yet: add an account (scan the stub or search, Enter) or a misc item (F4).",
                ),
                error=True,
            )
            self._owner.home()
            return
        if cart.remaining.cents == 0:
            self._owner.say(translate("counter_lines", "The receipt is paid in full. F12 posts it."), error=True)
            self._owner.home()
            return
        cash_only = cart.cash_only_accounts
        if kind is not TenderKind.CASH and cash_only:
            self._owner.say(
                translate("counter_lines", "Account {cash_only} is cash only: no {label}. Take cash (F5).").format(
                    cash_only=cash_only[0], label=kind.shown.lower()
                ),
                error=True,
            )
            self._owner.home()
            return
        self._owner.pay_strip.close_strip()
        self._owner.misc_entry.hide()
        self._owner.tender_entry.open_for(kind, cart.remaining)

    def take_cash_shown(self) -> bool:
        """F12 while cash is being typed: the amount shown (still to pay, or typed over it) is taken as
        tendered first. False when it was refused: the cash entry says why and keeps the keyboard."""
        entry = self._owner.tender_entry
        if entry.isHidden() or entry.kind is not TenderKind.CASH:
            return True
        entry.submit()
        return entry.isHidden()

    def apply_tender(self, tender: object) -> None:
        assert isinstance(tender, Tender)
        entry = self._owner.tender_entry
        if self._owner.guard.check_now():
            return
        cart = self._owner.cart
        if tender.kind is not TenderKind.CASH:
            if cart.cash_only_accounts:
                entry.refuse(
                    translate(
                        "counter_lines", "Account {cash_only_accounts} is cash only. Esc, then F5 for cash."
                    ).format(cash_only_accounts=cart.cash_only_accounts[0])
                )
                return
            most = cart.total - cart.non_cash
            if tender.amount > most:
                entry.refuse(
                    translate(
                        "counter_lines", "A {label} can be for at most {most}: change is given only from cash."
                    ).format(label=tender.kind.shown.lower(), most=most.display())
                )
                return
        cart.add_tender(tender)
        self._owner.refresh()
        entry.hide()
        applied = f"{tender.shown}: {tender.amount.display()}."
        change = cart.change
        if cart.remaining.cents:
            self._owner.say(
                translate(
                    "counter_lines", "{applied} Still to pay: {remaining} (F5 cash, F6 check, F7 card, F8 money order)."
                ).format(applied=applied, remaining=cart.remaining.display())
            )
        elif change is not None and change.cents:
            self._owner.say(
                translate("counter_lines", "{applied} Change due: {change}. F12 posts the receipt.").format(
                    applied=applied, change=change.display()
                )
            )
        else:
            self._owner.say(
                translate("counter_lines", "{applied} Paid in full. F12 posts the receipt.").format(applied=applied)
            )
        self._owner.home()

    def remove_tender(self, row: int) -> None:
        if not (0 <= row < len(self._owner.cart.tenders)) or self._owner.asking:
            return
        tender = self._owner.cart.remove_tender(row)
        self._owner.refresh()
        self._owner.say(
            translate("counter_lines", "Removed: {describe}, {amount}. Still to pay: {remaining}.").format(
                describe=tender.shown,
                amount=tender.amount.display(),
                remaining=self._owner.cart.remaining.display(),
            )
        )
        if self._owner.cart.tenders:
            self._owner.tenders_view.setCurrentIndex(
                self._owner.tenders_model.index(min(row, len(self._owner.cart.tenders) - 1), 0)
            )
        else:
            self._owner.home()
