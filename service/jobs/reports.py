"""The annual summary's actions: the results of the year's targets (form, Excel; the targets
themselves: targets.py), a unit's narrative for its report, its report, and the summary batch
(every unit and the province's roll-up, then one PDF book of them all: summary_batch.py).

Web and CLI call these; every refusal is a RecordError whose problems say, in Vietnamese, where
(the indicator and column of the form, or the sheet's row and column) and what is wrong; a
problem's `field` is `<indicator code>:<column key>` (`4.2:planned`) for the form to mark.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from pydantic import ValidationError

from ..domain.errors import Problem, RecordError
from ..domain.records import IndicatorResult, TargetResults, Unit, UnitReport
from ..domain.recordset import in_vietnamese, vietnamese_message
from ..store import db
from ..store import repository as repo
from ..store.results_excel import (
    ACHIEVED,
    PREVIOUS,
    SheetLine,
    read_results_sheet,
    results_sheet,
)
from .render import Rendered, render_one
from .summary_batch import tree
from .summary_source import province_unit
from .targets import clean, directive, not_a_number

KIND = "summary"
# The narrative sections a unit writes (UnitReport.sections), in the report's order.
SECTIONS: dict[str, str] = {
    "ket_qua_phong_trao": "I. Kết quả thực hiện phong trào thi đua",
    "ket_qua_khen_thuong": "II. Kết quả công tác khen thưởng",
    "uu_diem": "III.1. Ưu điểm",
    "han_che": "III.2. Hạn chế",
    "phuong_huong": "IV. Phương hướng, nhiệm vụ năm tới",
}
COLUMN_LABELS = {
    "planned": "Kế hoạch",
    "achieved": ACHIEVED,
    "previous": PREVIOUS,
    "name": "Tên chỉ số",
    "text": "Nội dung chỉ tiêu",
    "unit": "Đơn vị tính",
}


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class ResultLine:
    """One indicator with its plan (as printed) and its results as written ("" if none)."""

    code: str
    target: int
    name: str
    unit: str
    planned: str
    lower_is_better: bool
    achieved: str = ""
    previous: str = ""


def result_lines(year: int, url: str | None = None) -> list[ResultLine]:
    """Returns every indicator of the year's directive with its results; RecordError when
    there is no directive."""
    with db.transaction(url) as session:
        movement = directive(session, year)
        results = repo.results(session, year)
    known = {r.indicator: r for r in (results.results if results else [])}
    return [
        ResultLine(
            i.code,
            t.number,
            i.name,
            i.unit,
            i.planned,
            i.lower_is_better,
            (known[i.code].achieved or "") if i.code in known else "",
            (known[i.code].previous or "") if i.code in known else "",
        )
        for t, i in movement.indicators()
    ]


def _figure(
    text: str, where: str, column: str, key: str, problems: list[Problem], file: str | None = None
) -> str | None:
    value = clean(text)
    if not value:
        return None
    refused = not_a_number(where, column, value)
    if refused is not None:
        problems.append(Problem(refused, file=file, field=key))
        return None
    return value


def save_results(
    year: int, entered: dict[str, tuple[str, str]], url: str | None = None
) -> TargetResults:
    """Saves the results typed in the form (indicator code → (achieved, previous), as
    written) and returns them. Raises RecordError naming the indicator and column of every
    figure that is not a number written the Vietnamese way, or an unknown indicator."""
    lines = {line.code: line for line in result_lines(year, url)}
    problems: list[Problem] = []
    results = []
    for code, (achieved, previous) in entered.items():
        if code not in lines:
            problems.append(
                Problem(f"không có chỉ số “{code}” trong chỉ thị năm {year}", field=f"{code}:code")
            )
            continue
        where = f"chỉ số {code} ({lines[code].name})"
        results.append(
            IndicatorResult(
                indicator=code,
                achieved=_figure(achieved, where, ACHIEVED, f"{code}:achieved", problems),
                previous=_figure(previous, where, PREVIOUS, f"{code}:previous", problems),
            )
        )
    return _store_results(year, results, problems, url)


def _store_results(
    year: int, results: list[IndicatorResult], problems: list[Problem], url: str | None
) -> TargetResults:
    if problems:
        raise RecordError(problems)
    order = {line.code: i for i, line in enumerate(result_lines(year, url))}
    kept = sorted(
        (r for r in results if r.achieved or r.previous), key=lambda r: order[r.indicator]
    )
    saved = TargetResults(year=year, results=kept)
    with db.transaction(url) as session:
        repo.save_results(session, saved)
    return saved


def results_workbook(year: int, url: str | None = None) -> bytes:
    """Returns the sample .xlsx of the year's indicators, with the results known so far."""
    lines = result_lines(year, url)
    with db.transaction(url) as session:
        top = province_unit(repo.load_all(session, "units"))
    return results_sheet(
        year,
        [SheetLine(x.code, x.name, x.unit, x.planned, x.achieved, x.previous) for x in lines],
        top.name,
    )


def import_results(year: int, data: bytes, filename: str, url: str | None = None) -> TargetResults:
    """Saves the results of an uploaded sheet (all of them or none) and returns them. Raises
    RecordError naming the sheet's row and column of every bad cell (`dòng 7, cột Thực hiện:
    “abc” không phải là số …`), an unknown or repeated code, or an unreadable file."""
    rows = read_results_sheet(data, filename)
    known = {line.code for line in result_lines(year, url)}
    problems: list[Problem] = []
    results = []
    seen: dict[str, int] = {}
    for row in rows:
        where = f"dòng {row.line}"
        if row.code not in known:
            problems.append(
                Problem(
                    f"{where}, cột Mã chỉ số: không có chỉ số “{row.code}” "
                    f"trong chỉ thị năm {year}",
                    file=filename,
                )
            )
            continue
        if row.code in seen:
            problems.append(
                Problem(
                    f"{where}, cột Mã chỉ số: chỉ số “{row.code}” đã có ở dòng {seen[row.code]}",
                    file=filename,
                )
            )
            continue
        seen[row.code] = row.line
        results.append(
            IndicatorResult(
                indicator=row.code,
                achieved=_figure(row.achieved, where, ACHIEVED, "", problems, filename),
                previous=_figure(row.previous, where, PREVIOUS, "", problems, filename),
            )
        )
    return _store_results(year, results, problems, url)


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
