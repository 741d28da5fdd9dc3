"""`/trackit <subcommand> ...`: one slash command, a table of subcommand groups, one module per group.

    help | accounts | status                                    commands.trackit.info
    access grant | revoke | list                                commands.trackit.access
    resources | idle | rightsizing | commitments                commands.trackit.resources
    subscribe | unsubscribe | subscriptions | route             commands.trackit.subscriptions
    budget set | list | delete                                  commands.trackit.budgets

Each group module has `WORDS` (the first words it answers), `parse(words)` (the syntax, pure), `prepare(services,
request, words)` (what runs before the ack: the parse, and for groups that answer from billing data the asker's
scope, each once) and `answer(services, prepared)` (after the ack). The first word picks the group from `DISPATCH`;
an empty text is `help`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.errors import UsageError
from bot.services import Services
from bot.slack.blocks import Message
from bot.slack.listeners import SlashRequest
from commands.trackit import access, budgets, info, resources, subscriptions

COMMAND = "/trackit"


@dataclass(frozen=True)
class Group:
    """One subcommand group: the words it answers and its three steps (see the module docstring)."""

    words: tuple[str, ...]
    parse: Callable[[Sequence[str]], object]
    prepare: Callable[[Services, SlashRequest, Sequence[str]], Any]
    answer: Callable[[Services, Any], Message]


GROUPS: tuple[Group, ...] = tuple(
    Group(module.WORDS, module.parse, module.prepare, module.answer)
    for module in (info, access, resources, subscriptions, budgets)
)
DISPATCH: Mapping[str, Group] = {word: group for group in GROUPS for word in group.words}


@dataclass(frozen=True)
class Prepared:
    """A `/trackit` request after its ack-time step: the group that answers it and what that group prepared."""

    group: Group
    value: Any


def _route(text: str) -> tuple[Group, list[str]]:
    words = text.split() or ["help"]
    group = DISPATCH.get(words[0].lower())
    if group is None:
        raise UsageError(f"`{words[0]}` is not a /trackit command.", hint=info.USAGE_HINT)
    return group, words


def parse(text: str) -> object:
    """The subcommand's own parsed request (syntax only: no store, no app state). Raises `UsageError` with the
    usage of the group, or of `/trackit`, for anything else."""
    group, words = _route(text)
    return group.parse(words)


def prepare(services: Services, request: SlashRequest) -> Prepared:
    """Before the ack: pick the group and run its ack-time step (raises `UserFacingError` for bad input)."""
    group, words = _route(request.text)
    return Prepared(group, group.prepare(services, request, words))


def answer(services: Services, prepared: Prepared) -> Message:
    """After the ack: the group's answer."""
    return prepared.group.answer(services, prepared.value)


def ask(services: Services, request: SlashRequest) -> Message:
    """Run a `/trackit` request for its asker, both steps in a row (for tools and tests)."""
    return answer(services, prepare(services, request))
