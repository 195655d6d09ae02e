"""Ad hoc reports: a subject, filters, a grouping and totals, chosen from whitelisted fields.
Nothing a supervisor types becomes SQL: fields are names looked up here, values are parameters."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from cashdesk.domain.money import Money, MoneyError
from cashdesk.domain.research import CriteriaError, parse_date
from cashdesk.words import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    title: str
    sql: str  # the expression, written here, never by a person
    kind: str = "text"  # text, money, date, or moment (a UTC timestamp, shown and filtered by the city's days)


@dataclass(frozen=True, slots=True)
class Subject:
    name: str
    title: str
    source: str  # FROM … (and its joins)
    fields: tuple[Field, ...]
    date_field: str  # the field --from/--to apply to ("" when none)
    needs: tuple[str, ...] = ()

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise AdhocError(
            translate("adhoc", "{what} have no field {name!r}: choose one of {fields}.").format(
                what=self.title, name=name, fields=", ".join(f.name for f in self.fields)
            )
        )


SUBJECTS: tuple[Subject, ...] = (
    Subject("payments", QT_TRANSLATE_NOOP("adhoc", "Payments"), "receipts r", (
        Field("date", QT_TRANSLATE_NOOP("adhoc", "Business date"), "r.business_date", "date"),
        Field("receipt", QT_TRANSLATE_NOOP("adhoc", "Receipt"), "r.number"),
        Field("channel", QT_TRANSLATE_NOOP("adhoc", "Channel"), "r.channel"),
        Field("cashier", QT_TRANSLATE_NOOP("adhoc", "Cashier"), "r.cashier"),
        Field("station", QT_TRANSLATE_NOOP("adhoc", "Station"), "r.station"),
        Field("status", QT_TRANSLATE_NOOP("adhoc", "Status"), "r.status"),
        Field("payer", QT_TRANSLATE_NOOP("adhoc", "Payer"), "r.payer"),
        Field("amount", QT_TRANSLATE_NOOP("adhoc", "Amount"), "r.total_cents", "money"),
    ), "date"),
    Subject("accounts", QT_TRANSLATE_NOOP("adhoc", "Accounts"), "accounts a", (
        Field("account", QT_TRANSLATE_NOOP("adhoc", "Account"), "a.number"),
        Field("name", QT_TRANSLATE_NOOP("adhoc", "Name"), "a.name"),
        Field("kind", QT_TRANSLATE_NOOP("adhoc", "Kind"), "a.kind"),
        Field("status", QT_TRANSLATE_NOOP("adhoc", "Status"), "a.status"),
        Field("credit", QT_TRANSLATE_NOOP("adhoc", "Credit"), "a.credit_cents", "money"),
        Field("deposit_held", QT_TRANSLATE_NOOP("adhoc", "Deposit held"), "a.deposit_held_cents", "money"),
    ), ""),
    Subject("open_items", QT_TRANSLATE_NOOP("adhoc", "Open items"),
            "open_items o JOIN accounts a ON a.id = o.account_id", (
        Field("account", QT_TRANSLATE_NOOP("adhoc", "Account"), "a.number"),
        Field("kind", QT_TRANSLATE_NOOP("adhoc", "Account kind"), "a.kind"),
        Field("revenue_code", QT_TRANSLATE_NOOP("adhoc", "Revenue code"), "o.revenue_code"),
        Field("period", QT_TRANSLATE_NOOP("adhoc", "Period"), "o.period"),
        Field("due", QT_TRANSLATE_NOOP("adhoc", "Due date"), "o.due_date", "date"),
        Field("amount", QT_TRANSLATE_NOOP("adhoc", "Amount"), "o.amount_cents", "money"),
        Field("open", QT_TRANSLATE_NOOP("adhoc", "Open"), "o.amount_cents - o.paid_cents", "money"),
    ), "due"),
    Subject("orders", QT_TRANSLATE_NOOP("adhoc", "Service orders"),
            "work_orders w JOIN accounts a ON a.id = w.account_id", (
        Field("number", QT_TRANSLATE_NOOP("adhoc", "Order"), "w.number"),
        Field("account", QT_TRANSLATE_NOOP("adhoc", "Account"), "a.number"),
        Field("type", QT_TRANSLATE_NOOP("adhoc", "Type"), "w.type"),
        Field("status", QT_TRANSLATE_NOOP("adhoc", "Status"), "w.status"),
        Field("reason", QT_TRANSLATE_NOOP("adhoc", "Reason"), "w.reason"),
        Field("requested_at", QT_TRANSLATE_NOOP("adhoc", "Requested"), "w.requested_at", "moment"),
        Field("scheduled", QT_TRANSLATE_NOOP("adhoc", "Scheduled"), "w.scheduled", "date"),
        Field("fee", QT_TRANSLATE_NOOP("adhoc", "Fee"), "w.fee_cents", "money"),
        Field("crew", QT_TRANSLATE_NOOP("adhoc", "Crew"), "w.crew"),
        Field("completed_at", QT_TRANSLATE_NOOP("adhoc", "Completed"), "w.completed_at", "moment"),
    ), "requested_at", needs=("work_orders",)),
)  # fmt: skip
OPERATORS = {"=": "=", "is": "=", "not": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">=", "contains": "LIKE"}


class AdhocError(ValueError):
    """A definition that cannot run; the message says what to choose instead."""


@dataclass(frozen=True, slots=True)
class Filter:
    field: str
    op: str
    value: str


@dataclass(frozen=True, slots=True)
class AdhocDefinition:
    subject: str
    filters: tuple[Filter, ...] = ()
    group_by: str = ""  # a field name, or "" for one row per record
    totals: tuple[str, ...] = ()  # money fields summed

    def to_json(self) -> str:
        return json.dumps({"subject": self.subject, "filters": [[f.field, f.op, f.value] for f in self.filters],
                           "group_by": self.group_by, "totals": list(self.totals)}, sort_keys=True)  # fmt: skip

    @classmethod
    def from_json(cls, text: str) -> AdhocDefinition:
        raw = json.loads(text)
        return cls(str(raw["subject"]), tuple(Filter(*map(str, f)) for f in raw.get("filters", [])),
                   str(raw.get("group_by", "")), tuple(map(str, raw.get("totals", []))))  # fmt: skip


def subject_named(name: str) -> Subject:
    for s in SUBJECTS:
        if s.name == name:
            return s
    raise AdhocError(
        translate("adhoc", "There is no subject {name!r}: choose one of {subjects}.").format(
            name=name, subjects=", ".join(s.name for s in SUBJECTS)
        )
    )


def day_of(field: Field, value: str) -> dt.date:
    """The day a filter on a date or a moment names; AdhocError in words."""
    try:
        return parse_date(value)
    except CriteriaError as exc:
        raise AdhocError(f"{field.title}: {exc}") from None


def parameter(field: Field, op: str, value: str) -> object:
    """A filter's value as the column holds it; AdhocError in words."""
    try:
        if op == "contains":
            return f"%{value.lower()}%"
        if field.kind == "money":
            return Money.parse(value, allow_negative=True).cents
        if field.kind == "date":
            return parse_date(value).isoformat()
    except (MoneyError, CriteriaError) as exc:
        raise AdhocError(f"{field.title}: {exc}") from None
    return value


def parse_filters(text: str) -> tuple[Filter, ...]:
    """`status = posted; amount >= 100; payer contains garcia`: field, comparison, value, by `;`."""
    found = []
    for part in text.split(";"):
        words = part.split(None, 2)
        if not words:
            continue
        if len(words) < 3 or words[1].lower() not in OPERATORS:
            raise AdhocError(
                translate(
                    "adhoc", "Write each filter as field, comparison and value, like amount >= 100; not {part!r}."
                ).format(part=part.strip())
            )
        found.append(Filter(words[0].lower(), words[1].lower(), words[2].strip()))
    return tuple(found)


def checked(definition: AdhocDefinition) -> tuple[Subject, AdhocDefinition]:
    subject = subject_named(definition.subject)
    for f in definition.filters:
        subject.field(f.field)
        if f.op not in OPERATORS:
            raise AdhocError(
                translate("adhoc", "A filter compares with one of {operators}, not {op!r}.").format(
                    operators=", ".join(OPERATORS), op=f.op
                )
            )
    if definition.group_by and subject.field(definition.group_by).kind == "moment":
        raise AdhocError(
            translate("adhoc", "{group_by!r} is a time to the second: group by another field.").format(
                group_by=definition.group_by
            )
        )
    for name in definition.totals:
        if subject.field(name).kind != "money":
            raise AdhocError(
                translate("adhoc", "Only amounts are totalled; {name!r} is not an amount.").format(name=name)
            )
    return subject, definition


__all__ = ["OPERATORS", "SUBJECTS", "AdhocDefinition", "AdhocError", "Field", "Filter", "Subject", "checked",
           "day_of", "parameter", "parse_filters", "subject_named"]  # fmt: skip
