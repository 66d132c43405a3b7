"""The server-side SVG charts and trends: accessible, correct for empty and full data, Dutch numbers."""

from decimal import Decimal
from types import SimpleNamespace
from xml.etree import ElementTree

from regions.charts import Bar, Chart, bar_chart_svg, format_value, group_charts
from regions.trends import trend_svg, trends

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


def test_trends_only_for_indicators_with_years_and_averages_over_two_regions():
    figures = [
        figure("Mbo", 100, year=2022),
        figure("Mbo", 120, year=2024),
        figure("Hbo", 80),  # one year: no trend
        figure("Mkb", 5, unit="%", year=2023),
        figure("Mkb", 7, unit="%", year=2024),
    ]
    averages = {
        ("mbo", "studenten", 2022): (Decimal(90), 3),
        ("mbo", "studenten", 2024): (Decimal(110), 4),
        ("mkb", "%", 2024): (Decimal(7), 1),  # this region alone: no comparison
    }
    made = trends(figures, averages)
    assert [trend.title for trend in made] == ["Mbo (studenten, 2022–2024)", "Mkb (%, 2023–2024)"]
    mbo, mkb = made
    assert [(p.year, p.value, p.average, p.regions) for p in mbo.points] == [
        (2022, Decimal(100), Decimal(90), 3),
        (2024, Decimal(120), Decimal(110), 4),
    ]
    assert mbo.has_average and not mkb.has_average

    root = parse(trend_svg(mbo, "t", "Twente"))
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Mbo (studenten, 2022–2024)"
    description = root.find(f"{SVG}desc").text
    assert "Twente: 2022 100 studenten; 2024 120 studenten" in description
    assert "Gemiddelde van de regio's met dit cijfer: 2022 90 studenten" in description
    assert len(root.findall(f".//{SVG}circle")) == 2
    assert root.find(f".//{SVG}polyline[@class='trend__average']") is not None
    # The years lie left to right, the larger value higher up.
    (first, second) = root.findall(f".//{SVG}circle")
    assert float(first.get("cx")) < float(second.get("cx"))
    assert float(first.get("cy")) > float(second.get("cy"))
    root = parse(trend_svg(mkb, "m", "<Twente>"))
    assert root.find(f".//{SVG}polyline[@class='trend__average']") is None
    assert "<Twente>: 2023 5%" in root.find(f"{SVG}desc").text
