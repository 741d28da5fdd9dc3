"""Pieces every answer shares: the period, the basis, the data's freshness, breakdown tables that fold into
"Other", and the Export CSV button. Money in the billing currency is `bot.billing.money.Money` (the one owner of
rounding and formatting amounts), importable from here too.

Pure functions of their arguments (no clock, no store): command modules compose them in `render()`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.billing.model import CostBasis, Freshness, TimeRange
from bot.billing.money import Money, format_pct
from bot.reports.text import period_text
from bot.slack.blocks import Block, actions, button, code_sections, context, table_lines

__all__ = [
    "Money",
    "Row",
    "breakdown_blocks",
    "breakdown_lines",
    "export_action_id",
    "export_button",
    "footer",
    "freshness_text",
]

EXPORT_ACTION = "trackit_export_csv"


def timestamp_text(at: datetime | None) -> str:
    """`2026-11-27 09:00 UTC` (`-` for none); a naive datetime is taken as UTC, as app state stores it."""
    if at is None:
        return "-"
    at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    return f"{at:%Y-%m-%d %H:%M} UTC"


def freshness_text(freshness: Freshness) -> str:
    """`data up to 2026-11-26 18:00 UTC, October final, November estimated` (or `no data for this period`)."""
    if freshness.data_until is None:
        return "no data for this period"
    until = freshness.data_until
    until = until.replace(tzinfo=UTC) if until.tzinfo is None else until.astimezone(UTC)
    states = []
    for p in freshness.periods:
        month = f"{p.billing_period:%B}" if p.billing_period.year == until.year else f"{p.billing_period:%B %Y}"
        states.append(f"{month} {'final' if p.final else 'estimated'}")
    return ", ".join([f"data up to {until:%Y-%m-%d %H:%M} UTC", *states])


def footer(time_range: TimeRange, basis: CostBasis | str, freshness: Freshness, *extra: str) -> Block:
    """The context line under every answer: period, cost basis, freshness (plus anything `extra`)."""
    basis_text = basis.value if isinstance(basis, CostBasis) else basis
    return context(f"{period_text(time_range)} · {basis_text} cost · {freshness_text(freshness)}", *extra)


@dataclass(frozen=True)
class Row:
    """One line of a breakdown table."""

    label: str
    cost: float
    previous: float | None = None
    #: Cost over the complete days compared with `previous` while the period is in progress (None: `cost`).
    compared: float | None = None

    @property
    def change(self) -> float | None:
        return (
            None if self.previous is None else (self.cost if self.compared is None else self.compared) - self.previous
        )


def breakdown_lines(
    title: str, rows: Sequence[Row], money: Money, *, other: Row | None = None, compare: bool = True
) -> list[str]:
    """A fixed-width table: label, cost, share of the total and (with `compare`) the change; "Other" last."""
    every = [*rows, *([other] if other else [])]
    total = sum(r.cost for r in every)
    header = [title, "Cost", "Share"] + (["Change"] if compare else [])
    table: list[list[str]] = [header]
    for r in every:
        share = format_pct(r.cost / total * 100, signed=False) if total else "n/a"
        line = [r.label, money(r.cost), share]
        if compare:
            line.append(money.change(r.change))
        table.append(line)
    return table_lines(table, right=[1, 2, 3])


def breakdown_blocks(
    title: str, rows: Sequence[Row], money: Money, *, other: Row | None = None, compare: bool = True
) -> list[Block]:
    return code_sections(breakdown_lines(title, rows, money, other=other, compare=compare))


def export_action_id(command: str) -> str:
    """The action id of a command's Export CSV button (one per command: Bolt runs one listener per action)."""
    return f"{EXPORT_ACTION}_{command.strip('/').replace('-', '_')}"


def export_button(command: str, text: str) -> Block:
    """An actions block whose button re-runs `command text` for the clicker and uploads the full list as CSV.

    The button carries the command's text (not the numbers): the click is answered in the clicker's own scope.
    """
    return actions(button("Export CSV", export_action_id(command), text[:1900]))
