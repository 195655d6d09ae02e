"""Account search: account number (exact or prefix), phone, name and service address.

The statements are plain SQL so that the benchmark can run exactly the same text
through the bare sqlite3 module and compare.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from sqlalchemy import Connection

#: The columns every search returns, in order. The balance is what is owed less any credit.
RESULT_COLUMNS = (
    "a.id, a.number, a.kind, a.name, a.service_address, a.phone, a.status, "
    "COALESCE((SELECT SUM(o.amount_cents - o.paid_cents) FROM open_items o WHERE o.account_id = a.id), 0) "
    "- a.credit_cents AS balance_cents"
)

NUMBER_PREFIX_SQL = (
    f"SELECT {RESULT_COLUMNS} FROM accounts a WHERE a.number >= ? AND a.number < ? ORDER BY a.number LIMIT ?"
)
PHONE_PREFIX_SQL = (
    f"SELECT {RESULT_COLUMNS} FROM accounts a "
    "WHERE a.phone_digits >= ? AND a.phone_digits < ? ORDER BY a.phone_digits, a.number LIMIT ?"
)
# Names and addresses through the full-text indexes, without bm25 ranking: ranking scores
# every match, 10-20 ms for a street of thousands of accounts at city scale, while taking
# the first matches is under a millisecond. Order comes from three statements, best kind
# first: every word in the name (the names' own index), every word in the service address,
# then the rest.
TEXT_SQL = (
    f"SELECT {RESULT_COLUMNS} FROM "
    "(SELECT rowid AS id FROM account_fts WHERE account_fts MATCH ? LIMIT ?) m "
    "JOIN accounts a ON a.id = m.id ORDER BY a.number"
)
NAME_SQL = (  # names alone: their own index (schema 0017), not account_fts's name column
    f"SELECT {RESULT_COLUMNS} FROM "
    "(SELECT rowid AS id FROM account_name_fts WHERE account_name_fts MATCH ? LIMIT ?) m "
    "JOIN accounts a ON a.id = m.id ORDER BY a.number"
)
LIKE_SQL = (  # other databases until they get their own index
    f"SELECT {RESULT_COLUMNS} FROM accounts a "
    "WHERE lower(a.name) LIKE ? OR lower(a.service_address) LIKE ? ORDER BY a.name, a.number LIMIT ?"
)

_WORD = re.compile(r"\w+", re.UNICODE)
_PHONE_CHARS = re.compile(r"^[\d\s()+.\-]+$")


class SearchRow(NamedTuple):
    id: int
    number: str
    kind: str
    name: str
    service_address: str
    phone: str
    status: str
    balance_cents: int


def _upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with prefix."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def fts_expression(query: str) -> str | None:
    """Every word must match as a prefix; words are quoted so nothing is FTS syntax.

    Except two kinds of word with more typed after them, which match whole: a street direction,
    one letter after a house number ("437 S 13th Ave"), and a number ("437 S 13th Ave" finds
    437, not 4370 or 43711: the cashier typed on past it). As a prefix, "S" would gather every
    word starting with s in the city (no prefix index has one letter): 30-70 ms at 500,000
    accounts instead of 1-10 ms; a house number as a prefix made a full address two to three
    times as slow to find at 2,000,000 accounts (docs/performance.md). The last word stays a
    prefix: it may be still being typed.
    """
    words = _WORD.findall(query)
    if not words:
        return None
    terms = []
    last = len(words) - 1
    for i, word in enumerate(words):
        direction = len(word) == 1 and 0 < i < last and words[i - 1].isdigit()
        number = i < last and word.isdigit()
        terms.append(f'"{word}"' if direction or number else f'"{word}"*')
    return " AND ".join(terms)


def plan(query: str, limit: int, dialect: str = "sqlite") -> list[tuple[str, tuple[object, ...]]]:
    """The statements a search runs, best kind of match first."""
    text = query.strip()
    if not text:
        return []
    compact = text.replace("-", "").upper()
    statements: list[tuple[str, tuple[object, ...]]] = []
    if compact.isascii() and compact.isalnum() and any(ch.isdigit() for ch in compact):
        statements.append((NUMBER_PREFIX_SQL, (compact, _upper_bound(compact), limit)))
    if _PHONE_CHARS.match(text):
        digits = re.sub(r"\D", "", text)
        if len(digits) >= 3:
            statements.append((PHONE_PREFIX_SQL, (digits, _upper_bound(digits), limit)))
        return statements
    if dialect == "sqlite":
        expression = fts_expression(text)
        if expression:
            statements.append((NAME_SQL, (expression, limit)))
            statements.append((TEXT_SQL, (f"{{service_address}} : ({expression})", limit)))
            statements.append((TEXT_SQL, (expression, limit)))
    else:
        pattern = f"%{text.lower()}%"
        statements.append((LIKE_SQL, (pattern, pattern, limit)))
    return statements


def search(conn: Connection, query: str, limit: int) -> list[SearchRow]:
    """Exact account number first, then number prefixes, phones, then names and addresses."""
    dialect = conn.dialect.name
    seen: set[int] = set()
    rows: list[SearchRow] = []
    # At the counter every search counts: on SQLite the statements go straight to the
    # driver, outside any transaction (each is one consistent read on its own).
    sqlite_conn: Any = conn.connection.driver_connection  # the DBAPI connection, Any | None to SQLAlchemy
    cursor = sqlite_conn.cursor() if dialect == "sqlite" else None
    try:
        for sql, params in plan(query, limit, dialect):
            if len(rows) >= limit:
                break  # the best kinds of match already fill the page
            if cursor is not None:
                found = cursor.execute(sql, params).fetchall()
            else:
                found = conn.exec_driver_sql(sql.replace("?", "%s"), params).fetchall()
            for raw in found:
                if raw[0] not in seen:
                    seen.add(raw[0])
                    rows.append(SearchRow._make(raw))
    finally:
        if cursor is not None:
            cursor.close()
    compact = query.strip().replace("-", "").upper()
    rows.sort(key=lambda r: 0 if r.number == compact else 1)  # stable: the rest keep their order
    return rows[:limit]
