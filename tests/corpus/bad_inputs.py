"""The bad-input corpus: what a careless hand, a broken file or a hostile string can send in.

Every case names the *surface* it goes through (a field of a real service, a file the program
reads, or the command line), the input, and a regular expression the refusal's message must
contain. tests/integration/test_bad_input.py runs each one through the real code on a real
SQLite file and checks that the message is clear (no traceback, no SQL or Python words, no
card number echoed) and that the database is byte-for-byte the same afterwards, apart from the
audit events the program records on purpose for refusals (AUDITED_SURFACES).

To add a case, append a `Bad(...)` to the list of its surface (docs/bad-input.md).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Bad:
    surface: str  # see SURFACES in tests/integration/test_bad_input.py
    value: object  # text, bytes (a file's content), a dict of fields, a list of arguments
    expect: str  # a regular expression the message must contain (searched, case-insensitive)
    note: str = ""

    @property
    def id(self) -> str:
        shown = repr(self.value)
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        return f"{self.surface}:{self.note or shown}"


# Luhn-valid test card numbers (the card brands' published test numbers).
VISA = "4111111111111111"
VISA_13 = "4222222222222"
MASTERCARD = "5500 0000 0000 0004"
AMEX = "378282246310005"
DISCOVER = "6011-1111-1111-1117"
CARDS = (VISA, VISA_13, MASTERCARD, AMEX, DISCOVER, "4111 1111 1111 1111", "card 4012888888881881 exp 12/29")

SQL_INJECTIONS = (
    "'; DROP TABLE accounts; --",
    "1' OR '1'='1",
    '" OR ""="',
    "1; DELETE FROM receipts",
    "1000000017' --",
    "' UNION SELECT password_hash FROM users --",
    "%' OR 1=1 --",
    "Robert'); DROP TABLE receipts;--",
)
CSV_INJECTIONS = ("=cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0",
                  "\t=1+1", "\r=1+1")  # fmt: skip

# Text no name field takes: it cannot be printed, stored faithfully or shown the same way twice.
CONTROL_TEXTS = (
    ("Jane\x00Doe", "NUL"),
    ("Jane\x1b\x70\x00\x19\xfaDoe", "ESC p: a drawer kick"),
    ("Jane\x07Doe", "bell"),
    ("Jane\x1dV\x00Doe", "GS V: a paper cut"),
    ("Jane\u202eeoD", "right-to-left override"),
    ("Jane\ud800Doe", "lone surrogate"),
    ("Jane\x7fDoe", "DEL"),
    ("Jane\u2066Doe\u2069", "bidi isolate"),
    ("Jane\x0bDoe", "vertical tab"),
    ("Jane\ufeffDoe", "byte order mark inside"),
)

LONG = "x" * 10_000

# -- typed amounts (Money.parse) ---------------------------------------------------------------
MONEY_TEXT = [
    Bad("money", v, e)
    for v, e in [
        ("", "Enter an amount"),
        ("   ", "Enter an amount"),
        ("abc", "is not an amount"),
        ("12.345", "two digits"),
        ("1,23", "is not an amount"),
        ("1e5", "is not an amount"),
        ("NaN", "is not an amount"),
        ("Infinity", "is not an amount"),
        ("-inf", "is not an amount"),
        ("0x1F", "is not an amount"),
        ("1_000", "is not an amount"),
        ("١٢٣", "is not an amount"),
        ("１２", "is not an amount"),
        ("12.5.0", "is not an amount"),
        ("$-", "is not an amount"),
        ("--5", "is not an amount"),
        ("+5", "is not an amount"),
        ("5-", "is not an amount"),
        ("(5.00)", "is not an amount"),
        ("5 00", "is not an amount"),
        ("5,00", "is not an amount"),
        ("€5", "is not an amount"),
        ("5.00 USD", "is not an amount"),
        ("-5.00", "cannot be negative"),
        ("10000000.00", "over the largest"),
        ("99999999999999999999999", "over the largest"),
        ("9" * 5000, "over the largest"),
        ("1" + "0" * 400 + ".00", "over the largest"),
        ("5\x00", "is not an amount"),
        ("'; DROP TABLE receipts; --", "is not an amount"),
        ("=1+1", "is not an amount"),
        (VISA, "over the largest"),
        ("1.", None),
        ("½", "is not an amount"),
    ]
]
MONEY_TEXT = [b for b in MONEY_TEXT if b.expect is not None]

# -- amounts handed to services (Money values the window built) -----------------------------------
RECEIPT_AMOUNTS = [
    Bad("receipt_amount", c, e)
    for c, e in [
        (0, "more than \\$0.00"),
        (-500, "more than \\$0.00"),
        (-1, "more than \\$0.00"),
        (10**12, "limit|more than|largest"),  # cash over the drawer's block limit
    ]
]
DROP_COUNTS = [
    Bad("cash_drop", v, e)
    for v, e in [
        ({}, "drop is \\$0.00"),
        ({"B20": 0}, "drop is \\$0.00"),
        ({"B100": 50}, "more than that"),
        ({"B20": -3}, "whole number"),
        ({"X99": 1}, "unknown denomination"),
        ({"B20": 10**9}, "whole number"),
    ]
]
PAID_OUTS = [
    Bad("paid_out", v, e, n)
    for v, e, n in [
        ({"amount": 0}, "more than \\$0.00", "zero"),
        ({"amount": -100}, "more than \\$0.00", "negative"),
        ({"amount": 10**9}, "should hold only", "more than the drawer"),
        ({"reason": ""}, "Give the reason", "no reason"),
        ({"reason": LONG}, "under 200", "long reason"),
        ({"reason": f"refund to {VISA}"}, "card number", "card in reason"),
        ({"payee": f"Card {AMEX}"}, "card number", "card in payee"),
        ({"payee": "x" * 121}, "under 120", "long payee"),
        ({"revenue_code": "'; DROP TABLE revenue_codes; --"}, "no revenue code", "sql in code"),
        ({"revenue_code": "", "account": ""}, "Choose the account", "neither"),
        ({"account": "9999999999", "revenue_code": ""}, "No account", "unknown account"),
        ({"account": "1000000017' OR '1'='1", "revenue_code": ""}, "No account", "sql in account"),
        ({"account": "1000000033", "revenue_code": "", "amount": 5000}, "credit of \\$25.00", "over the credit"),
        ({"reason": "\x00"}, "reason|character", "NUL reason"),
    ]
]
REMITTANCES = [
    Bad("remittance", v, e, n)
    for v, e, n in [
        ({"amount": 0}, "more than \\$0.00", "zero"),
        ({"amount": -100}, "more than \\$0.00", "negative"),
        ({"amount": 10**10}, "largest allowed", "huge"),
        ({"amount": None}, "amount of the check", "no amount"),
        ({"account": ""}, "Scan the stub or type", "no account"),
        ({"account": "'; DROP TABLE mail_items; --"}, "No account", "sql account"),
        ({"account": "ÀÉÎ"}, "Scan the stub or type", "accented letters only"),
        ({"account": "9" * 500}, "No account", "long account"),
        ({"check_number": "12AB"}, "check number", "letters in check number"),
        ({"check_number": "12345678901"}, "check number", "11-digit check number"),
        ({"check_number": VISA}, "card number", "card as check number"),
        ({"payer": f"J Smith {MASTERCARD}"}, "card number", "card in payer"),
        ({"payer": "y" * 121}, "under 120", "long payer"),
        ({"tender": "card"}, "check or a money order", "card by mail"),
        ({"tender": "bitcoin"}, "check or a money order", "unknown tender"),
        ({"tender": "money_order", "check_number": "#@!"}, "serial number", "bad money order serial"),
        ({"payer": "Jane\x00Doe"}, "character", "NUL payer"),
    ]
]


def _stub(body: str) -> str:
    """A scan line with a right check digit, so the reader gets past it to what is wrong."""
    from cashdesk.domain.scanline import luhn_check_digit

    return body + str(luhn_check_digit(body))


SCAN_LINES = [
    Bad("scan_line", v, e, n)
    for v, e, n in [
        ("011000000017202612100000073150", "check digit", "one digit changed"),
        ("01100000001720261210000007315", "has 29 digits", "short"),
        ("0110000000172026121000000731534", "has 31 digits", "long"),
        ("01100000001720261210000007315X", "30 digits", "letter"),
        ("0110000000172026121000000731 5", "30 digits", "space inside"),
        ("٠١١٠٠٠٠٠٠٠١٧٢٠٢٦١٢١٠٠٠٠٠٠٧٣١٥٠", "30 digits", "Arabic-Indic digits"),
        ("011000000017202612100000073150'; DROP TABLE mail_items; --", "30 digits", "sql"),
        ("=cmd|' /C calc'!A0", "30 digits", "csv injection"),
        ("0" * 30, "unknown kind", "all zeros"),
        (VISA, "has 16 digits", "a card number"),
        ("9" * 10_000, "digits", "very long"),
        ("\x00" * 30, "30 digits", "NULs"),
        ("", None, "empty"),  # an empty scan field means: type the account (tested as 'no account')
        (_stub("01" + "1000000017" + "20261332" + "000007315"), "real date", "13th month"),
        (_stub("03" + "1000000017" + "20261210" + "000007315"), "unknown kind", "kind 03"),
        (_stub("02" + "1000000017" + "20261210" + "000007315"), "sales tax|utility", "tax stub for a utility account"),
    ]
]
MICR_LINES = [
    Bad("micr", v, e, n)
    for v, e, n in [
        ("T011000016T 123456789O 1042", "does not pass its check", "bad routing checksum"),
        ("123456789O 1042", "No routing number", "no transit symbols"),
        ("T011000015T 123456789O", "No check number", "no check number"),
        ("T011000015T O 1042", "No account number", "no account"),
        ("T011000015T 12345'; DROP", "characters it should not", "sql"),
        ("T0110000T 1234O 55", "No routing number", "short routing"),
        ("T011000015T 1234O 55 ✓", "characters it should not", "tick mark"),
        ("T\x00011000015T 1234O 55", "characters it should not", "NUL"),
        ("=T011000015T", "characters it should not", "csv injection"),
        ("T" * 5000, "No routing number", "long"),
        ("T٠١١٠٠٠٠١٥T 1234O 55", "characters it should not", "Arabic-Indic digits"),
        ("⑆⑆⑆", "No routing number", "only symbols"),
    ]
]
RECEIPT_ACCOUNTS = [
    Bad("receipt_account", v, e)
    for v, e in [
        ("", "No account"),
        ("9999999999", "No account"),
        ("'; DROP TABLE accounts; --", "No account"),
        ("1000000017' OR '1'='1", "No account"),
        ("%", "No account"),
        ("*", "No account"),
        ("_", "No account"),
        ("1" * 1000, "No account"),
        ("١٠٠٠٠٠٠٠١٧", "No account"),
        ("\x00", "No account"),
        ("10000000l7", "No account"),
    ]
]
RECEIPT_TEXTS = [Bad("receipt_payer", v, "card number", f"card {i}") for i, v in enumerate(CARDS)]
RECEIPT_TEXTS += [Bad("receipt_memo", f"Permit for {c}", "card number", f"card {i}") for i, c in enumerate(CARDS[:3])]
RECEIPT_TEXTS += [Bad("receipt_payer", v, "character|mark", n) for v, n in CONTROL_TEXTS]
RECEIPT_TEXTS += [Bad("receipt_memo", v, "character|mark", n) for v, n in CONTROL_TEXTS[:5]]
RECEIPT_TEXTS += [Bad("receipt_payer", LONG, "under 120|at most 120", "10,000 characters")]
RECEIPT_TEXTS += [Bad("receipt_memo", LONG, "under 200|at most 200", "10,000 characters")]
TENDERS = [
    Bad("tender", v, e, n)
    for v, e, n in [
        ({"kind": "check", "reference": ""}, "check number", "check without number"),
        ({"kind": "check", "reference": "'; DROP TABLE tenders; --"}, "check number", "sql check number"),
        ({"kind": "check", "reference": VISA}, "card number", "card as check number"),
        ({"kind": "card", "card_brand": "VISA", "card_last4": VISA, "reference": "A1B2"}, "card number", "full card"),
        ({"kind": "card", "card_brand": "VISA", "card_last4": "42", "reference": "A1B2"}, "last four", "two digits"),
        ({"kind": "card", "card_brand": "JCB", "card_last4": "4242", "reference": "A1B2"}, "card brand", "brand"),
        ({"kind": "card", "card_brand": "VISA", "card_last4": "4242", "reference": "=1+1"}, "approval", "csv auth"),
        ({"kind": "money_order", "reference": '=HYPERLINK("x")'}, "serial number", "csv serial"),
        ({"kind": "cash", "amount": 0}, "more than \\$0.00", "zero cash"),
        ({"kind": "cash", "amount": -2000}, "more than \\$0.00", "negative cash"),
        ({"kind": "cash", "amount": 100}, "still to be paid", "short"),
        ({"kind": "check", "reference": "1042", "amount": 99_999}, "change is given only from cash", "check over"),
    ]
]
VOIDS = [
    Bad("void", v, e, n)
    for v, e, n in [
        ({"number": "W01-2026-999999"}, "no receipt", "unknown receipt"),
        ({"number": "'; DROP TABLE receipts; --"}, "no receipt", "sql number"),
        ({"reason": ""}, "Give the reason", "no reason"),
        ({"reason": LONG}, "under 200", "long reason"),
        ({"reason": f"card {VISA}"}, "card number", "card in reason"),
        ({"reason": "wrong\x00account"}, "character", "NUL in reason"),
    ]
]
BATCHES = [
    Bad("open_batch", v, e, n)
    for v, e, n in [
        ({"count": 0}, "1 or more", "zero count"),
        ({"count": -5}, "1 or more", "negative count"),
        ({"count": 10**7}, "at most 100,000", "huge count"),
        ({"total": 0}, "more than \\$0.00", "zero total"),
        ({"total": -100}, "more than \\$0.00", "negative total"),
    ]
]
BATCHES += [
    Bad("reject_batch", v, e, n)
    for v, e, n in [
        ("", "Give the reason", "no reason"),
        (LONG, "under 200", "long"),
        (f"see {AMEX}", "card number", "card"),
        ("bad\x1b@tape", "character", "ESC"),
    ]
]
MAIL_LOG = [
    Bad("mail_log", v, e, n)
    for v, e, n in [
        ({"sender": ""}, "who sent it", "no sender"),
        ({"doc_type": ""}, "kind of document", "no type"),
        ({"routed_to": "Mars Office"}, "Choose the division", "unknown division"),
        ({"routed_to": "'; DROP TABLE mail_log; --"}, "Choose the division", "sql division"),
        ({"notes": f"card {VISA} enclosed"}, "card number", "card in notes"),
        ({"reference": DISCOVER}, "card number", "card as reference"),
        ({"sender": LONG}, "too long", "long sender"),
        ({"received_on": "tomorrow"}, "after today", "future date"),
        ({"received_on": "long ago"}, "days ago", "old date"),
        ({"sender": "Court\x00Clerk"}, "character", "NUL sender"),
        ({"notes": "see \u202egnp.exe"}, "character|mark", "RLO in notes"),
    ]
]
TAX_RETURNS = [
    Bad("tax_return", v, e, n)
    for v, e, n in [
        ({"account": ""}, "Type the sales tax account", "no account"),
        ({"account": "1000000017"}, "utility account", "utility account"),
        ({"account": "'; DROP TABLE tax_returns; --"}, "No account", "sql account"),
        ({"period": "2026-13"}, "month|period", "month 13"),
        ({"period": "2026-Q5"}, "quarter|period|month", "Q5"),
        ({"period": ""}, "period|month", "no period"),
        ({"period": "'; DROP TABLE x; --"}, "period|month", "sql period"),
        ({"period": "2026"}, "files monthly", "annual for a monthly filer"),
        ({"period": "9999-12"}, "not a year", "far future period"),
        ({"filed_on": "tomorrow"}, "still to come", "filed tomorrow"),
        ({"kind": "bogus"}, "original, amended or zero", "unknown kind"),
        ({"kind": "amended"}, "no return for", "amend nothing"),
        ({"gross_sales": -100}, "negative|cannot|less", "negative sales"),
        ({"gross_sales": 10**19}, "largest|too|more", "sales past what a file can hold"),
        ({"deduction": 99_999_999}, "more than|deduction|exceed", "deductions over sales"),
        ({"kind": "zero", "gross_sales": 500}, "zero return reports no sales", "zero with sales"),
    ]
]
SEARCHES = [
    Bad("search", v, e, n)
    for v, e, n in [
        ("x" * 10_000, "at most", "10,000 characters"),
    ]
]
ACCOUNT_LOOKUPS = [
    Bad("account_detail", v, e)
    for v, e in [
        ("", "Type an account number"),
        ("   ", "Type an account number"),
        ("'; DROP TABLE accounts; --", "No account"),
        ("9999999999", "No account"),
        ("\x00\x01", "Type an account number"),
        ("=cmd|' /C calc'!A0", "No account"),
    ]
]
USER_IDS = [
    Bad("user_id", v, "A user id is 2 to 32 characters", n)
    for v, n in [
        ("", "empty"),
        ("a", "one letter"),
        ("1abc", "starts with a digit"),
        ("j smith", "space"),
        ("x" * 33, "33 characters"),
        ("admin'--", "sql"),
        ("jöhn", "accented letter"),
        ("=cmd", "csv"),
        ("j\x00smith", "NUL"),
        ("ａｄｍｉｎ", "full-width letters"),
        ("rtl\u202eadmin", "RLO"),
    ]
]
PASSWORDS = [
    Bad("password", v, e, n)
    for v, e, n in [
        ("", "at least 12", "empty"),
        ("short", "at least 12", "short"),
        ("p" * 257, "at most 256", "257 characters"),
        (" leading space1", "start or end with a space", "leading space"),
    ]
]
NEW_USER_NAMES = [
    Bad("user_name", v, e, n)
    for v, e, n in [
        ("N" * 500, "at most", "long name"),
        ("Ann\x00Lee", "character", "NUL"),
    ]
]
SIGN_INS = [
    Bad("sign_in", v, e, n)
    for v, e, n in [
        ({"user": "nobody", "password": "whatever password"}, "user id or password", "unknown user"),
        ({"user": "' OR '1'='1", "password": "' OR '1'='1"}, "user id or password", "sql"),
        ({"user": "msuper", "password": ""}, "user id or password|password", "empty password"),
        ({"user": "", "password": ""}, "user id|password", "nothing"),
        ({"user": "x" * 10_000, "password": "p" * 10_000}, "user id or password|password", "huge"),
        ({"user": "msuper\x00", "password": "supervisor password 1"}, "user id or password", "NUL in user id"),
    ]
]
APPROVALS = [
    Bad("approve", v, e, n)
    for v, e, n in [
        ({"user": "nobody", "password": "whatever password"}, "user id or password|not a supervisor|cannot", "unknown"),
        ({"user": "jcashier", "password": "cashier password 1"}, "supervisor", "a cashier approves"),
        ({"user": "msuper", "password": "wrong password!"}, "password", "wrong password"),
        ({"user": "' OR 1=1 --", "password": "x"}, "user id or password|supervisor", "sql"),
    ]
]
AUDIT_EXPORTS = [
    Bad("audit_export", v, e, n)
    for v, e, n in [
        ({"start": "2026-12-01", "end": "2026-11-01"}, "before|after|from", "end before start"),
        ({"out": "missing-folder/x.csv"}, "folder|cannot|does not exist", "no such folder"),
        ({"out": "."}, "folder|cannot", "a folder as the file"),
    ]
]

# -- files ------------------------------------------------------------------------------------------
SETTINGS_FILES = [
    Bad("settings", v, e, n)
    for v, e, n in [
        (b'[search]\nlimit = "fifty"\n', "search.limit", "text for a number"),
        (b"[search]\nlimit = 5.5\n", "search.limit", "decimal for a number"),
        (b"[search]\nlimit = true\n", "search.limit", "true for a number"),
        (b"[search]\nlimit = 0\n", "search.limit", "zero"),
        (b"[search]\nlimit = -1\n", "search.limit", "negative"),
        (b"[search]\nlimit = 99999999999999999999\n", "search.limit", "a 20-digit number"),
        (b"[city]\nname = 5\n", "city.name", "number for text"),
        (b'[city]\ntime_zone = "Mars/Olympus"\n', "time_zone", "unknown zone"),
        (b'[city]\ntime_zone = "../../etc/passwd"\n', "time_zone", "path as zone"),
        (b'[station]\nid = ""\n', "station.id", "empty station"),
        (b'[station]\nid = "W01; DROP"\n', "station.id", "sql station"),
        (b'[cash]\nblock_limit_cents = "200000"\n', "block_limit_cents", "quoted number"),
        (b"[security]\nlockout_attempts = 50\n", "lockout_attempts", "over PCI limit"),
        (b"[security]\nidle_lock_minutes = 60\n", "idle_lock_minutes", "over 15"),
        (b'[printer]\nspec = "carrier-pigeon:x"\n', "printer.spec", "unknown printer kind"),
        (b"[printer]\nwidth = 5\n", "printer.width", "narrow"),
        (b"[drawer]\npin = 3\n", "drawer.pin", "pin 3"),
        (b'[overrides]\nseparate_supervisor = "yes"\n', "separate_supervisor", "text for true/false"),
        (b'[allocation]\npriorities = { WATER = "first" }\n', "WATER", "text priority"),
        (b'[mail]\ndivisions = "Court"\n', "mail.divisions", "text for a list"),
        (b"[nonsense]\nkey = 1\n", "unknown setting", "unknown section"),
        (b'[city]\ncolour = "blue"\n', "unknown setting", "unknown key"),
        (b"limit = 5\n", "unknown setting", "top-level key"),
        (b'[city\nname = "x"\n', "not valid", "broken section"),
        (b'[city]\nname = "unclosed\n', "not valid", "unclosed string"),
        (b"[city]\nname = 'a'\nname = 'b'\n", "not valid", "key twice"),
        (b"\xff\xfe[\x00c\x00i\x00t\x00y\x00]\x00", "not valid|UTF-8", "UTF-16"),
        (b'[city]\nname = "Caf\xe9"\n', "not valid|UTF-8", "Latin-1"),
        (b"\x00\x01\x02\x03", "not valid", "binary"),
        (b'[city]\nname = "\x00"\n', "not valid", "raw NUL"),
    ]
]

ACCOUNT_HEADER = "account,kind,name,status,service_address,phone,item_id,revenue_code,due_date,amount\n"
GOOD_ROW = "3000000011,utility,Lee Ann,active,5 Oak St,(303) 555-0101,B1,WATER,2026-12-10,12.50\n"
ACCOUNT_FILES = [
    Bad("account_csv", v, e, n)
    for v, e, n in [
        (b"", "empty|no header|header", "empty file"),
        (b"\xef\xbb\xbf", "empty|no header|header", "only a BOM"),
        (ACCOUNT_HEADER.encode(), "no rows", "header only"),
        (b"foo,bar\n1,2\n", "column|account", "unknown columns"),
        (b"kind,name\nutility,Lee\n", "account", "missing account column"),
        (
            (ACCOUNT_HEADER.replace("phone", "name")).encode() + GOOD_ROW.encode(),
            "twice|more than once|duplicate",
            "duplicate header",
        ),
        ((ACCOUNT_HEADER + "3000000011,utility,Lee\n").encode(), "cells|columns", "short row"),
        ((ACCOUNT_HEADER + GOOD_ROW.replace("\n", ",extra\n")).encode(), "cells|columns", "long row"),
        ((ACCOUNT_HEADER + GOOD_ROW.replace("12.50", "twelve")).encode(), "amount", "amount in words"),
        ((ACCOUNT_HEADER + GOOD_ROW.replace("12.50", "-12.50")).encode(), "amount|negative", "negative amount"),
        ((ACCOUNT_HEADER + GOOD_ROW.replace("2026-12-10", "2026-13-45")).encode(), "date", "bad date"),
        ((ACCOUNT_HEADER + GOOD_ROW.replace("2026-12-10", "12/10/2026")).encode(), "date", "US date"),
        ((ACCOUNT_HEADER + GOOD_ROW.replace("utility", "castle")).encode(), "kind", "unknown kind"),
        ((ACCOUNT_HEADER + GOOD_ROW.replace("active", "sleeping")).encode(), "status", "unknown status"),
        ((ACCOUNT_HEADER + GOOD_ROW.replace("WATER", "NOPE")).encode(), "revenue code", "unknown revenue code"),
        ((ACCOUNT_HEADER + GOOD_ROW.replace("Lee Ann", "Lee " + VISA)).encode(), "card number", "card in name"),
        ((ACCOUNT_HEADER + GOOD_ROW.replace("Lee Ann", "L" * 200_000)).encode(), "long|characters|large", "huge field"),
        (
            (ACCOUNT_HEADER + GOOD_ROW.replace("Lee Ann", '"Lee Ann')).encode(),
            "quote|cannot be read|read",
            "open quote",
        ),
        ((ACCOUNT_HEADER + GOOD_ROW.replace("Lee Ann", "Lee\x00Ann")).encode(), "character|NUL|read", "NUL in a cell"),
        ((ACCOUNT_HEADER + GOOD_ROW.replace("Lee Ann", "Lee\x1b@Ann")).encode(), "character", "ESC in a cell"),
        ((ACCOUNT_HEADER + GOOD_ROW.replace("Lee Ann", "Caf\xe9")).encode("latin-1"), "UTF-8", "Latin-1 file"),
        # UTF-16 with its byte-order mark is read (tests/integration/test_odd_files.py); without one it is not.
        ((ACCOUNT_HEADER + GOOD_ROW).encode("utf-16-le"), "UTF-16 text without a byte-order mark", "UTF-16 file"),
        (
            (ACCOUNT_HEADER + GOOD_ROW.replace("3000000011", "'; DROP TABLE accounts; --")).encode(),
            "account",
            "sql account number",
        ),
        ((ACCOUNT_HEADER + GOOD_ROW + GOOD_ROW).encode(), "item id", "same item twice"),
        (
            (ACCOUNT_HEADER + GOOD_ROW + GOOD_ROW.replace("Lee Ann", "Other Name").replace("B1", "B2")).encode(),
            "differs from line",
            "account details differ",
        ),
        ((ACCOUNT_HEADER + GOOD_ROW.replace("3000000011", "")).encode(), "account", "empty account"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "UTF-8|column|header|read", "a picture"),
    ]
]

LOCKBOX_HEADER = "account,amount,check_number,payer,tender\n"
LOCKBOX_ROW = "1000000017,73.15,1043,SMITH JOHN,check\n"
LOCKBOX_FILES = [
    Bad("lockbox", v, e, n)
    for v, e, n in [
        (b"", "empty", "empty file"),
        (b"\xef\xbb\xbf", "empty", "only a BOM"),
        (LOCKBOX_HEADER.encode(), "no payments", "header only"),
        (b"acct,amt\n1,2\n", "no column", "missing columns"),
        ((LOCKBOX_HEADER.rstrip("\n") + ",amount\n" + LOCKBOX_ROW.rstrip("\n") + ",1\n").encode(), "twice", "doubled"),
        ((LOCKBOX_HEADER + "1000000017,73.15\n").encode(), "cells", "short row"),
        ((LOCKBOX_HEADER + LOCKBOX_ROW.replace("73.15", "seventy")).encode(), "amount", "amount in words"),
        ((LOCKBOX_HEADER + LOCKBOX_ROW.replace("73.15", "-73.15")).encode(), "amount", "negative amount"),
        ((LOCKBOX_HEADER + LOCKBOX_ROW.replace("73.15", "0.00")).encode(), "amount", "zero amount"),
        ((LOCKBOX_HEADER + LOCKBOX_ROW.replace("1000000017", "9999999999")).encode(), "unknown account", "unknown"),
        ((LOCKBOX_HEADER + LOCKBOX_ROW.replace("1043", "ABC")).encode(), "check number", "bad check number"),
        ((LOCKBOX_HEADER + LOCKBOX_ROW.replace("SMITH JOHN", VISA)).encode(), "card number", "card as payer"),
        ((LOCKBOX_HEADER + LOCKBOX_ROW.replace("check\n", "card\n")).encode(), "tender", "card tender"),
        ((LOCKBOX_HEADER + LOCKBOX_ROW + LOCKBOX_ROW).encode(), "duplicate", "same check twice"),
        (
            (LOCKBOX_HEADER + LOCKBOX_ROW.replace("SMITH JOHN", '"SMITH')).encode(),
            "cannot be read|quote|cells",
            "open quote",
        ),
        (
            (LOCKBOX_HEADER + LOCKBOX_ROW.replace("SMITH JOHN", "S" * 200_000)).encode(),
            "longer|large|read",
            "huge field",
        ),
        ((LOCKBOX_HEADER + LOCKBOX_ROW.replace("SMITH JOHN", "Caf\xe9")).encode("latin-1"), "UTF-8", "Latin-1"),
        ((LOCKBOX_HEADER + LOCKBOX_ROW).encode("utf-16-le"), "UTF-16 text without a byte-order mark", "UTF-16"),
        (
            (LOCKBOX_HEADER + LOCKBOX_ROW.replace("1000000017", "'; DROP TABLE mail_items; --")).encode(),
            "account",
            "sql account",
        ),
        (
            (LOCKBOX_HEADER + LOCKBOX_ROW.replace("SMITH JOHN", "SMITH\x00JOHN")).encode(),
            "character|read|NUL",
            "NUL payer",
        ),
    ]
]

# -- the command line --------------------------------------------------------------------------------
CLI = [
    Bad("cli", v, e, n)
    for v, e, n in [
        (["close-day", "--date", "2026-13-01", "--user", "msuper", "--password-stdin"], "not a date", "month 13"),
        (["close-day", "--date", "yesterday", "--user", "msuper", "--password-stdin"], "not a date", "a word"),
        (
            ["close-day", "--date", "'; DROP TABLE business_days; --", "--user", "msuper", "--password-stdin"],
            "not a date",
            "sql date",
        ),
        (["audit", "export", "--from", "2026-02-30", "--to", "2026-03-01"], "not a date", "Feb 30"),
        (["audit", "export", "--from", "2026-12-01", "--to", "2026-11-01"], "before|after|from", "reversed range"),
        (["search", "x" * 10_000], "at most", "long search"),
        (["search", "smith", "--limit", "0"], "at least 1", "zero limit"),
        (["search", "smith", "--limit", "many"], "not a whole number", "limit in words"),
        (["account", "'; DROP TABLE accounts; --"], "No account", "sql account"),
        (["account", ""], "Type an account number", "empty account"),
        (["user", "add", "J Smith", "--role", "cashier", "--password-stdin"], "user id", "bad user id"),
        (["user", "add", "jsmith", "--role", "emperor"], "invalid choice", "unknown role"),
        (["user", "disable", "nobody"], "no user|There is no user", "unknown user"),
        (["import-accounts", "no-such-file.csv"], "no file", "missing file"),
        (["import-accounts", "."], "folder", "a folder"),
        (["restore", "no-such-backup.sqlite3"], "no|cannot|not", "missing backup"),
        (
            [
                "export-deposit",
                "--date",
                "2026-11-26",
                "--out",
                "x",
                "--user",
                "msuper",
                "--password-stdin",
                "--ticket",
                "=cmd|' /C calc'!A0",
            ],
            "ticket|password|digits|number",
            "csv injection ticket",
        ),
        (["frobnicate"], "invalid choice", "unknown command"),
        (
            [
                "import-payments",
                "no-such-file.csv",
                "--control-count",
                "1",
                "--control-total",
                "73.15",
                "--user",
                "msuper",
                "--password-stdin",
            ],
            "cannot read|no such|no file",
            "missing lockbox file",
        ),
        (
            ["import-payments", "x.csv", "--control-count", "one", "--control-total", "73.15", "--user", "jcashier"],
            "not a whole number",
            "count in words",
        ),
        (
            [
                "import-payments",
                "x.csv",
                "--control-count",
                "1",
                "--control-total",
                "seventy",
                "--user",
                "jcashier",
                "--password-stdin",
            ],
            "not an amount",
            "total in words",
        ),
        (
            [
                "import-payments",
                "x.csv",
                "--control-count",
                "1",
                "--control-total",
                "-5",
                "--user",
                "jcashier",
                "--password-stdin",
            ],
            "negative|more than",
            "negative total",
        ),
        (["--db", "/nonexistent/folder/x.sqlite3", "search", "x"], "folder|cannot|not", "missing db folder"),
        (["demo-data", "--accounts", "-5"], "at least|accounts|more", "negative accounts"),
        (["simulate", "--days", "0"], "at least|days|more", "zero days"),
    ]
]

ALL: list[Bad] = [
    *MONEY_TEXT,
    *RECEIPT_AMOUNTS,
    *DROP_COUNTS,
    *PAID_OUTS,
    *REMITTANCES,
    *SCAN_LINES,
    *MICR_LINES,
    *RECEIPT_ACCOUNTS,
    *RECEIPT_TEXTS,
    *TENDERS,
    *VOIDS,
    *BATCHES,
    *MAIL_LOG,
    *TAX_RETURNS,
    *SEARCHES,
    *ACCOUNT_LOOKUPS,
    *USER_IDS,
    *PASSWORDS,
    *NEW_USER_NAMES,
    *SIGN_INS,
    *APPROVALS,
    *AUDIT_EXPORTS,
    *SETTINGS_FILES,
    *ACCOUNT_FILES,
    *LOCKBOX_FILES,
    *CLI,
]
ALL = [b for b in ALL if b.expect is not None]

# Text that is NOT bad: it must be taken and kept exactly (names in any script, hostile-looking but
# harmless strings). Spreadsheet-looking text is neutralised only when a CSV is written.
GOOD_TEXTS = (
    "NGUYỄN THỊ MINH",
    "محمد عبد الله",
    "שרה כהן",
    "José Müller-Łukasiewicz",
    "e\u0301te\u0301 (combining)",
    "Zoë 👩‍👩‍👧 family",
    "王小明",
    "O'Brien & Sons",
    "'; DROP TABLE accounts; --",
    "=cmd|' /C calc'!A0",
    "+1 (303) 555-0100",
    "-minus",
    "@handle",
    "Ǆemal ß ﬁ",
    "𝔉𝔯𝔞𝔨𝔱𝔲𝔯",
)
