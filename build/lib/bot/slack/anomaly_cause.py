"""The part of an anomaly alert that says what changed, and the thread reply that says who created it.

Pure: a root cause (`bot.billing.anomaly_rootcause.RootCause`, with its `changes`) in, mrkdwn lines out. The
amounts shown add up to the root cause's excess to the cent: the top contributors are rounded one by one and
"other" is the rest, so a reader who adds the lines finds the headline.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import UTC
from decimal import Decimal

from bot.aws.cloudtrail import Creation
from bot.billing.anomaly_changes import Change, ChangeKind
from bot.billing.anomaly_rootcause import RootCause
from bot.billing.money import format_change, format_money, round_money
from bot.billing.vocabulary import short_service_name
from bot.slack.blocks import Message, escape, message, section, truncate

#: Contributors named in the alert; the others are summed as "other".
TOP_CHANGES = 4
#: After the first, a contributor below this share of the excess is summed as "other" (the alert stays short).
MIN_SHARE_NAMED = 0.05
#: A quantity or rate part below this share of its contributor's change is not worth a mention beside the other.
_PART_SHARE = 0.1


def resource_name(key: str) -> str:
    """How a resource reads: an ARN's resource part (`arn:aws:rds:us-east-1:1:db:prod` -> `db:prod`), an id as is."""
    if key.startswith("arn:"):
        parts = key.split(":", 5)
        if len(parts) == 6 and parts[5]:
            return parts[5]
    return key


def _quantity(q: float) -> str:
    return f"{q:,.0f}" if abs(q) >= 100 else f"{q:,.3g}"


def _rate(r: float, symbol: str) -> str:
    places = 2 if r >= 1 or r <= 0 else min(8, max(2, 2 - math.floor(math.log10(r))))
    return f"{symbol}{r:,.{places}f}"


def contributor_name(change: Change) -> str:
    """`Glue `devEndpoint/etl`` for a resource (short service name first), `` `USE1-DataTransfer-Out-Bytes` (no
    resource)`` for line items without one."""
    if change.dimension == "resource":
        service = f"{escape(short_service_name(change.service))} " if change.service else ""
        return f"{service}`{escape(truncate(resource_name(change.key), 80))}`"
    return f"`{escape(truncate(change.key, 80))}` (no resource)"


def _detail(change: Change, symbol: str) -> str:
    """What moved inside one change: usage from -> to, rate from -> to, a resized resource's cost a day before
    and after, or why there is no split."""
    if change.resize is not None:
        r = change.resize
        return f": {format_money(r.daily_before, symbol)} → {format_money(r.daily_now, symbol)} a day"
    if change.kind in (ChangeKind.NEW, ChangeKind.GONE):
        return f": {escape(change.usage_type)}" if change.dimension == "resource" and change.usage_type else ""
    if change.mixed_units:
        return f": usage in {len(change.units)} units ({escape(', '.join(change.units))}), no rate split"
    if not change.unit:
        return ": no usage amount to split by"
    unit = escape(change.unit)
    usage = f"usage {_quantity(change.used_before)} → {_quantity(change.used_now)} {unit}"
    before, now = change.rate_before, change.rate_now
    rate = "" if before is None or now is None else f"{_rate(before, symbol)} → {_rate(now, symbol)} per {unit}"
    if change.kind is ChangeKind.CHANGED:
        return f": {usage}" if abs(change.unsplit) < abs(change.excess) else ": its pricing unit changed, no rate split"
    big = abs(change.excess) * _PART_SHARE
    parts = []
    if change.kind in (ChangeKind.MORE_USAGE, ChangeKind.LESS_USAGE) or abs(change.quantity) >= big:
        parts.append(usage)
    if rate and (change.kind in (ChangeKind.HIGHER_RATE, ChangeKind.LOWER_RATE) or abs(change.rate) >= big):
        parts.append(rate)
    split = ""
    if abs(change.quantity) >= big and abs(change.rate) >= big:
        split = f" (usage {format_change(change.quantity, symbol)}, rate {format_change(change.rate, symbol)})"
    return (": " + ", ".join(parts) if parts else "") + split


def _pct(amount: Decimal, total: Decimal) -> str:
    if not total:
        return ""
    return f" ({round(amount / total * 100)}%)"  # an int: never "-0%"


def what_changed_lines(cause: RootCause, symbol: str = "$", top: int = TOP_CHANGES) -> list[str]:
    """An alert's "What changed" lines: `change_lines` of its root cause's changes, against the expectation."""
    return change_lines(cause.changes, cause.excess, symbol, top=top)


def change_lines(
    changes: Sequence[Change],
    excess: float,
    symbol: str = "$",
    *,
    against: str = "expected",
    top: int = TOP_CHANGES,
) -> list[str]:
    """`*What changed* (+$X vs <against>):` then one line per top contributor, `kind: name +$a (s%)[: detail]`
    (`resized: EC2 `i-1` m5.xlarge → m5.2xlarge +$a (s%): $b → $c a day` for a resized resource),
    then `other (n more): +$b (s%)`. The amounts add up to `excess` (what `changes` add up to) in cents. Empty
    without changes; the alerts and `/cost why` both say it so.

    Named: up to `top` contributors that moved the change's way, each after the first only with at least
    `MIN_SHARE_NAMED` of the excess."""
    if not changes:
        return []
    total = round_money(excess)
    increase = excess >= 0
    shown = [
        c
        for i, c in enumerate(changes[:top])
        if (c.excess >= 0) == increase and (i == 0 or abs(c.share) >= MIN_SHARE_NAMED)
    ] or list(changes[:1])
    lines = [f"*What changed* ({format_change(total, symbol)} vs {against}):"]
    running = Decimal(0)
    for c in shown:
        amount = round_money(c.excess)
        running += amount
        sizes = f" {escape(c.resize.old_size)} → {escape(c.resize.new_size)}" if c.resize else ""
        lines.append(
            f"• {c.kind.value}: {contributor_name(c)}{sizes} {format_change(amount, symbol)}{_pct(amount, total)}"
            f"{_detail(c, symbol)}"
        )
    rest = len(changes) - len(shown)
    other = total - running
    if rest or other:
        lines.append(f"• other ({rest} more): {format_change(other, symbol)}{_pct(other, total)}")
    return lines


def creations_message(creations: Sequence[Creation], names: dict[str, str] | None = None) -> Message:
    """`creations_text` as a thread reply."""
    text = creations_text(creations, names)
    return message(text, [section(text)])


def creations_text(creations: Sequence[Creation], names: dict[str, str] | None = None) -> str:
    """The thread reply naming who created the alert's new resources (CloudTrail), one line each:
    `Glue `devEndpoint/etl`: created by arn:... at 2018-10-10 14:02 UTC via CreateDevEndpoint`."""
    names = names or {}
    lines = [":mag: *Who created the new resources* (CloudTrail):"]
    for c in creations:
        name = names.get(c.resource) or f"`{escape(truncate(resource_name(c.resource), 80))}`"
        at = c.at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
        lines.append(f"• {name}: created by {escape(c.actor)} at {at} via {escape(c.event_name)}")
    return "\n".join(lines)
