"""A simulated city day runs through the window's own services and leaves a whole, balanced history."""

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from cashdesk.config import Settings
from cashdesk.services.audit import verify_audit
from cashdesk.services.context import ServiceContext, ServiceError, command_line_operator
from cashdesk.services.demo import generate_demo_city
from cashdesk.services.simulate import business_days_to_run, simulate

NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)  # a Thursday, 10:00 in Denver


@pytest.fixture(scope="module")
def city_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("simcity") / "city.sqlite3"
    generate_demo_city(path, accounts=400, seed=3, as_of=NOW.date(), workers=0)
    return path


@pytest.fixture(autouse=True)
def quick_passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    """The simulated staff sign in every day: cheap argon2 parameters keep the test quick."""
    from argon2 import PasswordHasher

    from cashdesk.services import auth

    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def open_ctx(path: Path, tmp: Path) -> ServiceContext:
    ctx = ServiceContext.open(path, settings=Settings({"reports.folder": str(tmp / "reports")}))
    ctx.clock = lambda: NOW
    return ctx


def rows(path: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_three_days_close_balance_and_export(city_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "city.sqlite3"
    shutil.copy(city_file, path)
    ctx = open_ctx(path, tmp_path)
    try:
        days = simulate(
            ctx, command_line_operator(), days=3, seed=5, out=tmp_path / "exports", payments_per_drawer=(12, 18)
        )
        assert verify_audit(ctx).ok
    finally:
        ctx.close()
    # The three weekdays before today, in order; today stays open for the window.
    assert [d.business_date for d in days] == [dt.date(2026, 11, 23), dt.date(2026, 11, 24), dt.date(2026, 11, 25)]
    assert rows(path, "SELECT business_date, status FROM business_days ORDER BY 1") == [
        ("2026-11-23", "closed"), ("2026-11-24", "closed"), ("2026-11-25", "closed")]  # fmt: skip
    assert all(d.receipts >= 20 for d in days)
    kinds = {k for (k,) in rows(path, "SELECT DISTINCT kind FROM tenders")}
    assert kinds == {"cash", "check", "money_order", "card"}
    # Every drawer closed, every receipt balances, numbers gapless per station.
    assert rows(path, "SELECT count(*) FROM drawers WHERE status = 'open'") == [(0,)]
    assert rows(path, "SELECT count(*) FROM receipts r WHERE r.total_cents != (SELECT sum(amount_cents) FROM "
                      "receipt_lines l WHERE l.receipt_id = r.id)") == [(0,)]  # fmt: skip
    for station, count, last in rows(path, "SELECT station, count(*), max(number) FROM receipts GROUP BY station"):
        assert last == f"{station}-2026-{count:06d}"
    # Expected cash kept by each posting equals the payment rows, drawer by drawer.
    for drawer_id, kept, recomputed in rows(
        path,
        """
        SELECT d.id, d.cash_cents, d.opening_float_cents
          + coalesce((SELECT sum(t.amount_cents) FROM tenders t JOIN receipts r ON r.id = t.receipt_id
                      WHERE r.drawer_id = d.id AND r.status = 'posted' AND t.kind = 'cash'), 0)
          - coalesce((SELECT sum(change_cents) FROM receipts r WHERE r.drawer_id = d.id AND r.status = 'posted'), 0)
          - coalesce((SELECT sum(amount_cents) FROM cash_drops c WHERE c.drawer_id = d.id), 0)
          - coalesce((SELECT sum(amount_cents) FROM paid_outs p WHERE p.drawer_id = d.id), 0)
        FROM drawers d""",
    ):
        assert kept == recomputed, drawer_id
    # Nothing of the simulated history waits for a printer.
    assert rows(path, "SELECT count(*) FROM print_jobs WHERE status = 'queued'") == [(0,)]
    for day in days:
        for name in day.files:
            assert (tmp_path / "exports" / name).stat().st_size > 0
    journal = (tmp_path / "exports" / "gl-journal-2026-11-24.csv").read_text(encoding="utf-8")
    assert journal.splitlines()[0].count("debit") == 1 and "credit" in journal.splitlines()[0]


def test_the_same_seed_gives_the_same_days_and_a_second_run_continues(city_file: Path, tmp_path: Path) -> None:
    totals = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.sqlite3"
        shutil.copy(city_file, path)
        ctx = open_ctx(path, tmp_path / name)
        try:
            totals.append(
                [
                    (d.receipts, d.total, d.voids, d.drops, d.over_short)
                    for d in simulate(
                        ctx, command_line_operator(), days=2, seed=9, out=tmp_path / name, payments_per_drawer=(8, 12)
                    )
                ]
            )
        finally:
            ctx.close()
    assert totals[0] == totals[1]
    ctx = open_ctx(tmp_path / "a.sqlite3", tmp_path / "a")
    try:
        # Closed: the 24th and 25th. Only the 26th is left before... today is the 26th: nothing is left.
        with pytest.raises(
            ServiceError,
            match=r"Only 0 weekdays lie between the last closed business day "
            r"\(2026-11-25\) and today",
        ):
            business_days_to_run(ctx, 1)
        ctx.clock = lambda: NOW + dt.timedelta(days=5)  # Tuesday 1 December
        assert business_days_to_run(ctx, 3) == [dt.date(2026, 11, 26), dt.date(2026, 11, 27), dt.date(2026, 11, 30)]
    finally:
        ctx.close()


def test_the_command_prints_each_business_date_one_per_line(
    city_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from cashdesk.cli import main

    path = tmp_path / "city.sqlite3"
    shutil.copy(city_file, path)
    monkeypatch.setenv("CASHDESK_CONFIG", str(tmp_path / "none.toml"))
    assert main(["--db", str(path), "simulate", "--days", "2", "--seed", "4"]) == 0
    dates = capsys.readouterr().out.splitlines()
    assert dates == ["2026-11-24", "2026-11-25"]  # the weekdays before the pretend clock's Thursday
    assert {p.name for p in (tmp_path / "exports").iterdir()} >= {f"gl-journal-{d}.csv" for d in dates}
    assert main(["--db", str(path), "simulate", "--days", "0"]) == 2
    assert "1 to 370 days" in capsys.readouterr().err
