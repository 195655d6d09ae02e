"""The demo city's answers (the SAMPLE starter set) and its supply room: `cashdesk demo-data`."""

from __future__ import annotations

from cashdesk.domain.security import Role
from cashdesk.domain.supplies import MovementKind
from cashdesk.services import answer_files, supplies
from cashdesk.services.context import Operator, ServiceContext

#: code, name, unit, minimum, maximum, lead days, supplier, received, issued
DEMO_SUPPLIES: tuple[tuple[str, str, str, int, int, int, str, int, int], ...] = (
    ("PAPER-ROLL", "Receipt paper roll 80 mm × 80 m", "roll", 12, 60, 10, "Aurelia Office Supply (sample)", 50, 38),
    ("DEPOSIT-BAG", "Tamper-evident deposit bags", "bag", 25, 250, 14, "First National Bank of Aurelia", 100, 20),
    (
        "DEPOSIT-TICKET",
        "Bank deposit tickets (pre-numbered)",
        "book",
        2,
        10,
        21,
        "First National Bank of Aurelia",
        4,
        1,
    ),
    ("FORM-ST100", "Sales tax return form ST-100", "form", 100, 1000, 30, "City Print Shop", 400, 150),
    ("FORM-UB12", "Start/stop service application UB-12", "form", 50, 400, 30, "City Print Shop", 200, 40),
    ("DOOR-TAG", "Shut-off notice door tags", "tag", 200, 2000, 21, "City Print Shop", 800, 120),
    ("ENDORSE-INK", "Endorsement stamp ink pad", "each", 2, 6, 7, "Aurelia Office Supply (sample)", 4, 1),
)


def add_demo_answers_and_supplies(ctx: ServiceContext, actor: Operator) -> None:
    """The sample answers and referrals (imported by `actor`), and stock for each demo supply, kept
    by the demo supervisor (some of it due to reorder)."""
    answer_files.load_starter_set(ctx, actor)
    keeper = Operator("super1", Role.SUPERVISOR, "Demo Supervisor One")
    for code, name, unit, minimum, maximum, lead, supplier, received, issued in DEMO_SUPPLIES:
        supplies.add_item(ctx, keeper, code, name, unit=unit, minimum=minimum, maximum=maximum, lead_days=lead,
                          supplier=supplier)  # fmt: skip
        supplies.move(ctx, keeper, code, MovementKind.RECEIVED, received, "demo data")
        supplies.move(ctx, keeper, code, MovementKind.ISSUED, issued, "demo data")
