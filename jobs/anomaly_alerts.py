"""Anomaly alerts: after each ingest (and on a schedule), find new or changed anomaly episodes and tell the
channels that own them, once.

compute -> render -> deliver:

- `detect_recent(store, ...)` (pure: store in, detections out) builds daily series from the store, detects the
  episodes touching the last `RECENT_DAYS` complete days, and explains each down to resources and owner tags.
- `plan(...)` decides, with app state, what each channel gets: a new alert, or a follow-up in the alert's
  thread (the episode is over, got bigger, or is still going), nothing when muted (snoozed, expected, not an
  anomaly). Routing: the root cause's owner-tag values through `route_channels` (with its `*=*` fallback),
  plus channels subscribed to `anomalies`; the ops channel when nobody else would hear of it. A subscription
  with filters gets its own detection inside those filters.
- `run(services, deliverer)` posts through `Deliverer` (bot.delivery): each post has the key
  (anomaly_alerts, channel, episode + update kind), so a rerun, a restart or a second replica never repeats it.

Sensitivity feedback: "not an anomaly" raises the sensitivity factor stored on that alert; the series is then
judged with every threshold multiplied by its largest factor (`series_sensitivities`).
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta

from bot.billing.anomaly import (
    Anomaly,
    DetectorConfig,
    RootCause,
    Series,
    detect,
    detect_many,
    explain,
    series_from_store,
    sibling_typical,
)
from bot.billing.anomaly_rootcause import DEFAULT_CAUSE_DIMENSIONS
from bot.billing.model import UNTAGGED, CostBasis, Filter, TimeRange
from bot.billing.query import resolve_tag_key
from bot.billing.store import BillingStore
from bot.delivery import Deliverer
from bot.errors import NotFound, UserFacingError
from bot.scheduler import JobContext, JobScheduler
from bot.services import Services
from bot.slack.blocks import Message
from bot.slack.triage import AlertView, alert_message, follow_up_message
from bot.state.alerts import AnomalyAlert, get_anomaly_alert, list_anomaly_alerts, record_anomaly, set_alert_message
from bot.state.db import StateStore
from bot.state.deliveries import DeliveryKey
from bot.state.routes import WILDCARD, list_routes, route_channels
from bot.state.subscriptions import list_subscriptions

log = logging.getLogger("jobs.anomaly_alerts")

JOB_ID = "anomaly_alerts"
#: Days of history loaded before the judged days (the model needs 21+ days, monthly charges 31+).
HISTORY_DAYS = 70
#: Episodes touching the last this many complete days are (re)considered each run: long enough to catch up
#: after a week of downtime and to see an episode end (it ends once two quiet days followed it).
RECENT_DAYS = 7
#: A contributor's share of the excess for its owner tag to route the alert.
ROUTE_MIN_SHARE = 0.25
#: How often the job runs besides after each ingest.
INTERVAL_MINUTES = 60

SCOPE_ALL = ""


# ------------------------------------------------------------------------------------------- compute


@dataclass(frozen=True)
class Detection:
    """One anomaly episode with its root cause and the owner-tag values of its main contributors."""

    anomaly: Anomaly
    cause: RootCause | None
    #: route tag key (as the route names it) -> value carried by the cause (for `route_channels`)
    tags: Mapping[str, str] = field(default_factory=dict)


def last_complete_day(store: BillingStore) -> date | None:
    """The newest UTC day the store holds completely (data reaching its end); None for an empty store."""
    until = store.freshness().data_until
    if until is None:
        return None
    until = until if until.tzinfo else until.replace(tzinfo=UTC)
    return until.date() - timedelta(days=1)


def scaled(config: DetectorConfig, sensitivity: float) -> DetectorConfig:
    """`config` with every threshold multiplied by `sensitivity` (>1 alerts less)."""
    if sensitivity == 1.0:
        return config
    return replace(
        config,
        z_point=config.z_point * sensitivity,
        z_level=config.z_level * sensitivity,
        min_relative=config.min_relative * sensitivity,
        min_impact=config.min_impact * sensitivity,
    )


def detect_with_sensitivity(
    series: Mapping[tuple[str, str], Series],
    config: DetectorConfig,
    sensitivities: Mapping[tuple[str, str], float],
    *,
    since: datetime | None,
) -> list[Anomaly]:
    """`detect_many`, except that series with a sensitivity factor other than 1 are judged with scaled
    thresholds (same sibling rule for new series). Biggest impact first."""
    relaxed = {k: s for k, s in sensitivities.items() if k in series and s != 1.0}
    plain = {k: s for k, s in series.items() if k not in relaxed}
    found = detect_many(plain, config, since=since)
    if relaxed:
        by_dimension: dict[str, list[Series]] = {}
        for (dimension, _), s in series.items():
            by_dimension.setdefault(dimension, []).append(s)
        for key, factor in relaxed.items():
            cfg = scaled(config, factor)
            floor = max(cfg.min_impact, cfg.new_series_sibling_share * sibling_typical(by_dimension[key[0]]))
            found.extend(detect(series[key], cfg, since=since, new_series_floor=floor))
        found.sort(key=lambda a: (-abs(a.impact), a.start, a.dimension, a.value))
    return found


#: When several slices show the same event, the alert names the first of these (the root cause shows the rest).
SLICE_PREFERENCE = ("service", "account", "usage-type", "region", "operation", "resource")
#: Two episodes overlapping in time with impacts within this ratio of each other are one event.
SAME_EVENT_RATIO = 0.7


def _preference(anomaly: Anomaly) -> int:
    if anomaly.dimension in SLICE_PREFERENCE:
        return SLICE_PREFERENCE.index(anomaly.dimension)
    return len(SLICE_PREFERENCE) + (0 if anomaly.dimension.startswith("tag:") else 1)


def same_event(a: Anomaly, kept: Detection) -> bool:
    """True when `a` shows the event `kept` already reports: they overlap in time, go the same way, and either
    carry about the same money (impacts within `SAME_EVENT_RATIO`: the account and total around a service
    spike) or `a`'s slice is one of `kept`'s root-cause contributors (the usage type inside a service spike)."""
    k = kept.anomaly
    if not (k.start < a.window_end and a.start < k.window_end and (k.impact >= 0) == (a.impact >= 0)):
        return False
    if min(abs(k.impact), abs(a.impact)) >= SAME_EVENT_RATIO * max(abs(k.impact), abs(a.impact)):
        return True
    if kept.cause is None:
        return False
    return any(c.key == a.value and (c.excess >= 0) == (a.impact >= 0) for c in kept.cause.top(a.dimension, 5))


def route_tag_keys(store: BillingStore, route_keys: Sequence[str]) -> dict[str, str]:
    """route tag key -> the stored tag key it names (`team` -> `user:team`); keys unknown to the store are left
    out (nothing can carry them)."""
    out: dict[str, str] = {}
    for key in route_keys:
        if key == WILDCARD:
            continue
        try:
            out[key] = resolve_tag_key(store, key)
        except NotFound:
            continue
    return out


def detect_recent(
    store: BillingStore,
    *,
    config: DetectorConfig | None = None,
    basis: CostBasis = CostBasis.UNBLENDED,
    filters: Sequence[Filter] = (),
    sensitivities: Mapping[tuple[str, str], float] | None = None,
    route_keys: Sequence[str] = (),
    recent_days: int = RECENT_DAYS,
    max_explained: int = 50,
) -> list[Detection]:
    """Episodes touching the last `recent_days` complete days of the store (inside `filters`), one per event
    (`same_event`), biggest impact first, each explained down to the resource; for every route key, the tag
    value of the cause's main contributor (share >= `ROUTE_MIN_SHARE`) in `Detection.tags`. Pure: reads the
    store only."""
    config = config or DetectorConfig()
    last = last_complete_day(store)
    if last is None:
        return []
    end = last + timedelta(days=1)
    series = series_from_store(
        store,
        TimeRange(end - timedelta(days=HISTORY_DAYS), end),
        config.dimensions,
        basis,
        filters=filters,
        max_per_dimension=config.max_series_per_dimension,
    )
    since = datetime.combine(end - timedelta(days=recent_days), time.min, tzinfo=UTC)
    found = detect_with_sensitivity(series, config, sensitivities or {}, since=since)
    tag_keys = route_tag_keys(store, route_keys)
    dimensions = (*DEFAULT_CAUSE_DIMENSIONS, *sorted({f"tag:{k}" for k in tag_keys.values()}))
    out: list[Detection] = []
    # Preferred slices first, so the alert names the service and the account or usage type moved by the same
    # event are recognised as part of it (one alert per event, not one per slice).
    for anomaly in sorted(found, key=lambda x: (_preference(x), -abs(x.impact), x.start, x.value)):
        if any(same_event(anomaly, kept) for kept in out):
            continue
        if len(out) >= max_explained:
            out.append(Detection(anomaly, None))
            continue
        cause = explain(store, anomaly, basis=basis, dimensions=dimensions, filters=filters)
        tags: dict[str, str] = {}
        for route_key, stored in tag_keys.items():
            for c in cause.top(f"tag:{stored}", 3):
                if c.key not in ("", UNTAGGED) and c.share >= ROUTE_MIN_SHARE:
                    tags[route_key] = c.key
                    break
        out.append(Detection(anomaly, cause, tags))
    out.sort(key=lambda d: (-abs(d.anomaly.impact), d.anomaly.start, d.anomaly.dimension, d.anomaly.value))
    return out


# ------------------------------------------------------------------------------------------------ plan


@dataclass(frozen=True)
class Scope:
    """A detection scope: everything (`filters_text == ""`), or one filtered subscription's slice."""

    filters_text: str
    filters: tuple[Filter, ...] = ()
    channels: tuple[str, ...] = ()  # subscribers of this scope


@dataclass(frozen=True)
class PlannedPost:
    """One post the job wants to make: a new alert, or a follow-up (`over`, `bigger`, `ongoing`) in its thread."""

    channel: str
    alert_key: str
    kind: str
    period: str  # the delivery key's period: stable text naming the episode and the update
    message: Message
    thread_ts: str | None = None

    @property
    def delivery_key(self) -> DeliveryKey:
        return DeliveryKey(JOB_ID, self.channel, self.period)


def alert_key(anomaly: Anomaly, channel: str, scope: str = SCOPE_ALL) -> str:
    """The alert's identity in app state: one per episode, channel and scope (at most 255 characters)."""
    prefix = f"[{_digest(scope, 8)}]" if scope else ""
    key = f"{prefix}{anomaly.key}#{channel}"
    return key if len(key) <= 255 else f"{prefix}{anomaly.dimension[:40]}@{_digest(key, 32)}#{channel}"


def _digest(text: str, n: int) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:n]


def delivery_period(key: str, kind: str) -> str:
    """Delivery period text for an alert update (fits the 64 characters of the delivery key's period)."""
    return f"{_digest(key, 20)}:{kind}"[:64]


def impact_level(impact: float, unit: float) -> int:
    """Doublings of |impact| over `unit` (0 below 2x): a follow-up says "bigger" each time this goes up."""
    if unit <= 0 or abs(impact) < 2 * unit:
        return 0
    return math.floor(math.log2(abs(impact) / unit))


def series_sensitivities(state: StateStore) -> dict[tuple[str, str], float]:
    """Per series (dimension, value): the largest sensitivity factor of its alerts marked "not an anomaly"."""
    out: dict[tuple[str, str], float] = {}
    for alert in list_anomaly_alerts(state, status="not_anomaly", limit=10_000):
        key = (alert.dimension, alert.value)
        out[key] = max(out.get(key, 1.0), alert.sensitivity)
    return out


def snoozed_series(state: StateStore, now: datetime) -> set[tuple[str, str]]:
    """Series with a snooze still running: no new episode of them alerts until it ends."""
    return {
        (a.dimension, a.value) for a in list_anomaly_alerts(state, status="snoozed", limit=10_000) if a.is_muted(now)
    }


def recipients(state: StateStore, detection: Detection, scope: Scope, fallback: str) -> tuple[str, ...]:
    """Channels for a detection: for the whole bill, the routed channels (owner tags, else the `*=*` route) and
    the unfiltered `anomalies` subscribers, else `fallback` (the ops channel); for a filtered scope, its
    subscribers."""
    if scope.filters_text:
        return scope.channels
    channels = set(route_channels(state, detection.tags)) | set(scope.channels)
    if not channels and fallback:
        channels.add(fallback)
    return tuple(sorted(channels))


def plan(
    state: StateStore,
    detections: Sequence[Detection],
    scope: Scope,
    *,
    now: datetime,
    config: DetectorConfig,
    symbol: str = "$",
    basis: CostBasis = CostBasis.UNBLENDED,
    fallback_channel: str = "",
    sensitivities: Mapping[tuple[str, str], float] | None = None,
    accounts: Mapping[str, str] | None = None,
) -> list[PlannedPost]:
    """Record every detection in app state and decide what to post (see the module docstring).

    New episode: an alert with triage buttons. Known episode, in its thread: `over` once it ended, `bigger`
    each time its impact doubles again, else `ongoing` once a day (not on the day of the alert) when the
    impact changed. Muted episodes (snoozed, expected, not an anomaly, in any channel) and episodes of a series
    under a running snooze get nothing.
    """
    sensitivities = sensitivities or {}
    accounts = accounts or {}
    snoozed = snoozed_series(state, now)
    posts: list[PlannedPost] = []
    for detection in detections:
        a = detection.anomaly
        view = AlertView(a, detection.cause, symbol, basis, scope.filters_text, accounts)
        channels = recipients(state, detection, scope, fallback_channel)
        keys = {channel: alert_key(a, channel, scope.filters_text) for channel in channels}
        known: dict[str, AnomalyAlert | None] = {c: get_anomaly_alert(state, k) for c, k in keys.items()}
        muted = any(x is not None and x.is_muted(now) for x in known.values())
        if (a.dimension, a.value) in snoozed and all(x is None for x in known.values()):
            muted = True
        for channel, key in keys.items():
            before = known[channel]
            if muted and before is None:
                continue
            alert, created = record_anomaly(
                state,
                key=key,
                dimension=a.dimension,
                value=a.value,
                start=a.start.date(),
                end=a.end.date() if a.end else None,
                channel_id=channel,
                impact=a.impact,
                sensitivity=sensitivities.get((a.dimension, a.value), 1.0),
                now=now,
            )
            if muted:
                continue
            if created or alert.thread_ts is None:
                posts.append(PlannedPost(channel, key, "new", delivery_period(key, "new"), alert_message(view, key)))
                continue
            assert before is not None
            unit = max(config.min_impact, 1.0)
            level = impact_level(a.impact, unit)
            if a.end is not None:
                kind, period = "over", "over"
            elif level > impact_level(before.last_impact, unit):
                kind, period = "bigger", f"bigger-{level}"
            elif alert.created_at.date() < now.date() and abs(a.impact - before.last_impact) >= 0.005:
                kind, period = "ongoing", f"ongoing-{now.date().isoformat()}"
            else:
                continue
            posts.append(
                PlannedPost(
                    channel, key, kind, delivery_period(key, period), follow_up_message(kind, view), alert.thread_ts
                )
            )
    return posts


# ------------------------------------------------------------------------------------------------- run


@dataclass(frozen=True)
class RunReport:
    """What one run did: posts by outcome (`sent`, `skipped`, `failed`, `recovered`), and scopes that failed."""

    detections: int
    outcomes: Mapping[str, int]
    failed_channels: Mapping[str, str]
    scope_errors: Mapping[str, str]


def scopes(services: Services) -> list[Scope]:
    """The whole bill (unfiltered subscribers) plus one scope per distinct filter text of `anomalies`
    subscriptions. Raises UserFacingError (from the grammar) for filters the store no longer understands."""
    by_filters: dict[str, list[str]] = {}
    for sub in list_subscriptions(services.state, kind="anomalies"):
        by_filters.setdefault(sub.filters, []).append(sub.channel_id)
    out = [Scope(SCOPE_ALL, (), tuple(sorted(set(by_filters.pop(SCOPE_ALL, [])))))]
    for text, channels in sorted(by_filters.items()):
        out.append(Scope(text, (), tuple(sorted(set(channels)))))
    return out


def run_alerts(
    services: Services,
    deliverer: Deliverer,
    *,
    config: DetectorConfig | None = None,
    now: datetime | None = None,
) -> RunReport:
    """Detect, plan and post (see the module docstring). One failing channel or scope never stops the others."""
    config = config or DetectorConfig()
    now = now or services.clock()
    settings = services.settings
    sensitivities = series_sensitivities(services.state)
    routes = list_routes(services.state)
    route_keys = sorted({r.tag_key for r in routes if not r.is_fallback})
    outcomes: dict[str, int] = {}
    failed: dict[str, str] = {}
    scope_errors: dict[str, str] = {}
    total = 0
    for scope in scopes(services):
        if not scope.channels and (scope.filters_text or not (routes or settings.ops_channel)):
            continue  # nobody would hear of it: do not spend a detection on it
        try:
            filters = services.parse_filters(scope.filters_text).filters if scope.filters_text else ()
        except UserFacingError as exc:
            log.warning("anomaly subscription filters %r: %s", scope.filters_text, exc.user_text())
            scope_errors[scope.filters_text] = exc.user_text()
            continue
        detections = detect_recent(
            services.store,
            config=config,
            basis=settings.cost_basis,
            filters=filters,
            sensitivities=sensitivities,
            route_keys=route_keys if not scope.filters_text else (),
        )
        total += len(detections)
        posts = plan(
            services.state,
            detections,
            scope,
            now=now,
            config=config,
            symbol=settings.currency_symbol,
            basis=settings.cost_basis,
            fallback_channel=settings.ops_channel,
            sensitivities=sensitivities,
            accounts=services.store.accounts(),
        )
        for post in posts:
            outcome = deliverer.post_message(post.delivery_key, post.message, thread_ts=post.thread_ts)
            outcomes[outcome.outcome] = outcomes.get(outcome.outcome, 0) + 1
            if outcome.outcome == "failed":
                failed[post.channel] = outcome.error
            elif post.kind == "new" and outcome.message_ts:
                set_alert_message(
                    services.state, post.alert_key, channel_id=post.channel, message_ts=outcome.message_ts
                )
    if total or outcomes:
        log.info("anomaly alerts: %d detection(s), posts %s", total, outcomes)
    return RunReport(total, outcomes, failed, scope_errors)


def run(ctx: JobContext) -> None:
    """The scheduled entry point (also run right after each ingest: `ctx.run_now(JOB_ID)`)."""
    run_alerts(ctx.services, ctx.deliverer, now=ctx.now())


def schedule(scheduler: JobScheduler, services: Services) -> None:
    """Register the hourly run under the fixed id `JOB_ID` (the ingest job also triggers it after new data)."""
    scheduler.add_job(JOB_ID, run, scheduler.every(minutes=INTERVAL_MINUTES))


#: What `trackit preview` writes for one message: a name, the message, and its files (name, bytes).
Rendered = tuple[str, Message, tuple[tuple[str, bytes], ...]]


def preview(services: Services, filters_text: str = "", *, config: DetectorConfig | None = None) -> list[Rendered]:
    """The alerts the current data would raise, as new alerts, each named with the channels it would go to
    (routes, subscribers, ops channel; `unrouted` when none). Reads the store and app state, writes nothing."""
    config = config or DetectorConfig()
    settings = services.settings
    filters = services.parse_filters(filters_text).filters if filters_text else ()
    scope = next((s for s in scopes(services) if s.filters_text == filters_text), Scope(filters_text))
    detections = detect_recent(
        services.store,
        config=config,
        basis=settings.cost_basis,
        filters=filters,
        sensitivities=series_sensitivities(services.state),
        route_keys=()
        if filters_text
        else sorted({r.tag_key for r in list_routes(services.state) if not r.is_fallback}),
    )
    accounts = services.store.accounts()
    out: list[Rendered] = []
    for i, detection in enumerate(detections, start=1):
        channels = recipients(services.state, detection, scope, settings.ops_channel)
        view = AlertView(
            detection.anomaly, detection.cause, settings.currency_symbol, settings.cost_basis, filters_text, accounts
        )
        key = alert_key(detection.anomaly, channels[0] if channels else "preview", filters_text)
        out.append((f"alert-{i:02d}-to-{'-'.join(channels) or 'unrouted'}", alert_message(view, key), ()))
    return out
