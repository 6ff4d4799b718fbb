"""Horizontal rules (đường kẻ) under header elements: drawn lines and borders, with their lengths."""

from __future__ import annotations

import re

from docx.oxml.ns import qn
from lxml import etree

from service.documents.lint_base import displayed
from service.documents.lint_props import Formats

WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
V_NS = "urn:schemas-microsoft-com:vml"
O_NS = "urn:schemas-microsoft-com:office:office"
EMU_PER_MM = 36000
THIN_MM = 1.0  # a shape no taller than this reads as a line
_LINE_SHAPES = {"line", "straightConnector1"}
_UNIT_MM = {
    "pt": 25.4 / 72,
    "in": 25.4,
    "cm": 10.0,
    "mm": 1.0,
    "px": 25.4 / 96,
    "pc": 25.4 / 6,
    "": 25.4 / 72,
}


def rule_lengths_mm(
    paragraphs: list[etree._Element], formats: Formats, width_mm: float
) -> list[float]:
    """Return the lengths in mm of the horizontal rules drawn in or under `paragraphs`.

    A rule is a line shape (DrawingML or VML) anchored in one of them, or a paragraph's bottom
    border, whose length is the available `width_mm` less the paragraph's left and right indents.
    """
    lengths: list[float] = []
    for p in paragraphs:
        lengths += _drawn_lines_mm(p)
        layout = formats.paragraph(p)
        if layout.bottom_border:
            lengths.append(width_mm - layout.left_mm - layout.right_mm)
    return lengths


def _drawn_lines_mm(p: etree._Element) -> list[float]:
    lengths: list[float] = []
    for drawing in p.iter(qn("w:drawing")):
        if not displayed(p, drawing):
            continue
        extent = next(drawing.iter(f"{{{WP_NS}}}extent"), None)
        if extent is None:
            continue
        cx, cy = int(extent.get("cx", "0")), int(extent.get("cy", "0"))
        shapes = {g.get("prst") for g in drawing.iter(f"{{{A_NS}}}prstGeom")}
        if shapes & _LINE_SHAPES or cy <= THIN_MM * EMU_PER_MM:
            lengths.append(cx / EMU_PER_MM)
    for pict in p.iter(qn("w:pict")):
        if displayed(p, pict):
            lengths += [length for shape in pict.iter() if (length := _vml_line_mm(shape))]
    return lengths


def _vml_line_mm(shape: etree._Element) -> float | None:
    """Return the length of a VML line, connector or thin shape; None for anything else."""
    if shape.tag == f"{{{V_NS}}}line":
        x1, _ = _point_mm(shape.get("from", "0,0"))
        x2, _ = _point_mm(shape.get("to", "0,0"))
        return abs(x2 - x1)
    if shape.tag not in (f"{{{V_NS}}}shape", f"{{{V_NS}}}rect"):
        return None
    items = (item.partition(":") for item in shape.get("style", "").split(";"))
    style = {key.strip().lower(): value.strip() for key, _, value in items}
    width, height = _length_mm(style.get("width", "0")), _length_mm(style.get("height", "0"))
    connector = shape.get("type", "").endswith("_x0000_t32") or shape.get(
        f"{{{O_NS}}}connectortype"
    )
    return width if width and (connector or height <= THIN_MM) else None


def _point_mm(value: str) -> tuple[float, float]:
    x, _, y = value.partition(",")
    return _length_mm(x), _length_mm(y)


def _length_mm(value: str) -> float:
    match = re.fullmatch(r"\s*(-?[\d.]+)\s*([a-z]*)\s*", value or "")
    if not match or match.group(2) not in _UNIT_MM:
        return 0.0
    return float(match.group(1)) * _UNIT_MM[match.group(2)]
