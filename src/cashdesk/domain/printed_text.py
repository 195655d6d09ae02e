"""What is printed for a customer, in the customer's language: every fixed text of the receipt, its
void and reprint marks, the account statement and the notice letters, in English and Spanish, and
money and dates as each language prints them (docs/printers.md, "English and Spanish").

Pure Python, no Qt: the window's own texts are Qt's (.ts/.qm); these are printed by the services,
devices and documents. `say` takes the English text as its key, so the English a person reads is the
key a translator reads; `tests/unit/domain/test_printed_text.py` fails when a text said anywhere in
the source has no Spanish here. `phrase` translates a whole phrase the services wrote in English into
a stored row (a receipt line's notes, an account's history, a step's note) by its template.

Money: Spanish as written in US cities prints dollars as English does, $1,234.56 (CLDR's es_US, the
locale Babel and Qt use for Spanish in the United States, gives exactly that). Dates: English keeps
the ISO dates it always printed; Spanish writes the month's name ("26 nov 2026", "26 de noviembre de
2026"), as es_US does, so 11/12 is never read as 12 November by one customer and 11 December by
another. By hand, not with Babel: two languages need twelve month names, not 36 MB of locale data in
every installer.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

from cashdesk.domain.money import Money

ENGLISH = "en"
SPANISH = "es"
#: The languages an account (and so its receipts, statement and letters) may be printed in.
LANGUAGES: tuple[str, ...] = (ENGLISH, SPANISH)
#: Each language in its own words, as the inquiry pane and the counter show it.
LANGUAGE_NAMES: dict[str, str] = {ENGLISH: "English", SPANISH: "Español"}

#: What a file or a person may write for a language (import-accounts' `language` column).
_SPELLINGS = {
    "en": ENGLISH, "eng": ENGLISH, "english": ENGLISH, "inglés": ENGLISH, "ingles": ENGLISH,
    "es": SPANISH, "spa": SPANISH, "spanish": SPANISH, "español": SPANISH, "espanol": SPANISH,
}  # fmt: skip


def language_of(text: str) -> str | None:
    """'en' or 'es' for what a person or a file wrote ("es", "Spanish", "Español"); None for anything else."""
    return _SPELLINGS.get(text.strip().lower())


def other(language: str) -> str:
    """The other language: one key at the counter switches a receipt between the two."""
    return SPANISH if language == ENGLISH else ENGLISH


#: Every fixed English text printed for a customer, and its Spanish. `{name}` is filled in by `say`.
SPANISH_TEXT: dict[str, str] = {
    # -- the receipt (devices/receipt.py) --
    "RECEIPT": "RECIBO",
    "TEST PRINT": "PRUEBA DE IMPRESIÓN",
    "VOID": "ANULADO",
    "REPRINT": "REIMPRESIÓN",
    "Receipt": "Recibo",
    "Date": "Fecha",
    "Station": "Estación",
    "Cashier": "Cajero",
    "Payer": "Pagado por",
    "Account {number}": "Cuenta {number}",
    "Balance left": "Saldo pendiente",
    "{amount} CR": "{amount} a favor",
    "TOTAL": "TOTAL",
    "Cash tendered": "Efectivo recibido",
    "Change": "Cambio",
    "Auth {code}": "Autorización {code}",
    "Void reason: {reason}": "Motivo de la anulación: {reason}",
    "Voided": "Anulado",
    "Approved by": "Aprobado por",
    "Cash": "Efectivo",
    "Check #{number}": "Cheque n.º {number}",
    "Money order #{number}": "Giro postal n.º {number}",
    "Money order": "Giro postal",
    "Thank you. Keep this receipt for your records.": "Gracias. Guarde este recibo para sus registros.",
    # -- what a tax payment paid (domain/receipts.tax_breakdown) --
    "Sales tax": "Impuesto sobre ventas",
    "Use tax": "Impuesto sobre uso",
    "Penalty": "Recargo",
    "Interest": "Intereses",
    # -- words inside the phrases below --
    "business hours": "horario de oficina",
    "after hours": "fuera del horario de oficina",
    # -- the account statement (services/statement.py, documents/report_pdf.py) --
    "Account statement": "Estado de cuenta",
    "Bills, payments, fees and adjustments, with the running balance": (
        "Facturas, pagos, cargos y ajustes, con el saldo acumulado"
    ),
    "Entry": "Concepto",
    "Description": "Descripción",
    "Reference": "Referencia",
    "Charges": "Cargos",
    "Payments and credits": "Pagos y créditos",
    "Balance": "Saldo",
    "bill": "factura",
    "fee": "cargo",
    "payment": "pago",
    "payment void": "pago anulado",
    "payment refund": "pago reembolsado",
    "adjustment": "ajuste",
    "Account {number}  {name}": "Cuenta {number}  {name}",
    "Balance brought forward on {start}: {opening}    Balance on {end}: {closing}": (
        "Saldo anterior al {start}: {opening}    Saldo al {end}: {closing}"
    ),
    "{start} to {end}": "del {start} al {end}",
    "({count} row)": "({count} línea)",
    "({count} rows)": "({count} líneas)",
    "Nothing in this period.": "No hay movimientos en este período.",
    "Total": "Total",
    "Page {page}, last": "Página {page}, última",
    "Page {page}, continued": "Página {page}, continúa",
    "{title} (continued)": "{title} (continuación)",
    # -- notice letters (domain/delinquency.py, documents/notice_letter.py) --
    "Reminder: your account is past due": "Recordatorio: su cuenta está vencida",
    "Notice: a late fee has been charged": "Aviso: se le ha cobrado un cargo por mora",
    "Shut-off notice": "Aviso de corte del servicio",
    "Final notice: service will be disconnected": "Último aviso: se desconectará el servicio",
    "Sales tax delinquency notice": "Aviso de morosidad del impuesto sobre las ventas",
    "Sales tax delinquency notice: penalty and interest charged": (
        "Aviso de morosidad del impuesto sobre las ventas: se cobraron recargo e intereses"
    ),
    "Final notice: referred to collections": "Último aviso: enviado a una agencia de cobranza",
    "Reminder": "Recordatorio",
    "Late fee": "Cargo por mora",
    "Door tag (shut-off notice)": "Aviso de corte en la puerta",
    "Disconnect": "Desconexión",
    "Delinquency notice": "Aviso de morosidad",
    "Penalty and interest": "Recargo e intereses",
    "Referral to collections": "Envío a una agencia de cobranza",
    "Account": "Cuenta",
    "Past due": "Vencido",
    "{step} charged": "{step} cobrado",
    "{step} charged ({note})": "{step} cobrado ({note})",
    "Amount due now": "Monto a pagar ahora",
    "Next step": "Próximo paso",
    "{step} on {day}": "{step} el {day}",
    "Unless {amount} is paid or a payment plan is arranged by {last_day}, the next step is: {step} on {day}.": (
        "Si no se pagan {amount} o no se acuerda un plan de pagos a más tardar el {last_day}, el próximo paso "
        "será: {step} el {day}."
    ),
    "Service will be disconnected once the shut-off notice period has passed. A reconnection after a "
    "disconnect carries its own fee.": (
        "El servicio se desconectará cuando termine el plazo del aviso de corte. La reconexión después de "
        "una desconexión tiene su propio cargo."
    ),
    "This account has been referred to collections. Pay or call us at once to stop further collection action.": (
        "Esta cuenta fue enviada a una agencia de cobranza. Pague o llámenos de inmediato para detener "
        "otras acciones de cobro."
    ),
    "If you have paid in the last few days, thank you: please disregard this notice.": (
        "Si ya pagó en los últimos días, gracias: no tenga en cuenta este aviso."
    ),
    "Pay at the counter of City Hall, by mail with the stub, or by phone. To arrange a payment plan, call us "
    "or come to the counter before the date of the next step.": (
        "Pague en la ventanilla del Ayuntamiento, por correo con el talón o por teléfono. Para acordar un plan "
        "de pagos, llámenos o venga a la ventanilla antes de la fecha del próximo paso."
    ),
}

#: Phrases the services write in English into stored rows (a receipt line's notes, an account's
#: history, a collection step's note), and their Spanish: `phrase` matches the whole text against the
#: English and fills the Spanish with what it found (each found part translated again, if it can be).
SPANISH_PHRASES: dict[str, str] = {
    # a payment's notes on the receipt (services/order_hooks.py, domain/arrangements.receipt_note)
    "Reconnect ordered: {order}, fee {fee} ({when})": "Reconexión ordenada: {order}, cargo de {fee} ({when})",
    "Reconnect ordered: {order}": "Reconexión ordenada: {order}",
    "Shut-off cancelled (paid): {orders}": "Corte del servicio cancelado (pagado): {orders}",
    "Arrangement {id} paid in full ({paid} today): kept": (
        "Convenio de pago {id} pagado por completo ({paid} hoy): cumplido"
    ),
    "Arrangement {id}: {paid} paid, {left} left, next {next} due {date}": (
        "Convenio de pago {id}: {paid} pagado, quedan {left}, próximo pago de {next} el {date}"
    ),
    "Arrangement {id}: {paid} paid, {left} left": "Convenio de pago {id}: {paid} pagado, quedan {left}",
    # what a tax payment paid, by period (domain/receipts.tax_breakdown)
    "{period} Sales tax": "{period} Impuesto sobre ventas",  # a 42-character line holds it and $9,999.99
    "{period} Use tax": "{period} Impuesto sobre uso",
    "{period} Penalty": "{period} Recargo",
    "{period} Interest": "{period} Intereses",
    # an account's history, on the statement
    "Payment at the counter, {station}": "Pago en ventanilla, {station}",
    "Payment by mail, batch {batch}": "Pago por correo, lote {batch}",
    "Reconnection fee ({when})": "Cargo por reconexión ({when})",
    "Arrangement interest": "Intereses del convenio de pago",
    "Deposit applied to the final bill": "Depósito aplicado a la factura final",
    "Deposit to refund": "Depósito por reembolsar",
    "Late fee {words}": "Cargo por mora {words}",
    "{percent}% of {amount}, the minimum": "{percent}% de {amount}, el mínimo",
    "{percent}% of {amount}, the cap": "{percent}% de {amount}, el máximo",
    "{percent}% of {amount}": "{percent}% de {amount}",
    "Penalty {period} ({months} month(s) late)": "Recargo {period} ({months} mes(es) de atraso)",
    "Interest {period} ({months} month(s) late)": "Intereses {period} ({months} mes(es) de atraso)",
}

_MONTHS_SHORT = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic")
_MONTHS_LONG = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                "octubre", "noviembre", "diciembre")  # fmt: skip
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class UnknownText(KeyError):
    """A printed text with no Spanish: a bug the catalogue's test catches before a customer does."""


def check(language: str) -> str:
    """The language back, or a ValueError naming the ones there are."""
    if language not in LANGUAGES:
        raise ValueError(f'"{language}" is not a printed language; the languages are {", ".join(LANGUAGES)}.')
    return language


def say(language: str, english: str, /, **values: object) -> str:
    """The fixed text `english` in `language`, its `{names}` filled in. A text missing from the
    catalogue is refused in English too, so a test in either language finds it."""
    try:
        spanish = SPANISH_TEXT[english]
    except KeyError:
        raise UnknownText(f"No Spanish for the printed text {english!r}: add it to domain/printed_text.py.") from None
    template = spanish if language == SPANISH else english
    return template.format(**values) if values else template


def words(language: str) -> Callable[..., str]:
    """`say` for one language: `w = words(doc.language); w("Change")`."""
    return functools.partial(say, check(language))


def known(text: str) -> bool:
    return text in SPANISH_TEXT


def maybe(language: str, text: str) -> str:
    """A text that may or may not be one of the catalogue's (a receipt's title): translated if it is."""
    return say(language, text) if text in SPANISH_TEXT else text


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The phrases as patterns, the longest first: "Reconnect ordered: {order}, fee …" before "… {order}"."""
    made = []
    for english in sorted(SPANISH_PHRASES, key=len, reverse=True):
        parts = re.split(r"\{(\w+)\}", english)
        regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts))
        made.append((re.compile(regex + r"\Z"), SPANISH_PHRASES[english]))
    return tuple(made)


def phrase(language: str, text: str) -> str:
    """A phrase the services wrote in English, in `language`: a known phrase translated (its dates
    written as the language writes them), a known fixed text translated, anything else (a name, a
    bill's description from the billing system) as it is."""
    if language != SPANISH or not text:
        return text
    if text in SPANISH_TEXT:
        return SPANISH_TEXT[text]
    for pattern, spanish in _patterns():
        found = pattern.match(text)
        if found is not None:
            return spanish.format(**{name: _value(language, value) for name, value in found.groupdict().items()})
    return text


def _value(language: str, value: str) -> str:
    if _ISO_DATE.fullmatch(value):
        return date_text(language, dt.date.fromisoformat(value))
    return phrase(language, value)


# -- money and dates ------------------------------------------------------------------------------


def money(language: str, amount: Money) -> str:
    """Money as printed: $1,234.56 in both languages (Spanish in US cities writes dollars so; see above)."""
    check(language)
    return amount.display()


def date_text(language: str, day: dt.date) -> str:
    """A date in a line of print: 2026-11-26 in English (as always), 26 nov 2026 in Spanish."""
    if language == SPANISH:
        return f"{day.day} {_MONTHS_SHORT[day.month - 1]} {day.year}"
    return day.isoformat()


def time_text(language: str, moment: dt.datetime) -> str:
    """A local date and time on a receipt: 2026-11-26 10:42, or 26 nov 2026 10:42."""
    return f"{date_text(language, moment.date())} {moment:%H:%M}"


def long_date(language: str, day: dt.date) -> str:
    """The date at the top of a letter: November 26, 2026, or 26 de noviembre de 2026."""
    if language == SPANISH:
        return f"{day.day} de {_MONTHS_LONG[day.month - 1]} de {day.year}"
    return day.strftime("%B %d, %Y").replace(" 0", " ")


__all__ = [
    "ENGLISH", "LANGUAGES", "LANGUAGE_NAMES", "SPANISH", "SPANISH_PHRASES", "SPANISH_TEXT", "UnknownText", "check",
    "date_text", "known", "language_of", "long_date", "maybe", "money", "other", "phrase", "say", "time_text",
    "words",
]  # fmt: skip
