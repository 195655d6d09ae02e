"""The "for deposit only" endorsement: slip station, print and eject, back to the roll."""

from cashdesk.devices.endorsement import endorsement_lines, render_endorsement
from cashdesk.devices.escpos_text import read_escpos


def test_the_endorsement_prints_on_the_slip_and_the_roll_is_selected_again() -> None:
    lines = endorsement_lines("City of Aurelia", "First National Bank", "000123456789", "W01-2026-000012", "1042")
    job = render_endorsement(lines)
    assert job.startswith(b"\x1b@\x1bc0\x04")  # reset, then the slip station
    assert job.endswith(b"\x0c\x1bc0\x01")  # print and eject, then the paper roll
    printout = read_escpos(job)
    assert printout.receipts == [] and printout.pending == ""
    assert printout.slips == ["FOR DEPOSIT ONLY\nCity of Aurelia\nFirst National Bank\nAccount ...6789\n"
                              "Receipt W01-2026-000012\nCheck 1042"]  # fmt: skip
    assert render_endorsement(lines) == job  # same lines, same bytes


def test_only_the_last_four_of_the_citys_account_are_printed() -> None:
    lines = endorsement_lines("City", "Bank", "000123456789", "W01-2026-000001", "")
    assert "000123456789" not in "\n".join(lines)
    assert lines[-1] == "Receipt W01-2026-000001"  # no check number line when there is none
