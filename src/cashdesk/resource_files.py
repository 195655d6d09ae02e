"""Where the files that are not code are: the icon, the receipt logo, and the rest of `resources/`.

In a source tree they are the repository's `resources/` folder; an installed package (a wheel,
setup.py copies the folder in) and the bundle (packaging/cashdesk.spec) carry them as
`cashdesk/resources/` beside this module. Any layer may ask; nothing here imports more than pathlib.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent

#: Where to look, in order: inside the package (installed, bundled), then the source tree's top folder.
CANDIDATES = (_HERE / "resources", _HERE.parent.parent / "resources")

#: The application icon's sizes in resources/icons (tools/make_resources.py draws them).
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: The receipt logo's paper widths in resources/receipt.
LOGO_PAPERS = ("58mm", "80mm")


class ResourceMissing(FileNotFoundError):
    """A file of resources/ is not where it should be: the installation is incomplete."""


def resources_dir() -> Path:
    """The resources folder; ResourceMissing, in words, when the installation has none."""
    for folder in CANDIDATES:
        if (folder / "icons").is_dir():
            return folder
    raise ResourceMissing(
        "cashdesk's resources folder is missing (looked in " + ", ".join(str(c) for c in CANDIDATES) + "). "
        "Reinstall cashdesk."
    )


def resource(*parts: str) -> Path:
    """A file of the resources folder, like resource("icons", "cashdesk-64.png"); it must exist."""
    path = resources_dir().joinpath(*parts)
    if not path.is_file():
        raise ResourceMissing(f"cashdesk's file {'/'.join(parts)} is missing from {path.parent}. Reinstall cashdesk.")
    return path


def icon_files() -> list[Path]:
    """The application icon, every size, smallest first."""
    return [resource("icons", f"cashdesk-{size}.png") for size in ICON_SIZES]


def receipt_logo(width_chars: int) -> Path:
    """The shipped receipt logo for a paper of `width_chars` characters of font A a line: the 58 mm
    roll's (32) up to 41, the 80 mm roll's (42, 48) from there."""
    return resource("receipt", "logo-58mm.png" if width_chars < 42 else "logo-80mm.png")


__all__ = ["ResourceMissing", "icon_files", "receipt_logo", "resource", "resources_dir"]
