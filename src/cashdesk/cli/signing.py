"""Passwords on the command line (standard input, or typed at a terminal) and the supervisor's sign-in."""

from __future__ import annotations

import argparse
import sys

from cashdesk.domain.security import check_user_id

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (2 ms) at start-up
if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext


class CommandError(Exception):
    """The command cannot go on (a password that was not given, …); exit status 2."""


def password_from_stdin() -> str:
    """One line of standard input, without its line ending; refused when empty."""
    line = sys.stdin.readline()
    password = line[:-1] if line.endswith("\n") else line
    password = password[:-1] if password.endswith("\r") else password
    if not password:
        raise CommandError("No password on standard input. Nothing was changed.")
    return password


def read_password(from_stdin: bool, user_id: str) -> str:
    """One line of standard input, or typed twice at the terminal (never echoed)."""
    import getpass  # deferred: start-up time

    if from_stdin:
        return password_from_stdin()
    if not sys.stdin.isatty():
        raise CommandError("There is no terminal to ask for the password: give it with --password-stdin.")
    first = getpass.getpass(f"Password for {user_id}: ")
    again = getpass.getpass("The same password again: ")
    if first != again:
        raise CommandError("The two passwords differ. Nothing was changed; try again.")
    return first


def read_password_change(from_stdin: bool, user_id: str) -> tuple[str, str]:
    """(old, new): two lines of standard input, or asked at the terminal (the new one twice)."""
    import getpass  # deferred: start-up time

    if from_stdin:
        return password_from_stdin(), password_from_stdin()
    if not sys.stdin.isatty():
        raise CommandError("There is no terminal to ask for the passwords: give them with --password-stdin.")
    old = getpass.getpass(f"Current password for {user_id}: ")
    return old, read_password(False, user_id)


def sign_in_from_args(ctx: ServiceContext, args: argparse.Namespace) -> Operator:
    """The supervisor named by --user, signed in with their password (audited like the window's sign-in)."""
    import getpass  # deferred: start-up time

    from cashdesk.services.auth import sign_in

    if args.password_stdin:
        password = password_from_stdin()
    elif sys.stdin.isatty():
        password = getpass.getpass(f"Password for {args.user}: ")
    else:
        raise CommandError("There is no terminal to ask for the password: give it with --password-stdin.")
    signed = sign_in(ctx, args.user, password)
    if signed.must_change_password:
        raise CommandError(f"{signed.operator.user_id} must choose a new password first: sign in at the window.")
    return signed.operator


def check_user_id_first(user_id: str) -> None:
    """Before asking for a password, so nobody types one twice for a user id that will be refused."""
    problem = check_user_id(user_id.strip().lower())
    if problem is not None:
        raise CommandError(problem)
