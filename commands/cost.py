"""`/cost [range] [by ...] [filters]`: the total, its change against the previous equal period, the breakdown as
a compact table (the rest folded into "Other", exportable as CSV), and for the current month the month-to-date
with a month-end forecast.

    /cost last month by service
    /cost mtd by account top 5
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from slack_sdk import WebClient

from bot.billing.grammar import parse_query
from bot.billing.model import (
    CostBasis,
    CostQuery,
    CostResult,
    Dimension,
    DimensionRef,
    Granularity,
    PreviousStatus,
    Progress,
)
from bot.billing.money import Money, cents
from bot.billing.query import run_cost_query
from bot.billing.vocabulary import Vocabulary, key_text
from bot.errors import UsageError
from bot.reports.text import comparison_text, period_text, total_text
from bot.services import Services
from bot.slack.asker import Asked, asker_with_vocabulary, confine
from bot.slack.blocks import Block, Message, code_sections, header, message, section, table_lines
from bot.slack.listeners import ActionRequest, SlashRequest
from bot.slack.render import (
    Row,
    breakdown_blocks,
    export_button,
    footer,
)
from bot.slack.upload import csv_bytes, upload_file

COMMAND = "/cost"
EXAMPLE = "Example: `/cost last month by service`."
#: Groups exported to CSV at most (a resource breakdown can have millions of rows; Slack files stay usable).
EXPORT_LIMIT = 100_000
#: Series buckets shown in Slack (a daily series of a quarter would not fit; the CSV has everything).
MAX_SERIES_ROWS = 31


def parse(text: str, *, today: date, vocabulary: Vocabulary, basis: CostBasis = CostBasis.UNBLENDED) -> CostQuery:
    """The question in `/cost` text. Raises `UsageError` (with the grammar and an example) or `NotFound`."""
    try:
        return parse_query(text, today=today, vocabulary=vocabulary, default_basis=basis)
    except UsageError as exc:
        if exc.hint is None:
            exc.hint = EXAMPLE
        raise


def key_label(ref: DimensionRef, key: str, vocabulary: Vocabulary) -> str:
    """How one group key reads: the same words as the CLI's tables (`bot.billing.vocabulary.key_text`)."""
    return key_text(ref, key, vocabulary)


def dimension_title(ref: DimensionRef, vocabulary: Vocabulary) -> str:
    return vocabulary.tag_label(str(ref.tag_key)) if ref.kind is Dimension.TAG else ref.kind.value.capitalize()


def render(result: CostResult, vocabulary: Vocabulary, *, text: str = "") -> Message:
    """The answer to a cost question (pure). `text` is the command text, carried by the Export CSV button.

    The headline says how complete the period is (`$X total`, `$X so far`, `No data yet`) and compares like
    for like (`bot.billing.render_text.comparison_text`, the CLI's words too).
    """
    q = result.query
    money = Money(result.currency)
    title = f"AWS cost · {q.time_range.label or period_text(q.time_range)}"
    if result.progress is Progress.NO_DATA_YET:
        headline = "*No data yet* for this period."
        fallback = [f"{title}: no data yet"]
    else:
        headline = f"*{money(result.total)}* " + ("total" if result.progress is Progress.COMPLETE else "so far")
        fallback = [f"{title}: {total_text(result, money)}"]
    comparison = comparison_text(result, money, money.change)
    if comparison:
        headline += "\n" + comparison[0].upper() + comparison[1:]
        fallback.append(comparison)
    blocks: list[Block] = [header(title), section(headline)]
    if result.forecast is not None:
        f = result.forecast
        line = (
            f"*Month to date* {money(f.month_to_date)} ({f.days_elapsed} complete "
            f"day{'' if f.days_elapsed == 1 else 's'} of {f.days_in_month}) · *month-end forecast* "
            f"{money(f.expected)} (likely {money(f.low)} – {money(f.high)})\n"
            f"Usage {money(f.usage_expected)} for the month ({money(f.usage_to_date)} so far) + period charges "
            f"(fees, tax, credits) {money(f.period_expected)} ({money(f.period_to_date)} posted)."
        )
        blocks.append(section(line))
        fallback.append(f"month-end forecast {money(f.expected)}")
    if q.group_by:
        titles = " / ".join(dimension_title(g, vocabulary) for g in q.group_by)
        rows = [
            Row(
                " / ".join(key_label(ref, k, vocabulary) for ref, k in zip(q.group_by, g.keys, strict=True)),
                g.cost,
                g.previous_cost,
                g.compared_cost,
            )
            for g in result.groups
        ]
        other = None
        if result.other is not None:
            other = Row(f"Other ({result.other_count})", result.other, None)
        compare = q.compare and result.previous_status is PreviousStatus.COMPARED
        if rows:
            blocks.extend(breakdown_blocks(titles, rows, money, other=other, compare=compare))
            fallback.append("; ".join(f"{r.label} {money(r.cost)}" for r in rows[:5]))
        else:
            blocks.append(section("_No cost in this period._"))
        if other is not None:
            blocks.append(export_button(COMMAND, text))
    if result.series:
        buckets: dict[datetime, float] = {}
        for p in result.series:
            buckets[p.bucket] = buckets.get(p.bucket, 0.0) + p.cost
        fmt = "%Y-%m-%d %H:%M" if q.granularity is Granularity.HOUR else "%Y-%m-%d"
        lines = [(b.strftime(fmt), money(c)) for b, c in list(buckets.items())[:MAX_SERIES_ROWS]]
        blocks.extend(code_sections(table_lines([(q.granularity.value.capitalize(), "Cost"), *lines], right=[1])))
    blocks.append(footer(q.time_range, q.basis, result.freshness, *result.notes))
    return message(". ".join(fallback), blocks)


def export_csv(result: CostResult, vocabulary: Vocabulary) -> bytes:
    """Every group of a breakdown as CSV: keys (plus account names), cost, previous cost and change, to the cent
    (rounded as everywhere else), and the currency of the amounts."""
    q = result.query
    head: list[str] = []
    for ref in q.group_by:
        head.append(ref.label)
        if ref.kind is Dimension.ACCOUNT:
            head.append("account_name")
    head += ["cost", "previous_cost", "change", "currency"]
    rows = []
    for g in result.groups:
        line: list[object] = []
        for ref, key in zip(q.group_by, g.keys, strict=True):
            line.append(key)
            if ref.kind is Dimension.ACCOUNT:
                line.append(vocabulary.accounts.get(key, ""))
        line += [cents(g.cost), cents(g.previous_cost), cents(g.change), result.currency]
        rows.append(line)
    return csv_bytes(head, rows)


def prepare(services: Services, request: SlashRequest) -> Asked[CostQuery]:
    """Before the ack: the asker's scope, then the text parsed once against their vocabulary."""
    asker, vocabulary = asker_with_vocabulary(services, request)
    query = parse(request.text, today=services.today(), vocabulary=vocabulary, basis=services.settings.cost_basis)
    return Asked(replace(query, filters=confine(query.filters, asker)), vocabulary, request.text)


def answer(services: Services, ask: Asked[CostQuery]) -> Message:
    result = run_cost_query(services.store, ask.query, today=services.today())
    return render(result, ask.vocabulary, text=ask.text)


def export(services: Services, action: ActionRequest, client: WebClient) -> Message:
    """The Export CSV button: the clicked command re-run in the clicker's own scope, every group uploaded."""
    ask = prepare(services, SlashRequest(COMMAND, action.value, action.user_id, action.channel_id, action.team_id))
    query = replace(ask.query, top=EXPORT_LIMIT, granularity=Granularity.NONE)
    result = run_cost_query(services.store, query, today=services.today())
    name = f"cost-{query.time_range.start:%Y%m%d}-{query.time_range.end:%Y%m%d}.csv"
    comment = f"<@{action.user_id}> exported `/cost {action.value}`"
    upload_file(client, action.channel_id, name, export_csv(result, ask.vocabulary), title=name, comment=comment)
    return message(f"Exported {len(result.groups)} rows to {name}.")
