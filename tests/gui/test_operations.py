"""The operation runner: what a window shows when a service call works, is refused, or fails."""

from __future__ import annotations

import logging
import threading
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel

from cashdesk.services.context import ServiceError
from cashdesk.ui.operations import Operation, running, wait_for_operations


class Shown:
    """What a window would show: a result, or a sentence for the person at the window."""

    def __init__(self) -> None:
        self.results: list[Any] = []
        self.said: list[str] = []
        self.threads: list[threading.Thread] = []

    def result(self, value: Any) -> None:
        self.threads.append(threading.current_thread())
        self.results.append(value)

    def say(self, text: str) -> None:
        self.threads.append(threading.current_thread())
        self.said.append(text)


@pytest.fixture
def label(qtbot: Any) -> QLabel:
    widget = QLabel()
    qtbot.addWidget(widget)
    return widget


def test_run_now_delivers_the_result_before_it_returns(label: QLabel) -> None:
    shown = Shown()
    returned = Operation(label, lambda: 42).success(shown.result).failure(shown.say).run_now()
    assert returned == 42 and shown.results == [42] and shown.said == []


def test_a_refusal_is_said_in_the_services_words(label: QLabel, caplog: pytest.LogCaptureFixture) -> None:
    def refuse() -> None:
        raise ServiceError("No drawer is open. Count your float first.")

    shown = Shown()
    Operation(label, refuse, failed="The drawer could not be read ({exc}).").success(shown.result).failure(
        shown.say
    ).run_now()
    assert shown.said == ["No drawer is open. Count your float first."] and shown.results == []
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]  # a refusal is not an error


def test_a_failure_is_logged_and_said_as_a_plain_sentence(label: QLabel, caplog: pytest.LogCaptureFixture) -> None:
    def fail() -> None:
        raise OSError("disk full")

    shown = Shown()
    Operation(label, fail, failed="The PDF could not be saved ({exc}). Call your supervisor.",
              log_as="saving the PDF failed").failure(shown.say).run_now()  # fmt: skip
    assert shown.said == ["The PDF could not be saved (disk full). Call your supervisor."]
    assert "Traceback" not in shown.said[0]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [r.getMessage() for r in errors] == ["saving the PDF failed"] and errors[0].exc_info is not None


def test_a_window_may_show_a_refusal_apart_from_a_failure(label: QLabel) -> None:
    def refuse() -> None:
        raise ServiceError("Only a supervisor may do that.")

    refused, failed = Shown(), Shown()
    Operation(label, refuse).refused(refused.say).failure(failed.say).run_now()
    assert refused.said == ["Only a supervisor may do that."] and failed.said == []


def test_background_work_runs_off_the_gui_thread_and_reports_on_it(qtbot: Any, label: QLabel) -> None:
    worked_on: list[threading.Thread] = []

    def work() -> str:
        worked_on.append(threading.current_thread())
        return "done"

    shown = Shown()
    Operation(label, work).success(shown.result).failure(shown.say).run_in_background()
    qtbot.waitUntil(lambda: shown.results == ["done"], timeout=5000)
    assert worked_on[0] is not threading.main_thread()
    assert shown.threads == [threading.main_thread()]
    assert running() == 0


def test_a_background_failure_reaches_the_window_as_a_sentence(qtbot: Any, label: QLabel) -> None:
    def fail() -> None:
        raise RuntimeError("database is locked")

    shown = Shown()
    Operation(label, fail, failed="The list could not be read ({exc}).").success(shown.result).failure(
        shown.say
    ).run_in_background()
    qtbot.waitUntil(lambda: bool(shown.said), timeout=5000)
    assert shown.said == ["The list could not be read (database is locked)."] and shown.results == []
    assert shown.threads == [threading.main_thread()]


def test_a_window_closed_before_the_result_gets_nothing(qtbot: Any) -> None:
    label = QLabel()
    release = threading.Event()
    shown = Shown()
    Operation(label, lambda: release.wait(5)).success(shown.result).run_in_background()
    label.deleteLater()
    qtbot.waitUntil(lambda: not _alive(label), timeout=2000)
    release.set()
    assert wait_for_operations(5000)
    qtbot.waitUntil(lambda: running() == 0, timeout=2000)
    assert shown.results == []


def _alive(widget: QLabel) -> bool:
    return shiboken6.isValid(widget)


def test_a_window_answers_some_refusals_itself(label: QLabel, caplog: pytest.LogCaptureFixture) -> None:
    class NeedsAnswerError(ServiceError):
        """Like the excess at posting: the window asks a question instead of saying a refusal."""

    def refuse() -> None:
        raise NeedsAnswerError("Keep $5.00 as a credit?")

    asked: list[str] = []
    shown = Shown()
    operation = Operation(label, refuse).handle(NeedsAnswerError, lambda exc: asked.append(str(exc))).failure(shown.say)
    assert operation.run_now() is None and operation.failed
    assert asked == ["Keep $5.00 as a credit?"] and shown.said == []
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_a_refusal_no_window_shows_is_logged(label: QLabel, caplog: pytest.LogCaptureFixture) -> None:
    def refuse() -> None:
        raise ServiceError("The audit event could not be written.")

    with caplog.at_level(logging.WARNING):
        Operation(label, refuse, log_as="recording the lock failed").run_now()
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == [
        "recording the lock failed: The audit event could not be written."
    ]
