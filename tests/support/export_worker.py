"""`cashdesk export-deposit`, run as a command in a process of its own that the test kills
(the export kill loop, tests/integration/test_export_kill_loop.py).

    python -m tests.support.export_worker --fork-server PASSWORD

Run from the project folder. It imports the command and everything an export loads once
(ReportLab, the services), then forks a fresh process for each request, so the loop spends
its time killing exports, not starting Python. stdin:

- "go ARGS…" forks a process that runs `cashdesk ARGS…` (cashdesk.cli.main) with PASSWORD
  on its standard input, and answers "started PID";
- "reap PID" waits for that process and answers "reaped PID RETURNCODE" (-9 for SIGKILL),
  then the lines it printed on standard output and error, then "end".

Each process opens the database itself after the fork.
"""

from __future__ import annotations

import io
import os
import shlex
import sys
import tempfile
import traceback
from pathlib import Path

from argon2 import PasswordHasher

from tests.support.fork_server import fork, reap


def warm_up() -> None:
    """Load what an export loads (the command, the services, ReportLab's fonts, the ORM mappers),
    so a forked export starts at once. Touches no database."""
    from sqlalchemy.orm import configure_mappers

    import cashdesk.cli  # noqa: F401
    import cashdesk.services.day_close  # noqa: F401
    from cashdesk.services import auth
    from cashdesk.services.deposit import render_files  # noqa: F401

    # The test made the supervisor's password hash cheap; a sign-in keeps it so.
    auth.HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    configure_mappers()


def run_command(args: list[str], password: str, out: Path) -> int:
    """One export, as `cashdesk ARGS` with the password on standard input; its output to `out`."""
    from cashdesk.cli import main

    sys.stdin = io.StringIO(password + "\n")
    with out.open("w") as handle:
        sys.stdout = sys.stderr = handle
        try:
            return main(args)
        except BaseException:
            traceback.print_exc()
            return 99
        finally:
            handle.flush()


def fork_server(password: str) -> int:
    warm_up()
    print("ready", flush=True)
    outputs: dict[int, Path] = {}
    for line in sys.stdin:
        command, _, rest = line.strip().partition(" ")
        if command == "go":
            fd, name = tempfile.mkstemp(prefix="export-worker-", suffix=".out")
            os.close(fd)
            pid = fork(lambda rest=rest, name=name: run_command(shlex.split(rest), password, Path(name)), failed=99)
            outputs[pid] = Path(name)
        elif command == "reap":
            pid = int(rest)
            reap(pid)
            out = outputs.pop(pid)
            text = out.read_text(errors="replace")
            out.unlink()
            for said in text.splitlines():
                print(f"| {said}", flush=True)
            print("end", flush=True)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] != ["--fork-server"] or len(sys.argv) != 3:
        sys.exit("usage: python -m tests.support.export_worker --fork-server PASSWORD")
    sys.exit(fork_server(sys.argv[2]))
