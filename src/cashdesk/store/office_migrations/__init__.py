"""The office server's schema revisions (Alembic, `cashdesk office init`): each revision is a list of
statements, frozen as that revision wrote them, run in order by `run_statements`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NoReturn


def run_statements(statements: Sequence[str]) -> None:
    """A revision's statements, in order, in the migration's transaction."""
    from alembic import op  # deferred: Alembic's `op` is bound only while a migration runs

    for statement in statements:
        op.execute(statement)


def never_downgrade() -> NoReturn:
    raise NotImplementedError("cashdesk never downgrades an office; restore its backup instead")
