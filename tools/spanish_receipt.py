"""A Spanish receipt for docs/: the paper a Spanish-speaking customer takes home, as text and as a picture.

    .venv/bin/python tools/spanish_receipt.py [--out docs]

Writes receipt-es.txt (the receipt's 42 columns, as `devices.receipt.render_text` lays them out for the
printer) and receipt-es.png (the same lines drawn in a monospaced font, offscreen). The receipt is the
one `devices.receipt` builds for any payment: a utility account with a shut-off cancelled by the payment,
a sales tax account's period, cash with change and a check, in Spanish (docs/printers.md). The same
picture every run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cashdesk.devices.receipt import (  # noqa: E402
    AccountLine,
    Letterhead,
    PartLine,
    ReceiptDoc,
    TenderLine,
    render_text,
)
from cashdesk.domain.money import Money  # noqa: E402
from cashdesk.domain.printed_text import time_text  # noqa: E402
from cashdesk.domain.tenders import TenderKind  # noqa: E402


def spanish_receipt() -> ReceiptDoc:
    return ReceiptDoc(
        letterhead=Letterhead("City of Aurelia", "Finance Department", ("100 Civic Center Dr, Aurelia, CO 80010",),
                              "(303) 555-0100"),
        receipt_number="W01-2026-000042", local_time=time_text("es", dt.datetime(2026, 11, 26, 10, 42)),
        station="W01", cashier="jcashier", payer="Rosa Díaz",
        accounts=(
            AccountLine("1000000017", "DIAZ, ROSA", Money(9180), Money(0), (),
                        ("Shut-off cancelled (paid): WO-2026-00012",)),
            AccountLine("2000000019", "PANADERIA LA ESTRELLA LLC", Money(25000), Money(2250),
                        (PartLine("2026-09 Sales tax", Money(22500)), PartLine("2026-09 Penalty", Money(2500)))),
        ),
        tenders=(TenderLine(TenderKind.CASH, Money(20000)), TenderLine(TenderKind.CHECK, Money(14180), "1042")),
        total=Money(34180), cash_tendered=Money(20000), change=Money(0),
        footer=("Gracias. Guarde este recibo para sus registros.",), language="es",
    )  # fmt: skip


def picture(text: str, path: Path) -> None:
    """The lines on white, black monospaced text, as narrow as the paper roll."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QImage, QPainter

    _app = QGuiApplication.instance() or QGuiApplication([])  # fonts need one
    font = QFont("DejaVu Sans Mono")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPixelSize(16)
    metrics = QFontMetrics(font)
    lines = text.splitlines()
    width = max(metrics.horizontalAdvance(line) for line in lines) + 40
    image = QImage(width, metrics.lineSpacing() * len(lines) + 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    for n, line in enumerate(lines):
        painter.drawText(20, 20 + metrics.ascent() + n * metrics.lineSpacing(), line)
    painter.end()
    image.save(str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args(argv)
    text = render_text(spanish_receipt())
    (args.out / "receipt-es.txt").write_text(text, "utf-8")
    picture(text, args.out / "receipt-es.png")
    print(f"wrote {args.out / 'receipt-es.txt'} and {args.out / 'receipt-es.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
