"""Specs for the template check: each problem is found, told in Vietnamese, at its place in the
Word text (part, paragraph or table cell, the paragraph's text), never an XML line."""

from __future__ import annotations

import io

import jinja2
import pytest

from service.documents import layout
from service.documents.jinja_messages import jinja_message_vi
from service.documents.kinds import KINDS, directive
from service.documents.template_check import (
    TemplateProblem,
    check_template,
    format_problems,
    syntax_problems,
)

DIRECTIVE = KINDS["directive"]


def directive_with(*texts: str, bold_tail: str = "") -> bytes:
    """Return the directive template with paragraphs appended at the end of the body; a tag
    split into a bold second run when `bold_tail` is given."""
    doc = directive.build_template()
    for text in texts:
        layout.add_paragraph(doc, text, align=None)
    if bold_tail:
        paragraph = doc.paragraphs[-1]
        paragraph.add_run(bold_tail).bold = True
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def only(problems: list[TemplateProblem]) -> TemplateProblem:
    assert len(problems) == 1, format_problems(problems)
    return problems[0]


def test_the_shipped_template_has_no_problems():
    assert check_template(DIRECTIVE.template_path(), DIRECTIVE) == []
    assert format_problems([]) == "Mẫu không có lỗi."


def test_an_unknown_variable_is_found_with_its_paragraph():
    problem = only(check_template(directive_with("Gửi {{ undefined_thing }}"), DIRECTIVE))
    assert problem.kind == "unknown_variable"
    assert "undefined_thing" in problem.message
    assert problem.where.startswith("phần nội dung, đoạn ")
    assert problem.text == "Gửi {{ undefined_thing }}"


def test_an_unknown_variable_close_to_a_known_one_gets_a_suggestion():
    problem = only(check_template(directive_with("{{ signer_nam }}"), DIRECTIVE))
    assert problem.suggestion == "signer_name"
    assert "có phải ý là “signer_name”" in problem.message


def test_a_for_without_endfor_is_reported_where_it_opens():
    data = directive_with("{%p for x in annex_lines %}", "{{ x }}", "Cuối")
    problem = only(check_template(data, DIRECTIVE))
    assert problem.kind == "syntax"
    assert problem.text == "{%p for x in annex_lines %}"
    assert "endfor" in problem.message
    assert syntax_problems(data) == [problem]
    assert "dòng" not in str(problem)  # a paragraph, not an XML line


def test_a_closing_tag_without_its_opening_is_reported_at_itself():
    problem = only(check_template(directive_with("{%p endif %}"), DIRECTIVE))
    assert problem.text == "{%p endif %}"
    assert "{% if %}" in problem.message


def test_a_jinja_syntax_error_is_reported_at_its_paragraph():
    problem = only(check_template(directive_with("Tổng: {{ a + }}"), DIRECTIVE))
    assert problem.kind == "syntax"
    assert problem.text == "Tổng: {{ a + }}"


def test_a_jinja_syntax_error_is_told_in_vietnamese():
    problem = only(check_template(directive_with("Tổng: {{ a + }}"), DIRECTIVE))
    assert problem.message == "biểu thức chưa trọn: gặp “}}” không đúng chỗ"


def jinja_message(source: str) -> str:
    with pytest.raises(jinja2.TemplateSyntaxError) as info:
        jinja2.Environment().parse(source)
    return info.value.message


@pytest.mark.parametrize(
    ("source", "vietnamese"),
    [
        ("{% foo %}", "không có thẻ “foo” trong Jinja (gõ sai tên thẻ?)"),
        ("{% endfor %}", "thẻ “endfor” không có “for” mở trước nó"),
        ("{% else %}", "thẻ “else” không nằm trong khối “if” hay “for” nào"),
        (
            "{% if a %}{% else %}{% else %}{% endif %}",
            "thẻ “else” không đúng chỗ trong khối “if” đang mở",
        ),
        (
            "{% for x in y %}{% if a %}{% endfor %}",
            "thẻ “endfor” đứng trong khối “if” chưa đóng (thiếu “{% endif %}” trước nó)",
        ),
        ("{% for x in y %}", "mẫu kết thúc khi thẻ “for” chưa đóng (thiếu “{% endfor %}”)"),
        ("{{ a", "mẫu kết thúc khi còn thiếu “}}”"),
        ("{{ }}", "cần tên biến hay giá trị nhưng gặp “}}”"),
        ("{% if %}{% endif %}", "cần tên biến hay giá trị nhưng gặp “%}”"),
        ("{{ a | }}", "cần một tên (biến, bộ lọc) nhưng gặp “}}”"),
        ("{{ a|123 }}", "cần một tên (biến, bộ lọc) nhưng gặp một số"),
        ("{{ a b }}", "cần “}}” nhưng gặp “b”"),
        ("{% for x y %}{% endfor %}", "cần “in” nhưng gặp “y”"),
        ("{{ a[ }}", "gặp “}” ở chỗ cần “]”"),
        ("{{ a + }}", "biểu thức chưa trọn: gặp “}}” không đúng chỗ"),
        ("{{ 'abc }}", "chuỗi chữ mở bằng dấu nháy chưa được đóng"),
        ("{{ a ! }}", "ký tự “!” không dùng được trong thẻ"),
        ("{{ a. }}", "sau dấu chấm “.” cần một tên hay một số"),
        ("{% %}", "thẻ “{% %}” thiếu tên thẻ (for, if …)"),
        ("{# x", "ghi chú “{#” chưa được đóng bằng “#}”"),
    ],
)
def test_jinja_messages_are_translated(source, vietnamese):
    assert jinja_message_vi(jinja_message(source)) == vietnamese


def test_a_jinja_message_no_pattern_knows_keeps_its_english_in_brackets():
    message = "block 'x' defined twice"
    assert jinja_message_vi(message) == f"lỗi cú pháp Jinja ({message})"


def test_a_syntax_error_inside_the_header_table_names_the_cell():
    doc = directive.build_template()
    cell = doc.tables[0].rows[0].cells[1]
    layout.add_paragraph(cell, "{{ date_line ", size=14)
    buffer = io.BytesIO()
    doc.save(buffer)
    problem = only(syntax_problems(buffer.getvalue()))
    assert problem.where.startswith("phần nội dung, bảng 1, hàng 1, ô 2, đoạn ")


def test_a_tag_split_across_differently_formatted_runs_is_found():
    problem = only(check_template(directive_with("Ký: {{ signer", bold_tail="_name }}"), DIRECTIVE))
    assert problem.kind == "broken_tag"
    assert "{{ signer_name }}" in problem.message


def test_smart_quotes_inside_a_tag_are_found():
    problem = only(check_template(directive_with("{{ “x” if has_annex else ‘y’ }}"), DIRECTIVE))
    assert problem.kind == "smart_quote"


def test_a_paragraph_tag_sharing_its_paragraph_is_found():
    data = directive_with("Chú ý {%p if has_annex %}", "{%p endif %}")
    problem = only(check_template(data, DIRECTIVE))
    assert problem.kind == "tag_not_alone"


def test_format_problems_numbers_them_in_vietnamese():
    data = directive_with("{{ undefined_thing }}", "{{ signer_nam }}")
    text = format_problems(check_template(data, DIRECTIVE))
    lines = text.splitlines()
    assert lines[0] == "Mẫu có 2 lỗi:"
    assert lines[1].startswith("1. phần nội dung, đoạn ")
    assert "“{{ undefined_thing }}”" in lines[1]
    assert lines[2].startswith("2. ")


@pytest.mark.parametrize("source", ["path", "bytes"])
def test_a_template_is_read_from_a_path_or_bytes(tmp_path, source):
    data = directive_with("{{ undefined_thing }}")
    path = tmp_path / "t.docx"
    path.write_bytes(data)
    problems = check_template(path if source == "path" else data, DIRECTIVE)
    assert [p.kind for p in problems] == ["unknown_variable"]
