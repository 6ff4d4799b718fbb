"""Checking a .docx template before use: Jinja errors, unknown variables and tags broken by
Word, each told in Vietnamese at its place in the Word text."""

from __future__ import annotations

import difflib
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import docx
import jinja2
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from lxml import etree

from .jinja_messages import jinja_message_vi

if TYPE_CHECKING:
    from .kinds.base import DocumentKind

ProblemKind = Literal["syntax", "unknown_variable", "broken_tag", "smart_quote", "tag_not_alone"]

_OPENERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
_SMART_QUOTES = "“”‘’"
_BLOCKS = {"for", "if", "macro", "call", "filter", "block", "with", "autoescape", "raw", "trans"}
_MIDDLES = {"elif": {"if"}, "else": {"if", "for"}, "pluralize": {"trans"}}
_NOT_FORMATTING = {qn("w:lang"), qn("w:noProof"), qn("w:rtl"), qn("w:webHidden")}
_HEADER_TYPES = {"first": "trang đầu", "default": "", "even": "trang chẵn"}


@dataclass(frozen=True)
class TemplateProblem:
    """One problem of a template: `where` it is (part, paragraph or table cell), the paragraph's
    `text`, the `message` (Vietnamese) and, for an unknown variable, the nearest valid name."""

    kind: ProblemKind
    message: str
    where: str
    text: str
    suggestion: str | None = None

    @property
    def place(self) -> str:
        """Where it is, with the paragraph's text: `phần nội dung, đoạn 18 (“{{ x }}”)`."""
        return f"{self.where} (“{_shorten(self.text)}”)" if self.text.strip() else self.where

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


@dataclass(frozen=True)
class _Paragraph:
    where: str
    text: str
    element: etree._Element
    part: str  # the XML part: docxtpl compiles each one on its own


def check_template(source: Path | bytes, kind: DocumentKind) -> list[TemplateProblem]:
    """Return the problems of the template `source` (a path or .docx bytes) for `kind`: Jinja
    syntax errors, variables `kind` does not provide, tags split across differently formatted
    runs or holding smart quotes, `{%p`/`{%tr` tags sharing their paragraph. [] when none."""
    doc = _open(source)
    paragraphs = list(_paragraphs(doc))
    problems = list(_tag_problems(paragraphs))
    syntax = _syntax_problems(paragraphs)
    problems += syntax
    if not syntax:
        problems += _unknown_variables(source, paragraphs, kind)
    return problems


def syntax_problems(source: Path | bytes) -> list[TemplateProblem]:
    """Return the template's Jinja syntax errors, each at the paragraph where it is (a block
    left open is reported where it opens)."""
    return _syntax_problems(list(_paragraphs(_open(source))))


def format_problems(problems: Sequence[TemplateProblem]) -> str:
    """Return the problems as a numbered Vietnamese list, or a line saying there are none."""
    if not problems:
        return "Mẫu không có lỗi."
    lines = [f"Mẫu có {len(problems)} lỗi:"]
    lines += [f"{i}. {problem}" for i, problem in enumerate(problems, 1)]
    return "\n".join(lines)


# ---------------------------------------------------------------- paragraphs and places


def _open(source: Path | bytes) -> Document:
    return docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))


def _paragraphs(doc: Document) -> Iterator[_Paragraph]:
    """Yield every paragraph of the body, then of each header and footer, in order, placed."""
    yield from _container(doc.element.body, "phần nội dung", "document")
    seen: set[str] = set()
    for sect in doc.element.body.iter(qn("w:sectPr")):
        for ref in sect:
            if ref.tag not in (qn("w:headerReference"), qn("w:footerReference")):
                continue
            r_id = ref.get(qn("r:id"))
            part = doc.part.related_parts[r_id]
            if part.partname in seen:
                continue
            seen.add(part.partname)
            label = "đầu trang" if doc.part.rels[r_id].reltype == RT.HEADER else "chân trang"
            which = _HEADER_TYPES.get(ref.get(qn("w:type"), "default"), "")
            yield from _container(part.element, f"{label} {which}".strip(), str(part.partname))


def _container(element: etree._Element, where: str, part: str) -> Iterator[_Paragraph]:
    paragraph_no = table_no = 0
    for child in element:
        if child.tag == qn("w:p"):
            paragraph_no += 1
            yield _Paragraph(f"{where}, đoạn {paragraph_no}", _text(child), child, part)
        elif child.tag == qn("w:tbl"):
            table_no += 1
            for row_no, row in enumerate(child.findall(qn("w:tr")), 1):
                for cell_no, cell in enumerate(row.findall(qn("w:tc")), 1):
                    place = f"{where}, bảng {table_no}, hàng {row_no}, ô {cell_no}"
                    yield from _container(cell, place, part)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _container(content, where, part)


def _text(paragraph: etree._Element) -> str:
    return "".join(t.text or "" for t in paragraph.iter(qn("w:t")))


def _shorten(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- (a) Jinja syntax


def _jinja_line(text: str) -> str:
    """Return a paragraph's text as docxtpl hands it to Jinja: `{%p ` → `{% `, quotes straight."""
    for level in ("tr", "tc", "p", "r"):
        for opener in _OPENERS:
            text = text.replace(f"{opener}{level} ", f"{opener} ")
    for smart, straight in zip(_SMART_QUOTES, "\"\"''"):
        text = text.replace(smart, straight)
    return text.replace("\n", " ")


def _syntax_problems(paragraphs: Sequence[_Paragraph]) -> list[TemplateProblem]:
    parts = dict.fromkeys(p.part for p in paragraphs)
    return [
        problem
        for part in parts
        for problem in _part_syntax([p for p in paragraphs if p.part == part])
    ]


def _part_syntax(paragraphs: Sequence[_Paragraph]) -> list[TemplateProblem]:
    # A tag cannot go on past its paragraph: Jinja would read on and complain paragraphs later.
    unclosed = [
        TemplateProblem(
            "syntax",
            f"thẻ mở “{opener}” chưa được đóng bằng “{_OPENERS[opener]}” trong cùng đoạn",
            p.where,
            p.text,
        )
        for p in paragraphs
        if (opener := _unclosed(p.text))
    ]
    if unclosed:
        return unclosed
    source = "\n".join(_jinja_line(p.text) for p in paragraphs)
    env = jinja2.Environment()
    try:
        env.parse(source)
        return []
    except jinja2.TemplateSyntaxError as exc:
        error = exc
    try:
        problems = _unbalanced(env.lex(source), paragraphs)
    except jinja2.TemplateSyntaxError as exc:
        error, problems = exc, []
    if problems:
        return problems
    paragraph = paragraphs[min(max(error.lineno, 1), len(paragraphs)) - 1]
    return [
        TemplateProblem(
            "syntax", jinja_message_vi(error.message or str(error)), paragraph.where, paragraph.text
        )
    ]


def block_balance(text: str) -> int:
    """Return how many Jinja blocks the tags in `text` (a paragraph's or a whole element's
    text) open minus how many they close: `{%p for x in y %}` → 1, `{%p endfor %}` → -1.
    Raises jinja2.TemplateSyntaxError when the text cannot be read as Jinja."""
    balance = 0
    for keyword in _block_keywords(jinja2.Environment().lex(_jinja_line(text))):
        if keyword in _BLOCKS:
            balance += 1
        elif keyword.startswith("end") and keyword[3:] in _BLOCKS:
            balance -= 1
    return balance


def _block_keywords(tokens: Iterable[tuple[int, str, str]]) -> Iterator[str]:
    expect_keyword = False
    for _, token, value in tokens:
        if token == "block_begin":
            expect_keyword = True
        elif token != "whitespace" and expect_keyword:
            expect_keyword = False
            if token == "name":
                yield value


def _unbalanced(
    tokens: Iterable[tuple[int, str, str]], paragraphs: Sequence[_Paragraph]
) -> list[TemplateProblem]:
    """Return the blocks opened and never closed (at their opening paragraph) and the closing
    tags without their opening (at theirs), from Jinja's own token stream."""
    stack: list[tuple[str, int]] = []
    problems = []
    expect_keyword = False

    def problem(line: int, message: str) -> TemplateProblem:
        paragraph = paragraphs[line - 1]
        return TemplateProblem("syntax", message, paragraph.where, paragraph.text)

    for line, token, value in tokens:
        if token == "block_begin":
            expect_keyword = True
            continue
        if token == "whitespace" or not expect_keyword:
            continue
        expect_keyword = False
        if token != "name":
            continue
        if value in _BLOCKS:
            stack.append((value, line))
        elif value in _MIDDLES:
            if not stack or stack[-1][0] not in _MIDDLES[value]:
                problems.append(
                    problem(
                        line,
                        f"thẻ {{% {value} %}} không nằm trong khối "
                        f"{' hay '.join(sorted(_MIDDLES[value]))} nào",
                    )
                )
        elif value.startswith("end") and value[3:] in _BLOCKS:
            if stack and stack[-1][0] == value[3:]:
                stack.pop()
            elif any(name == value[3:] for name, _ in stack):
                while stack[-1][0] != value[3:]:
                    name, opened = stack.pop()
                    problems.append(
                        problem(
                            opened,
                            f"khối {{% {name} %}} chưa được đóng bằng "
                            f"{{% end{name} %}} trước {{% {value} %}}",
                        )
                    )
                stack.pop()
            else:
                problems.append(
                    problem(line, f"thẻ {{% {value} %}} không có {{% {value[3:]} %}} mở trước nó")
                )
    for name, opened in stack:
        problems.append(
            problem(opened, f"khối {{% {name} %}} mở ở đây nhưng thiếu {{% end{name} %}}")
        )
    return problems


# ---------------------------------------------------------------- (b) unknown variables


def _unknown_variables(
    source: Path | bytes, paragraphs: Sequence[_Paragraph], kind: DocumentKind
) -> list[TemplateProblem]:
    env = jinja2.Environment()
    template = DocxTemplate(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    used = template.get_undeclared_template_variables(jinja_env=env) - set(env.globals)
    known = sorted(kind.variable_names)
    problems = []
    for name in sorted(used - set(known), key=lambda n: _first_use(n, paragraphs, env)[0]):
        _, where, text = _first_use(name, paragraphs, env)
        close = difflib.get_close_matches(name, known, n=1)
        message = f"biến “{name}” không có trong dữ liệu của loại văn bản “{kind.title_vi}”"
        if close:
            message += f"; có phải ý là “{close[0]}”?"
        problems.append(
            TemplateProblem("unknown_variable", message, where, text, close[0] if close else None)
        )
    return problems


def _first_use(
    name: str, paragraphs: Sequence[_Paragraph], env: jinja2.Environment
) -> tuple[int, str, str]:
    """Return (index, place, text) of the first paragraph whose tags name `name`."""
    for index, paragraph in enumerate(paragraphs):
        if any(
            token == "name" and value == name
            for _, token, value in env.lex(_jinja_line(paragraph.text))
        ):
            return index, paragraph.where, paragraph.text
    return len(paragraphs), "mẫu", ""


# ---------------------------------------------------------------- (c) tags broken by Word


def _tag_problems(paragraphs: Sequence[_Paragraph]) -> Iterator[TemplateProblem]:
    for paragraph in paragraphs:
        runs = [
            (t.text or "", _formatting(t.getparent()))
            for t in paragraph.element.iter(qn("w:t"))
            if t.getparent().tag == qn("w:r")
        ]
        owner = [i for i, (text, _) in enumerate(runs) for _ in text]
        text = "".join(text for text, _ in runs)
        for start, end in _tag_spans(text):
            tag = text[start:end]
            formats = {runs[owner[i]][1] for i in range(start, end)}
            if len(formats) > 1:
                yield TemplateProblem(
                    "broken_tag",
                    f"thẻ “{tag}” bị tách thành nhiều đoạn có định dạng khác "
                    "nhau; hãy xóa và gõ lại cả thẻ với cùng một định dạng",
                    paragraph.where,
                    paragraph.text,
                )
            if any(q in tag for q in _SMART_QUOTES):
                yield TemplateProblem(
                    "smart_quote",
                    f"thẻ “{tag}” có dấu nháy cong (“ ” ‘ ’); hãy tắt tự động "
                    "thay dấu nháy trong Word và gõ dấu nháy thẳng (\" ')",
                    paragraph.where,
                    paragraph.text,
                )
            level = tag[2:].lstrip("-").split(" ", 1)[0]
            if level in ("p", "tr", "tc") and text.strip() != tag:
                yield TemplateProblem(
                    "tag_not_alone",
                    f"thẻ “{tag}” phải đứng một mình trong đoạn: cả đoạn "
                    "(hay hàng, ô) chứa nó sẽ bị thay bằng thẻ, chữ khác trong đoạn sẽ mất",
                    paragraph.where,
                    paragraph.text,
                )


def _unclosed(text: str) -> str | None:
    """Return the opener (`{{`, `{%`, `{#`) of a tag left open in `text`, or None."""
    end = max((e for _, e in _tag_spans(text)), default=0)
    rest = [o for o in _OPENERS if o in text[end:]]
    return min(rest, key=lambda o: text.index(o, end)) if rest else None


def _tag_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each `{{ … }}`, `{% … %}`, `{# … #}` closed in `text`."""
    position = 0
    while True:
        starts = [(text.find(o, position), o) for o in _OPENERS if text.find(o, position) >= 0]
        if not starts:
            return
        start, opener = min(starts)
        end = text.find(_OPENERS[opener], start + 2)
        if end < 0:
            return
        yield start, end + 2
        position = end + 2


def _formatting(run: etree._Element) -> bytes:
    """Return what changes a run's look (its rPr without language or proofing marks)."""
    r_pr = run.find(qn("w:rPr"))
    if r_pr is None:
        return b""
    return b"".join(etree.tostring(child) for child in r_pr if child.tag not in _NOT_FORMATTING)
