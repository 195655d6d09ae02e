"""How the window writes dates, statuses and account kinds for a person at the counter."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from datetime import tzinfo
from typing import Any

from cashdesk.domain.accounts import AccountKind, AccountStatus
from cashdesk.domain.audit import event_name
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate

_KIND_LABELS = {
    AccountKind.UTILITY.value: QT_TRANSLATE_NOOP("formatting", "Utility"),
    AccountKind.SALES_TAX.value: QT_TRANSLATE_NOOP("formatting", "Sales tax"),
}


def date_text(day: dt.date | None) -> str:
    """US counter style, 03/15/2026; empty for no date."""
    return day.strftime("%m/%d/%Y") if day else ""


def status_text(status: str) -> str:
    try:
        return AccountStatus(status).shown
    except ValueError:  # a status a newer billing import knows; show it as it came
        return status.replace("_", " ").capitalize()


def kind_text(kind: str) -> str:
    return translate("formatting", _KIND_LABELS.get(kind, kind.replace("_", " ").capitalize()))


def utc_text_to_local(at: str, zone: tzinfo) -> dt.datetime:
    """An audit time as stored (UTC, 2026-03-16T19:00:00.000000Z) in the city's time zone."""
    moment = dt.datetime.fromisoformat(at.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(zone)


def moment_text(moment: dt.datetime) -> str:
    """03/16/2026 12:00:05 PM: to the second, as an auditor needs it."""
    return moment.strftime("%m/%d/%Y %I:%M:%S %p")


def event_text(event_type: str) -> str:
    """sign_in -> Sign in (Iniciar sesión in Spanish): domain/audit.py names them."""
    return event_name(event_type)


def details_text(details: Mapping[str, Any]) -> str:
    """A compact one-line reading of an event's details: key: value, key: value."""
    parts = []
    for key, value in sorted(details.items()):
        if isinstance(value, bool):
            shown = "yes" if value else "no"
        elif isinstance(value, str):
            shown = value
        else:
            shown = json.dumps(value, ensure_ascii=False, sort_keys=True)
        parts.append(f"{key.replace('_', ' ')}: {shown}")
    return ", ".join(parts)
