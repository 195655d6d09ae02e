"""Posting a balanced mail batch's remittances: each account checked again (closed, cash only),
then one receipt each, allocated over the account's open items like a counter payment (on an
account with a payment arrangement, through the same hook: what is due on it first), any excess
kept as credit (services/mail_batches.post_batch)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from cashdesk.domain.accounts import OpenItem
from cashdesk.domain.allocation import allocate, priority_by
from cashdesk.domain.dates import stored_day
from cashdesk.domain.money import Money
from cashdesk.domain.receipts import line_memo
from cashdesk.domain.service_orders import deposit_paid
from cashdesk.domain.tenders import receipt_number
from cashdesk.services import arrangement_hooks
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.mail_entry import account_refusal
from cashdesk.services.mail_views import BATCH_ACCOUNTS, MailRefused
from cashdesk.store import mail_batches as mail_store
from cashdesk.store import posting as rows
from cashdesk.store.models import MailBatchRow
from cashdesk.words import translate


def postable_items(db: rows.Driver, batch: MailBatchRow) -> list[tuple[Any, ...]]:
    """The batch's entered remittances with their accounts, refused when one cannot post."""
    items = db.all(
        "SELECT i.id, i.seq, i.amount_cents, i.tender, i.check_number, i.payer, i.routing, i.bank_account, "
        "a.id, a.number, a.name, a.status, a.cash_only, a.cash_only_until, a.on_arrangement, a.language "
        "FROM mail_items i "
        "JOIN accounts a ON a.id = i.account_id WHERE i.batch_id = ? AND i.status = 'entered' ORDER BY i.seq",
        (batch.id,))  # fmt: skip
    total_count = db.one("SELECT count(*) FROM mail_items WHERE batch_id = ?", (batch.id,))
    if total_count is None or int(total_count[0]) != len(items):  # pragma: no cover - refused at entry
        raise MailRefused(
            translate("mail_posting", "Batch {number} has a remittance without an account: remove it first.").format(
                number=batch.number
            )
        )
    problems = []
    for r in items:
        paying = rows.PayingAccount(int(r[8]), r[9], r[10], r[11], bool(r[12]), stored_day(r[13]), 0)
        refusal = account_refusal(paying, r[3], batch.business_date)
        if refusal:
            problems.append(translate("mail_posting", "item {seq}: {refusal}").format(seq=r[1], refusal=refusal))
    if problems:
        raise MailRefused(
            translate("mail_posting", "Batch {number} cannot post: {problems}").format(
                number=batch.number, problems=" ".join(problems[:10])
            )
        )
    return items


def post_remittances(db: rows.Driver, ctx: ServiceContext, operator: Operator, batch: MailBatchRow,
                items: list[tuple[Any, ...]], posted_at: dt.datetime) -> list[str]:  # fmt: skip
    """One receipt per remittance, allocated like a counter payment; returns the receipt numbers."""
    station, day = ctx.station, batch.business_date
    codes = rows.revenue_codes(db)
    priority = priority_by(codes, ctx.settings.allocation.priorities)
    open_by_account: dict[int, list[OpenItem]] = defaultdict(list)
    for item in _open_items(db, batch.id):
        open_by_account[item[0]].append(item[1])
    description = f"Payment by mail, batch {batch.number}"
    numbers: list[str] = []
    done: list[tuple[int, int]] = []
    for r in items:
        item_id, amount, tender, check, payer, routing, bank_account, account_id = (
            int(r[0]), int(r[2]), r[3], r[4], r[5], r[6], r[7], int(r[8]))  # fmt: skip
        number = receipt_number(station, day.year, rows.next_receipt_number(db, station, day.year))
        receipt_id = rows.insert_receipt(
            db, number=number, station=station, drawer_id=None, cashier=operator.user_id,
            channel="mail", business_date=day, posted_at=posted_at, payer=payer, total=amount, tendered=amount,
            change=0, language=r[15],
        )  # fmt: skip
        open_items = open_by_account[account_id]
        paying = rows.PayingAccount(account_id, r[9], r[10], r[11], bool(r[12]), None, 0, on_arrangement=bool(r[14]))
        on_plan = paying.on_arrangement and arrangement_hooks.on_payment(
            db, ctx, operator.user_id, paying, open_items, priority, Money(amount), number, day, receipt_id=receipt_id
        )  # an account without an arrangement: not a statement more, as at the counter
        result, notes = on_plan if on_plan else (allocate(Money(amount), open_items, priority), ())
        line_id = rows.insert_account_line(db, receipt_id, 1, account_id, amount, result.credit.cents,
                                           line_memo(notes))  # fmt: skip
        rows.apply_allocations(db, line_id, result.lines)
        if result.lines:
            open_by_account[account_id] = _after(open_items, result.lines)
        if result.credit.cents:
            rows.add_credit(db, account_id, result.credit.cents)
        by_id = {item.id: item for item in open_items}
        deposit = deposit_paid(((by_id[i].revenue_code, a.cents) for i, a in result.lines), codes)
        if deposit:
            rows.add_deposit_held(db, account_id, deposit)
        rows.add_history(db, account_id, day, "payment", description, -amount, number)
        rows.insert_tenders(db, receipt_id, [(tender, amount, "" if tender == "cash" else check, "", "",
                                              routing, bank_account)])  # fmt: skip
        numbers.append(number)
        done.append((receipt_id, item_id))
    mail_store.items_posted(db, done)
    return numbers


def _open_items(db: rows.Driver, batch_id: int) -> list[tuple[int, OpenItem]]:
    """Every open item of the batch's accounts, in one query."""
    return [
        (int(r[0]), OpenItem(id=r[1], revenue_code=r[2], description=r[3], bill_date=stored_day(r[4]),
                             due_date=stored_day(r[5]), amount=Money(r[6]), paid=Money(r[7]), period=r[8]))  # type: ignore[arg-type]
        for r in db.all("SELECT account_id, id, revenue_code, description, bill_date, due_date, amount_cents, "
                        "paid_cents, period FROM open_items WHERE amount_cents > paid_cents AND account_id IN ("
                        + BATCH_ACCOUNTS + ")", (batch_id,))
    ]  # fmt: skip


def _after(items: list[OpenItem], paid: Sequence[tuple[int, Money]]) -> list[OpenItem]:
    """The items as the next remittance to the same account finds them."""
    more = dict((item_id, amount.cents) for item_id, amount in paid)
    return [dataclasses.replace(i, paid=Money(i.paid.cents + more[i.id])) if i.id in more else i for i in items]
