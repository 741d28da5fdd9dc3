"""Charts for digests: matplotlib `Figure` (Agg, never pyplot in the server) rendered to PNG bytes.

Each chart function takes plain data (already computed by the job's build step) and returns a `Chart`: the PNG
plus the data it drew, so tests snapshot the data, not pixels. Sizes and fonts are chosen to stay readable in
Slack's inline preview (about 360 px wide on desktop): few series, large labels, values on the bars, "Other" last.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from bot.billing.money import format_money

#: Colour-blind-safe palette (Okabe-Ito), then grey for "Other".
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
OTHER_COLOUR = "#B0B0B0"
_SIZE = (10, 5.2)
_DPI = 110


@dataclass(frozen=True)
class Chart:
    """A rendered chart: `png` bytes, a file-friendly `name`, a `title`, and the `data` it drew."""

    name: str
    title: str
    png: bytes
    data: Mapping[str, object]


def _new_figure() -> Figure:
    fig = Figure(figsize=_SIZE, dpi=_DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def _money_axis(symbol: str) -> FuncFormatter:
    """Axis ticks: whole amounts below 1,000 (`$750`), compact above (`$1.2K`); cents on an axis are noise."""

    def tick(value: float, _pos: int) -> str:
        if abs(value) >= 1000:
            return format_money(value, symbol, compact=True)
        return ("-" if value < 0 else "") + f"{symbol}{abs(value):,.0f}"

    return FuncFormatter(tick)


def _colours(names: Sequence[str]) -> list[str]:
    return [OTHER_COLOUR if n == "Other" else PALETTE[i % len(PALETTE)] for i, n in enumerate(names)]


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
    step = max(1, len(days) // 8)
    ax.set_xticks(x[::step], [d.strftime("%b %d") for d in days[::step]])
    ax.set_title(title, fontsize=15, loc="left")
    ax.yaxis.set_major_formatter(_money_axis(symbol))
    ax.tick_params(labelsize=11)
    ax.legend(fontsize=10, ncols=min(len(names), 4), loc="upper left", frameon=False)
    ax.set_ylim(0, max(bottoms, default=0) * 1.25 or 1)
    ax.spines[["top", "right"]].set_visible(False)
    data = {"days": [d.isoformat() for d in days], "series": {k: [round(v, 2) for v in s] for k, s in series.items()}}
    return Chart("daily-by-service", title, _png(fig), data)


def monthly_by_series(
    title: str, months: Sequence[date], series: Mapping[str, Sequence[float]], *, symbol: str = "$"
) -> Chart:
    """Months side by side, stacked by series, with each month's total above its bar."""
    fig = _new_figure()
    ax = fig.add_subplot()
    labels = [m.strftime("%b %Y") for m in months]
    bottoms = [0.0] * len(months)
    names = list(series)
    for name, colour in zip(names, _colours(names), strict=True):
        values = list(series[name])
        ax.bar(labels, values, bottom=bottoms, color=colour, label=name, width=0.7)
        bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
    for x, total in enumerate(bottoms):
        ax.annotate(format_money(total, symbol, compact=True), (x, total), ha="center", va="bottom", fontsize=11)
    ax.set_title(title, fontsize=15, loc="left")
    ax.yaxis.set_major_formatter(_money_axis(symbol))
    ax.tick_params(labelsize=11)
    ax.legend(fontsize=10, ncols=min(len(names), 4), loc="upper left", frameon=False)
    ax.set_ylim(0, max(bottoms, default=0) * 1.3 or 1)
    ax.spines[["top", "right"]].set_visible(False)
    data = {
        "months": [m.isoformat() for m in months],
        "series": {k: [round(v, 2) for v in s] for k, s in series.items()},
    }
    return Chart("monthly-by-service", title, _png(fig), data)


def ranked_bars(name: str, title: str, items: Sequence[tuple[str, float]], *, symbol: str = "$") -> Chart:
    """Horizontal bars, largest on top (cost by account, by tag value, ...)."""
    fig = _new_figure()
    ax = fig.add_subplot()
    labels = [label for label, _ in items][::-1]
    values = [value for _, value in items][::-1]
    bars = ax.barh(labels, values, color=_colours(labels[::-1])[::-1])
    ax.bar_label(bars, labels=[format_money(v, symbol, compact=True) for v in values], padding=4, fontsize=11)
    ax.set_title(title, fontsize=15, loc="left")
    ax.xaxis.set_major_formatter(_money_axis(symbol))
    ax.tick_params(labelsize=11)
    ax.set_xlim(0, max(values, default=0) * 1.2 or 1)
    ax.spines[["top", "right"]].set_visible(False)
    return Chart(name, title, _png(fig), {"items": [(label, round(v, 2)) for label, v in items]})


def movers(title: str, items: Sequence[tuple[str, float]], *, symbol: str = "$") -> Chart:
    """Month-over-month change per name: increases red to the right, decreases green to the left."""
    fig = _new_figure()
    ax = fig.add_subplot()
    ordered = sorted(items, key=lambda kv: kv[1])
    labels = [label for label, _ in ordered]
    values = [value for _, value in ordered]
    colours = ["#D55E00" if v > 0 else "#009E73" for v in values]
    bars = ax.barh(labels, values, color=colours)
    ax.bar_label(
        bars, labels=[("+" if v > 0 else "") + format_money(v, symbol, compact=True) for v in values], fontsize=11
    )
    ax.axvline(0, color="#444444", linewidth=0.8)
    ax.set_title(title, fontsize=15, loc="left")
    ax.xaxis.set_major_formatter(_money_axis(symbol))
    ax.tick_params(labelsize=11)
    span = max((abs(v) for v in values), default=1) * 1.35 or 1
    ax.set_xlim(-span, span)
    ax.spines[["top", "right"]].set_visible(False)
    return Chart("top-movers", title, _png(fig), {"items": [(label, round(v, 2)) for label, v in ordered]})
