"""Specs for rendering: text comes out literal, NFC and XML-safe; fields become paragraphs;
errors say where; the cached path makes what plain docxtpl makes; the directive reproduces
the seed."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph
from lxml import etree
from pydantic import BaseModel

from service.documents import finish as finish_module
from service.documents import layout, page
from service.documents.kinds import KINDS
from service.documents.lint import lint_docx
from service.documents.render import (
    TemplateError,
    clean_context,
    render_docx,
    render_docx_plain,
)
from service.documents.textwidth import text_width_mm
from service.domain.records import Movement, Unit

ROOT = Path(__file__).resolve().parents[2]
RECORDS = ROOT / "records" / "son-la-2024"
SEED = ROOT.parent / "shared" / "seed" / "chi-thi-01-CT-UBND-2024.txt"
RENDERERS = [render_docx, render_docx_plain]


def template(tmp_path: Path, *texts: str, name: str = "t.docx") -> Path:
    """Write a template with one Body Text paragraph per text (tags typed in one run)."""
    doc = page.new_document("Thử")
    for text in texts:
        if text.startswith(("{%p", "{%tr")):
            layout.add_tag(doc, text)
        else:
            layout.add_paragraph(doc, text, style=layout.BODY_STYLE_NAME, align=None)
    path = tmp_path / name
    doc.save(str(path))
    return path


def paragraphs(data: bytes) -> list[str]:
    """Return the text of every paragraph of the body (tables' too), line breaks as `\\n`."""
    body = docx.Document(io.BytesIO(data)).element.body
    return [
        "".join(
            "\n" if e.tag == qn("w:br") else (e.text or "") for e in p.iter(qn("w:t"), qn("w:br"))
        )
        for p in body.iter(qn("w:p"))
    ]


# ---------------------------------------------------------------- text comes out as typed


@pytest.mark.parametrize("render", RENDERERS)
def test_markup_characters_come_out_literal(tmp_path, render):
    path = template(tmp_path, "Tên: {{ name }}")
    data = render(path, {"name": 'Công ty <A&B> "Tốt"'})
    assert paragraphs(data) == ['Tên: Công ty <A&B> "Tốt"']


@pytest.mark.parametrize("render", RENDERERS)
def test_decomposed_text_comes_out_composed(tmp_path, render):
    nfd = unicodedata.normalize("NFD", "Hoàng Quốc Khánh")
    assert nfd != "Hoàng Quốc Khánh"
    (text,) = paragraphs(render(template(tmp_path, "{{ name }}"), {"name": nfd}))
    assert text == "Hoàng Quốc Khánh"
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize("render", RENDERERS)
def test_control_characters_are_removed(tmp_path, render):
    data = render(template(tmp_path, "{{ name }}"), {"name": "Sở\x07 Nội\x0b vụ\x00"})
    assert paragraphs(data) == ["Sở Nội vụ"]


@pytest.mark.parametrize("render", RENDERERS)
def test_a_multi_line_field_becomes_paragraphs(tmp_path, render):
    path = template(
        tmp_path,
        "{%p for line in note|lines %}",
        "{{ line }}",
        "{%p endfor %}",
        "{%p for item in items %}",
        "- {{ item }}",
        "{%p endfor %}",
    )
    data = render(path, {"note": "Dòng một\nDòng hai\n\nDòng ba", "items": ["a", "b"]})
    assert paragraphs(data) == ["Dòng một", "Dòng hai", "Dòng ba", "- a", "- b"]
    styles = {p.style.style_id for p in docx.Document(io.BytesIO(data)).paragraphs}
    assert styles == {"BodyText"}


# ---------------------------------------------------------------- a line break in a value


def saved(doc: Document, tmp_path: Path) -> Path:
    path = tmp_path / "t.docx"
    doc.save(str(path))
    return path


def runs(paragraph: Paragraph) -> list[tuple[str, bool | None, bool | None]]:
    return [(run.text, run.bold, run.italic) for run in paragraph.runs]


@pytest.mark.parametrize("render", RENDERERS)
def test_a_line_break_in_a_value_splits_its_paragraph(tmp_path, render):
    doc = page.new_document("Thử")
    note = layout.add_paragraph(doc, "{{ note }}", style=layout.BODY_STYLE_NAME, align="justify")
    note.paragraph_format.first_line_indent = Mm(12.7)
    data = render(saved(doc, tmp_path), {"note": "Dòng một\nDòng hai"})
    first, second = docx.Document(io.BytesIO(data)).paragraphs
    assert [first.text, second.text] == ["Dòng một", "Dòng hai"]
    assert first.style.style_id == second.style.style_id == "BodyText"
    assert first.paragraph_format.first_line_indent == Mm(12.7)
    assert etree.tostring(first._p.pPr) == etree.tostring(second._p.pPr)
    assert b"<w:br" not in canonical(data, "word/document.xml")


@pytest.mark.parametrize("render", RENDERERS)
def test_each_line_and_each_empty_line_is_a_paragraph(tmp_path, render):
    data = render(template(tmp_path, "{{ note }}"), {"note": "Một\nHai\n\nBa"})
    assert paragraphs(data) == ["Một", "Hai", "", "Ba"]


@pytest.mark.parametrize("render", RENDERERS)
def test_the_run_holding_the_break_keeps_its_format_on_both_sides(tmp_path, render):
    doc = page.new_document("Thử")
    paragraph = layout.add_paragraph(doc, "Ông ", style=layout.BODY_STYLE_NAME, align=None)
    value = paragraph.add_run("{{ names }}")
    value.bold = value.italic = True
    paragraph.add_run(", đề nghị khen.")
    data = render(saved(doc, tmp_path), {"names": "Lò Văn Ơn\nCầm Thị Ánh"})
    first, second = docx.Document(io.BytesIO(data)).paragraphs
    assert runs(first) == [("Ông ", None, None), ("Lò Văn Ơn", True, True)]
    assert runs(second) == [("Cầm Thị Ánh", True, True), (", đề nghị khen.", None, None)]


@pytest.mark.parametrize("render", RENDERERS)
def test_a_line_break_in_a_cell_makes_paragraphs_in_the_cell(tmp_path, render):
    doc = page.new_document("Thử")
    cell = layout.borderless_table(doc, (40, 40)).rows[0].cells[1]
    layout.add_paragraph(cell, "{{ units }}", align="left")
    layout.add_paragraph(cell, "Ghi chú", align="left")
    data = render(saved(doc, tmp_path), {"units": "Sở Nội vụ\nSở Y tế"})
    cell = docx.Document(io.BytesIO(data)).tables[0].rows[0].cells[1]
    assert [p.text for p in cell.paragraphs] == ["Sở Nội vụ", "Sở Y tế", "Ghi chú"]


@pytest.mark.parametrize("render", RENDERERS)
def test_a_tab_in_a_value_stays_a_tab(tmp_path, render):
    data = render(template(tmp_path, "{{ x }}"), {"x": "Nơi nhận:\t- Như trên;"})
    (paragraph,) = docx.Document(io.BytesIO(data)).paragraphs
    assert paragraph.text == "Nơi nhận:\t- Như trên;"
    assert len(paragraph._p.findall(f"{qn('w:r')}/{qn('w:tab')}")) == 1


@pytest.mark.parametrize("render", RENDERERS)
def test_a_page_break_before_stays_on_the_first_paragraph(tmp_path, render):
    doc = page.new_document("Thử")
    layout.add_paragraph(doc, "{{ title }}", page_break_before=True)
    data = render(saved(doc, tmp_path), {"title": "PHỤ LỤC\nDANH SÁCH"})
    first, second = docx.Document(io.BytesIO(data)).paragraphs
    assert first.paragraph_format.page_break_before
    assert second.paragraph_format.page_break_before is None
    assert first.alignment == second.alignment == WD_ALIGN_PARAGRAPH.CENTER


@pytest.mark.parametrize("render", RENDERERS)
def test_a_rule_under_a_two_line_name_fits_its_longest_line(tmp_path, render):
    doc = page.new_document("Thử")
    cell = layout.borderless_table(doc, layout.HEADER_COLUMNS_MM).rows[0].cells[0]
    layout.add_paragraph(cell, "{{ agency }}", size=13, bold=True)
    layout.add_rule(cell)
    data = render(saved(doc, tmp_path), {"agency": "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA"})
    cell = docx.Document(io.BytesIO(data)).tables[0].rows[0].cells[0]
    assert [p.text for p in cell.paragraphs] == ["ỦY BAN NHÂN DÂN", "TỈNH SƠN LA", ""]
    rule = cell.paragraphs[-1].paragraph_format
    length = layout.HEADER_COLUMNS_MM[0] - rule.left_indent.mm - rule.right_indent.mm
    assert length == pytest.approx(0.4 * text_width_mm("ỦY BAN NHÂN DÂN", 13, bold=True), abs=0.1)


def test_the_body_is_parsed_again_only_when_a_value_holds_a_line_break(tmp_path, monkeypatch):
    roots: list[str] = []
    split = finish_module.split_paragraphs
    monkeypatch.setattr(
        finish_module, "split_paragraphs", lambda root: roots.append(root.tag) or split(root)
    )
    path = template(tmp_path, "Mở đầu", "{{ x }}", "{{ y }}")
    render_docx(path, {"x": "một dòng", "y": "không xuống dòng"})
    once = len(roots)
    assert paragraphs(render_docx(path, {"x": "hai\ndòng", "y": "."})) == [
        "Mở đầu",
        "hai",
        "dòng",
        ".",
    ]
    assert len(roots) == 2 * once + 1  # the same parts, and the body's tail parsed this time


def test_the_context_may_hold_models_and_dataclasses():
    @dataclasses.dataclass
    class Row:
        name: str

    class Person(BaseModel):
        name: str

    nfd = unicodedata.normalize("NFD", "Lò Văn Đức")
    cleaned = clean_context({"rows": (Row(nfd),), "person": Person(name=nfd + "\x01")})
    assert cleaned == {"rows": [{"name": "Lò Văn Đức"}], "person": {"name": "Lò Văn Đức"}}


def test_rows_read_as_attributes_and_as_keys(tmp_path):
    path = template(tmp_path, "{{ row.name }} {{ row['name'] }} {{ rows|length }}")
    data = render_docx(path, {"row": {"name": "An"}, "rows": [1, 2]})
    assert paragraphs(data) == ["An An 2"]


# ---------------------------------------------------------------- errors say where


@pytest.mark.parametrize("render", RENDERERS)
def test_an_undefined_variable_is_an_error_naming_it_and_its_paragraph(tmp_path, render):
    path = template(tmp_path, "Kính gửi: {{ recipient }}", "Xin chào {{ undefined_thing }}")
    with pytest.raises(TemplateError) as info:
        render(path, {"recipient": "Sở Nội vụ"})
    message = str(info.value)
    assert "undefined_thing" in message
    assert "Xin chào {{ undefined_thing }}" in message
    assert "không có trong dữ liệu" in message


def test_a_syntax_error_is_reported_at_its_paragraph(tmp_path):
    path = template(tmp_path, "Mở đầu", "{%p for x in items %}", "{{ x }}")
    with pytest.raises(TemplateError) as info:
        render_docx(path, {"items": []})
    assert "{%p for x in items %}" in str(info.value)
    assert "endfor" in str(info.value)


@pytest.mark.parametrize("render", RENDERERS)
def test_a_jinja_syntax_error_is_told_in_vietnamese(tmp_path, render):
    path = template(tmp_path, "Mở đầu", "Tổng: {{ a + }}")
    with pytest.raises(TemplateError) as info:
        render(path, {"a": 1})
    assert info.value.message == "biểu thức chưa trọn: gặp “}}” không đúng chỗ"
    assert "Tổng: {{ a + }}" in info.value.where


def test_an_edited_template_is_compiled_again(tmp_path):
    path = template(tmp_path, "Cũ {{ x }}")
    assert paragraphs(render_docx(path, {"x": 1})) == ["Cũ 1"]
    newer = template(tmp_path, "Mới {{ x }}", name="new.docx")
    os.replace(newer, path)
    assert paragraphs(render_docx(path, {"x": 1})) == ["Mới 1"]


def test_the_same_input_gives_the_same_bytes(tmp_path):
    path = template(tmp_path, "{{ x }}")
    assert render_docx(path, {"x": "a"}) == render_docx(path, {"x": "a"})


# ---------------------------------------------------------------- the directive


@pytest.fixture(scope="module")
def directive_context() -> dict:
    movement = Movement.model_validate(
        yaml.safe_load((RECORDS / "movement.yaml").read_text(encoding="utf-8"))
    )
    units = {
        u["code"]: Unit.model_validate(u)
        for u in yaml.safe_load((RECORDS / "units.yaml").read_text(encoding="utf-8"))
    }
    return KINDS["directive"].build_context(movement, units[movement.issuing_unit], None, 1)


@pytest.fixture(scope="module")
def directive(directive_context) -> bytes:
    return render_docx(KINDS["directive"].template_path(), directive_context)


def seed_lines() -> list[str]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    lines = [
        unicodedata.normalize("NFC", re.sub(r"\[bookmark: [^\]]*\]", "", line)).strip()
        for line in lines
    ]
    return [line for line in lines if line]


def test_the_directive_holds_every_line_of_the_seed_in_order(directive):
    lines = [text.strip() for text in paragraphs(directive) if text.strip()]
    start = lines.index("CHỈ THỊ")
    assert lines[start:] == seed_lines()


def test_the_directive_has_the_header_and_signer_lines(directive):
    lines = [" ".join(text.split()) for text in paragraphs(directive)]
    at = lines.index("ỦY BAN NHÂN DÂN")  # the agency's two lines, two paragraphs
    assert lines[at + 1] == "TỈNH SƠN LA"
    for expected in (
        "Số: 01/CT-UBND",
        "Sơn La, ngày 03 tháng 01 năm 2024",
        "CHỈ THỊ",
        "CHỦ TỊCH",
        "(Đã ký)",
        "Hoàng Quốc Khánh",
    ):
        assert expected in lines
    assert lines.index("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") < lines.index("CHỈ THỊ")


def test_the_directive_annex_starts_on_a_new_page(directive):
    body = docx.Document(io.BytesIO(directive)).paragraphs
    at = next(i for i, p in enumerate(body) if p.text == "Phụ lục")
    assert body[at].paragraph_format.page_break_before
    assert body[at + 1].text == "TÓM TẮT CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2024"


def test_the_directive_passes_the_format_checker(directive):
    assert lint_docx(directive) == []


@pytest.mark.parametrize("render", RENDERERS)
def test_two_body_paragraphs_sent_as_one_multi_line_value_make_the_same_document(
    directive_context, directive, render
):
    first, second, *rest = directive_context["body_paragraphs"]
    context = {**directive_context, "body_paragraphs": [f"{first}\n{second}", *rest]}
    data = render(KINDS["directive"].template_path(), context)
    assert canonical(data, "word/document.xml") == canonical(directive, "word/document.xml")
    assert lint_docx(data) == []


def test_cached_and_plain_rendering_give_the_same_document(directive_context):
    path = KINDS["directive"].template_path()
    cached, plain = (render(path, directive_context) for render in RENDERERS)
    assert paragraphs(cached) == paragraphs(plain)
    for part in ("word/document.xml", "word/header2.xml"):
        assert canonical(cached, part) == canonical(plain, part)


def canonical(data: bytes, part: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.tostring(etree.fromstring(package.read(part)), method="c14n")


def test_a_directive_without_annex_ends_with_its_signer(directive_context):
    context = {**directive_context, "has_annex": False}
    data = render_docx(KINDS["directive"].template_path(), context)
    lines = [text.strip() for text in paragraphs(data) if text.strip()]
    assert lines[-1] == "Hoàng Quốc Khánh"
    assert "Phụ lục" not in lines
