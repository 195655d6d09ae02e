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
