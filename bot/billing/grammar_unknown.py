"""A word nothing else in the question reads (`grammar._Parser.unplaced`): what it may be and what the answer does.

An amount or a time of day is noted; what the bill does not hold (an invoice, a person, a cost per order) is answered
as near as it allows, and said; a service or region the bill has none of is refused by name; a short form or a typo
of a stored name is read as it; a person's name around the question, or a word in an aside of its own, is read
past; a word that cannot change the answer is left out and said (`grammar_unplaced` holds the rules of form and
place); anything else is an unknown word, named with what would be right (`unknown_word`).
"""

from __future__ import annotations

import re
from contextlib import suppress

from bot.billing.grammar_bare import (
    Bare,
    shortened_value,
)
from bot.billing.grammar_keywords import (
    DIMENSION_WORDS,
    FILTER_KEYS,
    fold,
)
from bot.billing.grammar_prepass import (
    KEYWORDS,
    KNOWN_WORDS,
    TYPO_SET,
    TYPO_TARGET_SET,
    TYPO_TARGETS,
    PrepassReader,
)
from bot.billing.grammar_time import SPAN_UNITS, TIME_WORDS, last_is_the_adjective
from bot.billing.grammar_tokens import Kind, Token
from bot.billing.grammar_typos import english_words, near_anything, typo_candidates, unique_correction
from bot.billing.grammar_unplaced import (
    COST_NOUNS,
    EVENT_WORDS,
    NOT_HELD,
    PAPERWORK,
    PERSON,
    SERVICE_WORDS,
    UNIT_COST,
    UNIT_WORDS,
    ignorable,
    ignored_note,
    in_aside,
    names_person,
    provider_note,
    refusal_for,
    refused_ignoring,
    sentence_start,
    speaker_label,
)
from bot.billing.grammar_words import (
    AHEAD_SPANS,
    AHEAD_WORDS,
    AMOUNT,
    CHAT_WORDS,
    CLOCK,
    CLOSE_EVENTS,
    EVENT_SPANS,
    FILLERS,
    RESOURCE_NOUNS,
    USAGE_UNITS,
    ZONE_WORDS,
)
from bot.billing.model import (
    DimensionRef,
    Question,
)
from bot.billing.vocabulary import REGION_PLACES, suggest
from bot.errors import UnknownWord, UsageError, UserFacingError

GENERIC_EXAMPLE = "Example: `last month by service region=us-east-1 top 5`."
#: Words before a noun that ask for a cost per one of it (`per order`, `each engineer`).
_PER_WORDS = ("per", "each", "every", "by")
#: Seasons, whose days a question may give beside them (`the summer sale (jul 6-19)`).
_SEASONS = frozenset({"summer", "winter", "spring", "autumn", "festive", "holiday", "holidays", "season", "seasonal"})
#: A capitalised name in the possessive (`Jenna's`).
_POSSESSIVE = re.compile(r"^[A-Z][a-z]+['’]s$")
#: What a message or a document is, after a person's name (`Marta's thread`, `Dana's deck`): context of a question.
_MESSAGE_NOUNS = frozenset(
    {"thread", "email", "mail", "message", "msg", "question", "request", "ask", "note", "post", "ticket", "comment"}
    | {"dm", "slack", "ping", "reply", "deck", "slides", "doc", "memo", "report", "spreadsheet", "sheet"}
)
#: Occasions a name's possessive may own (`Brightline's vendor review`, `Northwind's launch`): no one's resources.
_OCCASIONS = CLOSE_EVENTS | EVENT_WORDS | {"launch", "launches", "rollout", "campaign", "sale", "go-live", "event"}
#: Words before and after a person's name around a question (`from Jen`, `what Dana asked`, `Jen below`).
_PASSED_FROM = frozenset({"from", "what", "cc", "ask", "tell", "via", "thanks", "thx", "ping", "per", "like"})
_PASSED_ON = frozenset(
    {"asked", "asks", "said", "says", "wants", "wanted", "below", "mentioned", "needs", "wrote", "writes", "here"}
)
#: Words that only narrow the words after them (`not sure if`).
_NEGATIONS = frozenset({"not", "no", "never"})
#: A percentage typed as a threshold (`more than 10%`).
_PERCENT = re.compile(r"^[+-]?\d+(?:\.\d+)?%$")
#: Units a number may count (`3 days`, `2 weeks`, `5 minutes`, `50 bucks`): a number before one is a span or an
#: amount, never a count of things.
_UNIT_WORDS = SPAN_UNITS | {"am", "pm", "mins", "minutes", "times", "percent", "k", "grand", "dollars", "bucks", "usd"}
#: Words before a number that hold a cost against it (`cost > 100`, `more than 50`): a condition, never a count.
_THRESHOLDS = frozenset({">", "<", ">=", "<=", "=", "than", "over", "above", "under", "below", "exceeds", "exceed"})
#: Prefixes people join to an English word with a hyphen (`pre-read`, `co-worker`; `non-prod` names a value).
_PREFIXES = frozenset({"pre", "post", "re", "co", "sub", "mid", "multi", "semi", "self", "ex"})
#: Times of day, and the words before one that tell when a thing is done rather than which days are asked
#: (`switched off overnight`, `turning stuff off at night`).
_TIMES_OF_DAY = frozenset({"overnight", "night", "nights", "nightly", "evenings", "weekends"})
_WHEN_DONE = frozenset({"off", "down", "at", "every", "each", "during", "over"})
#: Prepositions whose object is what a cost is of (`spend for marketing`, `costs in frontend`).
_VALUE_PREPOSITIONS = frozenset({"for", "on", "in", "of", "from", "across", "within", "at", "to"})
#: Words before `to` that make the word after it a verb (`I need to send`, `would like to confirm`, `how to tell`):
#: an infinitive, no value (`charged to marketing`).
_BEFORE_INFINITIVE = frozenset(
    {"need", "needs", "needed", "want", "wants", "wanted", "like", "love", "have", "has", "had", "got", "going"}
    | {"try", "trying", "tried", "able", "supposed", "meant", "hope", "hoping", "plan", "planning", "asked"}
    | {"told", "how", "way", "time", "easy", "hard", "wish", "wishes", "forgot", "remember", "used", "allowed"}
)


class UnknownWordReader(PrepassReader):
    """What the parser does with a word nothing else reads; `grammar._Parser` reads with it."""

    def nothing_reads(self, word: str) -> bool:
        """Whether `word` is no word of the grammar, no stored value or part of one, and no tag key."""
        return not (
            word in KNOWN_WORDS
            or self.vocabulary.meanings(word)
            or self.vocabulary.word_meanings(word)
            or self.tag_key_word(word) is not None
        )

    def unplaced(self, tok: Token) -> None:
        """A word nothing else reads: an amount or a time of day is noted for `finish`; what the bill does not hold
        (an invoice, a person, a cost per order) is answered as near as it allows, and said; a service or region
        the bill has none of is refused by name; another cloud is said to be missing; a short form of a stored
        name (`prd`, `dl`) is read as it; a typo of one word or value is read as it
        (`grammar_typos.unique_correction`); a word that cannot change the answer is left out and said so
        (`grammar_unplaced`); anything else is an unknown word."""
        if tok.lower in ("past", "beyond") and AMOUNT.match(self.word(1) or ""):
            self.i += 1  # `blow past 100k`: the amount says what
            return
        if tok.lower in ("last", "final") and last_is_the_adjective(self.word(1)):
            self.i += 1  # `last item: credits + tax so far`: the adjective (no time range: `grammar_time`)
            return
        if tok.lower in AHEAD_WORDS and self.word(1) in AHEAD_SPANS and self.out.ahead is None:
            said = f"{tok.text} {self.tokens[self.i + 1].text}"  # `how much will we spend next month`: none passed
            self.out.ahead = UsageError(
                f"`{said}` is still ahead: the bill holds only days that have passed.",
                hint="`forecast` says where this month lands at its pace; `last month` is the latest whole month.",
            )
            self.out.ahead_words = said
            self.i += 2
            return
        before = self.tokens[self.i - 1] if self.i > 0 else None
        if (
            tok.lower in EVENT_SPANS
            and before is not None
            and before.lower.isalpha()
            and self.nothing_reads(before.lower)
        ):
            self.out.event = f"{before.text} {tok.text}"  # `launch week (Nov 16-22)`: named by its days (`finish`)
            self.i += 1
            return
        nxt = self.word(1) or ""
        counted = nxt.isalpha() and nxt in english_words() and not self.vocabulary.meanings(nxt)
        counted = counted and nxt not in RESOURCE_NOUNS and nxt not in TIME_WORDS and nxt not in _UNIT_WORDS
        counted = counted and len(nxt) > 3 and tok.lower != "0"  # (a noun after it: `0 for octobre` counts nothing)
        counted = counted and (self.word(-1) or "") not in _THRESHOLDS  # (`where cost > 100 group by`: a condition)
        if tok.lower.isdecimal() and len(tok.lower) <= 2 and counted and self.dimension_at(1) is None:
            self.i += 1  # `we ran 3 email blasts`: a count of things, no date (`Section 3`: `grammar_prepass`)
            return
        if _PERCENT.match(tok.lower):  # `flag anything that moved more than 10%`: the changes are shown anyway
            self.out.readings.append(f"Read `{tok.text}` as a threshold to hold the changes shown against.")
            self.i += 1
            return
        unit = self.word(1) in _UNIT_WORDS - {"k", "grand", "dollars", "bucks", "usd"}  # (`over 30 days`: a span)
        if tok.lower.isdecimal() and len(tok.lower) > 1 and self.word(-1) in _THRESHOLDS - {"="} and not unit:
            # `services that cost more than 500`, `where cost > 100`: an amount without its currency sign
            self.out.amount = tok.text
            self.i += 1
            return
        if AMOUNT.match(tok.lower) and self.out.amount and self.word(-1) in ("to", "->", "→", "into"):
            # `went from $40 to $310`: a change seen between two figures, no threshold; every answer states it
            self.out.readings.append(
                f"Read `{self.out.amount}` to `{tok.text}` as the change seen, which the answer states."
            )
            self.out.amount = ""
            self.i += 1
            return
        counts = NOT_HELD.get(self.word(1) or "") is UNIT_COST and not any(c in tok.text for c in "$€£")
        if AMOUNT.match(tok.lower) and counts:  # `~38k orders so far today`: a count of them, no money
            self.out.readings.append(f"Read `{tok.text} {self.tokens[self.i + 1].text}` as a count, not money.")
            self.i += 1
            return
        if AMOUNT.match(tok.lower):  # `will we go over 50k`: a figure to hold the total (or its forecast) against
            self.out.amount = tok.text
            self.out.after_versus = False  # `where does Q4 land vs the 1.1m plan`: held against it, no period
            self.i += 1
            return
        if CLOCK.match(tok.lower) and self.word(-1) in ("my", "our", "your"):
            # `a clean number for my 2pm`: a meeting at that hour, no hour asked
            self.out.readings.append(f"Read `{self.tokens[self.i - 1].text} {tok.text}` as a meeting, no hour asked.")
            self.i += 1
            return
        if CLOCK.match(tok.lower):  # `around 3pm today`: costs are kept by the hour, so that day hour by hour
            self.out.clock = self.typed.get(tok.position, tok.text)  # `noon` as typed, read as `12pm`
            self.i += 1
            return
        held = NOT_HELD.get(tok.lower.strip("'’"))
        counted = (self.word(-1) or "").isdecimal()  # `each of my 6 engineers`: a count of them
        if held is UNIT_COST and tok.lower not in UNIT_WORDS and not counted and self.word(-1) not in _PER_WORDS:
            self.i += 1  # `customer says slow`: a customer, not a cost per customer
            return
        typed = self.typed.get(tok.position, tok.text)
        key = self.tag_key_word(self.word(1) or "") if self.word(1) else None
        if held is None and key is not None and _POSSESSIVE.match(typed):
            # `Jenna's team`: the bill does not say which is hers; by that tag, where it shows among the others
            self.out.named.append(DimensionRef.tag(key))
            self.out.readings.append(
                f"`{typed}`: the bill does not say which {self.tokens[self.i + 1].text} is whose; answered by "
                f"{self.vocabulary.tag_label(key)}."
            )
            self.i += 2
            return
        if held is None and _POSSESSIVE.match(typed) and {self.word(k) for k in (1, 2, 3)} & _OCCASIONS:
            # `Brightline's vendor review wants ...`, `Northwind's black friday launch went live`: whose occasion it
            # is (the occasion is read on its own)
            self.out.readings.append(f"Read `{typed}` as context: no person's resources are asked.")
            self.i += 1
            return
        if held is None and _POSSESSIVE.match(typed) and self.word(1) in _MESSAGE_NOUNS:
            # `quick one from Marta's thread`: where the question comes from, no one's resources
            said = f"{typed} {self.tokens[self.i + 1].text}"
            self.out.readings.append(f"Read `{said}` as context: no person's resources are asked.")
            self.i += 2
            return
        if held is None and names_person(typed, self.vocabulary):
            held, tok = PERSON, Token(tok.kind, typed, tok.position)  # `John's instances`: who created what
        if held is not None:  # `invoice`, `who owns`, `per order`: as near as the bill allows, and said
            if held not in self.out.not_held:  # `invoice pdf`: said once
                self.out.readings.append(held.note(tok.text))
                self.out.not_held.append(held)
            self.i += 1
            if self.word(0) == "by" and self.vocabulary.meanings(self.word(1) or ""):
                self.i += 1  # `owned by web`: the value is read on its own, a filter
            elif self.word(0) == "by" and self.dimension_at(1) is None:  # `covered by commitments`, `owned by`
                self.i += 2
            return
        elsewhere = (k for k in range(len(self.tokens)) if k != self.i)
        if (tok.lower in EVENT_WORDS or tok.lower in _SEASONS) and any(self.time_at(self.tokens, k) for k in elsewhere):
            # `the api cost "last sprint" - i think that's the 2 weeks ending last friday`, `the summer sale (jul
            # 6-19)`: the days given are its days
            self.out.event = self.out.event or tok.text
            self.i += 1
            return
        # `we had alerts overnight`, beside the day asked: when a thing happened, no days of its own
        dated = tok.lower == "overnight" and any(
            self.time_at(self.tokens, k) for k in range(len(self.tokens)) if k != self.i
        )
        if tok.lower in _TIMES_OF_DAY and (self.word(-1) in _WHEN_DONE or dated):
            self.out.ignored.append(tok)  # `dev that could be switched off overnight`: when a thing is done, no days
            self.i += 1
            return
        refusal = refusal_for(tok, self.vocabulary)
        typed_as = self.typed.get(tok.position)
        if refusal is not None and typed_as is not None:  # `api gateway`, read as one name: named as typed
            refusal = UsageError(refusal.message.replace(f"`{tok.text}`", f"`{typed_as}`"), hint=refusal.hint)
        if refusal is not None and self.out.including and tok.lower in SERVICE_WORDS:
            # `october including tax and support`: the total holds whatever the bill has; it has no support
            self.out.readings.append(f"The bill holds no `{tok.text}` charges: the total is without them.")
            self.i += 1
            return
        if refusal is not None:
            raise refusal
        note = provider_note(tok.text, self.vocabulary)
        if note is not None:  # `how does our AWS bill compare to azure`: the AWS answer, and why no Azure
            self.out.readings.append(note)
            self.i += 1
            return
        if self.names_someone(tok):  # `forwarding from Jen below`, `+1 to what Dana asked`, `spiking Ron??`
            self.out.readings.append(f"Read `{tok.text}` as someone's name, no part of the question.")
            self.i += 1
            return
        shortened = shortened_value(tok.text, self.vocabulary)
        if shortened:  # `prd`, `stg`, `dl acct`: the consonants or initials of stored names
            self.out.bare.append(Bare(tok.text, tuple(shortened), self.out.excluding, partial=True))
            self.i += 1
            return
        if tok.position in self.typed:  # a correction or short form that led nowhere: named as typed
            raise self.unknown_word(tok)
        if tok.lower in PAPERWORK:  # `for chargeback`: what the answer is for, left out and said (no typo)
            self.out.ignored.append(tok)
            self.i += 1
            return
        dropped_g = f"{tok.lower}g"
        if tok.lower.endswith("in") and tok.lower not in english_words() and dropped_g in english_words():
            self.tokens[self.i] = Token(Kind.WORD, dropped_g, tok.position)  # `goin`, `spendin`: chat's `-in'`
            self.typed[tok.position] = tok.text
            return
        word = tok.text.removesuffix(":")
        spelling, near = unique_correction(
            word,
            TYPO_SET if len(word) > 3 else TYPO_TARGET_SET,  # `own` is no typo of `owns`'s refusal
            self.vocabulary.names_within,
        )
        if spelling is not None:  # `cloudfornt`: read again as the one word or value it is a typo of
            region = self.vocabulary.region_of_short_form(spelling) if spelling in REGION_PLACES else None
            self.tokens[self.i] = Token(Kind.WORD, region or spelling, tok.position)
            self.typed[tok.position] = tok.text
            said = f"`{spelling}`, the region `{region}`" if region else f"`{spelling}`"  # `sydeny`
            self.out.readings.append(f"Read `{tok.text}` as {said}.")
            return
        if near:  # a typo of one of several: the message names them
            raise self.unknown_word(tok)
        aside = in_aside(self.tokens, tok, self.text, self.is_content)
        slot = not aside and self.value_slot() and not speaker_label(tok, self.text)
        if not slot and (
            ignorable(self.tokens, self.i, self.text, excluding=self.out.excluding) or self.english_compound(tok)
        ):
            self.out.ignored.append(tok)
            if aside:
                self.out.aside.add(tok.position)
            self.i += 1
            return
        raise self.unknown_word(tok)

    def names_someone(self, tok: Token) -> bool:
        """Whether `tok` is a person's name around the question: a capitalised word nothing else reads, mid-sentence,
        after a word that passes a question on (`from Jen`, `what Dana asked`) or before one (`Dana asked`, `Jen
        below`), or called to before a question mark (`spiking Ron??`)."""
        text = tok.text
        if not (len(text) > 2 and text.isalpha() and text[0].isupper() and text[1:].islower()):
            return False
        before, after = self.word(-1), self.word(1)
        end = tok.position + len(text)
        called = self.text[end : end + 1] in ("?", "!")
        asking = after == "is" and self.word(2) in ("asking", "wondering", "asked")  # `Sarah is asking`
        if sentence_start(self.text, tok.position):  # (names are among the English words people type: `Dana`)
            return after in _PASSED_ON or asking  # `Daniel asks "..."`; `Frontend costs` is no name
        return before in _PASSED_FROM or after in _PASSED_ON or called or asking

    def is_content(self, tok: Token) -> bool:
        """Whether `tok` is a word the question is made of: a stored value, a tag key, a number or a grammar word
        that is no filler or chat (`in_aside`)."""
        if tok.kind is Kind.QUOTED:
            return True
        if tok.kind is not Kind.WORD or tok.lower in FILLERS or tok.lower in CHAT_WORDS or tok.lower in _NEGATIONS:
            return False  # `not sure if ...`: a negation alone narrows nothing
        digits = any(c.isdigit() for c in tok.text)
        return self.grammar_reads(tok.text) or self.tag_key_word(tok.text) is not None or digits

    def english_compound(self, tok: Token) -> bool:
        """`one-line`, `under-covered`, `follow-up`, `roles/users`: a lower-case word of English words joined by
        hyphens or slashes, none of them a stored value or an AWS service, names nothing the bill holds
        (`data-lake`, `search-as-you-type` are values or hold one: never left out)."""
        parts = re.split(r"[-/_]", tok.text)
        return (
            len(parts) > 1
            and tok.text.islower()
            and not self.out.excluding
            and all((p in english_words() or p in _PREFIXES) and not self.vocabulary.meanings(p) for p in parts)
            and all(NOT_HELD.get(p) in (None, UNIT_COST) for p in parts)  # `roles/users`: no cost per user asked
            and not any(p in SERVICE_WORDS for p in parts)  # `storage/backup`: AWS Backup is a service
            and not any(fold(p) in DIMENSION_WORDS for p in parts)  # `cross-region` says what transfer
            and not any(self.vocabulary.word_meanings(p) for p in parts)
        )

    def value_slot(self) -> bool:
        """Whether the word at the cursor stands where a value would: right before a cost noun or a dimension
        (`frontend costs`, `frontend team`), right after a dimension (`team frontend`) or a preposition (`spend
        for marketing`; `for the board deck` has an article between); never right after a stored value (`the
        search feature costs`: the noun says what the value is)."""
        before = self.tokens[self.i - 1] if self.i > 0 else None
        w = self.tokens[self.i].lower
        if len(w) > 4 and w.endswith("ly") and w in english_words():
            return False  # `what did we actually spend`: an English adverb names nothing
        if before is not None and before.kind is Kind.WORD and self.vocabulary.meanings(before.text):
            return False  # `the search feature`, `checkout flow`: a noun after a value says what the value is
        if before is not None and names_person(self.typed.get(before.position, before.text), self.vocabulary):
            return False  # `Priya's experiments`: what of the person's
        if self.word(-1) == "to" and self.word(-2) in _BEFORE_INFINITIVE:
            return False  # `I need to send it`: a verb
        if self.word(1) in COST_NOUNS or self.word(-1) in _VALUE_PREPOSITIONS:
            return True
        with suppress(UserFacingError):  # `tag foo`: a tag key that does not exist names nothing here
            return any(
                found is not None and isinstance(found[0], DimensionRef)
                for found in (self.dimension_at(1), self.dimension_at(-1) if self.i > 0 else None)
            )
        return False

    def check_ignored(self) -> None:
        """Words left out of the question (`grammar_unplaced`) are said in the answer when the rest of it stands
        on its own (`grammar_unplaced.refused_ignoring`): a time range alone does not (`frontend last month`:
        the word may be the very thing asked about, a value the asker cannot see included)."""
        out = self.out
        asks = (
            out.filters
            or out.group_by
            or out.named
            or out.question is not Question.COST
            or out.granularity is not None
            or out.top is not None
            or out.basis is not None
            or out.resource_nouns
            or out.not_held
        )
        in_question = [t for t in out.ignored if t.position not in out.aside]  # an aside's words are context
        refused = refused_ignoring(self.tokens, in_question, asks=bool(asks))
        if refused is not None:
            raise self.unknown_word(refused)
        for tok in out.ignored:  # within typo distance of any stored value (an id included): a typo of it
            word = tok.text.removesuffix(":")
            # `normally` is an English word, no `monthly`; `weeks`, `months` are the grammar's own, not left out
            english = word.casefold() in english_words() and word.casefold() not in TYPO_TARGET_SET
            keywords = () if english else TYPO_TARGETS
            if near_anything(word, keywords, self.vocabulary.value_near):
                raise self.unknown_word(tok)
        out.readings.append(ignored_note(out.ignored))

    def unknown_word(self, tok: Token) -> UsageError:
        if tok.lower in ZONE_WORDS:
            return UsageError(
                f"`{tok.text}`: costs are kept by region, not by availability zone.",
                hint="Did you mean `by region`, or a region such as `region=us-east-1`?",
            )
        if tok.lower in USAGE_UNITS:
            return UsageError(
                f"`{tok.text}`: I answer costs, not usage amounts.",
                hint="Ask what that usage cost, e.g. `service=s3 by usage-type last month`.",
            )
        if tok.position in self.typed:  # a typo correction that led nowhere: name the word as typed
            tok = Token(tok.kind, self.typed[tok.position], tok.position)
        typos = [] if tok.lower in TYPO_TARGETS else typo_candidates(tok.lower, TYPO_TARGETS, None)
        dims = ["by service", "by account", "by region", "by usage-type", "by operation", "by resource"]
        close = typos or suggest(tok.text, [*KEYWORDS, *dims, *FILTER_KEYS[:-1]])
        if tok.lower in english_words():
            close = []  # `match` is a word, not a misspelt `march`: only stored values are offered for it
        values = self.vocabulary.suggest_values(tok.text)
        seen: dict[tuple[DimensionRef, tuple[str, ...]], str] = {}
        for v in values:
            for m in self.vocabulary.meanings(v):
                seen.setdefault((m.dimension, m.values), m.spelled)
        named = set(self.out.named)
        with suppress(UserFacingError):
            after = self.dimension_at(1) if self.i < len(self.tokens) and self.tokens[self.i] == tok else None
            if after is not None and isinstance(after[0], DimensionRef):
                named.add(after[0])
        if any(ref in named for ref, _ in seen):  # `stagging account`: the account's value, not the env's
            seen = {k: v for k, v in seen.items() if k[0] in named}
            close = []
        spelled = list(seen.values())[:3]
        choices = list(dict.fromkeys([*spelled, *close]))[:4]
        hint = ("Did you mean " + " or ".join(f"`{c}`" for c in choices) + "? " if choices else "") + GENERIC_EXAMPLE
        creator = "aws:createdBy" in self.vocabulary.tag_keys
        if creator and tok.text[:1].isupper() and not tok.text.isupper() and not seen and tok.position > 0:
            # `Priya's experiments`: a name the bill cannot hold; who created what is AWS's creator tag
            hint = hint.replace(
                GENERIC_EXAMPLE, f"If `{tok.text}` is a person: `by tag:aws:createdBy` shows who created what."
            )
        return UnknownWord(f"I don't understand `{tok.text}`.", hint, word=tok.text, position=tok.position)
