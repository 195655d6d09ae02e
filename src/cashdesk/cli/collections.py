"""The collection commands: delinquency run (docs/delinquency.md)."""

from __future__ import annotations

import argparse
import json

from cashdesk.cli.signing import CommandError, sign_in_from_args

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (2 ms) at start-up
if TYPE_CHECKING:
    from cashdesk.services.context import ServiceContext
    from cashdesk.services.delinquency import AccountSteps


def _lines(steps: AccountSteps) -> list[str]:
    out = [f"{steps.account:<12} {steps.name[:30]:<30} due {steps.amount_due.display():>12}"]
    for action in steps.actions:
        fee = f"fee {action.fee.display()}" if action.fee.cents else ""
        said = action.work_order or action.note
        out.append(f"    {action.step.label:<28} {fee:<16} {said}".rstrip())
    if steps.next_step:
        out.append(f"    next: {steps.next_step[0].label.lower()} on {steps.next_step[1].isoformat()}")
    return out


def delinquency_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services.auth import sign_out  # deferred: start-up time
    from cashdesk.services.context import command_line_operator
    from cashdesk.services.delinquency import commit, preview

    if not args.commit:
        shown = preview(ctx, command_line_operator(), args.date)
        if args.json:
            print(json.dumps([row for a in shown.accounts for row in a.as_rows(args.date)], indent=2))
            return 0
        for steps in shown.accounts:
            print("\n".join(_lines(steps)))
        print(f"{len(shown.accounts)} account(s), {shown.fees.display()} in fees; "
              f"{len(shown.held)} held from door tags and disconnects.")  # fmt: skip
        for said in (shown.shutoff_refusal and f"No door tags or disconnects: {shown.shutoff_refusal}",
                     shown.committed):  # fmt: skip
            if said:
                print(said)
        return 0
    if not args.user:
        raise CommandError("A supervisor commits the delinquency run: give --user SUPERVISOR. Nothing was changed.")
    operator = sign_in_from_args(ctx, args)
    try:
        done = commit(ctx, operator, args.date, args.notices)
    finally:
        sign_out(ctx, operator)
    if done.repeated:
        print(done.repeated)
        return 0
    if args.json:
        print(json.dumps([row for a in done.accounts for row in a.as_rows(args.date)], indent=2))
        return 0
    print(f"{len(done.accounts)} account(s) for {args.date.isoformat()}, {done.fees.display()} in fees; "
          f"notices and the list in {done.folder}.")  # fmt: skip
    return 0
