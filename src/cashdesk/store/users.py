"""Queries on users, their earlier passwords and supervisor approvals."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from cashdesk.store.models import ApprovalRow, PasswordHistoryRow, UserRow


def find_user(session: Session, user_id: str) -> UserRow | None:
    return session.scalars(select(UserRow).where(UserRow.user_id == user_id)).first()


def all_users(session: Session) -> list[UserRow]:
    return list(session.scalars(select(UserRow).order_by(UserRow.user_id)))


def any_users(session: Session) -> bool:
    return bool(session.scalar(select(exists().where(UserRow.id.isnot(None)))))


def active_users_with_role(session: Session, role: str) -> int:
    """Users of this role who are not disabled (a locked user is still active: locks lift)."""
    return int(
        session.scalar(
            select(func.count()).select_from(UserRow).where(UserRow.role == role, UserRow.disabled.is_(False))
        )
        or 0
    )


def earlier_password_hashes(session: Session, user: UserRow, count: int) -> list[str]:
    """The hashes of the user's `count` most recent earlier passwords, latest first."""
    if count <= 0:
        return []
    return list(
        session.scalars(
            select(PasswordHistoryRow.password_hash)
            .where(PasswordHistoryRow.user_id == user.id)
            .order_by(PasswordHistoryRow.set_at.desc(), PasswordHistoryRow.id.desc())
            .limit(count)
        )
    )


def keep_earlier_password(session: Session, user: UserRow, set_at: dt.datetime) -> None:
    """Remember the user's current hash before it is replaced (set_at: when it was set)."""
    session.add(PasswordHistoryRow(user_id=user.id, password_hash=user.password_hash, set_at=set_at))


def approval_for_update(session: Session, approval_id: int) -> ApprovalRow | None:
    """The approval, locked for this transaction where the database can lock a row."""
    return session.scalars(select(ApprovalRow).where(ApprovalRow.id == approval_id).with_for_update()).first()
