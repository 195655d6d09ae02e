"""Payment research on a simulated city: each criterion finds exactly the receipts that plain
sqlite3 and Python find in the same file, newest first."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cashdesk.domain.money import Money
from cashdesk.domain.research import CriteriaError, PaymentCriteria, parse_criteria
from cashdesk.domain.security import Role
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.research import find_payments
from tests.integration import reports_city

CASHIER = Operator("research.cashier", Role.CASHIER)


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path, _days = reports_city.build(tmp_path_factory.mktemp("research"))
    return path


@pytest.fixture
def ctx(city: Path):  # type: ignore[no-untyped-def]
    context = reports_city.open_city(city)
    yield context
    context.close()


def every_receipt(path: Path) -> list[dict[str, object]]:
    """Each receipt with its tenders and accounts, read independently of the service."""
    con = sqlite3.connect(path)
    try:
        receipts = {
            r[0]: {
                "id": r[0],
                "number": r[1],
                "day": r[2],
                "channel": r[3],
                "payer": r[4],
                "total": r[5],
                "tenders": [],
                "accounts": set(),
                "names": set(),
            }
            for r in con.execute("SELECT id, number, business_date, channel, payer, total_cents FROM receipts")
        }
        for receipt_id, kind, reference, last4 in con.execute(
            "SELECT receipt_id, kind, reference, card_last4 FROM tenders"
        ):
            receipts[receipt_id]["tenders"].append((kind, reference, last4))  # type: ignore[attr-defined]
        for receipt_id, number, name in con.execute(
            "SELECT l.receipt_id, a.number, a.name FROM receipt_lines l JOIN accounts a ON a.id = l.account_id"
        ):
            receipts[receipt_id]["accounts"].add(number)  # type: ignore[attr-defined]
            receipts[receipt_id]["names"].add(name)  # type: ignore[attr-defined]
    finally:
        con.close()
    return sorted(receipts.values(), key=lambda r: (str(r["day"]), int(r["id"])), reverse=True)  # type: ignore[call-overload]


def numbers(ctx: ServiceContext, criteria: PaymentCriteria) -> list[str]:
    return [hit.receipt for hit in find_payments(ctx, CASHIER, criteria).hits]


def test_each_criterion_finds_what_the_rows_hold(ctx: ServiceContext, city: Path) -> None:
    receipts = every_receipt(city)
    assert len(receipts) > 100
    check = next(r for r in receipts if any(k == "check" for k, _, _ in r["tenders"]))  # type: ignore[attr-defined]
    check_number = next(ref for k, ref, _ in check["tenders"] if k == "check")  # type: ignore[attr-defined]
    want = [r["number"] for r in receipts if ("check", check_number) in [(k, ref) for k, ref, _ in r["tenders"]]]  # type: ignore[attr-defined]
    assert numbers(ctx, PaymentCriteria(check=check_number)) == want and check["number"] in want

    card = next(r for r in receipts if any(k == "card" for k, _, _ in r["tenders"]))  # type: ignore[attr-defined]
    last4 = next(l4 for k, _, l4 in card["tenders"] if k == "card")  # type: ignore[attr-defined]
    day = dt.date.fromisoformat(str(card["day"]))
    want = [
        r["number"]
        for r in receipts
        if r["day"] == card["day"] and any(k == "card" and l4 == last4 for k, _, l4 in r["tenders"])
    ]  # type: ignore[attr-defined]
    assert numbers(ctx, PaymentCriteria(card_last4=last4, date_from=day, date_to=day)) == want

    low, high = Money(2000), Money(5000)
    want = [r["number"] for r in receipts if 2000 <= int(r["total"]) <= 5000]  # type: ignore[call-overload]
    found = find_payments(ctx, CASHIER, PaymentCriteria(amount_from=low, amount_to=high), limit=1000)
    assert [h.receipt for h in found.hits] == want and not found.more

    account = next(iter(receipts[5]["accounts"]))  # type: ignore[call-overload]
    want = [r["number"] for r in receipts if account in r["accounts"]]  # type: ignore[operator]
    assert numbers(ctx, PaymentCriteria(account=account)) == want

    assert numbers(ctx, PaymentCriteria(receipt=str(receipts[3]["number"]))) == [receipts[3]["number"]]


def test_a_payer_s_name_finds_the_receipts_of_the_accounts_so_named(ctx: ServiceContext, city: Path) -> None:
    receipts = every_receipt(city)
    name = sorted(next(iter(r["names"])) for r in receipts if r["names"])[0]  # type: ignore[call-overload]
    word = str(name).split(",")[0].split()[0]
    want = [
        r["number"]
        for r in receipts
        if any(
            word.lower() in n.lower().replace(",", " ").split() or n.lower().startswith(word.lower())
            for n in r["names"]
        )
        or word.lower() in str(r["payer"]).lower()
    ]  # type: ignore[attr-defined]
    hits = find_payments(ctx, CASHIER, PaymentCriteria(payer=word), limit=1000).hits
    assert want and set(want) <= {h.receipt for h in hits}
    assert all(word.lower() in (h.who + " " + h.account_name).lower() for h in hits)


def test_dates_and_channel_narrow_and_the_newest_come_first(ctx: ServiceContext, city: Path) -> None:
    receipts = every_receipt(city)
    days = sorted({str(r["day"]) for r in receipts})
    first, second = dt.date.fromisoformat(days[1]), dt.date.fromisoformat(days[2])
    want = [r["number"] for r in receipts if days[1] <= str(r["day"]) <= days[2] and r["channel"] == "counter"]
    hits = find_payments(
        ctx, CASHIER, PaymentCriteria(date_from=first, date_to=second, channel="counter"), limit=1000
    ).hits
    assert [h.receipt for h in hits] == want
    assert [h.business_date for h in hits] == sorted((h.business_date for h in hits), reverse=True)
    hit = hits[0]
    assert hit.total == Money.total(t.amount for t in hit.tenders) - Money(0) or hit.tenders  # cash may give change
    assert hit.describe_tenders()


def test_one_line_of_criteria_reads_as_the_cashier_types_it() -> None:
    c = parse_criteria("check 1234 amount 50..60.5 from 11/01/2026 payer Maria Garcia channel mail")
    assert c == PaymentCriteria(
        check="1234",
        amount_from=Money(5000),
        amount_to=Money(6050),
        date_from=dt.date(2026, 11, 1),
        payer="Maria Garcia",
        channel="mail",
    )
    assert parse_criteria("w01-2026-000012") == PaymentCriteria(receipt="W01-2026-000012")
    assert parse_criteria("$45.10 garcia") == PaymentCriteria(
        amount_from=Money(4510), amount_to=Money(4510), payer="garcia"
    )
    for line, said in (
        ("", "Say what the customer remembers"),
        ("card 4242", "give the date"),
        ("card 4111111111111111 on 2026-11-03", "last four digits"),
        ("amount 60..50", "smaller amount"),
        ("amount lots", "not an amount"),
        ("from yesterday", "not a date"),
        ("channel phone", "counter, mail, lockbox"),
        ("check", "Give a value"),
    ):
        with pytest.raises(CriteriaError, match=said):
            parse_criteria(line)


def test_criteria_refused_change_nothing_and_say_why(ctx: ServiceContext) -> None:
    with pytest.raises(ServiceError, match="Say what the customer remembers"):
        find_payments(ctx, CASHIER, PaymentCriteria())


def test_the_command_prints_the_hits_as_json(city: Path, ctx: ServiceContext) -> None:
    receipts = every_receipt(city)
    account = next(iter(receipts[0]["accounts"]))  # type: ignore[call-overload]
    done = subprocess.run(
        [sys.executable, "-m", "cashdesk", "--db", str(city), "payments", "find", "--account", account, "--json"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert [h["receipt"] for h in hits] == numbers(ctx, PaymentCriteria(account=account))
    plain = subprocess.run(
        [sys.executable, "-m", "cashdesk", "--db", str(city), "payments", "find", "--amount", "1..0"],
        capture_output=True,
        text=True,
    )
    assert plain.returncode == 2 and "smaller amount" in plain.stderr and "Traceback" not in plain.stderr
