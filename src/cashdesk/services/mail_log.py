"""The mail log: documents received by mail that are not payments (court documents,
applications, correspondence, …), each routed to a city division, and the printable daily log.

Logging is a cashier's duty (it goes with taking the mail); each entry records who logged it
and when, and is audited. Nothing is edited or deleted: a wrong entry is corrected by a new one
that says so in its notes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from cashdesk.domain.cards import contains_card_number
from cashdesk.domain.mail_log import MailLogEntry as MailLogEntry
from cashdesk.domain.security import Permission
from cashdesk.domain.text import text_problem
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.store.models import MailLogRow
from cashdesk.words import QT_TRANSLATE_NOOP, translate

#: What a logged document usually is: offered as the clerk types (in the window's language; what is kept
#: is what was typed: any other short text is taken too).
DOCUMENT_TYPES = (
    QT_TRANSLATE_NOOP("mail_log", "Court document"),
    QT_TRANSLATE_NOOP("mail_log", "Application"),
    QT_TRANSLATE_NOOP("mail_log", "Correspondence"),
    QT_TRANSLATE_NOOP("mail_log", "Legal notice"),
    QT_TRANSLATE_NOOP("mail_log", "Permit or licence form"),
    QT_TRANSLATE_NOOP("mail_log", "Tax form (no payment)"),
    QT_TRANSLATE_NOOP("mail_log", "Returned mail"),
    QT_TRANSLATE_NOOP("mail_log", "Other"),
)

#: Longest text per field (the columns' widths).
LIMITS = {"doc_type": 30, "sender": 120, "reference": 60, "notes": 300}
_CAPTIONS = {
    "doc_type": QT_TRANSLATE_NOOP("mail_log", "type"),
    "sender": QT_TRANSLATE_NOOP("mail_log", "from"),
    "reference": QT_TRANSLATE_NOOP("mail_log", "reference"),
    "notes": QT_TRANSLATE_NOOP("mail_log", "notes"),
}
#: How far back a document may be logged (mail found late, a log kept on paper during an outage).
MAX_DAYS_BACK = 31


class MailLogRefused(ServiceError):
    pass


def divisions(ctx: ServiceContext) -> tuple[str, ...]:
    """The city divisions a document can be routed to (setting `mail.divisions`)."""
    return ctx.settings.mail.divisions


def _entry(row: MailLogRow) -> MailLogEntry:
    return MailLogEntry(row.id, row.received_on, row.doc_type, row.sender, row.reference, row.routed_to, row.notes,
                        row.logged_by, row.logged_at.replace(tzinfo=dt.UTC))  # fmt: skip


def log_document(
    ctx: ServiceContext,
    operator: Operator,
    *,
    doc_type: str,
    sender: str,
    routed_to: str,
    reference: str = "",
    notes: str = "",
    received_on: dt.date | None = None,
) -> MailLogEntry:
    """Log one document received by mail and the division it goes to; audited as `mail_logged`."""
    operator.require(Permission.TAKE_PAYMENTS, translate("mail_log", "log the mail"))
    texts = {"doc_type": " ".join(doc_type.split()), "sender": " ".join(sender.split()),
             "reference": reference.strip(), "notes": " ".join(notes.split())}  # fmt: skip
    for key, text in texts.items():
        if contains_card_number(text):
            raise MailLogRefused(
                translate(
                    "mail_log",
                    "Never type a card number (in the {key}). If a card number came in the mail, black it "
                    "out on the paper; log the document without it.",
                ).format(key=translate("mail_log", _CAPTIONS[key]))
            )
        problem = text_problem(
            text, translate("mail_log", "{caption} field").format(caption=translate("mail_log", _CAPTIONS[key]))
        )
        if problem:
            raise MailLogRefused(problem)
        if len(text) > LIMITS[key]:
            raise MailLogRefused(
                translate("mail_log", "The {key} is too long: at most {limit} characters ({typed} typed).").format(
                    key=translate("mail_log", _CAPTIONS[key]), limit=LIMITS[key], typed=len(text)
                )
            )
    if not texts["doc_type"]:
        raise MailLogRefused(
            translate("mail_log", "Choose the kind of document (court document, application, correspondence, …).")
        )
    if not texts["sender"]:
        raise MailLogRefused(translate("mail_log", "Type who sent it (a person, a business, a court)."))
    known = divisions(ctx)
    division = next((d for d in known if d.casefold() == routed_to.strip().casefold()), None)
    if division is None:
        raise MailLogRefused(
            translate("mail_log", "Choose the division it goes to: {divisions}.").format(divisions=", ".join(known))
            if known
            else translate(
                "mail_log",
                "No divisions are set up for the mail log (setting mail.divisions): call your administrator.",
            )
        )
    today = ctx.today()
    day = received_on or today
    if day > today:
        raise MailLogRefused(
            translate(
                "mail_log", "The date received ({day:%m/%d/%Y}) is after today: mail cannot arrive tomorrow."
            ).format(day=day)
        )
    if (today - day).days > MAX_DAYS_BACK:
        raise MailLogRefused(
            translate(
                "mail_log",
                "The date received ({day:%m/%d/%Y}) is more than {MAX_DAYS_BACK} days ago: ask your "
                "supervisor how to log old mail.",
            ).format(day=day, MAX_DAYS_BACK=MAX_DAYS_BACK)
        )
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        row = MailLogRow(received_on=day, doc_type=texts["doc_type"], sender=texts["sender"],
                         reference=texts["reference"], routed_to=division, notes=texts["notes"],
                         logged_by=operator.user_id, logged_at=now.replace(tzinfo=None))  # fmt: skip
        s.add(row)
        s.flush()
        audit.record(s, user=operator.user_id, station=ctx.station, event_type="mail_logged",
                     object=f"mail log {row.id}",
                     details={"received_on": day.isoformat(), "type": row.doc_type, "routed_to": division,
                              "reference": row.reference},
                     at=now)  # fmt: skip
        entry = _entry(row)
        uow.commit()
    return entry


def entries_for(ctx: ServiceContext, operator: Operator, day: dt.date | None = None) -> tuple[MailLogEntry, ...]:
    """The documents logged as received on `day` (today by default), in the order they were logged."""
    operator.require(Permission.TAKE_PAYMENTS, translate("mail_log", "read the mail log"))
    day = day or ctx.today()
    with ctx.db.unit_of_work() as uow:
        rows = uow.session.scalars(select(MailLogRow).where(MailLogRow.received_on == day).order_by(MailLogRow.id))
        return tuple(_entry(row) for row in rows)


def mail_log_name(day: dt.date) -> str:
    return f"mail-log-{day.isoformat()}.pdf"


def daily_log_pdf(ctx: ServiceContext, operator: Operator, day: dt.date | None = None,
                  folder: Path | None = None) -> Path:  # fmt: skip
    """Save the day's mail log as mail-log-YYYY-MM-DD.pdf in `folder` (the reports folder by default),
    grouped by division with counts; the same entries give the same bytes. Audited as `mail_log_pdf`."""
    from cashdesk.documents.mail_log_pdf import mail_log_pdf
    from cashdesk.services.z_report import reports_folder, save_report

    operator.require(Permission.TAKE_PAYMENTS, translate("mail_log", "print the mail log"))
    day = day or ctx.today()
    zone = ZoneInfo(ctx.settings.city.time_zone)
    known = divisions(ctx)
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        rows = list(s.scalars(select(MailLogRow).where(MailLogRow.received_on == day).order_by(MailLogRow.id)))
        lines = [_entry(row) for row in rows]
        data = mail_log_pdf(day, ctx.settings.city.name, lines, known, zone)
        where = folder if folder is not None else reports_folder(ctx)
        try:
            target = save_report(where, mail_log_name(day), data)
        except OSError as exc:
            raise MailLogRefused(
                translate("mail_log", "Could not save the mail log PDF in {where}: {strerror}.").format(
                    where=where, strerror=exc.strerror or exc
                )
            ) from None
        audit.record(s, user=operator.user_id, station=ctx.station, event_type="mail_log_pdf",
                     object=f"mail log {day.isoformat()}",
                     details={"file": target.name, "folder": str(where), "documents": len(lines)},
                     at=ctx.now())  # fmt: skip
        uow.commit()
    return target


__all__ = [
    "DOCUMENT_TYPES", "MailLogEntry", "MailLogRefused", "daily_log_pdf", "divisions", "entries_for", "log_document",
    "mail_log_name",
]  # fmt: skip
