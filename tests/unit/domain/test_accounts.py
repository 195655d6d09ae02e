"""Accounts: the flags a cashier must see, account numbers as the city writes them."""

from cashdesk.domain.accounts import Account, AccountKind, AccountStatus, normalize_account_number
from cashdesk.domain.money import Money


def test_flags_name_what_matters_at_the_window() -> None:
    account = Account(
        "1000000017",
        AccountKind.UTILITY,
        "DOE, JANE",
        status=AccountStatus.SHUT_OFF,
        cash_only=True,
        deposit_held=Money(15000),
        credit=Money(250),
    )
    assert account.flags == ("Cash only", "Shut off", "Deposit held $150.00", "Credit $2.50")


def test_an_active_account_in_good_standing_has_no_flags() -> None:
    assert Account("1", AccountKind.UTILITY, "X").flags == ()


def test_account_numbers_ignore_spaces_and_dashes() -> None:
    assert normalize_account_number(" 10-0000 0017 ") == "1000000017"
    assert normalize_account_number("st-00123") == "ST00123"
    assert normalize_account_number("１２３") == ""  # full-width digits are not account numbers
