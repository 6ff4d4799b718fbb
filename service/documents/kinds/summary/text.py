"""The summary report's sentences written from the year's figures (tallies, indicators), in
Vietnamese: what a clerk would write when the unit has not written its own text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from service.domain.aggregation import IndicatorRow, Tallies, TitleTally
from service.domain.indicator_results import percent_text
from service.domain.tallies import NOT_RATED
from service.vnformat.numbers import format_number

LOW_RATE = Decimal(50)  # a registered title reached by fewer than half is a weakness
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Figures:
    """What the sentences are written from: `who` names the reporter in a sentence (`Sở Nội
    vụ`, `toàn tỉnh`); `rows` are the directive's indicators (the province's report only)."""

    year: int
    who: str
    province: bool
    tallies: Tallies
    rows: tuple[IndicatorRow, ...] = ()
    unit_rating_label: str = ""  # the unit's own rating (unit report), lower case


def n(value: int) -> str:
    return format_number(value)


def share(part: int, whole: int) -> str:
    """Returns `part` of `whole` in percent (`88,64%`); "" when `whole` is 0."""
    return percent_text(Decimal(part) * _HUNDRED / whole) if whole else ""


def amount(text: str, unit: str) -> str:
    """Returns a figure with its unit: `7,06%`, `19.560 tỷ đồng`."""
    return f"{text}%" if unit == "%" else f"{text} {unit}".strip()


def join_parts(parts: Iterable[str], last: str = " và ") -> str:
    """Returns `a, b và c`."""
    items = [p for p in parts if p]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + last + items[-1]


def quoted(name: str) -> str:
    return f"“{name}”"


def lower_first(name: str) -> str:
    """Returns `name` with its first letter in lower case, unless it starts an abbreviation
    (`Tốc độ …` → `tốc độ …`; `GRDP bình quân …` stays)."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


# ---------------------------------------------------------------- I. the movement


def verdict_counts(rows: Sequence[IndicatorRow]) -> dict[str, int]:
    counts = {"vuot": 0, "dat": 0, "khong_dat": 0, "thieu": 0}
    for row in rows:
        counts[row.verdict] += 1
    return counts


def indicators_sentences(fig: Figures) -> list[str]:
    """Returns the sentences on the directive's indicators: how many exceeded, met, missed the
    plan or have no figure, then the missed ones with their figures."""
    rows = fig.rows
    if not rows:
        return []
    counts = verdict_counts(rows)
    targets = len({row.target_number for row in rows})
    parts = [
        f"{n(counts['vuot'])} chỉ số vượt kế hoạch" if counts["vuot"] else "",
        f"{n(counts['dat'])} chỉ số đạt kế hoạch" if counts["dat"] else "",
        f"{n(counts['khong_dat'])} chỉ số chưa đạt kế hoạch" if counts["khong_dat"] else "",
        f"{n(counts['thieu'])} chỉ số chưa có số liệu" if counts["thieu"] else "",
    ]
    sentences = [
        (
            f"Về thực hiện các chỉ tiêu chủ yếu năm {fig.year}: trong {n(len(rows))} chỉ số của "
            f"{n(targets)} chỉ tiêu, có {join_parts(parts)} (chi tiết tại Phụ lục và Biểu đồ 1)."
        )
    ]
    missed = [row for row in rows if row.verdict == "khong_dat"]
    if missed:
        details = "; ".join(
            f"{lower_first(row.name)} đạt {amount(row.achieved_text, row.unit)}, kế hoạch "
            f"{amount(row.planned_text, row.unit)}"
            for row in missed
        )
        sentences.append(f"Các chỉ số chưa đạt kế hoạch: {details}.")
    return sentences


def registration_sentence(fig: Figures) -> str:
    """Returns who registered for the movement."""
    t = fig.tallies
    if fig.province:
        return (
            f"Toàn tỉnh có {n(t.registered_units)}/{n(t.units)} cơ quan, đơn vị, địa phương "
            f"đăng ký thi đua năm {fig.year} ({share(t.registered_units, t.units)})."
        )
    if not t.registered_units:
        return f"{fig.who} chưa gửi bản đăng ký thi đua năm {fig.year}."
    people = sum(x.registered for x in t.titles if x.nominee_kind == "individual")
    collective = [x.name for x in t.titles if x.nominee_kind == "collective"]
    sentence = (
        f"{fig.who} đã đăng ký thi đua năm {fig.year} với {n(people)} lượt cá nhân đăng ký "
        "danh hiệu thi đua, hình thức khen thưởng"
    )
    if collective:
        sentence += f"; tập thể đăng ký {join_parts(map(quoted, collective))}"
    return sentence + "."


def ratings_sentences(fig: Figures) -> list[str]:
    """Returns the year's task ratings of the people and of the collectives."""
    t = fig.tallies
    sentences = []
    rated = [c for c in t.ratings if c.key != NOT_RATED and c.count]
    unrated = sum(c.count for c in t.ratings if c.key == NOT_RATED)
    if t.people:
        parts = join_parts((f"{n(c.count)} {c.label.lower()}" for c in rated), last=", ")
        sentence = (
            f"Kết quả đánh giá, xếp loại cán bộ, công chức, viên chức, người lao động "
            f"({n(t.people)} người): {parts or 'chưa có kết quả'}"
        )
        if unrated and rated:
            sentence += f"; {n(unrated)} người chưa được đánh giá, xếp loại"
        sentences.append(sentence + ".")
    if fig.province:
        units = [c for c in t.unit_ratings if c.key != NOT_RATED and c.count]
        if units:
            parts = join_parts((f"{n(c.count)} {c.label.lower()}" for c in units), last=", ")
            sentences.append(f"Kết quả đánh giá, xếp loại tập thể: {parts}.")
    elif fig.unit_rating_label:
        sentences.append(f"Tập thể {fig.who} được đánh giá {fig.unit_rating_label}.")
    return sentences


# ---------------------------------------------------------------- II. commendation


def titles_sentence(fig: Figures) -> str:
    """Returns the registered titles and awards against those reached, by nominee kind."""
    parts = []
    for kind, label in (("individual", "cá nhân"), ("collective", "tập thể")):
        titles = [x for x in fig.tallies.titles if x.nominee_kind == kind]
        registered = sum(x.registered for x in titles)
        achieved = sum(x.achieved for x in titles)
        if registered:
            parts.append(
                f"{label} đăng ký {n(registered)} lượt, đạt {n(achieved)} lượt "
                f"({share(achieved, registered)})"
            )
    if not parts:
        return "Không có danh hiệu thi đua, hình thức khen thưởng nào được đăng ký."
    return (
        "Về thực hiện danh hiệu thi đua, hình thức khen thưởng đã đăng ký: "
        f"{'; '.join(parts)} (chi tiết tại Bảng 1)."
    )


def honours_sentence(fig: Figures) -> str:
    """Returns how many titles and awards were earned, by level."""
    t = fig.tallies
    total = sum(h.total for h in t.honours)
    where = "toàn tỉnh" if fig.province else fig.who
    if not total:
        return (
            f"Trong năm {fig.year}, {where} chưa có tập thể, cá nhân nào được công nhận "
            "danh hiệu thi đua, tặng hình thức khen thưởng."
        )
    levels = join_parts(f"{c.label.lower()} {n(c.count)} lượt" for c in t.levels if c.count)
    return (
        f"Trong năm {fig.year}, {where} có {n(total)} lượt tập thể, cá nhân, hộ gia đình "
        f"được công nhận danh hiệu thi đua, tặng hình thức khen thưởng, trong đó {levels} "
        "(chi tiết tại Bảng 2)."
    )


def initiatives_sentence(fig: Figures) -> str:
    counts = [c for c in fig.tallies.initiatives if c.count]
    total = sum(c.count for c in counts)
    if not total:
        return "Chưa có sáng kiến nào được công nhận trong năm."
    parts = join_parts(f"{n(c.count)} sáng kiến {c.label}" for c in counts)
    return f"Có {n(total)} sáng kiến được công nhận, gồm {parts}."


def disciplines_sentence(fig: Figures) -> str:
    counts = [c for c in fig.tallies.disciplines if c.count]
    total = sum(c.count for c in counts)
    if not total:
        return "Không có trường hợp nào bị xử lý kỷ luật."
    parts = ", ".join(f"{n(c.count)} {c.label.lower()}" for c in counts)
    return (
        f"Có {n(total)} trường hợp bị xử lý kỷ luật ({parts}); các trường hợp này không "
        f"được xét tặng danh hiệu thi đua năm {fig.year}."
    )


def nominations_sentence(fig: Figures) -> str:
    tallies = fig.tallies.nominations
    proposed = sum(x.proposed for x in tallies)
    approved = sum(x.approved for x in tallies)
    who = "Các cơ quan, đơn vị, địa phương" if fig.province else "Đơn vị"
    if not proposed:
        return f"{who} không có đề nghị khen thưởng trong năm."
    return (
        f"{who} đã đề nghị khen thưởng {n(proposed)} trường hợp; đã được công nhận, khen "
        f"thưởng {n(approved)} trường hợp ({share(approved, proposed)})."
    )


# ---------------------------------------------------------------- III, IV. assessment


def _low_titles(fig: Figures) -> list[TitleTally]:
    return [
        x for x in fig.tallies.titles if x.registered and x.rate is not None and x.rate < LOW_RATE
    ]


def strengths(fig: Figures) -> list[str]:
    """Returns the default text of “Ưu điểm”, from what went well."""
    t = fig.tallies
    parts = []
    if fig.province and t.units:
        parts.append(
            f"{n(t.registered_units)}/{n(t.units)} cơ quan, đơn vị, địa phương đăng ký thi đua"
        )
    elif t.registered_units:
        parts.append("đơn vị đã đăng ký thi đua và tổ chức thực hiện")
    counts = verdict_counts(fig.rows)
    if fig.rows and counts["vuot"] + counts["dat"]:
        parts.append(
            f"{n(counts['vuot'] + counts['dat'])}/{n(len(fig.rows))} chỉ số chủ yếu "
            "đạt và vượt kế hoạch"
        )
    good = [x for x in t.titles if x.registered and x.rate is not None and x.rate >= LOW_RATE]
    if good:
        best = max(good, key=lambda x: (x.rate, x.registered))
        parts.append(f"tỷ lệ đạt danh hiệu {quoted(best.name)} là {best.rate_text}")
    initiatives = sum(c.count for c in t.initiatives)
    if initiatives:
        parts.append(f"{n(initiatives)} sáng kiến được công nhận")
    if not parts:
        return ["Công tác thi đua, khen thưởng được duy trì theo kế hoạch."]
    return [
        (
            "Phong trào thi đua được triển khai gắn với thực hiện nhiệm vụ chính trị: "
            f"{'; '.join(parts)}."
        )
    ]


def weaknesses(fig: Figures) -> list[str]:
    """Returns the default text of “Hạn chế”, from what fell short."""
    t = fig.tallies
    parts = [
        f"tỷ lệ đạt danh hiệu {quoted(x.name)} còn thấp ({n(x.achieved)}/{n(x.registered)}, "
        f"{x.rate_text})"
        for x in _low_titles(fig)
    ]
    counts = verdict_counts(fig.rows)
    if counts["khong_dat"]:
        parts.append(f"{n(counts['khong_dat'])} chỉ số chưa đạt kế hoạch")
    if counts["thieu"]:
        parts.append(f"{n(counts['thieu'])} chỉ số chưa có số liệu để đánh giá")
    if fig.province and t.registered_units < t.units:
        parts.append(f"{n(t.units - t.registered_units)} cơ quan, đơn vị chưa đăng ký thi đua")
    disciplined = sum(c.count for c in t.disciplines)
    if disciplined:
        parts.append(f"còn {n(disciplined)} trường hợp bị xử lý kỷ luật")
    if not parts:
        return [
            (
                "Qua số liệu tổng hợp, các danh hiệu đã đăng ký đều đạt; cần tiếp tục nâng "
                "cao chất lượng phong trào thi đua."
            )
        ]
    return [f"Bên cạnh kết quả đạt được, còn một số hạn chế: {'; '.join(parts)}."]


def directions(fig: Figures) -> list[str]:
    """Returns the default text of the next year's directions."""
    lines = [
        (
            f"- Tiếp tục đổi mới nội dung, hình thức tổ chức các phong trào thi đua năm "
            f"{fig.year + 1}, gắn với thực hiện nhiệm vụ chính trị được giao."
        )
    ]
    missed = [lower_first(row.name) for row in fig.rows if row.verdict == "khong_dat"]
    if missed:
        lines.append(
            f"- Tập trung chỉ đạo thực hiện các chỉ tiêu chưa đạt năm {fig.year}: "
            f"{'; '.join(missed)}."
        )
    if _low_titles(fig):
        lines.append(
            "- Nâng cao chất lượng đăng ký thi đua, bảo đảm đăng ký sát với khả năng "
            "thực hiện; theo dõi, đôn đốc việc thực hiện trong năm."
        )
    lines.append(
        "- Phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến; thực hiện khen "
        "thưởng kịp thời, chính xác, công khai, minh bạch theo Luật Thi đua, khen "
        "thưởng năm 2022."
    )
    return lines


def narrative(text: str | None) -> list[str]:
    """Returns a written section as paragraphs, one per non-blank line."""
    return [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]
