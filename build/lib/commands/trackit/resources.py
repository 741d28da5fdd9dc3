"""`/trackit resources | idle | rightsizing | commitments`: the AWS inventory joined with cost and utilisation.

    /trackit resources ec2 account=prod region=us-east-1     (ec2, rds, opensearch, elasticache, lambda, ebs)
    /trackit idle tag:team=web                                idle and unattached resources by monthly saving
    /trackit rightsizing account=prod                         smaller sizes and newer generations, priced
    /trackit commitments last 3 months                        RI / SP utilisation, coverage, unused cost, expiries

Resources and their CloudWatch series come from the latest daily inventory snapshot (`bot.state.inventory`);
costs come from the billing store's line items by resource id (id, ARN or public IP), over the last 30 days
unless a time range is given. Filters use the query grammar (`account=`, `region=`, `tag:<key>=`, `resource=`).
Every answer is confined to the asker's scope: resources of other accounts (or outside a tag grant) are never
listed, and costs are summed inside the scope. A metric without data is "unknown", never idle.

The pure parts are `parse`, `render_resources`, `render_idle`, `render_rightsizing` and `render_commitments`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from bot.billing.commitments import (
    CommitmentReport,
    accounts_in,
    analyse_commitments,
    commitment_account,
    of_accounts,
    rows_from_store,
)
from bot.billing.currency import currency_scope
from bot.billing.grammar import parse_query
from bot.billing.idle import IdleReport, find_idle
from bot.billing.inventory import Resource, ResourceKind, ResourceMetrics
from bot.billing.model import (
    CostBasis,
    Dimension,
    Filter,
    TimeRange,
)
from bot.billing.money import format_pct
from bot.billing.resources import cost_of, resource_costs, visible
from bot.billing.rightsizing import Suggestion, rates_from_store, suggest
from bot.billing.vocabulary import Vocabulary
from bot.errors import AccessDenied, NotFound, UsageError
from bot.reports.text import period_text
from bot.services import Services
from bot.slack.asker import Asker, asker_with_vocabulary, confine
from bot.slack.blocks import (
    Block,
    Message,
    code_sections,
    context,
    escape,
    header,
    message,
    table_lines,
    text_sections,
)
from bot.slack.blocks import section as section_block
from bot.slack.listeners import SlashRequest
from bot.slack.render import Money
from bot.state.inventory import InventorySnapshot, SnapshotSummary, latest_snapshot

WORDS = ("resources", "idle", "rightsizing", "commitments")
#: The kinds `/trackit resources` lists, by the word the user types.
KINDS: Mapping[str, ResourceKind] = {
    "ec2": ResourceKind.EC2,
    "rds": ResourceKind.RDS,
    "opensearch": ResourceKind.OPENSEARCH,
    "elasticsearch": ResourceKind.OPENSEARCH,
    "elasticache": ResourceKind.ELASTICACHE,
    "lambda": ResourceKind.LAMBDA,
    "ebs": ResourceKind.EBS,
}
KIND_WORDS = "ec2|rds|opensearch|elasticache|lambda|ebs"
HINT = (
    f"Usage: `/trackit resources <{KIND_WORDS}> [filters] [range]`, `/trackit idle [filters]`, "
    "`/trackit rightsizing [filters]`, `/trackit commitments [range] [account=...]`. "
    "Filters: `account=`, `region=`, `tag:<key>=`, `resource=`. Example: `/trackit resources ec2 account=prod`."
)
HELP_LINES = (
    f"*/trackit resources* `<{KIND_WORDS}> [filters]` resources with their cost (last 30 days) and "
    "CloudWatch utilisation (14 days), idle ones flagged.",
    "*/trackit idle* `[filters]` idle and unattached resources, old snapshots, sorted by monthly saving.",
    "*/trackit rightsizing* `[filters]` smaller sizes and newer generations for EC2 and RDS, priced from your bill.",
    "*/trackit commitments* `[range] [account=...]` RI and Savings Plan utilisation, coverage, unused cost "
    "and expiries.",
)
DEFAULT_RANGE = "last 30 days"
COMMITMENTS_RANGE = "last 3 months"
#: Resources listed in Slack (the answer says how many more there are).
SHOWN = 25
WINDOW_DAYS = 14
#: Expiries listed by `/trackit commitments` (days ahead).
EXPIRY_HORIZON = 60
_FILTERABLE = frozenset({Dimension.ACCOUNT, Dimension.REGION, Dimension.TAG, Dimension.RESOURCE})
_KIND_LABELS = {
    ResourceKind.EC2: "EC2 instances",
    ResourceKind.RDS: "RDS databases",
    ResourceKind.OPENSEARCH: "OpenSearch domains",
    ResourceKind.ELASTICACHE: "ElastiCache clusters",
    ResourceKind.LAMBDA: "Lambda functions",
    ResourceKind.EBS: "EBS volumes",
    ResourceKind.SNAPSHOT: "EBS snapshots",
    ResourceKind.EIP: "Elastic IPs",
}
NO_INVENTORY = NotFound(
    "No AWS inventory has been collected yet.",
    hint="An admin enables the daily collection with `TRACKIT_INVENTORY_ENABLED=true` "
    "(resources and CloudWatch utilisation of every account and region); `/trackit status` shows its runs.",
)


@dataclass(frozen=True)
class ResourceQuery:
    """A parsed sub-command: `kind` for `resources`, filters for every one, the cost (or commitments) range."""

    sub: str
    kind: ResourceKind | None
    filters: tuple[Filter, ...]
    time_range: TimeRange
    basis: CostBasis


@dataclass(frozen=True)
class ResourceWords:
    """The syntax of a subcommand: which one, the resource kind for `resources`, and the rest of the text (filters
    and a range, parsed with the query grammar against the asker's vocabulary in `prepare`)."""

    sub: str
    kind: ResourceKind | None
    rest: str


def parse(words: Sequence[str]) -> ResourceWords:
    """Parse `resources <kind> ...`, `idle ...`, `rightsizing ...` or `commitments ...` up to the filters.

    Raises `UsageError` (with the usage) for a missing or unknown kind.
    """
    sub = words[0].lower()
    rest = list(words[1:])
    kind: ResourceKind | None = None
    if sub == "resources":
        if not rest or rest[0].lower() not in KINDS:
            got = f"`{rest[0]}` is not a resource type." if rest else "Which resources?"
            raise UsageError(f"{got} Choose one of {KIND_WORDS.replace('|', ', ')}.", hint=HINT)
        kind = KINDS[rest[0].lower()]
        rest = rest[1:]
    return ResourceWords(sub, kind, " ".join(rest))


def resource_query(
    words: ResourceWords, *, today: date, vocabulary: Vocabulary, basis: CostBasis = CostBasis.UNBLENDED
) -> ResourceQuery:
    """The filters and range of a subcommand. Raises `UsageError` (with the usage) for a group-by or a filter that
    does not apply to resources (service, usage type ...), and `NotFound` for values the bill does not know."""
    sub = words.sub
    default = COMMITMENTS_RANGE if sub == "commitments" else DEFAULT_RANGE
    try:
        query = parse_query(
            words.rest,
            today=today,
            vocabulary=vocabulary,
            default_range=default,
            default_basis=basis,
            allow_group_by=False,
        )
    except UsageError as exc:
        if exc.hint is None:
            exc.hint = HINT
        raise
    allowed = frozenset({Dimension.ACCOUNT}) if sub == "commitments" else _FILTERABLE
    for f in query.filters:
        if f.dimension.kind not in allowed:
            what = "account" if sub == "commitments" else "account, region, tag or resource"
            raise UsageError(
                f"`{f.dimension.label}` filters do not apply to `/trackit {sub}`: filter by {what}.", hint=HINT
            )
    return ResourceQuery(sub, words.kind, query.filters, query.time_range, query.basis)


# ------------------------------------------------------------------------------------------- utilisation


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _bytes(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if abs(n) < 1024 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"  # pragma: no cover - the loop returns


def utilisation_text(resource: Resource, metrics: ResourceMetrics | None, days: int = WINDOW_DAYS) -> str:
    """One line of the resource's utilisation over the last `days` days; "utilisation unknown" without data."""
    if metrics is None:
        return "utilisation unknown" if resource.kind not in (ResourceKind.EBS, ResourceKind.SNAPSHOT) else ""
    if resource.kind is ResourceKind.LAMBDA:
        calls = metrics.known("invocations", days)
        if not calls:
            return "invocations unknown"
        errors = sum(metrics.known("errors", days))
        duration = _mean(metrics.known("duration", days))
        text = f"{sum(calls):,.0f} invocations, {errors:,.0f} errors ({days} d)"
        return text + (f", {duration:,.0f} ms avg" if duration is not None else "")
    cpu, peaks = metrics.known("cpu_avg", days), metrics.known("cpu_max", days)
    if not cpu:
        return "utilisation unknown"
    parts = [f"CPU {_mean(cpu):.1f}% avg" + (f" · {max(peaks):.1f}% peak" if peaks else "") + f" ({len(cpu)} d)"]
    net_in, net_out = metrics.known("network_in", days), metrics.known("network_out", days)
    if net_in and net_out:
        parts.append(f"net {_bytes((sum(net_in) + sum(net_out)) / max(len(net_in), len(net_out)))}/day")
    memory = metrics.known("mem_used_pct", days)
    if memory:
        parts.append(f"memory {max(memory):.0f}% peak")
    storage = metrics.known("free_storage", days)
    if storage:
        parts.append(f"{_bytes(min(storage))} free")
    return " · ".join(parts)


# ------------------------------------------------------------------------------------------------ render


def _describe(r: Resource, vocabulary: Vocabulary) -> str:
    name = f" {escape(r.name)}" if r.name and r.name != r.resource_id else ""
    details = [d for d in (r.type, f"{r.size} GiB" if r.kind is ResourceKind.EBS and r.size else "", r.state) if d]
    where = f"{escape(vocabulary.account_label(r.account_id))} · {escape(r.region or 'global')}"
    return f"`{escape(r.resource_id)}`{name} · {escape(' · '.join(details))} · {where}"


def _snapshot_context(snapshot: InventorySnapshot, extra: str = "") -> str:
    s = snapshot.summary
    at = s.collected_at
    text = f"inventory of {s.day:%Y-%m-%d} (collected {at:%H:%M} UTC)"
    if s.errors:
        text += f", {s.errors} part(s) could not be collected (`/trackit status`)"
    return text + (f" · {extra}" if extra else "")


@dataclass(frozen=True)
class ResourceLine:
    resource: Resource
    cost: float | None
    utilisation: str
    idle: bool


def resource_lines(
    resources: Sequence[Resource],
    metrics: Mapping[tuple[str, str, ResourceKind, str], ResourceMetrics],
    costs: Mapping[str, float],
    idle: IdleReport,
) -> list[ResourceLine]:
    """Resources with cost, utilisation and idle flag, most expensive first (unbilled last, then by id)."""
    idle_keys = {f.resource.key for f in idle.findings}
    out = [
        ResourceLine(r, cost_of(r, costs), utilisation_text(r, metrics.get(r.key)), r.key in idle_keys)
        for r in resources
    ]
    out.sort(key=lambda x: (x.cost is None, -(x.cost or 0.0), x.resource.key))
    return out


def render_resources(
    kind: ResourceKind,
    lines: Sequence[ResourceLine],
    query: ResourceQuery,
    snapshot: InventorySnapshot,
    vocabulary: Vocabulary,
    *,
    money: Money | None = None,
) -> Message:
    """The `/trackit resources` answer (pure): one entry per resource, cost first, utilisation under it."""
    money = money or Money()
    title = f"{_KIND_LABELS[kind]} ({len(lines)})"
    total = sum(x.cost or 0.0 for x in lines)
    blocks: list[Block] = [header(title)]
    if not lines:
        blocks.append(section_block(f"_No {_KIND_LABELS[kind]} in the inventory match._"))
    entries = []
    for i, x in enumerate(lines[:SHOWN], start=1):
        cost = money(x.cost) if x.cost is not None else "no cost"
        flag = " · :zzz: *idle*" if x.idle else ""
        second = " · ".join(p for p in (x.utilisation,) if p) or "no utilisation metrics"
        entries.append(f"{i}. *{cost}* {_describe(x.resource, vocabulary)}\n      {second}{flag}")
    blocks.extend(text_sections(entries))
    if len(lines) > SHOWN:
        blocks.append(section_block(f"… and {len(lines) - SHOWN} more (narrow with `account=`, `region=`, `tag:`)."))
    idle_count = sum(x.idle for x in lines)
    blocks.append(
        context(
            f"cost {period_text(query.time_range)} · {query.basis.value} · total {money(total)}"
            f" · {idle_count} idle · utilisation over the last {WINDOW_DAYS} days",
            _snapshot_context(snapshot),
        )
    )
    text = f"{title}: {money(total)} {query.time_range.label or 'in the period'}" + (
        f", {idle_count} idle" if idle_count else ""
    )
    return message(text, blocks)


def render_idle(
    report: IdleReport, snapshot: InventorySnapshot, vocabulary: Vocabulary, *, money: Money | None = None
) -> Message:
    """The `/trackit idle` answer (pure): findings by monthly saving, the rule and its numbers under each."""
    money = money or Money()
    saving = report.total_saving
    title = f"Idle and unused resources: {len(report.findings)}, {money(saving)}/month to save"
    blocks: list[Block] = [header(title)]
    if not report.findings:
        blocks.append(section_block("_Nothing idle or unattached in the inventory you can see._"))
    entries = []
    for i, f in enumerate(report.findings[:SHOWN], start=1):
        cost = f"{money(f.saving)}/month" if f.saving is not None else "no cost found"
        kind = f.resource.kind.value
        rules = ", ".join(r.value for r in f.rules)
        entries.append(f"{i}. *{cost}* {kind} {_describe(f.resource, vocabulary)}\n      {rules}: {escape(f.reason)}")
    blocks.extend(text_sections(entries))
    if len(report.findings) > SHOWN:
        rest = sum(f.saving or 0.0 for f in report.findings[SHOWN:])
        blocks.append(section_block(f"… and {len(report.findings) - SHOWN} more ({money(rest)}/month)."))
    notes = []
    if report.unknown:
        notes.append(
            f"{len(report.unknown)} running resource(s) have too little CloudWatch data to judge: unknown, not idle"
        )
    notes.append(
        "rules: CPU avg < 10% and peak < 60% (14 d); CPU <= 10% and network <= 5 MB on 4 of 14 days; "
        "unattached volumes and addresses; snapshots over 90 days · cost: last 30 days"
    )
    blocks.append(context(*notes, _snapshot_context(snapshot)))
    return message(f"{title}." if report.findings else "No idle resources found.", blocks)


def render_rightsizing(
    suggestions: Sequence[Suggestion],
    snapshot: InventorySnapshot,
    vocabulary: Vocabulary,
    *,
    money: Money | None = None,
) -> Message:
    """The `/trackit rightsizing` answer (pure): suggestions by monthly saving, rates from the line items."""
    money = money or Money()
    saving = sum(s.monthly_saving or 0.0 for s in suggestions if (s.monthly_saving or 0.0) > 0)
    title = f"Rightsizing: {len(suggestions)} suggestion(s), up to {money(saving)}/month"
    blocks: list[Block] = [header(title)]
    if not suggestions:
        blocks.append(section_block("_No suggestion: running EC2 and RDS instances are sized for their load._"))
    entries = []
    for i, s in enumerate(suggestions[:SHOWN], start=1):
        if s.monthly_saving is None:
            price = "price unknown (no usage of both types in the bill)"
        else:
            price = f"{money(s.monthly_saving)}/month"
        rates = ""
        if s.current_rate is not None and s.suggested_rate is not None:
            rates = f" ({money.rate(s.current_rate)}/h → {money.rate(s.suggested_rate)}/h)"
        entries.append(
            f"{i}. *{price}* {s.action}: `{escape(s.resource.resource_id)}` {escape(s.current_type)} → "
            f"*{escape(s.suggested_type)}*{rates}\n      {escape(s.reason)} · "
            f"{escape(vocabulary.account_label(s.resource.account_id))} · {escape(s.resource.region)}"
        )
    blocks.extend(text_sections(entries))
    blocks.append(
        context(
            "downsize: 14-day CPU peak < 40% (and memory < 45% where the agent reports it) · "
            "rates: on-demand hourly rates observed in the last 30 days of your bill",
            _snapshot_context(snapshot),
        )
    )
    return message(title, blocks)


def render_commitments(
    report: CommitmentReport,
    query: ResourceQuery,
    vocabulary: Vocabulary,
    *,
    money: Money | None = None,
    inventory_day: date | None = None,
) -> Message:
    """The `/trackit commitments` answer (pure): utilisation per month and kind, coverage, unused cost, expiries."""
    money = money or Money()
    title = f"Commitments · {period_text(query.time_range)}"
    blocks: list[Block] = [header(title)]
    util_rows: list[list[str]] = [["Month", "Kind", "Used", "Unused", "Utilisation"]]
    months: dict[tuple[date, str], list[float]] = {}
    for u in report.uses:
        cell = months.setdefault((u.month, u.kind), [0.0, 0.0])
        cell[0] += u.used_cost
        cell[1] += u.unused_cost
    for (month, kind), (used, unused) in sorted(months.items()):
        pct = format_pct(used / (used + unused) * 100, signed=False) if used + unused else "n/a"
        util_rows.append([f"{month:%Y-%m}", kind, money(used), money(unused), pct])
    if len(util_rows) > 1:
        blocks.append(section_block("*Utilisation* (amortised cost of covered usage vs. unused commitment)"))
        blocks.extend(code_sections(table_lines(util_rows, right=[2, 3, 4])))
    else:
        blocks.append(section_block("_No Reserved Instance or Savings Plan fees in this period._"))
    cover_rows: list[list[str]] = [["Month", "Service", "Family", "RI h", "SP h", "On-demand h", "Coverage"]]
    ranked = sorted(report.coverage, key=lambda c: (c.month, -(c.ri_hours + c.sp_hours + c.on_demand_hours)))
    for c in ranked[:30]:
        pct = format_pct(c.coverage * 100, signed=False) if c.coverage is not None else "n/a"
        cover_rows.append(
            [
                f"{c.month:%Y-%m}",
                c.service,
                c.family,
                f"{c.ri_hours:,.0f}",
                f"{c.sp_hours:,.0f}",
                f"{c.on_demand_hours:,.0f}",
                pct,
            ]
        )
    if len(cover_rows) > 1:
        blocks.append(section_block("*Coverage* (instance hours covered by RI or SP)"))
        blocks.extend(code_sections(table_lines(cover_rows, right=[3, 4, 5, 6], max_width=30)))
    expiring = []
    for e in report.expiring:
        account = commitment_account(e.arn)
        label = vocabulary.account_label(account) if account else "?"
        expiring.append(
            f"• {e.kind} `{escape(e.arn.rsplit('/', 1)[-1])}` of {escape(label)}: ends {e.end:%Y-%m-%d} "
            f"({e.days_left} days)"
        )
    if expiring:
        blocks.append(section_block(f"*Expiring within {EXPIRY_HORIZON} days*\n" + "\n".join(expiring)))
    elif inventory_day is None:
        blocks.append(section_block("_Expiries need the AWS inventory (`TRACKIT_INVENTORY_ENABLED`)._"))
    else:
        blocks.append(section_block(f"_Nothing expires within {EXPIRY_HORIZON} days._"))
    unused = report.unused_cost
    extra = f"end dates from the inventory of {inventory_day:%Y-%m-%d}" if inventory_day else ""
    blocks.append(context(f"unused commitment cost {money(unused)} · line items of {query.time_range.label}", extra))
    text = f"Commitments: {money(unused)} unused" + (f", {len(report.expiring)} expiring soon" if expiring else "")
    return message(text, blocks)


def render_inventory_status(summaries: Sequence[SnapshotSummary]) -> list[Block]:
    """The `/trackit status` part about the daily AWS inventory: the last runs and what could not be collected."""
    if not summaries:
        return []
    lines = []
    for s in summaries[:3]:
        state = {"ok": "complete", "partial": "partial", "failed": "failed"}[s.status]
        lines.append(f"{s.day:%Y-%m-%d}: {state}, {s.resources:,} resources, collected {s.collected_at:%H:%M} UTC")
    latest = summaries[0]
    text = "*AWS inventory*\n" + "\n".join(f"• {line}" for line in lines)
    if latest.status != "ok":
        shown = latest.error_lines[:10]
        more = len(latest.error_lines) - len(shown)
        text += "\n*Not collected* (" + f"{latest.day:%Y-%m-%d}):\n" + "\n".join(f"• {escape(e)}" for e in shown)
        if more > 0:
            text += f"\n• … and {more} more"
    return [section_block(text)]


# ---------------------------------------------------------------------------------------------- answering


@dataclass(frozen=True)
class ResourceAsk:
    """A subcommand ready to answer: the asker, the query, its filters confined to the asker's scope, and the
    vocabulary as the asker may see it."""

    asker: Asker
    query: ResourceQuery
    filters: tuple[Filter, ...]
    vocabulary: Vocabulary


def prepare(services: Services, request: SlashRequest, words: Sequence[str]) -> ResourceAsk:
    """Before the ack: the asker's scope, then the text parsed once against their vocabulary (raises `UsageError`,
    `NotFound`, `AccessDenied`)."""
    asker, vocabulary = asker_with_vocabulary(services, request)
    query = resource_query(
        parse(words), today=services.today(), vocabulary=vocabulary, basis=services.settings.cost_basis
    )
    return ResourceAsk(asker, query, confine(query.filters, asker), vocabulary)


def _snapshot(services: Services) -> InventorySnapshot:
    snapshot = latest_snapshot(services.state)
    if snapshot is None:
        raise NO_INVENTORY
    return snapshot


def answer(services: Services, ask: ResourceAsk) -> Message:
    """Answer a `/trackit resources|idle|rightsizing|commitments` request inside the asker's scope."""
    asker, query, filters, vocabulary = ask.asker, ask.query, ask.filters, ask.vocabulary
    # Costs in the currency of the line items, never summed across currencies.
    scope = currency_scope(services.store, query.time_range, filters)
    filters, money = scope.filters, Money(scope.currency)
    if query.sub == "commitments":
        return _commitments(services, asker, query, filters, vocabulary, money=money)
    snapshot = _snapshot(services)
    resources = visible(snapshot.inventory.resources, filters)
    now = snapshot.summary.collected_at
    if query.sub == "resources":
        assert query.kind is not None
        chosen = [r for r in resources if r.kind is query.kind]
        costs = resource_costs(services.store, query.time_range, filters, query.basis)
        idle = find_idle(chosen, snapshot.metrics, {}, now=now)
        lines = resource_lines(chosen, snapshot.metrics, costs, idle)
        return render_resources(query.kind, lines, query, snapshot, vocabulary, money=money)
    if query.sub == "idle":
        costs = resource_costs(services.store, query.time_range, filters, query.basis, monthly=True)
        report = find_idle(resources, snapshot.metrics, costs, now=now)
        return render_idle(report, snapshot, vocabulary, money=money)
    billable = tuple(f for f in filters if f.dimension.kind is not Dimension.RESOURCE)
    rates = rates_from_store(services.store, query.time_range, billable)
    return render_rightsizing(suggest(resources, snapshot.metrics, rates), snapshot, vocabulary, money=money)


def _commitments(
    services: Services,
    asker: Asker,
    query: ResourceQuery,
    filters: tuple[Filter, ...],
    vocabulary: Vocabulary,
    *,
    money: Money,
) -> Message:
    scope = asker.scope
    if scope.tag_filters:
        raise AccessDenied(
            "Commitments are shared by whole accounts, and your access is limited to some tags.",
            hint="Ask a TrackIt admin for access to the accounts themselves.",
        )
    rows = rows_from_store(services.store, query.time_range, filters)
    snapshot = latest_snapshot(services.state)
    ends = of_accounts(snapshot.commitment_ends, accounts_in(filters)) if snapshot is not None else {}
    today = services.today()
    report = analyse_commitments(rows, today=today, end_dates=ends, horizon_days=EXPIRY_HORIZON)
    day = snapshot.day if snapshot is not None else None
    return render_commitments(report, query, vocabulary, money=money, inventory_day=day)


@dataclass(frozen=True)
class Utilisation:
    """What `/top-resources` shows under a resource: its utilisation line and whether it is idle."""

    text: str
    idle: bool


def utilisation_by_id(resource_ids: Iterable[str], snapshot: InventorySnapshot) -> dict[str, Utilisation]:
    """Utilisation of billed resources (by the id the bill uses) from `snapshot`: "utilisation unknown" for a
    resource the inventory does not hold or has no metrics for, which is never idle."""
    by_billing_id: dict[str, Resource] = {}
    for res in snapshot.inventory.resources:
        for i in res.billing_ids:
            by_billing_id.setdefault(i, res)
    wanted = {i: by_billing_id.get(i) for i in resource_ids}
    found = [r for r in wanted.values() if r is not None]
    idle = {f.resource.key for f in find_idle(found, snapshot.metrics, {}, now=snapshot.summary.collected_at).findings}
    out: dict[str, Utilisation] = {}
    for i, hit in wanted.items():
        if hit is None:
            out[i] = Utilisation("utilisation unknown", False)
        else:
            text = utilisation_text(hit, snapshot.metrics.get(hit.key)) or "utilisation unknown"
            out[i] = Utilisation(text, hit.key in idle)
    return out
