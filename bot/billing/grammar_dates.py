"""Calendar points of the query grammar: absolute dates and periods (`2026-10`, `october`, `oct 3`, `q3`,
`2026-q3`), spans between two of them, and the calendar arithmetic time phrases share (pure: no clock).

Each point is `[start, end)` in whole days with its canonical spelling (`range_label`), which parses back to the
same days. Relative phrases (`last 3 months`) are in `grammar_time`, holidays in `grammar_holidays`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from bot.billing.grammar_tokens import Kind, Token
from bot.billing.periods import add_months, month_start
from bot.errors import UsageError

MIN_YEAR = 2000
MAX_YEAR = 2099

MONTH_NAMES: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTH_NAMES[_name] = _number

_RANGE_EXAMPLES = (
    "`today`, `yesterday`, `last 7 days`, `this month`, `last month`, `last 3 months`, `2026-10`, "
    "`2026-10-01..2026-10-15`"
)

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?q([1-4])$")
_BARE_QUARTER = re.compile(r"^q([1-4])$")
#: A day of the month as people write it beside a month name: `3`, `3rd`, `21st`.
_DAY_NUMBER = re.compile(r"^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$")


def range_error(message: str) -> UsageError:
    return UsageError(message, hint=f"Time ranges look like {_RANGE_EXAMPLES}.")


def check_year(year: int, word: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise range_error(f"`{word}`: the year must be between {MIN_YEAR} and {MAX_YEAR}.")


def week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def quarter_start(d: date) -> date:
    return date(d.year, (d.month - 1) // 3 * 3 + 1, 1)


def unit_start(unit: str, d: date) -> date:
    if unit == "day":
        return d
    if unit == "week":
        return week_start(d)
    if unit == "month":
        return month_start(d)
    if unit == "quarter":
        return quarter_start(d)
    return date(d.year, 1, 1)


def shift_unit(unit: str, d: date, n: int) -> date:
    """The start of the unit `n` units after the one starting at `d` (n may be negative)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    if unit == "quarter":
        return add_months(d, 3 * n)
    return date(d.year + n, 1, 1)


def absolute_span(word: str) -> tuple[date, date, str] | None:
    """`[start, end)` and the canonical spelling of an absolute date word, or None when `word` is not one.

    Accepts `2026`, `2026-10`, `2026-10-05`, `2026-q3`. Raises `UsageError` for a well-formed but impossible
    value (`2026-13`, `2026-02-30`, `1999`).
    """
    w = word.casefold()
    if m := _YEAR.match(w):
        year = int(m[1])
        check_year(year, word)
        return date(year, 1, 1), date(year + 1, 1, 1), f"{year}"
    if m := _MONTH.match(w):
        year, month = int(m[1]), int(m[2])
        check_year(year, word)
        if not 1 <= month <= 12:
            raise range_error(f"`{word}` is not a month: months go from 01 to 12.")
        start = date(year, month, 1)
        return start, add_months(start, 1), f"{start:%Y-%m}"
    if m := _DAY.match(w):
        year = int(m[1])
        check_year(year, word)
        try:
            day = date(year, int(m[2]), int(m[3]))
        except ValueError:
            raise range_error(f"`{word}` is not a date.") from None
        return day, day + timedelta(days=1), f"{day:%Y-%m-%d}"
    if m := _QUARTER.match(w):
        year, quarter = int(m[1]), int(m[2])
        check_year(year, word)
        start = date(year, 3 * quarter - 2, 1)
        return start, add_months(start, 3), f"{year}-q{quarter}"
    return None


def named_month(name: str, year: int | None, today: date) -> tuple[date, date, str]:
    """`october` is the latest October that has started; `october 2026` is that one."""
    month = MONTH_NAMES[name]
    if year is None:
        year = today.year if month <= today.month else today.year - 1
    start = date(year, month, 1)
    return start, add_months(start, 1), f"{start:%Y-%m}"


def bare_quarter(quarter: int, today: date) -> tuple[date, date, str]:
    start = date(today.year, 3 * quarter - 2, 1)
    if start > today:
        start = date(today.year - 1, 3 * quarter - 2, 1)
    return start, add_months(start, 3), f"{start.year}-q{quarter}"


def word_at(tokens: Sequence[Token], i: int) -> str | None:
    """The lower-cased word at `i`, or None past the end or on a non-word token."""
    if i < len(tokens) and tokens[i].kind is Kind.WORD:
        return tokens[i].lower
    return None


def calendar_day(month: int, day: int, year: int | None, today: date, text: str) -> tuple[date, date, str]:
    """One day named by month and day; without a year, the latest such day that is not after today."""
    if year is None:
        year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    try:
        d = date(year, month, day)
    except ValueError:
        raise range_error(f"`{text}` is not a date.") from None
    return d, d + timedelta(days=1), f"{d:%Y-%m-%d}"


def year_at(tokens: Sequence[Token], i: int) -> tuple[int | None, int]:
    """A year at `i` (`2026`) and the tokens it uses (0 when there is none)."""
    w = word_at(tokens, i)
    if w is None or not _YEAR.match(w):
        return None, 0
    check_year(int(w), w)
    return int(w), 1


def point_at(tokens: Sequence[Token], i: int, today: date) -> tuple[date, date, str, int] | None:
    """An absolute point in time at `i` (`2026-10`, `2026-10-05`, `october`, `oct 2026`, `oct 3`, `3rd of
    october 2026`, `q3`): span, spelling, tokens used."""
    w = word_at(tokens, i)
    if w is None:
        return None
    if (day := _DAY_NUMBER.match(w)) is not None:  # `3 oct`, `3rd of october`
        j = i + 2 if word_at(tokens, i + 1) == "of" else i + 1
        month = word_at(tokens, j)
        if month is None or month not in MONTH_NAMES:
            return None
        year, used = year_at(tokens, j + 1)
        text = " ".join(t.text for t in tokens[i : j + 1 + used])
        return (*calendar_day(MONTH_NAMES[month], int(day[1]), year, today, text), j + 1 + used - i)
    if (span := absolute_span(w)) is not None:
        nxt = word_at(tokens, i + 1)
        if _YEAR.match(w) and nxt is not None:  # `2026 q3`, `2026 october`
            if m := _BARE_QUARTER.match(nxt):
                start = date(int(w), 3 * int(m[1]) - 2, 1)
                return start, add_months(start, 3), f"{start.year}-q{m[1]}", 2
            if nxt in MONTH_NAMES:
                return (*named_month(nxt, int(w), today), 2)
        return (*span, 1)
    if w in MONTH_NAMES:
        nxt = word_at(tokens, i + 1)
        if nxt is not None and (day := _DAY_NUMBER.match(nxt)) is not None:  # `oct 3`, `october 3rd 2026`
            year, used = year_at(tokens, i + 2)
            text = " ".join(t.text for t in tokens[i : i + 2 + used])
            return (*calendar_day(MONTH_NAMES[w], int(day[1]), year, today, text), 2 + used)
        year, used = year_at(tokens, i + 1)
        return (*named_month(w, year, today), 1 + used)
    if m := _BARE_QUARTER.match(w):
        year, used = year_at(tokens, i + 1)
        if year is not None:  # `q3 2026`
            start = date(year, 3 * int(m[1]) - 2, 1)
            return start, add_months(start, 3), f"{start.year}-q{m[1]}", 2
        return (*bare_quarter(int(m[1]), today), 1)
    return None


def end_point(
    tokens: Sequence[Token], i: int, first: tuple[date, date, str, int], today: date
) -> tuple[date, date, str, int] | None:
    """The end of a range at `i`: a point, or a bare day number in the start's month (`oct 3 to 9`)."""
    point = point_at(tokens, i, today)
    w = word_at(tokens, i)
    if point is not None or w is None or first[1] - first[0] != timedelta(days=1):
        return point
    day = _DAY_NUMBER.match(w)
    if day is None:
        return None
    start = first[0]
    return (*calendar_day(start.month, int(day[1]), start.year, today, f"{first[2]} to {w}"), 1)


def span_range(first: tuple[date, date, str], last: tuple[date, date, str], text: str) -> tuple[date, date, str]:
    start, end = first[0], last[1]
    if end <= start:
        raise range_error(f"`{text}` ends before it starts: put the earlier date first.")
    first_kind = "month" if _MONTH.match(first[2]) else "day" if _DAY.match(first[2]) else "other"
    last_kind = "month" if _MONTH.match(last[2]) else "day" if _DAY.match(last[2]) else "other"
    if first_kind == last_kind == "month":
        label = f"{first[2]}..{last[2]}"
    else:
        label = f"{start:%Y-%m-%d}..{end - timedelta(days=1):%Y-%m-%d}"
    return start, end, label


def range_label(start: date, end: date) -> str:
    """The canonical spelling of `[start, end)`: `2026`, `2026-q3`, `2026-10`, `2026-08..2026-10`, a day, or
    `A..B` days (each parses back to the same range)."""
    last = end - timedelta(days=1)
    if start.day == 1 and end.day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month
        if months == 12 and start.month == 1:
            return f"{start.year}"
        if months == 3 and start.month % 3 == 1:
            return f"{start.year}-q{start.month // 3 + 1}"
        if months == 1:
            return f"{start:%Y-%m}"
        return f"{start:%Y-%m}..{last:%Y-%m}"
    if start == last:
        return f"{start:%Y-%m-%d}"
    return f"{start:%Y-%m-%d}..{last:%Y-%m-%d}"
