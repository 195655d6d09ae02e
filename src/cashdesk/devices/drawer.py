"""The cash-drawer kick: ESC p, sent to the printer the drawer hangs on, as a job of its own.

Kept apart from the receipt so a receipt that fails to print never keeps the drawer shut,
and a drawer that was opened is never opened twice because a receipt was retried.
"""

from __future__ import annotations

# ESC p m t1 t2: pulse connector pin m (0 = pin 2, 1 = pin 5) on for t1 × 2 ms, off for t2 × 2 ms.
_PIN_CODES = {2: 0, 5: 1}
DEFAULT_ON_MS = 100
DEFAULT_OFF_MS = 100


def drawer_kick(pin: int = 2, *, on_ms: int = DEFAULT_ON_MS, off_ms: int = DEFAULT_OFF_MS) -> bytes:
    """The bytes that open the drawer on connector pin 2 (the usual one) or pin 5 (a second drawer).

    The defaults, 100 ms on and 100 ms off, are python-escpos's and open common drawers; a
    heavy drawer may want a longer pulse.
    """
    if pin not in _PIN_CODES:
        raise ValueError(f"A cash drawer is on connector pin 2 or pin 5, not {pin}.")
    for name, ms in (("on", on_ms), ("off", off_ms)):
        if type(ms) is not int or not 2 <= ms <= 510:
            raise ValueError(f"The drawer pulse {name} time is 2 to 510 milliseconds, not {ms}.")
    return bytes((0x1B, 0x70, _PIN_CODES[pin], on_ms // 2, off_ms // 2))


def is_drawer_kick(job: bytes) -> bool:
    """True for a job that is exactly one drawer kick (what `drawer_kick` makes)."""
    return len(job) == 5 and job[:2] == b"\x1bp" and job[2] in (0, 1, 48, 49)
