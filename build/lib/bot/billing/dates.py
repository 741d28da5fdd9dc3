"""How a day reads for people, in every message, chart and workbook: `Dec 1`, never `Dec 01` (the one owner of
the day format; ISO dates such as `2026-12-01` stay as they are where a machine or a table reads them)."""

from __future__ import annotations

from datetime import date


def day_text(d: date, *, long: bool = False, year: bool = False, weekday: bool = False) -> str:
    """`Dec 1`; `December 1` with `long`; `Dec 1, 2026` with `year`; `Tue Dec 1` with `weekday` (a `datetime`
    reads as its own day: convert it to the reader's zone first)."""
    text = f"{d:%B}" if long else f"{d:%b}"
    text = f"{text} {d.day}"
    if weekday:
        text = f"{d:%a} {text}"
    return f"{text}, {d.year}" if year else text
