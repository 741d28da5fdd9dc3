"""Quoting for the SQL the bot writes itself (DuckDB, standard SQL quoting): the one owner of these rules.

Values people type never go into SQL text: they are bound parameters. What is quoted here is text the bot builds
statements from: file paths, column names, tag and cost-category keys read from an export.
"""

from __future__ import annotations


def quote_ident(name: str) -> str:
    """A column, table or alias name, quoted (`tag:user:team` -> `"tag:user:team"`, inner `"` doubled).

    Raises ValueError for a name SQL cannot hold (empty, or with a NUL byte).
    """
    if not name or "\x00" in name:
        raise ValueError(f"invalid SQL identifier {name!r}")
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    """A string literal (`it's` -> `'it''s'`). Raises ValueError for text with a NUL byte."""
    if "\x00" in text:
        raise ValueError(f"invalid SQL literal {text!r}")
    return "'" + text.replace("'", "''") + "'"
