"""The format checker: a .docx against the administrative format of Nghị định 30/2020/NĐ-CP."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator

import docx
from docx.document import Document
from docx.oxml.ns import qn

from service.documents.lint_base import Checker, Violation, paragraph_text, quote
from service.documents.lint_body import check_body, check_title, warn_quotes
from service.documents.lint_footer import check_annex, check_footer
from service.documents.lint_header import check_header, warn_header
from service.documents.lint_layout import Layout, find_layout
from service.documents.lint_page import check_fonts, check_page, check_page_numbers
from service.documents.lint_props import Formats

__all__ = ["RULES", "Violation", "format_report", "lint_docx", "lint_warnings"]

_PL1 = "NĐ 30/2020, Phụ lục I"
RULES: dict[str, str] = {
    "ND30-KHO": f"Khổ giấy A4 (210 × 297 mm), trình bày theo chiều dài; phụ lục có bảng rộng có "
    f"thể trình bày theo chiều rộng ({_PL1}, Phần I, mục II: khổ giấy, kiểu trình bày).",
    "ND30-LE": f"Lề trên 20–25 mm, lề dưới 20–25 mm, lề trái 30–35 mm, lề phải 15–20 mm "
    f"({_PL1}, Phần I, mục II: định lề trang).",
    "ND30-FONT": f"Phông chữ Times New Roman, bộ mã Unicode TCVN 6909:2001 ({_PL1}, Phần I, "
    "mục II: phông chữ).",
    "ND30-MAU": f"Chữ màu đen ({_PL1}, Phần I, mục II: phông chữ).",
    "ND30-TRANG": f"Số trang bằng chữ số Ả Rập, cỡ chữ 13–14, chữ đứng, căn giữa trong lề trên; "
    f"không hiển thị số trang ở trang thứ nhất ({_PL1}, Phần I, mục II: số trang).",
    "ND30-QH": f"Quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”: chữ in hoa, cỡ chữ 12–13, "
    f"in đậm, ở ô phải phần đầu văn bản ({_PL1}, Phần I, mục III: Quốc hiệu và Tiêu ngữ).",
    "ND30-TN": f"Tiêu ngữ “Độc lập - Tự do - Hạnh phúc”: cỡ chữ 13–14, in đậm, chữ cái đầu các "
    f"cụm từ viết hoa, giữa các cụm từ có gạch nối (-) có cách chữ ({_PL1}, Phần I, mục III: "
    "Quốc hiệu và Tiêu ngữ).",
    "ND30-TN-KE": f"Dưới Tiêu ngữ có đường kẻ ngang, nét liền, dài bằng dòng chữ ({_PL1}, "
    "Phần I, mục III: Quốc hiệu và Tiêu ngữ).",
    "ND30-CQCQ": f"Tên cơ quan chủ quản: chữ in hoa, cỡ chữ 12–13, đứng, không đậm ({_PL1}, "
    "Phần I, mục III: tên cơ quan, tổ chức ban hành văn bản).",
    "ND30-CQ": f"Tên cơ quan ban hành: chữ in hoa, cỡ chữ 12–13, đứng, in đậm ({_PL1}, Phần I, "
    "mục III: tên cơ quan, tổ chức ban hành văn bản).",
    "ND30-CQ-KE": f"Dưới tên cơ quan ban hành có đường kẻ ngang, nét liền, dài từ 1/3 đến 1/2 "
    f"độ dài dòng chữ, đặt cân đối ({_PL1}, Phần I, mục III: tên cơ quan ban hành).",
    "ND30-SO": f"Số, ký hiệu: “Số:” rồi số (dưới 10 có số 0 ở trước) “/” ký hiệu viết hoa (trừ "
    f"chữ viết tắt đã quy định như TTr, QyĐ, CTr), cỡ chữ 13 ({_PL1}, Phần I, mục III: số, "
    "ký hiệu; Phụ lục III: chữ viết tắt tên loại).",
    "ND30-NGAY": f"Địa danh và thời gian: “<Địa danh>, ngày DD tháng M năm YYYY”, ngày dưới 10 "
    f"và tháng 1, 2 có số 0 ở trước, là ngày có thật; cỡ chữ 13–14, in nghiêng ({_PL1}, "
    "Phần I, mục III: địa danh và thời gian ban hành).",
    "ND30-TL": f"Tên loại văn bản: chữ in hoa, cỡ chữ 13–14, in đậm, căn giữa ({_PL1}, Phần I, "
    "mục III: tên loại và trích yếu nội dung).",
    "ND30-TY": f"Trích yếu nội dung: cỡ chữ 13–14, in đậm, căn giữa dưới tên loại ({_PL1}, "
    "Phần I, mục III: tên loại và trích yếu nội dung).",
    "ND30-TY-KE": f"Dưới trích yếu có đường kẻ ngang, nét liền, dài từ 1/3 đến 1/2 độ dài dòng "
    f"chữ ({_PL1}, Phần I, mục III: tên loại và trích yếu nội dung).",
    "ND30-VV": f"Trích yếu công văn sau “V/v”: cỡ chữ 12–13, chữ đứng, căn giữa dưới số, ký "
    f"hiệu ({_PL1}, Phần I, mục III: tên loại và trích yếu nội dung).",
    "ND30-ND-CO": f"Nội dung: cỡ chữ 13–14 ({_PL1}, Phần I, mục III: nội dung văn bản).",
    "ND30-ND-CANH": f"Nội dung: căn đều hai lề ({_PL1}, Phần I, mục III: nội dung văn bản).",
    "ND30-ND-THUT": f"Nội dung: đầu dòng lùi vào 1–1,27 cm ({_PL1}, Phần I, mục III: nội dung "
    "văn bản).",
    "ND30-ND-KC": f"Nội dung: khoảng cách giữa các đoạn văn tối thiểu 6 pt ({_PL1}, Phần I, "
    "mục III: nội dung văn bản).",
    "ND30-ND-DONG": f"Nội dung: cách dòng tối thiểu một dòng (single) hoặc 15 pt (exactly), "
    f"tối đa 1,5 dòng ({_PL1}, Phần I, mục III: nội dung văn bản).",
    "ND30-KY": f"Quyền hạn, chức vụ người ký chữ in hoa, in đậm, cỡ chữ 13–14; họ tên in đậm, "
    f"cỡ chữ 13–14; căn giữa ({_PL1}, Phần I, mục III: chức vụ, họ tên và chữ ký).",
    "ND30-NN": f"Chữ “Nơi nhận:” cỡ chữ 12, in nghiêng, in đậm ({_PL1}, Phần I, mục III: nơi "
    "nhận).",
    "ND30-NN-DS": f"Mỗi nơi nhận một dòng, cỡ chữ 11, chữ đứng, bắt đầu bằng gạch đầu dòng “- ”, "
    f"kết thúc bằng “;”; dòng cuối “- Lưu: VT, …” kết thúc bằng “.” ({_PL1}, Phần I, mục III: "
    "nơi nhận).",
    "ND30-PL": f"Phụ lục: chữ “Phụ lục” và tên phụ lục in đậm, căn giữa; dòng ghi chú kèm theo "
    f"văn bản in nghiêng, căn giữa ({_PL1}, Phần I, mục III: phụ lục).",
    "ND30-PL-BANG": f"Bảng trong phụ lục: kẻ khung, hàng tiêu đề lặp lại ở mỗi trang, cột đầu "
    f"“STT” ({_PL1}, Phần I, mục III: phụ lục).",
    "ND30-NGOAC": "Cảnh báo: dấu ngoặc kép trong văn bản tiếng Việt là ngoặc kép cong “…”, "
    'không dùng ngoặc kép thẳng " (thói quen soạn thảo, không phải quy định của NĐ 30/2020).',
}


def _open(data: bytes) -> tuple[Document, Layout, Checker]:
    document = docx.Document(io.BytesIO(data))
    formats = Formats(document)
    layout = find_layout(document, formats)
    for number, p in enumerate(document.element.body.iter(qn("w:p")), start=1):
        text = paragraph_text(p).strip()
        label = f"văn bản, đoạn {number}" + (f": {quote(text)}" if text else "")
        layout.places.setdefault(p, label)
    return document, layout, Checker(formats, layout.places)


def lint_docx(data: bytes) -> list[Violation]:
    """Return the departures of the .docx `data` from the NĐ 30/2020 format; [] means it passes.

    Raises whatever python-docx raises for bytes that are not a .docx.
    """
    document, layout, checker = _open(data)
    checks: list[Callable[[], Iterable[Violation]]] = [
        lambda: check_page(document, layout),
        lambda: check_fonts(document, checker),
        lambda: check_page_numbers(document, checker),
        lambda: check_header(layout, checker),
        lambda: check_title(layout, checker),
        lambda: check_body(layout, checker),
        lambda: check_footer(layout, checker),
        lambda: check_annex(layout, checker),
    ]
    return list(_unique(v for check in checks for v in check()))


def lint_warnings(data: bytes) -> list[Violation]:
    """Return soft findings of the .docx `data` (straight quotes, a blank number or date)."""
    _, layout, checker = _open(data)
    return list(_unique([*warn_header(layout, checker), *warn_quotes(layout, checker)]))


def _unique(violations: Iterable[Violation]) -> Iterator[Violation]:
    seen: set[Violation] = set()
    for violation in violations:
        if violation not in seen:
            seen.add(violation)
            yield violation


def format_report(violations: Iterable[Violation]) -> str:
    """Return one Vietnamese line per violation, `[RULE] where: message`; a note when none."""
    lines = [f"[{v.rule}] {v.where}: {v.message}" for v in violations]
    return "\n".join(lines) if lines else "Văn bản đúng thể thức (không có lỗi)."
