"""Specs for the summary report (báo cáo tổng kết): registry entry, template, and the documents
made from the example province — the province's roll-up and a unit's report."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml.ns import qn

from service.documents import layout
from service.documents.kinds import KINDS, summary
from service.documents.lint import lint_docx
from service.documents.render import render_docx, render_docx_plain
from service.documents.template_check import check_template
from service.domain.records import UnitReport
from service.jobs import sources
from service.jobs.render import render_one
from service.store import db
from service.store import repository as repo

ROOT = Path(__file__).resolve().parents[3]
SEED_MOVEMENT = ROOT / "records" / "son-la-2024" / "movement.yaml"
ANNEX_HEADER = [
    "STT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Kế hoạch",
    "Thực hiện",
    "Năm trước",
    "Tỷ lệ %",
    "Đánh giá",
]
SECTIONS = [
    "I. KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA",
    "II. KẾT QUẢ CÔNG TÁC KHEN THƯỞNG",
    "III. ĐÁNH GIÁ CHUNG",
    "1. Ưu điểm",
    "2. Hạn chế",
    "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025",
]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path))
    return tmp_path


def cells(row) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.text.strip() for c in row.cells]


def annex_table(document: docx.document.Document):  # type: ignore[no-untyped-def]
    return next(t for t in document.tables if cells(t.rows[0]) == ANNEX_HEADER)


def seed_indicators() -> list[tuple[str, str, str]]:
    """(code, name, planned as printed) of every indicator of the seed directive's annex."""
    data = yaml.safe_load(SEED_MOVEMENT.read_text(encoding="utf-8"))
    return [
        (str(i["code"]), i["name"], str(i["planned"]))
        for t in data["annex"]["targets"]
        for i in t["indicators"]
    ]


def test_the_registry_lists_the_summary_report():
    kind = KINDS["summary"]
    assert (kind.template, kind.type_code) == ("summary.docx", "BC")
    assert kind.build_context is summary.build_context
    assert layout.BUILDERS["summary.docx"] is summary.build_template
    names = [v.name for v in kind.variables]
    assert len(names) == len(set(names))
    assert all(v.description_vi for v in kind.variables)


def test_the_template_has_no_template_problems():
    assert check_template(layout.template_bytes("summary.docx"), KINDS["summary"]) == []


@pytest.fixture
def province_report(example_db: str, home: Path) -> bytes:
    return render_one("summary", 2024, None, url=example_db).path.read_bytes()


def test_the_province_report_passes_the_format_checker(province_report: bytes):
    assert lint_docx(province_report) == []


def test_the_province_report_has_its_title_number_and_sections_in_order(province_report: bytes):
    document = docx.Document(io.BytesIO(province_report))
    texts = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in texts
    assert "Tổng kết công tác thi đua, khen thưởng năm 2024" in texts
    header = document.tables[0].rows[0].cells[0].text
    assert re.search(r"Số: \d{2}/BC-UBND$", header)  # UBND-TINH's register: 01 is the directive
    places = [texts.index(heading) for heading in SECTIONS]
    assert places == sorted(places)
    assert any(
        t.startswith("Toàn tỉnh có 22/22 cơ quan, đơn vị, địa phương đăng ký") for t in texts
    )
    assert any("trong 32 chỉ số của 23 chỉ tiêu" in t for t in texts)
    closing = (
        "Trên đây là báo cáo tổng kết công tác thi đua, khen thưởng năm 2024 của Ủy ban "
        "nhân dân tỉnh Sơn La./."
    )
    assert texts.index(closing) > places[-1]


def test_the_targets_annex_holds_every_indicator_with_the_seeds_planned_values(
    province_report: bytes,
):
    table = annex_table(docx.Document(io.BytesIO(province_report)))
    header = table.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}")
    assert header is not None  # repeated on every page
    rows = [cells(row) for row in table.rows[1:]]
    assert [(r[0], r[1], r[3]) for r in rows] == seed_indicators()
    assert len({r[0].split(".")[0] for r in rows}) == 23
    growth = rows[0]
    assert growth == [
        "1",
        "Tốc độ tăng trưởng kinh tế (GRDP)",
        "%",
        "7,5",
        "7,06",
        "5,91",
        "94,13",
        "Không đạt",
    ]
    assert next(r for r in rows if r[0] == "13.1")[3] == "06"  # as printed
    assert next(r for r in rows if r[0] == "3")[3:6] == ["20.000", "19.560", "17.850"]


def test_every_rate_is_printed_with_two_decimals(province_report: bytes):
    document = docx.Document(io.BytesIO(province_report))
    rates = []
    for table in document.tables:
        head = cells(table.rows[0])
        if "Tỷ lệ %" in head:
            column = head.index("Tỷ lệ %")
            rates += [cells(row)[column] for row in table.rows[1:]]
    assert len(rates) > 32 and "97,80" in rates and "100,10" in rates
    assert all(re.fullmatch(r"\d{1,3}(\.\d{3})*,\d{2}", r) for r in rates if r)


def test_a_chart_caption_stands_clear_of_the_heading_after_it(province_report: bytes):
    paragraphs = docx.Document(io.BytesIO(province_report)).paragraphs
    caption = next(p for p in paragraphs if p.text.startswith("Biểu đồ 2."))
    assert caption.paragraph_format.space_after.pt >= 12


def test_the_figures_in_the_annex_are_right_aligned(province_report: bytes):
    table = annex_table(docx.Document(io.BytesIO(province_report)))
    row = table.rows[1]
    aligned = [c.paragraphs[0].alignment for c in row.cells]
    assert aligned[3:7] == [2, 2, 2, 2]  # right


def test_the_report_holds_two_charts_as_images_that_fit_the_page(province_report: bytes):
    document = docx.Document(io.BytesIO(province_report))
    shapes = document.inline_shapes
    assert len(shapes) == 2
    for shape in shapes:  # drawn tighter, not shrunk: full width, room for text on its page
        assert shape.width.mm == pytest.approx(160, abs=0.1) and shape.height.mm <= 190
    with zipfile.ZipFile(io.BytesIO(province_report)) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
        assert len(media) == 2
        assert all(package.read(n)[:8] == b"\x89PNG\r\n\x1a\n" for n in media)
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("Biểu đồ 1. Mức độ thực hiện các chỉ tiêu") for t in texts)
    assert any(t.startswith("Biểu đồ 2. Danh hiệu thi đua") for t in texts)


def test_a_unit_report_is_issued_by_the_unit_with_its_own_tallies(example_db: str, home: Path):
    data = render_one("summary", 2024, "SNV", url=example_db).path.read_bytes()
    assert lint_docx(data) == []
    document = docx.Document(io.BytesIO(data))
    header = document.tables[0].rows[0].cells[0].text
    assert "UBND TỈNH SƠN LA" in header and "SỞ NỘI VỤ" in header and "/BC-SNV" in header
    rows = [cells(r) for r in annex_table(document).rows[1:]]
    assert rows[0][:5] == ["1", "Cá nhân đạt “Lao động tiên tiến”", "người", "8", "7"]
    assert len(document.inline_shapes) == 2
    texts = [p.text for p in document.paragraphs]
    assert "KẾT QUẢ THỰC HIỆN ĐĂNG KÝ THI ĐUA NĂM 2024" in texts
    assert "GIÁM ĐỐC" in document.tables[-2].rows[0].cells[1].text


def test_the_units_own_text_replaces_the_sentences_written_from_figures(
    example_db: str, home: Path
):
    written = UnitReport(
        unit="SNV",
        year=2024,
        sections={
            "uu_diem": "Ưu điểm thứ nhất của Sở.\nƯu điểm thứ hai.",
            "phuong_huong": "Năm 2025 tập trung chuyển đổi số.",
        },
    )
    with db.transaction(example_db) as session:
        repo.save_report(session, written)
    data = render_one("summary", 2024, "SNV", url=example_db).path.read_bytes()
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    start = texts.index("1. Ưu điểm")
    assert texts[start + 1 : start + 3] == ["Ưu điểm thứ nhất của Sở.", "Ưu điểm thứ hai."]
    assert "Năm 2025 tập trung chuyển đổi số." in texts
    assert not any(t.startswith("Phong trào thi đua được triển khai gắn với") for t in texts)
    assert any(t.startswith("Bên cạnh kết quả đạt được") for t in texts)  # han_che not written


def test_both_render_paths_give_the_same_report_with_its_pictures(example_db: str):
    with db.transaction(example_db) as session:
        src = sources.load(session, "summary", 2024, "SNV")
    context = KINDS["summary"].build_context(**src.args, number=3)
    template = KINDS["summary"].template_path()
    ours, plain = render_docx(template, context), render_docx_plain(template, context)
    first, second = docx.Document(io.BytesIO(ours)), docx.Document(io.BytesIO(plain))
    assert [p.text for p in first.paragraphs] == [p.text for p in second.paragraphs]
    assert len(first.inline_shapes) == len(second.inline_shapes) == 2
    assert lint_docx(plain) == []
