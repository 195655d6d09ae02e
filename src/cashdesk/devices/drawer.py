"""The cash-drawer kick, sent to the printer the drawer hangs on as a job of its own.

Kept apart from the receipt so a receipt that fails to print never keeps the drawer shut,
and a drawer that was opened is never opened twice because a receipt was retried.

Two commands open a drawer. ESC p waits its turn in the printer's buffer, so a printer that
is out of paper holds it, and would pop the drawer open whenever paper goes in; `deliver`
therefore sends it only to a ready printer. DLE DC4 1 (`realtime=True`) is acted on as it
arrives, even while the printer is offline for paper or an open cover; Epson TM printers
and most compatibles know it, some older or cheaper ones do not.
"""

from __future__ import annotations

# ESC p m t1 t2: pulse connector pin m (0 = pin 2, 1 = pin 5) on for t1 × 2 ms, off for t2 × 2 ms.
# DLE DC4 1 m t: the same pulse at once, on and off for t × 100 ms (1 ≤ t ≤ 8).
_PIN_CODES = {2: 0, 5: 1}
DEFAULT_ON_MS = 100
DEFAULT_OFF_MS = 100


def drawer_kick(
    pin: int = 2, *, on_ms: int = DEFAULT_ON_MS, off_ms: int = DEFAULT_OFF_MS, realtime: bool = False
) -> bytes:
    """The bytes that open the drawer on connector pin 2 (the usual one) or pin 5 (a second drawer).

    The defaults, 100 ms on and 100 ms off, are python-escpos's and open common drawers; a
    heavy drawer may want a longer pulse. A real-time kick pulses in steps of 100 ms and
    uses `on_ms` for both times.
    """
    if pin not in _PIN_CODES:
        raise ValueError(f"A cash drawer is on connector pin 2 or pin 5, not {pin}.")
    for name, ms in (("on", on_ms), ("off", off_ms)):
        if type(ms) is not int or not 2 <= ms <= 510:
            raise ValueError(f"The drawer pulse {name} time is 2 to 510 milliseconds, not {ms}.")
    if realtime:
        return bytes((0x10, 0x14, 1, _PIN_CODES[pin], min(max(round(on_ms / 100), 1), 5)))
    return bytes((0x1B, 0x70, _PIN_CODES[pin], on_ms // 2, off_ms // 2))


def is_drawer_kick(job: bytes) -> bool:
    """True for a job that is exactly one drawer kick, of either kind."""
    return is_realtime_kick(job) or (len(job) == 5 and job[:2] == b"\x1bp" and job[2] in (0, 1, 48, 49))


def is_realtime_kick(job: bytes) -> bool:
    return len(job) == 5 and job[:3] == b"\x10\x14\x01" and job[3] in (0, 1) and 1 <= job[4] <= 8
