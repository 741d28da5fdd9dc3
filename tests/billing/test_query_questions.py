"""The questions beyond the cost: average per day, unusual days, and groups ranked by their change.

Against a real DuckDB store; every expected figure is summed from the rows here, independently of the store.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from bot.billing.anomaly_season import MIN_CYCLES
from bot.billing.model import CostQuery, Dimension, DimensionRef, Filter, Granularity, Question, TimeRange
from bot.billing.query import run_cost_query
from bot.billing.unusual import LEARNING_DAYS
from bot.billing.vocabulary import Vocabulary
from bot.reports.text import result_to_json
from bot.store.duckdb import DuckDBStore
from commands.cost import render
from tests.billing.test_query import FEB_ROWS, MAR, MAR_ROWS, TODAY
from tests.store.sources import item, make_source

SERVICE = DimensionRef(Dimension.SERVICE)
FIRST_HALF = (date(2024, 3, 1), date(2024, 3, 16))  # the complete days of March on TODAY
FEB_FIRST_HALF = (date(2024, 2, 1), date(2024, 2, 16))


def sums(rows: list[dict[str, object]], start: date, end: date) -> dict[str, Decimal]:
    out: dict[str, Decimal] = defaultdict(Decimal)
    for r in rows:
        day = date.fromisoformat(str(r["charge_period_start"])[:10])
        if start <= day < end:
            out[str(r["service_name"])] += Decimal(str(r["billed_cost"]))
    return dict(out)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> DuckDBStore:
    tmp = tmp_path_factory.mktemp("questions")
    s = DuckDBStore(tmp / "store", threads=2, memory_limit="512MB")
    s.replace_period(make_source(tmp, FEB_ROWS))
    s.replace_period(make_source(tmp, MAR_ROWS))
    return s


def moves() -> dict[str, Decimal]:
    now = sums(MAR_ROWS, *FIRST_HALF)
    before = sums(FEB_ROWS, *FEB_FIRST_HALF)
    return {k: now.get(k, Decimal(0)) - before.get(k, Decimal(0)) for k in {*now, *before}}


def test_increases_rank_groups_by_their_rise_not_their_cost(store: DuckDBStore) -> None:
    res = run_cost_query(store, CostQuery(MAR, group_by=(SERVICE,), question=Question.INCREASES), today=TODAY)
    want = sorted(((k,), v) for k, v in moves().items() if v > 0)
    want.sort(key=lambda kv: -kv[1])
    got = [(g.keys, Decimal(str(round((g.compared_cost or 0) - (g.previous_cost or 0), 6)))) for g in res.groups]
    assert got == want == [(("EC2",), Decimal("30.00")), (("RDS",), Decimal("4.00")), (("Lambda",), Decimal("1.50"))]
    # S3 cost as much as before: a steady group is not an increase, however big.
    assert ("S3",) not in [g.keys for g in res.groups]


def test_decreases_leave_out_what_rose(store: DuckDBStore) -> None:
    res = run_cost_query(store, CostQuery(MAR, group_by=(SERVICE,), question=Question.DECREASES), today=TODAY)
    assert [g.keys for g in res.groups] == [k for k, v in moves().items() if v < 0] == []
    assert "_Nothing fell against the previous period._" in json.dumps(render(res, Vocabulary()).blocks)


def test_the_average_is_per_complete_day_against_the_previous_period(store: DuckDBStore) -> None:
    res = run_cost_query(store, CostQuery(MAR, question=Question.AVERAGE), today=TODAY)
    now = sum(sums(MAR_ROWS, *FIRST_HALF).values(), Decimal(0))
    before = sum(sums(FEB_ROWS, *FEB_FIRST_HALF).values(), Decimal(0))
    assert res.average is not None
    assert res.average.days == 15
    assert res.average.per_day == pytest.approx(float(now / 15))
    assert res.average.previous_per_day == pytest.approx(float(before / 15))
    text = render(res, Vocabulary()).text
    assert "average $11.03 per day over 15 complete days (previous period $8.67 per day, +$2.37)" in text
    assert result_to_json(res)["average"] == {
        "per_day": round(float(now / 15), 6),
        "days": 15,
        "previous_per_day": round(float(before / 15), 6),
    }


def test_a_daily_series_carries_the_average_per_day_too(store: DuckDBStore) -> None:
    asked = run_cost_query(store, CostQuery(MAR, question=Question.AVERAGE), today=TODAY)
    series = run_cost_query(store, CostQuery(MAR, granularity=Granularity.DAY), today=TODAY)
    assert series.average == asked.average is not None
    assert len(series.series) == 15
    assert run_cost_query(store, CostQuery(MAR), today=TODAY).average is None


def test_an_average_per_week_or_month_is_over_the_complete_ones(store: DuckDBStore) -> None:
    """February and March 2024 asked on March 16 (data complete through March 15): the complete weeks are the
    five Mondays from Feb 5 to Mar 4 (the week of Mar 11 is not over), the complete month is February alone;
    a week with no cost counts as zero."""
    feb_mar = TimeRange(date(2024, 2, 1), date(2024, 4, 1))
    rows = FEB_ROWS + MAR_ROWS
    weeks = [date(2024, 2, 5) + timedelta(days=7 * k) for k in range(5)]
    week_costs = [sum(sums(rows, w, w + timedelta(days=7)).values(), Decimal(0)) for w in weeks]
    weekly = run_cost_query(
        store, CostQuery(feb_mar, granularity=Granularity.WEEK, question=Question.AVERAGE), today=TODAY
    )
    a = weekly.step_average
    assert a is not None and (a.unit, a.steps, a.first, a.last) == ("week", 5, weeks[0], date(2024, 3, 10))
    assert a.per_step == pytest.approx(float(sum(week_costs) / 5))
    assert weekly.average is None  # per week, not per day
    per_week = float(sum(week_costs) / 5)
    assert (
        f"average ${per_week:,.2f} per week over 5 complete weeks (2024-02-05 – 2024-03-10)"
        in render(weekly, Vocabulary()).text
    )
    assert result_to_json(weekly)["average_per_step"] == {
        "unit": "week",
        "amount": round(per_week, 6),
        "steps": 5,
        "first_day": "2024-02-05",
        "last_day": "2024-03-10",
    }
    monthly = run_cost_query(
        store, CostQuery(feb_mar, granularity=Granularity.MONTH, question=Question.AVERAGE), today=TODAY
    ).step_average
    february = sum(sums(rows, date(2024, 2, 1), date(2024, 3, 1)).values(), Decimal(0))
    assert monthly is not None and (monthly.steps, monthly.last) == (1, date(2024, 2, 29))
    assert monthly.per_step == pytest.approx(float(february))
    none_yet = run_cost_query(
        store, CostQuery(MAR, granularity=Granularity.MONTH, question=Question.AVERAGE), today=TODAY
    )
    assert none_yet.step_average is None
    assert "No average per month yet: the period has no complete month in the store." in none_yet.notes


def test_unusual_days_name_the_spike_and_its_service(tmp_path: Path) -> None:
    start = date(2024, 1, 1)
    rows = []
    for i in range(75):
        day = start + timedelta(days=i)
        rows.append(item(day, "100.00", hours=24, service_name="EC2", resource_id="i-1"))
        rows.append(item(day, "20.00", hours=24, service_name="S3", resource_id="bucket"))
    spike = date(2024, 3, 10)
    rows.append(item(spike, "900.00", hours=24, service_name="EC2", resource_id="i-2"))
    store = DuckDBStore(tmp_path / "s", threads=2, memory_limit="512MB")
    by_month: dict[date, list[dict[str, object]]] = defaultdict(list)
    for r in rows:
        by_month[date.fromisoformat(str(r["billing_period"]))].append(r)
    for month_rows in by_month.values():
        store.replace_period(make_source(tmp_path, month_rows))
    march = TimeRange(date(2024, 3, 1), date(2024, 4, 1), "2024-03")
    res = run_cost_query(store, CostQuery(march, question=Question.ANOMALIES), today=date(2024, 3, 16))
    spans = {(u.dimension, u.value, u.start, u.last) for u in res.unusual}
    assert ("service", "EC2", spike, spike) in spans
    assert ("total", "", spike, spike) in spans
    ec2 = next(u for u in res.unusual if u.dimension == "service")
    assert ec2.actual == pytest.approx(1000.0)
    assert {"dimension": "service", "key": "EC2", "first_day": "2024-03-10", "last_day": "2024-03-10"}.items() <= next(
        u for u in result_to_json(res)["unusual"] if u["dimension"] == "service"
    ).items()
    text = render(res, Vocabulary()).text
    assert "2024-03-10, service EC2: $1,000.00 against about $100.00 expected (+$900.00)" in text

    quiet = run_cost_query(
        store,
        CostQuery(TimeRange(date(2024, 2, 1), date(2024, 3, 1)), question=Question.ANOMALIES),
        today=date(2024, 3, 16),
    )
    assert quiet.unusual == ()
    assert "Nothing unusual: no day of this period stands out from the weeks before it." in quiet.notes
    # the store's first weeks have too little before them to know the usual level: finding nothing says so
    first_weeks = run_cost_query(
        store,
        CostQuery(TimeRange(date(2024, 1, 8), date(2024, 1, 15)), question=Question.ANOMALIES),
        today=date(2024, 3, 16),
    )
    assert first_weeks.unusual == ()
    assert first_weeks.notes == (
        "Nothing unusual found, on little history: the store's data starts 2024-01-01, 7 days before this period, "
        "and a day is judged against the 3 weeks before it.",
    )

    # a period with no complete day yet (`this week` asked on its first day) is never said to be `nothing unusual`
    week = TimeRange(date(2024, 3, 16), date(2024, 3, 23), "this week")
    for question, said in (
        (
            Question.ANOMALIES,
            "Nothing to judge: this week (2024-03-16 – 2024-03-22) has no complete day in the store"
            " yet (the newest is 2024-03-15); `unusual last 7 days` asks about the days before.",
        ),
        (
            Question.WHY,
            "Why: no change to explain: this week (2024-03-16 – 2024-03-22) has no complete day in the"
            " store yet (the newest is 2024-03-15); `why last 7 days` asks about the days before.",
        ),
    ):
        early = run_cost_query(store, CostQuery(week, question=question), today=date(2024, 3, 16))
        assert early.unusual == () and early.causes == ()
        shown = json.dumps(render(early, Vocabulary()).blocks, ensure_ascii=False)
        assert said in shown
        assert "Nothing unusual" not in shown


def test_a_breakdown_of_a_period_without_costs_is_empty_not_an_error(store: DuckDBStore) -> None:
    """A service the bill holds, asked by service for a month it has no lines in (on a genuine bill: `data
    transfer costs by service` this month): the answer is an empty breakdown, never a crash."""
    january = TimeRange(date(2024, 1, 1), date(2024, 2, 1))
    query = CostQuery(january, group_by=(SERVICE,), filters=(Filter(SERVICE, ("EC2",)),))
    res = run_cost_query(store, query, today=TODAY)
    assert res.groups == () and res.total == 0
    assert "_No cost in this period._" in json.dumps(render(res, Vocabulary()).blocks)


def test_the_history_a_day_needs_is_the_engines_own_minimum_of_weekly_cycles() -> None:
    assert LEARNING_DAYS == MIN_CYCLES * 7


def test_resources_of_an_export_without_resource_ids_are_said_missing(tmp_path: Path) -> None:
    # a CUR exported without resource IDs (the genuine sample is one): one `(none)` line, said
    rows = [item(date(2024, 3, d), "10.00", hours=24, service_name="S3", resource_id=None) for d in range(1, 10)]
    store = DuckDBStore(tmp_path / "s", threads=2, memory_limit="512MB")
    store.replace_period(make_source(tmp_path, rows))
    march = TimeRange(date(2024, 3, 1), date(2024, 4, 1), "2024-03")
    res = run_cost_query(store, CostQuery(march, group_by=(DimensionRef(Dimension.RESOURCE),)), today=date(2024, 3, 16))
    assert [(g.keys, round(g.cost, 2)) for g in res.groups] == [(("(none)",), 90.0)]
    said = (
        "No line of this period carries a resource ID (the export may have been made without them: CUR's "
        "`Include resource IDs`); its cost shows as `(none)`."
    )
    assert said in res.notes
    assert said in json.dumps(render(res, Vocabulary()).blocks, ensure_ascii=False)
    # with resource IDs, nothing is said
    named = [item(date(2024, 3, d), "10.00", hours=24, service_name="S3", resource_id="bucket") for d in range(1, 10)]
    other = DuckDBStore(tmp_path / "named", threads=2, memory_limit="512MB")
    other.replace_period(make_source(tmp_path, named))
    by_resource = CostQuery(march, group_by=(DimensionRef(Dimension.RESOURCE),))
    assert said not in run_cost_query(other, by_resource, today=date(2024, 3, 16)).notes
