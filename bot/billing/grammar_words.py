"""The plain words of the query grammar (fillers, comparison, forecast and "why" markers) and its typo rule.

People type questions, not queries: `how much did we spend on ec2 last month?`. Words that carry no meaning for
the answer are fillers; a few words change what is asked (`vs`, `forecast`, `why`). The typo rule corrects a
misspelt grammar word (`servce`, `lst month`) only when the correction is unique and no stored value is as close:
values are never guessed, they get a "did you mean".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rapidfuzz.distance import OSA

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


def _max_distance(word: str) -> int:
    """The typo rule's edit budget: one edit for words of 3 to 7 letters, two from 8 letters on."""
    if len(word) < 3:
        return 0
    return 1 if len(word) < 8 else 2


def typo_candidates(word: str, keywords: Iterable[str], value_near: Callable[[str, int], bool] | None) -> list[str]:
    """The grammar words `word` is a typo of, under the stated rule; [] when it is not one.

    Rule: optimal string alignment distance (insertions, deletions, substitutions, adjacent transpositions) of
    at most 1 for 3-7 letters and 2 for longer words; a 3-letter word may only miss a letter (`lst` -> `last`,
    never `dev` -> `dec`). Only the closest keywords count, and none when a stored value (`values`) is at
    least as close: a word near a value is a value typo, which gets a suggestion instead of a guess.
    Several results mean the typo is ambiguous.
    """
    w = word.casefold()
    budget = _max_distance(w)
    if budget == 0 or not w.replace("-", "").isalpha():
        return []
    best = budget + 1
    found: list[str] = []
    for k in keywords:
        if len(w) == 3 and len(k) != 4:
            continue
        d = OSA.distance(w, k, score_cutoff=budget)
        if d > budget or d == 0:
            continue
        if d < best:
            best, found = d, [k]
        elif d == best and k not in found:
            found.append(k)
    if not found:
        return []
    if value_near is not None and value_near(w, best):
        return []
    return found
