"""Anchors of the audit trail outside the file: printed on the Z report and the day-close report,
written in the deposit file, checked by `audit verify --anchor/--anchors` and by `restore`.

The attack: someone with the file and plain sqlite3 removes an event and recomputes every later
hash (docs/formats.md gives the formula). The chain then holds together and `audit verify` alone
says it is whole; the anchors that had already left the file say otherwise.
"""

import csv
import hashlib
import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from pypdf import PdfReader

from cashdesk.cli import main
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.services import auth
from cashdesk.services.backup import BackupError, backup
from cashdesk.services.balancing import z_report_pdf
from cashdesk.services.context import ServiceContext, command_line_operator
from cashdesk.services.day_close import close_day, day_status
from cashdesk.services.deposit import export_deposit
from cashdesk.services.drawers import open_drawer
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from cashdesk.services.printing import deliver_queued, station_printer
from cashdesk.services.restore import restore
from cashdesk.store import guards
from tests.integration.test_deposit_export import (
    CASHIER,
    DAY,
    FLOAT,
    NOW,
    SUPERVISOR,
    a_full_day,
    add_people,
    cash,
    close_my_drawer,
    make_ctx,
)
from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401

ADMIN = command_line_operator()


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def ctx(small_city: Path, tmp_path: Path, printer_emulator: PrinterEmulator):  # type: ignore[no-untyped-def]  # noqa: F811
    context = make_ctx(small_city, **{"printer.spec": printer_emulator.spec,
                                      "backup.folder": str(tmp_path / "backups")})  # fmt: skip
    add_people(context)
    yield context
    context.close()


def rows(db: Path, sql: str, *args: object) -> list[tuple]:  # type: ignore[type-arg]
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def close_event(db: Path, event_type: str) -> tuple[int, str]:
    ((seq, digest),) = rows(db, "SELECT seq, hash FROM audit_events WHERE event_type = ?", event_type)
    return seq, digest


def printed(seq: int, digest: str) -> str:
    """What a person reads on the paper: the event, then 16 hex digits in groups of four."""
    return f"{seq}:{digest[0:4]}.{digest[4:8]}.{digest[8:12]}.{digest[12:16]}"


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def trailer(path: Path) -> list[str]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))[-1]


def verify(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), "audit", "verify", *args])
    out, err = capsys.readouterr()
    return code, out, err


def copy_of(db: Path, to: Path) -> Path:
    """A consistent copy, as anyone who can read the file could take."""
    src, dst = sqlite3.connect(db), sqlite3.connect(to)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return to


def rewrite_from_scratch(db: Path, *, drop: str) -> None:
    """Remove the first event of type `drop`, number the rest again and recompute every hash with
    the published formula: the chain holds together once more. A careful forger puts the guards
    back afterwards."""
    con = sqlite3.connect(db)
    saved = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE '%fts%'"
    ).fetchall()
    for name, _ in saved:
        con.execute(f'DROP TRIGGER "{name}"')
    events = con.execute('SELECT seq, at, "user", station, event_type, object, success, details FROM audit_events '
                         "ORDER BY seq").fetchall()  # fmt: skip
    gone = next(i for i, e in enumerate(events) if e[4] == drop)
    del events[gone]
    con.execute("DELETE FROM audit_events")
    prev = "0" * 64
    for seq, (_, at, user, station, event_type, obj, success, details) in enumerate(events, start=1):
        content = json.dumps([seq, at, user, station, event_type, obj, bool(success), json.loads(details)],
                             sort_keys=True, separators=(",", ":"), ensure_ascii=False)  # fmt: skip
        digest = hashlib.sha256(prev.encode("ascii") + b"\n" + content.encode("utf-8")).hexdigest()
        con.execute('INSERT INTO audit_events (seq, at, "user", station, event_type, object, success, details, '
                    "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (seq, at, user, station, event_type, obj, success, details, prev, digest))  # fmt: skip
        prev = digest
    for _, sql in saved:
        con.execute(sql)
    con.commit()
    con.close()


# -- where the anchors are printed and written -----------------------------------------------------------


def test_the_z_report_prints_the_close_event_as_its_audit_anchor(
    ctx: ServiceContext,
    small_city: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    a_full_day(ctx)  # ends with the drawer's count and close
    seq, digest = close_event(small_city, "drawer_close")
    anchor = printed(seq, digest)

    assert deliver_queued(ctx, station_printer(ctx)).delivered >= 1
    (z_text,) = [text for text in printer_emulator.receipts_text() if "Z REPORT" in text]
    (line,) = [line for line in z_text.splitlines() if "Audit anchor" in line]
    assert line.split() == ["Audit", "anchor", anchor]

    ((drawer_id,),) = rows(small_city, "SELECT id FROM drawers")
    pdf = small_city.parent / "reports" / f"z-report-W01-{drawer_id}.pdf"
    assert anchor in pdf_text(pdf)
    first = pdf.read_bytes()
    close_day(ctx, SUPERVISOR, DAY)  # the trail moves on: the Z report keeps the head as of its close
    assert z_report_pdf(ctx, SUPERVISOR, drawer_id, pdf.parent).read_bytes() == first


def test_the_day_close_report_and_the_deposit_file_carry_the_days_close_event(
    ctx: ServiceContext, small_city: Path, tmp_path: Path
) -> None:
    from cashdesk.ui.day_close import describe_status

    a_full_day(ctx)
    closed = close_day(ctx, SUPERVISOR, DAY)
    seq, digest = close_event(small_city, "day_close")
    anchor = printed(seq, digest)
    assert f"Audit anchor {anchor} (event {seq} of the audit trail" in closed.describe()
    assert f"is closed (msuper). Audit anchor {anchor}." in describe_status(day_status(ctx, DAY))

    folder = tmp_path / "deposits"
    export_deposit(ctx, SUPERVISOR, DAY, folder, ticket_number="T-1", bag_number="B-1")
    deposit = folder / f"deposit-{DAY}.csv"
    assert trailer(deposit)[5:] == [str(seq), digest]  # the whole hash in the file
    first = {p.name: p.read_bytes() for p in folder.iterdir()}

    # The next business day: a drawer opens, a payment posts; the trail's head has moved on.
    open_drawer(ctx, CASHIER, FLOAT)
    post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(1000)),)), [cash(1000)])
    assert rows(small_city, "SELECT max(seq) FROM audit_events")[0][0] > seq
    again = export_deposit(ctx, SUPERVISOR, DAY, folder)
    assert not again.changed
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == first  # byte for byte


def test_the_command_prints_the_anchor_at_close_day(
    ctx: ServiceContext, small_city: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    open_drawer(ctx, CASHIER, FLOAT)
    post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(3490)),)), [cash(4000)])
    close_my_drawer(ctx, CASHIER, CashCount({"B20": 6, "B10": 1, "B1": 4, "C25": 40, "C10": 9}))
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-password-1\n"))
    assert main(["--db", str(small_city), "close-day", "--date", DAY.isoformat(), "--user", "msuper",
                 "--password-stdin"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert f"Audit anchor {printed(*close_event(small_city, 'day_close'))}" in out


# -- audit verify --anchor, --anchors ----------------------------------------------------------------------


def test_a_trail_rewritten_from_scratch_is_caught_by_its_anchors(
    ctx: ServiceContext, small_city: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_full_day(ctx)  # a void, then the drawer's close (the Z report's anchor)
    close_day(ctx, SUPERVISOR, DAY)
    deposits = tmp_path / "deposits"
    export_deposit(ctx, SUPERVISOR, DAY, deposits)
    z_seq, z_hash = close_event(small_city, "drawer_close")
    day_seq, _ = close_event(small_city, "day_close")
    ctx.close()

    code, out, _ = verify(capsys, small_city, "--anchor", printed(z_seq, z_hash), "--anchors", str(deposits))
    assert code == 0
    assert out.splitlines()[-1] == "2 anchors checked: the trail holds each one's event with the same hash."

    forged = copy_of(small_city, tmp_path / "forged.sqlite3")
    rewrite_from_scratch(forged, drop="override")  # who approved the void: no money row tells
    code, out, _ = verify(capsys, forged)
    assert (code, out.split(":")[0]) == (0, "The audit trail is whole"), out  # the hole this closes

    code, out, _ = verify(capsys, forged, "--anchor", printed(z_seq, z_hash))
    assert code == 1
    assert f"the trail was rewritten at or before event {z_seq}: its hash is " in out
    assert f"not {printed(z_seq, z_hash).split(':')[1]}, as in the anchor {printed(z_seq, z_hash)} given." in out

    code, out, _ = verify(capsys, forged, "--anchors", str(deposits))
    assert code == 1
    assert (f"the trail was rewritten at or before event {day_seq}: its hash is " in out
            and f"the anchor of business day {DAY} in deposit-{DAY}.csv." in out)  # fmt: skip

    # The last events removed, the chain cut just before the Z report's anchor: nothing to recompute.
    cut = copy_of(small_city, tmp_path / "cut.sqlite3")
    con = sqlite3.connect(cut)
    con.execute("DROP TRIGGER audit_events_no_delete")
    con.execute("DELETE FROM audit_events WHERE seq >= ?", (z_seq,))
    con.execute(guards.GUARDS[1].sql)  # put back
    con.commit()
    con.close()
    code, out, _ = verify(capsys, cut, "--anchors", str(deposits), "--anchor", printed(z_seq, z_hash))
    assert code == 1 and out.startswith("The audit trail is whole")
    assert "The trail does not match 2 of 2 anchors:" in out
    assert (f"event {z_seq} of the anchor {printed(z_seq, z_hash)} given is not in the trail (the trail ends at "
            f"event {z_seq - 1})") in out  # fmt: skip
    assert f"event {day_seq} of the anchor of business day {DAY} in deposit-{DAY}.csv is not in the trail" in out


def test_anchors_that_cannot_be_read_are_refused_in_words(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(db_path), "audit", "verify", "--anchor", "12"])
    assert stopped.value.code == 2
    assert "'12' is not an anchor: write the event number, a colon and the hash" in capsys.readouterr().err

    code, out, err = verify(capsys, db_path, "--anchors", str(tmp_path / "nowhere"))
    assert (code, out) == (2, "") and f"There is no folder {tmp_path / 'nowhere'}" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = verify(capsys, db_path, "--anchors", str(empty))
    assert (code, out) == (2, "") and "there are no deposit files" in err
    (empty / "deposit-2026-11-25.csv").write_text("record,business_date\nD,2026-11-25\nT,2026-11-25,1\n")
    code, out, err = verify(capsys, db_path, "--anchors", str(empty))
    assert code == 2 and "is not a deposit file cashdesk can read" in err and "Traceback" not in err


# -- restore -----------------------------------------------------------------------------------------------


def test_restore_refuses_a_backup_that_does_not_reach_the_last_anchor(
    ctx: ServiceContext, small_city: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_drawer(ctx, CASHIER, FLOAT)
    post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(3490)),)), [cash(4000)])
    older = backup(ctx, ADMIN, tmp_path / "older.sqlite3").path  # before the drawer's close
    drawer_id = close_my_drawer(ctx, CASHIER, CashCount({"B20": 6, "B10": 1, "B1": 4, "C25": 40, "C10": 9}))
    z_seq, _ = close_event(small_city, "drawer_close")
    newer = backup(ctx, ADMIN, tmp_path / "newer.sqlite3").path
    forged = copy_of(newer, tmp_path / "forged.sqlite3")
    rewrite_from_scratch(forged, drop="post")  # a backup whose trail verifies by itself
    ctx.close()

    def untouched() -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in small_city.parent.iterdir() if p.name.startswith(small_city.name)}

    before = untouched()
    ((ends,),) = rows(older, "SELECT max(seq) FROM audit_events")
    with pytest.raises(BackupError) as refused:
        restore(older, small_city, user=ADMIN.user_id, now=NOW)
    assert str(refused.value) == (
        f"Not restored: The backup does not reach the last audit anchor known: event {z_seq}, the anchor printed "
        f"on the Z report of drawer {drawer_id} (in {small_city.name}), is not in its trail (it ends at event "
        f"{ends}). Restoring it would lose events already printed or sent to the bank; restore a newer backup "
        "(the day close takes one). The database was left as it was."
    )  # fmt: skip
    with pytest.raises(BackupError, match=f"differs from the last anchor known at event {z_seq}"):
        restore(forged, small_city, user=ADMIN.user_id, now=NOW)
    assert main(["--db", str(small_city), "restore", str(older)]) == 2
    assert "Not restored: The backup does not reach the last audit anchor known" in capsys.readouterr().err
    assert untouched() == before and not list(tmp_path.rglob("*.replaced-*"))

    # The database destroyed: the anchor kept beside it still refuses the older backup.
    kept = json.loads((small_city.parent / f"{small_city.name}.anchor").read_text())
    assert (kept["seq"], kept["event_type"], kept["object"]) == (z_seq, "drawer_close", f"drawer {drawer_id}")
    shutil.move(small_city, tmp_path / "lost.sqlite3")
    with pytest.raises(
        BackupError,
        match=rf"event {z_seq}, the anchor printed on the Z report of drawer "
        rf"{drawer_id} \(kept in {small_city.name}.anchor\), is not in its trail",
    ):
        restore(older, small_city, user=ADMIN.user_id, now=NOW)
    assert not small_city.exists()
    restored = restore(newer, small_city, user=ADMIN.user_id, now=NOW)  # one that reaches it is put back
    assert restored.check.ok and close_event(small_city, "drawer_close")[0] == z_seq

    (small_city.parent / f"{small_city.name}.anchor").write_text("{garbled")
    with pytest.raises(BackupError, match=r"^Not restored: The audit anchor kept in .* cannot be read"):
        restore(newer, small_city, user=ADMIN.user_id, now=NOW)
