"""The query builder: what a question accumulates while it is read, and the `CostQuery` it becomes.

Each setter refuses a second, conflicting value (two time ranges, two cost bases, a dimension grouped twice) with a
`UsageError` naming both; `Builder.query` fills in the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from bot.billing.charges import ChargeClass
from bot.billing.grammar_bare import Bare
from bot.billing.grammar_dates import range_label
from bot.billing.grammar_holidays import Holiday
from bot.billing.grammar_keywords import CANONICAL_GRANULARITY
from bot.billing.grammar_time import parse_time_range
from bot.billing.grammar_tokens import Token
from bot.billing.grammar_unplaced import NotHeld
from bot.billing.model import (
    TAX_SERVICE,
    CostBasis,
    CostQuery,
    Dimension,
    DimensionRef,
    Filter,
    Granularity,
    Question,
    TimeRange,
)
from bot.billing.periods import add_months
from bot.billing.vocabulary import Vocabulary
from bot.errors import TwoAsked, UsageError

MAX_GROUP_BY = 3
MAX_TOP = 1000
DEFAULT_TOP = 10


def _whole_year(time_range: TimeRange) -> bool:
    start, end = time_range.start, time_range.end
    return (start.month, start.day, end.month, end.day, end.year - start.year) == (1, 1, 1, 1, 1)


@dataclass
class Builder:
    """The query being assembled; each setter refuses a second, conflicting value."""

    time_range: TimeRange | None = None
    group_by: list[DimensionRef] = field(default_factory=list)
    filters: list[Filter] = field(default_factory=list)
    basis: CostBasis | None = None
    basis_typed: str = ""  # (the first basis word as typed: `UnblendedCost`)
    granularity: Granularity | None = None
    top: int | None = None
    versus: TimeRange | None = None
    question: Question = Question.COST
    #: values typed without their dimension (`ec2`, `support`), each with every reading the vocabulary has for it
    bare: list[Bare] = field(default_factory=list)
    #: dimensions named without `by` (`production account`, `top 5 services`): qualifiers or group-bys
    named: list[DimensionRef] = field(default_factory=list)
    comparing: bool = False
    after_versus: bool = False
    year_over_year: bool = False
    #: the unit of an `X over X` typed (`week over week`): over a longer span, the answer steps by it
    over_unit: str = ""
    implied_range: str | None = None  # the period an `X over X` word names (`wow`: this week), if none is said
    readings: list[str] = field(default_factory=list)
    #: set by `except`/`excluding`: the bare values named after it are left out
    excluding: bool = False
    #: set by `including`: the bare values named after it (`included`) filter nothing alone (`Parser.finish`)
    including: bool = False
    included: list[Bare] = field(default_factory=list)
    #: `untagged` typed alone: settled by the one tag key the question names
    untagged: list[Token] = field(default_factory=list)
    #: `untagged` typed after a word that leaves out (`excluding untagged team`): all but the untagged spend
    untagged_left_out: bool = False
    #: `include untagged`: the untagged group shown beside the values of a tag the question groups by
    untagged_shown: list[Token] = field(default_factory=list)
    #: the holiday the time range is, so that a year named elsewhere (`black friday ... last year`) picks its year
    holiday: Holiday | None = None
    #: the holiday the period compared with is (`today vs black friday last year`), for the same reason
    versus_holiday: Holiday | None = None
    #: words of a cost going up or down (`increase`, `grew`, `went up`), in the order typed
    moves: list[Question] = field(default_factory=list)
    #: whether every move named is the whole cost's (`is it going up`, `are we trending down`): no ranking
    moves_of_whole: bool = True
    #: words asking for unusual days (`spikes`, `anything unusual`); a "why" outranks them
    unusual: bool = False
    #: a spike named as a known event (`the autoscaling spike`): unusual days like `unusual`, but one that does not
    #: stop `going on` asking why (`the spike going on in ec2`; `anything weird going on` asks the weird days)
    spike_named: bool = False
    #: values listed as candidates (`ec2 or cloudfront or something else`), as typed and their words: which of them
    #: is asked, the breakdown by their dimension (`grammar_rows.RowsReader.candidates_as_rows`)
    candidates: tuple[str, list[str]] | None = None
    #: whole months or single days named one after another (`sept and oct`, `Aug, Sep, Oct`, `yesterday and the day
    #: before`), joined into one span: each is asked, so the answer steps by it unless a total is asked
    #: (`grammar_questions.settle_question`)
    listed_step: Granularity | None = None
    #: the two ends of a span read as the time range (`from september to october`), for a question about a change
    span_ends: tuple[TimeRange, TimeRange] | None = None
    #: where in the text the time range was read (`grammar_questions.time_phrase`)
    time_at: int | None = None
    #: the words the time range and the period compared with were typed as (`last week`), for a message naming them
    time_words: str | None = None
    versus_words: str | None = None
    #: the holiday last read qualifies a noun (`the BF load test`): another date is the one asked
    holiday_names_event: bool = False
    #: nouns for resources typed (`servers`, `buckets`), which may imply their service
    resource_nouns: list[str] = field(default_factory=list)
    #: words the grammar could not place and left out (`grammar_unplaced`), said in the answer's readings
    ignored: list[Token] = field(default_factory=list)
    #: `on-demand` named beside the commitments: the kinds of charge side by side (`grammar._Parser.on_demand`)
    on_demand_beside: bool = False
    #: the text offsets of ignored words that stand in an aside of their own (`grammar_unplaced.in_aside`)
    aside: set[int] = field(default_factory=set)
    #: a time of day typed (`3pm`): the day is answered hour by hour
    clock: str = ""
    #: an event named by a span word (`launch week`): its days must be given too
    event: str = ""
    #: days still ahead named beside the days asked (`before we set the 2027 numbers`), and their words: what the
    #: person plans for, said (alone, refused)
    ahead: UsageError | None = None
    ahead_words: str = ""
    #: an amount typed (`50k`): a figure to hold the cost, or the forecast, against
    amount: str = ""
    #: `our burn`: the spend of the month in progress, answered with its pace
    burn: bool = False
    #: the cheapest asked (`cheapest service`, `bottom 5 accounts`): answers rank the most expensive first, so every
    #: value is shown, the cheapest last
    cheapest: str = ""
    #: what the words that ask what the bill does not hold ask (`invoice`, `per order`; `grammar_unplaced`)
    not_held: list[NotHeld] = field(default_factory=list)

    def set_holiday(self, holiday: Holiday) -> None:
        """A holiday as the time range; after a whole year (`last year ... christmas`), that year's; compared
        with itself (`thanksgiving vs last thanksgiving`), the year before's."""
        current = self.time_range
        if current is not None and self.holiday_names_event and not (self.after_versus or self.comparing):
            # `costs on 17 nov for the black friday load test`: 17 nov
            self.readings.append(f"Read `{' '.join(holiday.words)}` as naming an event, not the days asked.")
            self.holiday_names_event = False
            return
        if current is not None and self.versus is not None and _whole_year(self.versus):
            # `today vs last year's black friday`: the holiday of the year compared with
            holiday = holiday.in_year(self.versus.start.year)
            self.versus, self.versus_holiday = holiday.time_range, holiday
            return
        if current is not None and not self.comparing and _whole_year(current):
            self.time_range = None
            holiday = holiday.in_year(current.start.year)
        if current == holiday.time_range and (self.after_versus or self.comparing):
            holiday = holiday.in_year(holiday.time_range.start.year - 1)  # `thanksgiving vs last thanksgiving`
        self.set_time(holiday.time_range)
        if self.time_range == holiday.time_range:
            self.holiday = holiday
        elif self.versus == holiday.time_range:
            self.versus_holiday = holiday

    def holiday_days(self) -> str:
        """The days of the holiday read, as the reading says them (`Friday 2026-12-25`)."""
        holiday = self.holiday
        if holiday is None:
            return "its day"
        tr = holiday.time_range
        last = tr.end - timedelta(days=1)
        return f"{tr.start:%A %Y-%m-%d}" if tr.days == 1 else f"{tr.start:%a %Y-%m-%d} to {last:%a %Y-%m-%d}"

    def set_time(self, time_range: TimeRange) -> None:
        held = self.versus_holiday
        if held is not None and self.versus == held.time_range and _whole_year(time_range):
            # `today vs black friday last year`: the holiday compared with is that year's
            self.versus_holiday = held.in_year(time_range.start.year)
            self.versus = self.versus_holiday.time_range
            return
        holiday = self.holiday
        same = holiday is not None and self.time_range == holiday.time_range
        if holiday is not None and same and _whole_year(time_range) and not self.after_versus:
            # `black friday ... last year`, `compare black friday last year to today`: that year's
            self.holiday = holiday.in_year(time_range.start.year)
            self.time_range = self.holiday.time_range
            return
        current = self.time_range
        twice = current is not None and (current.start, current.end) == (time_range.start, time_range.end)
        if twice and not self.after_versus:
            return  # the same days named twice (`nov MTD`, `yesterday ... the thanksgiving traffic`)
        if self.after_versus or (self.comparing and self.time_range is not None and self.versus is None):
            main = self.holiday
            if main is not None and self.time_range == main.time_range and _whole_year(time_range):
                # `was black friday last year more expensive than this year`: this year's Black Friday
                self.versus_holiday = main.in_year(time_range.start.year)
                time_range = self.versus_holiday.time_range
            if self.versus is not None:
                raise TwoAsked(
                    f"Two periods to compare with: `{self.versus.label}` and `{time_range.label}`.",
                    hint="Compare two periods at a time, e.g. `2026-11 vs 2026-08`.",
                )
            self.versus = time_range
            return
        days = (time_range.start, time_range.end)
        if self.versus is not None and (self.versus.start, self.versus.end) == days:
            return  # `vs a normal tuesday like the 10th`: the day compared with, named again
        held = self.holiday
        if current is not None and held is not None and self.holiday_names_event and current == held.time_range:
            self.time_range, self.holiday = time_range, None  # `the BF load test on 17 nov`: 17 nov
            self.readings.append(f"Read `{' '.join(held.words)}` as naming an event, not the days asked.")
            self.holiday_names_event = False
            return
        if self.time_range is not None:
            raise TwoAsked(
                f"Two time ranges: `{self.time_range.label}` and `{time_range.label}`.",
                hint="Give one, e.g. `2026-10-01..2026-10-15` for a span of days, or compare two with `vs`: "
                f"`{self.time_range.label} vs {time_range.label}`.",
            )
        self.time_range = time_range

    def set_basis(self, basis: CostBasis, typed: str = "") -> None:
        """The cost basis asked, `typed` as the person wrote it (`AmortizedCost`): two are refused, named so."""
        if self.basis is not None and self.basis is not basis:
            raise TwoAsked(
                f"Two cost bases: `{self.basis_typed or self.basis.value}` and `{typed or basis.value}`.",
                hint="Pick one of `unblended`, `amortized`, `net`.",
            )
        self.basis = basis
        self.basis_typed = self.basis_typed or typed

    def set_granularity(self, granularity: Granularity) -> None:
        if self.granularity is not None and self.granularity is not granularity:
            raise TwoAsked(
                f"Two time steps: `{CANONICAL_GRANULARITY[self.granularity]}` and "
                f"`{CANONICAL_GRANULARITY[granularity]}`.",
                hint="Pick one of `daily`, `weekly`, `monthly`, `hourly`.",
            )
        self.granularity = granularity

    def set_top(self, top: int, text: str) -> None:
        if not 1 <= top <= MAX_TOP:
            raise UsageError(f"`{text}`: top must be between 1 and {MAX_TOP}.", hint="Example: `top 5`.")
        if self.top is not None and self.top != top:
            raise UsageError(f"Two `top` values: {self.top} and {top}.", hint="Give one, e.g. `top 5`.")
        self.top = top

    def add_group(self, ref: DimensionRef, vocabulary: Vocabulary, *, listed: bool = False) -> None:
        """`ref` added to the breakdown. Named again in one `by` list (`by service, service`: `listed`) is a slip
        the person is told of; named again elsewhere (`MTD by account + where it lands, by account`) is meant once."""
        if ref in self.group_by:
            if listed:
                raise UsageError(f"`by {ref_text(ref, vocabulary)}` is given twice.", hint="Name each dimension once.")
            return
        if len(self.group_by) == MAX_GROUP_BY:
            shown = ", ".join(ref_text(r, vocabulary) for r in [*self.group_by, ref])
            raise UsageError(
                f"At most {MAX_GROUP_BY} group-by dimensions: got `by {shown}`.",
                hint="Drop one, or filter on it instead, e.g. `by service, region account=prod`.",
            )
        self.group_by.append(ref)

    def add_filter(self, flt: Filter, vocabulary: Vocabulary) -> None:
        same = next((f for f in self.filters if f.dimension == flt.dimension), None)
        if same is not None and self.comparing and not same.negate and not flt.negate:
            # `team=Platform vs team=platform`, `env=prod vs env=dev`: the values side by side
            merged = Filter(flt.dimension, tuple(dict.fromkeys([*same.values, *flt.values])))
            self.filters[self.filters.index(same)] = merged
            if flt.dimension not in self.group_by:
                self.group_by.insert(0, flt.dimension)
            return
        if same is not None and same.negate == flt.negate:
            # `project=search and project=checkout`: a line item holds one value of each, so both values (and
            # `env!=dev env!=test` leaves out both)
            merged = Filter(flt.dimension, tuple(dict.fromkeys([*same.values, *flt.values])), negate=flt.negate)
            self.filters[self.filters.index(same)] = merged
            return
        if same is not None:
            name = ref_text(flt.dimension, vocabulary)
            raise UsageError(
                f"`{name}` is filtered twice.",
                hint=f"Give all the values at once, e.g. `{name}=a,b`, or exclude with `{name}!=a,b`.",
            )
        self.filters.append(flt)

    def query(self, today: date, default_range: str, default_basis: CostBasis) -> CostQuery:
        """The `CostQuery` assembled, with defaults for what was not said: `default_range` (a time phrase),
        `default_basis`, top 10, no time series. A `versus` that is the period just before is dropped (every answer
        compares with it anyway); one that overlaps the time range raises `UsageError`."""
        time_range = self.time_range or parse_time_range(self.implied_range or default_range, today)
        versus = self.versus
        if versus is not None and versus.start >= time_range.end:
            # `oct vs nov so far`, `before/after`: the later period held against the earlier, whichever came first
            time_range, versus = versus, time_range
        if versus is not None:
            previous = time_range.previous()
            # (`october vs november to date`: the month in progress against the whole month before it, which is the
            # month's own comparison once it is read as the month, its days so far against October's same days)
            month_end = add_months(time_range.start, 1)
            so_far = time_range.start.day == 1 and time_range.end in (month_end, today + timedelta(days=1))
            one_month = versus.start.day == 1 and add_months(versus.start, 1) == versus.end
            last_month = so_far and time_range.end <= month_end and one_month and versus.end == time_range.start
            if last_month and time_range.end != month_end:  # (a month so far: the month, as `this month` is)
                time_range = TimeRange(time_range.start, month_end, f"{time_range.start:%Y-%m}")
            if (versus.start, versus.end) == (previous.start, previous.end) or last_month:
                versus = None  # what every answer compares with anyway
            elif versus.start < time_range.end and time_range.start < versus.end:
                raise TwoAsked(  # (a message of two sentences answers the first that asks alone)
                    f"{_as_typed(self.time_words, time_range)} and {_as_typed(self.versus_words, versus)} overlap: "
                    "compare two separate periods.",
                    hint="Example: `2026-11 vs 2026-08`, `yesterday vs the day before`.",
                )
        return CostQuery(
            time_range=time_range,
            group_by=tuple(self.group_by),
            filters=_tax_among_classes(self.filters),
            basis=self.basis or default_basis,
            granularity=self.granularity or Granularity.NONE,
            top=self.top or DEFAULT_TOP,
            versus=versus,
            question=self.question,
            readings=tuple(self.readings),
        )


def _tax_among_classes(filters: list[Filter]) -> tuple[Filter, ...]:
    """`filters` with `service=Tax` folded into a charge-class filter of the same sense (`credits and tax`,
    `without tax and credits`): tax is a charge class of its own, so the two name one set of line items between
    them; kept apart they would ask for credits that are also tax (nothing), or leave out tax and credits by two
    different rules. Tax left out beside classes kept that hold none (`only usage, no tax`) is said by them."""
    service = next((f for f in filters if f.dimension.kind is Dimension.SERVICE), None)
    classes = next((f for f in filters if f.dimension.kind is Dimension.CHARGE_CLASS), None)
    if service is None or classes is None or service.values != (TAX_SERVICE,):
        return tuple(filters)
    if service.negate and not classes.negate and ChargeClass.TAX.value not in classes.values:
        return tuple(f for f in filters if f is not service)  # `only usage, no tax`: the kept classes hold no tax
    if service.negate != classes.negate:
        return tuple(filters)
    merged = Filter(classes.dimension, (*classes.values, ChargeClass.TAX.value), negate=classes.negate)
    return tuple(merged if f is classes else f for f in filters if f is not service)


def ref_text(ref: DimensionRef, vocabulary: Vocabulary) -> str:
    """How errors name a dimension: its keyword, or a tag key as the vocabulary labels it (`tag:team`)."""
    if ref.kind is Dimension.TAG:
        return vocabulary.tag_label(str(ref.tag_key))
    return ref.kind.value


def _as_typed(words: str | None, period: TimeRange) -> str:
    """`period` for a message: as typed with its days (`` `this week` (2026-11-23..2026-11-29) ``), or its label."""
    days = range_label(period.start, period.end)
    return f"`{period.label or days}`" if words is None else f"`{words}` ({days})"
