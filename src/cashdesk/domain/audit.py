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
