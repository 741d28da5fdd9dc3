"""Anomaly alerts in Slack: the triage buttons' action ids and the Block Kit shared by the alert job (which posts
alerts and thread follow-ups) and the interactivity handlers (which rewrite the alert after a button press).

Everything here is pure: values in, `Message` or blocks out. The alert message carries its alert key in every
button's value, so a press needs nothing but the payload and app state.
https://api.slack.com/reference/block-kit/block-elements#button
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.billing.anomaly import Anomaly, AnomalyKind, Outcome, RootCause, Severity
from bot.billing.anomaly_model import DAY
from bot.billing.anomaly_rootcause import TOTAL
from bot.billing.dates import day_text
from bot.billing.model import UNTAGGED, CostBasis
from bot.billing.money import format_change, format_money, format_pct
from bot.slack.anomaly_cause import what_changed_lines
from bot.slack.blocks import (
    Block,
    Message,
    actions,
    button,
    context,
    escape,
    fields,
    header,
    message,
    section,
    truncate,
)

#: block_id of the context line that says who triaged the alert (replaced on every press).
TRIAGE_BLOCK_ID = "anomaly_triage_status"
#: block_id of the buttons.
ACTIONS_BLOCK_ID = "anomaly_triage_actions"


@dataclass(frozen=True)
class TriageChoice:
    """What one button does: the alert status it sets, for how long (snoozes), and how the result reads."""

    action_id: str
    label: str
    status: str
    done: str  # "acknowledged", "snoozed for 7 days" ...
    snooze: timedelta | None = None
    relax: bool = False  # "not an anomaly": make that series less sensitive

    def snoozed_until(self, now: datetime) -> datetime | None:
        return None if self.snooze is None else now + self.snooze


ACKNOWLEDGE = TriageChoice("anomaly_acknowledge", "Acknowledge", "acknowledged", "acknowledged")
SNOOZE_1D = TriageChoice("anomaly_snooze_1d", "Snooze 1 day", "snoozed", "snoozed for 1 day", timedelta(days=1))
SNOOZE_7D = TriageChoice("anomaly_snooze_7d", "Snooze 7 days", "snoozed", "snoozed for 7 days", timedelta(days=7))
SNOOZE_30D = TriageChoice("anomaly_snooze_30d", "Snooze 30 days", "snoozed", "snoozed for 30 days", timedelta(days=30))
EXPECTED = TriageChoice("anomaly_expected", "Expected", "expected", "marked expected (planned activity)")
NOT_ANOMALY = TriageChoice("anomaly_not_anomaly", "Not an anomaly", "not_anomaly", "marked not an anomaly", relax=True)

#: Every triage button, in the order shown.
CHOICES: tuple[TriageChoice, ...] = (ACKNOWLEDGE, SNOOZE_1D, SNOOZE_7D, SNOOZE_30D, EXPECTED, NOT_ANOMALY)
BY_ACTION_ID: dict[str, TriageChoice] = {c.action_id: c for c in CHOICES}

#: Breakdowns that the "What changed" lines stand for when the root cause has them.
CHANGE_DIMENSIONS = ("usage-type", "resource")
#: Root-cause contributors below this share of the excess are left out (after the first of each dimension).
MIN_SHARE_SHOWN = 0.05
#: "Not an anomaly" multiplies the series' sensitivity factor by this (thresholds x factor), up to the cap.
RELAX_FACTOR = 1.5
MAX_SENSITIVITY = 8.0

_SEVERITY_ICON = {
    Severity.LOW: ":large_blue_circle:",
    Severity.MEDIUM: ":large_yellow_circle:",
    Severity.HIGH: ":large_orange_circle:",
    Severity.CRITICAL: ":red_circle:",
}
_KIND_TEXT = {
    AnomalyKind.SPIKE: "spike",
    AnomalyKind.LEVEL_SHIFT: "sustained increase",
    AnomalyKind.DRIFT: "gradual increase",
    AnomalyKind.DROP: "drop",
    AnomalyKind.STOP: "stopped",
    AnomalyKind.NEW: "new spending",
}
_DIMENSION_TEXT = {
    "account": "Account",
    "service": "Service",
    "region": "Region",
    "usage-type": "Usage type",
    "resource": "Resource",
    "operation": "Operation",
}


def relaxed(sensitivity: float) -> float:
    """The sensitivity factor after one more "not an anomaly" (higher = fewer alerts), capped."""
    return min(MAX_SENSITIVITY, max(1.0, sensitivity) * RELAX_FACTOR)


def slice_label(dimension: str, value: str) -> str:
    """How a slice of the bill reads: `Total spend`, `Service Amazon EC2`, `tag team=web`."""
    if dimension == TOTAL:
        return "Total spend"
    if dimension.startswith("tag:"):
        return f"tag {dimension[4:]}={value}"
    return f"{_DIMENSION_TEXT.get(dimension, dimension)} {value}"


def _day(d: datetime) -> str:
    return day_text(d)


def period_text(anomaly: Anomaly) -> str:
    """`Nov 20 – ongoing`, `Nov 20 – Nov 22`, or `Nov 20` for a one-day episode that is over."""
    first = anomaly.start
    if anomaly.end is None:
        return f"{_day(first)} – ongoing (data through {_day(anomaly.last_seen - timedelta(seconds=1))})"
    last = anomaly.end - timedelta(seconds=1)
    return _day(first) if last.date() == first.date() else f"{_day(first)} – {_day(last)}"


@dataclass(frozen=True)
class AlertView:
    """Everything an alert shows, decided by the job: the episode, its root cause, money symbol and basis."""

    anomaly: Anomaly
    cause: RootCause | None
    symbol: str = "$"
    basis: CostBasis = CostBasis.UNBLENDED
    scope: str = ""  # the subscription's filters when the alert is for a filtered channel
    accounts: Mapping[str, str] = field(default_factory=dict)  # account id -> name, for the root cause

    @property
    def title(self) -> str:
        a = self.anomaly
        return f"{_SEVERITY_ICON[a.severity]} Cost anomaly: {slice_label(a.dimension, a.value)}"

    def money(self, amount: float) -> str:
        return format_money(amount, self.symbol)

    def summary(self) -> str:
        """One line: what, how much, when (the text fallback and the thread follow-ups reuse it)."""
        a = self.anomaly
        pct = "" if a.impact_pct is None else f" ({format_pct(a.impact_pct)})"
        return (
            f"{slice_label(a.dimension, a.value)}: {_KIND_TEXT[a.kind]}, {self.money(a.actual)} vs "
            f"{self.money(a.expected)} expected, impact {format_change(a.impact, self.symbol)}{pct}, "
            f"{period_text(a)}"
        )


def _cause_lines(view: AlertView, per_dimension: int = 3) -> list[str]:
    cause = view.cause
    if cause is None:
        return []
    lines: list[str] = []
    # What changed per resource replaces the usage type and resource lines: it names the same contributors and
    # says what happened to each (new, gone, more usage, higher rate).
    replaced = CHANGE_DIMENSIONS if cause.changes else ()
    for dimension, contributors in cause.breakdowns.items():
        # The anomaly's own slice says nothing new; tags are listed once, below.
        if dimension.startswith("tag:") or dimension == view.anomaly.dimension or not contributors:
            continue
        if dimension in replaced:
            continue
        parts = []
        shown = [c for i, c in enumerate(contributors[:per_dimension]) if i == 0 or abs(c.share) >= MIN_SHARE_SHOWN]
        for c in shown:
            name = "(none)" if c.key in ("", UNTAGGED) else c.key
            if dimension == "account" and view.accounts.get(c.key):
                name = f"{view.accounts[c.key]} ({c.key})"
            share = f" ({c.share * 100:.0f}%)" if c.share else ""
            parts.append(f"`{escape(truncate(name, 90))}` {format_change(c.excess, view.symbol)}{share}")
        lines.append(f"*{_DIMENSION_TEXT.get(dimension, dimension)}:* " + ", ".join(parts))
    tags = [
        f"`{escape(dimension[4:])}={escape(c.key)}`"
        for dimension, contributors in cause.breakdowns.items()
        if dimension.startswith("tag:")
        for c in contributors[:1]
        if c.key not in ("", UNTAGGED)
    ]
    lines.extend(what_changed_lines(cause, view.symbol))
    if tags:
        lines.append("*Owner tags:* " + ", ".join(tags))
    return lines


def triage_buttons(alert_key: str) -> Block:
    """The six triage buttons, each carrying the alert key as its value."""
    styles = {ACKNOWLEDGE.action_id: "primary"}
    return actions(
        *(button(c.label, c.action_id, alert_key, style=styles.get(c.action_id)) for c in CHOICES),
        block_id=ACTIONS_BLOCK_ID,
    )


def alert_message(view: AlertView, alert_key: str) -> Message:
    """The alert: header with severity, actual vs expected, impact, severity, period, root cause down to
    resources, and the triage buttons (values = `alert_key`)."""
    a = view.anomaly
    pct = "" if a.impact_pct is None else f" ({format_pct(a.impact_pct)})"
    lasts = "" if a.monthly_if_lasting is None else f"\nif it lasts: {view.money(a.monthly_if_lasting)} a month"
    blocks: list[Block] = [
        header(view.title),
        section(
            f"*{escape(slice_label(a.dimension, a.value))}* shows a *{_KIND_TEXT[a.kind]}*: "
            f"{view.money(a.actual)} spent vs {view.money(a.expected)} expected "
            f"(normal range {view.money(a.expected_low)} – {view.money(a.expected_high)})."
        ),
        *fields(
            [
                f"*Impact*\n{format_change(a.impact, view.symbol)}{pct}{lasts}",
                f"*Severity*\n{a.severity.value}",
                f"*Period*\n{period_text(a)}",
                f"*Basis*\n{view.basis.value} cost",
            ]
        ),
    ]
    lines = _cause_lines(view)
    if lines:
        blocks.append(section("*Where it comes from*\n" + "\n".join(lines)))
    notes = [f"episode `{escape(a.key)}`"]
    if view.scope:
        notes.insert(0, f"scope: {escape(view.scope)}")
    blocks.append(context(*notes))
    blocks.append(triage_buttons(alert_key))
    return message(view.summary(), blocks)


def triage_note(choice: TriageChoice, user_id: str, at: datetime, snoozed_until: datetime | None = None) -> str:
    """`<@U1> acknowledged this on 2026-11-27 12:00 UTC.` (with the snooze end for snoozes)."""
    when = at.strftime("%Y-%m-%d %H:%M UTC")
    until = f" until {snoozed_until.strftime('%Y-%m-%d %H:%M UTC')}" if snoozed_until else ""
    return f":white_check_mark: <@{user_id}> {choice.done} on {when}{until}."


def with_triage(blocks: Sequence[dict[str, Any]], note: str) -> list[Block]:
    """The alert's blocks with the triage line set to `note` (just above the buttons; replaces an older one)."""
    kept = [b for b in blocks if b.get("block_id") != TRIAGE_BLOCK_ID]
    status: Block = {**context(note), "block_id": TRIAGE_BLOCK_ID}
    for i, block in enumerate(kept):
        if block.get("block_id") == ACTIONS_BLOCK_ID:
            return [*kept[:i], status, *kept[i:]]
    return [*kept, status]


# --------------------------------------------------------------------------------------------- follow-ups

FOLLOW_UP_KINDS = ("over", "bigger", "ongoing")


def follow_up_message(kind: str, view: AlertView) -> Message:
    """A thread reply under the alert: the episode is `over` (back to normal only when it returned to the band of
    its baseline; otherwise it is the series' new level, and says so), got `bigger`, or is `ongoing`."""
    a = view.anomaly
    impact = format_change(a.impact, view.symbol)
    if kind == "over" and a.outcome is Outcome.NEW_LEVEL:
        level = "" if a.new_level is None else f" of about {view.money(a.new_level * (DAY / a.step))} a day"
        days = round(a.new_level_after / DAY)
        text = (
            f":straight_ruler: New level: {slice_label(a.dimension, a.value)} has stayed at its new level{level} "
            f"for {days} days, so it is not back to normal: this is now what is expected. "
            f"Episode {period_text(a)}, impact {impact} ({view.money(a.actual)} vs "
            f"{view.money(a.expected)} expected)."
        )
    elif kind == "over":
        text = (
            f":checkered_flag: Over: {slice_label(a.dimension, a.value)} is back to normal. "
            f"Episode {period_text(a)}, total impact {impact} ({view.money(a.actual)} vs "
            f"{view.money(a.expected)} expected)."
        )
    elif kind == "bigger":
        text = (
            f":arrow_double_up: Bigger: the impact is now {impact} "
            f"({view.money(a.actual)} vs {view.money(a.expected)} expected), severity {a.severity.value}."
        )
    elif kind == "ongoing":
        text = (
            f":hourglass_flowing_sand: Still going: {period_text(a)}, impact so far {impact} "
            f"({view.money(a.actual)} vs {view.money(a.expected)} expected)."
        )
    else:
        raise ValueError(f"unknown follow-up kind {kind!r}: use one of {', '.join(FOLLOW_UP_KINDS)}")
    return message(text, [section(text)])
