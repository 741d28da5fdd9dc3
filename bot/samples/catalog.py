"""The fictional organisation behind the sample data: accounts, regions, priced SKUs, teams, commitments.

Everything here is small dimension data; the generator joins it with `range()` rows inside DuckDB. Product codes,
service names, usage types, operations and units follow what genuine AWS exports contain (public price list
names); rates are close to the public us-east-1 on-demand prices so that totals look plausible.
"""

from __future__ import annotations

from dataclasses import dataclass

ORGANISATION = "Acme Robotics"
PAYER_ACCOUNT_ID = "210987654321"
LEGAL_ENTITY = "Amazon Web Services, Inc."
CURRENCY = "USD"


@dataclass(frozen=True)
class Account:
    account_id: str  # 12 digits; one starts with 0 on purpose (readers must keep leading zeros)
    name: str
    env: str  # value of the user:env tag and of the `environment` cost category
    business_unit: str
    tag_coverage: float  # share of resources carrying user:team
    weekend_factor: float  # usage multiplier on Saturdays and Sundays


ACCOUNTS: tuple[Account, ...] = (
    Account(PAYER_ACCOUNT_ID, "acme-payer", "shared", "Corporate", 0.40, 1.0),
    Account("123456789012", "acme-prod", "prod", "Platform", 0.92, 0.9),
    Account("234567890123", "acme-staging", "staging", "Platform", 0.80, 0.55),
    Account("345678901234", "acme-data", "prod", "Data", 0.85, 0.85),
    Account("456789012345", "acme-ml", "dev", "Data", 0.70, 0.7),
    Account("567890123456", "acme-shared-services", "shared", "Platform", 0.60, 0.95),
    Account("678901234567", "acme-sandbox", "sandbox", "Engineering", 0.20, 0.3),
    Account("044556677889", "acme-security", "prod", "Security", 0.75, 1.0),
)
ACCOUNT_BY_NAME = {a.name.removeprefix("acme-"): a for a in ACCOUNTS}


@dataclass(frozen=True)
class Region:
    code: str
    name: str  # product/location
    prefix: str  # usage type prefix, e.g. USW2
    weight: int


REGIONS: tuple[Region, ...] = (
    Region("us-east-1", "US East (N. Virginia)", "USE1", 70),
    Region("us-west-2", "US West (Oregon)", "USW2", 15),
    Region("eu-west-1", "EU (Ireland)", "EU", 10),
    Region("ap-southeast-1", "Asia Pacific (Singapore)", "APS1", 5),
)

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

#: aws:createdBy values (the AWS-generated tag): IAM users and roles.
CREATORS: tuple[str, ...] = (
    "IAMUser:AIDAJ3EXAMPLE7QKZ2A4:alice",
    "IAMUser:AIDAK5EXAMPLE2MXP9B1:bob",
    "AssumedRole:AROAEXAMPLE4TQ7ZC3D2:terraform-ci",
    "AssumedRole:AROAEXAMPLE9LW2YH6F8:eks-node-autoscaler",
)


@dataclass(frozen=True)
class Sku:
    """One priced usage line shape. `usage_type` starts with `{p}` where the region prefix goes."""

    key: str
    product_code: str
    service_name: str
    service_category: str  # FOCUS ServiceCategory
    product_family: str
    usage_type: str
    operation: str
    unit: str
    rate: float  # public on-demand price per unit
    base_usage: float  # typical usage per hour for one resource
    resource: str  # resource id template: {r} region, {a} account, {h} hex id, {n} name
    accounts: tuple[str, ...]  # short account names where this SKU runs
    weight: int  # how many resources run it (relative)
    instance_type: str = ""
    description: str = ""
    global_service: bool = False  # no region (CloudFront, Route 53)
    bare_in_use1: bool = False  # us-east-1 usage type has no prefix (EC2, EBS, S3 legacy naming)
    commitment: str = ""  # "RI" or "SP" when commitments can cover it


_EC2 = ("AmazonEC2", "Amazon Elastic Compute Cloud")
SKUS: tuple[Sku, ...] = (
    Sku(
        "ec2-m5-large",
        *_EC2,
        "Compute",
        "Compute Instance",
        "{p}BoxUsage:m5.large",
        "RunInstances",
        "Hrs",
        0.096,
        1.0,
        "i-{h}",
        ("prod", "staging", "shared-services", "sandbox"),
        60,
        "m5.large",
        "Linux/UNIX (Amazon VPC), m5.large",
        bare_in_use1=True,
        commitment="SP",
    ),
    Sku(
        "ec2-m5-xlarge",
        *_EC2,
        "Compute",
        "Compute Instance",
        "{p}BoxUsage:m5.xlarge",
        "RunInstances",
        "Hrs",
        0.192,
        1.0,
        "i-{h}",
        ("prod", "data"),
        40,
        "m5.xlarge",
        "Linux/UNIX (Amazon VPC), m5.xlarge",
        bare_in_use1=True,
        commitment="RI",
    ),
    Sku(
        "ec2-c6i-2xlarge",
        *_EC2,
        "Compute",
        "Compute Instance",
        "{p}BoxUsage:c6i.2xlarge",
        "RunInstances",
        "Hrs",
        0.34,
        1.0,
        "i-{h}",
        ("prod", "data", "ml"),
        25,
        "c6i.2xlarge",
        "Linux/UNIX (Amazon VPC), c6i.2xlarge",
        bare_in_use1=True,
        commitment="SP",
    ),
    Sku(
        "ec2-g5-xlarge",
        *_EC2,
        "Compute",
        "Compute Instance",
        "{p}BoxUsage:g5.xlarge",
        "RunInstances",
        "Hrs",
        1.006,
        1.0,
        "i-{h}",
        ("ml",),
        10,
        "g5.xlarge",
        "Linux/UNIX (Amazon VPC), g5.xlarge",
        bare_in_use1=True,
    ),
    Sku(
        "ec2-t3-medium",
        *_EC2,
        "Compute",
        "Compute Instance",
        "{p}BoxUsage:t3.medium",
        "RunInstances",
        "Hrs",
        0.0416,
        1.0,
        "i-{h}",
        ("staging", "sandbox", "security", "payer"),
        40,
        "t3.medium",
        "Linux/UNIX (Amazon VPC), t3.medium",
        bare_in_use1=True,
    ),
    Sku(
        "ebs-gp3",
        *_EC2,
        "Storage",
        "Storage",
        "{p}EBS:VolumeUsage.gp3",
        "CreateVolume-Gp3",
        "GB-Mo",
        0.08,
        0.68,
        "vol-{h}",
        ("prod", "staging", "data", "ml", "shared-services", "sandbox"),
        70,
        "",
        "General Purpose (gp3) provisioned storage",
        bare_in_use1=True,
    ),
    Sku(
        "ebs-snapshot",
        *_EC2,
        "Storage",
        "Storage Snapshot",
        "{p}EBS:SnapshotUsage",
        "CreateSnapshot",
        "GB-Mo",
        0.05,
        1.4,
        "arn:aws:ec2:{r}:{a}:snapshot/snap-{h}",
        ("prod", "data", "security"),
        20,
        "",
        "EBS snapshot data stored",
    ),
    Sku(
        "nat-hours",
        *_EC2,
        "Networking",
        "NAT Gateway",
        "{p}NatGateway-Hours",
        "NatGateway",
        "Hrs",
        0.045,
        1.0,
        "arn:aws:ec2:{r}:{a}:natgateway/nat-{h}",
        ("prod", "staging", "data", "shared-services"),
        10,
    ),
    Sku(
        "nat-bytes",
        *_EC2,
        "Networking",
        "NAT Gateway",
        "{p}NatGateway-Bytes",
        "NatGateway",
        "GB",
        0.045,
        9.0,
        "arn:aws:ec2:{r}:{a}:natgateway/nat-{h}",
        ("prod", "data", "shared-services"),
        12,
    ),
    Sku(
        "data-transfer-out",
        "AWSDataTransfer",
        "AWS Data Transfer",
        "Networking",
        "Data Transfer",
        "{p}DataTransfer-Out-Bytes",
        "RunInstances",
        "GB",
        0.09,
        4.0,
        "i-{h}",
        ("prod", "data"),
        20,
    ),
    Sku(
        "data-transfer-regional",
        "AWSDataTransfer",
        "AWS Data Transfer",
        "Networking",
        "Data Transfer",
        "{p}DataTransfer-Regional-Bytes",
        "InterZone-Out",
        "GB",
        0.01,
        25.0,
        "i-{h}",
        ("prod", "staging", "data"),
        15,
    ),
    Sku(
        "s3-storage",
        "AmazonS3",
        "Amazon Simple Storage Service",
        "Storage",
        "Storage",
        "{p}TimedStorage-ByteHrs",
        "StandardStorage",
        "GB-Mo",
        0.023,
        9.0,
        "acme-{n}-{h6}",
        ("prod", "data", "ml", "shared-services", "security", "payer"),
        40,
        bare_in_use1=True,
    ),
    Sku(
        "s3-requests",
        "AmazonS3",
        "Amazon Simple Storage Service",
        "Storage",
        "API Request",
        "{p}Requests-Tier1",
        "PutObject",
        "Requests",
        0.000005,
        2500.0,
        "acme-{n}-{h6}",
        ("prod", "data", "ml"),
        20,
        bare_in_use1=True,
    ),
    Sku(
        "rds-r6g-large",
        "AmazonRDS",
        "Amazon Relational Database Service",
        "Databases",
        "Database Instance",
        "{p}InstanceUsage:db.r6g.large",
        "CreateDBInstance:0014",
        "Hrs",
        0.225,
        1.0,
        "arn:aws:rds:{r}:{a}:db:{n}-{h6}",
        ("prod", "data", "staging"),
        18,
        "db.r6g.large",
        "PostgreSQL, db.r6g.large",
        commitment="RI",
    ),
    Sku(
        "rds-storage",
        "AmazonRDS",
        "Amazon Relational Database Service",
        "Databases",
        "Database Storage",
        "{p}RDS:GP3-Storage",
        "CreateDBInstance:0014",
        "GB-Mo",
        0.115,
        0.7,
        "arn:aws:rds:{r}:{a}:db:{n}-{h6}",
        ("prod", "data", "staging"),
        18,
    ),
    Sku(
        "lambda-gbs",
        "AWSLambda",
        "AWS Lambda",
        "Compute",
        "Serverless",
        "{p}Lambda-GB-Second",
        "Invoke",
        "Lambda-GB-Second",
        0.0000166667,
        9000.0,
        "arn:aws:lambda:{r}:{a}:function:{n}-{h6}",
        ("prod", "staging", "data", "security", "sandbox"),
        30,
        commitment="SP",
    ),
    Sku(
        "lambda-requests",
        "AWSLambda",
        "AWS Lambda",
        "Compute",
        "Serverless",
        "{p}Request",
        "Invoke",
        "Requests",
        0.0000002,
        60000.0,
        "arn:aws:lambda:{r}:{a}:function:{n}-{h6}",
        ("prod", "staging", "data"),
        20,
    ),
    Sku(
        "cloudfront-out",
        "AmazonCloudFront",
        "Amazon CloudFront",
        "Networking",
        "Data Transfer",
        "US-DataTransfer-Out-Bytes",
        "GET",
        "GB",
        0.085,
        30.0,
        "arn:aws:cloudfront::{a}:distribution/E{H}",
        ("prod",),
        6,
        global_service=True,
    ),
    Sku(
        "cloudfront-requests",
        "AmazonCloudFront",
        "Amazon CloudFront",
        "Networking",
        "Request",
        "US-Requests-Tier1",
        "GET",
        "Requests",
        0.00000075,
        400000.0,
        "arn:aws:cloudfront::{a}:distribution/E{H}",
        ("prod",),
        4,
        global_service=True,
    ),
    Sku(
        "dynamodb-rru",
        "AmazonDynamoDB",
        "Amazon DynamoDB",
        "Databases",
        "Amazon DynamoDB PayPerRequest Throughput",
        "{p}ReadRequestUnits",
        "PayPerRequestThroughput",
        "ReadRequestUnits",
        0.00000025,
        900000.0,
        "arn:aws:dynamodb:{r}:{a}:table/{n}-{h6}",
        ("prod", "data"),
        12,
    ),
    Sku(
        "dynamodb-wru",
        "AmazonDynamoDB",
        "Amazon DynamoDB",
        "Databases",
        "Amazon DynamoDB PayPerRequest Throughput",
        "{p}WriteRequestUnits",
        "PayPerRequestThroughput",
        "WriteRequestUnits",
        0.00000125,
        120000.0,
        "arn:aws:dynamodb:{r}:{a}:table/{n}-{h6}",
        ("prod", "data"),
        10,
    ),
    Sku(
        "elasticache",
        "AmazonElastiCache",
        "Amazon ElastiCache",
        "Databases",
        "Cache Instance",
        "{p}NodeUsage:cache.r6g.large",
        "CreateCacheCluster:0002",
        "Hrs",
        0.206,
        1.0,
        "arn:aws:elasticache:{r}:{a}:cluster:{n}-{h6}",
        ("prod", "staging"),
        10,
        "cache.r6g.large",
        commitment="RI",
    ),
    Sku(
        "opensearch",
        "AmazonES",
        "Amazon OpenSearch Service",
        "Analytics",
        "Amazon OpenSearch Service Instance",
        "{p}ESInstance:r6g.large",
        "ESDomain",
        "Hrs",
        0.167,
        1.0,
        "arn:aws:es:{r}:{a}:domain/{n}-{h6}",
        ("prod", "security"),
        8,
        "r6g.large.search",
    ),
    Sku(
        "redshift",
        "AmazonRedshift",
        "Amazon Redshift",
        "Analytics",
        "Compute Instance",
        "{p}Node:ra3.xlplus",
        "RunComputeNode:0001",
        "Hrs",
        1.086,
        1.0,
        "arn:aws:redshift:{r}:{a}:cluster:{n}-{h6}",
        ("data",),
        5,
        "ra3.xlplus",
    ),
    Sku(
        "cloudwatch-metrics",
        "AmazonCloudWatch",
        "AmazonCloudWatch",
        "Management and Governance",
        "Metric",
        "{p}CW:MetricMonitorUsage",
        "MetricStorage",
        "Metrics",
        0.30,
        0.06,
        "",
        ("prod", "staging", "data", "ml", "shared-services", "sandbox", "security", "payer"),
        20,
        bare_in_use1=True,
    ),
    Sku(
        "cloudwatch-logs",
        "AmazonCloudWatch",
        "AmazonCloudWatch",
        "Management and Governance",
        "Data Payload",
        "{p}DataProcessing-Bytes",
        "PutLogEvents",
        "GB",
        0.50,
        0.9,
        "arn:aws:logs:{r}:{a}:log-group:/aws/{n}-{h6}",
        ("prod", "staging", "data", "security"),
        20,
        bare_in_use1=True,
    ),
    Sku(
        "sagemaker-endpoint",
        "AmazonSageMaker",
        "Amazon SageMaker",
        "AI and Machine Learning",
        "ML Instance",
        "{p}Host:ml.g5.xlarge",
        "RunInstance",
        "Hrs",
        1.408,
        1.0,
        "arn:aws:sagemaker:{r}:{a}:endpoint/{n}-{h6}",
        ("ml",),
        8,
        "ml.g5.xlarge",
    ),
    Sku(
        "sagemaker-notebook",
        "AmazonSageMaker",
        "Amazon SageMaker",
        "AI and Machine Learning",
        "ML Instance",
        "{p}Notebk:ml.t3.medium",
        "RunInstance",
        "Hrs",
        0.05,
        1.0,
        "arn:aws:sagemaker:{r}:{a}:notebook-instance/{n}-{h6}",
        ("ml", "sandbox"),
        10,
        "ml.t3.medium",
    ),
    Sku(
        "eks-cluster",
        "AmazonEKS",
        "Amazon Elastic Container Service for Kubernetes",
        "Compute",
        "Compute",
        "{p}AmazonEKS-Hours:perCluster",
        "CreateOperation",
        "Hours",
        0.10,
        1.0,
        "arn:aws:eks:{r}:{a}:cluster/{n}-{h6}",
        ("prod", "staging", "shared-services"),
        4,
    ),
    Sku(
        "fargate-vcpu",
        "AmazonECS",
        "Amazon Elastic Container Service",
        "Compute",
        "Compute",
        "{p}Fargate-vCPU-Hours:perCPU",
        "FargateTask",
        "hours",
        0.04048,
        2.0,
        "arn:aws:ecs:{r}:{a}:task/{n}/{h}",
        ("prod", "staging"),
        15,
        commitment="SP",
    ),
    Sku(
        "elb",
        "AWSELB",
        "Elastic Load Balancing",
        "Networking",
        "Load Balancer-Application",
        "{p}LoadBalancerUsage",
        "LoadBalancing:Application",
        "Hrs",
        0.0225,
        1.0,
        "arn:aws:elasticloadbalancing:{r}:{a}:loadbalancer/app/{n}/{h6}",
        ("prod", "staging", "shared-services"),
        10,
    ),
    Sku(
        "sqs",
        "AWSQueueService",
        "Amazon Simple Queue Service",
        "Integration",
        "API Request",
        "{p}Requests-Tier1",
        "ReceiveMessage",
        "Requests",
        0.0000004,
        80000.0,
        "arn:aws:sqs:{r}:{a}:{n}-{h6}",
        ("prod", "data"),
        10,
    ),
    Sku(
        "sns",
        "AmazonSNS",
        "Amazon Simple Notification Service",
        "Integration",
        "API Request",
        "{p}Requests-Tier1",
        "Publish",
        "Requests",
        0.0000005,
        30000.0,
        "arn:aws:sns:{r}:{a}:{n}-{h6}",
        ("prod", "security"),
        6,
    ),
    Sku(
        "kms-requests",
        "awskms",
        "AWS Key Management Service",
        "Security",
        "Encryption Key",
        "{p}KMS-Requests",
        "DecryptRequest",
        "Requests",
        0.000003,
        12000.0,
        "arn:aws:kms:{r}:{a}:key/{uuid}",
        ("prod", "data", "security"),
        8,
    ),
    Sku(
        "route53-queries",
        "AmazonRoute53",
        "Amazon Route 53",
        "Networking",
        "DNS Query",
        "DNS-Queries",
        "Query",
        "Queries",
        0.0000004,
        50000.0,
        "arn:aws:route53:::hostedzone/Z{H}",
        ("prod", "shared-services"),
        4,
        global_service=True,
    ),
    Sku(
        "vpc-ipv4",
        "AmazonVPC",
        "Amazon Virtual Private Cloud",
        "Networking",
        "VpcPublicIpv4Address",
        "{p}PublicIPv4:InUseAddress",
        "AssociateAddressVPC",
        "Hrs",
        0.005,
        1.0,
        "arn:aws:ec2:{r}:{a}:ipv4pool-ec2/eipalloc-{h}",
        ("prod", "staging", "shared-services", "sandbox"),
        20,
    ),
    Sku(
        "secrets",
        "AWSSecretsManager",
        "AWS Secrets Manager",
        "Security",
        "Secret",
        "{p}AWSSecretsManager-Secrets",
        "StorageSecret",
        "Secrets",
        0.40,
        0.00137,
        "arn:aws:secretsmanager:{r}:{a}:secret:{n}-{h6}",
        ("prod", "data", "security"),
        8,
    ),
)
SKU_BY_KEY = {s.key: s for s in SKUS}


@dataclass(frozen=True)
class Reservation:
    """A standard 1-year no-upfront reservation: monthly RIFee, DiscountedUsage on the covered SKU."""

    key: str
    account: str
    sku: str
    region: str
    count: int
    hourly_fee: float  # per instance, the effective rate of covered usage


RESERVATIONS: tuple[Reservation, ...] = (
    Reservation("ri-ec2", "prod", "ec2-m5-xlarge", "us-east-1", 12, 0.121),
    Reservation("ri-rds", "prod", "rds-r6g-large", "us-east-1", 4, 0.146),
    Reservation("ri-cache", "staging", "elasticache", "us-east-1", 3, 0.134),
)


@dataclass(frozen=True)
class SavingsPlan:
    key: str
    account: str
    plan_id: str
    hourly_commitment: float
    discount: float  # effective cost = on-demand cost * (1 - discount)


SAVINGS_PLANS: tuple[SavingsPlan, ...] = (
    SavingsPlan("sp-compute", "payer", "7a3d9f21-5b8c-4e6a-9d12-0f4c8b7e6a55", 0.9, 0.28),
)
