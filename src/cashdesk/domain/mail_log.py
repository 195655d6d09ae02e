"""The mail log's entries: documents received by mail that are not payments, each routed to a
city division, and the order the daily log lists the divisions in.

services/mail_log.py records and reads them; documents/mail_log_pdf.py prints a day of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MailLogEntry:
    id: int
    received_on: dt.date
    doc_type: str
    sender: str
    reference: str
    routed_to: str
    notes: str
    logged_by: str
    logged_at: dt.datetime  # aware, UTC


def group_by_division(
    entries: Sequence[MailLogEntry], divisions: Sequence[str]
) -> list[tuple[str, list[MailLogEntry]]]:
    """The configured divisions in their order (only those with entries), then any others by name."""
    groups: dict[str, list[MailLogEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.routed_to, []).append(entry)
    order = [d for d in divisions if d in groups] + sorted(d for d in groups if d not in divisions)
    return [(division, groups[division]) for division in order]
