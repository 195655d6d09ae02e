"""Roles, permissions, supervisor overrides, and the password and lockout rules.

PCI DSS 4.0.1 sets the defaults: passwords of 12+ characters, the last 4 not reused,
lockout after at most 10 failures for at least 30 minutes, re-authentication after 15
minutes idle, accounts unused for 90 days disabled.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass

from cashdesk.words import QT_TRANSLATE_NOOP, translate


class Role(enum.StrEnum):
    CASHIER = "cashier"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"

    @property
    def label(self) -> str:
        return {
            "cashier": QT_TRANSLATE_NOOP("security", "Cashier"),
            "supervisor": QT_TRANSLATE_NOOP("security", "Supervisor"),
            "administrator": QT_TRANSLATE_NOOP("security", "Administrator"),
        }[self.value]

    @property
    def shown(self) -> str:
        """The label in the window's language."""
        return translate("security", self.label)


class Permission(enum.StrEnum):
    LOOK_UP_ACCOUNTS = "look_up_accounts"
    TAKE_PAYMENTS = "take_payments"  # counter and mail, receipts, drawer, drops, balancing
    APPROVE_OVERRIDES = "approve_overrides"  # voids, refunds, variances, no-sale, …
    SECOND_COUNT = "second_count"
    CLOSE_DAY = "close_day"  # and prepare the deposit
    VIEW_AUDIT = "view_audit"
    MANAGE_USERS = "manage_users"  # add, disable, unlock, reset passwords, change roles
    MANAGE_SETTINGS = "manage_settings"  # stations, printers, revenue codes, formulas
    IMPORT_DATA = "import_data"  # accounts from the billing system
    BACKUP = "backup"
    EDIT_ANSWERS = "edit_answers"  # the answers at the counter and the referral directory
    KEEP_SUPPLIES = "keep_supplies"  # receive, issue, count supplies and forms
    WORK_ORDERS = "work_orders"  # service orders: create, dispatch, complete, cancel (issue 16)


_CASHIER = frozenset(
    {Permission.LOOK_UP_ACCOUNTS, Permission.TAKE_PAYMENTS, Permission.KEEP_SUPPLIES, Permission.WORK_ORDERS}
)
_SUPERVISOR = _CASHIER | {
    Permission.EDIT_ANSWERS,
    Permission.APPROVE_OVERRIDES,
    Permission.SECOND_COUNT,
    Permission.CLOSE_DAY,
    Permission.VIEW_AUDIT,
}
# The administrator runs the system but does not handle money (separation of duties).
_ADMINISTRATOR = frozenset(
    {
        Permission.LOOK_UP_ACCOUNTS,
        Permission.VIEW_AUDIT,
        Permission.MANAGE_USERS,
        Permission.MANAGE_SETTINGS,
        Permission.IMPORT_DATA,
        Permission.BACKUP,
        Permission.EDIT_ANSWERS,
        Permission.WORK_ORDERS,  # the nightly run and the field's completions, at the command line
    }
)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CASHIER: _CASHIER,
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    Role.ADMINISTRATOR: _ADMINISTRATOR,
}


def can(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


class OverrideAction(enum.StrEnum):
    """Actions that need a supervisor's approval, given in person with their password."""

    VOID = "void"
    REFUND = "refund"
    PAID_OUT = "paid_out"
    VARIANCE = "variance"  # over/short beyond the limit
    NO_SALE = "no_sale"  # opening the drawer without a payment
    EDIT_FLOAT = "edit_float"  # changing a starting float
    REPRINT = "reprint"  # beyond the first reprint
    CLOSED_ACCOUNT = "closed_account"  # posting to a closed account
    UNLOCK_STATION = "unlock_station"  # unlocking another user's locked station
    SECOND_COUNT = "second_count"  # a supervisor's count of a cashier's drawer (dual control)
    MAIL_REVERSAL = "mail_reversal"  # reversing one remittance of a posted mail batch

    @property
    def label(self) -> str:
        return {
            "void": QT_TRANSLATE_NOOP("security", "Void a receipt"),
            "refund": QT_TRANSLATE_NOOP("security", "Refund"),
            "paid_out": QT_TRANSLATE_NOOP("security", "Paid-out"),
            "variance": QT_TRANSLATE_NOOP("security", "Accept a drawer variance over the limit"),
            "no_sale": QT_TRANSLATE_NOOP("security", "Open the drawer without a sale"),
            "edit_float": QT_TRANSLATE_NOOP("security", "Change a starting float"),
            "reprint": QT_TRANSLATE_NOOP("security", "Reprint a receipt again"),
            "closed_account": QT_TRANSLATE_NOOP("security", "Take a payment on a closed account"),
            "unlock_station": QT_TRANSLATE_NOOP("security", "Unlock another user's station"),
            "second_count": QT_TRANSLATE_NOOP("security", "Count a cashier's drawer a second time"),
            "mail_reversal": QT_TRANSLATE_NOOP("security", "Reverse a posted mail remittance"),
        }[self.value]

    @property
    def shown(self) -> str:
        """The label in the window's language."""
        return translate("security", self.label)


USER_ID = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")


def check_user_id(user_id: str) -> str | None:
    """None when fine, else what is wrong, for the administrator."""
    if not USER_ID.match(user_id):
        return translate(
            "security",
            "A user id is 2 to 32 characters: lowercase letters, digits, '.', '_' or '-', starting "
            "with a letter (like jsmith).",
        )
    return None


MAX_PASSWORD_LENGTH = 256


def check_new_password(password: str, *, user_id: str, min_length: int) -> str | None:
    """None when the password may be used, else why not, in the user's words."""
    if len(password) < min_length:
        return translate("security", "The password must be at least {min_length} characters long.").format(
            min_length=min_length
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        return translate("security", "The password must be at most {MAX_PASSWORD_LENGTH} characters long.").format(
            MAX_PASSWORD_LENGTH=MAX_PASSWORD_LENGTH
        )
    if password.strip() != password:
        return translate("security", "The password cannot start or end with a space.")
    if user_id and user_id.lower() in password.lower():
        return translate("security", "The password cannot contain the user id.")
    if len(set(password)) < 4:
        return translate("security", "The password must use more than three different characters.")
    return None


@dataclass(frozen=True, slots=True)
class LockoutRule:
    attempts: int = 10
    minutes: int = 30

    def locked_until(self, failures: int, now: dt.datetime) -> dt.datetime | None:
        """After this failure count, the time the lock lifts (None: not locked)."""
        if failures >= self.attempts:
            return now + dt.timedelta(minutes=self.minutes)
        return None


def is_inactive(last_used: dt.datetime | None, created: dt.datetime, now: dt.datetime, days: int) -> bool:
    """Unused for `days` days since the last sign-in (or since creation, if never)."""
    return now - (last_used or created) >= dt.timedelta(days=days)
