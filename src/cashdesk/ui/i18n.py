"""The window's languages: Qt's translation of every text it shows (docs/translations.md).

Each text is marked where it is written, as a literal, so `pyside6-lupdate` finds it:
`translate("counter", "Post")` (the context is the module's name), or, for a text kept in a
constant, `QT_TRANSLATE_NOOP("window_hints", "…")` where it is defined and `translate` where it
is shown. English is the source; a language's texts are resources/translations/cashdesk_<code>.qm.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from cashdesk import words
from cashdesk.resource_files import ResourceMissing, resources_dir

log = logging.getLogger(__name__)

#: The window's languages by their code (the `ui.language` setting), each named in itself.
LANGUAGES = {"en": "English", "es": "Español"}
SOURCE_LANGUAGE = "en"

#: The translators installed for the window's language (kept alive: Qt does not own them).
_installed: list[QTranslator] = []
_current = [SOURCE_LANGUAGE]


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the window's language (itself when there is no translation)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def _translate_words(context: str, text: str) -> str:
    # Called from the worker threads services run in too: QCoreApplication.translate is thread-safe.
    return QCoreApplication.translate(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """`text` as it is, marked for translation in `context`: a constant's text, translated where it
    is shown (`translate(context, CONSTANT)`)."""
    return text


def translation_file(code: str) -> str:
    """The built translation of the window's texts into `code` (resources/translations)."""
    return str(resources_dir() / "translations" / f"cashdesk_{code}.qm")


def install_language(code: str) -> bool:
    """Show the window's texts in `code` from now on (English: remove any translation).

    Qt's own texts (the standard buttons, the text fields' menus) follow from Qt's catalogue, and the
    refusals the services and the domain word follow from the same translation (cashdesk.words).
    False, with a line in the log, when the translation cannot be loaded: the window stays in
    English and still takes payments."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current[0] = SOURCE_LANGUAGE
    words.set_translator(None)
    if code == SOURCE_LANGUAGE:
        return True
    ours = QTranslator(app)
    try:
        loaded = ours.load(translation_file(code))
    except ResourceMissing as exc:
        log.warning("%s", exc)
        loaded = False
    if not loaded:
        log.warning("no translation of the window into %r: it stays in English", code)
        return False
    qt_own = QTranslator(app)
    if qt_own.load(QLocale(code), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    _current[0] = code
    words.set_translator(_translate_words)
    return True


def current_language() -> str:
    """The code of the language the window's texts are in now."""
    return _current[0]


__all__ = [
    "LANGUAGES",
    "QT_TRANSLATE_NOOP",
    "SOURCE_LANGUAGE",
    "current_language",
    "install_language",
    "translate",
    "translation_file",
]
