"""`cashdesk --self-test`: does this installation work? Offscreen, in a temporary folder, nothing kept.

The money part is services/self_test.py (a demo city, a payment printed to PDF, the drawer balanced,
the deposit exported and its files checked, the audit trail verified); this adds the window: it
starts on the same database, the sign-in screen takes the keyboard, and the icon loads. Exit status
0 when all of it passed, 1 with the step that failed in words. IT runs it after an install or an
upgrade (packaging/README.md); CI runs it in the bundle (tests/packaging).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def self_test_command() -> int:
    # Before anything imports Qt: no display is needed, and none is touched.
    if not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from cashdesk.services.self_test import SelfTestFailed, run_self_test  # deferred: start-up time

    started = time.perf_counter()
    say = _say
    with tempfile.TemporaryDirectory(prefix="cashdesk-self-test-") as folder:
        try:
            run_self_test(Path(folder), say, window=_window)
        except SelfTestFailed as exc:
            print(f"cashdesk self-test FAILED at {exc}", file=sys.stderr, flush=True)
            return 1
    say(f"cashdesk self-test passed in {time.perf_counter() - started:.1f} s")
    return 0


def _say(text: str) -> None:
    print(text, flush=True)


def _window(db: Path) -> str:
    """The window on the self-test's database: up, with the keyboard on the sign-in user id, and its icon."""
    from PySide6.QtWidgets import QApplication

    from cashdesk.services.self_test import SelfTestFailed
    from cashdesk.ui.app import run

    status = run(db=db, quit_after_ms=0)
    if status != 0:
        raise SelfTestFailed(f"window: it did not start (status {status}; the lines above say why)")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    sizes = app.windowIcon().availableSizes()
    if not sizes:
        raise SelfTestFailed("window: the application icon did not load (resources/icons)")
    screens = _screens_load()
    return (f"the sign-in screen took the keyboard on Qt's {app.platformName()} platform; the icon in {len(sizes)} "
            f"sizes; the code of all {screens} screens loads")  # fmt: skip


def _screens_load() -> int:
    """Import every module of the window (most load only when their screen opens): a Qt part the
    bundle left out (the reports' charts need QtSvgWidgets) shows here, not at a supervisor's key."""
    import importlib
    import pkgutil

    import cashdesk.ui
    from cashdesk.services.self_test import SelfTestFailed

    names = [found.name for found in pkgutil.iter_modules(cashdesk.ui.__path__, "cashdesk.ui.")]
    if len(names) < 10:
        raise SelfTestFailed(f"window: only {len(names)} modules of the window were found (cashdesk/ui)")
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError as exc:
            raise SelfTestFailed(f"window: {name} does not load ({exc})") from None
    return len(names)


__all__ = ["self_test_command"]
