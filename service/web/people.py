"""The people page: cán bộ by unit, in Vietnamese name order, searchable and paginated."""

from __future__ import annotations

from flask import Blueprint, g, render_template, request
from flask_login import current_user

from .database import get_session
from .guards import unit_scoped
from .listing import lookups, requested_page
from .tables import matches_name, person_lines

bp = Blueprint("people", __name__, url_prefix="/people")


@bp.get("/")
@unit_scoped
def index() -> str:
    found = lookups(get_session())
    query = request.args.get("q", "").strip()
    people = [
        p
        for p in found.people.values()
        if g.unit_code in (None, p.unit) and (not query or matches_name(p, query))
    ]
    page = requested_page(person_lines(people, found.units))
    return render_template(
        "people/index.html",
        page=page,
        query=query,
        unit_code=g.unit_code,
        choices=found.choices(current_user),
    )
