"""A unit's registration as the jobs handle it: drafts and submissions refused at their fields
with the stored record unchanged, the Excel sheet, the letter, the province's list, the batch."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import openpyxl
import pytest

from service.documents.lint import lint_docx
from service.domain.errors import RecordError
from service.jobs import batches
from service.jobs import registrations as jobs
from service.jobs.registrations import RegistrationInput, RowInput
from service.store import db, register
from service.store import repository as repo


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path))
    return tmp_path


def stored(url: str, unit: str = "SNV", year: int = 2024):  # type: ignore[no-untyped-def]
    with db.transaction(url) as session:
        return repo.registration(session, unit, year)


def typed(**changes: object) -> RegistrationInput:
    fields = dict(
        collective_titles=["TTLDXS"],
        rows=[RowInput(person="P0010", title="LDTT"),
              RowInput(full_name="Nguyễn Thị Thử", position="Chuyên viên", title="CSTDCS",
                       award="GK")],
        commitments=["Hoàn thành xuất sắc nhiệm vụ năm 2025."],
        signer_name="Lù Văn Pánh", signer_title="Giám đốc")
    return RegistrationInput(**(fields | changes))  # type: ignore[arg-type]


def test_a_new_form_is_signed_by_the_units_head(example_db: str) -> None:
    form = jobs.open_form("SNV", 2025, example_db)
    assert form.stored is None and form.unit.name == "Sở Nội vụ"
    assert (form.input.signer_name, form.input.signer_title) == ("Lù Văn Pánh", "Giám đốc")
    assert len(form.staff) == 9 and form.input.rows == []


def test_a_draft_is_saved_and_read_back(example_db: str) -> None:
    saved = jobs.save_draft("SNV", 2025, typed(rows=[*typed().rows, RowInput()]), example_db)
    assert saved.status == "draft" and saved.date is None
    again = jobs.open_form("SNV", 2025, example_db)
    assert again.stored == saved
    # a staff member's name comes from the staff list; the blank row is gone
    assert [r.full_name for r in again.input.rows] == ["Vũ Xuân Hùng", "Nguyễn Thị Thử"]
    assert again.input.rows[0].position == "Phó Giám đốc"


def test_a_submission_is_dated_today_when_no_date_is_given(example_db: str) -> None:
    saved = jobs.submit("SNV", 2025, typed(), example_db, today=dt.date(2025, 2, 3))
    assert (saved.status, saved.date) == ("submitted", dt.date(2025, 2, 3))
    dated = jobs.submit("SNV", 2025, typed(date="10/02/2025"), example_db)
    assert dated.date == dt.date(2025, 2, 10)


def test_a_refused_submission_names_each_field_and_keeps_the_stored_record(
        example_db: str) -> None:
    before = stored(example_db)
    bad = typed(collective_titles=["LDTT"], rows=[
        RowInput(person="P0010", title="LDTT"),
        RowInput(full_name="Nguyễn Văn Khách", title="TTLDTT"),
        RowInput(full_name="", position="Chuyên viên", title="LDTT"),
        RowInput(full_name="vũ  xuân hùng", title="LDTT"),  # P0010 again, typed by hand
        RowInput(full_name="Lò Văn Mới", title="XYZ"),
    ], signer_name="", signer_title="", date="31/02/2024")
    with pytest.raises(RecordError) as caught:
        jobs.submit("SNV", 2024, bad, example_db)
    found = {(p.field, p.message) for p in caught.value.problems}
    assert ("collective_titles",
            "“Lao động tiên tiến” là danh hiệu cá nhân, không dùng cho tập thể") in found
    assert ("individuals[2].title",
            "“Tập thể lao động tiên tiến” là danh hiệu tập thể, không dùng cho cá nhân") in found
    assert ("individuals[3]", "Họ và tên: không được để trống") in found
    assert ("individuals[4]",
            "“vũ xuân hùng” được đăng ký hai lần: dòng 1 và dòng 4") in found
    assert ("individuals[5].title",
            "“XYZ” không có trong danh mục danh hiệu, hình thức khen thưởng") in found
    assert ("signer", "Bản đăng ký gửi đi phải có người ký") in found
    assert any(f == "date" and "31/02/2024" in m for f, m in found)
    assert stored(example_db) == before


def test_an_empty_list_is_refused(example_db: str) -> None:
    with pytest.raises(RecordError, match="Danh sách đăng ký trống"):
        jobs.save_draft("SNV", 2025, typed(collective_titles=[], rows=[]), example_db)
    assert stored(example_db, year=2025) is None


def sheet(*rows: tuple[object, ...]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH CÁ NHÂN ĐĂNG KÝ THI ĐUA"])
    ws.append(["STT", "Họ và tên", "Chức vụ", "Danh hiệu đăng ký", "Hình thức khen thưởng"])
    for row in rows:
        ws.append(list(row))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_a_sheet_is_read_into_rows_matched_to_the_staff(example_db: str) -> None:
    rows = jobs.import_sheet("SNV", sheet((1, "Vũ Xuân Hùng", "", "Lao động tiên tiến", ""),
                                          (2, "Nguyễn Thị Thử", "Kế toán", "CSTDCS", "Giấy khen")),
                             "ds.xlsx", example_db)
    assert rows == [RowInput("P0010", "Vũ Xuân Hùng", "Phó Giám đốc", "LDTT", ""),
                    RowInput("", "Nguyễn Thị Thử", "Kế toán", "CSTDCS", "GK")]


def test_a_sheet_row_without_a_name_is_refused_by_its_row_number(example_db: str) -> None:
    data = sheet((1, "Vũ Xuân Hùng", "", "Lao động tiên tiến", ""),
                 (2, "", "Chuyên viên", "Lao động tiên tiến", ""))
    with pytest.raises(RecordError) as caught:
        jobs.import_sheet("SNV", data, "danh-sach.xlsx", example_db)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.field) == ("danh-sach.xlsx", 4, "Họ và tên")
    assert str(problem) == "tệp danh-sach.xlsx, dòng 4, trường “Họ và tên”: thiếu họ và tên"


def test_the_sample_sheet_reads_back(example_db: str) -> None:
    rows = jobs.import_sheet("SNV", jobs.sample_sheet("SNV", example_db), "mau.xlsx", example_db)
    assert len(rows) == 3 and all(r.person for r in rows)


def test_the_letter_is_numbered_in_the_units_register_and_passes_the_checker(
        example_db: str, home: Path) -> None:
    made = jobs.letter("SNV", 2024, example_db)
    assert made.symbol == "01/SNV-VP"
    assert made.path == home / "outputs/2024/registration/01-dang-ky-thi-dua-nam-2024-snv.docx"
    data = made.path.read_bytes()
    assert lint_docx(data) == []
    document = docx.Document(io.BytesIO(data))
    names = [row.cells[1].text for row in document.tables[-1].rows[1:]]
    assert names[:3] == ["Bùi Thị Ánh", "Sùng Thị Chở", "Đỗ Văn Đạt"] and len(names) == 9
    with db.transaction(example_db) as session:
        (entry,) = register.entries(session, [repo.unit_id(session, "SNV")], 2024)
    assert (entry.symbol, entry.kind, entry.subject) == (
        "01/SNV-VP", "registration", "Đăng ký thi đua năm 2024")
    assert jobs.letter("SNV", 2024, example_db).skipped


def test_a_draft_has_no_letter(example_db: str, home: Path) -> None:
    jobs.save_draft("SNV", 2024, typed(), example_db)
    with pytest.raises(RecordError, match="chưa gửi"):
        jobs.letter("SNV", 2024, example_db)


def test_the_overview_and_the_consolidated_workbook(example_db: str) -> None:
    jobs.save_draft("SYT", 2024, typed(rows=[], signer_name="", signer_title=""), example_db)
    lines = jobs.overview(2024, example_db)
    assert len(lines) == 22 and lines[0].unit.code == "UBND-TINH"
    assert {line.unit.code: line.status_label for line in lines}["SYT"] == "Đang soạn"
    assert sum(line.submitted for line in lines) == 21
    sheet_ = openpyxl.load_workbook(io.BytesIO(jobs.consolidated_xlsx(2024, example_db))).active
    values = [[c for c in row] for row in sheet_.iter_rows(values_only=True)]
    assert values[0][0] == "TỔNG HỢP ĐĂNG KÝ THI ĐUA NĂM 2024"
    syt = next(row for row in values if row[1] == "Sở Y tế")
    assert "Chưa đăng ký" in syt and "Đang soạn, chưa gửi" in syt
    assert values[-1][-2] == "21/22 đơn vị đã đăng ký"


def test_the_consolidated_report_is_a_bao_cao_of_so_noi_vu(example_db: str, home: Path) -> None:
    made = jobs.summary_document(2024, example_db)
    assert made.symbol.endswith("/BC-SNV")
    data = made.path.read_bytes()
    assert lint_docx(data) == []
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert "BÁO CÁO" in texts and "Tổng hợp đăng ký thi đua năm 2024" in texts


def test_the_batch_makes_one_letter_per_unit_then_skips_them(example_db: str,
                                                             home: Path) -> None:
    tasks = batches.tasks_for("registrations", 2024, url=example_db)
    assert len(tasks) == 22 and {t.kind for t in tasks} == {"registration"}
    summary = batches.run("registrations", tasks, workers=2)
    assert (summary.count("made"), summary.count("failed")) == (22, 0), summary.lines()
    for outcome in summary.outcomes:
        assert lint_docx(Path(outcome.path).read_bytes()) == [], outcome.task.unit
    assert summary.notes[0].startswith("Bản tổng hợp đăng ký thi đua: ")
    again = batches.run("registrations", tasks, workers=2)
    assert again.count("skipped") == 22


def test_one_units_draft_fails_alone_with_its_reason(example_db: str, home: Path,
                                                    tmp_path: Path) -> None:
    jobs.save_draft("SYT", 2024, typed(rows=[RowInput(full_name="Lò Văn Mới", title="LDTT")]),
                    example_db)
    tasks = batches.tasks_for("registrations", 2024, url=example_db, output_dir=tmp_path / "out")
    summary = batches.run("registrations", tasks, workers=1)
    assert (summary.count("made"), summary.count("failed")) == (21, 1)
    (failed,) = [o for o in summary.outcomes if o.status == "failed"]
    assert failed.task.unit == "SYT" and "Sở Y tế chưa gửi" in failed.message
    assert (tmp_path / "out" / "registration-SNV.docx").is_file()
    assert (tmp_path / "out" / "registration_summary-2024.docx").is_file()
