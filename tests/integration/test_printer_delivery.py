"""Delivering receipts and drawer kicks to a real TCP printer emulator, in every way a printer misbehaves.

Whatever the printer does, `deliver` comes back within the short timeouts, says why a job
was not delivered, and a job retried after the printer recovers prints exactly once.
"""

from __future__ import annotations

import time

import pytest

from cashdesk.devices.delivery import DeliveryResult, deliver
from cashdesk.devices.drawer import drawer_kick
from cashdesk.devices.printers import PrinterConnectionLost, PrinterNotAnswering, Timeouts
from cashdesk.devices.receipt import ReceiptDoc, render_escpos, render_text, sample_receipt
from cashdesk.devices.spec import open_printer
from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401

PROFILE = "TM-T88V"
QUICK = 3.0  # seconds: every call must come back well within this


def receipt(number: int = 123) -> ReceiptDoc:
    from dataclasses import replace

    return replace(sample_receipt(), receipt_number=f"W01-2026-{number:06d}", title="RECEIPT")


def timed_deliver(job: bytes, emulator: PrinterEmulator) -> DeliveryResult:
    printer = open_printer(emulator.spec, PROFILE)
    started = time.monotonic()
    result = deliver(job, printer)
    assert time.monotonic() - started < QUICK
    return result


def lines(text: str) -> list[str]:
    return text.strip("\n").splitlines()


def test_a_receipt_and_a_drawer_kick_in_normal_mode(printer_emulator: PrinterEmulator) -> None:
    doc = receipt()
    assert timed_deliver(render_escpos(doc, profile=PROFILE), printer_emulator).delivered
    assert timed_deliver(drawer_kick(), printer_emulator).delivered
    receipts = printer_emulator.receipts_text()
    assert len(receipts) == 1
    assert lines(receipts[0]) == lines(render_text(doc))
    assert "W01-2026-000123" in receipts[0] and "RECEIPT" in receipts[0]
    assert printer_emulator.drawer_kicks() == 1
    assert printer_emulator.printout().barcodes == ["W01-2026-000123"]


def test_status_in_every_mode(printer_emulator: PrinterEmulator) -> None:
    printer = open_printer(printer_emulator.spec, PROFILE)
    expected = {
        "normal": "Online",
        "paper_low": "Paper low",
        "paper_out": "Out of paper",
        "cover_open": "Cover open",
        "offline": "Offline",
        "hang": "Not answering",
        "close_mid_receipt": "Online",
    }
    for mode, label in expected.items():
        printer_emulator.set_mode(mode)
        started = time.monotonic()
        status = printer.status()
        assert time.monotonic() - started < QUICK
        assert status.label == label, mode
    printer_emulator.set_mode("normal")
    printer_emulator.drawer_open = True
    assert printer.status().drawer_open


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        ("offline", "refused the connection"),
        ("hang", "did not answer"),
        ("close_mid_receipt", "closed the connection"),
        ("paper_out", "Out of paper"),
        ("cover_open", "Cover open"),
    ],
)
def test_a_faulty_printer_gets_the_job_once_it_recovers(
    printer_emulator: PrinterEmulator, mode: str, reason: str
) -> None:
    doc = receipt(7)
    job = render_escpos(doc, profile=PROFILE)
    printer_emulator.set_mode(mode, close_after=200)

    result = timed_deliver(job, printer_emulator)
    assert not result.delivered
    assert reason in result.reason
    assert printer_emulator.receipts_text() == []  # nothing reached its cut

    printer_emulator.set_mode("normal")
    assert timed_deliver(job, printer_emulator).delivered
    receipts = printer_emulator.receipts_text()
    assert len(receipts) == 1
    assert lines(receipts[0]) == lines(render_text(doc))


def test_paper_low_still_prints_and_says_so(printer_emulator: PrinterEmulator) -> None:
    printer_emulator.set_mode("paper_low")
    result = timed_deliver(render_escpos(receipt(), profile=PROFILE), printer_emulator)
    assert result.delivered
    assert result.status is not None and result.status.label == "Paper low"
    assert len(printer_emulator.receipts_text()) == 1


def test_a_receipt_cut_off_mid_way_is_not_delivered(printer_emulator: PrinterEmulator) -> None:
    """The printer took the first bytes and closed: part of a receipt came out, no cut."""
    job = render_escpos(receipt(), profile=PROFILE)
    printer_emulator.set_mode("close_mid_receipt", close_after=300)
    printer = open_printer(printer_emulator.spec, PROFILE)
    with pytest.raises(PrinterConnectionLost):
        printer.send(job)
    out = printer_emulator.printout()
    assert out.receipts == []
    assert "RECEIPT" in out.pending  # the head of it printed


def test_a_printer_that_takes_data_but_never_answers(printer_emulator: PrinterEmulator) -> None:
    printer_emulator.set_mode("hang")
    printer = open_printer(printer_emulator.spec, PROFILE, Timeouts(connect=2.0, write=2.0, read=0.3))
    started = time.monotonic()
    with pytest.raises(PrinterNotAnswering):
        printer.send(render_escpos(receipt(), profile=PROFILE))
    assert time.monotonic() - started < 1.5


def test_drawer_kicks_and_a_printer_out_of_paper(printer_emulator: PrinterEmulator) -> None:
    """ESC p would wait in the buffer and pop the drawer later: not sent. DLE DC4 goes at once."""
    printer_emulator.set_mode("paper_out")
    assert not timed_deliver(render_escpos(receipt(), profile=PROFILE), printer_emulator).delivered
    assert not timed_deliver(drawer_kick(), printer_emulator).delivered
    assert timed_deliver(drawer_kick(realtime=True), printer_emulator).delivered
    assert printer_emulator.drawer_kicks() == 1
    assert printer_emulator.receipts_text() == []


def test_a_queue_of_jobs_survives_an_outage(printer_emulator: PrinterEmulator) -> None:
    """What the print-queue worker will do: keep jobs until delivered, in order, each once."""
    docs = [receipt(n) for n in (1, 2, 3)]
    queue = [render_escpos(doc, profile=PROFILE) for doc in docs]
    queue.insert(1, drawer_kick())
    printer = open_printer(printer_emulator.spec, PROFILE)

    def run_queue(at_most: int = 99) -> None:
        while queue and at_most:
            if not deliver(queue[0], printer).delivered:
                return
            queue.pop(0)
            at_most -= 1

    run_queue(at_most=2)  # the first receipt and the kick go out
    for mode in ("offline", "hang", "paper_out", "close_mid_receipt"):
        printer_emulator.set_mode(mode)
        run_queue()
        assert len(queue) == 2, mode
    printer_emulator.set_mode("normal")
    run_queue()
    assert queue == []
    receipts = printer_emulator.receipts_text()
    assert [lines(text) for text in receipts] == [lines(render_text(doc)) for doc in docs]
    assert printer_emulator.drawer_kicks() == 1


def test_a_printer_that_does_not_answer_status_can_still_print(printer_emulator: PrinterEmulator) -> None:
    printer = open_printer(printer_emulator.spec, PROFILE, confirm=False)
    assert deliver(render_escpos(receipt(), profile=PROFILE), printer).delivered
    assert printer.status().label == "Online"


def test_a_printer_name_that_does_not_resolve_is_offline_quickly() -> None:
    printer = open_printer("network:no-such-printer.invalid", PROFILE, Timeouts(connect=1.0, write=1.0, read=0.3))
    started = time.monotonic()
    result = deliver(render_escpos(receipt(), profile=PROFILE), printer)
    assert time.monotonic() - started < QUICK
    assert result.failed and "cannot find the printer's address" in result.reason
    assert result.status is not None and result.status.label == "Offline"


@pytest.mark.parametrize("mode", ["normal", "paper_out", "offline"])
def test_before_send_runs_only_when_the_job_will_go_out_and_before_any_byte(
    printer_emulator: PrinterEmulator,
    mode: str,  # noqa: F811
) -> None:
    """The queue marks a job "printing" here: never for a job the printer is not ready for, and
    always before the printer has seen a byte of it (docs/printers.md)."""
    printer_emulator.set_mode(mode)
    printer = open_printer(printer_emulator.spec, "TM-T88V")
    seen: list[bytes] = []
    result = deliver(render_escpos(receipt(7), profile="TM-T88V"), printer,
                     before_send=lambda: seen.append(printer_emulator.received()))  # fmt: skip
    assert result.delivered is (mode == "normal")
    assert len(seen) == (1 if mode == "normal" else 0)
    assert all(b"W01-2026-000007" not in before for before in seen)
    assert sum("W01-2026-000007" in r for r in printer_emulator.receipts_text()) == (1 if mode == "normal" else 0)


def test_a_before_send_that_fails_sends_nothing(printer_emulator: PrinterEmulator) -> None:  # noqa: F811
    def database_gone() -> None:
        raise RuntimeError("the job could not be marked")

    with pytest.raises(RuntimeError):
        deliver(render_escpos(receipt(8), profile="TM-T88V"), open_printer(printer_emulator.spec, "TM-T88V"),
                before_send=database_gone)  # fmt: skip
    assert b"W01-2026-000008" not in printer_emulator.received()


def test_a_job_that_went_out_whole_without_an_answer_after_it_is_uncertain(printer_emulator: PrinterEmulator) -> None:
    """Neither delivered (the printer never said so) nor a plain failure to retry (it is on paper)."""
    printer_emulator.set_mode("answer_lost")
    result = timed_deliver(render_escpos(receipt(3), profile=PROFILE), printer_emulator)
    assert (result.delivered, result.uncertain) == (False, True)
    assert "did not confirm" in result.reason
    assert len(printer_emulator.receipts_text()) == 1
