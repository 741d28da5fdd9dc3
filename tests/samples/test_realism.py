"""The sample organisation behaves like a real AWS bill: stable resources with lifecycles, weekly seasonality,
commitments, Support and tax booked as AWS books them, and the events of the plan visible at their stated size."""

from __future__ import annotations

import itertools
import json
import statistics
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest

from bot.errors import UsageError
from bot.samples import GenerationSummary, generate
from bot.samples.charges import support_fee_usd
from bot.samples.events import UsageChange

START = date(2025, 1, 1)
MONTHS = 6


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> GenerationSummary:
    return generate(
        tmp_path_factory.mktemp("org"), fmt="cur2-parquet", start=START, months=MONTHS, rows_per_month=20000
    )


@pytest.fixture(scope="module")
def con(org: GenerationSummary) -> Iterator[duckdb.DuckDBPyConnection]:
    c = duckdb.connect()
    files = ", ".join(f"'{f}'" for f in org.files)
    c.execute(
        "CREATE VIEW li AS SELECT *, bill_billing_period_start_date::DATE AS period, "
        f"line_item_usage_start_date::DATE AS day FROM read_parquet([{files}], hive_partitioning = false)"
    )
    c.execute(f"CREATE VIEW inv AS SELECT * FROM read_parquet('{org.inventory}')")
    yield c
    c.close()


@pytest.fixture(scope="module")
def truth(org: GenerationSummary) -> dict[str, Any]:
    return json.loads(org.ground_truth.read_text())  # type: ignore[no-any-return]


def _rows(con: duckdb.DuckDBPyConnection, sql: str, *params: object) -> list[tuple[Any, ...]]:
    return con.execute(sql, list(params)).fetchall()


def _daily(con: duckdb.DuckDBPyConnection, where: str, *params: object) -> dict[date, float]:
    return dict(_rows(con, f"SELECT day, sum(line_item_unblended_cost) FROM li WHERE {where} GROUP BY 1", *params))


def _event(truth: dict[str, Any], kind: str) -> dict[str, Any]:
    (e,) = [e for e in truth["events"] if e["kind"] == kind]
    return e


# ------------------------------------------------------------------------------------------- resources


def test_resource_ids_are_stable_across_months(con: duckdb.DuckDBPyConnection) -> None:
    # Named resources keep their id every month.
    for rid in ("arn:aws:rds:us-east-1:123456789012:db:orders-db", "arn:aws:redshift:us-east-1:345678901234:"):
        months = _rows(con, "SELECT DISTINCT period FROM li WHERE line_item_resource_id LIKE ?", rid + "%")
        assert len(months) >= 3, rid
    # Long-lived instances: most of a month's instance hours run on instances already seen the month before.
    ((share,),) = _rows(
        con,
        """WITH api AS (SELECT period, line_item_resource_id AS rid, line_item_usage_amount AS hrs FROM li
               WHERE line_item_usage_type LIKE '%BoxUsage:m5.xlarge' AND line_item_usage_account_id = '123456789012')
           SELECT sum(hrs) FILTER (WHERE rid IN (SELECT rid FROM api WHERE period = DATE '2025-04-01'))
                  / sum(hrs) FROM api WHERE period = DATE '2025-05-01'""",
    )
    assert share > 0.8
    # ... while the autoscaled web fleet churns: many more instances over a month than run at once.
    ((ids, peak),) = _rows(
        con,
        """SELECT count(DISTINCT line_item_resource_id),
                  max(n) FROM (SELECT day, count(DISTINCT line_item_resource_id) OVER (PARTITION BY day) AS n,
                  line_item_resource_id FROM li WHERE period = DATE '2025-03-01'
                  AND line_item_usage_type = 'BoxUsage:m5.large' AND line_item_usage_account_id = '123456789012')""",
    )
    assert ids > 1.5 * peak


def test_resource_ids_are_the_same_in_every_format(
    con: duckdb.DuckDBPyConnection, org: GenerationSummary, tmp_path: Path
) -> None:
    focus = generate(tmp_path, fmt="focus-1.2", start=START, months=1, rows_per_month=20000, events=())
    got = {
        r[0]
        for r in duckdb.execute(
            "SELECT DISTINCT ResourceId FROM read_parquet(?) WHERE ResourceId IS NOT NULL AND x_ServiceCode "
            "NOT IN ('AWSGlue', 'ComputeSavingsPlans')",
            [[str(f) for f in focus.files]],
        ).fetchall()
    }
    january = {
        r[0]
        for r in _rows(
            con,
            "SELECT DISTINCT line_item_resource_id FROM li WHERE period = DATE '2025-01-01' "
            "AND line_item_resource_id <> '' AND line_item_product_code NOT IN ('AWSGlue', 'ComputeSavingsPlans')",
        )
    }
    assert got == january and len(got) > 300


def test_no_cost_before_launch_or_after_deletion(con: duckdb.DuckDBPyConnection) -> None:
    ((lines, outside, unknown),) = _rows(
        con,
        """SELECT count(*),
               count(*) FILTER (WHERE line_item_usage_end_date <= i.launched_at
                                OR line_item_usage_start_date >= i.deleted_at),
               count(*) FILTER (WHERE i.resource_id IS NULL)
           FROM li LEFT JOIN inv i ON i.resource_id = li.line_item_resource_id
           WHERE line_item_line_item_type IN ('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage')
             AND line_item_resource_id <> ''""",
    )
    assert lines > 50_000 and outside == 0 and unknown == 0
    # The inventory has real lifecycles: resources launched and deleted during the data, some resized.
    ((born_and_gone, resized, permanent),) = _rows(
        con,
        """SELECT count(*) FILTER (WHERE launched_at > TIMESTAMP '2025-01-01' AND deleted_at IS NOT NULL),
                  count(*) FILTER (WHERE resized_at IS NOT NULL),
                  count(*) FILTER (WHERE launched_at IS NULL AND deleted_at IS NULL) FROM inv""",
    )
    assert born_and_gone > 100 and resized > 5 and permanent > 20
    # A resized instance keeps its id and changes instance type on the day of the resize.
    ((rid, resized_at),) = _rows(
        con,
        "SELECT resource_id, resized_at FROM inv WHERE resized_at IS NOT NULL AND "
        "fleet = 'dev-instances' ORDER BY resource_id LIMIT 1",
    )
    types = dict(
        _rows(con, "SELECT line_item_usage_type, min(day) FROM li WHERE line_item_resource_id = ? GROUP BY 1", rid)
    )
    assert types.keys() <= {"BoxUsage:t3.medium", "BoxUsage:t3.large"}
    assert types.get("BoxUsage:t3.large", resized_at.date()) >= resized_at.date()


# ---------------------------------------------------------------------------------------------- usage


def test_weekday_effect_in_dev_and_none_in_24x7_services(con: duckdb.DuckDBPyConnection) -> None:
    def by_weekday(where: str) -> tuple[float, float]:
        daily = _daily(con, f"line_item_line_item_type = 'Usage' AND {where}")
        weekday = [v for d, v in daily.items() if d.weekday() < 5]
        weekend = [v for d, v in daily.items() if d.weekday() >= 5]
        return statistics.mean(weekday), statistics.mean(weekend)

    weekday, weekend = by_weekday("line_item_usage_account_id = '678901234567'")  # acme-dev
    assert weekday > 2 * weekend  # instances and notebooks stopped nights and weekends, volumes kept
    weekday, weekend = by_weekday("line_item_product_code = 'AmazonRedshift'")
    assert abs(weekday / weekend - 1) < 0.01  # a warehouse runs 24x7
    weekday, weekend = by_weekday("line_item_product_code = 'AmazonCloudFront'")
    assert 0.7 < weekend / weekday < 0.9  # customer traffic is lighter at weekends


def test_hour_of_day_patterns_in_hourly_data(tmp_path: Path) -> None:
    s = generate(
        tmp_path,
        fmt="cur2-parquet",
        start=date(2025, 3, 1),
        months=1,
        rows_per_month=150_000,
        granularity="hourly",
        events=(),
    )
    assert s.granularity == "hourly"
    c = duckdb.connect()
    files = ", ".join(f"'{f}'" for f in s.files)
    c.execute(f"CREATE VIEW li AS SELECT * FROM read_parquet([{files}])")

    def hours(where: str) -> set[int]:
        return {
            r[0]
            for r in c.execute(
                f"SELECT DISTINCT hour(line_item_usage_start_date) FROM li WHERE line_item_line_item_type = 'Usage' "
                f"AND {where}"
            ).fetchall()
        }

    assert hours("line_item_usage_type LIKE 'BoxUsage:t3.%' AND line_item_usage_account_id = '678901234567'") == set(
        range(7, 19)
    )
    assert hours("line_item_usage_type = 'BoxUsage:c6i.2xlarge'") == set(range(1, 5))  # nightly batch
    by_hour = dict(
        c.execute(
            "SELECT hour(line_item_usage_start_date), sum(line_item_usage_amount) FROM li "
            "WHERE line_item_product_code = 'AmazonCloudFront' AND line_item_usage_type LIKE '%Bytes' GROUP BY 1"
        ).fetchall()
    )
    assert max(by_hour, key=lambda h: by_hour[h]) in (14, 15, 16) and min(by_hour.values()) < 0.6 * max(
        by_hour.values()
    )
    # Hourly lines: one hour each; dev instances never run at weekends.
    ((weekend,),) = c.execute(
        "SELECT count(*) FROM li WHERE line_item_usage_account_id = '678901234567' "
        "AND line_item_usage_type LIKE 'BoxUsage:%' AND isodow(line_item_usage_start_date) >= 6"
    ).fetchall()
    assert weekend == 0


def test_every_day_has_usage_in_every_account(con: duckdb.DuckDBPyConnection) -> None:
    days = (date(2025, 7, 1) - START).days
    counts = _rows(
        con,
        "SELECT line_item_usage_account_id, count(DISTINCT day) FROM li WHERE line_item_line_item_type = 'Usage' "
        "GROUP BY 1",
    )
    assert len(counts) == 8 and {n for _a, n in counts} == {days}


def test_the_organisation_grows_slowly(con: duckdb.DuckDBPyConnection) -> None:
    monthly = _rows(
        con,
        "SELECT period, sum(line_item_unblended_cost) / count(DISTINCT day), count(DISTINCT line_item_resource_id) "
        "FROM li WHERE line_item_line_item_type = 'Usage' AND line_item_usage_account_id = '123456789012' "
        "GROUP BY 1 ORDER BY 1",
    )
    per_day = [m[1] for m in monthly]
    growth = (per_day[-1] / per_day[0]) ** (1 / (len(per_day) - 1)) - 1
    assert 0.005 < growth < 0.05  # a few % a month
    assert all(abs(b / a - 1) < 0.12 for a, b in itertools.pairwise(per_day))  # no jumps
    assert monthly[-1][2] > monthly[0][2]


def test_services_move_smoothly_week_to_week(con: duckdb.DuckDBPyConnection) -> None:
    weekly = _rows(
        con,
        f"""SELECT line_item_product_code, date_trunc('week', day) AS week, sum({_AMORTIZED})
           FROM li WHERE line_item_line_item_type IN ('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage')
             AND day >= DATE '2025-01-06' AND day < DATE '2025-06-30'
             AND line_item_usage_account_id <> '234567890123'  -- staging's load test is an event
             AND line_item_product_code IN ('AmazonEC2', 'AmazonS3', 'AmazonCloudFront', 'AWSLambda', 'AWSELB',
                                            'AmazonElastiCache', 'AWSDataTransfer', 'AmazonSageMaker')
           GROUP BY 1, 2 ORDER BY 1, 2""",
    )
    series: dict[str, list[float]] = {}
    for code, _week, cost in weekly:
        series.setdefault(code, []).append(cost)
    for code, costs in series.items():
        assert len(costs) == 25
        worst = max(abs(b / a - 1) for a, b in itertools.pairwise(costs))
        assert worst < 0.12, code


# ------------------------------------------------------------------------------------------ charges

_AMORTIZED = """CASE line_item_line_item_type
    WHEN 'SavingsPlanCoveredUsage' THEN savings_plan_savings_plan_effective_cost
    WHEN 'SavingsPlanRecurringFee' THEN savings_plan_total_commitment_to_date - savings_plan_used_commitment
    WHEN 'SavingsPlanNegation' THEN 0
    WHEN 'DiscountedUsage' THEN reservation_effective_cost
    WHEN 'RIFee' THEN reservation_unused_amortized_upfront_fee_for_billing_period + reservation_unused_recurring_fee
    WHEN 'Fee' THEN CASE WHEN reservation_reservation_a_r_n <> '' THEN 0 ELSE line_item_unblended_cost END
    ELSE line_item_unblended_cost END"""


def test_amortized_and_unblended_reconcile_through_the_upfront_fees(con: duckdb.DuckDBPyConnection) -> None:
    rows = _rows(
        con,
        f"""SELECT period, sum(line_item_unblended_cost), sum({_AMORTIZED}),
            coalesce(sum(reservation_amortized_upfront_fee_for_billing_period)
                     FILTER (WHERE line_item_line_item_type = 'RIFee'), 0),
            coalesce(sum(line_item_unblended_cost)
                     FILTER (WHERE line_item_line_item_type = 'Fee' AND reservation_reservation_a_r_n <> ''), 0)
            FROM li GROUP BY 1 ORDER BY 1""",
    )
    assert len(rows) == MONTHS
    purchases = 0
    for _period, unblended, amortized, amortized_upfront, upfront_paid in rows:
        # amortized - unblended = this month's share of upfront fees - upfront fees paid this month
        assert abs((amortized - unblended) - (amortized_upfront - upfront_paid)) < 0.05
        if upfront_paid:
            purchases += 1
            assert amortized < unblended
        else:
            assert amortized > unblended  # the upfront of the older reservation is amortized every month
    assert purchases == 1


def test_reservations_used_plus_unused_is_what_was_bought(con: duckdb.DuckDBPyConnection) -> None:
    fees = _rows(
        con,
        """SELECT f.period, f.reservation_reservation_a_r_n, f.line_item_usage_amount, f.reservation_unused_quantity,
                  f.line_item_unblended_cost, f.reservation_unused_recurring_fee,
                  coalesce(u.used, 0), coalesce(u.eff, 0)
           FROM li f LEFT JOIN (SELECT period, reservation_reservation_a_r_n, sum(line_item_usage_amount) AS used,
                                sum(reservation_recurring_fee_for_usage) AS eff
                                FROM li WHERE line_item_line_item_type = 'DiscountedUsage' GROUP BY 1, 2) u
             USING (period, reservation_reservation_a_r_n)
           WHERE f.line_item_line_item_type = 'RIFee'""",
    )
    assert len({f[1] for f in fees}) == 4
    for _p, _arn, reserved, unused, fee, unused_fee, used, recurring_used in fees:
        assert abs(used + unused - reserved) < 0.01
        assert abs(recurring_used + unused_fee - fee) < 0.05  # DiscountedUsage + RIFee unused = the fee
    utilisation = sum(f[6] for f in fees) / sum(f[2] for f in fees)
    assert 0.9 < utilisation < 1.0


def test_savings_plan_lines_are_consistent(con: duckdb.DuckDBPyConnection) -> None:
    ((covered, negated, effective, used, commitment, over),) = _rows(
        con,
        """SELECT sum(line_item_unblended_cost) FILTER (WHERE line_item_line_item_type = 'SavingsPlanCoveredUsage'),
                  sum(line_item_unblended_cost) FILTER (WHERE line_item_line_item_type = 'SavingsPlanNegation'),
                  sum(savings_plan_savings_plan_effective_cost)
                      FILTER (WHERE line_item_line_item_type = 'SavingsPlanCoveredUsage'),
                  sum(savings_plan_used_commitment), sum(savings_plan_total_commitment_to_date),
                  count(*) FILTER (WHERE savings_plan_used_commitment > savings_plan_total_commitment_to_date)
           FROM li""",
    )
    assert abs(covered + negated) < 0.01
    assert abs(effective - used) < 0.05 and over == 0
    assert 0.85 < used / commitment < 1.0


def test_support_is_a_share_of_usage_with_a_minimum(con: duckdb.DuckDBPyConnection) -> None:
    assert support_fee_usd(85_000) == pytest.approx(6_150)  # AWS's own pricing example
    assert support_fee_usd(400) == 100  # the monthly minimum
    rows = _rows(
        con,
        """SELECT period, line_item_usage_account_id,
               sum(line_item_unblended_cost) FILTER (WHERE line_item_product_code = 'AWSSupportBusiness'
                                                     AND line_item_line_item_type = 'Fee'),
               sum(line_item_unblended_cost) FILTER (WHERE line_item_line_item_type NOT IN ('Tax', 'Credit', 'Refund')
                                                     AND line_item_product_code <> 'AWSSupportBusiness')
           FROM li GROUP BY 1, 2""",
    )
    assert len(rows) == 8 * MONTHS
    for _period, _account, support, charges in rows:
        assert support == pytest.approx(support_fee_usd(charges), abs=0.05)
    assert any(charges > 10_000 for *_, charges in rows)  # a second tier is reached


def test_tax_lines_are_month_long_per_service(con: duckdb.DuckDBPyConnection) -> None:
    bad = _rows(
        con,
        """SELECT * FROM li WHERE line_item_line_item_type = 'Tax' AND (line_item_usage_start_date <> period
           OR line_item_usage_end_date <> period + INTERVAL 1 MONTH OR coalesce(line_item_usage_type, '') <> ''
           OR coalesce(product_region_code, '') <> ''

           OR line_item_tax_type <> 'Sales Tax')""",
    )
    assert bad == []
    rows = _rows(
        con,
        """SELECT period, line_item_usage_account_id, line_item_product_code,
               sum(line_item_unblended_cost) FILTER (WHERE line_item_line_item_type = 'Tax'),
               count(*) FILTER (WHERE line_item_line_item_type = 'Tax'),
               sum(line_item_unblended_cost) FILTER (WHERE line_item_line_item_type NOT IN ('Tax', 'Credit', 'Refund'))
           FROM li GROUP BY 1, 2, 3""",
    )
    assert sum(1 for r in rows if r[4]) > 30 * MONTHS
    for _p, _a, _code, tax, lines, charges in rows:
        assert lines <= 1
        if charges and charges > 1:
            assert tax == pytest.approx(round(charges * 0.0625, 2), abs=0.02)


def test_recurring_credit_every_month(con: duckdb.DuckDBPyConnection, truth: dict[str, Any]) -> None:
    credits = _rows(
        con,
        "SELECT period, line_item_usage_account_id, line_item_product_code, line_item_unblended_cost FROM li "
        "WHERE line_item_line_item_type = 'Credit' ORDER BY 1",
    )
    assert [c[1:] for c in credits] == [("456789012345", "AmazonSageMaker", -300.0)] * MONTHS
    e = _event(truth, "recurring_credit")
    assert (e["should_alert"], e["amount"], e["frequency"]) == (False, "-300.00", "monthly")


# ------------------------------------------------------------------------------------------ the story


def _day(iso: str) -> date:
    return date.fromisoformat(iso[:10])


def test_the_events_of_the_plan_and_their_truth(truth: dict[str, Any]) -> None:
    alerts = {e["kind"] for e in truth["events"] if e["should_alert"]}
    quiet = {e["kind"] for e in truth["events"] if not e["should_alert"]}
    assert alerts == {"surge", "level_shift", "new_resource", "recurring_charge_new", "stop", "spike"}
    assert quiet == {
        "intermittent_usage",
        "recurring_credit",
        "refund",
        "new_usage_type",
        "dip",
        "support_follows_usage",
    }
    levels = {e["level"] for e in truth["events"]}
    assert levels == {"account", "resource", "usage_type", "charge"}
    for e in truth["events"]:
        assert e["currency"] == "USD" and Decimal(e["expected_daily_delta"]) == Decimal(e["expected_daily_delta"])
        assert _day(e["first_complete_day"]) >= _day(e["start"])


def test_cloudfront_spike_masked_in_the_service_total(con: duckdb.DuckDBPyConnection, truth: dict[str, Any]) -> None:
    spike, dip = _event(truth, "spike"), _event(truth, "dip")
    day = _day(spike["first_complete_day"])
    one = _daily(con, "line_item_resource_id = ?", spike["keys"]["resource_id"])
    usual = one[day - timedelta(days=7)]  # the same weekday a week before
    assert 6 < one[day] / usual < 8  # x7
    assert float(spike["expected_daily_delta"]) == pytest.approx(one[day] - usual, rel=0.15)
    assert 60 < float(spike["expected_daily_delta"]) < 120
    assert abs(float(spike["expected_daily_delta"]) + float(dip["expected_daily_delta"])) < 15
    # The CloudFront total moves no more than it does on ordinary days.
    total = _daily(con, "line_item_product_code = 'AmazonCloudFront'")
    weekly = [abs(total[d] - total[d - timedelta(days=7)]) for d in total if d - timedelta(days=7) in total and d < day]
    assert abs(total[day] - total[day - timedelta(days=7)]) < statistics.quantiles(weekly, n=10)[-1]


def test_dynamodb_step_is_about_eight_dollars_a_day(con: duckdb.DuckDBPyConnection, truth: dict[str, Any]) -> None:
    e = _event(truth, "level_shift")
    day = _day(e["first_complete_day"])
    table = _daily(con, "line_item_resource_id = ?", e["keys"]["resource_id"])
    before = statistics.mean(table[day - timedelta(days=k)] for k in range(1, 15))
    after = statistics.mean(table[day + timedelta(days=k)] for k in range(14))
    assert 6 < after - before < 10 and 6 < float(e["expected_daily_delta"]) < 10
    assert before < 12  # real money for its table, small for the organisation
    assert e["end"] is None and e["level"] == "resource"


def test_redshift_stop_drops_to_zero_and_stays(con: duckdb.DuckDBPyConnection, truth: dict[str, Any]) -> None:
    e = _event(truth, "stop")
    day = _day(e["first_complete_day"])
    cluster = _daily(con, "line_item_product_code = 'AmazonRedshift'")
    assert max(cluster) == day - timedelta(days=1)  # the stop day is partial (17:00), nothing after
    assert float(e["expected_daily_delta"]) == pytest.approx(-cluster[day - timedelta(days=2)], rel=0.02)


def test_new_resource_steps_its_usage_type_on_day_nine(con: duckdb.DuckDBPyConnection, truth: dict[str, Any]) -> None:
    birth, step = _event(truth, "new_usage_type"), _event(truth, "new_resource")
    assert birth["keys"]["usage_type"] == step["keys"]["usage_type"]
    usage_type = _daily(con, "line_item_usage_type = ?", step["keys"]["usage_type"])
    first = min(usage_type)
    assert first == _day(birth["start"])  # the usage type's first day
    day = _day(step["first_complete_day"])
    assert (day - first).days == 8  # day 9 of its life
    before = statistics.mean(usage_type[first + timedelta(days=k)] for k in range(1, 8))
    after = statistics.mean(usage_type[day + timedelta(days=k)] for k in range(7))
    assert after / before == pytest.approx(1.5, abs=0.05)


def test_intermittent_usage_is_on_some_days(con: duckdb.DuckDBPyConnection, truth: dict[str, Any]) -> None:
    e = _event(truth, "intermittent_usage")
    glue = _daily(con, "line_item_product_code = 'AWSGlue' AND line_item_line_item_type = 'Usage'")
    days = (date(2025, 7, 1) - START).days
    assert 0.3 < len(glue) / days < 0.6
    assert 30 < statistics.mean(glue.values()) < 50 and float(e["expected_daily_delta"]) == pytest.approx(
        statistics.mean(glue.values()), rel=0.01
    )
    assert not e["should_alert"]


def test_staging_load_test_lifts_the_whole_account(con: duckdb.DuckDBPyConnection, truth: dict[str, Any]) -> None:
    e = _event(truth, "surge")
    day = _day(e["first_complete_day"])
    staging = _daily(con, "line_item_usage_account_id = '234567890123' AND line_item_line_item_type = 'Usage'")
    assert 1.9 < staging[day] / staging[day - timedelta(days=7)] < 2.5
    assert staging[day + timedelta(days=3)] / staging[day - timedelta(days=4)] < 1.2  # three days only
    assert e["level"] == "account" and e["end"] is not None


def test_reservation_purchase_is_a_new_recurring_charge(con: duckdb.DuckDBPyConnection, truth: dict[str, Any]) -> None:
    e = _event(truth, "recurring_charge_new")
    fees = _rows(
        con,
        "SELECT period, line_item_line_item_type, line_item_unblended_cost FROM li "
        "WHERE reservation_reservation_a_r_n = ? AND line_item_line_item_type IN ('RIFee', 'Fee') ORDER BY 1, 2",
        e["reservation_arn"],
    )
    purchase = _day(e["start"]).replace(day=1)
    assert fees[0][:2] == (purchase, "Fee") and Decimal(str(fees[0][2])) == Decimal(e["upfront_fee"])
    assert next(f[0] for f in fees if f[1] == "RIFee") == purchase
    full = [f[2] for f in fees if f[1] == "RIFee" and f[0] > purchase]
    assert full and all(abs(f - float(e["monthly_recurring_fee"])) < 10 for f in full)  # 28-31 days a month


def test_support_rise_follows_usage(con: duckdb.DuckDBPyConnection, truth: dict[str, Any]) -> None:
    e = _event(truth, "support_follows_usage")
    support = dict(
        _rows(
            con,
            "SELECT period::VARCHAR, round(sum(line_item_unblended_cost), 2) FROM li "
            "WHERE line_item_product_code = 'AWSSupportBusiness' AND line_item_line_item_type = 'Fee' GROUP BY 1",
        )
    )
    assert {k: float(v) for k, v in e["months"].items()} == {k: support[k] for k in e["months"]}
    assert not e["should_alert"]


# --------------------------------------------------------------------------------------- options


def test_event_plan_is_explicit(tmp_path: Path) -> None:
    plain = generate(tmp_path / "plain", fmt="cur2-parquet", start=START, months=2, rows_per_month=6000, events=())
    assert json.loads(plain.ground_truth.read_text())["events"] == [] and plain.anomalies == ()
    ((glue, credits),) = duckdb.execute(
        "SELECT count(*) FILTER (WHERE line_item_product_code = 'AWSGlue' "
        "OR line_item_usage_type LIKE '%ESInstance:r6g.2xlarge'), "
        "count(*) FILTER (WHERE line_item_line_item_type = 'Credit') FROM read_parquet(?)",
        [[str(f) for f in plain.files]],
    ).fetchall()
    assert glue == credits == 0

    spike = UsageChange("spike", datetime(2025, 2, 10), datetime(2025, 2, 11), 5.0, fleet="prod-cdn", resource="assets")
    own = generate(tmp_path / "own", fmt="cur2-parquet", start=START, months=2, rows_per_month=6000, events=[spike])
    (e,) = json.loads(own.ground_truth.read_text())["events"]
    assert (e["kind"], e["level"], e["start"], e["first_complete_day"]) == (
        "spike",
        "resource",
        "2025-02-10T00:00:00",
        "2025-02-10",
    )
    assert e["keys"]["resource_id"].startswith("arn:aws:cloudfront::123456789012:distribution/E")
    usage = "SELECT sum(line_item_unblended_cost) FROM read_parquet(?) WHERE line_item_line_item_type = 'Usage'"
    ((with_spike,),) = duckdb.execute(usage, [[str(f) for f in own.files]]).fetchall()
    ((without,),) = duckdb.execute(usage, [[str(f) for f in plain.files]]).fetchall()
    assert with_spike - without == pytest.approx(float(e["expected_daily_delta"]), rel=0.01)
    # Support and tax follow: the bill rises by more than the usage.
    assert own.unblended_total - plain.unblended_total > Decimal(e["expected_daily_delta"]) * Decimal("1.1")

    with pytest.raises(UsageError, match="unknown fleet 'prod-nope'"):
        generate(
            tmp_path / "bad",
            fmt="focus",
            start=START,
            months=1,
            rows_per_month=6000,
            events=[UsageChange("spike", datetime(2025, 1, 5), None, 2.0, fleet="prod-nope")],
        )
    with pytest.raises(UsageError, match="no resource 'cdn'"):
        generate(
            tmp_path / "bad",
            fmt="focus",
            start=START,
            months=1,
            rows_per_month=6000,
            events=[UsageChange("spike", datetime(2025, 1, 5), None, 2.0, fleet="prod-cdn", resource="cdn")],
        )


def test_billing_in_euros(tmp_path: Path) -> None:
    usd = generate(tmp_path / "usd", fmt="cur2-parquet", start=START, months=1, rows_per_month=6000, events=())
    eur = generate(
        tmp_path / "eur", fmt="cur2-parquet", start=START, months=1, rows_per_month=6000, events=(), currency="EUR"
    )
    sql = """SELECT list(DISTINCT line_item_currency_code), list(DISTINCT pricing_currency),
                    list(DISTINCT bill_invoicing_entity),
                    list(DISTINCT line_item_tax_type) FILTER (WHERE line_item_tax_type <> ''),
                    sum(line_item_unblended_cost) FILTER (WHERE line_item_line_item_type = 'Usage')
             FROM read_parquet(?)"""
    ((code, pricing, entity, tax, eur_usage),) = duckdb.execute(sql, [[str(f) for f in eur.files]]).fetchall()
    assert (code, pricing, entity, tax) == (["EUR"], ["EUR"], ["Amazon Web Services EMEA SARL"], ["VAT"])
    ((_c, _p, _e, _t, usd_usage),) = duckdb.execute(sql, [[str(f) for f in usd.files]]).fetchall()
    assert eur_usage == pytest.approx(usd_usage * 0.92, rel=1e-6)
    assert eur.currency == "EUR" and json.loads(eur.ground_truth.read_text())["currency"] == "EUR"
