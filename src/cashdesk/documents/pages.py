"""Letter-size PDF pages written line by line, shared by the deposit slip, the mail batch proof
list and the daily mail log: a line of text (with an amount or note on the right), a rule, a gap,
and a new page with "… (continued)" when one is full. Text goes through `latin` first.
"""

from __future__ import annotations

import unicodedata

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from cashdesk.domain.printed_text import ENGLISH, say

FONT = "Helvetica"
BOLD = "Helvetica-Bold"
WIDTH, HEIGHT = LETTER


def latin(text: str) -> str:
    """The standard PDF fonts have no glyphs beyond Windows-1252: NGUYỄN prints as NGUYEN, not a box."""
    if text.isascii():  # every ASCII character is in Windows-1252 (a deposit slip has 100,000 texts)
        return text
    try:
        text.encode("cp1252")
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for char in text:
        try:
            char.encode("cp1252")
            out.append(char)
        except UnicodeEncodeError:
            plain = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
            out.append(plain if plain and all(_encodes(c) for c in plain) else "?")
    return "".join(out)


def _encodes(char: str) -> bool:
    try:
        char.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def cut(text: str, chars: int) -> str:
    """The text (through `latin`) in at most `chars` characters, an ellipsis where it was cut."""
    text = latin(text)
    return text if len(text) <= chars else text[: chars - 1] + "…"


class Pages:
    """Writes lines top to bottom, starting a new page (with a short heading) when full."""

    def __init__(self, pdf: Canvas, continued: str, *, size: float, leading: float, margin: float,
                 footer_size: float = 8, language: str = ENGLISH) -> None:  # fmt: skip
        self.pdf = pdf
        self.language = language  # of "Page 2, continued" (a customer's statement or letter)
        self.continued = continued
        self.size = size
        self.leading = leading
        self.margin = margin
        self.footer_size = footer_size
        self.y = HEIGHT - margin
        self.page = 1

    def need(self, lines: float = 1) -> None:
        if self.y - lines * self.leading < self.margin + self.leading:
            self.pdf.setFont(FONT, self.footer_size)
            self.pdf.drawRightString(WIDTH - self.margin, self.margin / 2,
                                     say(self.language, "Page {page}, continued", page=self.page))  # fmt: skip
            self.pdf.showPage()
            self.page += 1
            self.y = HEIGHT - self.margin
            self.text(say(self.language, "{title} (continued)", title=self.continued), bold=True)
            self.after_break()

    def after_break(self) -> None:
        """What follows the "(continued)" heading on a new page: a gap, or a table's header."""
        self.gap()

    def text(self, left: str, right: str = "", *, bold: bool = False, x: float | None = None,
             size: float | None = None) -> None:  # fmt: skip
        self.need()
        self.pdf.setFont(BOLD if bold else FONT, self.size if size is None else size)
        self.pdf.drawString(self.margin if x is None else x, self.y, latin(left))
        if right:
            self.pdf.drawRightString(WIDTH - self.margin, self.y, latin(right))
        self.y -= self.leading

    def rule(self) -> None:
        self.need()
        self.pdf.setLineWidth(0.5)
        self.pdf.line(self.margin, self.y + self.leading - 3, WIDTH - self.margin, self.y + self.leading - 3)

    def gap(self, lines: float = 0.6) -> None:
        self.y -= self.leading * lines
