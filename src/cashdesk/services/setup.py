"""Creating or upgrading the database and installing the default revenue codes (audited as "init")."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from cashdesk.config import Settings
from cashdesk.domain.revenue import DEFAULT_REVENUE_CODES
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.store.db import HEAD_REVISION, Database
from cashdesk.store.models import RevenueCodeRow


@dataclass(frozen=True, slots=True)
class InitResult:
    location: str
    before: str | None
    after: str
    backup: Path | None
    revenue_codes_added: int

    def describe(self) -> str:
        if self.before is None:
            return f"Created the database at {self.location} (schema {self.after})."
        if self.before == self.after:
            return f"The database at {self.location} is up to date (schema {self.after})."
        kept = f" A copy of the old file is at {self.backup}." if self.backup else ""
        return f"Upgraded the database at {self.location} from schema {self.before} to {self.after}.{kept}"


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
        result = InitResult(str(path or database.url), before, after, backup, added)
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
            details={"from": result.before or "", "to": result.after, "revenue_codes_added": result.revenue_codes_added},
            at=ctx.now(),
        )  # fmt: skip
        uow.commit()


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
