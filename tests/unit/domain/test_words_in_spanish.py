"""What the domain words for the window, in Spanish once the window hands its translator in (here the
.ts file itself, as Qt's translator would give it), and in English otherwise (docs/translations.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from cashdesk.domain.accounts import Account, AccountKind, AccountStatus, history_kind_shown
from cashdesk.domain.answer_rules import answer_problem
from cashdesk.domain.answers import Answer
from cashdesk.domain.audit import event_name
from cashdesk.domain.money import Money
from cashdesk.domain.refunds import TakenTender, hand_back_text
from cashdesk.domain.service_orders import FeeReversal
from cashdesk.domain.tenders import TenderKind
from tests.support.spanish import in_spanish


@pytest.fixture
def spanish() -> Iterator[None]:
    with in_spanish():
        yield


TAKEN = (TakenTender(TenderKind.CASH, Money(5000)), TakenTender(TenderKind.CHECK, Money(2000), "1042"),
         TakenTender(TenderKind.CARD, Money(1500), "", "visa", "4242"))  # fmt: skip


def test_what_a_void_hands_back_in_english() -> None:
    assert hand_back_text(TAKEN, Money(369)) == (
        "Hand back $46.31 cash and check #1042; refund $15.00 to VISA ****4242 on the card terminal."
    )
    assert hand_back_text((), Money(0)) == "Nothing to hand back."


def test_what_a_void_hands_back_in_spanish(spanish: None) -> None:
    assert hand_back_text(TAKEN, Money(369)) == (
        "Devuelva $46.31 en efectivo y el cheque n.º 1042; reembolse $15.00 a VISA ****4242 en el terminal de tarjetas."
    )
    assert hand_back_text((), Money(0)) == "No hay nada que devolver."


def test_an_account_s_flags_in_spanish_keep_their_english_text(spanish: None) -> None:
    account = Account("1", AccountKind.UTILITY, "X", status=AccountStatus.SHUT_OFF, cash_only=True,
                      cash_only_until=dt.date(2026, 4, 30), deposit_held=Money(15000))  # fmt: skip
    assert [flag.shown for flag in account.flag_list] == [
        "Solo efectivo hasta el 04/30/2026",
        "Cortada",
        "Depósito retenido $150.00",
    ]
    assert account.flags == ("Cash only until 04/30/2026", "Shut off", "Deposit held $150.00")


def test_history_kinds_and_audit_events_are_named_in_spanish(spanish: None) -> None:
    assert [history_kind_shown(kind) for kind in ("payment", "bill", "void", "meter_read")] == [
        "Pago",
        "Factura",
        "Anulación",
        "Meter read",
    ]  # a kind a billing file brings is shown as it came
    assert [event_name(kind) for kind in ("sign_in", "post", "day_close")] == [
        "Inicio de sesión",
        "Registro de pago",
        "Cierre del día",
    ]


def test_an_answer_s_problem_and_a_cancelled_fee_in_spanish(spanish: None) -> None:
    answer = Answer(slug="late-fee", title="Late fee", body="Pay by the 20th.", link="aurelia.example/fees")
    assert answer_problem(answer) == (
        "El campo «enlace» debe empezar por http:// o https:// y no tener espacios, como https://aurelia.example/code."
    )
    assert FeeReversal(Money(2500), Money(1000)).words == (
        "Su cargo de $25.00 se quita de la cuenta. $10.00 del cargo ya se pagó: reembólselo como pago de caja si "
        "el cliente lo pide."
    )


def test_an_answer_s_problem_and_a_cancelled_fee_in_english() -> None:
    answer = Answer(slug="late-fee", title="Late fee", body="Pay by the 20th.", link="aurelia.example/fees")
    assert answer_problem(answer) == (
        "The link must start with http:// or https:// and hold no spaces, like https://aurelia.example/code."
    )
    assert FeeReversal(Money(2500), Money(0)).words == "Its fee of $25.00 is taken off the account."


def test_a_lockbox_line_that_is_no_amount_is_told_so_whatever_the_window_s_language(spanish: None) -> None:
    """The lockbox reader decides by the error's kind, not by its words (which are Spanish here)."""
    from cashdesk.domain.mail import parse_lockbox

    parsed = parse_lockbox("account,amount,check_number,payer\n1000000017,abc,1,A\n")
    assert [problem.reason for problem in parsed.problems] == ['bad amount "abc": write it like 123.45 or $1,234.56']
