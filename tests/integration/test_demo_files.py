"""The demo files shipped in resources/demo go in as their README says: the billing file's accounts
and bills, then the lockbox file as one balanced mail batch."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from cashdesk import resource_files
from cashdesk.cli import main
from cashdesk.config import Settings
from cashdesk.domain.security import Role
from cashdesk.services import auth
from cashdesk.services.context import ServiceContext, command_line_operator
from cashdesk.services.users import add_user

PASSWORD = "a-long-password-1"


def test_the_demo_billing_and_lockbox_files_import_as_their_readme_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    demo = resource_files.resources_dir() / "demo"
    readme = (demo / "README.md").read_text(encoding="utf-8")
    db = tmp_path / "training.sqlite3"
    assert main(["--db", str(db), "init"]) == 0
    assert main(["--db", str(db), "import-accounts", str(demo / "billing-accounts.csv")]) == 0
    con = sqlite3.connect(db)
    try:
        accounts = con.execute("SELECT number, kind, status, language FROM accounts ORDER BY number").fetchall()
        open_items = con.execute("SELECT count(*), sum(amount_cents - paid_cents) FROM open_items").fetchone()
    finally:
        con.close()
    assert len(accounts) == 6 and "six accounts" in readme
    assert ("7000045", "utility", "shut_off", "es") in accounts
    assert sum(1 for a in accounts if a[3] == "es") == 3 and open_items == (8, 247200)
    ctx = ServiceContext.open(db, settings=Settings())
    try:
        add_user(ctx, command_line_operator(), "jcashier", Role.CASHIER, PASSWORD, must_change_password=False)
    finally:
        ctx.close()
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code = main(["--db", str(db), "import-payments", str(demo / "lockbox.csv"), "--control-count", "4",
                 "--control-total", "1012.55", "--user", "jcashier", "--password-stdin"])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0, out
    assert "ready to post" in out and "$1,012.55" in readme and "--control-count 4" in readme
