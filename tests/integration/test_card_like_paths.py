"""Folders and files named by numbers (issue 13 §3): a timestamp folder, or a folder whose name
happens to look like a card number, never stops an export or an import after its files were
written. The audit trail and the log show such a path starred where it looks like a card."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from cashdesk.cli import main
from cashdesk.domain.cash import CashCount
from cashdesk.domain.money import Money
from cashdesk.services.context import ServiceContext
from cashdesk.services.drawers import open_drawer
from cashdesk.services.payments import AccountPayment, Cart, post_receipt
from tests.integration.test_cli_day import _cheap_hashes, ctx, run  # noqa: F401
from tests.integration.test_deposit_export import CASHIER, FLOAT, cash, close_my_drawer
from tests.integration.test_import_accounts import SAMPLE

TIMESTAMP = "20261204080000"  # passes the Luhn check: no brand issues a 14-digit number on 20
CARD_LIKE = "4111111111111111"  # the Visa test number, as a folder name
WHO = ("--user", "msuper", "--password-stdin")


def details(db: Path, event_type: str) -> list[tuple[str, str, int]]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT object, details, success FROM audit_events WHERE event_type = ? ORDER BY seq",
                           (event_type,)).fetchall()  # fmt: skip
    finally:
        con.close()


def closed_day(ctx: ServiceContext, db: Path, capsys: pytest.CaptureFixture[str], mp: pytest.MonkeyPatch) -> str:  # noqa: F811
    day = ctx.today().isoformat()
    open_drawer(ctx, CASHIER, FLOAT)
    post_receipt(ctx, CASHIER, Cart((AccountPayment("1000000017", Money(3490)),)), [cash(4000)])
    close_my_drawer(ctx, CASHIER, CashCount({"B20": 6, "B10": 1, "B1": 4, "C25": 40, "C10": 9}))
    assert run(capsys, mp, "--db", str(db), "close-day", "--date", day, *WHO)[0] == 0
    return day


@pytest.mark.parametrize(("folder", "shown"), [(TIMESTAMP, TIMESTAMP), (CARD_LIKE, "411111******1111")])
def test_export_deposit_and_audit_export_into_a_folder_named_by_a_number(
    ctx: ServiceContext, small_city: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch, folder: str, shown: str,
) -> None:  # fmt: skip
    day = closed_day(ctx, small_city, capsys, monkeypatch)
    out = tmp_path / folder
    code, text, err = run(capsys, monkeypatch, "--db", str(small_city), "export-deposit", "--date", day,
                          "--out", str(out), *WHO)  # fmt: skip
    assert (code, err) == (0, "")
    assert f"Exported the deposit of {day}" in text
    [(_, recorded, success)] = details(small_city, "deposit_export")
    assert success == 1 and f'"folder":"{tmp_path.resolve() / shown}"' in recorded
    assert CARD_LIKE not in recorded

    for target in (out / "audit.csv", tmp_path / f"{folder}.csv"):
        code = main(["--db", str(small_city), "audit", "export", "--from", day, "--to", day, "--out", str(target)])
        assert code == 0 and target.is_file()
    assert [o for o, _, _ in details(small_city, "audit_export")] == ["audit.csv", f"{shown}.csv"]
    assert main(["--db", str(small_city), "audit", "verify"]) == 0


@pytest.mark.parametrize("name", ["lockbox.csv", f"{TIMESTAMP}.csv"])
def test_import_payments_from_a_timestamp_folder(
    ctx: ServiceContext, small_city: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch, name: str,
) -> None:  # fmt: skip
    from tests.integration.test_import_payments import GOOD

    folder = tmp_path / TIMESTAMP
    folder.mkdir()
    (folder / name).write_text(GOOD, encoding="utf-8")
    open_drawer(ctx, CASHIER, FLOAT)  # the day is open
    code, text, err = run(capsys, monkeypatch, "--db", str(small_city), "import-payments", str(folder / name),
                          "--control-count", "3", "--control-total", "2448.15", *WHO)  # fmt: skip
    assert code == 0, err
    assert "ready to post" in text
    [(_, recorded, success)] = details(small_city, "mail_import")
    assert success == 1 and f'"file":"{name}"' in recorded


def test_import_accounts_logs_a_file_named_like_a_card_starred(
    db_path: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    named = tmp_path / f"{CARD_LIKE}.csv"
    named.write_bytes(SAMPLE.read_bytes())
    with caplog.at_level(logging.INFO, logger="cashdesk.services.imports"):
        assert main(["--db", str(db_path), "import-accounts", str(named), "--no-progress"]) == 0
    assert "411111******1111.csv: Imported 5 rows" in caplog.text
    assert CARD_LIKE not in caplog.text
    [(recorded, _, success)] = details(db_path, "import_accounts")
    assert success == 1 and CARD_LIKE not in recorded


def test_the_trail_stars_a_path_and_still_refuses_a_card_number_as_a_value(db_path: Path) -> None:
    from cashdesk.services import audit
    from tests.integration.test_audit import T0

    ctx = ServiceContext.open(db_path)
    try:
        with ctx.db.unit_of_work() as uow:
            kept = audit.record(uow.session, user="x", station="W01", event_type="audit_export", at=T0,
                                object=f"{CARD_LIKE}.csv", details={"folder": f"/exports/{CARD_LIKE}"})  # fmt: skip
            uow.commit()
        assert kept.object == "411111******1111.csv" and kept.details == {"folder": "/exports/411111******1111"}
        for details, object_ in (({"memo": f"paid with {CARD_LIKE}"}, ""), ({"folder": "/x"}, CARD_LIKE)):
            with ctx.db.unit_of_work() as uow, pytest.raises(ValueError) as refused:
                audit.record(uow.session, user="x", station="W01", event_type="post", object=object_,
                             details=details, at=T0)  # fmt: skip
            assert CARD_LIKE not in str(refused.value)
        assert audit.verify_audit(ctx).ok
    finally:
        ctx.close()
