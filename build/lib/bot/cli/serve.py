"""`trackit serve [--http|--socket]`: run the Slack app (Socket Mode when an app token is set, else HTTP)."""

from __future__ import annotations

import argparse
import logging
import signal
from typing import TYPE_CHECKING, Any

from bot.config import Settings, load_settings

if TYPE_CHECKING:
    from bot.services import Services
    from bot.slack.bolt import BotApp

log = logging.getLogger("bot.cli.serve")


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "serve",
        help="run the Slack app",
        description="Run the Slack app: over Socket Mode (app-level token) or as an HTTP endpoint "
        "(/slack/events and /healthz on TRACKIT_HTTP_HOST:TRACKIT_HTTP_PORT). Default: Socket Mode when "
        "TRACKIT_SLACK_APP_TOKEN is set, HTTP otherwise.",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--http", dest="mode", action="store_const", const="http", help="serve HTTP requests")
    mode.add_argument("--socket", dest="mode", action="store_const", const="socket", help="connect over Socket Mode")
    parser.add_argument("--host", help="HTTP bind address (default: settings http_host)")
    parser.add_argument("--port", type=int, help="HTTP port (default: settings http_port)")
    parser.add_argument("--no-jobs", action="store_true", help="do not run scheduled jobs in this process")
    parser.set_defaults(func=run, mode=None)


def run(args: argparse.Namespace) -> int:
    from bot.compose import build_app, build_scheduler, build_services

    settings = load_settings()
    mode = args.mode or ("socket" if settings.slack_app_token else "http")
    services = build_services(settings)
    app = build_app(services, socket_mode=mode == "socket")
    # `docker stop` sends SIGTERM: stop as on Ctrl-C, so acked answers and running jobs finish first.
    signal.signal(signal.SIGTERM, _interrupt)
    scheduler = None if getattr(args, "no_jobs", False) else build_scheduler(services, app.client)
    if scheduler is not None:
        scheduler.start()  # runs jobs only while this replica holds the scheduler lease
    try:
        _serve(args, mode, settings, services, app)
    except KeyboardInterrupt:
        pass
    finally:
        log.info("stopping: finishing acked answers and running jobs")
        app.drain()
        if scheduler is not None:
            scheduler.shutdown()
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _serve(args: argparse.Namespace, mode: str, settings: Settings, services: Services, app: BotApp) -> None:
    """Serve Slack until Ctrl-C / SIGTERM (KeyboardInterrupt)."""
    if mode == "socket":
        from bot.slack.socket_mode import make_socket_handler

        log.info("connecting over Socket Mode")
        make_socket_handler(app, settings.slack_app_token, concurrency=settings.ack_threads).start()  # type: ignore[no-untyped-call]
        return
    from bot.slack.http import SlackHttpServer

    def health() -> dict[str, object]:
        fresh = services.store.freshness()
        return {"data_until": fresh.data_until, "periods": len(fresh.periods)}

    server = SlackHttpServer(
        app,
        args.host or settings.http_host,
        args.port or settings.http_port,
        health=health,
        signing_secret=settings.slack_signing_secret,
        threads=settings.ack_threads,
        backlog=settings.http_backlog,
    )
    try:
        server.serve_forever()
    finally:
        server.close()
