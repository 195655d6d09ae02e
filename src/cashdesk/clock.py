"""The program's one clock: services, the command line, the window and the store's default
timestamps all read the time here, so a test (or a training room) can set it in one place.

`CASHDESK_CLOCK=2026-11-26T17:00:00Z` starts the clock at that moment when the program starts;
it then runs forward at the machine's pace. The test suite sets it for every test and every
process it starts, so the suite gives the same answers on any day it is run.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable

ENVIRONMENT = "CASHDESK_CLOCK"


def system() -> dt.datetime:
    """The machine's clock, aware, in UTC."""
    return dt.datetime.now(dt.UTC)


def starting_at(moment: dt.datetime) -> Callable[[], dt.datetime]:
    """A clock that reads `moment` now and runs forward from it at the machine's pace."""
    if moment.tzinfo is None:
        raise ValueError("a clock starts at a moment with its time zone")
    started = time.monotonic()
    return lambda: moment + dt.timedelta(seconds=time.monotonic() - started)


def parse(text: str) -> dt.datetime:
    """`2026-11-26T17:00:00Z` or with an offset; refused in words without one."""
    try:
        moment = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{ENVIRONMENT}={text!r} is not a moment like 2026-11-26T17:00:00Z") from None
    if moment.tzinfo is None:
        raise ValueError(f"{ENVIRONMENT}={text!r} needs its time zone, e.g. 2026-11-26T17:00:00Z")
    return moment.astimezone(dt.UTC)


def _from_environment() -> Callable[[], dt.datetime]:
    text = os.environ.get(ENVIRONMENT, "").strip()
    return starting_at(parse(text)) if text else system


_source: Callable[[], dt.datetime] | None = None


def _current() -> Callable[[], dt.datetime]:
    global _source
    if _source is None:
        _source = _from_environment()
    return _source


def check_environment() -> None:
    """Raise ValueError, in words, when CASHDESK_CLOCK is set to something that is not a moment."""
    _current()


def now() -> dt.datetime:
    """The current moment, aware, in UTC."""
    return _current()().astimezone(dt.UTC)


def utcnow_naive() -> dt.datetime:
    """The current moment in UTC without its zone, as the database stores timestamps."""
    return now().replace(tzinfo=None)


def naive_utc(moment: dt.datetime) -> dt.datetime:
    """`moment` in the form the database keeps times in: UTC without its zone."""
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def aware_utc(moment: dt.datetime | None) -> dt.datetime | None:
    """A time read from the database, with its zone (UTC) put back."""
    return None if moment is None else moment.replace(tzinfo=dt.UTC)


def is_set() -> bool:
    """True when something other than the machine's clock tells the time."""
    return _current() is not system


def set_source(source: Callable[[], dt.datetime] | None) -> Callable[[], dt.datetime] | None:
    """Tell the time from `source` from now on (None: from CASHDESK_CLOCK or the machine, as at
    start); returns the one it replaces, to put back."""
    global _source
    previous, _source = _source, source
    return previous


__all__ = [
    "ENVIRONMENT",
    "aware_utc",
    "check_environment",
    "is_set",
    "naive_utc",
    "now",
    "parse",
    "set_source",
    "starting_at",
    "system",
    "utcnow_naive",
]
