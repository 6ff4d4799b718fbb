"""The summary report's template (báo cáo tổng kết): ND30 header and title, sections I–IV with
two tables and two charts, Nơi nhận and signer, and the annex table on a new page."""

from __future__ import annotations

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table

from ...layout import (
    Column,
    add_paragraph,
    add_tag,
    annex_heading,
    annex_table,
    body_paragraphs,
    footer_table,
    header_table,
    only_if,
    title_block,
)
from ...page import BODY_STYLE_NAME, new_document, twips

_TABLE_CELL_MARGIN_MM = 1.0  # narrow cell margins: eight columns in the portrait page

TITLE_COLUMNS = (
    Column("STT", "row.number", 12),
    Column("Danh hiệu, hình thức khen thưởng", "row.name", 63),
    Column("Đối tượng", "row.kind", 24),
    Column("Đăng ký", "row.registered", 22, numeric=True),
    Column("Đạt", "row.achieved", 22, numeric=True),
    Column("Tỷ lệ %", "row.rate", 22, numeric=True),
)
HONOUR_COLUMNS = (
    Column("STT", "row.number", 12),
    Column("Danh hiệu, hình thức khen thưởng", "row.name", 55),
    Column("Cấp", "row.level", 21),
    Column("Cá nhân", "row.individual", 19, numeric=True),
    Column("Tập thể", "row.collective", 19, numeric=True),
    Column("Hộ gia đình", "row.household", 20, numeric=True),
    Column("Tổng", "row.total", 19, numeric=True),
)
ANNEX_COLUMNS = (
    Column("STT", "row.number", 11),
    Column("Chỉ tiêu", "row.name", 46),
    Column("Đơn vị tính", "row.unit", 25),
    Column("Kế hoạch", "row.planned", 15, numeric=True),
    Column("Thực hiện", "row.achieved", 15, numeric=True),
    Column("Năm trước", "row.previous", 15, numeric=True),
    Column("Tỷ lệ %", "row.percent", 16, numeric=True),
    Column("Đánh giá", "row.verdict", 22),
)


# ---------------------------------------------------------------- the template


def build_template() -> Document:
    """Returns the summary report's template: header, BÁO CÁO and its subject, sections I–IV
    with their tables and two charts, Nơi nhận and signer, and the annex table on a new page."""
    doc = new_document("Mẫu báo cáo tổng kết công tác thi đua, khen thưởng")
    header_table(
        doc, parent="parent_agency", agency="agency", number="number_line", date="date_line"
    )
    title_block(doc, type_name="type_name", subject="subject")
    body_paragraphs(doc, "opening")
    _heading(doc, "I. KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA")
    _blocks(doc, "movement_blocks")
    _chart(doc, "chart_one", "chart_one_caption")
    _heading(doc, "II. KẾT QUẢ CÔNG TÁC KHEN THƯỞNG")
    _blocks(doc, "awards_intro")
    with only_if(doc, "titles_rows"):
        _caption(doc, "titles_caption")
        _narrow(annex_table(doc, TITLE_COLUMNS, "row in titles_rows"))
    _blocks(doc, "awards_middle")
    with only_if(doc, "honours_rows"):
        _caption(doc, "honours_caption")
        _narrow(annex_table(doc, HONOUR_COLUMNS, "row in honours_rows"))
    _blocks(doc, "awards_after")
    _chart(doc, "chart_two", "chart_two_caption")
    _heading(doc, "III. ĐÁNH GIÁ CHUNG")
    _heading(doc, "1. Ưu điểm")
    body_paragraphs(doc, "strengths")
    _heading(doc, "2. Hạn chế")
    body_paragraphs(doc, "weaknesses")
    _heading(doc, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {{ next_year }}")
    body_paragraphs(doc, "directions")
    body_paragraphs(doc, "closing", keep_last=True)
    footer_table(
        doc,
        recipients="recipient_lines",
        signer_lines="signer_lines",
        signer_name="signer_name",
        copy_mark="copy_mark",
    )
    with only_if(doc, "has_annex"):
        annex_heading(doc, heading="annex_heading", title="annex_title", note="annex_note")
        _narrow(annex_table(doc, ANNEX_COLUMNS, "row in annex_rows"))
    return doc


def _heading(doc: Document, words: str) -> None:
    """A section heading: body text in bold, kept with what follows."""
    paragraph = add_paragraph(doc, words, bold=True, style=BODY_STYLE_NAME, align=None)
    paragraph.paragraph_format.keep_with_next = True


def _blocks(doc: Document, items: str) -> None:
    """One body paragraph per block of `items`, in bold when the block is a sub-heading."""
    add_tag(doc, f"{{%p for block in {items} %}}")
    add_tag(doc, "{%p if block.bold %}")
    heading = add_paragraph(
        doc, "{{ block.text }}", bold=True, style=BODY_STYLE_NAME, align=None, space_before=6
    )  # clear of a table above
    heading.paragraph_format.keep_with_next = True
    add_tag(doc, "{%p else %}")
    add_paragraph(doc, "{{ block.text }}", style=BODY_STYLE_NAME, align=None)
    add_tag(doc, "{%p endif %}")
    add_tag(doc, "{%p endfor %}")


def _chart(doc: Document, picture: str, caption: str) -> None:
    """The chart centred on its own line, its caption under it (bold, centred, 13 pt) and clear
    of the text that follows."""
    paragraph = add_paragraph(doc, f"{{{{ {picture} }}}}", space_before=6)
    paragraph.paragraph_format.keep_with_next = True
    below = add_paragraph(doc, f"{{{{ {caption} }}}}", size=13, bold=True, space_before=3)
    below.paragraph_format.space_after = Pt(12)


def _caption(doc: Document, caption: str) -> None:
    paragraph = add_paragraph(doc, f"{{{{ {caption} }}}}", size=13, bold=True, space_before=6)
    paragraph.paragraph_format.space_after = Pt(3)
    paragraph.paragraph_format.keep_with_next = True


def _narrow(table: Table) -> None:
    """Gives the table narrow cell margins, so its figures fit their columns on one line."""
    side = str(twips(_TABLE_CELL_MARGIN_MM))
    margins = OxmlElement("w:tblCellMar")
    for edge, width in (("top", "0"), ("left", side), ("bottom", "0"), ("right", side)):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), width)
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption")
