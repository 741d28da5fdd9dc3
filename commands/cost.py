"""`/cost [range] [by ...] [filters]`: the total, its change against the previous equal period, the breakdown as
a compact table (the rest folded into "Other", exportable as CSV), and for the current month the month-to-date
with a month-end forecast.

    /cost last month by service
    /cost mtd by account top 5
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from slack_bolt import App
from slack_sdk import WebClient

from bot.billing.grammar import parse_query
from bot.billing.model import CostBasis, CostQuery, CostResult, Dimension, DimensionRef, Granularity
from bot.billing.money import Money, cents, currency_symbol, format_pct
from bot.billing.query import run_cost_query
from bot.billing.render_text import key_text
from bot.billing.vocabulary import Vocabulary
from bot.charts import Chart, cost_series
from bot.errors import UsageError
from bot.slack.asker import Asker, asker_for, audit_action_hook, audit_hook, confine, vocabulary_for
from bot.slack.blocks import Block, Message, code_sections, context, header, message, section
from bot.slack.export import AnswerRef, send_export, upload_to_dm
from bot.slack.listeners import ActionRequest, SlashRequest, register_action, register_slash_command
from bot.slack.render import (
    MAX_SERIES_ROWS,
    Row,
    answer_buttons,
    breakdown_blocks,
    export_action_id,
    footer,
    period_text,
    series_lines,
)
from bot.slack.services import Services
from bot.slack.sharing import register_share
from bot.slack.upload import csv_bytes

COMMAND = "/cost"
EXAMPLE = "Example: `/cost last month by service`."
#: Groups exported to CSV at most (a resource breakdown can have millions of rows; Slack files stay usable).
EXPORT_LIMIT = 100_000


def parse(text: str, *, today: date, vocabulary: Vocabulary, basis: CostBasis = CostBasis.UNBLENDED) -> CostQuery:
    """The question in `/cost` text. Raises `UsageError` (with the grammar and an example) or `NotFound`."""
    try:
        return parse_query(text, today=today, vocabulary=vocabulary, default_basis=basis)
    except UsageError as exc:
        if exc.hint is None:
            exc.hint = EXAMPLE
        raise


def key_label(ref: DimensionRef, key: str, vocabulary: Vocabulary) -> str:
    """How one group key reads: the same words as the CLI's tables (`bot.billing.render_text.key_text`)."""
    return key_text(ref, key, vocabulary)


def dimension_title(ref: DimensionRef, vocabulary: Vocabulary) -> str:
    return vocabulary.tag_label(str(ref.tag_key)) if ref.kind is Dimension.TAG else ref.kind.value.capitalize()


def render(result: CostResult, vocabulary: Vocabulary, *, ref: AnswerRef | None = None) -> Message:
    """The answer to a cost question (pure). `ref` (the question) is carried by the Export CSV button.

    A series longer than a message holds shows its newest buckets and a total line over every bucket, and says
    how many buckets it leaves out (the asker gets the whole series as a chart, see `register`, and as CSV).
    """
    q = result.query
    other: Row | None = None
    money = Money(result.currency)
    change = ""
    if result.previous_total is not None and result.previous_range is not None:
        change = (
            f"{money.change(result.change)} ({format_pct(result.change_pct)}) vs "
            f"{period_text(result.previous_range)}: {money(result.previous_total)}"
        )
    title = f"AWS cost · {q.time_range.label or period_text(q.time_range)}"
    blocks: list[Block] = [header(title), section(f"*{money(result.total)}* total" + (f"\n{change}" if change else ""))]
    fallback = [f"{title}: {money(result.total)}" + (f", {change}" if change else "")]
    if result.forecast is not None:
        f = result.forecast
        line = (
            f"*Month to date* ({f.days_elapsed} complete days of {f.days_in_month}): {money(f.month_to_date)} · "
            f"*month-end forecast* {money(f.expected)} (likely {money(f.low)} – {money(f.high)})"
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
            )
            for g in result.groups
        ]
        if result.other is not None:
            other = Row(f"Other ({result.other_count})", result.other, None)
        if rows:
            blocks.extend(breakdown_blocks(titles, rows, money, other=other, compare=q.compare))
            fallback.append("; ".join(f"{r.label} {money(r.cost)}" for r in rows[:5]))
        else:
            blocks.append(section("_No cost in this period._"))
    exportable = other is not None
    if result.series:
        points = series_points(result)
        lines, note = series_lines(points, q.granularity.value, money)
        blocks.extend(code_sections(lines))
        if note:
            blocks.append(context(note))
            exportable = True
    if ref is not None:
        blocks.append(answer_buttons(ref, export=exportable))
    blocks.append(footer(q.time_range, q.basis, result.freshness, *result.notes))
    return message(". ".join(fallback), blocks)


def series_points(result: CostResult) -> list[tuple[str, float]]:
    """The series summed over groups, oldest bucket first: (bucket label, cost)."""
    buckets: dict[datetime, float] = {}
    for p in result.series:
        buckets[p.bucket] = buckets.get(p.bucket, 0.0) + p.cost
    fmt = "%Y-%m-%d %H:%M" if result.query.granularity is Granularity.HOUR else "%Y-%m-%d"
    return [(b.strftime(fmt), buckets[b]) for b in sorted(buckets)]


def series_chart(result: CostResult) -> Chart:
    """The whole series of `result` (summed over groups) as a chart."""
    buckets: dict[datetime, float] = {}
    for p in result.series:
        buckets[p.bucket] = buckets.get(p.bucket, 0.0) + p.cost
    ordered = sorted(buckets)
    every = {"hour": "Hourly", "day": "Daily", "week": "Weekly", "month": "Monthly"}[result.query.granularity.value]
    title = f"{every} cost · {period_text(result.query.time_range)}"
    return cost_series(title, ordered, [buckets[b] for b in ordered], symbol=currency_symbol(result.currency))


def export_series_csv(result: CostResult) -> bytes:
    """Every bucket of a series as CSV (per group when grouped): bucket, group keys, cost, currency."""
    q = result.query
    head = ["bucket", *(ref.label for ref in q.group_by), "cost", "currency"]
    fmt = "%Y-%m-%d %H:%M" if q.granularity is Granularity.HOUR else "%Y-%m-%d"
    points = sorted(result.series, key=lambda p: (p.bucket, p.keys))
    return csv_bytes(head, [(p.bucket.strftime(fmt), *p.keys, cents(p.cost), result.currency) for p in points])


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


def register(app: App, services: Services) -> None:
    basis = services.settings.cost_basis

    def prepare(
        request: SlashRequest, today: date | None = None, asker: Asker | None = None
    ) -> tuple[CostQuery, Vocabulary]:
        asker = asker or asker_for(services, request.user_id, request.channel_id)
        vocabulary = vocabulary_for(services, asker)
        query = parse(request.text, today=today or services.today(), vocabulary=vocabulary, basis=basis)
        return replace(query, filters=confine(query.filters, asker)), vocabulary

    def check(request: SlashRequest) -> None:
        prepare(request)

    def work(request: SlashRequest) -> Message:
        query, vocabulary = prepare(request)
        result = run_cost_query(services.store, query, today=services.today())
        ref = AnswerRef(COMMAND, request.text, services.today())
        if len(series_points(result)) > MAX_SERIES_ROWS:  # the message shows the newest: the chart shows all
            chart = series_chart(result)
            name = f"cost-{query.time_range.start:%Y%m%d}-{query.time_range.end:%Y%m%d}.png"
            comment = f"`/cost {request.text}`: every {query.granularity.value} of the answer."
            upload_to_dm(app.client, request.user_id, name, chart.png, title=chart.title, comment=comment)
        return render(result, vocabulary, ref=ref)

    def answer_in(asker: Asker, ref: AnswerRef) -> Message:
        query, vocabulary = prepare(SlashRequest(COMMAND, ref.text, asker.user_id, asker.channel_id), ref.today, asker)
        return render(run_cost_query(services.store, query, today=ref.today), vocabulary, ref=ref)

    def export(action: ActionRequest, client: WebClient) -> Message:
        ref = AnswerRef.decode(action.value)
        request = SlashRequest(COMMAND, ref.text, action.user_id, action.channel_id, action.team_id)
        query, vocabulary = prepare(request, ref.today)
        name = f"cost-{query.time_range.start:%Y%m%d}-{query.time_range.end:%Y%m%d}.csv"
        if query.granularity is not Granularity.NONE:  # the series, every bucket (per group when grouped)
            result = run_cost_query(services.store, replace(query, top=EXPORT_LIMIT), today=ref.today)
            content = export_series_csv(result)
            return send_export(client, action.user_id, ref, name, content, rows=len(result.series), noun="rows")
        query = replace(query, top=EXPORT_LIMIT)
        result = run_cost_query(services.store, query, today=ref.today)
        content = export_csv(result, vocabulary)
        return send_export(client, action.user_id, ref, name, content, rows=len(result.groups), noun="rows")

    register_slash_command(app, COMMAND, check=check, answer=work, audit=audit_hook(services))
    register_action(app, export_action_id(COMMAND), answer=export, audit=audit_action_hook(services))
    register_share(app, services, COMMAND, answer_in)
