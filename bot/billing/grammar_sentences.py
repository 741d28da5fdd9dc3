"""A message that asks two things at once: `unusual days in staging this month? someone may have left something
running since May`, `dynamo last month — also what's the forecast`.

When the whole message cannot be one question (it names two time ranges, two kinds of answer: `bot.errors.TwoAsked`),
`grammar.parse_query` answers the first sentence that asks something on its own and says which rest it left.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace

from bot.billing.grammar_guesses import only_purpose
from bot.billing.grammar_unplaced import read_whole
from bot.billing.grammar_words import SENTENCE_END
from bot.billing.grammar_wrapping import greeting_only
from bot.billing.model import CostQuery
from bot.errors import UserFacingError

#: Where one question ends and another (or its context) starts: `?`, `!`, `;`, a dash between spaces, `, also`, a
#: smiley (`I just joined the platform team this week :) Could you tell me ...`),
#: a full stop after a word that is no short form (`excl. today`, `Nov. 3`, `vs. last week` go on)
#: a question word after `and` or a comma (`kms + sqs last month, and what were they in sept`) and a subject after
#: a comma (`staging this week vs last week, we ran the perf suite mon-wed`).
_QUESTION_ENDS = re.compile(
    r"[?!;]+\s*|\s+[—–-]+\s+|(?<=\w)\.\s+|,?\s+also\s+|\s+[:;]-?[()DP](?!\w)\s*"
    r"|,?\s+(?:and|&|\+)\s+(?=(?:what|what's|whats|how|which|why|where|when|were|was|is|are|did|does|do|can|could|any)\b)"
    r"|,\s+(?=(?:we|i|they|someone|somebody|he|she|i'?ve|we'?ve|i'?m|we'?re)\s)"
    r"|,\s+(?=(?:what|what's|whats|how|which|where|why)\b)",
    re.IGNORECASE,
)


#: Ends that part sentences surely (a full stop may end a short form, `also` may join one question's parts).
_STRONG_ENDS = re.compile(r"[?!]+\s*|\s+[—–-]+\s+")
#: A full stop that ends a short form, not a sentence (`excl.`, `Nov.`, `vs.`, `approx.`, `e.g.`).
_SHORT_FORM_STOP = re.compile(
    r"\b(excl|incl|inc|vs|approx|est|etc|e\.g|i\.e|no|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|wk|mo|yr)\."
    # (`... at 18th Nov. Could you show me ...`: a question word capitalised after it starts a sentence)
    r"(?!\s+(?-i:Could|Can|What|How|Which|Why|Where|When|Is|Are|Did|Does|Do|Please|Pls|Also)\b)",
    re.IGNORECASE,
)


#: A part telling what someone did (`we moved queue consumer to batch mode`, `i tore down the old stack`).
_TELLS = re.compile(
    r"(?:(?:so|and|well|ok)\s+)?(?:"
    r"(?:we|i|they|someone|somebody|he|she)\s+(?:just\s+|already\s+)?"
    r"(?:[a-z]+ed|ran|did|made|spun|took|tore|shut|put|set|cut|got|went|built|began|broke|wrote|left|kept)"
    # (`so I'm putting together a slide for my manager`, `I'm looking at the bill and there's ...`)
    r"|(?:i'?m|i am|we'?re|we are|i'?ve been|we'?ve been)\s+[a-z]+ing)\b",
    re.IGNORECASE,
)
#: Words of a sentence that adds to the one before it (`..., maybe you can also give a forecast?`).
_ADDS = re.compile(r"\b(?:also|too|as well)\b", re.IGNORECASE)

#: A dash between two ends of a span of days (`1 Nov - 26 Nov`, `Nov 3 - 10`): no end of a question.
_DATE_DASH = re.compile(
    r"(\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\s+[—–-]+\s+"
    r"(\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
    re.IGNORECASE,
)


def first_question(text: str, read: Callable[[str], CostQuery], *, without: str | None = None) -> CostQuery | None:
    """A message asking two things (`unusual days in staging this month? someone left something running since
    May`, `dynamo last month — also what's the forecast`): one sentence that asks something on its own, said; None
    when the message has one sentence or no sentence asks anything alone.

    Which one: a sentence asked (`?`) before one that is not, one read whole before one that had to leave words
    out, a sentence told (ended by a full stop, or telling what someone did or is doing: `we moved queue consumer to
    batch mode`, `so I'm putting together a slide`) after the others, and one adding to another (`maybe you can also
    give a forecast?`) last. A sentence naming only a period (`... For October please :)`) dates the one answered
    when that names none. With `without` (a word nothing reads), only the first sentence, when the word is in a later
    one and a question mark, an exclamation mark or a dash parts them (`monthly? trying to size the Sydney
    footprint`): the word is context after the question, never left out of the question itself; or the others, when
    the word is only in sentences told (`I changed SQS to long polling on the 18th. Could you show me the SQS cost of
    every day since the 10th?`) or adding to another (`... for the Production Account. The November Value is of
    course not complete, maybe you can also give a forecast?`)."""
    kept = _DATE_DASH.sub(r"\1-\2", _SHORT_FORM_STOP.sub(r"\1", text))  # `1 Nov - 26 Nov` is one span
    kept = _ASIDE.sub(lambda m: re.sub(r"[?!]", " ", m[0]), kept)  # `the image thing (cloudfront??) cost`: one
    parts, adding = _sentences(kept)
    told = [k for k, p in enumerate(parts) if re.search(rf"{re.escape(p)}\.(?:\s|$)", kept) or (k and _TELLS.match(p))]
    # (a part of a sentence that adds, `The November Value is not complete, maybe you can also give a forecast?`)
    adds = [m for m in SENTENCE_END.split(kept) if _ADDS.search(m)]
    later = [k for k, p in enumerate(parts) if k and (p in adding or any(p in m for m in adds))]
    order = list(dict.fromkeys([*(k for k in range(len(parts)) if k not in told and k not in later), *told, *later]))
    # `trying to normalize our run-rate`, `Good day.`: what the person is after, a greeting: they ask nothing
    order = [k for k in order if not only_purpose(parts[k]) and not greeting_only(parts[k])]
    if without is not None:
        word = re.compile(rf"(?<!\w){re.escape(without)}(?!\w)")
        holding = [k for k, p in enumerate(parts) if word.search(p)]
        others = [k for k in range(len(parts)) if k not in holding]
        if holding and set(holding) <= {*told, *later} and others:
            first = [k for k in others if k not in later] or others  # (what another adds comes after it)
            order = [k for k in first if _asked(parts[k], kept)] or first  # the question asked, if one is
        else:
            parts = [p.strip() for p in _STRONG_ENDS.split(kept) if p.strip()]
            in_parts = [p for p in parts if word.search(p)]
            if len(parts) < 2 or parts[0] in in_parts or any(len(p.split()) < 3 for p in in_parts):
                return None  # in the question itself (`frontend costs? last month`) or an afterthought (`? frontend`)
            order = [0]
    if len(parts) < 2:
        return None
    nothing = read("")
    read_parts: dict[int, CostQuery] = {}  # each sentence read once, in the order tried
    for k in order:
        with suppress(UserFacingError):
            read_parts[k] = read(parts[k])
    found = [(k, query) for k, query in read_parts.items() if query != nothing]
    if not found:
        return None
    k, query = min(found, key=lambda f: (f[0] in later, not _asked(parts[f[0]], kept), not read_whole(f[1])))
    answered = [k]
    for m in range(len(parts)):  # (the sentences `order` left out are read for their period too)
        if m not in read_parts:
            with suppress(UserFacingError):
                read_parts[m] = read(parts[m])
    periods = [m for m, other in read_parts.items() if m != k and _only_a_period(other, nothing)]
    if query.time_range == nothing.time_range and len(periods) == 1:
        with suppress(UserFacingError):  # `how much of our spend is untagged for project? ... For October please`
            query = read(f"{parts[k]} {parts[periods[0]]}")
            answered.append(periods[0])
    breakdowns = [
        m
        for m, other in read_parts.items()
        if m not in answered and _only_a_breakdown(other, nothing) and _BREAKDOWN_WORD.search(parts[m])
    ]
    if not query.group_by and len(breakdowns) == 1:
        with suppress(UserFacingError):  # `What's the forecast for December? ... Per account if you can`
            query = read(f"{parts[k]} {parts[breakdowns[0]]}")
            answered.append(breakdowns[0])
    asked = " ".join(parts[m] for m in sorted(answered))
    rest = " ".join(p for m, p in enumerate(parts) if m not in answered)
    note = f"Answered `{asked}` only; the rest (`{rest}`) asks something else: ask it on its own."
    return replace(query, readings=(*query.readings, note))


def _sentences(text: str) -> tuple[list[str], set[str]]:
    """The parts of `text` between the ends of questions (`_QUESTION_ENDS`), and those that add to the one before
    them (`..., maybe you can also give a forecast?`)."""
    pieces = re.split(f"({_QUESTION_ENDS.pattern})", text, flags=re.IGNORECASE)  # parts and what ends each
    parts = [p.strip() for p in pieces[::2] if p.strip()]
    adding = {p.strip() for end, p in zip(pieces[1::2], pieces[2::2], strict=True) if _ADDS.search(f"{end} {p}")}
    return parts, adding


def _only_a_period(query: CostQuery, nothing: CostQuery) -> bool:
    """Whether a sentence read as `query` names a period, maybe with its step, and nothing else (`For October
    please`, `daily for the past 2 wks pls`)."""
    bare = replace(nothing, readings=())
    rest = replace(query, time_range=nothing.time_range, granularity=nothing.granularity, readings=())
    return query.time_range != nothing.time_range and rest == bare


#: Words that ask for a breakdown in a sentence of its own (`Per account if you can`; `Hi team!` greets).
_BREAKDOWN_WORD = re.compile(r"\b(?:by|per|split|broken|breakdown|each)\b", re.IGNORECASE)


def _only_a_breakdown(query: CostQuery, nothing: CostQuery) -> bool:
    """Whether a sentence read as `query` names a breakdown and nothing else (`Per account if you can`, `split by
    service pls`)."""
    bare = replace(nothing, readings=())
    return bool(query.group_by) and replace(query, group_by=nothing.group_by, readings=()) == bare


def _asked(part: str, text: str) -> bool:
    """Whether the sentence of `text` holding `part` ends with a question mark (`what did we get in credits last
    month + what were the SP/RI charges on the 1st?`: both parts asked)."""
    end = SENTENCE_END.search(text, text.find(part) + len(part))
    return end is not None and end[0] == "?"


#: An aside in brackets, whose question marks end no sentence (`the image thing (cloudfront??) cost last month`).
_ASIDE = re.compile(r"\([^()]*\)")
#: A quoted span of words (`fwd from accounting: "Please provide AWS charges for Sept ..."`).
_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")
#: The fewest words a quoted span has to be a question relayed (`"unassigned"` is a word quoted).
_RELAYED_WORDS = 4


#: Words that open a question (a panel's title, or a remark someone made, asks none).
_INTERROGATIVES = frozenset({"what", "whats", "what's", "why", "which", "how", "who", "where", "when", "can", "could"})


def quoted_question(text: str) -> tuple[str, str] | None:
    """A message relaying a question in quote marks, which cannot be read whole (`From: Sarah Okafor Subject: RE:
    chargeback -- "we need the project split for November"`, `"... what was total AWS spend in FY2025?" Sent from
    Outlook for Android`): the quoted question and the words around it (who sent it, where from; none when the
    whole message is the quote); None when the message quotes no question, or more than one."""
    found = [m for m in _QUOTED.finditer(text) if len(m[1].split()) >= _RELAYED_WORDS]
    if len(found) != 1:
        return None
    around = f"{text[: found[0].start()]} {text[found[0].end() :]}"
    return found[0][1], " ".join(around.split())


def asks_itself(words: str) -> bool:
    """Whether `words` ask a question (a question mark, `how`, `what`, `which`, `can`): a quote that does not, with
    words around it that do, is what the person's own question refers to (`from the standup thread: "RDS went up a
    lot after the migration" -- how much did RDS cost per day ...`)."""
    return "?" in words or bool(set(re.findall(r"[a-z']+", words.casefold())) & _INTERROGATIVES)


#: A relayed message's header, up to its colon (`fwd from security:`, `Forwarding from Tom in AP:`, `pasting from
#: the thread:`): who sent the question and how it came, before it.
_RELAY_HEADER = re.compile(
    r"^\s*((?:fwd|fw|forwarded|forwarding|pasting|pasted|relaying|relayed|quoting|copying|copied)\b[^:\n\"“]{0,60}"
    # a monitoring tool's name before what it said (`cloudwatch: "NATGateway-prod-a BytesOut > 500GB" since tue`)
    r"|cloudwatch|grafana|datadog|pagerduty|opsgenie|alertmanager|prometheus|sentry|new\s?relic):"
    r"\s*(\S.*)$",
    re.IGNORECASE | re.DOTALL,
)


#: A thanks opening the message as a sentence of its own (`Thank you for your support always.`): it asks nothing.
_THANKS_OPENING = re.compile(r"^\s*((?:thank you|thanks|thx) for [^.?!,\n]{1,60}[.!]+)\s+(\S.*)$", re.I | re.S)


def thanks_opening(text: str) -> tuple[str, str] | None:
    """The thanks opening a message (`Thank you for your support always.`) and the question after it; None when
    the message opens with none (`thanks for the numbers, now s3?` goes on in the sentence)."""
    found = _THANKS_OPENING.match(text)
    return (found[1].strip(), found[2]) if found else None


#: A word taken back as it was typed (`why did athena... sorry, glue go up`, `cuanto... sorry, how much`): the word
#: before the ellipsis, the ellipsis and the apology.
_TAKEN_BACK = re.compile(r"(?<!\S)([^\s.…]+)(?:\.{2,}|…)\s*(?:sorry|i mean|i meant|no wait|oops)\b[,:]?\s*", re.I)


def taken_back(text: str) -> tuple[str, str] | None:
    """`text` without a word the person took back as they typed it (`why did athena... sorry, glue + s3 go up`),
    and that word; None when nothing is taken back."""
    found = _TAKEN_BACK.search(text)
    if found is None or not text[found.end() :].strip():
        return None
    return text[: found.start()] + text[found.end() :], found[1]


#: Words withdrawing all typed before them (`eks control plane + the ec2 for nodes... actually nvm just show me EKS per
#: region`): what follows is the question.
_WITHDRAWN = re.compile(
    r"[\s.,;:…-]*\b(?:(?:actually|ok|oh|ah)\s+)?(?:nvm|never\s?mind|scratch\s+that|forget\s+(?:that|it))\b[\s.,;:!-]*",
    re.I,
)


def withdrawn(text: str) -> tuple[str, str] | None:
    """What the person withdrew with `nvm`, `never mind`, `scratch that` (the words before it), and the question
    after it; None when nothing is withdrawn or nothing is asked after it."""
    found = _WITHDRAWN.search(text)
    if found is None or found.start() == 0 or len(text[found.end() :].split()) < 2:
        return None
    return text[: found.start()].strip(), text[found.end() :]


#: An AWS Budgets notification pasted before a question (`"AWS Budgets: Monthly-Prod has exceeded 80% ..." —
#: what's driving EC2`, `Subject: [ALERT] AWS Budget "dl" 100% threshold reached — which resources ...`): in quote
#: marks, or from the message's start to the first long dash or sentence end after it.
_BUDGET_ALERT = re.compile(
    r"^\s*(?:[\"“]([^\"”]*\bAWS\s+Budgets?\b[^\"”]*)[\"”]"
    r"|((?:(?:subject|fw|fwd)\s*:\s*|\[\w+\]\s*)*\[?AWS\s+Budgets?\b.*?)(?=\s[—–]\s|--\s|[.?!]\s))",
    re.IGNORECASE | re.DOTALL,
)


#: A CloudWatch alarm's notification pasted before a question (`ALARM: "EstimatedCharges-prod" in US East (N.
#: Virginia) Threshold Crossed: 1 datapoint [14203.55 (26/11/26 23:00:00)] was greater than the threshold
#: (12000.0).`): its state, name and region, and the crossing it reports.
_CLOUDWATCH_ALARM = re.compile(
    r"^\s*((?:ALARM|OK|INSUFFICIENT_DATA)\s*:\s*[\"“][^\"”]+[\"”]\s+in\s+[A-Z][\w .-]*?\([^)]*\)"
    r"(?:\s+Threshold\s+Crossed:.*?threshold\s*\([\d.,]+\))?)(?=[\s.])",
    re.IGNORECASE | re.DOTALL,
)


def pasted_alert(text: str) -> tuple[str, str, str] | None:
    """What kind of alert was pasted before the question (an AWS Budgets notification, `_BUDGET_ALERT`, or a
    CloudWatch alarm, `_CLOUDWATCH_ALARM`), the alert, and the question after it; None when the message opens with
    none, or nothing is asked after it."""
    budget = _BUDGET_ALERT.match(text)
    alarm = _CLOUDWATCH_ALARM.match(text) if budget is None else None
    found = budget or alarm
    if found is None:
        return None
    rest = text[found.end() :].lstrip(' "”—–-.:?!')
    if len(rest.split()) < 3:
        return None
    if budget is not None:
        return "budget alert", (budget[1] or budget[2]).strip(), rest
    return "CloudWatch alarm", found[1].strip(), rest


def relay_header(text: str) -> tuple[str, str] | None:
    """The header of a message relaying a question (`fwd from security: "Please list ..."`) and the question after
    it; None when the message opens with none. Whatever the header names (`security`, a person, a team) sent the
    question: it asks nothing itself."""
    found = _RELAY_HEADER.match(text)
    return (found[1].strip(), found[2]) if found else None


#: Slack's code: a block between triple backticks, or a span between single ones.
_CODE = re.compile(r"```.*?```|`[^`\n]+`", re.DOTALL)
#: What only pasted output or code holds (`ThrottlingException: Rate exceeded (...)`, `--time-period`, `"Amount"`,
#: `$ aws ce ...`): a word between backticks (`team`, `service=ec2`, `2026-11-01`) is the question's own.
_PASTED_MARKS = re.compile(r"[:(){}\[\]\"$]|--")
#: The fewest words of a span between backticks that is pasted text (a log line), marks or none.
_PASTED_WORDS = 5
#: Command-line tools whose command, between backticks, is pasted (`aws s3api list-buckets`, `kubectl get nodes`).
_COMMAND_TOOLS = frozenset({"aws", "kubectl", "eksctl", "terraform", "helm", "docker", "gcloud", "az", "curl", "psql"})


def without_pasted_code(text: str) -> tuple[str, str] | None:
    """`text` with the output, log lines and commands pasted in it as Slack code left out (spaces in their place, so
    positions hold), and the first of them as typed, shortened; None when it holds none. A code block is always
    pasted; a span between single backticks when it holds marks only output or code has (`_PASTED_MARKS`) or is a
    line of words (`glue job nightly-etl-v2 started ...`) or a command of a command-line tool (`kubectl get
    nodes`)."""
    pasted = [
        m
        for m in _CODE.finditer(text)
        if m[0].startswith("```")
        or _PASTED_MARKS.search(m[0])
        or len(m[0].split()) >= _PASTED_WORDS
        or (len(m[0].split()) > 1 and m[0].strip("`").split()[0].casefold() in _COMMAND_TOOLS)
    ]
    if not pasted:
        return None
    kept = text
    for m in pasted:
        kept = kept[: m.start()] + " " * len(m[0]) + kept[m.end() :]
    return kept, shortened(" ".join(pasted[0][0].strip("`").split()), _SHOWN)


def shortened(text: str, most: int) -> str:
    """`text` as a reading shows it: at most `most` characters, an ellipsis where it was cut."""
    return text if len(text) <= most else f"{text[: most - 1]}…"


#: The most characters of pasted code a reading shows.
_SHOWN = 40


#: A mark that starts an item of a list typed on one line: `1.`, `2)`, `(3)`, `a)`, `(b)`, or a bullet.
_ITEM_MARK = re.compile(r"(?:^|(?<=\s))(?:\(([1-9]|[a-h])\)|([1-9]|[a-h])[.)]|([•·▪]))(?=\s)")


def list_items(text: str) -> str | None:
    """`quick ones 1. total for oct 2. same for sept 3. diff in %`, `(a) data-lake total excl. tax, (b) spend tagged
    team=data`, `• data-lake acct • november so far • top 10`: a list typed on one line, its items parted as
    sentences (` — `), so that a later item's number is never a day (`oct 2.`) and each item is a sentence of its
    own; None when `text` holds no list: numbers or letters counting up from `1` or `a` (two at least), or two
    bullets."""
    marks = list(_ITEM_MARK.finditer(text))
    bullets = [m for m in marks if m[3]]
    counted = [m for m in marks if not m[3]]
    items: list[re.Match[str]] = []
    for m in counted:  # the run of marks counting up from the first: `1`, `2`, `3` or `a`, `b`
        label = (m[1] or m[2]).casefold()
        want = chr(ord((items[0][1] or items[0][2]).casefold()) + len(items)) if items else None
        if (not items and label in ("1", "a")) or label == want:
            items.append(m)
    chosen = bullets if len(bullets) >= 2 else items if len(items) >= 2 else []
    if not chosen:
        return None
    out, at = [], 0
    for m in chosen:
        out.append(text[at : m.start()].rstrip(" ,;"))
        at = m.end()
    out.append(text[at:])
    return " — ".join(p.strip() for p in out if p.strip())
