"""Reading ESC/POS bytes back: the text each receipt prints, cut by cut, and the drawer kicks.

The `pdf:` virtual printer uses it to turn a print job into a PDF, and the tests use it to
read receipts out of what the printer emulator recorded. In strict mode a command it does
not know is an error, so a layout that sends a stray command cannot hide behind it.
"""

from __future__ import annotations

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
    out = Printout()
    lines: list[str] = []
    line: list[str] = []
    codec = "cp437"
    hri = False
    align = 0  # ESC a: 0 left, 1 centre, 2 right
    slip = False  # ESC c 0 4: the slip station prints; FF ejects the slip
    slip_lines: list[str] = []
    i, n = 0, len(data)

    def flush() -> None:
        nonlocal line
        text = "".join(line)
        line = []
        if paper and align == 1:
            text = text.strip().center(paper)
        elif paper and align == 2:
            text = text.strip().rjust(paper)
        lines.append(text)

    def need(count: int) -> None:
        if i + count > n:
            raise _CutShort(i)

    def end_receipt() -> None:
        nonlocal lines
        if line:
            flush()
        out.receipts.append(_tidy(lines))
        lines = []

    while i < n:
        b = data[i]
        if b >= 0x20 and b != 0x7F:
            j = i
            while j < n and data[j] >= 0x20 and data[j] != 0x7F:
                j += 1
            line.append(data[i:j].decode(codec, errors="replace"))
            i = j
            continue
        if b in (0x0A, 0x0C):  # LF, FF
            flush()
            if slip:
                slip_lines.append(lines.pop())
                if b == 0x0C:  # print and eject the slip
                    out.slips.append(_tidy(slip_lines))
                    slip_lines = []
            i += 1
        elif b in (0x0D, 0x00, 0x07):  # CR, NUL, BEL: nothing printed
            i += 1
        elif b == 0x09:  # HT
            width = sum(len(part) for part in line)
            line.append(" " * (8 - width % 8))
            i += 1
        elif b == ESC:
            need(2)
            cmd = chr(data[i + 1])
            if cmd == "*":  # bit image: m nL nH data
                need(5)
                m, count = data[i + 2], data[i + 3] + 256 * data[i + 4]
                i += 5 + count * (3 if m in (32, 33) else 1)
            elif cmd == "D":  # tab stops, up to 32, ended by NUL
                j = data.find(b"\x00", i + 2)
                i = n if j < 0 else j + 1
            elif cmd in _ESC_FIXED:
                need(2 + _ESC_FIXED[cmd])
                if cmd == "t":
                    codec = _CODE_PAGES.get(data[i + 2], "cp437")
                elif cmd == "@":
                    codec, hri, align = "cp437", False, 0
                elif cmd == "a":
                    align = data[i + 2] % 48 if data[i + 2] in (0, 1, 2, 48, 49, 50) else align
                elif cmd == "p":
                    out.drawer_kicks += 1
                elif cmd == "c" and data[i + 2] in (0x30, 0x00):  # ESC c 0 n: paper for printing
                    slip = bool(data[i + 3] & 0x0C)
                elif cmd == "d":
                    if line:
                        flush()
                    lines.extend([""] * max(data[i + 2] - 1, 0))
                elif cmd in _CUT_ESC:
                    end_receipt()
                i += 2 + _ESC_FIXED[cmd]
            elif strict:
                raise EscposReadError(f"unknown command ESC {data[i + 1]:#04x} at byte {i}")
            else:
                i += 2
        elif b == GS:
            need(2)
            cmd = chr(data[i + 1])
            if cmd == "V":  # cut: m, and a feed amount for m = 65, 66, 97, 98, 103, 104
                need(3)
                i += 4 if data[i + 2] in (65, 66, 97, 98, 103, 104) else 3
                end_receipt()
            elif cmd == "k":
                need(3)
                m = data[i + 2]
                if m <= 6:  # function A: data ended by NUL
                    j = data.find(b"\x00", i + 3)
                    end = n if j < 0 else j
                    out.barcodes.append(data[i + 3 : end].decode("ascii", errors="replace"))
                    i = end + 1
                else:  # function B: a length, then the data
                    need(4)
                    count = data[i + 3]
                    need(4 + count)
                    code = data[i + 4 : i + 4 + count].decode("ascii", errors="replace")
                    code = code[2:] if code[:1] == "{" else code
                    out.barcodes.append(code)
                    i += 4 + count
                if hri and out.barcodes[-1]:
                    # The printer prints the barcode's number under it, on a line of its own.
                    if line:
                        flush()
                    line = [out.barcodes[-1]]
                    flush()
            elif cmd == "(":  # GS ( fn pL pH data
                need(5)
                i += 5 + data[i + 3] + 256 * data[i + 4]
            elif cmd == "v":  # raster image: 0 m xL xH yL yH data
                need(8)
                width, height = data[i + 4] + 256 * data[i + 5], data[i + 6] + 256 * data[i + 7]
                i += 8 + width * height
            elif cmd == "*":  # define downloaded image: x y data
                need(4)
                i += 4 + data[i + 2] * data[i + 3] * 8
            elif cmd in _GS_FIXED:
                need(2 + _GS_FIXED[cmd])
                if cmd == "H":  # where the barcode's number is printed: 0 nowhere
                    hri = data[i + 2] in (1, 2, 3, 49, 50, 51)
                i += 2 + _GS_FIXED[cmd]
            elif strict:
                raise EscposReadError(f"unknown command GS {data[i + 1]:#04x} at byte {i}")
            else:
                i += 2
        elif b == DLE:
            need(2)
            realtime = data[i + 1]
            if realtime in (0x04, 0x05):  # DLE EOT n, DLE ENQ n: real-time, nothing printed
                need(3)
                out.status_queries += realtime == 0x04
                i += 3
            elif realtime == 0x14:  # DLE DC4 fn m t: real-time pulse (fn 1 kicks the drawer)
                need(5)
                out.drawer_kicks += data[i + 2] == 1
                i += 5
            elif strict:
                raise EscposReadError(f"unknown command DLE {realtime:#04x} at byte {i}")
            else:
                i += 2
        elif b == FS:
            need(2)
            cmd = chr(data[i + 1])
            if cmd in _FS_FIXED:
                need(2 + _FS_FIXED[cmd])
                i += 2 + _FS_FIXED[cmd]
            elif strict:
                raise EscposReadError(f"unknown command FS {data[i + 1]:#04x} at byte {i}")
            else:
                i += 2
        elif strict:
            raise EscposReadError(f"unexpected control byte {b:#04x} at byte {i}")
        else:
            i += 1
    if line:
        flush()
    out.pending = _tidy(lines)
    return out


def _tidy(lines: list[str]) -> str:
    """Lines without trailing spaces, and without blank lines at either end."""
    kept = [ln.rstrip() for ln in lines]
    while kept and not kept[-1]:
        kept.pop()
    while kept and not kept[0]:
        kept.pop(0)
    return "\n".join(kept)
