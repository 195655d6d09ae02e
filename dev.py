#!/usr/bin/env python3
"""Set up cashdesk in a local virtual environment, then run the demo or the tests.

    python3 dev.py run     # first use: set up, build a demo city, start the window
    python3 dev.py test    # set up, run the whole test suite
    python3 dev.py package # set up, build the bundle dist/cashdesk/, self-test it, wrap it in a .deb
                           # (packaging/README.md; --dist DIR builds in DIR instead of dist/)
    python3 dev.py translations  # the window's texts into resources/translations/*.ts, then the .qm
                                 # the window loads (docs/translations.md)

Needs only Python 3.11+ and the package registry (PyPI). Everything goes into .venv/
beside this file; the demo database lives in .demo/. Nothing else on the machine changes,
except the Qt system libraries (and, for the tests, PostgreSQL's server), which are installed
with apt-get when they are missing and this user may install them (otherwise the message
names them).
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".cashdesk-installed"
DEMO_DB = ROOT / ".demo" / "cashdesk-demo.sqlite3"
DEMO_DAYS = "5"
DEMO_ACCOUNTS = "5000"

# Debian/Ubuntu package for each shared library Qt loads. Anything not listed is named
# by its file name in the message.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}


def say(message: str) -> None:
    print(f"[dev.py] {message}", flush=True)


def fail(message: str) -> None:
    print(f"[dev.py] {message}", file=sys.stderr, flush=True)
    sys.exit(1)


# -- the virtual environment ------------------------------------------------------------


def _bootstrap_pip() -> None:
    """Debian's python3 without python3-venv has no ensurepip: fetch pip's wheel from PyPI."""
    say("this Python has no ensurepip; fetching pip from PyPI")
    with urllib.request.urlopen("https://pypi.org/pypi/pip/json", timeout=60) as reply:
        info = json.load(reply)
    wheel = next(u for u in info["urls"] if u["filename"].endswith(".whl"))
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / wheel["filename"]
        with urllib.request.urlopen(wheel["url"], timeout=120) as reply:
            data = reply.read()
        if hashlib.sha256(data).hexdigest() != wheel["digests"]["sha256"]:
            fail("the pip download did not match its checksum; try again")
        target.write_bytes(data)
        subprocess.run([str(PY), f"{target}/pip", "install", "--quiet", str(target)], check=True)


def ensure_venv() -> None:
    if sys.version_info < (3, 11):
        fail(f"cashdesk needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not PY.exists():
        say(f"creating a virtual environment in {VENV}")
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except (subprocess.CalledProcessError, OSError):
            shutil.rmtree(VENV, ignore_errors=True)
            venv.EnvBuilder(with_pip=False).create(VENV)
            _bootstrap_pip()
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    say("installing cashdesk and its dependencies (first use takes a minute or two)")
    pip = [str(PY), "-m", "pip", "--disable-pip-version-check"]
    subprocess.run([*pip, "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "install", "--quiet", "-e", f"{ROOT}[test]"], check=True)
    STAMP.write_text(wanted)


# -- Qt's system libraries ----------------------------------------------------------------


def _qt_dir() -> Path:
    out = subprocess.run(
        [str(PY), "-c", "import PySide6, os; print(os.path.dirname(PySide6.__file__))"],
        check=True,
        capture_output=True,
        text=True,
    )
    return Path(out.stdout.strip()) / "Qt"


def missing_libraries(platform: str) -> list[str]:
    """Shared libraries the Qt platform plugin needs and cannot find, by ldd."""
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return []
    qt = _qt_dir()
    files = [qt / "plugins" / "platforms" / f"libq{platform}.so", qt / "lib" / "libQt6Widgets.so.6"]
    missing: set[str] = set()
    for file in files:
        if not file.exists():
            continue
        out = subprocess.run(["ldd", str(file)], capture_output=True, text=True)
        for line in out.stdout.splitlines():
            if "not found" in line:
                missing.add(line.split("=>")[0].strip())
    return sorted(missing)


def ensure_qt_libraries(platform: str) -> None:
    missing = missing_libraries(platform)
    if not missing:
        return
    packages = sorted({DEBIAN_PACKAGES.get(lib, lib) for lib in missing})
    say(f"Qt's {platform} platform needs system libraries that are missing: {', '.join(missing)}")
    apt = shutil.which("apt-get")
    command: list[str] | None = None
    if apt and os.geteuid() == 0:
        command = [apt, "install", "-y", "--no-install-recommends", *packages]
    elif apt and shutil.which("sudo"):
        command = ["sudo", apt, "install", "-y", "--no-install-recommends", *packages]
    if command:
        say("installing them: " + " ".join(command))
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        result = subprocess.run(command, env=env)
        if result.returncode != 0 and command[0] != "sudo":
            subprocess.run([apt, "update"], env=env)
            result = subprocess.run(command, env=env)
        if result.returncode == 0 and not missing_libraries(platform):
            return
    fail(
        "Install these packages, then run this command again:\n"
        f"    sudo apt-get install {' '.join(packages)}\n"
        "(on Fedora: sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms xcb-util-image "
        "xcb-util-renderutil libxkbcommon-x11 mesa-libEGL)"
    )


# -- PostgreSQL, for the office tests ---------------------------------------------------------


def _postgresql_server() -> bool:
    return bool(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl") or shutil.which("pg_ctl"))


def ensure_postgresql() -> None:
    """The office tests start a throwaway PostgreSQL cluster (tests/support/pg_cluster.py): Debian's
    postgresql package gives initdb and pg_ctl. Installed with apt-get where it is missing."""
    if _postgresql_server() or not sys.platform.startswith("linux"):
        return
    say("the office tests need PostgreSQL's server (initdb, pg_ctl), which is missing")
    apt = shutil.which("apt-get")
    command: list[str] | None = None
    if apt and os.geteuid() == 0:
        command = [apt, "install", "-y", "--no-install-recommends", "postgresql"]
    elif apt and shutil.which("sudo"):
        command = ["sudo", apt, "install", "-y", "--no-install-recommends", "postgresql"]
    if command:
        say("installing it: " + " ".join(command))
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        result = subprocess.run(command, env=env)
        if result.returncode != 0 and command[0] != "sudo":
            subprocess.run([apt, "update"], env=env)
            subprocess.run(command, env=env)
        if _postgresql_server():
            return
    fail("Install PostgreSQL's server, then run this command again:\n    sudo apt-get install postgresql\n"
         "(on Fedora: sudo dnf install postgresql-server)")


# -- commands ---------------------------------------------------------------------------------


def run_demo(extra: list[str]) -> int:
    ensure_venv()
    env = dict(os.environ)
    has_display = bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    platform = env.get("QT_QPA_PLATFORM", "")
    if not platform and not has_display and sys.platform.startswith("linux"):
        say("no display here (DISPLAY is not set): the window starts on Qt's offscreen platform and")
        say("cannot be seen. Run this from a terminal of your desktop session to use it. Ctrl+C stops it.")
        env["QT_QPA_PLATFORM"] = platform = "offscreen"
    if platform in ("", "xcb"):
        ensure_qt_libraries("xcb")
    # The demo station "prints" its receipts as PDF files unless a real printer is named.
    env.setdefault("CASHDESK_PRINTER", f"pdf:{DEMO_DB.parent / 'receipts'}")
    cashdesk = [str(BIN / "cashdesk"), "--db", str(DEMO_DB)]
    if not DEMO_DB.exists():
        DEMO_DB.parent.mkdir(exist_ok=True)
        say(f"building a demo city of {DEMO_ACCOUNTS} accounts in {DEMO_DB}")
        partial = DEMO_DB.with_suffix(".building")
        for leftover in DEMO_DB.parent.glob(partial.name + "*"):
            leftover.unlink()
        build = [str(BIN / "cashdesk"), "--db", str(partial)]
        subprocess.run([*build, "demo-data", "--accounts", DEMO_ACCOUNTS, "--seed", "1"], check=True, env=env)
        say(f"simulating the last {DEMO_DAYS} business days at the window (drawers, payments, deposits)")
        subprocess.run([*build, "simulate", "--days", DEMO_DAYS, "--seed", "1"], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        partial.rename(DEMO_DB)
    else:
        # A demo database from an earlier version: bring its schema up to date (a copy is kept).
        subprocess.run([*cashdesk, "init"], check=True, env=env, stdout=subprocess.DEVNULL)
    say(f"starting cashdesk on the demo database {DEMO_DB}")
    say("sign in as cashier1 (or super1, admin1) with the password demo-password")
    say(f"receipts go to {env['CASHDESK_PRINTER']}")
    return subprocess.run([*cashdesk, *extra], env=env).returncode


def run_tests(extra: list[str]) -> int:
    ensure_venv()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    ensure_qt_libraries("offscreen")
    ensure_postgresql()
    return subprocess.run([str(PY), "-m", "pytest", *extra], cwd=ROOT, env=env).returncode


def run_package(extra: list[str]) -> int:
    """The PyInstaller bundle (packaging/cashdesk.spec) into dist/cashdesk/, its self-test, then the
    system's package around it (packaging/make_package.py: a .deb on Linux; Windows: packaging/README.md)."""
    ensure_venv()
    dist, work = ROOT / "dist", ROOT / "build" / "pyinstaller"
    if extra[:1] == ["--dist"] and len(extra) >= 2:  # elsewhere than dist/ (tests/packaging does)
        dist = Path(extra[1]).resolve()
        work, extra = dist.with_name(dist.name + "-work"), extra[2:]
    say(f"building the bundle {dist / 'cashdesk'} (a minute or two)")
    spec = ROOT / "packaging" / "cashdesk.spec"
    built = subprocess.run([str(PY), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                            "--distpath", str(dist), "--workpath", str(work), str(spec)], cwd=ROOT)  # fmt: skip
    if built.returncode != 0:
        return built.returncode
    program = dist / "cashdesk" / ("cashdesk.exe" if os.name == "nt" else "cashdesk")
    say(f"running {program} --self-test")
    if sys.platform.startswith("linux"):
        ensure_qt_libraries("offscreen")
    checked = subprocess.run([str(program), "--self-test"], env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    if checked.returncode != 0:
        fail("the bundle's self-test failed (above): nothing packaged")
    return subprocess.run([str(PY), str(ROOT / "packaging" / "make_package.py"), str(dist), *extra]).returncode


TRANSLATIONS = ROOT / "resources" / "translations"


#: The folders of src/cashdesk whose texts a person reads in the window: the window's own, and the
#: refusals worded below it (cashdesk.words); "" is the package's own modules (the settings file's).
TRANSLATED = ("", "ui", "services", "domain", "store", "devices")


def run_translations(extra: list[str]) -> int:
    """pyside6-lupdate over the window (src/cashdesk/ui) and the refusals below it (TRANSLATED)
    into each resources/translations/cashdesk_<code>.ts (new texts come in unfinished, gone ones are
    dropped), then pyside6-lrelease into the .qm files, which are committed: a fresh clone, a wheel and
    the bundle have them without Qt's tools (docs/translations.md)."""
    ensure_venv()
    package = ROOT / "src" / "cashdesk"
    sources = sorted(str(p.relative_to(ROOT)) for folder in TRANSLATED for p in (package / folder).glob("*.py"))
    for ts in sorted(TRANSLATIONS.glob("cashdesk_*.ts")):
        say(f"updating {ts.relative_to(ROOT)} from src/cashdesk/{{{','.join(TRANSLATED)}}}")
        updated = subprocess.run([str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources,
                                  "-ts", str(ts.relative_to(ROOT)), *extra], cwd=ROOT)  # fmt: skip
        if updated.returncode != 0:
            return updated.returncode
        # lupdate takes the `#:` comments cashdesk writes over its constants as notes to translators.
        text = ts.read_text(encoding="utf-8")
        ts.write_text(re.sub(r"\n *<extracomment>.*?</extracomment>", "", text, flags=re.S), encoding="utf-8")
        released = subprocess.run(
            [str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))]
        )
        if released.returncode != 0:
            return released.returncode
    return 0


def main(argv: list[str]) -> int:
    commands = {"run": run_demo, "test": run_tests, "package": run_package, "translations": run_translations}
    if not argv or argv[0] not in commands:
        print(__doc__)
        return 2
    return commands[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
