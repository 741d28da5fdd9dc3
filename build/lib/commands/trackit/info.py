"""`/trackit help | accounts | status`: every command with the query grammar, the accounts the asker may see,
and how fresh the billing data is (ingestion runs, the AWS inventory, channels whose scheduled posts failed).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.billing.grammar import EXAMPLES
from bot.billing.model import AggregateRequest, Dimension, DimensionRef, PeriodStatus, TimeRange
from bot.billing.money import Money
from bot.billing.periods import add_months
from bot.errors import UsageError
from bot.ingest.rhythm import humanize
from bot.ingest.source_health import SourceHealth, health_of_sources
from bot.services import Services
from bot.slack.asker import Asker, asker_for
from bot.slack.blocks import Message, code_sections, context, header, message, section, table_lines
from bot.slack.listeners import SlashRequest
from bot.slack.render import timestamp_text
from bot.state.deliveries import channel_failures
from bot.state.ingest_runs import IngestRun, last_ingest_runs
from bot.state.inventory import snapshot_summaries
from commands.trackit import budgets, resources, subscriptions

WORDS = ("help", "accounts", "status")

USAGE_HINT = (
    "Usage: `/trackit help`, `/trackit accounts`, `/trackit status`, "
    "`/trackit access grant|revoke|list ...` (admins), `/trackit subscribe|unsubscribe|subscriptions ...`, "
    "`/trackit route ...`, `/trackit budget ...`, `/trackit resources|idle|rightsizing|commitments ...`. "
    "Example: `/trackit status`."
)


def parse(words: Sequence[str]) -> str:
    """The subcommand (`help`, `accounts` or `status`); none of them takes arguments."""
    sub = words[0].lower()
    if len(words) > 1:
        raise UsageError(f"`/trackit {sub}` takes no arguments (got `{' '.join(words[1:])}`).", hint=USAGE_HINT)
    return sub


# ------------------------------------------------------------------------------------------- rendering


def render_help() -> Message:
    """The help message: every command, the query grammar and examples."""
    examples = "\n".join(f"• `/cost {e}`" for e in EXAMPLES)
    blocks = [
        header("TrackIt: AWS spend, in Slack"),
        section(
            "*/cost* `[range] [by ...] [filters]` total, change against the previous equal period and the "
            "breakdown; month-to-date and a month-end forecast for the current month.\n"
            "*/tags* `[key] [filters] [range]` cost by tag value with the untagged share; without a key, tag keys "
            "ranked by coverage.\n"
            "*/top-resources* `[N] [range] [filters]` the most expensive resources.\n"
            "*/trackit* `accounts | status | access ...` known accounts, ingestion and billing-source status, access "
            "(admins).\n" + "\n".join((*subscriptions.HELP_LINES, *budgets.HELP_LINES, *resources.HELP_LINES))
        ),
        section(
            "*Time ranges*: `today`, `yesterday`, `last 7 days`, `this month` (`mtd`), `last month`, `2026-10`, "
            "`2026-10-01..2026-10-15`, `last 3 months`\n"
            "*Group by*: `by service | account | region | usage-type | operation | resource | charge-type | "
            "currency | provider | tag:<key>`\n"
            "*Filters*: `service=ec2`, `account=<id or name>`, `region=us-east-1`, `provider=azure`, "
            "`tag:team=web`, `tag:team=untagged`, `service!=tax`\n"
            "*Cost basis*: `unblended | amortized | net`   *Top*: `top 5`"
        ),
        section(
            "*Examples*\n" + examples + "\n• `/tags team last month`\n• `/top-resources 10 last 7 days service=ec2`"
        ),
        context("Every answer says its period, cost basis and how fresh the data is. Answers are visible only to you."),
    ]
    text = "TrackIt commands: /cost, /tags, /top-resources, /trackit. Examples: " + "; ".join(EXAMPLES[:3])
    return message(text, blocks)


def render_accounts(accounts: dict[str, str]) -> Message:
    """Known accounts (already confined to the asker's scope), named ones first."""
    if not accounts:
        return message("No AWS accounts to show.", [section("No AWS accounts to show (no billing data you can see).")])
    ordered = sorted(accounts.items(), key=lambda kv: (kv[1] == "", kv[1].casefold(), kv[0]))
    lines = table_lines([("Account", "Name"), *[(i, n or "(unnamed)") for i, n in ordered]])
    blocks = [header(f"AWS accounts ({len(accounts)})"), *code_sections(lines)]
    text = "AWS accounts: " + ", ".join(f"{n} ({i})" if n else i for i, n in ordered)
    return message(text, blocks)


def _period_total(period: PeriodStatus) -> str:
    """A period's unblended total in its billing currency (`several currencies` when it has more than one)."""
    if len(period.currencies) > 1:
        return "several currencies"
    return Money(period.currencies[0] if period.currencies else "")(period.billed_total)


_HEALTH_MARK = {
    "ok": ":large_green_circle:",
    "waiting": ":hourglass:",
    "overdue": ":red_circle:",
    "failing": ":red_circle:",
}


def render_sources(healths: tuple[SourceHealth, ...], *, show_details: bool) -> list[dict[str, object]]:
    """A section per configured billing source: its state, last delivery and rhythm; for an incident its cause
    and fix. Without `show_details` (a restricted asker) only how many sources are unhealthy, never their names."""
    if not healths:
        return []
    if not show_details:
        bad = sum(not h.healthy for h in healths)
        problem = f", {bad} with a problem (an admin sees which)" if bad else ""
        text = f"*Billing sources*: {len(healths) - bad} healthy{problem}"
        return [section(text)]
    lines = ["*Billing sources*"]
    for h in healths:
        last = f"last delivery {humanize(h.silence)} ago" if h.silence is not None else "no delivery yet"
        lines.append(f"{_HEALTH_MARK[h.status]} `{h.source_uri}`: {h.status}, {last}; {h.rhythm_text()}")
        if not h.healthy:
            lines.append(f"    *Cause*: {h.cause}\n    *Fix*: {h.fix}")
    return [section("\n".join(lines)[:2900])]


def _source_label(source: str) -> str:
    """A source's short name in the status table: the last part of its URI (`cur` for `s3://billing/cur`)."""
    return source.rstrip("/").rsplit("/", 1)[-1] or source or "default"


def render_status(periods: list[PeriodStatus], runs: tuple[IngestRun, ...], *, show_totals: bool) -> Message:
    """Ingestion status: the live delivery per billing period and source (estimated or final), the last run and
    last error. With several sources, an unrestricted asker sees which source each row is from."""
    by_source = show_totals and len({p.source for p in periods}) > 1
    header_row = ["Period", *(["Source"] if by_source else []), "State", "Delivered", "Data up to", "Rows"]
    header_row += ["Unblended"] if show_totals else []
    rows: list[list[str]] = [header_row]
    for p in sorted(periods, key=lambda p: (p.billing_period, p.source), reverse=True):
        row = [
            f"{p.billing_period:%Y-%m}",
            *([_source_label(p.source)] if by_source else []),
            "final" if p.final else "estimated",
            timestamp_text(p.delivered_at),
            timestamp_text(p.data_until),
            f"{p.rows:,}",
        ]
        if show_totals:
            row.append(_period_total(p))
        rows.append(row)
    blocks = [header("Ingestion status")]
    if periods:
        first_number = 5 if by_source else 4
        blocks.extend(code_sections(table_lines(rows, right=[first_number, first_number + 1])))
    else:
        blocks.append(section("No billing data has been ingested yet. Run `trackit ingest` or wait for the next run."))
    last = runs[0] if runs else None
    failed = next((r for r in runs if r.status == "failed"), None)
    last_run = f"{timestamp_text(last.started_at)} — {last.status}" if last else "none yet"
    run_lines = [f"*Last ingest run*: {last_run}"]
    if failed is not None:
        run_lines.append(f"*Last error* ({timestamp_text(failed.started_at)}): {failed.message[:1500]}")
    else:
        run_lines.append("*Last error*: none")
    blocks.append(section("\n".join(run_lines)))
    estimated = sorted({f"{p.billing_period:%Y-%m}" for p in periods if not p.final})
    months = len({p.billing_period for p in periods})
    text = f"Ingestion status: {months} period(s) stored" + (
        f", estimated: {', '.join(estimated)}" if estimated else ""
    )
    if failed is not None:
        text += f". Last error: {failed.message[:300]}"
    return message(text, blocks)


# --------------------------------------------------------------------------------------------- handling


def _visible_accounts(services: Services, asker: Asker) -> dict[str, str]:
    accounts = services.store.accounts()
    scope = asker.scope
    if scope.unrestricted:
        return accounts
    if scope.accounts and not scope.tag_filters:
        return {i: n for i, n in accounts.items() if i in scope.accounts}
    # Tag-restricted: only accounts with cost inside the scope over the stored periods.
    periods = services.store.periods()
    if not periods:
        return {}
    span = TimeRange(periods[0].billing_period, add_months(periods[-1].billing_period, 1))
    rows = services.store.aggregate(
        AggregateRequest(span, group_by=(DimensionRef(Dimension.ACCOUNT),), filters=scope.to_filters())
    )
    seen = {r.keys[0] for r in rows if r.line_items or r.cost}
    return {i: n for i, n in accounts.items() if i in seen}


def prepare(services: Services, request: SlashRequest, words: Sequence[str]) -> tuple[str, SlashRequest]:
    """Before the ack: the syntax only (help needs no access; the others look up the asker when answering)."""
    return parse(words), request


def answer(services: Services, prepared: tuple[str, SlashRequest]) -> Message:
    sub, request = prepared
    if sub == "help":
        return render_help()
    asker = asker_for(services, request.user_id, request.channel_id)
    if sub == "accounts":
        return render_accounts(_visible_accounts(services, asker))
    status = render_status(
        services.store.periods(),
        last_ingest_runs(services.state, limit=20),
        show_totals=asker.scope.unrestricted,
    )
    failed = subscriptions.render_delivery_failures(channel_failures(services.state))
    inventory = resources.render_inventory_status(snapshot_summaries(services.state, limit=3))
    healths = health_of_sources(services.state, services.settings.sources, services.clock())
    sources = render_sources(healths, show_details=asker.scope.unrestricted)
    extra = [*sources, *inventory, *failed]
    return message(status.text, [*status.blocks, *extra]) if extra else status
