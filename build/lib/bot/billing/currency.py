"""The one currency a question's amounts are in, from the line items.

Every billing period records the currencies its line items carry (`PeriodStatus.currencies`, measured at
load). A question over periods billed in one currency is answered in it without any extra query. When the
store holds several, amounts in different currencies are never added together: the question is kept in one
currency (a `currency` filter on every aggregate), and a question whose own line items span several currencies
is refused with a message naming each currency, its periods, and how to pick one (`currency=EUR`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.billing.model import AggregateRequest, Dimension, DimensionRef, Filter, PeriodStatus, TimeRange
from bot.billing.money import DEFAULT_CURRENCY
from bot.billing.store import BillingStore
from bot.errors import UsageError

CURRENCY = DimensionRef(Dimension.CURRENCY)
PROVIDER = DimensionRef(Dimension.PROVIDER)


class MixedCurrencies(UsageError):
    """A question whose line items are billed in several currencies and that did not pick one."""


@dataclass(frozen=True)
class CurrencyScope:
    """The currency of a question and the filters that keep every one of its aggregates in that currency.

    `filters` are the question's own, plus `currency=<code>` when the store also holds other currencies.
    """

    currency: str
    filters: tuple[Filter, ...]


def _chosen(filters: Sequence[Filter]) -> str | None:
    """The currency a `currency=X` filter picks (one value, not negated), else None."""
    for f in filters:
        if f.dimension.kind is Dimension.CURRENCY and not f.negate and len(f.values) == 1:
            return f.values[0]
    return None


def _periods_text(periods: Sequence[PeriodStatus], code: str) -> str:
    months = [f"{p.billing_period:%Y-%m}" for p in periods if code in p.currencies]
    return ", ".join(months[:4]) + (f" and {len(months) - 4} more" if len(months) > 4 else "")


def currency_scope(store: BillingStore, time_range: TimeRange, filters: Sequence[Filter] = ()) -> CurrencyScope:
    """The currency of the question (`time_range`, `filters`) and the filters to aggregate it with.

    One currency in the periods of the range (the common case): that one, no extra query. Several: the
    question's own line items decide (one aggregate by currency); a `currency=` filter picks one. A range
    without data answers in the currency of the newest period (`DEFAULT_CURRENCY` for an empty store).
    Raises `MixedCurrencies` when the question's line items are in several currencies and none was picked.
    """
    filters = tuple(filters)
    every = store.periods()
    held = {c for p in every for c in p.currencies}
    chosen = _chosen(filters)
    if chosen is not None:
        return CurrencyScope(chosen, filters)
    months = set(time_range.months())
    in_range = [p for p in every if p.billing_period in months]
    codes = sorted({c for p in in_range for c in p.currencies})
    if len(codes) > 1:
        rows = store.aggregate(AggregateRequest(time_range, group_by=(CURRENCY, PROVIDER), filters=filters))
        used = sorted({r.keys[0] for r in rows if r.line_items and r.keys[0] in codes})
        if len(used) > 1:
            providers = {c: sorted({r.keys[1] for r in rows if r.keys[0] == c and r.line_items}) for c in used}
            several = len({p for ps in providers.values() for p in ps}) > 1

            def who(code: str) -> str:  # multi-cloud: which providers bill in this currency
                return f"{', '.join(providers[code])}; " if several else ""

            listed = "; ".join(f"{c} ({who(c)}{_periods_text(in_range, c)})" for c in used)
            one_provider = [ps[0] for ps in providers.values() if len(ps) == 1]
            also = f", or one provider: `provider={one_provider[0]}`" if several and one_provider else ""
            raise MixedCurrencies(
                f"These costs are billed in {len(used)} currencies: {listed}. Amounts in different currencies "
                "are never added together.",
                hint="Ask for one currency: " + " or ".join(f"`currency={c}`" for c in used) + also + ".",
            )
        codes = used or list(in_range[-1].currencies[:1])
    if not codes:
        newest = next((p.currencies for p in reversed(every) if p.currencies), ())
        codes = list(newest[:1]) or [DEFAULT_CURRENCY]
    code = codes[0]
    if held - {code}:
        return CurrencyScope(code, (*filters, Filter(CURRENCY, (code,))))
    return CurrencyScope(code, filters)


def currency_note(store: BillingStore, previous: TimeRange, currency: str) -> str | None:
    """Why a comparison with `previous` is left out: its periods are billed only in other currencies."""
    codes = store.freshness(previous).currencies
    if codes and currency not in codes:
        return f"No comparison: the previous period is billed in {', '.join(codes)}, not {currency}."
    return None


def period_currency(store: BillingStore, time_range: TimeRange) -> str:
    """The currency to show one item of the periods of `time_range` in (a commitment's unused fee, a period's
    total): their currency when they have one, else the newest period's (`DEFAULT_CURRENCY` without data).
    Never raises: for questions that sum line items, use `currency_scope`."""
    months = set(time_range.months())
    every = store.periods()
    for candidates in ([p for p in every if p.billing_period in months], every):
        newest = next((p.currencies for p in reversed(candidates) if p.currencies), ())
        if newest:
            return newest[0]
    return DEFAULT_CURRENCY


def in_currency(
    store: BillingStore, time_range: TimeRange, filters: Sequence[Filter], currency: str
) -> tuple[Filter, ...]:
    """`filters` kept to amounts in `currency` (a budget's), for a question over `time_range`.

    Unchanged when the store holds no other currency. Raises `UsageError` when the periods of the range are
    billed only in other currencies: such amounts cannot be compared with ones in `currency`.
    """
    held = store.freshness(time_range).currencies
    if held and currency not in held:
        raise UsageError(
            f"The bill for {time_range.label or 'this period'} is in {', '.join(held)}, not {currency}: amounts in "
            "different currencies are never compared.",
            hint=f"Set the budget again in {held[0]}: it takes the currency of the bill.",
        )
    if {c for p in store.periods() for c in p.currencies} - {currency}:
        return (*filters, Filter(CURRENCY, (currency,)))
    return tuple(filters)
