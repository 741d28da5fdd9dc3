"""Splitting query text into tokens: words, quoted values, `=` / `!=`, and commas.

Quotes may be straight (`"..."`, `'...'`) or the curly ones Slack's clients substitute (`“...”`, `‘...’`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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

    @property
    def is_value(self) -> bool:
        return self.kind in (Kind.WORD, Kind.QUOTED)

    @property
    def lower(self) -> str:
        return self.text.casefold()


_WORD_END = re.compile(r"[\s,=\"'“”‘’„]|!=")


def tokenize(text: str) -> list[Token]:
    """Tokens of `text`. Raises `UsageError` for an unclosed quote or an over-long query."""
    if len(text) > MAX_QUERY_LENGTH:
        raise UsageError(
            f"That query is {len(text)} characters long; the limit is {MAX_QUERY_LENGTH}.",
            hint="Ask a shorter question, e.g. `last month by service`.",
        )
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
            match = _WORD_END.search(text, i)
            end = match.start() if match else n
            tokens.append(Token(Kind.WORD, text[i:end], i))
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
