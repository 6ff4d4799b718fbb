"""Specs for building a unit's nomination dossier in one action, and the decision through the
register: parts, numbers, PDF bookmarks and pages, the zip, and refusals that write nothing."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from service.cli import main
from service.documents.lint import lint_docx
from service.documents.pdf import ConverterPool, libreoffice_available
from service.domain.errors import RecordError
from service.jobs.dossier import build_dossier
from service.jobs.render import render_one
from service.store import db, register
from service.store import repository as repo

needs_libreoffice = pytest.mark.skipif(not libreoffice_available(),
                                       reason="LibreOffice (soffice) is not installed")


@pytest.fixture(scope="module")
def pool():
    """One warm converter for the module (it takes seconds to start)."""
    with ConverterPool(size=1) as converters:
        yield converters


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def register_lines(url: str, unit: str) -> list[register.Entry]:
    with db.transaction(url) as session:
        uid = repo.unit_id(session, unit)
        return register.entries(session, [uid] if uid else [])


@needs_libreoffice
def test_the_dossier_holds_every_part_as_docx_and_pdf_merged_with_bookmarks_and_zipped(
    example_db, home, pool
):
    made = build_dossier("SYT", 2024, url=example_db, to_pdf=pool.convert)
    assert made.directory == home / "outputs" / "2024" / "dossier" / "syt"
    assert [p.title_vi for p in made.parts] == [
        "Tờ trình số 02/TTr-SYT",
        "Danh sách đề nghị khen thưởng kèm theo Tờ trình số 02/TTr-SYT",
        "Biên bản họp Hội đồng Thi đua - Khen thưởng Sở Y tế số 01/BB-SYT",
        "Báo cáo thành tích: Cầm Thị Ánh (Chiến sĩ thi đua cấp tỉnh)",
        "Báo cáo thành tích: Sở Y tế (Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh)",
    ]
    assert made.left_out == []
    for part in made.parts:
        assert lint_docx(part.docx_path.read_bytes()) == [], part.title_vi
        assert part.pdf_path.read_bytes().startswith(b"%PDF") and part.pages >= 1

    merged = PdfReader(made.merged_pdf)
    assert len(merged.pages) == sum(p.pages for p in made.parts)
    starts = [sum(p.pages for p in made.parts[:i]) for i in range(len(made.parts))]
    assert [(o.title, merged.get_destination_page_number(o)) for o in merged.outline] == list(
        zip([p.title_vi for p in made.parts], starts, strict=True))

    with zipfile.ZipFile(made.zip_path) as package:
        names = package.namelist()
    expected = [f.name for p in made.parts for f in (p.docx_path, p.pdf_path)]
    assert names == [*expected, made.merged_pdf.name]


def test_without_pdf_the_zip_holds_the_word_files(example_db, home):
    made = build_dossier("SYT", 2024, url=example_db, pdf=False)
    assert made.merged_pdf is None and all(p.pdf_path is None for p in made.parts)
    with zipfile.ZipFile(made.zip_path) as package:
        assert package.namelist() == [p.docx_path.name for p in made.parts]


def test_numbers_come_from_the_register_and_are_kept_on_rebuilding(example_db, home):
    first = build_dossier("SYT", 2024, url=example_db, pdf=False)
    symbols = sorted(e.symbol for e in register_lines(example_db, "SYT"))
    assert symbols == ["01/BB-SYT", "02/TTr-SYT", "03/BC-SYT", "04/BC-SYT"]
    again = build_dossier("SYT", 2024, url=example_db, pdf=False)
    assert [p.title_vi for p in again.parts] == [p.title_vi for p in first.parts]
    assert sorted(e.symbol for e in register_lines(example_db, "SYT")) == symbols
    submission = docx.Document(io.BytesIO(first.parts[0].docx_path.read_bytes()))
    assert any("(Biên bản số 01/BB-SYT)" in p.text for p in submission.paragraphs)
    nominees = docx.Document(io.BytesIO(first.parts[1].docx_path.read_bytes()))
    assert any(p.text.endswith("(Kèm theo Tờ trình số 02/TTr-SYT ngày 02/12/2024 của Sở Y tế)")
               for p in nominees.paragraphs)


def test_a_nominee_short_of_the_votes_is_left_out_with_the_reason(example_db, home):
    made = build_dossier("SGDDT", 2024, url=example_db, pdf=False)
    [(code, reason)] = [(o.code, o.reason) for o in made.left_out]
    assert code == "DN2024-002"
    assert reason.startswith("Không đạt: 8/9 thành viên đồng ý (88,9%)") and "90%" in reason
    assert [p.title_vi for p in made.parts][3:] == [
        "Báo cáo thành tích: Nghiêm Diệu Trang (Lao động tiên tiến)"]


def test_with_provincial_honours_the_dossier_goes_up_without_the_heads_own(example_db, home):
    made = build_dossier("SNV", 2024, url=example_db, pdf=False)
    assert [(o.code, o.reason) for o in made.left_out] == [
        ("DN2024-014", "Chiến sĩ thi đua cơ sở do Giám đốc Sở Nội vụ quyết định theo thẩm quyền, "
                       "không trình cấp tỉnh"),
        ("DN2024-015", "Lao động tiên tiến do Giám đốc Sở Nội vụ quyết định theo thẩm quyền, "
                       "không trình cấp tỉnh"),
    ]
    assert made.parts[0].title_vi == "Tờ trình số 02/TTr-SNV"
    assert [p.title_vi for p in made.parts][3:] == [
        "Báo cáo thành tích: Sở Nội vụ (Tập thể lao động xuất sắc)"]


def nothing_written(url: str, unit: str, home: Path) -> bool:
    return not home.exists() and register_lines(url, unit) == []


def test_no_nominee_going_up_is_an_error_that_says_why(example_db, home):
    with pytest.raises(RecordError) as caught:
        build_dossier("STC", 2024, url=example_db)
    message = str(caught.value)
    assert "không có đề nghị nào của Sở Tài chính năm 2024" in message
    assert "DN2024-003 (Đỗ Văn Anh): Không đủ điều kiện" in message
    assert nothing_written(example_db, "STC", home)


def test_a_unit_without_nominations_gets_a_clear_error_and_nothing_is_written(example_db, home):
    with pytest.raises(RecordError, match="Ban Thi đua - Khen thưởng chưa có đề nghị khen "
                                          "thưởng năm 2024"):
        build_dossier("BTDKT", 2024, url=example_db)
    assert nothing_written(example_db, "BTDKT", home)


def test_a_unit_without_council_minutes_gets_a_clear_error_and_nothing_is_written(
    example_db, home
):
    with db.transaction(example_db) as session:
        [n] = repo.load_all(session, "nominations", code="DN2024-015")
        repo.save_nomination(session, n.model_copy(update={"code": "DN2024-099",
                                                           "unit": "BTDKT"}))
    with pytest.raises(RecordError, match="chưa có biên bản họp Hội đồng Thi đua - Khen thưởng "
                                          "Ban Thi đua - Khen thưởng năm 2024"):
        build_dossier("BTDKT", 2024, url=example_db)
    assert nothing_written(example_db, "BTDKT", home)


def test_a_nominee_without_report_sections_stops_everything(example_db, home):
    with db.transaction(example_db) as session:
        [n] = repo.load_all(session, "nominations", code="DN2024-001")
        repo.save_nomination(session, n.model_copy(update={"report": []}))
    with pytest.raises(RecordError, match=r"đề nghị DN2024-001 \(Cầm Thị Ánh\) chưa có báo cáo "
                                          "thành tích"):
        build_dossier("SYT", 2024, url=example_db)
    assert nothing_written(example_db, "SYT", home)


def test_the_decision_renders_through_the_register_with_its_recorded_number(example_db, home):
    build_dossier("SYT", 2024, url=example_db, pdf=False)  # its submission is cited
    made = render_one("decision", 2024, url=example_db, output=home / "qd.docx")
    assert (made.number, made.symbol) == (3215, "3215/QĐ-UBND")
    data = made.path.read_bytes()
    assert lint_docx(data) == []
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "Giám đốc Sở Y tế tại Tờ trình số 02/TTr-SYT ngày 02/12/2024" in text
    assert "26.910.000 đồng (Bằng chữ: Hai mươi sáu triệu chín trăm mười nghìn đồng)" in text
    titles = render_one("decision", 2024, "QD2024-DHTD", url=example_db, output=home / "qd2.docx")
    assert titles.symbol == "3216/QĐ-UBND"


@pytest.fixture
def cli_env(example_db: str, home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DATABASE_URL", example_db)
    return home


def test_the_command_line_builds_a_dossier_and_renders_the_decision(cli_env):
    result = CliRunner().invoke(main, ["dossier", "SGDDT", "--year", "2024", "--output",
                                       str(cli_env / "ho-so")])
    assert result.exit_code == 0, result.output
    assert "Tờ trình số 02/TTr-HĐTĐKT:" in result.output  # a base-level title: to its head
    assert "Không đưa vào hồ sơ: DN2024-002" in result.output
    assert "Tệp nén:" in result.output and (cli_env / "ho-so").is_dir()
    decided = CliRunner().invoke(main, ["render", "decision", "--year", "2024", "--output",
                                        str(cli_env / "qd.docx")])
    assert decided.exit_code == 0, decided.output
    assert "Số 3215/QĐ-UBND" in decided.output


def test_the_command_line_shows_a_refusal_as_a_message(cli_env):
    result = CliRunner().invoke(main, ["dossier", "BTDKT", "--year", "2024"])
    assert result.exit_code == 1
    assert "chưa có đề nghị khen thưởng năm 2024" in result.output
