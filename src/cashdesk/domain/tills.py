"""How many drawers a station may have open: one per till it has, so two cashiers never share one till.

Two drawer sessions in one physical till mix two people's cash: neither count can balance, and
a short cannot be put on anyone. A station set up with two tills (two cash drawers) may have two open.
"""

from __future__ import annotations

from collections.abc import Sequence

from cashdesk.words import translate


def till_refusal(station: str, tills: int, open_here: Sequence[tuple[int, str]]) -> str:
    """Why one more drawer may not open at `station` ("" when it may): `open_here` is the
    (drawer id, cashier) of each drawer open there now."""
    if len(open_here) < tills:
        return ""
    named = ", ".join(
        translate("tills", "drawer {drawer_id} ({cashier})").format(drawer_id=drawer_id, cashier=cashier)
        for drawer_id, cashier in open_here
    )
    has = translate("tills", "one till") if tills == 1 else translate("tills", "{count} tills").format(count=tills)
    return translate(
        "tills",
        "Station {station} has {has} and {named} is open in it already: two cashiers' drawers "
        "never share a till, or neither would balance. Close that drawer first (its cashier "
        "balances it, Ctrl+Shift+B), or ask a supervisor to set the station up for a second till "
        "(station.tills).",
    ).format(station=station, has=has, named=named)
