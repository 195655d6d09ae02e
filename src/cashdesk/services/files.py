"""Files in and out: writing so that a crash or a full disk leaves the old file or the new one, never
half; reading an import file only when it is a regular file, in the encoding its byte-order mark names.

Writing is used by the deposit export and by the anchor kept beside the database (services/anchors.py);
reading by import-accounts and import-payments.
"""

from __future__ import annotations

import codecs
import io
import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO


def write_atomically(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """A temporary file in the same folder, flushed to disk, then renamed over the target:
    a reader sees the old file or the new one, never half of one. The temporary file is made
    readable by its owner only; `mode` (e.g. 0o640) is given to it before the rename, so the
    file never appears under its name with any other mode."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)  # as set, whatever the umask
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):  # a rename or a removal itself reaches the disk (POSIX)
        dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


# -- reading an import file ------------------------------------------------------------------------


class NotAFile(Exception):
    """The path names something that is not a regular file; str() says what it is, in words."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path = path
        self.kind = kind
        super().__init__(f"{path} is {kind}, not a file. Name the CSV file to import.")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def open_regular_file(path: Path) -> BinaryIO:
    """The file opened for reading in binary; anything but a regular file raises NotAFile first.

    The path is looked at before it is opened (a FIFO would wait for a writer forever, /dev/zero never
    ends), and opened without waiting, then looked at again, so a swap in between is caught too.
    A missing or unreadable file raises OSError."""
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotAFile(path, _kind(mode))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotAFile(path, _kind(mode))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


#: Byte-order marks, longest first (a UTF-32 LE mark starts like a UTF-16 LE one).
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class UnreadableText(Exception):
    """The file's text cannot be read as it is saved; str() says so in one sentence."""


def text_encoding(start: bytes) -> str:
    """The encoding of a file that starts with these bytes: the one its byte-order mark names, else UTF-8.

    UTF-16 without a mark (every other byte NUL) cannot be told apart safely: UnreadableText."""
    for mark, encoding in _MARKS:
        if start.startswith(mark):
            return encoding
    head = start[:64]
    if len(head) >= 4 and head.count(0) * 3 >= len(head):
        raise UnreadableText(
            "it is saved as UTF-16 text without a byte-order mark; save it as UTF-8 "
            '(in Excel: Save As, "CSV UTF-8 (Comma delimited)") and import it again'
        )
    return "utf-8"


def open_text(raw: BinaryIO, *, errors: str = "strict") -> io.TextIOWrapper:
    """The binary file as text, streamed, in the encoding its first bytes name (text_encoding);
    newlines are left to the CSV reader. The byte-order mark is not part of the text."""
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)  # type: ignore[type-var]
    encoding = text_encoding(buffered.peek(64)[:64])
    return io.TextIOWrapper(buffered, encoding=encoding, errors=errors, newline="")


__all__ = [
    "NotAFile",
    "UnreadableText",
    "open_regular_file",
    "open_text",
    "sync_folder",
    "text_encoding",
    "write_atomically",
]
