"""Anomaly detection benchmark: our engine vs TrackIt's Bollinger rule vs a rolling z-score, on labelled data.

Run: `.venv/bin/python bench/anomaly_eval.py [--quick] [--only daily|hourly|real|generic|billing]` (a few minutes on 2
cores; --quick for a smoke run).

Data:
- generated cost bills (`bench/anomaly_data.py`, daily and hourly), judged as money with the job's defaults;
- the real labelled Microsoft cloud-monitoring series, split once by name into a development half (even
  positions of the `folder/file` names sorted; looked at while building the detector) and a held-out half
  (odd positions; only ever reported); judged with the defaults `trackit anomalies detect` uses for a metric;
- billing scenarios of the sample organisation (`bench/anomaly_replay.py`: a recurring credit, intermittent
  usage, a surge, a small step, a second resource on day 9 of a new usage type, a new reservation, a stop, a
  spike masked inside its service's total, the data start), replayed through the daily job day by day;
- generic metric series (`bench/anomaly_generic.py`: 5-minute 14-day traffic, small counts, hour-of-week
  demand, intermittent jobs, flat integers, CPU percent, daily series young at their event), from a generator
  of their own that the detector was never tuned on; false episodes per clean series reported.

Scoring (event level, the same for every detector):
- every detector's flagged points are grouped into episodes the same way (flags of one series closer than the
  merge gap: 2 days for daily bills, 2 days for hourly bills, 30 points for the real and generic series;
  2 points for daily generic ones); for our engine the flagged points are its episodes' anomalous stretches;
- an event is found when an episode has a flagged point inside its labelled window; an episode that touches no
  labelled window is a false alarm;
- precision = episodes that touch an event / episodes; recall = events found / events; F1 from those;
- early-weighted recall: a found event counts 1 - 0.5 x (delay / window length), so detecting at the start of
  the window scores 1 and at its very end 0.5;
- delay: from the start of the labelled window to the first flagged point inside it (found events only);
- false alarms per 100 series-days: false-alarm episodes / series-days x 100, on clean series (no labels) and
  on all series.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.anomaly_baselines import TrackItRule, trackit_flags, zscore_flags
from bench.anomaly_data import Labelled, generate, load_microsoft
from bench.anomaly_generic import FAMILIES, generate_family
from bot.billing.anomaly import DetectorConfig, Unit, detect, detect_many

Episode = tuple[int, int]  # first and last flagged point (inclusive)


@dataclass
class Tally:
    events: int = 0
    found: int = 0
    early: float = 0.0
    delays: list[float] = field(default_factory=list)
    episodes: int = 0
    true_episodes: int = 0
    false_alarms: int = 0
    clean_false_alarms: int = 0
    series_days: float = 0.0
    clean_series_days: float = 0.0
    clean_series: int = 0
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        return self.true_episodes / self.episodes if self.episodes else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.events if self.events else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def group(flags: np.ndarray, gap: int) -> list[Episode]:
    """Flagged points closer than `gap` points form one episode."""
    idx = np.where(flags)[0]
    out: list[Episode] = []
    for i in idx:
        if out and i - out[-1][1] <= gap:
            out[-1] = (out[-1][0], int(i))
        else:
            out.append((int(i), int(i)))
    return out


def score_series(
    tally: Tally, item: Labelled, episodes: Sequence[Episode], flags: np.ndarray, *, clean: bool, days_per_point: float
) -> None:
    n = len(item.series)
    tally.series_days += n * days_per_point
    if clean:
        tally.clean_series_days += n * days_per_point
        tally.clean_series += 1
    for ev in item.events:
        tally.events += 1
        inside = np.where(flags[ev.start : min(ev.end, n)])[0]
        if len(inside):
            tally.found += 1
            delay = int(inside[0])
            tally.delays.append(delay * days_per_point)
            tally.early += 1 - 0.5 * delay / max(1, ev.end - ev.start)
    for s, e in episodes:
        tally.episodes += 1
        touches = any(np.any(flags[max(s, ev.start) : min(e + 1, ev.end)]) for ev in item.events)
        if touches:
            tally.true_episodes += 1
        else:
            tally.false_alarms += 1
            if clean:
                tally.clean_false_alarms += 1


def run_ours_bills(items: Sequence[Labelled], config: DetectorConfig, gap: int, dpp: float) -> Tally:
    tally = Tally()
    t0 = time.perf_counter()
    by_bill: dict[str, list[Labelled]] = {}
    for it in items:
        by_bill.setdefault(it.bill, []).append(it)
    for bill_items in by_bill.values():
        series = {it.series.key: it.series for it in bill_items}
        found = detect_many(series, config)
        for it in bill_items:
            s = it.series
            flags = np.zeros(len(s), dtype=bool)
            eps: list[Episode] = []
            for a in (a for a in found if (a.dimension, a.value) == s.key):
                first, last = s.index_of(a.start), s.index_of(a.last_seen) - 1
                eps.append((first, last))
                flags[first : last + 1] = True
            score_series(
                tally, it, sorted(eps), flags, clean=not it.events and it.bill.startswith("clean"), days_per_point=dpp
            )
    tally.seconds = time.perf_counter() - t0
    return tally


def run_trackit_bills(items: Sequence[Labelled], gap: int, dpp: float, spd: int) -> Tally:
    """TrackIt works on daily costs: hourly series are summed per day and a flagged day flags its hours."""
    tally = Tally()
    t0 = time.perf_counter()
    by_bill: dict[str, list[Labelled]] = {}
    for it in items:
        by_bill.setdefault(it.bill, []).append(it)
    for bill_items in by_bill.values():
        daily = [np.asarray(it.series.values).reshape(-1, spd).sum(axis=1) for it in bill_items]
        flags_daily, _ = trackit_flags(daily)
        for it, f in zip(bill_items, flags_daily, strict=True):
            flags = np.repeat(f, spd)
            score_series(
                tally,
                it,
                group(flags, gap),
                flags,
                clean=not it.events and it.bill.startswith("clean"),
                days_per_point=dpp,
            )
    tally.seconds = time.perf_counter() - t0
    return tally


def run_pointwise(
    items: Sequence[Labelled], fn: Callable[[np.ndarray], np.ndarray], gap: int, dpp: float, clean_names: set[str]
) -> Tally:
    tally = Tally()
    t0 = time.perf_counter()
    for it in items:
        flags = fn(np.asarray(it.series.values, dtype=np.float64))
        score_series(tally, it, group(flags, gap), flags, clean=it.name in clean_names, days_per_point=dpp)
    tally.seconds = time.perf_counter() - t0
    return tally


def print_table(title: str, rows: Sequence[tuple[str, Tally]], unit: str) -> None:
    print(f"\n{title}")
    head = (
        f"{'detector':<22}{'events':>7}{'found':>7}{'episodes':>9}{'prec':>7}{'recall':>8}{'F1':>7}"
        f"{'early-R':>8}{'delay ' + unit:>12}{'FA/100sd':>10}{'clean FA/100sd':>16}{'secs':>7}"
    )
    print(head)
    print("-" * len(head))
    for name, t in rows:
        delay = f"{np.median(t.delays):.1f}" if t.delays else "-"
        fa = 100 * t.false_alarms / t.series_days if t.series_days else 0.0
        cfa = f"{100 * t.clean_false_alarms / t.clean_series_days:.3f}" if t.clean_series_days else "-"
        early = t.early / t.events if t.events else 1.0
        print(
            f"{name:<22}{t.events:>7}{t.found:>7}{t.episodes:>9}{t.precision:>7.3f}{t.recall:>8.3f}{t.f1:>7.3f}"
            f"{early:>8.3f}{delay:>12}{fa:>10.3f}{cfa:>16}{t.seconds:>7.1f}"
        )


#: Generator seeds. The detector's defaults were tuned by looking at the TUNING seeds' results (false alarms and
#: misses, one by one); the EVALUATION seeds are reported and were never used to choose anything.
SEEDS = {
    "tuning": {"daily": 7, "hourly": 11},
    "evaluation": {"daily": 1701, "hourly": 1711},
}


def generated(hourly: bool, quick: bool, seeds: str = "evaluation") -> list[tuple[str, Tally]]:
    if hourly:
        seed = SEEDS[seeds]["hourly"]
        items = generate(seed=seed, bills=6 if quick else 20, clean_bills=6 if quick else 20, days=90, hourly=True)
        spd, gap = 24, 48
    else:
        seed = SEEDS[seeds]["daily"]
        items = generate(seed=seed, bills=10 if quick else 60, clean_bills=10 if quick else 60, days=180)
        spd, gap = 1, 2
    dpp = 1 / spd
    clean = {it.name for it in items if not it.events and it.bill.startswith("clean")}
    config = DetectorConfig()
    return [
        ("ours", run_ours_bills(items, config, gap, dpp)),
        ("trackit-bollinger", run_trackit_bills(items, gap, dpp, spd)),
        ("rolling-zscore", run_pointwise(items, lambda x: zscore_flags(x, 14 * spd, 3.0), gap, dpp, clean)),
    ]


def _our_flags(item: Labelled, config: DetectorConfig) -> np.ndarray:
    """Points inside our episodes (start .. last anomalous point), to be grouped like every detector's."""
    s = item.series
    flags = np.zeros(len(s), dtype=bool)
    for a in detect(s, config):
        flags[s.index_of(a.start) : s.index_of(a.last_seen)] = True
    return flags


def single_series(items: Sequence[Labelled], gap: int, config: DetectorConfig | None = None) -> list[tuple[str, Tally]]:
    """Ours (with the settings `trackit anomalies detect` uses for a metric, unless `config`), TrackIt's rule
    and a rolling z-score on independent series; every detector's flags grouped into episodes the same way.

    Not money: no absolute floor for anyone; TrackIt's rule keeps its band, its 5%-of-bill (the series itself)
    and top-5 (trivially true) filters but not its $20 floor."""
    config = config or DetectorConfig.for_unit(Unit.METRIC)
    clean = {it.name for it in items if not it.events}
    rule = TrackItRule(min_cost=0.0)
    detectors: list[tuple[str, Callable[[Labelled], np.ndarray]]] = [
        ("ours", lambda it: _our_flags(it, config)),
        ("trackit-bollinger", lambda it: trackit_flags([np.asarray(it.series.values, dtype=np.float64)], rule)[0][0]),
        (
            "rolling-zscore",
            lambda it: zscore_flags(np.asarray(it.series.values, dtype=np.float64), min(it.series.steps_per_day, 168)),
        ),
    ]
    rows: list[tuple[str, Tally]] = []
    for name, fn in detectors:
        tally = Tally()
        t0 = time.perf_counter()
        for it in items:
            flags = fn(it)
            dpp = it.series.step / timedelta(days=1)
            score_series(tally, it, group(flags, gap), flags, clean=it.name in clean, days_per_point=dpp)
        tally.seconds = time.perf_counter() - t0
        rows.append((name, tally))
    return rows


def microsoft_halves(quick: bool) -> dict[str, list[Labelled]]:
    """The Microsoft series split once, by name: sorted by `folder/file`, even positions are the development
    half (looked at while building the detector), odd positions the held-out half (only ever reported)."""
    items = sorted(load_microsoft(max_points=3000 if quick else None), key=lambda it: it.name)
    return {"development": items[0::2], "held-out": items[1::2]}


def real(quick: bool) -> dict[str, list[tuple[str, Tally]]]:
    return {half: single_series(items, gap=30) for half, items in microsoft_halves(quick).items()}


def generic(quick: bool) -> dict[str, list[tuple[str, Tally]]]:
    out: dict[str, list[tuple[str, Tally]]] = {}
    per_family = 4 if quick else 20
    for k, family in enumerate(FAMILIES):
        items = generate_family(family, seed=4200 + k, clean=per_family, anomalous=per_family)
        daily = items[0].series.step >= timedelta(days=1)
        out[family] = single_series(items, gap=2 if daily else 30)
    return out


def print_generic(rows_by_family: dict[str, list[tuple[str, Tally]]]) -> None:
    print(
        "\nGeneric metric series (bench/anomaly_generic.py, never tuned on): event F1, false episodes per clean series"
    )
    names = [name for name, _ in next(iter(rows_by_family.values()))]
    head = f"{'family':<16}{'events':>7}" + "".join(f"{n + ' F1':>22}{'FA/clean':>10}" for n in names)
    print(head)
    print("-" * len(head))
    for family, rows in rows_by_family.items():
        cells = "".join(f"{t.f1:>22.3f}{t.clean_false_alarms / max(1, t.clean_series):>10.2f}" for _, t in rows)
        print(f"{family:<16}{rows[0][1].events:>7}{cells}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small smoke run")
    parser.add_argument("--only", choices=("daily", "hourly", "real", "generic", "billing"), help="run one part")
    parser.add_argument(
        "--seeds",
        choices=tuple(SEEDS),
        default="evaluation",
        help="generator seeds: 'evaluation' (reported, never tuned on) or 'tuning' (defaults tuned on them)",
    )
    args = parser.parse_args(argv)
    cpus = os.cpu_count()
    print(f"machine: {platform.machine()} {platform.processor() or ''} {cpus} cpus, Python {platform.python_version()}")
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    used = SEEDS[args.seeds]
    print(
        f"generated bills: {args.seeds} seeds (daily {used['daily']}, hourly {used['hourly']}); detector defaults "
        f"were tuned on the tuning seeds (daily {SEEDS['tuning']['daily']}, hourly {SEEDS['tuning']['hourly']})"
    )
    started = time.perf_counter()
    if args.only in (None, "daily"):
        print_table(
            "Generated daily bills (180 days; clean bills for the false-alarm test)",
            generated(False, args.quick, args.seeds),
            "d",
        )
    if args.only in (None, "hourly"):
        print_table("Generated hourly bills (90 days)", generated(True, args.quick, args.seeds), "d")
    if args.only in (None, "real"):
        for half, rows in real(args.quick).items():
            print_table(f"Microsoft Cloud Monitoring labelled series (real), {half} half", rows, "d")
    if args.only in (None, "generic"):
        print_generic(generic(args.quick))
    if args.only in (None, "billing"):
        # The sample organisation's injected events, replayed day by day through the daily job (anomaly_replay).
        from bench.anomaly_replay import main as replay_main

        replay_main(["--months", "4" if args.quick else "12", "--rows-per-month", "50000"])
    print(
        "\nFA/100sd: false alarms per 100 series-days (x10 for per 1,000); clean: on bills with no anomaly at all."
        f"\nload average at end: {os.getloadavg()[0]:.2f}; total bench time: {time.perf_counter() - started:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
