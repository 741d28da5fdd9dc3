"""`/tags` in plain words: which tag key's values a question asks for, over which period and which spend.

`/tags` lists either every tag key ranked by coverage, or one key's values, over the spend its filters keep
(`service=ec2`, `account=staging`, another tag's values, negations such as `service!=tax`). Its strict form is
`[key] [filters] [range]` (`commands.tags`); a question in plain words (`how much of Glue is tagged by team in
ap-southeast-2`, `who created the resources that cost the most in september`) is read here with the one query
grammar, the words that only name tags themselves (`labels`, `coverage`, `tagged`) left out. What `/tags`
cannot answer (two keys at once, a breakdown by something other than a tag, leaving values of the listed key
out) is refused naming the word, with the `/cost` question that answers it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from rapidfuzz.distance import OSA

from bot.billing.grammar import parse_query
from bot.billing.grammar_format import format_filter, format_query, named_filter
from bot.billing.grammar_keywords import DIMENSION_WORDS
from bot.billing.model import CostQuery, Dimension, DimensionRef, Filter, Question, TimeRange
from bot.billing.vocabulary import Vocabulary
from bot.errors import AskedElsewhere

#: Words that name tags or their coverage: what `/tags` is about anyway.
TAG_WORDS = frozenset(
    {
        *("tag", "tags", "tagged", "tagging", "label", "labels", "labelled", "labeled", "labelling", "labeling"),
        *("coverage", "covered", "covers", "cover", "percentage", "percent", "allocated", "allocation", "via"),
        *("allocate", "allocatable", "untagged", "unlabelled", "unlabeled", "tagless", "compliance", "compliant"),
        "unallocated",
        *("hygiene", "missing", "no", "fraction", "proportion", "share", "%"),
    }
)


class NotATagsQuestion(AskedElsewhere):
    """A question `/tags` does not answer as asked (two keys, a breakdown by something other than a tag, values
    of the listed key left out, values of two keys and no key named): the message names the word, the hint gives
    the question that answers it, which the refusal offers to ask (`command`, `text`)."""

    @classmethod
    def asking(cls, message: str, command: str, text: str, *, what: str = "it") -> NotATagsQuestion:
        """The refusal `message`, offering `command text`: `Ask `/cost ...` for it.`"""
        return cls(message, f"Ask `{command} {text}` for {what}.", command=command, text=text)


@dataclass(frozen=True)
class TagQuestion:
    """What a `/tags` question asks: the tag key (None: every key ranked by coverage), the period, the filters
    (the spend it is about; never the listed key's own values), and how the grammar read it (corrected words,
    words left out), said in the answer."""

    key: str | None
    time_range: TimeRange
    readings: tuple[str, ...] = ()
    filters: tuple[Filter, ...] = ()


def read_tag_question(
    text: str, *, today: date, vocabulary: Vocabulary, default_range: str = "this month"
) -> tuple[str | None, TimeRange]:
    """The tag key `text` asks about (None: every key, ranked by coverage) and its time range (`tag_question`)."""
    found = tag_question(text, today=today, vocabulary=vocabulary, default_range=default_range)
    return found.key, found.time_range


def tag_question(
    text: str, *, today: date, vocabulary: Vocabulary, default_range: str = "this month", key: str | None = None
) -> TagQuestion:
    """The tag key, period, filters and readings of `text`, a `/tags` question in plain words; with `key` (the
    stored key the strict form named first), `text` is the rest of the question and lists that key.

    A key named by a value alone (`project tag for checkout, search and data`, `Platform team on ec2`) asks for
    that key's values, which the answer lists anyway: said as a reading, never a filter (a filter on the listed
    key would leave one value at 100%). Every other filter keeps its spend. Raises `UsageError` (the grammar's,
    e.g. a did-you-mean for a misspelt value) or `NotATagsQuestion` naming the word for what `/tags` does not
    answer: two tag keys, a breakdown by something other than a tag, a listed key's values left out (`team!=web`),
    values of two tag keys with no key to list; the hint gives the `/cost` question that answers it.
    """
    typed = text.split()
    # (after the key, `breakdown` is by it: `env breakdown not counting the data lake`)
    listed = TAG_WORDS | ({"breakdown", "breakdowns"} if key is not None else set())
    folded = [w.strip("?!.,").casefold() for w in typed]
    # (`Tag key "team"`: the key's name after it; `the untagged bucket`: the untagged group, no S3 bucket)
    dropped = [
        w in listed
        or (w in ("key", "keys") and k > 0 and folded[k - 1] in TAG_WORDS)
        or (w in ("bucket", "buckets") and k > 0 and folded[k - 1] in ("untagged", "unlabelled", "unlabeled"))
        for k, w in enumerate(folded)
    ]
    words = [
        w
        for k, w in enumerate(typed)
        if not dropped[k]
        and not (w.casefold() in ("vs", "versus", "vs.") and k + 1 < len(typed) and dropped[k + 1])  # `vs untagged`
    ]
    query = parse_query(
        " ".join(words), today=today, vocabulary=vocabulary, default_range=default_range, split_checks=False
    )
    return _settle(text, query, vocabulary, key)


def _tag_key_too(query: CostQuery, text: str, other: DimensionRef, vocabulary: Vocabulary) -> str | None:
    """The tag key whose values the words of `text` that group by `other` name as well (`staging`: an account and an
    `env`; `prod`, read as the account `production`), else None."""
    for word in re.findall(r"[\w:-]+", text):
        value = re.sub(r"^non-?", "", word)
        meanings = vocabulary.meanings(value)
        read_so = any(r.startswith(f"Read `{value}` as the {other.kind.value}") for r in query.readings)
        if read_so or any(m.dimension.kind is other.kind for m in meanings):
            tags = [m.dimension.tag_key for m in meanings if m.dimension.kind is Dimension.TAG]
            if tags:
                return str(tags[0])
    return None


#: Every value of a dimension named together (`across all accounts`, `all 3 accts`, `all the regions`).
_ALL_OF = re.compile(r"\ball (?:the |our |linked |\d+ )*(accounts?|accts?|regions?|services?)\b", re.IGNORECASE)


def _settle(text: str, query: CostQuery, vocabulary: Vocabulary, key: str | None) -> TagQuestion:
    """The `/tags` question a parsed `query` asks (see `tag_question`)."""
    if any(g.kind is Dimension.RESOURCE for g in query.group_by):  # `buckets nobody tagged`: what tags are on
        query = replace(query, group_by=tuple(g for g in query.group_by if g.kind is not Dimension.RESOURCE))
    keys = [key] if key is not None else []
    if key is not None and DimensionRef.tag(key) not in query.group_by and len(query.group_by) < 3:
        query = replace(query, group_by=(DimensionRef.tag(key), *query.group_by))  # the whole question, for hints
    keys += [str(g.tag_key) for g in query.group_by if g.kind is Dimension.TAG and str(g.tag_key) not in keys]
    if len(keys) > 1:
        labels = " and ".join(f"`{vocabulary.tag_label(k)}`" for k in keys)
        raise NotATagsQuestion.asking(
            f"{labels}: `/tags` lists one tag key at a time.", "/cost", _cost_text(query, vocabulary), what="both"
        )
    others = [g for g in query.group_by if g.kind is not Dimension.TAG]
    every = _ALL_OF.search(text)
    together = [g for g in others if every is not None and g.kind is DIMENSION_WORDS[every[1].casefold()]]
    if together and every is not None and not keys:
        # `untagged for the team tag across all accounts`: every account together, as `/tags` sums them anyway
        reading = f"Read `{every[0]}` as all of them together."
        query = replace(
            query,
            group_by=tuple(g for g in query.group_by if g not in together),
            readings=(*query.readings, reading),
        )
        others = [g for g in others if g not in together]
    if others and not keys and (key_too := _tag_key_too(query, text, others[0], vocabulary)) is not None:
        # `staging vs prod`, `prod vs non-prod`: values of an account and of a tag alike, the tag's are listed here
        dropped, others, keys = others[0], others[1:], [key_too]
        account_read = ("; for the tag say `tag:", f"as every {dropped.kind.value} side by side")
        query = replace(
            query,
            group_by=tuple(g for g in query.group_by if g != dropped),
            filters=tuple(f for f in query.filters if f.dimension != dropped),
            readings=tuple(r for r in query.readings if not any(a in r for a in account_read)),  # (a tag's, here)
        )
    if others and not keys:
        raise NotATagsQuestion.asking(
            f"`by {others[0].kind.value}`: `/tags` lists tag keys, or one key's values.",
            "/cost",
            _cost_text(query, vocabulary),
        )
    if not keys:  # a key named by its values alone: `Platform team`, `project for checkout and search`
        named = list(dict.fromkeys(_tag_key(f) for f in query.filters if _tag_key(f) and not f.negate))
        if len(named) > 1:
            flt = next(f for f in query.filters if _tag_key(f) == named[1])
            labels = " or ".join(f"`{vocabulary.tag_label(str(k))}`" for k in named)
            listing = f"{_bare(vocabulary.tag_label(str(named[0])))} {filters_text([flt], vocabulary)}"
            raise NotATagsQuestion(
                f"`{_typed_value(text, flt, vocabulary)}`: `/tags` lists the values of one tag key, {labels}.",
                f"Name the key to list, e.g. `/tags {listing}`.",
                command="/tags",
                text=listing,
            )
        keys = [str(k) for k in named]
    readings = list(query.readings)
    if others:  # `who created the resources that cost the most`: the key's values are the answer
        by = ", ".join(g.kind.value for g in others)
        readings.append(
            f"Listed the values of `{vocabulary.tag_label(keys[0])}` only: `/tags` does not break them down by {by} "
            f"(ask `/cost {_cost_text(query, vocabulary)}` for that)."
        )
    if not keys:
        return TagQuestion(None, query.time_range, tuple(readings), query.filters)
    listed = keys[0]
    own = [f for f in query.filters if _tag_key(f) == listed]
    left_out = next((f for f in own if f.negate), None)
    if left_out is not None:
        typed = _typed_value(text, left_out, vocabulary)
        rest = _cost_text(replace(query, group_by=(DimensionRef.tag(listed),)), vocabulary)
        if "!=" in typed:  # `team team!=web`: asked to leave it out, which the list cannot
            raise NotATagsQuestion.asking(
                f"`{typed}`: `/tags` lists every value of `{vocabulary.tag_label(listed)}`, and cannot leave some out.",
                "/cost",
                rest,
                what="the others",
            )
        # `how much of it is non-prod`: every value listed, the one named among them
        readings.append(
            f"Listed every value of `{vocabulary.tag_label(listed)}`, `{typed}` among them: `/cost {rest}` totals the "
            "others."
        )
        own = [f for f in own if not f.negate]
    if own:
        values = ", ".join(f"`{v}`" for v in dict.fromkeys(v for f in own for v in f.values))
        readings.append(f"Listed every value of `{vocabulary.tag_label(listed)}`, {values} among them.")
    filters = tuple(f for f in query.filters if _tag_key(f) != listed)
    return TagQuestion(listed, query.time_range, tuple(readings), filters)


def _tag_key(flt: Filter) -> str | None:
    return flt.dimension.tag_key if flt.dimension.kind is Dimension.TAG else None


def _bare(label: str) -> str:
    """`tag:team` -> `team`, the way the strict form names a key."""
    return label.removeprefix("tag:")


def _cost_text(query: CostQuery, vocabulary: Vocabulary) -> str:
    """The `/cost` question (canonical text) that answers what `query` asks."""
    return format_query(replace(query, question=Question.COST), vocabulary)


def filters_text(filters: Sequence[Filter], vocabulary: Vocabulary) -> str:
    """`filters` as the grammar reads them back (`service="AWS Glue" region=ap-southeast-2 tag:env!=dev`), the
    way `/cost` questions are written (`bot.billing.grammar_format`); accounts by the name that reads back to
    them, else their id."""
    return " ".join(
        named_filter(f, vocabulary) if f.dimension.kind is Dimension.ACCOUNT else format_filter(f, vocabulary)
        for f in filters
    )


def _typed_value(text: str, flt: Filter, vocabulary: Vocabulary) -> str:
    """The word of `text` that named `flt`'s value (`prod` for the account `production`, `Plattform` read as the
    tag value `Platform` by the typo rule), else the value."""
    names = [*flt.values, *(vocabulary.accounts.get(v, "") for v in flt.values)]
    names = [n.casefold() for n in names if n]
    words = [word.strip("?!.,;:") for word in text.split()]
    for word in words:  # `team!=web`, `service=glue` as typed
        if "=" in word and word.rpartition("=")[2].casefold() in names:
            return word
    for word in words:
        w = word.casefold()
        if len(w) >= 2 and any(n == w or n.startswith(w) for n in names):
            return word
    return next(
        (w for w in words if len(w) > 3 and any(OSA.distance(w.casefold(), n) <= 2 for n in names)), flt.values[0]
    )
