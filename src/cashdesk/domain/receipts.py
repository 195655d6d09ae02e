"""What one receipt may hold, and how a tax payment is broken down on it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from cashdesk.domain.money import Money
from cashdesk.domain.tax_return import ITEM_CODES

#: Lines on one receipt: the printed receipt and the counter's table stay readable; a
#: customer paying more starts a second receipt.
MAX_LINES = 50
#: Characters of the payer's name printed under the cashier (the counter's F3, a mail remittance).
MAX_PAYER = 120

_TAX_LABELS = dict(ITEM_CODES)  # SALESTAX -> "Sales tax", TAXPEN -> "Penalty", ...
_TAX_ORDER = {code: n for n, (code, _label) in enumerate(ITEM_CODES)}


def tax_breakdown(paid: Iterable[tuple[str, str, str, Money]]) -> tuple[tuple[str, Money], ...]:
    """What a payment on a sales-tax account paid, as the receipt shows it: one line per period and
    kind ("2026-09 Sales tax", "2026-09 Penalty", "2026-09 Interest"), by period, tax before penalty
    before interest. `paid` is (period, revenue code, item description, amount) per open item paid; an
    item of another code is named by its description, and items of one period and kind are added up."""
    amounts: dict[tuple[str, int, str], Money] = {}
    for period, code, description, amount in paid:
        if not amount:
            continue
        label = f"{period} {_TAX_LABELS[code]}" if period and code in _TAX_LABELS else description or code
        key = (period, _TAX_ORDER.get(code, len(_TAX_ORDER)), label)
        amounts[key] = amounts.get(key, Money(0)) + amount
    return tuple((label, amount) for (_period, _order, label), amount in sorted(amounts.items()))


MAX_MEMO = 200  # receipt_lines.memo


def line_memo(notes: Sequence[str]) -> str:
    """What the receipt says under an account's line (its service orders: a reconnect ordered, a
    shut-off cancelled), kept in the line's memo so that a reprint says it too: one note a line, as
    many whole notes as fit."""
    kept: list[str] = []
    for note in notes:
        if len("\n".join([*kept, note])) > MAX_MEMO:
            break
        kept.append(note)
    return "\n".join(kept)


def memo_notes(memo: str) -> tuple[str, ...]:
    """The notes an account line's memo keeps (line_memo's inverse)."""
    return tuple(note for note in memo.split("\n") if note)
