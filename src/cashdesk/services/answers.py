"""Answers at the counter (issue 19): search answers and referrals, show one, the answers that
belong beside an account, and a supervisor's change (a new version, audited).

Files in and out, the starter set, printing and the PDF handout are in services/answer_files.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cashdesk.domain.answer_rules import answer_problem, changed_fields, referral_problem
from cashdesk.domain.answers import (
    Answer,
    Referral,
    account_topics,
    fts_query,
    parse_entry,
    relevance_to_account,
    search_words,
)
from cashdesk.domain.security import Permission
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.store import answers as store
from cashdesk.store.models_answers import AnswerRow
from cashdesk.words import translate

#: Longest search text: a customer's question, not a page.
MAX_QUERY = 200


@dataclass(frozen=True, slots=True)
class Found:
    """One search result: an answer or a referral, with what the list shows of it."""

    kind: str  # answer or referral
    slug: str
    title: str  # an answer's title, a referral's name
    summary: str  # the question, or what the department handles
    department: str  # an answer's department, a referral's phone
    review_due: bool = False

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind, "id": self.slug, "title": self.title, "summary": self.summary,
                "department": self.department, "review_due": self.review_due}  # fmt: skip


@dataclass(frozen=True, slots=True)
class AnswerView:
    answer: Answer
    version: int
    changed_by: str
    changed_at: dt.datetime
    review_due: bool


def _found_answer(row: AnswerRow, today: dt.date) -> Found:
    due = row.review_on is not None and row.review_on <= today
    return Found("answer", row.slug, row.title, row.question, row.department, due)


def search_answers(ctx: ServiceContext, operator: Operator, query: str, *, limit: int | None = None) -> list[Found]:
    """Answers and referrals for a customer's words, best first (bm25 over title, question,
    keywords and text). An empty search, or one of only common words, finds nothing."""
    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("answers", "search the answers"))
    if len(query) > MAX_QUERY:
        raise ServiceError(
            translate(
                "answers", "A search is at most {MAX_QUERY} characters: type a few words of the question."
            ).format(MAX_QUERY=MAX_QUERY)
        )
    expression = fts_query(query)
    if expression is None:
        return []
    limit = limit or ctx.settings.answers.limit
    today = ctx.today().isoformat()
    with ctx.db.read() as conn:
        hits = store.search(conn, expression, search_words(query), limit)
    return [Found(h.kind, h.slug, h.title, h.summary, h.department, h.review_on is not None and h.review_on <= today)
            for h in hits]  # fmt: skip


def answer_view(ctx: ServiceContext, operator: Operator, slug: str) -> AnswerView:
    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("answers", "read the answers"))
    with ctx.db.unit_of_work(write=False) as uow:
        row = store.answer_by_slug(uow.session, slug)
        if row is None:
            raise ServiceError(translate("answers", "There is no answer {slug!r}.").format(slug=slug))
        answer = store.answer_of(row)
        return AnswerView(answer, row.version, row.changed_by, row.changed_at, answer.review_due(ctx.today()))


def referral(ctx: ServiceContext, operator: Operator, slug: str) -> Referral:
    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("answers", "read the referral directory"))
    with ctx.db.unit_of_work(write=False) as uow:
        row = store.referral_by_slug(uow.session, slug)
        if row is None:
            raise ServiceError(translate("answers", "There is no referral {slug!r}.").format(slug=slug))
        return store.referral_of(row)


def answer_versions(ctx: ServiceContext, operator: Operator, slug: str) -> list[tuple[int, str, dt.datetime, str]]:
    """Every version of an answer, oldest first: (version, who, when, its Markdown file)."""
    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("answers", "read the answers"))
    with ctx.db.unit_of_work(write=False) as uow:
        row = store.answer_by_slug(uow.session, slug)
        if row is None:
            raise ServiceError(translate("answers", "There is no answer {slug!r}.").format(slug=slug))
        return [(v.version, v.changed_by, v.changed_at, v.content) for v in store.versions(uow.session, row.id)]


@dataclass(frozen=True, slots=True)
class AnswerVersion:
    """One version of an answer as it was kept: who saved it, when, and what it changed."""

    version: int
    changed_by: str
    changed_at: dt.datetime  # UTC
    answer: Answer
    changed: tuple[str, ...]  # the parts that differ from the version before ("first version")


def answer_history(ctx: ServiceContext, operator: Operator, slug: str) -> list[AnswerVersion]:
    """Every version of an answer, newest first, each with what it changed."""
    history: list[AnswerVersion] = []
    before: Answer | None = None
    for version, by, at, content in answer_versions(ctx, operator, slug):
        entry = parse_entry(content)
        assert isinstance(entry, Answer)  # a version is kept as the answer's own file
        history.append(AnswerVersion(version, by, at, entry, changed_fields(before, entry)))
        before = entry
    return history[::-1]


def answers_for_account(ctx: ServiceContext, operator: Operator, *, kind: str, status: str,
                        past_due_cents: int, limit: int = 4) -> list[Found]:  # fmt: skip
    """The answers to have at hand beside an account: a delinquent utility account's shut-off and
    arrangement policies, a sales-tax account's filing and penalties; most to the point first."""
    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("answers", "read the answers"))
    topics = account_topics(kind, status, past_due_cents)
    if not topics:
        return []
    today = ctx.today()
    with ctx.db.unit_of_work(write=False) as uow:
        scored = []
        for row in store.answers_about(uow.session, sorted(topics)):
            answer = store.answer_of(row)
            score = relevance_to_account(answer, topics)
            if score:  # ties: the answer about fewer topics is the more specific
                scored.append((-score, len(answer.applies_to), row.slug, _found_answer(row, today)))
    return [entry[-1] for entry in sorted(scored, key=lambda e: e[:3])[:limit]]


def save_answer(ctx: ServiceContext, operator: Operator, answer: Answer, *, based_on: int | None = None) -> int:
    """A supervisor creates or changes an answer: kept as a new version, audited. Its version.

    `based_on` is the version the change was made from (0: a new answer), so that a change made
    meanwhile by someone else is not written over; None takes the answer as it comes (an import)."""
    operator.require(Permission.EDIT_ANSWERS, translate("answers", "change the answers"))
    problem = answer_problem(answer)
    if problem:
        raise ServiceError(translate("answers", "{problem} Nothing was saved.").format(problem=problem))
    with ctx.db.unit_of_work() as uow:
        current = store.answer_by_slug(uow.session, answer.slug)
        if based_on is not None:
            _check_based_on(current.version if current else 0, based_on, current.changed_by if current else "",
                            translate("answers", "an answer {slug!r}").format(slug=answer.slug))  # fmt: skip
        row = store.save_answer(uow.session, answer, user=operator.user_id, at=ctx.now().replace(tzinfo=None))
        audit.record(uow.session, user=operator.user_id, station=ctx.station, event_type="answer_saved",
                     object=f"answer {answer.slug}", details={"version": row.version, "title": answer.title},
                     at=ctx.now())  # fmt: skip
        uow.commit()
        return row.version


def _check_based_on(version: int, based_on: int, by: str, what: str) -> None:
    if version == based_on:
        return
    if based_on == 0:
        raise ServiceError(
            translate(
                "answers",
                "There is {what} already: choose it in the list and change it, or give this one another "
                "id. Nothing was saved.",
            ).format(what=what)
        )
    raise ServiceError(
        translate(
            "answers",
            "{by} saved version {version} while you were changing version {based_on}: close this, "
            "open it again and make your change there. Nothing was saved.",
        ).format(by=by, version=version, based_on=based_on)
    )


def save_referral(ctx: ServiceContext, operator: Operator, entry: Referral, *, new: bool = False) -> None:
    """A supervisor adds (`new`: refused if the id is taken) or changes a referral; audited with
    the parts that changed."""
    operator.require(Permission.EDIT_ANSWERS, translate("answers", "change the referral directory"))
    problem = referral_problem(entry)
    if problem:
        raise ServiceError(translate("answers", "{problem} Nothing was saved.").format(problem=problem))
    with ctx.db.unit_of_work() as uow:
        current = store.referral_by_slug(uow.session, entry.slug)
        if new and current is not None:
            _check_based_on(1, 0, "", translate("answers", "a referral {slug!r}").format(slug=entry.slug))
        changed = changed_fields(store.referral_of(current) if current else None, entry)
        store.save_referral(uow.session, entry, user=operator.user_id, at=ctx.now().replace(tzinfo=None))
        audit.record(uow.session, user=operator.user_id, station=ctx.station, event_type="referral_saved",
                     object=f"referral {entry.slug}", details={"name": entry.name, "changed": list(changed)},
                     at=ctx.now())  # fmt: skip
        uow.commit()
