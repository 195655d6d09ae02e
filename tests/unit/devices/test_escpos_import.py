"""python-escpos is loaded without touching the application's logging or leaking temporary folders."""

import subprocess
import sys
from pathlib import Path

PROBE = """
import logging, os, sys
from cashdesk.devices.receipt import preload
preload()
print(len(logging.getLogger().handlers))
print(os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"])
"""


def test_no_stray_log_handler_and_a_lasting_cache(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    for _ in range(2):
        result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        handlers, folder = result.stdout.split()
        assert handlers == "0"
        assert Path(folder) == tmp_path / "cache" / "cashdesk" / "escpos"
        assert list(Path(folder).glob("*.capabilities.pickle"))
