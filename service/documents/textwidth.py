"""Advance widths and line height of text in Times New Roman, from Liberation Serif's metrics."""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
_FILES = {
    (False, False): "LiberationSerif-Regular.ttf",
    (True, False): "LiberationSerif-Bold.ttf",
    (False, True): "LiberationSerif-Italic.ttf",
    (True, True): "LiberationSerif-BoldItalic.ttf",
}
MM_PER_PT = 25.4 / 72


@cache
def _metrics(bold: bool, italic: bool) -> tuple[dict[int, int], int, int]:
    """Return (code point → advance in font units, units per em, fallback advance) of one face."""
    with TTFont(FONT_DIR / _FILES[(bold, italic)]) as font:
        hmtx = font["hmtx"]
        advances = {code: hmtx[glyph][0] for code, glyph in font.getBestCmap().items()}
        fallback = hmtx[".notdef"][0] if ".notdef" in hmtx.metrics else font["hhea"].advanceWidthMax
        return advances, font["head"].unitsPerEm, fallback


def text_width_mm(text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
    """Return the advance width in mm of `text` at `size_pt` in Times New Roman (no kerning).

    The text is NFC-normalised first so precomposed Vietnamese letters use their own glyphs; a
    combining mark left over has its own (usually zero) advance; a character the font lacks
    counts as the .notdef glyph.
    """
    advances, units_per_em, fallback = _metrics(bool(bold), bool(italic))
    units = sum(advances.get(ord(ch), fallback) for ch in unicodedata.normalize("NFC", text))
    return units / units_per_em * size_pt * MM_PER_PT


@cache
def _line_height_em() -> float:
    with TTFont(FONT_DIR / _FILES[(False, False)]) as font:
        os2, hhea = font["OS/2"], font["hhea"]
        height = os2.usWinAscent + os2.usWinDescent + hhea.lineGap
        return height / font["head"].unitsPerEm


def single_line_pt(size_pt: float) -> float:
    """Return the height in pt of one single-spaced line of Times New Roman at `size_pt` (≈1.15 em)."""
    return _line_height_em() * size_pt
