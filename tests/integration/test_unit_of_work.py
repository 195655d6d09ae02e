"""One unit of work for every writer: the ORM and driver-level SQL on one transaction, and
rows written by either read back the same (the column formats come from models.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Date, DateTime, select

from cashdesk.store import print_jobs
from cashdesk.store.db import Database
from cashdesk.store.models import Base, PrintJobRow, RevenueCodeRow


def test_every_date_and_time_column_is_stored_as_the_driver_binds_it() -> None:
    """The driver takes its formats from the receipts table: no column may store another way."""
    kinds = {type(column.type) for table in Base.metadata.tables.values() for column in table.columns
             if isinstance(column.type, Date | DateTime)}  # fmt: skip
    assert kinds == {Date, DateTime}


def test_a_print_job_written_by_the_driver_reads_back_as_one_the_orm_wrote(db_path: Path) -> None:
    at = dt.datetime(2026, 3, 2, 9, 30, 0)  # no microseconds: the format must still carry them
    db = Database.open(db_path)
    try:
        with db.unit_of_work() as uow:
            by_driver = print_jobs.add(uow.rows, "W01", "drawer_kick", None, b"kick", at)
            orm = PrintJobRow(station="W01", kind="drawer_kick", receipt_id=None, payload=b"kick", status="queued",
                              attempts=0, last_error="", created_at=at)  # fmt: skip
            uow.session.add(orm)
            uow.commit()
        with db.read() as conn:
            stored = dict(conn.exec_driver_sql("SELECT id, created_at FROM print_jobs").all())
        assert stored[by_driver] == stored[orm.id] == "2026-03-02 09:30:00.000000"
        with db.unit_of_work(write=False) as uow:
            assert uow.session.get(PrintJobRow, by_driver).created_at == at  # type: ignore[union-attr]
    finally:
        db.dispose()


def test_the_session_and_the_driver_see_each_other_without_a_flush(db_path: Path) -> None:
    db = Database.open(db_path)
    try:
        with db.unit_of_work() as uow:
            uow.session.add(RevenueCodeRow(code="ZZ1", description="Test fee", gl_account="100-000-000000",
                                           category="fee", priority=90))  # fmt: skip
            assert uow.rows.one("SELECT description FROM revenue_codes WHERE code = ?", ("ZZ1",)) == ("Test fee",)
            uow.rows.run("UPDATE revenue_codes SET description = ? WHERE code = ?", ("Changed", "ZZ1"))
            assert (
                uow.session.scalar(select(RevenueCodeRow.description).where(RevenueCodeRow.code == "ZZ1")) == "Changed"
            )
            uow.commit()
        with db.read() as conn:
            assert (
                conn.exec_driver_sql("SELECT description FROM revenue_codes WHERE code = 'ZZ1'").scalar() == "Changed"
            )
    finally:
        db.dispose()


def test_what_either_view_wrote_is_rolled_back_together(db_path: Path) -> None:
    db = Database.open(db_path)
    try:
        with pytest.raises(RuntimeError), db.unit_of_work() as uow:
            print_jobs.add(uow.rows, "W01", "drawer_kick", None, b"kick", dt.datetime(2026, 3, 2, 9, 30))
            uow.session.add(PrintJobRow(station="W01", kind="drawer_kick", receipt_id=None, payload=b"kick",
                                        created_at=dt.datetime(2026, 3, 2, 9, 31)))  # fmt: skip
            uow.session.flush()
            raise RuntimeError("the power went off")
        with db.unit_of_work() as uow:
            print_jobs.add(uow.rows, "W01", "drawer_kick", None, b"kick", dt.datetime(2026, 3, 2, 9, 32))
            uow.rollback()  # nothing so far; only what follows is kept
            uow.session.add(PrintJobRow(station="W01", kind="receipt", receipt_id=None, payload=b"r",
                                        created_at=dt.datetime(2026, 3, 2, 9, 33)))  # fmt: skip
            uow.commit()
        with db.read() as conn:
            assert conn.exec_driver_sql("SELECT kind FROM print_jobs").all() == [("receipt",)]
    finally:
        db.dispose()
