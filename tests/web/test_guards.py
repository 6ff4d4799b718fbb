"""Roles: the admin sees everything, a clerk only their unit, a viewer reads but never writes."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from flask import g

from service.web.guards import can_access_unit, can_change_unit, scope_unit, unit_scoped

ADMIN = SimpleNamespace(role="admin", unit_code=None)
CLERK = SimpleNamespace(role="clerk", unit_code="SNV")
VIEWER = SimpleNamespace(role="viewer", unit_code=None)
NOBODY = SimpleNamespace(role="", unit_code="SNV")


@pytest.mark.parametrize(
    ("user", "unit", "see", "change"),
    [
        (ADMIN, "SNV", True, True),
        (ADMIN, "SYT", True, True),
        (CLERK, "SNV", True, True),
        (CLERK, "SYT", False, False),
        (CLERK, None, False, False),
        (VIEWER, "SNV", True, False),
        (NOBODY, "SNV", False, False),
    ],
)
def test_who_may_see_and_change_a_unit(user, unit, see, change) -> None:
    assert can_access_unit(user, unit) is see
    assert can_change_unit(user, unit) is change


@pytest.mark.parametrize(("user", "scope"), [(ADMIN, None), (CLERK, "SNV"), (VIEWER, None)])
def test_scope_of_the_lists(user, scope) -> None:
    assert scope_unit(user) == scope


def _rows(html: str, cls: str = "name") -> int:
    return html.count(f'<td class="{cls}">')


def test_clerk_sees_only_their_units_people(client, login) -> None:
    login("vanthu.snv")
    html = client.get("/people/").get_data(as_text=True)
    assert "Sở Nội vụ" in html
    assert "Sở Y tế" not in html  # neither in the rows nor in the unit picker
    assert "Tất cả đơn vị" not in html
    assert "trong tổng số 9 cán bộ" in html
    assert "Văn thư đơn vị · Sở Nội vụ" in html  # the header says who and where


def test_clerk_gets_403_on_another_units_page(client, login) -> None:
    login("vanthu.snv")
    for path in (
        "/people/?unit=SYT",
        "/units/?unit=SYT",
        "/registrations/?unit=SYT",
        "/achievements/?unit=SYT",
        "/nominations/?unit=SYT",
        "/register/?unit=SYT",
    ):
        response = client.get(path)
        assert response.status_code == 403, path
        assert "Không có quyền truy cập" in response.get_data(as_text=True)
    assert client.get("/people/?unit=SNV").status_code == 200


def test_clerk_lists_show_only_their_unit(client, login) -> None:
    login("vanthu.snv")
    units = client.get("/units/").get_data(as_text=True)
    assert "Sở Nội vụ" in units and "Sở Y tế" not in units
    assert '<tr class="depth-0">' in units  # their unit heads their list
    regs = client.get("/registrations/?year=2024").get_data(as_text=True)
    assert "Sở Nội vụ" in regs and "Sở Y tế" not in regs
    noms = client.get("/nominations/?year=2024").get_data(as_text=True)
    assert "Sở Y tế" not in noms


def test_admin_and_viewer_see_every_unit(client, login) -> None:
    for user in ("admin", "xem"):
        login(user)
        html = client.get("/people/").get_data(as_text=True)
        assert "Tất cả đơn vị" in html and "Sở Y tế" in html
        assert client.get("/people/?unit=SYT").status_code == 200
        login.logout()


def test_an_unknown_unit_is_404(client, login) -> None:
    login("admin")
    response = client.get("/people/?unit=KHONG-CO")
    assert response.status_code == 404
    assert "Không tìm thấy" in response.get_data(as_text=True)


@pytest.fixture
def write_route(app):
    """Adds a POST view about one unit, as later features will have."""

    @unit_scoped
    def change(unit: str) -> str:
        return f"đã lưu {g.unit_code}"

    app.add_url_rule("/_test/<unit>/change", "test_change", change, methods=["GET", "POST"])
    return "/_test/{}/change"


@pytest.mark.parametrize(
    ("user", "unit", "status"),
    [
        ("admin", "SYT", 200),
        ("vanthu.snv", "SNV", 200),
        ("vanthu.snv", "SYT", 403),
        ("xem", "SNV", 403),
    ],
)
def test_unit_scoped_guards_writes(client, login, write_route, user, unit, status) -> None:
    login(user)
    response = client.post(write_route.format(unit), data={"csrf_token": login.token()})
    assert response.status_code == status


def test_viewer_reads_but_cannot_post(client, login, write_route) -> None:
    login("xem")
    assert client.get(write_route.format("SNV")).status_code == 200
    token = login.token("/units/")
    for path in ("/units/", "/people/", write_route.format("SNV")):
        response = client.post(path, data={"csrf_token": token})
        assert response.status_code == 403, path
        assert "Không có quyền truy cập" in response.get_data(as_text=True)
    assert login.logout().headers["Location"] == "/login"  # signing out is always allowed


@pytest.fixture
def edit_routes(app):
    """Adds the GET of an edit form (write=True) and an admin-only and a writers-only page."""
    from service.web.guards import admin_required, writer_required

    @unit_scoped(write=True)
    def edit(unit: str) -> str:
        return "biểu mẫu sửa"

    @admin_required
    def settings() -> str:
        return "cài đặt"

    @writer_required
    def create() -> str:
        return "tạo mới"

    app.add_url_rule("/_test/<unit>/edit", "test_edit", edit)
    app.add_url_rule("/_test/settings", "test_settings", settings)
    app.add_url_rule("/_test/create", "test_create", create)


@pytest.mark.parametrize(
    ("user", "path", "status"),
    [
        ("admin", "/_test/SYT/edit", 200),
        ("vanthu.snv", "/_test/SNV/edit", 200),
        ("vanthu.snv", "/_test/SYT/edit", 403),
        ("xem", "/_test/SNV/edit", 403),
        ("admin", "/_test/settings", 200),
        ("vanthu.snv", "/_test/settings", 403),
        ("xem", "/_test/settings", 403),
        ("vanthu.snv", "/_test/create", 200),
        ("xem", "/_test/create", 403),
    ],
)
def test_role_guards(client, login, edit_routes, user, path, status) -> None:
    login(user)
    assert client.get(path).status_code == status


def test_role_guards_ask_anonymous_users_to_sign_in(client, edit_routes) -> None:
    for path in ("/_test/SNV/edit", "/_test/settings", "/_test/create"):
        assert client.get(path).headers["Location"].startswith("/login?next=")
