"""DLE EOT answers become a status and a label for the status bar."""

import pytest

from cashdesk.devices.status import PrinterStatus, is_status_byte, parse_status, status_query

NORMAL = {1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12}


def test_the_four_queries() -> None:
    assert [status_query(n) for n in (1, 2, 3, 4)] == [
        b"\x10\x04\x01",
        b"\x10\x04\x02",
        b"\x10\x04\x03",
        b"\x10\x04\x04",
    ]
    with pytest.raises(ValueError):
        status_query(5)


def test_all_well_is_online_and_ready() -> None:
    status = parse_status(NORMAL)
    assert status.label == "Online" and status.ready
    assert not (status.cover_open or status.paper_low or status.paper_out or status.error or status.drawer_open)


@pytest.mark.parametrize(
    ("replies", "label", "ready"),
    [
        ({4: 0x1E}, "Paper low", True),  # near-end sensor
        ({4: 0x16}, "Paper low", True),  # one near-end sensor of two
        ({1: 0x1A, 2: 0x32, 4: 0x7E}, "Out of paper", False),
        ({1: 0x1A, 4: 0x72}, "Out of paper", False),  # end sensor alone
        ({1: 0x1A, 2: 0x32}, "Out of paper", False),  # stopped at paper end
        ({1: 0x1A, 2: 0x16}, "Cover open", False),
        ({1: 0x1A, 2: 0x16, 4: 0x7E}, "Cover open", False),  # the cover first: it is what to fix
        ({1: 0x1A, 2: 0x52, 3: 0x1A}, "Printer error", False),  # cutter error
        ({1: 0x1A, 3: 0x32}, "Printer error", False),  # unrecoverable
        ({3: 0x52}, "Printer error", False),  # head too hot
        ({1: 0x1A}, "Offline", False),
    ],
)
def test_labels(replies: dict[int, int], label: str, ready: bool) -> None:
    status = parse_status({**NORMAL, **replies})
    assert (status.label, status.ready) == (label, ready)


def test_drawer_switch_level_is_configurable() -> None:
    assert parse_status({**NORMAL, 1: 0x16}).drawer_open
    assert not parse_status({**NORMAL, 1: 0x16}, drawer_open_high=False).drawer_open
    assert parse_status(NORMAL, drawer_open_high=False).drawer_open
    assert parse_status({**NORMAL, 1: 0x16}).ready  # an open drawer does not stop printing


def test_no_answer_to_the_printer_query_is_not_answering() -> None:
    status = parse_status({})
    assert status.label == "Not answering" and not status.ready


def test_bytes_that_are_not_status_answers_are_refused() -> None:
    assert is_status_byte(0x12) and is_status_byte(0x7E)
    assert not is_status_byte(0x00) and not is_status_byte(0x13) and not is_status_byte(0x92)
    with pytest.raises(ValueError):
        parse_status({1: 0x00})


def test_printers_that_cannot_be_asked() -> None:
    assert PrinterStatus.unknown().label == "Status unknown"
    assert PrinterStatus.unknown().ready
    assert PrinterStatus.unknown("No printer").label == "No printer"
    assert PrinterStatus.unreachable("refused").label == "Offline"
    assert not PrinterStatus.unreachable().ready
    assert PrinterStatus.not_answering().label == "Not answering"
