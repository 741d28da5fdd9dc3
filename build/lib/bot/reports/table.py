"""Fixed-width text tables: the one layout of Slack's code-block tables, `trackit query` and the demo."""

from __future__ import annotations

from collections.abc import Collection, Sequence


def text_table(rows: Sequence[Sequence[str]], *, right: Collection[int] = (), rule: bool = False) -> list[str]:
    """`rows` as lines of columns two spaces apart, trailing spaces stripped.

    Columns whose index is in `right` are right-aligned (numbers); with `rule`, a line of dashes follows the first
    row (the header). A row may have fewer cells than the widest one.
    """
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows if i < len(row)) for i in range(max(len(row) for row in rows))]

    def line(row: Sequence[str]) -> str:
        return "  ".join(c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(row)).rstrip()

    lines = [line(row) for row in rows]
    if rule:
        lines.insert(1, "  ".join("-" * w for w in widths))
    return lines
