"""Settings: declared once, read from TOML, shown by `cashdesk config show`, mistakes named."""

import dataclasses
import datetime as dt
import os
import re
from pathlib import Path

import pytest

from cashdesk.cli import main
from cashdesk.config import SETTINGS, Settings, SettingsError, key_lines, language_in_file
from cashdesk.services.context import ServiceContext


def write_config(text: str) -> Path:
    path = Path(os.environ["CASHDESK_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "show"]) == 0
    out = capsys.readouterr().out
    assert "(not present)" in out
    for setting in SETTINGS:
        assert f"{setting.key} = " in out
    assert 'station.id = "W01"    # str, default' in out


def test_values_from_the_file_are_shown_with_their_source(capsys: pytest.CaptureFixture[str]) -> None:
    write_config(
        '[city]\nname = "City of Lakewood"\ntime_zone = "America/Chicago"\n[station]\nid = "W02"\n'
        "[allocation]\npriorities = { WATER = 5 }\n"
    )
    assert main(["config", "show"]) == 0
    out = capsys.readouterr().out
    assert 'city.name = "City of Lakewood"    # str, file' in out
    assert 'station.id = "W02"    # str, file' in out
    assert 'allocation.priorities = {"WATER": 5}' in out
    assert "search.limit = 50    # int, default" in out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[city\nname=", "is not valid TOML"),
        ('[station]\nid = "W 01"\n', "station.id: a station id is 1 to 8 letters or digits"),
        ('[city]\ntime_zone = "Mars/Olympus"\n', "unknown time zone 'Mars/Olympus'"),
        ("[search]\nlimit = 0\n", "search.limit: must be a whole number above 0"),
        ('[search]\nlimit = "50"\n', 'search.limit must be a whole number (like 50), not the text "50"'),
        ("[printer]\nspec = 1\n", "printer.spec must be text in quotes"),
        ('[printer]\nspec = "lpt1"\n', "printer.spec: "),
        ("[reciept]\nfooter = 'x'\n", "unknown setting 'reciept.footer'"),
        ("[drawer]\npin = 3\n", "drawer.pin: a cash drawer is on connector pin 2 or pin 5"),
        ("[allocation]\npriorities = { WATER = 1.5 }\n", "the priority of 'WATER' must be a whole number"),
    ],
)
def test_mistakes_in_the_file_are_named(text: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_config(text)
    with pytest.raises(SettingsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Settings.load()
    assert main(["config", "show"]) == 2
    err = capsys.readouterr().err
    assert str(path) in err


def test_today_is_the_date_in_the_city(db_path: Path) -> None:
    late_evening_utc = dt.datetime(2026, 11, 27, 3, 30, tzinfo=dt.UTC)  # 20:30 in Denver on the 26th
    ctx = ServiceContext.open(db_path, settings=Settings({"city.time_zone": "America/Denver"}))
    ctx.clock = lambda: late_evening_utc
    try:
        assert ctx.today() == dt.date(2026, 11, 26)
    finally:
        ctx.close()


def test_every_setting_is_documented() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "configuration.md").read_text(encoding="utf-8")
    missing = [s.key for s in SETTINGS if f"`{s.key}`" not in docs]
    assert missing == []


def test_a_bad_value_is_named_with_the_file_its_line_and_the_key(capsys: pytest.CaptureFixture[str]) -> None:
    path = write_config(
        '# Window 2\n[station]\nid = "W02"\n\n[cash]\nwarn_limit_cents = 100000\nblock_limit_cents = -5  # no drops\n'
    )
    with pytest.raises(SettingsError) as refused:
        Settings.load()
    assert str(refused.value) == f"{path} line 7: cash.block_limit_cents: must be a whole number from 0 to 100000000."
    assert main(["config", "show"]) == 2
    assert f"{path} line 7: cash.block_limit_cents" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('[printer]\nprofile = "default"\nwidth = "42"\n', "line 3: printer.width must be a whole number"),
        ("[reciept]\n\nfooter = 'x'\n", "line 3: unknown setting 'reciept.footer'"),
        (
            '[city]\nname = "x"\n[allocation.priorities]\nWATER = 1\nSEWER = "first"\n',
            "line 3: allocation.priorities: the priority of 'SEWER'",
        ),
        ('[city]\nname = """Aurelia\n[station]\nid = 1"""\n[station]\nid = 1\n', "line 6: station.id must be text"),
        ('station = { id = "W 01" }\n', "line 1: station.id: a station id"),
    ],
)
def test_the_line_named_is_where_the_key_is_written(text: str, said: str) -> None:
    path = write_config(text)
    with pytest.raises(SettingsError, match=re.escape(f"{path} {said}")):
        Settings.load()


def test_settings_are_read_as_typed_attributes() -> None:
    write_config(
        "[cash]\nblock_limit_cents = 150000\n[drawer]\nopen_for_checks = true\n"
        '[mail]\ndivisions = ["City Clerk", "Sales Tax"]\n[allocation]\npriorities = { WATER = 5 }\n'
    )
    settings = Settings.load()
    assert settings.cash.block_limit_cents == 150_000 and settings.cash.warn_limit_cents == 100_000  # file, default
    assert settings.drawer.open_for_checks is True and settings.drawer.pin == 2
    assert settings.mail.divisions == ("City Clerk", "Sales Tax")
    assert dict(settings.allocation.priorities) == {"WATER": 5}
    assert settings.station.id == "W01" and settings.city.time_zone == "America/Denver"
    changed = settings.with_values(station__id="W02")
    assert changed.station.id == "W02" and changed.cash.block_limit_cents == 150_000
    assert settings.station.id == "W01"
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.cash.block_limit_cents = 0  # type: ignore[misc]
    # The flat keys stay for the audit trail and `config show`, with the file's values as written.
    assert settings.flat()["mail.divisions"] == ["City Clerk", "Sales Tax"]
    assert list(settings.flat()) == [s.key for s in SETTINGS]


def test_the_program_reads_no_setting_by_its_string_key() -> None:
    src = Path(__file__).resolve().parents[2] / "src" / "cashdesk"
    by_key = re.compile(r"settings\[")
    readers = [
        f"{p.relative_to(src)}:{n}"
        for p in src.rglob("*.py")
        if p.name != "config.py"
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
        if by_key.search(line)
    ]
    assert readers == []


def test_key_lines_places_tables_and_keys() -> None:
    lines = key_lines('# c\n[city]\nname = "A # b"\n"time_zone" = "UTC"\n\n[allocation.priorities]\nWATER = 1\n')
    assert lines == {
        "city": 2,
        "city.name": 3,
        "city.time_zone": 4,
        "allocation.priorities": 6,
        "allocation.priorities.WATER": 7,
    }


@pytest.mark.parametrize(
    "text, language",
    [
        ('[ui]\nlanguage = "es"\n', "es"),
        ("[ui]\nlanguage = 'es'  # the counter speaks Spanish\n", "es"),
        ('[ui]\nlanguage = "es"\n[station]\nid = "WINDOW-1"\n', "es"),  # a bad value elsewhere
        ('[station]\nid = W01"\n\n[ui]\nlanguage = "es"\n', "es"),  # not TOML elsewhere
        ('[ui]\nlanguage = "fr"\n', "en"),  # not a language the window speaks
        ('[city]\nname = "Lakewood"\n', "en"),  # not said
        ("", "en"),
    ],
)
def test_the_language_is_read_from_the_settings_file_even_past_a_mistake(text: str, language: str) -> None:
    assert language_in_file(write_config(text)) == language


def test_without_a_settings_file_the_language_is_english(tmp_path: Path) -> None:
    assert language_in_file(tmp_path / "absent.toml") == "en"


def test_a_mistake_in_the_settings_is_said_in_the_window_s_language() -> None:
    """With the window's Spanish handed in (here from the .ts itself, as Qt would give it), a settings
    mistake — the file's words and the setting's own check, the printer's spec among them — is Spanish;
    the command line, which never hands one in, keeps the English (the test above)."""
    from tests.support.spanish import in_spanish

    path = write_config('[printer]\nspec = "lpt1"\n')
    with in_spanish(), pytest.raises(SettingsError) as refused:
        Settings.load(path)
    assert str(refused.value) == (
        f'{path} línea 2: printer.spec: "lpt1" no es una especificación de impresora. Use network:HOST[:PORT], '
        "usb:VENDOR:PRODUCT, serial:DEVICE[:BAUD], file:PATH, cups:QUEUE, win32:NAME, pdf:FOLDER or none."
    )
    with pytest.raises(SettingsError) as english:
        Settings.load(path)
    assert str(english.value).startswith(f'{path} line 2: printer.spec: "lpt1" is not a printer spec. Use ')
