"""Delivery rhythms learned from history, and the health of a source at a frozen moment."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from bot.ingest.rhythm import humanize, learn_rhythm
from bot.ingest.source_health import judge_source
from bot.state.ingest_runs import IngestRun

URI = "s3://billing/trackit/trackit-cur2"
START = datetime(2026, 11, 1, tzinfo=UTC)


def cur_like(days: int, seed: int = 7) -> list[datetime]:
    """About three refreshes a day at irregular times; at each one the current and the previous month are both
    written (two deliveries a few minutes apart), as legacy CUR and CUR 2.0 do early in a month."""
    rng = random.Random(seed)
    out: list[datetime] = []
    at = START
    while at < START + timedelta(days=days):
        at += timedelta(hours=8) + timedelta(minutes=rng.randint(-90, 90))
        out += [at, at + timedelta(minutes=rng.randint(1, 6))]
    return out


def daily(days: int, seed: int = 3) -> list[datetime]:
    rng = random.Random(seed)
    return [START + timedelta(days=d, minutes=rng.randint(-40, 40)) for d in range(days)]


def run(run_id: int, status: str, at: datetime, message: str = "") -> IngestRun:
    return IngestRun(run_id, URI, at, at + timedelta(seconds=30), status, message, 0, 0)  # type: ignore[arg-type]


def test_a_cur_delivered_three_times_a_day_is_learned_as_such() -> None:
    rhythm = learn_rhythm(cur_like(days=20))
    assert timedelta(hours=7) < rhythm.typical_gap < timedelta(hours=9)
    assert timedelta(hours=16) <= rhythm.overdue_after < timedelta(hours=24)
    assert rhythm.learned_from > 50  # bursts of two periods count once


def test_a_daily_export_is_late_after_about_two_days_not_after_eight_hours() -> None:
    rhythm = learn_rhythm(daily(days=20))
    assert timedelta(hours=23) < rhythm.typical_gap < timedelta(hours=25)
    assert timedelta(hours=46) < rhythm.overdue_after < timedelta(hours=50)


def test_one_long_outage_in_the_history_does_not_stretch_the_rhythm() -> None:
    times = daily(days=30)
    times = [t for t in times if not START + timedelta(days=10) < t < START + timedelta(days=16)]
    assert timedelta(hours=23) < learn_rhythm(times).typical_gap < timedelta(hours=25)


def test_without_history_the_prior_is_daily() -> None:
    rhythm = learn_rhythm([START, START + timedelta(hours=8)])
    assert (rhythm.learned, rhythm.overdue_after) == (False, timedelta(days=2))


def test_silence_is_judged_against_the_sources_own_rhythm_over_days_of_a_frozen_clock() -> None:
    history = cur_like(days=14)
    last = max(history)
    runs = [run(1, "ok", last + timedelta(minutes=10))]
    statuses = {}
    for hours in (4, 12, 20, 30, 72):
        health = judge_source(URI, history, runs, last + timedelta(hours=hours))
        statuses[hours] = health.status
    assert statuses == {4: "ok", 12: "ok", 20: "overdue", 30: "overdue", 72: "overdue"}
    late = judge_source(URI, history, runs, last + timedelta(hours=30))
    rhythm = learn_rhythm(history)
    assert late.cause == (
        f"no new delivery in {URI} for 1 d 6 h (usually every {humanize(rhythm.typical_gap)}; "
        f"late after {humanize(rhythm.overdue_after)})"
    )
    assert "Data Exports" in late.fix and "deploy/aws/trackit-aws.yaml" in late.fix
    # The same incident for as long as the silence lasts, a new one after the next delivery.
    assert late.incident == judge_source(URI, history, runs, last + timedelta(hours=72)).incident
    after = [*history, last + timedelta(days=4)]
    assert judge_source(URI, after, runs, last + timedelta(days=4, hours=1)).status == "ok"


def test_a_failed_run_is_an_incident_from_the_first_failure_of_the_streak() -> None:
    history = daily(days=10)
    now = max(history) + timedelta(hours=3)
    runs = [
        run(9, "running", now),
        run(
            8,
            "failed",
            now - timedelta(minutes=30),
            "S3 refused ListObjectsV2 on bucket billing (AccessDenied)\n"
            "Allow s3:ListBucket on bucket billing for role arn:aws:iam::1:role/r.",
        ),
        run(7, "failed", now - timedelta(hours=1), "S3 refused GetObject (AccessDenied)"),
        run(6, "ok", now - timedelta(hours=2)),
        run(5, "failed", now - timedelta(hours=3), "old"),
    ]
    health = judge_source(URI, history, runs, now)
    assert (health.status, health.incident, health.since) == ("failing", "failed-7", now - timedelta(hours=1))
    assert health.cause == "S3 refused ListObjectsV2 on bucket billing (AccessDenied)"
    assert health.fix == "Allow s3:ListBucket on bucket billing for role arn:aws:iam::1:role/r."
    recovered = judge_source(URI, history, [run(10, "ok", now), *runs[1:]], now)
    assert recovered.status == "ok"


def test_a_source_that_never_delivered_is_overdue_once_watched_longer_than_the_prior() -> None:
    runs = [run(2, "ok", START + timedelta(days=1)), run(1, "ok", START)]
    assert judge_source(URI, [], runs, START + timedelta(hours=30)).status == "waiting"
    never = judge_source(URI, [], runs, START + timedelta(days=3))
    assert (never.status, never.incident) == ("overdue", "never")
    assert never.cause == f"no delivery has ever arrived in {URI} (watched for 3 d)"
