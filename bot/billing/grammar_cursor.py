"""The parser's place in a question: the tokens, the position read to, and the query being built.

`grammar._Parser` reads a question with the clause readers of `grammar_questions` (what a question asks) and
`grammar_clauses` (filters, `by` dimensions, `top`); each reads and moves the one `Cursor` they share.
"""

from __future__ import annotations

from datetime import date

from bot.billing.grammar_builder import Builder
from bot.billing.grammar_tokens import Kind, Token
from bot.billing.vocabulary import Vocabulary


class Cursor:
    """The state every clause reader shares; `grammar._Parser.__init__` sets it."""

    #: the question as typed (token positions are offsets in it)
    text: str
    tokens: list[Token]
    #: the index of the next token to read
    i: int
    today: date
    vocabulary: Vocabulary
    #: False for commands that do not group results (`by ...` is refused)
    allow_group_by: bool
    #: False where the answer's rows are another thing's (`/tags`: its key's values): values asked as candidates
    #: stay filters there (`grammar_rows.RowsReader.candidates_as_rows`)
    rows_of_its_own: bool
    #: the time phrase a question without one asks about
    default_range: str
    out: Builder
    #: position -> the word as typed, for tokens `correct_typos` replaced (errors name what was typed)
    typed: dict[int, str]

    def word(self, offset: int = 0) -> str | None:
        """The lower-cased word `offset` tokens ahead; None past the end or for a token that is not a word."""
        j = self.i + offset
        if 0 <= j < len(self.tokens) and self.tokens[j].kind is Kind.WORD:
            return self.tokens[j].lower
        return None

    def typed_words(self) -> set[str]:
        """Every word of the question, lower-cased (what the whole text says, for the rules that read it whole)."""
        return {t.lower for t in self.tokens if t.kind is Kind.WORD}

    def kind(self, offset: int = 0) -> Kind | None:
        """The kind of the token `offset` tokens ahead; None past the end."""
        j = self.i + offset
        return self.tokens[j].kind if 0 <= j < len(self.tokens) else None
