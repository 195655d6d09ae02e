"""The drawer kick: ESC p on pin 2 or 5, a job of its own."""

import pytest
from escpos.constants import CD_KICK_2, CD_KICK_5

from cashdesk.devices.drawer import drawer_kick, is_drawer_kick
from cashdesk.devices.escpos_text import read_escpos


def test_pin_2_by_default_as_python_escpos_sends_it() -> None:
    assert drawer_kick() == b"\x1bp\x00\x32\x32" == CD_KICK_2


def test_pin_5_for_a_second_drawer() -> None:
    assert drawer_kick(5) == b"\x1bp\x01\x32\x32" == CD_KICK_5


def test_pulse_times_in_two_millisecond_steps() -> None:
    assert drawer_kick(2, on_ms=50, off_ms=500) == bytes((0x1B, 0x70, 0, 25, 250))


@pytest.mark.parametrize(("pin", "on_ms"), [(1, 100), (3, 100), (2, 0), (2, 600), (2, 100.0)])
def test_nonsense_is_refused(pin: int, on_ms: int) -> None:
    with pytest.raises(ValueError):
        drawer_kick(pin, on_ms=on_ms)


def test_a_kick_prints_nothing_and_is_recognised() -> None:
    out = read_escpos(drawer_kick())
    assert out.drawer_kicks == 1 and out.pages == []
    assert is_drawer_kick(drawer_kick(5))
    assert not is_drawer_kick(drawer_kick() + b"x")


def test_a_real_time_kick_for_printers_that_are_offline() -> None:
    assert drawer_kick(realtime=True) == b"\x10\x14\x01\x00\x01"
    assert drawer_kick(5, on_ms=200, realtime=True) == b"\x10\x14\x01\x01\x02"
    assert is_drawer_kick(drawer_kick(realtime=True))
    assert read_escpos(drawer_kick(realtime=True)).drawer_kicks == 1
