"""The window's Spanish without Qt: the .ts file itself as the translator cashdesk.words uses, as Qt's
translator would give it (the English when a text has none), for tests of the layers below the window."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

from cashdesk import words

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "cashdesk_es.ts"


@cache
def _texts() -> dict[tuple[str | None, str | None], str | None]:
    return {
        (context.findtext("name"), message.findtext("source")): message.findtext("translation")
        for context in ElementTree.parse(TS).getroot().iter("context")
        for message in context.iter("message")
    }


def spanish_translator() -> words.Translator:
    texts = _texts()
    return lambda context, text: texts.get((context, text)) or text


@contextmanager
def in_spanish() -> Iterator[None]:
    """cashdesk.words in Spanish inside the block, English again after it."""
    words.set_translator(spanish_translator())
    try:
        yield
    finally:
        words.set_translator(None)
