"""`python3 dev.py package` as IT's build machine runs it: the PyInstaller bundle, its own
`--self-test`, then the Linux package. A hidden import or a data file the bundle lacks (a migration,
the icon, python-escpos's capabilities, a Qt plugin) fails here, not at a city's window."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.slow, pytest.mark.packaging]


def test_the_bundle_builds_passes_its_self_test_and_is_packaged(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    try:
        done = subprocess.run([sys.executable, str(ROOT / "dev.py"), "package", "--dist", str(dist)], cwd=ROOT,
                              capture_output=True, text=True, timeout=1800)  # fmt: skip
        said = done.stdout + done.stderr
        assert done.returncode == 0, said[-6000:]
        assert "cashdesk self-test passed" in done.stdout, said[-6000:]
        for step in ("receipt printed", "drawer balanced", "deposit files", "audit trail", "window"):
            assert f"ok  {step}: " in done.stdout
        bundle = dist / "cashdesk"
        assert (bundle / "_internal" / "cashdesk" / "resources" / "receipt" / "logo-80mm.png").is_file()
        # The Qt modules cashdesk does not use stay out (packaging/cashdesk.spec).
        qt = "\n".join(p.name for p in (bundle / "_internal" / "PySide6").rglob("*"))
        assert "QtNetwork" not in qt and "Qt6Quick" not in qt and "Qt6Qml" not in qt
        if shutil.which("dpkg-deb") and shutil.which("dpkg"):
            (deb,) = dist.glob("cashdesk_*.deb")
            listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
            for path in ("./opt/cashdesk/cashdesk", "./usr/bin/cashdesk", "./usr/share/applications/cashdesk.desktop",
                         "./usr/share/icons/hicolor/256x256/apps/cashdesk.png"):  # fmt: skip
                assert path in listing
        else:
            assert (dist / "cashdesk.AppDir" / "AppRun").is_file()
    finally:
        # Hundreds of megabytes of libraries: gone before the card-data scan reads the test's folders.
        for folder in (dist, dist.with_name(dist.name + "-work")):
            shutil.rmtree(folder, ignore_errors=True)
