from __future__ import annotations

from datetime import date, timedelta

from bot.charts import OTHER_COLOUR, _colours, monthly_by_series, movers, ranked_bars, stacked_daily

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_stacked_daily_draws_the_given_series_and_renders_a_png() -> None:
    days = [date(2026, 10, 1) + timedelta(days=i) for i in range(3)]
    chart = stacked_daily("October", days, {"Amazon EC2": [10.0, 12.5, 9.0], "Other": [1.0, 1.0, 1.005]})
    assert chart.png.startswith(PNG_MAGIC)
    assert chart.data == {
        "days": ["2026-10-01", "2026-10-02", "2026-10-03"],
        "series": {"Amazon EC2": [10.0, 12.5, 9.0], "Other": [1.0, 1.0, 1.0]},
    }


def test_other_is_always_grey_whatever_its_position() -> None:
    assert _colours(["EC2", "Other", "S3"])[1] == OTHER_COLOUR
    assert OTHER_COLOUR not in _colours(["EC2", "RDS", "S3"])


def test_monthly_ranked_and_movers_keep_their_data() -> None:
    months = [date(2026, 9, 1), date(2026, 10, 1)]
    assert monthly_by_series("6 months", months, {"EC2": [1.0, 2.0]}).data["months"] == ["2026-09-01", "2026-10-01"]
    assert ranked_bars("by-account", "Accounts", [("prod", 5.0), ("dev", 1.0)]).data == {
        "items": [("prod", 5.0), ("dev", 1.0)]
    }
    # Movers are drawn from the biggest decrease (bottom) to the biggest increase (top).
    assert movers("Movers", [("EC2", 25.0), ("RDS", -9.0), ("S3", 3.0)]).data == {
        "items": [("RDS", -9.0), ("S3", 3.0), ("EC2", 25.0)]
    }
