"""Who may see and change what: role and unit guards as view decorators, and the rules behind them.

Roles: `admin` (province: sees and changes every unit), `clerk` (sees and changes only the unit
they are bound to), `viewer` (sees every unit, changes nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, Protocol, TypeVar

from flask import abort, g, request
from flask_login import current_user, login_required

from ..store import repository
from .database import get_session

__all__ = [
    "admin_required",
    "can_access_unit",
    "can_change_unit",
    "can_write",
    "login_required",
    "refuse_viewer_writes",
    "roles_required",
    "scope_unit",
    "unit_scoped",
    "writer_required",
]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Endpoints every signed-in user may POST to, whatever their role.
ALWAYS_POSTABLE = frozenset({"auth.login", "auth.logout"})

F = TypeVar("F", bound=Callable[..., Any])


class Account(Protocol):
    role: str
    unit_code: str | None


def can_access_unit(user: Account, unit_code: str | None) -> bool:
    """Returns True when `user` may see the records of `unit_code` (admin, viewer: every unit)."""
    if user.role in ("admin", "viewer"):
        return True
    return user.role == "clerk" and unit_code is not None and unit_code == user.unit_code


def can_change_unit(user: Account, unit_code: str | None) -> bool:
    """Returns True when `user` may change the records of `unit_code` (viewer: never)."""
    if user.role == "admin":
        return True
    return user.role == "clerk" and unit_code is not None and unit_code == user.unit_code


def can_write(user: Account) -> bool:
    """Returns True for the roles that may change anything at all (admin, clerk)."""
    return user.role in ("admin", "clerk")


def scope_unit(user: Account) -> str | None:
    """Returns the one unit a user's lists are limited to; None means every unit."""
    return user.unit_code if user.role == "clerk" else None


def roles_required(*roles: str) -> Callable[[F], F]:
    """Refuses (403) a signed-in user whose role is not one of `roles`; asks others to sign in."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return login_required(wrapped)  # type: ignore[return-value]

    return decorator


writer_required = roles_required("admin", "clerk")
admin_required = roles_required("admin")


def unit_scoped(view: F | None = None, *, arg: str = "unit", write: bool | None = None) -> Any:
    """Guards a view about one unit and sets `g.unit_code`, the unit the view must limit itself to.

    The unit comes from the URL rule's `arg`, else the query string or form field `arg`. A unit
    the user may not see (GET) or change (POST…, or any method with `write=True`, e.g. the GET of
    an edit form) is refused with 403; an unknown one with 404. Without a unit, `g.unit_code` is
    the clerk's own unit, or None (every unit) for the others.
    Usable bare (`@unit_scoped`) or with arguments (`@unit_scoped(arg="code", write=True)`).
    """

    def decorator(func: F) -> F:
        @wraps(func)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            code = kwargs.get(arg) or request.values.get(arg, "").strip() or None
            writing = write if write is not None else request.method not in SAFE_METHODS
            if code is not None:
                if not (can_change_unit if writing else can_access_unit)(current_user, code):
                    abort(403)
                if repository.unit_id(get_session(), code) is None:
                    abort(404)
            elif writing and not can_write(current_user):
                abort(403)
            g.unit_code = code or scope_unit(current_user)
            return func(*args, **kwargs)

        return login_required(wrapped)  # type: ignore[return-value]

    return decorator(view) if view is not None else decorator


def refuse_viewer_writes() -> None:
    """App-wide `before_request`: a read-only account may not POST anywhere but sign-in/out."""
    if request.method in SAFE_METHODS or request.endpoint in ALWAYS_POSTABLE:
        return
    if current_user.is_authenticated and not can_write(current_user):
        abort(403)
