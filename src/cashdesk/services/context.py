"""What every service needs: the database, the settings, and today's date in the city."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from cashdesk import clock as the_clock
from cashdesk.config import Settings
from cashdesk.domain.security import Permission, Role, can
from cashdesk.store.db import Database, DatabaseError
from cashdesk.words import translate


class ServiceError(Exception):
    """A request the service refuses; the message is for the person at the window."""


class PermissionDenied(ServiceError):
    pass


@dataclass(frozen=True, slots=True)
class Operator:
    """Who is acting: a signed-in user, or the administrator at the command line."""

    user_id: str
    role: Role
    full_name: str = ""

    def can(self, permission: Permission) -> bool:
        return can(self.role, permission)

    def require(self, permission: Permission, doing: str) -> None:
        """Refuse, in the user's words, what their role may not do."""
        if not self.can(permission):
            raise PermissionDenied(
                translate(
                    "context", "{user_id} ({role_label}) may not {doing}. Ask a supervisor or administrator."
                ).format(user_id=self.user_id, role_label=self.role.shown.lower(), doing=doing)
            )


def command_line_operator() -> Operator:
    """The person at the workstation's command line: whoever may write the database file
    administers it. Audited under their operating-system login."""
    import getpass

    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        login = "unknown"
    return Operator(f"os:{login}", Role.ADMINISTRATOR, "command line")


@dataclass
class ServiceContext:
    db: Database
    settings: Settings = field(default_factory=Settings)
    clock: Callable[[], dt.datetime] = the_clock.now

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

    @property
    def station(self) -> str:
        return self.settings.station.id

    def now(self) -> dt.datetime:
        """The current moment, aware, in UTC."""
        return self.clock().astimezone(dt.UTC)

    def today(self) -> dt.date:
        """The calendar date in the city's time zone (the business day comes later)."""
        return self.clock().astimezone(ZoneInfo(self.settings.city.time_zone)).date()

    def close(self) -> None:
        self.db.dispose()


__all__ = ["DatabaseError", "Operator", "PermissionDenied", "ServiceContext", "ServiceError", "command_line_operator"]
