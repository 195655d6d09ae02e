"""The window's start puts back a guard someone took out of the database file, and says so in the trail."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from cashdesk.ui.app import READY, run


def test_the_windows_start_puts_back_a_dropped_guard_and_records_it(
    qapp: QApplication, city_db: Path, critical_boxes: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    con = sqlite3.connect(city_db)
    con.execute("DROP TRIGGER receipts_no_delete")
    con.execute("DROP TRIGGER audit_events_no_delete")
    con.commit()
    con.close()

    # Up long enough for the check that runs a moment after the window shows; closing waits for it.
    assert run(db=city_db, quit_after_ms=1500) == 0
    assert capsys.readouterr().out == f"{READY}\n"
    assert critical_boxes == []  # the cashier is not stopped: the file is sound, the guard is back

    con = sqlite3.connect(city_db)
    try:
        names = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert {"receipts_no_delete", "audit_events_no_delete"} <= names
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            con.execute("DELETE FROM audit_events")
        ((user, obj, details),) = con.execute(
            "SELECT user, object, details FROM audit_events WHERE event_type = 'guards_restored'"
        ).fetchall()
    finally:
        con.close()
    assert user.startswith("os:") and obj == "database"
    assert json.loads(details) == {"triggers": ["audit_events_no_delete", "receipts_no_delete"], "changed": []}
