"""`trackit ingest [SOURCE ...] [--store URL] [--force]`: load billing exports into the billing store.

SOURCE is a directory, a file, `s3://bucket/prefix` or `ce://?months=N` (Cost Explorer quick start); without one,
the `sources` setting is used. Shows progress (bars with rate and time left on a terminal, log lines otherwise),
then a table per source: period, what happened, format, delivery, rows, the export's own total, load rate and
time; a refused re-delivery prints its reason under its row. Exit status: 0 when every period was loaded or
skipped, 1 when a re-delivery was refused (the live data kept), 2 on an error (bad export, full disk, unreachable
store: the message names the file or directory; the data already stored is intact).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from bot.config import load_settings
from bot.errors import ConfigError, StoreError

if TYPE_CHECKING:
    from bot.ingest.pipeline import IngestReport


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
    store_url = settings.store_url_for(args.store)
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
            print(render_report(report))
            refused += len(report.refused)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    return 1 if refused else 0


def render_report(report: IngestReport) -> str:
    """One table row per billing period (what happened, rows, the export's own total, load rate), a refused
    re-delivery's reason under its row, and a total line."""
    header = ("period", "status", "format", "delivery", "rows", "total", "rows/s", "time")
    rows: list[tuple[str, ...]] = [header]
    reasons: dict[int, str] = {}
    for p in report.periods:
        rate = f"{p.rows / p.seconds:,.0f}" if p.seconds > 0 and p.status in ("loaded", "replaced") else "-"
        status = f"{p.status} ({p.replaced})" if p.replaced else p.status
        delivery = p.delivery_id if len(p.delivery_id) <= 24 else p.delivery_id[:21] + "..."
        total = f"{Decimal(p.billed_total).quantize(Decimal('0.01'), ROUND_HALF_UP):,}" if p.billed_total else "-"
        time_text = f"{p.seconds:.1f} s" if p.seconds else "-"
        rows.append(
            (f"{p.billing_period:%Y-%m}", status, p.source_format, delivery, f"{p.rows:,}", total, rate, time_text)
        )
        if p.reason:
            reasons[len(rows) - 1] = p.reason
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    right = {4, 5, 6, 7}
    lines = [f"{report.source_uri}:"]
    for n, r in enumerate(rows):
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))]
        lines.append("  " + "  ".join(cells).rstrip())
        if n in reasons:
            lines.append(f"    {reasons[n]}")
    loaded = [p for p in report.periods if p.status in ("loaded", "replaced")]
    moved = sum(p.rows for p in loaded)
    counts = Counter(p.status for p in report.periods)
    done = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    rate = f" ({moved / report.seconds:,.0f} rows/s)" if loaded and report.seconds > 0 else ""
    lines.append(
        f"  {len(report.periods)} period(s): {done or 'nothing found'}; {moved:,} rows loaded, "
        f"{report.bytes_read / 1e6:.1f} MB read in {report.seconds:.1f} s{rate}"
    )
    return "\n".join(lines)
