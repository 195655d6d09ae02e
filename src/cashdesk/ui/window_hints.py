"""What the main window says about its state: the title, who is signed in (the status bar) and the
line of keys to press above it. docs/keyboard.md has the full map of keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cashdesk.domain.security import Permission
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from cashdesk.ui.sign_in import operator_text

if TYPE_CHECKING:
    from cashdesk.services.context import Operator, ServiceContext

#: At the counter, for someone who takes payments.
KEY_HINTS = QT_TRANSLATE_NOOP(
    "window_hints",
    "F2 Find  ·  Enter Pay / Add  ·  F3 Payer  ·  F4 Misc  ·  F5 Cash  ·  F6 Check  ·  F7 Card  ·  F8 Money order  ·  "
    "F12 Post  ·  Esc Back",
)
#: At the counter, for someone who only looks accounts up.
INQUIRY_HINTS = QT_TRANSLATE_NOOP(
    "window_hints", "F2 Find  ·  Enter Search  ·  ↓ Into the results  ·  ↑ ↓ Another account  ·  Esc Back to search"
)
#: Counting the float to open a drawer.
FLOAT_HINTS = QT_TRANSLATE_NOOP(
    "window_hints",
    "Type how many of each  ·  Enter / Tab Next row  ·  Enter on the button Opens the drawer  ·  Esc Not now",
)
#: After the work's hints, for everyone at work; then the supervisor's keys, for those who may use them.
STATION_HINTS = QT_TRANSLATE_NOOP("window_hints", "Ctrl+L Lock  ·  Ctrl+Shift+Q Sign out  ·  Ctrl+Shift+S PDF copy")
AUDIT_HINT = QT_TRANSLATE_NOOP("window_hints", "Ctrl+Shift+A Audit trail")
RETURNED_CHECK_HINT = QT_TRANSLATE_NOOP("window_hints", "Ctrl+Shift+N Returned check")
#: Nobody signed in.
SIGN_IN_HINTS = QT_TRANSLATE_NOOP("window_hints", "Type your user id, Enter, your password, Enter  ·  Tab Next field")
#: The station locked for someone.
LOCK_HINTS = QT_TRANSLATE_NOOP(
    "window_hints", "Type your password, Enter to unlock  ·  A supervisor's user id and password unlock it too"
)


def window_title(ctx: ServiceContext) -> str:
    return translate("window_hints", "cashdesk — {name} — Station {id}").format(
        name=ctx.settings.city.name, id=ctx.settings.station.id
    )


@dataclass(frozen=True)
class StateText:
    """The window's title, the signed-in label and the key hints for one state."""

    title: str
    user: str
    hints: str


def state_text(ctx: ServiceContext, operator: Operator | None, *, working: bool, counting_float: bool) -> StateText:
    """Nobody signed in, `operator` at work (counting the float or not), or the station locked for them."""
    title = window_title(ctx)
    if operator is not None and working:
        if counting_float:
            work_hints = translate("window_hints", FLOAT_HINTS)
        elif operator.can(Permission.TAKE_PAYMENTS):
            work_hints = translate(
                "window_hints", KEY_HINTS
            )  # Ctrl+P, Ctrl+Shift+V and the rest: the legend under the receipt
        else:
            work_hints = translate("window_hints", INQUIRY_HINTS)
        hints = (f"{work_hints}  ·  {translate('window_hints', STATION_HINTS)}"
                 + (f"  ·  {translate('window_hints', AUDIT_HINT)}" if operator.can(Permission.VIEW_AUDIT) else "")
                 + (f"  ·  {translate('window_hints', RETURNED_CHECK_HINT)}"
                    if operator.can(Permission.APPROVE_OVERRIDES) else ""))  # fmt: skip
        return StateText(
            f"{title} — {operator.user_id} ({operator.role.shown})",
            translate("window_hints", "Signed in: {operator_text}").format(operator_text=operator_text(operator)),
            hints,
        )
    if operator is not None:
        return StateText(
            translate("window_hints", "{title} — locked").format(title=title),
            translate("window_hints", "Locked for {operator_text}").format(operator_text=operator_text(operator)),
            translate("window_hints", LOCK_HINTS),
        )
    return StateText(title, translate("window_hints", "Nobody is signed in"), translate("window_hints", SIGN_IN_HINTS))
