"""Reading ESC/POS bytes back: the text each receipt prints, cut by cut, and the drawer kicks.

The `pdf:` virtual printer uses it to turn a print job into a PDF, and the tests use it to
read receipts out of what the printer emulator recorded; `page_name` says what a page is (a
receipt, a drop slip, a Z report), for the PDF's file name. In strict mode a command it does
not know is an error, so a layout that sends a stray command cannot hide behind it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ESC, GS, DLE, FS = 0x1B, 0x1D, 0x10, 0x1C

# ESC/POS code pages by the number ESC t selects; anything else reads as PC437.
_CODE_PAGES = {0: "cp437", 2: "cp850", 3: "cp860", 4: "cp863", 5: "cp865", 16: "cp1252", 17: "cp866", 19: "cp858"}

# Bytes of parameters after the command letter, for commands of fixed length.
_ESC_FIXED = {
    "@": 0, "!": 1, "E": 1, "G": 1, "-": 1, "M": 1, "a": 1, "t": 1, "{": 1, "d": 1, "J": 1,
    "2": 0, "3": 1, "A": 1, "+": 1, " ": 1, "V": 1, "r": 1, "R": 1, "p": 3, "c": 2, "=": 1,
    "K": 1, "B": 2, "e": 1, "U": 1, "T": 1, "L": 0, "S": 0, "W": 8, "$": 2, "\\": 2, "%": 1,
    "i": 0, "m": 0, "<": 0, "?": 1, "f": 2,
}  # fmt: skip
_GS_FIXED = {
    "!": 1, "B": 1, "b": 1, "h": 1, "w": 1, "f": 1, "H": 1, "L": 2, "W": 2, "|": 1, "a": 1,
    "r": 1, "I": 1, "P": 2, "/": 1, ":": 0, "^": 3, "T": 1, "$": 2, "\\": 2,
}  # fmt: skip
_FS_FIXED = {".": 0, "&": 0, "p": 2, "C": 1, "!": 1, "-": 1, "W": 1, "S": 2}
_CUT_ESC = {"i", "m"}  # older partial/full cut commands


class EscposReadError(ValueError):
    """Bytes that are not ESC/POS this reader knows (strict mode only)."""


@dataclass
class Printout:
    """What a stream of ESC/POS bytes prints."""

    receipts: list[str] = field(default_factory=list)  # text of each receipt that ended with a cut
    pending: str = ""  # text printed after the last cut
    drawer_kicks: int = 0
    status_queries: int = 0
    barcodes: list[str] = field(default_factory=list)
    slips: list[str] = field(default_factory=list)  # text printed at the slip station, one per slip ejected

    @property
    def pages(self) -> list[str]:
        """Every receipt, and the text after the last cut if there is any."""
        return self.receipts + ([self.pending] if self.pending else [])


class _CutShort(EscposReadError):
    def __init__(self, at: int) -> None:
        super().__init__(f"the command at byte {at} is cut short")
        self.at = at


def read_escpos(data: bytes, *, strict: bool = True, truncated_ok: bool = False, width: int | None = None) -> Printout:
    """What `data` prints.

    With `width` (characters a line) centred and right-aligned lines are padded as the
    printer places them; without it every line starts at the left. `truncated_ok` reads
    bytes that stop inside a command (a connection closed mid-job) up to that command;
    otherwise, like an unknown command in strict mode, it is an error.
    """
    try:
        return _read(data, strict, width)
    except _CutShort as exc:
        if not truncated_ok:
            raise
        return _read(data[: exc.at], strict, width)


def _read(data: bytes, strict: bool, paper: int | None) -> Printout:
    return _Reader(data, strict, paper).read()


class _Reader:
    """One pass over the bytes: the printer's state (code page, alignment, the slip station) and
    the lines printed so far."""

    def __init__(self, data: bytes, strict: bool, paper: int | None) -> None:
        self.data, self.strict, self.paper = data, strict, paper
        self.out = Printout()
        self.lines: list[str] = []
        self.line: list[str] = []
        self.codec = "cp437"
        self.hri = False
        self.align = 0  # ESC a: 0 left, 1 centre, 2 right
        self.slip = False  # ESC c 0 4: the slip station prints; FF ejects the slip
        self.slip_lines: list[str] = []
        self.i, self.n = 0, len(data)

    def read(self) -> Printout:
        commands = {ESC: self.esc, GS: self.gs, DLE: self.dle, FS: self.fs}
        data = self.data
        while self.i < self.n:
            b = data[self.i]
            if b >= 0x20 and b != 0x7F:
                self.text()
            elif b in (0x0A, 0x0C):  # LF, FF
                self.line_feed(b == 0x0C)
            elif b in (0x0D, 0x00, 0x07):  # CR, NUL, BEL: nothing printed
                self.i += 1
            elif b == 0x09:  # HT
                width = sum(len(part) for part in self.line)
                self.line.append(" " * (8 - width % 8))
                self.i += 1
            elif b in commands:
                self.need(2)
                commands[b]()
            elif self.strict:
                raise EscposReadError(f"unexpected control byte {b:#04x} at byte {self.i}")
            else:
                self.i += 1
        if self.line:
            self.flush()
        self.out.pending = _tidy(self.lines)
        return self.out

    # -- lines and receipts

    def flush(self) -> None:
        text = "".join(self.line)
        self.line = []
        if self.paper and self.align == 1:
            text = text.strip().center(self.paper)
        elif self.paper and self.align == 2:
            text = text.strip().rjust(self.paper)
        self.lines.append(text)

    def need(self, count: int) -> None:
        if self.i + count > self.n:
            raise _CutShort(self.i)

    def end_receipt(self) -> None:
        if self.line:
            self.flush()
        self.out.receipts.append(_tidy(self.lines))
        self.lines = []

    def text(self) -> None:
        data, j = self.data, self.i
        while j < self.n and data[j] >= 0x20 and data[j] != 0x7F:
            j += 1
        self.line.append(data[self.i : j].decode(self.codec, errors="replace"))
        self.i = j

    def line_feed(self, eject: bool) -> None:
        self.flush()
        if self.slip:
            self.slip_lines.append(self.lines.pop())
            if eject:  # FF: print and eject the slip
                self.out.slips.append(_tidy(self.slip_lines))
                self.slip_lines = []
        self.i += 1

    def unknown(self, prefix: str) -> None:
        """A command this reader does not know: an error in strict mode, else skipped (two bytes)."""
        if self.strict:
            raise EscposReadError(f"unknown command {prefix} {self.data[self.i + 1]:#04x} at byte {self.i}")
        self.i += 2

    # -- commands

    def esc(self) -> None:
        data, i = self.data, self.i
        cmd = chr(data[i + 1])
        if cmd == "*":  # bit image: m nL nH data
            self.need(5)
            m, count = data[i + 2], data[i + 3] + 256 * data[i + 4]
            self.i += 5 + count * (3 if m in (32, 33) else 1)
        elif cmd == "D":  # tab stops, up to 32, ended by NUL
            j = data.find(b"\x00", i + 2)
            self.i = self.n if j < 0 else j + 1
        elif cmd in _ESC_FIXED:
            self.need(2 + _ESC_FIXED[cmd])
            self.esc_fixed(cmd, data[i + 2 : i + 2 + _ESC_FIXED[cmd]])
            self.i += 2 + _ESC_FIXED[cmd]
        else:
            self.unknown("ESC")

    def esc_fixed(self, cmd: str, args: bytes) -> None:
        if cmd == "t":
            self.codec = _CODE_PAGES.get(args[0], "cp437")
        elif cmd == "@":
            self.codec, self.hri, self.align = "cp437", False, 0
        elif cmd == "a":
            self.align = args[0] % 48 if args[0] in (0, 1, 2, 48, 49, 50) else self.align
        elif cmd == "p":
            self.out.drawer_kicks += 1
        elif cmd == "c" and args[0] in (0x30, 0x00):  # ESC c 0 n: paper for printing
            self.slip = bool(args[1] & 0x0C)
        elif cmd == "d":
            if self.line:
                self.flush()
            self.lines.extend([""] * max(args[0] - 1, 0))
        elif cmd in _CUT_ESC:
            self.end_receipt()

    def gs(self) -> None:
        data, i = self.data, self.i
        cmd = chr(data[i + 1])
        if cmd == "V":  # cut: m, and a feed amount for m = 65, 66, 97, 98, 103, 104
            self.need(3)
            self.i += 4 if data[i + 2] in (65, 66, 97, 98, 103, 104) else 3
            self.end_receipt()
        elif cmd == "k":
            self.barcode()
        elif cmd == "(":  # GS ( fn pL pH data
            self.need(5)
            self.i += 5 + data[i + 3] + 256 * data[i + 4]
        elif cmd == "v":  # raster image: 0 m xL xH yL yH data
            self.need(8)
            width, height = data[i + 4] + 256 * data[i + 5], data[i + 6] + 256 * data[i + 7]
            self.i += 8 + width * height
        elif cmd == "*":  # define downloaded image: x y data
            self.need(4)
            self.i += 4 + data[i + 2] * data[i + 3] * 8
        elif cmd in _GS_FIXED:
            self.need(2 + _GS_FIXED[cmd])
            if cmd == "H":  # where the barcode's number is printed: 0 nowhere
                self.hri = data[i + 2] in (1, 2, 3, 49, 50, 51)
            self.i += 2 + _GS_FIXED[cmd]
        else:
            self.unknown("GS")

    def barcode(self) -> None:
        data, i, out = self.data, self.i, self.out
        self.need(3)
        m = data[i + 2]
        if m <= 6:  # function A: data ended by NUL
            j = data.find(b"\x00", i + 3)
            end = self.n if j < 0 else j
            out.barcodes.append(data[i + 3 : end].decode("ascii", errors="replace"))
            self.i = end + 1
        else:  # function B: a length, then the data
            self.need(4)
            count = data[i + 3]
            self.need(4 + count)
            code = data[i + 4 : i + 4 + count].decode("ascii", errors="replace")
            code = code[2:] if code[:1] == "{" else code
            out.barcodes.append(code)
            self.i += 4 + count
        if self.hri and out.barcodes[-1]:
            # The printer prints the barcode's number under it, on a line of its own.
            if self.line:
                self.flush()
            self.line = [out.barcodes[-1]]
            self.flush()

    def dle(self) -> None:
        realtime = self.data[self.i + 1]
        if realtime in (0x04, 0x05):  # DLE EOT n, DLE ENQ n: real-time, nothing printed
            self.need(3)
            self.out.status_queries += realtime == 0x04
            self.i += 3
        elif realtime == 0x14:  # DLE DC4 fn m t: real-time pulse (fn 1 kicks the drawer)
            self.need(5)
            self.out.drawer_kicks += self.data[self.i + 2] == 1
            self.i += 5
        else:
            self.unknown("DLE")

    def fs(self) -> None:
        cmd = chr(self.data[self.i + 1])
        if cmd in _FS_FIXED:
            self.need(2 + _FS_FIXED[cmd])
            self.i += 2 + _FS_FIXED[cmd]
        else:
            self.unknown("FS")


def _tidy(lines: list[str]) -> str:
    """Lines without trailing spaces, and without blank lines at either end."""
    kept = [ln.rstrip() for ln in lines]
    while kept and not kept[-1]:
        kept.pop()
    while kept and not kept[0]:
        kept.pop(0)
    return "\n".join(kept)


#: Slips and reports printed without a barcode, by their title: the file's name, filled in from
#: the slip's own lines ("Drop  12" gives drop-slip-12), so a folder of PDFs reads like the safe bag.
_TITLED: dict[str, str] = {
    "CASH DROP": "drop-slip-{Drop}",
    "PAID-OUT": "paid-out-{Paid-out}",
    "X REPORT": "x-report-{Station}-drawer-{Drawer}",
    "Z REPORT": "z-report-{Station}-drawer-{Drawer}",
}


def page_name(text: str, barcode: str = "") -> str:
    """What a printed page is, as a file name without .pdf: a receipt by its number (a void slip
    `<number>-void`), a slip or report by its title and number, anything else `receipt`."""
    lines = [line.strip() for line in text.splitlines()]
    if barcode:
        return f"{barcode}-void" if "VOID" in lines else barcode
    for title, pattern in _TITLED.items():
        if title in lines:
            values: dict[str, str] = {}
            for label in re.findall(r"\{([^}]+)\}", pattern):
                found = next((m for m in (re.fullmatch(rf"{re.escape(label)}\s+(\S+)", x) for x in lines) if m), None)
                values[label] = found.group(1) if found else ""
            return pattern.format_map(values).replace("--", "-").strip("-")
    return "receipt"
