"""`trackit demo [--dir PATH] [--months 12] [--rows-per-month N]`: a year of sample billing data, answered.

Generates exports for a fictional organisation (`bot.samples`), ingests them through the real pipeline into a
DuckDB billing store in the demo directory, prints the answers to a handful of questions, and renders what the
scheduled jobs would post (`trackit preview daily|weekly|monthly|anomalies`: Block Kit JSON and text, chart PNGs,
the XLSX workbook) into `<dir>/preview/`, so that a new user sees what the bot does before connecting a real
bucket. The default size runs in about a minute on two cores.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TextIO, cast

from bot.reports.table import text_table
from bot.samples.generate import FORMATS, Format

DEFAULT_MONTHS = 12
DEFAULT_ROWS = 50_000
#: The demo's app state (subscriptions, routes: none), next to its billing store.
STATE_FILE = "state.sqlite3"


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return value


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "demo",
        help="generate a year of sample billing data, ingest it and show a few answers",
        description="Generate realistic billing exports for a fictional organisation, ingest them into a DuckDB "
        "billing store under --dir and show what the bot answers. Safe to run again: it starts afresh.",
    )
    parser.add_argument("--dir", type=Path, help="demo directory (default: <data_dir>/demo)")
    parser.add_argument("--months", type=_positive, default=DEFAULT_MONTHS, help="months of data, ending today")
    parser.add_argument(
        "--rows-per-month", type=_positive, default=DEFAULT_ROWS, help=f"line items per month ({DEFAULT_ROWS:,})"
    )
    parser.add_argument("--format", choices=FORMATS, default="cur2-parquet", help="export format to generate")
    parser.add_argument("--seed", type=int, default=7, help="random seed (same seed, same data)")
    parser.add_argument("--today", type=date.fromisoformat, help="pretend today is YYYY-MM-DD (default: today, UTC)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from bot.config import load_settings

    base: Path = args.dir if args.dir is not None else load_settings().data_dir / "demo"
    today: date = args.today or datetime.now(UTC).date()
    return run_demo(
        base,
        months=args.months,
        rows_per_month=args.rows_per_month,
        fmt=args.format,
        seed=args.seed,
        today=today,
        out=sys.stdout,
    )


def run_demo(
    base: Path,
    *,
    months: int = DEFAULT_MONTHS,
    rows_per_month: int = DEFAULT_ROWS,
    fmt: str = "cur2-parquet",
    seed: int = 7,
    today: date,
    out: TextIO,
) -> int:
    """Generate, ingest and answer; print to `out`. Returns the exit code (0).

    The months end with the month of `today`, whose data stops at `today` (a month in progress, so the forecast
    has something to do). Raises `UsageError` for sizes the generator refuses.
    """
    from bot.billing.periods import add_months, month_start
    from bot.samples import generate

    base = base.resolve()
    exports, store_dir, previews = base / "exports", base / "billing", base / "preview"
    for stale in (exports, store_dir, previews):
        if stale.exists():
            shutil.rmtree(stale)
    (base / STATE_FILE).unlink(missing_ok=True)
    base.mkdir(parents=True, exist_ok=True)
    first = add_months(month_start(today), -(months - 1))

    print(
        f"Generating {months} months of {fmt} exports for Acme Robotics ({rows_per_month:,} line items a "
        f"month) in {exports} ...",
        file=out,
        flush=True,
    )
    summary = generate(
        exports,
        fmt=cast(Format, fmt),
        start=first,
        months=months,
        rows_per_month=rows_per_month,
        seed=seed,
        end=today,
    )
    print(
        f"  {summary.rows:,} line items, {summary.bytes_written / 1e6:.1f} MB in {summary.seconds:.1f} s; "
        f"total billed {summary.unblended_total:,.2f} USD",
        file=out,
        flush=True,
    )

    from bot.config import load_settings

    store_url = load_settings().store_url_for(f"duckdb://{store_dir}")
    ingest_missing = _ingest(exports, store_url, out)
    if ingest_missing:
        print(f"\n{ingest_missing}", file=out)
        return 0
    _answers(store_url, today, out)
    _story(summary.ground_truth, summary.inventory, out)
    _previews(base, today, out)
    print(
        "\nNext:\n"
        f'  trackit query "last month by service" --store {store_url}\n'
        f'  trackit query "this month by tag:user:team" --store {store_url}\n'
        f'  trackit query "last 30 days daily by account" --store {store_url}\n'
        f"  trackit preview monthly --store {store_url} --channel-filters 'tag:user:team=data-eng' --out {previews}\n"
        f"  trackit ingest s3://YOUR-BUCKET/PREFIX   # your own CUR / CUR 2.0 / FOCUS exports\n"
        "  trackit serve                              # the Slack bot (set the Slack tokens first)",
        file=out,
    )
    return 0


def _story(truth_path: Path, inventory: Path | None, out: TextIO) -> None:
    """What the generated data holds, from its ground truth: the organisation and what happened to it."""
    truth = json.loads(truth_path.read_text())
    accounts = truth["accounts"]
    payer = next(a for a in accounts if a["payer"])
    _section("The organisation behind the data", out)
    print(
        f"  {truth['organisation']}: {len(accounts)} AWS accounts in one Organization, billed to the payer "
        f"{payer['account_name']} ({payer['account_id']}) in {truth['currency']}, {truth['granularity']} line items:",
        file=out,
    )
    print("  " + ", ".join(f"{a['account_name']} ({a['environment']})" for a in accounts), file=out)
    if inventory is not None and inventory.exists():
        import duckdb

        ((total, gone, resized),) = duckdb.execute(
            "SELECT count(*), count(deleted_at), count(resized_at) FROM read_parquet(?)", [str(inventory)]
        ).fetchall()
        print(
            f"  {total:,} resources over the period ({gone:,} deleted and replaced, {resized:,} resized; list in "
            f"{inventory.name}); dev instances stop nights and weekends, web traffic follows the day.",
            file=out,
        )
    kinds = {"Reserved Instance": 0, "Compute Savings Plan": 0}
    for c in truth["commitments"]:
        kinds[c["type"]] += 1
    print(
        f"  {kinds['Reserved Instance']} reserved instances and {kinds['Compute Savings Plan']} Compute Savings Plan; "
        "Business Support and sales tax on every account, booked monthly as AWS books them.",
        file=out,
    )
    _section(f"What happened (ground truth in {truth_path})", out)
    print("  'alert' marks what a good anomaly detector should flag; the rest is ordinary billing.", file=out)
    for e in sorted(truth["events"], key=lambda e: e["start"]):
        keys = e["keys"]
        where = keys.get("account_name", "")
        if e["level"] != "account" and keys.get("service_name"):
            where = f"{keys['service_name']} in {where}" if where else keys["service_name"]
        delta = e["expected_daily_delta"]
        money = "" if delta in ("0.00", "-0.00") else f" ({'+' if not delta.startswith('-') else ''}{delta} a day)"
        if "amount" in e:
            money = f" ({e['amount']} {e['currency']})"
        flag = "alert" if e["should_alert"] else "-"
        print(f"  {e['start'][:10]}  {flag:<5}  {where}: {e['description']}{money}", file=out)


def _ingest(exports: Path, store_url: str, out: TextIO) -> str | None:
    """Ingest the generated exports; returns a message instead when the pipeline is not available."""
    try:
        from bot.ingest.pipeline import ingest
        from bot.store.registry import open_store
    except ImportError as exc:  # a partial checkout: the generator still worked
        return f"The ingest pipeline is not available ({exc}); the exports are ready in {exports}."
    t0 = time.perf_counter()
    store = open_store(store_url)
    try:
        report = ingest(str(exports), store, progress=False)
    finally:
        store.close()
    rows = sum(p.rows for p in report.periods)
    seconds = time.perf_counter() - t0
    print(
        f"Ingested {len(report.periods)} periods, {rows:,} line items into {store_url} in {seconds:.1f} s "
        f"({rows / max(seconds, 1e-9):,.0f} rows/s)",
        file=out,
        flush=True,
    )
    return None


def _section(title: str, out: TextIO) -> None:
    print(f"\n=== {title} " + "=" * max(0, 100 - len(title)), file=out)


def _table(rows: list[list[str]], out: TextIO, right: set[int]) -> None:
    for line in text_table(rows, right=right, rule=True):
        print("  " + line, file=out)


def _answers(store_url: str, today: date, out: TextIO) -> None:
    from bot.billing.currency import currency_scope
    from bot.billing.model import CostQuery, Dimension, DimensionRef, TimeRange
    from bot.billing.money import Money, format_pct
    from bot.billing.periods import add_months, month_start
    from bot.billing.query import run_cost_query, run_tag_report, run_top_resources
    from bot.reports.text import render_text
    from bot.store.registry import open_store

    last_month = TimeRange.month(add_months(month_start(today), -1))
    store = open_store(store_url)
    try:
        _section(f"Total last month ({last_month.label}) against the month before", out)
        print(render_text(run_cost_query(store, CostQuery(last_month), today=today)), file=out)

        _section("Last month by service, top 10", out)
        by_service = CostQuery(last_month, group_by=(DimensionRef(Dimension.SERVICE),), top=10)
        print(render_text(run_cost_query(store, by_service, today=today)), file=out)

        _section("Last month by tag user:team (with the untagged share of taggable usage)", out)
        report = run_tag_report(store, "user:team", last_month)
        money = Money(report.currency)
        rows = [["team", "cost", "share"]]
        rows += [[v.value, money(v.cost), format_pct(v.share * 100, signed=False)] for v in report.values]
        if report.not_taggable_cost:
            share = report.not_taggable_cost / report.total * 100 if report.total else 0.0
            rows.append(["(not taggable)", money(report.not_taggable_cost), format_pct(share, signed=False)])
        rows.append(["Total", money(report.total), ""])
        _table(rows, out, right={1, 2})
        print(
            f"  untagged: {format_pct(report.untagged_share * 100, signed=False)} of the taggable usage; "
            f"{money(report.not_taggable_cost)} not taggable (fees, tax, credits)",
            file=out,
        )

        _section("Top 10 resources last month", out)
        scope = currency_scope(store, last_month)
        money = Money(scope.currency)
        rows = [["resource", "service", "account", "region", "cost", "previous"]]
        for r in run_top_resources(store, 10, last_month, scope.filters):
            prev = "" if r.previous_cost is None else money(r.previous_cost)
            rid = r.resource_id if len(r.resource_id) <= 60 else "..." + r.resource_id[-57:]
            rows.append([rid, r.service, r.account_name or r.account_id, r.region, money(r.cost), prev])
        _table(rows, out, right={4, 5})

        this_month = TimeRange.month(today)
        _section(f"This month so far ({this_month.label}) and the month-end forecast", out)
        print(render_text(run_cost_query(store, CostQuery(this_month), today=today)), file=out)
    finally:
        store.close()


def _previews(base: Path, today: date, out: TextIO) -> None:
    """Render what each scheduled job would post on `today` into `<base>/preview/<kind>/` (as `trackit preview`
    does) and say where the files are."""
    import io

    from bot.cli.preview import KINDS, write_preview
    from bot.compose import build_services, preview_renderers
    from bot.config import Settings

    # The demo's own settings, not the user's: its store (`<base>/billing`) and a fresh app state next to it.
    services = build_services(Settings(data_dir=base))
    folder = base / "preview"
    _section(f"What the bot would post on {today} (trackit preview), written to {folder}", out)
    t0 = time.perf_counter()
    try:
        renderers = preview_renderers()
        for kind in KINDS:
            rendered = renderers[kind](services, "", today, None)
            if not rendered:
                print(f"  {kind:<9}  nothing to post (no anomaly in the latest days of data)", file=out)
                continue
            written = write_preview(rendered, folder / kind, io.StringIO())
            for name, msg, _files in rendered:
                headline = msg.text if len(msg.text) <= 90 else msg.text[:89].rstrip() + "\u2026"
                print(f"  {kind:<9}  {name}: {headline}", file=out)
            print(f"  {'':<9}  {_describe(written, folder)}", file=out)
    finally:
        services.store.close()
        services.state.dispose()
    print(
        f"  ({time.perf_counter() - t0:.1f} s) Open the PNG charts and the XLSX workbooks; paste the blocks of a "
        ".json file into https://app.slack.com/block-kit-builder to see the message as Slack shows it.",
        file=out,
    )


def _describe(written: list[Path], folder: Path) -> str:
    """`weekly/: 1 Block Kit JSON, 1 text, 4 PNG charts, 1 XLSX`."""
    kinds = {".json": "Block Kit JSON", ".txt": "text", ".png": "PNG chart(s)", ".xlsx": "XLSX workbook(s)"}
    counts = {label: sum(1 for p in written if p.suffix == suffix) for suffix, label in kinds.items()}
    where = written[0].parent.relative_to(folder.parent)
    return f"{where}/: " + ", ".join(f"{n} {label}" for label, n in counts.items() if n)
