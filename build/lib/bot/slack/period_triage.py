"""Triage of period-charge alerts (`bot.slack.period_alerts`): their buttons, what a press means, and which later
alerts it silences.

- Acknowledge: seen; nothing else changes.
- Snooze 7 / 30 days: no alert on this charge (any kind, any month) until the snooze ends.
- Expected: the charge at this amount is fine: a later alert of the same kind on the same charge at the same
  amount (`PeriodChange.is_at`) is not posted; another amount still alerts.
- Not an anomaly: the charge's amount varies by nature: changes of its amount no longer alert (it still alerts
  when it goes missing or starts anew).

A mute in one channel silences the charge everywhere, as a muted spend series does. Each posted alert is recorded
in app state as an anomaly alert (`bot.state.alerts`) with dimension `PERIOD_DIMENSION`, value the unscoped alert
key (`PeriodChange.key`) and `last_impact` the alert's amount (`PeriodChange.amount`): the triage handler
(`commands.anomaly_triage`) finds it by the key its buttons carry, and may let only someone who may see the
charge's account press (`alert_slice`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.billing.anomaly_period import PeriodChange, PeriodChangeKind, parse_key
from bot.slack.blocks import Block, actions, button
from bot.slack.triage import ACTIONS_BLOCK_ID, TriageChoice
from bot.state.alerts import AnomalyAlert, list_anomaly_alerts, record_anomaly
from bot.state.db import StateStore

#: The dimension a period alert is recorded under in app state (no spend series has it).
PERIOD_DIMENSION = "period-charge"

PERIOD_ACKNOWLEDGE = TriageChoice("period_acknowledge", "Acknowledge", "acknowledged", "acknowledged")
PERIOD_SNOOZE_7D = TriageChoice(
    "period_snooze_7d", "Snooze 7 days", "snoozed", "snoozed this charge for 7 days", timedelta(days=7)
)
PERIOD_SNOOZE_30D = TriageChoice(
    "period_snooze_30d", "Snooze 30 days", "snoozed", "snoozed this charge for 30 days", timedelta(days=30)
)
PERIOD_EXPECTED = TriageChoice("period_expected", "Expected", "expected", "marked this charge expected at this amount")
PERIOD_NOT_ANOMALY = TriageChoice(
    "period_not_anomaly",
    "Not an anomaly",
    "not_anomaly",
    "marked not an anomaly (changes of this charge's amount no longer alert)",
)

#: Every period-alert button, in the order shown.
PERIOD_CHOICES: tuple[TriageChoice, ...] = (
    PERIOD_ACKNOWLEDGE,
    PERIOD_SNOOZE_7D,
    PERIOD_SNOOZE_30D,
    PERIOD_EXPECTED,
    PERIOD_NOT_ANOMALY,
)

#: An alert key longer than app state keeps (255) is shortened to a digest of it.
_MAX_KEY = 255


def period_buttons(alert_key: str) -> Block:
    """The period alert's triage buttons, each carrying the alert key as its value (the block id is the spend
    alerts' own, so a press rewrites either alike: `bot.slack.triage.with_triage`)."""
    styles = {PERIOD_ACKNOWLEDGE.action_id: "primary"}
    return actions(
        *(button(c.label, c.action_id, alert_key, style=styles.get(c.action_id)) for c in PERIOD_CHOICES),
        block_id=ACTIONS_BLOCK_ID,
    )


def period_alert_key(key: str, channel: str) -> str:
    """The alert's identity in app state for one channel: `key` (the change's key, scoped) and the channel, at
    most 255 characters (a digest of it past that)."""
    full = f"{key}#{channel}"
    if len(full) <= _MAX_KEY:
        return full
    return f"period@{hashlib.sha256(full.encode()).hexdigest()[:32]}#{channel}"


def alert_slice(alert: AnomalyAlert) -> tuple[str, str]:
    """The slice of the bill whoever triages `alert` must see all of: a period charge's account (a fee belongs
    to one account), a spend alert's own series."""
    if alert.dimension != PERIOD_DIMENSION:
        return alert.dimension, alert.value
    parsed = parse_key(alert.value)
    # An unreadable key names no account: a slice no restricted scope covers (only an admin may press).
    return ("account", parsed.account) if parsed else (PERIOD_DIMENSION, alert.value)


def record_period_alert(
    state: StateStore, alert_key: str, change: PeriodChange, channel: str, *, now: datetime
) -> AnomalyAlert:
    """Record the alert about to be posted (nothing changes when it is known: its triage stays)."""
    alert, _ = record_anomaly(
        state,
        key=alert_key,
        dimension=PERIOD_DIMENSION,
        value=change.key,
        start=change.month,
        end=None,
        channel_id=channel,
        impact=change.amount,
        now=now,
        update_existing=False,
    )
    return alert


@dataclass(frozen=True)
class PeriodMutes:
    """What people said about period charges: charges snoozed now, charges whose amount varies by nature, and
    per charge and kind the amounts marked expected."""

    snoozed: frozenset[str] = frozenset()
    varies: frozenset[str] = frozenset()
    expected: Mapping[tuple[str, PeriodChangeKind], tuple[float, ...]] = field(default_factory=dict)

    def silences(self, change: PeriodChange) -> bool:
        """True when people said not to tell `change` (see the module docstring)."""
        charge = change.charge_key
        if charge in self.snoozed:
            return True
        if charge in self.varies and change.kind is PeriodChangeKind.CHANGED:
            return True
        amounts = self.expected.get((charge, change.kind), ())
        return any(change.is_at(amount) for amount in amounts)


def period_mutes(state: StateStore, now: datetime) -> PeriodMutes:
    """The mutes of period charges in app state at `now` (a snooze that ended mutes nothing)."""
    snoozed: set[str] = set()
    varies: set[str] = set()
    expected: dict[tuple[str, PeriodChangeKind], list[float]] = {}
    for status in ("snoozed", "expected", "not_anomaly"):
        for alert in list_anomaly_alerts(state, status=status, limit=10_000):
            parsed = parse_key(alert.value) if alert.dimension == PERIOD_DIMENSION else None
            if parsed is None or not alert.is_muted(now):
                continue
            if status == "snoozed":
                snoozed.add(parsed.charge_key)
            elif status == "not_anomaly":
                varies.add(parsed.charge_key)
            else:
                expected.setdefault((parsed.charge_key, parsed.kind), []).append(alert.last_impact)
    return PeriodMutes(frozenset(snoozed), frozenset(varies), {k: tuple(v) for k, v in expected.items()})
