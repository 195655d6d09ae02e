"""The `cashdesk` command: the window with no arguments, and the administration commands."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from cashdesk import __version__

EPILOG = """\
The database is the file given by --db, else $CASHDESK_DB, else cashdesk.sqlite3 in the
user data folder. --db also takes a SQLAlchemy URL. Settings are read from $CASHDESK_CONFIG,
else cashdesk.toml in the user config folder (see `cashdesk config show`).
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cashdesk",
        description="Cashiering for a city finance department's customer-service window. "
        "With no command, the window starts.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"cashdesk {__version__}")
    parser.add_argument("--db", metavar="PATH|URL", help="the database to use")
    parser.add_argument("--quit-after", type=int, metavar="MS", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("init", help="create or upgrade the database")

    demo = sub.add_parser("demo-data", help="fill the database with a fictional city for training and tests")
    demo.add_argument("--accounts", type=int, default=5000, metavar="N", help="how many accounts (default 5000)")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="the same seed gives the same city")

    imp = sub.add_parser("import-accounts", help="load accounts and open items from the billing system (CSV)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--no-progress", action="store_true", help="no progress bar")

    search = sub.add_parser("search", help="find accounts by number, name, service address or phone")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument("--limit", type=int, metavar="N", help="most results (default: the search.limit setting)")

    account = sub.add_parser("account", help="one account: balance, open items, aging, flags, history")
    account.add_argument("account", metavar="ACCOUNT")
    account.add_argument("--json", action="store_true", help="print JSON")

    audit = sub.add_parser("audit", help="the audit trail: verify its hash chain, export it")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    audit_sub.add_parser("verify", help="exit 0 when the chain is whole, 1 naming the first bad event")
    export = audit_sub.add_parser("export", help="write the events of a date range as CSV")
    export.add_argument("--from", dest="start", required=True, type=_date, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="end", required=True, type=_date, metavar="YYYY-MM-DD")
    export.add_argument("--out", type=Path, metavar="FILE", help="default: audit-FROM-TO.csv here")

    config = sub.add_parser("config", help="settings")
    config_sub = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    config_sub.add_parser("show", help="the effective settings and where each comes from")
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from cashdesk.logs import setup_logging

    setup_logging()
    from cashdesk.config import SettingsError
    from cashdesk.services.context import DatabaseError, ServiceError

    try:
        return _dispatch(args)
    except (DatabaseError, ServiceError, SettingsError) as exc:
        print(f"cashdesk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("cashdesk: stopped.", file=sys.stderr)
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    from cashdesk.config import Settings

    command = args.command
    if command is None:
        from cashdesk.ui.app import run

        return run(db=args.db, quit_after_ms=args.quit_after)
    if command == "init":
        from cashdesk.services.setup import init_database

        print(init_database(args.db).describe())
        return 0
    if command == "config":
        return _config_show(Settings.load())
    if command == "demo-data":
        return _demo_data(args)

    from cashdesk.services.context import ServiceContext

    ctx = ServiceContext.open(args.db, settings=Settings.load())
    try:
        if command == "search":
            return _search(ctx, args)
        if command == "account":
            return _account(ctx, args)
        if command == "import-accounts":
            return _import_accounts(ctx, args)
        if command == "audit":
            return _audit(ctx, args)
    finally:
        ctx.close()
    raise AssertionError(command)  # pragma: no cover - argparse allows no other


def _config_show(settings: object) -> int:
    from cashdesk.config import SETTINGS, Settings

    assert isinstance(settings, Settings)
    print(f"# settings file: {settings.path}{'' if settings.path and settings.path.exists() else ' (not present)'}")
    for setting in SETTINGS:
        value = settings[setting.key]
        shown = json.dumps(value) if not isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        print(f"{setting.key} = {shown}    # {setting.type.__name__}, {settings.source(setting.key)}: {setting.description}")
    return 0


def _search(ctx: object, args: argparse.Namespace) -> int:
    from cashdesk.services.accounts import search_accounts
    from cashdesk.services.context import ServiceContext

    assert isinstance(ctx, ServiceContext)
    results = search_accounts(ctx, args.query, limit=args.limit)
    if args.json:
        print(json.dumps([r.as_json() for r in results], indent=2, ensure_ascii=False))
        return 0
    if not results:
        print(f"No account matches {args.query!r}.")
        return 1
    for r in results:
        print(f"{r.account:<12} {r.kind:<10} {r.status:<9} {r.balance.display():>12}  {r.name[:30]:<30}  {r.address}")
    return 0


def _account(ctx: object, args: argparse.Namespace) -> int:
    from cashdesk.services.accounts import account_detail
    from cashdesk.services.context import ServiceContext

    assert isinstance(ctx, ServiceContext)
    detail = account_detail(ctx, args.account)
    if args.json:
        print(json.dumps(detail.as_json(), indent=2, ensure_ascii=False))
        return 0
    a = detail.account
    print(f"Account {a.number}  {a.name}  ({a.kind.value.replace('_', ' ')}, {a.status.label})")
    if a.service_address:
        print(f"Service address: {a.service_address}")
    if a.mailing_address:
        print(f"Mailing address: {a.mailing_address}")
    if a.phone:
        print(f"Phone: {a.phone}")
    if a.licence_number:
        print(f"Licence: {a.licence_number}   Filing: {a.filing_frequency.value if a.filing_frequency else '-'}")
    if detail.flags:
        print("Flags: " + ", ".join(detail.flags))
    print(f"Balance as of {detail.as_of}: {detail.balance.display()}   (past due {detail.past_due.display()})")
    print("Aging: " + "   ".join(f"{b}: {m.display()}" for b, m in detail.aging.as_pairs()))
    if detail.items:
        print("Open items (in paying order):")
        for i in detail.items:
            late = "  PAST DUE" if i.past_due else ""
            print(f"  {i.due_date}  {i.revenue_code:<9} {i.description[:32]:<32} {i.open_amount.display():>12}{late}")
    else:
        print("No open items.")
    if detail.history:
        print("History (latest first):")
        for h in detail.history[:20]:
            print(f"  {h.on_date}  {h.kind:<10} {h.description[:36]:<36} {h.amount.display():>12}  {h.reference}")
    return 0


def _audit(ctx: object, args: argparse.Namespace) -> int:
    from cashdesk.services.audit import export_events, verify_audit
    from cashdesk.services.context import ServiceContext, command_line_operator

    assert isinstance(ctx, ServiceContext)
    if args.audit_command == "verify":
        check = verify_audit(ctx)
        if check.ok:
            print(f"The audit trail is whole: {check.events:,} events, every hash checks.")
            return 0
        print(f"The audit trail is broken at event {check.first_bad_seq}: {check.problem}.")
        return 1
    out = args.out or Path(f"audit-{args.start}-{args.end}.csv")
    count = export_events(ctx, command_line_operator(), args.start, args.end, out)
    print(f"Wrote {count:,} audit events from {args.start} to {args.end} to {out}.")
    return 0


def _demo_data(args: argparse.Namespace) -> int:
    from cashdesk.services.demo import generate_demo_city

    if args.accounts < 1:
        print("cashdesk: --accounts must be at least 1.", file=sys.stderr)
        return 2
    result = generate_demo_city(args.db, accounts=args.accounts, seed=args.seed, progress=_progress_bar("Demo city"))
    print(result.describe())
    return 0


def _import_accounts(ctx: object, args: argparse.Namespace) -> int:
    from cashdesk.services.imports import ImportRefused, import_accounts

    progress = None if args.no_progress else _progress_bar("Importing")
    try:
        result = import_accounts(ctx, args.file, progress=progress)  # type: ignore[arg-type]
    except ImportRefused as refused:
        print(str(refused), file=sys.stderr)
        return 1
    print(result.describe())
    return 0


def _progress_bar(label: str):  # type: ignore[no-untyped-def]
    """A progress bar on stderr when it is a terminal; silent otherwise."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // total if total else width
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
