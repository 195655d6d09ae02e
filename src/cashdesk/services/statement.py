"""An account statement for a customer: bills, payments, fees and adjustments of a date range,
with the balance brought forward and a running balance, from the account's history. Drawn by the
report PDF (documents/report_pdf.py), so it looks like every other report."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from cashdesk.documents.report_pdf import report_pdf
from cashdesk.domain.accounts import normalize_account_number
from cashdesk.domain.money import Money
from cashdesk.domain.printed_text import ENGLISH, date_text, money, phrase, say
from cashdesk.domain.report_def import Column, Kind, Report, ReportDefinition
from cashdesk.domain.security import Permission
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.files import write_atomically
from cashdesk.services.reports import check_range
from cashdesk.services.z_report import reports_folder
from cashdesk.store.driver import driver
from cashdesk.words import translate


def _definition(language: str) -> ReportDefinition:
    """The statement's title and columns in the customer's language (the CSV keys stay English)."""
    w = functools.partial(say, language)
    return ReportDefinition(
        "statement", w("Account statement"), w("Bills, payments, fees and adjustments, with the running balance"),
        (Column("date", w("Date")), Column("entry", w("Entry")), Column("description", w("Description")),
         Column("reference", w("Reference")), Column("charges", w("Charges"), Kind.MONEY, total=True),
         Column("payments", w("Payments and credits"), Kind.MONEY, total=True),
         Column("balance", w("Balance"), Kind.MONEY)),
    )  # fmt: skip


STATEMENT = _definition(ENGLISH)


def entry_of(kind: str, description: str) -> str:
    """bill, fee, payment or adjustment: what the customer calls each line of the history."""
    if kind == "bill":
        return "fee" if "fee" in description.lower() else "bill"
    if kind in ("payment", "void", "refund"):
        return "payment" if kind == "payment" else f"payment {kind}"
    return "adjustment" if kind in ("adjustment", "return") else kind


@dataclass(frozen=True, slots=True)
class Statement:
    account: str
    name: str
    address: str
    opening: Money
    closing: Money
    lines: tuple[tuple[str, str, str, str, int | None, int | None, int], ...]
    report: Report
    language: str = ENGLISH  # the account's: what the PDF prints in (the screen shows `report`, in English)

    def printed(self) -> Report:
        """The statement as the customer's PDF prints it: in the account's language, its dates, entries
        and the services' own phrases translated; a bill's description from the billing system as it is."""
        if self.language == ENGLISH:
            return self.report
        language, r = self.language, self.report
        rows = tuple((date_text(language, dt.date.fromisoformat(day)), say(language, entry) if entry in _ENTRIES
                      else entry, phrase(language, description), reference, charge, paid, balance)
                     for day, entry, description, reference, charge, paid, balance in self.lines)  # fmt: skip
        return Report(_definition(language), r.start, r.end, rows,
                      notes=_notes(language, self.account, self.name, self.address, r.start, r.end,
                                   self.opening, self.closing))  # fmt: skip


def account_statement(ctx: ServiceContext, operator: Operator, account: str, start: dt.date | None,
                      end: dt.date | None) -> Statement:  # fmt: skip
    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("statement", "print account statements"))
    first, last = check_range(start, end)
    number = normalize_account_number(account)
    with ctx.db.unit_of_work(write=False) as uow:
        db = driver(uow.session)
        found = db.one("SELECT id, name, mailing_address, service_address, language FROM accounts WHERE number = ?",
                       (number,))  # fmt: skip
        if found is None:
            raise ServiceError(
                translate("statement", "There is no account {account!r}. Check the number on the bill.").format(
                    account=account.strip()
                )
            )
        account_id, name, mailing, service, language = found
        before = db.one("SELECT coalesce(sum(amount_cents), 0) FROM account_history WHERE account_id = ? "
                        "AND on_date < ? AND kind <> 'note'", (account_id, db.value(first)))  # fmt: skip
        history = db.all("SELECT on_date, kind, description, reference, amount_cents FROM account_history "
                         "WHERE account_id = ? AND on_date >= ? AND on_date <= ? AND kind <> 'note' "
                         "ORDER BY on_date, id", (account_id, db.value(first), db.value(last)))  # fmt: skip
    opening = int(before[0]) if before else 0
    balance = opening
    lines = []
    for on_date, kind, description, reference, cents in history:
        balance += int(cents)
        charge, paid = (int(cents), None) if cents > 0 else (None, -int(cents))
        lines.append((str(on_date)[:10], entry_of(kind, description), description, reference, charge, paid, balance))
    notes = _notes(ENGLISH, number, name, mailing or service, first, last, Money(opening), Money(balance))
    report = Report(STATEMENT, first, last, tuple(lines), notes=notes)
    return Statement(number, name, mailing or service, Money(opening), Money(balance), tuple(lines), report,
                     language)  # fmt: skip


_ENTRIES = frozenset({"bill", "fee", "payment", "payment void", "payment refund", "adjustment"})


def _notes(language: str, number: str, name: str, address: str, first: dt.date, last: dt.date, opening: Money,
           closing: Money) -> tuple[str, ...]:  # fmt: skip
    """The lines under the title: the account, its address, the balances brought forward and at the end."""
    return (say(language, "Account {number}  {name}", number=number, name=name), address,
            say(language, "Balance brought forward on {start}: {opening}    Balance on {end}: {closing}",
                start=date_text(language, first), opening=money(language, opening), end=date_text(language, last),
                closing=money(language, closing)))  # fmt: skip


def write_statement(ctx: ServiceContext, statement: Statement, folder: Path | None = None) -> Path:
    """The statement's PDF in `folder` (None: the reports folder, made if need be), written whole or not at all."""
    if folder is None:
        folder = reports_folder(ctx)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ServiceError(
                translate("statement", "The reports folder {folder} could not be made: {strerror}.").format(
                    folder=folder, strerror=exc.strerror or exc
                )
            ) from None
    if not folder.is_dir():
        raise ServiceError(
            translate(
                "statement", "The folder {folder} does not exist. Make it first, or name another with --out."
            ).format(folder=folder)
        )
    r = statement.printed()
    path = folder / f"statement-{statement.account}-{r.start.isoformat()}-{r.end.isoformat()}.pdf"
    try:
        write_atomically(path, report_pdf(r, ctx.settings.city.name, language=statement.language))
    except OSError as exc:
        raise ServiceError(
            translate("statement", "The statement could not be written to {folder}: {strerror}.").format(
                folder=folder, strerror=exc.strerror or exc
            )
        ) from None
    return path


__all__ = ["STATEMENT", "Statement", "account_statement", "entry_of", "write_statement"]
