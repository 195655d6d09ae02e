"""Settings: declared once, read from TOML, shown by `cashdesk config show`, mistakes named."""

import datetime as dt
import os
from pathlib import Path

import pytest

from cashdesk.cli import main
from cashdesk.config import SETTINGS, Settings, SettingsError
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
    write_config('[city]\nname = "City of Lakewood"\ntime_zone = "America/Chicago"\n[station]\nid = "W02"\n'
                 '[allocation]\npriorities = { WATER = 5 }\n')
    assert main(["config", "show"]) == 0
    out = capsys.readouterr().out
    assert 'city.name = "City of Lakewood"    # str, file' in out
    assert 'station.id = "W02"    # str, file' in out
    assert 'allocation.priorities = {"WATER": 5}' in out
    assert 'search.limit = 50    # int, default' in out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[city\nname=", "is not valid TOML"),
        ('[station]\nid = "W 01"\n', "station.id: a station id is 1 to 8 letters or digits"),
        ('[city]\ntime_zone = "Mars/Olympus"\n', "unknown time zone 'Mars/Olympus'"),
        ("[search]\nlimit = 0\n", "search.limit: must be a whole number above 0"),
        ('[search]\nlimit = "50"\n', "search.limit must be a whole number (like 50), not the text \"50\""),
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
