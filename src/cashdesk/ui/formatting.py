"""How the window writes dates, statuses and account kinds for a person at the counter."""

from __future__ import annotations

import datetime as dt

from cashdesk.domain.accounts import AccountKind, AccountStatus

_KIND_LABELS = {AccountKind.UTILITY.value: "Utility", AccountKind.SALES_TAX.value: "Sales tax"}


def date_text(day: dt.date | None) -> str:
    """US counter style, 03/15/2026; empty for no date."""
    return day.strftime("%m/%d/%Y") if day else ""


def status_text(status: str) -> str:
    try:
        return AccountStatus(status).label
    except ValueError:  # a status a newer billing import knows; show it as it came
        return status.replace("_", " ").capitalize()


def kind_text(kind: str) -> str:
    return _KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())
