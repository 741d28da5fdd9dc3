"""One alert per event: overlapping episodes of one event are alerted once, at the most specific slice that
carries most of it, whatever order the detector lists them in."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from bot.billing.anomaly_episodes import Anomaly, AnomalyKind, Severity
from bot.billing.anomaly_rootcause import Contributor, RootCause
from bot.billing.model import TimeRange
from bot.slack.triage import AlertView
from jobs.anomaly_alerts import EXPLAINS_SHARE, Detection, choose_events

START = datetime(2026, 11, 24, tzinfo=UTC)


def _episode(dimension: str, value: str, impact: float, expected: float, *, days: int = 3, offset: int = 0) -> Anomaly:
    start = START + timedelta(days=offset)
    last = start + timedelta(days=days)
    return Anomaly(
        dimension,
        value,
        AnomalyKind.SPIKE if impact >= 0 else AnomalyKind.DROP,
        start,
        None,
        last,
        expected + impact,
        expected,
        expected * 0.9,
        expected * 1.1,
        impact,
        impact * 100 / expected,
        Severity.HIGH,
        9.0,
        start,
        days,
    )


def _cause(a: Anomaly, contributors: dict[str, dict[str, float]]) -> RootCause:
    """A root cause whose breakdowns name `contributors` (dimension -> value -> excess)."""
    window = TimeRange(a.start.date(), a.last_seen.date())
    breakdowns = {
        dim: tuple(
            Contributor(dim, k, v, 0.0, v, v / a.impact) for k, v in sorted(values.items(), key=lambda kv: -kv[1])
        )
        for dim, values in contributors.items()
    }
    return RootCause(window, window, a.actual, a.expected, breakdowns)


def _alerts(found: list[Anomaly], causes: dict[str, dict[str, dict[str, float]]]) -> list[str]:
    def explained(a: Anomaly) -> Detection:
        return Detection(a, _cause(a, causes.get(a.key, {})))

    return [AlertView(rep, None).summary() for _, rep in choose_events(found, explained)]


def test_a_load_test_in_one_account_is_one_alert_on_the_service_that_carries_it() -> None:
    """The staging load test: the total, the staging account, EC2 and its usage type all rise; RDS rises a
    little in the same days. One alert, on EC2 (the most specific slice an alert names that carries at least
    half of the total's rise; its usage type is the root cause), in whatever order the episodes come."""
    total = _episode("total", "", 1000.0, 2000.0)
    account = _episode("account", "staging", 950.0, 400.0)
    ec2 = _episode("service", "Amazon Elastic Compute Cloud", 700.0, 300.0)
    rds = _episode("service", "Amazon Relational Database Service", 250.0, 200.0)
    box = _episode("usage-type", "USE1-BoxUsage:c5.4xlarge", 560.0, 100.0)
    causes = {total.key: {"service": {ec2.value: 700.0, rds.value: 250.0}, "account": {"staging": 950.0}}}
    expected = [
        "Service Amazon Elastic Compute Cloud: spike, $1,000.00 vs $300.00 expected, impact +$700.00 (+233.3%), "
        "Nov 24 – ongoing (data through Nov 26)"
    ]
    for order in itertools.permutations([total, account, ec2, rds, box]):
        assert _alerts(list(order), causes) == expected


def test_a_small_service_episode_does_not_hide_a_bigger_total_event() -> None:
    """A service carrying under half of the total's rise does not explain it: the total is the alert, and the
    service (one of its contributors) is not posted again."""
    assert EXPLAINS_SHARE == 0.5
    total = _episode("total", "", 1000.0, 2000.0)
    s3 = _episode("service", "Amazon Simple Storage Service", 300.0, 150.0)
    causes = {total.key: {"service": {s3.value: 300.0, "Amazon CloudFront": 280.0, "AWS Lambda": 250.0}}}
    want = [
        "Total spend: spike, $3,000.00 vs $2,000.00 expected, impact +$1,000.00 (+50.0%), "
        "Nov 24 – ongoing (data through Nov 26)"
    ]
    assert _alerts([s3, total], causes) == want
    assert _alerts([total, s3], causes) == want


def test_separate_events_stay_separate() -> None:
    """A drop of one service the same days as a rise of the total, and a rise of a service a week later, are
    other events: three alerts."""
    total = _episode("total", "", 1000.0, 2000.0)
    drop = _episode("service", "Amazon Redshift", -400.0, 450.0)
    later = _episode("service", "Amazon CloudFront", 300.0, 100.0, offset=7)
    got = _alerts([later, drop, total], {total.key: {"service": {"Amazon Redshift": -400.0}}})
    assert got == [
        "Total spend: spike, $3,000.00 vs $2,000.00 expected, impact +$1,000.00 (+50.0%), "
        "Nov 24 – ongoing (data through Nov 26)",
        "Service Amazon Redshift: drop, $50.00 vs $450.00 expected, impact -$400.00 (-88.9%), "
        "Nov 24 – ongoing (data through Nov 26)",
        "Service Amazon CloudFront: spike, $400.00 vs $100.00 expected, impact +$300.00 (+300.0%), "
        "Dec 1 – ongoing (data through Dec 3)",
    ]


def test_a_resource_is_alerted_on_its_own_when_nothing_broader_shows_it() -> None:
    """One CloudFront distribution's x7 spike while another fell: the service did not move, so the resource is
    the alert."""
    spike = _episode("resource", "arn:aws:cloudfront::012345678901:distribution/E2QWRUHAPOMQZL", 600.0, 100.0)
    assert _alerts([spike], {}) == [
        "Resource arn:aws:cloudfront::012345678901:distribution/E2QWRUHAPOMQZL: spike, $700.00 vs $100.00 expected, "
        "impact +$600.00 (+600.0%), Nov 24 – ongoing (data through Nov 26)"
    ]


def test_a_service_is_named_before_the_region_it_runs_in() -> None:
    """A region is a slice across services, like an account: the service carrying the rise is the alert even when
    the region's impact is a few cents bigger."""
    total = _episode("total", "", 1200.10, 1300.0)
    region = _episode("region", "us-east-1", 1200.06, 800.0)
    ec2 = _episode("service", "Amazon Elastic Compute Cloud", 1200.03, 525.0)
    assert _alerts([region, total, ec2], {}) == [
        "Service Amazon Elastic Compute Cloud: spike, $1,725.03 vs $525.00 expected, impact +$1,200.03 (+228.6%), "
        "Nov 24 – ongoing (data through Nov 26)"
    ]
