"""What a supervisor may write into an answer or a referral, said in their words, and what changed
from one version to the next (the history beside an answer).

Pure rules: `answer_problem` and `referral_problem` name the first thing wrong (None when it may be
kept); `slug_from` makes an id from a title; `changed_fields` names the parts that differ.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import fields

from cashdesk.domain.answers import SLUG, TOPICS, Answer, Entry, Referral
from cashdesk.domain.cards import contains_card_number
from cashdesk.domain.text import bad_character
from cashdesk.words import QT_TRANSLATE_NOOP, translate

#: Longest parts: a title fits a list line, a text fits a handout page or two.
TITLE_LIMIT = 120
LINE_LIMIT = 300
TEXT_LIMIT = 20_000
KEYWORD_LIMIT = 60
KEYWORDS_MAX = 40

_LINK = re.compile(r"^https?://\S+$")

#: What the history says of a first version, and for each part that changed (English, as the audit
#: trail keeps them; `field_shown` says them in the window's language).
FIRST_VERSION = QT_TRANSLATE_NOOP("answer_rules", "first version")
FIELD_LABELS = {
    "slug": QT_TRANSLATE_NOOP("answer_rules", "id"),
    "title": QT_TRANSLATE_NOOP("answer_rules", "title"),
    "name": QT_TRANSLATE_NOOP("answer_rules", "name"),
    "question": QT_TRANSLATE_NOOP("answer_rules", "question"),
    "body": QT_TRANSLATE_NOOP("answer_rules", "text"),
    "handles": QT_TRANSLATE_NOOP("answer_rules", "what it handles"),
    "citation": QT_TRANSLATE_NOOP("answer_rules", "citation"),
    "link": QT_TRANSLATE_NOOP("answer_rules", "link"),
    "effective_on": QT_TRANSLATE_NOOP("answer_rules", "effective date"),
    "review_on": QT_TRANSLATE_NOOP("answer_rules", "review date"),
    "department": QT_TRANSLATE_NOOP("answer_rules", "department"),
    "keywords": QT_TRANSLATE_NOOP("answer_rules", "keywords"),
    "applies_to": QT_TRANSLATE_NOOP("answer_rules", "accounts it belongs beside"),
    "phone": QT_TRANSLATE_NOOP("answer_rules", "phone"),
    "address": QT_TRANSLATE_NOOP("answer_rules", "address"),
    "hours": QT_TRANSLATE_NOOP("answer_rules", "hours"),
    "web": QT_TRANSLATE_NOOP("answer_rules", "web address"),
    "sample": QT_TRANSLATE_NOOP("answer_rules", "sample mark"),
}


def _line_problem(value: str, what: str, limit: int, *, required: str = "") -> str | None:
    if not value.strip():
        return required or None
    if len(value) > limit:
        return translate("answer_rules", "Keep the {what} under {limit} characters.").format(what=what, limit=limit)
    found = bad_character(value)
    if found is not None:
        return translate(
            "answer_rules", "The {what} holds {found}: it is one line of plain text. Clear it and type it again."
        ).format(what=what, found=found)
    if contains_card_number(value):
        return translate("answer_rules", "The {what} holds what looks like a card number: never keep one.").format(
            what=what
        )
    return None


def _text_problem(value: str, what: str, *, required: str) -> str | None:
    if not value.strip():
        return required
    if len(value) > TEXT_LIMIT:
        return translate(
            "answer_rules", "Keep the {what} under {limit:,} characters: it is read out at the window, not a manual."
        ).format(what=what, limit=TEXT_LIMIT)
    found = bad_character(value, multiline=True)
    if found is not None:
        return translate(
            "answer_rules", "The {what} holds {found}, which cannot be printed or kept. Clear it and type it again."
        ).format(what=what, found=found)
    if contains_card_number(value):
        return translate("answer_rules", "The {what} holds what looks like a card number: never keep one.").format(
            what=what
        )
    return None


def _slug_problem(slug: str) -> str | None:
    if SLUG.match(slug):
        return None
    return translate(
        "answer_rules",
        "The id {slug!r} is not usable: 1 to 80 lower-case letters, digits and dashes, like shut-off-notice.",
    ).format(slug=slug)


def _keywords_problem(keywords: tuple[str, ...]) -> str | None:
    if len(keywords) > KEYWORDS_MAX:
        return translate("answer_rules", "At most {most} keywords: keep the words customers really use.").format(
            most=KEYWORDS_MAX
        )
    for word in keywords:
        if "," in word:
            return translate("answer_rules", "Separate keywords with commas; a keyword holds none.")
        problem = _line_problem(word, translate("answer_rules", "keyword"), KEYWORD_LIMIT)
        if problem:
            return problem
    return None


def _link_problem(link: str, what: str) -> str | None:
    if link and not _LINK.match(link):
        return translate(
            "answer_rules",
            "The {what} must start with http:// or https:// and hold no spaces, like https://aurelia.example/code.",
        ).format(what=what)
    return _line_problem(link, what, LINE_LIMIT)


def _first(*problems: str | None) -> str | None:
    return next((problem for problem in problems if problem), None)


def answer_problem(answer: Answer) -> str | None:
    """The first thing a supervisor must put right before the answer is kept; None when it may be."""
    return _first(
        _slug_problem(answer.slug),
        _line_problem(answer.title, translate("answer_rules", "title"), TITLE_LIMIT,
                      required=translate("answer_rules", "Give the answer a title: what it is about, as the list "
                                                         "shows it.")),
        _line_problem(answer.question, translate("answer_rules", "question"), LINE_LIMIT),
        _text_problem(answer.body, translate("answer_rules", "answer's text"),
                      required=translate("answer_rules", "Write the answer itself: what to tell the customer.")),
        _line_problem(answer.citation, translate("answer_rules", "citation"), LINE_LIMIT),
        _link_problem(answer.link, translate("answer_rules", "link")),
        _line_problem(answer.department, translate("answer_rules", "department"), TITLE_LIMIT),
        _keywords_problem(answer.keywords),
        _topics_problem(answer.applies_to),
        _dates_problem(answer),
    )  # fmt: skip


def _topics_problem(topics: tuple[str, ...]) -> str | None:
    wrong = [t for t in topics if t not in TOPICS]
    if wrong:
        return translate(
            "answer_rules", "{topic!r} is not a kind of account an answer can belong beside; use {topics}."
        ).format(topic=wrong[0], topics=", ".join(TOPICS))
    return None


def _dates_problem(answer: Answer) -> str | None:
    if answer.effective_on and answer.review_on and answer.review_on < answer.effective_on:
        return translate(
            "answer_rules",
            "The review date comes before the effective date: review it on or after the day it takes effect.",
        )
    return None


def referral_problem(referral: Referral) -> str | None:
    """The first thing to put right in a referral before it is kept; None when it may be."""
    reachable = referral.phone.strip() or referral.address.strip() or referral.web.strip()
    return _first(
        _slug_problem(referral.slug),
        _line_problem(referral.name, translate("answer_rules", "name"), TITLE_LIMIT,
                      required=translate("answer_rules", "Give the referral the name of the department or agency.")),
        _text_problem(referral.handles, translate("answer_rules", "text of what it handles"),
                      required=translate("answer_rules", "Say what the office handles, so a search finds it.")),
        _line_problem(referral.phone, translate("answer_rules", "phone"), 40),
        _line_problem(referral.address, translate("answer_rules", "address"), LINE_LIMIT),
        _line_problem(referral.hours, translate("answer_rules", "hours"), LINE_LIMIT),
        _link_problem(referral.web, translate("answer_rules", "web address")),
        _keywords_problem(referral.keywords),
        None if reachable else translate("answer_rules", "Give a phone number, an address or a web address: the "
                                                         "customer must be able to reach them."),
    )  # fmt: skip


def slug_from(title: str) -> str:
    """An id made from a title: "Late fee on a utility bill" -> late-fee-on-a-utility-bill."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", plain)
    slug = ""
    for word in words:
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > 80:
            break
        slug = longer
    return slug


def keywords_from(text: str) -> tuple[str, ...]:
    """Keywords as typed: separated by commas, each trimmed, empty ones left out."""
    return tuple(part.strip() for part in text.split(",") if part.strip())


def topics_from(text: str) -> tuple[str, ...]:
    """Topics as typed: separated by spaces or commas."""
    return tuple(part for part in re.split(r"[\s,]+", text.strip()) if part)


def field_shown(label: str) -> str:
    """A part's name from `changed_fields` in the window's language."""
    return translate("answer_rules", label)


def changed_fields(before: Entry | None, after: Entry) -> tuple[str, ...]:
    """The parts of `after` that differ from `before`, as the history names them ("first version"
    when there is none before it)."""
    names = [f.name for f in fields(after) if f.name != "slug"]
    if before is None or type(before) is not type(after):
        return (FIRST_VERSION,)
    return tuple(FIELD_LABELS.get(name, name) for name in names if getattr(before, name) != getattr(after, name))
