"""Charts for digests: matplotlib `Figure` (Agg, never pyplot in the server) rendered to PNG bytes.

Each chart function takes plain data (already computed by the job's build step) and returns a `Chart`: the PNG
plus the data it drew, so tests snapshot the data, not pixels. Sizes and fonts are chosen to stay readable in
Slack's inline preview (about 360 px wide on desktop): few series, large labels, values on the bars, "Other" last.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from bot.billing.dates import day_text
from bot.billing.money import format_money, money_number

#: Colour-blind-safe palette (Okabe-Ito), then grey for "Other".
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
OTHER_COLOUR = "#B0B0B0"

# Slack shows an uploaded image about 360 px wide inline, half the 704 px drawn here (a click opens it full
# size). Font sizes are set for that half scale: 11 pt at 110 dpi is 17 px drawn, about 8.5 px inline, the
# smallest that stays legible; titles and bar values are larger still.
_SIZE = (6.4, 4.0)
_DPI = 110
TITLE_SIZE = 16
LABEL_SIZE = 13  # ticks, bar values
LEGEND_SIZE = 12
#: Most date ticks on an x axis (more collide at preview size).
MAX_X_TICKS = 5
#: Longest category label drawn; longer ones are cut with an ellipsis (the chart data keeps them whole).
MAX_LABEL = 20


@dataclass(frozen=True)
class Chart:
    """A rendered chart: `png` bytes, a file-friendly `name`, a `title`, and the `data` it drew (including
    `money_ticks`, the labels of its money axis as drawn)."""

    name: str
    title: str
    png: bytes
    data: Mapping[str, object]


def _new_figure() -> Figure:
    fig = Figure(figsize=_SIZE, dpi=_DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _png(fig: Figure, money_axis: str) -> tuple[bytes, list[str]]:
    """The PNG, and the labels drawn on its money axis (`x` or `y`, as given to `_style`)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    ax = fig.axes[0]
    axis = ax.yaxis if money_axis == "y" else ax.xaxis
    return buf.getvalue(), [t.get_text() for t in axis.get_ticklabels() if t.get_text()]


def _whole(value: float, symbol: str) -> str:
    """Whole amounts below 1,000 (`€750`), compact above (`€1.2K`): cents on a chart are noise. Rounded by the
    one money rounding (`bot.billing.money`), in the bill's currency symbol."""
    return format_money(value, symbol, compact=True, places=0)


def _money_axis(symbol: str) -> FuncFormatter:
    """Axis ticks in the bill's currency: `€750`, `€1.2K`."""

    def tick(value: float, _pos: int) -> str:
        return _whole(value, symbol)

    return FuncFormatter(tick)


def _colours(names: Sequence[str]) -> list[str]:
    return [OTHER_COLOUR if n == "Other" else PALETTE[i % len(PALETTE)] for i, n in enumerate(names)]


def _short_labels(labels: Sequence[str]) -> list[str]:
    """Labels that fit MAX_LABEL. When one is too long, every `name (id)` label (`prod (111111111111)`) shows
    its name alone (all alike, so the chart reads evenly); what is still too long is cut with an ellipsis."""
    out = list(labels)
    if any(len(label) > MAX_LABEL for label in out):
        out = [m.group(1) if (m := re.fullmatch(r"(.+?) \([^()]*\)", label)) else label for label in out]
    return [label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "\u2026" for label in out]


def _value_label(value: float, symbol: str, *, signed: bool = False) -> str:
    """A bar's value: compact from 1,000 (`$1.2K`), whole amounts below (`$300`), `+` before increases."""
    text = _whole(value, symbol)
    return "+" + text if signed and not text.startswith("-") and value > 0 else text


def _style(fig: Figure, ax: Axes, title: str, *, money_axis: str, symbol: str) -> None:
    """Title, large ticks, a money axis with few ticks (`x` or `y`), no box: what every chart shares."""
    fig.suptitle(title, fontsize=TITLE_SIZE, x=0.02, ha="left", fontweight="bold")
    axis = ax.yaxis if money_axis == "y" else ax.xaxis
    axis.set_major_formatter(_money_axis(symbol))
    axis.set_major_locator(MaxNLocator(nbins=4, min_n_ticks=2))
    ax.tick_params(labelsize=LABEL_SIZE)
    ax.spines[["top", "right"]].set_visible(False)


def _legend(ax: Axes, count: int) -> None:
    """The legend above the plot, under the title (inside the axes it would hide bars)."""
    handles, labels = ax.get_legend_handles_labels()
    ax.legend(
        handles,
        _short_labels(labels),
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        borderaxespad=0.2,
        ncols=min(count, 3),
        fontsize=LEGEND_SIZE,
        frameon=False,
        handlelength=1.0,
        columnspacing=1.0,
        handletextpad=0.4,
    )


def _day_ticks(days: Sequence[date]) -> tuple[list[int], list[str]]:
    """At most MAX_X_TICKS evenly spaced day labels (`Oct 8`), starting with the first day."""
    step = max(1, -(-len(days) // MAX_X_TICKS))
    positions = list(range(0, len(days), step))
    return positions, [day_text(days[i]) for i in positions]


def stacked_daily(
    title: str, days: Sequence[date], series: Mapping[str, Sequence[float]], *, symbol: str = "$"
) -> Chart:
    """Daily spend stacked by series (e.g. top services + Other); `series` values align with `days`."""
    fig = _new_figure()
    ax = fig.add_subplot()
    bottoms = [0.0] * len(days)
    names = list(series)
    x = list(range(len(days)))
    for name, colour in zip(names, _colours(names), strict=True):
        values = list(series[name])
        ax.bar(x, values, bottom=bottoms, color=colour, label=name, width=0.85)
        bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    ax.set_xticks(*_day_ticks(days))
    ax.set_xlim(-0.6, len(days) - 0.4)
    _style(fig, ax, title, money_axis="y", symbol=symbol)
    _legend(ax, len(names))
    ax.set_ylim(0, max(bottoms, default=0) * 1.05 or 1)
    png, ticks = _png(fig, "y")
    data = {
        "days": [d.isoformat() for d in days],
        "series": {k: [money_number(v) for v in s] for k, s in series.items()},
        "money_ticks": ticks,
    }
    return Chart("daily-by-service", title, png, data)


def monthly_by_series(
    title: str, months: Sequence[date], series: Mapping[str, Sequence[float]], *, symbol: str = "$"
) -> Chart:
    """Months side by side, stacked by series, with each month's total above its bar."""
    fig = _new_figure()
    ax = fig.add_subplot()
    # The year only where it changes (and on the first month): six "%b %Y" labels collide at preview size.
    labels = [f"{m:%b}\n{m.year}" if i == 0 or m.month == 1 else f"{m:%b}" for i, m in enumerate(months)]
    bottoms = [0.0] * len(months)
    names = list(series)
    positions = list(
        range(len(months))
    )  # positions, not the labels: month names are no categorical axis for matplotlib
    for name, colour in zip(names, _colours(names), strict=True):
        values = list(series[name])
        ax.bar(positions, values, bottom=bottoms, color=colour, label=name, width=0.7)
        bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    ax.set_xticks(positions, labels)
    for x, total in enumerate(bottoms):
        ax.annotate(
            _value_label(total, symbol),
            (x, total),
            ha="center",
            va="bottom",
            fontsize=LABEL_SIZE,
            xytext=(0, 2),
            textcoords="offset points",
        )
    _style(fig, ax, title, money_axis="y", symbol=symbol)
    _legend(ax, len(names))
    ax.set_ylim(0, max(bottoms, default=0) * 1.15 or 1)
    png, ticks = _png(fig, "y")
    data = {
        "months": [m.isoformat() for m in months],
        "series": {k: [money_number(v) for v in s] for k, s in series.items()},
        "money_ticks": ticks,
    }
    return Chart("monthly-by-service", title, png, data)


def ranked_bars(name: str, title: str, items: Sequence[tuple[str, float]], *, symbol: str = "$") -> Chart:
    """Horizontal bars, largest on top (cost by account, by tag value, ...)."""
    fig = _new_figure()
    ax = fig.add_subplot()
    labels = [label for label, _ in items][::-1]
    values = [value for _, value in items][::-1]
    y = list(range(len(labels)))
    bars = ax.barh(y, values, color=_colours(labels[::-1])[::-1])
    ax.set_yticks(y, _short_labels(labels))
    ax.bar_label(bars, labels=[_value_label(v, symbol) for v in values], padding=4, fontsize=LABEL_SIZE)
    _style(fig, ax, title, money_axis="x", symbol=symbol)
    ax.set_xlim(0, max(values, default=0) * 1.3 or 1)
    png, ticks = _png(fig, "x")
    return Chart(name, title, png, {"items": [(label, money_number(v)) for label, v in items], "money_ticks": ticks})


def movers(title: str, items: Sequence[tuple[str, float]], *, symbol: str = "$") -> Chart:
    """Month-over-month change per name: increases red to the right, decreases green to the left."""
    fig = _new_figure()
    ax = fig.add_subplot()
    ordered = sorted(items, key=lambda kv: kv[1])
    labels = [label for label, _ in ordered]
    values = [value for _, value in ordered]
    colours = ["#D55E00" if v > 0 else "#009E73" for v in values]
    y = list(range(len(labels)))
    bars = ax.barh(y, values, color=colours)
    ax.set_yticks(y, _short_labels(labels))
    ax.bar_label(
        bars,
        labels=[_value_label(v, symbol, signed=True) for v in values],
        padding=3,
        fontsize=LABEL_SIZE,
    )
    ax.axvline(0, color="#444444", linewidth=0.8)
    _style(fig, ax, title, money_axis="x", symbol=symbol)
    # Room on both sides for the value labels, which sit past the end of each bar.
    span = max((abs(v) for v in values), default=1) * 1.6 or 1
    ax.set_xlim(-span, span)
    png, ticks = _png(fig, "x")
    return Chart(
        "top-movers", title, png, {"items": [(label, money_number(v)) for label, v in ordered], "money_ticks": ticks}
    )


def cost_series(title: str, buckets: Sequence[datetime], values: Sequence[float], *, symbol: str = "$") -> Chart:
    """One cost series over time (a line with its area filled: hundreds of days or hours stay readable, where
    bars would merge), for answers whose series is longer than a message holds. `values` align with `buckets`."""
    fig = _new_figure()
    ax = fig.add_subplot()
    x = list(range(len(buckets)))
    ax.plot(x, list(values), color=PALETTE[0], linewidth=1.2)
    ax.fill_between(x, list(values), color=PALETTE[0], alpha=0.15)
    hourly = any(b.hour or b.minute for b in buckets)
    step = max(1, -(-len(buckets) // MAX_X_TICKS))
    positions = list(range(0, len(buckets), step))
    years = len({b.year for b in buckets}) > 1

    def label(b: datetime) -> str:
        return f"{day_text(b)} {b:%H:%M}" if hourly else day_text(b, year=years)

    ax.set_xticks(positions, [label(buckets[i]) for i in positions])
    ax.set_xlim(-0.5, len(buckets) - 0.5)
    _style(fig, ax, title, money_axis="y", symbol=symbol)
    ax.set_ylim(min(0.0, min(values, default=0.0)) * 1.05, max(values, default=0.0) * 1.05 or 1)
    png, ticks = _png(fig, "y")
    data = {
        "buckets": [b.isoformat() for b in buckets],
        "values": [money_number(v) for v in values],
        "money_ticks": ticks,
    }
    return Chart("cost-series", title, png, data)
