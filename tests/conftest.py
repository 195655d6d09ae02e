"""Shared fixtures: each test gets its own data folder, settings file and database."""

from __future__ import annotations

import os

# Before any Qt import: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's database, settings or logs."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("CASHDESK_LOG_DIR", str(home / "logs"))
    monkeypatch.setenv("CASHDESK_CONFIG", str(home / "config" / "cashdesk.toml"))
    monkeypatch.delenv("CASHDESK_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A fresh, initialised database file with the default revenue codes."""
    from cashdesk.services.setup import init_database

    path = tmp_path / "cashdesk.sqlite3"
    init_database(path)
    return path
