"""The Slack edge under load: bursts of signed slash commands against slow answers and a rate-limiting Slack.

The bot runs in its own process (`trackit`'s real app from the composition root, HTTP mode on waitress) over a
DuckDB store made slow on purpose (every query waits `--delay` seconds first, as an overloaded store would);
this process plays Slack: a local fake Web API that answers `--rate-limit-share` of all calls (response URL
posts included) with HTTP 429 and `Retry-After: 1`, and `--bursts` bursts of `--burst` simultaneous signed
commands (each from its own connection, released together by a barrier).

It checks what Slack would see: every command acked (HTTP 200) within 3 seconds, no connection refused or
reset, every answer delivered exactly once to its response URL (429s retried, nothing posted twice), and each
command refused for bad input (`REFUSED_AT_ACK`) refused in its ack with its message and nothing posted later; it
prints ack and end-to-end (request sent -> answer accepted) percentiles with the machine and its load.

    .venv/bin/python bench/slack_load.py                          # 200 commands in bursts of 50, delay 0.5 s
    .venv/bin/python bench/slack_load.py --delay 1.0 --rate-limit-share 0.3
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SECRET = "load-bench-secret"
NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)
ACK_LIMIT = 3.0
COMMANDS = (
    ("/cost", "this month by service"),
    ("/cost", "last month by account"),
    ("/cost", "last 3 months by service, region top 20"),
    ("/cost", "last month daily"),
    ("/tags", "last month"),
    ("/top-resources", "10 last month"),
    ("/top-resources", "0 last month"),
)
#: Commands refused in the ack itself (bad input): the ack must carry this text, and nothing is posted later.
REFUSED_AT_ACK = {("/top-resources", "0 last month"): "0 resources: ask for 1 to 1000."}
#: Store methods that run a query (slowed down); metadata look-ups (periods, accounts, tag keys) stay fast.
SLOW_METHODS = frozenset({"aggregate", "count_groups", "tag_coverage", "iter_line_items"})


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


# ------------------------------------------------------------------------------------------- the bot process


class SlowStore:
    """A billing store whose queries first wait `delay` seconds (x0.5-1.5, seeded): an overloaded store."""

    def __init__(self, inner: Any, delay: float, seed: int = 1) -> None:
        self._inner = inner
        self._delay = delay
        self._rng = random.Random(seed)
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._inner, name)
        if name not in SLOW_METHODS or not callable(attr):
            return attr

        def slow(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                wait = self._delay * (0.5 + self._rng.random())
            time.sleep(wait)
            return attr(*args, **kwargs)

        return slow


def serve(args: argparse.Namespace) -> int:
    """The bot process: print `PORT <n>`, serve until stdin closes."""
    from bot.compose import build_app
    from bot.config import Settings
    from bot.services import Services, VocabularyCache
    from bot.slack.client import make_client
    from bot.slack.http import SlackHttpServer
    from bot.state.db import StateStore
    from bot.store.registry import open_store

    store = open_store(f"duckdb://{args.store}?threads=2")
    slow: Any = SlowStore(store, args.delay)
    state = StateStore(args.state)
    state.migrate()
    settings = Settings(
        data_dir=Path(args.state_dir),
        slack_signing_secret=SECRET,
        slack_bot_token="xoxb-load",
        listener_threads=args.answer_threads,
        ack_threads=args.ack_threads,
    )
    services = Services(settings, slow, state, VocabularyCache(store), clock=lambda: NOW)
    app = build_app(services, client=make_client("xoxb-load", base_url=args.api))
    server = SlackHttpServer(
        app,
        "127.0.0.1",
        0,
        signing_secret=SECRET,
        threads=settings.ack_threads,
        backlog=settings.http_backlog,
    ).start()
    print(f"PORT {server.port}", flush=True)
    sys.stdin.read()  # until the parent closes our stdin
    server.close()
    app.drain()
    return 0


# ------------------------------------------------------------------------------------------------ Slack's side


@dataclass
class Sent:
    hook: str
    command: str
    text: str
    sent_at: float = 0.0
    acked_at: float = 0.0
    status: int = 0
    error: str = ""
    body: bytes = b""

    @property
    def refused(self) -> str | None:
        """The text its ack must start with when the command is refused at ack time, else None."""
        return REFUSED_AT_ACK.get((self.command, self.text))


def build_store(data_dir: Path, rows: int) -> Path:
    from bench.slack_bench import build_data

    return build_data(data_dir, rows, 3)


def run(args: argparse.Namespace) -> int:
    from tests.support.fake_slack import FakeSlack
    from tests.support.slack_signing import post_signed, slash_command_body

    data_dir = args.data_dir or Path(tempfile.gettempdir()) / "trackit-slack-load"
    data_dir.mkdir(parents=True, exist_ok=True)
    store_dir = build_store(data_dir, args.rows)
    state_dir = Path(tempfile.mkdtemp(prefix="trackit-load-state-"))

    rng = random.Random(args.seed)
    faults: Counter[str] = Counter()
    fault_lock = threading.Lock()

    def fault(method: str, _args: Any) -> str | None:
        if method == "auth.test":  # Bolt's start-up identity check
            return None
        with fault_lock:
            if rng.random() < args.rate_limit_share:
                faults[method] += 1
                return "429"
        return None

    fake = FakeSlack().start()
    fake.retry_after = 1
    fake.fault = fault
    bot = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--serve",
            "--store",
            str(store_dir),
            "--state",
            f"sqlite:///{state_dir / 'state.sqlite3'}",
            "--state-dir",
            str(state_dir),
            "--api",
            fake.api_url,
            "--delay",
            str(args.delay),
            "--answer-threads",
            str(args.answer_threads),
            "--ack-threads",
            str(args.ack_threads),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert bot.stdout is not None and bot.stdin is not None
    line = bot.stdout.readline()
    if not line.startswith("PORT "):
        raise SystemExit(f"the bot did not start: {line!r}")
    url = f"http://127.0.0.1:{int(line.split()[1])}/slack/events"

    # Warm up: one command of each shape (the first query compiles plans, fills caches), not measured.
    for i, (command, text) in enumerate(COMMANDS):
        hook = fake.response_url(f"warm{i}")
        post_signed(url, slash_command_body(command, text, response_url=hook), SECRET)
        if (command, text) not in REFUSED_AT_ACK:
            fake.wait_for_response(hook, timeout=120)

    print(
        f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"load before {loadavg()}"
    )
    print(
        f"{args.bursts} bursts of {args.burst} commands, store delay {args.delay}s x0.5-1.5 per query, "
        f"{args.rate_limit_share:.0%} of Slack calls answered 429 Retry-After 1, "
        f"{args.ack_threads} ack threads, {args.answer_threads} answer threads"
    )
    sent: list[Sent] = []
    for b in range(args.bursts):
        burst = [Sent(f"b{b}-{i}", *COMMANDS[(b * args.burst + i) % len(COMMANDS)]) for i in range(args.burst)]
        barrier = threading.Barrier(args.burst)

        def one(s: Sent, barrier: threading.Barrier = barrier) -> None:
            body = slash_command_body(s.command, s.text, response_url=fake.response_url(s.hook), user_id="U0LOAD")
            barrier.wait(30)
            s.sent_at = time.monotonic()
            try:
                reply = post_signed(url, body, SECRET, timeout=30)
                s.status = reply.status
                s.body = reply.body
            except Exception as exc:  # a refused or reset connection is what this bench counts
                s.error = f"{type(exc).__name__}: {exc}"[:200]
            s.acked_at = time.monotonic()

        with ThreadPoolExecutor(args.burst) as pool:
            list(pool.map(one, burst))
        sent.extend(burst)
        time.sleep(args.gap)

    deadline = time.monotonic() + args.answer_timeout
    answered: dict[str, float] = {}
    while time.monotonic() < deadline:
        accepted = [c for c in fake.calls("respond") if c.fault != "429"]
        answered = {}
        for c in accepted:
            answered.setdefault(c.args["hook"], c.at)
        if all(s.hook in answered for s in sent if s.refused is None):
            break
        time.sleep(0.5)
    time.sleep(2)  # anything posted twice would arrive now
    load_after = loadavg()
    bot.stdin.close()
    bot.wait(30)
    fake.close()

    accepted_posts = Counter(c.args["hook"] for c in fake.calls("respond") if c.fault != "429")
    errors = [s for s in sent if s.error]
    not_ok = [s for s in sent if not s.error and s.status != 200]
    acks = [s.acked_at - s.sent_at for s in sent if not s.error]
    late = [a for a in acks if a >= ACK_LIMIT]
    answering = [s for s in sent if s.refused is None]
    refused = [s for s in sent if s.refused is not None and not s.error]
    refused_wrong = [s.hook for s in refused if not s.body.decode("utf-8", "replace").count(s.refused or "")]
    refused_posted = [s.hook for s in refused if accepted_posts[s.hook] > 0]
    refused_acks = [s.acked_at - s.sent_at for s in refused]
    missing = [s.hook for s in answering if accepted_posts[s.hook] == 0]
    twice = [s.hook for s in answering if accepted_posts[s.hook] > 1]
    wrong = [
        s.hook
        for s in sent
        for c in fake.calls("respond")
        if c.args["hook"] == s.hook and c.fault != "429" and "went wrong" in c.body.decode("utf-8", "replace")
    ]
    ends = [answered[s.hook] - s.sent_at for s in answering if s.hook in answered]
    print(
        f"acks: {len(acks) - len(late)}/{len(sent)} within {ACK_LIMIT:.0f} s; p50 {pct(acks, 0.5) * 1000:.0f} ms, "
        f"p95 {pct(acks, 0.95) * 1000:.0f} ms, max {max(acks, default=0) * 1000:.0f} ms"
    )
    print(f"connections refused or reset: {len(errors)}; non-200 acks: {len(not_ok)}")
    print(
        f"refused at ack (bad input): {len(refused) - len(refused_wrong)}/{len(refused)} acks carried the message, "
        f"{len(refused_posted)} posted later; ack p50 {pct(refused_acks, 0.5) * 1000:.0f} ms, "
        f"p95 {pct(refused_acks, 0.95) * 1000:.0f} ms"
    )
    print(
        f"answers: {len(answering) - len(missing)}/{len(answering)} delivered, {len(twice)} delivered twice, "
        f"{len(wrong)} errors; end to end p50 {pct(ends, 0.5):.1f} s, p95 {pct(ends, 0.95):.1f} s, "
        f"max {max(ends, default=0):.1f} s"
    )
    print(f"429s injected: {sum(faults.values())} ({', '.join(f'{k} {v}' for k, v in faults.most_common())})")
    print(f"load after {load_after}")
    for s in errors[:5]:
        print(f"  {s.hook}: {s.error}")
    ok = not late and not errors and not not_ok and not missing and not twice and not wrong
    ok = ok and not refused_wrong and not refused_posted
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bursts", type=int, default=4)
    parser.add_argument("--burst", type=int, default=50, help="simultaneous commands per burst (default 50)")
    parser.add_argument("--gap", type=float, default=2.0, help="seconds between bursts (default 2)")
    parser.add_argument("--delay", type=float, default=0.5, help="seconds each store query waits (default 0.5)")
    parser.add_argument("--rate-limit-share", type=float, default=0.2, help="share of Slack calls answered 429")
    parser.add_argument("--answer-threads", type=int, default=8)
    parser.add_argument("--ack-threads", type=int, default=16)
    parser.add_argument("--rows", type=int, default=200_000, help="line items of the data set (default 200k)")
    parser.add_argument("--data-dir", type=Path, help="keep generated data here (reused on the next run)")
    parser.add_argument("--answer-timeout", type=float, default=600.0)
    parser.add_argument("--seed", type=int, default=7)
    # the bot process
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    parser.add_argument("--state", help=argparse.SUPPRESS)
    parser.add_argument("--state-dir", help=argparse.SUPPRESS)
    parser.add_argument("--api", help=argparse.SUPPRESS)
    args = parser.parse_args()
    return serve(args) if args.serve else run(args)


if __name__ == "__main__":
    sys.exit(main())
