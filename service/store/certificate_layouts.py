"""A unit's certificate layouts: stored per unit and blank, else the province's defaults."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..domain.certificate_layout import (
    CertificateLayout,
    default_layout,
    layout_from_dict,
    layout_to_dict,
)
from ..domain.errors import RecordError
from .models import CertificateLayoutRow
from .repository import unit_id


def _unit_id(session: Session, unit_code: str) -> int:
    uid = unit_id(session, unit_code)
    if uid is None:
        raise RecordError.one(f"không có đơn vị mã “{unit_code}”", field="đơn vị")
    return uid


def is_custom(session: Session, unit_code: str, honour: str) -> bool:
    """Returns True when the unit has its own layout for the blank (not the default)."""
    uid = unit_id(session, unit_code)
    return uid is not None and session.scalars(
        select(CertificateLayoutRow.id).filter_by(unit_id=uid, honour=honour)
    ).first() is not None


def get(session: Session, unit_code: str, honour: str) -> CertificateLayout:
    """Returns the unit's layout for the blank of `honour`, else the default one. RecordError
    when the unit is unknown or the honour has no blank."""
    row = session.scalars(
        select(CertificateLayoutRow).filter_by(unit_id=_unit_id(session, unit_code), honour=honour)
    ).one_or_none()
    if row is None:
        return default_layout(honour)
    return layout_from_dict(row.data)


def save(session: Session, unit_code: str, honour: str, layout: CertificateLayout) -> None:
    """Stores the unit's layout for the blank of `honour` (replacing any); the caller commits.
    RecordError when the unit is unknown or the honour has no blank."""
    default_layout(honour)  # only blanks the province knows
    uid = _unit_id(session, unit_code)
    data = layout_to_dict(layout)
    row = session.scalars(
        select(CertificateLayoutRow).filter_by(unit_id=uid, honour=honour)
    ).one_or_none()
    if row is None:
        session.add(CertificateLayoutRow(unit_id=uid, honour=honour, data=data))
    else:
        row.data = data
    session.flush()


def reset(session: Session, unit_code: str, honour: str) -> None:
    """Forgets the unit's own layout of the blank, so the default applies again."""
    session.execute(
        delete(CertificateLayoutRow).where(
            CertificateLayoutRow.unit_id == _unit_id(session, unit_code),
            CertificateLayoutRow.honour == honour,
        )
    )
