"""Re-delivery guards: a delivery that would empty, shrink or roll back a live billing period is refused (the
live data kept, the reason and the numbers said), unless forced; refusals reach the CLI, the ingest runs,
`/trackit status` and the ops channel."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.ingest.pipeline import IngestPolicy, ingest
from tests.ingest.conftest import CUR_HEADER, csv_bytes, cur_delivery, cur_row

# Three line items totalling $6,300.72, as in the report of a month wiped by a header-only re-delivery.
MONTH = [cur_row(0, "2100.24"), cur_row(1, "4000.00"), cur_row(2, "200.48")]
T1 = datetime(2024, 4, 3, 6, 0, tzinfo=UTC)
T2 = datetime(2024, 4, 4, 6, 0, tzinfo=UTC)
T3 = datetime(2024, 4, 5, 6, 0, tzinfo=UTC)


def _deliver(src: Path, assembly: str, rows: list[str], at: datetime) -> None:
    """A March delivery whose files and manifest AWS wrote at `at` (the manifest's time is the delivery time)."""
    adir = cur_delivery(src, "2024-03", assembly, {"rep-1.csv.gz": csv_bytes([CUR_HEADER, *rows])})
    for f in (adir / "rep-1.csv.gz", adir.parent / "rep-Manifest.json"):
        os.utime(f, (at.timestamp(), at.timestamp()))


@pytest.fixture()
def live(tmp_path: Path, store: Any) -> Iterator[Path]:
    src = tmp_path / "src"
    _deliver(src, "asm-1", MONTH, T2)
    (p,) = ingest(str(src), store, progress=False).periods
    assert (p.status, p.rows, p.billed_total) == ("loaded", 3, "6300.7200000000")
    yield src


def _march(store: Any) -> tuple[str, int, float]:
    p = store.period(date(2024, 3, 1))
    return p.delivery_id, p.rows, round(p.billed_total, 2)


def test_header_only_redelivery_is_refused_and_the_month_kept(live: Path, store: Any) -> None:
    _deliver(live, "asm-2", [], T3)
    (p,) = ingest(str(live), store, progress=False).periods
    assert (p.status, p.delivery_id, p.rows) == ("refused", "asm-2", 0)
    assert p.reason == (
        "2024-03: refused delivery asm-2 (delivered 2024-04-05 06:00:00 UTC, 0 rows, total 0.0000000000): it holds "
        "no line items and would empty the live delivery asm-1 (delivered 2024-04-04 06:00:00 UTC, 3 rows, total "
        "6300.72); the live data is kept. Run `trackit ingest --force` to load it anyway."
    )
    assert _march(store) == ("asm-1", 3, 6300.72)
    # Forced, it loads: the operator decided the month really is empty.
    (forced,) = ingest(str(live), store, progress=False, policy=IngestPolicy(force=True)).periods
    assert (forced.status, forced.replaced) == ("replaced", "asm-1")
    assert _march(store) == ("asm-2", 0, 0.0)


def test_redelivery_with_fewer_than_half_the_rows_is_refused(tmp_path: Path, store: Any) -> None:
    src = tmp_path / "src"
    _deliver(src, "asm-1", [cur_row(i, "1.00") for i in range(10)], T1)
    ingest(str(src), store, progress=False)
    _deliver(src, "asm-2", [cur_row(i, "1.00") for i in range(4)], T2)
    (p,) = ingest(str(src), store, progress=False).periods
    assert p.status == "refused"
    assert p.reason == (
        "2024-03: refused delivery asm-2 (delivered 2024-04-04 06:00:00 UTC, 4 rows, total 4.0000000000): it holds "
        "40% of the rows of the live delivery asm-1 (delivered 2024-04-03 06:00:00 UTC, 10 rows, total 10.00), "
        "below the 50% a re-delivery must keep (setting redelivery_min_share); the live data is kept. Run "
        "`trackit ingest --force` to load it anyway."
    )
    # Half the rows is a plausible restatement (e.g. hourly -> daily granularity): it loads.
    _deliver(src, "asm-3", [cur_row(i, "2.00") for i in range(5)], T3)
    (ok,) = ingest(str(src), store, progress=False).periods
    assert (ok.status, ok.replaced) == ("replaced", "asm-1")
    # A stricter share is a setting.
    _deliver(src, "asm-4", [cur_row(i, "2.00") for i in range(4)], datetime(2024, 4, 6, tzinfo=UTC))
    (strict,) = ingest(str(src), store, progress=False, policy=IngestPolicy(min_share=0.9)).periods
    assert strict.status == "refused" and "below the 90% a re-delivery must keep" in strict.reason


def test_older_delivery_is_refused_before_it_is_downloaded(live: Path, store: Any) -> None:
    # The period-level manifest now names an assembly AWS wrote a day before the live one (a stale copy synced
    # back): only ids used to be compared, so it replaced the newer data.
    _deliver(live, "asm-0", [cur_row(i, "1.00") for i in range(50)], T1)
    (p,) = ingest(str(live), store, progress=False).periods
    assert (p.status, p.rows) == ("refused", 0)
    assert p.reason == (
        "2024-03: refused delivery asm-0 (delivered 2024-04-03 06:00:00 UTC): it is older than the live delivery "
        "asm-1 (delivered 2024-04-04 06:00:00 UTC, 3 rows, total 6300.72); the live data is kept. Run "
        "`trackit ingest --force` to load it anyway."
    )
    assert _march(store) == ("asm-1", 3, 6300.72)


def test_refusals_leave_other_periods_loading(live: Path, store: Any) -> None:
    _deliver(live, "asm-2", [], T3)
    cur_delivery(live, "2024-04", "apr-1", {"rep-1.csv.gz": csv_bytes([CUR_HEADER, cur_row(0, "5", period="2024-04")])})
    report = ingest(str(live), store, progress=False)
    assert [(p.billing_period, p.status) for p in report.periods] == [
        (date(2024, 3, 1), "refused"),
        (date(2024, 4, 1), "loaded"),
    ]


def test_cli_prints_the_refusal_exits_1_and_force_loads(
    live: Path, store: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    url = f"duckdb://{store.root}"
    _deliver(live, "asm-2", [], T3)
    assert main(["ingest", str(live), "--store", url, "--no-progress"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[2].split() == ["2024-03", "refused", "cur1", "asm-2", "0", "0.00", "-", "-"]
    assert out[3].startswith("    2024-03: refused delivery asm-2 (delivered 2024-04-05 06:00:00 UTC, 0 rows")
    assert main(["ingest", str(live), "--store", url, "--no-progress", "--force"]) == 0
    forced = capsys.readouterr().out.splitlines()
    assert forced[2].split()[:7] == ["2024-03", "replaced", "(asm-1)", "cur1", "asm-2", "0", "0.00"]


def test_refusal_is_recorded_for_status_and_posted_to_ops(live: Path, store: Any, tmp_path: Path) -> None:
    import jobs
    from bot.delivery import ChannelPacer
    from bot.scheduler import JobScheduler
    from bot.slack.client import make_client
    from bot.state.ingest_runs import last_ingest_runs
    from commands.trackit.info import render_status
    from jobs import ingest as ingest_job
    from tests.jobs.support import FrozenClock, HistorySlack, make_services

    _deliver(live, "asm-2", [], T3)
    slack = HistorySlack().start()
    clock = FrozenClock(datetime(2024, 4, 5, 7, tzinfo=UTC))
    services = make_services(tmp_path, store, clock, sources=(str(live),), ops_channel="C0OPS")
    scheduler = JobScheduler(
        services, make_client("xoxb-test", base_url=slack.api_url, max_retries=0), manual=True, pacer=ChannelPacer(0)
    )
    try:
        jobs.schedule_all(scheduler, services)
        scheduler.start()
        (outcome,) = ingest_job.run(scheduler.context)
        assert (outcome.run.status, outcome.loaded) == ("failed", 0)
        (run,) = last_ingest_runs(services.state)
        assert run.message.startswith("2024-03: refused delivery asm-2 (delivered 2024-04-05 06:00:00 UTC, 0 rows")
        status = render_status(store.periods(), (run,), show_totals=True)
        assert "Last error: 2024-03: refused delivery asm-2" in status.text
        (post,) = slack.posts()
        assert post["channel"] == "C0OPS"
        assert post["text"].startswith(f"Billing ingestion failing: {live}: 2024-03: refused delivery asm-2")
        assert f"`trackit ingest {live} --force`" in str(post["blocks"])
        assert _march(store) == ("asm-1", 3, 6300.72)
    finally:
        scheduler.shutdown()
        services.state.dispose()
        slack.close()


def test_guards_compare_a_redelivery_with_its_own_source_only(tmp_path: Path, store: Any) -> None:
    """Two exports of March (two configured sources) are both live; each one's re-delivery is judged against
    its own live rows, never the other source's."""
    big, small = tmp_path / "big", tmp_path / "small"
    _deliver(big, "big-1", [cur_row(i, "1.00") for i in range(10)], T1)
    _deliver(small, "small-1", [cur_row(i, "3.00") for i in range(4)], T1)
    assert [p.status for p in ingest(str(big), store, progress=False).periods] == ["loaded"]
    assert [p.status for p in ingest(str(small), store, progress=False).periods] == ["loaded"]
    march = [p for p in store.periods() if p.billing_period == date(2024, 3, 1)]
    assert sorted((p.source, p.delivery_id, p.rows) for p in march) == [
        (str(big.resolve()), "big-1", 10),
        (str(small.resolve()), "small-1", 4),
    ]
    # 3 rows are 75% of the small source's 4 (30% of the big one's 10): it replaces the small source only.
    _deliver(small, "small-2", [cur_row(i, "3.00") for i in range(3)], T2)
    (p,) = ingest(str(small), store, progress=False).periods
    assert (p.status, p.replaced) == ("replaced", "small-1")
    # 4 rows are 40% of the big source's 10 (and more than the small one's 3): refused, naming the big one's.
    _deliver(big, "big-2", [cur_row(i, "1.00") for i in range(4)], T2)
    (refused,) = ingest(str(big), store, progress=False).periods
    assert refused.status == "refused"
    assert "40% of the rows of the live delivery big-1" in refused.reason
    totals = {p.delivery_id: round(p.billed_total, 2) for p in store.periods()}
    assert totals == {"big-1": 10.0, "small-2": 9.0}
    # Re-ingesting an unchanged source is a no-op for its period, whatever the other source holds.
    assert [p.status for p in ingest(str(small), store, progress=False).periods] == ["skipped"]
    # `/trackit status`: one month, two rows, and (to an admin) which source each is.
    from commands.trackit.info import render_status
    from tests.support.fake_slack import blocks_text

    admin = render_status(store.periods(), (), show_totals=True)
    assert admin.text == "Ingestion status: 1 period(s) stored, estimated: 2024-03"
    table = blocks_text(list(admin.blocks))
    assert "Source" in table and "\n2024-03  small " in table and "\n2024-03  big " in table
    restricted = blocks_text(list(render_status(store.periods(), (), show_totals=False).blocks))
    assert "Source" not in restricted and "big" not in restricted and restricted.count("\n2024-03  estimated") == 2
