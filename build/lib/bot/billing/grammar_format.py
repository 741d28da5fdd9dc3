"""A query written back as text: the canonical form that `grammar.parse_query` reads back to an equal query."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from bot.billing.grammar_builder import DEFAULT_TOP
from bot.billing.grammar_dates import range_label
from bot.billing.grammar_keywords import CANONICAL_GRANULARITY
from bot.billing.grammar_tokens import quote_value
from bot.billing.model import CostBasis, CostQuery, Dimension, DimensionRef, Filter, Granularity, Question, TimeRange
from bot.billing.vocabulary import Vocabulary
from bot.errors import UserFacingError


def format_query(
    query: CostQuery,
    vocabulary: Vocabulary | None = None,
    *,
    default_basis: CostBasis | None = None,
    named: bool = False,
) -> str:
    """Canonical text for `query`, which `parse_query` reads back to an equal query (same `today`, and the same
    default basis when `default_basis` is given: the basis is then written only when it is another).

    The time range is written as its label when it has one, else as explicit days. Tag keys are written in
    full (`tag:user:team`) unless a vocabulary is given to shorten them; with `named` (and a vocabulary),
    accounts and services are written by the short names people type (`account=staging service=ec2`) where those
    read back to the same values.
    """
    parts = [] if query.question is Question.COST else [query.question.value]
    parts.append(range_text(query.time_range))
    if query.versus is not None:
        parts.append(f"vs {range_label(query.versus.start, query.versus.end)}")
    if query.group_by:
        parts.append("by " + ", ".join(_full_ref_text(g, vocabulary) for g in query.group_by))
    if named and vocabulary is not None:
        parts.extend(named_filter(f, vocabulary) for f in query.filters)
    else:
        parts.extend(format_filter(f, vocabulary) for f in query.filters)
    if query.basis is not default_basis:
        parts.append(query.basis.value)
    if query.granularity is not Granularity.NONE:
        parts.append(CANONICAL_GRANULARITY[query.granularity])
    if query.top != DEFAULT_TOP:
        parts.append(f"top {query.top}")
    return " ".join(parts)


def range_text(time_range: TimeRange) -> str:
    """A time range as the grammar reads it back: its label when it has one, else its days."""
    r = time_range
    return r.label or f"{r.start:%Y-%m-%d}..{r.end - timedelta(days=1):%Y-%m-%d}"


def format_filter(flt: Filter, vocabulary: Vocabulary | None, values: Sequence[str] | None = None) -> str:
    """One filter as the grammar reads it back (`service="AWS Glue"`, `tag:env!=dev`), with `values` written in
    place of the stored ones when given (an account's name for its id)."""
    written = ",".join(quote_value(v) for v in (flt.values if values is None else values))
    return f"{_full_ref_text(flt.dimension, vocabulary)}{'!=' if flt.negate else '='}{written}"


def named_filter(flt: Filter, vocabulary: Vocabulary) -> str:
    """One filter as `format_filter` writes it, accounts and services by the short names people type
    (`account=staging`, `service=ec2`) where those read back to the same values, else as stored."""
    if flt.dimension.kind is Dimension.ACCOUNT:
        return format_filter(flt, vocabulary, [_account_word(v, vocabulary) for v in flt.values])
    if flt.dimension.kind is Dimension.SERVICE:
        return format_filter(flt, vocabulary, _service_words(flt.values, vocabulary))
    return format_filter(flt, vocabulary)


def _account_word(account_id: str, vocabulary: Vocabulary) -> str:
    name = vocabulary.accounts.get(account_id, "")
    try:
        return name if name and vocabulary.resolve_account(name) == account_id else account_id
    except UserFacingError:
        return account_id


def _service_words(names: Sequence[str], vocabulary: Vocabulary) -> list[str]:
    """The shortest words that name exactly `names` together (`ec2` for both of Cost Explorer's EC2 names), else
    the names."""
    wanted = set(names)
    for word in sorted(vocabulary.service_words(), key=len):
        try:
            if set(vocabulary.resolve_service(word)) == wanted:
                return [word]
        except UserFacingError:
            continue
    return list(names)


def _full_ref_text(ref: DimensionRef, vocabulary: Vocabulary | None) -> str:
    if ref.kind is Dimension.TAG:
        return vocabulary.tag_label(str(ref.tag_key)) if vocabulary else f"tag:{ref.tag_key}"
    return ref.kind.value
