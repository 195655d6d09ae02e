"""A small city with a few simulated business days, made once per test session and shared by the
research and report tests (read-only: a test that writes takes its own copy)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from argon2 import PasswordHasher

from cashdesk.config import Settings
from cashdesk.services import auth
from cashdesk.services.context import ServiceContext, command_line_operator
from cashdesk.services.demo import generate_demo_city
from cashdesk.services.simulate import SimulatedDay, simulate

NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)  # a Thursday, 10:00 in Denver
DAYS = 6


def build(folder: Path) -> tuple[Path, list[SimulatedDay]]:
    """demo-data (300 accounts) and DAYS simulated days; each day's deposit files in folder/exports."""
    path = folder / "city.sqlite3"
    generate_demo_city(path, accounts=300, seed=3, as_of=NOW.date(), workers=0)
    kept = auth.HASHER
    auth.HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # the staff sign in every day
    ctx = open_city(path)
    try:
        days = simulate(ctx, command_line_operator(), days=DAYS, seed=11, out=folder / "exports",
                        payments_per_drawer=(10, 16))  # fmt: skip
    finally:
        auth.HASHER = kept
        ctx.close()
    return path, days


def open_city(path: Path) -> ServiceContext:
    ctx = ServiceContext.open(path, settings=Settings({"reports.folder": str(path.parent / "reports")}))
    ctx.clock = lambda: NOW
    return ctx


def copy_of(path: Path, to: Path) -> Path:
    shutil.copyfile(path, to)
    return to
