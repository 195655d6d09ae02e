"""The office commands: office init and status, station join, sync (docs/office.md)."""

from __future__ import annotations

import argparse
import json
import time

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from cashdesk.services.context import ServiceContext


def office_command(args: argparse.Namespace) -> int:
    from cashdesk.services.context import command_line_operator  # deferred: start-up time
    from cashdesk.services.office import init_office, office_status

    if args.office_command == "init":
        print(init_office(command_line_operator(), args.url))
        return 0
    if args.office_command == "merge":
        return _merge(args)
    windows = office_status(args.url)
    if args.json:
        listed = [{"station": w.station, "joined_at": w.joined_at.isoformat(),
                   "last_contact": w.last_contact.isoformat() if w.last_contact else None,
                   "waiting_at_last_contact": w.outbox_after_contact, "rows_received": w.rows_received,
                   "open_drawers": w.open_drawers, "receipts": w.receipts} for w in windows]  # fmt: skip
        print(json.dumps(listed, indent=1))
        return 0
    if not windows:
        print("No window has joined this office yet.")
    for w in windows:
        contact = f"{w.last_contact:%Y-%m-%d %H:%M:%S %Z}" if w.last_contact else "never"
        print(f"{w.station}: last contact {contact}, {w.outbox_after_contact:,} changes still to send then, "
              f"{w.open_drawers} open drawers, {w.receipts:,} receipts")  # fmt: skip
    return 0


def _merge(args: argparse.Namespace) -> int:
    from cashdesk.config import Settings  # deferred: start-up time
    from cashdesk.services.context import ServiceContext, command_line_operator
    from cashdesk.services.office import merge_file

    ctx = ServiceContext.open(args.file, settings=Settings.load(), quick_check=True)
    try:
        print(merge_file(ctx, command_line_operator(), args.url).describe())
    finally:
        ctx.close()
    return 0


#: The office commands run at a window: its supervisor signs in against the window's users.
OFFICE_DAY_COMMANDS = ("close-day", "export-deposit")


def office_day_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.cli.signing import sign_in_from_args  # deferred: start-up time
    from cashdesk.services.auth import sign_out
    from cashdesk.services.office_day import close_office_day, export_office_deposit

    operator = sign_in_from_args(ctx, args)
    try:
        if args.office_command == "close-day":
            print(close_office_day(ctx, operator, args.date).describe())
            return 0
        exported = export_office_deposit(ctx, operator, args.date, args.out)
    finally:
        sign_out(ctx, operator)
    for name, size, digest in exported.files:
        print(f"{exported.folder / name}  {size:,} bytes  sha256 {digest}")
    print(exported.describe())
    return 0


def station_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.context import command_line_operator  # deferred: start-up time
    from cashdesk.services.office import join_office

    print(join_office(ctx, command_line_operator(), args.office, args.station).describe())
    return 0


def sync_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.office import sync_once  # deferred: start-up time

    while True:
        result = sync_once(ctx)
        print(result.describe(), flush=True)
        if args.once:
            return 1 if result.problem else 0
        time.sleep(args.every)  # until Ctrl+C (130) or the service manager stops it
