"""A few accounts and users in a real SQLite file, a context on a fixed date, and the main window on it."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_support import CHEAP_HASHER, NOW, PASSWORDS, ROLES, Keyboard, open_drawers, show_window, sign_in
from PySide6.QtWidgets import QMessageBox

from cashdesk.config import Settings
from cashdesk.services import auth
from cashdesk.services.context import ServiceContext, command_line_operator
from cashdesk.services.setup import init_database
from cashdesk.services.users import add_user
from cashdesk.store.db import Database
from tests.support.city import add_account as _add_account
from tests.support.city import add_history as _add_history
from tests.support.city import add_item as _add_item

_HERE = Path(__file__).parent

#: The offscreen platform says this whenever a top-level window shows; it is not our warning.
OFFSCREEN_NOISE = r"^This plugin does not support propagateSizeHints\(\)$"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


def _build_city(path: Path) -> None:
    """Five accounts; Maria Alvarez owes $91.80, $49.50 of it past due; five users."""
    init_database(path)
    db = Database.open(path)
    with db.unit_of_work() as uow:
        maria = _add_account(uow, "1001", "ALVAREZ, MARIA", "120 Elm St", "(303) 555-0111",
                             mailing_address="PO Box 12, Aurelia, CO 80010")  # fmt: skip
        _add_item(uow, maria, "WATER", "Water, November", dt.date(2025, 12, 1), dt.date(2025, 12, 20), 4500)
        _add_item(uow, maria, "LATEFEE", "Late fee", dt.date(2026, 1, 5), dt.date(2026, 1, 20), 450)
        _add_item(uow, maria, "WATER", "Water, February", dt.date(2026, 3, 1), dt.date(2026, 3, 25), 5230, paid=1000)
        _add_item(uow, maria, "SEWER", "Sewer, January", dt.date(2026, 2, 1), dt.date(2026, 2, 20), 3000, paid=3000)
        _add_history(uow, maria, dt.date(2026, 3, 1), "bill", "March bill", 5230, "B-0301")
        _add_history(uow, maria, dt.date(2026, 3, 5), "payment", "Payment, thank you", -1000, "W01-2026-000042")
        _add_history(uow, maria, dt.date(2026, 2, 1), "bill", "February bill", 3000, "B-0201")

        jose = _add_account(uow, "1002", "ALVAREZ, JOSE", "455 Oak Ave", "(720) 555-0199",
                            status="shut_off", cash_only=True, deposit_held_cents=15000)  # fmt: skip
        _add_item(uow, jose, "WATER", "Water, December", dt.date(2026, 1, 1), dt.date(2026, 1, 20), 12000)
        _add_item(uow, jose, "DOORTAG", "Shut-off notice", dt.date(2026, 2, 10), dt.date(2026, 2, 10), 2500)

        _add_account(uow, "10010", "DIAZ, ANA", "7 Birch Ln", "(303) 555-0177", status="final")
        _add_account(uow, "1003", "CHEN, LI", "9 Pine Ct", "", status="closed", credit_cents=2000)

        shop = _add_account(uow, "2001", "BROWN HARDWARE LLC", "88 Main St", "(303) 555-0300",
                            kind="sales_tax", licence_number="ST-004512", filing_frequency="monthly")  # fmt: skip
        _add_item(
            uow, shop, "SALESTAX", "Sales tax", dt.date(2026, 2, 1), dt.date(2026, 2, 20), 123456, period="2026-01"
        )
        _add_item(uow, shop, "TAXPEN", "Penalty", dt.date(2026, 2, 21), dt.date(2026, 3, 20), 12346, period="2026-01")
        uow.commit()
    context = ServiceContext(db, Settings(), clock=lambda: NOW)
    for user_id, password in PASSWORDS.items():
        add_user(context, command_line_operator(), user_id, ROLES[user_id], password, must_change_password=False)
    db.dispose()


@pytest.fixture(scope="session")
def city_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test city, built once; each test gets its own copy (`city_db`)."""
    path = tmp_path_factory.mktemp("city") / "cashdesk.sqlite3"
    saved = auth.HASHER
    auth.HASHER = CHEAP_HASHER
    try:
        _build_city(path)
    finally:
        auth.HASHER = saved
    return path


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", CHEAP_HASHER)


@pytest.fixture
def city_db(city_template: Path, tmp_path: Path) -> Path:
    """A copy of the test city: five accounts and five users (PASSWORDS)."""
    path = tmp_path / "cashdesk.sqlite3"
    shutil.copyfile(city_template, path)
    wal = city_template.with_name(city_template.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, path.with_name(path.name + "-wal"))
    return path


@pytest.fixture
def settings_values() -> dict[str, Any]:
    """Settings a test module changes (the printer, for one); the defaults otherwise."""
    return {}


@pytest.fixture
def ctx(city_db: Path, settings_values: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> Iterator[ServiceContext]:
    monkeypatch.delenv("CASHDESK_PRINTER", raising=False)  # the settings name the printer, nothing else
    context = ServiceContext(Database.open(city_db, quick_check=False), Settings(settings_values), clock=lambda: NOW)
    yield context
    context.close()


@pytest.fixture
def critical_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """QMessageBox.critical records its text instead of waiting for a click."""
    shown: list[str] = []

    def record(parent: object, title: str, text: str, *args: object, **kwargs: object) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", record)
    return shown


@pytest.fixture
def signed_out_window(qtbot: Any, ctx: ServiceContext, critical_boxes: list[str]) -> Iterator[Any]:
    """The window as it opens: the sign-in screen, the cursor in the user id."""
    from cashdesk.ui.main_window import MainWindow

    main = MainWindow(ctx)
    qtbot.addWidget(main)
    show_window(qtbot, main)
    yield main
    main.close()


@pytest.fixture
def drawers_open(ctx: ServiceContext) -> None:
    """cashier1, cashier2, super1 and super2 each have a drawer open at the station (W01), set up
    with four tills (one drawer per till: station.tills)."""
    ctx.settings = ctx.settings.with_values(station__tills=4)
    open_drawers(ctx, "cashier1", "cashier2", "super1", "super2")


@pytest.fixture
def window(signed_out_window: Any, keyboard: Keyboard, ctx: ServiceContext) -> Any:
    """The window with cashier1 signed in at the keyboard, their drawer open: the counter, the
    cursor in the search box."""
    open_drawers(ctx, "cashier1")
    sign_in(keyboard, signed_out_window, "cashier1")
    return signed_out_window


@pytest.fixture
def keyboard(qtbot: Any) -> Keyboard:
    return Keyboard(qtbot)


@pytest.fixture
def spanish(qapp: Any) -> Iterator[None]:
    """The window's language Spanish, as at the start of a station set to ui.language = "es"; English after."""
    from cashdesk.ui.i18n import install_language

    assert install_language("es")
    try:
        yield
    finally:
        install_language("en")


@pytest.fixture
def spanish_main(spanish: None, qtbot: Any, ctx: ServiceContext, critical_boxes: list[str]) -> Iterator[Any]:
    """The window built in Spanish on the city's 1024×768 screen, at the sign-in screen."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from cashdesk.ui.main_window import MainWindow
    from cashdesk.ui.window_size import fit_to_screen

    screen = next((s for s in QApplication.screens() if s.size() == QSize(1024, 768)), None)
    if screen is None:
        pytest.skip("no 1024×768 screen on this platform")
    main = MainWindow(ctx)
    fit_to_screen(main, screen)
    qtbot.addWidget(main)
    show_window(qtbot, main)
    yield main
    main.close()


@pytest.fixture
def spanish_window(spanish_main: Any, ctx: ServiceContext) -> Any:
    """The Spanish window at the sign-in screen, cashier1's drawer open."""
    open_drawers(ctx, "cashier1")
    return spanish_main
