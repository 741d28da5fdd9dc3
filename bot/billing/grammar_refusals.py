"""Which commands refuse which question words: `/tags` and `/top-resources` list costs only.

`question_word` finds the first word asking for more than costs (a comparison, forecast, explanation, average,
unusual days or a ranking by change); `refuse_questions` turns it into a `UsageError` pointing to `/cost`.
"""

from __future__ import annotations

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
)
from bot.billing.model import Question
from bot.billing.vocabulary import Vocabulary
from bot.errors import AskedElsewhere, UserFacingError

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
        if w == "behind":  # `the tables behind search`, `what's behind the number`: what these commands list
            continue
        if w in VERSUS_WORDS and _values_compared(tokens, j, vocabulary):
            continue  # `search vs checkout`, `Platform vs everyone else`: values side by side, which the list shows
        for words, asks in _QUESTION_SETS:
            if w in words and not vocabulary.meanings(tok.text) and not _is_tag_key(tok.text, vocabulary):
                return tok.text, asks
    return None


def _values_compared(tokens: list[Token], j: int, vocabulary: Vocabulary) -> bool:
    """Whether the `vs` at `j` stands between stored values (`search vs checkout`, `Platform vs everyone else`)
    rather than periods."""
    after = [t for t in tokens[j + 1 : j + 3] if t.lower not in ("the", "a")]
    before = tokens[j - 1] if j > 0 else None
    if not after or before is None:
        return False
    named = [t.text for t in (before, after[0]) if vocabulary.meanings(t.text)]
    others = ("everyone", "everything", "rest", "others", "untagged", "nothing", "none", "nobody")
    return len(named) == 2 or (len(named) == 1 and after[0].lower in others)


def _is_tag_key(word: str, vocabulary: Vocabulary) -> bool:
    folded = word.casefold()
    return any(k.casefold() == folded or k.split(":", 1)[-1].casefold() == folded for k in vocabulary.tag_keys)


def refuse_questions(command: str, text: str, vocabulary: Vocabulary) -> None:
    """Raise `UsageError` when `text` asks `command` (which lists costs only) for a comparison, a forecast, an
    explanation, an average, unusual days or a ranking by change: naming the word and pointing to `/cost`,
    which answers those."""
    found = question_word(text, vocabulary)
    if found is None:
        return
    word, asks = found
    raise AskedElsewhere(
        f"`{word}` asks for {asks}, which `{command}` does not answer.",
        hint=f"Ask `/cost {text.strip()}` for it.",
        command="/cost",
        text=text.strip(),
    )
