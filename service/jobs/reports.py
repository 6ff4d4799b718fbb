"""The annual summary's actions: the year's targets and their results (form, Excel), a unit's
narrative for its report, and the summary batch (every unit and the province's roll-up, then
one PDF book of them all: summary_batch.py).

Web and CLI call these; every refusal is a RecordError whose problems say, in Vietnamese, where
(the indicator and column of the form, or the sheet's row and column) and what is wrong; a
problem's `field` is `<indicator code>:<column key>` (`4.2:planned`) for the form to mark.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from pydantic import ValidationError

from ..domain.errors import Problem, RecordError
from ..domain.records import (
    Annex,
    Indicator,
    IndicatorResult,
    Movement,
    Target,
    TargetResults,
    Unit,
    UnitReport,
)
from ..domain.recordset import vietnamese_message
from ..store import db
from ..store import repository as repo
from ..store.results_excel import (
    ACHIEVED,
    PREVIOUS,
    SheetLine,
    read_results_sheet,
    results_sheet,
)
from ..vnformat.numbers import parse_number
from .render import Rendered, render_one
from .summary_batch import tree
from .summary_source import province_unit

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
NUMBER_HINT = "viết kiểu Việt Nam, ví dụ 19.560 hoặc 7,06"


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def not_a_number(where: str, column: str, text: str) -> str | None:
    """Returns the refusal of `text` as a number written the Vietnamese way (None if it is
    one): `dòng 7, cột Thực hiện: “abc” không phải là số (…)`."""
    try:
        parse_number(text)
    except ValueError:
        return f"{where}, cột {column}: “{text}” không phải là số ({NUMBER_HINT})"
    return None


def _movement(session, year: int) -> Movement:  # type: ignore[no-untyped-def]
    movement = repo.movement(session, year)
    if movement is None:
        raise RecordError.one(f"chưa có chỉ thị phát động thi đua năm {year}", field="year")
    return movement


# ---------------------------------------------------------------- targets


@dataclass
class IndicatorInput:
    """One indicator as the form holds it (`code` "" for a new one)."""

    code: str = ""
    name: str = ""
    unit: str = ""
    planned: str = ""
    lower_is_better: bool = False
    delete: bool = False


@dataclass
class TargetInput:
    """One target as the form holds it (`number` 0 for a new one)."""

    number: int = 0
    text: str = ""
    indicators: list[IndicatorInput] = field(default_factory=list)


def targets_of(movement: Movement) -> list[TargetInput]:
    """Returns the directive's targets as the form shows them."""
    return [
        TargetInput(
            t.number,
            t.text,
            [
                IndicatorInput(i.code, i.name, i.unit, i.planned, i.lower_is_better)
                for i in t.indicators
            ],
        )
        for t in (movement.annex.targets if movement.annex else [])
    ]


def load_targets(year: int, url: str | None = None) -> tuple[Movement, list[TargetInput]]:
    """Returns the year's directive and its targets; RecordError when there is none."""
    with db.transaction(url) as session:
        movement = _movement(session, year)
    return movement, targets_of(movement)


def build_targets(entered: Sequence[TargetInput]) -> list[Target]:
    """Returns the targets as records: blank new lines dropped, deleted indicators left out (a
    target left without any, too), numbers and codes given to new ones. Raises RecordError with
    every problem: an empty wording, a plan that is not a number written the Vietnamese way
    (kept as typed when it is one), a code given twice."""
    problems: list[Problem] = []
    targets: list[Target] = []
    numbers = [t.number for t in entered if t.number]
    next_number = max(numbers, default=0) + 1
    for target in entered:
        lines = [i for i in target.indicators if not i.delete and _filled(i)]
        if not target.number and not _clean(target.text) and not lines:
            continue  # the blank line for a new target
        number = target.number or next_number
        next_number += 0 if target.number else 1
        indicators = []
        for k, line in enumerate(lines, start=1):
            code = _clean(line.code) or (str(number) if len(lines) == 1 else f"{number}.{k}")
            indicators.append(_indicator(number, code, line, problems))
        if not _clean(target.text):
            problems.append(
                Problem(f"chỉ tiêu {number}: chưa ghi nội dung chỉ tiêu", field=f"{number}:text")
            )
        if indicators:
            targets.append(
                Target.model_construct(
                    number=number, text=_clean(target.text), indicators=indicators
                )
            )
    codes = [i.code for t in targets for i in t.indicators]
    problems += [
        Problem(f"mã chỉ số “{c}” bị trùng", field=f"{c}:code")
        for c in sorted({c for c in codes if codes.count(c) > 1})
    ]
    if problems:
        raise RecordError(problems)
    return targets


def _filled(line: IndicatorInput) -> bool:
    return any(_clean(v) for v in (line.code, line.name, line.unit, line.planned))


def _indicator(number: int, code: str, line: IndicatorInput, problems: list[Problem]) -> Indicator:
    where = f"chỉ tiêu {number}, chỉ số {code}"
    name, planned = _clean(line.name), _clean(line.planned)
    if not name:
        problems.append(Problem(f"{where}: chưa ghi tên chỉ số", field=f"{code}:name"))
    if not planned:
        problems.append(
            Problem(f"{where}, cột Kế hoạch: chưa ghi giá trị kế hoạch", field=f"{code}:planned")
        )
    elif (refused := not_a_number(where, "Kế hoạch", planned)) is not None:
        problems.append(Problem(refused, field=f"{code}:planned"))
    return Indicator.model_construct(
        code=code,
        name=name,
        unit=_clean(line.unit),
        planned=planned,
        lower_is_better=line.lower_is_better,
    )


def save_targets(year: int, entered: Sequence[TargetInput], url: str | None = None) -> Movement:
    """Saves the targets into the year's directive (its annex) and returns it; results of
    indicators no longer there are dropped. Raises RecordError (nothing saved) on a problem."""
    targets = build_targets(entered)
    with db.transaction(url) as session:
        movement = _movement(session, year)
        annex = movement.annex or Annex(title=f"Tóm tắt các chỉ tiêu năm {year}")
        data = movement.model_dump()
        data["annex"] = {**annex.model_dump(), "targets": [t.model_dump() for t in targets]}
        try:
            saved = Movement.model_validate(data)
        except ValidationError as exc:
            raise RecordError([Problem(vietnamese_message(e)) for e in exc.errors()]) from exc
        repo.save_movement(session, saved)
        results = repo.results(session, year)
        if results is not None:
            kept = {i.code for _, i in saved.indicators()}
            repo.save_results(
                session,
                TargetResults(
                    year=year, results=[r for r in results.results if r.indicator in kept]
                ),
            )
    return saved


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
        movement = _movement(session, year)
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
    value = _clean(text)
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
    issuing unit's register, or finds it unchanged; RecordError, TemplateError as render_one."""
    return render_one(KIND, year, unit, url=url)


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
