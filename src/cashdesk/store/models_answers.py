"""Tables of the answers at the counter (issue 19): the knowledge base, its versions, the referral
directory, and the office's supplies with their append-only movements. Mapped on `Base` of
models.py, so Alembic's metadata and the office see them with the rest."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cashdesk.store.models import Base, utcnow


class AnswerRow(Base):
    """An answer as it reads now; every change also lands in answer_versions."""

    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)  # its name in a Markdown export
    title: Mapped[str] = mapped_column(String(200))
    question: Mapped[str] = mapped_column(String(500), default="")
    body: Mapped[str] = mapped_column(String, default="")
    citation: Mapped[str] = mapped_column(String(300), default="")
    link: Mapped[str] = mapped_column(String(500), default="")
    effective_on: Mapped[dt.date | None] = mapped_column(Date)
    review_on: Mapped[dt.date | None] = mapped_column(Date)
    department: Mapped[str] = mapped_column(String(120), default="")
    keywords: Mapped[str] = mapped_column(String(500), default="")
    applies_to: Mapped[str] = mapped_column(String(200), default="")  # account topics, space-separated
    sample: Mapped[int] = mapped_column(Integer, default=0)  # 1: sample text of the demo city
    version: Mapped[int] = mapped_column(Integer, default=1)
    changed_by: Mapped[str] = mapped_column(String(60), default="")
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AnswerVersionRow(Base):
    """One version of an answer, whole, as it was saved (never changed or deleted)."""

    __tablename__ = "answer_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(String)  # the answer's Markdown file, header and all
    changed_by: Mapped[str] = mapped_column(String(60))
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("answer_id", "version", name="uq_answer_versions"),)


class ReferralRow(Base):
    """A department or outside agency a customer can be sent to."""

    __tablename__ = "referrals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    handles: Mapped[str] = mapped_column(String, default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    hours: Mapped[str] = mapped_column(String(200), default="")
    web: Mapped[str] = mapped_column(String(500), default="")
    keywords: Mapped[str] = mapped_column(String(500), default="")
    sample: Mapped[int] = mapped_column(Integer, default=0)
    changed_by: Mapped[str] = mapped_column(String(60), default="")
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class SupplyItemRow(Base):
    """A supply or form kept in stock; what is on hand is the sum of its movements."""

    __tablename__ = "supply_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(40), default="each")
    minimum: Mapped[int] = mapped_column(Integer, default=0)
    maximum: Mapped[int] = mapped_column(Integer, default=0)
    lead_days: Mapped[int] = mapped_column(Integer, default=0)
    supplier: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint("minimum >= 0 AND maximum >= 0 AND lead_days >= 0", name="ck_supply_items_levels"),
    )


class SupplyMovementRow(Base):
    """Received, issued, counted (the difference the count found) or damaged: never changed or deleted."""

    __tablename__ = "supply_movements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("supply_items.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    quantity: Mapped[int] = mapped_column(Integer)  # signed: what it adds to on hand
    counted: Mapped[int | None] = mapped_column(Integer)  # a count: what was found
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    user: Mapped[str] = mapped_column(String(60))
    station: Mapped[str] = mapped_column(String(8))
    note: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (
        CheckConstraint("kind IN ('received', 'issued', 'counted', 'damaged')", name="ck_supply_movements_kind"),
    )


class PaperRollRow(Base):
    """The receipt paper roll in each station's printer: lines printed on it since it was put in."""

    __tablename__ = "paper_rolls"

    station: Mapped[str] = mapped_column(String(8), primary_key=True)
    lines_printed: Mapped[int] = mapped_column(Integer, default=0)
    lines_total: Mapped[int] = mapped_column(Integer, default=0)  # every line printed at the station
    loaded_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
