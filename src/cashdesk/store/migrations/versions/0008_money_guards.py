"""Guards on posted money: triggers that refuse to change or delete posted receipts, their
lines, tenders and allocations, drawers (their float, and once closed), cash drops, paid-outs,
counts, drawer closes, returned checks, posted mail batches and remittances, and closed days,
except in the services' own ways (docs/permissions.md, "What the database refuses").

The trigger texts are this revision's own copy of those in cashdesk.store.guards, which
`cashdesk init` and the window's start use to put back one that is missing (a test keeps
the two equal).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

from dataclasses import dataclass

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_REFUSED = "posted money rows are never changed or deleted: a correction is a void or a reversal"


@dataclass(frozen=True)
class Guard:
    name: str
    table: str
    keeps: str  # what it keeps from happening, in words: "receipts from being deleted"
    sql: str


def _never_updated(table: str, columns: str, words: str) -> Guard:
    return Guard(f"{table}_no_update", table, f"{words} from being changed",
                 f"CREATE TRIGGER {table}_no_update BEFORE UPDATE OF {columns} ON {table} "
                 f"BEGIN SELECT RAISE(ABORT, '{table}: {_REFUSED}'); END")  # fmt: skip


def _changed_only_when(table: str, columns: str, when: str, words: str) -> Guard:
    return Guard(f"{table}_no_update", table, f"{words} from being changed",
                 f"CREATE TRIGGER {table}_no_update BEFORE UPDATE OF {columns} ON {table} WHEN {when} "
                 f"BEGIN SELECT RAISE(ABORT, '{table}: {_REFUSED}'); END")  # fmt: skip


def _never_deleted(table: str, words: str, when: str = "") -> Guard:
    condition = f"WHEN {when} " if when else ""
    return Guard(f"{table}_no_delete", table, f"{words} from being deleted",
                 f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} {condition}"
                 f"BEGIN SELECT RAISE(ABORT, '{table}: {_REFUSED}'); END")  # fmt: skip


def _differ(*columns: str) -> str:
    return " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)


_RECEIPT_FIXED = ("id", "number", "station", "drawer_id", "cashier", "channel", "business_date", "posted_at", "payer",
                  "total_cents", "tendered_cents", "change_cents")  # fmt: skip
_VOID = ("void_reason", "voided_by", "voided_at")
_DRAWER_FIXED = ("id", "station", "cashier", "business_date", "opened_at", "opening_float_cents", "opening_count")
_BATCH = ("id", "number", "business_date", "station", "owner", "control_count", "control_total_cents", "status",
          "source", "source_file", "source_sha256", "created_at", "balanced_at", "posted_at", "posted_by",
          "reject_reason")  # fmt: skip
_ITEM_FIXED = ("id", "batch_id", "seq", "account_id", "account_typed", "amount_cents", "tender", "check_number",
               "payer", "routing", "bank_account", "scan_line", "source_line", "tax_return_id",
               "receipt_id")  # fmt: skip
_REVERSED = ("reversed_by", "reversed_at", "reverse_reason")
_DAY = ("business_date", "status", "closed_at", "closed_by", "over_short_cents", "deposit_total_cents")

MONEY_GUARDS = (
    # A receipt: posted -> void (with its reason, who and when) and a reprint count that only goes up.
    _changed_only_when(
        "receipts", ", ".join((*_RECEIPT_FIXED, "status", *_VOID, "reprints")),
        f"{_differ(*_RECEIPT_FIXED)} OR NEW.reprints < OLD.reprints "
        f"OR (OLD.status = 'void' AND ({_differ('status', *_VOID)})) "
        f"OR (NEW.status = 'posted' AND ({_differ(*_VOID)}))",
        "posted receipts"),
    _never_deleted("receipts", "receipts"),
    _never_updated("receipt_lines", "id, receipt_id, line_no, kind, account_id, revenue_code, memo, amount_cents, "
                                    "credit_cents", "receipt lines"),
    _never_deleted("receipt_lines", "receipt lines"),
    _never_updated("tenders", "id, receipt_id, kind, amount_cents, reference, card_brand, card_last4, routing, "
                              "bank_account", "tenders"),
    _never_deleted("tenders", "tenders"),
    _never_updated("allocations", "id, receipt_line_id, open_item_id, amount_cents, reverses_id",
                   "payments applied to bills"),
    _never_deleted("allocations", "payments applied to bills"),
    # A drawer: its opening float is fixed; open -> closed; a closed drawer stays as it was closed.
    _changed_only_when(
        "drawers", ", ".join((*_DRAWER_FIXED, "status", "closed_at", "cash_cents")),
        f"{_differ(*_DRAWER_FIXED)} OR (OLD.status = 'closed' AND ({_differ('status', 'closed_at', 'cash_cents')}))",
        "drawers (their float, or once closed)"),
    _never_deleted("drawers", "drawers"),
    _never_updated("cash_drops", "id, drawer_id, station, cashier, dropped_at, pieces, amount_cents", "cash drops"),
    _never_deleted("cash_drops", "cash drops"),
    _never_updated("paid_outs", "id, drawer_id, station, cashier, paid_at, business_date, account_id, revenue_code, "
                                "payee, amount_cents, reason, approved_by", "paid-outs"),
    _never_deleted("paid_outs", "paid-outs"),
    _never_updated("drawer_counts", "id, drawer_id, attempt, counted_by, role, counted_at, pieces, cash_cents, items, "
                                    "card_settlement_cents, expected, counted, over_short_cents, reason",
                   "drawer counts"),
    _never_deleted("drawer_counts", "drawer counts"),
    _never_updated("drawer_closes", "drawer_id, count_id, second_count_id, closed_at, closed_by, business_date, "
                                    "expected, counted, over_short_cents, float_kept, float_kept_cents, "
                                    "deposit_pieces, deposit_cash_cents, card_settlement_cents, reason, approved_by",
                   "drawer closes"),
    _never_deleted("drawer_closes", "drawer closes"),
    _never_updated("returned_checks", "id, receipt_id, tender_id, account_id, amount_cents, fee_item_id, reason, "
                                      "recorded_by, recorded_at", "returned checks"),
    _never_deleted("returned_checks", "returned checks"),
    # Mail: a posted batch stays as posted; a posted remittance can only be reversed (once).
    _changed_only_when("mail_batches", ", ".join(_BATCH), f"OLD.status = 'posted' AND ({_differ(*_BATCH)})",
                       "posted mail batches"),
    _never_deleted("mail_batches", "posted mail batches", "OLD.status = 'posted'"),
    _changed_only_when(
        "mail_items", ", ".join((*_ITEM_FIXED, "status", *_REVERSED)),
        f"OLD.status != 'entered' AND ({_differ(*_ITEM_FIXED)} "
        f"OR (NEW.status IS NOT OLD.status AND NOT (OLD.status = 'posted' AND NEW.status = 'reversed')) "
        f"OR (OLD.status = 'reversed' AND ({_differ(*_REVERSED)})) "
        f"OR (NEW.status = 'posted' AND ({_differ(*_REVERSED)})))",
        "posted mail remittances"),
    _never_deleted("mail_items", "posted mail remittances", "OLD.status != 'entered'"),
    # A closed day: only the deposit ticket and bag numbers are written afterwards (at export).
    _changed_only_when("business_days", ", ".join(_DAY), f"OLD.status = 'closed' AND ({_differ(*_DAY)})",
                       "closed business days"),
    _never_deleted("business_days", "closed business days", "OLD.status = 'closed'"),
)  # fmt: skip


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for guard in MONEY_GUARDS:
        op.execute(guard.sql)


def downgrade() -> None:
    raise NotImplementedError("cashdesk never downgrades a database; restore a backup instead")
