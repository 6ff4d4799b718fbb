"""Shared fixtures: a real migrated SQLite database, with the example province loaded once per
session and copied for each test that wants it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from service.jobs.records import import_dir
from service.store import db

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "records" / "son-la-2024"
SEED = ROOT.parent / "shared" / "seed" / "chi-thi-01-CT-UBND-2024.txt"


@pytest.fixture
def empty_db(tmp_path: Path) -> str:
    """Returns the URL of a fresh, migrated, empty SQLite database."""
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    db.migrate(url)
    return url


@pytest.fixture(scope="session")
def _example_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("example") / "example.db"
    url = f"sqlite:///{path}"
    db.migrate(url)
    import_dir(EXAMPLE, url)
    db.engine_for(url).dispose()
    return path


@pytest.fixture
def example_db(_example_db_file: Path, tmp_path: Path) -> str:
    """Returns the URL of a private copy of a database holding the example province."""
    path = tmp_path / "example.db"
    shutil.copy(_example_db_file, path)
    return f"sqlite:///{path}"
