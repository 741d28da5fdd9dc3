"""The bot served for real: a DuckDB store with a small known data set, SQLite app state, the Bolt app from
the composition root on 127.0.0.1, and the fake Slack Web API. Built once per module; grants and recorded
calls are cleared before each test.

Data set (today is 2026-11-27): three accounts (prod, staging, lab), October 2026 final (invoiced) and
November 2026 estimated, three services, two regions, a `team` tag (web, data, or none) and resource ids.
Costs are decimal strings so tests compute expected numbers independently with Decimal.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bot.billing.store import BillingStore
from bot.compose import build_app
from bot.config import Settings
from bot.services import Services, VocabularyCache
from bot.slack.client import make_client
from bot.slack.http import SlackHttpServer
from bot.state.access import clear_grants
from bot.state.db import StateStore
from bot.store.registry import open_store
from tests.store.sources import item, make_source
from tests.support.fake_slack import FakeSlack
from tests.support.slack_signing import Reply, post_signed, slash_command_body

SECRET = "commands-test-secret"
#: How long a test waits for an ack (see `Bot.command`).
ACK_WAIT = 120.0
ADMIN = "U0ADMIN"
TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)

ACCOUNTS = {"111111111111": "prod", "222222222222": "staging", "333333333333": "secret-lab"}
SERVICES = {
    "AmazonEC2": "Amazon Elastic Compute Cloud",
    "AmazonS3": "Amazon Simple Storage Service",
    "AmazonRDS": "Amazon Relational Database Service",
}


def _rows() -> list[dict[str, object]]:
    """Deterministic line items for 2026-10-01 .. 2026-11-26 (the last usage hour is 2026-11-26 18:00)."""
    rows: list[dict[str, object]] = []
    day = date(2026, 10, 1)
    n = 0
    while day <= date(2026, 11, 26):
        for a, account in enumerate(ACCOUNTS):
            for s, (code, name) in enumerate(SERVICES.items()):
                n += 1
                cost = Decimal(10 * (a + 1) + 3 * s) + Decimal(day.day) / 100 + Decimal(n % 7) / 1000
                team = ("web", "data", None)[(a + s + day.day) % 3]
                tags = {"user:team": team} if team else {}
                rows.append(
                    item(
                        day,
                        str(cost),
                        hour=17 if day == date(2026, 11, 26) else 0,
                        sub_account_id=account,
                        sub_account_name=ACCOUNTS[account],
                        service_code=code,
                        service_name=name,
                        region_id="us-east-1" if s != 1 else "eu-west-1",
                        resource_id=f"arn:aws:{code.lower()}:r-{account[:3]}-{s}",
                        invoice_id="INV-2026-10" if day.month == 10 else "",
                        tags=tags,
                    )
                )
        day += timedelta(days=1)
    return rows


ROWS = _rows()


@dataclass
class Bot:
    """The running bot and helpers to talk to it like Slack does."""

    server: SlackHttpServer
    fake: FakeSlack
    services: Services
    store: BillingStore
    state: StateStore

    def command(
        self, command: str, text: str, *, user: str = "U0ALICE", channel: str = "C0GENERAL", response_url: str = ""
    ) -> Reply:
        """POST a signed slash command; returns the HTTP answer (the ack).

        The client waits up to `ACK_WAIT` seconds: these tests check what the ack says, and a loaded shared
        machine can stall any request for seconds. Slack's 3-second ack limit is measured in
        `bench/slack_load.py`, under load and with medians, not asserted here.
        """
        url = response_url or self.fake.response_url()
        body = slash_command_body(command, text, response_url=url, user_id=user, channel_id=channel)
        return post_signed(self.server.url + "/slack/events", body, SECRET, timeout=ACK_WAIT)

    def ask(self, command: str, text: str, *, user: str = "U0ALICE", channel: str = "C0GENERAL") -> dict[str, Any]:
        """A slash command answered later through response_url: returns the JSON posted there."""
        url = self.fake.response_url()
        reply = self.command(command, text, user=user, channel=channel, response_url=url)
        assert reply.status == 200, reply.text
        assert reply.body == b"", f"answered at ack time: {reply.text}"
        answer: dict[str, Any] = self.fake.wait_for_response(url).json
        return answer

    def click(
        self, action_id: str, value: str, *, user: str = "U0ALICE", channel: str = "C0GENERAL", response_url: str = ""
    ) -> Reply:
        """POST a signed block_actions payload for a button click."""
        payload = {
            "type": "block_actions",
            "user": {"id": user, "username": user.lower()},
            "api_app_id": "A0TRACKIT",
            "team": {"id": "T0FAKE"},
            "channel": {"id": channel, "name": "general"},
            "container": {"type": "message", "channel_id": channel, "is_ephemeral": True},
            "trigger_id": "1.2.3",
            "response_url": response_url or self.fake.response_url(),
            "actions": [
                {"type": "button", "action_id": action_id, "block_id": "b", "value": value, "action_ts": "1700000000.1"}
            ],
        }
        from urllib.parse import urlencode

        return post_signed(self.server.url + "/slack/events", urlencode({"payload": json.dumps(payload)}), SECRET)


def expected_sum(rows: Sequence[Mapping[str, object]], **where: object) -> Decimal:
    """Sum of billed_cost of rows matching every `column=value` (callables are predicates on the value)."""
    out = Decimal(0)
    for r in rows:
        if all((v(r.get(k)) if callable(v) else r.get(k) == v) for k, v in where.items()):
            out += Decimal(str(r["billed_cost"]))
    return out


def in_range(start: str, end: str) -> Any:
    """Predicate on charge_period_start: `start <= day < end` (ISO dates)."""
    return lambda v: start <= str(v)[:10] < end


@contextmanager
def running_bot(tmp: Path, rows: Sequence[Mapping[str, object]], store_url: str | None = None) -> Iterator[Bot]:
    """The bot served over a store holding `rows` (one delivery per billing period), until exit: DuckDB in `tmp`,
    or the empty store at `store_url` (its periods are deleted at exit)."""
    store = open_store(store_url or f"duckdb://{tmp / 'billing'}")
    for month in sorted({str(r["billing_period"])[:7] for r in rows}):
        period_rows = [r for r in rows if str(r["billing_period"]).startswith(month)]
        store.replace_period(make_source(tmp, period_rows, delivered_at=datetime(2026, 11, 26, 20, tzinfo=UTC)))
    state = StateStore(f"sqlite:///{tmp / 'state.sqlite3'}")
    state.migrate()
    settings = Settings(
        data_dir=tmp, slack_signing_secret=SECRET, slack_bot_token="xoxb-test", admins=(ADMIN,), listener_threads=4
    )
    services = Services(
        settings=settings, store=store, state=state, vocabulary=VocabularyCache(store), clock=lambda: NOW
    )
    fake = FakeSlack().start()
    app = build_app(services, client=make_client("xoxb-test", base_url=fake.api_url))
    server = SlackHttpServer(app, "127.0.0.1", 0, signing_secret=SECRET).start()
    try:
        yield Bot(server, fake, services, store, state)
    finally:
        server.close()
        fake.close()
        if store_url:
            for period in store.periods():
                store.delete_period(period.billing_period)
        store.close()
        state.dispose()


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    with running_bot(tmp_path_factory.mktemp("bot"), ROWS) as running:
        yield running


@pytest.fixture
def clean_bot(bot: Bot) -> Bot:
    clear_grants(bot.state)
    bot.fake.reset()
    return bot
