"""The starter answers ship with the program: pyproject lists every package under src/ and maps
cashdesk.resources to resources/ at the top of the repository."""

from __future__ import annotations

import tomllib
from pathlib import Path

from setuptools import find_packages

from cashdesk.services.answer_files import starter_folder

ROOT = Path(__file__).resolve().parents[2]


def test_pyproject_lists_every_package_and_the_starter_answers_as_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert set(config["packages"]) == set(find_packages(ROOT / "src")) | {"cashdesk.resources",
                                                                         "cashdesk.resources.answers"}  # fmt: skip
    assert config["package-dir"] == {"": "src", "cashdesk.resources": "resources"}
    assert config["package-data"]["cashdesk.resources.answers"] == ["*.md"]
    assert len(list((ROOT / "resources" / "answers").glob("*.md"))) == 18


def test_the_program_finds_the_starter_set_where_it_is_installed() -> None:
    assert starter_folder().samefile(ROOT / "resources" / "answers")
