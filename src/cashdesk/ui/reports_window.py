"""Reports (Ctrl+Shift+Y), for supervisors: a standard or saved report for a range of business
days, on screen with its chart, saved as PDF (Ctrl+P) or CSV (Ctrl+E) in the reports folder; and
the ad hoc builder: a subject, filters, a grouping and totals, run (F5) and saved under a name
(Ctrl+S). Reports are read off the GUI thread; `waiting` is true meanwhile."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from cashdesk.domain.adhoc import SUBJECTS, AdhocDefinition, AdhocError, parse_filters, subject_named
from cashdesk.ui.credentials import message_label, show_message
from cashdesk.ui.i18n import translate
from cashdesk.ui.labels import column, explanation, one_row_at_a_time, read_only
from cashdesk.ui.operations import Operation
from cashdesk.ui.operator_dialog import OperatorDialog
from cashdesk.ui.report_table import ReportTableModel

if TYPE_CHECKING:
    from collections.abc import Callable

    from cashdesk.domain.report_def import Report
    from cashdesk.services.context import Operator, ServiceContext

PDF_KEY, CSV_KEY, ADHOC_KEY, SAVE_KEY = "Ctrl+P", "Ctrl+E", "F5", "Ctrl+S"
SAVED = "saved:"


def _date_edit(name: str, day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setObjectName(name)
    edit.setDisplayFormat("MM/dd/yyyy")
    return edit


def _day(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


class ReportsDialog(OperatorDialog):
    def __init__(self, ctx: ServiceContext, operator: Operator, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            operator,
            "reportsDialog",
            translate("reports_window", "Reports — Station {station}").format(station=ctx.station),
            parent,
        )
        self.resize(1000, 700)
        today = ctx.today()
        self.report_combo = QComboBox()
        self.report_combo.setObjectName("reportName")
        self.from_edit = _date_edit("reportFrom", today.replace(day=1))
        self.to_edit = _date_edit("reportTo", today)
        self.show_button = QPushButton(translate("reports_window", "&Show"))
        self.show_button.setObjectName("reportShow")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.run)
        top = QHBoxLayout()
        for caption, widget in (
            (translate("reports_window", "&Report:"), self.report_combo),
            (translate("reports_window", "&From:"), self.from_edit),
            (translate("reports_window", "&To:"), self.to_edit),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget, 1 if widget is self.report_combo else 0)
        top.addWidget(self.show_button)
        self.message_label: QLabel = message_label("reportMessage")
        self.chart = QSvgWidget()
        self.chart.setObjectName("reportChart")
        self.chart.setFixedHeight(200)
        self.chart.hide()
        self.model = ReportTableModel(self)
        self.table = read_only(QTableView(), "reportTable", self.model)
        one_row_at_a_time(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)  # Enter never closes it
        keys = explanation(
            translate(
                "reports_window",
                "Enter: show.  {PDF_KEY}: save as PDF.  {CSV_KEY}: save as CSV.  {ADHOC_KEY}: run the ad "
                "hoc report.  {SAVE_KEY}: save it under its name.  Esc: close.",
            ).format(PDF_KEY=PDF_KEY, CSV_KEY=CSV_KEY, ADHOC_KEY=ADHOC_KEY, SAVE_KEY=SAVE_KEY)
        )
        column(self, top, self.message_label, self.chart, self.table, self._adhoc_box(), keys, buttons, grow=self.table)
        for key, slot in (
            (PDF_KEY, lambda: self.save("pdf")),
            (CSV_KEY, lambda: self.save("csv")),
            (ADHOC_KEY, self.run_adhoc),
            (SAVE_KEY, self.save_adhoc),
        ):
            QShortcut(QKeySequence(key), self, slot)
        self.report: Report | None = None
        self._busy = 0
        self._fill()
        self.report_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _adhoc_box(self) -> QGroupBox:
        box = QGroupBox(translate("reports_window", "Ad hoc report"))
        form = QFormLayout(box)
        self.subject_combo = QComboBox()
        self.subject_combo.setObjectName("adhocSubject")
        for subject in SUBJECTS:
            if subject.fields:
                self.subject_combo.addItem(translate("adhoc", subject.title), subject.name)
        self.filters_field = QLineEdit()
        self.filters_field.setObjectName("adhocFilters")
        self.filters_field.setPlaceholderText(
            translate("reports_window", "status = posted; amount >= 100; payer contains garcia")
        )
        self.group_field = QLineEdit()
        self.group_field.setObjectName("adhocGroup")
        self.totals_field = QLineEdit()
        self.totals_field.setObjectName("adhocTotals")
        self.name_field = QLineEdit()
        self.name_field.setObjectName("adhocName")
        self.name_field.setPlaceholderText(translate("reports_window", "a name to save it under, like big-checks"))
        self.subject_combo.currentIndexChanged.connect(self._subject_changed)
        for caption, widget in (
            (translate("reports_window", "S&ubject:"), self.subject_combo),
            (translate("reports_window", "F&ilters:"), self.filters_field),
            (translate("reports_window", "&Group by:"), self.group_field),
            (translate("reports_window", "T&otals:"), self.totals_field),
            (translate("reports_window", "&Name:"), self.name_field),
        ):
            form.addRow(caption, widget)
        self._subject_changed()
        return box

    def _subject_changed(self) -> None:
        subject = subject_named(str(self.subject_combo.currentData()))
        fields = ", ".join(f.name for f in subject.fields)
        money = ", ".join(f.name for f in subject.fields if f.kind == "money")
        self.group_field.setPlaceholderText(
            translate("reports_window", "one of: {fields} (empty: one line a record)").format(fields=fields)
        )
        self.totals_field.setPlaceholderText(
            translate("reports_window", "amounts to total: {money}").format(money=money)
        )

    @property
    def waiting(self) -> bool:
        return self._busy > 0

    def _fill(self) -> None:
        from cashdesk.services.adhoc import saved_reports
        from cashdesk.services.reports import available_reports

        def listed(found: tuple[list[tuple[str, str]], list[str]]) -> None:
            standard, saved = found
            for name, title in standard:
                self.report_combo.addItem(title, name)
            for name in saved:
                self.report_combo.addItem(translate("reports_window", "{name} (saved)").format(name=name), SAVED + name)

        def read() -> tuple[list[tuple[str, str]], list[str]]:
            return (
                [(d.name, translate("reports", d.title)) for d in available_reports(self._ctx, self._operator)],
                saved_reports(self._ctx, self._operator),
            )

        self._background(read, listed, translate("reports_window", "The reports could not be listed ({exc})."))

    def _background(
        self, work: Callable[[], object], done: Callable[[object], None] | Callable[..., None], failed: str
    ) -> None:
        self._busy += 1

        def finished(result: object) -> None:
            self._busy -= 1
            done(result)

        def said(text: str) -> None:
            self._busy -= 1
            show_message(self.message_label, text, error=True)

        Operation(self, work, failed=failed, log_as="a report failed").success(finished).failure(
            said
        ).run_in_background()

    def run(self) -> None:
        from cashdesk.services.adhoc import run_saved
        from cashdesk.services.reports import run_report

        name = str(self.report_combo.currentData() or "")
        start, end = _day(self.from_edit), _day(self.to_edit)
        if name.startswith(SAVED):
            work: Callable[[], Report] = lambda: run_saved(self._ctx, self._operator, name[len(SAVED) :], start, end)  # noqa: E731
        else:
            work = lambda: run_report(self._ctx, self._operator, name, start, end)  # noqa: E731
        show_message(self.message_label, translate("reports_window", "Reading…"))
        self._background(work, self._show, translate("reports_window", "The report could not be made ({exc})."))

    def _show(self, report: Report) -> None:
        from cashdesk.services.reports import chart_svg

        self.report = report
        self.model.set_report(report)
        picture = chart_svg(report)
        if picture:
            self.chart.load(QByteArray(picture))
            self.chart.show()
        else:
            self.chart.hide()
        n = len(report.rows)
        show_message(
            self.message_label,
            translate("reports_window", "{title}, {period}: {n} row{value6}.").format(
                title=report.title, period=report.period, n=n, value6="s" if n != 1 else ""
            ),
        )

    def _definition(self) -> AdhocDefinition | None:
        try:
            return AdhocDefinition(
                str(self.subject_combo.currentData()),
                parse_filters(self.filters_field.text()),
                self.group_field.text().strip().lower(),
                tuple(w.strip().lower() for w in self.totals_field.text().replace(",", " ").split()),
            )
        except AdhocError as exc:
            show_message(self.message_label, str(exc), error=True)
            return None

    def run_adhoc(self) -> None:
        from cashdesk.services.adhoc import run_adhoc

        definition = self._definition()
        if definition is None:
            return
        start, end = _day(self.from_edit), _day(self.to_edit)
        self._background(
            lambda: run_adhoc(self._ctx, self._operator, definition, start, end),
            self._show,
            translate("reports_window", "The ad hoc report could not be made ({exc})."),
        )

    def save_adhoc(self) -> None:
        from cashdesk.services.adhoc import save_adhoc

        definition = self._definition()
        if definition is None:
            return
        name = self.name_field.text()
        saving = Operation(
            self,
            lambda: save_adhoc(self._ctx, self._operator, name, definition),
            failed=translate("reports_window", "The report could not be saved ({exc})."),
            log_as="saving a report failed",
        )
        new = saving.failure(lambda text: show_message(self.message_label, text, error=True)).run_now()
        if saving.failed:
            return
        kept = name.strip().lower()
        if new:
            self.report_combo.addItem(translate("reports_window", "{kept} (saved)").format(kept=kept), SAVED + kept)
        show_message(
            self.message_label,
            translate("reports_window", "Saved as {kept}: choose it under Report to run it again.").format(kept=kept),
        )

    def save(self, fmt: str) -> None:
        from cashdesk.services.reports import WrittenReport, write_report

        report = self.report
        if report is None:
            show_message(self.message_label, translate("reports_window", "Show a report first (Enter)."), error=True)
            return

        def written(done: WrittenReport) -> None:
            show_message(self.message_label, translate("reports_window", "Saved {path}.").format(path=done.path))

        self._background(
            lambda: write_report(self._ctx, report, None, fmt),
            written,
            translate("reports_window", "The report could not be saved ({exc})."),
        )
