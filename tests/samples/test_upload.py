"""upload_to_s3 puts a generated layout in a bucket with manifests that name the uploaded objects."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import boto3
import pytest

from bot.samples import generate, upload_to_s3
from tests.support.moto_server import MotoServer

pytestmark = pytest.mark.aws


def test_upload_rewrites_manifests_and_ingests_from_s3(aws: MotoServer, tmp_path: Path) -> None:
    s = generate(tmp_path / "data", fmt="cur1-csv", start=date(2025, 1, 1), months=2, rows_per_month=6000)
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket="acme-cur-bucket")
    keys = upload_to_s3(s.root, "acme-cur-bucket", "/exports/billing/", s3)

    listed = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket="acme-cur-bucket"):
        listed += [o["Key"] for o in page.get("Contents", [])]
    assert sorted(listed) == sorted(keys)
    period = s.periods[0]
    data_key = "exports/billing/" + period.files[0].relative_to(s.root).as_posix()
    assert data_key in listed
    assert s3.get_object(Bucket="acme-cur-bucket", Key=data_key)["Body"].read() == period.files[0].read_bytes()

    manifest_key = "exports/billing/" + period.manifests[0].relative_to(s.root).as_posix()
    manifest = json.loads(s3.get_object(Bucket="acme-cur-bucket", Key=manifest_key)["Body"].read())
    assert manifest["bucket"] == "acme-cur-bucket"
    assert manifest["reportKeys"] == ["exports/billing/" + f.relative_to(s.root).as_posix() for f in period.files]
    assert data_key in manifest["reportKeys"]
    assert manifest["assemblyId"] == period.assembly_id

    from bot.ingest.pipeline import ingest
    from bot.store.registry import open_store

    store = open_store(f"duckdb://{tmp_path / 'store'}")
    try:
        report = ingest("s3://acme-cur-bucket/exports/billing", store, progress=False)
    finally:
        store.close()
    assert [(p.billing_period, p.rows, p.billed_total) for p in report.periods] == [
        (p.billing_period, p.rows, p.unblended_total) for p in s.periods
    ]


def test_upload_of_a_data_export_rewrites_data_files(aws: MotoServer, tmp_path: Path) -> None:
    s = generate(tmp_path, fmt="focus", start=date(2025, 1, 1), months=1, rows_per_month=6000)
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket="exports")
    upload_to_s3(s.root, "exports", "", s3)
    key = s.periods[0].manifests[0].relative_to(s.root).as_posix()
    manifest = json.loads(s3.get_object(Bucket="exports", Key=key)["Body"].read())
    assert manifest["dataFiles"] == [f"s3://exports/{f.relative_to(s.root).as_posix()}" for f in s.periods[0].files]
