"""The outgoing register (sổ văn bản đi): its lines, and the documents they point to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import current_user

from ..documents.pdf import PdfError
from ..documents.render import TemplateError
from ..domain.errors import RecordError
from ..jobs.render import render_one
from ..store import register, repository
from .database import database_url, get_session
from .guards import admin_required, can_access_unit, login_required, unit_scoped
from .listing import lookups, requested_page

bp = Blueprint("register", __name__, url_prefix="/register")

FORMATS = {"docx": "file", "pdf": "pdf_file"}


@dataclass(frozen=True)
class EntryLine:
    entry: register.Entry
    unit_name: str
    files: dict[str, bool]  # format → the file exists


def document_path(stored: str) -> Path | None:
    """Returns where a register line's file is (relative paths under FILES_ROOT), None if unset."""
    if not stored:
        return None
    path = Path(stored)
    return path if path.is_absolute() else Path(current_app.config["FILES_ROOT"]) / path


def _line(entry: register.Entry, unit_name: str) -> EntryLine:
    files = {}
    for fmt, attr in FORMATS.items():
        path = document_path(getattr(entry, attr))
        files[fmt] = path is not None and path.is_file()
    return EntryLine(entry, unit_name, files)


@bp.get("/")
@unit_scoped
def index() -> str:
    session = get_session()
    found = lookups(session)
    ids = repository.unit_ids(session)
    names = {uid: found.units[code].name for code, uid in ids.items() if code in found.units}
    year = request.args.get("year", type=int)
    scope = [ids[g.unit_code]] if g.unit_code else None
    everything = register.entries(session, scope)
    years = sorted({e.year for e in everything} | ({year} if year else set()), reverse=True)
    entries = [e for e in everything if year in (None, e.year)]
    page = requested_page(entries)
    lines = [_line(e, names.get(e.unit_id, "")) for e in page.items]
    return render_template(
        "register/index.html",
        page=page,
        lines=lines,
        year=year,
        years=years,
        unit_code=g.unit_code,
        choices=found.choices(current_user),
    )


@bp.get("/<int:entry_id>/<any(docx, pdf):fmt>")
@login_required
def download(entry_id: int, fmt: str) -> ResponseReturnValue:
    """Sends the document of a register line (403 for another unit's line, 404 if no file)."""
    session = get_session()
    entry = register.get(session, entry_id)
    if entry is None:
        abort(404)
    codes = {uid: code for code, uid in repository.unit_ids(session).items()}
    if not can_access_unit(current_user, codes.get(entry.unit_id)):
        abort(403)
    path = document_path(getattr(entry, FORMATS[fmt]))
    if path is None or not path.is_file():
        abort(404)
    return send_file(path, as_attachment=True, download_name=path.name)


@bp.post("/directive")
@admin_required
def render_directive() -> ResponseReturnValue:
    """Renders the year's directive (numbered from the register), .docx and PDF."""
    year = request.form.get("year", type=int)
    if year is None:
        flash("Chưa chọn năm.", "error")
        return redirect(url_for("register.index"))
    try:
        made = render_one("directive", year, url=database_url(), pdf=True)
    except (RecordError, TemplateError) as exc:
        flash(f"Không tạo được chỉ thị năm {year}: {exc}", "error")
    except PdfError as exc:
        flash(f"Đã tạo tệp .docx của chỉ thị năm {year}, nhưng chưa tạo được PDF: {exc}", "error")
    else:
        state = "không đổi so với lần trước" if made.skipped else "đã tạo"
        flash(f"Chỉ thị số {made.symbol}: {state}.", "success")
    return redirect(url_for("register.index", year=year))
