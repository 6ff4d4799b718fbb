"""Record schemas (pydantic): units, people, the movement's directive, registrations,
achievements, nominations, council votes, decisions and target results."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    model_validator,
)

from .catalogue import BY_CODE, NomineeKind

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _clean_text(value: object) -> object:
    """NFC, no control characters (a pasted name often carries some), outer spaces trimmed."""
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFC", value).strip()
    if _CONTROL.search(text):
        raise ValueError("có ký tự điều khiển không hợp lệ (ký tự ẩn, thường do sao chép)")
    return text


def _one_line(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError("phải nằm trên một dòng")
    return value


def _parse_date(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date) or not isinstance(value, str):
        return value
    text = value.strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"ngày “{text}” không có thật hoặc sai dạng (dùng dd/mm/yyyy, ví dụ 03/01/2024)")


def parse_vn_number(text: str) -> Decimal:
    """Returns the value of a number written the Vietnamese way (`20.000`, `7,5`, `06`)."""
    cleaned = text.strip().replace(".", "").replace(",", ".")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"“{text}” không phải là số (viết kiểu Việt Nam: 20.000 hoặc 7,5)")


def _vn_number_text(value: object) -> object:
    if isinstance(value, bool):
        raise ValueError("phải là số")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (float, Decimal)):
        return str(value).replace(".", ",")
    if isinstance(value, str):
        parse_vn_number(value)
        return value.strip()
    return value


Text = Annotated[str, BeforeValidator(_clean_text)]
Line = Annotated[str, BeforeValidator(_clean_text), AfterValidator(_one_line), Field(min_length=1)]
Code = Annotated[str, BeforeValidator(_clean_text), Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
VnDate = Annotated[
    dt.date,
    BeforeValidator(_parse_date),
    PlainSerializer(lambda d: d.strftime("%d/%m/%Y"), return_type=str),
]
VnNumber = Annotated[str, BeforeValidator(_vn_number_text)]
Year = Annotated[int, Field(ge=2000, le=2100)]
HonourCode = Annotated[str, BeforeValidator(_clean_text)]
# a symbol part: upper-case letters including Đ (`SGDĐT`), digits, `&`
Abbreviation = Annotated[str, BeforeValidator(_clean_text), Field(pattern=r"^[0-9A-ZĐa-zđ&]+$")]


def _known_honour(code: str) -> str:
    if code not in BY_CODE:
        raise ValueError(f"“{code}” không có trong danh mục danh hiệu, hình thức khen thưởng")
    return code


KnownHonour = Annotated[HonourCode, AfterValidator(_known_honour)]


def _nfc_deep(value: object) -> object:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_nfc_deep(k): _nfc_deep(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nfc_deep(v) for v in value]
    return value


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _composed(cls, data: object) -> object:
        # decomposed (NFD) input is the same text: `nữ` typed on some keyboards must still be
        # the gender `nữ`, and a name must compare equal to its composed form
        return _nfc_deep(data)


Authority = Literal["", "TM", "KT", "Q", "TL", "TUQ"]


class Signer(Record):
    """Who signs: `title` is the signer's own post (`Chủ tịch`, `Phó Giám đốc`); `authority`
    and `on_behalf` give the first line (`TM.` + `Ủy ban nhân dân`, `KT.` + `Chủ tịch`)."""

    name: Line
    title: Line
    authority: Authority = ""
    on_behalf: Text = ""
    copy_mark: Text = ""  # `(Đã ký)` on a published copy; empty leaves room for the signature


UnitKind = Literal["province", "department", "district", "commune", "agency"]


class Unit(Record):
    code: Code
    name: Line  # `Ủy ban nhân dân tỉnh Sơn La`, `Sở Nội vụ`
    short_name: Text = ""  # printed as cơ quan chủ quản above a child: `UBND tỉnh Sơn La`
    kind: UnitKind
    parent: Code | None = None
    place: Line  # địa danh in the date line: `Sơn La`, `Mộc Châu`
    abbreviation: Abbreviation  # in symbols: `UBND`, `SNV`, `SGDĐT`
    head: Code | None = None  # a person's code
    head_title: Text = ""  # `Chủ tịch`, `Giám đốc`
    cluster: Text = ""  # cụm/khối thi đua


Gender = Literal["nam", "nữ"]


class Person(Record):
    code: Code
    full_name: Line
    gender: Gender
    birth_year: Annotated[int, Field(ge=1930, le=2015)] | None = None
    unit: Code
    position: Text = ""  # chức vụ
    ethnicity: Text = ""


class Block(Record):
    """A piece of body text: a paragraph, or a numbered item with its bullets."""

    kind: Literal["paragraph", "item"] = "paragraph"
    number: int | None = None
    text: Text
    bullets: list[Text] = []

    @model_validator(mode="after")
    def _item_has_number(self) -> "Block":
        if self.kind == "item" and self.number is None:
            raise ValueError("mục đánh số phải có số thứ tự (number)")
        return self


class Indicator(Record):
    """One measurable figure of a target; `planned` is kept as the directive prints it."""

    code: Code  # `1`, `4.2`
    name: Line
    unit: Text = ""  # đơn vị tính: `%`, `tỷ đồng`
    planned: VnNumber
    lower_is_better: bool = False

    @property
    def planned_value(self) -> Decimal:
        return parse_vn_number(self.planned)


class Target(Record):
    number: int
    text: Text  # the sentence as the directive words it
    indicators: list[Indicator] = Field(min_length=1)


class Annex(Record):
    heading: Text = "Phụ lục"
    title: Line
    note: Text = ""
    targets: list[Target] = []


class Movement(Record):
    """The directive that launches the year's movement (the seed is one)."""

    year: Year
    number: Annotated[int, Field(ge=1)]
    symbol: Line  # `CT-UBND`
    type_name: Line = "CHỈ THỊ"
    date: VnDate
    place: Line
    issuing_unit: Code
    signer: Signer
    subject: Line
    body: list[Block] = Field(min_length=1)
    recipients: list[Line] = Field(min_length=1)
    annex: Annex | None = None

    def indicators(self) -> list[tuple[Target, Indicator]]:
        return [(t, i) for t in (self.annex.targets if self.annex else []) for i in t.indicators]


class RegistrationEntry(Record):
    person: Code | None = None
    full_name: Line
    position: Text = ""
    title: KnownHonour | None = None
    award: KnownHonour | None = None

    @model_validator(mode="after")
    def _something_registered(self) -> "RegistrationEntry":
        if not self.title and not self.award:
            raise ValueError("phải đăng ký ít nhất một danh hiệu hoặc hình thức khen thưởng")
        return self


class Registration(Record):
    unit: Code
    year: Year
    collective_titles: list[KnownHonour] = []
    individuals: list[RegistrationEntry] = []
    commitments: list[Text] = []
    signer: Signer | None = None
    date: VnDate | None = None
    status: Literal["draft", "submitted"] = "submitted"


Rating = Literal["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
RATING_LABELS = {
    "HTXSNV": "Hoàn thành xuất sắc nhiệm vụ",
    "HTTNV": "Hoàn thành tốt nhiệm vụ",
    "HTNV": "Hoàn thành nhiệm vụ",
    "KHTNV": "Không hoàn thành nhiệm vụ",
}
Scope = Literal["co_so", "tinh", "toan_quoc"]
SCOPE_LABELS = {"co_so": "cấp cơ sở", "tinh": "cấp tỉnh", "toan_quoc": "toàn quốc"}
DisciplineForm = Literal["khien_trach", "canh_cao", "ha_bac_luong", "cach_chuc", "buoc_thoi_viec"]
DISCIPLINE_LABELS = {
    "khien_trach": "Khiển trách",
    "canh_cao": "Cảnh cáo",
    "ha_bac_luong": "Hạ bậc lương",
    "cach_chuc": "Cách chức",
    "buoc_thoi_viec": "Buộc thôi việc",
}


class HonourEarned(Record):
    code: KnownHonour
    decision: Text = ""  # the deciding act: `Quyết định số 123/QĐ-UBND ngày 20/12/2023`


class Initiative(Record):
    name: Line
    scope: Scope
    recognised_by: Text = ""
    used_for: Text = ""  # the title/award it already served (one initiative serves once)


class Discipline(Record):
    form: DisciplineForm
    decision: Text = ""
    until: VnDate | None = None


class MemberStats(Record):
    """A collective's members that year (for collective titles)."""

    total: Annotated[int, Field(ge=0)]
    completed: Annotated[int, Field(ge=0)]  # HTNV or better
    ldtt: Annotated[int, Field(ge=0)]
    cstdcs: Annotated[int, Field(ge=0)]
    disciplined_serious: Annotated[int, Field(ge=0)] = 0  # cảnh cáo or above
    women: Annotated[int, Field(ge=0)] | None = None


class Achievement(Record):
    """What a person (`person`) or a unit (`unit`) did in one year."""

    person: Code | None = None
    unit: Code | None = None
    household: Text = ""  # a household's name (hộ gia đình), for household awards
    year: Year
    rating: Rating | None = None
    honours: list[HonourEarned] = []
    initiatives: list[Initiative] = []
    science_works: list[Line] = []
    discipline: Discipline | None = None
    pending_review: bool = False
    exemplary: bool | None = None  # gương mẫu chấp hành chủ trương, pháp luật
    movement_outstanding: bool | None = None  # thành tích xuất sắc trong phong trào thi đua
    sudden_achievement: bool | None = None  # thành tích đột xuất
    contribution: bool | None = None  # đóng góp phát triển kinh tế - xã hội, khoa học, từ thiện
    household_contribution: bool | None = None  # hộ gia đình đóng góp công sức, đất đai, tài sản
    cluster_leader: bool | None = None  # dẫn đầu cụm, khối thi đua
    targets_exceeded: bool | None = None  # hoàn thành vượt mức chỉ tiêu, nhiệm vụ
    orgs_excellent: bool | None = None  # tổ chức đảng, đoàn thể hoàn thành xuất sắc nhiệm vụ
    members: MemberStats | None = None
    notes: Text = ""

    @model_validator(mode="after")
    def _one_subject(self) -> "Achievement":
        if sum(map(bool, (self.person, self.unit, self.household))) != 1:
            raise ValueError("phải ghi đúng một đối tượng: cá nhân (person), đơn vị (unit) "
                             "hoặc hộ gia đình (household)")
        return self

    @property
    def subject(self) -> str:
        return self.person or self.unit or self.household


class ReportSection(Record):
    heading: Line
    text: Text


NominationStatus = Literal["draft", "proposed", "approved", "rejected"]


class Nomination(Record):
    code: Code
    year: Year
    unit: Code  # the proposing unit
    nominee_kind: NomineeKind
    person: Code | None = None
    nominee_unit: Code | None = None
    household: Text = ""  # name of a household nominee
    honour: KnownHonour
    summary: Text = ""
    report: list[ReportSection] = []
    status: NominationStatus = "proposed"

    @model_validator(mode="after")
    def _nominee_matches_kind(self) -> "Nomination":
        wanted = {"individual": self.person, "collective": self.nominee_unit,
                  "household": self.household}[self.nominee_kind]
        if not wanted:
            field = {"individual": "person", "collective": "nominee_unit",
                     "household": "household"}[self.nominee_kind]
            raise ValueError(f"đề nghị cho {self.nominee_kind} phải ghi “{field}”")
        if not BY_CODE[self.honour].accepts(self.nominee_kind):
            raise ValueError(
                f"{BY_CODE[self.honour].name} không dành cho đối tượng này ({self.nominee_kind})"
            )
        return self


class Vote(Record):
    nomination: Code
    votes_for: Annotated[int, Field(ge=0)]


class CouncilVote(Record):
    unit: Code
    year: Year
    date: VnDate
    place: Text = ""
    members_total: Annotated[int, Field(ge=1)]
    present: list[Line] = []
    absent: list[Line] = []
    chair: Line
    secretary: Line
    votes: list[Vote] = []


class Decision(Record):
    code: Code
    year: Year
    unit: Code  # the issuing unit
    number: Annotated[int, Field(ge=1)] | None = None
    date: VnDate
    signer: Signer
    nominations: list[Code] = []
    subject: Text = ""


class UnitReport(Record):
    """The narrative sections a unit writes for its annual summary report (báo cáo tổng kết);
    `sections` keys: ket_qua_phong_trao, ket_qua_khen_thuong, uu_diem, han_che, phuong_huong."""

    unit: Code
    year: Year
    sections: dict[str, Text] = {}


class IndicatorResult(Record):
    indicator: Code
    achieved: VnNumber | None = None
    previous: VnNumber | None = None


class TargetResults(Record):
    """Achieved values of the directive's indicators for one year (province-wide)."""

    year: Year
    results: list[IndicatorResult] = []


# Vietnamese names of fields, for messages.
FIELD_LABELS: dict[str, str] = {
    "code": "mã", "name": "tên", "short_name": "tên viết tắt", "kind": "loại",
    "parent": "đơn vị cấp trên", "place": "địa danh", "abbreviation": "chữ viết tắt",
    "head": "thủ trưởng", "head_title": "chức danh thủ trưởng", "full_name": "họ và tên",
    "gender": "giới tính", "birth_year": "năm sinh", "unit": "đơn vị", "position": "chức vụ",
    "year": "năm", "number": "số", "symbol": "ký hiệu", "date": "ngày", "signer": "người ký",
    "subject": "trích yếu", "body": "nội dung", "recipients": "nơi nhận", "text": "nội dung",
    "bullets": "các gạch đầu dòng", "indicators": "chỉ số", "planned": "kế hoạch",
    "targets": "chỉ tiêu", "title": "danh hiệu", "award": "hình thức khen thưởng",
    "collective_titles": "danh hiệu tập thể", "individuals": "danh sách cá nhân",
    "commitments": "cam kết", "person": "cá nhân", "rating": "xếp loại",
    "honours": "danh hiệu, khen thưởng", "initiatives": "sáng kiến", "scope": "phạm vi",
    "discipline": "kỷ luật", "form": "hình thức", "honour": "danh hiệu/hình thức",
    "nominee_kind": "loại đối tượng", "nominee_unit": "tập thể được đề nghị",
    "members_total": "tổng số thành viên", "chair": "chủ trì", "secretary": "thư ký",
    "votes": "phiếu bầu", "votes_for": "số phiếu đồng ý", "nomination": "đề nghị",
    "achieved": "thực hiện", "indicator": "chỉ số", "status": "trạng thái",
    "authority": "quyền hạn ký", "issuing_unit": "cơ quan ban hành",
    "sheet": "tệp Excel", "output": "tệp kết quả",
}
