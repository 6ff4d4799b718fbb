"""Rendering a .docx template with a context: docxtpl's patched template, compiled once per file."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import functools
import gc
import io
import re
import threading
import unicodedata
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
import lxml.html
from docx.oxml.ns import nsmap, qn
from docxtpl import DocxTemplate
from lxml import etree
from pydantic import BaseModel

from service.vnformat.text import nfc, strip_xml_illegal

from .finish import finish
from .jinja_messages import error_message_vi, jinja_message_vi
from .page import RULE_STYLE
from .pictures import embed_pictures, pictures_in
from .template_check import block_balance, syntax_problems

_DOCUMENT = "word/document.xml"
_LABEL = "phần nội dung"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip entries dated alike: same input, same bytes
_LEVEL = 1  # deflate level: 1 is twice as fast as the default 6 on a big table, files ~10% larger
_RULES = etree.XPath(
    f"descendant-or-self::w:p[w:pPr/w:pStyle/@w:val='{RULE_STYLE}']", namespaces=nsmap
)
# What makes docxtpl's fix_tables necessary: cells made by loops, spans and merges.
_TABLE_MARKERS = ("{%tc", "{{tc", "colspan", "{% hm", "{%hm", "{% vm", "{%vm")
# Strings holding none of these are already XML-safe (the rest go through strip_xml_illegal).
_MAYBE_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class TemplateError(Exception):
    """A template could not be rendered; the message says, in Vietnamese, what is wrong and
    where in the Word text (`where`: the part and the paragraph's text)."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.message = message
        self.where = where


class _KeysFirst(jinja2.Environment):
    """Jinja's `row.name` on a dict reads the key first: at once, instead of failing on the
    attribute (a 5,000-row table reads 20,000 of them), and a key wins over a dict method of
    the same name (`row.items` is the key `items`)."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def make_environment() -> jinja2.Environment:
    """Return the Jinja environment of every template: autoescaped (text comes out literal in
    Word), an undefined variable is an error, and a `lines` filter (`{%p for l in x|lines %}`
    makes one paragraph per line of a multi-line text)."""
    env = _KeysFirst(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["lines"] = lambda text: [line for line in str(text).splitlines() if line.strip()]
    return env


ENV = make_environment()


_SCALARS = (int, float, bool, type(None), Decimal, dt.date)


def clean_context(value: Any) -> Any:
    """Return `value` with every string in NFC and without XML-illegal characters, through
    mappings, lists, tuples, dataclasses and pydantic models (those become dicts). A str
    subclass (Markup) becomes a plain str: it is escaped like any text."""
    if isinstance(value, str):
        return _clean_text(value)
    if type(value) is dict:  # the common case, before the slower abstract-class checks
        cleaned = {
            key: _clean_text(item) if type(item) is str else clean_context(item)
            for key, item in value.items()
        }
        return cleaned
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, (list, tuple)):
        return [
            _clean_text(item) if type(item) is str else clean_context(item)
            for item in value
        ]
    if isinstance(value, BaseModel):
        value = value.model_dump()
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        cleaned = {
            key: _clean_text(item) if type(item) is str else clean_context(item)
            for key, item in value.items()
        }
        return cleaned
    if isinstance(value, (set, frozenset)):
        return [clean_context(item) for item in value]
    return value


def _clean_text(text: str) -> str:
    if not unicodedata.is_normalized("NFC", text):
        text = nfc(text)
    if _MAYBE_ILLEGAL.search(text):
        return strip_xml_illegal(text)
    return text if type(text) is str else str.__str__(text)


# ---------------------------------------------------------------- compiled templates


@dataclasses.dataclass(frozen=True)
class _Source:
    """A compiled piece of a part, with its patched XML (to find the paragraph of an error)."""

    template: jinja2.Template
    xml: str
    label: str


@dataclasses.dataclass(frozen=True)
class _Part:
    """One XML part rendered per document.

    A header or footer is rendered, parsed and finished whole (`head`). The document's body
    is cut, at compile time, after the last top-level element holding a Rule where no Jinja
    block is open: `head` (the header, title, rules …) is parsed and finished; `tail` (body
    text, annex tables: the bulk) is written as rendered, so a 5,000-row table is not parsed
    and serialised again on each render. `before` and `after` surround them in document.xml.
    """

    name: str
    head: _Source
    tail: _Source | None = None
    before: str = ""
    after: str = ""
    wrapper: tuple[str, str] = ("", "")  # the body's start and end tags, to parse the tail
    fix_tables: bool = False
    text_width: int | None = None


@dataclasses.dataclass(frozen=True)
class _Compiled:
    parts: tuple[_Part, ...]
    members: tuple[tuple[str, bytes | None], ...]  # zip members in order; None: rendered


def _compiled(template: Path) -> _Compiled:
    """Return the compiled form of `template`, cached per path and file version (modification
    time, size, inode: a file replaced atomically is a new inode)."""
    stat = template.stat()
    return _compile(str(template.resolve()), stat.st_mtime_ns, stat.st_size, stat.st_ino)


@functools.lru_cache(maxsize=32)
def _compile(path: str, mtime_ns: int, size: int, inode: int) -> _Compiled:
    tpl = DocxTemplate(path)
    tpl.init_docx()
    parts = [_compile_document(tpl, path)]
    for uri, label in ((tpl.HEADER_URI, "đầu trang"), (tpl.FOOTER_URI, "chân trang")):
        for _, part in tpl.get_headers_footers(uri):
            xml = tpl.patch_xml(tpl.get_part_xml(part))
            parts.append(_Part(part.partname.lstrip("/"), _source(xml, label, path)))
    rendered = {part.name for part in parts}
    with zipfile.ZipFile(path) as package:
        members = tuple(
            (info.filename, None if info.filename in rendered else package.read(info))
            for info in package.infolist()
        )
    return _Compiled(tuple(parts), members)


def _compile_document(tpl: DocxTemplate, path: str) -> _Part:
    root = copy.deepcopy(tpl.docx.element)
    body = root.find(qn("w:body"))
    children = list(body)
    # docxtpl's table fixing (for `{%tc %}` columns, colspan, merges) needs the whole body.
    fix = any(marker in tpl.get_xml() for marker in _TABLE_MARKERS)
    cut = len(children) if fix else _cut(children)
    head, tail = copy.deepcopy(body), copy.deepcopy(body)
    for child in list(head)[cut:]:
        head.remove(child)
    for child in list(tail)[:cut]:
        tail.remove(child)
    sect = body.find(qn("w:sectPr"))
    for child in children:
        body.remove(child)
    body.text = ""  # serialised as <w:body></w:body>, so the content goes in between
    shell = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True).decode()
    before, after = shell.split("<w:body></w:body>")
    wrapper = etree.tostring(body).decode().split("></", 1)
    return _Part(
        _DOCUMENT,
        head=_source(tpl.patch_xml(etree.tostring(head, encoding="unicode")), _LABEL, path),
        tail=_source(tpl.patch_xml(_inner(etree.tostring(tail, encoding="unicode"))), _LABEL, path)
        if len(tail)
        else None,
        before=before + "<w:body>",
        after="</w:body>" + after,
        wrapper=(wrapper[0] + ">", "</" + wrapper[1]),
        fix_tables=fix,
        text_width=_text_width(sect),
    )


def _cut(children: list[etree._Element]) -> int:
    """Return where to cut the body: after the last element holding a Rule, at the first
    place where the Jinja blocks opened so far are all closed (the end if there is none)."""
    last_rule = max((i for i, child in enumerate(children) if _RULES(child)), default=-1)
    depth = 0
    for i, child in enumerate(children):
        try:
            depth += block_balance("".join(t.text or "" for t in child.iter(qn("w:t"))))
        except jinja2.TemplateSyntaxError:
            return len(children)  # compiling the whole will report it, at its paragraph
        if i >= last_rule and depth == 0:
            return i + 1
    return len(children)


def _text_width(sect: etree._Element | None) -> int | None:
    size = sect.find(qn("w:pgSz")) if sect is not None else None
    margins = sect.find(qn("w:pgMar")) if sect is not None else None
    if size is None or margins is None:
        return None
    return (
        int(size.get(qn("w:w"))) - int(margins.get(qn("w:left"))) - int(margins.get(qn("w:right")))
    )


def _source(xml: str, label: str, path: str) -> _Source:
    try:
        return _Source(ENV.from_string(xml), xml, label)
    except jinja2.TemplateSyntaxError as exc:
        problems = syntax_problems(Path(path))
        if problems:
            raise TemplateError(problems[0].message, problems[0].place) from exc
        raise TemplateError(jinja_message_vi(exc.message or str(exc)), label) from exc


def _by_paragraph(xml: str) -> str:
    """Return `xml` with each paragraph on a line of its own (as docxtpl renders it), so that
    a Jinja line number names a paragraph."""
    return xml.replace("<w:p>", "\n<w:p>").replace("<w:p ", "\n<w:p ")


def _inner(xml: str) -> str:
    """Return what is between the start and end tags of a serialised element."""
    if xml.endswith("/>") and xml.count(">") == 1:
        return ""
    return xml[xml.index(">") + 1 : xml.rindex("</")]


# ---------------------------------------------------------------- rendering


_gc_lock = threading.Lock()
_gc_holders = 0
_gc_was_enabled = True


@contextmanager
def _no_collection() -> Iterator[None]:
    """Pauses Python's cycle collector while a document renders: rendering makes tens of
    thousands of short-lived, acyclic objects, and with a large live heap (a web process, a
    batch) each of the full collections they trigger walks all of it (measured: a 5,000-row
    annex 52 ms without, 150 ms with). Reference counting still frees everything; threads
    rendering at once share the pause."""
    global _gc_holders, _gc_was_enabled
    with _gc_lock:
        _gc_holders += 1
        if _gc_holders == 1:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_holders -= 1
            if _gc_holders == 0 and _gc_was_enabled:
                gc.enable()


def render_docx(template: Path, context: Mapping[str, Any]) -> bytes:
    """Return the .docx bytes of `template` rendered with `context` (cleaned by clean_context),
    its rules fitted to the rendered text; a top-level Picture value (pictures.py) is drawn
    where its variable stands. Raises TemplateError (where and what, in
    Vietnamese) on a template error or an undefined variable."""
    compiled = _compiled(Path(template))
    with _no_collection():
        data = clean_context(dict(context))
        rendered = {part.name: _render_part(part, data) for part in compiled.parts}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, static in compiled.members:
            package.writestr(
                zipfile.ZipInfo(name, date_time=_FIXED_TIME),
                static if static is not None else rendered[name],
                compress_type=zipfile.ZIP_DEFLATED,
                compresslevel=_LEVEL,
            )
    return embed_pictures(buffer.getvalue(), pictures_in(data))  # Picture values' image parts


def _render_part(part: _Part, context: dict[str, Any]) -> bytes:
    if part.tail is None and not part.before:  # a header or footer: all of it, parsed
        root = _parse(_render(part.head, context), part.head.label)
        finish(root)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    head_xml = _render(part.head, context)
    head = (
        DocxTemplate.fix_tables(None, head_xml)
        if part.fix_tables  # type: ignore[arg-type]
        else _parse(head_xml, part.head.label)
    )
    finish(head, part.text_width)
    tail = _render(part.tail, context) if part.tail else ""
    if "\n" in tail or "\t" in tail:  # a value with a line break or tab: parsed, finished
        body = _parse(f"{part.wrapper[0]}{tail}{part.wrapper[1]}", _LABEL)
        finish(body, part.text_width)
        tail = _inner(etree.tostring(body, encoding="unicode"))
    inner = _inner(etree.tostring(head, encoding="unicode"))
    return f"{part.before}{inner}{tail}{part.after}".encode()


def _parse(xml: str, label: str) -> etree._Element:
    try:
        return etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError as exc:
        raise TemplateError(
            "mẫu sinh ra văn bản hỏng (thường do thẻ {%p …%} hay {%tr …%} không đứng riêng một "
            f"đoạn, một hàng): {exc}",
            label,
        ) from exc


def _render(source: _Source, context: dict[str, Any]) -> str:
    try:
        xml = source.template.render(context)
    except jinja2.TemplateError as exc:
        raise _located_again(exc, source, context) from exc
    if "{_" in xml or "_}" in xml:  # docxtpl's escapes for literal braces (`{_{` prints `{{`)
        xml = (
            xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        )
    return xml


def _located_again(exc: jinja2.TemplateError, source: _Source, context: dict) -> TemplateError:
    """Return the error placed at its paragraph: the template is compiled once more with a
    paragraph a line (kept out of the fast path) and rendered to the same error."""
    lines = _by_paragraph(source.xml)
    try:
        ENV.from_string(lines).render(context)
    except jinja2.TemplateError as again:
        return _located(again, source.label, tuple(lines.split("\n")))
    return TemplateError(error_message_vi(exc), source.label)


class _PlainTemplate(DocxTemplate):
    """docxtpl's template, leaving a line break or tab in a value to `finish` (docxtpl would
    make a soft line break of it), as render_docx does. Our values hold no `\\a` or `\\f`
    for docxtpl's listing to act on: clean_context drops them as XML-illegal."""

    def resolve_listing(self, xml: str) -> str:
        return xml


def render_docx_plain(template: Path, context: Mapping[str, Any]) -> bytes:
    """Return the same document as render_docx, made the plain docxtpl way (load, render,
    save) with nothing cached: the yardstick for render_docx's speed."""
    tpl = _PlainTemplate(str(template))
    try:
        tpl.render(clean_context(dict(context)), jinja_env=ENV)
    except jinja2.TemplateError as exc:
        raise _plain_error(exc, Path(template)) from exc
    finish(tpl.docx.element)
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _, part in tpl.get_headers_footers(uri):
            finish(part.element)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return embed_pictures(buffer.getvalue(), pictures_in(context))


def _plain_error(exc: jinja2.TemplateError, template: Path) -> TemplateError:
    context = [line.strip() for line in getattr(exc, "docx_context", []) if line.strip()]
    if context:
        return TemplateError(error_message_vi(exc), f"{_LABEL}, gần “{' / '.join(context)}”")
    # docxtpl puts each paragraph of the body on a line: the same line, the same paragraph.
    tpl = DocxTemplate(str(template))
    tpl.init_docx()
    return _located(exc, _LABEL, tuple(_by_paragraph(tpl.patch_xml(tpl.get_xml())).split("\n")))


# ---------------------------------------------------------------- error places


def _located(exc: jinja2.TemplateError, label: str, lines: tuple[str, ...]) -> TemplateError:
    line = _template_line(exc)
    if line is None or not 0 < line <= len(lines):
        return TemplateError(error_message_vi(exc), label)
    text = " ".join(
        lxml.html.fragment_fromstring(lines[line - 1], create_parent=True).text_content().split()
    )
    return TemplateError(error_message_vi(exc), f"{label}, đoạn “{text}”" if text else label)


def _template_line(exc: jinja2.TemplateError) -> int | None:
    """Return the template line of the error: a syntax error's own, else the last frame of
    the template in the traceback (Jinja rewrites them to template lines)."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return exc.lineno
    line, tb = None, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
