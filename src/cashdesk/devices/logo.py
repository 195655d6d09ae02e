"""The receipt logo as an ESC/POS raster image (GS v 0), centred above the letterhead.

The picture is any PNG that Pillow reads (python-escpos depends on Pillow); it is printed in
black and white, one dot per pixel, so it must be drawn for the printer: at most the paper's
dots wide (384 on a 58 mm roll, 512 on an 80 mm one). resources/receipt holds one for each roll.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from cashdesk.words import translate

GS_V0 = b"\x1dv0\x00"  # GS v 0, normal density: then xL xH yL yH and the rows of dots
ALIGN_CENTER, ALIGN_LEFT = b"\x1ba\x01", b"\x1ba\x00"
#: No receipt printer prints a line wider than this (80 mm at 203 dpi: 576 dots).
MAX_DOTS = 576
MAX_HEIGHT = 400  # 5 cm of paper at 203 dpi: a logo, not a poster


class LogoError(ValueError):
    """The logo file cannot be printed; the message says why and what to do."""


def logo_raster(path: str | Path) -> bytes:
    """The logo's print command: centred, the raster image, alignment back to the left."""
    file = Path(path)
    try:
        stamp = file.stat().st_mtime_ns
    except OSError as exc:
        raise LogoError(
            translate("logo", "The receipt logo {file} cannot be read ({why}).").format(file=file, why=exc.strerror)
        ) from None
    return _raster(str(file), stamp)


@functools.lru_cache(maxsize=4)
def _raster(path: str, _stamp: int) -> bytes:
    try:
        with Image.open(path) as picture:
            picture.load()
            bw = picture.convert("L").point(lambda v: 0 if v < 128 else 255).convert("1")
    except (OSError, UnidentifiedImageError) as exc:
        raise LogoError(
            translate("logo", "The receipt logo {file} is not a picture cashdesk can read ({why}). Use a PNG.").format(
                file=path, why=exc
            )
        ) from None
    width, height = bw.size
    if width > MAX_DOTS or height > MAX_HEIGHT:
        raise LogoError(
            translate(
                "logo",
                "The receipt logo {file} is {width}×{height} dots; a receipt takes at most {max_width}×{max_height} "
                "(384 dots wide for a 58 mm roll, 512 for an 80 mm one).",
            ).format(file=path, width=width, height=height, max_width=MAX_DOTS, max_height=MAX_HEIGHT)
        )
    row_bytes = (width + 7) // 8
    # Mode "1" packs 8 dots a byte, white as 1; the printer wants black as 1, so every bit is flipped.
    dots = bytes(b ^ 0xFF for b in bw.tobytes())
    size = bytes((row_bytes % 256, row_bytes // 256, height % 256, height // 256))
    return ALIGN_CENTER + GS_V0 + size + _clear_padding(dots, width, row_bytes) + ALIGN_LEFT


def _clear_padding(dots: bytes, width: int, row_bytes: int) -> bytes:
    """The bits past the picture's right edge in each row's last byte, white (0) rather than flipped to black."""
    spare = row_bytes * 8 - width
    if not spare:
        return dots
    mask = (0xFF << spare) & 0xFF
    rows = bytearray(dots)
    for end in range(row_bytes - 1, len(rows), row_bytes):
        rows[end] &= mask
    return bytes(rows)


__all__ = ["LogoError", "logo_raster"]
