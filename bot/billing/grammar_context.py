"""What a question says around what it asks, read before the loop (`grammar_prepass.PrepassReader` inherits these
passes): charges asked about (`does it include tax`, `with and without tax`) or said not to matter (`tax doesn't
matter`), the country a holiday is kept in (`yesterday was a holiday in the US`), what an event happened to (`after
the search reindex deploy`), `the single biggest` and `per day normally`. Each says what it read.
"""

from __future__ import annotations

from itertools import pairwise

from bot.billing.grammar_dates import NUMBER_WORDS
from bot.billing.grammar_holidays import match_holiday
from bot.billing.grammar_time_phrases import TimePhraseReader
from bot.billing.grammar_tokens import Kind, Token
from bot.billing.grammar_unplaced import clause_span
from bot.billing.grammar_words import PERIOD_CHARGE_WORDS
from bot.billing.model import Dimension
from bot.billing.vocabulary import REGION_AREAS

#: Words of a ranking a count may stand beside (`biggest single`, `single most expensive`).
_SUPERLATIVES = frozenset({"most", "biggest", "largest", "priciest", "costliest", "highest", "expensive"})
#: Words between the charges of a list (`tax + credits + the RI/SP fees`).
CHARGE_LIST_WORDS = frozenset({"+", "&", "and", "or", "the", "ri", "sp", "ris", "sps", "ri/sp", "sp/ri", "all"})
#: Words for a day off (`a holiday in the US`, `bank holiday in the UK`).
_HOLIDAY_NOUNS = frozenset({"holiday", "holidays", "vacation", "off"})
#: Words that say what a day was (`yesterday was a holiday in the US`).
_COPULAS = frozenset({"was", "is", "were", "are", "being", "it's", "its"})
#: Words telling of an event that happened to something (`the search reindex deploy`, `checkout was slow`).
_EVENT_WORDS = frozenset(
    {"deploy", "deployed", "deployment", "shipped", "released", "release", "launched", "rollout", "rolled", "reindex"}
    | {"migration", "migrated", "upgrade", "upgraded", "outage", "incident", "slow", "complaining", "broke"}
)
#: What a question may name to cost beside an event's subject: the total, or a value of these dimensions.
_WHOLE_TOTAL = frozenset({"total", "everything", "overall", "all"})
_COSTED = frozenset({Dimension.SERVICE, Dimension.ACCOUNT, Dimension.REGION})
#: Nouns after a product's name that name it whole (`the checkout service`, `search page`).
_PRODUCT_NOUNS = frozenset({"service", "page", "app", "feature", "site", "api", "stack", "cluster"})
#: Words before a value that make it the scope asked (`ec2 for checkout since the deploy`).
_SCOPE_WORDS = frozenset({"for", "in", "of", "on", "by", "from", "tagged", "=", "only", "just"})
#: A total asked both ways (`with and without tax`), and the words one starts with.
_WITH_WORDS = frozenset({"with", "w/", "incl", "including"})
_WITH_AND_WITHOUT = [
    [w, *joiner, wo]
    for w in sorted(_WITH_WORDS)
    for joiner in (["and"], ["or"], [])
    for wo in ("without", "w/o", "excl", "excluding")
]
#: Words of what a cost is as a rule (`per day normally`): its average per day.
_USUALLY = frozenset({"normally", "usually", "typically", "generally"})
#: Words that deny a verb after them (`doesn't matter`, `do not care`).
_NEGATIONS = frozenset({"doesn't", "doesnt", "don't", "dont", "not", "didn't", "didnt"})
_ABOUT = frozenset({"about", "abt", "re", "for", "if"})


def _names_charges(tok: Token) -> bool:
    """Whether `tok` is a word of a list of charges (`tax`, `credits`, `the`, `and`, `RI/SP`)."""
    return tok.lower in PERIOD_CHARGE_WORDS or tok.lower in CHARGE_LIST_WORDS


class ContextPhraseReader(TimePhraseReader):
    """The passes of the prepass that read what a question says around what it asks."""

    def what_the_total_holds(self, joined: list[Token], start: int, end: int, position: int) -> None:
        """The words `joined[start:end]` ask whether charges are in the total (`does it include tax`, `are credits
        netted out`): read as the split by charge class (at `position`), which shows each, and said."""
        typed = " ".join(t.text for t in joined[start:end])
        self.out.readings.append(f"Read `{typed}` as asking what the total holds: the split by charge class.")
        joined[start:end] = [Token(Kind.WORD, w, position) for w in ("by", "charge-class")]

    def _where_a_holiday_is_kept(self, joined: list[Token]) -> None:
        """`yesterday was a holiday in the US`, `yesterday was thanksgiving in the US`: the country after a day said to
        be a holiday says where it is kept, no filter on its regions; said."""
        if not _COPULAS & {t.lower for t in joined}:
            return
        for j in range(1, len(joined) - 1):
            if joined[j].lower != "in":
                continue
            k = j + 1 + (joined[j + 1].lower == "the")
            if k >= len(joined) or joined[k].lower not in REGION_AREAS or self.vocabulary.meanings(joined[k].text):
                continue
            starts = [s for s in range(max(0, j - 3), j) if self._holiday_ends_at(joined, s, j)]
            said = starts and any(t.lower in _COPULAS for t in joined[max(0, starts[0] - 3) : starts[0]])
            if said:  # `yesterday was a holiday in the US` (`black friday in europe`: the spend there)
                typed = " ".join(t.text for t in joined[j : k + 1])
                self.out.readings.append(f"Read `{typed}` as where the holiday is kept, not a filter.")
                del joined[j : k + 1]
                return

    def _subject_of_an_event(self, joined: list[Token]) -> None:
        """`did glue go up after the search reindex deploy on wed 18th?`, `customer says checkout was super slow
        yesterday - did cloudfront spend spike?`: a tag value beside a word telling of an event (a deploy, a launch,
        an outage, slowness) in its clause is what the event happened to, no filter, when the question names what
        to cost besides (a service, an account, a region, or the total); `ec2 for checkout since the deploy` keeps
        its filter (`for`); said."""
        words = [t.lower for t in joined]
        if not _EVENT_WORDS & set(words):
            return
        meanings = [self.vocabulary.meanings(t.text) for t in joined]
        costed = any(
            w in _WHOLE_TOTAL or any(m.dimension.kind in _COSTED for m in named)
            for w, named in zip(words, meanings, strict=True)
        )
        for j, tok in enumerate(joined):
            if not costed or tok.kind is not Kind.WORD or (j and words[j - 1] in _SCOPE_WORDS):
                continue
            # a tag value only (`staging` is an account too)
            if not meanings[j] or any(m.dimension.kind is not Dimension.TAG for m in meanings[j]):
                continue
            start, end = clause_span(self.text, tok.position, commas=True)
            near = [t for t in joined[max(0, j - 4) : j + 4] if start <= t.position < end]
            if any(t.lower in _EVENT_WORDS for t in near):
                self.out.readings.append(f"Read `{tok.text}` as what the event happened to, not a filter.")
                noun = j + 1 < len(joined) and words[j + 1] in _PRODUCT_NOUNS  # `the new checkout service`
                del joined[j : j + 1 + noun]
                return

    def _holiday_ends_at(self, joined: list[Token], start: int, end: int) -> bool:
        """Whether `joined[start:end]` is a holiday (`a holiday`, `thanksgiving`, `black friday`)."""
        if end - start == 1 and joined[start].lower in _HOLIDAY_NOUNS:
            return True
        found = match_holiday(joined, start, self.today)
        return found is not None and start + found[1] == end

    def _usual_rate(self, joined: list[Token]) -> None:
        """`what does aws cost us per day normally?`, `usually spend a day`: the average per day, said."""
        words = [t.lower for t in joined]
        per_day = "daily" in words or any(w in ("per", "a", "each") and nxt == "day" for w, nxt in pairwise(words))
        for j, tok in enumerate(joined):
            if tok.lower in _USUALLY and per_day:
                self.out.readings.append(f"Read `{tok.text}` as the average per day.")
                joined[j] = Token(Kind.WORD, "average", tok.position)
                return

    def _single_at_the_top(self, joined: list[Token]) -> None:
        """`biggest single line item`, `the single most expensive resource`: the one at the top (`top 1`), unless a
        count is named or several asked (`the 20 biggest single resources`, `what are the single biggest things`)."""
        words = [t.lower for t in joined]
        for j, w in enumerate(words):
            if w != "single":
                continue
            beside = {words[k] for k in (j - 1, j + 1) if 0 <= k < len(words)}
            before = words[max(0, j - 3) : j]  # `the 20 biggest single ...`, `what are the single biggest things`
            counted = any(b.isdecimal() or b in NUMBER_WORDS or b in ("are", "were") for b in before)
            if beside & _SUPERLATIVES and not counted:
                joined[j] = Token(Kind.WORD, "1", joined[j].position)
                return

    def _with_and_without(self, joined: list[Token]) -> None:
        """`last month with and without tax`, `ytd w/ and w/o credits`, `with/without tax`: the total both ways, which
        the split by charge class shows (each charge on its line), said."""
        words = [t.lower for t in joined]
        if not _WITH_WORDS & set(words):
            return
        for j in range(len(joined)):
            both = next((p for p in _WITH_AND_WITHOUT if words[j : j + len(p)] == p), None)
            if both is None:
                continue
            end = j + len(both)
            while end < len(joined) and _names_charges(joined[end]):
                end += 1
            if any(w in PERIOD_CHARGE_WORDS for w in words[j + len(both) : end]):
                self.what_the_total_holds(joined, j, end, joined[j].position)
            return

    def _without_indifference(self, joined: list[Token]) -> None:
        """Charges the person says either way is fine for (`tax doesn't matter`, `don't care about credits`): no
        filter on them, the whole total, said."""
        for j, tok in enumerate(joined):
            negated = j > 0 and joined[j - 1].lower in _NEGATIONS
            if tok.lower == "matter" and negated:
                start, end = j - 1 - (joined[j - 1].lower == "not" and j > 1), j + 1
                while start > 0 and _names_charges(joined[start - 1]):
                    start -= 1
            elif tok.lower == "care" and negated and j + 1 < len(joined) and joined[j + 1].lower in _ABOUT:
                start, end = j - 1, j + 2
                while end < len(joined) and _names_charges(joined[end]):
                    end += 1
            else:
                continue
            if any(t.lower in PERIOD_CHARGE_WORDS for t in joined[start:end]):
                typed = " ".join(t.text for t in joined[start:end])
                self.out.readings.append(f"Read `{typed}` as no filter on them: the whole total.")
                del joined[start:end]
            return
