"""Batches on the web: the admin starts one and watches it; the finished page offers what it
made for download, to the roles that may have it, and never shows a server path."""

from __future__ import annotations

import time

import pytest

from service.jobs import batches
from service.jobs.summary_batch import book_path
from service.store import db
from service.store.models import BatchJobRow


@pytest.fixture
def home(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path))
    return tmp_path


def finished(app, kind: str, messages: list[str]) -> int:  # type: ignore[no-untyped-def]
    """Records a finished batch job; returns its id."""
    with db.transaction(app.config["DATABASE_URL"]) as session:
        row = BatchJobRow(kind=kind, year=2024, status="done", total=1, done=1, made=1,
                          messages=messages)
        session.add(row)
        session.flush()
        return row.id


def test_the_registrations_batch_ends_with_links_not_paths(app, client, login, home) -> None:
    login("admin")
    token = login.token("/registrations/tinh?year=2024")
    response = client.post("/batches/registrations", data={"csrf_token": token, "year": "2024"})
    job_id = int(response.headers["Location"].rsplit("/", 1)[1])
    deadline = time.monotonic() + 120
    status = batches.job_status(job_id, app.config["DATABASE_URL"])
    while status is not None and status.status == "running" and time.monotonic() < deadline:
        time.sleep(0.3)
        status = batches.job_status(job_id, app.config["DATABASE_URL"])
    assert status is not None and status.status == "done" and status.failed == 0
    html = client.get(f"/batches/job/{job_id}").get_data(as_text=True)
    assert str(home) not in html and "/tmp/" not in html  # the file named, not its path
    assert "(01-tong-hop-dang-ky-thi-dua-nam-2024.docx)" in html
    assert 'href="/registrations/tinh/2024/tong-hop.docx"' in html
    assert 'href="/registrations/tinh/2024/tong-hop.xlsx"' in html


def test_the_summary_batch_offers_its_book_to_admin_and_viewer_only(app, client, login,
                                                                   home) -> None:
    job_id = finished(app, "summary", ["Đã ghép sổ báo cáo PDF (23 báo cáo): so-tong-ket-2024.pdf"])
    book = book_path(2024)
    book.parent.mkdir(parents=True)
    book.write_bytes(b"%PDF-1.7 book")
    link = 'href="/reports/2024/book.pdf"'
    for user, shown in (("admin", True), ("xem", True), ("vanthu.snv", False)):
        login(user)
        html = client.get(f"/batches/job/{job_id}").get_data(as_text=True)
        assert (link in html) is shown, user
        assert "so-tong-ket-2024.pdf" in html and str(home) not in html
        login.logout()


def test_a_clerk_sees_no_download_of_the_consolidated_list(app, client, login, home) -> None:
    job_id = finished(app, "registrations", ["Bản tổng hợp đăng ký thi đua: số 01/BC-SNV"])
    login("vanthu.snv")
    html = client.get(f"/batches/job/{job_id}").get_data(as_text=True)
    assert "tong-hop" not in html and "Bản tổng hợp đăng ký thi đua: số 01/BC-SNV" in html
