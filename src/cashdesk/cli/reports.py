"""Research and report commands: payments find, statement, report (docs/reports.md)."""

from __future__ import annotations

import argparse
import json

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (2 ms) at start-up
if TYPE_CHECKING:
    from cashdesk.services.context import ServiceContext


def payments_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.domain.research import CriteriaError, PaymentCriteria, parse_amount_range  # deferred: start-up
    from cashdesk.services.context import ServiceError, command_line_operator
    from cashdesk.services.research import find_payments

    try:
        low, high = parse_amount_range(args.amount) if args.amount else (None, None)
    except CriteriaError as exc:
        raise ServiceError(str(exc)) from None
    criteria = PaymentCriteria(
        receipt=args.receipt.strip().upper(), check=args.check.strip(), money_order=args.money_order.strip(),
        card_last4=args.card.strip(), amount_from=low, amount_to=high, payer=args.payer.strip(),
        account=args.account.strip(), date_from=args.start, date_to=args.end, channel=args.channel,
    )  # fmt: skip
    found = find_payments(ctx, command_line_operator(), criteria)
    if args.json:
        print(json.dumps([h.as_json() for h in found.hits], indent=2, ensure_ascii=False))
        return 0
    if not found.hits:
        print("No payment matches. Widen the dates or the amount, or try the payer's name.")
        return 1
    for h in found.hits:
        print(f"{h.receipt:<16} {h.business_date}  {h.channel:<8} {h.total.display():>12}  {h.status:<6} "
              f"{h.account:<12} {h.who[:28]:<28}  {h.describe_tenders()}")  # fmt: skip
    if found.more:
        print(f"Only the newest {len(found.hits)} are shown: narrow the criteria to see the others.")
    return 0


def statement_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.context import command_line_operator  # deferred: start-up time
    from cashdesk.services.statement import account_statement, write_statement

    statement = account_statement(ctx, command_line_operator(), args.account, args.start, args.end)
    path = write_statement(ctx, statement, args.out)
    print(f"Statement of {statement.account} ({len(statement.lines)} entries, closing balance "
          f"{statement.closing.display()}): {path}")  # fmt: skip
    return 0


def report_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.adhoc import run_saved, saved_reports  # deferred: start-up time
    from cashdesk.services.context import ServiceError, command_line_operator
    from cashdesk.services.reports import available_reports, run_report, write_report

    operator = command_line_operator()
    if args.list:
        for definition in available_reports(ctx, operator):
            print(f"{definition.name:<26} {definition.title}: {definition.description}")
        for name in saved_reports(ctx, operator):
            print(f"{name:<26} (saved ad hoc report)")
        return 0
    if not args.name:
        raise ServiceError("Name the report, or ask for --list.")
    if args.name in saved_reports(ctx, operator):
        report = run_saved(ctx, operator, args.name, args.start, args.end)
    else:
        report = run_report(ctx, operator, args.name, args.start, args.end)
    written = write_report(ctx, report, args.out, args.format)
    print(f"{report.title}, {report.period}: {written.rows} rows, {written.path}")
    return 0
