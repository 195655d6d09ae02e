"""Answers as files and on paper: Markdown import and export (docs/formats.md), the demo city's
starter set (resources/answers, installed as cashdesk.resources), a print on the receipt printer
through the print queue, and a PDF handout for the customer."""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from cashdesk.devices.slips import BLANK, RULE, SlipDoc, SlipLine, render_escpos
from cashdesk.documents.answer_pdf import Handout, handout_pdf
from cashdesk.domain.answers import Answer, Entry, Referral, parse_entry, same_content, to_markdown
from cashdesk.domain.security import Permission
from cashdesk.services import audit
from cashdesk.services.context import Operator, ServiceContext, ServiceError
from cashdesk.services.files import write_atomically
from cashdesk.services.printing import _add_job, _letterhead
from cashdesk.store import answers as store
from cashdesk.store.models_answers import AnswerRow
from cashdesk.words import translate

#: A folder holds at most this many files to import (a city's whole knowledge base fits).
MAX_FILES = 20_000
MAX_FILE_BYTES = 200_000


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: int

    def describe(self) -> str:
        return (f"Imported {len(self.added)} new and {len(self.changed)} changed answers and referrals; "
                f"{self.unchanged} were already as in the files.")  # fmt: skip


def _read_folder(folder: Path) -> list[tuple[Path, Entry]]:
    """Every .md file under `folder`, read whole first: one bad file and nothing is imported."""
    if not folder.is_dir():
        raise ServiceError(
            translate(
                "answer_files", "{folder} is not a folder: give the folder that holds the Markdown files."
            ).format(folder=folder)
        )
    files = sorted(p for p in folder.rglob("*.md") if p.is_file() and p.name.lower() != "readme.md")
    if not files:
        raise ServiceError(
            translate("answer_files", "{folder} holds no Markdown (.md) files: nothing was imported.").format(
                folder=folder
            )
        )
    if len(files) > MAX_FILES:
        raise ServiceError(
            translate(
                "answer_files", "{folder} holds more than {MAX_FILES:,} Markdown files: nothing was imported."
            ).format(folder=folder, MAX_FILES=MAX_FILES)
        )
    entries: list[tuple[Path, Entry]] = []
    problems: list[str] = []
    seen: dict[tuple[str, str], Path] = {}
    for path in files:
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ValueError(f"larger than {MAX_FILE_BYTES:,} bytes")
            entry = parse_entry(path.read_text(encoding="utf-8-sig"))
        except UnicodeDecodeError:
            problems.append(f"{path.relative_to(folder)}: not UTF-8 text")
            continue
        except (ValueError, OSError) as exc:
            problems.append(f"{path.relative_to(folder)}: {exc}")
            continue
        key = (type(entry).__name__, entry.slug)
        if key in seen:
            problems.append(f"{path.relative_to(folder)}: id {entry.slug} is also in {seen[key].relative_to(folder)}")
        seen[key] = path
        entries.append((path, entry))
    if problems:
        shown = "; ".join(problems[:10]) + (f"; and {len(problems) - 10} more" if len(problems) > 10 else "")
        raise ServiceError(
            translate("answer_files", "Nothing was imported: {count} file(s) need fixing: {shown}.").format(
                count=len(problems), shown=shown
            )
        )
    return entries


def import_entries(ctx: ServiceContext, operator: Operator, entries: list[Entry], source: str) -> ImportResult:
    """Save what is new or changed (an answer gets a new version), in one transaction, audited once."""
    operator.require(Permission.EDIT_ANSWERS, translate("answer_files", "import answers"))
    added: list[str] = []
    changed: list[str] = []
    unchanged = 0
    at = ctx.now().replace(tzinfo=None)
    with ctx.db.unit_of_work() as uow:
        s = uow.session
        for entry in entries:
            old_row = (store.answer_by_slug(s, entry.slug) if isinstance(entry, Answer)
                       else store.referral_by_slug(s, entry.slug))  # fmt: skip
            if old_row is not None:
                old: Entry = (store.answer_of(old_row) if isinstance(old_row, AnswerRow)
                              else store.referral_of(old_row))  # fmt: skip
                if same_content(old, entry):
                    unchanged += 1
                    continue
            if isinstance(entry, Answer):
                row = store.save_answer(s, entry, user=operator.user_id, at=at)
                name = f"answer {entry.slug} v{row.version}"
            else:
                store.save_referral(s, entry, user=operator.user_id, at=at)
                name = f"referral {entry.slug}"
            (added if old_row is None else changed).append(name)
        audit.record(s, user=operator.user_id, station=ctx.station, event_type="answers_import", object=source,
                     details={"answers": sum(isinstance(e, Answer) for e in entries),
                              "referrals": sum(isinstance(e, Referral) for e in entries),
                              "added": added[:200], "changed": changed[:200], "unchanged": unchanged},
                     at=ctx.now())  # fmt: skip
        uow.commit()
    return ImportResult(tuple(added), tuple(changed), unchanged)


def import_folder(ctx: ServiceContext, operator: Operator, folder: Path) -> ImportResult:
    entries = [entry for _, entry in _read_folder(folder)]
    return import_entries(ctx, operator, entries, str(folder))


def export_folder(ctx: ServiceContext, operator: Operator, folder: Path) -> int:
    """Every answer (folder/answers/ID.md) and referral (folder/referrals/ID.md), each file written
    whole. How many files."""
    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("answer_files", "export the answers"))
    with ctx.db.unit_of_work(write=False) as uow:
        files = [(Path("answers") / f"{r.slug}.md", to_markdown(store.answer_of(r)))
                 for r in store.all_answers(uow.session)]  # fmt: skip
        files += [(Path("referrals") / f"{r.slug}.md", to_markdown(store.referral_of(r)))
                  for r in store.all_referrals(uow.session)]  # fmt: skip
    try:
        for name, text in files:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            write_atomically(folder / name, text.encode("utf-8"))
    except OSError as exc:
        raise ServiceError(
            translate("answer_files", "Could not write the answers to {folder}: {strerror}.").format(
                folder=folder, strerror=exc.strerror or exc
            )
        ) from None
    return len(files)


def starter_folder() -> Path:
    """The demo city's starter set: installed package data, or resources/answers in a checkout."""
    try:
        installed = Path(str(importlib.resources.files("cashdesk.resources") / "answers"))
        if installed.is_dir():
            return installed
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parents[3] / "resources" / "answers"


def load_starter_set(ctx: ServiceContext, operator: Operator) -> ImportResult:
    """The SAMPLE answers and referrals of the fictional demo city (`cashdesk demo-data`)."""
    entries = [entry for _, entry in _read_folder(starter_folder())]
    return import_entries(ctx, operator, entries, "starter set (sample text)")


# -- on paper ----------------------------------------------------------------------------------------


def _paragraphs(body: str) -> tuple[str, ...]:
    return tuple(" ".join(p.split()) for p in body.split("\n\n") if p.strip())


def _printed(session: Session, slug: str) -> tuple[AnswerRow, Answer]:
    """The answer's row (its version goes in the audit event) and the answer, or a refusal in words."""
    row = store.answer_by_slug(session, slug)
    if row is None:
        raise ServiceError(translate("answer_files", "There is no answer {slug!r}.").format(slug=slug))
    return row, store.answer_of(row)


def print_answer(ctx: ServiceContext, operator: Operator, slug: str) -> int:
    """Queue the answer on this station's receipt printer, like any slip; the print job's id."""
    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("answer_files", "print answers"))
    with ctx.db.unit_of_work() as uow:
        row, answer = _printed(uow.session, slug)
        lines: list[SlipLine] = [SlipLine(answer.title, bold=True), BLANK]
        for paragraph in _paragraphs(answer.body):
            lines += [SlipLine(paragraph), BLANK]
        lines += [RULE, *(SlipLine(text) for text in (answer.citation, answer.link) if text)]
        if answer.effective_on:
            lines.append(SlipLine(f"Effective {answer.effective_on:%m/%d/%Y}"))
        doc = SlipDoc(_letterhead(ctx), "ANSWER", tuple(lines))
        payload = render_escpos(doc, profile=ctx.settings.printer.profile, width_chars=ctx.settings.printer.width)
        job = _add_job(uow.session, ctx, "answer_slip", payload, None)
        audit.record(uow.session, user=operator.user_id, station=ctx.station, event_type="answer_printed",
                     object=f"answer {slug}", details={"version": row.version, "how": "receipt"},
                     at=ctx.now())  # fmt: skip
        uow.commit()
        return job


def answer_handout(ctx: ServiceContext, operator: Operator, slug: str, folder: Path) -> Path:
    """The answer as a PDF handout in `folder` (answer-ID.pdf), written whole."""
    operator.require(Permission.LOOK_UP_ACCOUNTS, translate("answer_files", "print answers"))
    with ctx.db.unit_of_work() as uow:
        row, answer = _printed(uow.session, slug)
        city = ctx.settings.city
        effective = f"Effective {answer.effective_on:%m/%d/%Y}" if answer.effective_on else ""
        data = handout_pdf(Handout(city.name, city.department, answer.title, answer.question,
                                   _paragraphs(answer.body), answer.citation, answer.link, effective,
                                   city.phone))  # fmt: skip
        target = folder / f"answer-{slug}.pdf"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_atomically(target, data)
        except OSError as exc:
            raise ServiceError(
                translate("answer_files", "Could not save the PDF in {folder}: {strerror}.").format(
                    folder=folder, strerror=exc.strerror or exc
                )
            ) from None
        audit.record(uow.session, user=operator.user_id, station=ctx.station, event_type="answer_printed",
                     object=f"answer {slug}", details={"version": row.version, "how": "pdf", "file": target.name},
                     at=ctx.now())  # fmt: skip
        uow.commit()
    return target
