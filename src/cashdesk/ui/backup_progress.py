"""The day close's backup as the supervisor sees it: a bar while it is taken, then what became of it.

The backup runs on its own thread in the services (`services.backup.DayCloseBackup`), started
once the close is committed; this widget only looks at it now and then. Closing the dialog
does not stop the backup, and a failed one is in the log and the audit trail too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from cashdesk.services.backup import stage_words
from cashdesk.ui.credentials import show_message
from cashdesk.ui.i18n import translate

if TYPE_CHECKING:
    from cashdesk.services.backup import DayBackupOutcome, DayCloseBackup

#: How often the bar looks at the backup: often enough to move, rarely enough to cost nothing.
POLL_MS = 150


class BackupProgress(QWidget):
    """Hidden until `follow(backup)`; then a bar (the pages copied, then the check of the copy),
    and at the end the outcome in words (`ended(outcome)`)."""

    ended = Signal(object)  # DayBackupOutcome

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupProgress")
        self.label = QLabel("")
        self.label.setObjectName("backupProgressLabel")
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("backupProgressBar")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.outcome: DayBackupOutcome | None = None
        self._backup: DayCloseBackup | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._look)
        self.hide()

    def follow(self, backup: DayCloseBackup) -> None:
        self._backup = backup
        self.outcome = None
        show_message(self.label, translate("backup_progress", "Backing up to {target}…").format(target=backup.target))
        self.bar.setRange(0, 0)  # busy until the first pages are counted
        self.bar.show()
        self.show()
        self._timer.start()
        self._look()

    def _look(self) -> None:
        backup = self._backup
        if backup is None:
            return
        if backup.finished:
            self._timer.stop()
            self._backup = None
            outcome = backup.wait()
            assert outcome is not None
            self.outcome = outcome
            self.bar.hide()
            show_message(self.label, outcome.describe(), error=outcome.result is None)
            self.ended.emit(outcome)
            return
        stage, done, total = backup.progress()
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        else:
            self.bar.setRange(0, 0)
        self.label.setText(
            translate("backup_progress", "Backing up to {target}: {stage}…").format(
                target=backup.target, stage=stage_words(stage).lower()
            )
        )
