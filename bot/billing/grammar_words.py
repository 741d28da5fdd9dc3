"""The plain words of the query grammar: fillers, and the comparison, forecast and "why" markers.

People type questions, not queries: `how much did we spend on ec2 last month?`. Words that carry no meaning for
the answer are fillers; a few words change what is asked (`vs`, `forecast`, `why`). Misspelt words are left to
`grammar_typos`.
"""

from __future__ import annotations

import re

#: Words that carry no meaning for the answer.
FILLERS = frozenset(
    {
        *("for", "in", "of", "the", "during", "over", "and", "cost", "costs", "spend", "show", "me"),
        *("a", "an", "on", "at", "to", "with", "so", "far", "please", "pls", "can", "could", "you", "give", "get"),
        *("from",),
        *("tell", "see", "list", "all", "what", "whats", "what's", "how", "hows", "how's", "much", "many", "did"),
        *("do", "does"),
        *("we", "our", "ours", "us", "i", "my", "is", "are", "was", "were", "be", "been", "it", "its", "it's"),
        *("spent", "spending", "spends", "costing", "bill", "billing", "bills", "aws", "total", "totals"),
        *("money", "expense", "expenses", "charges", "charged", "amount", "pay", "paid", "paying", "usage"),
        *("sum", "summed", "tally", "trending", "burn", "burning", "burned", "burnt"),
        *("breakdown", "broken", "split", "overall", "across", "whole", "entire", "just", "there", "that"),
        *("which", "where", "who", "has", "have", "had", "biggest", "largest", "highest", "most", "up", "down"),
        *("go", "goes", "went", "gone", "going", "higher", "high", "expensive", "lower", "low", "cheaper"),
        *("bigger", "smaller", "larger"),  # `is the bill bigger than last month`
        *("change", "changed", "changes", "big", "more", "less"),
        *("now", "currently", "hey", "hi", "bot", "trackit", "number", "numbers"),
        *("will", "we're", "looking", "like", "look", "looks", "damage", "trend", "trends", "about"),
        *("everything", "anything", "cloud", "been", "tell", "let", "let's", "lets", "view", "report", "time"),
        *("+", "&", "-", "–", "—", "/", "|", "$", "€", "£", "usd", "<->", "->", "<-", "→", "↔", "=>"),
        # verbs that only lead to `by` (`separated by service`, `grouped by account`)
        *("separated", "grouped", "sorted", "divided", "segmented", "organised", "organized", "ordered"),
    }
)
#: Chatty words around a question (`hey, glue jobs getting expensive, why?`, `any spikes`, `too high`). They are
#: read after stored values, dimension names and time words, so a value spelled like one (a team called `ops`)
#: is never swallowed, and never corrected as a typo.
CHAT_WORDS = frozenset(
    {
        *("any", "anyone", "some", "something", "stuff", "things", "thing", "too", "very", "really", "quite"),
        *("someone", "somebody", "anybody"),  # `can someone confirm`: a request to whoever reads
        *("pretty", "super", "kinda", "bit", "lot", "lots", "getting", "got", "gets", "seem", "seems", "seemed"),
        *("lately", "recently", "recent", "ok", "okay", "thanks", "thx", "ty", "yo", "folks", "guys", "quick"),
        *("question", "wondering", "wonder", "know", "need", "want", "wanted", "check", "checking", "curious"),
        *("help", "plz", "happen", "these", "those", "them", "they", "again", "still", "hmm", "why's"),
        *("jobs", "job", "running", "run", "insane", "crazy", "huge", "massive", "way", "out", "off", "if", "or"),
        "nor",  # `neither ec2 nor s3`: the list `neither` leaves out
        *("yet", "should", "would", "must", "might", "then", "else", "ever", "exactly", "roughly", "approx"),
        *("obv", "obvs", "obviously"),
        *("approximately", "around", "rate", "asap", "fyi", "urgent", "urgently"),
        # politeness and the verbs of asking (`sorry, would you be able to tell me`, `I was asked to look into`)
        *("sorry", "apologies", "apologise", "apologize", "hello", "um", "uh", "erm", "silly", "dumb", "but"),
        *("able", "possible", "way", "asked", "ask", "asking", "into", "trying", "try", "figure", "new", "here"),
        *("think", "called", "call", "don't", "doesn't", "didn't", "isn't", "i'm", "i've", "we've", "you're"),
        *("i'll", "we'll", "you'll", "they'll", "i'd", "we'd", "you'd", "they'd", "you've", "they've"),
        # Nigerian Pidgin's small words (`abeg how much we don spend`, `the lambdas wey dey cost`, `good morning o`,
        # `na wa o`: `o` marks the tone)
        *("abeg", "sef", "don", "dey", "wey", "wan", "oga", "o", "wahala"),
        # who wrote what is quoted (`Customer on #60117 writes: "..."`), a hedge left alone (`last quarter ish`)
        *("writes", "wrote", "ish", "explicitly", "clearly"),  # `show the untagged bucket explicitly`
        # `shared costs: KMS + data transfer`, `need owners to chase`, `for serving our EU customers`
        *("shared", "chase", "chasing", "serve", "serving", "served"),
        *("bro", "bruh", "ya"),  # `bro berapa total aws bulan ini ya?`
        *("they're", "there's", "one", "ones", "used", "use", "like", "come", "coming", "part", "parts", "right"),
        *("using", "uses"),  # `using aws:createdBy - who created the most`, `what are ppl using`
        # a ticket's verbs (`Investigate increase in EC2 costs`, `Identify top 5 cost resources`, `Confirm no spend`)
        *("investigate", "identify", "confirm", "verify", "determine"),
        # chat's laughs and noises (`lmao`, `go brrr`)
        *("lmao", "lmfao", "rofl", "haha", "hahaha", "hehe", "brrr", "smh", "oof", "yikes", "ugh"),
        *("bad", "good"),  # `is it bad`: how it fared, which every answer's comparison shows
        "granularity",  # `monthly granularity` (Cost Explorer's word for the time step): the step named beside it
        *("she", "he", "her", "him", "his", "she's", "he's"),  # `she wants to know`, `he's asking`: who asks
        *("bring", "brings", "brought", "bringing"),  # `did the rewrite bring costs down`: a move asked
        *("on-call", "oncall", "paged"),  # `first on-call, got paged for a cost alert` (a tool's bill is named)
        # `what about by env instead`, `my PR that turned off the nat gateways ... merged on the 18th`, `our tech
        # spend`, `the Europe side of the site`
        *("instead", "pr", "prs", "merged", "tech", "site", "side"),
        *("received", "receive", "line", "lines", "item", "items", "find", "finding", "this", "current"),
        *("under", "below", "above", "beat", "exceed", "exceeding", "within"),
        *("charge", "fee", "fees", "variance", "variances", "difference", "delta", "priciest", "costliest"),
        *("pricey", "pricier", "costly", "share", "break", "breaks"),
        # verbs of how a cost fared over a period (`how did spend evolve this year`): the answer states the change
        *("evolve", "evolved", "evolving", "develop", "developed", "developing", "trended", "progress"),
        *("progressed", "tracking", "tracked", "shaping", "fare", "fared", "faring", "doing", "moving", "moved"),
        # chat shorthand and exclamations
        *("u", "ur", "pl", "tia", "btw", "imo", "afaik", "np", "lmk", "only", "rn", "atm", "wtf", "omg", "lol"),
        *("afaict", "iirc", "imho", "tbf", "+1", "following", "thread", "regards", "hello", "cc", "fwd"),
        *("idk", "tbh", "fwiw", "nvm", "ngl", "tysm", "cheers", "kindly", "appreciate", "appreciated", "ballpark"),
        *("costed", "rough", "cheapest", "least", "damn", "dang", "yikes", "whoa", "r", "fine", "headline", "figure"),
        *("says", "said", "say", "saying", "spenders", "hit", "hitting", "stay", "stayed", "blow", "blown"),
        # politeness, relaying and the paperwork a question is for (`if it isn't a hassle`, `my boss wants to know`,
        # `for the board deck`, `for the journal`): context, never what is asked
        *("bother", "hassle", "moment", "perhaps", "maybe", "overview", "mind", "grateful", "wants", "asks"),
        *("boss", "manager", "cto", "cfo", "ceo", "vp", "board", "deck", "slides", "slide", "meeting", "presentation"),
        *("behalf", "director", "directors", "leadership", "exec", "execs", "executive", "executives", "requested"),
        *("journal", "ledger", "gl", "books", "booked", "booking", "accrual", "accruals", "accrue", "reconcile"),
        *("true-up", "trueup", "true-ups"),  # `for the accrual true-up`: the adjustment the figure is for
        *("reconciliation", "bleeding", "leaking", "wasting", "runway", "needs", "needed", "advance", "trouble"),
        *("other", "others", "rest", "%", "aren't", "wasn't", "weren't", "haven't", "hasn't", "won't", "can't"),
        *("shouldn't", "wouldn't", "couldn't", "payer", "member", "members", "consolidated", "audit", "purposes"),
        # adjectives that pick no value out (`which five individual resources`, `specific accounts`)
        *("individual", "specific", "particular", "various", "different", "separate", "single", "certain"),
        *("separately", "seperately", "itemized", "itemised", "broken", "shown"),  # `with tax shown separately`
        *("combined", "together", "altogether", "summed", "lumped", "pooled"),  # `ec2 + eks combined` (COMBINED)
        *(
            "desc",
            "descending",
            "sorted",
            "keeps",
            "kept",
            "obviously",
            "final",
            "sizing",
            "never",
            "range",
            "making",
            "applied",
        ),
        *("as", "turn", "turned", "forgot", "forgotten", "shut"),  # `staging as % of total`, `forgot to turn off`
        *("qbr", "qbrs", "mbr", "okr", "okrs", "ran", "loadtest", "loadtests", "paged", "postmortem"),
        # the verbs and formulas of a request (`kindly provide`, `Dear team`, `PFB` "please find below")
        *("provide", "pull", "fetch", "prepare", "generate", "dear", "pfb", "pfa", "needful"),
        *("update", "updating", "tracker", "sheet", "spreadsheet", "excel"),  # `need to update in tracker`
        # what was spent rather than forecast (`Oct actual + Nov projected`, `actual usage`), and where egress goes
        *("actual", "actuals", "internet"),
        # how a person wants the answer marked (`flag anything that moved`): every answer shows the changes
        *("flag", "flagged", "highlight", "highlighted", "highlighting", "mark", "marked"),
        *("understand", "eyeball", "noticeable", "noticable", "significant", "nobody", "nobody's"),
        *("infra", "infrastructure", "linked", "ids", "id", "cluster", "clusters", "cluster's", "$$", "$$$"),
        *("page", "pages", "campaign", "campaigns", "email", "emails", "e-mail", "mail", "newsletter"),
        *("outage", "outages", "incident", "incidents", "downtime", "ticket", "tickets", "prospect", "back"),
        *("threshold", "thresholds", "exceeded", "exceeds"),
        *("k", "rounding", "rounded", "cents", "decimals", "b4", "y/n", "i.e", "i.e.", "e.g", "e.g.", "nb"),
        *("names", "name", "your", "yours", "prepaid", "sitting", "spread", "their", "theirs", "technical"),
        *("flattening", "flatten", "flattened", "leveling", "levelling", "settling", "stabilising", "stabilizing"),
        *("purpose", "intentionally", "deliberately", "synthetic"),
        # what a person read a number in, and the question they relay (`the CUR dashboard shows`, `re maria's q`)
        *("shows", "showed", "dashboard", "dashboards", "panel", "chart", "graph", "console", "1:1"),
        # greetings, thanks and contractions of other Englishes (`g'day mate`, `Hej!`, `Tack`, `gonna`, `whos`)
        *("g'day", "gday", "mate", "hej", "tack", "mvh", "gonna", "wanna", "gotta", "whos", "who's"),
        # `while everyone was eating`, `things we own`, `what would we save`, `rough %s`, `IAM roles`
        *("while", "own", "save", "saving", "%s", "iam"),
        # `because of black friday`, `not the categories`, `wait, does that include`, `redo it without`
        *("because", "categories", "category", "wait", "redo", "amazon", "extra", "additional"),
        *("paste", "pasting", "copy", "i'd", "assume", "assuming", "presume", "certo"),  # `going to paste into sheets`
        *("doubled", "double", "tripled", "triple", "halved", "myth", "really"),  # `did it double?`
        *("first", "firstly"),  # `which should I look at first`: the first of the month is `the first`
        # `the board pack`, `charge back to the P&Ls`, `thank you`
        *("pack", "everyone", "everybody", "p&l", "p&ls", "pnl", "pnls", "thank"),
    }
)
#: Short forms people type for grammar words (`last wk`, `prev qtr`, `avg`): read as the word itself, unless
#: the store holds a value spelled so.
ABBREVIATIONS: dict[str, str] = {
    "wk": "week",
    "wks": "weeks",
    "mo": "month",
    "mos": "months",
    "mth": "month",
    "mths": "months",
    "mnth": "month",
    "yr": "year",
    "yrs": "years",
    "qtr": "quarter",
    "qtrs": "quarters",
    "yday": "yesterday",
    # txt-speak (`lambda 2day`)
    "2day": "today",
    "2moro": "tomorrow",
    "2morrow": "tomorrow",
    "wer": "were",
    "nite": "night",
    "tonite": "tonight",
    "yest": "yesterday",
    "ytday": "yesterday",
    "n": "and",  # `lambda n sqs`
    "avg": "average",
    "prev": "previous",
    "svcs": "services",
    "accts": "accounts",
    "accnt": "account",
    "accnts": "accounts",
    "xfer": "transfer",
    "xfers": "transfers",
    "tot": "total",
    "ttl": "total",
    "taxes": "tax",
    "vat": "tax",
    "gst": "tax",
}
#: Words asking for the average cost per day (`daily average`, `avg spend`, `mean cost`).
AVERAGE_WORDS = frozenset({"average", "averages", "averaged", "mean"})
#: Words that make `how much per day` ask for one typical amount (`per day roughly`, `normally`) rather than the
#: day-by-day list, and the words of an amount of difference (`how much more per day`).
ROUGH_AMOUNT_WORDS = frozenset(
    {"roughly", "approx", "approximately", "ballpark", "normally", "usually", "typically", "generally"}
)
DIFFERENCE_AMOUNT_WORDS = frozenset({"more", "less", "extra", "fewer"})
#: Words asking for unusual days of the range: the anomaly answer (`any spikes`, `anything unusual`). "Why"
#: outranks them (`what caused the spike` asks why).
ANOMALY_WORDS = frozenset(
    {
        *("anomaly", "anomalies", "anomalous", "unusual", "abnormal", "outlier", "outliers", "irregular"),
        *("spike", "spikes", "spiked", "spiking", "spikey", "spiky", "odd", "weird", "strange", "unexpected"),
        *("surprise", "surprises", "surprising", "suspicious", "blip", "blips", "glitch", "standout", "standouts"),
        *("dodgy", "fishy", "iffy", "funky"),
    }
)
#: Words of a cost that went up or down. With a ranking word (`biggest increase`, `which service grew the
#: most`, `what went up`), or as plural nouns (`increases`, `decreases`), they ask for the groups ranked by
#: their change; alone (`is the bill going up`) the usual answer, which states the change, is meant.
INCREASE_WORDS = frozenset(
    {
        *("increase", "increased", "increasing", "grew", "grow", "grown", "growth", "growing", "rise", "rose"),
        *("risen", "rising", "jump", "jumped", "jumps", "climb", "climbed", "climbing", "gainers", "gainer"),
        *("increases", "risers"),
    }
)
DECREASE_WORDS = frozenset(
    {
        *("decrease", "decreased", "decreasing", "drop", "dropped", "drops", "fell", "fall", "falling", "shrank"),
        *("shrunk", "shrink", "declined", "decline", "declines", "reduced", "reduction", "reductions"),
        *("decreases", "fallers", "savings", "saving", "saved", "cheaper"),
    }
)
#: Plural nouns that ask for the ranking on their own.
CHANGE_RANKINGS = frozenset({"increases", "decreases", "risers", "fallers", "gainers", "reductions", "declines"})
#: `went up`, `go down`: a verb of motion and its direction.
MOTION_WORDS = frozenset({"go", "goes", "went", "gone", "going"})
#: Words that make a change word ask for a ranking.
RANKING_WORDS = frozenset(
    {"biggest", "largest", "most", "top", "which", "what", "greatest", "fastest", "highest", "where", "who", "whats"}
)
#: Commitment words (`reserved instances`, `RI`, `savings plans`): their fees are the recurring and one-time
#: charge classes (`bot.billing.charges`: RIFee, SavingsPlanRecurringFee, Fee, SavingsPlanUpfrontFee).
COMMITMENT_PHRASES: frozenset[tuple[str, ...]] = frozenset(
    {
        *(("reserved", w) for w in ("instance", "instances", "instance's", "capacity", "nodes", "db")),
        *((w,) for w in ("ri", "ris", "ri's", "reservation", "reservations", "reserved", "commitment")),
        *((w,) for w in ("commitments", "ri/sp", "ri/sps", "sps", "sp", "ri+sp", "ri&sp")),
        *((w,) for w in ("sp/ri", "sp/ris", "sps/ris", "sp+ri", "sp&ri", "sp+ris", "ris/sps")),
        *(("savings", w) for w in ("plan", "plans", "plan's")),
        *(("saving", w) for w in ("plan", "plans")),
    }
)
#: Words that compare with what follows (`nov vs oct`, `ec2 versus s3`, `compared to the week before`).
#: Single words of Savings Plans and of reservations (`SP`, `RIs`, `sp/ri`), and of commitments of either kind:
#: beside them `on demand` is a kind of usage, and both named on one day are split by usage type.
SAVINGS_PLAN_WORDS = frozenset({"sp", "sps", "savings", "sp/ri", "ri/sp"})
RESERVATION_WORDS = frozenset({"ri", "ris", "reserved", "reservation", "reservations", "sp/ri", "ri/sp"})
COMMITMENT_WORDS = SAVINGS_PLAN_WORDS | RESERVATION_WORDS | {"commitments"}
VERSUS_WORDS = frozenset({"vs", "vs.", "versus", "v", "against", "compared", "relative", "than"})
#: Words that announce a comparison of two things named later (`compare this month with last month`).
COMPARE_WORDS = frozenset({"compare", "comparing", "comparison", "ratio"})  # `the ratio of us-east-1 to ...`
#: Words that weigh values against each other: with `or` between values (`is ec2 or rds more expensive`), the
#: values side by side.
COMPARATIVES = frozenset({"more", "less", "cheaper", "pricier", "costlier", "bigger", "higher", "lower", "which"})
#: After a compare word, these join the two things compared.
JOINERS = frozenset({"to", "with", "and"})
#: The period an "X over X" word names when the question names none (`rds wow`: this week against the last).
OVER_PREVIOUS_PERIOD = {
    "wow": "this week",
    "w/w": "this week",
    "wk/wk": "this week",
    "mom": "this month",
    "m/m": "this month",
    "mo/mo": "this month",
    "mom%": "this month",
    "qoq": "this quarter",
    "q/q": "this quarter",
    "dod": "yesterday",
    "d/d": "yesterday",
}
#: "X over X" comparisons with the previous period (what every answer does anyway).
OVER_PREVIOUS = frozenset(OVER_PREVIOUS_PERIOD) | {
    "improved",
    "improve",
    "improving",
    "improvement",
    "worsened",
    "worsening",
    "regressed",
}
YEAR_OVER_YEAR = frozenset({"yoy", "y/y"})
#: Words asking for the month-end forecast.
FORECAST_WORDS = frozenset(
    {
        *("forecast", "forecasts", "forecasted", "forecasting", "projected", "projection", "projections"),
        *("predict", "predicted", "prediction", "expected", "expect", "estimate", "estimated", "eom", "fcst", "fcast"),
        *("month-end", "run-rate", "runrate", "pace", "trajectory", "outlook", "landing", "land", "burn-rate"),
        *("burnrate", "tracking"),
    }
)
#: Words asking why the cost changed.
WHY_WORDS = frozenset(
    {"why", "explain", "cause", "caused", "causes", "causing", "drove", "drive", "drives", "driving", "driver"}
    | {"drivers", "behind", "reason", "reasons", "root", "happened", "happening", "why'd", "whyd"}
)

#: Words that ask how a cost changed between two periods: with a span (`the change from september to october`)
#: they compare its two ends instead of summing it.
CHANGE_WORDS = frozenset({"change", "changes", "changed", "variance", "variances", "difference", "delta"})
#: Words for what AWS bills under another service's usage types (EBS volumes and snapshots, NAT gateways and
#: Elastic IPs are EC2 usage types: `USE1-EBS:VolumeUsage.gp3`, `USE1-NatGateway-Hours`): the part of the
#: usage type's name each names.
USAGE_FAMILIES: dict[str, str] = {
    "nat": "natgateway",
    "ebs": "ebs:",
    "natgateway": "natgateway",
    "natgateways": "natgateway",
    "snapshot": "snapshot",
    "snapshots": "snapshot",
    "eip": "elasticip",
    "eips": "elasticip",
    "iops": "iops",
    "volume": "volumeusage",
    "volumes": "volumeusage",
    "spot": "spotusage",
}
#: Words before `untagged` that ask to show it beside the tagged values, not to keep it alone.
INCLUDING = frozenset({"include", "including", "incl", "inc", "plus", "with", "showing", "show"})
#: Words asking for a part of the whole (`what % of our spend is lambda`): the breakdown shows it among the rest.
SHARE_WORDS = frozenset({"%", "percent", "percentage", "share", "proportion", "fraction", "portion"})
#: Period charges after `with` (`total with tax`): part of the total, like after `including`.
PERIOD_CHARGE_WORDS = frozenset({"tax", "taxes", "credit", "credits", "fee", "fees", "refund", "refunds"})
#: Words asking for what is included to be shown on its own line (`with tax shown separately`).
SEPARATELY = frozenset(
    {"separately", "separate", "separated", "itemized", "itemised", "broken", "apart", "seperately", "seperate"}
    | {"individually", "individual"}
)
#: Words asking for several values as one sum (`ec2 + eks combined`, `s3 and glue together`): no line each.
COMBINED = frozenset({"combined", "together", "altogether", "summed", "lumped", "pooled"})
#: Words after which values are part of the total asked rather than its filter (`october including tax`).
INCLUDED_WORDS = frozenset({"include", "includes", "including", "incl", "incl.", "inc", "inclusive"})
#: Commitment coverage or utilisation (`SP coverage on EC2`): the usage beside the fees, so the commitment words filter
#: nothing (`grammar_clauses`); said as the bill not holding it (`grammar_unplaced.COVERAGE`).
COVERAGE_WORDS = ("coverage", "covered", "utilization", "utilisation")
#: Words that exclude the values named after them: `everything except ec2`, `excluding tax`.
EXCLUDING = frozenset(
    {"except", "excluding", "exclude", "excl", "without", "w/o", "minus", "ignoring", "not", "ex", "ex-"}
    | {"skip", "skipping", "omit", "omitting", "ignore", "neither"}  # `skip anything tagged env=dev`, `neither X nor Y`
)
#: Where a sentence ends: `?`, `!`, `;`, a full stop before a space (`1.9M` goes on), a dash between spaces.
SENTENCE_END = re.compile(r"[?!;]|\.(?:\s|$)|\s[—–-]+\s")
#: A time of day (`3pm`, `15:30`, `9am`, `2-4pm`): the costs of that hour are in the day's hourly series
#: (`grammar_unknown`), also after `since` (`grammar_time_phrases`).
CLOCK = re.compile(
    r"^(?:(?:[1-9]|1[0-2])(?::[0-5]\d)?(?:am|pm)|(?:[01]?\d|2[0-3]):[0-5]\d"
    r"|(?:[1-9]|1[0-2])(?::[0-5]\d)?(?:am|pm)?[-–](?:[1-9]|1[0-2])(?::[0-5]\d)?(?:am|pm)"  # `2-4pm`
    r"|(?:[01]?\d|2[0-3]):[0-5]\d[-–](?:[01]?\d|2[0-4]):[0-5]\d)$"  # `14:00-16:00`
)
#: An amount of money (`50k`, `$1.2m`, `$40000`, `180k$`): a figure the person holds the cost against, never a date.
#: (a rate after a slash, `40k/month`, is the same figure per period)
AMOUNT = re.compile(
    r"^(?:[$€£](?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:k|m|mm)?|\d+(?:\.\d+)?(?:k|m|mm)[$€£]?"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d\d)?|\d+\.\d\d)"  # `4,812.33`, `8940.00`: cents or thousands say money
    r"(?:/(?:mo|month|mth|yr|year|day|wk|week|quarter|qtr))?$"
)
#: Nouns for resources, with the service they mean when the question names none (`which servers are the
#: priciest`: EC2 instances; `biggest buckets`: S3). Said in the answer's readings; refused when the bill has no
#: such service.
RESOURCE_NOUNS: dict[str, str] = {
    **dict.fromkeys(("instance", "instances", "server", "servers", "vm", "vms", "machine", "machines"), "ec2"),
    **dict.fromkeys(("box", "boxes", "host", "hosts", "node", "nodes"), "ec2"),
    **dict.fromkeys(("bkt", "bkts"), "s3"),
    **dict.fromkeys(("bucket", "buckets"), "s3"),
    **dict.fromkeys(("table", "tables"), "dynamodb"),
    **dict.fromkeys(("function", "functions", "lambdas", "fn", "fns", "func", "funcs"), "lambda"),
    **dict.fromkeys(("distribution", "distributions", "distro", "distros"), "cloudfront"),
    **dict.fromkeys(("crawler", "crawlers"), "glue"),
    **dict.fromkeys(("pod", "pods"), "ec2"),  # pods run on the cluster's EC2 nodes
}
#: Words a ranking count stands before (`the 5 most expensive`, `10 biggest`): read as `top N`.
COUNT_RANKINGS = frozenset(
    {"most", "biggest", "largest", "priciest", "costliest", "highest", "top", "expensive", "heaviest"}
)
#: The accounting close and team rituals (`for the monthly close`, `month-end close`, `weekly review`, `daily
#: standup`): not a time step, not a forecast.
CLOSE_PERIODS = frozenset(
    {"monthly", "quarterly", "yearly", "annual", "month-end", "quarter-end", "year-end", "month", "quarter", "year"}
    | {"weekly", "daily", "week", "day"}
)
#: Span words an event is named by (`launch week`, `migration weekend`, `sale day`): its days must be said.
EVENT_SPANS = frozenset({"week", "weekend", "day", "month", "sprint"})
#: Words before a span of time saying it is still ahead (`next month`, `the coming quarter`), and those spans.
AHEAD_WORDS = frozenset({"next", "coming", "upcoming", "nxt"})
AHEAD_SPANS = frozenset({"week", "weekend", "month", "sprint", "year", "yr", "quarter", "qtr", "fy"})
#: What a close period names in `for the monthly close`, `for the quarterly review`: paperwork, not a time step.
CLOSE_EVENTS = frozenset(
    {"close", "closing", "review", "reviews", "report", "reporting", "meeting", "sync", "planning"}
    | {"standup", "stand-up", "retro", "check-in", "call", "pack", "packs", "commentary", "reconciliation", "recon"}
)
#: Words a follow-up may open with before what marks it (`ok so same for october`, `thanks, and for staging?`):
#: `bot.billing.followup` tells a follow-up by them, `grammar_wrapping` reads them past.
FOLLOW_UP_LEADS = frozenset({"ok", "okay", "so", "and", "&", "also", "plus", "now", "then", "cool", "great", "thanks"})
#: Usage amounts the bill measures in: the bot answers costs, so these get a message saying so.
USAGE_UNITS = frozenset(
    {"gb", "gib", "tb", "tib", "gb-month", "gb-months", "gbs", "vcpu", "vcpus", "iops", "requests", "invocations"}
    | {"kwh", "gb-hours", "gb-seconds", "terabytes", "gigabytes"}
)
#: Availability zones: the bill's answers group by region, so these get a message pointing there.
ZONE_WORDS = frozenset({"zone", "zones", "az", "azs", "availability-zone", "availability-zones"})
#: Nouns a holiday's name can qualify (`the BF load test`, `the thanksgiving traffic`, `black friday prep`): with
#: another date in the question, that date is the one asked.
HOLIDAY_EVENTS = frozenset(
    {"load", "test", "tests", "traffic", "sale", "sales", "prep", "deploy", "launch", "campaign", "rush", "peak"}
    | {"scale-out", "scaleout", "readiness", "freeze", "promo", "promotion", "event", "war-room", "gameday", "push"}
)
#: Nouns a time phrase may end with (`the BF thru cyber monday stretch`, `the nov 16-22 window`): its days.
PERIOD_NOUNS = frozenset({"period", "window", "stretch", "span", "timeframe", "timespan"})
#: Nouns for a person (`which person spends the most`, `which engineer`): with `which`, as `who`.
PERSON_NOUNS = frozenset(
    {"person", "people", "engineer", "engineers", "user", "users", "developer", "developers", "dev", "devs"}
)
#: Subjects before a verb: `where do you project november to land` (`project` the verb), `I mean`.
PRONOUNS = frozenset({"i", "you", "we", "they"})


def mean_is_the_verb(before: list[str]) -> bool:
    """Whether `mean` after the words `before` it (nearest last) is the verb (`I mean`, `what does "credits" mean`,
    `what does aws:createdBy actually mean`), not the average: after a pronoun, or with `does`/`do`/`did` at most
    five words before it. The one rule `grammar` and `grammar_refusals` share."""
    return bool(before) and (before[-1] in (*PRONOUNS, "it") or any(w in ("does", "do", "did") for w in before[-5:]))
