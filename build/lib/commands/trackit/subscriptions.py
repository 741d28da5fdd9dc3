"""`/trackit subscribe|unsubscribe|subscriptions|route ...`: what the bot posts into channels, managed from Slack.

    /trackit subscribe daily account=prod tag:team=web at 08:30 Europe/Paris
    /trackit subscribe anomalies                       (weekly, monthly, budgets, commitments alike)
    /trackit unsubscribe daily [filters]               (without filters: every daily subscription here)
    /trackit subscriptions                             (this channel's subscriptions, budgets, routes, failures)
    /trackit route tag:team=web #web-costs             (`route fallback #finops`, `route remove tag:team=web`,
                                                        `route list`)

Subscriptions post into the channel the command is typed in. Changing subscriptions, routes and budgets needs an
admin or an asker whose scope is unrestricted (what a channel receives is visible to all of its members).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.billing.grammar import parse_query
from bot.billing.model import CostQuery
from bot.billing.money import Money
from bot.errors import AccessDenied, UsageError, UserFacingError
from bot.services import Services
from bot.slack.asker import Asker, asker_for
from bot.slack.blocks import Block, Message, header, message, section
from bot.slack.listeners import SlashRequest
from bot.slack.render import timestamp_text
from bot.state.budgets import list_budgets
from bot.state.deliveries import ChannelFailures, channel_failures
from bot.state.models import SUBSCRIPTION_KINDS
from bot.state.routes import WILDCARD, Route, list_routes, remove_route, set_fallback_route, set_route
from bot.state.subscriptions import Subscription, list_subscriptions, subscribe, unsubscribe

WORDS = ("subscribe", "unsubscribe", "subscriptions", "route")
DEFAULT_TIME = "09:00"

SUBSCRIBE_HINT = (
    "Usage: `/trackit subscribe daily|weekly|monthly|anomalies|budgets|commitments [filters] [at HH:MM] [time zone]`. "
    "Example: `/trackit subscribe daily account=prod tag:team=web at 08:30 Europe/Paris`."
)
UNSUBSCRIBE_HINT = "Usage: `/trackit unsubscribe <kind> [filters]`. Example: `/trackit unsubscribe daily`."
ROUTE_HINT = (
    "Usage: `/trackit route tag:<key>=<value> #channel`, `/trackit route fallback #channel`, "
    "`/trackit route remove tag:<key>=<value>|fallback`, `/trackit route list`. "
    "Example: `/trackit route tag:team=web #web-costs`."
)
HELP_LINES = (
    "*/trackit subscribe* `daily|weekly|monthly|anomalies|budgets|commitments [filters] [at HH:MM] [zone]` "
    "reports posted here; `unsubscribe <kind>`; `subscriptions` lists them.",
    "*/trackit route* `tag:team=web #web-costs` sends alerts about that tag's costs to a channel "
    "(`route fallback #channel`, `route remove ...`, `route list`).",
)

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_CHANNEL = re.compile(r"^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$|^#?([CG][A-Z0-9]{2,})$")


@dataclass(frozen=True)
class SubscriptionRequest:
    """A parsed sub-command. Fields are used as each `action` needs them."""

    action: str  # subscribe, unsubscribe, list, route-set, route-fallback, route-remove, route-list
    kind: str = ""
    filters: str | None = None
    at_time: str = ""
    timezone: str = ""
    tag_key: str = ""
    tag_value: str = ""
    channel_id: str = ""


def _zone(word: str) -> str | None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if word.upper() in ("UTC", "GMT"):
        return "UTC"
    if "/" not in word:
        return None
    try:
        ZoneInfo(word)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UsageError(
            f"`{word}` is not a time zone.", hint=f"Use an IANA name such as `Europe/Paris` or `UTC`. {SUBSCRIBE_HINT}"
        ) from exc
    return word


def _parse_subscribe(words: list[str]) -> SubscriptionRequest:
    if not words or words[0].lower() not in SUBSCRIPTION_KINDS:
        got = f"`{words[0]}` is not something to subscribe to." if words else "Subscribe to what?"
        raise UsageError(got, hint=SUBSCRIBE_HINT)
    kind = words[0].lower()
    rest = words[1:]
    at_time, zone = "", ""
    filters: list[str] = []
    i = 0
    while i < len(rest):
        word = rest[i]
        if word.lower() == "at":
            if i + 1 >= len(rest) or not _TIME.match(rest[i + 1]):
                shown = rest[i + 1] if i + 1 < len(rest) else "nothing"
                raise UsageError(f"`at` needs a time of day as HH:MM, got {shown}.", hint=SUBSCRIBE_HINT)
            m = _TIME.match(rest[i + 1])
            assert m is not None
            at_time = f"{int(m.group(1)):02d}:{m.group(2)}"
            i += 2
            continue
        z = _zone(word)
        if z is not None:
            zone = z
        else:
            filters.append(word)
        i += 1
    return SubscriptionRequest("subscribe", kind, " ".join(filters), at_time, zone)


def _channel(word: str, hint: str) -> str:
    m = _CHANNEL.match(word)
    if not m:
        raise UsageError(f"`{word}` is not a channel: mention it as #channel.", hint=hint)
    return m.group(1) or m.group(2)


def _tag(word: str) -> tuple[str, str]:
    if word.lower() == "fallback":
        return WILDCARD, WILDCARD
    text = word[4:] if word.lower().startswith("tag:") else word
    key, eq, value = text.partition("=")
    if not eq or not key or not value:
        raise UsageError(f"`{word}` is not a tag filter like `tag:team=web`.", hint=ROUTE_HINT)
    return key, value


def _parse_route(words: list[str]) -> SubscriptionRequest:
    if not words:
        raise UsageError("`/trackit route` needs a tag and a channel.", hint=ROUTE_HINT)
    first = words[0].lower()
    if first == "list" and len(words) == 1:
        return SubscriptionRequest("route-list")
    if first in ("remove", "delete"):
        if len(words) != 2:
            raise UsageError("Name one route to remove.", hint=ROUTE_HINT)
        key, value = _tag(words[1])
        return SubscriptionRequest("route-remove", tag_key=key, tag_value=value)
    if len(words) != 2:
        raise UsageError("A route is a tag and a channel, nothing else.", hint=ROUTE_HINT)
    if first == "fallback":
        return SubscriptionRequest("route-fallback", channel_id=_channel(words[1], ROUTE_HINT))
    key, value = _tag(words[0])
    channel = _channel(words[1], ROUTE_HINT)
    return SubscriptionRequest("route-set", tag_key=key, tag_value=value, channel_id=channel)


def parse(words: Sequence[str]) -> SubscriptionRequest:
    """Parse `subscribe ...`, `unsubscribe ...`, `subscriptions` or `route ...` (the first word picks which).
    Raises `UsageError` with the usage."""
    sub, rest = words[0].lower(), list(words[1:])
    if sub == "subscribe":
        return _parse_subscribe(rest)
    if sub == "unsubscribe":
        if not rest or rest[0].lower() not in SUBSCRIPTION_KINDS:
            raise UsageError("Unsubscribe from what?", hint=UNSUBSCRIBE_HINT)
        return SubscriptionRequest("unsubscribe", rest[0].lower(), " ".join(rest[1:]) or None)
    if sub == "subscriptions":
        if rest:
            raise UsageError("`/trackit subscriptions` takes no arguments.", hint=SUBSCRIBE_HINT)
        return SubscriptionRequest("list")
    return _parse_route(rest)


# ------------------------------------------------------------------------------------------- rendering


def _sub_text(s: Subscription) -> str:
    filters = f" `{s.filters}`" if s.filters else ""
    when = f" at {s.at_time} {s.timezone}" if s.kind in ("daily", "weekly", "monthly") else ""
    return f"{s.kind}{filters}{when}"


def render_delivery_failures(failures: tuple[ChannelFailures, ...]) -> list[Block]:
    """Blocks for `/trackit status`: channels whose scheduled posts failed (archived, bot removed ...)."""
    if not failures:
        return []
    lines = [
        f"• <#{f.channel_id}>: {f.failed} failed post(s), last `{f.last_error}` at {timestamp_text(f.last_failed_at)}"
        for f in failures
    ]
    return [section("*Scheduled posts that failed*\n" + "\n".join(lines))]


def visible_to(services: Services, asker: Asker | None, filters: str) -> bool:
    """True when the costs behind `filters` (a budget's, a subscription's) lie within what `asker` may see.
    Filters that no longer parse (a value gone from the data) are shown to unrestricted askers only."""
    if asker is None or asker.scope.unrestricted:
        return True
    try:
        query = parse_query(filters, today=services.today(), vocabulary=services.vocabulary.get())
    except UserFacingError:
        return False
    return asker.scope.covers_filters(query.filters)


def _route_visible(asker: Asker | None, route: Route) -> bool:
    """A route to `tag:k=v` is listed to whoever may see every cost carrying that tag value; the fallback (every
    unrouted alert) to unrestricted askers."""
    if asker is None or asker.scope.unrestricted:
        return True
    return not route.is_fallback and asker.scope.covers_slice(f"tag:{route.tag_key}", route.tag_value)


def render_channel(services: Services, channel_id: str, asker: Asker | None = None) -> Message:
    """Everything posted into `channel_id` that `asker` may see (everything without one): subscriptions, budgets
    reported here, routes here, failures."""
    state = services.state
    subs = [s for s in list_subscriptions(state, channel_id=channel_id) if visible_to(services, asker, s.filters)]
    budgets = [b for b in list_budgets(state, channel_id=channel_id) if visible_to(services, asker, b.filters)]
    routes = [r for r in list_routes(services.state) if r.channel_id == channel_id and _route_visible(asker, r)]
    failures = tuple(f for f in channel_failures(services.state) if f.channel_id == channel_id)
    if not (subs or budgets or routes):
        text = f"<#{channel_id}> has no subscriptions, budgets or routes."
        return message(text, [section(text + " Try `/trackit subscribe daily`."), *render_delivery_failures(failures)])
    lines = [f"• {_sub_text(s)}" for s in subs]
    lines += [
        f"• budget *{b.name}*: {Money(b.currency)(b.amount)}/month {b.filters or 'all accounts'}" for b in budgets
    ]
    lines += [
        f"• alerts for {'everything unrouted' if r.is_fallback else f'tag:{r.tag_key}={r.tag_value}'}" for r in routes
    ]
    blocks = [header(f"Posted here ({len(lines)})"), section("\n".join(lines)), *render_delivery_failures(failures)]
    return message(f"<#{channel_id}>: " + "; ".join(line[2:] for line in lines), blocks)


def done(text: str) -> Message:
    return message(text, [section(f":white_check_mark: {text}")])


# --------------------------------------------------------------------------------------------- handling


def require_manager(asker: Asker) -> None:
    """Changing what a channel receives needs an admin or an asker who sees all billing data (every member of
    the channel sees what is posted there)."""
    if not (asker.is_admin or asker.scope.unrestricted):
        raise AccessDenied(
            "Only TrackIt admins or people who can see all billing data can change what channels receive.",
            hint="Ask one of the admins set in TRACKIT_ADMINS.",
        )


def check_filters(services: Services, filters: str) -> CostQuery:
    """The filters as a query; raises the grammar's own UsageError/NotFound when they do not parse against
    today's data."""
    query = services.parse_filters(filters)
    if query.group_by:
        raise UsageError("Subscriptions and budgets take filters, not `by ...`.", hint=SUBSCRIBE_HINT)
    return query


def prepare(
    services: Services, request: SlashRequest, words: Sequence[str]
) -> tuple[SubscriptionRequest, SlashRequest]:
    """Before the ack: the syntax only (filters are checked against the data, and rights, when answering)."""
    return parse(words), request


def answer(services: Services, prepared: tuple[SubscriptionRequest, SlashRequest]) -> Message:
    """Run one of these subcommands for the asker, in the channel it was typed in."""
    request, slash = prepared
    user_id, channel_id = slash.user_id, slash.channel_id
    asker = asker_for(services, user_id, channel_id)
    state = services.state
    if request.action == "list":
        return render_channel(services, channel_id, asker)
    if request.action == "route-list":
        routes = [r for r in list_routes(state) if _route_visible(asker, r)]
        if not routes:
            return message("No routes: alerts go to the channels subscribed to anomalies.", [section("No routes yet.")])
        lines = [
            f"• {'fallback' if r.is_fallback else f'tag:{r.tag_key}={r.tag_value}'} → <#{r.channel_id}>" for r in routes
        ]
        return message(
            "Routes: " + "; ".join(lines), [header(f"Alert routes ({len(routes)})"), section("\n".join(lines))]
        )
    require_manager(asker)
    if request.action == "subscribe":
        filters = request.filters or ""
        check_filters(services, filters)
        sub, created = subscribe(
            state,
            channel_id=channel_id,
            kind=request.kind,
            filters=filters,
            at_time=request.at_time or DEFAULT_TIME,
            timezone=request.timezone or services.settings.timezone,
            created_by=user_id,
        )
        return done(f"{'Subscribed' if created else 'Updated'}: <#{channel_id}> gets {_sub_text(sub)}.")
    if request.action == "unsubscribe":
        removed = unsubscribe(state, channel_id=channel_id, kind=request.kind, filters=request.filters)
        return done(f"Unsubscribed <#{channel_id}> from {removed} {request.kind} subscription(s).")
    if request.action == "route-fallback":
        route = set_fallback_route(state, channel_id=request.channel_id, created_by=user_id)
        return done(f"Alerts no route matches go to <#{route.channel_id}>.")
    if request.action == "route-set":
        key = services.vocabulary.get().resolve_tag_key(request.tag_key)
        route = set_route(
            state, tag_key=key, tag_value=request.tag_value, channel_id=request.channel_id, created_by=user_id
        )
        return done(f"Alerts about tag:{request.tag_key}={request.tag_value} go to <#{route.channel_id}>.")
    key = request.tag_key  # route-remove
    if key != WILDCARD:
        key = services.vocabulary.get().resolve_tag_key(key)
    remove_route(state, tag_key=key, tag_value=request.tag_value)
    return done("Route removed.")
