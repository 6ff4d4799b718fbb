"""Build a unit's nomination dossier in one action: check every part is there, then render the
submission, its list of nominees, the council's minutes and one achievement report per nominee
going up; each as PDF, one merged PDF with a bookmark per document, and a zip of it all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..documents import bundle
from ..documents.kinds import KINDS
from ..documents.kinds import nominees as nm
from ..documents.output import write_atomically
from ..documents.render import render_docx
from ..domain.errors import Problem, RecordError
from ..domain.records import Nomination
from ..store import db
from ..vnformat.text import slugify
from . import nomination_sources as sources
from .render import TEMPLATES, Rendered, default_home, render_one


@dataclass(frozen=True)
class DossierPart:
    """One document of the dossier: its title (the PDF's bookmark), files and page count
    (None without PDF)."""

    title_vi: str
    docx_path: Path
    pdf_path: Path | None
    pages: int | None


@dataclass(frozen=True)
class LeftOut:
    """A nomination of the unit that does not go up, and why (Vietnamese)."""

    code: str
    nominee: str
    reason: str


@dataclass(frozen=True)
class Dossier:
    """The dossier made: its directory, its parts in order, the merged PDF (None without PDF),
    the zip of every file, the nominations left out, and warnings (Vietnamese) on nominees in
    it whose eligibility the records cannot tell (naming the criteria)."""

    directory: Path
    parts: list[DossierPart]
    merged_pdf: Path | None
    zip_path: Path
    left_out: list[LeftOut] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def dossier_dir(unit_code: str, year: int) -> Path:
    """Returns where a unit's dossier goes by default: outputs/<year>/dossier/<unit>/."""
    return default_home() / "outputs" / str(year) / "dossier" / (slugify(unit_code) or "don-vi")


def _plan(unit_code: str, year: int, url: str | None
          ) -> tuple[sources.UnitNominations, sources.Selection, list[LeftOut]]:
    """Returns the unit's records, which nominations go up (in the list's order) and those
    left out. RecordError naming everything missing; nothing has been written then."""
    with db.transaction(url) as session:
        found = sources.unit_nominations(session, unit_code, year)
        problems = sources.missing(found)
        if problems:
            raise RecordError(problems)
        selection = sources.select(session, found)
    going_up = selection.going_up
    left_out = [LeftOut(n.code, nm.nominee_name(n, found.people, found.units), reason)
                for n, reason in selection.left_out]
    if not going_up:
        problems.append(Problem(f"không có đề nghị nào của {found.unit.name} năm {year} đạt tỷ lệ "
                                "phiếu đồng ý, đủ điều kiện và thuộc thẩm quyền khen thưởng của "
                                "cấp trên để đưa vào hồ sơ", field="đề nghị"))
        problems += [Problem(f"{left.code} ({left.nominee}): {left.reason}", field="đề nghị")
                     for left in left_out]
    for n in going_up:
        if not n.report:
            name = nm.nominee_name(n, found.people, found.units)
            problems.append(Problem(f"đề nghị {n.code} ({name}) chưa có báo cáo thành tích",
                                    field="báo cáo thành tích"))
    if problems:
        raise RecordError(problems)
    return found, selection, left_out


def build_dossier(
    unit_code: str,
    year: int,
    *,
    url: str | None = None,
    output_dir: Path | None = None,
    pdf: bool = True,
    to_pdf: Callable[[bytes], bytes] | None = None,
) -> Dossier:
    """Builds the dossier of `unit_code`'s nominations of `year` into `output_dir` (None:
    outputs/<year>/dossier/<unit>/ under THIDUA_HOME): the submission and the minutes numbered
    by the register, the list of nominees, one achievement report per nominee that won the
    council's vote, is not refused by the eligibility check and whose honour the province
    confers (the unit's head confers the rest himself); with `pdf`, each as PDF
    (`to_pdf`, default the warm converters) and all merged with a bookmark per document; and a
    zip of every file. Re-building keeps the documents' numbers. Which nominations go up, why
    the others do not (Dossier.left_out), and which going up cannot be judged
    (Dossier.warnings): jobs.selection.dossier_candidates, the web's dossier page's rule.

    Raises RecordError, before anything is written, when the unit has no nominations, no
    council minutes with votes, no head to sign, none going up (with each one's reason) or one
    going up without its report; TemplateError or PdfError (documents) when rendering fails.
    """
    found, selection, left_out = _plan(unit_code, year, url)
    going_up = selection.going_up
    directory = Path(output_dir) if output_dir else dossier_dir(unit_code, year)
    convert = to_pdf
    if pdf and convert is None:
        from ..documents.pdf import to_pdf as convert

    def render(kind: str, key: str, name: str) -> Rendered:
        return render_one(kind, year, key, url=url, output=directory / name, pdf=pdf,
                          to_pdf=convert)

    minutes = render("minutes", unit_code, "03-bien-ban-hop-hoi-dong.docx")
    submission = render("submission", unit_code, "01-to-trinh.docx")
    nominee_list = _render_list(found, going_up, submission, directory, convert if pdf else None)
    reports = [
        (n, render("achievement_report", n.code,
                   f"04-bao-cao-thanh-tich-{i:02d}-{slugify(_name(n, found))}.docx"))
        for i, n in enumerate(going_up, start=1)
    ]
    parts = [
        _part(f"Tờ trình số {submission.symbol}", submission.path, submission.pdf_path),
        nominee_list,
        _part(f"Biên bản họp {nm.council_name(found.unit)} số {minutes.symbol}", minutes.path,
              minutes.pdf_path),
        *(_part(f"Báo cáo thành tích: {_name(n, found)} ({nm.honour_name(n.honour)})",
                made.path, made.pdf_path) for n, made in reports),
    ]
    stem = f"ho-so-de-nghi-khen-thuong-{slugify(unit_code)}-{year}"
    title = f"Hồ sơ đề nghị khen thưởng năm {year} - {found.unit.name}" if pdf else None
    merged, zip_path = _package(parts, directory, stem, title)
    return Dossier(directory, parts, merged, zip_path, left_out, selection.warnings)


def _package(parts: list[DossierPart], directory: Path, stem: str, title: str | None
             ) -> tuple[Path | None, Path]:
    """Writes the parts' PDFs merged into one (bookmarked, titled `title`; None: no merged PDF)
    and a zip of every file; returns both paths."""
    merged = None
    if title is not None:
        merged = directory / f"{stem}.pdf"
        write_atomically(merged, bundle.merge_pdfs(
            [(p.title_vi, p.pdf_path.read_bytes()) for p in parts if p.pdf_path], title))
    files = [f for p in parts for f in (p.docx_path, p.pdf_path) if f is not None]
    files += [merged] if merged else []
    zip_path = directory / f"{stem}.zip"
    write_atomically(zip_path, bundle.zip_files(files, directory))
    return merged, zip_path


def _name(n: Nomination, found: sources.UnitNominations) -> str:
    return nm.nominee_name(n, found.people, found.units)


def _part(title: str, docx_path: Path, pdf_path: Path | None) -> DossierPart:
    pages = bundle.page_count(pdf_path.read_bytes()) if pdf_path else None
    return DossierPart(title, docx_path, pdf_path, pages)


def _render_list(
    found: sources.UnitNominations,
    going_up: list[Nomination],
    submission: Rendered,
    directory: Path,
    convert: Callable[[bytes], bytes] | None,
) -> DossierPart:
    """Renders the list attached to the submission: it carries the submission's number, so it
    is not numbered in the register on its own."""
    assert found.head is not None and found.vote is not None
    kind = KINDS["nominee_list"]
    context = kind.build_context(
        unit=found.unit, parent=found.parent, nominations=going_up, people=found.people,
        units=found.units, head=found.head, submission_number=submission.number,
        submission_date=found.vote.date, year=found.year, province=found.province,
        chair=found.vote.chair)
    data = render_docx(TEMPLATES / kind.template, context)
    path = directory / "02-danh-sach-de-nghi-khen-thuong.docx"
    write_atomically(path, data)
    pdf_path = None
    if convert is not None:
        pdf_path = path.with_suffix(".pdf")
        write_atomically(pdf_path, convert(data))
    return _part(f"Danh sách đề nghị khen thưởng kèm theo Tờ trình số {submission.symbol}",
                 path, pdf_path)
