"""A receipt printer on 127.0.0.1 for tests: records every byte, answers DLE EOT, and misbehaves on request.

    from tests.support.printer_emulator import printer_emulator  # noqa: F401  (the fixture)

    def test_prints(printer_emulator):
        printer = open_printer(printer_emulator.spec)
        ...
        printer_emulator.set_mode("paper_out")
        assert printer_emulator.receipts_text() == [...]

Modes: normal; offline (the port refuses connections); hang (takes the connection, never
reads or answers); close_mid_receipt (closes after `close_after` bytes); answer_lost (takes
and prints the whole job but never answers the query after it, as when the answer is lost on
the network); paper_out; paper_low; cover_open. The status bytes are written out here from the ESC/POS manual,
not borrowed from cashdesk's own status parser, so the two check each other.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from cashdesk.devices.escpos_text import Printout, read_escpos

MODES = ("normal", "offline", "hang", "close_mid_receipt", "answer_lost", "paper_out", "paper_low", "cover_open")

# Answers to DLE EOT 1 (printer), 2 (offline cause), 3 (error cause), 4 (paper roll sensor).
# Every answer has the fixed bits 0b0xx1xx10 (0x12). 0x08 in 1 = offline; 0x04 in 2 = cover
# open, 0x20 in 2 = stopped at paper end; 0x0C in 4 = paper near end, 0x60 in 4 = paper out.
_STATUS = {
    "normal": {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12},
    "paper_low": {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1E},
    "paper_out": {1: 0x1A, 2: 0x32, 3: 0x12, 4: 0x7E},
    "cover_open": {1: 0x1A, 2: 0x16, 3: 0x12, 4: 0x12},
}
_DRAWER_PIN_HIGH = 0x04  # bit 2 of the answer to DLE EOT 1

_POLL = 0.02  # seconds between looks at the stop flag


class _Connection:
    def __init__(self, sock: socket.socket, behaviour: str, close_after: int) -> None:
        self.sock = sock
        self.behaviour = behaviour
        self.close_after = close_after
        self.data = bytearray()
        self.cut_short = False
        self.thread: threading.Thread | None = None


def _carries_a_job(data: bytes | bytearray) -> bool:
    """Whether a connection carried more than status queries (DLE EOT n)."""
    rest = bytes(data)
    for n in (1, 2, 3, 4):
        rest = rest.replace(bytes((0x10, 0x04, n)), b"")
    return bool(rest)


class PrinterEmulator:
    """A raw-TCP ESC/POS printer in background threads. Use it as a context manager."""

    def __init__(self, host: str = "127.0.0.1", *, width_chars: int = 42) -> None:
        self.host = host
        self.width_chars = width_chars  # to place centred lines as the paper would
        self.port = 0
        self._mode = "normal"
        self._close_after = 64
        self.drawer_open = False
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._connections: list[_Connection] = []
        self._listener: socket.socket | None = None
        self._want_listening = True
        self._settled = threading.Condition(self._lock)
        self._acceptor: threading.Thread | None = None

    # -- life ------------------------------------------------------------------------------------

    def start(self) -> PrinterEmulator:
        self._listener = self._listen()
        self.port = self._listener.getsockname()[1]
        self._acceptor = threading.Thread(target=self._accept_loop, name="printer-emulator", daemon=True)
        self._acceptor.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._acceptor is not None:
            self._acceptor.join(5)
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            if conn.thread is not None:
                conn.thread.join(5)
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def __enter__(self) -> PrinterEmulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def spec(self) -> str:
        return f"network:{self.host}:{self.port}"

    # -- modes -----------------------------------------------------------------------------------

    @property
    def mode(self) -> str:
        return self._mode

    def set_mode(self, mode: str, *, close_after: int = 64) -> None:
        """Switch behaviour; returns once the port is open or closed as the mode wants."""
        if mode not in MODES:
            raise ValueError(f"unknown emulator mode {mode!r}; one of {', '.join(MODES)}")
        with self._settled:
            self._mode = mode
            self._close_after = close_after
            self._want_listening = mode != "offline"
            if not self._settled.wait_for(lambda: (self._listener is not None) == self._want_listening, timeout=5):
                raise RuntimeError("the printer emulator did not switch its port")

    def _listen(self) -> socket.socket:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        sock.listen(8)
        sock.settimeout(_POLL)
        return sock

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            with self._settled:
                if self._want_listening and self._listener is None:
                    self._listener = self._listen()  # same port: SO_REUSEADDR
                    self._settled.notify_all()
                elif not self._want_listening and self._listener is not None:
                    self._listener.close()  # connecting now is refused, like a printer switched off
                    self._listener = None
                    self._settled.notify_all()
                listener = self._listener
            if listener is None:
                self._stop.wait(_POLL)
                continue
            try:
                sock, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            with self._lock:  # the mode when the connection is taken, not when the wait began
                conn = _Connection(sock, self._mode, self._close_after)
            conn.thread = threading.Thread(target=self._serve, args=(conn,), name="printer-emulator-conn", daemon=True)
            with self._lock:
                self._connections.append(conn)
            conn.thread.start()

    def _serve(self, conn: _Connection) -> None:
        sock = conn.sock
        sock.settimeout(_POLL)
        carry = b""
        try:
            while not self._stop.is_set():
                if conn.behaviour == "hang":
                    if self._mode != "hang":
                        return  # the client gave up long ago
                    self._stop.wait(_POLL)
                    continue
                room = 4096
                if conn.behaviour == "close_mid_receipt":
                    room = min(room, conn.close_after - len(conn.data))
                    if room <= 0:
                        conn.cut_short = True
                        return  # closing with bytes unread: the client sees a reset
                try:
                    chunk = sock.recv(room)
                except TimeoutError:
                    continue
                except OSError:
                    return
                if not chunk:
                    return
                with self._lock:
                    conn.data += chunk  # recorded before any answer goes back
                if conn.behaviour == "answer_lost" and _carries_a_job(conn.data):
                    continue  # the job is in; the answer after it never comes back
                carry = self._answer_status_queries(sock, carry + chunk)
        finally:
            sock.close()

    def _answer_status_queries(self, sock: socket.socket, data: bytes) -> bytes:
        """Answer each DLE EOT n in `data`; return the tail that may begin an unfinished one."""
        start = 0
        while True:
            at = data.find(b"\x10\x04", start)
            if at < 0 or at + 2 >= len(data):
                break
            n = data[at + 2]
            if n in (1, 2, 3, 4):
                answer = self._status_byte(n)
                try:
                    sock.sendall(bytes((answer,)))
                except OSError:
                    return b""
            start = at + 3
        if data.endswith(b"\x10\x04"):
            return b"\x10\x04"
        if data.endswith(b"\x10"):
            return b"\x10"
        return b""

    def _status_byte(self, n: int) -> int:
        answer = _STATUS.get(self._mode, _STATUS["normal"])[n]
        if n == 1 and self.drawer_open:
            answer |= _DRAWER_PIN_HIGH
        return answer

    # -- what it printed ---------------------------------------------------------------------------

    def connections(self) -> list[bytes]:
        """The bytes received on each connection, in the order they were accepted."""
        with self._lock:
            return [bytes(conn.data) for conn in self._connections]

    def received(self) -> bytes:
        return b"".join(self.connections())

    def printout(self) -> Printout:
        """Every connection read as ESC/POS, strictly: an unknown command fails the test."""
        total = Printout()
        with self._lock:
            records = [(bytes(conn.data), conn.cut_short) for conn in self._connections]
        for data, cut_short in records:
            one = read_escpos(data, strict=True, truncated_ok=cut_short, width=self.width_chars)
            total.receipts.extend(one.receipts)
            total.drawer_kicks += one.drawer_kicks
            total.status_queries += one.status_queries
            total.barcodes.extend(one.barcodes)
            if one.pending:
                total.pending += ("\n" if total.pending else "") + one.pending
        return total

    def receipts_text(self) -> list[str]:
        """The printed text of each receipt that reached its paper cut, lines centred as printed."""
        return self.printout().receipts

    def drawer_kicks(self) -> int:
        return self.printout().drawer_kicks

    def clear(self) -> None:
        with self._lock:
            for conn in self._connections:
                conn.data.clear()


@pytest.fixture
def printer_emulator() -> Iterator[PrinterEmulator]:
    with PrinterEmulator() as emulator:
        yield emulator
