"""The sign-in screen and the lock screen: who is at the station, proved with a password.

Each screen calls its service and says what happened in the cashier's words; the main
window decides what comes next.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cashdesk.ui.credentials import CredentialsForm
from cashdesk.ui.i18n import translate
from cashdesk.ui.labels import explanation, heading_font, named_label
from cashdesk.ui.operations import Operation

if TYPE_CHECKING:
    from cashdesk.services.auth import SignIn
    from cashdesk.services.context import Operator, ServiceContext

log = logging.getLogger(__name__)

T = TypeVar("T")

FIRST_ADMIN_COMMAND = "cashdesk init --admin USER --password-stdin"


def _centred(panel: QWidget) -> QHBoxLayout:
    """A fixed-width panel in the middle of the screen."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(panel)
    row.addStretch(1)
    return row


def operator_text(operator: Operator) -> str:
    return f"{operator.user_id} ({operator.role.shown.lower()})"


class _PasswordScreen(QWidget):
    """A screen whose form's password is checked by a service, off the GUI thread (argon2 takes a
    good part of a second on purpose); the fields stay, read-only, and the window keeps painting."""

    form: CredentialsForm

    @property
    def waiting(self) -> bool:
        """True while a password is being checked."""
        return self.form.checking

    def _check(self, work: Callable[[], T], done: Callable[[T], None], *, failed: str, log_as: str) -> None:
        def checked(result: T) -> None:
            self.form.set_checking(False)
            done(result)

        self.form.set_checking(True)
        Operation(self, work, failed=failed, log_as=log_as).success(checked).failure(self._refused).run_in_background()

    def _refused(self, text: str) -> None:
        self.form.set_checking(False)
        self.form.refuse(text)

    def _centre(self, name: str, parts: Sequence[QWidget], button: QPushButton) -> None:
        """`parts` one under another in a panel named `name`, in the middle of the screen. The
        `button` (one of them) does what Enter in the password does, and takes no focus itself."""
        panel = QFrame()
        panel.setObjectName(name)
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMinimumWidth(460)
        panel.setMaximumWidth(560)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(10)
        for widget in parts:
            layout.addWidget(widget)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(self.form.submit)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(_centred(panel))
        outer.addStretch(2)


class SignInScreen(_PasswordScreen):
    """User id and password; `signed_in(SignIn)` when the service lets them in."""

    signed_in = Signal(object)
    #: After `check_for_users_in_background`: whether anyone can sign in.
    users_checked = Signal(bool)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInScreen")
        self._ctx = ctx
        self._no_users = False
        self._user_check: Operation[bool] | None = None

        city = named_label("signInCity", f"{ctx.settings.city.name} — {ctx.settings.city.department}",
                           font=heading_font(self, 1.2))  # fmt: skip
        station = QLabel(translate("sign_in", "cashdesk · Station {station}").format(station=ctx.station))
        heading = QLabel(translate("sign_in", "Sign in"))
        heading.setFont(heading_font(self, 1.6))
        self.form = CredentialsForm(name="signIn")
        self.sign_in_button = QPushButton(translate("sign_in", "Sign in"))
        self.sign_in_button.setObjectName("signInButton")
        hint = QLabel(
            translate("sign_in", "Enter signs in. Your user id is yours alone: never share it or your password.")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        self._centre("signInPanel", (city, station, heading, self.form, self.sign_in_button, hint), self.sign_in_button)

        self.form.submitted.connect(self._sign_in)
        self.setFocusProxy(self.form.user_field)

    @property
    def user_field(self) -> QWidget:
        return self.form.user_field

    def start(self, message: str = "") -> None:
        """Empty fields, the cursor in the user id, and a word for whoever comes next."""
        self.form.reset()
        if message:
            self.form.show_message(message)
        self.form.user_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def check_for_users_in_background(self) -> None:
        """At start: say so if nobody can sign in yet. Off the GUI thread, so the window shows
        without waiting for the user services to load."""
        if self._user_check is not None:
            return
        ctx = self._ctx

        def count() -> bool:
            from cashdesk.services.users import has_users

            return has_users(ctx)

        # A failure is only logged: the database check at start reports it.
        self._user_check = Operation(self, count, log_as="user check failed").success(self._users_counted)
        self._user_check.run_in_background()

    def _users_counted(self, any_users: object) -> None:
        self._no_users = not any_users
        if self._no_users:
            self._say_there_are_no_users()
        self.users_checked.emit(bool(any_users))

    def check_for_users(self) -> bool:
        """False (and says what to do) when the database has no users at all."""
        from cashdesk.services.users import has_users

        # A database problem is only logged here: the check at start shows it.
        counting = Operation(self, lambda: has_users(self._ctx), log_as="could not count the users")
        any_users = counting.run_now()
        self._no_users = not any_users and not counting.failed
        if self._no_users:
            self._say_there_are_no_users()
        return not self._no_users

    def _say_there_are_no_users(self) -> None:
        where = (
            translate("sign_in", " The database is {path}.").format(path=self._ctx.db.path) if self._ctx.db.path else ""
        )
        self.form.show_message(
            translate(
                "sign_in",
                "Nobody can sign in yet: this database has no users. An administrator creates the first "
                "one at the workstation's command line with  {FIRST_ADMIN_COMMAND}  then signs in "
                "here.{where}",
            ).format(FIRST_ADMIN_COMMAND=FIRST_ADMIN_COMMAND, where=where),
            error=True,
        )

    def _sign_in(self, user_id: str, password: str) -> None:
        from cashdesk.services.auth import sign_in

        if self._no_users and not self.check_for_users():
            self.form.password_field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._check(
            lambda: sign_in(self._ctx, user_id, password),
            self._signed_in,
            failed=translate("sign_in", "Signing in failed ({exc}). Call your supervisor."),
            log_as="sign-in failed",
        )

    def _signed_in(self, result: SignIn) -> None:
        self.form.reset()
        self.signed_in.emit(result)


class LockScreen(_PasswordScreen):
    """Covers the work while the station is locked; `unlocked(Operator)` once a password fits."""

    unlocked = Signal(object)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self._ctx = ctx
        self.locked_for: Operator | None = None
        self.locked_at: dt.datetime | None = None

        self.heading = named_label(
            "lockHeading",
            translate("sign_in", "Station {station} is locked").format(station=ctx.station),
            font=heading_font(self, 1.6),
        )
        self.who_label = named_label("lockedFor", font=heading_font(self, 1.1))
        self.why_label = named_label("lockReason")
        explain = explanation(
            translate(
                "sign_in",
                "Type your password and press Enter to go on where you left off. "
                "A supervisor can unlock it with their own user id and password.",
            )
        )
        self.form = CredentialsForm(name="unlock")
        self.unlock_button = QPushButton(translate("sign_in", "Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        parts = (self.heading, self.who_label, self.why_label, explain, self.form, self.unlock_button)
        self._centre("lockPanel", parts, self.unlock_button)

        self.form.submitted.connect(self._unlock)
        self.setFocusProxy(self.form.password_field)

    def lock_for(self, operator: Operator, *, idle: bool, at: dt.datetime) -> None:
        self.locked_for = operator
        self.locked_at = at
        local = at.astimezone(ZoneInfo(self._ctx.settings.city.time_zone))
        self.who_label.setText(
            translate("sign_in", "Locked for {operator_text}").format(operator_text=operator_text(operator))
        )
        if idle:
            why = translate(
                "sign_in", "It locked itself at {local:%I:%M %p} because nobody had used it for a while."
            ).format(local=local)
        else:
            why = translate("sign_in", "Locked by hand at {local:%I:%M %p}.").format(local=local)
        self.why_label.setText(why)
        self.form.reset(operator.user_id)
        self.form.password_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _unlock(self, user_id: str, password: str) -> None:
        from cashdesk.services.auth import unlock_station

        locked_for = self.locked_for
        if locked_for is None:
            return
        self._check(
            lambda: unlock_station(self._ctx, locked_for, user_id, password),
            self._unlocked,
            failed=translate("sign_in", "Unlocking failed ({exc}). Call your supervisor."),
            log_as="unlocking failed",
        )

    def _unlocked(self, operator: Operator) -> None:
        self.form.reset()
        self.locked_for = None
        self.unlocked.emit(operator)
