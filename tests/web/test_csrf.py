"""CSRF protection stays on: a form posted without its token is refused with a Vietnamese page."""

from __future__ import annotations

REFUSED = "Biểu mẫu không hợp lệ"


def test_csrf_is_on_in_the_tests(app) -> None:
    assert app.config.get("WTF_CSRF_ENABLED", True) is True


def test_login_without_token_is_refused(client, login) -> None:
    response = client.post("/login", data={"username": "admin", "password": login.password})
    assert response.status_code == 400
    assert REFUSED in response.get_data(as_text=True)
    assert client.get("/units/").status_code == 302


def test_login_with_a_forged_token_is_refused(client, login) -> None:
    login.token()  # the session has a token, but not this one
    response = client.post(
        "/login", data={"username": "admin", "password": login.password, "csrf_token": "gia-mao"}
    )
    assert response.status_code == 400


def test_logout_without_token_is_refused_and_keeps_the_session(client, login) -> None:
    login("admin")
    response = client.post("/logout")
    assert response.status_code == 400
    assert REFUSED in response.get_data(as_text=True)
    assert client.get("/units/").status_code == 200


def test_every_form_of_the_header_carries_the_token(client, login) -> None:
    login("admin")
    html = client.get("/units/").get_data(as_text=True)
    forms = html.count('<form method="post"')
    assert forms >= 1
    assert html.count('name="csrf_token"') >= forms
