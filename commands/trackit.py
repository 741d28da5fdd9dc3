"""`/trackit help | accounts | status | access grant|revoke|list`: help, known accounts, ingestion status and
access administration (admins only).

    /trackit access grant @alice 123456789012 222233334444
    /trackit access grant #team-data team=data
    /trackit access revoke @alice 123456789012      (or without accounts: the whole grant)
    /trackit access list
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from slack_bolt import App

from bot.billing.grammar import EXAMPLES
from bot.billing.model import AggregateRequest, Dimension, DimensionRef, PeriodStatus, TimeRange
from bot.billing.money import Money
from bot.billing.periods import add_months
from bot.errors import AccessDenied, UsageError
from bot.slack.asker import Asker, asker_for, audit_hook
from bot.slack.blocks import Message, code_sections, context, header, message, section, table_lines
from bot.slack.listeners import SlashRequest, register_slash_command
from bot.slack.services import Services
from bot.state.access import Grant, grant, list_grants, revoke
from bot.state.deliveries import channel_failures
from bot.state.ingest_runs import IngestRun, last_ingest_runs
from bot.state.inventory import snapshot_summaries
from commands import resources, subscriptions

COMMAND = "/trackit"
SUBCOMMANDS = ("help", "accounts", "status", "access")

USAGE_HINT = (
    "Usage: `/trackit help`, `/trackit accounts`, `/trackit status`, "
    "`/trackit access grant|revoke|list ...` (admins), `/trackit subscribe|unsubscribe|subscriptions ...`, "
    "`/trackit route ...`, `/trackit budget ...`, `/trackit resources|idle|rightsizing|commitments ...`. "
    "Example: `/trackit status`."
)
ACCESS_HINT = (
    "Usage: `/trackit access grant @user|#channel <account ids or *> [key=value ...]`, "
    "`/trackit access revoke @user|#channel [accounts ...]`, `/trackit access list`. "
    "Example: `/trackit access grant @alice 123456789012`."
)

# Slack escapes mentions in command text (manifest: should_escape) as <@U123|name> and <#C123|name>.
_USER = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$|^([UW][A-Z0-9]{2,})$")
_CHANNEL = re.compile(r"^<#([CGD][A-Z0-9]+)(?:\|[^>]*)?>$|^([CGD][A-Z0-9]{2,})$")


@dataclass(frozen=True)
class TrackitRequest:
    """A parsed `/trackit` command. `action` is set for `access` (grant, revoke, list)."""

    sub: str
    action: str = ""
    subject_type: str = ""
    subject_id: str = ""
    accounts: tuple[str, ...] = ()
    tag_filters: tuple[str, ...] = ()


def parse(text: str) -> TrackitRequest:
    """Parse `/trackit` text (empty means help). Raises `UsageError` with the usage for anything else."""
    words = text.split()
    if not words:
        return TrackitRequest("help")
    sub = words[0].lower()
    if sub not in SUBCOMMANDS:
        raise UsageError(f"`{words[0]}` is not a /trackit command.", hint=USAGE_HINT)
    if sub != "access":
        if len(words) > 1:
            raise UsageError(f"`/trackit {sub}` takes no arguments (got `{' '.join(words[1:])}`).", hint=USAGE_HINT)
        return TrackitRequest(sub)
    if len(words) < 2 or words[1].lower() not in ("grant", "revoke", "list"):
        raise UsageError("`/trackit access` needs `grant`, `revoke` or `list`.", hint=ACCESS_HINT)
    action = words[1].lower()
    if action == "list":
        if len(words) > 2:
            raise UsageError("`/trackit access list` takes no arguments.", hint=ACCESS_HINT)
        return TrackitRequest("access", "list")
    if len(words) < 3:
        raise UsageError(f"`/trackit access {action}` needs a user or a channel.", hint=ACCESS_HINT)
    subject = words[2]
    if m := _USER.match(subject):
        subject_type, subject_id = "user", m.group(1) or m.group(2)
    elif m := _CHANNEL.match(subject):
        subject_type, subject_id = "channel", m.group(1) or m.group(2)
    else:
        raise UsageError(f"`{subject}` is not a user or channel mention.", hint=ACCESS_HINT)
    accounts: list[str] = []
    tags: list[str] = []
    for word in (w.strip(",") for w in words[3:]):
        if not word:
            continue
        if "=" in word:
            tags.append(word[4:] if word.lower().startswith("tag:") else word)
        elif word == "*" or (word.isdecimal() and len(word) == 12):
            accounts.append(word)
        else:
            raise UsageError(
                f"`{word}` is neither an AWS account id (12 digits, or `*` for all) nor a tag filter (`key=value`).",
                hint=ACCESS_HINT,
            )
    if action == "grant" and not accounts and not tags:
        raise UsageError("A grant needs at least one account id (or `*`) or tag filter.", hint=ACCESS_HINT)
    return TrackitRequest("access", action, subject_type, subject_id, tuple(accounts), tuple(tags))


# ------------------------------------------------------------------------------------------- rendering


def render_help() -> Message:
    """The help message: every command, the query grammar and examples."""
    examples = "\n".join(f"• `/cost {e}`" for e in EXAMPLES)
    blocks = [
        header("TrackIt: AWS spend, in Slack"),
        section(
            "*/cost* `[range] [by ...] [filters]` total, change against the previous equal period and the "
            "breakdown; month-to-date and a month-end forecast for the current month.\n"
            "*/tags* `[key] [range]` cost by tag value with the untagged share; without a key, tag keys ranked "
            "by coverage.\n"
            "*/top-resources* `[N] [range] [filters]` the most expensive resources.\n"
            "*/trackit* `accounts | status | access ...` known accounts, ingestion status, access (admins).\n"
            + "\n".join(subscriptions.HELP_LINES)
            + "\n"
            + "\n".join(resources.HELP_LINES)
        ),
        section(
            "*Time ranges*: `today`, `yesterday`, `last 7 days`, `this month` (`mtd`), `last month`, `2026-10`, "
            "`2026-10-01..2026-10-15`, `last 3 months`\n"
            "*Group by*: `by service | account | region | usage-type | operation | resource | charge-type | "
            "tag:<key>`\n"
            "*Filters*: `service=ec2`, `account=<id or name>`, `region=us-east-1`, `tag:team=web`, "
            "`tag:team=untagged`, `service!=tax`\n"
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


def _ts(at: datetime | None) -> str:
    if at is None:
        return "-"
    at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    return f"{at:%Y-%m-%d %H:%M} UTC"


def _period_total(period: PeriodStatus) -> str:
    """A period's unblended total in its billing currency (`several currencies` when it has more than one)."""
    if len(period.currencies) > 1:
        return "several currencies"
    return Money(period.currencies[0] if period.currencies else "")(period.billed_total)


def render_status(periods: list[PeriodStatus], runs: tuple[IngestRun, ...], *, show_totals: bool) -> Message:
    """Ingestion status: last delivery per billing period (estimated or final), the last run and last error."""
    header_row = ["Period", "State", "Delivered", "Data up to", "Rows"] + (["Unblended"] if show_totals else [])
    rows: list[list[str]] = [header_row]
    for p in sorted(periods, key=lambda p: p.billing_period, reverse=True):
        row = [f"{p.billing_period:%Y-%m}", "final" if p.final else "estimated", _ts(p.delivered_at),
               _ts(p.data_until), f"{p.rows:,}"]  # fmt: skip
        if show_totals:
            row.append(_period_total(p))
        rows.append(row)
    blocks = [header("Ingestion status")]
    if periods:
        blocks.extend(code_sections(table_lines(rows, right=[4, 5])))
    else:
        blocks.append(section("No billing data has been ingested yet. Run `trackit ingest` or wait for the next run."))
    last = runs[0] if runs else None
    failed = next((r for r in runs if r.status == "failed"), None)
    run_lines = [
        f"*Last ingest run*: {_ts(last.started_at)} — {last.status}" if last else "*Last ingest run*: none yet"
    ]
    if failed is not None:
        run_lines.append(f"*Last error* ({_ts(failed.started_at)}): {failed.message[:1500]}")
    else:
        run_lines.append("*Last error*: none")
    blocks.append(section("\n".join(run_lines)))
    estimated = [f"{p.billing_period:%Y-%m}" for p in periods if not p.final]
    text = f"Ingestion status: {len(periods)} period(s) stored" + (
        f", estimated: {', '.join(estimated)}" if estimated else ""
    )
    if failed is not None:
        text += f". Last error: {failed.message[:300]}"
    return message(text, blocks)


def _grant_text(g: Grant) -> str:
    accounts = "every account" if g.accounts == ("*",) else ", ".join(g.accounts) or "every account"
    tags = " where " + " and ".join(f"tag:{k}={v}" for k, v in g.tag_filters) if g.tag_filters else ""
    return f"{g.subject}: {accounts}{tags} (by <@{g.granted_by}>, {_ts(g.granted_at)})"


def render_grants(grants: tuple[Grant, ...], default_access: str) -> Message:
    if not grants:
        text = f"No grants yet: access is {default_access} (TRACKIT_DEFAULT_ACCESS)."
        return message(text, [section(text)])
    lines = "\n".join(f"• {_grant_text(g)}" for g in grants)
    return message(f"{len(grants)} grant(s)", [header(f"Access grants ({len(grants)})"), section(lines)])


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


def _resolve_tag_filters(services: Services, filters: tuple[str, ...]) -> tuple[str, ...]:
    """`team=web` -> `user:team=web`: grants hold tag keys as stored, so that they filter what they mean."""
    vocabulary = services.vocabulary.get()
    out = []
    for text in filters:
        key, _, value = text.partition("=")
        out.append(f"{vocabulary.resolve_tag_key(key.strip())}={value.strip()}" if key.strip() else text)
    return tuple(out)


def _is_subscription_command(text: str) -> bool:
    words = text.split()
    return bool(words) and subscriptions.is_subcommand(words[0])


def _is_resources_command(text: str) -> bool:
    words = text.split()
    return bool(words) and resources.is_subcommand(words[0])


def answer(services: Services, request: SlashRequest) -> Message:
    """Run a `/trackit` request for its asker."""
    if _is_subscription_command(request.text):
        return subscriptions.answer(services, request.text, request.user_id, request.channel_id)
    if _is_resources_command(request.text):
        return resources.answer(services, request)
    parsed = parse(request.text)
    if parsed.sub == "help":
        return render_help()
    asker = asker_for(services, request.user_id, request.channel_id)
    if parsed.sub == "accounts":
        return render_accounts(_visible_accounts(services, asker))
    if parsed.sub == "status":
        status = render_status(
            services.store.periods(),
            last_ingest_runs(services.state, limit=20),
            show_totals=asker.scope.unrestricted,
        )
        failed = subscriptions.render_delivery_failures(channel_failures(services.state))
        inventory = resources.render_inventory_status(snapshot_summaries(services.state, limit=3))
        extra = [*inventory, *failed]
        return message(status.text, [*status.blocks, *extra]) if extra else status
    if not asker.is_admin:
        raise AccessDenied(
            "Only TrackIt admins can manage access.", hint="Ask one of the admins set in TRACKIT_ADMINS."
        )
    if parsed.action == "list":
        return render_grants(list_grants(services.state), services.settings.default_access)
    tag_filters = _resolve_tag_filters(services, parsed.tag_filters)
    if parsed.action == "grant":
        g = grant(
            services.state,
            parsed.subject_type,
            parsed.subject_id,
            accounts=parsed.accounts,
            tag_filters=tag_filters,
            granted_by=request.user_id,
        )
        text = f"Granted. {_grant_text(g)}"
        return message(text, [section(f":white_check_mark: {text}")])
    partial = bool(parsed.accounts or parsed.tag_filters)  # nothing named: revoke the whole grant
    remaining = revoke(
        services.state,
        parsed.subject_type,
        parsed.subject_id,
        accounts=parsed.accounts if partial else None,
        tag_filters=tag_filters if partial else None,
    )
    subject = f"<@{parsed.subject_id}>" if parsed.subject_type == "user" else f"<#{parsed.subject_id}>"
    text = f"Revoked. {_grant_text(remaining)}" if remaining else f"Revoked: {subject} has no grant any more."
    return message(text, [section(f":white_check_mark: {text}")])


def register(app: App, services: Services) -> None:
    def check(request: SlashRequest) -> None:
        if _is_subscription_command(request.text):
            subscriptions.check(request.text)
        elif _is_resources_command(request.text):
            resources.check(services, request)
        else:
            parse(request.text)

    def work(request: SlashRequest) -> Message:
        return answer(services, request)

    register_slash_command(app, COMMAND, check=check, answer=work, audit=audit_hook(services))
