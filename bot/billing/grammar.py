"""The one query grammar shared by every slash command and `trackit query`.

Words are case-insensitive and may come in any order; values with spaces are quoted. See USAGE below and
docs/query-language.md for the full grammar. `parse_query` is pure: the clock (`today`) and what the store
knows (`Vocabulary`) are arguments.

    last month by service, region service=ec2,s3 tag:team!=untagged amortized top 5
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.billing.grammar_bare import Bare, in_stored_phrase, service_prefix, settle, stored_phrase_at
from bot.billing.grammar_builder import MAX_TOP, Builder, ref_text
from bot.billing.grammar_keywords import (
    BASIS_WORDS,
    DIMENSION_WORDS,
    FILTER_KEYS,
    GRANULARITY_UNITS,
    GRANULARITY_WORDS,
    TOP_N,
    TWO_WORD_DIMENSIONS,
    fold,
)
from bot.billing.grammar_time import (
    MONTH_NAMES,
    NUMBER_WORDS,
    TIME_STARTERS,
    TIME_WORDS,
    match_holiday,
    match_time_range,
    parse_time_range,
    range_label,
    shifted_range,
)
from bot.billing.grammar_tokens import Kind, Token, tokenize
from bot.billing.grammar_typos import correct_typos, typo_candidates
from bot.billing.grammar_words import (
    ABBREVIATIONS,
    ANOMALY_WORDS,
    AVERAGE_WORDS,
    CHANGE_RANKINGS,
    CHAT_WORDS,
    COMMITMENT_PHRASES,
    COMPARE_WORDS,
    DECREASE_WORDS,
    FILLERS,
    FORECAST_WORDS,
    INCREASE_WORDS,
    JOINERS,
    MOTION_WORDS,
    OVER_PREVIOUS,
    RANKING_WORDS,
    VERSUS_WORDS,
    WHY_WORDS,
    YEAR_OVER_YEAR,
)
from bot.billing.model import (
    UNTAGGED,
    CostBasis,
    CostQuery,
    Dimension,
    DimensionRef,
    Filter,
    Granularity,
    Question,
)
from bot.billing.vocabulary import EMPTY_WORDS, UNTAGGED_WORDS, Meaning, Vocabulary, suggest
from bot.errors import UsageError, UserFacingError

__all__ = ["EXAMPLES", "USAGE", "parse_query"]

USAGE = """\
[time range] [by <dimension>[, <dimension>...]] [filters] [cost basis] [top N] [daily|weekly|monthly]

Time range (default: this month): today, yesterday, last 7 days, last N days, this week, last week,
  this month (mtd), last month, last 3 months, this quarter, last quarter, this year (ytd), last year,
  2026-10, october, oct 2025, 2026-q3, 2026, 2026-10-01..2026-10-15 (both days included), since 2026-10-01.
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
Questions: forecast | why | average (per day) | anomalies (`any spikes`) | increases | decreases
  (groups ranked by their change), e.g. `why last week`, `increases last month by team`."""

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

_GENERIC_EXAMPLE = "Example: `last month by service region=us-east-1 top 5`."

_KEYWORDS = (
    "by",
    "top",
    "per",
    "basis",
    *BASIS_WORDS,
    *GRANULARITY_WORDS,
    *TIME_WORDS,
    *TIME_STARTERS,
    "this month",
    "last month",
    "last 7 days",
    "this week",
    "last week",
    *MONTH_NAMES,
    "forecast",
    "why",
    "vs",
)
#: Grammar words the typo rule may correct to (`servce` -> `service`, `lst` -> `last`, `novmber` -> `november`).
_TYPO_TARGETS = tuple(
    sorted(
        {
            *(w for w in DIMENSION_WORDS if w.isalpha()),
            *BASIS_WORDS,
            *GRANULARITY_WORDS,
            *TIME_WORDS,
            *TIME_STARTERS,
            *(m for m in MONTH_NAMES if len(m) > 3),
            *("days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years"),
            *("forecast", "versus", "compare", "compared", "breakdown", "group", "explain", "until", "date"),
        }
    )
)
_VALUE_EXAMPLES = {
    "service": "service=ec2,s3",
    "account": "account=123456789012",
    "region": "region=us-east-1",
    "usagetype": "usage-type=USE1-BoxUsage:m5.large",
    "operation": "operation=RunInstances",
    "resource": "resource=i-0abc123",
    "chargetype": "charge-type=Tax",
    "currency": "currency=EUR",
    "provider": "provider=azure",
    "chargeclass": "charge-class=usage",
    "basis": "basis=amortized",
    "top": "top=5",
}
#: `by cost`, `by spend`: the order every breakdown has anyway.
_UNIT_OVER = frozenset({"day", "week", "month", "quarter", "year"})
_COST_WORDS = frozenset({"cost", "costs", "spend", "amount", "price"})
#: Words that exclude the values named after them: `everything except ec2`, `excluding tax`.
_EXCLUDING = frozenset({"except", "excluding", "exclude", "excl", "without", "minus", "ignoring", "not"})
#: Every word the grammar itself reads; the typo rule leaves them alone.
_KNOWN_WORDS = frozenset(
    {
        *FILLERS,
        *VERSUS_WORDS,
        *COMPARE_WORDS,
        *JOINERS,
        *OVER_PREVIOUS,
        *YEAR_OVER_YEAR,
        *FORECAST_WORDS,
        *WHY_WORDS,
        *CHAT_WORDS,
        *AVERAGE_WORDS,
        *ANOMALY_WORDS,
        *INCREASE_WORDS,
        *DECREASE_WORDS,
        *RANKING_WORDS,
        *(w for phrase in COMMITMENT_PHRASES for w in phrase),
        *NUMBER_WORDS,
        *_KEYWORDS,
        *("by", "group", "per", "every", "each", "day", "to", "date", "until", "before", "same", "ago", "end"),
        *("eom", "prior", "preceding", "period", "one", "tag", "tags", "untagged", "none", "global", "hour"),
        *("fortnight", "burn"),
    }
)
#: What commitment words (`grammar_words.COMMITMENT_PHRASES`) filter on: the charge classes of commitment fees.
_COMMITMENT_MEANING = Meaning(
    DimensionRef(Dimension.CHARGE_CLASS),
    ("recurring", "one-time"),
    "charge-class=recurring,one-time",
    "the commitment fees",
)


class _Parser:
    def __init__(
        self, text: str, today: date, vocabulary: Vocabulary, allow_group_by: bool, default_range: str = "this month"
    ) -> None:
        self.tokens = tokenize(text)
        self.default_range = default_range
        self.today = today
        self.vocabulary = vocabulary
        self.allow_group_by = allow_group_by
        self.out = Builder()
        self.i = 0
        #: position -> the word as typed, for tokens `correct_typos` replaced (errors name what was typed)
        self.typed: dict[int, str] = {}
        self.expand_abbreviations()
        self.correct_typos()

    # ------------------------------------------------------------------------------ token helpers

    def word(self, offset: int = 0) -> str | None:
        j = self.i + offset
        if j < len(self.tokens) and self.tokens[j].kind is Kind.WORD:
            return self.tokens[j].lower
        return None

    def kind(self, offset: int = 0) -> Kind | None:
        j = self.i + offset
        return self.tokens[j].kind if j < len(self.tokens) else None

    def dimension_at(self, offset: int = 0) -> tuple[DimensionRef | Granularity, int] | None:
        """A dimension (or `day`/`week`/... as a time step) named at `offset`, with the tokens it uses."""
        w = self.word(offset)
        if w is None:
            return None
        nxt = self.word(offset + 1)
        if nxt is not None and (w, nxt) in TWO_WORD_DIMENSIONS:
            return DimensionRef(DIMENSION_WORDS[fold(w + nxt)]), 2
        if w.startswith("tag:"):
            return DimensionRef.tag(self.vocabulary.resolve_tag_key(self.tokens[self.i + offset].text)), 1
        if w in ("tag", "tags") and nxt is not None and self.kind(offset + 2) not in (Kind.EQ, Kind.NE):
            return DimensionRef.tag(self.vocabulary.resolve_tag_key(self.tokens[self.i + offset + 1].text)), 2
        if w in GRANULARITY_UNITS:
            return GRANULARITY_UNITS[w], 1
        kind = DIMENSION_WORDS.get(fold(w))
        if kind is not None:
            return DimensionRef(kind), 1
        key = self.tag_key_word(self.tokens[self.i + offset].text)
        if key is not None:  # `by team` for `by tag:team`
            return DimensionRef.tag(key), 1
        return None

    def tag_key_word(self, word: str) -> str | None:
        """The stored tag key a plain word names (`team`, `teams` -> `user:team`), when exactly one does."""
        if not word.replace("-", "").replace("_", "").isalnum() or fold(word) in DIMENSION_WORDS:
            return None
        for candidate in dict.fromkeys([word, word[:-1] if word.casefold().endswith("s") else word]):
            if not any(
                k.casefold() == candidate.casefold() or k.split(":", 1)[-1].casefold() == candidate.casefold()
                for k in self.vocabulary.tag_keys
            ):
                continue
            try:
                return self.vocabulary.resolve_tag_key(candidate)
            except UserFacingError:
                return None
        return None

    # ------------------------------------------------------------------------------ the loop

    def parse(self) -> Builder:
        while self.i < len(self.tokens):
            self.step()
        self.finish()
        return self.out

    def step(self) -> None:
        tok = self.tokens[self.i]
        if tok.kind is Kind.COMMA:
            self.i += 1
            return
        if tok.kind in (Kind.EQ, Kind.NE):
            raise UsageError(
                f"`{tok.text}` at character {tok.position + 1} needs a name before it.",
                hint="Filters look like `service=ec2` or `tag:team!=web`.",
            )
        w = tok.lower
        if w in ("tag", "tags", "tagged") and self.kind(2) in (Kind.EQ, Kind.NE):  # `tag env=prod`
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
            if not self.bare_value(tok.text, 1):
                raise UsageError(
                    f'The quoted text "{tok.text}" is not attached to a filter.',
                    hint='Quote filter values, e.g. `account="Prod EU"` (no space around `=`).',
                )
            return
        if self.bare_value_phrase():  # values of several words first: `data transfer`, `us east 1`
            return
        if self.commitment_phrase():
            return
        if self.versus_relative():
            return
        holiday = match_holiday(self.tokens, self.i, self.today)
        if holiday is not None:
            self.out.set_holiday(holiday[0])
            self.out.after_versus = self.out.excluding = False
            self.i += holiday[1]
            return
        found = match_time_range(self.tokens, self.i, self.today)
        if found is not None:
            self.out.set_time(found[0])
            self.out.after_versus = self.out.excluding = False
            self.i += found[1]
            return
        if self.forecast_phrase():
            return
        if self.moves_and_rates(w):
            return
        self.out.after_versus = self.out.after_versus and (w in FILLERS or w in JOINERS)
        if w in VERSUS_WORDS or (w in JOINERS and self.out.comparing):
            self.out.comparing = self.out.after_versus = True
            self.i += 1
            return
        if w in COMPARE_WORDS or w in OVER_PREVIOUS or w == "between":  # `the split between prod and dev`
            self.out.comparing = True
            self.i += 1
            return
        if w in YEAR_OVER_YEAR:
            self.out.year_over_year = True
            self.i += 1
            return
        if w in _UNIT_OVER and self.word(1) == "of":  # `for the month of october`
            self.i += 2
            return
        if w in _UNIT_OVER and self.word(1) == "over" and self.word(2) == w:  # `week over week`
            self.out.year_over_year = self.out.year_over_year or w == "year"
            self.out.comparing = True
            self.i += 3
            return
        if w in _EXCLUDING:
            self.out.excluding = True
            self.i += 1
            return
        if w in ("budget", "budgets"):
            raise UsageError(
                f"`{tok.text}`: budgets are kept with `/trackit budget`, not asked in a cost question.",
                hint="`/trackit budget list` shows them; `forecast` gives this month's expected total.",
            )
        if w == "untagged" and self.kind(1) not in (Kind.EQ, Kind.NE):
            self.out.untagged.append(tok)
            self.i += 1
            return
        if w in WHY_WORDS:
            self.set_question(Question.WHY, tok)
            self.i += 1
            return
        if w in FORECAST_WORDS:
            self.set_question(Question.FORECAST, tok)
            self.i += 1
            return
        if w in AVERAGE_WORDS:
            self.set_question(Question.AVERAGE, tok)
            self.i += 1
            return
        if w in ANOMALY_WORDS:
            self.out.unusual = True
            self.i += 1
            return
        if w == "by" or (w == "group" and self.word(1) == "by"):
            self.i += 1 if w == "by" else 2
            self.group_by_list(tok)
            return
        if w in BASIS_WORDS:
            self.out.set_basis(BASIS_WORDS[w])
            self.i += 1
            return
        if w in GRANULARITY_WORDS:
            self.out.set_granularity(GRANULARITY_WORDS[w])
            self.i += 1
            return
        if w in ("per", "every", "each"):
            if self.dimension_at(1) is not None:  # `per account` groups like `by account`
                self.i += 1
                self.group_by_list(tok)
                return
            raise UsageError(
                f"`{w}` needs a time step or a dimension after it.",
                hint="Example: `per day`, `per week`, `per account`.",
            )
        if w == "top" or TOP_N.match(w):
            self.top(w)
            return
        # `aws` is a filler on an AWS-only bill, the provider on a multi-cloud one (`aws vs azure`)
        providers = self.vocabulary.providers
        if w in FILLERS and not (len(providers) > 1 and w in map(str.casefold, providers)):
            self.i += 1
            return
        if self.bare_value(tok.text, 1):
            return
        named = self.dimension_at()
        if named is not None and isinstance(named[0], DimensionRef):
            self.out.named.append(named[0])  # `production account`, `top 5 services`, `team costs`
            self.i += named[1]
            return
        partial = self.vocabulary.word_meanings(tok.text)
        if partial:  # `support costs`, `ml team`: a word of one stored name
            self.out.bare.append(Bare(tok.text, tuple(partial), self.out.excluding, partial=True))
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
        raise self.unknown_word(tok)

    def commitment_phrase(self) -> bool:
        """`reserved instances`, `RI`, `savings plans`: the commitment fees, i.e. the recurring and one-time charge
        classes (unless the store holds a value spelled so, which the bare-value lookup has read already)."""
        for n in (2, 1):
            toks = self.tokens[self.i : self.i + n]
            if len(toks) < n or any(t.kind is not Kind.WORD for t in toks):
                continue
            words = tuple(t.lower for t in toks)
            if words not in COMMITMENT_PHRASES or self.vocabulary.meanings(" ".join(words)):
                continue
            typed = " ".join(t.text for t in toks)
            self.out.bare.append(Bare(typed, (_COMMITMENT_MEANING,), self.out.excluding))
            self.out.readings.append(
                f"Read `{typed}` as the commitment fees (RI and Savings Plans, recurring and upfront): "
                "`charge-class=recurring,one-time`, which also holds other recurring fees such as Support."
            )
            self.i += n
            return True
        return False

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

    # ------------------------------------------------------------------------------ bare words

    def bare_value_phrase(self) -> bool:
        """A stored value of two to four words at the cursor, typed without its dimension."""
        found = stored_phrase_at(self.tokens, self.i, self.vocabulary)
        if found is None:
            return False
        phrase, meanings, used = found
        self.out.bare.append(Bare(phrase, tuple(meanings), self.out.excluding))
        self.i += used
        return True

    def bare_value(self, phrase: str, used: int) -> bool:
        meanings = self.vocabulary.meanings(phrase)
        if not meanings:
            return False
        self.out.bare.append(Bare(phrase, tuple(meanings), self.out.excluding))
        self.i += used
        return True

    def expand_abbreviations(self) -> None:
        """Short forms of grammar words (`wk`, `qtr`, `avg`) read as the word, unless the store holds a value
        spelled so or the word is a filter's value."""
        for j, tok in enumerate(self.tokens):
            full = ABBREVIATIONS.get(tok.lower)
            after_op = j > 0 and self.tokens[j - 1].kind in (Kind.EQ, Kind.NE, Kind.COMMA)
            if full is None or tok.kind is not Kind.WORD or after_op or self.vocabulary.meanings(tok.text):
                continue
            self.tokens[j] = Token(Kind.WORD, full, tok.position)
            self.typed[tok.position] = tok.text

    def correct_typos(self) -> None:
        """Replace misspelt grammar words by the one they are a typo of (`grammar_typos.correct_typos`): words
        the grammar reads, tag keys and stored values (alone, as a word of a stored name, or within a stored
        phrase) are never corrected."""

        def is_known(tokens: Sequence[Token], j: int, w: str) -> bool:
            if w in _KNOWN_WORDS or fold(w) in DIMENSION_WORDS or self.vocabulary.meanings(w):
                return True
            return (
                self.tag_key_word(tokens[j].text) is not None
                or in_stored_phrase(tokens, j, self.vocabulary)
                or bool(self.vocabulary.word_meanings(w))
                or bool(service_prefix(w, self.vocabulary))
            )

        done = correct_typos(
            self.tokens,
            frozenset(_TYPO_TARGETS),
            is_value=lambda w: bool(self.vocabulary.meanings(w)),
            is_known=is_known,
            value_near=self.vocabulary.value_near,
        )
        self.tokens, self.typed = done.tokens, {**self.typed, **done.typed}
        self.out.readings.extend(done.readings)

    def finish(self) -> None:
        """Settle what only the whole question tells: bare values, named dimensions, comparisons, forecast."""
        out = self.out
        chosen, readings = settle(out.bare, set(out.named), self.vocabulary)
        out.readings.extend(readings)
        if out.untagged:
            chosen.setdefault((self.untagged_key(), False), []).append(UNTAGGED)
        for (ref, negate), values in chosen.items():
            explicit = next((f for f in out.filters if f.dimension == ref), None)
            if explicit is None:
                out.filters.append(Filter(ref, tuple(values), negate=negate))
            elif explicit.negate != negate:
                name = ref_text(ref, self.vocabulary)
                raise UsageError(
                    f"`{name}` is both excluded and kept: `{', '.join(values)}`.",
                    hint=f"Give all the values at once, e.g. `{name}=a,b`, or exclude with `{name}!=a,b`.",
                )
            else:
                merged = tuple(dict.fromkeys([*explicit.values, *values]))
                out.filters[out.filters.index(explicit)] = Filter(ref, merged, negate=negate)
        filtered = {f.dimension for f in out.filters}
        for ref in dict.fromkeys(out.named):
            # A dimension named next to one of its values qualifies it; named alone, it groups.
            if ref not in filtered and ref not in out.group_by and self.allow_group_by:
                out.add_group(ref, self.vocabulary)
        if out.comparing and out.versus is None and self.allow_group_by:
            # `ec2 vs s3`: values of one dimension side by side
            several = [ref for (ref, negate), values in chosen.items() if len(values) > 1 and not negate]
            for ref in several[:1]:
                if ref not in out.group_by:
                    out.add_group(ref, self.vocabulary)
        if out.versus is not None and out.time_range is None:
            out.time_range = parse_time_range(self.default_range, self.today)
        if out.year_over_year:
            current = out.time_range or parse_time_range(self.default_range, self.today)
            out.time_range = current
            out.versus = out.versus or shifted_range(current, "year")
        if out.holiday is not None:  # said once its year is settled (`black friday ... last year`)
            words = " ".join(out.holiday.words)
            out.readings.append(f"Read `{words}` as {out.holiday.what}: {out.holiday_days()}.")
        self.settle_question()
        if out.question is Question.FORECAST:
            self.check_forecast()

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

    def top(self, w: str) -> None:
        if m := TOP_N.match(w):
            self.out.set_top(int(m[1]), w)
            self.i += 1
            return
        n = self.word(1)
        if n is not None and n in NUMBER_WORDS and n != "couple":
            n = str(NUMBER_WORDS[n])  # `top five`
        if (n is None or not n.isdecimal()) and self.dimension_at(1) is not None:
            self.i += 1  # `top services`: the default number of the dimension named next
            return
        if n is None or not n.isdecimal():
            raise UsageError("`top` needs a number after it.", hint="Example: `top 5`.")
        self.out.set_top(int(n) if len(n) < 7 else MAX_TOP + 1, f"top {n}")
        self.i += 2

    def group_by_list(self, by: Token) -> None:
        if self.word() in _COST_WORDS and self.dimension_at() is None:  # `top 10 resources by cost`
            self.i += 1
            return
        first = True
        while True:
            found = self.dimension_at()
            if found is None:
                if first:
                    raise self.bad_dimension(by)
                return
            what, used = found
            if self.kind(used) in (Kind.EQ, Kind.NE):
                key = " ".join(t.text for t in self.tokens[self.i : self.i + used])
                raise UsageError(
                    f"`{by.text} {key}{self.tokens[self.i + used].text}...` mixes grouping and filtering.",
                    hint=f"Filter with `{key}=value`, group with `by {key}`.",
                )
            if isinstance(what, Granularity):
                self.out.set_granularity(what)
            else:
                if not self.allow_group_by:
                    raise UsageError(
                        f"This command does not group results: drop `by {ref_text(what, self.vocabulary)}`.",
                        hint="Filter instead, e.g. `service=ec2`.",
                    )
                self.out.add_group(what, self.vocabulary)
            self.i += used
            first = False
            # `, region`, `and region` continue the list; `by region` is handled by the main loop.
            if self.kind() is Kind.COMMA or self.word() == "and":
                after = self.dimension_at(1)
                if after is None or self.kind(1 + after[1]) in (Kind.EQ, Kind.NE):
                    return
                self.i += 1
            else:
                return

    def bad_dimension(self, by: Token) -> UsageError:
        j = self.i
        shown = self.tokens[j].text if j < len(self.tokens) else ""
        choices = [
            *FILTER_KEYS[:-1],
            *(self.vocabulary.tag_label(k) for k in self.vocabulary.tag_keys),
            "day",
            "week",
            "month",
        ]
        example = "Example: `by service`, `by service, region`, `by tag:team`."
        if not shown:
            return UsageError(f"`{by.text}` at the end needs a dimension after it.", hint=example)
        close = suggest(shown, choices)
        hint = ("Did you mean " + " or ".join(f"`by {c}`" for c in close) + "? " if close else "") + example
        return UsageError(f"I can't group by `{shown}`.", hint=hint)

    # ------------------------------------------------------------------------------ filters

    def assignment(self, key_tokens: int) -> None:
        key_text = " ".join(t.text for t in self.tokens[self.i : self.i + key_tokens])
        key = fold(key_text)
        op = self.tokens[self.i + key_tokens]
        self.i += key_tokens + 1
        values = self.values(key_text, op)
        if key in {"basis", "cost"}:
            self.single_option(key_text, op, values)
            basis = BASIS_WORDS.get(values[0].casefold())
            if basis is None:
                raise UsageError(
                    f"`{values[0]}` is not a cost basis.",
                    hint="Use `basis=unblended`, `basis=amortized` or `basis=net`.",
                )
            self.out.set_basis(basis)
            return
        if key == "top":
            self.single_option(key_text, op, values)
            if not values[0].isdecimal():
                raise UsageError(f"`top={values[0]}`: top must be a number.", hint="Example: `top=5`.")
            self.out.set_top(int(values[0]) if len(values[0]) < 7 else MAX_TOP + 1, f"top={values[0]}")
            return
        if key in ("granularity", "per", "step"):
            self.single_option(key_text, op, values)
            v = values[0].casefold()
            g = GRANULARITY_WORDS.get(v) or GRANULARITY_UNITS.get(v)
            if g is None:
                raise UsageError(f"`{values[0]}` is not a time step.", hint="Use `daily`, `weekly` or `monthly`.")
            self.out.set_granularity(g)
            return
        ref = self.filter_dimension(key_text)
        resolved = self.resolve_values(ref, values)
        self.out.add_filter(Filter(ref, resolved, negate=op.kind is Kind.NE), self.vocabulary)

    def single_option(self, key_text: str, op: Token, values: Sequence[str]) -> None:
        if op.kind is Kind.NE or len(values) != 1:
            raise UsageError(f"`{key_text}` takes one value with `=`.", hint=f"Example: `{key_text}=...`.")

    def values(self, key_text: str, op: Token) -> list[str]:
        """Comma-separated values after `=`; a comma followed by a keyword ends the list."""
        out: list[str] = []
        while True:
            if self.kind() not in (Kind.WORD, Kind.QUOTED):
                example = _VALUE_EXAMPLES.get(fold(key_text), f"{key_text}{op.text}...")
                raise UsageError(f"`{key_text}{op.text}` needs a value after it.", hint=f"Example: `{example}`.")
            tok = self.tokens[self.i]
            if tok.kind is Kind.QUOTED and not tok.text.strip():
                raise UsageError(f'`{key_text}{op.text}""`: the value is empty.', hint=f"Example: `{key_text}=web`.")
            out.append(tok.text.strip() if tok.kind is Kind.QUOTED else tok.text)
            self.i += 1
            if self.kind() is not Kind.COMMA:
                return out
            nxt = self.tokens[self.i + 1] if self.i + 1 < len(self.tokens) else None
            if nxt is None:
                self.i += 1
                return out
            if nxt.kind is Kind.WORD and self.starts_clause(1):
                return out
            if nxt.kind not in (Kind.WORD, Kind.QUOTED):
                return out
            self.i += 1

    def starts_clause(self, offset: int) -> bool:
        """Whether the word at `offset` begins something other than a value (keyword, filter, time range)."""
        w = self.word(offset)
        if w is None:
            return False
        if self.kind(offset + 1) in (Kind.EQ, Kind.NE):
            return True
        if w in ("by", "top", "per", *BASIS_WORDS, *GRANULARITY_WORDS, *TIME_WORDS, *TIME_STARTERS):
            return True
        saved = self.i
        self.i += offset
        try:
            return match_time_range(self.tokens, self.i, self.today) is not None
        except UsageError:
            return False
        finally:
            self.i = saved

    def filter_dimension(self, key_text: str) -> DimensionRef:
        key = fold(key_text)
        if key_text.casefold().startswith("tag:"):
            return DimensionRef.tag(self.vocabulary.resolve_tag_key(key_text))
        kind = DIMENSION_WORDS.get(key)
        if kind is not None:
            return DimensionRef(kind)
        if key in ("tag", "tags"):
            raise UsageError("A tag filter names its key.", hint="Example: `tag:team=web`.")
        tag_key = self.tag_key_word(key_text)
        if tag_key is not None:  # `team=web` for `tag:team=web`
            return DimensionRef.tag(tag_key)
        tag_match = [k for k in self.vocabulary.tag_keys if ":" in k and k.split(":", 1)[1].casefold() == key]
        if tag_match:
            hint = f"Did you mean `tag:{key_text}=...`? Tag filters start with `tag:`."
        else:
            keys = [*FILTER_KEYS[:-1], *(self.vocabulary.tag_label(k) for k in self.vocabulary.tag_keys)]
            close = suggest(key_text, [*keys, "basis", "top"])
            hint = ("Did you mean " + " or ".join(f"`{c}=`" for c in close) + "? " if close else "") + (
                "Filters: " + ", ".join(f"`{k}=`" for k in FILTER_KEYS[:-1]) + ", `tag:<key>=`."
            )
        return _raise(UsageError(f"I can't filter on `{key_text}`.", hint=hint))

    def resolve_values(self, ref: DimensionRef, values: Sequence[str]) -> tuple[str, ...]:
        v = self.vocabulary
        out: list[str] = []
        for value in values:
            # The label of an empty value (`(none)`, `untagged` for tags; `global` regions resolve below).
            empty = value.casefold() in (UNTAGGED_WORDS if ref.kind is Dimension.TAG else EMPTY_WORDS)
            if ref.kind is Dimension.REGION:
                out.append(v.resolve_region(value))
            elif empty:
                out.append(ref.empty_key)
            elif ref.kind is Dimension.SERVICE:
                out.extend(v.resolve_service(value))
            elif ref.kind is Dimension.ACCOUNT:
                out.append(v.resolve_account(value))
            elif ref.kind is Dimension.USAGE_TYPE:
                out.append(v.resolve_usage_type(value))
            elif ref.kind is Dimension.OPERATION:
                out.append(v.resolve_operation(value))
            elif ref.kind is Dimension.CHARGE_TYPE:
                out.append(v.resolve_charge_type(value))
            elif ref.kind is Dimension.CURRENCY:
                out.append(v.resolve_currency(value))
            elif ref.kind is Dimension.PROVIDER:
                out.append(v.resolve_provider(value))
            elif ref.kind is Dimension.CHARGE_CLASS:
                out.append(v.resolve_charge_class(value))
            elif ref.kind is Dimension.TAG:
                out.append(v.resolve_tag_value(str(ref.tag_key), value))
            else:  # resource ids are not listed in the vocabulary
                out.append(value)
        return tuple(dict.fromkeys(out))

    # ------------------------------------------------------------------------------ errors

    def unknown_word(self, tok: Token) -> UsageError:
        if tok.position in self.typed:  # a typo correction that led nowhere: name the word as typed
            tok = Token(tok.kind, self.typed[tok.position], tok.position)
        typos = [] if tok.lower in _TYPO_TARGETS else typo_candidates(tok.lower, _TYPO_TARGETS, None)
        dims = ["by service", "by account", "by region", "by usage-type", "by operation", "by resource"]
        close = typos or suggest(tok.text, [*_KEYWORDS, *dims, *FILTER_KEYS[:-1]])
        values = self.vocabulary.suggest_values(tok.text)
        seen: dict[tuple[DimensionRef, tuple[str, ...]], str] = {}
        for v in values:
            for m in self.vocabulary.meanings(v):
                seen.setdefault((m.dimension, m.values), m.spelled)
        spelled = list(seen.values())[:3]
        choices = list(dict.fromkeys([*spelled, *close]))[:4]
        hint = ("Did you mean " + " or ".join(f"`{c}`" for c in choices) + "? " if choices else "") + _GENERIC_EXAMPLE
        return UsageError(f"I don't understand `{tok.text}`.", hint=hint)


def _raise(error: UsageError) -> DimensionRef:
    raise error


def parse_query(
    text: str,
    *,
    today: date,
    vocabulary: Vocabulary,
    default_range: str = "this month",
    default_basis: CostBasis = CostBasis.UNBLENDED,
    allow_group_by: bool = True,
) -> CostQuery:
    """The `CostQuery` that `text` asks for, resolved against `today` and the store's `vocabulary`.

    Missing parts take defaults: `default_range` (a time phrase), `default_basis`, top 10, no time series.
    Raises `UsageError` for malformed text (naming the bad word, with a hint showing the right form) and
    `NotFound` for a value the store does not know (with "did you mean" suggestions). Never raises anything
    else for any input string.
    """
    return (
        _Parser(text, today, vocabulary, allow_group_by, default_range)
        .parse()
        .query(today, default_range, default_basis)
    )
