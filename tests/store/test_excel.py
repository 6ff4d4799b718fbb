"""Excel: a unit's sheet of people is read (or refused naming file, row and column), the sample
sheet reads back into valid entries, and the consolidated list holds every unit and the totals."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
import zipfile

import openpyxl
import pytest

from service.domain.errors import RecordError
from service.domain.records import Person, Registration, Signer
from service.domain.registration import check_registration, entries_from_rows
from service.store.excel import (
    REGISTRATION_COLUMNS,
    ConsolidatedRow,
    consolidated_registrations_xlsx,
    read_registration_sheet,
    sample_registration_sheet,
)

HEADER = list(REGISTRATION_COLUMNS)


def xlsx(*rows: list[object], extra_sheet: bool = False) -> bytes:
    """Returns a workbook whose first sheet holds `rows` from row 1."""
    wb = openpyxl.Workbook()
    if extra_sheet:  # the registration list need not be the first sheet
        wb.active.title = "Ghi chú"
        wb.active["A1"] = "Danh sách ở sheet sau"
        ws = wb.create_sheet("Cá nhân")
    else:
        ws = wb.active
    for values in rows:
        ws.append(values)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def refusal(data: bytes, filename: str = "ds.xlsx") -> RecordError:
    with pytest.raises(RecordError) as caught:
        read_registration_sheet(data, filename)
    return caught.value


def read_entries(data: bytes, staff: list[Person] = []) -> tuple[list, list]:  # noqa: B006
    rows = read_registration_sheet(data, "ds.xlsx")
    return entries_from_rows([values for _, values in rows], staff, rows[0][0],
                             lines=[n for n, _ in rows], file="ds.xlsx")


@pytest.fixture
def staff() -> list[Person]:
    return [Person(code="P1", full_name="Lò Văn Ơn", gender="nam", unit="SNV",
                   position="Chuyên viên"),
            Person(code="P2", full_name="Cầm Thị Ánh", gender="nữ", unit="SNV",
                   position="Kế toán")]


def test_rows_are_read_by_header_with_their_row_numbers() -> None:
    header = [" họ  và TÊN ", "STT", unicodedata.normalize("NFD", "Chức vụ"),
              "Danh hiệu đăng ký", "HÌNH THỨC KHEN THƯỞNG"]
    data = xlsx(["DANH SÁCH ĐĂNG KÝ"], [], header,
                [unicodedata.normalize("NFD", " Lò  Văn Ơn "), 1, "Chuyên viên", "LDTT", None],
                [None, 2, None, None, None],  # only the STT: blank
                [],
                ["Cầm Thị Ánh", 3, 5.0, "Lao động tiên tiến", "Giấy khen"],
                [12345, 4, dt.datetime(2024, 1, 3), 2.5, ""])
    assert read_registration_sheet(data) == [
        (4, {"Họ và tên": "Lò Văn Ơn", "Chức vụ": "Chuyên viên", "Danh hiệu đăng ký": "LDTT",
             "Hình thức khen thưởng": ""}),
        (7, {"Họ và tên": "Cầm Thị Ánh", "Chức vụ": "5", "Danh hiệu đăng ký": "Lao động tiên tiến",
             "Hình thức khen thưởng": "Giấy khen"}),
        (8, {"Họ và tên": "12345", "Chức vụ": "03/01/2024", "Danh hiệu đăng ký": "2,5",
             "Hình thức khen thưởng": ""}),
    ]


def test_the_list_may_be_on_another_sheet() -> None:
    data = xlsx(HEADER, ["Lò Văn Ơn", "", "LDTT", ""], extra_sheet=True)
    assert read_registration_sheet(data)[0][0] == 2


def test_a_row_missing_its_name_is_named_by_row() -> None:
    data = xlsx(["Danh sách"], HEADER, ["Lò Văn Ơn", "", "LDTT", ""],
                ["Cầm Thị Ánh", "", "LDTT", ""], ["", "Kế toán", "LDTT", "Giấy khen"])
    entries, problems = read_entries(data)
    assert len(entries) == 2
    (problem,) = problems
    assert (problem.line, problem.field) == (5, "Họ và tên")
    assert "dòng 5" in str(problem) and "thiếu họ và tên" in str(problem)
    assert "ds.xlsx" in str(problem)


def test_an_unknown_title_is_named_by_row_and_column() -> None:
    data = xlsx(HEADER, ["Lò Văn Ơn", "", "Lao động tiên tiến", ""],
                ["Cầm Thị Ánh", "", "Lao dong xuat sac", ""])
    _entries, (problem,) = read_entries(data)
    assert (problem.line, problem.field) == (3, "Danh hiệu đăng ký")
    assert "“Lao dong xuat sac” không có trong danh mục" in problem.message


@pytest.mark.parametrize(
    ("data", "filename", "words"),
    [
        (b"Ho va ten;Chuc vu\n", "ds.csv", "không phải tệp Excel .xlsx"),
        (b"", "ds.xlsx", "không phải tệp Excel .xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "ds.xls", "dạng cũ (.xls)"),
        (b"PK\x03\x04broken", "ds.xlsx", "không phải tệp Excel .xlsx"),
    ],
)
def test_a_file_that_is_not_xlsx_is_refused(data: bytes, filename: str, words: str) -> None:
    (problem,) = refusal(data, filename).problems
    assert problem.file == filename and words in problem.message


def test_a_zip_that_is_not_a_workbook_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert "không phải tệp Excel" in str(refusal(buffer.getvalue(), "to-trinh.docx"))


def test_a_missing_column_is_named() -> None:
    data = xlsx(["Họ và tên", "Chức vụ", "Danh hiệu đăng ký"], ["Lò Văn Ơn", "", "LDTT"])
    error = refusal(data)
    (problem,) = error.problems
    assert problem.file == "ds.xlsx" and problem.field == "Hình thức khen thưởng"
    assert problem.message.startswith("thiếu cột “Hình thức khen thưởng”")
    assert str(error).startswith("tệp ds.xlsx")


def test_a_sheet_without_a_header_names_every_column() -> None:
    message = refusal(xlsx(["Tên", "Danh hiệu"], ["Lò Văn Ơn", "LDTT"])).problems[0].message
    assert all(f"“{column}”" in message.split(";")[0] for column in REGISTRATION_COLUMNS)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (xlsx(), "bảng tính trống"),
        (xlsx(HEADER), "không có dòng nào dưới dòng tiêu đề (dòng 1)"),
        (xlsx(HEADER, [None, None, None, None], ["", " ", "", ""]), "không có dòng nào"),
    ],
)
def test_a_sheet_with_no_rows_is_refused(data: bytes, words: str) -> None:
    (problem,) = refusal(data).problems
    assert problem.file == "ds.xlsx" and words in problem.message


def test_control_characters_are_named_by_row_and_column() -> None:
    # Excel stores a control character as `_x0007_`; a C1 control can sit in the XML as is.
    data = xlsx(HEADER, ["Lò Văn_x0007_ Ơn", "", "LDTT", ""],
                ["Cầm Thị Ánh", "Kế\x85 toán", "LDTT", ""])
    problems = refusal(data).problems
    assert [(p.line, p.field) for p in problems] == [(2, "Họ và tên"), (3, "Chức vụ")]
    assert all("ký tự điều khiển" in p.message and p.file == "ds.xlsx" for p in problems)


def test_an_escaped_underscore_is_kept() -> None:
    data = xlsx(HEADER, ["Lò Văn Ơn", "Tổ_x005F_1", "LDTT", ""])
    assert read_registration_sheet(data)[0][1]["Chức vụ"] == "Tổ_1"


# The sample sheet


def test_sample_sheet_layout() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(sample_registration_sheet("Sở Nội vụ")))
    assert wb.sheetnames == ["Đăng ký cá nhân", "Danh mục"]
    ws = wb["Đăng ký cá nhân"]
    assert ws["A1"].value == "DANH SÁCH CÁ NHÂN ĐĂNG KÝ THI ĐUA" and ws["A1"].font.b
    assert ws["A2"].value == "Sở Nội vụ"
    assert [c.value for c in ws[4]] == ["STT", *REGISTRATION_COLUMNS]
    assert all(c.font.b and c.border.bottom.style == "thin" for c in ws[4])
    assert [ws.column_dimensions[col].width for col in "ABCDE"] == [6, 30, 26, 30, 34]
    assert ws.freeze_panes == "A5"
    assert [[c.value for c in r] for r in ws.iter_rows(min_row=5)] == [
        [1, "Nguyễn Văn An", "Trưởng phòng", "Lao động tiên tiến", None],
        [2, "Lò Thị Bình", "Chuyên viên", "Chiến sĩ thi đua cơ sở", "Giấy khen"],
        [3, "Cầm Văn Cường", "Kế toán", "Lao động tiên tiến", None],
    ]
    catalogue = [tuple(r) for r in wb["Danh mục"].iter_rows(values_only=True)]
    assert [r[:2] for r in catalogue] == [
        ("Mã", "Tên"), ("LDTT", "Lao động tiên tiến"), ("CSTDCS", "Chiến sĩ thi đua cơ sở"),
        ("CSTDT", "Chiến sĩ thi đua cấp tỉnh"), ("BKT", "Bằng khen của Chủ tịch UBND tỉnh"),
        ("GK", "Giấy khen")]
    dropdowns = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
    assert dropdowns == {"D5:D500": "='Danh mục'!$B$2:$B$4", "E5:E500": "='Danh mục'!$B$5:$B$6"}
    assert all(v.type == "list" for v in ws.data_validations.dataValidation)


def test_sample_sheet_round_trips_into_valid_entries() -> None:
    entries, problems = read_entries(sample_registration_sheet("Sở Nội vụ"))
    assert problems == []
    assert [(e.full_name, e.title, e.award) for e in entries] == [
        ("Nguyễn Văn An", "LDTT", None), ("Lò Thị Bình", "CSTDCS", "GK"),
        ("Cầm Văn Cường", "LDTT", None)]


def test_sample_sheet_from_staff_round_trips_to_a_clean_registration(staff: list[Person]) -> None:
    entries, problems = read_entries(sample_registration_sheet("Sở Nội vụ", staff), staff)
    assert problems == []
    assert [(e.person, e.full_name, e.position, e.title, e.award) for e in entries] == [
        ("P1", "Lò Văn Ơn", "Chuyên viên", "LDTT", None),
        ("P2", "Cầm Thị Ánh", "Kế toán", "CSTDCS", "GK")]
    reg = Registration(unit="SNV", year=2024, individuals=entries,
                       signer=Signer(name="Hoàng Văn Nam", title="Giám đốc"))
    assert check_registration(reg, staff) == []


def test_workbooks_are_the_same_bytes_each_time() -> None:
    assert sample_registration_sheet("Sở Nội vụ") == sample_registration_sheet("Sở Nội vụ")
    rows = [ConsolidatedRow("Sở Nội vụ", "", 1, {"LDTT": 1}, "submitted", True)]
    consolidated = consolidated_registrations_xlsx(2024, rows)
    assert consolidated == consolidated_registrations_xlsx(2024, rows)
    wb = openpyxl.load_workbook(io.BytesIO(consolidated))
    assert wb.properties.created == wb.properties.modified == dt.datetime(2024, 1, 1)


# The consolidated list


@pytest.fixture
def consolidated() -> openpyxl.Workbook:
    rows = [
        ConsolidatedRow("Văn phòng UBND tỉnh", "Tập thể lao động tiên tiến", 5,
                        {"LDTT": 4, "CSTDCS": 1}, "submitted", True),
        ConsolidatedRow("Sở Nội vụ", "Tập thể lao động xuất sắc", 3,
                        {"LDTT": 2, "GK": 1, "CSTDT": 0}, "submitted", True),
        ConsolidatedRow("UBND xã Chiềng Mung", "", 0, {}, "draft", False),
    ]
    return openpyxl.load_workbook(io.BytesIO(consolidated_registrations_xlsx(2024, rows)))


def test_consolidated_list_content_and_totals(consolidated: openpyxl.Workbook) -> None:
    ws = consolidated.active
    assert ws["A1"].value == "TỔNG HỢP ĐĂNG KÝ THI ĐUA NĂM 2024"
    assert [list(r) for r in ws.iter_rows(min_row=3, values_only=True)] == [
        ["STT", "Đơn vị", "Danh hiệu tập thể", "Số cá nhân đăng ký", "Lao động tiên tiến (LDTT)",
         "Chiến sĩ thi đua cơ sở (CSTDCS)", "Giấy khen (GK)", "Trạng thái", "Ghi chú"],
        [1, "Văn phòng UBND tỉnh", "Tập thể lao động tiên tiến", 5, 4, 1, None, "Đã đăng ký", None],
        [2, "Sở Nội vụ", "Tập thể lao động xuất sắc", 3, 2, None, 1, "Đã đăng ký", None],
        [3, "UBND xã Chiềng Mung", None, 0, None, None, None, "Chưa đăng ký",
         "Đang soạn, chưa gửi"],
        [None, "Tổng cộng", None, 8, 6, 1, 1, "2/3 đơn vị đã đăng ký", None],
    ]


def test_consolidated_list_format(consolidated: openpyxl.Workbook) -> None:
    ws = consolidated.active
    assert ws["A1"].font.b and "A1:I1" in {str(r) for r in ws.merged_cells.ranges}
    assert all(c.font.b and c.border.left.style == "thin" for c in ws[3])
    assert all(c.font.b for c in ws[7])
    assert ws.freeze_panes == "C4"
    assert ws.column_dimensions["B"].width == 40 and ws.column_dimensions["E"].width == 16
    assert ws.page_setup.orientation == "landscape"


def test_consolidated_list_of_no_unit() -> None:
    ws = openpyxl.load_workbook(io.BytesIO(consolidated_registrations_xlsx(2025, []))).active
    assert ws["A1"].value == "TỔNG HỢP ĐĂNG KÝ THI ĐUA NĂM 2025"
    assert [c.value for c in ws[4]] == [None, "Tổng cộng", None, 0, "0/0 đơn vị đã đăng ký", None]
