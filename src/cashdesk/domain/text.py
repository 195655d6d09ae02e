"""Text a person types into a name, memo or reason: what it may hold, said in the cashier's words.

Letters of any script, accents, combining marks and emoji are taken as typed. Refused: control
characters (NUL, ESC and the like: on a receipt printer they are commands), lone surrogates
(they cannot be stored), the byte-order mark, and the bidirectional overrides and isolates that
make a line read differently from what it holds (U+202A–U+202E, U+2066–U+2069).
"""

from __future__ import annotations

import unicodedata

from cashdesk.domain.cards import contains_card_number
from cashdesk.words import translate

#: Line breaks and tabs: only in text that may run over lines (an address from the billing file).
_SPACES = frozenset("\t\n\r")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def bad_character(text: str, *, multiline: bool = False) -> str | None:
    """None when every character may be kept; else a few words naming the first one that may not.

    A one-line field (a name, a memo, a reason) takes no tab or line break either: a spreadsheet
    or a receipt would split it. `multiline` lets them through."""
    for ch in text:
        if multiline and ch in _SPACES:
            continue
        category = unicodedata.category(ch)
        if category == "Cc":
            return translate("text", "a control character (like a tab, a line break, NUL or ESC)")
        if category == "Cs":
            return translate("text", "a broken character")
        if ch in _BIDI_CONTROLS:
            return translate("text", "a hidden right-to-left or left-to-right mark")
        if ch == "\ufeff" or ch in ("\ufffe", "\uffff"):
            return translate("text", "a hidden byte-order mark")
    return None


def text_problem(text: str, what: str) -> str | None:
    """The refusal, in the cashier's words, when `text` holds a character no field may keep."""
    found = bad_character(text)
    if found is None:
        return None
    return translate(
        "text", "The {what} holds {found}, which cannot be printed or kept. Clear it and type it again."
    ).format(what=what, found=found)


def reason_problem(reason: str, missing: str, *, what: str | None = None, limit: int = 200) -> str | None:
    """The refusal of a reason (or a payee's name) typed for a void, a no-sale, a paid-out…: `missing`
    when there is none, then its length, a card number, a character no field may keep. None when
    it may be kept as typed (`reason` already stripped)."""
    if not reason:
        return missing
    what = what or translate("text", "reason")
    if len(reason) > limit:
        return translate("text", "Keep the {what} under {limit} characters.").format(what=what, limit=limit)
    if contains_card_number(reason):
        return translate("text", "Never type a card number. Give the {what} in words.").format(what=what)
    return text_problem(reason, what)
