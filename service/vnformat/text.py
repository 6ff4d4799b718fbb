"""Vietnamese text: NFC, upper case with diacritics, XML-safe text and ASCII slugs."""

from __future__ import annotations

import re
import unicodedata

# XML 1.0 allows tab, LF and CR among the C0 controls, and no surrogate or U+FFFE/U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC (composed) form, the form every output of ours uses."""
    return unicodedata.normalize("NFC", text)


def upper_vn(text: str) -> str:
    """Return `text` upper-cased in NFC, every diacritic kept (`ủy ban` → `ỦY BAN`, `đ` → `Đ`)."""
    # Normalise on both sides: NFD input upper-cases fine, but must come out composed.
    return nfc(nfc(text).upper())


def strip_xml_illegal(text: str) -> str:
    """Return `text` without the characters XML 1.0 forbids (controls, lone surrogates, …)."""
    # A str can hold a surrogate *pair* as two code points (e.g. from a JSON "\\ud83d\\ude00");
    # join such pairs into the real character first so only the lone halves are dropped.
    joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return _XML_ILLEGAL.sub("", joined)


def slugify(text: str, max_len: int = 60) -> str:
    """Return an ASCII file-name slug (`Sở Nội vụ` → `so-noi-vu`); "" if no letter or digit is left.

    The slug is cut to at most `max_len` characters at a hyphen when one is available.
    """
    if max_len < 1:
        raise ValueError(f"Độ dài tối đa của tên tệp phải từ 1 trở lên (nhận {max_len}).")
    # đ is a letter of its own, not d plus a mark, so NFD would not strip it.
    text = nfc(text).replace("đ", "d").replace("Đ", "D")
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    slug = _NOT_SLUG.sub("-", bare.lower()).strip("-")
    if len(slug) <= max_len:
        return slug
    cut = slug[: max_len + 1]
    # Keep whole words when the cut falls inside one and an earlier word boundary exists.
    if cut[-1] != "-" and "-" in cut[:-1]:
        cut = cut[: cut.rindex("-")]
    return cut[:max_len].strip("-")
