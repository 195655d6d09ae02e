"""The office's accounts master, loaded at the office itself (`cashdesk --db postgresql://…
import-accounts FILE`, `demo-data`; docs/office.md): windows receive it at their next sync.

It is the window's own import and demo code, not a second one: the office's master rows are
copied into a window-shaped SQLite file in a temporary folder, the window's code runs on it as on
a window's file (its checks, its refusals, all or nothing), and what it added or changed is
written to the office in one transaction (store/office_master.py)."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from cashdesk.config import Settings
from cashdesk.domain.security import Permission
from cashdesk.services.context import Operator, ServiceContext, ServiceError, command_line_operator
from cashdesk.services.demo import DemoResult, generate_demo_city
from cashdesk.services.imports import ImportResult, Progress, import_accounts
from cashdesk.services.office import OfficeRefused, office_at, where
from cashdesk.services.setup import init_database
from cashdesk.store import office_master as store
from cashdesk.store.office import Office, OfficeUnreachable
from cashdesk.words import translate

log = logging.getLogger(__name__)

R = TypeVar("R")

#: How the tables are named to a person.
NAMES = {"revenue_codes": "revenue codes", "accounts": "accounts", "open_items": "open items",
         "account_history": "history lines"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class OfficeLoaded:
    office: str  # where, said to a person
    counts: dict[str, tuple[int, int]]  # table -> (rows added, rows changed) at the office

    def describe(self) -> str:
        said = ", ".join(f"{NAMES[t]} {a:,} added and {c:,} changed" for t, (a, c) in self.counts.items() if a or c)
        if not said:
            return f"The office at {self.office} had all of it already: nothing changed there."
        return (f"At the office at {self.office}: {said}. Each window takes them in at its next sync "
                "(`cashdesk sync`, or by itself while the window runs).")  # fmt: skip


def import_into_office(url: str, path: str | os.PathLike[str], settings: Settings, *,
                       progress: Progress | None = None,
                       actor: Operator | None = None) -> tuple[ImportResult, OfficeLoaded]:  # fmt: skip
    """The billing system's accounts file into the office's master, checked as at a window: a file
    with any problem is refused (ImportRefused, every problem listed) and the office is unchanged."""
    actor = actor or command_line_operator()
    actor.require(Permission.IMPORT_DATA, translate("office_master", "import accounts into the office"))
    return _load(url, settings, lambda copy: import_accounts(copy, path, progress=progress, actor=actor))


def demo_into_office(url: str, settings: Settings, *, accounts: int, seed: int,
                     progress: Progress | None = None) -> tuple[DemoResult, OfficeLoaded]:  # fmt: skip
    """A demo city's accounts, bills, codes and history into an office that has no accounts yet."""

    def fill(copy: ServiceContext) -> DemoResult:
        assert copy.db.path is not None
        return generate_demo_city(copy.db.path, accounts=accounts, seed=seed, progress=progress)

    office = office_at(url)
    try:
        have = len(office.master_numbers())
    except OfficeUnreachable as exc:
        raise OfficeRefused(
            translate(
                "office_master", "The office server at {office} did not answer: {exc}. Nothing was changed."
            ).format(office=where(url), exc=exc)
        ) from None
    finally:
        office.close()
    if have:
        raise ServiceError(
            translate(
                "office_master",
                "The office at {office} already holds {count:,} accounts. demo-data only fills an office with none, "
                "so nothing was changed.",
            ).format(office=where(url), count=have)
        )
    return _load(url, settings, fill)


def _load(url: str, settings: Settings, fill: Callable[[ServiceContext], R]) -> tuple[R, OfficeLoaded]:
    office = office_at(url)
    try:
        if not store.has_schema(office):
            raise OfficeRefused(
                translate(
                    "office_master",
                    "The office at {office} has no schema yet: run `cashdesk office init --url …` first. Nothing was "
                    "changed.",
                ).format(office=where(url))
            )
        with tempfile.TemporaryDirectory(prefix="cashdesk-office-master-") as folder:
            done, found = _fill_a_copy(office, Path(folder) / "master.sqlite3", settings, fill)
            store.write(office, found)
    except OfficeUnreachable as exc:
        raise OfficeRefused(
            translate(
                "office_master",
                "The office server at {office} did not answer: {exc}. Nothing was changed at the office; run the "
                "command again once it answers.",
            ).format(office=where(url), exc=exc)
        ) from None
    except store.OfficeMasterChanged:
        raise OfficeRefused(
            translate(
                "office_master",
                "The office's accounts at {office} were changed by another load meanwhile: nothing of this one was "
                "written. Run it again.",
            ).format(office=where(url))
        ) from None
    finally:
        office.close()
    loaded = OfficeLoaded(where(url), found.counts())
    log.info("office master loaded: %s", loaded.describe())
    return done, loaded


def _fill_a_copy(office: Office, path: Path, settings: Settings,
                 fill: Callable[[ServiceContext], R]) -> tuple[R, store.MasterChanges]:  # fmt: skip
    """The office's master in a window-shaped file, the window's code run on it, and what it changed."""
    init_database(path)
    copy = ServiceContext.open(path, settings=settings, quick_check=False)
    try:
        highest = store.copy_master(office, copy.db.engine)
        store.keep_before(copy.db.engine)
        copy.close()  # the demo opens the file itself
        copy = ServiceContext.open(path, settings=settings, quick_check=False)
        done = fill(copy)
        return done, store.changes(copy.db.engine, highest)
    finally:
        copy.close()
