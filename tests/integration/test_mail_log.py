"""The mail log: documents that are not payments, logged with who and when, routed to a division,
audited; card numbers and unknown divisions refused; the daily log PDF read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from cashdesk.config import Settings
from cashdesk.domain.security import Role
from cashdesk.services.context import Operator, PermissionDenied, ServiceContext
from cashdesk.services.mail_log import MailLogRefused, daily_log_pdf, entries_for, log_document

#: 10:30 a.m. in the city (mountain standard time) on 11/26/2026.
NOW = dt.datetime(2026, 11, 26, 17, 30, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 26)
CASHIER = Operator("jcashier", Role.CASHIER)
ADMIN = Operator("admin", Role.ADMINISTRATOR)


@pytest.fixture
def ctx(db_path: Path) -> Iterator[ServiceContext]:
    context = ServiceContext.open(db_path, settings=Settings({"city.name": "City of Aurelia"}))
    context.clock = lambda: NOW
    yield context
    context.close()


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_a_document_is_logged_with_who_and_when_and_audited(ctx: ServiceContext, db_path: Path) -> None:
    entry = log_document(ctx, CASHIER, doc_type="Court document", sender="  Aurelia  County Court ",
                         reference="CV-2026-0142", routed_to="municipal court", notes="Summons, original")  # fmt: skip
    assert entry.received_on == TODAY and entry.routed_to == "Municipal Court"
    assert entry.sender == "Aurelia County Court" and entry.logged_by == "jcashier"
    assert rows(db_path, "SELECT received_on, doc_type, sender, reference, routed_to, notes, logged_by, logged_at "
                         "FROM mail_log") == [
        ("2026-11-26", "Court document", "Aurelia County Court", "CV-2026-0142", "Municipal Court",
         "Summons, original", "jcashier", "2026-11-26 17:30:00.000000"),
    ]  # fmt: skip
    ((event_type, user, obj, details),) = rows(
        db_path, "SELECT event_type, \"user\", object, details FROM audit_events WHERE event_type = 'mail_logged'"
    )
    assert (event_type, user, obj) == ("mail_logged", "jcashier", f"mail log {entry.id}")
    assert '"routed_to":"Municipal Court"' in str(details)
    assert entries_for(ctx, CASHIER) == (entry,)
    assert entries_for(ctx, CASHIER, TODAY - dt.timedelta(days=1)) == ()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"sender": "Ann Lee", "notes": "card 4111 1111 1111 1111 exp 12/29"}, "Never type a card number"),
        ({"sender": "4111111111111111"}, "Never type a card number"),
        ({"sender": "Ann Lee", "routed_to": "Dog Catcher"}, "Choose the division it goes to: Municipal Court"),
        ({"sender": "   "}, "Type who sent it"),
        ({"sender": "Ann Lee", "doc_type": ""}, "Choose the kind of document"),
        ({"sender": "x" * 121}, "The from is too long: at most 120"),
        ({"sender": "Ann Lee", "received_on": TODAY + dt.timedelta(days=1)}, "after today"),
        ({"sender": "Ann Lee", "received_on": TODAY - dt.timedelta(days=40)}, "more than 31 days ago"),
    ],
)
def test_bad_entries_are_refused_and_nothing_is_logged(
    ctx: ServiceContext, db_path: Path, fields: dict[str, object], message: str
) -> None:
    given: dict[str, object] = {"doc_type": "Correspondence", "routed_to": "City Clerk", **fields}
    with pytest.raises(MailLogRefused, match=message):
        log_document(ctx, CASHIER, **given)  # type: ignore[arg-type]
    assert rows(db_path, "SELECT count(*) FROM mail_log") == [(0,)]
    assert rows(db_path, "SELECT count(*) FROM audit_events WHERE event_type = 'mail_logged'") == [(0,)]


def test_an_administrator_does_not_log_mail(ctx: ServiceContext) -> None:
    with pytest.raises(PermissionDenied):
        log_document(ctx, ADMIN, doc_type="Correspondence", sender="Ann Lee", routed_to="City Clerk")


def test_the_daily_log_pdf_groups_the_days_documents_by_division_with_counts(
    ctx: ServiceContext, db_path: Path, tmp_path: Path
) -> None:
    log_document(ctx, CASHIER, doc_type="Correspondence", sender="Ann Lee", routed_to="Utility Billing",
                 reference="Acct 1000000017", notes="Asks for a payment plan")  # fmt: skip
    log_document(ctx, CASHIER, doc_type="Court document", sender="Aurelia County Court", routed_to="Municipal Court",
                 reference="CV-2026-0142")  # fmt: skip
    log_document(ctx, CASHIER, doc_type="Application", sender="Main Street Bakery LLC", routed_to="Utility Billing",
                 reference="New service")  # fmt: skip
    # Yesterday's document is not on today's log.
    log_document(ctx, CASHIER, doc_type="Correspondence", sender="Yesterday Person", routed_to="City Clerk",
                 received_on=TODAY - dt.timedelta(days=1))  # fmt: skip

    path = daily_log_pdf(ctx, CASHIER, folder=tmp_path / "reports")
    assert path == tmp_path / "reports" / "mail-log-2026-11-26.pdf"
    text = pdf_text(path)
    assert "City of Aurelia" in text and "DAILY MAIL LOG" in text
    assert "Documents received on Thursday, November 26, 2026" in text
    assert "Documents: 3" in text and "Total documents" in text
    # The configured order of the divisions: Municipal Court before Utility Billing.
    assert text.index("Municipal Court (1)") < text.index("Utility Billing (2)")
    assert "Utility Billing: 2 documents" in text and "Municipal Court: 1 document" in text
    assert "Aurelia County Court" in text and "CV-2026-0142" in text and "10:30 AM" in text
    assert "Notes: Asks for a payment plan" in text and "jcashier" in text
    assert "Yesterday Person" not in text and "City Clerk" not in text
    assert rows(db_path, "SELECT count(*) FROM audit_events WHERE event_type = 'mail_log_pdf'") == [(1,)]

    # The same day gives the same bytes.
    first = path.read_bytes()
    again = daily_log_pdf(ctx, CASHIER, folder=tmp_path / "again")
    assert again.read_bytes() == first


def test_an_empty_day_prints_a_log_that_says_so(ctx: ServiceContext, tmp_path: Path) -> None:
    path = daily_log_pdf(ctx, CASHIER, TODAY - dt.timedelta(days=3), folder=tmp_path)
    assert "No documents were logged on this day." in pdf_text(path)
