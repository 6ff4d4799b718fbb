"""The annual summary's charts, labelled in Vietnamese: PNG bytes to place in the Word report."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

import matplotlib
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator
from matplotlib.transforms import blended_transform_factory

from ..domain.indicator_results import IndicatorRow, percent_text
from ..vnformat.numbers import format_number
from .textwidth import FONT_DIR, MM_PER_PT, text_width_mm

Format = Literal["png", "svg"]

FAMILY = "Liberation Serif"  # metric-compatible with Times New Roman, the report's font
FONT_FILES = ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
              "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf")
DPI = 200
WIDTH_MM = 160.0  # the report's text width is 165 mm
# A chart taller than this is drawn tighter (see _DENSITIES), so that with its caption it
# leaves room for text on its page (257 mm of text height) instead of taking a page alone; a
# chart of very many rows may still be taller at the tightest density.
MAX_HEIGHT_MM = 160.0
SIZE_PT = 9.0  # labels; the title is TITLE_PT bold
TITLE_PT = 11.0
NO_DATA = "Không có số liệu"
PLAN_LABEL = "Kế hoạch"
MISSING_LABEL = "Chưa có số liệu"
ZERO_PLAN = "Kế hoạch bằng 0"  # a result, but no % of a plan of 0
# Okabe-Ito colours, told apart with any colour vision; grey for what has no figure.
VERDICT_STYLE: dict[str, tuple[str, str]] = {
    "vuot": ("#0072B2", "Vượt kế hoạch"),
    "dat": ("#009E73", "Đạt kế hoạch"),
    "khong_dat": ("#D55E00", "Không đạt kế hoạch"),
}
MISSING_COLOUR = "#9A9A9A"
REGISTERED = ("#E69F00", "Đăng ký")
ACHIEVED = ("#0072B2", "Đạt được")
HONOUR_COLOUR = "#0072B2"
# Chart furniture, in mm.
_MARGIN = 3.0
_GAP = 1.5  # between a bar's end and its value
_LINE = SIZE_PT * MM_PER_PT * 1.25  # one line of a label
_TITLE_LINE = TITLE_PT * MM_PER_PT * 1.3
_LEGEND = 7.0
_AXIS = 7.5  # tick labels under the bars
_LABEL_MAX = 62.0  # widest a row's label may be before it wraps (at the loosest density)
_LABEL_GAP = 4.0  # between the labels and the bars (text_width_mm is within a mm of Agg)
_MIN_BAR = 0.8  # a bar just off the plan still shows its colour
_STUB = 6.0  # the "no figure" stub's length
_PREFIXES = ("tỷ trọng ", "tỷ lệ ")  # said by the chart's title already
_ASIDE = re.compile(r"\s*\([^()]*\s[^()]*\)")  # a parenthesis of several words


@dataclass(frozen=True)
class _Density:
    """How tightly rows are drawn, in mm: a bar's thickness, the space between rows, and how
    wide a row's label may be before it wraps (wider labels take fewer lines)."""

    bar: float
    pad: float
    label_max: float


# Loosest first; a chart takes the first whose rows fit MAX_HEIGHT_MM, else the last.
_DENSITIES = (_Density(3.0, 1.6, _LABEL_MAX), _Density(2.8, 1.0, _LABEL_MAX),
              _Density(2.6, 0.7, 90.0))


class ChartError(Exception):
    """Raised when a chart cannot be drawn (the font is missing); the message is in Vietnamese."""


def indicators_chart(rows: Sequence[IndicatorRow],
                     title: str = "Mức độ thực hiện các chỉ tiêu so với kế hoạch",
                     format: Format = "png") -> bytes:
    """Returns a chart of each indicator's % of plan: a bar from the plan (100%) to the result,
    coloured by verdict, the value at its end; an indicator without a result is a hatched grey
    stub labelled "Chưa có số liệu". No rows give a chart saying "Không có số liệu". Raises
    ChartError when the font is missing."""
    if not rows:
        return _empty_chart(title, format)
    title_lines = _wrap(title, WIDTH_MM - 2 * _MARGIN, TITLE_PT, bold=True)
    top = _header_mm(title_lines) + 5.0  # room for "Kế hoạch" over the line
    density, names, heights = _rows([short_name(row.name) for row in rows], 1, top)
    labels = [(row.code, lines) for row, lines in zip(rows, names, strict=True)]
    code_mm = max(text_width_mm(code, SIZE_PT) for code, _ in labels) + 2.0
    label_mm = code_mm + max(_widest(lines) for _, lines in labels)
    with _drawing():
        fig, ax, page = _frame(title_lines, sum(heights), top, _MARGIN + label_mm + _LABEL_GAP)
        centres = _row_centres(heights)
        for (code, lines), y in zip(labels, centres, strict=True):
            page.label(ax, _MARGIN, y, code)
            page.label(ax, _MARGIN + code_mm, y, "\n".join(lines))
        _draw_indicators(ax, page, rows, centres, density.bar)
        shown = {row.verdict for row in rows if row.percent_of_plan is not None}
        handles = [Patch(facecolor=c, label=t) for v, (c, t) in VERDICT_STYLE.items() if v in shown]
        if any(row.verdict == "thieu" for row in rows):
            handles.append(_missing_patch())
        if handles:
            page.legend(handles, len(title_lines))
        ax.axvline(100, color="black", linewidth=0.9, zorder=3)
        ax.annotate(PLAN_LABEL, (100, 0), xytext=(0, 2), textcoords="offset points",
                    ha="center", va="bottom", fontsize=SIZE_PT, annotation_clip=False)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=7, steps=[1, 2, 2.5, 5, 10]))
        ax.xaxis.set_major_formatter(FuncFormatter(_percent_tick))
        return _save(fig, format)


def titles_by_unit_chart(items: Sequence[tuple[str, int, int]],
                         title: str = "Danh hiệu thi đua: đăng ký và đạt được theo đơn vị",
                         format: Format = "png") -> bytes:
    """Returns grouped bars per unit of (unit name, registered, achieved) titles, in the order
    given; no items give a chart saying "Không có số liệu". Raises ChartError when the font is
    missing."""
    series = [(*REGISTERED, [r for _, r, _ in items]), (*ACHIEVED, [a for _, _, a in items])]
    return _count_chart([name for name, _, _ in items], series, title, format)


def honours_chart(counts: Sequence[tuple[str, int]],
                  title: str = "Khen thưởng theo hình thức", format: Format = "png") -> bytes:
    """Returns one bar per form of commendation (label, how many), in the order given; no counts
    give a chart saying "Không có số liệu". Raises ChartError when the font is missing."""
    series = [(HONOUR_COLOUR, "", [n for _, n in counts])]
    return _count_chart([label for label, _ in counts], series, title, format)


def short_name(name: str) -> str:
    """Returns an indicator's name shortened for a chart's row: without "Tỷ trọng"/"Tỷ lệ" in
    front and without a parenthesis of several words ("Tỷ trọng công nghiệp - xây dựng" →
    "Công nghiệp - xây dựng"; "(GRDP)" stays)."""
    text = _ASIDE.sub("", unicodedata.normalize("NFC", name)).strip()
    for prefix in _PREFIXES:
        if text.casefold().startswith(prefix) and len(text) > len(prefix):
            return text[len(prefix)].upper() + text[len(prefix) + 1:]
    return text


# ---------------------------------------------------------------------------------------------
# Drawing


class _Page:
    """Where things go on a figure, in mm from its top-left corner."""

    def __init__(self, fig: Figure, height_mm: float, axes_left: float) -> None:
        self.fig = fig
        self.height = height_mm
        self.axes_left = axes_left

    def fx(self, mm: float) -> float:
        return mm / WIDTH_MM

    def fy(self, mm: float) -> float:
        return 1 - mm / self.height

    def label(self, ax: Axes, x_mm: float, y: float, text: str) -> None:
        """Writes a row's label left-aligned at x_mm, centred on the row at data height y."""
        blend = blended_transform_factory(self.fig.transFigure, ax.transData)
        ax.text(self.fx(x_mm), y, text, transform=blend, ha="left", va="center",
                fontsize=SIZE_PT, linespacing=1.15, clip_on=False)

    def legend(self, handles: list[Patch], title_lines: int) -> None:
        """Puts the legend in one row, centred under the title."""
        self.fig.legend(handles=handles, loc="upper center", ncols=len(handles), frameon=False,
                   bbox_to_anchor=(0.5, self.fy(_MARGIN + title_lines * _TITLE_LINE + 1.0)),
                   borderaxespad=0, borderpad=0, handlelength=1.6, handleheight=0.9,
                   columnspacing=1.6, fontsize=SIZE_PT)


def _frame(title_lines: list[str], body_mm: float, top_mm: float, left_mm: float,
           axis_mm: float = _AXIS) -> tuple[Figure, Axes, _Page]:
    """Returns a white figure WIDTH_MM wide with the title written and an axes for the rows,
    whose data y runs in mm from 0 (top) to body_mm (bottom)."""
    height = top_mm + body_mm + axis_mm + _MARGIN
    fig = Figure(figsize=(WIDTH_MM / 25.4, height / 25.4), dpi=DPI, facecolor="white")
    FigureCanvasAgg(fig)
    page = _Page(fig, height, left_mm)
    if title_lines:
        fig.text(page.fx(WIDTH_MM / 2), page.fy(_MARGIN), "\n".join(title_lines), ha="center",
                 va="top", fontsize=TITLE_PT, fontweight="bold", linespacing=1.2)
    right = _MARGIN + 2.0
    ax = fig.add_axes((page.fx(left_mm), page.fy(top_mm + body_mm),
                       page.fx(WIDTH_MM - left_mm - right), body_mm / height))
    ax.set_ylim(body_mm, 0)
    ax.set_yticks([])
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_linewidth(0.6)
    ax.tick_params(axis="x", labelsize=SIZE_PT - 0.5, width=0.6, length=3, pad=2)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.5)
    ax.set_axisbelow(True)
    return fig, ax, page


def _draw_indicators(ax: Axes, page: _Page, rows: Sequence[IndicatorRow],
                     centres: list[float], bar: float) -> None:
    """Draws each row's bar from 100% (or its stub, or the đạt marker) and its value text."""
    values = [float(r.percent_of_plan) for r in rows if r.percent_of_plan is not None]
    texts = [r.percent_text for r in rows if r.percent_of_plan is not None]
    low, high = min([100.0, *values]), max([100.0, *values])
    if high - low < 4:  # all at the plan, or no figures: keep a readable scale around 100%
        low, high = min(low, 98.0), max(high, 102.0)
    value_mm = max((text_width_mm(t, SIZE_PT - 0.5) for t in texts), default=0) + _GAP + 1
    left_pad = value_mm if low < 100 else 2.0
    missing_mm = _STUB + _GAP + 1 + max(
        text_width_mm(t, SIZE_PT - 0.5, italic=True) for t in (MISSING_LABEL, ZERO_PLAN))
    right_pad = max(value_mm if high > 100 else 2.0,
                    missing_mm if len(values) < len(rows) else 0.0)
    axes_mm = WIDTH_MM - page.axes_left - _MARGIN - 2.0
    per_mm = (high - low) / (axes_mm - left_pad - right_pad)
    ax.set_xlim(low - left_pad * per_mm, high + right_pad * per_mm)
    for row, y in zip(rows, centres, strict=True):
        if row.percent_of_plan is None:
            _missing_stub(ax, y, per_mm, MISSING_LABEL if row.verdict == "thieu" else ZERO_PLAN,
                          bar)
            continue
        value = float(row.percent_of_plan)
        colour = VERDICT_STYLE[row.verdict][0]
        if value == 100:
            ax.plot([100], [y], marker="D", markersize=4.5, color=colour, zorder=4)
            length = 1.0 * per_mm  # half the marker
        else:
            length = max(abs(value - 100), _MIN_BAR * per_mm)
            ax.barh(y, length if value > 100 else -length, left=100, height=bar, color=colour,
                    zorder=2)
        ahead = value >= 100
        end = 100 + (1 if ahead else -1) * (length + _GAP * per_mm)
        ax.text(end, y, row.percent_text, ha="left" if ahead else "right", va="center",
                fontsize=SIZE_PT - 0.5)


def _missing_stub(ax: Axes, y: float, per_mm: float, text: str, bar: float) -> None:
    ax.barh(y, _STUB * per_mm, left=100, height=bar, facecolor="white",
            edgecolor=MISSING_COLOUR, hatch="////", linewidth=0.6, zorder=2)
    ax.text(100 + (_STUB + _GAP) * per_mm, y, text, ha="left", va="center",
            fontsize=SIZE_PT - 0.5, style="italic", color="#555555")


def _missing_patch() -> Patch:
    return Patch(facecolor="white", edgecolor=MISSING_COLOUR, hatch="////", linewidth=0.6,
                 label=MISSING_LABEL)


def _count_chart(names: Sequence[str], series: list[tuple[str, str, list[int]]], title: str,
                 format: Format) -> bytes:
    """Returns horizontal bars of counts, one row per name and one bar per series in the row
    (colour, legend label — none when "" — and one count per name)."""
    if not names:
        return _empty_chart(title, format)
    counts = [n for *_, values in series for n in values]
    title_lines = _wrap(title, WIDTH_MM - 2 * _MARGIN, TITLE_PT, bold=True)
    legend = any(label for _, label, _ in series)
    top = _header_mm(title_lines) if legend else _header_mm(title_lines) - _LEGEND + 2.0
    density, labels, heights = _rows(names, len(series), top)
    label_mm = max(_widest(lines) for lines in labels)
    with _drawing():
        fig, ax, page = _frame(title_lines, sum(heights), top, _MARGIN + label_mm + _LABEL_GAP)
        centres = _row_centres(heights)
        for lines, y in zip(labels, centres, strict=True):
            page.label(ax, _MARGIN, y, "\n".join(lines))
        high = max([1, *counts])
        value_mm = max(text_width_mm(format_number(n), SIZE_PT - 0.5) for n in counts) + _GAP + 1
        axes_mm = WIDTH_MM - page.axes_left - _MARGIN - 2.0
        per_mm = high / (axes_mm - value_mm)
        ax.set_xlim(0, high + value_mm * per_mm)
        for i, (colour, label, values) in enumerate(series):
            offset = (i - (len(series) - 1) / 2) * density.bar
            ys = [y + offset for y in centres]
            ax.barh(ys, values, height=density.bar * 0.92, color=colour, label=label, zorder=2)
            for y, n in zip(ys, values, strict=True):
                ax.text(n + _GAP * per_mm, y, format_number(n), ha="left", va="center",
                        fontsize=SIZE_PT - 0.5)
        if legend:
            page.legend([Patch(facecolor=c, label=t) for c, t, _ in series], len(title_lines))
        ax.xaxis.set_major_locator(MaxNLocator(nbins=8, steps=[1, 2, 5, 10], integer=True))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: format_number(round(float(v)))))
        return _save(fig, format)


def _empty_chart(title: str, format: Format) -> bytes:
    """Returns a small chart with the title and "Không có số liệu" in a light frame."""
    title_lines = _wrap(title, WIDTH_MM - 2 * _MARGIN, TITLE_PT, bold=True)
    with _drawing():
        fig, ax, _ = _frame(title_lines, 25.0, _header_mm(title_lines) - _LEGEND + 2.0, _MARGIN,
                           axis_mm=0.0)
        ax.set_xticks([])
        ax.grid(False)
        for spine in ax.spines.values():
            spine.set_visible(True)
            spine.set_color("#BBBBBB")
        ax.text(0.5, 0.5, NO_DATA, transform=ax.transAxes, ha="center", va="center",
                fontsize=SIZE_PT + 1, style="italic", color="#555555")
        return _save(fig, format)


# ---------------------------------------------------------------------------------------------
# Font, text and output


@contextmanager
def _drawing() -> Iterator[None]:
    """Draws in Liberation Serif only, with fixed SVG ids; rcParams are restored afterwards."""
    _register_font()
    with matplotlib.rc_context({
        "font.family": [FAMILY],
        "font.size": SIZE_PT,
        "text.parse_math": False,  # a "$" in a name is a dollar sign
        "axes.unicode_minus": False,
        "hatch.color": MISSING_COLOUR,
        "hatch.linewidth": 0.6,
        "svg.hashsalt": "thidua-charts",
        "svg.fonttype": "none",
    }):
        yield


def _register_font() -> None:
    """Adds the Liberation Serif files to matplotlib's fonts by path (once each) and checks
    matplotlib picks them; raises ChartError when one is missing, so no other font (DejaVu)
    stands in for it."""
    paths = [FONT_DIR / name for name in FONT_FILES]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise ChartError(
            "Không vẽ được biểu đồ: thiếu tệp phông chữ Liberation Serif "
            f"({', '.join(missing)}). Hãy cài gói fonts-liberation2.")
    known = {f.fname for f in font_manager.fontManager.ttflist}
    for path in paths:
        if str(path) not in known:
            font_manager.fontManager.addfont(str(path))
    for weight, style in (("normal", "normal"), ("bold", "normal"), ("normal", "italic")):
        wanted = font_manager.FontProperties(family=FAMILY, weight=weight, style=style)
        try:
            found = Path(font_manager.findfont(wanted, fallback_to_default=False))
        except ValueError:
            found = Path("?")
        if found.name not in FONT_FILES:
            raise ChartError(f"Không vẽ được biểu đồ: matplotlib chọn phông {found.name} thay cho "
                             f"{FAMILY} ({weight}, {style}).")


def _save(fig: Figure, format: Format) -> bytes:
    """Returns the figure as PNG at DPI, or SVG, without dates or version stamps."""
    metadata = {"Software": None} if format == "png" else {"Date": None, "Creator": None}
    out = io.BytesIO()
    fig.savefig(out, format=format, dpi=DPI, metadata=metadata)
    return out.getvalue()


def _rows(names: Sequence[str], bars: int,
          top_mm: float) -> tuple[_Density, list[list[str]], list[float]]:
    """Returns the density, the wrapped labels and the rows' heights of a chart with one row
    per name and `bars` bars in a row, under `top_mm` of title and legend: the loosest density
    whose chart is at most MAX_HEIGHT_MM tall, else the tightest."""
    for density in _DENSITIES:
        labels = [_wrap(name, density.label_max) for name in names]
        heights = [max(len(lines) * _LINE, bars * density.bar) + density.pad for lines in labels]
        if top_mm + sum(heights) + _AXIS + _MARGIN <= MAX_HEIGHT_MM:
            break
    return density, labels, heights


def _header_mm(title_lines: list[str]) -> float:
    return _MARGIN + len(title_lines) * _TITLE_LINE + _LEGEND


def _row_centres(heights: list[float]) -> list[float]:
    centres, top = [], 0.0
    for h in heights:
        centres.append(top + h / 2)
        top += h
    return centres


def _widest(lines: list[str]) -> float:
    return max(text_width_mm(line, SIZE_PT) for line in lines)


def _wrap(text: str, width_mm: float, size_pt: float = SIZE_PT, bold: bool = False,
          max_lines: int = 3) -> list[str]:
    """Returns `text` broken at spaces into lines no wider than width_mm (a longer single word
    stays whole), as even as that many lines allow (no lone last syllable); past max_lines the
    last line ends in "…"."""
    words = unicodedata.normalize("NFC", text).split()
    lines = _fill(words, width_mm, size_pt, bold)
    low, high = 0.0, width_mm  # the narrowest width giving no more lines
    while high - low > 0.5:
        middle = (low + high) / 2
        if len(_fill(words, middle, size_pt, bold)) <= len(lines):
            high = middle
        else:
            low = middle
    lines = _fill(words, high, size_pt, bold)
    if len(lines) > max_lines:
        lines = _fill(words, width_mm, size_pt, bold)
        last = lines[max_lines - 1]
        while " " in last and text_width_mm(f"{last} …", size_pt, bold) > width_mm:
            last = last.rsplit(" ", 1)[0]
        lines = [*lines[:max_lines - 1], f"{last} …"]
    return lines


def _fill(words: list[str], width_mm: float, size_pt: float, bold: bool) -> list[str]:
    """Returns the words put greedily on lines no wider than width_mm."""
    lines: list[str] = []
    for word in words:
        if lines and text_width_mm(f"{lines[-1]} {word}", size_pt, bold) <= width_mm:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _percent_tick(value: float, _position: object) -> str:
    return percent_text(Decimal(repr(round(float(value), 6))))
