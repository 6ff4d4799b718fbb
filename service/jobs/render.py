"""Render one official document: load its records, take its number from the register, render,
write atomically under outputs/, optionally convert to PDF, and note it in the register."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ..documents.kinds import KINDS
from ..documents.lint import format_report, lint_docx
from ..documents.output import output_path, write_atomically
from ..documents.render import render_docx
from ..domain.errors import RecordError
from ..store import db, register
from ..store import repository as repo
from . import sources

TEMPLATES = Path(__file__).resolve().parents[2] / "templates_docx"


def default_home() -> Path:
    """Returns the directory whose `outputs/` receives documents (THIDUA_HOME, else the working
    directory)."""
    return Path(os.environ.get("THIDUA_HOME", ".")).resolve()


@dataclass(frozen=True)
class Rendered:
    """A document made (or found unchanged): its file, hash, register number and symbol."""

    kind: str
    path: Path
    sha256: str
    number: int
    symbol: str
    pdf_path: Path | None
    skipped: bool = False
    render_span: tuple[float, float] | None = None  # wall-clock: building, rendering, checking
    format_problems: tuple[str, ...] = ()  # ND30 violations found in the rendered document


def _inputs_hash(kind: str, args: dict[str, Any]) -> str:
    def default(value: Any) -> Any:
        if hasattr(value, "model_dump"):
            return value.model_dump(mode="json")
        if isinstance(value, (dt.date, Path)):
            return str(value)
        raise TypeError(type(value))

    template = TEMPLATES / KINDS[kind].template
    payload = json.dumps({"kind": kind, "args": args, "template": template.stat().st_mtime_ns},
                         default=default, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def _number_for(session: Session, src: sources.Source, existing: register.Entry | None) -> int:
    if existing is not None:
        return existing.number  # re-rendering keeps the number the document was given
    if src.fixed_number is not None:
        taken = register.at(session, src.unit_id, src.year, src.fixed_number)
        if taken is not None and taken.record_key != src.record_key:
            raise RecordError.one(
                f"số {taken.symbol} đã được cấp cho văn bản “{taken.subject}”; văn bản này "
                f"ghi sẵn số {src.fixed_number:02d} nên không thể cấp lại — sửa số trong dữ liệu",
                field="number")
        register.reserve(session, src.unit_id, src.year, src.fixed_number)
        return src.fixed_number
    return register.next_number(session, src.unit_id, src.year)


def render_one(kind: str, year: int, unit: str | None = None, *, url: str | None = None,
               output: Path | None = None, pdf: bool = False, force: bool = False,
               to_pdf: Callable[[bytes], bytes] | None = None,
               home: Path | None = None) -> Rendered:
    """Renders document `kind` for `year` (and `unit` where the kind is per unit) into
    outputs/<year>/<kind>/, the file its register line points to; `output` receives a copy.

    Skips the work when the register already holds this record's document made from identical
    inputs and its file is still there (unless `force`). Raises RecordError when records are
    missing or wrong, TemplateError when the template is broken, PdfError (after the .docx is
    made and registered) when the PDF could not be made.
    """
    if kind not in KINDS:
        raise RecordError.one(f"không có loại văn bản “{kind}”; có: {', '.join(sorted(KINDS))}")
    if output is not None and Path(output).suffix.lower() != ".docx":
        raise RecordError.one(f"tệp kết quả “{output}” phải có đuôi .docx", field="output")
    with db.transaction(url) as session:
        src = sources.load(session, kind, year, unit)
        inputs_hash = _inputs_hash(kind, src.args)
        existing = register.find(session, kind=kind, record_key=src.record_key)
        reuse = (existing is not None and not force and existing.inputs_hash == inputs_hash
                 and Path(existing.file).is_file() and (not pdf or Path(existing.pdf_file).is_file()))
        if reuse and existing is not None:
            made = Rendered(kind, Path(existing.file), existing.sha256, existing.number,
                            existing.symbol, Path(existing.pdf_file) if existing.pdf_file else None,
                            skipped=True)
        else:
            number = _number_for(session, src, existing)
            register.record(session, unit_id=src.unit_id, year=src.year, number=number,
                            symbol=src.symbol(number), kind=kind, date=src.date,
                            subject=src.subject, record_key=src.record_key)
    pdf_error = None
    if not reuse:  # rendering happens outside the transaction: the lock only numbers it
        made, pdf_error = _make(kind, src, number, inputs_hash, url=url, pdf=pdf, to_pdf=to_pdf,
                                home=home or default_home())
    if output is not None:
        made = _copy_to(made, Path(output))
    if pdf_error is not None:
        raise type(pdf_error)(f"Đã tạo tệp Word {made.path} (số {made.symbol}). "
                              f"{pdf_error}") from pdf_error
    return made


def _make(kind: str, src: sources.Source, number: int, inputs_hash: str, *, url: str | None,
          pdf: bool, to_pdf: Callable[[bytes], bytes] | None, home: Path
          ) -> tuple[Rendered, Exception | None]:
    """Renders, checks against the ND30 format, writes, converts and registers one document;
    returns it and the PdfError that kept it from having a PDF, if any."""
    doc_kind = KINDS[kind]
    symbol = src.symbol(number)
    started = time.time()
    context = doc_kind.build_context(**src.args, number=number)
    data = render_docx(TEMPLATES / doc_kind.template, context)
    # the check belongs to making a document: a template edited out of format is reported
    problems = tuple(format_report([v]) for v in lint_docx(data))
    render_span = (started, time.time())
    path = output_path(home, src.year, kind, number, src.slug_text)
    sha = write_atomically(path, data)
    pdf_path, pdf_error = None, None
    # a PDF of an earlier rendering would be taken for this one: it goes, unless remade below
    path.with_suffix(".pdf").unlink(missing_ok=True)
    if pdf:
        from ..documents.pdf import PdfError
        from ..documents.pdf import to_pdf as default_to_pdf

        try:
            pdf_path = path.with_suffix(".pdf")
            write_atomically(pdf_path, (to_pdf or default_to_pdf)(data))
        except PdfError as exc:  # the .docx stands; the register notes it without a PDF
            pdf_path, pdf_error = None, exc
    with db.transaction(url) as session:
        register.record(session, unit_id=src.unit_id, year=src.year, number=number, symbol=symbol,
                        kind=kind, date=src.date, subject=src.subject, record_key=src.record_key,
                        inputs_hash=inputs_hash if pdf_error is None else "", file=str(path),
                        sha256=sha, pdf_file=str(pdf_path or ""))
    return Rendered(kind, path, sha, number, symbol, pdf_path, render_span=render_span,
                    format_problems=problems), pdf_error


def _copy_to(made: Rendered, output: Path) -> Rendered:
    """Returns `made` with its files also written at `output` (and the PDF beside it)."""
    output = output.resolve()
    write_atomically(output, made.path.read_bytes())
    pdf_copy = None
    if made.pdf_path is not None and made.pdf_path.is_file():
        pdf_copy = output.with_suffix(".pdf")
        write_atomically(pdf_copy, made.pdf_path.read_bytes())
    return dataclasses.replace(made, path=output, pdf_path=pdf_copy)


def attach_pdf(docx_path: Path, *, url: str | None = None,
               to_pdf: Callable[[bytes], bytes] | None = None) -> tuple[Path, tuple[float, float]]:
    """Converts an already rendered document to PDF beside it and notes the PDF in its register
    line; returns the PDF's path and the wall-clock span of the conversion. Raises PdfError
    (the .docx stays as it is)."""
    from ..documents.pdf import to_pdf as default_to_pdf

    pdf_path = docx_path.with_suffix(".pdf")
    docx = docx_path.read_bytes()
    started = time.time()
    pdf = (to_pdf or default_to_pdf)(docx)
    span = (started, time.time())
    write_atomically(pdf_path, pdf)
    with db.transaction(url) as session:
        register.set_pdf(session, str(docx_path), str(pdf_path))
    return pdf_path, span


def unit_codes(year: int, url: str | None = None) -> list[str]:
    """Returns every unit's code (the batch's work list)."""
    with db.transaction(url) as session:
        return [u.code for u in repo.load_all(session, "units")]
