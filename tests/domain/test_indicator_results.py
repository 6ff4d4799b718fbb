"""Planned vs achieved: each indicator of the directive gets a row with % of plan and a verdict,
lower-is-better indicators judged the right way round, missing results said as missing."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from service.domain.errors import RecordError
from service.domain.indicator_results import (
    indicator_rows,
    judge,
    percent_of_plan,
    percent_text,
)
from service.domain.records import Movement, TargetResults

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "records" / "son-la-2024"
from ..conftest import SEED  # type: ignore[import-not-found]  # noqa: E402


def movement(*targets: dict) -> Movement:
    return Movement.model_validate({
        "year": 2024, "number": 1, "symbol": "CT-UBND", "date": "03/01/2024", "place": "Sơn La",
        "issuing_unit": "UBND", "subject": "Về việc phát động phong trào thi đua năm 2024",
        "signer": {"name": "Hoàng Quốc Khánh", "title": "Chủ tịch"},
        "body": [{"text": "…"}], "recipients": ["Như trên"],
        "annex": {"title": "TÓM TẮT CÁC CHỈ TIÊU", "targets": list(targets)},
    })


def target(number: int, *indicators: tuple) -> dict:
    """indicators: (code, planned, lower_is_better)."""
    return {"number": number, "text": f"Chỉ tiêu {number}.", "indicators": [
        {"code": code, "name": f"Chỉ số {code}", "unit": "%", "planned": planned,
         "lower_is_better": lower} for code, planned, lower in indicators]}


def results(*rows: tuple, year: int = 2024) -> TargetResults:
    """rows: (code, achieved, previous)."""
    return TargetResults.model_validate({"year": year, "results": [
        {"indicator": code, "achieved": achieved, "previous": previous}
        for code, achieved, previous in rows]})


# Hand-computed: percent = 100 + gain × 100 / |planned|, gain = achieved − planned (higher is
# better) or planned − achieved (lower is better).
@pytest.mark.parametrize(
    ("planned", "achieved", "lower", "verdict", "percent"),
    [
        ("7,5", "7,5", False, "dat", "100%"),
        ("7,5", "7,50", False, "dat", "100%"),  # equal as Decimals, whatever the scale written
        ("7,5", "7,6", False, "vuot", "101,33%"),  # 7,6 / 7,5 = 1,01333…
        ("7,5", "7,4", False, "khong_dat", "98,67%"),
        ("7,5", "7,5001", False, "vuot", "100%"),  # no tolerance: a hair over is over
        ("48,56", "50", False, "vuot", "102,97%"),  # 50 / 48,56 = 1,029654…
        ("06", "7", False, "vuot", "116,67%"),
        ("20.000", "21.500", False, "vuot", "107,5%"),
        ("99,0", "99", False, "dat", "100%"),
        ("11,41", "10,9", True, "vuot", "104,47%"),  # poverty down: 100 + 0,51/11,41 = 104,4698
        ("11,41", "12", True, "khong_dat", "94,83%"),  # poverty up: 100 − 0,59/11,41 = 94,8291
        ("11,41", "11,410", True, "dat", "100%"),
        ("1,09", "-0,2", True, "vuot", "218,35%"),  # 100 + 1,29/1,09 = 218,3486
        ("1,09", "1,2", True, "khong_dat", "89,91%"),  # 100 − 0,11/1,09 = 89,908
        ("-2", "-1", False, "vuot", "150%"),  # a negative plan: still above 100 when beaten
        ("0", "3", False, "vuot", ""),  # a plan of 0 has no %
        ("0", "0", True, "dat", ""),
    ],
)
def test_verdict_and_percent(planned: str, achieved: str, lower: bool, verdict: str,
                             percent: str) -> None:
    (row,) = indicator_rows(movement(target(1, ("1", planned, lower))),
                            results(("1", achieved, None)))
    assert (row.verdict, row.percent_text) == (verdict, percent)
    assert row.achieved_text == achieved


@pytest.mark.parametrize(
    ("verdict", "label"),
    [("vuot", "Vượt"), ("dat", "Đạt"), ("khong_dat", "Không đạt"), ("thieu", "Chưa có số liệu")],
)
def test_verdict_labels(verdict: str, label: str) -> None:
    achieved = {"vuot": "8", "dat": "7,5", "khong_dat": "7", "thieu": None}[verdict]
    (row,) = indicator_rows(movement(target(1, ("1", "7,5", False))),
                            results(("1", achieved, None)))
    assert (row.verdict, row.verdict_label) == (verdict, label)


def test_percent_of_plan_is_exact_decimal() -> None:
    assert percent_of_plan(Decimal("7.5"), Decimal("7.6"), False) == Decimal(760) / Decimal("7.5")
    assert percent_of_plan(Decimal("11.41"), Decimal("11.41"), True) == 100
    assert percent_of_plan(Decimal("11.41"), None, True) is None
    assert percent_of_plan(Decimal(0), Decimal(1), False) is None


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("101.3333"), "101,33%"),
        (Decimal("100"), "100%"),
        (Decimal("100.00"), "100%"),
        (Decimal("104.5"), "104,5%"),
        (Decimal("99.995"), "100%"),  # half up
        (Decimal("1234.5"), "1.234,5%"),
        (Decimal("-0.001"), "0%"),
        (None, ""),
    ],
)
def test_percent_text(value: Decimal | None, text: str) -> None:
    assert percent_text(value) == text


decimals = st.decimals(min_value=-1000, max_value=1000, places=3, allow_nan=False,
                       allow_infinity=False)


@given(planned=decimals.filter(lambda d: d != 0), achieved=decimals, lower=st.booleans())
def test_percent_agrees_with_verdict(planned: Decimal, achieved: Decimal, lower: bool) -> None:
    percent = percent_of_plan(planned, achieved, lower)
    assert percent is not None
    expected = "vuot" if percent > 100 else "dat" if percent == 100 else "khong_dat"
    assert judge(planned, achieved, lower) == expected


def test_planned_as_printed_and_as_value() -> None:
    (row,) = indicator_rows(movement(target(13, ("13", "06", False))), None)
    assert (row.planned_text, row.planned) == ("06", Decimal(6))


def test_no_results_at_all_gives_every_row_missing() -> None:
    rows = indicator_rows(movement(target(1, ("1", "7,5", False)),
                                   target(12, ("12", "11,41", True))), None)
    assert [(r.code, r.verdict, r.verdict_label, r.achieved, r.achieved_text, r.percent_text)
            for r in rows] == [
        ("1", "thieu", "Chưa có số liệu", None, "", ""),
        ("12", "thieu", "Chưa có số liệu", None, "", ""),
    ]


def test_missing_result_beside_a_known_previous_year() -> None:
    rows = indicator_rows(
        movement(target(1, ("1", "7,5", False)), target(2, ("2", "55,5", False))),
        results(("2", None, "51,2")),
    )
    assert [(r.code, r.verdict, r.previous, r.previous_text) for r in rows] == [
        ("1", "thieu", None, ""),
        ("2", "thieu", Decimal("51.2"), "51,2"),
    ]


def test_a_target_with_three_indicators_gives_three_rows_in_order() -> None:
    four = target(4, ("4.1", "25", False), ("4.2", "26,5", False), ("4.3", "41,7", False))
    rows = indicator_rows(movement(target(3, ("3", "20.000", False)), four),
                          results(("4.1", "24", "25,3"), ("4.3", "41,7", None),
                                  ("4.2", "27,1", None), ("3", "20.100", "18.500")))
    assert [(r.target_number, r.code, r.planned_text, r.achieved_text, r.verdict,
             r.percent_text, r.previous_text) for r in rows] == [
        (3, "3", "20.000", "20.100", "vuot", "100,5%", "18.500"),
        (4, "4.1", "25", "24", "khong_dat", "96%", "25,3"),
        (4, "4.2", "26,5", "27,1", "vuot", "102,26%", ""),  # 27,1 / 26,5 = 1,022641…
        (4, "4.3", "41,7", "41,7", "dat", "100%", ""),
    ]
    assert rows[1].target_text == "Chỉ tiêu 4." and rows[1].name == "Chỉ số 4.1"
    assert rows[1].achieved == Decimal(24) and rows[0].previous == Decimal(18500)


@pytest.mark.parametrize(
    ("given_results", "words"),
    [
        (results(("1", "7", None), year=2023), "năm 2023"),
        (results(("9", "7", None)), "“9” không có trong phụ lục"),
        (results(("1", "7", None), ("1", "8", None)), "hai lần"),
    ],
)
def test_results_that_do_not_fit_the_directive_are_refused(given_results: TargetResults,
                                                           words: str) -> None:
    with pytest.raises(RecordError) as caught:
        indicator_rows(movement(target(1, ("1", "7,5", False))), given_results)
    assert words in str(caught.value)


# ---------------------------------------------------------------------------------------------
# The seed directive's 23 targets, as the example records give them

SEED_FIGURES = {  # transcribed by hand from the seed's annex
    1: ["7,5"], 2: ["55,5"], 3: ["20.000"], 4: ["25", "26,5", "41,7"], 5: ["196,1"],
    6: ["33.800"], 7: ["4.450"], 8: ["18"], 9: ["4,8"], 10: ["5.500"], 11: ["63", "28"],
    12: ["11,41"], 13: ["06", "70"], 14: ["30,6", "8,75", "39,7"], 15: ["1,09"], 16: ["96,1"],
    17: ["66,1"], 18: ["95"], 19: ["90,2"], 20: ["48,56"], 21: ["74,5", "65"], 22: ["92", "86"],
    23: ["93,84", "99,0"],
}
# A figure: not part of a range (2021-2025) nor of a denominator (/10.000 dân).
_FIGURE = re.compile(r"(?<![\d/\-.,])\d+(?:\.\d{3})*(?:,\d+)?(?![\d\-])")


def seed_annex_figures() -> dict[int, list[str]]:
    text = SEED.read_text(encoding="utf-8")
    annex = text[text.rindex("Phụ lục"):]
    found = {}
    for line in annex.splitlines():
        match = re.match(r"\s*(\d+)\.\s+(.*)", line)
        if match:
            found[int(match[1])] = _FIGURE.findall(match[2])
    return found


def test_hand_transcribed_figures_match_the_seed() -> None:
    assert seed_annex_figures() == SEED_FIGURES


def test_example_movement_gives_a_row_for_every_indicator_of_the_23_targets() -> None:
    seed = Movement.model_validate(
        yaml.safe_load((EXAMPLE / "movement.yaml").read_text(encoding="utf-8")))
    found = None
    if (EXAMPLE / "results.yaml").exists():
        raw = yaml.safe_load((EXAMPLE / "results.yaml").read_text(encoding="utf-8")) or []
        found = next((r for r in map(TargetResults.model_validate, raw) if r.year == seed.year),
                     None)
    rows = indicator_rows(seed, found)
    by_target: dict[int, list[str]] = {}
    for row in rows:
        by_target.setdefault(row.target_number, []).append(row.planned_text)
    assert by_target == SEED_FIGURES
    assert len(rows) == len(seed.indicators())
    if found is not None:  # every result names an indicator of the directive (else RecordError)
        assert {r.indicator for r in found.results} <= {row.code for row in rows}
