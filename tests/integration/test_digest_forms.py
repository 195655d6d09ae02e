"""The trail's SHA-256s are written in base32 since issue 13, so no card-data scanner takes their
digit runs for card numbers; a trail written before, in hex, still verifies event by event, and
goes on in base32 from its last old event."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from cashdesk.cli import main
from cashdesk.domain import row_digests as rd
from cashdesk.domain.audit import GENESIS, AuditRecord, chain_hash
from cashdesk.store import sealed
from cashdesk.store.db import Database
from cashdesk.store.posting import driver
from tests.integration.test_money_trail import (  # noqa: F401
    DAY,
    PERMIT,
    day,
    day_template,
    event,
    query,
    tamper,
    verify,
)

BASE32 = re.compile(r"[a-z2-7]{52}")


def digests_in_hex(path: Path) -> dict[int, dict[str, Any]]:
    """Each event's details as a version before issue 13 wrote them: its rows' digests in hex."""
    database = Database.open(path)
    try:
        with database.unit_of_work(write=False) as uow:
            db = driver(uow.session)
            events = db.all("SELECT seq, event_type, object, details FROM audit_events ORDER BY seq")
            written: dict[int, dict[str, Any]] = {}
            for seq, event_type, object_, text in events:
                details = json.loads(text)
                if rd.DIGESTS in details:
                    found = sealed.read(db, event_type, object_, details)
                    details[rd.DIGESTS] = {k: rd.digest(rows, old_hex=True) for k, rows in found.parts.items()}
                if rd.RECEIPT_DIGESTS in details:
                    details[rd.RECEIPT_DIGESTS] = {number: rd.combined(parts, old_hex=True)
                                                   for number, parts in sorted(found.receipts.items())}  # fmt: skip
                written[int(seq)] = details
            return written
    finally:
        database.dispose()


def as_written_before_issue_13(path: Path) -> None:
    """The whole trail rewritten as the hex version wrote it: the digests and the chain in hex."""
    details = digests_in_hex(path)
    statements = ["DELETE FROM audit_events"]
    prev = GENESIS
    for seq, at, user, station, event_type, obj, success, _ in query(
        path, 'SELECT seq, at, "user", station, event_type, object, success, details FROM audit_events ORDER BY seq'
    ):
        record = AuditRecord(int(seq), str(at), str(user), str(station), str(event_type), str(obj), bool(success),
                             details[int(seq)], prev)  # type: ignore[call-overload]  # fmt: skip
        digest = chain_hash(prev, record, old_hex=True)
        text = json.dumps(details[int(seq)], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        statements.append(
            'INSERT INTO audit_events (seq, at, "user", station, event_type, object, success, details, prev_hash, '
            f"hash) VALUES ({seq}, '{at}', '{user}', '{station}', '{event_type}', '{obj}', {success}, "
            f"'{text}', '{prev}', '{digest}')"
        )
        prev = digest
    tamper(path, *statements)


def test_a_new_trail_holds_no_hex_and_no_long_digit_run(day: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    cells = query(day, "SELECT prev_hash, hash, details FROM audit_events ORDER BY seq")
    assert all(BASE32.fullmatch(h) for _, h, _ in cells)
    assert all(p == GENESIS or BASE32.fullmatch(str(p)) for p, _, _ in cells)
    carried = [v for *_, d in cells for v in json.loads(str(d)).get(rd.DIGESTS, {}).values()]
    assert carried and all(BASE32.fullmatch(v) for v in carried)
    assert not any(re.search(r"[0-9]{13}", f"{p}{h}{d}") for p, h, d in cells if p != GENESIS)
    assert verify(day, capsys)[0] == 0


def test_a_trail_written_in_hex_still_verifies_and_goes_on_in_base32(
    day: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],  # noqa: F811
) -> None:
    as_written_before_issue_13(day)
    cells = query(day, "SELECT hash, details FROM audit_events ORDER BY seq")
    assert all(len(str(h)) == 64 for h, _ in cells)
    assert any('"digests":{' in str(d) and len(json.loads(str(d))["digests"]["receipt"]) == 64
               for _, d in cells if "receipt" in json.loads(str(d)).get("digests", {}))  # fmt: skip
    code, out = verify(day, capsys)
    assert code == 0, out

    # A new event (the export is itself audited) follows the last hex one, in base32.
    last = len(cells)
    out_file = tmp_path / "audit.csv"
    assert (
        main(["--db", str(day), "audit", "export", "--from", str(DAY), "--to", str(DAY), "--out", str(out_file)]) == 0
    )
    ((prev, digest),) = query(day, "SELECT prev_hash, hash FROM audit_events WHERE seq = ?", (last + 1,))
    assert prev == cells[-1][0] and BASE32.fullmatch(str(digest))
    code, out = verify(day, capsys)
    assert code == 0, out


def test_a_row_sealed_in_hex_and_changed_is_still_named(day: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    as_written_before_issue_13(day)
    tamper(day, f"UPDATE receipts SET payer = 'Someone Else' WHERE number = '{PERMIT}'")
    code, out = verify(day, capsys)
    assert code == 1
    post = event(day, "post", PERMIT)
    assert (
        f"- Receipt {PERMIT}: its amounts, payer, date or drawer no longer match what was posted (event {post})." in out
    )


def test_an_event_changed_in_a_hex_trail_breaks_the_chain(day: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    as_written_before_issue_13(day)
    seq = event(day, "post", PERMIT)
    tamper(day, f"UPDATE audit_events SET station = 'W09' WHERE seq = {seq}")
    code, out = verify(day, capsys)
    assert code == 1 and f"event {seq} was changed after it was written" in out
