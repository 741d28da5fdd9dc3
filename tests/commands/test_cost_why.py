"""`/cost why ...` says what changed per resource, as an anomaly alert's root cause does (new, gone, resized,
usage vs rate: the one owner, `bot.billing.anomaly_changes`), end to end over signed HTTP; a user granted one
account reads only that account's resources."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from bot.billing.grammar import parse_query
from bot.billing.query import run_cost_query
from bot.reports.text import render_text
from tests.commands.conftest import ADMIN, TODAY, Bot, running_bot
from tests.commands.test_cost import sections
from tests.store.sources import item

PROD, STAGING = "111111111111", "222222222222"
EC2, RDS = "Amazon Elastic Compute Cloud", "Amazon Relational Database Service"
RESIZED_ON = date(2026, 11, 16)  # the first day of "last week" (today is 2026-11-27)


def _day(  # noqa: PLR0917 - a line item's columns, in the order the rows below read them
    d: date, account: str, resource: str, service: str, usage_type: str, rate: str
) -> dict[str, object]:
    """A resource running all day at `rate` an hour."""
    return item(
        d,
        str(Decimal(24) * Decimal(rate)),
        hours=24,
        sub_account_id=account,
        sub_account_name="prod" if account == PROD else "staging",
        service_name=service,
        region_id="us-east-1",
        usage_type=usage_type,
        usage_unit="Hrs",
        usage_amount="24",
        resource_id=resource,
    )


def _rows() -> list[dict[str, object]]:
    """From October 1: prod's `i-resized` runs as an m5.large, then as an m5.xlarge from November 16; prod's
    `i-new` starts on November 16; staging's `db-legacy` stops after November 15; staging's `i-steady` runs
    throughout."""
    rows = []
    d = date(2026, 10, 1)
    while d <= date(2026, 11, 25):
        later = d >= RESIZED_ON
        size, rate = ("xlarge", "0.192") if later else ("large", "0.096")
        rows.append(_day(d, PROD, "i-resized", EC2, f"USE1-BoxUsage:m5.{size}", rate))
        rows.append(_day(d, STAGING, "i-steady", EC2, "USE1-BoxUsage:m5.large", "0.096"))
        if later:
            rows.append(_day(d, PROD, "i-new", EC2, "USE1-BoxUsage:t3.medium", "0.0416"))
        else:
            rows.append(_day(d, STAGING, "db-legacy", RDS, "USE1-InstanceUsage:db.t3.small", "0.05"))
        d += timedelta(days=1)
    return rows


@pytest.fixture(scope="module")
def why_bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    with running_bot(tmp_path_factory.mktemp("why"), _rows()) as running:
        yield running


def _what_changed(answer: dict[str, Any]) -> list[str]:
    return next(s for s in sections(answer) if s.startswith("*What changed*")).splitlines()


def test_why_says_what_changed_per_resource(why_bot: Bot) -> None:
    """Last week against the week before: +$16.13 from the resize (7 days of $4.61 instead of $2.30), +$6.99
    from the new instance, -$8.40 from the database that stopped: +$14.72 in all, to the cent."""
    answer = why_bot.ask("/cost", "why did costs go up last week?")
    # 7 days of $4.61 + $2.30 + $1.00 against 7 days of $2.30 + $2.30 + $1.20.
    assert sections(answer)[0] == (
        "*$55.37* total\n+$14.72 (+36.2%) vs the previous period (2026-11-09 – 2026-11-15): $40.66"
    )
    assert _what_changed(answer) == [
        "*What changed* (+$14.72 vs previous period):",
        "• resized: EC2 `i-resized` m5.large → m5.xlarge +$16.13 (110%): $2.30 → $4.61 a day",
        "• new: EC2 `i-new` +$6.99 (47%): USE1-BoxUsage:t3.medium",
        "• other (1 more): -$8.40 (-57%)",
    ]
    assert "what changed: " not in answer["text"]  # the fallback keeps to the headline and the why


def test_why_says_only_what_the_asker_may_see(why_bot: Bot) -> None:
    why_bot.ask("/trackit", f"access grant <@U0BOB|bob> {STAGING}", user=ADMIN)
    answer = why_bot.ask("/cost", "why last week", user="U0BOB")
    assert _what_changed(answer) == [
        "*What changed* (-$8.40 vs previous period):",
        "• gone: RDS `db-legacy` -$8.40 (100%): USE1-InstanceUsage:db.t3.small",
    ]
    everything = str(answer)
    assert "i-resized" not in everything and "i-new" not in everything and PROD not in everything


def test_trackit_query_says_what_changed_too(why_bot: Bot) -> None:
    """The command line's text answer lists the same lines under its "Why" (one owner of the wording)."""
    query = parse_query("why last week", vocabulary=why_bot.services.vocabulary.get(), today=TODAY)
    text = render_text(run_cost_query(why_bot.store, query, today=TODAY), text="why last week")
    assert (
        "  *What changed* (+$14.72 vs previous period):\n"
        "  • resized: EC2 `i-resized` m5.large → m5.xlarge +$16.13 (110%): $2.30 → $4.61 a day\n"
    ) in text
