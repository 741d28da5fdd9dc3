"""The fictional organisation behind the sample data, as data: accounts, regions, priced SKUs, fleets of resources,
commitments, the support plan and tax.

Everything here is small dimension data; `bot.samples.inventory` turns fleets into resources and
`bot.samples.canonical` joins them with time inside DuckDB. Product codes, service names, usage types, operations
and units follow what genuine AWS exports contain (public price list names); rates are the public us-east-1
on-demand prices in USD, converted at `Currency.per_usd` when the organisation is billed in another currency.

A *fleet* is a group of alike resources of one account and region (the web servers of prod, the EBS volumes of
dev, the CloudFront distributions). Fleets with a `share` grow with the size asked for (`rows_per_month`); fleets
with a fixed `count` are the same named resources at every size (the databases, the distributions, the
warehouse), so an event on one of them has the same size in money whatever the size of the data.
"""

from __future__ import annotations

from dataclasses import dataclass

ORGANISATION = "Acme Robotics"
PAYER_ACCOUNT_ID = "210987654321"


@dataclass(frozen=True)
class Currency:
    """A billing currency: CUR's `lineItem/CurrencyCode` and `pricing/currency`, FOCUS `BillingCurrency`."""

    code: str
    per_usd: float  # amount of this currency for one USD (a fixed rate: the generator does not model FX moves)
    legal_entity: str  # bill/InvoicingEntity and lineItem/LegalEntity
    tax_type: str  # lineItem/TaxType
    tax_rate: float


CURRENCIES: dict[str, Currency] = {
    "USD": Currency("USD", 1.0, "Amazon Web Services, Inc.", "Sales Tax", 0.0625),
    "EUR": Currency("EUR", 0.92, "Amazon Web Services EMEA SARL", "VAT", 0.17),
}


@dataclass(frozen=True)
class Account:
    account_id: str  # 12 digits; one starts with 0 on purpose (readers must keep leading zeros)
    name: str
    env: str  # value of the user:env tag and of the `environment` cost category
    business_unit: str
    tag_coverage: float  # share of resources carrying user:team


ACCOUNTS: tuple[Account, ...] = (
    Account(PAYER_ACCOUNT_ID, "acme-payer", "shared", "Corporate", 0.40),
    Account("123456789012", "acme-prod", "prod", "Platform", 0.92),
    Account("234567890123", "acme-staging", "staging", "Platform", 0.80),
    Account("345678901234", "acme-data", "prod", "Data", 0.85),
    Account("456789012345", "acme-ml", "dev", "Data", 0.70),
    Account("567890123456", "acme-shared-services", "shared", "Platform", 0.60),
    Account("678901234567", "acme-dev", "dev", "Engineering", 0.35),
    Account("044556677889", "acme-security", "prod", "Security", 0.75),
)
ACCOUNT_BY_NAME = {a.name.removeprefix("acme-"): a for a in ACCOUNTS}


@dataclass(frozen=True)
class Region:
    code: str
    name: str  # product/location
    prefix: str  # usage type prefix, e.g. USW2


REGIONS: tuple[Region, ...] = (
    Region("us-east-1", "US East (N. Virginia)", "USE1"),
    Region("us-west-2", "US West (Oregon)", "USW2"),
    Region("eu-west-1", "EU (Ireland)", "EU"),
    Region("ap-southeast-1", "Asia Pacific (Singapore)", "APS1"),
    Region("global", "Global", ""),
)
REGION_BY_CODE = {r.code: r for r in REGIONS}

#: Teams (user:team values) and their cost centers (user:cost-center).
TEAMS: tuple[tuple[str, str], ...] = (
    ("platform", "CC-1001"),
    ("payments", "CC-1002"),
    ("search", "CC-1003"),
    ("data-eng", "CC-2001"),
    ("ml-research", "CC-2002"),
    ("web", "CC-1004"),
    ("mobile", "CC-1005"),
    ("security", "CC-3001"),
)
COST_CENTER = dict(TEAMS)

#: aws:createdBy values (the AWS-generated tag): IAM users and roles.
CREATORS: tuple[str, ...] = (
    "IAMUser:AIDAJ3EXAMPLE7QKZ2A4:alice",
    "IAMUser:AIDAK5EXAMPLE2MXP9B1:bob",
    "AssumedRole:AROAEXAMPLE4TQ7ZC3D2:terraform-ci",
    "AssumedRole:AROAEXAMPLE9LW2YH6F8:eks-node-autoscaler",
)


@dataclass(frozen=True)
class Sku:
    """One priced usage type. `usage_type` starts with `{p}` where the region prefix goes."""

    key: str
    product_code: str
    service_name: str
    service_category: str  # FOCUS ServiceCategory
    product_family: str
    usage_type: str
    operation: str
    unit: str
    rate: float  # public on-demand price per unit, USD
    instance_type: str = ""
    description: str = ""
    bare_in_use1: bool = False  # us-east-1 usage type has no prefix (EC2, EBS, S3 legacy naming)
    savings_plan: bool = False  # Compute Savings Plans can cover it


_sku = Sku  # a row of the table below


_EC2 = ("AmazonEC2", "Amazon Elastic Compute Cloud")


def _box(itype: str, rate: float) -> Sku:
    return Sku(
        f"ec2-{itype}",
        *_EC2,
        "Compute",
        "Compute Instance",
        f"{{p}}BoxUsage:{itype}",
        "RunInstances",
        "Hrs",
        rate,
        itype,
        f"${rate} per On Demand Linux {itype} Instance Hour",
        bare_in_use1=True,
        savings_plan=True,
    )


SKUS: tuple[Sku, ...] = (
    _box("m5.large", 0.096),
    _box("m5.xlarge", 0.192),
    _box("m5.2xlarge", 0.384),
    _box("c6i.2xlarge", 0.34),
    _box("t3.medium", 0.0416),
    _box("t3.large", 0.0832),
    _box("g5.xlarge", 1.006),
    _sku(
        "ebs-gp3",
        *_EC2,
        "Storage",
        "Storage",
        "{p}EBS:VolumeUsage.gp3",
        "CreateVolume-Gp3",
        "GB-Mo",
        0.08,
        description="$0.08 per GB-month of General Purpose (gp3) provisioned storage",
        bare_in_use1=True,
    ),
    _sku(
        "ebs-snapshot",
        *_EC2,
        "Storage",
        "Storage Snapshot",
        "{p}EBS:SnapshotUsage",
        "CreateSnapshot",
        "GB-Mo",
        0.05,
        description="$0.05 per GB-Month of snapshot data stored",
        bare_in_use1=True,
    ),
    _sku(
        "nat-hours",
        *_EC2,
        "Networking",
        "NAT Gateway",
        "{p}NatGateway-Hours",
        "NatGateway",
        "Hrs",
        0.045,
        description="$0.045 per NAT Gateway Hour",
    ),
    _sku(
        "nat-bytes",
        *_EC2,
        "Networking",
        "NAT Gateway",
        "{p}NatGateway-Bytes",
        "NatGateway",
        "GB",
        0.045,
        description="$0.045 per GB Data Processed by NAT Gateways",
    ),
    _sku(
        "ipv4",
        "AmazonVPC",
        "Amazon Virtual Private Cloud",
        "Networking",
        "VpcPublicIpv4Address",
        "{p}PublicIPv4:InUseAddress",
        "AssociateAddressVPC",
        "Hrs",
        0.005,
        description="$0.005 per In-use public IPv4 address per hour",
    ),
    _sku(
        "dt-out",
        "AWSDataTransfer",
        "AWS Data Transfer",
        "Networking",
        "Data Transfer",
        "{p}DataTransfer-Out-Bytes",
        "RunInstances",
        "GB",
        0.09,
        description="$0.090 per GB - first 10 TB / month data transfer out beyond the global free tier",
    ),
    _sku(
        "dt-regional",
        "AWSDataTransfer",
        "AWS Data Transfer",
        "Networking",
        "Data Transfer",
        "{p}DataTransfer-Regional-Bytes",
        "InterZone-Out",
        "GB",
        0.01,
        description="$0.010 per GB - regional data transfer - in/out/between EC2 AZs",
    ),
    _sku(
        "s3-storage",
        "AmazonS3",
        "Amazon Simple Storage Service",
        "Storage",
        "Storage",
        "{p}TimedStorage-ByteHrs",
        "StandardStorage",
        "GB-Mo",
        0.023,
        description="$0.023 per GB - first 50 TB / month of storage used",
        bare_in_use1=True,
    ),
    _sku(
        "s3-put",
        "AmazonS3",
        "Amazon Simple Storage Service",
        "Storage",
        "API Request",
        "{p}Requests-Tier1",
        "PutObject",
        "Requests",
        0.000005,
        description="$0.005 per 1,000 PUT, COPY, POST, or LIST requests",
        bare_in_use1=True,
    ),
    _sku(
        "s3-get",
        "AmazonS3",
        "Amazon Simple Storage Service",
        "Storage",
        "API Request",
        "{p}Requests-Tier2",
        "GetObject",
        "Requests",
        0.0000004,
        description="$0.0004 per 1,000 GET and all other requests",
        bare_in_use1=True,
    ),
    _sku(
        "rds-r6g-large",
        "AmazonRDS",
        "Amazon Relational Database Service",
        "Databases",
        "Database Instance",
        "{p}InstanceUsage:db.r6g.large",
        "CreateDBInstance:0014",
        "Hrs",
        0.225,
        "db.r6g.large",
        "$0.225 per RDS db.r6g.large instance hour (or partial hour) running PostgreSQL",
    ),
    _sku(
        "rds-r6g-xlarge",
        "AmazonRDS",
        "Amazon Relational Database Service",
        "Databases",
        "Database Instance",
        "{p}InstanceUsage:db.r6g.xlarge",
        "CreateDBInstance:0014",
        "Hrs",
        0.45,
        "db.r6g.xlarge",
        "$0.45 per RDS db.r6g.xlarge instance hour (or partial hour) running PostgreSQL",
    ),
    _sku(
        "rds-storage",
        "AmazonRDS",
        "Amazon Relational Database Service",
        "Databases",
        "Database Storage",
        "{p}RDS:GP3-Storage",
        "CreateDBInstance:0014",
        "GB-Mo",
        0.115,
        description="$0.115 per GB-month of provisioned gp3 storage",
    ),
    _sku(
        "cache-r6g-large",
        "AmazonElastiCache",
        "Amazon ElastiCache",
        "Databases",
        "Cache Instance",
        "{p}NodeUsage:cache.r6g.large",
        "CreateCacheCluster:0002",
        "Hrs",
        0.206,
        "cache.r6g.large",
        "$0.206 per Redis cache.r6g.large node-hour (or partial hour)",
    ),
    _sku(
        "opensearch",
        "AmazonES",
        "Amazon OpenSearch Service",
        "Analytics",
        "Amazon OpenSearch Service Instance",
        "{p}ESInstance:r6g.large",
        "ESDomain",
        "Hrs",
        0.167,
        "r6g.large.search",
        "$0.167 per r6g.large.search instance hour (or partial hour)",
    ),
    _sku(
        "opensearch-2xl",
        "AmazonES",
        "Amazon OpenSearch Service",
        "Analytics",
        "Amazon OpenSearch Service Instance",
        "{p}ESInstance:r6g.2xlarge",
        "ESDomain",
        "Hrs",
        0.669,
        "r6g.2xlarge.search",
        "$0.669 per r6g.2xlarge.search instance hour (or partial hour)",
    ),
    _sku(
        "redshift",
        "AmazonRedshift",
        "Amazon Redshift",
        "Analytics",
        "Compute Instance",
        "{p}Node:ra3.xlplus",
        "RunComputeNode:0001",
        "Hrs",
        1.086,
        "ra3.xlplus",
        "$1.086 per RA3 XLPlus Compute Node hour",
    ),
    _sku(
        "ddb-read",
        "AmazonDynamoDB",
        "Amazon DynamoDB",
        "Databases",
        "Amazon DynamoDB PayPerRequest Throughput",
        "{p}ReadRequestUnits",
        "PayPerRequestThroughput",
        "ReadRequestUnits",
        0.00000025,
        description="$0.25 per million read request units",
    ),
    _sku(
        "ddb-write",
        "AmazonDynamoDB",
        "Amazon DynamoDB",
        "Databases",
        "Amazon DynamoDB PayPerRequest Throughput",
        "{p}WriteRequestUnits",
        "PayPerRequestThroughput",
        "WriteRequestUnits",
        0.00000125,
        description="$1.25 per million write request units",
    ),
    _sku(
        "ddb-storage",
        "AmazonDynamoDB",
        "Amazon DynamoDB",
        "Databases",
        "Database Storage",
        "{p}TimedStorage-ByteHrs",
        "StandardStorage",
        "GB-Mo",
        0.25,
        description="$0.25 per GB-Month of storage used beyond first 25 free GB-Months",
    ),
    _sku(
        "lambda-gbs",
        "AWSLambda",
        "AWS Lambda",
        "Compute",
        "Serverless",
        "{p}Lambda-GB-Second",
        "Invoke",
        "Lambda-GB-Second",
        0.0000166667,
        description="AWS Lambda - Total Compute - US East (Northern Virginia)",
        savings_plan=True,
    ),
    _sku(
        "lambda-req",
        "AWSLambda",
        "AWS Lambda",
        "Compute",
        "Serverless",
        "{p}Request",
        "Invoke",
        "Requests",
        0.0000002,
        description="AWS Lambda - Total Requests - US East (Northern Virginia)",
    ),
    _sku(
        "cf-out",
        "AmazonCloudFront",
        "Amazon CloudFront",
        "Networking",
        "Data Transfer",
        "US-DataTransfer-Out-Bytes",
        "GET",
        "GB",
        0.085,
        description="$0.085 per GB - first 10 TB / month data transfer out (United States)",
    ),
    _sku(
        "cf-req",
        "AmazonCloudFront",
        "Amazon CloudFront",
        "Networking",
        "Request",
        "US-Requests-Tier2-HTTPS",
        "GET",
        "Requests",
        0.000001,
        description="$0.0100 per 10,000 HTTPS Requests (United States)",
    ),
    _sku(
        "cw-metrics",
        "AmazonCloudWatch",
        "AmazonCloudWatch",
        "Management and Governance",
        "Metric",
        "{p}CW:MetricMonitorUsage",
        "MetricStorage",
        "Metrics",
        0.30,
        description="$0.30 per metric-month - first 10,000 metrics",
        bare_in_use1=True,
    ),
    _sku(
        "cw-logs",
        "AmazonCloudWatch",
        "AmazonCloudWatch",
        "Management and Governance",
        "Data Payload",
        "{p}DataProcessing-Bytes",
        "PutLogEvents",
        "GB",
        0.50,
        description="$0.50 per GB custom log data ingested",
        bare_in_use1=True,
    ),
    _sku(
        "sm-endpoint",
        "AmazonSageMaker",
        "Amazon SageMaker",
        "AI and Machine Learning",
        "ML Instance",
        "{p}Host:ml.g5.xlarge",
        "RunInstance",
        "Hrs",
        1.408,
        "ml.g5.xlarge",
        "$1.408 per Hosting ml.g5.xlarge hour",
        savings_plan=True,
    ),
    _sku(
        "sm-notebook",
        "AmazonSageMaker",
        "Amazon SageMaker",
        "AI and Machine Learning",
        "ML Instance",
        "{p}Notebk:ml.t3.medium",
        "RunInstance",
        "Hrs",
        0.05,
        "ml.t3.medium",
        "$0.05 per Notebook ml.t3.medium hour",
    ),
    _sku(
        "eks",
        "AmazonEKS",
        "Amazon Elastic Container Service for Kubernetes",
        "Compute",
        "Compute",
        "{p}AmazonEKS-Hours:perCluster",
        "CreateOperation",
        "Hours",
        0.10,
        description="Amazon EKS cluster usage in US East (N. Virginia)",
    ),
    _sku(
        "fargate-vcpu",
        "AmazonECS",
        "Amazon Elastic Container Service",
        "Compute",
        "Compute",
        "{p}Fargate-vCPU-Hours:perCPU",
        "FargateTask",
        "hours",
        0.04048,
        description="AWS Fargate - vCPU - US East (N.Virginia)",
        savings_plan=True,
    ),
    _sku(
        "fargate-gb",
        "AmazonECS",
        "Amazon Elastic Container Service",
        "Compute",
        "Compute",
        "{p}Fargate-GB-Hours",
        "FargateTask",
        "GB-Hours",
        0.004445,
        description="AWS Fargate - Memory - US East (N.Virginia)",
        savings_plan=True,
    ),
    _sku(
        "alb-hours",
        "AWSELB",
        "Elastic Load Balancing",
        "Networking",
        "Load Balancer-Application",
        "{p}LoadBalancerUsage",
        "LoadBalancing:Application",
        "Hrs",
        0.0225,
        description="$0.0225 per Application LoadBalancer-hour (or partial hour)",
    ),
    _sku(
        "alb-lcu",
        "AWSELB",
        "Elastic Load Balancing",
        "Networking",
        "Load Balancer-Application",
        "{p}LCUUsage",
        "LoadBalancing:Application",
        "LCU-Hrs",
        0.008,
        description="$0.008 per used Application load balancer capacity unit-hour (or partial hour)",
    ),
    _sku(
        "sqs",
        "AWSQueueService",
        "Amazon Simple Queue Service",
        "Integration",
        "API Request",
        "{p}Requests-RBP",
        "ReceiveMessage",
        "Requests",
        0.0000004,
        description="$0.40 per million Amazon SQS standard requests",
    ),
    _sku(
        "sns",
        "AmazonSNS",
        "Amazon Simple Notification Service",
        "Integration",
        "API Request",
        "{p}Requests-Tier1",
        "Publish",
        "Requests",
        0.0000005,
        description="$0.50 per 1 million Amazon SNS requests",
    ),
    _sku(
        "kms-keys",
        "awskms",
        "AWS Key Management Service",
        "Security",
        "Encryption Key",
        "{p}KMS-Keys",
        "CreateKey",
        "Keys",
        1.0,
        description="$1 per customer-managed key per month",
    ),
    _sku(
        "kms-req",
        "awskms",
        "AWS Key Management Service",
        "Security",
        "API Request",
        "{p}KMS-Requests",
        "Decrypt",
        "Requests",
        0.000003,
        description="$0.03 per 10,000 requests",
    ),
    _sku(
        "route53-queries",
        "AmazonRoute53",
        "Amazon Route 53",
        "Networking",
        "DNS Query",
        "DNS-Queries",
        "Query",
        "Queries",
        0.0000004,
        description="$0.40 per 1,000,000 queries for the first 1 Billion queries",
    ),
    _sku(
        "secrets",
        "AWSSecretsManager",
        "AWS Secrets Manager",
        "Security",
        "Secret",
        "{p}AWSSecretsManager-Secrets",
        "StorageSecret",
        "Secrets",
        0.40,
        description="$0.40 per secret per month",
    ),
    _sku(
        "glue-dpu",
        "AWSGlue",
        "AWS Glue",
        "Analytics",
        "AWS Glue",
        "{p}ETL-DPU-Hour",
        "Jobrun",
        "DPU-Hour",
        0.44,
        description="$0.44 per DPU-Hour for each Apache Spark or Spark Streaming job",
    ),
)
SKU_BY_KEY = {s.key: s for s in SKUS}
#: Units of a resource's running time: one per running hour, whatever the resource's size.
HOURLY_UNITS = ("Hrs", "Hours")


@dataclass(frozen=True)
class Line:
    """One usage line a resource of a fleet books every hour (or day) it runs.

    `per_hour` is the usage per running hour at the profile's average (1.0 for an instance hour; GB-Mo per hour
    for storage: GB / 730). `profile` shapes the amount over the week (see `bot.samples.seasonality`); `noise` is
    the relative size of its day-to-day variation; `growth` the monthly growth of the amount per resource.
    """

    sku: str
    per_hour: float
    profile: str = "flat"
    noise: float = 0.0
    growth: float = 0.0
    resized_sku: str = ""  # the usage type after the resource is resized (same resource id)
    sized: bool | None = None  # scaled by the resource's size (default: every line not counted in resource hours)

    def is_sized(self) -> bool:
        return self.sized if self.sized is not None else SKU_BY_KEY[self.sku].unit not in HOURLY_UNITS


@dataclass(frozen=True)
class Fleet:
    """Alike resources of one account and region with one lifecycle and schedule.

    `lifetime` is the range, in days, of how long one resource lives before it is deleted and replaced (0, 0:
    permanent for the whole data). `schedule` says when a live resource runs: "always", "office" (weekdays
    07:00-19:00 UTC, stopped nights and weekends), "autoscale" (the higher slots run only at peak traffic),
    "nightly" (01:00-05:00 UTC) or "intermittent" (whole days on or off). `resize` is the share of resources
    resized once during their life (their lines switch to `Line.resized_sku`).
    """

    key: str
    account: str  # short account name
    region: str
    id_template: str  # {h17} 17 hex, {h8} 8 hex, {name}, {r} region, {a} account id, {uuid}
    lines: tuple[Line, ...]
    team: str
    share: float = 0.0  # share of the scalable resources (0: a fixed count)
    count: int = 1  # fixed count, or the minimum when scalable
    lifetime: tuple[float, float] = (0.0, 0.0)
    schedule: str = "always"
    size: tuple[float, float] = (1.0, 1.0)  # range of a resource's usage multiplier (storage size, traffic share)
    names: tuple[str, ...] = ()
    resize: float = 0.0
    sizes: tuple[float, ...] = ()  # explicit sizes of the first resources (named ones), overriding `size`
    event_only: bool = False  # exists only when an event of the plan launches it


_GB = 1 / 730  # GB-Mo per hour for one GB stored

FLEETS: tuple[Fleet, ...] = (
    # ---- prod: the customer-facing platform, 24x7, diurnal web traffic
    Fleet(
        "prod-web-base",
        "prod",
        "us-east-1",
        "i-{h17}",
        (Line("ec2-m5.large", 1.0), Line("dt-out", 0.9, "web", 0.1, 0.015)),
        "web",
        share=0.06,
        count=2,
        lifetime=(45, 200),
    ),
    Fleet(
        "prod-web-burst",
        "prod",
        "us-east-1",
        "i-{h17}",
        (Line("ec2-m5.large", 1.0), Line("dt-out", 0.9, "web", 0.1, 0.015)),
        "web",
        share=0.06,
        count=2,
        lifetime=(2, 9),
        schedule="autoscale",
    ),
    Fleet(
        "prod-api",
        "prod",
        "us-east-1",
        "i-{h17}",
        (Line("ec2-m5.xlarge", 1.0, resized_sku="ec2-m5.2xlarge"), Line("dt-regional", 4.0, "web", 0.1, 0.01)),
        "payments",
        share=0.05,
        count=2,
        lifetime=(90, 400),
        resize=0.25,
    ),
    Fleet(
        "prod-eu",
        "prod",
        "eu-west-1",
        "i-{h17}",
        (Line("ec2-m5.large", 1.0), Line("dt-out", 0.5, "web", 0.12, 0.015)),
        "web",
        share=0.02,
        count=1,
        lifetime=(60, 300),
    ),
    Fleet(
        "prod-ebs",
        "prod",
        "us-east-1",
        "vol-{h17}",
        (Line("ebs-gp3", _GB, growth=0.01),),
        "platform",
        share=0.10,
        count=2,
        lifetime=(60, 400),
        size=(50, 500),
    ),
    Fleet(
        "prod-snapshots",
        "prod",
        "us-east-1",
        "arn:aws:ec2:{r}:{a}:snapshot/snap-{h17}",
        (Line("ebs-snapshot", _GB, growth=0.02),),
        "platform",
        share=0.03,
        count=1,
        lifetime=(30, 120),
        size=(20, 400),
    ),
    Fleet(
        "prod-rds",
        "prod",
        "us-east-1",
        "arn:aws:rds:{r}:{a}:db:{name}",
        (Line("rds-r6g-large", 1.0), Line("rds-storage", _GB, growth=0.015)),
        "payments",
        count=2,
        names=("orders-db", "payments-db"),
        size=(400, 800),
    ),
    Fleet(
        "prod-rds-catalog",
        "prod",
        "us-east-1",
        "arn:aws:rds:{r}:{a}:db:{name}",
        (Line("rds-r6g-xlarge", 1.0), Line("rds-storage", _GB, growth=0.015)),
        "search",
        count=1,
        names=("catalog-db",),
        size=(900, 900),
    ),
    Fleet(
        "prod-cache",
        "prod",
        "us-east-1",
        "arn:aws:elasticache:{r}:{a}:cluster:{name}",
        (Line("cache-r6g-large", 1.0),),
        "web",
        count=2,
        names=("sessions-001", "sessions-002"),
    ),
    Fleet(
        "prod-cdn",
        "prod",
        "global",
        "arn:aws:cloudfront::{a}:distribution/E{H13}",
        (Line("cf-out", 1.0, "web", 0.06, 0.015), Line("cf-req", 9000.0, "web", 0.06, 0.015)),
        "web",
        count=3,
        names=("www", "assets", "downloads"),
        sizes=(440, 120, 7.5),
    ),
    Fleet(
        "prod-alb",
        "prod",
        "us-east-1",
        "arn:aws:elasticloadbalancing:{r}:{a}:loadbalancer/app/{name}/{h16}",
        (Line("alb-hours", 1.0), Line("alb-lcu", 6.0, "web", 0.08, 0.015)),
        "platform",
        count=2,
        names=("web-public", "api-internal"),
    ),
    Fleet(
        "prod-nat",
        "prod",
        "us-east-1",
        "arn:aws:ec2:{r}:{a}:natgateway/nat-{h17}",
        (Line("nat-hours", 1.0), Line("nat-bytes", 12.0, "web", 0.1, 0.01)),
        "platform",
        count=3,
    ),
    Fleet(
        "prod-ipv4",
        "prod",
        "us-east-1",
        "arn:aws:ec2:{r}:{a}:ipv4pool-ec2/eipalloc-{h17}",
        (Line("ipv4", 1.0),),
        "platform",
        share=0.02,
        count=2,
        lifetime=(90, 400),
    ),
    Fleet(
        "prod-lambda",
        "prod",
        "us-east-1",
        "arn:aws:lambda:{r}:{a}:function:{name}-{h6}",
        (Line("lambda-gbs", 2500.0, "web", 0.15, 0.02), Line("lambda-req", 9000.0, "web", 0.15, 0.02)),
        "platform",
        share=0.05,
        count=2,
        lifetime=(60, 500),
        size=(0.3, 3.0),
        names=("resize-image", "send-email", "webhook", "auth-token", "cart-sync", "search-index"),
    ),
    Fleet(
        "prod-ddb",
        "prod",
        "us-east-1",
        "arn:aws:dynamodb:{r}:{a}:table/{name}",
        (Line("ddb-read", 1.6e6, "web", 0.07, 0.015), Line("ddb-write", 1.5e5, "web", 0.07, 0.015)),
        "web",
        count=2,
        names=("sessions", "carts"),
    ),
    Fleet(
        "prod-s3",
        "prod",
        "us-east-1",
        "acme-{name}-{h6}",
        (Line("s3-storage", 4000 * _GB, growth=0.025), Line("s3-get", 9000.0, "web", 0.12, 0.02)),
        "platform",
        share=0.02,
        count=2,
        size=(0.2, 5.0),
        names=("assets", "uploads", "backups", "logs", "exports"),
    ),
    Fleet(
        "prod-eks",
        "prod",
        "us-east-1",
        "arn:aws:eks:{r}:{a}:cluster/{name}",
        (Line("eks", 1.0),),
        "platform",
        count=1,
        names=("prod-main",),
    ),
    Fleet(
        "prod-fargate",
        "prod",
        "us-east-1",
        "arn:aws:ecs:{r}:{a}:task/{name}/{h32}",
        (Line("fargate-vcpu", 2.0), Line("fargate-gb", 4.0)),
        "search",
        share=0.04,
        count=1,
        lifetime=(1, 14),
        names=("search-worker", "indexer"),
    ),
    Fleet(
        "prod-logs",
        "prod",
        "us-east-1",
        "arn:aws:logs:{r}:{a}:log-group:/aws/{name}-{h6}",
        (Line("cw-logs", 0.08, "web", 0.1, 0.02),),
        "platform",
        share=0.03,
        count=1,
        lifetime=(120, 600),
        names=("api", "web", "lambda", "eks"),
    ),
    Fleet("prod-metrics", "prod", "us-east-1", "", (Line("cw-metrics", 60 / 730),), "platform", count=1),
    Fleet(
        "prod-sqs",
        "prod",
        "us-east-1",
        "arn:aws:sqs:{r}:{a}:{name}-{h6}",
        (Line("sqs", 40000.0, "web", 0.1, 0.02),),
        "payments",
        share=0.01,
        count=1,
        lifetime=(200, 800),
        names=("orders", "emails", "webhooks"),
    ),
    Fleet(
        "prod-kms",
        "prod",
        "us-east-1",
        "arn:aws:kms:{r}:{a}:key/{uuid}",
        (Line("kms-keys", 1 / 730), Line("kms-req", 5000.0, "web", 0.1)),
        "security",
        count=2,
    ),
    Fleet(
        "prod-secrets",
        "prod",
        "us-east-1",
        "arn:aws:secretsmanager:{r}:{a}:secret:{name}-{h6}",
        (Line("secrets", 1 / 730),),
        "platform",
        share=0.01,
        count=2,
        lifetime=(200, 900),
        names=("db-password", "stripe-key", "smtp"),
    ),
    Fleet(
        "prod-dns",
        "prod",
        "global",
        "arn:aws:route53:::hostedzone/Z{H13}",
        (Line("route53-queries", 120000.0, "web", 0.08, 0.015),),
        "platform",
        count=2,
        names=("acme-robotics.com", "acme.io"),
    ),
    # ---- staging: a smaller copy of prod, 24x7 but lightly used at weekends
    Fleet(
        "staging-app",
        "staging",
        "us-east-1",
        "i-{h17}",
        (Line("ec2-m5.large", 1.0),),
        "web",
        share=0.04,
        count=2,
        lifetime=(20, 120),
    ),
    Fleet(
        "staging-ebs",
        "staging",
        "us-east-1",
        "vol-{h17}",
        (Line("ebs-gp3", _GB),),
        "web",
        share=0.04,
        count=2,
        lifetime=(20, 120),
        size=(30, 200),
    ),
    Fleet(
        "staging-rds",
        "staging",
        "us-east-1",
        "arn:aws:rds:{r}:{a}:db:{name}",
        (Line("rds-r6g-large", 1.0), Line("rds-storage", _GB)),
        "payments",
        count=1,
        names=("orders-db-staging",),
        size=(200, 200),
    ),
    Fleet(
        "staging-cache",
        "staging",
        "us-east-1",
        "arn:aws:elasticache:{r}:{a}:cluster:{name}",
        (Line("cache-r6g-large", 1.0),),
        "web",
        count=1,
        names=("sessions-staging",),
    ),
    Fleet(
        "staging-lambda",
        "staging",
        "us-east-1",
        "arn:aws:lambda:{r}:{a}:function:{name}-{h6}",
        (Line("lambda-gbs", 300.0, "business", 0.2), Line("lambda-req", 1500.0, "business", 0.2)),
        "web",
        share=0.02,
        count=1,
        lifetime=(30, 300),
        names=("resize-image", "webhook", "cart-sync"),
    ),
    Fleet(
        "staging-nat",
        "staging",
        "us-east-1",
        "arn:aws:ec2:{r}:{a}:natgateway/nat-{h17}",
        (Line("nat-hours", 1.0), Line("nat-bytes", 1.5, "business", 0.15)),
        "platform",
        count=1,
    ),
    # ---- dev: developers' instances, stopped nights and weekends; their volumes stay
    Fleet(
        "dev-instances",
        "dev",
        "us-east-1",
        "i-{h17}",
        (Line("ec2-t3.medium", 1.0, resized_sku="ec2-t3.large"),),
        "web",
        share=0.08,
        count=3,
        lifetime=(7, 60),
        schedule="office",
        resize=0.3,
    ),
    Fleet(
        "dev-ebs",
        "dev",
        "us-east-1",
        "vol-{h17}",
        (Line("ebs-gp3", _GB),),
        "web",
        share=0.06,
        count=3,
        lifetime=(7, 60),
        size=(30, 120),
    ),
    Fleet(
        "dev-notebooks",
        "dev",
        "us-east-1",
        "arn:aws:sagemaker:{r}:{a}:notebook-instance/{name}-{h6}",
        (Line("sm-notebook", 1.0),),
        "ml-research",
        share=0.02,
        count=1,
        lifetime=(14, 90),
        schedule="office",
        names=("alice", "bob", "carol", "dan"),
    ),
    # ---- data: the warehouse, nightly batch, the data lake
    Fleet(
        "data-warehouse",
        "data",
        "us-east-1",
        "arn:aws:redshift:{r}:{a}:cluster:{name}",
        (Line("redshift", 2.0),),
        "data-eng",
        count=1,
        names=("warehouse",),
    ),
    Fleet(
        "data-batch",
        "data",
        "us-east-1",
        "i-{h17}",
        (Line("ec2-c6i.2xlarge", 1.0),),
        "data-eng",
        share=0.05,
        count=2,
        lifetime=(30, 200),
        schedule="nightly",
    ),
    Fleet(
        "data-lake",
        "data",
        "us-east-1",
        "acme-{name}-{h6}",
        (Line("s3-storage", 20000 * _GB, growth=0.03), Line("s3-put", 3000.0, "nightly", 0.2, 0.02)),
        "data-eng",
        share=0.02,
        count=2,
        size=(0.3, 3.0),
        names=("lake-raw", "lake-curated", "lake-archive"),
    ),
    Fleet(
        "data-ddb",
        "data",
        "us-east-1",
        "arn:aws:dynamodb:{r}:{a}:table/{name}",
        (Line("ddb-read", 1.1e6, "web", 0.05, 0.01), Line("ddb-write", 0.9e5, "web", 0.05, 0.01)),
        "data-eng",
        count=2,
        names=("events-dedup", "jobs-state"),
    ),
    Fleet(
        "data-ebs",
        "data",
        "us-east-1",
        "vol-{h17}",
        (Line("ebs-gp3", _GB),),
        "data-eng",
        share=0.03,
        count=2,
        lifetime=(30, 200),
        size=(200, 1000),
    ),
    Fleet(
        "data-glue",
        "data",
        "us-east-1",
        "arn:aws:glue:{r}:{a}:job/{name}",
        (Line("glue-dpu", 3.8, "nightly"),),
        "data-eng",
        count=1,
        names=("reconcile-ledger",),
        schedule="intermittent",
        event_only=True,
    ),
    Fleet(
        "data-search",
        "data",
        "us-east-1",
        "arn:aws:es:{r}:{a}:domain/{name}",
        (Line("opensearch-2xl", 1.0, sized=True),),
        "search",
        count=2,
        names=("product-search", "product-search-replica"),
        sizes=(2, 1),
        event_only=True,
    ),
    # ---- ml: model endpoints 24x7, training jobs that come and go
    Fleet(
        "ml-endpoints",
        "ml",
        "us-east-1",
        "arn:aws:sagemaker:{r}:{a}:endpoint/{name}",
        (Line("sm-endpoint", 1.0),),
        "ml-research",
        count=2,
        names=("recommendations", "fraud-score"),
    ),
    Fleet(
        "ml-training",
        "ml",
        "us-west-2",
        "i-{h17}",
        (Line("ec2-g5.xlarge", 1.0),),
        "ml-research",
        share=0.015,
        count=1,
        lifetime=(1, 6),
    ),
    Fleet(
        "ml-s3",
        "ml",
        "us-west-2",
        "acme-{name}-{h6}",
        (Line("s3-storage", 6000 * _GB, growth=0.03),),
        "ml-research",
        count=2,
        names=("ml-datasets", "ml-models"),
    ),
    # ---- shared services: networking, the cluster, central logging
    Fleet(
        "shared-nat",
        "shared-services",
        "us-east-1",
        "arn:aws:ec2:{r}:{a}:natgateway/nat-{h17}",
        (Line("nat-hours", 1.0), Line("nat-bytes", 6.0, "web", 0.1, 0.01)),
        "platform",
        count=2,
    ),
    Fleet(
        "shared-eks",
        "shared-services",
        "us-east-1",
        "arn:aws:eks:{r}:{a}:cluster/{name}",
        (Line("eks", 1.0),),
        "platform",
        count=1,
        names=("tools",),
    ),
    Fleet(
        "shared-nodes",
        "shared-services",
        "us-east-1",
        "i-{h17}",
        (Line("ec2-m5.large", 1.0),),
        "platform",
        share=0.03,
        count=2,
        lifetime=(10, 60),
    ),
    Fleet(
        "shared-logs",
        "shared-services",
        "us-east-1",
        "arn:aws:es:{r}:{a}:domain/{name}",
        (Line("opensearch", 3.0),),
        "platform",
        count=1,
        names=("central-logs",),
    ),
    Fleet(
        "shared-dns",
        "shared-services",
        "global",
        "arn:aws:route53:::hostedzone/Z{H13}",
        (Line("route53-queries", 40000.0, "web", 0.08),),
        "platform",
        count=1,
        names=("internal.acme",),
    ),
    # ---- security: the SIEM, logs, keys
    Fleet(
        "security-siem",
        "security",
        "us-east-1",
        "arn:aws:es:{r}:{a}:domain/{name}",
        (Line("opensearch", 2.0),),
        "security",
        count=1,
        names=("siem",),
    ),
    Fleet(
        "security-s3",
        "security",
        "us-east-1",
        "acme-{name}-{h6}",
        (Line("s3-storage", 3000 * _GB, growth=0.03), Line("s3-put", 2500.0, "flat", 0.1)),
        "security",
        share=0.01,
        count=2,
        names=("cloudtrail-logs", "vpc-flow-logs", "config-history"),
    ),
    Fleet(
        "security-lambda",
        "security",
        "us-east-1",
        "arn:aws:lambda:{r}:{a}:function:{name}-{h6}",
        (Line("lambda-gbs", 200.0, "flat", 0.1), Line("lambda-req", 2000.0, "flat", 0.1)),
        "security",
        share=0.01,
        count=1,
        lifetime=(100, 600),
        names=("guard-remediate", "key-rotate"),
    ),
    Fleet(
        "security-kms",
        "security",
        "us-east-1",
        "arn:aws:kms:{r}:{a}:key/{uuid}",
        (Line("kms-keys", 1 / 730), Line("kms-req", 3000.0, "flat", 0.1)),
        "security",
        share=0.01,
        count=2,
        lifetime=(300, 1200),
    ),
    # ---- payer: the billing bucket and a bastion
    Fleet(
        "payer-s3",
        "payer",
        "us-east-1",
        "acme-{name}-{h6}",
        (Line("s3-storage", 300 * _GB, growth=0.04),),
        "platform",
        count=1,
        names=("billing",),
    ),
    Fleet("payer-bastion", "payer", "us-east-1", "i-{h17}", (Line("ec2-t3.medium", 1.0),), "platform", count=1),
)
FLEET_BY_KEY = {f.key: f for f in FLEETS}


@dataclass(frozen=True)
class Reservation:
    """A standard reserved instance (a regional RI of one instance type).

    The first `count` resources of `fleet` (scaled with its size) run under it while its term lasts; `upfront` is
    the one-time fee per reservation (0: no upfront), `hourly` the recurring fee per reservation hour.
    """

    key: str
    fleet: str
    sku: str
    share: float  # share of the fleet's resources reserved
    hourly: float  # recurring fee per reservation-hour, USD
    upfront: float  # one-time fee per reservation, USD
    term_days: int
    start_days: int  # days before the first generated month that the term began


RESERVATIONS: tuple[Reservation, ...] = (
    Reservation("ri-api", "prod-api", "ec2-m5.xlarge", 0.7, 0.058, 540.0, 3 * 365, 200),
    Reservation("ri-orders", "prod-rds", "rds-r6g-large", 1.0, 0.146, 0.0, 3 * 365, 120),
    Reservation("ri-sessions", "prod-cache", "cache-r6g-large", 1.0, 0.134, 0.0, 3 * 365, 300),
)


@dataclass(frozen=True)
class SavingsPlan:
    """A no-upfront Compute Savings Plan covering the first `share` of `fleet`'s resources."""

    key: str
    account: str
    plan_id: str
    fleet: str
    share: float
    discount: float  # effective cost = on-demand cost * (1 - discount)
    headroom: float  # commitment = covered on-demand cost * (1 - discount) * headroom
    start_days: int


SAVINGS_PLANS: tuple[SavingsPlan, ...] = (
    SavingsPlan("sp-compute", "payer", "7a3d9f21-5b8c-4e6a-9d12-0f4c8b7e6a55", "prod-web-base", 0.8, 0.28, 1.02, 400),
)

#: AWS Business Support: the greater of a monthly minimum or a share of the account's monthly AWS charges in
#: tiers (https://aws.amazon.com/premiumsupport/pricing/). Each member account subscribes on its own
#: (https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/consolidatedbilling-support.html).
SUPPORT_MINIMUM_USD = 100.0
SUPPORT_TIERS: tuple[tuple[float, float | None, float], ...] = (
    (0.0, 10_000.0, 0.10),
    (10_000.0, 80_000.0, 0.07),
    (80_000.0, 250_000.0, 0.05),
    (250_000.0, None, 0.03),
)
