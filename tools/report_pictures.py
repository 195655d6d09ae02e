"""Pictures of the first page of every standard report, and of an account statement, for docs/reports.md.

    .venv/bin/pip install pypdfium2      # once: PDFium renders the pages (not a cashdesk dependency)
    .venv/bin/python tools/report_pictures.py [--out docs/reports]

A demo city of 400 accounts (seed 3) is built in a temporary folder and given 10 simulated business
days (`simulate`, seed 11); each report runs over those days as `cashdesk report` does, its PDF is
written, and page 1 is rendered to NAME.png at 96 dpi. The same code gives the same pictures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)
os.environ.setdefault("CASHDESK_CLOCK", NOW.isoformat())


def render(pdf: Path, png: Path) -> None:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        document[0].render(scale=96 / 72).to_pil().save(png, optimize=True)
    finally:
        document.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "reports")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from argon2 import PasswordHasher

    from cashdesk.config import Settings
    from cashdesk.domain.security import Role
    from cashdesk.services import auth
    from cashdesk.services.context import Operator, ServiceContext, command_line_operator
    from cashdesk.services.demo import generate_demo_city
    from cashdesk.services.reports import available_reports, run_report, write_report
    from cashdesk.services.simulate import simulate
    from cashdesk.services.statement import account_statement, write_statement

    args.out.mkdir(parents=True, exist_ok=True)
    auth.HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # the staff sign in every day
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "city.sqlite3"
        generate_demo_city(path, accounts=400, seed=3, as_of=NOW.date(), workers=0)
        ctx = ServiceContext.open(path, settings=Settings({"reports.folder": str(Path(folder) / "reports")}))
        ctx.clock = lambda: NOW
        try:
            _arrangements(ctx, path, NOW - dt.timedelta(days=14))  # the first simulated day (10 weekdays back)
            ctx.clock = lambda: NOW
            days = simulate(
                ctx,
                command_line_operator(),
                days=10,
                seed=11,
                out=Path(folder) / "exports",
                payments_per_drawer=(10, 16),
            )
            first, last = days[0].business_date, days[-1].business_date
            supervisor = Operator("super1", Role.SUPERVISOR)
            for definition in available_reports(ctx, supervisor):
                report = run_report(ctx, supervisor, definition.name, first, last)
                written = write_report(ctx, report, Path(folder), "pdf")
                render(written.path, args.out / f"{definition.name}.png")
                print(args.out / f"{definition.name}.png")
            account = next(str(line[0]) for line in _paying_accounts(path))
            statement = account_statement(ctx, supervisor, account, first - dt.timedelta(days=60), last)
            render(write_statement(ctx, statement, Path(folder)), args.out / "statement.png")
            print(args.out / "statement.png")
        finally:
            ctx.close()
    return 0


def _arrangements(ctx: object, path: Path, when: dt.datetime) -> None:
    """A few payment arrangements made on the first simulated day, for the arrangements report's picture:
    the days simulated after it pay some of them."""
    import sqlite3

    from cashdesk.domain.security import Role
    from cashdesk.services.arrangements import create
    from cashdesk.services.context import Operator, ServiceContext, ServiceError

    assert isinstance(ctx, ServiceContext)
    ctx.clock = lambda: when
    con = sqlite3.connect(path)
    try:
        owing = [str(r[0]) for r in con.execute(
            "SELECT a.number FROM accounts a JOIN open_items o ON o.account_id = a.id WHERE a.kind = 'utility' "
            "AND a.status = 'active' AND o.amount_cents > o.paid_cents AND o.due_date < ? GROUP BY a.number "
            "ORDER BY a.number LIMIT 12", (when.date().isoformat(),))]  # fmt: skip
    finally:
        con.close()
    made = 0
    for number in owing:
        try:
            create(ctx, Operator("cashier1", Role.CASHIER), number, down="20%", installments=3)
            made += 1
        except ServiceError:
            continue  # not eligible (a disconnect dispatched, too little owed): the next one
        if made == 4:
            break


def _paying_accounts(path: Path) -> list[tuple[str]]:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return con.execute(
            "SELECT a.number FROM account_history h JOIN accounts a ON a.id = h.account_id "
            "WHERE h.kind = 'payment' GROUP BY a.number ORDER BY count(*) DESC, a.number LIMIT 1"
        ).fetchall()
    finally:
        con.close()


if __name__ == "__main__":
    sys.exit(main())
