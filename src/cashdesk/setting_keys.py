"""Every setting declared once: its key, type, default, description and check.

`cashdesk config show`, docs/configuration.md (a test keeps them alike) and the typed tree in
config.py are built from `SETTINGS`; a file's value is checked here on the way in (config.py turns a
check's ValueError into a message naming the file, its line and the key).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cashdesk.words import translate


def _check_time_zone(value: str) -> None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            translate("setting_keys", "unknown time zone {zone!r}; use a name like America/Denver").format(zone=value)
        ) from None


def _check_station(value: str) -> None:
    if not (1 <= len(value) <= 8 and value.isascii() and value.isalnum()):
        raise ValueError(translate("setting_keys", "a station id is 1 to 8 letters or digits, like W01"))


def _check_positive(value: int) -> None:
    if value <= 0:
        raise ValueError(translate("setting_keys", "must be a whole number above 0"))
    if value > 10_000:
        raise ValueError(translate("setting_keys", "must be at most 10,000"))


def _check_range(value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise ValueError(
            translate("setting_keys", "must be a whole number from {low} to {high}").format(low=low, high=high)
        )


def _check_pin(value: int) -> None:
    if value not in (2, 5):
        raise ValueError(translate("setting_keys", "a cash drawer is on connector pin 2 or pin 5"))


def _check_printer(value: str) -> None:
    from cashdesk.devices.spec import parse_printer_spec

    parse_printer_spec(value)


def _check_profile(value: str) -> None:
    from cashdesk.devices.receipt import check_profile

    check_profile(value)


def file_mode(value: str) -> int:
    """A file mode as written in the settings ("0640") as a number; ValueError in words."""
    text = value.strip()
    if not (3 <= len(text) <= 4 and all(ch in "01234567" for ch in text)) or int(text, 8) > 0o777:
        raise ValueError(
            translate(
                "setting_keys", 'give a file mode as three or four octal digits, like "0640" (owner and group read)'
            )
        )
    mode = int(text, 8)
    if mode & 0o600 != 0o600:
        raise ValueError(
            translate(
                "setting_keys",
                '"{mode}" would not let cashdesk read and write its own files: the owner needs 6, like "0640"',
            ).format(mode=text)
        )
    if mode & 0o002:
        raise ValueError(
            translate(
                "setting_keys",
                '"{mode}" would let anyone change the deposit files: others may read at most, like "0644"',
            ).format(mode=text)
        )
    return mode


def _check_file_mode(value: str) -> None:
    file_mode(value)


def _check_one_gl_account(value: str) -> None:
    if not value.strip() or "{fund}" in value:
        raise ValueError(
            translate("setting_keys", "give one Fund-Department-Object account, like 100-000-101100 (no {fund})")
        )


def _check_priorities(value: dict[str, Any]) -> None:
    for code, priority in value.items():
        if type(priority) is not int:
            raise ValueError(
                translate("setting_keys", "the priority of {code!r} must be a whole number").format(code=code)
            )


def _check_weekdays(value: list[Any]) -> None:
    from cashdesk.domain.service_orders import weekday_numbers

    weekday_numbers(str(day) for day in value)


def _check_dates(value: list[Any]) -> None:
    import datetime as dt

    for day in value:
        try:
            dt.date.fromisoformat(str(day))
        except ValueError:
            raise ValueError(
                translate("setting_keys", '{day!r} is not a date; write dates like "2026-12-25"').format(day=day)
            ) from None


def _check_language(value: str) -> None:
    if value not in ("en", "es"):
        raise ValueError(translate("setting_keys", 'the window speaks "en" (English) or "es" (Español)'))


def _check_deposit_rule(value: str) -> None:
    if value not in ("fixed", "multiple", "none"):
        raise ValueError(translate("setting_keys", 'use "fixed", "multiple" or "none"'))


@dataclass(frozen=True, slots=True)
class Setting:
    key: str  # section.name, as in the TOML file
    type: type
    default: Any
    description: str
    check: Callable[[Any], None] | None = None


SETTINGS: tuple[Setting, ...] = (
    Setting("city.name", str, "City of Aurelia", "City name printed on receipts and reports"),
    Setting("city.department", str, "Finance Department", "Department line under the city name"),
    Setting("city.address", str, "100 Civic Center Dr, Aurelia, CO 80010", "Address printed on receipts"),
    Setting("city.phone", str, "(303) 555-0100", "Customer-service phone printed on receipts"),
    Setting("city.time_zone", str, "America/Denver", "Time zone of the business day", _check_time_zone),
    Setting("station.id", str, "W01", "This workstation's id; it prefixes receipt numbers", _check_station),
    Setting(
        "station.tills",
        int,
        1,
        "Cash drawers (tills) at this station: how many cashiers' drawers may be open here at once",
        lambda v: _check_range(v, 1, 8),
    ),
    Setting("search.limit", int, 50, "Most accounts a search shows", _check_positive),
    Setting(
        "ui.language",
        str,
        "en",
        "Language of this station's window: en (English) or es (Español); the View menu sets it",
        _check_language,
    ),
    Setting(
        "security.password_min_length",
        int,
        12,
        "Fewest characters in a password (PCI DSS: 12)",
        lambda v: _check_range(v, 8, 256),
    ),
    Setting(
        "security.password_history",
        int,
        4,
        "How many earlier passwords cannot be used again",
        lambda v: _check_range(v, 0, 24),
    ),
    Setting(
        "security.lockout_attempts",
        int,
        10,
        "Failed sign-ins in a row that lock a user (PCI DSS: at most 10)",
        lambda v: _check_range(v, 1, 10),
    ),
    Setting(
        "security.lockout_minutes",
        int,
        30,
        "How long a lockout lasts (PCI DSS: at least 30)",
        lambda v: _check_range(v, 30, 24 * 60),
    ),
    Setting(
        "security.idle_lock_minutes",
        int,
        15,
        "Idle minutes before the station locks itself (PCI DSS: 15)",
        lambda v: _check_range(v, 1, 15),
    ),
    Setting(
        "security.inactive_days",
        int,
        90,
        "Days unused after which a user is disabled",
        lambda v: _check_range(v, 1, 365),
    ),
    Setting(
        "overrides.separate_supervisor",
        bool,
        True,
        "A supervisor's own action needs another supervisor's approval",
    ),
    Setting(
        "overrides.approval_minutes",
        int,
        5,
        "Minutes an approval stays valid before it is used",
        lambda v: _check_range(v, 1, 60),
    ),
    Setting(
        "printer.spec",
        str,
        "none",
        "Receipt printer: network:HOST[:PORT], usb:VID:PID, serial:DEV[:BAUD], "
        "file:PATH, cups:QUEUE, win32:NAME, pdf:FOLDER or none ($CASHDESK_PRINTER overrides)",
        _check_printer,
    ),
    Setting("printer.profile", str, "default", "python-escpos capability profile, e.g. TM-T88V", _check_profile),
    Setting(
        "printer.width",
        int,
        42,
        "Characters per receipt line (42 for 80 mm paper, 32 for 58 mm)",
        lambda v: _check_range(v, 24, 64),
    ),
    Setting(
        "printer.slip_station",
        bool,
        False,
        'The printer has a slip (validation) station, like the TM-H6000: checks get a "for deposit only" endorsement',
    ),
    Setting("receipt.footer", str, "Thank you. Keep this receipt for your records.", "Last lines of every receipt"),
    Setting(
        "receipt.footer_es",
        str,
        "Gracias. Guarde este recibo para sus registros.",
        "Last lines of a receipt printed in Spanish (the account's language, or Ctrl+Shift+L at the counter)",
    ),
    Setting(
        "receipt.logo",
        bool,
        False,
        "Print a logo above the letterhead of receipts and void slips (raster graphics; docs/printers.md)",
    ),
    Setting(
        "receipt.logo_file",
        str,
        "",
        "The city's own logo: a black-and-white PNG at most 384 dots wide for 58 mm paper, 512 for 80 mm; "
        "empty is the logo shipped with cashdesk for the paper's width",
    ),
    Setting("drawer.pin", int, 2, "Connector pin of the cash drawer (2 or 5)", _check_pin),
    Setting(
        "nsf.fee_cents",
        int,
        3000,
        "Returned-check (NSF) fee in cents, added as an open item ($30.00)",
        lambda v: _check_range(v, 0, 100_000),
    ),
    Setting(
        "nsf.cash_only_days",
        int,
        365,
        "Days an account takes only cash after a returned check",
        lambda v: _check_range(v, 0, 3650),
    ),
    Setting(
        "drawer.kick_expiry_seconds",
        int,
        60,
        "A drawer kick still waiting for the printer after this many seconds is not sent (0: always sent)",
        lambda v: _check_range(v, 0, 3600),
    ),
    Setting("drawer.open_for_checks", bool, False, "Open the cash drawer for check tenders too (always for cash)"),
    Setting(
        "cash.warn_limit_cents",
        int,
        100_000,
        "Cash in a drawer (cents) above which the cashier is told to make a drop ($1,000.00)",
        lambda v: _check_range(v, 0, 100_000_000),
    ),
    Setting(
        "cash.block_limit_cents",
        int,
        200_000,
        "Cash in a drawer (cents) above which cash tenders are refused until a drop ($2,000.00; 0: no limit)",
        lambda v: _check_range(v, 0, 100_000_000),
    ),
    Setting(
        "cash.change_fund_cents",
        int,
        0,
        "Authorised change fund (cents): the cash the drawers' floats are counted out of (0: none set, the "
        "floats kept at the last close are the fund)",
        lambda v: _check_range(v, 0, 100_000_000),
    ),
    Setting(
        "balancing.variance_limit_cents",
        int,
        500,
        "Drawer over/short (cents, either way) beyond which a reason and a supervisor are needed ($5.00)",
        lambda v: _check_range(v, 0, 10_000_000),
    ),
    Setting(
        "reports.folder", str, "", "Folder for Z report and other report PDFs (empty: `reports` beside the database)"
    ),
    Setting("bank.name", str, "First National Bank of Aurelia", "Bank printed on the deposit slip"),
    Setting("bank.account", str, "000123456789", "City's deposit account number at the bank"),
    Setting("bank.routing", str, "102000021", "Bank routing number printed on the deposit slip"),
    Setting(
        "deposit.file_mode",
        str,
        "0600",
        'Permissions of the deposit files as octal digits: "0600" the exporting user only, "0640" its group '
        "(the finance group that collects them) may read too",
        _check_file_mode,
    ),
    Setting(
        "gl.cash_account",
        str,
        "{fund}-000-101000",
        "GL account of cash in bank; {fund} becomes each fund's number (pooled cash)",
    ),
    Setting("gl.over_short_account", str, "100-150-369300", "GL account for drawer over/short"),
    Setting(
        "gl.credit_account",
        str,
        "{fund}-000-220500",
        "GL account for overpayments kept as customer credit; {fund} is the fund of the account's service",
    ),
    Setting(
        "gl.change_fund_account",
        str,
        "100-000-101100",
        "GL account of the change fund; a float kept smaller or larger than it opened moves the difference "
        "between it and cash in bank (its fund's)",
        _check_one_gl_account,
    ),
    Setting(
        "tax.rate_basis_points",
        int,
        375,
        "City sales and use tax rate in hundredths of a percent (375 = 3.75%)",
        lambda v: _check_range(v, 0, 2_000),
    ),
    Setting(
        "tax.due_day",
        int,
        20,
        "Day of the month after the period's end when a return is due",
        lambda v: _check_range(v, 1, 28),
    ),
    Setting(
        "tax.vendor_fee_basis_points",
        int,
        0,
        "Vendor fee kept by a business that files on time, in hundredths of a percent of the tax (0: none)",
        lambda v: _check_range(v, 0, 1_000),
    ),
    Setting(
        "tax.vendor_fee_cap_cents",
        int,
        0,
        "Most vendor fee per return, in cents (0: no cap)",
        lambda v: _check_range(v, 0, 100_000_000),
    ),
    Setting(
        "tax.penalty_basis_points",
        int,
        1_000,
        "Late penalty in hundredths of a percent of the tax (1000 = 10%)",
        lambda v: _check_range(v, 0, 10_000),
    ),
    Setting(
        "tax.penalty_minimum_cents",
        int,
        1_500,
        "Smallest late penalty in cents: the greater of this and the percentage ($15.00)",
        lambda v: _check_range(v, 0, 100_000_000),
    ),
    Setting(
        "tax.interest_basis_points_per_month",
        int,
        100,
        "Interest on late tax per month or fraction of a month, in hundredths of a percent (100 = 1%)",
        lambda v: _check_range(v, 0, 1_000),
    ),
    Setting(
        "mail.divisions",
        list,
        [
            "Municipal Court",
            "Utility Billing",
            "Sales Tax",
            "Building and Permits",
            "City Clerk",
            "City Attorney",
            "Public Works",
            "Parks and Recreation",
        ],
        "City divisions a mailed document can be routed to (the mail log)",
    ),
    Setting("backup.folder", str, "", "Folder for backups (empty: a `backups` folder beside the database)"),
    Setting("backup.at_day_close", bool, True, "Back up the database automatically when a business day is closed"),
    Setting(
        "backup.keep",
        int,
        30,
        "Automatic day-close backups to keep (older ones are removed; 0 keeps all)",
        lambda v: _check_range(v, 0, 3650),
    ),
    Setting(
        "imports.payments_max_rows",
        int,
        500_000,
        "Most payments a lockbox (payments) file may hold; a longer file is refused before anything is checked",
        lambda v: _check_range(v, 1, 10_000_000),
    ),
    Setting(
        "imports.payments_max_megabytes",
        int,
        100,
        "Largest lockbox (payments) file, in megabytes (1 MB = 1,000,000 bytes); a larger one is not read",
        lambda v: _check_range(v, 1, 10_000),
    ),
    Setting(
        "allocation.priorities",
        dict,
        {},
        "Paying order by revenue code (lower pays first); codes not listed use their category's order",
        _check_priorities,
    ),
    Setting(
        "answers.limit",
        int,
        10,
        "Most answers and referrals a search at the counter shows",
        lambda v: _check_range(v, 1, 100),
    ),
    Setting(
        "supplies.roll_length_m",
        int,
        80,
        "Length of one roll of receipt paper in metres (80 m rolls are common)",
        lambda v: _check_range(v, 1, 1_000),
    ),
    Setting(
        "supplies.line_height_tenths_mm",
        int,
        38,
        "Paper one printed line takes, in tenths of a millimetre (38 = 3.8 mm)",
        lambda v: _check_range(v, 10, 200),
    ),
    Setting(
        "supplies.paper_warn_percent",
        int,
        10,
        "Warn at a station when less than this percentage of its paper roll is left",
        lambda v: _check_range(v, 0, 90),
    ),
    Setting("supplies.paper_item", str, "PAPER-ROLL", "Supply item code of receipt paper rolls"),
    Setting(
        "orders.notice_hours",
        int,
        48,
        "Hours between a door tag hung and its disconnect",
        lambda v: _check_range(v, 1, 720),
    ),
    Setting(
        "orders.shutoff_minimum_cents",
        int,
        5000,
        "Past-due amount that puts an account on the shut-off list",
        lambda v: _check_range(v, 1, 10_000_000),
    ),
    Setting(
        "orders.shutoff_aging_days",
        int,
        60,
        "Only charges billed at least this many days before count",
        lambda v: _check_range(v, 0, 365),
    ),
    Setting(
        "orders.no_shutoff_days", list, ["Friday", "Saturday", "Sunday"], "Weekdays with no shut-offs", _check_weekdays
    ),
    Setting(
        "orders.holidays", list, [], "Holidays (no shut-offs on them or the day before; after-hours fees)", _check_dates
    ),
    Setting(
        "orders.door_tag_fee_cents",
        int,
        3000,
        "Door tag (shut-off notice) fee, an open item ($30.00)",
        lambda v: _check_range(v, 0, 100_000),
    ),
    Setting(
        "orders.reconnect_fee_cents",
        int,
        5000,
        "Reconnect fee in business hours ($50.00)",
        lambda v: _check_range(v, 0, 100_000),
    ),
    Setting(
        "orders.after_hours_fee_cents",
        int,
        10000,
        "Reconnect fee after hours, weekends, holidays ($100.00)",
        lambda v: _check_range(v, 0, 100_000),
    ),
    Setting(
        "orders.opens_hour", int, 8, "Hour business hours begin (local time, 0-23)", lambda v: _check_range(v, 0, 23)
    ),
    Setting(
        "orders.closes_hour", int, 17, "Hour business hours end (local time, 1-24)", lambda v: _check_range(v, 1, 24)
    ),
    Setting(
        "orders.deposit_rule",
        str,
        "multiple",
        "Start-service deposit: fixed, multiple (of the average bill) or none",
        _check_deposit_rule,
    ),
    Setting(
        "orders.deposit_fixed_cents",
        int,
        15000,
        "Fixed start-service deposit ($150.00)",
        lambda v: _check_range(v, 0, 1_000_000),
    ),
    Setting(
        "orders.deposit_multiple",
        int,
        2,
        "Start-service deposit as this many average monthly bills",
        lambda v: _check_range(v, 0, 12),
    ),
    Setting(
        "arrangements.max_count",
        int,
        2,
        "Payment arrangements an account may have made within arrangements.within_months",
        lambda v: _check_range(v, 1, 12),
    ),
    Setting(
        "arrangements.within_months",
        int,
        12,
        "Months looked back when counting an account's arrangements",
        lambda v: _check_range(v, 1, 60),
    ),
    Setting(
        "arrangements.max_months",
        int,
        6,
        "Longest arrangement: its last installment at most this many months after it is made",
        lambda v: _check_range(v, 1, 36),
    ),
    Setting(
        "arrangements.max_installments",
        int,
        6,
        "Most installments in one arrangement (monthly)",
        lambda v: _check_range(v, 1, 36),
    ),
    Setting(
        "arrangements.down_minimum_percent",
        int,
        10,
        "Smallest down payment, as a percent of the past-due amount (rounded up to the cent)",
        lambda v: _check_range(v, 0, 100),
    ),
    Setting(
        "arrangements.down_days",
        int,
        3,
        "Days after an arrangement is made that its down payment is due (unpaid then: denied)",
        lambda v: _check_range(v, 0, 60),
    ),
    Setting(
        "arrangements.grace_days",
        int,
        5,
        "Days an installment may be late before the arrangement is broken",
        lambda v: _check_range(v, 0, 60),
    ),
    Setting(
        "arrangements.interest_basis_points",
        int,
        0,
        "Interest a month on the amount financed, in basis points (100 = 1%); 0: none",
        lambda v: _check_range(v, 0, 500),
    ),
    Setting("arrangements.interest_code", str, "LATEFEE", "Revenue code of an arrangement's interest charge"),
    Setting(
        "arrangements.allow_with_disconnect",
        bool,
        False,
        "Allow an arrangement while a disconnect is dispatched (with the larger down payment below)",
    ),
    Setting(
        "arrangements.disconnect_down_percent",
        int,
        50,
        "Smallest down payment while a disconnect is dispatched, percent of the past-due amount",
        lambda v: _check_range(v, 0, 100),
    ),
    Setting(
        "arrangements.current_bills_required",
        bool,
        True,
        "A current bill unpaid past its due date and the grace days breaks the arrangement too",
    ),
    Setting(
        "delinquency.reminder_days",
        int,
        30,
        "Utilities: days after billing when a past-due charge brings a reminder letter",
        lambda v: _check_range(v, 1, 365),
    ),
    Setting(
        "delinquency.reminder_past_due_cents",
        int,
        100,
        "Utilities: past-due amount that brings a reminder ($1.00)",
        lambda v: _check_range(v, 1, 10_000_000),
    ),
    Setting(
        "delinquency.late_fee_days",
        int,
        30,
        "Utilities: days after billing when a bill still owed is charged a late fee",
        lambda v: _check_range(v, 1, 365),
    ),
    Setting(
        "delinquency.late_fee_past_due_cents",
        int,
        500,
        "Utilities: past-due amount that brings a late fee ($5.00)",
        lambda v: _check_range(v, 1, 10_000_000),
    ),
    Setting(
        "delinquency.late_fee_basis_points",
        int,
        500,
        "Late fee in hundredths of a percent of the past-due amount (500 = 5%), rounded half up to the cent",
        lambda v: _check_range(v, 0, 2_500),
    ),
    Setting(
        "delinquency.late_fee_minimum_cents",
        int,
        500,
        "Smallest late fee ($5.00)",
        lambda v: _check_range(v, 0, 100_000),
    ),
    Setting(
        "delinquency.late_fee_cap_cents",
        int,
        5000,
        "Largest late fee ($50.00; 0: no cap)",
        lambda v: _check_range(v, 0, 1_000_000),
    ),
    Setting(
        "delinquency.door_tag_days",
        int,
        45,
        "Utilities: days after billing when a past-due charge brings a door tag (shut-off notice)",
        lambda v: _check_range(v, 1, 365),
    ),
    Setting(
        "delinquency.door_tag_past_due_cents",
        int,
        5000,
        "Utilities: past-due amount that brings a door tag ($50.00)",
        lambda v: _check_range(v, 1, 10_000_000),
    ),
    Setting(
        "delinquency.disconnect_days",
        int,
        60,
        "Utilities: days after billing when a past-due charge brings a disconnect order",
        lambda v: _check_range(v, 1, 365),
    ),
    Setting(
        "delinquency.disconnect_past_due_cents",
        int,
        5000,
        "Utilities: past-due amount that brings a disconnect order ($50.00)",
        lambda v: _check_range(v, 1, 10_000_000),
    ),
    Setting(
        "delinquency.tax_notice_days",
        int,
        15,
        "Sales tax: days after the due date when unpaid tax brings a delinquency notice",
        lambda v: _check_range(v, 1, 365),
    ),
    Setting(
        "delinquency.tax_notice_past_due_cents",
        int,
        100,
        "Sales tax: amount owed that brings a notice ($1.00)",
        lambda v: _check_range(v, 1, 100_000_000),
    ),
    Setting(
        "delinquency.tax_penalty_days",
        int,
        30,
        "Sales tax: days after the due date when unpaid tax is charged penalty and interest (tax.*)",
        lambda v: _check_range(v, 1, 365),
    ),
    Setting(
        "delinquency.tax_penalty_past_due_cents",
        int,
        100,
        "Sales tax: amount owed that brings penalty and interest ($1.00)",
        lambda v: _check_range(v, 1, 100_000_000),
    ),
    Setting(
        "delinquency.tax_referral_days",
        int,
        90,
        "Sales tax: days after the due date when an account is referred to collections",
        lambda v: _check_range(v, 1, 3650),
    ),
    Setting(
        "delinquency.tax_referral_past_due_cents",
        int,
        10000,
        "Sales tax: amount owed that is referred to collections ($100.00)",
        lambda v: _check_range(v, 1, 100_000_000),
    ),
    Setting(
        "delinquency.notices_folder",
        str,
        "",
        "Folder for the notice letters and the run's list; empty means a notices folder beside the database",
    ),
    Setting(
        "delinquency.how_to_pay",
        str,
        "Pay at the counter of City Hall, by mail with the stub, or by phone. To arrange a payment plan, "
        "call us or come to the counter before the date of the next step.",
        "How to pay or arrange, printed on every notice letter",
    ),
    Setting(
        "delinquency.how_to_pay_es",
        str,
        "Pague en la ventanilla del Ayuntamiento, por correo con el talón o por teléfono. Para acordar un plan "
        "de pagos, llámenos o venga a la ventanilla antes de la fecha del próximo paso.",
        "How to pay or arrange, printed on a notice letter to an account whose language is Spanish",
    ),
)
