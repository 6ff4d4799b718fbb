"""Specs for the summary batch: every unit's report and the province's, resumable, and the PDF
book with a bookmark per report in tree order."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from service.domain.errors import RecordError
from service.jobs import batches, summary_batch
from service.jobs.batch import Outcome, Summary, Task


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("THIDUA_HOME", str(tmp_path))
    return tmp_path


def test_the_batch_lists_the_province_first_then_units_in_tree_order(example_db: str):
    tasks = summary_batch.summary_tasks(2024, example_db)
    assert [t.unit for t in tasks[:3]] == [None, "UBND-TINH", "SGDDT"]
    assert len(tasks) == 23 and {t.kind for t in tasks} == {"summary"}
    codes = [t.unit for t in tasks]
    assert codes.index("SNV") + 1 == codes.index("BTDKT")  # a child under its parent
    assert codes.index("H-MOCCHAU") < codes.index("X-CHIENGSON")


def test_the_batch_makes_every_report_and_a_book_then_skips_them(example_db: str, home: Path):
    tasks = batches.tasks_for("summary", 2024, pdf=True, url=example_db)
    summary = batches.run("summary", tasks, workers=1)
    assert summary.count("made") == 23, summary.lines()
    folder = home / "outputs" / "2024" / "summary"
    assert len(list(folder.glob("*.docx"))) == 23 and len(list(folder.glob("*.pdf"))) == 24
    assert (folder / "01-tong-ket-2024-snv.docx").is_file()
    book = folder / "so-tong-ket-2024.pdf"
    assert summary.notes == ["Đã ghép sổ báo cáo PDF (23 báo cáo): so-tong-ket-2024.pdf"]
    assert summary_batch.book_file(2024) == book
    reader = PdfReader(book)
    outline = reader.outline
    assert outline[0].title == "Báo cáo tổng hợp toàn tỉnh năm 2024"
    assert reader.get_destination_page_number(outline[0]) == 0
    assert outline[1].title == "Ủy ban nhân dân tỉnh Sơn La"
    nested = outline[2]  # the province's units, nested under it
    titles = [item.title for item in nested if not isinstance(item, list)]
    assert titles[0] == "Sở Giáo dục và Đào tạo" and len(titles) == 13  # 8 sở, 5 huyện
    pages = [
        reader.get_destination_page_number(item) for item in nested if not isinstance(item, list)
    ]
    assert pages == sorted(pages) and pages[0] > reader.get_destination_page_number(outline[1])

    again = batches.run("summary", tasks, workers=1)
    assert again.count("skipped") == 23
    assert again.notes == summary.notes


def test_a_failing_book_is_one_vietnamese_line_without_a_server_path(example_db: str, home: Path):
    gone = home / "outputs" / "2024" / "summary" / "mat.pdf"
    made = Outcome(Task("summary", 2024, "SNV", example_db), "made", "x.docx", str(gone))
    lines = summary_batch.finish_summary(Summary([made]), 2024, example_db, None)
    assert lines == ["Lỗi: chưa ghép được sổ báo cáo PDF: không tìm thấy tệp mat.pdf"]
    assert summary_batch.book_file(2024) is None


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (RecordError.one("không có đơn vị mã “X”", field="unit"),
         "trường “đơn vị”: không có đơn vị mã “X”"),
        (PermissionError(13, "Permission denied", "/srv/outputs/so.pdf"),
         "không có quyền đọc, ghi tệp so.pdf"),
        (KeyError("x"), "lỗi không mong đợi (KeyError): 'x'"),
    ],
)
def test_the_reason_a_finishing_step_failed_is_in_vietnamese(error: Exception, reason: str):
    assert summary_batch.failure_reason(error) == reason
