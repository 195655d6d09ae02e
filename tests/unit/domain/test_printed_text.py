"""The printed catalogue: every English text said anywhere in the source has its Spanish (found the way
lupdate finds a window's strings: a literal at each call), the two agree on their {names}, the services'
phrases are translated whole, and money and dates are written as each language writes them."""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
from pathlib import Path

import pytest

from cashdesk.devices.receipt import AccountLine, Letterhead, PartLine, ReceiptDoc, TenderLine, render_text
from cashdesk.domain import delinquency, printed_text
from cashdesk.domain.arrangements import ArrangementState, Installment, receipt_note
from cashdesk.domain.money import Money
from cashdesk.domain.printed_text import SPANISH_PHRASES, SPANISH_TEXT, UnknownText, phrase, say
from cashdesk.domain.receipts import tax_breakdown
from cashdesk.domain.tax_return import ITEM_CODES
from cashdesk.domain.tenders import TenderKind

SRC = Path(__file__).resolve().parents[3] / "src" / "cashdesk"
#: Calls whose text argument is a catalogue key: say(language, TEXT), w(TEXT) (w = words(language)),
#: maybe(language, TEXT).
_KEY_ARGUMENT = {"say": 1, "w": 0, "maybe": 1}


def _said_in_source() -> list[tuple[str, str]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else ""
            if name not in _KEY_ARGUMENT or len(node.args) <= _KEY_ARGUMENT[name]:
                continue
            argument = node.args[_KEY_ARGUMENT[name]]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                found.append((f"{path.relative_to(SRC)}:{node.lineno}", argument.value))
    return found


def test_every_text_said_in_the_source_has_its_spanish() -> None:
    said = _said_in_source()
    assert len(said) > 40  # the scan finds the receipt's, the statement's and the letters' texts
    missing = [(where, text) for where, text in said if text not in SPANISH_TEXT]
    assert missing == []


def test_the_labels_passed_by_name_have_their_spanish_too() -> None:
    """Texts that reach `say` through a variable: the steps, the letters' headings, the tax lines, the titles."""
    passed = [
        *(step.label for step in delinquency.Step),
        *delinquency._HEADINGS.values(),
        *(label for _code, label in ITEM_CODES),
        "RECEIPT", "TEST PRINT", "bill", "fee", "payment", "payment void", "payment refund", "adjustment",
        "business hours", "after hours",
    ]  # fmt: skip
    assert [text for text in passed if text not in SPANISH_TEXT] == []


def _names(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("table", [SPANISH_TEXT, SPANISH_PHRASES], ids=["texts", "phrases"])
def test_each_spanish_text_is_there_and_fills_in_the_same_names(table: dict[str, str]) -> None:
    for english, spanish in table.items():
        assert spanish.strip(), english
        assert _names(english) == _names(spanish), english


def test_a_text_missing_from_the_catalogue_is_refused_in_english_too() -> None:
    with pytest.raises(UnknownText, match="add it to domain/printed_text.py"):
        say("en", "Not in the catalogue")
    assert say("en", "Change") == "Change" and say("es", "Change") == "Cambio"
    assert say("es", "Check #{number}", number="1042") == "Cheque n.º 1042"


def test_the_services_phrases_are_translated_whole_and_anything_else_is_left_as_it_is() -> None:
    down = receipt_note(7, ArrangementState.ACTIVE, (Installment(1, dt.date(2027, 1, 7), Money(2666)),), Money(1000))
    assert (
        phrase("es", down) == "Convenio de pago 7: $10.00 pagado, quedan $26.66, próximo pago de $26.66 el 7 ene 2027"
    )
    kept = receipt_note(7, ArrangementState.KEPT, (), Money(7000))
    assert phrase("es", kept) == "Convenio de pago 7 pagado por completo ($70.00 hoy): cumplido"
    assert phrase("es", "Reconnect ordered: WO-2026-00001, fee $50.00 (business hours)") == (
        "Reconexión ordenada: WO-2026-00001, cargo de $50.00 (horario de oficina)")  # fmt: skip
    assert phrase("es", "Reconnect ordered: WO-2026-00005") == "Reconexión ordenada: WO-2026-00005"
    assert phrase("es", "Shut-off cancelled (paid): WO-2026-00001, WO-2026-00002") == (
        "Corte del servicio cancelado (pagado): WO-2026-00001, WO-2026-00002")  # fmt: skip
    assert phrase("es", "Late fee 5% of $123.45, the minimum") == "Cargo por mora 5% de $123.45, el mínimo"
    [(label, _)] = tax_breakdown([("2026-09", "TAXPEN", "", Money(100))])
    assert phrase("es", label) == "2026-09 Recargo"
    assert phrase("es", "November bill") == "November bill"  # the billing system's words stay its own
    assert phrase("en", down) == down


def test_money_is_written_alike_and_dates_by_the_language() -> None:
    amount = Money(123456)
    assert printed_text.money("en", amount) == printed_text.money("es", amount) == "$1,234.56"
    day = dt.date(2026, 9, 5)
    assert printed_text.date_text("en", day) == "2026-09-05"
    assert printed_text.date_text("es", day) == "5 sept 2026"
    assert printed_text.time_text("es", dt.datetime(2026, 11, 26, 10, 42)) == "26 nov 2026 10:42"
    assert printed_text.long_date("en", day) == "September 5, 2026"
    assert printed_text.long_date("es", day) == "5 de septiembre de 2026"


def test_a_language_is_read_as_people_write_it() -> None:
    assert [printed_text.language_of(t) for t in ("es", " Spanish ", "Español", "EN", "english", "fr", "")] == [
        "es", "es", "es", "en", "en", None, None]  # fmt: skip
    assert printed_text.other("en") == "es" and printed_text.other("es") == "en"
    with pytest.raises(ValueError, match="not a printed language"):
        printed_text.check("fr")


def _doc(language: str, **extra: object) -> ReceiptDoc:
    return ReceiptDoc(
        letterhead=Letterhead("City of Aurelia", "Finance Department"), receipt_number="W01-2026-000042",
        local_time=printed_text.time_text(language, dt.datetime(2026, 11, 26, 10, 42)), station="W01",
        cashier="jcashier", payer="Rosa Díaz", language=language,
        accounts=(AccountLine("2000000019", "MAIN STREET BAKERY LLC", Money(137500), Money(-500),
                              (PartLine("2026-09 Sales tax", Money(125000)), PartLine("2026-09 Penalty", Money(12500))),
                              ("Shut-off cancelled (paid): WO-2026-00001",)),),
        tenders=(TenderLine(TenderKind.CASH, Money(100000)), TenderLine(TenderKind.MONEY_ORDER, Money(37500), "88"),
                 TenderLine(TenderKind.CARD, Money(500), card_brand="VISA", card_last4="0000", auth_code="A1")),
        total=Money(137500), cash_tendered=Money(100000), change=Money(500), **extra,  # type: ignore[arg-type]
    )  # fmt: skip


def test_a_spanish_receipt_lays_out_every_line_in_spanish() -> None:
    text = render_text(_doc("es", void=True, void_reason="Wrong account", void_time="26 nov 2026 11:00",
                            void_approver="msuper", reprint=True))  # fmt: skip
    for said in ("RECIBO", "ANULADO", "REIMPRESIÓN", "Recibo", "Fecha", "26 nov 2026 10:42", "Estación", "Cajero",
                 "Pagado por", "Cuenta 2000000019", "2026-09 Impuesto sobre ventas", "2026-09 Recargo",
                 "Saldo pendiente", "$5.00 a favor", "Corte del servicio cancelado (pagado):", "WO-2026-00001",
                 "TOTAL", "$1,375.00", "Efectivo recibido", "$1,000.00", "Giro postal n.º 88", "VISA ****0000",
                 "Autorización A1", "Cambio", "Motivo de la anulación: Wrong account", "Anulado",
                 "Aprobado por"):  # fmt: skip
        assert said in text, said
    english = render_text(_doc("en"))
    assert "Balance left" in english and "$5.00 CR" in english and "Money order #88" in english
    assert not re.search(r"Recibo|Cambio|Efectivo", english)
