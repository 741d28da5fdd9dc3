"""`trackit preview daily|weekly|monthly|anomalies`: what the bot would post, rendered into a folder, no Slack.

    trackit preview monthly --out preview/ [--channel-filters "tag:team=web"] [--date 2026-12-01] [--tag team]

For each message it writes `<name>.json` (the Block Kit payload: `text` and `blocks`, as chat.postMessage gets
it; paste the blocks into Slack's Block Kit Builder), `<name>.txt` (the plain-text fallback) and the files that
would be uploaded with it (chart PNGs, the XLSX workbook) into `--out/<kind>/`. It reads the billing store and
app state and writes neither.

The job modules are not imported here: `bot.compose.preview_renderers()` (the composition root, the only bot
module allowed to import `jobs`) hands over one renderer per kind.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from bot.compose import Rendered

KINDS = ("daily", "weekly", "monthly", "anomalies")


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "preview",
        help="render what a scheduled job would post (Block Kit JSON, text, charts, XLSX) into a folder",
        description="Render what the bot would post for a subscription, without Slack: Block Kit JSON and text, "
        "chart PNGs and the XLSX workbook, written under --out/<kind>/.",
    )
    parser.add_argument("kind", choices=KINDS, help="which job's message to render")
    parser.add_argument(
        "--channel-filters", default="", metavar="FILTERS", help="a subscription's filters, e.g. 'tag:team=web'"
    )
    parser.add_argument("--out", type=Path, default=Path("preview"), help="output folder (default: ./preview)")
    parser.add_argument(
        "--date", type=_day, default=None, help="pretend the job runs on this local day (default: today)"
    )
    parser.add_argument("--tag", default=None, help="digests: chart and sheet cost by this tag key, not by account")
    parser.add_argument("--store", default=None, help="billing store URL (default: settings)")
    parser.set_defaults(func=run)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD") from None


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "message"


def write_preview(rendered: list[Rendered], folder: Path, out: TextIO) -> list[Path]:
    """Write each (name, message, files) into `folder`; returns the paths written (in order)."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, msg, files in rendered:
        base = _slug(name)
        payload = folder / f"{base}.json"
        payload.write_text(json.dumps(msg.as_kwargs(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        text = folder / f"{base}.txt"
        text.write_text(msg.text + "\n", encoding="utf-8")
        written += [payload, text]
        for filename, content in files:
            path = folder / f"{base}-{_slug(filename)}"
            path.write_bytes(content)
            written.append(path)
        print(f"{name}: {msg.text[:200]}", file=out)
    return written


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from bot.compose import build_services, preview_renderers
    from bot.config import load_settings

    settings = load_settings()
    if args.store:
        settings = replace(settings, store_url=args.store)
    services = build_services(settings)
    try:
        today = args.date or services.today()
        renderer = preview_renderers()[args.kind]
        rendered = renderer(services, args.channel_filters.strip(), today, args.tag)
        folder = args.out / args.kind
        written = write_preview(rendered, folder, sys.stdout)
    finally:
        services.store.close()
        services.state.dispose()
    if not rendered:
        print(f"nothing to post for {args.kind} (no data or no anomaly); wrote nothing to {folder}")
        return 0
    print(f"wrote {len(written)} file(s) to {folder}")
    return 0
