"""The fork servers the kill tests use, both sides of the pipe.

A fork server (tests/support/crash_worker.py, export_worker.py, kill_at.py) imports what its
command needs once, says "ready", then forks a fresh process per request read from its
standard input, so each run starts at once and the test can kill it at any moment. Requests
and answers are one line each: "started PID" after a fork, "reaped PID CODE" after a wait
(-9: killed by SIGKILL).
"""

from __future__ import annotations

import os
import subprocess
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


# -- the server's side --------------------------------------------------------------------------


def fork(child: Callable[[], int], *, failed: int) -> int:
    """Run `child` in a forked process, which exits with its code (`failed` when it raised, with
    the traceback on its standard error). In the server: says "started PID" and returns PID."""
    pid = os.fork()
    if pid == 0:
        code = failed
        try:
            code = child()
        except BaseException:
            traceback.print_exc()
            sys.stderr.flush()
        finally:
            os._exit(code)
    print(f"started {pid}", flush=True)
    return pid


def reap(pid: int) -> int:
    """Wait for a forked run and say "reaped PID CODE"; returns CODE."""
    _pid, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    print(f"reaped {pid} {code}", flush=True)
    return code


# -- the test's side ----------------------------------------------------------------------------


class ForkServer:
    """A fork server started by a test: `python -m MODULE ARGS`, its errors in `log`."""

    def __init__(self, module: str, *args: str, log: Path, env: dict[str, str] | None = None) -> None:
        self.log = log
        self._stderr = log.open("w")
        self.proc = subprocess.Popen([sys.executable, "-m", module, *args], cwd=ROOT, env=env, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self._stderr, text=True)  # fmt: skip
        assert self._read() == "ready"

    def _read(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().rstrip("\n")
        assert line, f"the fork server stopped: {self.log.read_text()[-3000:]}"
        return line

    def _ask(self, line: str) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self._read()

    def _started(self, request: str) -> int:
        answer = self._ask(request).split()
        assert answer[0] == "started", answer
        return int(answer[1])

    def _reaped(self, pid: int) -> int:
        answer = self._ask(f"reap {pid}").split()
        assert answer[:2] == ["reaped", str(pid)], answer
        return int(answer[2])

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        finally:
            if self.proc.stdout is not None:
                self.proc.stdout.close()
            self._stderr.close()
