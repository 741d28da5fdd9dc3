"""Inventory + CloudWatch metrics for about 2,000 resources across 3 accounts and 4 regions, against moto.

Starts its own moto server (127.0.0.1, free port), builds an organization of 3 member accounts reached by
assume-role, fills 4 regions of each with EC2 instances (and their root volumes), spare volumes, snapshots,
Elastic IPs, RDS, ElastiCache, OpenSearch and Lambda, puts a week of CPU for some instances, then times:

- the inventory (every kind, default page sizes, 8 workers), with API calls per service;
- the metrics (30 daily points per series), with CloudWatch calls per 100 metric series (target <= 1).

Run: .venv/bin/python bench/inventory_bench.py [--workers 8] [--ec2 60]
Figures are those of moto on this machine: moto answers in-process, so wall time measures our client-side
work plus moto's, not AWS latency; the call counts are what AWS would see.
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import UTC, datetime, timedelta

REGIONS = ("us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2")
ROLE = "TrackItReadOnly"


def _environment(url: str) -> None:
    os.environ.update(
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_SESSION_TOKEN="testing",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        AWS_ENDPOINT_URL=url,
        MOTO_EC2_LOAD_DEFAULT_AMIS="false",
    )
    os.environ.pop("AWS_PROFILE", None)


def _fill(account: str, region: str, ec2_count: int) -> int:
    from bot.aws.session import AwsIdentity, make_session

    session = make_session(AwsIdentity(role_arn=f"arn:aws:iam::{account}:role/{ROLE}", region=region))
    ec2 = session.client("ec2", region_name=region)
    made = 0
    for _ in range(ec2_count // 10):  # ten reservations of ten
        ec2.run_instances(ImageId="ami-0123456789abcdef0", MinCount=10, MaxCount=10, InstanceType="m5.large")
        made += 20  # instance + root volume
    first = ec2.describe_instances()["Reservations"][0]["Instances"][0]["InstanceId"]
    cw = session.client("cloudwatch", region_name=region)
    today = datetime.now(UTC).replace(hour=1, minute=0, second=0, microsecond=0)
    cw.put_metric_data(
        Namespace="AWS/EC2",
        MetricData=[
            {
                "MetricName": "CPUUtilization",
                "Dimensions": [{"Name": "InstanceId", "Value": first}],
                "Timestamp": today - timedelta(days=d),
                "Value": 3.0 + d,
            }
            for d in range(1, 8)
        ],
    )
    for _ in range(10):
        vol = ec2.create_volume(Size=50, AvailabilityZone=f"{region}a")["VolumeId"]
        ec2.create_snapshot(VolumeId=vol)
        made += 2
    for _ in range(5):
        ec2.allocate_address(Domain="vpc")
        made += 1
    rds = session.client("rds", region_name=region)
    for i in range(10):
        rds.create_db_instance(
            DBInstanceIdentifier=f"db-{i}",
            DBInstanceClass="db.m5.large",
            Engine="postgres",
            MasterUsername="admin",
            MasterUserPassword="password123",
            AllocatedStorage=20,
        )
        made += 1
    cache = session.client("elasticache", region_name=region)
    for i in range(5):
        cache.create_cache_cluster(
            CacheClusterId=f"cache-{i}", Engine="redis", CacheNodeType="cache.t3.micro", NumCacheNodes=1
        )
        made += 1
    search = session.client("opensearch", region_name=region)
    for i in range(2):
        search.create_domain(DomainName=f"logs-{i}")
        made += 1
    role = session.client("iam").create_role(RoleName=f"fn-{region}", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    lam = session.client("lambda", region_name=region)
    for i in range(5):
        lam.create_function(
            FunctionName=f"fn-{i}",
            Runtime="python3.11",
            Role=role,
            Handler="app.handler",
            Code={"ZipFile": b"PK\x05\x06" + b"\0" * 18},
        )
        made += 1
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--ec2", type=int, default=60, help="instances per account and region (multiple of 10)")
    args = parser.parse_args()

    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    _environment(f"http://{host}:{port}")
    try:
        import boto3

        from bot.aws.inventory import InventoryOptions, collect_inventory
        from bot.aws.metrics import collect_metrics
        from bot.aws.organizations import member_accounts

        org = boto3.client("organizations")
        org.create_organization(FeatureSet="ALL")
        accounts = [
            org.create_account(Email=f"a{i}@example.com", AccountName=f"bench-{i}")["CreateAccountStatus"]["AccountId"]
            for i in range(3)
        ]
        t0 = time.perf_counter()
        expected = sum(_fill(a, r, args.ec2) for a in accounts for r in REGIONS)
        print(
            f"set-up: {expected} resources in {len(accounts)} accounts x {len(REGIONS)} regions "
            f"({time.perf_counter() - t0:.1f} s)"
        )

        targets = [t for t in member_accounts(boto3.Session(), ROLE) if t.account_id in accounts]
        t0 = time.perf_counter()
        inventory = collect_inventory(targets, InventoryOptions(regions=REGIONS, max_workers=args.workers))
        inventory_s = time.perf_counter() - t0
        assert not inventory.errors, inventory.errors
        assert len(inventory.resources) == expected, (len(inventory.resources), expected)

        t0 = time.perf_counter()
        metrics = collect_metrics(inventory.resources, targets, days=30, max_workers=args.workers)
        metrics_s = time.perf_counter() - t0
        assert not metrics.errors, metrics.errors
        known = sum(1 for m in metrics.metrics.values() for _, v in m.series.get("cpu_avg", ()) if v is not None)

        print(f"inventory: {len(inventory.resources)} resources, {inventory_s:.1f} s wall, {args.workers} workers")
        print("  API calls per service: " + ", ".join(f"{s} {n}" for s, n in inventory.api_calls.items()))
        print(f"  total {sum(inventory.api_calls.values())} calls, retries {dict(inventory.retries) or 0}")
        print(f"metrics: {len(metrics.metrics)} resources, {metrics.series} series x 30 days, {metrics_s:.1f} s wall")
        print(
            f"  CloudWatch GetMetricData calls: {metrics.api_calls.get('cloudwatch', 0)} "
            f"= {metrics.calls_per_100_series:.2f} per 100 series (target <= 1); "
            f"{known} known CPU datapoints"
        )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
