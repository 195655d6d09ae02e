"""The one way answers and referrals are written (with their versions and the full-text index),
and their search: FTS5 ranked by bm25, in plain SQL so the benchmark runs the same text raw."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlalchemy import Connection, or_, select
from sqlalchemy.orm import Session

from cashdesk.domain.answers import Answer, Referral, to_markdown
from cashdesk.store.models_answers import AnswerRow, AnswerVersionRow, ReferralRow

#: bm25 weights of title, question, keywords, body: a word in the title or the keywords says more
#: about what the entry is for than one in the text.
SEARCH_SQL = (
    "SELECT rowid, bm25(answer_fts, 10.0, 6.0, 8.0, 1.0) AS score FROM answer_fts "
    "WHERE answer_fts MATCH ? ORDER BY score LIMIT ?"
)
LIKE_SQL = (  # other databases until they get their own index
    "SELECT id * 2 AS rowid FROM answers WHERE lower(title) LIKE ? OR lower(question) LIKE ? "
    "OR lower(keywords) LIKE ? UNION ALL SELECT id * 2 + 1 FROM referrals WHERE lower(name) LIKE ? "
    "OR lower(handles) LIKE ? OR lower(keywords) LIKE ? LIMIT ?"
)


#: The ranked ids with what a list shows of each, in one statement (the benchmark's baseline is
#: SEARCH_SQL alone). Rowid 2 × id is an answer, 2 × id + 1 a referral.
FOUND_SQL = (
    f"SELECT f.rowid, a.slug, a.title, a.question, a.department, a.review_on, r.slug, r.name, r.handles, r.phone "
    f"FROM ({SEARCH_SQL}) f "
    "LEFT JOIN answers a ON f.rowid % 2 = 0 AND a.id = f.rowid / 2 "
    "LEFT JOIN referrals r ON f.rowid % 2 = 1 AND r.id = f.rowid / 2 ORDER BY f.score"
)


class Hit(NamedTuple):
    kind: str  # answer or referral
    slug: str
    title: str  # an answer's title, a referral's name
    summary: str  # the question, or what the office handles
    department: str  # an answer's department, a referral's phone
    review_on: str | None  # YYYY-MM-DD


def fts_rowid(kind: str, entry_id: int) -> int:
    return entry_id * 2 + (1 if kind == "referral" else 0)


def search(conn: Connection, expression: str, words: Sequence[str], limit: int) -> list[Hit]:
    """Answers and referrals matching the FTS5 `expression`, best first."""
    if conn.dialect.name == "sqlite":
        raw: Any = conn.connection.driver_connection  # one statement at driver level: F1 answers at once
        rows = raw.execute(FOUND_SQL, (expression, limit)).fetchall()
    else:
        pattern = f"%{' '.join(words)}%"
        found = f"SELECT f.rowid, a.slug, a.title, a.question, a.department, a.review_on, r.slug, r.name, " \
                f"r.handles, r.phone FROM ({LIKE_SQL}) f LEFT JOIN answers a ON a.id * 2 = f.rowid " \
                "LEFT JOIN referrals r ON r.id * 2 + 1 = f.rowid"  # fmt: skip
        rows = conn.exec_driver_sql(found.replace("?", "%s"), (pattern,) * 6 + (limit,)).fetchall()
    hits = []
    for rowid, a_slug, title, question, department, review_on, r_slug, name, handles, phone in rows:
        if rowid % 2 == 0 and a_slug is not None:
            hits.append(Hit("answer", a_slug, title, question, department, str(review_on) if review_on else None))
        elif r_slug is not None:
            hits.append(Hit("referral", r_slug, name, handles.split("\n\n")[-1][:160], phone, None))
    return hits


def _index(session: Session, rowid: int, title: str, question: str, keywords: str, body: str) -> None:
    if session.get_bind().dialect.name != "sqlite":
        return
    conn = session.connection()
    conn.exec_driver_sql("DELETE FROM answer_fts WHERE rowid = ?", (rowid,))
    conn.exec_driver_sql(
        "INSERT INTO answer_fts (rowid, title, question, keywords, body) VALUES (?, ?, ?, ?, ?)",
        (rowid, title, question, keywords, body),
    )


def answer_of(row: AnswerRow) -> Answer:
    return Answer(row.slug, row.title, row.question, row.body, row.citation, row.link, row.effective_on,
                  row.review_on, row.department, tuple(k for k in row.keywords.split(", ") if k),
                  tuple(row.applies_to.split()), bool(row.sample))  # fmt: skip


def referral_of(row: ReferralRow) -> Referral:
    return Referral(row.slug, row.name, row.handles, row.phone, row.address, row.hours, row.web,
                    tuple(k for k in row.keywords.split(", ") if k), bool(row.sample))  # fmt: skip


def save_answer(session: Session, answer: Answer, *, user: str, at: dt.datetime) -> AnswerRow:
    """Create or change an answer: a new version kept whole, the index brought up to date."""
    row = session.scalars(select(AnswerRow).where(AnswerRow.slug == answer.slug)).one_or_none()
    if row is None:
        row = AnswerRow(slug=answer.slug, version=0)
        session.add(row)
    row.title, row.question, row.body = answer.title, answer.question, answer.body
    row.citation, row.link, row.department = answer.citation, answer.link, answer.department
    row.effective_on, row.review_on = answer.effective_on, answer.review_on
    row.keywords, row.applies_to = ", ".join(answer.keywords), " ".join(answer.applies_to)
    row.sample, row.version = int(answer.sample), row.version + 1
    row.changed_by, row.changed_at = user, at
    session.flush()
    session.add(AnswerVersionRow(answer_id=row.id, version=row.version, content=to_markdown(answer),
                                 changed_by=user, changed_at=at))  # fmt: skip
    _index(session, fts_rowid("answer", row.id), answer.title, answer.question,
           " ".join(answer.keywords), answer.body)  # fmt: skip
    return row


def save_referral(session: Session, referral: Referral, *, user: str, at: dt.datetime) -> ReferralRow:
    row = session.scalars(select(ReferralRow).where(ReferralRow.slug == referral.slug)).one_or_none()
    if row is None:
        row = ReferralRow(slug=referral.slug)
        session.add(row)
    row.name, row.handles, row.phone, row.address = referral.name, referral.handles, referral.phone, referral.address
    row.hours, row.web, row.keywords = referral.hours, referral.web, ", ".join(referral.keywords)
    row.sample, row.changed_by, row.changed_at = int(referral.sample), user, at
    session.flush()
    _index(session, fts_rowid("referral", row.id), referral.name, "", " ".join(referral.keywords), referral.handles)
    return row


def answer_by_slug(session: Session, slug: str) -> AnswerRow | None:
    return session.scalars(select(AnswerRow).where(AnswerRow.slug == slug)).one_or_none()


def referral_by_slug(session: Session, slug: str) -> ReferralRow | None:
    return session.scalars(select(ReferralRow).where(ReferralRow.slug == slug)).one_or_none()


def all_answers(session: Session) -> list[AnswerRow]:
    return list(session.scalars(select(AnswerRow).order_by(AnswerRow.slug)))


def all_referrals(session: Session) -> list[ReferralRow]:
    return list(session.scalars(select(ReferralRow).order_by(ReferralRow.slug)))


def answers_about(session: Session, topics: Sequence[str]) -> list[AnswerRow]:
    """Answers that apply to any of `topics` (applies_to holds them space-separated)."""
    if not topics:
        return []
    padded = " " + AnswerRow.applies_to + " "
    return list(session.scalars(select(AnswerRow).where(or_(*(padded.contains(f" {t} ") for t in topics)))
                                .order_by(AnswerRow.slug)))  # fmt: skip


def versions(session: Session, answer_id: int) -> list[AnswerVersionRow]:
    return list(session.scalars(select(AnswerVersionRow).where(AnswerVersionRow.answer_id == answer_id)
                                .order_by(AnswerVersionRow.version)))  # fmt: skip
