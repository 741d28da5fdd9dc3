"""`/tags [key] [filters] [range]`: cost by value of one tag key, including the untagged share of taggable cost and
what no one could tag (fees, tax, credits: "not taggable"); without a key, the tag keys ranked by coverage (share
of taggable cost tagged) and tagged cost. Filters (`service=ec2`, `account=staging`, `tag:env=prod`,
`service!=tax`) keep the spend the answer is about, AND'ed with the asker's scope: totals, shares and coverage
are then of that spend.

    /tags                              tag keys this month, best covered first
    /tags team last month              cost by team, with what carries no team tag
    /tags team service=ec2 last month  the same over EC2 only
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from slack_sdk import WebClient

from bot.billing.grammar_refusals import refuse_questions
from bot.billing.grammar_tags import NotATagsQuestion, filters_text, tag_question
from bot.billing.grammar_time import parse_time_range
from bot.billing.model import UNTAGGED, Filter, Freshness, TimeRange
from bot.billing.money import Money, cents, format_pct, round_money
from bot.billing.query import TagReport, run_tag_report
from bot.billing.vocabulary import Vocabulary
from bot.errors import NotFound, UnknownWord, UsageError, UserFacingError
from bot.services import Services
from bot.slack.asker import Asker, asker_with_vocabulary, confine
from bot.slack.blocks import Block, Message, code_sections, context, header, message, section, table_lines
from bot.slack.export import AnswerRef, send_export
from bot.slack.listeners import ActionRequest, SlashRequest
from bot.slack.render import Row, answer_buttons, breakdown_blocks, cut_note, footer
from bot.slack.upload import csv_bytes

COMMAND = "/tags"
HINT = (
    "Usage: `/tags [tag key] [filters] [time range]`, e.g. `/tags team service=ec2 last month`, or `/tags` for "
    "every key."
)
#: Values (or keys) shown in Slack; the rest folds into "Other" and the full list is one click away as CSV.
SHOWN = 15
DEFAULT_RANGE = "this month"
#: The row of line items nobody can tag (fees, tax, credits), shown after the values.
NOT_TAGGABLE_LABEL = "(not taggable)"


@dataclass(frozen=True)
class TagQuery:
    key: str | None  # stored key (`user:team`), None for the ranking of keys
    time_range: TimeRange
    #: the spend the question is about, as the asker typed it (their scope is added at `prepare`)
    filters: tuple[Filter, ...] = ()
    #: how a question in plain words was read (words corrected or left out), said in the answer
    readings: tuple[str, ...] = field(default=(), compare=False)


def parse(text: str, *, today: date, vocabulary: Vocabulary) -> TagQuery:
    """`[key] [filters] [range]` (`team service=ec2 last month`), or a question in plain words
    (`bot.billing.grammar_tags`) -> TagQuery. Raises `UsageError` (with usage; naming a word that asks for more
    than costs, such as `vs` or `why`, with a pointer to `/cost`; naming what `/tags` does not answer, such as
    two keys or a breakdown by service, with the `/cost` question for it) or `NotFound` (unknown key or value,
    with suggestions)."""
    note = refuse_questions(COMMAND, text, vocabulary)
    query = _parse(text, today=today, vocabulary=vocabulary)
    return query if note is None else replace(query, readings=(*query.readings, note))


def _parse(text: str, *, today: date, vocabulary: Vocabulary) -> TagQuery:
    words = text.split()
    if not words:
        return TagQuery(None, parse_time_range(DEFAULT_RANGE, today))
    try:
        return TagQuery(None, parse_time_range(text, today))
    except UsageError:
        pass  # not only a time range: the first word is the key, or a question in plain words
    try:
        key = vocabulary.resolve_tag_key(words[0])
    except UserFacingError as not_a_key:
        try:  # `how does spend break down across teams this year?`, `service=ec2 team last month`
            return _read(text, today, vocabulary)
        except UserFacingError as exc:
            short = len(words) <= 3 and "=" not in words[0]  # `tem last month`: a key misspelt
            raise (not_a_key if short and not isinstance(exc, NotATagsQuestion) else exc) from None
    try:  # `team service=ec2 last month`, `env tag coverage in prod acct last month`
        return _read(" ".join(words[1:]), today, vocabulary, key=key)
    except NotATagsQuestion:
        raise
    except UserFacingError as strict:
        try:  # the key's word helps read the rest: `project tag for checkout, search, data`
            return _read(text, today, vocabulary)
        except NotATagsQuestion as plain:
            raise plain from strict
        except UserFacingError:
            if isinstance(strict, UnknownWord) and strict.nearest:  # the rest's question, asked with its key
                _with_key(strict, words[0])
            elif not isinstance(strict, NotFound):  # a did-you-mean says what would be right; else the usage too
                strict.hint = f"{strict.hint}\n{HINT}" if strict.hint else HINT
            raise strict from None


def _with_key(refusal: UnknownWord, key: str) -> None:
    """`refusal` of the rest of a strict question (`team Frobnicate last month`) offers the question the rest asks
    with the key before it (`team last month`), in its hint and its Ask that button."""
    nearest = str(refusal.nearest)
    whole = f"{key} {nearest}"
    if refusal.hint:
        refusal.hint = refusal.hint.replace(f"`{nearest}`", f"`{whole}`", 1)
    refusal.nearest = whole


def _read(text: str, today: date, vocabulary: Vocabulary, *, key: str | None = None) -> TagQuery:
    found = tag_question(text, today=today, vocabulary=vocabulary, default_range=DEFAULT_RANGE, key=key)
    return TagQuery(found.key, found.time_range, found.filters, found.readings)


def _value_label(value: str) -> str:
    return "(untagged)" if value == UNTAGGED else value


def _not_taggable(report: TagReport, money: Money) -> str:
    """` · $12.00 not taggable (fees, tax, credits)`, or nothing when every cost could be tagged."""
    if not round_money(report.not_taggable_cost):
        return ""
    return f" · {money(report.not_taggable_cost)} not taggable (fees, tax, credits)"


def render(
    report: TagReport,
    freshness: Freshness,
    vocabulary: Vocabulary,
    *,
    ref: AnswerRef | None = None,
    notes: Sequence[str] = (),
    filters: Sequence[Filter] = (),
) -> Message:
    """The answer to `/tags` (pure), in the report's currency, with what it was filtered to (`filters`: the
    asker's own, never their scope's) and `notes` (how the question was read) under its header."""
    money = Money(report.currency)
    period = report.time_range.label or f"{report.time_range.start}..{report.time_range.end}"
    blocks: list[Block]
    filtered = filters_text(filters, vocabulary)
    lines = [f"Filtered to `{filtered}`: totals, shares and coverage are of that spend." if filtered else "", *notes]
    under = [context(*lines)] if any(lines) else []
    within = f" · {filtered}" if filtered else ""
    if report.key is None:
        label = f"Tag keys · {period}"
        blocks = [header(label), *under]
        if not report.keys:
            blocks.append(
                section(
                    (
                        "_No tags on the cost these filters keep in this period._"
                        if filtered
                        else "_No tags in this period._"
                    )
                    + " Activate cost allocation tags in the AWS Billing console."
                )
            )
            fallback = f"{label}{within}: no tags"
        else:
            ranked = report.keys
            table = [("Tag", "Coverage", "Tagged cost", "Values")] + [
                (
                    vocabulary.tag_label(c.key),
                    format_pct(c.coverage * 100, signed=False),
                    money(c.tagged_cost),
                    f"{c.distinct_values:,}",
                )
                for c in ranked[:SHOWN]
            ]
            blocks.append(
                section(
                    f"*{money(report.total)}* total · {len(ranked)} tag key(s), coverage of taggable usage "
                    f"({money(report.taggable_cost)}){_not_taggable(report, money)}"
                )
            )
            blocks.extend(code_sections(table_lines(table, right=[1, 2, 3])))
            if len(ranked) > SHOWN:
                blocks.append(context(cut_note(SHOWN, len(ranked), "tag keys")))
            best = ranked[0]
            fallback = (
                f"{label}{within}: best covered {vocabulary.tag_label(best.key)} "
                f"({format_pct(best.coverage * 100, signed=False)} of {money(report.total)})"
            )
        if ref is not None:
            blocks.append(answer_buttons(ref, export=len(ranked) > SHOWN))
        blocks.append(footer(report.time_range, report.basis, freshness))
        return message(fallback, blocks)

    key_label = vocabulary.tag_label(report.key)
    label = f"Cost by {key_label} · {period}"
    untagged = (
        f"{format_pct(report.untagged_share * 100, signed=False)} of taggable usage untagged "
        f"({money(report.untagged_cost)})"
    )
    blocks = [
        header(label),
        *under,
        section(f"*{money(report.total)}* total · {untagged}{_not_taggable(report, money)}"),
    ]
    values = report.values
    rest = values[SHOWN:]
    if values or report.not_taggable_cost:
        rows = [Row(_value_label(v.value), v.cost) for v in values[:SHOWN]]
        if rest:
            rows.append(Row(f"Other ({len(rest)})", sum(v.cost for v in rest)))
        # Last, after "Other": what nobody could tag is no value of the key.
        other = Row(NOT_TAGGABLE_LABEL, report.not_taggable_cost) if report.not_taggable_cost else None
        blocks.extend(breakdown_blocks(key_label, rows, money, other=other, compare=False))
    else:
        blocks.append(
            section("_No cost these filters keep in this period._" if filtered else "_No cost in this period._")
        )
    if ref is not None:
        blocks.append(answer_buttons(ref, export=bool(rest)))
    blocks.append(footer(report.time_range, report.basis, freshness))
    top = "; ".join(f"{_value_label(v.value)} {money(v.cost)}" for v in values[:5])
    return message(f"{label}{within}: {money(report.total)}, {untagged}" + (f". {top}" if top else ""), blocks)


def export_csv(report: TagReport, vocabulary: Vocabulary) -> bytes:
    """Every value of the key (then the not-taggable rest), or every key, with cost and share, to the cent
    (rounded as everywhere else), and the currency of the amounts."""
    if report.key is None:
        return csv_bytes(
            ["tag_key", "coverage_pct", "tagged_cost", "taggable_cost", "distinct_values", "currency"],
            [
                (c.key, _pct(c.coverage), cents(c.tagged_cost), cents(c.total_cost), c.distinct_values, report.currency)
                for c in report.keys
            ],
        )
    rows = [(v.value, cents(v.cost), _pct(v.share), report.currency) for v in report.values]
    if report.not_taggable_cost:
        share = report.not_taggable_cost / report.total if report.total else 0.0
        rows.append((NOT_TAGGABLE_LABEL, cents(report.not_taggable_cost), _pct(share), report.currency))
    return csv_bytes([report.key, "cost", "share_pct", "currency"], rows)


def _pct(share: float) -> str:
    """A share (0..1) as a percentage with one decimal, rounded like the messages (`format_pct`)."""
    return format_pct(share * 100, signed=False).removesuffix("%")


@dataclass(frozen=True)
class TagAsk:
    """A `/tags` request ready to answer: the question, its filters AND'ed with the asker's scope (`confine`), their
    vocabulary, the text."""

    query: TagQuery
    filters: tuple[Filter, ...]
    vocabulary: Vocabulary
    text: str
    today: date


def prepare(
    services: Services, request: SlashRequest, *, today: date | None = None, asker: Asker | None = None
) -> TagAsk:
    """Before the ack: the asker's scope (or `asker`'s), then the text parsed once against their vocabulary, for
    `today` (default: the bot's today; a button replays the day its answer was given), its filters AND'ed with
    the scope as `/cost` does (`confine`: an account filter outside the scope is refused), so no filter widens
    what the asker sees."""
    asker, vocabulary = asker_with_vocabulary(services, request, asker)
    day = today or services.today()
    query = parse(request.text, today=day, vocabulary=vocabulary)
    return TagAsk(query, confine(query.filters, asker), vocabulary, request.text, day)


def report(services: Services, ask: TagAsk) -> TagReport:
    q = ask.query
    return run_tag_report(services.store, q.key, q.time_range, ask.filters, services.settings.cost_basis)


def answer(services: Services, ask: TagAsk) -> Message:
    tags = report(services, ask)
    ref = AnswerRef(COMMAND, ask.text, ask.today)
    freshness = services.store.freshness(ask.query.time_range)
    return render(tags, freshness, ask.vocabulary, ref=ref, notes=ask.query.readings, filters=ask.query.filters)


def answer_in(services: Services, asker: Asker, ref: AnswerRef) -> Message:
    """The answer to the question behind `ref` as `asker` may see it (Share in channel compares two of them)."""
    request = SlashRequest(COMMAND, ref.text, asker.user_id, asker.channel_id)
    ask = prepare(services, request, today=ref.today, asker=asker)
    freshness = services.store.freshness(ask.query.time_range)
    q = ask.query
    return render(report(services, ask), freshness, ask.vocabulary, ref=ref, notes=q.readings, filters=q.filters)


def export(services: Services, action: ActionRequest, client: WebClient) -> Message:
    """The Export CSV button: the question re-run for the day it was answered in the clicker's own scope, every
    row sent to the clicker's DM."""
    ref = AnswerRef.decode(action.value)
    request = SlashRequest(COMMAND, ref.text, action.user_id, action.channel_id, action.team_id)
    ask = prepare(services, request, today=ref.today)
    query = ask.query
    tags = report(services, ask)
    name = f"tags-{(query.key or 'keys').replace(':', '-')}-{query.time_range.start:%Y%m%d}.csv"
    rows = len(tags.keys) if query.key is None else len(tags.values) + bool(tags.not_taggable_cost)
    return send_export(client, action.user_id, ref, name, export_csv(tags, ask.vocabulary), rows=rows, noun="rows")
