"""The summary batch: every unit's report and the province's roll-up, in tree order, then one
PDF book of them all with a bookmark per report (`thidua batch summary`, the reports page)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from ..documents.book import Chapter, merge_book
from ..documents.kinds.summary import unit_order
from ..documents.output import write_atomically
from ..documents.pdf import PdfError
from ..documents.render import TemplateError
from ..domain.aggregation import descendants
from ..domain.errors import RecordError
from ..domain.records import Unit
from ..domain.recordset import in_vietnamese, location_in_vietnamese, vietnamese_message
from ..store import db
from ..store import repository as repo
from .batch import Summary, Task
from .render import default_home

KIND = "summary"


def tree(units: Sequence[Unit]) -> list[tuple[Unit, int]]:
    """Returns the units in tree order (the province first, parents before children, siblings
    by kind then code: departments, agencies, districts, communes) with their depth; units
    outside the province's tree follow, by code."""
    units = sorted(units, key=unit_order)
    tops = [u for u in units if u.kind == "province"]
    if len(tops) != 1:
        return [(u, 0) for u in sorted(units, key=lambda u: u.code)]
    depth = {tops[0].code: 0}
    ordered = [tops[0], *descendants(units, tops[0].code)]
    for u in ordered[1:]:  # a parent comes before its children
        depth[u.code] = depth.get(u.parent or "", -1) + 1
    rest = sorted((u for u in units if u.code not in depth), key=lambda u: u.code)
    return [(u, depth[u.code]) for u in ordered] + [(u, 0) for u in rest]


def summary_tasks(year: int, url: str) -> list[Task]:
    """Returns the batch's documents: the province's roll-up, then every unit's report in tree
    order."""
    with db.transaction(url) as session:
        units = repo.load_all(session, "units")
    return [Task(KIND, year, None, url), *(Task(KIND, year, u.code, url) for u, _ in tree(units))]


def book_path(year: int, output_dir: Path | None = None) -> Path:
    """Returns where the book goes: `outputs/<year>/summary/so-tong-ket-<year>.pdf`, or in
    `output_dir`."""
    name = f"so-tong-ket-{year}.pdf"
    if output_dir is not None:
        return Path(output_dir) / name
    return default_home() / "outputs" / str(year) / KIND / name


def book_file(year: int) -> Path | None:
    """Returns the year's book as the web batch leaves it (under outputs/), None if not made."""
    path = book_path(year)
    return path if path.is_file() else None


def failure_reason(exc: Exception) -> str:
    """Returns, in Vietnamese, why a batch's finishing step failed: a refusal with its fields
    named in Vietnamese, a stored record that no longer validates (which field, what is wrong),
    or an unexpected error's type and text."""
    if isinstance(exc, RecordError):
        return str(in_vietnamese(exc))
    if isinstance(exc, ValidationError):
        found = "; ".join(f"trường “{location_in_vietnamese(tuple(e['loc'])) or '?'}”: "
                          f"{vietnamese_message(e)}" for e in exc.errors())
        return f"dữ liệu đã lưu không hợp lệ: {found}"
    if isinstance(exc, (TemplateError, PdfError)):
        return str(exc)
    if isinstance(exc, OSError) and exc.filename:  # the file's name, not its server path
        name = Path(exc.filename).name
        if isinstance(exc, FileNotFoundError):
            return f"không tìm thấy tệp {name}"
        if isinstance(exc, PermissionError):
            return f"không có quyền đọc, ghi tệp {name}"
        return f"không đọc, ghi được tệp {name} (mã lỗi {exc.errno})"
    return f"lỗi không mong đợi ({type(exc).__name__}): {exc}"


def finish_summary(summary: Summary, year: int, url: str, output_dir: Path | None) -> list[str]:
    """The batch's finishing step: merges the PDFs made (or found unchanged) into one book, the
    province's roll-up first, then the units in tree order, a bookmark each (nested as the unit
    tree); returns the lines to tell the user (a failure as one `Lỗi: …` line, never raised).
    The book is named, not its server path: the web offers it for download."""
    try:
        return _merge_book(summary, year, url, output_dir)
    except Exception as exc:  # noqa: BLE001 - the documents are made; say why the book is not
        return [f"Lỗi: chưa ghép được sổ báo cáo PDF: {failure_reason(exc)}"]


def _merge_book(summary: Summary, year: int, url: str, output_dir: Path | None) -> list[str]:
    pdfs = {
        o.task.unit: o.pdf_path
        for o in summary.outcomes
        if o.task.kind == KIND and o.status != "failed" and o.pdf_path
    }
    if not pdfs:
        return ["Chưa ghép sổ báo cáo PDF: hãy tạo kèm PDF (--pdf)."]
    with db.transaction(url) as session:
        units = repo.load_all(session, "units")
    chapters = []
    if None in pdfs:
        chapters.append(
            Chapter(f"Báo cáo tổng hợp toàn tỉnh năm {year}", Path(pdfs[None]).read_bytes())
        )
    for unit, depth in tree(units):
        if unit.code in pdfs:
            chapters.append(Chapter(unit.name, Path(pdfs[unit.code]).read_bytes(), depth))
    path = book_path(year, output_dir)
    write_atomically(
        path, merge_book(chapters, f"Sổ báo cáo tổng kết thi đua, khen thưởng năm {year}")
    )
    lines = [f"Đã ghép sổ báo cáo PDF ({len(chapters)} báo cáo): {path.name}"]
    missing = len(summary.outcomes) - len(chapters)
    if missing > 0:
        lines.append(f"Sổ thiếu {missing} báo cáo chưa có PDF (xem các lỗi ở trên).")
    return lines
