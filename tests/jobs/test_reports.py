"""Specs for the summary's actions: results (form and Excel, each refusal named by its place), a
unit's narrative and its report (targets: test_targets.py)."""

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


def test_a_report_made_again_without_pdf_leaves_no_old_pdf(example_db: str, tmp_path, monkeypatch):
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path))
    made = reports.report_document(2024, "SNV", example_db)
    stale = made.path.with_suffix(".pdf")
    stale.write_bytes(b"%PDF-1.4 old")
    assert reports.report_document(2024, "SNV", example_db).skipped and stale.is_file()
    reports.save_narrative(2024, "SNV", {"uu_diem": "Đã sửa."}, example_db)
    again = reports.report_document(2024, "SNV", example_db)
    assert not again.skipped and again.path == made.path and not stale.exists()
