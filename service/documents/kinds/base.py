"""What a document kind is: its template, its variables for template editors, its context."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..layout import TEMPLATES_DIR


@dataclass(frozen=True)
class Variable:
    """One template variable: its name, what it holds (in Vietnamese) and an example value."""

    name: str
    description_vi: str
    example: str | list[str] | bool


@dataclass(frozen=True)
class DocumentKind:
    """A kind of document: `template` is a file name in templates_docx/, `type_code` the symbol's
    type (`CT`, `QĐ`; None for a công văn), `build_context` turns records into the variables."""

    name: str
    title_vi: str
    template: str
    type_code: str | None
    variables: tuple[Variable, ...]
    build_context: Callable[..., dict]

    def template_path(self, templates_dir: Path = TEMPLATES_DIR) -> Path:
        """Return where this kind's template is."""
        return templates_dir / self.template

    @property
    def variable_names(self) -> frozenset[str]:
        return frozenset(v.name for v in self.variables)
