"""Holidays in the query grammar: days people name by their holiday (`black friday`, `christmas week`), each a
rule for a year, resolved against a given `today` (pure: no clock)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter

from bot.billing.grammar_dates import check_year, range_error, range_label, week_start, word_at, year_at
from bot.billing.grammar_tokens import Token
from bot.billing.model import TimeRange
from bot.errors import UsageError


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The `n`th `weekday` (Monday 0) of `month`; `n` = -1 for the last one."""
    if n < 0:
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _thanksgiving(year: int) -> date:
    """US Thanksgiving: the fourth Thursday of November."""
    return _nth_weekday(year, 11, 3, 4)


#: Days people name by their holiday, each a rule for a year. US retail days (Black Friday is the day after US
#: Thanksgiving, Cyber Monday the Monday after it) are what cost questions ask about; no library lists them as
#: holidays (they are not public holidays), so the rules are written here, one line each. A name only the US uses
#: (`labor day` in its US spelling, `memorial day`, `presidents day`) is the US day, as Thanksgiving is; a name kept
#: on different days by countries that spell it alike (`labour day`, `mother's day`) is asked about instead.
HOLIDAYS: dict[tuple[str, ...], tuple[str, Callable[[int], date]]] = {
    # the year-end holidays as a span (`over the holidays`, `the festive season`): from its first day
    **dict.fromkeys(
        (("christmas", "holidays"), ("xmas", "holidays"), ("holiday", "season"), ("festive", "season"), ("holidays",)),
        ("the year-end holidays (December 20 to January 4)", lambda y: date(y, 12, 20)),
    ),
    ("thanksgiving",): ("US Thanksgiving (the fourth Thursday of November)", _thanksgiving),
    ("black", "friday"): ("Black Friday (the day after US Thanksgiving)", lambda y: _thanksgiving(y) + timedelta(1)),
    ("bf",): ("Black Friday (the day after US Thanksgiving)", lambda y: _thanksgiving(y) + timedelta(1)),
    ("cyber", "monday"): ("Cyber Monday (the Monday after US Thanksgiving)", lambda y: _thanksgiving(y) + timedelta(4)),
    # Black Friday through Cyber Monday, as retail names the four days (`the BF-CM weekend`, `BFCM`)
    **dict.fromkeys(
        (("bfcm",), ("bf-cm",), ("bf/cm",), ("cyber", "weekend"), ("cyber", "5")),
        ("Black Friday through Cyber Monday", lambda y: _thanksgiving(y) + timedelta(1)),
    ),
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
    ("labor", "day"): ("US Labor Day (the first Monday of September)", lambda y: _nth_weekday(y, 9, 0, 1)),
    ("memorial", "day"): ("US Memorial Day (the last Monday of May)", lambda y: _nth_weekday(y, 5, 0, -1)),
    ("presidents", "day"): ("US Presidents' Day (the third Monday of February)", lambda y: _nth_weekday(y, 2, 0, 3)),
    ("president", "day"): ("US Presidents' Day (the third Monday of February)", lambda y: _nth_weekday(y, 2, 0, 3)),
    ("mlk", "day"): ("Martin Luther King Jr. Day (the third Monday of January)", lambda y: _nth_weekday(y, 1, 0, 3)),
    ("juneteenth",): ("Juneteenth (June 19)", lambda y: date(y, 6, 19)),
    # days that are the same everywhere they are kept (Easter by the Western churches' reckoning)
    ("good", "friday"): ("Good Friday (two days before Western Easter)", lambda y: easter(y) - timedelta(2)),
    ("easter", "monday"): ("Easter Monday (the day after Western Easter)", lambda y: easter(y) + timedelta(1)),
    ("easter", "sunday"): ("Easter Sunday (Western)", easter),
    ("easter",): ("Easter Sunday (Western)", easter),
    ("halloween",): ("Halloween", lambda y: date(y, 10, 31)),
    ("valentine", "day"): ("Valentine's Day", lambda y: date(y, 2, 14)),
    ("valentines", "day"): ("Valentine's Day", lambda y: date(y, 2, 14)),
    ("st", "patrick", "day"): ("St Patrick's Day", lambda y: date(y, 3, 17)),
    ("st", "patricks", "day"): ("St Patrick's Day", lambda y: date(y, 3, 17)),
    ("singles", "day"): ("Singles' Day", lambda y: date(y, 11, 11)),
}
#: Holidays kept on different days in different countries: asked about by name, never guessed.
AMBIGUOUS_HOLIDAYS: dict[tuple[str, ...], str] = {
    ("labour", "day"): "the first Monday of September in Canada, May 1 in much of the world",
    ("mother", "day"): "the second Sunday of May in the US, other days elsewhere",
    ("mothers", "day"): "the second Sunday of May in the US, other days elsewhere",
    ("father", "day"): "the third Sunday of June in the US and UK, other days elsewhere",
    ("fathers", "day"): "the third Sunday of June in the US and UK, other days elsewhere",
    ("victoria", "day"): "a Monday in May in Canada",
    ("bank", "holiday"): "a different day in each country and season",
}


#: What may follow a holiday's name: its day, the calendar week holding it, or it through the next Sunday.
HOLIDAY_SPANS = ("day", "week", "weekend")
#: Holidays that are a season of days, not one: how many days from the first (December 20 to January 4).
SEASON_DAYS = {
    words: 16 if what.startswith("the year-end holidays") else 4
    for words, (what, _) in HOLIDAYS.items()
    if what.startswith(("the year-end holidays", "Black Friday through"))
}


def _holiday_range(day: date, span: str, words: tuple[str, ...]) -> TimeRange:
    if span == "season":
        start, end = day, day + timedelta(days=SEASON_DAYS[words])
    elif span == "week":
        start = week_start(day)
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
        return Holiday(self.words, self.what, self.span, _holiday_range(day, self.span, self.words))


#: The names of `HOLIDAYS` and `AMBIGUOUS_HOLIDAYS` by their first word: a question's word is held against the few
#: names it may start.
_HOLIDAYS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _words in HOLIDAYS:
    _HOLIDAYS_BY_FIRST.setdefault(_words[0], []).append(_words)
_AMBIGUOUS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _words in AMBIGUOUS_HOLIDAYS:
    _AMBIGUOUS_BY_FIRST.setdefault(_words[0], []).append(_words)


def match_holiday(tokens: Sequence[Token], i: int, today: date) -> tuple[Holiday, int] | None:
    """The holiday named at token `i` (`black friday`, `last christmas`, `thanksgiving 2025`) and the tokens
    it uses, or None.

    Without a year, the holiday meant is the latest one that has begun by `today` (on Black Friday itself,
    `black friday` is today); `last <holiday>` the latest one that is over, `this <holiday>` this year's.
    A year after it names that year's. Raises `UsageError` for a day that has not begun yet.
    """
    which = word_at(tokens, i)
    skip = 1 if which in ("last", "this", "previous", "past") else 0
    first = word_at(tokens, i + skip)
    for words in _AMBIGUOUS_BY_FIRST.get(first or "", ()):
        if tuple(word_at(tokens, i + skip + k) for k in range(len(words))) == words:
            said = " ".join(t.text for t in tokens[i + skip : i + skip + len(words)])
            raise UsageError(
                f"`{said}` is {AMBIGUOUS_HOLIDAYS[words]}.", hint="Give its date as year-month-day, e.g. `2026-05-01`."
            )
    for words in _HOLIDAYS_BY_FIRST.get(first or "", ()):
        what, rule = HOLIDAYS[words]
        n = len(words)
        got = tuple(word_at(tokens, i + skip + k) for k in range(n))
        if got != words:
            continue
        used = skip + n
        span = word_at(tokens, i + used)
        if words in SEASON_DAYS:
            used += 1 if span in HOLIDAY_SPANS else 0  # `the BF-CM weekend`: its days already
            span = "season"
        elif span in HOLIDAY_SPANS and not (span == "day" and words[-1] == "day"):
            used += 1
        else:
            span = "day"
        year, year_used = year_at(tokens, i + used)
        if year is not None:
            check_year(year, str(year))
            day = rule(year)
        else:
            day = rule(today.year)
            if which == "this" and day > today:
                raise range_error(f"`this {' '.join(words)}` is {day:%Y-%m-%d}, after today: no billing data yet.")
            if day > today or (skip and which != "this" and day + timedelta(days=1) > today):
                day = rule(today.year - 1)
        if day > today:
            raise range_error(f"`{' '.join(words)} {year}` is {day:%Y-%m-%d}, after today: no billing data yet.")
        found = Holiday(words, what, str(span), _holiday_range(day, str(span), words))
        return found, used + year_used
    return None
