"""The sales-tax filings report: returns filed on time and late with the penalty and interest they
charged, and the returns still missing, from the rows the tax-return service wrote."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cashdesk.domain.security import Role
from cashdesk.services.context import Operator, ServiceContext
from cashdesk.services.reports import run_report
from cashdesk.services.tax_returns import delinquent_filers, file_return
from tests.integration.test_tax_returns import CASHIER, HARDWARE, SEPTEMBER, city, ctx  # noqa: F401 - fixtures

SUPERVISOR = Operator("msuper", Role.SUPERVISOR)


def test_filed_late_on_time_and_missing(ctx: ServiceContext, city: Path) -> None:  # noqa: F811
    late = file_return(ctx, CASHIER, HARDWARE, "2026-09", SEPTEMBER, {}, dt.date(2026, 11, 21))
    on_time = file_return(ctx, CASHIER, HARDWARE, "2026-10", SEPTEMBER, {}, dt.date(2026, 11, 20))
    report = run_report(ctx, SUPERVISOR, "sales-tax-filings", dt.date(2026, 11, 1), dt.date(2026, 11, 25))
    filed = [r for r in report.rows if r[4]]
    charged = {code: money.cents for code, money in late.charges}
    assert filed == [
        (HARDWARE, "CORNER HARDWARE INC", "2026-10", "2026-11-20", "2026-11-20", "original, on time",
         on_time.ret.total_due.cents, 0, 0),
        (HARDWARE, "CORNER HARDWARE INC", "2026-09", "2026-10-20", "2026-11-21", "original, late",
         late.ret.total_due.cents, charged["TAXPEN"], charged["TAXINT"]),
    ]  # fmt: skip
    missing = {(r[0], r[2]) for r in report.rows if r[5] == "missing"}
    want = {(f.account, p.label) for f in delinquent_filers(ctx, SUPERVISOR, dt.date(2026, 11, 26))
            for p in f.missing if dt.date(2026, 11, 1) <= p.due <= dt.date(2026, 11, 25)}  # fmt: skip
    assert missing == want and missing
    assert report.totals[7:] == (charged["TAXPEN"], charged["TAXINT"])
