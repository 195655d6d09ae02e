"""Answers at the counter: the starter set, searching it as customers ask, versions kept and
audited, answers beside an account, Markdown in and out, printing and the PDF handout."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from cashdesk.cli import main
from cashdesk.config import Settings
from cashdesk.devices.escpos_text import read_escpos
from cashdesk.domain.answers import SAMPLE_NOTE, Answer, Referral, parse_entry, to_markdown
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


def _changed(answer: Answer, **values: object) -> Answer:
    return dataclasses.replace(answer, **values)  # type: ignore[arg-type]


def test_the_history_names_who_changed_what_and_when(ctx: ServiceContext) -> None:
    view = answers.answer_view(ctx, CASHIER, "late-fee-utility")
    ctx.clock = lambda: dt.datetime(2026, 12, 1, 16, 30, tzinfo=dt.UTC)
    changed = _changed(view.answer, body="Late fee is 7%.", keywords=(*view.answer.keywords, "late charge"))
    assert answers.save_answer(ctx, Operator("super2", Role.SUPERVISOR), changed, based_on=1) == 2
    newest, first = answers.answer_history(ctx, CASHIER, "late-fee-utility")
    assert (newest.version, newest.changed_by, newest.changed_at) == (2, "super2", dt.datetime(2026, 12, 1, 16, 30))
    assert newest.changed == ("text", "keywords") and newest.answer.body == "Late fee is 7%."
    assert (first.version, first.changed_by, first.changed) == (1, "super1", ("first version",))
    assert "5% of the past-due" in first.answer.body


def test_a_change_made_from_an_old_version_or_a_taken_id_is_refused(ctx: ServiceContext) -> None:
    view = answers.answer_view(ctx, CASHIER, "high-bill")
    answers.save_answer(ctx, SUPERVISOR, _changed(view.answer, title="High bills and leaks"), based_on=1)
    with pytest.raises(ServiceError, match=r"super1 saved version 2 while you were changing version 1.*"
                                           r"Nothing was saved"):  # fmt: skip
        answers.save_answer(ctx, SUPERVISOR, _changed(view.answer, title="Leaks"), based_on=1)
    with pytest.raises(ServiceError, match="There is an answer 'high-bill' already"):
        answers.save_answer(ctx, SUPERVISOR, _changed(view.answer, title="Leaks"), based_on=0)
    assert answers.answer_view(ctx, CASHIER, "high-bill").answer.title == "High bills and leaks"
    new = Answer("alarm-permit", "Alarm permits", body="An alarm permit costs $25 a year.", keywords=("burglar",))
    assert answers.save_answer(ctx, SUPERVISOR, new, based_on=0) == 1
    assert [f.slug for f in answers.search_answers(ctx, CASHIER, "burglar alarm")][:1] == ["alarm-permit"]


@pytest.mark.parametrize(
    ("values", "said"),
    [
        ({"title": "  "}, "Give the answer a title"),
        ({"body": ""}, "Write the answer itself"),
        ({"body": "Pay here.\x1b@"}, "The answer's text holds a control character"),
        ({"title": "Late\nfee"}, "The title holds a control character"),
        ({"title": "x" * 121}, "Keep the title under 120 characters"),
        ({"slug": "Late Fee"}, "The id 'Late Fee' is not usable"),
        ({"link": "aurelia.example/code"}, "The link must start with http:// or https://"),
        ({"applies_to": ("water",)}, "'water' is not a kind of account"),
        ({"effective_on": dt.date(2026, 6, 1), "review_on": dt.date(2026, 1, 1)}, "The review date comes before"),
        ({"body": "Paid with 4111 1111 1111 1111."}, "looks like a card number"),
    ],
)
def test_an_answer_that_cannot_be_kept_is_refused_in_words(ctx: ServiceContext, values: dict[str, object],
                                                            said: str) -> None:  # fmt: skip
    view = answers.answer_view(ctx, CASHIER, "late-fee-utility")
    with pytest.raises(ServiceError, match=re.escape(said)) as refused:
        answers.save_answer(ctx, SUPERVISOR, _changed(view.answer, **values))
    assert str(refused.value).endswith("Nothing was saved.")
    assert [v[0] for v in answers.answer_versions(ctx, CASHIER, "late-fee-utility")] == [1]


DOG_LICENSES = Referral(
    "animal-services", "Aurelia Animal Services",
    "Dog and cat licences, lost pets, barking complaints and adoptions.",
    phone="(303) 555-0177", address="5 Shelter Way, Aurelia, CO 80010", hours="Tue-Sat 10:00-5:00",
    web="https://aurelia.example/animals", keywords=("dog license", "pet", "kennel"),
)  # fmt: skip


def test_a_referral_is_added_found_changed_and_audited(ctx: ServiceContext) -> None:
    answers.save_referral(ctx, SUPERVISOR, DOG_LICENSES, new=True)
    found = answers.search_answers(ctx, CASHIER, "where do I license my dog")
    assert (found[0].kind, found[0].slug, found[0].title) == ("referral", "animal-services", "Aurelia Animal Services")
    assert found[0].department == "(303) 555-0177"  # the list shows a referral's phone
    assert answers.referral(ctx, CASHIER, "animal-services") == DOG_LICENSES

    moved = dataclasses.replace(DOG_LICENSES, address="90 Kennel Rd, Aurelia, CO 80011", hours="Mon-Fri 9:00-5:00")
    answers.save_referral(ctx, Operator("super2", Role.SUPERVISOR), moved)
    place = answers.referral(ctx, CASHIER, "animal-services")
    assert (place.address, place.hours, place.phone) == ("90 Kennel Rd, Aurelia, CO 80011", "Mon-Fri 9:00-5:00",
                                                         "(303) 555-0177")  # fmt: skip
    assert answers.search_answers(ctx, CASHIER, "kennel")[0].slug == "animal-services"
    with pytest.raises(ServiceError, match="There is a referral 'animal-services' already"):
        answers.save_referral(ctx, SUPERVISOR, DOG_LICENSES, new=True)
    with pytest.raises(ServiceError, match="may not change the referral directory"):
        answers.save_referral(ctx, CASHIER, DOG_LICENSES)
    with sqlite3.connect(ctx.db.path) as con:  # type: ignore[arg-type]
        events = con.execute("SELECT user, details FROM audit_events WHERE event_type = 'referral_saved' "
                             "AND object = 'referral animal-services' ORDER BY seq").fetchall()  # fmt: skip
    con.close()
    assert [(user, json.loads(details)) for user, details in events] == [
        ("super1", {"name": "Aurelia Animal Services", "changed": ["first version"]}),
        ("super2", {"name": "Aurelia Animal Services", "changed": ["address", "hours"]}),
    ]
    assert verify_audit(ctx).chain.ok


@pytest.mark.parametrize(
    ("values", "said"),
    [
        ({"name": ""}, "Give the referral the name of the department or agency"),
        ({"handles": " "}, "Say what the office handles"),
        ({"phone": "", "address": "", "web": ""}, "Give a phone number, an address or a web address"),
        ({"web": "www.aurelia.example"}, "The web address must start with http:// or https://"),
        ({"hours": "Mon\tFri"}, "The hours holds a control character"),
        ({"slug": "animal_services"}, "The id 'animal_services' is not usable"),
        ({"keywords": ("x" * 61,)}, "Keep the keyword under 60 characters"),
    ],
)
def test_a_referral_that_cannot_be_kept_is_refused_in_words(ctx: ServiceContext, values: dict[str, object],
                                                             said: str) -> None:  # fmt: skip
    with pytest.raises(ServiceError, match=re.escape(said)):
        answers.save_referral(ctx, SUPERVISOR, dataclasses.replace(DOG_LICENSES, **values))  # type: ignore[arg-type]
    assert "animal-services" not in {f.slug for f in answers.search_answers(ctx, CASHIER, "kennel dog")}


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
