"""S3 and Cost Explorer sources against moto in server mode (botocore Stubber only for refusals)."""

from __future__ import annotations

import json
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from bot.aws.session import AwsIdentity
from bot.errors import SourceAccessDenied
from bot.ingest.layout import plan_deliveries
from bot.ingest.pipeline import ingest
from bot.ingest.sources import S3Source
from tests.ingest.conftest import KOKU, assert_same_money, raw_total
from tests.ingest.test_pipeline import write_cur

pytestmark = pytest.mark.aws


def _upload(root: Path, bucket: str, prefix: str, region: str = "eu-west-1") -> None:
    s3 = boto3.client("s3", region_name=region)
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region})
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        s3.upload_file(str(path), bucket, f"{prefix}/{path.relative_to(root).as_posix()}")


def test_s3_koku_delivery_through_an_assumed_role(aws: Any, tmp_path: Path, store: Any) -> None:
    _upload(KOKU / "extracted", "billing-bucket", "exports")
    iam = boto3.client("iam")
    role = iam.create_role(RoleName="trackit", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    identity = AwsIdentity(role_arn=role, external_id="ext-123")
    rows, total = raw_total(sorted((KOKU / "extracted" / "my-prefix").rglob("*.csv.gz")), "lineItem/UnblendedCost")
    report = ingest("s3://billing-bucket/exports/my-prefix", store, identity=identity, progress=False)
    (p,) = report.periods
    assert (p.billing_period, p.delivery_id, p.rows) == (date(2018, 8, 1), "861af42f-713c-4a42-9562-9158a7625630", rows)
    assert_same_money(p.billed_total, total)
    assert report.bytes_read > 0
    assert store.period(date(2018, 8, 1)).source_uri.startswith("s3://billing-bucket/exports/my-prefix")
    (again,) = ingest("s3://billing-bucket/exports/my-prefix", store, identity=identity, progress=False).periods
    assert again.status == "skipped"


def test_s3_listing_pages_past_1000_keys(aws: Any, tmp_path: Path) -> None:
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="many")
    from concurrent.futures import ThreadPoolExecutor

    def put(i: int) -> None:
        s3.put_object(Bucket="many", Key=f"p/noise/{i:05d}.txt", Body=b"")

    with ThreadPoolExecutor(16) as pool:
        list(pool.map(put, range(1005)))
    source = S3Source("many", "p", AwsIdentity())
    keys = [o.key for o in source.list()]
    assert len(keys) == 1005 and keys[-1] == "noise/01004.txt"


def test_s3_redelivery_replaces(aws: Any, tmp_path: Path, store: Any) -> None:
    root = tmp_path / "local"
    write_cur(root, date(2024, 3, 1), "asm-1", ["1.00"])
    _upload(root, "redelivery-bucket", "x")
    assert ingest("s3://redelivery-bucket/x", store, progress=False).periods[0].status == "loaded"
    write_cur(root, date(2024, 3, 1), "asm-2", ["1.00", "2.00"])
    _upload_again(root, "redelivery-bucket", "x")
    (p,) = ingest("s3://redelivery-bucket/x", store, progress=False).periods
    assert (p.status, p.replaced, p.rows) == ("replaced", "asm-1", 2)


def _upload_again(root: Path, bucket: str, prefix: str) -> None:
    s3 = boto3.client("s3", region_name="eu-west-1")
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        s3.upload_file(str(path), bucket, f"{prefix}/{path.relative_to(root).as_posix()}")


def test_s3_access_denied_names_bucket_and_role(aws: Any) -> None:
    source = S3Source("secret-bucket", "cur", AwsIdentity(role_arn="arn:aws:iam::123456789012:role/reader"))
    client = boto3.client("s3", region_name="us-east-1")
    source._client = client
    with Stubber(client) as stub:
        stub.add_client_error("list_objects_v2", service_error_code="AccessDenied", http_status_code=403)
        with pytest.raises(SourceAccessDenied) as err:
            source.list()
    assert "bucket secret-bucket" in err.value.message
    assert "role arn:aws:iam::123456789012:role/reader" in err.value.message
    assert "s3:ListBucket" in str(err.value.hint)


def test_plan_ignores_old_assemblies_and_reads_manifest_once() -> None:
    from datetime import UTC, datetime

    from bot.ingest.layout import ObjectInfo

    t = datetime(2024, 3, 2, tzinfo=UTC)
    objs = [
        ObjectInfo("r/20240301-20240401/a1/r-1.csv.gz", 10, t),
        ObjectInfo("r/20240301-20240401/a2/r-1.csv.gz", 20, t),
        ObjectInfo("r/20240301-20240401/r-Manifest.json", 1, t),
    ]
    manifest = {"assemblyId": "a2", "billingPeriod": {"start": "20240301T000000.000Z"}}
    manifest["reportKeys"] = ["r/20240301-20240401/a2/r-1.csv.gz"]  # type: ignore[assignment]
    (plan,) = plan_deliveries(objs, lambda key: json.dumps(manifest).encode())
    assert (plan.delivery_id, plan.keys, plan.size) == ("a2", ("r/20240301-20240401/a2/r-1.csv.gz",), 20)


# ------------------------------------------------------------------------------------------ Cost Explorer


def _queue_ce(aws: Any, results: list[dict[str, Any]]) -> None:
    body = json.dumps({"results": results}).encode()
    req = urllib.request.Request(
        f"{aws.url}/moto-api/static/ce/cost-and-usage-results",
        data=body,
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    urllib.request.urlopen(req).read()


def _group(service: str, account: str, amount: str) -> dict[str, Any]:
    return {
        "Keys": [service, account],
        "Metrics": {
            "UnblendedCost": {"Amount": amount, "Unit": "USD"},
            "AmortizedCost": {"Amount": amount, "Unit": "USD"},
            "UsageQuantity": {"Amount": "1", "Unit": "N/A"},
        },
    }


def test_cost_explorer_quick_start_follows_pages(aws: Any, store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.ingest.cost_explorer as ce

    today = date.today()
    first = today.replace(day=1)
    day2 = first.isoformat()
    _queue_ce(
        aws,
        [
            {
                "ResultsByTime": [
                    {
                        "TimePeriod": {"Start": day2, "End": day2},
                        "Groups": [
                            _group("Amazon S3", "000000000001", "1.10"),
                            _group("AWS Lambda", "000000000002", "0.20"),
                        ],
                        "Estimated": True,
                    }
                ],
                "NextPageToken": "page-2",
                "DimensionValueAttributes": [{"Value": "000000000001", "Attributes": {"description": "prod"}}],
            },
            {
                "ResultsByTime": [
                    {
                        "TimePeriod": {"Start": day2, "End": day2},
                        "Groups": [_group("Amazon EC2", "000000000001", "3.30")],
                        "Estimated": True,
                    }
                ],
            },
        ],
    )
    calls: list[dict[str, Any]] = []
    real = ce.fetch_results

    def spy(client: Any, start: date, end: date) -> Any:
        original = client.get_cost_and_usage

        def record(**kwargs: Any) -> Any:
            calls.append(kwargs)
            return original(**kwargs)

        client.get_cost_and_usage = record
        return real(client, start, end)

    monkeypatch.setattr(ce, "fetch_results", spy)
    report = ingest("ce://?months=1", store, progress=False)
    (p,) = report.periods
    assert (p.billing_period, p.source_format, p.rows, p.billed_total) == (first, "ce", 3, "4.60")
    assert len(calls) == 2 and calls[1]["NextPageToken"] == "page-2"
    assert calls[0]["GroupBy"] == [
        {"Type": "DIMENSION", "Key": "SERVICE"},
        {"Type": "DIMENSION", "Key": "LINKED_ACCOUNT"},
    ]
    assert store.accounts()["000000000001"] == "prod"
