"""The payment-arrangement commands: `arrangement create` and `arrangements` (docs/arrangements.md)."""

from __future__ import annotations

import argparse
import json

from cashdesk.cli.signing import sign_in_from_args

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (2 ms) at start-up
if TYPE_CHECKING:
    from cashdesk.domain.arrangements import Arrangement
    from cashdesk.services.context import ServiceContext


def _line(a: Arrangement) -> str:
    nxt = a.next
    when = f"next {nxt.left.display()} {nxt.due.isoformat()}" if nxt is not None and a.state.is_open else ""
    count = len([i for i in a.installments if i.seq])
    return (f"{a.id:>5}  {a.account:<12} {a.state.label:<10} debt {a.debt.display():>10}  down {a.down.display():>9}  "
            f"{count} installment(s)  left {a.left.display():>10}  {when}").rstrip()  # fmt: skip


def arrangement_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    """`cashdesk arrangement create ACCOUNT --down AMOUNT --installments N [--first DATE] --user USER`."""
    from cashdesk.services.arrangements import create  # deferred: start-up time
    from cashdesk.services.auth import sign_out

    operator = sign_in_from_args(ctx, args)
    try:
        made = create(ctx, operator, args.account, down=args.down, installments=args.installments, first=args.first)
    finally:
        sign_out(ctx, operator)
    if args.json:
        print(json.dumps(made.as_json(), indent=2))
        return 0
    print(f"Arrangement {made.id} for account {made.account} ({made.account_name}), {made.state.label.lower()}:")
    for inst in made.installments:
        print(f"  {inst.label:<15} {inst.due.isoformat()}  {inst.amount.display():>10}")
    extra = f" (with {made.interest.display()} interest)" if made.interest.cents else ""
    print(f"  {'Total':<15} {'':<10}  {made.left.display():>10}{extra}")
    return 0


def arrangements_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    """`cashdesk arrangements [--state S] [--account A] [--json]`, newest first."""
    from cashdesk.services.arrangements import find_arrangements  # deferred: start-up time
    from cashdesk.services.context import command_line_operator

    found = find_arrangements(ctx, command_line_operator(), state=args.state, account=args.account)
    if args.json:
        print(json.dumps([a.as_json() for a in found], indent=2))
        return 0
    for a in found:
        print(_line(a))
    print(f"{len(found)} arrangement(s).")
    return 0
