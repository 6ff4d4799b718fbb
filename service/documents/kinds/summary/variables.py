"""The summary report's template variables, described for the people who edit the template."""

from __future__ import annotations

from typing import Any

from ..base import Variable
from ..frame import frame_variables

_BLOCKS = (
    "Các đoạn theo thứ tự, mỗi phần tử có “text” (nội dung) và “bold” (đúng: tiêu đề mục in đậm)"
)
# examples of the list-of-records variables (Variable.example is shown as it is)
_TITLE_ROW: Any = {
    "number": "1",
    "name": "Lao động tiên tiến",
    "kind": "Cá nhân",
    "registered": "132",
    "achieved": "117",
    "rate": "88,64",
}
_HONOUR_ROWS: Any = [
    {
        "number": "1",
        "name": "Giấy khen",
        "level": "Cấp cơ sở",
        "individual": "5",
        "collective": "1",
        "household": "0",
        "total": "6",
    }
]
_ANNEX_ROWS: Any = [
    {
        "number": "1",
        "name": "Tốc độ tăng trưởng kinh tế (GRDP)",
        "unit": "%",
        "planned": "7,5",
        "achieved": "7,06",
        "previous": "5,91",
        "percent": "94,13",
        "verdict": "Không đạt",
    }
]


def _block(heading: str) -> Any:
    return [{"text": heading, "bold": True}]


VARIABLES: tuple[Variable, ...] = (
    *frame_variables(
        agency="ỦY BAN NHÂN DÂN\nTỈNH SƠN LA",
        number_line="Số: 05/BC-UBND",
        date_line="Sơn La, ngày 27 tháng 12 năm 2024",
        type_name="BÁO CÁO",
        subject="Tổng kết công tác thi đua, khen thưởng năm 2024",
        body=(
            Variable(
                "opening",
                "Đoạn mở đầu (căn cứ, mục đích báo cáo)",
                ["Thực hiện Chỉ thị số 01/CT-UBND ngày 03/01/2024 …, báo cáo như sau:"],
            ),
            Variable(
                "movement_blocks",
                f"Mục I (kết quả phong trào thi đua). {_BLOCKS}",
                _block("1. Công tác phát động, đăng ký thi đua"),
            ),
            Variable(
                "chart_one",
                "Biểu đồ 1 (ảnh): các chỉ tiêu so với kế hoạch (báo cáo toàn tỉnh), "
                "danh hiệu đăng ký và đạt được (báo cáo đơn vị)",
                "(ảnh biểu đồ)",
            ),
            Variable(
                "chart_one_caption",
                "Tên biểu đồ 1",
                "Biểu đồ 1. Mức độ thực hiện các chỉ tiêu chủ yếu năm 2024 so với kế hoạch (%)",
            ),
            Variable(
                "awards_intro",
                f"Đầu mục II, trước Bảng 1. {_BLOCKS}",
                _block("1. Kết quả thực hiện danh hiệu thi đua đã đăng ký"),
            ),
            Variable(
                "titles_caption",
                "Tên Bảng 1",
                "Bảng 1. Kết quả thực hiện đăng ký danh hiệu thi đua, hình thức khen thưởng "
                "năm 2024",
            ),
            Variable(
                "titles_rows",
                "Các dòng Bảng 1: number (STT), name, kind (đối tượng), registered, "
                "achieved, rate (tỷ lệ %); trống thì không in bảng",
                [_TITLE_ROW],
            ),
            Variable(
                "awards_middle",
                f"Mục II, giữa Bảng 1 và Bảng 2. {_BLOCKS}",
                _block("2. Kết quả khen thưởng"),
            ),
            Variable(
                "honours_caption",
                "Tên Bảng 2",
                "Bảng 2. Danh hiệu thi đua, hình thức khen thưởng năm 2024 theo hình thức và cấp",
            ),
            Variable(
                "honours_rows",
                "Các dòng Bảng 2: number, name, level (cấp), individual, "
                "collective, household, total; trống thì không in bảng",
                _HONOUR_ROWS,
            ),
            Variable(
                "awards_after",
                f"Cuối mục II: sáng kiến, kỷ luật, đề nghị khen thưởng. {_BLOCKS}",
                _block("3. Sáng kiến"),
            ),
            Variable(
                "chart_two",
                "Biểu đồ 2 (ảnh): danh hiệu theo đơn vị (toàn tỉnh), khen thưởng theo hình thức "
                "(đơn vị)",
                "(ảnh biểu đồ)",
            ),
            Variable(
                "chart_two_caption",
                "Tên biểu đồ 2",
                "Biểu đồ 2. Danh hiệu thi đua, hình thức khen thưởng năm 2024 theo hình thức",
            ),
            Variable(
                "strengths",
                "Mục III.1 Ưu điểm: các đoạn (đơn vị tự viết, hoặc viết từ số liệu)",
                ["Phong trào thi đua được triển khai …"],
            ),
            Variable("weaknesses", "Mục III.2 Hạn chế: các đoạn", ["Bên cạnh kết quả đạt được, …"]),
            Variable("next_year", "Năm tới (trong tiêu đề mục IV)", "2025"),
            Variable(
                "directions",
                "Mục IV Phương hướng, nhiệm vụ năm tới: các đoạn, gạch đầu dòng “- …”",
                ["- Tiếp tục đổi mới nội dung, hình thức …"],
            ),
            Variable("closing", "Đoạn kết", ["Trên đây là báo cáo tổng kết … ./."]),
        ),
        recipient_lines=["- UBND tỉnh Sơn La (b/c);", "- Lưu: VT."],
        signer_lines=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        signer_name="Hoàng Quốc Khánh",
        said={
            "parent_agency": "Cơ quan chủ quản (chữ in hoa); để trống với Ủy ban nhân dân và "
            "cơ quan không có cơ quan chủ quản",
            "agency": "Tên cơ quan ban hành, chữ in hoa; xuống dòng (\\n) ở chỗ ngắt",
            "number_line": "Số, ký hiệu của báo cáo",
            "date_line": "Địa danh và ngày tháng năm ban hành",
            "subject": "Trích yếu nội dung",
            "signer_lines": "Quyền hạn, chức vụ người ký (chữ in hoa), mỗi phần tử một dòng",
        },
    ),
    Variable("has_annex", "Có phụ lục hay không (đúng/sai)", True),
    Variable("annex_heading", "Chữ “Phụ lục”", "Phụ lục"),
    Variable(
        "annex_title", "Tên phụ lục, chữ in hoa", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2024"
    ),
    Variable(
        "annex_note",
        "Dòng ghi chú gắn phụ lục với báo cáo (in nghiêng)",
        "(Kèm theo Báo cáo số 05/BC-UBND ngày 27/12/2024 của UBND tỉnh Sơn La)",
    ),
    Variable(
        "annex_rows",
        "Các dòng bảng phụ lục: number (STT), name (chỉ tiêu), unit (đơn vị "
        "tính), planned (kế hoạch, như văn bản in), achieved (thực hiện), previous (năm "
        "trước), percent (tỷ lệ %), verdict (đánh giá)",
        _ANNEX_ROWS,
    ),
)
