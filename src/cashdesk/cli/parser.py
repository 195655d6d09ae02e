"""The `cashdesk` command's arguments: every command, its options and help text."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from cashdesk import __version__
from cashdesk.domain.dates import parse_day
from cashdesk.domain.security import Role

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (2 ms) at start-up
if TYPE_CHECKING:
    #: What `add_subparsers` returns: where each command is added.
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]
    from cashdesk.domain.anchors import Anchor


EPILOG = """\
The database is the file given by --db, else $CASHDESK_DB, else cashdesk.sqlite3 in the
user data folder. --db also takes a SQLAlchemy URL. Settings are read from $CASHDESK_CONFIG,
else cashdesk.toml in the user config folder (see `cashdesk config show`).
"""


def build_parser() -> argparse.ArgumentParser:
    """Every command in the order `cashdesk --help` lists them."""
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
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation offscreen in a temporary folder: a payment printed to PDF, the drawer "
        "balanced, a deposit exported, the window started; exit 0, or 1 naming what failed",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    _people_commands(sub)
    _import_commands(sub)
    _lookup_commands(sub)
    _day_commands(sub)
    _file_commands(sub)
    _office_commands(sub)
    _research_commands(sub)
    _answer_commands(sub)
    _order_commands(sub)
    _arrangement_commands(sub)
    _delinquency_commands(sub)
    return parser


def _people_commands(sub: Commands) -> None:
    """Init and user."""
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


def _import_commands(sub: Commands) -> None:
    """Demo-data, import-accounts, import-payments."""
    demo = sub.add_parser("demo-data", help="fill the database with a fictional city for training and tests")
    demo.add_argument(
        "--accounts", type=_whole_number, default=5000, metavar="N", help="how many accounts (default 5000)"
    )
    demo.add_argument("--seed", type=_whole_number, default=1, metavar="S", help="the same seed gives the same city")

    imp = sub.add_parser("import-accounts", help="load accounts and open items from the billing system (CSV)")
    imp.add_argument("file", metavar="FILE")
    _no_progress(imp, "no progress bar")

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
    _no_progress(payments, "no progress line")


def _lookup_commands(sub: Commands) -> None:
    """Search, account, audit, printer."""
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


def _day_commands(sub: Commands) -> None:
    """Close-day, export-deposit, simulate."""
    close = sub.add_parser("close-day", help="close a business day once every drawer of it is closed (a supervisor)")
    close.add_argument("--date", required=True, type=_date, metavar="YYYY-MM-DD", help="the business day")
    close.add_argument(
        "--out", type=Path, metavar="DIR", help="export the deposit to this folder too, as export-deposit"
    )
    close.add_argument("--ticket", default="", metavar="N", help="with --out: the bank's deposit ticket number")
    close.add_argument("--bag", default="", metavar="N", help="with --out: the deposit bag number")
    _supervisor_arguments(close)
    _no_progress(close, "no progress bar while the backup is taken")
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
    simulate.add_argument("--out", type=Path, metavar="DIR",
                          help="where each day's deposit files go (default: exports beside the database)")  # fmt: skip
    _no_progress(simulate, "no progress bar")


def _file_commands(sub: Commands) -> None:
    """Check, backup, restore, config."""
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
    _no_progress(backup, "no progress bar")
    restore = sub.add_parser(
        "restore", help="put a backup in place of the database (close every window first); the replaced file is kept"
    )
    restore.add_argument("backup_file", type=Path, metavar="PATH")

    config = sub.add_parser("config", help="settings")
    config_sub = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    config_sub.add_parser("show", help="the effective settings and where each comes from")


def _office_commands(sub: Commands) -> None:
    """The office server and the windows that send to it (docs/office.md)."""
    office = sub.add_parser("office", help="the office server (PostgreSQL): set it up, see its windows")
    office_sub = office.add_subparsers(dest="office_command", metavar="ACTION", required=True)
    init = office_sub.add_parser("init", help="create the office's tables on a PostgreSQL database")
    init.add_argument("--url", required=True, metavar="URL", help="postgresql://USER@HOST:PORT/DATABASE (no password)")
    status = office_sub.add_parser("status", help="each window: last contact, what it had still to send, drawers")
    status.add_argument("--url", required=True, metavar="URL", help="the office, as for init")
    status.add_argument("--json", action="store_true", help="as JSON")
    merge = office_sub.add_parser("merge", help="merge a window's file (or its last backup) into the office")
    merge.add_argument("file", type=Path, metavar="FILE", help="the window's SQLite file or backup")
    merge.add_argument("--url", required=True, metavar="URL", help="the office, as for init")
    close = office_sub.add_parser("close-day", help="close the office's business day once no window keeps it open "
                                  "(a supervisor, at a window of the office)")  # fmt: skip
    close.add_argument("--date", required=True, type=_date, metavar="YYYY-MM-DD", help="the business day")
    _supervisor_arguments(close)
    deposit = office_sub.add_parser("export-deposit", help="write the office's consolidated deposit of a closed "
                                    "office day: slip, deposit file, GL journal, posting files")  # fmt: skip
    deposit.add_argument("--date", required=True, type=_date, metavar="YYYY-MM-DD", help="the business day")
    deposit.add_argument("--out", required=True, type=Path, metavar="DIR", help="the folder for the five files")
    _supervisor_arguments(deposit)
    station = sub.add_parser("station", help="this window and its office")
    station_sub = station.add_subparsers(dest="station_command", metavar="ACTION", required=True)
    join = station_sub.add_parser("join", help="join this window to an office; its rows go there from now on")
    join.add_argument("--office", required=True, metavar="URL", help="the office, as for office init")
    join.add_argument("--station", metavar="ID", help="this window's station id, to check it (station.id)")
    sync = sub.add_parser("sync", help="send this window's waiting rows to its office (every few seconds, or once)")
    sync.add_argument("--once", action="store_true", help="send what waits, then stop")
    sync.add_argument("--every", type=_whole_number, default=5, metavar="S", help="seconds between sends (default 5)")


def _research_commands(sub: Commands) -> None:
    """Payments find, statement, report (docs/reports.md)."""
    payments = sub.add_parser("payments", help="payment research: did a customer's payment come in?")
    payments_sub = payments.add_subparsers(dest="payments_command", metavar="ACTION", required=True)
    find = payments_sub.add_parser("find", help="receipts matching every criterion given, newest first")
    find.add_argument("--check", default="", metavar="N", help="a check number")
    find.add_argument("--money-order", default="", metavar="N", help="a money order's number")
    find.add_argument("--card", default="", metavar="LAST4", help="a card's last four digits (with --from)")
    find.add_argument("--amount", metavar="X", help="the amount, like 45.10, or a range, like 40..50")
    find.add_argument("--from", dest="start", type=_date, metavar="YYYY-MM-DD", help="the first business day")
    find.add_argument("--to", dest="end", type=_date, metavar="YYYY-MM-DD", help="the last business day")
    find.add_argument("--payer", default="", metavar="TEXT", help="the payer's or the account holder's name")
    find.add_argument("--account", default="", metavar="A", help="an account the payment was for")
    find.add_argument("--receipt", default="", metavar="R", help="a receipt number, like W01-2026-000123")
    find.add_argument("--channel", default="", choices=["counter", "mail", "lockbox"], help="how it came in")
    find.add_argument("--json", action="store_true", help="print JSON")
    statement = sub.add_parser("statement", help="an account statement (PDF): bills, payments, fees, adjustments")
    statement.add_argument("account", metavar="ACCOUNT")
    statement.add_argument("--from", dest="start", required=True, type=_date, metavar="YYYY-MM-DD")
    statement.add_argument("--to", dest="end", required=True, type=_date, metavar="YYYY-MM-DD")
    statement.add_argument("--out", type=Path, default=Path("."), metavar="DIR", help="the folder (default: here)")
    report = sub.add_parser("report", help="standard and saved reports for a date range, as PDF or CSV")
    report.add_argument("name", nargs="?", metavar="NAME", help="the report (see --list)")
    report.add_argument("--list", action="store_true", help="the reports this database can make")
    report.add_argument("--from", dest="start", type=_date, metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="end", type=_date, metavar="YYYY-MM-DD")
    report.add_argument("--format", default="pdf", choices=["pdf", "csv"], help="default pdf")
    report.add_argument("--out", type=Path, default=Path("."), metavar="DIR", help="the folder (default: here)")


def _answer_commands(sub: Commands) -> None:
    """Answers at the counter and the office's supplies (docs/answers.md, docs/supplies.md)."""
    answers = sub.add_parser("answers", help="answers to ordinance and policy questions, and referrals")
    answers_sub = answers.add_subparsers(dest="answers_command", metavar="ACTION", required=True)
    imp = answers_sub.add_parser("import", help="add or update answers and referrals from Markdown files (all or none)")
    imp.add_argument("folder", metavar="DIR")
    exp = answers_sub.add_parser("export", help="write every answer and referral as a Markdown file")
    exp.add_argument("folder", metavar="DIR")
    search = answers_sub.add_parser("search", help="find answers and referrals by a few words, best first")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--json", action="store_true", help="print JSON")

    supplies = sub.add_parser("supplies", help="supplies and forms: stock, movements, reorder list, count sheet")
    supplies_sub = supplies.add_subparsers(dest="supplies_command", metavar="ACTION", required=True)
    for name, help in (("list", "every item: on hand, minimum, daily use, what to reorder"),
                       ("reorder", "items under their minimum or that will be within their lead days")):  # fmt: skip
        listing = supplies_sub.add_parser(name, help=help)
        listing.add_argument("--json", action="store_true", help="print JSON (keys item, on_hand, minimum, reorder)")
    sheet = supplies_sub.add_parser("count-sheet", help="a PDF to count the stock on")
    sheet.add_argument("folder", metavar="DIR")
    add = supplies_sub.add_parser("add", help="a new item (a form, a roll of paper, deposit bags …)")
    add.add_argument("item", metavar="ITEM", help="its code, like PAPER-ROLL or FORM-ST100")
    add.add_argument("--name", required=True, metavar="TEXT")
    add.add_argument("--unit", default="each", metavar="TEXT")
    for option in ("--minimum", "--maximum", "--lead-days"):
        add.add_argument(option, type=_whole_number, default=0, metavar="N")
    add.add_argument("--supplier", default="", metavar="TEXT")
    _signed_arguments(add)
    for name, help in (("receive", "stock received"), ("issue", "stock taken out for use (a paper roll: at this "
                       "station)"), ("count", "what a count found: the difference is posted"),
                       ("damaged", "stock damaged or lost")):  # fmt: skip
        moving = supplies_sub.add_parser(name, help=help)
        moving.add_argument("item", metavar="ITEM")
        moving.add_argument("quantity", type=_whole_number, metavar="QUANTITY")
        moving.add_argument("--note", default="", metavar="TEXT")
        _signed_arguments(moving)


def _signed_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", required=True, metavar="USER", help="who does it (a cashier or supervisor)")
    parser.add_argument("--password-stdin", action="store_true",
                        help="read the user's password from one line of standard input")  # fmt: skip


def _order_commands(sub: Commands) -> None:
    """Service orders and the shut-off list (docs/service-orders.md)."""
    orders = sub.add_parser("work-orders", help="utility service orders: list, the crew sheet, completions")
    orders_sub = orders.add_subparsers(dest="orders_command", metavar="ACTION", required=True)
    listing = orders_sub.add_parser("list", help="the orders, newest first")
    listing.add_argument("--status", metavar="S", help="pending, dispatched, completed, cancelled or not_done")
    listing.add_argument("--type", metavar="T", help="start, stop, door_tag, disconnect, reconnect, reread, …")
    listing.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="scheduled for this day")
    listing.add_argument("--json", action="store_true", help="as JSON")
    export = orders_sub.add_parser("export", help="the crew sheet (CSV) of a day's orders; they are dispatched")
    export.add_argument("--date", required=True, type=_date, metavar="YYYY-MM-DD", help="the day")
    export.add_argument("--out", required=True, type=Path, metavar="FILE", help="the CSV file to write")
    export.add_argument("--crew", default="", metavar="NAME", help="the crew the orders go to")
    complete = orders_sub.add_parser("complete", help="take the completions file back from the field (all or none)")
    complete.add_argument("file", type=Path, metavar="FILE")
    shutoff = sub.add_parser("shutoff-list", help="the shut-off list for a day: a preview, or --commit (a supervisor)")
    shutoff.add_argument("--date", required=True, type=_date, metavar="YYYY-MM-DD", help="the shut-off day")
    shutoff.add_argument("--json", action="store_true", help="as JSON")
    shutoff.add_argument("--commit", action="store_true", help="hang the door tags for real (needs --user)")
    shutoff.add_argument("--user", metavar="SUPERVISOR", help="the supervisor who commits it")
    shutoff.add_argument(
        "--password-stdin", action="store_true", help="read the supervisor's password from one line of standard input"
    )


def _arrangement_commands(sub: Commands) -> None:
    """Payment arrangements (docs/arrangements.md)."""
    one = sub.add_parser("arrangement", help="make a payment arrangement (a cashier or supervisor signs in)")
    one_sub = one.add_subparsers(dest="arrangement_command", metavar="ACTION", required=True)
    create = one_sub.add_parser("create", help="make one: the down payment, then monthly installments")
    create.add_argument("account", metavar="ACCOUNT")
    create.add_argument("--down", required=True, metavar="AMOUNT", help="the down payment: 50.00, or a percent: 25%%")
    create.add_argument("--installments", required=True, type=_whole_number, metavar="N", help="monthly installments")
    create.add_argument("--first", type=_date, metavar="YYYY-MM-DD", help="the first installment (default: in a month)")
    create.add_argument("--json", action="store_true", help="the arrangement made, as JSON")
    _signed_arguments(create)
    listing = sub.add_parser("arrangements", help="payment arrangements, newest first")
    listing.add_argument("--state", metavar="S", help="requested, active, kept, broken, cancelled or denied")
    listing.add_argument("--account", metavar="ACCOUNT", help="one account's")
    listing.add_argument("--json", action="store_true", help="as JSON")


def _delinquency_commands(sub: Commands) -> None:
    """The collection steps (docs/delinquency.md)."""
    delinquency = sub.add_parser("delinquency", help="delinquent accounts: the collection steps of a day")
    delinquency_sub = delinquency.add_subparsers(dest="delinquency_command", metavar="ACTION", required=True)
    run = delinquency_sub.add_parser(
        "run", help="what each step would do to which account (a preview), or --commit it (a supervisor, once a day)"
    )
    run.add_argument("--date", required=True, type=_date, metavar="YYYY-MM-DD", help="the run's day")
    run.add_argument("--json", action="store_true", help="as JSON: one object per account and step")
    run.add_argument("--commit", action="store_true", help="do it for real (needs --user; today only)")
    run.add_argument("--user", metavar="SUPERVISOR", help="the supervisor who commits it")
    run.add_argument(
        "--password-stdin", action="store_true", help="read the supervisor's password from one line of standard input"
    )
    run.add_argument("--notices", type=Path, metavar="FOLDER",
                     help="where the notice letters and the list go (default: delinquency.notices_folder)")  # fmt: skip


def _supervisor_arguments(parser: argparse.ArgumentParser) -> None:
    # The command line's own operator is an administrator, who handles no money (separation of
    # duties): the day is closed by a supervisor who signs in here with their own password.
    parser.add_argument("--user", required=True, metavar="SUPERVISOR", help="the supervisor's user id")
    parser.add_argument(
        "--password-stdin", action="store_true", help="read the supervisor's password from one line of standard input"
    )


def _no_progress(parser: argparse.ArgumentParser, help: str) -> None:
    parser.add_argument("--no-progress", action="store_true", help=help)


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
