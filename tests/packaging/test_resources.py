"""resources/: every file made by the script in tools/, and carried by the wheel built from the repository."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from cashdesk import resource_files

ROOT = Path(__file__).resolve().parents[2]
DRAWN = ("icons", "receipt")  # the folders tools/make_resources.py writes; others (answers/, ...) come from elsewhere


def _files(folder: Path) -> dict[str, tuple[str, tuple[int, int]]]:
    found = {}
    for sub in DRAWN:
        for path in sorted((folder / sub).iterdir()):
            with Image.open(path) as picture:
                found[f"{sub}/{path.name}"] = (picture.mode, picture.size)
    return found


def test_every_drawn_file_comes_from_the_script(tmp_path: Path) -> None:
    """No picture from nowhere: the script makes each file of icons/ and receipt/, same name, size and mode."""
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "make_resources.py"), "--out", str(tmp_path)],
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert _files(tmp_path) == _files(ROOT / "resources")


def test_the_source_tree_finds_its_resources() -> None:
    assert resource_files.resources_dir() == ROOT / "resources"
    assert [p.name for p in resource_files.icon_files()][-1] == "cashdesk-512.png"


def test_a_missing_file_is_said_in_words(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(resource_files, "CANDIDATES", (tmp_path,))
    with pytest.raises(resource_files.ResourceMissing, match="resources folder is missing .* Reinstall cashdesk"):
        resource_files.icon_files()
    (tmp_path / "icons").mkdir()
    with pytest.raises(resource_files.ResourceMissing, match="icons/cashdesk-16.png is missing"):
        resource_files.icon_files()


@pytest.mark.slow
def test_a_wheel_built_from_the_repository_carries_resources(tmp_path: Path) -> None:
    """pip builds it as any installer would (setup.py copies resources/ in as cashdesk/resources/)."""
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet"]
    done = subprocess.run([*pip, "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    (wheel,) = tmp_path.glob("cashdesk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {f"cashdesk/resources/{p.relative_to(ROOT / 'resources').as_posix()}"
               for p in (ROOT / "resources").rglob("*") if p.is_file()}  # fmt: skip
    assert shipped <= names
    assert "cashdesk/resource_files.py" in names and "cashdesk/store/migrations/script.py.mako" in names
