"""Specs for the ND30 format checker: a good document passes; each broken rule is reported."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from service.documents.lint import RULES, Violation, format_report, lint_docx, lint_warnings
from service.documents.textwidth import text_width_mm

CELL_MARGIN_MM = 2 * 108 * 25.4 / 1440
TEXT_WIDTH_MM = 165.0


# --- a small builder following the template conventions (service/documents/LAYOUT.md) ----------


@dataclass
class Built:
    """A document built to the conventions, with handles on the parts a test may break."""

    doc: DocumentObject
    parts: dict[str, Paragraph] = field(default_factory=dict)
    body: list[Paragraph] = field(default_factory=list)
    recipients: list[Paragraph] = field(default_factory=list)
    annex_table: Table | None = None

    def data(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def _run(p: Paragraph, text: str, size: float, bold=False, italic=False) -> None:
    run = p.add_run(text)
    run.font.size, run.font.bold, run.font.italic = Pt(size), bold, italic


def _para(where, text: str, size: float, bold=False, italic=False, centred=True) -> Paragraph:
    p = where.add_paragraph()
    if centred:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, text, size, bold, italic)
    return p


def _rule(where, length_mm: float, available_mm: float) -> Paragraph:
    """A RULE paragraph: empty, style Rule (bottom border), its length set by equal indents."""
    p = where.add_paragraph(style="Rule")
    side = (available_mm - length_mm) / 2
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = Mm(side)
    return p


def _set_rule(p: Paragraph, length_mm: float, available_mm: float) -> None:
    side = (available_mm - length_mm) / 2
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = Mm(side)


def _table(doc: DocumentObject, widths_mm: tuple[float, float]) -> tuple[_Cell, _Cell]:
    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
    left, right = table.rows[0].cells
    for cell in (left, right):
        cell._tc.remove(cell.paragraphs[0]._p)
    return left, right


def _styles(doc: DocumentObject) -> None:
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(14)
    body = doc.styles["Body Text"]
    body.font.size = Pt(14)
    form = body.paragraph_format
    form.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    form.first_line_indent, form.space_after, form.space_before = Mm(12.7), Pt(6), Pt(0)
    form.line_spacing = 1.15
    rule = doc.styles.add_style("Rule", WD_STYLE_TYPE.PARAGRAPH)
    rule.base_style = normal
    rule.font.size = Pt(2)
    rule.paragraph_format.space_before = rule.paragraph_format.space_after = Pt(0)
    rule.paragraph_format.line_spacing = 1.0
    rule.element.get_or_add_pPr().append(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" '
            'w:color="auto"/></w:pBdr>'
        )
    )


def _page_field(p: Paragraph) -> None:
    for kind, code in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, None),
        ("end", None),
    ):
        run = p.add_run("2" if kind is None and code is None else None)
        run.font.size = Pt(13)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif code:
            instr = OxmlElement("w:instrText")
            instr.text = code
            run._r.append(instr)


def _section(doc: DocumentObject) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(header)


def build(letter: bool = False) -> Built:
    """Return the seed directive (or, with `letter`, a công văn) laid out by the conventions."""
    doc = Document()
    built = Built(doc)
    _styles(doc)
    _section(doc)
    _header(built, letter)
    if not letter:
        built.parts["title"] = _para(doc, "CHỈ THỊ", 14, bold=True)
        subject = "Phát động phong trào thi đua năm 2024"
        built.parts["subject"] = _para(doc, subject, 14, bold=True)
        length = 0.4 * text_width_mm(subject, 14, bold=True)
        built.parts["subject_rule"] = _rule(doc, length, TEXT_WIDTH_MM)
    else:
        _para(doc, "Kính gửi: Sở Nội vụ tỉnh Sơn La.", 14)
    for text in (
        (
            "Năm 2024 có ý nghĩa quan trọng quyết định thành công trong việc thực hiện Nghị "
            "quyết Đại hội Đảng bộ tỉnh lần thứ XV."
        ),
        (
            "Chủ tịch UBND tỉnh yêu cầu các cơ quan, đơn vị tổ chức phát động thi đua với chủ "
            "đề: “Đoàn kết, kỷ cương, đổi mới sáng tạo”."
        ),
        "1. Tiếp tục tuyên truyền, quán triệt tư tưởng Thi đua ái quốc của Chủ tịch Hồ Chí Minh./.",
    ):
        p = doc.add_paragraph(style="Body Text")
        p.add_run(text)
        built.body.append(p)
    _footer(built)
    _annex(built)
    return built


def _header(built: Built, letter: bool) -> None:
    left, right = _table(built.doc, (65, 100))
    for text in ("ỦY BAN NHÂN DÂN", "TỈNH SƠN LA"):
        built.parts[text] = _para(left, text, 13, bold=True)
    width = text_width_mm("ỦY BAN NHÂN DÂN", 13, bold=True)
    built.parts["agency_rule"] = _rule(left, 0.4 * width, 65 - CELL_MARGIN_MM)
    built.parts["number"] = _para(left, "Số: 234/UBND-NC" if letter else "Số: 01/CT-UBND", 13)
    if letter:
        built.parts["vv"] = _para(left, "V/v đăng ký thi đua năm 2024", 12)
    built.parts["national"] = _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True)
    built.parts["motto"] = _para(right, "Độc lập - Tự do - Hạnh phúc", 14, bold=True)
    motto_width = text_width_mm("Độc lập - Tự do - Hạnh phúc", 14, bold=True)
    built.parts["motto_rule"] = _rule(right, motto_width, 100 - CELL_MARGIN_MM)
    built.parts["date"] = _para(right, "Sơn La, ngày 03 tháng 01 năm 2024", 14, italic=True)


def _footer(built: Built) -> None:
    left, right = _table(built.doc, (80, 85))
    built.parts["recipients"] = _para(left, "Nơi nhận:", 12, bold=True, italic=True, centred=False)
    for text in ("- Ban TĐKT Trung ương (b/c);", "- Sở Nội vụ (80b);", "- Lưu: VT, NC."):
        built.recipients.append(_para(left, text, 11, centred=False))
    built.parts["signer_title"] = _para(right, "CHỦ TỊCH", 14, bold=True)
    _para(right, "(Đã ký)", 14, italic=True)
    for _ in range(3):
        right.add_paragraph()
    built.parts["signer"] = _para(right, "Hoàng Quốc Khánh", 14, bold=True)


def _annex(built: Built) -> None:
    doc = built.doc
    first = _para(doc, "Phụ lục", 14, bold=True)
    first.paragraph_format.page_break_before = True
    _para(doc, "CÁC CHỈ TIÊU CHỦ YẾU NĂM 2024", 14, bold=True)
    _para(
        doc,
        "(Kèm theo Chỉ thị số 01/CT-UBND ngày 03/01/2024 của Chủ tịch UBND tỉnh)",
        14,
        italic=True,
    )
    table = doc.add_table(rows=3, cols=3, style="Table Grid")
    for row, values in zip(
        table.rows,
        (
            ("STT", "Chỉ tiêu", "Kế hoạch"),
            ("1", "Tốc độ tăng trưởng", "7,5%"),
            ("2", "Thu ngân sách (tỷ đồng)", "4.450"),
        ),
    ):
        for cell, value in zip(row.cells, values):
            cell.paragraphs[0].text = value
            cell.paragraphs[0].runs[0].font.size = Pt(13)
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    built.annex_table = table


# --- mutations: each breaks exactly one rule ------------------------------------------------


def _retext(p: Paragraph, text: str) -> None:
    p.runs[0].text = text
    for run in p.runs[1:]:
        run.text = ""


def _margins(b: Built) -> None:
    b.doc.sections[0].top_margin = b.doc.sections[0].bottom_margin = Mm(10)


def _arial(b: Built) -> None:
    b.body[1].runs[0].font.name = "Arial"


def _landscape(b: Built) -> None:
    section = b.doc.sections[0]
    section.orientation, section.page_width, section.page_height = (
        WD_ORIENT.LANDSCAPE,
        Mm(297),
        Mm(210),
    )
    # the text area is 252 mm now: the trích yếu's rule, drawn by indents, keeps its length
    _set_rule(
        b.parts["subject_rule"],
        0.4 * text_width_mm("Phát động phong trào thi đua năm 2024", 14, bold=True),
        252,
    )


def _no_repeat(b: Built) -> None:
    tr_pr = b.annex_table.rows[0]._tr.trPr
    tr_pr.remove(tr_pr.find(qn("w:tblHeader")))


MUTATIONS: list[tuple[str, Callable[[Built], None], str, str]] = [
    ("margins 10 mm", _margins, "ND30-LE", "lề trên"),
    ("Arial run", _arial, "ND30-FONT", "Arial"),
    (
        "Quốc hiệu lower case",
        lambda b: _retext(b.parts["national"], "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        "ND30-QH",
        "viết hoa",
    ),
    (
        "Tiêu ngữ with en dashes",
        lambda b: _retext(b.parts["motto"], "Độc lập – Tự do – Hạnh phúc"),
        "ND30-TN",
        "–",
    ),
    (
        "rule under Tiêu ngữ too short",
        lambda b: _set_rule(
            b.parts["motto_rule"],
            0.7 * text_width_mm("Độc lập - Tự do - Hạnh phúc", 14, bold=True),
            100 - CELL_MARGIN_MM,
        ),
        "ND30-TN-KE",
        "dài bằng dòng chữ",
    ),
    (
        "agency rule 80% of its text",
        lambda b: _set_rule(
            b.parts["agency_rule"],
            0.8 * text_width_mm("ỦY BAN NHÂN DÂN", 13, bold=True),
            65 - CELL_MARGIN_MM,
        ),
        "ND30-CQ-KE",
        "80%",
    ),
    (
        "number without leading zero",
        lambda b: _retext(b.parts["number"], "Số: 1/CT-UBND"),
        "ND30-SO",
        "“01”",
    ),
    (
        "day and month without leading zero",
        lambda b: _retext(b.parts["date"], "Sơn La, ngày 3 tháng 1 năm 2024"),
        "ND30-NGAY",
        "số 0",
    ),
    (
        "month 4 with a leading zero",
        lambda b: _retext(b.parts["date"], "Sơn La, ngày 07 tháng 04 năm 2024"),
        "ND30-NGAY",
        "tháng 4",
    ),
    (
        "no such day",
        lambda b: _retext(b.parts["date"], "Sơn La, ngày 31 tháng 02 năm 2024"),
        "ND30-NGAY",
        "không có thật",
    ),
    (
        "body left-aligned",
        lambda b: setattr(
            b.doc.styles["Body Text"].paragraph_format, "alignment", WD_ALIGN_PARAGRAPH.LEFT
        ),
        "ND30-ND-CANH",
        "căn trái",
    ),
    (
        "body without first-line indent",
        lambda b: setattr(b.doc.styles["Body Text"].paragraph_format, "first_line_indent", Mm(0)),
        "ND30-ND-THUT",
        "thụt đầu dòng",
    ),
    (
        "body with 0 pt spacing",
        lambda b: setattr(b.doc.styles["Body Text"].paragraph_format, "space_after", Pt(0)),
        "ND30-ND-KC",
        "6 pt",
    ),
    (
        "12 pt body",
        lambda b: setattr(b.doc.styles["Body Text"].font, "size", Pt(12)),
        "ND30-ND-CO",
        "12 pt",
    ),
    (
        "recipient without semicolon",
        lambda b: _retext(b.recipients[0], "- Ban TĐKT Trung ương (b/c)"),
        "ND30-NN-DS",
        "“;”",
    ),
    (
        "last recipient without full stop",
        lambda b: _retext(b.recipients[-1], "- Lưu: VT, NC"),
        "ND30-NN-DS",
        "dấu chấm",
    ),
    (
        "Nơi nhận heading not bold",
        lambda b: setattr(b.parts["recipients"].runs[0].font, "bold", False),
        "ND30-NN",
        "in đậm",
    ),
    (
        "page number on the first page",
        lambda b: setattr(b.doc.sections[0], "different_first_page_header_footer", False),
        "ND30-TRANG",
        "trang thứ nhất",
    ),
    ("annex table without repeated header", _no_repeat, "ND30-PL-BANG", "lặp lại"),
    # more of the same kind
    ("landscape body", _landscape, "ND30-KHO", "nằm ngang"),
    (
        "symbol in lower case",
        lambda b: _retext(b.parts["number"], "Số: 01/ct-UBND"),
        "ND30-SO",
        "“ct”",
    ),
    (
        "Tên loại not bold",
        lambda b: setattr(b.parts["title"].runs[0].font, "bold", False),
        "ND30-TL",
        "in đậm",
    ),
    (
        "trích yếu left-aligned",
        lambda b: setattr(b.parts["subject"], "alignment", WD_ALIGN_PARAGRAPH.LEFT),
        "ND30-TY",
        "căn giữa",
    ),
    (
        "rule under trích yếu as long as the text",
        lambda b: _set_rule(
            b.parts["subject_rule"],
            text_width_mm("Phát động phong trào thi đua năm 2024", 14, bold=True),
            TEXT_WIDTH_MM,
        ),
        "ND30-TY-KE",
        "1/2",
    ),
    (
        "agency not bold",
        lambda b: [
            setattr(r.font, "bold", False)
            for k in ("ỦY BAN NHÂN DÂN", "TỈNH SƠN LA")
            for r in b.parts[k].runs
        ],
        "ND30-CQ",
        "in đậm",
    ),
    (
        "date upright",
        lambda b: setattr(b.parts["date"].runs[0].font, "italic", False),
        "ND30-NGAY",
        "nghiêng",
    ),
    (
        "red text",
        lambda b: setattr(
            b.body[0].runs[0].font.color,
            "rgb",
            __import__("docx.shared").shared.RGBColor(255, 0, 0),
        ),
        "ND30-MAU",
        "#FF0000",
    ),
    (
        "signer name not bold",
        lambda b: setattr(b.parts["signer"].runs[0].font, "bold", False),
        "ND30-KY",
        "Hoàng Quốc Khánh",
    ),
    (
        "recipient in 12 pt",
        lambda b: setattr(b.recipients[1].runs[0].font, "size", Pt(12)),
        "ND30-NN-DS",
        "12 pt",
    ),
    (
        "line spacing double",
        lambda b: setattr(b.doc.styles["Body Text"].paragraph_format, "line_spacing", 2.0),
        "ND30-ND-DONG",
        "2 dòng",
    ),
    (
        "annex without STT column",
        lambda b: _retext(b.annex_table.rows[0].cells[0].paragraphs[0], "TT"),
        "ND30-PL-BANG",
        "STT",
    ),
    (
        "annex table without borders",
        lambda b: setattr(b.annex_table, "style", None),
        "ND30-PL-BANG",
        "khung",
    ),
]


# --- specs ------------------------------------------------------------------------------------


@pytest.mark.parametrize("letter", [False, True], ids=["directive", "letter"])
def test_a_document_laid_out_by_the_conventions_passes(letter):
    assert lint_docx(build(letter).data()) == []


@pytest.mark.parametrize(
    ("name", "mutate", "rule", "word"), MUTATIONS, ids=[m[0] for m in MUTATIONS]
)
def test_each_broken_rule_is_reported_and_nothing_else(name, mutate, rule, word):
    built = build()
    mutate(built)
    found = lint_docx(built.data())
    assert found, name
    assert {v.rule for v in found} == {rule}, format_report(found)
    assert any(word in v.message for v in found), format_report(found)
    assert all(v.where for v in found)


def _clerk_margins(b: Built) -> None:
    section = b.doc.sections[0]
    section.top_margin = section.bottom_margin = Mm(25)
    section.left_margin, section.right_margin = Mm(35), Mm(20)
    # the text area is 155 mm now: the trích yếu's rule, drawn by indents, keeps its length
    _set_rule(
        b.parts["subject_rule"],
        0.4 * text_width_mm("Phát động phong trào thi đua năm 2024", 14, bold=True),
        155,
    )


def _exact_15(b: Built) -> None:
    form = b.doc.styles["Body Text"].paragraph_format
    form.line_spacing_rule, form.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(15)


def _space_before(b: Built) -> None:
    form = b.doc.styles["Body Text"].paragraph_format
    form.space_before, form.space_after = Pt(6), Pt(0)


def _fonts_from_defaults(b: Built) -> None:
    """Times New Roman set only in docDefaults, the theme attributes removed."""
    styles = b.doc.styles.element
    fonts = styles.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}"
    )
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    fonts.set(qn("w:ascii"), "Times New Roman")
    fonts.set(qn("w:hAnsi"), "Times New Roman")
    normal_fonts = b.doc.styles["Normal"].element.rPr.rFonts
    normal_fonts.getparent().remove(normal_fonts)


def _drawn_motto_rule(b: Built) -> None:
    """The rule under Tiêu ngữ as a drawn line shape (as clerks draw it) instead of a border."""
    p = b.parts["motto_rule"]
    p.style = b.doc.styles["Normal"]
    length = int(text_width_mm("Độc lập - Tự do - Hạnh phúc", 14, bold=True) * 36000)
    p._p.append(
        parse_xml(
            f'<w:r {nsdecls("w", "wp", "a")}><w:drawing><wp:anchor distT="0" distB="0" distL="0" '
            'distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" '
            'allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column">'
            '<wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph">'
            f'<wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="{length}" cy="0"/>'
            '<wp:wrapNone/><wp:docPr id="9" name="Line 9"/><a:graphic><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1" cy="0"/></a:xfrm>'
            '<a:prstGeom prst="line"><a:avLst/></a:prstGeom></wps:spPr><wps:bodyPr/></wps:wsp>'
            "</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
        )
    )


def _vml_agency_rule(b: Built) -> None:
    """The rule under the issuing body as an old-style VML line (a .doc saved as .docx)."""
    p = b.parts["agency_rule"]
    p.style = b.doc.styles["Normal"]
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = None
    length_pt = 0.45 * text_width_mm("ỦY BAN NHÂN DÂN", 13, bold=True) * 72 / 25.4
    p._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
            f'<v:line from="40pt,2pt" to="{40 + length_pt:.2f}pt,2pt" strokeweight=".5pt"/>'
            "</w:pict></w:r>"
        )
    )


def _two_row_header(b: Built) -> None:
    """Số and the date in a second row of the header table, as many clerks lay it out."""
    table = b.doc.tables[0]
    row = table.add_row()
    for key, cell in (("number", row.cells[0]), ("date", row.cells[1])):
        cell._tc.remove(cell.paragraphs[0]._p)
        cell._tc.append(b.parts[key]._p)


def _motto_after_a_break(b: Built) -> None:
    """Quốc hiệu and Tiêu ngữ in one paragraph, split by a line break."""
    national, motto = b.parts["national"], b.parts["motto"]
    national.runs[0].add_break()
    national._p.append(motto.runs[0]._r)
    motto._p.getparent().remove(motto._p)


ALLOWED: list[tuple[str, Callable[[Built], None]]] = [
    ("agency rule drawn as a VML line", _vml_agency_rule),
    ("Số and date in a second header row", _two_row_header),
    ("Quốc hiệu and Tiêu ngữ split by a line break", _motto_after_a_break),
    ("widest margins", _clerk_margins),
    ("13 pt body", lambda b: setattr(b.doc.styles["Body Text"].font, "size", Pt(13))),
    (
        "first-line indent 1 cm",
        lambda b: setattr(b.doc.styles["Body Text"].paragraph_format, "first_line_indent", Mm(10)),
    ),
    (
        "1.5 lines",
        lambda b: setattr(b.doc.styles["Body Text"].paragraph_format, "line_spacing", 1.5),
    ),
    ("exactly 15 pt", _exact_15),
    ("space before instead of after", _space_before),
    ("Times New Roman from the document defaults", _fonts_from_defaults),
    (
        "Tiêu ngữ 13 pt, Quốc hiệu 12 pt",
        lambda b: (
            setattr(b.parts["motto"].runs[0].font, "size", Pt(13)),
            setattr(b.parts["national"].runs[0].font, "size", Pt(12)),
        ),
    ),
    (
        "rule under Tiêu ngữ 8% short",
        lambda b: _set_rule(
            b.parts["motto_rule"],
            0.92 * text_width_mm("Độc lập - Tự do - Hạnh phúc", 14, bold=True),
            100 - CELL_MARGIN_MM,
        ),
    ),
    ("rule under Tiêu ngữ drawn as a line shape", _drawn_motto_rule),
    (
        "agency rule a third",
        lambda b: _set_rule(
            b.parts["agency_rule"],
            text_width_mm("ỦY BAN NHÂN DÂN", 13, bold=True) / 3,
            65 - CELL_MARGIN_MM,
        ),
    ),
    ("registered mixed-case symbol", lambda b: _retext(b.parts["number"], "Số: 12/TTr-SNV")),
    ("day 15 February", lambda b: _retext(b.parts["date"], "Sơn La, ngày 15 tháng 02 năm 2024")),
    ("day 26 December", lambda b: _retext(b.parts["date"], "Mộc Châu, ngày 26 tháng 12 năm 2024")),
    (
        "no page numbers at all",
        lambda b: (
            b.doc.sections[0]
            .header.paragraphs[0]
            ._p.getparent()
            .remove(b.doc.sections[0].header.paragraphs[0]._p)
        ),
    ),
]


@pytest.mark.parametrize("mutate", [m[1] for m in ALLOWED], ids=[m[0] for m in ALLOWED])
def test_whatever_the_decree_allows_passes(mutate):
    built = build()
    mutate(built)
    found = lint_docx(built.data())
    assert found == [], format_report(found)


def test_a_theme_font_that_is_not_times_new_roman_is_reported():
    built = build()
    _fonts_from_defaults(built)
    fonts = built.doc.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}"
    )
    fonts.set(qn("w:asciiTheme"), "minorHAnsi")
    fonts.set(qn("w:hAnsiTheme"), "minorHAnsi")
    found = lint_docx(built.data())
    assert {v.rule for v in found} == {"ND30-FONT"}
    assert any("Cambria" in v.message for v in found)  # python-docx theme minor font


def test_a_straight_quote_is_a_warning_not_a_violation():
    built = build()
    built.body[0].add_run(' Chủ đề "Dân vận khéo".')
    data = built.data()
    assert lint_docx(data) == []
    warnings = lint_warnings(data)
    assert [w.rule for w in warnings] == ["ND30-NGOAC"]
    assert "Dân vận khéo" in warnings[0].message
    assert warnings[0].where.startswith("nội dung, đoạn")


def test_the_good_document_has_no_warnings():
    assert lint_warnings(build().data()) == []


def test_a_blank_number_is_a_draft_warning():
    built = build()
    _retext(built.parts["number"], "Số:     /CT-UBND")
    data = built.data()
    assert lint_docx(data) == []
    assert [w.rule for w in lint_warnings(data)] == ["ND30-SO"]


def test_violations_say_where_in_vietnamese():
    built = build()
    _retext(built.parts["number"], "Số: 1/CT-UBND")
    (found,) = lint_docx(built.data())
    assert found.where == "đầu văn bản, ô trái, đoạn 4"
    assert "Số: 1/CT-UBND" in found.message


def _plain_text() -> bytes:
    doc = Document()
    for text in ("CHỈ THỊ", "Phát động phong trào thi đua năm 2024", "Năm 2024 có ý nghĩa."):
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_a_document_without_the_parts_says_what_is_missing():
    found = lint_docx(_plain_text())
    rules = {v.rule for v in found}
    assert {"ND30-QH", "ND30-KY", "ND30-FONT", "ND30-LE"} <= rules
    assert any("Không tìm thấy phần đầu văn bản" in v.message for v in found)


def test_every_reported_rule_is_described():
    rules = {m[2] for m in MUTATIONS}
    assert rules <= RULES.keys()
    assert all("NĐ 30/2020" in text for rule, text in RULES.items() if rule != "ND30-NGOAC")


@pytest.mark.parametrize(
    ("violations", "expected"),
    [
        ([], "Văn bản đúng thể thức (không có lỗi)."),
        (
            [Violation("ND30-LE", "Lề trái 10 mm.", "trang, phần (section) 1")],
            "[ND30-LE] trang, phần (section) 1: Lề trái 10 mm.",
        ),
        ([Violation("A", "m1", "w1"), Violation("B", "m2", "w2")], "[A] w1: m1\n[B] w2: m2"),
    ],
)
def test_format_report(violations, expected):
    assert format_report(violations) == expected
