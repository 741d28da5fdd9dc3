"""Which commands refuse which question words: `/tags` and `/top-resources` list costs only.

`question_word` finds the first word asking for more than costs (a comparison, forecast, explanation, average,
unusual days or a ranking by change); `refuse_questions` turns it into a `UsageError` pointing to `/cost`, or, for
the costs behind a spike or a change, into a note beside the list.
"""

from __future__ import annotations

import re

from bot.billing.grammar_dates import MONTH_NAMES
from bot.billing.grammar_sentences import without_pasted_code
from bot.billing.grammar_tokens import Kind, Token, tokenize
from bot.billing.grammar_words import (
    ANOMALY_WORDS,
    AVERAGE_WORDS,
    COMPARE_WORDS,
    DECREASE_WORDS,
    FORECAST_WORDS,
    INCREASE_WORDS,
    OVER_PREVIOUS,
    VERSUS_WORDS,
    WHY_WORDS,
    YEAR_OVER_YEAR,
    mean_is_the_verb,
)
from bot.billing.model import Question
from bot.billing.vocabulary import Vocabulary
from bot.errors import AskedElsewhere, UserFacingError

#: Words that name a period after a comparison word (`vs last month`, `than the week before`).
_PERIOD_WORDS = frozenset(
    {"last", "previous", "prior", "this", "today", "yesterday", "week", "month", "quarter", "year", "before", "ago"}
    | {"mtd", "ytd", "qtd", "wtd", "days", "weeks", "months", "same", "lastyear", "yoy", "mom", "wow", "period"}
)
#: What a word beyond the cost asks for, by the word sets that mean it (`question_word`).
_QUESTION_SETS: tuple[tuple[frozenset[str], str], ...] = (
    (VERSUS_WORDS | COMPARE_WORDS | OVER_PREVIOUS | YEAR_OVER_YEAR, "a comparison of two periods"),
    (WHY_WORDS, Question.WHY.asks),
    (FORECAST_WORDS | frozenset({"eom"}), Question.FORECAST.asks),
    (AVERAGE_WORDS | frozenset({"avg"}), Question.AVERAGE.asks),
    (ANOMALY_WORDS, Question.ANOMALIES.asks),
    (INCREASE_WORDS, Question.INCREASES.asks),
    (DECREASE_WORDS, Question.DECREASES.asks),
)


#: Words asking what makes up a cost (`what's driving the bill`, `is it api or web driving it`): what `/tags` and
#: `/top-resources` list, no question of why it changed.
_WHAT_DRIVES = frozenset(
    {"drive", "drives", "driving", "drove", "driver", "drivers", "cause", "causes", "causing", "caused"}
)
#: What a listing command answers with its list, saying where the rest is: the costs behind a spike or a change.
_LISTED_ANYWAY = frozenset({Question.ANOMALIES.asks, Question.INCREASES.asks, Question.DECREASES.asks})


def question_word(text: str, vocabulary: Vocabulary) -> tuple[str, str] | None:
    """The first word of `text` that asks for more than costs (`vs`, `compare`, `why`, `forecast`, `burn rate`,
    `average`, `spikes`, `increase`, ...), as typed, with what it asks for; None when there is none. Words the
    store holds as values or tag keys (a tag value `forecast`) ask for nothing."""
    try:
        tokens = tokenize(text)
    except UserFacingError:
        return None  # the command's own parser says what is wrong
    for j, tok in enumerate(tokens):
        w = tok.lower
        if tok.kind is not Kind.WORD or (j > 0 and tokens[j - 1].kind in (Kind.EQ, Kind.NE, Kind.COMMA)):
            continue
        if w in ("burn", "run") and j + 1 < len(tokens) and tokens[j + 1].lower == "rate":
            return f"{tok.text} {tokens[j + 1].text}", Question.FORECAST.asks
        if w == "behind" or w in _WHAT_DRIVES:  # `the tables behind search`, `which things drive the bill`: the
            continue  # list these commands answer
        if _no_question(tokens, j):
            continue
        if w in VERSUS_WORDS and (_values_compared(tokens, j, vocabulary) or not _period_follows(tokens, j)):
            continue  # `search vs checkout`, `reconcile against our IAM list`: no two periods compared
        if w in COMPARE_WORDS and not _period_follows(tokens, j) and _others_follow(tokens, j, vocabulary):
            continue  # `how does that compare to the other teams`, `to search`: the values listed side by side
        if w in ("ratio", "ratios") and not _period_follows(tokens, j):
            continue  # `what's the dev:prod ratio looking like`: values against each other, which every list shows
        if w in FORECAST_WORDS and j + 1 < len(tokens) and vocabulary.meanings(tokens[j + 1].text):
            continue  # `though I expect prod`: a guess about a value, no forecast
        for words, asks in _QUESTION_SETS:
            if w in words and not vocabulary.meanings(tok.text) and not _is_tag_key(tok.text, vocabulary):
                return tok.text, asks
    return None


def _names_an_event(text: str, word: str) -> bool:
    """Whether `word` in `text` names a change that happened (`the spike`, `that ec2 jump`) rather than asks to rank
    by change (`which tables grew the most`): a determiner stands at most two words before it."""
    words = [w.strip("?,.!").casefold() for w in text.split()]
    k = words.index(word.casefold()) if word.casefold() in words else -1
    return k > 0 and any(w in ("the", "that", "this", "those", "these", "a", "an") for w in words[max(0, k - 2) : k])


def _no_question(tokens: list[Token], j: int) -> bool:
    """Whether the word at `j` only looks like a question word: `I mean`, `whatever that means`, `savings plans`,
    `which bucket they fall into`."""
    w = tokens[j].lower
    before = tokens[j - 1].lower if j > 0 else ""
    after = tokens[j + 1].lower if j + 1 < len(tokens) else ""
    return (
        # `I mean`, `what does aws:createdBy actually mean`: the verb, no average
        (w == "mean" and mean_is_the_verb([t.lower for t in tokens[max(0, j - 5) : j]]))
        or w == "means"
        or (w == "savings" and after in ("plan", "plans"))
        or (w in ("fall", "falls") and after in ("into", "under", "in"))
        or (w == "landing" and after in ("page", "pages"))  # `the promo landing pages`: pages, no forecast
        # `karpenter fell back to on-demand`: a fallback, no decrease asked
        or (w in ("fell", "fall", "falls", "falling") and after == "back")
        # `we need to chase the owners before EOM`: a deadline, no forecast asked
        or (w in ("eom", "month-end") and before in ("before", "by", "until", "till"))
        # `PI is asking why the storage line went up`, `trying to figure out why`: a question beside the one typed
        or (w.startswith("why") and before in ("asking", "asks", "asked", "wondering", "wonders", "know", "out"))
        # `I need to explain it to the exec team`: what the answer is for; `I'd expect it to be all prod`: a belief
        or (w == "explain" and before == "to" and after in ("it", "this", "that", "them", "these", "those"))
        or (w == "expect" and (before in ("i'd", "i’d", "i", "would") and after in ("it", "this", "that", "them")))
    )


#: Words between a value and the `vs` that pits it against another (`whats staging costing vs prod`).
_COSTING = frozenset({"cost", "costs", "costing", "spend", "spending", "spent"})


def _values_compared(tokens: list[Token], j: int, vocabulary: Vocabulary) -> bool:
    """Whether the `vs` at `j` stands between stored values (`search vs checkout`, `Platform vs everyone else`)
    rather than periods."""
    after = [t for t in tokens[j + 1 : j + 3] if t.lower not in ("the", "a")]
    before = tokens[j - 1] if j > 0 else None
    if before is not None and j > 1 and before.lower in _COSTING:
        before = tokens[j - 2]  # `whats staging costing vs prod`
    if not after or before is None:
        return False
    named = [t.text for t in (before, after[0]) if vocabulary.meanings(t.text)]
    others = ("everyone", "everything", "rest", "others", "untagged", "nothing", "none", "nobody")
    # `prod vs non-prod`: a value against all the others
    non_value = after[0].lower.startswith("non") and bool(vocabulary.meanings(re.sub(r"^non-?", "", after[0].text)))
    if len(named) == 2 or (len(named) == 1 and (after[0].lower in others or non_value)):
        return True
    # `is the Platform team spending more than the api team`, `non-prod (dev+staging) vs prod`: a value after it and
    # one named a few words before
    return _names_values(after[0].text, vocabulary) and any(
        _names_values(t.text, vocabulary) for t in tokens[max(0, j - 5) : j]
    )


def _names_values(word: str, vocabulary: Vocabulary) -> bool:
    """Whether `word` names stored values: one (`prod`), all but one (`non-prod`) or several joined (`dev+staging`)."""
    parts = [re.sub(r"^non-?", "", part) for part in word.split("+")]
    return all(part and vocabulary.meanings(part) for part in parts)


def _period_follows(tokens: list[Token], j: int) -> bool:
    """Whether a period is named within four words after the comparison word at `j` (`vs last month`, `than
    october`, `against the week before`): only two periods make a comparison these commands cannot answer."""
    for k in range(j + 1, min(j + 5, len(tokens))):
        w = tokens[k].lower
        if w in _PERIOD_WORDS or w in MONTH_NAMES or re.fullmatch(r"(?:\d{4}-\d{2}.*|q[1-4]|h[12]|fy\d{2,4})", w):
            return True
    return False


def _others_follow(tokens: list[Token], j: int, vocabulary: Vocabulary) -> bool:
    """Whether the others or a stored value are named within four words after the compare word at `j` (`compare
    to the other teams`, `compared with everyone else`, `how's that compare to search`): values side by side,
    which every list shows."""
    others = ("other", "others", "rest", "everyone", "everything", "each")
    return any(t.lower in others or vocabulary.meanings(t.text) for t in tokens[j + 1 : j + 5])


def _is_tag_key(word: str, vocabulary: Vocabulary) -> bool:
    folded = word.casefold()
    return any(k.casefold() == folded or k.split(":", 1)[-1].casefold() == folded for k in vocabulary.tag_keys)


def refuse_questions(command: str, text: str, vocabulary: Vocabulary) -> str | None:
    """Raise `UsageError` when `text` asks `command` (which lists costs only) for a comparison, a forecast, an
    explanation or an average: naming the word and pointing to `/cost`, which answers those. A word asking for
    unusual days or a change that happened (`which team is the spike on?`, `which instances are behind that jump`)
    asks about the costs the command lists: the list is answered, and the note returned says where the rest is (a
    ranking by change, `which tables grew the most`, is refused)."""
    pasted = without_pasted_code(text)  # (`storage lens says `Total storage: 412.8 TB (+18% MoM)``: no comparison)
    found = question_word(text if pasted is None else pasted[0], vocabulary)
    if found is None:
        return None
    word, asks = found
    if asks in _LISTED_ANYWAY and _names_an_event(text, word):
        return f"`{word}`: `{command}` lists costs, not {asks}; `/cost {text.strip()}` answers that."
    raise AskedElsewhere(
        f"`{word}` asks for {asks}, which `{command}` does not answer.",
        hint=f"Ask `/cost {text.strip()}` for it.",
        command="/cost",
        text=text.strip(),
    )
