"""The nominations pages: the year's proposals (đề nghị khen thưởng) with their verdicts, a new
proposal, the achievement report, the council's vote and the unit's dossier."""

from __future__ import annotations

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
from wtforms import SelectField, StringField, TextAreaField

from ..domain.catalogue import HONOURS, KIND_LABELS
from ..domain.errors import RecordError
from ..domain.records import CouncilVote, Nomination, ReportSection
from ..jobs import council as council_jobs
from ..jobs import nominations as jobs
from ..jobs import selection, verdicts
from ..store import repository
from ..store.repository import load_all
from .database import database_url, get_session
from .guards import can_access_unit, can_change_unit, login_required, unit_scoped
from .listing import lookups, requested_page, requested_year
from .tables import nomination_lines

bp = Blueprint("nominations", __name__, url_prefix="/nominations")

OUTCOMES = {
    "eligible": "Đủ điều kiện",
    "not_eligible": "Không đủ điều kiện",
    "unknown": "Chưa đủ dữ liệu",
}
STATUSES = {"met": "Đạt", "not_met": "Không đạt", "unknown": "Chưa rõ"}
CONFIDENCE = {"high": "chắc chắn", "medium": "khá chắc", "low": "cần xác minh"}


@bp.app_context_processor
def _labels() -> dict[str, Any]:
    return {"outcome_labels": OUTCOMES, "status_labels": STATUSES,
            "confidence_labels": CONFIDENCE}


class ProposeForm(FlaskForm):
    person = SelectField("Cá nhân", validate_choice=False)
    nominee_unit = SelectField("Tập thể", validate_choice=False)
    household = StringField("Tên hộ gia đình (kèm địa chỉ)")
    honour = SelectField("Danh hiệu, hình thức khen thưởng", validate_choice=False)
    summary = TextAreaField("Tóm tắt thành tích")


class CouncilForm(FlaskForm):
    date = StringField("Ngày họp (dd/mm/yyyy)")
    place = StringField("Địa điểm")
    members_total = StringField("Tổng số thành viên hội đồng")
    present = TextAreaField("Thành viên có mặt (mỗi dòng một người)")
    absent = TextAreaField("Thành viên vắng mặt (mỗi dòng một người)")
    chair = StringField("Chủ trì")
    secretary = StringField("Thư ký")


class PlainForm(FlaskForm):
    """A form whose fields the view reads itself; only its CSRF token is checked here."""


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _problems(exc: RecordError) -> list[str]:
    return [str(p) for p in exc.problems]


def _nomination(code: str, write: bool = False) -> Nomination:
    """Returns the nomination `code` when the user may see (or change) it; 403 / 404 else."""
    found = load_all(get_session(), "nominations", code=code)
    if not found:
        abort(404)
    allowed = can_change_unit if write else can_access_unit
    if not allowed(current_user, found[0].unit):
        abort(403)
    return found[0]


# --- the list ---------------------------------------------------------------------------------


@bp.get("/")
@unit_scoped
def index() -> str:
    session = get_session()
    found = lookups(session)
    year = requested_year(session)
    items = [
        n for n in load_all(session, "nominations", year=year.year) if g.unit_code in (None, n.unit)
    ]
    page = requested_page(nomination_lines(items, found.units, found.people))
    judged = {j.nomination.code: j for j in verdicts.judge_all(
        session, [line.nomination for line in page.items])}
    return render_template(
        "nominations/index.html",
        page=page,
        judged=judged,
        year=year,
        unit_code=g.unit_code,
        choices=found.choices(current_user),
        may_write=g.unit_code is not None and can_change_unit(current_user, g.unit_code),
    )


# --- proposing --------------------------------------------------------------------------------


def _propose_choices(form: ProposeForm, unit: str, kind: str) -> None:
    session = get_session()
    found = lookups(session)
    staff = sorted(repository.people_of(session, unit), key=lambda p: p.full_name)
    form.person.choices = [("", "— Chọn cán bộ —")] + [
        (p.code, f"{p.full_name}{' — ' + p.position if p.position else ''}") for p in staff
    ]
    own = [u for u in found.units.values() if u.code == unit or u.parent == unit]
    own.sort(key=lambda u: (u.code != unit, u.name))
    form.nominee_unit.choices = [(u.code, u.name) for u in own]
    form.honour.choices = [(h.code, h.name) for h in HONOURS if h.accepts(kind)]


def _nominee(form: ProposeForm, kind: str) -> str:
    fields = {"individual": form.person, "collective": form.nominee_unit,
              "household": form.household}
    return fields[kind].data or ""


@bp.route("/new", methods=["GET", "POST"])
@unit_scoped(write=True)
def new() -> ResponseReturnValue:
    session = get_session()
    year = requested_year(session)
    kind = request.args.get("kind", "individual")
    if kind not in KIND_LABELS:
        abort(404)
    if g.unit_code is None:  # an admin picks the proposing unit first
        return render_template("nominations/pick_unit.html", year=year, kind=kind,
                               choices=lookups(session).choices(current_user),
                               target=None, purpose=None)
    form = ProposeForm()
    _propose_choices(form, g.unit_code, kind)
    errors: list[str] = []
    if form.validate_on_submit():
        try:
            nomination = jobs.new_nomination(
                session, g.unit_code, year.year, kind, _nominee(form, kind),
                form.honour.data or "", form.summary.data or "")
            nomination, verdict = jobs.propose(database_url(), nomination)
        except RecordError as exc:
            errors = _problems(exc)
        else:
            flash(f"Đã lưu đề nghị {nomination.code}. Kết quả xét điều kiện: "
                  f"{OUTCOMES[verdict.outcome]}.", "success")
            return redirect(url_for(".show", code=nomination.code))
    unit = lookups(session).units[g.unit_code]
    return render_template("nominations/new.html", form=form, year=year, kind=kind, unit=unit,
                           kinds=KIND_LABELS, errors=errors)


# --- one nomination: its verdict and report -----------------------------------------------------


@bp.get("/<code>")
@login_required
def show(code: str) -> str:
    nomination = _nomination(code)
    session = get_session()
    judged = verdicts.judge_all(session, [nomination])[0]
    outcomes = council_jobs.vote_outcomes(session, nomination.unit, nomination.year)
    outcome = next((o for o in outcomes if o.nomination.code == code), None)
    found = lookups(session)
    return render_template(
        "nominations/show.html",
        nomination=nomination,
        line=nomination_lines([nomination], found.units, found.people)[0],
        judged=judged,
        judged_on=verdicts.judging_date(session, nomination),
        vote=outcome,
        sections=jobs.report_sections(nomination),
        may_write=can_change_unit(current_user, nomination.unit),
    )


@bp.route("/<code>/report", methods=["GET", "POST"])
@login_required
def report(code: str) -> ResponseReturnValue:
    nomination = _nomination(code, write=True)
    form = PlainForm()
    sections = jobs.report_sections(nomination)
    errors: list[str] = []
    if form.validate_on_submit():
        count = request.form.get("count", 0, type=int)
        try:
            sections = [
                jobs.parse(ReportSection, {"heading": request.form.get(f"heading-{i}", ""),
                                           "text": request.form.get(f"text-{i}", "")})
                for i in range(min(count, 20))
            ]
            jobs.save_report(database_url(), code, sections)
        except RecordError as exc:
            errors = _problems(exc)
        else:
            flash("Đã lưu báo cáo thành tích.", "success")
            return redirect(url_for(".show", code=code))
    found = lookups(get_session())
    return render_template(
        "nominations/report.html", form=form, nomination=nomination, sections=sections,
        line=nomination_lines([nomination], found.units, found.people)[0], errors=errors,
    )


# --- the council's vote -----------------------------------------------------------------------


def _council_defaults(form: CouncilForm, council: CouncilVote) -> None:
    form.date.data = council.date.strftime("%d/%m/%Y")
    form.place.data = council.place
    form.members_total.data = str(council.members_total)
    form.present.data = "\n".join(council.present)
    form.absent.data = "\n".join(council.absent)
    form.chair.data = council.chair
    form.secretary.data = council.secretary


def _council_raw(form: CouncilForm, unit: str, year: int, codes: list[str]) -> dict[str, Any]:
    votes = []
    for code in codes:
        text = request.form.get(f"votes-{code}", "").strip()
        if text:
            votes.append({"nomination": code, "votes_for": text})
    return {
        "unit": unit, "year": year, "date": (form.date.data or "").strip(),
        "place": form.place.data or "", "members_total": (form.members_total.data or "").strip(),
        "present": _lines(form.present.data), "absent": _lines(form.absent.data),
        "chair": form.chair.data or "", "secretary": form.secretary.data or "", "votes": votes,
    }


@bp.route("/council", methods=["GET", "POST"])
@unit_scoped
def council() -> ResponseReturnValue:
    session = get_session()
    year = requested_year(session)
    if g.unit_code is None:
        return render_template("nominations/pick_unit.html", year=year, kind=None,
                               choices=lookups(session).choices(current_user),
                               target=".council", purpose="Biên bản họp hội đồng")
    unit = g.unit_code
    outcomes = council_jobs.vote_outcomes(session, unit, year.year)
    codes = [o.nomination.code for o in outcomes]
    existing = council_jobs.council_of(session, unit, year.year)
    form = CouncilForm()
    errors: list[str] = []
    typed: dict[str, str] = {}
    if form.validate_on_submit():
        typed = {c: request.form.get(f"votes-{c}", "") for c in codes}
        try:
            record = jobs.parse(CouncilVote, _council_raw(form, unit, year.year, codes))
            council_jobs.record_council(database_url(), unit, year.year, record)
        except RecordError as exc:
            errors = _problems(exc)
        else:
            flash("Đã lưu biên bản họp hội đồng thi đua, khen thưởng.", "success")
            return redirect(url_for(".council", unit=unit, year=year.year))
    elif existing is not None:
        _council_defaults(form, existing)
    if not typed and existing is not None:
        typed = {v.nomination: str(v.votes_for) for v in existing.votes}
    found = lookups(session)
    names = {line.nomination.code: line for line in nomination_lines(
        [o.nomination for o in outcomes], found.units, found.people)}
    return render_template(
        "nominations/council.html", form=form, year=year, unit=found.units[unit],
        outcomes=outcomes, names=names, typed=typed, errors=errors, existing=existing,
        may_write=can_change_unit(current_user, unit),
    )


# --- the dossier ------------------------------------------------------------------------------


@bp.route("/dossier", methods=["GET", "POST"])
@unit_scoped
def dossier() -> ResponseReturnValue:
    session = get_session()
    year = requested_year(session)
    if g.unit_code is None:
        return render_template("nominations/pick_unit.html", year=year, kind=None,
                               choices=lookups(session).choices(current_user),
                               target=".dossier", purpose="Hồ sơ đề nghị khen thưởng")
    unit = g.unit_code
    form = PlainForm()
    errors: list[str] = []
    if form.validate_on_submit():
        try:
            from ..jobs.dossier import build_dossier
        except ImportError:
            errors = ["Chức năng tạo hồ sơ chưa sẵn sàng trên máy chủ này."]
        else:
            try:
                made = build_dossier(unit, year.year, url=database_url(),
                                     pdf=request.form.get("pdf") == "1")
            except RecordError as exc:
                errors = _problems(exc)
            else:
                return send_file(made.zip_path, as_attachment=True,
                                 download_name=f"ho-so-de-nghi-{unit}-{year.year}.zip")
    candidates = selection.dossier_candidates(session, unit, year.year)
    everyone = candidates.included + candidates.excluded
    found = lookups(session)
    names = {line.nomination.code: line for line in nomination_lines(
        [o.nomination for o in everyone], found.units, found.people)}
    return render_template(
        "nominations/dossier.html", form=form, year=year, unit=found.units[unit],
        candidates=candidates, names=names, errors=errors,
        council=council_jobs.council_of(session, unit, year.year),
        may_write=can_change_unit(current_user, unit),
    )
