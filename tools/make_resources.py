#!/usr/bin/env python3
"""Draw the application icon and the receipt logo into resources/ (run it after changing a drawing).

    .venv/bin/python tools/make_resources.py            # writes resources/icons and resources/receipt
    .venv/bin/python tools/make_resources.py --out DIR  # somewhere else (the tests do)

Drawn from shapes with Pillow (python-escpos depends on it, so it is installed with cashdesk): no
font and no picture from elsewhere. The icon is a city hall on a blue tile with a gold coin; the
receipt logo is the same hall in black dots, one size for each paper width. A city replaces the
logo with its own seal through the `receipt.logo_file` setting (docs/configuration.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]

#: The icon's sizes, in pixels: what Windows (the .ico), Linux desktops (hicolor) and the window use.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: The receipt logo for each paper: (width, height) in printer dots at 203 dpi. A 58 mm roll prints
#: 384 dots a line, an 80 mm roll 512 or 576; the logo takes about two thirds, centred.
LOGO_SIZES = {"58mm": (256, 88), "80mm": (352, 120)}

BLUE = (31, 78, 121, 255)
WHITE = (255, 255, 255, 255)
GOLD = (226, 170, 40, 255)
GOLD_EDGE = (160, 110, 10, 255)
CANVAS = 1024  # drawn this big, then scaled down smoothly


def _hall(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], ink: object) -> None:
    """A city hall's front in `box` (left, top, right, bottom): pediment, frieze, four columns, steps."""
    left, top, right, bottom = box
    w, h = right - left, bottom - top
    draw.polygon([(left, top + 0.30 * h), (left + w / 2, top), (right, top + 0.30 * h)], fill=ink)
    draw.rectangle([left + 0.04 * w, top + 0.33 * h, right - 0.04 * w, top + 0.42 * h], fill=ink)
    column_w = 0.11 * w
    for i in range(4):
        x = left + 0.12 * w + i * (0.76 * w - column_w) / 3
        draw.rectangle([x, top + 0.45 * h, x + column_w, top + 0.82 * h], fill=ink)
    draw.rectangle([left + 0.04 * w, top + 0.85 * h, right - 0.04 * w, top + 0.91 * h], fill=ink)
    draw.rectangle([left, top + 0.94 * h, right, bottom], fill=ink)


def icon(size: int) -> Image.Image:
    """The application icon at `size` pixels square."""
    big = Image.new("RGBA", (CANVAS, CANVAS), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    draw.rounded_rectangle([24, 24, CANVAS - 24, CANVAS - 24], radius=180, fill=BLUE)
    _hall(draw, (170, 150, 780, 760), WHITE)
    draw.ellipse([600, 600, 900, 900], fill=GOLD_EDGE)
    draw.ellipse([625, 625, 875, 875], fill=GOLD)
    draw.rectangle([735, 665, 765, 835], fill=GOLD_EDGE)  # the coin's mark, a bar: no font needed
    return big.resize((size, size), Image.Resampling.LANCZOS)


def receipt_logo(width: int, height: int) -> Image.Image:
    """The receipt logo: black dots on white (1 bit), the hall centred between two rules."""
    big = Image.new("L", (width * 4, height * 4), 255)
    draw = ImageDraw.Draw(big)
    w, h = big.size
    hall_w = h * 1.1
    _hall(draw, ((w - hall_w) / 2, 0.06 * h, (w + hall_w) / 2, 0.94 * h), 0)
    draw.rectangle([0, 0.46 * h, (w - hall_w) / 2 - 0.08 * h, 0.52 * h], fill=0)
    draw.rectangle([(w + hall_w) / 2 + 0.08 * h, 0.46 * h, w, 0.52 * h], fill=0)
    small = big.resize((width, height), Image.Resampling.LANCZOS)
    return small.point(lambda v: 255 if v >= 128 else 0).convert("1")


def write_all(out: Path) -> list[Path]:
    """Every icon size, the Windows .ico and each receipt logo under `out`; returns the files written."""
    icons, receipt = out / "icons", out / "receipt"
    icons.mkdir(parents=True, exist_ok=True)
    receipt.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for size in ICON_SIZES:
        path = icons / f"cashdesk-{size}.png"
        icon(size).save(path, optimize=True)
        written.append(path)
    ico = icons / "cashdesk.ico"
    icon(256).save(ico, sizes=[(s, s) for s in ICON_SIZES if s <= 256])
    written.append(ico)
    for paper, (width, height) in LOGO_SIZES.items():
        path = receipt / f"logo-{paper}.png"
        receipt_logo(width, height).save(path, optimize=True)
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources", help="the resources folder to write into")
    args = parser.parse_args(argv)
    for path in write_all(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
