"""ruff (lint and format) and mypy (strict) run with the suite, so CI enforces them.

Their settings are in pyproject.toml. Each check runs on CLEAN, the files that pass all three
today: a ratchet. A file joins the list once it is clean, and the list grows until it is all of
src/ and tests/ (then the checks run on `src tests` and the list goes).

`python tests/test_static.py` (with PYTHONPATH=src) counts what the three find in the whole tree
and prints the lists as they would be today, to paste here after a merge or a clean-up.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Files that ruff check, ruff format --check and (under src/) mypy --strict pass.
CLEAN_SRC = [
    "src/cashdesk/__init__.py",
    "src/cashdesk/__main__.py",
    "src/cashdesk/cli.py",
    "src/cashdesk/clock.py",
    "src/cashdesk/devices/__init__.py",
    "src/cashdesk/devices/delivery.py",
    "src/cashdesk/devices/drawer.py",
    "src/cashdesk/devices/endorsement.py",
    "src/cashdesk/devices/escpos_import.py",
    "src/cashdesk/devices/escpos_text.py",
    "src/cashdesk/devices/printers.py",
    "src/cashdesk/devices/receipt.py",
    "src/cashdesk/devices/slips.py",
    "src/cashdesk/devices/spec.py",
    "src/cashdesk/devices/status.py",
    "src/cashdesk/documents/__init__.py",
    "src/cashdesk/documents/deposit_slip.py",
    "src/cashdesk/documents/mail_log_pdf.py",
    "src/cashdesk/documents/pages.py",
    "src/cashdesk/documents/proof_list.py",
    "src/cashdesk/documents/receipt_pdf.py",
    "src/cashdesk/domain/__init__.py",
    "src/cashdesk/domain/accounts.py",
    "src/cashdesk/domain/allocation.py",
    "src/cashdesk/domain/audit.py",
    "src/cashdesk/domain/cards.py",
    "src/cashdesk/domain/cash.py",
    "src/cashdesk/domain/change_fund.py",
    "src/cashdesk/domain/revenue.py",
    "src/cashdesk/domain/security.py",
    "src/cashdesk/domain/tax_filings.py",
    "src/cashdesk/domain/tenders.py",
    "src/cashdesk/domain/text.py",
    "src/cashdesk/logs.py",
    "src/cashdesk/services/__init__.py",
    "src/cashdesk/services/accounts.py",
    "src/cashdesk/services/approvals.py",
    "src/cashdesk/services/auth.py",
    "src/cashdesk/services/business_day.py",
    "src/cashdesk/services/context.py",
    "src/cashdesk/services/files.py",
    "src/cashdesk/services/health.py",
    "src/cashdesk/services/overrides.py",
    "src/cashdesk/services/revenue.py",
    "src/cashdesk/services/settings_audit.py",
    "src/cashdesk/store/__init__.py",
    "src/cashdesk/store/accounts.py",
    "src/cashdesk/store/migrations/__init__.py",
    "src/cashdesk/store/migrations/env.py",
    "src/cashdesk/store/migrations/versions/0001_accounts.py",
    "src/cashdesk/store/migrations/versions/0002_search_prefixes.py",
    "src/cashdesk/store/migrations/versions/0003_people_and_audit.py",
    "src/cashdesk/store/migrations/versions/0004_counter.py",
    "src/cashdesk/store/migrations/versions/0005_returned_checks.py",
    "src/cashdesk/store/migrations/versions/0006_balancing_and_deposit.py",
    "src/cashdesk/store/migrations/versions/0007_mail_and_tax_returns.py",
    "src/cashdesk/store/migrations/versions/__init__.py",
    "src/cashdesk/store/schema.py",
    "src/cashdesk/ui/__init__.py",
    "src/cashdesk/ui/account_pane.py",
    "src/cashdesk/ui/background.py",
    "src/cashdesk/ui/counter_extras.py",
    "src/cashdesk/ui/credentials.py",
    "src/cashdesk/ui/formatting.py",
    "src/cashdesk/ui/idle.py",
    "src/cashdesk/ui/shift_dialogs.py",
    "src/cashdesk/ui/sign_in.py",
    "src/cashdesk/ui/void.py",
]
CLEAN_TESTS = [
    "tests/conftest.py",
    "tests/corpus/__init__.py",
    "tests/gui/gui_support.py",
    "tests/gui/test_app.py",
    "tests/gui/test_long_session.py",
    "tests/gui/test_main_window.py",
    "tests/gui/test_models.py",
    "tests/gui/test_tax_return_window.py",
    "tests/integration/test_card_scan.py",
    "tests/integration/test_cli_day.py",
    "tests/integration/test_settings_audit.py",
    "tests/integration/test_users.py",
    "tests/support/__init__.py",
    "tests/support/card_scan.py",
    "tests/support/export_worker.py",
    "tests/support/printer_emulator.py",
    "tests/test_clock.py",
    "tests/test_layers.py",
    "tests/test_static.py",
    "tests/unit/devices/test_drawer_kick.py",
    "tests/unit/devices/test_endorsement.py",
    "tests/unit/devices/test_escpos_import.py",
    "tests/unit/documents/test_deposit_slip_text.py",
    "tests/unit/domain/test_allocation.py",
    "tests/unit/domain/test_audit_anchors.py",
    "tests/unit/domain/test_audit_chain.py",
    "tests/unit/domain/test_cash_tenders.py",
    "tests/unit/domain/test_drawer_balancing.py",
    "tests/unit/domain/test_money.py",
    "tests/unit/domain/test_scanline_micr.py",
    "tests/unit/domain/test_security.py",
    "tests/unit/domain/test_tax_filings.py",
]
CLEAN = CLEAN_SRC + CLEAN_TESTS


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize("module", ["ruff", "mypy"])
def test_the_checkers_are_installed(module: str) -> None:
    """They come with the `test` extra; a missing one fails rather than skips, so CI cannot go quiet."""
    result = _run(module, "--version")
    assert result.returncode == 0, f"{module} is missing: pip install -e '.[test]'\n{result.stderr}"


def test_ruff_finds_nothing() -> None:
    result = _run("ruff", "check", "--no-cache", *CLEAN)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_leaves_the_files_as_they_are() -> None:
    result = _run("ruff", "format", "--check", "--no-cache", "--diff", *CLEAN)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_finds_nothing() -> None:
    # --follow-imports=silent: the modules they import are read for their types, but their own
    # errors are reported only once they join CLEAN_SRC.
    result = _run("mypy", "--follow-imports=silent", *CLEAN_SRC)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_clean_list_names_files_that_exist() -> None:
    missing = [path for path in CLEAN if not (ROOT / path).is_file()]
    assert not missing, f"moved or removed, update CLEAN: {missing}"


def _files_named(output: str) -> list[str]:
    """The files that lines like `src/cashdesk/cli.py:12:5: ...` name, once each."""
    return sorted({match[1] for match in re.finditer(r"^((?:src|tests)/[^:\s]+\.py):\d+", output, re.MULTILINE)})


def whole_tree() -> None:
    """Print what each check finds in all of src/ and tests/, and the CLEAN lists they allow."""
    lint = _run("ruff", "check", "--no-cache", "--output-format", "concise", "src", "tests").stdout
    fmt = _run("ruff", "format", "--check", "--no-cache", "--output-format", "concise", "src", "tests").stdout
    types = _run("mypy").stdout
    lint_errors = len(re.findall(r"^\S+\.py:\d+:\d+: ", lint, re.MULTILINE))
    type_errors = len(re.findall(r"^\S+\.py:\d+: error:", types, re.MULTILINE))
    dirty = set(_files_named(lint)) | set(_files_named(fmt)) | set(_files_named(types))
    every = sorted(str(path.relative_to(ROOT)) for top in ("src", "tests") for path in (ROOT / top).rglob("*.py"))
    print(f"ruff check: {lint_errors} errors in {len(_files_named(lint))} files")
    print(f"ruff format: {len(_files_named(fmt))} files to reformat")
    print(f"mypy --strict: {type_errors} errors in {len(_files_named(types))} files")
    print(f"clean: {len(every) - len(dirty)} of {len(every)} files")
    for name, top in (("CLEAN_SRC", "src/"), ("CLEAN_TESTS", "tests/")):
        print(f"{name} = [")
        print("".join(f'    "{path}",\n' for path in every if path.startswith(top) and path not in dirty), end="")
        print("]")


if __name__ == "__main__":
    whole_tree()
