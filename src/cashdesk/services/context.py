"""What every service needs: the database, the settings, and today's date in the city."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from cashdesk.config import Settings
from cashdesk.store.db import Database, DatabaseError


class ServiceError(Exception):
    """A request the service refuses; the message is for the person at the window."""


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class ServiceContext:
    db: Database
    settings: Settings = field(default_factory=Settings)
    clock: Callable[[], dt.datetime] = _utcnow

    @classmethod
    def open(
        cls,
        db: str | os.PathLike[str] | None = None,
        *,
        settings: Settings | None = None,
        quick_check: bool = True,
    ) -> ServiceContext:
        """Open an initialised, current database; raises DatabaseError with a clear message."""
        return cls(Database.open(db, quick_check=quick_check), settings or Settings.load())

    def today(self) -> dt.date:
        """The calendar date in the city's time zone (the business day comes later)."""
        return self.clock().astimezone(ZoneInfo(self.settings["city.time_zone"])).date()

    def close(self) -> None:
        self.db.dispose()


__all__ = ["DatabaseError", "ServiceContext", "ServiceError"]
