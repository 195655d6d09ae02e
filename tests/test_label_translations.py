"""Names from the domain (an account's status, a tender's kind, a role, …) in the window's language:
each has its Spanish in the .ts, `.shown` says it once the window speaks Spanish, and `.label` stays
the English that files, reports, receipts and the audit trail keep (docs/translations.md)."""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import pkgutil
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import cashdesk.domain
from cashdesk.domain.answer_rules import FIELD_LABELS, FIRST_VERSION, field_shown
from cashdesk.domain.arrangements import ArrangementState, Installment
from cashdesk.domain.balancing import over_short_shown, over_short_words
from cashdesk.domain.cash import DENOMINATIONS
from cashdesk.domain.money import Money
from cashdesk.domain.security import Role
from cashdesk.domain.tax_return import LINES, LineDifference, line_shown
from cashdesk.domain.tenders import Tender, TenderKind

DAY = dt.date(2026, 3, 2)
TS = Path(__file__).resolve().parents[1] / "resources" / "translations" / "cashdesk_es.ts"


def _spanish() -> dict[tuple[str, str], str]:
    """(context, English) -> Spanish, for every finished message of the .ts."""
    found: dict[tuple[str, str], str] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                found[(name, message.findtext("source", ""))] = translation.text
    return found


def _labelled_enums() -> list[type[enum.Enum]]:
    """Every enum in cashdesk.domain with a `label`: a new one is checked without being listed."""
    found = []
    for module_info in pkgutil.iter_modules(cashdesk.domain.__path__):
        module = importlib.import_module(f"cashdesk.domain.{module_info.name}")
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, enum.Enum) and value.__module__ == module.__name__
                    and isinstance(getattr(value, "label", None), property)):  # fmt: skip
                found.append(value)
    return found


def _context(cls: type) -> str:
    return cls.__module__.rsplit(".", 1)[1]


LABELLED = _labelled_enums()


def test_the_labelled_enums_are_found() -> None:
    names = {cls.__name__ for cls in LABELLED}
    assert {"AccountStatus", "BatchStatus", "OrderType", "OrderStatus", "HoldKind", "ArrangementState", "Step",
            "TenderKind", "Role", "OverrideAction", "Deduction"} <= names  # fmt: skip


@pytest.mark.parametrize("cls", LABELLED, ids=lambda cls: cls.__name__)
def test_every_member_of_a_labelled_enum_has_its_spanish(cls: type[enum.Enum]) -> None:
    spanish = _spanish()
    assert isinstance(getattr(cls, "shown", None), property), f"{cls.__name__} has a label but no .shown"
    missing = [m.label for m in cls if (_context(cls), m.label) not in spanish]  # type: ignore[attr-defined]
    assert missing == [], f"no Spanish in {TS.name} for {cls.__name__} ({_context(cls)}): {missing}"


def test_the_other_names_have_their_spanish_too() -> None:
    spanish = _spanish()
    wanted = [
        *(("cash", d.label) for d in DENOMINATIONS),
        *(("tax_return", label) for _name, label in LINES),
        *(("answer_rules", label) for label in (*FIELD_LABELS.values(), FIRST_VERSION)),
        ("arrangements", "Down payment"),
        ("arrangements", "Installment {seq}"),
        *(("balancing", text) for text in ("Over {amount}", "Short {amount}", "Balanced")),
    ]
    assert [w for w in wanted if w not in spanish] == []


@pytest.fixture
def in_spanish(qapp: Any) -> Any:
    """The window's language set to Spanish, as a station with ui.language = "es" starts; English after."""
    from cashdesk.ui.i18n import install_language

    try:
        assert install_language("es")
        yield
    finally:
        install_language("en")


def test_shown_is_spanish_while_label_stays_english(in_spanish: None) -> None:
    spanish = _spanish()
    for cls in LABELLED:
        for member in cls:
            english = member.label  # type: ignore[attr-defined]
            assert member.shown == spanish[(_context(cls), english)], member  # type: ignore[attr-defined]
            assert member.shown != english or english in ("Final", "Supervisor"), member  # type: ignore[attr-defined]
    from cashdesk.domain.accounts import AccountStatus

    assert AccountStatus.ACTIVE.label == "Active" and AccountStatus.ACTIVE.shown == "Activa"
    assert AccountStatus.CLOSED.label == "Closed" and AccountStatus.CLOSED.shown == "Cerrada"
    assert TenderKind.CHECK.label == "Check" and TenderKind.CHECK.shown == "Cheque"
    assert Role.CASHIER.label == "Cashier" and Role.CASHIER.shown == "Cajero"
    assert ArrangementState.KEPT.shown == "Cumplido"
    assert Installment(0, DAY, Money(100)).shown == "Pago inicial"
    assert Installment(2, DAY, Money(100)).shown == "Cuota 2"
    assert Installment(2, DAY, Money(100)).label == "Installment 2"
    assert DENOMINATIONS[2].label == "$20 bills" and DENOMINATIONS[2].shown == "Billetes de $20"
    assert line_shown("sales_tax") == "Impuesto sobre ventas"
    assert field_shown(FIELD_LABELS["keywords"]) == "palabras clave"


def test_the_words_around_a_label_read_in_spanish(in_spanish: None) -> None:
    assert over_short_shown(Money(-100)) == "Faltante $1.00"
    assert over_short_shown(Money(200)) == "Sobrante $2.00"
    assert over_short_shown(Money(0)) == "Cuadrado"
    assert over_short_words(Money(-100)) == "Short $1.00"  # slips and reports keep the English
    check = Tender(TenderKind.CHECK, Money(500), reference="1042")
    assert check.shown == "Cheque n.º 1042" and check.describe() == "Check #1042"
    assert Tender(TenderKind.CASH, Money(500)).shown == "Efectivo"
    difference = LineDifference(8, "sales_tax", "Sales tax", Money(1000), Money(900))
    assert difference.shown == (
        "Línea 8, Impuesto sobre ventas: el negocio escribió $10.00, la declaración da $9.00 ($1.00 más)."
    )
    assert difference.text.startswith("Line 8, Sales tax: the business wrote $10.00")


def test_a_refusal_that_holds_a_label_reads_in_spanish(in_spanish: None) -> None:
    from cashdesk.domain.mail import BatchStateError, require_move
    from cashdesk.domain.service_orders import OrderStatus, change_refusal

    assert change_refusal("WO-2026-00001", OrderStatus.PENDING, OrderStatus.COMPLETED) == (
        "La orden de trabajo WO-2026-00001 está pendiente: ahora solo puede quedar despachada o cancelada."
    )
    with pytest.raises(BatchStateError) as refused:
        require_move("MB-1", "open", "open")
    assert "está abierto" in str(refused.value)


def test_without_the_window_every_label_is_english() -> None:
    """The command line never installs a translator: `.shown` is `.label` there."""
    for cls in LABELLED:
        for member in cls:
            assert member.shown == member.label  # type: ignore[attr-defined]
    assert over_short_shown(Money(-100)) == over_short_words(Money(-100)) == "Short $1.00"


def test_a_file_and_a_receipt_made_while_the_window_speaks_spanish_keep_their_own_words(in_spanish: None) -> None:
    """The crew sheet (CSV) keeps the English label; a receipt prints in the customer's language."""
    from cashdesk.devices.receipt import TenderLine, render_text, sample_receipt
    from cashdesk.domain.service_orders import OrderStatus, OrderType, WorkOrder
    from cashdesk.services.order_files import _crew_row

    order = WorkOrder(1, "WO-2026-00001", "1001", "ALVAREZ MARIA", "12 Elm St", OrderType.DOOR_TAG,
                      OrderStatus.PENDING, "", "super1", dt.datetime(2026, 3, 2, 9), DAY, 1, None, None, Money(0),
                      "", "", "", "", None, "")  # fmt: skip
    assert _crew_row(order)[1] == "Door tag"

    tenders = (TenderLine(TenderKind.CASH, Money(12000)), TenderLine(TenderKind.CHECK, Money(5000), number="1042"))
    doc = replace(sample_receipt(), tenders=tenders)  # the sample's card taken by check
    english = render_text(doc)
    assert "Cash" in english and "Check #1042" in english
    assert "Efectivo" not in english and "Cheque" not in english
    assert "Cheque" in render_text(replace(doc, language="es"))  # the customer's language, by its own mechanism
