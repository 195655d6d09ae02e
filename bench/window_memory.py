"""The window's memory at city scale: a cashier's first minutes, in one process, for its peak RSS.

    .venv/bin/python bench/window_memory.py --db CITY --user U --password P [--queries Q ...]

Starts the window as `cashdesk` does (ui/app.py: settings, logs, the database opened, the
main window shown, the database check started behind it), offscreen; signs in by keyboard,
types each search and presses Enter, goes down into the results (the account pane shows the
first one: open items, flags, history) and takes it with Enter, then waits for the
background database check. The cashier must exist and have an open drawer.

At the end it prints `peak-rss-kib N`, the process's peak resident set (VmHWM in
/proc/self/status: of this program only, not of the process that started it), and exits 0.
Run with `--bare` it shows a bare PySide6 window instead (the baseline): a QMainWindow with a
QLineEdit, shown and focused.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ("Smith", "Colfax Ave", "437 13th", "Garcia M", "00012")


def peak_rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux; includes the parent's before exec


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    field = QLineEdit()
    window.setCentralWidget(field)
    window.show()
    field.setFocus()
    deadline = time.perf_counter() + 0.5
    while time.perf_counter() < deadline:
        app.processEvents()
    print("done", flush=True)
    print(f"peak-rss-kib {peak_rss_kib()}", flush=True)
    return 0


def cashier_session(db: Path, user: str, password: str, queries: tuple[str, ...]) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from cashdesk.logs import setup_logging

    setup_logging()
    from cashdesk.services.context import ServiceContext
    from cashdesk.ui.main_window import MainWindow

    ctx = ServiceContext.open(db, quick_check=False)
    window = MainWindow(ctx)
    window.show()
    window.activateWindow()
    window.start_database_check()
    checked: list[object] = []
    window.database_checked.connect(checked.append)

    def wait(condition, what: str, seconds: float = 30.0) -> None:  # type: ignore[no-untyped-def]
        deadline = time.perf_counter() + seconds
        while not condition():
            if time.perf_counter() > deadline:
                sys.exit(f"the window did not get there: {what}")
            app.processEvents()

    def focus():  # type: ignore[no-untyped-def]
        widget = QApplication.focusWidget()
        if widget is None:
            sys.exit("nothing has the keyboard")
        return widget

    wait(lambda: QApplication.focusWidget() is window.sign_in_screen.form.user_field, "the sign-in screen")
    QTest.keyClicks(focus(), user)
    QTest.keyClick(focus(), Qt.Key.Key_Return)
    QTest.keyClicks(focus(), password)
    QTest.keyClick(focus(), Qt.Key.Key_Return)
    wait(lambda: window.ready_for_next, "signed in, the counter ready")
    inquiry = window.inquiry
    found = 0
    for query in queries:
        inquiry.focus_search()
        QTest.keyClicks(focus(), query)
        QTest.keyClick(focus(), Qt.Key.Key_Return)
        app.processEvents()
        found += inquiry.results_model.rowCount()
    if not found:
        sys.exit("no search found anything: " + inquiry.message_label.text())
    inquiry.focus_search()
    QTest.keyClicks(focus(), queries[0])
    QTest.keyClick(focus(), Qt.Key.Key_Return)
    QTest.keyClick(focus(), Qt.Key.Key_Down)  # the first result's account shows
    app.processEvents()
    QTest.keyClick(focus(), Qt.Key.Key_Return)  # and is taken
    for _ in range(50):
        app.processEvents()
    wait(lambda: bool(checked), "the database check", 600)
    print(f"done: {found} results over {len(queries)} searches", flush=True)
    window.close()
    window.deleteLater()
    ctx.close()
    print(f"peak-rss-kib {peak_rss_kib()}", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bare", action="store_true", help="a bare PySide6 window (the baseline)")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--queries", nargs="*", default=list(QUERIES))
    args = parser.parse_args(argv)
    if args.bare:
        return bare()
    sys.path.insert(0, str(ROOT / "src"))
    if not (args.db and args.user and args.password):
        parser.error("--db, --user and --password are needed")
    return cashier_session(args.db, args.user, args.password, tuple(args.queries))


if __name__ == "__main__":
    sys.exit(main())
