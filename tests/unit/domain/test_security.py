"""Roles, passwords and lockout as the PCI DSS facts in DESIGN.md set them."""

import datetime as dt

from cashdesk.domain.cards import contains_card_number, mask
from cashdesk.domain.security import (
    LockoutRule,
    Permission,
    Role,
    can,
    check_new_password,
    check_user_id,
    is_inactive,
)

NOW = dt.datetime(2026, 11, 26, 12, 0)


def test_a_cashier_takes_money_but_approves_nothing() -> None:
    assert can(Role.CASHIER, Permission.TAKE_PAYMENTS)
    assert not can(Role.CASHIER, Permission.APPROVE_OVERRIDES)
    assert not can(Role.CASHIER, Permission.VIEW_AUDIT)
    assert not can(Role.CASHIER, Permission.MANAGE_USERS)


def test_a_supervisor_does_what_a_cashier_does_and_approves() -> None:
    assert can(Role.SUPERVISOR, Permission.TAKE_PAYMENTS)
    assert can(Role.SUPERVISOR, Permission.APPROVE_OVERRIDES)
    assert can(Role.SUPERVISOR, Permission.CLOSE_DAY)


def test_an_administrator_manages_but_does_not_handle_money() -> None:
    assert can(Role.ADMINISTRATOR, Permission.MANAGE_USERS)
    assert not can(Role.ADMINISTRATOR, Permission.TAKE_PAYMENTS)
    assert not can(Role.ADMINISTRATOR, Permission.APPROVE_OVERRIDES)


def test_password_rules() -> None:
    assert check_new_password("short", user_id="jsmith", min_length=12) == (
        "The password must be at least 12 characters long."
    )
    assert "contain the user id" in (check_new_password("my-jsmith-password", user_id="jsmith", min_length=12) or "")
    assert "different characters" in (check_new_password("aaaaaaaaaaaaab", user_id="x1", min_length=12) or "")
    assert "space" in (check_new_password(" correct horse battery", user_id="x1", min_length=12) or "")
    assert check_new_password("correct horse battery", user_id="jsmith", min_length=12) is None


def test_user_ids() -> None:
    assert check_user_id("jsmith") is None
    assert check_user_id("j.smith-2") is None
    for bad in ("", "J", "JSmith", "1abc", "a b", "x" * 33, "drop;table"):
        assert check_user_id(bad) is not None, bad


def test_lockout_after_the_tenth_failure_for_thirty_minutes() -> None:
    rule = LockoutRule()
    assert rule.locked_until(9, NOW) is None
    assert rule.locked_until(10, NOW) == NOW + dt.timedelta(minutes=30)


def test_inactivity_counts_from_the_last_sign_in_or_creation() -> None:
    created = NOW - dt.timedelta(days=200)
    assert is_inactive(None, created, NOW, 90)
    assert not is_inactive(NOW - dt.timedelta(days=89), created, NOW, 90)
    assert is_inactive(NOW - dt.timedelta(days=90), created, NOW, 90)


def test_card_numbers_are_found_whole_or_grouped() -> None:
    assert contains_card_number("4111111111111111")
    assert contains_card_number("paid with 4111 1111 1111 1111 today")
    assert contains_card_number("5500-0000-0000-0004")
    assert contains_card_number("378282246310005")  # 15-digit Amex
    assert not contains_card_number("4111111111111112")  # fails Luhn
    assert not contains_card_number("1000000017")  # an account number
    # A 30-digit bill stub scan line is not a card number even if a part of it would pass.
    assert not contains_card_number("011000000017202612100000123454")
    assert mask("card 4111111111111111 end") == "card [digits removed] end"
