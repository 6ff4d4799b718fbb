"""The database: which one (DATABASE_URL, else SQLite under instance/), engines, sessions,
and the schema through Alembic migrations."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")


def default_url() -> str:
    """Returns DATABASE_URL, or the SQLite file `instance/thidua.db` under the working directory."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return url
    instance = Path(os.environ.get("THIDUA_INSTANCE", "instance")).resolve()
    instance.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{instance / 'thidua.db'}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """Returns one engine per URL; SQLite gets WAL, foreign keys and a generous busy timeout."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def session_factory(url: str | None = None) -> sessionmaker[Session]:
    return sessionmaker(engine_for(url or default_url()), expire_on_commit=False)


@contextmanager
def transaction(url: str | None = None) -> Iterator[Session]:
    """Yields a session inside one transaction: committed on success, rolled back on any error."""
    with session_factory(url).begin() as session:
        yield session


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def migrate(url: str | None = None) -> None:
    """Brings the schema to the newest migration."""
    url = url or default_url()
    cfg = alembic_config(url)
    with engine_for(url).begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


def is_empty(url: str | None = None) -> bool:
    """Returns True when the database has no units (nothing imported yet)."""
    url = url or default_url()
    engine = engine_for(url)
    if not inspect(engine).has_table("units"):
        return True
    with engine.connect() as conn:
        return conn.exec_driver_sql("SELECT COUNT(*) FROM units").scalar_one() == 0
