"""The composition root: settings -> services -> Bolt app -> commands -> jobs (the scheduler).

The only bot module that imports `commands` and `jobs`; everything else receives what it needs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from slack_sdk import WebClient

from bot.billing.model import Filter
from bot.config import Settings
from bot.errors import ConfigError
from bot.services import Services, VocabularyCache
from bot.slack.blocks import Message
from bot.slack.bolt import BotApp, make_bolt_app
from bot.slack.client import make_client
from bot.store.registry import open_store

if TYPE_CHECKING:
    from bot.scheduler import JobScheduler

log = logging.getLogger("bot.compose")


def build_services(settings: Settings) -> Services:
    """Open the billing store and the app state (migrated to the latest schema)."""
    from bot.state.db import StateStore

    store = open_store(settings.store_url_for())
    state = StateStore(settings.app_database_url)
    state.migrate()
    return Services(settings=settings, store=store, state=state, vocabulary=VocabularyCache(store))


def build_app(services: Services, *, socket_mode: bool = False, client: WebClient | None = None) -> BotApp:
    """The Bolt app with every command registered.

    Acks and answers run on different threads, so an ack never waits behind an answer: with
    `process_before_response=True` Bolt runs the ack listener on the thread that received the request (a waitress
    request thread in HTTP mode, a Socket Mode message worker: `settings.ack_threads` of either) and submits each
    answer (the lazy listener) to its listener executor, a pool of `settings.listener_threads` threads. Each answer
    holds one of those threads for its query, so the pool bounds concurrent queries against the store (DuckDB
    answers one query per core at a time anyway); answers beyond it wait in the executor's queue, acked already.
    HTTP mode verifies Slack's request signatures with the signing secret; Socket Mode needs no secret.
    """
    settings = services.settings
    if not socket_mode and not settings.slack_signing_secret:
        raise ConfigError("HTTP mode needs TRACKIT_SLACK_SIGNING_SECRET (or SLACK_SIGNING_SECRET)")
    if client is None:
        if not settings.slack_bot_token:
            raise ConfigError("TRACKIT_SLACK_BOT_TOKEN (or SLACK_BOT_TOKEN) is not set")
        client = make_client(settings.slack_bot_token, base_url=settings.slack_api_url)
    app = make_bolt_app(
        client,
        signing_secret=None if socket_mode else settings.slack_signing_secret,
        listener_threads=settings.listener_threads,
    )

    import commands

    commands.register_all(app, services)
    return app


def build_scheduler(services: Services, client: WebClient) -> JobScheduler:
    """The job scheduler with every job of `jobs.schedule_all` registered (start it with `.start()`: it runs jobs
    only while this replica holds the scheduler lease)."""
    import jobs
    from bot.scheduler import JobScheduler

    scheduler = JobScheduler(services, client)
    jobs.schedule_all(scheduler, services)
    return scheduler


#: What `trackit preview` writes for one message: a name, the message, and its files (name, bytes).
Rendered = tuple[str, Message, tuple[tuple[str, bytes], ...]]
#: A preview renderer: (services, channel filters, local day, tag key or None) -> rendered messages.
PreviewRenderer = Callable[[Services, str, date, str | None], list[Rendered]]


def preview_renderers() -> dict[str, PreviewRenderer]:
    """What each scheduled job would post, rendered without Slack (`trackit preview`).

    Lives here because the composition root is the only bot module allowed to import `jobs`: the CLI asks
    for this registry instead of importing job modules itself.
    """
    from jobs import anomaly_alerts, daily_summary, digests

    def daily(services: Services, filters_text: str, today: date, _tag: str | None) -> list[Rendered]:
        day = today - timedelta(days=1)
        basis = services.settings.cost_basis
        filters: tuple[Filter, ...] = ()
        if filters_text:
            query = services.parse_filters(filters_text, today=day)
            filters, basis = query.filters, query.basis
        msg = daily_summary.build_daily_summary(services.store, day, filters, basis=basis, filters_text=filters_text)
        return [(f"daily-{day.isoformat()}", msg, ())]

    def weekly(services: Services, filters_text: str, today: date, tag: str | None) -> list[Rendered]:
        return digests.preview(services, "weekly", filters_text, today, tag_key=tag)

    def monthly(services: Services, filters_text: str, today: date, tag: str | None) -> list[Rendered]:
        return digests.preview(services, "monthly", filters_text, today, tag_key=tag)

    def anomalies(services: Services, filters_text: str, _today: date, _tag: str | None) -> list[Rendered]:
        return anomaly_alerts.preview(services, filters_text)

    return {"daily": daily, "weekly": weekly, "monthly": monthly, "anomalies": anomalies}
