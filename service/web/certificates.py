"""The certificates pages: print a decision's Bằng khen / Giấy khen onto pre-printed blanks, and
edit where each field goes on a unit's blank (with its calibration page)."""

from __future__ import annotations

import io
from typing import Any

from flask import (
    Blueprint,
    abort,
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
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from ..domain.catalogue import BY_CODE
from ..domain.certificate_layout import ALIGNS, FIELD_LABELS, layout_to_dict
from ..domain.errors import RecordError
from ..domain.records import Decision
from ..jobs import certificates as jobs
from ..store.repository import load_all
from ..vnformat.symbols import number_and_symbol
from .database import database_url, get_session
from .guards import can_change_unit, login_required, unit_scoped
from .listing import lookups, requested_year

bp = Blueprint("certificates", __name__, url_prefix="/certificates")

ALIGN_LABELS = {"left": "Trái", "center": "Giữa", "right": "Phải"}
NUMBERS = (("x_mm", "x"), ("y_mm", "y"), ("width_mm", "Rộng"), ("height_mm", "Cao"),
           ("size_pt", "Cỡ chữ"))
FLAGS = (("bold", "Đậm"), ("italic", "Nghiêng"), ("upper", "In hoa"))


class PlainForm(FlaskForm):
    """A form whose fields the view reads itself; only its CSRF token is checked here."""


def _symbol(decision: Decision) -> str:
    unit = lookups(get_session()).units.get(decision.unit)
    if decision.number is None or unit is None:
        return "chưa có số"
    return number_and_symbol(decision.number, "QĐ", unit.abbreviation)


@bp.get("/")
@login_required
def index() -> str:
    session = get_session()
    year = requested_year(session)
    decisions = load_all(session, "decisions", year=year.year)
    found = lookups(session)
    rows = []
    for d in decisions:
        items = jobs.awarded(session, d)
        honours = list(dict.fromkeys(a.nomination.honour for a in items))
        rows.append((d, _symbol(d), len(items), [BY_CODE[h].name for h in honours],
                     any(a.has_blank for a in items), can_change_unit(current_user, d.unit)))
    units = [line for line in found.tree if can_change_unit(current_user, line.unit.code)]
    return render_template("certificates/index.html", rows=rows, year=year, units=units,
                           blanks=[(code, BY_CODE[code].name) for code in jobs.BLANKS])


def _decision(code: str) -> Decision:
    session = get_session()
    try:
        decision = jobs.decision_of(session, code)
    except RecordError:
        abort(404)
    if not can_change_unit(current_user, decision.unit):
        abort(403)
    return decision


def _first_number() -> int | None:
    return request.args.get("first_number", type=int)


def _decision_page(decision: Decision, errors: list[str]) -> str:
    session = get_session()
    items = jobs.awarded(session, decision)
    honour = request.args.get("honour") or next(
        (a.nomination.honour for a in items if a.has_blank), None)
    return render_template(
        "certificates/decision.html", decision=decision, symbol=_symbol(decision), items=items,
        honour=honour, first_number=_first_number(), errors=errors,
        honour_names={code: h.name for code, h in BY_CODE.items()},
        unit=lookups(session).units.get(decision.unit),
    )


@bp.get("/decisions/<code>")
@login_required
def decision(code: str) -> str:
    return _decision_page(_decision(code), [])


def _pdf(data: bytes, name: str, attachment: bool = True) -> Response:
    return send_file(io.BytesIO(data), mimetype="application/pdf", as_attachment=attachment,
                     download_name=name)


@bp.get("/decisions/<code>/print/<what>")
@login_required
def print_(code: str, what: str) -> ResponseReturnValue:
    """Downloads `all` (one PDF of every certificate), `zip`, or one nomination's PDF."""
    found = _decision(code)
    try:
        batch = jobs.print_certificates(database_url(), code, request.args.get("honour") or None,
                                        _first_number())
    except RecordError as exc:
        return _decision_page(found, [str(p) for p in exc.problems]), 422
    if what == "all":
        return _pdf(batch.merged, batch.merged_filename)
    if what == "zip":
        return send_file(io.BytesIO(batch.zip_bytes()), mimetype="application/zip",
                         as_attachment=True, download_name=f"{code}-{batch.honour}.zip")
    one = next((c for c in batch.certificates if c.nomination == what), None)
    if one is None:
        abort(404)
    return _pdf(one.pdf, one.filename)


# --- layouts -----------------------------------------------------------------------------------


def _layout_data(form: Any) -> dict[str, Any]:
    """Returns the layout the form describes, as layout_from_dict reads it (numbers as typed)."""
    fields: dict[str, Any] = {}
    for key in FIELD_LABELS:
        if form.get(f"{key}.on") != "1":
            continue
        box: dict[str, Any] = {name: form.get(f"{key}.{name}", "").strip() for name, _ in NUMBERS}
        box.update({name: form.get(f"{key}.{name}") == "1" for name, _ in FLAGS})
        box["align"] = form.get(f"{key}.align", "center")
        fields[key] = box
    return {
        "name": form.get("name", "").strip(),
        "width_mm": form.get("width_mm", "").strip(),
        "height_mm": form.get("height_mm", "").strip(),
        "salutation_with_name": form.get("salutation_with_name") == "1",
        "fields": fields,
    }


def _shown(value: Any) -> str:
    """Returns a stored number as a clerk types it (`86`, `12,5`); typed text as it was."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:g}".replace(".", ",")
    return str(value)


def _blank_or_404(honour: str) -> None:
    if honour not in jobs.BLANKS:
        abort(404)


@bp.route("/layouts/<unit>/<honour>", methods=["GET", "POST"])
@unit_scoped(arg="unit", write=True)
def layout(unit: str, honour: str) -> ResponseReturnValue:
    _blank_or_404(honour)
    form = PlainForm()
    errors: list[str] = []
    wrong: set[str] = set()
    current = jobs.unit_layout(database_url(), unit, honour)
    data = layout_to_dict(current.layout)
    if form.validate_on_submit():
        data = _layout_data(request.form)
        try:
            jobs.save_layout(database_url(), unit, honour, data)
        except RecordError as exc:
            errors = [p.message for p in exc.problems]  # each names its box already
            wrong = {parts[1] for p in exc.problems
                     if len(parts := (p.field or "").split(".")) > 1 and parts[0] == "fields"}
        else:
            flash("Đã lưu vị trí các ô trên phôi.", "success")
            return redirect(url_for(".layout", unit=unit, honour=honour))
    return render_template(
        "certificates/layout.html", form=form, reset_form=PlainForm(), data=data,
        custom=current.custom, unit=lookups(get_session()).units[g.unit_code], honour=honour,
        honour_name=BY_CODE[honour].name, labels=FIELD_LABELS, numbers=NUMBERS, flags=FLAGS,
        aligns=[(a, ALIGN_LABELS[a]) for a in ALIGNS], errors=errors, wrong=wrong, shown=_shown,
    )


@bp.post("/layouts/<unit>/<honour>/reset")
@unit_scoped(arg="unit", write=True)
def reset(unit: str, honour: str) -> ResponseReturnValue:
    _blank_or_404(honour)
    if PlainForm().validate_on_submit():
        jobs.reset_layout(database_url(), unit, honour)
        flash("Đã khôi phục vị trí mặc định của phôi.", "success")
    return redirect(url_for(".layout", unit=unit, honour=honour))


@bp.get("/layouts/<unit>/<honour>/calibration.pdf")
@unit_scoped(arg="unit")
def calibration(unit: str, honour: str) -> Response:
    _blank_or_404(honour)
    return _pdf(jobs.calibration(database_url(), unit, honour),
                f"trang-can-chinh-{unit}-{honour}.pdf", attachment=False)
