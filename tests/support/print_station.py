"""A station with a printer for the print-queue tests: the emulator as its printer, the clock
held at NOW, and CASHIER's drawer open.

    from tests.support.print_station import CASHIER, NOW, ctx  # noqa: F401  (the fixture)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from cashdesk.config import Settings
from cashdesk.domain.cash import CashCount
from cashdesk.domain.security import Role
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.drawers import open_drawer
from tests.support.printer_emulator import PrinterEmulator

NOW = dt.datetime(2026, 11, 26, 17, 0, tzinfo=dt.UTC)
CASHIER = Operator("jcashier", Role.CASHIER)


@pytest.fixture
def ctx(small_city: Path, printer_emulator: PrinterEmulator) -> Iterator[ServiceContext]:
    context = ServiceContext.open(small_city, settings=Settings({"printer.spec": printer_emulator.spec}))
    context.clock = lambda: NOW
    open_drawer(context, CASHIER, CashCount({"B20": 5}))
    yield context
    context.close()
