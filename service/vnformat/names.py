"""Vietnamese personal names: split and sort as a clerk does (given name, middle, family)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TypeVar

import icu

from .text import nfc

T = TypeVar("T")

# ICU's vi tailoring: a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư as letters; tones as secondary
# differences ordered ngang < huyền < hỏi < ngã < sắc < nặng. Built once: creating one is slow.
_COLLATOR = icu.Collator.createInstance(icu.Locale("vi_VN"))
# An ICU collator must not be used by two threads at once; sort keys are cheap, so a lock will do.
_COLLATOR_LOCK = threading.Lock()

NameKey = tuple[bytes, tuple[bytes, ...], bytes, str]


def _identity(item: T) -> T:
    return item


def split_name(full_name: str) -> tuple[str, str, str]:
    """Return (family, middle, given) in NFC: `Nguyễn Thị Minh Khai` → (Nguyễn, Thị Minh, Khai).

    One word is a given name only (family and middle ""); a blank name gives ("", "", "").
    """
    words = nfc(full_name).split()
    if not words:
        return ("", "", "")
    if len(words) == 1:
        return ("", "", words[0])
    return (words[0], " ".join(words[1:-1]), words[-1])


def _word_key(word: str) -> bytes:
    with _COLLATOR_LOCK:
        return _COLLATOR.getSortKey(word)


def name_sort_key(full_name: str) -> NameKey:
    """Return a key ordering names by given name, then middle name(s), then family name.

    Each word is compared whole before the next (as dictionaries compare syllables), letters
    first and tones last. NFD and NFC spellings give the same key; the NFC name itself breaks
    ties so the order is total.
    """
    family, middle, given = split_name(full_name)
    return (
        _word_key(given),
        tuple(_word_key(word) for word in middle.split()),
        _word_key(family),
        " ".join(nfc(full_name).split()),
    )


def sort_names(items: Iterable[T], key: Callable[[T], str] = _identity) -> list[T]:
    """Return `items` sorted by the Vietnamese name `key` gives (the item itself by default)."""
    return sorted(items, key=lambda item: name_sort_key(key(item)))
