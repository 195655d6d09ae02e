"""Receipts as printed: the document of a receipt, its ESC/POS bytes, and its print jobs.

A counter payment queues its receipt unrendered: the posting stores the receipt's document
(`unrendered`, a few hundred bytes of JSON after a marker no ESC/POS job starts with), and the
print worker renders it just before it goes out, storing the bytes in the same transaction that
marks the job "printing" (services/printing.py). Rendering is a fifth of a payment's time and
needs no lock, so the posting's transaction no longer waits for it. The posting writes the
document's JSON from what it holds (`posted_payload`) and looks at its texts (a whole card number
refuses the payment, as before); the worker makes the document from it and checks it again
(`stored_doc`). The bytes stored are the bytes sent: a retry after a crash sends the same ones.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cashdesk import resource_files
from cashdesk.devices.drawer import drawer_kick
from cashdesk.devices.logo import LogoError, logo_raster
from cashdesk.devices.receipt import (
    AccountLine,
    Letterhead,
    MiscLine,
    PartLine,
    ReceiptDoc,
    TenderLine,
    render_escpos,
)
from cashdesk.domain.cards import contains_card_number
from cashdesk.domain.money import Money
from cashdesk.domain.printed_text import ENGLISH, SPANISH, time_text
from cashdesk.domain.receipts import memo_notes, tax_breakdown
from cashdesk.domain.row_digests import compact_json
from cashdesk.domain.tenders import TenderKind
from cashdesk.services.context import ServiceContext
from cashdesk.services.posted import PostedReceipt
from cashdesk.store import print_jobs
from cashdesk.store.driver import Driver, driver
from cashdesk.store.models import AccountRow, OpenItemRow, ReceiptLineRow, ReceiptRow, RevenueCodeRow, TenderRow

log = logging.getLogger(__name__)

#: What an unrendered receipt job's payload starts with; an ESC/POS job starts with ESC @.
UNRENDERED = b"cashdesk-receipt-doc/1\n"


def _letterhead(ctx: ServiceContext) -> Letterhead:
    city = ctx.settings.city
    return Letterhead(city.name, city.department, (city.address,), city.phone)


def _footer(ctx: ServiceContext, language: str = ENGLISH) -> tuple[str, ...]:
    """The settings' last lines: `receipt.footer`, or `receipt.footer_es` on a Spanish receipt."""
    text = ctx.settings.receipt.footer_es if language == SPANISH else ctx.settings.receipt.footer
    return tuple(line for line in text.splitlines() if line.strip())


def _number_and_code(kind: str, reference: str) -> tuple[str, str]:
    """What a tender's reference is on the receipt: (a check or money-order number, the card
    terminal's approval code)."""
    return reference if kind in ("check", "money_order") else "", reference if kind == "card" else ""


def _tender_line(kind: str, amount: Money, reference: str, brand: str, last4: str) -> TenderLine:
    """A tender as the receipt shows it."""
    number, code = _number_and_code(str(kind), reference)
    return TenderLine(TenderKind(str(kind)), amount, number=number, card_brand=brand, card_last4=last4,
                      auth_code=code)  # fmt: skip


def _local(ctx: ServiceContext, utc_naive: dt.datetime, language: str = ENGLISH) -> str:
    zone = ZoneInfo(ctx.settings.city.time_zone)
    return time_text(language, utc_naive.replace(tzinfo=dt.UTC).astimezone(zone))


def receipt_doc(session: Session, ctx: ServiceContext, receipt: ReceiptRow, *, reprint: bool = False,
                void: bool = False, approved_by: str = "") -> ReceiptDoc:  # fmt: skip
    """The receipt as it was posted, from the database, in the language it was printed in (`receipts.language`).
    Balances are as of the posting."""
    language = receipt.language
    accounts: list[AccountLine] = []
    misc: list[MiscLine] = []
    lines = session.scalars(
        select(ReceiptLineRow).where(ReceiptLineRow.receipt_id == receipt.id).order_by(ReceiptLineRow.line_no)
    )
    for line in lines:
        if line.kind == "misc":
            code = session.get(RevenueCodeRow, line.revenue_code)
            misc.append(MiscLine(line.revenue_code or "", code.description if code else "", Money(line.amount_cents),
                                 line.memo))  # fmt: skip
            continue
        account = session.get(AccountRow, line.account_id)
        assert account is not None
        parts = _tax_parts(session, line.id) if account.kind == "sales_tax" else ()
        accounts.append(AccountLine(account.number, account.name, Money(line.amount_cents),
                                    _balance_after(session, account, receipt), parts,
                                    memo_notes(line.memo)))  # fmt: skip
    tenders = [
        _tender_line(t.kind, Money(t.amount_cents), t.reference, t.card_brand, t.card_last4)
        for t in session.scalars(select(TenderRow).where(TenderRow.receipt_id == receipt.id).order_by(TenderRow.id))
    ]
    cash = Money.total(t.amount for t in tenders if t.kind == "cash")
    footer = _footer(ctx, language)
    return ReceiptDoc(
        letterhead=_letterhead(ctx), receipt_number=receipt.number, local_time=_local(ctx, receipt.posted_at, language),
        station=receipt.station, cashier=receipt.cashier, accounts=tuple(accounts), misc=tuple(misc),
        tenders=tuple(tenders), total=Money(receipt.total_cents), cash_tendered=cash,
        change=Money(receipt.change_cents), payer=receipt.payer, footer=footer, reprint=reprint,
        void=void, void_reason=receipt.void_reason if void else "",
        void_time=_local(ctx, receipt.voided_at, language) if void and receipt.voided_at else "",
        void_approver=approved_by, language=language,
    )  # fmt: skip


def _tax_parts(session: Session, line_id: int) -> tuple[PartLine, ...]:
    """What a tax account's line paid, by period and kind, as posted (a void's reversing rows left out)."""
    from cashdesk.store.models import AllocationRow

    paid = session.execute(
        select(OpenItemRow.period, OpenItemRow.revenue_code, OpenItemRow.description, AllocationRow.amount_cents)
        .join(AllocationRow, AllocationRow.open_item_id == OpenItemRow.id)
        .where(AllocationRow.receipt_line_id == line_id, AllocationRow.reverses_id.is_(None))
        .order_by(AllocationRow.id)
    )  # fmt: skip
    return tuple(PartLine(label, amount) for label, amount in
                 tax_breakdown((period, code, text, Money(cents)) for period, code, text, cents in paid))  # fmt: skip


def _balance_after(session: Session, account: AccountRow, receipt: ReceiptRow) -> Money:
    """What the account owed right after this receipt: now, plus what later receipts paid."""
    from cashdesk.store.models import AllocationRow

    owed = session.scalar(select(func.coalesce(func.sum(OpenItemRow.amount_cents - OpenItemRow.paid_cents), 0))
                          .where(OpenItemRow.account_id == account.id)) or 0  # fmt: skip
    later = session.scalar(
        select(func.coalesce(func.sum(AllocationRow.amount_cents), 0))
        .join(ReceiptLineRow, ReceiptLineRow.id == AllocationRow.receipt_line_id)
        .where(ReceiptLineRow.account_id == account.id, ReceiptLineRow.receipt_id > receipt.id)
    ) or 0  # fmt: skip
    later_credit = session.scalar(
        select(func.coalesce(func.sum(ReceiptLineRow.credit_cents), 0))
        .join(ReceiptRow, ReceiptRow.id == ReceiptLineRow.receipt_id)
        .where(ReceiptLineRow.account_id == account.id, ReceiptLineRow.receipt_id > receipt.id,
               ReceiptRow.status == "posted")
    ) or 0  # fmt: skip
    return Money(int(owed) + int(later) - (account.credit_cents - int(later_credit)))


def _render(ctx: ServiceContext, doc: ReceiptDoc) -> bytes:
    return render_escpos(doc, profile=ctx.settings.printer.profile, width_chars=ctx.settings.printer.width,
                         logo=receipt_logo(ctx))  # fmt: skip


def receipt_logo(ctx: ServiceContext) -> bytes:
    """The logo's print command when the settings ask for one (`receipt.logo`), else nothing. A logo
    that cannot be read is left off, and the log says why: the receipt itself always prints."""
    settings = ctx.settings
    if not settings.receipt.logo:
        return b""
    try:
        return logo_raster(settings.receipt.logo_file or resource_files.receipt_logo(settings.printer.width))
    except (LogoError, resource_files.ResourceMissing) as exc:
        log.warning("a receipt printed without its logo: %s", exc)
        return b""


def _add_job(session: Session, ctx: ServiceContext, kind: str, payload: bytes, receipt_id: int | None) -> int:
    return print_jobs.add(driver(session), ctx.station, kind, receipt_id, payload, ctx.now().replace(tzinfo=None))


def posted_doc(ctx: ServiceContext, posted: PostedReceipt) -> ReceiptDoc:
    """The receipt of a payment being posted, from what the posting already holds (no queries)."""
    accounts = tuple(AccountLine(line.reference, line.name, line.amount, line.balance_left or Money(0),
                                 tuple(PartLine(label, amount) for label, amount in line.parts), line.notes)
                     for line in posted.lines if line.kind == "account")  # fmt: skip
    misc = tuple(MiscLine(line.reference, line.name, line.amount) for line in posted.lines if line.kind == "misc")
    tenders = tuple(_tender_line(t.kind, t.amount, t.reference, t.card_brand, t.card_last4) for t in posted.tenders)
    language = posted.language
    footer = _footer(ctx, language)
    return ReceiptDoc(
        letterhead=_letterhead(ctx), receipt_number=posted.number,
        local_time=_local(ctx, posted.posted_at.astimezone(dt.UTC).replace(tzinfo=None), language),
        station=posted.station,
        cashier=posted.cashier, accounts=accounts, misc=misc, tenders=tenders, total=posted.total,
        cash_tendered=Money.total(t.amount for t in posted.tenders if t.kind.value == "cash"), change=posted.change,
        payer=posted.payer, footer=footer, language=language,
    )  # fmt: skip


def queue_posted(db: Driver, ctx: ServiceContext, posted: PostedReceipt) -> tuple[int, ...]:
    """The receipt of a payment being posted, then the drawer kick as its own job (driver level, like the posting)."""
    at = ctx.now().replace(tzinfo=None)
    # The receipt as a document, not yet its bytes: the print worker renders it (render_stored).
    ids = [print_jobs.add(db, ctx.station, "receipt", posted.id, posted_payload(ctx, posted), at)]
    if posted.drawer_kick:
        ids.append(print_jobs.add(db, ctx.station, "drawer_kick", posted.id,
                                         drawer_kick(ctx.settings.drawer.pin), at))  # fmt: skip
    if ctx.settings.printer.slip_station:
        for tender in posted.tenders:
            if tender.kind is TenderKind.CHECK:
                ids.append(print_jobs.add(db, ctx.station, "endorsement", posted.id,
                                                 _endorsement(ctx, posted.number, tender.reference), at))  # fmt: skip
    return tuple(ids)


def _endorsement(ctx: ServiceContext, receipt_number: str, check_number: str) -> bytes:
    """ "For deposit only" on the back of a check, at the slip station (devices/endorsement.py)."""
    from cashdesk.devices.endorsement import endorsement_lines, render_endorsement

    st = ctx.settings
    lines = endorsement_lines(st.city.name, st.bank.name, st.bank.account, receipt_number, check_number)
    return render_endorsement(lines, profile=st.printer.profile)


def queue_void_slip(
    session: Session, ctx: ServiceContext, receipt: ReceiptRow, *, approved_by: str = ""
) -> tuple[int, ...]:
    """The void slip: the receipt's amounts, marked VOID, with the reason, the time and who approved it."""
    doc = receipt_doc(session, ctx, receipt, void=True, approved_by=approved_by)
    return (_add_job(session, ctx, "void_slip", _render(ctx, doc), receipt.id),)


# -- a receipt queued as its document -------------------------------------------------------------


def unrendered(doc: ReceiptDoc) -> bytes:
    """The receipt's document as a print job's payload, for the worker to render (`render_stored`)."""
    head = doc.letterhead
    return UNRENDERED + _payload_text(
        [head.city, head.department, list(head.address), head.phone],
        [doc.receipt_number, doc.local_time, doc.station, doc.cashier, doc.payer, doc.title],
        [[a.account_number, a.name, a.applied.cents, a.balance_left.cents, [[p.label, p.amount.cents] for p in a.parts],
          list(a.notes)] for a in doc.accounts],
        [[m.revenue_code, m.description, m.amount.cents, m.memo] for m in doc.misc],
        [[t.kind.value, t.amount.cents, t.number, t.card_brand, t.card_last4, t.auth_code] for t in doc.tenders],
        [doc.total.cents, doc.cash_tendered.cents, doc.change.cents],
        list(doc.footer),
        [doc.reprint, doc.void, doc.void_reason],
        doc.language,
    ).encode()  # fmt: skip


def posted_payload(ctx: ServiceContext, posted: PostedReceipt) -> bytes:
    """`unrendered(posted_doc(ctx, posted))`, the same bytes, written from what the posting holds
    without making the document (the print worker makes it, and checks it, when it renders).

    A whole card number in any of the receipt's texts refuses the payment, as the document does:
    the texts are looked at once, and the document is made to name the field only on a hit."""
    language = posted.language
    head = _letterhead(ctx)
    when = _local(ctx, posted.posted_at.astimezone(dt.UTC).replace(tzinfo=None), language)
    text = _payload_text(
        [head.city, head.department, list(head.address), head.phone],
        [posted.number, when, posted.station, posted.cashier, posted.payer, "RECEIPT"],
        [[line.reference, line.name, line.amount.cents, line.balance_left.cents if line.balance_left else 0,
          [[label, amount.cents] for label, amount in line.parts], list(line.notes)]
         for line in posted.lines if line.kind == "account"],
        [[line.reference, line.name, line.amount.cents, ""] for line in posted.lines if line.kind == "misc"],
        [[t.kind.value, t.amount.cents, number, t.card_brand, t.card_last4, code]
         for t in posted.tenders for number, code in (_number_and_code(t.kind.value, t.reference),)],
        [posted.total.cents, sum(t.amount.cents for t in posted.tenders if t.kind.value == "cash"),
         posted.change.cents],
        list(_footer(ctx, language)),
        [False, False, ""],
        language,
    )  # fmt: skip
    if contains_card_number(text):
        posted_doc(ctx, posted)  # refuses, naming the field (devices/receipt.py)
    return UNRENDERED + text.encode()


def _payload_text(head: list[object], receipt: list[object], accounts: list[object], misc: list[object],
                  tenders: list[object], money: list[int], footer: list[str], marks: list[object],
                  language: str) -> str:  # fmt: skip
    """The stored document's JSON (read back by `stored_doc`)."""
    return compact_json([head, receipt, accounts, misc, tenders, money, footer, marks, [language]])


def is_unrendered(payload: bytes) -> bool:
    return payload.startswith(UNRENDERED)


def stored_doc(payload: bytes) -> ReceiptDoc:
    """The document `unrendered` stored (checked again as any receipt is)."""
    head, (number, local_time, station, cashier, payer, title), accounts, misc, tenders, money, footer, marks, *more = (
        json.loads(payload[len(UNRENDERED) :])
    )
    total, cash, change = money
    reprint, void, void_reason = marks
    language = more[0][0] if more else ENGLISH  # a job queued before languages is English
    return ReceiptDoc(
        letterhead=Letterhead(head[0], head[1], tuple(head[2]), head[3]), receipt_number=number,
        local_time=local_time, station=station, cashier=cashier,
        accounts=tuple(AccountLine(n, name, Money(a), Money(b), tuple(PartLine(label, Money(c)) for label, c in
                                                                      (rest[0] if rest else ())),
                                   tuple(rest[1]) if len(rest) > 1 else ())
                       for n, name, a, b, *rest in accounts),  # a job queued before breakdowns (notes) has none
        misc=tuple(MiscLine(code, text, Money(a), memo) for code, text, a, memo in misc),
        tenders=tuple(TenderLine(TenderKind(k), Money(a), number=ref, card_brand=brand, card_last4=last4,
                                 auth_code=auth) for k, a, ref, brand, last4, auth in tenders),
        total=Money(total), cash_tendered=Money(cash), change=Money(change), payer=payer, footer=tuple(footer),
        title=title, reprint=reprint, void=void, void_reason=void_reason, language=language,
    )  # fmt: skip


def render_stored(ctx: ServiceContext, payload: bytes) -> bytes:
    """The bytes to send for a job's payload: an unrendered receipt rendered now, anything else as it is."""
    return _render(ctx, stored_doc(payload)) if is_unrendered(payload) else payload
