"""Settings, declared once with type, default and description (setting_keys.py); read from a TOML file.

`cashdesk config show` and (later) the settings dialog are generated from `SETTINGS`. The program
reads them as a typed tree of frozen dataclasses, one per section (`ctx.settings.cash.block_limit_cents`),
built and validated once when the file is loaded; a mistake is named with the file, its line and
the key. The tree's fields are checked against `SETTINGS` when this module is imported, so the two
cannot drift apart.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any, get_type_hints

from cashdesk.setting_keys import SETTINGS, Setting
from cashdesk.words import QT_TRANSLATE_NOOP, translate

__all__ = [
    "SETTINGS", "Setting", "Settings", "SettingsError", "config_path", "default_config_path", "key_lines",
    "language_in_file", "save_setting",
]  # fmt: skip


class SettingsError(Exception):
    """The settings file has a mistake; the message names the file, the key and the fix."""


_BY_KEY = {s.key: s for s in SETTINGS}


# -- the typed tree: one frozen dataclass per section, a field per key ------------------------------
# Built from SETTINGS' defaults and the file's values; the values were checked on the way in, so a
# reader takes `ctx.settings.drawer.pin` as the int it is.


@dataclass(frozen=True, slots=True)
class CitySettings:
    name: str
    department: str
    address: str
    phone: str
    time_zone: str


@dataclass(frozen=True, slots=True)
class StationSettings:
    id: str
    tills: int


@dataclass(frozen=True, slots=True)
class SearchSettings:
    limit: int


@dataclass(frozen=True, slots=True)
class UiSettings:
    language: str


@dataclass(frozen=True, slots=True)
class SecuritySettings:
    password_min_length: int
    password_history: int
    lockout_attempts: int
    lockout_minutes: int
    idle_lock_minutes: int
    inactive_days: int


@dataclass(frozen=True, slots=True)
class OverridesSettings:
    separate_supervisor: bool
    approval_minutes: int


@dataclass(frozen=True, slots=True)
class PrinterSettings:
    spec: str  # CASHDESK_PRINTER, read where the printer is opened, overrides it
    profile: str
    width: int
    slip_station: bool


@dataclass(frozen=True, slots=True)
class ReceiptSettings:
    footer: str
    footer_es: str  # the footer of a Spanish receipt (domain/printed_text.py)
    logo: bool
    logo_file: str  # "" is the shipped logo for the paper (resources/receipt)


@dataclass(frozen=True, slots=True)
class DrawerSettings:
    pin: int
    kick_expiry_seconds: int
    open_for_checks: bool


@dataclass(frozen=True, slots=True)
class NsfSettings:
    fee_cents: int
    cash_only_days: int


@dataclass(frozen=True, slots=True)
class CashSettings:
    warn_limit_cents: int
    block_limit_cents: int
    change_fund_cents: int


@dataclass(frozen=True, slots=True)
class BalancingSettings:
    variance_limit_cents: int


@dataclass(frozen=True, slots=True)
class ReportsSettings:
    folder: str


@dataclass(frozen=True, slots=True)
class BankSettings:
    name: str
    account: str
    routing: str


@dataclass(frozen=True, slots=True)
class DepositSettings:
    file_mode: str  # octal digits as written, "0640"; setting_keys.file_mode gives the number


@dataclass(frozen=True, slots=True)
class GlSettings:
    cash_account: str
    over_short_account: str
    credit_account: str
    change_fund_account: str


@dataclass(frozen=True, slots=True)
class TaxSettings:
    rate_basis_points: int
    due_day: int
    vendor_fee_basis_points: int
    vendor_fee_cap_cents: int
    penalty_basis_points: int
    penalty_minimum_cents: int
    interest_basis_points_per_month: int


@dataclass(frozen=True, slots=True)
class MailSettings:
    divisions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BackupSettings:
    folder: str
    at_day_close: bool
    keep: int


@dataclass(frozen=True, slots=True)
class ImportsSettings:
    payments_max_rows: int
    payments_max_megabytes: int


@dataclass(frozen=True, slots=True)
class AllocationSettings:
    priorities: Mapping[str, int]  # revenue code -> paying order


@dataclass(frozen=True, slots=True)
class AnswersSettings:
    limit: int


@dataclass(frozen=True, slots=True)
class SuppliesSettings:
    roll_length_m: int
    line_height_tenths_mm: int
    paper_warn_percent: int
    paper_item: str


@dataclass(frozen=True, slots=True)
class OrdersSettings:
    notice_hours: int
    shutoff_minimum_cents: int
    shutoff_aging_days: int
    no_shutoff_days: tuple[str, ...]
    holidays: tuple[str, ...]  # ISO dates
    door_tag_fee_cents: int
    reconnect_fee_cents: int
    after_hours_fee_cents: int
    opens_hour: int
    closes_hour: int
    deposit_rule: str  # fixed, multiple or none
    deposit_fixed_cents: int
    deposit_multiple: int


@dataclass(frozen=True, slots=True)
class ArrangementsSettings:
    max_count: int
    within_months: int
    max_months: int
    max_installments: int
    down_minimum_percent: int
    down_days: int
    grace_days: int
    interest_basis_points: int  # a month, simple, on the amount financed
    interest_code: str
    allow_with_disconnect: bool
    disconnect_down_percent: int
    current_bills_required: bool


@dataclass(frozen=True, slots=True)
class DelinquencySettings:
    reminder_days: int
    reminder_past_due_cents: int
    late_fee_days: int
    late_fee_past_due_cents: int
    late_fee_basis_points: int
    late_fee_minimum_cents: int
    late_fee_cap_cents: int
    door_tag_days: int
    door_tag_past_due_cents: int
    disconnect_days: int
    disconnect_past_due_cents: int
    tax_notice_days: int
    tax_notice_past_due_cents: int
    tax_penalty_days: int
    tax_penalty_past_due_cents: int
    tax_referral_days: int
    tax_referral_past_due_cents: int
    notices_folder: str
    how_to_pay: str
    how_to_pay_es: str  # the same, on a Spanish letter


def default_config_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path("cashdesk", appauthor=False) / "cashdesk.toml"


def config_path() -> Path:
    env = os.environ.get("CASHDESK_CONFIG")
    return Path(env).expanduser() if env else default_config_path()


@dataclass(frozen=True, slots=True, init=False)
class Settings:
    """The effective settings: the file's values over the declared defaults, one section per attribute.

    `Settings({"station.id": "W02"})` builds them from flat keys, as a file would give them."""

    city: CitySettings
    station: StationSettings
    search: SearchSettings
    ui: UiSettings
    security: SecuritySettings
    overrides: OverridesSettings
    printer: PrinterSettings
    receipt: ReceiptSettings
    drawer: DrawerSettings
    nsf: NsfSettings
    cash: CashSettings
    balancing: BalancingSettings
    reports: ReportsSettings
    bank: BankSettings
    deposit: DepositSettings
    gl: GlSettings
    tax: TaxSettings
    mail: MailSettings
    backup: BackupSettings
    imports: ImportsSettings
    allocation: AllocationSettings
    answers: AnswersSettings
    supplies: SuppliesSettings
    orders: OrdersSettings
    arrangements: ArrangementsSettings
    delinquency: DelinquencySettings
    path: Path | None
    _from_file: dict[str, Any]
    _lines: dict[str, int]

    def __init__(
        self, values: Mapping[str, Any] | None = None, *, path: Path | None = None,
        lines: Mapping[str, int] | None = None,
    ) -> None:  # fmt: skip
        lines = dict(lines or {})
        from_file: dict[str, Any] = {}
        for key, value in (values or {}).items():
            setting = _BY_KEY.get(key)
            where = _where(path, _line_of(key, lines))
            if setting is None:
                raise SettingsError(
                    where
                    + translate("config", "unknown setting {key!r}. Known settings: {known}.").format(
                        key=key, known=", ".join(_BY_KEY)
                    )
                )
            if type(value) is not setting.type:
                raise SettingsError(
                    where
                    + translate("config", "{key} must be {kind}, not {value}.").format(
                        key=key, kind=translate("config", _KIND_WORDS[setting.type]), value=_shown(value)
                    )
                )
            if setting.check is not None:
                try:
                    setting.check(value)
                except ValueError as exc:
                    raise SettingsError(
                        where + translate("config", "{key}: {problem}.").format(key=key, problem=str(exc).rstrip("."))
                    ) from None
            from_file[key] = value
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "_from_file", from_file)
        object.__setattr__(self, "_lines", lines)
        effective = self.flat()
        for name, section in _SECTIONS.items():
            object.__setattr__(self, name, section(**{f: _typed(effective[f"{name}.{f}"]) for f in _names(section)}))

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or config_path()
        if not path.exists():
            return cls(path=path)
        try:
            text = path.read_text(encoding="utf-8")
            data = tomllib.loads(text)
        except UnicodeDecodeError:
            said = translate("config", "{path} is not valid TOML: it is not saved as UTF-8 text. Save it as UTF-8 "
                                       "(plain text) or remove it.")  # fmt: skip
            raise SettingsError(said.format(path=path)) from None
        except tomllib.TOMLDecodeError as exc:
            # The parser names an odd character by its Python escape ('\\x00'); say what it is.
            said = re.sub(
                r"(Illegal character )?'\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})'", "a control character", str(exc)
            )
            raise SettingsError(
                translate("config", "{path} is not valid TOML: {said}. Fix the file or remove it.").format(
                    path=path, said=said
                )
            ) from None
        return cls(_flatten(data), path=path, lines=key_lines(text))

    def flat(self) -> dict[str, Any]:
        """Every setting's effective value by its file key (`station.id`), in declaration order, as
        the file gives it: for the audit trail, `cashdesk config show` and a closed day's files."""
        return {s.key: self._from_file.get(s.key, s.default) for s in SETTINGS}

    def source(self, key: str) -> str:
        return "file" if key in self._from_file else "default"

    def with_values(self, **values: Any) -> Settings:
        """A copy with some settings changed; keys use `__` for the dot (city__name)."""
        merged = dict(self._from_file)
        merged.update({k.replace("__", "."): v for k, v in values.items()})
        return Settings(merged, path=self.path, lines=self._lines)


_NON_SECTIONS = ("path", "_from_file", "_lines")
_SECTIONS: dict[str, type] = {
    name: hint for name, hint in get_type_hints(Settings).items() if name not in _NON_SECTIONS
}


def _names(section: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(section))


def _typed(value: Any) -> Any:
    """A file value as the tree holds it: lists and tables become read-only copies."""
    if isinstance(value, list):
        # The one list, mail.divisions, is names; the mail log has always taken each as text.
        return tuple(str(item) for item in value)
    if isinstance(value, dict):
        return MappingProxyType(dict(value))
    return value


def _check_tree() -> None:
    """The tree has exactly the keys of SETTINGS, each with its declared type (a programmer's mistake)."""
    kinds = {str: str, int: int, bool: bool, list: tuple, dict: Mapping}
    tree: dict[str, Any] = {}
    for name, section in _SECTIONS.items():
        for field_name, hint in get_type_hints(section).items():
            tree[f"{name}.{field_name}"] = getattr(hint, "__origin__", hint)
    declared = {s.key: kinds[s.type] for s in SETTINGS}
    if tree != declared:
        raise AssertionError(f"the settings tree and SETTINGS differ: {set(tree.items()) ^ set(declared.items())}")


_check_tree()


def _where(path: Path | None, line: int | None) -> str:
    """The start of a message about a file's value: `/…/cashdesk.toml line 12: `."""
    if path is None:
        return ""
    if line:
        return translate("config", "{path} line {line}: ").format(path=path, line=line)
    return f"{path}: "


def _line_of(key: str, lines: Mapping[str, int]) -> int | None:
    """The line a key is written on; a table setting's own keys count for it (allocation.priorities.WATER)."""
    if key in lines:
        return lines[key]
    inside = [line for written, line in lines.items() if written.startswith(f"{key}.")]
    if inside:
        return min(inside)
    # Written inside an inline table (`city = { name = "x" }`): the line of the table.
    parts = key.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        if ".".join(parts[:cut]) in lines:
            return lines[".".join(parts[:cut])]
    return None


_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\.\"' ]+?)\s*=")


def _dotted(written: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in written.split("."))


def key_lines(text: str) -> dict[str, int]:
    """Where each key is written in a TOML file (1-based), as `section.key`, since tomllib gives no
    line numbers. Good for the plain files cashdesk's are; a key it cannot place has no line."""
    found: dict[str, int] = {}
    table = ""
    in_string: str | None = None  # the quotes of a multi-line string still open
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string is not None:
            if line.count(in_string) % 2:
                in_string = None
            continue
        header = _HEADER.match(line)
        if header:
            table = _dotted(header.group(1))
            found.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            full = f"{table}.{_dotted(key.group(1))}" if table else _dotted(key.group(1))
            found.setdefault(full, number)
            rest = line[key.end() :]
            for quotes in ('"""', "'''"):
                if rest.count(quotes) % 2:
                    in_string = quotes
    return found


_VALUE = re.compile(r"""^(\s*[A-Za-z0-9_\-\."' ]+?\s*=\s*)("[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_+\-]+)""")


def language_in_file(path: Path | None = None) -> str:
    """The window's language as the settings file names it (`ui.language`), read line by line so a
    mistake elsewhere in the file does not hide it: the start's refusals, that mistake's among them,
    are said in it. The default when the file is missing, unreadable or names no language the window
    speaks."""
    setting = _BY_KEY["ui.language"]
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return str(setting.default)
    at = key_lines(text).get(setting.key)
    match = _VALUE.match(text.splitlines()[at - 1]) if at is not None else None
    if match is None:
        return str(setting.default)
    value = match.group(2).strip("\"'")
    try:
        if setting.check is not None:
            setting.check(value)
    except ValueError:
        return str(setting.default)
    return value


def save_setting(key: str, value: str | int | bool, path: Path | None = None) -> Path:
    """Write one setting into the settings file (made if missing), the rest of the file as it was:
    its other lines, comments and order. The window's own choices use it (the View menu's language).

    The new file is checked as a whole before it replaces the old one (SettingsError in words)."""
    setting = _BY_KEY.get(key)
    if setting is None or setting.type not in (str, int, bool):
        raise SettingsError(translate("config", "{key} is not a setting the window can write.").format(key=key))
    path = path or config_path()
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if isinstance(value, bool):
        written = "true" if value else "false"
    elif isinstance(value, int):
        written = str(value)
    else:
        written = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    lines = text.splitlines(keepends=True)
    at = key_lines(text).get(key)
    section, name = key.rsplit(".", 1)
    if at is not None:
        old = lines[at - 1]
        match = _VALUE.match(old)
        if match is None:
            raise SettingsError(
                translate(
                    "config", "{path} line {line}: write {key} on a line of its own to let the window change it."
                ).format(path=path, line=at, key=key)
            )
        lines[at - 1] = match.group(1) + written + old[match.end() :]
    elif section in key_lines(text) and _HEADER.match(lines[key_lines(text)[section] - 1]):
        header = key_lines(text)[section]
        lines.insert(header, f"{name} = {written}\n")
    else:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        lines.append(f"{'' if not lines else chr(10)}[{section}]\n{name} = {written}\n")
    new_text = "".join(lines)
    try:
        checked = Settings(_flatten(tomllib.loads(new_text)), path=path, lines=key_lines(new_text))
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(
            translate("config", "{path} could not take {key}: {reason}.").format(path=path, key=key, reason=exc)
        ) from None
    if checked.flat()[key] != value:
        raise SettingsError(
            translate("config", "{path} could not take {key}: write it on a line of its own.").format(
                path=path, key=key
            )
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".saving")
    partial.write_text(new_text, encoding="utf-8")
    os.replace(partial, path)
    return path


#: What a setting's type is called in a message (translated where it is said).
_KIND_WORDS: dict[type, str] = {
    int: QT_TRANSLATE_NOOP("config", "a whole number (like 50)"),
    str: QT_TRANSLATE_NOOP("config", 'text in quotes (like "W01")'),
    bool: QT_TRANSLATE_NOOP("config", "true or false"),
    list: QT_TRANSLATE_NOOP("config", 'a list in brackets (like ["City Clerk", "Sales Tax"])'),
    dict: QT_TRANSLATE_NOOP("config", "a table (like { WATER = 10 })"),
}


def _shown(value: Any) -> str:
    """A value as it is written in the TOML file, for a message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return translate("config", 'the text "{text}"').format(text=value[:40])
    if isinstance(value, float):
        return translate("config", "the number {number} (with a decimal point)").format(number=value)
    if isinstance(value, list):
        return translate("config", "a list")
    if isinstance(value, dict):
        return translate("config", "a table")
    if isinstance(value, int):
        return translate("config", "the number {number}").format(number=value)
    return translate("config", "a date or time")


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict) and full not in _BY_KEY:
            out.update(_flatten(value, f"{full}."))
        else:
            out[full] = value
    return out
