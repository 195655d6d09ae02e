"""The layers of DESIGN.md: imports point one way (checked by import-linter)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_a_domain_import_of_qt_would_be_caught(tmp_path: Path) -> None:
    """The contract is not vacuous: a module that breaks it makes lint-imports fail."""
    bad = ROOT / "src" / "cashdesk" / "domain" / "_layer_probe.py"
    bad.write_text("import sqlalchemy  # deliberately wrong\n")
    try:
        result = subprocess.run(
            [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
    finally:
        bad.unlink()
    assert result.returncode != 0
    assert "cashdesk.domain._layer_probe" in result.stdout
