"""An inventory and its metrics as plain JSON-able data, so a daily run can be stored with its date.

`dump` / `load` round-trip exactly (dates as ISO text, kinds as their values); the format carries a version so a
later change can still read old snapshots. Storage is the caller's (app state or a file).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from bot.aws.metrics import MetricsResult
from bot.billing.inventory import CollectionError, Inventory, Resource, ResourceKind, ResourceMetrics
from bot.errors import ConfigError

VERSION = 1


def _resource(r: Resource) -> dict[str, Any]:
    return {
        "account_id": r.account_id,
        "region": r.region,
        "kind": r.kind.value,
        "resource_id": r.resource_id,
        "arn": r.arn,
        "name": r.name,
        "type": r.type,
        "size": r.size,
        "state": r.state,
        "attached": r.attached,
        "created": r.created.isoformat() if r.created else None,
        "tags": [list(t) for t in r.tags],
        "extra_ids": list(r.extra_ids),
    }


def _load_resource(d: dict[str, Any]) -> Resource:
    return Resource(
        account_id=d["account_id"],
        region=d["region"],
        kind=ResourceKind(d["kind"]),
        resource_id=d["resource_id"],
        arn=d["arn"],
        name=d["name"],
        type=d["type"],
        size=d["size"],
        state=d["state"],
        attached=d["attached"],
        created=datetime.fromisoformat(d["created"]) if d["created"] else None,
        tags=tuple((k, v) for k, v in d["tags"]),
        extra_ids=tuple(d["extra_ids"]),
    )


def dump(inventory: Inventory, metrics: MetricsResult | None = None) -> dict[str, Any]:
    """Plain data (dicts, lists, str, float, None) for `json.dumps`."""
    out: dict[str, Any] = {
        "version": VERSION,
        "collected_at": inventory.collected_at.isoformat() if inventory.collected_at else None,
        "resources": [_resource(r) for r in inventory.resources],
        "errors": [e.__dict__ for e in inventory.errors],
        "api_calls": dict(inventory.api_calls),
        "regions": {k: list(v) for k, v in inventory.regions.items()},
    }
    if metrics is not None:
        index = {r.key: n for n, r in enumerate(inventory.resources)}
        out["metrics"] = {
            "days": [d.isoformat() for d in metrics.days],
            "series": {
                str(index[key]): {name: [v for _, v in points] for name, points in m.series.items()}
                for key, m in metrics.metrics.items()
                if key in index
            },
        }
    return out


def load(data: dict[str, Any]) -> tuple[Inventory, dict[tuple[str, str, ResourceKind, str], ResourceMetrics]]:
    """The inventory and per-resource metrics of a `dump`. Raises `ConfigError` for an unknown version."""
    if data.get("version") != VERSION:
        raise ConfigError(f"inventory snapshot version {data.get('version')!r} is not supported (expected {VERSION})")
    resources = tuple(_load_resource(d) for d in data["resources"])
    inventory = Inventory(
        resources=resources,
        errors=tuple(CollectionError(**e) for e in data["errors"]),
        api_calls=data["api_calls"],
        collected_at=datetime.fromisoformat(data["collected_at"]) if data["collected_at"] else None,
        regions={k: tuple(v) for k, v in data["regions"].items()},
    )
    metrics: dict[tuple[str, str, ResourceKind, str], ResourceMetrics] = {}
    if "metrics" in data:
        days = [date.fromisoformat(d) for d in data["metrics"]["days"]]
        for index, series in data["metrics"]["series"].items():
            r = resources[int(index)]
            metrics[r.key] = ResourceMetrics(
                r, {name: tuple(zip(days, values, strict=True)) for name, values in series.items()}
            )
    return inventory, metrics
