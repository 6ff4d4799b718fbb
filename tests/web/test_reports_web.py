"""The summary pages on the web: the admin edits targets and enters results (table or Excel,
a bad cell named by its place), a clerk writes their own unit's narrative, the report is made,
the batch is started from the page; who may do what, and CSRF."""

from __future__ import annotations

import io
import re

import docx
import pytest
from openpyxl import load_workbook

from service.documents.lint import lint_docx
from service.jobs import reports, targets

INDEX = "/reports/?year=2024"


@pytest.fixture
def home(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path))
    return tmp_path


def problems(html: str) -> list[str]:
    found = re.search(r'<ul class="problems">(.*?)</ul>', html, re.DOTALL)
    return (
        [
            re.sub(r"\s+", " ", li).strip()
            for li in re.findall(r"<li>(.*?)</li>", found.group(1), re.DOTALL)
        ]
        if found
        else []
    )


def test_the_admin_sees_the_year_the_actions_and_every_unit(client, login) -> None:
    login("admin")
    html = client.get(INDEX).get_data(as_text=True)
    assert "Chỉ thị năm 2024 có 32 chỉ số; đã có kết quả 30 chỉ số." in html
    assert 'href="/reports/2024/targets"' in html and 'href="/reports/2024/results"' in html
    assert 'action="/batches/summary"' in html  # the batch: every unit and the province
    assert html.count('href="/reports/2024/units/') == 22


def test_a_clerk_sees_only_their_unit_and_no_admin_actions(client, login) -> None:
    login("vanthu.snv")
    html = client.get(INDEX).get_data(as_text=True)
    assert re.findall(r'href="/reports/2024/units/([^"]+)"', html) == ["SNV"]
    assert 'action="/batches/summary"' not in html
    assert client.get("/reports/2024/targets").status_code == 403
    assert client.get("/reports/2024/results").status_code == 403


def test_the_results_table_refuses_a_bad_figure_and_keeps_what_was_typed(
    client, login, app
) -> None:
    login("admin")
    token = login.token("/reports/2024/results")
    response = client.post(
        "/reports/2024/results",
        data={"csrf_token": token, "a-1": "abc", "p-1": "5,91", "a-2": "57,1", "p-2": ""},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert problems(html) == [
        (
            "chỉ số 1 (Tốc độ tăng trưởng kinh tế (GRDP)), cột Thực hiện: “abc” không phải là số "
            "(viết kiểu Việt Nam, ví dụ 19.560 hoặc 7,06)"
        )
    ]
    assert 'name="a-1" value="abc"' in html and 'aria-invalid="true"' in html
    response = client.post(
        "/reports/2024/results",
        data={"csrf_token": token, "a-1": "7,2", "p-1": "5,91"},
        follow_redirects=True,
    )
    assert "Đã lưu kết quả của 1 chỉ số năm 2024." in response.get_data(as_text=True)
    lines = reports.result_lines(2024, app.config["DATABASE_URL"])
    assert (lines[0].achieved, lines[1].achieved) == ("7,2", "")


def test_the_sample_sheet_comes_back_and_a_bad_cell_is_named(client, login) -> None:
    login("admin")
    response = client.get("/reports/2024/results.xlsx")
    assert response.status_code == 200
    assert response.mimetype.endswith("spreadsheetml.sheet")
    wb = load_workbook(io.BytesIO(response.data))
    wb.active["E7"] = "abc"
    sheet = io.BytesIO()
    wb.save(sheet)
    token = login.token("/reports/2024/results")
    response = client.post(
        "/reports/2024/results/upload",
        data={"csrf_token": token, "sheet": (io.BytesIO(sheet.getvalue()), "ket-qua.xlsx")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert problems(response.get_data(as_text=True)) == [
        (
            "tệp ket-qua.xlsx: dòng 7, cột Thực hiện: “abc” không phải là số (viết kiểu Việt Nam, "
            "ví dụ 19.560 hoặc 7,06)"
        )
    ]
    wb.active["E7"] = "19.900"
    sheet = io.BytesIO()
    wb.save(sheet)
    response = client.post(
        "/reports/2024/results/upload",
        data={"csrf_token": token, "sheet": (io.BytesIO(sheet.getvalue()), "ket-qua.xlsx")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert "Đã nạp kết quả của 32 chỉ số từ tệp “ket-qua.xlsx”." in response.get_data(as_text=True)


def test_the_admin_edits_a_target_and_a_bad_plan_is_refused(client, login, app) -> None:
    login("admin")
    html = client.get("/reports/2024/targets").get_data(as_text=True)
    assert 'name="t-0-0-planned" value="7,5"' in html
    assert 'name="t-12-0-planned" value="06"' in html  # as printed
    token = login.token("/reports/2024/targets")
    data = {
        "csrf_token": token,
        "t-0-number": "1",
        "t-0-text": "Tốc độ tăng trưởng kinh tế 7,6%.",
        "t-0-0-code": "1",
        "t-0-0-name": "Tốc độ tăng trưởng kinh tế (GRDP)",
        "t-0-0-unit": "%",
        "t-0-0-planned": "7.6",
    }
    response = client.post("/reports/2024/targets", data=data)
    assert response.status_code == 422
    assert response.get_data(as_text=True).count('class="new-row"') == 2  # one per target
    assert problems(response.get_data(as_text=True)) == [
        (
            "chỉ tiêu 1, chỉ số 1, cột Kế hoạch: “7.6” không phải là số (viết kiểu Việt Nam, ví dụ "
            "19.560 hoặc 7,06)"
        )
    ]
    response = client.post(
        "/reports/2024/targets", data=data | {"t-0-0-planned": "7,6"}, follow_redirects=True
    )
    assert "Đã lưu 1 chỉ số của 1 chỉ tiêu năm 2024." in response.get_data(as_text=True)
    movement, _ = targets.load_targets(2024, app.config["DATABASE_URL"])
    assert [(i.code, i.planned) for _, i in movement.indicators()] == [("1", "7,6")]


def test_a_clerk_writes_their_units_narrative_but_not_anothers(client, login, app) -> None:
    login("vanthu.snv")
    token = login.token("/reports/2024/units/SNV")
    response = client.post(
        "/reports/2024/units/SNV",
        data={"csrf_token": token, "uu_diem": "Sở hoàn thành tốt nhiệm vụ.", "han_che": ""},
        follow_redirects=True,
    )
    assert "Đã lưu nội dung báo cáo tổng kết năm 2024 của Sở Nội vụ." in response.get_data(
        as_text=True
    )
    _, report = reports.unit_narrative(2024, "SNV", app.config["DATABASE_URL"])
    assert report.sections == {"uu_diem": "Sở hoàn thành tốt nhiệm vụ."}
    assert client.get("/reports/2024/units/SYT").status_code == 403
    assert (
        client.post(
            "/reports/2024/units/SYT", data={"csrf_token": token, "uu_diem": "x"}
        ).status_code
        == 403
    )


def test_a_viewer_reads_a_narrative_but_cannot_change_it(client, login) -> None:
    login("xem")
    html = client.get("/reports/2024/units/SNV").get_data(as_text=True)
    assert "readonly" in html and "Lưu nội dung" not in html
    token = login.token("/reports/2024/units/SNV")
    assert client.post("/reports/2024/units/SNV", data={"csrf_token": token}).status_code == 403


def test_a_post_without_the_csrf_token_is_refused(client, login) -> None:
    login("admin")
    assert client.post("/reports/2024/units/SNV", data={"uu_diem": "x"}).status_code == 400
    assert client.post("/reports/2024/results", data={"a-1": "7,1"}).status_code == 400


def test_the_clerk_downloads_their_units_report(client, login, home) -> None:
    login("vanthu.snv")
    token = login.token("/reports/2024/units/SNV")
    response = client.post("/reports/2024/units/SNV/document", data={"csrf_token": token})
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].endswith("tong-ket-2024-snv.docx")
    assert lint_docx(response.data) == []
    document = docx.Document(io.BytesIO(response.data))
    assert "Tổng kết công tác thi đua, khen thưởng năm 2024" in [
        p.text for p in document.paragraphs
    ]
    assert client.post("/reports/2024/document", data={"csrf_token": token}).status_code == 403


def test_a_refused_save_shows_each_blank_row_once_and_numbers_a_new_indicator(client, login):
    login("admin")
    html = client.get("/reports/2024/targets").get_data(as_text=True)
    blank_rows = html.count('class="new-row"')
    assert blank_rows == 24  # 23 targets and the new one, a blank row each
    token = login.token("/reports/2024/targets")
    # the page as the browser posts it: every field, the checkboxes only when checked
    fields = {k: v for k, v in re.findall(r'name="(t-[^"]+)" value="([^"]*)"', html)
              if not k.endswith(("-lower", "-delete"))}
    fields |= dict.fromkeys(re.findall(r'name="(t-[^"]+-lower)" value="1"[^>]* checked', html), "1")
    fields |= dict(re.findall(r'<textarea name="(t-[^"]+)"[^>]*>([^<]*)</textarea>', html))
    data = fields | {"csrf_token": token, "t-3-0-delete": "1",  # 4.1 goes
                     "t-3-3-name": "Chỉ số mới", "t-3-3-planned": "abc"}  # refused plan
    response = client.post("/reports/2024/targets", data=data)
    assert response.status_code == 422
    again = response.get_data(as_text=True)
    assert problems(again) == [
        "chỉ tiêu 4, chỉ số 4.4, cột Kế hoạch: “abc” không phải là số (viết kiểu Việt Nam, ví "
        "dụ 19.560 hoặc 7,06)"
    ]
    assert again.count('class="new-row"') == blank_rows + 1  # the typed row, and no others
    response = client.post(
        "/reports/2024/targets", data=data | {"t-3-3-planned": "50"}, follow_redirects=True
    )
    assert "Đã lưu 32 chỉ số của 23 chỉ tiêu năm 2024." in response.get_data(as_text=True)


def test_the_book_of_reports_is_downloaded_not_shown_as_a_path(client, login, home):
    from service.jobs.summary_batch import book_path

    login("admin")
    response = client.get("/reports/2024/book.pdf", follow_redirects=True)
    assert "Chưa có sổ báo cáo tổng kết năm 2024" in response.get_data(as_text=True)
    book = book_path(2024)
    book.parent.mkdir(parents=True)
    book.write_bytes(b"%PDF-1.7 book")
    assert 'href="/reports/2024/book.pdf"' in client.get(INDEX).get_data(as_text=True)
    response = client.get("/reports/2024/book.pdf")
    assert response.status_code == 200 and response.data == b"%PDF-1.7 book"
    assert response.headers["Content-Disposition"].endswith("so-tong-ket-2024.pdf")
    login.logout()
    login("xem")
    assert client.get("/reports/2024/book.pdf").status_code == 200
    login.logout()
    login("vanthu.snv")
    assert client.get("/reports/2024/book.pdf").status_code == 403
    assert 'href="/reports/2024/book.pdf"' not in client.get(INDEX).get_data(as_text=True)
