"""Words the grammar cannot place: which may be left out of a question (and said so), which must be refused.

People wrap a question in words that are no part of it (`showback for october by team`, `for the board deck I
need monthly totals by account`, `what we actually spent`). Refusing the whole question for one such word is
less useful than answering the rest and saying plainly which words were left out. That is safe only when
leaving a word out cannot change the answer, so a word is left out only when nothing suggests it names a
value, a service, a date or a breakdown:

- it is a plain lower-case word (letters, maybe an apostrophe): not an acronym (`SP`, `PDF`), not a name
  capitalised mid-sentence (`Priya's`), no digits or hyphens (`secret-lab`, `FY26`);
- no stored value, tag key or grammar word is within the typo rule's distance of it (`lamda`, `stagging`); for a
  common English word (`normally`, `match`) only stored values count, as it is a word and no typo of the grammar's;
- it names no cloud service or provider the bill could hold (`support`, `azure`), nor a date the grammar does
  not read (`holidays`), nor something the bill does not hold (`invoice`, `owner`, `per order`): those get
  their own message (what the bill does not hold is answered as near as it allows, and said: `NOT_HELD`);
- it does not follow `except`/`without`, nor stand right after `by`/`per`, nor stand where a value would: right
  before a cost noun or a dimension (`frontend costs`, `frontend team`), right after a dimension (`team
  frontend`) or right after a preposition (`spend for marketing`);
- the rest of the question asks something on its own: a filter, a breakdown, a time step, a ranking or a
  question kind. A time range alone is not enough (`frontend last month`: `frontend` may be the very thing
  asked about, a value the asker cannot see included), so such a word is refused by name;
- and the words left out are no more than the words read (fillers and chat do not count as read): a question
  mostly made of words the grammar cannot place is refused naming the first of them.

A sentence or aside of its own that holds nothing the grammar reads, beside one that holds the question, is context
(`where will november land? boss wants a number he can repeat`): its plain words are left out wherever they stand
(`in_aside`), and do not count against the rest; the typo and form checks above still hold.

The answer's readings then say `Ignored ...`, so a person sees when the bot missed something.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.billing.grammar_tokens import Kind, Token
from bot.billing.grammar_words import CHAT_WORDS, COVERAGE_WORDS, EXCLUDING, FILLERS
from bot.billing.model import CostQuery, Dimension, DimensionRef
from bot.billing.vocabulary import (
    CATEGORY_WORDS,
    COMPASS_WORDS,
    KNOWN_SERVICE_NAMES,
    REGION_AREAS,
    REGION_PLACES,
    SERVICE_ALIASES,
    SERVICE_CATEGORIES,
    Vocabulary,
)
from bot.errors import UnknownWord, UsageError, UserFacingError

#: Cloud providers a question may name (`what we spend on azure`); a bill from one provider holds no other's.
PROVIDER_WORDS: dict[str, str] = {
    "aws": "AWS",
    "azure": "Azure",
    "gcp": "Google Cloud",
    "google": "Google Cloud",
    "oci": "Oracle Cloud",
    "oracle": "Oracle Cloud",
    "alibaba": "Alibaba Cloud",
    "ibm": "IBM Cloud",
}
#: Words of AWS service names that name no one service on their own.
_GENERIC_SERVICE_WORDS = frozenset(
    {"amazon", "aws", "service", "services", "simple", "elastic", "cloud", "for", "and", "other", "data", "web"}
    | {"file", "system", "manager"}  # `for the audit file`: English before it is a word of `Elastic File System`
    # words of services' names that people type for other things (`the load test`, `see the step`, `key rotation`)
    | {"balancing", "bandwidth", "compute", "container", "database", "functions", "key", "load", "management"}
    | {"notification", "private", "queue", "registry", "relational", "route", "secrets", "states", "step"}
    | {"storage", "virtual"}
)
#: Well-known AWS service words (short names, product-code names, words of their names): a word among them that
#: the bill does not hold is said to be missing, never left out.
SERVICE_WORDS = (
    frozenset(
        {a.casefold() for a in SERVICE_ALIASES}
        | {code.casefold().removeprefix("amazon").removeprefix("aws") for code in KNOWN_SERVICE_NAMES}
        | {
            w.casefold()
            for names in KNOWN_SERVICE_NAMES.values()
            for name in names
            for w in re.findall(r"[A-Za-z0-9]+", name)
            if len(w) > 2
        }
        | {
            *("support", "sagemaker", "redshift", "athena", "kinesis", "fargate", "ebs", "nat", "vpc", "route53"),
            *("workspaces", "backup", "guardduty", "cloudtrail", "config", "macie", "inspector", "quicksight"),
            *("bedrock", "lightsail", "amplify", "cognito", "appsync", "msk", "mq", "ses", "sns", "ecr", "ecs"),
            *("elasticache", "marketplace", "cloudformation", "cfn", "transfer", "outposts", "snowball"),
        }
    )
    - _GENERIC_SERVICE_WORDS
)
#: Dates and times the grammar does not read: a question naming them asks for days it cannot place.
DATE_WORDS = frozenset(
    {
        *("holiday", "holidays", "season", "seasonal", "summer"),
        *("winter", "spring", "autumn", "festive", "morning", "afternoon", "evening", "night", "nights"),
        *("tonight", "midnight", "noon", "overnight", "hours", "minutes", "fiscal", "fy", "sprint", "release"),
    }
)

#: Of those, the ones naming a span of days (not a time of day): beside days named elsewhere in the question (`the
#: "last sprint" - the 2 weeks ending last friday`), those days are its days.
EVENT_WORDS = frozenset({"sprint", "release", "holiday", "holidays", "season", "festive"})


@dataclass(frozen=True)
class NotHeld:
    """What a word asks that the bill does not hold (`invoice`, `owner`, `per order`): why not, what is answered
    instead, and the breakdown that comes nearest (None: the question's own)."""

    why: str
    instead: str
    breakdown: DimensionRef | None = None
    #: the answer day by day (when the question names no time step)
    daily: bool = False

    def note(self, word: str) -> str:
        """The line the answer carries for `word`."""
        return f"`{word}`: {self.why} {self.instead}"


UNIT_COST = NotHeld(
    "the bill holds costs only, nothing to divide them by (orders, users, people, revenue).",
    "Answered with the cost itself, to divide by your own figure.",
)
#: Words that ask for a cost per unit on their own; the other nouns of `UNIT_COST` (`order`, `engineer`) only
#: after `per`, `each`, `every` or `by` (`customer says slow` names no unit).
UNIT_WORDS = frozenset({"unit", "units", "headcount"})
#: What the bill cannot answer: a question naming one is answered as near as the bill allows, and the answer
#: says what was not (never refused: the word names nothing the answer could silently miss).
#: Commitment coverage or utilisation asked (`SP coverage on EC2`, `grammar_words.COVERAGE_WORDS`): the usage beside
#: the fees, the split by charge class.
COVERAGE = NotHeld(
    "commitment coverage and utilisation are answered by `/trackit commitments`.",
    "Answered with the split by charge class (usage, the RI and Savings Plan fees, credits) unless you ask another "
    "breakdown.",
    DimensionRef(Dimension.CHARGE_CLASS),
)
NOT_HELD: dict[str, NotHeld] = {
    **dict.fromkeys(
        (
            *("weekday", "weekdays", "weekend", "weekends", "workdays", "business-days"),
            *("mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays"),
        ),
        NotHeld(
            "a cost question cannot keep some days of the week and leave out others.",
            "Answered day by day, so each day shows with its date.",
            daily=True,
        ),
    ),
    **dict.fromkeys(
        ("invoice", "invoices", "pdf", "pdfs"),
        NotHeld(
            "I answer from the billing data and cannot fetch invoice documents (the AWS Billing console has them "
            "under Bills).",
            "Answered with the costs the invoice itemises (by service unless you ask another breakdown).",
            DimensionRef(Dimension.SERVICE),
        ),
    ),
    **dict.fromkeys(
        ("owner", "owners", "owns", "owned", "owning"),
        NotHeld(
            "the bill does not say who owns a resource.",
            "Its creator is AWS's tag (`by tag:aws:createdBy`); a team tag answers `by tag:team`.",
        ),
    ),
    **dict.fromkeys(COVERAGE_WORDS, COVERAGE),
    **dict.fromkeys(
        ("edp", "ppa", "commit", "commitment"),
        NotHeld(
            "the bill does not hold the terms of a private pricing commitment (EDP, PPA), only the spend and its "
            "discounts.",
            "Answered with the spend, to set against the commitment yourself.",
        ),
    ),
    **dict.fromkeys(
        (
            *("idle", "unused", "underutilized", "underutilised", "rightsizing", "rightsize"),
            *("recommendation", "recommendations"),
        ),
        NotHeld(
            "idle resources and rightsizing are answered by `/trackit idle` and `/trackit rightsizing`.",
            "Answered with what the resources cost, most expensive first.",
            DimensionRef(Dimension.RESOURCE),
        ),
    ),
    **dict.fromkeys(
        (  # currencies by ISO 4217 code and name (`in rands`, `ZAR`), not English words (`real`, `won`, `try`)
            *("euros", "euro", "eur", "pounds", "gbp", "yen", "jpy", "inr", "rupees", "rupee"),
            *("aud", "cad", "nzd", "zar", "rand", "rands", "chf", "francs", "sek", "nok", "dkk", "kronor", "kroner"),
            *("krona", "krone", "pln", "zloty", "czk", "huf", "brl", "reais", "mxn", "pesos", "ars", "clp", "cop"),
            *("sgd", "hkd", "cny", "rmb", "yuan", "renminbi", "krw", "twd", "thb", "baht", "idr", "rupiah", "myr"),
            *("ringgit", "aed", "dirhams", "sar", "riyals", "ils", "shekels", "lira"),
        ),
        NotHeld(
            "amounts are in the currency AWS billed them in; I don't convert them.",
            "Answered in the bill's currency.",
        ),
    ),
    "blended": NotHeld(
        "blended cost (AWS's organisation-wide average rates) is not kept; unblended, amortized and net are.",
        "Answered with the question's cost basis (unblended unless you name another).",
    ),
    **dict.fromkeys(
        (
            *("unit", "units", "order", "orders", "customer", "customers", "user", "users", "revenue", "margin"),
            *("engineer", "engineers", "employee", "employees", "developer", "developers", "head", "headcount"),
            *("seat", "seats", "request", "requests", "transaction", "transactions", "visitor", "visitors"),
            *("eng", "engs", "fte", "ftes", "dev", "devs"),
        ),
        UNIT_COST,
    ),
}
#: A person named in a question (`John's instances`): the bill names none, its creator tag names who created what.
PERSON = NotHeld(
    "the bill does not name people.",
    "AWS's creator tag says who created what (`by tag:aws:createdBy`).",
    DimensionRef.tag("aws:createdBy"),
)
_POSSESSIVE_NAME = re.compile(r"^[A-Z][a-z]+['’]s$")


def names_person(typed: str, vocabulary: Vocabulary) -> bool:
    """Whether `typed` (a word nothing else reads, no stored value) is a capitalised name in the possessive
    (`how much did John's instances cost`), on a bill that carries AWS's creator tag."""
    return bool(_POSSESSIVE_NAME.match(typed)) and "aws:createdBy" in vocabulary.tag_keys


#: Words with a message of their own: a typo of one (`invoce`, `budgte`) is read as it, so it gets that message.
REFUSAL_WORDS = frozenset({*NOT_HELD, *DATE_WORDS, *PROVIDER_WORDS, *REGION_PLACES, "budget", "budgets"})
#: Nouns of the cost itself: the word right before one names what costs (`frontend costs`), a value.
COST_NOUNS = frozenset(
    {"cost", "costs", "spend", "spending", "bill", "bills", "billing", "charges", "expenses", "expense", "usage"}
)
#: Words that flip or narrow what follows, and compass words of region names (`you west one`): never left out.
_MEANING_WORDS = EXCLUDING | {"no", "net", "before", "after"} | COMPASS_WORDS
#: Words after `not` that hedge the asking (`not sure if ...`): the `not` excludes nothing.
HEDGES = frozenset({"sure", "certain"})
#: What `gross` is read as: the billed cost before discounts, credits still their own (negative) lines.
GROSS_NOTE = (
    "Read `gross` as the unblended cost (before discounts); credits are lines of their own: `charge-class!=credit` "
    "leaves them out."
)
_PLAIN_WORD = re.compile(r"^[a-z]+(?:['’][a-z]+)?$")
_SENTENCE_ENDS = ".?!:;"


def provider_note(word: str, vocabulary: Vocabulary) -> str | None:
    """What a question naming another cloud than the bill's gets (`azure` on an AWS bill): a reading saying the
    bill holds none of it; None when `word` names no provider, or one the bill holds."""
    name = PROVIDER_WORDS.get(word.casefold())
    held = {p.casefold() for p in vocabulary.providers} or {"aws"}
    if name is None or word.casefold() in held or name.casefold() in held:
        return None
    clouds = ", ".join(sorted(vocabulary.providers)) or "AWS"
    return f"This bill holds {clouds} costs only: nothing of `{word}` to compare with."


def refusal_for(tok: Token, vocabulary: Vocabulary) -> UsageError | None:
    """The message for a word naming what the bill does not hold (a service it has none of, days it cannot
    place), naming the word and what would answer; None for any other word (`NOT_HELD` words are answered)."""
    w = tok.lower.strip("'’")
    if w in DATE_WORDS:
        return UsageError(
            f"`{tok.text}`: I can't tell which days that is.",
            hint="Give the days, e.g. `2025-12-20..2026-01-04`, or a holiday such as `christmas 2025`.",
        )
    place = REGION_PLACES.get(w)
    if place is not None and place not in vocabulary.regions:
        return UsageError(
            f"`{tok.text}` is AWS's region `{place}`, where this bill has no costs.",
            hint="`/cost by region` lists the regions it holds.",
        )
    category = CATEGORY_WORDS.get(w)
    if category is not None and vocabulary.category_meaning(w) is None:
        return UsageError(
            f"`{tok.text}`: this bill holds none of AWS's {category} services "
            f"({', '.join(SERVICE_CATEGORIES[category][:4])}, ...).",
            hint="`/cost by service` lists the services it holds.",
        )
    if w in REGION_AREAS and w != "us" and vocabulary.area_meaning(w) is None:
        return UsageError(
            f"`{tok.text}`: this bill has no costs in a region there.",
            hint="`/cost by region` lists the regions it holds.",
        )
    if w in SERVICE_WORDS and not vocabulary.meanings(w):
        return UsageError(
            f"`{tok.text}`: this bill has no service by that name.",
            hint="`/cost by service` lists the services it holds.",
        )
    return None


#: What an answer is for, in FinOps' words, close in spelling to grammar words (`chargeback`, `charge-class`):
#: left out and said, never read as a typo.
PAPERWORK = frozenset(
    {"chargeback", "chargebacks", "showback", "showbacks", "rebill", "rebills", "rebilling", "re-bill", "re-billing"}
    | {"recharge", "recharges", "recharging", "cross-charge", "cross-charges", "crosscharge", "refacturation"}
    | {"budgeting", "reforecast", "reforecasting", "accrual", "accruals", "allocation", "allocations"}
)


def ignorable(tokens: list[Token], i: int, text: str, *, excluding: bool) -> bool:
    """Whether the word at `i`, which the grammar could not place, may be left out of the question by its form and
    place (see the module docstring; `excluding`: it follows `except`/`without`). The caller has checked that no
    grammar word or name people type is within typo distance of it (`grammar_typos.unique_correction`); whether
    any other stored value is, is its last check (`grammar_typos.near_anything`), made only when the rest of the
    question stands on its own."""
    tok = tokens[i]
    w = tok.lower.removesuffix(":")  # `for the board deck: ...`: a heading's colon
    if tok.kind is not Kind.WORD or excluding or not _PLAIN_WORD.match(w) or len(w) < 2:
        return False
    if w in _MEANING_WORDS or w in DATE_WORDS or w in SERVICE_WORDS or w in PROVIDER_WORDS or w in NOT_HELD:
        return False
    capitalised = tok.text.casefold() != tok.text and (tok.text.isupper() or not sentence_start(text, tok.position))
    if capitalised and not speaker_label(tok, text):
        return False  # an acronym, or a name capitalised mid-sentence (not a speaker's label)
    previous = tokens[i - 1].lower if i > 0 else ""
    return previous not in ("by", "per", "each", "every")


def refused_ignoring(tokens: list[Token], ignored: list[Token], *, asks: bool) -> Token | None:
    """The word to refuse the question by, when leaving `ignored` out would leave too little: the rest asks
    nothing on its own (`asks` false), or the words left out outnumber the words read; None when the rest
    stands."""
    if not ignored:
        return None
    left_out = {t.position for t in ignored}
    read = [
        t
        for t in tokens
        if t.kind in (Kind.WORD, Kind.QUOTED)
        and t.position not in left_out
        and t.lower not in FILLERS
        and t.lower not in CHAT_WORDS
    ]
    if not asks or len(left_out) > len(read):
        return ignored[0]
    return None


#: What ends a sentence or bounds an aside (`... MTD? need a number for my 1:1`, `(sorry, not sure this is the
#: right command)`, `... - boss wants a number`); a short form's full stop (`vs.`, `e.g.`) ends nothing.
_CLAUSE_BREAK = re.compile(
    r"(?<!\bvs)(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\b[DM]r)(?<!\bMrs)(?<!\bMs)(?<!\bProf)[.?!;]+(?=\s|$)"
    r"|[()]|\s[-–—]{1,2}\s|\n"
)
#: What bounds a clause within a sentence as well (`..., I need to send it to finance for chargeback`).
_COMMA_BREAK = re.compile(rf"{_CLAUSE_BREAK.pattern}|,(?=\s)")
#: The fewest words an aside has for its words to be left out as context (`frontend only.` may name what is asked).
_ASIDE_WORDS = 3


def clause_span(text: str, position: int, *, commas: bool = False) -> tuple[int, int]:
    """The offsets of the sentence or aside of `text` holding the offset `position` (`commas`: the clause)."""
    start, end = 0, len(text)
    for found in (_COMMA_BREAK if commas else _CLAUSE_BREAK).finditer(text):
        if found.end() <= position:
            start = found.end()
        elif found.start() >= position:
            end = found.start()
            break
    return start, end


def in_aside(tokens: list[Token], tok: Token, text: str, is_content: Callable[[Token], bool]) -> bool:
    """Whether `tok` stands in a sentence or aside of its own that holds nothing the grammar reads
    (`is_content`), of at least `_ASIDE_WORDS` words, while another part of the message holds the question
    (`where are we going to land for november? boss wants a number he can repeat`): context, whose plain words
    are left out (and said) wherever they stand."""
    for commas in (False, True):
        start, end = clause_span(text, tok.position, commas=commas)
        inside = [t for t in tokens if start <= t.position < end]
        outside = [t for t in tokens if not start <= t.position < end]
        # the question outside may be made of plain words only (`/top-resources what are the most expensive things
        # we run? (sorry, not sure this is the right command)`)
        asked = len(outside) >= _ASIDE_WORDS or any(is_content(t) for t in outside)
        if len(inside) >= _ASIDE_WORDS and not any(is_content(t) for t in inside) and asked:
            return True
    return False


#: How `ignored_note` ends.
_IGNORED_TAIL = ": not words of a cost question; the rest was read as asked."


def ignored_note(ignored: list[Token]) -> str:
    """The line an answer carries for the words it left out (`Ignored `evolve`, `sure`: ...`)."""
    words = ", ".join(f"`{w}`" for w in dict.fromkeys(t.text.removesuffix(":") for t in ignored))
    return f"Ignored {words}{_IGNORED_TAIL}"


def read_whole(query: CostQuery) -> bool:
    """Whether `query` was read with none of its words left out (no `ignored_note` among its readings)."""
    return not any(reading.endswith(_IGNORED_TAIL) for reading in query.readings)


#: What follows the name of who said a question: a colon, after their role in brackets (`Priya (VP Eng):`).
_LABEL_END = re.compile(r"(?:\s*\([^()]{1,40}\))?:")


def speaker_label(tok: Token, text: str) -> bool:
    """Whether `tok` is a name right before a colon (`forwarding from Sam: "..."`, `relaying for Priya (VP Eng):`):
    who said the question, no part of it."""
    end = tok.position + len(tok.text)
    return tok.text[:1].isupper() and _LABEL_END.match(text, end) is not None


def sentence_start(text: str, position: int) -> bool:
    """Whether the offset `position` of `text` starts a sentence."""
    before = text[:position].rstrip()
    return not before or before[-1] in _SENTENCE_ENDS


def read_leaving_out(text: str, read: Callable[[str], CostQuery], most: int) -> tuple[CostQuery, list[str]] | None:
    """`text` read, leaving out one by one up to `most` words nothing reads (each where its `UnknownWord` says): the
    query and the words left out; None when more would have to go, or the rest cannot be read."""
    left_out: list[str] = []
    while True:
        try:
            return read(text), left_out
        except UnknownWord as exc:
            if len(left_out) == most or text[exc.position : exc.position + len(exc.word)] != exc.word:
                return None
            left_out.append(exc.word)
            text = f"{text[: exc.position]} {text[exc.position + len(exc.word) :]}"
        except UserFacingError:
            return None
