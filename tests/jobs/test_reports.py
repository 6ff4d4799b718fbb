"""Specs for the summary's actions: targets and results (form and Excel, each refusal named by
its place) and a unit's narrative."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from service.domain.errors import RecordError
from service.jobs import reports
from service.store import db
from service.store import repository as repo


def messages(exc: pytest.ExceptionInfo[RecordError]) -> list[str]:
    return [str(p) for p in exc.value.problems]


# ---------------------------------------------------------------- results


def test_the_form_refuses_a_figure_not_written_the_vietnamese_way(example_db: str):
    with pytest.raises(RecordError) as exc:
        reports.save_results(2024, {"1": ("abc", "5,91"), "4.2": ("26,1", "25.6")}, example_db)
    problems = exc.value.problems
    assert [p.message for p in problems] == [
        (
            "chỉ số 1 (Tốc độ tăng trưởng kinh tế (GRDP)), cột Thực hiện: “abc” không phải là số "
            "(viết kiểu Việt Nam, ví dụ 19.560 hoặc 7,06)"
        ),
        (
            "chỉ số 4.2 (Tỷ trọng công nghiệp - xây dựng), cột Năm trước: “25.6” không phải là số "
            "(viết kiểu Việt Nam, ví dụ 19.560 hoặc 7,06)"
        ),
    ]
    assert [p.field for p in problems] == ["1:achieved", "4.2:previous"]
    assert reports.result_lines(2024, example_db)[0].achieved == "7,06"  # nothing saved


def test_the_form_saves_figures_as_written_and_drops_emptied_ones(example_db: str):
    saved = reports.save_results(
        2024, {"1": ("7,1", ""), "2": ("", ""), "3": ("19.600", "")}, example_db
    )
    found = {r.indicator: (r.achieved, r.previous) for r in saved.results}
    assert found == {"1": ("7,1", None), "3": ("19.600", None)}
    lines = {line.code: line for line in reports.result_lines(2024, example_db)}
    assert (lines["1"].achieved, lines["2"].achieved, lines["3"].achieved) == ("7,1", "", "19.600")


def sample_sheet(url: str) -> object:
    return load_workbook(io.BytesIO(reports.results_workbook(2024, url)))


def test_the_sample_sheet_lists_every_indicator_with_its_plan_as_printed(example_db: str):
    ws = sample_sheet(example_db).active
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert rows[0] == ("Mã chỉ số", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Năm trước")
    assert len(rows) == 1 + 32
    assert rows[1] == ("1", "Tốc độ tăng trưởng kinh tế (GRDP)", "%", "7,5", "7,06", "5,91")
    assert next(r for r in rows if r[0] == "13.1")[3] == "06"


def test_an_uploaded_sheet_with_a_bad_cell_is_refused_by_row_and_column(example_db: str):
    wb = sample_sheet(example_db)
    ws = wb.active
    ws["E7"] = "abc"  # row 7: indicator 3
    ws["F8"] = 25.4  # a number typed as a number is fine
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(RecordError) as exc:
        reports.import_results(2024, out.getvalue(), "ket-qua.xlsx", example_db)
    assert messages(exc) == [
        (
            "tệp ket-qua.xlsx: dòng 7, cột Thực hiện: “abc” không phải là số (viết kiểu Việt Nam, "
            "ví dụ 19.560 hoặc 7,06)"
        )
    ]


def test_an_uploaded_sheet_saves_numbers_in_the_vietnamese_way(example_db: str):
    wb = sample_sheet(example_db)
    ws = wb.active
    ws["E5"], ws["E7"], ws["F7"] = 7.2, 19800, None
    ws["E8"] = "24,9"
    out = io.BytesIO()
    wb.save(out)
    saved = reports.import_results(2024, out.getvalue(), "ket-qua.xlsx", example_db)
    found = {r.indicator: (r.achieved, r.previous) for r in saved.results}
    assert found["1"] == ("7,2", "5,91")
    assert found["3"] == ("19.800", None)
    assert found["4.1"] == ("24,9", "25,4")


def test_an_unknown_or_repeated_code_is_refused(example_db: str):
    wb = sample_sheet(example_db)
    ws = wb.active
    ws["A6"] = "99"
    ws["A8"] = "1"
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(RecordError) as exc:
        reports.import_results(2024, out.getvalue(), "kq.xlsx", example_db)
    assert messages(exc) == [
        "tệp kq.xlsx: dòng 6, cột Mã chỉ số: không có chỉ số “99” trong chỉ thị năm 2024",
        "tệp kq.xlsx: dòng 8, cột Mã chỉ số: chỉ số “1” đã có ở dòng 5",
    ]


# ---------------------------------------------------------------- targets


def test_targets_keep_the_plan_as_typed_and_refuse_a_plan_that_is_not_a_number(example_db: str):
    _, targets = reports.load_targets(2024, example_db)
    targets[0].indicators[0].planned = "7.5"
    targets[12].indicators[0].planned = "07"
    with pytest.raises(RecordError) as exc:
        reports.save_targets(2024, targets, example_db)
    assert [p.message for p in exc.value.problems] == [
        (
            "chỉ tiêu 1, chỉ số 1, cột Kế hoạch: “7.5” không phải là số (viết kiểu Việt Nam, ví dụ "
            "19.560 hoặc 7,06)"
        )
    ]
    targets[0].indicators[0].planned = "7,8"
    saved = reports.save_targets(2024, targets, example_db)
    planned = {i.code: i.planned for _, i in saved.indicators()}
    assert (planned["1"], planned["13.1"]) == ("7,8", "07")


def test_targets_are_edited_added_and_removed_with_their_results(example_db: str):
    _, targets = reports.load_targets(2024, example_db)
    first = targets[0].indicators[0]
    first.name, first.unit, first.lower_is_better = "Tăng trưởng GRDP", "%/năm", True
    targets[1].indicators[0].delete = True  # target 2 has one indicator: it goes
    targets.append(
        reports.TargetInput(
            0,
            "Chỉ tiêu mới về chuyển đổi số",
            [
                reports.IndicatorInput(name="Tỷ lệ hồ sơ trực tuyến", unit="%", planned="80"),
                reports.IndicatorInput(name="Số xã số", unit="xã", planned="12"),
            ],
        )
    )
    targets.append(reports.TargetInput())  # the form's blank line
    saved = reports.save_targets(2024, targets, example_db)
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
    _, targets = reports.load_targets(2024, example_db)
    targets[0].text = " "
    targets[1].indicators[0].code = "1"
    with pytest.raises(RecordError) as exc:
        reports.save_targets(2024, targets, example_db)
    assert [p.message for p in exc.value.problems] == [
        "chỉ tiêu 1: chưa ghi nội dung chỉ tiêu",
        "mã chỉ số “1” bị trùng",
    ]


# ---------------------------------------------------------------- narrative


def test_a_units_narrative_is_saved_without_its_blank_sections(example_db: str):
    unit, report = reports.unit_narrative(2024, "SNV", example_db)
    assert (unit.name, report.sections) == ("Sở Nội vụ", {})
    reports.save_narrative(
        2024, "SNV", {"uu_diem": " Tốt.\r\nRất tốt. ", "han_che": "  "}, example_db
    )
    _, report = reports.unit_narrative(2024, "SNV", example_db)
    assert report.sections == {"uu_diem": "Tốt.\nRất tốt."}
    lines = {line.unit.code: line for line in reports.overview(2024, example_db).units}
    assert (lines["SNV"].written, lines["SYT"].written, lines["BTDKT"].depth) == (1, 0, 2)
    with pytest.raises(RecordError):
        reports.save_narrative(2024, "SNV", {"khac": "x"}, example_db)
