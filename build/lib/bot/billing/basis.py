"""Which cost bases the stored exports can answer.

Unblended and amortized cost exist for every export. Net cost (after discounts: EDP, private pricing, bundled
discounts) exists only where the export carries net columns (`lineItem/NetUnblendedCost`, Cost Explorer's
NetUnblendedCost): each billing period records it at load (`PeriodStatus.has_net_cost`). A net question over a
period without it is refused, naming the periods, instead of silently answering with unblended cost.
"""

from __future__ import annotations

from bot.billing.model import CostBasis, TimeRange
from bot.billing.store import BillingStore
from bot.errors import UsageError


class BasisUnavailable(UsageError):
    """A cost basis the exports of the asked periods do not carry."""


def require_basis(store: BillingStore, basis: CostBasis, time_range: TimeRange) -> None:
    """Raise `BasisUnavailable` when `basis` is net and a stored period of `time_range` has no net cost.

    Periods that hold no data are not judged (there is nothing to misreport).
    """
    if basis is not CostBasis.NET:
        return
    months = set(time_range.months())
    missing = [p for p in store.periods() if p.billing_period in months and not p.has_net_cost]
    if not missing:
        return
    names = ", ".join(f"{p.billing_period:%Y-%m}" for p in missing)
    raise BasisUnavailable(
        f"Net cost is not in this export for {names}: its files carry no net (after-discount) cost columns, "
        "so net would only repeat unblended cost.",
        hint="Ask for `unblended` or `amortized` cost instead. Net cost appears in a Cost and Usage Report "
        "when the account has discounts (lineItem/NetUnblendedCost).",
    )
