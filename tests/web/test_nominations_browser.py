"""One real browser through the nomination flow: a clerk proposes a nominee, reads the verdict
criterion by criterion, writes the achievement report and records the council's vote."""

from __future__ import annotations

from pathlib import Path


def test_a_clerk_proposes_reports_and_records_the_vote(
    live_server: str, browser_page, tmp_path: Path
) -> None:
    page = browser_page
    page.goto(f"{live_server}/login")
    page.fill("input[name=username]", "vanthu.snv")
    page.fill("input[name=password]", "mat-khau-thu-2024")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server}/units/")

    page.click("nav.menu >> text=Đề nghị khen thưởng")
    assert "Đề nghị khen thưởng năm 2024" in page.locator("h1").inner_text()
    assert page.locator("table.nominations tbody tr").count() == 3
    page.click("text=Đề nghị mới")
    page.select_option("select[name=person]", label="Lù Văn Pánh — Giám đốc")
    page.select_option("select[name=honour]", label="Lao động tiên tiến")
    page.fill("textarea[name=summary]", "Lãnh đạo đơn vị hoàn thành tốt nhiệm vụ năm 2024.")
    page.click("text=Lưu và xét điều kiện")
    page.wait_for_url(f"{live_server}/nominations/DN2024-031")

    verdict = page.locator("section.verdict")
    assert "Đủ điều kiện" in verdict.locator(".verdict-head").inner_text()
    text = verdict.inner_text()
    for words in ("Không đang trong thời gian xem xét kỷ luật", "Không bị kỷ luật",
                  "Điều 24 Luật Thi đua, khen thưởng 2022",
                  "Xếp loại năm 2024: Hoàn thành tốt nhiệm vụ"):
        assert words in text, words
    statuses = verdict.locator(".criterion .status").all_inner_texts()
    assert statuses and set(statuses) == {"Đạt"}
    page.screenshot(path=str(tmp_path / "verdict.png"), full_page=True)

    page.click("text=Sửa báo cáo thành tích")
    labels = page.locator("form label.field > span").all_inner_texts()
    assert labels == ["I. Sơ lược lý lịch", "II. Thành tích đạt được",
                      "III. Các hình thức khen thưởng đã được ghi nhận"]
    page.fill("textarea[name=text-0]", "Họ và tên: Lù Văn Pánh; chức vụ: Giám đốc Sở Nội vụ.")
    page.fill("textarea[name=text-1]", "Lãnh đạo Sở hoàn thành toàn bộ chỉ tiêu năm 2024.")
    page.click("text=Lưu báo cáo")
    page.wait_for_url(f"{live_server}/nominations/DN2024-031")
    report = page.locator("section.report-card").inner_text()
    assert "Lãnh đạo Sở hoàn thành toàn bộ chỉ tiêu năm 2024." in report
    assert "Chưa viết." in report  # the third section is still empty

    page.click("text=Biên bản họp hội đồng >> nth=0")
    assert "Biên bản họp Hội đồng Thi đua - Khen thưởng" in page.locator("h1").inner_text()
    page.fill("input[name=votes-DN2024-031]", "5")
    page.fill("input[name=votes-DN2024-014]", "7")
    page.click("text=Lưu biên bản")
    page.wait_for_selector("text=Đã lưu biên bản họp hội đồng thi đua, khen thưởng.")
    rows = {row.locator("td").first.inner_text(): row.inner_text()
            for row in page.locator("table.votes tbody tr").all()}
    assert "5/9 thành viên đồng ý (55,6%)" in rows["DN2024-031"]
    assert "Không đạt" not in rows["DN2024-031"]
    assert "Không đạt: 7/9 thành viên đồng ý (77,8%)" in rows["DN2024-014"]
    page.screenshot(path=str(tmp_path / "council.png"), full_page=True)
    assert (tmp_path / "council.png").read_bytes()[:4] == b"\x89PNG"
