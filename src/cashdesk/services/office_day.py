"""The office's business day (docs/office.md): a supervisor, signed in at a window of the office,
closes it once no window keeps it open, and exports one consolidated deposit for it.

The deposit is the window's own deposit code run on each window's rows at the office: each
window's rows of the day are copied from PostgreSQL into a window-shaped SQLite database in
memory (store/office_day.py, ids as the window wrote them), read there by `day_parts` as a
window's file is read, and the windows' parts are added together before one journal is built
(services/day_money.py). The files are rendered and written by services/deposit.py."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from cashdesk.domain.deposit import JournalOutOfBalance, cash_in_bank
from cashdesk.domain.money import Money
from cashdesk.domain.security import Permission
from cashdesk.services import audit
from cashdesk.services.closing_record import closing_figures
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.day_money import DayMoney, DayParts, day_parts, joined, money_of
from cashdesk.services.deposit import file_names, manifest_name, render_files, write_files, write_manifest
from cashdesk.services.deposit_differences import figure_differences
from cashdesk.services.office import OfficeRefused, office_at, where
from cashdesk.setting_keys import file_mode
from cashdesk.store import office_day as store
from cashdesk.store import outbox
from cashdesk.store.office import Office, OfficeUnreachable
from cashdesk.words import translate

#: A window heard from this recently with nothing left to send counts as caught up, though its own
#: day is not closed and the day has not ended: its sender reaches the office every few seconds.
RECENT = dt.timedelta(minutes=10)


class OfficeDayRefused(ServiceError):
    pass


def _linked(ctx: ServiceContext, doing: str) -> tuple[Office, str]:
    """The office this window belongs to (where the office's day is kept)."""
    with ctx.db.unit_of_work(write=False) as uow:
        joined_to = outbox.link(uow)
    if joined_to is None:
        raise OfficeRefused(
            translate(
                "office_day",
                "This window has not joined an office: {doing} from a window of the office "
                "(`cashdesk station join --office URL` first).",
            ).format(doing=doing)
        )
    return office_at(joined_to.url), joined_to.url


def _when(moment: dt.datetime, zone: ZoneInfo) -> str:
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"


def keeping_open(windows: list[store.WindowDay], day: dt.date, now: dt.datetime, zone: ZoneInfo) -> list[str]:
    """What keeps the office's day open, a sentence a window: its drawers of the day still open, its
    mail batches not posted, changes it still had to send, or silence since before the day ended
    (its payments since then may not be at the office). Empty: the day may close."""
    ended = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=zone)
    said: list[str] = []
    for w in windows:
        why: list[str] = []
        if w.open_drawers:
            listed = ", ".join(
                translate("office_day", "drawer {drawer} ({cashier})").format(drawer=i, cashier=cashier)
                for i, cashier in w.open_drawers
            )
            still_open = (
                translate("office_day", "a drawer still open: {listed}")
                if len(w.open_drawers) == 1
                else translate("office_day", "drawers still open: {listed}")
            )
            why.append(still_open.format(listed=listed))
        if w.unposted_mail:
            why.append(
                translate("office_day", "mail batches not posted: {batches}").format(batches=", ".join(w.unposted_mail))
            )
        if w.last_contact is None:
            why.append(translate("office_day", "never heard from (its sender has not reached the office)"))
        elif w.waiting:
            why.append(
                translate("office_day", "{count:,} changes still to send when last heard from at {when}").format(
                    count=w.waiting, when=_when(w.last_contact, zone)
                )
            )
        elif not w.closed_own_day and w.last_contact < ended and now - w.last_contact > RECENT:
            why.append(
                translate(
                    "office_day", "not heard from since {when}: what it took since may not be at the office"
                ).format(when=_when(w.last_contact, zone))
            )
        if why:
            said.append(f"{w.station} ({'; '.join(why)})")
    return said


def _office_money(ctx: ServiceContext, office: Office, day: dt.date,
                  windows: list[store.WindowDay]) -> tuple[DayMoney, tuple[str, ...]]:  # fmt: skip
    """The office's day read from every window's rows at the office, as the window's deposit code
    reads a window's file; the books must tie (the journal balances, its cash in bank is the deposit)."""
    parts: list[DayParts] = []
    stations: list[str] = []
    for window in windows:
        with store.window_copy(office, window.station, day) as (session, counts):
            if not counts["drawers"] and not counts["receipts"]:
                continue
            if counts["allocations_unbilled"]:
                raise OfficeDayRefused(
                    translate(
                        "office_day",
                        "{station}'s receipts of {day} pay {count} bills the office does not have (bills made at that "
                        "window, as a tax return's or a service order's fee, do not reach the office yet): the "
                        "office's deposit of the day cannot be made. Close and export the day at each window instead.",
                    ).format(station=window.station, day=day, count=counts["allocations_unbilled"])
                )
            parts.append(day_parts(session, ctx, day))
            stations.append(window.station)
    try:
        money = money_of(ctx, day, joined(day, parts))
    except JournalOutOfBalance as exc:
        raise OfficeDayRefused(
            translate("office_day", "The office's journal of {day} does not balance: {exc} Nothing was done.").format(
                day=day, exc=exc
            )
        ) from None
    banked = cash_in_bank(money.journal, ctx.settings.gl.cash_account)
    if banked != money.deposit.total:
        raise OfficeDayRefused(
            translate(
                "office_day",
                "The office's books of {day} do not tie: the journal puts {banked} in the bank and the deposit is "
                "{deposit}. Nothing was done.",
            ).format(day=day, banked=banked.display(), deposit=money.deposit.total.display())
        )
    return money, tuple(stations)


@dataclass(frozen=True, slots=True)
class OfficeDayClosed:
    business_date: dt.date
    closed_by: str
    windows: tuple[str, ...]
    receipts: int
    receipts_total: Money
    deposit_total: Money
    bank_total: Money

    def describe(self) -> str:
        return (f"The office's business day {self.business_date} is closed: {len(self.windows)} windows "
                f"({', '.join(self.windows) or 'none took money'}), {self.receipts:,} receipts for "
                f"{self.receipts_total.display()}, deposit {self.bank_total.display()} in the bag "
                f"({self.deposit_total.display()} with card settlements). Export it with "
                "`cashdesk office export-deposit`.")  # fmt: skip


def close_office_day(ctx: ServiceContext, operator: Operator, day: dt.date) -> OfficeDayClosed:
    """Close the office's business day: refused, naming the windows, while any window keeps it open."""
    operator.require(Permission.CLOSE_DAY, translate("office_day", "close the office's business day"))
    office, url = _linked(ctx, translate("office_day", "the office's day is closed"))
    now = ctx.now()
    zone = ZoneInfo(ctx.settings.city.time_zone)
    try:
        done = store.office_day(office, day)
        if done is not None:
            raise OfficeDayRefused(
                translate(
                    "office_day", "The office's business day {day} is already closed (by {user} at {station}, {when})."
                ).format(day=day, user=done.closed_by, station=done.closed_at_station, when=_when(done.closed_at, zone))
            )
        if day > ctx.today():
            raise OfficeDayRefused(
                translate("office_day", "The office's business day {day} has not begun: today is {today}.").format(
                    day=day, today=ctx.today()
                )
            )
        windows = store.window_days(office, day)
        keepers = keeping_open(windows, day, now, zone)
        if keepers:
            which = (
                translate("office_day", "this window keeps")
                if len(keepers) == 1
                else translate("office_day", "these windows keep")
            )
            raise OfficeDayRefused(
                translate(
                    "office_day",
                    "The office's business day {day} cannot close: {which} it open: {windows}. Close the drawers and "
                    "post the mail batches at those windows and let their senders reach the office (`cashdesk sync`), "
                    "then close again.",
                ).format(day=day, which=which, windows="; ".join(keepers))
            )
        money, stations = _office_money(ctx, office, day, windows)
        figures = json.dumps(closing_figures(money), ensure_ascii=False, separators=(",", ":"))
        closed = store.OfficeDay(day, now, operator.user_id, ctx.station, stations, figures, money.deposit.total.cents,
                                 money.deposit.bank_total.cents, None)  # fmt: skip
        if not store.close_day(office, closed):
            raise OfficeDayRefused(
                translate(
                    "office_day", "The office's business day {day} was closed by another supervisor meanwhile."
                ).format(day=day)
            )
    except OfficeUnreachable as exc:
        raise OfficeRefused(
            translate(
                "office_day",
                "The office server at {office} did not answer: {exc}. The office's day close waits for the office: "
                "nothing was closed; close it again once the office answers.",
            ).format(office=where(url), exc=exc)
        ) from None
    finally:
        office.close()
    with ctx.db.unit_of_work() as uow:
        audit.record(uow.session, user=operator.user_id, station=ctx.station, event_type="office_day_close",
                     object=f"office business day {day}", at=now,
                     details={"windows": list(stations), "receipts": money.receipts,
                              "deposit_cents": money.deposit.total.cents,
                              "bag_cents": money.deposit.bank_total.cents})  # fmt: skip
        uow.commit()
    return OfficeDayClosed(day, operator.user_id, stations, money.receipts, money.receipts_total, money.deposit.total,
                           money.deposit.bank_total)  # fmt: skip


@dataclass(frozen=True, slots=True)
class OfficeExported:
    business_date: dt.date
    folder: Path
    files: tuple[tuple[str, int, str], ...]  # (name, size, SHA-256) in the order written
    windows: tuple[str, ...]
    deposit_total: Money
    bank_total: Money
    check_count: int
    already: bool  # the folder held this very export: nothing was written

    def describe(self) -> str:
        if self.already:
            return (f"The office's deposit of {self.business_date} is already in {self.folder}, the same bytes: "
                    "nothing was written.")  # fmt: skip
        return (f"Exported the office's deposit of {self.business_date} from {len(self.windows)} windows "
                f"({', '.join(self.windows)}): {self.bank_total.display()} in the bag ({self.check_count} checks), "
                f"{self.deposit_total.display()} with card settlements, {len(self.files)} files and their manifest "
                f"in {self.folder}.")  # fmt: skip


def export_office_deposit(ctx: ServiceContext, operator: Operator, day: dt.date, folder: Path) -> OfficeExported:
    """Write the consolidated deposit of a closed office day (the window's five files and their
    manifest, each whole or absent). The day is read again from every window's rows at the office
    and compared with the figures kept at its close: rows changed since refuse the export."""
    operator.require(Permission.CLOSE_DAY, translate("office_day", "prepare the office's deposit"))
    office, url = _linked(ctx, translate("office_day", "the office's deposit is exported"))
    folder = Path(folder)
    mode = file_mode(ctx.settings.deposit.file_mode)
    try:
        closed = store.office_day(office, day)
        if closed is None:
            raise OfficeDayRefused(
                translate(
                    "office_day",
                    "The office's business day {day} is not closed yet: close it first (`cashdesk office close-day`), "
                    "then export its deposit.",
                ).format(day=day)
            )
        money, stations = _office_money(ctx, office, day, store.window_days(office, day))
        names = file_names(day)
        differences = figure_differences(json.loads(closed.figures), closing_figures(money), names)
        if differences:
            raise OfficeDayRefused(
                translate(
                    "office_day",
                    "The office's deposit of {day} was not exported: its rows at the office changed since the office "
                    "closed the day:\n{differences}\nNothing was written. A window posted to the day after the "
                    "office's close: find out which (`cashdesk office status`) before the deposit goes to the bank.",
                ).format(day=day, differences="\n".join(f"  - {d.text}" for d in differences))
            )
        files = render_files(ctx, money, ticket_number="", bag_number="")
        already = (folder / manifest_name(day)).is_file() and all(
            (folder / name).is_file() and (folder / name).read_bytes() == data for name, data in files.items()
        )
        earlier = set(json.loads(closed.exported or "{}").values())
        write_files(folder, day, files, earlier, mode)
        listed = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
        store.record_export(office, day, json.dumps(listed, sort_keys=True))
    except OfficeUnreachable as exc:
        raise OfficeRefused(
            translate(
                "office_day",
                "The office server at {office} did not answer: {exc}. The office's deposit waits for the office; "
                "export again once it answers.",
            ).format(office=where(url), exc=exc)
        ) from None
    finally:
        office.close()
    write_manifest(day, folder, files, mode)
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        audit.record(uow.session, user=operator.user_id, station=ctx.station, event_type="office_deposit_export",
                     object=f"office business day {day}", at=now,
                     details={"folder": str(folder.resolve()), "files": {n: h[:12] for n, h in listed.items()},
                              "already": already})  # fmt: skip
        uow.commit()
    return OfficeExported(day, folder, tuple((n, len(d), listed[n]) for n, d in files.items()), stations,
                          money.deposit.total, money.deposit.bank_total, len(money.deposit.items_of("check")),
                          already)  # fmt: skip
