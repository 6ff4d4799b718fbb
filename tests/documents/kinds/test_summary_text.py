"""Specs for the summary report's sentences written from the figures."""

from __future__ import annotations

from collections import Counter

import pytest

from service.documents.kinds.summary import text
from service.domain.records import DISCIPLINE_LABELS, SCOPE_LABELS
from service.domain.tallies import RATING_COUNT_LABELS, Tallies, TitleTally, count_by


def tallies(**changes: object) -> Tallies:
    fields = {
        "units": 1,
        "registered_units": 1,
        "titles": (),
        "honours": (),
        "initiatives": count_by(SCOPE_LABELS, Counter()),
        "disciplines": count_by(DISCIPLINE_LABELS, Counter()),
        "ratings": count_by(RATING_COUNT_LABELS, Counter()),
        "unit_ratings": count_by(RATING_COUNT_LABELS, Counter()),
        "nominations": (),
    }
    return Tallies(**(fields | changes))  # type: ignore[arg-type]


def figures(**changes: object) -> text.Figures:
    return text.Figures(2024, "Sở Nội vụ", False, tallies(**changes))


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        ([], ""),
        (["a"], "a"),
        (["a", "b"], "a và b"),
        (["a", "", "b", "c"], "a, b và c"),
    ],
)
def test_join_parts(parts, joined):
    assert text.join_parts(parts) == joined


@pytest.mark.parametrize(
    ("figure", "unit", "written"),
    [
        ("7,06", "%", "7,06%"),
        ("19.560", "tỷ đồng", "19.560 tỷ đồng"),
        ("06", "", "06"),
    ],
)
def test_amount(figure, unit, written):
    assert text.amount(figure, unit) == written


@pytest.mark.parametrize(
    ("name", "lowered"),
    [
        ("Tốc độ tăng trưởng kinh tế", "tốc độ tăng trưởng kinh tế"),
        ("GRDP bình quân đầu người", "GRDP bình quân đầu người"),
    ],
)
def test_lower_first_keeps_abbreviations(name, lowered):
    assert text.lower_first(name) == lowered


def test_a_unit_without_registration_says_so():
    assert text.registration_sentence(figures(registered_units=0)) == (
        "Sở Nội vụ chưa gửi bản đăng ký thi đua năm 2024."
    )


def test_titles_are_counted_by_nominee_kind_with_their_rate():
    fig = figures(
        titles=(
            TitleTally("LDTT", "Lao động tiên tiến", "individual", 8, 7),
            TitleTally("TTLDXS", "Tập thể lao động xuất sắc", "collective", 1, 0),
        )
    )
    assert text.titles_sentence(fig) == (
        "Về thực hiện danh hiệu thi đua, hình thức khen thưởng đã đăng ký: cá nhân đăng ký 8 "
        "lượt, đạt 7 lượt (87,5%); tập thể đăng ký 1 lượt, đạt 0 lượt (0%) (chi tiết tại "
        "Bảng 1)."
    )
    assert text.weaknesses(fig) == [
        (
            "Bên cạnh kết quả đạt được, còn một số hạn chế: tỷ lệ đạt danh hiệu “Tập thể lao động "
            "xuất sắc” còn thấp (0/1, 0%)."
        )
    ]
    assert "tỷ lệ đạt danh hiệu “Lao động tiên tiến” là 87,5%" in text.strengths(fig)[0]


def test_no_discipline_and_no_initiative_are_said_plainly():
    fig = figures()
    assert text.disciplines_sentence(fig) == "Không có trường hợp nào bị xử lý kỷ luật."
    assert text.initiatives_sentence(fig) == "Chưa có sáng kiến nào được công nhận trong năm."


@pytest.mark.parametrize(
    ("written", "paragraphs"),
    [
        (None, []),
        ("", []),
        ("  Một.\n\n  Hai  ba. \n", ["Một.", "Hai ba."]),
    ],
)
def test_narrative_is_one_paragraph_per_line(written, paragraphs):
    assert text.narrative(written) == paragraphs
