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

from bot.billing.followup import follow_on, is_follow_up
from bot.billing.grammar import parse_query
from bot.billing.grammar_format import format_query, range_text
from bot.billing.model import (
    CostBasis,
    CostQuery,
    CostResult,
    Dimension,
    DimensionRef,
    Granularity,
    PreviousStatus,
    Progress,
    Question,
)
from bot.billing.money import Money, cents, currency_symbol
from bot.billing.query import run_cost_query
from bot.billing.vocabulary import Vocabulary, key_text
from bot.charts import Chart, cost_series
from bot.errors import UsageError, UserFacingError
from bot.reports.text import (
    average_text,
    comparison_text,
    period_text,
    step_average_text,
    step_name,
    total_text,
    unusual_lines,
    why_changes,
    why_lines,
)
from bot.services import Services
from bot.slack.asker import Asked, Asker, asker_with_vocabulary, confine
from bot.slack.blocks import Block, Message, code_sections, context, header, message, section
from bot.slack.export import AnswerRef, send_export, upload_to_dm
from bot.slack.listeners import ActionRequest, SlashRequest
from bot.slack.render import MAX_SERIES_ROWS, Row, answer_buttons, breakdown_blocks, footer, series_lines
from bot.slack.upload import csv_bytes

COMMAND = "/cost"
EXAMPLE = "Example: `/cost last month by service`."
#: Groups exported to CSV at most (a resource breakdown can have millions of rows; Slack files stay usable).
EXPORT_LIMIT = 100_000


def parse(
    text: str,
    *,
    today: date,
    vocabulary: Vocabulary,
    basis: CostBasis = CostBasis.UNBLENDED,
    default_range: str = "this month",
) -> CostQuery:
    """The question in `/cost` text. Raises `UsageError` (with the grammar and an example) or `NotFound`."""
    try:
        return parse_query(text, today=today, vocabulary=vocabulary, default_basis=basis, default_range=default_range)
    except UsageError as exc:
        if exc.hint is None:
            exc.hint = EXAMPLE
        raise


def key_label(ref: DimensionRef, key: str, vocabulary: Vocabulary) -> str:
    """How one group key reads: the same words as the CLI's tables (`bot.billing.vocabulary.key_text`)."""
    return key_text(ref, key, vocabulary)


def dimension_title(ref: DimensionRef, vocabulary: Vocabulary) -> str:
    return vocabulary.tag_label(str(ref.tag_key)) if ref.kind is Dimension.TAG else ref.kind.value.capitalize()


def render(result: CostResult, vocabulary: Vocabulary, *, ref: AnswerRef | None = None) -> Message:
    """The answer to a cost question (pure). `ref` (the question) is carried by its buttons.

    A series longer than a message holds shows its newest buckets and a total line over every bucket, and says
    how many buckets it leaves out (the asker gets the whole series as a chart, see `answer`, and as CSV).

    The headline says how complete the period is (`$X total`, `$X so far`, `No data yet`) and compares like
    for like (`bot.reports.text.comparison_text`, the CLI's words too).
    """
    q = result.query
    other: Row | None = None
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
    if result.average is not None:
        average = average_text(result, money)
        blocks.append(section(f"*Average* {average}"))
        fallback.append(f"average {average}")
    if result.step_average is not None:
        average = step_average_text(result, money)
        blocks.append(section(f"*Average* {average}"))
        fallback.append(f"average {average}")
    if result.unusual:
        unusual = unusual_lines(result, money, vocabulary)
        blocks.append(section("*Unusual days* (usage-driven cost)\n" + "\n".join(f"• {u}" for u in unusual[:10])))
        fallback.append("unusual: " + "; ".join(unusual[:3]))
    if result.causes:
        why = why_lines(result, money, vocabulary)
        blocks.append(section("*Why* (what moved most with the change)\n" + "\n".join(f"• {w}" for w in why)))
        fallback.append("why: " + "; ".join(why))
        changed = why_changes(result, money)
        if changed:
            blocks.append(section("\n".join(changed)))
    if q.group_by:
        titles = " / ".join(dimension_title(g, vocabulary) for g in q.group_by)
        if q.question in (Question.INCREASES, Question.DECREASES):
            titles = f"{'Biggest increases' if q.question is Question.INCREASES else 'Biggest decreases'}: {titles}"
        rows = [
            Row(
                " / ".join(key_label(ref, k, vocabulary) for ref, k in zip(q.group_by, g.keys, strict=True)),
                g.cost,
                g.previous_cost,
                g.compared_cost,
            )
            for g in result.groups
        ]
        if result.other is not None:
            other = Row(f"Other ({result.other_count})", result.other, None)
        compare = q.compare and result.previous_status is PreviousStatus.COMPARED
        if rows:
            blocks.extend(breakdown_blocks(titles, rows, money, other=other, compare=compare))
            fallback.append("; ".join(f"{r.label} {money(r.cost)}" for r in rows[:5]))
        elif q.question in (Question.INCREASES, Question.DECREASES) and result.previous_total is not None:
            moved = "rose" if q.question is Question.INCREASES else "fell"
            blocks.append(section(f"_Nothing {moved} against the previous period._"))
        else:
            blocks.append(section("_No cost in this period._"))
    exportable = other is not None
    if result.series:
        lines, note = series_lines(series_points(result), q.granularity.value, money)
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
    title = f"{step_name(result.query.granularity)} cost · {period_text(result.query.time_range)}"
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


def prepare(
    services: Services, request: SlashRequest, *, today: date | None = None, asker: Asker | None = None
) -> Asked[CostQuery]:
    """Before the ack: the asker's scope (or `asker`'s), then the text parsed once against their vocabulary, for
    `today` (default: the bot's today; a button replays the day its answer was given)."""
    typed = today is None and asker is None
    asker, vocabulary = asker_with_vocabulary(services, request, asker)
    day = today or services.today()
    query, text = (
        _read(services, request, day, vocabulary)
        if typed
        else (_parse(services, request.text, day, vocabulary), request.text)
    )
    filters = confine(query.filters, asker)
    return Asked(replace(query, filters=filters), vocabulary, text, day, request.user_id)


def _parse(services: Services, text: str, day: date, vocabulary: Vocabulary) -> CostQuery:
    return parse(text, today=day, vocabulary=vocabulary, basis=services.settings.cost_basis)


def _read(services: Services, request: SlashRequest, day: date, vocabulary: Vocabulary) -> tuple[CostQuery, str]:
    """A typed question and the text that asks it on its own: a follow-up (`and for staging?`,
    `bot.billing.followup`) over the asker's last `/cost` question in this channel, said in the answer; any other
    text as typed. The question is remembered for the next follow-up."""
    basis = services.settings.cost_basis
    key = (request.team_id, request.channel_id, request.user_id, COMMAND)
    previous_text = services.last_questions.last(key) if is_follow_up(request.text) else None
    previous = None
    if previous_text is not None:
        try:
            previous = _parse(services, previous_text, day, vocabulary)
        except UserFacingError:  # an account or tag that left the bill since: the follow-up is read on its own
            previous = None
    if previous is None:
        query, text = _parse(services, request.text, day, vocabulary), request.text
    else:
        said = parse(
            request.text,
            today=day,
            vocabulary=vocabulary,
            basis=previous.basis,
            default_range=range_text(previous.time_range),
        )
        query = follow_on(previous, said)
        text = format_query(query, vocabulary, default_basis=basis, named=True)
        follows = f"Read as a follow-up to `{COMMAND} {previous_text}`: `{COMMAND} {text}`."
        query = replace(query, readings=(follows, *query.readings))
    services.last_questions.remember(key, format_query(query, vocabulary, default_basis=basis, named=True))
    return query, text


def answer(services: Services, ask: Asked[CostQuery], client: WebClient | None = None) -> Message:
    """The answer; with `client`, a series longer than the message shows also goes to the asker's DM as a chart
    of every bucket."""
    result = run_cost_query(services.store, ask.query, today=ask.today)
    if client is not None and len(series_points(result)) > MAX_SERIES_ROWS:
        chart = series_chart(result)
        q = ask.query
        name = f"cost-{q.time_range.start:%Y%m%d}-{q.time_range.end:%Y%m%d}.png"
        comment = f"`{COMMAND} {ask.text}`: every {q.granularity.value} of the answer."
        upload_to_dm(client, ask.user_id, name, chart.png, title=chart.title, comment=comment)
    return render(result, ask.vocabulary, ref=AnswerRef(COMMAND, ask.text, ask.today))


def answer_in(services: Services, asker: Asker, ref: AnswerRef) -> Message:
    """The answer to the question behind `ref` as `asker` may see it (Share in channel compares two of them)."""
    request = SlashRequest(COMMAND, ref.text, asker.user_id, asker.channel_id)
    ask = prepare(services, request, today=ref.today, asker=asker)
    return render(run_cost_query(services.store, ask.query, today=ref.today), ask.vocabulary, ref=ref)


def export(services: Services, action: ActionRequest, client: WebClient) -> Message:
    """The Export CSV button: the question re-run for the day it was answered in the clicker's own scope, every
    group (or every bucket of a series) sent to the clicker's DM."""
    ref = AnswerRef.decode(action.value)
    request = SlashRequest(COMMAND, ref.text, action.user_id, action.channel_id, action.team_id)
    ask = prepare(services, request, today=ref.today)
    q = ask.query
    name = f"cost-{q.time_range.start:%Y%m%d}-{q.time_range.end:%Y%m%d}.csv"
    if q.granularity is not Granularity.NONE:  # the series, every bucket (per group when grouped)
        result = run_cost_query(services.store, replace(q, top=EXPORT_LIMIT), today=ref.today)
        content = export_series_csv(result)
        return send_export(client, action.user_id, ref, name, content, rows=len(result.series), noun="rows")
    result = run_cost_query(services.store, replace(q, top=EXPORT_LIMIT), today=ref.today)
    content = export_csv(result, ask.vocabulary)
    return send_export(client, action.user_id, ref, name, content, rows=len(result.groups), noun="rows")
