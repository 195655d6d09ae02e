"""Slips and reports on the receipt printer: cash drops, paid-outs, X and Z reports.

A `SlipDoc` is a title and a list of lines, already decided by the service; this module
only lays them out, with the receipt's own helpers (wrapping, label-and-amount lines, the
letterhead), as ESC/POS bytes for the printer or as plain text for the window and PDFs.
"""

from __future__ import annotations

from dataclasses import dataclass

from cashdesk.devices.escpos_import import load_escpos
from cashdesk.devices.escpos_profiles import check_profile
from cashdesk.devices.receipt import (
    DEFAULT_WIDTH,
    MIN_WIDTH,
    Letterhead,
    _clean,
    _plain,
    _restyle,
    _Row,
    _two,
    _wrap,
)
from cashdesk.domain.cards import contains_card_number


@dataclass(frozen=True, slots=True)
class SlipLine:
    """One line: text on the left and, if any, an amount (or value) flush right."""

    text: str = ""
    right: str = ""
    bold: bool = False
    center: bool = False
    rule: bool = False  # a full-width rule instead of text
    signature: bool = False  # a line to sign on, with `text` as the caption below it


RULE = SlipLine(rule=True)
BLANK = SlipLine()


@dataclass(frozen=True, slots=True)
class SlipDoc:
    letterhead: Letterhead | None
    title: str
    lines: tuple[SlipLine, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", tuple(self.lines))
        for line in self.lines:
            if contains_card_number(line.text) or contains_card_number(line.right):
                raise ValueError("A slip never shows a card number; remove it and try again.")
        if not self.title.strip():
            raise ValueError("A slip needs a title.")


def _layout(doc: SlipDoc, width: int) -> list[_Row]:
    if width < MIN_WIDTH:
        raise ValueError(f"A slip needs at least {MIN_WIDTH} characters a line, not {width}.")
    rows: list[_Row] = []
    head = doc.letterhead
    if head is not None:
        rows.extend(_Row(line, center=True, bold=True) for line in _wrap(head.city, width))
        for text in (head.department, *head.address, head.phone):
            rows.extend(_Row(line, center=True) for line in _wrap(text, width))
        rows.append(_Row(""))
    rows.extend(_Row(line, center=True, bold=True, big=True) for line in _wrap(doc.title, width // 2))
    rows.append(_Row(""))
    for line in doc.lines:
        if line.rule:
            rows.append(_Row("-" * width))
        elif line.signature:
            rows.append(_Row(""))
            rows.append(_Row(""))
            rows.append(_Row("_" * min(width, 32)))
            rows.extend(_Row(text) for text in _wrap(line.text, width))
        elif line.right:
            rows.append(_Row(_two(line.text, line.right, width), bold=line.bold))
        elif not line.text.strip():
            rows.append(_Row(""))
        else:
            rows.extend(_Row(text, center=line.center, bold=line.bold) for text in _wrap(line.text, width))
    return rows


def render_text(doc: SlipDoc, *, width_chars: int = DEFAULT_WIDTH) -> str:
    """The slip as plain lines, centred as printed."""
    return _plain(_layout(doc, width_chars), width_chars)


def render_escpos(doc: SlipDoc, *, profile: str = "default", width_chars: int = DEFAULT_WIDTH) -> bytes:
    """The slip as one print job: reset, code page 437, the lines, a feed and a partial cut.

    The same slip and profile always give the same bytes.
    """
    load_escpos()
    from escpos.printer import Dummy

    rows = _layout(doc, width_chars)
    check_profile(profile)
    printer = Dummy(profile=profile)
    printer._raw(b"\x1b@")
    cp437 = "CP437" in printer.profile.get_code_pages()
    if cp437:
        printer.charcode("CP437")
    style = (False, False, False, False)  # center, bold, big, invert (a slip never inverts)
    for row in rows:
        style = _restyle(printer, style, row)
        text = _clean(row.text if row.center else row.text.rstrip())
        if cp437:
            printer._raw(text.encode("cp437", errors="replace") + b"\n")
        else:
            printer.textln(text)
    if style != (False, False, False, False):
        printer.set(align="left", bold=False, normal_textsize=True)
    printer.cut(mode="PART")
    slip: bytes = printer.output
    return slip
