"""The question kinds the parser recognises beyond a cost: compare, forecast, why, average, unusual days, movers.

A `QuestionReader` reads the phrases that change what is asked (`burn rate`, `end of month`, `vs the month
before`, `went up`) at the cursor, and settles what only the whole text tells (`which service
grew the most` ranks by change, `any spikes` asks for unusual days, `how much per day` for the average). The word
lists themselves are in `grammar_words`.
"""

from __future__ import annotations

from bot.billing.grammar_cursor import Cursor
from bot.billing.grammar_dates import range_label
from bot.billing.grammar_time import NUMBER_WORDS, parse_time_range, shifted_range
from bot.billing.grammar_tokens import Kind, Token
from bot.billing.grammar_words import (
    CHANGE_RANKINGS,
    DECREASE_WORDS,
    INCREASE_WORDS,
    MOTION_WORDS,
    RANKING_WORDS,
)
from bot.billing.model import Dimension, DimensionRef, Granularity, Question
from bot.errors import UsageError


class QuestionReader(Cursor):
    """Reads what a question asks for beyond its cost; `grammar._Parser` calls these from its loop and `finish`."""

    def moves_and_rates(self, w: str) -> bool:
        """Words of a cost moving (`increase`, `grew`, `went up`, `dropped`) and `burn rate`/`run rate` (the
        forecast). A move asks for a ranking only with a ranking word (settled in `finish`)."""
        nxt = self.word(1)
        if w in ("burn", "run") and nxt == "rate":
            self.set_question(Question.FORECAST, self.tokens[self.i])
            self.i += 2
            return True
        if w in MOTION_WORDS and nxt in ("up", "down"):
            self.out.moves.append(Question.INCREASES if nxt == "up" else Question.DECREASES)
            self.i += 2
            return True
        if w in INCREASE_WORDS or w in DECREASE_WORDS:
            self.out.moves.append(Question.INCREASES if w in INCREASE_WORDS else Question.DECREASES)
            self.i += 1
            return True
        return False

    def set_question(self, question: Question, tok: Token) -> None:
        if self.out.question not in (Question.COST, question):
            raise UsageError(
                f"`{tok.text}` asks for {question.asks}, but the question already asks for {self.out.question.asks}.",
                hint="Ask one at a time: `forecast` for the month-end forecast, `why last week` for what changed.",
            )
        self.out.question = question

    def forecast_phrase(self) -> bool:
        """`end of (the) month`, `by end of month`, `month end`: the month-end forecast."""
        w, j = self.word(), 0
        if w == "by" and self.word(1) in ("end", "eom"):
            j = 1
        if self.word(j) == "eom":
            used = j + 1
        elif self.word(j) == "end":  # `end of month`, `end of the month`, `end the month`
            k = j + 2 if self.word(j + 1) == "of" else j + 1
            k = k + 1 if self.word(k) in ("the", "this") else k
            if self.word(k) != "month":
                return False
            used = k + 1
        elif self.word(j) == "month" and self.word(j + 1) == "end":
            used = j + 2
        else:
            return False
        self.set_question(Question.FORECAST, self.tokens[self.i])
        self.i += used
        return True

    def versus_relative(self) -> bool:
        """After `vs`, periods named relative to the first one: `the day before`, `the previous month`, `same
        month last year`, `a year ago`, `before`."""
        if not self.out.after_versus or self.out.time_range is None:
            return False
        j = 1 if self.word() in ("the", "a") else 0
        w, nxt = self.word(j), self.word(j + 1)
        units = {"day", "week", "month", "quarter", "year", "period", "one"}
        unit: str | None
        if w in ("previous", "prior", "preceding") and nxt in units:
            unit, used = nxt, j + 2
        elif w in ("previous", "prior", "preceding", "before") or (
            w == "last" and (nxt is None or not (nxt in units or nxt.isdecimal() or nxt in NUMBER_WORDS))
        ):
            unit, used = None, j + 1  # `vs before`, `compared to last`
        elif w in units and nxt == "before":
            unit, used = w, j + 2
        elif w == "same" and nxt in units and self.word(j + 2) == "last" and self.word(j + 3) in units:
            unit, used = self.word(j + 3), j + 4  # `same day last week`, `same month last year`
        elif (w, nxt) in (("last", "year"), ("year", "ago")) and self.out.time_range.days < 360:
            unit, used = "year", j + 2
        else:
            return False
        if unit in ("period", "one"):
            unit = None
        self.out.set_time(shifted_range(self.out.time_range, unit))
        self.out.after_versus = False
        self.i += used
        return True

    def settle_question(self) -> None:
        """The questions that only the whole text tells: a ranking by change (`biggest increase`, `which
        service grew`, `decreases`), unusual days (`any spikes`), the average per day (`how much per day`)."""
        out = self.out
        words = {t.lower for t in self.tokens if t.kind is Kind.WORD}
        ranked = bool(words & RANKING_WORDS) or bool(words & CHANGE_RANKINGS)
        if out.question is Question.COST and out.moves and ranked:
            out.question = out.moves[0]
        if out.question is Question.COST and out.unusual:
            out.question = Question.ANOMALIES
        how_much = any(
            a.lower == "how" and b.lower == "much" for a, b in zip(self.tokens, self.tokens[1:], strict=False)
        )
        if out.question is Question.COST and how_much and out.granularity is Granularity.DAY:
            out.question = Question.AVERAGE  # `how much per day`: one amount per day, not a list of days
        if out.question is Question.AVERAGE and out.granularity is Granularity.DAY:
            out.granularity = None  # `daily average`: the average is per day
        if out.question in (Question.INCREASES, Question.DECREASES) and not out.group_by and self.allow_group_by:
            out.add_group(DimensionRef(Dimension.SERVICE), self.vocabulary)  # what moved: by service unless asked

    def check_forecast(self) -> None:
        current = parse_time_range("this month", self.today)
        tr = self.out.time_range
        if tr is None:
            self.out.time_range = current
        elif not tr.start <= self.today < tr.end:
            raise UsageError(
                f"A forecast is for the month in progress, and `{tr.label or range_label(tr.start, tr.end)}` is not in "
                "progress.",
                hint="Ask `forecast` (this month), or `last month` for what a past period cost.",
            )
