"""The achievements page: ratings, honours, initiatives and discipline of a year, by unit."""

from __future__ import annotations

from flask import Blueprint, g, render_template
from flask_login import current_user

from ..store.repository import load_all
from .database import get_session
from .guards import unit_scoped
from .listing import lookups, requested_page, requested_year
from .tables import achievement_lines

bp = Blueprint("achievements", __name__, url_prefix="/achievements")


@bp.get("/")
@unit_scoped
def index() -> str:
    session = get_session()
    found = lookups(session)
    year = requested_year(session)
    lines = [
        line
        for line in achievement_lines(
            load_all(session, "achievements", year=year.year),
            found.units,
            found.people,
            found.order,
        )
        if g.unit_code in (None, line.unit_code)
    ]
    return render_template(
        "achievements/index.html",
        page=requested_page(lines),
        year=year,
        unit_code=g.unit_code,
        choices=found.choices(current_user),
    )
