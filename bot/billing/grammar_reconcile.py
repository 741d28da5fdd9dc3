"""A figure of ours checked against one from elsewhere: `Cost Explorer says October was $387,912.44 but you said
~$401k, which one is right?`, `the october invoice has $18,240.10 in tax, bot shows less??`, `CUR in athena gives
6,402.19 for dynamodb in week 46, you say ~5.9k. what's included on your side?`.

Two totals of one bill differ for a few known reasons: credits, tax, the fees of the 1st (Savings Plans, RIs) and
the cost basis (amortized spreads upfront fees over their days). So the useful answer to such a question is the
period's total split by charge class, on the basis answered, which says which of those parts our figure holds.
The other source's name, its figures and the words of the doubt are read past and said, never refused: they are
the context of the question, not its filters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.billing.grammar_builder import MAX_GROUP_BY
from bot.billing.grammar_tokens import strip_markup
from bot.billing.grammar_unplaced import read_leaving_out
from bot.billing.model import CostQuery, Dimension, DimensionRef, Question

#: Where else a figure of the bill is read: AWS's own tools and the documents people carry figures in.
_ELSEWHERE = re.compile(
    r"\b(?:cost explorer|ce|cur|athena|invoices?|billing console|console|dashboards?|grafana|quicksight"
    r"|spreadsheets?|excel|slides?|decks?|budget alert|pdf|bill(?:ing)? page)\b",
    re.IGNORECASE,
)
#: The bot's own figure named (`you said`, `ur showing`, `bot shows`, `your number`, `/tags gave me`).
_OURS = re.compile(
    # (`could you show me`, `can u give`: a request, no figure of ours)
    r"(?<!\bcould )(?<!\bcan )(?<!\bwould )(?<!\bwill )(?<!\bpls )(?<!\bplease )"
    r"\b(?:you|u|the bot|bot|/cost|/tags|/top-resources)\s+(?:\w+\s+){0,2}?"
    r"(?:said|say|says|show|shows|showing|gave|give|told|report|reports|reported)\b"
    r"|\b(?:your|ur|yr)\s+(?:number|numbers|figure|figures|total|totals|side)\b|\bfrom you\b|\bur showing\b",
    re.IGNORECASE,
)
#: The doubt: two figures that do not agree, or what one holds.
_DOUBT = re.compile(
    r"\b(?:doesn'?t|does not|don'?t|do not|dont|doesnt|didn'?t|not)\s+(?:\w+\s+)?match|\bmismatch"
    r"|\bdiffer(?:s|ent|ence)?\b|\bwhich (?:one |number |figure )?is (?:right|correct)\b"
    r"|\bis (?:that|this|it) (?:right|correct)\b|\bwhat'?s included\b|\bwhat is included\b|\bwhat am i missing\b"
    r"|\bconfirm\b|\bnot what\b|\bshows? (?:less|more|lower|higher)\b|\bdoesn'?t (?:add|tie) up\b",
    re.IGNORECASE,
)
#: An amount quoted from the other source (`$387,912.44`, `~$401k`, `6,402.19`, `~5.9k`, `31%`), in quote marks or
#: not (`"Total: $12,871.06"`).
_FIGURE = re.compile(
    r"[\"“][^\"“”]*\d[^\"“”]*[\"”]"
    r"|[~≈]?[$€£]\s?\d[\d,]*(?:\.\d+)?\s?(?:k|m|mm)?\b"
    r"|[~≈]?\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b|[~≈]?\b\d+(?:\.\d+)?(?:k|m)\b|[~≈]?\b\d+(?:\.\d+)?\s?%"
    r"|[~≈]?\b\d+\.\d\d\b",
    re.IGNORECASE,
)
#: A slash command named in the text (`/tags gave me something different`): the bot itself, not a filter.
_COMMAND = re.compile(r"(?<!\w)/(?:cost|tags|top-resources|trackit)\b", re.IGNORECASE)
#: Our own figure named, to the end of its clause (`you said ~$401k earlier`, `what you told me this morning`).
_OUR_CLAUSE = re.compile(rf"(?:{_OURS.pattern})[^,.;?!]*", re.IGNORECASE)
#: Which of two bases our figure is on (`are these numbers amortized or unblended?`): the answer's note says it.
_WHICH_BASIS = re.compile(
    r"\b(?:amorti[sz]ed|unblended|blended|net)\s+or\s+(?:amorti[sz]ed|unblended|blended|net)\b", re.IGNORECASE
)
#: At most this many words nothing reads are read past before the question is left to the grammar's usual refusal.
_MOST_READ_PAST = 7

_BY_CHARGE_CLASS = DimensionRef(Dimension.CHARGE_CLASS)


def checks_a_figure(text: str) -> bool:
    """Whether `text` sets a figure of ours against one from elsewhere, asks what our figure holds, or which of two
    bases it is on (`is that amortized or unblended?`)."""
    return _sets_against(text) or _WHICH_BASIS.search(text) is not None


def _sets_against(text: str) -> bool:
    return bool(_DOUBT.search(text) and (_ELSEWHERE.search(text) or _OURS.search(text)))


def reconciled(text: str, read: Callable[[str], CostQuery], *, split: bool = True) -> CostQuery | None:
    """The period's total split by charge class that `text` (which `checks_a_figure`) asks to check, the other
    source's name and figures and the words nothing reads read past and said; None when what is left asks nothing
    the grammar reads. The words around our own figure (`what you told me this morning`) are left out only when
    the question cannot be read with them. Without `split` (a command whose answer has its own rows: `/tags`,
    `/top-resources`), the question's own rows."""
    cleaned = _DOUBT.sub(" ", _WHICH_BASIS.sub(" ", _COMMAND.sub(" ", _ELSEWHERE.sub(" ", _FIGURE.sub(" ", text)))))
    words = strip_markup(cleaned)
    lead = (
        "Read as a check of a figure from elsewhere"
        if _sets_against(text)
        else "Read as asking which basis the figure is on"
    )
    return _read_past(words, read, split, lead) or _read_past(_OUR_CLAUSE.sub(" ", words), read, split, lead)


def _read_past(words: str, read: Callable[[str], CostQuery], split: bool, lead: str) -> CostQuery | None:
    found = read_leaving_out(words, read, _MOST_READ_PAST)
    return None if found is None else _checked(*found, split, lead)


def _checked(query: CostQuery, past: list[str], split: bool, lead: str) -> CostQuery:
    """`query` answering a check of a figure: split by charge class (when `split` and it is not already), a why
    (`why am I getting a different number`) being the why of two tools' difference, not of a change in the bill."""
    read_past = f" (read past: {', '.join(f'`{w}`' for w in past)})" if past else ""
    reasons = (
        "Other tools' totals differ by credits, tax, the fees of the 1st and the basis "
        "(amortized spreads Savings Plan and RI fees over their days)."
    )
    classes_named = any(f.dimension.kind is Dimension.CHARGE_CLASS for f in query.filters)
    if not split or classes_named or _BY_CHARGE_CLASS in query.group_by or len(query.group_by) >= MAX_GROUP_BY:
        note = f"{lead}{read_past}, {query.basis.value}. {reasons}"
        return replace(query, readings=(*query.readings, note))
    question = Question.COST if query.question is Question.WHY else query.question
    what = f"the total split by charge class, {query.basis.value}"
    note = f"{lead}{read_past}: {what}. {reasons}"
    return replace(
        query, group_by=(_BY_CHARGE_CLASS, *query.group_by), question=question, readings=(*query.readings, note)
    )
