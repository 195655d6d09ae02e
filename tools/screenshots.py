"""Pictures of the counter for docs/: the window offscreen on a 1024×768 and a 1280×800 screen.

    .venv/bin/python tools/screenshots.py [--out docs] [--language es]

Writes counter-1024x768.png and counter-1280x800.png (with --language es, the window in Spanish:
counter-es-1024x768.png and counter-es-1280x800.png; docs/translations.md). The demo city (a few thousand accounts, the
same every run) is built in a temporary folder; cashier1 signs in by keyboard with a drawer open,
searches "main st", opens the first account found for payment, puts it on the receipt and
presses F5: the results, the account with its open items, the receipt, the cash proposed and the
status bar are all in the picture. The window is sized as it would open on that screen
(ui/window_size.py) and grabbed from its own pixels, at the platform's default font.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = ((1024, 768), (1280, 800))
#: 1 p.m. in Aurelia on the day the pictures pretend it is: the same pictures every run.
NOW = dt.datetime(2026, 3, 16, 19, 0, tzinfo=dt.UTC)
ACCOUNTS = 4000
QUERY = "main st"


def screens_config(folder: Path) -> Path:
    """The offscreen platform's screens, side by side: one of each size."""
    screens, x = [], 0
    for width, height in SIZES:
        screens.append({"name": f"Screen{width}x{height}", "x": x, "y": 0, "width": width, "height": height,
                        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1})  # fmt: skip
        x += width
    path = folder / "screens.json"
    path.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    return path


def wait(condition: object, what: str, rounds: int = 1000) -> None:
    """Let the window's events run until `condition()` holds (counted in waits: no clock is read)."""
    from PySide6.QtTest import QTest

    for _ in range(rounds):
        if condition():  # type: ignore[operator]
            return
        QTest.qWait(10)
    raise SystemExit(f"screenshots: still waiting for {what}")


def picture(ctx: object, screen: object, out: Path) -> None:
    """The counter on `screen`, as cashier1 would have it mid-payment, saved to `out`."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from cashdesk.services.demo import DEMO_PASSWORD
    from cashdesk.ui.main_window import MainWindow, Mode
    from cashdesk.ui.window_size import fit_to_screen

    window = MainWindow(ctx)  # type: ignore[arg-type]
    fit_to_screen(window, screen)  # type: ignore[arg-type]
    window.show()
    window.activateWindow()
    wait(lambda: QApplication.focusWidget() is window.sign_in_screen.form.user_field, "the sign-in screen")

    def keys(text: str = "", *press: Qt.Key) -> None:
        if text:
            QTest.keyClicks(QApplication.focusWidget(), text)
        for key in press:
            QTest.keyClick(QApplication.focusWidget(), key)
            QTest.qWait(20)

    keys("cashier1", Qt.Key.Key_Return)
    keys(DEMO_PASSWORD, Qt.Key.Key_Return)
    wait(lambda: window.mode is Mode.WORKING and QApplication.focusWidget() is window.inquiry.search_field,
         "the counter")  # fmt: skip
    keys(QUERY, Qt.Key.Key_Return, Qt.Key.Key_Down)
    pane = window.inquiry.pane
    for _ in range(window.inquiry.results_model.rowCount()):  # the first account found that owes on two bills
        detail = pane.detail
        if detail is not None and len(detail.items) >= 2 and detail.account.status.value == "active":
            break
        keys("", Qt.Key.Key_Down)
    keys("", Qt.Key.Key_Return, Qt.Key.Key_Return, Qt.Key.Key_F5)
    wait(lambda: window.counter.tender_entry.isVisible(), "the cash proposed")
    QTest.qWait(50)
    # 256 colours without dithering: the window has few, and the PNG is a fifth of the size.
    flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
    window.grab().toImage().convertToFormat(QImage.Format.Format_Indexed8, flags).save(str(out))
    window.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="the folder for the PNGs (docs/)")
    parser.add_argument("--language", choices=("en", "es"), default="en", help="the window's language (ui.language)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cashdesk-screens-") as tmp:
        folder = Path(tmp)
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screens_config(folder)}"
        os.environ["CASHDESK_CONFIG"] = str(folder / "none.toml")  # the defaults, not this machine's settings
        from PySide6.QtWidgets import QApplication

        from cashdesk.config import Settings
        from cashdesk.domain.cash import CashCount
        from cashdesk.domain.security import Role
        from cashdesk.services.context import Operator, ServiceContext
        from cashdesk.services.demo import generate_demo_city
        from cashdesk.services.drawers import open_drawer
        from cashdesk.store.db import Database
        from cashdesk.ui.i18n import install_language

        app = QApplication([])
        if not install_language(args.language):
            raise SystemExit(f"screenshots: no translation into {args.language}")
        suffix = "" if args.language == "en" else f"-{args.language}"
        db = folder / "demo.sqlite3"
        generate_demo_city(db, accounts=ACCOUNTS, seed=1, as_of=NOW.date(), workers=0)
        ctx = ServiceContext(Database.open(db, quick_check=False), Settings(), clock=lambda: NOW)
        try:
            open_drawer(ctx, Operator("cashier1", Role.CASHIER), CashCount({"B20": 5, "B10": 3, "B5": 4, "C25": 40}))
            for screen, (width, height) in zip(app.screens(), SIZES, strict=True):
                out = args.out / f"counter{suffix}-{width}x{height}.png"
                picture(ctx, screen, out)
                print(f"screenshots: {out}")
        finally:
            ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
