"""A question typed as Cost Explorer's API or CLI arguments by an engineer who copies them (`UnblendedCost, GroupBy
Type=DIMENSION,Key=SERVICE, Granularity=MONTHLY, TimePeriod Start=2026-10-01,End=2026-11-01`, `--filter
Dimensions={Key=LINKED_ACCOUNT,Values=[210987654321]} --granularity DAILY`): rewritten as the grammar's own words
before it is read (`grammar.parse_query`), as `grammar_sql` does for SQL.

Only Cost Explorer's own shapes are read: a dimension key in `Key=` (`SERVICE`, `LINKED_ACCOUNT`, `REGION`,
`USAGE_TYPE`, `OPERATION`, `RESOURCE_ID`), a group-by, a `Dimensions` filter with its `Values`, a granularity, a time
period whose `End` is exclusive (as the API's is), and the metric (`UnblendedCost`, `AmortizedCost`,
`NetUnblendedCost`: the grammar's basis words read those). Words around them are left to the grammar as typed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

#: Cost Explorer's dimension keys -> the grammar's dimensions.
_KEYS = {
    "SERVICE": "service",
    "LINKED_ACCOUNT": "account",
    "REGION": "region",
    "USAGE_TYPE": "usage-type",
    "OPERATION": "operation",
    "RESOURCE_ID": "resource",
}
_GROUP_BY = re.compile(r"(?:--)?group-?by\s*[:=]?\s*Type=(?:DIMENSION|TAG),\s*Key=([\w:]+)", re.IGNORECASE)
_FILTER = re.compile(
    r"(?:--filter\s+)?\{?\s*\"?Dimensions\"?\s*[=:]\s*\{\s*\"?Key\"?\s*[=:]\s*\"?(\w+)\"?\s*,\s*"
    r"\"?Values\"?\s*[=:]\s*\[([^\]]*)\]\s*\}\}?",
    re.IGNORECASE,
)
_GRANULARITY = re.compile(r"(?:--)?granularity\s*[=:]?\s*(DAILY|MONTHLY|HOURLY)\b", re.IGNORECASE)
_PERIOD = re.compile(
    r"(?:--)?time-?period\s*[=:]?\s*\{?\s*Start\s*[=:]\s*\"?(\d{4}-\d{2}-\d{2})\"?\s*,\s*End\s*[=:]\s*\"?(\d{4}-\d{2}-\d{2})\"?\s*\}?",
    re.IGNORECASE,
)
_METRICS = re.compile(r"--metrics\s+", re.IGNORECASE)


def cli_question(text: str) -> str | None:
    """The grammar's words for Cost Explorer's arguments in `text` (see the module docstring), the other words kept
    in place; None when `text` holds none of them."""
    found = False

    def group(m: re.Match[str]) -> str:
        nonlocal found
        key = _KEYS.get(m[1].upper())
        if key is None and ":" not in m[1] and m[1].upper() == m[1]:
            return m[0]  # a dimension the grammar does not group by: left to it as typed
        found = True
        return f" by {key or 'tag:' + m[1]} "

    def filtered(m: re.Match[str]) -> str:
        nonlocal found
        key = _KEYS.get(m[1].upper())
        if key is None:
            return m[0]
        found = True
        values = [v.strip().strip("\"'") for v in m[2].split(",") if v.strip()]
        return " " + key + "=" + ",".join(f'"{v}"' if " " in v else v for v in values) + " "

    def step(m: re.Match[str]) -> str:
        nonlocal found
        found = True
        return f" {m[1].casefold()} "  # (`DAILY`: `daily`, the grammar's own word)

    one_month = False

    def period(m: re.Match[str]) -> str:
        nonlocal found, one_month
        start, end = date.fromisoformat(m[1]), date.fromisoformat(m[2]) - timedelta(days=1)  # (End is exclusive)
        if end < start:
            return m[0]
        found = True
        one_month = start.day == 1 and (end + timedelta(days=1)).day == 1 and start.month == end.month
        return f" {start:%Y-%m-%d}..{end:%Y-%m-%d} "

    try:
        rewritten = _PERIOD.sub(period, text)
    except ValueError:  # `End=2026-13-01`: no day; left to the grammar, which names it
        return None
    rewritten = _FILTER.sub(filtered, _GROUP_BY.sub(group, rewritten))
    rewritten = _METRICS.sub(" ", _GRANULARITY.sub(step, rewritten))
    if not found:
        return None
    if one_month:  # `Granularity=MONTHLY` over one month: its total, no series
        rewritten = rewritten.replace(" monthly ", " ")
    rewritten = re.sub(r"\s+", " ", rewritten.replace(" ,", ","))
    return re.sub(r"(?:,\s*)+,", ",", rewritten).strip(" ,")
