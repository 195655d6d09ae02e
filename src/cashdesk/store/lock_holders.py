"""Who else has the database open on this station: the words that name what holds the write lock
when a writer waited too long for it (store/db.py, `busy_refusal`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cashdesk.words import translate


def other_programs_using(path: Path | None) -> list[str]:
    """The other programs on this station with the database file open, as `cashdesk
    import-payments, process 4242`: where the system says (Linux's /proc), else []."""
    proc = Path("/proc")
    if path is None or not sys.platform.startswith("linux") or not proc.is_dir():
        return []
    try:
        target = path.resolve()
    except OSError:
        return []
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if not any(Path(os.readlink(fd)) == target for fd in (entry / "fd").iterdir()):
                continue
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:  # gone meanwhile, or not ours to look at
            continue
        found.append(
            translate("lock_holders", "{program}, process {pid}").format(program=program_words(argv), pid=entry.name)
        )
    return sorted(found)


def program_words(argv: list[bytes]) -> str:
    """`cashdesk import-accounts` for a cashdesk command (its first word), else the program's name."""
    words = [a.decode(errors="replace") for a in argv if a]
    if not words:
        return translate("lock_holders", "a program")
    names = [Path(w).name for w in words]
    for i, name in enumerate(names):
        if name == "cashdesk" or (name == "-m" and i + 1 < len(names) and names[i + 1] == "cashdesk"):
            command = _command(words[i + 1 :])
            return f"cashdesk {command}" if command else translate("lock_holders", "the cashdesk window")
    return names[0]


def _command(words: list[str]) -> str:
    """The command of a cashdesk command line: its first word that is neither an option nor
    the value of `--db`."""
    after_db = False
    for word in words:
        if after_db or word.startswith("-") or word == "cashdesk":
            after_db = word == "--db"
            continue
        return word
    return ""
