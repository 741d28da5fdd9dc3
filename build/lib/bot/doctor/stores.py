"""Store and job checks: app state migrated, billing store answering, scheduler leadership, source freshness."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.doctor.checks import Check, fail, guarded, ok, skip, warn
from bot.ingest.rhythm import humanize
from bot.state.db import StateStore

if TYPE_CHECKING:
    from bot.store.search_cluster import ClusterHealth

_MIGRATE = "Start the bot once (`trackit serve` migrates app state at start-up), with this version of the code."


def open_state(settings: Settings) -> tuple[StateStore | None, Check]:
    """App state, if it opens and is at this code's head revision (else None), and the check saying so."""
    title = "App state"
    url = settings.app_database_url
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).is_file():
        return None, fail("state.schema", title, f"no app state at {url.removeprefix('sqlite:///')} yet", _MIGRATE)
    try:
        state = StateStore(url)
        current = state.current_revision()
    except Exception as exc:
        where = "TRACKIT_DATABASE_URL" if settings.database_url else f"the SQLite file under {settings.data_dir}"
        return None, fail(
            "state.schema",
            title,
            f"cannot open it: {type(exc).__name__}: {exc}",
            f"Check {where} and that the database accepts connections.",
        )
    head = StateStore.head_revision()
    shown = state.url.render_as_string(hide_password=True)
    if current is None:
        state.dispose()
        return None, fail("state.schema", title, f"{shown} has no schema yet", _MIGRATE)
    if current != head:
        state.dispose()
        return None, fail(
            "state.schema", title, f"{shown} is at schema revision {current}, this code needs {head}", _MIGRATE
        )
    return state, ok("state.schema", title, f"{shown}, schema at revision {head} (the latest)")


def checks(
    settings: Settings, *, state: StateStore | None, listed: Mapping[str, datetime], now: datetime
) -> list[Check]:
    out = [guarded("store.billing", "Billing store", lambda: _billing(settings))]
    out.append(guarded("scheduler.leader", "Scheduler", lambda: _leader(state, now)))
    for uri in settings.sources:
        out.append(
            guarded(
                f"delivery.{uri}",
                f"Deliveries of {uri}",
                partial(_delivery, settings, state, uri, listed.get(uri), now),
            )
        )
    return out


def _billing(settings: Settings) -> Check:
    from bot.store.registry import open_store
    from bot.store.search_cluster import SearchClusterStore

    url = settings.billing_store_url
    shown = url.split("@")[-1] if "@" in url else url
    health: ClusterHealth | None = None
    try:
        store = open_store(url)
        try:
            periods = store.periods()
            if isinstance(store, SearchClusterStore):
                health = store.cluster_health()
        finally:
            store.close()
    except Exception as exc:
        return fail(
            "store.billing",
            "Billing store",
            f"{shown} does not answer: {type(exc).__name__}: {exc}",
            "Check TRACKIT_STORE_URL (and TRACKIT_ES_API_KEY / TRACKIT_ES_PASSWORD), and that the node runs "
            "or the directory is writable.",
        )
    if health is not None and health.status != "green":
        return _cluster_health(shown, health)
    if not periods:
        return warn(
            "store.billing",
            "Billing store",
            f"{shown} answers but holds no billing data",
            "Run `trackit ingest` once, or wait for the ingest job.",
        )
    newest = max(periods, key=lambda p: p.billing_period)
    return ok(
        "store.billing",
        "Billing store",
        f"{shown}: {len(periods)} billing periods, newest "
        f"{newest.billing_period:%Y-%m} with usage up to {newest.data_until:%Y-%m-%d %H:%M} UTC",
    )


def _cluster_health(shown: str, health: ClusterHealth) -> Check:
    """A search cluster whose billing indices are not all allocated: red fails (some answers would miss line
    items), yellow warns (answers are complete, but a replica is missing: one more node lost may lose data)."""
    where = (
        f"{shown}: cluster {health.status}, {health.unassigned_shards} shard(s) of the billing indices unassigned "
        f"on {health.nodes} node(s)"
    )
    if health.status == "red":
        return fail(
            "store.billing",
            "Billing store",
            f"{where}: a primary shard is missing, so answers would leave its line items out",
            "Bring the stopped nodes back (their data is on their disks); `GET _cluster/allocation/explain` says why "
            "a shard is not allocated. Once a period is loaded again (`trackit ingest`) it is whole.",
        )
    return warn(
        "store.billing",
        "Billing store",
        f"{where}: answers are complete, but a replica is missing, so losing one more node may lose a period",
        "Bring the stopped node back, or start another one; with a single node use replicas=auto or replicas=0 "
        "in the store URL.",
    )


def _leader(state: StateStore | None, now: datetime) -> Check:
    from bot.state.leader import current_leader

    if state is None:
        return skip("scheduler.leader", "Scheduler", "needs app state")
    leader = current_leader(state)
    if leader is None:
        return warn(
            "scheduler.leader",
            "Scheduler",
            "no replica holds the scheduler lease: no scheduled job runs",
            "Start `trackit serve` (without --no-jobs) on at least one replica; if one runs, check its "
            "logs for lease errors.",
        )
    until = f" (lease renewed until {leader.expires_at:%H:%M:%S} UTC)" if leader.expires_at else ""
    return ok("scheduler.leader", "Scheduler", f"jobs run on {leader.holder}{until}")


def _delivery(settings: Settings, state: StateStore | None, uri: str, listed: datetime | None, now: datetime) -> Check:
    from bot.ingest.source_health import judge_source
    from bot.state.ingest_runs import last_ingest_runs
    from bot.state.source_deliveries import delivery_times

    cid, title = f"delivery.{uri}", f"Deliveries of {uri}"
    if state is None:
        return skip(cid, title, "needs app state")
    times = list(delivery_times(state, uri))
    if listed is not None:
        times.append(listed)
    health = judge_source(uri, times, last_ingest_runs(state, limit=20, source_uri=uri), now)
    if health.status == "waiting":
        return warn(
            cid,
            title,
            "no delivery seen yet",
            "Wait for the export's first delivery (up to 24 h), then "
            "for the ingest job (every TRACKIT_INGEST_INTERVAL_MINUTES).",
        )
    if not health.healthy:
        return fail(cid, title, health.cause, health.fix)
    assert health.last_delivery is not None and health.silence is not None
    return ok(cid, title, f"last delivery {humanize(health.silence)} ago ({health.rhythm_text()})")
