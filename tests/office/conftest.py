"""A real PostgreSQL cluster for the office tests, started once for the run (tests/support/pg_cluster.py),
and a fresh office database for each test."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from tests.integration.conftest import small_city  # noqa: F401 (the city each window starts from)
from tests.support.pg_cluster import Cluster, running_cluster

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    with running_cluster() as running:
        yield running


@pytest.fixture
def office_url(cluster: Cluster) -> str:
    """A new, empty office database on the running cluster."""
    return cluster.create_database(f"office{next(_numbers)}")
