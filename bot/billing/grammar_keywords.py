"""The query grammar's own keywords and what they name: dimensions, cost bases, time steps, filter keys.

Each table maps a word as typed (folded by `fold` where it says so) to the `bot.billing.model` value it names.
The parser (`grammar`), its clause readers (`grammar_clauses`) and the query's canonical text (`grammar_format`)
read them; nothing here reads text itself.
"""

from __future__ import annotations

import re

from bot.billing.model import CostBasis, Dimension, Granularity

#: Folded words (case, `-`, `_` and spaces removed) that name a dimension.
DIMENSION_WORDS: dict[str, Dimension] = {
    "service": Dimension.SERVICE,
    "services": Dimension.SERVICE,
    "svc": Dimension.SERVICE,
    "svcs": Dimension.SERVICE,
    "product": Dimension.SERVICE,
    "products": Dimension.SERVICE,
    "account": Dimension.ACCOUNT,
    "accounts": Dimension.ACCOUNT,
    "linkedaccount": Dimension.ACCOUNT,
    "acct": Dimension.ACCOUNT,
    "accts": Dimension.ACCOUNT,
    "region": Dimension.REGION,
    "regions": Dimension.REGION,
    "rgn": Dimension.REGION,
    "rgns": Dimension.REGION,
    "location": Dimension.REGION,
    "locations": Dimension.REGION,
    "usagetype": Dimension.USAGE_TYPE,
    "usagetypes": Dimension.USAGE_TYPE,
    "operation": Dimension.OPERATION,
    "operations": Dimension.OPERATION,
    "resource": Dimension.RESOURCE,
    "resources": Dimension.RESOURCE,
    "resourceid": Dimension.RESOURCE,
    "chargetype": Dimension.CHARGE_TYPE,
    "chargetypes": Dimension.CHARGE_TYPE,
    "chargecategory": Dimension.CHARGE_TYPE,
    "currency": Dimension.CURRENCY,
    "currencies": Dimension.CURRENCY,
    "provider": Dimension.PROVIDER,
    "providers": Dimension.PROVIDER,
    "vendor": Dimension.PROVIDER,
    "vendors": Dimension.PROVIDER,
    "cloud": Dimension.PROVIDER,
    "clouds": Dimension.PROVIDER,
    "chargeclass": Dimension.CHARGE_CLASS,
    "chargeclasses": Dimension.CHARGE_CLASS,
}
#: FOCUS's and other clouds' words for the same columns: a sub account is an Azure subscription; a SKU or an Azure
#: meter is what AWS bills as a usage type. Read only as typed, never as what a typo was meant to be (`centers` is
#: no typo of `meters`).
OTHER_CLOUDS_DIMENSION_WORDS: dict[str, Dimension] = {
    "subaccount": Dimension.ACCOUNT,
    "subaccounts": Dimension.ACCOUNT,
    "subscription": Dimension.ACCOUNT,
    "subscriptions": Dimension.ACCOUNT,
    "servicename": Dimension.SERVICE,
    "regionid": Dimension.REGION,
    "sku": Dimension.USAGE_TYPE,
    "skus": Dimension.USAGE_TYPE,
    "meter": Dimension.USAGE_TYPE,
    "meters": Dimension.USAGE_TYPE,
}
DIMENSION_WORDS.update(OTHER_CLOUDS_DIMENSION_WORDS)
#: The CUR's own column names (`line_item_line_item_type`, `product_region`), folded: the dimension each holds.
CUR_COLUMN_WORDS: dict[str, Dimension] = {
    "lineitemlineitemtype": Dimension.CHARGE_TYPE,
    "lineitemtype": Dimension.CHARGE_TYPE,
    "lineitemproductcode": Dimension.SERVICE,
    "productproductname": Dimension.SERVICE,
    "productservicecode": Dimension.SERVICE,
    "lineitemusageaccountid": Dimension.ACCOUNT,
    "lineitemusagetype": Dimension.USAGE_TYPE,
    "lineitemoperation": Dimension.OPERATION,
    "lineitemresourceid": Dimension.RESOURCE,
    "productregion": Dimension.REGION,
    "productregioncode": Dimension.REGION,
}
DIMENSION_WORDS.update(CUR_COLUMN_WORDS)
#: Two-word dimension names: `usage type`, `charge type`, `resource id`.
TWO_WORD_DIMENSIONS = {("usage", "type"), ("usage", "types"), ("charge", "type"), ("charge", "types")}
TWO_WORD_DIMENSIONS |= {("resource", "id"), ("charge", "category"), ("linked", "account"), ("charge", "class")}
#: An instance type is part of the usage type (`BoxUsage:m5.large`): people group EC2 by it.
TWO_WORD_DIMENSIONS |= {("instance", "type"), ("instance", "types")}
#: S3's storage classes are part of its usage types (`TimedStorage-GlacierByteHrs`).
TWO_WORD_DIMENSIONS |= {("storage", "class"), ("storage", "classes")}
DIMENSION_WORDS["instancetype"] = DIMENSION_WORDS["instancetypes"] = Dimension.USAGE_TYPE
DIMENSION_WORDS["storageclass"] = DIMENSION_WORDS["storageclasses"] = Dimension.USAGE_TYPE

BASIS_WORDS: dict[str, CostBasis] = {
    "unblended": CostBasis.UNBLENDED,
    "billed": CostBasis.UNBLENDED,
    "gross": CostBasis.UNBLENDED,
    "amortized": CostBasis.AMORTIZED,
    "amortised": CostBasis.AMORTIZED,
    "effective": CostBasis.AMORTIZED,
    "net": CostBasis.NET,
    # FOCUS's cost columns (`EffectiveCost by ServiceName`, `top 10 by BilledCost`)
    "billedcost": CostBasis.UNBLENDED,
    "effectivecost": CostBasis.AMORTIZED,
    # Cost Explorer's metrics (`--metrics UnblendedCost`, `NetUnblendedCost MTD by SERVICE`)
    "unblendedcost": CostBasis.UNBLENDED,
    "amortizedcost": CostBasis.AMORTIZED,
    "netunblendedcost": CostBasis.NET,
}
GRANULARITY_WORDS: dict[str, Granularity] = {
    "hourly": Granularity.HOUR,
    "daily": Granularity.DAY,
    "weekly": Granularity.WEEK,
    "monthly": Granularity.MONTH,
    "quarterly": Granularity.QUARTER,
}
GRANULARITY_UNITS: dict[str, Granularity] = {
    "hour": Granularity.HOUR,
    "day": Granularity.DAY,
    "week": Granularity.WEEK,
    "month": Granularity.MONTH,
    "quarter": Granularity.QUARTER,
}
CANONICAL_GRANULARITY = {v: k for k, v in GRANULARITY_WORDS.items()}
#: The filter keys as help and hints spell them; the last, `tag:`, starts a tag key.
FILTER_KEYS = (
    "service",
    "account",
    "region",
    "usage-type",
    "operation",
    "resource",
    "charge-type",
    "currency",
    "provider",
    "charge-class",
    "tag:",
)
#: `top5` typed as one word.
TOP_N = re.compile(r"^top(\d+)$")


def fold(text: str) -> str:
    """`text` without case, `-`, `_` and spaces: how `DIMENSION_WORDS` keys are spelled."""
    return re.sub(r"[\s_\-]+", "", text.casefold())
