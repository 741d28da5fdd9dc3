"""Column layouts of each export format, as data: (source column name, SQL over the canonical relation, kind).

`kind` says how a writer renders the value: "s" text, "n" decimal number, "t" timestamp, "i" integer, "m" a
map (CUR 2.0 and FOCUS). Per-period constants appear as `{payer}`, `{bp_start}`, `{bp_end}`, `{invoice}`, and the
billing currency's `{currency}` and `{entity}` (the invoicing legal entity).

Names follow the public specifications: legacy CUR "category/Name" headers (Athena parquet spells them in
snake_case, see `athena_name`), CUR 2.0's fixed snake_case schema with `product`, `resource_tags` and
`cost_category` maps, and AWS's FOCUS 1.0 table with its `x_` columns.
"""

from __future__ import annotations

import re

from bot.samples import catalog as cat

Column = tuple[str, str, str]

_LINE_TYPE = "line_type"
_TIME_INTERVAL = "strftime(usage_start, '%Y-%m-%dT%H:%M:%SZ') || '/' || strftime(usage_end, '%Y-%m-%dT%H:%M:%SZ')"
_BLENDED = "CASE WHEN line_type IN ('SavingsPlanNegation') THEN cost ELSE cost END"
_REGION_PRODUCT = "region"

#: Legacy CUR (CUR 1) columns, in file order. Tag and cost category columns follow (see `cur1_columns`).
CUR1_BASE: tuple[Column, ...] = (
    ("identity/LineItemId", "line_id", "s"),
    ("identity/TimeInterval", _TIME_INTERVAL, "s"),
    ("bill/InvoiceId", "'{invoice}'", "s"),
    ("bill/InvoicingEntity", "'{entity}'", "s"),
    ("bill/BillingEntity", "'AWS'", "s"),
    ("bill/BillType", "bill_type", "s"),
    ("bill/PayerAccountId", "'{payer}'", "s"),
    ("bill/BillingPeriodStartDate", "TIMESTAMP '{bp_start}'", "t"),
    ("bill/BillingPeriodEndDate", "TIMESTAMP '{bp_end}'", "t"),
    ("lineItem/UsageAccountId", "account_id", "s"),
    ("lineItem/LineItemType", _LINE_TYPE, "s"),
    ("lineItem/UsageStartDate", "usage_start", "t"),
    ("lineItem/UsageEndDate", "usage_end", "t"),
    ("lineItem/ProductCode", "product_code", "s"),
    ("lineItem/UsageType", "usage_type", "s"),
    ("lineItem/Operation", "operation", "s"),
    ("lineItem/AvailabilityZone", "az", "s"),
    ("lineItem/ResourceId", "resource_id", "s"),
    ("lineItem/UsageAmount", "usage_amount", "n"),
    ("lineItem/NormalizationFactor", "NULL::DOUBLE", "n"),
    ("lineItem/NormalizedUsageAmount", "NULL::DOUBLE", "n"),
    ("lineItem/CurrencyCode", "'{currency}'", "s"),
    ("lineItem/UnblendedRate", "rate", "n"),
    ("lineItem/UnblendedCost", "cost", "n"),
    ("lineItem/BlendedRate", "rate", "n"),
    ("lineItem/BlendedCost", _BLENDED, "n"),
    ("lineItem/LineItemDescription", "description", "s"),
    ("lineItem/TaxType", "tax_type", "s"),
    ("lineItem/LegalEntity", "'{entity}'", "s"),
    ("product/ProductName", "service_name", "s"),
    ("product/instanceType", "instance_type", "s"),
    ("product/location", "location", "s"),
    ("product/locationType", "CASE WHEN region <> '' THEN 'AWS Region' ELSE '' END", "s"),
    ("product/operation", "operation", "s"),
    ("product/productFamily", "product_family", "s"),
    ("product/region", _REGION_PRODUCT, "s"),
    ("product/regionCode", _REGION_PRODUCT, "s"),
    ("product/servicecode", "product_code", "s"),
    ("product/servicename", "service_name", "s"),
    ("product/usagetype", "usage_type", "s"),
    ("pricing/RateCode", "''", "s"),
    ("pricing/currency", "'{currency}'", "s"),
    ("pricing/publicOnDemandCost", "od_cost", "n"),
    ("pricing/publicOnDemandRate", "od_rate", "n"),
    ("pricing/term", "pricing_term", "s"),
    ("pricing/unit", "unit", "s"),
    ("reservation/AmortizedUpfrontCostForUsage", "ri_upfront_usage", "n"),
    ("reservation/AmortizedUpfrontFeeForBillingPeriod", "ri_amortized_upfront", "n"),
    ("reservation/EffectiveCost", "ri_effective", "n"),
    ("reservation/EndTime", "ri_end", "t"),
    ("reservation/NumberOfReservations", "ri_count", "i"),
    ("reservation/RecurringFeeForUsage", "ri_recurring_usage", "n"),
    ("reservation/ReservationARN", "reservation_arn", "s"),
    ("reservation/StartTime", "ri_start", "t"),
    ("reservation/TotalReservedUnits", "ri_units", "n"),
    ("reservation/UnusedAmortizedUpfrontFeeForBillingPeriod", "ri_unused_upfront", "n"),
    ("reservation/UnusedQuantity", "ri_unused_qty", "n"),
    ("reservation/UnusedRecurringFee", "ri_unused_recurring", "n"),
    ("savingsPlan/TotalCommitmentToDate", "sp_commitment", "n"),
    ("savingsPlan/SavingsPlanARN", "sp_arn", "s"),
    ("savingsPlan/SavingsPlanRate", "sp_rate", "n"),
    ("savingsPlan/UsedCommitment", "sp_used", "n"),
    ("savingsPlan/SavingsPlanEffectiveCost", "sp_effective", "n"),
    (
        "savingsPlan/AmortizedUpfrontCommitmentForBillingPeriod",
        "CASE WHEN line_type = 'SavingsPlanRecurringFee' THEN 0.0 END",
        "n",
    ),
    ("savingsPlan/RecurringCommitmentForBillingPeriod", "sp_recurring_period", "n"),
)

#: Tag keys as they appear in exports, and the canonical column that holds each.
TAGS: tuple[tuple[str, str], ...] = (
    ("aws:createdBy", "tag_created_by"),
    ("user:cost-center", "tag_cost_center"),
    ("user:env", "tag_env"),
    ("user:team", "tag_team"),
)
COST_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("business_unit", "cc_business_unit"),
    ("environment", "cc_environment"),
)


def cur1_columns() -> tuple[Column, ...]:
    """Every legacy CUR column: the base set, then `resourceTags/...` and `costCategory/...` (AWS orders them last)."""
    tags = tuple((f"resourceTags/{key}", col, "s") for key, col in TAGS)
    cats = tuple((f"costCategory/{name}", col, "s") for name, col in COST_CATEGORIES)
    return CUR1_BASE + tags + cats


def athena_name(slash_name: str) -> str:
    """The Athena (parquet) spelling of a legacy CUR header, as AWS writes it.

    `lineItem/UsageAccountId` -> `line_item_usage_account_id`, `reservation/ReservationARN` ->
    `reservation_reservation_a_r_n`, `resourceTags/user:cost-center` -> `resource_tags_user_cost_center`,
    `resourceTags/aws:createdBy` -> `resource_tags_aws_created_by`.
    """
    out: list[str] = []
    for part in slash_name.split("/"):
        piece = re.sub(r"(?<!^)([A-Z])", r"_\1", part) if not part.startswith(("user:", "aws:")) else part
        if part.startswith(("user:", "aws:")):
            prefix, _, key = part.partition(":")
            piece = prefix + "_" + re.sub(r"(?<!^)([A-Z])", r"_\1", key)
        out.append(re.sub(r"[^a-z0-9]+", "_", piece.lower()).strip("_"))
    return "_".join(out)


def cur2_map_key(tag_key: str) -> str:
    """CUR 2.0 `resource_tags` key of a tag: `user:cost-center` -> `user_cost_center`, `aws:createdBy` ->
    `aws_created_by` (the Athena spelling without the `resource_tags_` prefix)."""
    return athena_name("resourceTags/" + tag_key).removeprefix("resource_tags_")


def _map_sql(pairs: list[tuple[str, str]]) -> str:
    """A MAP(VARCHAR, VARCHAR) holding only the non-empty values."""
    entries = ", ".join(f"{{'k': '{k}', 'v': NULLIF({col}, '')}}" for k, col in pairs)
    return f"map_from_entries(list_filter([{entries}], lambda e: e.v IS NOT NULL))"


#: Map columns of the canonical relation and how each is built from its scalar columns. The generator builds them
#: once per resource (tags), account (cost categories) or SKU and region (product), not once per line: DuckDB's
#: `list_filter` with a lambda costs more than the rest of a line.
MAP_COLUMNS: dict[str, str] = {
    "m_cur2_tags": _map_sql([(cur2_map_key(k), c) for k, c in TAGS]),
    "m_tags": _map_sql(list(TAGS)),
    "m_cc": _map_sql(list(COST_CATEGORIES)),
    "m_tags_cc": _map_sql(list(TAGS) + [(f"costCategory/{name}", col) for name, col in COST_CATEGORIES]),
    "m_product": _map_sql(
        [("product_name", "service_name"), ("servicename", "service_name"), ("region", "region"), ("group", "''")]
    ),
}

_CUR2_SKIP = {"product/", "resourceTags/", "costCategory/"}
_CUR2_PRODUCT_COLUMNS = {
    "product/productFamily": "product_product_family",
    "product/regionCode": "product_region_code",
    "product/servicecode": "product_servicecode",
    "product/instanceType": "product_instance_type",
    "product/location": "product_location",
    "product/locationType": "product_location_type",
    "product/operation": "product_operation",
    "product/usagetype": "product_usagetype",
}


def cur2_columns() -> tuple[Column, ...]:
    """CUR 2.0 (Data Exports) columns: the fixed snake_case schema with `product`, `resource_tags` and
    `cost_category` as maps, and the account name columns CUR 2.0 added."""
    cols: list[Column] = []
    for name, sql, kind in CUR1_BASE:
        if name.startswith("product/"):
            if name in _CUR2_PRODUCT_COLUMNS:
                cols.append((_CUR2_PRODUCT_COLUMNS[name], sql, kind))
            continue
        cols.append((athena_name(name), sql, kind))
        if name == "bill/PayerAccountId":
            cols.append(("bill_payer_account_name", f"'{cat.ACCOUNT_BY_NAME['payer'].name}'", "s"))
        if name == "lineItem/UsageAccountId":
            cols.append(("line_item_usage_account_name", "account_name", "s"))
    cols.append(("product", "m_product", "m"))
    cols.append(("resource_tags", "m_cur2_tags", "m"))
    cols.append(("cost_category", "m_cc", "m"))
    cols.append(("discount", "MAP {}::MAP(VARCHAR, VARCHAR)", "m"))
    return tuple(cols)


_CHARGE_CATEGORY = """CASE line_type WHEN 'Tax' THEN 'Tax' WHEN 'Fee' THEN 'Purchase' WHEN 'RIFee' THEN 'Purchase'
    WHEN 'SavingsPlanRecurringFee' THEN 'Purchase' WHEN 'Credit' THEN 'Credit' WHEN 'Refund' THEN 'Credit'
    ELSE 'Usage' END"""
_EFFECTIVE = """CASE WHEN line_type = 'SavingsPlanCoveredUsage' THEN sp_effective
    WHEN line_type = 'SavingsPlanRecurringFee' THEN sp_commitment - sp_used
    WHEN line_type = 'DiscountedUsage' THEN ri_effective
    WHEN line_type = 'RIFee' THEN ri_unused_upfront + ri_unused_recurring
    WHEN line_type = 'Fee' AND reservation_arn <> '' THEN 0.0 ELSE cost END"""
_BILLED = "CASE WHEN line_type = 'SavingsPlanCoveredUsage' THEN 0.0 ELSE cost END"
_COMMITMENT_ID = "NULLIF(COALESCE(NULLIF(reservation_arn, ''), sp_arn), '')"

#: FOCUS 1.0 with AWS columns (table FOCUS_1_0_AWS). SavingsPlanNegation lines do not exist in FOCUS.
FOCUS_COLUMNS: tuple[Column, ...] = (
    ("AvailabilityZone", "NULLIF(az, '')", "s"),
    ("BilledCost", _BILLED, "n"),
    ("BillingAccountId", "'{payer}'", "s"),
    ("BillingAccountName", f"'{cat.ACCOUNT_BY_NAME['payer'].name}'", "s"),
    ("BillingCurrency", "'{currency}'", "s"),
    ("BillingPeriodEnd", "TIMESTAMP '{bp_end}'", "t"),
    ("BillingPeriodStart", "TIMESTAMP '{bp_start}'", "t"),
    ("ChargeCategory", _CHARGE_CATEGORY, "s"),
    ("ChargeClass", "CASE WHEN line_type = 'Refund' THEN 'Correction' END", "s"),
    ("ChargeDescription", "description", "s"),
    (
        "ChargeFrequency",
        """CASE WHEN bill_type = 'Purchase' THEN 'One-Time'
        WHEN line_type IN ('RIFee', 'SavingsPlanRecurringFee', 'Fee', 'Credit') THEN 'Recurring'
        WHEN line_type IN ('Tax', 'Refund') THEN 'One-Time' ELSE 'Usage-Based' END""",
        "s",
    ),
    ("ChargePeriodEnd", "usage_end", "t"),
    ("ChargePeriodStart", "usage_start", "t"),
    (
        "CommitmentDiscountCategory",
        f"CASE WHEN {_COMMITMENT_ID} IS NOT NULL THEN CASE WHEN sp_arn <> '' THEN 'Spend' ELSE 'Usage' END END",
        "s",
    ),
    ("CommitmentDiscountId", _COMMITMENT_ID, "s"),
    ("CommitmentDiscountName", "NULL::VARCHAR", "s"),
    (
        "CommitmentDiscountStatus",
        "CASE WHEN line_type IN ('DiscountedUsage', 'SavingsPlanCoveredUsage') THEN 'Used' END",
        "s",
    ),
    (
        "CommitmentDiscountType",
        "CASE WHEN reservation_arn <> '' THEN 'Reserved Instance' WHEN sp_arn <> '' THEN 'Compute Savings Plans' END",
        "s",
    ),
    ("ConsumedQuantity", "CASE WHEN line_type LIKE '%Usage' OR line_type = 'Usage' THEN usage_amount END", "n"),
    ("ConsumedUnit", "CASE WHEN line_type LIKE '%Usage' OR line_type = 'Usage' THEN NULLIF(unit, '') END", "s"),
    ("ContractedCost", _BILLED, "n"),
    ("ContractedUnitPrice", "rate", "n"),
    ("EffectiveCost", _EFFECTIVE, "n"),
    ("InvoiceIssuerName", "'{entity}'", "s"),
    ("ListCost", "COALESCE(od_cost, cost)", "n"),
    ("ListUnitPrice", "od_rate", "n"),
    (
        "PricingCategory",
        "CASE WHEN line_type IN ('DiscountedUsage', 'SavingsPlanCoveredUsage') THEN 'Committed' "
        "WHEN line_type = 'Usage' THEN 'Standard' END",
        "s",
    ),
    ("PricingQuantity", "usage_amount", "n"),
    ("PricingUnit", "NULLIF(unit, '')", "s"),
    ("ProviderName", "'AWS'", "s"),
    ("PublisherName", "'{entity}'", "s"),
    ("RegionId", "NULLIF(region, '')", "s"),
    ("RegionName", "CASE WHEN region <> '' THEN location END", "s"),
    ("ResourceId", "NULLIF(resource_id, '')", "s"),
    ("ResourceName", "NULL::VARCHAR", "s"),
    ("ResourceType", "NULLIF(product_family, '')", "s"),
    ("ServiceCategory", "service_category", "s"),
    ("ServiceName", "service_name", "s"),
    ("SkuId", "NULL::VARCHAR", "s"),
    ("SkuPriceId", "NULL::VARCHAR", "s"),
    ("SubAccountId", "account_id", "s"),
    ("SubAccountName", "account_name", "s"),
    ("Tags", "m_tags", "m"),
    ("x_CostCategories", "m_cc", "m"),
    ("x_Discounts", "MAP {}::MAP(VARCHAR, VARCHAR)", "m"),
    ("x_Operation", "NULLIF(operation, '')", "s"),
    ("x_ServiceCode", "product_code", "s"),
    ("x_UsageType", "NULLIF(usage_type, '')", "s"),
)

_FOCUS_12_DROPPED = {"x_UsageType", "x_CostCategories"}  # SkuMeter and the Tags map carry them in 1.2
_FOCUS_12_TAGS = "m_tags_cc"

#: FOCUS 1.2 with AWS columns (table FOCUS_1_2_AWS): 1.0's columns without x_UsageType (now SkuMeter) and
#: x_CostCategories (now in Tags, prefixed `costCategory/`), plus the columns FOCUS 1.1 and 1.2 added.
FOCUS_12_COLUMNS: tuple[Column, ...] = tuple(
    sorted(
        [(n, _FOCUS_12_TAGS if n == "Tags" else s, k) for n, s, k in FOCUS_COLUMNS if n not in _FOCUS_12_DROPPED]
        + [
            ("BillingAccountType", "'Billing Account'", "s"),
            ("CapacityReservationId", "NULL::VARCHAR", "s"),
            ("CapacityReservationStatus", "NULL::VARCHAR", "s"),
            ("CommitmentDiscountQuantity", "NULL::DOUBLE", "n"),
            ("CommitmentDiscountUnit", "NULL::VARCHAR", "s"),
            ("InvoiceId", "NULLIF('{invoice}', '')", "s"),
            ("InvoiceIssuerId", "NULL::VARCHAR", "s"),
            ("PricingCurrency", "'{currency}'", "s"),
            ("PricingCurrencyContractedUnitPrice", "rate", "n"),
            ("PricingCurrencyEffectiveCost", _EFFECTIVE, "n"),
            ("PricingCurrencyListUnitPrice", "od_rate", "n"),
            ("ServiceSubcategory", "NULL::VARCHAR", "s"),
            ("SkuMeter", "NULLIF(usage_type, '')", "s"),
            ("SkuPriceDetails", "NULL::VARCHAR", "s"),
            ("SubAccountType", "'Linked Account'", "s"),
        ],
        key=lambda c: (c[0].startswith("x_"), c[0]),
    )
)
