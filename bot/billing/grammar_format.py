"""A query written back as text: the canonical form that `grammar.parse_query` reads back to an equal query."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from bot.billing.grammar_builder import DEFAULT_TOP
from bot.billing.grammar_dates import range_label
from bot.billing.grammar_keywords import CANONICAL_GRANULARITY
from bot.billing.grammar_tokens import quote_value
from bot.billing.model import CostBasis, CostQuery, Dimension, DimensionRef, Filter, Granularity, Question
from bot.billing.vocabulary import Vocabulary


def format_query(
    query: CostQuery, vocabulary: Vocabulary | None = None, *, default_basis: CostBasis | None = None
) -> str:
    """Canonical text for `query`, which `parse_query` reads back to an equal query (same `today`, and the same
    default basis when `default_basis` is given: the basis is then written only when it is another).

    The time range is written as its label when it has one, else as explicit days. Tag keys are written in
    full (`tag:user:team`) unless a vocabulary is given to shorten them.
    """
    r = query.time_range
    parts = [] if query.question is Question.COST else [query.question.value]
    parts.append(r.label or f"{r.start:%Y-%m-%d}..{r.end - timedelta(days=1):%Y-%m-%d}")
    if query.versus is not None:
        parts.append(f"vs {range_label(query.versus.start, query.versus.end)}")
    if query.group_by:
        parts.append("by " + ", ".join(_full_ref_text(g, vocabulary) for g in query.group_by))
    parts.extend(format_filter(f, vocabulary) for f in query.filters)
    if query.basis is not default_basis:
        parts.append(query.basis.value)
    if query.granularity is not Granularity.NONE:
        parts.append(CANONICAL_GRANULARITY[query.granularity])
    if query.top != DEFAULT_TOP:
        parts.append(f"top {query.top}")
    return " ".join(parts)


def format_filter(flt: Filter, vocabulary: Vocabulary | None, values: Sequence[str] | None = None) -> str:
    """One filter as the grammar reads it back (`service="AWS Glue"`, `tag:env!=dev`), with `values` written in
    place of the stored ones when given (an account's name for its id)."""
    written = ",".join(quote_value(v) for v in (flt.values if values is None else values))
    return f"{_full_ref_text(flt.dimension, vocabulary)}{'!=' if flt.negate else '='}{written}"


def _full_ref_text(ref: DimensionRef, vocabulary: Vocabulary | None) -> str:
    if ref.kind is Dimension.TAG:
        return vocabulary.tag_label(str(ref.tag_key)) if vocabulary else f"tag:{ref.tag_key}"
    return ref.kind.value
