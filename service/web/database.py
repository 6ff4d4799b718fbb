"""The per-request database session of the web app (opened on first use, closed at teardown)."""

from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy.orm import Session

from ..store import db


def init_app(app: Flask) -> None:
    """Closes the request's session when the app context ends."""
    app.teardown_appcontext(close_session)


def database_url() -> str:
    """Returns the URL of the app's database (for jobs that open their own transaction)."""
    return current_app.config["DATABASE_URL"]


def get_session() -> Session:
    """Returns this request's session, opening it on first use; the caller commits its writes."""
    if "db_session" not in g:
        g.db_session = db.session_factory(database_url())()
    return g.db_session


def close_session(exc: BaseException | None = None) -> None:
    session: Session | None = g.pop("db_session", None)
    if session is None:
        return
    if exc is not None:
        session.rollback()
    session.close()
