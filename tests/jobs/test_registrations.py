"""A unit's registration as the jobs handle it: drafts and submissions refused at their fields
with the stored record unchanged, the Excel sheet, the letter, the province's list, the batch."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path

import docx
import openpyxl
import pytest

from service.documents.lint import lint_docx
from service.domain.errors import RecordError
from service.domain.recordset import vietnamese_field
from service.jobs import batches
from service.jobs import registrations as jobs
from service.jobs.batch import Summary, run_batch
from service.jobs.registrations import RegistrationInput, RowInput
from service.store import db, register
from service.store import repository as repo
from service.store.models import RegistrationRow


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
    with pytest.raises(RecordError, match="chưa gửi") as caught:
        jobs.letter("SNV", 2024, example_db)
    assert "trường “trạng thái”" in str(caught.value) and "status" not in str(caught.value)
    with pytest.raises(RecordError) as caught:
        jobs.letter("SNV", 2025, example_db)
    assert str(caught.value) == "trường “đơn vị”: Sở Nội vụ chưa đăng ký thi đua năm 2025"


@pytest.mark.parametrize(
    ("field", "shown"),
    [
        ("unit", "đơn vị"),
        ("status", "trạng thái"),
        ("individuals[3].title", "danh sách cá nhân, dòng 3, danh hiệu"),
        ("collective_titles", "danh hiệu tập thể"),
        ("sheet", "tệp Excel"),
        ("Họ và tên", "Họ và tên"),  # a sheet's column: already Vietnamese
        ("4.2:planned", "4.2:planned"),  # a form cell's key, not a field
        (None, None),
    ],
)
def test_problem_fields_are_shown_in_vietnamese(field: str | None, shown: str | None) -> None:
    assert vietnamese_field(field) == shown


@pytest.mark.parametrize(
    ("unit", "addressed", "recipients"),
    [
        ("X-CONOI", ["- Hội đồng Thi đua - Khen thưởng huyện Mai Sơn;",
                     "- Phòng Nội vụ huyện Mai Sơn."],
         ["- Hội đồng TĐKT huyện;", "- Phòng Nội vụ huyện;", "- Lưu: VT."]),
        ("BTDKT", ["Kính gửi: Hội đồng Thi đua - Khen thưởng Sở Nội vụ."],
         ["- Hội đồng TĐKT Sở Nội vụ;", "- Lưu: VT, VP."]),
        ("SYT", ["- Hội đồng Thi đua - Khen thưởng tỉnh Sơn La;",
                 "- Sở Nội vụ (Ban Thi đua - Khen thưởng)."],
         ["- Hội đồng TĐKT tỉnh;", "- Sở Nội vụ (Ban TĐKT);", "- Lưu: VT, VP."]),
    ],
)
def test_a_letter_goes_to_the_council_above_the_unit_in_the_tree(
        example_db: str, home: Path, unit: str, addressed: list[str],
        recipients: list[str]) -> None:
    data = jobs.letter(unit, 2024, example_db).path.read_bytes()
    assert lint_docx(data) == []
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    start = next(i for i, t in enumerate(texts) if t.startswith("Kính gửi"))
    shown = texts[start:start + len(addressed)] if len(addressed) == 1 else \
        texts[start + 1:start + 1 + len(addressed)]
    assert shown == addressed
    footer = document.tables[1].cell(0, 0).paragraphs
    assert [p.text for p in footer if p.text.startswith("-")] == recipients


def test_the_overview_and_the_consolidated_workbook(example_db: str) -> None:
    jobs.save_draft("SYT", 2024, typed(rows=[], signer_name="", signer_title=""), example_db)
    lines = jobs.overview(2024, example_db)
    assert len(lines) == 22 and lines[0].unit.code == "UBND-TINH"
    assert {line.unit.code: line.status_label for line in lines}["SYT"] == "Đang soạn"
    assert sum(line.submitted for line in lines) == 21
    # every unit is counted, each with its place in the tree
    levels = {line.unit.code: line.level for line in lines}
    assert (levels["UBND-TINH"], levels["SYT"], levels["H-MAISON"]) == (
        "Cấp tỉnh", "Sở, ban, ngành", "Cấp huyện")
    assert levels["X-CONOI"] == "Cấp xã, thuộc UBND huyện Mai Sơn"
    assert levels["BTDKT"] == "Thuộc Sở Nội vụ"
    sheet_ = openpyxl.load_workbook(io.BytesIO(jobs.consolidated_xlsx(2024, example_db))).active
    values = [[c for c in row] for row in sheet_.iter_rows(values_only=True)]
    assert values[0][0] == "TỔNG HỢP ĐĂNG KÝ THI ĐUA NĂM 2024"
    syt = next(row for row in values if row[1] == "Sở Y tế")
    assert "Chưa đăng ký" in syt and "Đang soạn, chưa gửi" in syt
    names = [row[1] for row in values]
    assert "Ủy ban nhân dân xã Cò Nòi (thuộc UBND huyện Mai Sơn)" in names
    assert "Ban Thi đua - Khen thưởng (thuộc Sở Nội vụ)" in names
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


def run_letters(year: int, url: str, home: Path, output_dir: Path | None = None) -> Summary:
    """Runs the registrations batch as `thidua batch registrations` does: its tasks, then its
    finishing step."""
    tasks = [dataclasses.replace(t, home=str(home),
                                 output_dir=str(output_dir) if output_dir else None)
             for t in jobs.batch_tasks(year, url)]
    summary = run_batch(tasks, workers=1)
    summary.notes += jobs.finish_batch(summary, year, url, output_dir)
    return summary


def test_a_draft_has_no_letter_and_is_noted_not_failed(example_db: str, home: Path,
                                                        tmp_path: Path) -> None:
    jobs.save_draft("SYT", 2024, typed(rows=[RowInput(full_name="Lò Văn Mới", title="LDTT")]),
                    example_db)
    summary = run_letters(2024, example_db, home, tmp_path / "out")
    assert (summary.count("made"), summary.count("failed")) == (21, 0)
    assert "SYT" not in {o.task.unit for o in summary.outcomes}
    assert summary.notes[0] == "Đang soạn (chưa gửi): 1 đơn vị — Sở Y tế."
    assert (tmp_path / "out" / "registration-SNV.docx").is_file()
    assert (tmp_path / "out" / "registration_summary-2024.docx").is_file()
    assert not any(str(tmp_path) in line or str(home) in line for line in summary.lines())


def test_a_year_nobody_registered_for_is_noted_not_failed(example_db: str, home: Path) -> None:
    jobs.submit("SNV", 2025, typed(), example_db)
    assert [t.unit for t in jobs.batch_tasks(2025, example_db)] == ["SNV"]
    summary = run_letters(2025, example_db, home)
    assert (summary.count("made"), summary.count("failed")) == (1, 0)
    assert summary.lines()[0] == "Đã tạo: 1; bỏ qua (không đổi): 0; lỗi: 0."
    assert summary.notes[0] == "Chưa đăng ký: 21 đơn vị (không có công văn)."
    assert summary.notes[-1].startswith("Bản tổng hợp đăng ký thi đua: số ")
    assert not any("unit" in line for line in summary.lines())


def test_an_invalid_stored_registration_fails_the_finish_with_a_vietnamese_line(
        example_db: str, home: Path) -> None:
    with db.transaction(example_db) as session:
        row = session.query(RegistrationRow).filter_by(
            unit_id=repo.unit_id(session, "SYT"), year=2024).one()
        row.data = {**row.data, "date": "không phải ngày"}
    assert "SYT" in {t.unit for t in jobs.batch_tasks(2024, example_db)}  # its failure shows
    lines = jobs.finish_batch(Summary(), 2024, example_db, None)
    assert lines == ["Lỗi: chưa lập được bản tổng hợp đăng ký thi đua: dữ liệu đã lưu không "
                     "hợp lệ: trường “ngày”: ngày “không phải ngày” không có thật hoặc sai "
                     "dạng (dùng dd/mm/yyyy, ví dụ 03/01/2024)"]


def test_a_letter_made_again_without_pdf_leaves_no_old_pdf(example_db: str, home: Path) -> None:
    made = jobs.letter("SNV", 2024, example_db)
    stale = made.path.with_suffix(".pdf")
    stale.write_bytes(b"%PDF-1.4 old")
    assert jobs.letter("SNV", 2024, example_db).skipped and stale.is_file()  # unchanged: kept
    reg = stored(example_db)
    jobs.submit("SNV", 2024, dataclasses.replace(jobs.input_of(reg), commitments=["Mới."]),
                example_db)
    again = jobs.letter("SNV", 2024, example_db)
    assert not again.skipped and again.path == made.path and not stale.exists()
