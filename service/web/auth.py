"""Signing in and out: the login manager, the account as Flask-Login sees it, the forms."""

from __future__ import annotations

from flask import Blueprint, Flask, flash, redirect, render_template, request, url_for
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, Length

from ..store import repository
from ..store.users import ROLES, User, authenticate, get_user
from .database import get_session

bp = Blueprint("auth", __name__)
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Vui lòng đăng nhập để tiếp tục."
login_manager.login_message_category = "info"

BAD_LOGIN = "Tên đăng nhập hoặc mật khẩu không đúng."


class WebUser(UserMixin):
    """A signed-in account (store.users.User) with what Flask-Login and the templates need."""

    def __init__(self, account: User, unit_name: str = "") -> None:
        self.account = account
        self.unit_name = unit_name  # the unit a clerk is bound to, shown in the header

    def get_id(self) -> str:
        return str(self.account.id)

    @property
    def is_active(self) -> bool:  # type: ignore[override]
        return self.account.active

    @property
    def username(self) -> str:
        return self.account.username

    @property
    def role(self) -> str:
        return self.account.role

    @property
    def unit_code(self) -> str | None:
        return self.account.unit_code

    @property
    def display_name(self) -> str:
        return self.account.full_name or self.account.username

    @property
    def role_label(self) -> str:
        return ROLES.get(self.account.role, self.account.role)


@login_manager.user_loader
def load_user(user_id: str) -> WebUser | None:
    session = get_session()
    account = get_user(session, int(user_id)) if user_id.isdigit() else None
    if account is None or not account.active:
        return None
    unit = repository.unit(session, account.unit_code) if account.unit_code else None
    return WebUser(account, unit.name if unit else "")


class LoginForm(FlaskForm):
    username = StringField(
        "Tên đăng nhập", validators=[DataRequired("Nhập tên đăng nhập."), Length(max=80)]
    )
    password = PasswordField("Mật khẩu", validators=[DataRequired("Nhập mật khẩu.")])
    next = HiddenField()

    def safe_next(self) -> str | None:
        """Returns the page to go back to when it is a path of this site, else None."""
        target = (self.next.data or "").strip()
        if target.startswith("/") and not target.startswith("//") and "\\" not in target:
            return target
        return None


class LogoutForm(FlaskForm):
    """The sign-out button in the header (a form, so it carries the CSRF token)."""


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    app.register_blueprint(bp)

    @app.context_processor
    def _logout_form() -> dict[str, object]:
        return {"logout_form": LogoutForm}


@bp.route("/login", methods=["GET", "POST"])
def login():  # type: ignore[no-untyped-def]
    if current_user.is_authenticated:
        return redirect(url_for("index"))
    form = LoginForm()
    if form.validate_on_submit():
        account = authenticate(get_session(), form.username.data or "", form.password.data or "")
        if account is not None:
            login_user(WebUser(account))
            flash(f"Xin chào {account.full_name or account.username}.", "success")
            return redirect(form.safe_next() or url_for("index"))
        form.form_errors.append(BAD_LOGIN)
    elif not form.is_submitted():
        form.next.data = request.args.get("next", "")
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
def logout():  # type: ignore[no-untyped-def]
    if LogoutForm().validate_on_submit():
        logout_user()
        flash("Bạn đã đăng xuất.", "info")
    return redirect(url_for("auth.login"))
