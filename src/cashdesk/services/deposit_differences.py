"""What differs, in the supervisor's words, between a closed day as it is read now and as it was
closed (the figures kept then) or exported (the files registered then): the reasons
services/deposit.py gives when it refuses an export."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cashdesk.domain.cash import BY_CODE
from cashdesk.domain.money import Money
from cashdesk.store.models import ExportedFileRow
from cashdesk.words import translate


@dataclass(frozen=True, slots=True)
class Difference:
    files: tuple[str, ...]  # the files it shows in
    text: str


def _count_total(what: str, then: list[int], now: list[int]) -> str:
    return translate(
        "deposit_differences", "{what}: {n_then} for {total_then} at the close, {n_now} for {total_now} now"
    ).format(
        what=what, n_then=then[0], total_then=Money(then[1]).display(), n_now=now[0], total_now=Money(now[1]).display()
    )


def _net(cents: int) -> str:
    if not cents:
        return translate("deposit_differences", "nothing")
    if cents > 0:
        return translate("deposit_differences", "{amount} debit").format(amount=Money(cents).display())
    return translate("deposit_differences", "{amount} credit").format(amount=Money(-cents).display())


def figure_differences(then: Mapping[str, Any], now: Mapping[str, Any], names: Mapping[str, str]) -> list[Difference]:
    """What differs between the figures kept at the close and the rows' figures now, in words.
    (A figure a later version keeps and an earlier close did not is not compared.)"""
    bank = (names["deposit"], names["slip"])
    found: list[Difference] = []

    def differs(key: str) -> bool:
        return key in then and key in now and then[key] != now[key]

    if differs("receipts"):
        found.append(Difference((), _count_total(translate("deposit_differences", "posted receipts"), then["receipts"],
                                                 now["receipts"])))  # fmt: skip
    if differs("cash"):
        was, is_ = (Money(sum(BY_CODE[c].cents * n for c, n in pieces.items() if c in BY_CODE))
                    for pieces in (then["cash"], now["cash"]))  # fmt: skip
        if was != is_:
            said = translate("deposit_differences", "cash in the bag: {then} at the close, {now} now")
        else:
            said = translate("deposit_differences", "cash in the bag: {now} at the close and now, but in other bills "
                                                    "and coins")  # fmt: skip
        found.append(Difference(bank, said.format(then=was.display(), now=is_.display())))
    for key, what in (("checks", translate("deposit_differences", "checks")),
                      ("money_orders", translate("deposit_differences", "money orders"))):  # fmt: skip
        if differs(key):
            found.append(Difference(bank, _count_total(what, then[key], now[key])))
    if differs("items") and not differs("checks") and not differs("money_orders"):
        said = translate("deposit_differences", "checks and money orders: the same count and total as at the close, "
                                                "but a number, payer or receipt is not the same")  # fmt: skip
        found.append(Difference(bank, said))
    # A drawer closed with no card settlement ($0.00) moves no money (a float counted back whole).
    if "cards" in then and "cards" in now and [c for c in then["cards"] if c[3]] != [c for c in now["cards"] if c[3]]:
        was, is_ = (Money(sum(int(card[3]) for card in cards)) for cards in (then["cards"], now["cards"]))
        said = translate("deposit_differences", "card settlements: {then} at the close, {now} now")
        found.append(Difference(bank, said.format(then=was.display(), now=is_.display())))
    if differs("journal"):
        for gl in sorted(set(then["journal"]) | set(now["journal"])):
            before, after = then["journal"].get(gl, 0), now["journal"].get(gl, 0)
            if before != after:
                found.append(Difference((names["journal"],), translate(
                    "deposit_differences", "GL journal, {gl}: {then} at the close, {now} now").format(
                    gl=gl, then=_net(before), now=_net(after))))  # fmt: skip
    for key, what, details in (
        ("billing", translate("deposit_differences", "billing payments"),
         translate("deposit_differences", "an account, receipt or tender")),
        ("sales_tax", translate("deposit_differences", "sales-tax payments"),
         translate("deposit_differences", "an account, period or receipt")),
    ):  # fmt: skip
        if differs(key):
            if then[key][:2] != now[key][:2]:
                text = _count_total(what, then[key][:2], now[key][:2])
            else:
                text = translate("deposit_differences", "{what}: the same count and total as at the close, but "
                                 "{details} is not the same").format(what=what, details=details)  # fmt: skip
            found.append(Difference((names[key],), text))
    return found


_SHOWN_LINES = 12


def _line_differences(registered: bytes, now: bytes) -> list[str]:
    """The rows of a CSV file that differ, by line number (the header is line 1)."""
    old = registered.decode("utf-8", "replace").splitlines()
    new = now.decode("utf-8", "replace").splitlines()
    shown: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        shown += [translate("deposit_differences", "line {n}, registered: {text}").format(n=i + 1, text=old[i])
                  for i in range(i1, i2)]  # fmt: skip
        shown += [translate("deposit_differences", "line {n}, now:        {text}").format(n=j + 1, text=new[j])
                  for j in range(j1, j2)]  # fmt: skip
    if len(shown) > _SHOWN_LINES:
        more = translate("deposit_differences", "… and {n} more lines").format(n=len(shown) - _SHOWN_LINES)
        shown = shown[:_SHOWN_LINES] + [more]
    return shown


def _registered_copy(row: ExportedFileRow, folder: Path) -> bytes | None:
    """The registered bytes of a file, from the export folder or the folder it was registered in."""
    for place in (folder / row.name, Path(row.folder) / row.name):
        try:
            data = place.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == row.sha256:
            return data
    return None


def file_difference(row: ExportedFileRow, data: bytes, folder: Path) -> Difference:
    head = translate("deposit_differences", "{name}: not the file registered {at:%Y-%m-%d %H:%M} UTC by {by} (in "
                                            "{folder})")  # fmt: skip
    head = head.format(name=row.name, at=row.exported_at, by=row.exported_by, folder=row.folder)
    if not row.name.endswith(".csv"):
        return Difference((row.name,), head)
    copy = _registered_copy(row, folder)
    if copy is None:
        return Difference((row.name,), head + translate(
            "deposit_differences", "; that copy is no longer there, so its rows cannot be shown"))  # fmt: skip
    return Difference((row.name,), "\n      ".join([head + ":", *_line_differences(copy, data)]))


def refusal(day: dt.date, folder: Path, differences: list[Difference], *, rows_changed: bool,
             registered: bool) -> str:  # fmt: skip
    named: list[str] = []
    for difference in differences:
        named += [name for name in difference.files if name not in named]
    if rows_changed:
        head = translate(
            "deposit_differences",
            "The deposit of {day} was not exported: its money rows are not what they were when the day was closed.",
        )
        what_to_do = translate(
            "deposit_differences",
            "A closed day's rows change only outside cashdesk (a correction is a reversal on an open day), so do not "
            "send these files to the bank. Run `cashdesk audit verify` to see what was changed, then restore the "
            "backup taken at the day's close, or ask the administrator.",
        )
    else:
        head = translate(
            "deposit_differences",
            "The deposit of {day} was not exported: its files would not be the ones registered for the day.",
        )
        what_to_do = translate(
            "deposit_differences",
            "The day's money is as it was closed, but something its files print (a name, a GL code, a setting) has "
            "changed since, or another version of cashdesk writes them otherwise. The registered files remain the "
            "day's deposit: send those, and ask the administrator before exporting this day again.",
        )
    lines = [head.format(day=day)]
    lines += [f"  - {d.text}" for d in differences]  # the figures and lines that differ, as written (English)
    if named:
        lines.append(translate("deposit_differences", "Files that differ: {names}.").format(names=", ".join(named)))
    nothing = (
        translate("deposit_differences", "Nothing was written to {folder}; the registered files were left as they are.")
        if registered
        else translate("deposit_differences", "Nothing was written to {folder}.")
    )
    lines.append(nothing.format(folder=folder))
    lines.append(what_to_do)
    return "\n".join(lines)
