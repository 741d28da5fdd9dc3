"""Before the reading loop: the words the grammar knows, and the passes that make the tokens readable.

`KNOWN_WORDS` are the words the grammar reads itself (the typo rule leaves them alone), `TYPO_TARGETS` the ones a
misspelt word may be read as. `PrepassReader` runs over the tokens once before `grammar._Parser` reads them:
short forms (`wk`, `us-e-1`, AWS's region places such as `sydney`; `kms+sqs` and `11/20-11/26` split), names
dictated in pieces (`lamb da`, `us east one`) and typos of grammar words (`servce`), each said in the answer's readings.
Its phrase passes read marks, ways of asking and value phrases here; periods are `grammar_time_phrases`, what a
question says around what it asks `grammar_context`, what wraps a question `grammar_wrapping`, a guess at the cause
or what the person is after `grammar_guesses`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.billing.grammar_bare import in_stored_phrase, service_prefix
from bot.billing.grammar_clauses import ASSIGNED_KEYS
from bot.billing.grammar_context import CHARGE_LIST_WORDS, ContextPhraseReader
from bot.billing.grammar_dates import MONTH_NAMES, NUMBER_WORDS, dashed_day, split_glued_ends, split_span
from bot.billing.grammar_foreign import translated
from bot.billing.grammar_guesses import read_past_guess, values_or_else, without_purpose, without_reason
from bot.billing.grammar_holidays import match_holiday
from bot.billing.grammar_keywords import (
    BASIS_WORDS,
    DIMENSION_WORDS,
    GRANULARITY_WORDS,
    OTHER_CLOUDS_DIMENSION_WORDS,
    fold,
)
from bot.billing.grammar_time import TIME_STARTERS, TIME_WORDS, WEEKDAYS
from bot.billing.grammar_time_phrases import MONTH_SPAN, WRITTEN_YEAR
from bot.billing.grammar_tokens import Kind, Token, next_is
from bot.billing.grammar_typos import correct_typos, english_words, typo_candidates
from bot.billing.grammar_unplaced import NOT_HELD, REFUSAL_WORDS, SERVICE_WORDS
from bot.billing.grammar_words import (
    ABBREVIATIONS,
    ANOMALY_WORDS,
    AVERAGE_WORDS,
    CHAT_WORDS,
    CLOSE_EVENTS,
    COMMITMENT_PHRASES,
    COMMITMENT_WORDS,
    COMPARE_WORDS,
    DECREASE_WORDS,
    EXCLUDING,
    FILLERS,
    FORECAST_WORDS,
    INCLUDED_WORDS,
    INCLUDING,
    INCREASE_WORDS,
    JOINERS,
    OVER_PREVIOUS,
    PERIOD_CHARGE_WORDS,
    RANKING_WORDS,
    SENTENCE_END,
    SEPARATELY,
    VERSUS_WORDS,
    WHY_WORDS,
    YEAR_OVER_YEAR,
)
from bot.billing.grammar_wrapping import unwrapped
from bot.billing.model import Dimension
from bot.billing.vocabulary import (
    CATEGORY_WORDS,
    COMPASS_WORDS,
    REGION_AREAS,
    REGION_PLACES,
    SERVICE_ALIASES,
    region_code,
)

#: Documents and meetings named after a forecast (`the forecast pack`): what the figures are for.
_FORECAST_DOCUMENTS = ("pack", "deck", "model", "sheet", "spreadsheet", "meeting", "review", "doc", "slides", "file")
#: `<unit> by <unit>`: the time step it names.
_STEP_BY_STEP = {"hour": "hourly", "day": "daily", "week": "weekly", "month": "monthly", "quarter": "quarterly"}
#: What a meeting is about, between its day and its noun (`Monday's budget meeting`).
_MEETING_KINDS = frozenset(
    {"budget", "board", "exec", "leadership", "finance", "planning", "team", "ops", "staff", "weekly", "monthly"}
    | {"steering", "management", "cost", "finops", "quarterly", "product", "sprint"}
)
#: What an answer is needed before (`before board call`, `before the investors meeting`).
_DEADLINE_EVENTS = (
    CLOSE_EVENTS | {"deck", "presentation", "demo", "offsite", "all-hands", "1:1", "1:1s"} | {"qbr", "mbr", "ebr"}
)
#: A time of day after `at` (`at 3`, `at 3pm`, `at 14:30`).
_CLOCK_TIME = re.compile(r"\d{1,2}(?::\d{2})?(?:am|pm)?")
#: Whom a wish greets (`Happy Black Friday team`).
_WISHED = frozenset({"team", "all", "everyone", "folks", "guys", "y'all", "everybody", "people"})
#: A pivot table's axes (`months as columns`, `service as rows`).
_PIVOT_AXES = frozenset({"columns", "column", "cols", "rows", "row"})


#: Names of a command line's or an API's parameters (`limit=5`, `--group-by service`, `from=2026-11-20`) and the
#: grammar's words for them: a value after one reads as it does after those words (none: the value alone).
_PARAMETERS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("limit", "top", "n", "max-results", "maxresults"), ("top",)),
    **dict.fromkeys(("group-by", "groupby", "group_by", "group", "dimension", "dimensions"), ("by",)),
    **dict.fromkeys(("from", "start", "start-date", "startdate", "start_date", "begin"), ("from",)),
    **dict.fromkeys(("to", "end", "end-date", "enddate", "end_date", "until"), ("to",)),
    **dict.fromkeys(("key", "tag-key", "tagkey", "tag_key"), ()),
    **dict.fromkeys(("period", "range", "window", "timeframe", "time-period", "month", "date", "dates"), ()),
    **dict.fromkeys(("granularity", "step", "interval", "frequency", "filter", "filters", "where"), ()),
}
#: The dashes of a command-line flag, right before its name (`--start`, `-n`), at a word's start.
_FLAG_BEFORE = re.compile(r"(?:^|\s)--?$")
#: A parameter as typed, and its value (`--start 2026-11-01`, `period=last_month`).
_PARAMETER_TYPED = re.compile(r"-{0,2}[\w-]+(?:=|\s+)(?P<value>[^\s=]*)")
#: Words after a value that leave it out (`tax excluded`, `with credits removed`).
_LEFT_OUT_AFTER = frozenset({"excluded", "removed", "omitted", "stripped"})
_LEFT_OUT_AFTER_PAIRS = frozenset({("left", "out"), ("not", "included"), ("not", "counted"), ("taken", "out")})
#: Verbs that leave out the values after them (`drop the staging account`, `remove credits`).
_DROPPING = frozenset({"drop", "dropping", "remove", "removing", "strip"})
#: An ISO 8601 time stamp (`2026-11-18T14:02:11Z`, `2026-11-18T14:02+01:00`): the day is group 1.
_TIMESTAMP = re.compile(r"(\d{4}-\d\d-\d\d)T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?", re.IGNORECASE)
#: Words a commitment to buy is sized by (`a 3-year compute SP`, `a no-upfront RI`).
_PLANNED_KINDS = frozenset(
    {"compute", "ec2", "instance", "1-year", "3-year", "1yr", "3yr", "1-yr", "3-yr", "one-year", "three-year"}
    | {"no-upfront", "partial-upfront", "all-upfront", "bigger", "larger", "smaller", "first", "second", "further"}
)
#: What is said of a commitment talked about (`the reserved capacity conversation`, `the RI discussion`).
_TALKS = frozenset(
    {"conversation", "discussion", "negotiation", "talk", "talks", "decision", "proposal", "planning", "meeting"}
    | {"strategy"}
)
#: Verbs of planning a commitment, before `a` (`to size a Compute SP`, `decide on a savings plan`).
_PLANNING = frozenset(
    {"size", "sizing", "buy", "buying", "purchase", "purchasing", "get", "getting", "consider", "considering"}
    | {"on", "evaluate", "evaluating", "justify", "justifying", "recommend", "propose", "plan", "planning"}
)
#: Parts of a document or a list, numbered (`Section 3 — Compute`, `item 4 -`).
_NUMBERED_PARTS = ("section", "item", "part", "step", "point", "question")
#: What joins the items of a list (`usage + fees`, `usage, fees`, `usage / fees`).
_LISTING = frozenset({"+", "and", "&", ",", "/"})
#: Verbs of something starting (`launched monday`, `went live tue`): what it costs runs from that day.
_STARTED = frozenset({"launched", "deployed", "shipped", "released", "started", "enabled", "activated"})
_UP = ("out", "live", "on", "off")


#: A year or a quarter as people name one (`2024`, `Q1`, `H2`, `FY26`), and the nouns of its figures (`the Q3
#: numbers` are the quarter's).
_NAMED_PERIOD = re.compile(r"(?:19|20)\d\d|q[1-4]|h[12]|fy-?\d{2,4}")
_PERIOD_FIGURES = frozenset(
    {"numbers", "figures", "totals", "actuals", "results", "report", "reports", "statement", "statements", "close"}
)
#: Verbs of asking after who asks (`the data team is asking`, `finance wants it`), and the verbs before them.
_ASKS = frozenset({"asking", "asked", "asks", "wants", "wanted", "needs", "needed", "wondering", "requested"})
_BEING = frozenset({"is", "are", "was", "were", "keeps", "keep", "has", "have", "had"})
#: A word left out by its prefix (`ex-tax`).
_EX_PREFIX = re.compile(r"ex-(\w+)")
#: The verb of where the month lands (`landing on prod` is where charges are posted).
_LANDS = frozenset({"land", "lands", "landing", "landed"})
#: The units of a dashboard's `L30D`, `L4W`, `L3M`, and the largest count read.
_SHORT_LAST = (("d", "days", 400), ("w", "weeks", 52), ("m", "months", 24))
#: Periods whose rest is asked ahead (`forecast for the rest of the year`): where that period lands.
_REST_OF = ("year", "quarter")
#: Phrases read as other words, wherever they stand (`grammar_prepass._rewrite`).
#: What a list is ranked by anyway, before `wise` (`$$ wise`, `cost-wise`).
_COST_WISE = ("$", "$$", "$$$", "cost", "money", "price", "spend")
_PHRASES: dict[tuple[str, ...], tuple[str, ...]] = {
    # `days that stand out`: unusual days
    **dict.fromkeys((("stand", "out"), ("stands", "out"), ("stood", "out"), ("standing", "out")), ("standout",)),
    ("side", "by", "side"): (),  # how an answer with two things shows them anyway
    # `resources having no team tag`, `spend not having a team tag`: with none
    **dict.fromkeys((("not", "having"), ("not", "having", "a"), ("not", "having", "any")), ("without",)),
    ("having", "no"): ("with", "no"),
    # `where team isn't set`: the tag missing
    **dict.fromkeys((("isn't", "set"), ("is", "not", "set"), ("not", "set"), ("isnt", "set")), ("missing",)),
    # `and how much of that is tax`, `what part of it was ec2`: the value's part of the total, beside the rest
    **{
        (how, much, "of", that): ("share",)
        for how, much in (("how", "much"), ("what", "part"), ("which", "part"), ("what", "portion"))
        for that in ("that", "it", "those")
    },
    # `how is the spend sharing between the teams`, `shared across accounts`: split
    **{(w, between): ("split", "by") for w in ("sharing", "shared") for between in ("between", "across", "among")},
    # `a crawler running every 5 min`: how often a job runs, no time step
    **{
        ("every", n, unit): ()
        for n in ("1", "2", "5", "10", "15", "30")
        for unit in ("min", "mins", "minutes", "sec", "secs", "seconds")
    },
    # `a 12 month trailing total`, `3-month rolling`: the last months
    **{
        (n, unit, way): ("last", n, unit)
        for n in ("3", "6", "12", "three", "six", "twelve")
        for unit in ("month", "months", "mo", "mth")
        for way in ("trailing", "rolling")
    },
    # `alerts from morning itself`, `since morning`: today
    **dict.fromkeys((("since", "morning"), ("from", "morning")), ("since", "this", "morning")),
    # `asked in yesterday standup`, `in yesterday's meeting`: when it was asked, no period
    **{
        (day, meeting): ()
        for day in ("yesterday", "yesterday's", "yesterdays", "today's", "todays")
        for meeting in ("standup", "stand-up", "meeting", "call", "sync", "retro", "huddle", "demo")
    },
    # `days last month where spend went off`: the days it happened on (`where is the money going` asks by service)
    **{(unit, "where"): (unit,) for unit in ("day", "days", "week", "weeks", "month", "months", "hours", "times")},
    # `last moth`, `this weak`: the period, misspelt as another English word
    **{
        (det, slip): (det, unit)
        for det in ("this", "last", "past", "previous", "next")
        for slip, unit in (("moth", "month"), ("mouth", "month"), ("weak", "week"), ("wee", "week"))
    },
    # `the last like 6 weeks`, `past roughly 3 months`: a hedge inside the period
    **{
        (det, hedge): (det,)
        for det in ("last", "past", "previous")
        for hedge in ("like", "roughly", "about", "approx", "approximately", "around", "maybe")
    },
    # txt-speak's `4` (`chargd 4 tax`, `4 our team`): for; `by $$`: by cost
    **{("4", word): ("for", word) for word in ("tax", "us", "me", "my", "our")},
    **dict.fromkeys((("by", "$$"), ("by", "$"), ("by", "$$$")), ("by", "cost")),
    # `(account level)`, `at the service level`: by it
    **{
        (*at, dimension, level): (dimension,)
        for at in ((), ("at", "the"))
        for dimension in ("account", "service", "region", "team", "project", "env", "resource", "tag")
        for level in ("level", "levels")
    },
    # `Iawn, last one I promise!`: the last question, no period
    **dict.fromkeys(
        (("last", "one", "i", "promise"), ("last", "one", "promise"), ("one", "last", "thing"), ("last", "question")),
        (),
    ),
    # `anything without a team tag (unallocated)`, `cost-to-serve`: untagged; the cost
    ("unallocated",): ("untagged",),
    ("cost-to-serve",): ("cost",),
    ("gimme",): ("give", "me"),
    # finance's short forms: `Q3 LY`, `vs PY`: last year's; `AOP`: the annual operating plan
    **dict.fromkeys((("ly",), ("py",)), ("last", "year")),
    ("aop",): ("plan",),
    # `every weekend`: the weekends (read day by day)
    **dict.fromkeys((("every", "weekend"), ("each", "weekend")), ("weekends",)),
    # `over the 14-15 nov weekend`: the days typed, which the weekend describes
    **{(month, "weekend"): (month,) for month in MONTH_NAMES},
    # `per sales region`, `north america`: the regions, a part of the world
    **dict.fromkeys((("sales", "region"), ("sales", "regions")), ("region",)),
    **{
        words: (words[0] + words[1],)
        for words in (("north", "america"), ("south", "america"), ("asia", "pacific"), ("middle", "east"))
    },
    ("latin", "america"): ("latam",),
    # `what do we expect by the end of the month`: where the month lands
    **dict.fromkeys(
        (("by", "the", "end", "of", "the", "month"), ("by", "the", "end", "of", "month"), ("by", "end", "of", "month")),
        ("month-end",),
    ),
    # `by instance family`, `split by instance type`: AWS bills them as usage types
    **dict.fromkeys(
        (("instance", "family"), ("instance", "families"), ("instance", "type"), ("instance", "types")),
        ("instancetype",),
    ),
    # `what are we spending a month these days`: nowadays, no days asked
    ("these", "days"): (),
    # `whats in the untagged bucket`: the untagged group (no S3 bucket)
    **dict.fromkeys((("untagged", "bucket"), ("untagged", "buckets")), ("untagged",)),
    # `top to bottom`, `highest to lowest`, `in descending order`: the order every breakdown is listed in anyway
    **{
        (high, "to", low): ()
        for high in ("top", "highest", "biggest", "largest", "most", "high")
        for low in ("bottom", "lowest", "smallest", "least", "low")
    },
    **dict.fromkeys((("in", "descending", "order"), ("descending", "order"), ("sorted", "descending")), ()),
    # `did we spend ~20% more in nov or am i imagining it?`, `or is it just me`: a doubt, no part of the question
    **dict.fromkeys(
        (
            ("or", "am", "i", "imagining", "it"),
            ("or", "am", "i", "imagining", "things"),
            ("am", "i", "imagining", "it"),
            ("or", "is", "it", "just", "me"),
            ("is", "it", "just", "me"),
            ("or", "am", "i", "crazy"),
            ("or", "am", "i", "wrong"),
        ),
        (),
    ),
    # `Period is this week please.`, `timeframe: last month`: the period named after it
    **dict.fromkeys((("period", "is"), ("timeframe", "is"), ("time", "frame", "is"), ("date", "range", "is")), ()),
    # `same as every week`, `like every monday`: a routine, no step
    **{
        (*same, lead, every, unit): ()
        for same in ((), ("same",))
        for lead in ("as", "like")
        for every in ("every", "each")
        for unit in ("day", "week", "month", "monday", "friday", "morning", "time")
    },
    ("by", "the", "way"): (),
    ("at", "the", "mo"): (),  # `at the mo`: at the moment, now
    # `how much got offset by credits`: what did it, no breakdown
    **{(verb, "by"): (verb,) for verb in ("offset", "reduced", "lowered", "discounted", "cancelled", "canceled")},
    # `a stupid amount of api calls`: calls to an API, no team
    **dict.fromkeys((("api", "calls"), ("api", "call")), ("requests",)),
    # `who's chewin thru the most glue $$`: spending
    **{(chew, thru): ("spending",) for chew in ("chewing", "chewin", "chewin'") for thru in ("thru", "through")},
    # `cloudfront yesterday and the day before`: the day before yesterday too
    **dict.fromkeys(
        (("yesterday", "and", "the", "day", "before"), ("yday", "and", "the", "day", "before")),
        ("yesterday", "and", "the", "day", "before", "yesterday"),
    ),
    **dict.fromkeys((("a", "clean", "number"), ("a", "clean", "figure")), ("the", "total")),  # `a clean number for`
    # `forecast until end of month`, `till the end of the month`: where the month lands, the forecast's phrase
    **{
        (lead, *the, *tail): ("end", "of", "month")
        for lead in ("until", "till", "til", "through", "thru")
        for the in ((), ("the",))
        for tail in (("end", "of", "month"), ("end", "of", "the", "month"), ("month", "end"), ("month-end",))
    },
    **dict.fromkeys((("good", "news"), ("bad", "news")), ()),  # `GOOD NEWS!! ec2 finally went down`: a remark
    ("a", "wee"): ("a",),  # `a wee forecast`: a small one
    ("over", "the", "month"): (),  # `amortising the upfront over the month`: spread over it (the default range anyway)
    # `QoQ % change`, `the % diff`: the change every comparison shows, no share of a total
    **{("%", word): ("change",) for word in ("change", "diff", "difference", "growth", "increase", "delta")},
    # `got pinged by someone`: who, no breakdown
    **{("by", who): () for who in ("someone", "somebody", "anyone", "me", "us", "them", "him", "her", "finance")},
    # `leave out tax`, `take out the fees`, `filter out dev`: excluding them
    **{(verb, "out"): ("excluding",) for verb in ("leave", "leaving", "take", "taking", "filter", "strip", "cut")},
    # a shell's pipe into `grep` (`anomalies --last 30d | grep -v tax`): what it keeps, or leaves out with `-v`
    ("grep", "v"): ("excluding",),
    ("grep",): (),
    # `is SQS for last week in line with the week before`: held against it, as a comparison
    **dict.fromkeys((("in", "line", "with"), ("on", "par", "with")), ("compared", "with")),
    # how the answer is laid out (`one row each`, `the service next to each one`): as every answer is
    **dict.fromkeys((("one", "row", "each"), ("a", "row", "each"), ("one", "line", "each"), ("a", "line", "each")), ()),
    ("next", "to", "each", "one"): (),
    **dict.fromkeys((("by", "mistake"), ("by", "accident"), ("by", "hand")), ()),  # `tagged env=dev by mistake`
    # `hand them all to platform by default`, `by far the biggest`
    **dict.fromkeys((("by", "default"), ("by", "far"), ("by", "design"), ("by", "chance"), ("by", "then")), ()),
    # `w/c 16/11`, `week commencing 16 nov` (British): the week of that day
    **dict.fromkeys(
        (("w/c",), ("w/b",), ("week", "commencing"), ("week", "beginning"), ("week", "starting")), ("week", "of")
    ),
    # `biggest s3 buckets $$ wise`: by cost, as every list is
    **{(w, "wise"): () for w in _COST_WISE},
    # `just need 1 number`: the total, which every answer leads with
    **{(n, w): () for n in ("1", "one", "single") for w in ("number", "figure")},
    # `are we gonna blow past last month at this rate`: where the month lands
    **{("at", which, pace): ("forecast",) for which in ("this", "the", "current") for pace in ("rate", "pace")},
    # `credits per billing account`: the account
    **{("billing", unit): (unit,) for unit in ("account", "accounts", "acct", "accts")},
    ("the", "same", "for"): ("vs",),  # `for October, and the same for September next to it`
    # `month by month for 2026, with the same months of 2025 next to it`
    **{("same", unit, joiner): ("vs",) for unit in ("months", "weeks", "period") for joiner in ("of", "in")},
    # `regions other than us-east-1`, `outside us-east-1`: all but it
    **dict.fromkeys((("other", "than"), ("outside", "of"), ("outside",)), ("except",)),
    # `apart from tax`, `not including tax`, `dont count tax`, `everything but ec2`: all
    # but it (each had kept only it, or read it as part of the total)
    **dict.fromkeys(
        (("apart", "from"), ("aside", "from"), ("exclusive", "of"), ("sans",), ("not", "including")),
        ("except",),
    ),
    **dict.fromkeys((("not", "incl"), ("not", "counting"), ("without", "counting")), ("except",)),
    **dict.fromkeys((("don't", "count"), ("dont", "count"), ("do", "not", "count")), ("except",)),
    **dict.fromkeys((("everything", "but"), ("anything", "but"), ("all", "but")), ("everything", "except")),
    # `net of tax`: after taking it off (`net of credits` is the total as ever, credits in it)
    **{("net", "of", w): ("excluding", w) for w in ("tax", "taxes", "vat", "gst", "fees")},
    ("on", "fire"): ("unusual",),  # `or are we on fire`
    # `which resources make up most of the bill`: what it is made of, the list
    **dict.fromkeys((("make", "up"), ("makes", "up"), ("made", "up"), ("making", "up")), ()),
    # `whats eating all the money`, `api eating the budget`: costing (no budget asked)
    **{
        (verb, *det, what): ("costing",)
        for verb in ("eating", "eats", "chewing", "burning", "draining")
        for det in ((), ("the",), ("our",), ("all", "the"), ("all", "our"), ("up", "the"))
        for what in ("money", "budget", "cash", "bill", "dollars")
    },
    **dict.fromkeys((("after", "that"), ("after", "this"), ("since", "then")), ()),  # the day named already
    # how the answer should look (`as a table i can paste`): every answer is a table, and exports to CSV
    **dict.fromkeys(
        (("as", "a", "table"), ("in", "a", "table"), ("as", "a", "spreadsheet"), ("as", "csv"), ("as", "a", "csv")),
        (),
    ),
    # `weeks starting monday`: as every week is
    **{
        (*weeks, start, monday): ()
        for weeks in (("weeks",), ("week",), ())
        for start in ("starting", "start", "begin", "beginning", "starts", "begins")
        for monday in ("monday", "mon")
        if weeks or start == "starting"
    },
    # `yesterday vs the same day of last week`: the same day last week
    **{("same", unit, "of", "last"): ("same", unit, "last") for unit in ("day", "weekday", "week")},
    **dict.fromkeys((("account", "manager"), ("account", "manager's"), ("account", "managers")), ("boss",)),
    # `we had a release that morning`: the day named already
    **{("that", part): () for part in ("morning", "afternoon", "evening", "night", "day")},
    **dict.fromkeys((("last", "sprint"), ("this", "sprint"), ("the", "sprint")), ("sprint",)),  # its days named apart
    # who asked (`my team lead asked me`): not the team tag
    **dict.fromkeys((("team", "lead"), ("tech", "lead"), ("line", "manager")), ("boss",)),
    ("next", "to"): ("and",),  # `search next to checkout`
    ("on", "its", "own"): ("separately",),  # `tax on its own`
    ("on", "their", "own"): ("separately",),
    ("landing", "page"): ("page",),  # a page, not where the month lands
    ("landing", "pages"): ("pages",),
    ("end", "up"): ("land",),  # `where will Q4 end up`
    **dict.fromkeys((("ends", "where"), ("end", "where")), ("land",)),  # `if nov ends where it's trending`
    # `did we end up paying more that day`: what happened, no forecast
    **{("did", who, "end", "up"): ("did", who) for who in ("we", "it", "they", "i", "you", "costs", "spend", "that")},
    # `this month until now`, `Nov 1st till now`: to date (through today)
    **dict.fromkeys((("until", "now"), ("till", "now"), ("til", "now"), ("up", "to", "now")), ("to", "date")),
    # `the charges that land on the 1st`: where charges are posted, not where the month lands
    **{(which, verb): (which,) for which in ("that", "which") for verb in ("land", "lands", "landed")},
    # `need it for the forecast pack`: a document named after the forecast, not a forecast asked for
    **{("forecast", what): () for what in _FORECAST_DOCUMENTS},
    # `since few days`, `since 3 weeks` (French `depuis`, German `seit`): the last ones
    **{
        ("since", *count, unit): ("last", *count, unit)
        for count in (("few",), ("a", "few"), ("couple",), ("a", "couple", "of"), *((str(n),) for n in range(2, 13)))
        for unit in ("days", "weeks", "months", "wks", "mos")
    },
    # `for the 3 last months` (French order), `the 2 previous weeks`: the last ones
    **{
        (*the, str(n), which, unit): ("last", str(n), unit)
        for the in ((), ("the",))
        for n in range(2, 13)
        for which in ("last", "previous", "past")
        for unit in ("days", "weeks", "months", "quarters")
    },
    # `which project cost more and by how much`: the difference, which a comparison shows anyway
    **dict.fromkeys((("by", "how", "much"), ("by", "how", "many")), ()),
    # `total broken out by account`: a breakdown, not a charge shown separately
    **dict.fromkeys((("broken", "out", "by"), ("broken", "down", "by")), ("by",)),
    # `the SP and RI fees, need the split between the two`: each on its own line
    **dict.fromkeys((("split", "between", "the", "two"), ("split", "between", "them")), ("separately",)),
    # `are we ok this month?`: whether the month is on track, the forecast
    **{("are", "we", ok): ("are", "we", "on", "track") for ok in ("ok", "okay", "good", "fine", "alright", "all")},
    # `since last 4 days` (Indian English): the last ones
    **{("since", "last", str(n), unit): ("last", str(n), unit) for n in range(2, 32) for unit in ("days", "weeks")},
    # `cloudfront in front of the app`: where it stands, no word of the question
    ("in", "front", "of"): ("of",),
    # `need a number by monday`, `by EOD`, `by tomorrow`: when the answer is wanted, no breakdown
    **{("by", when): () for when in (*WEEKDAYS, "tomorrow", "eod", "eow", "cob", "tonight", "noon")},
    # `compare w a normal thursday`: with
    **{("w", det): ("with", det) for det in ("a", "an", "the", "our", "last")},
    # `the RI and SP fees on Nov 1, separately from usage`: the fees beside the usage, the split by charge class
    **{
        (apart, "from", *normal, "usage"): ("and", "usage", "separately")
        for apart in ("separately", "separate", "separated", "seperately", "apart")
        for normal in ((), ("normal",), ("the",), ("regular",))
    },
    # `a/c` (Indian English): the account
    ("a/c",): ("account",),
    # `from 1st nov to till date`: to date
    **dict.fromkeys((("to", "till", "date"), ("till", "date"), ("until", "date")), ("to", "date")),
    # `in which months`, `which weeks`: the months (weeks) one by one (`which days` is read by its noun: the days
    # one by one, or the unusual ones in `which days were unusual`)
    **{
        (*lead, "which", unit): (step,)
        for lead in ((), ("in",), ("on",))
        for unit, step in (("months", "monthly"), ("days", "daily"), ("weeks", "weekly"))
        if (lead, unit) != ((), "days")
    },
    # `which functions are eating max cost`: the most
    **dict.fromkeys((("max", "cost"), ("maximum", "cost"), ("max", "spend")), ("most",)),
    # `yday vs same day lw`: chat's short forms of the last week and month
    ("lw",): ("last", "week"),
    ("lm",): ("last", "month"),
    # `the 20 highest-cost resources`, `top 10 EKS res`: ranked by cost, resources
    **dict.fromkeys((("highest-cost",), ("top-cost",), ("highest-spend",)), ("most", "expensive")),
    ("res",): ("resources",),
    # `L14D`, `L30D`, `L3M`: dashboards' short forms of the last days, weeks and months
    **{(f"l{n}{u}",): ("last", str(n), unit) for u, unit, most in _SHORT_LAST for n in range(1, most + 1)},
    # `itemise each amount and the account`: each line the answer lists anyway
    **{(each, what): () for each in ("each", "every") for what in ("amount", "amounts", "figure", "number", "one")},
    # `how much cost is for each value` (`/tags`): each value of the key, which the answer lists anyway
    **dict.fromkeys((("each", "value"), ("every", "value"), ("each", "tag", "value"), ("per", "value")), ()),
    # `month by month`: the time step
    **{(unit, "by", unit): (step,) for unit, step in _STEP_BY_STEP.items()},
    # `the fortnight just gone`, `the week just gone`: the last one
    **{("the", unit, "just", "gone"): ("last", unit) for unit in (*_STEP_BY_STEP, "fortnight")},
    **{(unit, "just", "gone"): ("last", unit) for unit in (*_STEP_BY_STEP, "fortnight")},
    # `for the rest of the month`: where this month lands
    **dict.fromkeys((("rest", "of", "the", "month"), ("rest", "of", "this", "month")), ("forecast",)),
    # `actuals to date + forecast for the rest of the year`: where the year (or quarter) lands
    **{("rest", "of", the, unit): ("forecast", "this", unit) for the in ("the", "this") for unit in _REST_OF},
    # `nov month end`, `what will nov end at`, `we will finish the month in how much`: where the month lands
    ("month", "end"): ("month-end",),
    # `spend outside us-east-1`, `resources that aren't ec2 or rds`: all but them
    **dict.fromkeys((("outside", "of"), ("outside",)), ("excluding",)),
    **{(that, verb): ("excluding",) for that in ("that", "which") for verb in ("aren't", "arent", "isn't", "isnt")},
    **{(that, "are", "not"): ("excluding",) for that in ("that", "which")},
    # `Full-year 2026 projection?`: the year
    ("full-year",): ("full", "year"),
    # `one row per month pls`: the step
    **{(one, row, "per"): ("per",) for one in ("one", "a", "1") for row in ("row", "line", "column")},
    # `the week of black friday`: the holiday's week, as `black friday week` reads
    **{
        ("week", "of", *day): (*day, "week")
        for day in (("black", "friday"), ("thanksgiving",), ("cyber", "monday"), ("christmas",), ("bf",))
    },
    # `I need to explain it to the exec team`: what the answer is for, no why asked
    **{("to", "explain", it, "to"): ("to",) for it in ("it", "this", "that", "them", "these", "those")},
    **{(month, "end"): (month, "month-end") for month in MONTH_NAMES},  # `forecast for nov end`: where nov lands
    # `compare with the month past`: the one before this
    **{("the", unit, "past"): ("last", unit) for unit in ("week", "month", "quarter", "year")},
    **dict.fromkeys((("end", "at"), ("ends", "at"), ("end", "on")), ("land",)),
    **dict.fromkeys((("finish", "the", "month"), ("end", "the", "month")), ("month-end",)),
    # `need numbers for monday's meeting`, `for tomorrow's standup`: when the person needs the answer, no range
    **{
        (f"{day}{mark}s", event): ()
        for day in (*WEEKDAYS, "today", "tomorrow")
        for mark in ("'", "’")
        for event in (*CLOSE_EVENTS, "all-hands", "presentation", "demo", "offsite", "1:1", "board")
    },
    # `it's going on a slide`, `goes in the board deck`: where the answer goes, no `what's going on`
    **{
        (verb, where, det, document): ()
        for verb in ("going", "goes", "go")
        for where in ("on", "in", "into")
        for det in ("a", "the", "my", "our")
        for document in (*_FORECAST_DOCUMENTS, "slide", "board", "dashboard", "report", "email", "update")
    },
    # `im new in the team`: who asks, no breakdown by the team tag
    **{("new", where, "the", "team"): ("new",) for where in ("in", "on", "to")},
    # `total before tax`, `pre-tax`: without it
    **dict.fromkeys((("before", "tax"), ("pre-tax",), ("pretax",)), ("excluding", "tax")),
    # `3 biggest services and how much each`, `how much did each cost`: each one's amount, as every list shows
    ("much", "each"): ("much",),
    **{(verb, "each"): (verb,) for verb in ("did", "does", "do", "will")},
    # `based on how the month is going, where do we land`: the pace the forecast goes by
    **{
        (*lead, "how", "the", unit, verb, "going"): ()
        for lead in ((), ("based", "on"), ("going", "by"))
        for unit in ("month", "week", "quarter", "year")
        for verb in ("is", "'s")
    },
    # `don't need amortized, just what's billed`: that basis not asked (the other one named is)
    **{
        (*neg, verb, basis): ()
        for neg in (("don't",), ("dont",), ("don’t",), ("do", "not"), ("no",))
        for verb in ("want", "need", "include")
        for basis in ("amortized", "amortised", "blended", "unblended", "net")
    },
    # `net amortized` (Cost Explorer), `net of savings plans`: the commitments spread over their use, amortized
    **dict.fromkeys(
        (("net", "amortized"), ("net", "amortised"), ("net-amortized",), ("net-amortised",)), ("amortized",)
    ),
    **{
        ("net", "of", *plans): ("amortized",)
        for plans in (("savings", "plans"), ("savings", "plan"), ("sps",), ("sp",), ("ris",), ("ri",), ("commitments",))
    },
    # `don't want tax`, `dont need the credits`: without them
    **{
        (*neg, verb): ("without",)
        for neg in (("don't",), ("dont",), ("don’t",), ("do", "not"))
        for verb in ("want", "need", "include")
    },
    # `what's usage vs fees in general`, `one number, no breakdown pls`: how the person asks, nothing more
    **dict.fromkeys((("in", "general"), ("no", "breakdown"), ("no", "breakdowns"), ("no", "split")), ()),
    # `what does aws:createdBy mean, and can you show spend grouped by it`: by what was named already
    **dict.fromkeys((("grouped", "by", "it"), ("split", "by", "it"), ("broken", "down", "by", "it")), ()),
    # `did us-east-1 go up by about as much as us-west-2 went down`: an amount's hedge, no breakdown
    **{("by", hedge): () for hedge in ("about", "around", "roughly", "approx", "approximately", "nearly", "almost")},
    # `the number cost explorer shows on the home page`: where it is shown (`landing page` likewise)
    ("home", "page"): ("page",),
    # `a huge charge dated Nov 1`: on that day
    ("dated",): ("on",),
    # `"Instances" vs "Elastic Block Store"` (the EC2 console's names): EBS, EC2's volumes
    ("elastic", "block", "store"): ("ebs",),
    # `Tag compliance: report % of spend untagged`, `tag coverage`: the untagged share
    **{("tag", word): ("untagged",) for word in ("compliance", "coverage", "hygiene")},
    # `the costs of year 2026`: that year
    **{("year", str(year)): (str(year),) for year in range(2010, 2041)},
    **{  # (`full year 2026`, `fiscal year 2026`: read as they are; `calendar year 2026`: the year)
        (lead, "year", str(year)): (lead, "year", str(year))
        for lead in ("full", "whole", "fiscal", "financial", "entire")
        for year in range(2010, 2041)
    },
    **{("calendar", "year", str(year)): (str(year),) for year in range(2010, 2041)},
    # `not sure who to ask about this`: no ranking asked (`who` ranks in `who spent the most`)
    **{("who", "to", verb): () for verb in ("ask", "talk", "ping", "contact", "go")},
    # `is that incl the RI fee or no?`: a yes or no asked, as every answer tells
    ("or", "no"): (),
    # `gonna paste into the budget tab`: a document named after the budget, no budget asked
    **{("budget", document): () for document in ("tab", "sheet", "spreadsheet", "doc", "file", "model", "deck")},
    # `glue jobs ran all night`: how long something ran, no day named
    **dict.fromkeys((("all", "night"), ("all", "nite"), ("all", "night", "long")), ()),
    # `this month vs the last one`: the period before it
    **dict.fromkeys((("the", "last", "one"), ("the", "one", "before")), ("the", "previous", "one")),
    # `for slide 4 of the QBR`: where the answer goes, no day 4
    **{(slide, str(n)): (slide,) for slide in ("slide", "slides", "page", "tab") for n in range(1, 100)},
    # `Section 3 — Compute`, `item 4 - ec2 by region`: a part of a document or a list, numbered
    **{(label, str(n)): () for label in _NUMBERED_PARTS for n in range(1, 100)},
    # `cost by each person`: by person
    **{("by", each): ("by",) for each in ("each", "every")},
    # `black friday week last year vs the week before it`: the one before
    **{
        ("the", unit, "before", "it"): ("the", "previous", "one")
        for unit in ("day", "week", "month", "quarter", "year")
    },
    # `last 7 days vs the 7 before`: the as many days before
    **{("the", str(n), "before"): ("the", "previous", "one") for n in range(1, 32)},
}


def _by_first_word(phrases: dict[tuple[str, ...], tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """`phrases` by their first word, each word's in the order given (the first that matches is read)."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return index


_PHRASE_INDEX = _by_first_word(_PHRASES)


#: Phrases whose every place is one of a set of words, read as nothing when no phrase of `_PHRASES` starts there:
#: `for Monday's budget meeting`, `tomorrow's exec review` (when the answer is needed, the meeting named by what it
#: is about; `monday's meeting` alone is a phrase of `_PHRASES`).
_PHRASE_PATTERNS: tuple[tuple[frozenset[str], ...], ...] = (
    (
        frozenset(f"{day}{mark}s" for day in (*WEEKDAYS, "today", "tomorrow") for mark in ("'", "’")),
        _MEETING_KINDS,
        frozenset({*CLOSE_EVENTS, "presentation", "demo", "deck"}),
    ),
)


#: The words a phrase of `_PHRASE_PATTERNS` may start with: any other word is passed at once.
_PATTERN_STARTS = frozenset().union(*(pattern[0] for pattern in _PHRASE_PATTERNS))


def _pattern_at(words: list[str], j: int) -> int:
    """How many words a phrase of `_PHRASE_PATTERNS` takes at `j`; 0 when none starts there."""
    for pattern in _PHRASE_PATTERNS:
        if len(words) - j >= len(pattern) and all(w in places for w, places in zip(words[j:], pattern, strict=False)):
            return len(pattern)
    return 0


def _rewrite(tokens: list[Token], phrases: dict[tuple[str, ...], tuple[str, ...]]) -> list[Token]:
    """`tokens` with each of `phrases` (lower-cased words) replaced by its words, read left to right; a replacement
    stands at the phrase's first position. With `_PHRASES`, a phrase of `_PHRASE_PATTERNS` is read as nothing where
    none of them starts."""
    index = _PHRASE_INDEX if phrases is _PHRASES else _by_first_word(phrases)
    words = [t.lower for t in tokens]
    out: list[Token] = []
    j = 0
    while j < len(tokens):
        found = next((p for p in index.get(words[j], ()) if tuple(words[j : j + len(p)]) == p), None)
        if found is not None and found[0].isdigit() and j and words[j - 1] in MONTH_NAMES:
            found = None  # `the nov 1 number`: a day of the month, not `1 number`
        starts = found is None and words[j] in _PATTERN_STARTS and phrases is _PHRASES
        patterned = _pattern_at(words, j) if starts else 0
        if patterned:
            j += patterned
            continue
        if found is None:
            out.append(tokens[j])
            j += 1
            continue
        out.extend(Token(Kind.WORD, w, tokens[j].position) for w in phrases[found])
        j += len(found)
    return out


#: Words a ticket's, a change's or a ledger account's reference follows (`ticket 48213`, `case #1234`, `GL 6420`).
_REFERENCES = frozenset({"ticket", "case", "issue", "incident", "inc", "pr", "jira", "change", "cr", "sr", "gl"})
#: A tracker's key as typed (`[PLAT-1873]`, `FINOPS-212:`, `INV-2026-10-4471`): capitals, a dash and a number.
_TICKET_KEY = re.compile(r"\[?[A-Z][A-Z0-9]{1,11}-\d+(?:-\d+)*\]?[:.,]?")
#: Titles before a person's name (`Dr. Okafor`, `Prof Lindqvist`).
_TITLES = frozenset({"dr", "prof", "mr", "mrs", "ms", "mx", "dr.", "prof.", "mr.", "mrs.", "ms."})
#: The grammar's keywords, offered as "did you mean" for a word it does not know.
KEYWORDS = (
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
TYPO_TARGETS = tuple(
    sorted(
        {
            *(w for w in DIMENSION_WORDS if w.isalpha() and w not in OTHER_CLOUDS_DIMENSION_WORDS),
            *BASIS_WORDS,
            *GRANULARITY_WORDS,
            *TIME_WORDS,
            # `training` and `trading` are words, not typos of `trailing` (nor `polling` of `rolling`)
            *(w for w in TIME_STARTERS if w not in ("trailing", "rolling")),
            *(m for m in MONTH_NAMES if len(m) > 3),
            *("days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years"),
            *("forecast", "versus", "compare", "compared", "breakdown", "group", "explain", "until", "date"),
            *("beginning",),  # `since the begining of the year`
            *("before", "after", "previous", "separately"),  # `yesterday vs day befor`, `seperately`
            *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),  # `tuesdy`
            *("excluding", "except", "without", "exclude", "including"),  # `exclusing tax` must never read as tax
            *("changed", "change", "increase", "increased", "average", "anomalies", "unusual"),  # `what chnaged`
            *("spike", "spikes", "spiking", "spiked"),  # `is cloudfront spikng today`
        }
    )
)
#: What a word nothing else places may be a typo of, besides stored names (`grammar_typos.unique_correction`).
TYPO_TARGET_SET = frozenset(TYPO_TARGETS)
#: ... and, for a word nothing else places, the words of a cost question itself (`totl spend`, `spned`).
TYPO_SET = TYPO_TARGET_SET | REFUSAL_WORDS | {"total", "spend", "spending", "costs"}
#: A period typed as one word (`thiswk`, `lastmonth`, `prevqtr`): its two words.
_GLUED_PERIOD = re.compile(r"(this|last|lst|past|prev|previous)(week|wk|month|mo|mth|mnth|quarter|qtr|year|yr|weekend)")
#: Who may do something (`may I ask`, `it may be`): beside them `may` is the verb, no month; after a word that
#: leads a period (`in may it jumped`, `since may`) it is the month.
_SUBJECTS = frozenset({"i", "we", "you", "they", "it", "someone", "somebody"})
_BEFORE_A_MONTH = frozenset(
    {"in", "for", "since", "during", "of", "until", "till", "from", "to", "through", "thru", "between", "and", "vs"}
    | {"early", "late", "mid", "end", "start", "last", "this", "next", "by", "before", "after", "on", "over"}
)
#: Words saying a tag holds no value (`where aws:createdBy is empty`, `team tag missing`).
_EMPTY = frozenset({"empty", "missing", "blank", "null", "unset", "absent"})
#: The parts of a service's bill people set side by side (`s3 storage vs requests vs transfer`), and what joins them.
_BILL_PARTS = frozenset({"storage", "requests", "request", "transfer", "retrieval", "retrievals"})
_PART_JOINERS = frozenset({"vs", "vs.", "versus", "and", "or", "&", "/", ","})
#: Verbs before `past` that make it `beyond` (`blow past last month`, `go past`).
_PASSING = frozenset({"blow", "blowing", "blew", "go", "going", "went", "get", "getting", "shoot", "run", "fly", "be"})
#: Words asking whether charges were taken off the total (`are credits netted out`).
_NETTED = frozenset({"netted", "deducted", "subtracted", "applied"})
#: Units a period before `before`/`after` is counted in (`the day before?`, `2wks after?`).
_PERIOD_UNITS = frozenset(
    {"day", "week", "wk", "month", "mo", "mth", "quarter", "qtr", "year", "yr", "fortnight", "one"}
)
#: Words that lead a period (`this week`, `per day`), and the units a typo after one is read as.
_UNIT_LEADS = frozenset({"this", "last", "past", "previous", "per", "each", "every", "a", "the"})
_TIME_UNITS = ("day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years")
#: Words beside which `on demand` is one word, a kind of usage (`spot vs on demand`, `savings plans vs on demand`).
_ON_DEMAND_BESIDE = COMMITMENT_WORDS | {"spot", "covered", "coverage"}
#: Units in `week over week`, `for the month of october`.
UNIT_OVER = frozenset({"day", "week", "month", "quarter", "year"})
#: Every word the grammar itself reads; the typo rule leaves them alone.
KNOWN_WORDS = frozenset(
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
        *KEYWORDS,
        *("by", "group", "per", "every", "each", "day", "to", "date", "until", "before", "same", "ago", "end"),
        *("eom", "prior", "preceding", "period", "one", "tag", "tags", "untagged", "none", "global", "hour"),
        *("fortnight", "burn", "after"),
        *NOT_HELD,  # `blended` is no typo of `unblended`: it has its own answer
        *INCLUDING,  # `include` is no typo of `exclude`
        *EXCLUDING,
    }
)


#: An amount written with thousands separators, as its tokens come (`$48`, `,`, `212.07`).
_THOUSANDS_START = re.compile(r"^[$€£]\d{1,3}(?:,\d{3})*$")
_THOUSANDS = re.compile(r"^\d{3}(?:\.\d+)?$")


class PrepassReader(ContextPhraseReader):
    """The passes over the tokens before the loop reads them (`grammar._Parser.__init__` runs them in order)."""

    def join_spoken_names(self) -> None:
        """Names typed in pieces, as dictation writes them (`lamb da`, `cloud front`, `s three`, `us east one`):
        two or three words, numbers in words as digits, that make one stored name (joined, or with hyphens for a
        region) where the first word alone names nothing; read as that name, and said."""
        out: list[Token] = []
        j = 0
        while j < len(self.tokens):
            found = self._spoken_name_at(j)
            if found is None:
                out.append(self.tokens[j])
                j += 1
                continue
            name, used = found
            typed = " ".join(t.text for t in self.tokens[j : j + used])
            out.append(Token(Kind.WORD, name, self.tokens[j].position))
            self.typed[self.tokens[j].position] = typed
            self.out.readings.append(f"Read `{typed}` as `{name}`.")
            j += used
        self.tokens = out

    def _spoken_name_at(self, j: int) -> tuple[str, int] | None:
        first = self.tokens[j]
        if first.kind is not Kind.WORD or self.vocabulary.meanings(first.text):
            return None
        for used in (3, 2):
            pieces = self.tokens[j : j + used]
            if len(pieces) < used or any(t.kind is not Kind.WORD for t in pieces):
                continue
            words = [str(NUMBER_WORDS.get(t.lower, t.lower)) for t in pieces]
            region = "-".join(words)
            if used == 3 and region in self.vocabulary.regions:  # `us east one`: `us` is a word too
                return region, used
            held = [r for r in self.vocabulary.regions if r.startswith(region + "-")]
            if used == 2 and words[1] in COMPASS_WORDS and len(held) == 1:  # `eu west`: the one region so named
                return held[0], used
            joined = "".join(words)
            if first.lower not in KNOWN_WORDS and self.vocabulary.meanings(joined):
                return joined, used
        return None

    def _names_a_service(self, part: str, added: bool) -> bool:
        """`kms+sqs`, `ec2/rds`, `sqs+lambda+dynamo`: a part of a joined word is a value or the start of a stored
        service's name; joined by `+` (`athena+glue`: `added`), also an AWS service the bill may not hold (named
        back then; `storage/backup` may be one thing)."""
        held = bool(self.vocabulary.meanings(part) or service_prefix(part, self.vocabulary))
        return held or (added and part in SERVICE_WORDS)

    def _names_areas(self, parts: list[str]) -> bool:
        """Whether each of `parts` names a part of the world the bill has regions in (`NA/EMEA/APAC`)."""
        return all(self.vocabulary.area_meaning(p) is not None for p in parts)

    def _holds_one(self, parts: list[str]) -> bool:
        """Whether the bill holds a value named by one of `parts` (`ec2` of `ec2/ebs`)."""
        return any(self.vocabulary.meanings(p) for p in parts)

    def read_quoted(self, tokens: list[Token]) -> list[Token]:
        """The words of a quoted question (`finance asked: ">> total for last sprint ..."`), wrapping read past and
        fixed phrases read as their words, as the question's own are."""
        return self._phrase_passes(_rewrite(unwrapped(tokens, self.grammar_reads), _PHRASES))

    def _phrase_passes(self, joined: list[Token]) -> list[Token]:
        """The phrase passes by kind, in order: marks, what is shown, when, the words around the question, value
        phrases, periods."""
        for read in (
            self._read_marks,
            self._read_what_is_shown,
            self._read_when_worded,
            self._read_around_the_question,
            self._read_value_phrases,
            self.read_time_phrases,
        ):
            joined = read(joined)
        return joined

    def grammar_reads(self, word: str) -> bool:
        """Whether the grammar reads `word` itself: a stored value, a grammar word, a month or a weekday."""
        w = word.casefold()
        return bool(self.vocabulary.meanings(word)) or w in KNOWN_WORDS or w in MONTH_NAMES or w in WEEKDAYS

    def read_parameters(self) -> None:
        """Parameters of a command line or an API call (`limit=5`, `group-by=service`, `period=last_month`,
        `--start 2026-11-01 --end 2026-11-26`, `key=env`) read as the grammar's words for them (`top 5`, `by
        service`, `last month`, `from ... to ...`, the key), and said; a name the store holds as a tag key, or a
        dimension's (`service=`, `account=`), is a filter as ever."""
        out: list[Token] = []
        said: list[str] = []
        held = {k.split(":", 1)[-1].casefold() for k in self.vocabulary.tag_keys}
        j = 0
        while j < len(self.tokens):
            tok = self.tokens[j]
            assigned = j + 1 < len(self.tokens) and self.tokens[j + 1].kind is Kind.EQ
            before = self.text[max(0, tok.position - 3) : tok.position]
            flagged = _FLAG_BEFORE.search(before) is not None  # `--start`, `-n` (no `last-month`)
            owned = assigned and tok.lower in ASSIGNED_KEYS  # `top=5`, `month=2026-09`: the clause reader's own
            if tok.kind is not Kind.WORD or not (assigned or flagged) or owned:
                out.append(tok)
                j += 1
                continue
            start = tok.position - (len(before) - len(before.rstrip("-")))  # where its dashes begin
            words = _PARAMETERS.get(tok.lower)
            value = self.tokens[j + 1 + assigned] if j + 1 + assigned < len(self.tokens) else None
            every = value is not None and value.lower in ("all", "*", "any") and tok.lower in DIMENSION_WORDS
            if every and value is not None:  # `--acct all`: every account, no filter
                said.append(f"`{self.text[start : value.position + len(value.text)]}` as no filter")
                j += 2 + assigned
                continue
            if words is None or tok.lower in held:  # (a tag key named `period` is filtered on)
                out.append(tok)
                j += 1
                continue
            out.extend(Token(Kind.WORD, w, tok.position) for w in words)
            typed = _PARAMETER_TYPED.match(self.text, start)
            if typed is not None:  # `period=last_month` as `last month`
                read = " ".join([*words, typed["value"].replace("_", " ")])
                said.append(f"`{typed[0]}` as `{read}`")
            j += 1 + assigned
        if said:
            self.out.readings.append(f"Read the parameters {', '.join(said)}.")
        self.tokens = out

    def translate_foreign_words(self) -> None:
        """Words of German, French and Spanish mixed into a question (`the Kosten for letzte Woche`) read as the
        English ones (`grammar_foreign`), said once for them all; a stored value is never translated."""
        tokens, pairs = translated(self.tokens, lambda w: bool(self.vocabulary.meanings(w)))
        if tokens == self.tokens:
            return
        for tok in tokens:
            if tok.position not in self.typed:
                typed = next((t.text for t in self.tokens if t.position == tok.position), tok.text)
                if typed != tok.text:
                    self.typed[tok.position] = typed
        self.tokens = tokens
        if pairs:
            said = ", ".join(f"`{typed}` as `{english}`" for typed, english in dict.fromkeys(pairs))
            self.out.readings.append(f"Read {said}.")

    def _is_tag_key(self, word: str) -> bool:
        """Whether `word` names a tag key the store holds (`team`, `aws:createdBy`'s `createdBy`)."""
        folded = word.casefold()
        return any(folded in (k.casefold(), k.split(":", 1)[-1].casefold()) for k in self.vocabulary.tag_keys)

    def expand_abbreviations(self) -> None:
        """Short forms of grammar words (`wk`, `qtr`, `avg`) read as the word, unless the store holds a value
        spelled so or the word is a filter's value; `kms+sqs` and `ec2/rds` read as `kms + sqs` when each part
        is a value and the whole is not one."""
        joined: list[Token] = []
        for i, tok in enumerate(self.tokens):
            span = split_span(tok.text, self.today) if tok.kind is Kind.WORD else None
            following = self.tokens[i + 1].text if i + 1 < len(self.tokens) else ""
            if span is not None and MONTH_SPAN.fullmatch(tok.lower) and WRITTEN_YEAR.fullmatch(following):
                span = None  # `jan-oct 2025`: the year is both months' (the time phrases read it)
            if span is not None and not self.vocabulary.meanings(tok.text):  # `11/20-11/26`: `2026-11-20..2026-11-26`
                joined.append(Token(Kind.WORD, span, tok.position))
                self.typed[tok.position] = tok.text
                continue
            before = self.tokens[i - 1].text if i else None
            ends = split_glued_ends(before, tok.text, following or None) if tok.kind is Kind.WORD else None
            if ends is not None:  # `Oct 15-Nov 14`: `Oct 15 - Nov 14`
                joined.extend(Token(Kind.WORD, part, tok.position) for part in ends)
                continue
            day = dashed_day(tok.text) if tok.kind is Kind.WORD else None
            if day is not None and not self.vocabulary.meanings(tok.text):  # `15-Nov-2026`: `15 nov 2026`
                joined.extend(Token(Kind.WORD, part, tok.position) for part in day)
                self.typed[tok.position] = tok.text
                continue
            pair = tok.text.split(":")
            if (  # `the dev:prod ratio`, `staging:prod`: two values weighed against each other (`team:web` is a tag)
                tok.kind is Kind.WORD
                and len(pair) == 2
                and all(self.vocabulary.meanings(p) and not self._is_tag_key(p) for p in pair)
                and not self.vocabulary.meanings(tok.text)
            ):
                joined.extend(Token(Kind.WORD, part, tok.position) for part in (pair[0], "vs", pair[1]))
                continue
            parts = re.split(r"[+/]", tok.text)
            if (
                tok.kind is Kind.WORD
                and len(parts) > 1
                # `ec2/ebs`: beside a service the bill holds, a word of AWS's services is one too
                and (
                    all(self._names_a_service(p, "+" in tok.text or self._holds_one(parts)) for p in parts)
                    or self._names_areas(parts)  # `NA/EMEA/APAC`: the parts of the world, each
                )
                and not self.vocabulary.meanings(tok.text)
            ):
                for k, part in enumerate(parts):
                    joined.extend([Token(Kind.WORD, "+", tok.position)] if k else [])
                    joined.append(Token(Kind.WORD, part, tok.position))
            else:
                joined.append(tok)
        # `$48,212.07`: one amount, though its commas separate tokens
        j = 0
        while j + 2 < len(joined):
            first, comma, rest = joined[j : j + 3]
            if comma.kind is Kind.COMMA and _THOUSANDS_START.match(first.text) and _THOUSANDS.match(rest.text):
                joined[j : j + 3] = [Token(Kind.WORD, f"{first.text},{rest.text}", first.position)]
            else:
                j += 1
        joined = unwrapped(joined, self.grammar_reads)  # `from #data-eng:`, `Best, Dana`, `Cost Explorer says`
        joined, purpose = without_purpose(joined, self.text)  # `, trying to size cross-region replication`
        self.out.readings.extend(purpose)
        joined, reason = without_reason(joined, self.text)  # `because staging is shared`
        self.out.readings.extend(reason)
        # `cost center(s)`: one word, a tag key's name (`grammar_clauses.tag_key_word`)
        for j in range(len(joined) - 1, 0, -1):
            if joined[j - 1].lower == "cost" and joined[j].lower in ("center", "centers", "centre", "centres"):
                self.typed[joined[j - 1].position] = f"{joined[j - 1].text} {joined[j].text}"
                joined[j - 1 : j + 1] = [Token(Kind.WORD, "costcenter", joined[j - 1].position)]
        joined = self._phrase_passes(_rewrite(joined, _PHRASES))
        # `ec2/s3 split for oct`, `NA/EMEA/APAC split`: the values named, each on a line (`split by team` is a `by`)
        for j in range(1, len(joined)):
            after = joined[j + 1].lower if j + 1 < len(joined) else ""
            named = self.vocabulary.meanings(joined[j - 1].text) or self.vocabulary.area_meaning(joined[j - 1].lower)
            if joined[j].lower == "split" and named and after not in ("by", "per", "between", "across", "into"):
                joined[j] = Token(Kind.WORD, "separately", joined[j].position)
        # `this calendar year`: the year itself (calendar periods are the only ones the grammar reads); `the last 3
        # full months`: the last 3 months (whole months, as the grammar reads them anyway)
        self.tokens = [
            t
            for j, t in enumerate(joined)
            if not (
                t.lower in ("calendar", "cal")
                and j + 1 < len(joined)
                and ABBREVIATIONS.get(joined[j + 1].lower, joined[j + 1].lower) in UNIT_OVER  # (`calendar yr`)
            )
            and not (
                t.lower in ("full", "complete", "whole")
                and 0 < j < len(joined) - 1
                and (joined[j - 1].lower.isdecimal() or joined[j - 1].lower in NUMBER_WORDS)
                and joined[j + 1].lower.rstrip("s") in UNIT_OVER
            )
        ]
        for j, tok in enumerate(self.tokens):
            full = ABBREVIATIONS.get(tok.lower)
            stem = re.sub(r"['’]s$", "", tok.lower)
            if full is None and stem != tok.lower and stem in ABBREVIATIONS:
                full = ABBREVIATIONS[stem]  # `last wk's increase`: the week's (the possessive is read as the word)
            after_op = j > 0 and self._in_value_list(j)
            region = self.vocabulary.region_of_short_form(tok.text) if tok.kind is Kind.WORD else None
            coded = region is not None and tok.lower == region_code(region)  # `use1`
            if coded and self._names_a_value_with_neighbour(j):
                continue  # `m5.large boxusage use1`: a word of the usage type the words beside it name
            if region is not None and not self.vocabulary.meanings(tok.text):  # `us-e-1`, `sydney`, `use1`
                self.tokens[j] = Token(Kind.WORD, region, tok.position)
                self.typed[tok.position] = tok.text
                if tok.lower in REGION_PLACES or re.fullmatch(r"[a-z]{2}-[a-z]+", tok.lower) or coded:  # `sydney`
                    self.out.readings.append(f"Read `{tok.text}` as the region `{region}`.")
                continue
            if full is None or tok.kind is not Kind.WORD or after_op or self.vocabulary.meanings(tok.text):
                continue
            self.tokens[j] = Token(Kind.WORD, full, tok.position)
            self.typed[tok.position] = tok.text

    def _in_value_list(self, j: int) -> bool:
        """Whether the word at `j` is a filter's value: right after `=` or `!=`, or after a comma in the list of
        values that follows one (`service=ec2,s3`; not `lambda, yday only`)."""
        k = j - 1
        while k > 0 and self.tokens[k].kind is Kind.COMMA and self.tokens[k - 1].kind is Kind.WORD:
            k -= 2
        return k >= 0 and self.tokens[k].kind in (Kind.EQ, Kind.NE)

    def _every_one(self, count: str, named: str) -> bool:
        """Whether `count` of `named` (`3 accounts`, `four regions`) is how many the bill holds: every one of them."""
        number = int(count) if count.isdecimal() else NUMBER_WORDS.get(count)
        dimension = DIMENSION_WORDS.get(fold(named))
        held = len(self.vocabulary.every_value(dimension)) if dimension is not None else 0
        return number is not None and held == number > 1

    def _names_a_value_with_neighbour(self, j: int) -> bool:
        """Whether the word at `j` and a word beside it are words of one stored value (`boxusage use1`)."""
        own = {m.values for m in self.vocabulary.word_meanings(self.tokens[j].text)}
        beside = [self.tokens[k] for k in (j - 1, j + 1) if 0 <= k < len(self.tokens)]
        return any(own & {m.values for m in self.vocabulary.word_meanings(t.text)} for t in beside)

    def _read_marks(self, joined: list[Token]) -> list[Token]:
        """Marks around words: a trailing ellipsis (`January...`, `see..`), words joined by a slash that the grammar
        reads each (`names/ids`)."""
        # `January...`: a trailing ellipsis; `names/ids`: words the grammar reads anyway, each
        for j in range(len(joined) - 1, -1, -1):
            if j > len(joined) - 1:
                continue  # a rewrite after this place shortened the list
            tok = joined[j]
            if tok.kind is Kind.WORD and re.fullmatch(r"[^\W\d_]+(?:\.{2,}|…)", tok.text):
                joined[j] = Token(Kind.WORD, tok.text.rstrip(".…"), tok.position)
            parts = tok.lower.split("/")
            if (
                tok.kind is Kind.WORD
                and len(parts) > 1
                and tok.lower not in KNOWN_WORDS  # `wk/wk`, `sp/ri`: one word
                and all(p in KNOWN_WORDS or p in ABBREVIATIONS or self.vocabulary.meanings(p) for p in parts if p)
            ):
                joined[j : j + 1] = [Token(Kind.WORD, p, tok.position) for p in parts if p]
            named = re.fullmatch(r"(.+)-(accounts?|accts?)", tok.lower) if tok.kind is Kind.WORD else None
            if named is not None and not self.vocabulary.meanings(tok.text) and self.vocabulary.meanings(named[1]):
                # `the Staging-Account`: the account of that name (German compounds, hyphenated)
                noun = tok.text[len(named[1]) + 1 :]
                joined[j : j + 1] = [
                    Token(Kind.WORD, tok.text[: len(named[1])], tok.position),
                    Token(Kind.WORD, noun, tok.position + len(named[1]) + 1),
                ]
            nxt = joined[j + 1] if j + 1 < len(joined) else None
            if tok.lower in ("tag:", "tag") and nxt is not None and nxt.lower == "key":
                del joined[j + 1]  # `tag key team`, `Tag key "team"`: the key named
                nxt = joined[j + 1] if j + 1 < len(joined) else None
            # `by Tag: project` (as Cost Explorer writes it): `tag:project`
            keyed = tok.lower == "tag:" and nxt is not None and nxt.kind in (Kind.WORD, Kind.QUOTED)
            if keyed and nxt is not None and self.tag_key_word(nxt.text):  # (looked up only after `tag:`)
                joined[j : j + 2] = [Token(Kind.WORD, f"tag:{nxt.text}", tok.position)]
                continue
            stamp = _TIMESTAMP.fullmatch(tok.text) if tok.kind is Kind.WORD else None
            if stamp is not None:  # `2026-11-18T14:02:11Z`, pasted from a log: its day
                joined[j] = Token(Kind.WORD, stamp[1], tok.position)
            glued = _GLUED_PERIOD.fullmatch(tok.lower) if tok.kind is Kind.WORD else None
            if glued is not None and not self.vocabulary.meanings(tok.text):  # `thiswk`, `lastmonth`: two words
                joined[j : j + 1] = [Token(Kind.WORD, glued[1], tok.position), Token(Kind.WORD, glued[2], tok.position)]
        # `is it normal?`, `back to normal`: is it unusual (`more than normal` compares, as every answer does)
        asks_if = bool(joined) and joined[0].lower in ("is", "are", "does", "do", "looks", "look")
        # (`IS TODAY NORMAL?? compare w/ last friday`: the day it is held against says what normal is)
        compared = any(t.lower in COMPARE_WORDS or t.lower in VERSUS_WORDS for t in joined)
        for j in range(1, len(joined)):
            before = joined[j - 1].lower
            after = joined[j + 1].lower if j + 1 < len(joined) else ""
            # `is ap-se-2 normal today?`: asked of what was named before it (`a normal week` is a period)
            period = after in UNIT_OVER or after in WEEKDAYS
            asked_of = asks_if and not period and before not in ("a", "than", "then")
            if joined[j].lower in ("normal", "expected") and (
                before in ("it", "that", "this", "to", "above") or asked_of
            ):
                # (compared with a period, that period says what normal is: the comparison answers)
                joined[j] = Token(Kind.WORD, "like" if compared else "unusual", joined[j].position)
        # `forecast to blow past it`: beyond it, no time; `blow past last month`: over it, the period held against
        joined = [
            t
            for j, t in enumerate(joined)
            if not (t.lower == "past" and j + 1 < len(joined) and joined[j + 1].lower in ("it", "that", "this", "them"))
        ]
        for j in range(1, len(joined) - 1):
            passing = joined[j - 1].lower in _PASSING and joined[j + 1].lower in ("last", "previous", "prior")
            if joined[j].lower == "past" and passing:
                joined[j] = Token(Kind.WORD, "over", joined[j].position)
        # `Week-over-week`, `month-over-month`: the short forms (`wow`, `mom`)
        for j, tok in enumerate(joined):
            over = re.fullmatch(r"(day|week|month|quarter|year)-(?:over|on)-\1", tok.lower)
            if over is not None:
                joined[j] = Token(Kind.WORD, {"year": "yoy"}.get(over[1], over[1][0] + "o" + over[1][0]), tok.position)
                if over[1] == "quarter":
                    joined[j] = Token(Kind.WORD, "qoq", tok.position)
        # `all in (tax, credits, the lot)`: the whole total
        for j in range(len(joined) - 1, -1, -1):
            if j > len(joined) - 1:
                continue  # a rewrite after this place shortened the list
            all_in = joined[j].lower == "all-in" or [t.lower for t in joined[j : j + 2]] == ["all", "in"]
            if all_in and (j + 2 >= len(joined) or joined[j + 2].lower not in MONTH_NAMES):  # not `all in october`
                said_later = any(t.lower in INCLUDED_WORDS | {"included"} for t in joined[j + 1 :])
                joined[j : j + (1 if joined[j].lower == "all-in" else 2)] = (
                    [] if said_later else [Token(Kind.WORD, "including", joined[j].position)]
                )  # `all in, fees and tax included`: the list says what is included
        # `deep archive`, `infrequent access`: one name of S3's storage classes
        for j in range(len(joined) - 2, -1, -1):
            if j > len(joined) - 2:
                continue  # a rewrite after this place shortened the list
            if joined[j].lower + joined[j + 1].lower in ("deeparchive", "infrequentaccess", "intelligenttiering"):
                self.typed[joined[j].position] = f"{joined[j].text} {joined[j + 1].text}"
                joined[j : j + 2] = [Token(Kind.WORD, f"{joined[j].text}-{joined[j + 1].text}", joined[j].position)]
        # `recent 2 weeks`, `past few`: the last ones
        for j in range(len(joined) - 2):
            count = joined[j + 1].lower
            if joined[j].lower == "recent" and (count.isdecimal() or count in NUMBER_WORDS):
                joined[j] = Token(Kind.WORD, "last", joined[j].position)
        # `(Mon–Sun)`: the whole week, as every week is
        joined = [t for t in joined if not re.fullmatch(r"mon(?:day)?[-–]sun(?:day)?", t.lower)]
        # `Q4-to-date`, `month-to-date`, `Q4-so-far`: the period, then `to date`; `by-account`: `by account`
        for j in range(len(joined) - 1, -1, -1):
            if j > len(joined) - 1:
                continue  # a rewrite after this place shortened the list
            word = joined[j].lower if joined[j].kind is Kind.WORD else ""
            stem = re.fullmatch(r"(.+)-(to-date|so-far)", word) or re.fullmatch(r"(by|per)-([a-z][\w:-]*)", word)
            if stem is not None:
                position = joined[j].position
                parts = [stem[1], *stem[2].split("-")] if stem[1] not in ("by", "per") else [stem[1], stem[2]]
                joined[j : j + 1] = [Token(Kind.WORD, w, position) for w in parts]
        # `the fees on the 1st of each month`, `on the 1st each month`: when they post, every month: month by month
        for j in range(len(joined) - 2, -1, -1):
            if j > len(joined) - 2:
                continue  # a rewrite after this place shortened the list
            k = j + 2 if j + 1 < len(joined) and joined[j + 1].lower == "of" else j + 1
            words = [t.lower for t in joined[k : k + 2]]
            every = words in (["each", "month"], ["every", "month"])
            if every and re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", joined[j].lower):
                first = j - 1 if j > 0 and joined[j - 1].lower == "the" else j
                first = first - 1 if first > 0 and joined[first - 1].lower in ("on", "at") else first
                joined[first : k + 2] = [Token(Kind.WORD, "monthly", joined[j].position)]
        # `leaving in 10`: minutes, at the end of a message
        if len(joined) > 1 and joined[-1].text.isdecimal() and joined[-2].lower == "in" and len(joined[-1].text) < 3:
            del joined[-2:]
        # `the #1 table`: a rank named in passing
        joined = [t for t in joined if not re.fullmatch(r"#\d{1,2}", t.lower)]
        return joined

    def _leaving_out(self, joined: list[Token]) -> list[Token]:
        """Words that leave values out wherever they stand, read as `except` or `excluding` before the values:
        `everything besides ec2` (`besides the leak days` is as well as), `every region but us-east-1`, `total
        less credits` (`less tax than` compares), `tax excluded`, `with credits and tax removed`, `dev left out`. Each
        had kept only the values named."""

        def names_value(tok: Token) -> bool:
            return tok.kind is Kind.WORD and (
                tok.lower in PERIOD_CHARGE_WORDS or bool(self.vocabulary.meanings(tok.text))
            )

        for j in range(len(joined) - 1):
            if j + 1 >= len(joined):
                break  # a rewrite shortened the list
            tok = joined[j]
            # `drop the data-lake account`, `remove the credits`, `no staging`, `no tax` (`did spend drop`: a move)
            k = j + 2 if joined[j + 1].lower == "the" and j + 2 < len(joined) else j + 1
            dropping = tok.lower in _DROPPING or (tok.lower == "no" and k == j + 1)
            if dropping and (names_value(joined[k]) or joined[k].lower in ("sp", "ri")):
                joined[j] = Token(Kind.WORD, "without" if tok.lower == "no" else "excluding", tok.position)
            # `nothing from staging`, `none of the dev stuff`
            if tok.lower in ("nothing", "none") and joined[j + 1].lower in ("from", "in", "of", "for"):
                k = j + 3 if j + 3 < len(joined) and joined[j + 2].lower == "the" else j + 2
                if k < len(joined) and names_value(joined[k]):
                    joined[j : j + 2] = [Token(Kind.WORD, "excluding", tok.position)]
        for j, tok in enumerate(joined[:-1]):  # `everything besides ec2` (`besides the leak days`: as well as)
            if tok.lower == "besides" and names_value(joined[j + 1]):
                joined[j] = Token(Kind.WORD, "except", tok.position)
            every = j > 1 and joined[j - 1].lower in DIMENSION_WORDS and joined[j - 2].lower in ("every", "all", "any")
            if tok.lower == "but" and every:  # `every region but us-east-1`: all but it
                joined[j] = Token(Kind.WORD, "except", tok.position)
            then = joined[j + 2].lower if j + 2 < len(joined) else ""
            if tok.lower == "less" and joined[j + 1].lower in PERIOD_CHARGE_WORDS and then != "than":
                joined[j] = Token(Kind.WORD, "except", tok.position)  # `total less credits` (`less tax than`: more)
        for j in range(len(joined) - 1, 0, -1):  # `tax excluded`, `with credits removed`: the value before the word
            w, then = joined[j].lower, joined[j + 1].lower if j + 1 < len(joined) else ""
            # `tax excluded`, `dev left out`, `staging not included`
            used = 1 if w in _LEFT_OUT_AFTER else 2 if (w, then) in _LEFT_OUT_AFTER_PAIRS else 0
            if not used or not names_value(joined[j - 1]):
                continue
            k = j - 1  # the first value of a list (`credits and tax removed`)
            while (
                k >= 2
                and (joined[k - 1].lower in _LISTING or joined[k - 1].kind is Kind.COMMA)
                and names_value(joined[k - 2])
            ):
                k -= 2
            lead = k - 1 if k > 0 and joined[k - 1].lower == "with" else k  # `with tax removed`
            values = joined[k:j]
            joined[lead : j + used] = [Token(Kind.WORD, "excluding", joined[j].position), *values]
        for j in range(1, len(joined)):  # `excluding the fee`: the fees (`the data transfer fee` is its cost)
            before = joined[j - 1].lower
            if before in ("the", "any", "all") and j > 1:
                before = joined[j - 2].lower
            if joined[j].lower == "fee" and before in EXCLUDING:
                joined[j] = Token(Kind.WORD, "fees", joined[j].position)
        return joined

    def _read_what_is_shown(self, joined: list[Token]) -> list[Token]:
        """What is kept, left out or shown apart, as people word it elsewhere or in a hurry: `prod vs non-prod`,
        `ex-tax`, `usage only`, `tax shown separately`, `env wise` (Indian English), `no daily needed`, `instead of`,
        `months as columns`."""
        # `months as columns, service as rows` (a pivot's layout): the step, the breakdown
        for j in range(len(joined) - 2, -1, -1):
            if j > len(joined) - 3 or joined[j + 1].lower != "as" or joined[j + 2].lower not in _PIVOT_AXES:
                continue
            unit = joined[j].lower.removesuffix("s")
            shown = [_STEP_BY_STEP[unit]] if unit in _STEP_BY_STEP else ["by", joined[j].text]
            self.typed[joined[j].position] = " ".join(t.text for t in joined[j : j + 3])
            joined[j : j + 3] = [Token(Kind.WORD, w, joined[j].position) for w in shown]
        # `prod vs non-prod`, `prod vs non prod`: the one against the rest (`Rows.against_the_rest`)
        for j in range(1, len(joined) - 1):
            value, other = joined[j - 1].lower, joined[j + 1].lower
            if joined[j].lower in VERSUS_WORDS and other in (f"non-{value}", f"non{value}", "non"):
                spelled = j + 2 < len(joined) and joined[j + 2].lower == value
                if other == "non" and not spelled:
                    continue
                typed = " ".join(t.text for t in joined[j + 1 : j + 2 + (other == "non")])
                position = joined[j + 1].position
                joined[j + 1 : j + 2 + (other == "non")] = [Token(Kind.WORD, w, position) for w in ("the", "rest")]
                self.typed[position] = typed
                break
        # `non-prod`, `nonprod ec2`: all but it, said last so that it leaves out nothing else
        for j in range(len(joined) - 1, -1, -1):
            tok = joined[j]
            rest = re.fullmatch(r"non-?(\w[\w-]*)", tok.lower) if tok.kind is Kind.WORD else None
            area = rest is not None and self.vocabulary.area_meaning(rest[1]) is not None  # `non-us regions`
            held = rest is not None and (bool(self.vocabulary.meanings(rest[1])) or area)
            if rest is not None and held and not self.vocabulary.meanings(tok.text):
                self.typed[tok.position] = tok.text
                del joined[j]
                if any(t.lower == rest[1] for t in joined):  # `prod vs dev vs staging ... non-prod is too big`
                    continue  # named beside the others already: shown among them
                the = [Token(Kind.WORD, "the", tok.position)] if area else []  # (`the us`: no pronoun)
                joined += [Token(Kind.WORD, "except", tok.position), *the, Token(Kind.WORD, rest[1], tok.position)]
        # `credits this year, and the total without them`: the charge named before, left out
        for j in range(1, len(joined)):
            if joined[j].lower in ("them", "those", "it", "these") and joined[j - 1].lower in EXCLUDING:
                charge = next((t for t in reversed(joined[: j - 1]) if t.lower in PERIOD_CHARGE_WORDS), None)
                if charge is not None:
                    joined[j] = Token(Kind.WORD, charge.text, joined[j].position)
        # `are the credits all landing on prod`: where charges are posted, not where the month lands
        for j in range(len(joined) - 2, -1, -1):
            at = j + 2 + (joined[j + 2].lower == "the" if j + 2 < len(joined) else 0)
            placed = joined[j + 1].lower in ("on", "in") and at < len(joined)
            if joined[j].lower in _LANDS and placed and self.vocabulary.meanings(joined[at].text):
                del joined[j]
        # `ex-tax`, `ex-VAT`: without it (`ex tax` reads so already)
        for j, tok in enumerate(joined):
            rest = _EX_PREFIX.fullmatch(tok.lower) if tok.kind is Kind.WORD and tok.lower.startswith("ex-") else None
            word = ABBREVIATIONS.get(rest[1], rest[1]) if rest is not None else ""
            if rest is not None and (word in PERIOD_CHARGE_WORDS or self.vocabulary.meanings(word)):
                joined[j : j + 1] = [Token(Kind.WORD, w, tok.position) for w in ("excluding", rest[1])]
        # `usage + fees only`, `only the usage`: the usage charge class (else `usage` is the spend itself)
        for j, tok in enumerate(joined):
            if tok.lower != "usage" or next_is(joined, j, "type") or next_is(joined, j, "types"):
                continue
            before = [t.lower for t in joined[max(0, j - 2) : j]]
            after = [t.lower for t in joined[j + 1 : j + 3]]
            # (`usage line items only`, `usage charges only`: the usage's lines)
            lines = [t.lower for t in joined[j + 1 : j + 4]]
            only = after[:1] == ["only"] or bool({"only", "just"} & set(before))
            only = (
                only
                or lines[:3] == ["line", "items", "only"]
                or lines[:2] in (["items", "only"], ["charges", "only"], ["number", "only"], ["figure", "only"])
            )
            # (`usage, fees, credits and tax`: a list of them)
            listed = (len(after) == 2 and after[0] in _LISTING and after[1] in PERIOD_CHARGE_WORDS) or (
                len(before) == 2 and before[1] in _LISTING and before[0] in PERIOD_CHARGE_WORDS
            )
            if only or listed:
                comma = j + 1 < len(joined) and joined[j + 1].kind is Kind.COMMA  # `only usage, no tax`: no list
                joined[j : j + 1 + comma] = [
                    Token(Kind.WORD, "charge-class", tok.position),
                    Token(Kind.EQ, "=", tok.position),
                    Token(Kind.WORD, "usage", tok.position),
                ]
                break
        joined = self._leaving_out(joined)  # (`only usage, no tax`: without it, as `no staging` is)
        # `tax shown separately`, `credits broken out`, `and separately how much credits`: with them, each on a line
        # of its own (`finish`)
        for j in range(len(joined) - 1, -1, -1):
            apart = {t.lower for t in [*joined[max(0, j - 3) : j], *joined[j + 1 : j + 3]]} & SEPARATELY
            led = j > 0 and joined[j - 1].lower in ({"with", "and", "&", "+", "of"} | INCLUDED_WORDS | EXCLUDING)
            if joined[j].lower in PERIOD_CHARGE_WORDS and apart and not led:
                joined.insert(j, Token(Kind.WORD, "with", joined[j].position))
        # `env wise`, `day-wise`, `servicewise` (Indian English): `by env`, `by day`
        for j in range(len(joined) - 1, -1, -1):
            if j > len(joined) - 1:
                continue  # a rewrite after this place shortened the list
            tok = joined[j]
            stem = re.fullmatch(r"([\w$]+?)-?wise", tok.lower) if tok.kind is Kind.WORD else None
            if stem is not None and stem[1] in _COST_WISE:
                del joined[j]  # `biggest s3 buckets $$ wise`: by cost, as every list is
                continue
            if stem is not None and stem[1] not in ("like", "other", "clock", "length"):
                said = "day" if stem[1] == "date" else stem[1]
                joined[j : j + 1] = [Token(Kind.WORD, "by", tok.position), Token(Kind.WORD, said, tok.position)]
            elif tok.lower == "wise" and j > 0 and joined[j - 1].kind is Kind.WORD:
                stem_tok = joined[j - 1]
                if stem_tok.lower == "date":
                    stem_tok = Token(Kind.WORD, "day", stem_tok.position)
                joined[j - 1 : j + 1] = [Token(Kind.WORD, "by", stem_tok.position), stem_tok]
        # `no daily needed`: the step not asked
        for j in range(len(joined) - 2, -1, -1):
            if j > len(joined) - 2:
                continue  # a rewrite after this place shortened the list
            denied = joined[j + 1]
            if joined[j].lower != "no" or self.vocabulary.meanings(denied.text) or self.tag_key_word(denied.text):
                continue
            if (
                denied.lower in GRANULARITY_WORDS
                or denied.lower in CHAT_WORDS
                or (denied.lower in english_words() and denied.lower not in KNOWN_WORDS)
            ):
                del joined[j : j + 2]  # `no daily needed`, `no rounding to k please`: what is not wanted
        # `by env instead of team`: what is not wanted
        for j in range(len(joined) - 2, -1, -1):
            if j < len(joined) - 2 and joined[j].lower == "instead" and joined[j + 1].lower == "of":
                # (`per week instead of per day`: a step's two words)
                led = j + 3 < len(joined) and joined[j + 2].lower in ("per", "by", "each", "every")
                del joined[j : j + 3 + led]
        return joined

    def _read_when_worded(self, joined: list[Token]) -> list[Token]:
        """Days as people word them around a date: `Oct 26 vs Oct 25` beside `YoY`, `starting nov 9`, `from 15th Nov
        onwards`, `went out monday`, `the 2024 migration` (an event, not the days), `May I ask` (the verb, no month)."""
        # `YoY for RDS - Oct 26 vs Oct 25`: beside a word of the year before, a month's two-digit number is its year
        if any(t.lower in YEAR_OVER_YEAR or t.lower == "year-over-year" for t in joined):
            for j in range(1, len(joined)):
                number = joined[j].lower
                if (
                    joined[j - 1].lower in MONTH_NAMES
                    and len(number) == 2
                    and number.isdecimal()
                    and 20 <= int(number) <= 40
                ):
                    self.typed[joined[j].position] = joined[j].text
                    joined[j] = Token(Kind.WORD, f"20{number}", joined[j].position)
        # `a step starting 2026-11-19`, `beginning nov 9`: since that day
        for j in range(len(joined) - 1):
            if joined[j].lower in ("starting", "beginning", "commencing") and self.time_at(joined, j + 1):
                joined[j] = Token(Kind.WORD, "since", joined[j].position)
                self.typed[joined[j].position] = joined[j].text
        # `the old tables from the 2024 migration`, `building the Q1 model`: a year or a quarter naming an event or a
        # document (a word the grammar does not read), not the days asked (`the 2025 bill`, `the Q3 figures` are the
        # period's)
        for j in range(1, len(joined) - 1):
            year, noun = joined[j], joined[j + 1].lower
            owned = joined[j - 1].lower in ("the", "our", "that", "this", "my")
            if not owned or not _NAMED_PERIOD.fullmatch(year.lower):
                continue
            unread = (
                noun.isalpha()
                and noun not in _PERIOD_FIGURES
                and not self.grammar_reads(noun)
                and match_holiday(joined, j + 1, self.today) is None
            )
            if unread:
                named = f"{joined[j - 1].text} {year.text} {joined[j + 1].text}"
                self.out.readings.append(f"Read `{named}` as naming an event, not the days asked.")
                del joined[j - 1 : j + 1]
                break
        # `from 15th Nov onwards`, `tue onwards`: since that day (`increased from` alone compares the two ends)
        for j, tok in enumerate(joined):
            if tok.lower in ("onwards", "onward"):
                start = next((k for k in range(j - 1, max(j - 5, -1), -1) if joined[k].lower == "from"), None)
                if start is not None:
                    joined[start] = Token(Kind.WORD, "since", joined[start].position)
                    del joined[j]
                elif j > 0 and joined[j - 1].lower in WEEKDAYS:
                    joined[j - 1 : j + 1] = [Token(Kind.WORD, "since", tok.position), joined[j - 1]]
                break
        # `what is it costing? went out monday`: since that day (what started then costs from then on)
        for j in range(len(joined) - 1):
            w = joined[j].lower
            started = w in _STARTED or (w in ("went", "rolled", "turned", "kicked") and next_is(joined, j, *_UP))
            k = j + (2 if w in ("went", "rolled", "turned", "kicked") else 1)
            k += 1 if k < len(joined) and joined[k].lower == "on" else 0
            if started and k < len(joined) and joined[k].lower in WEEKDAYS and "since" not in [t.lower for t in joined]:
                joined.insert(k, Token(Kind.WORD, "since", joined[k].position))
                break
        # `did prod spend drop after? 5-11 vs 13-19`: `after` (or `before`) closing a sentence points at days named
        # elsewhere (`vs the day before?`, `2wks after?` are periods)
        for j in range(len(joined) - 1, 0, -1):
            tok, previous = joined[j], joined[j - 1].lower
            end = tok.position + len(tok.text)
            period = previous.rstrip("s") in _PERIOD_UNITS or re.fullmatch(r"\d+[a-z]*", previous) is not None
            if tok.lower in ("after", "before") and self.text[end : end + 1] in ("?", ".", "!") and not period:
                del joined[j]
        # `May I ask the cost ...`, `it may be high`: the verb, no month (`in may it jumped`, `may 2025` are the month)
        joined = [
            t
            for j, t in enumerate(joined)
            if t.lower != "may"
            or (j > 0 and joined[j - 1].lower in _BEFORE_A_MONTH)
            or not (
                (j + 1 < len(joined) and joined[j + 1].lower in _SUBJECTS)
                or (j > 0 and joined[j - 1].lower in _SUBJECTS)
            )
        ]
        return joined

    def _read_around_the_question(self, joined: list[Token]) -> list[Token]:
        """Words around the question that ask for nothing: who asks (`the data team is asking`), a person by title, a
        commitment talked about, ticket references, `w/`, a tag question (`..., right?`), `reason for same`, what a
        forecast assumes."""
        # `forecast December spend assuming no new commitments`, `..., assuming nothing changes`: what the forecast
        # assumes (this month's pace), to the end of its sentence; no filter
        forecast = any(t.lower in FORECAST_WORDS for t in joined)
        at = next((j for j, t in enumerate(joined) if t.lower == "assuming"), None) if forecast else None
        if at is not None:
            found = SENTENCE_END.search(self.text, joined[at].position)
            end = found.start() if found is not None else len(self.text)
            assumed = [t for t in joined[at:] if t.position < end]
            said = self.text[joined[at].position : end].strip()
            # (`assuming the Glue backfill keeps running`: a value named is a guess at what drives it, shown apart)
            if not any(self.vocabulary.meanings(t.text) for t in assumed):
                self.out.readings.append(f"Read `{said}` as what the forecast assumes: it holds this month's pace.")
                del joined[at : at + len(assumed)]
        # `Happy Black Friday team 🎉`, `happy thanksgiving all!`: a wish, no day asked (nor whom it greets)
        for j in range(len(joined) - 1):
            holiday = match_holiday(joined, j + 1, self.today) if joined[j].lower == "happy" else None
            if holiday is not None:
                end = j + 1 + holiday[1]
                end += end < len(joined) and joined[end].lower in _WISHED
                self.out.readings.append(f"Read `{' '.join(t.text for t in joined[j:end])}` as a wish, no day asked.")
                del joined[j:end]
                break
        # `before board call`, `before the investors meeting`: when the answer is needed, no day asked
        for j in range(len(joined) - 1):
            if joined[j].lower != "before":
                continue
            ahead = [t.lower for t in joined[j + 1 : j + 5]]
            at = next((k for k, w in enumerate(ahead) if w in _DEADLINE_EVENTS), None)
            between = ahead[:at] if at is not None else []
            plain = all(w.isalpha() and w not in MONTH_NAMES and w not in WEEKDAYS for w in between)
            if at is not None and plain and not any(self.vocabulary.meanings(w) for w in between):
                end = j + 2 + at
                clock = end + 1 < len(joined) and _CLOCK_TIME.fullmatch(joined[end + 1].lower) is not None
                end += 2 if end < len(joined) and joined[end].lower == "at" and clock else 0  # `a client call at 3`
                weekday = end + 1 < len(joined) and joined[end + 1].lower.removesuffix("s") in WEEKDAYS
                end += 2 if end < len(joined) and joined[end].lower == "on" and weekday else 0  # `the QBR on Tuesday`
                said = " ".join(t.text for t in joined[j:end])
                self.out.readings.append(f"Read `{said}` as when the answer is needed, no day asked.")
                del joined[j:end]
                break
        # `the data team is asking me`, `finance wants it`: who asks, no filter
        for j in range(len(joined) - 2, 0, -1):
            asks = joined[j + 1].lower in _ASKS or (
                j + 2 < len(joined) and joined[j + 1].lower in _BEING and joined[j + 2].lower in _ASKS
            )
            if (
                joined[j].lower in ("team", "folks", "guys", "people")
                and asks
                and self.vocabulary.meanings(joined[j - 1].text)
            ):
                lead = j - 1 - (j > 1 and joined[j - 2].lower in ("the", "our", "my"))
                said = " ".join(t.text for t in joined[lead : j + 1])
                self.out.readings.append(f"Read `{said}` as who asks, no filter.")
                del joined[lead : j + 1]
                break
        # `Dr. Okafor's NSF grant`, `Prof. Lindqvist's group`: a person by their title, no word of the question
        for j in range(len(joined) - 2, -1, -1):
            if joined[j].lower in _TITLES and joined[j + 1].text[:1].isupper() and joined[j + 1].kind is Kind.WORD:
                self.out.readings.append(f"Read `{joined[j].text} {joined[j + 1].text}` as a person, not a filter.")
                del joined[j : j + 2]
        joined = self._commitment_planned(joined)
        # `ticket 48213`, `case #1234`, `#60117`, `INC-204`, `[PLAT-1873]`, `FINOPS-212:`: a reference, no figure
        joined = [
            t
            for j, t in enumerate(joined)
            if not (
                (
                    (j > 0 and joined[j - 1].lower in _REFERENCES and re.fullmatch(r"#?[\w-]*\d[\w-]*", t.lower))
                    or _TICKET_KEY.fullmatch(t.text)
                    or re.fullmatch(r"#\d{3,}", t.text)  # `Customer on #60117 writes:`: a ticket's number
                )
                and not self.vocabulary.meanings(t.text)
            )
        ]
        # `w/ black friday`: with; `or w/e`: whatever
        joined = [Token(Kind.WORD, "with", t.position) if t.lower == "w/" else t for t in joined if t.lower != "w/e"]
        # `the september seems much bigger no?`, `..., right?`: a tag question after a statement, nothing asked
        for j in range(len(joined) - 1, 0, -1):
            tok = joined[j]
            end = tok.position + len(tok.text)
            asked = self.text[end : end + 1] == "?" and joined[j - 1].lower not in ("or", "yes", "and")
            if tok.lower in ("no", "right", "eh", "innit", "non", "nein") and asked:
                del joined[j]
        # `what is the reason for same?` (Indian English): for the same, the thing just named
        if len(joined) > 1 and joined[-1].lower == "same" and joined[-2].lower == "for":
            del joined[-2:]
        return joined

    def _commitment_planned(self, joined: list[Token]) -> list[Token]:
        """`to size a Compute SP`, `for the reserved capacity conversation`: a commitment to buy or to talk about,
        no fee on the bill; left out, said (it had kept only the fees)."""
        for j in range(len(joined) - 1, -1, -1):
            for n in (2, 1):
                words = tuple(t.lower for t in joined[j : j + n])
                if len(words) < n or (words not in COMMITMENT_PHRASES and words != ("reserved", "capacity")):
                    continue
                first = j
                while first > 0 and joined[first - 1].lower in _PLANNED_KINDS:
                    first -= 1  # `a 3-year compute SP`
                one = (
                    first > 1
                    and joined[first - 1].lower in ("a", "an", "another")
                    and joined[first - 2].lower in _PLANNING
                )
                talked = j + n < len(joined) and joined[j + n].lower in _TALKS
                if not (one or talked):
                    continue
                start = first - 1 if one else first - (first > 0 and joined[first - 1].lower == "the")
                end = j + n + talked
                said = " ".join(t.text for t in joined[start:end])
                self.out.readings.append(f"Read `{said}` as a commitment planned or talked about, not its fees.")
                del joined[start:end]
                break
        return joined

    def _read_value_phrases(self, joined: list[Token]) -> list[Token]:
        """Values and what they are named with: `team:api`, `fees and tax included`, two-word service names, `spot vs on
        demand`, `no team tag`, `the website`, `all 3 accounts`, `by $` (fixed phrases such as `side by side` are
        `_PHRASES`)."""
        # `team:api` (a key and a value, as some tools write tags): `tag:team=api`
        for j in range(len(joined) - 1, -1, -1):
            if j > len(joined) - 1:
                continue  # a rewrite after this place shortened the list
            tok = joined[j]
            pair = re.fullmatch(r"([\w-]+):([\w.-]+)", tok.text) if tok.kind is Kind.WORD else None
            if pair is None or pair[1].casefold() in ("tag", "user", "aws") or self.vocabulary.meanings(tok.text):
                continue
            key = self.tag_key_word(pair[1])
            if key is not None:
                joined[j : j + 1] = [
                    Token(Kind.WORD, f"tag:{key}", tok.position),
                    Token(Kind.EQ, "=", tok.position),
                    Token(Kind.WORD, pair[2], tok.position),
                ]
        # `where aws:createdBy is empty`, `team tag missing`: untagged (`no team tag`)
        for j in range(len(joined) - 1):
            tagged = joined[j + 1].lower in ("tag", "tags")
            after = [t.lower for t in joined[j + 1 + tagged : j + 3 + tagged]]
            empty = (after[:1] and after[0] in _EMPTY) or (after[:1] == ["is"] and after[1:] and after[1] in _EMPTY)
            if empty and joined[j].lower not in ("tag", "tags") and self.tag_key_word(joined[j].text) is not None:
                end = j + 1 + tagged + (2 if after[0] == "is" else 1)
                joined[j:end] = [Token(Kind.WORD, w, joined[j].position) for w in ("no", joined[j].text, "tag")]
                break
        # `s3 storage vs requests vs transfer`: the parts of a service's bill side by side, its usage types (no Data
        # Transfer service for `transfer`, no S3 for `storage` beside it)
        for j in range(len(joined)):
            k = j
            parts: list[int] = []
            while k < len(joined) and (joined[k].lower in _BILL_PARTS or (parts and joined[k].lower in _PART_JOINERS)):
                parts += [k] if joined[k].lower in _BILL_PARTS else []
                k += 1
            if len(parts) < 2:
                continue
            k = parts[-1] + 1
            typed = {t.lower for t in joined}
            grouped = "usage-type" in typed or ("usage" in typed and bool(typed & {"type", "types"}))
            position = joined[j].position
            rest = [*joined[:j], *joined[k:]]
            served = any(m.dimension.kind is Dimension.SERVICE for t in rest for m in self.vocabulary.meanings(t.text))
            storage = [] if served or not self.vocabulary.meanings("s3") else ["s3"]  # (`storage and requests`: S3's)
            words = storage + ([] if grouped else ["by", "usage-type"])
            joined[j:k] = [Token(Kind.WORD, w, position) for w in words]
            break
        # `team tag = data`, `(team tag=data)`: the key named before the word `tag`, `tag:team=data`
        for j in range(len(joined) - 2):
            key = self.tag_key_word(joined[j].text) if joined[j + 1].lower in ("tag", "tags") else None
            if key is not None and joined[j + 2].kind is Kind.EQ:
                joined[j : j + 2] = [Token(Kind.WORD, f"tag:{key}", joined[j].position)]
                break
        # `does september's total include tax + credits + the RI/SP fees?`: asked whether they are in it, the split by
        # charge class shows each
        for j, tok in enumerate(joined):
            if tok.lower not in ("include", "includes", "including", "incl", "incl."):  # (`is that incl tax?`)
                continue
            asked = any(t.lower in ("does", "do", "did", "is", "are", "will") for t in joined[max(0, j - 6) : j])
            after = [t.lower for t in joined[j + 1 : j + 8]]
            asked = asked or any(after[m : m + 2] == ["or", "not"] for m in range(len(after)))  # `include tax or not?`
            if not asked:
                continue
            k = j + 1
            while k < len(joined) and (
                joined[k].lower in PERIOD_CHARGE_WORDS
                or joined[k].lower in CHARGE_LIST_WORDS
                or joined[k].kind is Kind.COMMA
            ):
                k += 1
            if any(joined[m].lower in PERIOD_CHARGE_WORDS for m in range(j + 1, k)):
                self.what_the_total_holds(joined, j, k, tok.position)
            break
        self._with_and_without(joined)
        self._single_at_the_top(joined)
        self._without_indifference(joined)
        self._where_a_holiday_is_kept(joined)
        self._subject_of_an_event(joined)
        self._usual_rate(joined)
        # `are credits netted out in yours?`, `is tax deducted?`: asked whether they are in the total, the split by
        # charge class shows each
        for j, tok in enumerate(joined):
            if tok.lower not in _NETTED:
                continue
            k = j
            while k > 0 and (joined[k - 1].lower in PERIOD_CHARGE_WORDS or joined[k - 1].lower in CHARGE_LIST_WORDS):
                k -= 1
            asked = k > 0 and joined[k - 1].lower in ("is", "are", "was", "were", "have", "has")
            if k < j and asked:
                end = j + 1 + (j + 1 < len(joined) and joined[j + 1].lower in ("out", "off", "in"))
                self.what_the_total_holds(joined, k - 1, end, tok.position)
                break
        # `fees and tax included`: `including fees and tax`, the whole total
        for j, tok in enumerate(joined):
            if tok.lower not in ("included", "inclusive", "incl", "incl."):
                continue
            k = j
            while k > 0 and (joined[k - 1].lower in PERIOD_CHARGE_WORDS or joined[k - 1].lower in ("and", "&", "+")):
                k -= 1
            if k < j and joined[k].lower in PERIOD_CHARGE_WORDS:
                joined[k : j + 1] = [Token(Kind.WORD, "including", tok.position), *joined[k:j]]
            break
        # `api gateway`, `step functions`: a service's name in two words (an AWS service the bill may not hold)
        for j in range(len(joined) - 2, -1, -1):
            if j > len(joined) - 2:
                continue  # a rewrite after this place shortened the list
            two_words = f"{joined[j].lower}-{joined[j + 1].lower}"
            if two_words in SERVICE_ALIASES and not self.vocabulary.meanings(joined[j].text + " " + joined[j + 1].text):
                self.typed[joined[j].position] = f"{joined[j].text} {joined[j + 1].text}"
                joined[j : j + 2] = [Token(Kind.WORD, two_words, joined[j].position)]
        # `spot vs on demand`: one word, read beside `spot` (`grammar._Parser.on_demand`)
        for j in range(len(joined) - 2, -1, -1):
            if j > len(joined) - 2:
                continue  # a rewrite after this place shortened the list
            if (
                joined[j].lower == "on"
                and joined[j + 1].lower == "demand"
                and _ON_DEMAND_BESIDE & {t.lower for t in joined}
            ):
                joined[j : j + 2] = [Token(Kind.WORD, "on-demand", joined[j].position)]
        # `largest resources with no team tag`: untagged by the team tag
        for j in range(len(joined) - 2, 0, -1):
            if (
                joined[j - 1].lower == "no"
                and joined[j + 1].lower in ("tag", "tags")
                and self.tag_key_word(joined[j].text)
            ):
                start_at = j - 2 if j > 1 and joined[j - 2].lower in ("with", "without", "has", "have") else j - 1
                joined[start_at : j + 2] = [Token(Kind.WORD, "untagged", joined[j - 1].position), joined[j]]
        # `the website`, `the checkout app`: a stored value and what it is (`web` + `site`), said
        for j, tok in enumerate(joined):
            stem = re.fullmatch(r"([a-z]+?)(site|sites|app|apps)", tok.lower) if tok.kind is Kind.WORD else None
            if stem is None or self.vocabulary.meanings(tok.text) or len(self.vocabulary.meanings(stem[1])) != 1:
                continue
            joined[j] = Token(Kind.WORD, stem[1], tok.position)
            meaning = self.vocabulary.meanings(stem[1])[0]
            self.out.readings.append(f"Read `{tok.text}` as `{meaning.spelled}`.")
        # `both envs`, `both accounts`: each of them, no filter and no split
        for j in range(len(joined) - 2, -1, -1):
            if j > len(joined) - 2:
                continue  # a rewrite after this place shortened the list
            named = joined[j + 1].lower
            if joined[j].lower == "both" and self.vocabulary.meanings(joined[j + 1].text):
                del joined[j]  # `both staging and prod`: the values listed
                continue
            if joined[j].lower != "both" or not named.endswith("s"):
                continue
            if fold(named) in DIMENSION_WORDS or self.tag_key_word(named) is not None:
                del joined[j : j + 2]
        # `all 3 accounts`: how many there are, not a ranking
        for j in range(len(joined) - 3, -1, -1):
            if j > len(joined) - 3:
                continue  # a rewrite after this place shortened the list
            count = joined[j + 1].lower
            counted = count.isdecimal() or count in NUMBER_WORDS
            k = j + 3 if joined[j + 2].lower in ("linked", "our", "the", "member") and j + 3 < len(joined) else j + 2
            named = ABBREVIATIONS.get(joined[k].lower, joined[k].lower)  # `all 3 accts`, `all 3 linked accounts`
            if joined[j].lower == "all" and counted and fold(named) in DIMENSION_WORDS:
                del joined[j + 1]
            elif joined[j].lower in ("the", "our") and counted and self._every_one(count, named):
                del joined[j + 1]  # `split across the 3 accounts`: as many as there are, each
        # `resource_id by sum(cost)`: SQL's words for the cost (`sum(cost)` comes as `sum cost`) and the resources
        for j in range(len(joined) - 1, -1, -1):
            if j > len(joined) - 1:
                continue  # a rewrite after this place shortened the list
            tok = joined[j]
            summed = joined[j + 1].lower if j + 1 < len(joined) else ""
            if tok.lower == "sum" and summed in ("cost", "unblended_cost", "amortized_cost", "net_cost"):
                del joined[j]
            elif tok.lower in ("resource_id", "resource_ids", "line_item_resource_id"):
                joined[j] = Token(Kind.WORD, "resources", tok.position)
        # `top 10 tables by $`: by cost, the order every answer has
        for j, tok in enumerate(joined):
            if j > 0 and joined[j - 1].lower == "by" and tok.lower in ("$", "€", "£", "usd", "dollars", "money"):
                joined[j] = Token(Kind.WORD, "cost", tok.position)
        return joined

    def read_guesses(self) -> None:
        """A guess at the cause after the question, read past (`grammar_guesses.read_past_guess`), said; then values
        listed as candidates in the question itself (`is it mostly ec2 or cloudfront or something else`,
        `grammar_guesses.values_or_else`)."""
        self.tokens, reading = read_past_guess(
            self.tokens, self.text, self.vocabulary, self.grammar_reads, self.time_at
        )
        if reading is not None:
            self.out.readings.append(reading)
        self.tokens, self.out.candidates = values_or_else(self.tokens, self.vocabulary)

    def correct_unit_typos(self) -> None:
        """`this wek`, `last mnoth`, `per dya`: after a word that leads a period, a typo of a time unit is the unit
        (`wek` is as near `web` and `eks`, but no value follows `this`), said."""
        for j in range(1, len(self.tokens)):
            tok = self.tokens[j]
            if self.tokens[j - 1].lower not in _UNIT_LEADS or tok.kind is not Kind.WORD or tok.lower in KNOWN_WORDS:
                continue
            if self.vocabulary.meanings(tok.text) or len(tok.lower) < 3:
                continue
            found = typo_candidates(tok.lower, _TIME_UNITS, None)
            if len(found) == 1:
                self.tokens[j] = Token(Kind.WORD, found[0], tok.position)
                self.typed[tok.position] = tok.text
                self.out.readings.append(f"Read `{tok.text}` as `{found[0]}`.")

    def correct_typos(self) -> None:
        """Replace misspelt grammar words by the one they are a typo of (`grammar_typos.correct_typos`): words
        the grammar reads, tag keys and stored values (alone, as a word of a stored name, or within a stored
        phrase) are never corrected."""

        def is_known(tokens: Sequence[Token], j: int, w: str) -> bool:
            if w in KNOWN_WORDS or fold(w) in DIMENSION_WORDS or self.vocabulary.meanings(w):
                return True
            if w in CATEGORY_WORDS or w in REGION_AREAS:  # `compute` is no typo of `compare`
                return True
            return (
                self.tag_key_word(tokens[j].text) is not None
                or in_stored_phrase(tokens, j, self.vocabulary)
                or bool(self.vocabulary.word_meanings(w))
                or bool(service_prefix(w, self.vocabulary))
            )

        done = correct_typos(
            self.tokens,
            frozenset(TYPO_TARGETS),
            is_value=lambda w: bool(self.vocabulary.meanings(w)),
            is_known=is_known,
            value_near=self.vocabulary.value_near,
        )
        self.tokens, self.typed = done.tokens, {**self.typed, **done.typed}
        self.out.readings.extend(done.readings)
