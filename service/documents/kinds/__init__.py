"""The document kinds: one registry, one module per kind (its context and its variables)."""

from __future__ import annotations

from . import directive
from .base import DocumentKind, Variable

KINDS: dict[str, DocumentKind] = {
    "directive": DocumentKind(
        name="directive",
        title_vi="Chỉ thị phát động phong trào thi đua",
        template="directive.docx",
        type_code=directive.TYPE_CODE,
        variables=directive.VARIABLES,
        build_context=directive.build_context,
    ),
}

__all__ = ["KINDS", "DocumentKind", "Variable"]
