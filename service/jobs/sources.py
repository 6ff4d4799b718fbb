"""What each document kind is made from: the records loaded from the store, and how the
document is numbered, dated and named in the register."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ..documents.kinds import registration as registration_kind
from ..documents.kinds import registration_summary as summary_kind
from ..domain.errors import RecordError
from ..domain.records import Movement, Signer, Unit
from ..store import repository as repo
from ..vnformat.symbols import number_and_symbol
from .summary_source import summary as summary_report
from . import nomination_sources as nominated


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
    if unit is not None and unit != movement.issuing_unit:
        raise RecordError.one(f"chỉ thị năm {year} do đơn vị “{movement.issuing_unit}” ban hành, "
                              f"không phải “{unit}”", field="unit")
    issuing, parent, uid = _unit(session, movement.issuing_unit)
    return Source(
        args={"movement": movement, "unit": issuing, "parent": parent},
        unit_id=uid, year=movement.date.year, date=movement.date, subject=movement.subject,
        record_key=f"movement:{year}", fixed_number=movement.number,
        symbol=lambda n: f"{n:02d}/{movement.symbol}", slug_text=movement.subject,
    )


def _province(session: Session, year: int) -> tuple[Movement | None, Unit | None]:
    """Returns the year's directive and the unit that issued it (else the top unit)."""
    movement = repo.movement(session, year)
    if movement is not None:
        return movement, repo.unit(session, movement.issuing_unit)
    top = [u for u in repo.load_all(session, "units") if u.kind == "province"]
    return None, (top[0] if top else None)


def registration(session: Session, year: int, unit: str | None) -> Source:
    """The registration letter (công văn đăng ký thi đua) of `unit`, once submitted."""
    if unit is None:
        raise RecordError.one("công văn đăng ký thi đua cần mã đơn vị (--unit)", field="unit")
    issuing, parent, uid = _unit(session, unit)
    reg = repo.registration(session, unit, year)
    if reg is None:
        raise RecordError.one(f"{issuing.name} chưa đăng ký thi đua năm {year}", field="unit")
    if reg.status != "submitted" or reg.signer is None or reg.date is None:
        raise RecordError.one(f"bản đăng ký thi đua năm {year} của {issuing.name} chưa gửi "
                              "(đang soạn) hoặc chưa có người ký, ngày ký", field="status")
    movement, province = _province(session, year)
    subject = f"Đăng ký thi đua năm {year}"  # the register's trích yếu, without `V/v`
    return Source(
        args={"registration": reg, "unit": issuing, "parent": parent, "province": province,
              "movement": movement},
        unit_id=uid, year=reg.date.year, date=reg.date, subject=subject,
        record_key=f"registration:{unit}:{year}",
        symbol=lambda n: registration_kind.letter_symbol(n, issuing),
        slug_text=f"{subject} {unit}",
    )


def registration_summary(session: Session, year: int, unit: str | None) -> Source:
    """The province's consolidated registrations, made by `unit` (default: Sở Nội vụ, whose
    Ban TĐKT keeps the registrations) and signed by its head; dated today."""
    units = repo.load_all(session, "units")
    if unit is None:
        home = [u for u in units if u.name.casefold() == registration_kind.HOME_AFFAIRS.casefold()]
        if not home:
            raise RecordError.one("không tìm thấy Sở Nội vụ để lập bản tổng hợp; chọn đơn vị "
                                  "lập (--unit)", field="unit")
        unit = home[0].code
    issuing, parent, uid = _unit(session, unit)
    head = repo.person(session, issuing.head) if issuing.head else None
    if head is None or not issuing.head_title:
        raise RecordError.one(f"{issuing.name} chưa có thủ trưởng (người ký bản tổng hợp)",
                              field="head")
    movement, province = _province(session, year)
    today = dt.date.today()
    subject = summary_kind.subject(year)
    return Source(
        args={"year": year, "units": summary_kind.units_in_order(units),
              "registrations": repo.load_all(session, "registrations", year=year),
              "issuer": issuing, "parent": parent,
              "signer": Signer(name=head.full_name, title=issuing.head_title),
              "province": province, "movement": movement, "date": today},
        unit_id=uid, year=today.year, date=today, subject=subject,
        record_key=f"registration_summary:{year}",
        symbol=lambda n: number_and_symbol(n, summary_kind.TYPE_CODE, issuing.abbreviation),
        slug_text=subject,
    )


LOADERS: dict[str, Callable[[Session, int, str | None], Source]] = {
    "directive": directive,
    "registration": registration,
    "registration_summary": registration_summary,
    "summary": summary_report,
    "submission": nominated.submission,
    "minutes": nominated.minutes,
    "achievement_report": nominated.achievement_report,
    "decision": nominated.decision,
}


def load(session: Session, kind: str, year: int, unit: str | None) -> Source:
    """Returns the source of document `kind`; RecordError when its records are missing."""
    if kind not in LOADERS:
        raise RecordError.one(f"loại văn bản “{kind}” chưa có nguồn dữ liệu")
    return LOADERS[kind](session, year, unit)
