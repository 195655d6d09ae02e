"""A remittance as keyed or scanned into a mail batch: the stub's scan line, the check's MICR
line, the amount and the tender, checked before it meets the database, and the account it pays
(services/mail_batches.add_remittance)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cashdesk.domain import micr as micr_rules
from cashdesk.domain import scanline
from cashdesk.domain.accounts import AccountKind, AccountStatus, normalize_account_number
from cashdesk.domain.money import MAX_CENTS, Money
from cashdesk.domain.tenders import Tender, TenderError, TenderKind
from cashdesk.services.mail_views import MailRefused, check_text
from cashdesk.store import posting as rows
from cashdesk.words import translate

#: Cash that comes by mail is not keyed into a batch: it is taken at the counter into a drawer,
#: so it is counted with the drawer and goes to the bank with the drawer's cash.
MAIL_TENDERS = ("check", "money_order")


@dataclass(frozen=True, slots=True)
class Remittance:
    """A remittance as keyed or scanned, checked before it meets the database."""

    account: str  # as typed (or the stub's)
    number: str  # the account number, normalized
    amount: Money
    tender: str
    check_number: str
    payer: str
    routing: str
    bank_account: str
    stub: scanline.ScanLine | None
    scan_line: str


def _read_stub(scan_line: str, account: str) -> scanline.ScanLine | None:
    if not scan_line:
        return None
    try:
        stub = scanline.parse(scan_line)
    except scanline.ScanLineError as exc:
        raise MailRefused(str(exc)) from None
    if account and normalize_account_number(account).lstrip("0") != stub.account.lstrip("0"):
        raise MailRefused(
            translate(
                "mail_entry",
                "The stub is for account {account}, not {typed}. Scan the right stub or clear the account.",
            ).format(account=stub.account, typed=account)
        )
    return stub


def _read_micr(micr: str) -> micr_rules.Micr | None:
    if not micr:
        return None
    try:
        return micr_rules.parse(micr)
    except micr_rules.MicrError as exc:
        raise MailRefused(str(exc)) from None


def _check_amount_and_tender(amount: Money | None, tender: str) -> Money:
    if amount is None:
        raise MailRefused(translate("mail_entry", "Type the amount of the check."))
    if amount.cents <= 0:
        raise MailRefused(translate("mail_entry", "The amount must be more than $0.00."))
    if amount.cents > MAX_CENTS:
        raise MailRefused(
            translate("mail_entry", "The amount is over the largest allowed, {largest}.").format(
                largest=Money(MAX_CENTS).display()
            )
        )
    if tender == "cash":
        raise MailRefused(
            translate(
                "mail_entry", "Cash that came by mail is taken at the counter, into your drawer, not in a mail batch."
            )
        )
    if tender not in MAIL_TENDERS:
        raise MailRefused(translate("mail_entry", "A mail remittance is a check or a money order."))
    return amount


def read_remittance(scan_line: str, account: str, amount: Money | None, check_number: str, payer: str, micr: str,
                     tender: str) -> Remittance:  # fmt: skip
    scan_line, account, check_number, payer, micr = (t.strip() for t in (scan_line, account, check_number, payer, micr))
    payer = " ".join(payer.split())
    check_text(account, check_number, payer)
    stub = _read_stub(scan_line, account)
    if stub is not None:
        account = stub.account
        if amount is None:
            amount = stub.amount_due
    read = _read_micr(micr)
    routing, bank_account = (read.routing, read.account[:20]) if read is not None else ("", "")
    if read is not None:
        check_number = check_number or read.check_number
    number = normalize_account_number(account)
    if not number:
        raise MailRefused(translate("mail_entry", "Scan the stub or type the account number."))
    amount = _check_amount_and_tender(amount, tender)
    if len(payer) > 120:
        raise MailRefused(translate("mail_entry", "Keep the payer's name under 120 characters."))
    if tender == "check":
        check_number = check_number.lstrip("0") or ("0" if check_number else "")
    try:
        Tender(TenderKind(tender), amount, "" if tender == "cash" else check_number, routing=routing,
               bank_account=bank_account)  # fmt: skip
    except TenderError as exc:
        raise MailRefused(str(exc)) from None
    return Remittance(account, number, amount, tender, check_number, payer, routing, bank_account, stub,
                       scan_line if stub else "")  # fmt: skip


def paying_account(db: rows.Driver, r: Remittance, day: dt.date) -> rows.PayingAccount:
    """The account the remittance pays, refused when it cannot take it."""
    paying = rows.paying_account(db, r.number)
    if paying is None and r.stub is not None and r.number.lstrip("0") and r.number.lstrip("0") != r.number:
        # Stubs carry the account zero-padded to 10 digits; the city may write it shorter.
        paying = rows.paying_account(db, r.number.lstrip("0"))
    if paying is None:
        raise MailRefused(
            translate("mail_entry", "No account {account}. Check the number on the stub.").format(account=r.account)
        )
    mismatch = scanline.kind_mismatch(r.stub, paying.number, AccountKind(paying.kind)) if r.stub else ""
    if mismatch:
        raise MailRefused(mismatch)
    refusal = account_refusal(paying, r.tender, day)
    if refusal:
        raise MailRefused(refusal)
    return paying


def account_refusal(paying: rows.PayingAccount, tender: str, day: dt.date) -> str:
    if paying.status == AccountStatus.CLOSED.value:
        return translate(
            "mail_entry",
            "Account {number} is closed: set the remittance aside for a supervisor, who takes it at the counter.",
        ).format(number=paying.number)
    if tender != "cash" and paying.cash_only_on(day):
        return translate(
            "mail_entry",
            "Account {number} is cash only: its check cannot be taken. Set it aside to send back to the customer.",
        ).format(number=paying.number)
    return ""
