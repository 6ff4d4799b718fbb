"""Excel workbooks of registrations: a unit's list of people (read, sample) and the province's
consolidated list."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ..domain.catalogue import BY_CODE, HONOURS
from ..domain.errors import Problem, RecordError
from ..domain.records import Person
from ..domain.registration import COLUMNS
from ..vnformat.numbers import format_number
from ..vnformat.text import upper_vn

REGISTRATION_COLUMNS: tuple[str, ...] = COLUMNS
CATALOGUE_SHEET = "Danh mục"

_HEADER_SCAN_ROWS = 30  # the header row is looked for among a sheet's first rows
# Excel writes a control character in a cell as `_x0007_`; openpyxl hands that text over as is.
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Fixed workbook and zip-entry times: the same content gives the same bytes.
_FIXED_TIME = dt.datetime(2024, 1, 1)

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_BOLD = Font(bold=True)
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="center", wrap_text=True)


# Reading a unit's sheet


def _header_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _cell_text(value: object) -> str:
    """Returns a cell's value as text: NFC, Excel escapes decoded, not yet trimmed."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return format_number(value)
    text = _EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), str(value))
    return unicodedata.normalize("NFC", text)


def _open(data: bytes, filename: str) -> Workbook:
    """Returns the workbook in `data`; RecordError when it is not a readable .xlsx."""
    try:
        with warnings.catch_warnings():
            # Workbooks saved by other programs draw warnings (unsupported extensions, styles).
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # a broken upload can fail anywhere in openpyxl or zipfile
        if filename.lower().endswith(".xls"):
            message = ("tệp Excel dạng cũ (.xls) không đọc được; mở bằng Excel và lưu lại "
                       "dưới dạng Excel Workbook (.xlsx)")
        else:
            message = "không phải tệp Excel .xlsx hoặc tệp bị hỏng; hãy dùng tệp mẫu (.xlsx)"
        raise RecordError.one(message, file=filename) from exc


def _header_columns(values: Sequence[object], wanted: Mapping[str, str]) -> dict[str, int]:
    """Returns {column name: index} of the registration columns among a row's values."""
    found: dict[str, int] = {}
    for index, value in enumerate(values):
        name = wanted.get(_header_key(value)) if isinstance(value, str) else None
        if name and name not in found:
            found[name] = index
    return found


def _find_header(wb: Workbook, filename: str) -> tuple[Worksheet, int, dict[str, int]]:
    """Returns the sheet, row number and {column name: index} of the registration header.

    RecordError when no sheet holds any data, or when the best header row lacks a column."""
    wanted = {_header_key(name): name for name in REGISTRATION_COLUMNS}
    best: tuple[Worksheet, int, dict[str, int]] | None = None
    has_data = False
    for ws in wb.worksheets:
        last = min(ws.max_row, _HEADER_SCAN_ROWS)
        for number, values in enumerate(ws.iter_rows(max_row=last, values_only=True), start=1):
            has_data = has_data or any(value not in (None, "") for value in values)
            found = _header_columns(values, wanted)
            if best is None or len(found) > len(best[2]):
                best = (ws, number, found)
    if not has_data or best is None:
        raise RecordError.one("tệp không có dữ liệu (bảng tính trống)", file=filename)
    missing = [name for name in REGISTRATION_COLUMNS if name not in best[2]]
    if missing:
        names = ", ".join(f"“{name}”" for name in missing)
        raise RecordError.one(
            f"thiếu cột {names}; dòng tiêu đề phải có các cột "
            + ", ".join(f"“{name}”" for name in REGISTRATION_COLUMNS),
            file=filename, field=missing[0])
    return best


def read_registration_sheet(
    data: bytes, filename: str = "danh-sach.xlsx"
) -> list[tuple[int, dict[str, str]]]:
    """Returns (row number, {column: text}) for each non-blank row under the header row.

    The header row is found by its texts (REGISTRATION_COLUMNS; case, spaces and Unicode form
    do not matter); other columns are ignored. Texts are NFC with spaces collapsed, numbers and
    dates written the Vietnamese way, empty cells "". Raises RecordError naming `filename` for a
    file that is not an .xlsx, a missing column, a sheet with no rows, and (one problem per
    cell, with row and column) cells holding control characters.
    """
    ws, header_row, columns = _find_header(_open(data, filename), filename)
    rows: list[tuple[int, dict[str, str]]] = []
    problems: list[Problem] = []
    cells = ws.iter_rows(min_row=header_row + 1, values_only=True)
    for number, values in enumerate(cells, start=header_row + 1):
        row: dict[str, str] = {}
        for name, index in columns.items():
            text = _cell_text(values[index] if index < len(values) else None)
            if _CONTROL.search(text):
                problems.append(Problem(
                    "ô có ký tự điều khiển không hợp lệ (ký tự ẩn, thường do sao chép); "
                    "hãy gõ lại nội dung ô", file=filename, line=number, field=name))
            row[name] = " ".join(text.split())
        if any(row.values()):
            rows.append((number, row))
    if problems:
        raise RecordError(problems)
    if not rows:
        raise RecordError.one(f"không có dòng nào dưới dòng tiêu đề (dòng {header_row})",
                              file=filename)
    return rows


# Writing


class _FixedTimeZip(zipfile.ZipFile):
    """A zip whose entries all carry one fixed time, so equal content gives equal bytes."""

    def writestr(  # type: ignore[override]
        self, zinfo_or_arcname: str | zipfile.ZipInfo, data: bytes | str, *args: Any, **kw: Any
    ) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, _FIXED_TIME.timetuple()[:6])
            zinfo_or_arcname.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(zinfo_or_arcname, data, *args, **kw)

    def write(  # type: ignore[override]
        self, filename: str, arcname: str | None = None, *args: Any, **kw: Any
    ) -> None:
        # openpyxl writes each worksheet through a temporary file, whose time zip would keep.
        with open(filename, "rb") as f:
            self.writestr(arcname or filename, f.read())


def _to_bytes(wb: Workbook) -> bytes:
    """Returns the .xlsx bytes of `wb`, with fixed creation and modification times."""
    wb.properties.creator = "thidua"
    wb.properties.created = wb.properties.modified = _FIXED_TIME
    buffer = io.BytesIO()
    # openpyxl's save() stamps `modified` with the current time; its writer does not.
    with _FixedTimeZip(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    return buffer.getvalue()


def _title_row(ws: Worksheet, row: int, text: str, width: int, font: Font) -> None:
    ws.cell(row, 1, text).font = font
    ws.cell(row, 1).alignment = _CENTRE
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _table_row(ws: Worksheet, row: int, values: Iterable[object], header: bool = False) -> None:
    for column, value in enumerate(values, start=1):
        cell = ws.cell(row, column, value)
        cell.border = _BORDER
        if header:
            cell.font, cell.fill, cell.alignment = _BOLD, _HEADER_FILL, _CENTRE
        else:
            cell.alignment = _CENTRE if isinstance(value, int) else _WRAP


def _widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width


_SAMPLE_NAMES = (("Nguyễn Văn An", "Trưởng phòng"), ("Lò Thị Bình", "Chuyên viên"),
                 ("Cầm Văn Cường", "Kế toán"))
_SAMPLE_HONOURS = (("LDTT", ""), ("CSTDCS", "GK"), ("LDTT", ""))
_SAMPLE_LAST_ROW = 500  # the dropdowns reach this far


def _catalogue_sheet(wb: Workbook) -> dict[str, str]:
    """Adds the sheet of titles and awards an individual can register for; returns the range
    of names of each kind ({"title": "'Danh mục'!$B$2:$B$4", "award": …})."""
    ws = wb.create_sheet(CATALOGUE_SHEET)
    _table_row(ws, 1, ("Mã", "Tên", "Loại", "Ghi ở cột"), header=True)
    ranges: dict[str, str] = {}
    row = 2
    for kind, label, column in (("title", "Danh hiệu thi đua", REGISTRATION_COLUMNS[2]),
                                ("award", "Hình thức khen thưởng", REGISTRATION_COLUMNS[3])):
        honours = [h for h in HONOURS if h.kind == kind and h.accepts("individual")]
        for h in honours:
            _table_row(ws, row + honours.index(h), (h.code, h.name, label, column))
        ranges[kind] = f"'{CATALOGUE_SHEET}'!$B${row}:$B${row + len(honours) - 1}"
        row += len(honours)
    _widths(ws, (10, 36, 24, 24))
    return ranges


def _dropdown(ws: Worksheet, source: str, column: str, first_row: int, what: str) -> None:
    validation = DataValidation(
        type="list", formula1=f"={source}", allow_blank=True, showErrorMessage=True,
        errorStyle="warning", errorTitle="Không có trong danh mục",
        error=f"Chọn {what} trong danh sách (sheet “{CATALOGUE_SHEET}”) hoặc ghi đúng mã.",
        showInputMessage=True, promptTitle=what[:1].upper() + what[1:],
        prompt=f"Chọn {what} trong danh sách.")
    validation.add(f"{column}{first_row}:{column}{_SAMPLE_LAST_ROW}")
    ws.add_data_validation(validation)


def sample_registration_sheet(unit_name: str, staff: Sequence[Person] = ()) -> bytes:
    """Returns a sample .xlsx for a unit to list its people: a title, the header row, up to
    three example rows (the first of `staff` when given) and a sheet “Danh mục” of the titles
    and awards, offered as dropdowns in their columns."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Đăng ký cá nhân"
    headers = ("STT", *REGISTRATION_COLUMNS)
    _title_row(ws, 1, "DANH SÁCH CÁ NHÂN ĐĂNG KÝ THI ĐUA", len(headers), Font(bold=True, size=14))
    _title_row(ws, 2, unit_name, len(headers), Font(italic=True, size=12))
    _title_row(ws, 3, "Mỗi người một dòng. Danh hiệu, hình thức khen thưởng chọn trong danh sách "
               f"(sheet “{CATALOGUE_SHEET}”) hoặc ghi mã; xóa các dòng ví dụ trước khi gửi.",
               len(headers), Font(italic=True, size=10))
    ws.row_dimensions[3].height = 30
    _table_row(ws, 4, headers, header=True)
    people = [(p.full_name, p.position) for p in staff[:3]] or list(_SAMPLE_NAMES)
    for n, ((name, position), (title, award)) in enumerate(zip(people, _SAMPLE_HONOURS), start=1):
        names = (BY_CODE[title].name, BY_CODE[award].name if award else None)
        _table_row(ws, 4 + n, (n, name, position or None, *names))
    _widths(ws, (6, 30, 26, 30, 34))
    ws.freeze_panes = "A5"
    ranges = _catalogue_sheet(wb)
    _dropdown(ws, ranges["title"], "D", 5, "danh hiệu thi đua")
    _dropdown(ws, ranges["award"], "E", 5, "hình thức khen thưởng")
    return _to_bytes(wb)


@dataclass(frozen=True)
class ConsolidatedRow:
    """One unit's line of the province's consolidated list; `by_title` counts its individuals
    per title/award code; `status` is the registration's ("draft", "submitted") or a note."""

    unit_name: str
    collective_titles: str
    individuals: int
    by_title: Mapping[str, int] = field(default_factory=dict)
    status: str = ""
    registered: bool = False


_STATUS_NOTES = {"draft": "Đang soạn, chưa gửi", "submitted": ""}


def _title_codes(rows: Sequence[ConsolidatedRow]) -> list[str]:
    """Returns the codes counted in some row: catalogue order, then unknown codes by name."""
    present = {code for row in rows for code, n in row.by_title.items() if n}
    return [h.code for h in HONOURS if h.code in present] + sorted(present - set(BY_CODE))


def consolidated_registrations_xlsx(year: int, rows: Sequence[ConsolidatedRow]) -> bytes:
    """Returns the province's consolidated registration list (tổng hợp đăng ký thi đua) of
    `year` as .xlsx: one row per unit in the order given, a column per title/award counted,
    and a totals row."""
    codes = _title_codes(rows)
    headers = ["STT", "Đơn vị", "Danh hiệu tập thể", "Số cá nhân đăng ký",
               *(f"{BY_CODE[c].name} ({c})" if c in BY_CODE else c for c in codes),
               "Trạng thái", "Ghi chú"]
    wb = Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    _title_row(ws, 1, upper_vn(f"Tổng hợp đăng ký thi đua năm {year}"), len(headers),
               Font(bold=True, size=14))
    _table_row(ws, 3, headers, header=True)
    for n, row in enumerate(rows, start=1):
        _table_row(ws, 3 + n, (
            n, row.unit_name, row.collective_titles or None, row.individuals,
            *(row.by_title.get(c) or None for c in codes),
            "Đã đăng ký" if row.registered else "Chưa đăng ký",
            _STATUS_NOTES.get(row.status, row.status) or None))
    registered = sum(row.registered for row in rows)
    totals = (None, "Tổng cộng", None, sum(row.individuals for row in rows),
              *(sum(row.by_title.get(c, 0) for row in rows) for c in codes),
              f"{registered}/{len(rows)} đơn vị đã đăng ký", None)
    _table_row(ws, 4 + len(rows), totals)
    for cell in ws[4 + len(rows)]:
        cell.font = _BOLD
    _widths(ws, (6, 40, 30, 14, *(16 for _ in codes), 16, 24))
    ws.freeze_panes = "C4"
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    return _to_bytes(wb)
