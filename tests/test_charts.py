from __future__ import annotations

import struct
from datetime import date, timedelta

from bot.charts import (
    MAX_X_TICKS,
    OTHER_COLOUR,
    _colours,
    _day_ticks,
    _short_labels,
    _value_label,
    monthly_by_series,
    movers,
    ranked_bars,
    stacked_daily,
)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_stacked_daily_draws_the_given_series_and_renders_a_png() -> None:
    days = [date(2026, 10, 1) + timedelta(days=i) for i in range(3)]
    chart = stacked_daily("October", days, {"Amazon EC2": [10.0, 12.5, 9.0], "Other": [1.0, 1.0, 1.005]})
    assert chart.png.startswith(PNG_MAGIC)
    assert {k: v for k, v in chart.data.items() if k != "money_ticks"} == {
        "days": ["2026-10-01", "2026-10-02", "2026-10-03"],
        "series": {"Amazon EC2": [10.0, 12.5, 9.0], "Other": [1.0, 1.0, 1.01]},  # 1.005 rounds half-up
    }


def test_other_is_always_grey_whatever_its_position() -> None:
    assert _colours(["EC2", "Other", "S3"])[1] == OTHER_COLOUR
    assert OTHER_COLOUR not in _colours(["EC2", "RDS", "S3"])


def test_monthly_ranked_and_movers_keep_their_data() -> None:
    months = [date(2026, 9, 1), date(2026, 10, 1)]
    assert monthly_by_series("6 months", months, {"EC2": [1.0, 2.0]}).data["months"] == ["2026-09-01", "2026-10-01"]
    assert ranked_bars("by-account", "Accounts", [("prod", 5.0), ("dev", 1.0)]).data["items"] == [
        ("prod", 5.0),
        ("dev", 1.0),
    ]
    # Movers are drawn from the biggest decrease (bottom) to the biggest increase (top).
    assert movers("Movers", [("EC2", 25.0), ("RDS", -9.0), ("S3", 3.0)]).data["items"] == [
        ("RDS", -9.0),
        ("S3", 3.0),
        ("EC2", 25.0),
    ]


def test_money_axes_are_labelled_in_the_bills_currency_with_whole_amounts() -> None:
    assert ranked_bars("by-account", "Accounts", [("prod", 5.0), ("dev", 1.0)], symbol="€").data["money_ticks"] == [
        "€0",
        "€2",
        "€4",
        "€6",
        "€8",
    ]
    assert movers("Movers", [("EC2", 2500.0), ("RDS", -900.0)], symbol="€").data["money_ticks"] == [
        "-€4.0K",
        "-€2.0K",
        "€0",
        "€2.0K",
        "€4.0K",
    ]


def _png_size(png: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk, first after the signature
    return width, height


def test_charts_are_drawn_at_twice_slacks_inline_preview_width() -> None:
    # Slack shows images about 360 px wide inline: the fonts are sized for a 704 px chart seen at half size.
    days = [date(2026, 10, 1) + timedelta(days=i) for i in range(31)]
    chart = stacked_daily("October", days, {"EC2": [1.0] * 31})
    assert _png_size(chart.png) == (704, 440)


def test_a_month_of_days_gets_at_most_five_date_ticks() -> None:
    days = [date(2026, 10, 1) + timedelta(days=i) for i in range(31)]
    positions, labels = _day_ticks(days)
    assert labels == ["Oct 1", "Oct 8", "Oct 15", "Oct 22", "Oct 29"] and positions == [0, 7, 14, 21, 28]
    week = days[:7]
    assert len(_day_ticks(week)[1]) <= MAX_X_TICKS and _day_ticks(week)[1][0] == "Oct 1"


def test_long_labels_are_shortened_evenly() -> None:
    accounts = ["prod (111111111111)", "staging (222222222222)", "Other"]
    assert _short_labels(accounts) == ["prod", "staging", "Other"]  # one too long: every id goes
    assert _short_labels(["prod (111111111111)", "Other"]) == ["prod (111111111111)", "Other"]
    assert _short_labels(["Amazon Elastic Container Registry"]) == ["Amazon Elastic Cont\u2026"]


def test_bar_values_are_compact_and_without_cents() -> None:
    assert [_value_label(v, "$") for v in (300.0, 999.4, 1234.0, -220.0)] == ["$300", "$999", "$1.2K", "-$220"]
    assert [_value_label(v, "$", signed=True) for v in (75.0, -1900.0, 0.0)] == ["+$75", "-$1.9K", "$0"]


def test_a_long_cost_series_keeps_every_point_and_few_ticks() -> None:
    from datetime import datetime

    from bot.charts import cost_series

    buckets = [datetime(2025, 11, 1) + timedelta(days=i) for i in range(400)]
    values = [100.0 + (i % 7) for i in range(400)]
    chart = cost_series("Daily cost", buckets, values, symbol="€")
    assert chart.png.startswith(PNG_MAGIC)
    assert len(chart.data["buckets"]) == 400 and chart.data["values"] == values  # type: ignore[arg-type]
    assert chart.data["buckets"][-1] == "2026-12-05T00:00:00"  # type: ignore[index]
    ticks = chart.data["money_ticks"]
    assert ticks and all(str(t).startswith("€") for t in ticks)  # type: ignore[union-attr]
