"""Words of other languages that colleagues mix into an English question (`the Kosten per service for letzte Woche`,
`coût de la semaine dernière`, `gastos de ayer`, `custo de ontem`, `la settimana scorsa`): read as the English word,
in English order, and said.

The words are `grammar_foreign_words`' tables (Korean and Japanese: `grammar_korean`, `grammar_japanese`). Words that
are English words too are read as the other language's only beside at least two words of it (`IN_COMPANY`); `hier`
(French "yesterday", German "here") is read only beside a word only French has (`FRENCH_ONLY`); `an`, `pro`, `tem`,
`eu` and the grammar's own `tag` are left out. A word the store holds as a value is never translated (the caller
checks). The answer says which words were read so, except the small ones (articles, `and`, courtesy words).
Adjectives after their noun (`semaine dernière`, `mes pasado`), `vorletzte Woche`, `Anfang November`, `dia 1` and
`por favor` are put in English order here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.billing.grammar_dates import MONTH_NAMES, ordinal
from bot.billing.grammar_foreign_words import (
    AFTER_NOUN,
    BEFORE_LAST,
    CROATIAN_ONLY,
    DAY_WORDS,
    FOREIGN_WORDS,
    FRENCH_ONLY,
    HUNGARIAN_ENDINGS,
    HUNGARIAN_PER,
    IN_COMPANY,
    NOT_SAID,
    PAIRS,
    PERIOD_NOUNS,
    POSTPOSED,
    START_WORDS,
)
from bot.billing.grammar_japanese import POSTPOSED as JAPANESE_POSTPOSED
from bot.billing.grammar_japanese import japanese_words
from bot.billing.grammar_keywords import DIMENSION_WORDS
from bot.billing.grammar_korean import after_its_word, korean_word
from bot.billing.grammar_tokens import Kind, Token


def translated(tokens: list[Token], is_value: Callable[[str], bool]) -> tuple[list[Token], list[tuple[str, str]]]:
    """`tokens` with the other languages' words in English (and English order), and the (typed, read) pairs.
    `is_value(word)` says whether the store holds a value spelled so (never translated)."""
    out: list[Token] = []
    pairs: list[tuple[str, str]] = []
    paired = -1  # the second word of a phrase of two (`PAIRS`), read with the first
    for k, typed in enumerate(tokens):
        if k == paired:
            continue
        tok = typed
        elided = re.match(r"(?:d|l|qu)['’](.+)$", tok.lower) if tok.kind is Kind.WORD else None
        if elided is not None:  # `d'EKS`, `l'équipe`: French elision, the word after it
            tok = Token(Kind.WORD, tok.text[len(tok.text) - len(elided[1]) :], tok.position)
            if tok.lower == "hier":  # `d'hier`: only French elides before it
                tok = Token(Kind.WORD, "yesterday", tok.position)
                pairs.append((typed.text, "yesterday"))
        w = tok.lower
        if tok.kind is not Kind.WORD or is_value(tok.text):
            out.append(tok)
            continue
        japanese = japanese_words(tok)
        if japanese is not None:  # `先月のコスト、サービス別で`: its words, each read as its English
            for part, english in japanese:
                if english is None:
                    out.append(part)
                    continue
                pairs.append((part.text, english))
                words = [Token(Kind.WORD, word, part.position) for word in english.split()]
                if part.text in JAPANESE_POSTPOSED and out:  # `region別`: by region, before the word it follows
                    _before_the_word_before(out, words)
                else:
                    out.extend(words)
            continue
        if w in START_WORDS:  # `Anfang November`: the start of it (`the début of the month`: its `of` is typed)
            after = tokens[k + 1].lower if k + 1 < len(tokens) else ""
            out.append(Token(Kind.WORD, "start", tok.position))
            if after not in ("of", "de", "du", "del", "des"):
                out.append(Token(Kind.WORD, "of", tok.position))
            pairs.append((tok.text, "start of"))
            continue
        if w in BEFORE_LAST:
            out.append(Token(Kind.WORD, "\0before-last", tok.position))  # placed after its noun below
            pairs.append((tok.text, "before last"))
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if nxt is not None and (w, nxt.lower) in PAIRS:  # `seit wann`, `bis jetzt`: its second word is skipped
            phrase = PAIRS[(w, nxt.lower)]
            out.extend(Token(Kind.WORD, e, tok.position) for e in phrase)
            pairs.append((f"{tok.text} {nxt.text}", " ".join(phrase)))
            paired = k + 1
            continue
        if w in ("por", "per") and nxt is not None and nxt.lower in ("favor", "favore"):
            out.append(Token(Kind.WORD, "please", tok.position))  # `por favor`: its `favor` is skipped below
            continue
        if w in ("favor", "favore") and out and out[-1].lower == "please":
            continue
        if w in DAY_WORDS and w != "tag" and nxt is not None and nxt.text.isdecimal() and 1 <= int(nxt.text) <= 31:
            day = ordinal(int(nxt.text))  # `do dia 1`: from the 1st (its number is skipped below)
            out.extend([Token(Kind.WORD, "the", tok.position), Token(Kind.WORD, day, nxt.position)])
            pairs.append((f"{tok.text} {nxt.text}", f"the {day}"))
            continue
        if (
            k > 0
            and tok.text.isdecimal()
            and tokens[k - 1].lower in DAY_WORDS
            and out
            and out[-1].position == tok.position
        ):
            continue
        english = FOREIGN_WORDS.get(w) or POSTPOSED.get(w) or korean_word(tok.text)
        ending = _hungarian_ending(tok.text, is_value) if english is None else None
        if ending is not None:  # `regionként`: per region; `accountban`: account
            stem, per = ending
            pairs.append((tok.text, f"per {stem}" if per else stem))
            out.extend(Token(Kind.WORD, word, tok.position) for word in (("per", stem) if per else (stem,)))
            continue
        if english is None:
            out.append(tok)
            continue
        pairs.append((tok.text, english))
        if " " in english:  # `teuersten`: `most expensive`
            out.extend(Token(Kind.WORD, part, tok.position) for part in english.split())
            continue
        if (w in POSTPOSED or after_its_word(tok.text)) and out:  # `tax 빼면`, `tax nélkül`: excluding tax
            _before_the_word_before(out, [Token(Kind.WORD, part, tok.position) for part in english.split()])
            continue
        if w in AFTER_NOUN and out and out[-1].lower in PERIOD_NOUNS:
            out.insert(len(out) - 1, Token(Kind.WORD, english, tok.position))  # `semaine dernière`: last week
            continue
        out.append(Token(Kind.WORD, english, tok.position))
    for j, tok in enumerate(out):  # `vorletzte Woche`: `week before last`
        if tok.text == "\0before-last":
            noun = out[j + 1] if j + 1 < len(out) else None
            if noun is not None and noun.lower in PERIOD_NOUNS:
                out[j : j + 2] = [
                    noun,
                    Token(Kind.WORD, "before", tok.position),
                    Token(Kind.WORD, "last", tok.position),
                ]
            else:
                out[j] = Token(Kind.WORD, "before", tok.position)
    if any(typed.casefold() in CROATIAN_ONLY for typed, _ in pairs):  # `usporedi listopad i rujan`: Croatian's October
        for j, tok in enumerate(out):
            if tok.text == "november" and tokens_typed(tokens, tok) == "listopad":
                out[j] = Token(Kind.WORD, "october", tok.position)
        pairs = [(typed, "october" if typed.casefold() == "listopad" else english) for typed, english in pairs]
    french = any(typed.casefold() in FRENCH_ONLY for typed, _ in pairs)
    for j, tok in enumerate(out):
        if french and tok.lower == "hier" and not is_value(tok.text):  # `combien on a dépensé sur Lambda hier`
            out[j] = Token(Kind.WORD, "yesterday", tok.position)
            pairs.append((tok.text, "yesterday"))
    if len(pairs) >= 2:  # in company of the language: its words that are English words too
        for j, tok in enumerate(out):
            english = IN_COMPANY.get(tok.lower)
            if english is not None and tok.kind is Kind.WORD and not is_value(tok.text):
                if english == "untagged" and j + 1 < len(out) and out[j + 1].lower == "tag":
                    out[j : j + 2] = [Token(Kind.WORD, "untagged", tok.position)]  # `sem tag`, `senza tag`
                    pairs.append((f"{tok.text} tag", "untagged"))
                    continue
                out[j] = Token(Kind.WORD, english, tok.position)
        # (`cat`: `how much`, two words)
        out = [
            part
            for t in out
            for part in ([Token(Kind.WORD, w, t.position) for w in t.text.split(" ")] if " " in t.text else [t])
        ]
    return out, [(typed, english) for typed, english in pairs if english not in NOT_SAID]


def tokens_typed(tokens: list[Token], tok: Token) -> str:
    """The word typed where `tok` stands (its position), lower-cased."""
    return next((t.lower for t in tokens if t.position == tok.position), "")


def _hungarian_ending(word: str, is_value: Callable[[str], bool]) -> tuple[str, bool] | None:
    """The word Hungarian's ending is glued to (`regionként`, `accountban`, `staging-re`, `novemberre`) and whether the
    ending says per; None when no ending leaves a dimension's word, a month or a stored value."""
    folded = word.casefold()
    for ending in HUNGARIAN_ENDINGS:
        stem = folded.removesuffix(ending).removesuffix("-")
        if stem == folded or len(stem) < 3:
            continue
        if stem in DIMENSION_WORDS or stem in MONTH_NAMES or is_value(word[: len(stem)]):
            return word[: len(stem)], ending in HUNGARIAN_PER
    return None


def _before_the_word_before(out: list[Token], words: list[Token]) -> None:
    """`words` put before every token read from the last word typed (they share its position): a word that follows
    what it applies to (Korean `tax 빼면`, Japanese `region別`) in English order."""
    at = len(out) - 1
    while at > 0 and out[at - 1].position == out[-1].position:
        at -= 1
    out[at:at] = words
