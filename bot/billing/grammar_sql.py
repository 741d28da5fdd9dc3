"""A question typed as SQL by an analyst (`select service, sum(cost) where account = 333344445555 and month = oct
group by service order by 2 desc`): rewritten as the grammar's own words before it is read (`grammar.parse_query`).

Only the shape analysts type at a cost table is read: `SELECT <columns, aggregates> [FROM <table>] [WHERE <a = b>
[AND ...]] [GROUP BY <columns or positions>] [ORDER BY ...] [LIMIT n]`. Columns are the grammar's dimensions under
CUR's or a spreadsheet's names (`line_item_usage_type`, `usage_type`, `resource_id`); a condition on `month`,
`date` or `period` is the time range; aggregates, `FROM` and `ORDER BY` say nothing the answer does not do anyway
(every answer sums cost, largest first). Anything else is left to the grammar as typed.
"""

from __future__ import annotations

import re

#: The statement, after what people put before it (`basically`, `sql:`).
_STATEMENT = re.compile(
    r"^\W*(?:(?:basically|like|roughly|something like|sql|in sql)\W+)?select\s+(?P<columns>.+?)"
    r"(?:\s+from\s+(?P<table>\S+))?(?:\s+where\s+(?P<where>.+?))?(?:\s+group\s+by\s+(?P<group>.+?))?"
    r"(?:\s+order\s+by\s+.+?)?(?:\s+limit\s+(?P<limit>\d+))?\s*(?:[-—–;]\s.*)?$",
    re.IGNORECASE | re.DOTALL,
)
#: A condition of the WHERE clause: `a = b`, `a != b`, `a in (b, c)`.
_CONDITION = re.compile(r"^\s*([\w:.-]+)\s*(=|!=|<>|\s+in\s+|\s+not\s+in\s+|\s+between\s+)\s*(.+?)\s*$", re.IGNORECASE)
#: Quote marks around a value (`'2026-11-01'`, `"S3"`).
_QUOTES = "'\""
#: `date between '2026-11-01' and '2026-11-26'`: a span of days (its ends kept apart from other conditions by `|`).
_BETWEEN = re.compile(r"([\w:.-]+)\s+between\s+('[^']*'|\S+)\s+and\s+('[^']*'|\S+)", re.IGNORECASE)
#: Column names of the time range.
_TIME_COLUMNS = frozenset({"month", "date", "day", "period", "billing-period", "usage-date", "bill-billing-period"})
#: Prefixes of CUR's and FOCUS's column names (`line_item_usage_type`: `usage_type`).
_PREFIX = re.compile(r"^(?:line_item_|lineitem/|product_|product/|bill_|resource_tags_user_|x_)", re.IGNORECASE)
#: CUR's and FOCUS's names for the grammar's dimensions.
_COLUMNS = {
    "usage_account_id": "account",
    "account_id": "account",
    "payer_account_id": "account",
    "sub_account_id": "account",
    "product_code": "service",
    "product_name": "service",
    "service_name": "service",
    "servicename": "service",
    "region_code": "region",
    "region_id": "region",
    "location": "region",
    "usage_type": "usage-type",
    "usagetype": "usage-type",
    "resource_id": "resource",
    "resourceid": "resource",
    "line_item_type": "charge-type",
    "charge_category": "charge-class",
}
#: A column of the SELECT list (`service`, `line_item_usage_type`, `*`, `team as t`).
_COLUMN = re.compile(r"^\s*[\w:./*`\"-]+(?:\s+as\s+\w+)?\s*$", re.IGNORECASE)
#: Names of the bill's own table (`cur`, `billing`, `line_items`, `costs`).
_GENERIC_TABLE = re.compile(r"cur|bill|cost|line|item|spend|usage|focus|table|data|report|export", re.IGNORECASE)
#: Aggregates of the cost (`sum(cost)`, `count(*)`): what every answer does.
_AGGREGATE = re.compile(r"^\s*\w+\s*\(.*\)\s*(?:as\s+\w+)?\s*$", re.IGNORECASE)


def sql_question(text: str) -> str | None:
    """The grammar's words for a SQL statement `text` (see the module docstring); None when `text` is no such
    statement (the grammar reads it as typed)."""
    found = _STATEMENT.match(text.strip())
    if found is None:
        return None
    typed = _split(found["columns"])
    if not all(_AGGREGATE.match(c) or _COLUMN.match(c) for c in typed):
        return None  # `select the biggest services last month`: English, read by the grammar
    if not (found["where"] or found["group"] or any(_AGGREGATE.match(c) for c in typed)):
        return None
    columns = [_column(c) for c in typed if not _AGGREGATE.match(c) and c.strip() != "*"]
    table = (found["table"] or "").strip('`"').casefold()
    # `from s3`: a service named as the table; `from cur`, `from billing.line_items`: the bill itself
    words: list[str] = [table] if table.isalnum() and not _GENERIC_TABLE.search(table) else []
    where = _BETWEEN.sub(r"\1 between \2|\3", found["where"] or "")  # (its `and` joins no two conditions)
    for condition in re.split(r"\s+and\s+", where, flags=re.IGNORECASE):
        if not condition.strip():
            continue
        parsed = _CONDITION.match(condition)
        if parsed is None:
            return None  # a condition the grammar cannot say: left to it as typed
        key, op, value = parsed[1], parsed[2].strip().casefold(), parsed[3]
        values = [v.strip().strip(_QUOTES) for v in _split(value.strip().strip("()"))]
        if op == "between" and _column(key) in _TIME_COLUMNS:
            first, _, last = value.partition("|")
            words.append(f"{first.strip().strip(_QUOTES)}..{last.strip().strip(_QUOTES)}")
            continue
        if _column(key) in _TIME_COLUMNS:
            words.append(" and ".join(values))
            continue
        negate = op in ("!=", "<>", "not in")
        name = _column(key)
        joined = ",".join(f'"{v}"' if " " in v else v for v in values)
        words.append(f"{name}{'!=' if negate else '='}{joined}")
    group = found["group"]
    if group:
        named = []
        for written in _split(group):
            part = written.strip()
            if part.isdecimal() and 0 < int(part) <= len(columns):
                named.append(columns[int(part) - 1])
            elif not part.isdecimal():
                named.append(_column(part))
        named = [n for n in dict.fromkeys(named) if n not in _TIME_COLUMNS]
        if named:
            words.append("by " + ", ".join(named))
    elif columns:
        by = [c for c in dict.fromkeys(columns) if c not in _TIME_COLUMNS]
        if by:
            words.append("by " + ", ".join(by))
    if found["limit"]:
        words.append(f"top {found['limit']}")
    return " ".join(words) if words else None


def _split(text: str) -> list[str]:
    """`a, sum(b, c), d` split on the commas outside brackets."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [p for p in [*parts, current] if p.strip()]


def _column(name: str) -> str:
    """A column's name as the grammar's dimension (`line_item_usage_type`: `usage-type`; `team`: `team`)."""
    bare = name.strip().strip('`"[]').casefold()
    mapped = _COLUMNS.get(bare) or _COLUMNS.get(_PREFIX.sub("", bare))
    if mapped is not None:
        return mapped
    return _PREFIX.sub("", bare).replace("_", "-")
