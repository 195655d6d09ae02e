"""The day's commands: close-day, export-deposit, simulate, backup and restore."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cashdesk.cli.progress import backup_bar, progress_bar, wait_with_bar
from cashdesk.cli.signing import CommandError, sign_in_from_args

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (2 ms) at start-up
if TYPE_CHECKING:
    from cashdesk.services.context import ServiceContext
    from cashdesk.services.deposit import ExportResult


def close_day_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.auth import sign_out  # deferred: start-up time
    from cashdesk.services.day_close import close_and_export, close_day

    operator = sign_in_from_args(ctx, args)
    try:
        if args.out is None:
            result, both = close_day(ctx, operator, args.date), None
        else:  # the day read once for both, as the day-close window does
            both = close_and_export(ctx, operator, args.date, args.out, ticket_number=args.ticket,
                                    bag_number=args.bag)  # fmt: skip
            result = both.closed
    finally:
        sign_out(ctx, operator)
    print(result.describe(), flush=True)  # the day is closed now; the backup follows
    code = 0
    if both is not None and both.exported is not None:
        _print_export(both.exported)
    elif both is not None:
        print(f"cashdesk: {both.export_refused}", file=sys.stderr, flush=True)
        code = 1  # closed, not exported: export-deposit writes it once the cause is fixed
    if result.backup is not None:
        # The command waits for it, a bar on a terminal: it ends with the backup whole, or said failed.
        wait_with_bar(result.backup, enabled=not args.no_progress)
        outcome = result.backup.wait()
        assert outcome is not None
        print(outcome.describe())
    return code


def _print_export(result: ExportResult) -> None:
    for file in result.files:
        print(f"{file.path}  {file.size:,} bytes  sha256 {file.sha256}{'  CHANGED' if file.changed else ''}")
    if result.manifest is not None:
        print(f"{result.manifest}  the manifest: the export is complete")
    print(result.describe(), flush=True)


def export_deposit_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.auth import sign_out  # deferred: start-up time
    from cashdesk.services.deposit import ExportDiffers, export_deposit

    operator = sign_in_from_args(ctx, args)
    try:
        result = export_deposit(ctx, operator, args.date, args.out, ticket_number=args.ticket, bag_number=args.bag)
    except ExportDiffers as differs:
        # 1: the day is not what was closed and exported; nothing was written (the message says what differs).
        print(f"cashdesk: {differs}", file=sys.stderr)
        return 1
    finally:
        sign_out(ctx, operator)
    _print_export(result)
    return 0


def simulate_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.domain.balancing import over_short_words
    from cashdesk.services.context import command_line_operator  # deferred: start-up time
    from cashdesk.services.simulate import SimulatedDay, simulate

    out = args.out or ((ctx.db.path.parent if ctx.db.path else Path.cwd()) / "exports")

    done = 0
    with progress_bar("Simulating days", enabled=not args.no_progress) as bar:

        def report(day: SimulatedDay) -> None:
            nonlocal done
            print(day.business_date.isoformat(), flush=True)  # stdout: the business dates, one per line
            print(
                f"  {day.receipts} receipts, {day.total.display()}, {day.voids} voids, {day.drops} drops, "
                f"drawers: {over_short_words(day.over_short)}",
                file=sys.stderr,
            )
            done += 1
            if bar is not None:
                bar(done, args.days)

        simulate(ctx, command_line_operator(), days=args.days, seed=args.seed, out=out, on_day=report)
    print(f"Deposit files in {out}", file=sys.stderr)
    return 0


def backup_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.backup import backup  # deferred: start-up time
    from cashdesk.services.context import command_line_operator

    with backup_bar(enabled=not args.no_progress) as bar:
        result = backup(ctx, command_line_operator(), args.to, progress=bar)
    print(result.describe())
    return 0


def restore_command(args: argparse.Namespace) -> int:
    from cashdesk.services.context import command_line_operator  # deferred: start-up time
    from cashdesk.services.restore import restore
    from cashdesk.store.db import resolve_url, sqlite_path

    database = sqlite_path(resolve_url(args.db))
    if database is None:
        raise CommandError("restore puts a backup file in place of an SQLite database file; give --db a file path.")
    print(restore(args.backup_file, database, user=command_line_operator().user_id).describe())
    return 0
