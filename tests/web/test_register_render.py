"""The register page: the province admin renders the year's directive and downloads it."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path))
    return tmp_path


def test_admin_renders_the_directive_and_downloads_docx_and_pdf(client, login, home) -> None:
    login("admin")
    token = login.token("/register/")
    response = client.post("/register/directive", data={"year": "2024", "csrf_token": token},
                           follow_redirects=True)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Chỉ thị số 01/CT-UBND: đã tạo." in page
    assert "01/CT-UBND" in page and "Phát động phong trào thi đua năm 2024" in page
    assert "Tải .docx" in page and "Tải .pdf" in page
    import re

    entry_id = re.search(r"/register/(\d+)/docx", page).group(1)  # type: ignore[union-attr]
    got = client.get(f"/register/{entry_id}/docx")
    assert got.status_code == 200
    texts = [p.text for p in docx.Document(io.BytesIO(got.data)).paragraphs]
    got.close()
    assert "CHỈ THỊ" in texts
    pdf = client.get(f"/register/{entry_id}/pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    pdf.close()


def test_a_clerk_cannot_render_the_directive(client, login, home) -> None:
    login("vanthu.snv")
    token = login.token("/register/")
    response = client.post("/register/directive", data={"year": "2024", "csrf_token": token})
    assert response.status_code == 403
    assert not (home / "outputs").exists()


def test_unknown_year_is_a_clear_message(client, login, home) -> None:
    login("admin")
    token = login.token("/register/")
    response = client.post("/register/directive", data={"year": "2031", "csrf_token": token},
                           follow_redirects=True)
    assert "chưa có chỉ thị phát động thi đua năm 2031" in response.get_data(as_text=True)
