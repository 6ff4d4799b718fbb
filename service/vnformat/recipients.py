"""The Nơi nhận list: `- X;` per recipient, the last line `- Lưu: VT, ….`."""

from __future__ import annotations

import re

from .text import nfc

RECIPIENTS_HEADING = "Nơi nhận:"

# Dashes a clerk or Word may have typed at the start of an item, and the ends ND30 re-adds.
_LEADING = re.compile(r"^[\s\-\u2010-\u2015\u2212•+]+")
_TRAILING = re.compile(r"[\s;.,]+$")
# The archive item needs its colon: "Lưu Văn Hòa" is a person, "Lưu: VT" is the archive.
_ARCHIVE = re.compile(r"^lưu\s*:\s*", re.IGNORECASE)


def _clean(item: str) -> str:
    """Return `item` in NFC without its leading dash or trailing `;`/`.`, spaces collapsed."""
    text = " ".join(nfc(item).split())
    return _TRAILING.sub("", _LEADING.sub("", text))


def recipient_lines(recipients: list[str], archive: str = "VT") -> list[str]:
    """Return the Nơi nhận lines: `- X;` for each recipient, then `- Lưu: <archive>.`.

    Items may already carry `- `, `;` or `.`; blank items are dropped. An item `Lưu: …` in the
    input is used as the last line instead of `archive`. Raises ValueError if there are two.
    """
    items = [text for text in map(_clean, recipients) if text]
    archives = [text for text in items if _ARCHIVE.match(text)]
    if len(archives) > 1:
        raise ValueError(f"Nơi nhận có {len(archives)} dòng “Lưu:”; chỉ được có một.")
    if archives:
        kept = _ARCHIVE.sub("", archives[0])
    else:
        kept = _clean(_ARCHIVE.sub("", _clean(archive)))
    if not kept:
        raise ValueError("Dòng “Lưu:” của nơi nhận phải ghi nơi lưu, ví dụ “Lưu: VT”.")
    lines = [f"- {text};" for text in items if not _ARCHIVE.match(text)]
    return lines + [f"- Lưu: {kept}."]
