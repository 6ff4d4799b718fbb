"""The ND30 page every template starts from: A4, margins, fixed lines, styles, page number."""

from __future__ import annotations

import copy
import datetime as dt
import math

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from docx.text.paragraph import Paragraph
from lxml import etree

PAGE_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]  # 165
FONT = "Times New Roman"

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

BODY_STYLE, BODY_STYLE_NAME = "BodyText", "Body Text"  # style id, style name
RULE_STYLE = "Rule"  # id and name
# Fixed so that building the same template twice gives the same XML.
_TEMPLATE_DATE = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def _margin(side: str) -> Twips:
    return Twips(math.ceil(MARGINS_MM[side] * 1440 / 25.4))


def twips(mm: float) -> int:
    """Return `mm` in twentieths of a point, the unit of widths and indents in WordprocessingML."""
    return round(mm * 1440 / 25.4)


def w_element(tag: str, *children: etree._Element, **attrs: object) -> etree._Element:
    """Return a new `w:<tag>` element with `w:`-qualified attributes and the given children."""
    element = OxmlElement(f"w:{tag}")
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))
    element.extend(children)
    return element


def _fonts() -> etree._Element:
    return w_element("rFonts", ascii=FONT, hAnsi=FONT, eastAsia=FONT, cs=FONT)


def size_elements(points: float) -> list[etree._Element]:
    """Return the w:sz and w:szCs of a run `points` high."""
    return [w_element("sz", val=round(points * 2)), w_element("szCs", val=round(points * 2))]


def rule_border() -> etree._Element:
    """Return the w:pBdr of a rule: a single bottom border, 3/4 pt."""
    return w_element("pBdr", w_element("bottom", val="single", sz=6, space=1, color="auto"))


# ---------------------------------------------------------------- the package


def new_document(title: str) -> Document:
    """Return an empty document in the shared layout: A4, ND30 margins, our styles only, Times
    New Roman, the page number centred in the top margin from page 2 on (titlePg)."""
    doc = docx.Document()
    _prune_package(doc)
    _reset_styles(doc)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    # rounded up to the twip: Word stores whole twips, and 15 mm truncated (850) is 14,99 mm,
    # under the decree's minimum
    section.top_margin, section.bottom_margin = _margin("top"), _margin("bottom")
    section.left_margin, section.right_margin = _margin("left"), _margin("right")
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.gutter = Mm(0)
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    _clear_paragraph(section.first_page_header.paragraphs[0])
    section.header.is_linked_to_previous = False
    _page_number(section.header.paragraphs[0])
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, "thidua", "thidua"
    props.comments = "Mẫu văn bản theo Nghị định 30/2020/NĐ-CP (thể thức văn bản hành chính)"
    props.language, props.revision = "vi-VN", 1
    props.created = props.modified = _TEMPLATE_DATE
    return doc


def _prune_package(doc: Document) -> None:
    """Drop the default package's parts we do not use (theme fonts, a thumbnail, Word 2010
    style effects …): smaller files, and no font other than Times New Roman anywhere."""
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype not in (RT.STYLES, RT.SETTINGS):
            doc.part.drop_rel(r_id)
    package_rels = doc.part.package.rels
    for r_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[r_id]
    settings = doc.settings.element
    for math_pr in settings.findall(qn("m:mathPr")):  # names Cambria Math
        settings.remove(math_pr)


def _reset_styles(doc: Document) -> None:
    """Replace the default styles with the few the layout uses (Normal, Body Text, Rule …)."""
    styles = doc.styles.element
    for child in list(styles):
        styles.remove(child)
    defaults_r = w_element(
        "rPr", _fonts(), *size_elements(14), w_element("lang", val="vi-VN", eastAsia="vi-VN")
    )
    single = w_element("spacing", after=0, line=240, lineRule="auto")
    styles.append(
        w_element(
            "docDefaults",
            w_element("rPrDefault", defaults_r),
            w_element("pPrDefault", w_element("pPr", single)),
        )
    )
    styles.extend([*_default_styles(single), *_layout_styles()])


def _default_styles(single: etree._Element) -> list[etree._Element]:
    """Return Word's default styles as we set them: Normal (Times New Roman 14 pt, black,
    `single` spacing), and the hidden default font, table and list styles."""
    return [
        _style(
            "paragraph",
            "Normal",
            "Normal",
            copy.deepcopy(single),
            w_element("rPr", _fonts(), w_element("color", val="000000"), *size_elements(14)),
            default=True,
        ),
        _style(
            "character",
            "DefaultParagraphFont",
            "Default Paragraph Font",
            default=True,
            hidden=True,
        ),
        _style(
            "table",
            "TableNormal",
            "Normal Table",
            w_element("tblPr", w_element("tblInd", w=0, type="dxa"), cell_margins(108)),
            default=True,
            hidden=True,
        ),
        _style("numbering", "NoList", "No List", default=True, hidden=True),
    ]


def _layout_styles() -> list[etree._Element]:
    """Return the layout's own styles: Body Text, Rule and Table Grid."""
    body_p = w_element(
        "pPr",
        w_element("spacing", after=120, line=276, lineRule="auto"),  # 6 pt after, 1.15 lines
        w_element("ind", firstLine=twips(12.7)),
        w_element("jc", val="both"),
    )
    rule_p = w_element(
        "pPr",
        rule_border(),
        w_element("spacing", before=50, after=0, line=240, lineRule="auto"),  # clear of descenders
        w_element("jc", val="center"),
    )
    grid = w_element(
        "tblPr",
        w_element("tblInd", w=0, type="dxa"),
        borders("tblBorders", "single"),
        cell_margins(108),
    )
    return [
        _style(
            "paragraph",
            BODY_STYLE,
            BODY_STYLE_NAME,
            body_p,
            w_element("rPr", *size_elements(14)),
            based_on="Normal",
        ),
        _style(
            "paragraph",
            RULE_STYLE,
            RULE_STYLE,
            rule_p,
            w_element("rPr", *size_elements(2)),
            based_on="Normal",
        ),
        _style("table", "TableGrid", "Table Grid", grid, based_on="TableNormal"),
    ]


def _style(
    kind: str,
    style_id: str,
    name: str,
    *properties: etree._Element,
    based_on: str | None = None,
    default: bool = False,
    hidden: bool = False,
) -> etree._Element:
    """Return a w:style; `hidden` ones (Word's built-in defaults) stay out of the style list."""
    children = [w_element("name", val=name)]
    if based_on:
        children.append(w_element("basedOn", val=based_on))
    children += (
        [w_element("semiHidden"), w_element("unhideWhenUsed")] if hidden else [w_element("qFormat")]
    )
    attrs: dict[str, object] = {"type": kind, "styleId": style_id}
    if default:
        attrs["default"] = 1
    return w_element("style", *children, *properties, **attrs)


def cell_margins(side_twips: int) -> etree._Element:
    """Return a w:tblCellMar: no top or bottom margin, `side_twips` left and right."""
    return w_element(
        "tblCellMar",
        w_element("top", w=0, type="dxa"),
        w_element("left", w=side_twips, type="dxa"),
        w_element("bottom", w=0, type="dxa"),
        w_element("right", w=side_twips, type="dxa"),
    )


def borders(tag: str, val: str) -> etree._Element:
    """Return a `w:<tag>` (w:tblBorders) with a `val` line (`single`: 1/2 pt) on every side and
    inside, or none for `nil`."""
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    if val == "nil":
        return w_element(tag, *(w_element(side, val="nil") for side in sides))
    return w_element(
        tag, *(w_element(side, val=val, sz=4, space=0, color="auto") for side in sides)
    )


def _clear_paragraph(paragraph: Paragraph) -> None:
    """Empty a header paragraph python-docx made (it names a style we do not ship)."""
    p_pr = paragraph._p.pPr
    if p_pr is not None:
        paragraph._p.remove(p_pr)


def _page_number(paragraph: Paragraph) -> None:
    """Turn `paragraph` into the centred page number: a PAGE field, 13 pt, upright."""
    _clear_paragraph(paragraph)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pieces = [
        w_element("fldChar", fldCharType="begin"),
        "PAGE",
        w_element("fldChar", fldCharType="separate"),
        "2",
        w_element("fldChar", fldCharType="end"),
    ]
    for piece in pieces:
        run = paragraph.add_run()
        run.font.size = Pt(13)
        if piece == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run._r.append(instr)
        elif isinstance(piece, str):
            run.add_text(piece)
        else:
            run._r.append(piece)
