"""The window's side of the office (docs/office.md): a sender that runs `sync_round` in the
background, and the amber banner that says when the office is unreachable.

Posting never waits on it: a payment is committed in the window's own file with its place in the
outbox; the sender is kicked after each payment and otherwise runs every few seconds, and when
the office does not answer it says so on the banner ("balances as of 13:42") while the cashier
goes on taking payments. When the office answers again, the outbox drains by itself.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from cashdesk.ui.rounds import Rounds

if TYPE_CHECKING:
    from cashdesk.services.context import ServiceContext
    from cashdesk.services.office import OfficeState

log = logging.getLogger(__name__)

#: While the office answers: how often to send and take in what changed (another window's payments).
SYNC_MS = 5_000
#: While it does not: how often to try again.
RETRY_MS = 15_000
#: A window that has not joined an office: how often to look whether it has since.
UNJOINED_MS = 120_000

_BANNER_STYLE = "QFrame#officeBanner { background: #ffb300; } QLabel { color: black; }"


class OfficeSender(Rounds):
    """Sync rounds one at a time off the GUI thread; each reports an OfficeState (None: no office)."""

    def __init__(self, ctx: ServiceContext, parent: QObject | None = None, *, sync_ms: int = SYNC_MS,
                 retry_ms: int = RETRY_MS) -> None:  # fmt: skip
        super().__init__(parent, timer_name="officeTimer", log_as="office sync round failed")
        self._ctx = ctx
        self._sync_ms = sync_ms
        self._retry_ms = retry_ms
        self.last: OfficeState | None = None

    def work(self) -> OfficeState | None:
        # Deferred on purpose: the office layer loads SQLAlchemy and psycopg, which the window
        # does not need before its first round.
        from cashdesk.services.office import sync_round

        return sync_round(self._ctx)

    def reported(self, result: OfficeState | None) -> None:
        was = self.last
        if result is not None and result.problem and (was is None or was.reachable):
            log.warning("office unreachable: %s (%d changes waiting)", result.problem, result.waiting)

    def failed_round(self, message: str) -> OfficeState | None:
        last = self.last
        if last is None:
            return None
        return dataclasses.replace(last, problem=message)

    def pause_ms(self, result: OfficeState | None) -> int:
        if result is None:
            return UNJOINED_MS
        return self._sync_ms if result.reachable else self._retry_ms


class OfficeBanner(QFrame):
    """Amber, over the work: shown while the office does not answer, hidden when it does."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("officeBanner")
        self.setStyleSheet(_BANNER_STYLE)
        self.headline = QLabel()
        self.headline.setObjectName("officeBannerText")
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.detail = QLabel()
        self.detail.setObjectName("officeBannerDetail")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.detail)
        self.hide()

    def show_state(self, state: OfficeState | None) -> None:
        if state is None or state.reachable:
            self.hide()
            return
        self.headline.setText(state.headline)
        self.detail.setText(state.detail)
        self.show()


__all__ = ["OfficeBanner", "OfficeSender"]
