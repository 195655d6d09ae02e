"""Progress for the long commands (imports, the demo city, simulate, backups), on standard error.

A bar drawn by rich while standard error is a terminal; nothing when it is a pipe or a file (a
log, a test reading it), where `import-payments` writes a line now and then instead. --no-progress
turns both off. rich is imported only when a bar is drawn ("deferred: start-up time").
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (2 ms) at start-up
if TYPE_CHECKING:
    from rich.progress import Progress as Bars

    from cashdesk.services.backup import DayCloseBackup

#: What a long command reports to: rows (or days) done, in all.
Progress = Callable[[int, int], None]
#: What a backup reports to: its stage, pages copied, pages in all (0 while the copy is checked).
StagedProgress = Callable[[str, int, int], None]
#: How often `close-day` looks at the backup it waits for, in seconds.
LOOK_EVERY_S = 0.1


def _bars(*, counted: bool) -> Bars:
    from rich.console import Console  # deferred: start-up time
    from rich.progress import BarColumn, MofNCompleteColumn, TaskProgressColumn, TextColumn, TimeRemainingColumn
    from rich.progress import Progress as Bars

    amount = MofNCompleteColumn() if counted else TaskProgressColumn()  # rows are counted; pages are a share
    # What the command prints meanwhile goes above the bar; standard output is taken through rich only
    # when it is the same terminal, never when it is piped (`cashdesk simulate … | …` reads the dates).
    return Bars(TextColumn("{task.description}"), BarColumn(), amount, TimeRemainingColumn(),
                console=Console(stderr=True), redirect_stdout=sys.stdout.isatty())  # fmt: skip


@contextlib.contextmanager
def progress_bar(label: str, *, enabled: bool = True) -> Iterator[Progress | None]:
    """A bar on standard error for the length of the block when it is a terminal; else None."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    with _bars(counted=True) as bars:
        task = bars.add_task(label, total=None)

        def show(done: int, total: int) -> None:
            bars.update(task, completed=done, total=total or None)

        yield show


@contextlib.contextmanager
def backup_bar(*, enabled: bool = True) -> Iterator[StagedProgress | None]:
    """The copy's share done, then a busy bar while the copy is checked; None off a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    with _bars(counted=False) as bars:
        task = bars.add_task("Backing up", total=None)

        def show(stage: str, done: int, total: int) -> None:
            if total:
                bars.update(task, description=stage, completed=done, total=total)
            else:  # the check has no count: the bar stays full from the copy
                bars.update(task, description=stage)

        yield show
        bars.update(task, description="Backed up")


def wait_with_bar(backup: DayCloseBackup, *, enabled: bool = True) -> None:
    """Until the day close's backup (on its own thread) has ended, its bar drawn meanwhile."""
    with backup_bar(enabled=enabled) as show:
        while backup.wait(LOOK_EVERY_S) is None:
            if show is not None:
                show(*backup.progress())


def progress_lines(label: str) -> Progress:
    """For big files when stderr is not a terminal (a log): a line now and then, not a bar."""
    every = 2000

    def show(done: int, total: int) -> None:
        if total >= every and (done % every == 0 or done >= total):
            print(f"{label}: {done:,} of {total:,} rows", file=sys.stderr, flush=True)

    return show
