"""The office's accounts master loaded at the office (`cashdesk --db postgresql://… import-accounts
FILE`, `demo-data`): the window's own import checks the file, the office takes what was added or
changed, and a joined window receives it at its next sync; a bad file changes nothing (issue 15;
docs/office.md)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
import pytest
from argon2 import PasswordHasher

from cashdesk.cli import main
from cashdesk.services import auth
from cashdesk.services.office import init_office, join_office, sync_once
from cashdesk.services.setup import init_database
from cashdesk.store.office_master import GAP
from tests.integration.test_deposit_export import make_ctx
from tests.office.test_uplink import ADMIN, window
from tests.support.pg_cluster import Cluster

HEADER = "account,kind,name,status,service_address,phone,item_id,revenue_code,bill_date,due_date,amount,paid"


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def cashdesk(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def at_office(url: str, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with psycopg.connect(url) as con:
        return con.execute(sql).fetchall()


def at_window(path: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(path) as con:
        return con.execute(sql).fetchall()


def test_accounts_imported_into_the_office_reach_a_joined_window_at_its_next_sync(
    small_city: Path, tmp_path: Path, office_url: str, capsys: pytest.CaptureFixture[str]
) -> None:  # fmt: skip
    init_office(ADMIN, office_url)
    ctx = window(small_city, tmp_path, "W01")
    path = ctx.db.path
    assert path is not None
    try:
        join_office(ctx, ADMIN, office_url, "W01")  # the office takes the window's accounts
        assert sync_once(ctx).waiting == 0
    finally:
        ctx.close()
    (highest,) = at_office(office_url, "SELECT max(id) FROM open_items")[0]
    (account_id,) = at_office(office_url, "SELECT id FROM accounts WHERE number = '1000000017'")[0]

    good = tmp_path / "march.csv"
    good.write_text(f"""{HEADER}
7000001,utility,"OKAFOR, ADA",active,44 Maple Dr,720 555 0199,W1,WATER,2026-11-05,2026-11-25,48.20,
1000000017,utility,"SMITH, JOHN Q",active,1200 N Main St,(303) 555-0142,,,,,,
""", encoding="utf-8")  # fmt: skip
    code, out, err = cashdesk(capsys, "--db", office_url, "import-accounts", str(good), "--no-progress")
    assert (code, err) == (0, ""), err
    said = out.splitlines()
    assert said[0].startswith("Imported 2 rows: 1 account added, 1 changed, 0 unchanged; 1 open item added")
    assert said[1].startswith("At the office at 127.0.0.1:") and "accounts 1 added and 1 changed" in said[1]
    assert "open items 1 added and 0 changed" in said[1] and "next sync" in said[1]
    # The office's new bill is numbered a gap past its highest: the ids after it are the windows' own.
    ((item_id, amount, number),) = at_office(office_url, "SELECT i.id, i.amount_cents, a.number FROM open_items i "
                                                         "JOIN accounts a ON a.id = i.account_id WHERE i.id > "
                                                         f"{highest}")  # fmt: skip
    assert (amount, number) == (4820, "7000001") and item_id == highest + GAP + 1
    assert at_office(office_url, f"SELECT name FROM accounts WHERE id = {account_id}") == [("SMITH, JOHN Q",)]

    # The window takes them in at its next sync.
    code, out, _ = cashdesk(capsys, "--db", str(path), "sync", "--once")
    assert code == 0 and "Took in 3 changed accounts, bills and codes." in out, out
    assert at_window(path, "SELECT name FROM accounts WHERE number IN ('1000000017', '7000001') ORDER BY number") \
        == [("SMITH, JOHN Q",), ("OKAFOR, ADA",)]  # fmt: skip
    assert at_window(path, f"SELECT amount_cents FROM open_items WHERE id = {item_id}") == [(4820,)]

    # A bad file: refused in words, line by line, and the office is as it was.
    versions = at_office(office_url, "SELECT last_value FROM office_version")
    bad = tmp_path / "bad.csv"
    bad.write_text(f"""{HEADER}
3000000011,utility,"NG, ANN",active,,,W1,WATRE,2026-11-05,2026-11-25,-5.00,
""", encoding="utf-8")  # fmt: skip
    code, out, err = cashdesk(capsys, "--db", office_url, "import-accounts", str(bad), "--no-progress")
    assert code == 1 and out == "" and "Traceback" not in err
    assert err.startswith("bad.csv was not imported: 2 problems on 1 line.\n") and "Nothing was changed." in err
    assert at_office(office_url, "SELECT last_value FROM office_version") == versions
    assert at_office(office_url, "SELECT count(*) FROM accounts WHERE number = '3000000011'") == [(0,)]


def test_the_office_is_refused_in_words_when_it_cannot_take_the_master(
    tmp_path: Path, office_url: str, cluster: Cluster, capsys: pytest.CaptureFixture[str]
) -> None:  # fmt: skip
    good = tmp_path / "one.csv"
    good.write_text(f"{HEADER}\n7000001,utility,Ada,active,,,W1,WATER,2026-11-05,2026-11-25,48.20,\n", "utf-8")
    code, _, err = cashdesk(capsys, "--db", office_url, "import-accounts", str(good), "--no-progress")
    assert code == 2 and "has no schema yet: run `cashdesk office init" in err and "Nothing was changed" in err
    secret = "postgresql://cash:s3cret@office.city.gov/cash"
    code, _, err = cashdesk(capsys, "--db", secret, "import-accounts", str(good), "--no-progress")
    assert code == 2 and "may not carry a password" in err and "s3cret" not in err
    init_office(ADMIN, office_url)
    cluster.stop()
    try:
        code, _, err = cashdesk(capsys, "--db", office_url, "import-accounts", str(good), "--no-progress")
    finally:
        cluster.start()
    assert code == 2 and "did not answer" in err and "Nothing was changed at the office" in err


def test_a_demo_city_fills_an_empty_office_and_a_new_window_takes_it(
    tmp_path: Path, office_url: str, capsys: pytest.CaptureFixture[str]
) -> None:  # fmt: skip
    init_office(ADMIN, office_url)
    code, out, err = cashdesk(capsys, "--db", office_url, "demo-data", "--accounts", "30", "--seed", "3")
    assert (code, err) == (0, ""), err
    assert out.startswith("Built a demo city of 30 accounts (seed 3") and "accounts 30 added" in out
    assert at_office(office_url, "SELECT count(*) FROM accounts") == [(30,)]
    (items,) = at_office(office_url, "SELECT count(*) FROM open_items")[0]

    code, _, err = cashdesk(capsys, "--db", office_url, "demo-data", "--accounts", "30")
    assert code == 2 and "already holds 30 accounts" in err and "nothing was changed" in err

    new = tmp_path / "W05.sqlite3"
    init_database(new)
    ctx = make_ctx(new, **{"station.id": "W05"})
    try:
        join_office(ctx, ADMIN, office_url, "W05")
        assert sync_once(ctx).problem == ""
    finally:
        ctx.close()
    assert at_window(new, "SELECT count(*) FROM accounts") == [(30,)]
    assert at_window(new, "SELECT count(*) FROM open_items") == [(items,)]
