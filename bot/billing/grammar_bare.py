"""Bare words: stored values typed without their dimension (`ec2`, `data transfer`, `production`, `web`).

The grammar reads a word as a value when the store's vocabulary (`bot.billing.vocabulary.Vocabulary`) holds it,
exactly (`meanings`) or as one word of a longer stored name (`word_meanings`: `support` for `AWS Support
(Business)`). A word with readings in several dimensions is settled by a dimension named beside it (`staging
account`, `staging env`), else the asker is asked which; never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.billing.grammar_tokens import Kind, Token
from bot.billing.model import Dimension, DimensionRef, Filter
from bot.billing.vocabulary import Meaning, Vocabulary
from bot.errors import UsageError

#: The longest stored value, in words, that is looked up as one phrase (`us east 1`, `aws data transfer`).
MAX_PHRASE_WORDS = 4


@dataclass(frozen=True)
class Bare:
    """A value typed without its dimension: the phrase, every reading the vocabulary has for it, whether it was
    named after `except`/`excluding`, and whether it is only one word of a longer stored name."""

    phrase: str
    meanings: tuple[Meaning, ...]
    negate: bool = False
    partial: bool = False


#: An operation named by one plain word (`Send`, `List`, `Storage`, `Decrypt`): also an English word.
_PLAIN_OPERATION = re.compile(r"^[A-Z][a-z]+$")


def as_typed(phrase: str, meanings: Sequence[Meaning]) -> list[Meaning]:
    """The readings of a bare `phrase` a person meant by typing it: an operation whose stored name is one plain
    word (a genuine bill holds `Send`, `List`, `Storage`, `Decrypt`) only when typed as stored, since `can u send
    me the bill` or `storage costs` use the English word; identifiers (`PutObject`, `RunInstances`) and every
    other dimension's values in any case."""
    return [
        m
        for m in meanings
        if not (
            m.dimension.kind is Dimension.OPERATION and _PLAIN_OPERATION.match(m.values[0]) and phrase != m.values[0]
        )
    ]


def stored_phrase_at(tokens: Sequence[Token], i: int, vocabulary: Vocabulary) -> tuple[str, list[Meaning], int] | None:
    """The stored value of two to `MAX_PHRASE_WORDS` words that starts at token `i` (longest first), with its
    readings and the number of tokens it uses; None when there is none."""
    for n in range(MAX_PHRASE_WORDS, 1, -1):
        toks = tokens[i : i + n]
        # (a dash or a sign between words is no word of a name: `without tax - ec2 only`)
        if len(toks) < n or any(t.kind is not Kind.WORD or not any(c.isalnum() for c in t.text) for t in toks):
            continue
        phrase = " ".join(t.text for t in toks)
        meanings = vocabulary.meanings(phrase)
        if meanings:
            return phrase, meanings, n
    return None


#: The shortest start of a service's short name read as that service (`dynamo` for `dynamodb`).
MIN_PREFIX = 4


def service_prefix(word: str, vocabulary: Vocabulary) -> list[Meaning]:
    """The service whose short name `word` starts (`dynamo` -> DynamoDB, `cloudw` -> CloudWatch), when exactly
    one does and `word` has at least `MIN_PREFIX` letters; [] otherwise (a start shared by two services is
    left to the did-you-mean)."""
    w = word.casefold()
    if len(w) < MIN_PREFIX or not w.isalpha():
        return []
    found: dict[tuple[str, ...], Meaning] = {}
    for short in vocabulary.service_words():
        s = short.casefold()
        if s.startswith(w) and s != w and " " not in s:
            for m in vocabulary.meanings(short):
                found.setdefault(m.values, m)
    return list(found.values()) if len(found) == 1 else []


#: Tag keys with at most this many values have their values read from short forms (`stg` for `staging`): the
#: environments and teams people abbreviate, not the ids of a key with thousands of values.
SHORT_FORM_VALUES = 100
_VOWELS = frozenset("aeiouy")
_ACCOUNT = DimensionRef(Dimension.ACCOUNT)


def _initials(name: str) -> str:
    return "".join(part[0] for part in name.replace("_", "-").replace(" ", "-").split("-") if part)


def _in_order(short: str, name: str) -> bool:
    """Whether the letters of `short` appear in `name` in order (`prd` in `production`)."""
    letters = iter(name)
    return all(ch in letters for ch in short)


def shortened_value(word: str, vocabulary: Vocabulary) -> list[Meaning]:
    """The stored account names and tag values `word` shortens, the way engineers shorten them in chat: a word of
    two to four letters without vowels (`prd`, `stg`, `dl`) that starts like the name and is its consonants in
    order (`prd`: `prod`, `production`; three letters at least) or its initials (`dl`: `data-lake`). Every such
    reading is returned; the caller settles several by a dimension named beside it, or reads the account
    (`grammar_bare.settle`). [] when `word` is not such a short form."""
    w = word.casefold()
    if not 2 <= len(w) <= 4 or not w.isalpha() or _VOWELS & set(w):
        return []
    names = [n for n in vocabulary.accounts.values() if n]
    for values in vocabulary.tag_values.values():
        if len(values) <= SHORT_FORM_VALUES:
            names.extend(values)
    found: dict[tuple[DimensionRef, tuple[str, ...]], Meaning] = {}
    for name in dict.fromkeys(names):
        n = name.casefold()
        in_order = len(w) > 2 and _in_order(w, n)  # two letters only as initials: `pm` is no short `platform`
        if len(n) <= len(w) or n[0] != w[0] or not (_initials(n) == w or in_order):
            continue
        for m in vocabulary.meanings(name):
            if m.dimension.kind in (Dimension.ACCOUNT, Dimension.TAG):
                found.setdefault((m.dimension, m.values), m)
    return list(found.values())


def in_stored_phrase(tokens: Sequence[Token], j: int, vocabulary: Vocabulary) -> bool:
    """Whether token `j` is part of a stored value of two to `MAX_PHRASE_WORDS` words (`data` in `data
    transfer`): such a word is a value, never a typo of a grammar word."""
    for n in range(2, MAX_PHRASE_WORDS + 1):
        for first in range(max(0, j - n + 1), j + 1):
            toks = tokens[first : first + n]
            words = len(toks) == n and all(t.kind is Kind.WORD for t in toks)
            if words and vocabulary.meanings(" ".join(t.text for t in toks)):
                return True
    return False


def named_prefix(phrase: str, named: set[DimensionRef], vocabulary: Vocabulary) -> list[Meaning]:
    """Values of the named dimensions that start with `phrase` (`prod` beside `account`: `production`), at least
    `MIN_PREFIX` letters long; one reading per value."""
    w = phrase.casefold()
    if len(w) < MIN_PREFIX - 1:
        return []
    names: list[str] = []
    for ref in named:
        if ref.kind is Dimension.ACCOUNT:
            names += [n for n in vocabulary.accounts.values() if n.casefold().startswith(w)]
        elif ref.kind is Dimension.TAG:
            names += [v for v in vocabulary.tag_values.get(str(ref.tag_key), ()) if v.casefold().startswith(w)]
    found = [m for n in dict.fromkeys(names) for m in vocabulary.meanings(n) if m.dimension in named]
    return list({(m.dimension, m.values): m for m in found}.values())


def _narrowed(bare: Sequence[Bare]) -> list[Bare]:
    """Words of stored names typed together narrow each other (`m5.large boxusage use1`: the one usage type
    holding all three), so a word that is part of several names settles when the others name one of them."""
    partial = [b for b in bare if b.partial and len(b.meanings) > 1]
    if not partial:
        return list(bare)
    out = []
    for b in bare:
        others = [o for o in bare if o.partial and o is not b and not o.negate]
        keep = tuple(m for m in b.meanings if others and all(m in o.meanings for o in others))
        family = bool(keep) and all(m.dimension.kind is Dimension.USAGE_TYPE for m in keep)  # `ebs volumes`
        out.append(Bare(b.phrase, keep, b.negate, partial=True) if b in partial and (len(keep) == 1 or family) else b)
    return out


def settle(
    bare: Sequence[Bare], named: set[DimensionRef], vocabulary: Vocabulary
) -> tuple[dict[tuple[DimensionRef, bool], list[str]], list[str]]:
    """The filters the bare values of a question make, keyed by (dimension, excluded), with a reading for each
    word taken as one word of a longer name.

    `named` are the dimensions the question names without `by` (`production account`): they settle a word
    with readings in several dimensions. Raises `UsageError` naming the word and its readings when nothing
    settles it, or when a partial word is part of several names.
    """
    chosen: dict[tuple[DimensionRef, bool], list[str]] = {}
    readings_out: list[str] = []
    bare = [_with_account_start(b, named, vocabulary) for b in _narrowed(bare)]
    for b in bare:
        readings: Sequence[Meaning] = b.meanings
        if named and not any(m.dimension in named for m in readings):
            # `staging account`: the name holds the word, where the word alone reads as another dimension
            beside = [m for m in vocabulary.word_meanings(b.phrase) if m.dimension in named]
            beside = beside or named_prefix(b.phrase, named, vocabulary)
            if len(beside) == 1:  # `prod account`: the account `production`, though `prod` is an env value
                readings = beside
                readings_out.append(f"Read `{b.phrase}` as `{beside[0].spelled}`.")
        meanings = list(readings)
        siblings = _sibling_dimensions(b, bare)
        noted = len(readings_out)
        if len({m.dimension for m in readings}) > 1:
            # A named dimension settles it: `staging account`, `staging env`.
            meanings = [m for m in readings if m.dimension in named]
            if len({m.dimension for m in meanings}) != 1:
                meanings, note = _unnamed_choice(b, readings, siblings)
                readings_out.append(note)
        if b.partial and len(meanings) > 1 and {m.dimension.kind for m in meanings} == {Dimension.USAGE_TYPE}:
            # `ebs`: a word of several usage types names their family (`USE1-EBS:VolumeUsage.gp3`, ...): all of them
            meanings = [_family(b.phrase, meanings)]
            readings_out.append(
                f"Read `{b.phrase}` as the {len(meanings[0].values)} usage types holding it: "
                + ", ".join(f"`{v}`" for v in meanings[0].values[:3])
                + (", ..." if len(meanings[0].values) > 3 else "")
                + "."
            )
        if b.partial and len(meanings) > 1:
            spelled = " or ".join(f"`{m.spelled}`" for m in meanings[:4])
            raise UsageError(f"`{b.phrase}` is part of several names.", hint=f"Say which: {spelled}.")
        if b.partial and len(readings_out) == noted:
            readings_out.append(f"Read `{b.phrase}` as `{meanings[0].spelled}`.")
        bucket = chosen.setdefault((meanings[0].dimension, b.negate), [])
        for m in meanings:
            bucket.extend(v for v in m.values if v not in bucket)
    return chosen, readings_out


def _with_account_start(b: Bare, named: set[DimensionRef], vocabulary: Vocabulary) -> Bare:
    """`b` with the account its word starts the name of (`prod`: the account `production`) as one more reading,
    when the word is otherwise only a tag value and the question names neither that tag key nor accounts: people
    mean the account (every line item has one; a tag covers what was tagged), as with a word that is both an
    account's name and a tag value, and the values beside it settle it the same way (`prod vs dev`: the env tag).
    Blind translators read `prod` alone as the production account 28 times in 29."""
    kinds = {m.dimension for m in b.meanings}
    if b.partial or len(kinds) != 1 or next(iter(kinds)).kind is not Dimension.TAG or named & {*kinds, _ACCOUNT}:
        return b
    accounts = named_prefix(b.phrase, {_ACCOUNT}, vocabulary)
    return Bare(b.phrase, (*b.meanings, accounts[0]), b.negate, b.partial) if len(accounts) == 1 else b


def _sibling_dimensions(b: Bare, bare: Sequence[Bare]) -> set[DimensionRef]:
    """The dimensions the other bare values of the question settle on alone (`dev` in `staging vs dev` is only an
    env value): a word with readings in several dimensions that names values beside them reads as their kin."""
    return {o.meanings[0].dimension for o in bare if o is not b and len({m.dimension for m in o.meanings}) == 1}


def _unnamed_choice(b: Bare, readings: Sequence[Meaning], siblings: set[DimensionRef]) -> tuple[list[Meaning], str]:
    """The reading of `b` when nothing beside it names a dimension, with the note the answer carries.

    A value typed beside values of one dimension reads as theirs (`staging vs dev`: the env tag). Else an
    account name and a tag value read as the account: every line item of the bill has an account, where a tag
    covers only what was tagged, so the account is the whole of what the word names; the note says how to ask
    for the tag. Likewise a word of one service's name and of usage types reads as the service (`storage`).
    Raises `UsageError` naming the word and its readings when none of these settles it.
    """
    kin = [m for m in readings if m.dimension in siblings]
    if len({m.dimension for m in kin}) == 1:
        return kin, f"Read `{b.phrase}` as {kin[0].what}, like the values beside it."
    accounts = [m for m in readings if m.dimension.kind is Dimension.ACCOUNT]
    others = [m for m in readings if m.dimension.kind is not Dimension.ACCOUNT]
    if len(accounts) == 1 and all(m.dimension.kind is Dimension.TAG for m in others):
        alternatives = " or ".join(f"`{m.spelled}`" for m in others)
        return accounts, f"Read `{b.phrase}` as {accounts[0].what}; for the tag say {alternatives}."
    services = [m for m in readings if m.dimension.kind is Dimension.SERVICE]
    parts = [m for m in readings if m.dimension.kind is not Dimension.SERVICE]
    if len(services) == 1 and all(m.dimension.kind is Dimension.USAGE_TYPE for m in parts):
        # `storage costs` on a bill with `CAN1-Catalog-Storage`: the service's name, not a part of usage types
        return services, (
            f"Read `{b.phrase}` as {services[0].what} (the word is also part of {len(parts)} usage type(s), e.g. "
            f"`{parts[0].values[0]}`)."
        )
    options = " or ".join(m.what for m in readings)
    spelled = " or ".join(f"`{m.spelled}`" for m in readings)
    raise UsageError(f"`{b.phrase}` could be {options}.", hint=f"Say which: {spelled}.")


def _family(phrase: str, meanings: Sequence[Meaning]) -> Meaning:
    """One reading holding every value of `meanings` (usage types sharing the word `phrase`)."""
    values = tuple(dict.fromkeys(v for m in meanings for v in m.values))
    ref = meanings[0].dimension
    return Meaning(ref, values, f"usage-type={','.join(values)}", f"the usage types holding `{phrase}`")


def whole_total(
    bare: Sequence[Bare], included: Sequence[Bare], filters: Sequence[Filter]
) -> tuple[list[Bare], list[str]]:
    """Values named after `including` (`october including tax`): a total holds them anyway, so alone in their
    dimension they filter nothing (left out of `bare`, said); beside other values of it (`ec2 including tax`) or
    a filter on it they are kept, and so added. Returns the bare values to settle and the readings."""
    kept, readings = list(bare), []
    for b in included:
        dimensions = {m.dimension for m in b.meanings}
        kin = [o for o in bare if o not in included and not o.negate and dimensions & {m.dimension for m in o.meanings}]
        if len(dimensions) != 1 or kin or any(f.dimension in dimensions and not f.negate for f in filters):
            continue
        kept.remove(b)
        readings.append(f"Read `{b.phrase}` as part of the whole total, not a filter on it.")
    return kept, readings
