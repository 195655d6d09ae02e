"""An account statement for a customer: bills, payments, fees and adjustments of a date range,
with the balance brought forward and a running balance, from the account's history. Drawn by the
report PDF (documents/report_pdf.py), so it looks like every other report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cashdesk.documents.report_pdf import report_pdf
from cashdesk.domain.accounts import normalize_account_number
from cashdesk.domain.money import Money
from cashdesk.domain.report_def import Column, Kind, Report, ReportDefinition
from cashdesk.domain.security import Permission
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.files import write_atomically
from cashdesk.services.reports import check_range
from cashdesk.services.z_report import reports_folder
from cashdesk.store.driver import driver

STATEMENT = ReportDefinition(
    "statement", "Account statement", "Bills, payments, fees and adjustments, with the running balance",
    (Column("date", "Date"), Column("entry", "Entry"), Column("description", "Description"),
     Column("reference", "Reference"), Column("charges", "Charges", Kind.MONEY, total=True),
     Column("payments", "Payments and credits", Kind.MONEY, total=True), Column("balance", "Balance", Kind.MONEY)),
)  # fmt: skip


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


def account_statement(ctx: ServiceContext, operator: Operator, account: str, start: dt.date | None,
                      end: dt.date | None) -> Statement:  # fmt: skip
    operator.require(Permission.LOOK_UP_ACCOUNTS, "print account statements")
    first, last = check_range(start, end)
    number = normalize_account_number(account)
    with ctx.db.unit_of_work(write=False) as uow:
        db = driver(uow.session)
        found = db.one("SELECT id, name, mailing_address, service_address FROM accounts WHERE number = ?", (number,))
        if found is None:
            raise ServiceError(f"There is no account {account.strip()!r}. Check the number on the bill.")
        account_id, name, mailing, service = found
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
    notes = (f"Account {number}  {name}", mailing or service,
             f"Balance brought forward on {first}: {Money(opening).display()}    "
             f"Balance on {last}: {Money(balance).display()}")  # fmt: skip
    report = Report(STATEMENT, first, last, tuple(lines), notes=notes)
    return Statement(number, name, mailing or service, Money(opening), Money(balance), tuple(lines), report)


def write_statement(ctx: ServiceContext, statement: Statement, folder: Path | None = None) -> Path:
    """The statement's PDF in `folder` (None: the reports folder, made if need be), written whole or not at all."""
    if folder is None:
        folder = reports_folder(ctx)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ServiceError(f"The reports folder {folder} could not be made: {exc.strerror or exc}.") from None
    if not folder.is_dir():
        raise ServiceError(f"The folder {folder} does not exist. Make it first, or name another with --out.")
    r = statement.report
    path = folder / f"statement-{statement.account}-{r.start.isoformat()}-{r.end.isoformat()}.pdf"
    try:
        write_atomically(path, report_pdf(r, ctx.settings.city.name))
    except OSError as exc:
        raise ServiceError(f"The statement could not be written to {folder}: {exc.strerror or exc}.") from None
    return path


__all__ = ["STATEMENT", "Statement", "account_statement", "entry_of", "write_statement"]
