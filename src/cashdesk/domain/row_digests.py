"""Row digests: each money event's audit details carry the SHA-256 of the rows it wrote.

One rule, used when the event is written and when `cashdesk audit verify` reads the rows
back: a row is the list of its values, in the order its part names them, written as
canonical JSON; the rows of a part are sorted (the order they are read in means nothing)
and joined by newlines; the digest is the SHA-256 of those UTF-8 bytes, written in base32
(lowercase, unpadded: 52 characters of a–z and 2–7). Events written before issue 13 carry it in
hex (64 characters); they still verify, each in its own form (`old_hex`). Hex was given up
because a card-data scanner takes its digit runs for card numbers: one hex SHA-256 in 1,800 holds
a whole run of 13–19 digits with a card brand's prefix, length and check digit (one in 300 when
any 13–19 digits inside a longer run count); a base32 one in about three billion holds any run
of 13 digits at all. The audit chain's hashes (domain/audit.py) are written the same way.

Values are written as the database holds them, so a value being written and the same value
read back give the same bytes: dates as YYYY-MM-DD, times (UTC) as YYYY-MM-DD HH:MM:SS.ffffff,
true/false as 1/0, money as integer cents. A digest covers only what never changes after its
event: a receipt's status is covered by the void that changes it, not by the post
(docs/formats.md, "What each money event's digest covers").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

#: The key of an event's details that holds its digests ({part: digest}).
DIGESTS = "digests"
#: A mail batch's details: each receipt's own digest ({receipt number: digest}).
RECEIPT_DIGESTS = "receipt_digests"


def canonical(value: Any) -> Any:
    """A value as the database stores it, in a form JSON writes one way only."""
    if isinstance(value, bool):
        return int(value)
    if value is None or isinstance(value, int | str | float):
        return value
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return {"bytes": bytes(value).hex()}  # never written by cashdesk: a changed cell still digests
    return {"value": str(value)}


#: json.dumps(value, separators=(",", ":"), ensure_ascii=False), with its encoder made once: every
#: posting writes a dozen rows and audit details through it.
compact_json = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


#: Values JSON writes one way as they are (bool, an int's subclass, is not among them).
_AS_THEY_ARE = frozenset({str, int, float, type(None)})


#: How compact_json writes one text (the C function its encoder uses when ensure_ascii is off).
_TEXT = json.encoder.encode_basestring


def _line(row: Sequence[Any]) -> str:
    """compact_json of the row's canonical values. Text, whole numbers, None, true/false, dates and
    times (all a posting writes) are written here value by value, the same bytes; a row holding
    anything else goes through the encoder whole."""
    parts: list[str] = []
    for v in row:
        kind = type(v)
        if kind is str:
            parts.append(_TEXT(v))
        elif kind is int:
            parts.append(int.__repr__(v))
        elif v is None:
            parts.append("null")
        elif kind is bool:
            parts.append("1" if v else "0")
        elif kind is dt.date or kind is dt.datetime:
            parts.append(_TEXT(canonical(v)))
        else:
            return compact_json([v if type(v) in _AS_THEY_ARE else canonical(v) for v in row])
    return "[" + ",".join(parts) + "]"


#: Length of a SHA-256 written in hex, the form of events written before issue 13.
OLD_HEX_LENGTH = 64


_BASE32 = "abcdefghijklmnopqrstuvwxyz234567"  # RFC 4648's alphabet, lowercase
_BASE32_PAIRS = tuple(a + b for a in _BASE32 for b in _BASE32)  # every 10 bits as two characters


def _base32(data: bytes) -> str:
    """base64.b32encode(data), lowercase and unpadded, 10 bits at a time: b32encode works byte by
    byte in Python, and every posting writes five of these."""
    chars = -(-len(data) * 8 // 5)
    pairs = -(-chars // 2)
    n = int.from_bytes(data, "big") << (pairs * 10 - len(data) * 8)
    return "".join([_BASE32_PAIRS[(n >> shift) & 1023] for shift in range(pairs * 10 - 10, -1, -10)])[:chars]


def written(sha256: bytes, *, old_hex: bool = False) -> str:
    """A SHA-256 as the trail writes it: base32, lowercase, unpadded; hex for an older event."""
    if old_hex:
        return sha256.hex()
    return _base32(sha256)


def is_old_hex(stored: str) -> bool:
    """True when a stored digest or chain hash is in the hex form of events before issue 13."""
    return len(stored) == OLD_HEX_LENGTH


def digest(rows: Iterable[Sequence[Any]], *, old_hex: bool = False) -> str:
    """The SHA-256 of the rows of one part (`written`)."""
    text = "\n".join(sorted(_line(row) for row in rows))
    return written(hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest(), old_hex=old_hex)


EMPTY = digest(())


def digests(parts: Mapping[str, Iterable[Sequence[Any]]]) -> dict[str, str]:
    """{part: digest} for an event's parts."""
    return {name: digest(rows) for name, rows in parts.items()}


def combined(parts: Mapping[str, Iterable[Sequence[Any]]], *, old_hex: bool = False) -> str:
    """One digest over several parts (a mail receipt inside its batch's event)."""
    return digest([(name, digest(rows, old_hex=old_hex)) for name, rows in parts.items()], old_hex=old_hex)


# -- what each event seals, in words (audit verify names what no longer matches) ----------------


@dataclass(frozen=True, slots=True)
class Part:
    key: str  # in the event's "digests"
    words: str  # what it is, after "its"-less subject: "its tenders"
    plural: bool = True

    def differs(self, what: str) -> str:
        return f"{self.words} no longer {'match' if self.plural else 'matches'} {what}"

    def gone(self) -> str:
        return f"{self.words} {'are' if self.plural else 'is'} gone"


RECEIPT = Part("receipt", "its amounts, payer, date or drawer")
LINES = Part("lines", "its lines")
TENDERS = Part("tenders", "its tenders")
ALLOCATIONS = Part("allocations", "what it paid on each bill", plural=False)
VOID = Part("void", "its void (status, reason, who and when)", plural=False)
REVERSALS = Part("reversals", "the reversal of what it paid", plural=False)
DROP = Part("drop", "its amount, pieces or time")
PAID_OUT = Part("paid_out", "its amount, payee, reason or approval")
COUNT = Part("count", "its counted and expected figures")
DRAWER = Part("drawer", "its opening float and count")
CLOSE = Part("close", "its close (over/short, float kept, deposit)", plural=False)
CLOSED = Part("closed", "its status and closing time")
BATCH = Part("batch", "its controls, status or who posted it")
ITEMS = Part("items", "its remittances")
ITEM = Part("item", "its remittance's reversal", plural=False)
RETURNED = Part("returned_check", "its record", plural=False)
FEE = Part("fee", "its NSF fee", plural=False)
DAY = Part("day", "its close (who, when, over/short, deposit total)", plural=False)
RECORD = Part("record", "its frozen record (names, GL codes, figures)", plural=False)
ROWS = Part("rows", "its rows")  # a mail receipt whose part cannot be told
#: A receipt's posted parts: a mail batch also records each receipt's own digest of them.
RECEIPT_PARTS = (RECEIPT, LINES, TENDERS, ALLOCATIONS)


@dataclass(frozen=True, slots=True)
class SealedEvent:
    event_type: str
    what: str  # "what was posted": a part "no longer matches <what>"
    parts: tuple[Part, ...]  # the first is the event's main row: its absence is "gone"


SEALED_EVENTS: dict[str, SealedEvent] = {
    e.event_type: e
    for e in (
        SealedEvent("post", "what was posted", (RECEIPT, LINES, TENDERS, ALLOCATIONS)),
        SealedEvent("void", "what the void recorded", (VOID, REVERSALS)),
        SealedEvent("drawer_open", "what was counted when it opened", (DRAWER,)),
        SealedEvent("cash_drop", "what the drop recorded", (DROP,)),
        SealedEvent("paid_out", "what the paid-out recorded", (PAID_OUT,)),
        SealedEvent("drawer_count", "what was counted", (COUNT,)),
        SealedEvent("drawer_close", "what the close recorded", (CLOSE, CLOSED)),
        SealedEvent(
            "mail_batch_post", "what was posted", (BATCH, ITEMS, RECEIPT, LINES, TENDERS, ALLOCATIONS)
        ),  # fmt: skip
        SealedEvent("mail_reversal", "what the reversal recorded", (VOID, ITEM, REVERSALS)),
        SealedEvent("returned_check", "what was recorded", (RETURNED, FEE, REVERSALS)),
        SealedEvent("day_close", "what the close recorded", (DAY, RECORD)),
    )
}


def part(key: str) -> Part:
    for event in SEALED_EVENTS.values():
        for p in event.parts:
            if p.key == key:
                return p
    raise KeyError(key)


@dataclass(frozen=True, slots=True)
class Mismatch:
    part: Part
    gone: bool  # the rows are not there any more (they were when the event was written)


def compare(recorded: Mapping[str, Any], rows: Mapping[str, Iterable[Sequence[Any]]]) -> list[Mismatch]:
    """The parts whose rows, as they are now, no longer give the digest the event recorded.

    A part the event did not record (an older event) is not compared."""
    found: list[Mismatch] = []
    for name, part_rows in rows.items():
        expected = recorded.get(name)
        if not isinstance(expected, str):
            continue
        listed = list(part_rows)
        if digest(listed, old_hex=is_old_hex(expected)) != expected:
            found.append(Mismatch(part(name), gone=not listed))
    return found


def describe(thing: str, event: SealedEvent, mismatch: Mismatch, seq: int) -> str:
    """The sentence `audit verify` prints: "receipt W01-2026-000042: its tenders no longer match
    what was posted (event 1234)"."""
    if mismatch.gone and mismatch.part is event.parts[0]:
        return f"{thing} is gone (event {seq} wrote it)"
    text = mismatch.part.gone() if mismatch.gone else mismatch.part.differs(event.what)
    return f"{thing}: {text} (event {seq})"
