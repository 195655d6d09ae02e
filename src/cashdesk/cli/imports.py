"""Long commands that fill the database: demo-data, import-accounts, import-payments."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cashdesk.cli.progress import progress_bar, progress_lines
from cashdesk.cli.signing import CommandError, sign_in_from_args

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (2 ms) at start-up
if TYPE_CHECKING:
    from cashdesk.services.context import ServiceContext


def demo_data_command(args: argparse.Namespace) -> int:
    from cashdesk.services.demo import generate_demo_city  # deferred: start-up time

    if args.accounts < 1:
        print("cashdesk: --accounts must be at least 1.", file=sys.stderr)
        return 2
    if is_office_url(args.db):
        return _demo_office(args)
    with progress_bar("Demo city") as progress:
        result = generate_demo_city(args.db, accounts=args.accounts, seed=args.seed, progress=progress)
    print(result.describe())
    return 0


def is_office_url(db: str | None) -> bool:
    """`--db` names an office server (PostgreSQL), not a window's file: said without importing the services."""
    return db is not None and db.split("://", 1)[0] in ("postgresql", "postgres", "postgresql+psycopg")


def _demo_office(args: argparse.Namespace) -> int:
    from cashdesk.config import Settings  # deferred: start-up time
    from cashdesk.services.office_master import demo_into_office

    with progress_bar("Demo city") as progress:
        result, loaded = demo_into_office(args.db, Settings.load(), accounts=args.accounts, seed=args.seed,
                                          progress=progress)  # fmt: skip
    print(f"Built a demo city of {result.accounts:,} accounts (seed {result.seed}, as of {result.as_of}) for the "
          f"office. {loaded.describe()}")  # fmt: skip
    return 0


def import_accounts_office_command(args: argparse.Namespace) -> int:
    """`cashdesk --db postgresql://… import-accounts FILE`: into the office's master (docs/office.md)."""
    from cashdesk.config import Settings  # deferred: start-up time
    from cashdesk.services.imports import ImportRefused
    from cashdesk.services.office_master import import_into_office

    try:
        with progress_bar("Importing", enabled=not args.no_progress) as progress:
            result, loaded = import_into_office(args.db, args.file, Settings.load(), progress=progress)
    except ImportRefused as refused:
        print(str(refused), file=sys.stderr)
        return 1
    print(result.describe())
    print(loaded.describe())
    return 0


def import_accounts_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.context import command_line_operator  # deferred: start-up time
    from cashdesk.services.imports import ImportRefused, import_accounts

    try:
        with progress_bar("Importing", enabled=not args.no_progress) as progress:
            result = import_accounts(ctx, args.file, progress=progress, actor=command_line_operator())
    except ImportRefused as refused:
        print(str(refused), file=sys.stderr)
        return 1
    print(result.describe())
    return 0


def import_payments_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.domain.money import Money, MoneyError  # deferred: start-up time
    from cashdesk.services.auth import sign_out
    from cashdesk.services.payment_imports import PaymentsImportRefused, import_payments

    try:
        control_total = Money.parse(args.control_total)
    except MoneyError as exc:
        raise CommandError(f"--control-total: {exc}") from None
    operator = sign_in_from_args(ctx, args)
    try:
        with progress_bar("Checking payments", enabled=not args.no_progress) as bar:
            lines = None if args.no_progress else progress_lines("Checking payments")  # a log gets a line now and then
            result = import_payments(ctx, operator, Path(args.file), control_count=args.control_count,
                                     control_total=control_total, progress=bar or lines)  # fmt: skip
    except PaymentsImportRefused as refused:
        print(str(refused), file=sys.stderr)
        return 1
    finally:
        sign_out(ctx, operator)
    print(result.describe())
    if result.view.suspects:
        count = len(result.view.suspects)
        print(f"{count} suspect remittance{'' if count == 1 else 's'} to look at before posting:")
        for item in result.view.suspects[:50]:
            print(f"  item {item.seq} (line {item.source_line}): {item.problem}")
    return 0 if result.balanced else 3
