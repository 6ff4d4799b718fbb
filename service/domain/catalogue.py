"""The titles and awards a province handles (domain.md), as data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

NomineeKind = Literal["individual", "collective", "household"]
KIND_LABELS: dict[str, str] = {
    "individual": "cá nhân",
    "collective": "tập thể",
    "household": "hộ gia đình",
}


@dataclass(frozen=True)
class Honour:
    """A title (danh hiệu thi đua) or an award (hình thức khen thưởng) of the catalogue."""

    code: str
    name: str
    kind: Literal["title", "award"]
    nominees: frozenset[str]
    given_by: str
    rank: int  # higher pays more; several titles for one period pay only the highest

    def accepts(self, nominee_kind: str) -> bool:
        return nominee_kind in self.nominees


_I = frozenset({"individual"})
_C = frozenset({"collective"})
_ALL = frozenset({"individual", "collective", "household"})

HONOURS: tuple[Honour, ...] = (
    Honour("LDTT", "Lao động tiên tiến", "title", _I, "Thủ trưởng đơn vị", 1),
    Honour("CSTDCS", "Chiến sĩ thi đua cơ sở", "title", _I, "Thủ trưởng đơn vị", 2),
    Honour("CSTDT", "Chiến sĩ thi đua cấp tỉnh", "title", _I, "Chủ tịch UBND tỉnh", 3),
    Honour("TTLDTT", "Tập thể lao động tiên tiến", "title", _C, "Thủ trưởng đơn vị", 1),
    Honour("TTLDXS", "Tập thể lao động xuất sắc", "title", _C, "Chủ tịch UBND tỉnh", 2),
    Honour("CTDT", "Cờ thi đua của UBND tỉnh", "title", _C, "Chủ tịch UBND tỉnh", 3),
    Honour("BKT", "Bằng khen của Chủ tịch UBND tỉnh", "award", _ALL, "Chủ tịch UBND tỉnh", 2),
    Honour("GK", "Giấy khen", "award", _ALL, "Thủ trưởng đơn vị", 1),
)

BY_CODE: dict[str, Honour] = {h.code: h for h in HONOURS}
TITLE_CODES = tuple(h.code for h in HONOURS if h.kind == "title")
AWARD_CODES = tuple(h.code for h in HONOURS if h.kind == "award")


def honour(code: str) -> Honour:
    """Returns the catalogue entry; KeyError for a code not in the catalogue."""
    return BY_CODE[code]


def find_by_name(name: str) -> Honour | None:
    """Returns the entry whose code or Vietnamese name matches (case-insensitive), else None."""
    key = " ".join(name.split()).casefold()
    for h in HONOURS:
        if key in (h.code.casefold(), h.name.casefold()):
            return h
    return None
