"""How each export format maps onto the line-item schema, as data: one table per format.

A table maps every canonical column of `LINE_ITEM_COLUMNS` to a `Rule`:

- `Col(a, b, ...)`: the first of the source columns that the files have (COALESCE when several are present);
- `Expr(template)`: a SQL expression over source columns written `{d:name}` (cast to DOUBLE), `{s:name}` (text,
  empty -> NULL), `{t:name}` (UTC timestamp) or `{m:map.key}` (a value of a map column, e.g. CUR 2.0's
  `product`), each rendered as NULL when the files lack the column;
- `Const(sql)`: a literal.

The renderer (`bot.ingest.readers`) casts every rule's result to the canonical column's type, so the tables only
say *where* a value comes from. Column lookup is case-insensitive, and for legacy CUR a slash name such as
`lineItem/UnblendedCost` also finds its Athena spelling `line_item_unblended_cost`.

Amortized cost (`effective_cost`) follows AWS's own rule for legacy CUR and CUR 2.0 (the CUR query library and the
FOCUS converters agree):

    SavingsPlanCoveredUsage  -> savingsPlan/SavingsPlanEffectiveCost
    SavingsPlanRecurringFee  -> savingsPlan/TotalCommitmentToDate - savingsPlan/UsedCommitment (the unused part)
    SavingsPlanNegation      -> 0      (the covered usage is already counted at its effective cost)
    SavingsPlanUpfrontFee    -> 0      (spread over covered usage instead)
    DiscountedUsage          -> reservation/EffectiveCost
    RIFee                    -> reservation/UnusedAmortizedUpfrontFeeForBillingPeriod + reservation/UnusedRecurringFee
    Fee with a reservation   -> 0      (RI upfront fee, spread over covered usage)
    anything else            -> lineItem/UnblendedCost

FOCUS carries EffectiveCost itself. Charge categories for CUR follow the FinOps Foundation's converter, except that
Credit and Refund lines are `Credit` (FOCUS 1.0 has that category).

`charge_class` (usage-driven or which kind of period charge) is rendered from the decision table of
`bot.billing.charges`: for CUR from the line item type and the charge period, for FOCUS from ChargeCategory,
ChargeFrequency and ChargeClass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.billing.charges import ChargeFields, classify_sql
from bot.billing.model import LINE_ITEM_COLUMN_NAMES
from bot.billing.providers import provider_sql


@dataclass(frozen=True)
class Col:
    """The first present of these source columns (COALESCE over all present ones)."""

    names: tuple[str, ...]

    def __init__(self, *names: str) -> None:
        object.__setattr__(self, "names", names)


@dataclass(frozen=True)
class Expr:
    """A SQL template over source columns (see the module docstring for the placeholder forms)."""

    template: str


@dataclass(frozen=True)
class Const:
    """A SQL literal."""

    sql: str


Rule = Col | Expr | Const


@dataclass(frozen=True)
class FormatSpec:
    """One export format: its canonical mapping, what it must have, and how its tags are spelled."""

    name: str
    rules: dict[str, Rule]
    #: Source columns (any alternative of each tuple) without which a file is not usable.
    required: tuple[tuple[str, ...], ...]
    #: Source column whose sum (in DECIMAL) is the export's own unblended total.
    billed_cost: str
    #: Source column giving the billing period start when no manifest or path names it.
    period_start: str
    #: Strings that mean NULL in CSV files of this format.
    null_strings: tuple[str, ...] = ("",)
    #: Source columns identifying one line item within one file of a delivery: the line item id and the time
    #: interval it is for (AWS repeats an id for every hour or day of the same usage, and promises uniqueness
    #: only within one file). Empty for formats without a line item id (FOCUS).
    line_item_key: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        missing = [c for c in LINE_ITEM_COLUMN_NAMES if c != "billing_period" and c not in self.rules]
        if missing:
            raise ValueError(f"{self.name}: no rule for {missing}")


# ------------------------------------------------------------------------------------------- names


_CAMEL_BOUNDARY = re.compile(r"(?<!^)(?=[A-Z])")


def athena_name(slash_name: str) -> str:
    """The Athena (snake_case) spelling AWS gives a legacy CUR column: `lineItem/UnblendedCost` ->
    `line_item_unblended_cost`, `savingsPlan/SavingsPlanARN` -> `savings_plan_savings_plan_a_r_n`.

    See https://docs.aws.amazon.com/cur/latest/userguide/cur-ate-manual.html (column names).
    """
    parts = re.split(r"[/:]", slash_name)
    return "_".join(_CAMEL_BOUNDARY.sub("_", p).lower().replace(" ", "_").replace("-", "_") for p in parts)


#: AWS-generated tags whose Athena / CUR 2.0 spelling loses the case or punctuation of the real key.
_KNOWN_AWS_TAGS = (
    "aws:createdBy",
    "aws:cloudformation:stack-name",
    "aws:cloudformation:stack-id",
    "aws:cloudformation:logical-id",
    "aws:autoscaling:groupName",
    "aws:ec2spot:fleet-request-id",
    "aws:ec2launchtemplate:id",
    "aws:ec2launchtemplate:version",
    "aws:elasticmapreduce:job-flow-id",
    "aws:elasticmapreduce:instance-group-role",
    "aws:eks:cluster-name",
    "aws:servicecatalog:productArn",
    "aws:servicecatalog:provisionedProductArn",
    "aws:servicecatalog:portfolioArn",
    "aws:ecs:clusterName",
    "aws:ecs:serviceName",
)
_AWS_TAG_BY_SNAKE = {athena_name(k): k for k in _KNOWN_AWS_TAGS}


def tag_key_from_snake(snake: str) -> str:
    """Best-effort AWS spelling of a tag key that Athena or CUR 2.0 wrote in snake case.

    `user_team` -> `user:team`, `aws_created_by` -> `aws:createdBy` (known AWS tags), other `aws_x_y` ->
    `aws:x_y`; keys that already contain a colon are returned unchanged. The case of user tags is lost by
    AWS itself and cannot be recovered.
    """
    if ":" in snake:
        return snake
    if snake in _AWS_TAG_BY_SNAKE:
        return _AWS_TAG_BY_SNAKE[snake]
    for prefix in ("user", "aws"):
        if snake.startswith(prefix + "_"):
            return f"{prefix}:{snake[len(prefix) + 1 :]}"
    return snake


# ------------------------------------------------------------------------------------------ tables

_CUR_LINE_TYPE = "{s:lineItem/LineItemType}"

_CUR_EFFECTIVE = f"""CASE {_CUR_LINE_TYPE}
    WHEN 'SavingsPlanCoveredUsage' THEN {{d:savingsPlan/SavingsPlanEffectiveCost}}
    WHEN 'SavingsPlanRecurringFee' THEN
        COALESCE({{d:savingsPlan/TotalCommitmentToDate}}, 0) - COALESCE({{d:savingsPlan/UsedCommitment}}, 0)
    WHEN 'SavingsPlanNegation' THEN 0
    WHEN 'SavingsPlanUpfrontFee' THEN 0
    WHEN 'DiscountedUsage' THEN {{d:reservation/EffectiveCost}}
    WHEN 'RIFee' THEN COALESCE({{d:reservation/UnusedAmortizedUpfrontFeeForBillingPeriod}}, 0)
        + COALESCE({{d:reservation/UnusedRecurringFee}}, 0)
    WHEN 'Fee' THEN CASE WHEN COALESCE({{s:reservation/ReservationARN}}, '') <> '' THEN 0
        ELSE {{d:lineItem/UnblendedCost}} END
    ELSE {{d:lineItem/UnblendedCost}}
END"""

_CUR_CHARGE_CATEGORY = f"""CASE {_CUR_LINE_TYPE}
    WHEN 'Tax' THEN 'Tax'
    WHEN 'Fee' THEN 'Purchase'
    WHEN 'RIFee' THEN 'Purchase'
    WHEN 'SavingsPlanUpfrontFee' THEN 'Purchase'
    WHEN 'SavingsPlanRecurringFee' THEN 'Purchase'
    WHEN 'Credit' THEN 'Credit'
    WHEN 'Refund' THEN 'Credit'
    ELSE 'Usage'
END"""

#: Usage-driven or which kind of period charge (`bot.billing.charges`): from the line item type, the length of
#: the charge period (a month-long Usage line, such as a subscription, is a recurring charge) and the product (a
#: Fee of an AWS Support plan is its recurring monthly fee, any other Fee an upfront payment).
_CUR_CHARGE_CLASS = classify_sql(
    ChargeFields(
        start="{t:lineItem/UsageStartDate}",
        end="{t:lineItem/UsageEndDate}",
        kind=_CUR_LINE_TYPE,
        product="{s:lineItem/ProductCode}",
        product_name="{s:product/ProductName}",
    )
)

#: Region from the availability zone when the export has no region column (us-east-1a -> us-east-1).
_REGION_FROM_AZ = (
    r"NULLIF(regexp_extract({s:lineItem/AvailabilityZone}, '^([a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+)', 1), '')"
)

CUR1 = FormatSpec(
    name="cur1",
    rules={
        "charge_period_start": Col("lineItem/UsageStartDate"),
        "charge_period_end": Col("lineItem/UsageEndDate"),
        "billed_cost": Col("lineItem/UnblendedCost"),
        "effective_cost": Expr(_CUR_EFFECTIVE),
        "net_cost": Col("lineItem/NetUnblendedCost"),
        "list_cost": Col("pricing/publicOnDemandCost"),
        "usage_amount": Col("lineItem/UsageAmount"),
        "usage_unit": Col("pricing/unit"),
        "billing_account_id": Col("bill/PayerAccountId"),
        "billing_account_name": Col("bill/PayerAccountName"),
        "sub_account_id": Col("lineItem/UsageAccountId"),
        "sub_account_name": Col("lineItem/UsageAccountName"),
        "service_code": Col("lineItem/ProductCode"),
        "service_name": Col("product/ProductName", "product/servicename", "lineItem/ProductCode"),
        "region_id": Expr("COALESCE({s:product/regionCode}, {s:product/region}, " + _REGION_FROM_AZ + ")"),
        "availability_zone": Col("lineItem/AvailabilityZone"),
        "usage_type": Col("lineItem/UsageType"),
        "operation": Col("lineItem/Operation"),
        "resource_id": Col("lineItem/ResourceId"),
        "line_item_type": Col("lineItem/LineItemType"),
        "charge_category": Expr(_CUR_CHARGE_CATEGORY),
        "description": Col("lineItem/LineItemDescription"),
        "product_family": Col("product/productFamily"),
        "instance_type": Col("product/instanceType"),
        "pricing_term": Col("pricing/term"),
        "invoice_id": Col("bill/InvoiceId"),
        "reservation_arn": Col("reservation/ReservationARN"),
        "reservation_effective_cost": Expr(
            f"CASE WHEN {_CUR_LINE_TYPE} = 'DiscountedUsage' THEN {{d:reservation/EffectiveCost}} END"
        ),
        "savings_plan_arn": Col("savingsPlan/SavingsPlanARN"),
        "savings_plan_effective_cost": Expr(
            f"CASE WHEN {_CUR_LINE_TYPE} = 'SavingsPlanCoveredUsage' "
            "THEN {d:savingsPlan/SavingsPlanEffectiveCost} END"
        ),
        "currency": Col("lineItem/CurrencyCode"),
        "provider": Const("'aws'"),
        "charge_class": Expr(_CUR_CHARGE_CLASS),
    },
    required=(
        ("lineItem/UnblendedCost",),
        ("lineItem/UsageStartDate",),
        ("lineItem/UsageAccountId",),
        ("lineItem/ProductCode",),
        ("lineItem/LineItemType",),
    ),
    billed_cost="lineItem/UnblendedCost",
    period_start="bill/BillingPeriodStartDate",
    line_item_key=("identity/LineItemId", "identity/TimeInterval"),
)

_CUR2_LINE_TYPE = "{s:line_item_line_item_type}"


def _snake_template(template: str) -> str:
    """A legacy CUR template with every placeholder renamed to its CUR 2.0 (snake_case) column."""
    return re.sub(r"\{([dst]):([^{}]+)\}", lambda m: "{" + m[1] + ":" + athena_name(m[2]) + "}", template)


CUR2 = FormatSpec(
    name="cur2",
    rules={
        "charge_period_start": Col("line_item_usage_start_date"),
        "charge_period_end": Col("line_item_usage_end_date"),
        "billed_cost": Col("line_item_unblended_cost"),
        "effective_cost": Expr(_snake_template(_CUR_EFFECTIVE)),
        "net_cost": Col("line_item_net_unblended_cost"),
        "list_cost": Col("pricing_public_on_demand_cost"),
        "usage_amount": Col("line_item_usage_amount"),
        "usage_unit": Col("pricing_unit"),
        "billing_account_id": Col("bill_payer_account_id"),
        "billing_account_name": Col("bill_payer_account_name"),
        "sub_account_id": Col("line_item_usage_account_id"),
        "sub_account_name": Col("line_item_usage_account_name"),
        "service_code": Col("line_item_product_code"),
        "service_name": Expr(
            "COALESCE({s:product_product_name}, {m:product.product_name}, {s:product_servicename}, "
            "{m:product.servicename}, {s:line_item_product_code})"
        ),
        "region_id": Expr(
            "COALESCE({s:product_region_code}, {m:product.region_code}, {s:product_region}, {m:product.region}, "
            + _snake_template(_REGION_FROM_AZ)
            + ")"
        ),
        "availability_zone": Col("line_item_availability_zone"),
        "usage_type": Col("line_item_usage_type"),
        "operation": Col("line_item_operation"),
        "resource_id": Col("line_item_resource_id"),
        "line_item_type": Col("line_item_line_item_type"),
        "charge_category": Expr(_snake_template(_CUR_CHARGE_CATEGORY)),
        "description": Col("line_item_line_item_description"),
        "product_family": Expr("COALESCE({s:product_product_family}, {m:product.product_family})"),
        "instance_type": Expr("COALESCE({s:product_instance_type}, {m:product.instance_type})"),
        "pricing_term": Col("pricing_term"),
        "invoice_id": Col("bill_invoice_id"),
        "reservation_arn": Col("reservation_reservation_a_r_n"),
        "reservation_effective_cost": Expr(
            f"CASE WHEN {_CUR2_LINE_TYPE} = 'DiscountedUsage' THEN {{d:reservation_effective_cost}} END"
        ),
        "savings_plan_arn": Col("savings_plan_savings_plan_a_r_n"),
        "savings_plan_effective_cost": Expr(
            f"CASE WHEN {_CUR2_LINE_TYPE} = 'SavingsPlanCoveredUsage' "
            "THEN {d:savings_plan_savings_plan_effective_cost} END"
        ),
        "currency": Col("line_item_currency_code"),
        "provider": Const("'aws'"),
        "charge_class": Expr(_snake_template(_CUR_CHARGE_CLASS)),
    },
    required=(
        ("line_item_unblended_cost",),
        ("line_item_usage_start_date",),
        ("line_item_usage_account_id",),
        ("line_item_product_code",),
        ("line_item_line_item_type",),
    ),
    billed_cost="line_item_unblended_cost",
    period_start="bill_billing_period_start_date",
    line_item_key=("identity_line_item_id", "identity_time_interval"),
)

FOCUS = FormatSpec(
    name="focus",
    rules={
        "charge_period_start": Col("ChargePeriodStart"),
        "charge_period_end": Col("ChargePeriodEnd"),
        "billed_cost": Col("BilledCost"),
        "effective_cost": Expr("COALESCE({d:EffectiveCost}, {d:BilledCost})"),
        "net_cost": Const("NULL"),
        "list_cost": Col("ListCost"),
        "usage_amount": Col("ConsumedQuantity", "PricingQuantity"),
        "usage_unit": Col("ConsumedUnit", "PricingUnit"),
        "billing_account_id": Col("BillingAccountId"),
        "billing_account_name": Col("BillingAccountName"),
        "sub_account_id": Col("SubAccountId"),
        "sub_account_name": Col("SubAccountName"),
        "service_code": Col("x_ServiceCode", "ServiceName"),
        "service_name": Col("ServiceName"),
        "region_id": Col("RegionId"),
        "availability_zone": Col("AvailabilityZone"),
        # FOCUS 1.2 with AWS columns moved x_UsageType to SkuMeter; other providers may only have SkuId.
        "usage_type": Col("x_UsageType", "SkuMeter", "SkuId"),
        "operation": Col("x_Operation"),
        "resource_id": Col("ResourceId"),
        "line_item_type": Col("x_LineItemType", "ChargeCategory"),
        "charge_category": Col("ChargeCategory"),
        "description": Col("ChargeDescription"),
        "product_family": Col("ServiceCategory"),
        "instance_type": Expr("CASE WHEN {s:ResourceType} ILIKE '%instance%' THEN {s:x_InstanceType} END"),
        "pricing_term": Col("PricingCategory"),
        "invoice_id": Col("InvoiceId"),
        "reservation_arn": Expr(
            "CASE WHEN {s:CommitmentDiscountType} ILIKE '%reserv%' THEN {s:CommitmentDiscountId} END"
        ),
        "reservation_effective_cost": Expr(
            "CASE WHEN {s:CommitmentDiscountType} ILIKE '%reserv%' THEN {d:EffectiveCost} END"
        ),
        "savings_plan_arn": Expr(
            "CASE WHEN {s:CommitmentDiscountType} ILIKE '%savings%' THEN {s:CommitmentDiscountId} END"
        ),
        "savings_plan_effective_cost": Expr(
            "CASE WHEN {s:CommitmentDiscountType} ILIKE '%savings%' THEN {d:EffectiveCost} END"
        ),
        "currency": Col("BillingCurrency"),
        # FOCUS names the provider in free text ("AWS", "Microsoft", "Google Cloud", "Oracle"): one key each.
        # FOCUS 1.3 renamed it ServiceProviderName (ProviderName deprecated).
        "provider": Expr(provider_sql("COALESCE({s:ServiceProviderName}, {s:ProviderName})")),
        # FOCUS says it itself: charge category, frequency and correction class (the period length where absent).
        "charge_class": Expr(
            classify_sql(
                ChargeFields(
                    start="{t:ChargePeriodStart}",
                    end="{t:ChargePeriodEnd}",
                    category="{s:ChargeCategory}",
                    frequency="{s:ChargeFrequency}",
                    correction="{s:ChargeClass}",
                )
            )
        ),
    },
    required=(
        ("BilledCost",),
        ("ChargePeriodStart",),
        ("ChargePeriodEnd",),
        ("BillingPeriodStart",),
        ("ServiceName",),
        ("SubAccountId",),
    ),
    billed_cost="BilledCost",
    period_start="BillingPeriodStart",
    # The FinOps Foundation sample writes SQL NULL as the text NULL.
    null_strings=("", "NULL"),
)

#: Oracle Cloud Infrastructure's own cost report (reports/cost-csv/*.csv.gz in the tenancy's report bucket).
#: https://docs.oracle.com/en-us/iaas/Content/Billing/Concepts/costusagereportsoverview.htm
_OCI_CORRECTION = "CASE WHEN lower({s:lineItem/isCorrection}) = 'true' THEN 'Correction' END"
OCI_COST = FormatSpec(
    name="oci",
    rules={
        "charge_period_start": Col("lineItem/intervalUsageStart"),
        "charge_period_end": Col("lineItem/intervalUsageEnd"),
        "billed_cost": Col("cost/myCost"),
        "effective_cost": Col("cost/myCost"),
        "net_cost": Const("NULL"),
        "list_cost": Const("NULL"),
        "usage_amount": Col("usage/billedQuantity"),
        "usage_unit": Col("cost/skuUnitDescription", "cost/billingUnitReadable"),
        "billing_account_id": Col("lineItem/tenantId"),
        "billing_account_name": Const("NULL"),
        # Compartments are where OCI spend is owned and split, as accounts are on AWS.
        "sub_account_id": Col("product/compartmentId"),
        "sub_account_name": Col("product/compartmentName"),
        "service_code": Col("product/service"),
        "service_name": Col("product/service"),
        "region_id": Col("product/region"),
        "availability_zone": Col("product/availabilityDomain"),
        "usage_type": Col("cost/productSku"),
        "operation": Const("NULL"),
        "resource_id": Col("product/resourceId"),
        "line_item_type": Expr(f"COALESCE({_OCI_CORRECTION}, 'Usage')"),
        "charge_category": Expr(
            "CASE WHEN lower({s:lineItem/isCorrection}) = 'true' THEN 'Adjustment' ELSE 'Usage' END"
        ),
        "description": Col("product/Description"),
        "product_family": Const("NULL"),
        "instance_type": Const("NULL"),
        "pricing_term": Const("NULL"),
        "invoice_id": Const("NULL"),
        "reservation_arn": Const("NULL"),
        "reservation_effective_cost": Const("NULL"),
        "savings_plan_arn": Const("NULL"),
        "savings_plan_effective_cost": Const("NULL"),
        "currency": Col("cost/currencyCode"),
        "provider": Const("'oci'"),
        # OCI reports usage only (by the hour): a correction is FOCUS's ChargeClass "Correction", the rest usage.
        "charge_class": Expr(
            classify_sql(
                ChargeFields(
                    start="{t:lineItem/intervalUsageStart}",
                    end="{t:lineItem/intervalUsageEnd}",
                    category="'Usage'",
                    correction=_OCI_CORRECTION,
                )
            )
        ),
    },
    required=(("cost/myCost",), ("lineItem/intervalUsageStart",), ("product/service",), ("cost/currencyCode",)),
    billed_cost="cost/myCost",
    period_start="lineItem/intervalUsageStart",
)

#: Azure's usage details as an EA (or MCA) cost export writes them: one row per meter, resource and day, dates
#: as M/D/YYYY (older exports) or ISO, amounts in the billing currency.
#: https://learn.microsoft.com/en-us/azure/cost-management-billing/automate/understand-usage-details-fields
_AZURE_DAY = (
    "CASE WHEN regexp_matches({s:%s}, '^\\d{1,2}/\\d{1,2}/\\d{4}$') THEN strptime({s:%s}, '%%m/%%d/%%Y') "
    "ELSE CAST({s:%s} AS TIMESTAMP) END"
)
AZURE_EA = FormatSpec(
    name="azure",
    rules={
        "charge_period_start": Expr(_AZURE_DAY % (("Date",) * 3)),
        "charge_period_end": Expr("(" + _AZURE_DAY % (("Date",) * 3) + ") + INTERVAL 1 DAY"),
        "billed_cost": Col("CostInBillingCurrency", "Cost"),
        "effective_cost": Col("CostInBillingCurrency", "Cost"),
        "net_cost": Const("NULL"),
        "list_cost": Const("NULL"),
        "usage_amount": Col("Quantity"),
        "usage_unit": Col("UnitOfMeasure"),
        "billing_account_id": Col("BillingAccountId"),
        "billing_account_name": Col("BillingAccountName"),
        "sub_account_id": Col("SubscriptionId"),
        "sub_account_name": Col("SubscriptionName"),
        "service_code": Col("MeterCategory", "ConsumedService"),
        "service_name": Col("MeterCategory", "ConsumedService"),
        "region_id": Col("ResourceLocation"),
        "availability_zone": Col("AvailabilityZone"),
        "usage_type": Expr("concat_ws(': ', {s:MeterSubCategory}, {s:MeterName})"),
        "operation": Const("NULL"),
        "resource_id": Col("ResourceId"),
        "line_item_type": Col("ChargeType"),
        "charge_category": Expr(
            "CASE {s:ChargeType} WHEN 'Purchase' THEN 'Purchase' WHEN 'Refund' THEN 'Credit' WHEN 'Tax' THEN 'Tax' "
            "WHEN 'RoundingAdjustment' THEN 'Adjustment' ELSE 'Usage' END"
        ),
        "description": Col("ProductName"),
        "product_family": Col("ServiceFamily"),
        "instance_type": Const("NULL"),
        "pricing_term": Col("PricingModel"),
        "invoice_id": Col("InvoiceId"),
        "reservation_arn": Col("ReservationId"),
        "reservation_effective_cost": Const("NULL"),
        "savings_plan_arn": Col("benefitId"),
        "savings_plan_effective_cost": Const("NULL"),
        "currency": Col("BillingCurrencyCode", "BillingCurrency"),
        "provider": Const("'azure'"),
        # Azure names the kind (ChargeType: Usage, Purchase, Refund, Tax, ...) and the frequency (UsageBased,
        # OneTime, Recurring: FOCUS's values without the hyphen), as FOCUS does.
        "charge_class": Expr(
            classify_sql(
                ChargeFields(
                    start=_AZURE_DAY % (("Date",) * 3),
                    end="(" + _AZURE_DAY % (("Date",) * 3) + ") + INTERVAL 1 DAY",
                    kind="{s:ChargeType}",
                    frequency=(
                        "CASE lower({s:Frequency}) WHEN 'usagebased' THEN 'Usage-Based' "
                        "WHEN 'onetime' THEN 'One-Time' ELSE {s:Frequency} END"
                    ),
                )
            )
        ),
    },
    required=(("CostInBillingCurrency",), ("Date",), ("SubscriptionId",), ("MeterCategory",)),
    billed_cost="CostInBillingCurrency",
    # No column to parse as-is (dates are M/D/YYYY): the billing month is the usage day's (EA bills by month).
    period_start="",
)

#: Google Cloud Billing's standard (or detailed) usage cost export, as BigQuery writes the table to files
#: (Parquet keeps its nested and repeated fields). `bot.ingest.gcp` first flattens each row into one row for
#: its cost and one per credit (`row_kind` 'cost' or 'credit'), so the names below are the flat relation's:
#: credits become amounts of their own, and the month's total is cost + credits, what Google invoices.
#: https://cloud.google.com/billing/docs/how-to/export-data-bigquery-tables/standard-usage
_GCP_CREDIT = "{s:row_kind} = 'credit'"
#: Credits that are a price reduction of the usage they are attached to (sustained and committed use
#: discounts, spend-based discounts, reseller margins, subscription benefits) follow that usage; promotions
#: are granted once and the free tier renews every month: those are credits in their own right.
_GCP_CREDIT_FREQUENCY = (
    f"CASE WHEN {_GCP_CREDIT} THEN CASE upper({{s:credit_type}}) WHEN 'PROMOTION' THEN 'One-Time' "
    "WHEN 'FREE_TIER' THEN 'Recurring' ELSE 'Usage-Based' END END"
)
#: Google's cost_type: regular, tax, adjustment, rounding error.
_GCP_CATEGORY = (
    f"CASE WHEN {_GCP_CREDIT} THEN 'Credit' ELSE CASE lower({{s:cost_type}}) WHEN 'tax' THEN 'Tax' "
    "WHEN 'adjustment' THEN 'Adjustment' WHEN 'rounding error' THEN 'Adjustment' ELSE 'Usage' END END"
)
GCP_BILLING = FormatSpec(
    name="gcp",
    rules={
        "charge_period_start": Col("usage_start_time"),
        "charge_period_end": Col("usage_end_time"),
        "billed_cost": Col("amount"),
        "effective_cost": Col("amount"),
        "net_cost": Const("NULL"),
        "list_cost": Col("list_amount"),
        # A credit row is no usage of its own: its usage amount would count the usage twice.
        "usage_amount": Expr(f"CASE WHEN NOT ({_GCP_CREDIT}) THEN {{d:usage_amount}} END"),
        "usage_unit": Col("usage_unit"),
        "billing_account_id": Col("billing_account_id"),
        "billing_account_name": Const("NULL"),
        # Projects are where Google Cloud spend is owned and split, as accounts are on AWS.
        "sub_account_id": Col("project_id"),
        "sub_account_name": Col("project_name"),
        "service_code": Col("service_id"),
        "service_name": Col("service_description"),
        "region_id": Col("location_region", "location_location"),
        "availability_zone": Col("location_zone"),
        "usage_type": Col("sku_description"),
        "operation": Const("NULL"),
        "resource_id": Col("resource_name"),
        "line_item_type": Expr(f"CASE WHEN {_GCP_CREDIT} THEN {{s:credit_type}} ELSE {{s:cost_type}} END"),
        "charge_category": Expr(_GCP_CATEGORY),
        "description": Expr(f"CASE WHEN {_GCP_CREDIT} THEN {{s:credit_name}} ELSE {{s:sku_description}} END"),
        "product_family": Const("NULL"),
        "instance_type": Const("NULL"),
        "pricing_term": Const("NULL"),
        # invoice.month is set on every row, the current month's too: it says which invoice, not that it is final.
        "invoice_id": Const("NULL"),
        "reservation_arn": Const("NULL"),
        "reservation_effective_cost": Const("NULL"),
        "savings_plan_arn": Const("NULL"),
        "savings_plan_effective_cost": Const("NULL"),
        "currency": Col("currency"),
        "provider": Const("'gcp'"),
        "charge_class": Expr(
            classify_sql(
                ChargeFields(
                    start="{t:usage_start_time}",
                    end="{t:usage_end_time}",
                    kind=f"CASE WHEN {_GCP_CREDIT} THEN NULL ELSE {{s:cost_type}} END",
                    category=_GCP_CATEGORY,
                    frequency=_GCP_CREDIT_FREQUENCY,
                )
            )
        ),
    },
    required=(("amount",), ("usage_start_time",), ("service_description",), ("currency",)),
    billed_cost="amount",
    # The invoice month (invoice.month, YYYYMM): late usage is billed in the next month's invoice.
    period_start="invoice_period",
)

SPECS: dict[str, FormatSpec] = {s.name: s for s in (CUR1, CUR2, FOCUS, OCI_COST, AZURE_EA, GCP_BILLING)}
