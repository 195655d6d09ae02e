"""F12 at the counter: the receipt is checked on screen (paid in full, a supervisor's approval for a
closed account, a yes for more than is owed), posted through `services.payments.post_receipt` in
one unit of work, and the change due shown large. Printing is someone else's job (`ui.print_queue`):
the counter's `posted` signal says a receipt is waiting. The counter is `ui.counter.CounterScreen`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from cashdesk.domain.security import OverrideAction
from cashdesk.ui.i18n import translate
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.domain.money import Money
    from cashdesk.services.posted import PostedReceipt
    from cashdesk.ui.counter import CounterScreen

log = logging.getLogger(__name__)


class CounterPosting:
    """Posts the counter's receipt (F12) and shows what the customer gets back."""

    def __init__(self, owner: CounterScreen) -> None:
        self._owner = owner

    def post(self) -> None:
        """F12: the receipt is posted in one unit of work; printing follows in the background."""
        counter = self._owner
        if not counter.may_pay() or not counter.lines.take_cash_shown():
            return
        cart = counter.cart
        if not cart.lines:
            counter.say(translate("counter_posting", "Nothing to post: the receipt is empty."), error=True)
            counter.home()
            return
        if cart.remaining.cents:
            counter.say(
                translate(
                    "counter_posting", "{remaining} is still to be paid: F5 cash, F6 check, F7 card, F8 money order."
                ).format(remaining=cart.remaining.display()),
                error=True,
            )
            counter.home()
            return
        closed = cart.closed_accounts
        if closed:
            counter.ask_approval(OverrideAction.CLOSED_ACCOUNT, closed[0], lambda approval_id: self._post(approval_id))
            return
        self._post(None)

    def _post(self, approval_id: int | None) -> None:
        from cashdesk.services.context import DatabaseError
        from cashdesk.services.drawers import NoOpenDrawer
        from cashdesk.services.payments import ExcessNeedsConfirmation, post_receipt

        counter = self._owner
        operator = counter.operator
        assert operator is not None

        def no_drawer(exc: NoOpenDrawer) -> None:
            counter.say(str(exc), error=True)
            counter.set_drawer(None)
            counter.drawer_needed.emit()

        def not_posted(text: str) -> None:
            counter.say(text, error=True)
            counter.home()

        # On the GUI thread, through the runner's synchronous path: posting takes milliseconds, and
        # the keys a cashier types next (the next stub, F12 again) must find the receipt posted.
        # A full disk or a read-only file (DatabaseError) is said in words, like a refusal.
        cart = counter.cart.to_cart(counter.payer_entry.payer)
        Operation(
            counter,
            lambda: post_receipt(counter.ctx, operator, cart, list(counter.cart.tenders), approval_id=approval_id),
            failed=translate(
                "counter_posting",
                "The payment was not posted ({exc}). Nothing was saved: try F12 again, or call your supervisor.",
            ),
            log_as="posting failed",
        ).handle(
            ExcessNeedsConfirmation, lambda exc: self._ask_excess_at_post(exc.account, exc.excess, approval_id)
        ).handle(NoOpenDrawer, no_drawer).handle(DatabaseError, lambda exc: not_posted(str(exc))).success(
            self._posted
        ).failure(not_posted).run_now()

    def _ask_excess_at_post(self, account: str, excess: Money, approval_id: int | None) -> None:
        counter = self._owner

        def answered(yes: bool) -> None:
            if yes:
                counter.cart.keep_excess(account)
                counter.refresh()
                self._post(approval_id)
                return
            counter.say(
                translate(
                    "counter_posting",
                    "Not posted: change the amount for account {account} (Delete its line, then add it again).",
                ).format(account=account),
                error=True,
            )
            counter.home()

        counter.ask_yes_no(
            translate("counter_posting", "More than is owed"),
            translate(
                "counter_posting",
                "{excess} is more than account {account} owes.\n\nKeep {excess} as a credit on the account?",
            ).format(excess=excess.display(), account=account),
            answered,
            name="keepCreditQuestion",
            informative=translate("counter_posting", "Y: yes, keep it as a credit.  N: no, change the amount."),
        )

    def _posted(self, posted: PostedReceipt) -> None:
        counter = self._owner
        counter.last_receipt = posted.number
        counter.last_posted = posted
        counter.cart.clear()
        counter.close_entries()
        counter.refresh()
        counter.inquiry.reset()
        change = posted.change
        counter.change_caption.setText(
            translate("counter_posting", "Change due")
            if change.cents
            else translate("counter_posting", "No change due")
        )
        counter.change_label.setText(change.display())
        counter.posted_label.setText(
            translate(
                "counter_posting",
                "Receipt {number} posted: {total} paid, {tendered} tendered. The receipt is on its way to the printer.",
            ).format(number=posted.number, total=posted.total.display(), tendered=posted.tendered.display())
        )
        counter.change_box.show()
        counter.say(
            translate("counter_posting", "Posted {number}. Next customer: scan the stub or search.").format(
                number=posted.number
            )
        )
        counter.shift.refresh_position()
        log.info("posted %s: %s", posted.number, posted.total.display())
        counter.home()
        counter.posted.emit(posted)
