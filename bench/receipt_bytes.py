#!/usr/bin/env python3
"""Receipt bytes: building one receipt's ESC/POS job, beside a raw baseline, in the same run.

    .venv/bin/python bench/receipt_bytes.py [--runs 5000] [--profile TM-T88V]

- receipt bytes: `render_escpos()` of a counter receipt (two accounts, a permit, cash,
  check and card, barcode, cut) through python-escpos's Dummy printer;
- raw baseline: the same lines (`render_text()` computed once, outside the timing) joined
  with hand-written ESC/POS command bytes by plain bytes concatenation.

The target (issue 4) is 2 ms a receipt. Prints a markdown table; exits 1 if p95 misses it.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from collections.abc import Callable

from cashdesk.devices.receipt import (
    AccountLine,
    Letterhead,
    MiscLine,
    ReceiptDoc,
    TenderKind,
    TenderLine,
    render_escpos,
    render_text,
)
from cashdesk.domain.money import Money

TARGET_MS = 2.0


def counter_receipt() -> ReceiptDoc:
    return ReceiptDoc(
        letterhead=Letterhead(
            "City of Aurora", "Finance Department", ("15151 E Alameda Pkwy", "Aurora, CO 80012"), "(303) 739-7000"
        ),
        receipt_number="W01-2026-000123",
        local_time="2026-11-26 10:42",
        station="W01",
        cashier="jdoe",
        payer="Mary Smith",
        accounts=(
            AccountLine("0001234567", "SMITH, JOHN & MARY", Money(12550), Money(0)),
            AccountLine("0009876543", "ACME WIDGETS LLC", Money(5000), Money(-2000)),
        ),
        misc=(MiscLine("4410", "Building permit", Money(7500), memo="Deck at 123 Main St"),),
        tenders=(
            TenderLine(TenderKind.CASH, Money(20000)),
            TenderLine(TenderKind.CHECK, Money(5000), number="1042"),
            TenderLine(TenderKind.CARD, Money(1000), card_brand="VISA", card_last4="1234", auth_code="A1B2C3"),
        ),
        total=Money(25050),
        cash_tendered=Money(20000),
        change=Money(950),
        footer=("Thank you. Keep this receipt for your records.",),
    )


def raw_baseline(lines: list[str]) -> Callable[[], bytes]:
    head, body = lines[:8], lines[8:]

    def build() -> bytes:
        out = b"\x1b@\x1bt\x00\x1ba\x01\x1bE\x01"
        for line in head:
            out += line.strip().encode("cp437", "replace") + b"\n"
        out += b"\x1bE\x00\x1ba\x00"
        for line in body:
            out += line.encode("cp437", "replace") + b"\n"
        out += b"\x1dh@\x1dw\x02\x1dH\x02\x1dkI\x11{BW01-2026-000123"
        out += b"\x1bd\x06\x1dV\x01"
        return out

    return build


def timings(build: Callable[[], bytes], runs: int) -> list[float]:
    build()
    out = []
    for _ in range(runs):
        started = time.perf_counter_ns()
        build()
        out.append((time.perf_counter_ns() - started) / 1e6)
    return out


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5000)
    parser.add_argument("--profile", default="TM-T88V")
    args = parser.parse_args(argv)

    doc = counter_receipt()
    started = time.perf_counter()
    first = render_escpos(doc, profile=args.profile)
    first_ms = (time.perf_counter() - started) * 1000
    lines = render_text(doc).splitlines()
    ours = timings(lambda: render_escpos(doc, profile=args.profile), args.runs)
    raw = timings(raw_baseline(lines), args.runs)

    print(
        f"receipt bytes, profile {args.profile}, {len(first)} bytes, {args.runs} runs, "
        f"Python {platform.python_version()} on {platform.machine()}"
    )
    print()
    print("| what | p50 ms | p95 ms | ratio (p50) |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| render_escpos() | {p(ours, 50):.3f} | {p(ours, 95):.3f} | {p(ours, 50) / p(raw, 50):.0f}x |")
    print(f"| raw bytes concatenation (same lines) | {p(raw, 50):.3f} | {p(raw, 95):.3f} | 1x |")
    print(f"| first receipt in a process (loads python-escpos) | {first_ms:.1f} | | |")
    print()
    ok = p(ours, 95) <= TARGET_MS
    print(f"target: p95 <= {TARGET_MS} ms: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
