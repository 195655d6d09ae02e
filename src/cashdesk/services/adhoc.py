"""The ad hoc report builder for supervisors: run a definition (domain/adhoc.py) as a Report, save
it under a name, run it again later on screen, as PDF or CSV. No SQL is typed by anyone: the
statement is built from whitelisted field expressions and parameters."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from zoneinfo import ZoneInfo

from cashdesk.domain.adhoc import (
    OPERATORS,
    AdhocDefinition,
    AdhocError,
    Field,
    Subject,
    checked,
    day_of,
    parameter,
)
from cashdesk.domain.report_def import Column, Kind, Report, ReportDefinition
from cashdesk.domain.security import Permission
from cashdesk.services import audit
from cashdesk.services import report_rows as q
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.reports import check_range
from cashdesk.store import saved_reports as store
from cashdesk.store.driver import Driver, driver
from cashdesk.words import QT_TRANSLATE_NOOP, translate

MOST_ROWS = 5000
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{1,58}$")


#: A moment compared with a day: (the clause, whether each bound is the day's start or the next day's).
_ON_DAYS = {"=": ("{x} >= ? AND {x} < ?", (0, 1)), "is": ("{x} >= ? AND {x} < ?", (0, 1)),
            "not": ("({x} < ? OR {x} >= ?)", (0, 1)), "<": ("{x} < ?", (0,)), "<=": ("{x} < ?", (1,)),
            ">": ("{x} >= ?", (1,)), ">=": ("{x} >= ?", (0,))}  # fmt: skip


def _moment_filter(field: Field, op: str, value: str, db: Driver, zone: str) -> tuple[str, list[object]]:
    """A timestamp (stored in UTC) against the city's day named: 10 p.m. in the city is that day."""
    if op == "contains":
        return f"lower({field.sql}) LIKE ?", [parameter(field, op, value)]
    day = day_of(field, value)
    clause, bounds = _ON_DAYS[op]
    edges = q.utc_bounds(db, day, day, zone)
    return clause.format(x=field.sql), [edges[b] for b in bounds]


def _sql(subject: Subject, d: AdhocDefinition, db: Driver, start: dt.date, end: dt.date,
         zone: str) -> tuple[str, list[object], tuple[Column, ...]]:  # fmt: skip
    where: list[str] = []
    params: list[object] = []
    if subject.date_field:
        date = subject.field(subject.date_field)
        if date.kind == "moment":
            where.append(f"{date.sql} >= ? AND {date.sql} < ?")
            params += q.utc_bounds(db, start, end, zone)
        else:
            where.append(f"{date.sql} >= ? AND {date.sql} <= ?")
            params += [db.value(start), db.value(end)]
    for f in d.filters:
        field = subject.field(f.field)
        if field.kind == "moment":
            clause, values = _moment_filter(field, f.op, f.value, db, zone)
            where.append(clause)
            params += values
            continue
        expression = f"lower({field.sql})" if f.op == "contains" else field.sql
        where.append(f"{expression} {OPERATORS[f.op]} ?")
        params.append(parameter(field, f.op, f.value))
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    kind = {"money": Kind.MONEY}
    if d.group_by:
        group = subject.field(d.group_by)
        sums = [subject.field(n) for n in d.totals]
        select = ", ".join([group.sql, "count(*)", *(f"sum({f.sql})" for f in sums)])
        counted = Column("count", QT_TRANSLATE_NOOP("adhoc", "Count"), Kind.COUNT, total=True)
        columns = (Column(group.name, group.title), counted,
                   *(Column(f.name, f.title, Kind.MONEY, total=True) for f in sums))  # fmt: skip
        return (f"SELECT {select} FROM {subject.source}{clause} GROUP BY {group.sql} ORDER BY {group.sql} "
                f"LIMIT {MOST_ROWS}", params, columns)  # fmt: skip
    fields = subject.fields
    columns = tuple(Column(f.name, f.title, kind.get(f.kind, Kind.TEXT), total=f.name in d.totals) for f in fields)
    select = ", ".join(f.sql for f in fields)
    return f"SELECT {select} FROM {subject.source}{clause} ORDER BY 1 LIMIT {MOST_ROWS}", params, columns


def run_adhoc(ctx: ServiceContext, operator: Operator, definition: AdhocDefinition, start: dt.date | None,
              end: dt.date | None, name: str = "") -> Report:  # fmt: skip
    operator.require(Permission.VIEW_AUDIT, translate("adhoc", "run reports"))
    try:
        subject, d = checked(definition)
        first, last = check_range(start, end) if subject.date_field else (end or ctx.today(), end or ctx.today())
        with ctx.db.unit_of_work(write=False) as uow:
            db = driver(uow.session)
            if not set(subject.needs) <= q.tables(db):
                raise ServiceError(
                    translate("adhoc", "{subject_title} are not kept in this database yet.").format(
                        subject_title=translate("adhoc", subject.title)
                    )
                )
            zone = ctx.settings.city.time_zone
            sql, params, columns = _sql(subject, d, db, first, last, zone)
            rows = db.all(sql, params)
    except AdhocError as exc:
        raise ServiceError(str(exc)) from None
    title = name or translate("adhoc", subject.title)
    if not name and d.group_by:
        title = translate("adhoc", "{subject} by {field}").format(
            subject=title, field=translate("adhoc", subject.field(d.group_by).title).lower()
        )
    columns = tuple(replace(column, title=translate("adhoc", column.title)) for column in columns)
    described = "; ".join(f"{f.field} {f.op} {f.value}" for f in d.filters) or "no filters"
    report_def = ReportDefinition(name or "adhoc", title, f"Ad hoc: {subject.title.lower()}, {described}", columns,
                                  dated=bool(subject.date_field))  # fmt: skip
    moments = {i for i, c in enumerate(columns) if subject.field(c.key).kind == "moment"} if not d.group_by else set()
    shown = tuple(
        tuple(_local_time(v, zone) if i in moments else str(v)[:10] if isinstance(v, dt.date) else v
              for i, v in enumerate(r))
        for r in rows
    )  # fmt: skip
    return Report(report_def, first, last, shown)


def _local_time(value: object, zone: str) -> str | None:
    """A stored UTC timestamp as the city's clock read it, to the minute."""
    if value is None:
        return None
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=dt.UTC).astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def save_adhoc(ctx: ServiceContext, operator: Operator, name: str, definition: AdhocDefinition) -> bool:
    """Keep the definition under `name` (lower-case letters, digits, dashes); True when new."""
    operator.require(Permission.VIEW_AUDIT, translate("adhoc", "save reports"))
    name = name.strip().lower()
    if not _NAME.match(name):
        raise ServiceError(
            translate("adhoc", "Name the report with lower-case letters, digits and dashes, like unpaid-water.")
        )
    try:
        checked(definition)
    except AdhocError as exc:
        raise ServiceError(str(exc)) from None
    with ctx.db.unit_of_work() as uow:
        new = store.save(uow.session, name, definition.to_json(), operator.user_id, ctx.now().replace(tzinfo=None))
        audit.record(uow.session, user=operator.user_id, station=ctx.station, event_type="report_saved",
                     object=name, details={"definition": definition.to_json()}, at=ctx.now())  # fmt: skip
        uow.commit()
    return new


def saved_reports(ctx: ServiceContext, operator: Operator) -> list[str]:
    operator.require(Permission.VIEW_AUDIT, translate("adhoc", "run reports"))
    with ctx.db.unit_of_work(write=False) as uow:
        return store.names(uow.session)


def saved_definition(ctx: ServiceContext, operator: Operator, name: str) -> AdhocDefinition:
    operator.require(Permission.VIEW_AUDIT, translate("adhoc", "run reports"))
    with ctx.db.unit_of_work(write=False) as uow:
        text = store.definition(uow.session, name)
    if text is None:
        raise ServiceError(translate("adhoc", "There is no saved report called {name!r}.").format(name=name))
    return AdhocDefinition.from_json(text)


def run_saved(ctx: ServiceContext, operator: Operator, name: str, start: dt.date | None,
              end: dt.date | None) -> Report:  # fmt: skip
    return run_adhoc(ctx, operator, saved_definition(ctx, operator, name), start, end, name)


__all__ = ["run_adhoc", "run_saved", "save_adhoc", "saved_definition", "saved_reports"]
