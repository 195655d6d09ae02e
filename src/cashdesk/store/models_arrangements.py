"""Typed mappings of the payment-arrangement tables (migration 0013); written only by store/arrangements.py."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cashdesk.store.models import Base


class ArrangementRow(Base):
    """One payment arrangement (domain/arrangements.py)."""

    __tablename__ = "arrangements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    state: Mapped[str] = mapped_column(String(20))
    debt_cents: Mapped[int] = mapped_column(Integer)
    down_cents: Mapped[int] = mapped_column(Integer)
    interest_cents: Mapped[int] = mapped_column(Integer)
    interest_item_id: Mapped[int | None] = mapped_column(ForeignKey("open_items.id"))
    starts: Mapped[dt.date] = mapped_column(Date)  # it covers the items due before this day
    down_due: Mapped[dt.date] = mapped_column(Date)
    made_by: Mapped[str] = mapped_column(String(40))
    made_at: Mapped[dt.datetime] = mapped_column(DateTime)
    changed_by: Mapped[str] = mapped_column(String(40))
    changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(String(200))

    __table_args__ = (
        CheckConstraint(
            "state IN ('requested', 'active', 'kept', 'broken', 'cancelled', 'denied')", name="ck_arrangements_state"
        ),
        CheckConstraint("debt_cents > 0 AND down_cents >= 0 AND interest_cents >= 0", name="ck_arrangements_money"),
        Index("ix_arrangements_account", "account_id", "state"),
        Index("ix_arrangements_state", "state"),
    )


class ArrangementInstallmentRow(Base):
    """The down payment (seq 0) and each installment of an arrangement, with what was paid on it."""

    __tablename__ = "arrangement_installments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangements.id"))
    seq: Mapped[int] = mapped_column(Integer)
    due: Mapped[dt.date] = mapped_column(Date)
    amount_cents: Mapped[int] = mapped_column(Integer)
    paid_cents: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        UniqueConstraint("arrangement_id", "seq", name="uq_arrangement_installments_seq"),
        CheckConstraint(
            "amount_cents > 0 AND paid_cents >= 0 AND paid_cents <= amount_cents",
            name="ck_arrangement_installments_paid",
        ),
    )


class ArrangementPaymentRow(Base):
    """What one receipt put on an arrangement's installments; a reversal (void, mail reversal, returned
    check) is a negative row pointing at the payment it takes back."""

    __tablename__ = "arrangement_payments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    arrangement_id: Mapped[int] = mapped_column(ForeignKey("arrangements.id"))
    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipts.id"))
    cents: Mapped[int] = mapped_column(Integer)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("arrangement_payments.id"))

    __table_args__ = (
        CheckConstraint(
            "(reverses_id IS NULL AND cents > 0) OR (reverses_id IS NOT NULL AND cents < 0)",
            name="ck_arrangement_payments_cents",
        ),
        Index("ix_arrangement_payments_receipt", "receipt_id"),
    )
