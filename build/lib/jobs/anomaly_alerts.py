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
  A new alert's thread reference is recorded in the same transaction as its delivery (`record_alert_message`),
  and recovered from the delivery record if an older version crashed in between: follow-ups always find it.

Delivery: a failed post is retried with back-off (`run_retries` reruns the job every minute when one is due)
for as long as its episode is recent (`RECENT_DAYS`); an update ("bigger", "still going") is superseded by the
next one the plan makes. After downtime the next run sees every recent episode again: nothing to catch up
separately. When an earlier attempt may have posted and the channel cannot be read, a new alert is posted
again (a missed alert costs more than a doubled one) but a follow-up is not (a doubled update confuses more
than a missing one, and the next update follows).

Sensitivity feedback: "not an anomaly" raises the sensitivity factor stored on that alert; the series is then
judged with every threshold multiplied by its largest factor (`series_sensitivities`).
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from time import perf_counter

from apscheduler.triggers.cron import CronTrigger
from sqlalchemy.orm import Session

from bot.aws.cloudtrail import MAX_RESOURCES, ClientFor, Creators, LookupTarget, clients_for, find_creators
from bot.aws.session import AwsIdentity
from bot.billing.anomaly import (
    Anomaly,
    DetectorConfig,
    RootCause,
    Series,
    detect,
    detect_many,
    explain,
    scope_daily,
    series_from_store,
    sibling_typical,
)
from bot.billing.anomaly_changes import ChangeKind
from bot.billing.anomaly_period import PeriodChange, period_changes
from bot.billing.anomaly_rootcause import DEFAULT_CAUSE_DIMENSIONS
from bot.billing.currency import CurrencyScope, currency_scope
from bot.billing.model import UNTAGGED, CostBasis, Filter, TimeRange
from bot.billing.money import DEFAULT_CURRENCY, Money
from bot.billing.query import resolve_tag_key
from bot.billing.store import BillingStore
from bot.config import Settings
from bot.delivery import Deliverer, DeliveryOutcome, DeliveryPolicy
from bot.errors import NotFound, UserFacingError
from bot.scheduler import JobContext, JobScheduler
from bot.services import Services
from bot.slack.anomaly_cause import contributor_name, creations_message
from bot.slack.blocks import Message
from bot.slack.period_alerts import period_alert_message
from bot.slack.period_triage import period_alert_key, period_mutes, record_period_alert
from bot.slack.triage import AlertView, alert_message, follow_up_message
from bot.state.alerts import (
    AnomalyAlert,
    get_anomaly_alert,
    list_anomaly_alerts,
    record_alert_message,
    record_alert_progress,
    record_anomaly,
    set_alert_message,
    set_alert_progress,
)
from bot.state.audit import record_audit
from bot.state.db import StateStore
from bot.state.deliveries import DeliveryKey, due_retries, get_delivery
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
#: Reruns the job every minute when a failed post is due for another attempt.
RETRY_JOB_ID = "anomaly_alerts_retry"
#: A new alert is worth posting while its episode is recent; posted again when a doubtful attempt cannot be checked.
NEW_ALERT_POLICY = DeliveryPolicy(deadline=timedelta(days=RECENT_DAYS), when_unreadable="post")
#: A follow-up is not posted again on a doubt that cannot be checked (the next update follows).
FOLLOW_UP_POLICY = DeliveryPolicy(deadline=timedelta(days=RECENT_DAYS), when_unreadable="skip")

SCOPE_ALL = ""
#: Delivery job of the "who created it" thread replies: best effort, posted once after the alert and never
#: retried by the alert job's retry check (which only looks at `JOB_ID`).
CREATORS_JOB_ID = "anomaly_creators"
#: Who the audit trail names for the CloudTrail look-ups the job makes (no person asked for them).
AUDIT_USER = "trackit:anomaly_alerts"


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
        min_monthly_impact=config.min_monthly_impact * sensitivity,
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
        scope = scope_daily(series)
        by_dimension: dict[str, list[Series]] = {}
        for (dimension, _), s in series.items():
            by_dimension.setdefault(dimension, []).append(s)
        for key, factor in relaxed.items():
            cfg = scaled(config, factor)
            floor = max(cfg.min_impact, cfg.new_series_sibling_share * sibling_typical(by_dimension[key[0]]))
            found.extend(detect(series[key], cfg, since=since, new_series_floor=floor, scope_daily=scope))
        found.sort(key=lambda a: (-abs(a.impact), a.start, a.dimension, a.value))
    return found


#: Levels of detail, broadest first: the bill; an account, region or tag group (slices across services); a
#: service; a usage type or operation (of one service, mostly in one region); a resource. One event seen at
#: several levels is alerted once, at the most specific level that explains it (`choose_events`).
SLICE_LEVEL = {
    "total": 0,
    "account": 1,
    "region": 1,
    "service": 2,
    "usage-type": 3,
    "operation": 3,
    "resource": 4,
}
#: The most specific level an alert for a broader event names: a service. The usage types and
#: resources carrying it are its root cause (new, gone, usage vs rate), read right under the headline; they are
#: alerted on their own when nothing broader shows the event (one distribution's spike hidden in its service).
MOST_SPECIFIC_LEVEL = SLICE_LEVEL["service"]
#: Level of a dimension not listed: tag groups sit with accounts (an owner's slice across services).
TAG_LEVEL = 1
#: A more specific slice explains a broader episode when it carries at least this share of the broader one's
#: impact: "most of it", and no other slice of its dimension can then carry more (they share the rest).
EXPLAINS_SHARE = 0.5
#: Two episodes overlapping in time, going the same way, with impacts within this ratio of each other are one
#: event (the account and the total around a service spike).
SAME_EVENT_RATIO = 0.7


def slice_level(dimension: str) -> int:
    """How specific a slice of `dimension` is (see `SLICE_LEVEL`)."""
    return SLICE_LEVEL.get(dimension, TAG_LEVEL)


def _overlap_same_way(a: Anomaly, b: Anomaly) -> bool:
    return a.start < b.window_end and b.start < a.window_end and (a.impact >= 0) == (b.impact >= 0)


def same_event(a: Anomaly, kept: Detection) -> bool:
    """True when `a` shows the event `kept` reports: they overlap in time, go the same way, and either carry
    about the same money (impacts within `SAME_EVENT_RATIO`) or `a`'s slice is one of `kept`'s root-cause
    contributors in the same direction (the service inside a rise of the total)."""
    k = kept.anomaly
    if not _overlap_same_way(a, k):
        return False
    if min(abs(k.impact), abs(a.impact)) >= SAME_EVENT_RATIO * max(abs(k.impact), abs(a.impact)):
        return True
    if kept.cause is None:
        return False
    return any(c.key == a.value and (c.excess >= 0) == (a.impact >= 0) for c in kept.cause.top(a.dimension, 5))


def explains(specific: Anomaly, broad: Anomaly) -> bool:
    """Whether `specific` is a more detailed slice of the same event as `broad` carrying most of it: a higher
    level of detail, overlapping in time, the same way, and at least `EXPLAINS_SHARE` of `broad`'s impact."""
    return (
        slice_level(specific.dimension) > slice_level(broad.dimension)
        and _overlap_same_way(specific, broad)
        and abs(specific.impact) >= EXPLAINS_SHARE * abs(broad.impact)
    )


def _broadest_first(a: Anomaly) -> tuple[int, float, datetime, str, str]:
    return (slice_level(a.dimension), -abs(a.impact), a.start, a.dimension, a.value)


def _explainer(event: Sequence[Anomaly], anchor: Anomaly) -> Anomaly:
    """The member of `event` alerted for it: the most specific one up to `MOST_SPECIFIC_LEVEL` that explains
    `anchor` (the event's broadest episode), the bigger impact among equals; `anchor` itself when none does."""
    candidates = [a for a in event if slice_level(a.dimension) <= MOST_SPECIFIC_LEVEL and explains(a, anchor)]
    return max(candidates, key=lambda a: (slice_level(a.dimension), abs(a.impact)), default=anchor)


def choose_events(
    found: Sequence[Anomaly], explained: Callable[[Anomaly], Detection]
) -> list[tuple[Detection, Anomaly]]:
    """One entry per event among `found`: the event's broadest episode explained (`explained` gives its root
    cause), and the episode to alert for it (`_explainer`: the most specific slice carrying at least
    `EXPLAINS_SHARE` of it, or the broadest itself).

    Episodes are taken broadest level first, biggest impact first, so the result does not depend on the order
    they come in: an episode joins the first event it is part of (`same_event` with the event's broadest
    episode, or explains it), or starts its own."""
    events: list[tuple[Detection, list[Anomaly]]] = []
    for anomaly in sorted(found, key=_broadest_first):
        for anchor, members in events:
            if same_event(anomaly, anchor) or explains(anomaly, anchor.anomaly):
                members.append(anomaly)
                break
        else:
            events.append((explained(anomaly), [anomaly]))
    return [(anchor, _explainer(members, anchor.anomaly)) for anchor, members in events]


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
        limits={"resource": config.max_resource_series},
        recent_days=recent_days,
    )
    since = datetime.combine(end - timedelta(days=recent_days), time.min, tzinfo=UTC)
    found = detect_with_sensitivity(series, config, sensitivities or {}, since=since)
    tag_keys = route_tag_keys(store, route_keys)
    dimensions = (*DEFAULT_CAUSE_DIMENSIONS, *sorted({f"tag:{k}" for k in tag_keys.values()}))
    budget = [max_explained]

    def explained(anomaly: Anomaly) -> Detection:
        if budget[0] <= 0:
            return Detection(anomaly, None)
        budget[0] -= 1
        cause = explain(store, anomaly, basis=basis, dimensions=dimensions, filters=filters)
        tags: dict[str, str] = {}
        for route_key, stored in tag_keys.items():
            for c in cause.top(f"tag:{stored}", 3):
                if c.key not in ("", UNTAGGED) and c.share >= ROUTE_MIN_SHARE:
                    tags[route_key] = c.key
                    break
        return Detection(anomaly, cause, tags)

    out = [d if d.anomaly == rep else explained(rep) for d, rep in choose_events(found, explained)]
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
    #: Where the episode stands, recorded with the post's delivery (what the channel has been told).
    impact: float = 0.0
    end: date | None = None
    #: The root cause a new alert shows (its new resources are looked up in CloudTrail once it is posted).
    cause: RootCause | None = None

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
    return recipients_of_tags(state, detection.tags, scope, fallback)


def recipients_of_tags(state: StateStore, tags: Mapping[str, str], scope: Scope, fallback: str) -> tuple[str, ...]:
    """`recipients` for an alert whose cause carries the owner-tag values `tags` (none for period charges, which
    carry no tags: the `*=*` route, the unfiltered subscribers, else the ops channel)."""
    if scope.filters_text:
        return scope.channels
    channels = set(route_channels(state, tags)) | set(scope.channels)
    if not channels and fallback:
        channels.add(fallback)
    return tuple(sorted(channels))


def detection_delay(config: DetectorConfig) -> timedelta:
    """How long after its first day an episode may first be seen: the points the level and burst tests need,
    plus one day for a delivery that comes a day late. An episode older than this on the first run that sees
    it is not announced as new (it was missed, or it is an old event seen again under another start)."""
    return timedelta(days=max(config.level_points, config.burst_points) + 1)


def plan(
    state: StateStore,
    detections: Sequence[Detection],
    scope: Scope,
    *,
    now: datetime,
    config: DetectorConfig,
    data_end: date | None = None,
    symbol: str = "$",
    basis: CostBasis = CostBasis.UNBLENDED,
    fallback_channel: str = "",
    sensitivities: Mapping[tuple[str, str], float] | None = None,
    accounts: Mapping[str, str] | None = None,
) -> list[PlannedPost]:
    """Record every detection in app state and decide what to post (see the module docstring).

    New episode: an alert with triage buttons, only while it is recent: an episode that began more than
    `detection_delay` before `data_end` (the last complete day) is recorded but never posted as new. Known
    episode, in its thread: `over` once it ended, `bigger`
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
                # Muted: the state follows the episode at once. Otherwise its progress is recorded with the
                # follow-up that tells the channel, so one that never reached Slack is planned again.
                update_existing=muted,
            )
            if muted:
                continue
            end = a.end.date() if a.end else None
            if not created and alert.thread_ts is None:
                alert = thread_from_delivery(state, alert) or alert
            if created or alert.thread_ts is None:
                if data_end is not None and a.start.date() < data_end - detection_delay(config):
                    continue  # first seen too late to be news: posting it now would be a stale "new" alert
                message = alert_message(view, key)
                posts.append(
                    PlannedPost(
                        channel, key, "new", delivery_period(key, "new"), message, None, a.impact, end, detection.cause
                    )
                )
                continue
            unit = max(config.min_impact, 1.0)
            level = impact_level(a.impact, unit)
            if a.end is not None:
                kind, period = "over", "over"
            elif level > impact_level(alert.last_impact, unit):
                kind, period = "bigger", f"bigger-{level}"
            elif alert.created_at.date() < now.date() and abs(a.impact - alert.last_impact) >= 0.005:
                kind, period = "ongoing", f"ongoing-{now.date().isoformat()}"
            else:
                set_alert_progress(state, key, end=end, impact=a.impact, now=now)  # nothing worth telling
                continue
            posts.append(
                PlannedPost(
                    channel,
                    key,
                    kind,
                    delivery_period(key, period),
                    follow_up_message(kind, view),
                    alert.thread_ts,
                    a.impact,
                    end,
                )
            )
    return posts


def plan_period(
    state: StateStore,
    changes: Sequence[PeriodChange],
    scope: Scope,
    *,
    now: datetime,
    symbol: str = "$",
    fallback_channel: str = "",
    accounts: Mapping[str, str] | None = None,
) -> list[PlannedPost]:
    """One post per period-charge alert (`bot.billing.anomaly_period`) and channel, routed as an alert without
    owner tags; its delivery key names the charge, the month and the kind, so each is posted once ever. Each is
    recorded for its triage buttons; charges people muted (`bot.slack.period_triage`) are not told."""
    posts: list[PlannedPost] = []
    mutes = period_mutes(state, now)
    for change in changes:
        if mutes.silences(change):
            continue
        for channel in recipients_of_tags(state, {}, scope, fallback_channel):
            key = f"[{_digest(scope.filters_text, 8)}]{change.key}" if scope.filters_text else change.key
            triage_key = period_alert_key(key, channel)
            record_period_alert(state, triage_key, change, channel, now=now)
            message = period_alert_message(
                change, triage_key, symbol=symbol, accounts=accounts or {}, scope=scope.filters_text
            )
            period = delivery_period(f"{key}#{channel}", "period")
            posts.append(PlannedPost(channel, triage_key, "period", period, message, None, change.impact))
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


def alert_currency(store: BillingStore, filters: Sequence[Filter]) -> CurrencyScope:
    """The currency of the detection window (`HISTORY_DAYS` up to the last complete day) inside `filters`, and
    the filters that keep the detection in it. Raises `MixedCurrencies` for a window billed in several."""
    last = last_complete_day(store)
    if last is None:
        return CurrencyScope(DEFAULT_CURRENCY, tuple(filters))
    end = last + timedelta(days=1)
    return currency_scope(store, TimeRange(end - timedelta(days=HISTORY_DAYS), end), filters)


def run_alerts(
    services: Services,
    deliverer: Deliverer,
    *,
    config: DetectorConfig | None = None,
    now: datetime | None = None,
    cloudtrail: ClientFor | None = None,
) -> RunReport:
    """Detect, plan and post (see the module docstring). One failing channel or scope never stops the others.

    Once a new alert is posted, its new resources are looked up in CloudTrail (`cloudtrail`, default: the
    configured AWS access, `creator_clients`) and who created them is replied in its thread."""
    config = config or DetectorConfig()
    now = now or services.clock()
    settings = services.settings
    lookup = cloudtrail if cloudtrail is not None else creator_clients(settings)
    creators: dict[tuple[object, ...], Creators] = {}
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
            parsed = services.parse_filters(scope.filters_text).filters if scope.filters_text else ()
            in_currency = alert_currency(services.store, parsed)
        except UserFacingError as exc:
            log.warning("anomaly subscription filters %r: %s", scope.filters_text, exc.user_text())
            scope_errors[scope.filters_text] = exc.user_text()
            continue
        detections = detect_recent(
            services.store,
            config=config,
            basis=settings.cost_basis,
            filters=in_currency.filters,
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
            data_end=last_complete_day(services.store),
            symbol=Money(in_currency.currency).symbol,
            basis=settings.cost_basis,
            fallback_channel=settings.ops_channel,
            sensitivities=sensitivities,
            accounts=services.store.accounts(),
        )
        last = last_complete_day(services.store)
        if last is not None:
            changes = period_changes(
                services.store, last + timedelta(days=1), in_currency.filters, minimum=config.min_monthly_impact
            )
            total += len(changes)
            posts += plan_period(
                services.state,
                changes,
                scope,
                now=now,
                symbol=Money(in_currency.currency).symbol,
                fallback_channel=settings.ops_channel,
                accounts=services.store.accounts(),
            )
        for post in posts:
            outcome = deliver_post(deliverer, post, now)
            outcomes[outcome.outcome] = outcomes.get(outcome.outcome, 0) + 1
            if outcome.outcome in ("failed", "expired"):
                failed[post.channel] = outcome.error
            elif post.kind == "new" and outcome.outcome == "sent" and outcome.message_ts and lookup is not None:
                tell_creators(
                    services.state,
                    deliverer,
                    post,
                    thread_ts=outcome.message_ts,
                    lookup=lookup,
                    cache=creators,
                    now=now,
                )
    if total or outcomes:
        log.info("anomaly alerts: %d detection(s), posts %s", total, outcomes)
    return RunReport(total, outcomes, failed, scope_errors)


def deliver_post(deliverer: Deliverer, post: PlannedPost, now: datetime) -> DeliveryOutcome:
    """Post one planned alert or follow-up exactly once. What the channel has now been told (a new alert's
    thread reference; the episode's end and impact) is recorded in the same transaction as the delivery, also
    when the post is recovered after a crash: a post that never reached Slack is planned again by the next run."""

    def told(session: Session, ts: str) -> None:
        if post.kind == "new":
            record_alert_message(session, post.alert_key, channel_id=post.channel, message_ts=ts)
        record_alert_progress(session, post.alert_key, end=post.end, impact=post.impact, now=now)

    def posted(session: Session, ts: str) -> None:
        record_alert_message(session, post.alert_key, channel_id=post.channel, message_ts=ts)

    if post.kind == "period":  # where it was posted, for its triage buttons: no thread, no follow-ups
        return deliverer.post_message(post.delivery_key, post.message, policy=NEW_ALERT_POLICY, on_sent=posted)
    if post.kind != "new":
        return deliverer.post_message(
            post.delivery_key, post.message, policy=FOLLOW_UP_POLICY, thread_ts=post.thread_ts, on_sent=told
        )
    return deliverer.post_message(post.delivery_key, post.message, policy=NEW_ALERT_POLICY, on_sent=told)


def creator_clients(settings: Settings) -> ClientFor | None:
    """CloudTrail clients through the bot's AWS access, when it has AWS access to the estate configured (the
    inventory is enabled: the deployment's role then grants `cloudtrail:LookupEvents`); None otherwise."""
    if not settings.inventory_enabled:
        return None
    identity = AwsIdentity(
        profile=settings.aws_profile,
        role_arn=settings.aws_role_arn,
        external_id=settings.aws_external_id,
        region=settings.aws_region,
    )
    return clients_for(identity, settings.aws_member_role)


def new_resources(cause: RootCause | None) -> list[LookupTarget]:
    """The root cause's new resources worth a look-up, biggest first, at most `MAX_RESOURCES`."""
    if cause is None:
        return []
    found = [c for c in cause.changes if c.kind is ChangeKind.NEW and c.dimension == "resource"]
    return [LookupTarget(c.key, c.account, c.region) for c in found[:MAX_RESOURCES]]


def tell_creators(
    state: StateStore,
    deliverer: Deliverer,
    post: PlannedPost,
    *,
    thread_ts: str,
    lookup: ClientFor,
    cache: dict[tuple[object, ...], Creators],
    now: datetime,
) -> None:
    """Look up who created the new resources of a just-posted alert (once per set of resources and window in a
    run, each look-up audited) and reply in the alert's thread when CloudTrail named anyone. Never raises for AWS
    trouble."""
    cause = post.cause
    targets = new_resources(cause)
    if cause is None or not targets:
        return
    asked = (*targets, cause.baseline_window.start, cause.anomaly_window.end)  # the same look-ups, the same answer
    found = cache.get(asked)
    if found is None:
        started = perf_counter()
        window_end = datetime.combine(cause.anomaly_window.end, time.min, tzinfo=UTC)
        found = find_creators(
            targets,
            lookup,
            start=datetime.combine(cause.baseline_window.start, time.min, tzinfo=UTC),
            end=min(now, window_end),
        )
        cache[asked] = found
        ms = round((perf_counter() - started) * 1000)
        for item in found.lookups:
            where = f"{item.account or 'unknown account'} {item.region or 'no region'}"
            record_audit(
                state,
                user_id=AUDIT_USER,
                channel_id=post.channel,
                command="cloudtrail:LookupEvents",
                text=f"{item.resource} in {where}: {item.outcome} ({item.calls} call(s))",
                outcome=_AUDIT_OUTCOME.get(item.outcome, "error"),
                duration_ms=ms if item is found.lookups[0] else 0,
                at=now,
            )
        log.info("cloudtrail look-ups for %s: %s", post.alert_key, [(x.resource, x.outcome) for x in found.lookups])
    if not found.creations:
        return
    names = {c.key: contributor_name(c) for c in cause.changes[: len(targets) + 10]}
    key = DeliveryKey(CREATORS_JOB_ID, post.channel, delivery_period(post.alert_key, "creators"))
    deliverer.post_message(key, creations_message(found.creations, names), policy=FOLLOW_UP_POLICY, thread_ts=thread_ts)


#: Audit outcome of a look-up: it ran (found or not), was refused, or failed (skipped for another reason).
_AUDIT_OUTCOME = {"found": "ok", "not found": "ok", "access denied": "denied"}


def thread_from_delivery(state: StateStore, alert: AnomalyAlert) -> AnomalyAlert | None:
    """An alert without a thread reference whose "new" post was delivered (an older version crashed between
    the two records): the reference, taken back from the delivery record. None when it was not delivered."""
    record = get_delivery(state, DeliveryKey(JOB_ID, alert.channel_id, delivery_period(alert.key, "new")))
    if record is None or record.status != "sent" or not record.message_ts:
        return None
    return set_alert_message(state, alert.key, channel_id=alert.channel_id, message_ts=record.message_ts)


def run(ctx: JobContext) -> None:
    """The scheduled entry point (also run right after each ingest: `ctx.run_now(JOB_ID)`)."""
    run_alerts(ctx.services, ctx.deliverer, now=ctx.now())


def run_retries(ctx: JobContext) -> None:
    """Run the job now if a failed post's back-off has passed (one indexed count when none has)."""
    if due_retries(ctx.services.state, JOB_ID, now=ctx.now(), stale_after=ctx.deliverer.stale_after):
        run(ctx)


def schedule(scheduler: JobScheduler, services: Services) -> None:
    """Register the hourly run under the fixed id `JOB_ID` (the ingest job also triggers it after new data) and
    the every-minute retry check under `RETRY_JOB_ID`."""
    scheduler.add_job(JOB_ID, run, scheduler.every(minutes=INTERVAL_MINUTES))
    scheduler.add_job(RETRY_JOB_ID, run_retries, CronTrigger(minute="*", timezone="UTC"))


#: What `trackit preview` writes for one message: a name, the message, and its files (name, bytes).
Rendered = tuple[str, Message, tuple[tuple[str, bytes], ...]]


def preview(services: Services, filters_text: str = "", *, config: DetectorConfig | None = None) -> list[Rendered]:
    """The alerts the current data would raise, as new alerts (anomaly episodes, then period-charge alerts), each
    named with the channels it would go to (routes, subscribers, ops channel; `unrouted` when none). Reads the
    store and app state, writes nothing."""
    config = config or DetectorConfig()
    settings = services.settings
    parsed = services.parse_filters(filters_text).filters if filters_text else ()
    in_currency = alert_currency(services.store, parsed)
    scope = next((s for s in scopes(services) if s.filters_text == filters_text), Scope(filters_text))
    detections = detect_recent(
        services.store,
        config=config,
        basis=settings.cost_basis,
        filters=in_currency.filters,
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
            detection.anomaly,
            detection.cause,
            Money(in_currency.currency).symbol,
            settings.cost_basis,
            filters_text,
            accounts,
        )
        key = alert_key(detection.anomaly, channels[0] if channels else "preview", filters_text)
        out.append((f"alert-{i:02d}-to-{'-'.join(channels) or 'unrouted'}", alert_message(view, key), ()))
    last = last_complete_day(services.store)
    changes = (
        period_changes(services.store, last + timedelta(days=1), in_currency.filters, minimum=config.min_monthly_impact)
        if last is not None
        else []
    )
    channels = recipients_of_tags(services.state, {}, scope, settings.ops_channel)
    for i, change in enumerate(changes, start=1):
        message = period_alert_message(
            change,
            period_alert_key(change.key, channels[0] if channels else "preview"),
            symbol=Money(in_currency.currency).symbol,
            accounts=accounts,
            scope=filters_text,
        )
        out.append((f"charge-{i:02d}-to-{'-'.join(channels) or 'unrouted'}", message, ()))
    return out
