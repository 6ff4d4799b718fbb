"""Specs for pictures in rendered documents: a PNG context value drawn where its variable
stands, its image part added after rendering, on both render paths."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import docx
import pytest

from service.documents import layout, page
from service.documents.pictures import Picture, embed_pictures, pictures_in, png_size
from service.documents.render import render_docx, render_docx_plain


def png(width: int, height: int) -> bytes:
    """A white RGB PNG of the given size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff" * (3 * width) for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def template(tmp_path):  # type: ignore[no-untyped-def]
    doc = page.new_document("Thử ảnh")
    layout.add_paragraph(doc, "Trước ảnh")
    layout.add_paragraph(doc, "{{ chart }}")
    layout.add_paragraph(doc, "{{ caption }}")
    path = tmp_path / "anh.docx"
    doc.save(str(path))
    return path


def test_png_size_reads_the_header_and_refuses_other_data():
    assert png_size(png(40, 10)) == (40, 10)
    with pytest.raises(ValueError):
        png_size(b"GIF89a" + b"\x00" * 30)


@pytest.mark.parametrize(
    ("width", "cap", "expected"),
    [
        (160, None, (160.0, 40.0)),  # the image's proportions
        (160, 20, (80.0, 20.0)),  # capped in height: narrower
        (160, 100, (160.0, 40.0)),  # cap not reached
    ],
)
def test_a_picture_keeps_its_proportions(width, cap, expected):
    picture = Picture(png(400, 100), width, max_height_mm=cap)
    assert (picture.width_mm, picture.height_mm) == pytest.approx(expected)


def test_pictures_are_found_at_the_top_of_the_context_once_each():
    one, two = Picture(png(2, 1), 10), Picture(png(3, 1), 10)
    again = Picture(png(2, 1), 20)
    found = pictures_in(
        {"a": one, "b": [two, again], "c": "x", "d": {"deep": Picture(png(4, 1), 5)}}
    )
    assert found == [one, two]


def test_without_pictures_the_document_is_unchanged():
    assert embed_pictures(b"not even a zip", []) == b"not even a zip"


@pytest.mark.parametrize("render", [render_docx, render_docx_plain])
def test_a_picture_is_drawn_where_its_variable_stands(template, render):
    picture = Picture(png(300, 100), 120, description="Biểu đồ thử")
    data = render(template, {"chart": picture, "caption": "Biểu đồ 1. Thử"})
    document = docx.Document(io.BytesIO(data))
    (shape,) = document.inline_shapes
    assert round(shape.width.mm) == 120 and round(shape.height.mm) == 40
    texts = [p.text for p in document.paragraphs]
    assert texts == ["Trước ảnh", "", "Biểu đồ 1. Thử"]
    assert document.paragraphs[1]._p.xpath(".//w:drawing")  # the picture's paragraph
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert package.read(f"word/{picture.target}") == picture.data
        types = package.read("[Content_Types].xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
    assert 'Extension="png"' in types
    assert picture.rel_id in rels and picture.target in rels
