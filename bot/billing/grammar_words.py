"""The plain words of the query grammar: fillers, and the comparison, forecast and "why" markers.

People type questions, not queries: `how much did we spend on ec2 last month?`. Words that carry no meaning for
the answer are fillers; a few words change what is asked (`vs`, `forecast`, `why`). Misspelt words are left to
`grammar_typos`.
"""

from __future__ import annotations

#: Words that carry no meaning for the answer.
FILLERS = frozenset(
    {
        *("for", "in", "of", "the", "during", "over", "and", "cost", "costs", "spend", "show", "me"),
        *("a", "an", "on", "at", "to", "with", "so", "far", "please", "pls", "can", "could", "you", "give", "get"),
        *("tell", "see", "list", "all", "what", "whats", "what's", "how", "much", "many", "did", "do", "does"),
        *("we", "our", "ours", "us", "i", "my", "is", "are", "was", "were", "be", "been", "it", "its", "it's"),
        *("spent", "spending", "spends", "costing", "bill", "billing", "bills", "aws", "total", "totals"),
        *("money", "expense", "expenses", "charges", "charged", "amount", "pay", "paid", "paying", "usage"),
        *("breakdown", "broken", "split", "overall", "across", "whole", "entire", "just", "there", "that"),
        *("which", "where", "who", "has", "have", "had", "biggest", "largest", "highest", "most", "up", "down"),
        *("go", "goes", "went", "gone", "increase", "increased", "increasing", "rise", "rose", "risen", "jump"),
        *("jumped", "spike", "spiked", "spikes", "higher", "high", "expensive", "drop", "dropped", "lower"),
        *("grow", "grew", "growth", "change", "changed", "changes", "big", "more", "less"),
        *("now", "currently", "hey", "hi", "bot", "trackit", "number", "numbers"),
        *("will", "going", "we're", "looking", "like", "look", "looks", "damage", "trend", "trends", "about"),
        *("everything", "anything", "cloud", "been", "tell", "let", "let's", "lets", "view", "report", "time"),
    }
)
#: Words that compare with what follows (`nov vs oct`, `ec2 versus s3`, `compared to the week before`).
VERSUS_WORDS = frozenset({"vs", "vs.", "versus", "v", "against", "compared", "relative", "than"})
#: Words that announce a comparison of two things named later (`compare this month with last month`).
COMPARE_WORDS = frozenset({"compare", "comparing", "comparison"})
#: After a compare word, these join the two things compared.
JOINERS = frozenset({"to", "with", "and"})
#: "X over X" comparisons with the previous period (what every answer does anyway).
OVER_PREVIOUS = frozenset({"mom", "wow", "qoq", "dod"})
YEAR_OVER_YEAR = frozenset({"yoy"})
#: Words asking for the month-end forecast.
FORECAST_WORDS = frozenset(
    {
        *("forecast", "forecasts", "forecasted", "forecasting", "projected", "projection", "projections"),
        *("predict", "predicted", "prediction", "expected", "expect", "estimate", "estimated", "eom"),
        *("month-end", "run-rate", "runrate", "pace", "trajectory", "outlook", "landing", "land"),
    }
)
#: Words asking why the cost changed.
WHY_WORDS = frozenset(
    {"why", "explain", "cause", "caused", "causes", "causing", "drove", "drive", "drives", "driving", "driver"}
    | {"drivers", "behind", "reason", "reasons", "root"}
)
