"""Anchors of the audit chain: its head (an event number and that event's hash) kept outside the
database, on a Z report, the day-close report and the deposit file, so that a trail rewritten
from scratch, every later hash recomputed, no longer matches what had already left the file.

A person reads an anchor as `120:a3f2.9b1c.0d44.12ef`: the event number and the first 16
characters of its hash in groups of four (hex for events before issue 13, base32 since:
domain/row_digests.py). Short enough for a receipt line; and the dots mean it never
holds the run of 13 digits that the card-number rule (domain/cards.py) refuses on a slip, which
a whole 64-digit hash sometimes does. Files carry the whole hash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Characters of the hash a person sees: 64 bits (80 in base32), beyond reach of a forged rewrite.
PRINTED_DIGITS = 16
_GROUP = 4
_HASH = re.compile(r"^(?:[0-9a-f]{16,64}|[a-z2-7]{16,52})$")
_IGNORED = re.compile(r"[.\s-]")  # how a printed hash may be grouped when it is typed back


@dataclass(frozen=True, slots=True)
class Anchor:
    """Event `seq` of the trail had `hash` (lowercase base32 or hex: the whole SHA-256, or its printed start)."""

    seq: int
    hash: str
    source: str = ""  # where it was found, as a noun: "the anchor of business day 2026-11-25 (deposit-….csv)"

    def __post_init__(self) -> None:
        if type(self.seq) is not int or self.seq < 1:
            raise ValueError("an anchor's event number is a whole number from 1")
        if not _HASH.match(self.hash):
            raise ValueError("an anchor's hash is 16 to 64 lowercase letters and digits (base32 or hex)")

    @property
    def printed(self) -> str:
        """`120:a3f2.9b1c.0d44.12ef`, as printed and as `audit verify --anchor` takes it."""
        return f"{self.seq}:{printed_hash(self.hash)}"

    def described(self) -> str:
        return self.source or f"the anchor {self.printed}"


def printed_hash(digest: str) -> str:
    """The first 16 characters in groups of four: `a3f2.9b1c.0d44.12ef`."""
    head = digest[:PRINTED_DIGITS]
    return ".".join(head[i : i + _GROUP] for i in range(0, len(head), _GROUP))


def parse_anchor(text: str, source: str = "") -> Anchor:
    """`SEQ:HASH` as printed (`120:a3f2.9b1c.0d44.12ef`) or whole (`120:` and the 52 or 64 characters).

    Raises ValueError saying how to write it."""
    example = "like 120:a3f2.9b1c.0d44.12ef, as printed on the Z report"
    seq_text, colon, rest = text.strip().partition(":")
    if not colon or not seq_text.strip().isdigit() or int(seq_text) < 1:
        raise ValueError(f"{text!r} is not an anchor: write the event number, a colon and the hash, {example}")
    digest = _IGNORED.sub("", rest).lower()
    if not _HASH.match(digest):
        raise ValueError(f"{text!r} is not an anchor: the hash is at least {PRINTED_DIGITS} letters and digits "
                         "(a-z and 2-7, or hex 0-9 and a-f), "
                         f"{example}")  # fmt: skip
    return Anchor(int(seq_text), digest, source)


def anchor_problem(anchor: Anchor, found: str | None, last_seq: int) -> str:
    """ "" when the trail's event `anchor.seq` has the anchor's hash (`found`: its hash, None when the
    trail has no such event; `last_seq`: the trail's last event, 0 when empty); else what is wrong."""
    if found is None:
        ends = f"the trail ends at event {last_seq}" if last_seq else "the trail is empty"
        return f"event {anchor.seq} of {anchor.described()} is not in the trail ({ends})"
    found = found.lower()
    if not found.startswith(anchor.hash):
        ours, theirs = printed_hash(found), printed_hash(anchor.hash)
        if ours == theirs:  # they differ further on: show them whole
            ours, theirs = found, anchor.hash
        return (f"the trail was rewritten at or before event {anchor.seq}: its hash is {ours} not {theirs}, "
                f"as in {anchor.described()}")  # fmt: skip
    return ""
