"""The answers' file format and search words, and the supplies' arithmetic (no database)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cashdesk.domain.answer_rules import (
    answer_problem,
    changed_fields,
    keywords_from,
    referral_problem,
    slug_from,
    topics_from,
)
from cashdesk.domain.answers import SLUG as SLUG_RULE
from cashdesk.domain.answers import Answer, Referral, account_topics, fts_query, parse_entry, to_markdown
from cashdesk.domain.supplies import MovementKind, StockLevel, lines_per_roll, paper_left_percent, signed_quantity

ANSWER = Answer("shut-off", "When is water shut off?", "Why was my water turned off?", "First.\n\nSecond.",
                "Code § 1", "https://city.example/1", dt.date(2026, 1, 1), dt.date(2027, 1, 1), "Utility Billing",
                ("shut off", "disconnect"), ("delinquent", "shut_off"), sample=True)  # fmt: skip


def test_an_answer_and_a_referral_survive_the_file_format() -> None:
    text = to_markdown(ANSWER)
    assert text.startswith("---\nkind: answer\nid: shut-off\ntitle: When is water shut off?\n")
    assert "\nreview: 2027-01-01\n" in text and "\nsample: yes\n---\n\nFirst.\n\nSecond.\n" in text
    assert parse_entry(text) == ANSWER
    place = Referral("court", "Municipal Court", "Tickets and fines.", "(303) 555-0140", keywords=("ticket",))
    assert parse_entry(to_markdown(place)) == place


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("kind: answer\n", "does not start with a header"),
        ("---\nkind: answer\nid: x\ntitle: t\n", "no closing line"),
        ("---\nkind: memo\n---\n", "kind: write answer or referral"),
        ("---\nkind: answer\nid: Not Ok\ntitle: t\n---\n", "id: 1 to 80 lower-case"),
        ("---\nkind: answer\nid: ok\n---\n", "title: an answer needs a title"),
        ("---\nkind: answer\nid: ok\ntitle: t\nreview: 31/12/2026\n---\n", "review: '31/12/2026' is not a date"),
        ("---\nkind: answer\nid: ok\ntitle: t\napplies_to: parking\n---\n", "'parking' is not a topic"),
        ("---\nkind: answer\nid: ok\ntitle: t\ncolour: red\n---\n", "unknown header key 'colour'"),
        ("---\nkind: answer\nid: ok\nid: ok\n---\n", "line 4: id is given twice"),
    ],
)
def test_a_bad_file_is_refused_in_words(text: str, said: str) -> None:
    with pytest.raises(ValueError, match=said):
        parse_entry(text)


def test_the_search_looks_for_the_words_that_matter_and_nothing_is_fts_syntax() -> None:
    assert fts_query("Why was my water turned OFF?") == '"water" OR "turned" OR "off"'
    assert fts_query('water" OR NEAR(x') == '"water" OR "near"'
    assert fts_query("why is it so") is None


@given(st.text(max_size=60))
def test_any_text_gives_a_query_of_quoted_words_only(text: str) -> None:
    query = fts_query(text)
    if query is not None:
        for term in query.split(" OR "):
            assert term.startswith('"') and term.endswith('"') and '"' not in term[1:-1]


def test_an_accounts_topics_follow_its_kind_and_state() -> None:
    assert account_topics("utility", "active", 0) == {"utility"}
    assert account_topics("utility", "active", 100) == {"utility", "delinquent"}
    assert account_topics("utility", "shut_off", 0) == {"utility", "delinquent", "shut_off"}
    assert account_topics("sales_tax", "active", 5) == {"sales_tax", "sales_tax_late"}


def test_movements_and_the_reorder_point() -> None:
    assert signed_quantity(MovementKind.RECEIVED, 5, 0) == 5
    assert signed_quantity(MovementKind.ISSUED, 2, 5) == -2
    assert signed_quantity(MovementKind.COUNTED, 3, 5) == -2
    with pytest.raises(ValueError, match="only 1 on hand"):
        signed_quantity(MovementKind.DAMAGED, 2, 1)
    with pytest.raises(ValueError, match="1 or more"):
        signed_quantity(MovementKind.RECEIVED, 0, 1)
    # 60 used in 30 days (2 a day), 7 lead days, minimum 10: reorder at 24 or fewer.
    level = StockLevel("X", "x", "each", 24, 10, 50, 7, 60)
    assert level.needs_reorder and level.reorder == 50 + 14 - 24 and level.daily_use_hundredths == 200
    assert not StockLevel("X", "x", "each", 25, 10, 50, 7, 60).needs_reorder


def test_paper_on_a_roll() -> None:
    assert lines_per_roll(80, 38) == 21052
    assert paper_left_percent(0, 21052) == 100 and paper_left_percent(20000, 21052) == 5


def test_the_demo_citys_answers_and_referrals_may_be_kept_as_they_are() -> None:
    folder = Path(__file__).parents[3] / "resources" / "answers"
    entries = [parse_entry(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.md"))]
    assert len(entries) == 18
    for entry in entries:
        problem = answer_problem(entry) if isinstance(entry, Answer) else referral_problem(entry)
        assert problem is None, (entry.slug, problem)
    assert answer_problem(ANSWER) is None


def test_an_id_from_a_title_and_the_parts_a_version_changed() -> None:
    assert slug_from("Late fee on a utility bill?") == "late-fee-on-a-utility-bill"
    assert slug_from("Permis de construcción") == "permis-de-construccion"
    assert len(slug_from("word " * 40)) <= 80 and SLUG_RULE.match(slug_from("word " * 40))
    later = dataclasses.replace(ANSWER, body="Only this.", review_on=dt.date(2028, 1, 1))
    assert changed_fields(ANSWER, later) == ("text", "review date")
    assert changed_fields(None, ANSWER) == ("first version",)
    assert changed_fields(ANSWER, ANSWER) == ()
    assert keywords_from(" shut off, , disconnect ,door tag") == ("shut off", "disconnect", "door tag")
    assert topics_from("delinquent, shut_off  utility") == ("delinquent", "shut_off", "utility")
