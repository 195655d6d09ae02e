"""The audit chain names the first event that was changed, removed or inserted."""

from dataclasses import replace

from cashdesk.domain.audit import GENESIS, AuditRecord, chain_hash, verify_chain


def build(n: int) -> list[AuditRecord]:
    events = []
    prev = GENESIS
    for seq in range(1, n + 1):
        event = AuditRecord(seq, f"2026-11-26T10:00:{seq:02d}.000000Z", "jsmith", "W01", "sign_in", "jsmith",
                            True, {"n": seq}, prev)  # fmt: skip
        event = replace(event, hash=chain_hash(prev, event))
        events.append(event)
        prev = event.hash
    return events


def test_a_whole_chain_verifies() -> None:
    check = verify_chain(build(10))
    assert check.ok and check.events == 10 and check.first_bad_seq is None


def test_an_empty_trail_is_whole() -> None:
    assert verify_chain([]).ok


def test_a_changed_field_is_named() -> None:
    events = build(10)
    events[4] = replace(events[4], user="someone-else")
    check = verify_chain(events)
    assert not check.ok and check.first_bad_seq == 5 and "changed" in check.problem


def test_a_changed_detail_is_named() -> None:
    events = build(10)
    events[6] = replace(events[6], details={"n": 700})
    assert verify_chain(events).first_bad_seq == 7


def test_a_removed_event_is_named() -> None:
    events = build(10)
    del events[3]
    check = verify_chain(events)
    assert check.first_bad_seq == 4 and "missing" in check.problem


def test_a_removed_event_with_renumbering_is_caught_at_the_next() -> None:
    events = build(10)
    del events[3]
    events = [replace(e, seq=i + 1) for i, e in enumerate(events)]
    check = verify_chain(events)
    assert not check.ok and check.first_bad_seq == 4


def test_an_inserted_event_is_named() -> None:
    events = build(5)
    forged = replace(events[2], details={"n": "forged"})
    forged = replace(forged, hash=chain_hash(forged.prev_hash, forged))
    events.insert(3, replace(forged, seq=3))
    check = verify_chain(events)
    assert not check.ok and check.first_bad_seq == 3 and "twice" in check.problem


def test_a_rehashed_change_still_breaks_the_next_link() -> None:
    events = build(6)
    changed = replace(events[1], success=False)
    events[1] = replace(changed, hash=chain_hash(changed.prev_hash, changed))
    check = verify_chain(events)
    assert check.first_bad_seq == 3
