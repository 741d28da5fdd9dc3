"""Splitting query text into tokens: words, quoted values, `=` / `!=`, and commas.

Quotes may be straight (`"..."`, `'...'`) or the curly ones Slack's clients substitute (`“...”`, `‘...’`). An
apostrophe inside a word is part of it (`what's`, `team’s`), and a question's closing punctuation (`?`, `!`, a
final `.`) is not part of its last word. Slack formatting pasted around words (`*bold*`, `_italic_`, `~struck~`,
`` `code` ``), emoji (`:fire:`, a pictograph) and an aside's brackets (`(monthly)`) are read as spaces: they dress a
question, they never change it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from bot.errors import UsageError

#: Longest query accepted; a slash command's text is at most a few hundred characters in practice.
MAX_QUERY_LENGTH = 2000

_CLOSING_QUOTE = {'"': '"', "'": "'", "“": "”", "”": "”", "‘": "’", "’": "’", "„": "“"}


class Kind(StrEnum):
    WORD = "word"
    QUOTED = "quoted"
    EQ = "="
    NE = "!="
    COMMA = ","


@dataclass(frozen=True)
class Token:
    kind: Kind
    text: str
    position: int  # offset in the query text, for error messages
    #: the text case-folded, once (every rule compares words so)
    lower: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lower", self.text.casefold())

    @property
    def is_value(self) -> bool:
        return self.kind in (Kind.WORD, Kind.QUOTED)


#: A year written short after an apostrophe (`Nov '26`, `Q3 ’25`).
_SHORT_YEAR = re.compile(r"['’](\d{2})(?![\w'’])")
_WORD_END = re.compile(r"[\s,=\"'“”‘’„]|!=")
_APOSTROPHES = "'’"
#: An arrow typed between two words with no space (`Jan→Nov`, `oct->nov`).
_GLUED_ARROW = re.compile(r"(\w[\w-]*?\w|\w)(->|→)(\w[\w-]*)")
#: Sentence marks after a word (`team:`, `costs?!`), not the dots of an open range (`2026-10-01..`).
_TRAILING_PUNCTUATION = re.compile(r"(?<!\.)[?!.:;]+$|\?+$")


def _word_end(text: str, start: int) -> int:
    """Where the word starting at `start` ends: at a separator, but not at an apostrophe between two letters."""
    i = start
    while True:
        match = _WORD_END.search(text, i)
        if match is None:
            return len(text)
        end = match.start()
        if (
            text[end] in _APOSTROPHES
            and end > start
            and text[end - 1].isalnum()
            and end + 1 < len(text)
            and text[end + 1].isalpha()
        ):
            i = end + 1
            continue
        if text[end] == "," and text[end - 1 : end].isdigit() and re.match(r",\d{3}(?!\d)", text[end:]):
            i = end + 1  # `4,812.33`: a number's thousands
            continue
        return end


#: Slack's entities in a text (mentions `<@U0123>`, `<!here>`, channel links `<#C0123|name>`, links
#: `<https://...|label>`) and links as typed (`https://...`): none of them is a word of a question.
_SLACK_ENTITY = re.compile(r"<[@#!][^>]*>|<(?:https?|mailto):[^>]*>|\bhttps?://\S+")
#: A letter's sign-off at the end of a text (`Best, Alex`, `Thanks, Sam`): a greeting and up to two names
#: (their role after a bar or in brackets: `Regards, Accounts Payable | ap@...`, `Cheers, Luis (Contractor)`).
_SIGN_OFF = re.compile(
    r"(?:^|(?<=[\s.!?,]))(?:best|thanks|thank you|cheers|regards|kind regards|br|ta"
    # (other languages' closings: `Freundliche Grüsse, Reto`, `Saludos, Ana`, `Cordialement, Luc`)
    r"|(?:freundliche|beste|liebe|viele)\s+gr(?:ü|ue)(?:ss|ß)e|mfg|lg|saludos|cordialement|abraços|cumprimentos)"
    r",?(?:\s+[A-Z][\w'-]*){1,2}"
    r"(?:\s*[|(][^|()\"“”]{0,60}(?:[|)][^|()\"“”]{0,60})*)?\s*$",
    re.IGNORECASE,
)
#: A letter's closing words ending the message, with no name after them (`Kind regards`, `Many thanks in advance.`).
_CLOSING = re.compile(
    r"(?:^|(?<=[\s.!?,]))(?:(?:kind|best|warm|warmest)\s+regards|regards|many thanks(?:\s+in\s+advance)?"
    r"|thanks\s+in\s+advance|thank\s+you\s+in\s+advance)[.!]*\s*$",
    re.IGNORECASE,
)
#: What a mail client writes around a pasted mail: `On Wed, Nov 25, 2026 at 4:12 PM Mark Chen wrote:`, `Sent from my
#: iPhone`, `Sent from Outlook for Android`, `Get Outlook for iOS`.
_MAIL_LINES = re.compile(
    r"\b[Oo]n\s[^\"“”?]{5,80}?\swrote:"
    r"|\bSent from (?:my \w+|Outlook|Mail|Gmail|Yahoo)(?: for \w+)?|\bGet Outlook for \w+"
)
#: The dashes of a command-line flag (`--since 2w`, `--acct staging`, `-by region`, `-n 10`).
_FLAG = re.compile(r"(?<!\S)--?(?:(?:period|range|window|timeframe|time-period)\s)?(?=[a-z])")
#: A value asked for rather than given (`env=?`, `team=*`): the key alone, whose values are listed.
_ASKED_VALUE = re.compile(r"(?<=\w)=[?*](?=[\s,.]|$)")
#: A hedge glued to a period, a time or an amount (`last quarter-ish`, `3pm-ish`, `10ish`): the words without it.
_ISH = re.compile(r"(?<=\w)-ish\b|(?<=\d)ish\b|(?<=\d[ap]m)ish\b", re.IGNORECASE)
#: A moment written as ISO 8601 or a log writes it (`2026-11-20T00:00Z`, `2026-10-01T00:00:00-07:00`, `2026-11-23
#: 09:00 PST`): its day (costs are kept by the day and hour; the clock of a day given in full is no hour asked).
_TIMESTAMP = re.compile(
    r"\b(\d{4}-\d{2}-\d{2})(?:T|\s+)(\d{2}):(\d{2})(?::\d{2})?(?:\.\d+)?"
    r"(?:Z|[+-]\d{2}:?\d{2}|\s+(?:UTC|GMT|PST|PDT|EST|EDT|CST|CDT|CET|CEST|BST|AEST|AEDT|JST|IST)\b)?"
)
#: A weekday named before the full date it is (`from Mon 2026-11-23`): the date says it.
_WEEKDAY_OF_DATE = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+(?=\d{4}-\d{2}-\d{2}\b)",
    re.IGNORECASE,
)
#: Words before the end of a span (an end at midnight is the day before's end: `to 2026-11-27T00:00Z`).
_SPAN_END_WORDS = re.compile(r"(?:\bto|\btill|\buntil|\bthrough|\bthru|-|–|—|→|\.\.)\s*$", re.IGNORECASE)
#: A whole day's clock span (`00:00–23:59`, `00:00-24:00`): the day itself.
_WHOLE_DAY = re.compile(r"\b00:00\s*[-–—]\s*(?:23:59(?::59)?|24:00)\b")
#: A time zone named as IANA does (`America/New_York`, `Europe/Berlin`): no word of the question.
_IANA_ZONE = re.compile(r"\b(?:America|Europe|Asia|Australia|Africa|Pacific|Atlantic|Etc)/[A-Za-z_]+(?:/[A-Za-z_]+)?")
#: A hashtag (`#forecast`, `#kms`, `#BlackFriday`): its word, unless it follows a word naming where (`in #checkout`
#: is a channel); `#123` is a ticket's number (read elsewhere).
_HASHTAG = re.compile(r"(?<![\w&])(?<!\bin )(?<!\bfrom )(?<!\bon )(?<!\bto )(?<!\bvia )#(?=[A-Za-z])")
#: A span of ISO weeks named once (`wk40-47`, `wk 45-47`, `weeks 45 to 47`, `W49 and W50`): written `w40-w47`, as the
#: grammar reads a span of weeks (`week 1-3 of november` counts the month's weeks, left alone).
_WEEK_SPAN = re.compile(
    r"(?<!\b\d\s)(?<!\b\d\d\s)\b(?:weeks?|wks?|w|kw|cw)\s?([1-9]|[1-4]\d|5[0-3])\s?(?:[-–]|\s(?:to|through|thru|until|and|&)\s)\s?"
    r"(?:weeks?|wks?|w|kw|cw)?\s?([1-9]|[1-4]\d|5[0-3])\b(?!\s+of\b)",
    re.IGNORECASE,
)
#: The number of an item in a list (`(1) totals by service (2) top 3 movers`, `1) ... 2) ...`): no count, no date.
_LIST_MARK = re.compile(r"(?<!\S)\(?\d{1,2}\)(?=\s)")
#: The hyphen of a short relative span (`--period last-30d`, `past-7d`): a space.
_HYPHENED_SHORT = re.compile(r"(?<=\blast)-(?=\d+[dwmy]\b)|(?<=\bpast)-(?=\d+[dwmy]\b)", re.IGNORECASE)
#: An end of a span written as a key (`from=2026-11-01 to=2026-11-26`): the word, as `from 2026-11-01` reads.
_SPAN_KEY = re.compile(r"(?<![\w-])(from|to|since|until|start|end)=(?=\d)", re.IGNORECASE)
#: A time phrase written with hyphens or underscores (`last-month`, `this-week`, `last_7_days`): its words.
_HYPHENED_TIME = re.compile(
    r"(?<![\w-])(last|this|past|prev|previous)[-_](\d+[-_])?(?=(?:day|week|month|quarter|year)s?\b)"
)
#: A function call around a word (`sum(cost)`): read as the two words.
_CALL = re.compile(r"\b(sum|total|avg|count|max|min)\(([\w-]*)\)", re.IGNORECASE)
#: Slack's emphasis marks at the edge of a word (`*total*`, `_only_`, `~old~`), code ticks anywhere, and emoji
#: codes standing alone (`:fire:`, `:+1:`).
_MARKUP = re.compile(r"(?<![^\s(])[*_~]+|[*_~]+(?=[\s?!.,)]|$)|`|(?<!\S):[a-z0-9_+\-]+:(?!\S)")
#: Parentheses at the edge of a word (`(the big ones)`, `(monthly)`): an aside's brackets, never part of a value;
#: `(none)`, the empty value's spelling, keeps them.
_BRACKETS = re.compile(r"(?<!\S)\((?!none\))|(?<!\(none)\)(?=[\s?!.,:;]|$)", re.IGNORECASE)


def _is_pictograph(ch: str) -> bool:
    """An emoji or another pictograph (`🎄`), its skin tone or variation selector, or the joiner
    between them."""
    if ch in "\u200d\ufe0e\ufe0f":
        return True
    category = unicodedata.category(ch)
    return category == "So" or (category == "Sk" and ord(ch) >= 0x1F000)


#: A bracket glued to the word before it (`Nov(until today)`): the aside's start.
_GLUED_BRACKET = re.compile(r"(?<=[A-Za-z])\((?=[A-Za-z0-9])")
#: A word's optional ending in brackets (`quick(ish)`, `cost(s)`, `account(s)`): the word as it stands.
_GLUED_ASIDE = re.compile(r"(?<=[a-z])\((?:s|es|ish)\)", re.IGNORECASE)


#: An ellipsis, a pause in the sentence (`ec2... last month`, `.....`); dots between dates are a span (`..`,
#: `nov 1...nov 15`).
_ELLIPSIS = re.compile(r"\.{4,}|(?:\.{3}|…)(?=\s|$)")


#: Full-width marks of East Asian input -> their ASCII forms, one character for one (positions kept).
_FULL_WIDTH = str.maketrans({"（": "(", "）": ")", "，": ",", "：": ":", "？": "?", "！": "!", "；": ";", "～": "~"})
#: A tilde standing alone between two words: the span's dash.
_TILDE_SPAN = re.compile(r"(?<=\s)[~〜～](?=\s)")


def strip_markup(text: str) -> str:
    """`text` with Slack formatting marks, emoji, mentions and links replaced by spaces (positions kept for error
    messages); a channel link keeps its name (`<#C0123|platform>`: `platform`); command-line flags and function
    calls read as their words (`--since 2w`, `sum(cost)`); a letter's sign-off and what a mail client writes around a
    mail are no part of it (`Best, Alex`, `Sent from my iPhone`)."""
    text = _SLACK_ENTITY.sub(_entity_spaces, text)
    text = _FLAG.sub(_spaces, _SIGN_OFF.sub(_spaces, _MAIL_LINES.sub(_spaces, _CLOSING.sub(_spaces, text))))
    text = _HYPHENED_TIME.sub(lambda m: m[0].replace("-", " ").replace("_", " "), text)
    text = _HYPHENED_SHORT.sub(" ", _SPAN_KEY.sub(lambda m: f"{m[1]} ", text))  # `last-30d`, `from=2026-11-01`
    text = _ASKED_VALUE.sub(_spaces, text)  # `env=? on eks spend`: the key's values asked, each
    text = _LIST_MARK.sub(_spaces, text)  # `(1) totals by service (2) top 3 movers`: a list's numbers
    text = _ISH.sub(_spaces, text)  # `last quarter-ish`: a hedge, no word of the question
    text = _HASHTAG.sub(" ", text)  # `#forecast for december`: the word
    text = _IANA_ZONE.sub(_spaces, _WHOLE_DAY.sub(_spaces, text))  # `00:00–23:59 America/New_York`: the day
    text = _TIMESTAMP.sub(lambda m: _day_of(m, text), text)  # `2026-11-20T00:00Z`: `2026-11-20`
    text = _WEEKDAY_OF_DATE.sub(_spaces, text)  # `Mon 2026-11-23`: the date
    text = _WEEK_SPAN.sub(_weeks, text)  # `wk 45-47`: `w45-w47`
    text = _CALL.sub(lambda m: f"{m[1]} {m[2]} ", text)
    text = _GLUED_BRACKET.sub(" ", _GLUED_ASIDE.sub(_spaces, text))  # `Nov(until today)`: an aside after `Nov`
    text = text.translate(_FULL_WIDTH)  # `（April～September）`: an East Asian keyboard's marks, one for one
    text = _TILDE_SPAN.sub("-", text)  # `2026/11/01 ~ 2026/11/15`: a span, as written in East Asia (no strikethrough)
    text = _BRACKETS.sub(" ", _MARKUP.sub(_spaces, _ELLIPSIS.sub(_spaces, text)))
    return "".join(" " if _is_pictograph(ch) else ch for ch in text)


def _day_of(match: re.Match[str], text: str) -> str:
    """A moment's day, padded to the moment's length (positions kept); at midnight after a span's `to`, the day
    before, whose end it is (`2026-11-20T00:00Z to 2026-11-27T00:00Z` is the 20th to the 26th)."""
    day = date.fromisoformat(match[1]) if _is_iso_day(match[1]) else None
    if day is None:
        return match[0]
    midnight = (match[2], match[3]) == ("00", "00")
    if midnight and _SPAN_END_WORDS.search(text[: match.start()]):
        day -= timedelta(days=1)
    return day.isoformat().ljust(len(match[0]))


def _is_iso_day(written: str) -> bool:
    try:
        date.fromisoformat(written)
    except ValueError:
        return False
    return True


def _weeks(match: re.Match[str]) -> str:
    """A span of weeks named once as the grammar spells it (`w45-w47`), padded to its length (positions kept); kept
    as typed when its second week is before its first."""
    first, last = int(match[1]), int(match[2])
    return f"w{first}-w{last}".ljust(len(match[0])) if first < last else match[0]


def _spaces(match: re.Match[str]) -> str:
    """A match as spaces of its length: what it covered is gone, every position after it stays where it was."""
    return " " * len(match.group())


def _entity_spaces(match: re.Match[str]) -> str:
    """A Slack entity as spaces of its length; the name of a channel or user group link is kept in its place (it
    may name a team: `<!subteam^S0123|@platform>`)."""
    whole = match.group()
    if whole.startswith(("<#", "<!subteam")) and "|" in whole:
        name = whole[whole.index("|") + 1 : -1].lstrip("@#")
        return " " * (len(whole) - len(name) - 1) + name + " "
    return " " * len(whole)


def tokenize(text: str) -> list[Token]:
    """Tokens of `text`, read without its Slack formatting and emoji (`strip_markup`). Raises `UsageError` for an
    unclosed quote or an over-long query."""
    if len(text) > MAX_QUERY_LENGTH:
        raise UsageError(
            f"That query is {len(text)} characters long; the limit is {MAX_QUERY_LENGTH}.",
            hint="Ask a shorter question, e.g. `last month by service`.",
        )
    text = strip_markup(text)
    tokens: list[Token] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch == ",":
            tokens.append(Token(Kind.COMMA, ",", i))
            i += 1
        elif ch == "=":
            tokens.append(Token(Kind.EQ, "=", i))
            i += 1
        elif text.startswith("!=", i):
            tokens.append(Token(Kind.NE, "!=", i))
            i += 2
        elif (year := _SHORT_YEAR.match(text, i)) is not None:  # `Nov '26`: an apostrophe, no quote
            tokens.append(Token(Kind.WORD, f"20{year[1]}", i))
            i = year.end()
        elif ch in _APOSTROPHES and i > 0 and text[i - 1].isalpha():
            i += 1  # `which teams' spend`: a plural's possessive, no quote
        elif ch in _CLOSING_QUOTE:
            close = _CLOSING_QUOTE[ch]
            end = text.find(close, i + 1)
            if end < 0:
                raise UsageError(
                    f"The quote {ch} at character {i + 1} is never closed.",
                    hint='Close it, e.g. `service="Amazon Simple Storage Service"`.',
                )
            tokens.append(Token(Kind.QUOTED, text[i + 1 : end], i))
            i = end + 1
        else:
            end = _word_end(text, i)
            word = text[i:end]
            if not word.endswith("..") and word.casefold() != "tag:":  # `tag:` alone is a key left out
                word = _TRAILING_PUNCTUATION.sub("", word)
            arrow = _GLUED_ARROW.fullmatch(word)
            if arrow is not None:  # `Jan→Nov`, `oct->nov`: two periods and the arrow between them
                tokens += [Token(Kind.WORD, arrow[k], i + arrow.start(k)) for k in (1, 2, 3)]
            elif word:
                tokens.append(Token(Kind.WORD, word, i))
            i = end
    return tokens


def quote_value(value: str) -> str:
    """A value written so that `tokenize` reads it back as one value: as is, or quoted when it has spaces, commas,
    `=`, `!` or quotes."""
    if value and not re.search(r"[\s,=\"'!]", value):
        return value
    if '"' not in value:
        return f'"{value}"'
    return f"'{value}'"


def next_is(tokens: list[Token], j: int, *words: str) -> bool:
    """Whether the token after `j` is one of `words` (lower-cased)."""
    return j + 1 < len(tokens) and tokens[j + 1].lower in words
