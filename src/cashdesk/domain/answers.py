"""Answers and referrals as a city keeps them: one Markdown file each, with a small header.

Pure rules: reading and writing the file format (docs/formats.md), which words of a customer's
question a search looks for, which answers belong beside an account, and when one is due for review.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields

#: The topics an answer can apply to, and what an account must be for each (`account_topics`).
TOPICS = ("utility", "delinquent", "shut_off", "final", "sales_tax", "sales_tax_late")

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_HEADER_KEY = re.compile(r"^([a-z_]+):\s?(.*)$")
_WORD = re.compile(r"\w+", re.UNICODE)
#: Words a customer says that say nothing about what they ask ("how do I ...", "why was my ...").
_STOP_TEXT = (
    "a about am an and are as at be been but by can could did do does for from get got had has have how i "
    "if in is it its me my of on or our please so that the their them there this to was we what when "
    "where which who why will with would you your"
)
STOP_WORDS = frozenset(_STOP_TEXT.split())
ANSWER_KEYS = ("id", "title", "question", "citation", "link", "effective", "review", "department", "keywords",
               "applies_to", "sample")  # fmt: skip
REFERRAL_KEYS = ("id", "name", "phone", "address", "hours", "web", "keywords", "sample")
SAMPLE_NOTE = "SAMPLE TEXT for the fictional demo city: not a real city's ordinance or policy."


@dataclass(frozen=True, slots=True)
class Answer:
    slug: str
    title: str
    question: str = ""
    body: str = ""
    citation: str = ""
    link: str = ""
    effective_on: dt.date | None = None
    review_on: dt.date | None = None
    department: str = ""
    keywords: tuple[str, ...] = ()
    applies_to: tuple[str, ...] = ()
    sample: bool = False

    def review_due(self, today: dt.date) -> bool:
        """Past its review date (or on it): shown marked, to be checked by a supervisor."""
        return self.review_on is not None and self.review_on <= today


@dataclass(frozen=True, slots=True)
class Referral:
    slug: str
    name: str
    handles: str = ""
    phone: str = ""
    address: str = ""
    hours: str = ""
    web: str = ""
    keywords: tuple[str, ...] = ()
    sample: bool = False


Entry = Answer | Referral


def same_content(a: Entry, b: Entry) -> bool:
    return type(a) is type(b) and all(getattr(a, f.name) == getattr(b, f.name) for f in fields(a))


# -- the file format ----------------------------------------------------------------------------


def _split(text: str) -> tuple[dict[str, str], str]:
    lines = text.replace("\r\n", "\n").lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        raise ValueError("it does not start with a header: a line of three dashes (---), then key: value lines")
    header: dict[str, str] = {}
    for n, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            return header, "\n".join(lines[n:]).strip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _HEADER_KEY.match(line)
        if match is None:
            raise ValueError(f"line {n} of the header is not key: value ({line.strip()[:40]!r})")
        key, value = match.groups()
        if key in header:
            raise ValueError(f"line {n}: {key} is given twice")
        header[key] = value.strip()
    raise ValueError("the header has no closing line of three dashes (---)")


def _date(header: dict[str, str], key: str) -> dt.date | None:
    value = header.get(key, "")
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{key}: {value!r} is not a date; write it as YYYY-MM-DD") from None


def _list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _yes(header: dict[str, str], key: str) -> bool:
    value = header.get(key, "").lower()
    if value not in ("", "yes", "no", "true", "false"):
        raise ValueError(f"{key}: write yes or no, not {value!r}")
    return value in ("yes", "true")


def parse_entry(text: str) -> Entry:
    """An answer or a referral from its Markdown file; ValueError saying what is wrong."""
    header, body = _split(text)
    kind = header.pop("kind", "")
    known = {"answer": ANSWER_KEYS, "referral": REFERRAL_KEYS}.get(kind)
    if known is None:
        raise ValueError("kind: write answer or referral")
    unknown = sorted(set(header) - set(known))
    if unknown:
        raise ValueError(f"unknown header key {unknown[0]!r}; a {kind} has {', '.join(known)}")
    slug = header.get("id", "")
    if not SLUG.match(slug):
        raise ValueError("id: 1 to 80 lower-case letters, digits and dashes, like shut-off-notice")
    if kind == "referral":
        if not header.get("name"):
            raise ValueError("name: a referral needs the name of the department or agency")
        return Referral(slug, header["name"], body, header.get("phone", ""), header.get("address", ""),
                        header.get("hours", ""), header.get("web", ""), _list(header.get("keywords", "")),
                        _yes(header, "sample"))  # fmt: skip
    if not header.get("title"):
        raise ValueError("title: an answer needs a title")
    topics = _list(header.get("applies_to", ""))
    wrong = [t for t in topics if t not in TOPICS]
    if wrong:
        raise ValueError(f"applies_to: {wrong[0]!r} is not a topic; use {', '.join(TOPICS)}")
    return Answer(slug, header["title"], header.get("question", ""), body, header.get("citation", ""),
                  header.get("link", ""), _date(header, "effective"), _date(header, "review"),
                  header.get("department", ""), _list(header.get("keywords", "")), topics,
                  _yes(header, "sample"))  # fmt: skip


def _one_line(value: str) -> str:
    return " ".join(value.split())


def to_markdown(entry: Entry) -> str:
    """The file for `entry`: the header (only keys with a value), a blank line, then the text."""
    if isinstance(entry, Answer):
        pairs = [("kind", "answer"), ("id", entry.slug), ("title", entry.title), ("question", entry.question),
                 ("citation", entry.citation), ("link", entry.link),
                 ("effective", entry.effective_on.isoformat() if entry.effective_on else ""),
                 ("review", entry.review_on.isoformat() if entry.review_on else ""),
                 ("department", entry.department), ("keywords", ", ".join(entry.keywords)),
                 ("applies_to", ", ".join(entry.applies_to))]  # fmt: skip
        body = entry.body
    else:
        pairs = [("kind", "referral"), ("id", entry.slug), ("name", entry.name), ("phone", entry.phone),
                 ("address", entry.address), ("hours", entry.hours), ("web", entry.web),
                 ("keywords", ", ".join(entry.keywords))]  # fmt: skip
        body = entry.handles
    if entry.sample:
        pairs.append(("sample", "yes"))
    header = "\n".join(f"{key}: {_one_line(value)}" for key, value in pairs if value)
    return f"---\n{header}\n---\n\n{body.strip()}\n"


# -- searching ----------------------------------------------------------------------------------


def search_words(query: str) -> list[str]:
    """The words of a question worth looking for: lower case, no stop words, each once."""
    words: list[str] = []
    for word in _WORD.findall(query.lower()):
        if word not in STOP_WORDS and word not in words:
            words.append(word)
    return words


def fts_query(query: str) -> str | None:
    """Any of the words, quoted so nothing is FTS5 syntax; bm25 ranks the rows that hold more of
    them, and rarer ones, first. None when nothing is left to look for.

    Whole words, not prefixes: the index stems them (porter: "penalties" finds "penalty"), and a
    prefix gathers every word that starts with it, which bm25 then has to rank: twice the time on
    5,000 entries. A word of one or two letters is too short to say anything and is left out."""
    words = [word for word in search_words(query) if len(word) > 2 or word.isdigit()]
    if not words:
        return None
    return " OR ".join(f'"{word}"' for word in words[:12])


def account_topics(kind: str, status: str, past_due_cents: int) -> frozenset[str]:
    """The topics of an account: what the answers beside it should be about."""
    topics: set[str] = set()
    if kind == "utility":
        topics.add("utility")
        if past_due_cents > 0:
            topics.add("delinquent")
        if status == "shut_off":
            topics.update(("shut_off", "delinquent"))
        if status == "final":
            topics.add("final")
    elif kind == "sales_tax":
        topics.add("sales_tax")
        if past_due_cents > 0:
            topics.add("sales_tax_late")
    return frozenset(topics)


def relevance_to_account(answer: Answer, topics: frozenset[str]) -> int:
    """How many of the account's topics the answer is about; 0: not shown beside it. A topic that
    marks trouble (delinquent, shut off, late) counts more than the account's kind alone."""
    return sum(_TOPIC_WEIGHTS[topic] for topic in answer.applies_to if topic in topics)


#: What an answer about each topic is worth beside an account that has it: the state the account is
#: in (shut off, a final bill) before being behind, before its kind alone.
_TOPIC_WEIGHTS = {"shut_off": 5, "final": 5, "delinquent": 3, "sales_tax_late": 3, "utility": 1, "sales_tax": 1}
