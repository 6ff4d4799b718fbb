"""The units page: every unit in tree order (a clerk sees only their own)."""

from __future__ import annotations

from flask import Blueprint, g, render_template

from .database import get_session
from .guards import unit_scoped
from .listing import lookups

bp = Blueprint("units", __name__, url_prefix="/units")


@bp.get("/")
@unit_scoped
def index() -> str:
    found = lookups(get_session())
    lines = [line for line in found.tree if g.unit_code in (None, line.unit.code)]
    return render_template("units/index.html", lines=lines)
