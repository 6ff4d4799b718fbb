"""Specs for the annual summary's charts: PNG at print size and 200 dpi, the same bytes for the
same input, Liberation Serif only, Vietnamese labels, and a plain "no data" chart for no input."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import matplotlib
import pytest
import yaml
from matplotlib import font_manager
from matplotlib.text import Text
from PIL import Image

from service.documents import charts
from service.documents.charts import (
    ChartError,
    honours_chart,
    indicators_chart,
    short_name,
    titles_by_unit_chart,
)
from service.domain.indicator_results import IndicatorRow, indicator_rows, judge, percent_of_plan
from service.domain.records import Movement, TargetResults

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "records" / "son-la-2024"
WIDTH_PX = round(160 / 25.4 * 200)


def row(code: str, name: str, planned: str, achieved: str | None,
        lower: bool = False) -> IndicatorRow:
    plan = Decimal(planned)
    result = Decimal(achieved) if achieved is not None else None
    return IndicatorRow(
        target_number=1, target_text="", code=code, name=name, unit="%", lower_is_better=lower,
        planned_text=planned, planned=plan, achieved_text=achieved or "", achieved=result,
        previous_text="", previous=None, percent_of_plan=percent_of_plan(plan, result, lower),
        verdict=judge(plan, result, lower))


ROWS = [
    row("1", "Tốc độ tăng trưởng kinh tế (GRDP)", "7.5", "7.06"),
    row("4.2", "Tỷ trọng công nghiệp - xây dựng", "26.5", "26.5"),
    row("12", "Tỷ lệ hộ nghèo (chuẩn nghèo giai đoạn 2021-2025)", "11.41", "10.95", lower=True),
    row("20", "Tỷ lệ người sử dụng Internet", "48.56", None),
]
UNITS = [("Ủy ban nhân dân huyện Thuận Châu", 13, 6),
         ("Sở Nông nghiệp và Phát triển nông thôn", 11, 5), ("Sở Y tế", 0, 0)]
HONOURS = [("Chiến sĩ thi đua cơ sở", 34), ("Bằng khen của Chủ tịch UBND tỉnh", 7),
           ("Giấy khen", 0)]
CHARTS = {
    "indicators": lambda fmt="png": indicators_chart(ROWS, format=fmt),
    "titles_by_unit": lambda fmt="png": titles_by_unit_chart(UNITS, format=fmt),
    "honours": lambda fmt="png": honours_chart(HONOURS, format=fmt),
}


@pytest.fixture(scope="module")
def example_rows() -> list[IndicatorRow]:
    movement = Movement.model_validate(
        yaml.safe_load((EXAMPLE / "movement.yaml").read_text(encoding="utf-8")))
    (results,) = yaml.safe_load((EXAMPLE / "results.yaml").read_text(encoding="utf-8"))
    return indicator_rows(movement, TargetResults.model_validate(results))


def png(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize("make", CHARTS.values(), ids=CHARTS.keys())
def test_a_chart_is_a_png_16_cm_wide_at_200_dpi(make):
    image = png(make())
    assert image.format == "PNG"
    assert image.width == pytest.approx(WIDTH_PX, abs=1)
    assert image.info["dpi"] == pytest.approx((200, 200), abs=0.01)


@pytest.mark.parametrize("make", CHARTS.values(), ids=CHARTS.keys())
def test_the_same_input_gives_the_same_bytes(make):
    assert make() == make()
    assert make("svg") == make("svg")


@pytest.mark.parametrize("make", CHARTS.values(), ids=CHARTS.keys())
def test_the_png_has_no_software_or_date_stamp(make):
    assert not {"Software", "Creation Time", "date:create"} & set(png(make()).info)


@pytest.mark.parametrize(
    ("make", "labels"),
    [
        (CHARTS["indicators"], [
            "Kế hoạch", "Chưa có số liệu", "Vượt kế hoạch", "Đạt kế hoạch", "Không đạt kế hoạch",
            "Mức độ thực hiện các chỉ tiêu so với kế hoạch", "Công nghiệp - xây dựng", "94,13%",
            "104,03%", "100%", "4.2"]),
        (CHARTS["titles_by_unit"], ["Đăng ký", "Đạt được", "Thuận Châu",
                                    "Danh hiệu thi đua: đăng ký và đạt được theo đơn vị"]),
        (CHARTS["honours"], ["Khen thưởng theo hình thức", "Chiến sĩ thi đua cơ sở", "34"]),
    ],
    ids=CHARTS.keys(),
)
def test_labels_are_vietnamese_text_in_liberation_serif(make, labels):
    svg = make("svg").decode("utf-8")
    assert "font-family: 'Liberation Serif'" in svg
    assert "DejaVu" not in svg
    for label in labels:
        assert label in svg


def test_every_text_is_drawn_with_the_liberation_serif_files(monkeypatch):
    figures = []
    save = charts._save
    monkeypatch.setattr(charts, "_save", lambda fig, fmt: figures.append(fig) or save(fig, fmt))
    for make in CHARTS.values():
        make()
    texts = [t for fig in figures for t in fig.findobj(Text) if t.get_text()]
    assert len(texts) > 30
    files = {Path(font_manager.findfont(t.get_fontproperties(), fallback_to_default=False)).name
             for t in texts}
    assert files <= set(charts.FONT_FILES)
    assert "LiberationSerif-Bold.ttf" in files  # the title


def test_missing_font_is_a_vietnamese_error(monkeypatch, tmp_path):
    monkeypatch.setattr(charts, "FONT_DIR", tmp_path)
    with pytest.raises(ChartError, match="thiếu tệp phông chữ Liberation Serif"):
        indicators_chart(ROWS)


def test_drawing_leaves_matplotlib_settings_as_they_were():
    before = dict(matplotlib.rcParams)
    CHARTS["indicators"]()
    assert dict(matplotlib.rcParams) == before


@pytest.mark.parametrize(
    "make",
    [lambda: indicators_chart([], format="svg"), lambda: titles_by_unit_chart([], format="svg"),
     lambda: honours_chart([], format="svg")],
    ids=CHARTS.keys(),
)
def test_no_input_gives_a_chart_saying_there_is_no_data(make):
    svg = make().decode("utf-8")
    assert "Không có số liệu" in svg


def test_an_empty_chart_is_a_png_16_cm_wide():
    assert png(indicators_chart([])).width == pytest.approx(WIDTH_PX, abs=1)


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Tỷ trọng công nghiệp - xây dựng", "Công nghiệp - xây dựng"),
        ("Tỷ lệ hộ nghèo (chuẩn nghèo giai đoạn 2021-2025)", "Hộ nghèo"),
        ("Tốc độ tăng trưởng kinh tế (GRDP)", "Tốc độ tăng trưởng kinh tế (GRDP)"),
        ("Tổng mức bán lẻ hàng hóa (theo giá hiện hành)", "Tổng mức bán lẻ hàng hóa"),
        ("Số bác sỹ/10.000 dân", "Số bác sỹ/10.000 dân"),
        ("Tỷ lệ", "Tỷ lệ"),
    ],
)
def test_short_name_drops_what_the_chart_already_says(name, short):
    assert short_name(name) == short


def test_a_plan_of_zero_is_said_not_drawn():
    svg = indicators_chart([row("3", "Chỉ số mới", "0", "5")], format="svg").decode("utf-8")
    assert "Kế hoạch bằng 0" in svg
    assert "Chưa có số liệu" not in svg


def test_long_unit_names_are_wrapped():
    name = "Ủy ban nhân dân huyện Mường La và các đơn vị sự nghiệp công lập trực thuộc"
    assert charts._wrap(name, charts._LABEL_MAX) == [
        "Ủy ban nhân dân huyện Mường La và", "các đơn vị sự nghiệp công lập trực thuộc"]
    svg = titles_by_unit_chart([(name, 3, 2)], format="svg").decode("utf-8")
    assert "Ủy ban nhân dân huyện Mường La và" in svg
    assert "các đơn vị sự nghiệp công lập trực thuộc" in svg


def test_the_example_directive_charts_every_indicator(example_rows):
    svg = indicators_chart(example_rows, format="svg").decode("utf-8")
    for r in example_rows:
        assert (r.percent_text or "Chưa có số liệu") in svg
    image = png(indicators_chart(example_rows))
    assert image.width == pytest.approx(WIDTH_PX, abs=1)
    # 32 rows drawn at the tightest density: with its caption it leaves text room on its page
    assert image.height < 190 / 25.4 * 200


def mm_high(data: bytes) -> float:
    return png(data).height / 200 * 25.4


def test_a_chart_of_many_rows_is_drawn_tighter_to_stay_within_the_height(monkeypatch):
    many = [(f"UBND xã số {i}", i % 9 + 1, i % 5) for i in range(22)]
    limit, tight = charts.MAX_HEIGHT_MM, mm_high(titles_by_unit_chart(many))
    monkeypatch.setattr(charts, "MAX_HEIGHT_MM", 1000.0)  # room for the loosest density
    loose = mm_high(titles_by_unit_chart(many))
    assert tight <= limit < loose
