"""The question kinds the parser recognises beyond a cost: compare, forecast, why, average, unusual days, movers.

A `QuestionReader` reads the phrases that change what is asked (`burn rate`, `end of month`, `vs the month
before`, `went up`) at the cursor, and settles what only the whole text tells (`which service
grew the most` ranks by change, `any spikes` asks for unusual days, `how much per day` for the average). The word
lists themselves are in `grammar_words`.
"""

from __future__ import annotations

import re
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from bot.billing.grammar_cursor import Cursor
from bot.billing.grammar_dates import MONTH_NAMES, NUMBER_WORDS, ORDINAL, range_label, shift_unit
from bot.billing.grammar_holidays import match_holiday
from bot.billing.grammar_time import (
    SHORT_WEEKDAYS,
    WEEKDAYS,
    match_time_range,
    names_a_step,
    parse_time_range,
    shifted_range,
    span_ends,
)
from bot.billing.grammar_tokens import Kind, Token
from bot.billing.grammar_words import (
    CHANGE_RANKINGS,
    CHANGE_WORDS,
    DECREASE_WORDS,
    DIFFERENCE_AMOUNT_WORDS,
    EXCLUDING,
    INCREASE_WORDS,
    MOTION_WORDS,
    RANKING_WORDS,
    ROUGH_AMOUNT_WORDS,
    SEPARATELY,
)
from bot.billing.model import Dimension, DimensionRef, Granularity, Question, TimeRange
from bot.errors import TwoAsked, UsageError

#: Words for a day like any other (`vs a normal thursday`).
#: An ISO week's label (`2025-w49`).
_ISO_WEEK_LABEL = re.compile(r"\d{4}-w(\d{1,2})")
_ORDINARY = frozenset({"normal", "typical", "regular", "usual", "ordinary"})
#: Words that end a range already read at the end of the period after them (`ytd through october`).
_TO_END = frozenset({"through", "thru", "till", "til", "until", "up"})

#: Words that hold a month-end forecast against a past period (`under last month's total`).
FORECAST_AGAINST = frozenset({"under", "below", "above", "over", "beat", "exceed", "than", "vs", "versus", "against"})


#: Subjects of a move that are the whole cost (`is it going up`, `are we trending down`), which no ranking asks.
_WHOLE_SUBJECTS = frozenset({"it", "it's", "its", "we", "we're"})
#: Verbs of one period's cost passing another's (`will it cross Oct figure`, `will this month exceed october`).
_OUTGROW = frozenset({"cross", "exceed", "beat", "surpass", "pass", "overtake", "outrun", "overshoot"})


#: What stands before `is going on` when it asks why (`what is going on`, `something is going on with ec2`).
_ASKS_WHAT_GOES_ON = frozenset({"what", "whats", "what's", "something", "smth", "anything", "hell", "heck", "there"})


#: Words asking one sum of the periods named (`total for oct and nov`, `combined`).
_SUM_WORDS = frozenset({"total", "totals", "combined", "together", "sum", "overall", "altogether", "all-in"})


class QuestionReader(Cursor):
    """Reads what a question asks for beyond its cost; `grammar._Parser` calls these from its loop and `finish`."""

    def _event_going_on(self) -> bool:
        """`the BF sale is going on`, `a load test is going on`: something named happening, told as context; no why
        (`what is going on`, `something is going on with ec2` ask it)."""
        return self.word(-1) in ("is", "are") and self.word(-2) not in _ASKS_WHAT_GOES_ON

    def moves_and_rates(self, w: str) -> bool:
        """Words of a cost moving (`increase`, `grew`, `went up`, `dropped`) and `burn rate`/`run rate` (the
        forecast). A move asks for a ranking only with a ranking word (settled in `finish`)."""
        nxt = self.word(1)
        if (w == "on" and nxt in ("track", "pace")) or (w == "going" and nxt == "on"):
            # `are we on track`: the forecast; `what's going on with cloudfront`: why it changed (`anything weird
            # going on`: the weird days asked, the words after it)
            if nxt != "on":
                self.set_question(Question.FORECAST, self.tokens[self.i])
            elif not self.out.unusual and self.word(-1) != "still" and not self._event_going_on():
                self.set_question(Question.WHY, self.tokens[self.i])  # (`is it still going on`: whether it lasts)
            self.i += 2
            return True
        if w in ("burn", "run") and nxt == "rate":
            self.set_question(Question.FORECAST, self.tokens[self.i])
            self.i += 2
            return True
        if w in ("burn", "burning") and self.word(-1) in ("our", "the", "my", "monthly", "current"):
            self.out.burn = True  # `what's our burn`: for the month in progress, its pace (settled in `finish`)
            self.i += 1
            return True
        if w in MOTION_WORDS and nxt in ("up", "down"):
            self.out.moves.append(Question.INCREASES if nxt == "up" else Question.DECREASES)
            self.out.moves_of_whole = self.out.moves_of_whole and self.word(-1) in _WHOLE_SUBJECTS
            self.i += 2
            return True
        if w in INCREASE_WORDS or w in DECREASE_WORDS:
            self.out.moves.append(Question.INCREASES if w in INCREASE_WORDS else Question.DECREASES)
            self.out.moves_of_whole = self.out.moves_of_whole and self.word(-1) in _WHOLE_SUBJECTS
            self.i += 1
            return True
        if w in ("changed", "change", "moved", "different") and (
            self.word(-1) in ("what", "whats", "what's") or self.word(-2) == "what"
        ):
            # `what changed in ec2`, `what has changed`, `what's different`
            self.set_question(Question.WHY, self.tokens[self.i])
            self.i += 1
            return True
        if w in ("movers", "mover"):  # `top movers`: the rises, said, with how to ask for the falls
            self.out.moves.append(Question.INCREASES)
            self.out.moves_of_whole = False
            self.out.readings.append(
                f"Read `{self.tokens[self.i].text}` as the biggest increases; ask `biggest decreases` for the falls."
            )
            self.i += 1
            return True
        return False

    def set_question(self, question: Question, tok: Token) -> None:
        if self.out.question not in (Question.COST, question):
            raise TwoAsked(
                f"`{tok.text}` asks for {question.asks}, but the question already asks for {self.out.question.asks}.",
                hint="Ask one at a time: `forecast` for the month-end forecast, `why last week` for what changed.",
            )
        self.out.question = question

    def forecast_phrase(self) -> bool:
        """`end of (the) month`, `by end of month`, `month end`, `the end of november` (in November): the
        month-end forecast."""
        w, j = self.word(), 0
        if w == "by" and self.word(1) in ("end", "eom", "month-end"):
            j = 1
        if self.word(j) in ("eom", "month-end"):  # (`month end` is read as `month-end` first)
            used = j + 1
        elif self.word(j) == "end":  # `end of month`, `end of the month`, `end the month`
            k = j + 2 if self.word(j + 1) == "of" else j + 1
            k = k + 1 if self.word(k) in ("the", "this") else k
            if self.word(k) != "month" and MONTH_NAMES.get(self.word(k) or "") != self.today.month:
                return False
            used = k + 1
        else:
            return False
        self.set_question(Question.FORECAST, self.tokens[self.i])
        self.i += used
        return True

    def outgrows(self, w: str) -> bool:
        """`will this month exceed october`, `forecast for nov, will it cross Oct figure`: a period held against
        another named after the verb, compared; the month in progress by its forecast (`check_forecast` holds it
        against the other)."""
        tr = self.out.time_range
        if w not in _OUTGROW or tr is None or not self._names_a_time(2 if self.word(1) == "the" else 1):
            return False
        self.out.comparing = self.out.after_versus = True
        if tr.start <= self.today < tr.end and self.out.question is Question.COST:
            self.out.question = Question.FORECAST
        self.i += 1
        return True

    def _names_a_time(self, j: int) -> bool:
        """Whether a holiday or a time phrase starts `j` tokens on (`last black friday`, `last tuesday`)."""
        at = self.i + j
        try:
            return match_holiday(self.tokens, at, self.today) is not None or bool(
                match_time_range(self.tokens, at, self.today)
            )
        except UsageError:
            return False

    def _names_a_holiday(self, j: int) -> bool:
        try:
            return match_holiday(self.tokens, self.i + j, self.today) is not None
        except UsageError:
            return False

    def versus_relative(self) -> bool:
        """After `vs`, periods named relative to the first one: `the day before`, `the previous month`, `same
        month last year`, `a year ago`, `before`."""
        j = 1 if self.word() in ("the", "a") else 0
        unnamed = self.out.after_versus and self.out.time_range is None
        # `what about same week last year?` with no period before it: this week beside that one
        alone = self.out.time_range is None and self.out.versus is None and self.word(j) == "same"
        implied = self._range_a_year_back_implies(j) if unnamed or alone else None
        if implied is not None:
            self.out.time_range = parse_time_range(implied, self.today)
            self.out.after_versus = self.out.comparing = True
        if not self.out.after_versus or self.out.time_range is None:
            return False
        if self.word(j) == "same":  # `the same two days the week before`: how many is the first range's count
            while (
                self.word(j + 1) is not None
                and (str(self.word(j + 1)).isdecimal() or self.word(j + 1) in NUMBER_WORDS)
                and self.word(j + 2) in ("days", "weeks", "months", "dates")
            ):
                self.tokens = [*self.tokens[: self.i + j + 1], *self.tokens[self.i + j + 2 :]]
        w, nxt = self.word(j), self.word(j + 1)
        month = MONTH_NAMES.get(self.word(j + 3) or "")
        if w == "same" and nxt in ("days", "dates") and self.word(j + 2) in ("in", "of") and month is not None:
            # `since the 1st, compared with the same days in october`: those day numbers of that month
            current = self.out.time_range
            back = (current.start.month - month) % 12 or 12
            end = min(current.end, self.today + timedelta(days=1))  # the days that have costs
            shifted = TimeRange(current.start - relativedelta(months=back), end - relativedelta(months=back))
            self.out.set_time(TimeRange(shifted.start, shifted.end, range_label(shifted.start, shifted.end)))
            self.out.after_versus = False
            self.i += j + 4
            return True
        if w in _ORDINARY and self.out.time_range.days < 7:
            return self._ordinary_day(j)
        named = WEEKDAYS.get(w or "", SHORT_WEEKDAYS.get(w or ""))
        if named is not None and nxt in ("before", "prior", "earlier") and self.out.time_range.days < 7:
            return self._weekday_before(named, f"{w} {nxt}", j + 2)  # `yesterday vs the thursday before`
        if w in _ORDINARY and nxt in ("week", "month", "quarter"):
            # `BF week vs a normal week`: the one before, which every answer compares with
            self.out.readings.append(f"Read `{w} {nxt}` as the {nxt} before.")
            self.out.set_time(shifted_range(self.out.time_range, nxt))
            self.out.after_versus = False
            self.i += j + 2
            return True
        units = {
            "day",
            "week",
            "month",
            "quarter",
            "year",
            "period",
            "one",
            "days",
            "weeks",
            "months",
            "window",
            "stretch",
        }
        count = int(w) if w is not None and w.isdecimal() else NUMBER_WORDS.get(w or "")
        if count and nxt in ("days", "weeks", "months") and self.word(j + 2) in ("before", "prior", "earlier"):
            # `since the 20th vs the 2 weeks before`: that many days, weeks or months just before the days asked
            start = self.out.time_range.start
            step = (
                relativedelta(months=count) if nxt == "months" else timedelta(days=count * (7 if nxt == "weeks" else 1))
            )
            before = TimeRange(start - step, start)
            self.out.set_time(TimeRange(before.start, before.end, range_label(before.start, before.end)))
            self.out.after_versus = False
            self.i += j + 3
            return True
        unit: str | None
        if w in ("previous", "prior", "preceding") and nxt in units:
            unit, used = nxt, j + 2
        elif w in ("previous", "prior", "preceding", "before") or (
            w == "last"
            and (nxt is None or not (nxt in units or nxt.isdecimal() or nxt in NUMBER_WORDS))
            and not self._names_a_time(j)  # `vs last black friday`, `vs last tuesday`: that day
        ):
            unit, used = None, j + 1  # `vs before`, `compared to last`
        elif w in units and nxt == "before":
            unit, used = w, j + 2
        elif w in ("weekend", "wknd") and nxt in ("before", "prior", "earlier"):
            unit, used = "week", j + 2  # `sat 21 - sun 22 vs the weekend before`: the same days a week earlier
        elif w == "same" and nxt in units and self.word(j + 2) == "last" and self.word(j + 3) in units:
            unit, used = self.word(j + 3), j + 4  # `same day last week`, `same month last year`
        elif w == "same" and nxt in units and self.word(j + 2) in ("of", "the", "a"):
            # `the same day of the week before`, `same day a week earlier`
            k = j + 3 if self.word(j + 3) not in ("the", "a") else j + 4
            if self.word(k) not in units or self.word(k + 1) not in ("before", "earlier", "prior"):
                return False
            unit, used = self.word(k), k + 2
        elif (
            (w, nxt) in (("last", "year"), ("year", "ago"))
            and self.out.time_range.days < 360
            and not (nxt == "year" and self._names_a_holiday(j + 2))  # `vs last year's black friday`: that day
        ):
            unit, used = "year", j + 2
        elif (
            w in ("this", "same")
            and nxt in ("time", "point")
            and self.word(j + 2) == "last"
            and self.word(j + 3) in units
        ):
            unit, used = self.word(j + 3), j + 4  # `this time last year`, `same point last month`: the same days
        else:
            return False
        holiday = self.out.holiday
        if unit == "year" and holiday is not None and self.out.time_range == holiday.time_range:
            # `black friday vs this time last year`: last year's Black Friday, not the same date
            self.out.set_time(holiday.in_year(holiday.time_range.start.year - 1).time_range)
            self.out.after_versus = False
            self.i += used
            return True
        if unit in ("period", "one"):
            unit = None
        elif unit is not None:
            unit = unit.removesuffix("s")
        self.out.set_time(shifted_range(self.out.time_range, unit))
        self.out.after_versus = False
        self.i += used
        return True

    def _range_a_year_back_implies(self, j: int) -> str | None:
        """The range compared with a year back when none was named before `vs` (`KMS compared with same month last
        year`: this month; `s3 vs last yr`: the default range); None for anything else."""
        w, unit = self.word(j), self.word(j + 1)
        if w == "same" and unit in ("day", "week", "month", "quarter") and self.word(j + 2) == "last":
            return "today" if unit == "day" else f"this {unit}"
        if w == "same" and unit in ("time", "point", "period") and self.word(j + 2) == "last":
            return self.default_range  # `how does that compare to the same time last year`: the default's days
        if (w, unit) in (("last", "year"), ("last", "yr"), ("year", "ago")):
            return self.default_range
        return None

    def _ordinary_day(self, j: int) -> bool:
        """`yesterday (thanksgiving) vs a normal thursday`, `vs a typical day`: the latest such weekday before the
        range (its own weekday for `day`), as many days as the range, said."""
        tr = self.out.time_range
        assert tr is not None
        named = self.word(j + 1)
        target = None if named is None else WEEKDAYS.get(named, SHORT_WEEKDAYS.get(named))
        if target is None and named not in ("day", "days", "week", "weekend"):  # `vs a normal weekend`
            return False
        weekday = tr.start.weekday() if target is None else target
        return self._weekday_before(weekday, f"{self.word(j)} {named}", j + 2)

    def _weekday_before(self, weekday: int, typed: str, used: int) -> bool:
        """The latest `weekday` before the range read, as many days as it (`typed`, `used` tokens), said."""
        tr = self.out.time_range
        assert tr is not None
        back = (tr.start.weekday() - weekday) % 7 or 7
        start = tr.start - timedelta(days=back)
        end = start + timedelta(days=tr.days)
        self.out.set_time(TimeRange(start, end, range_label(start, end)))
        last = end - timedelta(days=1)
        when = f"{start:%A %Y-%m-%d}" if start == last else f"{start:%a %Y-%m-%d} to {last:%a %Y-%m-%d}"
        self.out.readings.append(f"Read `{typed}` as {when}, the latest before it.")
        self.out.after_versus = False
        self.i += used
        return True

    def span_to_end(self) -> bool:
        """`ytd through october`, `since august until october`, `this month through yesterday`: the range already
        read, ended where the period after the word ends (the end a person names is the last day they want)."""
        current = self.out.time_range
        w = self.word()
        if current is None and w in ("to", "till", "til", "until") and self.word(1) in ("date", "today"):
            self.i += 2  # `how much have we spent to date`, `till today`: the range in progress (the default), so far
            return True
        if current is None or self.out.after_versus:
            return False
        if w in ("to", "till", "til", "until") and self.word(1) == "date":  # `FY26 to date`: through today
            end = min(current.end, self.today + timedelta(days=1))
            if end > current.start:
                self.out.time_range = TimeRange(current.start, end, range_label(current.start, end))
                self.i += 2
                return True
        if w not in _TO_END:
            return False
        j = 2 if (w, self.word(1)) == ("up", "to") else 1
        if w == "up" and j == 1:
            return False
        try:
            found = match_time_range(self.tokens, self.i + j, self.today)
        except UsageError:
            return False
        if found is None or not (current.start <= found[0].start < current.end or found[0].end <= current.end):
            return False
        end = found[0].end
        if end <= current.start:
            return False
        self.out.time_range = TimeRange(current.start, end, range_label(current.start, end))
        self.i += j + found[1]
        return True

    def _step_of_each(self, first: TimeRange, then: TimeRange) -> Granularity | None:
        """The step that shows each of two periods named one by one (`sept and oct`: by month; `the 21st and 22nd`:
        by day); None for other periods, and for two days typed as one word (`wed+thu`: their sum)."""
        if first.whole_months and then.whole_months and then.days < 32:
            return Granularity.MONTH
        if first.days == 1 and then.days == 1 and not self._typed_as_one():
            return Granularity.DAY
        return None

    def _typed_as_one(self) -> bool:
        """Whether the word at the cursor was typed glued to the one before it (`wed+thu`: the two days' sum)."""
        typed = self.text[self.tokens[self.i].position :].split()
        return bool(typed) and ("+" in typed[0] or "/" in typed[0])

    def _next_to(self, before: Token) -> bool:
        """Whether `before` stands right before the cursor's word, parted by spaces or a slash only (`jul/aug`, `oct
        nov`; not `September? October`, nor a bracket)."""
        between = self.text[before.position + len(before.text) : self.tokens[self.i].position]
        return not between.strip(" /")

    def time_phrase(self, found: TimeRange) -> None:
        """A time phrase read at the cursor. Right after `and` and adjacent to the range already read, it
        extends it (`total for oct and nov`); a span's two ends are kept, so that a question about a change
        compares them (`the change from september to october`)."""
        out = self.out
        current = out.time_range
        before = self.tokens[self.i - 1] if self.i > 0 else None
        if before is not None and before.lower in ("on", "in", "the") and self.i > 1 and self.word(-2) == "and":
            before = self.tokens[self.i - 2]  # `on 1 Oct and on 1 Nov`, `yesterday and the day before`: joined
        # `sep -> oct -> nov`: an arrow from one period to the next; `jul/aug/sep`, `oct nov`: months side by side
        months_side_by_side = before is not None and before.lower in MONTH_NAMES and self._next_to(before)
        joined = before is not None and (
            before.lower in ("and", "&", "+", "or", "->", "→") or before.kind is Kind.COMMA or months_side_by_side
        )
        versus = out.versus
        if current is None and out.granularity is Granularity.MONTH and found.days == 1 and self._day_of_month_only():
            # `RI fees each month (the charges on the 1st)`: the day of every month they are posted on
            out.readings.append(f"Read `{self.word(0)} {self.word(1)}` as the day of each month, not one day.")
            return
        if (
            out.after_versus
            and current is not None
            and versus is not None
            and current.end == versus.start
            and versus.end == found.start
            and _same_size(versus, found)
        ):  # `18th vs 19th vs 20th`: a run of periods side by side, the span step by step
            step = _STEPS.get(found.days, Granularity.MONTH if found.days >= 28 else None)
            out.time_range, out.versus = (
                TimeRange(current.start, found.end, range_label(current.start, found.end)),
                None,
            )
            out.after_versus = out.comparing = False
            if step is not None and out.granularity is None:
                out.set_granularity(step)
            out.readings.append(f"Read the periods compared as `{out.time_range.label}`, each beside the others.")
            return
        if versus is not None and joined and versus.end == found.start:  # `today vs wed/thu`: the days compared
            out.versus = TimeRange(versus.start, found.end, range_label(versus.start, found.end))
            return
        restated = next(
            (r for r in (versus, current) if r is not None and r.start <= found.start and found.end <= r.end), None
        )
        if restated is not None and out.comparing and self._apart(out.time_at) == "(":
            # `Q3 vs Q2 (Apr 1 - Jun 30)`, `YTD vs same period last year (jan 1 to today)`: the days of a period
            # compared, restated in an aside
            out.readings.append(f"`{found.label}` in the aside is part of `{restated.label}`, the days compared.")
            return
        inside = current is not None and current.start <= found.start and found.end <= current.end
        inside = inside and current is not None and (found.start, found.end) != (current.start, current.end)
        in_a_list = months_side_by_side or self.word(1) in MONTH_NAMES
        month_each = current is not None and self._step_of_each(current, found) is Granularity.MONTH
        if current is not None and inside and joined and month_each and in_a_list:
            # `Q3 total, and Jul/Aug/Sep individually`: the period's months named one by one, each asked
            out.listed_step = Granularity.MONTH
            return
        if current is not None and joined and not (out.comparing or out.after_versus):
            # `oct and nov`, `Aug, Sep, Oct`, `current month and previous month`: one span
            if current.end == found.start:
                out.time_range = TimeRange(current.start, found.end, range_label(current.start, found.end))
                arrow = before is not None and before.lower in ("->", "→")  # (`sep -> oct -> nov`: a span)
                out.listed_step = None if arrow else self._step_of_each(current, found)
                return
            if found.end == current.start:  # `yesterday or wed`: the days either way
                out.time_range = TimeRange(found.start, current.end, range_label(found.start, current.end))
                # (`yesterday or wed`: either day, unsure which)
                either = before is not None and before.lower == "or"
                day_each = self._step_of_each(found, current) is Granularity.DAY
                out.listed_step = Granularity.DAY if day_each and not either else None
                return
            if before is not None and before.lower in ("->", "→") and found.start > current.start:
                # `Jan→Nov`: from one to the other, as `jan to nov`
                out.time_range = TimeRange(current.start, found.end, range_label(current.start, found.end))
                return
            if _same_size(current, found) and found.start > current.start and out.versus is None:
                # `the fees posted on 1 Oct and 1 Nov`: two periods of one size apart, side by side
                out.readings.append(f"Read `{current.label}` and `{found.label}` as compared with each other.")
                out.versus = found
                return
        back = 2 if self.word(-1) == "the" else 1  # `except the last 3 days`
        leading = self.word(-back)
        listed = leading in ("and", "or", "&") or self.kind(-back) is Kind.COMMA
        led = self.i >= back and (leading in EXCLUDING or listed)
        if current is not None and out.excluding and not led:
            out.excluding = False  # `Q3 total excluding tax? (jul 1 - sep 30)`: the days say which, none left out
        if current is not None and out.excluding:  # `this month excl. today`: the days without it
            out.time_range = self._trimmed(current, found)
            out.excluding = False
            return
        # (`compare our spend Jan–Oct this year month by month`: a range named after the one it holds says whose days
        # they are, no period compared)
        holds = current is not None and found.start <= current.start and current.end <= found.end
        if current is not None and not out.after_versus and (not out.comparing or holds):
            found = self._weekday_within(current, found)
            # `this year so far, Jan through Nov`: the days within, in one sentence; in an aside after it (`Jan
            # through Nov (Nov partial is fine)`), days the answer holds already
            same = (current.start, current.end) == (found.start, found.end)
            inner = found if current.start <= found.start and found.end <= current.end and not same else None
            if found.start <= current.start and current.end <= found.end and not same:
                inner = current
            apart = self._apart(out.time_at)
            if apart == "(" and _same_size(current, found) and self._restates(out.time_at):
                # `last weds (nov 18th)`: the date in the aside right after a range says which days were meant
                out.readings.append(f"Read `{current.label}` as `{found.label}`, the date given beside it.")
                out.time_range = found
                return
            if inner is found and apart == "(":
                out.readings.append(f"`{found.label}` in the aside is part of `{current.label}`, the days answered.")
                return
            # one day within is a description (`the fees that hit on the 1st`, `we cut over the CDN on tuesday`):
            # part of the days answered
            if inner is not None and not apart and inner.days == 1:
                outer = current if inner is found else found
                out.readings.append(f"`{inner.label}` is part of `{outer.label}`, the days answered.")
                out.time_range = outer
                return
            spanned = ".." in (current.label or "") and (found.label or "").startswith("since ")
            if inner is found and spanned:
                # `daily from 16th to today, ... came back down after the test ended sunday`: both ends were given;
                # a later `since` within them tells of an event
                out.readings.append(f"`{found.label}` is part of `{current.label}`, the days answered.")
                return
            if inner is not None and not apart and inner.days > 1:
                outer = current if inner is found else found
                out.time_range = inner
                out.readings.append(f"Read `{inner.label}` within `{outer.label}` as the days asked about.")
                return
        ends = span_ends(self.tokens, self.i, self.today)
        if ends is not None and out.time_range is None:
            out.span_ends = ends
        if out.time_range is None:
            out.time_at = self.tokens[self.i].position
        out.set_time(found)
        out.after_versus = out.excluding = False

    def _weekday_within(self, current: TimeRange, found: TimeRange) -> TimeRange:
        """`last week ... on tuesday`, `the thurs autoscaling change` beside `last week`: that weekday of the range
        already read (a weekday alone is the latest one), when the range holds one that has begun."""
        named = WEEKDAYS.get(self.word() or "", SHORT_WEEKDAYS.get(self.word() or ""))
        if named is None or found.days != 1 or current.days > 7:
            return found
        day = current.start + timedelta(days=(named - current.start.weekday()) % 7)
        if day < current.end and day <= self.today:
            return TimeRange(day, day + timedelta(days=1), range_label(day, day + timedelta(days=1)))
        return found

    def _day_of_month_only(self) -> bool:
        """Whether the cursor is at a day of the month named with no month (`the 1st`, `1st`)."""
        words = [self.word(0), self.word(1)] if self.word(0) == "the" else [self.word(0)]
        following = self.word(len(words))
        return ORDINAL.fullmatch(words[-1] or "") is not None and following not in MONTH_NAMES and following != "of"

    def _apart(self, since: int | None) -> str:
        """What sets the cursor apart from the text's offset `since`: "." when a sentence ends between them
        (`launch went live on the 17th. any weird days this month?` asks two things), "(" when the cursor is in
        an aside opened after it, "" when neither (also "." when there is no offset)."""
        if since is None or self.i >= len(self.tokens):
            return "."
        between = self.text[since : self.tokens[self.i].position]
        if re.search(r"[.?!;](\s|$)", between):
            return "."
        return "(" if between.count("(") > between.count(")") else ""

    def _restates(self, since: int | None) -> bool:
        """Whether the cursor opens an aside right after the time phrase at the text's offset `since` (`last weds
        (nov 18th)`)."""
        if since is None:
            return False
        between = self.text[since : self.tokens[self.i].position]
        return between.rstrip().endswith("(") and between.count("(") == 1 and len(between.split()) <= 4

    def _trimmed(self, current: TimeRange, left_out: TimeRange) -> TimeRange:
        """`current` without `left_out` at its start or its end (a range in progress ends today), or as it is when
        they do not meet (said); raises
        `UsageError` when `left_out` is inside it, which would leave two spans."""
        end = min(current.end, self.today + timedelta(days=1))
        start = current.start
        if left_out.end <= start or end <= left_out.start:  # `last 7 days without today`: not in it anyway
            self.out.readings.append(f"`{left_out.label}` is not part of `{current.label}` anyway.")
            return current
        if left_out.start <= start < left_out.end:
            start = left_out.end
        elif left_out.start < end <= left_out.end:
            end = left_out.start
        else:
            raise UsageError(
                f"`{left_out.label}` is not at the start or the end of `{current.label}`: leaving it out would leave "
                "two spans.",
                hint="Ask for each span, e.g. `2026-11-01..2026-11-09`.",
            )
        if start >= end:
            raise UsageError(
                f"Without `{left_out.label}`, `{current.label}` has no days left.", hint="Ask another range."
            )
        return TimeRange(start, end, range_label(start, end))

    def compare_span_ends(self) -> None:
        """A span of two like periods in a question about a change compares them, the later against the earlier
        (`why ... from september to october`, `MoM variance between september and october`)."""
        out = self.out
        if out.span_ends is None or out.versus is not None or out.time_range is None:
            return
        first, last = out.span_ends
        words = self.typed_words()
        # a `vs` between values (`s3 storage vs requests from 11/2 to 11/20`) compares them, not the span's ends
        values_compared = any(len(f.values) > 1 and not f.negate for f in out.filters)
        # `jan through oct, month on month`: each step against the one before, not the ends
        compares = out.comparing and not values_compared and not out.over_unit
        about_change = compares or out.moves or out.question is Question.WHY or bool(words & CHANGE_WORDS)
        alike = first.days == last.days or (first.whole_months and last.whole_months)
        whole = (first.start, last.end) == (out.time_range.start, out.time_range.end)
        if about_change and alike and whole and first.end <= last.start:
            out.time_range, out.versus = last, first

    def settle_question(self) -> None:
        """The questions that only the whole text tells: a ranking by change (`biggest increase`, `which
        service grew`, `decreases`), unusual days (`any spikes`), the average per day (`how much per day`)."""
        out = self.out
        words = self.typed_words()
        ranked = bool(words & RANKING_WORDS) or bool(words & CHANGE_RANKINGS)
        if out.question is Question.COST and out.moves and ranked and not out.moves_of_whole:
            out.question = out.moves[0]
        spiked = out.unusual or out.spike_named
        if out.question is Question.COST and spiked and not self.asks_a_series() and out.versus is None:
            # (`dynamo cost spiking?? us-east-1 daily this week`, `EC2 per day ..., want to see the spike`: the
            # series asked shows it, as `spiking?? today vs yesterday` the two periods named; `any weird days` asks
            # the days that are weird)
            out.question = Question.ANOMALIES
        single = out.question is Question.COST and out.granularity is None and out.versus is None
        apart = bool(words & (SEPARATELY | {"each"}))  # `Q3 total, and Jul/Aug/Sep individually`
        step = out.listed_step
        if single and step is not None and (apart or not words & _SUM_WORDS) and out.time_range is not None:
            # `tax for sept and oct`, `EC2 for Sep, Oct, Nov`, `yesterday and the day before`: each named, side by
            # side (`total for oct and nov`: one sum)
            out.set_granularity(step)
            unit = "month" if step is Granularity.MONTH else "day"
            out.readings.append(f"Read the {unit}s named ({out.time_range.label}) as each {unit} beside the others.")
        pairs = list(zip(self.tokens, self.tokens[1:], strict=False))
        how_much = any(a.lower == "how" and b.lower == "much" for a, b in pairs)
        typical = bool(words & ROUGH_AMOUNT_WORDS) or any(
            a.lower == "much" and b.lower in DIFFERENCE_AMOUNT_WORDS for a, b in pairs
        )
        typical = typical or (out.time_range is None and out.versus is None)
        if out.question is Question.COST and how_much and typical and out.granularity is Granularity.DAY:
            # `how much per day roughly`, `how much more per day`, `how much are we burning per day`: one amount
            # per day; `how much per day last week` lists the days of the period named (with their total)
            out.question = Question.AVERAGE
        if out.question in (Question.AVERAGE, Question.ANOMALIES) and out.granularity is Granularity.DAY:
            out.granularity = None  # `daily average`: the average is per day; `unusual days` are days
        # `average per week`, `avg monthly spend`: the average over the complete weeks (months), beside the series
        if out.question in (Question.INCREASES, Question.DECREASES) and not out.group_by and self.allow_group_by:
            out.add_group(DimensionRef(Dimension.SERVICE), self.vocabulary)  # what moved: by service unless asked

    def asks_a_series(self) -> bool:
        """Whether the question names a time step in so many words (`daily`, `per day`, `day by day`, `hourly`), not
        only days (`any weird days`): the series it asks shows a spike."""
        return names_a_step(self.tokens, _SPIKE_SERIES_STEPS, _SPIKE_SERIES_UNITS, leads=("per", "by", "each"))

    def asks_ahead(self) -> bool:
        """Whether the question is in the future tense (`what will november cost`, `is it going to be higher`,
        `gonna`), not a request (`will you show me`)."""
        words = [t.lower for t in self.tokens if t.kind is Kind.WORD]
        for k, w in enumerate(words):
            after = words[k + 1] if k + 1 < len(words) else ""
            if (w in ("will", "gonna") and after not in ("you", "u", "ya")) or (w, after) == ("going", "to"):
                return True
        return False

    def month_not_begun(self) -> None:
        """`how much will we spend in december`, `forecast for december`, `forecast for W49 and W50` (in November): a
        month or weeks that have not begun, read as last year's by the calendar rule; the bot forecasts only the month
        in progress, so that is the answer, said."""
        out = self.out
        tr = out.time_range
        if tr is None or tr.start.year != self.today.year - 1 or str(tr.start.year) in self.text:
            return
        try:
            ahead = tr.start + relativedelta(years=1)
        except ValueError:  # pragma: no cover - relativedelta clamps 29 February
            return
        asked_ahead = out.question is Question.FORECAST or (out.question is Question.COST and self.asks_ahead())
        if ahead <= self.today or not asked_ahead:
            return
        whole_month = tr.start.day == 1 and tr.end == shift_unit("month", tr.start, 1)
        week = _ISO_WEEK_LABEL.fullmatch(tr.label)
        if not whole_month and tr.days < 7:
            return  # (`what will cyber monday cost`: last year's day, said where the holiday is read)
        if whole_month:
            what = f"{tr.start:%B} {self.today.year} has"
        elif week is not None:
            what = f"Week {int(week[1])} of {self.today.year} has"
        else:
            what = f"Those days of {self.today.year} have"
        out.readings.append(
            f"{what} not begun, and the bot forecasts only the month in progress: "
            f"answered with where {self.today:%B} lands."
        )
        out.time_range = None
        out.question = Question.FORECAST

    def burn_question(self) -> None:
        """`what's our burn this month`: for the month in progress the pace answer, which states the spend so far
        and where the month lands; for a past period its cost."""
        out = self.out
        current = parse_time_range("this month", self.today)
        in_progress = out.time_range is None or (out.time_range.start, out.time_range.end) == (
            current.start,
            current.end,
        )
        before = current.previous()
        against_last = out.versus is not None and (out.versus.start, out.versus.end) == (before.start, before.end)
        if out.question is Question.COST and in_progress and (out.versus is None or against_last):
            out.question = Question.FORECAST  # (`higher than october` in November: what every answer compares with)
            out.versus = None
        elif out.question is Question.COST and in_progress and out.versus is not None and self.asks_ahead():
            # `what will our total bill be for November, and how does it compare to Nov last year`: the forecast,
            # held against the period named
            out.question = Question.FORECAST

    def amount_question(self, amount: str) -> None:
        """An amount typed in a question (`will we go over 50k this month`): the bill answers the cost, and for
        the month in progress its forecast, to hold against it; the answer says so."""
        out = self.out
        current = parse_time_range("this month", self.today)
        in_progress = out.time_range is None or out.time_range.start <= self.today < out.time_range.end
        # (a forecast already: `50k in december`; a series asked, `which days were over 4000`, holds each day)
        asks = out.question in (Question.COST, Question.FORECAST) and out.granularity is None
        if asks and in_progress and (out.time_range or current).end <= current.end:
            out.question = Question.FORECAST
            out.readings.append(f"Read `{amount}` as a figure to hold the month-end forecast against.")
        else:
            out.readings.append(f"Read `{amount}` as a figure to hold the cost against.")

    def check_forecast(self) -> None:
        current = parse_time_range("this month", self.today)
        tr = self.out.time_range
        words = self.typed_words()
        if tr is not None and tr.end <= self.today and words & _RUN_RATE_WORDS and not words & _FORECAST_NAMED:
            # `our annual run rate if you take the last 3 months`: what those months averaged, month by month
            self.out.question = Question.AVERAGE
            self.out.granularity = self.out.granularity or Granularity.MONTH
            self.out.readings.append(
                f"Read the run rate over `{tr.label or range_label(tr.start, tr.end)}` as its average, month by month."
            )
            return
        if tr is not None and tr.end <= self.today and self.out.versus is None and words & FORECAST_AGAINST:
            # `on track to come in under last month's total`: the past period is what the forecast is held against
            self.out.versus, self.out.time_range, tr = tr, current, current
        versus = self.out.versus
        if tr is not None and tr.end <= self.today and versus is not None and versus.start <= self.today < versus.end:
            # `Oct actuals vs Nov forecast`: the forecast of the month in progress, held against the past one
            self.out.time_range, self.out.versus, tr = versus, tr, versus
        inside = tr is not None and current.start <= tr.start and tr.end <= current.end and tr.days < current.days
        if tr is not None and inside and (tr.end <= self.today + timedelta(days=1) or self.out.versus is None):
            # `if the rest of the month looks like mon-thu this week, where does nov end up`: days of the month in
            # progress (on a Wednesday some still to come, unless another period is compared), named as its pace;
            # the forecast is that month's (paced on its own days so far)
            label = tr.label or range_label(tr.start, tr.end)
            self.out.readings = [r for r in self.out.readings if not r.startswith(f"Read `{label}` within ")]
            self.out.readings.append(
                f"`{label}` lies within the month in progress: answered with that month's forecast, paced on its days "
                "so far."
            )
            self.out.time_range = tr = current
        if tr is None:
            self.out.time_range = current
        elif tr.end <= self.today:
            # `where did october land`: a period over is where it landed, its cost (no forecast of days gone by)
            self.out.question = Question.COST
            self.out.readings.append(
                f"`{tr.label or range_label(tr.start, tr.end)}` is over: answered with what it cost, not a forecast."
            )
        elif not tr.start <= self.today < tr.end:
            raise UsageError(
                f"A forecast is for the month in progress, and `{tr.label or range_label(tr.start, tr.end)}` is not in "
                "progress.",
                hint="Ask `forecast` (this month), or `last month` for what a past period cost.",
            )


#: The steps a spike shows in (`dynamo cost spiking?? daily this week`: the series, not the unusual days).
_SPIKE_SERIES_STEPS = frozenset({"daily", "hourly", "weekly", "day-by-day"})
_SPIKE_SERIES_UNITS = frozenset({"day", "hour"})
#: Words of a run rate: over a past range, what it averaged (`annualised run-rate based on the last 90 days`).
_RUN_RATE_WORDS = frozenset({"run", "run-rate", "runrate", "annualised", "annualized", "annualise", "annualize"})
#: The month-end forecast named in so many words (`EOM forecast ... don't want the SP fee on the 1st skewing the run
#: rate`): the forecast asked, whatever past days the run rate is said beside.
_FORECAST_NAMED = frozenset({"forecast", "eom", "month-end", "fcst", "projection", "projected"})
#: The time step of a run of periods of so many days (`18th vs 19th vs 20th`: day by day).
_STEPS = {1: Granularity.DAY, 7: Granularity.WEEK}


def _same_size(a: TimeRange, b: TimeRange) -> bool:
    """Whether two ranges are periods of one size: as many days, or both a month (28 to 31 days)."""
    return a.days == b.days or (28 <= a.days <= 31 and 28 <= b.days <= 31)
