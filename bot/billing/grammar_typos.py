"""The grammar's typo rule: a misspelt word is read as the one grammar word or stored name it is a typo of.

Two passes share one edit budget. Before reading, a misspelt grammar word (`servce`, `lst month`) is corrected
when it is unique and no stored value is as close (`correct_typos`). While reading, a word nothing else places
(`cloudfornt`, `us-eats-1`, `stagging`) is read as a grammar word or a name people type (a service, region,
account, tag key, or a value of a small tag key) when exactly one is closest and clearly closer than the
runner-up (`unique_correction`); an ambiguous one keeps its "did you mean"
(`bot.billing.vocabulary.suggest`). Distances are rapidfuzz's optimal string alignment (Damerau-Levenshtein with
adjacent transpositions, each substring edited once).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from rapidfuzz.distance import OSA

from bot.billing.grammar_tokens import Kind, Token


@cache
def english_words() -> frozenset[str]:
    """The most frequent English words (`english_words.txt`, written by `tools/english_words.py`): a word people
    type every day is never read as a misspelling of another (`match` is no typo of `march`, `company` none of
    `compare`, `training` none of `trailing`); it is read, left out or named as itself."""
    text = files("bot.billing").joinpath("english_words.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def _max_distance(word: str) -> int:
    """The typo rule's edit budget: one edit for words of 3 to 6 letters (a 3-letter word may only miss a letter
    of a grammar word), two from 7 letters on."""
    if len(word) < 3:
        return 0
    return 1 if len(word) < 7 else 2


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
    if budget == 0 or not w.replace("-", "").isalpha() or w in english_words():
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


#: A word the typo rule may correct as a whole: letters, digits and inner hyphens or dots (`us-eats-1`), no
#: punctuation around it.
_PLAIN = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")


def unique_correction(
    word: str,
    keywords: Collection[str],
    names_within: Callable[[str, int], Iterable[tuple[str, int]]],
) -> tuple[str | None, bool]:
    """The one grammar word or name people type (`names_within(word, budget)`: stored names with their
    distances) that `word` is a typo of, and whether any of them is within the rule's distance of it.

    Rule (`_max_distance`; only words of 4 letters or more are corrected): the closest candidate is taken only
    when it is the only one at its distance, every other is farther, and it has the digits the word has
    (`us-eats-1` is `us-east-1`, never `us-east-2`), and two edits away only with the word's first letter.
    `(None, True)`: an ambiguous typo, which keeps its "did you mean"; `(None, False)`: no such word or name is
    close (a caller leaving the word out checks every stored value too: `near_anything`)."""
    w = word.casefold()
    budget = _max_distance(w)
    if budget == 0:
        return None, False
    digits = re.sub(r"\D", "", w)
    best: dict[str, tuple[int, str]] = {}
    found = [(k, int(OSA.distance(w, k, score_cutoff=budget))) for k in keywords]
    values = names_within(w, budget)
    if w in english_words() and not values:
        return None, False  # a word, not a typo of a grammar word (`provide`, `next`): placed or left out as one
    for spelling, d in [*found, *values]:
        fold = spelling.casefold()
        if d <= budget and (fold not in best or d < best[fold][0]):
            best[fold] = (d, spelling)
    if not best:
        return None, False
    ranked = sorted(best.values())
    if (
        ranked[0][0] == 0  # the word itself, where the grammar could not place it (`team:` in a heading)
        or (len(ranked) > 1 and ranked[1][0] <= ranked[0][0])
        or re.sub(r"\D", "", ranked[0][1]) != digits
        or not _PLAIN.match(w)
        or len(w) < 4  # near a 3-letter word is too much alike: `tem` may be `team` or `tme`
        or (ranked[0][0] > 1 and ranked[0][1][:1].casefold() != w[:1])  # two edits and another first letter
        or w in english_words()  # a word, not a typo: near a name, it is named back with the candidates
    ):
        return None, True
    return ranked[0][1], True


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
        if w == "years" and j > 0 and out[j - 1].lower in ("last", "this", "previous", "past", "next"):
            out[j] = Token(Kind.WORD, "year", tok.position)  # `last years black friday`: the possessive unwritten
            typed[tok.position] = tok.text
            continue
        if w in keywords or is_known(out, j, w):
            continue
        found = typo_candidates(w, keywords, value_near)
        if len(found) == 1:
            out[j] = Token(Kind.WORD, found[0], tok.position)
            typed[tok.position] = tok.text
            readings.append(f"Read `{tok.text}` as `{found[0]}`.")
    return Corrections(out, typed, readings)
