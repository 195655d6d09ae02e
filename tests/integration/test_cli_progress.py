"""Issue 13 §4: the long commands draw their progress with rich on a terminal, and nothing elsewhere.

The commands run as a person runs them, standard error on a terminal (a pseudo-terminal here);
standard output is a pipe, so what the command says stays apart from its bar.
"""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ACCOUNTS = "account,kind,name,status,service_address\n" + "".join(
    f"{1000000 + n},utility,RESIDENT {n},active,{n} ELM ST\n" for n in range(3000)
)


def on_a_terminal(*args: str) -> tuple[int, str, str]:
    """(exit status, standard output, what the terminal showed on standard error)."""
    terminal, its_end = pty.openpty()
    command = subprocess.Popen([sys.executable, "-m", "cashdesk", *args], cwd=ROOT, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=its_end, env={**os.environ, "TERM": "xterm-256color",
                                                                              "COLUMNS": "100"})  # fmt: skip
    os.close(its_end)
    shown = b""
    while True:
        try:
            chunk = os.read(terminal, 1 << 16)
        except OSError:  # the command closed its end
            break
        if not chunk:
            break
        shown += chunk
    os.close(terminal)
    assert command.stdout is not None
    out = command.stdout.read().decode()
    command.stdout.close()
    return command.wait(timeout=60), out, re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", shown.decode(errors="replace"))


def test_a_backup_on_a_terminal_shows_its_bar_and_says_where_the_copy_is(small_city: Path, tmp_path: Path) -> None:
    code, out, shown = on_a_terminal("--db", str(small_city), "backup", "--to", str(tmp_path / "b.sqlite3"))
    assert code == 0 and out.startswith(f"Backed up to {tmp_path / 'b.sqlite3'}")
    assert "━" in shown and "100%" in shown and "Backed up" in shown  # rich's bar, the copy all done
    assert "Traceback" not in shown
    code, out, shown = on_a_terminal("--db", str(small_city), "backup", "--to", str(tmp_path / "c.sqlite3"),
                                     "--no-progress")  # fmt: skip
    assert code == 0 and out.startswith("Backed up to") and shown == ""


def test_an_import_counts_its_rows_on_a_terminal_and_is_silent_in_a_pipe(db_path: Path, tmp_path: Path) -> None:
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(ACCOUNTS, encoding="utf-8")
    code, out, shown = on_a_terminal("--db", str(db_path), "import-accounts", str(accounts))
    assert code == 0 and out.startswith("Imported 3,000 rows"), out
    assert "Importing" in shown and "3000/3000" in shown and "━" in shown and "Traceback" not in shown
    piped = subprocess.run([sys.executable, "-m", "cashdesk", "--db", str(db_path), "import-accounts", str(accounts)],
                           cwd=ROOT, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert piped.returncode == 0 and piped.stderr == ""  # no bar, no stray line, where stderr is not a terminal
