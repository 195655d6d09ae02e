"""The guards in the database itself: triggers that refuse to change or delete the audit trail
and posted money rows, whatever program writes to the file.

The services change posted rows only in their own ways (a void marks a receipt void, a
reprint counts up, a mail reversal marks its remittance reversed, a drawer closes, a deposit
export numbers its day's ticket and bag); everything else is refused by SQLite. Migrations
0003, 0008 and 0009 create these triggers; `cashdesk init` and the window's start put back one that
is missing or not as written here (`missing`, `put_back`), and `audit verify` names it.
Only the columns listed are guarded, so a later migration may add a column and fill it in.
"""

from __future__ import annotations

from dataclasses import dataclass

from cashdesk.store.posting import Driver

_REFUSED = "posted money rows are never changed or deleted: a correction is a void or a reversal"


@dataclass(frozen=True, slots=True)
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


# -- the audit trail (migration 0003) -------------------------------------------------------------

AUDIT_GUARDS = (
    Guard("audit_events_no_update", "audit_events", "the audit trail from being changed",
          "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
          "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"),
    Guard("audit_events_no_delete", "audit_events", "the audit trail from being deleted",
          "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
          "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"),
)  # fmt: skip

# -- posted money (migration 0008) --------------------------------------------------------------

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

# -- what a day's close froze for its exports (migration 0009) ---------------------------------

RECORD_GUARDS = (
    _never_updated("day_close_records", "business_date, lookups, figures", "the record frozen at a day's close"),
    _never_deleted("day_close_records", "the record frozen at a day's close"),
)

GUARDS: tuple[Guard, ...] = AUDIT_GUARDS + MONEY_GUARDS + RECORD_GUARDS


def _normal(sql: str) -> str:
    return " ".join(sql.split())


@dataclass(frozen=True, slots=True)
class MissingGuard:
    guard: Guard
    changed: bool  # there is a trigger of that name, but not as written here

    def describe(self) -> str:
        state = "is not the one cashdesk wrote" if self.changed else "is missing"
        return f"the guard that keeps {self.guard.keeps} {state} (trigger {self.guard.name})"


def missing(db: Driver) -> list[MissingGuard]:
    """The guards that are not in the database as written here (SQLite only)."""
    if not db.is_sqlite:
        return []
    tables = {name for (name,) in db.all("SELECT name FROM sqlite_master WHERE type = 'table'")}
    have = {name: sql for name, sql in db.all("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")}
    found: list[MissingGuard] = []
    for guard in GUARDS:
        if guard.table not in tables:
            continue  # an older schema: the upgrade creates it
        sql = have.get(guard.name)
        if sql is None or _normal(sql) != _normal(guard.sql):
            found.append(MissingGuard(guard, changed=sql is not None))
    return found


def put_back(db: Driver, gone: list[MissingGuard]) -> None:
    """Create the guards again, in the caller's transaction (a changed one is dropped first)."""
    for item in gone:
        if item.changed:
            db.run(f'DROP TRIGGER IF EXISTS "{item.guard.name}"')
        db.run(item.guard.sql)
