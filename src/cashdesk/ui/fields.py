"""Field helpers for the counter: a line field set up the same way everywhere, Enter moves on to
the next field, a yes/no question asked from the keyboard, and the guard that never lets a card
number stay in a field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QMessageBox, QWidget

from cashdesk.domain.cards import field_holds_card_number
from cashdesk.ui.i18n import QT_TRANSLATE_NOOP, translate

CARD_NUMBER_REFUSED = QT_TRANSLATE_NOOP(
    "fields", "Never type a card number. Take only the brand, the last four digits and the approval code."
)
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

F = TypeVar("F", bound=QLineEdit)


def line_field(field: F, name: str, max_length: int, *, text: str = "", placeholder: str = "",
               align_right: bool = False) -> F:  # fmt: skip
    """`field` named `name` (tests and style sheets find it by it), holding at most `max_length`
    characters, with its first `text` and the `placeholder` it shows while empty."""
    field.setObjectName(name)
    field.setMaxLength(max_length)
    if text:
        field.setText(text)
    if placeholder:
        field.setPlaceholderText(placeholder)
    if align_right:  # amounts and counts line up on the right
        field.setAlignment(Qt.AlignmentFlag.AlignRight)
    return field


def is_plain_enter(event: QKeyEvent) -> bool:
    return event.key() in _ENTER_KEYS and not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)


def focus_and_select(widget: QWidget) -> None:
    """The cursor into `widget`, its text selected so typing replaces it."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
        widget.selectAll()


class EnterChain(QObject):
    """Enter in one field moves to the next shown one; Enter in the last calls `finish`.

    The Enter key is kept from the field's parents, so nothing else acts on it too.
    """

    def __init__(self, fields: Sequence[QWidget], finish: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fields = list(fields)
        self._finish = finish
        self._steps: dict[QWidget, Callable[[], bool]] = {}
        for field in self._fields:
            field.installEventFilter(self)

    def on_enter(self, field: QWidget, step: Callable[[], bool]) -> None:
        """Run `step` first when Enter is pressed in `field`; it returns True when it handled the key."""
        self._steps[field] = step

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or watched not in self._fields:
            return False
        assert isinstance(event, QKeyEvent)
        if not is_plain_enter(event):
            return False
        if isinstance(watched, QComboBox) and watched.view().isVisible():
            return False  # the open list takes the Enter: it chooses the entry
        step = self._steps.get(watched)
        if step is not None and step():
            return True
        shown = [f for f in self._fields if f.isVisible() and f.isEnabled()]
        assert isinstance(watched, QWidget)
        if watched in shown and watched is not shown[-1]:
            focus_and_select(shown[shown.index(watched) + 1])
        else:
            self._finish()
        return True


class CardNumberGuard(QObject):
    """Watches fields; a full card number (domain/cards.py: issuer prefix, length and Luhn) is
    wiped at once. The account on a check's MICR line, read into a field, is never taken for one.

    The check runs a moment after the typing stops, so that a scanner typing a 30-digit bill
    stub is not cut off half-way, and again whenever `check_now` is called (before Enter acts).
    The field is emptied with `setText`, which also forgets its undo history.
    """

    #: A card number was wiped from this field.
    refused = Signal(object)

    def __init__(self, parent: QObject | None = None, *, delay_ms: int = 200) -> None:
        super().__init__(parent)
        self._fields: list[QLineEdit] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.check_now)

    def watch(self, *fields: QLineEdit) -> None:
        for field in fields:
            if field not in self._fields:
                self._fields.append(field)
                field.textChanged.connect(self._changed)

    def _changed(self, _text: str) -> None:
        self._timer.start()

    def check_now(self) -> bool:
        """Wipe every watched field holding a card number; True when one did."""
        self._timer.stop()
        found = False
        for field in self._fields:
            if field_holds_card_number(field.text()):
                field.setText("")
                found = True
                self.refused.emit(field)
        return found


def ask(
    parent: QWidget,
    title: str,
    text: str,
    answered: Callable[[bool], None],
    *,
    default_yes: bool = False,
    name: str = "question",
    informative: str = "",
) -> QMessageBox:
    """A Yes/No question over the window; Y or N, Enter for the default, Esc for No.

    It does not block: `answered(yes)` is called once the question is closed (also when the
    station locks over it: that counts as No).
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    yes = box.addButton(QMessageBox.StandardButton.Yes)
    no = box.addButton(QMessageBox.StandardButton.No)
    yes.setText(translate("fields", "&Yes"))
    no.setText(translate("fields", "&No"))
    if informative:
        box.setInformativeText(informative)
    box.setDefaultButton(yes if default_yes else no)
    box.setEscapeButton(no)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(_result: int) -> None:
        answered(box.clickedButton() is yes)

    box.finished.connect(finished)
    box.open()
    return box


__all__ = [
    "CARD_NUMBER_REFUSED", "CardNumberGuard", "EnterChain", "ask", "focus_and_select", "is_plain_enter", "line_field",
]  # fmt: skip
