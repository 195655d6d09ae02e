"""Answers at the counter: the starter set, searching it as customers ask, versions kept and
audited, answers beside an account, Markdown in and out, printing and the PDF handout."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from cashdesk.cli import main
from cashdesk.config import Settings
from cashdesk.devices.escpos_text import read_escpos
from cashdesk.domain.answers import SAMPLE_NOTE, Answer, parse_entry, to_markdown
from cashdesk.domain.security import Role
from cashdesk.services import answer_files, answers
from cashdesk.services.audit import verify_audit
from cashdesk.services.context import Operator, ServiceContext, ServiceError

SUPERVISOR = Operator("super1", Role.SUPERVISOR)
CASHIER = Operator("cashier1", Role.CASHIER)

#: How customers ask at the window, and the answer that must come up in the first three.
PHRASINGS = [
    ("why was my water turned off", "shut-off-for-non-payment"),
    ("water shut off", "shut-off-for-non-payment"),
    ("they cut off my water", "shut-off-for-non-payment"),
    ("door tag on my house", "shut-off-for-non-payment"),
    ("how do I get my water back on", "reconnect-service"),
    ("reconnection fee", "reconnect-service"),
    ("can I pay in installments", "payment-arrangement"),
    ("I can't pay the whole bill, can I get a payment plan", "payment-arrangement"),
    ("why is there a late charge", "late-fee-utility"),
    ("deposit to start service", "utility-deposit"),
    ("I'm moving, stop my water", "start-stop-service"),
    ("my bill is too high, maybe a leak", "high-bill"),
    ("my check bounced", "returned-check"),
    ("when is my sales tax return due", "sales-tax-filing"),
    ("penalty for filing sales tax late", "sales-tax-penalties"),
    ("interest on late sales tax", "sales-tax-penalties"),
    ("do I need a license to open a store", "business-license"),
    ("can I pay with a credit card", "payment-methods"),
    ("where do I pay a parking ticket", "municipal-court"),
    ("I need a building permit for a fence", "building-permits"),
    ("help paying my utility bill, low income", "energy-assistance"),
    ("water main break in the street", "public-works"),
    ("property tax question", "county-assessor"),
]


@pytest.fixture
def ctx(db_path: Path) -> ServiceContext:
    context = ServiceContext.open(db_path, settings=Settings())
    answer_files.load_starter_set(context, SUPERVISOR)
    yield context  # type: ignore[misc]
    context.close()


@pytest.mark.parametrize(("words", "slug"), PHRASINGS)
def test_each_customer_phrasing_finds_its_answer_in_the_top_three(ctx: ServiceContext, words: str,
                                                                   slug: str) -> None:  # fmt: skip
    found = answers.search_answers(ctx, CASHIER, words)
    assert slug in [f.slug for f in found[:3]], [f.slug for f in found[:5]]


def test_the_starter_set_is_marked_as_sample_text(ctx: ServiceContext) -> None:
    for path in sorted(answer_files.starter_folder().glob("*.md")):
        entry = parse_entry(path.read_text(encoding="utf-8"))
        assert entry.sample, path.name
        body = entry.body if isinstance(entry, Answer) else entry.handles
        assert body.startswith(SAMPLE_NOTE), path.name
    view = answers.answer_view(ctx, CASHIER, "shut-off-for-non-payment")
    assert view.answer.sample and view.version == 1 and view.changed_by == "super1"


def test_a_change_is_kept_as_a_version_and_audited(ctx: ServiceContext) -> None:
    view = answers.answer_view(ctx, CASHIER, "late-fee-utility")
    changed = Answer(**{**{f: getattr(view.answer, f) for f in Answer.__slots__}, "body": "Late fee is 7%."})
    assert answers.save_answer(ctx, SUPERVISOR, changed) == 2
    history = answers.answer_versions(ctx, CASHIER, "late-fee-utility")
    assert [v[0] for v in history] == [1, 2]
    assert "5% of the past-due" in history[0][3] and "Late fee is 7%." in history[1][3]
    assert [f.slug for f in answers.search_answers(ctx, CASHIER, "7%")][:1] == ["late-fee-utility"]
    with pytest.raises(ServiceError, match="may not change the answers"):
        answers.save_answer(ctx, CASHIER, changed)
    with sqlite3.connect(ctx.db.path) as con:  # type: ignore[arg-type]
        events = con.execute("SELECT object, details FROM audit_events WHERE event_type = 'answer_saved'").fetchall()
        with pytest.raises(sqlite3.DatabaseError, match="kept as written"):
            con.execute("UPDATE answer_versions SET content = 'x'")
    con.close()
    assert events == [("answer late-fee-utility", json.dumps({"title": changed.title, "version": 2},
                                                               separators=(",", ":")))]  # fmt: skip
    assert verify_audit(ctx).chain.ok


def test_an_answer_past_its_review_date_is_marked(ctx: ServiceContext) -> None:
    # The sales tax penalties answer is due for review on 2026-12-31; the test clock reads 2026-11-26.
    assert not answers.answer_view(ctx, CASHIER, "sales-tax-penalties").review_due
    ctx.clock = lambda: dt.datetime(2026, 12, 31, 17, 0, tzinfo=dt.UTC)
    assert answers.answer_view(ctx, CASHIER, "sales-tax-penalties").review_due
    found = {f.slug: f for f in answers.search_answers(ctx, CASHIER, "sales tax penalty")}
    assert found["sales-tax-penalties"].review_due and not found["sales-tax-filing"].review_due


def test_answers_beside_an_account_follow_its_kind_and_state(ctx: ServiceContext) -> None:
    delinquent = answers.answers_for_account(ctx, CASHIER, kind="utility", status="active", past_due_cents=4500)
    assert {"shut-off-for-non-payment", "payment-arrangement"} <= {f.slug for f in delinquent[:3]}
    shut = answers.answers_for_account(ctx, CASHIER, kind="utility", status="shut_off", past_due_cents=4500)
    assert "reconnect-service" in {f.slug for f in shut[:3]}
    tax = answers.answers_for_account(ctx, CASHIER, kind="sales_tax", status="active", past_due_cents=0)
    assert "sales-tax-filing" in {f.slug for f in tax} and "shut-off-for-non-payment" not in {f.slug for f in tax}
    late = answers.answers_for_account(ctx, CASHIER, kind="sales_tax", status="active", past_due_cents=100)
    assert {f.slug for f in late[:2]} == {"sales-tax-penalties", "sales-tax-filing"}


def test_export_then_import_round_trips_and_a_bad_file_changes_nothing(ctx: ServiceContext, tmp_path: Path) -> None:
    out = tmp_path / "kb"
    assert answer_files.export_folder(ctx, CASHIER, out) == 18
    text = (out / "answers" / "high-bill.md").read_text(encoding="utf-8")
    assert text.startswith("---\nkind: answer\nid: high-bill\n")
    assert to_markdown(parse_entry(text)) == text
    again = answer_files.import_folder(ctx, SUPERVISOR, out)
    assert (again.added, again.changed, again.unchanged) == ((), (), 18)
    (out / "answers" / "high-bill.md").write_text(text.replace("free meter re-read", "free meter check"), "utf-8")
    (out / "answers" / "broken.md").write_text("---\nkind: answer\nid: Bad Id\n---\nx\n", "utf-8")
    with pytest.raises(ServiceError, match=r"Nothing was imported: 1 file\(s\).*broken.md: id:"):
        answer_files.import_folder(ctx, SUPERVISOR, out)
    assert answers.answer_view(ctx, CASHIER, "high-bill").version == 1
    (out / "answers" / "broken.md").unlink()
    result = answer_files.import_folder(ctx, SUPERVISOR, out)
    assert result.changed == ("answer high-bill v2",)


def test_an_answer_prints_through_the_queue_and_as_a_pdf(ctx: ServiceContext, tmp_path: Path) -> None:
    job = answer_files.print_answer(ctx, CASHIER, "reconnect-service")
    with sqlite3.connect(ctx.db.path) as con:  # type: ignore[arg-type]
        kind, status, payload = con.execute("SELECT kind, status, payload FROM print_jobs WHERE id = ?",
                                            (job,)).fetchone()  # fmt: skip
    con.close()
    assert (kind, status) == ("answer_slip", "queued")
    printed = " ".join(" ".join(read_escpos(payload).pages).split())
    assert "Reconnecting water service" in printed and "$100 after hours" in printed
    pdf = answer_files.answer_handout(ctx, CASHIER, "reconnect-service", tmp_path)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Reconnecting water service" in text and "13.08.140" in text
    assert pdf.read_bytes() == answer_files.answer_handout(ctx, CASHIER, "reconnect-service", tmp_path).read_bytes()


def test_the_commands_import_export_and_search(db_path: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    db = ["--db", str(db_path)]
    assert main([*db, "answers", "import", str(answer_files.starter_folder())]) == 0
    assert "Imported 18 new" in capsys.readouterr().out
    assert main([*db, "answers", "search", "my water was shut off", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found[0]["id"] == "shut-off-for-non-payment" and found[0]["kind"] == "answer"
    assert main([*db, "answers", "search", "parking ticket"]) == 0
    assert "Aurelia Municipal Court" in capsys.readouterr().out
    assert main([*db, "answers", "export", str(tmp_path / "out")]) == 0
    assert len(list((tmp_path / "out").rglob("*.md"))) == 18
    assert main([*db, "answers", "import", str(tmp_path / "missing")]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_demo_data_loads_the_sample_answers_and_the_supply_room(tmp_path: Path) -> None:
    from cashdesk.services.demo import generate_demo_city
    from cashdesk.services.supplies import reorder_list, stock_levels

    path = tmp_path / "demo.sqlite3"
    generate_demo_city(path, accounts=20, seed=1, as_of=dt.date(2026, 11, 26), workers=0)
    ctx = ServiceContext.open(path, settings=Settings())
    try:
        assert answers.search_answers(ctx, CASHIER, "shut off")[0].slug == "shut-off-for-non-payment"
        assert answers.answer_view(ctx, CASHIER, "high-bill").answer.sample
        levels = {v.code: v.on_hand for v in stock_levels(ctx, CASHIER)}
        assert levels["PAPER-ROLL"] == 12 and levels["DOOR-TAG"] == 680
        assert "PAPER-ROLL" in {v.code for v in reorder_list(ctx, CASHIER)}
    finally:
        ctx.close()
