"""Typed SQLAlchemy 2.0 mappings. Money columns are integer cents (`*_cents`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
    event,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, mapped_column, relationship

from cashdesk import clock
from cashdesk.store import own_ids

utcnow = clock.utcnow_naive


class Base(DeclarativeBase):
    pass


class RevenueCodeRow(Base):
    __tablename__ = "revenue_codes"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    description: Mapped[str] = mapped_column(String(100))
    gl_account: Mapped[str] = mapped_column(String(40))
    category: Mapped[str] = mapped_column(String(20))
    priority: Mapped[int | None] = mapped_column(Integer)


class AccountRow(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(120))
    service_address: Mapped[str] = mapped_column(String(200), default="")
    mailing_address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    phone_digits: Mapped[str] = mapped_column(String(20), default="", index=True)
    status: Mapped[str] = mapped_column(String(20), default="active")
    cash_only: Mapped[bool] = mapped_column(Boolean, default=False)
    deposit_held_cents: Mapped[int] = mapped_column(Integer, default=0)
    licence_number: Mapped[str] = mapped_column(String(40), default="")
    filing_frequency: Mapped[str | None] = mapped_column(String(20))
    credit_cents: Mapped[int] = mapped_column(Integer, default=0)
    cash_only_until: Mapped[dt.date | None] = mapped_column(Date)  # set by a returned check
    # Set while the account has a requested or active payment arrangement (store/arrangements.py):
    # counter posting reads it with the account, so an account without one costs nothing more.
    on_arrangement: Mapped[bool] = mapped_column(Boolean, default=False)
    # What its receipts, statement and notice letters print in (domain/printed_text.py); counter
    # posting reads it with the account (store/posting.paying_account).
    language: Mapped[str] = mapped_column(String(2), default="en", server_default="en")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    items: Mapped[list[OpenItemRow]] = relationship(back_populates="account", order_by="OpenItemRow.due_date")

    __table_args__ = (
        CheckConstraint("kind IN ('utility', 'sales_tax')", name="ck_accounts_kind"),
        CheckConstraint("status IN ('active', 'shut_off', 'final', 'closed')", name="ck_accounts_status"),
        CheckConstraint("credit_cents >= 0", name="ck_accounts_credit"),
        CheckConstraint("language IN ('en', 'es')", name="ck_accounts_language"),
    )


class OpenItemRow(Base):
    __tablename__ = "open_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(40))
    revenue_code: Mapped[str] = mapped_column(ForeignKey("revenue_codes.code"))
    description: Mapped[str] = mapped_column(String(120), default="")
    period: Mapped[str] = mapped_column(String(10), default="")
    bill_date: Mapped[dt.date | None] = mapped_column(Date)
    due_date: Mapped[dt.date] = mapped_column(Date)
    amount_cents: Mapped[int] = mapped_column(Integer)
    paid_cents: Mapped[int] = mapped_column(Integer, default=0)

    account: Mapped[AccountRow] = relationship(back_populates="items")

    __table_args__ = (
        UniqueConstraint("account_id", "external_id", name="uq_open_items_external"),
        CheckConstraint("amount_cents >= 0", name="ck_open_items_amount"),
        CheckConstraint("paid_cents >= 0 AND paid_cents <= amount_cents", name="ck_open_items_paid"),
    )


class HistoryRow(Base):
    """What happened on an account: bills, payments, adjustments, notes."""

    __tablename__ = "account_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    on_date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(String(200), default="")
    amount_cents: Mapped[int] = mapped_column(Integer, default=0)
    reference: Mapped[str] = mapped_column(String(40), default="")

    __table_args__ = (Index("ix_account_history_account_date", "account_id", "on_date"),)


class UserRow(Base):
    """A person who signs in. Never deleted: a user who leaves is disabled."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), unique=True)
    full_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    disabled_reason: Mapped[str] = mapped_column(String(100), default="")
    last_sign_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    password_changed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (CheckConstraint("role IN ('cashier', 'supervisor', 'administrator')", name="ck_users_role"),)


class PasswordHistoryRow(Base):
    """Earlier password hashes of a user, so the last few are not used again."""

    __tablename__ = "password_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    set_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AuditEventRow(Base):
    """Append-only (triggers refuse UPDATE and DELETE); hash-chained (domain/audit.py)."""

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))  # UTC ISO 8601, exactly as hashed
    user: Mapped[str] = mapped_column(String(40))
    station: Mapped[str] = mapped_column(String(20))
    event_type: Mapped[str] = mapped_column(String(40), index=True)
    object: Mapped[str] = mapped_column(String(120), default="")
    success: Mapped[bool] = mapped_column(Boolean)
    details: Mapped[str] = mapped_column(String, default="{}")  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ApprovalRow(Base):
    """A supervisor's approval of one action, given with their password; used once."""

    __tablename__ = "approvals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(30))
    object: Mapped[str] = mapped_column(String(120), default="")
    requested_by: Mapped[str] = mapped_column(String(32))
    approved_by: Mapped[str] = mapped_column(String(32))
    station: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(200), default="")
    approved_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class DrawerRow(Base):
    """A cash drawer session: one cashier, one station, from the counted float to the close."""

    __tablename__ = "drawers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station: Mapped[str] = mapped_column(String(8))
    cashier: Mapped[str] = mapped_column(String(32))
    business_date: Mapped[dt.date] = mapped_column(Date)
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    opening_float_cents: Mapped[int] = mapped_column(Integer)
    opening_count: Mapped[str] = mapped_column(String, default="{}")  # pieces by denomination, JSON
    status: Mapped[str] = mapped_column(String(10), default="open")
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # What the drawer should hold now: float + cash in - change - drops - paid-outs (kept by each posting).
    cash_cents: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        CheckConstraint("status IN ('open', 'closed')", name="ck_drawers_status"),
        CheckConstraint("opening_float_cents >= 0", name="ck_drawers_float"),
    )


class ReceiptSequenceRow(Base):
    """The last receipt number used per station and year: numbers are gapless."""

    __tablename__ = "receipt_sequences"

    station: Mapped[str] = mapped_column(String(8), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class ReceiptRow(Base):
    __tablename__ = "receipts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    station: Mapped[str] = mapped_column(String(8))
    drawer_id: Mapped[int | None] = mapped_column(ForeignKey("drawers.id"), index=True)
    cashier: Mapped[str] = mapped_column(String(32))
    channel: Mapped[str] = mapped_column(String(10), default="counter")
    business_date: Mapped[dt.date] = mapped_column(Date, index=True)
    posted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    payer: Mapped[str] = mapped_column(String(120), default="")
    total_cents: Mapped[int] = mapped_column(Integer)
    tendered_cents: Mapped[int] = mapped_column(Integer)
    change_cents: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(10), default="posted")
    void_reason: Mapped[str] = mapped_column(String(200), default="")
    voided_by: Mapped[str] = mapped_column(String(32), default="")
    voided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    reprints: Mapped[int] = mapped_column(Integer, default=0)
    # The language it was printed in, so that a reprint or its void slip prints in it too.
    language: Mapped[str] = mapped_column(String(2), default="en", server_default="en")

    __table_args__ = (
        CheckConstraint("status IN ('posted', 'void')", name="ck_receipts_status"),
        CheckConstraint("language IN ('en', 'es')", name="ck_receipts_language"),
        CheckConstraint("tendered_cents - change_cents = total_cents", name="ck_receipts_balance"),
        CheckConstraint("change_cents >= 0", name="ck_receipts_change"),
    )


class ReceiptLineRow(Base):
    __tablename__ = "receipt_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipts.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))  # account or misc
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    revenue_code: Mapped[str | None] = mapped_column(ForeignKey("revenue_codes.code"))
    memo: Mapped[str] = mapped_column(String(200), default="")
    amount_cents: Mapped[int] = mapped_column(Integer)
    credit_cents: Mapped[int] = mapped_column(Integer, default=0)  # the part kept as account credit

    __table_args__ = (CheckConstraint("amount_cents > 0", name="ck_receipt_lines_amount"),)


class AllocationRow(Base):
    """Money applied to an open item; a void adds the negative row that points back."""

    __tablename__ = "allocations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receipt_line_id: Mapped[int] = mapped_column(ForeignKey("receipt_lines.id"), index=True)
    open_item_id: Mapped[int] = mapped_column(ForeignKey("open_items.id"), index=True)
    amount_cents: Mapped[int] = mapped_column(Integer)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("allocations.id"))


class TenderRow(Base):
    __tablename__ = "tenders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    amount_cents: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(20), default="")
    card_brand: Mapped[str] = mapped_column(String(12), default="")
    card_last4: Mapped[str] = mapped_column(String(4), default="")
    routing: Mapped[str] = mapped_column(String(9), default="")
    bank_account: Mapped[str] = mapped_column(String(20), default="")

    __table_args__ = (
        CheckConstraint("kind IN ('cash', 'check', 'money_order', 'card')", name="ck_tenders_kind"),
        CheckConstraint("amount_cents > 0", name="ck_tenders_amount"),
    )


class PrintJobRow(Base):
    """A receipt, slip or drawer kick waiting for the printer; written with the payment."""

    __tablename__ = "print_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station: Mapped[str] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(16))  # receipt, reprint, void_slip, drawer_kick, …
    receipt_id: Mapped[int | None] = mapped_column(ForeignKey("receipts.id"))
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(String(10), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    printed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    __table_args__ = (
        CheckConstraint("status IN ('queued', 'printing', 'printed', 'failed')", name="ck_print_jobs_status"),
        Index("ix_print_jobs_station_status", "station", "status"),
    )


class ReturnedCheckRow(Base):
    """A check the bank returned unpaid, recorded by a supervisor against its receipt."""

    __tablename__ = "returned_checks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipts.id"))
    tender_id: Mapped[int] = mapped_column(ForeignKey("tenders.id"), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    amount_cents: Mapped[int] = mapped_column(Integer)
    fee_item_id: Mapped[int] = mapped_column(ForeignKey("open_items.id"))
    reason: Mapped[str] = mapped_column(String(200))
    recorded_by: Mapped[str] = mapped_column(String(32))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class CashDropRow(Base):
    """Cash taken from a drawer to the safe during the shift, counted by denomination."""

    __tablename__ = "cash_drops"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    drawer_id: Mapped[int] = mapped_column(ForeignKey("drawers.id"), index=True)
    station: Mapped[str] = mapped_column(String(8))
    cashier: Mapped[str] = mapped_column(String(32))
    dropped_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    pieces: Mapped[str] = mapped_column(String, default="{}")  # pieces by denomination code, JSON
    amount_cents: Mapped[int] = mapped_column(Integer)

    __table_args__ = (CheckConstraint("amount_cents > 0", name="ck_cash_drops_amount"),)


class PaidOutRow(Base):
    """Cash paid out of a drawer (a refund of an overpayment), with a reason and an approval."""

    __tablename__ = "paid_outs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    drawer_id: Mapped[int] = mapped_column(ForeignKey("drawers.id"), index=True)
    station: Mapped[str] = mapped_column(String(8))
    cashier: Mapped[str] = mapped_column(String(32))
    paid_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    business_date: Mapped[dt.date] = mapped_column(Date)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    revenue_code: Mapped[str | None] = mapped_column(ForeignKey("revenue_codes.code"))
    payee: Mapped[str] = mapped_column(String(120), default="")
    amount_cents: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200))
    approved_by: Mapped[str] = mapped_column(String(32))

    __table_args__ = (CheckConstraint("amount_cents > 0", name="ck_paid_outs_amount"),)


class DrawerCountRow(Base):
    """One count of a drawer at the end of the shift: every attempt is kept (recounts too).

    pieces: cash by denomination (JSON); items: the checks and money orders ticked present
    and any extra ones found (JSON); expected/counted: cents by tender kind (JSON).
    """

    __tablename__ = "drawer_counts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    drawer_id: Mapped[int] = mapped_column(ForeignKey("drawers.id"))
    attempt: Mapped[int] = mapped_column(Integer)
    counted_by: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(12))  # cashier, or supervisor for a second count
    counted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    pieces: Mapped[str] = mapped_column(String, default="{}")
    cash_cents: Mapped[int] = mapped_column(Integer)
    items: Mapped[str] = mapped_column(String, default="{}")
    card_settlement_cents: Mapped[int | None] = mapped_column(Integer)
    expected: Mapped[str] = mapped_column(String, default="{}")
    counted: Mapped[str] = mapped_column(String, default="{}")
    over_short_cents: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (
        CheckConstraint("role IN ('cashier', 'supervisor')", name="ck_drawer_counts_role"),
        UniqueConstraint("drawer_id", "attempt", name="uq_drawer_counts_attempt"),
    )


class DrawerCloseRow(Base):
    """How a drawer was closed: the count that stands, over/short, the float kept, the deposit."""

    __tablename__ = "drawer_closes"

    drawer_id: Mapped[int] = mapped_column(ForeignKey("drawers.id"), primary_key=True)
    count_id: Mapped[int] = mapped_column(ForeignKey("drawer_counts.id"))
    second_count_id: Mapped[int | None] = mapped_column(ForeignKey("drawer_counts.id"))
    closed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    closed_by: Mapped[str] = mapped_column(String(32))
    business_date: Mapped[dt.date] = mapped_column(Date, index=True)
    expected: Mapped[str] = mapped_column(String, default="{}")  # cents by tender kind, JSON
    counted: Mapped[str] = mapped_column(String, default="{}")
    over_short_cents: Mapped[int] = mapped_column(Integer)
    float_kept: Mapped[str] = mapped_column(String, default="{}")  # pieces kept for the next shift
    float_kept_cents: Mapped[int] = mapped_column(Integer)
    deposit_pieces: Mapped[str] = mapped_column(String, default="{}")  # pieces going to the bank
    deposit_cash_cents: Mapped[int] = mapped_column(Integer)
    card_settlement_cents: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(String(200), default="")
    approved_by: Mapped[str] = mapped_column(String(32), default="")

    __table_args__ = (
        CheckConstraint("float_kept_cents >= 0 AND deposit_cash_cents >= 0", name="ck_drawer_closes_cash"),
    )


class BusinessDayRow(Base):
    """A business day that a supervisor closed (a day with no row is open)."""

    __tablename__ = "business_days"

    business_date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    status: Mapped[str] = mapped_column(String(10), default="open")
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    closed_by: Mapped[str] = mapped_column(String(32), default="")
    over_short_cents: Mapped[int] = mapped_column(Integer, default=0)
    deposit_total_cents: Mapped[int] = mapped_column(Integer, default=0)
    ticket_number: Mapped[str] = mapped_column(String(20), default="")
    bag_number: Mapped[str] = mapped_column(String(20), default="")

    __table_args__ = (CheckConstraint("status IN ('open', 'closed')", name="ck_business_days_status"),)


class DayCloseRecordRow(Base):
    """What a business day was when it closed, kept for its exports: the names and GL codes its
    files print (which imports and edits may change later) and the figures of its money rows."""

    __tablename__ = "day_close_records"

    business_date: Mapped[dt.date] = mapped_column(ForeignKey("business_days.business_date"), primary_key=True)
    lookups: Mapped[str] = mapped_column(String, default="{}")  # JSON: payers, funds, revenue codes, settings
    figures: Mapped[str] = mapped_column(String, default="{}")  # JSON: counts, cents and digests of the rows


class ExportedFileRow(Base):
    """A file written for the bank, the ledger or another system, with its hash: a re-export shows."""

    __tablename__ = "exported_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    business_date: Mapped[dt.date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(80))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    exported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    exported_by: Mapped[str] = mapped_column(String(32))
    folder: Mapped[str] = mapped_column(String(500))

    __table_args__ = (Index("ix_exported_files_day_name", "business_date", "name"),)


class MailBatchRow(Base):
    """A batch of mail remittances with the adding-machine tape's control count and total.

    open → balanced → posted, or rejected. A posted batch is corrected item by item (reversals).
    """

    __tablename__ = "mail_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    business_date: Mapped[dt.date] = mapped_column(Date, index=True)
    station: Mapped[str] = mapped_column(String(8))
    owner: Mapped[str] = mapped_column(String(32))
    control_count: Mapped[int] = mapped_column(Integer)
    control_total_cents: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default="open")
    source: Mapped[str] = mapped_column(String(10), default="keyed")  # keyed, or lockbox (a payments file)
    source_file: Mapped[str] = mapped_column(String(300), default="")
    source_sha256: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    balanced_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    posted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    posted_by: Mapped[str] = mapped_column(String(32), default="")
    reject_reason: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (
        CheckConstraint("status IN ('open', 'balanced', 'posted', 'rejected')", name="ck_mail_batches_status"),
        CheckConstraint("source IN ('keyed', 'lockbox')", name="ck_mail_batches_source"),
        CheckConstraint("control_count >= 0 AND control_total_cents >= 0", name="ck_mail_batches_controls"),
    )


class MailItemRow(Base):
    """One remittance in a mail batch: a stub (or keyed account), the amount and the check."""

    __tablename__ = "mail_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("mail_batches.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    account_typed: Mapped[str] = mapped_column(String(40), default="")
    amount_cents: Mapped[int] = mapped_column(Integer)
    tender: Mapped[str] = mapped_column(String(12), default="check")
    check_number: Mapped[str] = mapped_column(String(20), default="")
    payer: Mapped[str] = mapped_column(String(120), default="")
    routing: Mapped[str] = mapped_column(String(9), default="")
    bank_account: Mapped[str] = mapped_column(String(20), default="")
    scan_line: Mapped[str] = mapped_column(String(40), default="")
    source_line: Mapped[int | None] = mapped_column(Integer)  # line of the lockbox file
    tax_return_id: Mapped[int | None] = mapped_column(ForeignKey("tax_returns.id"))
    status: Mapped[str] = mapped_column(String(10), default="entered")
    receipt_id: Mapped[int | None] = mapped_column(ForeignKey("receipts.id"))
    reversed_by: Mapped[str] = mapped_column(String(32), default="")
    reversed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    reverse_reason: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (
        CheckConstraint("amount_cents > 0", name="ck_mail_items_amount"),
        CheckConstraint("tender IN ('check', 'money_order', 'cash')", name="ck_mail_items_tender"),
        CheckConstraint("status IN ('entered', 'posted', 'reversed')", name="ck_mail_items_status"),
        UniqueConstraint("batch_id", "seq", name="uq_mail_items_seq"),
        Index("ix_mail_items_account_check", "account_id", "check_number"),
    )


class TaxReturnRow(Base):
    """A sales/use tax return for one account and filing period, as computed and as written.

    figures: every line of the return as computed (cents by line name, JSON); as_written: the
    figures the business wrote on its form, where they were typed (JSON).
    """

    __tablename__ = "tax_returns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    period: Mapped[str] = mapped_column(String(10))  # 2026-09, 2026-Q3, 2026
    frequency: Mapped[str] = mapped_column(String(10))
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    due_date: Mapped[dt.date] = mapped_column(Date)
    filed_on: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(10), default="original")  # original, amended, zero
    amends_id: Mapped[int | None] = mapped_column(ForeignKey("tax_returns.id"))
    figures: Mapped[str] = mapped_column(String, default="{}")
    as_written: Mapped[str] = mapped_column(String, default="{}")
    total_due_cents: Mapped[int] = mapped_column(Integer)
    paid_cents: Mapped[int] = mapped_column(Integer, default=0)
    open_item_id: Mapped[int | None] = mapped_column(ForeignKey("open_items.id"))
    receipt_id: Mapped[int | None] = mapped_column(ForeignKey("receipts.id"))
    status: Mapped[str] = mapped_column(String(10), default="filed")
    entered_by: Mapped[str] = mapped_column(String(32))
    entered_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint("kind IN ('original', 'amended', 'zero')", name="ck_tax_returns_kind"),
        CheckConstraint("status IN ('filed', 'superseded', 'void')", name="ck_tax_returns_status"),
        Index("ix_tax_returns_account_period", "account_id", "period"),
    )


class MailLogRow(Base):
    """A document received by mail that is not a payment, and the division it was routed to."""

    __tablename__ = "mail_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    received_on: Mapped[dt.date] = mapped_column(Date, index=True)
    doc_type: Mapped[str] = mapped_column(String(30))
    sender: Mapped[str] = mapped_column(String(120))
    reference: Mapped[str] = mapped_column(String(60), default="")
    routed_to: Mapped[str] = mapped_column(String(60))
    notes: Mapped[str] = mapped_column(String(300), default="")
    logged_by: Mapped[str] = mapped_column(String(32))
    logged_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


@event.listens_for(OpenItemRow, "before_insert")
@event.listens_for(HistoryRow, "before_insert")
def _own_id(_mapper: Mapper[Any], connection: Connection, target: OpenItemRow | HistoryRow) -> None:
    """A bill or history line a window of an office makes takes an id of its own range (store/own_ids.py)."""
    if target.id is None:
        given = own_ids.next_id(target.__tablename__, lambda sql: connection.exec_driver_sql(sql).first(),
                                connection.info)  # fmt: skip
        if given is not None:
            target.id = given
