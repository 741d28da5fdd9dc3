"""Words the grammar cannot place: which may be left out of a question (and said so), which must be refused.

People wrap a question in words that are no part of it (`showback for october by team`, `for the board deck I
need monthly totals by account`, `what we actually spent`). Refusing the whole question for one such word is
less useful than answering the rest and saying plainly which words were left out. That is safe only when
leaving a word out cannot change the answer, so a word is left out only when nothing suggests it names a
value, a service, a date or a breakdown:

- it is a plain lower-case word (letters, maybe an apostrophe): not an acronym (`SP`, `PDF`), not a name
  capitalised mid-sentence (`Priya's`), no digits or hyphens (`secret-lab`, `FY26`);
- no stored value, tag key or grammar word is within the typo rule's distance of it (`lamda`, `stagging`);
- it names no cloud service or provider the bill could hold (`support`, `azure`), nor a date the grammar does
  not read (`holidays`, `weekend`), nor something the bill does not hold (`invoice`, `owner`): those get
  their own message;
- it does not follow `except`/`without`, nor stand right after `by`/`per`, nor stand where a value would: right
  before a cost noun or a dimension (`frontend costs`, `frontend team`), right after a dimension (`team
  frontend`) or right after a preposition (`spend for marketing`);
- and the rest of the question asks something on its own: a filter, a breakdown, a time step, a ranking or
  a question kind. A time range alone is not enough (`data last month`: `data` may be the very thing asked
  about, a value the asker cannot see included), so such a word is refused as before.

The answer's readings then say `Ignored ...` with the question as it was read.
"""

from __future__ import annotations

import re

from bot.billing.grammar_tokens import Kind, Token
from bot.billing.vocabulary import KNOWN_SERVICE_NAMES, SERVICE_ALIASES, Vocabulary
from bot.errors import UsageError

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
        *("holiday", "holidays", "weekend", "weekends", "weekday", "weekdays", "season", "seasonal", "summer"),
        *("winter", "spring", "autumn", "festive", "morning", "afternoon", "evening", "night", "nights"),
        *("tonight", "midnight", "noon", "overnight", "hours", "minutes", "fiscal", "fy", "sprint", "release"),
    }
)
#: What the bill cannot answer, with the message that says so and what it can answer instead.
NOT_HELD: dict[str, tuple[str, str]] = {
    **dict.fromkeys(
        ("invoice", "invoices", "pdf", "pdfs"),
        (
            "I answer from the billing data and cannot fetch invoice documents (the AWS Billing console has them "
            "under Bills).",
            "A month's costs as the invoice itemises them: e.g. `last month by service`.",
        ),
    ),
    **dict.fromkeys(
        ("owner", "owners", "owns", "owned", "owning"),
        (
            "the bill does not say who owns a resource.",
            "Its creator is AWS's tag: `by tag:aws:createdBy`; a team tag answers `by tag:team`.",
        ),
    ),
    **dict.fromkeys(
        ("coverage", "covered", "utilization", "utilisation"),
        (
            "commitment coverage and utilisation are answered by `/trackit commitments`.",
            "The fees themselves: `charge-class=recurring,one-time`, or the split `by charge-class`.",
        ),
    ),
    **dict.fromkeys(
        ("unit", "units", "order", "orders", "customer", "customers", "user", "users", "revenue", "margin"),
        (
            "the bill holds costs only, nothing to divide them by (orders, users, revenue).",
            "The cost of what you would divide: e.g. `this month tag:project=checkout daily`.",
        ),
    ),
}
#: Nouns of the cost itself: the word right before one names what costs (`frontend costs`), a value.
COST_NOUNS = frozenset(
    {"cost", "costs", "spend", "spending", "bill", "bills", "billing", "charges", "expenses", "expense", "usage"}
)
#: Words that flip or narrow what follows: never left out.
_MEANING_WORDS = frozenset(
    {"not", "no", "without", "except", "excluding", "exclude", "net", "gross", "before", "after"}
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
    """The message for a word naming what the bill does not hold (a service it has none of, an invoice, an
    owner), naming the word and what would answer; None for any other word."""
    w = tok.lower.strip("'’")
    if w in NOT_HELD:
        message, hint = NOT_HELD[w]
        return UsageError(f"`{tok.text}`: {message}", hint=hint)
    if w in DATE_WORDS:
        return UsageError(
            f"`{tok.text}`: I can't tell which days that is.",
            hint="Give the days, e.g. `2025-12-20..2026-01-04`, or a holiday such as `christmas 2025`.",
        )
    if w in SERVICE_WORDS and not vocabulary.meanings(w):
        return UsageError(
            f"`{tok.text}`: this bill has no service by that name.",
            hint="`/cost by service` lists the services it holds.",
        )
    return None


def ignorable(tokens: list[Token], i: int, text: str, *, excluding: bool) -> bool:
    """Whether the word at `i`, which the grammar could not place, may be left out of the question by its form and
    place (see the module docstring; `excluding`: it follows `except`/`without`). Whether a stored value is within
    typo distance of it is the caller's last check (`grammar_typos.near_anything`), made only when the rest of
    the question stands on its own."""
    tok = tokens[i]
    w = tok.lower.removesuffix(":")  # `for the board deck: ...`: a heading's colon
    if tok.kind is not Kind.WORD or excluding or not _PLAIN_WORD.match(w) or len(w) < 2:
        return False
    if w in _MEANING_WORDS or w in DATE_WORDS or w in SERVICE_WORDS or w in PROVIDER_WORDS or w in NOT_HELD:
        return False
    if tok.text.casefold() != tok.text and (tok.text.isupper() or not _sentence_start(text, tok.position)):
        return False  # an acronym, or a name capitalised mid-sentence
    previous = tokens[i - 1].lower if i > 0 else ""
    return previous not in ("by", "per", "each", "every")


def _sentence_start(text: str, position: int) -> bool:
    before = text[:position].rstrip()
    return not before or before[-1] in _SENTENCE_ENDS
