"""`trackit doctor`: every part of a deployment checked, each result with what was found and how to fix it.

    report = run_doctor(settings, DoctorOptions(url="https://bot.example.com"))
    report.ok            # False when any check failed (warnings do not fail)

The checks, in order (`bot.doctor.slack`, `bot.doctor.aws`, `bot.doctor.stores`):

- Slack: the bot token works (auth.test) and holds every scope the app manifest asks for (Slack reports the
  granted ones in the `x-oauth-scopes` header); the signing secret is set and well-formed for HTTP mode, the app
  token works for Socket Mode; optionally a request signed with the secret is accepted by the running app; the
  bot is a member of every channel it posts to (subscriptions, budgets, routes, the ops channel).
- AWS: whose credentials the bot has (sts:GetCallerIdentity); the role can be assumed with the external id; each
  S3 source can be listed and holds deliveries, and how old the newest is.
- Stores and jobs: the billing store opens and answers; app state is migrated to this code's head revision;
  which replica holds the scheduler lease; each source's last delivery judged against its learned rhythm.

Nothing here changes anything: every call is a read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.config import Settings
from bot.doctor.checks import Check, Report, Status
from bot.doctor.manifest import find_manifest

__all__ = ["Check", "DoctorOptions", "Report", "Status", "run_doctor"]


@dataclass(frozen=True)
class DoctorOptions:
    """`mode`: "http" or "socket" (default: as `trackit serve` decides: Socket Mode when an app token is set).
    `url`: the running bot's public base URL, to send it one signed request (HTTP mode only)."""

    mode: str = ""
    url: str = ""
    manifest: str = ""
    now: datetime = field(default_factory=lambda: datetime.now(UTC))


def run_doctor(settings: Settings, options: DoctorOptions | None = None) -> Report:
    """Run every check (see the module docstring); never raises for what it checks."""
    from bot.doctor import aws, slack, stores

    options = options or DoctorOptions()
    mode = options.mode or ("socket" if settings.slack_app_token else "http")
    manifest = find_manifest(options.manifest or settings.slack_manifest)
    state, state_check = stores.open_state(settings)
    try:
        checks = slack.checks(settings, mode=mode, manifest=manifest, url=options.url, state=state)
        sources = aws.checks(settings, now=options.now)
        checks += sources.checks
        checks.append(state_check)
        checks += stores.checks(settings, state=state, listed=sources.newest_delivery, now=options.now)
    finally:
        if state is not None:
            state.dispose()
    return Report(tuple(checks))
