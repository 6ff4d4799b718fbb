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
from service.documents.pdf import ConverterPool
from service.domain.errors import RecordError
from service.jobs.dossier import build_dossier
from service.jobs.render import render_one
from service.store import db, register
from service.store import repository as repo



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


def test_with_provincial_honours_the_dossier_goes_up_without_the_heads_own(example_db, home):
    made = build_dossier("SNV", 2024, url=example_db, pdf=False)
    assert [(o.code, o.reason) for o in made.left_out] == [
        ("DN2024-014", "Chiến sĩ thi đua cơ sở thuộc thẩm quyền Thủ trưởng đơn vị (Giám đốc Sở Nội "
                       "vụ quyết định), không trình cấp trên"),
        ("DN2024-015", "Lao động tiên tiến thuộc thẩm quyền Thủ trưởng đơn vị (Giám đốc Sở Nội vụ "
                       "quyết định), không trình cấp trên"),
    ]
    assert made.parts[0].title_vi == "Tờ trình số 02/TTr-SNV"
    assert [p.title_vi for p in made.parts][3:] == [
        "Báo cáo thành tích: Sở Nội vụ (Tập thể lao động xuất sắc)"]
    with zipfile.ZipFile(made.zip_path) as package:
        reports = [n for n in package.namelist() if n.startswith("04-")]
    assert reports == ["04-bao-cao-thanh-tich-01-so-noi-vu.docx"]


def _texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs]


@pytest.mark.parametrize(
    ("unit", "proposed", "own", "ineligible"),
    [
        ("H-MOCCHAU", "02 tập thể", "01 tập thể", "01 cá nhân"),
        ("SNV", "01 tập thể", "02 cá nhân", None),
    ],
)
def test_the_minutes_propose_upward_exactly_whom_the_submission_and_list_carry(
    example_db, home, unit, proposed, own, ineligible
):
    made = build_dossier(unit, 2024, url=example_db, pdf=False)
    submission, nominees, minutes = (_texts(p.docx_path) for p in made.parts[:3])
    assert f"- Đề nghị cấp trên khen thưởng: {proposed};" in minutes
    [heads_own] = [t for t in minutes if t.startswith("- Thuộc thẩm quyền Thủ trưởng đơn vị")]
    assert heads_own[:-1].endswith(f"xem xét, khen thưởng: {own}")
    if ineligible:
        assert ("- Đạt tỷ lệ phiếu đồng ý nhưng chưa đủ tiêu chuẩn theo quy định, không đề nghị "
                f"khen thưởng: {ineligible}.") in minutes
    assert f"Tổng số: {proposed} (có danh sách kèm theo)." in submission
    assert f"Tổng số: {proposed}." in nominees
    assert len(made.parts) - 3 == int(proposed[:2])  # one report per nominee going up


def test_a_unit_with_none_going_up_is_refused_with_each_ones_reason(example_db, home):
    with pytest.raises(RecordError) as caught:
        build_dossier("SGDDT", 2024, url=example_db, pdf=False)
    message = str(caught.value)
    assert ("không có đề nghị nào của Sở Giáo dục và Đào tạo năm 2024 đạt tỷ lệ phiếu đồng ý, đủ "
            "điều kiện và thuộc thẩm quyền khen thưởng của cấp trên") in message
    assert "DN2024-002 (Trần Thị Ánh): Không đạt: 8/9 thành viên đồng ý (88,9%)" in message
    assert ("DN2024-020 (Nghiêm Diệu Trang): Lao động tiên tiến thuộc thẩm quyền Thủ trưởng đơn "
            "vị (Giám đốc Sở Giáo dục và Đào tạo quyết định)") in message
    assert nothing_written(example_db, "SGDDT", home)


def test_a_nominee_the_records_cannot_judge_goes_in_with_a_warning(example_db, home):
    made = build_dossier("SNNPTNT", 2024, url=example_db, pdf=False)
    assert [p.title_vi for p in made.parts][3:] == [
        "Báo cáo thành tích: Lò Văn Anh (Chiến sĩ thi đua cấp tỉnh)"]
    [warning] = made.warnings
    assert warning.startswith("DN2024-004 Lò Văn Anh (Chiến sĩ thi đua cấp tỉnh): chưa đủ dữ "
                              "liệu để xét điều kiện — chưa rõ tiêu chí “Có 03 lần liên tục đạt "
                              "danh hiệu Chiến sĩ thi đua cơ sở” (Thiếu hồ sơ danh hiệu năm 2023")


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
    made = render_one("decision", 2024, "QD2024-BKT", url=example_db, output=home / "qd.docx")
    assert (made.number, made.symbol) == (3215, "3215/QĐ-UBND")
    data = made.path.read_bytes()
    assert lint_docx(data) == []
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "Xét đề nghị của Giám đốc Sở Nội vụ.\n" in text
    assert "26.910.000 đồng (Bằng chữ: Hai mươi sáu triệu chín trăm mười nghìn đồng)" in text
    titles = render_one("decision", 2024, "QD2024-DHTD", url=example_db, output=home / "qd2.docx")
    assert titles.symbol == "3216/QĐ-UBND"


def test_the_decision_reads_the_same_before_and_after_the_units_dossiers(example_db, home):
    before = render_one("decision", 2024, "QD2024-BKT", url=example_db).path.read_bytes()
    build_dossier("SYT", 2024, url=example_db, pdf=False)  # numbers a Tờ trình of Sở Y tế
    again = render_one("decision", 2024, "QD2024-BKT", url=example_db)
    assert again.skipped and again.path.read_bytes() == before


def test_the_decision_is_refused_when_it_confers_what_it_may_not(example_db, home):
    with db.transaction(example_db) as session:
        [d] = repo.load_all(session, "decisions", code="QD2024-BKT")
        repo.save_decision(session, d.model_copy(update={
            "nominations": [*d.nominations, "DN2024-010", "DN2024-025"]}))
    with pytest.raises(RecordError) as caught:
        render_one("decision", 2024, "QD2024-BKT", url=example_db)
    assert [p.message.split(":")[0] for p in caught.value.problems] == [
        "quyết định QD2024-BKT không thể khen thưởng DN2024-010 Vì Văn Ân (Bằng khen của Chủ tịch "
        "Ủy ban nhân dân tỉnh)",
        "quyết định QD2024-BKT không thể khen thưởng DN2024-025 Ủy ban nhân dân xã Mường Sang "
        "(Tập thể lao động tiên tiến)",
    ]
    assert register_lines(example_db, "UBND-TINH") == []


@pytest.fixture
def cli_env(example_db: str, home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DATABASE_URL", example_db)
    return home


def test_the_command_line_builds_a_dossier_and_renders_the_decision(cli_env):
    result = CliRunner().invoke(main, ["dossier", "SNNPTNT", "--year", "2024", "--output",
                                       str(cli_env / "ho-so")])
    assert result.exit_code == 0, result.output
    assert "Tờ trình số 02/TTr-SNNPTNT:" in result.output
    assert "Không đưa vào hồ sơ: DN2024-023" in result.output
    assert ("Cảnh báo: DN2024-004 Lò Văn Anh (Chiến sĩ thi đua cấp tỉnh): chưa đủ dữ liệu để xét "
            "điều kiện — chưa rõ tiêu chí “Có 03 lần liên tục") in result.output
    assert "Tệp nén:" in result.output and (cli_env / "ho-so").is_dir()
    decided = CliRunner().invoke(main, ["render", "decision", "--year", "2024", "--unit",
                                        "QD2024-BKT", "--output", str(cli_env / "qd.docx")])
    assert decided.exit_code == 0, decided.output
    assert "Số 3215/QĐ-UBND" in decided.output and "Cảnh báo" not in decided.output


def test_the_command_line_asks_which_decision_when_the_year_has_several(cli_env):
    result = CliRunner().invoke(main, ["render", "decision", "--year", "2024"])
    assert result.exit_code == 1
    assert "năm 2024 có 2 quyết định khen thưởng (QD2024-BKT, QD2024-DHTD)" in result.output
    helped = CliRunner().invoke(main, ["render", "--help"])
    assert "mã quyết định với decision" in " ".join(helped.output.split())


def test_the_command_line_warns_of_a_decisions_nominee_it_cannot_judge(cli_env, example_db):
    with db.transaction(example_db) as session:
        [d] = repo.load_all(session, "decisions", code="QD2024-DHTD")
        repo.save_decision(session, d.model_copy(update={
            "nominations": [*d.nominations, "DN2024-004"]}))
    result = CliRunner().invoke(main, ["render", "decision", "--year", "2024", "--unit",
                                       "QD2024-DHTD"])
    assert result.exit_code == 0, result.output
    assert "Số 3216/QĐ-UBND" in result.output
    assert "Cảnh báo: DN2024-004 Lò Văn Anh (Chiến sĩ thi đua cấp tỉnh)" in result.output


def test_the_command_line_shows_a_refusal_as_a_message(cli_env):
    result = CliRunner().invoke(main, ["dossier", "BTDKT", "--year", "2024"])
    assert result.exit_code == 1
    assert "chưa có đề nghị khen thưởng năm 2024" in result.output
