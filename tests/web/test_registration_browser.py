"""In a real browser (Chromium): the clerk of Sở Nội vụ fills in the unit's registration, with
rows added and removed by the page's script, sends it and downloads the letter."""

from __future__ import annotations

import io
import os
from pathlib import Path

import docx

from service.documents.lint import lint_docx


def _shot(page, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    # THIDUA_SHOTS keeps the pictures for a person to look at; otherwise they go with tmp_path
    folder = Path(os.environ.get("THIDUA_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def test_clerk_fills_in_sends_and_downloads_the_letter(live_server: str, browser_page,
                                                       tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path))
    page = browser_page
    page.goto(f"{live_server}/login")
    page.fill("input[name=username]", "vanthu.snv")
    page.fill("input[name=password]", "mat-khau-thu-2024")
    page.click("button[type=submit]")
    page.goto(f"{live_server}/registrations/?year=2024")
    page.click("text=Mở bản đăng ký thi đua năm 2024 của đơn vị")
    page.wait_for_url(f"{live_server}/registrations/SNV/2024/")
    rows = page.locator("#people-rows tr[data-row]")
    assert rows.count() == 9
    while rows.count():  # start the list afresh
        rows.first.locator(".remove-row").click()

    page.click("#add-row")
    page.click("#add-row")
    assert rows.count() == 2
    assert rows.nth(1).locator(".row-number").inner_text() == "2"
    first, second = rows.nth(0), rows.nth(1)
    first.locator("select.pick-person").select_option(label="Vũ Xuân Hùng")
    assert first.locator(".person-position").input_value() == "Phó Giám đốc"  # filled in
    first.locator("select[name$='-title']").select_option(label="Chiến sĩ thi đua cơ sở")
    second.locator(".person-name").fill("Nguyễn Thị Thử")
    second.locator(".person-position").fill("Chuyên viên")
    second.locator("select[name$='-title']").select_option(label="Lao động tiên tiến")
    second.locator("select[name$='-award']").select_option(label="Giấy khen")
    page.click("#add-commitment")
    page.locator("#commitments textarea").last.fill("Số hóa 100% hồ sơ thi đua, khen thưởng.")
    _shot(page, tmp_path, "registration-form")

    page.click("button[value=draft]:not(.visually-hidden)")
    page.wait_for_url(f"{live_server}/registrations/SNV/2024/")
    assert "Đã lưu nháp" in page.content()
    assert page.locator("#people-rows tr[data-row]").count() == 2  # the draft came back
    page.click("button[value=submit]")
    page.wait_for_url(f"{live_server}/registrations/SNV/2024/")
    assert "Đã gửi bản đăng ký thi đua năm 2024 (2 cá nhân)" in page.content()
    _shot(page, tmp_path, "registration-sent")

    with page.expect_download() as info:
        page.click("text=Tải công văn (.docx)")
    download = info.value
    assert download.suggested_filename == "01-dang-ky-thi-dua-nam-2024-snv.docx"
    data = Path(download.path()).read_bytes()
    document = docx.Document(io.BytesIO(data))
    names = [row.cells[1].text for row in document.tables[-1].rows[1:]]
    assert names == ["Vũ Xuân Hùng", "Nguyễn Thị Thử"]  # Hùng < Thử: by given name
    assert lint_docx(data) == []
