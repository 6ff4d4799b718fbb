"""The outgoing register page: its lines, and downloading the document a line points to."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from service.store import db, register, repository


@pytest.fixture
def entries(app, tmp_path: Path) -> dict[str, int]:
    """Writes two register lines of Sở Nội vụ (one with a file on disk) and one of Sở Y tế."""
    document = tmp_path / "bao-cao.docx"
    document.write_bytes(b"PK\x03\x04 van ban")
    with db.transaction(app.config["DATABASE_URL"]) as session:
        snv, syt = repository.unit_id(session, "SNV"), repository.unit_id(session, "SYT")
        with_file = register.record(
            session,
            unit_id=snv,
            year=2024,
            number=7,
            symbol="07/BC-SNV",
            kind="report",
            date=dt.date(2024, 12, 3),
            subject="Báo cáo tổng kết công tác thi đua năm 2024",
            file=str(document),
        )
        without = register.record(
            session,
            unit_id=snv,
            year=2024,
            number=8,
            symbol="08/TTr-SNV",
            kind="submission",
            date=dt.date(2024, 12, 5),
            subject="Tờ trình đề nghị khen thưởng",
            file=str(tmp_path / "chua-co.docx"),
        )
        other = register.record(
            session,
            unit_id=syt,
            year=2024,
            number=3,
            symbol="03/BC-SYT",
            kind="report",
            date=dt.date(2024, 11, 20),
            subject="Báo cáo của Sở Y tế",
        )
    return {"with_file": with_file.id, "without": without.id, "other": other.id}


def test_register_lists_number_symbol_date_and_subject(client, login, entries) -> None:
    login("admin")
    html = client.get("/register/").get_data(as_text=True)
    assert "07/BC-SNV" in html and "03/12/2024" in html
    assert "Báo cáo tổng kết công tác thi đua năm 2024" in html
    assert "03/BC-SYT" in html
    assert f"/register/{entries['with_file']}/docx" in html
    assert f"/register/{entries['without']}/docx" not in html  # no file on disk: no link
    assert "Chưa có tệp" in html


def test_download_sends_the_file(client, login, entries) -> None:
    login("admin")
    with client.get(f"/register/{entries['with_file']}/docx") as response:
        assert response.status_code == 200
        assert response.data == b"PK\x03\x04 van ban"
        assert "bao-cao.docx" in response.headers["Content-Disposition"]


def test_download_of_a_missing_file_is_404(client, login, entries) -> None:
    login("admin")
    assert client.get(f"/register/{entries['without']}/docx").status_code == 404
    assert client.get(f"/register/{entries['with_file']}/pdf").status_code == 404
    assert client.get("/register/99999/docx").status_code == 404


def test_clerk_sees_and_downloads_only_their_units_lines(client, login, entries) -> None:
    login("vanthu.snv")
    html = client.get("/register/").get_data(as_text=True)
    assert "07/BC-SNV" in html and "03/BC-SYT" not in html
    with client.get(f"/register/{entries['with_file']}/docx") as response:
        assert response.status_code == 200
    assert client.get(f"/register/{entries['other']}/docx").status_code == 403


def test_register_filters_by_year(client, login, entries) -> None:
    login("admin")
    assert "07/BC-SNV" in client.get("/register/?year=2024").get_data(as_text=True)
    html = client.get("/register/?year=2023").get_data(as_text=True)
    assert "07/BC-SNV" not in html and "Sổ chưa có văn bản nào." in html
