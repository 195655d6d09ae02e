"""The audit chain: each event's SHA-256 covers its content and the previous event's hash.

Changing, removing or inserting an event breaks the chain at that event. An event whose
stored cells cannot be read back (details that are not a JSON object) is named as such.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cashdesk.domain import row_digests
from cashdesk.words import QT_TRANSLATE_NOOP, named

GENESIS = "0" * 64


@dataclass(frozen=True, slots=True)
class AuditRecord:
    seq: int
    at: str  # UTC, ISO 8601 with microseconds, e.g. 2026-11-26T10:31:04.123456Z
    user: str
    station: str
    event_type: str
    object: str
    success: bool
    details: Mapping[str, Any] = field(default_factory=dict)
    prev_hash: str = GENESIS
    hash: str = ""


@dataclass(frozen=True, slots=True)
class UnreadableEvent:
    """An event as stored that cannot be turned back into an AuditRecord."""

    seq: int
    reason: str  # "its details are not valid JSON"
    prev_hash: str = ""
    hash: str = ""


def read_details(text: object) -> dict[str, Any]:
    """An event's stored details; ValueError saying what is wrong with them, in words."""
    if not isinstance(text, str | bytes):
        raise ValueError("its details are not text")
    try:
        details = json.loads(text)
    except (ValueError, RecursionError):
        raise ValueError("its details are not valid JSON") from None
    if not isinstance(details, dict):
        raise ValueError("its details are not a JSON object")
    return details


#: An event's details as stored and as hashed: canonical JSON (keys sorted, compact, UTF-8 as it is),
#: with its encoder made once (every posting writes one).
details_json = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode
_FIELDS_JSON = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


def content(record: AuditRecord, *, details_text: str | None = None) -> bytes:
    """The exact bytes the hash covers: a canonical JSON array of every field but the hashes.

    details_text: the details as `details_json` already wrote them (for the row), so they are
    encoded once; the bytes are those of the whole array written with sorted keys."""
    if details_text is None:
        details_text = details_json(dict(record.details))
    fields = _FIELDS_JSON([record.seq, record.at, record.user, record.station, record.event_type, record.object,
                           record.success])  # fmt: skip
    return (fields[:-1] + "," + details_text + "]").encode("utf-8")


def chain_hash(prev_hash: str, record: AuditRecord, *, old_hex: bool = False, details_text: str | None = None) -> str:
    """Base32 since issue 13, hex before (domain/row_digests.py says why); each event verifies in its own."""
    data = prev_hash.encode("ascii") + b"\n" + content(record, details_text=details_text)
    return row_digests.written(hashlib.sha256(data).digest(), old_hex=old_hex)


@dataclass(frozen=True, slots=True)
class ChainCheck:
    ok: bool
    events: int
    first_bad_seq: int | None = None
    problem: str = ""


def verify_chain(records: Iterable[AuditRecord | UnreadableEvent]) -> ChainCheck:
    """Walk the events in sequence order; name the first that does not fit."""
    expected_prev = GENESIS
    expected_seq = 1
    count = 0
    for record in records:
        count += 1
        if record.seq != expected_seq:
            if record.seq > expected_seq:
                return ChainCheck(False, count, expected_seq, f"event {expected_seq} is missing (removed)")
            return ChainCheck(False, count, record.seq, f"event {record.seq} appears twice (inserted)")
        if isinstance(record, UnreadableEvent):
            return ChainCheck(False, count, record.seq, f"event {record.seq} cannot be read: {record.reason}")
        if record.prev_hash != expected_prev:
            return ChainCheck(
                False, count, record.seq,
                f"event {record.seq} does not follow event {record.seq - 1} (inserted, or an earlier event removed)",
            )  # fmt: skip
        if chain_hash(record.prev_hash, record, old_hex=row_digests.is_old_hex(record.hash)) != record.hash:
            return ChainCheck(False, count, record.seq, f"event {record.seq} was changed after it was written")
        expected_prev = record.hash
        expected_seq += 1
    return ChainCheck(True, count)


#: What each kind of event is called in the audit viewer (its type, as the trail stores it, is the
#: same in every language); a type not named here is shown as written, "sign_in" as "Sign in".
EVENT_NAMES = {
    "answer_printed": QT_TRANSLATE_NOOP("audit", "Answer printed"),
    "answer_saved": QT_TRANSLATE_NOOP("audit", "Answer saved"),
    "answers_import": QT_TRANSLATE_NOOP("audit", "Answers import"),
    "arrangement": QT_TRANSLATE_NOOP("audit", "Arrangement"),
    "audit_export": QT_TRANSLATE_NOOP("audit", "Audit export"),
    "backup": QT_TRANSLATE_NOOP("audit", "Backup"),
    "cash_drop": QT_TRANSLATE_NOOP("audit", "Cash drop"),
    "completions": QT_TRANSLATE_NOOP("audit", "Completions"),
    "crew_sheet": QT_TRANSLATE_NOOP("audit", "Crew sheet"),
    "day_close": QT_TRANSLATE_NOOP("audit", "Day close"),
    "delinquency_run": QT_TRANSLATE_NOOP("audit", "Delinquency run"),
    "demo_data": QT_TRANSLATE_NOOP("audit", "Demo data"),
    "deposit_export": QT_TRANSLATE_NOOP("audit", "Deposit export"),
    "drawer_close": QT_TRANSLATE_NOOP("audit", "Drawer close"),
    "drawer_count": QT_TRANSLATE_NOOP("audit", "Drawer count"),
    "drawer_kick_expired": QT_TRANSLATE_NOOP("audit", "Drawer kick expired"),
    "drawer_open": QT_TRANSLATE_NOOP("audit", "Drawer open"),
    "guards_restored": QT_TRANSLATE_NOOP("audit", "Guards restored"),
    "import_accounts": QT_TRANSLATE_NOOP("audit", "Import accounts"),
    "init": QT_TRANSLATE_NOOP("audit", "Init"),
    "lock": QT_TRANSLATE_NOOP("audit", "Lock"),
    "mail_batch_balance": QT_TRANSLATE_NOOP("audit", "Mail batch balance"),
    "mail_batch_open": QT_TRANSLATE_NOOP("audit", "Mail batch open"),
    "mail_batch_post": QT_TRANSLATE_NOOP("audit", "Mail batch post"),
    "mail_batch_reject": QT_TRANSLATE_NOOP("audit", "Mail batch reject"),
    "mail_import": QT_TRANSLATE_NOOP("audit", "Mail import"),
    "mail_item_remove": QT_TRANSLATE_NOOP("audit", "Mail item remove"),
    "mail_log_pdf": QT_TRANSLATE_NOOP("audit", "Mail log pdf"),
    "mail_logged": QT_TRANSLATE_NOOP("audit", "Mail logged"),
    "mail_receipt": QT_TRANSLATE_NOOP("audit", "Mail receipt"),
    "mail_reversal": QT_TRANSLATE_NOOP("audit", "Mail reversal"),
    "no_sale": QT_TRANSLATE_NOOP("audit", "No sale"),
    "office_day_close": QT_TRANSLATE_NOOP("audit", "Office day close"),
    "office_deposit_export": QT_TRANSLATE_NOOP("audit", "Office deposit export"),
    "office_join": QT_TRANSLATE_NOOP("audit", "Office join"),
    "override": QT_TRANSLATE_NOOP("audit", "Override"),
    "override_use": QT_TRANSLATE_NOOP("audit", "Override use"),
    "paid_out": QT_TRANSLATE_NOOP("audit", "Paid out"),
    "password_change": QT_TRANSLATE_NOOP("audit", "Password change"),
    "password_reset": QT_TRANSLATE_NOOP("audit", "Password reset"),
    "permission_change": QT_TRANSLATE_NOOP("audit", "Permission change"),
    "post": QT_TRANSLATE_NOOP("audit", "Post"),
    "print_retry": QT_TRANSLATE_NOOP("audit", "Print retry"),
    "printer_test": QT_TRANSLATE_NOOP("audit", "Printer test"),
    "receipt_pdf": QT_TRANSLATE_NOOP("audit", "Receipt pdf"),
    "referral_saved": QT_TRANSLATE_NOOP("audit", "Referral saved"),
    "report_saved": QT_TRANSLATE_NOOP("audit", "Report saved"),
    "reprint": QT_TRANSLATE_NOOP("audit", "Reprint"),
    "restore": QT_TRANSLATE_NOOP("audit", "Restore"),
    "returned_check": QT_TRANSLATE_NOOP("audit", "Returned check"),
    "setting_change": QT_TRANSLATE_NOOP("audit", "Setting change"),
    "shutoff_hold": QT_TRANSLATE_NOOP("audit", "Shutoff hold"),
    "shutoff_list": QT_TRANSLATE_NOOP("audit", "Shutoff list"),
    "sign_in": QT_TRANSLATE_NOOP("audit", "Sign in"),
    "sign_out": QT_TRANSLATE_NOOP("audit", "Sign out"),
    "supply_item_added": QT_TRANSLATE_NOOP("audit", "Supply item added"),
    "supply_movement": QT_TRANSLATE_NOOP("audit", "Supply movement"),
    "tax_return": QT_TRANSLATE_NOOP("audit", "Tax return"),
    "unlock": QT_TRANSLATE_NOOP("audit", "Unlock"),
    "user_add": QT_TRANSLATE_NOOP("audit", "User add"),
    "user_disable": QT_TRANSLATE_NOOP("audit", "User disable"),
    "user_enable": QT_TRANSLATE_NOOP("audit", "User enable"),
    "user_unlock": QT_TRANSLATE_NOOP("audit", "User unlock"),
    "void": QT_TRANSLATE_NOOP("audit", "Void"),
    "work_order": QT_TRANSLATE_NOOP("audit", "Work order"),
    "work_order_ticket": QT_TRANSLATE_NOOP("audit", "Work order ticket"),
    "x_report": QT_TRANSLATE_NOOP("audit", "X report"),
    "z_report_pdf": QT_TRANSLATE_NOOP("audit", "Z report pdf"),
}


def event_name(event_type: str) -> str:
    """An event's type as the audit viewer names it, in the window's language."""
    return named("audit", EVENT_NAMES, event_type)
