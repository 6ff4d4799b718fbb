"""The web app: `create_app` reads the configuration and registers every blueprint."""

from __future__ import annotations

import datetime as dt
import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFProtect
from jinja2 import StrictUndefined
from werkzeug.wrappers import Response

from ..store import db
from ..vnformat.dates import short_date
from . import (
    achievements,
    auth,
    batches,
    certificates,
    database,
    errors,
    nominations,
    people,
    register,
    registrations,
    reports,
    templates_page,
    units,
)
from .guards import refuse_viewer_writes

csrf = CSRFProtect()

# The feature blueprints, in menu order: (blueprint, endpoint of its menu entry, menu label).
BLUEPRINTS = (
    (units.bp, "units.index", "Đơn vị"),
    (people.bp, "people.index", "Cán bộ"),
    (registrations.bp, "registrations.index", "Đăng ký thi đua"),
    (achievements.bp, "achievements.index", "Thành tích"),
    (nominations.bp, "nominations.index", "Đề nghị khen thưởng"),
    (certificates.bp, "certificates.index", "In bằng khen"),
    (reports.bp, "reports.index", "Báo cáo tổng kết"),
    (register.bp, "register.index", "Sổ văn bản đi"),
    (batches.bp, "batches.index", "Tạo hàng loạt"),
    (templates_page.bp, "templates_page.index", "Mẫu văn bản"),
)

# Everything is served from this app: no CDN, no inline script.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Returns the app. Settings come from `test_config`, else the environment: DATABASE_URL
    (default: SQLite under instance/), THIDUA_SECRET_KEY (default: a random key kept in
    instance/secret_key), THIDUA_INSTANCE (the instance folder)."""
    config = dict(test_config or {})
    instance = Path(
        config.pop("INSTANCE_PATH", None) or os.environ.get("THIDUA_INSTANCE", "instance")
    ).resolve()
    app = Flask(__name__, instance_path=str(instance))
    app.config.from_mapping(
        DATABASE_URL=config.get("DATABASE_URL") or db.default_url(),
        MIGRATE_ON_START=True,
        PER_PAGE=50,
        FILES_ROOT=str(Path.cwd()),
        SESSION_COOKIE_SAMESITE="Lax",
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the session: long forms are fine
        MAX_CONTENT_LENGTH=32 * 1024 * 1024,
    )
    app.config.update(config)
    app.config["SECRET_KEY"] = (
        config.get("SECRET_KEY")
        or os.environ.get("THIDUA_SECRET_KEY")
        or stored_secret_key(instance)
    )
    if app.config["MIGRATE_ON_START"]:
        db.migrate(app.config["DATABASE_URL"])
        # batches run on this process's threads: any still "running" died with the last one
        from ..jobs.batches import mark_interrupted

        mark_interrupted(app.config["DATABASE_URL"])

    database.init_app(app)
    csrf.init_app(app)
    auth.init_app(app)
    errors.init_app(app)
    app.before_request(refuse_viewer_writes)
    for blueprint, _endpoint, _label in BLUEPRINTS:
        app.register_blueprint(blueprint)
    app.add_url_rule("/", "index", index)
    _init_templates(app)
    app.after_request(_security_headers)
    return app


def stored_secret_key(instance: Path) -> str:
    """Returns the key kept in `instance/secret_key`, creating it (mode 0600) on first use."""
    path = instance / "secret_key"
    instance.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_text(encoding="ascii").strip()
        if key:
            return key
        raise RuntimeError(f"Tệp khóa bí mật {path} rỗng: hãy xóa tệp để tạo khóa mới.") from None
    key = secrets.token_hex(32)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(key + "\n")
    return key


def index() -> ResponseReturnValue:
    return redirect(url_for("units.index"))


def _vndate(value: dt.date | None) -> str:
    return short_date(value) if value else ""


def page_url(number: int) -> str:
    """Returns the current page's URL with the same filters and page `number`."""
    args = {**(request.view_args or {}), **request.args.to_dict(), "page": number}
    return url_for(request.endpoint or "index", **args)


def _init_templates(app: Flask) -> None:
    app.jinja_env.undefined = StrictUndefined
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.filters["vndate"] = _vndate
    app.jinja_env.globals["page_url"] = page_url
    menu = [(endpoint, label) for _bp, endpoint, label in BLUEPRINTS]

    @app.context_processor
    def _menu() -> dict[str, object]:
        return {"menu": menu, "app_name": "Thi đua – Khen thưởng"}


def _security_headers(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response
