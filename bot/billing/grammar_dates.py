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
#: A month's full English name by its number (`10`: `october`), as other languages' month numbers are read.
MONTH_WORDS: dict[int, str] = {number: name for name, number in reversed(MONTH_NAMES.items())}

_RANGE_EXAMPLES = (
    "`today`, `yesterday`, `last 7 days`, `this month`, `last month`, `last 3 months`, `2026-10`, "
    "`2026-10-01..2026-10-15`"
)
#: The hint of every refusal of a time range: the forms that read.
RANGE_HINT = f"Time ranges look like {_RANGE_EXAMPLES}."

#: A year as typed: four digits from 1900 to 2199 (`1024 MB`, `8080` are no years; 1999 is refused as one).
_YEAR = re.compile(r"^((?:19|20|21)\d\d)$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?q([1-4])$")
_BARE_QUARTER = re.compile(r"^q([1-4])$")
#: A day of the month as people write it beside a month name: `3`, `3rd`, `21st`.
DAY_NUMBER = re.compile(r"^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$")
#: A day of the month alone, as an ordinal: `the 2nd`, `since 1st` (a bare number is not a day).
ORDINAL = re.compile(r"^([1-9]|[12]\d|3[01])(st|nd|rd|th)$")
#: Day and month with a separator: `17/11`, `03/11/2026` (order settled by `_slash_order`), `15.10` (always day
#: first: no calendar writes month.day), and `2026/11/03`.
#: `01-11-2026`, day or month first with dashes, is read the same way when its year is written in full.
_SLASHED = re.compile(r"^(\d{1,2})([/.])(\d{1,2})(?:[/.](\d{4}|\d{2}))?$|^(\d{1,2})(-)(\d{1,2})-(\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
#: ISO weeks: `2026-w45`, `2026w45` (absolute), `wk45`, `w45`, `week45` (the latest week 45 begun).
#: Days of one month typed as a span beside its name (`nov 3-10`, `3rd-10th nov`).
_DAY_SPAN = re.compile(r"^([1-9]|[12]\d|3[01])(?:st|nd|rd|th)?[-–]([1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$")
_ISO_WEEK = re.compile(r"^(\d{4})-?w(\d{1,2})$")
_WEEK_NUMBER = re.compile(r"^(?:week|wk|w|kw|cw)(\d{1,2})$")
#: Half years: `h1`, `2h`.
_HALF = re.compile(r"^(?:h([12])|([12])h)$")
#: An accounting period as finance writes it (`P10`): the calendar month of that number.
ACCOUNTING_PERIOD = re.compile(r"^p(1[0-2]|[1-9])$")
#: A day written with dots, year first (`2026.11.23`).
_DOTTED_DAY = re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$")
#: Days of the month in ordinals, no month named (`17th-21st`).
_ORDINAL_SPAN = re.compile(r"^([1-9]|[12]\d|3[01])(?:st|nd|rd|th)[-–]([1-9]|[12]\d|3[01])(?:st|nd|rd|th)$")
#: Words naming the start of a period: `since the start of the year`, `beginning of august`.
_START_WORDS = ("start", "beginning", "begin")
#: Days of a month in words (`the first`, `the fifteenth`): read as `1st`, `15th`.
ORDINAL_WORDS: dict[str, int] = {
    w: n + 1
    for n, w in enumerate(
        (
            *("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"),
            *("eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth"),
            *("eighteenth", "nineteenth", "twentieth"),
        )
    )
}
#: Words after an ordinal that make it a place in a list, no day (`the 2nd one in that list`, `3rd biggest`).
_LIST_PLACES = frozenset(
    {"one", "ones", "row", "rows", "line", "item", "entry", "result", "biggest", "largest", "most", "highest"}
)
#: Words after an ordinal that make it no day (`the first half`, `the second week`, `first quarter`).
_NOT_A_DAY_AFTER = frozenset(
    {"half", "week", "weeks", "quarter", "quarters", "month", "months", "day", "days", "year", "years", "time"}
    | _LIST_PLACES
)
#: A month written with a slash and a four-digit year (`2026/10`, `10/2026`).
_SLASHED_MONTH = re.compile(r"^(?:(\d{4})/(\d{1,2})|(\d{1,2})/(\d{4}))$")
#: The first and last thirds of a month, as people say them (`early november`: the 1st to the 10th; `late october`:
#: the 21st to its end, 0): the first day and the last.
_THIRDS = {"early": (1, 10), "late": (21, 0)}
#: The middle of a month (`mid-october`, `mid oct`): its 15th.
_MID_MONTH = re.compile(r"^mid-?([a-z]+)?$")
#: The unit a `the <unit>` means: the one holding today (`the start of the year`).
_THE_UNITS = ("week", "month", "quarter", "year")


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
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
    "couple": 2,
    "few": 3,
}


def count_of(word: str, digits: int = 2) -> int | None:
    """The number `word` writes (`7`, `two`), up to `digits` digits, or None."""
    return int(word) if word.isdecimal() and len(word) <= digits else NUMBER_WORDS.get(word)


def range_error(message: str) -> UsageError:
    return UsageError(message, hint=RANGE_HINT)


def check_year(year: int, word: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise range_error(f"`{word}`: the year must be between {MIN_YEAR} and {MAX_YEAR}.")


def week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())


def quarter_start(d: date) -> date:
    return date(d.year, (d.month - 1) // 3 * 3 + 1, 1)


def ordinal(number: int) -> str:
    """`1st`, `2nd`, `11th`, `23rd`: a day of the month as the grammar reads it."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def accounting_month(number: int, today: date) -> date:
    """The first day of the calendar month an accounting period names (`P10`, `period 10`): this year's, or last
    year's when it is still to come."""
    start = date(today.year, number, 1)
    return start if start <= today else date(today.year - 1, number, 1)


def year_of_last(month: int, today: date) -> int:
    """The year of the latest month `month` before the current one (`last november`, in November: a year ago)."""
    return today.year if month < today.month else today.year - 1


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
    if m := _ISO_WEEK.match(w):
        year = int(m[1])
        check_year(year, word)
        return iso_week(year, int(m[2]), word)
    return None


def iso_week(year: int, week: int, word: str) -> tuple[date, date, str]:
    """ISO week `week` of `year` (Monday to Sunday), spelled `2026-w45`."""
    try:
        start = date.fromisocalendar(year, week, 1)
    except ValueError:
        raise range_error(f"`{word}`: {year} has no ISO week {week} (weeks go from 1 to 52 or 53).") from None
    return start, start + timedelta(days=7), f"{year}-w{week:02d}"


def _latest_week(week: int, today: date, word: str) -> tuple[date, date, str]:
    """Week `week` of this ISO year, or of the last one when this year's has not begun."""
    year = today.isocalendar().year
    span = iso_week(year, week, word)
    return span if span[0] <= today else iso_week(year - 1, week, word)


def _half(half: int, year: int | None, today: date) -> tuple[date, date, str]:
    """The first or second half of `year`; without a year, the latest such half that has begun."""
    if year is None:
        year = today.year if date(today.year, 6 * half - 5, 1) <= today else today.year - 1
    start = date(year, 6 * half - 5, 1)
    end = add_months(start, 6)
    return start, end, range_label(start, end)


def _slashed(w: str) -> tuple[str, str, str, str, str | None] | None:
    """`_SLASHED`'s parts of `w` as (whole, day-or-month, separator, day-or-month, year), whichever form."""
    m = _SLASHED.match(w)
    if m is None:
        return None
    if m[1] is not None:
        return (m[0], m[1], m[2], m[3], m[4])
    return (m[0], m[5], m[6], m[7], m[8])  # `01-11-2026`: its year is always written


def _slash_order(tokens: Sequence[Token], word: str) -> str:
    """Whether the slashed dates of a question are day first (`dm`) or month first (`md`): a part above 12 in any
    of them settles it for all (`from 03/11 until 17/11`); "" when none does. Raises `UsageError` naming `word`
    when they disagree."""
    orders = set()
    for t in tokens:
        m = _slashed(t.lower)
        if m and m[2] in "/-":
            first, second = int(m[1]), int(m[3])
            if first > 12 >= second:
                orders.add("dm")
            elif second > 12 >= first:
                orders.add("md")
    if len(orders) == 1:
        return orders.pop()
    if len(orders) > 1:
        raise range_error(f"`{word}`: the dates are written both day first and month first.")
    return ""


def _slashed_day(tokens: Sequence[Token], w: str, today: date) -> tuple[date, date, str] | None:
    """`17/11`, `03/11/2026`, `15.10`, `2026/11/03` as one day, or None when `w` is not written so."""
    if m := _YEAR_FIRST.match(w):
        year = int(m[1])
        check_year(year, w)
        return calendar_day(int(m[2]), int(m[3]), year, today, w)
    parts = _slashed(w)
    if parts is None:
        return None
    first, second = int(parts[1]), int(parts[3])
    if (
        not (first and second)
        or min(first, second) > 12
        or max(first, second) > 31
        or (parts[2] == "." and second > 12)
    ):
        return None  # `50/50`, `1.50`: not a date
    order = "dm" if parts[2] == "." else _slash_order(tokens, w)
    year_written = parts[4]
    written = None if year_written is None else int(year_written) + (2000 if len(year_written) == 2 else 0)
    if written is not None:
        check_year(written, w)
    if order:
        day, month = (first, second) if order == "dm" else (second, first)
        return calendar_day(month, day, written, today, w)
    # `11/03` with nothing to settle it: the reading nearest before today (a pasted date is recent); the answer
    # names the day it read, and `2026-03-11` asks the other one
    readings = [calendar_day(b, a, written, today, w) for a, b in ((first, second), (second, first))]
    past = [r for r in readings if r[0] <= today] or readings
    return max(past, key=lambda r: r[0])


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


def _week_number(tokens: Sequence[Token], i: int) -> tuple[int, int]:
    """The ISO week number named at `i` (`wk45`, `week 45`) and the tokens it uses; (0, 0) when none is."""
    w = word_at(tokens, i) or ""
    if m := _WEEK_NUMBER.match(w):
        return int(m[1]), 1
    nxt = word_at(tokens, i + 1) or ""
    if w in ("week", "wk", "w", "kw", "cw") and nxt.isdecimal() and len(nxt) <= 2:  # `KW 46`: Kalenderwoche
        return int(nxt), 2
    return 0, 0


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
    october 2026`, `q3`, `h1`, `week 45`, `17/11`, `the 2nd`, `the first`, `the start of the year`): span,
    spelling, tokens used."""
    j = i + (word_at(tokens, i) == "the")
    day = ORDINAL_WORDS.get(word_at(tokens, j) or "")
    after = word_at(tokens, j + 1)
    if day is not None and j == i and after != "of" and after not in MONTH_NAMES:
        day = None  # `what to turn off first`: a day of the month is `the first`, `first of november`, `first nov`
    counts = after is not None and (after.isdecimal() or after in NUMBER_WORDS)  # `the first two weeks of nov`
    if day is not None and after not in _NOT_A_DAY_AFTER and not counts:
        # `since the first`, `the fifteenth of october`: as `1st`, `15th`
        tokens = [*tokens[:j], Token(Kind.WORD, f"{day}th", tokens[j].position), *tokens[j + 1 :]]
    if word_at(tokens, i) == "the":
        found = _point(tokens, i + 1, today)
        return None if found is None else (*found[:3], found[3] + 1)
    return _point(tokens, i, today)


_DAY_OF_MONTH = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?$", re.IGNORECASE)
#: What joins the two ends of a span typed as one word (`11/20-11/26`, `Jun–Aug`, `10/1..10/15`).
_SPAN_MARK = re.compile(r"\.\.|[-–—~〜]")


def split_span(word: str, today: date) -> str | None:
    """A span typed as one word in a form the grammar does not read (`11/20-11/26`, `Jun–Aug`, `10/1..10/15`,
    `2026-11-01-2026-11-05`), each end a date or a month on its own, written as the grammar's spelling of the
    span (`2026-11-20..2026-11-26`; `9/1-9/30` is `2026-09`); None for any other word, and for a word that is one
    point itself (`2026-q3`) or a span the grammar reads already (`2026-10-01..2026-10-15`)."""
    if not _SPAN_MARK.search(word) or _one_word_point(word, today) or _read_already(word):
        return None  # (most words hold no dash: no date reading is tried for them)
    for mark in _SPAN_MARK.finditer(word):
        # (`01.11.–26.11.`: a German date's closing dot before the dash)
        head, tail = word[: mark.start()].removesuffix("."), word[mark.end() :]
        first, last = _one_word_point(head, today), _one_word_point(tail, today)
        if first and last and first[0] < last[1]:
            return range_label(first[0], last[1])
    return None


#: A day and a month glued by the dash between two dates (`Oct 15-Nov 14`: `15-Nov`; `15 Oct–14 Nov`: `Oct–14`).
_GLUED_ENDS = re.compile(r"^([a-z0-9]+)([-–—])([a-z0-9]+)$")


def split_glued_ends(before: str | None, word: str, after: str | None) -> tuple[str, str, str] | None:
    """The two halves of `word` and its dash, when the dash joins the ends of a span of two dates typed with the
    day beside the month (`Oct 15-Nov 14`, `15 Oct–14 Nov`): one half ends the first date, whose other half is the
    word `before`, and the other begins the second, finished by the word `after`; None otherwise (`15-Nov` alone
    is one day as a spreadsheet writes it)."""
    glued = _GLUED_ENDS.match(word.lower())
    if glued is None or before is None or after is None:
        return None
    first, mark, last = glued.groups()
    day_month = DAY_NUMBER.match(first) and last in MONTH_NAMES  # `Oct 15-Nov 14`
    month_day = first in MONTH_NAMES and DAY_NUMBER.match(last)  # `15 Oct-14 Nov`
    if day_month and before.lower() in MONTH_NAMES and DAY_NUMBER.match(after.lower()):
        return first, mark, last
    if month_day and DAY_NUMBER.match(before.lower()) and after.lower() in MONTH_NAMES:
        return first, mark, last
    return None


#: A day as spreadsheets and exports write it (`15-Nov`, `15-Nov-2026`, `15-Nov-26`).
_DASHED_DAY = re.compile(r"^(\d{1,2})-([a-z]{3,9})(?:-(\d{4}|\d{2}))?$")


def dashed_day(word: str) -> tuple[str, ...] | None:
    """The words of a day written with dashes as a spreadsheet does (`15-Nov-2026`: `15`, `nov`, `2026`; a year
    of two digits is of this century), read as the day they name; None for any other word."""
    found = _DASHED_DAY.match(word.lower())
    if found is None or found[2] not in MONTH_NAMES or not 1 <= int(found[1]) <= 31:
        return None
    day = str(int(found[1]))  # `01-Nov-2026`
    year = found[3] and (found[3] if len(found[3]) == 4 else f"20{found[3]}")
    return (day, found[2], year) if year else (day, found[2])


def _read_already(word: str) -> bool:
    """`2026-10-01..2026-10-15`, `2026-06..2026-08`: a span of absolute dates the time grammar reads itself."""
    first, dots, last = word.partition("..")
    return bool(dots) and absolute_span(first) is not None and absolute_span(last) is not None


def _one_word_point(word: str, today: date) -> tuple[date, date, str, int] | None:
    """The point `word` names on its own (`11/20`: 2026-11-20), else None; a day of the month alone (`10th`) is
    no point here (`the 10th-20th Nov` is read with its month), nor a span (`h1`)."""
    if _DAY_OF_MONTH.match(word):
        return None
    try:
        found = point_at([Token(Kind.WORD, word, 0)], 0, today) if word else None
    except UsageError:
        return None
    return found if found is not None and found[3] == 1 and ".." not in found[2] else None


def _point(tokens: Sequence[Token], i: int, today: date) -> tuple[date, date, str, int] | None:
    w = word_at(tokens, i)
    if w is None:
        return None
    mid = _MID_MONTH.match(w)
    if mid is not None and ((mid[1] or word_at(tokens, i + 1)) in MONTH_NAMES):
        month = mid[1] or str(word_at(tokens, i + 1))  # `mid-october`, `mid oct 2025`: its 15th
        used = 1 if mid[1] else 2
        year, year_used = year_at(tokens, i + used)
        text = " ".join(t.text for t in tokens[i : i + used + year_used])
        return (*calendar_day(MONTH_NAMES[month], 15, year, today, text), used + year_used)
    third = _THIRDS.get(w) if word_at(tokens, i + 1) in MONTH_NAMES else None
    if third is not None:  # `early november`: its 1st to 10th; `late oct 2025`: its 21st to its end
        year, year_used = year_at(tokens, i + 2)
        text = " ".join(t.text for t in tokens[i : i + 2 + year_used])
        first = calendar_day(MONTH_NAMES[str(word_at(tokens, i + 1))], 1, year, today, text)[0]
        start = first.replace(day=third[0])
        end = first.replace(day=third[1] + 1) if third[1] else add_months(first, 1)
        return start, end, f"{start:%Y-%m-%d}..{end - timedelta(days=1):%Y-%m-%d}", 2 + year_used
    if w in _START_WORDS and word_at(tokens, i + 1) == "of":  # `start of the year`, `beginning of august`
        j = i + 3 if word_at(tokens, i + 2) in ("the", "this") else i + 2
        unit = word_at(tokens, j)
        if unit in _THE_UNITS:
            start = unit_start(str(unit), today)
            return start, start + timedelta(days=1), f"{start:%Y-%m-%d}", j + 1 - i
        found = _point(tokens, j, today)
        if found is None:
            return None
        return found[0], found[0] + timedelta(days=1), f"{found[0]:%Y-%m-%d}", j + found[3] - i
    if (slashed := _SLASHED_MONTH.match(w)) is not None:  # `2026/10`, `10/2026`: a month
        written_year, written_month = (slashed[1], slashed[2]) if slashed[1] else (slashed[4], slashed[3])
        month_span = absolute_span(f"{written_year}-{int(written_month):02d}")
        return None if month_span is None else (*month_span, 1)
    if (day_span := _slashed_day(tokens, w, today)) is not None:
        return (*day_span, 1)
    if (dotted := _DOTTED_DAY.match(w)) is not None:  # `2026.11.23`
        dotted_span = absolute_span(f"{dotted[1]}-{int(dotted[2]):02d}-{int(dotted[3]):02d}")
        return None if dotted_span is None else (*dotted_span, 1)
    period = ACCOUNTING_PERIOD.match(w) if tokens[i].text[:1] == "P" else None  # (`p3 / g5`: instance families)
    if period is not None:  # `P10`: this year's October (last year's, if to come)
        start = accounting_month(int(period[1]), today)
        return start, add_months(start, 1), f"{start:%Y-%m}", 1
    if (days := _ORDINAL_SPAN.match(w)) is not None and word_at(tokens, i + 1) not in MONTH_NAMES:
        # `17th-21st`: days of this month (of the last, when the first is still to come)
        first = month_start(today) if int(days[1]) <= today.day else add_months(month_start(today), -1)
        return (*_days_of(first.month, (int(days[1]), int(days[2])), first.year, today, tokens[i : i + 1]), 1)
    week, used = _week_number(tokens, i)
    if week:  # `week 45`, `wk45`, `week 45 2025`
        year, year_used = year_at(tokens, i + used)
        text = " ".join(t.text for t in tokens[i : i + used])
        weeks = iso_week(year, week, text) if year is not None else _latest_week(week, today, text)
        return (*weeks, used + year_used)
    if (m := _HALF.match(w)) is not None:  # `h1`, `h2 2025`
        year, used = year_at(tokens, i + 1)
        return (*_half(int(m[1] or m[2]), year, today), 1 + used)
    if w in ("1st", "2nd", "3rd", "4th") and word_at(tokens, i + 1) == "quarter":  # `the 3rd quarter`
        w = ("first", "second", "third", "fourth")[int(w[0]) - 1]
    if ORDINAL_WORDS.get(w, 5) <= 4 and word_at(tokens, i + 1) == "quarter":  # `first quarter`, `... of 2025`
        j = i + 3 if word_at(tokens, i + 2) == "of" else i + 2
        year, used = year_at(tokens, j)
        quarter = ORDINAL_WORDS[w]
        if year is None:
            return (*bare_quarter(quarter, today), 2)
        start = date(year, 3 * quarter - 2, 1)
        return start, add_months(start, 3), f"{start.year}-q{quarter}", j + used - i
    if ORDINAL_WORDS.get(w, 6) <= 5 and (word_at(tokens, i + 1), word_at(tokens, i + 2)) == ("week", "of"):
        found = _point(tokens, i + 3, today)  # `the first week of november`: its days 1-7
        if found is None or not _MONTH.match(found[2]):
            return None
        start = found[0] + timedelta(days=7 * (ORDINAL_WORDS[w] - 1))
        end = min(start + timedelta(days=7), found[1])
        return start, end, range_label(start, end), 3 + found[3]
    count = word_at(tokens, i + 1) or ""
    counted = count_of(count)
    unit = word_at(tokens, i + 2) if counted else None
    if w == "first" and counted and unit in ("days", "weeks") and word_at(tokens, i + 3) == "of":
        found = _point(tokens, i + 4, today)  # `the first two weeks of November`: its days 1-14
        if found is None or not _MONTH.match(found[2]):
            return None
        end = min(found[0] + timedelta(days=counted * (7 if unit == "weeks" else 1)), found[1])
        return found[0], end, range_label(found[0], end), 4 + found[3]
    if w in ("first", "second") and word_at(tokens, i + 1) == "half":  # `first half of the year`, `... of 2025`
        j = i + 3 if word_at(tokens, i + 2) == "of" else i + 2
        which = word_at(tokens, j) if word_at(tokens, j) in ("the", "this", "last") else None
        j = j + 1 if which is not None else j
        if word_at(tokens, j) == "month":  # `first half of the month`, `second half of last month`
            first = month_start(today) if which != "last" else add_months(month_start(today), -1)
            middle = first + timedelta(days=15)
            start, end = (first, middle) if w == "first" else (middle, add_months(first, 1))
            return start, end, range_label(start, end), j + 1 - i
        if which == "last" and word_at(tokens, j) == "year":  # `second half of last year`
            return (*_half(1 if w == "first" else 2, today.year - 1, today), j + 1 - i)
        if which == "last":
            return None
        if word_at(tokens, j) in MONTH_NAMES:  # `first half of nov`: its 1st to 15th, the 16th to its end
            month = _point(tokens, j, today)
            if month is None:
                return None
            middle = month[0] + timedelta(days=15)
            start, end = (month[0], middle) if w == "first" else (middle, month[1])
            return start, end, range_label(start, end), j + month[3] - i
        year, used = year_at(tokens, j)
        if word_at(tokens, j) == "year":
            used = 1
        return (*_half(1 if w == "first" else 2, year, today), j + used - i)
    if (
        (day := ORDINAL.match(w)) is not None
        and word_at(tokens, i + 1) != "of"
        and word_at(tokens, i + 1) not in MONTH_NAMES
        and word_at(tokens, i + 1) not in _LIST_PLACES
    ):  # `since 1st`: a day of this month (or the last, when it is still to come)
        start = month_start(today) if int(day[1]) <= today.day else add_months(month_start(today), -1)
        return (*calendar_day(start.month, int(day[1]), start.year, today, w), 1)
    if (day := ORDINAL.match(w)) is not None and word_at(tokens, i + 1) == "of":
        which = word_at(tokens, i + 2)
        if which in ("this", "last", "the") and word_at(tokens, i + 3) == "month":  # `the 15th of this month`
            start = month_start(today) if which != "last" else add_months(month_start(today), -1)
            return (*calendar_day(start.month, int(day[1]), start.year, today, w), 4)
    if (day := DAY_NUMBER.match(w)) is not None:  # `3 oct`, `3rd of october`
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
    if (days := _DAY_SPAN.match(w)) is not None and word_at(tokens, i + 1) in MONTH_NAMES:  # `3-10 nov`
        year, used = year_at(tokens, i + 2)
        return (
            *_days_of(
                MONTH_NAMES[str(word_at(tokens, i + 1))],
                (int(days[1]), int(days[2])),
                year,
                today,
                tokens[i : i + 2 + used],
            ),
            2 + used,
        )
    if w in MONTH_NAMES:
        nxt = word_at(tokens, i + 1)
        if nxt is not None and (days := _DAY_SPAN.match(nxt)) is not None:  # `nov 3-10`, `nov 3rd-10th 2025`
            year, used = year_at(tokens, i + 2)
            return (
                *_days_of(MONTH_NAMES[w], (int(days[1]), int(days[2])), year, today, tokens[i : i + 2 + used]),
                2 + used,
            )
        if nxt is not None and (day := DAY_NUMBER.match(nxt)) is not None:  # `oct 3`, `october 3rd 2026`
            year, used = year_at(tokens, i + 2)
            text = " ".join(t.text for t in tokens[i : i + 2 + used])
            return (*calendar_day(MONTH_NAMES[w], int(day[1]), year, today, text), 2 + used)
        year, used = year_at(tokens, i + 1)
        if not used and word_at(tokens, i + 1) == "month":  # `october month`
            used = 1
        return (*named_month(w, year, today), 1 + used)
    if m := _BARE_QUARTER.match(w):
        year, used = year_at(tokens, i + 1)
        if year is not None:  # `q3 2026`
            start = date(year, 3 * int(m[1]) - 2, 1)
            return start, add_months(start, 3), f"{start.year}-q{m[1]}", 2
        return (*bare_quarter(int(m[1]), today), 1)
    return None


def _days_of(
    month: int, days: tuple[int, int], year: int | None, today: date, typed: Sequence[Token]
) -> tuple[date, date, str]:
    """Days `first` to `last` of one month (1-12; both days included), in `year` or the latest such month begun."""
    text = " ".join(t.text for t in typed)
    start = calendar_day(month, days[0], year, today, text)
    end = calendar_day(month, days[1], start[0].year, today, text)
    return span_range(start, end, text)


def end_point(
    tokens: Sequence[Token], i: int, first: tuple[date, date, str, int], today: date
) -> tuple[date, date, str, int] | None:
    """The end of a range at `i`: a point, today (`nov 1st till now`, `to date`, `till today`), yesterday
    (`through yesterday`), or a bare day number in the start's month (`oct 3 to 9`)."""
    point = point_at(tokens, i, today)
    w = word_at(tokens, i)
    if point is None and w in ("now", "today", "date"):
        return today, today + timedelta(days=1), f"{today:%Y-%m-%d}", 1
    if point is None and w in ("yesterday", "yday", "yda"):
        before = today - timedelta(days=1)
        return before, today, f"{before:%Y-%m-%d}", 1
    if point is not None or w is None or first[1] - first[0] != timedelta(days=1):
        return point
    day = DAY_NUMBER.match(w)
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
    if first == last and (first_kind == "month" or whole_period(*first[:3])):
        label = first[2]  # `from october`: that month; `q4 to date`: that quarter
    elif first_kind == last_kind == "month":
        label = f"{first[2]}..{last[2]}"
    else:
        label = f"{start:%Y-%m-%d}..{end - timedelta(days=1):%Y-%m-%d}"
    return start, end, label


def whole_period(start: date, end: date, label: str) -> bool:
    """Whether `[start, end)` is a whole month, quarter or year spelled as itself (`2026-11`, `2026-q4`, `2026`)."""
    return label == range_label(start, end) and end - start > timedelta(days=27)


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
