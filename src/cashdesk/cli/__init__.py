"""The `cashdesk` command: the window with no arguments, and the administration commands.

Only what the parser needs is imported at the top. The rest is imported once a command is
chosen, on purpose: `cashdesk --help` and a mistyped command answer in about 50 ms, while a
service module brings SQLAlchemy (with argon2, ReportLab or python-escpos), 0.3-0.6 s, and even
the settings, the store and the log set-up would add a third to `--help`. Each such import says
"deferred: start-up time".
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cashdesk.cli.answers import answers_command, supplies_command
from cashdesk.cli.arrangements import arrangement_command, arrangements_command
from cashdesk.cli.collections import delinquency_command
from cashdesk.cli.days import (
    backup_command,
    close_day_command,
    export_deposit_command,
    restore_command,
    simulate_command,
)
from cashdesk.cli.imports import (
    demo_data_command,
    import_accounts_command,
    import_accounts_office_command,
    import_payments_command,
    is_office_url,
)
from cashdesk.cli.lookups import (
    account_command,
    audit_command,
    check_command,
    config_show_command,
    printer_command,
    printer_status_command,
    search_command,
)
from cashdesk.cli.office import OFFICE_DAY_COMMANDS, office_command, office_day_command, station_command, sync_command
from cashdesk.cli.orders import shutoff_list_command, work_orders_command
from cashdesk.cli.parser import build_parser
from cashdesk.cli.people import init_command, user_command
from cashdesk.cli.reports import payments_command, report_command, statement_command
from cashdesk.cli.signing import CommandError

if TYPE_CHECKING:
    from cashdesk.services.context import ServiceContext

__all__ = ["CommandError", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from cashdesk import clock  # deferred: start-up time
    from cashdesk.config import SettingsError
    from cashdesk.logs import setup_logging
    from cashdesk.services.context import DatabaseError, ServiceError

    setup_logging()
    try:
        clock.check_environment()
    except ValueError as exc:
        print(f"cashdesk: {exc}", file=sys.stderr)
        return 2
    if clock.is_set():
        logging.getLogger(__name__).warning("the clock is set by %s: it reads %s", clock.ENVIRONMENT, clock.now())
    try:
        return _dispatch(args)
    except (DatabaseError, ServiceError, SettingsError, CommandError) as exc:
        print(f"cashdesk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("cashdesk: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`cashdesk account N | head`): nothing more to say, and nothing may
        # be written to the closed pipe at exit either. 141 is what a shell reports for SIGPIPE.
        import os  # deferred: start-up time

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


def _dispatch(args: argparse.Namespace) -> int:
    """Run the command chosen: first those that need no station database, then the others on it."""
    from cashdesk.config import Settings  # deferred: start-up time

    command = args.command
    if args.self_test:
        from cashdesk.cli.self_test import self_test_command  # deferred: start-up time

        return self_test_command()
    if command is None:
        from cashdesk.ui.app import run  # deferred: PySide6 and every service (see the module's note)

        return run(db=args.db, quit_after_ms=args.quit_after)
    if command == "init":
        return init_command(args)
    if command == "config":
        return config_show_command(Settings.load())
    if command == "demo-data":
        return demo_data_command(args)
    if command == "restore":
        return restore_command(args)
    if command == "office" and args.office_command not in OFFICE_DAY_COMMANDS:
        return office_command(args)  # the office's own database, not this window's
    if command == "import-accounts" and is_office_url(args.db):
        return import_accounts_office_command(args)  # the office's master, not a window's file
    if command == "printer" and args.printer_command == "status":
        return printer_status_command(Settings.load())  # the settings alone: a new station checks its printer first

    from cashdesk.services.context import ServiceContext  # deferred: start-up time

    # SQLite's quick check reads the whole file (2 s on a city of 500,000 accounts): a command
    # runs it only where it matters (a backup, `check`); the window runs it in the background.
    ctx = ServiceContext.open(args.db, settings=Settings.load(), quick_check=command == "backup")
    try:
        return _run_on_station(ctx, args)
    finally:
        ctx.close()


def _run_on_station(ctx: ServiceContext, args: argparse.Namespace) -> int:
    """A command that works on this station's database, opened as `ctx` (closed by the caller)."""
    command = args.command
    if command == "search":
        return search_command(ctx, args)
    if command == "account":
        return account_command(ctx, args)
    if command == "import-accounts":
        return import_accounts_command(ctx, args)
    if command == "import-payments":
        return import_payments_command(ctx, args)
    if command == "audit":
        return audit_command(ctx, args)
    if command == "printer":
        return printer_command(ctx, args)
    if command == "user":
        return user_command(ctx, args)
    if command == "close-day":
        return close_day_command(ctx, args)
    if command == "export-deposit":
        return export_deposit_command(ctx, args)
    if command == "simulate":
        return simulate_command(ctx, args)
    if command == "backup":
        return backup_command(ctx, args)
    if command == "check":
        return check_command(ctx)
    if command == "station":
        return station_command(ctx, args)
    if command == "office":  # the office's day: its supervisor signs in at this window
        return office_day_command(ctx, args)
    if command == "sync":
        return sync_command(ctx, args)
    if command == "payments":
        return payments_command(ctx, args)
    if command == "statement":
        return statement_command(ctx, args)
    if command == "report":
        return report_command(ctx, args)
    if command == "answers":
        return answers_command(ctx, args)
    if command == "supplies":
        return supplies_command(ctx, args)
    if command == "work-orders":
        return work_orders_command(ctx, args)
    if command == "shutoff-list":
        return shutoff_list_command(ctx, args)
    if command == "arrangement":
        return arrangement_command(ctx, args)
    if command == "arrangements":
        return arrangements_command(ctx, args)
    if command == "delinquency":
        return delinquency_command(ctx, args)
    raise AssertionError(command)  # pragma: no cover - argparse allows no other
