"""Excel sheets of the directive's indicators and their results: the sample the province fills
in, and reading it back (each cell as text, with its row number)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.errors import RecordError
from ..vnformat.numbers import format_number
from .excel import _cell_text, _header_key, _open, _table_row, _title_row, _to_bytes, _widths

CODE, NAME, UNIT, PLANNED, ACHIEVED, PREVIOUS = (
    "Mã chỉ số",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Kế hoạch",
    "Thực hiện",
    "Năm trước",
)
RESULT_COLUMNS: tuple[str, ...] = (CODE, NAME, UNIT, PLANNED, ACHIEVED, PREVIOUS)
REQUIRED = (CODE, ACHIEVED)
HEADER_ROW = 4  # in the sample: title, unit line, note, then the header
_SCAN_ROWS = 30
_TEXT = "@"  # Excel's text format: `4.1` stays a code, `7,5` stays as typed
_RIGHT = Alignment(horizontal="right", vertical="center")


@dataclass(frozen=True)
class SheetLine:
    """One indicator of the sample: its code, name, unit and the figures as written."""

    code: str
    name: str
    unit: str
    planned: str
    achieved: str = ""
    previous: str = ""


@dataclass(frozen=True)
class SheetRow:
    """One row read back: its number in the sheet and each cell's text ("" when empty)."""

    line: int
    code: str
    achieved: str
    previous: str


def results_sheet(year: int, lines: Sequence[SheetLine], title: str = "") -> bytes:
    """Returns the .xlsx the province fills in: one row per indicator with its plan as printed
    and the results known so far, codes and figures as text cells."""
    wb = Workbook()
    ws = wb.active
    ws.title = f"Kết quả {year}"
    width = len(RESULT_COLUMNS)
    _title_row(ws, 1, f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM {year}", width, Font(bold=True, size=14))
    _title_row(ws, 2, title, width, Font(italic=True, size=12))
    _title_row(
        ws,
        3,
        "Ghi số kiểu Việt Nam (19.560 hoặc 7,06) vào cột “Thực hiện” và “Năm "
        "trước”; để trống chỉ số chưa có số liệu. Không sửa cột “Mã chỉ số”.",
        width,
        Font(italic=True, size=10),
    )
    ws.row_dimensions[3].height = 30
    _table_row(ws, HEADER_ROW, RESULT_COLUMNS, header=True)
    for row, line in enumerate(lines, start=HEADER_ROW + 1):
        _table_row(
            ws,
            row,
            (
                line.code,
                line.name,
                line.unit,
                line.planned,
                line.achieved or None,
                line.previous or None,
            ),
        )
        _as_text(ws, row)
    _widths(ws, (11, 52, 18, 12, 12, 12))
    ws.freeze_panes = f"C{HEADER_ROW + 1}"
    return _to_bytes(wb)


def _as_text(ws: Worksheet, row: int) -> None:
    for column in range(1, len(RESULT_COLUMNS) + 1):
        cell = ws.cell(row, column)
        cell.number_format = _TEXT
        if column >= 4:
            cell.alignment = _RIGHT


def read_results_sheet(data: bytes, filename: str = "ket-qua.xlsx") -> list[SheetRow]:
    """Returns each non-blank row under the header row (found by its texts: “Mã chỉ số”,
    “Thực hiện”, optionally “Năm trước”), in the sheet's order.

    A number typed as a number comes back written the Vietnamese way (19560 → `19.560`,
    7.06 → `7,06`); text comes back as typed, to be checked by the caller. Raises RecordError
    naming `filename` for a file that is not an .xlsx, a sheet without the header, or no rows.
    """
    ws, header, columns = _find_header(data, filename)
    rows: list[SheetRow] = []
    cells = ws.iter_rows(min_row=header + 1, values_only=True)
    for number, values in enumerate(cells, start=header + 1):
        texts = [
            _cell(values, columns.get(name), name == CODE) for name in (CODE, ACHIEVED, PREVIOUS)
        ]
        row = SheetRow(number, *texts)
        if row.code or row.achieved or row.previous:
            rows.append(row)
    if not rows:
        raise RecordError.one(f"không có dòng nào dưới dòng tiêu đề (dòng {header})", file=filename)
    return rows


def _cell(values: tuple[object, ...], index: int | None, code: bool) -> str:
    value = values[index] if index is not None and index < len(values) else None
    return _text(value, code=code)


def _find_header(data: bytes, filename: str) -> tuple[Worksheet, int, dict[str, int]]:
    wanted = {_header_key(name): name for name in RESULT_COLUMNS}
    for ws in _open(data, filename).worksheets:
        rows = ws.iter_rows(max_row=min(ws.max_row, _SCAN_ROWS), values_only=True)
        for number, values in enumerate(rows, start=1):
            found: dict[str, int] = {}
            for index, value in enumerate(values):
                name = wanted.get(_header_key(value)) if isinstance(value, str) else None
                if name and name not in found:
                    found[name] = index
            if all(name in found for name in REQUIRED):
                return ws, number, found
    names = ", ".join(f"“{name}”" for name in REQUIRED)
    raise RecordError.one(
        f"không tìm thấy dòng tiêu đề có các cột {names}; hãy dùng tệp mẫu", file=filename
    )


def _text(value: object, *, code: bool = False) -> str:
    """Returns a cell as text: a code as written (a number typed as 4.1 stays `4.1`), other
    numbers written the Vietnamese way."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        if code:
            return str(int(value)) if float(value).is_integer() else repr(float(value))
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if number == number.to_integral_value():
            number = number.quantize(Decimal(1))
        return format_number(number)
    return " ".join(_cell_text(value).split())
