"""The printer's side of a print job: the python-escpos capability profiles by name, and a line of
text in code page 437, the code page every job selects (receipts, slips, endorsements).
"""

from __future__ import annotations

import unicodedata

from cashdesk.devices.escpos_import import load_escpos
from cashdesk.words import translate


def cp437_bytes(text: str) -> bytes:
    """The line in code page 437. A letter it lacks prints without its accent (Spanish capitals:
    IMPRESIÓN prints IMPRESION, ÁLVAREZ prints ALVAREZ), anything else as "?"."""
    try:
        return text.encode("cp437")
    except UnicodeEncodeError:
        pass
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp437")
        except UnicodeEncodeError:
            plain = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
            out += plain.encode("cp437", errors="replace") if plain else b"?"
    return bytes(out)


def known_profiles() -> list[str]:
    """The python-escpos capability profiles by name ("default", "TM-T88V", ...)."""
    load_escpos()
    from escpos.capabilities import CAPABILITIES

    return sorted(CAPABILITIES["profiles"])


def check_profile(name: str) -> str:
    """The profile name back, or a clear error naming the known ones."""
    known = known_profiles()
    if name not in known:
        raise ValueError(
            translate("escpos_profiles", '"{name}" is not a printer profile. Known profiles: {known}.').format(
                name=name, known=", ".join(known)
            )
        )
    return name
