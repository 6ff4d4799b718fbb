"""One real browser (Debian's Chromium through Playwright): sign in and read the units."""

from __future__ import annotations

from pathlib import Path


def test_admin_signs_in_and_reads_the_units(live_server: str, browser_page, tmp_path: Path) -> None:
    page = browser_page
    page.goto(f"{live_server}/units/")
    assert page.url.startswith(f"{live_server}/login")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "mat-khau-thu-2024")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server}/units/")
    assert page.locator("h1").inner_text() == "Danh sách đơn vị"
    rows = page.locator("table.units tbody tr")
    assert rows.count() >= 15
    assert "Sở Nội vụ" in page.locator("table.units").inner_text()
    shot = tmp_path / "units.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 0
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
