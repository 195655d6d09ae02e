"""The day close's backup in the window: a bar that moves while it is taken, then the outcome in words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from cashdesk.services.backup import CHECKING, DayCloseBackup, check_backup
from cashdesk.services.context import ServiceContext
from cashdesk.ui.backup_progress import BackupProgress

DAY = dt.date(2026, 11, 25)


def test_the_bar_follows_the_copy_then_says_where_the_backup_is(qtbot: Any, ctx: ServiceContext,
                                                                  tmp_path: Path) -> None:  # fmt: skip
    ctx.settings = ctx.settings.with_values(backup__folder=str(tmp_path / "backups"))
    widget = BackupProgress()
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.ended, timeout=20000) as ended:
        backup = DayCloseBackup.start(ctx, "super1", DAY)
        widget.follow(backup)
        assert widget.isVisible() and widget.label.text().startswith(("Backing up to", "Backed up to"))
    outcome = ended.args[0]
    assert outcome.path == tmp_path / "backups" / "cashdesk-day-2026-11-25.sqlite3" and check_backup(outcome.path).ok
    assert widget.label.text() == f"Backed up to {outcome.path}." and not widget.label.property("error")
    assert not widget.bar.isVisible()
    assert backup.progress()[0] == CHECKING  # its last stage: the pages copied, then the copy checked


def test_a_failed_backup_is_said_in_words(qtbot: Any, ctx: ServiceContext, tmp_path: Path) -> None:
    (tmp_path / "blocked").write_text("a file where the folder should be")
    ctx.settings = ctx.settings.with_values(backup__folder=str(tmp_path / "blocked"))
    widget = BackupProgress()
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.ended, timeout=20000):
        widget.follow(DayCloseBackup.start(ctx, "super1", DAY))
    text = widget.label.text()
    assert text.startswith("The automatic backup failed: Could not make the folder") and "by hand" in text
    assert widget.label.property("error")
