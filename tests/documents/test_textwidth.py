"""Specs for text_width_mm: Times New Roman advance widths from Liberation Serif's metrics."""

import unicodedata

import pytest
from fontTools.ttLib import TTFont

from service.documents.textwidth import FONT_DIR, single_line_pt, text_width_mm


def _hand_width_mm(char: str, count: int, size_pt: float, file: str) -> float:
    with TTFont(FONT_DIR / file) as font:
        glyph = font.getBestCmap()[ord(char)]
        advance = font["hmtx"][glyph][0]
        return count * advance / font["head"].unitsPerEm * size_pt * 25.4 / 72


@pytest.mark.parametrize(
    ("bold", "italic", "file"),
    [
        (False, False, "LiberationSerif-Regular.ttf"),
        (True, False, "LiberationSerif-Bold.ttf"),
        (False, True, "LiberationSerif-Italic.ttf"),
        (True, True, "LiberationSerif-BoldItalic.ttf"),
    ],
)
def test_ten_m_at_14pt_matches_the_fonts_advance_width(bold, italic, file):
    assert text_width_mm("M" * 10, 14, bold, italic) == pytest.approx(
        _hand_width_mm("M", 10, 14, file)
    )


def test_m_in_times_is_0_889_em():
    # Times New Roman's M is 1821/2048 em wide: 10 of them at 14 pt = 43.91 mm.
    assert text_width_mm("M" * 10, 14) == pytest.approx(10 * 1821 / 2048 * 14 * 25.4 / 72)


@pytest.mark.parametrize(
    "text", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Sơn La"]
)
def test_bold_is_wider_than_regular(text):
    assert text_width_mm(text, 13, bold=True) > text_width_mm(text, 13)


def test_width_scales_with_size():
    assert text_width_mm("Sơn La", 26) == pytest.approx(2 * text_width_mm("Sơn La", 13))


@pytest.mark.parametrize("text", ["Độc lập - Tự do - Hạnh phúc", "Hoàng Quốc Khánh", "ỦY BAN"])
def test_decomposed_text_measures_as_composed(text):
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    assert text_width_mm(nfd, 13) == pytest.approx(text_width_mm(text, 13))


def test_precomposed_vietnamese_letter_has_its_own_width():
    assert text_width_mm("Ộ", 13) == pytest.approx(
        _hand_width_mm("Ộ", 1, 13, "LiberationSerif-Regular.ttf")
    )


def test_empty_text_is_zero_wide():
    assert text_width_mm("", 13) == 0


def test_a_single_line_of_times_is_1_15_em():
    assert single_line_pt(12) == pytest.approx(13.8, abs=0.01)
