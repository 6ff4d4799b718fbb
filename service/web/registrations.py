"""The registrations pages: each unit's registration (bản đăng ký thi đua) for a year, the form a
unit fills in, its letter, and the province's overview with the consolidated list."""

from __future__ import annotations

import io

from flask import (
    Blueprint,
    Response,
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
from ..jobs import registration_province as province_jobs
from ..jobs import registrations as jobs
from ..jobs.render import Rendered
from ..store.repository import load_all
from .database import database_url, get_session
from .guards import admin_required, unit_scoped
from .listing import lookups, requested_year
from .registration_form import (
    ACTIONS,
    AUTHORITIES,
    COLLECTIVE_TITLES,
    INDIVIDUAL_AWARDS,
    INDIVIDUAL_TITLES,
    Errors,
    RegistrationForm,
    form_input,
    staff_choices,
)
from .tables import registration_lines, unregistered

bp = Blueprint("registrations", __name__, url_prefix="/registrations")

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MIMETYPES = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             "pdf": "application/pdf"}


@bp.get("/")
@unit_scoped
def index() -> str:
    session = get_session()
    found = lookups(session)
    year = requested_year(session)
    choices = found.choices(current_user)
    shown = [line.unit.code for line in choices if g.unit_code in (None, line.unit.code)]
    regs = [r for r in load_all(session, "registrations", year=year.year) if r.unit in shown]
    return render_template(
        "registrations/index.html",
        lines=registration_lines(regs, found.units, found.order),
        year=year,
        unit_code=g.unit_code,
        choices=choices,
        missing=len(unregistered(shown, regs)),
        own_unit=current_user.unit_code if current_user.role == "clerk" else None,
    )


def _show_form(data: jobs.FormData, entered: jobs.RegistrationInput, errors: Errors,
               status: int = 200, notice: str = "") -> ResponseReturnValue:
    return render_template(
        "registrations/form.html", form=RegistrationForm(formdata=None), unit=data.unit,
        year=data.year, stored=data.stored, data=entered, errors=errors, notice=notice,
        staff=staff_choices(data.staff), collective_titles=COLLECTIVE_TITLES,
        titles=INDIVIDUAL_TITLES, awards=INDIVIDUAL_AWARDS, authorities=AUTHORITIES,
        actions=ACTIONS,
    ), status


@bp.route("/<unit>/<int:year>/", methods=["GET", "POST"])
@unit_scoped(write=True)
def form(unit: str, year: int) -> ResponseReturnValue:
    """The unit's registration form: Lưu nháp, Gửi đăng ký, or Nạp từ Excel (rows only)."""
    url = database_url()
    data = jobs.open_form(unit, year, url)
    if request.method == "GET":
        return _show_form(data, data.input, Errors())
    posted = RegistrationForm()
    if not posted.validate_on_submit():  # only the CSRF token can fail here
        return _show_form(data, data.input, Errors({"form": list(posted.errors.get(
            "csrf_token", ["Biểu mẫu không hợp lệ."]))}), 400)
    entered = form_input(posted).cleaned()
    action = posted.action.data if posted.action.data in ACTIONS else "draft"
    if action == "import":
        return _import(data, entered, posted)
    try:
        if action == "submit":
            saved = jobs.submit(unit, year, entered, url)
            flash(f"Đã gửi bản đăng ký thi đua năm {year} ({len(saved.individuals)} cá nhân).",
                  "success")
        else:
            jobs.save_draft(unit, year, entered, url)
            flash("Đã lưu nháp. Bản nháp chưa được gửi lên tỉnh.", "success")
    except RecordError as exc:  # what was typed is shown again; nothing stored has changed
        return _show_form(data, entered, Errors.of(exc.problems), 422)
    return redirect(url_for("registrations.form", unit=unit, year=year))


def _import(data: jobs.FormData, entered: jobs.RegistrationInput,
            posted: RegistrationForm) -> ResponseReturnValue:
    upload = posted.sheet.data
    if upload is None or not getattr(upload, "filename", ""):
        return _show_form(data, entered, Errors({"sheet": ["Chưa chọn tệp Excel (.xlsx)."]}),
                          422)
    try:
        rows = jobs.import_sheet(data.unit.code, upload.read(), upload.filename, database_url())
    except RecordError as exc:
        return _show_form(data, entered, Errors.of(exc.problems, at="sheet"), 422)
    entered.rows = rows
    return _show_form(data, entered, Errors(), notice=(
        f"Đã nạp {len(rows)} cá nhân từ tệp “{upload.filename}” vào danh sách (thay các dòng "
        "cũ). Kiểm tra lại rồi bấm “Lưu nháp” hoặc “Gửi đăng ký” để lưu."))


@bp.get("/<unit>/<int:year>/mau-danh-sach.xlsx")
@unit_scoped
def sample(unit: str, year: int) -> ResponseReturnValue:
    data = jobs.sample_sheet(unit, database_url())
    return Response(data, mimetype=XLSX, headers={
        "Content-Disposition": f"attachment; filename=mau-dang-ky-thi-dua-{year}-{unit}.xlsx"})


def _pdf_reason(exc: PdfError) -> PdfError | BaseException:
    """Returns why the PDF was not made, without the server path of the .docx that the job's
    message starts with."""
    return exc.__cause__ or exc


def _send(made: Rendered, fmt: str) -> ResponseReturnValue:
    path = made.pdf_path if fmt == "pdf" else made.path
    assert path is not None
    # sent from memory: a batch may replace the file while it is being sent
    return send_file(io.BytesIO(path.read_bytes()), as_attachment=True, download_name=path.name,
                     mimetype=MIMETYPES[fmt])


@bp.get("/<unit>/<int:year>/cong-van.<any(docx, pdf):fmt>")
@unit_scoped(write=True)  # the first download numbers the letter in the unit's register
def letter(unit: str, year: int, fmt: str) -> ResponseReturnValue:
    """Sends the unit's registration letter, made (or found unchanged) on the spot."""
    try:
        made = jobs.letter(unit, year, database_url(), pdf=fmt == "pdf")
    except (RecordError, TemplateError) as exc:
        flash(f"Chưa tạo được công văn đăng ký: {exc}", "error")
    except PdfError as exc:
        flash(f"Đã tạo tệp .docx nhưng chưa tạo được PDF: {_pdf_reason(exc)}", "error")
    else:
        return _send(made, fmt)
    return redirect(url_for("registrations.form", unit=unit, year=year))


@bp.get("/tinh")
@admin_required
def province() -> str:
    """Which units have sent their registration, which have not; the consolidated list."""
    year = requested_year(get_session())
    lines = province_jobs.overview(year.year, database_url())
    return render_template("registrations/province.html", year=year, lines=lines,
                           sent=sum(line.submitted for line in lines))


@bp.get("/tinh/<int:year>/tong-hop.<any(docx, pdf, xlsx):fmt>")
@admin_required
def summary(year: int, fmt: str) -> ResponseReturnValue:
    url = database_url()
    if fmt == "xlsx":
        return Response(province_jobs.consolidated_xlsx(year, url), mimetype=XLSX, headers={
            "Content-Disposition": f"attachment; filename=tong-hop-dang-ky-thi-dua-{year}.xlsx"})
    try:
        made = province_jobs.summary_document(year, url, pdf=fmt == "pdf")
    except (RecordError, TemplateError) as exc:
        flash(f"Chưa lập được bản tổng hợp: {exc}", "error")
    except PdfError as exc:
        flash(f"Đã lập tệp .docx nhưng chưa tạo được PDF: {_pdf_reason(exc)}", "error")
    else:
        return _send(made, fmt)
    return redirect(url_for("registrations.province", year=year))
