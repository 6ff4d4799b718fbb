"""Specs for the year's targets: the form's input checked and saved with the results, new
targets and indicators numbered after the directive's own codes, the form shown again without
its blank rows."""

from __future__ import annotations

import pytest

from service.domain.errors import RecordError
from service.jobs import targets as jobs
from service.store import db
from service.store import repository as repo


def test_targets_keep_the_plan_as_typed_and_refuse_a_plan_that_is_not_a_number(example_db: str):
    _, targets = jobs.load_targets(2024, example_db)
    targets[0].indicators[0].planned = "7.5"
    targets[12].indicators[0].planned = "07"
    with pytest.raises(RecordError) as exc:
        jobs.save_targets(2024, targets, example_db)
    assert [p.message for p in exc.value.problems] == [
        (
            "chỉ tiêu 1, chỉ số 1, cột Kế hoạch: “7.5” không phải là số (viết kiểu Việt Nam, ví dụ "
            "19.560 hoặc 7,06)"
        )
    ]
    targets[0].indicators[0].planned = "7,8"
    saved = jobs.save_targets(2024, targets, example_db)
    planned = {i.code: i.planned for _, i in saved.indicators()}
    assert (planned["1"], planned["13.1"]) == ("7,8", "07")


def test_targets_are_edited_added_and_removed_with_their_results(example_db: str):
    _, targets = jobs.load_targets(2024, example_db)
    first = targets[0].indicators[0]
    first.name, first.unit, first.lower_is_better = "Tăng trưởng GRDP", "%/năm", True
    targets[1].indicators[0].delete = True  # target 2 has one indicator: it goes
    targets.append(
        jobs.TargetInput(
            0,
            "Chỉ tiêu mới về chuyển đổi số",
            [
                jobs.IndicatorInput(name="Tỷ lệ hồ sơ trực tuyến", unit="%", planned="80"),
                jobs.IndicatorInput(name="Số xã số", unit="xã", planned="12"),
            ],
        )
    )
    targets.append(jobs.TargetInput())  # the form's blank line
    saved = jobs.save_targets(2024, targets, example_db)
    assert saved.annex is not None
    numbers = [t.number for t in saved.annex.targets]
    assert 2 not in numbers and numbers[-1] == 24
    assert [(i.code, i.planned) for i in saved.annex.targets[-1].indicators] == [
        ("24.1", "80"),
        ("24.2", "12"),
    ]
    one = saved.annex.targets[0].indicators[0]
    assert (one.name, one.unit, one.lower_is_better) == ("Tăng trưởng GRDP", "%/năm", True)
    with db.transaction(example_db) as session:
        results = repo.results(session, 2024)
    assert results is not None and "2" not in {r.indicator for r in results.results}


def test_a_target_needs_its_wording_and_codes_are_unique(example_db: str):
    _, targets = jobs.load_targets(2024, example_db)
    targets[0].text = " "
    targets[1].indicators[0].code = "1"
    with pytest.raises(RecordError) as exc:
        jobs.save_targets(2024, targets, example_db)
    assert [p.message for p in exc.value.problems] == [
        "chỉ tiêu 1: chưa ghi nội dung chỉ tiêu",
        "mã chỉ số “1” bị trùng",
    ]


@pytest.mark.parametrize(
    ("number", "given", "count", "codes"),
    [
        (4, ["4.1", "4.2", "4.3"], 1, ["4.4"]),
        (1, ["1"], 2, ["1.2", "1.3"]),  # a lone `N` stays; the next is `N.2`
        (24, [], 1, ["24"]),
        (24, [], 2, ["24.1", "24.2"]),
        (4, ["4.2"], 0, []),
    ],
)
def test_new_indicators_follow_the_targets_highest_code(number, given, count, codes):
    assert jobs.new_codes(number, given, count, set(given)) == codes


def test_a_new_code_never_takes_one_in_use():
    assert jobs.new_codes(5, ["5"], 1, {"5", "5.2"}) == ["5.3"]
    assert jobs.new_codes(24, [], 1, {"24"}) == ["24.1"]


def test_deleting_an_indicator_and_adding_one_in_the_same_save(example_db: str):
    _, entered = jobs.load_targets(2024, example_db)
    four = next(t for t in entered if t.number == 4)
    assert [i.code for i in four.indicators] == ["4.1", "4.2", "4.3"]
    four.indicators[0].delete = True
    four.indicators.append(jobs.IndicatorInput(name="Chỉ số mới", unit="%", planned="50"))
    one = next(t for t in entered if t.number == 1)
    one.indicators.append(jobs.IndicatorInput(name="Chỉ số thêm", planned="3"))
    saved = jobs.save_targets(2024, entered, example_db)
    assert saved.annex is not None
    codes = {t.number: [i.code for i in t.indicators] for t in saved.annex.targets}
    assert codes[4] == ["4.2", "4.3", "4.4"]  # not 4.3 again, nor the deleted 4.1
    assert codes[1] == ["1", "1.2"]  # the directive's `1` unchanged
    assert codes[13] == ["13.1", "13.2"]
    with db.transaction(example_db) as session:
        results = repo.results(session, 2024)
    assert results is not None and "4.1" not in {r.indicator for r in results.results}


def test_the_form_is_shown_again_without_the_blank_rows_it_posted():
    entered = [
        jobs.TargetInput(1, "Tăng trưởng", [
            jobs.IndicatorInput("1", "GRDP", "%", "7,5"),
            jobs.IndicatorInput(),  # the blank row under a target
            jobs.IndicatorInput(name="Mới, chưa xong"),
        ]),
        jobs.TargetInput(0, "", [jobs.IndicatorInput()]),  # the blank new target
        jobs.TargetInput(0, "Chỉ tiêu mới", []),
    ]
    shown = jobs.without_blanks(entered)
    assert [(t.number, t.text) for t in shown] == [(1, "Tăng trưởng"), (0, "Chỉ tiêu mới")]
    assert [i.name for i in shown[0].indicators] == ["GRDP", "Mới, chưa xong"]
