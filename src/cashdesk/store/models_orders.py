"""Typed mappings of the service-order tables (migration 0012); written only by store/service_orders.py."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from cashdesk.store.models import Base


class WorkOrderSequenceRow(Base):
    """The last work-order number used in a year: numbers are gapless."""

    __tablename__ = "work_order_sequences"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


class WorkOrderRow(Base):
    """One order that sends a crew to a meter (domain/service_orders.py)."""

    __tablename__ = "work_orders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    service_address: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(120))
    requested_by: Mapped[str] = mapped_column(String(40))
    requested_at: Mapped[dt.datetime] = mapped_column(DateTime)
    scheduled: Mapped[dt.date | None] = mapped_column(Date)
    priority: Mapped[int] = mapped_column(Integer)
    depends_on: Mapped[int | None] = mapped_column(ForeignKey("work_orders.id"))
    fee_code: Mapped[str | None] = mapped_column(String(20))
    fee_cents: Mapped[int] = mapped_column(Integer)
    fee_item_id: Mapped[int | None] = mapped_column(ForeignKey("open_items.id"))
    crew: Mapped[str] = mapped_column(String(40))
    result: Mapped[str] = mapped_column(String(200))
    meter_reading: Mapped[str] = mapped_column(String(20))
    completed_by: Mapped[str] = mapped_column(String(40))
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    closed_by_receipt: Mapped[str] = mapped_column(String(24))  # the payment that cancelled or caused it
    notes: Mapped[str] = mapped_column(String(500))

    __table_args__ = (
        CheckConstraint(
            "type IN ('start', 'stop', 'door_tag', 'disconnect', 'reconnect', 'reread', 'meter_check', 'transfer')",
            name="ck_work_orders_type",
        ),
        CheckConstraint(
            "status IN ('pending', 'dispatched', 'completed', 'cancelled', 'not_done')", name="ck_work_orders_status"
        ),
        CheckConstraint("fee_cents >= 0", name="ck_work_orders_fee"),
        Index("ix_work_orders_account_status", "account_id", "status"),
        Index("ix_work_orders_scheduled", "scheduled", "status"),
        Index("ix_work_orders_depends_on", "depends_on"),
    )


class AccountHoldRow(Base):
    """What keeps an account off the shut-off list while it lasts: a medical certificate, a hold, an arrangement."""

    __tablename__ = "account_holds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    starts: Mapped[dt.date] = mapped_column(Date)
    ends: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(200))
    entered_by: Mapped[str] = mapped_column(String(40))
    entered_at: Mapped[dt.datetime] = mapped_column(DateTime)

    __table_args__ = (CheckConstraint("kind IN ('medical', 'hold', 'arrangement')", name="ck_account_holds_kind"),)


class ShutoffHoldRow(Base):
    """A day a supervisor holds every shut-off (the temperature, a storm)."""

    __tablename__ = "shutoff_holds"

    on_date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    reason: Mapped[str] = mapped_column(String(200))
    entered_by: Mapped[str] = mapped_column(String(40))
    entered_at: Mapped[dt.datetime] = mapped_column(DateTime)
