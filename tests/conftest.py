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

def _seed() -> Path:
    """The seed directive: shared/seed beside the checkout (the reference), else the copy kept in
    tests/data so that a clone standing alone still checks against it."""
    beside = ROOT.parent / "shared" / "seed" / "chi-thi-01-CT-UBND-2024.txt"
    return beside if beside.is_file() else ROOT / "tests" / "data" / beside.name


SEED = _seed()


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


# --- web ------------------------------------------------------------------------------------

PASSWORD = "mat-khau-thu-2024"
# username → (role, unit code, full name); the clerk belongs to Sở Nội vụ.
WEB_USERS = {
    "admin": ("admin", None, "Quản trị Sở Nội vụ"),
    "vanthu.snv": ("clerk", "SNV", "Văn thư Sở Nội vụ"),
    "xem": ("viewer", None, "Người xem"),
}


@pytest.fixture
def app(example_db: str):  # type: ignore[no-untyped-def]
    """Returns the web app through the real factory, on a copy of the example province, with one
    account per role (WEB_USERS, password PASSWORD) and CSRF protection on."""
    from service.store.users import add_user
    from service.web import create_app

    with db.transaction(example_db) as session:
        for username, (role, unit, name) in WEB_USERS.items():
            add_user(session, username, PASSWORD, role, unit, name)
    app = create_app({"TESTING": True, "DATABASE_URL": example_db, "SECRET_KEY": "thu-nghiem"})
    yield app
    db.engine_for(example_db).dispose()


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    return app.test_client()


@pytest.fixture
def runner(app):  # type: ignore[no-untyped-def]
    return app.test_cli_runner()


class Login:
    """Signs the test client in and out through the real forms (CSRF token taken from the page)."""

    password = PASSWORD

    def __init__(self, client) -> None:  # type: ignore[no-untyped-def]
        self.client = client

    def token(self, path: str = "/login") -> str:
        """Returns the CSRF token of the first form on the page at `path`."""
        import re

        html = self.client.get(path, follow_redirects=True).get_data(as_text=True)
        found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
        assert found, f"no CSRF token on {path}"
        return found.group(1)

    def __call__(self, username: str = "admin", password: str = PASSWORD):  # type: ignore
        """Posts the login form; returns the response."""
        return self.client.post("/login", data={"username": username, "password": password,
                                                "csrf_token": self.token("/login")})

    def logout(self):  # type: ignore[no-untyped-def]
        return self.client.post("/logout", data={"csrf_token": self.token("/units/")})


@pytest.fixture
def login(client) -> Login:  # type: ignore[no-untyped-def]
    return Login(client)


@pytest.fixture
def live_server(app):  # type: ignore[no-untyped-def]
    """Returns the base URL of the app served on a free localhost port in a background thread."""
    import threading

    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)
    server.server_close()


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Returns a headless Chromium (Debian's /usr/bin/chromium) driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(browser):  # type: ignore[no-untyped-def]
    """Returns a fresh page (own cookies) in Vietnamese locale, 1280×900."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
