"""`cashdesk demo-data`: a fictional city that is the same every time, adds up, and can be searched."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path

import pytest

from cashdesk.cli import main
from cashdesk.services import demo
from cashdesk.services.accounts import account_detail, search_accounts
from cashdesk.services.context import ServiceContext, ServiceError
from cashdesk.services.demo import generate_demo_city

AS_OF = dt.date(2026, 11, 26)
TABLES = ("accounts", "open_items", "account_history")


def build(path: Path, accounts: int = 300, seed: int = 1, as_of: dt.date = AS_OF, **kw):  # type: ignore[no-untyped-def]
    return generate_demo_city(path, accounts=accounts, seed=seed, as_of=as_of, **kw)


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES}
    finally:
        con.close()


def query(path: Path, sql: str, *params: object) -> list[tuple]:  # type: ignore[type-arg]
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One city of 600 accounts, shared by the tests that only read it."""
    path = tmp_path_factory.mktemp("city") / "city.sqlite3"
    result = build(path, accounts=600, seed=11)
    assert result.accounts == 600
    return path


@pytest.fixture
def ctx(city: Path):  # type: ignore[no-untyped-def]
    context = ServiceContext.open(city)
    yield context
    context.close()


# -- the same seed gives the same city ----------------------------------------------------------


def test_same_seed_and_date_give_the_same_city(tmp_path: Path) -> None:
    first, second = build(tmp_path / "a.sqlite3", seed=5), build(tmp_path / "b.sqlite3", seed=5)
    assert dump(tmp_path / "a.sqlite3") == dump(tmp_path / "b.sqlite3")
    assert first.describe().split(" in ")[0] == second.describe().split(" in ")[0]


def test_another_seed_gives_another_city(tmp_path: Path) -> None:
    build(tmp_path / "a.sqlite3", seed=5)
    build(tmp_path / "b.sqlite3", seed=6)
    a, b = dump(tmp_path / "a.sqlite3"), dump(tmp_path / "b.sqlite3")
    names_a = {row[3] for row in a["accounts"]}
    names_b = {row[3] for row in b["accounts"]}
    assert len(names_a & names_b) < len(names_a) // 4


def test_helper_processes_build_exactly_the_same_city(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "BLOCK", 100)  # several blocks, so the helpers share the work
    build(tmp_path / "serial.sqlite3", accounts=450, workers=0)
    build(tmp_path / "parallel.sqlite3", accounts=450, workers=2)
    assert dump(tmp_path / "serial.sqlite3") == dump(tmp_path / "parallel.sqlite3")


def test_dates_follow_the_as_of_date(tmp_path: Path) -> None:
    build(tmp_path / "city.sqlite3", as_of=dt.date(2025, 2, 10))
    (latest,) = query(tmp_path / "city.sqlite3", "SELECT max(on_date) FROM account_history")[0]
    (earliest,) = query(tmp_path / "city.sqlite3", "SELECT min(on_date) FROM account_history")[0]
    assert latest <= "2025-02-10"
    assert earliest >= "2023-12-01"


# -- the city adds up ----------------------------------------------------------------------------


@pytest.mark.parametrize("as_of", [AS_OF, dt.date(2027, 1, 3), dt.date(2028, 2, 29)])
def test_history_adds_up_to_what_is_owed(tmp_path: Path, as_of: dt.date) -> None:
    """Bills and fees up, payments down: the history of every account explains its balance."""
    path = tmp_path / "city.sqlite3"
    build(path, accounts=400, seed=3, as_of=as_of)
    mismatched = query(
        path,
        "SELECT a.number, COALESCE(h.total, 0), COALESCE(o.owed, 0) - a.credit_cents FROM accounts a "
        "LEFT JOIN (SELECT account_id, SUM(amount_cents) AS total FROM account_history GROUP BY account_id) h "
        "  ON h.account_id = a.id "
        "LEFT JOIN (SELECT account_id, SUM(amount_cents - paid_cents) AS owed FROM open_items GROUP BY account_id) o "
        "  ON o.account_id = a.id "
        "WHERE COALESCE(h.total, 0) != COALESCE(o.owed, 0) - a.credit_cents",
    )
    assert mismatched == []
    # Open items are what is still owed: something left on each, never more paid than billed.
    assert query(path, "SELECT count(*) FROM open_items WHERE NOT (0 <= paid_cents AND paid_cents < amount_cents)") == [
        (0,)
    ]
    assert query(path, "SELECT count(*) FROM open_items WHERE paid_cents > 0")[0][0] > 0  # some partly paid
    assert query(path, "SELECT count(*) FROM account_history WHERE on_date > ?", as_of.isoformat()) == [(0,)]
    assert query(path, "PRAGMA foreign_key_check") == []
    assert query(path, "PRAGMA integrity_check") == [("ok",)]


def test_the_city_looks_like_a_city(city: Path) -> None:
    kinds = dict(query(city, "SELECT kind, count(*) FROM accounts GROUP BY kind"))
    assert 0.8 < kinds["utility"] / 600 < 0.95
    statuses = dict(query(city, "SELECT status, count(*) FROM accounts WHERE kind = 'utility' GROUP BY status"))
    assert statuses["active"] > 0.8 * kinds["utility"]
    assert {"shut_off", "final", "closed"} <= set(statuses)

    for number, kind in query(city, "SELECT number, kind FROM accounts"):
        assert re.fullmatch(r"\d{10}", number)
        assert number[0] == ("1" if kind == "utility" else "2")
    for phone, digits in query(city, "SELECT phone, phone_digits FROM accounts"):
        assert digits == re.sub(r"\D", "", phone)
        assert phone == "" or re.fullmatch(r"\((303|720)\) 555-\d{4}", phone)
    for (name,) in query(city, "SELECT name FROM accounts WHERE kind = 'utility'"):
        assert re.fullmatch(r"[A-Z][A-Za-z]+, [A-Z][a-z]+( [A-Z]| & [A-Z][a-z]+)?", name), name
    for (address,) in query(city, "SELECT service_address FROM accounts"):
        assert re.fullmatch(r"\d+ ([NSEW] )?[\w ]+ (St|Ave|Blvd|Rd|Way|Ct|Ln|Dr|Cir|Pl|Pkwy)( Apt \d+)?", address), (
            address
        )

    # Flags a cashier will meet: cash only, deposits, credits, shut-offs with their fees.
    flags = query(
        city,
        "SELECT sum(cash_only), sum(deposit_held_cents > 0), sum(credit_cents > 0) "
        "FROM accounts WHERE kind = 'utility'",
    )[0]
    assert all(count > 0 for count in flags), flags
    codes = {code for (code,) in query(city, "SELECT DISTINCT revenue_code FROM open_items")}
    assert {"WATER", "SEWER", "TRASH", "STORM", "LATEFEE", "DOORTAG", "RECON", "SALESTAX", "TAXPEN", "TAXINT"} <= codes
    assert query(
        city, "SELECT count(*) FROM open_items o JOIN accounts a ON a.id = o.account_id WHERE a.status = 'closed'"
    ) == [(0,)]


def test_sales_tax_accounts_file_returns(city: Path) -> None:
    rows = query(city, "SELECT licence_number, filing_frequency FROM accounts WHERE kind = 'sales_tax'")
    assert {f for _, f in rows} == {"monthly", "quarterly", "annual"}
    assert all(re.fullmatch(r"BL-\d{4}-\d{6}", licence) for licence, _ in rows)
    assert query(city, "SELECT count(DISTINCT licence_number) = count(*) FROM accounts WHERE kind = 'sales_tax'") == [
        (1,)
    ]
    for code, period in query(
        city, "SELECT revenue_code, period FROM open_items WHERE revenue_code LIKE 'TAX%' OR revenue_code = 'SALESTAX'"
    ):
        assert re.fullmatch(r"\d{4}(-\d{2}|-Q[1-4])?", period), (code, period)
    kinds = {
        k
        for (k,) in query(
            city,
            "SELECT DISTINCT h.kind FROM account_history h JOIN accounts a ON a.id = h.account_id "
            "WHERE a.kind = 'sales_tax'",
        )
    }
    assert {"return", "payment"} <= kinds


# -- what the window shows -----------------------------------------------------------------------


def test_search_finds_people_by_name_address_and_number(ctx: ServiceContext, city: Path) -> None:
    for number, kind, name, address in query(
        city, "SELECT number, kind, name, service_address FROM accounts ORDER BY id LIMIT 40"
    ):
        if kind == "utility":  # LAST, FIRST: typed either way round
            last, first = name.split(", ")[0], name.split(", ")[1].split()[0]
            assert number in [r.account for r in search_accounts(ctx, f"{first} {last}", limit=200)], name
        else:
            assert number in [r.account for r in search_accounts(ctx, name, limit=200)], name
        assert number in [r.account for r in search_accounts(ctx, address, limit=200)], address
        assert search_accounts(ctx, number)[0].account == number
        assert number in [r.account for r in search_accounts(ctx, number[:7], limit=200)]


def test_a_common_surname_finds_many_accounts(ctx: ServiceContext, city: Path) -> None:
    (surname, count), *_ = query(
        city,
        "SELECT substr(name, 1, instr(name, ',') - 1) AS s, count(*) FROM accounts WHERE kind = 'utility' "
        "GROUP BY s ORDER BY count(*) DESC, s LIMIT 1",
    )
    assert count >= 5
    found = search_accounts(ctx, surname, limit=500)
    assert sum(1 for r in found if r.name.startswith(f"{surname},")) == count


def test_the_account_view_balance_matches_the_history(ctx: ServiceContext, city: Path) -> None:
    (number,) = query(city, "SELECT number FROM accounts WHERE status = 'shut_off' ORDER BY id LIMIT 1")[0]
    detail = account_detail(ctx, number, as_of=AS_OF)
    assert "Shut off" in detail.flags
    assert detail.past_due.cents > 0
    assert "WATER" in {i.revenue_code for i in detail.items}
    assert {"Shut-off notice (door tag)", "Reconnection fee"} <= {h.description for h in detail.history}
    assert detail.balance.cents == sum(h.amount.cents for h in detail.history)


def test_the_search_index_is_kept_in_step_after_the_load(tmp_path: Path) -> None:
    path = tmp_path / "city.sqlite3"
    build(path)
    assert query(path, "INSERT INTO account_fts(account_fts) VALUES ('integrity-check')") == []
    triggers = {
        name
        for (name,) in query(
            path, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'accounts_fts%'"
        )
    }
    assert triggers == {"accounts_fts_insert", "accounts_fts_delete", "accounts_fts_update"}
    con = sqlite3.connect(path)
    con.execute("UPDATE accounts SET name = 'Quillfeather, Zed' WHERE id = 7")
    con.commit()
    con.close()
    context = ServiceContext.open(path)
    try:
        assert [r.name for r in search_accounts(context, "quillfeather")] == ["Quillfeather, Zed"]
    finally:
        context.close()


# -- refusals and the command --------------------------------------------------------------------


def test_a_database_with_accounts_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "city.sqlite3"
    build(path, accounts=50)
    before = dump(path)
    with pytest.raises(ServiceError, match="already has 50 accounts.*nothing was changed"):
        build(path, accounts=50, seed=2)
    assert dump(path) == before


def test_a_failed_load_leaves_the_database_empty_and_working(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "BLOCK", 50)

    def stop(done: int, total: int) -> None:
        if done >= 100:
            raise RuntimeError("the lights went out")

    path = tmp_path / "city.sqlite3"
    with pytest.raises(RuntimeError):
        build(path, accounts=200, progress=stop)
    assert query(path, "SELECT count(*) FROM accounts") == [(0,)]
    assert len(query(path, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'accounts_fts%'")) == 3
    build(path, accounts=200)  # and it can be filled afterwards
    assert query(path, "SELECT count(*) FROM account_fts WHERE account_fts MATCH 'st*'")[0][0] > 0


def test_progress_counts_up_to_the_whole_city(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "BLOCK", 100)
    seen: list[tuple[int, int]] = []
    result = build(tmp_path / "city.sqlite3", accounts=250, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 250), (100, 250), (200, 250), (250, 250)]
    assert re.match(
        r"Built a demo city of 250 accounts \(\d+ utility, \d+ sales tax\) with [\d,]+ open items "
        r"\(\$[\d,]+\.\d\d owed\) and [\d,]+ history entries, as of 2026-11-26 \(seed 1\), in \d+\.\d s",
        result.describe(),
    )
    assert result.utility + result.sales_tax == 250


def test_the_command_builds_a_city_that_search_finds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "fresh" / "city.sqlite3"  # nothing there yet: demo-data creates it
    assert main(["--db", str(path), "demo-data", "--accounts", "120", "--seed", "4"]) == 0
    assert "Built a demo city of 120 accounts" in capsys.readouterr().out
    (name,) = query(path, "SELECT name FROM accounts WHERE kind = 'utility' ORDER BY id LIMIT 1")[0]
    assert main(["--db", str(path), "search", name.split(",")[0]]) == 0
    assert name in capsys.readouterr().out

    assert main(["--db", str(path), "demo-data", "--accounts", "120"]) == 2
    assert "already has 120 accounts" in capsys.readouterr().err
