"""Pictures in rendered documents: a PNG given as a context value, placed inline where its
variable stands, its image part added to the package after rendering."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
from collections.abc import Iterable, Mapping
from typing import Any
from xml.sax.saxutils import quoteattr

from lxml import etree

_EMU_PER_MM = 36000
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_RELS = "word/_rels/document.xml.rels"
_TYPES = "[Content_Types].xml"
_IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_PKG_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def png_size(data: bytes) -> tuple[int, int]:
    """Returns (width, height) in pixels of PNG `data`; ValueError when it is not a PNG."""
    if data[:8] != _PNG_SIGNATURE or data[12:16] != b"IHDR":
        raise ValueError("ảnh không phải định dạng PNG")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


class Picture:
    """A PNG shown inline at `width_mm` (its height follows the image's proportions, or is
    capped at `max_height_mm`, narrowing it). Put it in a template as `{{ name }}` alone in its
    paragraph; render_docx adds its image part. `description` is the alternative text."""

    __slots__ = ("data", "description", "digest", "height_mm", "width_mm")

    def __init__(
        self,
        data: bytes,
        width_mm: float,
        *,
        max_height_mm: float | None = None,
        description: str = "",
    ) -> None:
        pixels_wide, pixels_high = png_size(data)
        height = width_mm * pixels_high / pixels_wide
        if max_height_mm is not None and height > max_height_mm:
            width_mm, height = width_mm * max_height_mm / height, max_height_mm
        self.data = data
        self.width_mm = width_mm
        self.height_mm = height
        self.description = description
        self.digest = hashlib.sha256(data).hexdigest()

    @property
    def rel_id(self) -> str:
        return f"rIdPic{self.digest[:12]}"

    @property
    def target(self) -> str:
        """The image part's name relative to word/ (`media/pic-….png`)."""
        return f"media/pic-{self.digest[:16]}.png"

    def __html__(self) -> str:
        """Returns the WordprocessingML of the picture, closing and reopening the w:t element
        the variable stands in (Jinja's autoescape takes it as markup)."""
        cx, cy = round(self.width_mm * _EMU_PER_MM), round(self.height_mm * _EMU_PER_MM)
        shape_id = int(self.digest[:7], 16) + 1
        name = quoteattr(f"Hình {self.digest[:8]}")
        descr = quoteattr(self.description)
        return (
            f'</w:t><w:drawing><wp:inline xmlns:wp="{_WP}" distT="0" distB="0" distL="0" '
            f'distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" '
            f'b="0"/><wp:docPr id="{shape_id}" name={name} descr={descr}/>'
            f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{_A}" noChangeAspect="1"/>'
            f'</wp:cNvGraphicFramePr><a:graphic xmlns:a="{_A}"><a:graphicData uri="{_PIC}">'
            f'<pic:pic xmlns:pic="{_PIC}"><pic:nvPicPr><pic:cNvPr id="0" name={name}/>'
            f"<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>"
            f'<a:blip xmlns:r="{_R}" r:embed="{self.rel_id}"/><a:stretch><a:fillRect/>'
            f'</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
            f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
            f"</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>"
            f'</w:drawing><w:t xml:space="preserve">'
        )

    def __repr__(self) -> str:
        return f"Picture({self.width_mm:.1f} × {self.height_mm:.1f} mm, {self.digest[:8]})"


def pictures_in(context: Mapping[str, Any]) -> list[Picture]:
    """Returns the pictures of a context: its top-level values that are a Picture or a list of
    them (pictures deeper down are not looked for), each image once."""
    found: dict[str, Picture] = {}
    for value in context.values():
        items = value if isinstance(value, (list, tuple)) else (value,)
        for item in items:
            if isinstance(item, Picture):
                found.setdefault(item.digest, item)
    return list(found.values())


def embed_pictures(docx: bytes, pictures: Iterable[Picture]) -> bytes:
    """Returns `docx` with an image part and a relationship of the main document for each
    picture (the ids its drawing refers to); the other parts are copied unchanged."""
    pictures = list(pictures)
    if not pictures:
        return docx
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as package:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == _RELS:
                data = _with_relationships(data, pictures)
            elif info.filename == _TYPES:
                data = _with_png_type(data)
            package.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
        for picture in pictures:
            # PNG is compressed already: stored as it is
            info = zipfile.ZipInfo(f"word/{picture.target}", date_time=_FIXED_TIME)
            package.writestr(info, picture.data, compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


def _with_relationships(xml: bytes, pictures: list[Picture]) -> bytes:
    root = etree.fromstring(xml)
    have = {rel.get("Id") for rel in root}
    for picture in pictures:
        if picture.rel_id not in have:
            etree.SubElement(
                root,
                f"{{{_PKG_RELS}}}Relationship",
                Id=picture.rel_id,
                Type=_IMAGE_REL,
                Target=picture.target,
            )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _with_png_type(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    defaults = {d.get("Extension", "").lower() for d in root.iter(f"{{{_PKG_TYPES}}}Default")}
    if "png" in defaults:
        return xml
    root.insert(
        0, etree.Element(f"{{{_PKG_TYPES}}}Default", Extension="png", ContentType="image/png")
    )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
