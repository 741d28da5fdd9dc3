"""The words a query may use for stored values, and "did you mean" suggestions for the ones it gets wrong.

A `Vocabulary` is a snapshot of what the billing store knows (service names and product codes, accounts, regions,
tag keys, ...). The query grammar resolves what people type (`ec2`, `AmazonEC2`, `prod`, `tag:team`) to the
values the store holds (`Amazon Elastic Compute Cloud`, `123456789012`, `user:team`) through it. Build one per
store with `Vocabulary.from_store()` and cache it between ingests; confine it to what an asker may see with
`within()` (the values their scope's line items carry) so answers, errors and suggestions never name the rest.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.billing.charges import ChargeClass, parse_charge_classes
from bot.billing.grammar_tokens import quote_value
from bot.billing.model import (
    GLOBAL_REGION,
    NO_VALUE,
    TAX_SERVICE,
    UNTAGGED,
    AggregateRequest,
    Dimension,
    DimensionRef,
    Filter,
    TimeRange,
)
from bot.billing.periods import add_months
from bot.billing.store import BillingStore
from bot.errors import NotFound, UsageError, UserFacingError

#: Short names people type for services whose product code does not reduce to them (see `_code_alias`).
SERVICE_ALIASES: dict[str, str] = {
    "sqs": "AWSQueueService",
    "es": "AmazonES",
    "opensearch": "AmazonES",
    "elasticsearch": "AmazonES",
    "emr": "ElasticMapReduce",
    "stepfunctions": "AmazonStates",
    "step-functions": "AmazonStates",
    "sfn": "AmazonStates",
    "states": "AmazonStates",
    "cloudwatch": "AmazonCloudWatch",
    "cw": "AmazonCloudWatch",
    "elb": "AWSELB",
    "alb": "AWSELB",
    "nlb": "AWSELB",
    "kms": "awskms",
    "waf": "awswaf",
    "dms": "AWSDatabaseMigrationSvc",
    "codebuild": "CodeBuild",
    "data-transfer": "AWSDataTransfer",
    "dt": "AWSDataTransfer",
    "egress": "AWSDataTransfer",
    "bandwidth": "AWSDataTransfer",
    "ssm": "AWSSystemsManager",
    "secrets": "AWSSecretsManager",
    "apigw": "AmazonApiGateway",
    "apigateway": "AmazonApiGateway",
    "api-gateway": "AmazonApiGateway",
    "docdb": "AmazonDocDB",
    "support": "AWSSupportBusiness",
    "shield": "AWSShield",
    "xray": "AWSXRay",
    # what engineers type in chat and incident channels
    "ddb": "AmazonDynamoDB",
    "cf": "AmazonCloudFront",
    "r53": "AmazonRoute53",
    # product categories people name instead of the service
    "cdn": "AmazonCloudFront",
    "serverless": "AWSLambda",
    "k8s": "AmazonEKS",
    "kubernetes": "AmazonEKS",
    "dns": "AmazonRoute53",
    # Cost Explorer's name for EC2's instance hours (its `EC2-Other` is answered as EC2 by usage type)
    "ec2-instances": "AmazonEC2",
}

#: Well-known service names per product code, used when the store has no product codes (Cost Explorer and some
#: FOCUS exports carry names only). Matching also accepts names that start with these plus " - ".
KNOWN_SERVICE_NAMES: dict[str, tuple[str, ...]] = {
    "AmazonEC2": ("Amazon Elastic Compute Cloud", "EC2 - Other"),
    "AmazonS3": ("Amazon Simple Storage Service",),
    "AmazonRDS": ("Amazon Relational Database Service",),
    "AWSLambda": ("AWS Lambda",),
    "AmazonCloudFront": ("Amazon CloudFront",),
    "AmazonDynamoDB": ("Amazon DynamoDB",),
    "AWSQueueService": ("Amazon Simple Queue Service",),
    "AmazonSNS": ("Amazon Simple Notification Service",),
    "AmazonCloudWatch": ("AmazonCloudWatch", "Amazon CloudWatch"),
    "awskms": ("AWS Key Management Service",),
    "AWSELB": ("Elastic Load Balancing", "Amazon Elastic Load Balancing"),
    "AmazonVPC": ("Amazon Virtual Private Cloud",),
    "AmazonRoute53": ("Amazon Route 53",),
    "AmazonES": ("Amazon OpenSearch Service", "Amazon Elasticsearch Service"),
    "AmazonElastiCache": ("Amazon ElastiCache",),
    "AmazonEKS": ("Amazon Elastic Container Service for Kubernetes", "Amazon Elastic Kubernetes Service"),
    "AmazonECS": ("Amazon Elastic Container Service", "Amazon EC2 Container Service"),
    "AmazonECR": ("Amazon EC2 Container Registry (ECR)", "Amazon Elastic Container Registry"),
    "AmazonEFS": ("Amazon Elastic File System",),
    "AWSDataTransfer": ("AWS Data Transfer",),
    "AmazonStates": ("AWS Step Functions",),
}

#: AWS's product categories, as its console groups services, by the short names of their services: a word for a
#: category (`databases`) names the services of it that the bill holds.
SERVICE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "compute": ("ec2", "lambda", "ecs", "eks", "fargate", "batch", "lightsail"),
    "database": (
        "rds",
        "dynamodb",
        "elasticache",
        "redshift",
        "docdb",
        "neptune",
        "keyspaces",
        "timestream",
        "memorydb",
    ),
    "container": ("eks", "ecs", "ecr", "fargate"),
    "analytics": ("glue", "athena", "emr", "kinesis", "redshift", "quicksight", "opensearch", "msk"),
    "networking": ("data-transfer", "cloudfront", "vpc", "route53", "elb", "directconnect", "globalaccelerator"),
    "security": ("kms", "guardduty", "securityhub", "waf", "shield", "inspector", "macie", "secrets", "acm"),
    "messaging": ("sqs", "sns", "eventbridge", "mq"),
    "monitoring": ("cloudwatch", "cloudtrail", "xray", "config"),
}
#: Words people type for a category (`which databases cost most`, `networking costs`, `our dbs`).
CATEGORY_WORDS: dict[str, str] = {
    **dict.fromkeys(("compute",), "compute"),
    **dict.fromkeys(("database", "databases", "db", "dbs"), "database"),
    **dict.fromkeys(("container", "containers"), "container"),
    **dict.fromkeys(("analytics",), "analytics"),
    **dict.fromkeys(("networking", "network"), "networking"),
    **dict.fromkeys(("security",), "security"),
    **dict.fromkeys(("messaging",), "messaging"),
    **dict.fromkeys(("monitoring", "observability"), "monitoring"),
}

#: Parts of the world by the prefixes of AWS's region codes in them: a word for one (`Europe`, `APAC`) names the
#: regions of it that the bill holds.
REGION_AREAS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("europe", "eu", "european"), ("eu-",)),
    **dict.fromkeys(("us", "usa", "u.s.", "america", "american"), ("us-",)),
    **dict.fromkeys(("northamerica", "namer", "na"), ("us-", "ca-")),
    **dict.fromkeys(("asia", "apac", "asiapacific", "apj"), ("ap-",)),
    **dict.fromkeys(("emea",), ("eu-", "me-", "af-", "il-")),
    **dict.fromkeys(("latam", "southamerica"), ("sa-",)),
    **dict.fromkeys(("middleeast",), ("me-", "il-")),
    **dict.fromkeys(("africa",), ("af-",)),
    # countries with regions of AWS's (`customer in australia`): the regions there (not their adjectives: `the
    # French controller` is a person)
    **dict.fromkeys(("australia",), ("ap-southeast-2", "ap-southeast-4")),
    **dict.fromkeys(("japan",), ("ap-northeast-1", "ap-northeast-3")),
    **dict.fromkeys(("india",), ("ap-south-",)),
    **dict.fromkeys(("germany",), ("eu-central-1",)),
    **dict.fromkeys(("uk", "britain"), ("eu-west-2",)),
    **dict.fromkeys(("france",), ("eu-west-3",)),
    **dict.fromkeys(("brazil",), ("sa-east-1",)),
    **dict.fromkeys(("korea",), ("ap-northeast-2",)),
}

_GLOBAL_REGION_WORDS = frozenset({GLOBAL_REGION, "none", "(none)", "no-region", "noregion", UNTAGGED})
#: Words for "no value" of a dimension other than tags and regions (`untagged` is what older versions said).
EMPTY_WORDS = frozenset({NO_VALUE, "none", UNTAGGED})
#: Words for "no value" of a tag.
UNTAGGED_WORDS = frozenset({UNTAGGED, f"({UNTAGGED})"})
#: FOCUS charge categories, the values of the charge-type dimension.
CHARGE_TYPES: tuple[str, ...] = ("Usage", "Purchase", "Tax", "Credit", "Adjustment")
_ACCOUNT_ID = re.compile(r"^\d{12,13}$")
#: Tag keys whose values are read into the vocabulary (one store query each), and values kept per key.
TAG_KEY_LIMIT = 200
TAG_VALUE_LIMIT = 2000
#: Charge-class words a bare word may mean; `usage` is left out (people say "ec2 usage" for its cost) and `tax`
#: is the service `Tax`.
_BARE_CHARGE_CLASS_WORDS = frozenset({"credit", "credits", "refund", "refunds", "fees", "recurring", "one-time"})


@dataclass(frozen=True)
class Meaning:
    """One reading of a bare word: the filter it stands for (`values` as stored) and how to write it."""

    dimension: DimensionRef
    values: tuple[str, ...]
    spelled: str  # the explicit filter, e.g. `service=ec2` or `tag:team=web`
    what: str  # how a message names it, e.g. "the service `Amazon Elastic Compute Cloud`"


def _fold(text: str) -> str:
    """Case- and separator-insensitive form used for matching (`Usage Type` ~ `usage-type` ~ `usage_type`)."""
    return re.sub(r"[\s_\-]+", "", text.casefold())


#: Compass words of region names and their letters in AWS's short region codes (`us-east-1` -> `USE1`).
_COMPASS = {
    "east": "e",
    "west": "w",
    "north": "n",
    "south": "s",
    "central": "c",
    "northeast": "ne",
    "northwest": "nw",
    "southeast": "se",
    "southwest": "sw",
}


#: Places AWS names its regions by (the region list in AWS's documentation), as people say them: `sydney` is
#: `ap-southeast-2`.
REGION_PLACES: dict[str, str] = {
    "virginia": "us-east-1",
    "ohio": "us-east-2",
    "california": "us-west-1",
    "oregon": "us-west-2",
    "capetown": "af-south-1",
    "hongkong": "ap-east-1",
    "mumbai": "ap-south-1",
    "hyderabad": "ap-south-2",
    "tokyo": "ap-northeast-1",
    "seoul": "ap-northeast-2",
    "osaka": "ap-northeast-3",
    "singapore": "ap-southeast-1",
    "sydney": "ap-southeast-2",
    "jakarta": "ap-southeast-3",
    "melbourne": "ap-southeast-4",
    "canada": "ca-central-1",
    "montreal": "ca-central-1",
    "frankfurt": "eu-central-1",
    "zurich": "eu-central-2",
    "ireland": "eu-west-1",
    "dublin": "eu-west-1",
    "london": "eu-west-2",
    "paris": "eu-west-3",
    "stockholm": "eu-north-1",
    "milan": "eu-south-1",
    "spain": "eu-south-2",
    "bahrain": "me-south-1",
    "uae": "me-central-1",
    "israel": "il-central-1",
    "saopaulo": "sa-east-1",
    # the airport codes engineers call regions by in chat (`syd`, `iad`, `pdx`), those that are no English word
    **{"iad": "us-east-1", "cmh": "us-east-2", "pdx": "us-west-2", "syd": "ap-southeast-2", "nrt": "ap-northeast-1"},
    **{"icn": "ap-northeast-2", "bom": "ap-south-1", "fra": "eu-central-1", "lhr": "eu-west-2", "cdg": "eu-west-3"},
    **{"dub": "eu-west-1", "gru": "sa-east-1", "yul": "ca-central-1"},
}


#: The compass words of AWS region names (`west` in `us-west-2`).
COMPASS_WORDS = frozenset(_COMPASS)


def region_short_form(region: str) -> str:
    """An AWS region as people shorten it in chat: `us-east-1` -> `us-e-1`, `ap-southeast-2` -> `ap-se-2`; "" for
    a name not written area-compass-number."""
    parts = region.casefold().split("-")
    if len(parts) != 3 or parts[1] not in _COMPASS or not parts[2].isdecimal():
        return ""
    return f"{parts[0]}-{_COMPASS[parts[1]]}-{parts[2]}"


def region_code(region: str) -> str:
    """An AWS region as infrastructure names write it, in one word: `us-east-1` -> `use1`, `eu-west-1` -> `euw1`,
    `ap-southeast-2` -> `apse2` (a usage type's own prefix, `USE1-BoxUsage`, is the region too); "" for a name not
    written area-compass-number."""
    return region_short_form(region).replace("-", "")


def _short_forms(region: str) -> tuple[str, ...]:
    """How people shorten a region: `us-e-1`, `us-e1` and `use1` for `us-east-1`."""
    short = region_short_form(region)
    if not short:
        return ()
    head, number = short.rsplit("-", 1)
    return (short, head + number, region_code(region))


def _code_alias(code: str) -> str:
    """`AmazonEC2` -> `ec2`, `AWSLambda` -> `lambda`, `awskms` -> `kms`: what people call a service."""
    lowered = code.casefold()
    for prefix in ("amazon", "aws"):
        if lowered.startswith(prefix) and len(lowered) > len(prefix):
            return lowered[len(prefix) :]
    return lowered


#: Words of service names that name no service (every AWS service name has one).
_VENDOR_WORDS = frozenset({"aws", "amazon"})


#: Words of AWS's long service names that any product could have, naming none (`present to the management`,
#: `a simple up or down`): `Key Management Service`'s word is `key`, `Simple Storage Service`'s `storage`.
_GENERIC_NAME_WORDS = frozenset(
    {"service", "services", "simple", "management", "system", "systems", "for", "and", "of"}
)


def _strip_vendor(name: str) -> str:
    folded = name.casefold()
    for prefix in ("amazon ", "aws "):
        if folded.startswith(prefix):
            return folded[len(prefix) :]
    return folded


def _name_alias(name: str) -> str:
    """`Amazon Simple Storage Service` -> `simplestorageservice` (folded, vendor prefix dropped)."""
    return _fold(_strip_vendor(name))


def suggest(word: str, candidates: Iterable[str], n: int = 3, cutoff: float = 0.6) -> list[str]:
    """Up to `n` candidates that look like `word` (case-insensitive), best first, each given once.

    Uses difflib's ratio; a candidate that contains `word` (or is contained in it) as a whole also counts,
    so `prod` suggests `production`.
    """
    by_fold: dict[str, str] = {}
    for c in candidates:
        by_fold.setdefault(c.casefold(), c)
    key = word.casefold()
    if not key or not by_fold:
        return []
    close = difflib.get_close_matches(key, list(by_fold), n=n, cutoff=cutoff)
    if len(close) < n and len(key) >= 3:
        close += [f for f in sorted(by_fold) if key in f and f not in close][: n - len(close)]
    return [by_fold[f] for f in close]


def _did_you_mean(suggestions: Sequence[str]) -> str:
    return "Did you mean " + " or ".join(f"`{s}`" for s in suggestions) + "?"


def account_label(account_id: str, names: Mapping[str, str]) -> str:
    """`production (123456789012)` when `names` names the account, else the id: how every answer shows one."""
    name = names.get(account_id, "")
    return f"{name} ({account_id})" if name else account_id


@dataclass(frozen=True)
class Vocabulary:
    """What the store knows, for resolving and validating query words. Empty collections mean "unknown":

    a filter on a dimension whose vocabulary is empty passes its value through unchecked (a store with no
    data cannot say it is wrong).
    """

    #: service name (as stored in `service_name`) -> product code ('' when the export has none)
    services: Mapping[str, str] = field(default_factory=dict)
    #: usage account id -> account name ('' when unnamed)
    accounts: Mapping[str, str] = field(default_factory=dict)
    regions: tuple[str, ...] = ()
    #: tag keys as stored: `user:team`, `aws:createdBy`
    tag_keys: tuple[str, ...] = ()
    usage_types: tuple[str, ...] = ()
    operations: tuple[str, ...] = ()
    charge_types: tuple[str, ...] = ()
    currencies: tuple[str, ...] = ()
    #: stored tag key -> every value it has (keys with more than `TAG_VALUE_LIMIT` values are left out: their
    #: values pass through unchecked rather than being refused for not being among the first ones)
    tag_values: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    providers: tuple[str, ...] = ()

    # ------------------------------------------------------------------------------------ construction

    @classmethod
    def from_store(cls, store: BillingStore, *, limit: int = 10_000) -> Vocabulary:
        """Read the vocabulary of everything stored (a handful of small queries; cache the result per delivery).

        Service names come without product codes (the store contract has no code dimension); short names
        still resolve through the names (`glue` -> `AWS Glue`) and `KNOWN_SERVICE_NAMES` (`ec2`, `kms`, ...).
        """
        # The contract has no product-code dimension: codes come from KNOWN_SERVICE_NAMES at match time.
        names = store.distinct_values(DimensionRef(Dimension.SERVICE), limit=limit)
        services: dict[str, str] = {name: "" for name in names if name and name != NO_VALUE}

        def values(kind: Dimension) -> tuple[str, ...]:
            ref = DimensionRef(kind)
            return tuple(v for v in store.distinct_values(ref, limit=limit) if v and v != ref.empty_key)

        tag_keys = tuple(store.tag_keys())
        tag_values: dict[str, tuple[str, ...]] = {}
        for key in tag_keys[:TAG_KEY_LIMIT]:
            ref = DimensionRef.tag(key)
            found = [v for v in store.distinct_values(ref, limit=TAG_VALUE_LIMIT + 1) if v and v != ref.empty_key]
            if len(found) <= TAG_VALUE_LIMIT:
                tag_values[key] = tuple(found)
        return cls(
            services=services,
            accounts=dict(store.accounts()),
            regions=values(Dimension.REGION),
            tag_keys=tag_keys,
            usage_types=values(Dimension.USAGE_TYPE),
            operations=values(Dimension.OPERATION),
            charge_types=values(Dimension.CHARGE_TYPE),
            currencies=values(Dimension.CURRENCY),
            tag_values=tag_values,
            providers=values(Dimension.PROVIDER),
        )

    def within(self, store: BillingStore, filters: Sequence[Filter]) -> Vocabulary:
        """The vocabulary of the line items `filters` keep (an asker's scope): the accounts, services and regions
        they carry over every stored period (one aggregation each: this runs before an ack, once per scope and
        delivery). Tag keys stay (a key names no one's data); tag values are kept only for keys the filters
        themselves confine (those values), so a bare word can never reveal another team's tag value; values of
        other keys pass through unchecked, as for keys with too many values. Usage types, operations, charge
        types, currencies and providers stay whole: they are AWS's words, not anyone's data."""
        periods = store.periods()
        if not periods:
            return self.restricted_to(())
        first = min(p.billing_period for p in periods)
        span = TimeRange(add_months(first, -1), add_months(max(p.billing_period for p in periods), 2), "stored data")
        confined = tuple(filters)

        def seen(kind: Dimension) -> set[str]:
            rows = store.aggregate(AggregateRequest(span, group_by=(DimensionRef(kind),), filters=confined))
            return {r.keys[0] for r in rows}

        accounts, services, regions = seen(Dimension.ACCOUNT), seen(Dimension.SERVICE), seen(Dimension.REGION)

        granted = {
            str(f.dimension.tag_key): set(f.values)
            for f in confined
            if f.dimension.kind is Dimension.TAG and not f.negate
        }
        return Vocabulary(
            services={k: v for k, v in self.services.items() if k in services},
            accounts={k: v for k, v in self.accounts.items() if k in accounts},
            regions=tuple(r for r in self.regions if r in regions),
            tag_keys=self.tag_keys,
            usage_types=self.usage_types,
            operations=self.operations,
            charge_types=self.charge_types,
            currencies=self.currencies,
            tag_values={
                k: tuple(v for v in vs if v in granted[k]) for k, vs in self.tag_values.items() if k in granted
            },
            providers=self.providers,
        )

    def warm(self) -> Vocabulary:
        """Build every lookup index now (seconds for hundreds of thousands of tag values), so that no question
        pays for it before its ack; returns self. The indexes are shared with `restricted_to` copies."""
        for name in ("_service_keys", "_value_index", "_account_index", "_word_index", "_stored_value_folds"):
            getattr(self, name)  # reading a cached property builds it
        return self

    def restricted_to(self, account_ids: Iterable[str]) -> Vocabulary:
        """The same vocabulary with only these accounts, so errors and suggestions never name the others."""
        keep = set(account_ids)
        restricted = Vocabulary(
            services=self.services,
            accounts={k: v for k, v in self.accounts.items() if k in keep},
            regions=self.regions,
            tag_keys=self.tag_keys,
            usage_types=self.usage_types,
            operations=self.operations,
            charge_types=self.charge_types,
            currencies=self.currencies,
            tag_values=self.tag_values,
            providers=self.providers,
        )
        # Same services and values, so share the indexes instead of rebuilding them on every request.
        restricted.__dict__["_service_keys"] = self._service_keys
        restricted.__dict__["_value_index"] = self._value_index
        restricted.__dict__["_account_index"] = self._account_index
        restricted.__dict__["_stored_value_words"] = self._stored_value_words
        restricted.__dict__["_stored_value_folds"] = self._stored_value_folds
        restricted.__dict__["_word_index"] = self._word_index  # accounts filtered at lookup (`word_meanings`)
        return restricted

    # ------------------------------------------------------------------------------------ services

    @cached_property
    def _service_keys(self) -> dict[str, list[str]]:
        """Every folded word that names a stored service -> the stored names it means."""
        keys: dict[str, list[str]] = {}

        def add(word: str, name: str) -> None:
            if word:
                bucket = keys.setdefault(word, [])
                if name not in bucket:
                    bucket.append(name)

        codes_by_alias: dict[str, str] = {_fold(a): c for a, c in SERVICE_ALIASES.items()}
        for name, code in self.services.items():
            add(_fold(name), name)
            add(_name_alias(name), name)
            known_code = code or _known_code(name)
            if known_code:
                add(_fold(known_code), name)
                add(_fold(_code_alias(known_code)), name)
                for alias, c in codes_by_alias.items():
                    if c == known_code:
                        add(alias, name)
        return keys

    def service_words(self) -> list[str]:
        """Words a user may type for a service, for suggestions: short names first (`ec2`), then full names."""
        codes = {code or _known_code(name) for name, code in self.services.items()} - {""}
        short = {_code_alias(c) for c in codes} | {a for a, c in SERVICE_ALIASES.items() if c in codes}
        # one-word names without their vendor prefix: `AWS Glue` -> `glue`
        short |= {_name_alias(n) for n in self.services if " " not in _strip_vendor(n)}
        return list(dict.fromkeys([*sorted(short), *sorted(self.services)]))

    def resolve_service(self, word: str) -> tuple[str, ...]:
        """Stored service names meant by `word`: a name, a product code (`AmazonEC2`) or a short name (`ec2`).

        Case-insensitive. One word can mean several stored names (Cost Explorer splits EC2 into
        `Amazon Elastic Compute Cloud - Compute` and `EC2 - Other`). `tax` is the service tax line items read
        as (`Tax`), whether or not the bill has tax yet. Raises `NotFound` with suggestions.
        """
        if _fold(word) == _fold(TAX_SERVICE):
            return (TAX_SERVICE,)
        if not self.services:
            return (word,)
        found = self._service_keys.get(_fold(word)) or self._service_keys.get(_name_alias(word))
        if found:
            return tuple(found)
        close = suggest(word, self.service_words())
        raise NotFound(
            f"I don't know the service `{word}`.",
            suggestions=close,
            hint=_hint(close, "service=ec2", 'service="Amazon Simple Storage Service"'),
        )

    def canonical_service(self, word: str) -> str:
        """The one stored name for `word` (the first when it means several); raises `NotFound`."""
        return self.resolve_service(word)[0]

    # ------------------------------------------------------------------------------------ accounts

    def resolve_account(self, word: str) -> str:
        """The account id meant by `word`: an id, or a name (case-insensitive). Raises `NotFound` or `UsageError`."""
        if word in self.accounts:
            return word
        if not self.accounts:
            return word
        named = [i for i, n in self.accounts.items() if n and n.casefold() == word.casefold()]
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            raise UsageError(
                f"Several accounts are named `{word}`: {', '.join(sorted(named))}.",
                hint=f"Use the account id, e.g. `account={sorted(named)[0]}`.",
            )
        words = [n for n in self.accounts.values() if n] + list(self.accounts)
        what = "account id" if _ACCOUNT_ID.match(word) else "account"
        close = suggest(word, words)
        raise NotFound(
            f"I don't know the {what} `{word}`.", suggestions=close, hint=_hint(close, *self._account_examples())
        )

    def _account_examples(self) -> tuple[str, ...]:
        # Examples come from the visible accounts so they are both real and inside the asker's scope.
        first = min(self.accounts)
        name = self.accounts[first]
        return (f"account={first}", f"account={quote_value(name)}") if name else (f"account={first}",)

    def account_label(self, account_id: str) -> str:
        """`production (123456789012)` when named, else the id."""
        return account_label(account_id, self.accounts)

    # ------------------------------------------------------------------------------------ other dimensions

    def resolve_region(self, word: str) -> str:
        """A stored region code (case-insensitive); `global` (or `none`) means charges without a region and legacy
        CUR's own `global` region."""
        if word.casefold() in _GLOBAL_REGION_WORDS:
            return GLOBAL_REGION
        return _resolve_among(word, self.regions, "region", ("region=us-east-1", "region=eu-west-1,eu-west-3"))

    def resolve_currency(self, word: str) -> str:
        """A billing currency of the data (ISO code, any case): `eur` -> `EUR`. Raises `NotFound`."""
        code = word.upper()
        if not self.currencies or code in self.currencies:
            return code
        close = suggest(word, self.currencies)
        raise NotFound(
            f"The billing data has no amounts in `{word}`: it is billed in {', '.join(self.currencies)}.",
            suggestions=close,
            hint=_hint(close, *(f"currency={c}" for c in self.currencies[:2])),
        )

    def resolve_provider(self, word: str) -> str:
        """A cloud provider of the data by its short name or its usual names (`Microsoft`, `Amazon Web Services`,
        `google`): `azure`, `aws`, `gcp`, `oci`. Raises `NotFound` naming the providers the data has."""
        from bot.billing.providers import provider_key

        key = provider_key(word)
        if not self.providers or key in self.providers:
            return key
        close = suggest(word, self.providers)
        raise NotFound(
            f"The billing data has no `{word}` costs: its providers are {', '.join(self.providers)}.",
            suggestions=close,
            hint=_hint(close, *(f"provider={p}" for p in self.providers[:2])),
        )

    def resolve_usage_type(self, word: str) -> str:
        return _resolve_among(word, self.usage_types, "usage type", ("usage-type=USE1-BoxUsage:m5.large",))

    def resolve_operation(self, word: str) -> str:
        return _resolve_among(word, self.operations, "operation", ("operation=RunInstances",))

    def resolve_charge_type(self, word: str) -> str:
        """A FOCUS charge category (`Usage`, `Purchase`, `Tax`, `Credit`, `Adjustment`), case-insensitive."""
        known = tuple(dict.fromkeys([*CHARGE_TYPES, *self.charge_types]))
        singular = word[:-1] if word.casefold().endswith("s") and len(word) > 1 else word
        for candidate in (word, singular):
            for k in known:
                if k.casefold() == candidate.casefold():
                    return k
        return _resolve_among(word, known, "charge type", ("charge-type=Tax", "charge-type!=Credit"))

    def resolve_charge_classes(self, word: str) -> tuple[str, ...]:
        """The charge classes (`bot.billing.charges`) a word names: `usage`, `recurring`, `one-time`, `tax`, `credit`,
        `adjustment`, and the words people use for them (`fees`: recurring and one-time; `refunds`, `credits`)."""
        found = parse_charge_classes(word)
        if found:
            return tuple(c.value for c in found)
        known = [c.value for c in ChargeClass]
        return (_resolve_among(word, known, "charge class", ("charge-class=usage", "charge-class!=usage")),)

    def resolve_tag_key(self, word: str) -> str:
        """The stored tag key meant by `word`: `team` -> `user:team`, `aws:createdBy` stays.

        A bare key matches `user:<key>` first, then any `<prefix>:<key>` when only one exists. With no stored
        tag keys, a bare key is assumed to be a user tag. Raises `NotFound` with suggestions, or `UsageError`
        when a bare key is ambiguous.
        """
        key = word[4:] if word.casefold().startswith("tag:") else word
        if not key:
            raise UsageError("A tag needs a key: `tag:` is empty.", hint="Write it like `tag:team` or `tag:team=web`.")
        if not self.tag_keys:
            return key if ":" in key else f"user:{key}"
        for exact_key in (key, f"user:{key}"):
            if exact_key in self.tag_keys:
                return exact_key
        folded = key.casefold()
        exact = [k for k in self.tag_keys if k.casefold() == folded]
        if len(exact) == 1:
            return exact[0]
        user = [k for k in self.tag_keys if k.casefold() == f"user:{folded}"]
        if len(user) == 1:
            return user[0]
        suffix = [k for k in self.tag_keys if ":" in k and k.split(":", 1)[1].casefold() == folded]
        if len(suffix) == 1:
            return suffix[0]
        if len(suffix) > 1 or len(exact) > 1:
            options = sorted(suffix or exact)
            raise UsageError(
                f"The tag key `{key}` is ambiguous: {', '.join(f'`tag:{o}`' for o in options)}.",
                hint=f"Write the full key, e.g. `tag:{options[0]}`.",
            )
        words = [f"tag:{k}" for k in self.tag_keys] + [f"tag:{k.split(':', 1)[1]}" for k in self.tag_keys if ":" in k]
        close = suggest(f"tag:{key}", words)
        raise NotFound(
            f"I don't know the tag key `{key}`.", suggestions=close, hint=_hint(close, "tag:team", "tag:team=web")
        )

    def tag_label(self, key: str) -> str:
        """What users type for a stored key: `user:team` -> `tag:team` when `team` resolves back to it."""
        if key.startswith("user:"):
            bare = key[5:]
            if bare and ":" not in bare:
                try:
                    if self.resolve_tag_key(bare) == key:
                        return f"tag:{bare}"
                except UserFacingError:
                    pass
        return f"tag:{key}"

    def resolve_tag_value(self, key: str, word: str) -> str:
        """The stored value of tag `key` meant by `word`: exact, else the only case-insensitive match.

        Tag values are case-sensitive in AWS (`Web` and `web` are two values), so several case-insensitive
        matches are reported, never guessed. A key whose values are not known passes `word` through. Raises
        `NotFound` (with suggestions) or `UsageError`.
        """
        values = self.tag_values.get(key)
        if not values or word in values:
            return word
        owner = re.sub(r"['’]s$", "", word)
        if owner != word and owner in values:
            return owner  # `team=data's number`: the value, in the possessive
        folded = [v for v in values if v.casefold() == word.casefold()]
        if len(folded) == 1:
            return folded[0]
        label = self.tag_label(key)
        if folded:
            options = ", ".join(f"`{label}={quote_value(v)}`" for v in sorted(folded))
            raise UsageError(
                f"The tag `{label}` has {len(folded)} values spelled like `{word}`: {options}.",
                hint=f"Tag values are case-sensitive: write the one you mean, e.g. `{label}={quote_value(folded[0])}`.",
            )
        close = suggest(word, values)
        examples = [f"{label}={quote_value(v)}" for v in (close or values)[:2]]
        raise NotFound(
            f"No line item has the tag `{label}` set to `{word}`.",
            suggestions=[f"{label}={quote_value(c)}" for c in close],
            hint=_hint([f"{label}={quote_value(c)}" for c in close], *examples, f"{label}=untagged"),
        )

    @cached_property
    def _value_index(self) -> dict[str, list[tuple[DimensionRef, tuple[str, ...]]]]:
        """Folded words -> the stored values they name, for every dimension but accounts (which a restricted
        vocabulary narrows, so they are looked up directly)."""
        index: dict[str, list[tuple[DimensionRef, tuple[str, ...]]]] = {}

        def add(word: str, ref: DimensionRef, values: tuple[str, ...]) -> None:
            bucket = index.setdefault(word, [])
            if (ref, values) not in bucket:
                bucket.append((ref, values))

        for word, names in self._service_keys.items():
            add(word, DimensionRef(Dimension.SERVICE), tuple(names))
        add(_fold(TAX_SERVICE), DimensionRef(Dimension.SERVICE), (TAX_SERVICE,))
        for region in self.regions:
            add(_fold(region), DimensionRef(Dimension.REGION), (region,))
        for key in self.tag_keys:
            for value in self.tag_values.get(key, ()):
                add(_fold(value), DimensionRef.tag(key), (value,))
        for kind, known in ((Dimension.USAGE_TYPE, self.usage_types), (Dimension.OPERATION, self.operations)):
            for value in known:
                add(_fold(value), DimensionRef(kind), (value,))
        for provider in self.providers:
            add(_fold(provider), DimensionRef(Dimension.PROVIDER), (provider,))
        for word in _BARE_CHARGE_CLASS_WORDS:
            classes = parse_charge_classes(word)
            if classes:
                add(_fold(word), DimensionRef(Dimension.CHARGE_CLASS), tuple(c.value for c in classes))
        return index

    def meanings(self, phrase: str) -> list[Meaning]:
        """Every stored value `phrase` names exactly (case- and separator-insensitive): a service (`ec2`, `data
        transfer`), region, account (id or name), tag value, usage type, operation or charge class.

        A tag value spelled exactly as typed wins over its other-case spellings. Several meanings are returned
        as they are: the caller reports the ambiguity rather than guessing.
        """
        folded = _fold(phrase)
        if not folded:
            return []
        found = list(self._value_index.get(folded, ()))
        alias = _name_alias(phrase)
        if alias != folded:
            found += [f for f in self._value_index.get(alias, ()) if f[0].kind is Dimension.SERVICE and f not in found]
        exact_tags = {ref for ref, values in found if ref.kind is Dimension.TAG and values[0] == phrase}
        out: list[Meaning] = []
        for ref, values in found:
            if ref in exact_tags and values[0] != phrase:
                continue
            out.append(self._meaning(ref, values, phrase))
        for account_id in sorted(self._account_index.get(folded, ())):
            if account_id in self.accounts:  # a restricted vocabulary shares the index: keep the visible ones
                out.append(self._account_meaning(account_id, phrase))
        return out

    def word_meanings(self, word: str) -> list[Meaning]:
        """Stored values that hold `word` as one of their words: `support` in the service `AWS Support
        (Business)`, `ml` in the tag value `ml-research`, `staging` in the account name `acme-staging`, `m5.large`
        in the usage type `USE1-BoxUsage:m5.large`. Looser
        than `meanings` (the caller accepts one only when nothing else reads the word, or a dimension named
        beside it settles which); vendor words (`aws`, `amazon`) and numbers hold nothing."""
        out: list[Meaning] = []
        for ref, value in self._word_index.get(word.casefold(), ()):
            if ref.kind is Dimension.ACCOUNT:
                if value in self.accounts:  # a restricted vocabulary shares the index: keep the visible ones
                    out.append(self._account_meaning(value, ""))
            else:
                out.append(self._meaning(ref, (value,), value))
        return out

    def category_meaning(self, word: str) -> Meaning | None:
        """The services of the product category `word` names (`databases`: RDS and DynamoDB, on a bill holding
        those two) as one reading, or None when `word` names no category or the bill holds none of its services."""
        category = CATEGORY_WORDS.get(word.casefold())
        if category is None:
            return None
        short: list[str] = []
        names: list[str] = []
        for service in SERVICE_CATEGORIES[category]:
            held = self._service_keys.get(_fold(service)) or self._service_keys.get(_name_alias(service))
            if held:
                short.append(service)
                names.extend(n for n in held if n not in names)
        if not names:
            return None
        ref = DimensionRef(Dimension.SERVICE)
        shown = ", ".join(f"`{n}`" for n in names)
        return Meaning(ref, tuple(names), f"service={','.join(short)}", f"the {category} services on the bill: {shown}")

    def area_meaning(self, word: str) -> Meaning | None:
        """The regions of the part of the world `word` names (`europe`: `eu-west-1` and `eu-central-1`, on a bill
        holding those) as one reading, or None when `word` names none or the bill holds no region in it."""
        prefixes = REGION_AREAS.get(word.casefold().replace(" ", ""))
        if prefixes is None:
            return None
        regions = tuple(r for r in self.regions if r.startswith(prefixes))
        if not regions:
            return None
        ref = DimensionRef(Dimension.REGION)
        return Meaning(ref, regions, f"region={','.join(regions)}", f"the regions in {word}: {', '.join(regions)}")

    def usage_types_holding(self, fragment: str) -> list[Meaning]:
        """One reading per stored usage type whose name holds `fragment` (case-insensitive): `natgateway` in
        `USE1-NatGateway-Hours`."""
        ref = DimensionRef(Dimension.USAGE_TYPE)
        return [self._meaning(ref, (u,), u) for u in self.usage_types if fragment.casefold() in u.casefold()]

    @cached_property
    def _word_index(self) -> dict[str, list[tuple[DimensionRef, str]]]:
        """Whole words (letters and digits) of service names, account names and tag values, and the parts of usage
        types between `-` and `:` (`m5.large`) -> those values."""
        index: dict[str, list[tuple[DimensionRef, str]]] = {}

        def add(ref: DimensionRef, value: str, text: str) -> None:
            generic = _GENERIC_NAME_WORDS if ref.kind is Dimension.SERVICE else frozenset()
            for word in dict.fromkeys(re.findall(r"[a-z0-9]+", text.casefold())):
                if len(word) > 1 and not word.isdigit() and word not in _VENDOR_WORDS and word not in generic:
                    index.setdefault(word, []).append((ref, value))

        for name in self.services:
            add(DimensionRef(Dimension.SERVICE), name, name)
        for account_id, name in self.accounts.items():
            if name:
                add(DimensionRef(Dimension.ACCOUNT), account_id, name)
        for key, values in self.tag_values.items():
            for value in values:
                add(DimensionRef.tag(key), value, value)
        for usage_type in self.usage_types:  # `USE1-BoxUsage:m5.large`: `use1`, `boxusage`, `m5.large`
            for part in dict.fromkeys(re.split(r"[-:/]", usage_type.casefold())):
                if len(part) > 1 and not part.isdigit():
                    index.setdefault(part, []).append((DimensionRef(Dimension.USAGE_TYPE), usage_type))
        return index

    def _account_meaning(self, account_id: str, phrase: str) -> Meaning:
        name = self.accounts.get(account_id, "")
        spelled = f"account={quote_value(name) if name and account_id != phrase else account_id}"
        return Meaning(
            DimensionRef(Dimension.ACCOUNT), (account_id,), spelled, f"the account `{self.account_label(account_id)}`"
        )

    @cached_property
    def _account_index(self) -> dict[str, list[str]]:
        """Folded account names and ids -> account ids (shared by restricted vocabularies, filtered at lookup)."""
        index: dict[str, list[str]] = {}
        for account_id, name in self.accounts.items():
            index.setdefault(account_id, []).append(account_id)
            if name and _fold(name) != account_id:
                index.setdefault(_fold(name), []).append(account_id)
        return index

    @cached_property
    def _stored_value_words(self) -> tuple[str, ...]:
        """Service words, regions and tag values (not accounts: a restricted vocabulary narrows those)."""
        tags = [v for values in self.tag_values.values() for v in values]
        return tuple(dict.fromkeys([*self.service_words(), *self.regions, *tags]))

    def _meaning(self, ref: DimensionRef, values: tuple[str, ...], phrase: str) -> Meaning:
        if ref.kind is Dimension.SERVICE:
            shown = " / ".join(f"`{n}`" for n in values)
            return Meaning(ref, values, f"service={quote_value(phrase.casefold())}", f"the service {shown}")
        if ref.kind is Dimension.TAG:
            spelled = f"{self.tag_label(str(ref.tag_key))}={quote_value(values[0])}"
            return Meaning(ref, values, spelled, f"the tag value `{spelled}`")
        if ref.kind is Dimension.CHARGE_CLASS:
            spelled = f"charge-class={values[0]}"
            return Meaning(ref, values, spelled, f"`{spelled}`")
        spelled = f"{ref.kind.value}={quote_value(values[0])}"
        return Meaning(ref, values, spelled, f"the {ref.kind.value} `{values[0]}`")

    def value_words(self) -> list[str]:
        """Everything a bare word may name (short service names first, then regions, tag values, account names)."""
        names = [n for n in self.accounts.values() if n]
        return list(dict.fromkeys([*self._stored_value_words, *names]))

    @cached_property
    def _stored_value_folds(self) -> tuple[str, ...]:
        return tuple(w.casefold() for w in self._stored_value_words)

    def every_value(self, kind: Dimension) -> frozenset[str]:
        """Every account or every region the bill holds (all of them named means none left out); empty for a
        dimension whose values the vocabulary may hold only in part."""
        if kind is Dimension.ACCOUNT:
            return frozenset(self.accounts)
        if kind is Dimension.REGION:
            return frozenset(self.regions)
        return frozenset()

    def region_of_short_form(self, word: str) -> str | None:
        """The stored region `word` shortens (`us-e-1` -> `us-east-1`, `US-W-2`, `us-w2` -> `us-west-2`, `euw1` ->
        `eu-west-1`) or names by its place (`sydney` -> `ap-southeast-2`, `hong kong` joined), or None."""
        folded = word.casefold()
        place = REGION_PLACES.get(folded.replace(" ", ""))
        if place is not None:
            return place if place in self.regions else None
        if re.fullmatch(r"[a-z]{2}-[a-z]+", folded):  # `eu-west`: the one held region whose name it starts
            held = [r for r in self.regions if r.startswith(folded + "-")]
            if len(held) == 1:
                return held[0]
        return next((r for r in self.regions if folded in _short_forms(r)), None)

    def suggest_values(self, word: str, n: int = 3) -> list[str]:
        """Stored values that look like `word` (`suggest`'s rule), without re-reading every value per call:
        the shared list is shortlisted in C first, so this stays fast with hundreds of thousands of tag values."""
        key = word.casefold()
        close = process.extract(key, self._stored_value_folds, scorer=fuzz.ratio, score_cutoff=45, limit=50)
        shortlist = [self._stored_value_words[i] for _, _, i in close]
        if len(key) >= 3:
            shortlist += [self._stored_value_words[i] for i, f in enumerate(self._stored_value_folds) if key in f][:50]
        shortlist += [name for name in self.accounts.values() if name]
        return suggest(word, shortlist, n=n)

    @cached_property
    def typed_names(self) -> tuple[str, ...]:
        """The names people type, which a typo may be read as: service words, regions, account names, tag keys'
        names, and the values of tag keys with at most `TYPED_VALUES_MAX` values (teams and environments, not
        the ids of a key with thousands)."""
        small = [v for values in self.tag_values.values() if len(values) <= TYPED_VALUES_MAX for v in values]
        keys = [k.split(":", 1)[-1] for k in self.tag_keys]
        names = [n for n in self.accounts.values() if n]
        return tuple(dict.fromkeys([*self.service_words(), *self.regions, *names, *keys, *small]))

    @cached_property
    def _typed_name_folds(self) -> tuple[str, ...]:
        return tuple(n.casefold() for n in self.typed_names)

    def names_within(self, word: str, distance: int) -> list[tuple[str, int]]:
        """`typed_names` within `distance` edits (OSA) of `word`, each with its distance, closest first (a few:
        enough to tell one closest from a tie)."""
        found = process.extract(
            word.casefold(), self._typed_name_folds, scorer=OSA.distance, score_cutoff=distance, limit=5
        )
        return [(self.typed_names[i], int(d)) for _, d, i in found]

    def value_near(self, word: str, distance: int) -> bool:
        """Whether a stored value (or a tag key's name) is within `distance` edits (OSA) of `word`. Answers are
        remembered (a bounded cache: the same words are searched again when a refusal's hint reads the rest of
        the question, `grammar._without`)."""
        return self._value_near(word.casefold(), distance)

    @cached_property
    def _value_near(self) -> Callable[[str, int], bool]:
        def near(key: str, distance: int) -> bool:
            pools = (
                self._stored_value_folds,
                [name.casefold() for name in self.accounts.values() if name],
                [k.split(":", 1)[-1].casefold() for k in self.tag_keys],
            )
            return any(process.extractOne(key, pool, scorer=OSA.distance, score_cutoff=distance) for pool in pools)

        return lru_cache(maxsize=_SEARCHES_REMEMBERED)(near)


#: How many typo searches a vocabulary remembers (each a word and a distance): bounded, whatever people type.
_SEARCHES_REMEMBERED = 4096
#: Tag keys with at most this many values have their values read from typos (`platfrom`): see `typed_names`.
TYPED_VALUES_MAX = 100


def _known_code(name: str) -> str:
    """The product code of a well-known service name (`Amazon Elastic Compute Cloud - Compute` -> `AmazonEC2`)."""
    for code, names in KNOWN_SERVICE_NAMES.items():
        if any(name == k or name.startswith(k + " - ") for k in names):
            return code
    return ""


def _resolve_among(word: str, known: Sequence[str], what: str, examples: Sequence[str]) -> str:
    if not known:
        return word
    if word in known:
        return word
    folded = [k for k in known if k.casefold() == word.casefold()]
    if folded:
        return folded[0]
    close = suggest(word, known)
    raise NotFound(f"I don't know the {what} `{word}`.", suggestions=close, hint=_hint(close, *examples))


def _hint(suggestions: Sequence[str], *examples: str) -> str:
    example = "Example: " + ", ".join(f"`{e}`" for e in examples) + "."
    return f"{_did_you_mean(suggestions)} {example}" if suggestions else example


# ------------------------------------------------------------------------------------ display words


def key_text(ref: DimensionRef, value: str, vocabulary: Vocabulary | None) -> str:
    """A group key as shown: account ids get their names when the vocabulary knows them; every other key as the
    store gives it (empty values read as the dimension's `empty_key`: `untagged`, `global`, `(none)`)."""
    if ref.kind is Dimension.ACCOUNT and vocabulary is not None:
        return vocabulary.account_label(value)
    return value


#: Short names for the services that dominate most bills: long names make chart legends unreadable at Slack's
#: preview size (about 360 px wide).
SHORT_SERVICE_NAMES = {
    "Amazon Elastic Compute Cloud": "EC2",
    "Amazon Elastic Compute Cloud - Compute": "EC2",
    "EC2 - Other": "EC2 other",
    "Amazon Simple Storage Service": "S3",
    "Amazon Relational Database Service": "RDS",
    "Amazon DynamoDB": "DynamoDB",
    "Amazon CloudFront": "CloudFront",
    "Amazon Elastic Container Service": "ECS",
    "Amazon Elastic Container Service for Kubernetes": "EKS",
    "Amazon Elastic Kubernetes Service": "EKS",
    "Amazon Elastic File System": "EFS",
    "Amazon ElastiCache": "ElastiCache",
    "Amazon OpenSearch Service": "OpenSearch",
    "Amazon Redshift": "Redshift",
    "Amazon Simple Queue Service": "SQS",
    "Amazon Simple Notification Service": "SNS",
    "Amazon Virtual Private Cloud": "VPC",
    "Amazon Route 53": "Route 53",
    "Amazon CloudWatch": "CloudWatch",
    "AWS Lambda": "Lambda",
    "AWS Key Management Service": "KMS",
    "AWS Data Transfer": "Data transfer",
    "Elastic Load Balancing": "ELB",
    "Amazon SageMaker": "SageMaker",
    "Amazon Athena": "Athena",
    "AWS Glue": "Glue",
    "Amazon Kinesis": "Kinesis",
}


def short_service_name(name: str) -> str:
    """`Amazon Elastic Compute Cloud` -> `EC2`; other names lose an `Amazon `/`AWS ` prefix."""
    if name in SHORT_SERVICE_NAMES:
        return SHORT_SERVICE_NAMES[name]
    for prefix in ("Amazon ", "AWS "):
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix) :]
    return name
