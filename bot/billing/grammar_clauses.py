"""The clauses of a query beyond its time and question: filters (`service=ec2`), `by` dimensions and `top N`.

A `ClauseReader` reads them at the cursor, resolving each value against the store's vocabulary (`NotFound` with
"did you mean" for a value it does not hold), and names the dimensions people type (`by team` for `by tag:team`,
`usage type`, `instance type`). Commitment words (`reserved instances`, `savings plans`) are read here too, as the
charge-class filter of the commitment fees.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress

from bot.billing.charges import FEE_CLASSES
from bot.billing.grammar_bare import Bare, named_prefix
from bot.billing.grammar_builder import MAX_TOP, ref_text
from bot.billing.grammar_cursor import Cursor
from bot.billing.grammar_dates import NUMBER_WORDS
from bot.billing.grammar_keywords import (
    BASIS_WORDS,
    DIMENSION_WORDS,
    FILTER_KEYS,
    GRANULARITY_UNITS,
    GRANULARITY_WORDS,
    TOP_N,
    TWO_WORD_DIMENSIONS,
    fold,
)
from bot.billing.grammar_time import TIME_STARTERS, TIME_WORDS, match_time_range, parse_time_range
from bot.billing.grammar_tokens import Kind, Token
from bot.billing.grammar_typos import english_words
from bot.billing.grammar_words import (
    CHAT_WORDS,
    COMMITMENT_PHRASES,
    COVERAGE_WORDS,
    EXCLUDING,
    FILLERS,
    PERSON_NOUNS,
    RESOURCE_NOUNS,
)
from bot.billing.model import Dimension, DimensionRef, Filter, Granularity
from bot.billing.vocabulary import EMPTY_WORDS, UNTAGGED_WORDS, Meaning, suggest
from bot.errors import UsageError, UserFacingError

#: The example a hint shows for a filter or option key (folded) typed with `=` and no value.
_VALUE_EXAMPLES = {
    "service": "service=ec2,s3",
    "account": "account=123456789012",
    "region": "region=us-east-1",
    "usagetype": "usage-type=USE1-BoxUsage:m5.large",
    "operation": "operation=RunInstances",
    "resource": "resource=i-0abc123",
    "chargetype": "charge-type=Tax",
    "currency": "currency=EUR",
    "provider": "provider=azure",
    "chargeclass": "charge-class=usage",
    "basis": "basis=amortized",
    "top": "top=5",
}
#: What commitment words (`grammar_words.COMMITMENT_PHRASES`) filter on: the charge classes of commitment fees.
_FEES = tuple(c.value for c in FEE_CLASSES)
_COMMITMENT_MEANING = Meaning(
    DimensionRef(Dimension.CHARGE_CLASS), _FEES, f"charge-class={','.join(_FEES)}", "the commitment fees"
)
_CREDIT_MEANING = Meaning(DimensionRef(Dimension.CHARGE_CLASS), ("credit",), "charge-class=credit", "the credits")
#: Phrases saying how credits count, longest first, each with whether it asks for the total net of them.
_CREDIT_PHRASES: tuple[tuple[tuple[str, ...], bool], ...] = tuple(
    (tuple(phrase.split()), net)
    for phrase, net in (
        ("with credits applied", True),
        ("net of credits", True),
        ("net of credit", True),
        ("gross of credits", False),
        ("after credits", True),
        ("after credit", True),
        ("including credits", True),
        ("incl credits", True),
        ("credits included", True),
        ("before credits", False),
        ("before credit", False),
        ("without credits", False),
    )
)
#: Words between an excluding word and the filter it leaves out (`skip anything tagged env=dev`).
_LEFT_OUT_BETWEEN = frozenset({"anything", "everything", "all", "the", "stuff", "things", "tagged", "tag", "with"})
#: The long and short names of common tag keys: `environment` names a key `env`, and the other way round.
_TAG_KEY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "environment": ("env",),
    "env": ("environment",),
    "application": ("app",),
    "app": ("application",),
    "squad": ("team",),
    "tribe": ("team",),
    "department": ("team",),
    "dept": ("team",),
    # `cost center`: a key so named (`CostCenter`, `cost-center`), else the team, as a department is
    "costcenter": ("cost-center", "cost_center", "costcentre", "team"),
    "costcentre": ("costcenter", "cost-center", "cost_center", "team"),
}
#: Of those, the words that name another thing than the key they stand in for (a department is not a team): said.
_STAND_INS = frozenset({"squad", "tribe", "department", "dept", "costcenter", "costcentre"})
#: `by cost`, `by spend`: the order every breakdown has anyway.
_COST_WORDS = frozenset({"cost", "costs", "spend", "amount", "price"})


#: Filter keys that name the time range (`month = '2026-09'`, `usage_date=2026-11-03`).
_DATE_KEYS = frozenset(
    {"month", "date", "day", "period", "billingperiod", "usagedate", "chargeperiodstart", "week", "quarter", "year"}
)
#: Keys of the time step (`granularity=daily`, `gran=daily`, `step=week`).
_STEP_KEYS = frozenset({"granularity", "gran", "per", "step"})
#: The names `ClauseReader.assignment` reads with `=` itself (`top=5`, `basis=net`, `granularity=daily`,
#: `month=2026-09`): a command line's other parameters are `PrepassReader.read_parameters`'.
ASSIGNED_KEYS = frozenset({"basis", "cost", "top", *_STEP_KEYS, *_DATE_KEYS})


class ClauseReader(Cursor):
    """Reads filters, `by` lists and `top`; `grammar._Parser` calls these from its loop."""

    # ------------------------------------------------------------------------------ dimensions

    def dimension_at(self, offset: int = 0) -> tuple[DimensionRef | Granularity, int] | None:
        """A dimension (or `day`/`week`/... as a time step) named at `offset`, with the tokens it uses."""
        w = self.word(offset)
        if w is None:
            return None
        nxt = self.word(offset + 1)
        if nxt is not None and (w, nxt) in TWO_WORD_DIMENSIONS:
            return DimensionRef(DIMENSION_WORDS[fold(w + nxt)]), 2
        if w.startswith("tag:"):
            return DimensionRef.tag(self.vocabulary.resolve_tag_key(self.tokens[self.i + offset].text)), 1
        if w in ("tag", "tags") and nxt is not None and self.kind(offset + 2) not in (Kind.EQ, Kind.NE):
            return DimensionRef.tag(self.vocabulary.resolve_tag_key(self.tokens[self.i + offset + 1].text)), 2
        if w in GRANULARITY_UNITS:
            return GRANULARITY_UNITS[w], 1
        kind = DIMENSION_WORDS.get(fold(w))
        if kind is not None:
            return DimensionRef(kind), 1
        key = self.tag_key_word(self.tokens[self.i + offset].text)
        if key is not None:  # `by team` for `by tag:team`
            return DimensionRef.tag(key), 1
        return None

    def tag_key_word(self, word: str) -> str | None:
        """The stored tag key a plain word names (`team`, `teams` -> `user:team`), when exactly one does; a key
        typed whole (`aws:createdBy`, `user:team`) names itself."""
        whole = next((k for k in self.vocabulary.tag_keys if ":" in word and k.casefold() == word.casefold()), None)
        if whole is not None:
            return whole
        if not word.replace("-", "").replace("_", "").isalnum() or fold(word) in DIMENSION_WORDS:
            return None
        singular = word[:-1] if word.casefold().endswith("s") else word
        synonyms = _TAG_KEY_SYNONYMS.get(word.casefold(), _TAG_KEY_SYNONYMS.get(singular.casefold(), ()))
        for candidate in dict.fromkeys([word, singular, *synonyms]):
            matches = [
                k
                for k in self.vocabulary.tag_keys
                if k.casefold() == candidate.casefold() or fold(k.split(":", 1)[-1]) == fold(candidate)
            ]
            if len(matches) == 1:
                return matches[0]  # (`cost center` names `cost_center`, which the store spells with a separator)
            if not matches:
                continue
            try:
                return self.vocabulary.resolve_tag_key(candidate)
            except UserFacingError:
                return None
        return self._tag_key_start(word)

    def say_stand_in_keys(self) -> None:
        """`by department`, `cost center split`: the team tag answers when the bill has no key so named; said, as
        the answer is about teams."""
        used = {r.tag_key for r in [*self.out.group_by, *self.out.named] if r.kind is Dimension.TAG}
        used |= {f.dimension.tag_key for f in self.out.filters if f.dimension.kind is Dimension.TAG}
        for tok in self.tokens:
            word = tok.lower.removesuffix("s")
            if word not in _STAND_INS or (key := self.tag_key_word(tok.text)) is None or key not in used:
                continue
            if fold(key.split(":", 1)[-1]) == fold(word):
                continue  # a key so named
            typed = self.typed.get(tok.position, tok.text)
            label = self.vocabulary.tag_label(key)
            self.out.readings.append(f"Read `{typed}` as `{label}`: the bill has no tag so named.")
            return

    def value_of_the_noun(self, ref: DimensionRef) -> bool:
        """`prod acct`: a value typed just before a noun of its dimension is that dimension's, though it reads as
        another's too (`prod` is an env value, and starts the account `production`); said. True when the noun
        qualifies a value left out (`excluding the staging account`): it names no breakdown of the others."""
        before = self.out.bare[-1] if self.out.bare and self.i > 0 else None
        if before is None or before.partial or before.phrase.casefold() != self.tokens[self.i - 1].lower:
            return False
        if [m.dimension for m in before.meanings] == [ref]:
            return before.negate
        own = [m for m in before.meanings if m.dimension == ref]
        started = [] if own else named_prefix(before.phrase, {ref}, self.vocabulary)  # `prod`: `production`
        if len(own or started) == 1:
            self.out.bare[-1] = Bare(before.phrase, ((own or started)[0],), before.negate)
        if len(started) == 1:
            self.out.readings.append(f"Read `{before.phrase}` as `{started[0].spelled}`.")
        return len(own or started) == 1 and before.negate

    def _tag_key_start(self, word: str) -> str | None:
        """The one stored tag key whose name starts with `word` (`proj`: `user:project`), four letters at least,
        when `word` is no stored value nor a word the grammar reads (`cost` never starts `costcenter`)."""
        w = word.casefold()
        if len(w) < 4 or not w.isalpha() or w in FILLERS or w in CHAT_WORDS or self.vocabulary.meanings(w):
            return None
        starts = [k for k in self.vocabulary.tag_keys if k.split(":", 1)[-1].casefold().startswith(w)]
        return starts[0] if len(starts) == 1 else None

    def imply_resource_service(self) -> None:
        """`which servers`, `biggest buckets`: the service a resource noun implies, when the question names none."""
        out = self.out
        services = {m.dimension for b in out.bare for m in b.meanings if m.dimension.kind is Dimension.SERVICE}
        if not out.resource_nouns or services or any(f.dimension.kind is Dimension.SERVICE for f in out.filters):
            return
        implied = {RESOURCE_NOUNS[n.casefold()] for n in out.resource_nouns}
        if len(implied) != 1:
            return
        service = implied.pop()
        meanings = self.vocabulary.meanings(service)
        if not meanings and self.vocabulary.services:
            # `how much did the servers cost` on a bill without EC2: saying so, never the whole bill's cost
            raise UsageError(
                f"`{out.resource_nouns[0]}` (resources of `{service}`): this bill has no service by that name.",
                hint="Name the service they run on; `/cost by service` lists the services it holds.",
            )
        if len(meanings) == 1 and meanings[0].dimension.kind is Dimension.SERVICE:
            noun = out.resource_nouns[0]
            out.filters.append(Filter(meanings[0].dimension, meanings[0].values))
            out.readings.append(f"Read `{noun}` as the resources of `{meanings[0].spelled}`.")

    # ------------------------------------------------------------------------------ commitment words

    def commitment_phrase(self) -> bool:
        """`reserved instances`, `RI`, `savings plans`: the commitment fees, i.e. the recurring and one-time charge
        classes (unless the store holds a value spelled so, which the bare-value lookup has read already)."""
        for n in (2, 1):
            toks = self.tokens[self.i : self.i + n]
            if len(toks) < n or any(t.kind is not Kind.WORD for t in toks):
                continue
            words = tuple(t.lower for t in toks)
            if words not in COMMITMENT_PHRASES or self.vocabulary.meanings(" ".join(words)):
                continue
            self.i += n
            if self.typed_words() & set(COVERAGE_WORDS):
                return True  # `Savings Plans coverage on EC2`: the usage the fees cover, beside them (no filter)
            typed = " ".join(t.text for t in toks)
            self.out.bare.append(Bare(typed, (_COMMITMENT_MEANING,), self.out.excluding))
            self.out.readings.append(
                f"Read `{typed}` as the commitment fees (RI and Savings Plans, recurring and upfront): "
                "`charge-class=recurring,one-time`, which also holds other recurring fees such as Support."
            )
            return True
        return False

    # ------------------------------------------------------------------------------ credits, net or gross

    def credit_phrase(self) -> bool:
        """How credits are counted, said in words. Credits are negative lines of the bill, counted in every total:
        `net of credits`, `after credits`, `including credits` ask for what is already answered (read, with a
        note, not as a filter keeping only the credits); `before credits`, `gross of credits`, `without credits`
        leave them out (`charge-class!=credit`)."""
        for words, net in _CREDIT_PHRASES:
            n = len(words)
            toks = self.tokens[self.i : self.i + n]
            if len(toks) < n or tuple(t.lower for t in toks) != words:
                continue
            typed = " ".join(t.text for t in toks)
            if net:
                self.out.readings.append(
                    f"`{typed}`: credits are counted in every total (negative lines); "
                    "`charge-class!=credit` leaves them out."
                )
            else:
                self.out.bare.append(Bare(typed, (_CREDIT_MEANING,), negate=True))
                self.out.readings.append(f"Read `{typed}` as leaving the credits out: `charge-class!=credit`.")
                listed = self.word(n) in ("and", "&", "+", "or", "nor") or self.kind(n) is Kind.COMMA
                self.out.excluding = self.out.excluding or listed  # `without credits and tax`: tax left out too
            self.i += n
            return True
        return False

    # ------------------------------------------------------------------------------ top and by

    def top(self, w: str) -> None:
        """`top 5`, `top5`, `top five`; `top` before anything else (`top services`, `top movers`) is a ranking
        word: the default number of what is ranked."""
        if m := TOP_N.match(w):
            self.out.set_top(int(m[1]), w)
            self.i += 1
            return
        n = self.word(1)
        if n is not None and n in NUMBER_WORDS and n != "couple":
            n = str(NUMBER_WORDS[n])  # `top five`
        if n is None or not n.isdecimal():
            self.i += 1
            return
        self.out.set_top(int(n) if len(n) < 7 else MAX_TOP + 1, f"top {n}")
        self.i += 2

    def group_by_list(self, by: Token) -> None:
        if self.word() in _COST_WORDS and self.dimension_at() is None:  # `top 10 resources by cost`
            self.i += 1
            return
        basis = BASIS_WORDS.get(self.word() or "")
        if basis is not None and self.dimension_at() is None:  # `top 10 ResourceIds by BilledCost`: that cost
            self.out.set_basis(basis)
            self.i += 1
            return
        if self.word() in ("the", "their", "its") and self.dimension_at(1) is not None:  # `by the team tag`
            self.i += 1
        creator = "aws:createdBy" in self.vocabulary.tag_keys and self.dimension_at() is None
        if self.word() in PERSON_NOUNS and creator and self.allow_group_by:
            # `cost by person`: AWS's creator tag, the bill's only word on who (said)
            self.out.add_group(DimensionRef.tag("aws:createdBy"), self.vocabulary)
            self.out.readings.append(f"Read `{self.tokens[self.i].text}` as AWS's creator tag: who created what.")
            self.i += 1
            return
        first = True
        listed: list[object] = []
        while True:
            found = self.dimension_at()
            if found is None:
                if first:
                    raise self.bad_dimension(by)
                return
            what, used = found
            if self.kind(used) in (Kind.EQ, Kind.NE):
                key = " ".join(t.text for t in self.tokens[self.i : self.i + used])
                raise UsageError(
                    f"`{by.text} {key}{self.tokens[self.i + used].text}...` mixes grouping and filtering.",
                    hint=f"Filter with `{key}=value`, group with `by {key}`.",
                )
            if isinstance(what, Granularity):
                self.out.set_granularity(what)
            elif self.allow_group_by:
                self.out.add_group(what, self.vocabulary, listed=what in listed)
                listed.append(what)
            else:  # `most expensive RDS for october, by account`: the list itself, said
                name = ref_text(what, self.vocabulary)
                self.out.readings.append(
                    f"Left out `by {name}`: this lists resources one by one (`/cost ... by resource, {name}` "
                    "groups them)."
                )
            self.i += used
            first = False
            # `, region`, `and region` continue the list; `by region` is handled by the main loop.
            if self.kind() is Kind.COMMA or self.word() == "and":
                after = self.dimension_at(1)
                if after is None or self.kind(1 + after[1]) in (Kind.EQ, Kind.NE):
                    return
                self.i += 1
            else:
                return

    def bad_dimension(self, by: Token) -> UsageError:
        j = self.i
        shown = self.tokens[j].text if j < len(self.tokens) else ""
        choices = [
            *FILTER_KEYS[:-1],
            *(self.vocabulary.tag_label(k) for k in self.vocabulary.tag_keys),
            "day",
            "week",
            "month",
        ]
        example = "Example: `by service`, `by service, region`, `by tag:team`."
        if not shown:
            return UsageError(f"`{by.text}` at the end needs a dimension after it.", hint=example)
        close = suggest(shown, choices)
        hint = ("Did you mean " + " or ".join(f"`by {c}`" for c in close) + "? " if close else "") + example
        return UsageError(f"I can't group by `{shown}`.", hint=hint)

    # ------------------------------------------------------------------------------ filters

    def assignment(self, key_tokens: int) -> None:
        # `excluding env=dev`, `skip anything tagged env=dev`: the filter left out, as a value named after it is
        k = self.i - 1
        while k >= 0 and self.tokens[k].lower in _LEFT_OUT_BETWEEN:
            k -= 1
        left_out = self.out.excluding and k >= 0 and self.tokens[k].lower in EXCLUDING
        key_text = " ".join(t.text for t in self.tokens[self.i : self.i + key_tokens])
        key = fold(key_text)
        op = self.tokens[self.i + key_tokens]
        end = op.position + len(op.text)
        nxt = self.tokens[self.i + key_tokens + 1] if self.i + key_tokens + 1 < len(self.tokens) else None
        # (a word after the space that names no value: `split`, `for`)
        unvalued = nxt is not None and nxt.lower in english_words() and not self.vocabulary.meanings(nxt.text)
        if op.kind is Kind.EQ and not self.text[end : end + 1].strip() and unvalued and key not in ASSIGNED_KEYS:
            # `team= split for eks`: the key with no value typed, the key named (its values each)
            named = self.filter_dimension(key_text)
            self.out.named.append(named)
            self.i += key_tokens + 1
            return
        self.i += key_tokens + 1
        after = self.i
        values = self.values(key_text, op)
        if key in {"basis", "cost"}:
            self.single_option(key_text, op, values)
            basis = BASIS_WORDS.get(values[0].casefold())
            if basis is None:
                raise UsageError(
                    f"`{values[0]}` is not a cost basis.",
                    hint="Use `basis=unblended`, `basis=amortized` or `basis=net`.",
                )
            self.out.set_basis(basis)
            return
        if key == "top":
            self.single_option(key_text, op, values)
            if not values[0].isdecimal():
                raise UsageError(f"`top={values[0]}`: top must be a number.", hint="Example: `top=5`.")
            self.out.set_top(int(values[0]) if len(values[0]) < 7 else MAX_TOP + 1, f"top={values[0]}")
            return
        if key in _DATE_KEYS and op.kind is Kind.EQ and len(values) == 1:
            # `month = '2026-09'`, `date=2026-11-03` (as SQL writes it): the time range
            try:
                self.out.set_time(parse_time_range(values[0], self.today))
            except UsageError:
                if match_time_range(self.tokens, after, self.today) is None:
                    raise
                self.i = after  # `period=last_month`: the words after `=` are the period, read as words
            return
        if key in _STEP_KEYS:
            self.single_option(key_text, op, values)
            v = values[0].casefold()
            g = GRANULARITY_WORDS.get(v) or GRANULARITY_UNITS.get(v)
            if g is None:
                raise UsageError(f"`{values[0]}` is not a time step.", hint="Use `daily`, `weekly` or `monthly`.")
            self.out.set_granularity(g)
            return
        ref = self.filter_dimension(key_text)
        resolved = self.resolve_values(ref, values)
        self.out.add_filter(Filter(ref, resolved, negate=op.kind is Kind.NE or left_out), self.vocabulary)
        self.out.after_versus = False  # `project=checkout vs project=search, last month`: values compared

    def single_option(self, key_text: str, op: Token, values: Sequence[str]) -> None:
        if op.kind is Kind.NE or len(values) != 1:
            raise UsageError(f"`{key_text}` takes one value with `=`.", hint=f"Example: `{key_text}=...`.")

    def values(self, key_text: str, op: Token) -> list[str]:
        """Comma-separated values after `=`; a comma followed by a keyword ends the list."""
        out: list[str] = []
        while True:
            if self.kind() not in (Kind.WORD, Kind.QUOTED):
                example = _VALUE_EXAMPLES.get(fold(key_text), f"{key_text}{op.text}...")
                raise UsageError(f"`{key_text}{op.text}` needs a value after it.", hint=f"Example: `{example}`.")
            tok = self.tokens[self.i]
            if tok.kind is Kind.QUOTED and not tok.text.strip():
                raise UsageError(f'`{key_text}{op.text}""`: the value is empty.', hint=f"Example: `{key_text}=web`.")
            out.append(tok.text.strip() if tok.kind is Kind.QUOTED else tok.text)
            self.i += 1
            if tok.kind is Kind.WORD:
                self.words_of_one_name(key_text, out)
            if self.kind() is not Kind.COMMA:
                return out
            nxt = self.tokens[self.i + 1] if self.i + 1 < len(self.tokens) else None
            if nxt is None:
                self.i += 1
                return out
            if nxt.kind is Kind.WORD and self.starts_clause(1):
                return out
            spaced = nxt.position > self.tokens[self.i].position + 1
            if (
                spaced
                and nxt.kind is Kind.WORD
                and nxt.lower in english_words()
                and not self.vocabulary.meanings(nxt.text)
            ):
                return out  # `all my stuff is env=dev, can you split ...`: the sentence goes on
            if nxt.kind not in (Kind.WORD, Kind.QUOTED):
                return out
            self.i += 1

    def words_of_one_name(self, key_text: str, out: list[str]) -> None:
        """`Service = Data Transfer, Group by: Region` (as Cost Explorer's filters read): the value just taken and the
        words after it, unquoted, when together they name a stored value of the key's dimension and it alone does
        not; they are one value."""
        with suppress(UserFacingError):
            ref = self.filter_dimension(key_text)
            first = out[-1]
            if any(m.dimension == ref for m in self.vocabulary.meanings(first)):
                return
            for n in (3, 2, 1):
                words = self.tokens[self.i : self.i + n]
                if len(words) < n or any(t.kind is not Kind.WORD for t in words):
                    continue
                joined = " ".join([first, *(t.text for t in words)])
                if any(m.dimension == ref for m in self.vocabulary.meanings(joined)):
                    out[-1] = joined
                    self.i += n
                    return

    def starts_clause(self, offset: int) -> bool:
        """Whether the word at `offset` begins something other than a value (keyword, filter, time range)."""
        w = self.word(offset)
        if w is None:
            return False
        if self.kind(offset + 1) in (Kind.EQ, Kind.NE):
            return True
        if w in ("by", "top", "per", *BASIS_WORDS, *GRANULARITY_WORDS, *TIME_WORDS, *TIME_STARTERS):
            return True
        saved = self.i
        self.i += offset
        try:
            return match_time_range(self.tokens, self.i, self.today) is not None
        except UsageError:
            return False
        finally:
            self.i = saved

    def filter_dimension(self, key_text: str) -> DimensionRef:
        key = fold(key_text)
        if key_text.casefold().startswith("tag:"):
            return DimensionRef.tag(self.vocabulary.resolve_tag_key(key_text))
        kind = DIMENSION_WORDS.get(key)
        if kind is not None:
            return DimensionRef(kind)
        if key in ("tag", "tags"):
            raise UsageError("A tag filter names its key.", hint="Example: `tag:team=web`.")
        tag_key = self.tag_key_word(key_text)
        if tag_key is not None:  # `team=web` for `tag:team=web`
            return DimensionRef.tag(tag_key)
        tag_match = [k for k in self.vocabulary.tag_keys if ":" in k and k.split(":", 1)[1].casefold() == key]
        if tag_match:
            hint = f"Did you mean `tag:{key_text}=...`? Tag filters start with `tag:`."
        else:
            keys = [*FILTER_KEYS[:-1], *(self.vocabulary.tag_label(k) for k in self.vocabulary.tag_keys)]
            close = suggest(key_text, [*keys, "basis", "top"])
            hint = ("Did you mean " + " or ".join(f"`{c}=`" for c in close) + "? " if close else "") + (
                "Filters: " + ", ".join(f"`{k}=`" for k in FILTER_KEYS[:-1]) + ", `tag:<key>=`."
            )
        return _raise(UsageError(f"I can't filter on `{key_text}`.", hint=hint))

    def resolve_values(self, ref: DimensionRef, values: Sequence[str]) -> tuple[str, ...]:
        v = self.vocabulary
        out: list[str] = []
        for value in values:
            # The label of an empty value (`(none)`, `untagged` for tags; `global` regions resolve below).
            empty = value.casefold() in (UNTAGGED_WORDS if ref.kind is Dimension.TAG else EMPTY_WORDS)
            if ref.kind is Dimension.REGION:
                out.append(v.resolve_region(value))
            elif empty:
                out.append(ref.empty_key)
            elif ref.kind is Dimension.SERVICE:
                out.extend(v.resolve_service(value))
            elif ref.kind is Dimension.ACCOUNT:
                out.append(v.resolve_account(value))
            elif ref.kind is Dimension.USAGE_TYPE:
                out.append(v.resolve_usage_type(value))
            elif ref.kind is Dimension.OPERATION:
                out.append(v.resolve_operation(value))
            elif ref.kind is Dimension.CHARGE_TYPE:
                out.append(v.resolve_charge_type(value))
            elif ref.kind is Dimension.CURRENCY:
                out.append(v.resolve_currency(value))
            elif ref.kind is Dimension.PROVIDER:
                out.append(v.resolve_provider(value))
            elif ref.kind is Dimension.CHARGE_CLASS:
                out.extend(v.resolve_charge_classes(value))
            elif ref.kind is Dimension.TAG:
                out.append(v.resolve_tag_value(str(ref.tag_key), value))
            else:  # resource ids are not listed in the vocabulary
                out.append(value)
        return tuple(dict.fromkeys(out))


def _raise(error: UsageError) -> DimensionRef:
    raise error
