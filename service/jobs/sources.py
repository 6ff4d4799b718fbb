"""What each document kind is made from: the records loaded from the store, and how the
document is numbered, dated and named in the register."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ..domain.errors import RecordError
from ..domain.records import Unit
from ..store import repository as repo


@dataclass(frozen=True)
class Source:
    """The records of one document and its register facts."""

    args: dict[str, Any]  # passed to the kind's build_context, with `number`
    unit_id: int  # the issuing unit, whose register numbers it
    year: int
    date: dt.date
    subject: str
    record_key: str  # identifies the record the document is made from, across re-renders
    symbol: Callable[[int], str]  # number → `01/CT-UBND`
    fixed_number: int | None = None  # a number already given outside the register
    slug_text: str = ""


def _unit(session: Session, code: str) -> tuple[Unit, Unit | None, int]:
    unit = repo.unit(session, code)
    if unit is None:
        raise RecordError.one(f"không có đơn vị mã “{code}”", field="unit")
    parent = repo.unit(session, unit.parent) if unit.parent else None
    uid = repo.unit_id(session, code)
    assert uid is not None
    return unit, parent, uid


def directive(session: Session, year: int, unit: str | None) -> Source:
    movement = repo.movement(session, year)
    if movement is None:
        raise RecordError.one(f"chưa có chỉ thị phát động thi đua năm {year} trong dữ liệu",
                              field="year")
    issuing, parent, uid = _unit(session, movement.issuing_unit)
    return Source(
        args={"movement": movement, "unit": issuing, "parent": parent},
        unit_id=uid, year=movement.date.year, date=movement.date, subject=movement.subject,
        record_key=f"movement:{year}", fixed_number=movement.number,
        symbol=lambda n: f"{n:02d}/{movement.symbol}", slug_text=movement.subject,
    )


LOADERS: dict[str, Callable[[Session, int, str | None], Source]] = {
    "directive": directive,
}


def load(session: Session, kind: str, year: int, unit: str | None) -> Source:
    """Returns the source of document `kind`; RecordError when its records are missing."""
    if kind not in LOADERS:
        raise RecordError.one(f"loại văn bản “{kind}” chưa có nguồn dữ liệu")
    return LOADERS[kind](session, year, unit)
