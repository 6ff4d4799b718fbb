"""Specs for service.vnformat.names."""

import random
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.vnformat.names import name_sort_key, sort_names, split_name


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# The order a clerk expects, worked out from ICU's vi rules: given name first; letters before
# tones (An < Anh < Ánh: "anh" is longer than "an", and the tone only breaks the tie with
# "Anh"); a < ă < â and o < ô < ơ and u < ư are different letters (Ánh < Ân, Ùng < Uông < Ưng);
# d < đ (Dũng < Đào); tones ngang < huyền < hỏi < ngã < sắc < nặng (Ung < Ùng < Ủng < Úng);
# then the middle name (Thị < Văn), then the family name (Lê < Nguyễn).
CLERK_ORDER = [
    "Trần Thị An",
    "Lê Văn An",
    "Nguyễn Văn An",
    "Phạm Đức Anh",
    "Hoàng Thị Ánh",
    "Nguyễn Văn Ân",
    "Lê Văn Bình",
    "Dương Văn Dung",
    "Đỗ Văn Dũng",
    "Vũ Thị Đào",
    "Tòng Văn On",
    "Lò Văn Ôn",
    "Bùi Văn Ơn",
    "Quàng Thị Ung",
    "Cầm Văn Ùng",
    "Sa Văn Ủng",
    "Lường Văn Úng",
    "Hà Văn Uông",
    "Đặng Thị Ưng",
]


def test_sort_names_in_clerk_order() -> None:
    shuffled = CLERK_ORDER[:]
    random.Random(2024).shuffle(shuffled)
    assert sort_names(shuffled) == CLERK_ORDER
    assert sort_names(reversed(CLERK_ORDER)) == CLERK_ORDER


def test_sort_names_nfd_input_sorts_like_nfc() -> None:
    assert sort_names([nfd(n) for n in reversed(CLERK_ORDER)]) == [nfd(n) for n in CLERK_ORDER]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("a", "ă"),
        ("ă", "â"),
        ("â", "b"),
        ("d", "đ"),
        ("đ", "e"),
        ("e", "ê"),
        ("ê", "g"),
        ("o", "ô"),
        ("ô", "ơ"),
        ("ơ", "p"),
        ("u", "ư"),
        ("ư", "v"),
        ("x", "y"),
        # tones, as secondary differences: ngang < huyền < hỏi < ngã < sắc < nặng
        ("a", "à"),
        ("à", "ả"),
        ("ả", "ã"),
        ("ã", "á"),
        ("á", "ạ"),
        # letters outrank tones: the toneless "anh" still follows every "an"
        ("ạn", "anh"),
        ("Ánh", "Ân"),
        ("Ạn", "Ăn"),
    ],
)
def test_vietnamese_alphabet_and_tones(first: str, second: str) -> None:
    assert name_sort_key(first) < name_sort_key(second)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Nguyễn Văn An", ("Nguyễn", "Văn", "An")),
        ("Nguyễn Thị Minh Khai", ("Nguyễn", "Thị Minh", "Khai")),
        ("Lò Văn", ("Lò", "", "Văn")),
        ("An", ("", "", "An")),
        ("", ("", "", "")),
        ("  Cầm   Văn\tÙng ", ("Cầm", "Văn", "Ùng")),
        (nfd("Đặng Thị Ưng"), ("Đặng", "Thị", "Ưng")),
    ],
)
def test_split_name(name: str, expected: tuple[str, str, str]) -> None:
    assert split_name(name) == expected


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Trần Thị An", "Nguyễn Văn An"),  # given equal: middle Thị < Văn beats family
        ("Lê Văn An", "Nguyễn Văn An"),  # given and middle equal: family decides
        ("Nguyễn An", "Nguyễn Văn An"),  # no middle name first
        ("Nguyễn Thị An", "Nguyễn Thị Minh An"),
        ("Trần Văn An", "An Văn Bình"),  # the family name never comes first
        ("An", "Nguyễn An"),
    ],
)
def test_name_parts_order(first: str, second: str) -> None:
    assert name_sort_key(first) < name_sort_key(second)


@dataclass
class Person:
    name: str
    unit: str


def test_sort_names_with_key() -> None:
    people = [
        Person("Đỗ Văn Dũng", "SNV"),
        Person("Trần Thị An", "UBND"),
        Person("Vũ Thị Đào", "SNV"),
    ]
    assert [p.name for p in sort_names(people, key=lambda p: p.name)] == [
        "Trần Thị An",
        "Đỗ Văn Dũng",
        "Vũ Thị Đào",
    ]


_VN_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÔƠƯ"
_TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
_word = st.builds(
    lambda letters, tone: unicodedata.normalize("NFC", letters[0] + tone + letters[1:]),
    st.text(alphabet=_VN_LETTERS, min_size=1, max_size=6),
    st.sampled_from(_TONES),
)
_name = st.lists(_word, min_size=0, max_size=4).map(" ".join)


@given(_name)
def test_key_is_the_same_for_nfd_and_nfc(name: str) -> None:
    assert name_sort_key(nfd(name)) == name_sort_key(name)


@given(_name, _name, _name)
def test_key_is_a_total_order(a: str, b: str, c: str) -> None:
    ka, kb, kc = name_sort_key(a), name_sort_key(b), name_sort_key(c)
    assert (ka == kb) == (" ".join(a.split()) == " ".join(b.split()))  # antisymmetric
    if ka <= kb and kb <= kc:
        assert ka <= kc
    # Sorting the decomposed spellings gives the same order as sorting the composed ones.
    assert [nfd(n) for n in sort_names([a, b, c])] == sort_names([nfd(c), nfd(b), nfd(a)])


def test_keys_agree_across_threads() -> None:
    names = [
        f"{family} {middle} {given}"
        for family in ("Lò", "Cầm", "Đỗ", "Nguyễn")
        for middle in ("Văn", "Thị", "Đức")
        for given in ("An", "Ánh", "Ân", "Ưng", "Ùng")
    ]
    expected = [name_sort_key(n) for n in names]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: [name_sort_key(n) for n in names], range(32)))
    assert all(result == expected for result in results)
