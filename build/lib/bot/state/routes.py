"""Alert routing: costs tagged `key=value` are reported in a given channel.

A route's value may be `*` (any value of that key); the route `*`/`*` is the fallback for everything else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from bot.errors import NotFound, UsageError
from bot.state.db import StateStore, utcnow
from bot.state.models import RouteRow
from bot.state.subscriptions import check_channel

WILDCARD = "*"


@dataclass(frozen=True)
class Route:
    tag_key: str
    tag_value: str
    channel_id: str
    created_by: str
    created_at: datetime

    @property
    def is_fallback(self) -> bool:
        return self.tag_key == WILDCARD


def _to_route(row: RouteRow) -> Route:
    return Route(row.tag_key, row.tag_value, row.channel_id, row.created_by, row.created_at)


def _check(tag_key: str, tag_value: str) -> tuple[str, str]:
    tag_key, tag_value = tag_key.strip(), tag_value.strip()
    if not tag_key or not tag_value:
        raise UsageError(
            "A route needs a tag key and value.", hint="e.g. `route team=data #data-costs`; `team=*` for any value."
        )
    if tag_key == WILDCARD and tag_value != WILDCARD:
        raise UsageError(
            "The fallback route is `*=*`.", hint="A route for a value needs its tag key, e.g. `team=data`."
        )
    return tag_key, tag_value


def set_route(
    store: StateStore, *, tag_key: str, tag_value: str, channel_id: str, created_by: str, now: datetime | None = None
) -> Route:
    """Route `tag_key=tag_value` to `channel_id`, replacing an existing route for the same pair."""
    tag_key, tag_value = _check(tag_key, tag_value)
    check_channel(channel_id)
    with store.session() as session:
        row = session.scalars(
            select(RouteRow).where(RouteRow.tag_key == tag_key, RouteRow.tag_value == tag_value)
        ).one_or_none()
        if row is None:
            row = RouteRow(tag_key=tag_key, tag_value=tag_value)
            session.add(row)
        row.channel_id = channel_id
        row.created_by = created_by
        row.created_at = now or utcnow()
        session.flush()
        return _to_route(row)


def set_fallback_route(store: StateStore, *, channel_id: str, created_by: str) -> Route:
    """The channel for alerts that no other route matches."""
    return set_route(store, tag_key=WILDCARD, tag_value=WILDCARD, channel_id=channel_id, created_by=created_by)


def remove_route(store: StateStore, *, tag_key: str, tag_value: str) -> None:
    """Raises NotFound when there is no such route."""
    tag_key, tag_value = _check(tag_key, tag_value)
    with store.session() as session:
        row = session.scalars(
            select(RouteRow).where(RouteRow.tag_key == tag_key, RouteRow.tag_value == tag_value)
        ).one_or_none()
        if row is None:
            raise NotFound(f"No route for {tag_key}={tag_value}.")
        session.delete(row)


def list_routes(store: StateStore) -> tuple[Route, ...]:
    """Every route, by key then value (the fallback `*=*` sorts first)."""
    with store.session() as session:
        return tuple(
            _to_route(r) for r in session.scalars(select(RouteRow).order_by(RouteRow.tag_key, RouteRow.tag_value))
        )


def route_channels(store: StateStore, tags: Mapping[str, str]) -> tuple[str, ...]:
    """Channels for a cost with these tags: exact `key=value` routes, else `key=*` routes for each key, else the
    fallback; distinct channels, sorted. Empty when nothing matches and there is no fallback."""
    routes = list_routes(store)
    exact = {(r.tag_key, r.tag_value): r.channel_id for r in routes}
    channels: set[str] = set()
    for key, value in tags.items():
        channel = exact.get((key, value)) or exact.get((key, WILDCARD))
        if channel:
            channels.add(channel)
    if not channels and (WILDCARD, WILDCARD) in exact:
        channels.add(exact[(WILDCARD, WILDCARD)])
    return tuple(sorted(channels))
