"""The directive's indicators, planned vs achieved: % of plan and the verdict, row by row."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..vnformat.numbers import format_number
from .errors import RecordError
from .records import Movement, TargetResults, parse_vn_number

Verdict = Literal["vuot", "dat", "khong_dat", "thieu"]
VERDICT_LABELS: dict[str, str] = {
    "vuot": "Vượt",
    "dat": "Đạt",
    "khong_dat": "Không đạt",
    "thieu": "Chưa có số liệu",
}

# Achieved "equals" planned when the two differ by no more than this. Zero: the values are compared
# as Decimals, exactly, at the precision written (7,5 and 7,50 are equal; 7,51 exceeds 7,5).
EQUAL_WITHIN = Decimal(0)
_HUNDRED = Decimal(100)


def judge(planned: Decimal, achieved: Decimal | None, lower_is_better: bool) -> Verdict:
    """Returns the verdict on an achieved value against the plan; "thieu" when achieved is None."""
    if achieved is None:
        return "thieu"
    gain = planned - achieved if lower_is_better else achieved - planned
    if abs(gain) <= EQUAL_WITHIN:
        return "dat"
    return "vuot" if gain > 0 else "khong_dat"


def percent_of_plan(planned: Decimal, achieved: Decimal | None, lower_is_better: bool
                    ) -> Decimal | None:
    """Returns how far the plan was carried out, in percent; None without a result or a plan of 0.

    100 plus the gain over the plan as a share of the plan: for a higher-is-better indicator with
    a positive plan that is achieved / planned × 100; for a lower-is-better one the gain is
    planned − achieved (poverty 11,41% planned, 10,9% achieved → 104,47%). So the figure is above
    100 exactly when the verdict is "vượt", at 100 for "đạt", below for "không đạt", whatever the
    sign of the values (a negative population growth stays meaningful).
    """
    if achieved is None or planned == 0:
        return None
    gain = planned - achieved if lower_is_better else achieved - planned
    return _HUNDRED + gain * _HUNDRED / abs(planned)


def percent_text(value: Decimal | None) -> str:
    """Returns a percentage written Vietnamese-style, at most two decimals (`101,33%`, `100%`);
    an empty string for None."""
    if value is None:
        return ""
    text = format_number(value, 2)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return f"{text}%"


@dataclass(frozen=True)
class IndicatorRow:
    """One line of the planned-vs-achieved table: an indicator of a target of the directive.

    `*_text` fields are the figures as written (`06`, `7,5`); empty when there is no figure.
    """

    target_number: int
    target_text: str
    code: str
    name: str
    unit: str
    lower_is_better: bool
    planned_text: str
    planned: Decimal
    achieved_text: str
    achieved: Decimal | None
    previous_text: str
    previous: Decimal | None
    percent_of_plan: Decimal | None
    verdict: Verdict

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS[self.verdict]

    @property
    def percent_text(self) -> str:
        return percent_text(self.percent_of_plan)


def indicator_rows(movement: Movement, results: TargetResults | None) -> list[IndicatorRow]:
    """Returns one row per indicator of the directive's annex, in the annex's order.

    `results` None (or an indicator without a result) gives rows with verdict "thieu". Raises
    RecordError when the results are of another year, name an indicator the directive lacks,
    or give one indicator twice.
    """
    found = _results_by_code(movement, results)
    rows = []
    for target, indicator in movement.indicators():
        achieved_text, previous_text = found.get(indicator.code, ("", ""))
        planned = indicator.planned_value
        achieved = parse_vn_number(achieved_text) if achieved_text else None
        rows.append(IndicatorRow(
            target_number=target.number, target_text=target.text, code=indicator.code,
            name=indicator.name, unit=indicator.unit, lower_is_better=indicator.lower_is_better,
            planned_text=indicator.planned, planned=planned,
            achieved_text=achieved_text, achieved=achieved,
            previous_text=previous_text,
            previous=parse_vn_number(previous_text) if previous_text else None,
            percent_of_plan=percent_of_plan(planned, achieved, indicator.lower_is_better),
            verdict=judge(planned, achieved, indicator.lower_is_better),
        ))
    return rows


def _results_by_code(movement: Movement, results: TargetResults | None
                     ) -> dict[str, tuple[str, str]]:
    """Returns indicator code → (achieved text, previous text), checked against the directive."""
    if results is None:
        return {}
    if results.year != movement.year:
        raise RecordError.one(
            f"kết quả thực hiện là của năm {results.year}, chỉ thị là của năm {movement.year}",
            field="year")
    known = {indicator.code for _, indicator in movement.indicators()}
    found: dict[str, tuple[str, str]] = {}
    problems = []
    for result in results.results:
        if result.indicator not in known:
            problems.append(f"chỉ số “{result.indicator}” không có trong phụ lục của chỉ thị")
        elif result.indicator in found:
            problems.append(f"chỉ số “{result.indicator}” được ghi kết quả hai lần")
        found[result.indicator] = (result.achieved or "", result.previous or "")
    if problems:
        raise RecordError.one("; ".join(problems), field="indicator")
    return found
