"""The office from the command line: office init and status, station join, sync --once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from cashdesk.cli import main
from cashdesk.services import auth
from tests.integration.test_deposit_export import a_full_day, add_people, make_ctx
from tests.support.pg_cluster import Cluster

#: The office schema's newest revision: the last file of store/office_migrations/versions.
HEAD = sorted(p.name[:4] for p in (Path(__file__).resolve().parents[2] / "src" / "cashdesk" / "store" /
                                   "office_migrations" / "versions").glob("0*.py"))[-1]  # fmt: skip


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def cashdesk(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_set_up_join_send_and_look(small_city: Path, office_url: str, cluster: Cluster,
                                   capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    ctx = make_ctx(small_city)
    station = ctx.station
    try:
        add_people(ctx)
        a_full_day(ctx)  # taken before the window joined: its history goes to the office too
    finally:
        ctx.close()
    db = str(small_city)

    assert cashdesk(capsys, "office", "init", "--url", office_url) == (
        0, f"The office's schema is at revision {HEAD} (created).\n", "")  # fmt: skip
    assert cashdesk(capsys, "office", "init", "--url", office_url) == (
        0, f"The office's schema is up to date (revision {HEAD}).\n", "")  # fmt: skip
    code, out, err = cashdesk(capsys, "--db", db, "station", "join", "--office", office_url, "--station", station)
    assert (code, err) == (0, "")
    assert out.startswith(f"Station {station} joined the office at 127.0.0.1:{cluster.port}/") and "changes wait" in out

    code, out, err = cashdesk(capsys, "--db", db, "sync", "--once")
    assert (
        (code, err) == (0, "")
        and out.startswith("Sent ")
        and out.endswith("; 0 changes wait. Took in 0 changed accounts, bills and codes.\n")
    )

    code, out, _ = cashdesk(capsys, "office", "status", "--url", office_url, "--json")
    (window,) = json.loads(out)
    assert code == 0 and window["station"] == station and window["receipts"] == 6
    assert window["waiting_at_last_contact"] == 0 and window["open_drawers"] == 0
    code, out, _ = cashdesk(capsys, "office", "status", "--url", office_url)
    assert code == 0 and out.startswith(f"{station}: last contact ") and out.endswith("0 open drawers, 6 receipts\n")

    # The office down: sync says so in words and exits 1; nothing is lost.
    cluster.stop()
    try:
        code, out, err = cashdesk(capsys, "--db", db, "sync", "--once")
    finally:
        cluster.start()
    assert code == 1 and out.startswith("The office is unreachable (") and "Traceback" not in out + err


def test_addresses_that_are_not_an_office_are_refused_in_words(
    small_city: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # fmt: skip
    code, out, err = cashdesk(capsys, "office", "init", "--url", "mysql://office.city.gov/cash")
    assert (code, out) == (2, "") and err.startswith("cashdesk: That is not an office address: an office is a "
                                                     "PostgreSQL server")  # fmt: skip
    code, _, err = cashdesk(capsys, "--db", str(small_city), "station", "join", "--office",
                            "postgresql://cash:s3cret@office.city.gov/cash")  # fmt: skip
    assert code == 2 and "may not carry a password" in err and "s3cret" not in err
    code, _, err = cashdesk(capsys, "--db", str(small_city), "sync", "--once")
    assert code == 2 and err == "cashdesk: This window has not joined an office: `cashdesk station join --office " \
                                "URL` first.\n"  # fmt: skip


def test_a_dead_windows_file_is_merged_once_with_a_report(
    small_city: Path, tmp_path: Path, office_url: str, cluster: Cluster, capsys: pytest.CaptureFixture[str]
) -> None:  # fmt: skip
    from cashdesk.services.context import command_line_operator
    from cashdesk.services.office import init_office, join_office, sync_once

    init_office(command_line_operator(), office_url)
    ctx = make_ctx(small_city)
    try:
        add_people(ctx)
        join_office(ctx, command_line_operator(), office_url)
        sync_once(ctx)  # the office has the window's history: its people and its audit trail so far
        cluster.stop()  # then the network goes, and the window takes a whole day before its computer dies
        try:
            a_full_day(ctx)
            assert sync_once(ctx).problem
        finally:
            cluster.start()
    finally:
        ctx.close()
    dead = tmp_path / "from-the-dead-window.sqlite3"
    shutil.copy(small_city, dead)

    code, out, err = cashdesk(capsys, "office", "merge", str(dead), "--url", office_url)
    assert (code, err) == (0, "")
    assert out.startswith("Merged station W01's file into the office: ") and " 6 receipts" in out, out
    code, out, err = cashdesk(capsys, "office", "merge", str(dead), "--url", office_url)
    assert code == 0 and out.endswith("were new; the office had everything already.\n"), out
    code, out, _ = cashdesk(capsys, "office", "status", "--url", office_url, "--json")
    assert json.loads(out)[0]["receipts"] == 6
