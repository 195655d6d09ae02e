"""The main window's three states: nobody signed in, at work, or locked (the work kept behind the lock)."""

from __future__ import annotations

import enum


class Mode(enum.Enum):
    SIGNED_OUT = "signed out"
    WORKING = "working"
    LOCKED = "locked"
