"""One way to write each aggregate's rows: mail batches and their remittances are written only by
store/mail_batches.py, whichever service writes them (keyed, lockbox file, posting, reversal).

A second writer would copy the columns and their formats by hand and drift from the first; this
reads the source, so a new one fails here, with the place to look.
"""

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "cashdesk"

#: SQL that writes the tables, or a new row made through the ORM.
_WRITES_MAIL_ROWS = re.compile(
    r"(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+mail_(batches|items)\b|\bMail(Batch|Item)Row\(", re.IGNORECASE
)
#: Where the tables are declared, created and written.
_ALLOWED = {Path("store/models.py"), Path("store/mail_batches.py")}


def test_mail_batches_and_remittances_are_written_only_by_their_store_module() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative in _ALLOWED or relative.parts[:2] == ("store", "migrations"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if _WRITES_MAIL_ROWS.search(line):
                found.append(f"{relative}:{number}: {line.strip()}")
    assert not found, "write mail batch rows through cashdesk.store.mail_batches instead:\n" + "\n".join(found)


_WRITES_DELINQUENCY_ROWS = re.compile(
    r"(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+delinquency_(runs|actions|late_items)\b|\bDelinquency\w*Row\(",
    re.IGNORECASE,
)


def test_delinquency_runs_and_actions_are_written_only_by_their_store_module() -> None:
    allowed = {Path("store/models_delinquency.py"), Path("store/delinquency.py")}
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative in allowed or relative.parts[:2] == ("store", "migrations"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if _WRITES_DELINQUENCY_ROWS.search(line):
                found.append(f"{relative}:{number}: {line.strip()}")
    assert not found, "write delinquency rows through cashdesk.store.delinquency instead:\n" + "\n".join(found)


_WRITES_ARRANGEMENT_ROWS = re.compile(
    r"(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(arrangements|arrangement_installments|arrangement_payments)\b"
    r"|\bArrangement\w*Row\(|(\bSET\s+|\.)on_arrangement\s*=(?!=)",
    re.IGNORECASE,
)


def test_arrangements_and_what_receipts_paid_on_them_are_written_only_by_their_store_module() -> None:
    allowed = {Path("store/models_arrangements.py"), Path("store/arrangements.py")}
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative in allowed or relative.parts[:2] == ("store", "migrations"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if _WRITES_ARRANGEMENT_ROWS.search(line):
                found.append(f"{relative}:{number}: {line.strip()}")
    assert not found, "write arrangement rows through cashdesk.store.arrangements instead:\n" + "\n".join(found)
