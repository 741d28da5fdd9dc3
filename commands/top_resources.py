"""`/top-resources [N] [range] [filters]`: the N most expensive resources (default 10) with their service,
account, region, cost and change against the previous equal period.

    /top-resources
    /top-resources 20 last 7 days service=ec2 region=us-east-1
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from slack_sdk import WebClient

from bot.billing.currency import currency_scope
from bot.billing.grammar import parse_query
from bot.billing.grammar_refusals import refuse_questions
from bot.billing.model import CostBasis, Filter, Freshness, TimeRange
from bot.billing.money import Money, cents
from bot.billing.query import ResourceCost, run_top_resources
from bot.billing.vocabulary import Vocabulary
from bot.errors import UsageError
from bot.services import Services
from bot.slack.asker import Asked, Asker, asker_with_vocabulary, confine
from bot.slack.blocks import Block, Message, context, escape, header, message, section, text_sections
from bot.slack.export import AnswerRef, send_export
from bot.slack.listeners import ActionRequest, SlashRequest
from bot.slack.render import answer_buttons, cut_note, footer
from bot.slack.upload import csv_bytes
from bot.state.inventory import latest_snapshot
from commands.trackit.resources import Utilisation, utilisation_by_id

COMMAND = "/top-resources"
HINT = "Usage: `/top-resources [N] [time range] [filters]`, e.g. `/top-resources 20 last 7 days service=ec2`."
MAX_N = 1000
#: Resources listed in Slack; more are one click away as CSV.
SHOWN = 25
DEFAULT_N = 10


@dataclass(frozen=True)
class TopQuery:
    n: int
    time_range: TimeRange
    filters: tuple[Filter, ...]
    basis: CostBasis
    #: how the text was read (words corrected, implied or left out), said in the answer
    readings: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class TopResources:
    """The answer's numbers: the resources and the currency of their amounts."""

    resources: list[ResourceCost]
    currency: str


def parse(text: str, *, today: date, vocabulary: Vocabulary, basis: CostBasis = CostBasis.UNBLENDED) -> TopQuery:
    """`[N] [range] [filters]` -> TopQuery. `top N` works too. Raises `UsageError` (naming a word that asks for
    more than costs, such as `vs` or `forecast`, with a pointer to `/cost`) or `NotFound`."""
    note = refuse_questions(COMMAND, text, vocabulary)
    words = text.split()
    n: int | None = None
    if words and words[0].isdecimal() and not vocabulary.meanings(words[0]):  # `123456789012 top 10`: an account
        n = int(words[0])
        words = words[1:]
        if not 1 <= n <= MAX_N:
            raise UsageError(f"{n} resources: ask for 1 to {MAX_N}.", hint=HINT)
    try:
        query = parse_query(
            " ".join(words), today=today, vocabulary=vocabulary, default_basis=basis, allow_group_by=False
        )
    except UsageError as exc:
        if exc.hint is None:
            exc.hint = HINT
        raise
    if n is None:
        n = query.top
    readings = query.readings if note is None else (*query.readings, note)
    return TopQuery(n, query.time_range, query.filters, query.basis, readings)


def _resource_label(resource_id: str, width: int = 60) -> str:
    """Long ARNs keep their end (where the id is) rather than their common prefix."""
    return resource_id if len(resource_id) <= width else "…" + resource_id[-(width - 1) :]


def render(
    resources: list[ResourceCost],
    query: TopQuery,
    freshness: Freshness,
    vocabulary: Vocabulary,
    *,
    ref: AnswerRef | None = None,
    currency: str = "USD",
    utilisation: Mapping[str, Utilisation] | None = None,
) -> Message:
    """The answer (pure): one line per resource, numbered, cost first; the rest as CSV.

    With `utilisation` (an inventory exists), each resource gets its 14-day utilisation and an idle flag.
    """
    money = Money(currency)
    period = query.time_range.label or f"{query.time_range.start}..{query.time_range.end}"
    title = f"Top {query.n} resources · {period}"
    blocks: list[Block] = [header(title)]
    if query.readings:
        blocks.append(context(*query.readings))
    if not resources:
        blocks.append(section("_No resource-level cost in this period_ (the export may not include resource ids)."))
    lines = []
    for i, r in enumerate(resources[:SHOWN], start=1):
        change = "" if r.previous_cost is None else f" ({money.change(r.change)})"
        account = vocabulary.account_label(r.account_id)
        line = (
            f"{i}. *{money(r.cost)}*{change} `{escape(_resource_label(r.resource_id))}`\n"
            f"      {escape(r.service)} · {escape(account)} · {escape(r.region or 'global')}"
        )
        if utilisation is not None:
            u = utilisation.get(r.resource_id, Utilisation("utilisation unknown", False))
            line += f"\n      {u.text}" + (" · :zzz: *idle*" if u.idle else "")
        lines.append(line)
    blocks.extend(text_sections(lines))
    if len(resources) > SHOWN:
        blocks.append(context(cut_note(SHOWN, len(resources), "resources")))
    if ref is not None:
        blocks.append(answer_buttons(ref, export=len(resources) > SHOWN))
    blocks.append(footer(query.time_range, query.basis, freshness))
    fallback = f"{title}: " + "; ".join(f"{r.resource_id} {money(r.cost)}" for r in resources[:5])
    return message(fallback, blocks)


def export_csv(
    resources: list[ResourceCost], utilisation: Mapping[str, Utilisation] | None = None, *, currency: str = "USD"
) -> bytes:
    """The full list as CSV (amounts to the cent, rounded as everywhere else, and their currency); with
    `utilisation`, two more columns (utilisation, idle)."""
    head = [
        "resource_id",
        "service",
        "account_id",
        "account_name",
        "region",
        "cost",
        "previous_cost",
        "change",
        "currency",
    ]
    rows: list[tuple[str, ...]] = []
    for r in resources:
        row: tuple[str, ...] = (
            r.resource_id,
            r.service,
            r.account_id,
            r.account_name,
            r.region,
            cents(r.cost),
            cents(r.previous_cost),
            cents(r.change),
            currency,
        )
        if utilisation is not None:
            u = utilisation.get(r.resource_id, Utilisation("utilisation unknown", False))
            row = (*row, u.text, "yes" if u.idle else "no")
        rows.append(row)
    return csv_bytes([*head, "utilisation", "idle"] if utilisation is not None else head, rows)


def prepare(
    services: Services, request: SlashRequest, *, today: date | None = None, asker: Asker | None = None
) -> Asked[TopQuery]:
    """Before the ack: the asker's scope (or `asker`'s), then the text parsed once against their vocabulary, for
    `today` (default: the bot's today; a button replays the day its answer was given)."""
    asker, vocabulary = asker_with_vocabulary(services, request, asker)
    day = today or services.today()
    q = parse(request.text, today=day, vocabulary=vocabulary, basis=services.settings.cost_basis)
    query = TopQuery(q.n, q.time_range, confine(q.filters, asker), q.basis, q.readings)
    return Asked(query, vocabulary, request.text, day, request.user_id)


def _run(services: Services, q: TopQuery) -> TopResources:
    """The top resources in the currency of their line items (`bot.billing.currency`)."""
    scope = currency_scope(services.store, q.time_range, q.filters)
    resources = run_top_resources(services.store, q.n, q.time_range, scope.filters, q.basis)
    return TopResources(resources, scope.currency)


def _utilisation(services: Services, resources: list[ResourceCost]) -> dict[str, Utilisation] | None:
    snapshot = latest_snapshot(services.state)
    return None if snapshot is None else utilisation_by_id((r.resource_id for r in resources), snapshot)


def answer(services: Services, ask: Asked[TopQuery], *, ref: AnswerRef | None = None) -> Message:
    top = _run(services, ask.query)
    freshness = services.store.freshness(ask.query.time_range)
    utilisation = _utilisation(services, top.resources)
    return render(
        top.resources,
        ask.query,
        freshness,
        ask.vocabulary,
        ref=ref or AnswerRef(COMMAND, ask.text, ask.today),
        currency=top.currency,
        utilisation=utilisation,
    )


def answer_in(services: Services, asker: Asker, ref: AnswerRef) -> Message:
    """The answer to the question behind `ref` as `asker` may see it (Share in channel compares two of them)."""
    request = SlashRequest(COMMAND, ref.text, asker.user_id, asker.channel_id)
    return answer(services, prepare(services, request, today=ref.today, asker=asker), ref=ref)


def export(services: Services, action: ActionRequest, client: WebClient) -> Message:
    """The Export CSV button: the question re-run for the day it was answered in the clicker's own scope, every
    resource sent to the clicker's DM."""
    ref = AnswerRef.decode(action.value)
    request = SlashRequest(COMMAND, ref.text, action.user_id, action.channel_id, action.team_id)
    q = prepare(services, request, today=ref.today).query
    top = _run(services, q)
    resources = top.resources
    name = f"top-resources-{q.time_range.start:%Y%m%d}-{q.time_range.end:%Y%m%d}.csv"
    content = export_csv(resources, _utilisation(services, resources), currency=top.currency)
    return send_export(client, action.user_id, ref, name, content, rows=len(resources), noun="resources")
