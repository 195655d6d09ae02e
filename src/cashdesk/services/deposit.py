"""The daily deposit of a closed business day: the deposit slip, the deposit file, the GL
journal and the posting files, written atomically and registered with their hashes.

What goes to the bank is what the drawers gave up: the cash drops and each drawer's
closing deposit (counted cash less the float kept) by denomination, the checks and money
orders counted present, and the card terminals' settlements. The journal takes the money
from the receipts (voids excluded), the paid-outs, each drawer's over/short and what each
drawer's float kept moved between the change fund and the bank.

Mail: the receipts of posted mail batches (channel "mail") belong to the batch's business
day and to no drawer, so no count leaves any out: every check and money order of them goes
in the bag and on the slip, and their money in the journal like a counter receipt's. A
reversed remittance's receipt is void, so it is in neither.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from cashdesk.documents.deposit_slip import SlipHeading, deposit_slip_pdf
from cashdesk.domain.cards import contains_card_number, mask_cards
from cashdesk.domain.deposit import (
    billing_csv,
    deposit_file,
    journal_csv,
    sales_tax_csv,
)
from cashdesk.domain.money import Money
from cashdesk.domain.security import Permission
from cashdesk.services import audit
from cashdesk.services.anchors import day_anchor
from cashdesk.services.business_day import is_closed
from cashdesk.services.closing_record import closing_figures
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.day_money import ClosingLookups, DayMoney, day_money
from cashdesk.services.deposit_differences import Difference, figure_differences, file_difference, refusal
from cashdesk.services.files import sync_folder, write_atomically
from cashdesk.setting_keys import file_mode
from cashdesk.store.models import (
    BusinessDayRow,
    DayCloseRecordRow,
    ExportedFileRow,
)
from cashdesk.words import translate

log = logging.getLogger(__name__)


class ExportRefused(ServiceError):
    pass


class ExportDiffers(ExportRefused):
    """The day's rows or files are not what was closed and registered: nothing is written (exit 1)."""


# -- the files -----------------------------------------------------------------------------------


def file_names(day: dt.date) -> dict[str, str]:
    d = day.isoformat()
    return {
        "deposit": f"deposit-{d}.csv",
        "slip": f"deposit-slip-{d}.pdf",
        "journal": f"gl-journal-{d}.csv",
        "billing": f"billing-payments-{d}.csv",
        "sales_tax": f"sales-tax-payments-{d}.csv",
    }


def render_files(ctx: ServiceContext, money: DayMoney, *, ticket_number: str, bag_number: str) -> dict[str, bytes]:
    """File name -> bytes, in the order they are written. Nothing here depends on the clock."""
    day = money.deposit.business_date
    names = file_names(day)
    heading = SlipHeading(
        bank_name=ctx.settings.bank.name, account=ctx.settings.bank.account,
        routing=ctx.settings.bank.routing,
        depositor=f"{ctx.settings.city.name}, {ctx.settings.city.department}",
        ticket_number=ticket_number, bag_number=bag_number,
    )  # fmt: skip
    return {
        names["deposit"]: deposit_file(money.deposit, money.anchor).data,
        names["slip"]: deposit_slip_pdf(money.deposit, heading),
        names["journal"]: journal_csv(money.journal),
        names["billing"]: billing_csv(day, money.billing),
        names["sales_tax"]: sales_tax_csv(money.sales_tax),
    }


# -- the manifest: a day's export is complete when it is there ------------------------------------

MANIFEST_FORMAT = "cashdesk deposit manifest 1"


def manifest_name(day: dt.date) -> str:
    return f"deposit-manifest-{day.isoformat()}.json"


def manifest_bytes(day: dt.date, files: Mapping[str, bytes]) -> bytes:
    """Each file of the day's export with its size and SHA-256, in the order they are written."""
    listing = [{"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
               for name, data in files.items()]  # fmt: skip
    text = json.dumps({"format": MANIFEST_FORMAT, "business_date": day.isoformat(), "files": listing}, indent=2)
    return (text + "\n").encode("utf-8")


def _listed(path: Path) -> dict[str, tuple[int, str]] | None:
    """name -> (size, SHA-256) from a manifest; None when it cannot be read as one."""
    try:
        data = json.loads(path.read_bytes())
        return {str(f["name"]): (int(f["size"]), str(f["sha256"])) for f in data["files"]}
    except (OSError, ValueError, KeyError, TypeError):
        return None


# -- putting the files in the folder --------------------------------------------------------------


def _put_in_place(folder: Path, day: dt.date, files: Mapping[str, bytes], earlier: set[str], mode: int) -> bool:
    """Bring the folder to the day's files; the caller writes the manifest once they are registered.

    Returns whether an unfinished export (day files and no manifest, or temporary files) was
    found there, to be finished. A complete export (its manifest there) is changed
    only where it holds a file exported before for the day (a slip renumbered); a complete
    export whose files are not what its manifest lists, or were never exported from here,
    is refused, untouched."""
    manifest = folder / manifest_name(day)
    leftovers = [tmp for name in (*files, manifest.name) for tmp in folder.glob(f".{name}.*.tmp")]
    on_disk = {name: (folder / name).read_bytes() if (folder / name).is_file() else None for name in files}
    changes = [name for name, data in files.items() if on_disk[name] != data]
    complete = manifest.exists()
    if complete:
        listed = _listed(manifest) or {}
        problems: list[str] = []
        for name, have in on_disk.items():
            if name not in listed:
                problems.append(
                    translate("deposit", "{name} is not listed in {manifest}").format(name=name, manifest=manifest.name)
                )
            elif have is None:
                problems.append(
                    translate("deposit", "{name} is listed in {manifest} but is not in the folder").format(
                        name=name, manifest=manifest.name
                    )
                )
            elif (len(have), hashlib.sha256(have).hexdigest()) != listed[name]:
                problems.append(
                    translate("deposit", "{name} is not the file {manifest} lists (changed after the export)").format(
                        name=name, manifest=manifest.name
                    )
                )
            elif name in changes and listed[name][1] not in earlier:
                problems.append(
                    translate("deposit", "{name} was not exported from this database for {day}").format(
                        name=name, day=day
                    )
                )
        if problems:
            raise ExportDiffers(
                translate(
                    "deposit",
                    "The deposit of {day} was not exported to {folder}: the folder holds an export of the day that "
                    "is not the one cashdesk wrote and registered:\n{problems}\nNothing was overwritten. Keep "
                    "these files for the auditor: move them to another folder, then export again.",
                ).format(day=day, folder=folder, problems="\n".join(f"  - {p}" for p in problems))
            )
        if changes:  # no longer complete until the manifest is written again
            manifest.unlink()
            sync_folder(folder)
    for tmp in leftovers:  # a killed export's: never the files themselves
        tmp.unlink(missing_ok=True)
    for name in changes:
        write_atomically(folder / name, files[name], mode=mode)
    return bool(leftovers) or (not complete and any(data is not None for data in on_disk.values()))


# -- the use case --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportedFile:
    name: str
    path: Path
    sha256: str
    size: int
    previous_sha256: str | None  # the last registration of this day's file, None the first time

    @property
    def changed(self) -> bool:
        """Exported before with other bytes: only a slip given another ticket or bag number."""
        return self.previous_sha256 is not None and self.previous_sha256 != self.sha256


@dataclass(frozen=True, slots=True)
class ExportResult:
    business_date: dt.date
    folder: Path
    files: tuple[ExportedFile, ...]
    deposit_total: Money  # cash, checks, money orders and card settlements
    bank_total: Money  # the deposit ticket's total: what is in the bag
    check_count: int
    ticket_number: str
    bag_number: str
    manifest: Path | None = None  # written last: the export is complete
    finished: bool = False  # an unfinished export (a run stopped midway) was found and completed

    @property
    def changed(self) -> tuple[ExportedFile, ...]:
        return tuple(f for f in self.files if f.changed)

    def describe(self) -> str:
        said = [
            translate(
                "deposit",
                "Exported the deposit of {day}: {bank_total} in the bag ({checks} checks), {deposit_total} with card "
                "settlements, {files} files and their manifest in {folder}.",
            ).format(
                day=self.business_date,
                bank_total=self.bank_total.display(),
                checks=self.check_count,
                deposit_total=self.deposit_total.display(),
                files=len(self.files),
                folder=self.folder,
            )  # fmt: skip
        ]
        if self.finished:
            said.append(
                translate(
                    "deposit", "An unfinished export of the day found there (a run stopped midway) is now complete."
                )
            )
        if self.changed:
            said.append(
                translate(
                    "deposit",
                    "As asked, these replace the ones exported before for this day (ticket {ticket}, bag {bag}): "
                    "{names}. Give the bank the new one.",
                ).format(
                    ticket=self.ticket_number or "-",
                    bag=self.bag_number or "-",
                    names=", ".join(f.name for f in self.changed),
                )  # fmt: skip
            )
        return " ".join(said)


_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,19}$")


def _check_number(text: str, what: str) -> str:
    text = text.strip()
    if text and (not _NUMBER.match(text) or contains_card_number(text)):
        raise ExportRefused(
            translate(
                "deposit", "The {what} is up to 20 letters, digits or dashes, as printed on the bank's form."
            ).format(what=what)
        )
    return text


def _registered(s: Session, day: dt.date) -> dict[str, ExportedFileRow]:
    """The last registration of each of the day's files."""
    rows = s.scalars(select(ExportedFileRow).where(ExportedFileRow.business_date == day)
                     .order_by(ExportedFileRow.id))  # fmt: skip
    return {row.name: row for row in rows}


def _money_as_closed(s: Session, ctx: ServiceContext, day: dt.date, record: DayCloseRecordRow | None,
                     registered: Mapping[str, ExportedFileRow]) -> tuple[DayMoney, ServiceContext]:  # fmt: skip
    """The day's money read as it was closed, and the context its files are printed with."""
    closing = ClosingLookups.from_json(record.lookups) if record is not None else None
    money = day_money(s, ctx, day, closing)
    deposit_name = file_names(day)["deposit"]
    if record is None and money.anchor is not None and deposit_name in registered:
        # A day exported before deposit files carried the audit anchor keeps the five-value
        # trailer it was registered with (docs/formats.md).
        plain = replace(money, anchor=None)
        if registered[deposit_name].sha256 == hashlib.sha256(deposit_file(plain.deposit).data).hexdigest():
            money = plain
    return money, closing.applied_to(ctx) if closing is not None else ctx


def _rendered(printing: ServiceContext, money: DayMoney, numbers: tuple[str, str], kept: tuple[str, str],
              registered: Mapping[str, ExportedFileRow]) -> tuple[dict[str, bytes], dict[str, bytes]]:  # fmt: skip
    """The day's files with the numbers given, and as they were registered to compare with."""
    files = render_files(printing, money, ticket_number=numbers[0], bag_number=numbers[1])
    # What was registered is compared with the day rendered as it was then: a slip given new
    # numbers is compared as it was (a rare second rendering).
    if numbers != kept and file_names(money.deposit.business_date)["slip"] in registered:
        return files, render_files(printing, money, ticket_number=kept[0], bag_number=kept[1])
    return files, files


def _differences(business_day: BusinessDayRow, record: DayCloseRecordRow | None, money: DayMoney,
                 as_registered: Mapping[str, bytes], registered: Mapping[str, ExportedFileRow],
                 folder: Path) -> tuple[list[Difference], bool]:  # fmt: skip
    """What differs from the close and from the registered files, and whether the rows changed."""
    names = file_names(business_day.business_date)
    if record is not None:
        differences = figure_differences(json.loads(record.figures), closing_figures(money), names)
    elif business_day.deposit_total_cents != money.deposit.total.cents:  # closed before figures were kept
        differences = [Difference((names["deposit"], names["slip"]), "deposit total: "
                                  f"{Money(business_day.deposit_total_cents).display()} at the close, "
                                  f"{money.deposit.total.display()} now")]  # fmt: skip
    else:
        differences = []
    rows_changed = bool(differences)
    for name, data in as_registered.items():
        row = registered.get(name)
        if row is not None and row.sha256 != hashlib.sha256(data).hexdigest():
            differences.append(file_difference(row, data, folder))
    return differences, rows_changed


def _register(s: Session, operator: Operator, now: dt.datetime, day: dt.date, folder: Path,
              files: Mapping[str, bytes], registered: Mapping[str, ExportedFileRow]) -> list[ExportedFile]:  # fmt: skip
    exported: list[ExportedFile] = []
    for name, data in files.items():
        previous = registered.get(name)
        digest = hashlib.sha256(data).hexdigest()
        s.add(ExportedFileRow(business_date=day, name=name, sha256=digest, size=len(data),
                              exported_at=now.replace(tzinfo=None), exported_by=operator.user_id,
                              folder=mask_cards(str(folder.resolve()))[:500]))  # fmt: skip
        exported.append(ExportedFile(name, folder / name, digest, len(data),
                                     previous.sha256 if previous is not None else None))  # fmt: skip
    return exported


def _closed_day(s: Session, day: dt.date) -> BusinessDayRow:
    business_day = s.get(BusinessDayRow, day)
    if business_day is None or not is_closed(s, day):
        raise ExportRefused(
            translate(
                "deposit",
                "The business day {day:%Y-%m-%d} is not closed yet. Close the day first, then export its deposit.",
            ).format(day=day)
        )
    return business_day


def write_files(folder: Path, day: dt.date, files: Mapping[str, bytes], earlier: set[str], mode: int) -> bool:
    """Put the day's files in the folder (see _put_in_place); a folder that cannot take them is refused."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return _put_in_place(folder, day, files, earlier, mode)
    except OSError as exc:
        raise ExportRefused(
            translate(
                "deposit",
                "The deposit files could not be written to {folder}: {strerror}. Choose another folder "
                "or free some space; nothing was registered.",
            ).format(folder=folder, strerror=exc.strerror or exc)
        ) from None


def _audit_export(s: Session, ctx: ServiceContext, operator: Operator, now: dt.datetime, result: ExportResult) -> None:
    audit.record(
        s, user=operator.user_id, station=ctx.station, event_type="deposit_export",
        object=f"business day {result.business_date}",
        # Hash prefixes only: a full hex digest can hold a digit run that looks like a card number,
        # which the trail refuses. The full hashes are in exported_files.
        details={"folder": str(result.folder.resolve()), "files": {f.name: f.sha256[:12] for f in result.files},
                 "changed": {f.name: [str(f.previous_sha256)[:12], f.sha256[:12]] for f in result.changed},
                 "ticket": result.ticket_number, "bag": result.bag_number,
                 "deposit_cents": result.deposit_total.cents, "bag_cents": result.bank_total.cents,
                 "finished": result.finished},
        at=now,
    )  # fmt: skip


def write_manifest(day: dt.date, folder: Path, files: Mapping[str, bytes], mode: int) -> None:
    """Last, once the files are registered: the manifest says the day's export is complete."""
    manifest = folder / manifest_name(day)
    data = manifest_bytes(day, files)
    try:
        if not manifest.is_file() or manifest.read_bytes() != data:
            write_atomically(manifest, data, mode=mode)
    except OSError as exc:
        raise ExportRefused(
            translate(
                "deposit",
                "The deposit files of {day} were written and registered, but their manifest could not be "
                "written to {folder}: {strerror}. Until it is there the export is not complete: export "
                "again to finish it.",
            ).format(day=day, folder=folder, strerror=exc.strerror or exc)
        ) from None


def export_deposit(
    ctx: ServiceContext,
    operator: Operator,
    day: dt.date,
    folder: Path,
    *,
    ticket_number: str = "",
    bag_number: str = "",
) -> ExportResult:
    """Write the five deposit files of a closed day into `folder`, then its manifest (docs/formats.md).

    An empty ticket or bag number keeps the one given at an earlier export of the day. Every
    export first renders the day again, as closed, and compares it with the figures kept at the
    close and the files registered before: anything that differs refuses the export
    (ExportDiffers) and nothing is written. A run stopped midway is finished by the next one.
    """
    return _export(ctx, operator, day, Path(folder), (ticket_number, bag_number), None)


def export_at_close(ctx: ServiceContext, operator: Operator, money: DayMoney, folder: Path, *,
                    ticket_number: str = "", bag_number: str = "") -> ExportResult:  # fmt: skip
    """The deposit of a day just closed, from the money its close read and closed (services/day_close.py
    `close_and_export`): the files are made of the very rows the close kept its figures of, so there
    is nothing to read again and compare; files registered before are still compared, as always."""
    return _export(ctx, operator, money.deposit.business_date, Path(folder), (ticket_number, bag_number), money)


def check_numbers(ticket_number: str, bag_number: str) -> tuple[str, str]:
    """The deposit ticket and bag numbers as typed, checked (ExportRefused in words)."""
    return (
        _check_number(ticket_number, translate("deposit", "deposit ticket number")),
        _check_number(bag_number, translate("deposit", "bag number")),
    )


def _export(ctx: ServiceContext, operator: Operator, day: dt.date, folder: Path, numbers: tuple[str, str],
            at_close: DayMoney | None) -> ExportResult:  # fmt: skip
    operator.require(Permission.CLOSE_DAY, translate("deposit", "prepare the deposit"))
    ticket_number, bag_number = check_numbers(*numbers)
    mode = file_mode(ctx.settings.deposit.file_mode)  # who may read the files: the group that collects them
    now = ctx.now()
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        business_day = _closed_day(s, day)
        kept = (business_day.ticket_number, business_day.bag_number)
        numbers = (ticket_number or kept[0], bag_number or kept[1])
        registered = _registered(s, day)
        if at_close is None:
            record = s.get(DayCloseRecordRow, day)
            money, printing = _money_as_closed(s, ctx, day, record, registered)
        else:  # what the close read, with the anchor its event made
            record, money, printing = None, replace(at_close, anchor=day_anchor(s, day)), ctx
        files, as_registered = _rendered(printing, money, numbers, kept, registered)

        def refuse(message: str, differing: list[str], why: str) -> ExportDiffers:
            audit.record(s, user=operator.user_id, station=ctx.station, event_type="deposit_export",
                         object=f"business day {day}", success=False, at=now,
                         details={"folder": str(folder.resolve()), "refused": why, "differ": differing})  # fmt: skip
            uow.commit()  # the refusal stays in the trail, as often as it is asked
            log.warning("export of %s refused: %s", day, why)
            return ExportDiffers(message)

        differences, rows_changed = _differences(business_day, record, money, as_registered, registered, folder)
        if differences:
            message = refusal(day, folder, differences, rows_changed=rows_changed, registered=bool(registered))
            why = "rows changed since the close" if rows_changed else "files differ from those registered"
            raise refuse(message, sorted({n for d in differences for n in d.files}), why)
        earlier = set(s.scalars(select(ExportedFileRow.sha256).where(ExportedFileRow.business_date == day)))
        try:
            finished = write_files(folder, day, files, earlier, mode)
        except ExportDiffers as differs:
            raise refuse(str(differs), [], "the folder holds other files for the day") from None
        exported = _register(s, operator, now, day, folder, files, registered)
        business_day.ticket_number, business_day.bag_number = numbers
        result = ExportResult(day, folder, tuple(exported), money.deposit.total, money.deposit.bank_total,
                              len(money.deposit.items_of("check")), *numbers, folder / manifest_name(day),
                              finished)  # fmt: skip
        _audit_export(s, ctx, operator, now, result)
        uow.commit()
    write_manifest(day, folder, files, mode)
    if result.changed:
        log.warning("re-export of %s replaced, as asked: %s", day, ", ".join(f.name for f in result.changed))
    return result
