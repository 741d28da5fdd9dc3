"""Days around an event: `compare the 3 days before and after` a deploy on a named day, `2wks before vs 2wks after`
the upgrade on the 9th, `before/after` (a week either side). Read before the loop (`grammar_prepass`) as the two
spans compared: the days before the event's day, against as many from that day on (the day holds the change), the
latest ending today.
"""

from __future__ import annotations

from datetime import date, timedelta

from bot.billing.grammar_dates import NUMBER_WORDS, range_label, shift_unit
from bot.billing.grammar_time import match_time_range
from bot.billing.grammar_tokens import Kind, Token
from bot.errors import UserFacingError

#: Units a span around an event is counted in, by how people write them.
_UNITS = {
    **dict.fromkeys(("day", "days", "d"), "day"),
    **dict.fromkeys(("week", "weeks", "wk", "wks", "w"), "week"),
    **dict.fromkeys(("month", "months", "mo", "mos"), "month"),
}
#: Words between the two sides (`before and after`, `before vs after`, `before/after`).
_BETWEEN = frozenset({"and", "vs", "vs.", "versus", "&", "/", "compared", "to", "with", "v"})


def around_event(tokens: list[Token], today: date) -> tuple[list[Token], str | None]:
    """`tokens` with `N units before (and|vs) [N units] after` and the one day named elsewhere replaced by the two
    spans compared (`2026-11-14..2026-11-16 vs 2026-11-17..2026-11-19`), and the reading that says so; as they
    are (and None) when the question names no such sides or no single day to count them from."""
    tokens = _either_side(tokens)
    words = [t.lower for t in tokens]
    for b, w in enumerate(words):
        if w != "before":
            continue
        count, unit, first = _side(words, b)
        if unit is None and b + 1 < len(words) and "after" in words[b + 1 : b + 3]:
            count, unit, first = 7, "day", b  # `before/after pls`: a week either side
        k = b + 1
        # `2 wks before nov 2 vs 2 wks after`: the event's day between the sides
        dated = _time_at(tokens, k, today) if k < len(words) and words[k] not in _BETWEEN | {"after"} else 0
        k += dated
        while k < len(words) and words[k] in _BETWEEN:
            k += 1
        last = next((a for a in range(k, min(k + 4, len(words))) if words[a] == "after"), None)
        if last is None or unit is None:
            continue
        after_count, after_unit, _ = _side(words, last) if last > k else (count, unit, last)
        if after_unit is None:
            after_count, after_unit = count, unit
        sides = set(range(first, last + 1)) - set(range(b + 1, b + 1 + dated))
        event = _event_day(tokens, today, sides)
        if event is None:
            return tokens, None
        day, at, used = event
        before = (shift_unit(unit, day, -count), day)
        after_end = min(shift_unit(after_unit, day, after_count), today + timedelta(days=1))
        if after_end <= day:
            return tokens, None
        spans = [range_label(*before), "vs", range_label(day, after_end)]
        position = tokens[first].position
        replaced = [Token(Kind.WORD, s, position) for s in spans]
        drop = set(range(first, last + 1)) | set(range(at, at + used))
        lead = next((j for j in range(at - 1, max(at - 8, -1), -1) if words[j] in ("after", "since")), None)
        if lead is not None:  # `did glue go up after the deploy on wed 18th? before/after`: the event's day, once
            drop.add(lead)
        out = [t for j, t in enumerate(tokens) if j not in drop or j == first]
        place = out.index(tokens[first])
        out[place : place + 1] = replaced
        typed = " ".join(t.text for t in tokens[first : last + 1])
        return out, f"Read `{typed}` around {day:%A %Y-%m-%d} as `{' '.join(spans)}`."
    return tokens, None


def _either_side(tokens: list[Token]) -> list[Token]:
    """`a week either side of the change`, `3 days each side`: the span before and as many after, as
    `before and after` says it."""
    words = [t.lower for t in tokens]
    for j in range(1, len(tokens) - 1):
        if words[j] not in ("either", "each", "both") or words[j + 1] not in ("side", "sides"):
            continue
        first = _side(words, j)[2]
        if first == j:
            continue  # (no span counted before it)
        b = next((k for k, w in enumerate(words) if w == "before" and "after" in words[k + 1 : k + 3]), None)
        if b is not None:  # `before/after the change ..., daily for a week either side`: the span of those sides
            return [*tokens[:b], *tokens[first:j], *tokens[b:first], *tokens[j + 2 :]]
        position = tokens[j].position
        return [*tokens[:j], *(Token(Kind.WORD, w, position) for w in ("before", "and", "after")), *tokens[j + 2 :]]
    return tokens


def _side(words: list[str], at: int) -> tuple[int, str | None, int]:
    """The span counted right before `words[at]` (`3 days`, `2wks`, `the week`): its count, unit and first index;
    (0, None, at) when there is none."""
    if at >= 1 and at - 1 < len(words):
        one = words[at - 1]
        compact = _compact(one)
        if compact is not None:  # `2wks`
            return compact[0], compact[1], at - 1
        if one in _UNITS and at >= 2:
            n = words[at - 2]
            count = int(n) if n.isdecimal() and len(n) < 3 else NUMBER_WORDS.get(n)
            if count:
                first = at - 3 if at >= 3 and words[at - 3] == "the" else at - 2
                return int(count), _UNITS[one], first
            if n in ("the", "a") and not one.endswith("s"):  # `the week before and after`
                return 1, _UNITS[one], at - 2
        if one in _UNITS and not one.endswith("s") and len(one) > 1:  # `? week before vs week after`
            return 1, _UNITS[one], at - 1
    return 0, None, at


def _compact(word: str) -> tuple[int, str] | None:
    digits = word.rstrip("abcdefghijklmnopqrstuvwxyz")
    unit = word[len(digits) :]
    if digits.isdecimal() and len(digits) < 3 and unit in _UNITS and int(digits) > 0:
        return int(digits), _UNITS[unit]
    return None


def _event_day(tokens: list[Token], today: date, skip: set[int]) -> tuple[date, int, int] | None:
    """The one single day the question names outside `skip` (the sides): its date, index and tokens used."""
    found: list[tuple[date, int, int]] = []
    k = 0
    while k < len(tokens):
        if k in skip or tokens[k].lower in ("after", "since", "before"):  # `after the deploy on the 18th`
            k += 1
            continue
        try:
            matched = match_time_range(tokens, k, today)
        except UserFacingError:
            matched = None
        if matched is None:
            k += 1
            continue
        span, used = matched
        if span.days != 1:
            return None  # a range of its own: the sides are not around one day
        found.append((span.start, k, used))
        k += used
    return found[0] if len(found) == 1 else None


def _time_at(tokens: list[Token], k: int, today: date) -> int:
    """How many tokens at `k` name a time (0 when none do, or what they name cannot be read)."""
    try:
        found = match_time_range(tokens, k, today)
    except UserFacingError:
        return 0
    return 0 if found is None else found[1]
