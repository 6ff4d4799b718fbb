"""Certificates as PDF: the names of those awarded, placed onto pre-printed blanks."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from ..domain.certificate_layout import FIELD_LABELS, CertificateLayout, FieldBox
from ..domain.errors import Problem, RecordError
from ..vnformat.text import nfc, upper_vn
from .certificates_data import CertificateData

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
_FACES = {
    (False, False): "LiberationSerif-Regular",
    (True, False): "LiberationSerif-Bold",
    (False, True): "LiberationSerif-Italic",
    (True, True): "LiberationSerif-BoldItalic",
}
# Liberation Serif's vertical metrics (usWinAscent 1825, usWinDescent 443, line gap 87 of 2048
# units, the same in all four faces): a line is 1.15 em, as Word's single spacing; the stacked
# diacritics of Vietnamese capitals (Ỗ: 1855) stay inside it.
ASCENT_EM, DESCENT_EM, LINE_EM = 1825 / 2048, 443 / 2048, (1825 + 443 + 87) / 2048
MIN_SCALE = 0.7  # a field is shrunk to 70 % of its size at most before it is refused
_STEP_PT = 0.5
_EPSILON = 1e-6


@cache
def font_name(bold: bool = False, italic: bool = False) -> str:
    """Return the registered reportlab name of a Liberation Serif face (embedded as a subset)."""
    name = _FACES[(bool(bold), bool(italic))]
    pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))
    return name


@dataclass(frozen=True)
class Fitted:
    """Text set in a box: the font size chosen and the lines it wraps into."""

    size_pt: float
    lines: tuple[str, ...]


def fit_text(text: str, box: FieldBox) -> Fitted | None:
    """Return the largest size (from the box's size down to 70 % of it, by 0.5 pt) at which
    `text`, wrapped at spaces and at its "\\n", fits the box's width and height; None if none
    does (a word wider than the box at the smallest size, or too many lines)."""
    text = upper_vn(text) if box.upper else nfc(text)
    font = font_name(box.bold, box.italic)
    width, height = box.width_mm * mm, box.height_mm * mm
    smallest = box.size_pt * MIN_SCALE
    size = box.size_pt
    while True:
        lines = _wrap(text, font, size, width)
        if lines is not None and len(lines) * LINE_EM * size <= height + _EPSILON:
            return Fitted(size, tuple(lines))
        if size <= smallest + _EPSILON:
            return None
        size = max(size - _STEP_PT, smallest)


def _wrap(text: str, font: str, size: float, width: float) -> list[str] | None:
    """Return `text` broken into lines no wider than `width` pt; None if a word alone is wider."""
    lines = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            if pdfmetrics.stringWidth(word, font, size) > width + _EPSILON:
                return None
            candidate = f"{line} {word}" if line else word
            if pdfmetrics.stringWidth(candidate, font, size) <= width + _EPSILON:
                line = candidate
            else:
                lines.append(line)
                line = word
        if line:
            lines.append(line)
    return lines


def field_text(data: CertificateData, key: str, layout: CertificateLayout) -> str:
    """Return what the layout's box `key` prints: the field, or `Ông Nguyễn Văn A` in the name
    box when the layout puts the salutation with the name."""
    if key == "name" and layout.salutation_with_name and data.salutation:
        return f"{data.salutation} {data.name}"
    return data.text(key)


def number_vn(value: float) -> str:
    """Return a measure to one decimal, the Vietnamese way: 12.0 → `12`, 10.5 → `10,5`."""
    return f"{round(value, 1):g}".replace(".", ",")


def _fit_all(data: CertificateData, layout: CertificateLayout) -> dict[str, Fitted]:
    """Return each non-empty field fitted into its box; RecordError naming every field that
    cannot fit and whose certificate it is."""
    fitted, problems = {}, []
    for key, box in layout.fields.items():
        text = field_text(data, key, layout)
        if not text.strip():
            continue
        result = fit_text(text, box)
        if result is None:
            problems.append(
                Problem(
                    f"“{FIELD_LABELS[key]}” trên bằng của “{data.name}” quá dài, không vừa "
                    f"ô {number_vn(box.width_mm)} × {number_vn(box.height_mm)} mm dù đã thu nhỏ "
                    f"chữ còn {number_vn(box.size_pt * MIN_SCALE)} pt. Hãy viết gọn lại hoặc nới "
                    f"rộng ô trong mẫu phôi “{layout.name}”.",
                    field=key,
                )
            )
        else:
            fitted[key] = result
    if problems:
        raise RecordError(problems)
    return fitted


def baselines(lines: int, size_pt: float, box: FieldBox, page_height_mm: float) -> list[float]:
    """Return the baseline heights, in pt from the bottom of the sheet, of `lines` lines at
    `size_pt` centred vertically in the box (each line's ascent and descent centred in it)."""
    leading = LINE_EM * size_pt
    gap_above = (leading - (ASCENT_EM + DESCENT_EM) * size_pt) / 2
    top = (page_height_mm - box.y_mm) * mm - (box.height_mm * mm - lines * leading) / 2
    return [top - i * leading - gap_above - ASCENT_EM * size_pt for i in range(lines)]


def draw_fitted(canvas: Canvas, fitted: Fitted, box: FieldBox, page_height_mm: float) -> None:
    """Draw the lines vertically centred in the box and aligned as the box says."""
    canvas.setFont(font_name(box.bold, box.italic), fitted.size_pt)
    left, right = box.x_mm * mm, (box.x_mm + box.width_mm) * mm
    heights = baselines(len(fitted.lines), fitted.size_pt, box, page_height_mm)
    for line, baseline in zip(fitted.lines, heights, strict=True):
        if box.align == "left":
            canvas.drawString(left, baseline, line)
        elif box.align == "right":
            canvas.drawRightString(right, baseline, line)
        else:
            canvas.drawCentredString((left + right) / 2, baseline, line)


def new_canvas(layout: CertificateLayout, title: str) -> tuple[Canvas, io.BytesIO]:
    """Return a canvas of the layout's sheet size writing into the returned buffer; output is
    the same bytes for the same input (no creation date)."""
    out = io.BytesIO()
    canvas = Canvas(
        out,
        pagesize=(layout.width_mm * mm, layout.height_mm * mm),
        invariant=True,
        initialFontName=font_name(),  # else reportlab lists Helvetica, not embedded
    )
    canvas.setTitle(title)
    canvas.setCreator("thidua")
    return canvas, out


def render_certificate(data: CertificateData, layout: CertificateLayout) -> bytes:
    """Return a one-page PDF with only the certificate's text (the blank is pre-printed), each
    field inside its box, in Liberation Serif (embedded). An empty field is left blank.

    Raises RecordError when a field cannot fit its box even at 70 % of its size.
    """
    fitted = _fit_all(data, layout)
    canvas, out = new_canvas(layout, data.name)
    for key, result in fitted.items():
        draw_fitted(canvas, result, layout.fields[key], layout.height_mm)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def render_certificates(
    items: Sequence[CertificateData], layout: CertificateLayout
) -> tuple[list[bytes], bytes]:
    """Return one PDF per certificate, in order, and one PDF of them all with a bookmark per
    person (titled with the name), to print the whole batch at once.

    Raises RecordError listing every field of every certificate that does not fit, or when
    `items` is empty.
    """
    if not items:
        raise RecordError.one("Không có bằng khen, giấy khen nào để in.")
    pdfs, problems = [], []
    for data in items:
        try:
            pdfs.append(render_certificate(data, layout))
        except RecordError as error:
            problems += error.problems
    if problems:
        raise RecordError(problems)
    writer = PdfWriter()
    for index, (data, pdf) in enumerate(zip(items, pdfs, strict=True)):
        writer.append(PdfReader(io.BytesIO(pdf)), import_outline=False)
        writer.add_outline_item(title=data.name, page_number=index)
    writer.add_metadata({"/Title": layout.name, "/Creator": "thidua"})
    merged = io.BytesIO()
    writer.write(merged)
    return pdfs, merged.getvalue()
