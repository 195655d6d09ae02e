"""The window's translations: the built .qm files are those of their .ts sources (docs/translations.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"


@pytest.mark.parametrize("ts", sorted(TRANSLATIONS.glob("cashdesk_*.ts")), ids=lambda p: p.name)
def test_the_committed_qm_is_built_from_its_ts(ts: Path, tmp_path: Path) -> None:
    if not LRELEASE.exists():
        pytest.skip("pyside6-lrelease is not installed beside this Python")
    built = tmp_path / "built.qm"
    subprocess.run([str(LRELEASE), "-silent", str(ts), "-qm", str(built)], check=True)
    committed = ts.with_suffix(".qm")
    assert committed.exists(), f"{committed.name} is missing: run python3 dev.py translations"
    assert committed.read_bytes() == built.read_bytes(), f"{committed.name} is stale: run python3 dev.py translations"


def test_there_is_a_spanish_translation() -> None:
    assert (TRANSLATIONS / "cashdesk_es.ts").is_file()
    assert (TRANSLATIONS / "cashdesk_es.qm").is_file()
