"""The one rounding of amounts and the Money owner: what every surface (Slack, CLI, CSV, XLSX, charts) shows."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.billing.money import Money, cents, format_change, format_money, format_pct, money_number, round_money


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (0.125, "0.13"),  # half-up, not the banker's 0.12
        (-0.125, "-0.13"),
        (0.005, "0.01"),
        (4159.434999999999, "4159.44"),  # float summation noise of an exact 4159.435
        (2.675, "2.68"),  # 2.67499999999999982236431605997495353221893310546875 as a float
        (1.004999, "1.00"),  # a sub-cent amount a millionth below the half rounds down
        (1.0049999, "1.01"),  # closer than a millionth is taken for float noise: the documented trade-off
        (-0.001, "0.00"),  # never -0.00
        (Decimal("1234.565"), "1234.57"),
        (123456789.125, "123456789.13"),
    ],
)
def test_round_money_is_half_up_after_removing_float_noise(amount: float | Decimal, expected: str) -> None:
    assert str(round_money(amount)) == expected
    assert cents(amount) == expected
    assert money_number(amount) == float(expected)


def test_every_format_uses_the_same_rounding() -> None:
    assert Money("USD")(0.125) == "$0.13"
    assert Money("EUR")(0.125) == "€0.13"
    assert Money("eur").currency == "EUR"
    assert Money("")(1) == "$1.00"  # an export that names no currency is in US dollars
    assert Money("CHF")(-1234.5) == "-CHF 1,234.50"
    assert Money("EUR").change(-0.38) == "-€0.38"
    assert Money("EUR").compact(1234.5) == "€1.2K"
    assert Money("EUR").whole(749.5) == "€750" and Money("EUR").whole(-2500) == "-€2.5K"
    assert Money("EUR").rate(0.09605) == "€0.0961"
    assert format_money(float("inf")) == "n/a" and format_change(float("nan")) == "n/a"
    assert cents(None) == ""


@pytest.mark.parametrize(
    ("pct", "text"),
    [(-0.0038, "-0.0%"), (0.0038, "+0.0%"), (0.0, "0.0%"), (-0.05, "-0.1%"), (1e-12, "0.0%"), (12.25, "+12.3%")],
)
def test_a_change_keeps_its_sign_when_it_rounds_to_zero(pct: float, text: str) -> None:
    assert format_pct(pct) == text


def test_a_small_decrease_reads_as_one(tmp_path: object) -> None:
    """The text /cost and the CLI print for -0.38 on a 10,000.00 base (was "-$0.38 (+0.0%)")."""
    change = 9999.62 - 10000.00
    assert f"{Money('USD').change(change)} ({format_pct(change / 10000.00 * 100)})" == "-$0.38 (-0.0%)"
