"""Signing in and out through the forms; pages ask for a signed-in user."""

from __future__ import annotations

BAD_LOGIN = "Tên đăng nhập hoặc mật khẩu không đúng."


def test_login_page_is_a_vietnamese_form_with_a_csrf_token(client) -> None:
    html = client.get("/login").get_data(as_text=True)
    assert "Đăng nhập" in html
    assert "Tên đăng nhập" in html and "Mật khẩu" in html
    assert 'name="csrf_token"' in html


def test_good_password_signs_in_and_shows_the_user_and_role(client, login) -> None:
    response = login("admin")
    assert response.status_code == 302
    html = client.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert "Quản trị Sở Nội vụ" in html
    assert "Quản trị cấp tỉnh" in html
    assert "Đăng xuất" in html


def test_bad_password_is_refused_with_a_vietnamese_message(client, login) -> None:
    response = login("admin", "mat-khau-sai")
    assert response.status_code == 200
    assert BAD_LOGIN in response.get_data(as_text=True)
    assert client.get("/units/").status_code == 302


def test_unknown_user_gets_the_same_message(login) -> None:
    assert BAD_LOGIN in login("khong-co-ai", "mat-khau-sai").get_data(as_text=True)


def test_empty_fields_are_reported_in_vietnamese(client, login) -> None:
    response = client.post("/login", data={"csrf_token": login.token()})
    html = response.get_data(as_text=True)
    assert "Nhập tên đăng nhập." in html and "Nhập mật khẩu." in html


def test_a_page_asks_for_login_and_comes_back_after_it(client, login) -> None:
    response = client.get("/people/?unit=SNV")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")
    page = client.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert "Vui lòng đăng nhập để tiếp tục." in page
    token = login.token(response.headers["Location"])
    back = client.post(
        "/login",
        data={
            "username": "admin",
            "password": login.password,
            "next": "/people/?unit=SNV",
            "csrf_token": token,
        },
    )
    assert back.headers["Location"] == "/people/?unit=SNV"


def test_a_next_outside_the_site_is_ignored(client, login) -> None:
    response = client.post(
        "/login",
        data={
            "username": "admin",
            "password": login.password,
            "next": "//evil.example/",
            "csrf_token": login.token(),
        },
    )
    assert response.headers["Location"] == "/"


def test_logout_signs_out(client, login) -> None:
    login("admin")
    response = login.logout()
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    assert "Bạn đã đăng xuất." in client.get("/login").get_data(as_text=True)
    assert client.get("/units/").status_code == 302


def test_logout_is_not_a_get(client, login) -> None:
    login("admin")
    response = client.get("/logout")
    assert response.status_code == 405
    assert "Thao tác không được phép" in response.get_data(as_text=True)


def test_signed_in_user_visiting_login_goes_home(client, login) -> None:
    login("admin")
    assert client.get("/login").headers["Location"] == "/"
