"""Looking at a database file before it is opened: read-only, so a file refused is left as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cashdesk.store.write_errors import DatabaseError
from cashdesk.words import translate


def precheck_sqlite_file(path: Path, *, quick_check: bool, timeout: float) -> str | None:
    """Look at an existing file read-only, so a file we refuse is left exactly as it was.

    Returns the schema revision, or None for an empty database.
    """
    if path.is_dir():
        raise DatabaseError(translate("file_checks", "{path} is a folder, not a cashdesk database.").format(path=path))
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=timeout)
    except sqlite3.Error as exc:
        raise DatabaseError(
            translate(
                "file_checks", "The database {path} cannot be opened ({reason}). Check the path and its permissions."
            ).format(path=path, reason=exc)
        ) from None
    try:
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(
                translate(
                    "file_checks",
                    "{path} is not a cashdesk database or it is damaged ({reason}). "
                    "It was left untouched. Restore the latest backup or choose another file.",
                ).format(path=path, reason=exc)
            ) from None
        if quick_check:
            rows = [r[0] for r in con.execute("PRAGMA quick_check(5)")]
            if rows != ["ok"]:
                raise DatabaseError(
                    translate(
                        "file_checks",
                        "The database {path} is damaged: {findings}. It was left untouched. Restore the latest backup.",
                    ).format(path=path, findings="; ".join(rows))
                )
        if "alembic_version" not in tables:
            if tables - {"sqlite_sequence"}:
                raise DatabaseError(
                    translate(
                        "file_checks", "{path} is an SQLite file but not a cashdesk database. It was left untouched."
                    ).format(path=path)
                )
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        con.close()
