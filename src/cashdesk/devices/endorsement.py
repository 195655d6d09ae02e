"""The "for deposit only" endorsement printed on the back of a check at the slip station.

Printers with a slip (validation) station, such as the Epson TM-H6000 and TM-U675, take the
check the cashier inserts and print on it. python-escpos's capability profiles do not say
whether a printer has one, so a setting does (`printer.slip_station`). The job selects the
slip station (ESC c 0 4), prints the endorsement, ejects the check (FF) and selects the
paper roll again (ESC c 0 1), so the next receipt prints on the roll. The printer waits for
the check to be inserted before it prints.
"""

from __future__ import annotations

from collections.abc import Sequence

SLIP_WIDTH = 40  # characters on a slip line; endorsements are short


def endorsement_lines(city: str, bank: str, account: str, receipt_number: str, check_number: str) -> tuple[str, ...]:
    """Restrictive endorsement: the check can only be deposited to the city's account."""
    last4 = account[-4:] if account else ""
    lines = ("FOR DEPOSIT ONLY", city, bank, f"Account ...{last4}" if last4 else "",
             f"Receipt {receipt_number}", f"Check {check_number}" if check_number else "")  # fmt: skip
    return tuple(line[:SLIP_WIDTH] for line in lines if line)


def render_endorsement(lines: Sequence[str], *, profile: str = "default") -> bytes:
    """One job: slip station, the lines, print and eject, back to the roll. Same lines, same bytes."""
    from escpos.printer import Dummy

    from cashdesk.devices.escpos_import import load_escpos
    from cashdesk.devices.escpos_profiles import check_profile

    load_escpos()
    check_profile(profile)
    printer = Dummy(profile=profile)
    printer._raw(b"\x1b@")
    printer.target("SLIP")
    for line in lines:
        printer._raw(line.encode("cp437", errors="replace") + b"\n")
    printer.print_and_eject_slip()
    printer.target("ROLL")
    endorsement: bytes = printer.output
    return endorsement
