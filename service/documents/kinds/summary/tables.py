"""The summary report's tables as rows of text: titles registered and reached, honours earned,
and the annex — the directive's indicators (the province) or the unit's own tallies."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from service.domain.aggregation import IndicatorRow, judge
from service.domain.catalogue import BY_CODE
from service.domain.tallies import Tallies
from service.vnformat.numbers import format_number

from .text import quoted


def _n(value: int) -> str:
    return format_number(value)


def _rate(value: Decimal | None) -> str:
    """A "Tỷ lệ %" cell: two decimals always, so that the column reads evenly (`97,80`,
    `100,00`); empty for no figure."""
    return "" if value is None else format_number(value, 2)


def title_rows(tallies: Tallies) -> list[dict[str, str]]:
    return [
        {
            "number": str(i),
            "name": t.name,
            "kind": t.nominee_label.capitalize(),
            "registered": _n(t.registered),
            "achieved": _n(t.achieved),
            "rate": _rate(t.rate),
        }
        for i, t in enumerate(tallies.titles, start=1)
    ]


def honour_rows(tallies: Tallies) -> list[dict[str, str]]:
    earned = [h for h in tallies.honours if h.total]
    return [
        {
            "number": str(i),
            "name": h.name,
            "level": h.level_label,
            "individual": _n(h.individual),
            "collective": _n(h.collective),
            "household": _n(h.household),
            "total": _n(h.total),
        }
        for i, h in enumerate(earned, start=1)
    ]


def indicator_annex(rows: Sequence[IndicatorRow]) -> list[dict[str, str]]:
    return [
        {
            "number": row.code,
            "name": row.name,
            "unit": row.unit,
            "planned": row.planned_text,
            "achieved": row.achieved_text,
            "previous": row.previous_text,
            "percent": _rate(row.percent_of_plan),
            "verdict": row.verdict_label,
        }
        for row in rows
    ]


def tally_annex(tallies: Tallies, previous: Tallies | None) -> list[dict[str, str]]:
    """The unit's own planned-vs-achieved lines: each title or award registered (planned: how
    many registered), then each nomination sent up (planned: how many proposed)."""
    before = {}
    if previous is not None:
        for h in previous.honours:
            before[("individual", h.code)] = h.individual
            before[("collective", h.code)] = h.collective
    lines = []
    for t in tallies.titles:
        who, unit = (
            ("Cá nhân", "người") if t.nominee_kind == "individual" else ("Tập thể", "tập thể")
        )
        earned = before.get((t.nominee_kind, t.code))
        lines.append(
            (
                f"{who} đạt {quoted(t.name)}",
                unit,
                t.registered,
                t.achieved,
                "" if earned is None else _n(earned),
            )
        )
    for x in tallies.nominations:
        verb = "công nhận" if BY_CODE[x.code].kind == "title" else "tặng"
        lines.append((f"Đề nghị {verb} {quoted(x.name)}", "trường hợp", x.proposed, x.approved, ""))
    rows = []
    for i, (name, unit, planned, achieved, earlier) in enumerate(lines, start=1):
        verdict = judge(Decimal(planned), Decimal(achieved), False)
        rows.append(
            {
                "number": str(i),
                "name": name,
                "unit": unit,
                "planned": _n(planned),
                "achieved": _n(achieved),
                "previous": earlier,
                "percent": _rate(Decimal(achieved) * 100 / planned if planned else None),
                "verdict": {"vuot": "Vượt", "dat": "Đạt", "khong_dat": "Không đạt"}[verdict],
            }
        )
    return rows
