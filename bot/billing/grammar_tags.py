"""`/tags` in plain words: which tag key's values a question asks for, and over which period.

`/tags` lists either every tag key ranked by coverage, or one key's values. Its strict form is `[key] [range]`
(`commands.tags`); a question in plain words (`how does spend break down across teams in the first half of the
year?`, `who created the resources that cost the most in september`) is read here with the one query grammar,
the words that only name tags themselves (`labels`, `coverage`, `tagged`) left out. What `/tags` cannot answer
(a filter, a breakdown by something other than a tag) is refused naming the word, with the `/cost` question
that answers it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from rapidfuzz.distance import OSA

from bot.billing.grammar import parse_query
from bot.billing.grammar_format import format_query
from bot.billing.model import Dimension, Filter, Question, TimeRange
from bot.billing.vocabulary import Vocabulary
from bot.errors import UsageError

#: Words that name tags or their coverage: what `/tags` is about anyway.
TAG_WORDS = frozenset(
    {
        *("tag", "tags", "tagged", "tagging", "label", "labels", "labelled", "labeled", "labelling", "labeling"),
        *("coverage", "covered", "covers", "cover", "percentage", "percent", "allocated", "allocation", "via"),
        *("allocate", "allocatable", "untagged", "unlabelled", "unlabeled", "tagless", "compliance", "compliant"),
        *("hygiene", "missing", "no", "fraction", "proportion", "share"),
    }
)


@dataclass(frozen=True)
class TagQuestion:
    """What a `/tags` question in plain words asks: the tag key (None: every key ranked by coverage), the period,
    and how the grammar read it (corrected words, words left out), said in the answer."""

    key: str | None
    time_range: TimeRange
    readings: tuple[str, ...] = ()


def read_tag_question(
    text: str, *, today: date, vocabulary: Vocabulary, default_range: str = "this month"
) -> tuple[str | None, TimeRange]:
    """The tag key `text` asks about (None: every key, ranked by coverage) and its time range (`tag_question`)."""
    found = tag_question(text, today=today, vocabulary=vocabulary, default_range=default_range)
    return found.key, found.time_range


def tag_question(text: str, *, today: date, vocabulary: Vocabulary, default_range: str = "this month") -> TagQuestion:
    """The tag key, period and readings of `text`, a `/tags` question in plain words.

    Values of one tag key named without another key to list (`project tag for checkout, search and data`) ask for
    that key's values, which the answer lists anyway. Raises `UsageError` naming the word for what `/tags` does
    not answer: a filter (`team Platform`), two tag keys, or a breakdown by something other than a tag; the hint
    gives the `/cost` question that answers it.
    """
    words = [w for w in text.split() if w.strip("?!.,").casefold() not in TAG_WORDS]
    query = parse_query(" ".join(words), today=today, vocabulary=vocabulary, default_range=default_range)
    keys = [g.tag_key for g in query.group_by if g.kind is Dimension.TAG and g.tag_key is not None]
    readings = list(query.readings)
    listed = {f.dimension.tag_key for f in query.filters if f.dimension.kind is Dimension.TAG and not f.negate}
    if not keys and not query.group_by and len(listed) == 1 and len(query.filters) == 1:
        key = str(listed.pop())
        values = ", ".join(f"`{v}`" for v in query.filters[0].values)
        readings.append(f"Listed every value of `{vocabulary.tag_label(key)}`, {values} among them.")
        return TagQuestion(key, query.time_range, tuple(readings))
    as_cost = f"`/cost {format_query(replace(query, question=Question.COST), vocabulary)}`"
    if query.filters:
        raise UsageError(
            f"`{_typed_value(text, query.filters[0], vocabulary)}`: `/tags` lists the values of one tag key over all "
            "the spend, without filters.",
            hint=f"Ask {as_cost} for it.",
        )
    if len(keys) > 1:
        labels = " and ".join(f"`{vocabulary.tag_label(k)}`" for k in keys)
        raise UsageError(f"{labels}: `/tags` lists one tag key at a time.", hint=f"Ask {as_cost} for both.")
    if not keys and query.group_by:
        raise UsageError(
            f"`by {query.group_by[0].kind.value}`: `/tags` lists tag keys, or one key's values.",
            hint=f"Ask {as_cost} for it.",
        )
    return TagQuestion(keys[0] if keys else None, query.time_range, tuple(readings))


def _typed_value(text: str, flt: Filter, vocabulary: Vocabulary) -> str:
    """The word of `text` that named `flt`'s value (`prod` for the account `production`, `Plattform` read as the
    tag value `Platform` by the typo rule), else the value."""
    names = [*flt.values, *(vocabulary.accounts.get(v, "") for v in flt.values)]
    names = [n.casefold() for n in names if n]
    words = [word.strip("?!.,;:") for word in text.split()]
    for word in words:
        w = word.casefold()
        if len(w) >= 2 and any(n == w or n.startswith(w) for n in names):
            return word
    return next(
        (w for w in words if len(w) > 3 and any(OSA.distance(w.casefold(), n) <= 2 for n in names)), flt.values[0]
    )
