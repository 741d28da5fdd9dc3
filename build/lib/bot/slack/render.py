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
from bot.slack.blocks import Block, actions, button, code_sections, context, section, table_lines
from bot.slack.export import AnswerRef

__all__ = [
    "Money",
    "Row",
    "answer_buttons",
    "breakdown_blocks",
    "breakdown_lines",
    "export_action_id",
    "footer",
    "freshness_text",
    "share_action_id",
]

EXPORT_ACTION = "trackit_export_csv"
SHARE_ACTION = "trackit_share"


def timestamp_text(at: datetime | None) -> str:
    """`2026-11-27 09:00 UTC` (`-` for none); a naive datetime is taken as UTC, as app state stores it."""
    if at is None:
        return "-"
    at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    return f"{at:%Y-%m-%d %H:%M} UTC"


def freshness_text(freshness: Freshness) -> str:
    """`data up to 2026-11-26 18:00 UTC, October final, November estimated` (or `no data for this period`); where
    the exports declare their completeness (FOCUS 1.3 recency metadata) and it differs, `data up to ... (complete
    up to 2026-11-26 00:00 UTC, as the export declares)`. A month is final when every source's delivery is."""
    if freshness.data_until is None:
        return "no data for this period"
    until = _aware(freshness.data_until)
    head = f"data up to {until:%Y-%m-%d %H:%M} UTC"
    declared = freshness.complete_until
    if declared is not None and _aware(declared) != until:
        head += f" (complete up to {_aware(declared):%Y-%m-%d %H:%M} UTC, as the export declares)"
    states = []
    for period, final in freshness.month_states():
        month = f"{period:%B}" if period.year == until.year else f"{period:%B %Y}"
        states.append(f"{month} {'final' if final else 'estimated'}")
    return ", ".join([head, *states])


def _aware(at: datetime) -> datetime:
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


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


def share_action_id(command: str) -> str:
    """The action id of a command's Share in channel button."""
    return f"{SHARE_ACTION}_{command.strip('/').replace('-', '_')}"


def answer_buttons(ref: AnswerRef, *, export: bool) -> Block:
    """The buttons under a private answer: Export CSV (with `export`: the answer left rows out) and Share in
    channel.

    Export re-runs the question for the clicker and sends the full list as CSV to the clicker's own DM with the
    bot (never into the channel). Share posts the answer into the channel when the channel's own grant covers
    every row of it (`bot.slack.sharing`). Both buttons carry the question (`AnswerRef`: command, text, day
    answered), not the numbers: a click is answered in the scope at click time, for the same days the answer
    covered. A question too long for a button gets a line saying so instead.
    """
    value = ref.encode()
    if value is None:
        return section("_This question is too long for buttons: ask a shorter one to export or share it._")
    elements = [button("Export CSV", export_action_id(ref.command), value)] if export else []
    elements.append(button("Share in channel", share_action_id(ref.command), value))
    return actions(*elements)


#: Buckets of a time series shown in a message (the newest ones; the chart and the export have every one).
MAX_SERIES_ROWS = 31
_UNITS = {"hour": "hours", "day": "days", "week": "weeks", "month": "months", "quarter": "quarters"}


def plural(count: int, unit: str) -> str:
    """`1 day`, `369 days`."""
    return f"{count:,} {unit if count == 1 else _UNITS.get(unit, unit + 's')}"


def series_lines(
    points: Sequence[tuple[str, float]], unit: str, money: Money, *, shown: int = MAX_SERIES_ROWS
) -> tuple[list[str], str]:
    """A series as table lines: the newest `shown` points (oldest first, as a table reads) then a total line
    over every point; and the note saying what was left out ('' when nothing was).

    `points` are (label, cost) oldest first; `unit` is the bucket's name (`day`, `hour`, `week`, `month`).
    """
    kept = list(points[-shown:]) if shown else []
    left_out = len(points) - len(kept)
    title = unit.capitalize()
    rows: list[tuple[str, str]] = [(title, "Cost"), *((label, money(cost)) for label, cost in kept)]
    rows.append((f"Total ({plural(len(points), unit)})", money(sum(c for _, c in points))))
    note = ""
    if left_out:
        note = (
            f"Showing the last {plural(len(kept), unit)} of {len(points):,}; the {plural(left_out, unit)} "
            f"before {kept[0][0]} are in the chart and in the export."
        )
    return table_lines(rows, right=[1]), note


def cut_note(shown: int, total: int, noun: str, where: str = "the export") -> str:
    """`Showing 25 of 340 resources; the other 315 are in the export.` ('' when nothing was cut)."""
    if total <= shown:
        return ""
    return f"Showing {shown:,} of {total:,} {noun}; the other {total - shown:,} are in {where}."
