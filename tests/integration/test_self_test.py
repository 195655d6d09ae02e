"""`cashdesk --self-test` from a source install, its steps in words, and a failure named by its step."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from cashdesk import resource_files
from cashdesk.cli import main
from cashdesk.config import Settings
from cashdesk.devices.logo import logo_raster
from cashdesk.services.receipt_jobs import receipt_logo
from cashdesk.services.self_test import run_self_test

STEPS = ("demo city", "sign-in", "drawer opened", "payment", "receipt printed", "drawer balanced",
         "deposit exported", "deposit files", "audit trail", "window")  # fmt: skip


@pytest.mark.slow
def test_the_self_test_passes_step_by_step_and_leaves_nothing_behind(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "cashdesk", "--self-test"], capture_output=True, text=True,
                          timeout=300, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    said = [line.split(":")[0] for line in done.stdout.splitlines() if line.startswith("ok  ")]
    assert said == [f"ok  {step}" for step in STEPS]
    assert "screens loads" in done.stdout  # every screen's code, not only the sign-in
    assert done.stdout.rstrip().splitlines()[-1].startswith("cashdesk self-test passed in ")
    assert list(tmp_path.iterdir()) == []  # its folder was a temporary one
    assert not (Path.home() / "data" / "cashdesk").exists()  # not the user's database either


def test_a_failed_step_is_named_and_the_status_is_1(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    """An installation without its resources folder: the receipt's logo is the first to miss it."""
    monkeypatch.setattr(resource_files, "CANDIDATES", (Path("/nonexistent/resources"),))
    assert main(["--self-test"]) == 1
    out, err = capsys.readouterr()
    assert "ok  payment: receipt W01-" in out
    assert err.startswith("cashdesk self-test FAILED at receipt printed: the receipt logo could not be read")


def test_the_station_s_own_settings_and_printer_are_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A station with a real printer and its own database runs the self-test without touching either."""
    config = Path.home() / "config" / "cashdesk.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[printer]\nspec = "127.0.0.1:9"\n')
    monkeypatch.setenv("CASHDESK_PRINTER", "127.0.0.1:9")
    monkeypatch.setenv("CASHDESK_DB", str(tmp_path / "station.sqlite3"))
    said: list[str] = []
    (tmp_path / "self-test").mkdir()
    run_self_test(tmp_path / "self-test", said.append)
    assert any(line.startswith("ok  receipt printed: ") for line in said)
    assert (tmp_path / "self-test" / "receipts").is_dir()
    assert not (tmp_path / "station.sqlite3").exists()
    assert os.environ["CASHDESK_PRINTER"] == "127.0.0.1:9" and os.environ["CASHDESK_DB"].endswith("station.sqlite3")


def _ctx(**values: Any) -> Any:
    return SimpleNamespace(settings=Settings(values))


def test_the_receipt_logo_is_off_until_the_city_turns_it_on() -> None:
    assert receipt_logo(_ctx()) == b""
    assert receipt_logo(_ctx(**{"receipt.logo": True})) == logo_raster(resource_files.receipt_logo(42))
    on_58mm = receipt_logo(_ctx(**{"receipt.logo": True, "printer.width": 32}))
    assert on_58mm == logo_raster(resource_files.receipt_logo(32)) != receipt_logo(_ctx(**{"receipt.logo": True}))


def test_the_city_s_own_logo_file_and_one_that_cannot_be_read(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from PIL import Image

    seal = tmp_path / "seal.png"
    Image.new("1", (200, 80), 0).save(seal)
    assert receipt_logo(_ctx(**{"receipt.logo": True, "receipt.logo_file": str(seal)})) == logo_raster(seal)
    with caplog.at_level(logging.WARNING):
        missing = receipt_logo(_ctx(**{"receipt.logo": True, "receipt.logo_file": str(tmp_path / "gone.png")}))
    assert missing == b""
    assert "a receipt printed without its logo: The receipt logo" in caplog.text and "gone.png" in caplog.text


def test_the_window_step_names_a_screen_whose_qt_part_the_bundle_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reports' charts need QtSvgWidgets; a bundle without it must fail its self-test, not a supervisor's key."""
    from cashdesk.cli.self_test import _screens_load
    from cashdesk.services.self_test import SelfTestFailed

    monkeypatch.delitem(sys.modules, "cashdesk.ui.reports_window", raising=False)
    monkeypatch.setitem(sys.modules, "PySide6.QtSvgWidgets", None)  # what a bundle without it gives: ImportError
    with pytest.raises(SelfTestFailed, match=r"window: cashdesk\.ui\.reports_window does not load"):
        _screens_load()
    monkeypatch.undo()
    assert _screens_load() >= 10
