"""Follow-up questions: `and for staging?`, `same but by region`, `what about last week` after a question.

People ask in conversations: the second message names only what changes. `is_follow_up` tells such a message by
how it opens (`and`, `what about`, `same but`, `now`, `break that down`); `follow_on` is the rule that turns it
into a whole question: what the follow-up states replaces the same part of the previous question, the rest is
kept. A follow-up that states a time range replaces the range; a group or a time step replaces the previous one;
a filter replaces the previous filter on the same dimension (`and for staging?` after `account=production`), or
is added (`now only prod` narrows).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.billing.grammar_builder import DEFAULT_TOP
from bot.billing.grammar_words import FOLLOW_UP_LEADS
from bot.billing.model import CostQuery, Granularity, Question

#: How a follow-up opens: leading words (`ok so`, `thanks,`), then a joining word, a "what about", a "same", a
#: "now", or a verb on the previous answer.
_LEADS = "|".join(re.escape(w) + (r"\W*" if w == "&" else r"\W+") for w in sorted(FOLLOW_UP_LEADS))
_OPENING = re.compile(
    rf"""^\W*(?:{_LEADS})*
    (?:and|&|also|plus|what\s+about|how\s+about|what\s+of|same|ditto|now|instead|but)\b""",
    re.IGNORECASE | re.VERBOSE,
)
#: A verb on the previous answer anywhere in the message (`break that down by team`, `can you split it by region`).
_ON_THE_ANSWER = re.compile(
    r"\b(?:break|split|drill|group|slice|narrow|filter|chart|graph|plot|sort|zoom)\s+(?:that|it|this|those|them)\b"
    r"|\b(?:same|that|this)\s+(?:but|for|by|with|without|in|on|again|query|question|thing|breakdown|report)\b",
    re.IGNORECASE,
)


def is_follow_up(text: str) -> bool:
    """Whether `text` continues a previous question rather than asking on its own (`and for staging?`, `what
    about last week`, `same but by region`, `now only prod`, `break that down by team`)."""
    return bool(_OPENING.match(text) or _ON_THE_ANSWER.search(text))


def follow_on(previous: CostQuery, said: CostQuery) -> CostQuery:
    """The whole question a follow-up asks: `said` (the follow-up read on its own, with the previous question's
    time range and basis as its defaults) over `previous`.

    A filter replaces the previous one on the same dimension and sense (a positive filter another positive one,
    an exclusion another exclusion); a group, a time step, a top N, a question kind (`why`, `forecast`) or a
    period to compare with replaces the previous one when stated, else the previous one is kept.
    """
    stated = {(f.dimension, f.negate) for f in said.filters}
    filters = tuple(f for f in previous.filters if (f.dimension, f.negate) not in stated) + said.filters
    same_range = said.time_range == previous.time_range
    return replace(
        said,
        filters=filters,
        group_by=said.group_by or previous.group_by,
        granularity=said.granularity if said.granularity is not Granularity.NONE else previous.granularity,
        top=said.top if said.top != DEFAULT_TOP else previous.top,
        question=said.question if said.question is not Question.COST else previous.question,
        versus=said.versus or (previous.versus if same_range else None),
        compare=said.compare and previous.compare,
    )
