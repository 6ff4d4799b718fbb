"""The nominations pages through the test client: verdicts in the list, a proposal and its
verdict at once, the report, the council's vote, the dossier; who may see and change what; CSRF."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from service.domain.errors import RecordError
from service.store import db
from service.store.repository import load_all

REFUSED = "Biểu mẫu không hợp lệ"


def _page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


def test_the_list_shows_each_verdict(client, login) -> None:
    login("admin")
    html = _page(client, "/nominations/?year=2024")
    assert html.count("Đủ điều kiện") >= 19
    assert "Không đủ điều kiện" in html and "Chưa đủ dữ liệu" in html
    assert 'href="/nominations/DN2024-003"' in html


def test_a_clerk_sees_only_their_unit(client, login) -> None:
    login("vanthu.snv")
    html = _page(client, "/nominations/")
    assert "DN2024-014" in html and "DN2024-022" in html
    assert "DN2024-001" not in html
    assert client.get("/nominations/DN2024-001").status_code == 403
    assert client.get("/nominations/DN2024-001/report").status_code == 403
    assert client.get("/nominations/council?unit=SYT").status_code == 403
    assert client.get("/nominations/dossier?unit=SYT").status_code == 403
    assert client.get("/nominations/new?unit=SYT").status_code == 403


def _propose(client, login, person: str = "P0013", honour: str = "CSTDCS"):
    token = login.token("/nominations/new?kind=individual")
    return client.post("/nominations/new?kind=individual&year=2024", data={
        "csrf_token": token, "person": person, "honour": honour, "summary": "Tham mưu tốt.",
    }, follow_redirects=True)


def test_a_clerk_proposes_and_sees_the_verdict_at_once(client, login) -> None:
    login("vanthu.snv")
    html = _page(client, "/nominations/new")
    assert "Lù Văn Tuấn" in html and "Cầm Thị Ánh" not in html  # only the unit's staff
    assert "Chiến sĩ thi đua cơ sở" in html and "Tập thể lao động xuất sắc" not in html
    response = _propose(client, login)
    html = response.get_data(as_text=True)
    assert response.request.path == "/nominations/DN2024-031"
    assert "Đã lưu đề nghị DN2024-031" in html
    assert "Không đủ điều kiện" in html
    for words in ("Đạt tiêu chuẩn Lao động tiên tiến", "Có một trong các thành tích của Chiến sĩ "
                  "thi đua cơ sở", "Điều 23 Luật Thi đua, khen thưởng 2022", "Không đạt",
                  "Xếp loại năm 2024: Hoàn thành tốt nhiệm vụ"):
        assert words in html, words


def test_collective_and_household_forms_offer_their_honours(client, login) -> None:
    login("vanthu.snv")
    collective = _page(client, "/nominations/new?kind=collective")
    assert "Ban Thi đua - Khen thưởng" in collective and "Tập thể lao động xuất sắc" in collective
    assert "Chiến sĩ thi đua cơ sở" not in collective
    household = _page(client, "/nominations/new?kind=household")
    assert 'name="household"' in household and "Lao động tiên tiến" not in household


@pytest.mark.parametrize(
    ("person", "honour", "words"),
    [
        ("P0031", "LDTT", "không thuộc đơn vị đề nghị"),
        ("P0014", "CSTDCS", "đã được đề nghị Chiến sĩ thi đua cơ sở năm 2024"),
        ("", "LDTT", "chọn cán bộ được đề nghị"),
        ("P0013", "TTLDXS", "Tập thể lao động xuất sắc không dành cho đối tượng này"),
    ],
)
def test_a_wrong_proposal_is_refused_in_vietnamese(client, login, example_db, person, honour,
                                                   words) -> None:
    login("vanthu.snv")
    response = _propose(client, login, person, honour)
    html = response.get_data(as_text=True)
    assert response.request.path == "/nominations/new"
    assert "Chưa lưu được" in html and words in html
    with db.transaction(example_db) as session:
        assert len(load_all(session, "nominations")) == 30


def test_an_admin_picks_the_unit_first(client, login) -> None:
    login("admin")
    html = _page(client, "/nominations/new")
    assert "Chọn đơn vị" in html and 'name="unit"' in html
    html = _page(client, "/nominations/new?unit=SYT&kind=individual")
    assert "Cầm Thị Ánh" in html


def test_a_viewer_reads_but_changes_nothing(client, login) -> None:
    login("xem")
    html = _page(client, "/nominations/DN2024-014")
    assert "Kết quả xét điều kiện" in html and "Sửa báo cáo thành tích" not in html
    council = _page(client, "/nominations/council?unit=SNV")
    assert "Kết quả bỏ phiếu" in council and "Lưu biên bản" not in council
    assert client.get("/nominations/new?unit=SNV").status_code == 403
    assert client.get("/nominations/DN2024-014/report").status_code == 403
    token = login.token("/units/")
    assert client.post("/nominations/new?unit=SNV", data={"csrf_token": token}).status_code == 403


@pytest.mark.parametrize(
    "path",
    ["/nominations/new?kind=individual", "/nominations/DN2024-014/report",
     "/nominations/council?unit=SNV", "/nominations/dossier?unit=SNV"],
)
def test_every_form_needs_its_csrf_token(client, login, example_db, path) -> None:
    login("vanthu.snv")
    html = _page(client, path)
    assert html.count('<form method="post"') <= html.count('name="csrf_token"')
    response = client.post(path, data={"person": "P0013", "honour": "LDTT", "count": "0"})
    assert response.status_code == 400
    assert REFUSED in response.get_data(as_text=True)
    with db.transaction(example_db) as session:
        assert len(load_all(session, "nominations")) == 30


def test_the_report_form_round_trip(client, login, example_db) -> None:
    login("vanthu.snv")
    html = _page(client, "/nominations/DN2024-015/report")
    assert "I. Sơ lược lý lịch" in html and "Các hình thức khen thưởng đã được ghi nhận" in html
    token = login.token("/nominations/DN2024-015/report")
    response = client.post("/nominations/DN2024-015/report", data={
        "csrf_token": token, "count": "3",
        "heading-0": "Sơ lược lý lịch", "text-0": "Họ và tên: Đỗ Văn Đạt.",
        "heading-1": "Thành tích đạt được", "text-1": "Hoàn thành tốt nhiệm vụ năm 2024.",
        "heading-2": "Các hình thức khen thưởng đã được ghi nhận", "text-2": "",
    }, follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "Đã lưu báo cáo thành tích." in html
    assert "Hoàn thành tốt nhiệm vụ năm 2024." in html
    with db.transaction(example_db) as session:
        saved = load_all(session, "nominations", code="DN2024-015")[0]
    assert [s.heading for s in saved.report] == ["Sơ lược lý lịch", "Thành tích đạt được"]


def _council_form(**changes: str) -> dict[str, str]:
    return {
        "date": "09/12/2024", "place": "Phòng họp Sở Nội vụ", "members_total": "5",
        "present": "Lù Văn Pánh\nVũ Xuân Hùng\nHà Đức Ngoan\nĐỗ Duy Nghĩa\n",
        "absent": "Bùi Thị Ánh", "chair": "Lù Văn Pánh", "secretary": "Đỗ Duy Nghĩa",
        "votes-DN2024-014": "3", "votes-DN2024-015": "3", "votes-DN2024-022": "5",
    } | changes


def test_the_council_form_shows_who_passes_and_why_not(client, login) -> None:
    login("vanthu.snv")
    html = _page(client, "/nominations/council")
    assert "Lù Văn Pánh" in html and 'value="9"' in html  # the recorded minutes, ready to edit
    token = login.token("/nominations/council")
    response = client.post("/nominations/council?unit=SNV&year=2024",
                           data={"csrf_token": token, **_council_form()}, follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "Đã lưu biên bản họp hội đồng" in html
    assert ("Không đạt: 3/5 thành viên đồng ý (60%), trong khi Chiến sĩ thi đua cơ sở cần ít "
            "nhất 80% tổng số thành viên hội đồng") in html
    assert "5/5 thành viên đồng ý (100%)" in html


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"votes-DN2024-014": "6"}, "lớn hơn tổng số thành viên hội đồng (5)"),
        ({"members_total": "7"}, "hội đồng có 7 thành viên nhưng danh sách có mặt (4)"),
        ({"date": "31/02/2024"}, "không có thật"),
        ({"votes-DN2024-014": "ba"}, "phải là số nguyên"),
        ({"secretary": "Người lạ"}, "Người lạ phải có tên trong danh sách thành viên có mặt"),
    ],
)
def test_a_wrong_council_is_refused_in_vietnamese(client, login, example_db, changes,
                                                  words) -> None:
    login("vanthu.snv")
    token = login.token("/nominations/council")
    response = client.post("/nominations/council?unit=SNV&year=2024",
                           data={"csrf_token": token, **_council_form(**changes)})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Chưa lưu được" in html and words in html
    with db.transaction(example_db) as session:
        kept = [v for v in load_all(session, "council_votes") if v.unit == "SNV"][0]
    assert kept.members_total == 9


def test_the_dossier_page_keeps_out_the_nominee_short_of_the_vote(client, login) -> None:
    login("admin")
    html = _page(client, "/nominations/dossier?unit=SGDDT&year=2024")
    included, excluded = html.split("Không đưa vào hồ sơ")
    assert "Đưa vào hồ sơ (0)" in included and "DN2024-002" not in included
    assert "DN2024-002" in excluded
    assert "8/9 thành viên đồng ý (88,9%)" in excluded and "cần ít nhất 90%" in excluded


def test_the_dossier_page_takes_only_what_goes_up_as_the_dossier_does(client, login) -> None:
    # the same rule as the dossier job: Sở Nội vụ's own titles are its head's to confer
    login("admin")
    html = _page(client, "/nominations/dossier?unit=SNV&year=2024")
    included, excluded = html.split("Không đưa vào hồ sơ")
    assert "Đưa vào hồ sơ (1)" in included and "DN2024-022" in included
    assert "DN2024-014" not in included and "DN2024-015" not in included
    assert "Không đưa vào hồ sơ (2)" in html
    assert excluded.count("thuộc thẩm quyền Thủ trưởng đơn vị (Giám đốc Sở Nội vụ quyết "
                          "định), không trình cấp trên") == 2


def test_the_dossier_page_names_the_criteria_it_cannot_tell(client, login) -> None:
    login("admin")
    html = _page(client, "/nominations/dossier?unit=SNNPTNT&year=2024")
    assert "Đưa vào hồ sơ (1)" in html
    assert ("DN2024-004 Lò Văn Anh (Chiến sĩ thi đua cấp tỉnh): chưa đủ dữ liệu để xét điều "
            "kiện — chưa rõ tiêu chí “Có 03 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở”"
            ) in html


@pytest.fixture
def fake_dossier(monkeypatch, tmp_path: Path):
    """Stands in for service.jobs.dossier: records its calls, makes a zip or refuses."""
    calls: list[tuple] = []
    module = types.ModuleType("service.jobs.dossier")

    def build_dossier(unit_code, year, *, url=None, output_dir=None, pdf=True):
        calls.append((unit_code, year, pdf))
        if unit_code == "SGDDT":
            raise RecordError.one("thiếu báo cáo thành tích của DN2024-020", field="báo cáo")
        path = tmp_path / "ho-so.zip"
        path.write_bytes(b"PK\x05\x06" + b"\0" * 18)
        return types.SimpleNamespace(directory=tmp_path, parts=[], merged_pdf=None, zip_path=path)

    module.build_dossier = build_dossier  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "service.jobs.dossier", module)
    return calls


def test_make_the_dossier_downloads_the_zip(client, login, fake_dossier) -> None:
    login("vanthu.snv")
    token = login.token("/nominations/dossier")
    response = client.post("/nominations/dossier?unit=SNV&year=2024",
                           data={"csrf_token": token, "pdf": "1"})
    assert response.status_code == 200
    assert response.get_data().startswith(b"PK")
    response.close()
    assert response.mimetype == "application/zip"
    assert "ho-so-de-nghi-SNV-2024.zip" in response.headers["Content-Disposition"]
    assert fake_dossier == [("SNV", 2024, True)]


def test_a_dossier_that_cannot_be_made_says_why(client, login, fake_dossier) -> None:
    login("admin")
    token = login.token("/nominations/dossier?unit=SGDDT")
    response = client.post("/nominations/dossier?unit=SGDDT&year=2024",
                           data={"csrf_token": token})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "thiếu báo cáo thành tích của DN2024-020" in html
    assert fake_dossier == [("SGDDT", 2024, False)]
