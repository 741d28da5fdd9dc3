"""What moved most: the groups of a breakdown ranked by their change against the previous like-for-like period.

"Biggest increase last month" asks which services (accounts, teams, ...) rose most, not which cost most: a
$40k service that held steady is not news, a $2k one that doubled is. Both spans are compared as they are (the
complete days of the range against the same stretch of the period before, `bot.billing.pace.previous_span`),
so the changes shown add up, with the groups not shown, to the change of the total.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.billing.model import AggregateRequest, CostQuery, Filter, GroupCost, Question, TimeRange
from bot.billing.store import BillingStore


def rank_changes(
    store: BillingStore,
    query: CostQuery,
    compared: TimeRange,
    previous: TimeRange,
    filters: Sequence[Filter],
) -> tuple[GroupCost, ...]:
    """The `query.top` groups of `query.group_by` that rose most (`Question.INCREASES`) or fell most
    (`Question.DECREASES`) from `previous` to `compared`, biggest move first (equal moves by key); groups that
    moved the other way or not at all are left out. `cost` is over the whole range (`compared_cost` over the
    compared days when the range is still in progress), `previous_cost` over `previous`: a group new in the range
    has previous cost 0, one gone from it cost 0."""
    rising = query.question is not Question.DECREASES

    def by_keys(span: TimeRange) -> dict[tuple[str, ...], float]:
        request = AggregateRequest(span, group_by=query.group_by, filters=tuple(filters), basis=query.basis)
        return {r.keys: r.cost for r in store.aggregate(request)}

    now = by_keys(compared)
    before = by_keys(previous)
    whole = now if compared == query.time_range else by_keys(query.time_range)
    # Rounded below float noise, so that equal moves tie and are ordered by key, the same on every backend.
    moves = {k: round(now.get(k, 0.0) - before.get(k, 0.0), 6) for k in {*now, *before}}
    kept = [k for k, d in moves.items() if (d > 0.005 if rising else d < -0.005)]
    kept.sort(key=lambda k: (-abs(moves[k]), k))
    partial = compared != query.time_range
    return tuple(
        GroupCost(k, whole.get(k, 0.0), before.get(k, 0.0), now.get(k, 0.0) if partial else None)
        for k in kept[: query.top]
    )
