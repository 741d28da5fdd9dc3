"""What people wrap around a question, read past before the loop (`grammar_prepass.PrepassReader` runs it first).

A question pasted into Slack carries where it came from and who sent it: a channel (`from #data-eng:`), a person
(`re @maria's q`), the quote marks of a forwarded mail (`>>`), a greeting (`Good morning`), a sign-off (`Best,
Dana | FP&A`, `- Tom`, `mvh Lars`), how its dates are written (`dd-mm`), the tool that showed the asker a number
(`Cost Explorer says`, `in the CUR dashboard`, `my grafana billing panel`) and the zone of a time of day (`14:00
UTC`). None of it is a filter, a date or a breakdown; a word the grammar reads (a stored value, a month) is never
read past.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.billing.grammar_dates import ORDINAL
from bot.billing.grammar_tokens import Kind, Token
from bot.billing.grammar_typos import english_words
from bot.billing.grammar_words import CLOCK, FOLLOW_UP_LEADS

#: A Slack channel or person (`#data-eng`, `@maria's`): where the question came from (a channel named like a value,
#: `#checkout`, is still a channel).
_SLACK_REFERENCE = re.compile(r"^[#@][^\W\d_][\w.-]*(?:['’]s)?:?$")
#: The marks of a quoted mail (`>`, `>>`), a typed dash (`--`), a release's version (`v4.12`, `v2.3.1`) and an arrow
#: pointing at a message in the thread (`re this ↓`, `this ^^`).
_MARKS = re.compile(r"^(?:>+|-{2,3}|={2,}|v\d+(?:\.\d+)+|[↑↓⬆⬇👆👇☝]+|\^+)$")
#: How a date is written (`dd-mm`, `mm/dd/yyyy`): a note on the dates typed, no date itself.
_DATE_FORM = re.compile(r"(?:dd|mm|yy|yyyy)(?:[-/.](?:dd|mm|yy|yyyy)){1,2}")
#: A ticket's key (`DATA-88`, `FIN-2231:`), unless the store holds a value so spelled.
_TICKET_KEY = re.compile(r"^[A-Z][A-Z0-9]+(?:-\d+)+:?$")
#: Words that close a message before the sender's name (`Thanks, Mark`, `mvh Lars`, `Best, Dana | FP&A`).
_SIGN_OFFS = frozenset(
    {"thanks", "thank", "thx", "cheers", "best", "regards", "br", "kr", "ta", "mvh", "tack", "gracias", "saludos"}
    | {"danke", "grazie", "obrigado", "obrigada", "merci", "cordialement", "rgds", "tia"}
)
#: Dashes before a name at the end of a message (`- Tom`).
_DASHES = frozenset({"-", "–", "—", "--"})
#: Zones a time of day is written in (`14:00 UTC`, `9:30am PT`).
_ZONES = frozenset(
    {"utc", "gmt", "z", "pst", "pdt", "pt", "est", "edt", "et", "cst", "cdt", "ct", "mst", "mdt", "cet", "cest"}
    | {"bst", "ist", "aest", "aedt", "jst", "kst", "sgt", "nzt", "nzdt", "brt", "local"}
)
#: Zones that are no English word, as written in capitals (`UTC`, `PST`, `AEDT`).
_ZONE_NAMES = frozenset(
    {"utc", "gmt", "pst", "pdt", "edt", "cst", "cdt", "mst", "mdt", "cet", "cest", "bst", "aest", "aedt", "jst", "kst"}
)
#: What shows a person a number (`the CUR dashboard`, `my grafana billing panel`, `our FinOps sheet`): the words
#: before one of these name the tool, not what is asked.
_TOOL_NOUNS = frozenset(
    {"dashboard", "dashboards", "panel", "panels", "chart", "charts", "graph", "graphs", "console", "sheet"}
    | {"sheets", "widget", "widgets", "tile", "tiles"}
)
#: Tools people read costs in, named before a tool's noun (`my grafana billing panel`, `the quicksight chart`).
_TOOLS = frozenset(
    {"grafana", "quicksight", "tableau", "looker", "datadog", "kibana", "metabase", "superset", "powerbi", "excel"}
    | {"cloudability", "cloudhealth", "vantage", "kubecost", "apptio", "finout", "opencost"}
)
#: Words that may stand between the tool's name and its noun (`grafana billing panel`, `finance cost dashboard`).
_TOOL_WORDS = frozenset({"billing", "cost", "costs", "spend", "finops", "finance", "aws"})
#: Words of someone needing an answer, and when (`boss wants a number before monday`, `need it by EOD`).
_NEEDS = frozenset({"need", "needs", "needed", "want", "wants", "wanted", "asap", "due", "deadline"})
_DEADLINES = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "mon", "tue", "tues", "wed", "thu", "thurs", "fri"}
    | {"tomorrow", "tmrw", "eod", "eow", "cob", "lunch", "standup", "noon", "tonight"}
)
#: Of those, the ones no breakdown or day is named by: after `by`, a deadline wherever they stand.
_DUE_WORDS = frozenset({"tomorrow", "tmrw", "eod", "eow", "cob", "lunch", "standup", "tonight"})
#: Words after a follow-up's `same` (`same thing again but ...`; before it, `FOLLOW_UP_LEADS`).
_FOLLOW_UP_NOUNS = frozenset({"thing", "things", "again", "question", "query", "q", "one", "please", "pls", "plz"})
#: What `same` compares when it is no follow-up's mark (`same day last week`, `same period`).
_SAME_UNITS = frozenset(
    {"day", "days", "week", "weeks", "month", "months", "quarter", "year", "period", "time", "point", "dates"}
)
_MINUTES = frozenset({"min", "mins", "minutes", "m"})
#: A greeting of one word, before a comma or a dash (`morning - what was ...`).
_GREETING_ALONE = frozenset({"morning", "mornin", "afternoon", "evening", "gm"})
#: A greeting before whom it greets (`hi team`, `Dear all`, `Morning all -`).
_GREETINGS = _GREETING_ALONE | {"hi", "hey", "hello", "dear", "yo", "hiya"}
_ADDRESSED = frozenset({"team", "all", "everyone", "folks", "guys", "sir", "madam", "y'all", "there", "bot", "o"})
#: Greetings of two words (`good morning`).
_GREETING_PAIRS = frozenset({("good", w) for w in ("morning", "afternoon", "evening", "day")})


#: Words of a greeting or a thanks standing as a sentence of its own (`Good day.`, `Hi team,`, `Thank you kindly.`).
_GREETING_WORDS = frozenset(
    {"good", "day", "hi", "hello", "hey", "dear", "team", "all", "everyone", "folks", "bot", "trackit", "kindly"}
    | {"thanks", "thank", "you", "much", "very", "cheers", "please", "pls"}
    | _GREETING_ALONE
)


def greeting_only(sentence: str) -> bool:
    """Whether a sentence is only a greeting or a thanks (`Good day.`, `Thank you kindly.`): it asks nothing."""
    words = [w.strip(",.!?:;").casefold() for w in sentence.split()]
    return bool(words) and all(w in _GREETING_WORDS for w in words)


def unwrapped(tokens: list[Token], is_read: Callable[[str], bool]) -> list[Token]:
    """`tokens` without what wraps the question (see the module docstring); `is_read(word)`: whether the
    grammar reads the word (a stored value, a date, a grammar word): such a word is always kept."""
    kept: list[Token] = []
    for tok in tokens:
        if tok.kind is not Kind.WORD:
            kept.append(tok)
            continue
        ticket = _TICKET_KEY.match(tok.text) is not None and not is_read(tok.text)
        if ticket and kept and kept[-1].lower in ("per", "re", "ref", "see"):
            kept.pop()  # `per DATA-88:`: as the ticket asks
        form = _DATE_FORM.fullmatch(tok.lower) is not None  # `(dates are dd-mm, sorry)`: how dates were written
        if not (ticket or form or _SLACK_REFERENCE.match(tok.text) or _MARKS.match(tok.text)):
            kept.append(tok)
    kept = [t for j, t in enumerate(kept) if not _zone_of_clock(kept, j) and not _a_question_relayed(kept, j)]
    kept = _without_greetings(kept)
    kept = _without_follow_up_mark(kept)
    kept = _without_deadline(kept, is_read)
    kept = _without_tools(kept, is_read)
    return _without_signature(kept, is_read)


def _a_question_relayed(tokens: list[Token], j: int) -> bool:
    """`q from leadership:`, `re maria's q`: `q` as a question relayed (`spend q` is a quarter)."""
    if tokens[j].lower not in ("q", "qq"):
        return False
    before = tokens[j - 1].lower if j > 0 else ""
    after = tokens[j + 1].lower if j + 1 < len(tokens) else ""
    asked = before in ("re", "quick", "a", "her", "his", "their", "dumb", "silly", "stupid", "basic", "same", "newbie")
    return asked or before.endswith("'s") or after in ("from", "about")


def _zone_of_clock(tokens: list[Token], j: int) -> bool:
    """`14:00 UTC`, `midnight UTC`, `inclusive (UTC)`: a time zone, after a time or standing alone in its own brackets
    or beside a day (`2026-11-22 UTC`); a zone that is a word too (`et`, `ist`, `local`) only after a time."""
    before = tokens[j - 1].lower if j > 0 else ""
    clock = bool(CLOCK.match(before)) or before in ("midnight", "noon", "midday")  # `14:00 UTC`, `midnight UTC`
    alone = tokens[j].lower in _ZONE_NAMES and tokens[j].text.isupper()  # `(UTC)`, `2026-11-22 UTC`
    return j > 0 and tokens[j].lower in _ZONES and (clock or alone)


def _without_deadline(tokens: list[Token], is_read: Callable[[str], bool]) -> list[Token]:
    """`need a number before monday`, `boss wants it by EOD`, `for my 1:1 in 5 mins`: when the asker needs the
    answer, no part of the question (the days asked are named apart)."""
    words = [t.lower for t in tokens]
    for j, w in enumerate(words):
        after = words[j + 1 : j + 3]
        if w == "in" and len(after) == 2 and after[0].isdecimal() and len(after[0]) < 3 and after[1] in _MINUTES:
            return [*tokens[:j], *tokens[j + 3 :]]  # `in 5 mins`
        if w == "by" and after and after[0] in _DUE_WORDS:
            return [*tokens[:j], *tokens[j + 2 :]]  # `book the accrual by EOD`: a deadline, whoever needs it
        the = after[:1] == ["the"]
        day = after[1:2] if the else after[:1]
        if w == "by" and day and ORDINAL.match(day[0]):
            # `where will it end up by the 30th`: when, no breakdown (a forecast is the month's end anyway)
            return [*tokens[:j], *tokens[j + 2 + the :]]
        if w not in ("before", "by") or not any(n in _NEEDS for n in words[max(0, j - 6) : j]) or not after:
            continue
        # `before brekkie monday`: one word nothing reads may stand between
        k = j + 1 if after[0] in _DEADLINES or is_read(tokens[j + 1].text) else j + 2
        if k < len(words) and words[k] in _DEADLINES:
            return [*tokens[:j], *tokens[k + 1 :]]
    return tokens


def _without_follow_up_mark(tokens: list[Token]) -> list[Token]:
    """`same for october`, `ditto for s3`, `ok same thing but by region`: the mark of a follow-up
    (`bot.billing.followup` keeps the rest of the question before it), no part of what the message asks (`same day
    last week` is a day)."""
    j = 0
    while j < len(tokens) and tokens[j].lower in FOLLOW_UP_LEADS:
        j += 1
    if j >= len(tokens) or tokens[j].lower not in ("same", "ditto"):
        return tokens
    k = j + 1
    while k < len(tokens) and tokens[k].lower in _FOLLOW_UP_NOUNS:
        k += 1
    if k < len(tokens) and tokens[k].lower in _SAME_UNITS:
        return tokens  # `same month last year`
    return [*tokens[:j], *tokens[k:]]


def _without_greetings(tokens: list[Token]) -> list[Token]:
    """`Good morning, ...`, `morning - ...`, `evening all,`, `hi team`: a greeting opening the message (`team`
    there is whom it greets, not the team tag)."""
    if len(tokens) > 2 and (tokens[0].lower, tokens[1].lower) in _GREETING_PAIRS:
        addressed = len(tokens) > 3 and tokens[2].lower in _ADDRESSED  # `Good morning team. Please share ...`
        return tokens[3:] if addressed else tokens[2:]
    if len(tokens) > 2 and tokens[0].lower in _GREETINGS and tokens[1].lower in _ADDRESSED:
        closed = tokens[2].kind is Kind.COMMA or tokens[2].text in _DASHES
        return tokens[3:] if closed and len(tokens) > 3 else tokens[2:]
    if (
        len(tokens) > 2
        and tokens[0].lower in _GREETING_ALONE
        and (tokens[1].kind is Kind.COMMA or tokens[1].text in _DASHES)
    ):
        return tokens[2:]
    # `morning! how much ...`: a mark the tokens drop stands between the greeting and the question
    marked = len(tokens) > 1 and tokens[1].position - tokens[0].position - len(tokens[0].text) > 1
    if marked and tokens[0].lower in _GREETING_ALONE:
        return tokens[1:]
    return tokens


def _without_tools(tokens: list[Token], is_read: Callable[[str], bool]) -> list[Token]:
    """`Cost Explorer says`, `in the CUR dashboard`, `my grafana billing panel`, `our FinOps sheet`: the tool's name
    read past (its noun is chat); any other word before the noun (`the ec2 dashboard`) is kept."""
    out = list(tokens)
    for j in range(len(out) - 1, 0, -1):
        if j >= len(out):
            continue
        if out[j - 1].lower == "cost" and out[j].lower == "explorer":
            del out[j - 1 : j + 1]
            continue
        if out[j].lower not in _TOOL_NOUNS:
            continue
        k = j
        while k > 0 and _names_a_tool(out[k - 1], is_read):
            k -= 1
        del out[k:j]
    return out


def _names_a_tool(tok: Token, is_read: Callable[[str], bool]) -> bool:
    """A word of a tool's name before its noun: a tool people read costs in (`grafana`, `quicksight`), an acronym
    nothing reads (`CUR`, `BI`), or a word of what it shows (`billing`, `finops`); any other word (`the frontend
    dashboard`) may be what is asked, and is left to the grammar."""
    if tok.kind is not Kind.WORD or not tok.text.isalpha():
        return False
    acronym = tok.text.isupper() and len(tok.text) <= 5 and not is_read(tok.text)
    return tok.lower in _TOOL_WORDS or tok.lower in _TOOLS or acronym


def _without_signature(tokens: list[Token], is_read: Callable[[str], bool]) -> list[Token]:
    """`... Thanks, Mark`, `Best, Dana | FP&A`, `- Tom`, `mvh Lars` at the end: the sender, no part of the question."""
    for k in range(max(0, len(tokens) - 6), len(tokens)):
        tok = tokens[k]
        if tok.lower not in _SIGN_OFFS and not (tok.lower in _DASHES and k > 0):
            continue
        rest = [t for t in tokens[k + 1 :] if t.kind is not Kind.COMMA and t.lower not in ("you", "|", "/")]
        # after a bare dash, only one name people are called by (`- Tom`; `- Frontend` may be what is asked)
        named = tok.lower in _SIGN_OFFS or (len(rest) == 1 and rest[0].lower in english_words())
        if 0 < len(rest) <= 3 and named and all(_signs(t, is_read) for t in rest) and rest[0].text[:1].isupper():
            return tokens[:k]
        if not rest and tok.lower in _SIGN_OFFS and k == len(tokens) - 1 and k > 0:  # `... interne. Cordialement`
            return tokens[:k]
    return tokens


def _signs(tok: Token, is_read: Callable[[str], bool]) -> bool:
    """A word of a signature: a capitalised name or a team's initials (`Dana`, `FP&A`), no stored value."""
    return tok.kind is Kind.WORD and tok.text[:1].isupper() and not is_read(tok.text)
