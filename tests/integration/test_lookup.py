"""Finding an account and answering "what do I owe?", through the services and the command."""

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from cashdesk.cli import main
from cashdesk.config import Settings
from cashdesk.domain.money import Money
from cashdesk.services.accounts import account_detail, search_accounts
from cashdesk.services.context import ServiceContext, ServiceError

AS_OF = dt.date(2026, 11, 26)


@pytest.fixture
def ctx(small_city: Path):  # type: ignore[no-untyped-def]
    context = ServiceContext.open(small_city)
    yield context
    context.close()


def numbers(results) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.account for r in results]


def test_exact_account_number_comes_first(ctx: ServiceContext) -> None:
    assert numbers(search_accounts(ctx, "1000000025"))[0] == "1000000025"
    assert numbers(search_accounts(ctx, "10-0000-0025")) == ["1000000025"]


def test_account_number_prefix(ctx: ServiceContext) -> None:
    assert numbers(search_accounts(ctx, "100000")) == ["1000000017", "1000000025", "1000000033", "1000000041"]


def test_name_prefix_and_several_words(ctx: ServiceContext) -> None:
    assert set(numbers(search_accounts(ctx, "smith"))) == {"1000000017", "1000000025"}
    assert numbers(search_accounts(ctx, "smith john")) == ["1000000017"]
    assert numbers(search_accounts(ctx, "SMITHSON")) == ["1000000025"]


def test_name_matches_rank_above_address_matches(ctx: ServiceContext) -> None:
    # "main" is in the bakery's name and in three addresses.
    found = numbers(search_accounts(ctx, "main"))
    assert found[0] == "2000000019"
    assert set(found) == {"2000000019", "1000000017", "1000000033"}


def test_service_address(ctx: ServiceContext) -> None:
    assert sorted(numbers(search_accounts(ctx, "1200 main"))) == ["1000000017", "1000000033"]
    assert numbers(search_accounts(ctx, "44 elm")) == ["1000000025"]


def test_a_street_direction_after_the_house_number_is_a_whole_word(ctx: ServiceContext) -> None:
    assert numbers(search_accounts(ctx, "1200 S Main")) == ["1000000033"]
    assert numbers(search_accounts(ctx, "1200 n main st")) == ["1000000017"]


def test_a_house_number_with_more_typed_after_it_is_the_whole_number(ctx: ServiceContext) -> None:
    # "30 main" is house 30, not 301 Main St; "12 main" is not 1200. A number typed last may
    # still be being typed: it finds 1200 and 1201 alike.
    assert numbers(search_accounts(ctx, "30 main")) == []
    assert numbers(search_accounts(ctx, "12 main")) == []
    assert numbers(search_accounts(ctx, "301 main")) == ["2000000019"]
    assert sorted(numbers(search_accounts(ctx, "main 12"))) == ["1000000017", "1000000033"]


def test_a_renamed_account_is_found_by_its_new_name_only(ctx: ServiceContext, small_city: Path) -> None:
    con = sqlite3.connect(small_city)
    con.execute("UPDATE accounts SET name = 'ZAMORA, LUIS' WHERE number = '1000000041'")
    con.commit()
    con.close()
    assert numbers(search_accounts(ctx, "zamora")) == ["1000000041"]
    assert numbers(search_accounts(ctx, "nguyen")) == []
    assert numbers(search_accounts(ctx, "luis oak")) == ["1000000041"]  # a name word and an address word


def test_a_last_initial_narrows_a_name(ctx: ServiceContext) -> None:
    assert numbers(search_accounts(ctx, "garcia a")) == ["1000000033"]
    # "m" is also the start of JOHN SMITH's Main St; the name match ranks first.
    assert numbers(search_accounts(ctx, "smith m")) == ["1000000025", "1000000017"]


def test_accents_do_not_matter(ctx: ServiceContext) -> None:
    assert numbers(search_accounts(ctx, "nguyen")) == ["1000000041"]
    assert numbers(search_accounts(ctx, "oak ct")) == ["1000000041"]


def test_phone_with_any_punctuation(ctx: ServiceContext) -> None:
    assert numbers(search_accounts(ctx, "(303) 555-0142")) == ["1000000017"]
    assert numbers(search_accounts(ctx, "303-555-0777")) == ["1000000033"]


def test_search_text_is_never_query_syntax(ctx: ServiceContext) -> None:
    for hostile in ['"', "smith OR 1=1", "'; DROP TABLE accounts; --", "NEAR(a b)", "*", "^smith", "a:b"]:
        search_accounts(ctx, hostile)  # no exception
    assert numbers(search_accounts(ctx, "1000000017")) == ["1000000017"]  # table still there


def test_nothing_found_and_too_long(ctx: ServiceContext) -> None:
    assert search_accounts(ctx, "zzzzzz") == []
    assert search_accounts(ctx, "   ") == []
    with pytest.raises(ServiceError, match="at most 100 characters"):
        search_accounts(ctx, "x" * 101)


def test_results_carry_the_balance_less_credit(ctx: ServiceContext) -> None:
    by_number = {r.account: r for r in search_accounts(ctx, "1000000")}
    assert by_number["1000000017"].balance == Money(4210 + 3105 + 2990 + 500)
    assert by_number["1000000033"].balance == Money(-2500)


def test_limit(ctx: ServiceContext) -> None:
    assert len(search_accounts(ctx, "1", limit=2)) == 2


def test_what_do_i_owe(ctx: ServiceContext) -> None:
    detail = account_detail(ctx, "1000000017", as_of=AS_OF)
    assert detail.balance == Money(10805)
    assert detail.past_due == Money(2990 + 500)
    # Paying order: the late fee first, then the oldest charge.
    assert [(i.revenue_code, i.open_amount) for i in detail.items] == [
        ("LATEFEE", Money(500)),
        ("WATER", Money(2990)),
        ("WATER", Money(4210)),
        ("SEWER", Money(3105)),
    ]
    assert dict(detail.aging.as_pairs()) == {
        "current": Money(4210 + 3105),
        "30": Money(0),
        "60": Money(500),
        "90+": Money(2990),
    }
    assert [h.kind for h in detail.history] == ["bill", "payment"]


def test_flags_on_a_shut_off_cash_only_account(ctx: ServiceContext) -> None:
    detail = account_detail(ctx, "1000000025", as_of=AS_OF)
    assert detail.flags == ("Cash only", "Shut off", "Deposit held $150.00")


def test_an_unknown_account_is_named_in_the_message(ctx: ServiceContext) -> None:
    with pytest.raises(ServiceError, match="No account 9999"):
        account_detail(ctx, "9999")


def test_settings_change_the_paying_order(small_city: Path) -> None:
    ctx = ServiceContext.open(small_city, settings=Settings({"allocation.priorities": {"SEWER": 1}}))
    try:
        assert account_detail(ctx, "1000000017", as_of=AS_OF).items[0].revenue_code == "SEWER"
    finally:
        ctx.close()


def test_cli_search_json(small_city: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(small_city), "search", "smith", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["account"] for r in rows} == {"1000000017", "1000000025"}
    smith = next(r for r in rows if r["account"] == "1000000017")
    assert smith["kind"] == "utility"
    assert smith["name"] == "SMITH, JOHN"
    assert smith["address"] == "1200 N Main St"
    assert smith["status"] == "active"
    assert smith["balance_cents"] == 10805


def test_cli_search_text_and_no_match(small_city: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(small_city), "search", "garcia"]) == 0
    out = capsys.readouterr().out
    assert "1000000033" in out and "-$25.00" in out
    assert main(["--db", str(small_city), "search", "nobody"]) == 1
    assert "No account matches 'nobody'" in capsys.readouterr().out


def test_cli_account(small_city: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(small_city), "account", "1000000025"]) == 0
    out = capsys.readouterr().out
    assert "SMITHSON, MARY" in out and "Flags: Cash only, Shut off, Deposit held $150.00" in out
    assert "RECON" in out and "$50.00" in out
    assert main(["--db", str(small_city), "account", "2000000019", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "sales_tax" and data["licence_number"] == "BL-2019-0042"
    assert data["balance_cents"] == 137500
    assert [i["period"] for i in data["open_items"]] == ["2026-09", "2026-09"]


def test_cli_refuses_a_missing_database_clearly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "none.sqlite3"), "search", "x"]) == 2
    assert "Run `cashdesk init`" in capsys.readouterr().err


def test_a_reader_that_stops_early_gets_no_traceback(small_city: Path) -> None:
    """`cashdesk account N | head`: the reader has gone before the command writes."""
    import os
    import subprocess
    import sys

    read, write = os.pipe()
    os.close(read)  # head has read its lines and left
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    try:
        command = [sys.executable, "-m", "cashdesk", "--db", str(small_city), "account", "1000000017"]
        done = subprocess.run(command, stdout=write, stderr=subprocess.PIPE, text=True, env=env, timeout=120)
    finally:
        os.close(write)
    assert done.returncode == 141  # as a shell reports a command ended by a closed pipe
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr
