"""The annual summary's actions: a unit's narrative, its report, and the year's state.

The results of the year's targets: target_results.py (importable from here too); the targets
themselves: targets.py; the summary batch and its book: summary_batch.py.

Web and CLI call these; every refusal is a RecordError whose problems say, in Vietnamese, where
and what is wrong.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from pydantic import ValidationError

from ..domain.errors import Problem, RecordError
from ..domain.records import Unit, UnitReport
from ..domain.recordset import in_vietnamese, vietnamese_message
from ..store import db
from ..store import repository as repo
from .render import Rendered, render_one
from .summary_batch import tree
from .target_results import (
    ResultLine,
    import_results,
    result_lines,
    results_workbook,
    save_results,
)

__all__ = [
    "KIND", "SECTIONS", "Overview", "ResultLine", "UnitLine", "import_results", "overview",
    "report_document", "result_lines", "results_workbook", "save_narrative", "save_results",
    "unit_narrative",
]

KIND = "summary"
# The narrative sections a unit writes (UnitReport.sections), in the report's order.
SECTIONS: dict[str, str] = {
    "ket_qua_phong_trao": "I. Kết quả thực hiện phong trào thi đua",
    "ket_qua_khen_thuong": "II. Kết quả công tác khen thưởng",
    "uu_diem": "III.1. Ưu điểm",
    "han_che": "III.2. Hạn chế",
    "phuong_huong": "IV. Phương hướng, nhiệm vụ năm tới",
}


# ---------------------------------------------------------------- a unit's narrative


def unit_narrative(year: int, unit: str, url: str | None = None) -> tuple[Unit, UnitReport]:
    """Returns the unit and what it wrote for its report (empty sections if nothing yet);
    RecordError for an unknown unit."""
    with db.transaction(url) as session:
        found = repo.unit(session, unit)
        if found is None:
            raise RecordError.one(f"không có đơn vị mã “{unit}”", field="unit")
        reports = [r for r in repo.load_all(session, "reports", year=year) if r.unit == unit]
    return found, reports[0] if reports else UnitReport(unit=unit, year=year)


def save_narrative(
    year: int, unit: str, sections: dict[str, str], url: str | None = None
) -> UnitReport:
    """Saves the unit's narrative sections (keys of SECTIONS; blank ones left out: the report
    then writes its own sentences from the figures) and returns it."""
    unknown = sorted(set(sections) - set(SECTIONS))
    if unknown:
        raise RecordError.one(
            f"không có mục “{unknown[0]}” trong báo cáo tổng kết", field=unknown[0]
        )
    texts = {
        key: "\n".join(
            line.rstrip() for line in unicodedata.normalize("NFC", value).strip().splitlines()
        )
        for key, value in sections.items()
        if value and value.strip()
    }
    try:
        report = UnitReport(unit=unit, year=year, sections=texts)
    except ValidationError as exc:
        raise RecordError(
            [Problem(vietnamese_message(e), field=str(e["loc"][-1])) for e in exc.errors()]
        ) from exc
    with db.transaction(url) as session:
        if repo.unit_id(session, unit) is None:
            raise RecordError.one(f"không có đơn vị mã “{unit}”", field="unit")
        repo.save_report(session, report)
    return report


def report_document(year: int, unit: str | None, url: str | None = None) -> Rendered:
    """Makes the summary report of `unit` (None: the province's roll-up), numbered in the
    issuing unit's register, or finds it unchanged; a PDF left beside it from an earlier
    rendering is removed. RecordError (fields named in Vietnamese), TemplateError as
    render_one."""
    try:
        made = render_one(KIND, year, unit, url=url)
    except RecordError as exc:
        raise in_vietnamese(exc) from None
    return made


@dataclass(frozen=True)
class UnitLine:
    """A unit of the overview, in tree order: its depth and how many sections it wrote."""

    unit: Unit
    depth: int
    written: int


@dataclass(frozen=True)
class Overview:
    year: int
    has_movement: bool
    indicators: int
    with_results: int
    units: list[UnitLine]


def overview(year: int, url: str | None = None) -> Overview:
    """Returns the year's state: the directive's indicators and how many have a result, and
    every unit in tree order with how many narrative sections it wrote."""
    with db.transaction(url) as session:
        movement = repo.movement(session, year)
        results = repo.results(session, year)
        units = repo.load_all(session, "units")
        written = {r.unit: len(r.sections) for r in repo.load_all(session, "reports", year=year)}
    indicators = movement.indicators() if movement else []
    filled = {r.indicator for r in (results.results if results else []) if r.achieved}
    lines = [UnitLine(u, depth, written.get(u.code, 0)) for u, depth in tree(units)]
    return Overview(
        year,
        movement is not None,
        len(indicators),
        sum(1 for _, i in indicators if i.code in filled),
        lines,
    )
