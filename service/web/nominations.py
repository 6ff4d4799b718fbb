"""The nominations page: the year's proposals for commendation (đề nghị khen thưởng)."""

from __future__ import annotations

from flask import Blueprint, g, render_template
from flask_login import current_user

from ..store.repository import load_all
from .database import get_session
from .guards import unit_scoped
from .listing import lookups, requested_page, requested_year
from .tables import nomination_lines

bp = Blueprint("nominations", __name__, url_prefix="/nominations")


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
    return render_template(
        "nominations/index.html",
        page=page,
        year=year,
        unit_code=g.unit_code,
        choices=found.choices(current_user),
    )
