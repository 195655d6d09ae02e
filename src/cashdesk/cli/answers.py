"""The answers and supplies commands: `cashdesk answers ...`, `cashdesk supplies ...` (docs/answers.md, supplies.md)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (2 ms) at start-up
if TYPE_CHECKING:
    from cashdesk.domain.supplies import StockLevel
    from cashdesk.services.context import ServiceContext


def answers_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.services import answer_files, answers  # deferred: start-up time
    from cashdesk.services.context import command_line_operator

    operator = command_line_operator()
    if args.answers_command == "import":
        print(answer_files.import_folder(ctx, operator, Path(args.folder)).describe())
        return 0
    if args.answers_command == "export":
        count = answer_files.export_folder(ctx, operator, Path(args.folder))
        print(f"Wrote {count} answers and referrals to {args.folder} (answers/, referrals/).")
        return 0
    found = answers.search_answers(ctx, operator, args.query)
    if args.json:
        print(json.dumps([f.as_json() for f in found], indent=2, ensure_ascii=False))
        return 0
    if not found:
        print(f"Nothing matches {args.query!r}: try other words, or fewer.")
        return 1
    for f in found:
        mark = "  [REVIEW DUE]" if f.review_due else ""
        print(f"{f.kind:<9} {f.slug:<28} {f.title}{mark}\n{'':<38} {f.summary[:80]}  ({f.department})")
    return 0


def _level_line(level: StockLevel) -> str:
    daily = f"{level.daily_use_hundredths // 100}.{level.daily_use_hundredths % 100:02d}"
    order = f"reorder {level.reorder}" if level.reorder else ""
    return (f"{level.code:<16} {level.on_hand:>7} {level.unit:<8} min {level.minimum:<5} max {level.maximum:<5} "
            f"lead {level.lead_days:<3} {daily:>6}/day  {level.name[:32]:<32} {order}")  # fmt: skip


def supplies_command(ctx: ServiceContext, args: argparse.Namespace) -> int:
    from cashdesk.cli.signing import sign_in_from_args  # deferred: start-up time
    from cashdesk.domain.supplies import MovementKind
    from cashdesk.services import supplies
    from cashdesk.services.context import command_line_operator

    action = args.supplies_command
    if action in ("list", "reorder"):
        operator = command_line_operator()
        levels = supplies.stock_levels(ctx, operator) if action == "list" else supplies.reorder_list(ctx, operator)
        if args.json:
            print(json.dumps([supplies.item_json(v) for v in levels], indent=2, ensure_ascii=False))
            return 0
        for level in levels:
            print(_level_line(level))
        if not levels:
            print("Nothing to reorder." if action == "reorder" else "No supplies yet: `cashdesk supplies add`.")
        warning = supplies.paper_state(ctx).warning
        if warning:
            print(warning)
        return 0
    if action == "count-sheet":
        print(f"The count sheet is saved: {supplies.count_sheet(ctx, command_line_operator(), Path(args.folder))}")
        return 0
    operator = sign_in_from_args(ctx, args)
    if action == "add":
        code = supplies.add_item(ctx, operator, args.item, args.name, unit=args.unit, minimum=args.minimum,
                                 maximum=args.maximum, lead_days=args.lead_days, supplier=args.supplier)  # fmt: skip
        print(f"Added {code}. Receive its stock with `cashdesk supplies receive {code} N`.")
        return 0
    kind = {"receive": MovementKind.RECEIVED, "issue": MovementKind.ISSUED, "count": MovementKind.COUNTED,
            "damaged": MovementKind.DAMAGED}[action]  # fmt: skip
    moved = supplies.move(ctx, operator, args.item, kind, args.quantity, args.note)
    print(moved.describe())
    return 0
