"""The certificates pages: the admin downloads a decision's certificates; a unit's layout is
edited (round trip), refused in Vietnamese, reset; the calibration page; who may do what."""

from __future__ import annotations

import io
import zipfile

from pypdf import PdfReader

from service.domain.certificate_layout import DEFAULT_LAYOUTS, FIELD_LABELS


def test_the_admin_lists_decisions_and_prints_one(client, login) -> None:
    login("admin")
    html = client.get("/certificates/?year=2024").get_data(as_text=True)
    assert "3215/QĐ-UBND" in html and "3216/QĐ-UBND" in html
    assert "Không in trên phôi" in html  # the titles' decision has no blank
    page = client.get("/certificates/decisions/QD2024-BKT").get_data(as_text=True)
    assert "Nguyễn Văn Anh" in page and "Hộ ông Lò Văn Pánh" in page
    merged = client.get("/certificates/decisions/QD2024-BKT/print/all?honour=BKT")
    assert merged.mimetype == "application/pdf"
    assert len(PdfReader(io.BytesIO(merged.data)).pages) == 7
    bundle = client.get("/certificates/decisions/QD2024-BKT/print/zip?first_number=5")
    assert bundle.mimetype == "application/zip"
    assert len(zipfile.ZipFile(io.BytesIO(bundle.data)).namelist()) == 8
    one = client.get("/certificates/decisions/QD2024-BKT/print/DN2024-006")
    text = PdfReader(io.BytesIO(one.data)).pages[0].extract_text()
    assert "Bà Lường Thị Ánh" in text
    assert client.get("/certificates/decisions/QD2024-BKT/print/DN2024-001").status_code == 404


def test_a_decision_without_blanks_says_why(client, login) -> None:
    login("admin")
    response = client.get("/certificates/decisions/QD2024-DHTD/print/all")
    assert response.status_code == 422
    assert "không có bằng khen, giấy khen in trên phôi" in response.get_data(as_text=True)


def test_a_clerk_prints_nothing_of_the_province_and_a_viewer_edits_nothing(client, login) -> None:
    login("vanthu.snv")
    assert client.get("/certificates/decisions/QD2024-BKT").status_code == 403
    assert client.get("/certificates/decisions/QD2024-BKT/print/all").status_code == 403
    assert client.get("/certificates/layouts/UBND-TINH/BKT").status_code == 403
    assert client.get("/certificates/layouts/SNV/GK").status_code == 200
    login.logout()
    login("xem")
    assert client.get("/certificates/layouts/SNV/GK").status_code == 403
    assert client.get("/certificates/decisions/QD2024-BKT").status_code == 403


def _form(token: str, **changes: str) -> dict[str, str]:
    """The layout form as the page posts it, from the default Giấy khen layout."""
    layout = DEFAULT_LAYOUTS["GK"]
    data = {"csrf_token": token, "name": layout.name, "width_mm": "297", "height_mm": "210",
            "salutation_with_name": "1"}
    for key in FIELD_LABELS:
        box = layout.fields.get(key)
        if box is None:
            continue
        data[f"{key}.on"] = "1"
        for name in ("x_mm", "y_mm", "width_mm", "height_mm", "size_pt"):
            data[f"{key}.{name}"] = f"{getattr(box, name):g}"
        for name in ("bold", "italic", "upper"):
            if getattr(box, name):
                data[f"{key}.{name}"] = "1"
        data[f"{key}.align"] = box.align
    return data | changes


def test_the_layout_edit_round_trip(client, login) -> None:
    login("vanthu.snv")
    path = "/certificates/layouts/SNV/GK"
    html = client.get(path).get_data(as_text=True)
    assert "đang dùng vị trí mặc định" in html and 'value="76"' in html
    token = login.token(path)
    response = client.post(path, data=_form(token, **{
        "name.y_mm": "80,5", "achievement.align": "left", "number.on": ""}),
        follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "Đã lưu vị trí các ô trên phôi." in html
    assert "vị trí riêng của đơn vị" in html
    assert 'name="name.y_mm" value="80,5"' in html
    assert 'name="number.on" value="1" aria-label="In ô Số vào sổ">' in html  # unticked now
    calibration = client.get(f"{path}/calibration.pdf")
    assert calibration.mimetype == "application/pdf"
    assert "80,5" in PdfReader(io.BytesIO(calibration.data)).pages[0].extract_text()
    token = login.token(path)
    response = client.post(f"{path}/reset", data={"csrf_token": token}, follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "Đã khôi phục vị trí mặc định" in html and 'name="name.y_mm" value="76"' in html


def test_a_wrong_layout_is_refused_in_vietnamese(client, login) -> None:
    login("vanthu.snv")
    path = "/certificates/layouts/SNV/GK"
    token = login.token(path)
    response = client.post(path, data=_form(token, **{
        "name.size_pt": "60", "achievement.x_mm": "mười", "signer_name.y_mm": "205"}))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Chưa lưu được" in html
    assert "cỡ chữ phải từ 8 đến 40 pt" in html
    assert "phải là số" in html
    assert "nằm ngoài trang" in html
    assert html.count('class="has-error"') == 3
    assert 'name="achievement.x_mm" value="mười"' in html  # what was typed stays to correct
    assert "đang dùng vị trí mặc định" in client.get(path).get_data(as_text=True)


def test_layout_forms_need_their_csrf_token(client, login) -> None:
    login("vanthu.snv")
    assert client.post("/certificates/layouts/SNV/GK", data={"name": "x"}).status_code == 400
    assert client.post("/certificates/layouts/SNV/GK/reset").status_code == 400
