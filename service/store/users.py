"""Accounts: hashed passwords and roles (province admin, clerk bound to a unit, viewer)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from ..domain.errors import RecordError
from .models import UnitRow, UserRow

ROLES = {"admin": "Quản trị cấp tỉnh", "clerk": "Văn thư đơn vị", "viewer": "Người xem"}


@dataclass(frozen=True)
class User:
    id: int
    username: str
    full_name: str
    role: str
    unit_code: str | None
    active: bool


def _user(session: Session, row: UserRow) -> User:
    code = session.scalars(select(UnitRow.code).where(UnitRow.id == row.unit_id)).one_or_none() \
        if row.unit_id else None
    return User(row.id, row.username, row.full_name, row.role, code, row.active)


def add_user(session: Session, username: str, password: str, role: str,
             unit_code: str | None = None, full_name: str = "") -> User:
    """Creates an account; raises RecordError for a bad role, unknown unit, weak password or duplicate."""
    username = username.strip()
    if role not in ROLES:
        raise RecordError.one(f"vai trò “{role}” không hợp lệ; chọn: {', '.join(ROLES)}", field="role")
    if not username:
        raise RecordError.one("tên đăng nhập không được để trống", field="username")
    if len(password) < 8:
        raise RecordError.one("mật khẩu phải có ít nhất 8 ký tự", field="password")
    if session.scalars(select(UserRow).where(UserRow.username == username)).first():
        raise RecordError.one(f"tên đăng nhập “{username}” đã có", field="username")
    unit_id = None
    if role == "clerk" and not unit_code:
        raise RecordError.one("văn thư phải gắn với một đơn vị", field="unit")
    if unit_code:
        unit_id = session.scalars(select(UnitRow.id).where(UnitRow.code == unit_code)).one_or_none()
        if unit_id is None:
            raise RecordError.one(f"đơn vị “{unit_code}” không có", field="unit")
    row = UserRow(username=username, full_name=full_name, role=role, unit_id=unit_id,
                  password_hash=generate_password_hash(password))
    session.add(row)
    session.flush()
    return _user(session, row)


def authenticate(session: Session, username: str, password: str) -> User | None:
    row = session.scalars(select(UserRow).where(UserRow.username == username.strip())).one_or_none()
    if row is None or not row.active or not check_password_hash(row.password_hash, password):
        return None
    return _user(session, row)


def get_user(session: Session, user_id: int) -> User | None:
    row = session.get(UserRow, user_id)
    return _user(session, row) if row else None


def find_user(session: Session, username: str) -> User | None:
    row = session.scalars(select(UserRow).where(UserRow.username == username)).one_or_none()
    return _user(session, row) if row else None
