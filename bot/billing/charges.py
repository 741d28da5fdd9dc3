"""Charge classes: every line item is usage-driven or a period charge, decided once from billing semantics.

Why it matters: a bill mixes two kinds of money. *Usage-driven* charges accrue hour by hour or day by day with
consumption (instance hours, requests, GB-months of storage metered daily, and the discounts and credits applied
line by line to that usage). *Period charges* are booked for a period or as a one-off, whatever was used that
day: recurring fees (RI and Savings Plans fees, Support plans, monthly subscriptions), one-time purchases and
fees, tax, credits granted for a period, refunds and other adjustments. On AWS most period charges land on the
1st of the month as month-long lines; treating them as a day's spend makes every 1st look like a spike, every
"vs 7-day average" in the first week wrong, and a linear month-end forecast extrapolate the fees of the 1st over
thirty days. The forecast (`bot.billing.pace`), the daily summary, budgets, digests and the anomaly engine all
read this one split.

The classes (`ChargeClass`, the values of the `charge-class` dimension):

    usage       usage-driven: Usage, DiscountedUsage, SavingsPlanCoveredUsage, SavingsPlanNegation and the
                discounts applied per usage line (EdpDiscount, BundledDiscount, PrivateRateDiscount, ...), and
                credits or adjustments that track usage line by line (a charge period of at most a day, or
                FOCUS ChargeFrequency "Usage-Based")
    recurring   recurring fees: RIFee, SavingsPlanRecurringFee, FOCUS Purchase/Recurring, the monthly fee of an
                AWS Support plan (CUR line item type Fee, product code `AWSSupportBusiness` ...), and usage-type
                lines booked for a period longer than a day (monthly subscriptions)
    one-time    one-time purchases and fees: Fee (e.g. RI upfront), SavingsPlanUpfrontFee, FOCUS Purchase/One-Time
    tax         Tax lines (CUR line item type or FOCUS ChargeCategory "Tax")
    credit      credits granted for a period (a charge period longer than a day, or FOCUS frequency One-Time or
                Recurring): promotional and Activate credits booked monthly
    adjustment  refunds and corrections: CUR Refund, FOCUS ChargeCategory "Adjustment", FOCUS ChargeClass
                "Correction" (a correction to a previously invoiced billing period)

The rule is a decision table (`RULES`, first match wins) over six fields of a line item: its kind (the CUR
line item type, or the FOCUS charge category), the FOCUS charge frequency and charge class when the export has
them, whether its charge period is at most one day, and whether its product is an AWS Support plan (product code
or product name, `SUPPORT_PRODUCTS`). The same table renders the SQL that ingestion writes
into the `charge_class` column (`bot.ingest.mapping`), the SQL a DuckDB store uses to derive the class of rows
stored before the column existed, the query an Elasticsearch store uses for such rows, and the Python
`classify()` the tests check them against.

Sources:
- AWS CUR data dictionary, `lineItem/LineItemType` (Usage, DiscountedUsage, SavingsPlanCoveredUsage,
  SavingsPlanNegation, SavingsPlanRecurringFee, SavingsPlanUpfrontFee, RIFee, Fee, Tax, Credit, Refund and the
  discount types): https://docs.aws.amazon.com/cur/latest/userguide/Lineitem-columns.html and, for CUR 2.0,
  https://docs.aws.amazon.com/cur/latest/userguide/table-dictionary-cur2-line-item.html. RIFee is the monthly
  recurring fee of a reservation (a month-long line); SavingsPlanRecurringFee the recurring commitment of a
  No/Partial Upfront plan (hourly lines); Fee and SavingsPlanUpfrontFee the upfront, one-time payments.
- FOCUS specification, ChargeCategory ("Usage, Purchase, Tax, Credit, Adjustment"), ChargeFrequency
  ("One-Time: charges that only happen once; Recurring: charges that repeat on a periodic cadence regardless of
  whether the product or service was used; Usage-Based: charges that repeat every time the service is used,
  recorded hourly or daily") and ChargeClass ("Correction"):
  https://github.com/FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec (specification/columns/chargecategory.md,
  chargefrequency.md, chargeclass.md).
- The FinOps Foundation's CUR-to-FOCUS converter maps line item types to charge categories the same way
  (conversion_rules_export/csv/aws-cur.csv in finopsfoundation/focus_converters).
- AWS Support plans are priced as a percentage of the month's AWS charges (price list unit `Dollar`, e.g. "10% of
  monthly AWS usage for the first $0-$10K"), and are billed once a month, for the month: they are `recurring`
  here, and `bot.billing.pace` forecasts them in proportion to usage, like tax. CUR books that monthly charge
  with line item type `Fee` (product code `AWSSupportBusiness`, product name "AWS Support (Business)", usage type
  `Dollar`, one line per price tier), the type it also gives upfront reservation payments, so the product decides:
  a `Fee` of an AWS Support product is recurring, any other `Fee` one-time. Product codes and names as CUR
  writes them (as CURs and cost tools show them): `AWSSupportBusiness`, `AWSSupportEnterprise`,
  `AWSEnterpriseOnRamp`, `AWSDeveloperSupport` (also spelt `AWSSupportDeveloper`), and `OCBPremiumSupport` for
  "AWS Premium Support" (Enterprise, as bills in China and older bills show it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from bot.billing.model import Dimension, DimensionRef, Filter


class ChargeClass(StrEnum):
    """How a line item is charged (see the module docstring)."""

    USAGE = "usage"
    RECURRING = "recurring"
    ONE_TIME = "one-time"
    TAX = "tax"
    CREDIT = "credit"
    ADJUSTMENT = "adjustment"

    @property
    def usage_driven(self) -> bool:
        return self is ChargeClass.USAGE

    @property
    def label(self) -> str:
        """How the class reads in a sentence: `recurring fees`, `tax`, `refunds and adjustments`."""
        return _LABELS[self]


_LABELS = {
    ChargeClass.USAGE: "usage",
    ChargeClass.RECURRING: "recurring fees",
    ChargeClass.ONE_TIME: "one-time fees",
    ChargeClass.TAX: "tax",
    ChargeClass.CREDIT: "credits",
    ChargeClass.ADJUSTMENT: "refunds and adjustments",
}

#: Every class that is not usage-driven, in the order reports list them.
PERIOD_CLASSES: tuple[ChargeClass, ...] = tuple(c for c in ChargeClass if not c.usage_driven)

CHARGE_CLASS = DimensionRef(Dimension.CHARGE_CLASS)
#: Keeps usage-driven line items only; `PERIOD_CHARGES` keeps the others.
USAGE_ONLY = Filter(CHARGE_CLASS, (ChargeClass.USAGE.value,))
PERIOD_CHARGES = Filter(CHARGE_CLASS, (ChargeClass.USAGE.value,), negate=True)


#: What `fees` names: every fee, the monthly ones (RI, Savings Plans, Support) and the upfront ones.
FEE_CLASSES: tuple[ChargeClass, ...] = (ChargeClass.RECURRING, ChargeClass.ONE_TIME)


def parse_charge_classes(text: str) -> tuple[ChargeClass, ...]:
    """The classes a word names: `fees` every fee class (`FEE_CLASSES`), any other word the one class
    `parse_charge_class` reads; () for anything else."""
    if text.strip().casefold() in ("fee", "fees"):
        return FEE_CLASSES
    found = parse_charge_class(text)
    return () if found is None else (found,)


def parse_charge_class(text: str) -> ChargeClass | None:
    """The class a word names (`usage`, `recurring`, `one-time`/`onetime`, `tax`, `credit(s)`, `adjustment(s)`,
    `refund(s)`), case-insensitive; None for anything else."""
    folded = text.strip().casefold().replace("_", "-").replace(" ", "-")
    folded = _ALIASES.get(folded, folded)
    try:
        return ChargeClass(folded)
    except ValueError:
        return None


_ALIASES = {
    "onetime": "one-time",
    "one-off": "one-time",
    "purchase": "one-time",
    "purchases": "one-time",
    "credits": "credit",
    "adjustments": "adjustment",
    "refund": "adjustment",
    "refunds": "adjustment",
    "recurring-fees": "recurring",
    "taxes": "tax",
    "usage-driven": "usage",
}


# --------------------------------------------------------------------------------------------- the rule


@dataclass(frozen=True)
class Rule:
    """One row of the decision table. Every condition that is set must hold; unset conditions match anything.

    `kinds` are compared case-insensitively with the line's kind (CUR line item type or FOCUS charge category);
    `frequencies` with the FOCUS charge frequency (absent in CUR: such a rule never matches it); `correction`
    asks for FOCUS ChargeClass "Correction"; `short` asks whether the charge period is at most one day;
    `support` whether the line's product code or product name is an AWS Support plan (`SUPPORT_PRODUCTS`).
    """

    result: ChargeClass
    why: str
    kinds: frozenset[str] | None = None
    frequencies: frozenset[str] | None = None
    correction: bool | None = None
    short: bool | None = None
    support: bool | None = None


def _set(*values: str) -> frozenset[str]:
    return frozenset(v.casefold() for v in values)


#: AWS Support plans, by the product code (AWS price list service code) or product name a line item carries,
#: compared case-insensitively. Not "RDS Extended Support" and the like: those are usage of their own service.
SUPPORT_PRODUCTS: frozenset[str] = _set(
    "AWSSupportBusiness",
    "AWSSupportEnterprise",
    "AWSEnterpriseOnRamp",
    "AWSDeveloperSupport",
    "AWSSupportDeveloper",
    "OCBPremiumSupport",
    "AWS Support (Business)",
    "AWS Support (Enterprise)",
    "AWS Support (Enterprise On-Ramp)",
    "AWS Support (Developer)",
    "AWS Premium Support",
    "AWS Support",
    "AWS Business Support",
    "AWS Developer Support",
    "AWS Enterprise Support",
    "AWS Enterprise On-Ramp Support",
)


def is_support_product(*names: str | None) -> bool:
    """Whether any of `names` (a product code, a product or service name) is an AWS Support plan."""
    return any(n is not None and n.strip().casefold() in SUPPORT_PRODUCTS for n in names)


_PER_USAGE = "charges and discounts that accrue line by line with consumption"

#: First match wins. Kinds are CUR line item types and FOCUS charge categories (their spellings never collide).
RULES: tuple[Rule, ...] = (
    Rule(ChargeClass.ADJUSTMENT, "a correction to a previously invoiced billing period (FOCUS)", correction=True),
    Rule(ChargeClass.TAX, "tax", kinds=_set("Tax")),
    Rule(ChargeClass.ADJUSTMENT, "a refund", kinds=_set("Refund")),
    Rule(ChargeClass.RECURRING, "RI and Savings Plans recurring fees", kinds=_set("RIFee", "SavingsPlanRecurringFee")),
    Rule(ChargeClass.RECURRING, "an AWS Support plan's monthly fee (CUR: Fee)", kinds=_set("Fee"), support=True),
    Rule(ChargeClass.ONE_TIME, "upfront fees", kinds=_set("Fee", "SavingsPlanUpfrontFee")),
    Rule(ChargeClass.RECURRING, "a recurring purchase", kinds=_set("Purchase"), frequencies=_set("Recurring")),
    Rule(ChargeClass.ONE_TIME, "a purchase", kinds=_set("Purchase")),
    Rule(ChargeClass.USAGE, "FOCUS says it repeats every time the service is used", frequencies=_set("Usage-Based")),
    Rule(
        ChargeClass.CREDIT,
        "a credit granted once or per period",
        kinds=_set("Credit"),
        frequencies=_set("One-Time", "Recurring"),
    ),
    Rule(ChargeClass.USAGE, "a credit applied line by line to usage", kinds=_set("Credit"), short=True),
    Rule(ChargeClass.CREDIT, "a credit booked for a period", kinds=_set("Credit")),
    Rule(ChargeClass.ADJUSTMENT, "an adjustment", kinds=_set("Adjustment")),
    Rule(ChargeClass.RECURRING, "FOCUS says it recurs whatever the usage", frequencies=_set("Recurring")),
    Rule(ChargeClass.ONE_TIME, "FOCUS says it happens once", frequencies=_set("One-Time")),
    Rule(ChargeClass.USAGE, _PER_USAGE, short=True),
    Rule(ChargeClass.RECURRING, "a usage line booked for a period longer than a day (Support, subscriptions)"),
)

#: A charge period up to this long is usage that accrues; longer ones are booked for a period.
SHORT_HOURS = 24.0


def classify(
    kind: str | None,
    *,
    category: str | None = None,
    frequency: str | None = None,
    correction: str | None = None,
    hours: float | None = None,
    product: str | None = None,
    product_name: str | None = None,
) -> ChargeClass:
    """The class of one line item. `kind` is its CUR line item type (or None), `category` its FOCUS charge
    category, `frequency` and `correction` the FOCUS ChargeFrequency and ChargeClass; `hours` the length of its
    charge period (None when unknown: counted as short, as most lines are); `product` and `product_name` its
    product code and product (service) name."""
    kinds = {k.strip().casefold() for k in (kind, category) if k}
    freq = (frequency or "").strip().casefold()
    is_correction = (correction or "").strip().casefold() == "correction"
    short = hours is None or hours <= SHORT_HOURS
    support = is_support_product(product, product_name)
    for rule in RULES:
        if rule.correction is not None and rule.correction != is_correction:
            continue
        if rule.kinds is not None and not (kinds & rule.kinds):
            continue
        if rule.frequencies is not None and freq not in rule.frequencies:
            continue
        if rule.short is not None and rule.short != short:
            continue
        if rule.support is not None and rule.support != support:
            continue
        return rule.result
    raise AssertionError("the last rule matches everything")  # pragma: no cover


# ------------------------------------------------------------------------------------------------- SQL


@dataclass(frozen=True)
class ChargeFields:
    """SQL expressions for the fields the rule reads ("NULL" where the export has no such field)."""

    start: str
    end: str
    kind: str = "NULL"
    category: str = "NULL"
    frequency: str = "NULL"
    correction: str = "NULL"
    product: str = "NULL"
    product_name: str = "NULL"


#: The fields of a stored (normalised) line item: kind, category, product code and name; no FOCUS frequency or
#: charge class.
STORED_FIELDS = ChargeFields(
    start="charge_period_start",
    end="charge_period_end",
    kind="line_item_type",
    category="charge_category",
    product="service_code",
    product_name="service_name",
)


def _in(expr: str, values: Iterable[str]) -> str:
    quoted = ", ".join("'" + v.replace("'", "''") + "'" for v in sorted(values))
    return f"lower(trim({expr})) IN ({quoted})"


def classify_sql(fields: ChargeFields) -> str:
    """A DuckDB CASE expression giving the `ChargeClass` value of a row, exactly as `classify()` does.

    The expressions in `fields` may be templates of `bot.ingest.mapping` (`{s:...}` placeholders): the SQL adds no
    braces of its own.
    """
    short = (
        f"({fields.end} IS NULL OR {fields.start} IS NULL OR "
        f"CAST({fields.end} AS TIMESTAMP) - CAST({fields.start} AS TIMESTAMP) <= INTERVAL {int(SHORT_HOURS)} HOUR)"
    )
    whens = []
    for rule in RULES:
        parts: list[str] = []
        if rule.correction is not None:
            test = f"COALESCE(lower(trim({fields.correction})) = 'correction', false)"
            parts.append(test if rule.correction else f"NOT {test}")
        if rule.kinds is not None:
            by_kind = f"COALESCE({_in(fields.kind, rule.kinds)}, false)"
            parts.append(f"({by_kind} OR COALESCE({_in(fields.category, rule.kinds)}, false))")
        if rule.frequencies is not None:
            parts.append(f"COALESCE({_in(fields.frequency, rule.frequencies)}, false)")
        if rule.short is not None:
            parts.append(short if rule.short else f"NOT {short}")
        if rule.support is not None:
            test = (
                f"(COALESCE({_in(fields.product, SUPPORT_PRODUCTS)}, false) "
                f"OR COALESCE({_in(fields.product_name, SUPPORT_PRODUCTS)}, false))"
            )
            parts.append(test if rule.support else f"NOT {test}")
        condition = " AND ".join(parts) if parts else "true"
        whens.append(f"WHEN {condition} THEN '{rule.result.value}'")
    return "CASE " + " ".join(whens) + " END"


#: The class of a stored row whose `charge_class` is missing (rows stored before the column existed).
DERIVED_SQL = classify_sql(STORED_FIELDS)


def stored_class_sql(column: str = "charge_class") -> str:
    """The stored class, or the derived one where the column is NULL or empty."""
    return f"COALESCE(NULLIF({column}, ''), {DERIVED_SQL})"
