"""The receipt paper warning over the counter: the roll in this station's printer is nearly used up
(services/supplies.paper_state estimates it from the lines printed on it).

Looked at when someone starts work, after each payment, after each print round (the lines a
receipt took are counted when it is marked printed, so that is when a roll crosses its warning
level) and when the supplies screen closes (a new roll issued there clears it). One small read each
time, on the GUI thread: the banner is right before the next key is pressed.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from cashdesk.ui.i18n import translate
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.services.context import ServiceContext
    from cashdesk.services.supplies import PaperState

log = logging.getLogger(__name__)

SUPPLIES_KEY = "Ctrl+Shift+U"  # ui.main_window binds it
_STYLE = "QLabel#paperBanner { background: #fff3cd; color: #6b4a00; font-weight: bold; padding: 4px 8px; }"


def banner_text(state: PaperState, paper_item: str) -> str:
    """What the cashier reads: how much is left, and what to do about it."""
    return translate(
        "paper_warning",
        "Receipt paper low at {station}: about {percent_left}% of the roll is left. Put in a new "
        "roll soon, then record it: Supplies ({SUPPLIES_KEY}), {paper_item}, F6 issued, 1.",
    ).format(station=state.station, percent_left=state.percent_left, SUPPLIES_KEY=SUPPLIES_KEY, paper_item=paper_item)


class PaperBanner(QLabel):
    """Amber, over the work, while the paper roll at this station is at its warning level."""

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.setObjectName("paperBanner")
        self.setWordWrap(True)
        self.setStyleSheet(_STYLE)
        #: The warning now in force ("" while there is paper enough).
        self.warning = ""
        self._working = False
        self.hide()

    def check(self) -> None:
        """Read the roll's state again and show or hide the banner."""
        # Deferred: services.supplies brings SQLAlchemy's ORM and ReportLab, and the sign-in shows first.
        from cashdesk.services.supplies import paper_state

        state = Operation(self, lambda: paper_state(self._ctx), log_as="could not read the paper roll").run_now()
        if state is None:  # logged; the warning stays as it was
            return
        warning = banner_text(state, self._ctx.settings.supplies.paper_item) if state.warning else ""
        if warning and not self.warning:
            log.info("receipt paper low at %s: about %d%% left", state.station, state.percent_left)
        self.warning = warning
        self.setText(warning)
        self._show_if_due()

    def set_working(self, working: bool) -> None:
        """Shown only over the work of someone who prints receipts: not at sign-in or on the lock."""
        self._working = working
        self._show_if_due()

    def _show_if_due(self) -> None:
        self.setVisible(self._working and bool(self.warning))
