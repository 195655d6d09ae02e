"""Tables of reports: the ad hoc reports supervisors save under a name (migration 0010)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from cashdesk.store.models import Base, utcnow


class SavedReportRow(Base):
    """An ad hoc report's definition (JSON of whitelisted names: never SQL), under its name."""

    __tablename__ = "saved_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    definition: Mapped[str] = mapped_column(String)
    saved_by: Mapped[str] = mapped_column(String(32))
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
