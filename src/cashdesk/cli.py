"""The `cashdesk` command: the window with no arguments, and the administration commands.

Only what the parser needs is imported at the top. The rest is imported once a command is
chosen, on purpose: `cashdesk --help` and a mistyped command answer in about 50 ms, while a
service module brings SQLAlchemy (with argon2, ReportLab or python-escpos), 0.3-0.6 s, and even
the settings, the store and the log set-up would add a third to `--help`. Each such import says
"deferred: start-up time".
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from cashdesk import __version__
from cashdesk.domain.dates import parse_day
from cashdesk.domain.security import Role, check_user_id

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (2 ms) at start-up
if TYPE_CHECKING:
    from cashdesk.config import Settings
    from cashdesk.domain.anchors import Anchor
    from cashdesk.services.audit import TrailCheck
    from cashdesk.services.context import Operator, ServiceContext
    from cashdesk.services.users import UserView

#: What a long import reports to: rows done, rows in all.
Progress = Callable[[int, int], None]

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
    parser.add_argument("--quit-after", type=_whole_number, metavar="MS", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser("init", help="create or upgrade the database; on the first run, add the first administrator")
    init.add_argument("--admin", metavar="USER", help="the first administrator's user id (when there are no users)")
    init.add_argument("--password-stdin", action="store_true", help="read the password from one line of standard input")

    user = sub.add_parser("user", help="users: add, list, disable, enable, unlock, reset a password, change a role")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = user_sub.add_parser("add", help="add a user (they choose their own password at the first sign-in)")
    add.add_argument("user_id", metavar="USER")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--name", default="", metavar="NAME", help="the person's full name")
    add.add_argument("--password-stdin", action="store_true", help="read the password from one line of standard input")
    user_sub.add_parser("list", help="every user with their role and state")
    disable = user_sub.add_parser("disable", help="stop a user from signing in (users are never deleted)")
    disable.add_argument("user_id", metavar="USER")
    disable.add_argument("--reason", default="", metavar="TEXT")
    enable = user_sub.add_parser("enable", help="let a disabled user sign in again")
    enable.add_argument("user_id", metavar="USER")
    unlock = user_sub.add_parser("unlock", help="lift a lockout after too many failed sign-ins")
    unlock.add_argument("user_id", metavar="USER")
    reset = user_sub.add_parser("reset-password", help="set a temporary password; the user must change it at sign-in")
    reset.add_argument("user_id", metavar="USER")
    reset.add_argument(
        "--password-stdin", action="store_true", help="read the password from one line of standard input"
    )
    own = user_sub.add_parser("password", help="change your own password (the old one first)")
    own.add_argument("user_id", metavar="USER")
    own.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the old and the new password from two lines of standard input",
    )
    role = user_sub.add_parser("role", help="give a user another role")
    role.add_argument("user_id", metavar="USER")
    role.add_argument("role", choices=[r.value for r in Role])

    demo = sub.add_parser("demo-data", help="fill the database with a fictional city for training and tests")
    demo.add_argument(
        "--accounts", type=_whole_number, default=5000, metavar="N", help="how many accounts (default 5000)"
    )
    demo.add_argument("--seed", type=_whole_number, default=1, metavar="S", help="the same seed gives the same city")

    imp = sub.add_parser("import-accounts", help="load accounts and open items from the billing system (CSV)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--no-progress", action="store_true", help="no progress bar")

    payments = sub.add_parser(
        "import-payments", help="make a mail batch from a lockbox or payments file (CSV, docs/formats.md)",
        description="Make a mail batch from a lockbox or payments file, all or nothing. Exit status: 0 the batch "
        "balances to the tape and is ready to post; 1 bad rows, every one listed, nothing imported; 3 imported but "
        "it does not balance: left open, the differences listed; 2 any other refusal.")  # fmt: skip
    payments.add_argument("file", metavar="FILE")
    payments.add_argument("--control-count", required=True, type=_whole_number, metavar="N",
                          help="the number of remittances on the adding-machine tape")  # fmt: skip
    payments.add_argument("--control-total", required=True, metavar="AMOUNT", help="the tape's total, like 1234.56")
    payments.add_argument(
        "--user", required=True, metavar="USER", help="the cashier (or supervisor) who owns the batch"
    )
    payments.add_argument("--password-stdin", action="store_true",
                          help="read the user's password from one line of standard input")  # fmt: skip
    payments.add_argument("--no-progress", action="store_true", help="no progress line")

    search = sub.add_parser("search", help="find accounts by number, name, service address or phone")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.add_argument(
        "--limit", type=_whole_number, metavar="N", help="most results (default: the search.limit setting)"
    )

    account = sub.add_parser("account", help="one account: balance, open items, aging, flags, history")
    account.add_argument("account", metavar="ACCOUNT")
    account.add_argument("--json", action="store_true", help="print JSON")

    audit = sub.add_parser("audit", help="the audit trail: verify its hash chain, export it")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_sub.add_parser("verify", help="exit 0 when the chain is whole, 1 naming the first bad event")
    verify.add_argument(
        "--anchor",
        action="append",
        default=[],
        type=_anchor,
        metavar="SEQ:HASH",
        help="an anchor printed on a Z report or the day-close report, like 120:a3f2.9b1c.0d44.12ef; "
        "names events removed or rewritten before it (repeatable)",
    )
    verify.add_argument(
        "--anchors",
        action="append",
        default=[],
        type=Path,
        metavar="DIR",
        help="check the anchors in the deposit files of this folder (and its subfolders)",
    )
    export = audit_sub.add_parser("export", help="write the events of a date range as CSV")
    export.add_argument("--from", dest="start", required=True, type=_date, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="end", required=True, type=_date, metavar="YYYY-MM-DD")
    export.add_argument("--out", type=Path, metavar="FILE", help="default: audit-FROM-TO.csv here")

    printer = sub.add_parser("printer", help="the receipt printer: status, test print (honour $CASHDESK_PRINTER)")
    printer_sub = printer.add_subparsers(dest="printer_command", metavar="ACTION", required=True)
    printer_sub.add_parser("status", help="what the configured printer reports")
    printer_sub.add_parser("test", help="print a sample receipt and open the cash drawer")

    close = sub.add_parser("close-day", help="close a business day once every drawer of it is closed (a supervisor)")
    close.add_argument("--date", required=True, type=_date, metavar="YYYY-MM-DD", help="the business day")
    _supervisor_arguments(close)
    deposit = sub.add_parser(
        "export-deposit", help="write a closed day's deposit slip, deposit file, GL journal and posting files"
    )
    deposit.add_argument("--date", required=True, type=_date, metavar="YYYY-MM-DD", help="the business day")
    deposit.add_argument("--out", required=True, type=Path, metavar="DIR", help="the folder for the five files")
    deposit.add_argument(
        "--ticket", default="", metavar="N", help="the bank's deposit ticket number (kept for the day)"
    )
    deposit.add_argument("--bag", default="", metavar="N", help="the deposit bag number (kept for the day)")
    _supervisor_arguments(deposit)

    simulate = sub.add_parser(
        "simulate",
        help="run simulated business days through the window's services (demo, benchmarks); prints each business date",
    )
    simulate.add_argument(
        "--days", type=_whole_number, required=True, metavar="N", help="how many business days (weekdays)"
    )
    simulate.add_argument(
        "--seed", type=_whole_number, default=1, metavar="S", help="the same seed gives the same days"
    )
    simulate.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="where each day's deposit files go (default: exports beside the database)",
    )

    sub.add_parser(
        "check", help="check the database file for damage (SQLite's quick check): after a crash or a disk fault"
    )
    backup = sub.add_parser("backup", help="a checked copy of the database, taken while it is in use")
    backup.add_argument(
        "--to",
        type=Path,
        metavar="PATH",
        help="a file or a folder (default: the backup.folder setting, or backups beside the database)",
    )
    restore = sub.add_parser(
        "restore", help="put a backup in place of the database (close every window first); the replaced file is kept"
    )
    restore.add_argument("backup_file", type=Path, metavar="PATH")

    config = sub.add_parser("config", help="settings")
    config_sub = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    config_sub.add_parser("show", help="the effective settings and where each comes from")
    return parser


def _supervisor_arguments(parser: argparse.ArgumentParser) -> None:
    # The command line's own operator is an administrator, who handles no money (separation of
    # duties): the day is closed by a supervisor who signs in here with their own password.
    parser.add_argument("--user", required=True, metavar="SUPERVISOR", help="the supervisor's user id")
    parser.add_argument(
        "--password-stdin", action="store_true", help="read the supervisor's password from one line of standard input"
    )


def _whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number; write it in digits, like 50") from None


def _anchor(text: str) -> Anchor:
    from cashdesk.domain.anchors import parse_anchor  # deferred: start-up time

    try:
        return parse_anchor(text, f"the anchor {text.strip()} given")
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _date(text: str) -> dt.date:
    """A date on the command line: YYYY-MM-DD, or as a cashier types it (the one parser)."""
    try:
        return parse_day(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


class CommandError(Exception):
    """The command cannot go on (a password that was not given, …); exit status 2."""


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
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
    from cashdesk.config import Settings  # deferred: start-up time

    command = args.command
    if command is None:
        from cashdesk.ui.app import run  # deferred: PySide6 and every service (see the module's note)

        return run(db=args.db, quit_after_ms=args.quit_after)
    if command == "init":
        return _init(args)
    if command == "config":
        return _config_show(Settings.load())
    if command == "demo-data":
        return _demo_data(args)
    if command == "restore":
        return _restore(args)
    if command == "printer" and args.printer_command == "status":
        return _printer_status(Settings.load())  # the settings alone: a new station checks its printer first

    from cashdesk.services.context import ServiceContext  # deferred: start-up time

    # SQLite's quick check reads the whole file (2 s on a city of 500,000 accounts): a command
    # runs it only where it matters (a backup, `check`); the window runs it in the background.
    ctx = ServiceContext.open(args.db, settings=Settings.load(), quick_check=command == "backup")
    try:
        if command == "search":
            return _search(ctx, args)
        if command == "account":
            return _account(ctx, args)
        if command == "import-accounts":
            return _import_accounts(ctx, args)
        if command == "import-payments":
            return _import_payments(ctx, args)
        if command == "audit":
            return _audit(ctx, args)
        if command == "printer":
            return _printer(ctx, args)
        if command == "user":
            return _user(ctx, args)
        if command == "close-day":
            return _close_day(ctx, args)
        if command == "export-deposit":
            return _export_deposit(ctx, args)
        if command == "simulate":
            return _simulate(ctx, args)
        if command == "backup":
            return _backup(ctx, args)
        if command == "check":
            return _check(ctx)
    finally:
        ctx.close()
    raise AssertionError(command)  # pragma: no cover - argparse allows no other


def _check(ctx: ServiceContext) -> int:
    where = ctx.db.path or ctx.db.url
    problems = ctx.db.quick_check()
    if not problems:
        print(f"The database {where} is sound: SQLite's quick check found nothing wrong.")
        return 0
    print(f"The database {where} is damaged: {'; '.join(problems)}. Stop using it and restore the latest backup "
          "(docs/backups.md).")  # fmt: skip
    return 1


def _config_show(settings: Settings) -> int:
    from cashdesk.config import SETTINGS  # deferred: start-up time

    print(f"# settings file: {settings.path}{'' if settings.path and settings.path.exists() else ' (not present)'}")
    values = settings.flat()
    for setting in SETTINGS:
        value = values[setting.key]
        shown = json.dumps(value) if not isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        kind, source = setting.type.__name__, settings.source(setting.key)
        print(f"{setting.key} = {shown}    # {kind}, {source}: {setting.description}")
    return 0


def _search(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.accounts import search_accounts  # deferred: start-up time

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


def _account(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.accounts import account_detail  # deferred: start-up time

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


def _audit(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.anchors import check_anchors, gather  # deferred: start-up time
    from cashdesk.services.audit import export_events, verify_audit
    from cashdesk.services.context import command_line_operator

    if args.audit_command == "verify":
        given, without = gather(args.anchor, args.anchors)  # a folder with no anchors refuses before any check
        code = _print_trail_check(verify_audit(ctx))
        if given:
            anchored = check_anchors(ctx, given, without_anchor=without)
            print(anchored.describe())
            code = code or (0 if anchored.ok else 1)
        return code
    out = args.out or Path(f"audit-{args.start}-{args.end}.csv")
    count = export_events(ctx, command_line_operator(), args.start, args.end, out)
    print(f"Wrote {count:,} audit events from {args.start} to {args.end} to {out}.")
    return 0


#: `audit verify` names at most this many problems (the rest are counted).
TRAIL_PROBLEMS_SHOWN = 20


def _print_trail_check(check: TrailCheck) -> int:
    """`audit verify`'s report: 0 when the trail and the money rows hold up, 1 naming what does not."""
    if check.ok:
        print(f"The audit trail is whole: {check.events:,} events, every hash checks.")
        if check.money_events:
            print(f"The rows of {check.money_events:,} money events match what each recorded.")
    elif check.chain.ok:
        print(f"The audit trail's {check.events:,} events hash correctly, but the database does not hold up:")
    else:
        print(f"The audit trail is broken at event {check.chain.first_bad_seq}: {check.chain.problem}.")
    for problem in check.problems[:TRAIL_PROBLEMS_SHOWN]:
        print(f"- {problem.message[:1].upper()}{problem.message[1:]}.")
    if len(check.problems) > TRAIL_PROBLEMS_SHOWN:
        print(f"- … and {len(check.problems) - TRAIL_PROBLEMS_SHOWN:,} more.")
    if check.unsealed_events:
        print(f"{check.unsealed_events:,} money events were written before digests were kept: their rows are not "
              "checked.")  # fmt: skip
    for note in check.notes:
        print(f"Note: {note}.")
    return 0 if check.ok else 1


def _password_from_stdin() -> str:
    """One line of standard input, without its line ending; refused when empty."""
    line = sys.stdin.readline()
    password = line[:-1] if line.endswith("\n") else line
    password = password[:-1] if password.endswith("\r") else password
    if not password:
        raise CommandError("No password on standard input. Nothing was changed.")
    return password


def _read_password(from_stdin: bool, user_id: str) -> str:
    """One line of standard input, or typed twice at the terminal (never echoed)."""
    import getpass  # deferred: start-up time

    if from_stdin:
        return _password_from_stdin()
    if not sys.stdin.isatty():
        raise CommandError("There is no terminal to ask for the password: give it with --password-stdin.")
    first = getpass.getpass(f"Password for {user_id}: ")
    again = getpass.getpass("The same password again: ")
    if first != again:
        raise CommandError("The two passwords differ. Nothing was changed; try again.")
    return first


def _read_password_change(from_stdin: bool, user_id: str) -> tuple[str, str]:
    """(old, new): two lines of standard input, or asked at the terminal (the new one twice)."""
    import getpass  # deferred: start-up time

    if from_stdin:
        return _password_from_stdin(), _password_from_stdin()
    if not sys.stdin.isatty():
        raise CommandError("There is no terminal to ask for the passwords: give them with --password-stdin.")
    old = getpass.getpass(f"Current password for {user_id}: ")
    return old, _read_password(False, user_id)


def _sign_in(ctx: ServiceContext, args: argparse.Namespace) -> Operator:
    """The supervisor named by --user, signed in with their password (audited like the window's sign-in)."""
    import getpass  # deferred: start-up time

    from cashdesk.services.auth import sign_in

    if args.password_stdin:
        password = _password_from_stdin()
    elif sys.stdin.isatty():
        password = getpass.getpass(f"Password for {args.user}: ")
    else:
        raise CommandError("There is no terminal to ask for the password: give it with --password-stdin.")
    signed = sign_in(ctx, args.user, password)
    if signed.must_change_password:
        raise CommandError(f"{signed.operator.user_id} must choose a new password first: sign in at the window.")
    return signed.operator


def _close_day(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.auth import sign_out  # deferred: start-up time
    from cashdesk.services.day_close import close_day

    operator = _sign_in(ctx, args)
    try:
        result = close_day(ctx, operator, args.date)
    finally:
        sign_out(ctx, operator)
    print(result.describe())
    return 0


def _export_deposit(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.auth import sign_out  # deferred: start-up time
    from cashdesk.services.deposit import ExportDiffers, export_deposit

    operator = _sign_in(ctx, args)
    try:
        result = export_deposit(ctx, operator, args.date, args.out, ticket_number=args.ticket, bag_number=args.bag)
    except ExportDiffers as differs:
        # 1: the day is not what was closed and exported; nothing was written (the message says what differs).
        print(f"cashdesk: {differs}", file=sys.stderr)
        return 1
    finally:
        sign_out(ctx, operator)
    for file in result.files:
        print(f"{file.path}  {file.size:,} bytes  sha256 {file.sha256}{'  CHANGED' if file.changed else ''}")
    if result.manifest is not None:
        print(f"{result.manifest}  the manifest: the export is complete")
    print(result.describe())
    return 0


def _simulate(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.context import command_line_operator  # deferred: start-up time
    from cashdesk.services.simulate import SimulatedDay, simulate

    out = args.out or ((ctx.db.path.parent if ctx.db.path else Path.cwd()) / "exports")

    def report(day: SimulatedDay) -> None:
        print(day.business_date.isoformat(), flush=True)  # stdout: the business dates, one per line
        print(
            f"  {day.receipts} receipts, {day.total.display()}, {day.voids} voids, {day.drops} drops, "
            f"over/short {day.over_short.display()}",
            file=sys.stderr,
        )

    simulate(ctx, command_line_operator(), days=args.days, seed=args.seed, out=out, on_day=report)
    print(f"Deposit files in {out}", file=sys.stderr)
    return 0


def _backup(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.backup import backup  # deferred: start-up time
    from cashdesk.services.context import command_line_operator

    print(backup(ctx, command_line_operator(), args.to).describe())
    return 0


def _restore(args: argparse.Namespace) -> int:
    from cashdesk.services.backup import restore  # deferred: start-up time
    from cashdesk.services.context import command_line_operator
    from cashdesk.store.db import resolve_url, sqlite_path

    database = sqlite_path(resolve_url(args.db))
    if database is None:
        raise CommandError("restore puts a backup file in place of an SQLite database file; give --db a file path.")
    print(restore(args.backup_file, database, user=command_line_operator().user_id).describe())
    return 0


def _clear_interrupted_restore(db: str | None) -> None:
    """What a restore that was stopped left beside the database goes before `init` uses it (docs/backups.md)."""
    from cashdesk.services.backup import clear_interrupted_restore  # deferred: start-up time
    from cashdesk.store.db import resolve_url, sqlite_path

    database = sqlite_path(resolve_url(db))
    cleared = clear_interrupted_restore(database) if database is not None else ()
    if cleared:
        print(
            f"Removed what an interrupted restore had left beside the database: {', '.join(p.name for p in cleared)}."
        )


def _check_user_id(user_id: str) -> None:
    """Before asking for a password, so nobody types one twice for a user id that will be refused."""
    problem = check_user_id(user_id.strip().lower())
    if problem is not None:
        raise CommandError(problem)


def _init(args: argparse.Namespace) -> int:
    from cashdesk.config import Settings  # deferred: start-up time
    from cashdesk.services.context import ServiceContext, ServiceError, command_line_operator
    from cashdesk.services.setup import init_database
    from cashdesk.services.users import add_user, get_user, has_users

    if args.password_stdin and not args.admin:
        raise CommandError("--password-stdin goes with --admin USER.")
    actor = command_line_operator()
    _clear_interrupted_restore(args.db)
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
        _check_user_id(user_id)
        password = _read_password(args.password_stdin, user_id)
        added = add_user(ctx, actor, user_id, Role.ADMINISTRATOR, password, must_change_password=False)
        print(f"Added {added.user_id}, administrator. Sign in with that user id to add the others.")
        return 0
    finally:
        ctx.close()


def _user(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services import users  # deferred: start-up time
    from cashdesk.services.context import command_line_operator

    actor = command_line_operator()
    action = args.user_command
    if action == "list":
        return _user_list(ctx, users.list_users(ctx, actor))
    if action == "add":
        _check_user_id(args.user_id)
        password = _read_password(args.password_stdin, args.user_id)
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
        password = _read_password(args.password_stdin, args.user_id)
        view = users.reset_password(ctx, actor, args.user_id, password)
        print(f"The password of {view.user_id} is reset. They must choose a new one at their next sign-in.")
    elif action == "password":
        from cashdesk.services.auth import change_password  # deferred: start-up time

        old, new = _read_password_change(args.password_stdin, args.user_id)
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


def _printer_status(settings: Settings) -> int:
    from cashdesk.services.printing import printer_status  # deferred: start-up time

    check = printer_status(settings)
    _say_printer(check.spec, check.description, check.status.label, check.status.detail)
    return 0 if check.status.ready else 1


def _say_printer(spec: str, description: str, label: str, detail: str) -> None:
    print(f"Printer: {spec} ({description})")
    print(f"Status: {label}" + (f" ({detail})" if detail else ""))


def _printer(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.printing import printer_test  # deferred: start-up time

    check = printer_test(ctx)
    _say_printer(check.spec, check.description, check.status.label, check.status.detail)
    if check.delivered:
        print("Printed a sample receipt and opened the cash drawer.")
        return 0
    print(f"The sample receipt was not printed: {check.problem}")
    return 1


def _demo_data(args: argparse.Namespace) -> int:
    from cashdesk.services.demo import generate_demo_city  # deferred: start-up time

    if args.accounts < 1:
        print("cashdesk: --accounts must be at least 1.", file=sys.stderr)
        return 2
    result = generate_demo_city(args.db, accounts=args.accounts, seed=args.seed, progress=_progress_bar("Demo city"))
    print(result.describe())
    return 0


def _import_accounts(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.context import command_line_operator  # deferred: start-up time
    from cashdesk.services.imports import ImportRefused, import_accounts

    progress = None if args.no_progress else _progress_bar("Importing")
    try:
        result = import_accounts(ctx, args.file, progress=progress, actor=command_line_operator())
    except ImportRefused as refused:
        print(str(refused), file=sys.stderr)
        return 1
    print(result.describe())
    return 0


def _import_payments(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.domain.money import Money, MoneyError  # deferred: start-up time
    from cashdesk.services.auth import sign_out
    from cashdesk.services.payment_imports import PaymentsImportRefused, import_payments

    try:
        control_total = Money.parse(args.control_total)
    except MoneyError as exc:
        raise CommandError(f"--control-total: {exc}") from None
    operator = _sign_in(ctx, args)
    progress = (
        None if args.no_progress else (_progress_bar("Checking payments") or _progress_lines("Checking payments"))
    )
    try:
        result = import_payments(ctx, operator, Path(args.file), control_count=args.control_count,
                                 control_total=control_total, progress=progress)  # fmt: skip
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


def _progress_lines(label: str) -> Progress:
    """For big files when stderr is not a terminal (a log): a line now and then, not a bar."""
    every = 2000

    def show(done: int, total: int) -> None:
        if total >= every and (done % every == 0 or done >= total):
            print(f"{label}: {done:,} of {total:,} rows", file=sys.stderr, flush=True)

    return show


def _progress_bar(label: str) -> Progress | None:
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
