"""The receipt logo: a raster image above the letterhead that changes none of the receipt's text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from cashdesk import resource_files
from cashdesk.devices.escpos_text import read_escpos
from cashdesk.devices.logo import LogoError, logo_raster
from cashdesk.devices.receipt import render_escpos, sample_receipt


def test_the_shipped_logos_fit_their_paper() -> None:
    """One dot a pixel: 384 dots a line on a 58 mm roll, 512 on the narrowest 80 mm printers."""
    for width_chars, paper_dots in ((32, 384), (42, 512), (48, 576)):
        with Image.open(resource_files.receipt_logo(width_chars)) as logo:
            assert logo.mode == "1"
            assert logo.width <= paper_dots and logo.height <= 160
    assert resource_files.receipt_logo(32).name == "logo-58mm.png"
    assert resource_files.receipt_logo(42).name == "logo-80mm.png"


def test_the_logo_prints_above_the_letterhead_and_the_text_is_unchanged() -> None:
    logo = logo_raster(resource_files.receipt_logo(42))
    plain = render_escpos(sample_receipt())
    with_logo = render_escpos(sample_receipt(), logo=logo)
    with Image.open(resource_files.receipt_logo(42)) as picture:
        width, height = picture.size
    header = b"\x1dv0\x00" + bytes((width // 8 % 256, width // 8 // 256, height % 256, height // 256))
    assert header in with_logo and header not in plain
    assert with_logo.index(header) < with_logo.index(b"City of Example")
    assert read_escpos(with_logo).receipts == read_escpos(plain).receipts  # strict: every byte understood


def test_a_printer_without_raster_graphics_prints_the_receipt_without_it() -> None:
    logo = logo_raster(resource_files.receipt_logo(42))
    assert render_escpos(sample_receipt(), profile="TM-U220", logo=logo) == render_escpos(
        sample_receipt(), profile="TM-U220"
    )


def test_black_pixels_are_printed_dots_and_the_row_padding_stays_white(tmp_path: Path) -> None:
    picture = Image.new("1", (10, 2), 1)  # white
    for x in range(5):
        picture.putpixel((x, 0), 0)  # the top row's left half black
    picture.putpixel((9, 1), 0)  # and the last dot of the bottom row
    picture.save(tmp_path / "logo.png")
    raster = logo_raster(tmp_path / "logo.png")
    # centred, GS v 0 with 2 bytes a row and 2 rows, the dots, back to the left
    assert raster == b"\x1ba\x01" + b"\x1dv0\x00\x02\x00\x02\x00" + bytes([0b11111000, 0, 0, 0b01000000]) + b"\x1ba\x00"


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda p: Image.new("1", (600, 40), 1).save(p), "600×40 dots; a receipt takes at most 576×400"),
        (lambda p: p.write_bytes(b"not a picture"), "is not a picture cashdesk can read"),
        (lambda p: None, "cannot be read"),
    ],
)
def test_a_logo_that_cannot_be_printed_is_refused_in_words(tmp_path: Path, make: object, said: str) -> None:
    path = tmp_path / "seal.png"
    make(path)  # type: ignore[operator]
    with pytest.raises(LogoError, match=said):
        logo_raster(path)
