"""Time-range phrases of the query grammar, resolved against a given `today` (pure: no clock).

Every phrase yields a half-open `TimeRange` of whole UTC days whose `label` is the phrase's canonical spelling,
which parses back to the same range (`mtd` -> `this month`, `october` -> `2026-10`, `A to B` -> `A..B`).

Relative phrases name complete units: `last 7 days` is the seven days before today (today is partial and
excluded), `last 3 months` the three calendar months before this one. `this week|month|quarter|year` are the
whole calendar periods containing today (the store simply has no data after today yet).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.billing.grammar_tokens import Kind, Token, tokenize
from bot.billing.model import TimeRange
from bot.billing.periods import add_months, month_start
from bot.errors import UsageError

MIN_YEAR = 2000
MAX_YEAR = 2099
#: Largest N accepted in `last N <unit>`.
MAX_UNITS = {"day": 3660, "week": 520, "month": 120, "quarter": 40, "year": 10}

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

_UNITS = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "quarter": "quarter",
    "quarters": "quarter",
    "year": "year",
    "years": "year",
}

#: Numbers people spell out in `last two weeks`, `past couple of months`.
NUMBER_WORDS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "couple": 2,
}
#: Single words that are a whole time phrase (`month-to-date` is `mtd`).
TIME_WORDS = ("today", "yesterday", "mtd", "ytd", "qtd", "wtd")
_TO_DATE = {f"{unit}-to-date": unit for unit in ("week", "month", "quarter", "year")}
#: Words that start a multi-word time phrase; `current` reads as `this`, `prior` and `trailing` as `last`.
TIME_STARTERS = ("last", "past", "previous", "prior", "trailing", "this", "current", "since", "from", "between")
_THIS = ("this", "current")
_LAST = ("last", "past", "previous", "prior", "trailing")

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
_SPAN = re.compile(r"^(.+?)\.\.(.+)$")
#: `30d`, `2w`, `3mo`: the count and unit of `last 30d`.
_COMPACT = re.compile(r"^(\d+)(d|w|mo)$")
_COMPACT_UNITS = {"d": "day", "w": "week", "mo": "month"}


def _range_error(message: str) -> UsageError:
    return UsageError(message, hint=f"Time ranges look like {_RANGE_EXAMPLES}.")


def _check_year(year: int, word: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _range_error(f"`{word}`: the year must be between {MIN_YEAR} and {MAX_YEAR}.")


def _week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _quarter_start(d: date) -> date:
    return date(d.year, (d.month - 1) // 3 * 3 + 1, 1)


def _unit_start(unit: str, d: date) -> date:
    if unit == "day":
        return d
    if unit == "week":
        return _week_start(d)
    if unit == "month":
        return month_start(d)
    if unit == "quarter":
        return _quarter_start(d)
    return date(d.year, 1, 1)


def _shift(unit: str, d: date, n: int) -> date:
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
        _check_year(year, word)
        return date(year, 1, 1), date(year + 1, 1, 1), f"{year}"
    if m := _MONTH.match(w):
        year, month = int(m[1]), int(m[2])
        _check_year(year, word)
        if not 1 <= month <= 12:
            raise _range_error(f"`{word}` is not a month: months go from 01 to 12.")
        start = date(year, month, 1)
        return start, add_months(start, 1), f"{start:%Y-%m}"
    if m := _DAY.match(w):
        year = int(m[1])
        _check_year(year, word)
        try:
            day = date(year, int(m[2]), int(m[3]))
        except ValueError:
            raise _range_error(f"`{word}` is not a date.") from None
        return day, day + timedelta(days=1), f"{day:%Y-%m-%d}"
    if m := _QUARTER.match(w):
        year, quarter = int(m[1]), int(m[2])
        _check_year(year, word)
        start = date(year, 3 * quarter - 2, 1)
        return start, add_months(start, 3), f"{year}-q{quarter}"
    return None


def _named_month(name: str, year: int | None, today: date) -> tuple[date, date, str]:
    """`october` is the latest October that has started; `october 2026` is that one."""
    month = MONTH_NAMES[name]
    if year is None:
        year = today.year if month <= today.month else today.year - 1
    start = date(year, month, 1)
    return start, add_months(start, 1), f"{start:%Y-%m}"


def _bare_quarter(quarter: int, today: date) -> tuple[date, date, str]:
    start = date(today.year, 3 * quarter - 2, 1)
    if start > today:
        start = date(today.year - 1, 3 * quarter - 2, 1)
    return start, add_months(start, 3), f"{start.year}-q{quarter}"


def _word(tokens: Sequence[Token], i: int) -> str | None:
    """The lower-cased word at `i`, or None past the end or on a non-word token."""
    if i < len(tokens) and tokens[i].kind is Kind.WORD:
        return tokens[i].lower
    return None


def _calendar_day(month: int, day: int, year: int | None, today: date, text: str) -> tuple[date, date, str]:
    """One day named by month and day; without a year, the latest such day that is not after today."""
    if year is None:
        year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    try:
        d = date(year, month, day)
    except ValueError:
        raise _range_error(f"`{text}` is not a date.") from None
    return d, d + timedelta(days=1), f"{d:%Y-%m-%d}"


def _year_at(tokens: Sequence[Token], i: int) -> tuple[int | None, int]:
    """A year at `i` (`2026`) and the tokens it uses (0 when there is none)."""
    w = _word(tokens, i)
    if w is None or not _YEAR.match(w):
        return None, 0
    _check_year(int(w), w)
    return int(w), 1


def _point(tokens: Sequence[Token], i: int, today: date) -> tuple[date, date, str, int] | None:
    """An absolute point in time at `i` (`2026-10`, `2026-10-05`, `october`, `oct 2026`, `oct 3`, `3rd of
    october 2026`, `q3`): span, spelling, tokens used."""
    w = _word(tokens, i)
    if w is None:
        return None
    if (day := _DAY_NUMBER.match(w)) is not None:  # `3 oct`, `3rd of october`
        j = i + 2 if _word(tokens, i + 1) == "of" else i + 1
        month = _word(tokens, j)
        if month is None or month not in MONTH_NAMES:
            return None
        year, used = _year_at(tokens, j + 1)
        text = " ".join(t.text for t in tokens[i : j + 1 + used])
        return (*_calendar_day(MONTH_NAMES[month], int(day[1]), year, today, text), j + 1 + used - i)
    if (span := absolute_span(w)) is not None:
        nxt = _word(tokens, i + 1)
        if _YEAR.match(w) and nxt is not None:  # `2026 q3`, `2026 october`
            if m := _BARE_QUARTER.match(nxt):
                start = date(int(w), 3 * int(m[1]) - 2, 1)
                return start, add_months(start, 3), f"{start.year}-q{m[1]}", 2
            if nxt in MONTH_NAMES:
                return (*_named_month(nxt, int(w), today), 2)
        return (*span, 1)
    if w in MONTH_NAMES:
        nxt = _word(tokens, i + 1)
        if nxt is not None and (day := _DAY_NUMBER.match(nxt)) is not None:  # `oct 3`, `october 3rd 2026`
            year, used = _year_at(tokens, i + 2)
            text = " ".join(t.text for t in tokens[i : i + 2 + used])
            return (*_calendar_day(MONTH_NAMES[w], int(day[1]), year, today, text), 2 + used)
        year, used = _year_at(tokens, i + 1)
        return (*_named_month(w, year, today), 1 + used)
    if m := _BARE_QUARTER.match(w):
        year, used = _year_at(tokens, i + 1)
        if year is not None:  # `q3 2026`
            start = date(year, 3 * int(m[1]) - 2, 1)
            return start, add_months(start, 3), f"{start.year}-q{m[1]}", 2
        return (*_bare_quarter(int(m[1]), today), 1)
    return None


def _end_point(
    tokens: Sequence[Token], i: int, first: tuple[date, date, str, int], today: date
) -> tuple[date, date, str, int] | None:
    """The end of a range at `i`: a point, or a bare day number in the start's month (`oct 3 to 9`)."""
    point = _point(tokens, i, today)
    w = _word(tokens, i)
    if point is not None or w is None or first[1] - first[0] != timedelta(days=1):
        return point
    day = _DAY_NUMBER.match(w)
    if day is None:
        return None
    start = first[0]
    return (*_calendar_day(start.month, int(day[1]), start.year, today, f"{first[2]} to {w}"), 1)


def _span_range(first: tuple[date, date, str], last: tuple[date, date, str], text: str) -> tuple[date, date, str]:
    start, end = first[0], last[1]
    if end <= start:
        raise _range_error(f"`{text}` ends before it starts: put the earlier date first.")
    first_kind = "month" if _MONTH.match(first[2]) else "day" if _DAY.match(first[2]) else "other"
    last_kind = "month" if _MONTH.match(last[2]) else "day" if _DAY.match(last[2]) else "other"
    if first_kind == last_kind == "month":
        label = f"{first[2]}..{last[2]}"
    else:
        label = f"{start:%Y-%m-%d}..{end - timedelta(days=1):%Y-%m-%d}"
    return start, end, label


def _relative(unit_word: str, count: int | None, which: str, today: date, text: str) -> tuple[date, date, str]:
    unit = _UNITS[unit_word]
    current = _unit_start(unit, today)
    if which == "this":
        return current, _shift(unit, current, 1), f"this {unit}"
    n = 1 if count is None else count
    if n < 1:
        raise _range_error(f"`{text}`: the number must be at least 1.")
    if n > MAX_UNITS[unit]:
        raise _range_error(f"`{text}`: at most {MAX_UNITS[unit]} {unit}s.")
    start = _shift(unit, current, -n)
    label = f"last {unit}" if count is None else f"last {n} {unit}{'s' if n != 1 else ''}"
    return start, current, label


def match_time_range(tokens: Sequence[Token], i: int, today: date) -> tuple[TimeRange, int] | None:
    """The time phrase starting at token `i` and how many tokens it uses, or None when none starts there.

    Raises `UsageError` when a phrase starts but is malformed (`last weekend`, `2026-13`, `last 0 days`).
    """
    w = _word(tokens, i)
    if w is None:
        return None
    found = _match(tokens, i, w, today)
    if found is None:
        return None
    (start, end, label), used = found
    if start > today:
        raise _range_error(f"`{label}` starts after today ({today:%Y-%m-%d}): there is no billing data for it yet.")
    return TimeRange(start, end, label), used


def _match(tokens: Sequence[Token], i: int, w: str, today: date) -> tuple[tuple[date, date, str], int] | None:
    text = " ".join(t.text for t in tokens[i : i + 4])
    if w == "today":
        return (today, today + timedelta(days=1), "today"), 1
    if w == "yesterday":
        return (today - timedelta(days=1), today, "yesterday"), 1
    if w in ("mtd", "wtd", "qtd", "ytd"):
        unit = {"m": "month", "w": "week", "q": "quarter", "y": "year"}[w[0]]
        return _relative(unit, None, "this", today, w), 1
    if w in _TO_DATE:
        return _relative(_TO_DATE[w], None, "this", today, w), 1
    if w in _UNITS and _word(tokens, i + 1) == "to" and _word(tokens, i + 2) == "date":  # `month to date`
        return _relative(_UNITS[w], None, "this", today, text), 3
    if _word(tokens, i + 2) == "ago" and _word(tokens, i + 1) in _UNITS:  # `2 months ago`, `three weeks ago`
        count = int(w) if w.isdecimal() and len(w) < 5 else NUMBER_WORDS.get(w, 0)
        if w in ("a", "one"):
            count = 1
        if count > 0:
            unit = _UNITS[str(_word(tokens, i + 1))]
            start = _shift(unit, _unit_start(unit, today), -count)
            end = _shift(unit, start, 1)
            return (start, end, range_label(start, end)), 3
    if w == "day" and _word(tokens, i + 1) == "before" and _word(tokens, i + 2) == "yesterday":
        day = today - timedelta(days=2)
        return (day, day + timedelta(days=1), f"{day:%Y-%m-%d}"), 3
    if w in _THIS and _word(tokens, i + 1) in ("past", "last"):  # `this past week`
        found = _match(tokens, i + 1, "past", today)
        return None if found is None else (found[0], found[1] + 1)
    if w in _THIS or w in _LAST:
        which = "this" if w in _THIS else "last"
        nxt = _word(tokens, i + 1)
        if which == "last" and nxt in NUMBER_WORDS and nxt is not None:
            # `last two weeks`, `past couple of months`
            skip = 2 if nxt == "couple" and _word(tokens, i + 2) == "of" else 1
            unit_word = _word(tokens, i + 1 + skip)
            if unit_word is not None and unit_word in _UNITS:
                return _relative(unit_word, NUMBER_WORDS[nxt], which, today, text), 2 + skip
            raise _range_error(f"`{w} {nxt}` needs a unit: `{w} {nxt} days`, `{w} {nxt} weeks` or `{w} {nxt} months`.")
        if nxt in _UNITS and nxt is not None:
            if which == "this" and nxt.endswith("s"):
                raise _range_error(f"`{text}`: write `this {_UNITS[nxt]}`.")
            if which == "last" and nxt.endswith("s"):
                raise _range_error(f"`{w} {nxt}` needs a number, e.g. `last 3 {nxt}`.")
            return _relative(nxt, None, which, today, text), 2
        if which == "last" and nxt in ("fortnight", "fortnights"):  # `the last fortnight`: two weeks
            return _relative("week", 2, which, today, text), 2
        if which == "last" and nxt is not None and (m := _COMPACT.match(nxt)):  # `last 30d`
            if len(m[1]) > 6:
                raise _range_error(f"`{text}`: that number is too large.")
            return _relative(_COMPACT_UNITS[m[2]], int(m[1]), which, today, text), 2
        if which == "last" and nxt is not None and nxt.isdecimal():
            unit_word = _word(tokens, i + 2)
            if unit_word is not None and unit_word in _UNITS:
                if len(nxt) > 6:
                    raise _range_error(f"`{text}`: that number is too large.")
                return _relative(unit_word, int(nxt), which, today, text), 3
            if unit_word in ("hour", "hours", "h", "hrs"):
                raise _range_error(
                    f"`{w} {nxt} {unit_word}`: time ranges are whole days. Ask `today` or `yesterday` (with `hourly` "
                    "for hour by hour), or `last 2 days`."
                )
            raise _range_error(f"`{w} {nxt}` needs a unit: `{w} {nxt} days`, `{w} {nxt} weeks` or `{w} {nxt} months`.")
        shown = f"{w} {tokens[i + 1].text}" if i + 1 < len(tokens) else w
        raise _range_error(f"`{shown}` is not a time range I know.")
    if w in ("week", "month") and _word(tokens, i + 1) == "of":  # `week of nov 16`: the week holding that day
        point = _point(tokens, i + 2, today)
        if point is not None:
            start = _unit_start(w, point[0])
            end = _shift(w, start, 1)
            return (start, end, range_label(start, end)), 2 + point[3]
    if w == "since":
        point = _point(tokens, i + 1, today)
        if point is None:
            raise _range_error("`since` needs a date after it, e.g. `since 2026-10-01`.")
        start = point[0]
        if start > today:
            raise _range_error(f"`since {point[2]}` starts after today ({today:%Y-%m-%d}).")
        return (start, today + timedelta(days=1), f"since {start:%Y-%m-%d}"), 1 + point[3]
    if w in ("from", "between"):
        joiner = "to" if w == "from" else "and"
        first = _point(tokens, i + 1, today)
        if first is None and w == "between":
            return None  # `the split between prod and dev`: not a time phrase
        if first is None or _word(tokens, i + 1 + first[3]) not in (joiner, "..", "until"):
            raise _range_error(f"`{w}` starts a range: write `{w} 2026-10-01 {joiner} 2026-10-15`.")
        j = i + 2 + first[3]
        last = _end_point(tokens, j, first, today)
        if last is None:
            raise _range_error(f"`{w} {first[2]} {joiner}` needs an end date, e.g. `{joiner} 2026-10-15`.")
        return _span_range(first[:3], last[:3], text), j + last[3] - i
    if m := _SPAN.match(w):
        a, b = m[1], m[2]
        first_span, last_span = absolute_span(a), absolute_span(b)
        if first_span is None or last_span is None:
            bad = a if first_span is None else b
            raise _range_error(f"`{bad}` in `{tokens[i].text}` is not a date: write dates like `2026-10-01`.")
        return _span_range(first_span, last_span, tokens[i].text), 1
    point = _point(tokens, i, today)
    if point is None:
        return None
    # `2026-10-01 .. 2026-10-15` and `2026-10-01 to 2026-10-15`
    after = _word(tokens, i + point[3])
    if after in ("..", "to", "until"):
        last = _end_point(tokens, i + point[3] + 1, point, today)
        if last is not None:
            return _span_range(point[:3], last[:3], text), point[3] + 1 + last[3]
    return point[:3], point[3]


def parse_time_range(text: str, today: date) -> TimeRange:
    """The time range that `text` names entirely, e.g. `last month` or `2026-10-01..2026-10-15`.

    Raises `UsageError` (naming the bad words and showing the accepted forms) when `text` is empty, is not a
    time range, or has words after the range.
    """
    tokens = tokenize(text)
    if not tokens:
        raise _range_error("The time range is empty.")
    found = match_time_range(tokens, 0, today)
    if found is None:
        raise _range_error(f"`{tokens[0].text}` is not a time range.")
    time_range, used = found
    if used < len(tokens):
        rest = " ".join(t.text for t in tokens[used:])
        raise _range_error(f"`{rest}` after `{time_range.label}` is not part of a time range.")
    return time_range


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


def shifted_range(time_range: TimeRange, unit: str | None) -> TimeRange:
    """The same stretch one `unit` earlier (`day`, `week`, `month`, `quarter`, `year`): `yesterday` a week
    earlier is the same weekday last week, `2026-11` a year earlier is `2025-11`. Without a unit, or when one
    unit back would overlap the range itself, the period just before it of equal length (`TimeRange.previous`).
    """
    start, end = time_range.start, time_range.end
    whole_months = start.day == 1 and end.day == 1
    if unit in ("month", "quarter", "year") and whole_months:
        n = {"month": 1, "quarter": 3, "year": 12}[unit]
        new_start, new_end = add_months(start, -n), add_months(end, -n)
    elif unit in ("day", "week", "year"):
        step = {"day": timedelta(days=1), "week": timedelta(weeks=1), "year": timedelta(weeks=52)}[unit]
        new_start, new_end = start - step, end - step
    else:
        new_start, new_end = start, start  # fall through to previous()
    if new_end > start or new_end <= new_start:
        previous = time_range.previous()
        return TimeRange(previous.start, previous.end, range_label(previous.start, previous.end))
    return TimeRange(new_start, new_end, range_label(new_start, new_end))


# ------------------------------------------------------------------------------------------------ holidays


def _thanksgiving(year: int) -> date:
    """US Thanksgiving: the fourth Thursday of November."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


#: Days people name by their holiday, each a rule for a year. US retail days (Black Friday is the day after US
#: Thanksgiving, Cyber Monday the Monday after it) are what cost questions ask about; no library lists them as
#: holidays (they are not public holidays), so the rules are written here, one line each.
HOLIDAYS: dict[tuple[str, ...], tuple[str, Callable[[int], date]]] = {
    ("thanksgiving",): ("US Thanksgiving (the fourth Thursday of November)", _thanksgiving),
    ("black", "friday"): ("Black Friday (the day after US Thanksgiving)", lambda y: _thanksgiving(y) + timedelta(1)),
    ("cyber", "monday"): ("Cyber Monday (the Monday after US Thanksgiving)", lambda y: _thanksgiving(y) + timedelta(4)),
    ("christmas", "eve"): ("Christmas Eve", lambda y: date(y, 12, 24)),
    ("xmas", "eve"): ("Christmas Eve", lambda y: date(y, 12, 24)),
    ("christmas",): ("Christmas Day", lambda y: date(y, 12, 25)),
    ("xmas",): ("Christmas Day", lambda y: date(y, 12, 25)),
    ("boxing", "day"): ("Boxing Day", lambda y: date(y, 12, 26)),
    ("new", "year", "eve"): ("New Year's Eve", lambda y: date(y, 12, 31)),
    ("new", "years", "eve"): ("New Year's Eve", lambda y: date(y, 12, 31)),
    ("nye",): ("New Year's Eve", lambda y: date(y, 12, 31)),
    ("new", "year", "day"): ("New Year's Day", lambda y: date(y, 1, 1)),
    ("new", "years", "day"): ("New Year's Day", lambda y: date(y, 1, 1)),
    ("independence", "day"): ("US Independence Day", lambda y: date(y, 7, 4)),
}


#: What may follow a holiday's name: its day, the calendar week holding it, or it through the next Sunday.
HOLIDAY_SPANS = ("day", "week", "weekend")


def _holiday_range(day: date, span: str) -> TimeRange:
    if span == "week":
        start = _week_start(day)
        end = start + timedelta(days=7)
    elif span == "weekend":
        start, end = day, day + timedelta(days=7 - day.weekday())  # through the Sunday after it (or itself)
    else:
        start, end = day, day + timedelta(days=1)
    return TimeRange(start, end, range_label(start, end))


@dataclass(frozen=True)
class Holiday:
    """A holiday named in a question: the rule's key, what it is, which span of it (`day`, `week`, `weekend`),
    and the days meant."""

    words: tuple[str, ...]
    what: str
    span: str
    time_range: TimeRange

    def in_year(self, year: int) -> Holiday:
        """The same holiday (and span) in `year`."""
        day = HOLIDAYS[self.words][1](year)
        return Holiday(self.words, self.what, self.span, _holiday_range(day, self.span))


def match_holiday(tokens: Sequence[Token], i: int, today: date) -> tuple[Holiday, int] | None:
    """The holiday named at token `i` (`black friday`, `last christmas`, `thanksgiving 2025`) and the tokens
    it uses, or None.

    Without a year, the holiday meant is the latest one that has begun by `today` (on Black Friday itself,
    `black friday` is today); `last <holiday>` the latest one that is over, `this <holiday>` this year's.
    A year after it names that year's. Raises `UsageError` for a day that has not begun yet.
    """
    which = _word(tokens, i)
    skip = 1 if which in ("last", "this", "previous", "past") else 0
    for words, (what, rule) in HOLIDAYS.items():
        n = len(words)
        got = tuple(_word(tokens, i + skip + k) for k in range(n))
        if got != words:
            continue
        used = skip + n
        span = _word(tokens, i + used)
        if span in HOLIDAY_SPANS and not (span == "day" and words[-1] == "day"):
            used += 1
        else:
            span = "day"
        year, year_used = _year_at(tokens, i + used)
        if year is not None:
            _check_year(year, str(year))
            day = rule(year)
        else:
            day = rule(today.year)
            if which == "this" and day > today:
                raise _range_error(f"`this {' '.join(words)}` is {day:%Y-%m-%d}, after today: no billing data yet.")
            if day > today or (skip and which != "this" and day + timedelta(days=1) > today):
                day = rule(today.year - 1)
        if day > today:
            raise _range_error(f"`{' '.join(words)} {year}` is {day:%Y-%m-%d}, after today: no billing data yet.")
        found = Holiday(words, what, str(span), _holiday_range(day, str(span)))
        return found, used + year_used
    return None
