"""The summary batch: every unit's report and the province's roll-up, in tree order, then one
PDF book of them all with a bookmark per report (`thidua batch summary`, the reports page)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..documents.book import Chapter, merge_book
from ..documents.kinds.summary import unit_order
from ..documents.output import write_atomically
from ..domain.aggregation import descendants
from ..domain.records import Unit
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


def finish_summary(summary: Summary, year: int, url: str, output_dir: Path | None) -> list[str]:
    """The batch's finishing step: merges the PDFs made (or found unchanged) into one book, the
    province's roll-up first, then the units in tree order, a bookmark each (nested as the unit
    tree); returns the lines to tell the user."""
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
    lines = [f"Đã ghép sổ báo cáo PDF ({len(chapters)} báo cáo): {path}"]
    missing = len(summary.outcomes) - len(chapters)
    if missing > 0:
        lines.append(f"Sổ thiếu {missing} báo cáo chưa có PDF (xem các lỗi ở trên).")
    return lines
