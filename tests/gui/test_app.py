"""Starting the window: refusals with a clear message, and the ready line the start-up benchmark waits for."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from cashdesk.ui.app import READY, run


def test_a_missing_database_is_a_message_and_status_2(
    qapp: QApplication, tmp_path: Path, critical_boxes: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.sqlite3"
    assert run(db=missing) == 2
    assert len(critical_boxes) == 1
    assert f"There is no database at {missing}" in critical_boxes[0]
    assert "cashdesk init" in critical_boxes[0]
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"cashdesk: {critical_boxes[0]}\n"
    assert not missing.exists()


def test_a_broken_settings_file_is_a_message_and_status_2(
    qapp: QApplication, city_db: Path, tmp_path: Path, critical_boxes: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Path(os.environ["CASHDESK_CONFIG"])
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('[station]\nid = "WINDOW-1"\n', encoding="utf-8")
    assert run(db=city_db) == 2
    assert "station.id" in critical_boxes[0]
    assert "station.id" in capsys.readouterr().err


@pytest.fixture
def spanish_station(qapp: QApplication) -> Iterator[Path]:
    """A station whose settings file says Spanish; the window's language is put back to English after."""
    from cashdesk.ui.i18n import install_language

    settings = Path(os.environ["CASHDESK_CONFIG"])
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('[ui]\nlanguage = "es"\n', encoding="utf-8")
    try:
        yield settings
    finally:
        install_language("en")


def test_a_spanish_station_says_a_missing_database_in_spanish(
    spanish_station: Path, tmp_path: Path, critical_boxes: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.sqlite3"
    assert run(db=missing) == 2
    assert critical_boxes == [f"No hay ninguna base de datos en {missing}. Ejecute `cashdesk init` para crear una."]
    assert capsys.readouterr().err == f"cashdesk: {critical_boxes[0]}\n"
    assert not missing.exists()


def test_a_spanish_station_says_a_mistake_in_its_settings_in_spanish(
    spanish_station: Path, city_db: Path, critical_boxes: list[str]
) -> None:
    spanish_station.write_text('[ui]\nlanguage = "es"\n\n[station]\nid = "WINDOW-1"\n', encoding="utf-8")
    assert run(db=city_db) == 2
    assert critical_boxes == [
        f"{spanish_station} línea 5: station.id: el identificador de una estación tiene de 1 a 8 letras o dígitos, "
        "como W01."
    ]


def test_a_spanish_station_says_a_settings_file_that_is_not_toml_in_spanish(
    spanish_station: Path, city_db: Path, critical_boxes: list[str]
) -> None:
    # The language is read line by line: a broken line further down does not hide it.
    spanish_station.write_text('[ui]\nlanguage = "es"\n\n[station]\nid = W01"\n', encoding="utf-8")
    assert run(db=city_db) == 2
    assert len(critical_boxes) == 1
    said = critical_boxes[0]
    assert said.startswith(f"{spanish_station} no es TOML válido: ")
    assert said.endswith(". Corrija el archivo o elimínelo.")
    assert "Fix the file" not in said


def test_quit_after_prints_ready_once_the_sign_in_user_id_has_the_keyboard(
    qapp: QApplication, city_db: Path, critical_boxes: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    focused: list[str] = []

    def on_focus(old: Any, new: Any) -> None:
        # A widget left by an earlier test may lose the keyboard first (new is None): what
        # counts is the first widget of this window that gets it.
        if new is not None:
            focused.append(new.objectName())

    qapp.focusChanged.connect(on_focus)
    try:
        assert run(db=city_db, quit_after_ms=30) == 0
    finally:
        qapp.focusChanged.disconnect(on_focus)
    out, _ = capsys.readouterr()
    assert out == f"{READY}\n"
    assert qapp.applicationName() == "cashdesk"
    assert focused[:1] == ["signInUser"]
    assert critical_boxes == []  # the background check found nothing wrong


@pytest.mark.slow
def test_the_command_with_no_arguments_starts_the_window(city_db: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cashdesk", "--db", str(city_db), "--quit-after", "10"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{READY}\n"


def test_a_changed_settings_file_is_recorded_in_the_audit_trail_after_start(
    qapp: QApplication, city_db: Path, critical_boxes: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    from cashdesk.ui.app import SETTINGS_AUDIT_DELAY_MS

    def setting_changes() -> list[str]:
        con = sqlite3.connect(city_db)
        try:
            return [d for (d,) in con.execute("SELECT details FROM audit_events WHERE event_type = 'setting_change'")]
        finally:
            con.close()

    settings = Path(os.environ["CASHDESK_CONFIG"])
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('[receipt]\nfooter = "Have a good day."\n', encoding="utf-8")
    before = setting_changes()
    assert run(db=city_db, quit_after_ms=SETTINGS_AUDIT_DELAY_MS + 700) == 0
    after = setting_changes()
    assert len(after) == len(before) + 1
    assert "receipt.footer" in after[-1] and "Have a good day." in after[-1]
    assert run(db=city_db, quit_after_ms=SETTINGS_AUDIT_DELAY_MS + 700) == 0
    assert len(setting_changes()) == len(after)  # nothing changed since: nothing recorded
