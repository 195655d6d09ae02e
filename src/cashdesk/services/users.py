"""Administering users: add, list, disable and enable, unlock, reset a password, change a role.

Users are never deleted: one who leaves is disabled. Every change is audited with the
administrator's user id and the station. The last active administrator cannot be disabled
or given another role, so the program is never left without someone to manage it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from cashdesk.domain.cards import mask
from cashdesk.domain.security import Permission, Role, check_new_password, check_user_id, is_inactive
from cashdesk.domain.text import text_problem
from cashdesk.services import audit
from cashdesk.services.auth import (
    INACTIVE_REASON,
    PasswordRejected,
    aware_utc,
    hash_password,
    inactive_since,
    naive_utc,
    normalise_user_id,
    set_password,
)
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.store import users as user_store
from cashdesk.store.db import UnitOfWork
from cashdesk.store.models import UserRow
from cashdesk.words import translate

MAX_NAME = 100
MAX_REASON = 100


@dataclass(frozen=True)
class UserView:
    user_id: str
    full_name: str
    role: Role
    disabled: bool
    disabled_reason: str
    locked_until: dt.datetime | None  # aware, UTC; may be in the past (the lock has lifted)
    must_change_password: bool
    last_sign_in_at: dt.datetime | None  # aware, UTC
    created_at: dt.datetime  # aware, UTC

    def is_locked(self, now: dt.datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now

    def state(self, now: dt.datetime, time_zone: str) -> str:
        """In words, for a list: active, disabled (reason), locked until 14:32, must change password."""
        if self.disabled:
            return f"disabled ({self.disabled_reason})" if self.disabled_reason else "disabled"
        parts = []
        if self.is_locked(now):
            assert self.locked_until is not None
            zone = ZoneInfo(time_zone)
            until = self.locked_until.astimezone(zone)
            same_day = until.date() == now.astimezone(zone).date()
            parts.append(f"locked until {until:%H:%M}" if same_day else f"locked until {until:%Y-%m-%d %H:%M}")
        if self.must_change_password:
            parts.append("must change password")
        return ", ".join(parts) or "active"


def _view(row: UserRow) -> UserView:
    created = aware_utc(row.created_at)
    assert created is not None
    return UserView(
        user_id=row.user_id,
        full_name=row.full_name,
        role=Role(row.role),
        disabled=bool(row.disabled),
        disabled_reason=row.disabled_reason,
        locked_until=aware_utc(row.locked_until),
        must_change_password=bool(row.must_change_password),
        last_sign_in_at=aware_utc(row.last_sign_in_at),
        created_at=created,
    )


def _role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise ServiceError(
            translate("users", "There is no role {role!r}; use one of: {roles}.").format(
                role=role, roles=", ".join(r.value for r in Role)
            )
        ) from None


def _existing(session: Session, user_id: str) -> UserRow:
    row = user_store.find_user(session, normalise_user_id(user_id))
    if row is None:
        raise ServiceError(
            translate("users", "There is no user {user_id!r}. See `cashdesk user list`.").format(
                user_id=normalise_user_id(user_id) or user_id
            )
        )
    return row


def _changed(uow: UnitOfWork, ctx: ServiceContext, actor: Operator, event_type: str, row: UserRow,
             **details: object) -> UserView:  # fmt: skip
    """A change to a user made: audited, committed, and the user as it now is."""
    audit.record(
        uow.session, user=actor.user_id, station=ctx.station, event_type=event_type, object=row.user_id,
        details=details, at=ctx.now(),
    )  # fmt: skip
    uow.commit()
    return _view(row)


def _lift_lockout(row: UserRow) -> None:
    """The failed attempts forgotten and any lockout lifted."""
    row.failed_attempts = 0
    row.locked_until = None


def _keep_an_administrator(session: Session, row: UserRow, doing: str) -> None:
    if (
        row.role == Role.ADMINISTRATOR.value
        and not row.disabled
        and user_store.active_users_with_role(session, Role.ADMINISTRATOR.value) <= 1
    ):
        raise ServiceError(
            translate(
                "users",
                "{user_id} is the last active administrator, so they cannot be {doing}. Add or enable "
                "another administrator first.",
            ).format(user_id=row.user_id, doing=doing)
        )


def _check_password(ctx: ServiceContext, user_id: str, password: str) -> None:
    problem = check_new_password(password, user_id=user_id, min_length=ctx.settings.security.password_min_length)
    if problem is not None:
        raise PasswordRejected(problem)


# -- use cases -----------------------------------------------------------------------------


def has_users(ctx: ServiceContext) -> bool:
    """Whether anyone can sign in yet (the first run has none: see `cashdesk init --admin`)."""
    with ctx.db.unit_of_work(write=False) as uow:
        return user_store.any_users(uow.session)


def add_user(
    ctx: ServiceContext,
    actor: Operator,
    user_id: str,
    role: Role | str,
    password: str,
    *,
    full_name: str = "",
    must_change_password: bool = True,
) -> UserView:
    actor.require(Permission.MANAGE_USERS, translate("users", "add users"))
    user_id = normalise_user_id(user_id)
    problem = check_user_id(user_id)
    if problem is not None:
        raise ServiceError(problem)
    role = _role(role)
    problem = text_problem(full_name.strip(), translate("users", "name"))
    if problem:
        raise ServiceError(problem)
    full_name = " ".join(mask(full_name).split())
    if len(full_name) > MAX_NAME:
        raise ServiceError(translate("users", "A name is at most {MAX_NAME} characters.").format(MAX_NAME=MAX_NAME))
    _check_password(ctx, user_id, password)
    password_hash = hash_password(password)  # before the write lock: it takes a moment
    now = naive_utc(ctx.now())
    with ctx.db.unit_of_work() as uow:
        if user_store.find_user(uow.session, user_id) is not None:
            raise ServiceError(translate("users", "There is already a user {user_id}.").format(user_id=user_id))
        row = UserRow(
            user_id=user_id, full_name=full_name, role=role.value, password_hash=password_hash,
            must_change_password=must_change_password, failed_attempts=0, disabled=False, disabled_reason="",
            password_changed_at=now, created_at=now,
        )  # fmt: skip
        uow.session.add(row)
        uow.session.flush()
        return _changed(uow, ctx, actor, "user_add", row, role=role.value, must_change=must_change_password)


def list_users(ctx: ServiceContext, actor: Operator) -> list[UserView]:
    """Every user, by user id. Administrators, and supervisors for the audit viewer."""
    if not actor.can(Permission.VIEW_AUDIT):
        actor.require(Permission.MANAGE_USERS, translate("users", "see the list of users"))
    with ctx.db.unit_of_work(write=False) as uow:
        return [_view(row) for row in user_store.all_users(uow.session)]


def get_user(ctx: ServiceContext, actor: Operator, user_id: str) -> UserView:
    if actor.user_id != normalise_user_id(user_id) and not actor.can(Permission.VIEW_AUDIT):
        actor.require(Permission.MANAGE_USERS, translate("users", "see other users"))
    with ctx.db.unit_of_work(write=False) as uow:
        return _view(_existing(uow.session, user_id))


def disable_user(ctx: ServiceContext, actor: Operator, user_id: str, reason: str = "") -> UserView:
    """A user who leaves or should not sign in is disabled (never deleted)."""
    actor.require(Permission.MANAGE_USERS, translate("users", "disable users"))
    reason = " ".join(mask(reason).split())[:MAX_REASON] or "disabled by an administrator"
    with ctx.db.unit_of_work() as uow:
        row = _existing(uow.session, user_id)
        if row.disabled:
            return _view(row)
        _keep_an_administrator(uow.session, row, translate("users", "disabled"))
        row.disabled = True
        row.disabled_reason = reason
        return _changed(uow, ctx, actor, "user_disable", row, reason=reason)


def enable_user(ctx: ServiceContext, actor: Operator, user_id: str) -> UserView:
    """Let a disabled user sign in again. One unused for too long needs a new password instead."""
    actor.require(Permission.MANAGE_USERS, translate("users", "enable users"))
    with ctx.db.unit_of_work() as uow:
        row = _existing(uow.session, user_id)
        if not row.disabled:
            return _view(row)
        days = ctx.settings.security.inactive_days
        if is_inactive(inactive_since(row), row.created_at, naive_utc(ctx.now()), days):
            # A dormant user comes back only with a new password.
            if row.disabled_reason.startswith(INACTIVE_REASON.split("{")[0]):
                then = translate("users", "Reset their password to enable them")
            else:
                then = translate("users", "Reset their password first, then enable them")
            raise ServiceError(
                translate(
                    "users",
                    "{user_id} has not signed in for more than {days} days. {then}: they choose a new one at "
                    "their next sign-in.",
                ).format(user_id=row.user_id, days=days, then=then)
            )
        row.disabled = False
        row.disabled_reason = ""
        _lift_lockout(row)
        return _changed(uow, ctx, actor, "user_enable", row)


def unlock_user(ctx: ServiceContext, actor: Operator, user_id: str) -> UserView:
    """Lift a lockout before its time."""
    actor.require(Permission.MANAGE_USERS, translate("users", "unlock users"))
    with ctx.db.unit_of_work() as uow:
        row = _existing(uow.session, user_id)
        was_locked = row.locked_until is not None and row.locked_until > naive_utc(ctx.now())
        if not was_locked and not row.failed_attempts:
            return _view(row)
        _lift_lockout(row)
        return _changed(uow, ctx, actor, "user_unlock", row, was_locked=was_locked)


def reset_password(ctx: ServiceContext, actor: Operator, user_id: str, temporary_password: str) -> UserView:
    """Give a user a temporary password; they must choose their own at their next sign-in.

    It also lifts a lockout, and enables a user who was disabled only for being unused.
    """
    actor.require(Permission.MANAGE_USERS, translate("users", "reset passwords"))
    with ctx.db.unit_of_work(write=False) as uow:
        canonical = _existing(uow.session, user_id).user_id
    _check_password(ctx, canonical, temporary_password)
    password_hash = hash_password(temporary_password)  # before the write lock: it takes a moment
    with ctx.db.unit_of_work() as uow:
        row = _existing(uow.session, canonical)
        set_password(uow.session, ctx, row, password_hash, must_change=True)
        details: dict[str, object] = {}
        if row.locked_until is not None:
            row.locked_until = None
            details["unlocked"] = True
        if row.disabled and row.disabled_reason.startswith(INACTIVE_REASON.split("{")[0]):
            row.disabled = False
            row.disabled_reason = ""
            details["enabled"] = True
        return _changed(uow, ctx, actor, "password_reset", row, **details)


def change_role(ctx: ServiceContext, actor: Operator, user_id: str, role: Role | str) -> UserView:
    actor.require(Permission.MANAGE_USERS, translate("users", "change roles"))
    role = _role(role)
    with ctx.db.unit_of_work() as uow:
        row = _existing(uow.session, user_id)
        if row.role == role.value:
            return _view(row)
        _keep_an_administrator(uow.session, row, translate("users", "made {role}").format(role=role.shown.lower()))
        before = row.role
        row.role = role.value
        return _changed(uow, ctx, actor, "permission_change", row, **{"from": before, "to": role.value})


__all__ = [
    "PasswordRejected",
    "UserView",
    "add_user",
    "change_role",
    "disable_user",
    "enable_user",
    "get_user",
    "has_users",
    "list_users",
    "reset_password",
    "unlock_user",
]
