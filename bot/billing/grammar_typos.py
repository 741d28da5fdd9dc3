"""The grammar's typo rule: a misspelt grammar word (`servce`, `lst month`) is read as the word it is a typo of.

A correction is made only when it is unique and no stored value is as close: values are never guessed, they get
a "did you mean" (`bot.billing.vocabulary.suggest`). Distances are rapidfuzz's optimal string alignment.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from bot.billing.grammar_tokens import Kind, Token


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


def near_anything(word: str, keywords: Iterable[str], value_near: Callable[[str, int], bool]) -> bool:
    """Whether a grammar word or a stored value (`value_near`) is within the typo rule's distance of `word`:
    such a word may be a misspelling of it, never a word to leave out."""
    w = word.casefold()
    budget = _max_distance(w)
    if budget == 0:
        return False
    return any(OSA.distance(w, k, score_cutoff=budget) <= budget for k in keywords) or value_near(w, budget)


@dataclass(frozen=True)
class Corrections:
    """What `correct_typos` did: the corrected tokens, the word typed at each corrected position, and a reading
    per correction for the answer's notes."""

    tokens: list[Token]
    typed: dict[int, str]
    readings: list[str]


def correct_typos(
    tokens: Sequence[Token],
    keywords: Collection[str],
    *,
    is_value: Callable[[str], bool],
    is_known: Callable[[Sequence[Token], int, str], bool],
    value_near: Callable[[str, int], bool],
) -> Corrections:
    """`tokens` with each misspelt grammar word replaced by the one keyword it is a typo of.

    A possessive (`last month's`, `the web team's`) first reads as the word itself unless it is a stored value
    as typed (`is_value`). Values (after `=`, `!=` or a comma, quoted) and words the grammar or the store knows
    (`is_known(tokens, position, word)`) are never touched; an ambiguous typo is left as typed for the
    unknown-word message, which names the candidates.
    """
    out = list(tokens)
    typed: dict[int, str] = {}
    readings: list[str] = []
    for j, tok in enumerate(out):
        w = tok.lower
        if tok.kind is not Kind.WORD or (j > 0 and out[j - 1].kind in (Kind.EQ, Kind.NE, Kind.COMMA)):
            continue
        if w.endswith(("'s", "’s")) and len(w) > 2 and not is_value(w):
            out[j] = Token(Kind.WORD, tok.text[:-2], tok.position)
            typed[tok.position] = tok.text  # a message about the word names it as typed
            w = out[j].lower
        if w in keywords or is_known(out, j, w):
            continue
        found = typo_candidates(w, keywords, value_near)
        if len(found) == 1:
            out[j] = Token(Kind.WORD, found[0], tok.position)
            typed[tok.position] = tok.text
            readings.append(f"Read `{tok.text}` as `{found[0]}`.")
    return Corrections(out, typed, readings)
