"""The table models over service results: Qt's model checks, money in display only, sorting on raw values."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPersistentModelIndex, Qt

from cashdesk.services.accounts import account_detail, search_accounts
from cashdesk.services.context import ServiceContext
from cashdesk.ui.models import SORT_ROLE, HistoryModel, OpenItemsModel, SearchResultsModel

DISPLAY = Qt.ItemDataRole.DisplayRole


def column_texts(model: Any, column: int) -> list[str]:
    return [model.index(row, column).data(DISPLAY) for row in range(model.rowCount())]


def test_search_results_model_passes_qt_model_checks(qtmodeltester: Any, ctx: ServiceContext) -> None:
    model = SearchResultsModel()
    model.set_rows(search_accounts(ctx, "alvarez"))
    qtmodeltester.check(model)
    model.set_rows(search_accounts(ctx, "1"))
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)


def test_open_items_and_history_models_pass_qt_model_checks(qtmodeltester: Any, ctx: ServiceContext) -> None:
    detail = account_detail(ctx, "1001")
    items = OpenItemsModel()
    items.set_rows(detail.items)
    qtmodeltester.check(items)
    history = HistoryModel()
    history.set_rows(detail.history)
    qtmodeltester.check(history)


def test_money_is_formatted_for_display_and_raw_for_sorting(ctx: ServiceContext) -> None:
    model = SearchResultsModel()
    model.set_rows(search_accounts(ctx, "2001"))
    balance = model.index(0, 4)
    assert model.headerData(4, Qt.Orientation.Horizontal, DISPLAY) == "Balance"
    assert balance.data(DISPLAY) == "$1,358.02"
    assert balance.data(SORT_ROLE) == 135802
    assert balance.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.index(0, 3).data(DISPLAY) == "Active"


def test_sorting_uses_cents_and_minus_one_restores_the_best_match_order(ctx: ServiceContext) -> None:
    model = SearchResultsModel()
    given = search_accounts(ctx, "1")  # 1001, 10010, 1002, 1003: numbers sort as text
    model.set_rows(given)
    kept = QPersistentModelIndex(model.index(0, 0))  # what a view's current row is
    assert kept.data(DISPLAY) == "1001"

    model.sort(4, Qt.SortOrder.DescendingOrder)
    # $145.00 sorts above $91.80 only when cents are compared, not text.
    assert column_texts(model, 4) == ["$145.00", "$91.80", "$0.00", "-$20.00"]
    assert kept.data(DISPLAY) == "1001" and kept.row() == 1

    model.sort(-1)
    assert column_texts(model, 0) == [r.account for r in given]
    assert kept.row() == 0


def test_past_due_items_are_marked(ctx: ServiceContext) -> None:
    model = OpenItemsModel()
    model.set_rows(account_detail(ctx, "1001").items)
    # Paying order: the late fee first, then the oldest water bill, then the current one.
    assert column_texts(model, 1) == ["LATEFEE", "WATER", "WATER"]
    assert column_texts(model, 0) == ["01/20/2026 (past due)", "12/20/2025 (past due)", "03/25/2026"]
    assert column_texts(model, 6) == ["$4.50", "$45.00", "$42.30"]
    assert column_texts(model, 5) == ["$0.00", "$0.00", "$10.00"]
    assert model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == "Past due since 01/20/2026"
    assert model.index(2, 2).data(Qt.ItemDataRole.BackgroundRole) is None


def test_history_is_latest_first(ctx: ServiceContext) -> None:
    model = HistoryModel()
    model.set_rows(account_detail(ctx, "1001").history)
    assert column_texts(model, 0) == ["03/05/2026", "03/01/2026", "02/01/2026"]
    assert column_texts(model, 1) == ["Payment", "Bill", "Bill"]
    assert column_texts(model, 3) == ["-$10.00", "$52.30", "$30.00"]
