"""python-escpos's capability cache, shared by every cashdesk process of the station: read whole
or made again, never half written (devices/escpos_import.py). Found by the office fault test:
four windows' first cash drops at the same moment failed with "EOFError: Ran out of input"."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOAD = ("from cashdesk.devices.escpos_import import load_escpos; load_escpos(); "
        "import escpos.capabilities as c; print(len(c.CAPABILITIES['profiles']))")  # fmt: skip


def load(cache: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, ESCPOS_CAPABILITIES_PICKLE_DIR=str(cache))
    return subprocess.Popen([sys.executable, "-c", LOAD], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip


def test_a_cache_cut_short_is_made_again(tmp_path: Path) -> None:
    cut_short = tmp_path / f"{platform.python_version()}.capabilities.pickle"
    cut_short.write_bytes(b"")  # a process killed as it began to write it
    out, err = load(tmp_path).communicate(timeout=120)
    assert int(out) > 10, err
    assert cut_short.stat().st_size > 1000  # whole again, for the next process


def test_eight_processes_that_load_it_at_once_all_read_it_whole(tmp_path: Path) -> None:
    started = [load(tmp_path) for _ in range(8)]
    answers = [p.communicate(timeout=120) for p in started]
    assert [p.returncode for p in started] == [0] * 8, [err[-500:] for _, err in answers]
    assert len({out for out, _ in answers}) == 1
