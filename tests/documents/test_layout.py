"""Specs for the template builder: the committed templates are its output, and the layout is
the one LAYOUT.md describes (page, styles, header, rules, footer, annex)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from service.documents import layout, page, rules
from service.documents.finish import finish
from service.documents.kinds import KINDS
from service.documents.render import render_docx
from service.documents.template_check import check_template
from service.documents.textwidth import text_width_mm

XML_PARTS = (".xml", ".rels")


def xml_parts(data: bytes) -> dict[str, bytes]:
    """Return the package's XML parts, canonicalised (zip bytes and timestamps differ)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {
            name: etree.tostring(etree.fromstring(package.read(name)), method="c14n")
            for name in package.namelist()
            if name.endswith(XML_PARTS)
        }


def twips_mm(value: str | int) -> float:
    return int(value) * 25.4 / 1440


@pytest.fixture(scope="module")
def directive() -> docx.document.Document:
    return docx.Document(io.BytesIO(layout.template_bytes("directive.docx")))


@pytest.mark.parametrize("name", sorted(layout.BUILDERS))
def test_the_committed_template_is_the_builders_output(name):
    committed = (layout.TEMPLATES_DIR / name).read_bytes()
    assert xml_parts(committed) == xml_parts(layout.template_bytes(name)), (
        f"templates_docx/{name} differs from its builder: run "
        "`python -c 'from service.documents.layout import build_all; build_all()'`"
    )


def test_building_twice_gives_the_same_xml():
    assert xml_parts(layout.template_bytes("directive.docx")) == xml_parts(
        layout.template_bytes("directive.docx")
    )


def test_build_all_writes_every_template(tmp_path):
    paths = layout.build_all(tmp_path)
    assert [p.name for p in paths] == list(layout.BUILDERS)
    assert all(p.stat().st_size > 0 for p in paths)


def test_every_kind_has_a_builder_and_a_committed_template():
    for kind in KINDS.values():
        assert kind.template in layout.BUILDERS
        assert kind.template_path().is_file()


def test_the_directive_template_has_no_template_problems():
    kind = KINDS["directive"]
    assert check_template(layout.template_bytes("directive.docx"), kind) == []


def test_the_package_holds_only_what_the_layout_uses():
    with zipfile.ZipFile(io.BytesIO(layout.template_bytes("directive.docx"))) as package:
        names = set(package.namelist())
        fonts = {
            element.get(qn(f"w:{attr}"))
            for name in names
            if name.endswith(".xml")
            for element in etree.fromstring(package.read(name)).iter(qn("w:rFonts"))
            for attr in ("ascii", "hAnsi", "eastAsia", "cs")
        }
    assert not {n for n in names if "theme" in n or "fontTable" in n or "thumbnail" in n}
    assert fonts == {"Times New Roman"}


# ---------------------------------------------------------------- page and styles


def test_the_page_is_a4_with_nd30_margins_and_a_different_first_page(directive):
    section = directive.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm) for m in margins] == [20, 20, 30, 15]
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == ""


def test_the_default_header_is_the_page_number_centred_13pt(directive):
    header = directive.sections[0].header
    (paragraph,) = header.paragraphs
    instr = [t.text for t in paragraph._p.iter(qn("w:instrText"))]
    assert [i.strip() for i in instr] == ["PAGE"]
    assert paragraph.alignment == 1  # centre
    assert {r.font.size.pt for r in paragraph.runs} == {13}
    assert not any(r.italic for r in paragraph.runs)


def test_normal_is_times_new_roman_14pt_and_body_text_is_justified_and_indented(directive):
    normal = directive.styles["Normal"]
    fonts = normal.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {
        "Times New Roman"
    }
    assert normal.font.size.pt == 14
    body = directive.styles["Body Text"]
    assert body.style_id == "BodyText"
    fmt = body.paragraph_format
    assert fmt.alignment == 3  # justify
    assert round(fmt.first_line_indent.cm, 2) == 1.27
    assert fmt.space_after.pt == 6
    assert fmt.line_spacing == pytest.approx(1.15)


def test_the_rule_style_is_a_2pt_paragraph_with_a_single_bottom_border(directive):
    rule = directive.styles["Rule"]
    assert rule.style_id == "Rule"
    assert rule.font.size.pt == 2
    bottom = rule.element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
    assert (bottom.get(qn("w:val")), bottom.get(qn("w:sz"))) == ("single", "6")


# ---------------------------------------------------------------- header, footer, annex


def test_the_header_table_is_first_borderless_and_65_plus_100_mm(directive):
    body = directive.element.body
    assert body[0].tag == qn("w:tbl")
    table = directive.tables[0]
    widths = [twips_mm(c.get(qn("w:w"))) for c in table._tbl.iter(qn("w:gridCol"))]
    assert [round(w) for w in widths] == [65, 100]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    left, right = table.rows[0].cells
    assert [p.text for p in right.paragraphs] == [
        layout.QUOC_HIEU,
        layout.TIEU_NGU,
        "",
        "{{ date_line }}",
    ]
    assert right.paragraphs[2].style.style_id == "Rule"
    assert [p.text for p in left.paragraphs] == [
        "{%p if parent_agency %}",
        "{{ parent_agency }}",
        "{%p endif %}",
        "{{ agency }}",
        "",
        "{{ number_line }}",
    ]


def test_every_tag_is_typed_in_one_run(directive):
    for paragraph in directive.element.body.iter(qn("w:p")):
        for t in paragraph.iter(qn("w:t")):
            text = t.text or ""
            assert text.count("{{") == text.count("}}") and text.count("{%") == text.count("%}")


def test_the_footer_table_is_80_plus_85_mm_with_recipients_and_signer(directive):
    table = directive.tables[1]
    widths = [twips_mm(c.get(qn("w:w"))) for c in table._tbl.iter(qn("w:gridCol"))]
    assert [round(w) for w in widths] == [80, 85]
    left, right = table.rows[0].cells
    heading = left.paragraphs[0]
    assert heading.text == "Nơi nhận:"
    assert heading.runs[0].bold and heading.runs[0].italic and heading.runs[0].font.size.pt == 12
    assert "{%p for line in recipient_lines %}" in [p.text for p in left.paragraphs]
    assert right.paragraphs[-1].text == "{{ signer_name }}"


def test_the_annex_heading_starts_a_new_page(directive):
    heading = next(p for p in directive.paragraphs if p.text == "{{ annex_heading }}")
    assert heading.paragraph_format.page_break_before


def annex_template(tmp_path: Path) -> Path:
    doc = page.new_document("Bảng thử")
    layout.annex_table(
        doc,
        [
            layout.Column("STT", "row.stt", 15),
            layout.Column("Họ và tên", "row.name", 100),
            layout.Column("Số tiền", "row.amount", 50, numeric=True),
        ],
        "row in rows",
    )
    path = tmp_path / "annex.docx"
    doc.save(str(path))
    return path


def test_an_annex_table_repeats_its_bold_header_row_and_gets_one_row_per_item(tmp_path):
    rows = [{"stt": str(i), "name": f"Người {i}", "amount": "1.000"} for i in (1, 2, 3)]
    rendered = docx.Document(io.BytesIO(render_docx(annex_template(tmp_path), {"rows": rows})))
    (table,) = rendered.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["STT", "Họ và tên", "Số tiền"],
        ["1", "Người 1", "1.000"],
        ["2", "Người 2", "1.000"],
        ["3", "Người 3", "1.000"],
    ]
    header = table.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(r.bold for c in header.cells for r in c.paragraphs[0].runs)
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"single"}
    amount = table.rows[1].cells[2].paragraphs[0]
    assert amount.alignment == 2  # right
    assert amount.runs[0].font.size.pt == 13


# ---------------------------------------------------------------- line breaks and rules


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("SỞ NỘI VỤ", "SỞ NỘI VỤ"),
        ("ỦY BAN NHÂN DÂN TỈNH SƠN LA", "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA"),
        ("ỦY BAN NHÂN DÂN HUYỆN MỘC CHÂU", "ỦY BAN NHÂN DÂN\nHUYỆN MỘC CHÂU"),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ SƠN LA", "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ SƠN LA"),
    ],
)
def test_a_long_agency_name_breaks_where_a_clerk_breaks_it(name, expected):
    assert rules.fit_lines(name, 65, 13, bold=True) == expected


def test_a_name_too_long_for_two_lines_takes_more():
    text = " ".join(["CƠ QUAN"] * 12)
    lines = rules.fit_lines(text, 65, 13, bold=True).split("\n")
    assert len(lines) > 2
    assert all(text_width_mm(line, 13, bold=True) <= 64 for line in lines)


def rule_length_mm(rule: etree._Element, available_mm: float) -> float:
    ind = rule.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    left, right = twips_mm(ind.get(qn("w:left"))), twips_mm(ind.get(qn("w:right")))
    assert left == right
    return available_mm - left - right


def test_rules_are_fitted_to_the_text_above_them():
    doc = page.new_document("Thử")
    table = layout.borderless_table(doc, layout.HEADER_COLUMNS_MM)
    left, right = table.rows[0].cells
    layout.add_paragraph(left, "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA", size=13, bold=True)
    layout.add_rule(left)
    layout.add_paragraph(right, layout.TIEU_NGU, size=14, bold=True)
    layout.add_rule(right)
    layout.add_paragraph(doc, "Phát động phong trào thi đua năm 2024", size=14, bold=True)
    layout.add_rule(doc)
    xml = etree.fromstring(etree.tostring(doc.element))
    finish(xml)  # the render step: the line break becomes a w:br, then the rules are fitted
    agency, motto, subject = [
        p for p in xml.iter(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") is not None
    ]
    assert rule_length_mm(agency, 65) == pytest.approx(
        0.4 * text_width_mm("ỦY BAN NHÂN DÂN", 13, bold=True), abs=0.1
    )
    assert rule_length_mm(motto, 100) == pytest.approx(
        text_width_mm(layout.TIEU_NGU, 14, bold=True), abs=0.1
    )
    assert rule_length_mm(subject, 165) == pytest.approx(
        0.4 * text_width_mm("Phát động phong trào thi đua năm 2024", 14, bold=True), abs=0.1
    )


# ---------------------------------------------------------------- the signature stays whole


def signature_tables(document: docx.document.Document) -> list:
    """The borderless tables after the header: the footer (Nơi nhận and signer) or the
    signatures side by side."""
    found = []
    for table in document.tables[1:]:
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        if borders is not None and {b.get(qn("w:val")) for b in borders} == {"nil"}:
            found.append(table)
    return found


@pytest.mark.parametrize("name", sorted(layout.BUILDERS))
def test_every_templates_signature_block_never_splits_and_keeps_with_the_text(name):
    document = docx.Document(io.BytesIO(layout.template_bytes(name)))
    (table,) = signature_tables(document)
    assert table.rows[-1].cells[-1].paragraphs[-1].text.endswith("_name }}")
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    before = table._tbl.getprevious()
    assert before.tag == qn("w:p")
    assert before.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None


def test_the_last_body_paragraph_keeps_with_the_footer(tmp_path):
    doc = page.new_document("Thử")
    layout.body_paragraphs(doc, "items", keep_last=True)
    layout.footer_table(doc, recipients="recipients", signer_lines="lines",
                        signer_name="name", copy_mark="mark")
    template = tmp_path / "closing.docx"
    doc.save(str(template))
    context = {"items": ["Một.", "Hai.", "Ba./."], "recipients": ["- Lưu: VT."],
               "lines": ["GIÁM ĐỐC"], "name": "Lò Văn A", "mark": ""}
    rendered = docx.Document(io.BytesIO(render_docx(template, context)))
    body = [p for p in rendered.paragraphs if p.text in context["items"]]
    assert [p.text for p in body] == context["items"]
    assert [bool(p.paragraph_format.keep_with_next) for p in body] == [False, False, True]


@pytest.mark.parametrize(
    "name", ["directive.docx", "registration.docx", "registration_summary.docx", "summary.docx"]
)
def test_the_templates_keep_their_closing_paragraph_with_the_footer(name):
    document = docx.Document(io.BytesIO(layout.template_bytes(name)))
    footer = signature_tables(document)[0]._tbl
    before = [Paragraph(e, document) for e in footer.itersiblings(qn("w:p"), preceding=True)]
    spacer, endfor, endif, plain, other, kept, last = before[:7]
    assert [endfor.text, endif.text, other.text, last.text] == [
        "{%p endfor %}", "{%p endif %}", "{%p else %}", "{%p if loop.last %}"]
    assert kept.text == plain.text
    assert kept.paragraph_format.keep_with_next and not plain.paragraph_format.keep_with_next
    assert spacer.text == "" and spacer.paragraph_format.keep_with_next
