"""Cost Explorer as a quick-start source: daily cost by service and linked account, no export needed.

Coarser than an export, and labelled so (`source_format = "ce"`): one line item per day, service and account, with
no resources, usage types, regions or tags. Unblended, amortized and net unblended costs come from CE's own
metrics. Results are paginated with `NextPageToken`; each billing month becomes one delivery whose id hashes the
normalised rows, so re-ingesting unchanged numbers is a no-op.

See https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_GetCostAndUsage.html
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from botocore.exceptions import BotoCoreError, ClientError

from bot.aws.session import RETRY_CONFIG, AwsIdentity, make_session
from bot.billing.model import LINE_ITEM_COLUMNS, Delivery
from bot.billing.periods import add_months, month_start
from bot.billing.store import NormalizedSource
from bot.errors import IngestError, SourceAccessDenied, UsageError
from bot.sqltext import quote_ident, quote_literal

METRICS = ("UnblendedCost", "AmortizedCost", "NetUnblendedCost", "UsageQuantity")
_FIELDS = ("day", "service", "account", "account_name", "unblended", "amortized", "net", "usage", "unit", "currency")

#: Canonical column -> SQL over the CSV written from CE results (a mapping table like the export formats').
CE_COLUMNS: dict[str, str] = {
    "charge_period_start": "CAST(day AS TIMESTAMP)",
    "charge_period_end": "CAST(day AS TIMESTAMP) + INTERVAL 1 DAY",
    "billed_cost": "CAST(unblended AS DOUBLE)",
    "effective_cost": "CAST(COALESCE(amortized, unblended) AS DOUBLE)",
    "net_cost": "CAST(net AS DOUBLE)",
    "usage_amount": "CAST(usage AS DOUBLE)",
    "usage_unit": "unit",
    "sub_account_id": "account",
    "sub_account_name": "account_name",
    "service_name": "service",
    "line_item_type": "'Usage'",
    "charge_category": "'Usage'",
    "description": "'Cost Explorer daily total (no resource detail)'",
    "currency": "currency",
    "provider": "'aws'",
    # Cost Explorer has no line item types: tax and the monthly Support and Savings Plans fees show as services.
    "charge_class": (
        "CASE WHEN service = 'Tax' THEN 'tax' "
        "WHEN service LIKE 'AWS Support%' OR service LIKE 'Savings Plans for %' THEN 'recurring' ELSE 'usage' END"
    ),
}


@dataclass(frozen=True)
class CeRequest:
    """What `ce://?months=N` asks for: N billing months ending with the current one."""

    months: int = 3

    @classmethod
    def parse(cls, uri: str) -> CeRequest:
        params = parse_qs(urlsplit(uri).query)
        try:
            months = int(params.get("months", ["3"])[0])
        except ValueError as exc:
            raise UsageError(f"{uri}: months must be a whole number", hint="e.g. ce://?months=3") from exc
        if not 1 <= months <= 13:
            raise UsageError(f"{uri}: months must be between 1 and 13 (Cost Explorer keeps 13 months)")
        return cls(months)


def fetch_results(client: Any, start: date, end: date) -> Iterator[dict[str, Any]]:
    """Every `ResultsByTime` entry of GetCostAndUsage over `[start, end)`, daily, by SERVICE and LINKED_ACCOUNT,
    following `NextPageToken` to the last page. Yields (result, account names) pairs flattened into results."""
    token: str | None = None
    while True:
        kwargs: dict[str, Any] = {
            "TimePeriod": {"Start": start.isoformat(), "End": end.isoformat()},
            "Granularity": "DAILY",
            "Metrics": list(METRICS),
            "GroupBy": [{"Type": "DIMENSION", "Key": "SERVICE"}, {"Type": "DIMENSION", "Key": "LINKED_ACCOUNT"}],
        }
        if token:
            kwargs["NextPageToken"] = token
        page = client.get_cost_and_usage(**kwargs)
        names = {
            str(a.get("Value", "")): str(a.get("Attributes", {}).get("description", ""))
            for a in page.get("DimensionValueAttributes", [])
        }
        for result in page.get("ResultsByTime", []):
            yield {**result, "_names": names}
        token = page.get("NextPageToken")
        if not token:
            return


def rows_from_results(results: Iterator[Mapping[str, Any]]) -> Iterator[dict[str, str]]:
    """Flatten CE results into one row per (day, service, account); missing metrics stay empty (NULL)."""
    for result in results:
        day = str(result.get("TimePeriod", {}).get("Start", ""))
        names: Mapping[str, str] = result.get("_names", {})
        groups = result.get("Groups") or []
        if not groups and result.get("Total"):
            groups = [{"Keys": [], "Metrics": result["Total"]}]
        for group in groups:
            keys = [str(k) for k in group.get("Keys", [])] + ["", ""]
            metrics = group.get("Metrics", {})

            def amount(name: str, metrics: Mapping[str, Any] = metrics) -> str:
                return str(metrics.get(name, {}).get("Amount", ""))

            unblended = metrics.get("UnblendedCost", {})
            yield {
                "day": day,
                "service": keys[0],
                "account": keys[1],
                "account_name": names.get(keys[1], ""),
                "unblended": amount("UnblendedCost"),
                "amortized": amount("AmortizedCost"),
                "net": amount("NetUnblendedCost"),
                "usage": amount("UsageQuantity"),
                "unit": str(metrics.get("UsageQuantity", {}).get("Unit", "")),
                "currency": str(unblended.get("Unit", "USD")),
            }


def write_month_files(rows: Iterator[dict[str, str]], workdir: Path) -> dict[date, tuple[Path, int, Decimal]]:
    """Write rows into one CSV per billing month; returns month -> (path, rows, Decimal unblended total)."""
    out: dict[date, tuple[Path, int, Decimal]] = {}
    writers: dict[date, tuple[Any, Any]] = {}
    try:
        for row in rows:
            month = month_start(date.fromisoformat(row["day"]))
            if month not in writers:
                path = workdir / f"ce-{month:%Y-%m}.csv"
                fh = path.open("w", newline="")
                writer = csv.DictWriter(fh, fieldnames=_FIELDS)
                writer.writeheader()
                writers[month] = (fh, writer)
                out[month] = (path.resolve(), 0, Decimal(0))
            writers[month][1].writerow(row)
            path, n, total = out[month]
            out[month] = (path, n + 1, total + Decimal(row["unblended"] or "0"))
    finally:
        for fh, _w in writers.values():
            fh.close()
    return out


def normalized_source(path: Path, month: date, rows: int, total: Decimal, uri: str) -> NormalizedSource:
    """The `NormalizedSource` of one month written by `write_month_files`."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    delivery = Delivery(
        billing_period=month,
        delivery_id=f"ce-{digest}",
        delivered_at=datetime.now(UTC),
        source_format="ce",
        source_uri=uri,
        source=uri.split("?", 1)[0],  # one source however many months it asks for
    )
    types = ", ".join(f"{quote_literal(f)}: 'VARCHAR'" for f in _FIELDS)
    relation = (
        f"read_csv([{quote_literal(str(path))}], header = true, columns = {{{types}}}, nullstr = '', "
        "auto_detect = false)"
    )
    select = []
    for name, typ, _ in LINE_ITEM_COLUMNS:
        expr = f"DATE {quote_literal(month.isoformat())}" if name == "billing_period" else CE_COLUMNS.get(name, "NULL")
        expr = f"COALESCE(CAST({expr} AS VARCHAR), '')" if typ == "VARCHAR" else f"CAST({expr} AS {typ})"
        select.append(f"{expr} AS {quote_ident(name)}")
    return NormalizedSource(
        delivery=delivery,
        select_sql="SELECT\n    " + ",\n    ".join(select) + f"\nFROM {relation}",
        tag_keys=(),
        cost_categories=(),
        expected_billed_total=str(total),
        expected_rows=rows,
        bytes_read=path.stat().st_size,
    )


def cost_explorer_sources(
    uri: str, workdir: Path, identity: AwsIdentity | None = None, today: date | None = None
) -> list[NormalizedSource]:
    """Query Cost Explorer for the months `uri` asks for and return one `NormalizedSource` per month."""
    request = CeRequest.parse(uri)
    today = today or datetime.now(UTC).date()
    start = add_months(month_start(today), -(request.months - 1))
    end = max(today, start + timedelta(days=1))
    identity = identity or AwsIdentity()
    client = make_session(identity).client("ce", region_name="us-east-1", config=RETRY_CONFIG)
    try:
        months = write_month_files(rows_from_results(fetch_results(client, start, end)), workdir)
    except ClientError as exc:
        code = str(exc.response.get("Error", {}).get("Code", ""))
        who = f"role {identity.role_arn}" if identity.role_arn else "the bot's credentials"
        if code in ("AccessDeniedException", "AccessDenied", "UnrecognizedClientException"):
            raise SourceAccessDenied(
                f"Cost Explorer refused GetCostAndUsage for {who} ({code})",
                hint="Allow ce:GetCostAndUsage and enable Cost Explorer in the payer account.",
            ) from exc
        raise IngestError(f"Cost Explorer GetCostAndUsage failed: {exc}") from exc
    except BotoCoreError as exc:
        raise IngestError(f"Cost Explorer GetCostAndUsage failed: {exc}") from exc
    return [normalized_source(p, m, n, t, uri) for m, (p, n, t) in sorted(months.items())]
