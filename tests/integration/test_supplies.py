"""The office's supplies: movements kept as written, on hand as their sum, daily use, the reorder
list, the count sheet, the commands, and the receipt paper left at a station."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from pypdf import PdfReader

from cashdesk.cli import main
from cashdesk.config import Settings
from cashdesk.domain.security import Role
from cashdesk.domain.supplies import MovementKind
from cashdesk.services import answer_files, auth, supplies
from cashdesk.services.context import Operator, ServiceContext, ServiceError, command_line_operator
from cashdesk.services.printing import deliver_queued, station_printer
from cashdesk.services.users import add_user
from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401

CASHIER = Operator("jcashier", Role.CASHIER)
SUPERVISOR = Operator("msuper", Role.SUPERVISOR)
PASSWORD = "a-long-password-1"


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def ctx(db_path: Path) -> ServiceContext:
    context = ServiceContext.open(db_path, settings=Settings())
    add_user(context, command_line_operator(), "jcashier", Role.CASHIER, PASSWORD, must_change_password=False)
    supplies.add_item(context, CASHIER, "paper-roll", "Receipt paper roll 80 mm", unit="roll", minimum=10,
                      maximum=60, lead_days=10)  # fmt: skip
    supplies.add_item(context, CASHIER, "BAGS", "Deposit bags", unit="bag", minimum=20, maximum=200, lead_days=5)
    yield context  # type: ignore[misc]
    context.close()


def at(ctx: ServiceContext, days_ago: int) -> None:
    moment = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC) - dt.timedelta(days=days_ago)
    ctx.clock = lambda: moment


def test_on_hand_is_the_sum_of_movements_and_a_count_posts_its_difference(ctx: ServiceContext) -> None:
    assert supplies.move(ctx, CASHIER, "PAPER-ROLL", MovementKind.RECEIVED, 50).on_hand == 50
    assert supplies.move(ctx, CASHIER, "paper-roll", MovementKind.ISSUED, 3).on_hand == 47
    assert supplies.move(ctx, CASHIER, "PAPER-ROLL", MovementKind.DAMAGED, 2).on_hand == 45
    counted = supplies.move(ctx, SUPERVISOR, "PAPER-ROLL", MovementKind.COUNTED, 41)
    assert (counted.quantity, counted.on_hand) == (-4, 41)
    assert counted.describe() == "PAPER-ROLL: counted 41 (a difference of -4); on hand 41."
    with pytest.raises(ServiceError, match="only 41 on hand"):
        supplies.move(ctx, CASHIER, "PAPER-ROLL", MovementKind.ISSUED, 42)
    with pytest.raises(ServiceError, match="There is no item NOPE"):
        supplies.move(ctx, CASHIER, "NOPE", MovementKind.RECEIVED, 1)
    with pytest.raises(ServiceError, match="may not keep the supplies"):
        supplies.move(ctx, Operator("admin1", Role.ADMINISTRATOR), "BAGS", MovementKind.RECEIVED, 1)
    with sqlite3.connect(ctx.db.path) as con:  # type: ignore[arg-type]
        rows = con.execute("SELECT kind, quantity, counted FROM supply_movements ORDER BY id").fetchall()
        with pytest.raises(sqlite3.DatabaseError, match="kept as written"):
            con.execute("DELETE FROM supply_movements")
        events = con.execute("SELECT count(*) FROM audit_events WHERE event_type = 'supply_movement'").fetchone()
    con.close()
    assert rows == [("received", 50, None), ("issued", -3, None), ("damaged", -2, None), ("counted", -4, 41)]
    assert events == (4,)


def test_daily_use_over_thirty_days_and_the_reorder_list(ctx: ServiceContext) -> None:
    at(ctx, 60)
    supplies.move(ctx, CASHIER, "PAPER-ROLL", MovementKind.RECEIVED, 100)
    supplies.move(ctx, CASHIER, "PAPER-ROLL", MovementKind.ISSUED, 40)  # too long ago to count as use
    supplies.move(ctx, CASHIER, "BAGS", MovementKind.RECEIVED, 25)
    at(ctx, 20)
    supplies.move(ctx, CASHIER, "PAPER-ROLL", MovementKind.ISSUED, 30)
    at(ctx, 2)
    supplies.move(ctx, CASHIER, "PAPER-ROLL", MovementKind.ISSUED, 15)  # 45 in 30 days: 1.5 a day
    at(ctx, 0)
    levels = {v.code: v for v in supplies.stock_levels(ctx, CASHIER)}
    paper, bags = levels["PAPER-ROLL"], levels["BAGS"]
    assert (paper.on_hand, paper.used_30_days, paper.daily_use_hundredths) == (15, 45, 150)
    # 15 on hand, above the minimum of 10, but 10 lead days at 1.5 a day take 15: reorder now.
    assert paper.needs_reorder and paper.reorder == 60 + 15 - 15
    assert (bags.on_hand, bags.needs_reorder, bags.reorder) == (25, False, 0)
    supplies.move(ctx, CASHIER, "BAGS", MovementKind.DAMAGED, 6)  # 19: under the minimum of 20
    listed = {v.code: supplies.item_json(v) for v in supplies.reorder_list(ctx, CASHIER)}
    assert listed["BAGS"] == {"item": "BAGS", "name": "Deposit bags", "unit": "bag", "on_hand": 19, "minimum": 20,
                              "maximum": 200, "lead_days": 5, "daily_use": "0.20", "reorder": 200 + 1 - 19}  # fmt: skip
    assert set(listed) == {"PAPER-ROLL", "BAGS"}


def test_the_count_sheet_lists_every_item_with_what_is_on_record(ctx: ServiceContext, tmp_path: Path) -> None:
    supplies.move(ctx, CASHIER, "BAGS", MovementKind.RECEIVED, 120)
    sheet = supplies.count_sheet(ctx, CASHIER, tmp_path)
    text = PdfReader(sheet).pages[0].extract_text()
    assert sheet.name == "supplies-count-2026-11-26.pdf"
    assert "SUPPLIES COUNT SHEET" in text and "Deposit bags" in text and "120" in text and "Counted" in text


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str,
        stdin: str = PASSWORD + "\n") -> tuple[int, str, str]:  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_commands_move_stock_as_a_signed_in_user_and_list_it(
    ctx: ServiceContext, db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = ("--db", str(db_path))
    signed = ("--user", "jcashier", "--password-stdin")
    assert run(capsys, monkeypatch, *db, "supplies", "receive", "BAGS", "30", *signed)[1] == (
        "BAGS: received 30; on hand 30.\n"
    )
    assert run(capsys, monkeypatch, *db, "supplies", "issue", "BAGS", "12", *signed)[0] == 0
    code, out, _ = run(capsys, monkeypatch, *db, "supplies", "count", "BAGS", "17", *signed)
    assert (code, out) == (0, "BAGS: counted 17 (a difference of -1); on hand 17.\n")
    code, _, err = run(capsys, monkeypatch, *db, "supplies", "issue", "BAGS", "1", *signed, stdin="wrong\n")
    assert code == 2 and "not right" in err
    code, out, _ = run(capsys, monkeypatch, *db, "supplies", "list", "--json")
    items = {i["item"]: i for i in json.loads(out)}
    # 12 used in 30 days: 2 in the 5 lead days, on top of the maximum, less what is on hand.
    assert {k: items["BAGS"][k] for k in ("item", "on_hand", "minimum", "reorder")} == {
        "item": "BAGS", "on_hand": 17, "minimum": 20, "reorder": 200 + 2 - 17}  # fmt: skip
    code, out, _ = run(capsys, monkeypatch, *db, "supplies", "reorder", "--json")
    assert {i["item"] for i in json.loads(out)} == {"BAGS", "PAPER-ROLL"}
    code, out, _ = run(capsys, monkeypatch, *db, "supplies", "reorder")
    assert "BAGS" in out and "reorder 185" in out
    code, _, err = run(capsys, monkeypatch, *db, "supplies", "receive", "BAGS", "-3", *signed)
    assert code == 2 and "A quantity is a whole number from 0" in err


def test_the_paper_printed_at_a_station_warns_before_the_roll_runs_out(
    db_path: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    settings = Settings({"printer.spec": printer_emulator.spec, "supplies.roll_length_m": 1})  # 263 lines a roll
    ctx = ServiceContext.open(db_path, settings=settings)
    try:
        answer_files.load_starter_set(ctx, SUPERVISOR)
        supplies.add_item(ctx, CASHIER, "PAPER-ROLL", "Receipt paper roll", unit="roll", minimum=5)
        supplies.move(ctx, CASHIER, "PAPER-ROLL", MovementKind.RECEIVED, 10)
        supplies.move(ctx, CASHIER, "PAPER-ROLL", MovementKind.ISSUED, 1)  # a new roll goes in at W01
        assert supplies.paper_state(ctx).lines_printed == 0
        warned_after = 0
        for n in range(1, 20):
            answer_files.print_answer(ctx, CASHIER, "payment-arrangement")
            printer = station_printer(ctx)
            try:
                assert deliver_queued(ctx, printer).delivered == 1
            finally:
                printer.close()
            if supplies.paper_state(ctx).warning:
                warned_after = n
                break
        state = supplies.paper_state(ctx)
        assert warned_after > 3 and state.percent_left < 10 and state.lines_printed <= state.lines_per_roll
        assert "nearly used up" in state.warning and "supplies issue PAPER-ROLL 1" in state.warning
        supplies.move(ctx, CASHIER, "PAPER-ROLL", MovementKind.ISSUED, 1)
        assert supplies.paper_state(ctx).warning == ""
    finally:
        ctx.close()
