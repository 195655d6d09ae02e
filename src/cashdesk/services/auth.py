"""Signing in and out, locking and unlocking the station, changing one's own password.

Passwords are argon2 hashes (argon2-cffi), checked and made with no write transaction open
(`password_checked`): argon2 takes about 0.1 s, and the write lock keeps payments waiting.
Every attempt is audited, and a failed attempt's count, lock and audit event are committed
before the refusal is raised. A refusal never says
whether the user id or the password was wrong, and no audit event holds what was typed as a
password.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NoReturn
from zoneinfo import ZoneInfo

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from cashdesk.clock import aware_utc as aware_utc  # kept here for the services that import it from auth
from cashdesk.clock import naive_utc as naive_utc
from cashdesk.domain.security import (
    LockoutRule,
    OverrideAction,
    Permission,
    Role,
    can,
    check_new_password,
    is_inactive,
)
from cashdesk.services import audit
from cashdesk.services.approvals import grant_approval
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.store import users as user_store
from cashdesk.store.db import UnitOfWork
from cashdesk.store.models import UserRow
from cashdesk.words import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

#: The one hasher; tests may replace it with a cheaper one (argon2's defaults take ~0.1 s).
HASHER = PasswordHasher()

WRONG = QT_TRANSLATE_NOOP("auth", "The user id or password is not right.")
#: What the audit trail shows as the user when the typed user id is nobody's.
UNKNOWN_USER = "?"
#: How a user disabled for being unused is marked (a password reset enables them again).
INACTIVE_REASON = "unused for {days} days"


class SignInRefused(ServiceError):
    """The user id and password were not accepted; the message is for the person typing."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


class PasswordRejected(ServiceError):
    """The new password breaks a rule (length, reuse, …); the message says which."""


@dataclass(frozen=True)
class SignIn:
    operator: Operator
    must_change_password: bool


# -- passwords -----------------------------------------------------------------------------


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


_dummy_hashes: dict[int, str] = {}


def _spend_a_verify(password: str) -> None:
    """As long as a real check, so the time taken does not tell a known user id from an unknown one."""
    key = id(HASHER)
    if key not in _dummy_hashes:
        _dummy_hashes[key] = HASHER.hash("not anyone's password")
    verify_password(_dummy_hashes[key], password)


def normalise_user_id(typed: str) -> str:
    return typed.strip().lower()


def local_time(ctx: ServiceContext, moment_utc_naive: dt.datetime) -> str:
    """HH:MM in the city's time zone, with the date when it is not today."""
    zone = ZoneInfo(ctx.settings.city.time_zone)
    local = moment_utc_naive.replace(tzinfo=dt.UTC).astimezone(zone)
    if local.date() == ctx.now().astimezone(zone).date():
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


# -- the check shared by sign-in, unlock, password change and approvals --------------------


@dataclass(frozen=True, slots=True)
class Refusal:
    reason: str  # for the audit trail: unknown_user, wrong_password, locked, disabled, inactive
    message: str  # for the person
    details: dict[str, object]


def inactive_since(row: UserRow) -> dt.datetime:
    """When the inactivity clock started: the latest sign-in or password set (or creation)."""
    return max(moment for moment in (row.last_sign_in_at, row.password_changed_at, row.created_at) if moment)


def _password_counts(ctx: ServiceContext, row: UserRow) -> bool:
    """Whether the rules let this user's password be checked now: not disabled, not unused for
    too long, not locked (a lock that has lifted does not count)."""
    now = naive_utc(ctx.now())
    if row.disabled or is_inactive(inactive_since(row), row.created_at, now, ctx.settings.security.inactive_days):
        return False
    return row.locked_until is None or row.locked_until <= now


@dataclass(frozen=True, slots=True)
class Checked:
    """A typed password checked against a user's stored hash before the write transaction
    (argon2 takes about 0.1 s: never while holding the database's write lock)."""

    user_id: str | None  # whose hash it was checked against; None for a user id that is nobody's
    password_hash: str  # the hash it was checked against ("" when not checked)
    matches: bool | None  # None: not checked, the rules refused the user before the password counts
    rehash: str | None = None  # the same password hashed anew, when the stored hash is weaker than today's


def check_outside(ctx: ServiceContext, row: UserRow | None, password: str) -> Checked:
    """Check `password` against the row as read (call it with no write transaction open)."""
    if row is None:
        _spend_a_verify(password)
        return Checked(None, "", None)
    if not _password_counts(ctx, row):
        return Checked(row.user_id, row.password_hash, None)
    matches = verify_password(row.password_hash, password)
    rehash = HASHER.hash(password) if matches and HASHER.check_needs_rehash(row.password_hash) else None
    return Checked(row.user_id, row.password_hash, matches, rehash)


def is_stale(ctx: ServiceContext, row: UserRow | None, checked: Checked) -> bool:
    """Whether the row changed since the password was checked in a way that matters: a new
    password, a user added, a lock that lifted meanwhile. The caller reads and checks again."""
    if row is None:
        return False
    if not _password_counts(ctx, row):
        return False  # refused before the password counts, whatever it is
    return checked.matches is None or checked.user_id != row.user_id or checked.password_hash != row.password_hash


def check_password(ctx: ServiceContext, row: UserRow | None, checked: Checked) -> Refusal | None:
    """Apply every rule to the user's row, read again in the write transaction, with the password
    checked before it (`check_outside`; the caller made sure it is not stale); None when accepted.

    A wrong password counts toward the lockout; a user unused for security.inactive_days is
    disabled here. The caller audits, commits, then refuses.
    """
    now = naive_utc(ctx.now())
    if row is None:
        return Refusal("unknown_user", translate("auth", WRONG), {})
    if row.locked_until is not None and row.locked_until <= now:
        row.locked_until = None  # the lock has lifted: a fresh set of attempts
        row.failed_attempts = 0
    if row.disabled:
        return Refusal("disabled", translate("auth", "This user is disabled. See an administrator."), {})
    days = ctx.settings.security.inactive_days
    if is_inactive(inactive_since(row), row.created_at, now, days):
        row.disabled = True
        row.disabled_reason = INACTIVE_REASON.format(days=days)
        return Refusal(
            "inactive",
            translate(
                "auth", "This user was not used for {days} days and is now disabled. See an administrator."
            ).format(days=days),
            {"days": days},
        )
    if row.locked_until is not None:
        return Refusal(
            "locked",
            translate(
                "auth",
                "This user is locked until {until} after too many failed sign-ins. An administrator can unlock it.",
            ).format(until=local_time(ctx, row.locked_until)),
            {},
        )
    if not checked.matches:
        row.failed_attempts += 1
        rule = LockoutRule(ctx.settings.security.lockout_attempts, ctx.settings.security.lockout_minutes)
        until = rule.locked_until(row.failed_attempts, now)
        details: dict[str, object] = {"failures": row.failed_attempts}
        if until is None:
            return Refusal("wrong_password", translate("auth", WRONG), details)
        row.locked_until = until
        details["locked_until"] = audit.format_time(until.replace(tzinfo=dt.UTC))
        log.warning("User %s locked after %d failed attempts", row.user_id, row.failed_attempts)
        return Refusal(
            "wrong_password",
            translate(
                "auth",
                "{wrong} This user is now locked until {until} after too many failed sign-ins. An "
                "administrator can unlock it.",
            ).format(wrong=translate("auth", WRONG), until=local_time(ctx, until)),
            details,
        )
    row.failed_attempts = 0
    if checked.rehash is not None:
        row.password_hash = checked.rehash
    return None


#: How many times a password is checked again when the user's row changed while it was checked.
CHECK_TRIES = 3
CHANGED_MEANWHILE = QT_TRANSLATE_NOOP(
    "auth", "This user was changed at another station just now. Type the password again."
)


@contextmanager
def password_checked(
    ctx: ServiceContext, user_id: str, password: str
) -> Iterator[tuple[UnitOfWork, UserRow | None, Checked]]:
    """The write unit of work of a use case that checks a password, the password already checked.

    The row is read in a read transaction, the password checked with no transaction open, then
    the write transaction reads the row again: if it changed meanwhile (a new password, a lock
    lifted), it is checked again. The block gets the row as it is now and what was checked; it
    calls `check_password` where the rules apply, audits, and commits.
    """
    typed = normalise_user_id(user_id)
    for _ in range(CHECK_TRIES):
        with ctx.db.unit_of_work(write=False) as uow:
            row = user_store.find_user(uow.session, typed) if typed else None
            if row is not None:
                uow.session.expunge(row)  # read as it was; nothing here is written
        checked = check_outside(ctx, row, password)
        with ctx.db.unit_of_work() as uow:
            row = user_store.find_user(uow.session, typed) if typed else None
            if is_stale(ctx, row, checked):
                continue
            yield uow, row, checked
            return
    raise ServiceError(translate("auth", CHANGED_MEANWHILE))


def _audit_user(row: UserRow | None) -> tuple[str, str]:
    """(user, object) for an audit event: never the typed text of an unknown user id."""
    return (row.user_id, row.user_id) if row is not None else (UNKNOWN_USER, "")


def _find(session: Session, typed_user_id: str) -> UserRow | None:
    user_id = normalise_user_id(typed_user_id)
    return user_store.find_user(session, user_id) if user_id else None


def operator_of(row: UserRow) -> Operator:
    return Operator(row.user_id, Role(row.role), row.full_name)


# -- use cases -----------------------------------------------------------------------------


def sign_in(ctx: ServiceContext, user_id: str, password: str) -> SignIn:
    """Check the user id and password; the signed-in operator, or SignInRefused."""
    with password_checked(ctx, user_id, password) as (uow, row, checked):
        refusal = check_password(ctx, row, checked)
        user, obj = _audit_user(row)
        if refusal is not None:
            audit.record(
                uow.session, user=user, station=ctx.station, event_type="sign_in", object=obj, success=False,
                details={"reason": refusal.reason, **refusal.details}, at=ctx.now(),
            )  # fmt: skip
            uow.commit()
            raise SignInRefused(refusal.message, refusal.reason)
        assert row is not None
        row.last_sign_in_at = naive_utc(ctx.now())
        audit.record(
            uow.session, user=user, station=ctx.station, event_type="sign_in", object=obj, success=True,
            details={"must_change": True} if row.must_change_password else {},
            at=ctx.now(),
        )  # fmt: skip
        uow.commit()
        return SignIn(operator_of(row), bool(row.must_change_password))


def sign_out(ctx: ServiceContext, operator: Operator) -> None:
    with ctx.db.unit_of_work() as uow:
        audit.record(
            uow.session, user=operator.user_id, station=ctx.station, event_type="sign_out",
            object=operator.user_id, at=ctx.now(),
        )  # fmt: skip
        uow.commit()


def lock_station(ctx: ServiceContext, operator: Operator, *, idle: bool) -> None:
    """Record that the station locked (by hand, or after security.idle_lock_minutes idle)."""
    with ctx.db.unit_of_work() as uow:
        audit.record(
            uow.session, user=operator.user_id, station=ctx.station, event_type="lock",
            object=operator.user_id, details={"idle": idle}, at=ctx.now(),
        )  # fmt: skip
        uow.commit()


def unlock_station(ctx: ServiceContext, locked_for: Operator, user_id: str, password: str) -> Operator:
    """Unlock with the same user's password or a supervisor's; the session goes on as `locked_for`.

    A supervisor's unlock is an override: an approval row with both names, used at once.
    """
    with password_checked(ctx, user_id, password) as (uow, row, checked):
        same = row is not None and row.user_id == locked_for.user_id
        supervisor = row is not None and not same and can(Role(row.role), Permission.APPROVE_OVERRIDES)
        base = {} if same or row is None else {"by": row.user_id}
        if not (same or supervisor):
            audit.record(
                uow.session, user=locked_for.user_id, station=ctx.station, event_type="unlock",
                object=locked_for.user_id, success=False, details={**base, "reason": "not_allowed"}, at=ctx.now(),
            )  # fmt: skip
            uow.commit()
            raise SignInRefused(
                translate("auth", "Only {user_id} or a supervisor can unlock this station.").format(
                    user_id=locked_for.user_id
                ),
                "not_allowed",
            )
        assert row is not None
        refusal = check_password(ctx, row, checked)
        if refusal is not None:
            audit.record(
                uow.session, user=locked_for.user_id, station=ctx.station, event_type="unlock",
                object=locked_for.user_id, success=False,
                details={**base, "reason": refusal.reason, **refusal.details}, at=ctx.now(),
            )  # fmt: skip
            uow.commit()
            raise SignInRefused(refusal.message, refusal.reason)
        details: dict[str, object] = dict(base)
        if supervisor:
            approval = grant_approval(
                uow.session, ctx, action=OverrideAction.UNLOCK_STATION, requested_by=locked_for.user_id,
                approved_by=row.user_id, object=locked_for.user_id, used=True,
            )  # fmt: skip
            details["approval"] = approval.id
        audit.record(
            uow.session, user=locked_for.user_id, station=ctx.station, event_type="unlock",
            object=locked_for.user_id, details=details, at=ctx.now(),
        )  # fmt: skip
        uow.commit()
    return locked_for


def change_password(ctx: ServiceContext, user_id: str, old_password: str, new_password: str) -> None:
    """A user changes their own password (the old one first; failures count toward the lockout).

    Two short write transactions, argon2 between them with none open: the old password's check
    (failures counted, committed), then the new password, if no one changed the user meanwhile.
    """
    keep = ctx.settings.security.password_history
    with password_checked(ctx, user_id, old_password) as (uow, row, checked):
        refusal = check_password(ctx, row, checked)
        if refusal is not None:
            _refuse_change(ctx, uow, row, refusal.reason, refusal.message, SignInRefused, **refusal.details)
        assert row is not None
        problem = check_new_password(
            new_password, user_id=row.user_id, min_length=ctx.settings.security.password_min_length
        )
        if problem is not None:
            _refuse_change(ctx, uow, row, "rules", problem, PasswordRejected)
        recent = (
            [row.password_hash, *user_store.earlier_password_hashes(uow.session, row, keep - 1)] if keep > 0 else []
        )
        seen = row.password_hash
        uow.commit()  # the old password was right: its count of failures is cleared
    reused = any(verify_password(h, new_password) for h in recent)
    new_hash = "" if reused else hash_password(new_password)
    with ctx.db.unit_of_work() as uow:
        row = _find(uow.session, user_id)
        assert row is not None  # users are never deleted
        if row.password_hash != seen or not _password_counts(ctx, row):
            _refuse_change(ctx, uow, row, "changed_meanwhile", translate("auth", CHANGED_MEANWHILE), SignInRefused)
        if reused:
            reuse = translate("auth", "The new password must differ from your last {keep} passwords. Choose another.")
            reuse = reuse.format(keep=keep)
            _refuse_change(ctx, uow, row, "reused", reuse, PasswordRejected)
        set_password(uow.session, ctx, row, new_hash, must_change=False)
        audit.record(
            uow.session, user=row.user_id, station=ctx.station, event_type="password_change", object=row.user_id,
            details={"by": row.user_id}, at=ctx.now(),
        )  # fmt: skip
        uow.commit()


def _refuse_change(
    ctx: ServiceContext,
    uow: UnitOfWork,
    row: UserRow | None,
    reason: str,
    message: str,
    exc: type[ServiceError],
    **more: object,
) -> NoReturn:
    """Audit a refused password change, commit (with the count of failures), and refuse."""
    user, obj = _audit_user(row)
    audit.record(
        uow.session, user=user, station=ctx.station, event_type="password_change", object=obj,
        success=False, details={"reason": reason, **more}, at=ctx.now(),
    )  # fmt: skip
    uow.commit()
    raise exc(message)


def set_password(session: Session, ctx: ServiceContext, row: UserRow, password_hash: str, *, must_change: bool) -> None:
    """Replace the user's password with one hashed before the write transaction
    (`hash_password`), keeping the old hash in their password history."""
    now = naive_utc(ctx.now())
    user_store.keep_earlier_password(session, row, row.password_changed_at or now)
    row.password_hash = password_hash
    row.password_changed_at = now
    row.must_change_password = must_change
    row.failed_attempts = 0


__all__ = [
    "HASHER",
    "PasswordRejected",
    "SignIn",
    "SignInRefused",
    "change_password",
    "hash_password",
    "lock_station",
    "sign_in",
    "sign_out",
    "unlock_station",
    "verify_password",
]
