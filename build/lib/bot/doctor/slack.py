"""Slack checks: token and scopes, mode credentials, the running endpoint, channel memberships.

- auth.test proves the bot token (https://docs.slack.dev/reference/methods/auth.test); Slack answers every Web
  API call with the token's granted scopes in the `x-oauth-scopes` header.
- conversations.info tells whether the bot is a member of a channel (`is_member`); it needs channels:read
  (public) or groups:read (private) (https://docs.slack.dev/reference/methods/conversations.info).
- A signing secret cannot be verified offline (only Slack and the running app know whether they agree), so it is
  checked to be set and shaped like one (32 hexadecimal characters); with `--url`, a request signed with it is sent
  to the running app, which accepts it only when it runs with the same secret.
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request
from pathlib import Path

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import SignatureVerifier

from bot.config import Settings
from bot.doctor.checks import Check, fail, guarded, ok, skip, warn
from bot.doctor.manifest import bot_scopes
from bot.errors import ConfigError
from bot.slack.client import make_client
from bot.state.db import StateStore

_SIGNING_SECRET = re.compile(r"^[0-9a-f]{32}$")
_REINSTALL = (
    "Reinstall the app to the workspace (OAuth & Permissions -> Reinstall) and set SLACK_BOT_TOKEN to the new "
    "Bot User OAuth Token (xoxb-...)."
)


def checks(settings: Settings, *, mode: str, manifest: Path | None, url: str, state: StateStore | None) -> list[Check]:
    token = settings.slack_bot_token
    found = guarded("slack.token", "Slack bot token", lambda: _token(settings))
    out = [found]
    client = make_client(token, base_url=settings.slack_api_url, max_retries=1) if found.status == "ok" else None
    out.append(guarded("slack.scopes", "Slack scopes", lambda: _scopes(client, manifest)))
    if mode == "socket":
        out.append(guarded("slack.app_token", "Socket Mode app token", lambda: _app_token(settings)))
    else:
        out.append(guarded("slack.signing_secret", "Signing secret (HTTP mode)", lambda: _secret(settings)))
        if url:
            out.append(guarded("slack.endpoint", f"Running app at {url}", lambda: _endpoint(settings, url)))
    out += _channels(settings, client, state)
    return out


def _token(settings: Settings) -> Check:
    title = "Slack bot token"
    token = settings.slack_bot_token
    if not token:
        return fail(
            "slack.token",
            title,
            "not set",
            "Set SLACK_BOT_TOKEN to the Bot User OAuth Token (xoxb-...) from the app's OAuth & Permissions page.",
        )
    if not token.startswith("xoxb-"):
        kind = "a user token" if token.startswith("xoxp-") else "not a bot token"
        return fail(
            "slack.token",
            title,
            f"SLACK_BOT_TOKEN is {kind} (it starts with {token[:5]!r})",
            "Use the Bot User OAuth Token (xoxb-...), not a user or app-level token.",
        )
    client = make_client(token, base_url=settings.slack_api_url, max_retries=1)
    try:
        who = client.auth_test()
    except SlackApiError as exc:
        return fail("slack.token", title, f"Slack refused the token ({_error(exc)})", _REINSTALL)
    except OSError as exc:
        return fail("slack.token", title, f"cannot reach Slack: {exc}", "Check the network path to slack.com.")
    return ok("slack.token", title, f"valid: @{who.get('user')} in workspace {who.get('team')} ({who.get('team_id')})")


def _scopes(client: WebClient | None, manifest: Path | None) -> Check:
    title = "Slack scopes"
    if client is None:
        return skip("slack.scopes", title, "needs a valid bot token")
    if manifest is None:
        return warn(
            "slack.scopes",
            title,
            "no Slack app manifest found to compare with",
            "Set TRACKIT_SLACK_MANIFEST to the manifest the app was created from.",
        )
    try:
        wanted = bot_scopes(manifest)
    except ConfigError as exc:
        return fail("slack.scopes", title, str(exc), "Restore the manifest from the repository.")
    response = client.auth_test()
    header = next((v for k, v in response.headers.items() if k.lower() == "x-oauth-scopes"), None)
    if header is None:
        return warn(
            "slack.scopes",
            title,
            "Slack did not report the token's scopes",
            "Compare OAuth & Permissions -> Bot Token Scopes with " + str(manifest) + " by hand.",
        )
    granted = {s.strip() for s in str(header).split(",") if s.strip()}
    missing = [s for s in wanted if s not in granted]
    if missing:
        return fail(
            "slack.scopes",
            title,
            f"the token lacks {', '.join(missing)} (asked for by {manifest.name})",
            f"Add {', '.join(missing)} under OAuth & Permissions -> Bot Token Scopes (or update the app from "
            f"{manifest}), then reinstall the app to the workspace.",
        )
    return ok("slack.scopes", title, f"all {len(wanted)} scopes of the manifest granted")


def _app_token(settings: Settings) -> Check:
    title = "Socket Mode app token"
    token = settings.slack_app_token
    if not token:
        return fail(
            "slack.app_token",
            title,
            "not set",
            "Set SLACK_APP_TOKEN to an app-level token with "
            "connections:write (Basic Information -> App-Level Tokens), or run in HTTP mode.",
        )
    if not token.startswith("xapp-"):
        return fail(
            "slack.app_token",
            title,
            f"SLACK_APP_TOKEN does not start with xapp- ({token[:5]!r})",
            "Use the app-level token (xapp-...), not the bot token.",
        )
    try:
        make_client(token, base_url=settings.slack_api_url, max_retries=1).apps_connections_open(app_token=token)
    except SlackApiError as exc:
        return fail(
            "slack.app_token",
            title,
            f"Slack refused the app token ({_error(exc)})",
            "Create a new app-level token with the connections:write scope and enable Socket Mode.",
        )
    return ok("slack.app_token", title, "valid (Socket Mode connections can be opened)")


def _secret(settings: Settings) -> Check:
    title = "Signing secret (HTTP mode)"
    secret = settings.slack_signing_secret
    where = "Basic Information -> App Credentials -> Signing Secret"
    if not secret:
        return fail(
            "slack.signing_secret",
            title,
            "not set: HTTP mode cannot verify Slack's requests",
            f"Set SLACK_SIGNING_SECRET from {where} (or use Socket Mode with an app token).",
        )
    if not _SIGNING_SECRET.match(secret):
        return fail(
            "slack.signing_secret",
            title,
            f"set, but not shaped like a Slack signing secret ({len(secret)} characters; Slack's are 32 hexadecimal)",
            f"Copy the Signing Secret from {where} (not the client secret or the verification token).",
        )
    return ok(
        "slack.signing_secret",
        title,
        "set and well-formed (whether it matches Slack's is only proven by "
        "a signed request: pass --url to send one to the running app)",
    )


def _endpoint(settings: Settings, url: str) -> Check:
    """POST a signed url_verification to the running app: Bolt answers the challenge only if it verified the
    signature with the same secret."""
    title = f"Running app at {url}"
    if not settings.slack_signing_secret:
        return skip("slack.endpoint", title, "needs a signing secret")
    body = json.dumps({"type": "url_verification", "challenge": "trackit-doctor", "token": "x"})
    ts = str(int(time.time()))
    signature = SignatureVerifier(settings.slack_signing_secret).generate_signature(timestamp=ts, body=body)
    request = urllib.request.Request(
        url.rstrip("/") + "/slack/events",
        data=body.encode(),
        method="POST",
        headers={
            "Content-Type": "application/json",
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": str(signature),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            answer = response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        if exc.code == 401:
            return fail(
                "slack.endpoint",
                title,
                "the running app refused a request signed with this signing secret",
                "The app runs with a different SLACK_SIGNING_SECRET: give it and this configuration the one "
                "from Basic Information -> App Credentials, then restart it.",
            )
        return fail("slack.endpoint", title, f"answered HTTP {exc.code}", "Check the bot's logs.")
    except OSError as exc:
        return fail(
            "slack.endpoint",
            title,
            f"nothing answers ({exc})",
            "Start `trackit serve --http` and check the URL, proxy and firewall.",
        )
    if "trackit-doctor" not in answer:
        return fail(
            "slack.endpoint",
            title,
            "answered, but not as a Slack app (no challenge in the reply)",
            "Point the URL at the bot itself (its /slack/events endpoint).",
        )
    return ok("slack.endpoint", title, "accepted a request signed with this signing secret")


def _channels(settings: Settings, client: WebClient | None, state: StateStore | None) -> list[Check]:
    wanted = _posting_channels(settings, state)
    if not wanted:
        return [
            skip(
                "slack.channels",
                "Channel memberships",
                "no channel to post to yet (no subscription, budget, route or ops channel)",
            )
        ]
    if client is None:
        return [skip("slack.channels", "Channel memberships", "needs a valid bot token")]
    return [
        guarded(f"slack.channel.{c}", f"Channel {c}", lambda c=c, why=why: _channel(client, c, why))  # type: ignore[misc]
        for c, why in wanted.items()
    ]


def _posting_channels(settings: Settings, state: StateStore | None) -> dict[str, str]:
    """Every channel the bot posts to, with why (`subscriptions: daily, budgets`)."""
    reasons: dict[str, list[str]] = {}
    if settings.ops_channel:
        reasons.setdefault(settings.ops_channel, []).append("ops channel")
    if state is not None:
        from bot.state.budgets import list_budgets
        from bot.state.routes import list_routes
        from bot.state.subscriptions import list_subscriptions

        for sub in list_subscriptions(state):
            reasons.setdefault(sub.channel_id, []).append(f"{sub.kind} subscription")
        for budget in list_budgets(state):
            reasons.setdefault(budget.channel_id, []).append(f"budget {budget.name}")
        for route in list_routes(state):
            reasons.setdefault(route.channel_id, []).append("owner route")
    return {c: ", ".join(dict.fromkeys(r)) for c, r in reasons.items()}


def _channel(client: WebClient, channel: str, why: str) -> Check:
    cid = f"slack.channel.{channel}"
    try:
        info = client.conversations_info(channel=channel)["channel"]
    except SlackApiError as exc:
        code = _error(exc)
        if code == "missing_scope":
            return fail(
                cid,
                f"Channel {channel}",
                "cannot check membership: the token lacks channels:read / groups:read",
                "Add channels:read and groups:read to the bot scopes and reinstall.",
            )
        return fail(
            cid,
            f"Channel {channel}",
            f"the bot cannot see it ({code}); posts for: {why}",
            "Check the channel id; a private channel must invite the bot before it can even see it "
            "(/invite @trackit there).",
        )
    name = f"#{info.get('name', channel)}"
    title = f"Channel {name} ({channel})"
    if info.get("is_archived"):
        return fail(cid, title, f"archived; posts for: {why}", "Unarchive it, or move the subscriptions elsewhere.")
    if not info.get("is_member"):
        if not info.get("is_private"):
            return warn(
                cid,
                title,
                f"the bot is not a member yet; posts for: {why}",
                f"Nothing to do if the bot has channels:join (it joins {name} before its first post); "
                f"else type /invite @trackit in {name}.",
            )
        return fail(
            cid,
            title,
            f"the bot is not a member of this private channel; posts for: {why}",
            f"In {name}, type /invite @trackit (a private channel cannot be joined, only invited to).",
        )
    return ok(cid, title, f"the bot is a member; posts for: {why}")


def _error(exc: SlackApiError) -> str:
    return str(exc.response.get("error", "") if exc.response is not None else exc) or str(exc)
