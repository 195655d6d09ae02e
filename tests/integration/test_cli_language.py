"""The command line speaks English, whatever language the station's window is set to: it never
installs the window's translator, so the services' refusals come out as written (docs/translations.md)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from cashdesk import words
from cashdesk.cli import main


def test_a_refusal_at_the_command_line_is_in_english_on_a_spanish_station(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Path(os.environ["CASHDESK_CONFIG"])
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('[ui]\nlanguage = "es"\n', encoding="utf-8")
    db = str(tmp_path / "city.sqlite3")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["--db", db, "init"]) == 0
    capsys.readouterr()

    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))
    code = main(["--db", db, "user", "add", "J Smith", "--role", "cashier", "--password-stdin"])
    err = capsys.readouterr().err
    assert code == 2
    assert "A user id is 2 to 32 characters: lowercase letters, digits, '.', '_' or '-'" in err
    assert words.translate("security", "The password cannot contain the user id.") == (
        "The password cannot contain the user id."
    )


def test_the_words_are_english_until_a_translator_is_set() -> None:
    assert words.translate("payments", "Type an account number.") == "Type an account number."
    words.set_translator(lambda context, text: f"{context}:{text.upper()}")
    try:
        assert words.translate("payments", "Type an account number.") == "payments:TYPE AN ACCOUNT NUMBER."
    finally:
        words.set_translator(None)
    assert words.translate("payments", "Type an account number.") == "Type an account number."
