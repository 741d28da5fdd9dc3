"""`trackit query "<text>" [--format text|json] [--store URL] [--today YYYY-MM-DD]`: answer a cost question.

The text uses the same grammar as the slash commands (docs/query-language.md). Text output is a table for
people; JSON output is a stable, versioned document for scripts (schema `trackit.cost/1`, documented in
docs/query-language.md). Exit codes: 0 answered, 2 bad query or settings (message on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from typing import Any

from bot.config import load_settings


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD, e.g. 2026-11-27") from None


def add_parser(subparsers: Any) -> None:
    from bot.billing.grammar import EXAMPLES

    examples = "\n".join(f'  trackit query "{e}"' for e in EXAMPLES[:5])
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "query",
        help="answer a cost question with the slash-command grammar",
        description="Answer a cost question from the billing store, in the grammar of the slash commands "
        "(see docs/query-language.md). Quote the whole question.",
        epilog=f"examples:\n{examples}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("text", nargs="*", metavar="QUERY", help='the question, e.g. "last month by service"')
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.add_argument("--store", help="billing store URL (default: settings store_url or <data_dir>/billing)")
    parser.add_argument(
        "--today",
        type=_iso_date,
        help="the date relative ranges are resolved against (default: today in the configured time zone)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from bot.billing.grammar import parse_query
    from bot.billing.query import run_cost_query
    from bot.billing.vocabulary import Vocabulary
    from bot.reports.text import render_text, result_to_json
    from bot.store.registry import open_store

    settings = load_settings()
    text = " ".join(args.text).strip()
    today: date = args.today or datetime.now(settings.tz).date()
    store = open_store(settings.store_url_for(args.store))
    try:
        vocabulary = Vocabulary.from_store(store)
        query = parse_query(text, today=today, vocabulary=vocabulary, default_basis=settings.cost_basis)
        result = run_cost_query(store, query, today=today)
        empty = not store.periods()
    finally:
        store.close()
    if empty:
        print("note: the billing store holds no data yet; load some with `trackit ingest SOURCE`.", file=sys.stderr)
    if args.format == "json":
        json.dump(result_to_json(result, text=text), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(render_text(result, text=text or None, vocabulary=vocabulary))
    return 0
