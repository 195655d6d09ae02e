"""Progress for the long commands, on standard error."""

from __future__ import annotations

import sys
from collections.abc import Callable

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (2 ms) at start-up
if TYPE_CHECKING:
    pass


#: What a long import reports to: rows done, rows in all.
Progress = Callable[[int, int], None]


def progress_lines(label: str) -> Progress:
    """For big files when stderr is not a terminal (a log): a line now and then, not a bar."""
    every = 2000

    def show(done: int, total: int) -> None:
        if total >= every and (done % every == 0 or done >= total):
            print(f"{label}: {done:,} of {total:,} rows", file=sys.stderr, flush=True)

    return show


def progress_bar(label: str) -> Progress | None:
    """A progress bar on stderr when it is a terminal; silent otherwise."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // total if total else width
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show
