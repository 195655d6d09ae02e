"""The bundle beside the source install: size on disk and the window's start-up to a usable field.

    .venv/bin/python bench/bundle.py [--dist dist] [--runs 7]

Needs `python3 dev.py package` first (dist/cashdesk/). Start-up is timed as bench/run.py times it
(`--quit-after`, until `cashdesk-ready`), on a small demo city, interleaved: the bundle, the source
install (.venv/bin/cashdesk), a bare PySide6 window; the first round only warms the disk cache. The
source install's size is what `pip install .` brings: cashdesk and its run-time dependencies, no
test tools. Results go in docs/performance.md ("The bundle") with the date, machine and load.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

from run import BARE_WINDOW, OUT, QUIT_AFTER_MS, ROOT, cashdesk_command, machine, quiet_env, say, seconds_to_ready


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _runtime_distributions(name: str, seen: set[str]) -> Iterator[metadata.Distribution]:
    """A distribution and what it requires to run (no extras), each once."""
    key = name.lower().replace("_", "-")
    if key in seen:
        return
    seen.add(key)
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return
    yield dist
    for requirement in dist.requires or []:
        if "extra ==" in requirement:
            continue
        marker = requirement.split(";")[1] if ";" in requirement else ""
        if "python_version < '3.12'" in marker and sys.version_info >= (3, 12):
            continue
        wanted = requirement.split(";")[0].split("[")[0]
        for stop in "<>=!~ (":
            wanted = wanted.split(stop)[0]
        yield from _runtime_distributions(wanted.strip(), seen)


def source_install_bytes() -> int:
    total = 0
    for dist in _runtime_distributions("cashdesk", set()):
        for file in dist.files or []:
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                total += path.stat().st_size
    if (ROOT / "src" / "cashdesk").is_dir():  # an editable install: its files are the source tree's
        total += folder_bytes(ROOT / "src" / "cashdesk") + folder_bytes(ROOT / "resources")
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    program = args.dist / "cashdesk" / "cashdesk"
    if not program.exists():
        sys.exit(f"no bundle at {program}: run `python3 dev.py package` first")
    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / "bundle-city.sqlite3"
    if not db.exists():
        subprocess.run([*cashdesk_command(), "--db", str(db), "demo-data", "--accounts", "1000"], check=True,
                       env=quiet_env(), stdout=subprocess.DEVNULL)  # fmt: skip
    env = quiet_env(QT_QPA_PLATFORM="offscreen")
    commands = {
        "bundle": [str(program), "--db", str(db), "--quit-after", str(QUIT_AFTER_MS)],
        "source install": [*cashdesk_command(), "--db", str(db), "--quit-after", str(QUIT_AFTER_MS)],
        "bare PySide6 window": [sys.executable, "-c", BARE_WINDOW],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for attempt in range(args.runs + 1):
        for name, command in commands.items():
            seconds, why = seconds_to_ready(command, env)
            if seconds is None:
                sys.exit(f"{name} did not start: {why}")
            if attempt:
                times[name].append(seconds)
    debs = sorted(args.dist.glob("cashdesk_*.deb"))
    print("\n".join(machine()))
    print(f"- bundle {args.dist / 'cashdesk'}: {folder_bytes(args.dist / 'cashdesk') / 2**20:.0f} MiB on disk")
    if debs:
        print(f"- {debs[-1].name}: {debs[-1].stat().st_size / 2**20:.0f} MiB")
    print(f"- source install (cashdesk and its run-time dependencies): {source_install_bytes() / 2**20:.0f} MiB")
    for name, values in times.items():
        say(f"start-up to a usable field, {name}: median {statistics.median(values) * 1000:.0f} ms "
            f"(of {len(values)}; {min(values) * 1000:.0f}–{max(values) * 1000:.0f} ms)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
