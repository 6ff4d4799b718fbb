"""The signing-authority lines above a signature (TM., KT., Q., TL., TUQ.), upper case."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .text import upper_vn

# The prefixes ND30 allows; TM. may stand above one of the others
# (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH).
_PREFIXES = ("TM", "KT", "Q", "TL", "TUQ")
_ACTING = re.compile(r"^(?:Q\.|QUYỀN)\s*")


def _prefixes(authority: str) -> list[str]:
    """Return the prefixes in `authority` ("", "KT", "TM+KT", "tm. + kt."); ValueError if bad."""
    parts = [p.strip().rstrip(".").strip() for p in upper_vn(authority).split("+")]
    if parts == [""]:
        return []
    valid = all(p in _PREFIXES for p in parts) and (
        len(parts) == 1 or (len(parts) == 2 and parts[0] == "TM" and parts[1] != "TM")
    )
    if not valid:
        raise ValueError(
            f"Quyền hạn ký “{authority}” không hợp lệ: dùng một trong TM, KT, Q, TL, TUQ, "
            "hoặc TM kèm một quyền khác (TM+KT, TM+Q, TM+TL, TM+TUQ), hoặc để trống khi "
            "người đứng đầu ký."
        )
    return parts


def _line(text: str) -> str:
    """Return `text` upper-cased with its spaces collapsed."""
    return " ".join(upper_vn(text).split())


def signer_lines(authority: str, on_behalf: str | Sequence[str], title: str) -> list[str]:
    """Return the bold upper-case lines above the signature, e.g. [`KT. CHỦ TỊCH`, `PHÓ CHỦ TỊCH`].

    `authority` is "", TM, KT, Q, TL, TUQ, or TM+X for a deputy signing for a collective body;
    `on_behalf` names what each prefix stands for, one per prefix, as a list or joined by "|"
    ("Ủy ban nhân dân|Chủ tịch"); ignored when `authority` is "". `title` is the signer's own
    post; for Q. it is optional and shown only when it is not the post acted in.
    Raises ValueError, in Vietnamese, for an unknown authority or a missing part.
    """
    prefixes = _prefixes(authority)
    parts = on_behalf.split("|") if isinstance(on_behalf, str) else list(on_behalf)
    lines = [_line(part) for part in parts] if prefixes else []
    if len(lines) != len(prefixes) or not all(lines):
        raise ValueError(
            f"Quyền hạn “{authority}” cần {len(prefixes)} tên cơ quan/chức vụ được thay mặt, "
            f"ngăn cách bởi “|” (nhận “{on_behalf}”)."
        )
    lines = [f"{prefix}. {line}" for prefix, line in zip(prefixes, lines, strict=True)]
    own_post = _line(title)
    if prefixes and prefixes[-1] == "Q":
        # Acting head: the post acted in says it all, unless the signer's own post differs.
        acted_in = lines[-1].removeprefix("Q. ")
        if own_post and _ACTING.sub("", own_post) != acted_in:
            lines.append(own_post)
        return lines
    if not own_post:
        raise ValueError("Thiếu chức vụ của người ký.")
    return lines + [own_post]
