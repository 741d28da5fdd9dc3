"""`trackit inventory collect [--no-store] [--format text|json]`: the daily inventory job's collection, now.

Collects the accounts, every account x region x resource kind, 30 days of CloudWatch utilisation and the
commitment end dates (`bot.aws.collection.collect`), with a progress bar on a terminal (log lines otherwise),
stores today's snapshot in app state as the job would (unless `--no-store`), and prints a summary: resources by
type, account and region, and what failed. Exit code 1 when the accounts could not be found at all.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from bot.billing.inventory import CollectionError, Inventory
from bot.config import load_settings
from bot.errors import TrackItError

log = logging.getLogger("bot.cli.inventory")


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "inventory",
        help="collect the AWS resource inventory now (what the daily job does)",
        description="AWS resource inventory. `collect` runs the daily job's collection now and stores it.",
    )
    sub = parser.add_subparsers(dest="inventory_command", required=True, metavar="ACTION")
    collect = sub.add_parser("collect", help="collect resources, utilisation and commitments now, and store them")
    collect.add_argument("--no-store", action="store_true", help="print the summary only; store nothing")
    collect.add_argument("--format", choices=("text", "json"), default="text")
    bars = collect.add_mutually_exclusive_group()
    bars.add_argument("--progress", dest="progress", action="store_true", default=None, help="progress bar")
    bars.add_argument("--no-progress", dest="progress", action="store_false", help="log lines only")
    collect.set_defaults(func=run_collect)


def task_progress(tty: bool) -> tuple[Callable[[int, int], None], Callable[[], None]]:
    """A (done, total) callback drawing a tqdm bar on a terminal, or logging every tenth otherwise; and a closer."""
    if tty:
        from tqdm import tqdm  # type: ignore[import-untyped]

        bar = tqdm(total=0, unit="task", desc="inventory", file=sys.stderr, leave=False)

        def draw(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        return draw, bar.close
    logged = {"tenth": -1}

    def say(done: int, total: int) -> None:
        tenth = done * 10 // max(total, 1)
        if tenth > logged["tenth"]:
            logged["tenth"] = tenth
            log.info("inventory: %d of %d tasks done (%d%%)", done, total, 100 * done // max(total, 1))

    return say, lambda: None


def summarize(
    inventory: Inventory, extra_errors: Sequence[CollectionError] = (), names: dict[str, str] | None = None
) -> dict[str, Any]:
    """Counts of resources by type, account and region, and every failure (inventory, metrics, commitments)."""
    names = names or {}
    return {
        "collected_at": inventory.collected_at.isoformat() if inventory.collected_at else None,
        "resources": len(inventory.resources),
        "by_type": dict(Counter(r.kind.value for r in inventory.resources).most_common()),
        "by_account": dict(Counter(r.account_id for r in inventory.resources).most_common()),
        "account_names": {a: names[a] for a in {r.account_id for r in inventory.resources} if names.get(a)},
        "by_region": dict(Counter(r.region for r in inventory.resources).most_common()),
        "accounts_reached": len(inventory.regions),
        "api_calls": sum(inventory.api_calls.values()),
        "failures": [
            {"account": e.account_id, "region": e.region, "service": e.service, "code": e.code, "message": e.message}
            for e in (*inventory.errors, *extra_errors)
        ],
    }


def render_summary(summary: dict[str, Any], *, seconds: float, stored: str) -> str:
    """The summary as the terminal shows it."""

    def row(title: str, counts: dict[str, int], label: Callable[[str], str] = str) -> str:
        return f"  {title:<10}" + "  ".join(f"{label(k)} {v:,}" for k, v in counts.items()) if counts else ""

    names = summary["account_names"]
    lines = [
        f"{summary['resources']:,} resources in {summary['accounts_reached']} account(s), "
        f"{len(summary['by_region'])} region(s); {summary['api_calls']:,} API calls in {seconds:.1f} s",
        row("by type", summary["by_type"]),
        row("by account", summary["by_account"], lambda a: f"{a} ({names[a]})" if a in names else a),
        row("by region", summary["by_region"]),
    ]
    failures = summary["failures"]
    lines.append(f"  failures   {len(failures)}" + (":" if failures else " (none)"))
    for f in failures:
        message = " ".join(f["message"].split())  # an HTML error page or a traceback stays on one line
        lines.append(f"    {f['account']} {f['region']} {f['service']}: {f['code']}: {message[:200]}")
    lines.append(stored)
    return "\n".join(line for line in lines if line)


def run_collect(args: argparse.Namespace) -> int:
    import time

    from jobs.inventory import collect

    settings = load_settings()
    now = datetime.now(UTC)
    tty = sys.stderr.isatty() if args.progress is None else args.progress
    draw, close = task_progress(tty)
    started = time.monotonic()
    try:
        collected = collect(settings, now, progress=draw, phase=lambda name, info: log.info("%s %s", name, info))
    except (TrackItError, ClientError, BotoCoreError) as exc:
        text = exc.user_text() if hasattr(exc, "user_text") else str(exc)
        print(f"error: could not find the accounts to collect from: {text}", file=sys.stderr)
        return 1
    finally:
        close()
    seconds = time.monotonic() - started
    stored = "not stored (--no-store)"
    if not args.no_store:
        from bot.state.db import StateStore
        from bot.state.inventory import save_collection

        state = StateStore(settings.app_database_url)
        try:
            state.migrate()
            saved = save_collection(state, now.date(), collected, keep_days=settings.inventory_keep_days, now=now)
        finally:
            state.dispose()
        stored = f"stored as the snapshot of {saved.day} ({saved.status}); /trackit resources answers from it"
    summary = summarize(collected.inventory, (*collected.metrics.errors, *collected.commitment_errors))
    if args.format == "json":
        print(json.dumps({**summary, "seconds": round(seconds, 3), "stored": not args.no_store}, indent=2))
    else:
        print(render_summary(summary, seconds=seconds, stored=stored))
    return 0
