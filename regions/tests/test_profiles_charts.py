"""The server-side SVG charts: accessible, correct for empty and full data, Dutch numbers."""

from decimal import Decimal
from types import SimpleNamespace
from xml.etree import ElementTree

from regions.charts import Bar, Chart, bar_chart_svg, format_value, group_charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg):
    return ElementTree.fromstring(str(svg))


def figure(indicator, value, unit="studenten", year=2024, topic="onderwijs"):
    return SimpleNamespace(
        topic=topic, indicator=indicator, value=Decimal(value), unit=unit, year=year
    )


def test_dutch_number_format():
    assert format_value(Decimal("27400")) == "27.400"
    assert format_value(Decimal("31.50"), "%") == "31,5%"
    assert format_value(Decimal("142"), "banen") == "142 banen"


def test_empty_chart_renders_and_says_so():
    root = parse(bar_chart_svg(Chart(title="Onderwijs (2024)", bars=()), "leeg"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "leeg-titel leeg-beschrijving"
    assert root.find(f"{SVG}title").text == "Onderwijs (2024)"
    assert "geen cijfers" in root.find(f"{SVG}desc").text
    assert root.findall(f".//{SVG}rect") == []


def test_full_chart_has_a_bar_per_value_scaled_to_the_largest():
    bars = tuple(Bar(f"Indicator {n}", Decimal(n * 10), "studenten") for n in range(1, 51))
    root = parse(bar_chart_svg(Chart(title="Veel", bars=bars), "vol"))
    rects = root.findall(f".//{SVG}rect")
    assert len(rects) == 50
    widths = [float(rect.get("width")) for rect in rects]
    assert widths == sorted(widths) and widths[-1] == 260.0  # the room for bars
    assert "Indicator 50: 500 studenten" in root.find(f"{SVG}desc").text
    assert int(root.get("viewBox").split()[3]) == 50 * 34 + 16


def test_text_is_escaped_and_long_labels_shortened():
    bars = (Bar("<script>alert(1)</script> een heel lange naam van een indicator", Decimal(1)),)
    svg = str(bar_chart_svg(Chart(title="A & B", bars=bars), "x"))
    assert "<script>" not in svg and "A &amp; B" in svg
    labels = [t.text for t in parse(svg).iter(f"{SVG}text")]
    assert labels[0].endswith("…") and len(labels[0]) == 32


def test_zero_values_still_draw():
    root = parse(bar_chart_svg(Chart(title="Nul", bars=(Bar("Niets", Decimal(0)),)), "nul"))
    assert float(root.find(f".//{SVG}rect").get("width")) == 1.0


def test_charts_group_by_topic_and_unit_for_the_latest_year():
    charts = group_charts(
        [
            figure("Mbo", 100),
            figure("Mbo", 90, year=2023),
            figure("Hbo", 80),
            figure("Techniek", 31, unit="%"),
            figure("Spanning", 142, unit="", topic="arbeidsmarkt"),
        ],
        {"onderwijs": "Onderwijs", "arbeidsmarkt": "Arbeidsmarkt"},
    )
    assert [chart.title for chart in charts] == [
        "Onderwijs (studenten, 2024)",
        "Onderwijs (%, 2024)",
        "Arbeidsmarkt (2024)",
    ]
    assert [bar.label for bar in charts[0].bars] == ["Mbo", "Hbo"]
    assert group_charts([], {}) == []


def test_percentages_are_drawn_against_100():
    root = parse(bar_chart_svg(Chart(title="Aandeel", bars=(Bar("Mkb", Decimal(5), "%"),)), "p"))
    assert float(root.find(f".//{SVG}rect").get("width")) == 13.0  # 5% of 260


def test_a_newer_figure_for_one_indicator_keeps_the_others_in_the_chart():
    # Importing a 2025 figure for "Mbo" used to drop "Hbo" (2024) from the chart.
    charts = group_charts(
        [figure("Mbo", 100), figure("Hbo", 80), figure("Mbo", 110, year=2025)],
        {"onderwijs": "Onderwijs"},
    )
    (chart,) = charts
    assert chart.title == "Onderwijs (studenten, 2024–2025)"
    assert [(bar.label, bar.value) for bar in chart.bars] == [
        ("Mbo (2025)", Decimal(110)),
        ("Hbo (2024)", Decimal(80)),
    ]
