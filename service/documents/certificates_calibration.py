"""A calibration page for a certificate blank: its boxes, mm rulers and marks, on plain paper."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..domain.certificate_layout import FIELD_LABELS, CertificateLayout, FieldBox
from .certificates import (
    baselines,
    draw_fitted,
    fit_text,
    font_name,
    new_canvas,
    number_vn,
)

MARK_INSET_MM = 20.0  # the crosshairs' centres, from the two nearest edges
_NOTE = (
    "Cách dùng:\n"
    "1. In trang này trên giấy trắng cùng khổ với phôi, bằng đúng máy in và khay "
    "giấy sẽ dùng để in bằng, cỡ in 100 % (tắt “Vừa trang / Fit to page”).\n"
    "2. Kiểm tra máy in: đo trên giấy, vạch 100 của thước phải cách mép giấy đúng 100 mm; tâm "
    "các dấu chữ thập cách hai mép gần nhất đúng {inset} mm.\n"
    "3. Đặt trang này chồng khít lên phôi, soi trước nguồn sáng (cửa sổ, đèn) và xem mỗi khung "
    "nét đứt có nằm đúng chỗ cần in trên phôi không; vạch ngắn bên phải khung là chân chữ khi "
    "in một dòng.\n"
    "4. Đo độ lệch bằng mm theo thước rồi sửa x (từ mép trái), y (từ mép trên), rộng, cao của "
    "ô trong mẫu phôi của đơn vị; in lại trang này để kiểm tra trước khi in lên phôi."
)


def calibration_page(layout: CertificateLayout) -> bytes:
    """Return a one-page PDF of the layout's sheet size showing each box as a dashed rectangle
    with its field name and coordinates, a mm ruler along the top and left edges (a tick every
    5 mm, a number every 10 mm), crosshairs near the corners and how to use the page."""
    canvas, out = new_canvas(layout, f"Trang căn chỉnh — {layout.name}")
    width, height = layout.width_mm, layout.height_mm
    _rulers(canvas, width, height)
    for x in (MARK_INSET_MM, width - MARK_INSET_MM):
        for y in (MARK_INSET_MM, height - MARK_INSET_MM):
            _crosshair(canvas, x, height - y)
    for key, box in layout.fields.items():
        _box(canvas, key, box, height)
    _note(canvas, layout)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _rulers(canvas: Canvas, width: float, height: float) -> None:
    """Ticks from the paper's edge, so what the printer cuts off is visible on the page."""
    canvas.setLineWidth(0.4)
    canvas.setFont(font_name(), 6.5)
    for at in range(5, int(width) + 1, 5):
        length = 7 if at % 10 == 0 else 4
        canvas.line(at * mm, height * mm, at * mm, (height - length) * mm)
        if at % 10 == 0:
            canvas.drawCentredString(at * mm, (height - 10) * mm, str(at))
    for at in range(5, int(height) + 1, 5):
        length = 7 if at % 10 == 0 else 4
        canvas.line(0, (height - at) * mm, length * mm, (height - at) * mm)
        if at % 10 == 0 and at > 10:  # 10 is written by the top ruler, at the same spot
            canvas.drawString(8 * mm, (height - at) * mm - 2.3, str(at))


def _crosshair(canvas: Canvas, x_mm: float, y_up_mm: float) -> None:
    canvas.setLineWidth(0.3)
    arm = 6 * mm
    x, y = x_mm * mm, y_up_mm * mm
    canvas.line(x - arm, y, x + arm, y)
    canvas.line(x, y - arm, x, y + arm)
    canvas.circle(x, y, 2 * mm)


def _box(canvas: Canvas, key: str, box: FieldBox, page_height_mm: float) -> None:
    left, top = box.x_mm * mm, (page_height_mm - box.y_mm) * mm
    width, height = box.width_mm * mm, box.height_mm * mm
    canvas.setLineWidth(0.5)
    canvas.setDash(2 * mm, 1.2 * mm)
    canvas.rect(left, top - height, width, height)
    canvas.setDash()
    # where the baseline falls when the box holds one line at its full size
    (baseline,) = baselines(1, box.size_pt, box, page_height_mm)
    canvas.line(left + width - 5 * mm, baseline, left + width, baseline)
    canvas.setFont(font_name(bold=True), 7)
    canvas.drawString(left + 1 * mm, top - 3 * mm, f"{key} ({FIELD_LABELS[key]})")
    canvas.setFont(font_name(), 6)
    canvas.drawString(
        left + 1 * mm,
        top - 5.6 * mm,
        f"x {number_vn(box.x_mm)} · y {number_vn(box.y_mm)} · {number_vn(box.width_mm)} × "
        f"{number_vn(box.height_mm)} mm · {number_vn(box.size_pt)} pt",
    )


def _note(canvas: Canvas, layout: CertificateLayout) -> None:
    title = FieldBox(30, 22, layout.width_mm - 60, 8, 12, bold=True)
    size = f"{number_vn(layout.width_mm)} × {number_vn(layout.height_mm)} mm"
    title_text = f"TRANG CĂN CHỈNH VỊ TRÍ IN — {layout.name} — khổ {size}"
    note = FieldBox(30, 31, layout.width_mm - 60, 40, 9.5, align="left")
    for box, text in ((title, title_text), (note, _NOTE.format(inset=number_vn(MARK_INSET_MM)))):
        fitted = fit_text(text, box)
        if fitted is not None:  # a sheet too narrow for the note still gets its boxes
            draw_fitted(canvas, fitted, box, layout.height_mm)
