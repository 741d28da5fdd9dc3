"""Which values a question names are filters, and which are rows of a breakdown shown side by side.

A value typed in words (`ec2`, `staging`, `tax`) keeps only its line items, unless the question weighs it against
the others (`is data-lake the biggest`), remarks on it after a breakdown by its dimension (`by region - eu-west-1
looks high`), compares it (`ec2 vs s3`, `tax vs credits`), names several to be seen apart (`kms + sqs monthly`),
asks its share of the total (`what % is tax`), lists it as a candidate (`ec2 or cloudfront or something else`) or
names every value there is (`us-east-1 vs ... vs ap-southeast-2`):
then the breakdown by its dimension shows it among the others, and the answer says so. `grammar._Parser.finish`
calls these once every word is read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from bot.billing.charges import FEE_CLASSES
from bot.billing.grammar_bare import settle
from bot.billing.grammar_builder import MAX_GROUP_BY, ref_text
from bot.billing.grammar_cursor import Cursor
from bot.billing.grammar_unplaced import clause_span
from bot.billing.grammar_words import (
    COMBINED,
    COMMITMENT_WORDS,
    COMPARATIVES,
    RESERVATION_WORDS,
    SAVINGS_PLAN_WORDS,
    SEPARATELY,
    SHARE_WORDS,
    VERSUS_WORDS,
)
from bot.billing.model import TAX_SERVICE, UNTAGGED, Dimension, DimensionRef, Filter, Granularity, Question
from bot.errors import UsageError

#: Words weighing one value against the others (`is data-lake the biggest`, `as big as people say`).
_WEIGHING = frozenset({"biggest", "largest", "most", "big", "bigger", "larger", "main", "majority", "dominant"})
#: Words for a kind of charge (`tax vs credits vs usage`), by the kind.
_CHARGE_KINDS = {
    **dict.fromkeys(("tax", "taxes", "vat"), "tax"),
    **dict.fromkeys(("credit", "credits", "refund", "refunds"), "credits"),
    **dict.fromkeys(("fee", "fees"), "fees"),
    "usage": "usage",
    **dict.fromkeys(("on-demand", "ondemand"), "usage"),  # `SP covered vs on-demand`: usage at the public rate
    **dict.fromkeys(COMMITMENT_WORDS, "fees"),
}
#: The kind of charge each filtered value keeps (`charge-class=credit`: credits; `service=Tax`: tax).
_CLASS_KINDS = {**{c.value: "fees" for c in FEE_CLASSES}, "credit": "credits", "usage": "usage", "Tax": "tax"}

#: The values a question chose for each (dimension, left out), as `grammar_bare.settle` gives them.
Chosen = dict[tuple[DimensionRef, bool], list[str]]
#: Words before `share` that make it the verb (`please share the cost of ...`).
_ASKING_TO_SEND = frozenset({"please", "pls", "plz", "kindly", "you", "u", "pl", "to", "can", "could"})
#: Words for all the values but one, after `vs` (`prod vs the rest`, `web vs everyone else`, `vs the other two`).
_THE_REST = frozenset({"rest", "others", "other", "everything", "everyone", "everybody", "all"})


def _apart(named: set[tuple[str, ...]]) -> bool:
    """Whether the values `named` (each word's) are more than one thing: not all within one word's values."""
    sets = [frozenset(values) for values in named]
    return sum(1 for one in sets if not any(one < other for other in sets)) > 1


class RowsReader(Cursor):
    """Filters or rows for the values a question names; `grammar._Parser` reads with it."""

    def candidates_as_rows(self, chosen: Chosen) -> None:
        """`mostly ec2 or cloudfront or something else?`, `all on prod or spread out?`: the values listed as
        candidates ask which of them, so their dimension is the breakdown, none of them a filter (another value of
        that dimension named elsewhere keeps it a filter)."""
        out = self.out
        if out.candidates is None or not (self.allow_group_by and self.rows_of_its_own):
            return
        typed, words = out.candidates
        mine = [b for b in out.bare if b.phrase.lower() in words and not b.negate]
        theirs, _ = settle(mine, set(out.named) | set(out.group_by), self.vocabulary)
        for key, values in theirs.items():
            if chosen.get(key) != values:
                continue
            del chosen[key]
            if key[0] not in out.group_by and len(out.group_by) < MAX_GROUP_BY:
                out.add_group(key[0], self.vocabulary)
            out.readings.append(f"Read `{typed}` as asking which: by {ref_text(key[0], self.vocabulary)}.")

    def values_as_filters(self, chosen: Chosen, typed: set[str]) -> list[Filter]:
        """The values chosen as filters, merged with those typed `key=value` (a value both kept and left out is
        refused), except values shown among the others of their breakdown; returns the filters of values named
        in words (`every_value_named` may drop them)."""
        out = self.out
        weighs = bool(typed & _WEIGHING)
        named_in_words: list[Filter] = []
        for (ref, negate), values in chosen.items():
            explicit = next((f for f in out.filters if f.dimension == ref), None)
            grouped = explicit is None and ref in out.group_by and not negate and values != [UNTAGGED]
            if grouped and (weighs or self.named_in_another_clause(ref, values)):
                # `split across the accounts? is data-lake the biggest`: weighed against the others, shown among them
                shown = ", ".join(f"`{v}`" for v in self.labels(ref, values))
                out.readings.append(f"Listed every value of `{ref_text(ref, self.vocabulary)}`, {shown} among them.")
                continue
            if explicit is None:
                out.filters.append(Filter(ref, tuple(values), negate=negate))
                named_in_words.append(out.filters[-1])
            elif explicit.negate != negate and not set(explicit.values) & set(values):
                # `ec2 without tax`: keeping some values already leaves the others out (tax lines are the service
                # `Tax`, not EC2's); the kept values are the filter, and the answer says so
                kept, dropped = (explicit.values, values) if negate else (tuple(values), explicit.values)
                out.filters[out.filters.index(explicit)] = Filter(ref, tuple(kept))
                out.readings.append(
                    f"`{', '.join(dropped)}` is left out anyway: the question keeps only `{', '.join(kept)}`."
                )
            elif explicit.negate != negate and self.allow_group_by and self.asked_apart(ref, values):
                # `what did we pay in tax, and whats the bill excluding tax?`: both asked, the value beside the rest
                out.filters.remove(explicit)
                charges = ref.kind is Dimension.CHARGE_CLASS or set(values) <= {TAX_SERVICE}
                beside = DimensionRef(Dimension.CHARGE_CLASS) if charges else ref
                if beside not in out.group_by:
                    out.add_group(beside, self.vocabulary)
                shown = ", ".join(f"`{v}`" for v in self.labels(ref, values))
                by = ref_text(beside, self.vocabulary)
                out.readings.append(f"Read {shown} asked and left out both: shown beside the rest, by {by}.")
            elif explicit.negate != negate:
                name = ref_text(ref, self.vocabulary)
                raise UsageError(
                    f"`{name}` is both excluded and kept: `{', '.join(values)}`.",
                    hint=f"Give all the values at once, e.g. `{name}=a,b`, or exclude with `{name}!=a,b`.",
                )
            else:
                merged = tuple(dict.fromkeys([*explicit.values, *values]))
                out.filters[out.filters.index(explicit)] = Filter(ref, merged, negate=negate)
        return named_in_words

    def side_by_side(self, chosen: Chosen, typed: set[str], *, unusual_days: bool = False) -> None:
        """Values compared (`ec2 vs s3`, `is ec2 or rds more expensive`), kinds of charge compared, Savings Plans
        beside reservations, and several values asked apart (`kms + sqs monthly`): the breakdown that shows each."""
        out = self.out
        weighed = "or" in typed and bool(typed & COMPARATIVES)  # `is ec2 or rds more expensive`
        pitted = self.values_pitted()  # `us-east-1 vs eu-west-1, this week vs last week`: both compared
        summed = bool(typed & COMBINED)  # `ec2 + eks combined, week over week`: their sum, not a line each
        if (((out.comparing or weighed) and out.versus is None) or pitted) and self.allow_group_by and not summed:
            # `ec2 vs s3`: values of one dimension side by side
            several = [ref for (ref, negate), values in chosen.items() if len(values) > 1 and not negate]
            for ref in several[:1]:
                if ref not in out.group_by:
                    out.add_group(ref, self.vocabulary)
                    out.group_by.insert(0, out.group_by.pop())  # the values compared first, then their parts
        # `usage, fees, credits and tax separately`, `split usage / fees / credits / tax`: each on its own line
        # (`separate from the rest`: no line each; `separately from usage` is read beside the usage before this)
        apart = any(
            (w in SEPARATELY and after != "from")
            or (w == "split" and (after in _CHARGE_KINDS or after == "charge-class"))
            for w, after in pairwise([*(t.lower for t in self.tokens), ""])
        )
        # `by charge type (usage / fees / credits / tax)`: the breakdown named with its rows, no filter
        rows = {DimensionRef(Dimension.CHARGE_TYPE), DimensionRef(Dimension.CHARGE_CLASS)} & set(out.group_by)
        if (out.comparing or out.on_demand_beside or apart or rows) and out.versus is None and self.allow_group_by:
            self.charges_side_by_side(typed)
        self.plans_and_reservations(typed)
        # several values named apart: `kms + sqs monthly`, `what credits did we get, and how much were the RI fees`
        # distinct values, not mentions: `commitments ... savings plans + RIs` name the same fees three times, and
        # `Savings Plan fees` names them twice (the fees among the commitments' charges)
        named_apart = [
            ref
            for (ref, negate) in chosen
            if not negate
            and _apart({m.values for b in out.bare if not b.negate for m in b.meanings if m.dimension == ref})
        ]
        asked_twice = sum(t.lower in ("what", "what's", "whats", "how") for t in self.tokens) > 1
        if asked_twice and not out.group_by and out.versus is None and self.allow_group_by:
            for ref in named_apart[:1]:  # one question per value: answered side by side
                out.add_group(ref, self.vocabulary)
        # (`any weird days on glue or s3`: the days are the unusual ones asked, no series of each)
        stepped = out.granularity not in (None, Granularity.NONE) and not unusual_days
        if ((stepped and not summed) or apart) and not out.group_by and self.allow_group_by:
            # `kms + sqs monthly`: a series of each value, not of their sum, which would hide which one moved;
            # `s3 and glue separately`: a line each
            listed = [f.dimension for f in out.filters if len(f.values) > 1 and not f.negate and apart]
            for ref in [*named_apart, *listed][:1]:  # (`project=search and project=checkout, separately`)
                out.add_group(ref, self.vocabulary)

    def values_pitted(self) -> bool:
        """Whether `vs` stands right between two values of one dimension (`us-east-1 vs eu-west-1`), whatever
        periods the question compares too."""
        for k in range(1, len(self.tokens) - 1):
            if self.tokens[k].lower not in VERSUS_WORDS:
                continue
            before = {m.dimension for m in self.vocabulary.meanings(self.tokens[k - 1].text)}
            after = {m.dimension for m in self.vocabulary.meanings(self.tokens[k + 1].text)}
            if before & after:
                return True
        return False

    def against_the_rest(self) -> None:
        """`prod vs the rest`, `prod vs non-prod`, `web vs everyone else`: one value against all the others of its
        dimension, every value side by side (a filter on the one would leave the rest out)."""
        out = self.out
        for k in range(1, len(self.tokens) - 1):
            if self.tokens[k].lower not in VERSUS_WORDS:
                continue
            value = self.tokens[k - 1]
            after = [t.lower for t in self.tokens[k + 1 : k + 4] if t.lower not in ("the", "all")]
            rest = bool(after) and (after[0] in _THE_REST or after[0] in (f"non-{value.lower}", f"non{value.lower}"))
            rest = rest or after[:2] == ["non", value.lower]
            meanings = self.vocabulary.meanings(value.text)
            positive = [f for f in out.filters if not f.negate and len(f.values) == 1]
            own = [f for f in positive if any(m.dimension == f.dimension and f.values == m.values for m in meanings)]
            # (`prod`: an account's other name; `project=data,untagged vs other`: of a filter with other values)
            elsewhere = any(
                m.values[0] in f.values for m in meanings for f in out.filters if m.dimension == f.dimension
            )
            own = own or (positive if len(positive) == 1 and not elsewhere else [])
            if not rest or len(own) != 1 or not self.allow_group_by:
                continue
            out.filters = [f for f in out.filters if f is not own[0] and f.dimension != own[0].dimension]
            out.add_group(own[0].dimension, self.vocabulary)
            skipped = ("the", "all", "non")
            end = next((m for m in range(k + 1, len(self.tokens)) if self.tokens[m].lower not in skipped), k + 1)
            end += end + 1 < len(self.tokens) and self.tokens[end + 1].lower == "else"
            out.ignored = [t for t in out.ignored if t not in self.tokens[k : end + 1]]
            every = ref_text(own[0].dimension, self.vocabulary)
            out.readings.append(f"Read `{value.text}` against the rest as every {every} side by side.")
            return

    def every_value_named(self, named_in_words: list[Filter]) -> None:
        """`us-east-1 vs eu-west-1 vs us-west-2 vs ap-southeast-2`: every region (or account) the bill holds, named
        one by one, keeps nothing out; the breakdown shows them all, said."""
        out = self.out
        for f in named_in_words:
            every = self.vocabulary.every_value(f.dimension.kind)
            shown = f in out.filters and f.dimension in out.group_by and not f.negate
            if shown and len(every) > 1 and set(f.values) == every:
                # `us-east-1 vs eu-west-1 vs us-west-2 vs ap-southeast-2`: every one named keeps nothing out
                out.filters.remove(f)
                out.readings.append(
                    f"Read the {len(f.values)} values named as every {f.dimension.kind.value} there is."
                )

    def charges_side_by_side(self, typed: set[str]) -> None:
        """`tax vs credits vs actual usage`: kinds of charge compared are the split by charge class, which shows
        each (tax is a service of its own on AWS's bill and credits a charge class: filters on both would keep
        nothing), said."""
        out = self.out
        kinds = {_CHARGE_KINDS[w] for w in typed if w in _CHARGE_KINDS}
        charges = [
            f
            for f in out.filters
            if not f.negate
            and (
                f.dimension.kind is Dimension.CHARGE_CLASS
                or (f.dimension.kind is Dimension.SERVICE and set(f.values) <= {"Tax"})
            )
        ]
        if len(kinds) < 2 or not (charges or out.on_demand_beside):
            return
        covered = {_CLASS_KINDS.get(v, "") for f in charges for v in f.values}
        tax_and_class = any(f.dimension.kind is Dimension.SERVICE for f in charges) and len(charges) > 1
        if kinds <= covered and not tax_and_class and DimensionRef(Dimension.CHARGE_CLASS) in out.group_by:
            return  # `RI and savings plan fees vs credits`: the filters keep just the kinds compared, split already
        for f in charges:
            out.filters.remove(f)
        if "fees" in kinds and DimensionRef(Dimension.CHARGE_TYPE) in out.group_by:
            # `by charge type: usage / recurring fee / credit / tax`: the rows named are charge classes (fees are
            # no charge category of their own)
            out.group_by.remove(DimensionRef(Dimension.CHARGE_TYPE))
        out.add_group(DimensionRef(Dimension.CHARGE_CLASS), self.vocabulary)  # (once, if named already)
        out.readings.append(
            f"Read {', '.join(f'`{k}`' for k in sorted(kinds))} side by side as the split by charge class."
        )

    def plans_and_reservations(self, typed: set[str]) -> None:
        """`savings plans + RI fees on the 1st`, `SP and RI separately`: the fees of both kinds of commitment on the
        day they post, each plan and reservation on its own line (their usage types tell them apart: `ComputeSP:...`,
        `HeavyUsage:...`), said; only when nothing else splits the answer."""
        out = self.out
        fees = any(f.dimension.kind is Dimension.CHARGE_CLASS and not f.negate for f in out.filters)
        both = typed & SAVINGS_PLAN_WORDS and typed & RESERVATION_WORDS
        one_day = out.time_range is not None and out.time_range.days == 1  # the day they post (`on the 1st`)
        split = bool(out.group_by) or not self.allow_group_by or out.question is not Question.COST
        if not (fees and both and one_day) or split:
            return
        out.add_group(DimensionRef(Dimension.USAGE_TYPE), self.vocabulary)
        out.readings.append("Savings Plans and reservations side by side: by usage type, each on its own line.")

    def named_in_another_clause(self, ref: DimensionRef, values: list[str]) -> bool:
        """Whether every one of `values` (bare values of `ref`) was typed in a sentence or aside after the breakdown
        by `ref` (`data transfer by region - eu-west-1 and syd look high`): remarks on the rows the breakdown
        shows, no filter (`lambda or sqs ...? this week, by service`: named first, what is asked)."""
        if ref.kind not in (Dimension.REGION, Dimension.ACCOUNT, Dimension.SERVICE):
            return False
        by = re.search(rf"\b(?:by|per|across)\s+(?:the\s+)?{ref.kind.value}", self.text, re.IGNORECASE)
        if by is None:
            return False
        end = clause_span(self.text, by.start())[1]
        places = self.places_naming(ref, values)
        return bool(places) and all(p >= end for p in places)

    def asked_apart(self, ref: DimensionRef, values: list[str]) -> bool:
        """Whether `values` of `ref`, both kept and left out, were named in clauses of their own (`what did we pay in
        tax, and whats the bill excluding tax?`): two asks, answered side by side (`ec2 excluding ec2`: refused)."""
        clauses = {clause_span(self.text, p, commas=True) for p in self.places_naming(ref, values)}
        return len(clauses) > 1 and len(self.out.group_by) < MAX_GROUP_BY

    def places_naming(self, ref: DimensionRef, values: Sequence[str]) -> list[int]:
        """Where in the text a word names one of `values` of `ref`."""
        return [
            t.position
            for t in self.tokens
            if any(set(m.values) & set(values) for m in self.vocabulary.meanings(t.text) if m.dimension == ref)
        ]

    def labels(self, ref: DimensionRef, values: Sequence[str]) -> list[str]:
        """`values` of `ref` as a person reads them (an account by its name and id)."""
        return [self.vocabulary.account_label(v) if ref.kind is Dimension.ACCOUNT else v for v in values]

    def share_of_total(self, chosen: dict[tuple[DimensionRef, bool], list[str]]) -> None:
        """`what % of our spend is lambda`, `staging as a share of the total`: the breakdown by the value's
        dimension, where its part of the whole shows beside the others (a filter would show it alone), said."""
        out = self.out
        kept = [ref for (ref, negate) in chosen if not negate]
        # (`please share the cost of ...`, `can you share`: the verb, to send it)
        shares = any(
            t.lower in SHARE_WORDS and not (k and self.tokens[k - 1].lower in _ASKING_TO_SEND)
            for k, t in enumerate(self.tokens)
        )
        if not shares or out.group_by or not self.allow_group_by or len(kept) != 1:
            return
        if any(h.breakdown is not None for h in out.not_held):  # `what % of compute is covered`: coverage's own
            return
        ref = kept[0]
        shown = next(f for f in out.filters if f.dimension == ref and not f.negate)
        out.filters.remove(shown)
        if ref.kind is Dimension.SERVICE and shown.values == (TAX_SERVICE,):
            ref = DimensionRef(Dimension.CHARGE_CLASS)  # `what % of the bill was tax`: tax beside usage, fees, credits
        out.add_group(ref, self.vocabulary)
        named = self.labels(ref, shown.values)
        by = ref_text(ref, self.vocabulary)
        out.readings.append(
            f"Read the share of {', '.join(f'`{n}`' for n in named)} as the breakdown by {by}, where its part of "
            "the total shows."
        )
