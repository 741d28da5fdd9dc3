"""Who is asking, and what they may see: the asker's scope, their view of the vocabulary, the audit record.

Every answer is computed inside the asker's scope (`bot.state.access.resolve_scope`): the scope's filters are
added to the query's own, and suggestions come from a vocabulary restricted to the scope's accounts, so that
neither numbers nor names of other accounts can appear. Outside any scope the bot says so, naming nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from bot.billing.model import Dimension, Filter
from bot.billing.vocabulary import Vocabulary
from bot.errors import AccessDenied
from bot.services import Services
from bot.slack.listeners import ActionAudit, ActionRequest, Audit, SlashRequest
from bot.state.access import Scope, resolve_scope
from bot.state.audit import record_audit

log = logging.getLogger("bot.slack.asker")
Q = TypeVar("Q")

NO_ACCESS = AccessDenied(
    "You don't have access to billing data here.",
    hint="Ask a TrackIt admin to grant you (or this channel) access: `/trackit access grant ...`.",
)
OUTSIDE_SCOPE = AccessDenied(
    "That is outside the billing data you can see here.",
    hint="Ask without that filter, or ask a TrackIt admin for access.",
)


@dataclass(frozen=True)
class Asker:
    user_id: str
    channel_id: str
    scope: Scope
    is_admin: bool = False


def asker_for(services: Services, user_id: str, channel_id: str) -> Asker:
    """The asker with their scope; raises `AccessDenied` (naming nothing) when they may see no billing data."""
    settings = services.settings
    admins = frozenset(settings.admins)
    scope = resolve_scope(
        services.state, user_id, channel_id or None, admins=admins, default_access=settings.default_access
    )
    if scope is None:
        raise NO_ACCESS
    return Asker(user_id, channel_id, scope, user_id in admins)


def channel_asker(services: Services, user_id: str, channel_id: str) -> Asker | None:
    """`user_id` in `channel_id` with the channel's own scope only (what every member of the channel may see,
    whoever they are); None when the channel may see no billing data by itself."""
    scope = resolve_scope(
        services.state, "", channel_id, admins=frozenset(), default_access=services.settings.default_access
    )
    return None if scope is None else Asker(user_id, channel_id, scope)


@dataclass(frozen=True)
class Asked(Generic[Q]):
    """A question ready to answer: its query confined to the asker's scope, the vocabulary as the asker may see it
    (for names and suggestions), the text they typed, the day it is answered for and who asked (the answer's
    buttons carry text and day: `bot.slack.export.AnswerRef`)."""

    query: Q
    vocabulary: Vocabulary
    text: str
    today: date
    user_id: str = ""


def asker_with_vocabulary(
    services: Services, request: SlashRequest, asker: Asker | None = None
) -> tuple[Asker, Vocabulary]:
    """The asker of `request` (raises `AccessDenied` when they may see no billing data), or `asker` when given
    (e.g. the channel alone, for Share in channel), and their vocabulary."""
    asker = asker or asker_for(services, request.user_id, request.channel_id)
    return asker, vocabulary_for(services, asker)


def vocabulary_for(services: Services, asker: Asker) -> Vocabulary:
    """The store's vocabulary as the asker may see it: only the values their scope's line items carry (accounts,
    services, regions, tag values, ...), so no answer, error or suggestion names anything outside the grant."""
    if asker.scope.unrestricted:
        return services.vocabulary.get()
    return services.vocabulary.within(asker.scope.to_filters())


def confine(filters: Sequence[Filter], asker: Asker) -> tuple[Filter, ...]:
    """The query's filters plus the asker's scope. An explicit account filter outside the scope is refused."""
    scope = asker.scope
    if not scope.unrestricted and scope.accounts:
        for f in filters:
            if f.dimension.kind is Dimension.ACCOUNT and not f.negate and not set(f.values) <= scope.accounts:
                raise OUTSIDE_SCOPE
    return (*filters, *scope.to_filters())


def audit_hook(services: Services) -> Audit:
    """Records who asked what (command, text, channel), the outcome and the time taken, in app state."""

    def audit(request: SlashRequest, outcome: str, duration_ms: int) -> None:
        record_audit(
            services.state,
            user_id=request.user_id,
            channel_id=request.channel_id,
            command=request.command,
            text=request.text,
            outcome=outcome,
            duration_ms=duration_ms,
        )

    return audit


def audit_action_hook(services: Services) -> ActionAudit:
    """Records who pressed which button (action id, its value, channel), the outcome and the time taken."""

    def audit(request: ActionRequest, outcome: str, duration_ms: int) -> None:
        record_audit(
            services.state,
            user_id=request.user_id,
            channel_id=request.channel_id,
            command=request.action_id,
            text=request.value,
            outcome=outcome,
            duration_ms=duration_ms,
        )

    return audit
