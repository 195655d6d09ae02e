"""The shut-off list: a preview for a date, then a supervisor's commit that hangs door tags (their
fee an open item) and queues each account's disconnect behind its tag; the holds that keep an
account or a whole day off it (docs/service-orders.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from cashdesk.domain.accounts import normalize_account_number
from cashdesk.domain.money import Money
from cashdesk.domain.security import Permission
from cashdesk.domain.service_orders import (
    HoldKind,
    OrderType,
    ShutoffRule,
    aged_cutoff,
    shutoff_date_refusal,
    weekday_numbers,
)
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.service_orders import OrderRefused, local_date, new_order
from cashdesk.store import arrangements
from cashdesk.store import service_orders as orders
from cashdesk.store.driver import Driver
from cashdesk.words import translate

if TYPE_CHECKING:
    from cashdesk.store.office import Office


@dataclass(frozen=True, slots=True)
class ShutoffLine:
    account: str
    name: str
    service_address: str
    past_due: Money


@dataclass(frozen=True, slots=True)
class ShutoffPreview:
    on: dt.date
    lines: tuple[ShutoffLine, ...]
    held: tuple[str, ...]  # accounts left off by a medical certificate, a hold or an arrangement
    refusal: str  # why no shut-off may be done on this date ("" if it may)

    @property
    def total(self) -> Money:
        return Money.total(line.past_due for line in self.lines)


@dataclass(frozen=True, slots=True)
class ShutoffCommitted:
    on: dt.date
    door_tags: tuple[str, ...]  # their numbers, in account order
    disconnects: tuple[str, ...]
    fees: Money


def rule_of(ctx: ServiceContext) -> ShutoffRule:
    s = ctx.settings.orders
    return ShutoffRule(s.shutoff_minimum_cents, s.shutoff_aging_days, weekday_numbers(s.no_shutoff_days),
                       frozenset(dt.date.fromisoformat(d) for d in s.holidays))  # fmt: skip


def preview_on(db: Driver, ctx: ServiceContext, on: dt.date) -> tuple[ShutoffPreview, list[int]]:
    rule = rule_of(ctx)
    refusal = shutoff_date_refusal(on, rule, orders.shutoff_hold_days(db))
    held_ids = orders.holds_on(db, on) | arrangements.active_accounts(db)  # a hold, or an active arrangement
    lines, held, ids = [], [], []
    for account_id, number, name, address, owed in orders.past_due_accounts(db, aged_cutoff(on, rule.aging_days),
                                                                             rule.minimum_cents):  # fmt: skip
        if account_id in held_ids:
            held.append(number)
            continue
        lines.append(ShutoffLine(number, name, address, Money(owed)))
        ids.append(account_id)
    return ShutoffPreview(on, tuple(lines), tuple(held), refusal), ids


def preview(ctx: ServiceContext, operator: Operator, on: dt.date) -> ShutoffPreview:
    """The accounts a shut-off run on `on` would tag; nothing is written."""
    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("shutoff", "see the shut-off list"))
    with ctx.db.unit_of_work(write=False) as uow:
        return preview_on(uow.rows, ctx, on)[0]


def commit(ctx: ServiceContext, supervisor: Operator, on: dt.date) -> ShutoffCommitted:
    """A supervisor runs the list for real: a door tag for `on` per account (its fee an open item) and
    a disconnect that waits for the tag and the notice period. All or nothing."""
    supervisor.require(Permission.APPROVE_OVERRIDES, translate("shutoff", "commit the shut-off list"))
    now = ctx.now()
    if on < local_date(ctx, now):
        raise OrderRefused(
            translate("shutoff", "{on} has passed: run the shut-off list for today or later.").format(on=on.isoformat())
        )
    claimed = _through_office(ctx, on, supervisor.user_id)
    try:
        return _commit_here(ctx, supervisor, on, now)
    except BaseException:
        if claimed:  # not committed here after all: another window may commit the day's list
            _release(ctx, on)
        raise


def _commit_here(ctx: ServiceContext, supervisor: Operator, on: dt.date, now: dt.datetime) -> ShutoffCommitted:
    fee = ctx.settings.orders.door_tag_fee_cents
    tags, disconnects = [], []
    with ctx.db.unit_of_work() as uow:
        db = uow.rows
        shown, ids = preview_on(db, ctx, on)
        if shown.refusal:
            raise OrderRefused(shown.refusal)
        if not ids:
            raise OrderRefused(
                translate("shutoff", "No account is on the shut-off list for {on}: nothing was done.").format(
                    on=on.isoformat()
                )
            )
        for line, account_id in zip(shown.lines, ids, strict=True):
            tag_id, tag = new_order(db, ctx, supervisor.user_id, account_id, line.service_address, OrderType.DOOR_TAG,
                                    now, reason=f"Past due {line.past_due.display()}", scheduled=on, priority=2,
                                    fee=("DOORTAG", "Shut-off notice (door tag)", fee))  # fmt: skip
            _, cut = new_order(db, ctx, supervisor.user_id, account_id, line.service_address, OrderType.DISCONNECT,
                               now, reason="Non-payment", priority=2, depends_on=tag_id)  # fmt: skip
            tags.append(tag)
            disconnects.append(cut)
        audit.record_on(db, user=supervisor.user_id, station=ctx.station, event_type="shutoff_list",
                        object=on.isoformat(), details={"door_tags": len(tags), "fee_cents": fee * len(tags),
                                                        "past_due_cents": shown.total.cents}, at=now)  # fmt: skip
        uow.commit()
    return ShutoffCommitted(on, tuple(tags), tuple(disconnects), Money(fee * len(tags)))


def _through_office(ctx: ServiceContext, on: dt.date, user: str) -> bool:
    """At a window of an office, the list is committed through the office: this window's balances
    are brought up to date first (another window's payment takes an account off the list), and a
    list another window committed for the same day is not committed twice: the office keeps one
    claim a day, and the window that claims the day first commits it (two windows at once: the
    office's key decides). Refused in words while the office does not answer (docs/office.md).
    True: the day was claimed just now (given back if the list is not committed here); a window
    alone commits as it always has."""
    from cashdesk.services.office import OfficeRefused, through_office  # deferred: only a window of an office

    claimed: list[bool] = []

    def not_committed_elsewhere(office: Office) -> None:
        done = office.door_tags_on(on, ctx.station)
        if done:
            listed = "; ".join(f"{n} door tag(s) at {station} (by {who})" for station, n, who in done)
            raise OfficeRefused(
                translate(
                    "shutoff",
                    "The shut-off list for {on} was already committed at another window of the office: "
                    "{listed}. Nothing was changed.",
                ).format(on=on.isoformat(), listed=listed)
            )
        held = office.claim_shutoff_list(on, ctx.station, user, ctx.now())
        if held.station != ctx.station:
            when = held.claimed_at.astimezone(ZoneInfo(ctx.settings.city.time_zone))
            raise OfficeRefused(
                translate(
                    "shutoff",
                    "The shut-off list for {on} was already committed at another window of the office: "
                    "{station} (by {user}, {when}). Nothing was changed.",
                ).format(on=on.isoformat(), station=held.station, user=held.claimed_by, when=f"{when:%Y-%m-%d %H:%M}")
            )
        claimed.append(held.fresh)

    through_office(ctx, translate("shutoff", "Committing the shut-off list"), not_committed_elsewhere)
    return bool(claimed and claimed[0])


def _release(ctx: ServiceContext, on: dt.date) -> None:
    """Give the day's claim back at the office; the office not answering keeps it this window's (it
    commits the list when tried again)."""
    from cashdesk.services.office import release_shutoff_list  # deferred: only a window of an office

    release_shutoff_list(ctx, on)


def hold_account(ctx: ServiceContext, supervisor: Operator, account: str, kind: HoldKind, starts: dt.date,
                 ends: dt.date | None, note: str = "") -> None:  # fmt: skip
    """A medical certificate, a hold flag or an arrangement: the account stays off the list while it lasts."""
    supervisor.require(Permission.APPROVE_OVERRIDES, translate("shutoff", "hold an account's shut-off"))
    if ends is not None and ends < starts:
        raise OrderRefused(translate("shutoff", "The hold ends before it starts: check the dates."))
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        db = uow.rows
        row = orders.account_of(db, normalize_account_number(account))
        if row is None:
            raise OrderRefused(
                translate("shutoff", "No utility account {account}. Check the number.").format(account=account)
            )
        orders.add_account_hold(db, row[0], kind.value, starts, ends, note.strip()[:200], supervisor.user_id,
                                now.replace(tzinfo=None))  # fmt: skip
        audit.record_on(db, user=supervisor.user_id, station=ctx.station, event_type="shutoff_hold", object=row[1],
                        details={"kind": kind.value, "starts": starts.isoformat(),
                                 "ends": ends.isoformat() if ends else None}, at=now)  # fmt: skip
        uow.commit()


def hold_day(ctx: ServiceContext, supervisor: Operator, on: dt.date, reason: str) -> None:
    """A temperature hold: no shut-offs at all on that day."""
    supervisor.require(Permission.APPROVE_OVERRIDES, translate("shutoff", "hold shut-offs for a day"))
    if not reason.strip():
        raise OrderRefused(translate("shutoff", "Say why shut-offs are held that day (for example: below freezing)."))
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        db = uow.rows
        if on in orders.shutoff_hold_days(db):
            raise OrderRefused(translate("shutoff", "Shut-offs are already held on {on}.").format(on=on.isoformat()))
        orders.add_shutoff_hold(db, on, reason.strip()[:200], supervisor.user_id, now.replace(tzinfo=None))
        audit.record_on(db, user=supervisor.user_id, station=ctx.station, event_type="shutoff_hold",
                        object=on.isoformat(), details={"reason": reason.strip()[:200]}, at=now)  # fmt: skip
        uow.commit()
