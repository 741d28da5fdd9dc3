"""`trackit doctor [--format text|json] [--url URL] [--http|--socket]`: check every part of a deployment.

Prints one line per check (ok, WARN, FAIL, skip) with what was found and, for problems, the fix. Exits 1 when any
check failed, 0 otherwise (warnings do not fail). See `bot.doctor` for what is checked.
"""

from __future__ import annotations

import argparse
from typing import Any

from bot.config import load_settings


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "doctor",
        help="check Slack, AWS, the stores and the deliveries of this deployment",
        description="Check every part of a deployment (Slack token and scopes, channel memberships, signing "
        "secret or app token, AWS credentials and role, each source, the stores, the scheduler, delivery "
        "freshness) and print each result with its fix. Exit code 1 when a check failed.",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--url", default="", help="the running bot's base URL: send it one signed request")
    parser.add_argument("--manifest", default="", help="Slack app manifest to compare scopes with")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--http", dest="mode", action="store_const", const="http", help="check for HTTP mode")
    mode.add_argument("--socket", dest="mode", action="store_const", const="socket", help="check for Socket Mode")
    parser.set_defaults(func=run, mode="")


def run(args: argparse.Namespace) -> int:
    from bot.doctor import DoctorOptions, run_doctor

    report = run_doctor(load_settings(), DoctorOptions(mode=args.mode, url=args.url, manifest=args.manifest))
    print(report.to_json() if args.format == "json" else report.to_text())
    return 0 if report.ok else 1
