"""The customer's language on paper: a Spanish account's receipt (and its reprint) read back from the
printer emulator in Spanish, the counter's choice for one receipt, an English account unchanged, the
language read from the billing file, and the statement and a notice letter in Spanish read back with pypdf."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from cashdesk.config import Settings
from cashdesk.domain.money import Money
from cashdesk.domain.tenders import Tender, TenderKind
from cashdesk.services import delinquency
from cashdesk.services.context import ServiceContext
from cashdesk.services.imports import ImportRefused, import_accounts
from cashdesk.services.payments import AccountPayment, Cart, MiscItem, post_receipt
from cashdesk.services.printing import deliver_queued, reprint_receipt, station_printer
from cashdesk.services.receipt_jobs import stored_doc, unrendered
from cashdesk.services.statement import account_statement, write_statement
from tests.integration import delinquency_city
from tests.integration.test_delinquency import MONDAY, ON, SUPERVISOR
from tests.support.print_station import CASHIER, ctx  # noqa: F401  (the fixture)
from tests.support.printer_emulator import PrinterEmulator, printer_emulator  # noqa: F401

SMITH = "1000000017"  # made Spanish by each test that wants it
GARCIA = "1000000033"


def speak(path: Path, account: str, language: str) -> None:
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE accounts SET language = ? WHERE number = ?", (language, account))
    con.close()


def receipt_language(path: Path, number: str) -> str:
    con = sqlite3.connect(path)
    try:
        (language,) = con.execute("SELECT language FROM receipts WHERE number = ?", (number,)).fetchone()
        return str(language)
    finally:
        con.close()


def printed(ctx: ServiceContext, emulator: PrinterEmulator, number: str) -> list[str]:
    """Deliver what is queued; the receipts the emulator's paper shows for `number`, in order."""
    printer = station_printer(ctx)
    try:
        deliver_queued(ctx, printer)
    finally:
        printer.close()
    return [text for text in emulator.receipts_text() if number in text]


def test_a_spanish_account_gets_a_spanish_receipt_and_a_spanish_reprint(
    ctx: ServiceContext,  # noqa: F811
    small_city: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    speak(small_city, SMITH, "es")
    cart = Cart((AccountPayment(SMITH, Money(3234)),), payer="Rosa Díaz")
    posted = post_receipt(ctx, CASHIER, cart, [Tender(TenderKind.CASH, Money(2000)),
                                                Tender(TenderKind.CHECK, Money(1234), reference="1042")])  # fmt: skip
    assert posted.language == "es" and receipt_language(small_city, posted.number) == "es"
    [text] = printed(ctx, printer_emulator, posted.number)
    for said in ("RECIBO", "Recibo", "Fecha", "26 nov 2026 10:00", "Estación", "Cajero", "Pagado por", "Rosa Díaz",
                 f"Cuenta {SMITH}", "Saldo pendiente", "TOTAL", "$32.34", "Efectivo recibido", "$20.00",
                 "Cheque n.º 1042", "$12.34", "Cambio", "Gracias. Guarde este recibo"):  # fmt: skip
        assert said in text, said
    for english in ("Cash tendered", "Change", "Balance left", "Thank you", "2026-11-26"):
        assert english not in text, english

    reprint_receipt(ctx, CASHIER, posted.number)
    _first, copy = printed(ctx, printer_emulator, posted.number)
    assert "REIMPRESION" in copy  # a capital Ó is not in code page 437: printed without its accent
    assert "Efectivo recibido" in copy and "26 nov 2026 10:00" in copy and "Gracias" in copy


def test_the_counter_may_print_one_receipt_in_the_other_language_and_the_next_is_the_accounts_again(
    ctx: ServiceContext,  # noqa: F811
    small_city: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    chosen = post_receipt(ctx, CASHIER, Cart((AccountPayment(GARCIA, Money(500), keep_excess_as_credit=True),),
                                             language="es"),
                          [Tender(TenderKind.CASH, Money(500))])  # fmt: skip
    assert receipt_language(small_city, chosen.number) == "es"
    [text] = printed(ctx, printer_emulator, chosen.number)
    assert "RECIBO" in text and "Efectivo recibido" in text and "$30.00 a favor" in text  # the credit, in Spanish
    following = post_receipt(ctx, CASHIER, Cart((AccountPayment(GARCIA, Money(500), keep_excess_as_credit=True),)),
                             [Tender(TenderKind.CASH, Money(500))])  # fmt: skip
    [english] = printed(ctx, printer_emulator, following.number)
    assert "RECEIPT" in english and "Cash tendered" in english and "$35.00 CR" in english
    # The reprint of the Spanish one is Spanish: the language is kept with the receipt.
    reprint_receipt(ctx, CASHIER, chosen.number)
    _first, copy = printed(ctx, printer_emulator, chosen.number)
    assert "REIMPRESION" in copy and "Efectivo recibido" in copy


def test_an_english_account_prints_as_it_always_did(
    ctx: ServiceContext,  # noqa: F811
    small_city: Path,
    printer_emulator: PrinterEmulator,  # noqa: F811
) -> None:
    posted = post_receipt(ctx, CASHIER, Cart((AccountPayment(SMITH, Money(500)), MiscItem("BLDGPRMT", Money(2500)))),
                          [Tender(TenderKind.CASH, Money(5000))])  # fmt: skip
    assert posted.language == "en" and receipt_language(small_city, posted.number) == "en"
    [text] = printed(ctx, printer_emulator, posted.number)
    for said in ("RECEIPT", "Date", "2026-11-26 10:00", f"Account {SMITH}", "Balance left", "Cash tendered", "Change",
                 "Thank you. Keep this receipt"):  # fmt: skip
        assert said in text, said
    assert "Recibo" not in text


def test_misc_items_alone_print_in_english_unless_chosen_and_a_bad_language_is_refused(
    ctx: ServiceContext,  # noqa: F811
) -> None:
    alone = post_receipt(
        ctx, CASHIER, Cart((MiscItem("BLDGPRMT", Money(2500)),)), [Tender(TenderKind.CASH, Money(2500))]
    )
    assert alone.language == "en"
    chosen = post_receipt(ctx, CASHIER, Cart((MiscItem("BLDGPRMT", Money(2500)),), language="es"),
                          [Tender(TenderKind.CASH, Money(2500))])  # fmt: skip
    assert chosen.language == "es"
    with pytest.raises(Exception, match="not a language a receipt prints in"):
        post_receipt(ctx, CASHIER, Cart((MiscItem("BLDGPRMT", Money(2500)),), language="fr"),
                     [Tender(TenderKind.CASH, Money(2500))])  # fmt: skip


def test_a_queued_document_keeps_its_language_and_notes_and_an_old_one_reads_as_english(
    ctx: ServiceContext,  # noqa: F811
) -> None:
    from cashdesk.services.receipt_jobs import posted_doc

    posted = post_receipt(ctx, CASHIER, Cart((AccountPayment(SMITH, Money(500)),), language="es"),
                          [Tender(TenderKind.CASH, Money(500))])  # fmt: skip
    doc = posted_doc(ctx, posted)
    assert stored_doc(unrendered(doc)) == doc and doc.language == "es"
    # A job queued before this release: no language, no notes.
    old = unrendered(doc).replace(b',["es"]]', b"]")
    assert stored_doc(old).language == "en"


def test_the_billing_file_sets_the_language_and_an_unknown_one_is_refused(
    ctx: ServiceContext,  # noqa: F811
    small_city: Path,
    tmp_path: Path,
) -> None:
    good = tmp_path / "accounts.csv"
    good.write_text("account,kind,name,language\n1000000017,utility,\"SMITH, JOHN\",es\n"
                    "1000000099,utility,NEW PERSON,Español\n1000000098,utility,OTHER PERSON,\n", "utf-8")  # fmt: skip
    import_accounts(ctx, good)
    con = sqlite3.connect(small_city)
    try:
        found = dict(con.execute("SELECT number, language FROM accounts WHERE number IN (?, ?, ?, ?)",
                                 ("1000000017", "1000000099", "1000000098", GARCIA)).fetchall())  # fmt: skip
    finally:
        con.close()
    assert found == {"1000000017": "es", "1000000099": "es", "1000000098": "en", GARCIA: "en"}
    without = tmp_path / "without.csv"
    without.write_text('account,kind,name\n1000000017,utility,"SMITH, JOHN"\n', "utf-8")
    import_accounts(ctx, without)  # no language column: the account keeps its Spanish
    assert receipt_free_language(small_city, "1000000017") == "es"
    bad = tmp_path / "bad.csv"
    bad.write_text("account,kind,name,language\n1000000017,utility,SMITH,fr\n", "utf-8")
    with pytest.raises(ImportRefused, match=r"line 2, column language: \"fr\" is not a language"):
        import_accounts(ctx, bad)


def receipt_free_language(path: Path, account: str) -> str:
    con = sqlite3.connect(path)
    try:
        return str(con.execute("SELECT language FROM accounts WHERE number = ?", (account,)).fetchone()[0])
    finally:
        con.close()


def test_a_spanish_accounts_statement_reads_in_spanish(
    ctx: ServiceContext,  # noqa: F811
    small_city: Path,
    tmp_path: Path,
) -> None:
    speak(small_city, SMITH, "es")
    post_receipt(ctx, CASHIER, Cart((AccountPayment(SMITH, Money(500)),)), [Tender(TenderKind.CASH, Money(500))])
    statement = account_statement(ctx, CASHIER, SMITH, dt.date(2026, 10, 1), dt.date(2026, 11, 30))
    assert statement.language == "es"
    assert statement.report.title == "Account statement"  # the screen's copy stays as it was
    text = PdfReader(write_statement(ctx, statement, tmp_path)).pages[0].extract_text()
    for said in ("ESTADO DE CUENTA", "del 1 oct 2026 al 30 nov 2026", "(3 líneas)", f"Cuenta {SMITH}",
                 "Saldo anterior al 1 oct 2026: $0.00", "Saldo al 30 nov 2026: $58.15", "Concepto", "Descripción",
                 "Pagos y créditos", "5 oct 2026", "pago", "factura", "November bill", "Pago en ventanilla, W01",
                 "$73.15", "Página 1, última"):  # fmt: skip
        assert said in text, said
    assert "Balance brought forward" not in text and "Page 1" not in text


def test_a_spanish_accounts_notice_letter_reads_in_spanish(db_path: Path, tmp_path: Path) -> None:
    path = delinquency_city.build(db_path)
    speak(path, "4000000010", "es")
    context = ServiceContext.open(path, settings=Settings({"delinquency.notices_folder": str(tmp_path / "notices")}))
    context.clock = lambda: MONDAY
    try:
        done = delinquency.commit(context, SUPERVISOR, ON)
    finally:
        context.close()
    assert done.folder is not None
    text = "\n".join(page.extract_text() for page in PdfReader(done.folder / "notice-4000000010.pdf").pages)
    for said in ("City of Aurelia", "ALLEN, ANA", "7 de diciembre de 2026", "Aviso: se le ha cobrado un cargo por mora",
                 "Cuenta", "Vencido", "$123.45", "Cargo por mora cobrado (5% de $123.45)", "$6.17",
                 "Monto a pagar ahora", "$129.62", "Aviso de corte en la puerta el 16 dic 2026",
                 "plan de pagos", "Si ya pagó en los últimos días"):  # fmt: skip
        assert said in text, said
    assert "Amount due now" not in text and "December" not in text
    # Another account of the same run is still English.
    other = "\n".join(page.extract_text() for page in PdfReader(done.folder / "notice-5000000026.pdf").pages)
    assert "referred to collections" in other
