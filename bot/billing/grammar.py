"""The one query grammar shared by every slash command and `trackit query`.

Words are case-insensitive and may come in any order; values with spaces are quoted. See USAGE below and
docs/query-language.md for the full grammar. `parse_query` is pure: the clock (`today`) and what the store
knows (`Vocabulary`) are arguments.

    last month by service, region service=ec2,s3 tag:team!=untagged amortized top 5

This module holds the reading loop (`_Parser.step`), bare values and the help text; a word nothing reads goes to
`grammar_unknown`, the passes before the loop are `grammar_prepass`. The parser reads with the clause readers of
`grammar_questions` (what a question asks beyond its cost) and `grammar_clauses` (filters, `by` dimensions,
`top`), sharing one `grammar_cursor.Cursor`, and assembles a `grammar_builder.Builder`; `grammar_keywords` holds
the words naming dimensions, bases and time steps.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from typing import Any

from bot.billing.grammar_bare import (
    Bare,
    as_typed,
    service_prefix,
    settle,
    stored_phrase_at,
    whole_total,
)
from bot.billing.grammar_builder import MAX_GROUP_BY, MAX_TOP, Builder
from bot.billing.grammar_cli import cli_question
from bot.billing.grammar_dates import NUMBER_WORDS, range_label, shift_unit, unit_start
from bot.billing.grammar_format import format_query
from bot.billing.grammar_holidays import match_holiday
from bot.billing.grammar_keywords import (
    BASIS_WORDS,
    DIMENSION_WORDS,
    GRANULARITY_UNITS,
    GRANULARITY_WORDS,
    TOP_N,
    TWO_WORD_DIMENSIONS,
    fold,
)
from bot.billing.grammar_prepass import (
    KNOWN_WORDS,
    TYPO_SET,
    UNIT_OVER,
)
from bot.billing.grammar_questions import QuestionReader
from bot.billing.grammar_reconcile import checks_a_figure, reconciled
from bot.billing.grammar_rows import RowsReader
from bot.billing.grammar_sentences import (
    asks_itself,
    first_question,
    list_items,
    pasted_alert,
    quoted_question,
    relay_header,
    shortened,
    taken_back,
    thanks_opening,
    withdrawn,
    without_pasted_code,
)
from bot.billing.grammar_sql import sql_question
from bot.billing.grammar_time import (
    AheadOfToday,
    fiscal_note,
    match_time_range,
    parse_time_range,
    shifted_range,
)
from bot.billing.grammar_tokens import Kind, Token, strip_markup, tokenize
from bot.billing.grammar_typos import english_words, unique_correction
from bot.billing.grammar_unknown import GENERIC_EXAMPLE, UnknownWordReader
from bot.billing.grammar_unplaced import (
    GROSS_NOTE,
    HEDGES,
    NOT_HELD,
    PERSON,
    UNIT_COST,
    read_leaving_out,
)
from bot.billing.grammar_usage import UsageFamilyReader
from bot.billing.grammar_words import (
    AMOUNT,
    ANOMALY_WORDS,
    AVERAGE_WORDS,
    CHAT_WORDS,
    CLOCK,
    CLOSE_EVENTS,
    CLOSE_PERIODS,
    COMPARE_WORDS,
    COUNT_RANKINGS,
    EXCLUDING,
    FILLERS,
    FORECAST_WORDS,
    HOLIDAY_EVENTS,
    INCLUDED_WORDS,
    INCLUDING,
    JOINERS,
    OVER_PREVIOUS,
    OVER_PREVIOUS_PERIOD,
    PERIOD_CHARGE_WORDS,
    PERIOD_NOUNS,
    PERSON_NOUNS,
    PRONOUNS,
    RANKING_WORDS,
    RESOURCE_NOUNS,
    SEPARATELY,
    SHARE_WORDS,
    USAGE_UNITS,
    VERSUS_WORDS,
    WHY_WORDS,
    YEAR_OVER_YEAR,
    ZONE_WORDS,
    mean_is_the_verb,
)
from bot.billing.model import (
    UNTAGGED,
    CostBasis,
    CostQuery,
    Dimension,
    DimensionRef,
    Granularity,
    Question,
    TimeRange,
)
from bot.billing.vocabulary import Meaning, Vocabulary
from bot.errors import TwoAsked, UnknownWord, UsageError, UserFacingError

__all__ = ["EXAMPLES", "USAGE", "parse_query"]

USAGE = """\
[time range] [by <dimension>[, <dimension>...]] [filters] [cost basis] [top N] [daily|weekly|monthly]

Time range (default: this month): today, yesterday, last 7 days, last N days, this week, last week,
  this month (mtd), last month, last 3 months, this quarter, last quarter, this year (ytd), last year,
  2026-10, october, oct 2025, 2026-q3, 2026, 2026-10-01..2026-10-15 (both days included), since 2026-10-01,
  week 45, h1, tuesday, since 1st, 17/11.
  `last N days|weeks|months` are whole units before the current one (today is not included).
Group by (up to 3): by service | account | region | usage-type | operation | resource | charge-type |
  currency | charge-class | tag:<key>   e.g. `by service, region` or `by service by tag:team`.
  Tax is its own service, `Tax`; `charge-type=tax by service` shows the tax of each service.
Filters: service=ec2 (a name, product code or short name; service=tax), account=<id or name>,
  region=us-east-1 (region=global: charges without a region), usage-type=..., operation=..., resource=...,
  charge-type=Tax, currency=EUR, tag:team=web, tag:team=untagged; usage-type=(none) for an empty value;
  charge-class=usage (usage-driven) or recurring, one-time, tax, credit, adjustment (period charges).
  Several values: service=ec2,s3. Exclude with != : service!=ec2. Quote values with spaces:
  account="Prod EU".
Cost basis (default from settings): unblended | amortized | net   (or basis=amortized)
Top N groups, the rest folded into "Other": top 5   (default 10)
Time series: daily | weekly | monthly | hourly   (or `per day`, `by week`)
Questions: forecast | why | average (per day; `average weekly` per week) | anomalies (`any spikes`) | increases |
  decreases (groups ranked by their change), e.g. `why last week`, `increases last month by team`."""

EXAMPLES: tuple[str, ...] = (
    "last month by service",
    "this month by account top 5",
    "last 7 days service=ec2 by usage-type daily",
    "2026-10 by tag:team",
    "last 3 months tag:team=untagged by service",
    "2026-10-01..2026-10-15 by region service=ec2,s3 amortized",
    'yesterday account="Prod EU" by operation',
    "mtd by service, region service!=tax",
)


#: A message asking what the bot can do (`help`, `what kind of stuff can i ask you?`, `how do I use this`).
_ASKS_FOR_HELP = re.compile(
    r"^\W*help\W*$"
    r"|\bwhat (?:kind of (?:stuff|things|questions) |sort of (?:stuff|things|questions) )?can (?:i|we) ask"
    r"|\bwhat can (?:you|this bot|the bot|it) (?:do|tell|answer)"
    r"|\bhow (?:do|can|should) (?:i|we) use (?:this|you|it|the bot)|\bhow does (?:this|it|the bot) work\b",
    re.IGNORECASE,
)
#: The most words nothing reads that a refusal leaves out to show the question the rest asks.
_MOST_LEFT_OUT = 3
#: What a request for help is answered with.
HELP_TEXT = (
    "I answer questions about the AWS bill: how much was spent, on what, when; breakdowns, day-by-day series, "
    "comparisons of two periods, where the month lands (`forecast`), why costs changed (`why`), unusual days."
)

#: The days of one unit of `X over X`: a span longer than that is shown step by step.
_UNIT_DAYS = {"day": 1, "week": 7, "month": 31, "quarter": 92}
#: Kinds of test run named around a question (`the load test`, `the soak test`): context, the dates say when.
_TEST_KINDS = frozenset({"load", "soak", "perf", "performance", "stress", "smoke", "chaos", "pen", "penetration"})


class _Parser(QuestionReader, UnknownWordReader, UsageFamilyReader, RowsReader):
    """Reads a question token by token (`step`), then settles what only the whole text tells (`finish`)."""

    def __init__(
        self,
        text: str,
        today: date,
        vocabulary: Vocabulary,
        allow_group_by: bool,
        default_range: str = "this month",
        *,
        rows_of_its_own: bool = True,
    ) -> None:
        self.text = text
        self.rows_of_its_own = rows_of_its_own
        self.tokens = tokenize(text)
        self.default_range = default_range
        self.today = today
        self.vocabulary = vocabulary
        self.allow_group_by = allow_group_by
        self.out = Builder()
        self.i = 0
        self.typed = {}
        self.read_parameters()
        self.translate_foreign_words()
        self.expand_abbreviations()
        self.join_spoken_names()
        self.correct_unit_typos()
        self.correct_typos()
        self.read_guesses()

    # ------------------------------------------------------------------------------ the loop

    def parse(self) -> Builder:
        while self.i < len(self.tokens):
            self.step()
        self.finish()
        return self.out

    def step(self) -> None:
        """Read the token at `self.i` (`_step`); values named after `including` are noted for `finish`, until a
        word that is neither a value nor a joiner."""
        tok, before = self.tokens[self.i], len(self.out.bare)
        including = self.out.including
        self._step()
        if including:
            added = self.out.bare[before:]
            self.out.included.extend(added)
            joining = tok.lower in JOINERS or tok.lower in ("the", "+", "&", "plus")  # `tax + credits`
            if not added and tok.kind is not Kind.COMMA and not joining:
                self.out.including = False

    def _step(self) -> None:
        tok = self.tokens[self.i]
        if tok.kind is Kind.COMMA:
            self.i += 1
            if self.out.excluding and (self.word() in DIMENSION_WORDS or self.word(1) in DIMENSION_WORDS):
                self.out.excluding = False  # `excl tax, linked acct 3333...`: a filter of its own after the list
            after = self.word(1) or ""
            listing = bool(self.vocabulary.meanings(after)) or after in PERIOD_CHARGE_WORDS  # `tax, credits, and fees`
            if self.out.excluding and self.word() == "and" and not listing:
                self.out.excluding = False  # `excl. tax for the accrual true-up, and Jul/Aug/Sep`: a clause of its own
            return
        if tok.kind is Kind.EQ and AMOUNT.match(self.word(1) or ""):
            self.i += 1  # `S3 for 1–15 Nov = 3,902.10`: the figure stated (read next)
            return
        if tok.kind in (Kind.EQ, Kind.NE):
            raise UsageError(
                f"`{tok.text}` at character {tok.position + 1} needs a name before it.",
                hint="Filters look like `service=ec2` or `tag:team!=web`.",
            )
        w = tok.lower
        if self.out.excluding and w in _CLAUSE_STARTS:
            self.out.excluding = False  # `sorry not technical - did we spend more on checkout`: a new clause
        if self.out.excluding and w in _SCOPE_WORDS and self.out.bare and self.out.bare[-1].negate:
            self.out.excluding = False  # `outside eu-west-1 on the data project`: where the rest is asked, kept
        if self.out.excluding and w in ("also", "only", "just", "but"):
            self.out.excluding = False  # `leave out tax and also only glue and s3`: what is kept, after the list
        tagged = w == "tagged" and self.tag_key_word(self.word(1) or "") is not None  # `tagged project checkout`
        if (w in ("tag", "tags", "tagged") and self.kind(2) in (Kind.EQ, Kind.NE)) or tagged:  # `tag env=prod`
            self.i += 1
            return
        # key=value, also with a two-word key (`usage type=...`)
        if self.kind(1) in (Kind.EQ, Kind.NE):
            self.assignment(1)
            return
        if self.kind(2) in (Kind.EQ, Kind.NE) and (w, self.word(1)) in TWO_WORD_DIMENSIONS:
            self.assignment(2)
            return
        if tok.kind is Kind.QUOTED:
            quoted_word = self.tag_key_word(tok.text) is not None or all(
                w in KNOWN_WORDS or w in english_words() for w in tok.text.casefold().split()
            )  # `"project" tag`, `Boss thinks its "a lot"`, `an "unassigned" column`
            read_as_words = len(tok.text.split()) > 2 or self._quotes_a_time(tok) or quoted_word  # `"project" tag`
            # `is the "lamda" thing expensive`: a quoted word no value is spelled as, read (and corrected) as a word
            attached = self.i > 0 and self.tokens[self.i - 1].kind in (Kind.EQ, Kind.NE)
            misspelt = (
                not attached
                and tok.text.strip().isalnum()
                and unique_correction(tok.text.strip(), TYPO_SET, self.vocabulary.names_within)[0] is not None
            )
            read_as_words = read_as_words or misspelt
            if read_as_words and not self.vocabulary.meanings(tok.text):
                # `finance asked me: "total spend per account for Q3"`: a quoted question, read as its words
                inner = [Token(t.kind, t.text, tok.position + 1 + t.position) for t in tokenize(tok.text)]
                inner = self.read_quoted(inner)  # `">> please split ..."`: a mail's quote marks
                self.tokens[self.i : self.i + 1] = inner
                return
            if not self.bare_value(tok.text, 1):
                raise UsageError(
                    f'The quoted text "{tok.text}" is not attached to a filter.',
                    hint='Quote filter values, e.g. `account="Prod EU"` (no space around `=`).',
                )
            return
        if w in CLOSE_PERIODS and self.word(1) in CLOSE_EVENTS:  # `the monthly close`, `the quarterly review`
            self.i += 2
            return
        if w in CLOSE_PERIODS and self.word(1) in _COST_NOUNS and self.word(2) in CLOSE_EVENTS:
            self.i += 3  # `monthly cost review`, `weekly spend sync`
            return
        if (w, self.word(1)) in TWO_WORD_DIMENSIONS and not self.vocabulary.meanings(f"{w} {self.word(1)}"):
            self.out.named.append(DimensionRef(DIMENSION_WORDS[fold(w + str(self.word(1)))]))  # `usage types`
            self.i += 2
            return
        if self.bare_value_phrase():  # values of several words first: `data transfer`, `us east 1`
            return
        if self.commitment_phrase() or self.on_demand():
            return
        if self.credit_phrase():
            return
        if self.versus_relative() or self.span_to_end():
            return
        holiday = match_holiday(self.tokens, self.i, self.today)
        if holiday is not None:
            # `the BF load test on 17 nov`: the holiday names the event; another date, if any, is the one asked
            # `with black friday`, `due to thanksgiving`: the reason named beside the days asked
            back = 2 if self.word(-1) in ("the", "a", "is") else 1  # `con il black friday`: `with the`
            before, earlier = self.word(-back), self.word(-back - 1)
            # `we bumped node groups for BF on the 20th`: the reason for what happened on another day
            context = before in ("with", "given", "for") or (before, earlier) in (("to", "due"), ("of", "because"))
            self.out.holiday_names_event = self.word(holiday[1]) in HOLIDAY_EVENTS or context
            with self.naming_the_ranges(holiday[0].time_range, holiday[1]):
                self.out.set_holiday(holiday[0])
            self.out.after_versus = self.out.excluding = False
            self.i += holiday[1]
            while self.word() in HOLIDAY_EVENTS or self.word() in PERIOD_NOUNS:  # `black friday traffic`, `the BF
                self.i += 1  # load test`: the event's nouns; `the BF week stretch`: its days
            aside = self.i < len(self.tokens) and "(" in self.text[tok.position : self.tokens[self.i].position]
            if aside and self.out.time_range is not None and self.out.time_at is None:
                self.out.time_at = tok.position  # `black friday week (mon-wed)`: the days within it, in the aside
            return
        try:
            found = match_time_range(self.tokens, self.i, self.today)
        except AheadOfToday as ahead:
            if self.out.after_versus:
                raise  # `this year vs 2027`: a comparison with days the bill cannot hold
            words = [t.text for t in self.tokens[self.i : self.i + ahead.used]]
            said = " ".join(words[1:] if words[0].casefold() == "the" else words)
            if self.out.ahead is None:  # `monthly totals ... before we set the 2027 numbers`: what it is for (`finish`)
                self.out.ahead, self.out.ahead_words = ahead, said
            else:  # `run-rate for next year? I've been asked for a 2027 number`: the same days named twice
                self.out.ahead_words += f"`, `{said}"
            self.i += ahead.used
            return
        if found is not None:
            with self.naming_the_ranges(found[0], found[1]):
                self.time_phrase(found[0])
            note = fiscal_note(self.tokens, self.i, found[1], found[0])
            if note is not None:  # `FY26`: the calendar year, said
                self.out.readings.append(note)
            since = match_holiday(self.tokens, self.i + 1, self.today) if w == "since" else None
            if since is not None:  # `since labor day`: which day that is, said
                day = since[0].time_range.start
                self.out.readings.append(f"Read `{' '.join(since[0].words)}` as {since[0].what}: {day:%A %Y-%m-%d}.")
            self.i += found[1]
            while self.word() in PERIOD_NOUNS:  # `the nov 16-22 window`: those days
                self.i += 1
            return
        if self.forecast_phrase():
            return
        if self.moves_and_rates(w) or self.outgrows(w):
            return
        self.out.after_versus = self.out.after_versus and (w in FILLERS or w in JOINERS)
        if w in VERSUS_WORDS or (w in JOINERS and self.out.comparing):
            self.out.comparing = self.out.after_versus = True
            self.i += 1
            return
        if w in COMPARE_WORDS or w in OVER_PREVIOUS or w == "between":  # `the split between prod and dev`
            self.out.comparing = True
            self.out.implied_range = self.out.implied_range or OVER_PREVIOUS_PERIOD.get(w)
            # `MoM growth for the last 12 months`: each month beside the one before
            self.out.over_unit = self.out.over_unit or _OVER_UNITS.get(w, "")
            self.i += 1
            return
        if w in YEAR_OVER_YEAR:
            self.out.year_over_year = True
            self.i += 1
            return
        if w in UNIT_OVER and self.word(1) == "of":  # `for the month of october`
            self.i += 2
            return
        if (
            w in UNIT_OVER and self.word(1) in ("over", "on") and self.word(2) == w
        ):  # `week over week`, `month on month`
            self.out.year_over_year = self.out.year_over_year or w == "year"
            self.out.comparing = True
            self.out.over_unit = w
            self.i += 3
            return
        if (
            w == "before"
            and (self.word(1) in PRONOUNS or self.word(1) in _EVENT_DETERMINERS)
            and not self._names_a_time(1)
        ):
            # `before the budget meeting:`, `before we move to c7g`: when the person asks, no range; `before a client
            # call at 3`: the meeting and its hour too
            event = next((k for k in range(2, 5) if self.word(k) in CLOSE_EVENTS), None)
            if event is None:
                self.i += 1
                return
            hour = self.word(event + 2) or ""
            at_hour = self.word(event + 1) == "at" and bool(CLOCK.match(hour) or _BARE_HOUR.fullmatch(hour))
            self.i += event + 1 + (2 if at_hour else 0)
            return
        if w == "not" and self.word(1) in HEDGES:  # `not sure if ...`: a hedge, nothing excluded
            self.i += 2
            return
        nxt = self.word(1)
        if w == "not" and nxt in english_words() and nxt not in KNOWN_WORDS and not self.vocabulary.meanings(nxt):
            self.i += 1  # `sorry not technical`: an adjective denied, nothing excluded (the word is read on its own)
            return
        if w in EXCLUDING:
            self.out.excluding = True
            self.i += 1
            return
        if w in ("budget", "budgets") and (self.word(1) in _NOTICES or self.word(-1) in ("aws",)):
            self.i += 1  # `just got an AWS budgets email ... what spiked`: the email is context; what spiked is asked
            return
        amount_at = 2 if self.word(1) in ("of", "is", "was", "=", "at") else 1
        # `the 40k i budgeted` (the verb: an amount named before it; `our $20k grant budget` is a budget)
        named_before = w == "budgeted" and any(AMOUNT.match(self.word(-k) or "") for k in (1, 2, 3))
        if w in ("budget", "budgets", "budgeted") and (AMOUNT.match(self.word(amount_at) or "") or named_before):
            # `we have a budget of 180k$ and I am afraid we go over`, `we budgeted $180k for November`, `more than the
            # 40k i budgeted`: the amount is held against the total
            self.i += 1
            return
        if w in ("budget", "budgets"):
            raise UsageError(
                f"`{tok.text}`: budgets are kept with `/trackit budget`, not asked in a cost question.",
                hint="`/trackit budget list` shows them; `forecast` gives this month's expected total.",
            )
        if w in INCLUDING and self.word(1) == "untagged":  # `by team, include untagged`: a group it shows anyway
            self.out.untagged_shown.append(self.tokens[self.i + 1])
            self.i += 2
            return
        charge_next = self.word(1) in PERIOD_CHARGE_WORDS or (
            self.word(1) == "the" and self.word(2) in PERIOD_CHARGE_WORDS
        )
        if w in INCLUDED_WORDS or (w == "with" and charge_next):  # `with the tax separated`
            self.out.including = True  # `october including tax`, `with tax`: the total, which holds it (`finish`)
            self.i += 2 if self.word(1) == "of" else 1
            return
        if w == "untagged" and self.kind(1) not in (Kind.EQ, Kind.NE):
            self.out.untagged.append(tok)
            self.out.untagged_left_out = self.out.untagged_left_out or self.out.excluding
            self.out.after_versus = False  # `team=api vs untagged, last 30 days`: values compared, not periods
            self.i += 1
            return
        tag_words = ("tag", "tags", "value", "values")
        if w in tag_words and self.i > 0 and self.tag_key_word(self.tokens[self.i - 1].text) is not None:
            self.i += 1  # `by team tag`, `across the env values`: the key named already
            return
        if w in WHY_WORDS:
            self.set_question(Question.WHY, tok)
            self.i += 1
            return
        if (
            w in ("expect", "expected")
            and self.i + 1 < len(self.tokens)
            and self.vocabulary.meanings(self.word(1) or "")
        ):
            said = f"{tok.text} {self.tokens[self.i + 1].text}"
            self.out.readings.append(f"Left out `{said}`: a guess at the answer, not a filter on it.")
            self.i += 2  # `any account, though I expect prod`: a guess about the answer, no forecast, no filter
            return
        guessed = self.word(-1) in ("i", "we", "i'd", "we'd") and self.word(1) in ("it", "that", "this", "them")
        if w in ("expect", "expected") and guessed and self.word(2) != "to":
            # `I expect it low`, `we expected it was higher`: a guess at the answer, no forecast (`I expect it to
            # land at 50k` asks where the month lands)
            said = " ".join(t.text for t in self.tokens[self.i - 1 : self.i + 2])
            self.out.readings.append(f"Left out `{said}`: a guess at the answer, not a forecast asked.")
            self.i += 2
            return
        words_before = [t.lower for t in self.tokens[max(0, self.i - 5) : self.i]]
        if w in _EXPECTATIONS and "than" in words_before[-3:]:
            than = self.i - len(words_before[-3:]) + words_before[-3:].index("than")
            said = " ".join(t.text for t in self.tokens[than : self.i + 1])
            self.out.readings.append(f"Read `{said}` as what you expected, not a forecast asked.")
            self.i += 1  # `higher than I expected`: the person's expectation, no forecast asked
            return
        if w in _EXPECTATIONS and {*words_before[-3:], self.word(1)} & _FINAL_WORDS:
            self.out.readings.append(f"Read `{tok.text}` as what is final: the answer says which months are.")
            self.i += 1  # `which part is final vs still estimated`: the data's status, said under every answer
            return
        if w in FORECAST_WORDS:
            self.set_question(Question.FORECAST, tok)
            self.i += 1
            return
        if w == "mean" and (mean_is_the_verb(words_before) or self.kind(1) in (None, Kind.COMMA)):
            self.i += 1  # `what does it mean`, `I mean`: the verb
            return
        if w in ("project", "projecting") and self.word(-1) in PRONOUNS:  # `where do you project it to land`
            self.set_question(Question.FORECAST, tok)
            self.i += 1
            return
        if self.cheapest_asked(w):
            return
        if w in ("onward", "onwards") and self.out.time_range is not None and not self.out.comparing:
            start = self.out.time_range.start  # `july onwards`, `jul 15 onward`: from its first day to today
            self.out.time_range = parse_time_range(f"since {start.isoformat()}", self.today)
            self.i += 1
            return
        if w in AVERAGE_WORDS:
            self.set_question(Question.AVERAGE, tok)
            self.i += 1
            return
        if w in ANOMALY_WORDS:
            if w in _EVENT_NOUNS and (self.word(-1) in _DETERMINERS or self.word(-2) in _DETERMINERS):
                self.out.spike_named = True  # `want to see the autoscaling spike`: one that happened
            else:
                self.out.unusual = True
            self.i += 1
            return
        if w == "buy" and self.dimension_at(1) is not None:  # dictated: `cost buy account`
            self.out.readings.append(f"Read `{tok.text}` as `by`.")
            w = "by"
        if w == "by" and self.word(1) in SHARE_WORDS:
            self.i += 1  # `top 5 services by share of total`: ranked by cost, each share shown (`share_of_total`)
            return
        if w in ("per", "every", "each", "by") and self.word(1) in ("cluster", "clusters") and self.allow_group_by:
            # `EKS spend per cluster`: a cluster is a resource of the bill (its ARN the line's resource ID)
            self.out.add_group(DimensionRef(Dimension.RESOURCE), self.vocabulary)
            self.out.readings.append(
                f"Read `{tok.text} {self.tokens[self.i + 1].text}` as `by resource`: each "
                "cluster is a resource of the bill."
            )
            self.i += 2
            return
        if w == "by" and self.word(1) in _POSSESSIVES:
            self.i += 1  # `sent by my manager`, `by our count`: whose, not a breakdown
            if self.dimension_at(1) is not None:  # `by our accounts`
                self.i += 1
                self.group_by_list(tok)
            return
        if w == "by" or (w == "group" and self.word(1) == "by"):
            self.i += 1 if w == "by" else 2
            self.group_by_list(tok)
            return
        if (w, self.word(1)) in (("net", "unblended"), ("unblended", "net")):
            self.i += 1  # AWS's `net unblended cost` is the net basis (`lineItem/NetUnblendedCost`)
            w = "net"
        if w in ("gross", "net") and {"gross", "net"} <= self.typed_words() and self.allow_group_by:
            # `the difference between gross charges and net`: both asked, the split by charge class shows what
            # the credits take off between them
            if DimensionRef(Dimension.CHARGE_CLASS) not in self.out.group_by:
                self.out.add_group(DimensionRef(Dimension.CHARGE_CLASS), self.vocabulary)
                self.out.readings.append("Read gross and net both asked: by charge class, the credits between them.")
            self.i += 1
            return
        if w in BASIS_WORDS:
            self.out.set_basis(BASIS_WORDS[w], self.tokens[self.i].text)
            if w == "gross":
                self.out.readings.append(GROSS_NOTE)
            self.i += 1
            return
        if w in GRANULARITY_WORDS:
            self.out.set_granularity(GRANULARITY_WORDS[w])
            self.i += 1
            return
        if w in ("date", "dates", "day", "days") and self.word(1) in ("between", "from", "since", "after"):
            self.i += 1  # `where date between 2026-08-01 and 2026-08-31` (as SQL writes it): the span says when
            return
        if w in ("every", "each") and self.word(1) == "of":
            self.i += 2  # `how much does each of our products cost`: what follows names them
            return
        if w in ("per", "every", "each") and self.word(1) in RESOURCE_NOUNS:
            self.i += 1  # `ec2 per instance`, `each bucket`: the resources, each (the noun reads it)
            return
        if w == "each" and self.word(1) in (None, "please", "pls", "plz", "thanks", "thx"):
            self.i += 1  # `with the account id next to each please`: each of those listed
            return
        if w in ("per", "every", "each"):
            if self.word(1) in ZONE_WORDS:
                raise self.unknown_word(self.tokens[self.i + 1])
            if self.dimension_at(1) is not None:  # `per account` groups like `by account`
                self.i += 1
                self.group_by_list(tok)
                return
            if (self.word(1) or "").strip("'’") in NOT_HELD:  # `cost per order`: the word says what is missing
                self.i += 1
                return
            if (self.word(2) or "").strip("'’") in NOT_HELD and self.vocabulary.meanings(self.word(1) or ""):
                # `cost per API request`: a unit the bill cannot count, the value naming its kind (no filter)
                if UNIT_COST not in self.out.not_held:
                    kind = " ".join(t.text for t in self.tokens[self.i + 1 : self.i + 3])
                    self.out.readings.append(UNIT_COST.note(f"per {kind}"))
                    self.out.not_held.append(UNIT_COST)
                self.i += 3
                return
            if self.word(1) in USAGE_UNITS and self.allow_group_by:  # `how much per GB`: what each usage cost
                self.out.readings.append(
                    f"`per {self.tokens[self.i + 1].text}`: answered with the cost of each usage type (storage, "
                    "requests, transfer), not a price per unit."
                )
                if DimensionRef(Dimension.USAGE_TYPE) not in self.out.group_by:
                    self.out.add_group(DimensionRef(Dimension.USAGE_TYPE), self.vocabulary)
                self.i += 2
                return
            unit = self.word(1)
            if unit in ("creator", "creators") and "aws:createdBy" in self.vocabulary.tag_keys:
                self.out.named.append(DimensionRef.tag("aws:createdBy"))  # `how much did each creator account for`
                self.i += 2
                return
            if w in ("each", "every") and unit is None and (self.out.group_by or self.out.named):
                self.i += 1  # `by service, with % of total next to each`: each of those already named
                return
            if w == "per" and self.text[tok.position + 3 : tok.position + 4] == "-" and unit is not None:
                self.i += 2  # `the per-PR test envs`: a word of what they are, no step asked
                return
            if w == "each" and re.match(r"[\s)]*(?:[.?!;,]|$)", self.text[tok.position + len(tok.text) :]):
                self.i += 1  # `cost by team + % of total for each. include untagged`: each of those listed
                return
            if w == "per" and unit is not None and unit.isalpha() and self.nothing_reads(unit):
                # `cost per researcher`, `per CCU`: a unit the bill cannot count, answered with the cost itself
                if UNIT_COST not in self.out.not_held:
                    self.out.readings.append(UNIT_COST.note(f"per {self.tokens[self.i + 1].text}"))
                    self.out.not_held.append(UNIT_COST)
                self.i += 2
                return
            raise UsageError(
                f"`{w}` needs a time step or a dimension after it.",
                hint="Example: `per day`, `per week`, `per account`.",
            )
        if w == "top" or TOP_N.match(w):
            self.top(w)
            return
        if (w, self.word(1)) in (("bottom", "line"), ("grand", "total")):  # the total: what every answer states
            self.i += 2
            return
        if w in _TEST_KINDS and self.word(1) in ("test", "tests", "testing", "tested", "run", "runs"):
            self.i += 2  # `during the load test`: when, said by the dates beside it
            return
        if (w, self.word(1)) == ("as", "of") and self.word(2) in ("today", "now"):
            self.i += 3  # `the estimated bill as of today`: the data is as of today anyway
            return
        # `aws` is a filler on an AWS-only bill, the provider on a multi-cloud one (`aws vs azure`)
        providers = self.vocabulary.providers
        us_area = w == "us" and self._names_an_area(tok) and self.vocabulary.area_meaning(w) is not None
        if w in FILLERS and not (len(providers) > 1 and w in map(str.casefold, providers)) and not us_area:
            self.i += 1  # (`in the US` is the area)
            return
        if self.bare_value(tok.text, 1):
            return
        if w.isdecimal() and NOT_HELD.get(self.word(1) or "") is UNIT_COST:
            self.i += 1  # `my 6 engineers`: how many there are, which the bill cannot divide by (said at the noun)
            return
        count = w if w.isdecimal() else str(NUMBER_WORDS.get(w, "")) if w not in ("one", "couple", "a") else ""
        if count and self.counts_what():  # `the 5 most expensive`, `which five individual resources`
            self.out.set_top(int(count) if len(count) < 7 else MAX_TOP + 1, w)
            self.i += 1
            return
        named_day = match_time_range(self.tokens, self.i + 1, self.today) if w == "day" else None
        if named_day is not None and named_day[0].end - named_day[0].start == timedelta(days=1):
            self.i += 1  # `the cost of day 3rd nov`: that day (`most expensive day last month`: day by day)
            return
        if w == "same" and self.word(1) in _SAME_STRETCH:
            # `same days obv`, `vs the same point in Q3`: the same stretch of the period before, which every answer
            # compares with; no step asked
            self.i += 3 if self.word(2) in ("of", "in", "as") else 2
            return
        if w == "same" and (self.word(1), self.word(2), self.word(3)) == ("number", "of", "days"):
            self.i += 4  # `Oct same number of days`: the same stretch likewise
            return
        if w == "day" and self.word(-1) in ("the", "that", "this") and self.word(-2) in ("on", "for", "of", "that"):
            self.i += 1  # `total spend on the day`: the day named, no step
            return
        if w in ("day", "days"):  # `the days with unusual cost`, `which days cost most`: day by day
            self.out.set_granularity(Granularity.DAY)
            self.i += 1
            return
        if w in RESOURCE_NOUNS and self.out.excluding:  # `not the nodes`: the service they are of, left out
            self.tokens[self.i] = Token(Kind.WORD, RESOURCE_NOUNS[w], tok.position)
            self.typed[tok.position] = tok.text
            return
        if w in ("distribution", "distributions") and self.word(1) in ("of", "by", "across", "per", "over"):
            self.i += 1  # `distribution of cost by team`: a breakdown, no CloudFront distribution
            return
        if w in RESOURCE_NOUNS:  # `which servers`, `biggest buckets`: resources (of the service they imply)
            # (`how much did the servers cost`, `before we move node groups`: the service's cost, no list; a bare
            # `rds instances last month` lists them)
            typed = self.typed_words()
            if typed & _RESOURCES_LISTED or not typed & _SENTENCE_WORDS:
                self.out.named.append(DimensionRef(Dimension.RESOURCE))
            self.out.resource_nouns.append(tok.text)
            self.i += 1
            return
        spun = w in ("spun", "launched", "provisioned") and "who" in self.typed_words()
        if (w in ("created", "creator", "creators") or spun) and "aws:createdBy" in self.vocabulary.tag_keys:
            self.out.named.append(DimensionRef.tag("aws:createdBy"))  # `who created`: AWS's own creator tag
            self.i += 1
            return
        named = self.dimension_at()
        if named is not None and isinstance(named[0], DimensionRef) and self.word(named[1]) in _OCCASIONS:
            said = " ".join(t.text for t in self.tokens[self.i : self.i + named[1] + 1])
            self.out.readings.append(f"Read `{said}` as what the answer is for, no breakdown.")
            self.i += named[1] + 1  # `for the team meeting`, `for the vendor review`: an occasion, no `by team`
            return
        if named is not None and isinstance(named[0], DimensionRef):
            counted = (self.word(-1) or "").isdecimal() or self.word(-1) in NUMBER_WORDS  # `the three accounts`
            back = 2 if counted else 1
            back += 1 if self.word(-back) in ("linked", "our", "the") else 0
            total = "total" in self.typed_words()
            listed = self.word(-back - 1) in ("across", "by", "per", "for", "list") and not total
            if total and self.word(-back) in ("across", "over"):
                # `just the total across the three accounts`: their sum, no line each
                said = " ".join(t.text for t in self.tokens[self.i - back + 1 : self.i + named[1]])
                self.out.readings.append(f"Read `{said}` as the total over every one of them.")
                self.i += named[1]
                return
            # `the credits applied to our accounts`: every one of ours together (`across our accounts` lists each)
            ours = (
                named[0].kind is Dimension.ACCOUNT
                and self.word(-1) == "our"
                and tok.lower.endswith("s")
                and self.word(-2) in ("to", "in", "on")
            )
            if (self.word(-back) == "all" and not listed) or ours:
                # `total spend for october, all accounts`, `EOM forecast, all linked accounts`: the total over all
                # of them, not each (`across all accounts`, `for all accounts` still list each, unless the question
                # asks the `total`)
                self.out.readings.append(
                    f"Read `{'our' if ours else 'all'} {tok.text}` as the total over every one of them."
                )
                self.i += named[1]
                return
            plural = tok.lower.endswith("s") and tok.lower != "aws"
            if self.word(-back) in ("across", "between") and plural and self.allow_group_by:
                # `split across the accounts? is data-lake the biggest`: each of them, a value beside them one of them
                if named[0] not in self.out.group_by:
                    self.out.add_group(named[0], self.vocabulary)
                self.i += named[1]
                return
            if not self.value_of_the_noun(named[0]):  # (`excluding the staging account`: no breakdown)
                self.out.named.append(named[0])  # `production account`, `top 5 services`, `team costs`
            self.i += named[1]
            return
        partial = self.vocabulary.word_meanings(tok.text)
        if w in CHAT_WORDS:  # `out` in `figure out` is no part of `EU-DataTransfer-Out-Bytes`
            partial = [m for m in partial if m.dimension.kind is not Dimension.USAGE_TYPE]
        area = self.vocabulary.area_meaning(w) if self._names_an_area(tok) else None
        if area is not None and all(m.dimension.kind is Dimension.USAGE_TYPE for m in partial):
            partial = [area]  # `in Europe`, `eu` (not the `EU-` of usage types): the regions there
        category = None if partial else self.vocabulary.category_meaning(w)
        just_named = self.out.bare[-1].meanings if self.out.bare and self.i > 0 else ()
        if (
            category is not None
            and just_named
            and self.tokens[self.i - 1].text == self.out.bare[-1].phrase
            and all(set(m.values) <= set(category.values) for m in just_named)
        ):
            self.i += 1  # `rds databases`: the noun of the service just named, not the whole category
            return
        if category is not None and self._names_its_service(category):
            self.i += 1  # `rds bill for the checkout db`: the db of the service named, not every database
            return
        if category is not None:  # `databases`: the services of AWS's Databases category the bill holds
            partial = [category]
        if not partial:  # what AWS bills in another service's usage types (`nat gateways`, `glacier`, `p4d`)
            answered, partial = self.usage_family(tok, w)
            if answered:
                return
        if partial:  # `support costs`, `ml team`: a word of one stored name
            self.out.bare.append(Bare(tok.text, tuple(partial), self.out.excluding, partial=True))
            self.i += 1
            if w == "nat" and self.word() in ("gateway", "gateways", "gw", "gws"):
                self.i += 1
            return
        if w in CHAT_WORDS or w in RANKING_WORDS:  # after values and dimensions: a stored value is never lost
            self.i += 1
            return
        started = service_prefix(tok.text, self.vocabulary)
        if started:  # `dynamo`: the start of one service's short name
            self.out.bare.append(Bare(tok.text, tuple(started), self.out.excluding, partial=True))
            self.i += 1
            return
        self.unplaced(tok)

    def step_window(self) -> None:
        """`ec2 monthly`, `checkout per month`: a series with no range asked is this period and the few before it (a
        series of this month alone would be one row), said."""
        out = self.out
        unit = _STEP_WINDOWS.get(out.granularity or Granularity.NONE)
        if unit is None or out.time_range is not None or out.versus is not None or out.question is not Question.COST:
            return
        if self.default_range != "this month" or out.implied_range is not None:
            return  # a follow-up's range, or one the words imply
        count, name = unit
        start = shift_unit(name, unit_start(name, self.today), 1 - count)
        out.time_range = TimeRange(start, self.today + timedelta(days=1), f"since {start:%Y-%m-%d}")
        out.readings.append(f"No range given: the last {count} {name}s, this one so far included.")

    def _names_its_service(self, category: Meaning) -> bool:
        """Whether a service of `category` (a product category read from a noun: `db`) was named before it and not
        beside it (`rds bill for the checkout db`; `rds and the databases` names both)."""
        if {self.word(-1), self.word(-2)} & {"and", "&", "+", "or", "plus"}:
            return False
        return any(
            b.meanings
            and not b.negate
            and all(m.dimension.kind is Dimension.SERVICE and set(m.values) <= set(category.values) for m in b.meanings)
            for b in self.out.bare
        )

    @contextmanager
    def naming_the_ranges(self, found: TimeRange, used: int) -> Iterator[None]:
        """Around reading the time phrase of `used` tokens at the cursor (`found`): a second range is refused naming
        both as typed (`Two time ranges: `last week` (2026-11-16..2026-11-22) and `yesterday` (2026-11-26)`), and
        the words of the first one read are kept for that."""
        typed = " ".join(self.typed.get(t.position, t.text) for t in self.tokens[self.i : self.i + used])
        first, first_words, versus = self.out.time_range, self.out.time_words, self.out.versus
        try:
            yield
        except TwoAsked as exc:
            if first is None or first_words is None or not exc.message.startswith("Two time ranges"):
                raise
            first_label, second_label = range_label(first.start, first.end), range_label(found.start, found.end)
            raise TwoAsked(
                f"Two time ranges: `{first_words}` ({first_label}) and `{typed}` ({second_label}).", hint=exc.hint
            ) from None
        if first is None and self.out.time_range is not None:
            self.out.time_words = typed
        elif versus is None and self.out.versus is not None:
            self.out.versus_words = typed  # `this week vs the last 10 days`: the period compared with, as typed

    def _names_an_area(self, tok: Token) -> bool:
        """Whether `tok` may name a part of the world: `us` only as `US`, `the us` or `us regions` (else the
        pronoun), `na` only as `NA` or `the na` (`na the glue jobs abi?`: Nigerian Pidgin's `it is`)."""
        regions = self.word(1) in ("region", "regions")  # `us regions only`
        return tok.lower not in ("us", "na") or tok.text.isupper() or self.word(-1) == "the" or regions

    def _quotes_a_time(self, tok: Token) -> bool:
        """`what the api stuff cost "last sprint"`: a time phrase in quotes, read as its words."""
        try:
            return match_time_range(tokenize(tok.text), 0, self.today) is not None
        except UserFacingError:
            return True

    def counts_what(self) -> bool:
        """Whether the number at the cursor counts what a ranking lists: a ranking word or a plural dimension or
        resource noun follows, maybe after one adjective (`5 most expensive`, `five individual resources`)."""
        if self.word(1) == "more" and self.word(2) in ("expensive", "costly", "pricey"):
            return True  # `the 5 more expensive glue jobs`: the most expensive, as the comparative is said in places
        if self.word(1) in ("new", "more", "extra", "additional", "other", "old"):
            return False  # `we spun up 2 new clusters`: how many were added, no ranking
        for k in (1, 2):
            nxt = self.word(k)
            if nxt is None:
                return False
            if nxt in COUNT_RANKINGS or nxt in RESOURCE_NOUNS or (nxt.endswith("s") and self.dimension_at(k)):
                return True
        return False

    # ------------------------------------------------------------------------------ bare words

    def bare_value_phrase(self) -> bool:
        """A stored value of two to four words at the cursor, typed without its dimension."""
        found = stored_phrase_at(self.tokens, self.i, self.vocabulary)
        if found is None:
            return False
        phrase, meanings, used = found
        self.out.bare.append(Bare(phrase, tuple(meanings), self.out.excluding))
        self.out.after_versus = False  # `checkout vs search ... this year`: values compared, not periods
        self.i += used
        return True

    def bare_value(self, phrase: str, used: int) -> bool:
        meanings = as_typed(phrase, self.vocabulary.meanings(phrase))
        if not meanings:
            return False
        self.out.bare.append(Bare(phrase, tuple(meanings), self.out.excluding))
        self.out.after_versus = False  # `checkout vs search ... this year`: values compared, not periods
        self.i += used
        return True

    def finish(self) -> None:
        """Settle what only the whole question tells: bare values, named dimensions, comparisons, forecast."""
        out = self.out
        typed = self.typed_words()
        if out.untagged_shown and not any(r.kind is Dimension.TAG for r in [*out.group_by, *out.named]):
            out.untagged.extend(out.untagged_shown)  # nothing grouped by a tag: `untagged` is the filter
        if out.ahead is not None and out.time_range is None and out.question is Question.FORECAST:
            # `forecast for q1 2027`, `run-rate for next year`: the pace this month sets is what the bill can tell
            out.readings.append(
                f"`{out.ahead_words}` {'are' if '`, `' in out.ahead_words else 'is'} still ahead, and the bot "
                "forecasts only the month in progress: answered "
                f"with where {self.today:%B} lands."
            )
            out.ahead = None
        if out.ahead is not None and out.time_range is None:
            raise out.ahead  # `2027 by service`, `how much next year`: nothing else named, nothing to answer
        if out.ahead is not None:
            out.readings.append(
                f"Read `{out.ahead_words}` as what you plan for: the bill holds only days that have passed."
            )
        if out.event and out.time_range is None:
            raise UsageError(
                f"`{out.event}`: I can't tell which days that is.",
                hint=f"Give its days, e.g. `{out.event} 2026-11-16..2026-11-22`.",
            )
        if out.event and out.time_range is not None:
            days = out.time_range.label or range_label(out.time_range.start, out.time_range.end)
            out.readings.append(f"Read `{out.event}` as `{days}`, the days given.")
        out.bare, included = whole_total(out.bare, out.included, out.filters)
        out.readings.extend(included)
        if included and typed & SEPARATELY and self.allow_group_by and len(out.group_by) < MAX_GROUP_BY:
            # `with tax and credits shown separately`: the period charges each on a line of their own
            out.add_group(DimensionRef(Dimension.CHARGE_CLASS), self.vocabulary)
        # a value beside a breakdown by its dimension is of it (`spend by team ... is data the biggest`)
        chosen, readings = settle(out.bare, set(out.named) | set(out.group_by), self.vocabulary)
        out.readings.extend(readings)
        if out.untagged:
            chosen.setdefault((self.untagged_key(), out.untagged_left_out), []).append(UNTAGGED)
        self.candidates_as_rows(chosen)
        named_in_words = self.values_as_filters(chosen, typed)
        filtered = {f.dimension for f in out.filters if not f.negate}
        if any(f.dimension.kind is Dimension.CHARGE_CLASS for f in out.filters):
            # `charge type Usage only`, `excl Tax and Credit charge types`: AWS's word for the class
            filtered.add(DimensionRef(Dimension.CHARGE_TYPE))
        for ref in dict.fromkeys(out.named):
            # A dimension named next to one of its values qualifies it; named alone, or beside the values it leaves
            # out (`regions other than us-east-1`: the others, each), it groups.
            if ref not in filtered and ref not in out.group_by and self.allow_group_by:
                out.add_group(ref, self.vocabulary)
        unusual_days = (out.unusual or out.question is Question.ANOMALIES) and not self.asks_a_series()
        self.side_by_side(chosen, typed, unusual_days=unusual_days)
        self.against_the_rest()
        self.share_of_total(chosen)
        self.every_value_named(named_in_words)
        by_creator = DimensionRef.tag("aws:createdBy")
        asks_who = "who" in typed or (bool(typed & {"which", "what"}) and bool(typed & PERSON_NOUNS))
        spenders = asks_who and bool(typed & {"spent", "spends", "spending", "spend", "uses", "used", "using"})
        if spenders and not out.group_by and self.allow_group_by and "aws:createdBy" in self.vocabulary.tag_keys:
            out.add_group(by_creator, self.vocabulary)  # `who spent the most on ec2`: people by what they created
            said = "who" if "who" in typed else next(t.text for t in self.tokens if t.lower in PERSON_NOUNS)
            out.ignored = [t for t in out.ignored if t.lower not in PERSON_NOUNS]
            out.readings.append(
                f"Read `{said}` as AWS's creator tag: the bill says who created a resource, not who spent."
            )
        self.compare_span_ends()
        self.imply_resource_service()
        self.say_stand_in_keys()
        money_goes = "where" in typed and typed & {"go", "goes", "going", "went"} and out.question is Question.COST
        if money_goes and not self.asks_ahead() and not out.group_by and self.allow_group_by:
            out.add_group(DimensionRef(Dimension.SERVICE), self.vocabulary)  # `where is the money going`
        self.breakdown_unnamed()
        self.when_asked()
        self.trend_asked()
        if out.cheapest and out.group_by and self.allow_group_by:
            out.top = MAX_TOP  # (a breakdown ranks the most expensive first: every value shown, the cheapest last)
            out.readings.append(
                f"Read `{out.cheapest}`: every value is listed, from the most expensive, so the cheapest are last."
            )
        elif out.cheapest:  # `/top-resources cheapest instances`: its list is of the most expensive, said
            out.readings.append(f"`{out.cheapest}`: lists rank the most expensive first.")
        if any(h.daily for h in out.not_held) and out.granularity is None:
            out.set_granularity(Granularity.DAY)  # `weekdays only`: each day, with its date
        nearest = next((h.breakdown for h in out.not_held if h.breakdown is not None), None)
        one_value = any(f.dimension == nearest and len(f.values) == 1 and not f.negate for f in out.filters)
        total = "total" in typed  # `the checkout total for october for my invoice`: the one figure
        if nearest is not None and not out.group_by and self.allow_group_by and not one_value and not total:
            # `the october invoice`: by service, as itemised (`tax ..., to tie out to the invoices`: one service)
            out.add_group(nearest, self.vocabulary)
        creator = PERSON.breakdown
        room = len(out.group_by) < MAX_GROUP_BY
        if PERSON in out.not_held and self.allow_group_by and creator and creator not in out.group_by and room:
            out.group_by.insert(0, creator)  # `John's instances`: by creator, then by instance
        self.month_not_begun()
        if out.amount:
            self.amount_question(out.amount)
        if out.burn or self.asks_ahead():
            self.burn_question()  # `our burn`, `what will november cost`: the month in progress, where it lands
        step = GRANULARITY_UNITS.get(out.over_unit)
        span = out.time_range
        if step is not None and out.granularity is None and span is not None and span.days > _UNIT_DAYS[out.over_unit]:
            out.set_granularity(step)  # `week over week, last 6 weeks`: each week beside the one before
        one_day = out.time_range is None or out.time_range.days == 1
        hourly = out.granularity in (None, Granularity.HOUR)  # `2am hourly`: the step named is the day's anyway
        if out.clock and hourly and one_day:  # `3pm`: the day (today unless one is named) hourly
            out.set_granularity(Granularity.HOUR)
            out.time_range = out.time_range or parse_time_range("today", self.today)
            out.readings.append(f"Read `{out.clock}` as the day hour by hour (costs are kept by the hour).")
        elif out.clock and out.granularity is None:  # `deployed around 14:00 ... the 3 days before and after`
            out.readings.append(f"`{out.clock}`: the days asked are more than one, so answered day by day totals.")
        if out.versus is not None and out.time_range is None:
            unit = out.versus.label.removeprefix("last ")
            # `trending up vs last quarter`: this quarter against it; else the default range against it
            this = f"this {unit}" if unit in ("week", "month", "quarter", "year") else self.default_range
            out.time_range = parse_time_range(this, self.today)
        if out.year_over_year:
            current = out.time_range or parse_time_range(self.default_range, self.today)
            out.time_range = current
            out.versus = out.versus or shifted_range(current, "year")
        self.step_window()
        if out.holiday is not None:  # said once its year is settled (`black friday ... last year`)
            words = " ".join(out.holiday.words)
            out.readings.append(f"Read `{words}` as {out.holiday.what}: {out.holiday_days()}.")
        elif out.versus_holiday is not None:  # `today vs last year's black friday`
            words = " ".join(out.versus_holiday.words)
            out.readings.append(f"Read `{words}` as {out.versus_holiday.what}: {out.versus_holiday.time_range.label}.")
        self.settle_question()
        if out.question is Question.FORECAST:
            self.check_forecast()
        if out.ignored:
            self.check_ignored()

    def cheapest_asked(self, w: str) -> bool:
        """`cheapest service`, `bottom 5 accounts`, `least expensive`, `costs the least`: the cheapest asked, noted
        for `finish` (answers rank the most expensive first); `bottom line` asks nothing of the kind."""
        bottom = w == "bottom" and ((self.word(1) or "").isdecimal() or self.word(1) in NUMBER_WORDS)
        least = w == "least" and self.word(1) in ("expensive", "costly", "spend", "spending", "cost")
        least_alone = w == "least" and self.word(-1) == "the" and self.word(1) in (None, "?", "last", "this")
        if not (w in ("cheapest", "lowest") or bottom or least or least_alone):
            return False
        used = 2 if bottom or least else 1
        self.out.cheapest = " ".join(t.text for t in self.tokens[self.i : self.i + used])
        self.i += used
        return True

    def when_asked(self) -> None:
        """`when were credits applied this year`, `when did ec2 go up`: which days (or months, over more than two
        months) it happened on, a series; said (`when` had been left out: the total alone)."""
        out = self.out
        asked = _WHEN_ASKS.search(self.text) is not None
        if not asked or out.granularity is not None or out.question is not Question.COST or self.asks_ahead():
            return
        tr = out.time_range
        months = tr is not None and (tr.end - tr.start).days > _DAYS_OF_A_DAILY_SERIES
        out.set_granularity(Granularity.MONTH if months else Granularity.DAY)
        out.ignored = [t for t in out.ignored if t.lower != "when"]
        out.readings.append(f"Read `when` as asking which {'months' if months else 'days'}: the series, step by step.")

    def trend_asked(self) -> None:
        """`show trend for last 6 month`, `trending up? need the series for the last 6 months`: a trend over whole
        months (a range starting on a 1st, more than two months long) is the series month by month; said. Shorter or
        day-aligned ranges keep the total with its comparison (`the trend for lambda over the last 90 days`)."""
        out = self.out
        tr = out.time_range
        asked = _TREND_ASKS.search(self.text) is not None
        if not asked or out.granularity is not None or out.question is not Question.COST or tr is None:
            return
        if tr.start.day != 1 or (tr.end - tr.start).days <= _DAYS_OF_A_DAILY_SERIES or out.versus is not None:
            return
        out.set_granularity(Granularity.MONTH)
        out.ignored = [t for t in out.ignored if t.lower != "series"]
        out.readings.append("Read the trend asked over whole months as the series month by month.")

    def breakdown_unnamed(self) -> None:
        """`can you break down the November 1 charges`: a breakdown asked with nothing named to break it down by is
        by service, as the bill itemises it; of one service, by its usage types (what in it cost)."""
        out = self.out
        words = [t.lower for t in self.tokens]

        def names_a_dimension(k: int) -> bool:  # (`env breakdown`: by env)
            return k >= 0 and (words[k] in DIMENSION_WORDS or self.tag_key_word(words[k]) is not None)

        asked = any(
            (w in ("breakdown", "breakdowns") or (w in ("break", "broken") and "down" in words[k + 1 : k + 3]))
            and not {*words[max(0, k - 2) : k]} & (EXCLUDING | {"no", "don't", "dont", "never"})  # `skip the breakdown`
            and not names_a_dimension(k - 1)
            for k, w in enumerate(words)
        )
        # `what makes up the s3 bill`, `what is the ec2 cost made up of`, `the composition of the bill`
        asked = asked or _MADE_UP.search(self.text) is not None
        # `biggest cost?`, `what's eating our money, top 3`: the most expensive asked, nothing named to rank
        # (`the single most expensive day`: days ranked)
        days_ranked = _DAYS_RANKED.search(self.text) is not None
        ranked = _RANKED_UNNAMED.search(self.text) is not None  # (`top 3` alone is the canonical count, no breakdown)
        ranked = ranked and not days_ranked
        plain = out.question is Question.COST and out.granularity is None and not self.asks_ahead()
        if not (asked or ranked) or out.group_by or out.named or not self.allow_group_by or not plain:
            return
        services = [f for f in out.filters if f.dimension.kind is Dimension.SERVICE and not f.negate]
        one = len(services) == 1 and len(services[0].values) == 1
        if ranked and not asked and one:
            return  # `why is EC2 the most expensive thing`: the service named is the answer's, no ranking within
        by = DimensionRef(Dimension.USAGE_TYPE if one else Dimension.SERVICE)
        out.add_group(by, self.vocabulary)
        said = f"`by {by.kind.value}`"
        what = "the breakdown" if asked else "the most expensive"
        out.readings.append(f"Read {what} asked, with nothing named to break it down by, as {said}.")

    def untagged_key(self) -> DimensionRef:
        """The tag `untagged` (typed alone) is about: the one tag key the question names, else the one stored."""
        keys = list(dict.fromkeys(r for r in [*self.out.named, *self.out.group_by] if r.kind is Dimension.TAG))
        if len(keys) != 1 and len(self.vocabulary.tag_keys) == 1:
            keys = [DimensionRef.tag(self.vocabulary.tag_keys[0])]
        if len(keys) == 1:
            return keys[0]
        labels = [self.vocabulary.tag_label(k) for k in self.vocabulary.tag_keys if k.startswith("user:")][:3]
        examples = " or ".join(f"`{label}=untagged`" for label in labels or ["tag:team"])
        raise UsageError(
            f"`{self.out.untagged[0].text}` needs the tag key it is about.", hint=f"Say which: {examples}."
        )

    # ------------------------------------------------------------------------------ errors


def _values_in_name(text: str, vocabulary: Vocabulary) -> list[str]:
    """The stored values a name is made of (`Glue-DataLake-Nov`: `Glue`, `DataLake`; `data-lake-monthly`:
    `data-lake`), the longest run of its dashed parts first."""
    found: list[str] = []
    for word in re.split(r"[\s\"“”\[\]():,]+", text):
        parts = [p for p in re.split(r"[-_]", word) if p]
        k = 0
        while k < len(parts):
            ends = (e for e in range(len(parts), k, -1) if vocabulary.meanings("-".join(parts[k:e])))
            end = next(ends, None)
            if end is None:
                k += 1
                continue
            found.append("-".join(parts[k:end]))
            k = end
    return found


#: The most characters of a pasted budget alert a reading shows.
_SHOWN_ALERT = 60
#: Words after `when` that make it a question (`when did`, `when were`): which days.
_WHEN_ASKS = re.compile(r"\bwhen\s+(?:did|was|were|do|does|is|are|have|has|had)\b", re.I)
#: A trend or a series asked (`show trend`, `trending up?`, `need the series`).
_TREND_ASKS = re.compile(r"\b(?:trend|trends|trending|trendline|series)\b", re.I)
#: The longest range `when` is answered day by day; longer ones month by month.
_DAYS_OF_A_DAILY_SERIES = 62
#: What a total is made of, asked (`what makes up the s3 bill`, `the composition of the bill`): a breakdown.
_MADE_UP = re.compile(r"\b(?:make|makes|made|making)\s+up\b|\bcomposition\b|\bconsists\s+of\b|\bcomprises\b", re.I)
#: Periods ranked (`the most expensive day`, `top 5 days`, `biggest week`).
_DAYS_RANKED = re.compile(
    r"\b(?:top\s+\d+|biggest|largest|highest|priciest|most\s+expensive|worst|costliest)\s+(?:(?!this|last|next|past|per|each|a)\w+\s+)?"
    r"(?:days?|weeks?|months?|hours?|dates?)\b",
    re.I,
)
#: The most expensive of what the bill holds asked with nothing named to rank (`biggest cost?`, `the most expensive
#: thing we pay AWS for`, `what's eating our money`): which service, as the bill itemises it.
_RANKED_UNNAMED = re.compile(
    r"\b(?:biggest|largest|highest|priciest|most\s+expensive)\s+(?:single\s+)?(?:cost|costs|thing|things|item|items|"
    r"expense|expenses|charge|charges|line|lines|spend)\b|\beating\s+(?:up\s+)?(?:our|the|my|all)\s+"
    r"(?:money|budget|spend|cash)\b",
    re.I,
)
#: Nouns of what a ritual reviews (`monthly cost review`, `the monthly business review`).
_COST_NOUNS = frozenset(
    {"cost", "costs", "spend", "billing", "bill", "finops", "budget", "cloud", "aws", "business", "ops", "exec"}
)
#: Words that start a new clause: an exclusion (`not`, `without`) before them does not reach past them.
_CLAUSE_STARTS = frozenset(
    {"-", "–", "—", "did", "does", "do", "how", "what", "why", "which", "is", "are", "was", "were", "can", "could"}
)
#: Words that, after a value left out, say where the rest of the question is asked (`excluding eu-west-1 on the data
#: project`, `everything except ec2 in staging`): what follows them is kept, not left out too.
_SCOPE_WORDS = frozenset({"on", "in", "for", "at", "within", "inside"})
#: An hour as typed after `at` with no `am`/`pm` (`at 3`, `at 14`; `at 3pm`, `at 14:30` are a `CLOCK`).
_BARE_HOUR = re.compile(r"[01]?\d|2[0-3]")
#: Occasions and documents a dimension's word may name (`the team meeting`, `the vendor review`, `the account deck`).
_OCCASIONS = CLOSE_EVENTS | {"deck", "presentation", "offsite", "all-hands", "slides", "slide", "memo", "update"}
#: What `same` names of the period before (`the same days`, `the same point in Q3`): the stretch compared with.
_SAME_STRETCH = frozenset({"days", "dates", "point", "stage"})
#: Forecast words that may name what someone expected (`higher than I expected`) or a month's data status
#: (`final vs still estimated`) rather than ask for a forecast.
_EXPECTATIONS = frozenset({"expected", "estimated", "predicted", "projected", "forecasted", "forecast"})
#: Words of a month's data status, beside `estimated` (`final vs estimated`, `is october closed or estimated`).
_FINAL_WORDS = frozenset({"final", "finalised", "finalized", "closed"})
#: Words asking for resources one by one (`which servers`, `biggest buckets`, `per instance`).
_RESOURCES_LISTED = frozenset(
    {"which", "each", "per", "every", "list", "individual", "top", "biggest", "largest", "most", "priciest"}
    | {"costliest", "expensive", "highest", "ranked", "by"}
)
#: Words of a sentence (`how much did the servers cost`, `we bumped node groups`), which a bare list of words lacks.
_SENTENCE_WORDS = frozenset(
    {"how", "what", "what's", "whats", "who", "why", "did", "do", "does", "is", "are", "was", "were", "we", "i"}
    | {"have", "has", "we're", "i'm", "our", "my"}
)
#: Words before the event `before` names (`before the budget meeting`, `before a client call at 3`).
_EVENT_DETERMINERS = frozenset({"the", "a", "an", "my", "our", "this", "that"})
#: Whose something is: after `by`, a person (`sent by my manager`), never a breakdown.
_POSSESSIVES = frozenset({"my", "our", "your", "his", "her", "their"})
#: Words that point at a thing already known (`the spike`, `that jump`).
_DETERMINERS = frozenset({"the", "that", "this", "those"})
#: Words of unusual days that name one change (`the spike`, `that jump`), not a quality (`days that stand out`).
_EVENT_NOUNS = frozenset({"spike", "spikes", "jump", "jumps", "blip", "bump", "surge", "peak", "hike"})
#: The unit an "X over X" short form steps by (`mom`: month).
_OVER_UNITS = {
    **dict.fromkeys(("wow", "w/w", "wk/wk"), "week"),
    **dict.fromkeys(("mom", "m/m", "mo/mo", "mom%"), "month"),
    **dict.fromkeys(("qoq", "q/q"), "quarter"),
    **dict.fromkeys(("dod", "d/d"), "day"),
}
#: What a budget sends or the occasion it names (`an AWS budgets email`, `the budget alert`, `the budget allocation
#: conversation`): context for the question, not a budget asked.
_NOTICES = frozenset(
    {"email", "emails", "alert", "alerts", "alarm", "alarms", "notification", "notifications", "says", "meeting"}
    | {"review", "call", "sync", "planning", "discussion", "deck", "owner", "owners"}
    | {"discussions", "conversation", "conversations", "allocation", "allocations", "cycle", "season", "process"}
    | {"proposal", "request", "approval", "submission", "template"}
)
#: A series asked without a range: how many of its periods it shows, this one included.
_STEP_WINDOWS = {Granularity.WEEK: (4, "week"), Granularity.MONTH: (6, "month"), Granularity.QUARTER: (4, "quarter")}


@dataclass(frozen=True)
class _Settings:
    """How `parse_query` was asked to read a message (its keyword arguments), passed on to each reading of it."""

    today: date
    vocabulary: Vocabulary
    default_range: str
    default_basis: CostBasis
    allow_group_by: bool
    split_checks: bool

    def keywords(self) -> dict[str, Any]:
        """The settings as `parse_query`'s keyword arguments (no deep copy: the vocabulary is shared)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def parse_query(
    text: str,
    *,
    today: date,
    vocabulary: Vocabulary,
    default_range: str = "this month",
    default_basis: CostBasis = CostBasis.UNBLENDED,
    allow_group_by: bool = True,
    split_checks: bool = True,
) -> CostQuery:
    """The `CostQuery` that `text` asks for, resolved against `today` and the store's `vocabulary`.

    Missing parts take defaults: `default_range` (a time phrase), `default_basis`, top 10, no time series. A
    figure checked against another source is answered split by charge class (`grammar_reconcile`) when
    `allow_group_by` and `split_checks` (`/tags` answers its key's values instead, so values asked as candidates,
    `ec2 or s3 or something else`, stay filters there).
    Raises `UsageError` for malformed text (naming the bad word, with a hint showing the right form) and
    `NotFound` for a value the store does not know (with "did you mean" suggestions). A word nothing reads
    (`UnknownWord`) comes with the question the rest of the text asks, when it asks one (`_without`). Never
    raises anything else for any input string.
    """

    settings = _Settings(today, vocabulary, default_range, default_basis, allow_group_by, split_checks)

    def read(words: str) -> CostQuery:
        return _parse_message(words, settings)

    listed = list_items(text)
    if listed is None:
        return read(text)
    try:  # `1. total for oct 2. same for sept`: each item a sentence, no number of it a day
        return read(listed)
    except UserFacingError as refused:
        with suppress(UserFacingError):  # (`re aws:createdBy tag: 1. how much ... 2. which creators`: read whole)
            return read(text)
        raise refused from None


def _parse_message(text: str, settings: _Settings) -> CostQuery:
    """`parse_query` of a message as typed, or of its list's items parted as sentences (`list_items`)."""
    today, vocabulary, default_range = settings.today, settings.vocabulary, settings.default_range
    default_basis, allow_group_by, split_checks = settings.default_basis, settings.allow_group_by, settings.split_checks

    def read(words: str) -> CostQuery:
        return (
            _Parser(words, today, vocabulary, allow_group_by, default_range, rows_of_its_own=split_checks)
            .parse()
            .query(today, default_range, default_basis)
        )

    def again(words: str) -> CostQuery:
        """Other words of the message read as the whole question, with the same settings."""
        return parse_query(words, **settings.keywords())

    def again_saying(words: str, note: str) -> CostQuery:
        """`words` read as the whole question, `note` first among its readings (what was left out or read so)."""
        asked = again(words)
        return replace(asked, readings=(note, *asked.readings))

    sql = sql_question(text)
    if sql is not None:  # `select service, sum(cost) where month = oct group by service`: the grammar's words
        return again_saying(sql, f"Read the SQL as `{sql}`.")
    cli = cli_question(text)
    if cli is not None:  # `GroupBy Type=DIMENSION,Key=SERVICE, Granularity=MONTHLY`: the grammar's words
        return again_saying(cli, f"Read Cost Explorer's arguments as `{cli}`.")
    quoted = quoted_question(text)  # (the one quote of the message and the words around it, read by both below)

    def quote_referred_to() -> CostQuery | None:
        """`grafana panel "AWS daily spend (USD)" shows a step ... whats behind that?`, `the account manager's email
        says "Your eu-west-1 usage increased 40% in October" -- is that true?`: a quote that asks nothing, with words
        around it that ask, is what the person's own question refers to: the question around it, about the stored
        values the quote names (and its period, when the question names none), said; None otherwise."""
        found = quoted
        if found is None or not found[1] or asks_itself(found[0]) or not asks_itself(found[1]):
            return None
        quote, around = found
        if vocabulary.meanings(quote):
            return None  # `"Amazon Elastic Compute Cloud" cost last month?`: a stored name quoted
        with suppress(UserFacingError):
            own, nothing = again(around), again("")
            if own == nothing:
                return None
            try:
                said = again(quote)
            except UserFacingError:
                said = nothing
            named = {f.dimension for f in own.filters}
            own = replace(own, filters=(*own.filters, *(f for f in said.filters if f.dimension not in named)))
            if own.time_range == nothing.time_range and own.versus is None:
                own = replace(own, time_range=said.time_range)  # (`"... increased 40% in October" -- is that true?`)
            note = f'Read the quoted "{quote}" as what you refer to; answered the question around it.'
            return replace(own, readings=(*own.readings, note))
        return None

    def relayed() -> CostQuery | None:
        """The question a message relays in quote marks, read alone (`grammar_sentences.quoted_question`)."""
        if quoted is None:
            return None
        question, around = quoted
        try:
            asked = again(question)
        except UserFacingError:
            return None
        if not around:
            return asked
        note = f"Read the quoted question alone: `{around}` around it says who sent it."
        return replace(asked, readings=(*asked.readings, note))

    pasted = without_pasted_code(text)
    if pasted is not None:  # `getting `ThrottlingException: Rate exceeded (...)` on kms since tues. kms per day`
        return again_saying(pasted[0], f"Left out the pasted `{pasted[1]}`: output or code, not words of the question.")

    header = relay_header(text)
    if header is not None:  # `fwd from security: "Please list ..."`: who sent it, no part of the question
        note = f"Left out `{header[0]}:`, the header of a relayed message: it asks nothing itself."
        return again_saying(header[1], note)

    dropped = withdrawn(text)
    if dropped is not None:  # `eks control plane + the ec2 for nodes... actually nvm just show me EKS per region`
        with suppress(UserFacingError):
            note = f"Left out `{shortened(dropped[0], _SHOWN_ALERT)}`, withdrawn as it was typed."
            return again_saying(dropped[1], note)
    corrected = taken_back(text)
    if corrected is not None:  # `why did athena... sorry, glue + s3 go up`: the word taken back is not asked
        with suppress(UserFacingError):  # (`last month... sorry, by region` adds to the question, read whole)
            return again_saying(corrected[0], f"Left out `{corrected[1]}`, taken back as it was typed.")

    alert = pasted_alert(text)
    if alert is not None:  # `"AWS Budgets: Monthly-Prod-Compute has exceeded 80% ..." — what's driving EC2`
        # (what the budget's or alarm's name names is what the alert is about: `CloudFront-Global`, `Glue-DataLake-Nov`,
        # `EstimatedCharges-prod`)
        kind, said, asked = alert
        named = _values_in_name(said, vocabulary)
        kept = f" beyond {', '.join(f'`{w}`' for w in named)}" if named else ""
        note = f"Left out the pasted {kind} `{shortened(said, _SHOWN_ALERT)}`{kept}: it asks nothing itself."
        return again_saying(" ".join([asked, *named]), note)

    thanks = thanks_opening(text)
    if thanks is not None:  # `Thank you for your support always. Could you ...`: the thanks asks nothing
        return again_saying(thanks[1], f"Left out `{thanks[0]}`: a thanks, it asks nothing.")

    figure_checked = checks_a_figure(text)
    if _ASKS_FOR_HELP.search(text):  # `what kind of stuff can i ask you?`: the default answer, and what is answered
        nothing = read("")
        try:
            read_whole = read(text)
        except UserFacingError:
            read_whole = nothing
        if read_whole == nothing:
            examples = ", ".join(f"`/cost {e}`" for e in EXAMPLES[:3])
            note = f"{HELP_TEXT} Try {examples}; `/trackit help` lists every command."
            return replace(nothing, readings=(*nothing.readings, note))
        if not figure_checked:
            return read_whole  # `what can you tell me about ec2 last month`: answered as asked (read once)
    if figure_checked:  # `Cost Explorer says October was $387,912.44 but you said ~$401k`
        checked = reconciled(text, read, split=allow_group_by and split_checks)
        if checked is not None:
            return checked
    referred = quote_referred_to()
    if referred is not None:
        return referred
    try:
        return read(text)
    except UnknownWord as exc:
        # `"... what was total AWS spend in FY2025?" Sent from Outlook`: the question relayed
        # `monthly? trying to size the Sydney footprint`: a word of another sentence than the one that asks
        first = relayed() or first_question(text, read, without=exc.word)
        if first is not None:
            return first
        raise _without(exc, text, read, vocabulary, default_basis) from None
    except TwoAsked:
        first = relayed() or first_question(text, read)
        if first is None:
            raise
        return first


def _without(
    exc: UnknownWord, text: str, read: Callable[[str], CostQuery], vocabulary: Vocabulary, basis: CostBasis
) -> UnknownWord:
    """`exc` with its hint naming the question the text asks without the unknown word (`frontend last month`:
    `last month`, everything), so the person sees what the rest would answer and can ask it or name the word;
    `exc` itself when the rest asks nothing either."""
    stripped = strip_markup(text)
    if stripped[exc.position : exc.position + len(exc.word)] != exc.word:
        return exc
    rest = f"{stripped[: exc.position]} {stripped[exc.position + len(exc.word) :]}"
    # `One-liner for the all-hands: ...`: without the other words nothing reads too, each said
    found = read_leaving_out(rest, read, _MOST_LEFT_OUT - 1)
    if found is None:
        return exc
    nearest = format_query(found[0], vocabulary, default_basis=basis)
    left_out = [exc.word, *found[1]]
    choices = (exc.hint or "").removesuffix(GENERIC_EXAMPLE).strip()
    words = ", ".join(f"`{w}`" for w in left_out)
    without = f"Without {words}, the question reads `{nearest}`: ask that, or say what `{exc.word}` is"
    keys = [vocabulary.tag_label(k) for k in vocabulary.tag_keys if k.startswith("user:")][:1]
    example = " or ".join(f"`{k}=<value>`" for k in [*keys, "account"])
    hint = f"{choices} {without}." if choices else f"{without}, e.g. {example}."
    return UnknownWord(exc.message, hint, word=exc.word, position=exc.position, nearest=nearest)
