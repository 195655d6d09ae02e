"""The audit trail in a real file: append-only, hash-chained, verified by the command."""

import csv
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from cashdesk.cli import main
from cashdesk.config import Settings
from cashdesk.domain.security import Role
from cashdesk.services import audit
from cashdesk.services.context import Operator, PermissionDenied, ServiceContext

T0 = dt.datetime(2026, 11, 26, 16, 0, tzinfo=dt.UTC)  # 09:00 in Denver
SUPERVISOR = Operator("msupervisor", Role.SUPERVISOR)
CASHIER = Operator("jcashier", Role.CASHIER)


def write_events(path: Path, n: int, start: dt.datetime = T0) -> None:
    ctx = ServiceContext.open(path, settings=Settings())
    try:
        for i in range(n):
            with ctx.db.unit_of_work() as uow:
                audit.record(
                    uow.session,
                    user="jcashier",
                    station="W01",
                    event_type="sign_in" if i % 2 else "lock",
                    object=f"object-{i + 1}",
                    details={"i": i + 1},
                    at=start + dt.timedelta(hours=i),
                )
                uow.commit()
    finally:
        ctx.close()


def tamper(path: Path, sql: str, *params: object) -> None:
    """What someone with the file and plain sqlite3 could do: drop our triggers, change the
    trail, and (a careful one) put the triggers back, so only the chain tells."""
    con = sqlite3.connect(path)
    saved = con.execute("SELECT sql FROM sqlite_master WHERE name LIKE 'audit_events_no_%'").fetchall()
    con.execute("DROP TRIGGER audit_events_no_update")
    con.execute("DROP TRIGGER audit_events_no_delete")
    con.execute(sql, params)
    for (trigger,) in saved:
        con.execute(trigger)
    con.commit()
    con.close()


def verify(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--db", str(path), "audit", "verify"])
    return code, capsys.readouterr().out


def test_a_whole_trail_verifies(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_events(db_path, 12)
    code, out = verify(db_path, capsys)
    assert code == 0
    assert out == "The audit trail is whole: 12 events, every hash checks.\n"


def test_one_changed_byte_is_named(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_events(db_path, 12)
    tamper(db_path, "UPDATE audit_events SET object = 'object-8' || char(0) WHERE seq = 7")
    code, out = verify(db_path, capsys)
    assert code == 1
    assert "event 7" in out and "changed" in out


def test_a_changed_user_is_named(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_events(db_path, 6)
    tamper(db_path, "UPDATE audit_events SET user = 'jcashiez' WHERE seq = 3")
    assert verify(db_path, capsys) == (
        1,
        "The audit trail is broken at event 3: event 3 was changed after it was written.\n",
    )


def test_a_removed_event_is_named(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_events(db_path, 6)
    tamper(db_path, "DELETE FROM audit_events WHERE seq = 4")
    code, out = verify(db_path, capsys)
    assert code == 1 and "event 4 is missing" in out


def test_an_inserted_event_is_named(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_events(db_path, 6)
    con = sqlite3.connect(db_path)
    con.execute("DROP TRIGGER audit_events_no_update")
    con.execute("UPDATE audit_events SET seq = -seq WHERE seq >= 4")  # make room
    con.execute("UPDATE audit_events SET seq = 1 - seq WHERE seq < 0")
    row = con.execute("SELECT at, user, station, event_type, object, success, details, prev_hash, hash "
                      "FROM audit_events WHERE seq = 3").fetchone()  # fmt: skip
    con.execute("INSERT INTO audit_events VALUES (4, ?, ?, ?, ?, 'forged', ?, ?, ?, ?)", (*row[:4], *row[5:]))
    con.commit()
    con.close()
    code, out = verify(db_path, capsys)
    assert code == 1 and "event 4" in out


def test_the_trail_refuses_update_and_delete_through_sql(db_path: Path) -> None:
    write_events(db_path, 2)
    con = sqlite3.connect(db_path)
    for sql in ("UPDATE audit_events SET user = 'x'", "DELETE FROM audit_events"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute(sql)
    con.close()


def test_an_event_that_is_not_committed_leaves_no_trace(db_path: Path) -> None:
    ctx = ServiceContext.open(db_path)
    try:
        with ctx.db.unit_of_work() as uow:
            audit.record(uow.session, user="x", station="W01", event_type="post", at=T0)
            # no commit: the money event failed, so did its audit event
        with ctx.db.unit_of_work() as uow:
            audit.record(uow.session, user="x", station="W01", event_type="post", at=T0)
            uow.commit()
        assert audit.verify_audit(ctx).events == 1
    finally:
        ctx.close()


@pytest.mark.parametrize(
    "details",
    [{"password": "hunter2hunter2"}, {"new_password": "x"}, {"memo": "card 4111 1111 1111 1111"}],
)
def test_passwords_and_card_numbers_never_enter_the_trail(db_path: Path, details: dict[str, str]) -> None:
    ctx = ServiceContext.open(db_path)
    try:
        with ctx.db.unit_of_work() as uow, pytest.raises(ValueError):
            audit.record(uow.session, user="x", station="W01", event_type="post", details=details, at=T0)
    finally:
        ctx.close()


def test_a_card_number_in_the_details_is_named_by_its_key_and_digits_split_between_values_are_none(
    db_path: Path,
) -> None:
    ctx = ServiceContext.open(db_path)
    try:
        with ctx.db.unit_of_work() as uow:
            with pytest.raises(ValueError, match="'memo'"):
                card = {"lines": 1, "tenders": [["check", 5000]], "memo": ["4111 1111 1111 1111"]}
                audit.record(uow.session, user="x", station="W01", event_type="post", at=T0, details=card)
            split = {"first": "4111 1111", "second": "1111 1111", "third": [4111, 1111, 1111, 1111]}
            audit.record(uow.session, user="x", station="W01", event_type="post", at=T0, details=split)
            uow.commit()
        assert audit.verify_audit(ctx).events == 1
    finally:
        ctx.close()


def test_export_writes_the_days_events_and_is_itself_audited(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_events(db_path, 30)  # hourly from 09:00 on the 26th (Denver) into the 27th
    out = tmp_path / "audit.csv"
    assert main(["--db", str(db_path), "audit", "export", "--from", "2026-11-26", "--to", "2026-11-26",
                 "--out", str(out)]) == 0  # fmt: skip
    assert "Wrote 15 audit events" in capsys.readouterr().out  # 09:00 … 23:00 Denver time
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [int(r["seq"]) for r in rows] == list(range(1, 16))
    assert rows[0]["user"] == "jcashier" and rows[0]["at_utc"] == "2026-11-26T16:00:00.000000Z"
    assert set(rows[0]) == set(audit.EXPORT_COLUMNS)
    ctx = ServiceContext.open(db_path)
    try:
        last = audit.list_events(ctx, SUPERVISOR, audit.AuditFilter(event_type="audit_export"))
        assert len(last) == 1 and last[0].details["events"] == 15 and last[0].user.startswith("os:")
        assert audit.verify_audit(ctx).ok
    finally:
        ctx.close()


def test_export_neutralises_spreadsheet_formulas(db_path: Path, tmp_path: Path) -> None:
    ctx = ServiceContext.open(db_path)
    try:
        with ctx.db.unit_of_work() as uow:
            audit.record(uow.session, user="x", station="W01", event_type="note", object='=HYPERLINK("x")', at=T0)
            uow.commit()
        out = tmp_path / "a.csv"
        audit.export_events(ctx, SUPERVISOR, dt.date(2026, 11, 26), dt.date(2026, 11, 26), out)
        assert "'=HYPERLINK" in out.read_text(encoding="utf-8")
    finally:
        ctx.close()


def test_a_cashier_cannot_read_or_export_the_trail(db_path: Path, tmp_path: Path) -> None:
    ctx = ServiceContext.open(db_path)
    try:
        with pytest.raises(PermissionDenied, match="may not view the audit trail"):
            audit.list_events(ctx, CASHIER, audit.AuditFilter())
        with pytest.raises(PermissionDenied):
            audit.export_events(ctx, CASHIER, dt.date(2026, 1, 1), dt.date(2026, 1, 2), tmp_path / "x.csv")
        assert not (tmp_path / "x.csv").exists()
    finally:
        ctx.close()


def test_the_viewer_filters_by_user_type_and_date(db_path: Path) -> None:
    write_events(db_path, 6)
    ctx = ServiceContext.open(db_path)
    try:
        locks = audit.list_events(ctx, SUPERVISOR, audit.AuditFilter(event_type="lock"))
        assert [e.seq for e in locks] == [5, 3, 1]
        assert audit.list_events(ctx, SUPERVISOR, audit.AuditFilter(user="nobody")) == []
        next_day = audit.list_events(ctx, SUPERVISOR, audit.AuditFilter(start=dt.date(2026, 11, 27)))
        assert next_day == []
        assert audit.event_types(ctx) == ["lock", "sign_in"]
    finally:
        ctx.close()
