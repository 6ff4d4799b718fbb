"""The annual summary pages: the year's targets and their results (form, Excel), each unit's
narrative for its report, the report itself, the batch of every unit's report and its book."""

from __future__ import annotations

import io

from flask import Blueprint, flash, redirect, render_template, request, send_file, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from ..documents.render import TemplateError
from ..domain.errors import Problem, RecordError
from ..jobs import reports as jobs
from ..jobs import target_results as result_jobs
from ..jobs import targets as target_jobs
from ..jobs.summary_batch import book_file
from .database import database_url, get_session
from .guards import (
    admin_required,
    can_access_unit,
    can_change_unit,
    login_required,
    roles_required,
    unit_scoped,
)
from .listing import requested_year

bp = Blueprint("reports", __name__, url_prefix="/reports")

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _marks(problems: list[Problem]) -> dict[str, str]:
    """Returns the problems by the form cell they are about (`4.2:planned`)."""
    return {p.field: p.message for p in problems if p.field}


@bp.get("/")
@login_required
def index() -> str:
    year = requested_year(get_session())
    state = jobs.overview(year.year, database_url())
    lines = [line for line in state.units if can_access_unit(current_user, line.unit.code)]
    return render_template(
        "reports/index.html",
        year=year,
        state=state,
        lines=lines,
        sections=len(jobs.SECTIONS),
        is_admin=current_user.role == "admin",
        has_book=current_user.role in ("admin", "viewer") and book_file(year.year) is not None,
    )


# ---------------------------------------------------------------- targets


def _posted_targets(form: MultiDict[str, str]) -> list[target_jobs.TargetInput]:
    """Returns the targets as posted: `t-<i>-number`, `t-<i>-text`, and per indicator
    `t-<i>-<j>-code|name|unit|planned|lower|delete`."""
    targets = []
    i = 0
    while f"t-{i}-number" in form:
        indicators = []
        j = 0
        while f"t-{i}-{j}-code" in form:
            key = f"t-{i}-{j}-"
            indicators.append(
                target_jobs.IndicatorInput(
                    form.get(key + "code", ""),
                    form.get(key + "name", ""),
                    form.get(key + "unit", ""),
                    form.get(key + "planned", ""),
                    lower_is_better=key + "lower" in form,
                    delete=key + "delete" in form,
                )
            )
            j += 1
        number = form.get(f"t-{i}-number", "")
        targets.append(
            target_jobs.TargetInput(
                int(number) if number.isdigit() else 0, form.get(f"t-{i}-text", ""), indicators
            )
        )
        i += 1
    return targets


@bp.route("/<int:year>/targets", methods=["GET", "POST"])
@admin_required
def targets(year: int) -> ResponseReturnValue:
    """The admin edits the directive's targets and indicators (wording, unit, plan as printed,
    lower-is-better); a blank line adds a target, a blank row an indicator."""
    url = database_url()
    try:
        _, entered = target_jobs.load_targets(year, url)
    except RecordError as exc:
        flash(str(exc), "error")
        return redirect(url_for("reports.index", year=year))
    problems: list[Problem] = []
    if request.method == "POST":
        entered = _posted_targets(request.form)
        try:
            saved = target_jobs.save_targets(year, entered, url)
        except RecordError as exc:
            problems = exc.problems
            entered = target_jobs.without_blanks(entered)  # the page adds its own blank rows
        else:
            flash(
                f"Đã lưu {len(saved.indicators())} chỉ số của "
                f"{len(saved.annex.targets if saved.annex else [])} chỉ tiêu năm {year}.",
                "success",
            )
            return redirect(url_for("reports.targets", year=year))
    html = render_template(
        "reports/targets.html",
        year=year,
        targets=entered,
        problems=problems,
        marks=_marks(problems),
    )
    return html, 422 if problems else 200


# ---------------------------------------------------------------- results


def _results_page(
    year: int,
    values: dict[str, tuple[str, str]] | None = None,
    problems: list[Problem] | None = None,
    status: int = 200,
) -> ResponseReturnValue:
    try:
        lines = result_jobs.result_lines(year, database_url())
    except RecordError as exc:
        flash(str(exc), "error")
        return redirect(url_for("reports.index", year=year))
    problems = problems or []
    shown = values or {line.code: (line.achieved, line.previous) for line in lines}
    return render_template(
        "reports/results.html",
        year=year,
        lines=lines,
        values=shown,
        problems=problems,
        marks=_marks(problems),
    ), status


@bp.get("/<int:year>/results")
@admin_required
def results(year: int) -> ResponseReturnValue:
    return _results_page(year)


@bp.post("/<int:year>/results")
@admin_required
def save_results(year: int) -> ResponseReturnValue:
    """Saves the achieved and previous-year figures typed in the table."""
    codes = [key[2:] for key in request.form if key.startswith("a-")]
    entered = {
        code: (request.form.get(f"a-{code}", ""), request.form.get(f"p-{code}", ""))
        for code in codes
    }
    try:
        saved = result_jobs.save_results(year, entered, database_url())
    except RecordError as exc:
        return _results_page(year, entered, exc.problems, 422)
    flash(f"Đã lưu kết quả của {len(saved.results)} chỉ số năm {year}.", "success")
    return redirect(url_for("reports.results", year=year))


@bp.post("/<int:year>/results/upload")
@admin_required
def upload_results(year: int) -> ResponseReturnValue:
    """Saves the figures of an uploaded sheet (the sample's columns), all or none."""
    sheet = request.files.get("sheet")
    if sheet is None or not sheet.filename:
        return _results_page(year, problems=[Problem("Chưa chọn tệp Excel (.xlsx).")], status=422)
    try:
        saved = result_jobs.import_results(year, sheet.read(), sheet.filename, database_url())
    except RecordError as exc:
        return _results_page(year, problems=exc.problems, status=422)
    flash(f"Đã nạp kết quả của {len(saved.results)} chỉ số từ tệp “{sheet.filename}”.", "success")
    return redirect(url_for("reports.results", year=year))


@bp.get("/<int:year>/results.xlsx")
@admin_required
def results_sheet(year: int) -> ResponseReturnValue:
    try:
        data = result_jobs.results_workbook(year, database_url())
    except RecordError as exc:
        flash(str(exc), "error")
        return redirect(url_for("reports.index", year=year))
    return send_file(
        io.BytesIO(data),
        mimetype=XLSX,
        as_attachment=True,
        download_name=f"ket-qua-chi-tieu-{year}.xlsx",
    )


# ---------------------------------------------------------------- a unit's report


@bp.route("/<int:year>/units/<code>", methods=["GET", "POST"])
@unit_scoped(arg="code")
def narrative(year: int, code: str) -> ResponseReturnValue:
    """A unit writes the narrative of its report (its clerk: only their own unit)."""
    url = database_url()
    unit, report = jobs.unit_narrative(year, code, url)
    sections = dict(report.sections)
    problems: list[Problem] = []
    if request.method == "POST":
        sections = {key: request.form.get(key, "") for key in jobs.SECTIONS}
        try:
            jobs.save_narrative(year, code, sections, url)
        except RecordError as exc:
            problems = exc.problems
        else:
            flash(f"Đã lưu nội dung báo cáo tổng kết năm {year} của {unit.name}.", "success")
            return redirect(url_for("reports.narrative", year=year, code=code))
    html = render_template(
        "reports/narrative.html",
        year=year,
        unit=unit,
        sections=sections,
        labels=jobs.SECTIONS,
        problems=problems,
        can_edit=can_change_unit(current_user, code),
    )
    return html, 422 if problems else 200


def _document(year: int, code: str | None) -> ResponseReturnValue:
    try:
        made = jobs.report_document(year, code, database_url())
    except (RecordError, TemplateError) as exc:
        flash(str(exc), "error")
        back = (
            url_for("reports.narrative", year=year, code=code)
            if code
            else url_for("reports.index", year=year)
        )
        return redirect(back)
    return send_file(
        io.BytesIO(made.path.read_bytes()),
        mimetype=DOCX,
        as_attachment=True,
        download_name=made.path.name,
    )


@bp.post("/<int:year>/units/<code>/document")
@unit_scoped(arg="code")
def unit_document(year: int, code: str) -> ResponseReturnValue:
    """Makes (or finds unchanged) the unit's report and sends the .docx."""
    return _document(year, code)


@bp.post("/<int:year>/document")
@admin_required
def province_document(year: int) -> ResponseReturnValue:
    """Makes (or finds unchanged) the province's roll-up and sends the .docx."""
    return _document(year, None)


@bp.get("/<int:year>/book.pdf")
@roles_required("admin", "viewer")
def book(year: int) -> ResponseReturnValue:
    """Sends the year's book of every report (made by the summary batch with PDF)."""
    path = book_file(year)
    if path is None:
        flash(f"Chưa có sổ báo cáo tổng kết năm {year}: hãy tạo báo cáo của mọi đơn vị kèm PDF.",
              "error")
        return redirect(url_for("reports.index", year=year))
    return send_file(
        io.BytesIO(path.read_bytes()),
        mimetype="application/pdf",
        as_attachment=True,
        download_name=path.name,
    )
