"""Setting up a station: `cashdesk printer status` and `cashdesk printer test` on a real TCP printer."""

from pathlib import Path

import pytest

from cashdesk.cli import main
from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401


def test_status_and_test_print_through_the_environment_variable(
    db_path: Path,
    printer_emulator: PrinterEmulator,
    monkeypatch: pytest.MonkeyPatch,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CASHDESK_PRINTER", printer_emulator.spec)
    assert main(["--db", str(db_path), "printer", "status"]) == 0
    out = capsys.readouterr().out
    assert printer_emulator.spec in out and "Status: Online" in out
    assert main(["--db", str(db_path), "printer", "test"]) == 0
    assert "Printed a sample receipt and opened the cash drawer." in capsys.readouterr().out
    (receipt,) = printer_emulator.receipts_text()
    assert "City of Aurelia" in receipt and "W01-TEST-000000" in receipt
    assert printer_emulator.drawer_kicks() == 1


@pytest.mark.parametrize(("mode", "shown"), [("paper_out", "paper"), ("cover_open", "over"), ("offline", "")])
def test_a_printer_that_cannot_print_is_reported_and_sent_nothing(
    db_path: Path,
    printer_emulator: PrinterEmulator,
    monkeypatch: pytest.MonkeyPatch,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    mode: str,
    shown: str,
) -> None:
    monkeypatch.setenv("CASHDESK_PRINTER", printer_emulator.spec)
    printer_emulator.set_mode(mode)
    assert main(["--db", str(db_path), "printer", "test"]) == 1
    out = capsys.readouterr().out
    assert "The sample receipt was not printed" in out
    assert shown.lower() in out.lower()
    assert printer_emulator.receipts_text() == []


def test_a_bad_printer_setting_is_named(db_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    monkeypatch.setenv("CASHDESK_PRINTER", "lpt1")
    assert main(["--db", str(db_path), "printer", "status"]) == 2
    assert "is not a printer spec" in capsys.readouterr().err


def test_a_new_station_checks_its_printer_before_it_has_a_database(
    tmp_path: Path,
    printer_emulator: PrinterEmulator,
    monkeypatch: pytest.MonkeyPatch,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("CASHDESK_PRINTER", printer_emulator.spec)
    nothing_yet = tmp_path / "new-station" / "cashdesk.sqlite3"
    assert main(["--db", str(nothing_yet), "printer", "status"]) == 0
    assert "Status: Online" in capsys.readouterr().out
    assert not nothing_yet.exists()  # checking the printer creates no database
