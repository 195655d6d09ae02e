#!/usr/bin/env python3
"""Wrap the bundle dist/cashdesk/ in the system's package: `python3 dev.py package` runs it last.

    python packaging/make_package.py DIST    # DIST holds the bundle cashdesk/ (PyInstaller's dist folder)

Linux with dpkg-deb: DIST/cashdesk_<version>_<arch>.deb (the bundle in /opt/cashdesk, the command
in /usr/bin, a desktop entry and the icon). Linux without it: DIST/cashdesk.AppDir, the same tree
as a folder that runs where it is copied (AppRun, cashdesk.desktop, cashdesk.png). Windows: the
installer is made by Inno Setup from packaging/windows/cashdesk.iss (packaging/README.md).
Standard library only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: What Qt's window needs from the system and the bundle does not carry (docs: packaging/README.md).
DEB_DEPENDS = (
    "libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libxkbcommon-x11-0, libegl1, "
    "libfontconfig1, libdbus-1-3"
)
DESKTOP = """\
[Desktop Entry]
Type=Application
Name=cashdesk
GenericName=City cashiering
Comment=Take payments at the city finance window, balance the drawer, prepare the deposit
Exec={exec}
Icon=cashdesk
Terminal=false
Categories=Office;Finance;
"""


def version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"])


def _tree(bundle: Path, top: Path, prefix: Path, exec_line: str) -> None:
    """The installed layout under `top`: the bundle at prefix/opt/cashdesk, icons, desktop entry."""
    target = top / prefix.relative_to("/") if prefix.is_absolute() else top / prefix
    shutil.copytree(bundle, target / "opt" / "cashdesk", symlinks=True)
    for size in ICON_SIZES:
        icons = target / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        icons.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "resources" / "icons" / f"cashdesk-{size}.png", icons / "cashdesk.png")
    apps = target / "share" / "applications"
    apps.mkdir(parents=True, exist_ok=True)
    (apps / "cashdesk.desktop").write_text(DESKTOP.format(exec=exec_line))


def make_deb(bundle: Path, dist: Path) -> Path:
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    name = f"cashdesk_{version()}_{arch}"
    stage = dist / f"{name}.staging"
    shutil.rmtree(stage, ignore_errors=True)
    _tree(bundle, stage, Path("/usr"), "/usr/bin/cashdesk")
    # The bundle lives in /opt/cashdesk (a folder of its own, replaced whole on upgrade), not /usr/opt.
    (stage / "opt").mkdir()
    (stage / "usr" / "opt" / "cashdesk").rename(stage / "opt" / "cashdesk")
    (stage / "usr" / "opt").rmdir()
    (stage / "usr" / "bin").mkdir()
    (stage / "usr" / "bin" / "cashdesk").symlink_to("/opt/cashdesk/cashdesk")
    size_kb = sum(f.stat().st_size for f in stage.rglob("*") if f.is_file() and not f.is_symlink()) // 1024
    debian = stage / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(
        f"Package: cashdesk\nVersion: {version()}\nArchitecture: {arch}\nMaintainer: cashdesk project\n"
        f"Installed-Size: {size_kb}\nDepends: {DEB_DEPENDS}\nSection: misc\nPriority: optional\n"
        "Description: offline cashiering for a city finance department's window\n"
        " Counter and mail payments, receipts, drawer balancing, the day's close and deposit.\n"
        " Run `cashdesk init` once after an upgrade (packaging/README.md).\n"
    )
    for folder in [stage, *(p for p in stage.rglob("*") if p.is_dir())]:
        folder.chmod(0o755)
    out = dist / f"{name}.deb"
    # Files owned by root in the package, whoever builds it.
    owner = ["fakeroot", "dpkg-deb"] if shutil.which("fakeroot") else ["dpkg-deb", "--root-owner-group"]
    subprocess.run([*owner, "--build", "-Zxz", str(stage), str(out)], check=True)
    shutil.rmtree(stage)
    return out


def make_appdir(bundle: Path, dist: Path) -> Path:
    appdir = dist / "cashdesk.AppDir"
    shutil.rmtree(appdir, ignore_errors=True)
    _tree(bundle, appdir, Path("usr"), "cashdesk")
    (appdir / "cashdesk.desktop").write_text(DESKTOP.format(exec="cashdesk"))
    shutil.copy2(ROOT / "resources" / "icons" / "cashdesk-256.png", appdir / "cashdesk.png")
    run = appdir / "AppRun"
    run.write_text('#!/bin/sh\nHERE="$(dirname "$(readlink -f "$0")")"\nexec "$HERE/usr/opt/cashdesk/cashdesk" "$@"\n')
    run.chmod(0o755)
    return appdir


def main(argv: list[str]) -> int:
    dist = Path(argv[0]) if argv else ROOT / "dist"
    bundle = dist / "cashdesk"
    if not (bundle / ("cashdesk.exe" if os.name == "nt" else "cashdesk")).is_file():
        print(f"make_package: no bundle in {bundle}; run `python3 dev.py package`", file=sys.stderr)
        return 1
    if os.name == "nt":
        command = f"iscc /DAppVersion={version()} packaging\\windows\\cashdesk.iss"
        print(f"make_package: on Windows the installer is built by Inno Setup:\n    {command}\n(packaging/README.md)")
        return 0
    made = make_deb(bundle, dist) if shutil.which("dpkg-deb") and shutil.which("dpkg") else make_appdir(bundle, dist)
    print(f"make_package: {made}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
