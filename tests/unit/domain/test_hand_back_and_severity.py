"""What the screen says after the fact: what a void hands back, and over/short said one way."""

import datetime as dt

import pytest

from cashdesk.domain.accounts import Account, AccountKind, AccountStatus, FlagSeverity, worst_severity
from cashdesk.domain.balancing import over_short_words
from cashdesk.domain.money import Money
from cashdesk.domain.refunds import TakenTender, cash_to_hand_back, hand_back_text
from cashdesk.domain.tenders import TenderKind

CASH, CHECK, MO, CARD = TenderKind.CASH, TenderKind.CHECK, TenderKind.MONEY_ORDER, TenderKind.CARD


def test_a_void_hands_back_the_cash_less_the_change_and_each_check() -> None:
    taken = [TakenTender(CASH, Money(5000)), TakenTender(CHECK, Money(5000), "1042")]
    assert cash_to_hand_back(taken, Money(3669)) == Money(1331)
    assert hand_back_text(taken, Money(369)) == "Hand back $46.31 cash and check #1042."


def test_a_card_is_refunded_on_the_terminal_and_a_money_order_handed_back() -> None:
    taken = [TakenTender(MO, Money(1000), "77"), TakenTender(CARD, Money(2000), "A1", "visa", "4242")]
    assert hand_back_text(taken, Money(0)) == (
        "Hand back money order #77; refund $20.00 to VISA ****4242 on the card terminal."
    )
    assert hand_back_text([TakenTender(CARD, Money(2000), "A1", "AMEX", "1005")], Money(0)) == (
        "Refund $20.00 to AMEX ****1005 on the card terminal."
    )


def test_cash_all_given_back_as_change_leaves_nothing_to_hand_back() -> None:
    assert hand_back_text([TakenTender(CASH, Money(500))], Money(500)) == "Nothing to hand back."


@pytest.mark.parametrize(
    ("cents", "said"), [(-1000, "Short $10.00"), (1000, "Over $10.00"), (0, "Balanced"), (-5, "Short $0.05")]
)
def test_over_short_is_said_one_way(cents: int, said: str) -> None:
    assert over_short_words(Money(cents)) == said


def test_flags_are_coloured_by_what_they_mean_not_by_being_there() -> None:
    def severities(**given: object) -> dict[str, FlagSeverity]:
        account = Account("1", AccountKind.UTILITY, "X", **given)  # type: ignore[arg-type]
        return {flag.text: flag.severity for flag in account.flag_list}

    assert severities(deposit_held=Money(15000), credit=Money(2000)) == {
        "Deposit held $150.00": FlagSeverity.INFO,
        "Credit $20.00": FlagSeverity.INFO,
    }
    assert severities(cash_only=True, cash_only_until=dt.date(2026, 4, 30)) == {
        "Cash only until 04/30/2026": FlagSeverity.CAUTION
    }
    assert severities(status=AccountStatus.FINAL) == {"Final bill": FlagSeverity.CAUTION}
    assert severities(status=AccountStatus.SHUT_OFF) == {"Shut off": FlagSeverity.STOP}
    assert severities(status=AccountStatus.CLOSED) == {"Closed": FlagSeverity.STOP}
    shut_off = Account("1", AccountKind.UTILITY, "X", status=AccountStatus.SHUT_OFF, deposit_held=Money(15000))
    assert worst_severity(shut_off.flag_list) is FlagSeverity.STOP
    assert worst_severity([]) is FlagSeverity.INFO
