"""MICR lines from a keyboard-wedge check reader: routing, account and check number.

Readers type the E-13B symbols as letters; the common convention (and the default here):
T or A = transit (routing) symbol, O or C = on-us symbol, D = dash, A/B amount symbols
vary by reader. A check reads, left to right: ⑆routing⑆ account⑈ check-number, with the
check number also in the auxiliary on-us field (left of the routing) on business checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cashdesk.words import translate


class MicrError(ValueError):
    """A MICR line that cannot be read; the message is for the cashier."""


@dataclass(frozen=True, slots=True)
class Micr:
    routing: str
    account: str
    check_number: str


ROUTING_WEIGHTS = (3, 7, 1, 3, 7, 1, 3, 7, 1)


def routing_ok(routing: str) -> bool:
    """ABA routing number checksum: 3-7-1 weights, sum divisible by 10."""
    if not (len(routing) == 9 and routing.isascii() and routing.isdigit()):
        return False
    return sum(w * int(d) for w, d in zip(ROUTING_WEIGHTS, routing, strict=True)) % 10 == 0


_TRANSIT = "T"
_ON_US = "O"


def _normalise(text: str) -> str:
    s = text.strip().upper()
    s = s.replace("⑆", _TRANSIT).replace("⑈", _ON_US).replace("⑉", "D").replace("⑇", "")
    s = s.replace("A", _TRANSIT).replace("C", _ON_US).replace("-", "D")  # other reader conventions
    return s


def parse(text: str) -> Micr:
    s = _normalise(text)
    if not s:
        raise MicrError(translate("micr", "The check reader sent nothing. Run the check through again."))
    if not re.fullmatch(r"[0-9TOD ]+", s):
        raise MicrError(
            translate(
                "micr",
                "The check reader sent characters it should not. Run the check through again or type the check number.",
            )
        )
    match = re.search(r"T\s*([0-9]{9})\s*T", s)
    if match is None:
        raise MicrError(
            translate("micr", "No routing number found on the check. Run it through again or type the check number.")
        )
    routing = match.group(1)
    if not routing_ok(routing):
        raise MicrError(
            translate(
                "micr", "The routing number {routing} does not pass its check. Run the check through again."
            ).format(routing=routing)
        )
    before, after = s[: match.start()], s[match.end() :]
    # After the routing: account digits (dashes allowed) ended by the on-us symbol, then the
    # check number (personal checks); business checks carry it in the auxiliary field before.
    on_us = re.match(r"\s*([0-9D ]+?)\s*O\s*([0-9]*)", after)
    if on_us is None:
        raise MicrError(
            translate("micr", "No account number found after the routing number. Type the check number instead.")
        )
    account = on_us.group(1).replace("D", "-").replace(" ", "").strip("-")
    check_number = on_us.group(2)
    aux = re.search(r"O\s*([0-9]+)\s*O", before)
    if aux:
        check_number = aux.group(1)
    if not account:
        raise MicrError(
            translate("micr", "No account number found after the routing number. Type the check number instead.")
        )
    if not check_number:
        raise MicrError(translate("micr", "No check number on the MICR line. Type the check number."))
    return Micr(routing=routing, account=account, check_number=check_number.lstrip("0") or "0")
