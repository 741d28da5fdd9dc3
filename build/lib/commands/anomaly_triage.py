"""The triage buttons of anomaly alerts: Acknowledge, Snooze 1/7/30 days, Expected, Not an anomaly; and those of
period-charge alerts (`bot.slack.period_triage`: Acknowledge, Snooze 7/30 days, Expected, Not an anomaly).

A press is acked at once (Slack wants it within 3 seconds); the lazy half stores the decision with
`triage_anomaly` and rewrites the alert with `chat.update` so the channel sees who did what, when. The
decision feeds the alert job: snoozed and expected episodes stay quiet, and "not an anomaly" makes the
series less sensitive (its alert's sensitivity factor grows, see `bot.slack.triage.relaxed`); for a period
charge, what each press silences is `bot.slack.period_triage`'s. Only someone who may see every cost of the
alert's series or charge's account (their grant plus the channel's, or an admin) may press; every press is
audited.
https://api.slack.com/interactivity/handling#acknowledgment_response
"""

from __future__ import annotations

import logging
import time
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.errors import AccessDenied, NotFound
from bot.services import Services
from bot.slack.asker import asker_for, audit_action_hook
from bot.slack.errors import report_error
from bot.slack.listeners import ActionRequest, responder
from bot.slack.period_triage import PERIOD_CHOICES, alert_slice
from bot.slack.triage import CHOICES, TriageChoice, relaxed, triage_note, with_triage
from bot.state.alerts import get_anomaly_alert, triage_anomaly

log = logging.getLogger("commands.anomaly_triage")

NOT_YOURS = AccessDenied(
    "This alert covers cost beyond the billing data you can see, so you can't triage it; nothing was changed.",
    hint="Ask someone who can see all of it, or a TrackIt admin.",
)


def _message_ts(body: dict[str, Any]) -> str:
    return str((body.get("message") or {}).get("ts") or (body.get("container") or {}).get("message_ts") or "")


def apply_choice(
    services: Services, choice: TriageChoice, request: ActionRequest, body: dict[str, Any], client: WebClient
) -> None:
    """Store the decision for the alert in the button's value, then update the alert message in place.

    Raises NotFound when the alert is unknown, `AccessDenied` when the clicker (with the channel's grant) may not
    see every cost of the alert's series (a period charge's account) and is no admin (the user is told, nothing
    changes).
    """
    key = request.value
    asker = asker_for(services, request.user_id, request.channel_id)
    alert = get_anomaly_alert(services.state, key)
    if alert is None:
        raise NotFound("This alert is no longer known to the bot (its history was cleared); nothing was changed.")
    if not asker.scope.covers_slice(*alert_slice(alert)):
        raise NOT_YOURS
    now = services.clock()
    until = choice.snoozed_until(now)
    sensitivity = relaxed(alert.sensitivity) if choice.relax else None
    triage_anomaly(
        services.state,
        key,
        status=choice.status,
        by=request.user_id,
        snoozed_until=until,
        sensitivity=sensitivity,
        now=now,
    )
    log.info("alert %s %s by %s", key, choice.status, request.user_id)
    note = triage_note(choice, request.user_id, now, until)
    original = (body.get("message") or {}).get("blocks")
    channel = request.channel_id or alert.channel_id
    ts = _message_ts(body) or alert.message_ts or ""
    if not original or not ts:
        return  # nothing to rewrite (e.g. a press from an unfurl): the decision is stored all the same
    text = str((body.get("message") or {}).get("text") or "Cost anomaly")
    client.chat_update(channel=channel, ts=ts, text=text, blocks=with_triage(original, note))


def register(app: App, services: Services) -> None:
    """One Bolt action handler per triage button (ack first, then store and update in a lazy listener)."""

    def ack_now(ack: Ack) -> None:
        ack()

    for choice in (*CHOICES, *PERIOD_CHOICES):
        app.action(choice.action_id)(ack=ack_now, lazy=[_worker(services, choice)])


def _worker(services: Services, choice: TriageChoice) -> Any:
    """The lazy half for one button (a closure per choice: Bolt injects arguments by parameter name only)."""

    audit = audit_action_hook(services)

    def work(body: dict[str, Any], respond: Respond, client: WebClient) -> None:
        started = time.monotonic()
        request = ActionRequest.from_body(body)
        outcome = "ok"
        try:
            apply_choice(services, choice, request, body, client)
        except Exception as exc:  # lazy listeners bypass app.error: route to the same handler
            outcome = "denied" if isinstance(exc, AccessDenied) else "error"
            report_error(exc, responder(body, respond), body)
        finally:
            audit(request, outcome, int((time.monotonic() - started) * 1000))

    work.__name__ = f"triage_{choice.action_id}"
    return work
