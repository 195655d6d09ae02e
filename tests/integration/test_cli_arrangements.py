"""`cashdesk arrangement create` and `cashdesk arrangements`: made by a signed-in cashier, listed as
text and JSON, refusals in words with nothing changed."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from cashdesk import clock
from cashdesk.services import auth
from tests.integration.test_cli_orders import db, run  # noqa: F401  (the city with its people; a command)

KEYS = {"id", "account", "state", "debt_cents", "down_cents", "installments"}


@pytest.fixture(autouse=True)
def _setup(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    previous = clock.set_source(clock.starting_at(dt.datetime(2026, 12, 7, 17, 0, tzinfo=dt.UTC)))  # Monday 10:00
    yield
    clock.set_source(previous)


def count(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT COUNT(*) FROM arrangements").fetchone()[0])
    finally:
        con.close()


def test_create_then_list_as_text_and_json(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(capsys, monkeypatch, "--db", str(db), "arrangement", "create", "3000000011", "--down",
                         "10.00", "--installments", "3", "--user", "jcashier", "--password-stdin")  # fmt: skip
    assert (code, err) == (0, "")
    assert out.splitlines()[:2] == ["Arrangement 1 for account 3000000011 (ADAMS, AL), requested:",
                                    "  Down payment    2026-12-10      $10.00"]  # fmt: skip
    assert "  Installment 3   2027-03-07      $26.68" in out
    code, out, _ = run(capsys, monkeypatch, "--db", str(db), "arrangements", "--state", "requested", "--json")
    [made] = json.loads(out)
    assert set(made) >= KEYS
    assert (made["id"], made["account"], made["state"], made["debt_cents"], made["down_cents"]) == (
        1, "3000000011", "requested", 9000, 1000)  # fmt: skip
    assert made["installments"] == [
        {"due": "2027-01-07", "amount_cents": 2666, "paid_cents": 0},
        {"due": "2027-02-07", "amount_cents": 2666, "paid_cents": 0},
        {"due": "2027-03-07", "amount_cents": 2668, "paid_cents": 0}]  # fmt: skip
    code, out, _ = run(capsys, monkeypatch, "--db", str(db), "arrangements")
    assert code == 0 and "3000000011" in out and out.rstrip().endswith("1 arrangement(s).")
    code, out, _ = run(capsys, monkeypatch, "--db", str(db), "arrangements", "--state", "kept", "--json")
    assert json.loads(out) == []


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("3000000011", "--down", "1.00", "--installments", "3"), "The down payment must be at least $9.00"),
        (("3000000011", "--down", "x%", "--installments", "3"), "is not a percent"),
        (("3000000011", "--down", "10", "--installments", "12"), "Give from 1 to 6 installments."),
        (("3000000045", "--down", "10", "--installments", "2"), "Nothing on account 3000000045 is past due"),
    ],
)
def test_a_refusal_is_said_in_words_and_nothing_is_made(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], said: str
) -> None:
    code, out, err = run(capsys, monkeypatch, "--db", str(db), "arrangement", "create", *args, "--user", "jcashier",
                         "--password-stdin")  # fmt: skip
    assert code != 0 and said in err and "Traceback" not in err
    assert count(db) == 0


def test_a_wrong_password_or_state_changes_nothing(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, monkeypatch, "--db", str(db), "arrangement", "create", "3000000011", "--down", "10",
                       "--installments", "3", "--user", "jcashier", "--password-stdin", stdin="wrong\n")  # fmt: skip
    assert code != 0 and "Traceback" not in err and count(db) == 0
    code, _, err = run(capsys, monkeypatch, "--db", str(db), "arrangements", "--state", "happy")
    assert code != 0 and "There is no state 'happy'" in err
