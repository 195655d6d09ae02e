"""Commands that look and say: check, config show, search, account, audit, printer."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (2 ms) at start-up
if TYPE_CHECKING:
    from cashdesk.config import Settings
    from cashdesk.services.audit import TrailCheck
    from cashdesk.services.context import ServiceContext


def check_command(ctx: ServiceContext) -> int:
    where = ctx.db.path or ctx.db.url
    problems = ctx.db.quick_check()
    if not problems:
        print(f"The database {where} is sound: SQLite's quick check found nothing wrong.")
        return 0
    print(f"The database {where} is damaged: {'; '.join(problems)}. Stop using it and restore the latest backup "
          "(docs/backups.md).")  # fmt: skip
    return 1


def config_show_command(settings: Settings) -> int:
    from cashdesk.config import SETTINGS  # deferred: start-up time

    print(f"# settings file: {settings.path}{'' if settings.path and settings.path.exists() else ' (not present)'}")
    values = settings.flat()
    for setting in SETTINGS:
        value = values[setting.key]
        shown = json.dumps(value) if not isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        kind, source = setting.type.__name__, settings.source(setting.key)
        print(f"{setting.key} = {shown}    # {kind}, {source}: {setting.description}")
    return 0


def search_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
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


def account_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
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


def audit_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
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


def printer_status_command(settings: Settings) -> int:
    from cashdesk.services.printing import printer_status  # deferred: start-up time

    check = printer_status(settings)
    _say_printer(check.spec, check.description, check.status.label, check.status.detail)
    return 0 if check.status.ready else 1


def _say_printer(spec: str, description: str, label: str, detail: str) -> None:
    print(f"Printer: {spec} ({description})")
    print(f"Status: {label}" + (f" ({detail})" if detail else ""))


def printer_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.printing import printer_test  # deferred: start-up time

    check = printer_test(ctx)
    _say_printer(check.spec, check.description, check.status.label, check.status.detail)
    if check.delivered:
        print("Printed a sample receipt and opened the cash drawer.")
        return 0
    print(f"The sample receipt was not printed: {check.problem}")
    return 1
