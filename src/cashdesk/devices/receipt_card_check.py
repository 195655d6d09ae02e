"""No whole card number on a receipt: every text of its dataclasses (and those in them) is
looked at once, and the field that holds one is named without echoing the digits.
"""

from __future__ import annotations

import functools
from dataclasses import fields

from cashdesk.domain.cards import contains_card_number
from cashdesk.domain.money import Money


def refuse_card_numbers(doc: object) -> None:
    """No text on a receipt may hold a whole card number; the digits are never echoed."""
    # Once over the receipt's text (a line break never joins two digit runs); the fields are
    # named, one by one, only when something is found.
    strings: list[str] = []
    _strings(doc, strings)
    if not contains_card_number("\n".join(strings)):
        return
    for where, text in _texts(doc):
        if contains_card_number(text):
            raise ValueError(
                f"The {where} on receipt looks like a card number. A receipt shows only the "
                "card brand and last four digits; remove the number and try again."
            )


def _strings(obj: object, found: list[str]) -> None:
    """Every text of a receipt's dataclass and the dataclasses in it (as `_texts`, without names)."""
    kind: type = type(obj)  # as `type`: mypy takes type[object] for unhashable
    for name, _ in _field_labels(kind):
        value = getattr(obj, name)
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, tuple):
            for item in value:
                if isinstance(item, str):
                    found.append(item)
                elif hasattr(item, "__dataclass_fields__"):
                    _strings(item, found)
        elif hasattr(value, "__dataclass_fields__") and not isinstance(value, Money):
            _strings(value, found)


@functools.cache
def _field_labels(cls: type) -> tuple[tuple[str, str], ...]:
    return tuple((f.name, f.name.replace("_", " ")) for f in fields(cls))


def _texts(obj: object, where: str = "") -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    kind: type = type(obj)  # as `type`: mypy takes type[object] for unhashable
    for name, label in _field_labels(kind):
        value = getattr(obj, name)
        if isinstance(value, str):
            found.append((label, value))
        elif isinstance(value, tuple):
            for item in value:
                if isinstance(item, str):
                    found.append((label, item))
                elif hasattr(item, "__dataclass_fields__"):
                    found.extend(_texts(item))
        elif hasattr(value, "__dataclass_fields__") and not isinstance(value, Money):
            found.extend(_texts(value))
    return found
