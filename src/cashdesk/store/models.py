"""Typed SQLAlchemy 2.0 mappings. Money columns are integer cents (`*_cents`)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


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
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    items: Mapped[list[OpenItemRow]] = relationship(back_populates="account", order_by="OpenItemRow.due_date")

    __table_args__ = (
        CheckConstraint("kind IN ('utility', 'sales_tax')", name="ck_accounts_kind"),
        CheckConstraint("status IN ('active', 'shut_off', 'final', 'closed')", name="ck_accounts_status"),
        CheckConstraint("credit_cents >= 0", name="ck_accounts_credit"),
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

    __table_args__ = (
        CheckConstraint("role IN ('cashier', 'supervisor', 'administrator')", name="ck_users_role"),
    )


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
