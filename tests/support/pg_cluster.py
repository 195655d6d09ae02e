"""A throwaway PostgreSQL cluster for the office tests: Debian's initdb and pg_ctl, run as an
unprivileged user (the server refuses root, and CI runs as root), listening on a free loopback
port with its socket in the cluster's own temporary folder, stopped and removed at the end.

No mock of the server: the office code talks to a real PostgreSQL through psycopg 3."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def server_bin() -> Path | None:
    """The folder of initdb and pg_ctl: Debian's newest, else the PATH's (None: not installed)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    pg_ctl = shutil.which("pg_ctl")
    return Path(pg_ctl).parent if pg_ctl else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Cluster:
    folder: Path
    port: int
    user: str  # the superuser the tests connect as
    bin_dir: Path
    fsync: bool = False  # tests: off (nothing to keep after the run); the bench: on, as a real server

    def _pg_ctl(self, *args: str) -> None:
        subprocess.run(_as_server_user([str(self.bin_dir / "pg_ctl"), "-D", str(self.folder / "data"), *args]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True, cwd=self.folder)  # fmt: skip

    def stop(self) -> None:
        """The server goes away at once, as when its machine loses power or the network."""
        self._pg_ctl("-m", "immediate", "-w", "stop")

    def start(self) -> None:
        options = (f"-p {self.port} -k {self.folder / 'sockets'} -c listen_addresses=127.0.0.1 "
                   f"-c fsync={'on' if self.fsync else 'off'} -c max_connections=60")  # fmt: skip
        self._pg_ctl("-o", options, "-l", str(self.folder / "server.log"), "-w", "start")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def _as_server_user(command: list[str]) -> list[str]:
    """The server refuses to run as root: run its programs as `postgres` then."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@contextmanager
def running_cluster(*, fsync: bool = False) -> Iterator[Cluster]:
    bin_dir = server_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL's server is not installed: `python3 dev.py test` installs Debian's "
                           "postgresql package, or run: sudo apt-get install postgresql")  # fmt: skip
    folder = Path(tempfile.mkdtemp(prefix="cashdesk-pg-"))
    data, sockets = folder / "data", folder / "sockets"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        shutil.chown(sockets, "postgres")
    port = _free_port()
    user = "cashdesk_test"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "check": True, "cwd": folder}
    subprocess.run(_as_server_user([str(bin_dir / "initdb"), "-D", str(data), "-U", user, "-A", "trust",
                                    "--no-sync", "-E", "UTF8", "--locale", "C"]), **quiet)  # fmt: skip
    cluster = Cluster(folder, port, user, bin_dir, fsync)
    cluster.start()
    try:
        yield cluster
    finally:
        subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)
