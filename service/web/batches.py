"""Batches from the web: the province admin starts one and watches its progress; what it made
is offered for download (never a server path)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from ..domain.errors import RecordError
from ..jobs import batches
from ..jobs.summary_batch import book_file
from .database import database_url
from .guards import admin_required, login_required

bp = Blueprint("batches", __name__, url_prefix="/batches")


@bp.get("/")
@login_required
def index() -> str:
    return render_template("batches/index.html", jobs=batches.recent_jobs(database_url()),
                           kinds=batches.BATCH_KINDS)


@bp.post("/<kind>")
@admin_required
def start(kind: str) -> ResponseReturnValue:
    year = request.form.get("year", type=int)
    if year is None:
        flash("Chưa chọn năm.", "error")
        return redirect(request.referrer or url_for("batches.index"))
    try:
        job_id = batches.start_in_background(kind, year, pdf=bool(request.form.get("pdf")),
                                             force=bool(request.form.get("force")),
                                             url=database_url())
    except RecordError as exc:
        flash(str(exc), "error")
        return redirect(request.referrer or url_for("batches.index"))
    return redirect(url_for("batches.progress", job_id=job_id))


@bp.get("/job/<int:job_id>")
@login_required
def progress(job_id: int) -> str:
    status = batches.job_status(job_id, database_url())
    if status is None:
        abort(404)
    kind = batches.BATCH_KINDS.get(status.kind)
    return render_template("batches/progress.html", job=status,
                           title=kind.title_vi if kind else status.kind,
                           downloads=_downloads(status))


def _downloads(job: batches.JobStatus) -> list[tuple[str, str]]:
    """Returns (label, link) of what a finished batch made for the whole province, for the
    roles that may download it: the consolidated list (admin), the book of reports (admin,
    viewer)."""
    if job.status != "done":
        return []
    role = current_user.role
    if job.kind == "registrations" and role == "admin":
        return [(f"Bản tổng hợp đăng ký thi đua năm {job.year} ({fmt})",
                 url_for("registrations.summary", year=job.year, fmt=fmt))
                for fmt in ("docx", "pdf", "xlsx")]
    if job.kind == "summary" and role in ("admin", "viewer") and book_file(job.year):
        return [(f"Sổ báo cáo tổng kết năm {job.year} (PDF)",
                 url_for("reports.book", year=job.year))]
    return []
