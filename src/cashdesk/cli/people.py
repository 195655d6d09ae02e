"""`cashdesk init` (the first administrator) and `cashdesk user …`."""

from __future__ import annotations

import argparse
import sys

from cashdesk.cli.signing import CommandError, check_user_id_first, read_password, read_password_change
from cashdesk.domain.security import Role

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (2 ms) at start-up
if TYPE_CHECKING:
    from cashdesk.services.context import ServiceContext
    from cashdesk.services.users import UserView


def init_command(args: argparse.Namespace) -> int:
    from cashdesk.config import Settings  # deferred: start-up time
    from cashdesk.services.context import ServiceContext, ServiceError, command_line_operator
    from cashdesk.services.setup import init_database
    from cashdesk.services.users import add_user, get_user, has_users

    if args.password_stdin and not args.admin:
        raise CommandError("--password-stdin goes with --admin USER.")
    actor = command_line_operator()
    clear_interrupted_restore_first(args.db)
    print(init_database(args.db, actor=actor).describe())
    ctx = ServiceContext.open(args.db, settings=Settings.load(), quick_check=False)
    try:
        if has_users(ctx):
            if not args.admin:
                return 0
            try:
                existing = get_user(ctx, actor, args.admin)
            except ServiceError:
                raise CommandError(
                    f"There are users already, so {args.admin} was not added as the first administrator. "
                    f"Add them with `cashdesk user add {args.admin} --role administrator`."
                ) from None
            if existing.role is not Role.ADMINISTRATOR:
                raise CommandError(
                    f"{existing.user_id} is already a user, as {existing.role.label.lower()}, not administrator."
                )
            print(f"{existing.user_id} is already an administrator; nothing to add.")
            return 0
        if args.admin:
            user_id = args.admin
        elif sys.stdin.isatty():
            print("There are no users yet. Add the first administrator.")
            user_id = input("User id (like jsmith): ").strip()
        else:
            print("No administrator yet: run `cashdesk init --admin USER --password-stdin`.")
            return 0
        check_user_id_first(user_id)
        password = read_password(args.password_stdin, user_id)
        added = add_user(ctx, actor, user_id, Role.ADMINISTRATOR, password, must_change_password=False)
        print(f"Added {added.user_id}, administrator. Sign in with that user id to add the others.")
        return 0
    finally:
        ctx.close()


def clear_interrupted_restore_first(db: str | None) -> None:
    """What a restore that was stopped left beside the database goes before `init` uses it (docs/backups.md)."""
    from cashdesk.services.restore import clear_interrupted_restore  # deferred: start-up time
    from cashdesk.store.db import resolve_url, sqlite_path

    database = sqlite_path(resolve_url(db))
    cleared = clear_interrupted_restore(database) if database is not None else ()
    if cleared:
        print(
            f"Removed what an interrupted restore had left beside the database: {', '.join(p.name for p in cleared)}."
        )


def user_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services import users  # deferred: start-up time
    from cashdesk.services.context import command_line_operator

    actor = command_line_operator()
    action = args.user_command
    if action == "list":
        return _user_list(ctx, users.list_users(ctx, actor))
    if action == "add":
        check_user_id_first(args.user_id)
        password = read_password(args.password_stdin, args.user_id)
        view = users.add_user(ctx, actor, args.user_id, args.role, password, full_name=args.name)
        print(
            f"Added {view.user_id}, {view.role.label.lower()}. They choose their own password at their first sign-in."
        )
    elif action == "disable":
        view = users.disable_user(ctx, actor, args.user_id, args.reason)
        print(f"{view.user_id} is disabled ({view.disabled_reason}).")
    elif action == "enable":
        view = users.enable_user(ctx, actor, args.user_id)
        print(f"{view.user_id} is enabled.")
    elif action == "unlock":
        view = users.unlock_user(ctx, actor, args.user_id)
        print(f"{view.user_id} is unlocked.")
    elif action == "reset-password":
        password = read_password(args.password_stdin, args.user_id)
        view = users.reset_password(ctx, actor, args.user_id, password)
        print(f"The password of {view.user_id} is reset. They must choose a new one at their next sign-in.")
    elif action == "password":
        from cashdesk.services.auth import change_password  # deferred: start-up time

        old, new = read_password_change(args.password_stdin, args.user_id)
        change_password(ctx, args.user_id, old, new)
        print(f"The password of {args.user_id} is changed.")
    elif action == "role":
        view = users.change_role(ctx, actor, args.user_id, args.role)
        print(f"{view.user_id} is {view.role.label.lower()}.")
    else:  # pragma: no cover - argparse allows no other
        raise AssertionError(action)
    return 0


def _user_list(ctx: ServiceContext, views: list[UserView]) -> int:
    from zoneinfo import ZoneInfo  # deferred: start-up time

    zone_name = ctx.settings.city.time_zone
    zone = ZoneInfo(zone_name)
    now = ctx.now()
    rows = [("user", "name", "role", "state", "last sign-in")]
    for v in views:
        last = v.last_sign_in_at.astimezone(zone).strftime("%Y-%m-%d %H:%M") if v.last_sign_in_at else "never"
        rows.append((v.user_id, v.full_name or "-", v.role.value, v.state(now, zone_name), last))
    if len(rows) == 1:
        print("There are no users yet. Add one with `cashdesk user add USER --role ROLE`.")
        return 0
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[-1])
    return 0
