"""The window's translations: the built .qm files are those of their .ts sources (docs/translations.md)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"


@pytest.mark.parametrize("ts", sorted(TRANSLATIONS.glob("cashdesk_*.ts")), ids=lambda p: p.name)
def test_the_committed_qm_is_built_from_its_ts(ts: Path, tmp_path: Path) -> None:
    if not LRELEASE.exists():
        pytest.skip("pyside6-lrelease is not installed beside this Python")
    built = tmp_path / "built.qm"
    subprocess.run([str(LRELEASE), "-silent", str(ts), "-qm", str(built)], check=True)
    committed = ts.with_suffix(".qm")
    assert committed.exists(), f"{committed.name} is missing: run python3 dev.py translations"
    assert committed.read_bytes() == built.read_bytes(), f"{committed.name} is stale: run python3 dev.py translations"


def test_there_is_a_spanish_translation() -> None:
    assert (TRANSLATIONS / "cashdesk_es.ts").is_file()
    assert (TRANSLATIONS / "cashdesk_es.qm").is_file()


# -- every visible text of the window is marked, and has its Spanish -------------------------------

PACKAGE = ROOT / "src" / "cashdesk"
UI = PACKAGE / "ui"
#: The folders `python3 dev.py translations` reads (dev.py TRANSLATED): the window, and the refusals below
#: it ("" is the package's own modules: the settings file's refusals).
TRANSLATED = ("", "ui", "services", "domain", "store", "devices")
#: Qt's setters and constructors whose text a person reads.
TEXT_SETTERS = {
    "setText", "setWindowTitle", "setPlaceholderText", "setToolTip", "setStatusTip", "setTitle", "addAction",
    "addMenu", "setHorizontalHeaderLabels", "setHeaderLabels", "showMessage", "setLabelText", "setInformativeText",
    "setButtonText", "addTab", "setTabText", "addItem", "addItems", "insertItem", "setItemText", "setPrefix",
    "setSuffix", "setSpecialValueText", "setWhatsThis",
}  # fmt: skip
TEXT_WIDGETS = {"QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QMenu", "QToolButton"}
#: cashdesk's own helpers that show their text argument (ui/labels.py, ui/credentials.py, ui/fields.py).
TEXT_HELPERS = {"heading", "explanation", "show_message", "ask", "information", "warning", "critical", "question"}
#: Texts that are shown as they are, in every language (each with why).
EXEMPT = {
    "": "nothing to translate",
    "cashdesk": "the program's name",
    "Amex": "a card brand's name",
}
#: Modules whose texts are not yet marked for translation (none: every module is marked).
NOT_YET_MARKED: set[str] = set()


#: Setters whose text is their second argument (the first is where it goes).
SECOND_ARGUMENT = {"insertItem", "setItemText", "setTabText"}
#: What is written to the log, not shown: `log.warning(...)` is not `QMessageBox.warning(...)`.
LOGGERS = {"log", "logger", "logging"}


def _shows_words(arg: ast.expr) -> bool:
    """A literal (or f-string) with words in it, outside any HTML tags: a text a person reads."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        text = arg.value
    elif isinstance(arg, ast.JoinedStr):
        text = "".join(v.value for v in arg.values if isinstance(v, ast.Constant))
    else:
        return False
    return text not in EXEMPT and any(ch.isalpha() for ch in re.sub(r"<[^>]*>", "", text))


def _texts_not_marked(path: Path) -> list[str]:
    """String literals (and f-strings) handed straight to a Qt text setter or widget, not through translate."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in LOGGERS:
            continue
        if name in SECOND_ARGUMENT:
            shown = node.args[1:2]
        elif name in TEXT_SETTERS:
            shown = node.args[:1]
        elif name in TEXT_WIDGETS | TEXT_HELPERS:
            shown = node.args
        else:
            continue
        found += [f"{path.name}:{arg.lineno}: {ast.unparse(arg)[:70]}" for arg in shown if _shows_words(arg)]
    return found


def test_every_text_the_window_shows_is_marked_for_translation() -> None:
    unmarked = [hit for path in sorted(UI.glob("*.py")) if path.stem not in NOT_YET_MARKED
                for hit in _texts_not_marked(path)]  # fmt: skip
    assert unmarked == [], 'mark these with translate("<module>", …) (docs/translations.md):\n' + "\n".join(unmarked)


def test_the_check_finds_an_unmarked_text(tmp_path: Path) -> None:
    module = tmp_path / "screen.py"
    module.write_text(
        'label = QLabel("Total")\nbutton.setText(f"Post {n}")\nok = QLabel(translate("screen", "Total"))\n'
        'named.setObjectName("totalLabel")\n',
        encoding="utf-8",
    )
    assert _texts_not_marked(module) == ["screen.py:1: 'Total'", "screen.py:2: f'Post {n}'"]
    module.write_text('log.warning("printer %s")\nbox.addItem(translate("s", "Check"), "check")\n', encoding="utf-8")
    assert _texts_not_marked(module) == []


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)", text))


def test_every_marked_text_has_its_spanish_and_keeps_its_placeholders() -> None:
    root = ElementTree.parse(TRANSLATIONS / "cashdesk_es.ts").getroot()
    untranslated, broken = [], []
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            text = translation.text or ""
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text:
                untranslated.append(f"{name}: {source[:70]!r}")
            elif not _placeholders(text) <= _placeholders(source) or text.count("&") != source.count("&"):
                broken.append(f"{name}: {source[:50]!r} -> {text[:50]!r}")
    assert untranslated == [], "give these a Spanish text (docs/translations.md):\n" + "\n".join(untranslated)
    assert broken == [], "these Spanish texts lose a {placeholder} or add/drop an &:\n" + "\n".join(broken)


def test_every_marked_text_is_in_the_ts_file() -> None:
    """Nothing marked in the code is missing from the .ts (python3 dev.py translations adds it): the
    window's texts and the refusals worded below it (cashdesk.words)."""
    root = ElementTree.parse(TRANSLATIONS / "cashdesk_es.ts").getroot()
    in_ts = {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}
    marked = set()
    for path in sorted(p for folder in TRANSLATED for p in (PACKAGE / folder).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2
                    and all(isinstance(a, ast.Constant) for a in node.args[:2])):  # fmt: skip
                marked.add((node.args[0].value, node.args[1].value))
    assert sorted(marked - in_ts) == [], "run python3 dev.py translations, then translate what it adds"


def test_the_window_speaks_spanish_once_installed(qapp: object) -> None:
    from cashdesk import words
    from cashdesk.ui.i18n import current_language, install_language, translate

    try:
        assert install_language("es")
        assert current_language() == "es"
        assert translate("main_window", "&Station") == "&Estación"
        assert translate("window_hints", "Nobody is signed in") == "Nadie ha iniciado sesión"
        assert words.translate("accounts", "Type an account number.") == "Escriba un número de cuenta."
    finally:
        install_language("en")
    assert translate("main_window", "&Station") == "&Station"
    assert words.translate("accounts", "Type an account number.") == "Type an account number."


# -- every refusal a person can read is marked too (cashdesk.words) ---------------------------------

#: The errors whose message reaches the window: these and every subclass (found by name in src) —
#: a service's refusal, the database's, the settings file's, the printer's — and the domain's errors
#: a screen shows as they come.
REFUSAL_ROOTS = {"ServiceError", "DatabaseError", "SettingsError", "PrinterError", "LogoError"}
DOMAIN_ERRORS = {
    "MoneyError", "CountError", "MicrError", "BatchStateError", "AdhocError", "CriteriaError", "JournalOutOfBalance",
    "ScanLineError", "TenderError", "TaxReturnError",
}  # fmt: skip
#: Modules (their path under src/cashdesk) whose refusals are not yet marked, each with why.
REFUSALS_NOT_YET_MARKED: dict[str, str] = {}


def _refusal_classes() -> set[str]:
    """REFUSAL_ROOTS and their subclasses anywhere in src, by name, with DOMAIN_ERRORS."""
    bases: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {
                    b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", "") for b in node.bases
                }
    found = set(REFUSAL_ROOTS)
    while grown := {name for name, of in bases.items() if of & found} - found:
        found |= grown
    return found | DOMAIN_ERRORS


def _words_outside_translate(node: ast.AST) -> list[ast.expr]:
    """Literals (and f-strings) with words in them under `node` that are not inside translate(...)."""
    found: list[ast.expr] = []
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("translate", "QT_TRANSLATE_NOOP")
    ):
        return found  # fmt: skip
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "join":
        return [hit for arg in node.args for hit in _words_outside_translate(arg)]  # the separator is no word
    if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return [node] if " " in _literal_text(node).strip() and _shows_words(node) else []
    for child in ast.iter_child_nodes(node):
        found += _words_outside_translate(child)
    return found


def _literal_text(node: ast.expr) -> str:
    if isinstance(node, ast.Constant):
        return str(node.value)
    assert isinstance(node, ast.JoinedStr)
    return "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))


def _refusals_not_marked(path: Path, classes: set[str]) -> list[str]:
    """`raise X(...)` of a refusal whose message holds words that are not a translate(...) literal."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        func = node.exc.func
        if (func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")) not in classes:
            continue
        for arg in [*node.exc.args, *(k.value for k in node.exc.keywords)]:
            found += [f"{path.name}:{hit.lineno}: {ast.unparse(hit)[:70]}" for hit in _words_outside_translate(arg)]
    return found


def test_every_refusal_a_person_reads_is_marked_for_translation() -> None:
    classes = _refusal_classes()
    paths = sorted(p for p in PACKAGE.rglob("*.py") if "cli" not in p.parts  # the command line speaks English
                   and p.relative_to(PACKAGE).as_posix() not in REFUSALS_NOT_YET_MARKED)  # fmt: skip
    unmarked = [hit for path in paths for hit in _refusals_not_marked(path, classes)]
    assert unmarked == [], (
        'word these with translate("<module>", "…").format(name=…) from cashdesk.words (docs/translations.md):\n'
        + "\n".join(unmarked)
    )


def test_a_module_is_let_off_only_while_it_has_unmarked_refusals() -> None:
    classes = _refusal_classes()
    done = [name for name in REFUSALS_NOT_YET_MARKED if not _refusals_not_marked(PACKAGE / name, classes)]
    assert done == [], "take these out of REFUSALS_NOT_YET_MARKED: their refusals are all marked"


def test_the_refusal_check_finds_an_unmarked_refusal(tmp_path: Path) -> None:
    module = tmp_path / "payments.py"
    module.write_text(
        'raise PaymentRefused(f"Account {n} is closed.")\nraise PaymentRefused("Type an amount.")\n'
        'raise PaymentRefused(translate("payments", "Account {n} is closed.").format(n=n))\n'
        'raise PaymentRefused(translate("payments", "Use {x}.").format(x=", ".join(names)))\n'
        'raise PaymentRefused(problem)\nraise SignInRefused(translate("auth", WRONG), "wrong_password")\n'
        'raise PaymentRefused(translate("payments", "Batch {n}: ").format(n=n) + "see the tape first")\n',
        encoding="utf-8",
    )
    assert _refusals_not_marked(module, {"PaymentRefused", "SignInRefused"}) == [
        "payments.py:1: f'Account {n} is closed.'",
        "payments.py:2: 'Type an amount.'",
        "payments.py:7: 'see the tape first'",
    ]


# -- the audit viewer names every kind of event the program records ------------------------------


def _event_types_recorded() -> set[str]:
    """Every event type written in src: `event_type="…"`, a module's `…EVENT = "…"`, and a literal
    handed to a function of the same module at the place of its `event_type` parameter."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        takes = {node.name: [a.arg for a in node.args.args].index("event_type") for node in ast.walk(tree)
                 if isinstance(node, ast.FunctionDef) and "event_type" in [a.arg for a in node.args.args]}  # fmt: skip
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "event_type" and isinstance(node.value, ast.Constant):
                found.add(node.value.value)
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                if any(isinstance(t, ast.Name) and t.id.endswith("EVENT") for t in node.targets):
                    found.add(node.value.value)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in takes:
                at = takes[node.func.id]
                if at < len(node.args) and isinstance(node.args[at], ast.Constant):
                    found.add(node.args[at].value)
    return {t for t in found if isinstance(t, str)}


def test_every_event_the_program_records_has_a_name_in_the_audit_viewer() -> None:
    from cashdesk.domain.audit import EVENT_NAMES

    recorded = _event_types_recorded()
    assert {"sign_in", "post", "void", "user_add", "mail_batch_open", "backup", "work_order"} <= recorded
    assert sorted(recorded - set(EVENT_NAMES)) == [], "name these in domain/audit.py EVENT_NAMES"
