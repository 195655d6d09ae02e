"""Typed mappings of the delinquency tables (migration 0014); written only by store/delinquency.py."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from cashdesk.store.models import Base


class DelinquencyRunRow(Base):
    """One committed delinquency run: at most one per date."""

    __tablename__ = "delinquency_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    on_date: Mapped[dt.date] = mapped_column(Date, unique=True)
    committed_by: Mapped[str] = mapped_column(String(40))
    committed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    accounts: Mapped[int] = mapped_column(Integer)
    fees_cents: Mapped[int] = mapped_column(Integer)
    folder: Mapped[str] = mapped_column(String(500))  # where its notices and list were written


class DelinquencyActionRow(Base):
    """What a run did to one account at one step (domain/delinquency.Step)."""

    __tablename__ = "delinquency_actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("delinquency_runs.id"))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    step: Mapped[str] = mapped_column(String(20))
    since: Mapped[dt.date] = mapped_column(Date)  # the oldest unpaid charge: a step is taken once per one
    past_due_cents: Mapped[int] = mapped_column(Integer)
    fee_cents: Mapped[int] = mapped_column(Integer)
    work_order: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(String(200))

    __table_args__ = (
        CheckConstraint(
            "step IN ('reminder', 'late_fee', 'door_tag', 'disconnect', 'tax_notice', 'tax_penalty', 'tax_referral')",
            name="ck_delinquency_actions_step",
        ),
        CheckConstraint("fee_cents >= 0", name="ck_delinquency_actions_fee"),
        Index("ix_delinquency_actions_account", "account_id", "step", "since"),
        Index("ix_delinquency_actions_run", "run_id"),
    )


class DelinquencyLateItemRow(Base):
    """A bill a late fee was charged on: never charged twice."""

    __tablename__ = "delinquency_late_items"

    open_item_id: Mapped[int] = mapped_column(ForeignKey("open_items.id"), primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("delinquency_actions.id"))
