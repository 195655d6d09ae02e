"""The office tests: each window starts from the small city; the PostgreSQL cluster and a fresh
office database for each test come from tests/conftest.py (`cluster`, `office_url`)."""

from __future__ import annotations

from tests.integration.conftest import small_city  # noqa: F401 (the city each window starts from)
