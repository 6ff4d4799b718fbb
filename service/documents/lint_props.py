"""Effective run and paragraph formatting of a .docx, resolved through its styles as Word does."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
TWIP_MM = 25.4 / 1440
OFF = {"0", "false", "off", "none"}
# Word's own fallbacks when neither the document nor its styles say anything.
DEFAULT_FONT = "Times New Roman"
DEFAULT_SIZE_PT = 10.0


@dataclass(frozen=True)
class RunFormat:
    """The formatting a run is displayed with."""

    fonts: tuple[str, ...]  # the ascii and hAnsi fonts (theme fonts resolved; "" if unresolvable)
    size_pt: float
    bold: bool
    italic: bool
    caps: bool
    underline: bool
    color: str  # "auto", a hex value, or "theme:<name>"
    hidden: bool


@dataclass(frozen=True)
class ParaFormat:
    """The layout a paragraph is displayed with (lengths in mm, spacing in pt)."""

    jc: str  # left, center, right, both, distribute
    left_mm: float
    right_mm: float
    first_line_mm: float  # negative for a hanging indent
    before_pt: float
    after_pt: float
    contextual: bool
    line: float  # lines when line_rule is "auto", else pt
    line_rule: str  # auto, exact, atLeast
    bottom_border: bool
    style_id: str


def _on(element: etree._Element | None) -> bool | None:
    """Return a boolean property's value, or None when the element is absent."""
    if element is None:
        return None
    return element.get(qn("w:val"), "true").lower() not in OFF


class Formats:
    """Resolves effective formatting: direct → character style → paragraph style → table style
    → document defaults, each style followed through its basedOn chain.

    Toggle properties (bold, italic, caps) take the most specific value that is set; Word's XOR
    of toggles between style levels is not modelled.
    """

    def __init__(self, document: Document) -> None:
        styles = document.styles.element
        self._styles = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
        self._defaults = {
            s.get(qn("w:type")): s.get(qn("w:styleId"))
            for s in styles.findall(qn("w:style"))
            if s.get(qn("w:default"), "0").lower() in {"1", "true", "on"}
        }
        defaults = styles.find(qn("w:docDefaults"))
        self._rpr_default = _find(defaults, "w:rPrDefault/w:rPr")
        self._ppr_default = _find(defaults, "w:pPrDefault/w:pPr")
        self._theme = _theme_fonts(document)
        self._numbering = _numbering_root(document)

    # --- style chains -------------------------------------------------------------------------
    def _chain(self, style_id: str | None, kind: str) -> list[etree._Element]:
        """Return the style and its basedOn ancestors, most specific first."""
        chain: list[etree._Element] = []
        if style_id is None:
            style_id = self._defaults.get(kind)
        while style_id and style_id in self._styles and len(chain) < 20:
            style = self._styles[style_id]
            if style in chain:
                break
            chain.append(style)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return chain

    def paragraph_style_id(self, p: etree._Element) -> str:
        style = _find(p, "w:pPr/w:pStyle")
        if style is not None:
            return style.get(qn("w:val"), "")
        return self._defaults.get("paragraph", "")

    def _table_chain(self, element: etree._Element) -> list[etree._Element]:
        table = next(element.iterancestors(qn("w:tbl")), None)
        if table is None:
            return []
        style = _find(table, "w:tblPr/w:tblStyle")
        return self._chain(style.get(qn("w:val")) if style is not None else None, "table")

    def table_borders(self, table: etree._Element) -> dict[str, bool]:
        """Return, for each table edge (top, bottom, start, end, insideH, insideV), if it is drawn."""
        levels = [_find(table, "w:tblPr/w:tblBorders")]
        levels += [_find(s, "w:tblPr/w:tblBorders") for s in self._table_chain(table[0])]
        drawn: dict[str, bool] = {}
        for edge, aliases in _EDGES.items():
            drawn[edge] = False
            for level in levels:
                found = _first_child(level, aliases)
                if found is not None:
                    drawn[edge] = found.get(qn("w:val"), "nil") not in {"nil", "none"}
                    break
        return drawn

    def _rpr_levels(self, r: etree._Element, p: etree._Element) -> list[etree._Element]:
        levels = [r.find(qn("w:rPr"))]
        char_style = _find(r, "w:rPr/w:rStyle")
        if char_style is not None:
            levels += [s.find(qn("w:rPr")) for s in self._chain(char_style.get(qn("w:val")), "")]
        pstyle = _find(p, "w:pPr/w:pStyle")
        pstyle_id = pstyle.get(qn("w:val")) if pstyle is not None else None
        levels += [s.find(qn("w:rPr")) for s in self._chain(pstyle_id, "paragraph")]
        levels += [s.find(qn("w:rPr")) for s in self._table_chain(p)]
        levels.append(self._rpr_default)
        return [level for level in levels if level is not None]

    # --- runs ---------------------------------------------------------------------------------
    def run(self, r: etree._Element, p: etree._Element) -> RunFormat:
        """Return the effective formatting of run `r` in paragraph `p`."""
        levels = self._rpr_levels(r, p)
        size = _first(levels, "w:sz")
        underline = _first(levels, "w:u")
        return RunFormat(
            fonts=(self._font(levels, "ascii"), self._font(levels, "hAnsi")),
            size_pt=_int(size.get(qn("w:val")), 2 * DEFAULT_SIZE_PT) / 2
            if size is not None
            else DEFAULT_SIZE_PT,
            bold=_bool(levels, "w:b"),
            italic=_bool(levels, "w:i"),
            caps=_bool(levels, "w:caps"),
            underline=underline is not None and underline.get(qn("w:val"), "single") not in OFF,
            color=_color(_first(levels, "w:color")),
            hidden=_bool(levels, "w:vanish"),
        )

    def _font(self, levels: list[etree._Element], slot: str) -> str:
        for level in levels:
            fonts = level.find(qn("w:rFonts"))
            if fonts is None:
                continue
            theme = fonts.get(qn(f"w:{slot}Theme"))
            if theme is not None:
                return self._theme.get(theme, "")
            name = fonts.get(qn(f"w:{slot}"))
            if name is not None:
                return name
        return DEFAULT_FONT

    # --- paragraphs ---------------------------------------------------------------------------
    def _ppr_levels(self, p: etree._Element) -> list[etree._Element]:
        levels = [p.find(qn("w:pPr"))]
        pstyle = _find(p, "w:pPr/w:pStyle")
        chain = self._chain(pstyle.get(qn("w:val")) if pstyle is not None else None, "paragraph")
        style_levels = [s.find(qn("w:pPr")) for s in chain]
        numbering = self._numbering_ppr([lv for lv in levels + style_levels if lv is not None])
        levels += [numbering, *style_levels]
        levels += [s.find(qn("w:pPr")) for s in self._table_chain(p)]
        levels.append(self._ppr_default)
        return [level for level in levels if level is not None]

    def paragraph(self, p: etree._Element, size_pt: float = 14.0) -> ParaFormat:
        """Return the effective layout of paragraph `p`; `size_pt` converts character units."""
        levels = self._ppr_levels(p)
        jc = _first(levels, "w:jc")
        left, right, first = _indents(levels, size_pt)
        before, after = _spacing(levels, "before"), _spacing(levels, "after")
        line, rule = _line_spacing(levels)
        border = _first(levels, "w:pBdr/w:bottom")
        return ParaFormat(
            jc=_JC.get(jc.get(qn("w:val"), "left") if jc is not None else "left", "left"),
            left_mm=left,
            right_mm=right,
            first_line_mm=first,
            before_pt=before,
            after_pt=after,
            contextual=_bool(levels, "w:contextualSpacing"),
            line=line,
            line_rule=rule,
            bottom_border=border is not None
            and border.get(qn("w:val"), "nil") not in {"nil", "none"},
            style_id=self.paragraph_style_id(p),
        )

    def _numbering_ppr(self, levels: list[etree._Element]) -> etree._Element | None:
        """Return the pPr of the numbering level a paragraph uses, if any."""
        num_pr = _first(levels, "w:numPr")
        if num_pr is None or self._numbering is None:
            return None
        num_id, ilvl = _find(num_pr, "w:numId"), _find(num_pr, "w:ilvl")
        if num_id is None:
            return None
        nid, lvl = num_id.get(qn("w:val")), ilvl.get(qn("w:val"), "0") if ilvl is not None else "0"
        for num in self._numbering.findall(qn("w:num")):
            if num.get(qn("w:numId")) != nid:
                continue
            for override in num.findall(qn("w:lvlOverride")):
                if override.get(qn("w:ilvl")) == lvl and _find(override, "w:lvl/w:pPr") is not None:
                    return _find(override, "w:lvl/w:pPr")
            abstract = _find(num, "w:abstractNumId")
            aid = abstract.get(qn("w:val")) if abstract is not None else None
            for definition in self._numbering.findall(qn("w:abstractNum")):
                if definition.get(qn("w:abstractNumId")) == aid:
                    for level in definition.findall(qn("w:lvl")):
                        if level.get(qn("w:ilvl")) == lvl:
                            return level.find(qn("w:pPr"))
        return None


_JC = {
    "both": "both",
    "distribute": "both",
    "center": "center",
    "right": "right",
    "end": "right",
    "left": "left",
    "start": "left",
}
_EDGES = {
    "top": ("top",),
    "bottom": ("bottom",),
    "start": ("start", "left"),
    "end": ("end", "right"),
    "insideH": ("insideH",),
    "insideV": ("insideV",),
}


def _find(element: etree._Element | None, path: str) -> etree._Element | None:
    if element is None:
        return None
    return element.find("/".join(qn(step) for step in path.split("/")))


def _first_child(element: etree._Element | None, names: tuple[str, ...]) -> etree._Element | None:
    for name in names:
        found = _find(element, f"w:{name}")
        if found is not None:
            return found
    return None


def _first(levels: list[etree._Element], path: str) -> etree._Element | None:
    for level in levels:
        found = _find(level, path)
        if found is not None:
            return found
    return None


def _bool(levels: list[etree._Element], path: str) -> bool:
    return bool(_on(_first(levels, path)))


def _color(element: etree._Element | None) -> str:
    if element is None:
        return "auto"
    theme = element.get(qn("w:themeColor"))
    if theme is not None and theme not in {"text1", "dark1"}:
        return f"theme:{theme}"
    return (element.get(qn("w:val")) or "auto").lower() if theme is None else "000000"


def _int(value: str | None, default: float = 0) -> float:
    """Return a measurement attribute as a number; `default` when absent or unreadable."""
    try:
        return float(value) if value is not None else default
    except ValueError:
        return default


def _attribute(element: etree._Element, name: str) -> str | None:
    return element.get(qn(f"w:{name}"))


def _twips_mm(value: str | None) -> float:
    return _int(value) * TWIP_MM


def _indents(levels: list[etree._Element], size_pt: float) -> tuple[float, float, float]:
    """Return (left, right, first line) indents in mm; a level that sets one attribute of a pair
    (left/start, right/end, firstLine/hanging) decides it."""
    char_mm = size_pt * 25.4 / 72 / 100  # *Chars attributes are hundredths of a character
    left = right = first = None
    for level in levels:
        ind = level.find(qn("w:ind"))
        if ind is None:
            continue
        get = functools.partial(_attribute, ind)
        if left is None and (get("left") or get("start")) is not None:
            left = _twips_mm(get("start") or get("left"))
        if right is None and (get("right") or get("end")) is not None:
            right = _twips_mm(get("end") or get("right"))
        if first is None:
            if get("hangingChars") is not None:
                first = -_int(get("hangingChars")) * char_mm
            elif get("firstLineChars") is not None:
                first = _int(get("firstLineChars")) * char_mm
            elif get("hanging") is not None:
                first = -_twips_mm(get("hanging"))
            elif get("firstLine") is not None:
                first = _twips_mm(get("firstLine"))
    return left or 0.0, right or 0.0, first or 0.0


def _spacing(levels: list[etree._Element], side: str) -> float:
    """Return the space before or after a paragraph in pt (auto spacing counts as 14 pt, as Word)."""
    for level in levels:
        spacing = level.find(qn("w:spacing"))
        if spacing is None:
            continue
        auto = spacing.get(qn(f"w:{side}Autospacing"))
        if auto is not None and auto.lower() not in OFF:
            return 14.0
        lines = spacing.get(qn(f"w:{side}Lines"))
        if lines is not None:
            return _int(lines) / 100 * 12
        value = spacing.get(qn(f"w:{side}"))
        if value is not None:
            return _int(value) / 20
    return 0.0


def _line_spacing(levels: list[etree._Element]) -> tuple[float, str]:
    for level in levels:
        spacing = level.find(qn("w:spacing"))
        if spacing is not None and spacing.get(qn("w:line")) is not None:
            value = _int(spacing.get(qn("w:line")), 240)
            rule = spacing.get(qn("w:lineRule"), "auto")
            return (value / 240, "auto") if rule == "auto" else (value / 20, rule)
    return 1.0, "auto"


def _theme_fonts(document: Document) -> dict[str, str]:
    """Return theme font names (minorHAnsi, majorAscii, …) → typeface from the theme part."""
    try:
        part = document.part.part_related_by(RT.THEME)
    except KeyError:
        return {}
    root = etree.fromstring(part.blob)
    fonts: dict[str, str] = {}
    for major in ("major", "minor"):
        scheme = root.find(f".//{{{A_NS}}}{major}Font")
        if scheme is None:
            continue
        for script, names in (
            ("latin", ("Ascii", "HAnsi")),
            ("ea", ("EastAsia",)),
            ("cs", ("Bidi",)),
        ):
            face = scheme.find(f"{{{A_NS}}}{script}")
            for name in names:
                fonts[major + name] = face.get("typeface", "") if face is not None else ""
    return fonts


def _numbering_root(document: Document) -> etree._Element | None:
    try:
        return etree.fromstring(document.part.part_related_by(RT.NUMBERING).blob)
    except KeyError:
        return None
