"""Block Kit builders that keep every message inside Slack's limits, and always carry a plain-text fallback.

Limits enforced here (https://api.slack.com/reference/block-kit/blocks):
at most 50 blocks per message; a section's text at most 3,000 characters and at most 10 fields of at most
2,000 characters each; a header at most 150 characters; a context at most 10 elements; a button's text at
most 75 characters and its value at most 2,000. `chat.postMessage` truncates `text` beyond 40,000 characters.

Builders truncate (with an ellipsis) rather than fail: a slightly shortened answer beats a Slack
`invalid_blocks` error that loses the whole answer. Tables that do not fit one section are split across
several sections, each a complete code block.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from bot.reports.table import text_table

MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_FIELDS = 10
MAX_FIELD_TEXT = 2000
MAX_HEADER_TEXT = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_FALLBACK_TEXT = 40_000

Block = dict[str, Any]
ELLIPSIS = "…"


def truncate(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, ending with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def escape(text: str) -> str:
    """Escape the three characters Slack mrkdwn treats as control characters (&, <, >)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class Message:
    """A Slack message: Block Kit `blocks` plus the plain `text` shown in notifications and by screen readers."""

    text: str
    blocks: tuple[Block, ...] = ()

    def as_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for `chat_postMessage`, `respond` and `ack`."""
        out: dict[str, Any] = {"text": self.text}
        if self.blocks:
            out["blocks"] = list(self.blocks)
        return out


def message(text: str, blocks: Iterable[Block] = ()) -> Message:
    """Build a Message within limits: at most 50 blocks (the last one says how many were left out)."""
    items = list(blocks)
    if len(items) > MAX_BLOCKS:
        left_out = len(items) - (MAX_BLOCKS - 1)
        items = [*items[: MAX_BLOCKS - 1], context(f"{left_out} more block(s) left out (Slack shows at most 50).")]
    return Message(truncate(text, MAX_FALLBACK_TEXT) or " ", tuple(items))


def text_object(text: str, *, plain: bool = False) -> Block:
    if plain:
        return {"type": "plain_text", "text": text, "emoji": True}
    return {"type": "mrkdwn", "text": text}


def header(text: str) -> Block:
    return {"type": "header", "text": text_object(truncate(text, MAX_HEADER_TEXT), plain=True)}


def section(text: str, *, accessory: Block | None = None, block_id: str | None = None) -> Block:
    """A mrkdwn section; text beyond 3,000 characters is truncated."""
    block: Block = {"type": "section", "text": text_object(truncate(text, MAX_SECTION_TEXT))}
    if accessory is not None:
        block["accessory"] = accessory
    if block_id:
        block["block_id"] = block_id
    return block


def fields(items: Sequence[str]) -> list[Block]:
    """Sections of two-column fields, at most 10 fields per section (more fields make more sections)."""
    out: list[Block] = []
    for i in range(0, len(items), MAX_FIELDS):
        chunk = items[i : i + MAX_FIELDS]
        out.append({"type": "section", "fields": [text_object(truncate(f, MAX_FIELD_TEXT)) for f in chunk]})
    return out


def context(*texts: str) -> Block:
    """A context block (small grey text); at most 10 elements."""
    elements = [text_object(truncate(t, MAX_SECTION_TEXT)) for t in texts if t][:MAX_CONTEXT_ELEMENTS]
    return {"type": "context", "elements": elements or [text_object(" ")]}


def divider() -> Block:
    return {"type": "divider"}


def button(text: str, action_id: str, value: str, *, style: str | None = None) -> Block:
    """A button; its value must fit Slack's 2,000 characters (ValueError otherwise: a cut value is corrupt)."""
    if len(value) > MAX_BUTTON_VALUE:
        raise ValueError(f"button value is {len(value)} characters, Slack allows {MAX_BUTTON_VALUE}")
    element: Block = {
        "type": "button",
        "text": text_object(truncate(text, MAX_BUTTON_TEXT), plain=True),
        "action_id": action_id,
        "value": value,
    }
    if style:
        element["style"] = style
    return element


def actions(*elements: Block, block_id: str | None = None) -> Block:
    block: Block = {"type": "actions", "elements": list(elements)[:25]}
    if block_id:
        block["block_id"] = block_id
    return block


def table_lines(rows: Sequence[Sequence[str]], *, right: Sequence[int] = (), max_width: int = 44) -> list[str]:
    """Rows laid out as fixed-width text columns; columns listed in `right` are right-aligned (numbers).

    Cells longer than `max_width` are truncated so one long resource ARN does not push the numbers off screen.
    """
    return text_table([[truncate(str(c), max_width) for c in row] for row in rows], right=right)


def _packed(lines: Iterable[str], limit: int) -> list[list[str]]:
    """Consecutive lines in groups whose newline-joined text stays within `limit` characters (a longer line alone)."""
    groups: list[list[str]] = []
    group: list[str] = []
    size = 0
    for line in lines:
        if group and size + len(line) > limit:
            groups.append(group)
            group, size = [], 0
        group.append(line)
        size += len(line) + 1
    if group:
        groups.append(group)
    return groups


def text_sections(lines: Sequence[str]) -> list[Block]:
    """Lines packed into as few mrkdwn sections as fit Slack's 3,000 characters each."""
    return [section("\n".join(group)) for group in _packed(lines, MAX_SECTION_TEXT)]


def code_sections(lines: Sequence[str]) -> list[Block]:
    """Lines in code blocks, split across as many sections as needed to keep each under 3,000 characters."""
    budget = MAX_SECTION_TEXT - len("```\n```")
    groups = _packed((truncate(line, budget) for line in lines), budget - 1)
    return [section("```\n" + "\n".join(group) + "\n```") for group in groups]
