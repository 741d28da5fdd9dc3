"""Time-range phrases of the query grammar, resolved against a given `today` (pure: no clock).

Every phrase yields a half-open `TimeRange` of whole UTC days whose `label` is the phrase's canonical spelling,
which parses back to the same range (`mtd` -> `this month`, `october` -> `2026-10`, `A to B` -> `A..B`).

Relative phrases name complete units: `last 7 days` is the seven days before today (today is partial and
excluded), `last 3 months` the three calendar months before this one. `this week|month|quarter|year` are the
whole calendar periods containing today (the store simply has no data after today yet). Absolute points and
spans (`2026-10`, `oct 3`, `A to B`) are read by `grammar_dates`, holidays by `grammar_holidays`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from bot.billing.grammar_dates import (
    ACCOUNTING_PERIOD,
    MONTH_NAMES,
    NUMBER_WORDS,
    RANGE_HINT,
    absolute_span,
    accounting_month,
    count_of,
    end_point,
    point_at,
    range_error,
    range_label,
    shift_unit,
    span_range,
    unit_start,
    week_start,
    whole_period,
    word_at,
    year_of_last,
)
from bot.billing.grammar_holidays import match_holiday
from bot.billing.grammar_tokens import Kind, Token, tokenize
from bot.billing.grammar_typos import english_words
from bot.billing.grammar_words import AMOUNT
from bot.billing.model import TimeRange
from bot.billing.periods import add_months
from bot.errors import UsageError

#: Largest N accepted in `last N <unit>`.
MAX_UNITS = {"day": 3660, "week": 520, "month": 120, "quarter": 40, "year": 10}

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

#: Days of the week (`why did it jump tues`): the latest such day.
WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("monday",),
        ("tuesday", "tue", "tues"),
        ("wednesday", "wed", "weds"),
        ("thursday", "thu", "thur", "thurs"),
        ("friday", "fri"),
        ("saturday",),
        ("sunday",),
    )
):
    for _name in _names:
        WEEKDAYS[_name] = _number
#: Short forms of days that are English words too (`mon`, `sat`, `sun`): days only right after `since`, `last`,
#: `this` or `on` (`since mon`, `last sat`, `on sun`), or as the other end of a span or comparison
#: (`yday vs sat`, `fri to sun`).
SHORT_WEEKDAYS: dict[str, int] = {"mon": 0, "wed": 2, "sat": 5, "sun": 6}  # (`wed` alone is a day too)
_BEFORE_OTHER_END = frozenset({"vs", "vs.", "versus", "to", "through", "thru", "till", "until", "-", "–"})
#: Fiscal years: the bill does not say when one starts, so one is read as the calendar year, and said
#: (`fiscal_note`): `FY26`, `this FY`, `last fiscal year`.
_FISCAL = ("fy", "fiscal")


def _names_fiscal(tokens: Sequence[Token], i: int) -> bool:
    """Whether a fiscal year is named at `i` (`FY26`, `fiscal year`). A `financial year` is asked for its months:
    where people say so (the UK, India, Australia, New Zealand) it starts in April or July, never with the calendar
    year the bill would otherwise read."""
    w = word_at(tokens, i) or ""
    if w == "financial" and word_at(tokens, i + 1) == "year":
        raise UsageError(
            "`financial`: the bill does not say when your financial year starts.",
            hint="Give its months, e.g. `since 2026-04-01` or `2025-07..2026-06`.",
        )
    return w in _FISCAL or _FISCAL_YEAR.match(w) is not None


_FISCAL_YEAR = re.compile(r"^fy-?(\d{2}|\d{4})$")
#: Hedges between `since` and its day (`since like tuesday`).
_HEDGES = frozenset({"like", "about", "around", "roughly", "approximately", "maybe", "approx"})
#: Single words that are a whole time phrase (`month-to-date` is `mtd`).
TIME_WORDS = ("today", "yesterday", "mtd", "ytd", "qtd", "wtd")
_TO_DATE = {f"{unit}-to-date": unit for unit in ("week", "month", "quarter", "year")}
#: Words that start a multi-word time phrase; `current` reads as `this`; `prior`, `trailing`, `rolling` as `last`.
TIME_STARTERS = (
    "last",
    "past",
    "previous",
    "prior",
    "trailing",
    "rolling",
    "this",
    "current",
    "since",
    "from",
    "between",
)
_THIS = ("this", "current")
_LAST = ("last", "past", "previous", "prior", "trailing", "rolling")

_SPAN = re.compile(r"^(.+?)\.\.(.+)$")
#: `30d`, `2w`, `3mo`: the count and unit of `last 30d`, or typed alone (`ec2 7d`: the last 7 days). `m` is left
#: out: minutes or months. A dashboard's or a CLI's offset back from now (`-7d`, `now-30d`) is the same.
_COMPACT = re.compile(r"^(?:now-|-)?(\d+)(d|w|wk|wks|mo|mos|mth|mths|y|yr|yrs)$")
_COMPACT_UNITS = {
    **dict.fromkeys(("d",), "day"),
    **dict.fromkeys(("w", "wk", "wks"), "week"),
    **dict.fromkeys(("mo", "mos", "mth", "mths"), "month"),
    **dict.fromkeys(("y", "yr", "yrs"), "year"),
}
#: `12h`: hours, which a time range is never made of.
_COMPACT_HOURS = re.compile(r"^(\d+)(h|hr|hrs)$")
#: Hours spelt as a word after their count (`last 24 hours`).
HOUR_WORDS = frozenset({"hour", "hours", "h", "hrs", "hr"})
#: The units a span is counted in (`3 days`, `2 weeks`, `48 hours`).
SPAN_UNITS = frozenset(_UNITS) | HOUR_WORDS


def _relative(unit_word: str, count: int | None, which: str, today: date, text: str) -> tuple[date, date, str]:
    unit = _UNITS[unit_word]
    current = unit_start(unit, today)
    if which == "this":
        return current, shift_unit(unit, current, 1), f"this {unit}"
    n = 1 if count is None else count
    if n < 1:
        raise range_error(f"`{text}`: the number must be at least 1.")
    if n > MAX_UNITS[unit]:
        raise range_error(f"`{text}`: at most {MAX_UNITS[unit]} {unit}s.")
    start = shift_unit(unit, current, -n)
    label = f"last {unit}" if count is None else f"last {n} {unit}{'s' if n != 1 else ''}"
    return start, current, label


def match_time_range(tokens: Sequence[Token], i: int, today: date) -> tuple[TimeRange, int] | None:
    """The time phrase starting at token `i` and how many tokens it uses, or None when none starts there.

    Raises `UsageError` when a phrase starts but is malformed (`last weekend`, `2026-13`, `last 0 days`).
    """
    w = word_at(tokens, i)
    if w is None:
        return None
    found = _match(tokens, i, w, today)
    if found is None:
        return None
    (start, end, label), used = found
    if start > today:
        message = f"`{label}` starts after today ({today:%Y-%m-%d}): there is no billing data for it yet."
        raise AheadOfToday(message, RANGE_HINT, used=used)
    return TimeRange(start, end, label), used


class AheadOfToday(UsageError):
    """A time phrase naming days still ahead (`2027`, `next year`), which the bill cannot hold; `used`: how many
    tokens it takes (the parser may read past it, as what someone plans for, when the question names its days)."""

    def __init__(self, message: str, hint: str | None, *, used: int) -> None:
        super().__init__(message, hint)
        self.used = used


def _dated_clause(tokens: Sequence[Token], i: int, today: date) -> tuple[date, date, str, int] | None:
    """A short clause ending in a day, or `on <day>`, at `i` (`we launched on the 2nd`, `the deploy on tuesday`,
    `go-live (the 9th)`, `we scaled it down tues`): that day, with the tokens used from `i`; None when there is
    none within seven words."""
    for j in range(i, min(i + 8, len(tokens))):
        if tokens[j].kind is not Kind.WORD:
            return None
        dated = _day_at(tokens, j, today) if j > i else None  # `after we scaled it down tues`: a weekday too
        if dated is not None and dated[1] - dated[0] == timedelta(days=1):  # `since go-live (the 9th)`
            return (*dated[:3], j - i + dated[3])
        if word_at(tokens, j) != "on":
            continue
        point = _day_at(tokens, j + 1, today)
        if point is not None:
            return (*point[:3], j + 1 - i + point[3])
    return None


def _day_at(tokens: Sequence[Token], i: int, today: date) -> tuple[date, date, str, int] | None:
    """A point in time at `i` (`point_at`), or a day of the week, short forms included (`mon`: the latest Monday),
    with the tokens it uses; None when neither is there."""
    point = point_at(tokens, i, today)
    weekday = _after_time_word(word_at(tokens, i))
    if point is None and weekday is not None:
        dated = point_at(tokens, i + 1, today)
        if dated is not None and dated[1] - dated[0] == timedelta(days=1):  # `on wed 18th`: the date names the day
            return (*dated[:3], 1 + dated[3])
        return (*_weekday("", weekday, today), 1)
    return point


def _after_time_word(word: str | None) -> int | None:
    """The day of the week `word` names right after a time word (`tuesday`, `tue`, `sat`), or None."""
    return None if word is None else WEEKDAYS.get(word, SHORT_WEEKDAYS.get(word))


def _weekday(which: str, weekday: int, today: date) -> tuple[date, date, str]:
    """`tuesday`: the latest Tuesday up to today; `last tuesday` the latest before today; `this tuesday` this
    week's (which `match_time_range` refuses when it is still to come)."""
    if which == "this":
        day = today - timedelta(days=today.weekday() - weekday)
    else:
        back = (today.weekday() - weekday) % 7
        day = today - timedelta(days=back or (7 if which == "last" else 0))
    return day, day + timedelta(days=1), f"{day:%Y-%m-%d}"


def _weekend(which: str, today: date) -> tuple[date, date, str]:
    """Saturday and Sunday of an ISO week: `last weekend` the week before's; `the weekend` alone, the latest one that
    has started, and so `this weekend` too (`how much did the load test cost us this weekend` on a Friday: the one
    just past, as the coming one has no costs yet; its days are the answer's label)."""
    monday = week_start(today)
    if which == "last" or (which in ("", "this") and today.weekday() < 5):
        monday -= timedelta(days=7)
    start, end = monday + timedelta(days=5), monday + timedelta(days=7)
    return start, end, range_label(start, end)


def fiscal_note(tokens: Sequence[Token], i: int, used: int, time_range: TimeRange) -> str | None:
    """What a time phrase of `used` tokens at `i` that names a fiscal year (`FY26`, `this FY`) was read as: the
    calendar year, said with how to ask for another; None when the phrase names none."""
    words = [t for t in tokens[i : i + used] if t.kind is Kind.WORD]
    last = time_range.end - timedelta(days=1)
    period = len(words) == 2 and words[0].lower == "period" and words[1].text.isdecimal()
    if period or (len(words) == 1 and ACCOUNTING_PERIOD.match(words[0].lower)):
        named = " ".join(t.text for t in words)
        return (
            f"Read `{named}` as the calendar month {time_range.start:%Y-%m}: the bill does "
            "not say when your fiscal year starts. For another, give its months, e.g. `2025-04..2026-03`."
        )
    first = next((k for k in range(len(words)) if _names_fiscal(words, k)), None)
    if first is None:
        return None
    named = " ".join(t.text for t in words[first:])
    return (
        f"Read `{named}` as the calendar year ({time_range.start:%Y-%m-%d}..{last:%Y-%m-%d}): the bill does not say "
        "when your fiscal year starts. For another, give its months, e.g. `2025-04..2026-03`."
    )


def _fiscal_year(tokens: Sequence[Token], i: int, which: str, today: date) -> tuple[tuple[date, date, str], int]:
    """The calendar year a fiscal-year phrase at `i` names (`FY26`, `fy2026`, `fiscal year`, `FY`), with `which`
    (`this`/`last`/``) before it, and the tokens it uses from `i`."""
    w = str(word_at(tokens, i))
    used = 2 if w == "fiscal" and word_at(tokens, i + 1) == "year" else 1
    m = _FISCAL_YEAR.match(w)
    year = today.year - (which == "last") if m is None else int(m[1]) + (2000 if len(m[1]) == 2 else 0)
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    return (start, end, str(year)), used


def _end_of_month(tokens: Sequence[Token], i: int, w: str, today: date) -> tuple[tuple[date, date, str], int] | None:
    """`the last week of october`: its last 7 days; `last day of oct`: its last day; `last 3 days of october`, `last
    few days of oct`: its last days (had been refused as last week and October, two periods)."""
    if w != "last":
        return None
    count = word_at(tokens, i + 1) or ""
    n = count_of(count)
    k = i + 2 if n else i + 1
    unit = word_at(tokens, k)
    if unit not in ("week", "day", "days", "weeks") or word_at(tokens, k + 1) != "of":
        return None
    month = point_at(tokens, k + 2, today)
    if month is None or not month[2][:4].isdecimal() or len(month[2]) != 7:  # a month (`2026-10`), no other span
        return None
    days = (n or 1) * (7 if unit.startswith("week") else 1)
    start = max(month[0], month[1] - timedelta(days=days))
    return (start, month[1], range_label(start, month[1])), k + 2 - i + month[3]


def _match(tokens: Sequence[Token], i: int, w: str, today: date) -> tuple[tuple[date, date, str], int] | None:
    text = " ".join(t.text for t in tokens[i : i + 4])
    dated = point_at(tokens, i + 1, today) if _after_time_word(w) is not None else None
    if dated is not None and dated[1] - dated[0] == timedelta(days=1):  # `wed the 18th`: the date names the day
        return dated[:3], 1 + dated[3]
    if w in WEEKDAYS:
        return _weekday("", WEEKDAYS[w], today), 1
    if w == "on" and word_at(tokens, i + 1) in SHORT_WEEKDAYS and point_at(tokens, i + 2, today) is None:
        # `spike on sat` (`on Mon 16th`: the date names the day)
        return _weekday("", SHORT_WEEKDAYS[str(word_at(tokens, i + 1))], today), 2
    if w in SHORT_WEEKDAYS and i > 0 and tokens[i - 1].lower in _BEFORE_OTHER_END:  # `yday vs sat`
        return _weekday("", SHORT_WEEKDAYS[w], today), 1
    beside = word_at(tokens, i + 2) or ""
    if w in SHORT_WEEKDAYS and word_at(tokens, i + 1) in _BEFORE_OTHER_END and beside in {*WEEKDAYS, *SHORT_WEEKDAYS}:
        return _weekday("", SHORT_WEEKDAYS[w], today), 1  # `mon vs wed+thu`: a day beside another
    if _names_fiscal(tokens, i):
        return _fiscal_year(tokens, i, "", today)
    period = word_at(tokens, i + 1) if w == "period" else None
    date_follows = word_at(tokens, i + 2) in MONTH_NAMES  # `for the period 1 October 2026 to ...`: a date follows
    if period is not None and period.isdecimal() and 1 <= int(period) <= 12 and not date_follows:  # `period 10`
        start = accounting_month(int(period), today)
        return (start, add_months(start, 1), f"{start:%Y-%m}"), 2
    if w == "today":
        return (today, today + timedelta(days=1), "today"), 1
    if w == "yesterday":
        return (today - timedelta(days=1), today, "yesterday"), 1
    end_of = _end_of_month(tokens, i, w, today)
    if end_of is not None:  # `the last week of oct`, `last day of october`, `last 3 days of october`
        return end_of
    if w in _LAST and word_at(tokens, i + 1) in ("night", "evening"):  # `spike last night`: the day before
        return (today - timedelta(days=1), today, "yesterday"), 2
    if w in _THIS and word_at(tokens, i + 1) in ("morning", "afternoon", "evening"):  # hours of today
        return (today, today + timedelta(days=1), "today"), 2
    k = i + 1 if w in ("the", "over") else i  # `over the weekend of the 21st`
    if (
        word_at(tokens, k) in ("weekend", "wknd") and word_at(tokens, k + 1) == "of"
    ):  # `the weekend of the 21st`: its Saturday and Sunday
        point = point_at(tokens, k + 2, today)
        if point is not None and point[1] - point[0] == timedelta(days=1):
            day = point[0]
            saturday = (
                day - timedelta(days=day.weekday() - 5) if day.weekday() >= 5 else day + timedelta(5 - day.weekday())
            )
            end = saturday + timedelta(days=2)
            return (saturday, end, range_label(saturday, end)), k - i + 2 + point[3]
    if (w in _THIS or w in _LAST) and word_at(tokens, i + 1) in ("weekend", "wknd"):  # `last weekend`
        return _weekend("this" if w in _THIS else "last", today), 2
    if w in ("weekend", "wknd") or (w in ("the", "over") and word_at(tokens, i + 1) in ("weekend", "wknd")):
        return _weekend("", today), 1 if w in ("weekend", "wknd") else 2  # `over the weekend`: the latest one
    if w == "tonight":
        return (today, today + timedelta(days=1), "today"), 1
    if w in ("end", "close") and word_at(tokens, i + 1) == "of" and word_at(tokens, i + 2) in _LAST:
        found = _match(tokens, i + 2, str(word_at(tokens, i + 2)), today)  # `end of last month`: that month
        return None if found is None else (found[0], found[1] + 2)
    if w in ("mtd", "wtd", "qtd", "ytd"):
        unit = {"m": "month", "w": "week", "q": "quarter", "y": "year"}[w[0]]
        return _relative(unit, None, "this", today, w), 1
    if w in _TO_DATE:
        return _relative(_TO_DATE[w], None, "this", today, w), 1
    if (m := _COMPACT.match(w)) and len(m[1]) < 7:  # `ec2 7d`, `2w`, `3mo`: the last 7 days, 2 weeks, 3 months
        return _relative(_COMPACT_UNITS[m[2]], int(m[1]), "last", today, tokens[i].text), 1
    if _COMPACT_HOURS.match(w) and tokens[i].text not in ("1H", "2H"):  # `1H`, as finance writes it: a half year
        raise range_error(
            f"`{tokens[i].text}`: time ranges are whole days, not hours. Ask `today` or `yesterday` (with `hourly` "
            "for hour by hour), or `last 2 days`."
        )
    if w in _UNITS and word_at(tokens, i + 1) == "to" and word_at(tokens, i + 2) == "date":  # `month to date`
        return _relative(_UNITS[w], None, "this", today, text), 3
    if w in ("week", "month", "quarter", "year") and (word_at(tokens, i + 1), word_at(tokens, i + 2)) == (
        "before",
        "last",
    ):  # `the month before last`: two months back
        start = shift_unit(w, unit_start(w, today), -2)
        end = shift_unit(w, start, 1)
        return (start, end, range_label(start, end)), 3
    if word_at(tokens, i + 2) == "back" and word_at(tokens, i + 1) in _UNITS and (w.isdecimal() or w in NUMBER_WORDS):
        count = int(w) if w.isdecimal() and len(w) < 5 else NUMBER_WORDS.get(w, 0)  # `10 days back`: since then
        return _relative(str(word_at(tokens, i + 1)), count, "last", today, text), 3
    if word_at(tokens, i + 2) == "ago" and word_at(tokens, i + 1) in _UNITS:  # `2 months ago`, `three weeks ago`
        count = int(w) if w.isdecimal() and len(w) < 5 else NUMBER_WORDS.get(w, 0)
        if w in ("a", "one"):
            count = 1
        if count > 0:
            unit = _UNITS[str(word_at(tokens, i + 1))]
            start = shift_unit(unit, unit_start(unit, today), -count)
            end = shift_unit(unit, start, 1)
            return (start, end, range_label(start, end)), 3
    if w == "day" and word_at(tokens, i + 1) == "before" and word_at(tokens, i + 2) == "yesterday":
        day = today - timedelta(days=2)
        return (day, day + timedelta(days=1), f"{day:%Y-%m-%d}"), 3
    if w in _THIS and word_at(tokens, i + 1) in ("past", "last"):  # `this past week`
        found = _match(tokens, i + 1, "past", today)
        return None if found is None else (found[0], found[1] + 1)
    if (w in _THIS or w in _LAST) and AMOUNT.match(word_at(tokens, i + 1) or ""):
        return None  # `blow past 100k`: an amount, not a time
    if w in _THIS and word_at(tokens, i + 1) in _NO_PERIOD_AFTER:
        return None  # `once this one is done`, `this is huge`: no period
    if w in _THIS or w in _LAST:
        which = "this" if w in _THIS else "last"
        nxt = word_at(tokens, i + 1)
        weekday = _after_time_word(nxt)
        if weekday is not None:  # `last tuesday`, `this monday`, `last sat`
            return _weekday(which, weekday, today), 2
        if which == "last" and nxt in MONTH_NAMES and word_at(tokens, i + 2) not in _UNITS:
            # `last november`: the latest November before this month (a year ago, in November)
            month = MONTH_NAMES[nxt]
            start = date(year_of_last(month, today), month, 1)
            return (start, add_months(start, 1), f"{start:%Y-%m}"), 2
        if _names_fiscal(tokens, i + 1):  # `this FY`, `last fiscal year`, `this financial year`
            fiscal, used = _fiscal_year(tokens, i + 1, which, today)
            return fiscal, 1 + used
        if which == "this" and not (nxt in _UNITS or nxt in NUMBER_WORDS or (nxt or "").isdecimal()):
            return None  # `at this pace`, `current run rate`: not a time phrase
        if which == "last" and nxt in ("full", "complete", "whole") and word_at(tokens, i + 2) in _UNITS:
            return _relative(str(word_at(tokens, i + 2)), None, which, today, text), 3  # `last full month`
        if which == "last" and nxt in NUMBER_WORDS and nxt is not None:
            # `last two weeks`, `past couple of months`
            skip = 2 if nxt == "couple" and word_at(tokens, i + 2) == "of" else 1
            unit_word = word_at(tokens, i + 1 + skip)
            if unit_word is not None and unit_word in _UNITS:
                return _relative(unit_word, NUMBER_WORDS[nxt], which, today, text), 2 + skip
            raise range_error(f"`{w} {nxt}` needs a unit: `{w} {nxt} days`, `{w} {nxt} weeks` or `{w} {nxt} months`.")
        if nxt in _UNITS and nxt is not None:
            if which == "this" and nxt.endswith("s"):  # `this months bill`: this month's
                return _relative(_UNITS[nxt], None, which, today, text), 2
            compared = i + 2 == len(tokens) and i > 0 and word_at(tokens, i - 1) in ("as", "than", "to", "with", "vs")
            owned = word_at(tokens, i + 2) in _OWNED_BY_A_PERIOD or compared
            if which == "last" and nxt.endswith("s") and owned:
                # `last months spend`, `is it the same as last months?`: last month's
                return _relative(_UNITS[nxt], None, which, today, text), 2
            if which == "last" and nxt.endswith("s"):
                raise range_error(f"`{w} {nxt}` needs a number, e.g. `last 3 {nxt}`.")
            return _relative(nxt, None, which, today, text), 2
        if which == "last" and nxt in ("fortnight", "fortnights"):  # `the last fortnight`: two weeks
            return _relative("week", 2, which, today, text), 2
        hours = _COMPACT_HOURS.match(nxt) if which == "last" and nxt is not None else None
        spelt = word_at(tokens, i + 2) in HOUR_WORDS and nxt is not None and nxt.isdecimal()  # `last 24 hours`
        count = int(hours[1]) if hours is not None else int(nxt) if spelt and nxt is not None else 0
        if 24 <= count <= 24 * 31:
            # `last 48h`, `last 24 hrs`: ranges are whole days, so the days those hours reach back into from
            # some time today (24 hours: yesterday and today), today included
            start = today - timedelta(days=-(-count // 24))
            end = today + timedelta(days=1)
            return (start, end, range_label(start, end)), 3 if spelt else 2
        if which == "last" and nxt is not None and (m := _COMPACT.match(nxt)):  # `last 30d`
            if len(m[1]) > 6:
                raise range_error(f"`{text}`: that number is too large.")
            return _relative(_COMPACT_UNITS[m[2]], int(m[1]), which, today, text), 2
        if which == "last" and nxt is not None and nxt.isdecimal():
            unit_word = word_at(tokens, i + 2)
            if unit_word is not None and unit_word in _UNITS:
                if len(nxt) > 6:
                    raise range_error(f"`{text}`: that number is too large.")
                return _relative(unit_word, int(nxt), which, today, text), 3
            if unit_word in HOUR_WORDS:
                raise range_error(
                    f"`{w} {nxt} {unit_word}`: time ranges are whole days. Ask `today` or `yesterday` (with `hourly` "
                    "for hour by hour), or `last 2 days`."
                )
            raise range_error(f"`{w} {nxt}` needs a unit: `{w} {nxt} days`, `{w} {nxt} weeks` or `{w} {nxt} months`.")
        written = _match(tokens, i + 1, nxt, today) if which == "last" and nxt and nxt[:4].isdecimal() else None
        if written is not None:  # `from last thurs to now`, its days written out before `last` is read: those days
            return written[0], written[1] + 1
        if which == "last" and last_is_the_adjective(nxt):
            return None  # `last item: credits + tax`, `last thing`: the adjective, no time range
        shown = f"{w} {tokens[i + 1].text}" if i + 1 < len(tokens) else w
        raise range_error(f"`{shown}` is not a time range I know.")
    ending_count = count_of(w, digits=3)
    if (
        ending_count
        and word_at(tokens, i + 1) in ("days", "weeks")
        and word_at(tokens, i + 2) in ("ending", "ended", "to")
    ):
        last_day = _day_at(tokens, i + 3, today)  # `the 7 days ending yesterday`: those days, through it
        named = word_at(tokens, i + 3)
        if last_day is None and named in ("yesterday", "today"):
            day = today - timedelta(days=1 if named == "yesterday" else 0)
            last_day = (day, day + timedelta(days=1), f"{day:%Y-%m-%d}", 1)
        if last_day is None and named in _LAST:  # `the 2 weeks ending last friday`
            found = _match(tokens, i + 3, named, today)
            last_day = None if found is None else (*found[0], found[1])
        if last_day is not None and last_day[1] - last_day[0] == timedelta(days=1):
            days = ending_count * (7 if word_at(tokens, i + 1) == "weeks" else 1)
            start = last_day[1] - timedelta(days=days)
            return (start, last_day[1], range_label(start, last_day[1])), 3 + last_day[3]
    if w == "week" and word_at(tokens, i + 1) in ("ending", "ended", "to"):  # `week ending nov 22`: its 7 days
        last_day = point_at(tokens, i + 2, today)
        if last_day is not None and last_day[1] - last_day[0] == timedelta(days=1):
            start = last_day[1] - timedelta(days=7)
            return (start, last_day[1], range_label(start, last_day[1])), 2 + last_day[3]
    if w in ("week", "month") and word_at(tokens, i + 1) == "of":  # `week of nov 16`: the week holding that day
        point = point_at(tokens, i + 2, today)
        if point is not None:
            start = unit_start(w, point[0])
            end = shift_unit(w, start, 1)
            return (start, end, range_label(start, end)), 2 + point[3]
    if w == "since" and word_at(tokens, i + 1) in _HEDGES and match_time_range(tokens, i + 2, today) is not None:
        tokens = [*tokens[: i + 1], *tokens[i + 2 :]]  # `since like tuesday`, `since about the 3rd`
        found = _match(tokens, i, w, today)
        return None if found is None else (found[0], found[1] + 1)
    if w == "since":
        point = _day_at(tokens, i + 1, today)  # `since oct 3`, `since mon`: from the latest Monday
        holiday = match_holiday(tokens, i + 1, today) if point is None else None
        if holiday is not None:  # `since thanksgiving`: from its first day
            span = holiday[0].time_range
            point = (span.start, span.end, f"{span.start:%Y-%m-%d}", holiday[1])
        nxt = word_at(tokens, i + 1)
        relative = _match(tokens, i + 1, nxt, today) if point is None and nxt not in (None, "since") else None
        if relative is not None:  # `since yesterday`, `since last week`: from the first day of that phrase
            (start, _, _), used = relative
            point = (start, start + timedelta(days=1), f"{start:%Y-%m-%d}", used)
        if point is None:  # `since we launched on the 2nd`: the date a few words on, after `on`
            point = _dated_clause(tokens, i + 1, today)
        skip = 1 if nxt == "the" else 0
        season = _SEASON_STARTS.get(word_at(tokens, i + 1 + skip) or "") if point is None else None
        if season is not None:  # `since summer`: the first day of the latest (northern, meteorological) one begun
            begun = date(today.year if date(today.year, season, 1) <= today else today.year - 1, season, 1)
            point = (begun, begun + timedelta(days=1), f"{begun:%Y-%m-%d}", 1 + skip)
        if point is None:
            raise range_error("`since` needs a date after it, e.g. `since 2026-10-01`.")
        start = point[0]
        if start > today:
            raise range_error(f"`since {point[2]}` starts after today ({today:%Y-%m-%d}).")
        return (start, today + timedelta(days=1), f"since {start:%Y-%m-%d}"), 1 + point[3]
    after = _dated_clause(tokens, i + 1, today) if w == "after" else None
    named_day = _day_at(tokens, i + 1, today) if w == "after" and after is None else None
    if named_day is not None and named_day[1] - named_day[0] == timedelta(days=1):  # `after tuesday's deploy`
        after = named_day
    if after is not None:  # `spike after the deploy on tuesday`: from that day on
        return (after[0], today + timedelta(days=1), f"since {after[0]:%Y-%m-%d}"), 1 + after[3]
    if w == "from" and point_at(tokens, i + 1, today) is None:
        return None  # `Sarah from finance`: no date after it
    if w in ("from", "between"):
        ends = _ends_at(tokens, i, w, today)
        return None if ends is None else (span_range(ends[0][:3], ends[1][:3], text), ends[2])
    if m := _SPAN.match(w):
        a, b = m[1], m[2]
        first_span, last_span = absolute_span(a), absolute_span(b)
        if first_span is None or last_span is None:
            bad = a if first_span is None else b
            raise range_error(f"`{bad}` in `{tokens[i].text}` is not a date: write dates like `2026-10-01`.")
        return span_range(first_span, last_span, tokens[i].text), 1
    point = point_at(tokens, i, today)
    if point is None:
        return None
    ends = _ends_at(tokens, i, w, today)  # `2026-10-01 .. 2026-10-15`, `oct through dec`
    if ends is not None:
        return span_range(ends[0][:3], ends[1][:3], text), ends[2]
    return point[:3], point[3]


#: Words after `this` that make it no period (`once this one is done`, `this is huge`).
_NO_PERIOD_AFTER = frozenset({"one", "ones", "is", "was", "will", "would", "should", "thing", "stuff", "number"})
#: Words between the two ends of a span (`from oct to dec`, `oct through dec`, `03/11 until 17/11`, `mon – wed`).
SPAN_JOINERS = frozenset({"to", "..", "until", "till", "til", "through", "thru", "-", "–"})
_Point = tuple[date, date, str, int]


def _ends_at(tokens: Sequence[Token], i: int, w: str, today: date) -> tuple[_Point, _Point, int] | None:
    """The two ends of a span starting at `i` (`from A to B`, `between A and B`, `A to B`) and the tokens it
    uses; None when no span starts there. Raises `UsageError` for `from`/`between` with a date and no end."""
    starter = w in ("from", "between")
    first = point_at(tokens, i + starter, today)
    if first is None:
        if w == "between":
            return None  # `the split between prod and dev`: not a time phrase
        if w == "from":
            raise range_error("`from` starts a range: write `from 2026-10-01 to 2026-10-15`.")
        return None
    joiners = SPAN_JOINERS | {"and"} if w == "between" else SPAN_JOINERS
    j = i + starter + first[3]
    if word_at(tokens, j) not in joiners:
        whole = first[1] - first[0] > timedelta(days=27)  # a month, a quarter, a year
        if (
            w == "from"
            and whole
            and first[1] <= today
            and names_a_step(tokens, _MONTH_SERIES_STEPS, _MONTH_SERIES_UNITS)
        ):
            # `sqs cost month wise from jan`: a series from that month to today
            return first, (today, today + timedelta(days=1), f"{today:%Y-%m-%d}", 0), j - i
        if w == "from" and first[1] - first[0] > timedelta(days=1):
            return first, first, j - i  # `from the 10th-20th nov`, `from october`: that span
        if w == "from" and first[0] <= today:  # `from 2026-10-01`: from that day to today
            return first, (today, today + timedelta(days=1), f"{today:%Y-%m-%d}", 0), j - i
        if starter:
            joiner = "to" if w == "from" else "and"
            raise range_error(f"`{w}` starts a range: write `{w} 2026-10-01 {joiner} 2026-10-15`.")
        return None
    last = end_point(tokens, j + 1, first, today)
    if last is None:
        if starter:
            raise range_error(f"`{w} {first[2]} {tokens[j].text}` needs an end date, e.g. `to 2026-10-15`.")
        return None
    typed_end = " ".join(t.text for t in tokens[j + 1 : j + 1 + last[3]])
    if last[1] <= first[0] and typed_end[:1].isalpha() and not re.search(r"\d{4}", typed_end):
        used = j + 1 + last[3] - i
        if w == "between":
            return last, first, used  # `the difference between october and september`: the two in time's order
        start, end = _a_year_later(last[0]), _a_year_later(last[1])
        if start <= today + _AHEAD:
            # `oct through dec` in November: the December after October (the answer says what is still to come),
            # not the last one, which would end before the span starts
            last = (start, end, range_label(start, end), last[3])
        else:
            # `from october to september` in November: the October before that September (a span ending most of a
            # year ahead holds no bill)
            start, end = _a_year_earlier(first[0]), _a_year_earlier(first[1])
            first = (start, end, range_label(start, end), first[3])
    to_date = word_at(tokens, j + 1) in ("date", "now", "today") and first[0] <= today < first[1]
    if to_date and whole_period(*first[:3]):
        # `nov to date`, `q4 to date`: the month (quarter, year) in progress, answered so far against the same days
        # before it, as `mtd` is (not its days until today against as many days before them)
        return first, first, j + 1 + last[3] - i
    return first, last, j + 1 + last[3] - i


#: The month each season starts in, as the northern meteorological seasons go (`since summer`: since June 1st).
_SEASON_STARTS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
#: English words after `last` that still mean a span (a slip of the unit): named as no range known.
_UNIT_SLIPS = frozenset({"weekend", "weekends", "night", "nights", "time", "period", "periods", "cycle", "season"})


def last_is_the_adjective(word: str | None) -> bool:
    """Whether `word`, after `last`, makes it the adjective (`last item: credits + tax`) and no time range: a plain
    English word that no unit is slipped for."""
    return bool(word) and str(word).isalpha() and word in english_words() and word not in _UNIT_SLIPS


#: What a period's possessive typed without its apostrophe owns (`last months spend`, `last weeks bill`).
_OWNED_BY_A_PERIOD = frozenset(
    {"spend", "spending", "bill", "cost", "costs", "total", "totals", "invoice", "charges", "numbers", "number"}
)


def names_a_step(
    tokens: Sequence[Token],
    steps: frozenset[str],
    units: frozenset[str],
    leads: tuple[str, ...] = ("by", "per", "each", "every"),
) -> bool:
    """Whether the question names a time step in so many words: one of `steps` (`monthly`), or one of `units`
    after a word stepping by it (`by month`, `per day`), not merely days (`any weird days`)."""
    words = [t.lower for t in tokens]
    return bool(steps & set(words)) or any(a in leads and b in units for a, b in itertools.pairwise(words))


#: The steps of a series from a month (`sqs cost month wise from jan`: a series to today).
_MONTH_SERIES_STEPS = frozenset({"monthly", "weekly", "daily", "quarterly"})
_MONTH_SERIES_UNITS = frozenset({"month", "week", "day", "quarter"})


#: How far ahead the end of a span may start (`oct through dec` in November: next month).
_AHEAD = timedelta(days=62)


def _a_year_earlier(d: date) -> date:
    """The same day a year earlier (29 February becomes 1 March)."""
    try:
        return d.replace(year=d.year - 1)
    except ValueError:
        return date(d.year - 1, 3, 1)


def _a_year_later(d: date) -> date:
    """The same day a year later (a month's first day stays one; 29 February becomes 1 March)."""
    try:
        return d.replace(year=d.year + 1)
    except ValueError:
        return date(d.year + 1, 3, 1)


def span_ends(tokens: Sequence[Token], i: int, today: date) -> tuple[TimeRange, TimeRange] | None:
    """The two periods a span at `i` runs between (`from september to october`: September and October), so a
    question about a change can compare them instead; None when no span of two points starts there."""
    w = word_at(tokens, i)
    if w is None:
        return None
    try:
        ends = _ends_at(tokens, i, w, today)
    except UsageError:
        return None
    if ends is None:
        return None
    first, last, _ = ends
    return TimeRange(first[0], first[1], first[2]), TimeRange(last[0], last[1], last[2])


def parse_time_range(text: str, today: date) -> TimeRange:
    """The time range that `text` names entirely, e.g. `last month` or `2026-10-01..2026-10-15`.

    Raises `UsageError` (naming the bad words and showing the accepted forms) when `text` is empty, is not a
    time range, or has words after the range.
    """
    tokens = tokenize(text)
    if not tokens:
        raise range_error("The time range is empty.")
    found = match_time_range(tokens, 0, today)
    if found is None:
        raise range_error(f"`{tokens[0].text}` is not a time range.")
    time_range, used = found
    if used < len(tokens):
        rest = " ".join(t.text for t in tokens[used:])
        raise range_error(f"`{rest}` after `{time_range.label}` is not part of a time range.")
    return time_range


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
    elif unit in ("month", "quarter"):  # `nov 1-10 vs the same days last month`: oct 1-10 (a short month clamps)
        back = relativedelta(months={"month": 1, "quarter": 3}[unit])
        new_start, new_end = start - back, end - back
    elif unit in ("day", "week", "year"):
        step = {"day": timedelta(days=1), "week": timedelta(weeks=1), "year": timedelta(weeks=52)}[unit]
        new_start, new_end = start - step, end - step
    else:
        new_start, new_end = start, start  # fall through to previous()
    if new_end > start or new_end <= new_start:
        previous = time_range.previous()
        return TimeRange(previous.start, previous.end, range_label(previous.start, previous.end))
    return TimeRange(new_start, new_end, range_label(new_start, new_end))
