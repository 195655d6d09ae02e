"""A report's chart drawn once with ReportLab's own charts: placed natively in the PDF, and as SVG
for the window (QtSvg). Amounts are integer cents; the axis labels them as money (or as whole
numbers, for a chart of counts)."""

from __future__ import annotations

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from cashdesk.domain.money import Money
from cashdesk.domain.report_def import Chart, Kind

WIDTH, HEIGHT = 500, 220
PALETTE = (colors.HexColor("#1f5f8b"), colors.HexColor("#d9822b"), colors.HexColor("#3a8f4b"),
           colors.HexColor("#a23b3b"), colors.HexColor("#6b4c9a"), colors.HexColor("#7a7a7a"))  # fmt: skip
MOST_LABELS = 12


def amount_label(value: object) -> str:
    """A tick of the value axis (cents) as money: ticks are ReportLab's, so whole cents are taken first."""
    cents = int(str(value).split(".")[0]) if str(value).lstrip("-").split(".")[0].isdigit() else 0
    shown = Money(cents).display()
    return shown[:-3] if shown.endswith(".00") else shown


def _is_day(category: str) -> bool:
    """A business day (2026-11-25), shown as 11-25; any other category (31-60 days) as it is."""
    return len(category) == 10 and category[4] == category[7] == "-" and category.replace("-", "").isdigit()


def count_label(value: object) -> str:
    """A tick of a count axis: whole numbers only (the step is at least 1)."""
    return f"{round(float(str(value))):,}"


def drawing(chart: Chart, width: int = WIDTH, height: int = HEIGHT) -> Drawing:
    """Bars or lines over the chart's categories, a legend on the right, the title above."""
    d = Drawing(width, height)
    plot = VerticalBarChart() if chart.kind == "bars" else HorizontalLineChart()
    plot.x, plot.y, plot.width, plot.height = 60, 40, width - 180, height - 70
    plot.data = [tuple(s.values) or (0,) for s in chart.series] or [(0,)]
    step = max(1, len(chart.categories) // MOST_LABELS)
    plot.categoryAxis.categoryNames = [(c[5:] if i % step == 0 else "") if _is_day(c) else c
                                       for i, c in enumerate(chart.categories)]  # fmt: skip
    plot.categoryAxis.labels.fontSize = 7
    plot.categoryAxis.labels.angle = 45 if len(chart.categories) > 6 else 0
    plot.categoryAxis.labels.boxAnchor = "ne" if len(chart.categories) > 6 else "n"
    plot.valueAxis.labels.fontSize = 7
    if chart.unit is Kind.COUNT:
        plot.valueAxis.labelTextFormat = count_label
        plot.valueAxis.valueMin = 0
        most = max((v for s in chart.series for v in s.values), default=0)
        plot.valueAxis.valueStep = max(1, -(-most // 5))  # never half an order
    else:
        plot.valueAxis.labelTextFormat = amount_label
    for i in range(len(plot.data)):
        colour = PALETTE[i % len(PALETTE)]
        if chart.kind == "bars":
            plot.bars[i].fillColor = colour
            plot.bars[i].strokeColor = None
        else:
            plot.lines[i].strokeColor = colour
            plot.lines[i].strokeWidth = 1.5
    d.add(plot)
    legend = Legend()
    legend.x, legend.y = width - 110, height - 40
    legend.fontSize = 8
    legend.fontName = "Helvetica"
    legend.columnMaximum = 10
    legend.alignment = "right"
    legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], s.name.replace("_", " ")) for i, s in enumerate(chart.series)]
    d.add(legend)
    d.add(String(50, height - 14, chart.title, fontName="Helvetica-Bold", fontSize=10))
    return d


def svg(chart: Chart, width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """The same drawing as SVG, for the window."""
    text: str = renderSVG.drawToString(drawing(chart, width, height))
    return text.encode("utf-8")


__all__ = ["drawing", "svg"]
