"""The results of the year's targets: the form's lines, the sample sheet and its import.

Every refusal is a RecordError whose problems say, in Vietnamese, where (the indicator and
column of the form, or the sheet's row and column) and what is wrong; a problem's `field` is
`<indicator code>:<column key>` (`4.2:planned`) for the form to mark.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.errors import Problem, RecordError
from ..domain.records import IndicatorResult, TargetResults
from ..store import db
from ..store import repository as repo
from ..store.results_excel import (
    ACHIEVED,
    PREVIOUS,
    SheetLine,
    read_results_sheet,
    results_sheet,
)
from .summary_source import province_unit
from .targets import clean, directive, not_a_number


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
