"""The registrations page: each unit's registration (bản đăng ký thi đua) for a year."""

from __future__ import annotations

from flask import Blueprint, g, render_template
from flask_login import current_user

from ..store.repository import load_all
from .database import get_session
from .guards import unit_scoped
from .listing import lookups, requested_year
from .tables import registration_lines, unregistered

bp = Blueprint("registrations", __name__, url_prefix="/registrations")


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
    )
