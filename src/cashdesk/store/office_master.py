"""The office's accounts master loaded at the office (services/office_master.py): the office's
master rows copied into a window-shaped SQLite file, so that the window's own import and demo code
run there unchanged; then what they added or changed, written to the office in one transaction.

Rows the office adds get ids a gap past its highest (`GAP`): the ids right after it are where the
windows' own new bills and history lines fall (a window's SQLite gives a new row the next id after
the highest it holds), so the office's new rows do not land on them (docs/office.md)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Engine, Integer, MetaData, Table, delete, func, insert, inspect, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from cashdesk.store.models import Base
from cashdesk.store.office import METADATA, Office, OfficeUnreachable, _words
from cashdesk.store.own_ids import SPAN
from cashdesk.store.synced import DELTAS, DOWNLINK, MADE_BY_TABLE

#: How far past the office's highest id the rows it adds begin, table by table.
GAP = 1_000_000
#: Rows read or written a statement.
CHUNK = 2000
#: Columns of master rows that name another master table's integer key.
REFERENCES: dict[str, dict[str, str]] = {"open_items": {"account_id": "accounts"},
                                         "account_history": {"account_id": "accounts"}}  # fmt: skip


class OfficeMasterChanged(Exception):
    """Another load reached the office first: nothing of this one was written."""


def has_schema(office: Office) -> bool:
    try:
        with office.engine.connect() as con:
            return bool(inspect(con).has_table("office_windows"))
    except DBAPIError as exc:
        raise OfficeUnreachable(_words(exc)) from None


def _integer_key(table: str) -> str | None:
    (column,) = Base.metadata.tables[table].primary_key.columns
    return str(column.name) if isinstance(column.type, Integer) else None


def copy_master(office: Office, copy: Engine) -> dict[str, int]:
    """The office's master rows into the copy's tables (a copy made by init_database: its default
    revenue codes give way to the office's, when it has any). Returns each table's highest integer
    id at the office (0: none, or a table keyed by text)."""
    highest: dict[str, int] = {}
    try:
        with office.engine.connect() as con, copy.begin() as into:
            codes = METADATA.tables["revenue_codes"]
            if con.execute(select(func.count()).select_from(codes)).scalar_one():
                into.execute(delete(Base.metadata.tables["revenue_codes"]))
            for shared in DOWNLINK:
                window, office_table = Base.metadata.tables[shared.table], METADATA.tables[shared.table]
                names = [c.name for c in window.columns]
                key = _integer_key(shared.table)
                query = select(*(office_table.c[n] for n in names))
                if shared.table in MADE_BY_TABLE:
                    # Not the rows windows made (ids above SPAN): a load leaves them as they are, and
                    # the rows it adds in the copy then take ids in the office's own space.
                    query = query.where(office_table.c.id < SPAN)
                found = con.execution_options(yield_per=CHUNK).execute(query)
                for part in found.partitions():
                    into.execute(insert(window), [dict(r._mapping) for r in part])
                # The office's own ids: those of rows windows made lie above SPAN (store/own_ids.py).
                top = select(func.coalesce(func.max(office_table.c[key]), 0)) if key is not None else None
                if top is not None and shared.table in MADE_BY_TABLE:
                    top = top.where(office_table.c.id < SPAN)
                highest[shared.table] = 0 if top is None else int(con.execute(top).scalar_one())
    except DBAPIError as exc:
        raise OfficeUnreachable(_words(exc)) from None
    return highest


def keep_before(copy: Engine) -> None:
    """The master as the office had it, kept beside it in the copy (`before_<table>`), to tell
    afterwards what was added or changed."""
    with copy.begin() as con:
        for shared in DOWNLINK:
            con.exec_driver_sql(f"CREATE TABLE before_{shared.table} AS SELECT * FROM {shared.table}")
            con.exec_driver_sql(
                f'CREATE UNIQUE INDEX before_{shared.table}_key ON before_{shared.table} ("{shared.key}")'
            )


@dataclass(slots=True)
class MasterChanges:
    new: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # table -> rows to add, ids as at the office
    changed: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = field(default_factory=dict)  # (before, after)

    def counts(self) -> dict[str, tuple[int, int]]:
        return {s.table: (len(self.new.get(s.table, ())), len(self.changed.get(s.table, ()))) for s in DOWNLINK}


def changes(copy: Engine, highest: Mapping[str, int]) -> MasterChanges:
    """What the copy holds that the office did not: rows added (their ids moved `GAP` past the
    office's highest, and the references to them with them) and rows changed."""
    found = MasterChanges()
    shift = {t: (h + GAP if h else 0) for t, h in highest.items()}
    kept = MetaData()
    with copy.connect() as con:
        for shared in DOWNLINK:
            table = Base.metadata.tables[shared.table]
            key = shared.key
            was = Table(f"before_{table.name}", kept, *(Column(c.name, c.type) for c in table.columns))
            added = con.execute(select(table).where(table.c[key].not_in(select(was.c[key])))).all()
            found.new[shared.table] = [_moved(shared.table, dict(r._mapping), highest, shift) for r in added]
            names = ", ".join(f'"{c.name}"' for c in table.columns)
            keys = [k for (k,) in con.exec_driver_sql(
                f'SELECT "{key}" FROM (SELECT {names} FROM {table.name} WHERE "{key}" IN (SELECT "{key}" FROM '
                f"{was.name}) EXCEPT SELECT {names} FROM {was.name})")]  # fmt: skip
            pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
            for start in range(0, len(keys), CHUNK):
                part = keys[start : start + CHUNK]
                old = {r._mapping[key]: dict(r._mapping) for r in con.execute(select(was).where(was.c[key].in_(part)))}
                for row in con.execute(select(table).where(table.c[key].in_(part))):
                    pairs.append((old[row._mapping[key]], _moved(shared.table, dict(row._mapping), highest, shift)))
            found.changed[shared.table] = pairs
    return found


def _moved(table: str, row: dict[str, Any], highest: Mapping[str, int], shift: Mapping[str, int]) -> dict[str, Any]:
    """A row's own id and its references, moved past the gap when they name rows added here (not
    rows windows made, whose ids lie above SPAN)."""
    key = _integer_key(table)
    if key is not None and shift.get(table) and highest[table] < row[key] < SPAN:
        row[key] += GAP
    for column, target in REFERENCES.get(table, {}).items():
        if shift.get(target) and row[column] is not None and highest[target] < row[column] < SPAN:
            row[column] += GAP
    return row


def write(office: Office, found: MasterChanges) -> None:
    """The rows added and changed, in one office transaction (each takes the next version, so every
    window receives it at its next sync). A changed running figure (a bill's paid amount, an
    account's credit) moves by what the load moved it, so a payment a window sent meanwhile stays
    counted. Another load that added rows first: OfficeMasterChanged, nothing written."""
    moving = {(t, c) for t, c in DELTAS}
    try:
        with office.engine.begin() as con:
            for shared in DOWNLINK:
                table = METADATA.tables[shared.table]
                rows = found.new.get(shared.table, [])
                for start in range(0, len(rows), CHUNK):
                    con.execute(insert(table), rows[start : start + CHUNK])
                for old, new in found.changed.get(shared.table, []):
                    values: dict[str, Any] = {}
                    for name, value in new.items():
                        if value == old[name]:
                            continue
                        if (shared.table, name) in moving:
                            values[name] = table.c[name] + (value - (old[name] or 0))
                        else:
                            values[name] = value
                    con.execute(update(table).where(table.c[shared.key] == old[shared.key]).values(values))
    except IntegrityError:
        raise OfficeMasterChanged() from None
    except DBAPIError as exc:
        raise OfficeUnreachable(_words(exc)) from None
