"""Weekly and monthly digests for managers: a short written summary, four charts and TrackIt's spreadsheet.

A `weekly` subscription gets, each Monday at its time (in its zone), the previous ISO week (Monday to Sunday);
a `monthly` one gets, on the 1st, the previous calendar month. Each digest holds:

- the summary: total vs the previous period (like for like, `bot.billing.pace`: while the export has not
  reached the period's end, its complete days against the same days before; "no data" when the store holds
  none for the previous period), the top services, the biggest movers in usage-driven spend (the fees, tax and
  credits booked on the 1st are reported on their own line, not as a service's move), freshness;
- charts (`bot.charts`, uploaded with `files_upload_v2`): daily spend stacked by the top services for the month
  the period ends in, the last 6 months by service, cost by account (or by the chosen tag key), top movers
  against the previous period (month over month for the monthly digest, week over week for the weekly one);
- the XLSX workbook of `bot.reports.xlsx`.

`compute_digest()`/`render_digest()`/`build_digest()` are pure (store in, digest out); `run()` delivers each
due digest exactly once (key: job, channel, `<period start>/<subscription id>`): the summary message carries the
delivery metadata, the files follow in the same channel as a delivery of their own (key `.../files`).

Delivery: a weekly digest is still posted up to five days late, a monthly one up to ten (`POLICY`), saying so
from an hour late; after downtime each missed period within that window gets its digest. The files are part of
the delivery: retried with back-off for six hours (`FILES_POLICY`); when they finally cannot be attached (or
Slack refuses them outright), the summary message is updated to say so and why.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from bot.billing.basis import require_basis
from bot.billing.charges import PERIOD_CHARGES, USAGE_ONLY
from bot.billing.currency import currency_scope
from bot.billing.dates import day_text
from bot.billing.model import (
    UNTAGGED,
    AggregateRequest,
    CostBasis,
    Dimension,
    DimensionRef,
    Filter,
    Freshness,
    Granularity,
    TimeRange,
)
from bot.billing.money import Money, format_pct
from bot.billing.pace import covers, cutoff_from, elapsed_span, previous_span
from bot.billing.periods import add_months, month_start
from bot.billing.store import BillingStore
from bot.billing.vocabulary import account_label, short_service_name
from bot.charts import Chart, monthly_by_series, movers, ranked_bars, stacked_daily
from bot.delivery import DeliveryPolicy, Due, FileUpload, with_note
from bot.errors import UserFacingError
from bot.reports.xlsx import report_sheets, resource_data, workbook_bytes
from bot.scheduler import JobContext, JobScheduler, latest_occurrence, local_date, occurrences
from bot.services import Services
from bot.slack.blocks import Message, context, fields, header, message, section
from bot.slack.render import freshness_text
from bot.state.deliveries import DeliveryKey, DeliveryRecord, get_deliveries
from bot.state.inventory import InventorySnapshot, latest_snapshot
from bot.state.subscriptions import Subscription, list_subscriptions

log = logging.getLogger(__name__)

DigestKind = Literal["weekly", "monthly"]
JOB_IDS: dict[DigestKind, str] = {"weekly": "weekly_digest", "monthly": "monthly_digest"}
#: Series shown by name in the stacked charts (the rest is "Other").
TOP_SERVICES = 5
#: Bars in the cost-by-account (or tag) chart, and movers each way.
TOP_BARS = 8
TOP_MOVERS = 4
MONTHS = 6
MIN_MOVE = 0.005
OTHER = "Other"
#: How late a digest is still worth posting (a week's news keeps for days, a month's a little longer); it says
#: it is late from an hour on; a doubtful earlier attempt that cannot be checked is posted again.
POLICY: dict[DigestKind, DeliveryPolicy] = {
    "weekly": DeliveryPolicy(deadline=timedelta(days=5), late_after=timedelta(hours=1), when_unreadable="post"),
    "monthly": DeliveryPolicy(deadline=timedelta(days=10), late_after=timedelta(hours=1), when_unreadable="post"),
}
#: The charts and workbook are retried for six hours after the summary, then the summary says they are missing.
FILES_POLICY = DeliveryPolicy(deadline=timedelta(hours=6), when_unreadable="post")

_SERVICE = DimensionRef(Dimension.SERVICE)
_ACCOUNT = DimensionRef(Dimension.ACCOUNT)


def check_kind(kind: str) -> DigestKind:
    if kind == "weekly":
        return "weekly"
    if kind == "monthly":
        return "monthly"
    raise ValueError(f"digest kind must be weekly or monthly, not {kind!r}")


def report_period(kind: DigestKind, day: date) -> TimeRange:
    """The period a digest posted on (local) `day` reports: the last whole ISO week (Monday to Sunday) before
    `day`, or the last whole calendar month before it."""
    if kind == "weekly":
        monday = day - timedelta(days=day.weekday())
        return TimeRange(monday - timedelta(days=7), monday, "last week")
    first = month_start(day)
    return TimeRange(add_months(first, -1), first, "last month")


def previous_period(kind: DigestKind, period: TimeRange) -> TimeRange:
    if kind == "weekly":
        return TimeRange(period.start - timedelta(days=7), period.start, "the week before")
    return TimeRange(add_months(period.start, -1), period.start, "the month before")


# ----------------------------------------------------------------------------------------------- compute


@dataclass(frozen=True)
class DigestData:
    """The numbers of one digest (costs in `basis`); every series is already folded into top N + Other."""

    kind: DigestKind
    period: TimeRange
    previous: TimeRange
    basis: CostBasis
    filters_text: str
    total: float
    previous_total: float | None  # over `previous`; None: the store holds no data for it
    by_service: tuple[tuple[str, float], ...]  # (service, cost), cost descending
    month: TimeRange  # the month the daily chart covers (up to the period's end)
    days: tuple[date, ...]
    daily: Mapping[str, tuple[float, ...]]
    months: tuple[date, ...]
    monthly: Mapping[str, tuple[float, ...]]
    breakdown_title: str
    breakdown: tuple[tuple[str, float], ...]
    freshness: Freshness
    compared: TimeRange | None = None  # the complete days compared with `previous` (None: none yet)
    compared_total: float = 0.0
    usage_moves: tuple[tuple[str, float, float], ...] = ()  # (service, usage-driven now, before) over the spans
    period_charges: float = 0.0  # fees, tax, credits over `compared`
    previous_period_charges: float = 0.0  # over `previous`

    @property
    def in_progress(self) -> bool:
        return self.compared is not None and self.compared.end < self.period.end

    @property
    def change(self) -> float | None:
        return None if self.previous_total is None else self.compared_total - self.previous_total

    @property
    def change_pct(self) -> float | None:
        change = self.change
        return change / abs(self.previous_total) * 100.0 if change is not None and self.previous_total else None

    @property
    def movers(self) -> tuple[tuple[str, float], ...]:
        """Services by change in usage-driven spend against the previous period: the biggest increases and
        decreases (none without data for the previous period)."""
        if self.previous_total is None:
            return ()
        moves = self.usage_moves
        changes = [(name, now - before) for name, now, before in moves if abs(now - before) >= MIN_MOVE]
        ups = sorted((c for c in changes if c[1] > 0), key=lambda c: (-c[1], c[0]))[:TOP_MOVERS]
        downs = sorted((c for c in changes if c[1] < 0), key=lambda c: (c[1], c[0]))[:TOP_MOVERS]
        return (*ups, *downs)


def _fold(
    rows: Sequence[tuple[str, int, float]], width: int, top: int
) -> tuple[dict[str, tuple[float, ...]], list[str]]:
    """(name, column, cost) cells -> {name: values} for the `top` names by total plus `OTHER` (when any)."""
    totals: dict[str, float] = {}
    for name, _, cost in rows:
        totals[name] = totals.get(name, 0.0) + cost
    names = [n for n, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]
    kept = names[:top]
    series: dict[str, list[float]] = {n: [0.0] * width for n in kept}
    if len(names) > top:
        series[OTHER] = [0.0] * width
    for name, column, cost in rows:
        series[name if name in kept else OTHER][column] += cost
    return {k: tuple(v) for k, v in series.items()}, kept


def compute_digest(
    store: BillingStore,
    kind: DigestKind,
    period: TimeRange,
    filters: Sequence[Filter] = (),
    *,
    basis: CostBasis = CostBasis.UNBLENDED,
    filters_text: str = "",
    tag_key: str | None = None,
) -> DigestData:
    """Everything the digest of `period` shows, from a handful of `store.aggregate` calls."""
    flt = tuple(filters)
    store_freshness = store.freshness()
    compared = elapsed_span(period, cutoff_from(store_freshness, period.end))
    previous = previous_period(kind, period)
    if compared is not None and compared.end < period.end:
        previous = previous_span(period, compared)
    covered = compared is not None and covers(store_freshness, previous)

    def by(tr: TimeRange, ref: DimensionRef, *extra: Filter) -> dict[str, float]:
        return {r.keys[0]: r.cost for r in store.aggregate(AggregateRequest(tr, (ref,), (*flt, *extra), basis))}

    def total(tr: TimeRange, *extra: Filter) -> float:
        return float(sum(r.cost for r in store.aggregate(AggregateRequest(tr, (), (*flt, *extra), basis))))

    now_services = by(period, _SERVICE)
    by_service = tuple(sorted(now_services.items(), key=lambda t: (-t[1], t[0])))
    usage_moves: tuple[tuple[str, float, float], ...] = ()
    previous_total: float | None = None
    compared_total = period_charges = previous_charges = 0.0
    if compared is not None:
        compared_total = total(compared)
        period_charges = total(compared, PERIOD_CHARGES)
        if covered:
            previous_total = total(previous)
            previous_charges = total(previous, PERIOD_CHARGES)
            now_usage, before_usage = by(compared, _SERVICE, USAGE_ONLY), by(previous, _SERVICE, USAGE_ONLY)
            usage_moves = tuple(
                sorted(
                    ((s, now_usage.get(s, 0.0), before_usage.get(s, 0.0)) for s in set(now_usage) | set(before_usage)),
                    key=lambda t: (-t[1], t[0]),
                )
            )

    last_day = period.end - timedelta(days=1)
    month = TimeRange(month_start(last_day), period.end, f"{last_day:%B %Y}")
    days = tuple(month.start + timedelta(days=i) for i in range(month.days))
    cells = [
        (short_service_name(r.keys[0]), (r.bucket.date() - month.start).days, r.cost)
        for r in store.aggregate(AggregateRequest(month, (_SERVICE,), flt, basis, granularity=Granularity.DAY))
        if r.bucket is not None
    ]
    daily, _ = _fold(cells, len(days), TOP_SERVICES)

    first = add_months(month_start(last_day), -(MONTHS - 1))
    months = tuple(add_months(first, i) for i in range(MONTHS))
    span = TimeRange(first, add_months(months[-1], 1))
    month_index = {m: i for i, m in enumerate(months)}
    cells = [
        (short_service_name(r.keys[0]), month_index[r.bucket.date().replace(day=1)], r.cost)
        for r in store.aggregate(AggregateRequest(span, (_SERVICE,), flt, basis, granularity=Granularity.MONTH))
        if r.bucket is not None and r.bucket.date().replace(day=1) in month_index
    ]
    monthly, _ = _fold(cells, MONTHS, TOP_SERVICES)

    if tag_key:
        ref = DimensionRef.tag(tag_key)
        title = f"Cost by {tag_key}"
        raw = {("(untagged)" if k == UNTAGGED else k): v for k, v in by(period, ref).items()}
    else:
        names = store.accounts()
        title = "Cost by account"
        raw = {account_label(k, names): v for k, v in by(period, _ACCOUNT).items()}
    ranked = sorted(raw.items(), key=lambda kv: (-kv[1], kv[0]))
    breakdown = ranked[:TOP_BARS]
    if len(ranked) > TOP_BARS:
        breakdown.append((OTHER, sum(v for _, v in ranked[TOP_BARS:])))

    return DigestData(
        kind=kind,
        period=period,
        previous=previous,
        basis=basis,
        filters_text=filters_text,
        total=sum(now_services.values()),
        previous_total=previous_total,
        by_service=by_service,
        month=month,
        days=days,
        daily=daily,
        months=months,
        monthly=monthly,
        breakdown_title=title,
        breakdown=tuple(breakdown),
        freshness=store.freshness(period),
        compared=compared,
        compared_total=compared_total,
        usage_moves=usage_moves,
        period_charges=period_charges,
        previous_period_charges=previous_charges,
    )


# ------------------------------------------------------------------------------------------------ render


def period_name(kind: DigestKind, period: TimeRange) -> str:
    """`October 2026`, or `week of Nov 16 – Nov 22, 2026`."""
    if kind == "monthly":
        return f"{period.start:%B %Y}"
    last = period.end - timedelta(days=1)
    return f"week of {day_text(period.start)} – {day_text(last, year=True)}"


def summary_lines(data: DigestData, money: Money) -> list[str]:
    """The written summary: a few sentences a manager reads in ten seconds."""
    before = "the month before" if data.kind == "monthly" else "the week before"
    pct = format_pct(data.change_pct)
    if data.compared is None:
        lines = [f"*{money(data.total)}* spent; no complete day to compare yet."]
    elif data.in_progress:
        days = f"{day_text(data.compared.start)} – {day_text(data.compared.end - timedelta(days=1))}"
        versus = (
            "no data for the same days before"
            if data.previous_total is None
            else f"{money.change(data.change)} ({pct}) vs the same days of {before} ({money(data.previous_total)})"
        )
        lines = [f"*{money(data.total)}* spent so far; the complete days ({days}): {versus}."]
    elif data.previous_total is None:
        lines = [f"*{money(data.total)}* spent; {before}: no data."]
    else:
        lines = [
            f"*{money(data.total)}* spent, {money.change(data.change)} ({pct}) vs {before} "
            f"({money(data.previous_total)})."
        ]
    if data.previous_total is not None and (
        abs(data.period_charges) >= MIN_MOVE or abs(data.previous_period_charges) >= MIN_MOVE
    ):
        lines.append(
            f"Period charges (fees, tax, credits): {money(data.period_charges)} ({before}: "
            f"{money(data.previous_period_charges)}); the movers below are usage-driven."
        )
    top = [(n, c) for n, c in data.by_service if c > 0][:3]
    if top and data.total:
        lines.append(
            "Top services: " + ", ".join(f"{n} {money(c)} ({c / data.total * 100:.0f}%)" for n, c in top) + "."
        )
    # A move under 0.5% of the previous total is noise, not news.
    floor = max(MIN_MOVE, 0.005 * abs(data.previous_total or 0.0))
    ups = [m for m in data.movers if m[1] >= floor]
    downs = [m for m in data.movers if m[1] <= -floor]
    if ups:
        lines.append(f"Biggest increase: {ups[0][0]} {money.change(ups[0][1])}.")
    if downs:
        lines.append(f"Biggest decrease: {downs[0][0]} {money.change(downs[0][1])}.")
    if data.breakdown and data.total:
        name, cost = data.breakdown[0]
        lines.append(f"{data.breakdown_title}: {name} leads with {money(cost)} ({cost / data.total * 100:.0f}%).")
    return lines


def coverage_note(data: DigestData) -> str:
    """A warning when the bill does not reach the end of the period yet (exports lag by up to a day or two): the
    complete-day cutoff is `bot.billing.pace`'s, and the comparison then covers the complete days only."""
    if data.compared is None:
        return ":warning: No complete day of billing data for this period yet."
    if not data.in_progress:
        return ""
    through = data.compared.end - timedelta(days=1)
    return (
        f":warning: The bill only reaches {day_text(through)} (exports lag): the last "
        f"{(data.period.end - data.compared.end).days} day(s) of the period are not in yet; the comparison "
        "covers the complete days only."
    )


def render_digest(data: DigestData, money: Money) -> Message:
    """The summary message (the charts and the workbook are uploaded with it)."""
    title = f"{'Weekly' if data.kind == 'weekly' else 'Monthly'} cost digest: {period_name(data.kind, data.period)}"
    lines = summary_lines(data, money)
    gap = coverage_note(data)
    if gap:
        lines.insert(0, gap)
    change = "no data" if data.change is None else f"{money.change(data.change)} ({format_pct(data.change_pct)})"
    facts = [f"*Total*\n{money(data.total)}", f"*Change*\n{change}"]
    blocks = [header(title), section("\n".join(lines)), *fields(facts)]
    notes = [f"{data.basis.value} cost", freshness_text(data.freshness)]
    if data.filters_text:
        notes.insert(0, f"filters: `{data.filters_text}`")
    blocks.append(context(*notes))
    return message(f"{title}. " + " ".join(line.replace("*", "") for line in lines), blocks)


def render_charts(data: DigestData, symbol: str = "$") -> tuple[Chart, ...]:
    """The four charts (PNG + the data they drew)."""
    versus = "month over month" if data.kind == "monthly" else "week over week"
    return (
        stacked_daily(f"Daily spend by service, {data.month.label}", data.days, data.daily, symbol=symbol),
        monthly_by_series(f"Last {MONTHS} months by service", data.months, data.monthly, symbol=symbol),
        ranked_bars(
            "cost-by-tag" if data.breakdown_title != "Cost by account" else "cost-by-account",
            f"{data.breakdown_title}, {period_name(data.kind, data.period)}",
            data.breakdown,
            symbol=symbol,
        ),
        movers(f"Top movers {versus}", [(short_service_name(n), v) for n, v in data.movers], symbol=symbol),
    )


@dataclass(frozen=True)
class Digest:
    """A digest ready to post: the summary message, the charts and the workbook."""

    kind: DigestKind
    period: TimeRange
    message: Message
    charts: tuple[Chart, ...]
    xlsx: bytes
    xlsx_name: str
    data: DigestData


def build_digest(
    store: BillingStore,
    kind: DigestKind,
    period: TimeRange,
    filters: Sequence[Filter] = (),
    *,
    basis: CostBasis = CostBasis.UNBLENDED,
    filters_text: str = "",
    money: Money | None = None,
    tag_key: str | None = None,
    inventory: InventorySnapshot | None = None,
) -> Digest:
    """compute + render (pure: store and the latest inventory snapshot in, digest out), in the currency of the
    period's line items (message, charts and workbook alike) unless `money` says otherwise.

    With an inventory snapshot the workbook also gets the resource sheets (EC2, RDS, ..., reservations).
    Raises `MixedCurrencies` when the period spans several currencies, `BasisUnavailable` for net without it."""
    require_basis(store, basis, period)
    scope = currency_scope(store, period, filters)
    filters = scope.filters
    money = money or Money(scope.currency)
    data = compute_digest(store, kind, period, filters, basis=basis, filters_text=filters_text, tag_key=tag_key)
    resources = resource_data(store, period, inventory, filters=filters, basis=basis) if inventory is not None else None
    sheets = report_sheets(store, period, filters=filters, basis=basis, tag_key=tag_key, resources=resources)
    name = f"trackit-{kind}-{period.start.isoformat()}.xlsx"
    return Digest(
        kind,
        period,
        render_digest(data, money),
        render_charts(data, money.symbol),
        workbook_bytes(sheets, money=money),
        name,
        data,
    )


# --------------------------------------------------------------------------------------------------- run


def _posting_moments(kind: DigestKind, subscription: Subscription, now: datetime, since: datetime) -> list[datetime]:
    return occurrences(
        now,
        since,
        subscription.at_time,
        subscription.timezone,
        weekday=0 if kind == "weekly" else None,
        monthday=1 if kind == "monthly" else None,
    )


def due_period(kind: DigestKind, subscription: Subscription, now: datetime) -> TimeRange | None:
    """The period whose digest is due for `subscription` at `now`: the latest posting moment (Mondays for
    weekly, the 1st for monthly, at the subscription's time and zone) at or before `now`, if it is after the
    subscription was created. (`due_digests` lists every one still worth catching up.)"""
    moment = latest_occurrence(
        now,
        subscription.at_time,
        subscription.timezone,
        weekday=0 if kind == "weekly" else None,
        monthday=1 if kind == "monthly" else None,
    )
    if moment < subscription.created_at:
        return None
    return report_period(kind, local_date(moment, subscription.timezone))


def due_digests(kind: DigestKind, subscription: Subscription, now: datetime) -> list[tuple[datetime, TimeRange]]:
    """(posting moment, period) of every digest of `subscription` due at or before `now` and still worth posting
    (within `POLICY[kind].deadline`, after the subscription was created), oldest first."""
    since = max(subscription.created_at - timedelta(microseconds=1), now - POLICY[kind].deadline)
    return [
        (m, report_period(kind, local_date(m, subscription.timezone)))
        for m in _posting_moments(kind, subscription, now, since)
    ]


def due_label(moment: datetime, timezone: str) -> str:
    """`Mon Nov 16, 09:00 CET`: when a digest was due, in the subscription's zone."""
    local = moment.astimezone(ZoneInfo(timezone))
    return f"{day_text(local, weekday=True)}, {local:%H:%M} {local.tzname()}"


def delivery_key(kind: DigestKind, subscription: Subscription, period: TimeRange) -> DeliveryKey:
    return DeliveryKey(JOB_IDS[kind], subscription.channel_id, f"{period.start.isoformat()}/{subscription.id}")


def files_key(key: DeliveryKey) -> DeliveryKey:
    """The delivery key of a digest's files (a delivery of their own, made once the summary is posted)."""
    return DeliveryKey(key.job, key.channel_id, f"{key.period}/files")


def uploads(digest: Digest) -> list[FileUpload]:
    """The charts and the workbook, as uploaded with the digest."""
    files = [FileUpload(f"{c.name}-{digest.period.start.isoformat()}.png", c.png, c.title) for c in digest.charts]
    files.append(FileUpload(digest.xlsx_name, digest.xlsx, digest.xlsx_name))
    return files


def files_missing_message(digest: Digest, reason: str) -> Message:
    """The summary message once its files finally could not be attached: the same, saying so and why."""
    note = f":warning: The charts and the spreadsheet could not be attached to this digest: {reason}."
    return with_note(digest.message, note)


def post_digest(ctx: JobContext, key: DeliveryKey, digest: Digest, due: Due | None = None) -> str:
    """Deliver one digest exactly once: the summary (with the delivery metadata), then its files as a delivery of
    their own. Returns the summary's outcome (`sent`, `recovered`, `skipped`, `failed`, `expired`)."""
    summary = ctx.deliverer.post_message(key, digest.message, policy=POLICY[digest.kind], due=due)
    if summary.message_ts:
        files = ctx.deliverer.attach_files(
            files_key(key),
            uploads(digest),
            parent_ts=summary.message_ts,
            policy=FILES_POLICY,
            updated_parent=lambda reason: files_missing_message(digest, reason),
        )
        if files.outcome in ("failed", "expired"):
            log.warning("digest %s: files %s: %s", key.text, files.outcome, files.error)
    return summary.outcome


def failure_message(kind: DigestKind, subscription: Subscription, error: UserFacingError) -> Message:
    """What a channel sees when its digest cannot be built: filters that no longer parse, or a question the
    data cannot answer as asked (several currencies, net cost the export does not have)."""
    why = f"the filters `{subscription.filters}` no longer work. " if subscription.filters else ""
    text = f"{kind.capitalize()} digest skipped: {why}{error.user_text()}"
    return message(text, [section(f":warning: {text}")])


def run_kind(ctx: JobContext, kind: DigestKind) -> dict[str, int]:
    """Deliver every due digest of `kind` once, with its files, catching up the missed ones still worth posting
    (one computation per distinct filters and period, only for digests with something left to deliver)."""
    services = ctx.services
    now = ctx.now()
    stale_after = ctx.deliverer.stale_after
    cache: dict[tuple[str, date], Digest | Message] = {}
    outcomes: dict[str, int] = {}
    for sub in list_subscriptions(services.state, kind=kind):
        for moment, period in due_digests(kind, sub, now):
            key = delivery_key(kind, sub, period)
            records = get_deliveries(services.state, (key, files_key(key)))
            summary, files = records.get(key), records.get(files_key(key))
            if _nothing_to_do(summary, files, now, stale_after):
                continue  # settled, backing off or being posted: no store query at all
            built = cache.get((sub.filters, period.start))
            if built is None:
                try:
                    built = build_for(services, kind, period, sub.filters)
                except UserFacingError as exc:
                    built = failure_message(kind, sub, exc)
                cache[(sub.filters, period.start)] = built
            due = Due(moment, due_label(moment, sub.timezone))
            if isinstance(built, Digest):
                outcome = post_digest(ctx, key, built, due)
            else:
                outcome = ctx.deliverer.post_message(key, built, policy=POLICY[kind], due=due).outcome
                if outcome in ("sent", "recovered"):
                    ctx.deliverer.cover(files_key(key), None)  # a message without files: nothing more to deliver
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes


def _nothing_to_do(
    summary: DeliveryRecord | None, files: DeliveryRecord | None, now: datetime, stale_after: timedelta
) -> bool:
    """True when neither the summary nor its files may be attempted now (settled, backing off, being posted)."""
    if summary is None or summary.claimable(now, stale_after):
        return False
    if summary.status != "sent":
        return True
    return files is not None and not files.claimable(now, stale_after)


def build_for(
    services: Services, kind: DigestKind, period: TimeRange, filters_text: str, *, tag_key: str | None = None
) -> Digest:
    """The digest for a subscription's filters (query grammar); UserFacingError when they no longer parse."""
    filters: tuple[Filter, ...] = ()
    basis = services.settings.cost_basis
    if filters_text:
        query = services.parse_filters(filters_text, today=period.start)
        filters, basis = query.filters, query.basis
    return build_digest(
        services.store,
        kind,
        period,
        filters,
        basis=basis,
        filters_text=filters_text,
        tag_key=tag_key,
        inventory=latest_snapshot(services.state),
    )


#: What `trackit preview` writes for one message: a name, the message, and its files (name, bytes).
Rendered = tuple[str, Message, tuple[tuple[str, bytes], ...]]


def preview(
    services: Services, kind: str, filters_text: str, today: date, *, tag_key: str | None = None
) -> list[Rendered]:
    """The digest a `kind` subscription with `filters_text` would get on local day `today` (no Slack, no state
    written): the summary message, the chart PNGs and the workbook."""
    digest_kind = check_kind(kind)
    period = report_period(digest_kind, today)
    digest = build_for(services, digest_kind, period, filters_text, tag_key=tag_key)
    files = (*((f"{c.name}.png", c.png) for c in digest.charts), (digest.xlsx_name, digest.xlsx))
    return [(f"{kind}-{period.start.isoformat()}", digest.message, files)]


def run_weekly(ctx: JobContext) -> None:
    run_kind(ctx, "weekly")


def run_monthly(ctx: JobContext) -> None:
    run_kind(ctx, "monthly")


#: Every minute: subscriptions are checked against their own time and zone (and caught up once after downtime).
DUE_CHECK = CronTrigger(minute="*", timezone="UTC")


def schedule(scheduler: JobScheduler, services: Services) -> None:
    """Register the weekly and monthly digest jobs (fixed ids `weekly_digest`, `monthly_digest`)."""
    scheduler.add_job(JOB_IDS["weekly"], run_weekly, DUE_CHECK)
    scheduler.add_job(JOB_IDS["monthly"], run_monthly, DUE_CHECK)
