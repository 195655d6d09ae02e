"""ruff (lint and format) and mypy (strict) run with the suite, so CI enforces them.

Their settings are in pyproject.toml. ruff checks and formats the whole tree a change can touch
(src/, tests/ and bench/); mypy checks what pyproject.toml tells it to (the `cashdesk` package,
strict). A new file is checked from its first commit: there is no list to join.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: The folders ruff checks and formats: the application, its tests and its benchmarks.
TREE = ("src", "tests", "bench")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


def _failed(result: subprocess.CompletedProcess[str], fix: str) -> str:
    """What the checker found, and what to run to see it or mend it at the project folder."""
    return f"{result.stdout}{result.stderr}\nTo fix: {fix}"


@pytest.mark.parametrize("module", ["ruff", "mypy"])
def test_the_checkers_are_installed(module: str) -> None:
    """They come with the `test` extra; a missing one fails rather than skips, so CI cannot go quiet."""
    result = _run(module, "--version")
    assert result.returncode == 0, f"{module} is missing: pip install -e '.[test]'\n{result.stderr}"


def test_ruff_finds_nothing() -> None:
    result = _run("ruff", "check", "--no-cache", *TREE)
    assert result.returncode == 0, _failed(
        result, f"ruff check --fix {' '.join(TREE)} mends the safe ones; split long lines by hand"
    )


def test_ruff_format_leaves_the_files_as_they_are() -> None:
    result = _run("ruff", "format", "--check", "--no-cache", "--diff", *TREE)
    assert result.returncode == 0, _failed(result, f"ruff format {' '.join(TREE)}")


def test_mypy_strict_finds_nothing() -> None:
    # No paths: mypy checks what [tool.mypy] in pyproject.toml names, with its settings.
    result = _run("mypy")
    assert result.returncode == 0, _failed(result, "mypy (run it at the project folder; settings in pyproject.toml)")


def test_the_window_module_loads_without_the_database_or_pdf_libraries() -> None:
    """The sign-in shows before SQLAlchemy's ORM and ReportLab are loaded (about half a second of a
    window's start): a screen's module that imports a service at its top brings them in (the paper
    warning did, and the window took 0.6 s to start instead of 0.3 s; docs/performance.md)."""
    import subprocess
    import sys

    heavy = ("reportlab", "sqlalchemy.orm", "cashdesk.store.models")
    code = (
        "import sys, cashdesk.ui.app, cashdesk.ui.main_window\n"
        f"print(','.join(m for m in {heavy!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
