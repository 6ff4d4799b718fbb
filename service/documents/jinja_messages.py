"""Jinja's error messages in Vietnamese: its syntax errors' (by pattern), an undefined name's."""

from __future__ import annotations

import re

import jinja2

# Jinja's syntax messages (its parser's and lexer's), most particular first, in Vietnamese:
# `{tok}` fields show the token Jinja describes (`end of print statement` is “}}”).
_JINJA_MESSAGES = tuple(
    (re.compile(pattern, re.DOTALL), vietnamese)
    for pattern, vietnamese in (
        (
            r"Encountered unknown tag '(?P<tag>(?!end|else'|elif')\w+)'\..*",
            "không có thẻ “{tag}” trong Jinja (gõ sai tên thẻ?)",
        ),
        (
            r"Encountered unknown tag '(?P<tag>else|elif)'\. .*"
            r"The innermost block that needs to be closed is '(?P<block>\w+)'\.",
            "thẻ “{tag}” không đúng chỗ trong khối “{block}” đang mở",
        ),
        (
            r"Encountered unknown tag '(?P<tag>\w+)'\. .*"
            r"The innermost block that needs to be closed is '(?P<block>\w+)'\.",
            "thẻ “{tag}” đứng trong khối “{block}” chưa đóng (thiếu “{{% end{block} %}}” trước nó)",
        ),
        (
            r"Encountered unknown tag '(?P<tag>else|elif)'\.",
            "thẻ “{tag}” không nằm trong khối “if” hay “for” nào",
        ),
        (
            r"Encountered unknown tag 'end(?P<block>\w+)'\.",
            "thẻ “end{block}” không có “{block}” mở trước nó",
        ),
        (
            r"Unexpected end of template\. .*"
            r"The innermost block that needs to be closed is '(?P<block>\w+)'\.",
            "mẫu kết thúc khi thẻ “{block}” chưa đóng (thiếu “{{% end{block} %}}”)",
        ),
        (
            r"unexpected end of template, expected '(?P<tok>.+)'\.",
            "mẫu kết thúc khi còn thiếu {tok}",
        ),
        (r"Expected an expression, got '(?P<tok>.+)'", "cần tên biến hay giá trị nhưng gặp {tok}"),
        (r"expected token 'name', got '(?P<tok>.+)'", "cần một tên (biến, bộ lọc) nhưng gặp {tok}"),
        (r"expected token '(?P<tok>.+)', got '(?P<tok2>.+)'", "cần {tok} nhưng gặp {tok2}"),
        (r"unexpected '(?P<tok>.+)', expected '(?P<tok2>.+)'", "gặp {tok} ở chỗ cần {tok2}"),
        (r"unexpected '(?P<tok>.+)'", "biểu thức chưa trọn: gặp {tok} không đúng chỗ"),
        (r"unexpected char (?:\"'\"|'\"') at \d+", "chuỗi chữ mở bằng dấu nháy chưa được đóng"),
        (r"unexpected char '(?P<char>.)' at \d+", "ký tự “{char}” không dùng được trong thẻ"),
        (r"expected name or number", "sau dấu chấm “.” cần một tên hay một số"),
        (r"tag name expected", "thẻ “{{% %}}” thiếu tên thẻ (for, if …)"),
        (r"Missing end of comment tag", "ghi chú “{{#” chưa được đóng bằng “#}}”"),
    )
)
_TOKENS = {
    "begin of print statement": "“{{”",
    "end of print statement": "“}}”",
    "begin of statement block": "“{%”",
    "end of statement block": "“%}”",
    "end of template": "cuối mẫu",
    "name": "một tên",
    "integer": "một số",
    "float": "một số",
    "string": "một chuỗi chữ",
}


def jinja_message_vi(message: str) -> str:
    """Return Jinja's syntax error `message` in Vietnamese; one no pattern knows comes out as
    `lỗi cú pháp Jinja (<message>)`."""
    for pattern, vietnamese in _JINJA_MESSAGES:
        if match := pattern.fullmatch(message.strip()):
            fields = {
                name: _TOKENS.get(value, f"“{value}”") if name.startswith("tok") else value
                for name, value in match.groupdict().items()
            }
            return vietnamese.format(**fields)
    return f"lỗi cú pháp Jinja ({message})"


def error_message_vi(exc: jinja2.TemplateError) -> str:
    """Return what went wrong while a template was compiled or rendered, in Vietnamese: an
    undefined variable or attribute, a syntax error (jinja_message_vi), else Jinja's message."""
    message = exc.message or str(exc)
    if match := re.fullmatch(r"'([^']+)' is undefined", message):
        return f"biến “{match[1]}” không có trong dữ liệu của văn bản"
    if match := re.fullmatch(r"'(.+)' has no attribute '([^']+)'", message):
        return f"“{match[1]}” không có thuộc tính “{match[2]}”"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return jinja_message_vi(message)
    return f"lỗi khi điền mẫu: {message}"
