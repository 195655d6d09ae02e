"""Creating or upgrading the database and installing the default revenue codes (audited as "init").

Init also puts back the database's guards (store/guards.py) that someone took out of the
file, and records that in the audit trail ("guards_restored").
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from cashdesk.config import Settings
from cashdesk.domain.revenue import DEFAULT_REVENUE_CODES
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext, command_line_operator
from cashdesk.store.db import HEAD_REVISION, Database
from cashdesk.store.models import RevenueCodeRow


@dataclass(frozen=True, slots=True)
class InitResult:
    location: str
    before: str | None
    after: str
    backup: Path | None
    revenue_codes_added: int
    guards_put_back: tuple[str, ...] = ()

    def describe(self) -> str:
        return self._schema() + self._guards()

    def _schema(self) -> str:
        if self.before is None:
            return f"Created the database at {self.location} (schema {self.after})."
        if self.before == self.after:
            return f"The database at {self.location} is up to date (schema {self.after})."
        kept = f" A copy of the old file is at {self.backup}." if self.backup else ""
        return f"Upgraded the database at {self.location} from schema {self.before} to {self.after}.{kept}"

    def _guards(self) -> str:
        if not self.guards_put_back:
            return ""
        n = len(self.guards_put_back)
        return (
            f" Put back {n} guard{'s' if n > 1 else ''} that someone had taken out of the file or changed "
            f"({', '.join(self.guards_put_back)}); the audit trail records it. Run `cashdesk audit verify`."
        )


def init_database(db: str | os.PathLike[str] | None = None, *, actor: Operator | None = None) -> InitResult:
    """Create the database, or upgrade it one numbered step at a time. Safe to run again.

    actor: who ran it, for an "init" audit event (the command line gives one; the test
    fixtures and demo-data, which audit their own work, do not).
    """
    database = Database.open(db, create=True, require_current=False)
    try:
        before = database.revision_at_open
        backup = None
        path = database.path
        if before is not None and before != HEAD_REVISION and path is not None:
            # Copied before our first connection, so the copy is the old file byte for byte.
            backup = path.with_name(f"{path.name}.before-{HEAD_REVISION}")
            shutil.copy2(path, backup)
            wal = path.with_name(path.name + "-wal")
            if wal.exists():
                shutil.copy2(wal, backup.with_name(backup.name + "-wal"))
        _, after = database.upgrade()
        added = install_revenue_codes(database)
        put_back = put_back_guards(database, actor)
        result = InitResult(str(path or database.url), before, after, backup, added, put_back)
        if actor is not None:
            _audit_init(database, actor, result)
        return result
    finally:
        database.dispose()


def _audit_init(database: Database, actor: Operator, result: InitResult) -> None:
    ctx = ServiceContext(database, Settings.load())
    with database.unit_of_work() as uow:
        audit.record(
            uow.session, user=actor.user_id, station=ctx.station, event_type="init", object="database",
            details={"from": result.before or "", "to": result.after,
                     "revenue_codes_added": result.revenue_codes_added},
            at=ctx.now(),
        )  # fmt: skip
        uow.commit()


def put_back_guards(database: Database, actor: Operator | None) -> tuple[str, ...]:
    """The guards missing from the file (or changed), created again and recorded; their names."""
    ctx = ServiceContext(database, Settings.load())
    user = (actor or command_line_operator()).user_id
    return audit.restore_guards(database, user=user, station=ctx.station, at=ctx.now())


def install_revenue_codes(database: Database) -> int:
    with database.unit_of_work() as uow:
        have = set(uow.session.scalars(select(RevenueCodeRow.code)))
        added = 0
        for code in DEFAULT_REVENUE_CODES:
            if code.code not in have:
                uow.session.add(
                    RevenueCodeRow(
                        code=code.code,
                        description=code.description,
                        gl_account=code.gl_account,
                        category=code.category.value,
                        priority=code.priority,
                    )
                )
                added += 1
        uow.commit()
    return added
