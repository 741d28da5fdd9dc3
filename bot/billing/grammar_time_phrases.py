"""Periods as people say them, read before the loop (`grammar_prepass.PrepassReader` runs `read_time_phrases` with
its other phrase passes): `through the end of October`, `the full month`, `a month`, `how are we trending`, `every
saturday`, `noon`, `oct+nov`, `the quarter so far`, possessives (`last week's`), `all month`, `the month` in a
question about it, `last dec 20`, counts after a ranking word, `since day 15`, `weeks 44-47`, an event with no
date (`before the migration`), days around an event (`grammar_around`).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from bot.billing.grammar_around import around_event
from bot.billing.grammar_clauses import ClauseReader
from bot.billing.grammar_dates import (
    DAY_NUMBER,
    MONTH_NAMES,
    NUMBER_WORDS,
    count_of,
    ordinal,
    range_label,
    week_start,
    year_of_last,
)
from bot.billing.grammar_holidays import HOLIDAYS, match_holiday
from bot.billing.grammar_time import (
    HOUR_WORDS,
    SHORT_WEEKDAYS,
    SPAN_JOINERS,
    WEEKDAYS,
    match_time_range,
    parse_time_range,
)
from bot.billing.grammar_tokens import Kind, Token, next_is
from bot.billing.grammar_unplaced import clause_span
from bot.billing.grammar_words import ABBREVIATIONS, CLOCK, VERSUS_WORDS
from bot.errors import UserFacingError

#: What a cost does before `a month` (`what does it cost us a month`, `how much do we spend a day`).
_COST_VERBS = frozenset(
    {"cost", "costs", "us", "spend", "spends", "run", "runs", "burn", "burns", "pay"}
    | {"spending", "paying", "burning", "costing"}  # `what are we spending a month on aws`
)
#: Words after `trending` that say which way, not where it lands.
_DIRECTIONS = frozenset({"up", "down", "higher", "lower", "upward", "upwards", "downward", "downwards", *VERSUS_WORDS})
#: Words that open an event after `before`/`after` (`before the migration`, `after we moved`).
_EVENT_LEADS = frozenset({"the", "we", "our", "i", "they", "my", "it", "you"})
#: Adjectives that rank by cost, before the count (`biggest 10`).
_RANKED_BY_COST = frozenset({"biggest", "largest", "priciest", "costliest", "heaviest", "most-expensive", "expensive"})
#: Words before the end of a span (`through the end of October`).
_SPAN_ENDS = frozenset({"through", "thru", "till", "til", "until", "to", "up"})
#: Periods whose possessive is the period itself (`last week's spend`, `today's`; a month's too: `September's`).
_UNITS_OWNING = frozenset({"week", "month", "quarter", "year", "fortnight", "today", "yesterday"})
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Every way of naming a day of the week, with its number (`tue`, `sat`: beside a date or another day, a day).
_DAY_NAMES = {**WEEKDAYS, **SHORT_WEEKDAYS}
#: The words a holiday's name may start with (`thanksgiving`, `black`, `last`).
_HOLIDAY_STARTS = frozenset({words[0] for words in HOLIDAYS} | {"last", "this", "previous", "past"})
#: Parts of a day after the day (`wed night`, `this morning`).
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night", "nite", "arvo"})
#: Two days typed with a slash, the second an ordinal (`18/19th`; `11/17` is a month and a day).
_SLASHED_DAYS = re.compile(r"([1-9]|[12]\d|3[01])(?:st|nd|rd|th)?/([1-9]|[12]\d|3[01])(?:st|nd|rd|th)")
#: A count of hours (`6h`, `3hrs`); the words for hours are `grammar_time.HOUR_WORDS`.
_SHORT_HOURS = re.compile(r"(\d{1,2})(?:h|hr|hrs)")
#: A quarter or half named without its year (`q3`, `h1`): `... last year` gives it one, as to a month.
_YEARLESS_PERIOD = re.compile(r"q[1-4]|h[12]")
#: What a count of the last ones counts (`last 3-4 days`).
_COUNTED_UNITS = frozenset({"days", "weeks", "months", "wks", "mos", "mths", "quarters", "hours", "hrs"})
#: Two month names glued by a dash (`jan-oct`, `jan–oct`, lower-cased), and a year written out after them (`2025`):
#: both months' year (`grammar_prepass` leaves such a word for `_month_spans_in_year`).
MONTH_SPAN = re.compile(r"([a-z]{3,9})[-–]([a-z]{3,9})")
WRITTEN_YEAR = re.compile(r"(?:19|20)\d\d")
#: Saturday and Sunday typed together (`sat/sun`, `sat+sun`): the weekend.
_BOTH_WEEKEND_DAYS = re.compile(r"(sat|saturday)\s*[/+&]\s*(sun|sunday)")


def _hours_back(joined: list[Token], j: int) -> int:
    """How many tokens at `j` name a few hours back from now (`last 3 hrs`, `past few hours`, `last 6h`, `the
    last couple of hours`, `last hr`): fewer than a day's; 0 when none do (`last 48h` is days)."""
    if joined[j].lower not in ("last", "past"):
        return 0
    words = [t.lower for t in joined[j + 1 : j + 5]]
    if words[:1] and (m := _SHORT_HOURS.fullmatch(words[0])) and int(m[1]) < 24:
        return 2  # `last 6h`
    if words[:1] and words[0] in HOUR_WORDS:
        return 2  # `last hr`, `the past hour`
    number = words[0] if words else ""
    said = 2 if words[:2] == ["couple", "of"] else 1  # `couple of`
    few = (number.isdecimal() and 0 < int(number) < 24) or number in ("few", "couple", "several")
    unit = words[said] if len(words) > said else ""
    return 1 + said + 1 if few and unit in HOUR_WORDS else 0


#: Days named by how far back from today they are, as the last day of a weekday span (`mon-today`).
_DAYS_BACK = {"today": 0, "now": 0, "yesterday": 1, "yday": 1}


def _month_spans_in_year(joined: list[Token]) -> list[Token]:
    """`jan-oct 2025`, `jan to oct 2025`: the year written after a span of months is both ends' year."""
    joined = list(joined)
    j = -1
    while (j := j + 1) < len(joined) - 1:
        glued = MONTH_SPAN.fullmatch(joined[j].lower)
        spaced = j + 3 < len(joined) and joined[j + 1].lower in ("to", "-", "–", "thru", "through")
        words = (glued[1], glued[2]) if glued else (joined[j].lower, joined[j + 2].lower) if spaced else ("", "")
        used = 1 if glued else 3
        year = joined[j + used].lower if j + used < len(joined) else ""
        if not all(w in MONTH_NAMES for w in words) or not WRITTEN_YEAR.fullmatch(year):
            continue
        position = joined[j].position
        joined[j : j + used + 1] = [Token(Kind.WORD, w, position) for w in (words[0], year, "to", words[1], year)]
    return joined


def _weekday_spans(joined: list[Token], today: date) -> list[Token]:
    """Days of a week named by their first and last (`mon-thu`, `Mon–Thu last week`, `monday to thursday`): those
    days of the week named after them, else of the latest week that has reached the last of them."""
    # (`mon-today`, `monday to yesterday`: to that day of this week)
    ends = {**_DAY_NAMES, **{w: (today - timedelta(days=back)).weekday() for w, back in _DAYS_BACK.items()}}
    for j in range(len(joined) - 1, -1, -1):
        if j > len(joined) - 1:
            continue  # a rewrite after this place shortened the list
        glued = re.fullmatch(r"([a-z]+)[-–]([a-z]+)", joined[j].lower)
        if glued is not None and glued[1] in _DAY_NAMES and glued[2] in ends:
            first, last, used = _DAY_NAMES[glued[1]], ends[glued[2]], 1
        elif (
            j + 2 < len(joined)
            and joined[j].lower in _DAY_NAMES
            and joined[j + 1].lower in SPAN_JOINERS
            and joined[j + 2].lower in ends
        ):
            first, last, used = _DAY_NAMES[joined[j].lower], ends[joined[j + 2].lower], 3
        else:
            continue
        if first >= last:
            continue
        if j + used < len(joined) and joined[j + used].lower in ("window", "stretch", "days"):
            used += 1  # `the same Mon–Thu window last week`
        after = [t.lower for t in joined[j + used : j + used + 3]]
        if after[:1] == ["of"]:
            after = after[1:]
        monday = week_start(today)
        week = 0
        if after[:2] in (["last", "week"], ["previous", "week"], ["last", "wk"]):
            week, used = 1, used + 2 + (joined[j + used].lower == "of")
        elif after[:2] in (["this", "week"], ["this", "wk"]):
            used += 2 + (joined[j + used].lower == "of")
        elif today.weekday() < last:
            week = 1  # `mon-thu` on a Wednesday: last week's, the whole span
        start = monday - timedelta(weeks=week) + timedelta(days=first)
        end = monday - timedelta(weeks=week) + timedelta(days=last + 1)
        joined[j : j + used] = [Token(Kind.WORD, range_label(start, end), joined[j].position)]
    return joined


def _day_spans(joined: list[Token]) -> list[Token]:
    """Days as people name them: a day's name before its number is the number (`sat 21`, `thu 19th`), two
    numbers and a month are the days between them (`17 to 19 nov`, `sat 21 - sun 22 nov`: `17-19 nov`), and
    Saturday with Sunday (`sat/sun`, `sat+sun`, `saturday and sunday`) is the weekend."""
    named = {  # the numbers a day's name stood before: days of the month
        joined[j + 1].position
        for j, t in enumerate(joined[:-1])
        if t.lower in _DAY_NAMES and DAY_NUMBER.match(joined[j + 1].lower)
    }
    joined = [
        t
        for j, t in enumerate(joined)
        if not (t.lower in _DAY_NAMES and j + 1 < len(joined) and joined[j + 1].position in named)
    ]
    for j in range(len(joined) - 1, -1, -1):
        window = [t.lower for t in joined[j : j + 4]]
        between = j > 0 and joined[j - 1].lower == "between"  # `between 2nd and 15th nov`
        if (
            len(window) >= 3
            and DAY_NUMBER.match(window[0])
            and (window[1] in SPAN_JOINERS or (between and window[1] == "and"))
            and DAY_NUMBER.match(window[2])
            and ((window[3:] and window[3] in MONTH_NAMES) or joined[j].position in named)
            and (j == 0 or joined[j - 1].lower not in ("top", "first", "last"))
        ):
            first, last = (int(re.sub(r"\D", "", w)) for w in (window[0], window[2]))
            joined[j - between : j + 3] = [Token(Kind.WORD, f"{ordinal(first)}-{ordinal(last)}", joined[j].position)]
    for j, tok in enumerate(joined):  # `around 18/19th`: the two days
        slashed = _SLASHED_DAYS.fullmatch(tok.lower)
        if slashed is not None:
            joined[j] = Token(Kind.WORD, f"{ordinal(int(slashed[1]))}-{ordinal(int(slashed[2]))}", tok.position)
    for j in range(len(joined) - 1, -1, -1):
        if j > len(joined) - 1:
            continue  # a rewrite after this place shortened the list
        pair = " ".join(t.lower for t in joined[j : j + 3])
        if _BOTH_WEEKEND_DAYS.fullmatch(joined[j].lower):
            joined[j] = Token(Kind.WORD, "weekend", joined[j].position)
        elif re.fullmatch(r"(sat|saturday) (and|&) (sun|sunday)", pair) and (j == 0 or joined[j - 1].lower != "every"):
            joined[j : j + 3] = [Token(Kind.WORD, "weekend", joined[j].position)]
    return joined


#: The most words between a span of holidays and its year (`BF thru cyber monday stretch cost last yr`), and words that
#: end the span's sentence before one (`vs`: the year of another period).
_MOST_WORDS_TO_YEAR = 3
_NOT_TO_YEAR = frozenset({"vs", "versus", "compared", "and", "or", "than", ","})


#: Units a `the <unit> last` names (French order), and what after `last` makes it another phrase (`the week last year`).
_THE_UNITS = frozenset({"week", "month", "quarter", "year"})
_LAST_OF = frozenset({"year", "yr", "month", "week", "quarter", "time", "one"})


class TimePhraseReader(ClauseReader):
    """The time-phrase pass of the prepass, and whether a time phrase starts at a place (`time_at`)."""

    def time_at(self, tokens: list[Token], k: int) -> bool:
        try:
            return match_time_range(tokens, k, self.today) is not None
        except UserFacingError:
            return True  # a time phrase, though not one the grammar can read

    def _holiday_spans(self, joined: list[Token]) -> list[Token]:
        """`thanksgiving thru cyber monday last yr`: the days from one holiday to another of the same year (the
        year said after them, else the latest the first has begun in), up to today, said."""
        if not any(t.lower in SPAN_JOINERS for t in joined):
            return joined
        for j in range(len(joined)):
            if joined[j].lower not in _HOLIDAY_STARTS:
                continue
            try:
                first = match_holiday(joined, j, self.today)
                k = j + first[1] if first is not None else len(joined)
                joins = k < len(joined) and joined[k].lower in SPAN_JOINERS
                last = match_holiday(joined, k + 1, self.today) if joins else None
            except UserFacingError:
                continue
            if first is None or last is None:
                continue
            end_at = k + 1 + last[1]
            year = first[0].time_range.start.year
            # the year after them, or after a few words of the question (`... cyber monday stretch cost last yr`)
            for gap in range(_MOST_WORDS_TO_YEAR + 1):
                if any(t.lower in _NOT_TO_YEAR for t in joined[end_at : end_at + gap]):
                    break
                if [t.lower for t in joined[end_at + gap : end_at + gap + 2]] in (["last", "year"], ["last", "yr"]):
                    year = self.today.year - 1
                    del joined[end_at + gap : end_at + gap + 2]
                    break
            start = first[0].in_year(year).time_range.start
            end = min(last[0].in_year(year).time_range.end, self.today + timedelta(days=1))
            if end <= start:
                continue
            label = range_label(start, end)
            typed = " ".join(t.text for t in joined[j:end_at])
            self.out.readings.append(f"Read `{typed}` as `{label}`.")
            joined[j:end_at] = [Token(Kind.WORD, label, joined[j].position)]
            break
        return joined

    def _parts_of_days(self, joined: list[Token]) -> list[Token]:
        """A part of a named day (`since wed night`, `thu 19th evening`, `this morning`): the whole day, said (costs
        are kept by the day and the hour)."""
        for j in range(len(joined) - 1, 0, -1):
            if j > len(joined) - 1 or joined[j].lower not in _DAY_PARTS:
                continue
            before, part = joined[j - 1], joined[j]
            day = "today" if before.lower == "this" and part.lower != "night" else ""  # (`last night` is read)
            named = before.lower in _DAY_NAMES or before.lower in ("yesterday", "today", "yday")
            if day:
                joined[j - 1 : j + 1] = [Token(Kind.WORD, day, before.position)]
            elif named or DAY_NUMBER.match(before.lower):
                del joined[j]
            else:
                continue
            self.out.readings.append(
                f"Read `{before.text} {part.text}` as the whole day (costs are kept by the day and the hour)."
            )
        return joined

    def _as_many_before(self, joined: list[Token]) -> list[Token]:
        """`vs the two before`, `compared to the prior 7 (days)`: the stretch as long just before, which every answer
        compares with (`the previous 7 days` alone is a period asked)."""
        for j in range(len(joined) - 3):
            if joined[j].lower not in ("vs", "versus", "to", "with", "than", "against") or joined[j + 1].lower != "the":
                continue
            words = [t.lower for t in joined[j + 2 : j + 5]]
            # (the count of the period asked: `last 7 days vs the prior 7`; `last month vs the previous 2 months`
            # asks another stretch)
            asked = {count_of(t.lower, digits=3) for t in joined[:j]} - {None}
            counted = [count_of(w, digits=3) in asked for w in words]
            if counted[0] and words[1:2] == ["before"]:
                used = 2  # `the two before`
            elif words[0] in ("prior", "previous") and len(words) > 1 and counted[1]:
                used = 2 + (len(words) > 2 and words[2].rstrip("s") in ("day", "week", "month"))  # `the prior 7 days`
            else:
                continue
            joined[j + 2 : j + 2 + used] = [Token(Kind.WORD, w, joined[j + 2].position) for w in ("period", "before")]
            break
        return joined

    def _held_against(self, joined: list[Token]) -> list[Token]:
        """`is ec2 the same as last month`, `are we trending above oct`, `similar to last week`: the period is what
        the cost is held against, `vs` it (it had been read as the period asked, or refused as a second one)."""
        for j in range(len(joined) - 1):
            w = joined[j].lower
            same = w == "as" and j > 0 and joined[j - 1].lower == "same"
            similar = w == "to" and j > 0 and joined[j - 1].lower in ("similar", "comparable")
            if not (same or similar or w in ("above", "below")) or not self.time_at(joined, j + 1):
                continue
            first = j - 1 if same or similar else j
            first -= first > 0 and joined[first - 1].lower in ("the", "about", "roughly")
            first -= first > 0 and joined[first - 1].lower in ("about", "roughly")
            joined[first : j + 1] = [Token(Kind.WORD, "vs", joined[j].position)]
            break
        return joined

    def _business_days(self, joined: list[Token]) -> list[Token]:
        """`last business day`: the last weekday before today; `last 5 working days`: the days from the fifth
        weekday back to yesterday (a weekend between is in them: no question keeps some days of the week); said."""
        for j in range(len(joined) - 2):
            if joined[j].lower not in ("last", "past", "previous", "prior"):
                continue
            count = joined[j + 1].lower
            n = count_of(count)
            k = j + 2 if n else j + 1
            if k + 1 >= len(joined) or joined[k].lower not in ("business", "working", "work"):
                continue
            if joined[k + 1].lower not in ("day", "days"):
                continue
            n = n or 1
            day, weekdays = self.today, 0
            while weekdays < n:
                day -= timedelta(days=1)
                weekdays += day.weekday() < 5
            last = self.today - timedelta(days=1)
            while last.weekday() > 4:
                last -= timedelta(days=1)  # (on a Monday, the Friday before)
            span = f"{day:%Y-%m-%d}" if day == last else f"{day:%Y-%m-%d}..{last:%Y-%m-%d}"
            typed = " ".join(t.text for t in joined[j : k + 2])
            weekend = (last - day).days + 1 > n
            self.out.readings.append(
                f"Read `{typed}` as `{span}`{', the weekend between included' if weekend else ''}."
            )
            joined[j : k + 2] = [Token(Kind.WORD, span, joined[j].position)]
            break
        return joined

    def read_time_phrases(self, joined: list[Token]) -> list[Token]:
        """Periods as people say them: `through the end of October`, `the full month`, `a month`, `how are we trending`,
        `every saturday`, `noon`, `oct+nov`, `the quarter so far` (`month by month` is one of `_PHRASES`)."""
        joined = _weekday_spans(_day_spans(self._parts_of_days(_month_spans_in_year(joined))), self.today)
        joined = self._holiday_spans(joined)
        joined = self._business_days(joined)
        joined = self._held_against(self._as_many_before(joined))
        # `through (the) end of October`: through October (`end of month` alone is the forecast's phrase)
        for j in range(len(joined) - 1, -1, -1):
            if j > len(joined) - 1:
                continue  # a rewrite after this place shortened the list
            if joined[j].lower != "end" or not next_is(joined, j, "of"):
                continue
            the = 1 if j > 0 and joined[j - 1].lower == "the" else 0
            if j - the > 0 and joined[j - the - 1].lower in _SPAN_ENDS:
                del joined[j - the : j + 2]
        # `for the full month`, `the whole quarter`: this one, whole (a forecast if the question asks where it lands)
        for j in range(len(joined) - 2, -1, -1):
            before = joined[j - 1].lower if j > 0 else ""
            whole = joined[j].lower in ("full", "whole", "entire")
            period = ABBREVIATIONS.get(joined[j + 1].lower, joined[j + 1].lower) in ("month", "quarter", "year", "week")
            if whole and period and j > 1 and WRITTEN_YEAR.fullmatch(before) and joined[j - 2].lower in MONTH_NAMES:
                del joined[j : j + 2]  # `Nov 2025 full month`: that month, whole (it is named)
                continue
            counted = before.isdecimal() or before in NUMBER_WORDS or before in ("last", "previous", "this")
            if whole and period and not counted:
                joined[j] = Token(Kind.WORD, "this", joined[j].position)
        # `what does checkout cost us a month`: what a month costs, the latest whole month; `a day`: the average day
        for j in range(1, len(joined) - 1):
            if joined[j].lower != "a" or not any(t.lower in _COST_VERBS for t in joined[max(0, j - 3) : j]):
                continue  # `what do we spend on amazon a month`
            unit = joined[j + 1].lower
            if unit in ("month", "day"):
                dated = any(self.time_at(joined, k) for k in range(len(joined)) if k not in (j, j + 1))
                said = ("monthly" if dated else "last month") if unit == "month" else "average"
                self.out.readings.append(f"Read `a {joined[j + 1].text}` as `{said}`.")
                joined[j : j + 2] = [Token(Kind.WORD, w, joined[j].position) for w in said.split()]
                break
        # `how are we trending this month`: how it is tracking, the forecast (`trending up vs ...` compares)
        words = [t.lower for t in joined]
        for j, w in enumerate(words):
            after = words[j + 1] if j + 1 < len(words) else ""
            if w == "trending" and "how" in words[max(0, j - 4) : j] and after not in _DIRECTIONS:
                joined[j] = Token(Kind.WORD, "tracking", joined[j].position)
            # `how are we doing this month`: how the month is going, the forecast
            asking = words[max(0, j - 3) : j]
            if w == "doing" and {"how", "how're", "hows", "how's"} & set(asking) and "we" in asking:
                joined[j] = Token(Kind.WORD, "tracking", joined[j].position)
        # `every saturday and sunday`, `each monday`: saturdays and sundays, days of the week
        for j in range(len(joined) - 1):
            if joined[j].lower not in ("every", "each"):
                continue
            k = j + 1
            while k < len(joined) and (joined[k].lower in WEEKDAYS or (joined[k].lower in ("and", "&") and k > j + 1)):
                if joined[k].lower in WEEKDAYS:
                    day_name = _WEEKDAY_NAMES[WEEKDAYS[joined[k].lower]]
                    joined[k] = Token(Kind.WORD, day_name + "s", joined[k].position)
                k += 1
            if k > j + 1:
                del joined[j]
                break
        # `around noon`: a time of day (`12pm`)
        for j, tok in enumerate(joined):
            if tok.lower in ("noon", "midday", "midnight"):
                clock = "12am" if tok.lower == "midnight" else "12pm"
                joined[j] = Token(Kind.WORD, clock, tok.position)
                self.typed[tok.position] = tok.text
        # `oct+nov`, `wed/thu`: two months, two days
        for j in range(len(joined) - 1, -1, -1):
            if j > len(joined) - 1:
                continue  # a rewrite after this place shortened the list
            parts = re.split(r"[+/]", joined[j].lower)
            named = all(p in MONTH_NAMES for p in parts) or all(p in WEEKDAYS for p in parts)
            if (
                joined[j].kind is Kind.WORD
                and len(parts) > 1
                and named
                and not self.vocabulary.meanings(joined[j].text)
            ):
                pieces: list[Token] = []
                for k, part in enumerate(parts):
                    pieces.extend([Token(Kind.WORD, "and", joined[j].position)] if k else [])
                    pieces.append(Token(Kind.WORD, part, joined[j].position))
                joined[j : j + 1] = pieces
        # `biggest 10 things`, `priciest 5 buckets`: the ranking's count (`top 10`)
        for j in range(1, len(joined)):
            count = joined[j].lower
            ranked = joined[j - 1].lower in _RANKED_BY_COST
            if ranked and count.isdecimal() and 0 < int(count) <= 1000 and j + 1 < len(joined):
                joined[j : j + 1] = [Token(Kind.WORD, "top", joined[j].position), joined[j]]
                break
        # `last 3 hrs`, `past few hours`: costs are kept by the hour, so today hour by hour
        for j in range(len(joined) - 1):
            hours = _hours_back(joined, j)
            if hours:
                hourly = any(t.lower in ("hourly", "hour-by-hour") for t in joined)
                stepped = ["today"] if hourly else ["today", "hourly"]
                typed = " ".join(t.text for t in joined[j : j + hours])
                joined[j : j + hours] = [Token(Kind.WORD, w, joined[j].position) for w in stepped]
                self.out.readings.append(f"Read `{typed}` as today hour by hour (costs are kept by the hour).")
                break
        # `what was it same time last year` (nothing compared): the default period's days so far, a year back
        compared = any(t.lower in VERSUS_WORDS or t.lower in ("compare", "comparing") for t in joined)
        for j in range(len(joined) - 3):
            words = [t.lower for t in joined[j : j + 4]]
            if compared or words[0] not in ("same", "this") or words[1] not in ("time", "point", "period"):
                continue
            if words[2:] not in (["last", "year"], ["last", "yr"]):
                continue
            current = parse_time_range(self.default_range, self.today)
            end = min(current.end, self.today + timedelta(days=1))
            start, end = current.start - relativedelta(years=1), end - relativedelta(years=1)
            label = range_label(start, end)
            typed = " ".join(t.text for t in joined[j : j + 4])
            self.out.readings.append(f"Read `{typed}` as `{label}`: {self.default_range}'s days so far, a year back.")
            joined[j : j + 4] = [Token(Kind.WORD, label, joined[j].position)]
            break
        # `sep last yr`, `q3 this year`, `h1 of last year`: that month (quarter, half) of that year
        for j in range(len(joined) - 3, -1, -1):
            if j > len(joined) - 3:
                continue  # a rewrite after this place shortened the list
            called = joined[j].lower
            of = joined[j + 1].lower == "of" and j + 4 <= len(joined)
            which, unit = (t.lower for t in joined[j + 1 + of : j + 3 + of])
            if (
                (called in MONTH_NAMES or _YEARLESS_PERIOD.fullmatch(called))
                and which in ("last", "this")
                and unit in ("year", "yr")
            ):
                year = self.today.year - (which == "last")
                joined[j : j + 3 + of] = [joined[j], Token(Kind.WORD, str(year), joined[j + 1].position)]
        # `last 3-4 days`, `past 2-3 weeks`: a count in doubt, the larger (which holds the smaller)
        for j in range(1, len(joined) - 1):
            if joined[j - 1].lower not in ("last", "past", "previous") or joined[j + 1].lower not in _COUNTED_UNITS:
                continue
            counts = re.fullmatch(r"(\d{1,2})[-–/](\d{1,2})", joined[j].lower)
            if counts is not None and int(counts[1]) < int(counts[2]):
                joined[j] = Token(Kind.WORD, counts[2], joined[j].position)
                self.out.readings.append(f"Read `{joined[j - 1].text} {counts[0]}` as the last {counts[2]}.")
        # `since day 15`: the 15th (of the month in progress, or the last)
        for j in range(1, len(joined) - 1):
            number = joined[j + 1].lower
            led = joined[j - 1].lower in ("since", "from", "on", "until", "till")
            if joined[j].lower == "day" and led and number.isdecimal() and 1 <= int(number) <= 31:
                joined[j : j + 2] = [Token(Kind.WORD, ordinal(int(number)), joined[j].position)]
                break
        # `look at first before the migration`, `before we move`, `blow up after the outage? this week ...`: an event
        # with no date in its clause, no period asked; `since we started turning stuff off in september`: since the
        # date the clause gives
        for j in range(len(joined) - 2, -1, -1):
            if joined[j].lower not in ("before", "after", "since") or joined[j + 1].lower not in _EVENT_LEADS:
                continue
            clause_end = clause_span(self.text, joined[j].position)[1]
            if joined[j].lower == "since" and self.text[clause_end : clause_end + 1] == "(":
                clause_end = clause_span(self.text, clause_end + 1)[1]  # `since I added the keys (went out Nov 9)`
            within = [k for k in range(j + 1, min(j + 12, len(joined))) if joined[k].position < clause_end]
            if not within:
                continue  # `last week vs the week before? our model moved`: the clause ends with it, no event after
            at = next((k for k in within if self.time_at(joined, k)), None)
            if at is None or (joined[j].lower != "since" and at > j + 6):
                del joined[j]
            elif joined[j].lower == "since":
                typed = " ".join(t.text for t in joined[j:at])
                self.out.readings.append(f"Read `{typed} ...` as since the date it gives.")
                del joined[j + 1 : at]
        # `weeks 44-47`: ISO weeks 44 to 47
        for j in range(len(joined) - 1):
            span = re.fullmatch(r"(\d{1,2})[-–](\d{1,2})", joined[j + 1].lower)
            if joined[j].lower in ("weeks", "wks", "kw", "cw") and span is not None:
                position = joined[j].position
                joined[j : j + 2] = [Token(Kind.WORD, w, position) for w in ("week", span[1], "to", "week", span[2])]
                break
        # `last dec 20 thru jan 3`: that day of the latest December before this month, its year written out
        for j in range(len(joined) - 2, -1, -1):
            if j > len(joined) - 3:
                continue  # a rewrite after this place shortened the list
            month = MONTH_NAMES.get(joined[j + 1].lower)
            day = DAY_NUMBER.match(joined[j + 2].lower)
            if joined[j].lower == "last" and month is not None and day is not None:
                year = year_of_last(month, self.today)
                joined[j : j + 3] = [joined[j + 1], joined[j + 2], Token(Kind.WORD, str(year), joined[j].position)]
        # `last week's spend`, `today's`, `September's bill`: the period itself (`John's` is a person's)
        for j, tok in enumerate(joined):
            owned = re.fullmatch(r"([a-z]+)['’]s", tok.lower)
            if owned is not None and (owned[1] in _UNITS_OWNING or owned[1] in MONTH_NAMES):
                joined[j] = Token(Kind.WORD, owned[1], tok.position)
        # `on all month`, `all week`: this one, whole
        for j in range(len(joined) - 1):
            of = j + 2 < len(joined) and joined[j + 2].lower == "of"  # `all month of october`
            if joined[j].lower == "all" and joined[j + 1].lower in ("week", "month", "quarter", "year") and not of:
                joined[j] = Token(Kind.WORD, "this", joined[j].position)
        # `since like 2am`: the hours of today since then, which the day hour by hour shows (`grammar_unknown`)
        for j in range(len(joined) - 1):
            k = j + 1 + (joined[j + 1].lower in ("like", "about", "around", "~") and j + 2 < len(joined))
            if joined[j].lower == "since" and CLOCK.match(joined[k].lower):
                del joined[j:k]
                break
        # `the week last compared to the week before` (French order): last week
        for j in range(len(joined) - 2):
            after = joined[j + 3].lower if j + 3 < len(joined) else ""
            unit = joined[j + 1].lower
            if (
                joined[j].lower == "the"
                and unit in _THE_UNITS
                and joined[j + 2].lower == "last"
                and after not in _LAST_OF
            ):
                joined[j : j + 3] = [Token(Kind.WORD, "last", joined[j].position), joined[j + 1]]
                break
        # `where will we land for the month`, `how's the week looking`: this one (`by the month` is a step, `the
        # month before` a period before another, `the month of october` that month)
        for j in range(1, len(joined) - 1):
            unit, after = joined[j + 1].lower, joined[j + 2].lower if j + 2 < len(joined) else ""
            if (
                joined[j].lower == "the"
                and unit in ("week", "month", "quarter", "year")
                # (`spread over the month` is no range)
                and joined[j - 1].lower
                in ("for", "in", "during", "is", "s", "how's", "hows", "does", "did", "will", "was")
                and after not in ("of", "before", "after", "ending", "ended", "starting", "prior", "just", "to", "so")
                and not after.isdecimal()  # `for the week 47`: that week
            ):
                joined[j] = Token(Kind.WORD, "this", joined[j].position)
        # `the 3 days before and after` a deploy on a named day: the two spans compared
        joined, around = around_event(joined, self.today)
        if around is not None:
            self.out.readings.append(around)
        # `for the quarter so far`, `the month to date`: this one
        for j in range(len(joined) - 2):
            if joined[j].lower == "the" and joined[j + 1].lower in ("week", "month", "quarter", "year"):
                tail = [t.lower for t in joined[j + 2 : j + 4]]
                if tail in (["so", "far"], ["to", "date"]):
                    joined[j] = Token(Kind.WORD, "this", joined[j].position)
        return joined
