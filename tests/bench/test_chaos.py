"""The chaos benchmark's fast parts as tests (bench/chaos.py has the full-size run): real `serve` processes
SIGKILLed once a round under injected Slack faults, a 30-minute Slack outage, and two replicas started at the
same instant on PostgreSQL. Every (channel, period) exactly once, follow-ups in their threads, digest files
shared once, nothing left unsent; late posts say so."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.chaos import passed, phase_kills, phase_outage, phase_replicas
from tests.support.postgres import PostgresServer

pytestmark = [pytest.mark.slow, pytest.mark.chaos]


def test_sigkill_every_round_under_slack_faults_posts_every_key_once(tmp_path: Path) -> None:
    # Rounds start on Friday 2026-11-27: the fourth is a Monday (weekly digests with their files) and the
    # anomaly episode goes new -> bigger -> still going -> over over the first four.
    result = phase_kills(tmp_path, rounds=4, count=5, rate=0.2, seed=7)
    tally = result.tally
    assert tally is not None, result.notes
    assert passed(result), (result.notes, tally.problems)
    assert (result.rounds, result.kills) == (4, 4)
    assert sum(result.faults.values()) > 0
    assert tally.duplicates == 0 and tally.untagged == 0 and not tally.unsent
    assert tally.by_job == {"daily_summary": 20, "weekly_digest": 8, "anomaly_alerts": 16}
    assert (tally.threaded, tally.misthreaded) == (12, 0)  # bigger, still going, over: in each alert's thread
    assert tally.file_shares == 4  # one per weekly digest, five files each (checked by tally)


def test_a_30_minute_outage_at_the_scheduled_time_loses_nothing_and_says_late(tmp_path: Path) -> None:
    result = phase_outage(tmp_path, count=5)
    tally = result.tally
    assert tally is not None, result.notes
    assert passed(result), (result.notes, tally.problems)
    assert (tally.keys, tally.posts, tally.duplicates, tally.late_notes) == (5, 5, 0, 5)
    assert result.faults["500"] > 5


@pytest.mark.postgres
def test_two_replicas_started_at_once_on_postgresql_post_once(tmp_path: Path, postgres_server: PostgresServer) -> None:
    result = phase_replicas(tmp_path, rounds=2, count=5, rate=0.15, seed=7, server=postgres_server)
    tally = result.tally
    assert tally is not None, result.notes
    assert passed(result), (result.notes, tally.problems)
    assert result.kills == 1 and tally.duplicates == 0
    assert tally.by_job["daily_summary"] == 10
