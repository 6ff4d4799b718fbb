"""What the annual summary report (báo cáo tổng kết) is made from: a unit's records of the
year, or, for the province's roll-up (no unit), the whole province's."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from ..documents.kinds import summary as summary_kind
from ..domain.errors import RecordError
from ..domain.records import Decision, Unit
from ..store import repository as repo
from ..vnformat.symbols import number_and_symbol

if TYPE_CHECKING:
    from .sources import Source

REPORT_DAY = (12, 15)  # a report is dated 15 December, or after the year's last decision


def report_date(year: int, decisions: list[Decision]) -> dt.date:
    """Returns the report's date: 15/12 of `year`, or the day of the year's last decision when
    later (the report counts what it conferred)."""
    dates = [d.date for d in decisions if d.year == year]
    return max([dt.date(year, *REPORT_DAY), *dates])


def province_unit(units: list[Unit]) -> Unit:
    """Returns the one unit of kind "province"; RecordError when there is not exactly one."""
    tops = [u for u in units if u.kind == "province"]
    if len(tops) != 1:
        raise RecordError.one(f"cần đúng một đơn vị cấp tỉnh, tìm thấy {len(tops)}", field="unit")
    return tops[0]


def summary(session: Session, year: int, unit: str | None) -> Source:
    """The summary report of `unit` for `year`, issued by that unit; with `unit` None the
    province's roll-up, issued by the province's unit. RecordError for an unknown unit."""
    from .sources import Source  # sources.LOADERS lists this function

    units = repo.load_all(session, "units")
    by_code = {u.code: u for u in units}
    if unit is not None and unit not in by_code:
        raise RecordError.one(f"không có đơn vị mã “{unit}”", field="unit")
    issuing = by_code[unit] if unit is not None else province_unit(units)
    parent = by_code.get(issuing.parent) if issuing.parent else None
    movement = repo.movement(session, year)
    decisions = repo.load_all(session, "decisions", year=year)
    date = report_date(year, decisions)
    reports = [r for r in repo.load_all(session, "reports", year=year) if r.unit == issuing.code]
    args = {
        "unit": issuing,
        "parent": parent,
        "year": year,
        "date": date,
        "head": repo.person(session, issuing.head) if issuing.head else None,
        "movement": movement,
        "report": reports[0] if reports else None,
        "issuer": by_code.get(movement.issuing_unit) if movement else None,
    }
    if unit is None:
        args |= {
            "units": units,
            "people": repo.load_all(session, "people"),
            "registrations": repo.load_all(session, "registrations", year=year),
            "achievements": repo.load_all(session, "achievements", year=year),
            "nominations": repo.load_all(session, "nominations", year=year),
            "decisions": decisions,
            "results": repo.results(session, year),
        }
    else:
        args |= _unit_records(session, issuing, year, decisions)
    subject = summary_kind.subject(year)
    uid = repo.unit_id(session, issuing.code)
    assert uid is not None
    return Source(
        args=args,
        unit_id=uid,
        year=date.year,
        date=date,
        subject=subject,
        record_key=f"summary:{year}" + (f":{unit}" if unit else ""),
        symbol=lambda n: number_and_symbol(n, summary_kind.TYPE_CODE, issuing.abbreviation),
        slug_text=f"tổng kết {year} {issuing.code if unit else 'toàn tỉnh'}",  # unique per unit
    )


def _unit_records(session: Session, unit: Unit, year: int, decisions: list[Decision]) -> dict:
    """Returns the records a unit's report counts: its people, their and its achievements of
    the year and the year before, the nominations about them and the decisions on those."""
    staff = repo.people_of(session, unit.code)
    codes = {p.code for p in staff}
    achievements = [
        a
        for y in (year, year - 1)
        for a in repo.load_all(session, "achievements", year=y)
        if a.unit == unit.code or a.person in codes
    ]
    nominations = [
        n
        for n in repo.load_all(session, "nominations", year=year)
        if unit.code in (n.unit, n.nominee_unit) or n.person in codes
    ]
    named = {n.code for n in nominations}
    return {
        "people": staff,
        "achievements": achievements,
        "nominations": nominations,
        "decisions": [d for d in decisions if named.intersection(d.nominations)],
        "registration": repo.registration(session, unit.code, year),
        "previous_registration": repo.registration(session, unit.code, year - 1),
    }
