"""The template page: each document kind's Word template, to download, and its variables."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, send_file
from flask.typing import ResponseReturnValue

from ..documents.kinds import KINDS
from .guards import login_required

bp = Blueprint("templates_page", __name__, url_prefix="/templates")

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@bp.get("/")
@login_required
def index() -> str:
    return render_template("templates_page/index.html", kinds=list(KINDS.values()))


@bp.get("/<file_name>")
@login_required
def download(file_name: str) -> ResponseReturnValue:
    """Sends the template named `file_name` (a kind's, nothing else: 404)."""
    kind = next((kind for kind in KINDS.values() if kind.template == file_name), None)
    if kind is None or not kind.template_path().is_file():
        abort(404)
    return send_file(
        kind.template_path(), mimetype=DOCX, as_attachment=True, download_name=kind.template
    )
