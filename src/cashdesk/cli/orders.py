"""The service-order commands: work-orders list|export|complete and shutoff-list (docs/service-orders.md)."""

from __future__ import annotations

import argparse
import json

from cashdesk.cli.signing import CommandError, sign_in_from_args

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (2 ms) at start-up
if TYPE_CHECKING:
    from cashdesk.domain.service_orders import WorkOrder
    from cashdesk.services.context import ServiceContext


def _line(order: WorkOrder) -> str:
    scheduled = order.scheduled.isoformat() if order.scheduled else "-"
    return (f"{order.number}  {order.type.label:<20} {order.account:<12} {order.status.label:<10} {scheduled:<10}  "
            f"{order.fee.display():>9}  {order.reason}")  # fmt: skip


def work_orders_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.context import command_line_operator  # deferred: start-up time
    from cashdesk.services.order_files import export_crew_sheet, take_completions
    from cashdesk.services.service_orders import find_orders

    operator = command_line_operator()
    if args.orders_command == "list":
        found = find_orders(ctx, operator, status=args.status, type=args.type, scheduled=args.date)
        if args.json:
            print(json.dumps([o.as_json() for o in found], indent=2))
        else:
            for order in found:
                print(_line(order))
            print(f"{len(found)} work order(s).")
        return 0
    if args.orders_command == "export":
        sheet = export_crew_sheet(ctx, operator, args.date, args.out, args.crew)
        print(f"{sheet.path}: {len(sheet.orders)} order(s) for {args.date.isoformat()}, dispatched.")
        if sheet.waiting:
            print(f"Not yet allowed out (a disconnect in its notice period): {', '.join(sheet.waiting)}.")
        return 0
    done = take_completions(ctx, operator, args.file)
    print(f"{args.file.name}: {len(done.completed)} completed, {len(done.not_done)} not done.")
    return 0


def shutoff_list_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.auth import sign_out  # deferred: start-up time
    from cashdesk.services.context import command_line_operator
    from cashdesk.services.service_orders import find_orders
    from cashdesk.services.shutoff import commit, preview

    if not args.commit:
        shown = preview(ctx, command_line_operator(), args.date)
        if args.json:
            rows = [{"number": None, "account": line.account, "type": "door_tag", "status": "preview",
                     "reason": f"Past due {line.past_due.display()}", "scheduled": args.date.isoformat(),
                     "fee_cents": ctx.settings.orders.door_tag_fee_cents} for line in shown.lines]  # fmt: skip
            print(json.dumps(rows, indent=2))
            return 0
        for line in shown.lines:
            print(f"{line.account:<12} {line.past_due.display():>11}  {line.name}, {line.service_address}")
        print(f"{len(shown.lines)} account(s), {shown.total.display()} past due; {len(shown.held)} held.")
        if shown.refusal:
            print(shown.refusal)
        return 0
    if not args.user:
        raise CommandError("A supervisor commits the shut-off list: give --user SUPERVISOR. Nothing was changed.")
    operator = sign_in_from_args(ctx, args)
    try:
        done = commit(ctx, operator, args.date)
    finally:
        sign_out(ctx, operator)
    if args.json:
        made = set(done.door_tags + done.disconnects)
        print(json.dumps([o.as_json() for o in reversed(find_orders(ctx, operator)) if o.number in made], indent=2))
        return 0
    print(f"{len(done.door_tags)} door tag(s) for {args.date.isoformat()} ({done.fees.display()} in fees), "
          f"each with its disconnect waiting: {', '.join(done.door_tags)}.")  # fmt: skip
    return 0
