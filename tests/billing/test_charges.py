"""The charge-class rule: what each kind of line item is, and the SQL that ingestion and the stores run agrees
with the Python rule on every combination of the fields it reads."""

from __future__ import annotations

import itertools

import duckdb
import pytest

from bot.billing.charges import (
    FEE_CLASSES,
    ChargeClass,
    ChargeFields,
    classify,
    classify_sql,
    parse_charge_class,
    parse_charge_classes,
)

MONTH = 31 * 24.0


@pytest.mark.parametrize(
    ("kind", "hours", "expected"),
    [
        ("Usage", 1.0, "usage"),
        ("DiscountedUsage", 1.0, "usage"),
        ("SavingsPlanCoveredUsage", 1.0, "usage"),
        ("SavingsPlanNegation", 1.0, "usage"),
        ("EdpDiscount", 1.0, "usage"),
        ("BundledDiscount", 24.0, "usage"),
        ("PrivateRateDiscount", 1.0, "usage"),
        ("Credit", 1.0, "usage"),  # applied hour by hour to the usage it covers
        ("Credit", MONTH, "credit"),  # granted for the month
        ("RIFee", MONTH, "recurring"),
        ("SavingsPlanRecurringFee", 1.0, "recurring"),
        ("Fee", MONTH, "one-time"),
        ("SavingsPlanUpfrontFee", 1.0, "one-time"),
        ("Tax", MONTH, "tax"),
        ("tax", 1.0, "tax"),
        ("Refund", 1.0, "adjustment"),
        ("Usage", MONTH, "recurring"),  # a Support plan or a monthly subscription
        ("Usage", 25.0, "recurring"),
        ("Usage", None, "usage"),  # unknown period: most lines are usage
        ("SomethingNew", 1.0, "usage"),
    ],
)
def test_cur_line_item_types(kind: str, hours: float | None, expected: str) -> None:
    assert classify(kind, hours=hours).value == expected


@pytest.mark.parametrize(
    ("category", "frequency", "correction", "expected"),
    [
        ("Usage", "Usage-Based", None, "usage"),
        ("Usage", "Usage-based", None, "usage"),  # Oracle's spelling
        ("Usage", "Recurring", None, "recurring"),
        ("Usage", "One-Time", None, "one-time"),
        ("Purchase", "Recurring", None, "recurring"),
        ("Purchase", "One-Time", None, "one-time"),
        ("Tax", "One-Time", None, "tax"),
        ("Credit", "One-Time", None, "credit"),
        ("Credit", "Recurring", None, "credit"),
        ("Credit", "Usage-Based", None, "usage"),
        ("Adjustment", "Usage-based", None, "usage"),
        ("Adjustment", "One-Time", None, "adjustment"),
        ("Usage", "Usage-Based", "Correction", "adjustment"),
    ],
)
def test_focus_category_frequency_and_class(
    category: str, frequency: str, correction: str | None, expected: str
) -> None:
    assert classify(None, category=category, frequency=frequency, correction=correction, hours=1.0).value == expected


def test_sql_agrees_with_python_on_every_combination() -> None:
    kinds = [None, "Usage", "Credit", "Tax", "Refund", "RIFee", "Fee", "Purchase", "Adjustment", "Other"]
    frequencies = [None, "Usage-Based", "Recurring", "One-Time"]
    corrections = [None, "Correction"]
    lengths = [None, 1, 24, 25, MONTH]
    products = [(None, None), ("AWSSupportBusiness", None), (" awsdevelopersupport", None), ("AmazonRDS", None)]
    products += [("AmazonRDS", "AWS Support (Enterprise)"), (None, "RDS Extended Support")]
    cases = list(itertools.product(kinds, kinds, frequencies, corrections, lengths, products))
    fields = ChargeFields(
        start="s", end="e", kind="k", category="c", frequency="f", correction="x", product="p", product_name="n"
    )
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE t (i INTEGER, k VARCHAR, c VARCHAR, f VARCHAR, x VARCHAR, s TIMESTAMP, e TIMESTAMP, "
        "p VARCHAR, n VARCHAR)"
    )
    con.executemany(
        "INSERT INTO t VALUES (?, ?, ?, ?, ?, TIMESTAMP '2024-12-01', "
        "CASE WHEN ? IS NULL THEN NULL ELSE TIMESTAMP '2024-12-01' + to_hours(CAST(? AS BIGINT)) END, ?, ?)",
        [(i, k, c, f, x, h, h, p, n) for i, (k, c, f, x, h, (p, n)) in enumerate(cases)],
    )
    got = dict(con.execute(f"SELECT i, {classify_sql(fields)} FROM t").fetchall())
    for i, (k, c, f, x, h, (p, n)) in enumerate(cases):
        expected = classify(k, category=c, frequency=f, correction=x, hours=h, product=p, product_name=n).value
        assert got[i] == expected, (k, c, f, x, h, p, n)


def test_support_fee_is_recurring_other_fees_one_time() -> None:
    """CUR books an AWS Support plan's monthly charge as line item type Fee, like an RI's upfront payment: the
    product tells them apart (product codes and names as CUR writes them)."""
    for code, name in [
        ("AWSSupportBusiness", "AWS Support (Business)"),
        ("AWSSupportEnterprise", "AWS Support (Enterprise)"),
        ("AWSDeveloperSupport", "AWS Support (Developer)"),
        ("AWSEnterpriseOnRamp", "AWS Support (Enterprise On-Ramp)"),
        ("OCBPremiumSupport", "AWS Premium Support"),
    ]:
        assert classify("Fee", hours=MONTH, product=code) is ChargeClass.RECURRING, code
        assert classify("Fee", hours=MONTH, product_name=name) is ChargeClass.RECURRING, name
    assert classify("Fee", hours=1.0, product="AmazonEC2", product_name="Amazon Elastic Compute Cloud").value == (
        "one-time"
    )
    # RDS Extended Support is usage of RDS, not a Support plan.
    assert classify("Usage", hours=1.0, product="AmazonRDS", product_name="RDS Extended Support").value == "usage"
    assert classify("Fee", hours=MONTH, product_name="RDS Extended Support").value == "one-time"


def test_words_for_classes() -> None:
    assert parse_charge_class("Usage") is ChargeClass.USAGE
    assert parse_charge_class("refunds") is ChargeClass.ADJUSTMENT
    assert parse_charge_class("one time") is ChargeClass.ONE_TIME
    assert parse_charge_class("credits") is ChargeClass.CREDIT
    # `fees` are every fee, the monthly and the upfront ones: two classes, which only `parse_charge_classes` gives
    assert parse_charge_class("fees") is None
    assert parse_charge_classes("fees") == FEE_CLASSES == (ChargeClass.RECURRING, ChargeClass.ONE_TIME)
    assert parse_charge_classes("credits") == (ChargeClass.CREDIT,)
    assert parse_charge_classes("spend") == ()
    assert parse_charge_class("spend") is None
    assert [c.usage_driven for c in ChargeClass] == [True, False, False, False, False, False]
