"""Reading ESC/POS back, on bytes written by hand from the command reference."""

import pytest

from cashdesk.devices.escpos_text import EscposReadError, read_escpos

ESC, GS = b"\x1b", b"\x1d"


def test_text_lines_and_cuts() -> None:
    data = (
        ESC
        + b"@"
        + ESC
        + b"a\x01"
        + ESC
        + b"E\x01"
        + b"CITY\n"
        + ESC
        + b"E\x00"
        + ESC
        + b"a\x00"
        + b"TOTAL   $1.00\n"
        + ESC
        + b"d\x03"
        + GS
        + b"V\x00"
        + b"SECOND\n"
        + GS
        + b"VA\x10"  # cut with feed: m = 65 takes one more byte
        + b"after the last cut"
    )
    out = read_escpos(data)
    assert out.receipts == ["CITY\nTOTAL   $1.00", "SECOND"]
    assert out.pending == "after the last cut"
    assert out.pages == ["CITY\nTOTAL   $1.00", "SECOND", "after the last cut"]


def test_drawer_kicks_and_status_queries_print_nothing() -> None:
    out = read_escpos(ESC + b"p\x00\x19\xfa" + b"\x10\x04\x01" + ESC + b"p\x01\x32\x32" + b"\x10\x14\x01\x00\x05")
    assert out.drawer_kicks == 3  # ESC p twice, DLE DC4 1 once
    assert out.status_queries == 1
    assert out.pages == []


def test_barcodes_of_both_functions() -> None:
    data = GS + b"H\x02" + GS + b"kI\x08{BW01-12" + GS + b"H\x00" + GS + b"k\x04ABC\x00"
    out = read_escpos(data)
    assert out.barcodes == ["W01-12", "ABC"]
    assert out.pending == "W01-12"  # the number is printed under the first only


def test_code_pages() -> None:
    assert read_escpos(ESC + b"t\x00" + "Cañon".encode("cp437")).pending == "Cañon"
    assert read_escpos(ESC + b"t\x10" + "Cañon".encode("cp1252")).pending == "Cañon"


def test_images_are_skipped_whole() -> None:
    raster = GS + b"v0\x00\x02\x00\x02\x00" + b"\x1b\x1b\x1d\x1d"  # 2 bytes x 2 rows of dots
    out = read_escpos(b"A\n" + raster + b"B\n" + GS + b"V\x01")
    assert out.receipts == ["A\nB"]


def test_strict_reading_refuses_what_it_does_not_know() -> None:
    with pytest.raises(EscposReadError, match="unknown command ESC 0x01"):
        read_escpos(b"A" + ESC + b"\x01" + b"B")
    with pytest.raises(EscposReadError, match="unexpected control byte 0x02"):
        read_escpos(b"A\x02B")
    assert read_escpos(b"A" + ESC + b"\x01" + b"B", strict=False).pending == "AB"


def test_bytes_cut_off_inside_a_command() -> None:
    data = b"PRINTED\n" + GS + b"kI\x11{BW01"
    with pytest.raises(EscposReadError, match="cut short"):
        read_escpos(data)
    assert read_escpos(data, truncated_ok=True).pending == "PRINTED"
