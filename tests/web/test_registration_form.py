"""The registration form on the web: a clerk fills in and saves their unit's registration,
refusals shown at the field or row with nothing stored lost, the Excel sheet, the letter, the
province's overview, and who may do what."""

from __future__ import annotations

import io
from typing import Any

import docx
import openpyxl
import pytest

from service.documents.lint import lint_docx
from service.store import db
from service.store import repository as repo

FORM = "/registrations/{}/2024/"


@pytest.fixture
def home(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path))
    return tmp_path


def stored(app, unit: str = "SNV", year: int = 2024):  # type: ignore[no-untyped-def]
    with db.transaction(app.config["DATABASE_URL"]) as session:
        return repo.registration(session, unit, year)


def posted(token: str, action: str, **fields: Any) -> dict[str, Any]:
    """Returns form data: `rows` as (person, full_name, position, title, award) tuples at the
    given indexes (gaps allowed, as the page's script leaves them), `commitments` a list."""
    data: dict[str, Any] = {"csrf_token": token, "action": action,
                            "collective_titles": fields.pop("collective_titles", ["TTLDXS"]),
                            "signer_name": "Lù Văn Pánh", "signer_title": "Giám đốc",
                            "signer_authority": "", "signer_on_behalf": "", "date": ""}
    for index, row in fields.pop("rows", {0: ("P0010", "", "", "LDTT", "")}).items():
        for name, value in zip(("person", "full_name", "position", "title", "award"), row):
            data[f"individuals-{index}-{name}"] = value
    for index, text in enumerate(fields.pop("commitments", ["Hoàn thành xuất sắc nhiệm vụ."])):
        data[f"commitments-{index}"] = text
    return data | fields


def test_the_clerk_opens_their_units_form(client, login) -> None:
    login("vanthu.snv")
    response = client.get(FORM.format("SNV"))
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<h1>Đăng ký thi đua năm 2024</h1>" in html and "Sở Nội vụ" in html
    assert 'data-position="Phó Giám đốc"' in html  # the staff picker fills Chức vụ
    assert 'value="Bùi Thị Ánh"' in html  # the stored rows
    assert "registration-form.js" in html and "<script>" not in html  # no inline script
    assert "Tải công văn (.docx)" in html
    index = client.get("/registrations/?year=2024").get_data(as_text=True)
    assert 'href="/registrations/SNV/2024/"' in index


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_clerk_may_not_open_another_units_form(client, login, method: str) -> None:
    login("vanthu.snv")
    token = login.token(FORM.format("SNV"))
    for path in (FORM.format("SYT"), "/registrations/SYT/2024/cong-van.docx",
                 "/registrations/tinh", "/registrations/tinh/2024/tong-hop.xlsx"):
        response = getattr(client, method)(path, data=posted(token, "draft"))
        assert response.status_code in (403, 405), path
        if response.status_code == 403:
            assert "Không có quyền truy cập" in response.get_data(as_text=True)
    assert client.get(FORM.format("SYT")).status_code == 403


def test_a_viewer_may_not_open_a_form_and_the_admin_may_open_any(client, login) -> None:
    login("xem")
    assert client.get(FORM.format("SNV")).status_code == 403
    login.logout()
    login("admin")
    assert client.get(FORM.format("SYT")).status_code == 200


def test_a_draft_survives_a_reload(app, client, login) -> None:
    login("vanthu.snv")
    token = login.token(FORM.format("SNV"))
    data = posted(token, "draft", rows={0: ("P0010", "", "", "LDTT", ""),
                                        3: ("", "Nguyễn  Thị Thử", "Kế toán", "CSTDCS", "GK"),
                                        5: ("", "", "", "", "")},
                  commitments=["Cam kết một.", "", "Cam kết hai."])
    response = client.post(FORM.format("SNV"), data=data)
    assert response.status_code == 302
    reg = stored(app)
    assert reg.status == "draft" and [e.full_name for e in reg.individuals] == [
        "Vũ Xuân Hùng", "Nguyễn Thị Thử"]
    assert reg.commitments == ["Cam kết một.", "Cam kết hai."]
    html = client.get(FORM.format("SNV")).get_data(as_text=True)
    assert "Đã lưu nháp" in html and "Đang soạn" in html
    assert 'value="Nguyễn Thị Thử"' in html and "Cam kết hai." in html
    assert "Tải công văn (.docx)" not in html  # a draft has no letter yet


def test_a_refused_submission_shows_what_was_typed_with_the_errors(app, client, login) -> None:
    login("vanthu.snv")
    before = stored(app)
    token = login.token(FORM.format("SNV"))
    data = posted(token, "submit", collective_titles=["LDTT"],
                  rows={0: ("P0010", "", "", "LDTT", ""),
                        1: ("", "Người Khách", "Chuyên viên", "TTLDTT", ""),
                        2: ("P0010", "", "", "CSTDCS", "")})
    response = client.post(FORM.format("SNV"), data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Chưa lưu được: có 3 lỗi" in html
    assert "“Lao động tiên tiến” là danh hiệu cá nhân, không dùng cho tập thể" in html
    assert "“Tập thể lao động tiên tiến” là danh hiệu tập thể, không dùng cho cá nhân" in html
    assert "“Vũ Xuân Hùng” được đăng ký hai lần: dòng 1 và dòng 3" in html
    assert 'value="Người Khách"' in html  # what was typed is there to correct
    assert html.count('class="person-row has-error"') == 2
    assert stored(app) == before


def test_an_empty_list_is_refused(app, client, login) -> None:
    login("vanthu.snv")
    token = login.token(FORM.format("SNV"))
    response = client.post(FORM.format("SNV"), data=posted(token, "submit", collective_titles=[],
                                                           rows={}))
    assert response.status_code == 422
    assert "Danh sách đăng ký trống" in response.get_data(as_text=True)
    assert stored(app).status == "submitted"


def sheet(*rows: tuple[object, ...]) -> io.BytesIO:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Họ và tên", "Chức vụ", "Danh hiệu đăng ký", "Hình thức khen thưởng"])
    for row in rows:
        ws.append(list(row))
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    return buffer


def test_an_excel_sheet_fills_the_rows_without_saving(app, client, login) -> None:
    login("vanthu.snv")
    before = stored(app)
    token = login.token(FORM.format("SNV"))
    data = posted(token, "import", sheet=(sheet(("Vũ Xuân Hùng", "", "Lao động tiên tiến", ""),
                                                ("Lò Văn Mới", "Kế toán", "CSTDCS", "GK")),
                                          "ds.xlsx"))
    html = client.post(FORM.format("SNV"), data=data,
                       content_type="multipart/form-data").get_data(as_text=True)
    assert "Đã nạp 2 cá nhân từ tệp “ds.xlsx”" in html
    assert 'value="Lò Văn Mới"' in html and 'value="Bùi Thị Ánh"' not in html
    assert stored(app) == before


def test_an_excel_row_without_a_name_is_refused_by_its_row_number(app, client, login) -> None:
    login("vanthu.snv")
    token = login.token(FORM.format("SNV"))
    data = posted(token, "import", sheet=(sheet(("Vũ Xuân Hùng", "", "LDTT", ""),
                                                ("", "Kế toán", "LDTT", "")), "ds.xlsx"))
    response = client.post(FORM.format("SNV"), data=data, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "tệp ds.xlsx, dòng 3, trường “Họ và tên”: thiếu họ và tên" in response.get_data(
        as_text=True)


def test_the_sample_sheet_is_downloaded(client, login) -> None:
    login("vanthu.snv")
    response = client.get("/registrations/SNV/2024/mau-danh-sach.xlsx")
    assert response.status_code == 200
    wb = openpyxl.load_workbook(io.BytesIO(response.data))
    assert wb.active["A1"].value == "DANH SÁCH CÁ NHÂN ĐĂNG KÝ THI ĐUA"


def test_the_letter_is_downloaded_and_listed_in_the_register(client, login, home) -> None:
    login("vanthu.snv")
    response = client.get("/registrations/SNV/2024/cong-van.docx")
    assert response.status_code == 200
    assert "01-dang-ky-thi-dua-nam-2024-snv.docx" in response.headers["Content-Disposition"]
    assert lint_docx(response.data) == []
    names = [r.cells[1].text for r in docx.Document(io.BytesIO(response.data)).tables[-1].rows]
    assert "Lù Văn Pánh" in names
    register = client.get("/register/?year=2024").get_data(as_text=True)
    assert "01/SNV-VP" in register and "Đăng ký thi đua năm 2024" in register


def test_a_drafts_letter_is_refused_with_a_message(client, login, home) -> None:
    login("vanthu.snv")
    token = login.token(FORM.format("SNV"))
    client.post(FORM.format("SNV"), data=posted(token, "draft"))
    response = client.get("/registrations/SNV/2024/cong-van.docx", follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "Chưa tạo được công văn đăng ký: trường “trạng thái”: " in html
    assert "“status”" not in html


def test_a_failed_pdf_is_told_without_the_server_path(client, login, monkeypatch) -> None:
    from service.documents.pdf import PdfError
    from service.jobs import registrations

    def letter(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        reason = PdfError("LibreOffice không chạy")
        raise PdfError(f"Đã tạo tệp Word /srv/outputs/01-x.docx (số 01). {reason}") from reason

    monkeypatch.setattr(registrations, "letter", letter)
    login("vanthu.snv")
    html = client.get("/registrations/SNV/2024/cong-van.pdf",
                      follow_redirects=True).get_data(as_text=True)
    assert "Đã tạo tệp .docx nhưng chưa tạo được PDF: LibreOffice không chạy" in html
    assert "/srv/outputs" not in html


def test_the_province_sees_who_has_registered_and_gets_the_consolidated_list(
        app, client, login, home) -> None:
    login("vanthu.snv")
    token = login.token(FORM.format("SNV"))
    client.post(FORM.format("SNV"), data=posted(token, "draft"))
    login.logout()
    login("admin")
    html = client.get("/registrations/tinh?year=2024").get_data(as_text=True)
    assert "21/22</strong> đơn vị đã gửi đăng ký" in html
    # every unit counted, each with its place in the tree
    assert '<td class="level">Cấp xã, thuộc UBND huyện Mai Sơn</td>' in html
    assert '<td class="level">Thuộc Sở Nội vụ</td>' in html
    assert html.count('class="badge badge-draft"') == 1
    assert 'action="/batches/registrations"' in html  # the batch button
    xlsx = client.get("/registrations/tinh/2024/tong-hop.xlsx")
    assert xlsx.status_code == 200 and xlsx.data[:2] == b"PK"
    report = client.get("/registrations/tinh/2024/tong-hop.docx")
    assert report.status_code == 200 and lint_docx(report.data) == []
    texts = [p.text for p in docx.Document(io.BytesIO(report.data)).paragraphs]
    assert "BÁO CÁO" in texts


def test_the_letter_as_pdf(client, login, home) -> None:
    login("vanthu.snv")
    response = client.get("/registrations/SNV/2024/cong-van.pdf")
    assert response.status_code == 200 and response.data[:5] == b"%PDF-"
    assert response.headers["Content-Type"] == "application/pdf"
