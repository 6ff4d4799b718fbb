"""Rendering one document from the store: numbered by the register, written atomically,
skipped when nothing changed, and checked against the ND30 format."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from service.documents.lint import lint_docx
from service.domain.errors import RecordError
from service.jobs.render import render_one
from service.store import db, register
from service.store import repository as repo


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path))
    return tmp_path


def test_directive_is_rendered_registered_and_skipped_when_unchanged(example_db: str,
                                                                     home: Path) -> None:
    made = render_one("directive", 2024, url=example_db)
    assert made.path == home / "outputs" / "2024" / "directive" / (
        "01-phat-dong-phong-trao-thi-dua-nam-2024.docx")
    assert (made.number, made.symbol, made.skipped) == (1, "01/CT-UBND", False)
    data = made.path.read_bytes()
    assert lint_docx(data) == []
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert "CHỈ THỊ" in texts and "Phát động phong trào thi đua năm 2024" in texts
    with db.transaction(example_db) as session:
        uid = repo.unit_id(session, "UBND-TINH")
        (entry,) = register.entries(session, [uid], 2024)
        assert (entry.number, entry.symbol, entry.sha256) == (1, "01/CT-UBND", made.sha256)
        # the directive's own number is reserved: the next document of UBND-TINH gets 02
        assert register.next_number(session, uid, 2024) == 2
    again = render_one("directive", 2024, url=example_db)
    assert again.skipped and again.path == made.path and again.sha256 == made.sha256
    forced = render_one("directive", 2024, url=example_db, force=True)
    assert not forced.skipped and forced.number == 1


def test_a_changed_record_is_rendered_again_under_the_same_number(example_db: str,
                                                                  home: Path) -> None:
    first = render_one("directive", 2024, url=example_db)
    with db.transaction(example_db) as session:
        movement = repo.movement(session, 2024)
        assert movement is not None
        movement.recipients.insert(0, "Bộ Nội vụ (b/c)")
        repo.save_movement(session, movement)
    second = render_one("directive", 2024, url=example_db)
    assert not second.skipped and second.number == first.number
    assert second.sha256 != first.sha256
    body = [p.text for p in docx.Document(str(second.path)).tables[-1].cell(0, 0).paragraphs]
    assert "- Bộ Nội vụ (b/c);" in body


def test_missing_records_and_unknown_kind_are_clear_errors(example_db: str, home: Path) -> None:
    with pytest.raises(RecordError, match="chưa có chỉ thị phát động thi đua năm 2031"):
        render_one("directive", 2031, url=example_db)
    with pytest.raises(RecordError, match="do đơn vị “UBND-TINH” ban hành, không phải “SNV”"):
        render_one("directive", 2024, "SNV", url=example_db)
    with pytest.raises(RecordError, match="không có loại văn bản “giay-moi”"):
        render_one("giay-moi", 2024, url=example_db)
    assert not (home / "outputs").exists()


def test_pdf_is_made_beside_the_docx_with_embedded_metric_compatible_fonts(example_db: str,
                                                                           home: Path) -> None:
    from service.documents.pdf import check_fonts

    made = render_one("directive", 2024, url=example_db, pdf=True)
    assert made.pdf_path is not None and made.pdf_path.suffix == ".pdf"
    pdf = made.pdf_path.read_bytes()
    assert pdf.startswith(b"%PDF")
    check_fonts(pdf)
    with db.transaction(example_db) as session:
        entry = register.find(session, kind="directive", record_key="movement:2024")
        assert entry is not None and entry.pdf_file == str(made.pdf_path)


def test_an_imported_directive_number_is_never_handed_to_another_document(example_db: str,
                                                                          home: Path) -> None:
    with db.transaction(example_db) as session:
        uid = repo.unit_id(session, "UBND-TINH")
        assert uid is not None
        assert register.next_number(session, uid, 2024) == 2  # 01 is the directive's


def test_a_fixed_number_taken_by_another_document_is_refused(example_db: str, home: Path) -> None:
    import datetime as dt

    with db.transaction(example_db) as session:
        uid = repo.unit_id(session, "UBND-TINH")
        assert uid is not None
        register.record(session, unit_id=uid, year=2024, number=1, symbol="01/TB-UBND",
                        kind="notice", date=dt.date(2024, 1, 2), subject="Thông báo khác",
                        record_key="notice:1")
    with pytest.raises(RecordError, match="số 01/TB-UBND đã được cấp"):
        render_one("directive", 2024, url=example_db)
    with db.transaction(example_db) as session:
        entry = register.at(session, uid, 2024, 1)
        assert entry is not None and entry.subject == "Thông báo khác"


def test_output_is_a_copy_and_the_register_keeps_the_outputs_file(example_db: str,
                                                                  home: Path) -> None:
    copy = home / "ban-sao" / "chi-thi.docx"
    made = render_one("directive", 2024, url=example_db, output=copy)
    assert made.path == copy and copy.is_file() and made.format_problems == ()
    with db.transaction(example_db) as session:
        entry = register.find(session, kind="directive", record_key="movement:2024")
        assert entry is not None and entry.file == str(
            home / "outputs" / "2024" / "directive" / "01-phat-dong-phong-trao-thi-dua-nam-2024.docx")
    copy.unlink()
    again = render_one("directive", 2024, url=example_db, output=copy)
    assert again.skipped and copy.is_file()  # unchanged records: the copy is made from the file
    with pytest.raises(RecordError, match="phải có đuôi .docx"):
        render_one("directive", 2024, url=example_db, output=home / "chi-thi.pdf")


def test_a_template_out_of_format_is_reported_when_rendering(example_db: str, home: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from service.jobs import render as render_job

    monkeypatch.setattr(render_job, "lint_docx", lambda data: [
        __import__("service.documents.lint", fromlist=["Violation"]).Violation(
            "ND30-LE", "lề trái 10 mm (cần 30–35 mm)", "trang")])
    made = render_one("directive", 2024, url=example_db)
    assert made.format_problems and "ND30-LE" in made.format_problems[0]
