"""`trackit ingest [SOURCE ...] [--store URL] [--force]`: load billing exports into the billing store.

SOURCE is a directory, a file, `s3://bucket/prefix` or `ce://?months=N` (Cost Explorer quick start); without one,
the `sources` setting is used. Prints one line per billing period: period, what happened, delivery, rows, total;
a refused re-delivery prints its reason. Exit status: 0 when every period was loaded or skipped, 1 when a
re-delivery was refused (the live data kept), 2 on an error (bad export, full disk, unreachable store: the
message names the file or directory; the data already stored is intact).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.config import load_settings
from bot.errors import ConfigError, StoreError


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "ingest",
        help="load billing exports (CUR, CUR 2.0, FOCUS, Cost Explorer) into the billing store",
        description="Load billing exports into the billing store. A period already holding the same delivery is "
        "skipped; a newer delivery replaces it atomically. A re-delivery that holds no rows, fewer than "
        "redelivery_min_share of the live rows, or is older than the live one is refused unless --force.",
    )
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help="directory, file, s3://bucket/prefix or ce://")
    parser.add_argument("--store", help="billing store URL (default: settings store_url or <data_dir>/billing)")
    parser.add_argument(
        "--force",
        action="store_true",
        help="load re-deliveries the guards would refuse (empty, much smaller or older than the live delivery)",
    )
    parser.add_argument(
        "--verify-csv",
        action="store_true",
        default=None,
        help="parse CSV exports a second time with an independent parser; refuse them unless rows and total agree "
        "(setting ingest_verify_csv; about 60%% more CPU on csv.gz)",
    )
    progress = parser.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None, help="progress bars")
    progress.add_argument("--no-progress", dest="progress", action="store_false", help="log lines only")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from bot.aws.session import AwsIdentity
    from bot.ingest.pipeline import IngestPolicy, ingest
    from bot.store.registry import open_store

    settings = load_settings()
    sources = list(args.sources) or list(settings.sources)
    if not sources:
        raise ConfigError("no source given: pass a directory, file or s3://bucket/prefix, or set TRACKIT_SOURCES")
    identity = AwsIdentity(
        profile=settings.aws_profile,
        role_arn=settings.aws_role_arn,
        external_id=settings.aws_external_id,
        region=settings.aws_region,
    )
    verify = settings.ingest_verify_csv if getattr(args, "verify_csv", None) is None else args.verify_csv
    policy = IngestPolicy(
        min_share=settings.redelivery_min_share, force=bool(getattr(args, "force", False)), verify_csv=verify
    )
    store_url = args.store or settings.billing_store_url
    if store_url.startswith("duckdb://") and not args.store:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    refused = 0
    try:
        store = open_store(store_url)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        for uri in sources:
            report = ingest(
                uri, store, identity=identity, progress=args.progress, policy=policy, staging=settings.staging_dir
            )
            print(f"{uri}:")
            for p in report.periods:
                replaced = f" (replaced {p.replaced})" if p.replaced else ""
                print(
                    f"  {p.billing_period:%Y-%m}  {p.status:<8}  {p.source_format:<9}  delivery {p.delivery_id}  "
                    f"{p.rows:>10,} rows  total {p.billed_total or '-'}{replaced}"
                )
                if p.reason:
                    print(f"    {p.reason}")
            refused += len(report.refused)
            print(f"  {len(report.periods)} period(s), {report.bytes_read / 1e6:.1f} MB in {report.seconds:.1f} s")
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    return 1 if refused else 0
