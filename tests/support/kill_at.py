"""Stop a `cashdesk` command with SIGKILL at a named step, for the crash tests (docs/testing.md).

    python -m tests.support.kill_at WATCH WHEN -- ARGS...     one command: cashdesk ARGS
    python -m tests.support.kill_at --fork-server WATCH LOGS  many, each forked from one warm process

A step is a file operation of the command on a file in the folder WATCH, as Python's audit
hooks (`sys.addaudithook`) see it just before it happens, named by the operation and the
file names: `sqlite3.connect cashdesk.sqlite3`, `os.link cashdesk.sqlite3 -> cashdesk.sqlite3.replaced-…`,
`os.rename cashdesk.sqlite3.restoring -> cashdesk.sqlite3`, `open .` (the folder, to sync it). WHEN is

    record:FILE   run to the end and write the steps, one a line, to FILE
    N             kill the process just before its step N (0 is the first)
    ~TEXT         kill it just before the first step that contains TEXT
    -             no kill here (the test kills it from outside, at a moment of its choosing)

Nothing of this is in cashdesk: the hook is installed by this module, in a process a test
starts, and the program has no switch, setting or variable that stops it anywhere.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from typing import Any

from tests.support.fork_server import fork, reap

#: The audited operations that touch files (CPython's audit events table).
EVENTS = frozenset({"open", "os.rename", "os.link", "os.remove", "os.truncate", "sqlite3.connect", "shutil.copyfile"})


def _name(arg: object, watch: str) -> str | None:
    if isinstance(arg, bytes):
        arg = os.fsdecode(arg)
    if isinstance(arg, os.PathLike):
        arg = os.fspath(arg)
    if not isinstance(arg, str):
        return None
    if arg.startswith("file:"):  # an SQLite URI: file:PATH?mode=ro
        arg = arg[len("file:") :].split("?", 1)[0]
    path = os.path.abspath(arg)
    if path == watch:
        return "."
    if os.path.dirname(path) != watch:
        return None
    return os.path.basename(path)


def step_name(event: str, args: tuple[Any, ...], watch: str) -> str | None:
    if event not in EVENTS:
        return None
    names = [n for n in (_name(a, watch) for a in args[:2]) if n is not None]
    return f"{event} {' -> '.join(names)}" if names else None


def install(watch: str, when: str) -> None:
    """Watch this process's file operations in `watch`; kill it, or record them, as WHEN says."""
    watch = os.path.abspath(watch)
    if when == "-":
        return
    record = open(when[len("record:") :], "w") if when.startswith("record:") else None  # noqa: SIM115 - kept open
    count = 0

    def kill_here(step: str, n: int) -> bool:
        if when.startswith("~"):
            return when[1:] in step
        return n == int(when)

    def hook(event: str, args: tuple[Any, ...]) -> None:
        nonlocal count
        step = step_name(event, args, watch)
        if step is None:
            return
        if record is not None:
            record.write(step + "\n")
            record.flush()
        elif kill_here(step, count):
            os.kill(os.getpid(), signal.SIGKILL)
        count += 1

    sys.addaudithook(hook)


def run(args: list[str]) -> int:
    from cashdesk.cli import main

    code = main(args)
    sys.stdout.flush()
    sys.stderr.flush()
    return code


def warm_up() -> None:
    """Import what a restore, a backup and `init` load, so a forked command starts at once."""
    import sqlalchemy.orm
    from alembic import command  # noqa: F401

    import cashdesk.cli  # noqa: F401
    import cashdesk.services.backup  # noqa: F401
    import cashdesk.services.restore  # noqa: F401
    import cashdesk.services.setup  # noqa: F401
    import cashdesk.store.schema  # noqa: F401

    sqlalchemy.orm.configure_mappers()


def fork_server(watch: str, logs: str) -> int:
    """stdin: `run NAME WHEN ARGS_JSON` forks a process that runs `cashdesk ARGS` (its output in
    LOGS/NAME.out and .err) and answers `started PID`; `reap PID` waits for it and answers
    `reaped PID CODE` (-9: killed by SIGKILL)."""
    warm_up()
    print("ready", flush=True)
    for line in sys.stdin:
        command, rest = line.rstrip("\n").split(" ", 1)
        if command == "run":
            name, when, args = rest.split(" ", 2)

            def command_run(name: str = name, when: str = when, args: str = args) -> int:
                for fd, suffix in ((1, "out"), (2, "err")):
                    out = os.open(os.path.join(logs, f"{name}.{suffix}"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
                    os.dup2(out, fd)
                    os.close(out)
                install(watch, when)
                return run(json.loads(args))

            fork(command_run, failed=70)
        elif command == "reap":
            reap(int(rest))
    return 0


def main(argv: list[str]) -> int:
    if argv[0] == "--fork-server":
        return fork_server(argv[1], argv[2])
    watch, when, separator, *args = argv
    assert separator == "--", "python -m tests.support.kill_at WATCH WHEN -- ARGS..."
    install(watch, when)
    return run(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
