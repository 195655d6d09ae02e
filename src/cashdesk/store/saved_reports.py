"""The one writer of saved_reports: an ad hoc report's definition kept under its name."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from cashdesk.store.models_reports import SavedReportRow


def save(session: Session, name: str, definition: str, user: str, at: dt.datetime) -> bool:
    """Keep the definition under `name`, replacing one saved before; True when it was new."""
    row = session.scalars(select(SavedReportRow).where(SavedReportRow.name == name)).one_or_none()
    if row is None:
        session.add(SavedReportRow(name=name, definition=definition, saved_by=user, saved_at=at))
        return True
    row.definition, row.saved_by, row.saved_at = definition, user, at
    return False


def names(session: Session) -> list[str]:
    return list(session.scalars(select(SavedReportRow.name).order_by(SavedReportRow.name)))


def definition(session: Session, name: str) -> str | None:
    return session.scalar(select(SavedReportRow.definition).where(SavedReportRow.name == name))
