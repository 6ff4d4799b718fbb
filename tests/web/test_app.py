"""The app factory: where configuration comes from, the per-request session, vendored assets."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest

import service.web
from service.web import create_app
from service.web.database import get_session

WEB = Path(service.web.__file__).parent


def test_secret_key_is_generated_once_and_kept_private(
    empty_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("THIDUA_SECRET_KEY", raising=False)
    instance = tmp_path / "instance"
    first = create_app({"DATABASE_URL": empty_db, "INSTANCE_PATH": str(instance)})
    key_file = instance / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(first.config["SECRET_KEY"]) >= 32
    second = create_app({"DATABASE_URL": empty_db, "INSTANCE_PATH": str(instance)})
    assert second.config["SECRET_KEY"] == first.config["SECRET_KEY"]


def test_environment_gives_the_key_and_the_database(
    empty_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THIDUA_SECRET_KEY", "khoa-tu-moi-truong")
    monkeypatch.setenv("DATABASE_URL", empty_db)
    monkeypatch.setenv("THIDUA_INSTANCE", str(tmp_path / "inst"))
    app = create_app()
    assert app.config["SECRET_KEY"] == "khoa-tu-moi-truong"
    assert app.config["DATABASE_URL"] == empty_db
    assert not (tmp_path / "inst" / "secret_key").exists()
    assert create_app({"SECRET_KEY": "cua-bai-thu"}).config["SECRET_KEY"] == "cua-bai-thu"


def test_one_session_per_request_closed_at_teardown(app) -> None:
    with app.app_context():
        session = get_session()
        assert get_session() is session
        session.connection()
        assert session.in_transaction()
    assert not session.in_transaction()
    with app.app_context():
        assert get_session() is not session


def test_security_headers_and_vendored_stylesheet(client) -> None:
    response = client.get("/login")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    css = client.get("/static/style.css")
    assert css.status_code == 200 and b".topbar" in css.data
    css.close()


def test_nothing_is_loaded_from_outside() -> None:
    for path in [*WEB.glob("templates/**/*.html"), *WEB.glob("static/*")]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(src|href)=\"(https?:)?//", text), path
        assert "@import" not in text and "url(http" not in text, path


def test_templates_speak_vietnamese() -> None:
    login = (WEB / "templates" / "auth" / "login.html").read_text(encoding="utf-8")
    assert "Login" not in login and "Password" not in login
