"""The words a person reads from below the window (a service's refusal, a domain error), in the
window's language once the window installs its translator; English otherwise (docs/translations.md).

Each text is written in English, as a literal, where it is raised, so `pyside6-lupdate` finds it:
`translate("payments", "Account {account} is closed.").format(account=number)`; the context is the
module's name. Nothing here imports Qt: the window hands its translator in at start-up
(`set_translator`, from ui/i18n.install_language); the command line never does, so it stays English.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

Translator = Callable[[str, str], str]


def _as_written(context: str, text: str) -> str:
    return text


_translator: list[Translator] = [_as_written]


def translate(context: str, text: str) -> str:
    """`text` in the window's language (itself in English, or when there is no translation)."""
    return _translator[0](context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """`text` as it is, marked for translation in `context`: a constant's text, translated where it
    is used (`translate(context, CONSTANT)`)."""
    return text


def named(context: str, names: Mapping[str, str], key: str) -> str:
    """`names[key]` (marked with QT_TRANSLATE_NOOP in `context`) in the window's language; a key not
    named there said as it is written, "meter_read" as "Meter read"."""
    known = names.get(key)
    return translate(context, known) if known else key.replace("_", " ").capitalize()


def set_translator(translator: Translator | None) -> None:
    """Translate from now on with `translator` (None: English, the texts as written)."""
    _translator[0] = translator or _as_written


__all__ = ["QT_TRANSLATE_NOOP", "Translator", "named", "set_translator", "translate"]
